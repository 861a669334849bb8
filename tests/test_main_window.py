"""The main window, first-start wizard, remembered view state, About and crash dialogs (offscreen)."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard
from pytestqt.qtbot import QtBot

from desktop.config import Settings
from desktop.core import office
from desktop.core.store import OpenStore, open_store
from desktop.ui.app import Launcher
from desktop.ui.errors import install_excepthook
from desktop.ui.main_window import MainWindow
from desktop.ui.setup_wizard import SetupWizard
from tests.qt_helpers import attached_window, type_text


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
    assert titles == ["Cases", "Evidence", "Documents", "Ledger", "Statistics", "Settings"]
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
    window.close()

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


def test_first_start_wizard_records_the_office(qtbot: QtBot, empty_settings: Settings) -> None:
    launcher = Launcher(empty_settings)
    window = launcher.start()
    qtbot.addWidget(window)
    qtbot.waitExposed(window)  # the window shows before the store has opened
    try:
        qtbot.waitUntil(lambda: launcher.wizard is not None and launcher.wizard.isVisible(), timeout=20_000)
        wizard = launcher.wizard
        assert isinstance(wizard, SetupWizard)
        page = wizard.office_page
        finish = wizard.button(QWizard.WizardButton.FinishButton)
        assert not finish.isEnabled()  # no name yet

        type_text(page.name_edit, "大理州知识产权调解中心")
        page.prefix_edit.clear()
        type_text(page.prefix_edit, "云 理")
        assert not finish.isEnabled()
        assert "prefix" in page.problem.text()
        page.prefix_edit.clear()
        type_text(page.prefix_edit, "云理知调")
        assert finish.isEnabled()
        assert page.problem.text() == ""
        assert page.example.text().endswith("云理知调字第0001号")

        with qtbot.waitSignal(launcher.ready):
            qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
        assert "大理州知识产权调解中心" in window.windowTitle()
        assert window.store is launcher.store
        with launcher.store.database.session_scope() as session:
            assert office.get_office(session) == office.OfficeInfo("大理州知识产权调解中心", "云理知调")
    finally:
        launcher.shutdown()


def test_cancelling_the_wizard_closes_the_window(qtbot: QtBot, empty_settings: Settings) -> None:
    launcher = Launcher(empty_settings)
    window = launcher.start()
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: launcher.wizard is not None and launcher.wizard.isVisible(), timeout=20_000)
        launcher.wizard.button(QWizard.WizardButton.CancelButton).click()
        qtbot.waitUntil(lambda: not window.isVisible())
        with launcher.store.database.session_scope() as session:
            assert office.get_office(session) is None
    finally:
        launcher.shutdown()


def test_known_office_skips_the_wizard(qtbot: QtBot, settings: Settings) -> None:
    store = open_store(settings)
    with store.database.session_scope() as session:
        office.create_office(session, "丽江调解中心", "云丽调")
    store.close()
    launcher = Launcher(settings)
    with qtbot.waitSignal(launcher.ready, timeout=20_000):
        window = launcher.start()
        qtbot.addWidget(window)
    try:
        assert launcher.wizard is None
        assert "丽江调解中心" in window.windowTitle()
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
