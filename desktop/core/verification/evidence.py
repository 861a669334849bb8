"""Verification of evidence (DESIGN.md, Integrity 6): re-hash every blob with both digests, check every
item record against its ledger leaf, every seal and preservation record against its certificate.

The ledger is the anchor: an item's fields are trusted only as far as they reproduce the record digest
logged when it was taken in. Every finding names the item (id and file name), what was expected and
what was found; nothing stops at the first finding.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from cryptography import x509
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import (
    Blob,
    EvidenceItem,
    EvidenceSeal,
    LedgerEntry,
    MediationCase,
    MerkleNode,
    PreservationRecord,
    SigningKey,
    User,
)
from desktop.core.errors import InvalidInput
from desktop.core.evidence.items import item_record, subject
from desktop.core.evidence.preservation import subject as record_subject
from desktop.core.evidence.seals import seal_record
from desktop.core.integrity.canonical import canonical_bytes, format_time, record_digest
from desktop.core.integrity.digests import digest_stream
from desktop.core.integrity.merkle import leaf_hash
from desktop.core.progress import CancelledFn, raise_if_cancelled
from desktop.core.storage.vault.interface import Vault
from desktop.core.trust.events import EventKind
from desktop.core.trust.ledger import entry_from_row
from desktop.core.trust.pki import certificates, signatures
from desktop.core.verification.findings import NOTICE, Finding

IN_BATCH = 500  # values per SQL IN (...) list


@dataclass(slots=True)
class EvidenceResult:
    """Counts and findings of the evidence part of a verification."""

    items: int = 0
    blobs: int = 0
    bytes: int = 0
    seals: int = 0
    records: int = 0
    findings: list[Finding] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Item:
    row: EvidenceItem
    case_number: str
    canonical: bytes  # the record as the row holds it now, made once for the digest and every seal

    @property
    def name(self) -> str:
        return self.row.original_name


def _batches(values: list[Any]) -> Iterable[list[Any]]:
    for start in range(0, len(values), IN_BATCH):
        yield values[start:start + IN_BATCH]


def _ledger_entries(session: Session, subjects: list[str]) -> dict[str, list[LedgerEntry]]:
    found: dict[str, list[LedgerEntry]] = defaultdict(list)
    for batch in _batches(subjects):
        for row in session.scalars(select(LedgerEntry).where(LedgerEntry.subject.in_(batch))
                                   .order_by(LedgerEntry.seq)):
            found[row.subject].append(row)
    return found


def _items(session: Session, case_id: int | None) -> list[_Item]:
    query = select(EvidenceItem, MediationCase.number).join(MediationCase).order_by(EvidenceItem.id)
    if case_id is not None:
        query = query.where(EvidenceItem.case_id == case_id)
    return [_Item(row, number, canonical_bytes(item_record(row, number)))
            for row, number in session.execute(query)]


def _digest_of(entries: list[LedgerEntry], kind: str) -> list[str | None]:
    return [entry.subject_sha256 for entry in entries if entry.kind == kind]


def _check_leaves(session: Session, entries: Iterable[LedgerEntry], findings: list[Finding]) -> None:
    """For a case-scoped check: each entry used as an anchor must match its stored Merkle leaf."""
    for row in entries:
        leaf = leaf_hash(entry_from_row(row).leaf())
        stored = session.get(MerkleNode, (0, row.seq))
        if stored is None or stored.hash != leaf:
            findings.append(Finding("entry-changed", f"entry {row.seq} ({row.kind}, {row.subject}) does not "
                                    "match its ledger leaf", seq=row.seq,
                                    expected=stored.hash.hex() if stored else None, found=leaf.hex()))


def _check_items(items: list[_Item], anchors: dict[str, list[LedgerEntry]],
                 findings: list[Finding]) -> dict[int, str]:
    """Each item's record must reproduce the digest logged at ingest; returns the anchored digests."""
    anchored: dict[int, str] = {}
    for item in items:
        row = item.row
        record = hashlib.sha256(item.canonical).hexdigest()
        logged = _digest_of(anchors.get(subject(row.id), []), EventKind.EVIDENCE_INGESTED)
        if not logged:
            findings.append(Finding("item-not-in-ledger", f"item {row.id} ({item.name}): no ledger entry "
                                    "records its ingest", item=row.id, name=item.name, found=record))
            continue
        anchored[row.id] = logged[0] or ""
        if record != logged[0]:
            findings.append(Finding("item-record-changed", f"item {row.id} ({item.name}): its record does "
                                    "not match the digest logged at ingest (a field was changed)",
                                    item=row.id, name=item.name, expected=logged[0], found=record))
        elif row.record_sha256 != record:
            findings.append(Finding("item-record-changed", f"item {row.id} ({item.name}): its stored record "
                                    "digest was changed", item=row.id, name=item.name, expected=record,
                                    found=row.record_sha256))
    return anchored


