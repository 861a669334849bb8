"""The cover of a case file (卷宗封面): the file's name and number, the mediators, the dates of the
mediation (from the day it was accepted to the day of the last move), who filed it and when (set by
archiving), the retention period and notes; and the note on the file (卷宗情况说明, part 12). What the
mediator types is a versioned record (``versions``, subject ``file:<number>``); the rest is derived."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.case_file import CaseArchive
from db.models import CaseMove, MediationCase, RecordVersion, utc_now
from desktop.core.cases import versions
from desktop.core.cases.deadlines import office_today
from desktop.core.cases.matters import find_case, mediators_of, require_case_access
from desktop.core.cases.workflow import CaseStatus
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput
from desktop.core.integrity.canonical import format_time
from desktop.core.text import clean_text
from desktop.core.trust import ledger
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Actor, require_active
from desktop.core.trust.users import real_names
from desktop.core.vocabulary import Vocabulary

COVER_RECORD_TYPE = "case-file-cover"
COVER_RECORD_VERSION = 1
FILE_SUBJECT_PREFIX = "file:"
NAME_MAX = 200
FILE_NUMBER_MAX = 64
NOTES_MAX = 2000
FILE_NOTE_MAX = 4000


class Retention(Vocabulary):
    """How long the committee keeps the file (保管期限). People's Mediation Law art. 27 requires the
    committee to file its records (立卷归档) but sets no period; committees use the archive classes of
    organs' records: 永久 / 长期 / 短期 (the older classes, still on many mediation covers) or 永久 /
    定期30年 / 定期10年 (国家档案局令第8号, 2006). Stored in cover records: never rename one."""

    PERMANENT = "permanent", QT_TRANSLATE_NOOP("vocabulary", "Permanent")  # 永久
    LONG = "long", QT_TRANSLATE_NOOP("vocabulary", "Long term")  # 长期
    SHORT = "short", QT_TRANSLATE_NOOP("vocabulary", "Short term")  # 短期
    THIRTY_YEARS = "30-years", QT_TRANSLATE_NOOP("vocabulary", "30 years")  # 定期30年
    TEN_YEARS = "10-years", QT_TRANSLATE_NOOP("vocabulary", "10 years")  # 定期10年


DEFAULT_RETENTION = Retention.LONG


@dataclass(frozen=True, slots=True)
class Cover:
    """What the mediator sets on the cover; an empty name or number stands for the case's title or number."""

    file_name: str = ""
    file_number: str = ""
    retention: Retention = DEFAULT_RETENTION
    notes: str = ""
    file_note: str = ""  # 卷宗情况说明: part 12 of the file when not empty


@dataclass(frozen=True, slots=True)
class CoverInfo:
    """The cover as shown and archived: what was set (``version`` 0: nothing yet) and what is derived."""

    number: str
    cover: Cover
    version: int
    record_sha256: str
    saved_by: str
    saved_at: datetime | None
    file_name: str
    file_number: str
    mediators: tuple[str, ...]  # real names (login names when a user has none)
    mediation_from: date | None
    mediation_to: date | None
    filed_by: str  # who archived the file (立卷人); empty before
    filed_at: datetime | None

    def to_record(self) -> dict[str, Any]:
        """The cover as the archive record holds it."""
        return {"file_name": self.file_name, "file_number": self.file_number,
                "mediators": list(self.mediators),
                "mediation_from": self.mediation_from.isoformat() if self.mediation_from else None,
                "mediation_to": self.mediation_to.isoformat() if self.mediation_to else None,
                "retention": self.cover.retention.value, "notes": self.cover.notes,
                "file_note": self.cover.file_note, "cover_version": self.version}


def file_subject(number: str) -> str:
    """The ledger subject of a case file: its cover versions and its archiving are logged under it."""
    return f"{FILE_SUBJECT_PREFIX}{number}"


