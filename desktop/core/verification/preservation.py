"""Verification of preservation records (保全证据记录): each record's sealed text against the digest the
ledger logged, its signature and certificate, the items it lists, and the columns that repeat what the
text says (its case, the record it corrects, signer and time); and each record the ledger logged
against a row.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import MediationCase, PreservationRecord
from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.core.evidence.preservation import RECORD_VERSION, subject
from desktop.core.integrity.canonical import format_time, parse_canonical
from desktop.core.trust.events import EventKind
from desktop.core.trust.pki import signatures
from desktop.core.verification.anchors import Anchors, batches
from desktop.core.verification.codes import FindingCode
from desktop.core.verification.evidence import Item
from desktop.core.verification.findings import Finding, Where, Words, words
from desktop.core.verification.keys import RECORD_CODES, Signer, judge_signer
from desktop.core.verification.statuses import RecordStatus

RECORD_SUBJECT_PREFIX = "preservation:"
# A column that repeats a field of the sealed text, and what a finding says when they differ.
ROW_FIELDS = {
    "id": QT_TRANSLATE_NOOP("findings", "its stored id differs from its sealed text"),
    "notary": QT_TRANSLATE_NOOP("findings", "its stored notary differs from its sealed text"),
    "time": QT_TRANSLATE_NOOP("findings", "its stored time differs from its sealed text"),
}


def _record(record: int | str) -> Words:
    return words(QT_TRANSLATE_NOOP("findings", "preservation record {record}"), record=record)


@dataclass(slots=True)
class RecordsResult:
    records: int = 0
    findings: list[Finding] = field(default_factory=list)
    statuses: list[RecordStatus] = field(default_factory=list)




def _check_form(parsed: dict[str, Any], where: Where) -> list[Finding]:
    """The record has the form its version says: a version Mediseal wrote, and from version 2 on a
    correction states its reason (version 1 records, sealed before, carry none and stay valid)."""
    version = parsed.get("version")
    if not isinstance(version, int) or not 1 <= version <= RECORD_VERSION:
        return [where.finding(FindingCode.RECORD_MALFORMED, words(QT_TRANSLATE_NOOP(
            "findings", "its version is not one Mediseal writes")), expected=f"1 to {RECORD_VERSION}",
            found=str(version))]
    named = parsed.get("supersedes")
    reason = named.get("reason") if isinstance(named, dict) else None
    if version >= 2 and isinstance(named, dict) and not (isinstance(reason, str) and reason.strip()):
        return [where.finding(FindingCode.RECORD_MALFORMED, words(QT_TRANSLATE_NOOP(
            "findings", "it corrects another record without stating why")))]
    return []


def _check_row(row: PreservationRecord, parsed: dict[str, Any], case_number: str | None,
               digests: dict[int, str], where: Where) -> list[Finding]:
    """The columns must say what the sealed text says: they are what lists and links read."""
    found: list[Finding] = []
    for label, said, stored in (("id", parsed.get("id"), row.id),
                                ("notary", parsed.get("notary"), row.signer),
                                ("time", parsed.get("time"), format_time(row.sealed_at))):
        if said != stored:
            found.append(where.finding(FindingCode.RECORD_ROW_MISMATCH, words(ROW_FIELDS[label]),
                                       expected=str(said), found=str(stored)))
    if parsed.get("case") != case_number:
        found.append(where.finding(FindingCode.RECORD_CASE_MISMATCH, words(QT_TRANSLATE_NOOP(
            "findings", "it is filed under another case than it names")), expected=str(parsed.get("case")),
            found=case_number))
    named = parsed.get("supersedes")
    named_id = named.get("id") if isinstance(named, dict) else None
    named_digest = named.get("record_sha256") if isinstance(named, dict) else None
    if named_id != row.supersedes_id or (named_id is not None and digests.get(named_id) != named_digest):
        found.append(where.finding(
            FindingCode.RECORD_SUPERSEDES_MISMATCH, words(QT_TRANSLATE_NOOP(
                "findings", "the record it corrects differs from the one it names")),
            expected=f"{named_id} {named_digest}" if named_id is not None else None,
            found=(f"{row.supersedes_id} {digests.get(row.supersedes_id)}" if row.supersedes_id is not None
                   else None)))
    return found


def _check_items(parsed: dict[str, Any], items: dict[int, Item], where: Where) -> list[Finding]:
    """Every item the record lists must be stored with the digests it lists."""
    found: list[Finding] = []
    listed_items = parsed.get("items", [])
    for listed in listed_items if isinstance(listed_items, list) else [None]:
        fields: dict[str, Any] = listed if isinstance(listed, dict) else {}
        listed_id = fields.get("id")
        item = items.get(listed_id) if isinstance(listed_id, int) else None
        if item is None or fields.get("record_sha256") != item.row.record_sha256 \
                or fields.get("sha256") != item.row.blob_sha256:
            found.append(where.finding(FindingCode.RECORD_ITEM_MISMATCH, words(QT_TRANSLATE_NOOP(
                "findings", "the item it lists as {item} differs from the stored item"), item=str(listed_id)),
                item=listed_id if isinstance(listed_id, int) else None))
    return found


def _check_record(row: PreservationRecord, case_number: str | None, digests: dict[int, str],
                  items: dict[int, Item], anchors: Anchors, signer: Signer | None,
                  result: RecordsResult) -> None:
    where = Where(_record(row.id), record=row.id, case=case_number)
    findings = result.findings
    data = row.canonical.encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    logged = anchors.of(subject(row.id), EventKind.PRESERVATION_SEALED)
    entry = next((entry for entry in logged if entry.digest == digest), None)
    if not logged:
        findings.append(where.finding(FindingCode.RECORD_NOT_IN_LEDGER, words(QT_TRANSLATE_NOOP(
            "findings", "no ledger entry records its sealing")), found=digest))
    elif entry is None or row.record_sha256 != digest:
        findings.append(where.finding(FindingCode.RECORD_CHANGED, words(QT_TRANSLATE_NOOP(
            "findings", "it does not match the digest logged when it was sealed")), expected=logged[0].digest,
            found=digest))
    parsed, well_formed = parse_canonical(row.canonical)
    if not well_formed:
        findings.append(where.finding(FindingCode.RECORD_MALFORMED, words(QT_TRANSLATE_NOOP(
            "findings", "its text is not a canonical record"))))
    elif form_findings := _check_form(parsed, where):
        findings.extend(form_findings)
        well_formed = False
    row_findings = _check_row(row, parsed, case_number, digests, where)
    findings.extend(row_findings)
    signer_facts, judged = judge_signer(signer, row.signer, row.sealed_at, where, RECORD_CODES,
                                        entry.seq if entry is not None else None)
    valid = certificate_matches = False
    if signer is None or signer.certificate is None:
        findings.extend(judged)
    else:
        findings.extend(finding for finding in judged if finding.code == RECORD_CODES.unknown)
        valid = signatures.verify(signer.certificate, data, row.signature)
        if not valid:
            findings.append(where.finding(FindingCode.RECORD_SIGNATURE, words(QT_TRANSLATE_NOOP(
                "findings", "the signature does not verify"))))
        certificate_matches = parsed.get("certificate_sha256") == signer.fingerprint
        if not certificate_matches:
            findings.append(where.finding(FindingCode.RECORD_CERTIFICATE_MISMATCH, words(QT_TRANSLATE_NOOP(
                "findings", "it names another certificate than the key that signed it")),
                                          expected=signer.fingerprint,
                                          found=str(parsed.get("certificate_sha256"))))
        findings.extend(finding for finding in judged if finding.code != RECORD_CODES.unknown)
    item_findings = _check_items(parsed, items, where)
    findings.extend(item_findings)
    in_ledger = entry is not None and row.record_sha256 == digest and anchors.trusted(entry)
    result.statuses.append(RecordStatus(row.id, case_number or "", in_ledger, well_formed, not row_findings,
                                        not item_findings, valid, certificate_matches, signer_facts))


def check_preservation(session: Session, case_id: int | None, items: dict[int, Item], anchors: Anchors,
                       signers: dict[int, Signer]) -> RecordsResult:
    """Every preservation record (or one case's), and in the whole store every one the ledger logged.

    A record lists items of its own case only (``create_record`` refuses others), so a case's ``items``
    suffice for a case-scoped check."""
    result = RecordsResult()
    query = select(PreservationRecord).order_by(PreservationRecord.id)
    numbers_query = select(MediationCase.id, MediationCase.number)
    if case_id is not None:
        query = query.where(PreservationRecord.case_id == case_id)
        numbers_query = numbers_query.where(MediationCase.id == case_id)
    rows = list(session.scalars(query))
    numbers = {case: number for case, number in session.execute(numbers_query)}
    digests = {row.id: row.record_sha256 for row in rows}
    elsewhere = sorted({row.supersedes_id for row in rows
                        if row.supersedes_id is not None and row.supersedes_id not in digests})
    for batch in batches(elsewhere):
        digests.update((record, digest) for record, digest in session.execute(
            select(PreservationRecord.id, PreservationRecord.record_sha256)
            .where(PreservationRecord.id.in_(batch))))
    strays = sorted({row.case_id for row in rows} - set(numbers))
    for batch in batches(strays):
        numbers.update((case, number) for case, number in session.execute(
            select(MediationCase.id, MediationCase.number).where(MediationCase.id.in_(batch))))
    for row in rows:
        result.records += 1
        _check_record(row, numbers.get(row.case_id), digests, items, anchors, signers.get(row.key_id), result)
    if case_id is None:
        present = {row.id for row in rows}
        for logged in anchors.kind(EventKind.PRESERVATION_SEALED):
            number = logged.subject.removeprefix(RECORD_SUBJECT_PREFIX)
            if not logged.subject.startswith(RECORD_SUBJECT_PREFIX) or not number.isdigit():
                continue
            if int(number) not in present:
                present.add(int(number))
                result.findings.append(Where(_record(number), record=int(number)).finding(
                    FindingCode.RECORD_MISSING, words(QT_TRANSLATE_NOOP(
                        "findings", "the ledger records its sealing (entry {seq}) but the store no longer "
                        "holds it"), seq=logged.seq), expected=logged.digest, seq=logged.seq))
    return result
