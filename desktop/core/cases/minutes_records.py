"""The canonical records of minutes (RFC 8785 JSON, each with its type and version): one entry as it is
versioned while the sitting is open, the sealed minutes (调解记录 / 调查记录, 人民调解文书格式 2010), an
addendum correcting one entry, and the fact that someone signed the printed minutes. The services and
verification build them from the same functions, so a stored row is checked against what was sealed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.sittings import MinutesEntry, MinutesSigning, SealedMinutes, Sitting
from desktop.core.cases.sittings import Attendee, attendees_record, sitting_subject
from desktop.core.integrity.canonical import format_time
from desktop.core.trust.subjects import IDS_PER_QUERY

MINUTES_TYPE = "mediseal.minutes"
ADDENDUM_TYPE = "mediseal.minutes-addendum"
ENTRY_TYPE = "mediseal.minutes-entry"
SIGNING_TYPE = "mediseal.minutes-signing"
RECORD_VERSION = 1
ENTRY_SUBJECT_PREFIX = "minutes-entry:"
MINUTES_SUBJECT_PREFIX = "minutes:"
SIGNING_SUBJECT_PREFIX = "minutes-signing:"
# The Ministry of Justice's forms (人民调解文书格式, 2010) whose fields the sealed record carries.
FORMS = {"mediation": "人民调解文书格式（2010）调解记录", "investigation": "人民调解文书格式（2010）调查记录"}
# The record's title in the case file (卷宗): the form's own name.
TITLES = {"mediation": "调解记录", "investigation": "调查记录"}


def entry_subject(entry_id: int) -> str:
    """The ledger subject of one entry's versions."""
    return f"{ENTRY_SUBJECT_PREFIX}{entry_id}"


def minutes_subject(record_id: int) -> str:
    """The ledger subject of sealed minutes or an addendum."""
    return f"{MINUTES_SUBJECT_PREFIX}{record_id}"


def signing_subject(signing_id: int) -> str:
    """The ledger subject of a signing fact."""
    return f"{SIGNING_SUBJECT_PREFIX}{signing_id}"


def entry_record(case_number: str, row: MinutesEntry) -> dict[str, Any]:
    """One entry as each of its versions records it (who typed it and when stay; the version's own
    ``saved_by`` and ``saved_at`` say who changed it)."""
    return {"type": ENTRY_TYPE, "version": RECORD_VERSION, "id": row.id, "case": case_number,
            "sitting": row.sitting_id, "seq": row.seq, "kind": row.kind, "speaker_role": row.speaker_role,
            "speaker": row.speaker, "text": row.text, "spoken_at": format_time(row.spoken_at),
            "recorded_by": row.recorded_by, "recorded_at": format_time(row.recorded_at),
            "revision": row.revision}


def sealed_entry(row: MinutesEntry) -> dict[str, Any]:
    """One entry as the sealed minutes list it."""
    return {"seq": row.seq, "kind": row.kind, "time": format_time(row.spoken_at),
            "speaker_role": row.speaker_role, "speaker": row.speaker, "text": row.text}


def minutes_record(record_id: int, office: str, case_number: str, sitting: Sitting,
                   attendees: Sequence[Attendee], entries: Sequence[MinutesEntry], sealed_by: str,
                   fingerprint: str, sealed_at: datetime) -> dict[str, Any]:
    """The sealed minutes: the sitting's header (kind, time, place or online, matter 事由, attendees with
    their roles), that rights and obligations were explained and the risk warning given, every entry, the
    findings and the result, the state it closed in, who sealed it with which certificate, and when."""
    return {
        "type": MINUTES_TYPE, "version": RECORD_VERSION, "id": record_id, "form": FORMS[sitting.kind],
        "office": office, "case": case_number,
        "sitting": {"id": sitting.id, "kind": sitting.kind, "starts_at": format_time(sitting.starts_at),
                    "place": sitting.place, "online": sitting.online, "matter": sitting.matter,
                    "attendees": attendees_record(attendees)},
        "header": {"rights_explained": sitting.rights_explained, "risk_warning": sitting.risk_warning},
        "entries": [sealed_entry(entry) for entry in entries],
        "findings": sitting.findings, "result": sitting.result, "state": sitting.state,
        "sealed_by": sealed_by, "certificate_sha256": fingerprint, "sealed_at": format_time(sealed_at)}


def addendum_record(record_id: int, case_number: str, sitting_id: int, minutes_sha256: str, corrects_seq: int,
                    reason: str, text: str, sealed_by: str, fingerprint: str,
                    sealed_at: datetime) -> dict[str, Any]:
    """An addendum: the sealed minutes it belongs to (their digest), the entry it corrects, why, and the
    corrected text."""
    return {"type": ADDENDUM_TYPE, "version": RECORD_VERSION, "id": record_id, "case": case_number,
            "sitting": sitting_id, "minutes_sha256": minutes_sha256, "corrects_seq": corrects_seq,
            "reason": reason, "text": text, "sealed_by": sealed_by, "certificate_sha256": fingerprint,
            "sealed_at": format_time(sealed_at)}


def signing_record(row: MinutesSigning, signed_record_sha256: str) -> dict[str, Any]:
    """The fact that a person signed the printed record whose digest it names."""
    return {"type": SIGNING_TYPE, "version": RECORD_VERSION, "id": row.id, "record": row.record_id,
            "record_sha256": signed_record_sha256, "name": row.name, "role": row.role,
            "signed_at": format_time(row.signed_at), "recorded_by": row.recorded_by,
            "recorded_at": format_time(row.recorded_at)}


def case_subjects(session: Session, case_id: int) -> list[str]:
    """The ledger subjects of a case's sittings, entries, sealed records and signings (for the case's
    timeline and a case-scoped verification)."""
    sitting_ids = list(session.scalars(select(Sitting.id).where(Sitting.case_id == case_id)))
    subjects = [sitting_subject(sitting_id) for sitting_id in sitting_ids]
    for start in range(0, len(sitting_ids), IDS_PER_QUERY):
        batch = sitting_ids[start:start + IDS_PER_QUERY]
        subjects += [entry_subject(found) for found in session.scalars(
            select(MinutesEntry.id).where(MinutesEntry.sitting_id.in_(batch)))]
        record_ids = list(session.scalars(select(SealedMinutes.id)
                                          .where(SealedMinutes.sitting_id.in_(batch))))
        subjects += [minutes_subject(found) for found in record_ids]
        subjects += [signing_subject(found) for found in session.scalars(
            select(MinutesSigning.id).where(MinutesSigning.record_id.in_(record_ids)))]
    return subjects
