"""Court packages: a case's evidence as a BagIt 1.0 bag (RFC 8493) in a zip with one top-level folder,
with each item's canonical record, seals, certificates, ingest ledger entry and RFC 9162 inclusion proof
under one signed checkpoint, the case's documents, and VERIFY.txt: steps a court clerk follows with
``bagit.py``, ``openssl`` and the shipped ``mediseal/verify_path.py``, without Mediseal.

The names inside are a public contract (``package_layout``). ``export_package`` reads everything first
(refusals before a byte is written), then writes the zip once through the durable writer: never over a
file, and an error or a cancel leaves nothing."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import IO

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.agreements import SealedAgreement
from db.engine import SessionScope
from db.models import PreservationRecord, SigningKey, utc_now
from db.sittings import SealedMinutes, Sitting
from db.timestamps import TimestampRequest, TimestampToken
from desktop import __version__
from desktop.core.cases.deadlines import office_today
from desktop.core.cases.matters import case_subject, find_case
from desktop.core.cases.minutes_records import minutes_subject
from desktop.core.documents import registry
from desktop.core.documents.generation import DocumentKind, DocumentRequest, generate
from desktop.core.errors import QT_TRANSLATE_NOOP, IntegrityError, InvalidInput, NotFound
from desktop.core.evidence import items as evidence_items
from desktop.core.evidence import preservation
from desktop.core.exchange import package_layout as layout
from desktop.core.exchange.proofs import CheckpointNeeded, _inclusion_paths, _not_in_ledger
from desktop.core.integrity import durable
from desktop.core.integrity.canonical import canonical_bytes
from desktop.core.integrity.digests import Digests
from desktop.core.office.office import get_office
from desktop.core.progress import CancelledFn, ProgressFn, never_cancelled, no_progress, raise_if_cancelled
from desktop.core.storage.vault.interface import Vault
from desktop.core.trust import checkpoints, ledger, signing_keys, timestamps
from desktop.core.trust.checkpoints import CheckpointInfo
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Action, Actor, require, require_active
from desktop.core.trust.signing_keys import UnlockedKey

CHUNK = 4 * 1024 * 1024
EXPORT_TSA_TIMEOUT = 10.0  # seconds: the export waits this long for the authority, then goes on without
HASHING_AHEAD = 2  # chunks the hashing thread may lag behind the writing: about 8 MiB held
# The finalised documents a court asks for, when the case has signed ones (agreement, application,
# commitments).
COURT_DOCUMENTS = (DocumentKind.AGREEMENT, DocumentKind.SUPPLEMENTARY_AGREEMENT, DocumentKind.APPLICATION,
                   DocumentKind.COMMITMENT)
VERIFY_SCRIPT_SOURCE = Path(__file__).with_name("verify_path.py")
VERIFY_TEXT = """核验说明 / How to check this package
=====================================

本证据包为 BagIt 1.0（RFC 8493）格式。无需 Mediseal，使用 bagit.py、OpenSSL 和 Python 3 即可核验。
下列步骤中，ID 为证据编号，NAME 为证据文件名，FP 为证书的 SHA-256 指纹。
This package is a BagIt 1.0 bag (RFC 8493). Check it without Mediseal: bagit.py, OpenSSL and Python 3.
In the steps, ID is an evidence item's number, NAME its file name, FP a certificate's SHA-256.

1. 清单核验 / The bag's manifests (every file's SHA-256, the payload's size and count):
   核对每个文件的 SHA-256 及文件总大小、数量（pip install bagit）。
   bagit.py --validate PACKAGE-FOLDER

2. 证据文件摘要 / Each evidence file against its record: mediseal/records/ID.json is the item's
   canonical record (RFC 8785); its "sha256" and "sm3" fields must equal:
   证据记录 mediseal/records/ID.json 中的 "sha256" 和 "sm3" 应与下列命令的结果一致：
   openssl dgst -sha256 data/evidence/ID/NAME
   openssl dgst -sm3 data/evidence/ID/NAME

