"""The workspace's outcome and performance tab and its follow-up tab, driven through the real widgets on
SQLite: a mediator records a written agreement, adds a payment in two instalments, records the first with
a proof file taken into the vault (the case moves to 履行中), sees the state of each obligation, and
records a follow-up visit; bad input stays in the dialog with its message and nothing is saved; a mediator
not on the case finds every button disabled."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from desktop.core.cases import matters
from desktop.core.cases.deadlines import office_today
from desktop.core.cases.performance import list_done, list_obligations
from desktop.core.cases.workflow import CaseStatus
from desktop.core.evidence.items import list_items
from desktop.core.storage.store import OpenStore
from desktop.core.trust.sign_in import SignedInUser
from desktop.ui.cases.outcome_dialog import OutcomeDialog
from desktop.ui.cases.performance_dialogs import DoneDialog, ObligationDialog
from desktop.ui.cases.visits_view import VisitDialog
from desktop.ui.cases.workspace import CaseWorkspace
from tests.qt_helpers import settled, type_text
from tests.test_outcomes import Mediation

OP_TIMEOUT = 30_000


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


@pytest.fixture
def mediation(sqlite_store: OpenStore) -> Mediation:
    return Mediation(sqlite_store)


def _workspace(qtbot: QtBot, mediation: Mediation, actor_name: str = "lihua") -> CaseWorkspace:
    actor = mediation.lihua if actor_name == "lihua" else mediation.wangwu
    workspace = CaseWorkspace(mediation.store, SignedInUser(actor), mediation.number)
    qtbot.addWidget(workspace)
    workspace.resize(1000, 680)
    workspace.show()
    qtbot.waitExposed(workspace)
    settled(qtbot, workspace)
    return workspace


def _save(qtbot: QtBot, workspace: CaseWorkspace, attempt: object) -> None:
    with qtbot.waitSignal(workspace.case_changed, timeout=OP_TIMEOUT):
        attempt()  # type: ignore[operator]
    qtbot.waitUntil(lambda: not workspace.dialogs, timeout=OP_TIMEOUT)
    settled(qtbot, workspace)


def test_outcome_performance_and_visit_in_the_window(qtbot: QtBot, mediation: Mediation,
                                                     tmp_path: Path) -> None:
    today = office_today()
    workspace = _workspace(qtbot, mediation)
    view = workspace.outcome
    workspace.tabs.setCurrentWidget(view)
    assert view.record_button.isEnabled() and not view.add_button.isEnabled()

    view.record_button.click()
    dialog = workspace.dialogs[-1]
    assert isinstance(dialog, OutcomeDialog)
    # The respondent has not signed: core refuses, the dialog stays open with the reason.
    dialog.signatures[1][1].setChecked(False)
    dialog.attempt()
    qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=OP_TIMEOUT)
    assert "云南普洱茶业有限公司" in dialog.message.text() and dialog.isVisible()
    dialog.signatures[1][1].setChecked(True)
    dialog.signatures[0][2].setDate(_qdate(today - timedelta(days=1)))
    _save(qtbot, workspace, dialog.attempt)
    assert view.outcome_text.text().splitlines()[0] == "Written agreement"
    assert f"In effect from {today}" in view.outcome_text.text()
    assert workspace.snapshot is not None and workspace.snapshot.info.status is CaseStatus.AGREEMENT
    assert not view.record_button.isEnabled() and view.add_button.isEnabled()

    view.add_button.click()
    obligation = workspace.dialogs[-1]
    assert isinstance(obligation, ObligationDialog)
    obligation.party.setCurrentIndex(obligation.party.findData(mediation.respondent))
    type_text(obligation.amount, "30,000")
    obligation.add_instalment("10000", today.isoformat())
    obligation.add_instalment("19999", (today + timedelta(days=30)).isoformat())
    obligation.attempt()
    qtbot.waitUntil(lambda: bool(obligation.message.text()), timeout=OP_TIMEOUT)
    assert "add up" in obligation.message.text()
    obligation.instalments.item(1, 0).setText("20000")
    _save(qtbot, workspace, obligation.attempt)
    assert view.obligations.topLevelItemCount() == 1
    first = view.obligations.topLevelItem(0)
    assert (first.text(2), first.text(4), first.childCount()) == ("30000.00", today.isoformat(), 2)

    view.obligations.setCurrentItem(first)
    assert view.done_button.isEnabled()
    view.done_button.click()
    done = workspace.dialogs[-1]
    assert isinstance(done, DoneDialog)
    assert done.amount.text() == "30000.00"  # what is still due, by default
    done.amount.setText("10000")
    type_text(done.description, "银行转账")
    receipt = tmp_path / "转账回单.pdf"
    receipt.write_bytes(b"%PDF-1.4 bank receipt")
    done.add_files([receipt])
    _save(qtbot, workspace, done.attempt)
    assert workspace.snapshot.info.status is CaseStatus.PERFORMING
    row = view.obligations.topLevelItem(0)
    assert (row.text(3), row.text(4), row.text(5)) == ("10000.00", (today + timedelta(days=30)).isoformat(),
                                                       "Partly performed")
    assert view.done_list.topLevelItemCount() == 1
    with mediation.database.session_scope() as session:
        items = list_items(session, mediation.number)
        assert [item.name for item in items] == ["转账回单.pdf"]
        assert list_done(session, mediation.number)[0].item_ids == (items[0].id,)

    visits = workspace.visits
    workspace.tabs.setCurrentWidget(visits)
    assert visits.add_button.isEnabled()
    visits.add_button.click()
    visit = workspace.dialogs[-1]
    assert isinstance(visit, VisitDialog)
    type_text(visit.visitors, "李华")
    type_text(visit.matter, "回访履行情况")
    type_text(visit.findings, "首期款已付")
    _save(qtbot, workspace, visit.attempt)
    assert visits.tree.topLevelItemCount() == 1
    assert visits.tree.topLevelItem(0).text(3) == "首期款已付"
    assert mediation.findings() == []


def test_a_mediator_not_on_the_case_has_every_button_disabled(qtbot: QtBot, mediation: Mediation) -> None:
    workspace = _workspace(qtbot, mediation, "wangwu")
    assert workspace.snapshot is not None and workspace.snapshot.read_only
    assert not workspace.outcome.record_button.isEnabled()
    assert workspace.outcome.record_outcome() is None
    assert not workspace.visits.add_button.isEnabled()
    with mediation.database.session_scope() as session:
        assert matters.find_case(session, mediation.number).status == CaseStatus.IN_MEDIATION
        assert list_obligations(session, mediation.number) == []


def test_a_cancelled_proof_intake_records_nothing(qtbot: QtBot, mediation: Mediation, tmp_path: Path) -> None:
    mediation.agree(office_today())
    from desktop.core.cases.performance import ObligationInput, ObligationKind, add_obligation
    with mediation.database.session_scope() as session:
        add_obligation(session, mediation.lihua, mediation.number,
                       ObligationInput(mediation.respondent, ObligationKind.APOLOGY, "致歉",
                                       due_on=office_today()))
    workspace = _workspace(qtbot, mediation)
    view = workspace.outcome
    view.obligations.setCurrentItem(view.obligations.topLevelItem(0))
    done = view.record_done()
    assert isinstance(done, DoneDialog) and not done.amount.isEnabled()  # an act has no sum
    type_text(done.description, "已致歉")
    big = tmp_path / "致歉视频.mp4"
    big.write_bytes(b"\0" * (64 << 20))
    done.add_files([big])
    op = done.attempt()
    assert op is not None
    op.cancel()
    qtbot.waitUntil(lambda: done.op is None, timeout=OP_TIMEOUT)
    settled(qtbot, workspace)
    with mediation.database.session_scope() as session:
        assert list_done(session, mediation.number) == []
        assert matters.find_case(session, mediation.number).status == CaseStatus.AGREEMENT
