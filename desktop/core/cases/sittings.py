"""Sittings of a case (调解会, and 调查 for an investigation): when and where, who attends, the matter
(事由) and the minutes' header and closing fields. Each sitting is a versioned record (``versions``,
subject ``sitting:<id>``): scheduling logs version 1, each change the next. Its minutes live in
``minutes``; once they are sealed (or the sitting is cancelled) the sitting is read-only, here and in the
database (triggers of revision 0010)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from db.models import Agent as AgentRow
from db.models import CaseMediator, MediationCase, Party, User, utc_now
from db.sittings import Sitting, SittingAttendee
from desktop.core.cases import versions
from desktop.core.cases.matters import find_case, mediators_of, require_case_access
from desktop.core.cases.workflow import CaseStatus
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput, NotAllowed, NotFound
from desktop.core.integrity.canonical import format_time
from desktop.core.text import clean_text
from desktop.core.trust import ledger
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Action, Actor, Role, require
from desktop.core.trust.users import real_names
from desktop.core.vocabulary import Vocabulary

V = TypeVar("V", bound=Vocabulary)

SITTING_RECORD_TYPE = "mediseal.sitting"
SITTING_RECORD_VERSION = 1
SITTING_SUBJECT_PREFIX = "sitting:"
NAME_MAX = 100
PLACE_MAX = 200
MATTER_MAX = 2000
NOTES_MAX = 20_000
REASON_MAX = 1000
ATTENDEES_MAX = 60
UPCOMING_DAYS_MAX = 366


class SittingKind(Vocabulary):
    """What a sitting is; each kind has its record form in 人民调解文书格式 (2010)."""

    MEDIATION = "mediation", QT_TRANSLATE_NOOP("vocabulary", "Mediation sitting")  # 调解会 → 调解记录
    INVESTIGATION = "investigation", QT_TRANSLATE_NOOP("vocabulary", "Investigation")  # 调查 → 调查记录


class SittingState(Vocabulary):
    """Where a sitting stands. A sitting being typed stays SCHEDULED until it is closed."""

    SCHEDULED = "scheduled", QT_TRANSLATE_NOOP("vocabulary", "Scheduled")
    HELD = "held", QT_TRANSLATE_NOOP("vocabulary", "Held")
    ADJOURNED = "adjourned", QT_TRANSLATE_NOOP("vocabulary", "Adjourned")
    CANCELLED = "cancelled", QT_TRANSLATE_NOOP("vocabulary", "Cancelled")


class AttendeeRole(Vocabulary):
    """Why a person attends a sitting (and speaks in its minutes). Stored: never rename one."""

    APPLICANT = "applicant", QT_TRANSLATE_NOOP("vocabulary", "Applicant")  # 申请人
    RESPONDENT = "respondent", QT_TRANSLATE_NOOP("vocabulary", "Respondent")  # 被申请人
    THIRD_PARTY = "third-party", QT_TRANSLATE_NOOP("vocabulary", "Third party")  # 第三人
    AGENT = "agent", QT_TRANSLATE_NOOP("vocabulary", "Agent")  # 委托代理人
    MEDIATOR = "mediator", QT_TRANSLATE_NOOP("vocabulary", "Mediator")  # 调解员
    RECORDER = "recorder", QT_TRANSLATE_NOOP("vocabulary", "Recorder")  # 记录人
    EXPERT = "expert", QT_TRANSLATE_NOOP("vocabulary", "Expert")  # 专家
    INTERPRETER = "interpreter", QT_TRANSLATE_NOOP("vocabulary", "Interpreter")  # 翻译人员
    INTERVIEWEE = "interviewee", QT_TRANSLATE_NOOP("vocabulary", "Interviewee")  # 被调查人
    OTHER = "other", QT_TRANSLATE_NOOP("vocabulary", "Other")  # 其他人员


@dataclass(frozen=True, slots=True)
class Attendee:
    """One person attending: role, name, and the party, agent or user they are when known."""

    role: AttendeeRole
    name: str
    party_id: int | None = None
    agent_id: int | None = None
    login: str | None = None


@dataclass(frozen=True, slots=True)
class SittingInfo:
    """A sitting as it stands, with its attendees and how many entries its minutes hold."""

    id: int
    case_number: str
    kind: SittingKind
    state: SittingState
    starts_at: datetime
    place: str
    online: bool
    matter: str
    attendees: tuple[Attendee, ...]
    rights_explained: bool
    risk_warning: str
    findings: str
    result: str
    revision: int
    entry_count: int
    sealed: bool
    created_by: str
    created_at: datetime
    cancel_reason: str = ""
    sealed_at: datetime | None = None


def sitting_subject(sitting_id: int) -> str:
    """The ledger subject of a sitting's versions."""
    return f"{SITTING_SUBJECT_PREFIX}{sitting_id}"


