"""Verification of items imported from another office (``exchange.importing``): each import's record and
each item's origin record against the ``evidence.imported`` entries that logged them; the origin record's
SHA-256 and SM3 against the item's file; each origin seal against its certificate; the origin ingest
entry against the origin record (its ``subject_sha256``); the inclusion proof to the origin checkpoint's
root (RFC 9162 §2.1.3.2); the checkpoint's signature; the timestamp token over the checkpoint when the
package carried one (RFC 3161); and the package's other sealed case records kept with the import."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.imports import ImportedItem, ImportedSeal, PackageImport, PackageImportFile
from db.models import EvidenceItem, LedgerEntry, MediationCase
from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.core.evidence.items import subject as item_subject
from desktop.core.exchange import package_layout as layout
from desktop.core.exchange.importing import import_record, import_subject, origin_record, token_finding
from desktop.core.exchange.verify_package import proof_leads_to_root
from desktop.core.integrity.canonical import record_digest
from desktop.core.trust.events import EventKind
from desktop.core.trust.pki import signatures
from desktop.core.verification.codes import FindingCode
from desktop.core.verification.findings import Finding, Where, words

# A sealed record's seals: (certificate fingerprint, certificate PEM, DER signature).
Seals = Iterable[tuple[str, bytes, bytes]]


def _json(data: bytes) -> dict[str, Any]:
    try:
        value = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        return {}
    return value if isinstance(value, dict) else {}


def _check_sealed(where: Where, record: bytes, seals: Seals, entry: bytes, proof: bytes,
                  checkpoint: dict[str, Any]) -> list[Finding]:
    """A sealed origin record: its seals, its ledger entry and the entry's proof to the checkpoint."""
    found: list[Finding] = []
    for fingerprint, pem, signature in seals:
        why = signatures.signature_problem(pem, fingerprint, record, signature)
        if why is not None:
            found.append(where.finding(FindingCode.IMPORT_SEAL, words(QT_TRANSLATE_NOOP(
                "findings", "its origin seal by certificate {fingerprint} does not verify"),
                fingerprint=fingerprint), expected="a valid seal", found=why))
    record_sha = hashlib.sha256(record).hexdigest()
    logged = _json(entry).get("subject_sha256")
    if logged != record_sha:
        found.append(where.finding(FindingCode.IMPORT_ENTRY, words(QT_TRANSLATE_NOOP(
            "findings", "its origin ledger entry logs another record")), expected=record_sha,
            found=str(logged)))
    if not proof_leads_to_root(entry, _json(proof), checkpoint):  # RFC 9162 §2.1.3.2
        found.append(where.finding(FindingCode.IMPORT_PROOF, words(QT_TRANSLATE_NOOP(
            "findings", "its origin inclusion proof does not lead to the origin checkpoint's root")),
            expected=str(checkpoint.get("root_sha256"))))
    return found


def _check_package(row: PackageImport, number: str, files: dict[str, bytes], item_ids: list[int],
                   logged: dict[str, list[str]]) -> list[Finding]:
    where = Where(words(QT_TRANSLATE_NOOP("findings", "imported package {number} ({file})"), number=row.id,
                        file=row.package_name), case=number)
    found: list[Finding] = []
    digest = record_digest(import_record(row, number, files.items(), item_ids))
    if digest != row.record_sha256 or digest not in logged.get(import_subject(row.id), []):
        found.append(where.finding(FindingCode.IMPORT_CHANGED, words(QT_TRANSLATE_NOOP(
            "findings", "its record differs from the one the ledger logged at import")),
            expected=row.record_sha256, found=digest))
    checkpoint = _json(row.checkpoint)
    fingerprint = str(checkpoint.get("certificate_sha256", ""))
    why = signatures.signature_problem(row.checkpoint_certificate, fingerprint, row.checkpoint,
                             row.checkpoint_signature)
    if why is not None:
        found.append(where.finding(FindingCode.IMPORT_CHECKPOINT, words(QT_TRANSLATE_NOOP(
            "findings", "the origin checkpoint's signature does not verify")), expected=fingerprint,
            found=why))
    if row.timestamp_response is not None:
        why = token_finding(row.timestamp_response, row.checkpoint)
        if why is not None:
            found.append(where.finding(FindingCode.IMPORT_TIMESTAMP, words(QT_TRANSLATE_NOOP(
                "findings", "the origin timestamp: {reason}"), reason=why)))
    prefix = layout.CASE + "/"
    for name in sorted(files):
        stem = name[len(prefix):-5]
        if not name.startswith(prefix) or not name.endswith(".json") or "/" in stem \
                or name.endswith((".entry.json", ".proof.json")):
            continue
        folder = f"{prefix}{stem}/"
        seals = [(seal[len(folder):-4], files.get(layout.cert_file(seal[len(folder):-4]), b""), data)
                 for seal, data in sorted(files.items()) if seal.startswith(folder) and seal.endswith(".sig")]
        about = Where(words(QT_TRANSLATE_NOOP(
            "findings", "origin record {record} of imported package {number}"), record=stem, number=row.id),
            case=number)
        found.extend(_check_sealed(about, files[name], seals, files.get(layout.case_entry_file(stem), b""),
                                   files.get(layout.case_proof_file(stem), b""), checkpoint))
    return found


