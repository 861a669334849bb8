"""Performance of an agreement (履行): what a party must do (a sum in yuan, or an act: stop use, destroy
stock, remove listings, publish an apology), by when and in what instalments; and what was done, when,
with what paid, proved by files taken into the vault as evidence items of the case.

People's Mediation Law art. 31: the parties shall perform the agreement, and the committee sees to its
performance. The first performance recorded moves the case to 履行中 and the last to 已履行, each as the
workflow move it is, when the workflow allows it from where the case stands.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.engine import Database
from db.models import EvidenceItem, MediationCase, Party, utc_now
from db.outcomes import PerformanceDone, PerformanceInstalment, PerformanceObligation, PerformanceProof
from desktop.core.cases import progress
from desktop.core.cases.deadlines import PERFORMANCE_STATUSES, office_today
from desktop.core.cases.matters import case_subject, find_case, refresh_deadline, require_case_access
from desktop.core.cases.outcomes import next_id, require_agreement, stored_record
from desktop.core.cases.performance_due import Part, covered
from desktop.core.cases.workflow import CaseStatus, allowed_moves
from desktop.core.documents.amounts import check_amount
from desktop.core.errors import QT_TRANSLATE_NOOP, Cancelled, InvalidInput, NotAllowed, NotFound
from desktop.core.evidence.acquisition import Acquisition, SourceKind
from desktop.core.evidence.intake import ingest_files
from desktop.core.integrity.canonical import format_time
from desktop.core.progress import CancelledFn, ProgressFn, never_cancelled, no_progress
from desktop.core.storage.vault.interface import Vault
from desktop.core.text import clean_text
from desktop.core.trust import ledger
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Actor, require_active
from desktop.core.vocabulary import Vocabulary

OBLIGATION_RECORD_TYPE = "performance-obligation"
DONE_RECORD_TYPE = "performance-done"
RECORD_VERSION = 1
DESCRIPTION_MAX = 1000
INSTALMENTS_MAX = 120
PROOFS_MAX = 200
PROOF_NOTE = "履行凭证"  # the note on items taken in as proof of performance


class ObligationKind(Vocabulary):
    """What an obligation asks. The values are stored and in records: never rename one."""

    PAYMENT = "payment", QT_TRANSLATE_NOOP("vocabulary", "Payment")  # 支付款项
    STOP_USE = "stop-use", QT_TRANSLATE_NOOP("vocabulary", "Stop use")  # 停止使用
    DESTROY_STOCK = "destroy-stock", QT_TRANSLATE_NOOP("vocabulary", "Destroy stock")  # 销毁库存
    REMOVE_LISTINGS = "remove-listings", QT_TRANSLATE_NOOP("vocabulary", "Remove listings")  # 下架链接
    APOLOGY = "apology", QT_TRANSLATE_NOOP("vocabulary", "Publish an apology")  # 赔礼道歉
    OTHER = "other", QT_TRANSLATE_NOOP("vocabulary", "Other")


class ObligationState(Vocabulary):
    """Where an obligation stands."""

    OPEN = "open", QT_TRANSLATE_NOOP("vocabulary", "Open")  # 未履行
    PART_DONE = "part-done", QT_TRANSLATE_NOOP("vocabulary", "Partly performed")  # 部分履行
    DONE = "done", QT_TRANSLATE_NOOP("vocabulary", "Performed")  # 已履行
    OVERDUE = "overdue", QT_TRANSLATE_NOOP("vocabulary", "Overdue")  # 逾期


@dataclass(frozen=True, slots=True)
class Instalment:
    """One instalment as typed: its amount (none for an act) and due date."""

    amount: Decimal | None
    due_on: date


@dataclass(frozen=True, slots=True)
class ObligationInput:
    """An obligation as typed: the obliged party, what, and either one due date (with the sum for a
    payment) or, for a payment, instalments whose amounts add up exactly to the sum."""

    party_id: int
    kind: ObligationKind | str
    description: str = ""
    amount: Decimal | None = None
    due_on: date | None = None
    instalments: tuple[Instalment, ...] = ()


@dataclass(frozen=True, slots=True)
class InstalmentState:
    seq: int
    amount: Decimal | None
    due_on: date
    done: bool


@dataclass(frozen=True, slots=True)
class ObligationInfo:
    """An obligation with what was done towards it."""

    id: int
    case_number: str
    party_id: int
    party_name: str
    kind: ObligationKind
    description: str
    amount: Decimal | None
    instalments: tuple[InstalmentState, ...]
    paid: Decimal
    done_records: int
    recorded_by: str
    recorded_at: datetime
    record_sha256: str

    @property
    def fully_done(self) -> bool:
        return all(part.done for part in self.instalments)

    @property
    def next_due(self) -> date | None:
        """The due date of the first instalment not done yet."""
        return next((part.due_on for part in self.instalments if not part.done), None)

    @property
    def outstanding(self) -> Decimal | None:
        return None if self.amount is None else self.amount - self.paid

    def state(self, today: date) -> ObligationState:
        due = self.next_due
        if due is None:
            return ObligationState.DONE
        if due < today:
            return ObligationState.OVERDUE
        return ObligationState.PART_DONE if self.done_records else ObligationState.OPEN


@dataclass(frozen=True, slots=True)
class DoneInput:
    """A performance as typed: which obligation, on what day, what was done, the sum paid (payments), and
    evidence items of the case that prove it."""

    obligation_id: int
    done_on: date
    description: str = ""
    amount: Decimal | None = None
    item_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class DoneInfo:
    """A recorded performance, and the workflow move it made (if any)."""

    id: int
    case_number: str
    obligation_id: int
    done_on: date
    description: str
    amount: Decimal | None
    item_ids: tuple[int, ...]
    recorded_by: str
    recorded_at: datetime
    record_sha256: str
    moved_to: CaseStatus | None = None


def obligation_kind(value: str) -> ObligationKind:
    """The obligation kind named by ``value`` (any case, ``_`` for ``-``), else ``InvalidInput``."""
    try:
        return ObligationKind(value.strip().lower().replace("_", "-"))
    except ValueError:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "“{value}” is not a kind of obligation; use one of: {values}."), field="kind",
            value=value, values=", ".join(ObligationKind)) from None


def _open_case(session: Session, actor: Actor, row: MediationCase) -> None:
    """The gate of every performance record: a user on the case, a case whose agreement is in force."""
    require_case_access(session, actor, row)
    require_active(actor)
    if CaseStatus(row.status) not in PERFORMANCE_STATUSES:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "Performance is recorded while an agreement is being performed; case {number} is "
            "“{status}”."), number=row.number, status=CaseStatus(row.status).label)


def _before_effect(field: str, given: date, effective_on: date) -> InvalidInput:
    return InvalidInput(QT_TRANSLATE_NOOP(
        "errors", "{given} is before the agreement took effect ({effective})."), field=field,
        given=given.isoformat(), effective=effective_on.isoformat())


def _parts(given: ObligationInput, kind: ObligationKind, effective_on: date) -> tuple[Decimal | None,
                                                                                        list[Instalment]]:
    """The sum and the instalments, checked: a payment's instalments add up exactly to the sum, their
    dates in order; an act has one due date and no sum; no date before the agreement took effect."""
    if kind is ObligationKind.PAYMENT:
        if given.amount is None:
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The field {field} is required."), field="amount")
        total = check_amount(given.amount, "amount")
        if total <= 0:
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The {field} must be more than 0."),
                               field="amount")
        if given.instalments:
            if given.due_on is not None:
                raise InvalidInput(QT_TRANSLATE_NOOP(
                    "errors", "Give either one due date or instalments, not both."), field="due_on")
            if len(given.instalments) > INSTALMENTS_MAX:
                raise InvalidInput(QT_TRANSLATE_NOOP("errors", "At most {limit} instalments."),
                                   field="instalments", limit=INSTALMENTS_MAX)
            parts = []
            for part in given.instalments:
                if part.amount is None:
                    raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Every instalment needs its amount."),
                                       field="instalments")
                amount = check_amount(part.amount, "instalments")
                if amount <= 0:
                    raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The {field} must be more than 0."),
                                       field="instalments")
                parts.append(Instalment(amount, part.due_on))
            added = sum((part.amount or Decimal(0) for part in parts), Decimal(0))
            if added != total:
                raise InvalidInput(QT_TRANSLATE_NOOP(
                    "errors", "The instalments add up to {added} yuan, not the {total} yuan due."),
                    field="instalments", added=f"{added:.2f}", total=f"{total:.2f}")
            if any(later.due_on < earlier.due_on for earlier, later in pairwise(parts)):
                raise InvalidInput(QT_TRANSLATE_NOOP(
                    "errors", "The instalments' due dates must follow one another in order."),
                    field="instalments")
        else:
            if given.due_on is None:
                raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The field {field} is required."),
                                   field="due_on")
            parts = [Instalment(total, given.due_on)]
    else:
        if given.amount is not None or given.instalments:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "Only a payment has a sum and instalments; an act has one due date."),
                field="amount")
        if given.due_on is None:
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The field {field} is required."), field="due_on")
        total = None
        parts = [Instalment(None, given.due_on)]
    for part in parts:
        if part.due_on < effective_on:
            raise _before_effect("due_on", part.due_on, effective_on)
    return total, parts


def _amount_text(amount: Decimal | None) -> str | None:
    return None if amount is None else f"{amount:.2f}"


def add_obligation(session: Session, actor: Actor, number: str, given: ObligationInput,
                   now: datetime | None = None) -> ObligationInfo:
    """Record what a party of the case must do under its agreement, by when (and in what instalments)."""
    ledger.lock(session)
    row = find_case(session, number)
    _open_case(session, actor, row)
    agreement = require_agreement(session, row)
    assert agreement.effective_on is not None
    kind = given.kind if isinstance(given.kind, ObligationKind) else obligation_kind(given.kind)
    party = session.get(Party, given.party_id)
    if party is None or party.case_id != row.id:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Party {party} is not a party to case {number}."),
                           field="party", party=given.party_id, number=row.number)
    description = clean_text(given.description, "description", DESCRIPTION_MAX, multiline=True,
                             required=kind is ObligationKind.OTHER)
    total, parts = _parts(given, kind, agreement.effective_on)
    moment = now or utc_now()
    obligation_id = next_id(session, PerformanceObligation)
    record = {"type": OBLIGATION_RECORD_TYPE, "version": RECORD_VERSION, "id": obligation_id,
              "case": row.number, "agreement": {"id": agreement.id, "record_sha256": agreement.record_sha256},
              "party": {"id": party.id, "name": party.name}, "kind": kind.value, "description": description,
              "amount": _amount_text(total),
              "instalments": [{"amount": _amount_text(part.amount), "due_on": part.due_on.isoformat()}
                              for part in parts],
              "recorded_by": actor.name, "time": format_time(moment)}
    canonical, digest = stored_record(record)
    session.add(PerformanceObligation(id=obligation_id, case_id=row.id, outcome_id=agreement.id,
                                      party_id=party.id, kind=kind.value, amount=total, canonical=canonical,
                                      record_sha256=digest, recorded_by=actor.name, recorded_at=moment))
    session.flush()
    session.add_all([PerformanceInstalment(obligation_id=obligation_id, seq=index, amount=part.amount,
                                           due_on=part.due_on) for index, part in enumerate(parts, 1)])
    session.flush()
    ledger.append(session, actor.name, EventKind.OBLIGATION_ADDED, case_subject(row.number), digest,
                  now=moment)
    refresh_deadline(row)
    return _obligation_infos(session, row, [obligation_id])[0]


def _obligation_infos(session: Session, row: MediationCase,
                      only: Sequence[int] | None = None) -> list[ObligationInfo]:
    query = select(PerformanceObligation).where(PerformanceObligation.case_id == row.id)
    if only is not None:
        query = query.where(PerformanceObligation.id.in_(only))
    obligations = list(session.scalars(query.order_by(PerformanceObligation.id)))
    ids = [found.id for found in obligations]
    parts: dict[int, list[Part]] = {found: [] for found in ids}
    instalments = (select(PerformanceInstalment).where(PerformanceInstalment.obligation_id.in_(ids))
                   .order_by(PerformanceInstalment.obligation_id, PerformanceInstalment.seq))
    for part in session.scalars(instalments):
        parts[part.obligation_id].append(Part(part.seq, part.amount, part.due_on))
    paid: dict[int, tuple[Decimal, int]] = {}
    for obligation, amount in session.execute(select(PerformanceDone.obligation_id, PerformanceDone.amount)
                                              .where(PerformanceDone.obligation_id.in_(ids))):
        total, count = paid.get(obligation, (Decimal(0), 0))
        paid[obligation] = (total + (amount or Decimal(0)), count + 1)
    infos = []
    for found in obligations:
        record = json.loads(found.canonical)
        total, count = paid.get(found.id, (Decimal(0), 0))
        flags = covered(parts[found.id], total, count)
        infos.append(ObligationInfo(
            found.id, row.number, found.party_id, record.get("party", {}).get("name", ""),
            ObligationKind(found.kind), record.get("description", ""), found.amount,
            tuple(InstalmentState(part.seq, part.amount, part.due_on, flag)
                  for part, flag in zip(parts[found.id], flags, strict=True)),
            total, count, found.recorded_by, found.recorded_at, found.record_sha256))
    return infos


def list_obligations(session: Session, number: str) -> list[ObligationInfo]:
    """A case's obligations, oldest first, each with what was done towards it."""
    return _obligation_infos(session, find_case(session, number))