def vocabulary_value(kind: type[V], value: str | V, field: str) -> V:
    """``value`` as a member of ``kind``, else ``InvalidInput`` naming the field and the allowed values."""
    try:
        return kind(value)
    except ValueError:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "“{value}” is not a valid {field}: use one of {allowed}."), field=field, value=value,
            allowed=", ".join(member.value for member in kind)) from None


def aware(moment: datetime, field: str) -> datetime:
    """Refuse a time without a zone: every time is stored as aware UTC."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The field {field} needs a time with its time zone."),
                           field=field)
    return moment


def _attendee_record(attendee: Attendee) -> dict[str, Any]:
    return {"role": attendee.role.value, "name": attendee.name, "party_id": attendee.party_id,
            "agent_id": attendee.agent_id, "login": attendee.login}


def attendees_record(attendees: Iterable[Attendee]) -> list[dict[str, Any]]:
    """The attendees as a sealed record lists them."""
    return [_attendee_record(attendee) for attendee in attendees]


def sitting_record(case_number: str, row: Sitting, attendees: Sequence[Attendee]) -> dict[str, Any]:
    """The versioned record of a sitting (``versions.save``), rebuilt by verification from the row."""
    return {"type": SITTING_RECORD_TYPE, "version": SITTING_RECORD_VERSION, "id": row.id, "case": case_number,
            "kind": row.kind, "state": row.state, "starts_at": format_time(row.starts_at), "place": row.place,
            "online": row.online, "matter": row.matter, "attendees": attendees_record(attendees),
            "rights_explained": row.rights_explained, "risk_warning": row.risk_warning,
            "findings": row.findings, "result": row.result, "cancel_reason": row.cancel_reason,
            "revision": row.revision, "sealed_at": format_time(row.sealed_at) if row.sealed_at else None}


def _attendee(row: SittingAttendee) -> Attendee:
    return Attendee(AttendeeRole(row.role), row.name, row.party_id, row.agent_id, row.login)


def attendees_of(session: Session, sitting_ids: Iterable[int]) -> dict[int, tuple[Attendee, ...]]:
    """The attendees of each sitting, in their listed order (one query)."""
    ids = sorted(set(sitting_ids))
    found: dict[int, list[Attendee]] = defaultdict(list)
    if ids:
        query = select(SittingAttendee).where(SittingAttendee.sitting_id.in_(ids)).order_by(
            SittingAttendee.sitting_id, SittingAttendee.position)
        for row in session.scalars(query):
            found[row.sitting_id].append(_attendee(row))
    return {sitting_id: tuple(found.get(sitting_id, ())) for sitting_id in ids}


def info_of(row: Sitting, case_number: str, attendees: tuple[Attendee, ...]) -> SittingInfo:
    """A sitting row as ``SittingInfo``."""
    return SittingInfo(row.id, case_number, SittingKind(row.kind), SittingState(row.state), row.starts_at,
                       row.place, row.online, row.matter, attendees, row.rights_explained, row.risk_warning,
                       row.findings, row.result, row.revision, row.entry_count, row.sealed_at is not None,
                       row.created_by, row.created_at, row.cancel_reason, row.sealed_at)


def find_sitting(session: Session, sitting_id: int) -> tuple[Sitting, MediationCase]:
    """The sitting and its case, else ``NotFound``."""
    found = session.execute(select(Sitting, MediationCase)
                            .join(MediationCase, MediationCase.id == Sitting.case_id)
                            .where(Sitting.id == sitting_id)).first()
    if found is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no sitting {sitting}."), sitting=sitting_id)
    return found[0], found[1]


def is_recorder(session: Session, login: str, sitting_id: int) -> bool:
    """True when ``login`` is listed as the recorder (记录人) of the sitting."""
    return session.scalar(select(SittingAttendee.id).where(
        SittingAttendee.sitting_id == sitting_id, SittingAttendee.role == AttendeeRole.RECORDER.value,
        SittingAttendee.login == login).limit(1)) is not None


def require_sitting_access(session: Session, actor: Actor, case: MediationCase, row: Sitting) -> None:
    """Refuse an actor who may not record in this sitting: the case's own gate (its assigned mediators and
    an administrator, or any case worker while none is assigned), or else the case worker listed as the
    sitting's recorder."""
    try:
        require_case_access(session, actor, case)
    except NotAllowed:
        if case.status == CaseStatus.CLOSED or not actor.may(Action.WORK_ON_CASE) \
                or not is_recorder(session, actor.name, row.id):
            raise


