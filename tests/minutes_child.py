"""The real app in its own process, in the middle of a sitting (tests/test_minutes_crash.py kills it):
signs in through its dialog, opens the case's sitting in the minutes editor, types and confirms the
entries with key events, types one more without confirming, waits until that is kept as a draft, prints
"ready" and works on until killed.

    python -m tests.minutes_child DATA URL USER PASSWORD CASE_NUMBER SITTING_ID COUNT
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.config import Settings
from desktop.ui.app import Launcher, application
from tests.qt_helpers import type_text

TIMEOUT = 60.0
UNCONFIRMED = "被申请人称其不知道商标已注册，"


def entry_text(number: int) -> str:
    return f"第{number}条：申请人要求停止销售侵权商品并赔偿损失。"


def wait(app: QApplication, condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        app.processEvents()
        time.sleep(0.005)


def main(data_dir: str, url: str, user: str, password: str, number: str, sitting_id: int, count: int) -> None:
    app = application()
    launcher = Launcher(Settings(data_dir=Path(data_dir), database_url=url or None, lang=None))
    window = launcher.start()
    wait(app, lambda: launcher.sign_in is not None and launcher.sign_in.isVisible(), "the sign-in dialog")
    dialog = launcher.sign_in
    assert dialog is not None
    type_text(dialog.name_edit, user)
    type_text(dialog.password_edit, password)
    ready: list[bool] = []
    launcher.ready.connect(lambda: ready.append(True))
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait(app, lambda: bool(ready), "signing in")
    window.resize(1024, 700)
    window.open_sitting(number, sitting_id)
    assert window.cases_page is not None
    workspace = window.cases_page.open_case(number)
    editor = workspace.sittings.editor
    wait(app, lambda: editor.sitting is not None and not editor.loading and editor.box.isVisible(),
         "the sitting opened")
    for index in range(1, count + 1):
        if index % 2 == 0:
            QTest.keyClick(editor.box, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        else:
            QTest.keyClick(editor.box, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
        type_text(editor.box, entry_text(index))
        QTest.keyClick(editor.box, Qt.Key.Key_Return)
    type_text(editor.box, UNCONFIRMED)
    # The draft is written after every entry before it (one write at a time, in order).
    wait(app, lambda: editor.draft_saved is not None and not editor.saving, "the draft kept")
    print("ready", flush=True)
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6]), int(sys.argv[7]))