def _check_blobs(session: Session, vault: Vault, items: list[_Item], findings: list[Finding],
                 tick: Callable[[int], None], cancelled: CancelledFn) -> tuple[int, int]:
    """Re-hash each blob once (both digests) and compare with every item that uses it."""
    users: dict[str, list[_Item]] = defaultdict(list)
    for item in items:
        users[item.row.blob_sha256].append(item)
    checked_bytes = 0
    rows: dict[str, Blob] = {}
    for batch in _batches(sorted(users)):
        rows.update((row.sha256, row) for row in session.scalars(select(Blob).where(Blob.sha256.in_(batch))))
    for sha256 in sorted(users):
        raise_if_cancelled(cancelled)
        blob_row = rows.get(sha256)
        using = users[sha256]
        if not vault.exists(sha256):
            for item in using:
                findings.append(Finding("blob-missing", f"item {item.row.id} ({item.name}): its file is "
                                        "missing from the vault", item=item.row.id, name=item.name,
                                        expected=sha256))
            continue
        base = checked_bytes
        with vault.open(sha256) as handle:
            digests = digest_stream(handle, lambda done, base=base: tick(base + done), cancelled)
        checked_bytes += digests.size
        for item in using:
            row = item.row
            for label, expected, found in (("SHA-256", row.blob_sha256, digests.sha256),
                                           ("SM3", row.sm3, digests.sm3),
                                           ("size", str(row.size), str(digests.size))):
                if expected != found:
                    findings.append(Finding("blob-changed", f"item {row.id} ({item.name}): the file's "
                                            f"{label} in the vault differs from its record", item=row.id,
                                            name=item.name, expected=expected, found=found))
        recorded = f"{using[0].row.sm3} {using[0].row.size}"
        stored = f"{blob_row.sm3} {blob_row.size}" if blob_row else None
        if stored != recorded:
            findings.append(Finding("blob-row-changed", f"blob {sha256[:16]}: its database row does not "
                                    "match the items' records", expected=recorded, found=stored))
    return len(users), checked_bytes


@dataclass(frozen=True, slots=True)
class _Signer:
    """What a seal or record was signed with, as known here."""

    certificate: x509.Certificate
    fingerprint: str
    owner: str | None
    revoked_at: datetime | None


def _signer(session: Session, key_id: int, cache: dict[int, _Signer | None]) -> _Signer | None:
    if key_id not in cache:
        key = session.get(SigningKey, key_id)
        owner = session.get(User, key.user_id) if key is not None else None
        cache[key_id] = None if key is None else _Signer(
            certificates.load_certificate_pem(key.certificate_pem.encode()), key.fingerprint,
            owner.name if owner else None, key.revoked_at)
    return cache[key_id]


@dataclass(frozen=True, slots=True)
class _Where:
    """What a finding is about: its words and the ids a program reads."""

    text: str
    item: int | None = None
    name: str | None = None
    record: int | None = None

    def finding(self, code: str, message: str, **facts: str | None) -> Finding:
        return Finding(code, f"{self.text}: {message}", item=self.item, name=self.name, record=self.record,
                       **facts)


