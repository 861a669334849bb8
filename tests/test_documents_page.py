"""The side bar's Documents page (文书, issue 12), pytest-qt on SQLite with real widgets: the office's
documents of two cases newest first, narrowed by kind and by a search; a double-click opens the case on
its Documents tab; the list of agreements awaiting an application for judicial confirmation shows the
last day and flips to "Made" once the clerk generates the application; Verify a Document… opens the
dialog."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from desktop.config import Settings
from desktop.core.cases import parties
from desktop.core.cases.deadlines import confirmation_deadline, office_today
from desktop.core.cases.outcomes import OutcomeInput, OutcomeKind, Signing, record_outcome
from desktop.core.documents.generation import DocumentKind, generate
from desktop.core.office.courts import add_demo_courts
from desktop.core.office.office import CASE_NUMBER_CLOSE, CASE_NUMBER_OPEN
from desktop.core.storage.datafolder import DATABASE_FILE_NAME
from desktop.core.storage.store import open_store
from desktop.core.trust import users
from desktop.ui.cases.page import CasesPage
from desktop.ui.documents.documents_page import (
    CASE,
    DOCUMENT,
    DUE_APPLICATION,
    DUE_CASE,
    DUE_LAST,
    DocumentsPage,
)
from desktop.ui.documents.verify_dialog import VerifyDocumentDialog
from desktop.ui.main_window import MainWindow
from tests.qt_helpers import Heartbeat, launch_and_sign_in, settled, type_text
from tests.test_clerk_documents import CLERK, CLERK_PASSWORD, OP_TIMEOUT, _choose, _generate, _new_document
from tests.test_documents import NOW, Office
from tests.test_every_document_in_the_window import _mediating


@pytest.fixture
def office_folder(tmp_path: Path, sqlite_template: Path) -> tuple[Settings, str, str]:
    """Two cases with documents (a registration form, then a rights notice of the other case an hour
    later); the first has a written agreement in force from today."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copyfile(sqlite_template, data_dir / DATABASE_FILE_NAME)
    settings = Settings(data_dir=data_dir, database_url=None, lang=None)
    store = open_store(settings)
    try:
        place = Office(store)
        admin = users.sign_in(store.database, "admin", "admin-password-1")
        with store.database.session_scope() as session:
            add_demo_courts(session, admin, now=NOW)
        agreed = _mediating(store, place)
        other = place.case()
        today = office_today()
        with store.database.session_scope() as session:
            signings = tuple(Signing(party.id, today) for party in parties.list_parties(session, agreed))
            record_outcome(session, place.lihua, agreed, OutcomeInput(
                OutcomeKind.WRITTEN_AGREEMENT, signings=signings, mediator_signed_on=today))
        with store.database.session_scope() as session:
            generate(session, place.clerk, DocumentKind.REGISTRATION, agreed, None, now=NOW)
        with store.database.session_scope() as session:
            generate(session, place.clerk, DocumentKind.RIGHTS_NOTICE, other, None,
                     now=NOW + timedelta(hours=1))
    finally:
        store.close()
    return settings, agreed, other


def _page(qtbot: QtBot, window: MainWindow) -> DocumentsPage:
    window.show_page("documents")
    page = window.documents_page
    assert isinstance(page, DocumentsPage) and page.isVisible()
    settled(qtbot, page)
    return page


def _column(table: QTableWidget, column: int) -> list[str]:
    return [table.item(row, column).text() for row in range(table.rowCount())]


