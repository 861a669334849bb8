"""Performance of an agreement in core, on SQLite and PostgreSQL: obligations of a party (a sum in
instalments that add up exactly, or an act), performances with proof files taken into the vault, the
workflow moves they make, the refusals, the due-soon list, and verification."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from db.outcomes import PerformanceDone
from desktop.core.cases import matters, progress, register
from desktop.core.cases.deadlines import DeadlineKind
from desktop.core.cases.file_parts import FilePart
from desktop.core.cases.outcomes import file_documents
from desktop.core.cases.performance import (
    DoneInput,
    Instalment,
    ObligationInput,
    ObligationKind,
    ObligationState,
    add_obligation,
    check_done,
    list_done,
    list_obligations,
    record_done,
    record_done_with_files,
)
from desktop.core.cases.workflow import CaseStatus
from desktop.core.errors import Cancelled, InvalidInput, NotAllowed
from desktop.core.evidence.items import list_items
from desktop.core.storage.store import OpenStore
from desktop.core.trust import ledger
from tests.tamper import behind_the_triggers
from tests.test_cases import NOW, TODAY
from tests.test_outcomes import Mediation

EFFECT = date(2026, 11, 25)


@pytest.fixture
def agreed(store: OpenStore) -> Mediation:
    mediation = Mediation(store)
    mediation.agree(EFFECT)
    return mediation


def _payment(agreed: Mediation, **changes: object) -> ObligationInput:
    fields: dict[str, object] = {"party_id": agreed.respondent, "kind": ObligationKind.PAYMENT,
                                 "amount": Decimal("30000.00"),
                                 "instalments": (Instalment(Decimal("10000.10"), date(2026, 12, 1)),
                                                 Instalment(Decimal("19999.90"), date(2027, 1, 1)))}
    fields.update(changes)
    return ObligationInput(**fields)  # type: ignore[arg-type]


def _add(agreed: Mediation, given: ObligationInput) -> int:
    with agreed.database.session_scope() as session:
        return add_obligation(session, agreed.lihua, agreed.number, given, now=NOW).id


def _done(agreed: Mediation, given: DoneInput) -> CaseStatus | None:
    with agreed.database.session_scope() as session:
        return record_done(session, agreed.lihua, given, now=NOW).moved_to


def test_instalments_are_paid_off_in_order_and_the_case_moves(agreed: Mediation) -> None:
    payment = _add(agreed, _payment(agreed))
    listings = _add(agreed, ObligationInput(agreed.respondent, ObligationKind.REMOVE_LISTINGS,
                                            "下架全部侵权商品链接", due_on=date(2026, 11, 30)))
    with agreed.database.session_scope() as session:
        found = list_obligations(session, agreed.number)
    assert [(item.id, item.kind, item.party_name, item.next_due) for item in found] == [
        (payment, ObligationKind.PAYMENT, "云南普洱茶业有限公司", date(2026, 12, 1)),
        (listings, ObligationKind.REMOVE_LISTINGS, "云南普洱茶业有限公司", date(2026, 11, 30))]
    assert _done(agreed, DoneInput(payment, TODAY, "银行转账", Decimal("10000.10"))) is CaseStatus.PERFORMING
    with agreed.database.session_scope() as session:
        paid = list_obligations(session, agreed.number)[0]
    assert ([part.done for part in paid.instalments], paid.outstanding, paid.state(TODAY)) == (
        [True, False], Decimal("19999.90"), ObligationState.PART_DONE)
    assert _done(agreed, DoneInput(listings, TODAY, "已下架12条链接")) is None
    assert _done(agreed, DoneInput(payment, TODAY, "", Decimal("19999.90"))) is CaseStatus.PERFORMED
    with agreed.database.session_scope() as session:
        assert [move.to_status for move in progress.history(session, agreed.number)][-2:] == [
            CaseStatus.PERFORMING, CaseStatus.PERFORMED]
        assert all(item.fully_done for item in list_obligations(session, agreed.number))
        assert len(list_done(session, agreed.number)) == 3
        # Fully performed: nothing more against it, and no more performance once performed.
        with pytest.raises(NotAllowed):
            record_done(session, agreed.lihua, DoneInput(payment, TODAY, "", Decimal("1.00")), now=NOW)
    assert agreed.findings() == []


@pytest.mark.parametrize("change", ["sum", "before-effect", "act-with-sum", "no-due", "stranger",
                                    "out-of-order", "float-like", "zero"])
def test_bad_obligations_are_refused(agreed: Mediation, change: str) -> None:
    given = {
        "sum": _payment(agreed, amount=Decimal("30000.01")),  # the instalments add up to 30000.00
        "before-effect": _payment(agreed, instalments=(Instalment(Decimal("30000"), date(2026, 11, 24)),)),
        "act-with-sum": ObligationInput(agreed.respondent, ObligationKind.APOLOGY, amount=Decimal(1),
                                        due_on=TODAY),
        "no-due": ObligationInput(agreed.respondent, ObligationKind.STOP_USE),
        "stranger": ObligationInput(9999, ObligationKind.STOP_USE, due_on=TODAY),
        "out-of-order": _payment(agreed, instalments=(Instalment(Decimal("15000"), date(2027, 1, 1)),
                                                      Instalment(Decimal("15000"), date(2026, 12, 1)))),
        "float-like": _payment(agreed, amount=Decimal("0.1") + Decimal("0.2") + Decimal("0.001"),
                               instalments=()),
        "zero": _payment(agreed, amount=Decimal(0), instalments=(), due_on=TODAY),
    }[change]
    with agreed.database.session_scope() as session:
        before = ledger.size(session)
    with agreed.database.session_scope() as session, pytest.raises(InvalidInput):
        add_obligation(session, agreed.lihua, agreed.number, given, now=NOW)
    with agreed.database.session_scope() as session:
        assert (ledger.size(session), list_obligations(session, agreed.number)) == (before, [])


def test_bad_performances_are_refused(agreed: Mediation) -> None:
    payment = _add(agreed, _payment(agreed))
    for given in (DoneInput(payment, date(2026, 11, 24), "", Decimal(100)),  # before the agreement
                  DoneInput(payment, TODAY + timedelta(days=1), "", Decimal(100)),  # still to come
                  DoneInput(payment, TODAY, "", Decimal("30000.01")),  # more than is due
                  DoneInput(payment, TODAY, "", None)):  # a payment without its sum
        with agreed.database.session_scope() as session, pytest.raises(InvalidInput):
            record_done(session, agreed.lihua, given, now=NOW)
    with agreed.database.session_scope() as session, pytest.raises(NotAllowed):
        record_done(session, agreed.wangwu, DoneInput(payment, TODAY, "", Decimal(1)), now=NOW)
    with agreed.database.session_scope() as session:
        assert list(session.scalars(select(PerformanceDone))) == []
        assert matters.find_case(session, agreed.number).status == CaseStatus.AGREEMENT


def test_outcome_not_agreed_has_no_obligations(store: OpenStore) -> None:
    mediation = Mediation(store)
    with mediation.database.session_scope() as session, pytest.raises(NotAllowed):
        add_obligation(session, mediation.lihua, mediation.number,
                       ObligationInput(mediation.respondent, ObligationKind.STOP_USE, due_on=TODAY), now=NOW)


def test_proof_files_go_into_the_vault_as_evidence_of_the_case(agreed: Mediation, tmp_path: Path) -> None:
    apology = _add(agreed, ObligationInput(agreed.respondent, ObligationKind.APOLOGY, "在店铺首页致歉",
                                           due_on=date(2026, 11, 30)))
    receipt = tmp_path / "致歉声明截图.png"
    receipt.write_bytes(b"\x89PNG\r\n\x1a\n" + b"proof" * 100)
    seen: list[tuple[int, int]] = []
    info = record_done_with_files(agreed.database, agreed.vault, agreed.lihua,
                                  DoneInput(apology, TODAY, "已在店铺首页发布致歉声明"), [receipt],
                                  progress=lambda done, total: seen.append((done, total)))
    assert info.moved_to is CaseStatus.PERFORMED and seen and seen[-1][0] == seen[-1][1]
    with agreed.database.session_scope() as session:
        items = list_items(session, agreed.number)
        assert [item.name for item in items] == ["致歉声明截图.png"] and info.item_ids == (items[0].id,)
        documents = file_documents(session, matters.find_case(session, agreed.number))
    proof = [document for document in documents if document.part is FilePart.PERFORMANCE_PROOF]
    assert [(document.reference, document.sha256) for document in proof] == [
        (f"evidence:{items[0].id}", items[0].record_sha256)]
    assert agreed.findings() == []


def test_a_refused_performance_takes_no_file_in_and_a_cancel_records_nothing(agreed: Mediation,
                                                                          tmp_path: Path) -> None:
    payment = _add(agreed, _payment(agreed))
    receipt = tmp_path / "回单.pdf"
    receipt.write_bytes(b"%PDF-1.4 receipt")
    with pytest.raises(InvalidInput):
        record_done_with_files(agreed.database, agreed.vault, agreed.lihua,
                               DoneInput(payment, date(2026, 11, 1), "", Decimal(5)), [receipt])
    with pytest.raises(Cancelled):
        record_done_with_files(agreed.database, agreed.vault, agreed.lihua,
                               DoneInput(payment, TODAY, "", Decimal(5)), [receipt], cancelled=lambda: True)
    with agreed.database.session_scope() as session:
        assert list_items(session, agreed.number) == [] and list_done(session, agreed.number) == []
        check_done(session, agreed.lihua, DoneInput(payment, TODAY, "", Decimal(5)))  # still possible


def test_proof_items_must_belong_to_the_case(agreed: Mediation, tmp_path: Path) -> None:
    from desktop.core.evidence.intake import ingest_files
    other = agreed.open(agreed.clerk)
    paper = tmp_path / "elsewhere.txt"
    paper.write_text("another case's paper")
    item = ingest_files(agreed.database, agreed.vault, agreed.clerk, other, [paper]).items[0]
    payment = _add(agreed, _payment(agreed))
    with agreed.database.session_scope() as session, pytest.raises(InvalidInput) as refused:
        record_done(session, agreed.lihua, DoneInput(payment, TODAY, "", Decimal(5), (item.id,)), now=NOW)
    assert refused.value.fields["field"] == "items"


def test_an_open_obligation_makes_the_case_due_soon(agreed: Mediation) -> None:
    # Frozen dates: the agreement took effect on 11-25, so the confirmation window ends on 12-25.
    with agreed.database.session_scope() as session:
        assert matters.find_case(session, agreed.number).next_deadline == date(2026, 12, 25)
        assert register.due_soon_count(session, TODAY) == 0
    listings = _add(agreed, ObligationInput(agreed.respondent, ObligationKind.REMOVE_LISTINGS,
                                            due_on=date(2026, 11, 28)))
    with agreed.database.session_scope() as session:
        row = matters.find_case(session, agreed.number)
        assert row.next_deadline == date(2026, 11, 28)
        assert [deadline.kind for deadline in matters.deadlines_of(row)] == [DeadlineKind.PERFORMANCE,
                                                                             DeadlineKind.CONFIRMATION]
        assert register.due_soon_count(session, TODAY) == 1
        assert register.due_soon_count(session, date(2026, 12, 5)) == 1  # overdue stays in the list
    _done(agreed, DoneInput(listings, TODAY, "已下架"))
    with agreed.database.session_scope() as session:
        row = matters.find_case(session, agreed.number)
        assert (row.status, row.next_deadline) == (CaseStatus.PERFORMED, None)
        assert register.due_soon_count(session, date(2026, 12, 5)) == 0


def test_verify_names_a_changed_performance(agreed: Mediation) -> None:
    payment = _add(agreed, _payment(agreed))
    _done(agreed, DoneInput(payment, TODAY, "银行转账", Decimal("100.00")))
    behind_the_triggers(agreed.store, "performance_done", "UPDATE performance_done SET amount = 10000")
    assert agreed.findings() == ["performance-changed"]
    behind_the_triggers(agreed.store, "performance_instalment",
                        "UPDATE performance_instalment SET amount = 5000 WHERE seq = 1")
    assert sorted(agreed.findings()) == ["obligation-changed", "performance-changed"]


def test_verify_names_a_removed_proof_and_a_lost_obligation(agreed: Mediation, tmp_path: Path) -> None:
    apology = _add(agreed, ObligationInput(agreed.respondent, ObligationKind.APOLOGY, "致歉", due_on=TODAY))
    receipt = tmp_path / "致歉截图.png"
    receipt.write_bytes(b"\x89PNG\r\n\x1a\n proof")
    record_done_with_files(agreed.database, agreed.vault, agreed.lihua, DoneInput(apology, TODAY, "已致歉"),
                           [receipt])
    behind_the_triggers(agreed.store, "performance_proof", "DELETE FROM performance_proof")
    with agreed.database.session_scope() as session:
        from desktop.core.verification.store import verify_store
        scoped = verify_store(session, agreed.vault, agreed.number)
    assert [finding.code for finding in scoped.findings] == ["performance-changed"]
    assert scoped.findings[0].expected == "['1']" and scoped.findings[0].found == "[]"
    behind_the_triggers(agreed.store, "performance_done", "DELETE FROM performance_done")
    assert agreed.findings() == ["performance-missing"]


def test_a_case_before_the_court_records_performance_without_a_move(agreed: Mediation) -> None:
    listings = _add(agreed, ObligationInput(agreed.respondent, ObligationKind.REMOVE_LISTINGS,
                                            due_on=date(2026, 11, 30)))
    with agreed.database.session_scope() as session:
        progress.move_case(session, agreed.lihua, agreed.number, CaseStatus.CONFIRMATION_APPLIED, now=NOW)
    # The workflow allows no move from 申请司法确认 to 已履行: the performance is recorded, the case stays.
    assert _done(agreed, DoneInput(listings, TODAY, "已下架")) is None
    assert agreed.status() is CaseStatus.CONFIRMATION_APPLIED
    assert agreed.findings() == []
