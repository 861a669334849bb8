"""Many cases written at once (``mediseal demo``, imports): the very rows, canonical records and ledger
entries the case services write (``matters.open_matter``, ``parties.add_party``/``add_agent``,
``progress.assign_mediator``, ``progress.move_case``, ``outcomes.record_outcome`` with the move it makes,
``archive.archive_case`` with the close) for the same calls, in the same order, at the same times, but
built in memory and stored with one multi-row insert per table and one ``ledger.append_many`` per batch
of cases. The records come from the services' own record functions, so their formats live in one place;
``tests/test_bulk.py`` compares cases written both ways, field by field and digest by digest.

Each case is written as if one seat had entered it in one go: opened, its parties each followed by their
agents, its mediators assigned, then its steps each at its own time: moves by hand, the outcome of the
mediation, the archiving of its file (which holds what this writer writes: the registration form once
accepted and the agreements' records). The checks the services make on those calls are made here too (who
may act, the workflow, the mediators, the signatures, the file's completeness), once per person rather
than once per call.

Building needs the database only once: ``read_snapshot`` reads the office, the last serials and ids and
the users under the ledger's lock, which the writer holds to the end. ``build_batches`` then makes each
batch's rows, records and ledger entries from that alone (so another process may do it, as ``mediseal
demo`` does for large runs), and ``write_built`` stores them."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.orm import Session

from db.case_file import CaseArchive
from db.models import Agent as AgentRow
from db.models import CaseMediator, CaseMove, MediationCase, Party, RecordVersion, User
from db.outcomes import CaseOutcome
from desktop.core.cases import archive, case_file, matters, outcomes, parties, progress
from desktop.core.cases import cover as covers
from desktop.core.cases.agents import Agent, ServiceAddress
from desktop.core.cases.deadlines import office_today
from desktop.core.cases.file_parts import FileDocument, FilePart
from desktop.core.cases.matters import CASE_RECORD_VERSION, CaseDetails, MatterKind, case_record, case_subject
from desktop.core.cases.outcomes import OutcomeInput
from desktop.core.cases.papers import require_mediation
from desktop.core.cases.parties import Identity, PartyRole
from desktop.core.cases.persons import Person
from desktop.core.cases.workflow import REASON_MAX, CaseStatus, check_move, is_outcome
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput, NotAllowed, NotFound
from desktop.core.integrity.canonical import canonical_bytes
from desktop.core.office.office import OfficeInfo, format_case_number, get_office
from desktop.core.progress import CancelledFn, ProgressFn, never_cancelled, no_progress, raise_if_cancelled
from desktop.core.text import clean_text
from desktop.core.trust import ledger
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Action, Actor, Role, require

BATCH_CASES = 2000  # cases per batch: one multi-row insert per table and one ledger append each
NAMES_SEPARATOR = matters.NAMES_SEPARATOR
SERIAL_TABLES = frozenset({"mediation_case", "party", "agent"})  # ids from a sequence on PostgreSQL


@dataclass(frozen=True, slots=True)
class NewParty:
    """A party as ``parties.add_party`` takes it, with the agents ``parties.add_agent`` adds after it."""

    role: PartyRole
    identity: Identity
    service: ServiceAddress | None = None
    agents: tuple[Agent, ...] = ()


@dataclass(frozen=True, slots=True)
class NewAssignment:
    """A mediator assigned as ``progress.assign_mediator`` does it, by ``assigned_by``."""

    mediator: str
    assigned_by: str
    conflict: bool = False
    declaration: str = ""


@dataclass(frozen=True, slots=True)
class NewMove:
    """A move by hand as ``progress.move_case`` makes it."""

    target: CaseStatus
    actor: str
    moved_at: datetime
    reason: str = ""


@dataclass(frozen=True, slots=True)
class NewOutcome:
    """How the mediation ended, as ``outcomes.record_outcome`` records it with the move it makes;
    ``given.signings`` name the parties by their place in ``NewCase.parties`` (their ids are given here)."""

    given: OutcomeInput
    actor: str
    recorded_at: datetime


@dataclass(frozen=True, slots=True)
class NewArchive:
    """The file archived and the case closed, as ``archive.archive_case`` does it (``reason`` for a file
    that is incomplete)."""

    actor: str
    archived_at: datetime
    reason: str = ""


@dataclass(frozen=True, slots=True)
class NewCase:
    """One case: opened by ``opened_by`` at ``opened_at`` (parties, agents and mediators at that time
    too), then moved: by hand, by its outcome, and closed by archiving its file, in order."""

    kind: MatterKind
    details: CaseDetails
    opened_by: str
    opened_at: datetime
    parties: tuple[NewParty, ...] = ()
    mediators: tuple[NewAssignment, ...] = ()
    moves: tuple[NewMove | NewOutcome | NewArchive, ...] = ()


@dataclass(slots=True)
class _Person:
    """What the checks need to know of a user, read once."""

    login: str
    real_name: str
    roles: frozenset[Role]
    disabled: bool


class _Staff:
    """The users the cases name, as the store held them when the writing began (``Snapshot``)."""

    def __init__(self, known: dict[str, _Person]) -> None:
        self.known = known
        self.actors: dict[str, Actor] = {}

    def get(self, login: str) -> _Person:
        found = self.known.get(login)
        if found is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no user “{name}”."), name=login)
        return found

    def actor(self, login: str) -> Actor:
        """The user as the permission checks see them (an enabled user: a disabled one holds no role)."""
        found = self.actors.get(login)
        if found is None:
            person = self.get(login)
            found = self.actors[login] = Actor(0, login, frozenset() if person.disabled else person.roles)
        return found


def _require_access(staff: _Staff, login: str, number: str, assigned: Sequence[str]) -> None:
    """``matters.require_case_access`` on what this writer knows of the case."""
    actor = staff.actor(login)
    require(actor, Action.WORK_ON_CASE)
    if Role.ADMIN not in actor.roles and assigned and login not in assigned:
        raise progress.not_assigned(login, number, assigned)


def _check_assignment(staff: _Staff, new: NewAssignment, number: str, assigned: Sequence[str]) -> str:
    """``progress.assign_mediator``'s checks; the declaration as recorded."""
    actor = staff.actor(new.assigned_by)
    require(actor, Action.ASSIGN_MEDIATOR)
    progress.require_may_assign(actor, number, assigned, new.mediator)
    mediator = staff.get(new.mediator)
    return progress.checked_assignment(number, assigned, new.mediator, mediator.roles, mediator.disabled,
                                       new.conflict, new.declaration)