3. 签章核验 / Each seal: mediseal/seals/ID/FP.sig is a DER ECDSA P-256 signature (SHA-256) over the
   record file's bytes by the certificate mediseal/certs/FP.pem (FP = SHA-256 of its DER):
   FP.sig 是证书 FP.pem 对证据记录文件的 ECDSA P-256 签名；最后一条命令应输出 "Verified OK"：
   openssl x509 -in mediseal/certs/FP.pem -noout -subject -dates -fingerprint -sha256
   openssl x509 -in mediseal/certs/FP.pem -pubkey -noout > cert-pubkey.pem
   openssl dgst -sha256 -verify cert-pubkey.pem -signature mediseal/seals/ID/FP.sig mediseal/records/ID.json

4. 存证日志 / The ledger: mediseal/ledger/ID.entry.json is the item's ingest entry exactly as logged (a
   Merkle leaf); its "subject_sha256" must equal:
   入库日志条目 ID.entry.json 中的 "subject_sha256" 应等于证据记录文件的 SHA-256：
   openssl dgst -sha256 mediseal/records/ID.json
   mediseal/ledger/ID.proof.json holds {"leaf_index", "tree_size", "inclusion_path"} (RFC 9162
   section 2.1.3) against the checkpoint; follow the path to the checkpoint's root:
   ID.proof.json 是该条目到检查点根哈希的默克尔包含证明；下列脚本输出 OK 即该条目在检查点所签的日志之中：
   python3 mediseal/verify_path.py mediseal/ledger/ID.entry.json mediseal/ledger/ID.proof.json \\
       mediseal/ledger/checkpoint.json

5. 检查点签名 / The checkpoint: mediseal/ledger/checkpoint.json (tree size, root, time, signer,
   certificate_sha256 = FP) signed in mediseal/ledger/checkpoint.sig:
   检查点（日志大小、根哈希、时间、签名人）由 certificate_sha256 所指证书签名；应输出 "Verified OK"：
   openssl x509 -in mediseal/certs/FP.pem -pubkey -noout > cert-pubkey.pem
   openssl dgst -sha256 -verify cert-pubkey.pem -signature mediseal/ledger/checkpoint.sig \\
       mediseal/ledger/checkpoint.json

6. 可信时间戳 / The trusted timestamp (RFC 3161), when mediseal/timestamps/ exists. 时间戳服务机构对
   checkpoint.json 的 SHA-256 签发的时间戳，证明该检查点及其涵盖的全部存证日志条目在所示时间已存在；
   第一条命令应输出 "Verification: OK"。
   checkpoint.tsr is the timestamp authority's response over the SHA-256 of checkpoint.json's bytes;
   tsa-ca.pem is the authority's CA certificate, tsa-chain.pem the certificates the token carries. It
   proves the checkpoint (and so every entry under it) existed at the time shown:
   openssl ts -verify -in mediseal/timestamps/checkpoint.tsr -data mediseal/ledger/checkpoint.json \\
       -CAfile mediseal/timestamps/tsa-ca.pem -untrusted mediseal/timestamps/tsa-chain.pem
   openssl ts -reply -in mediseal/timestamps/checkpoint.tsr -text
   Compare the CA's SHA-256 with the one the timestamp authority publishes:
   将 CA 证书的 SHA-256 与时间戳服务机构公布的指纹比对：
   openssl x509 -in mediseal/timestamps/tsa-ca.pem -noout -subject -fingerprint -sha256

7. 案件其他签章记录 / The case's other sealed records (preservation records, sealed minutes and addenda,
   finalised agreements), in a full package only: mediseal/case/NAME.json with its seals
   mediseal/case/NAME/FP.sig, its ledger entry mediseal/case/NAME.entry.json and proof
   mediseal/case/NAME.proof.json, checked as in steps 3 and 4.
   保全证据记录、已封存的调解记录及补正、已生效的调解协议（仅完整证据包）按第 3、4 步同样核验。