def require_open(row: Sitting) -> None:
    """Refuse any change to a sitting whose minutes are sealed, or that was cancelled."""
    if row.sealed_at is not None:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "The minutes of sitting {sitting} are sealed and read-only; correct an entry with an "
            "addendum."), sitting=row.id)
    if row.state == SittingState.CANCELLED:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "Sitting {sitting} was cancelled; nothing more is recorded in it."), sitting=row.id)


def _clean_attendees(session: Session, case: MediationCase, attendees: Iterable[Attendee]) -> list[Attendee]:
    """Each attendee checked: a role of the vocabulary, a clean name, and a party, agent or user that
    exists (a party or agent of this case)."""
    cleaned: list[Attendee] = []
    for attendee in attendees:
        role = vocabulary_value(AttendeeRole, attendee.role, field="role")
        name = clean_text(attendee.name, "attendees", NAME_MAX, required=True)
        if attendee.party_id is not None and session.scalar(select(Party.id).where(
                Party.id == attendee.party_id, Party.case_id == case.id)) is None:
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Case {case} has no party {party}."),
                               field="attendees", case=case.number, party=attendee.party_id)
        if attendee.agent_id is not None and session.scalar(select(AgentRow.id).where(
                AgentRow.id == attendee.agent_id, AgentRow.case_id == case.id)) is None:
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Case {case} has no agent {agent}."),
                               field="attendees", case=case.number, agent=attendee.agent_id)
        login = attendee.login or None
        if login is not None and session.scalar(select(User.id).where(User.name == login)) is None:
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "There is no user “{user}”."), field="attendees",
                               user=login)
        cleaned.append(Attendee(role, name, attendee.party_id, attendee.agent_id, login))
    if len(cleaned) > ATTENDEES_MAX:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "List at most {limit} attendees."), field="attendees",
                           limit=ATTENDEES_MAX)
    return cleaned


def _clean_place(place: str, online: bool) -> str:
    # 人民调解文书格式 (2010), 调解记录: the record states where the sitting was held; online, the place may
    # be left empty (the record says "online").
    return clean_text(place, "place", PLACE_MAX, required=not online)


def _store_attendees(session: Session, sitting_id: int, attendees: Sequence[Attendee]) -> None:
    for position, attendee in enumerate(attendees, start=1):
        session.add(SittingAttendee(sitting_id=sitting_id, position=position, role=attendee.role.value,
                                    name=attendee.name, party_id=attendee.party_id,
                                    agent_id=attendee.agent_id, login=attendee.login))


def save_version(session: Session, actor: Actor, kind: EventKind, case_number: str, row: Sitting,
                 attendees: Sequence[Attendee], now: datetime) -> str:
    """Log the sitting's current state as its version ``row.revision``."""
    session.flush()
    return versions.save(session, actor.name, kind, sitting_subject(row.id), row.revision,
                         sitting_record(case_number, row, attendees), now)