def _digest(canonical: bytes) -> str:
    """``canonical.record_digest`` of a record whose canonical bytes are at hand."""
    return hashlib.sha256(canonical).hexdigest()


def _columns(model: type[Any]) -> tuple[str, ...]:
    return tuple(attribute.key for attribute in model.__mapper__.column_attrs if attribute.key != "id")


_CASE_COLUMNS = _columns(MediationCase)
_MOVE_COLUMNS = _columns(CaseMove)
_MEDIATOR_COLUMNS = _columns(CaseMediator)


def _values(row: Any, columns: tuple[str, ...]) -> dict[str, Any]:
    return {column: getattr(row, column) for column in columns}


_Identified = tuple[NewParty, Identity, ServiceAddress | None, tuple[Agent, ...]]


@dataclass(frozen=True, slots=True)
class _Archive:
    """An archiving as checked: what its record needs besides the documents' ids and digests."""

    cover: dict[str, Any]
    missing: tuple[FilePart, ...]
    reason: str
    accepted: CaseMove | None  # the move to accepted: the registration form's time


@dataclass(slots=True)
class _Step:
    """A move, with the outcome or the archiving that makes it."""

    move: CaseMove
    outcome: outcomes.Checked | None = None
    archive: _Archive | None = None


@dataclass(slots=True)
class _Built:
    """One case of a batch, built: its row and everything that waits for its id."""

    new: NewCase
    row: MediationCase
    case_record: bytes
    identities: list[_Identified]
    assignments: list[CaseMediator]
    steps: list[_Step]


