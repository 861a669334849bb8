"""How the mediation of a case ended (调解结果): an agreement in writing (人民调解协议书) or orally (口头
协议), failure (调解不成) or withdrawal (撤回). Each is a canonical record (RFC 8785) logged in the ledger
under the case's subject, recorded in the same transaction as the workflow move it makes, so the move and
the outcome are one. A correction is a new record naming the one it corrects and why.

People's Mediation Law (人民调解法) art. 28: an agreement reached may be put in writing; when the parties
see no need, it may be oral and the mediator records its content. Art. 29: a written agreement takes
effect from the day the parties have signed (签名、盖章或者按指印) and the mediator has signed and the
committee sealed it. Art. 30: an oral agreement takes effect on the day it is reached. Art. 31: an
agreement binds the parties, who shall perform it; the committee sees to its performance. Art. 32: a
dispute over performance or content after the agreement goes to court. Art. 26: when mediation fails the
mediator ends it and tells the parties of their other remedies (arbitration, administrative, judicial).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import EvidenceItem, MediationCase, Party, utc_now
from db.outcomes import CaseOutcome, FollowUpVisit, PerformanceDone, PerformanceProof
from desktop.core.cases import progress
from desktop.core.cases.deadlines import office_today
from desktop.core.cases.file_parts import FileDocument, FilePart
from desktop.core.cases.matters import (
    case_subject,
    find_case,
    mediators_of,
    refresh_deadline,
    require_case_access,
)
from desktop.core.cases.parties import PartyRole
from desktop.core.cases.performance_due import earliest_due
from desktop.core.cases.workflow import CaseStatus
from desktop.core.documents import agreement_file
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput, NotAllowed, NotFound
from desktop.core.integrity.canonical import canonical_bytes, format_time
from desktop.core.text import clean_text
from desktop.core.trust import ledger
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Actor, require_active
from desktop.core.trust.users import real_names
from desktop.core.vocabulary import Vocabulary

RECORD_TYPE = "case-outcome"
RECORD_VERSION = 1
CONTENT_MAX = 8000
REASON_MAX = 500


class OutcomeKind(Vocabulary):
    """How a mediation ended. The values are stored and in sealed records: never rename one."""

    WRITTEN_AGREEMENT = "written-agreement", QT_TRANSLATE_NOOP(
        "vocabulary", "Written agreement")  # 人民调解协议书
    ORAL_AGREEMENT = "oral-agreement", QT_TRANSLATE_NOOP("vocabulary", "Oral agreement")  # 口头协议
    FAILED = "failed", QT_TRANSLATE_NOOP("vocabulary", "Mediation failed")  # 调解不成
    WITHDRAWN = "withdrawn", QT_TRANSLATE_NOOP("vocabulary", "Withdrawn")  # 撤回

    @property
    def is_agreement(self) -> bool:
        return self in (OutcomeKind.WRITTEN_AGREEMENT, OutcomeKind.ORAL_AGREEMENT)

    @property
    def status(self) -> CaseStatus:
        """The workflow state the outcome moves a case to."""
        return {OutcomeKind.FAILED: CaseStatus.FAILED,
                OutcomeKind.WITHDRAWN: CaseStatus.WITHDRAWN}.get(self, CaseStatus.AGREEMENT)


@dataclass(frozen=True, slots=True)
class Signing:
    """A party's signature on the written agreement (签名、盖章或者按指印) and the day it was given."""

    party_id: int
    signed_on: date


@dataclass(frozen=True, slots=True)
class OutcomeInput:
    """An outcome as typed: for a written agreement who signed and when (every applicant and respondent,
    and the mediator), for an oral one its content, for failure or withdrawal the reason; an agreement's
    date of effect (by default the day the last signature was given, or today for an oral one)."""

    kind: OutcomeKind
    effective_on: date | None = None
    signings: tuple[Signing, ...] = ()
    mediator: str = ""  # the mediator who signed a written agreement (login); the actor when not given
    mediator_signed_on: date | None = None
    content: str = ""
    reason: str = ""


