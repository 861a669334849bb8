"""The case register as lists read it: one page of cases at a time, filtered and sorted in SQL on columns
the case row keeps (party and mediator names, the next deadline, the foreign-related mark), so 100 000
cases answer as fast as a few."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, UnaryExpression, func, or_, select
from sqlalchemy.orm import Session

from db.models import CaseMediator, MediationCase, Party
from desktop.core.cases.deadlines import DUE_SOON_DAYS
from desktop.core.cases.identity import Origin
from desktop.core.cases.workflow import CaseStatus
from desktop.core.office.office import MatterKind, case_number_forms
from desktop.core.vocabulary import QT_TRANSLATE_NOOP, Vocabulary

PAGE_SIZE = 200


class SortKey(Vocabulary):
    """The columns the case list sorts by."""

    NUMBER = "number", QT_TRANSLATE_NOOP("vocabulary", "Number")
    KIND = "kind", QT_TRANSLATE_NOOP("vocabulary", "Kind")
    TYPE = "type", QT_TRANSLATE_NOOP("vocabulary", "Type")
    TITLE = "title", QT_TRANSLATE_NOOP("vocabulary", "Title")
    PARTIES = "parties", QT_TRANSLATE_NOOP("vocabulary", "Parties")
    STATUS = "status", QT_TRANSLATE_NOOP("vocabulary", "Status")
    MEDIATORS = "mediators", QT_TRANSLATE_NOOP("vocabulary", "Mediators")
    RECEIVED = "received", QT_TRANSLATE_NOOP("vocabulary", "Received")
    DEADLINE = "deadline", QT_TRANSLATE_NOOP("vocabulary", "Next deadline")


class ForeignMark(Vocabulary):
    """Which kind of foreign-related case (the issue's 涉外/涉港澳台): a party from abroad, or one from Hong
    Kong, Macao or Taiwan; a case may bear both."""

    FOREIGN = "foreign", QT_TRANSLATE_NOOP("vocabulary", "Foreign-related")  # 涉外
    HK_MACAO_TAIWAN = "hk-macao-taiwan", QT_TRANSLATE_NOOP(
        "vocabulary", "Hong Kong, Macao or Taiwan related")  # 涉港澳台


def foreign_marks(origins: Iterable[Origin | str]) -> tuple[ForeignMark, ...]:
    """The marks the parties' origins give a case, 涉外 before 涉港澳台; none for mainland parties only."""
    found = {Origin(origin) for origin in origins}
    marks = []
    if Origin.FOREIGN in found:
        marks.append(ForeignMark.FOREIGN)
    if found & {Origin.HONG_KONG, Origin.MACAO, Origin.TAIWAN}:
        marks.append(ForeignMark.HK_MACAO_TAIWAN)
    return tuple(marks)


_SORT_COLUMNS = {
    SortKey.NUMBER: (MediationCase.year, MediationCase.kind, MediationCase.serial),
    SortKey.KIND: (MediationCase.kind, MediationCase.year, MediationCase.serial),  # the unique index
    SortKey.TYPE: (MediationCase.case_type,),
    SortKey.TITLE: (MediationCase.title,),
    SortKey.PARTIES: (MediationCase.party_names,),
    SortKey.STATUS: (MediationCase.status,),
    SortKey.MEDIATORS: (MediationCase.mediator_names,),
    SortKey.RECEIVED: (MediationCase.received_on,),
    SortKey.DEADLINE: (MediationCase.next_deadline,),
}


@dataclass(frozen=True, slots=True)
class CaseFilter:
    """What the list shows: every condition given must hold. ``text`` matches a substring of the number,
    the title or a party's name (Chinese included); ``due_within`` keeps cases whose next deadline falls
    within that many days of ``today`` or has passed."""

    kind: MatterKind | None = None
    case_type: str | None = None
    status: CaseStatus | None = None
    mediator: str | None = None
    received_from: date | None = None
    received_to: date | None = None
    due_soon: bool = False
    foreign_related: bool | None = None
    text: str = ""
    today: date | None = None

    def with_today(self, today: date) -> CaseFilter:
        return replace(self, today=today)


@dataclass(frozen=True, slots=True)
class CaseRow:
    """One line of the case list."""

    id: int
    number: str
    kind: MatterKind
    case_type: str
    title: str
    party_names: str
    status: CaseStatus
    mediator_names: str
    received_on: date | None
    next_deadline: date | None
    foreign_related: bool
    created_at: datetime
    foreign_marks: tuple[ForeignMark, ...] = field(default=())  # which kind, when ``foreign_related``


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _conditions(wanted: CaseFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if wanted.kind is not None:
        conditions.append(MediationCase.kind == wanted.kind.value)
    if wanted.case_type:
        conditions.append(MediationCase.case_type == wanted.case_type)
    if wanted.status is not None:
        conditions.append(MediationCase.status == wanted.status.value)
    if wanted.mediator:
        # EXISTS lets the database walk the cases in the list's order and stop at a page, where IN
        # would first collect (and sort) every case of the mediator.
        conditions.append(select(CaseMediator.id).where(CaseMediator.case_id == MediationCase.id,
                                                        CaseMediator.mediator == wanted.mediator).exists())
    if wanted.received_from is not None:
        conditions.append(MediationCase.received_on >= wanted.received_from)
    if wanted.received_to is not None:
        conditions.append(MediationCase.received_on <= wanted.received_to)
    if wanted.due_soon:
        today = wanted.today or date.today()
        conditions.append(MediationCase.next_deadline <= today + timedelta(days=DUE_SOON_DAYS))
    if wanted.foreign_related is not None:
        conditions.append(MediationCase.foreign_related.is_(wanted.foreign_related))
    text = wanted.text.strip()
    if text:
        numbers = [MediationCase.number.like(_like(form), escape="\\") for form in case_number_forms(text)]
        conditions.append(or_(*numbers, MediationCase.title.like(_like(text), escape="\\"),
                              MediationCase.party_names.like(_like(text), escape="\\")))
    return conditions


def _query(wanted: CaseFilter) -> Select[MediationCase]:
    return select(MediationCase).where(*_conditions(wanted))


def page(session: Session, wanted: CaseFilter, sort: SortKey = SortKey.NUMBER, descending: bool = True,
         offset: int = 0, limit: int = PAGE_SIZE) -> list[CaseRow]:
    """One page of the list: ``limit`` cases from ``offset``, sorted (ties by id, so pages never overlap)."""
    columns = _SORT_COLUMNS[sort]
    order: list[UnaryExpression[Any]] = [column.desc() if descending else column.asc() for column in columns]
    order.append(MediationCase.id.desc() if descending else MediationCase.id.asc())
    query = _query(wanted).order_by(*order).offset(offset).limit(limit)
    rows = list(session.scalars(query))
    marks = _marks(session, [row.id for row in rows if row.foreign_related])
    return [CaseRow(row.id, row.number, MatterKind(row.kind), row.case_type, row.title, row.party_names,
                    CaseStatus(row.status), row.mediator_names, row.received_on, row.next_deadline,
                    row.foreign_related, row.created_at, marks.get(row.id, ())) for row in rows]


def _marks(session: Session, case_ids: list[int]) -> dict[int, tuple[ForeignMark, ...]]:
    """The foreign marks of the cases shown (one query over their parties' origins; a page is 200 cases)."""
    if not case_ids:
        return {}
    origins: dict[int, set[str]] = {}
    for case_id, origin in session.execute(
            select(Party.case_id, Party.origin).where(Party.case_id.in_(case_ids),
                                                      Party.origin != Origin.MAINLAND.value).distinct()):
        origins.setdefault(case_id, set()).add(origin)
    return {case_id: foreign_marks(found) for case_id, found in origins.items()}


def count(session: Session, wanted: CaseFilter) -> int:
    """How many cases the filter keeps."""
    return int(session.scalar(select(func.count()).select_from(MediationCase).where(*_conditions(wanted)))
               or 0)


def due_soon_count(session: Session, today: date) -> int:
    """Cases whose next deadline falls within the due-soon window or has passed (the status bar's count)."""
    return count(session, CaseFilter(due_soon=True, today=today))
