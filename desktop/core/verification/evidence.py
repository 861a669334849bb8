"""Verification of evidence (DESIGN.md, Integrity 6): re-hash every blob with both digests, check every
item record against its ledger leaf and every seal against its certificate and its ledger entry, both
ways: an item or a seal the ledger records but the store no longer holds is named too.

The ledger is the anchor: an item's fields are trusted only as far as they reproduce the record digest
logged when it was taken in. Each item gets a status (facts and a bottom line); every finding names the
item (id and file name), what was expected and what was found; nothing stops at the first finding.
"""

from __future__ import annotations

import hashlib
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Blob, EvidenceItem, EvidenceSeal, MediationCase
from desktop.core.errors import QT_TRANSLATE_NOOP, NotFound
from desktop.core.evidence.items import item_record, subject
from desktop.core.evidence.seals import seal_record
from desktop.core.integrity.canonical import canonical_bytes, record_digest
from desktop.core.integrity.digests import Digests, digest_stream
from desktop.core.progress import CancelledFn, raise_if_cancelled
from desktop.core.storage.vault.interface import Vault
from desktop.core.trust.events import EventKind
from desktop.core.trust.pki import signatures
from desktop.core.verification.anchors import Anchors, Logged, batches
from desktop.core.verification.codes import FindingCode
from desktop.core.verification.findings import (
    DIFFERS_SHA256,
    DIFFERS_SIZE,
    DIFFERS_SM3,
    NOTICE,
    Finding,
    Where,
    Words,
    finding,
    words,
)
from desktop.core.verification.keys import SEAL_CODES, Signer, judge_signer
from desktop.core.verification.statuses import ItemStatus, SealStatus

ITEM_SUBJECT_PREFIX = "evidence:"


@dataclass(slots=True)
class EvidenceResult:
    """Counts, statuses and findings of the evidence part of a verification."""

    items: int = 0
    blobs: int = 0
    bytes: int = 0
    seals: int = 0
    findings: list[Finding] = field(default_factory=list)
    statuses: list[ItemStatus] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Item:
    """An item row with its case number and its record as the row holds it now (made once, for the
    digest, every seal and the preservation records that list it)."""

    row: EvidenceItem
    case_number: str
    canonical: bytes

    @property
    def name(self) -> str:
        return self.row.original_name

    def where(self, about: Words | None = None, seal: int | None = None) -> Where:
        return Where(about or words(QT_TRANSLATE_NOOP("findings", "item {item} ({name})"), item=self.row.id,
                                    name=self.name), item=self.row.id, name=self.name, seal=seal)


@dataclass(slots=True)
class _Facts:
    """One item's facts as they are established, frozen into an ``ItemStatus`` at the end."""

    in_ledger: bool = False
    record_matches_ledger: bool = False
    anchored: str | None = None  # the record digest logged at ingest
    blob_present: bool = False
    sha256_ok: bool = False
    sm3_ok: bool = False
    size_ok: bool = False
    seals: list[SealStatus] = field(default_factory=list)
    seals_complete: bool = True


def load_items(session: Session, case_id: int | None) -> list[Item]:
    """Every item (or one case's), with its case number and canonical record, in one query."""
    query = select(EvidenceItem, MediationCase.number).join(MediationCase).order_by(EvidenceItem.id)
    if case_id is not None:
        query = query.where(EvidenceItem.case_id == case_id)
    return [Item(row, number, canonical_bytes(item_record(row, number)))
            for row, number in session.execute(query)]


def _item_id(logged: Logged) -> int | None:
    number = logged.subject.removeprefix(ITEM_SUBJECT_PREFIX)
    return int(number) if logged.subject.startswith(ITEM_SUBJECT_PREFIX) and number.isdigit() else None


def _check_records(items: list[Item], anchors: Anchors, facts: dict[int, _Facts],
                   findings: list[Finding]) -> None:
    """Each item's record must reproduce the digest logged at ingest."""
    for item in items:
        row, fact = item.row, facts[item.row.id]
        record = hashlib.sha256(item.canonical).hexdigest()
        logged = anchors.of(subject(row.id), EventKind.EVIDENCE_INGESTED)
        if not logged:
            findings.append(item.where().finding(FindingCode.ITEM_NOT_IN_LEDGER, words(QT_TRANSLATE_NOOP(
                "findings", "no ledger entry records its ingest")), found=record))
            continue
        first = logged[0]
        fact.in_ledger, fact.anchored = True, first.digest or ""
        if record != first.digest:
            findings.append(item.where().finding(FindingCode.ITEM_RECORD_CHANGED, words(QT_TRANSLATE_NOOP(
                "findings", "its record does not match the digest logged at ingest (a field was changed)")),
                expected=first.digest, found=record))
        elif row.record_sha256 != record:
            findings.append(item.where().finding(FindingCode.ITEM_RECORD_CHANGED, words(QT_TRANSLATE_NOOP(
                "findings", "its stored record digest was changed")), expected=record,
                found=row.record_sha256))
        fact.record_matches_ledger = record == first.digest == row.record_sha256 and anchors.trusted(first)