def _check_item(link: ImportedItem, item: EvidenceItem, number: str, package: PackageImport,
                seals: list[ImportedSeal], logged: dict[str, list[str]]) -> list[Finding]:
    where = Where(words(QT_TRANSLATE_NOOP("findings", "imported item {item} ({name})"), item=item.id,
                        name=item.original_name), item=item.id, name=item.original_name, case=number)
    found: list[Finding] = []
    digest = record_digest(origin_record(
        item.id, link.import_id, link.origin_item_id, link.origin_record, link.origin_entry,
        link.origin_proof, [(seal.fingerprint, seal.signer, seal.signature) for seal in seals],
        item.record_sha256))
    if digest != link.record_sha256 or digest not in logged.get(item_subject(item.id), []):
        found.append(where.finding(FindingCode.IMPORT_CHANGED, words(QT_TRANSLATE_NOOP(
            "findings", "its origin differs from the one the ledger logged at import")),
            expected=link.record_sha256, found=digest))
    origin = _json(link.origin_record)
    for field, stored in (("sha256", item.blob_sha256), ("sm3", item.sm3)):
        if origin.get(field) != stored:
            found.append(where.finding(FindingCode.IMPORT_FILE, words(QT_TRANSLATE_NOOP(
                "findings", "its file's {digest} differs from the origin record's"), digest=field.upper()),
                expected=str(origin.get(field)), found=stored))
    found.extend(_check_sealed(where, link.origin_record,
                               [(seal.fingerprint, seal.certificate, seal.signature) for seal in seals],
                               link.origin_entry, link.origin_proof, _json(package.checkpoint)))
    return found


def check_imports(session: Session, case_id: int | None) -> list[Finding]:
    """Every import (or one case's) and its items, re-checked; in the whole store, every import the ledger
    logged against the rows (a removed one is named)."""
    logged: dict[str, list[str]] = {}
    for subject, digest in session.execute(select(LedgerEntry.subject, LedgerEntry.subject_sha256).where(
            LedgerEntry.kind == str(EventKind.EVIDENCE_IMPORTED))):
        logged.setdefault(subject, []).append(digest or "")
    query = select(PackageImport, MediationCase.number).join(MediationCase).order_by(PackageImport.id)
    if case_id is not None:
        query = query.where(PackageImport.case_id == case_id)
    packages = {row.id: (row, number) for row, number in session.execute(query)}
    links = select(ImportedItem, EvidenceItem).join(EvidenceItem, EvidenceItem.id == ImportedItem.item_id)
    if case_id is not None:
        links = links.where(EvidenceItem.case_id == case_id)
    items = list(session.execute(links.order_by(ImportedItem.item_id)))
    seals: dict[int, list[ImportedSeal]] = {}
    for seal in session.scalars(select(ImportedSeal).order_by(ImportedSeal.id)):
        seals.setdefault(seal.item_id, []).append(seal)
    findings: list[Finding] = []
    ids_of: dict[int, list[int]] = {}
    for link, _item in items:
        ids_of.setdefault(link.import_id, []).append(link.item_id)
    for import_id, (row, number) in packages.items():
        files = {name: data for name, data in session.execute(
            select(PackageImportFile.name, PackageImportFile.data)
            .where(PackageImportFile.import_id == import_id))}
        item_ids = ids_of.get(import_id) or list(session.scalars(
            select(ImportedItem.item_id).where(ImportedItem.import_id == import_id)))
        findings.extend(_check_package(row, number, files, item_ids, logged))
    for link, item in items:
        package, number = packages.get(link.import_id) or (session.get(PackageImport, link.import_id), "")
        if package is None:
            continue
        findings.extend(_check_item(link, item, number, package, seals.get(link.item_id, []), logged))
    if case_id is None:
        present = {import_subject(import_id) for import_id in packages}
        present |= {item_subject(link.item_id) for link, _item in items}
        for subject in sorted(set(logged) - present):
            findings.append(Where(words(QT_TRANSLATE_NOOP("findings", "import {subject}"), subject=subject))
                            .finding(FindingCode.IMPORT_MISSING, words(QT_TRANSLATE_NOOP(
                                "findings", "the ledger logged it, the store no longer holds it")),
                                expected=logged[subject][0]))
    return findings
