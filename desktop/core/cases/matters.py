"""Mediation cases (调解案件), the minimal part evidence needs: open a case, find it, list cases.

Numbers follow the office's prefix and run per calendar year: ``（2026）云知调字第0001号``. Parties,
sessions, minutes and outcomes come with the cases issue.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NewType

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import MediationCase, utc_now
from desktop.core.cases.deadlines import office_today
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput, NotAllowed, NotFound
from desktop.core.integrity.canonical import format_time, record_digest
from desktop.core.office.office import DEFAULT_PREFIX, case_number_forms, format_case_number, get_office
from desktop.core.text import clean_text
from desktop.core.trust import ledger
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Action, Actor, require
from desktop.core.vocabulary import Vocabulary

CaseId = NewType("CaseId", int)


class CaseType(Vocabulary):
    """What kind of IP dispute a case is about. The values are in case records and in the database's
    CHECK constraint (``db.models.CASE_TYPES``, which a test keeps equal): never rename one."""

    PATENT = "patent", QT_TRANSLATE_NOOP("vocabulary", "Patent")  # 专利
    TRADEMARK = "trademark", QT_TRANSLATE_NOOP("vocabulary", "Trademark")  # 商标
    COPYRIGHT = "copyright", QT_TRANSLATE_NOOP("vocabulary", "Copyright")  # 著作权
    TRADE_SECRET = "trade-secret", QT_TRANSLATE_NOOP("vocabulary", "Trade secret")  # 商业秘密
    PLANT_VARIETY = "plant-variety", QT_TRANSLATE_NOOP("vocabulary", "Plant variety")  # 植物新品种
    GEOGRAPHICAL_INDICATION = "geographical-indication", QT_TRANSLATE_NOOP(
        "vocabulary", "Geographical indication")  # 地理标志
    UNFAIR_COMPETITION = "unfair-competition", QT_TRANSLATE_NOOP("vocabulary", "Unfair competition")
    OTHER = "other", QT_TRANSLATE_NOOP("vocabulary", "Other")


CASE_TYPES = tuple(kind.value for kind in CaseType)  # the codes, in order (the window's list reads them)

CASE_RECORD_TYPE = "case"
CASE_RECORD_VERSION = 1
TITLE_MAX = 200


@dataclass(frozen=True, slots=True)
class CaseInfo:
    """A case as lists and other services see it."""

    id: CaseId
    number: str
    case_type: str
    title: str
    created_by: str
    created_at: datetime


def _info(row: MediationCase) -> CaseInfo:
    return CaseInfo(CaseId(row.id), row.number, row.case_type, row.title, row.created_by, row.created_at)


def case_record(row: MediationCase) -> dict[str, object]:
    """The canonical record logged when a case is opened."""
    return {"type": CASE_RECORD_TYPE, "version": CASE_RECORD_VERSION, "number": row.number,
            "case_type": row.case_type, "title": row.title, "created_by": row.created_by,
            "created_at": format_time(row.created_at)}


def validate_case_type(case_type: str) -> CaseType:
    """The case type named by ``case_type`` (any case, ``_`` for ``-``), else ``InvalidInput``."""
    try:
        return CaseType(case_type.strip().lower().replace("_", "-"))
    except ValueError:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "“{value}” is not a case type; use one of: {types}."),
                           field="type", value=case_type, types=", ".join(CaseType)) from None


def validate_title(title: str) -> str:
    """A case title: one line, through the one validator for sealed records (``text.clean_text``)."""
    return clean_text(title, "title", TITLE_MAX, required=True)


def open_case(session: Session, actor: Actor, case_type: str, title: str,
              now: datetime | None = None) -> CaseInfo:
    """Open a new case with the next number of the year; logged in the ledger."""
    require(actor, Action.OPEN_CASE)
    kind = validate_case_type(case_type)
    clean_title = validate_title(title)
    # Numbers are taken under the ledger's lock (ledger.lock, before any read: a SQLite reader cannot
    # take the write lock later), so two seats cannot take the same serial; a unique constraint backs it.
    ledger.lock(session)
    office = get_office(session)
    if office is None:
        raise NotAllowed(QT_TRANSLATE_NOOP("errors", "Set up the office first (mediseal init)."))
    created_at = now or utc_now()
    year = office_today(created_at).year  # the office's calendar year decides the number
    serial = (session.scalar(select(func.max(MediationCase.serial)).where(MediationCase.year == year))
              or 0) + 1
    row = MediationCase(number=format_case_number(office.case_number_prefix or DEFAULT_PREFIX, year, serial),
                        year=year, serial=serial, case_type=kind.value, title=clean_title,
                        created_by=actor.name, created_at=created_at)
    session.add(row)
    session.flush()
    ledger.append(session, actor.name, EventKind.CASE_OPENED, f"case:{row.number}",
                  record_digest(case_record(row)))
    return _info(row)


def find_case(session: Session, number: str) -> MediationCase:
    """The case with ``number`` as typed, else with its brackets in the other width (numbers opened
    before full-width brackets keep their ASCII ones), else ``NotFound``."""
    row = None
    for form in case_number_forms(number):
        row = session.scalar(select(MediationCase).where(MediationCase.number == form))
        if row is not None:
            break
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no case “{number}”."), number=number)
    return row


def list_cases(session: Session) -> list[CaseInfo]:
    """Every case, newest first."""
    return [_info(row) for row in session.scalars(select(MediationCase).order_by(MediationCase.id.desc()))]
