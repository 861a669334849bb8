"""Matters (案件): mediation cases (调解案件) and notarial matters (公证事项), each kind with its own number
series per office and year: ``（2026）云知调字第0001号``, ``（2026）云昆证字第0001号``.

A case records what a committee's registration form asks (人民调解受理登记表): the type of IP dispute,
its title, a short account (纠纷简要情况), what is asked (申请事项), the amount claimed, the day it was
received and where it came from. Its details are a versioned record (``versions``): opening logs version
1, each edit the next. Cases opened before this (record version 1: number, type, title) keep that record.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import NewType

from sqlalchemy import func, select
from sqlalchemy.orm import Session, object_session

from db.models import CaseMediator, MediationCase, utc_now
from desktop.core.cases import versions
from desktop.core.cases.deadlines import (
    INVITED_AFTER_FILING_ORDINARY_DAYS,
    INVITED_AFTER_FILING_SIMPLE_DAYS,
    INVITED_BEFORE_FILING_DAYS,
    PERFORMANCE_STATUSES,
    Deadline,
    case_deadlines,
    office_today,
)
from desktop.core.cases.performance_due import earliest_open_due
from desktop.core.cases.workflow import CaseStatus
from desktop.core.documents.amounts import check_amount
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput, NotAllowed, NotFound
from desktop.core.integrity.canonical import format_time
from desktop.core.office.office import MatterKind as MatterKind  # re-exported: the case services' kind
from desktop.core.office.office import (
    OfficeInfo,
    case_number_forms,
    format_case_number,
    get_office,
)
from desktop.core.text import clean_text
from desktop.core.trust import ledger
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Action, Actor, Role, require
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
    IC_LAYOUT = "ic-layout", QT_TRANSLATE_NOOP(
        "vocabulary", "Integrated-circuit layout design")  # 集成电路布图设计
    UNFAIR_COMPETITION = "unfair-competition", QT_TRANSLATE_NOOP("vocabulary", "Unfair competition")
    OTHER = "other", QT_TRANSLATE_NOOP("vocabulary", "Other")


class PatentKind(Vocabulary):
    """The three kinds of patent (Patent Law art. 2). Stored: never rename one."""

    INVENTION = "invention", QT_TRANSLATE_NOOP("vocabulary", "Invention")  # 发明
    UTILITY_MODEL = "utility-model", QT_TRANSLATE_NOOP("vocabulary", "Utility model")  # 实用新型
    DESIGN = "design", QT_TRANSLATE_NOOP("vocabulary", "Design")  # 外观设计


class CaseSource(Vocabulary):
    """Where a case came from. Stored: never rename one."""

    APPLICATION = "application", QT_TRANSLATE_NOOP("vocabulary", "A party's application")  # 当事人申请
    INITIATIVE = "initiative", QT_TRANSLATE_NOOP("vocabulary", "The committee's own initiative")  # 主动调解
    COURT_INVITED = "court-invited", QT_TRANSLATE_NOOP(
        "vocabulary", "Court invitation before filing")  # 委派调解
    COURT_ENTRUSTED = "court-entrusted", QT_TRANSLATE_NOOP(
        "vocabulary", "Court entrustment after filing")  # 委托调解
    ADMINISTRATIVE = "administrative", QT_TRANSLATE_NOOP(
        "vocabulary", "Referral by an administrative authority")  # 行政机关移送
    OTHER = "other", QT_TRANSLATE_NOOP("vocabulary", "Other")

    @property
    def from_court(self) -> bool:
        """True for mediation a court invited or entrusted: it names the court and runs to a time limit."""
        return self in (CaseSource.COURT_INVITED, CaseSource.COURT_ENTRUSTED)


class Procedure(Vocabulary):
    """The procedure of the court case a mediation was entrusted from (委托调解). Stored."""

    ORDINARY = "ordinary", QT_TRANSLATE_NOOP("vocabulary", "Ordinary procedure")  # 普通程序
    SIMPLE = "simple", QT_TRANSLATE_NOOP("vocabulary", "Simple procedure")  # 简易程序


CASE_TYPES = tuple(kind.value for kind in CaseType)  # the codes, in order (the window's list reads them)

CASE_RECORD_TYPE = "case"
CASE_SUBJECT_PREFIX = "case:"
NAMES_SEPARATOR = "、"  # between the party or mediator names a case row keeps for the list
CASE_RECORD_VERSION = 2
TITLE_MAX = 200
SUMMARY_MAX = 2000
REQUEST_MAX = 500
REQUESTS_MAX = 20
COURT_MAX = 100
COURT_NUMBER_MAX = 64
TIME_LIMIT_MAX = 365


def default_time_limit(source: CaseSource | None, procedure: Procedure | None) -> int | None:
    """The time limit of court-invited mediation, in days (2021 Online Mediation Rules art. 24): 30 for
    mediation before filing (委派); after filing (委托) 15 under the ordinary procedure, 7 under the
    simple one."""
    if source is CaseSource.COURT_INVITED:
        return INVITED_BEFORE_FILING_DAYS
    if source is CaseSource.COURT_ENTRUSTED:
        return (INVITED_AFTER_FILING_SIMPLE_DAYS if procedure is Procedure.SIMPLE
                else INVITED_AFTER_FILING_ORDINARY_DAYS)
    return None


@dataclass(frozen=True, slots=True)
class CaseDetails:
    """What is recorded about a matter, as typed and checked (``case_details``)."""

    case_type: CaseType
    title: str
    received_on: date
    patent_kind: PatentKind | None = None
    summary: str = ""
    requests: tuple[str, ...] = ()
    amount_claimed: Decimal | None = None
    source: CaseSource | None = None
    court_name: str = ""
    court_case_number: str = ""
    procedure: Procedure | None = None
    time_limit_days: int | None = None
    cited_matter: str = ""  # the number of the notarial matter whose evidence a mediation case uses


def _required(field: str) -> InvalidInput:
    return InvalidInput(QT_TRANSLATE_NOOP("errors", "The field {field} is required."), field=field)


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


def case_details(kind: MatterKind, case_type: CaseType | str, title: str, received_on: date | None, *,
                 today: date, patent_kind: PatentKind | None = None, summary: str = "",
                 requests: tuple[str, ...] | list[str] = (), amount_claimed: Decimal | None = None,
                 source: CaseSource | None = None, court_name: str = "", court_case_number: str = "",
                 procedure: Procedure | None = None, time_limit_days: int | None = None,
                 cited_matter: str = "") -> CaseDetails:
    """A matter's details, checked; ``InvalidInput`` names the field at fault."""
    chosen = case_type if isinstance(case_type, CaseType) else validate_case_type(case_type)
    if received_on is None:
        raise _required("received_on")
    if received_on > today:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The date received {given} lies in the future."),
                           field="received_on", given=received_on.isoformat())
    if patent_kind is not None and chosen is not CaseType.PATENT:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "A kind of patent is given only for a patent dispute."), field="patent_kind")
    cleaned = tuple(clean_text(item, "requests", REQUEST_MAX, multiline=True) for item in requests)
    cleaned = tuple(item for item in cleaned if item)
    if len(cleaned) > REQUESTS_MAX:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "At most {limit} requests can be recorded."),
                           field="requests", limit=REQUESTS_MAX)
    amount = check_amount(amount_claimed, field="amount_claimed") if amount_claimed is not None else None
    if kind is MatterKind.MEDIATION:
        source = source or CaseSource.APPLICATION
    elif source is not None and source.from_court:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "A notarial matter does not come from a court's invitation."), field="source")
    court = clean_text(court_name, "court_name", COURT_MAX)
    court_number = clean_text(court_case_number, "court_case_number", COURT_NUMBER_MAX)
    if source is not None and source.from_court:
        if not court:
            raise _required("court_name")
        if source is CaseSource.COURT_ENTRUSTED and not court_number:
            raise _required("court_case_number")  # 委托调解: the court has filed the case; it has a number
        if source is CaseSource.COURT_ENTRUSTED:
            procedure = procedure or Procedure.ORDINARY
        elif procedure is not None:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "A procedure is given only for mediation a court entrusted after filing."),
                field="procedure")
        days = time_limit_days if time_limit_days is not None else default_time_limit(source, procedure)
        if days is None or not 1 <= days <= TIME_LIMIT_MAX:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "The time limit must be from 1 to {limit} days."), field="time_limit_days",
                limit=TIME_LIMIT_MAX)
    else:
        if court or court_number or procedure is not None or time_limit_days is not None:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "A court, its case number, a procedure and a time limit are given only for "
                "mediation a court invited or entrusted."), field="court_name")
        days = None
    cited = cited_matter.strip()
    if cited and kind is not MatterKind.MEDIATION:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "Only a mediation case cites a notarial matter."), field="cited_matter")
    return CaseDetails(chosen, validate_title(title), received_on, patent_kind,
                       clean_text(summary, "summary", SUMMARY_MAX, multiline=True), cleaned, amount, source,
                       court, court_number, procedure, days, cited)