def _check_signer(signer: _Signer, name: str, signed_at: datetime, where: _Where) -> list[Finding]:
    """Findings about who signed and when, against the certificate and its revocation."""
    found: list[Finding] = []
    if signer.owner != name:
        found.append(where.finding("signer-mismatch", f"signed with {signer.owner}'s key but names {name}",
                                   expected=signer.owner, found=name))
    if signer.revoked_at is not None:
        if signer.revoked_at <= signed_at:
            found.append(where.finding("signed-after-revocation", "signed after its key was revoked",
                                       expected=f"before {format_time(signer.revoked_at)}",
                                       found=format_time(signed_at)))
        else:
            notice = where.finding("revoked-after-seal", f"its key was revoked later "
                                   f"({format_time(signer.revoked_at)}); the seal predates that and stays "
                                   "valid")
            found.append(replace(notice, severity=NOTICE))
    not_before = signer.certificate.not_valid_before_utc
    not_after = signer.certificate.not_valid_after_utc
    if not not_before <= signed_at <= not_after:
        found.append(where.finding("outside-certificate-validity",
                                   "signed outside its certificate's validity",
                                   expected=f"{format_time(not_before)} – {format_time(not_after)}",
                                   found=format_time(signed_at)))
    return found


def _check_seals(session: Session, items: list[_Item], anchored: dict[int, str],
                 anchors: dict[str, list[LedgerEntry]], signers: dict[int, _Signer | None],
                 findings: list[Finding]) -> int:
    by_id = {item.row.id: item for item in items}
    count = 0
    for batch in _batches(list(by_id)):
        for seal in session.scalars(select(EvidenceSeal).where(EvidenceSeal.item_id.in_(batch))
                                    .order_by(EvidenceSeal.id)):
            count += 1
            item = by_id[seal.item_id]
            where = _Where(f"seal {seal.id} on item {seal.item_id} ({item.name}) by {seal.signer}",
                           item=seal.item_id, name=item.name)
            signer = _signer(session, seal.key_id, signers)
            if signer is None:
                findings.append(where.finding("seal-key-unknown", "its certificate is not known here"))
                continue
            if seal.record_sha256 != anchored.get(seal.item_id, seal.record_sha256):
                findings.append(where.finding("seal-record-mismatch", "it names another record digest than "
                                              "the item's", expected=anchored.get(seal.item_id),
                                              found=seal.record_sha256))
            if not signatures.verify(signer.certificate, item.canonical, seal.signature):
                findings.append(where.finding("seal-signature", "the signature does not verify over the "
                                              "item's record"))
            logged = _digest_of(anchors.get(subject(seal.item_id), []), EventKind.EVIDENCE_SEALED)
            digest = record_digest(seal_record(seal.item_id, seal.record_sha256, seal.signer,
                                               signer.fingerprint, seal.sealed_at, seal.signature))
            if digest not in logged:
                findings.append(where.finding("seal-not-in-ledger", "no ledger entry records this seal (it "
                                              "was added or changed afterwards)", found=digest))
            findings.extend(_check_signer(signer, seal.signer, seal.sealed_at, where))
    return count