def _missing_items(items: list[Item], anchors: Anchors, findings: list[Finding]) -> None:
    """Items the ledger records as taken in that the store no longer holds."""
    present = {item.row.id for item in items}
    for logged in anchors.kind(EventKind.EVIDENCE_INGESTED):
        item_id = _item_id(logged)
        if item_id is not None and item_id not in present:
            present.add(item_id)  # named once
            findings.append(Where(words(QT_TRANSLATE_NOOP("findings", "item {item}"), item=item_id),
                                  item=item_id).finding(FindingCode.ITEM_MISSING, words(QT_TRANSLATE_NOOP(
                                      "findings", "the ledger records its ingest (entry {seq}) but the store "
                                      "no longer holds it"), seq=logged.seq),
                                      expected=logged.digest, seq=logged.seq))


class BlobHashing:
    """Re-hashes blobs (both digests, each file read once) on a thread of its own, so the records, seals
    and the ledger are checked meanwhile: reads and hashlib release the GIL, and a small file's SM3 would
    otherwise leave the second core idle. ``result`` waits for it; ``stop`` abandons it."""

    def __init__(self, vault: Vault, sha256s: Iterable[str], progress: Callable[[int], None],
                 cancelled: CancelledFn) -> None:
        self._vault = vault
        self._sha256s = sorted(set(sha256s))
        self._progress = progress
        self._cancelled = cancelled
        self._stop = threading.Event()
        self._error: BaseException | None = None
        self._hashed: dict[str, Digests | Words] = {}  # digests, or why the file could not be read
        self._thread = threading.Thread(target=self._run, name="verify-blobs", daemon=True)

    def start(self) -> BlobHashing:
        self._thread.start()
        return self

    def _stopped(self) -> bool:
        return self._stop.is_set() or self._cancelled()

    def _run(self) -> None:
        done = 0
        try:
            for sha256 in self._sha256s:
                raise_if_cancelled(self._stopped)
                base = done

                def progress(size: int, base: int = base) -> None:
                    self._progress(base + size)

                try:  # opened without asking first whether it exists: one look-up less per file
                    with self._vault.open(sha256) as handle:
                        digests = digest_stream(handle, progress, self._stopped)
                except (NotFound, OSError) as error:
                    self._hashed[sha256] = words(QT_TRANSLATE_NOOP(
                        "findings", "its file is missing from the vault")) \
                        if isinstance(error, NotFound | FileNotFoundError) \
                        else words(QT_TRANSLATE_NOOP("findings", "its file cannot be read from the vault "
                                                     "({reason})"), reason=_reason(error))
                    continue
                self._hashed[sha256] = digests
                done += digests.size
        except BaseException as error:  # handed to the checking thread by result()
            self._error = error

    def result(self) -> dict[str, Digests | Words]:
        """Each blob's digests, or the reason it could not be read; raises what the thread raised."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._hashed

    def stop(self) -> None:
        """Abandon the hashing (the check failed or was cancelled) and wait for the thread."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()


def _reason(error: BaseException) -> str:
    """An operating-system error's reason, as the system says it."""
    return (error.strerror if isinstance(error, OSError) else None) or str(error)


def _check_blobs(session: Session, items: list[Item], hashed: dict[str, Digests | Words],
                 facts: dict[int, _Facts], findings: list[Finding]) -> tuple[int, int]:
    """Compare each blob's digests with every item that uses it, and its database row with them."""
    users: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        users[item.row.blob_sha256].append(item)
    checked_bytes = 0
    rows: dict[str, Blob] = {}
    for batch in batches(sorted(users)):
        rows.update((row.sha256, row) for row in session.scalars(select(Blob).where(Blob.sha256.in_(batch))))
    for sha256 in sorted(users):
        using = users[sha256]
        _check_blob_row(sha256, rows.get(sha256), using[0], findings)
        digests = hashed[sha256]
        if isinstance(digests, Words):
            for item in using:
                findings.append(item.where().finding(FindingCode.BLOB_MISSING, digests, expected=sha256))
            continue
        checked_bytes += digests.size
        for item in using:
            _compare_blob(item, digests, facts[item.row.id], findings)
    return len(users), checked_bytes