class _Numbers:
    """The next serial of each kind's series per year, as ``matters.open_matter`` takes them, from the
    last serials the store held when the writing began (``Snapshot``)."""

    def __init__(self, last: dict[tuple[str, int], int]) -> None:
        self.last = dict(last)

    def next(self, kind: MatterKind, year: int) -> int:
        key = (kind.value, year)
        self.last[key] = self.last.get(key, 0) + 1
        return self.last[key]


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What building cases needs from the store, read once under the ledger's lock (which the writer
    holds to the end, so nothing changes meanwhile): the office's number series, the last serial of each
    series and year, and the users. Building needs no database after it, so it may run in another
    process while this one writes (``build_batches``)."""

    office: OfficeInfo
    serials: dict[tuple[str, int], int]
    staff: dict[str, _Person]
    ids: dict[str, int]  # the largest id of each table whose ids the writer gives


def read_snapshot(session: Session) -> Snapshot:
    """The store's office, serials and users, for ``build_batches`` (the caller holds the ledger's lock)."""
    office = get_office(session)
    if office is None:
        raise NotAllowed(QT_TRANSLATE_NOOP("errors", "Set up the office first (mediseal init)."))
    serials = {(kind, year): last for kind, year, last in session.execute(
        select(MediationCase.kind, MediationCase.year, func.max(MediationCase.serial))
        .group_by(MediationCase.kind, MediationCase.year))}
    staff = {user.name: _Person(user.name, user.real_name or "",
                                frozenset(Role(held.role) for held in user.roles), user.disabled)
             for user in session.scalars(select(User))}
    ids = {_table(model).name: session.scalar(select(func.max(_table(model).c.id))) or 0
           for model in (MediationCase, Party, AgentRow, CaseOutcome)}
    return Snapshot(office, serials, staff, ids)


def build_batches(snapshot: Snapshot, cases: Iterable[NewCase],
                  batch_size: int = BATCH_CASES) -> Iterator[Prepared]:
    """The cases built (rows, records and ledger entries, with the services' checks), ``batch_size`` at a
    time; no database."""
    heads: dict[MatterKind, str] = {}
    numbers, staff, ids = _Numbers(snapshot.serials), _Staff(snapshot.staff), _Ids(snapshot.ids)
    for batch in _batches(cases, batch_size):
        built = []
        for new in batch:
            if new.kind not in heads:
                heads[new.kind] = matters.number_head(snapshot.office, new.kind)  # refused with no series
            built.append(_build(new, heads[new.kind], numbers, staff))
        yield _prepare(ids, built)


def _build(new: NewCase, head: str, numbers: _Numbers, staff: _Staff) -> _Built:
    """The case's rows and records as the services build them, with their checks."""
    require(staff.actor(new.opened_by), Action.OPEN_CASE)
    if new.details.cited_matter:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "Only a mediation case cites a notarial matter."), field="cited_matter")
    year = office_today(new.opened_at).year  # the office's calendar year decides the number
    serial = numbers.next(new.kind, year)
    row = MediationCase(kind=new.kind.value, number=format_case_number(head, year, serial), year=year,
                        serial=serial, record_version=CASE_RECORD_VERSION, revision=1,
                        created_by=new.opened_by, created_at=new.opened_at,
                        status=CaseStatus.REGISTERED.value)
    matters.apply_details(row, new.details, None)
    record = canonical_bytes(case_record(row, ""))
    # parties.add_party / add_agent: every value through its checks again
    identities = []
    assigned: list[str] = []
    for party in new.parties:
        _require_access(staff, new.opened_by, row.number, assigned)
        identities.append((party, parties.checked_identity(party.identity),
                           parties.checked_service(party.service),
                           tuple(parties.checked_agent(agent) for agent in party.agents)))
    assignments = []
    for assignment in new.mediators:
        if new.kind is not MatterKind.MEDIATION:
            raise NotAllowed(QT_TRANSLATE_NOOP(
                "errors", "{number} is a notarial matter: it has no mediators."), number=row.number)
        declaration = _check_assignment(staff, assignment, row.number, assigned)
        assignments.append(CaseMediator(mediator=assignment.mediator, conflict=assignment.conflict,
                                        declaration=declaration, assigned_by=assignment.assigned_by,
                                        assigned_at=new.opened_at, record_sha256=""))
        assigned.append(assignment.mediator)
    row.mediator_names = NAMES_SEPARATOR.join(staff.get(login).real_name or login for login in assigned)
    steps: list[_Step] = []
    current = CaseStatus.REGISTERED
    for step in new.moves:
        _require_access(staff, step.actor, row.number, assigned)
        if isinstance(step, NewOutcome):
            steps.append(_outcome_step(step, row, current, identities, assigned, staff))
        elif isinstance(step, NewArchive):
            steps.append(_archive_step(step, row, current, identities, assigned, steps, staff))
        else:
            _require_workflow(new.kind, row.number)
            if is_outcome(current, step.target):
                progress.refuse_by_hand(row.number, current, step.target)
            reason = check_move(current, step.target, step.reason)
            progress.refuse_by_hand(row.number, current, step.target)
            steps.append(_Step(CaseMove(from_status=current.value, to_status=step.target.value, reason=reason,
                                        effective_on=None, actor=step.actor, moved_at=step.moved_at,
                                        record_sha256="")))
        current = CaseStatus(steps[-1].move.to_status)
    row.status = current.value
    matters.refresh_deadline(row)
    names = [identity.name for _party, identity, _service, _agents in identities]
    row.party_names = NAMES_SEPARATOR.join(names)
    row.foreign_related = any(identity.origin.foreign_related for _p, identity, _s, _a in identities)
    return _Built(new, row, record, identities, assignments, steps)


