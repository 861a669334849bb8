"""The evidence list of a case (证据清单): each item with its acquisition data (how, when, by whom, with
what, from where), its size, both digests in full (SHA-256 and SM3), its seals and the verdict of checking
it at the time of printing: the file re-hashed from the vault, its record against the ledger entry of its
ingest, each seal against its certificate and ledger entry (the same checks as ``mediseal verify``,
``verification.evidence.check_evidence``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import EvidenceSeal, MediationCase
from desktop.core.documents.case_facts import local_time, office_name, size_text
from desktop.core.documents.layout import Block, Document, Grid, Text, chinese_date
from desktop.core.documents.wording import in_chinese
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput, NotFound
from desktop.core.evidence.acquisition import SOURCE_KINDS, SourceKind
from desktop.core.evidence.items import subject as item_subject
from desktop.core.integrity.digests import Digests
from desktop.core.progress import never_cancelled
from desktop.core.storage.vault.interface import Vault
from desktop.core.trust.users import real_names
from desktop.core.verification.anchors import batches, for_subjects
from desktop.core.verification.evidence import BlobHashing, Item, check_evidence, load_items
from desktop.core.verification.findings import Finding, Words
from desktop.core.verification.keys import check_keys
from desktop.core.verification.statuses import ItemStatus

TITLE = "证据清单"
TEMPLATE_VERSION = 1
HEADER = ("序号", "证据名称及大小", "取证情况", "签章及核验结论")
WIDTHS = (0.06, 0.28, 0.44, 0.22)
LIST_SIZE = 9  # 小五: a dense list, six or seven items a page


def chosen_items(session: Session, row: MediationCase, wanted: Sequence[int]) -> list[Item]:
    """The case's items, or those named (in the case's order); ``NotFound`` naming an item not of the case,
    or when the case has none."""
    items = load_items(session, row.id)
    if not items:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "Case {number} has no evidence items."), field="items",
                       number=row.number)
    if not wanted:
        return items
    held = {item.row.id for item in items}
    strangers = sorted(set(wanted) - held)
    if strangers:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "Case {number} has no evidence item {items}."),
                       field="items", number=row.number, items="、".join(str(item) for item in strangers))
    return [item for item in items if item.row.id in set(wanted)]


class _Written(BlobHashing):
    """The digests a package export computed from the bytes it wrote, in place of a re-hashing thread."""

    def __init__(self, written: Mapping[str, Digests]) -> None:  # nothing to start: no super().__init__
        self._written: dict[str, Digests | Words] = dict(written)

    def start(self) -> _Written:
        return self

    def result(self) -> dict[str, Digests | Words]:
        return self._written

    def stop(self) -> None:
        pass


def item_statuses(session: Session, vault: Vault, items: list[Item],
                  written: Mapping[str, Digests] | None = None) -> dict[int, ItemStatus]:
    """Each item checked now, as ``mediseal verify --case`` checks it: the file re-hashed (both digests),
    or its digests as ``written`` gives them, its record against its ledger entry, each seal."""
    findings: list[Finding] = []
    anchors = for_subjects(session, [item_subject(item.row.id) for item in items], findings)
    signers = check_keys(session, anchors).signers
    hashing = _Written(written).start() if written is not None else BlobHashing(
        vault, [item.row.blob_sha256 for item in items], lambda _done: None, never_cancelled).start()
    try:
        result = check_evidence(session, vault, items, anchors, signers, False, hashing)
    finally:
        hashing.stop()
    return {status.item: status for status in result.statuses}


def _verdict(status: ItemStatus) -> str:
    """The verdict in words, and which check failed when one did."""
    said = in_chinese(status.verdict)
    if status.bottom_line:
        return said
    failed = [text for holds, text in (
        (status.blob_intact, "文件摘要或大小与记录不符" if status.blob_present else "证据库中缺少文件"),
        (status.in_ledger and status.record_matches_ledger, "记录与存证日志不符"),
        (status.seals_complete and all(seal.valid for seal in status.seals), "签章无效或缺失"))
        if not holds]
    return said + "（" + "；".join(failed) + "）"


def evidence_list(session: Session, row: MediationCase, wanted: Sequence[int], vault: Vault | None,
                  today: date, written: Mapping[str, Digests] | None = None) -> Document:
    """The list of case ``row``'s evidence items (``wanted``, else all), each checked now against the
    files in ``vault``. ``InvalidInput`` without a vault: a verdict without the files re-hashed would
    claim more than was checked.

    ``written`` (a court package's export) gives each blob's digests as the export computed them from the
    bytes it wrote into the package: the SHA-256 recomputed, the SM3 the sealed record's (checked at
    ingest and by ``mediseal verify``; bytes with the sealed SHA-256 are the sealed bytes, so their SM3 is
    the sealed one). The list then says so instead of claiming a fresh SM3."""
    if vault is None:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "The evidence list checks each file in the vault when it is printed: give it the "
            "store's vault."), field="vault")
    items = chosen_items(session, row, wanted)
    statuses = item_statuses(session, vault, items, written)
    seals = _seals(session, [item.row.id for item in items])
    # Who sealed and who took each item in, by their real names (login names when a user has none).
    names = real_names(session, {signer for listed in seals.values() for signer, _at in listed}
                       | {item.row.ingested_by for item in items})
    rows: list[tuple[str, ...]] = []
    for number, item in enumerate(items, start=1):
        evidence = item.row
        source = SourceKind(evidence.source_kind) if evidence.source_kind in SOURCE_KINDS \
            else SourceKind.OTHER
        how = [in_chinese(source)]
        if evidence.acquired_by:
            how.append(f"取证人：{evidence.acquired_by}")
        if evidence.acquired_at is not None:
            how.append(f"取证时间：{local_time(evidence.acquired_at)}")
        if evidence.device:
            how.append(f"设备：{evidence.device}")
        acquired = ["；".join(how)]
        if evidence.source_url:
            acquired.append(f"来源：{evidence.source_url}")
        ingested_by = names.get(evidence.ingested_by) or evidence.ingested_by
        acquired.append(f"入库：{local_time(evidence.ingested_at)}，{ingested_by}")
        sealed = [f"{names.get(signer) or signer}签章（{local_time(at)}）"
                  for signer, at in seals[evidence.id]]
        status = statuses[evidence.id]
        name = f"{evidence.original_name}\n{size_text(evidence.size)}"
        rows.append((str(number), name, "\n".join(acquired),
                     "\n".join(sealed or ["未签章"]) + "\n核验：" + _verdict(status)))
        rows.append((f"SHA-256：{evidence.blob_sha256}\nSM3：{evidence.sm3}",))
    committee = office_name(session)
    blocks: list[Block] = [
        Text(f"本清单列明{row.number}的电子数据共{len(items)}项。" + (
            f"每项的核验结论为{chinese_date(today)}打印本清单时，对证据库中的文件重新计算SHA-256和SM3摘要、"
            "核对其记录与存证日志、核验其签章的结果。" if written is None else
            f"每项的核验结论为{chinese_date(today)}导出证据包时，对写入证据包的文件重新计算SHA-256摘要并与"
            "签章记录核对（SM3摘要为入库时计算并随记录签章的值，导出时未重新计算）、核对其记录与存证日志、"
            "核验其签章的结果。")),
        Grid(HEADER, WIDTHS, tuple(rows), size=LIST_SIZE, together=2),
    ]
    if committee:
        blocks.append(Text(committee, indent=False, right=True))
    blocks.append(Text(chinese_date(today), indent=False, right=True))
    return Document(TITLE, tuple(blocks), reference=row.number, author=committee,
                    subject=f"{TITLE} {row.number}")


def _seals(session: Session, item_ids: list[int]) -> dict[int, list[tuple[str, datetime]]]:
    """Each item's seals (signer, time), in order."""
    found: dict[int, list[tuple[str, datetime]]] = {item_id: [] for item_id in item_ids}
    for batch in batches(item_ids):
        for seal in session.scalars(select(EvidenceSeal).where(EvidenceSeal.item_id.in_(batch))
                                    .order_by(EvidenceSeal.id)):
            found[seal.item_id].append((seal.signer, seal.sealed_at))
    return found