def _compare_blob(item: Item, digests: Digests, fact: _Facts, findings: list[Finding]) -> None:
    row = item.row
    fact.blob_present = True
    fact.sha256_ok = digests.sha256 == row.blob_sha256
    fact.sm3_ok = digests.sm3 == row.sm3
    fact.size_ok = digests.size == row.size
    # One finding per value that differs, saying which: a notary reads "the SM3 digest differs".
    for said, differs, holds, expected, found in (
            (QT_TRANSLATE_NOOP("findings", "the file's SHA-256 digest in the vault differs from its record"),
             DIFFERS_SHA256, fact.sha256_ok, row.blob_sha256, digests.sha256),
            (QT_TRANSLATE_NOOP("findings", "the file's SM3 digest in the vault differs from its record"),
             DIFFERS_SM3, fact.sm3_ok, row.sm3, digests.sm3),
            (QT_TRANSLATE_NOOP("findings", "the file's size in the vault differs from its record"),
             DIFFERS_SIZE, fact.size_ok, str(row.size), str(digests.size))):
        if not holds:
            findings.append(item.where().finding(FindingCode.BLOB_CHANGED, words(said), expected=expected,
                                                 found=found, differs=differs))


def _check_blob_row(sha256: str, blob_row: Blob | None, item: Item, findings: list[Finding]) -> None:
    """The blob's database row (what a later ingest of the same bytes reuses) must agree with the items."""
    recorded = f"{item.row.sm3} {item.row.size}"
    about = words(QT_TRANSLATE_NOOP("findings", "blob {blob}"), blob=sha256[:16])
    if blob_row is None:
        findings.append(finding(FindingCode.BLOB_ROW_MISSING, words(QT_TRANSLATE_NOOP(
            "findings", "its database row is missing")), about, blob=sha256, expected=recorded))
        return
    stored = f"{blob_row.sm3} {blob_row.size}"
    if stored != recorded:
        findings.append(finding(FindingCode.BLOB_ROW_CHANGED, words(QT_TRANSLATE_NOOP(
            "findings", "its database row does not match the items' records")), about, blob=sha256,
            expected=recorded, found=stored))


def _check_seals(session: Session, items: list[Item], facts: dict[int, _Facts], anchors: Anchors,
                 signers: dict[int, Signer], findings: list[Finding]) -> int:
    """Each seal against its certificate, the item's record and its ledger entry; and each seal the
    ledger records against a row."""
    rows: dict[int, list[EvidenceSeal]] = defaultdict(list)
    for batch in batches([item.row.id for item in items]):
        for seal in session.scalars(select(EvidenceSeal).where(EvidenceSeal.item_id.in_(batch))
                                    .order_by(EvidenceSeal.id)):
            rows[seal.item_id].append(seal)
    count = 0
    for item in items:
        logged = anchors.of(subject(item.row.id), EventKind.EVIDENCE_SEALED)
        seals = rows.get(item.row.id, [])
        if not seals and not logged:
            continue
        count += len(seals)
        unmatched = list(logged)
        changed = 0  # seal rows that match no entry: each stands for one of the entries left over
        for seal in seals:
            status, in_ledger = _check_seal(item, seal, facts[item.row.id], unmatched, anchors,
                                            signers.get(seal.key_id), findings)
            facts[item.row.id].seals.append(status)
            changed += not in_ledger
        facts[item.row.id].seals_complete = len(unmatched) <= changed
        for gone in unmatched[changed:]:
            findings.append(item.where().finding(FindingCode.SEAL_MISSING, words(QT_TRANSLATE_NOOP(
                "findings", "the ledger records a seal (entry {seq}) that the store no longer holds"),
                seq=gone.seq), expected=gone.digest, seq=gone.seq))
    return count