def _require_workflow(kind: MatterKind, number: str) -> None:
    if kind is not MatterKind.MEDIATION:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "{number} is a notarial matter: the mediation workflow does not apply to it."),
            number=number)


def _outcome_step(step: NewOutcome, row: MediationCase, current: CaseStatus, identities: list[_Identified],
                  assigned: Sequence[str], staff: _Staff) -> _Step:
    """``outcomes.record_outcome``'s checks and the move it makes (``progress.move_for_outcome``); the
    record waits for its id and the parties' ids (``_prepare``)."""
    outcomes.require_in_mediation(row.number, current)
    today = office_today(step.recorded_at)
    named = {index: (identity.name, party.role.value)
             for index, (party, identity, _service, _agents) in enumerate(identities)}
    mediator = step.given.mediator or step.actor
    checked = outcomes.checked_outcome(
        step.given, row.received_on, today, lambda: outcomes.checked_signatures(
            row.number, named, assigned, mediator, lambda login: staff.get(login).real_name or login,
            step.given, today))
    target = checked.kind.status
    reason = check_move(current, target, checked.reason)
    effective_on = progress.date_of_effect(target, checked.effective_on, row.received_on, today)
    if effective_on is not None:
        row.agreement_effective_on = effective_on
    move = CaseMove(from_status=current.value, to_status=target.value, reason=reason,
                    effective_on=effective_on, actor=step.actor, moved_at=step.recorded_at, record_sha256="")
    return _Step(move, outcome=checked)