def test_the_register_filters_opens_cases_and_tracks_the_application(
        qtbot: QtBot, office_folder: tuple[Settings, str, str]) -> None:
    settings, agreed, other = office_folder
    launcher, window = launch_and_sign_in(qtbot, settings, CLERK, CLERK_PASSWORD, OP_TIMEOUT)
    try:
        beat = Heartbeat()
        page = _page(qtbot, window)
        # Both cases' documents, the newest first.
        assert _column(page.table, CASE) == [other, agreed]
        assert _column(page.table, DOCUMENT) == ["Notice of rights and duties", "Registration form"]
        assert page.count_label.text() == "2 document(s)"

        # The kind narrows it ...
        _choose(page.kind_combo, DocumentKind.REGISTRATION)
        settled(qtbot, page)
        assert _column(page.table, CASE) == [agreed]
        _choose(page.kind_combo, None)
        settled(qtbot, page)
        assert page.table.rowCount() == 2
        # ... and so does a search: the number typed with ASCII brackets finds the full-width one.
        typed = other.replace(CASE_NUMBER_OPEN, "(").replace(CASE_NUMBER_CLOSE, ")")
        type_text(page.search, typed)
        qtbot.waitUntil(lambda: _column(page.table, CASE) == [other], timeout=OP_TIMEOUT)
        page.search.clear()
        qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=OP_TIMEOUT)
        settled(qtbot, page)

        # The to-do list: the agreement in force, its last day, no application yet.
        last_day = confirmation_deadline(office_today()).last_day
        assert page.due_table.isVisible() and not page.due_empty.isVisible()
        assert _column(page.due_table, DUE_CASE) == [agreed]
        assert _column(page.due_table, DUE_LAST) == [last_day.isoformat()]
        assert _column(page.due_table, DUE_APPLICATION) == ["Not made yet"]

        # A double-click opens the case on its Documents tab.
        row = _column(page.table, CASE).index(agreed)
        rect = page.table.visualRect(page.table.model().index(row, CASE))
        where = rect.center()
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=where)  # as a user does
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
        cases = window.cases_page
        assert isinstance(cases, CasesPage)
        qtbot.waitUntil(lambda: cases.isVisible(), timeout=OP_TIMEOUT)
        workspace = cases.tabs.currentWidget()
        assert getattr(workspace, "number", None) == agreed
        view = workspace.documents  # type: ignore[union-attr]
        assert workspace.tabs.currentWidget() is view  # type: ignore[union-attr]
        settled(qtbot, view)

        # The clerk makes the application there; back on the page, the case says it was made.
        dialog = _new_document(qtbot, view)
        _choose(dialog.kind, DocumentKind.APPLICATION.value)
        made = _generate(qtbot, view, dialog)
        assert made.kind is DocumentKind.APPLICATION
        page = _page(qtbot, window)
        qtbot.waitUntil(lambda: _column(page.due_table, DUE_APPLICATION) == ["Already made"],
                        timeout=OP_TIMEOUT)
        assert _column(page.table, CASE) == [agreed, other, agreed]
        assert page.table.item(0, DOCUMENT).text() == "Application for judicial confirmation"

        # Verify a Document… opens the dialog.
        qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
        verify = page.findChild(VerifyDocumentDialog)
        assert verify is not None
        qtbot.waitUntil(verify.isVisible, timeout=OP_TIMEOUT)
        verify.reject()

        # A double-click on the to-do list opens that case too, on its Documents tab.
        workspace.tabs.setCurrentIndex(0)  # type: ignore[union-attr]
        window.show_page("calendar")
        qtbot.waitUntil(lambda: not cases.isVisible(), timeout=OP_TIMEOUT)
        page = _page(qtbot, window)
        where = page.due_table.visualRect(page.due_table.model().index(0, DUE_CASE)).center()
        qtbot.mouseClick(page.due_table.viewport(), Qt.MouseButton.LeftButton, pos=where)
        qtbot.mouseDClick(page.due_table.viewport(), Qt.MouseButton.LeftButton, pos=where)
        qtbot.waitUntil(lambda: cases.isVisible(), timeout=OP_TIMEOUT)
        assert cases.tabs.currentWidget() is workspace and workspace.tabs.currentWidget() is view  # type: ignore[union-attr]
        assert beat.stop() < 1000, "the window froze"
        window.close()
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=OP_TIMEOUT)
    finally:
        launcher.shutdown()