def checked_cover(file_name: str = "", file_number: str = "", retention: Retention | str = DEFAULT_RETENTION,
                  notes: str = "", file_note: str = "") -> Cover:
    """A cover as typed, checked: each text through the one validator for sealed records."""
    try:
        kept = retention if isinstance(retention, Retention) else Retention(retention.strip().lower())
    except ValueError:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "“{value}” is not a retention period; use one of: {values}."), field="retention",
            value=str(retention), values=", ".join(Retention)) from None
    return Cover(clean_text(file_name, "file_name", NAME_MAX), clean_text(file_number, "file_number",
                                                                           FILE_NUMBER_MAX),
                 kept, clean_text(notes, "notes", NOTES_MAX, multiline=True),
                 clean_text(file_note, "file_note", FILE_NOTE_MAX, multiline=True))


def cover_record(number: str, cover: Cover, version: int, actor: str, now: datetime) -> dict[str, Any]:
    """The canonical record of one version of a cover."""
    return {"type": COVER_RECORD_TYPE, "version": COVER_RECORD_VERSION, "case": number,
            "revision": version, "file_name": cover.file_name, "file_number": cover.file_number,
            "retention": cover.retention.value,
            "notes": cover.notes, "file_note": cover.file_note, "saved_by": actor, "time": format_time(now)}


def _stored(session: Session, number: str) -> RecordVersion | None:
    return session.scalar(select(RecordVersion).where(RecordVersion.subject == file_subject(number))
                          .order_by(RecordVersion.version.desc()).limit(1))


def _cover_of_record(record: dict[str, Any]) -> Cover:
    return Cover(str(record.get("file_name", "")), str(record.get("file_number", "")),
                 Retention(record.get("retention", DEFAULT_RETENTION.value)), str(record.get("notes", "")),
                 str(record.get("file_note", "")))


def mediation_dates(session: Session, row: MediationCase) -> tuple[date | None, date | None]:
    """From the day the case was accepted (受理; the day received for a case opened before moves were
    recorded) to the day of its last move before closing (an outcome moves the workflow too)."""
    moves = list(session.scalars(select(CaseMove).where(CaseMove.case_id == row.id).order_by(CaseMove.id)))
    accepted = next((move for move in moves if move.to_status == CaseStatus.ACCEPTED), None)
    start = office_today(accepted.moved_at) if accepted is not None else (
        row.received_on if row.record_version == 1 else None)
    worked = [move for move in moves if move.to_status != CaseStatus.CLOSED]
    end = office_today(worked[-1].moved_at) if worked and start is not None else None
    return start, end


def _digest(canonical: str) -> str:
    """The digest of a stored version from its text as stored now (a changed text shows)."""
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def cover_of(session: Session, row: MediationCase) -> CoverInfo:
    """The cover of a case's file now: the latest version set (or the defaults) and what is derived."""
    stored = _stored(session, row.number)
    cover = _cover_of_record(versions.load(stored.canonical)) if stored is not None else Cover()
    logins = mediators_of(session, row.id)
    names = real_names(session, logins)
    start, end = mediation_dates(session, row)
    archive = session.scalar(select(CaseArchive).where(CaseArchive.case_id == row.id))
    return CoverInfo(row.number, cover, stored.version if stored else 0,
                     _digest(stored.canonical) if stored else "", stored.saved_by if stored else "",
                     stored.saved_at if stored else None, cover.file_name or row.title,
                     cover.file_number or row.number, tuple(names.get(login, login) for login in logins),
                     start, end, archive.archived_by if archive else "",
                     archive.archived_at if archive else None)


def save_cover(session: Session, actor: Actor, number: str, cover: Cover, expected_version: int | None,
               now: datetime | None = None) -> CoverInfo:
    """Save the cover as its next version (``case.cover_saved``); refused when someone saved since
    ``expected_version`` (None: whatever is stored). Nothing is logged when nothing changed."""
    ledger.lock(session)
    require_active(actor)
    row = find_case(session, number)
    require_case_access(session, actor, row)
    stored = _stored(session, row.number)
    current = stored.version if stored is not None else 0
    versions.check_base(current, expected_version, f"The cover of {row.number}")
    if stored is not None and _cover_of_record(versions.load(stored.canonical)) == cover:
        return cover_of(session, row)
    moment = now or utc_now()
    versions.save(session, actor.name, EventKind.CASE_COVER_SAVED, file_subject(row.number), current + 1,
                  cover_record(row.number, cover, current + 1, actor.name, moment), moment)
    session.flush()
    return cover_of(session, row)