@dataclass(frozen=True, slots=True)
class SignedBy:
    """Who signed a written agreement, as recorded."""

    party_id: int | None  # None for the mediator
    name: str
    role: str  # a party's role, or "mediator"
    signed_on: date


@dataclass(frozen=True, slots=True)
class OutcomeInfo:
    """A recorded outcome."""

    id: int
    case_number: str
    kind: OutcomeKind
    effective_on: date | None
    signed: tuple[SignedBy, ...]
    content: str
    reason: str
    recorded_by: str
    recorded_at: datetime
    record_sha256: str
    supersedes: int | None = None
    correction_reason: str = ""
    superseded_by: int | None = None
    record: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


def outcome_kind(value: str) -> OutcomeKind:
    """The outcome kind named by ``value`` (any case, ``_`` for ``-``), else ``InvalidInput``."""
    try:
        return OutcomeKind(value.strip().lower().replace("_", "-"))
    except ValueError:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "“{value}” is not an outcome; use one of: {values}."),
                           field="kind", value=value, values=", ".join(OutcomeKind)) from None


def next_id(session: Session, model: Any) -> int:
    """The id of the next record: chosen here, under the ledger's lock, because the record names it."""
    return int(session.scalar(select(func.max(model.id))) or 0) + 1


def stored_record(record: dict[str, Any]) -> tuple[str, str]:
    """A record's canonical text and its SHA-256 (the digest from the bytes at hand)."""
    data = canonical_bytes(record)
    return data.decode("utf-8"), hashlib.sha256(data).hexdigest()


def _future(field: str, given: date) -> InvalidInput:
    return InvalidInput(QT_TRANSLATE_NOOP("errors", "The date {given} is still to come."), field=field,
                        given=given.isoformat())


def _signed(session: Session, actor: Actor, row: MediationCase, given: OutcomeInput,
            today: date) -> list[dict[str, Any]]:
    """The signatures of a written agreement, checked against the case's parties and mediators."""
    parties = {party.id: (party.name, party.role)
               for party in session.scalars(select(Party).where(Party.case_id == row.id))}
    mediator = given.mediator or actor.name
    return checked_signatures(row.number, parties, mediators_of(session, row.id), mediator,
                              lambda login: real_names(session, (login,)).get(login) or login, given, today)


def checked_signatures(number: str, parties: Mapping[int, tuple[str, str]], mediators: Sequence[str],
                       mediator: str, name_of: Callable[[str], str], given: OutcomeInput,
                       today: date) -> list[dict[str, Any]]:
    """The signatures of a written agreement, checked: every applicant and respondent of the case
    (``parties``: id → name, role) signed (art. 29: 各方当事人), no one else, each once; and the mediator
    signed, one of the case's ``mediators`` (``name_of`` gives their real name)."""
    seen: set[int] = set()
    signed: list[dict[str, Any]] = []
    for signing in given.signings:
        party = parties.get(signing.party_id)
        if party is None:
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Party {party} is not a party to case {number}."),
                               field="signed", party=signing.party_id, number=number)
        if signing.party_id in seen:
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "{name} is named twice among those who signed."),
                               field="signed", name=party[0])
        if signing.signed_on > today:
            raise _future("signed", signing.signed_on)
        seen.add(signing.party_id)
        signed.append({"party": signing.party_id, "name": party[0], "role": party[1],
                       "signed_on": signing.signed_on.isoformat()})
    missing = [name for party_id, (name, role) in parties.items()
               if role in (PartyRole.APPLICANT, PartyRole.RESPONDENT) and party_id not in seen]
    if missing or not signed:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "A written agreement takes effect once every party has signed it (People's Mediation "
            "Law art. 29); not signed: {names}."), field="signed", names="、".join(missing) or "—")
    if mediator not in mediators:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "The agreement is signed by a mediator of the case ({mediators}); {name} is not one."),
            field="mediator", mediators="、".join(mediators) or "—", name=mediator)
    if given.mediator_signed_on is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The field {field} is required."),
                           field="mediator_signed_on")
    if given.mediator_signed_on > today:
        raise _future("mediator_signed_on", given.mediator_signed_on)
    signed.append({"party": None, "name": name_of(mediator), "role": "mediator", "user": mediator,
                   "signed_on": given.mediator_signed_on.isoformat()})
    return signed