_Checked = tuple[MediationCase, "ObligationInfo", str, Decimal | None, list[EvidenceItem]]


def _checked_done(session: Session, actor: Actor, given: DoneInput, today: date) -> _Checked:
    obligation = session.get(PerformanceObligation, given.obligation_id)
    if obligation is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no obligation {id}."), id=given.obligation_id)
    row = session.get(MediationCase, obligation.case_id)
    assert row is not None
    _open_case(session, actor, row)
    agreement = require_agreement(session, row)
    assert agreement.effective_on is not None
    info = _obligation_infos(session, row, [obligation.id])[0]
    if info.fully_done:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "Obligation {id} is already fully performed; nothing more can be recorded against it."),
            id=obligation.id)
    if given.done_on < agreement.effective_on:
        raise _before_effect("done_on", given.done_on, agreement.effective_on)
    if given.done_on > today:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The date {given} is still to come."), field="done_on",
                           given=given.done_on.isoformat())
    description = clean_text(given.description, "description", DESCRIPTION_MAX, multiline=True)
    amount: Decimal | None = None
    if info.kind is ObligationKind.PAYMENT:
        if given.amount is None:
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The field {field} is required."), field="amount")
        amount = check_amount(given.amount, "amount")
        outstanding = info.outstanding or Decimal(0)
        if amount <= 0 or amount > outstanding:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "The sum paid must be more than 0 and at most the {outstanding} yuan still due."),
                field="amount", outstanding=f"{outstanding:.2f}")
    elif given.amount is not None:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "A sum is paid only towards a payment."),
                           field="amount")
    if not description and info.kind is not ObligationKind.PAYMENT:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The field {field} is required."),
                           field="description")
    if len(set(given.item_ids)) > PROOFS_MAX:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "At most {limit} proof items."), field="items",
                           limit=PROOFS_MAX)
    items = []
    for item_id in sorted(set(given.item_ids)):
        item = session.get(EvidenceItem, item_id)
        if item is None or item.case_id != row.id:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "Evidence item {item} is not an item of case {number}; proof of performance is "
                "taken from the case's own evidence."), field="items", item=item_id, number=row.number)
        items.append(item)
    return row, info, description, amount, items


