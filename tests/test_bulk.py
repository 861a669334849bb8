"""Bulk writing (``cases.bulk``) and the demo store (``cases.demo``): a case written in bulk is the case the
services write for the same calls (every row, record and ledger entry), and a demo store verifies clean."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import or_, select

from db.case_file import CaseArchive
from db.models import Agent as AgentRow
from db.models import AppMeta, CaseMediator, CaseMove, LedgerEntry, MediationCase, Party, RecordVersion, User
from db.outcomes import CaseOutcome
from desktop.config import Settings
from desktop.core.cases import archive, bulk, demo, matters, outcomes, parties, progress, register
from desktop.core.cases.deadlines import office_today
from desktop.core.cases.demo_data import demo_cases
from desktop.core.cases.matters import MatterKind
from desktop.core.cases.outcomes import OutcomeInput, OutcomeKind
from desktop.core.cases.workflow import CaseStatus
from desktop.core.errors import InvalidInput, NotAllowed
from desktop.core.office import office
from desktop.core.storage.datafolder import DATABASE_FILE_NAME
from desktop.core.storage.store import OpenStore, open_store
from desktop.core.trust import ledger, users
from desktop.core.trust.permissions import Actor, Role
from desktop.core.verification.store import verify_store

NOW = datetime(2026, 3, 15, 2, 30, tzinfo=UTC)  # 10:30 in the office
TODAY = office_today(NOW)
STAFF_PASSWORD = "demo-staff-pass-1"


def _set_up(store: OpenStore) -> Actor:
    """An office, its administrator and the demo's staff, as ``mediseal demo`` would add them."""
    with store.database.session_scope() as session:
        office.create_office(session, "昆明市知识产权纠纷人民调解委员会", "云知调", notarial_prefix="云昆",
                             notarial_word="证")
        admin = users.create_first_admin(session, "admin", "admin-password-1", "赵文")
        for login, name, role in demo.STAFF:
            users.add_user(session, admin, login, frozenset({role}), STAFF_PASSWORD, name)
    return admin


@pytest.fixture
def two_stores(tmp_path: Path, sqlite_template: Path) -> Iterator[tuple[OpenStore, OpenStore]]:
    opened = []
    for name in ("services", "bulk"):
        folder = tmp_path / name
        folder.mkdir()
        shutil.copyfile(sqlite_template, folder / DATABASE_FILE_NAME)
        opened.append(open_store(Settings(data_dir=folder, database_url=None, lang=None)))
    yield opened[0], opened[1]
    for store in opened:
        store.close()


def _kinds(planned: bulk.NewCase) -> set[object]:
    """What a planned case does after it was opened: its moves by hand, outcomes (by kind) and archiving."""
    return {step.target if isinstance(step, bulk.NewMove) else
            step.given.kind if isinstance(step, bulk.NewOutcome) else "archived" for step in planned.moves}


def _chosen() -> list[bulk.NewCase]:
    """Generated cases that between them use every step: agents, a colleague joining, a declared conflict,
    an agreement in writing and orally with later moves, failure, withdrawal in mediation and before it,
    a file archived after each, a foreign party, a notarial matter, a registered case without mediator."""
    wanted: dict[str, bulk.NewCase] = {}
    for case in demo_cases(400, 7, TODAY):
        planned = demo.plan_case(case, TODAY, NOW)
        kinds = _kinds(planned)
        tests = {"agents": any(party.agents for party in planned.parties),
                 "colleague": len(planned.mediators) == 2,
                 "conflict": any(assignment.conflict for assignment in planned.mediators),
                 "written": OutcomeKind.WRITTEN_AGREEMENT in kinds and len(planned.moves) > 4,
                 "oral": OutcomeKind.ORAL_AGREEMENT in kinds,
                 "agreed-archived": {OutcomeKind.WRITTEN_AGREEMENT, "archived"} <= kinds,
                 "failed-archived": {OutcomeKind.FAILED, "archived"} <= kinds,
                 "withdrawn": OutcomeKind.WITHDRAWN in kinds,
                 "withdrawn-by-hand": CaseStatus.WITHDRAWN in kinds and "archived" in kinds,
                 "not-accepted-archived": {CaseStatus.NOT_ACCEPTED, "archived"} <= kinds,
                 "foreign": case.foreign_related,
                 "notarial": case.kind is MatterKind.NOTARIAL,
                 "unassigned": case.kind is MatterKind.MEDIATION and not planned.mediators}
        for name, passed in tests.items():
            if passed and name not in wanted:
                wanted[name] = planned
    assert set(wanted) == {"agents", "colleague", "conflict", "written", "oral", "agreed-archived",
                           "failed-archived", "withdrawn", "withdrawn-by-hand", "not-accepted-archived",
                           "foreign", "notarial", "unassigned"}
    return list(dict.fromkeys(wanted.values()))