@dataclass(frozen=True, slots=True)
class Checked:
    """An outcome as checked, ready for its record."""

    kind: OutcomeKind
    effective_on: date | None
    signed: list[dict[str, Any]]
    content: str
    reason: str


def _check(session: Session, actor: Actor, row: MediationCase, given: OutcomeInput, today: date) -> Checked:
    return checked_outcome(given, row.received_on, today, lambda: _signed(session, actor, row, given, today))


def checked_outcome(given: OutcomeInput, received_on: date | None, today: date,
                    signatures: Callable[[], list[dict[str, Any]]]) -> Checked:
    """An outcome as typed, checked for its kind; ``signatures`` checks a written agreement's."""
    kind = given.kind if isinstance(given.kind, OutcomeKind) else outcome_kind(given.kind)
    signed: list[dict[str, Any]] = []
    content = reason = ""
    effective_on = given.effective_on
    if kind is OutcomeKind.WRITTEN_AGREEMENT:
        signed = signatures()
        last = max(date.fromisoformat(entry["signed_on"]) for entry in signed)
        effective_on = effective_on or last
        if effective_on < last:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "The agreement cannot take effect on {given}, before the last signature ({last})."),
                field="effective_on", given=effective_on.isoformat(), last=last.isoformat())
    elif given.signings or given.mediator_signed_on is not None:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Only a written agreement records who signed it."),
                           field="signed")
    if kind is OutcomeKind.ORAL_AGREEMENT:
        # Art. 28: the mediator records the content of an oral agreement.
        content = clean_text(given.content, "content", CONTENT_MAX, multiline=True, required=True)
        effective_on = effective_on or today  # art. 30: effective on the day it is reached
    elif given.content.strip():
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "The content is recorded here only for an oral agreement; a written agreement's text "
            "is its document."), field="content")
    if kind.is_agreement:
        effective_on = progress.date_of_effect(CaseStatus.AGREEMENT, effective_on, received_on, today)
        if given.reason.strip():
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "A reason is recorded only when mediation failed "
                                                 "or was withdrawn."), field="reason")
    else:
        if effective_on is not None:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "A date of effect is recorded only when an agreement is reached."),
                field="effective_on")
        reason = clean_text(given.reason, "reason", REASON_MAX, multiline=True, required=True)
    return Checked(kind, effective_on, signed, content, reason)


def outcome_record(row_id: int, number: str, checked: Checked, supersedes: dict[str, Any] | None, actor: str,
            moment: datetime) -> dict[str, Any]:
    return {"type": RECORD_TYPE, "version": RECORD_VERSION, "id": row_id, "case": number,
            "kind": checked.kind.value,
            "effective_on": checked.effective_on.isoformat() if checked.effective_on else None,
            "signed": checked.signed, "content": checked.content, "reason": checked.reason,
            "supersedes": supersedes, "recorded_by": actor, "time": format_time(moment)}


def _store(session: Session, row: MediationCase, checked: Checked, supersedes: CaseOutcome | None,
           correction_reason: str, actor: Actor, moment: datetime) -> CaseOutcome:
    outcome_id = next_id(session, CaseOutcome)
    named = ({"id": supersedes.id, "record_sha256": supersedes.record_sha256, "reason": correction_reason}
             if supersedes is not None else None)
    record = outcome_record(outcome_id, row.number, checked, named, actor.name, moment)
    canonical, digest = stored_record(record)
    outcome = CaseOutcome(id=outcome_id, case_id=row.id, kind=checked.kind.value,
                          supersedes_id=supersedes.id if supersedes is not None else None,
                          effective_on=checked.effective_on, canonical=canonical, record_sha256=digest,
                          recorded_by=actor.name, recorded_at=moment)
    session.add(outcome)
    session.flush()
    kind = EventKind.OUTCOME_CORRECTED if supersedes is not None else EventKind.OUTCOME_RECORDED
    ledger.append(session, actor.name, kind, case_subject(row.number), digest, now=moment)
    return outcome