@dataclass(frozen=True, slots=True)
class CaseInfo:
    """A case as lists and other services see it."""

    id: CaseId
    number: str
    case_type: str
    title: str
    created_by: str
    created_at: datetime
    kind: MatterKind = MatterKind.MEDIATION
    status: CaseStatus = CaseStatus.REGISTERED
    revision: int = 1
    mediators: tuple[str, ...] = field(default=())


def _info(row: MediationCase, mediators: tuple[str, ...] = ()) -> CaseInfo:
    return CaseInfo(CaseId(row.id), row.number, row.case_type, row.title, row.created_by, row.created_at,
                    MatterKind(row.kind), CaseStatus(row.status), row.revision, mediators)


def _amount_text(amount: Decimal | None) -> str | None:
    return None if amount is None else f"{amount:.2f}"


def details_of(session: Session, row: MediationCase) -> CaseDetails:
    """The details a case row holds now."""
    cited = session.get(MediationCase, row.cited_matter_id) if row.cited_matter_id is not None else None
    return CaseDetails(
        CaseType(row.case_type), row.title, row.received_on or office_today(row.created_at),
        PatentKind(row.patent_kind) if row.patent_kind else None, row.summary,
        tuple(json.loads(row.requests)),
        row.amount_claimed, CaseSource(row.source) if row.source else None, row.court_name or "",
        row.court_case_number or "", Procedure(row.procedure) if row.procedure else None,
        row.time_limit_days, cited.number if cited is not None else "")