def check_done(session: Session, actor: Actor, given: DoneInput, now: datetime | None = None) -> None:
    """Refuse a performance that ``record_done`` would refuse, before proof files are taken in."""
    _checked_done(session, actor, given, office_today(now or utc_now()))


def record_done(session: Session, actor: Actor, given: DoneInput, now: datetime | None = None) -> DoneInfo:
    """Record what was done towards an obligation, with its proof items; the first performance moves the
    case to 履行中, the one that completes every obligation to 已履行 (when the workflow allows it from
    where the case stands: a case before a court for confirmation stays there)."""
    ledger.lock(session)
    moment = now or utc_now()
    row, info, description, amount, items = _checked_done(session, actor, given, office_today(moment))
    done_id = next_id(session, PerformanceDone)
    record = {"type": DONE_RECORD_TYPE, "version": RECORD_VERSION, "id": done_id, "case": row.number,
              "obligation": {"id": info.id, "record_sha256": info.record_sha256},
              "done_on": given.done_on.isoformat(), "description": description,
              "amount": _amount_text(amount),
              "proofs": [{"item": item.id, "record_sha256": item.record_sha256, "sha256": item.blob_sha256}
                         for item in items],
              "recorded_by": actor.name, "time": format_time(moment)}
    canonical, digest = stored_record(record)
    session.add(PerformanceDone(id=done_id, case_id=row.id, obligation_id=info.id, done_on=given.done_on,
                                amount=amount, canonical=canonical, record_sha256=digest,
                                recorded_by=actor.name, recorded_at=moment))
    session.flush()
    session.add_all([PerformanceProof(done_id=done_id, item_id=item.id) for item in items])
    session.flush()
    ledger.append(session, actor.name, EventKind.PERFORMANCE_DONE, case_subject(row.number), digest,
                  now=moment)
    everything = _obligation_infos(session, row)
    target = CaseStatus.PERFORMED if all(found.fully_done for found in everything) else CaseStatus.PERFORMING
    moved: CaseStatus | None = None
    current = CaseStatus(row.status)
    if target != current and target in allowed_moves(current):
        progress.move_case(session, actor, row.number, target, now=moment)
        moved = target
    refresh_deadline(row)
    return DoneInfo(done_id, row.number, info.id, given.done_on, description, amount,
                    tuple(item.id for item in items), actor.name, moment, digest, moved)