def _archive_step(step: NewArchive, row: MediationCase, current: CaseStatus, identities: list[_Identified],
                  assigned: Sequence[str], steps: list[_Step], staff: _Staff) -> _Step:
    """``archive.archive_case``'s checks on a case file that holds what this writer writes (the
    registration form once accepted, and the agreements' records): what is missing, the reason, the
    cover; the record waits for the outcomes' ids (``_prepare``)."""
    reason = clean_text(step.reason, "reason", REASON_MAX, multiline=True)
    require_mediation(row)
    check_move(current, CaseStatus.CLOSED)
    required = case_file.required_parts(any(agents for _party, _identity, _service, agents in identities),
                                        current, row.agreement_effective_on)
    present = {FilePart.AGREEMENT} if any(
        found.outcome is not None and found.outcome.kind.is_agreement for found in steps) else set()
    accepted = next((found.move for found in steps if found.move.to_status == CaseStatus.ACCEPTED), None)
    if accepted is not None:
        present.add(FilePart.APPLICATION)  # the registration form (受理登记表): the case's record
    missing = tuple(part for part in FilePart if part in required and part not in present)
    archive.require_reason_if_incomplete(row.number, missing, reason)
    # cover.mediation_dates: from the day accepted to the day of the last move before closing
    start = office_today(accepted.moved_at) if accepted is not None else None
    end = office_today(steps[-1].move.moved_at) if steps and start is not None else None
    cover = covers.CoverInfo(row.number, covers.Cover(), 0, "", "", None, row.title, row.number,
                             tuple(staff.get(login).real_name or login for login in assigned), start, end, "",
                             None)
    move = CaseMove(from_status=current.value, to_status=CaseStatus.CLOSED.value, reason=reason,
                    effective_on=None, actor=step.actor, moved_at=step.archived_at, record_sha256="")
    return _Step(move, archive=_Archive(cover.to_record(), missing, reason, accepted))


def _table(model: type[Any]) -> Table:
    return cast(Table, model.__table__)


class _Ids:
    """Ids given here, in order, from the largest stored when the writing began (the ledger's lock keeps
    other writers out: every service that inserts cases, parties or agents takes it first). On PostgreSQL
    the tables' sequences are moved past them afterwards, so the next row a service inserts gets the next
    id."""

    def __init__(self, last: dict[str, int]) -> None:
        self.last = dict(last)

    def take(self, table: str, rows: list[dict[str, Any]]) -> list[int]:
        """Give ``rows`` the next ids of ``table``; their ids in order."""
        first = self.last.get(table, 0) + 1
        ids = list(range(first, first + len(rows)))
        for row, row_id in zip(rows, ids, strict=True):
            row["id"] = row_id
        if rows:
            self.last[table] = ids[-1]
        return ids


