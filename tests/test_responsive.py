"""No widget calls core on the GUI thread: signing in, unlocking and adding a user (argon2id, most of a
second each at its real cost) leave the window live. A heartbeat timer on the GUI thread measures the
longest gap between its ticks while a user types and clicks through the real dialogs."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop.core.office import office
from desktop.core.storage.store import OpenStore
from desktop.core.trust import passwords, users
from desktop.core.trust.permissions import Role
from desktop.core.trust.sign_in import sign_in_user
from desktop.ui.sign_in.dialog import SignInDialog
from tests.qt_helpers import Heartbeat, attached_window, settled, type_text

# A stalled window shows seconds (argon2id alone is ~1.2 s here at the cost set below); a live one ticks
# every 10 ms. The bound leaves room for a 2-core machine running the suite's other worker (a thread holding
# the GIL can be descheduled: gaps of 100–250 ms were seen with the GUI thread idle) and is still a third of
# one password check, so a check on the GUI thread fails it.
LONGEST_GAP_MS = 400
TIMEOUT = 30_000


@pytest.fixture(autouse=True)
def office_machine_cost(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id at least as slow as on the office machines the issue measured (~0.75 s a check): the shipped
    parameters take ~0.1 s on this machine, close to the bound, so time_cost is raised to tell a
    stalled window from a live one beyond doubt. One lane (parallelism 1): four lanes on a two-core
    machine running the suite's workers starved the GUI thread of the CPU itself (a 320 ms gap with the
    GUI thread idle), which is the machine, not a widget calling core."""
    monkeypatch.setattr(passwords, "_HASHER", PasswordHasher(time_cost=20, memory_cost=64 * 1024,
                                                             parallelism=1))


@pytest.fixture
def staffed(sqlite_store: OpenStore) -> OpenStore:
    """An office, an administrator and a clerk, their passwords hashed at that cost."""
    with sqlite_store.database.session_scope() as session:
        office.create_office(session, "测试中心", "测调")
        admin = users.create_first_admin(session, "admin", "admin-password-1", "张伟")
        users.add_user(session, admin, "wang", frozenset({Role.CLERK}), "clerk-password-1", "王强")
    return sqlite_store


def test_signing_in_and_unlocking_leave_the_window_live(qtbot: QtBot, staffed: OpenStore) -> None:
    dialog = SignInDialog(staffed)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    heartbeat = Heartbeat()
    type_text(dialog.name_edit, "wang")
    type_text(dialog.password_edit, "not-the-password")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.text() == "Wrong user name or password.", timeout=TIMEOUT)
    type_text(dialog.password_edit, "clerk-password-1")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=TIMEOUT)
    heartbeat.stop()
    assert dialog.session is not None and dialog.session.actor.name == "wang"
    assert heartbeat.longest_gap < LONGEST_GAP_MS, f"the window stalled {heartbeat.longest_gap} ms"

    window = attached_window(qtbot, staffed, "测试中心", dialog.session)
    settled(qtbot, window)
    lock = window.lock()
    assert isinstance(lock, SignInDialog)
    heartbeat = Heartbeat()
    type_text(lock.password_edit, "clerk-password-1")
    qtbot.mouseClick(lock.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.lock_dialog is None, timeout=TIMEOUT)
    heartbeat.stop()
    assert window.splitter.isVisible()
    assert heartbeat.longest_gap < LONGEST_GAP_MS, f"the window stalled {heartbeat.longest_gap} ms"


def test_adding_a_user_leaves_the_window_live(qtbot: QtBot, staffed: OpenStore) -> None:
    window = attached_window(qtbot, staffed, "测试中心",
                             sign_in_user(staffed.database, "admin", "admin-password-1"))
    window.show_page("settings")
    page = window.settings_page.users
    settled(qtbot, window, window.settings_page)
    heartbeat = Heartbeat()
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    type_text(dialog.name_edit, "lihua")
    type_text(dialog.real_name_edit, "李华")
    dialog.role_checks.boxes[Role.NOTARY].setChecked(True)
    type_text(dialog.password_edit, "notary-password-1")
    type_text(dialog.repeat_edit, "notary-password-1")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: page.table.rowCount() == 3, timeout=TIMEOUT)
    heartbeat.stop()
    assert page.table.item(1, 0).text() == "lihua"
    assert heartbeat.longest_gap < LONGEST_GAP_MS, f"the window stalled {heartbeat.longest_gap} ms"
