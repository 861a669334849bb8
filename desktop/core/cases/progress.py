"""A case's progress: moves through the people's-mediation workflow (``workflow``), each one stored and
logged with its actor, time and reason, and the mediators assigned to it with their conflict-of-interest
declarations."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Agent, CaseMediator, CaseMove, MediationCase, Party, User, utc_now
from desktop.core.cases.deadlines import office_today
from desktop.core.cases.matters import (
    NAMES_SEPARATOR,
    case_subject,
    find_case,
    mediators_of,
    refresh_deadline,
    require_case_access,
    require_open,
)
from desktop.core.cases.workflow import CaseStatus, check_move, is_outcome
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput, NotAllowed, NotFound
from desktop.core.integrity.canonical import format_time, record_digest
from desktop.core.office.office import MatterKind
from desktop.core.text import clean_text
from desktop.core.trust import ledger
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Action, Actor, Role, require
from desktop.core.trust.users import real_names

MOVE_RECORD_TYPE = "case-move"
MEDIATOR_RECORD_TYPE = "case-mediator"
DECLARATION_MAX = 500


@dataclass(frozen=True, slots=True)
class Move:
    """One step of a case, as its history shows it."""

    from_status: CaseStatus
    to_status: CaseStatus
    reason: str
    effective_on: date | None
    actor: str
    moved_at: datetime
    record_sha256: str = ""  # the digest its ``case.moved`` entry carries


def move_record(number: str, row: CaseMove) -> dict[str, object]:
    """The canonical record a ``case.moved`` entry digests."""
    return {"type": MOVE_RECORD_TYPE, "version": 1, "case": number, "from": row.from_status,
            "to": row.to_status, "reason": row.reason,
            "effective_on": row.effective_on.isoformat() if row.effective_on else None,
            "actor": row.actor, "time": format_time(row.moved_at)}


def date_of_effect(wanted: CaseStatus, effective_on: date | None, received_on: date | None,
                   today: date) -> date | None:
    """The date of effect a move to ``wanted`` records: for an agreement the day given (``today`` when
    none), neither still to come nor before the case was received; none for any other move. The 30 days
    for judicial confirmation run from it (People's Mediation Law art. 33)."""
    if wanted is CaseStatus.AGREEMENT:
        effective_on = effective_on or today
        if effective_on > today:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "The agreement cannot take effect on {given}, a day still to come."),
                field="effective_on", given=effective_on.isoformat())
        if received_on is not None and effective_on < received_on:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "The agreement cannot take effect on {given}, before the case was received."),
                field="effective_on", given=effective_on.isoformat())
        return effective_on
    if effective_on is not None:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "A date of effect is recorded only when an agreement is reached."),
            field="effective_on")
    return None


def move_case(session: Session, actor: Actor, number: str, target: CaseStatus | str, reason: str = "",
              now: datetime | None = None) -> Move:
    """Move a case to ``target`` by hand when the workflow allows it from where it stands (``NotAllowed``
    says why not). Closing is archiving the file (``archive.archive_case``) and the end of a mediation is
    its outcome (``outcomes.record_outcome``): both are refused here."""
    return _move_case(session, actor, number, target, reason, None, now, by_hand=True)


def move_for_outcome(session: Session, actor: Actor, number: str, target: CaseStatus, reason: str,
                     effective_on: date | None, now: datetime) -> Move:
    """The move an outcome makes (``outcomes.record_outcome`` only, in its transaction, after its checks):
    the same record and entry as any move. An agreement records the day it took effect: the 30 days for
    judicial confirmation run from it (People's Mediation Law art. 33)."""
    return _move_case(session, actor, number, target, reason, effective_on, now, by_hand=False)


def refuse_by_hand(number: str, current: CaseStatus, wanted: CaseStatus) -> None:
    """``NotAllowed`` for a move made by hand that only archiving or an outcome makes."""
    if wanted is CaseStatus.CLOSED:
        # A case is closed only by archiving its file (archive.archive_case), which checks the file and
        # seals its contents in the same transaction.
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "Case {number} is closed by archiving its file (the Case file tab, or mediseal case "
            "archive), not by a move."), number=number)
    if is_outcome(current, wanted):
        # People's Mediation Law arts. 26, 28-30: the agreement (its signatures, its date of effect) or
        # the reason the mediation failed or was withdrawn is recorded with the move.
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "Case {number} moves to “{target}” by recording the outcome of its mediation (the "
            "Outcome and Performance tab, or mediseal outcome), not by a move."),
            number=number, target=wanted.label)