def _actor(session: Any, login: str) -> Actor:
    user = session.scalar(select(User).where(User.name == login))
    return Actor(user.id, login, frozenset(Role(held.role) for held in user.roles))


def _through_services(store: OpenStore, new: bulk.NewCase) -> None:
    """The calls a mediator makes for the case, one service at a time."""
    with store.database.session_scope() as session:
        opener = _actor(session, new.opened_by)
        number = matters.open_matter(session, opener, new.kind, new.details, new.opened_at).number
        party_ids = []
        for party in new.parties:
            added = parties.add_party(session, opener, number, party.role, party.identity, party.service,
                                      now=new.opened_at)
            party_ids.append(added.id)
            for agent in party.agents:
                parties.add_agent(session, opener, added.id, agent, now=new.opened_at)
        for assignment in new.mediators:
            progress.assign_mediator(session, _actor(session, assignment.assigned_by), number,
                                     assignment.mediator, conflict=assignment.conflict,
                                     declaration=assignment.declaration, now=new.opened_at)
        for step in new.moves:
            actor = _actor(session, step.actor)
            if isinstance(step, bulk.NewOutcome):
                signings = tuple(replace(signing, party_id=party_ids[signing.party_id])
                                 for signing in step.given.signings)  # places → the parties' ids
                given = replace(step.given, signings=signings)
                outcomes.record_outcome(session, actor, number, given, now=step.recorded_at)
            elif isinstance(step, bulk.NewArchive):
                archive.archive_case(session, actor, number, step.reason, now=step.archived_at)
            else:
                progress.move_case(session, actor, number, step.target, step.reason, now=step.moved_at)


def _rows(store: OpenStore, first_entry: int) -> dict[str, list[dict[str, Any]]]:
    tables = {"case": MediationCase, "party": Party, "agent": AgentRow, "version": RecordVersion,
              "move": CaseMove, "mediator": CaseMediator, "outcome": CaseOutcome, "archive": CaseArchive}
    found: dict[str, list[dict[str, Any]]] = {}
    with store.database.session_scope() as session:
        for name, model in tables.items():
            columns = [attribute.key for attribute in model.__mapper__.column_attrs]
            key = [getattr(model, column) for column in columns if column in ("id", "subject", "version")]
            found[name] = [{column: getattr(row, column) for column in columns}
                           for row in session.scalars(select(model).order_by(*key))]
        entries = select(LedgerEntry).where(LedgerEntry.seq >= first_entry).order_by(LedgerEntry.seq)
        found["ledger"] = [{"seq": row.seq, "time": row.recorded_at, "actor": row.actor, "kind": row.kind,
                            "subject": row.subject, "digest": row.subject_sha256}
                           for row in session.scalars(entries)]
    return found


def test_a_case_written_in_bulk_is_the_case_the_services_write(
        two_stores: tuple[OpenStore, OpenStore]) -> None:
    by_services, in_bulk = two_stores
    chosen = _chosen()
    starts = []
    for store in two_stores:
        _set_up(store)
        with store.database.session_scope() as session:
            starts.append(ledger.size(session))
    assert starts[0] == starts[1]
    for new in chosen:
        _through_services(by_services, new)
    with in_bulk.database.session_scope() as session:
        numbers = bulk.write_cases(session, chosen, batch_size=3)  # several batches
    expected, found = _rows(by_services, starts[0]), _rows(in_bulk, starts[1])
    assert [row["number"] for row in found["case"]] == numbers
    for table in expected:
        assert len(found[table]) == len(expected[table]) > 0, table
        for want, got in zip(expected[table], found[table], strict=True):
            assert got == want, table  # field by field, digests included
    with in_bulk.database.session_scope() as session:
        assert not verify_store(session, in_bulk.vault).findings


