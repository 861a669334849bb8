"""Archiving a case file (归档): the file's completeness is checked (what is missing is listed, and an
incomplete file is archived only with a reason), then in one transaction the archive record is written
(canonical JSON, RFC 8785: the cover and the digest of every document in the file) with its ledger entry,
and the case moves to closed and archived (结案归档), after which it is read-only. People's Mediation Law
art. 27: the committee files its registration, records and agreements (立卷归档)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.case_file import CaseArchive
from db.models import CaseMove, MediationCase, utc_now
from db.sittings import Sitting
from desktop.core.cases import cover as covers
from desktop.core.cases import versions
from desktop.core.cases.case_file import checklist
from desktop.core.cases.deadlines import OFFICE_TIME_ZONE
from desktop.core.cases.file_parts import FileDocument, FilePart
from desktop.core.cases.matters import case_subject, find_case, refresh_deadline, require_case_access
from desktop.core.cases.papers import require_mediation
from desktop.core.cases.progress import move_record
from desktop.core.cases.sittings import SittingState
from desktop.core.cases.workflow import REASON_MAX, CaseStatus, check_move
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput, NotAllowed
from desktop.core.integrity.canonical import canonical_bytes, format_time, record_digest
from desktop.core.text import clean_text
from desktop.core.trust import ledger
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Actor, require_active

ARCHIVE_RECORD_TYPE = "case-archive"
ARCHIVE_RECORD_VERSION = 1


@dataclass(frozen=True, slots=True)
class ArchiveInfo:
    """A case file as archived: who and when, whether it was complete, what was missing and why it was
    archived anyway, and the digest of its record."""

    number: str
    archived_by: str
    archived_at: datetime
    complete: bool
    missing: tuple[FilePart, ...]
    reason: str
    documents: int
    record_sha256: str
    record: dict[str, Any]


def document_entry(document: FileDocument) -> dict[str, str]:
    """One document as the archive's manifest lists it."""
    return {"part": document.part.value, "title": document.title, "reference": document.reference,
            "sha256": document.sha256, "recorded_at": format_time(document.recorded_at)}


def archive_record(number: str, cover: dict[str, Any], documents: list[FileDocument],
                   missing: tuple[FilePart, ...], reason: str, actor: str, now: datetime) -> dict[str, Any]:
    """The canonical record of an archiving: the cover, the manifest of the file, and who archived it."""
    return {"type": ARCHIVE_RECORD_TYPE, "version": ARCHIVE_RECORD_VERSION, "case": number,
            "cover": {**cover, "filed_by": actor, "filed_at": format_time(now)},
            "complete": not missing, "missing": [part.value for part in missing], "reason": reason,
            "documents": [document_entry(document) for document in documents],
            "archived_by": actor, "time": format_time(now)}


def _info(number: str, row: CaseArchive) -> ArchiveInfo:
    record = versions.load(row.canonical)
    return ArchiveInfo(number, row.archived_by, row.archived_at, row.complete,
                       tuple(FilePart(part) for part in record.get("missing", [])),
                       str(record.get("reason", "")), len(record.get("documents", [])), row.record_sha256,
                       record)


def archive_of(session: Session, case: MediationCase) -> ArchiveInfo | None:
    """The archiving of a case's file, if it was archived."""
    row = session.scalar(select(CaseArchive).where(CaseArchive.case_id == case.id))
    return _info(case.number, row) if row is not None else None


def require_reason_if_incomplete(number: str, missing: Sequence[FilePart], reason: str) -> None:
    """An incomplete file is archived only with the reason why (``InvalidInput`` lists what is missing)."""
    if missing and not reason:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "The file of case {number} is incomplete (missing: {parts}); give a reason to archive "
            "it as it is."), field="reason", number=number, parts="; ".join(part.label for part in missing))


def _refuse_open_sittings(session: Session, row: MediationCase) -> None:
    """A file is archived with every sitting's minutes sealed or the sitting cancelled: an open sitting
    would stay scheduled, its minutes unsealed, in a read-only case."""
    open_sittings = session.scalars(select(Sitting.starts_at).where(
        Sitting.case_id == row.id, Sitting.sealed_at.is_(None), Sitting.state != SittingState.CANCELLED)
        .order_by(Sitting.starts_at)).all()
    if open_sittings:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "Case {number} still has open sittings ({times}): close and seal their minutes, or "
            "cancel them, before archiving its file."), number=row.number,
            times="、".join(moment.astimezone(OFFICE_TIME_ZONE).strftime("%Y-%m-%d %H:%M")
                           for moment in open_sittings))


def archive_case(session: Session, actor: Actor, number: str, reason: str = "",
                 now: datetime | None = None) -> ArchiveInfo:
    """Archive case ``number``'s file and close the case, in one transaction. Refused for a file archived
    already, a case the workflow does not let close yet, and an incomplete file without ``reason``
    (``InvalidInput`` lists the parts missing)."""
    cleaned = clean_text(reason, "reason", REASON_MAX, multiline=True)
    ledger.lock(session)  # first: a SQLite reader cannot take the write lock later
    require_active(actor)
    row = find_case(session, number)
    done = session.scalar(select(CaseArchive).where(CaseArchive.case_id == row.id))
    if done is not None:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "The file of case {number} was archived already (by {user}, {time}); it is archived "
            "once."), number=row.number, user=done.archived_by, time=format_time(done.archived_at))
    require_case_access(session, actor, row)
    require_mediation(row)
    current = CaseStatus(row.status)
    check_move(current, CaseStatus.CLOSED)
    _refuse_open_sittings(session, row)
    found = checklist(session, row)
    missing = found.missing
    require_reason_if_incomplete(row.number, missing, cleaned)
    moment = now or utc_now()
    documents = found.documents()
    record = archive_record(row.number, covers.cover_of(session, row).to_record(), documents, missing,
                            cleaned, actor.name, moment)
    canonical = canonical_bytes(record)
    digest = hashlib.sha256(canonical).hexdigest()  # canonical.record_digest, from the bytes at hand
    archived = CaseArchive(case_id=row.id, canonical=canonical.decode("utf-8"), record_sha256=digest,
                           complete=not missing, archived_by=actor.name, archived_at=moment)
    move = CaseMove(case_id=row.id, from_status=current.value, to_status=CaseStatus.CLOSED.value,
                    reason=cleaned, effective_on=None, actor=actor.name, moved_at=moment, record_sha256="")
    move.record_sha256 = record_digest(move_record(row.number, move))
    session.add_all([archived, move])
    row.status = CaseStatus.CLOSED.value
    refresh_deadline(row)
    session.flush()
    ledger.append(session, actor.name, EventKind.CASE_MOVED, case_subject(row.number), move.record_sha256,
                  now=moment)
    ledger.append(session, actor.name, EventKind.CASE_ARCHIVED, covers.file_subject(row.number), digest,
                  now=moment)
    return _info(row.number, archived)