def case_record(row: MediationCase, cited_number: str = "") -> dict[str, object]:
    """The canonical record of a case's details: logged when it is opened (``case.opened``) and each time
    they change (``case.updated``). A case opened before record version 2 keeps its version-1 record."""
    base: dict[str, object] = {"type": CASE_RECORD_TYPE, "number": row.number, "case_type": row.case_type,
                               "title": row.title, "created_by": row.created_by,
                               "created_at": format_time(row.created_at)}
    if row.record_version == 1:
        return {**base, "version": 1}
    return {**base, "version": CASE_RECORD_VERSION, "kind": row.kind, "revision": row.revision,
            "patent_kind": row.patent_kind, "summary": row.summary, "requests": json.loads(row.requests),
            "amount_claimed": _amount_text(row.amount_claimed),
            "received_on": row.received_on.isoformat() if row.received_on else None,
            "source": row.source, "court_name": row.court_name, "court_case_number": row.court_case_number,
            "procedure": row.procedure, "time_limit_days": row.time_limit_days, "cited_matter": cited_number}


def _cited_row(session: Session, number: str) -> MediationCase | None:
    if not number:
        return None
    row = find_case(session, number)
    if row.kind != MatterKind.NOTARIAL:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "“{number}” is a mediation case; a case cites notarial matters only."),
            field="cited_matter", number=number)
    return row


def apply_details(row: MediationCase, details: CaseDetails, cited: MediationCase | None) -> None:
    """Put checked details on a case row (its columns as the register reads them)."""
    row.case_type = details.case_type.value
    row.patent_kind = details.patent_kind.value if details.patent_kind else None
    row.title = details.title
    row.summary = details.summary
    row.requests = json.dumps(list(details.requests), ensure_ascii=False)
    row.amount_claimed = details.amount_claimed
    row.received_on = details.received_on
    row.source = details.source.value if details.source else None
    row.court_name = details.court_name or None
    row.court_case_number = details.court_case_number or None
    row.procedure = details.procedure.value if details.procedure else None
    row.time_limit_days = details.time_limit_days
    row.cited_matter_id = cited.id if cited is not None else None


def deadlines_of(row: MediationCase) -> list[Deadline]:
    """The deadlines a case runs to now, earliest first (its open performance obligations read from the
    row's session, when it has one)."""
    source = CaseSource(row.source) if row.source else None
    status = CaseStatus(row.status)
    session = object_session(row)
    due = (earliest_open_due(session, row.id)
           if session is not None and row.id is not None and status in PERFORMANCE_STATUSES else None)
    return case_deadlines(status, source is not None and source.from_court,
                          row.time_limit_days, row.received_on, row.agreement_effective_on,
                          performance_due=due)


def refresh_deadline(row: MediationCase) -> None:
    """Keep the row's next deadline (the list sorts and filters on it) in step with its status and details."""
    found = deadlines_of(row)
    row.next_deadline = found[0].last_day if found else None


def case_subject(number: str) -> str:
    """The ledger subject of a case: its opening, edits, moves and assignments are logged under it."""
    return f"{CASE_SUBJECT_PREFIX}{number}"