def _move_case(session: Session, actor: Actor, number: str, target: CaseStatus | str, reason: str,
               effective_on: date | None, now: datetime | None, *, by_hand: bool) -> Move:
    try:
        wanted = CaseStatus(target)
    except ValueError:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "“{value}” is not a case status; use one of: {values}."), field="status",
            value=target, values=", ".join(CaseStatus)) from None
    ledger.lock(session)
    row = find_case(session, number)
    require_case_access(session, actor, row)
    if row.kind != MatterKind.MEDIATION:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "{number} is a notarial matter: the mediation workflow does not apply to it."),
            number=row.number)
    current = CaseStatus(row.status)
    if by_hand and is_outcome(current, wanted):
        refuse_by_hand(row.number, current, wanted)  # first: no reason is asked for a move refused anyway
    cleaned = check_move(current, wanted, reason)
    if by_hand:
        refuse_by_hand(row.number, current, wanted)
    elif not is_outcome(current, wanted):
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "A case that is “{current}” cannot move to “{target}”."),
            current=current.label, target=wanted.label)
    moment = now or utc_now()
    today = office_today(moment)
    effective_on = date_of_effect(wanted, effective_on, row.received_on, today)
    if effective_on is not None:
        row.agreement_effective_on = effective_on
    move = CaseMove(case_id=row.id, from_status=current.value, to_status=wanted.value, reason=cleaned,
                    effective_on=effective_on, actor=actor.name, moved_at=moment, record_sha256="")
    move.record_sha256 = record_digest(move_record(row.number, move))
    session.add(move)
    row.status = wanted.value
    refresh_deadline(row)
    session.flush()
    ledger.append(session, actor.name, EventKind.CASE_MOVED, case_subject(row.number), move.record_sha256,
                  now=moment)
    return _move(move)


def _move(row: CaseMove) -> Move:
    return Move(CaseStatus(row.from_status), CaseStatus(row.to_status), row.reason, row.effective_on,
                row.actor, row.moved_at, row.record_sha256)


def history(session: Session, number: str) -> list[Move]:
    """Every move of a case, oldest first."""
    row = find_case(session, number)
    return [_move(move) for move in session.scalars(select(CaseMove).where(CaseMove.case_id == row.id)
                                                    .order_by(CaseMove.id))]


@dataclass(frozen=True, slots=True)
class Assignment:
    """A mediator on a case, with the declaration made on assignment."""

    mediator: str
    real_name: str
    conflict: bool
    declaration: str
    assigned_by: str
    assigned_at: datetime


def mediator_record(number: str, row: CaseMediator) -> dict[str, object]:
    """The canonical record a ``case.mediator_assigned`` entry digests."""
    return {"type": MEDIATOR_RECORD_TYPE, "version": 1, "case": number, "mediator": row.mediator,
            "conflict": row.conflict, "declaration": row.declaration, "assigned_by": row.assigned_by,
            "time": format_time(row.assigned_at)}


def not_assigned(user: str, number: str, assigned: Sequence[str]) -> NotAllowed:
    """The refusal of a user who is not among a case's mediators."""
    return NotAllowed(QT_TRANSLATE_NOOP(
        "errors", "{user} is not assigned to case {number}: only its mediators ({mediators}) and an "
        "administrator act on it."), user=user, number=number, mediators="、".join(assigned))


def require_may_assign(actor: Actor, number: str, assigned: Sequence[str], mediator: str) -> None:
    """Who assigns whom: an administrator anyone; a mediator on the case a colleague; a mediator themself
    to a case with no mediator yet."""
    if Role.ADMIN not in actor.roles and assigned and actor.name not in assigned:
        raise not_assigned(actor.name, number, assigned)
    if Role.ADMIN not in actor.roles and not assigned and mediator != actor.name:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "A mediator takes on a case with no mediator for themself; an administrator assigns "
            "others."))