def move_sequences(session: Session, last: dict[str, int]) -> None:
    """PostgreSQL: each table's id sequence past the ids given here (SQLite takes max(id) + 1)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for name, last_id in last.items():
        if name not in SERIAL_TABLES:
            continue  # ids chosen by the services too (outcomes.next_id): no sequence
        session.execute(text("SELECT setval(pg_get_serial_sequence(:table, 'id'), :last)"),
                        {"table": name, "last": last_id})


def _version(subject: str, canonical: bytes, saved_by: str, saved_at: datetime) -> dict[str, Any]:
    return {"subject": subject, "version": 1, "canonical": canonical.decode("utf-8"),
            "record_sha256": _digest(canonical), "saved_by": saved_by, "saved_at": saved_at}


@dataclass(slots=True)
class Prepared:
    """One batch ready to store: each table's rows (plain values, ids given) and the ledger entries in the
    order the services would log them. Plain data, cheap to hand from one process to another."""

    numbers: list[str]
    cases: list[dict[str, Any]]
    parties: list[dict[str, Any]]
    agents: list[dict[str, Any]]
    versions: list[dict[str, Any]]
    moves: list[dict[str, Any]]
    mediators: list[dict[str, Any]]
    outcomes: list[dict[str, Any]]
    archives: list[dict[str, Any]]
    entries: list[ledger.NewEntry]
    last_ids: dict[str, int]


def _prepare(ids: _Ids, batch: list[_Built]) -> Prepared:
    """A built batch's rows and records with their ids, and its ledger entries; no database."""
    case_rows = [_values(built.row, _CASE_COLUMNS) for built in batch]
    case_ids = ids.take("mediation_case", case_rows)
    party_rows: list[dict[str, Any]] = []
    for built, case_id in zip(batch, case_ids, strict=True):
        built.row.id = case_id
        for party, identity, _service, _agents in built.identities:
            party_rows.append({"case_id": case_id, "role": party.role.value,
                               "kind": "person" if isinstance(identity, Person) else "organisation",
                               "name": identity.name, "origin": identity.origin.value, "version": 1,
                               "created_by": built.new.opened_by, "created_at": built.new.opened_at})
    party_ids = iter(ids.take("party", party_rows))
    agent_rows: list[dict[str, Any]] = []
    party_id_lists: list[list[int]] = []
    for built in batch:
        own = []
        for _party, _identity, _service, agents in built.identities:
            party_id = next(party_ids)
            own.append(party_id)
            agent_rows.extend({"case_id": built.row.id, "party_id": party_id, "name": agent.name,
                               "version": 1, "created_by": built.new.opened_by,
                               "created_at": built.new.opened_at} for agent in agents)
        party_id_lists.append(own)
    agent_ids = iter(ids.take("agent", agent_rows))
    versions: list[dict[str, Any]] = []
    moves: list[dict[str, Any]] = []
    mediators: list[dict[str, Any]] = []
    outcome_rows: list[dict[str, Any]] = []
    archive_rows: list[dict[str, Any]] = []
    entries: list[ledger.NewEntry] = []
    for built, party_ids_of_case in zip(batch, party_id_lists, strict=True):
        new, row = built.new, built.row
        subject = case_subject(row.number)
        versions.append(_version(subject, built.case_record, new.opened_by, new.opened_at))
        entries.append(ledger.NewEntry(new.opened_by, EventKind.CASE_OPENED, subject,
                                       versions[-1]["record_sha256"], new.opened_at))
        for (party, identity, service, agents), party_id in zip(built.identities, party_ids_of_case,
                                                                  strict=True):
            record = canonical_bytes(parties.party_version_record(row.number, party.role, 1, identity,
                                                                  service))
            versions.append(_version(parties.party_subject(party_id), record, new.opened_by, new.opened_at))
            entries.append(ledger.NewEntry(new.opened_by, EventKind.PARTY_ADDED, versions[-1]["subject"],
                                           versions[-1]["record_sha256"], new.opened_at))
            for agent in agents:
                agent_id = next(agent_ids)
                record = canonical_bytes(parties.agent_version_record(row.number, party_id, 1, agent))
                versions.append(_version(parties.agent_subject(agent_id), record, new.opened_by,
                                         new.opened_at))
                entries.append(ledger.NewEntry(new.opened_by, EventKind.AGENT_ADDED, versions[-1]["subject"],
                                               versions[-1]["record_sha256"], new.opened_at))
        for assignment in built.assignments:
            assignment.case_id = row.id
            assignment.record_sha256 = _digest(canonical_bytes(progress.mediator_record(row.number,
                                                                                        assignment)))
            mediators.append(_values(assignment, _MEDIATOR_COLUMNS))
            entries.append(ledger.NewEntry(assignment.assigned_by, EventKind.CASE_MEDIATOR_ASSIGNED, subject,
                                           assignment.record_sha256, assignment.assigned_at))
        agreements: list[FileDocument] = []
        for step in built.steps:
            move = step.move
            move.case_id = row.id
            move.record_sha256 = _digest(canonical_bytes(progress.move_record(row.number, move)))
            moves.append(_values(move, _MOVE_COLUMNS))
            entries.append(ledger.NewEntry(move.actor, EventKind.CASE_MOVED, subject, move.record_sha256,
                                           move.moved_at))
            if step.outcome is not None:
                outcome = _outcome_row(ids, row, step.outcome, party_ids_of_case, move)
                outcome_rows.append(outcome)
                entries.append(ledger.NewEntry(move.actor, EventKind.OUTCOME_RECORDED, subject,
                                               outcome["record_sha256"], move.moved_at))
                if step.outcome.kind.is_agreement:
                    title = outcomes.FILE_TITLES[step.outcome.kind]
                    agreements.append(FileDocument(FilePart.AGREEMENT, title, f"outcome:{outcome['id']}",
                                                   outcome["record_sha256"], move.moved_at))
            if step.archive is not None:
                archived = _archive_row(row, built.case_record, step.archive, agreements, move)
                archive_rows.append(archived)
                entries.append(ledger.NewEntry(move.actor, EventKind.CASE_ARCHIVED,
                                               covers.file_subject(row.number), archived["record_sha256"],
                                               move.moved_at))
    return Prepared([built.row.number for built in batch], case_rows, party_rows, agent_rows, versions,
                    moves, mediators, outcome_rows, archive_rows, entries, dict(ids.last))