def _done_info(row: PerformanceDone, number: str) -> DoneInfo:
    record: dict[str, Any] = json.loads(row.canonical)
    return DoneInfo(row.id, number, row.obligation_id, row.done_on, record.get("description", ""), row.amount,
                    tuple(proof["item"] for proof in record.get("proofs", [])), row.recorded_by,
                    row.recorded_at, row.record_sha256)


def list_done(session: Session, number: str) -> list[DoneInfo]:
    """Every performance recorded for a case, oldest first."""
    row = find_case(session, number)
    return [_done_info(found, row.number) for found in session.scalars(
        select(PerformanceDone).where(PerformanceDone.case_id == row.id).order_by(PerformanceDone.id))]


def record_done_with_files(database: Database, vault: Vault, actor: Actor, given: DoneInput,
                           paths: Iterable[Path], *, progress: ProgressFn = no_progress,
                           cancelled: CancelledFn = never_cancelled) -> DoneInfo:
    """Take proof files into the vault as evidence items of the obligation's case (``ingest_files``, with
    progress and cancel), then record the performance with them. The performance is checked first, so a
    refusal takes nothing in; if a file cannot be taken in, or the user cancels, nothing is recorded (the
    files already taken in stay as the case's evidence, whole)."""
    paths = list(paths)
    with database.session_scope() as session:
        check_done(session, actor, given)
        obligation = session.get(PerformanceObligation, given.obligation_id)
        assert obligation is not None
        case = session.get(MediationCase, obligation.case_id)
        assert case is not None
        number = case.number
    new_items: tuple[int, ...] = ()
    if paths:
        report = ingest_files(database, vault, actor, number, paths,
                              Acquisition(SourceKind.DOCUMENT.value, note=PROOF_NOTE), progress=progress,
                              cancelled=cancelled)
        if report.cancelled:
            raise Cancelled()
        if report.failures:
            first = report.failures[0]
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "“{path}” could not be taken in ({reason}); the performance was not recorded."),
                field="proof", path=first.path, reason=first.message)
        new_items = tuple(item.id for item in report.items)
    with database.session_scope() as session:
        return record_done(session, actor, DoneInput(given.obligation_id, given.done_on, given.description,
                                                     given.amount, (*given.item_ids, *new_items)))