def open_matter(session: Session, actor: Actor, kind: MatterKind, details: CaseDetails,
                now: datetime | None = None) -> CaseInfo:
    """Open a matter of ``kind`` with the next number of its series and year; logged in the ledger."""
    require(actor, Action.OPEN_CASE)
    # Numbers are taken under the ledger's lock (ledger.lock, before any read: a SQLite reader cannot
    # take the write lock later), so two seats or processes never take the same serial and none is
    # skipped; the unique constraint (kind, year, serial) backs it.
    ledger.lock(session)
    office = get_office(session)
    if office is None:
        raise NotAllowed(QT_TRANSLATE_NOOP("errors", "Set up the office first (mediseal init)."))
    head = number_head(office, kind)
    created_at = now or utc_now()
    year = office_today(created_at).year  # the office's calendar year decides the number
    serial = (session.scalar(select(func.max(MediationCase.serial)).where(
        MediationCase.kind == kind.value, MediationCase.year == year)) or 0) + 1
    cited = _cited_row(session, details.cited_matter)
    row = MediationCase(kind=kind.value, number=format_case_number(head, year, serial), year=year,
                        serial=serial, record_version=CASE_RECORD_VERSION, revision=1,
                        created_by=actor.name, created_at=created_at, status=CaseStatus.REGISTERED.value)
    apply_details(row, details, cited)
    session.add(row)
    session.flush()
    refresh_deadline(row)
    versions.save(session, actor.name, EventKind.CASE_OPENED, case_subject(row.number), 1,
                  case_record(row, details.cited_matter), created_at)
    return _info(row)


def number_head(office: OfficeInfo, kind: MatterKind) -> str:
    """The text before 字 in numbers of ``kind``: the office's prefix and word for that series."""
    head = office.number_head(kind)
    if head is None:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "The office has no number series for {kind} yet: an administrator sets its prefix "
            "and word in Settings."), kind=kind.label)
    return head


def open_case(session: Session, actor: Actor, case_type: str, title: str, now: datetime | None = None, *,
              kind: MatterKind = MatterKind.MEDIATION) -> CaseInfo:
    """Open a matter from its type and title alone, received today (the Evidence page's quick form)."""
    moment = now or utc_now()
    details = case_details(kind, case_type, title, office_today(moment), today=office_today(moment))
    return open_matter(session, actor, kind, details, moment)


def update_case(session: Session, actor: Actor, number: str, details: CaseDetails, expected_revision: int,
                now: datetime | None = None) -> CaseInfo:
    """Save changed details as the case's next revision (``case.updated``); refused when someone else
    saved since ``expected_revision``. Nothing is logged when nothing changed."""
    ledger.lock(session)
    row = find_case(session, number)
    require_case_access(session, actor, row)
    versions.check_base(row.revision, expected_revision, row.number)
    if details == details_of(session, row):
        return _info(row)
    if row.record_version == 1:
        row.record_version = CASE_RECORD_VERSION  # its first full record; version 1 stays in the ledger
    cited = _cited_row(session, details.cited_matter)
    apply_details(row, details, cited)
    row.revision += 1
    refresh_deadline(row)
    session.flush()
    versions.save(session, actor.name, EventKind.CASE_UPDATED, case_subject(row.number), row.revision,
                  case_record(row, details.cited_matter), now or utc_now())
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


def mediators_of(session: Session, case_id: int) -> tuple[str, ...]:
    """The login names of the mediators assigned to a case, in the order they were assigned."""
    return tuple(session.scalars(select(CaseMediator.mediator).where(CaseMediator.case_id == case_id)
                                 .order_by(CaseMediator.id)))


def require_open(row: MediationCase) -> None:
    """Refuse any change to a closed and archived case (结案归档): its file is kept as archived. Evidence
    intake, seals and preservation records check this too (they are not gated by ``require_case_access``)."""
    if row.status == CaseStatus.CLOSED:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "Case {number} is closed and archived; its file is read-only."), number=row.number)


def require_case_access(session: Session, actor: Actor, row: MediationCase) -> None:
    """Refuse an actor who may not act on this case: once mediators are assigned, only they and an
    administrator act on it; before, any case worker (a clerk registering it, a notary on a notarial
    matter). A closed and archived case (结案归档) is read-only for everyone: its file is kept as archived."""
    require(actor, Action.WORK_ON_CASE)
    require_open(row)
    if Role.ADMIN in actor.roles:
        return
    assigned = mediators_of(session, row.id)
    if assigned and actor.name not in assigned:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "{user} is not assigned to case {number}: only its mediators ({mediators}) and an "
            "administrator act on it."), user=actor.name, number=row.number, mediators="、".join(assigned))


def case_info(session: Session, number: str) -> CaseInfo:
    """One case as lists see it, with its mediators."""
    row = find_case(session, number)
    return _info(row, mediators_of(session, row.id))


def list_cases(session: Session, kind: MatterKind | None = None) -> list[CaseInfo]:
    """Every case (of one kind), newest first."""
    query = select(MediationCase).order_by(MediationCase.id.desc())
    if kind is not None:
        query = query.where(MediationCase.kind == kind.value)
    return [_info(row) for row in session.scalars(query)]
