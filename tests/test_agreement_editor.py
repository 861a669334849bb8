"""The agreement editor (人民调解协议书) driven through its real widgets (pytest-qt, SQLite): opened for a
case in mediation, clauses added from the templates of its type, a sum typed (what is not money refused as it
is typed), the live preview rendered off the GUI thread after a pause in typing (never two renders at once),
problems listed by field (choosing one moves the keyboard there) and cleared, a 确权 clause warned about,
a character the font lacks said above the preview while the old one stays, Ctrl+S saving a version, a
stale save keeping what was typed, reopening loading the saved draft, unsaved changes asked about, and
finalising with the mediator's password: read-only afterwards, the case moved to 达成协议."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.core.documents import agreement
from desktop.core.storage.store import OpenStore
from desktop.core.trust.sign_in import SignedInUser
from desktop.ui.documents.agreement_editor import AgreementEditor
from tests.qt_helpers import settled, type_text
from tests.test_agreements import Table
from tests.test_case_workspace import OP_TIMEOUT
from tests.test_case_workspace import chinese as chinese  # the fixture

PASSWORD = "mediator-pass-1"


@pytest.fixture
def backend() -> str:
    return "sqlite"  # a GUI test: SQLite only (the services are tested on both)


@pytest.fixture
def table(store: OpenStore) -> Table:
    return Table(store)


@pytest.fixture
def render_threads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The names of the threads ``render_draft`` ran on, for the editor's renders."""
    threads: list[str] = []
    real = agreement.render_draft

    def recording(*args: Any, **kwargs: Any) -> bytes:
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(agreement, "render_draft", recording)
    yield threads


def _editor(qtbot: QtBot, table: Table, number: str) -> AgreementEditor:
    editor = AgreementEditor(table.store, SignedInUser(table.lihua), number)
    qtbot.addWidget(editor)
    editor.resize(1024, 700)
    editor.show()
    qtbot.waitExposed(editor)
    _rendered(qtbot, editor)
    return editor


def _rendered(qtbot: QtBot, editor: AgreementEditor) -> None:
    """Wait until the editor has read, saved and rendered what it was asked to."""
    settled(qtbot, editor, timeout=OP_TIMEOUT)


def _replace(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Select all in ``widget`` and type ``text`` over it, as a user would."""
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(widget, Qt.Key.Key_Delete)
    type_text(widget, text)


def test_the_editor_opens_with_a_suggested_start_and_renders_it(qtbot: QtBot, table: Table,
                                                               render_threads: list[str],
                                                               chinese: None) -> None:
    number = table.mediating()
    editor = _editor(qtbot, table, number)
    assert editor.pdf.page_count > 0
    assert render_threads and threading.main_thread().name not in render_threads
