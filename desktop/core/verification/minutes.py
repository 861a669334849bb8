"""Verification of sittings and their minutes: each version of a sitting and of a minutes entry against the
ledger entry that logged it, and each row against its latest version; each sealed minutes record and
addendum against its ledger leaf, its signature and certificate and the columns beside it; each entry row
of a sealed sitting against the sealed text (a changed entry is named: sitting, seq, expected, found);
each signing fact against its entry; and in the whole store, each record the ledger logged against a row.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from db.models import MediationCase, RecordVersion
from db.sittings import MinutesEntry, MinutesSigning, SealedMinutes, Sitting, SittingAttendee
from desktop.core.cases.minutes_records import (
    ADDENDUM_TYPE,
    ENTRY_SUBJECT_PREFIX,
    MINUTES_SUBJECT_PREFIX,
    MINUTES_TYPE,
    SIGNING_SUBJECT_PREFIX,
    entry_record,
    entry_subject,
    minutes_subject,
    sealed_entry,
    signing_record,
    signing_subject,
)
from desktop.core.cases.sittings import (
    SITTING_SUBJECT_PREFIX,
    Attendee,
    AttendeeRole,
    sitting_record,
    sitting_subject,
)
from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.core.integrity.canonical import format_time, parse_canonical, record_digest
from desktop.core.trust.events import EventKind
from desktop.core.trust.pki import signatures
from desktop.core.verification.anchors import Anchors, Logged, batches
from desktop.core.verification.codes import FindingCode
from desktop.core.verification.findings import Finding, Where, Words, words
from desktop.core.verification.keys import Signer, SignerCodes, judge_signer

SITTING_KINDS = (EventKind.SITTING_SCHEDULED, EventKind.SITTING_EDITED, EventKind.SITTING_CANCELLED,
                 EventKind.SITTING_CLOSED)
ENTRY_KINDS = (EventKind.MINUTES_ENTRY_ADDED, EventKind.MINUTES_ENTRY_EDITED)
SEALED_KINDS = {"minutes": EventKind.MINUTES_SEALED, "addendum": EventKind.MINUTES_ADDENDUM_SEALED}
MINUTES_CODES = SignerCodes(FindingCode.MINUTES_KEY_UNKNOWN, FindingCode.SIGNER_MISMATCH,
                            FindingCode.SIGNED_AFTER_REVOCATION, FindingCode.REVOKED_AFTER_SEAL)


@dataclass(slots=True)
class MinutesResult:
    records: int = 0
    findings: list[Finding] = field(default_factory=list)


def _sitting_where(sitting_id: int | str, case_number: str | None) -> Where:
    return Where(words(QT_TRANSLATE_NOOP("findings", "sitting {sitting}"), sitting=sitting_id),
                 case=case_number)


def _record_where(record_id: int | str, sitting_id: int | str, case_number: str | None) -> Where:
    return Where(words(QT_TRANSLATE_NOOP("findings", "sealed minutes {record} of sitting {sitting}"),
                       record=record_id, sitting=sitting_id), record=int(record_id), case=case_number)


def _grouped(session: Session, query: Select[Any], key: Callable[[Any], int]) -> dict[int, list[Any]]:
    grouped: dict[int, list[Any]] = defaultdict(list)
    for row in session.scalars(query):
        grouped[key(row)].append(row)
    return grouped


def _check_versions(anchors: Anchors, where: Where, subject: str, kinds: tuple[EventKind, ...],
                    stored: list[RecordVersion], current: dict[str, Any] | None, changed: FindingCode,
                    row_changed: FindingCode, what: Words) -> list[Finding]:
    """The versions of one record against the entries logged for it, in order, and the row as it stands
    (``current``, rebuilt from the row; None: checked elsewhere) against the latest version."""
    logged = anchors.of(subject, *kinds)
    findings: list[Finding] = []
    for index, version in enumerate(stored):
        digest = hashlib.sha256(version.canonical.encode("utf-8")).hexdigest()
        entry = logged[index] if index < len(logged) else None
        if digest != version.record_sha256 or entry is None or entry.digest != digest:
            findings.append(where.finding(changed, words(QT_TRANSLATE_NOOP(
                "findings", "version {version} of {what} does not match the entry that logged it"),
                version=version.version, what=what), expected=entry.digest if entry else None, found=digest,
                seq=entry.seq if entry else None))
    for entry in logged[len(stored):]:
        findings.append(where.finding(changed, words(QT_TRANSLATE_NOOP(
            "findings", "the ledger records a version of {what} (entry {seq}) the store no longer holds"),
            what=what, seq=entry.seq), expected=entry.digest, seq=entry.seq))
    if current is None or (stored and record_digest(current) == stored[-1].record_sha256):
        return findings
    expected, found = (stored[-1].record_sha256 if stored else None), record_digest(current)
    latest = json.loads(stored[-1].canonical) if stored else {}
    if isinstance(latest, dict) and "text" in current and latest.get("text") != current["text"]:
        expected, found = str(latest.get("text")), str(current["text"])  # name the text that changed
    findings.append(where.finding(row_changed, words(QT_TRANSLATE_NOOP(
        "findings", "{what} as stored now differs from its latest recorded version"), what=what),
        expected=expected, found=found))
    return findings




def _check_sealed(row: SealedMinutes, case_number: str | None, minutes_digest: str | None, anchors: Anchors,
                  signer: Signer | None) -> list[Finding]:
    """One sealed record: its text against the digest logged when it was sealed, its form, the columns
    beside it, the signature and certificate, and (an addendum) the minutes it names."""
    where = _record_where(row.id, row.sitting_id, case_number)
    findings: list[Finding] = []
    data = row.canonical.encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    logged = anchors.of(minutes_subject(row.id), *SEALED_KINDS.values())
    entry = next((entry for entry in logged if entry.digest == digest), None)
    if not logged:
        findings.append(where.finding(FindingCode.MINUTES_NOT_IN_LEDGER, words(QT_TRANSLATE_NOOP(
            "findings", "no ledger entry records its sealing")), found=digest))
    elif entry is None or row.record_sha256 != digest:
        findings.append(where.finding(FindingCode.MINUTES_CHANGED, words(QT_TRANSLATE_NOOP(
            "findings", "it does not match the digest logged when it was sealed")), expected=logged[0].digest,
            found=digest, seq=logged[0].seq))
    parsed, well_formed = parse_canonical(row.canonical)
    expected_type = MINUTES_TYPE if row.kind == "minutes" else ADDENDUM_TYPE
    if not well_formed or parsed.get("type") != expected_type or parsed.get("version") != 1:
        findings.append(where.finding(FindingCode.MINUTES_MALFORMED, words(QT_TRANSLATE_NOOP(
            "findings", "its text is not a canonical minutes record of its kind"))))
    sitting = parsed.get("sitting")
    sitting_id = sitting.get("id") if isinstance(sitting, dict) else sitting
    for said, stored in ((parsed.get("id"), row.id), (sitting_id, row.sitting_id),
                         (parsed.get("case"), case_number), (parsed.get("sealed_by"), row.signer),
                         (parsed.get("sealed_at"), format_time(row.sealed_at)),
                         (parsed.get("corrects_seq"), row.corrects_seq)):
        if said != stored:
            findings.append(where.finding(FindingCode.MINUTES_ROW_MISMATCH, words(QT_TRANSLATE_NOOP(
                "findings", "its stored columns differ from its sealed text")), expected=str(said),
                found=str(stored)))
    if row.kind == "addendum" and parsed.get("minutes_sha256") != minutes_digest:
        findings.append(where.finding(FindingCode.MINUTES_ADDENDUM_MISMATCH, words(QT_TRANSLATE_NOOP(
            "findings", "it names other minutes than its sitting's sealed minutes")),
            expected=minutes_digest, found=str(parsed.get("minutes_sha256"))))
    judged = judge_signer(signer, row.signer, row.sealed_at, where, MINUTES_CODES,
                          entry.seq if entry is not None else None)[1]
    if signer is None or signer.certificate is None:
        findings.extend(judged)
        return findings
    findings.extend(judged)
    if not signatures.verify(signer.certificate, data, row.signature):
        findings.append(where.finding(FindingCode.MINUTES_SIGNATURE, words(QT_TRANSLATE_NOOP(
            "findings", "the signature does not verify"))))
    if parsed.get("certificate_sha256") != signer.fingerprint:
        findings.append(where.finding(FindingCode.MINUTES_CERTIFICATE_MISMATCH, words(QT_TRANSLATE_NOOP(
            "findings", "it names another certificate than the key that signed it")),
            expected=signer.fingerprint, found=str(parsed.get("certificate_sha256"))))
    return findings


def _check_entries_against_seal(sitting: Sitting, case_number: str | None, rows: list[MinutesEntry],
                                record: dict[str, Any]) -> list[Finding]:
    """Every entry row of a sealed sitting says what the sealed minutes say, seq by seq."""
    findings: list[Finding] = []
    listed = record.get("entries")
    sealed: dict[Any, dict[str, Any]] = {entry.get("seq"): entry for entry in listed
                                         if isinstance(entry, dict)} if isinstance(listed, list) else {}
    where = _sitting_where(sitting.id, case_number)
    stored: dict[Any, MinutesEntry] = {row.seq: row for row in rows}
    for seq in sorted(set(sealed) | set(stored), key=lambda value: (not isinstance(value, int), str(value))):
        said, row = sealed.get(seq), stored.get(seq)
        if row is None:
            findings.append(where.finding(FindingCode.MINUTES_ENTRY_MISSING, words(QT_TRANSLATE_NOOP(
                "findings", "entry {seq} of its sealed minutes is no longer stored"), seq=seq),
                expected=str(said.get("text")) if said else None))
        elif said is None:
            findings.append(where.finding(FindingCode.MINUTES_ENTRY_CHANGED, words(QT_TRANSLATE_NOOP(
                "findings", "entry {seq} is not in its sealed minutes (added after sealing)"), seq=seq),
                found=row.text))
        elif sealed_entry(row) != said:
            expected_text, found_text = str(said.get("text")), row.text
            if expected_text == found_text:  # another field changed: name it
                changed = sorted(name for name, value in sealed_entry(row).items() if said.get(name) != value)
                expected_text = "; ".join(f"{name}={said.get(name)}" for name in changed)
                found_text = "; ".join(f"{name}={sealed_entry(row)[name]}" for name in changed)
            findings.append(where.finding(FindingCode.MINUTES_ENTRY_CHANGED, words(QT_TRANSLATE_NOOP(
                "findings", "entry {seq} differs from its sealed minutes"), seq=seq),
                expected=expected_text, found=found_text))
    return findings


def _versions(session: Session, subjects: list[str]) -> dict[str, list[RecordVersion]]:
    grouped: dict[str, list[RecordVersion]] = defaultdict(list)
    for batch in batches(sorted(subjects)):
        query = select(RecordVersion).where(RecordVersion.subject.in_(batch)).order_by(
            RecordVersion.subject, RecordVersion.version)
        for row in session.scalars(query):
            grouped[row.subject].append(row)
    return grouped


def _attendee(row: SittingAttendee) -> Attendee:
    try:
        role = AttendeeRole(row.role)
    except ValueError:
        role = AttendeeRole.OTHER
    return Attendee(role, row.name, row.party_id, row.agent_id, row.login)


def _subject_id(subject: str, prefix: str) -> int | None:
    rest = subject.removeprefix(prefix)
    return int(rest) if subject.startswith(prefix) and rest.isdigit() else None


def check_minutes(session: Session, anchors: Anchors, signers: dict[int, Signer],
                  case_id: int | None) -> MinutesResult:
    """Every sitting (or one case's) with its entries, sealed records and signings; in the whole store
    also every sitting, entry, sealed record and signing the ledger logged that the store lost."""
    result = MinutesResult()
    query = select(Sitting).order_by(Sitting.id)
    numbers_query = select(MediationCase.id, MediationCase.number)
    if case_id is not None:
        query = query.where(Sitting.case_id == case_id)
        numbers_query = numbers_query.where(MediationCase.id == case_id)
    sittings = list(session.scalars(query))
    numbers: dict[int, str] = {case: number for case, number in session.execute(numbers_query)}
    ids = [sitting.id for sitting in sittings]
    entries: dict[int, list[MinutesEntry]] = defaultdict(list)
    attendees: dict[int, list[SittingAttendee]] = defaultdict(list)
    sealed: dict[int, list[SealedMinutes]] = defaultdict(list)
    for batch in batches(ids):
        for sitting_id, rows in _grouped(session, select(MinutesEntry)
                                         .where(MinutesEntry.sitting_id.in_(batch))
                                         .order_by(MinutesEntry.sitting_id, MinutesEntry.seq),
                                         lambda row: row.sitting_id).items():
            entries[sitting_id] = rows
        for sitting_id, rows in _grouped(session, select(SittingAttendee)
                                         .where(SittingAttendee.sitting_id.in_(batch))
                                         .order_by(SittingAttendee.sitting_id, SittingAttendee.position),
                                         lambda row: row.sitting_id).items():
            attendees[sitting_id] = rows
        for sitting_id, rows in _grouped(session, select(SealedMinutes)
                                         .where(SealedMinutes.sitting_id.in_(batch))
                                         .order_by(SealedMinutes.id), lambda row: row.sitting_id).items():
            sealed[sitting_id] = rows
    record_ids = [row.id for rows in sealed.values() for row in rows]
    signings: dict[int, list[MinutesSigning]] = defaultdict(list)
    for batch in batches(record_ids):
        for record_id, rows in _grouped(session, select(MinutesSigning)
                                        .where(MinutesSigning.record_id.in_(batch))
                                        .order_by(MinutesSigning.id), lambda row: row.record_id).items():
            signings[record_id] = rows
    subjects = [sitting_subject(sitting_id) for sitting_id in ids]
    subjects += [entry_subject(row.id) for rows in entries.values() for row in rows]
    stored_versions = _versions(session, subjects)
    for sitting in sittings:
        number = numbers.get(sitting.case_id)
        where = _sitting_where(sitting.id, number)
        listed = [_attendee(row) for row in attendees.get(sitting.id, [])]
        subject = sitting_subject(sitting.id)
        result.findings += _check_versions(
            anchors, where, subject, SITTING_KINDS, stored_versions.get(subject, []),
            sitting_record(number or "", sitting, listed), FindingCode.SITTING_RECORD_CHANGED,
            FindingCode.SITTING_ROW_CHANGED, words(QT_TRANSLATE_NOOP("findings", "the sitting's record")))
        rows = entries.get(sitting.id, [])
        records = sealed.get(sitting.id, [])
        minutes = next((row for row in records if row.kind == "minutes"), None)
        for row in rows:
            subject = entry_subject(row.id)
            # A sealed sitting's entries are checked against the sealed text below (expected, found).
            current = entry_record(number or "", row) if minutes is None else None
            result.findings += _check_versions(
                anchors, where, subject, ENTRY_KINDS, stored_versions.get(subject, []),
                current, FindingCode.MINUTES_ENTRY_VERSION_CHANGED,
                FindingCode.MINUTES_ENTRY_CHANGED,
                words(QT_TRANSLATE_NOOP("findings", "entry {seq}"), seq=row.seq))
        if sitting.sealed_at is not None and minutes is None:
            result.findings.append(where.finding(FindingCode.MINUTES_MISSING, words(QT_TRANSLATE_NOOP(
                "findings", "it is marked sealed but its sealed minutes are not stored"))))
        for record in records:
            result.records += 1
            result.findings += _check_sealed(record, number, minutes.record_sha256 if minutes else None,
                                             anchors, signers.get(record.key_id))
            for signing in signings.get(record.id, []):
                result.findings += _check_signing(signing, record, number, anchors)
        if minutes is not None:
            parsed, _well_formed = parse_canonical(minutes.canonical)
            result.findings += _check_entries_against_seal(sitting, number, rows, parsed)
    if case_id is None:
        result.findings += _lost(anchors, set(ids), {row.id for rows in entries.values() for row in rows},
                                 set(record_ids), {row.id for rows in signings.values() for row in rows})
    return result


def _check_signing(row: MinutesSigning, record: SealedMinutes, case_number: str | None,
                   anchors: Anchors) -> list[Finding]:
    """A signing fact against the entry that logged it (its record names the sealed record's digest)."""
    where = _record_where(record.id, record.sitting_id, case_number)
    digest = record_digest(signing_record(row, record.record_sha256))
    logged = anchors.of(signing_subject(row.id), EventKind.MINUTES_SIGNED)
    if not logged or logged[0].digest != digest or row.record_sha256 != digest:
        return [where.finding(FindingCode.MINUTES_SIGNING_CHANGED, words(QT_TRANSLATE_NOOP(
            "findings", "the signing by {name} ({id}) does not match the entry that logged it"),
            name=row.name, id=row.id), expected=logged[0].digest if logged else None, found=digest,
            seq=logged[0].seq if logged else None)]
    return []


def _lost(anchors: Anchors, sittings: set[int], entries: set[int], records: set[int],
          signings: set[int]) -> list[Finding]:
    """What the ledger logged and the store no longer holds: sittings, entries, sealed records, signings."""
    findings: list[Finding] = []

    def missing(logged: Logged, code: FindingCode, what: Words) -> None:
        findings.append(Where(logged.subject).finding(code, words(QT_TRANSLATE_NOOP(
            "findings", "the ledger records {what} (entry {seq}) but the store no longer holds it"),
            what=what, seq=logged.seq), expected=logged.digest, seq=logged.seq))

    for logged in anchors.kind(EventKind.SITTING_SCHEDULED):
        found = _subject_id(logged.subject, SITTING_SUBJECT_PREFIX)
        if found is not None and found not in sittings:
            missing(logged, FindingCode.SITTING_MISSING, words(QT_TRANSLATE_NOOP("findings", "a sitting")))
    for logged in anchors.kind(EventKind.MINUTES_ENTRY_ADDED):
        found = _subject_id(logged.subject, ENTRY_SUBJECT_PREFIX)
        if found is not None and found not in entries:
            missing(logged, FindingCode.MINUTES_ENTRY_MISSING,
                    words(QT_TRANSLATE_NOOP("findings", "a minutes entry")))
    seen: set[int] = set()
    for logged in anchors.kind(*SEALED_KINDS.values()):
        found = _subject_id(logged.subject, MINUTES_SUBJECT_PREFIX)
        if found is not None and found not in records and found not in seen:
            seen.add(found)
            what = words(QT_TRANSLATE_NOOP("findings", "an addendum")) \
                if logged.kind == EventKind.MINUTES_ADDENDUM_SEALED \
                else words(QT_TRANSLATE_NOOP("findings", "sealed minutes"))
            missing(logged, FindingCode.MINUTES_MISSING, what)
    for logged in anchors.kind(EventKind.MINUTES_SIGNED):
        found = _subject_id(logged.subject, SIGNING_SUBJECT_PREFIX)
        if found is not None and found not in signings:
            missing(logged, FindingCode.MINUTES_SIGNING_MISSING,
                    words(QT_TRANSLATE_NOOP("findings", "a signing of minutes")))
    return findings


def case_keys(session: Session, case_id: int) -> set[int]:
    """The keys that sealed a case's minutes."""
    return set(session.scalars(select(SealedMinutes.key_id)
                               .join(Sitting, Sitting.id == SealedMinutes.sitting_id)
                               .where(Sitting.case_id == case_id)))
