"""The notary's work record of evidence preservation (保全证据工作记录) for a notarial matter: how, when,
where and by whom the evidence was acquired, before whom, with what, and the list of the items with both
digests (SHA-256 and SM3), from the sealed preservation records (``evidence.preservation``). Each record
that stands (not corrected by a later one) prints on its own pages; a correction names the record it
corrects and why (公证法 第三十九条)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from db.models import MediationCase
from desktop.core.documents.case_facts import local_time, office_name, size_text
from desktop.core.documents.layout import (
    Block,
    Document,
    Grid,
    Heading,
    KeyValueTable,
    PageBreak,
    Signatures,
    Text,
    Title,
)
from desktop.core.errors import QT_TRANSLATE_NOOP, NotFound
from desktop.core.evidence.preservation import PreservationInfo, list_records
from desktop.core.integrity.canonical import parse_time
from desktop.core.trust.users import real_names

TITLE = "保全证据工作记录"
TEMPLATE_VERSION = 1


def _moment(value: object) -> str:
    return local_time(parse_time(str(value))) if value else "—"


def _record_blocks(session: Session, number: str, info: PreservationInfo) -> list[Block]:
    record: dict[str, Any] = dict(info.record)
    acquisition: dict[str, Any] = record.get("acquisition") or {}
    notary = real_names(session, (info.signer,)).get(info.signer) or info.signer
    witnesses = acquisition.get("witnesses") or []
    rows: list[tuple[str, str]] = [
        ("公证事项", number), ("记录编号", f"第{info.id}号"),
        ("申请人", str(acquisition.get("applicant", ""))),
        ("取证时间", f"{_moment(acquisition.get('started_at'))}至{_moment(acquisition.get('ended_at'))}"),
        ("取证地点", str(acquisition.get("place", ""))), ("取证人", str(acquisition.get("operator", ""))),
        ("见证人", "、".join(witnesses) or "—"), ("使用设备", str(acquisition.get("devices", "")) or "—"),
        ("公证员", notary), ("签章时间", local_time(info.sealed_at)),
    ]
    supersedes = record.get("supersedes")
    if isinstance(supersedes, dict):
        rows.append(("更正", f"本记录更正第{supersedes.get('id')}号记录；理由："
                             f"{supersedes.get('reason') or '（未记载）'}"))
    items = [item for item in record.get("items", []) if isinstance(item, dict)]
    grid_rows: list[tuple[str, ...]] = []
    for index, item in enumerate(items, start=1):
        grid_rows.append((str(index), str(item.get("name", "")), f"证据{item.get('id')}",
                          size_text(int(item.get("size", 0)))))
        grid_rows.append((f"SHA-256：{item.get('sha256', '')}\nSM3：{item.get('sm3', '')}",))
    return [
        KeyValueTable(tuple(rows)),
        Heading("保全过程"),
        *(Text(line) for line in str(acquisition.get("steps", "")).splitlines() if line.strip()),
        Heading(f"保全的电子数据（共{len(items)}项）"),
        Grid(("序号", "文件名称", "编号", "大小"), (0.08, 0.52, 0.14, 0.26), tuple(grid_rows), together=2),
        Text(f"本记录数字摘要（SHA-256）：{info.record_sha256}", indent=False),
        Text(f"签章证书指纹（SHA-256）：{info.fingerprint}", indent=False),
        Signatures(("公证员", "取证人", *(f"见证人{name}" for name in witnesses)), dated=False),
    ]


def preservation_record(session: Session, row: MediationCase) -> Document:
    """Every standing preservation record of matter ``row``, each from a new page; ``NotFound`` when the
    matter has none."""
    standing = [info for info in list_records(session, row.number) if info.superseded_by is None]
    if not standing:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "Matter {number} has no preservation record."),
                       number=row.number)
    blocks: list[Block] = []
    for index, info in enumerate(standing):
        if index:
            blocks.extend((PageBreak(), Title(TITLE, row.number)))
        blocks.extend(_record_blocks(session, row.number, info))
    office = office_name(session)
    return Document(TITLE, tuple(blocks), reference=row.number, author=office,
                    subject=f"{TITLE} {row.number}")