def _check_records(session: Session, case_id: int | None, items: dict[int, _Item],
                   anchors: dict[str, list[LedgerEntry]], signers: dict[int, _Signer | None],
                   findings: list[Finding]) -> int:
    query = select(PreservationRecord).order_by(PreservationRecord.id)
    if case_id is not None:
        query = query.where(PreservationRecord.case_id == case_id)
    count = 0
    for row in session.scalars(query):
        count += 1
        where = _Where(f"preservation record {row.id}", record=row.id)
        data = row.canonical.encode("utf-8")
        digest = hashlib.sha256(data).hexdigest()
        logged = _digest_of(anchors.get(record_subject(row.id), []), EventKind.PRESERVATION_SEALED)
        if digest not in logged or row.record_sha256 != digest:
            findings.append(where.finding("record-changed", "it does not match the digest logged when it "
                                          "was sealed", expected=logged[0] if logged else None, found=digest))
        try:
            parsed = json.loads(row.canonical)
            well_formed = isinstance(parsed, dict) and canonical_bytes(parsed) == data
        except (ValueError, InvalidInput):
            parsed, well_formed = {}, False
        if not well_formed:
            findings.append(where.finding("record-malformed", "its text is not a canonical record"))
        signer = _signer(session, row.key_id, signers)
        if signer is None:
            findings.append(where.finding("record-key-unknown", "its certificate is not known here"))
            continue
        if not signatures.verify(signer.certificate, data, row.signature):
            findings.append(where.finding("record-signature", "the signature does not verify"))
        findings.extend(_check_signer(signer, row.signer, row.sealed_at, where))
        for listed in parsed.get("items", []) if isinstance(parsed, dict) else []:
            item = items.get(listed.get("id")) if isinstance(listed, dict) else None
            if item is None or listed.get("record_sha256") != item.row.record_sha256 \
                    or listed.get("sha256") != item.row.blob_sha256:
                listed_id = listed.get("id") if isinstance(listed, dict) else None
                findings.append(Finding("record-item-mismatch", f"preservation record {row.id}: the item it "
                                        f"lists as {listed_id} differs from the stored item", record=row.id,
                                        item=listed_id if isinstance(listed_id, int) else None))
    return count


def _unrecorded_blobs(session: Session, vault: Vault) -> list[Finding]:
    """Files in the vault that no item uses: left by an ingest interrupted after the file was stored and
    before its row was written. Harmless (a later ingest of the same bytes reuses them): a notice."""
    recorded = set(session.scalars(select(Blob.sha256)))
    return [Finding("blob-not-recorded", f"the vault holds a file no item uses ({sha256[:16]}…), probably "
                    "from an interrupted ingest", found=sha256, severity=NOTICE)
            for sha256 in vault.digests() if sha256 not in recorded]


def evidence_bytes(session: Session, case_id: int | None) -> int:
    """How many bytes a verification will re-hash (for its progress bar)."""
    query = select(Blob.size).where(Blob.sha256.in_(select(EvidenceItem.blob_sha256).where(
        EvidenceItem.case_id == case_id) if case_id is not None else select(EvidenceItem.blob_sha256)))
    return sum(size for size in session.scalars(query))


def check_evidence(session: Session, vault: Vault, case_id: int | None, tick: Callable[[int], None],
                   cancelled: CancelledFn) -> EvidenceResult:
    """Every evidence check for the whole store (``case_id`` None) or one case."""
    result = EvidenceResult()
    items = _items(session, case_id)
    result.items = len(items)
    if case_id is not None:
        subjects = [subject(item.row.id) for item in items]
        subjects += [record_subject(record_id) for record_id in session.scalars(
            select(PreservationRecord.id).where(PreservationRecord.case_id == case_id))]
        anchors = _ledger_entries(session, subjects)
        _check_leaves(session, (entry for entries in anchors.values() for entry in entries), result.findings)
    else:
        anchors = defaultdict(list)
        anchor_kinds = (EventKind.EVIDENCE_INGESTED, EventKind.EVIDENCE_SEALED, EventKind.PRESERVATION_SEALED)
        for row in session.scalars(select(LedgerEntry).where(LedgerEntry.kind.in_(anchor_kinds))
                                   .order_by(LedgerEntry.seq)):
            anchors[row.subject].append(row)
    anchored = _check_items(items, anchors, result.findings)
    result.blobs, result.bytes = _check_blobs(session, vault, items, result.findings, tick, cancelled)
    signers: dict[int, _Signer | None] = {}
    result.seals = _check_seals(session, items, anchored, anchors, signers, result.findings)
    if case_id is None:
        result.findings.extend(_unrecorded_blobs(session, vault))
    # A record lists items of its own case only (create_record refuses others), so ``items`` suffices.
    by_id = {item.row.id: item for item in items}
    result.records = _check_records(session, case_id, by_id, anchors, signers, result.findings)
    return result
