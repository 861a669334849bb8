"""The workspace's sittings tab and the calendar page, through their real widgets on SQLite: a new sitting
filled in from the case (its parties and mediators), saved and listed; a place required unless online (the
refusal in view, nothing lost); an edit; a cancellation with its reason; the calendar listing the upcoming
sittings of the mediator's cases and opening one in its case."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QDateTime, Qt
from pytestqt.qtbot import QtBot

from desktop.core.cases import sittings
from desktop.core.cases.sittings import AttendeeRole, SittingKind, SittingState
from desktop.core.storage.store import OpenStore
from desktop.core.trust.sign_in import SignedInUser
from desktop.ui.cases.sitting_dialog import SittingDialog
from desktop.ui.cases.sittings_view import SittingsView
from desktop.ui.cases.workspace import CaseWorkspace
from tests.qt_helpers import attached_window, close_window, settled, type_text
from tests.sitting_hall import Hall

OP_TIMEOUT = 30_000


@pytest.fixture
def hall(sqlite_store: OpenStore) -> Hall:
    return Hall(sqlite_store)


def _view(qtbot: QtBot, hall: Hall) -> SittingsView:
    workspace = CaseWorkspace(hall.store, SignedInUser(hall.lihua), hall.number)
    qtbot.addWidget(workspace)
    workspace.resize(1000, 660)
    workspace.show()
    qtbot.waitExposed(workspace)
    settled(qtbot, workspace)
    workspace.tabs.setCurrentWidget(workspace.sittings)
    return workspace.sittings


def _save(qtbot: QtBot, view: SittingsView, dialog: SittingDialog) -> None:
    with qtbot.waitSignals([view.changed, dialog.finished], timeout=OP_TIMEOUT):
        dialog.attempt()
    qtbot.waitUntil(lambda: not view.reader.loading, timeout=OP_TIMEOUT)


def test_a_new_sitting_is_filled_in_from_the_case(qtbot: QtBot, hall: Hall) -> None:
    view = _view(qtbot, hall)
    assert view.table.rowCount() == 0 and not view.open_button.isEnabled()
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, SittingDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=OP_TIMEOUT)
    assert [(attendee.role, attendee.name) for attendee in dialog.attendees()] == [
        (AttendeeRole.APPLICANT, "张丽"), (AttendeeRole.MEDIATOR, "李华")]
    assert dialog.attendees()[0].party_id == hall.party_id and dialog.attendees()[1].login == "lihua"
    assert not dialog.has_unsaved_edits()
    # A recorder joins; the place is required unless the sitting is online.
    qtbot.mouseClick(dialog.findChild(type(view.new_button), "addAttendee"), Qt.MouseButton.LeftButton)
    dialog.table.item(2, 1).setText("孙琳")
    role = dialog.table.cellWidget(2, 0)
    role.setCurrentIndex(role.findData("recorder"))  # type: ignore[attr-defined]
    type_text(dialog.matter, "商标侵权赔偿")
    assert dialog.has_unsaved_edits()
    dialog.attempt()
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=OP_TIMEOUT)
    assert dialog.isVisible() and dialog.matter.text() == "商标侵权赔偿"
    type_text(dialog.place, "昆明市五华区调解室")
    _save(qtbot, view, dialog)
    assert view.table.rowCount() == 1
    with hall.database.session_scope() as session:
        [info] = sittings.list_sittings(session, hall.number)
    assert info.kind is SittingKind.MEDIATION
    assert (info.place, info.matter) == ("昆明市五华区调解室", "商标侵权赔偿")
    roles = [AttendeeRole.APPLICANT, AttendeeRole.MEDIATOR, AttendeeRole.RECORDER]
    assert [attendee.role for attendee in info.attendees] == roles
    assert view.table.item(0, 3).text() == "昆明市五华区调解室"

    # Edited: online now.
    view.table.selectRow(0)
    qtbot.mouseClick(view.edit_button, Qt.MouseButton.LeftButton)
    edit = view.dialog
    assert isinstance(edit, SittingDialog) and edit.place.text() == "昆明市五华区调解室"
    edit.online.setChecked(True)
    _save(qtbot, view, edit)
    with hall.database.session_scope() as session:
        assert sittings.sitting_info(session, info.id).online

    # Cancelled, with its reason.
    view.table.selectRow(0)
    assert view.cancel_button.isEnabled()
    qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
    box = view.dialog
    assert box is not None
    with qtbot.waitSignal(view.changed, timeout=OP_TIMEOUT):
        box.setTextValue("被申请人请求改期")  # type: ignore[attr-defined]
        box.accept()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not view.reader.loading, timeout=OP_TIMEOUT)
    with hall.database.session_scope() as session:
        assert sittings.sitting_info(session, info.id).state is SittingState.CANCELLED
    assert not view.edit_button.isEnabled() and not view.cancel_button.isEnabled()


def test_the_sitting_time_is_the_one_typed(qtbot: QtBot, hall: Hall) -> None:
    view = _view(qtbot, hall)
    dialog = view.new_sitting()
    assert dialog is not None
    local = datetime(2026, 12, 3, 14, 30)
    dialog.when.setDateTime(QDateTime(local))
    type_text(dialog.place, "调解室")
    _save(qtbot, view, dialog)
    with hall.database.session_scope() as session:
        [info] = sittings.list_sittings(session, hall.number)
    assert info.starts_at == local.astimezone(UTC)
    assert view.table.item(0, 0).text() == "2026-12-03 14:30"


def test_the_calendar_lists_upcoming_sittings_and_opens_one(qtbot: QtBot, hall: Hall) -> None:
    soon = datetime.now(UTC) + timedelta(days=2)
    with hall.database.session_scope() as session:
        later = sittings.schedule_sitting(session, hall.lihua, hall.number, SittingKind.MEDIATION,
                                          soon + timedelta(days=1), place="第二调解室")
        first = sittings.schedule_sitting(session, hall.lihua, hall.number, SittingKind.INVESTIGATION, soon,
                                          place="被申请人店铺")
        sittings.schedule_sitting(session, hall.lihua, hall.number, SittingKind.MEDIATION,
                                  soon + timedelta(days=40), place="太远了")
    window = attached_window(qtbot, hall.store, "昆明市知识产权纠纷人民调解委员会", SignedInUser(hall.lihua))
    page = window.calendar_page
    assert page is not None
    window.show_page("calendar")
    settled(qtbot, page)
    assert page.table.rowCount() == 2
    assert [page.table.item(row, 3).text() for row in range(2)] == ["被申请人店铺", "第二调解室"]
    assert page.table.item(0, 1).text() == hall.number
    page.span_combo.setCurrentIndex(page.span_combo.findData(90))
    settled(qtbot, page)
    assert page.table.rowCount() == 3
    page.table.setCurrentCell(1, 0)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "cases" and window.cases_page is not None
    editor = window.cases_page.workspaces()[0].sittings.editor
    qtbot.waitUntil(lambda: editor.sitting is not None and editor.sitting.id == later.id
                    and editor.isVisible(), timeout=OP_TIMEOUT)
    assert first.id != later.id
    window.ready_to_close = True
    close_window(qtbot, window)