def _outcome_row(ids: _Ids, row: MediationCase, checked: outcomes.Checked, party_ids: list[int],
                 move: CaseMove) -> dict[str, Any]:
    """``outcomes.record_outcome``'s record and row: the signatures name the parties by their ids."""
    signed = [{**entry, "party": party_ids[entry["party"]]} if entry["party"] is not None else entry
              for entry in checked.signed]
    checked = outcomes.Checked(checked.kind, checked.effective_on, signed, checked.content, checked.reason)
    values: dict[str, Any] = {"case_id": row.id, "kind": checked.kind.value, "supersedes_id": None,
                              "effective_on": checked.effective_on, "recorded_by": move.actor,
                              "recorded_at": move.moved_at}
    outcome_id = ids.take(_table(CaseOutcome).name, [values])[0]
    values["canonical"], values["record_sha256"] = outcomes.stored_record(outcomes.outcome_record(
        outcome_id, row.number, checked, None, move.actor, move.moved_at))
    return values


def _archive_row(row: MediationCase, case_record: bytes, checked: _Archive, agreements: list[FileDocument],
                 move: CaseMove) -> dict[str, Any]:
    """``archive.archive_case``'s record and row, over the documents of the file in part order."""
    documents = list(agreements)
    if checked.accepted is not None:  # case_file.registration_documents
        documents.insert(0, case_file.registration_document(row.number, _digest(case_record),
                                                            checked.accepted.moved_at))
    record = canonical_bytes(archive.archive_record(row.number, checked.cover, documents, checked.missing,
                                                    checked.reason, move.actor, move.moved_at))
    return {"case_id": row.id, "canonical": record.decode("utf-8"), "record_sha256": _digest(record),
            "complete": not checked.missing, "archived_by": move.actor, "archived_at": move.moved_at}


def _store(session: Session, prepared: Prepared) -> None:
    """Store one prepared batch: one executemany per table, then its ledger entries in one append."""
    connection = session.connection()
    for model, rows in ((MediationCase, prepared.cases), (Party, prepared.parties),
                        (AgentRow, prepared.agents), (RecordVersion, prepared.versions),
                        (CaseMove, prepared.moves), (CaseMediator, prepared.mediators),
                        (CaseOutcome, prepared.outcomes), (CaseArchive, prepared.archives)):
        if rows:
            connection.execute(insert(_table(model)), rows)
    ledger.append_many(session, prepared.entries)


def _batches(cases: Iterable[NewCase], size: int) -> Iterator[list[NewCase]]:
    batch: list[NewCase] = []
    for case in cases:
        batch.append(case)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def write_cases(session: Session, cases: Iterable[NewCase], *, total: int = 0, batch_size: int = BATCH_CASES,
                progress: ProgressFn = no_progress, cancelled: CancelledFn = never_cancelled) -> list[str]:
    """Write ``cases`` in the caller's transaction, ``batch_size`` at a time; their numbers, in order.
    Numbers are taken as ``matters.open_matter`` takes them: the next of the kind's series in the year
    the case is opened (in the office's time zone), under the ledger's lock."""
    ledger.lock(session)
    snapshot = read_snapshot(session)
    return write_built(session, build_batches(snapshot, cases, batch_size), total=total, progress=progress,
                       cancelled=cancelled)


def write_built(session: Session, batches: Iterable[Prepared], *, total: int = 0,
                progress: ProgressFn = no_progress, cancelled: CancelledFn = never_cancelled) -> list[str]:
    """Store batches ``build_batches`` made from a ``read_snapshot`` of this session (under the ledger's
    lock, taken before the snapshot was read); their numbers, in order."""
    written: list[str] = []
    last: dict[str, int] = {}
    for prepared in batches:
        raise_if_cancelled(cancelled)
        _store(session, prepared)
        written.extend(prepared.numbers)
        last = prepared.last_ids
        progress(len(written), total or len(written))
    move_sequences(session, last)
    return written

