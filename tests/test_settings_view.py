"""The Settings page: idle-lock minutes, and user management for administrators only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.core.office import office
from desktop.core.storage.store import OpenStore
from desktop.core.trust import users
from desktop.core.trust.permissions import Role
from desktop.core.trust.sign_in import sign_in_user
from desktop.ui.main_window import MainWindow
from tests.qt_helpers import attached_window, type_text

ADMIN_PASSWORD = "admin-password-1"


@pytest.fixture
def staffed(sqlite_store: OpenStore) -> OpenStore:
    with sqlite_store.database.session_scope() as session:
        office.create_office(session, "测试中心", "测调")
        admin = users.create_first_admin(session, "admin", ADMIN_PASSWORD)
        users.add_user(session, admin, "wang", frozenset({Role.CLERK}), "clerk-password-1")
    return sqlite_store


def _settings_window(qtbot: QtBot, store: OpenStore, name: str, password: str) -> MainWindow:
    window = attached_window(qtbot, store, "测试中心", sign_in_user(store.database, name, password))
    window.show_page("settings")
    return window


def _names(window: MainWindow) -> list[str]:
    table = window.settings_page.table
    return [table.item(row, 0).text() for row in range(table.rowCount())]


def test_administrator_adds_a_user(qtbot: QtBot, staffed: OpenStore) -> None:
    window = _settings_window(qtbot, staffed, "admin", ADMIN_PASSWORD)
    page = window.settings_page
    assert page is not None and window.pages.currentWidget() is page
    assert _names(window) == ["admin", "wang"]
    dialog = page.add_user()
    type_text(dialog.name_edit, "lihua")
    dialog.role_checks.boxes[Role.NOTARY].setChecked(True)
    type_text(dialog.password_edit, "short")
    type_text(dialog.repeat_edit, "short")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "at least 10 characters" in dialog.message.text()
    type_text(dialog.password_edit, "-now-long")
    type_text(dialog.repeat_edit, "-now-long")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert _names(window) == ["admin", "lihua", "wang"]
    assert page.table.item(1, 1).text() == "Notary"
    assert users.sign_in(staffed.database, "lihua", "short-now-long").roles == {Role.NOTARY}


def test_administrator_changes_roles_and_disables(qtbot: QtBot, staffed: OpenStore) -> None:
    window = _settings_window(qtbot, staffed, "admin", ADMIN_PASSWORD)
    page = window.settings_page
    page.table.selectRow(1)
    dialog = page.change_roles()
    assert dialog.name_edit.text() == "wang" and dialog.role_checks.boxes[Role.CLERK].isChecked()
    dialog.role_checks.boxes[Role.MEDIATOR].setChecked(True)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert page.table.item(1, 1).text() == "Clerk, Mediator"

    page.table.selectRow(1)
    box = page.disable_user()
    box.button(QMessageBox.StandardButton.Yes).click()
    assert page.table.item(1, 2).text() == "disabled"

    page.table.selectRow(0)  # the last administrator keeps their role: the service says no
    dialog = page.change_roles()
    dialog.role_checks.boxes[Role.ADMIN].setChecked(False)
    dialog.role_checks.boxes[Role.CLERK].setChecked(True)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "last administrator" in dialog.message.text()


def test_non_administrators_see_no_user_management(qtbot: QtBot, staffed: OpenStore) -> None:
    window = _settings_window(qtbot, staffed, "wang", "clerk-password-1")
    page = window.settings_page
    assert page.not_admin.isVisible()
    assert not page.table.isVisible() and not page.add_button.isVisible()


def test_idle_minutes_are_set_on_the_page(qtbot: QtBot, staffed: OpenStore) -> None:
    window = _settings_window(qtbot, staffed, "wang", "clerk-password-1")
    window.settings_page.idle_spin.setValue(3)
    assert window.idle_lock_minutes() == 3 and window.idle_watcher.limit_ms == 180_000