def require_in_mediation(number: str, status: CaseStatus) -> None:
    """An outcome is recorded for a case in mediation only."""
    if status is not CaseStatus.IN_MEDIATION:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "An outcome is recorded for a case in mediation; case {number} is “{status}”."),
            number=number, status=status.label)


def record_outcome(session: Session, actor: Actor, number: str, given: OutcomeInput,
                   now: datetime | None = None) -> OutcomeInfo:
    """Record how the mediation of a case in mediation ended, and move the case accordingly in the same
    transaction (to 达成协议, 调解不成 or 撤回). Refused for a case not in mediation, for a user not on
    the case, and for input that does not fit the kind (nothing is written then)."""
    ledger.lock(session)
    row = find_case(session, number)
    require_case_access(session, actor, row)
    require_active(actor)
    require_in_mediation(row.number, CaseStatus(row.status))
    moment = now or utc_now()
    checked = _check(session, actor, row, given, office_today(moment))
    progress.move_for_outcome(session, actor, row.number, checked.kind.status, checked.reason,
                              checked.effective_on, moment)
    outcome = _store(session, row, checked, None, "", actor, moment)
    return _info(outcome, row.number)


def correct_outcome(session: Session, actor: Actor, outcome_id: int, given: OutcomeInput, reason: str,
                    now: datetime | None = None) -> OutcomeInfo:
    """Record a correction of an outcome: a new record of the same kind that names the one it corrects
    and why; the corrected record stays as it was. A corrected agreement's date of effect becomes the
    case's (the confirmation window runs from it), unless obligations already fall due or were performed
    before it."""
    ledger.lock(session)
    corrected = session.get(CaseOutcome, outcome_id)
    if corrected is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no outcome {id}."), id=outcome_id)
    row = session.get(MediationCase, corrected.case_id)
    assert row is not None
    require_case_access(session, actor, row)
    require_active(actor)
    later = session.scalar(select(CaseOutcome.id).where(CaseOutcome.supersedes_id == corrected.id))
    if later is not None:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "Outcome {id} was already corrected by outcome {later}; correct that one."),
            id=corrected.id, later=later)
    why = clean_text(reason, "reason", REASON_MAX, multiline=True, required=True)
    moment = now or utc_now()
    kind = given.kind if isinstance(given.kind, OutcomeKind) else outcome_kind(given.kind)
    if kind != corrected.kind:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "A correction keeps the outcome's kind (“{kind}”); a different outcome is a move of "
            "the case."), kind=OutcomeKind(corrected.kind).label)
    checked = _check(session, actor, row, given, office_today(moment))
    if kind.is_agreement and checked.effective_on != corrected.effective_on:
        _check_new_effect(session, row, checked.effective_on)
        row.agreement_effective_on = checked.effective_on
        refresh_deadline(row)
    outcome = _store(session, row, checked, corrected, why, actor, moment)
    return _info(outcome, row.number)


def _check_new_effect(session: Session, row: MediationCase, effective_on: date | None) -> None:
    """A date of effect may not move past an obligation's due date or a performance already recorded."""
    first = earliest_due(session, row.id)
    done = session.scalar(select(func.min(PerformanceDone.done_on)).where(PerformanceDone.case_id == row.id))
    for day in (first, done):
        if effective_on is not None and day is not None and day < effective_on:
            raise NotAllowed(QT_TRANSLATE_NOOP(
                "errors", "The agreement cannot take effect on {given}: performance is already due or was "
                "recorded on {day}."), given=effective_on.isoformat(), day=day.isoformat())


def _info(row: CaseOutcome, number: str, superseded_by: int | None = None) -> OutcomeInfo:
    record = json.loads(row.canonical)
    named = record.get("supersedes") or {}
    signed = tuple(SignedBy(entry.get("party"), entry.get("name", ""), entry.get("role", ""),
                            date.fromisoformat(entry["signed_on"])) for entry in record.get("signed", []))
    return OutcomeInfo(row.id, number, OutcomeKind(row.kind), row.effective_on, signed,
                       record.get("content", ""), record.get("reason", ""), row.recorded_by, row.recorded_at,
                       row.record_sha256, row.supersedes_id, named.get("reason", ""), superseded_by, record)


