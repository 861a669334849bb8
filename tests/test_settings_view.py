"""The Settings page: the office's idle lock (an administrator's setting, logged) and user management
for administrators only; every read and write off the GUI thread. (Real names, passwords, re-enabling
and the office's name: tests/test_settings_users.py.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.core.office import office
from desktop.core.office.settings import office_settings
from desktop.core.storage.store import OpenStore
from desktop.core.trust import ledger, users
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Role
from desktop.core.trust.sign_in import sign_in_user
from desktop.ui.main_window import MainWindow
from tests.qt_helpers import attached_window, settled, type_text

ADMIN_PASSWORD = "admin-password-1"


@pytest.fixture
def staffed(sqlite_store: OpenStore) -> OpenStore:
    with sqlite_store.database.session_scope() as session:
        office.create_office(session, "测试中心", "测调")
        admin = users.create_first_admin(session, "admin", ADMIN_PASSWORD, "张伟")
        users.add_user(session, admin, "wang", frozenset({Role.CLERK}), "clerk-password-1", "王强")
    return sqlite_store


def _settings_window(qtbot: QtBot, store: OpenStore, name: str, password: str) -> MainWindow:
    window = attached_window(qtbot, store, "测试中心", sign_in_user(store.database, name, password))
    window.show_page("settings")
    settled(qtbot, window, window.settings_page)
    return window


def _names(window: MainWindow) -> list[str]:
    table = window.settings_page.users.table
    return [table.item(row, 0).text() for row in range(table.rowCount())]


def test_administrator_adds_a_user(qtbot: QtBot, staffed: OpenStore) -> None:
    window = _settings_window(qtbot, staffed, "admin", ADMIN_PASSWORD)
    assert window.settings_page is not None and window.pages.currentWidget() is window.settings_page
    page = window.settings_page.users
    assert _names(window) == ["admin", "wang"]
    dialog = page.add_user()
    type_text(dialog.name_edit, "lihua")
    type_text(dialog.real_name_edit, "李华")
    dialog.role_checks.boxes[Role.NOTARY].setChecked(True)
    type_text(dialog.password_edit, "short")
    type_text(dialog.repeat_edit, "short")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "at least 10 characters" in dialog.message.text(), timeout=20_000)
    assert dialog.isVisible()
    type_text(dialog.password_edit, "-now-long")
    type_text(dialog.repeat_edit, "-now-long")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    qtbot.waitUntil(lambda: _names(window) == ["admin", "lihua", "wang"], timeout=20_000)
    assert page.table.item(1, 1).text() == "李华" and page.table.item(1, 2).text() == "Notary"
    assert users.sign_in(staffed.database, "lihua", "short-now-long").roles == {Role.NOTARY}


def test_administrator_changes_roles_and_disables(qtbot: QtBot, staffed: OpenStore) -> None:
    window = _settings_window(qtbot, staffed, "admin", ADMIN_PASSWORD)
    page = window.settings_page.users
    page.table.selectRow(1)
    dialog = page.edit_user()
    assert dialog.name_edit.text() == "wang" and dialog.role_checks.boxes[Role.CLERK].isChecked()
    dialog.role_checks.boxes[Role.MEDIATOR].setChecked(True)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.table.item(1, 2).text() == "Clerk, Mediator", timeout=20_000)

    page.table.selectRow(1)
    box = page.disable_user()
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: page.table.item(1, 3).text() == "disabled", timeout=20_000)

    page.table.selectRow(0)  # the last administrator keeps their role: the service says no
    dialog = page.edit_user()
    dialog.role_checks.boxes[Role.ADMIN].setChecked(False)
    dialog.role_checks.boxes[Role.CLERK].setChecked(True)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "last administrator" in dialog.message.text(), timeout=20_000)
    assert dialog.isVisible()


def test_non_administrators_see_no_user_management(qtbot: QtBot, staffed: OpenStore) -> None:
    window = _settings_window(qtbot, staffed, "wang", "clerk-password-1")
    page = window.settings_page.users
    assert page.not_admin.isVisible()
    assert not page.table.isVisible() and not page.add_button.isVisible()


def test_only_an_administrator_changes_the_idle_lock(qtbot: QtBot, staffed: OpenStore) -> None:
    clerk_window = _settings_window(qtbot, staffed, "wang", "clerk-password-1")
    page = clerk_window.settings_page.office
    assert page.idle_spin.value() == 15 and not page.idle_spin.isEnabled()
    assert not page.apply_button.isVisible()
    assert "administrator" in page.office_note.text()

    window = _settings_window(qtbot, staffed, "admin", ADMIN_PASSWORD)
    page = window.settings_page.office
    assert page.idle_spin.isEnabled() and page.apply_button.isVisible()
    assert not page.apply_button.isEnabled()  # nothing changed yet
    assert page.idle_spin.minimum() == 1  # the lock cannot be switched off (GB/T 22239 §8.1.4.1)
    page.idle_spin.setValue(4)
    page.idle_spin.setValue(3)  # stepping through values records nothing; Apply records once
    with staffed.database.session_scope() as session:
        before = ledger.size(session)
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    # Every open view hears of it: this window's idle watcher, and another window's page.
    qtbot.waitUntil(lambda: window.idle_watcher.limit_ms == 180_000, timeout=20_000)
    qtbot.waitUntil(lambda: clerk_window.idle_watcher.limit_ms == 180_000, timeout=20_000)
    assert not page.apply_button.isEnabled()
    with staffed.database.session_scope() as session:
        assert office_settings(session).idle_lock_minutes == 3
        added = [(entry.actor, entry.kind) for entry in ledger.iter_entries(session, before)]
    assert added == [("admin", EventKind.OFFICE_SETTING_CHANGED)]