8. 签章人身份 / Whose keys: these steps show the package is intact and consistent. Compare each
   certificate's SHA-256 (step 3, -fingerprint -sha256) with the one the office publishes or certified.
   以上步骤证明证据包完整、前后一致；签章人身份须将各证书的 SHA-256 指纹与出具机构公布或证明的指纹比对。

data/documents/ holds the case's evidence list (with each item's verification verdict at export time)
and its finalised documents. `mediseal verify-package FILE.zip` runs all of these checks at once.
data/documents/ 中为证据清单（含导出时每件证据的核验结论）及案件已生效的文书。
"""


@dataclass(frozen=True, slots=True)
class ExportedPackage:
    """A package as written: its file, the case, the items in it, the checkpoint its proofs reach, and
    whether this export signed that checkpoint."""

    path: Path
    case_number: str
    items: tuple[int, ...]
    documents: tuple[str, ...]
    checkpoint: CheckpointInfo
    signed_checkpoint: bool
    size: int
    timestamp: PackageTimestamp | None = None


@dataclass(frozen=True, slots=True)
class PackageTimestamp:
    """The checkpoint's trusted timestamp in the package (``when`` set), or why the package has none
    (``missing``: the authority failed, or the request waits in the queue)."""

    when: datetime | None
    missing: str = ""


@dataclass(frozen=True, slots=True)
class _Item:
    info: evidence_items.ItemInfo
    record: bytes
    entry: ledger.Entry


@dataclass(frozen=True, slots=True)
class _CaseRecord:
    """A sealed record of the case other than an item: ``name`` in the package, its canonical bytes,
    the signer's certificate fingerprint and signature, and the ledger entry that logged its sealing."""

    name: str
    record: bytes
    signer: str
    fingerprint: str
    signature: bytes
    entry: ledger.Entry


def _case_records(session: Session, number: str) -> list[_CaseRecord]:
    """The case's sealed preservation records, sealed minutes and addenda, and finalised agreements, each
    with the entry that logged it (its digest is the record's SHA-256); a record whose entry is missing is
    refused, never exported as sealed."""
    case = find_case(session, number)
    found: list[_CaseRecord] = []
    rows: list[tuple[str, PreservationRecord | SealedMinutes | SealedAgreement, str, list[ledger.Entry]]] = []
    case_entries = ledger.subject_entries(session, case_subject(case.number))
    for kept, fingerprint in session.execute(
            select(PreservationRecord, SigningKey.fingerprint).join(SigningKey)
            .where(PreservationRecord.case_id == case.id).order_by(PreservationRecord.id)):
        rows.append((f"preservation-{kept.id}", kept, fingerprint,
                     ledger.subject_entries(session, preservation.subject(kept.id))))
    for minutes, fingerprint in session.execute(
            select(SealedMinutes, SigningKey.fingerprint).join(SigningKey).join(Sitting)
            .where(Sitting.case_id == case.id).order_by(SealedMinutes.id)):
        rows.append((f"{minutes.kind}-{minutes.id}", minutes, fingerprint,
                     ledger.subject_entries(session, minutes_subject(minutes.id))))
    for agreed, fingerprint in session.execute(
            select(SealedAgreement, SigningKey.fingerprint).join(SigningKey)
            .where(SealedAgreement.case_id == case.id).order_by(SealedAgreement.id)):
        rows.append((f"agreement-{agreed.id}", agreed, fingerprint, case_entries))
    for name, row, fingerprint, entries in rows:
        data = row.canonical.encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()
        entry = next((entry for entry in entries if entry.subject_sha256 == digest), None)
        if entry is None:
            raise IntegrityError(QT_TRANSLATE_NOOP(
                "errors", "The sealed record {record} of case {case} differs from what was logged, so no "
                "package was made. Run a verification to see what differs."), record=name, case=number)
        found.append(_CaseRecord(name, data, row.signer, fingerprint, row.signature, entry))
    return found