def schedule_sitting(session: Session, actor: Actor, number: str, kind: SittingKind | str,
                     starts_at: datetime, *, place: str = "", online: bool = False, matter: str = "",
                     attendees: Iterable[Attendee] = (), now: datetime | None = None) -> SittingInfo:
    """Schedule a sitting of case ``number`` (a place is required unless it is held online)."""
    chosen = vocabulary_value(SittingKind, kind, field="kind")
    starts = aware(starts_at, field="starts_at")
    clean_place = _clean_place(place, online)
    clean_matter = clean_text(matter, "matter", MATTER_MAX, multiline=True)
    moment = now or utc_now()
    ledger.lock(session)
    case = find_case(session, number)
    require_case_access(session, actor, case)
    listed = _clean_attendees(session, case, attendees)
    row = Sitting(case_id=case.id, kind=chosen.value, state=SittingState.SCHEDULED.value, starts_at=starts,
                  place=clean_place, online=online, matter=clean_matter, rights_explained=False,
                  risk_warning="", findings="", result="", cancel_reason="", revision=1, entry_count=0,
                  sealed_at=None, created_by=actor.name, created_at=moment)
    session.add(row)
    session.flush()
    _store_attendees(session, row.id, listed)
    save_version(session, actor, EventKind.SITTING_SCHEDULED, case.number, row, listed, moment)
    return info_of(row, case.number, tuple(listed))


def _editable(session: Session, actor: Actor, sitting_id: int,
              expected_revision: int | None) -> tuple[Sitting, MediationCase]:
    ledger.lock(session)
    row, case = find_sitting(session, sitting_id)
    require_sitting_access(session, actor, case, row)
    require_open(row)
    versions.check_base(row.revision, expected_revision, sitting_subject(row.id))
    return row, case


def edit_sitting(session: Session, actor: Actor, sitting_id: int, expected_revision: int, *,
                 starts_at: datetime, place: str, online: bool, matter: str, attendees: Iterable[Attendee],
                 now: datetime | None = None) -> SittingInfo:
    """Change when, where, the matter and who attends; refused once sealed or cancelled, and when someone
    else changed the sitting since ``expected_revision``. Nothing is logged when nothing changed."""
    starts = aware(starts_at, field="starts_at")
    clean_place = _clean_place(place, online)
    clean_matter = clean_text(matter, "matter", MATTER_MAX, multiline=True)
    row, case = _editable(session, actor, sitting_id, expected_revision)
    listed = _clean_attendees(session, case, attendees)
    current = attendees_of(session, [row.id])[row.id]
    if (row.starts_at, row.place, row.online, row.matter, current) == (starts, clean_place, online,
                                                                       clean_matter, tuple(listed)):
        return info_of(row, case.number, current)
    row.starts_at, row.place, row.online, row.matter = starts, clean_place, online, clean_matter
    row.revision += 1
    if current != tuple(listed):
        for old in session.scalars(select(SittingAttendee).where(SittingAttendee.sitting_id == row.id)):
            session.delete(old)
        session.flush()
        _store_attendees(session, row.id, listed)
    save_version(session, actor, EventKind.SITTING_EDITED, case.number, row, listed, now or utc_now())
    return info_of(row, case.number, tuple(listed))


def set_notes(session: Session, actor: Actor, sitting_id: int, expected_revision: int, *,
              rights_explained: bool, risk_warning: str, findings: str, result: str,
              now: datetime | None = None) -> SittingInfo:
    """The minutes' header and closing fields: that the rights and obligations were explained (权利义务
    告知: the parties' rights and duties of People's Mediation Law arts. 23–24, told before mediating per
    人民调解工作若干规定 (2002) art. 30), the risk warning given, the mediator's findings, and the
    outcome or why it failed. Refused once sealed or cancelled, or when changed by someone else since."""
    warning = clean_text(risk_warning, "risk_warning", NOTES_MAX, multiline=True)
    clean_findings = clean_text(findings, "findings", NOTES_MAX, multiline=True)
    clean_result = clean_text(result, "result", NOTES_MAX, multiline=True)
    row, case = _editable(session, actor, sitting_id, expected_revision)
    listed = attendees_of(session, [row.id])[row.id]
    if (row.rights_explained, row.risk_warning, row.findings, row.result) == (
            rights_explained, warning, clean_findings, clean_result):
        return info_of(row, case.number, listed)
    row.rights_explained, row.risk_warning = rights_explained, warning
    row.findings, row.result = clean_findings, clean_result
    row.revision += 1
    save_version(session, actor, EventKind.SITTING_EDITED, case.number, row, listed, now or utc_now())
    return info_of(row, case.number, listed)


