"""The Case file tab (卷宗) in the window, driven through its real widgets (pytest-qt, SQLite): the checklist
in order with present / missing and the required parts marked, scanned papers added to a part on a worker
thread, the cover saved, the Archive button asking for a reason while the file is incomplete, and the whole
workspace read-only once archived."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.core.cases.cover import Retention
from desktop.core.cases.file_parts import FilePart
from desktop.core.cases.outcomes import OutcomeInput, OutcomeKind, record_outcome
from desktop.core.cases.workflow import CaseStatus
from desktop.core.storage.store import OpenStore
from desktop.ui.cases.case_file_view import CaseFileView
from tests.qt_helpers import settled
from tests.test_case_file import NOW, Desk
from tests.test_case_workspace import OP_TIMEOUT, _workspace
from tests.test_case_workspace import chinese as chinese  # the fixture


@pytest.fixture
def backend() -> str:
    return "sqlite"  # a GUI test: SQLite only (the services are tested on both)


def _rows(view: CaseFileView) -> list[tuple[str, str]]:
    tree = view.checklist
    return [(tree.topLevelItem(row).text(0), tree.topLevelItem(row).text(1))
            for row in range(tree.topLevelItemCount())]


def _wait(qtbot: QtBot, view: CaseFileView) -> None:
    qtbot.waitUntil(lambda: view.op is None, timeout=OP_TIMEOUT)
    settled(qtbot, view)


def test_the_case_file_tab_from_papers_to_archiving(qtbot: QtBot, store: OpenStore, tmp_path: Path,
                                                     chinese: None) -> None:
    desk = Desk(store, tmp_path)
    workspace = _workspace(qtbot, store, desk.lihua, desk.number)
    view = workspace.case_file
    workspace.tabs.setCurrentWidget(view)
    assert workspace.tabs.tabText(workspace.tabs.indexOf(view)).startswith("卷宗")
    settled(qtbot, view)
    rows = _rows(view)
    assert len(rows) == 13 and rows[0][0] == "1. 申请书或受理登记表" and rows[0][1].startswith("已有")
    assert rows[2][1] == "缺 · 必备" and rows[3][1] == "缺 · 必备（有代理人）"  # the case has an agent
    assert rows[5][1] == "缺"  # evidence: not required
    assert "权利义务告知书" in view.missing.text() and view.reason.isVisible()

    # Scanned papers into part 3, on a worker thread.
    view.part_choice.setCurrentIndex(view.part_choice.findData(FilePart.IDENTITY))
    scans = [desk.scan("张丽身份证正面.jpg"), desk.scan("张丽身份证反面.jpg")]
    with qtbot.waitSignal(view.changed, timeout=OP_TIMEOUT):
        assert view.add_papers(scans) is not None
    _wait(qtbot, view)
    identity = view.checklist.topLevelItem(2)
    assert identity.text(1) == "已有（2） · 必备" and identity.childCount() == 2
    assert identity.child(0).text(0) == "张丽身份证正面.jpg"

    # The cover.
    view.file_number.setText("2026-调-007")
    view.retention.setCurrentIndex(view.retention.findData(Retention.PERMANENT))
    view.file_note.setPlainText("申请人撤回，材料不全。")
    assert workspace.has_unsaved_edits()  # closing the case's tab would ask first
    view.refresh()  # another seat's change read meanwhile: what is typed stays
    _wait(qtbot, view)
    assert view.file_number.text() == "2026-调-007"
    with qtbot.waitSignal(view.changed, timeout=OP_TIMEOUT):
        view.save_cover_button.click()
    _wait(qtbot, view)
    assert view.view is not None and view.view.cover.version == 1
    assert not workspace.has_unsaved_edits() and view.file_number.text() == "2026-调-007"
    assert _rows(view)[11][1].startswith("已有")  # the note on the file is part 12
    assert "李华" in view.derived.text()

    # Not archivable while in mediation; after the withdrawal it is, with a reason for what is missing.
    assert not view.archive_button.isEnabled()
    with desk.database.session_scope() as session:
        record_outcome(session, desk.lihua, desk.number,
                       OutcomeInput(OutcomeKind.WITHDRAWN, reason="申请人撤回"), now=NOW)
    workspace.refresh()
    view.refresh()
    settled(qtbot, workspace, view)
    assert CaseStatus.CLOSED not in workspace.overview.move_buttons  # closing is archiving
    assert view.archive_button.isEnabled()
    view.archive_button.click()
    assert view.confirm is None and "缺少" in view.error.text()  # no reason: refused before asking
    view.reason.setText("申请人撤回申请，未召开调解会")
    view.archive_button.click()
    box = view.confirm
    assert box is not None and box.isVisible()
    with qtbot.waitSignal(workspace.case_changed, timeout=OP_TIMEOUT):
        box.button(QMessageBox.StandardButton.Yes).click()
    _wait(qtbot, view)
    settled(qtbot, workspace)
    assert workspace.snapshot is not None and workspace.snapshot.info.status is CaseStatus.CLOSED
    assert workspace.read_only.isVisible() and "已结案归档" in workspace.read_only.text()
    assert not view.add_button.isEnabled() and not view.archive_button.isEnabled()
    assert not view.save_cover_button.isEnabled() and not view.reason.isVisible()
    assert _rows(view)[12][1].startswith("已有")  # the back cover, once archived
    assert not workspace.overview.move_buttons
    assert "李华（lihua）" in view.derived.text()  # who filed it, by real name (立卷人)