def _items(session: Session, number: str, chosen: Sequence[int] | None) -> list[evidence_items.ItemInfo]:
    listed = evidence_items.list_items(session, number)
    if chosen is None:
        return listed
    by_id: dict[int, evidence_items.ItemInfo] = {item.id: item for item in listed}
    missing = [item_id for item_id in dict.fromkeys(chosen) if item_id not in by_id]
    if missing:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Evidence item {item} is not one of case {case}."),
                           item=missing[0], case=number)
    return [by_id[item_id] for item_id in dict.fromkeys(chosen)]


def _safe_name(item: evidence_items.ItemInfo) -> str:
    if "/" in item.name or "\\" in item.name or item.name in ("", ".", ".."):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "Evidence item {item}'s file name {name} cannot name a file in a package."),
            item=item.id, name=item.name)
    return item.name


def _ingest_entry(session: Session, item: evidence_items.ItemInfo, record: bytes) -> ledger.Entry:
    digest = hashlib.sha256(record).hexdigest()
    for entry in evidence_items.custody_trail(session, item.id):
        if entry.kind == EventKind.EVIDENCE_INGESTED and entry.subject_sha256 == digest:
            return entry
    raise _not_in_ledger(item.id)


def _checkpoint(session: Session, actor: Actor, key: UnlockedKey | None, last_seq: int,
                now: datetime) -> tuple[CheckpointInfo, bool]:
    """The newest checkpoint when it covers entry ``last_seq`` (checkpoints only grow), else a new one
    signed with ``key``; refused when there is none and the user holds no key."""
    latest = checkpoints.latest(session)
    if latest is not None and latest.tree_size > last_seq:
        return latest, False
    if key is None:
        raise CheckpointNeeded(QT_TRANSLATE_NOOP(
            "errors", "No signed checkpoint covers the evidence of this package, and {user} holds no signing "
            "key to sign one. Sign a checkpoint (`mediseal checkpoint`), or make a signing key, then export "
            "again."), user=actor.name)
    return checkpoints.sign_checkpoint(session, actor, key, now), True


def _timestamp(session: Session, checkpoint: CheckpointInfo) -> tuple[list[tuple[str, bytes]],
                                                                      PackageTimestamp | None]:
    """The checkpoint's RFC 3161 files for ``mediseal/timestamps/`` when it has a stored token, or why it
    has none (the request waits in the queue, with the authority's last answer; or the checkpoint was
    signed before an authority was set)."""
    found = timestamps.authority(session)
    if found is None:
        return [], None
    token = session.scalar(select(TimestampToken).where(TimestampToken.checkpoint_id == checkpoint.id))
    evidence = timestamps.evidence_for(session, checkpoint.id) if token is not None else None
    if token is None or evidence is None:
        queued = session.get(TimestampRequest, checkpoint.id)
        why = ("the checkpoint was signed before a timestamp authority was set" if queued is None else
               queued.last_error or "the checkpoint's timestamp request waits in the queue")
        return [], PackageTimestamp(None, why)
    try:  # stored under an earlier CA setting: the package's tsa-ca.pem would not be its anchor
        _tst, signer, carried = timestamps.check_token(token.token, bytes.fromhex(token.digest_sha256))
        timestamps._check_chain(signer, carried, found.ca_pem, token.gen_time)
    except timestamps.TimestampFailure as error:
        return [], PackageTimestamp(None, f"the stored token does not check against the authority's CA now "
                                          f"set: {error}")
    files = [(layout.TIMESTAMP_RESPONSE_FILE, evidence.response),
             (layout.TIMESTAMP_CA_FILE, found.ca_pem.encode("ascii")),
             (layout.TIMESTAMP_CHAIN_FILE, b"".join(evidence.certificates_pem))]
    return files, PackageTimestamp(token.gen_time)


def _proof(entry: ledger.Entry, checkpoint: CheckpointInfo, paths: dict[int, list[bytes]]) -> bytes:
    # RFC 9162 §2.1.3: exactly these three fields (the package's contract): plain JSON, not a typed record.
    return json.dumps({"leaf_index": entry.seq, "tree_size": checkpoint.tree_size,
                       "inclusion_path": [node.hex() for node in paths[entry.seq]]},
                      separators=(",", ":")).encode()