def cancel_sitting(session: Session, actor: Actor, sitting_id: int, reason: str,
                   now: datetime | None = None) -> SittingInfo:
    """Cancel a sitting that has no entries, with a reason; a cancelled sitting is read-only."""
    why = clean_text(reason, "reason", REASON_MAX, multiline=True, required=True)
    row, case = _editable(session, actor, sitting_id, None)
    if row.entry_count:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "Sitting {sitting} already has {count} minutes entries: close it as adjourned instead "
            "of cancelling it."), sitting=row.id, count=row.entry_count)
    listed = attendees_of(session, [row.id])[row.id]
    row.state, row.cancel_reason = SittingState.CANCELLED.value, why
    row.revision += 1
    save_version(session, actor, EventKind.SITTING_CANCELLED, case.number, row, listed, now or utc_now())
    return info_of(row, case.number, listed)


def sitting_info(session: Session, sitting_id: int) -> SittingInfo:
    """One sitting as it stands."""
    row, case = find_sitting(session, sitting_id)
    return info_of(row, case.number, attendees_of(session, [row.id])[row.id])


def list_sittings(session: Session, number: str) -> list[SittingInfo]:
    """A case's sittings, by time (then in the order scheduled)."""
    case = find_case(session, number)
    rows = list(session.scalars(select(Sitting).where(Sitting.case_id == case.id)
                                .order_by(Sitting.starts_at, Sitting.id)))
    listed = attendees_of(session, [row.id for row in rows])
    return [info_of(row, case.number, listed[row.id]) for row in rows]


def upcoming(session: Session, actor: Actor, *, start: datetime, days: int = 14) -> list[SittingInfo]:
    """Scheduled sittings from ``start`` over ``days`` days, by time, across the cases ``actor`` acts on:
    an administrator sees every case; anyone else the cases assigned to them and the sittings that list
    them as an attendee."""
    require(actor, Action.WORK_ON_CASE)
    if not 1 <= days <= UPCOMING_DAYS_MAX:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The field {field} must be from 1 to {limit}."),
                           field="days", limit=UPCOMING_DAYS_MAX)
    begin = aware(start, field="start")
    query = (select(Sitting, MediationCase.number).join(MediationCase, MediationCase.id == Sitting.case_id)
             .where(Sitting.state == SittingState.SCHEDULED.value, Sitting.sealed_at.is_(None),
                    Sitting.starts_at >= begin, Sitting.starts_at < begin + timedelta(days=days)))
    if Role.ADMIN not in actor.roles:
        assigned = select(CaseMediator.case_id).where(CaseMediator.mediator == actor.name)
        attending = select(SittingAttendee.sitting_id).where(SittingAttendee.login == actor.name)
        query = query.where(or_(Sitting.case_id.in_(assigned), Sitting.id.in_(attending)))
    rows = list(session.execute(query.order_by(Sitting.starts_at, Sitting.id)))
    listed = attendees_of(session, [row.id for row, _number in rows])
    return [info_of(row, number, listed[row.id]) for row, number in rows]


def default_attendees(session: Session, number: str) -> tuple[Attendee, ...]:
    """The case's parties, their agents and its assigned mediators, to pre-fill a new sitting."""
    case = find_case(session, number)
    found: list[Attendee] = []
    for party in session.scalars(select(Party).where(Party.case_id == case.id).order_by(Party.id)):
        found.append(Attendee(AttendeeRole(party.role), party.name, party_id=party.id))
    for agent in session.scalars(select(AgentRow).where(AgentRow.case_id == case.id).order_by(AgentRow.id)):
        found.append(Attendee(AttendeeRole.AGENT, agent.name, party_id=agent.party_id, agent_id=agent.id))
    logins = mediators_of(session, case.id)
    names = real_names(session, logins)
    found.extend(Attendee(AttendeeRole.MEDIATOR, names.get(login, login), login=login) for login in logins)
    return tuple(found)
