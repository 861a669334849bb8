"""The issue's "Done when": the real app is killed (SIGKILL, a real child process) in the middle of a sitting,
after confirming entries and while an entry is being typed; started again on the same data folder, the
sitting opens with every confirmed entry, in order, and the unconfirmed text offered back (恢复未确认的内容).
On SQLite and PostgreSQL."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.config import Settings
from desktop.core.cases import minutes
from desktop.core.cases.sittings import AttendeeRole
from desktop.core.storage.store import open_store
from tests.minutes_child import UNCONFIRMED, entry_text
from tests.qt_helpers import close_window, launch_and_sign_in, settled
from tests.sitting_hall import MEDIATOR_PASSWORD, Hall

ENTRIES = 6
CHILD_TIMEOUT = 120
OP_TIMEOUT = 30_000


def test_a_killed_sitting_keeps_every_entry_and_the_draft(qtbot: QtBot, settings: Settings) -> None:
    store = open_store(settings)
    try:
        hall = Hall(store)
        sitting = hall.schedule()
        number = hall.number
    finally:
        store.close()
    command = [sys.executable, "-m", "tests.minutes_child", str(settings.data_dir),
               settings.database_url or "", "lihua", MEDIATOR_PASSWORD, number, str(sitting.id), str(ENTRIES)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             cwd=Path(__file__).resolve().parent.parent,
                             env={**_environment(), "QT_QPA_PLATFORM": "offscreen"})
    try:
        assert child.stdout is not None and child.stderr is not None
        first = child.stdout.readline().strip()
        assert first == "ready", child.stderr.read() if child.poll() is not None else first
        child.send_signal(signal.SIGKILL)  # a power cut: nothing of the app's shutdown runs
    finally:
        child.wait(timeout=CHILD_TIMEOUT)
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()
    assert child.returncode == -signal.SIGKILL

    # Started again: the window offers the kept text after sign-in, and the sitting has it all.
    launcher, window = launch_and_sign_in(qtbot, settings, "lihua", MEDIATOR_PASSWORD)
    assert window.calendar_page is not None
    qtbot.waitUntil(lambda: window.current_page_key() == "calendar", timeout=OP_TIMEOUT)
    assert window.calendar_page.drafts.count() == 1
    assert UNCONFIRMED in window.calendar_page.drafts.item(0).text()
    window.calendar_page.drafts.setCurrentRow(0)
    qtbot.keyClick(window.calendar_page.drafts, Qt.Key.Key_Return)
    assert window.cases_page is not None
    qtbot.waitUntil(lambda: window.current_page_key() == "cases", timeout=OP_TIMEOUT)
    workspace = window.cases_page.workspaces()[0]
    editor = workspace.sittings.editor
    qtbot.waitUntil(lambda: editor.sitting is not None and editor.sitting.id == sitting.id,
                    timeout=OP_TIMEOUT)
    settled(qtbot, editor)
    saved = editor.model.saved
    assert [info.text for info in saved] == [entry_text(index) for index in range(1, ENTRIES + 1)]
    assert [info.seq for info in saved] == list(range(1, ENTRIES + 1))
    speakers = [AttendeeRole.APPLICANT, AttendeeRole.MEDIATOR] * (ENTRIES // 2)
    assert [info.speaker_role for info in saved] == speakers
    assert editor.offer_bar.isVisible()
    assert UNCONFIRMED in editor.offer_label.text()
    assert editor.box.toPlainText() == ""
    qtbot.mouseClick(editor.restore_button, Qt.MouseButton.LeftButton)
    assert editor.box.toPlainText() == UNCONFIRMED
    assert not editor.offer_bar.isVisible()
    # Confirmed now: the entry is saved and the draft is gone.
    qtbot.keyClick(editor.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not editor.saving and len(editor.model.saved) == ENTRIES + 1, timeout=OP_TIMEOUT)
    assert editor.model.saved[-1].text == UNCONFIRMED
    assert launcher.store is not None and window.signed_in is not None
    with launcher.store.database.session_scope() as session:
        assert minutes.draft_of(session, window.signed_in.actor, sitting.id) is None
    close_window(qtbot, window)


def _environment() -> dict[str, str]:
    import os

    return {key: value for key, value in os.environ.items() if not key.startswith("MEDISEAL_")}