def _bag_info(office: str, number: str, octets: int, count: int, today: str) -> bytes:
    # RFC 8493 §2.2.2: labels and values on one line each; Payload-Oxum is octets.count of the payload.
    lines = [f"Source-Organization: {office}", f"Bagging-Date: {today}", f"Payload-Oxum: {octets}.{count}",
             f"External-Identifier: {number}", f"Bag-Software-Agent: Mediseal {__version__}"]
    return ("\n".join(line.replace("\n", " ") for line in lines) + "\n").encode("utf-8")


def _manifest(digests: Sequence[tuple[str, str]]) -> bytes:
    # RFC 8493 §2.1.3: "checksum filepath", paths with "/" and CR, LF, % percent-encoded.
    def encoded(path: str) -> str:
        return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return "".join(f"{digest}  {encoded(path)}\n" for path, digest in digests).encode("utf-8")


def _copy_hashing(source: IO[bytes], sink: IO[bytes], hasher: ThreadPoolExecutor, tick: Callable[[int], None],
                  cancelled: CancelledFn) -> tuple[str, int]:
    """Copy ``source`` into ``sink`` in one pass, the SHA-256 of each chunk written computed meanwhile on
    the ``hasher`` thread (hashlib releases the GIL on large buffers): the hex digest and the size."""
    digest = hashlib.sha256()
    size = 0
    pending: deque[Future[None]] = deque()
    while chunk := source.read(CHUNK):
        raise_if_cancelled(cancelled)
        pending.append(hasher.submit(digest.update, chunk))  # one worker: the chunks are hashed in order
        sink.write(chunk)
        size += len(chunk)
        tick(len(chunk))
        while len(pending) > HASHING_AHEAD:
            pending.popleft().result()
    while pending:
        pending.popleft().result()
    return digest.hexdigest(), size



def _gather(session: Session, number: str, items: Sequence[int] | None
            ) -> tuple[list[_Item], list[_CaseRecord]]:
    """The items to export with their records and ingest entries, and (in a full package) the case's
    other sealed records; refused when an item is not the case's or none is chosen."""
    chosen = _items(session, number, items)
    if not chosen:  # an empty selection too: the evidence list below is of the items written, never all
        raise NotFound(QT_TRANSLATE_NOOP("errors", "Case {number} has no evidence items."), field="items",
                       number=number)
    gathered: list[_Item] = []
    for item in chosen:
        _safe_name(item)
        record = canonical_bytes(evidence_items.get_record(session, item.id))
        gathered.append(_Item(item, record, _ingest_entry(session, item, record)))
    # Selective disclosure: the case's other sealed records name every item, so they go only with all.
    sealed = _case_records(session, number) if items is None else []
    return gathered, sealed


def _last_seq(gathered: Sequence[_Item], sealed: Sequence[_CaseRecord]) -> int:
    return max([g.entry.seq for g in gathered] + [r.entry.seq for r in sealed], default=-1)


def _sign_checkpoint_first(scope: SessionScope, actor: Actor, key: UnlockedKey | None, number: str,
                           items: Sequence[int] | None, now: datetime) -> bool:
    """When no checkpoint covers the package's entries yet, sign one in a transaction of its own and
    then ask the timestamp authority (when one is set) for its token with no transaction open: so the
    export's transaction never holds the ledger lock while the authority answers (up to
    ``EXPORT_TSA_TIMEOUT``) and other seats wait. A failure leaves the request queued. Whether it signed."""
    with scope() as session:
        require(actor, Action.WORK_ON_CASE)
        gathered, sealed = _gather(session, number, items)
        checkpoint, signed = _checkpoint(session, actor, key, _last_seq(gathered, sealed), now)
        found = timestamps.authority(session) if signed else None
    if found is not None:
        digest = hashlib.sha256(canonical_bytes(checkpoint.record())).hexdigest()
        timestamps.send_one(scope, actor, found, checkpoint.id, digest, now, EXPORT_TSA_TIMEOUT)
    return signed


