"""The main window, first-start wizard, remembered view state, About and crash dialogs (offscreen)."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard
from pytestqt.qtbot import QtBot

from desktop.config import Settings
from desktop.core.office import office
from desktop.core.office.settings import set_idle_lock_minutes
from desktop.core.storage.store import OpenStore, open_store
from desktop.core.trust import checkpoints, ledger, signing_keys, users
from desktop.core.trust.permissions import Role
from desktop.core.verification.ledger import verify_ledger
from desktop.ui import app
from desktop.ui.app import Launcher
from desktop.ui.framework.errors import install_excepthook
from desktop.ui.main_window import MainWindow
from desktop.ui.setup.wizard import SetupWizard
from tests.qt_helpers import attached_window, close_window, settled, type_text


def _window(qtbot: QtBot, store: OpenStore) -> MainWindow:
    return attached_window(qtbot, store, "测试调解中心")


def _message_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_window_has_menus_side_bar_and_status(qtbot: QtBot, sqlite_store: OpenStore) -> None:
    window = _window(qtbot, sqlite_store)
    menus = [action.text() for action in window.menuBar().actions()]
    assert [text.replace("&", "") for text in menus] == [
        "File", "Edit", "View", "Case", "Evidence", "Tools", "Help"]
    mnemonics = [text[text.index("&") + 1].lower() for text in menus]
    assert len(set(mnemonics)) == len(menus), "two menus share an Alt+ key"
    titles = [window.side_bar.item(row).text() for row in range(window.side_bar.count())]
    assert titles == ["Cases", "Evidence", "Documents", "Ledger", "Statistics", "Sittings", "Settings"]
    assert str(sqlite_store.folder.root) in window.folder_label.text()
    assert window.database_label.text() == "Database: SQLite"
    assert "测试调解中心" in window.windowTitle()


def test_side_bar_switches_pages(qtbot: QtBot, sqlite_store: OpenStore) -> None:
    window = _window(qtbot, sqlite_store)
    for row, key in enumerate(window.page_keys):
        item_rect = window.side_bar.visualItemRect(window.side_bar.item(row))
        qtbot.mouseClick(window.side_bar.viewport(), Qt.MouseButton.LeftButton, pos=item_rect.center())
        assert window.pages.currentWidget().objectName() == f"page_{key}"
        assert window.current_page_key() == key


def test_keyboard_shortcut_switches_pages(qtbot: QtBot, sqlite_store: OpenStore) -> None:
    window = _window(qtbot, sqlite_store)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.side_bar.setFocus()
    qtbot.keyClick(window.side_bar, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "ledger"
    qtbot.keyClick(window.side_bar, Qt.Key.Key_Up)
    assert window.current_page_key() == "documents"


def test_view_state_persists_across_restart(qtbot: QtBot, sqlite_store: OpenStore) -> None:
    window = _window(qtbot, sqlite_store)
    window.resize(700, 500)  # within the offscreen screen (800x600)
    window.splitter.setSizes([230, 470])
    window.show_page("statistics")
    sizes = window.splitter.sizes()
    close_window(qtbot, window)

    again = _window(qtbot, sqlite_store)
    assert again.size().width() == 700 and again.size().height() == 500
    assert again.splitter.sizes() == sizes
    assert again.current_page_key() == "statistics"
    assert (sqlite_store.folder.root / "ui.ini").exists()


def test_side_bar_can_be_hidden(qtbot: QtBot, sqlite_store: OpenStore) -> None:
    window = _window(qtbot, sqlite_store)
    window.side_bar_action.trigger()
    assert not window.side_bar.isVisible()
    window.side_bar_action.trigger()
    assert window.side_bar.isVisible()


def test_about_dialog_names_versions_and_folder(qtbot: QtBot, sqlite_store: OpenStore) -> None:
    window = _window(qtbot, sqlite_store)
    dialog = window.show_about()
    qtbot.waitExposed(dialog)
    text = dialog.text()
    for needle in ("Mediseal", "Python", "Qt", "PySide6", "SQLAlchemy", "Schema",
                   str(sqlite_store.folder.root), "mediseal.log"):
        assert needle in text
    dialog.accept()


def _wait_for_wizard(qtbot: QtBot, launcher: Launcher) -> SetupWizard:
    qtbot.waitUntil(lambda: launcher.wizard is not None and launcher.wizard.isVisible(), timeout=20_000)
    assert launcher.wizard is not None
    return launcher.wizard


def test_first_start_wizard_records_office_and_administrator(qtbot: QtBot, empty_settings: Settings) -> None:
    launcher = Launcher(empty_settings)
    window = launcher.start()
    qtbot.addWidget(window)
    qtbot.waitExposed(window)  # the window shows before the store has opened
    try:
        wizard = _wait_for_wizard(qtbot, launcher)
        page = wizard.office_page
        assert page is not None
        next_button = wizard.button(QWizard.WizardButton.NextButton)
        assert not next_button.isEnabled()  # no name yet

        type_text(page.name_edit, "大理州知识产权调解中心")
        page.prefix_edit.clear()
        type_text(page.prefix_edit, "云 理")
        assert not next_button.isEnabled()
        assert "prefix" in page.problem.text()
        page.prefix_edit.clear()
        type_text(page.prefix_edit, "云理知")  # the word 调 stands beside it
        assert next_button.isEnabled()
        assert page.problem.text() == ""
        assert page.example.text().endswith("云理知调字第0001号")
        qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)

        admin = wizard.admin_page
        finish = wizard.button(QWizard.WizardButton.FinishButton)
        admin.name_edit.clear()
        type_text(admin.name_edit, "zhang")
        type_text(admin.real_name_edit, "张伟")
        type_text(admin.password_edit, "short")
        assert not finish.isEnabled() and "at least 10" in admin.problem.text()
        type_text(admin.password_edit, "-but-now-long")
        type_text(admin.repeat_edit, "short-but-now-lonG")
        assert not finish.isEnabled() and "differ" in admin.problem.text()
        admin.repeat_edit.clear()
        type_text(admin.repeat_edit, "short-but-now-long")
        assert finish.isEnabled()

        with qtbot.waitSignal(launcher.ready):
            qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
        assert "大理州知识产权调解中心" in window.windowTitle() and "zhang" in window.windowTitle()
        assert window.store is launcher.store and window.signed_in.actor.name == "zhang"
        with launcher.store.database.session_scope() as session:
            assert office.get_office(session) == office.OfficeInfo("大理州知识产权调解中心", "云理知", "调")
            listed = users.list_users(session, window.signed_in.actor)
            assert [(info.name, info.real_name) for info in listed] == [("zhang", "张伟")]
            # The same one-transaction setup as ``mediseal init --with-key``: the key was made and unlocked.
            assert [key.owner for key in signing_keys.list_keys(session)] == ["zhang"]
        assert window.signed_in.key is not None
    finally:
        launcher.shutdown()


def test_cancelling_the_wizard_closes_the_window(qtbot: QtBot, empty_settings: Settings) -> None:
    launcher = Launcher(empty_settings)
    window = launcher.start()
    qtbot.addWidget(window)
    try:
        wizard = _wait_for_wizard(qtbot, launcher)
        wizard.button(QWizard.WizardButton.CancelButton).click()
        qtbot.waitUntil(lambda: not window.isVisible())
        with launcher.store.database.session_scope() as session:
            assert office.get_office(session) is None
    finally:
        launcher.shutdown()


def _store_with_users(settings: Settings) -> None:
    store = open_store(settings)
    with store.database.session_scope() as session:
        office.create_office(session, "丽江调解中心", "云丽调")
        admin = users.create_first_admin(session, "admin", "admin-password-1", "张伟")
        users.add_user(session, admin, "wang", frozenset({Role.CLERK}), "clerk-password-1", "王强")
    store.close()


def _signed_in(qtbot: QtBot, settings: Settings, name: str, password: str) -> tuple[Launcher, MainWindow]:
    launcher = Launcher(settings)
    window = launcher.start()
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: launcher.sign_in is not None and launcher.sign_in.isVisible(), timeout=20_000)
    dialog = launcher.sign_in
    assert launcher.wizard is None
    type_text(dialog.name_edit, name)
    type_text(dialog.password_edit, "wrong-password")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.text() == "Wrong user name or password.", timeout=20_000)
    assert dialog.isVisible()
    assert dialog.password_edit.text() == ""
    type_text(dialog.password_edit, password)
    with qtbot.waitSignal(launcher.ready):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    return launcher, window


def test_known_office_asks_to_sign_in(qtbot: QtBot, settings: Settings) -> None:
    _store_with_users(settings)
    launcher, window = _signed_in(qtbot, settings, "wang", "clerk-password-1")
    try:
        assert "丽江调解中心" in window.windowTitle() and "wang" in window.windowTitle()
        settled(qtbot, window)  # the real name is read with the office's settings
        assert window.user_label.text() == "Signed in: 王强 (wang)"
        assert window.windowTitle().startswith("王强 (wang) @ 丽江调解中心")
    finally:
        launcher.shutdown()


def test_lock_hides_work_and_unlocks_with_the_password(qtbot: QtBot, settings: Settings) -> None:
    _store_with_users(settings)
    launcher, window = _signed_in(qtbot, settings, "wang", "clerk-password-1")
    try:
        window.show_page("documents")
        dialog = window.lock()
        assert dialog is not None and dialog.isVisible()
        assert not window.splitter.isVisible()
        assert dialog.name_edit.text() == "wang" and dialog.name_edit.isReadOnly()
        type_text(dialog.password_edit, "admin-password-1")  # someone else's password
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.check_op is None, timeout=20_000)
        assert dialog.isVisible() and not window.splitter.isVisible()
        assert dialog.message.text() == "Wrong user name or password."
        type_text(dialog.password_edit, "clerk-password-1")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
        assert window.splitter.isVisible()
        assert window.current_page_key() == "documents"  # work left as it was
        assert window.signed_in.actor.name == "wang"
    finally:
        launcher.shutdown()


def test_idle_time_locks_the_window(qtbot: QtBot, sqlite_store: OpenStore) -> None:
    window = _window(qtbot, sqlite_store)
    settled(qtbot, window)  # the office's setting is read
    window.idle_watcher.limit_ms = 200
    window.idle_watcher.timer.setInterval(50)
    window.idle_watcher.start()
    qtbot.waitUntil(lambda: window.lock_dialog is not None, timeout=5000)
    assert not window.splitter.isVisible()
    window.lock_dialog.reject()  # "Sign out" on the lock dialog


def test_idle_lock_follows_the_office_setting_not_ui_ini(qtbot: QtBot, settings: Settings) -> None:
    _store_with_users(settings)
    store = open_store(settings)
    admin = users.sign_in(store.database, "admin", "admin-password-1")
    with store.database.session_scope() as session:
        set_idle_lock_minutes(session, admin, 7)
    store.close()
    launcher, window = _signed_in(qtbot, settings, "wang", "clerk-password-1")
    try:
        # A seat's own ui.ini no longer decides: a clerk could switch the lock off there (issue 8).
        ui_ini = QSettings(str(settings.data_dir / "ui.ini"), QSettings.Format.IniFormat)
        ui_ini.setValue("lock/idle_minutes", 0)
        ui_ini.sync()
        qtbot.waitUntil(lambda: window.idle_watcher.limit_ms == 7 * 60_000, timeout=20_000)
        assert window.idle_lock_minutes == 7
    finally:
        launcher.shutdown()


def test_sign_out_signs_a_checkpoint(qtbot: QtBot, settings: Settings) -> None:
    _store_with_users(settings)
    store = open_store(settings)
    actor = users.sign_in(store.database, "admin", "admin-password-1")
    with store.database.session_scope() as session:
        signing_keys.new_key(session, actor, "admin-password-1")
    store.close()
    launcher, window = _signed_in(qtbot, settings, "admin", "admin-password-1")
    try:
        assert window.signed_in.key is not None
        assert window.sign_out() is None  # no work under way: nothing to ask
        qtbot.waitUntil(lambda: window.next_sign_in is not None and window.next_sign_in.isVisible(),
                        timeout=20_000)
        dialog = window.next_sign_in
        assert window.signed_in is None and not window.splitter.isVisible()
        with launcher.store.database.session_scope() as session:
            made = checkpoints.latest(session)
            assert made is not None and made.signer == "admin"
            assert made.tree_size == ledger.size(session)
            assert verify_ledger(session).clean
        dialog.reject()  # nobody signs in next: the window closes
        qtbot.waitUntil(lambda: not window.isVisible())
    finally:
        launcher.shutdown()


def test_closing_the_app_signs_a_checkpoint(qtbot: QtBot, settings: Settings) -> None:
    _store_with_users(settings)
    store = open_store(settings)
    actor = users.sign_in(store.database, "admin", "admin-password-1")
    with store.database.session_scope() as session:
        signing_keys.new_key(session, actor, "admin-password-1")
    store.close()
    launcher, window = _signed_in(qtbot, settings, "admin", "admin-password-1")
    try:
        close_window(qtbot, window)
        with launcher.store.database.session_scope() as session:
            made = checkpoints.latest(session)
            kinds = [entry.kind for entry in ledger.iter_entries(session)]
            assert made is not None and made.tree_size == ledger.size(session)
        assert kinds[-1] == "sign_out"
    finally:
        launcher.shutdown()


@pytest.mark.qt_no_exception_capture
def test_unhandled_exception_shows_dialog_naming_the_log(qtbot: QtBot, sqlite_store: OpenStore) -> None:
    window = _window(qtbot, sqlite_store)
    previous = install_excepthook(lambda: window)
    try:
        def broken_slot() -> None:
            raise RuntimeError("boom in a slot")

        window.side_bar.currentRowChanged.connect(broken_slot)
        qtbot.mouseClick(window.side_bar.viewport(), Qt.MouseButton.LeftButton,
                         pos=window.side_bar.visualItemRect(window.side_bar.item(2)).center()
                         + QPoint(0, 0))
        qtbot.waitUntil(lambda: bool(_message_boxes()))
        box = _message_boxes()[0]
        assert str(sqlite_store.log_file) in box.text()
        assert "boom in a slot" in box.detailedText()
        assert "boom in a slot" in sqlite_store.log_file.read_text(encoding="utf-8")
        assert window.isVisible()  # the app goes on
        box.accept()
    finally:
        sys.excepthook = previous


def test_sign_in_shows_before_the_store_has_opened(qtbot: QtBot, settings: Settings,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    _store_with_users(settings)
    release = threading.Event()
    real_open = app._open

    def slow_open(given: Settings) -> object:
        release.wait(20)  # as if SQLAlchemy were still loading
        return real_open(given)

    monkeypatch.setattr(app, "_open", slow_open)
    launcher = Launcher(settings)
    window = launcher.start()
    qtbot.addWidget(window)
    try:
        if settings.database_url is not None:  # PostgreSQL: no standard-library hint; asked once open
            release.set()
        qtbot.waitUntil(lambda: launcher.sign_in is not None and launcher.sign_in.isVisible(), timeout=20_000)
        dialog = launcher.sign_in
        type_text(dialog.name_edit, "wang")
        type_text(dialog.password_edit, "clerk-password-1")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        if not release.is_set():
            assert launcher.store is None and dialog.message.text() == "Opening the data folder…"
            assert not dialog.ok_button.isEnabled()
            release.set()
        with qtbot.waitSignal(launcher.ready, timeout=20_000):
            pass
        assert window.signed_in is not None and window.signed_in.actor.name == "wang"
        assert "丽江调解中心" in window.windowTitle()
    finally:
        release.set()
        launcher.shutdown()


def test_a_wrong_start_up_hint_gives_way_to_the_wizard(qtbot: QtBot, empty_settings: Settings,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # (Read for SQLite stores only: on PostgreSQL this is the plain first start.)
    monkeypatch.setattr(office, "looks_set_up", lambda _path: True)
    launcher = Launcher(empty_settings)
    window = launcher.start()
    qtbot.addWidget(window)
    try:
        wizard = _wait_for_wizard(qtbot, launcher)
        assert launcher.sign_in is None and wizard.isVisible() and window.isVisible()
    finally:
        launcher.shutdown()