def _check_seal(item: Item, seal: EvidenceSeal, fact: _Facts, unmatched: list[Logged], anchors: Anchors,
                signer: Signer | None, findings: list[Finding]) -> tuple[SealStatus, bool]:
    """One seal's facts and findings; consumes its ledger entry from ``unmatched``. Returns whether an
    entry logs it."""
    about = words(QT_TRANSLATE_NOOP("findings", "seal {seal} on item {item} ({name}) by {signer}"),
                  seal=seal.id, item=seal.item_id, name=item.name, signer=seal.signer)
    where = item.where(about, seal=seal.id)
    fingerprint = signer.fingerprint if signer is not None else None
    digest = record_digest(seal_record(seal.item_id, seal.record_sha256, seal.signer, fingerprint or "",
                                       seal.sealed_at, seal.signature))
    entry = next((logged for logged in unmatched if logged.digest == digest), None)
    if entry is not None:
        unmatched.remove(entry)
    signer_facts, judged = judge_signer(signer, seal.signer, seal.sealed_at, where, SEAL_CODES,
                                        entry.seq if entry is not None else None)
    findings.extend(finding for finding in judged if finding.code == SEAL_CODES.unknown)
    names_record = fact.anchored is None or seal.record_sha256 == fact.anchored
    if signer is not None and not names_record:
        findings.append(where.finding(FindingCode.SEAL_RECORD_MISMATCH, words(QT_TRANSLATE_NOOP(
            "findings", "it names another record digest than the item's")),
            expected=fact.anchored, found=seal.record_sha256))
    valid = False
    if signer is not None and signer.certificate is not None:
        valid = signatures.verify(signer.certificate, item.canonical, seal.signature)
        if not valid:
            findings.append(where.finding(FindingCode.SEAL_SIGNATURE, words(QT_TRANSLATE_NOOP(
                "findings", "the signature does not verify over the item's record"))))
        if entry is None:
            findings.append(where.finding(FindingCode.SEAL_NOT_IN_LEDGER, words(QT_TRANSLATE_NOOP(
                "findings", "no ledger entry records this seal (it was added or changed afterwards)")),
                found=digest))
        findings.extend(finding for finding in judged if finding.code != SEAL_CODES.unknown)
    in_ledger = entry is not None and anchors.trusted(entry)
    readable = signer is not None and signer.certificate is not None
    status = SealStatus(seal.id, seal.signer, seal.sealed_at, fingerprint if readable else None, valid,
                        names_record, in_ledger, signer_facts)
    return status, entry is not None


def _unrecorded_blobs(session: Session, vault: Vault) -> list[Finding]:
    """Files in the vault that no item uses: left by an ingest interrupted after the file was stored and
    before its row was written. Harmless (a later ingest of the same bytes reuses them): a notice."""
    recorded = set(session.scalars(select(Blob.sha256)))
    return [finding(FindingCode.BLOB_NOT_RECORDED, words(QT_TRANSLATE_NOOP(
        "findings", "the vault holds a file no item uses ({blob}…), probably from an interrupted ingest"),
        blob=sha256[:16]), found=sha256, severity=NOTICE, blob=sha256)
            for sha256 in vault.digests() if sha256 not in recorded]


def evidence_bytes(session: Session, case_id: int | None) -> int:
    """How many bytes a verification will re-hash (for its progress bar)."""
    query = select(Blob.size).where(Blob.sha256.in_(select(EvidenceItem.blob_sha256).where(
        EvidenceItem.case_id == case_id) if case_id is not None else select(EvidenceItem.blob_sha256)))
    return sum(size for size in session.scalars(query))


def check_evidence(session: Session, vault: Vault, items: list[Item], anchors: Anchors,
                   signers: dict[int, Signer], whole_store: bool, hashing: BlobHashing) -> EvidenceResult:
    """Every evidence check over ``items`` (the whole store's or one case's); the blobs' digests come
    from ``hashing``, started on the same items, which it waits for after the records and seals."""
    result = EvidenceResult(items=len(items))
    facts = {item.row.id: _Facts() for item in items}
    _check_records(items, anchors, facts, result.findings)
    if whole_store:
        _missing_items(items, anchors, result.findings)
    seal_findings: list[Finding] = []
    result.seals = _check_seals(session, items, facts, anchors, signers, seal_findings)
    result.blobs, result.bytes = _check_blobs(session, items, hashing.result(), facts, result.findings)
    result.findings.extend(seal_findings)
    if whole_store:
        result.findings.extend(_unrecorded_blobs(session, vault))
    for item in items:
        fact = facts[item.row.id]
        result.statuses.append(ItemStatus(item.row.id, item.name, item.case_number, item.row.blob_sha256,
                                          fact.blob_present, fact.sha256_ok, fact.sm3_ok, fact.size_ok,
                                          fact.in_ledger, fact.record_matches_ledger, tuple(fact.seals),
                                          fact.seals_complete))
    return result