def export_package(scope: SessionScope, vault: Vault, actor: Actor, number: str, out: Path,
                   items: Sequence[int] | None = None, key: UnlockedKey | None = None,
                   progress: ProgressFn = no_progress, cancelled: CancelledFn = never_cancelled,
                   now: datetime | None = None) -> ExportedPackage:
    """Write case ``number``'s court package to the new file ``out`` (a zip). A checkpoint is signed
    with ``key`` first, in a transaction of its own, when none covers the items' entries (and it is
    timestamped when an authority is set); then, in one transaction, the evidence list is generated
    (and recorded) and the package written. ``items`` limits the package to those items (selective
    disclosure); their proofs still reach the signed checkpoint. Refused before anything is written when
    ``out`` exists or an item is not the case's; an error or a cancel leaves no file and rolls back the
    export (a checkpoint signed for it stays: it only signs the ledger as it was)."""
    durable.refuse_existing(out)
    moment = now or utc_now()
    signed = _sign_checkpoint_first(scope, actor, key, number, items, moment)
    with scope() as session:
        made = _export(session, vault, actor, number, out, items, key, progress, cancelled, moment)
    return replace(made, signed_checkpoint=signed or made.signed_checkpoint)


def _export(session: Session, vault: Vault, actor: Actor, number: str, out: Path, items: Sequence[int] | None,
            key: UnlockedKey | None, progress: ProgressFn, cancelled: CancelledFn,
            moment: datetime) -> ExportedPackage:
    require(actor, Action.WORK_ON_CASE)
    gathered, sealed = _gather(session, number, items)
    raise_if_cancelled(cancelled)
    shown = {g.entry.seq: g.entry for g in gathered} | {r.entry.seq: r.entry for r in sealed}
    # Covered already (signed just before), unless another seat sealed a case record meanwhile.
    checkpoint, signed = _checkpoint(session, actor, key, _last_seq(gathered, sealed), moment)
    paths = {entry.seq: path
             for entry, path in _inclusion_paths(session, 0, checkpoint, list(shown.values()))}
    documents: list[tuple[str, bytes]] = []
    for info in registry.list_documents(session, number):
        if info.signed and info.kind in COURT_DOCUMENTS:
            documents.append((f"{layout.DOCUMENTS}/{info.kind.value}-{info.id}.pdf",
                              registry.document_pdf(session, info.id)))
    tags: list[tuple[str, bytes]] = []
    certs: dict[str, bytes] = {}
    for g in gathered:
        item_id = g.info.id
        tags.append((layout.record_file(item_id), g.record))
        for seal in g.info.seals:
            name = layout.seal_file(item_id, seal.fingerprint)
            if name not in dict(tags):
                tags.append((name, seal.signature))
            certs.setdefault(seal.fingerprint, signing_keys.export_certificate(session, seal.signer,
                                                                               seal.fingerprint))
        tags.append((layout.entry_file(item_id), g.entry.leaf()))
        tags.append((layout.proof_file(item_id), _proof(g.entry, checkpoint, paths)))
    for sealed_record in sealed:
        name = sealed_record.name
        tags += [(layout.case_record_file(name), sealed_record.record),
                 (layout.case_seal_file(name, sealed_record.fingerprint), sealed_record.signature),
                 (layout.case_entry_file(name), sealed_record.entry.leaf()),
                 (layout.case_proof_file(name), _proof(sealed_record.entry, checkpoint, paths))]
        certs.setdefault(sealed_record.fingerprint, signing_keys.export_certificate(
            session, sealed_record.signer, sealed_record.fingerprint))
    certs.setdefault(checkpoint.fingerprint, signing_keys.export_certificate(
        session, checkpoint.signer, checkpoint.fingerprint))
    tags += [(layout.cert_file(fp), pem) for fp, pem in sorted(certs.items())]
    stamp_files, stamp = _timestamp(session, checkpoint)
    tags += [(layout.CHECKPOINT_FILE, canonical_bytes(checkpoint.record())),
             (layout.CHECKPOINT_SIGNATURE_FILE, checkpoint.signature),
             *stamp_files,
             (layout.VERIFY_PATH_SCRIPT, VERIFY_SCRIPT_SOURCE.read_bytes()),
             (layout.VERIFY_FILE, VERIFY_TEXT.encode("utf-8"))]
    office = get_office(session)
    top = out.stem
    total = sum(g.info.size for g in gathered) + sum(len(data) for _name, data in documents) or 1
    done = 0

    def tick(size: int) -> None:
        nonlocal done
        done += size
        progress(done, total)

    with durable.new_file(out) as handle, zipfile.ZipFile(handle, "w", zipfile.ZIP_STORED,
                                                          allowZip64=True) as bag, \
            ThreadPoolExecutor(1, thread_name_prefix="export-sha256") as hasher:
        payload: list[tuple[str, str]] = []
        written: dict[str, Digests] = {}
        for g in gathered:
            name = layout.evidence_file(g.info.id, g.info.name)
            with vault.open(g.info.sha256) as source, \
                    bag.open(f"{top}/{name}", "w", force_zip64=True) as sink:
                sha256, size = _copy_hashing(source, sink, hasher, tick, cancelled)
            if sha256 != g.info.sha256:  # the vault's blob changed: never export it as sealed
                raise _not_in_ledger(g.info.id)
            # The SHA-256 of the bytes written is the sealed one, so they are the sealed bytes and their
            # SM3 is the record's (checked at ingest and by `mediseal verify`): not recomputed here.
            written[sha256] = Digests(sha256, g.info.sm3, size)
            payload.append((name, sha256))
        # The evidence list gives each item's verdict from the bytes just written (written after them, so
        # it needs no second pass over the vault); its ledger entry comes before the exports'.
        listing = generate(session, actor, DocumentKind.EVIDENCE_LIST, number, None, now=moment,
                           request=DocumentRequest(items=tuple(g.info.id for g in gathered), vault=vault,
                                                   written=written))
        documents.insert(0, (f"{layout.DOCUMENTS}/evidence-list-{listing.id}.pdf", listing.pdf))
        total += len(listing.pdf)  # known only now; `tick` reads the total when called
        ledger.lock(session)  # held already (the evidence list took it); named here as the order to keep
        require_active(actor)
        for g in gathered:
            # The custody trail shows each copy that left (as `evidence copy` logs one); appended before
            # the zip is closed, in the same transaction: a failed write rolls these back.
            ledger.append(session, actor.name, EventKind.EVIDENCE_EXPORTED,
                          evidence_items.subject(g.info.id), g.info.sha256, now=moment)
        for name, data in documents:
            raise_if_cancelled(cancelled)
            bag.writestr(f"{top}/{name}", data)
            payload.append((name, hashlib.sha256(data).hexdigest()))
            tick(len(data))
        octets = sum(g.info.size for g in gathered) + sum(len(data) for _name, data in documents)
        tags = [(layout.BAGIT_FILE, layout.BAGIT_DECLARATION),
                (layout.BAG_INFO_FILE, _bag_info(office.name if office else "", number, octets, len(payload),
                                                 office_today(moment).isoformat())),
                (layout.MANIFEST_FILE, _manifest(payload)), *tags]
        for name, data in tags:
            bag.writestr(f"{top}/{name}", data)
        tag_digests = [(name, hashlib.sha256(data).hexdigest()) for name, data in tags]
        bag.writestr(f"{top}/{layout.TAG_MANIFEST_FILE}", _manifest(tag_digests))
        raise_if_cancelled(cancelled)
    return ExportedPackage(out, number, tuple(g.info.id for g in gathered),
                           tuple(name for name, _data in documents), checkpoint, signed, out.stat().st_size,
                           stamp)
