"""The real app in its own process, the morning of a mediator's day (tests/test_mediator_day.py kills it):
signs in through its dialog, opens the case on the Cases page, schedules a sitting through the sitting
dialog (the case's parties, agent and mediator filled in as attendees), opens its minutes, types and
confirms the entries with key events (the speaker by Ctrl+number or by a prefix), types one more without
confirming, waits until that is kept as a draft, prints "ready SITTING_ID" and works on until killed.

    python -m tests.day_child DATA URL USER PASSWORD CASE_NUMBER
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from desktop.config import Settings
from desktop.ui.app import Launcher, application
from desktop.ui.cases.sitting_dialog import SittingDialog
from tests.qt_helpers import type_text

TIMEOUT = 60.0
PLACE, MATTER = "昆明市五华区人民调解室", "普洱茶商标侵权赔偿"
ATTENDEES = 4  # 张丽 (applicant, Ctrl+1), the company (respondent, 2), 周明 (agent, 3), 李华 (mediator, 4)
# (how the speaker is chosen: Ctrl+n or a prefix typed before the text, the role and name it gives, text)
ENTRIES: tuple[tuple[str, str, str, str], ...] = (
    ("ctrl+1", "applicant", "张丽", "我方要求被申请人停止销售侵权茶叶并赔偿损失三万元。"),
    ("云南：", "respondent", "云南普洱茶业有限公司", "我方同意下架，但认为赔偿数额过高。"),
    ("ctrl+4", "mediator", "李华", "请双方围绕赔偿数额陈述意见。"),
    ("2：", "respondent", "云南普洱茶业有限公司", "我方愿意分两期赔偿三万元。"),
)
UNCONFIRMED = ("ctrl+1", "applicant", "张丽", "申请人同意分两期，但要求第一期当日支付，")


def wait(app: QApplication, condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        app.processEvents()
        time.sleep(0.005)


def click(widget: QWidget) -> None:
    assert widget.isEnabled(), widget
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def speak(box: QWidget, how: str, text: str) -> None:
    """Choose the speaker as ``how`` says (Ctrl+n, or a typed prefix), then type ``text``."""
    if how.startswith("ctrl+"):
        QTest.keyClick(box, getattr(Qt.Key, f"Key_{how[-1]}"), Qt.KeyboardModifier.ControlModifier)
        type_text(box, text)
    else:
        type_text(box, how + text)


def main(data_dir: str, url: str, user: str, password: str, number: str) -> None:
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
    click(dialog.ok_button)
    wait(app, lambda: bool(ready), "signing in")
    window.resize(1024, 700)

    window.show_page("cases")
    page = window.cases_page
    assert page is not None
    workspace = page.open_case(number)
    wait(app, lambda: not workspace.loading and workspace.snapshot is not None, "the case opened")
    view = workspace.sittings
    workspace.tabs.setCurrentWidget(view)
    wait(app, lambda: not view.loading and view.new_button.isEnabled(), "the sittings listed")

    # 新建调解会: the attendees come from the case; the place and the matter are typed.
    click(view.new_button)
    sitting_dialog = view.dialog
    assert isinstance(sitting_dialog, SittingDialog)
    wait(app, lambda: sitting_dialog.table.rowCount() == ATTENDEES, "the attendees read from the case")
    sitting_dialog.when.setDateTime(QDateTime.currentDateTime().addSecs(-600))  # began ten minutes ago
    type_text(sitting_dialog.place, PLACE)
    type_text(sitting_dialog.matter, MATTER)
    scheduled: list[object] = []
    sitting_dialog.saved.connect(scheduled.append)
    click(sitting_dialog.ok_button)  # the dialog closes and is deleted once saved
    wait(app, lambda: bool(scheduled) and len(view.rows) == 1 and not view.loading, "the sitting scheduled")
    view.table.selectRow(0)
    click(view.open_button)
    editor = view.editor
    wait(app, lambda: editor.sitting is not None and not editor.loading and editor.box.isVisible(),
         "the minutes opened")

    for how, _role, _speaker, text in ENTRIES:
        speak(editor.box, how, text)
        QTest.keyClick(editor.box, Qt.Key.Key_Return)
    how, _role, _speaker, text = UNCONFIRMED
    speak(editor.box, how, text)
    # The draft is written after every entry before it (one write at a time, in order).
    wait(app, lambda: editor.draft_saved is not None and not editor.saving, "the draft kept")
    assert editor.sitting is not None
    print(f"ready {editor.sitting.id}", flush=True)
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5])