def checked_assignment(number: str, assigned: Sequence[str], mediator: str, roles: Collection[Role],
                       disabled: bool, conflict: bool, declaration: str) -> str:
    """The checks on the mediator assigned (an enabled user with the mediator role, not yet on the case);
    the declaration as recorded (required when a conflict is declared)."""
    if disabled or Role.MEDIATOR not in roles:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "{name} cannot be assigned: only an enabled user with the mediator role mediates."),
            field="mediator", name=mediator)
    if mediator in assigned:
        raise NotAllowed(QT_TRANSLATE_NOOP("errors", "{name} is already assigned to case {number}."),
                         name=mediator, number=number)
    return clean_text(declaration, "declaration", DECLARATION_MAX, multiline=True, required=conflict)


def assign_mediator(session: Session, actor: Actor, number: str, mediator: str, *, conflict: bool,
                    declaration: str = "", now: datetime | None = None) -> Assignment:
    """Assign a mediator to a case with their declaration on conflicts of interest (回避; cf. the 2021
    Online Mediation Rules art. 13): ``conflict`` false declares none; true records the conflict the
    mediator discloses (``declaration`` required), which the parties are told of and may accept.

    An administrator assigns anyone holding the mediator role; a mediator may take on a case that has no
    mediator yet, or add a colleague to a case they are on.
    """
    ledger.lock(session)  # first: the sign-in is checked under the lock sign-out takes
    require(actor, Action.ASSIGN_MEDIATOR)
    row = find_case(session, number)
    if row.kind != MatterKind.MEDIATION:
        raise NotAllowed(QT_TRANSLATE_NOOP("errors", "{number} is a notarial matter: it has no mediators."),
                         number=row.number)
    require_open(row)
    assigned = mediators_of(session, row.id)
    require_may_assign(actor, row.number, assigned, mediator)
    user = session.scalar(select(User).where(User.name == mediator))
    if user is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no user “{name}”."), name=mediator)
    text = checked_assignment(row.number, assigned, mediator, {Role(held.role) for held in user.roles},
                              user.disabled, conflict, declaration)
    moment = now or utc_now()
    assignment = CaseMediator(case_id=row.id, mediator=mediator, conflict=conflict, declaration=text,
                              assigned_by=actor.name, assigned_at=moment, record_sha256="")
    assignment.record_sha256 = record_digest(mediator_record(row.number, assignment))
    session.add(assignment)
    known = real_names(session, (*assigned, mediator))
    row.mediator_names = NAMES_SEPARATOR.join(known.get(login, login) for login in (*assigned, mediator))
    session.flush()
    ledger.append(session, actor.name, EventKind.CASE_MEDIATOR_ASSIGNED, case_subject(row.number),
                  assignment.record_sha256, now=moment)
    return Assignment(mediator, user.real_name or "", conflict, text, actor.name, moment)


def assignments(session: Session, number: str) -> list[Assignment]:
    """The mediators of a case, in the order they were assigned."""
    row = find_case(session, number)
    query = (select(CaseMediator, User.real_name).join(User, User.name == CaseMediator.mediator, isouter=True)
             .where(CaseMediator.case_id == row.id).order_by(CaseMediator.id))
    return [Assignment(found.mediator, real_name or "", found.conflict, found.declaration, found.assigned_by,
                       found.assigned_at) for found, real_name in session.execute(query)]


@dataclass(frozen=True, slots=True)
class Appearance:
    """A case where a mediator's name appears as a party or an agent."""

    number: str
    as_what: str  # "party" or "agent"
    name: str


def mediator_appearances(session: Session, mediator: str) -> list[Appearance]:
    """The cases in which someone with the mediator's real name is a party or an agent: a warning (the
    same name may be another person), shown when the mediator is assigned."""
    real_name = session.scalar(select(User.real_name).where(User.name == mediator))
    if not real_name:
        return []
    found: list[Appearance] = []
    parties = (select(MediationCase.number, Party.name).join(Party, Party.case_id == MediationCase.id)
               .where(Party.name == real_name).order_by(MediationCase.id))
    found += [Appearance(number, "party", name) for number, name in session.execute(parties)]
    agents = (select(MediationCase.number, Agent.name).join(Agent, Agent.case_id == MediationCase.id)
              .where(Agent.name == real_name).order_by(MediationCase.id))
    found += [Appearance(number, "agent", name) for number, name in session.execute(agents)]
    return found