def list_outcomes(session: Session, number: str) -> list[OutcomeInfo]:
    """Every outcome recorded for a case, corrections included, oldest first."""
    row = find_case(session, number)
    rows = list(session.scalars(select(CaseOutcome).where(CaseOutcome.case_id == row.id)
                                .order_by(CaseOutcome.id)))
    later = {found.supersedes_id: found.id for found in rows if found.supersedes_id is not None}
    return [_info(found, row.number, later.get(found.id)) for found in rows]


def current_outcome(session: Session, number: str) -> OutcomeInfo | None:
    """The outcome that stands now: the latest recorded, as last corrected (None before any)."""
    standing = [found for found in list_outcomes(session, number) if found.superseded_by is None]
    return standing[-1] if standing else None


def standing_agreement(session: Session, row: MediationCase) -> CaseOutcome | None:
    """The agreement that stands for a case (the latest agreement record not corrected), else None."""
    rows = list(session.scalars(select(CaseOutcome).where(CaseOutcome.case_id == row.id)
                                .order_by(CaseOutcome.id)))
    corrected = {found.supersedes_id for found in rows}
    standing = [found for found in rows if found.id not in corrected]
    if not standing or not OutcomeKind(standing[-1].kind).is_agreement:
        return None
    return standing[-1]


def require_agreement(session: Session, row: MediationCase) -> CaseOutcome:
    """The standing agreement, else ``NotAllowed``: performance and visits follow an agreement."""
    agreement = standing_agreement(session, row)
    if agreement is None or agreement.effective_on is None:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "Case {number} has no agreement on record; performance and follow-up visits come "
            "after one."), number=row.number)
    return agreement


# --- the case file -------------------------------------------------------------------------------------
# The titles of the agreement records in the case file (卷宗): Chinese, as the file and its index are kept.
FILE_TITLES = {OutcomeKind.WRITTEN_AGREEMENT: "人民调解协议书", OutcomeKind.ORAL_AGREEMENT: "口头协议登记表"}


def file_documents(session: Session, case_row: MediationCase) -> list[FileDocument]:
    """What this domain puts in the case file (卷宗): the agreement records, written or oral (part 8), the
    evidence items that prove performance (part 9, each item's record digest) and the follow-up visits
    (part 10), each in the order recorded."""
    found: list[FileDocument] = []
    sealed = agreement_file.attached_outcomes(session, case_row)  # the sealed agreement is filed instead
    for outcome in session.scalars(select(CaseOutcome).where(CaseOutcome.case_id == case_row.id)
                                   .order_by(CaseOutcome.id)):
        if OutcomeKind(outcome.kind).is_agreement and outcome.id not in sealed:
            found.append(FileDocument(FilePart.AGREEMENT, FILE_TITLES[OutcomeKind(outcome.kind)],
                                      f"outcome:{outcome.id}", outcome.record_sha256, outcome.recorded_at))
    proofs = (select(EvidenceItem).join(PerformanceProof, PerformanceProof.item_id == EvidenceItem.id)
              .join(PerformanceDone, PerformanceDone.id == PerformanceProof.done_id)
              .where(PerformanceDone.case_id == case_row.id)
              .order_by(PerformanceDone.id, EvidenceItem.id))
    seen: set[int] = set()
    for item in session.scalars(proofs):
        if item.id not in seen:
            seen.add(item.id)
            found.append(FileDocument(FilePart.PERFORMANCE_PROOF, item.original_name, f"evidence:{item.id}",
                                      item.record_sha256, item.ingested_at))
    for visit in session.scalars(select(FollowUpVisit).where(FollowUpVisit.case_id == case_row.id)
                                 .order_by(FollowUpVisit.id)):
        title = f"回访记录（{visit.visited_on.isoformat()}）"
        found.append(FileDocument(FilePart.FOLLOW_UP, title, f"visit:{visit.id}", visit.record_sha256,
                                  visit.recorded_at))
    return found