def test_bulk_refuses_what_the_services_refuse(two_stores: tuple[OpenStore, OpenStore]) -> None:
    store = two_stores[1]
    _set_up(store)
    new = _chosen()[0]
    outsider = bulk.NewMove(CaseStatus.ACCEPTED, "wangfang" if new.opened_by != "wangfang" else "lihua",
                            new.opened_at)
    lead = (bulk.NewAssignment(new.opened_by, new.opened_by),)
    for wrong in (bulk.NewCase(new.kind, new.details, "admin", new.opened_at),  # may not open cases
                  bulk.NewCase(new.kind, new.details, new.opened_by, new.opened_at, mediators=lead,
                               moves=(outsider,)),  # not its mediator
                  bulk.NewCase(new.kind, new.details, new.opened_by, new.opened_at,
                               moves=(bulk.NewMove(CaseStatus.CLOSED, new.opened_by, new.opened_at),))):
        with pytest.raises(NotAllowed), store.database.session_scope() as session:
            bulk.write_cases(session, [wrong])
    # how a mediation ends is its outcome, never a move by hand; an incomplete file is archived with a reason
    mediation = next(planned for planned in _chosen() if planned.kind is MatterKind.MEDIATION and
                     planned.mediators and len(planned.moves) > 2)
    lead = mediation.mediators[0].mediator
    started = (bulk.NewMove(CaseStatus.ACCEPTED, lead, NOW), bulk.NewMove(CaseStatus.IN_MEDIATION, lead, NOW))
    for steps, error, words in (
            ((*started, bulk.NewMove(CaseStatus.AGREEMENT, lead, NOW)), NotAllowed, "mediseal outcome"),
            ((*started, bulk.NewMove(CaseStatus.FAILED, lead, NOW, "分歧过大")), NotAllowed,
             "mediseal outcome"),
            ((*started, bulk.NewOutcome(OutcomeInput(OutcomeKind.FAILED, reason="分歧过大"), lead, NOW),
              bulk.NewArchive(lead, NOW)), InvalidInput, "incomplete"),
            ((bulk.NewOutcome(OutcomeInput(OutcomeKind.FAILED, reason="分歧过大"), lead, NOW),), NotAllowed,
             "in mediation"),
            ((*started, bulk.NewOutcome(OutcomeInput(OutcomeKind.WRITTEN_AGREEMENT, mediator_signed_on=TODAY),
                                        lead, NOW)), InvalidInput, "every party has signed")):
        wrong = replace(mediation, moves=steps)
        with pytest.raises(error) as refused, store.database.session_scope() as session:
            bulk.write_cases(session, [wrong])
        assert words in refused.value.message.format(**refused.value.fields)
    with store.database.session_scope() as session:
        assert session.scalar(select(MediationCase.id)) is None


def test_a_demo_store_verifies_clean_and_shows_every_part_of_the_app(store: OpenStore) -> None:
    with store.database.session_scope() as session:
        office.create_office(session, "昆明市知识产权纠纷人民调解委员会", "云知调", notarial_prefix="云昆",
                             notarial_word="证")
        admin = users.create_first_admin(session, "admin", "admin-password-1", "赵文")
    report = demo.make_demo(store.database, store.vault, admin, 300, 7, STAFF_PASSWORD)
    assert report.cases == 300 and report.evidence_items >= 4
    assert set(report.staff_added) == {login for login, _name, _role in demo.STAFF}
    with store.database.session_scope() as session:
        assert not verify_store(session, store.vault).findings
        assert session.scalar(select(AppMeta.value).where(AppMeta.key == demo.DEMO_META_KEY)) == \
            "cases=300 seed=7"
        assert register.count(session, register.CaseFilter()) == 300
        assert register.due_soon_count(session, office_today()) > 0
        assert register.count(session, register.CaseFilter(foreign_related=True)) > 0
        assert register.count(session, register.CaseFilter(mediator="lihua")) > 0
        statuses = set(session.scalars(select(MediationCase.status)))
        assert len(statuses) >= 10
        # every closed case was archived, every mediation that ended has its outcome on record
        closed = set(session.scalars(select(MediationCase.id)
                                     .where(MediationCase.status == CaseStatus.CLOSED)))
        assert closed and set(session.scalars(select(CaseArchive.case_id))) == closed
        ended = select(CaseMove.case_id).where(CaseMove.from_status == CaseStatus.IN_MEDIATION,
                                               CaseMove.to_status != CaseStatus.IN_MEDIATION)
        assert set(session.scalars(ended)) == set(session.scalars(select(CaseOutcome.case_id)))
        kinds = set(session.scalars(select(CaseOutcome.kind)))
        assert kinds == set(OutcomeKind)
        # numbered by the year received: every case's number carries the year of its day received
        for number, received in session.execute(select(MediationCase.number, MediationCase.received_on)):
            assert number.startswith(f"（{received.year}）")
        with pytest.raises(NotAllowed):  # a second run, like a store with real cases, is refused
            demo.check_empty(session)
    with pytest.raises(NotAllowed):
        demo.make_demo(store.database, store.vault, admin, 10, 7)


def test_a_store_with_a_real_case_is_refused(store: OpenStore) -> None:
    with store.database.session_scope() as session:
        office.create_office(session, "昆明市知识产权纠纷人民调解委员会", "云知调", notarial_prefix="云昆",
                             notarial_word="证")
        admin = users.create_first_admin(session, "admin", "admin-password-1", "赵文")
        users.add_user(session, admin, "clerk", frozenset({Role.CLERK}), "clerk-password-1", "孙琳")
    clerk = users.sign_in(store.database, "clerk", "clerk-password-1")
    with store.database.session_scope() as session:
        matters.open_case(session, clerk, "trademark", "某商标侵权纠纷")
    with pytest.raises(NotAllowed, match="already holds cases"):
        demo.make_demo(store.database, store.vault, admin, 10, 1, STAFF_PASSWORD)
    with store.database.session_scope() as session:
        assert session.scalar(select(AppMeta.value).where(AppMeta.key == demo.DEMO_META_KEY)) is None
        assert session.scalar(select(User.id).where(User.name == "lihua")) is None


def test_the_demo_is_numbered_by_the_year_received() -> None:
    planned = [demo.plan_case(case, TODAY, NOW) for case in demo_cases(50, 3, TODAY)]
    assert all(office_today(new.opened_at) == new.details.received_on for new in planned)
    assert all(new.opened_at <= NOW for new in planned)
    assert any(new.details.received_on.year < 2026 for new in planned)
    assert date(2026, 3, 15) == TODAY


def test_building_in_a_second_process_writes_the_same_store(two_stores: tuple[OpenStore, OpenStore]) -> None:
    # mediseal demo builds large runs in a second process while this one writes: the same rows and the
    # same ledger, entry for entry, as building here; and the store verifies clean.
    made = []
    moment = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)
    for store, parallel in zip(two_stores, (False, True), strict=True):
        with store.database.session_scope() as session:
            office.create_office(session, "昆明市知识产权纠纷人民调解委员会", "云知调",
                                 notarial_prefix="云昆", notarial_word="证")
            admin = users.create_first_admin(session, "admin", "admin-password-1", "赵文")
        report = demo.make_demo(store.database, store.vault, admin, 120, 5, STAFF_PASSWORD, now=moment,
                                parallel=parallel)
        with store.database.session_scope() as session:
            assert not verify_store(session, store.vault).findings
            cases = session.execute(select(MediationCase.number, MediationCase.party_names,
                                           MediationCase.status).order_by(MediationCase.id)).all()
            logged = or_(*(LedgerEntry.kind.startswith(prefix) for prefix in ("case.", "party.", "agent.")))
            entries = session.execute(select(LedgerEntry.kind, LedgerEntry.subject,
                                             LedgerEntry.subject_sha256).where(logged)
                                      .order_by(LedgerEntry.seq)).all()
        made.append((report.numbers, report.evidence_items, cases, entries))
    assert made[0] == made[1]
    assert len(made[0][2]) == 120
