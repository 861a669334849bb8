"""The main window: menu bar, side bar of pages, status bar; geometry remembered per data folder."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTextEdit,
    QWidget,
)

from desktop import APP_NAME
from desktop.core.storage.datafolder import DataFolder
from desktop.ui.pages import PlaceholderPage, page_specs

if TYPE_CHECKING:  # the store module pulls in SQLAlchemy, which the window must not wait for
    from desktop.core.storage.store import OpenStore
    from desktop.core.trust.sign_in import SignedInUser
    from desktop.ui.evidence.page import EvidencePage
    from desktop.ui.ledger.page import LedgerPage
    from desktop.ui.settings.page import SettingsPage

log = logging.getLogger(__name__)

UI_SETTINGS_FILE = "ui.ini"
IDLE_LOCK_KEY = "lock/idle_minutes"
DEFAULT_IDLE_LOCK_MINUTES = 15
IDLE_CHECK_MS = 5000
_USER_INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                         QEvent.Type.Wheel, QEvent.Type.TouchBegin})


class IdleWatcher(QObject):
    """Notices user input anywhere in the app; ``idle`` fires once input has stopped for the limit."""

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.limit_ms = minutes * 60_000
        self.since_input = QElapsedTimer()
        self.since_input.start()
        self.timer = QTimer(self)
        self.timer.setInterval(IDLE_CHECK_MS)
        self.timer.timeout.connect(self._check)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _USER_INPUT:
            self.since_input.restart()
        return False

    def start(self) -> None:
        self.since_input.restart()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _check(self) -> None:
        if self.limit_ms > 0 and self.since_input.elapsed() >= self.limit_ms:
            self.timer.stop()
            self.idle.emit()


def ui_settings(folder: DataFolder) -> QSettings:
    """Window geometry and other view state, kept in the data folder beside the data it shows."""
    return QSettings(str(folder.root / UI_SETTINGS_FILE), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    """The application window. It shows at once; ``attach`` hands it the store once that is open."""

    def __init__(self, folder: DataFolder, database_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.store: OpenStore | None = None
        self.signed_in: SignedInUser | None = None
        self.office_name = ""
        self.lock_dialog: QDialog | None = None
        self.setObjectName("MainWindow")
        self.setWindowTitle(APP_NAME)
        self.resize(1100, 720)

        self.side_bar = QListWidget()
        self.side_bar.setObjectName("sideBar")
        self.side_bar.setMinimumWidth(140)
        self.side_bar.setStyleSheet("QListWidget#sideBar::item { padding: 6px 10px; }")
        self.pages = QStackedWidget()
        self.page_keys: list[str] = []
        for spec in page_specs():
            item = QListWidgetItem(spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.side_bar.addItem(item)
            self.pages.addWidget(PlaceholderPage(spec))
            self.page_keys.append(spec.key)
        self.side_bar.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.pages.currentChanged.connect(self._page_shown)
        self.ledger_page: LedgerPage | None = None
        self.evidence_page: EvidencePage | None = None
        self.settings_page: SettingsPage | None = None

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.side_bar)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([180, 920])
        self.setCentralWidget(self.splitter)

        self.folder_label = QLabel(self.tr("Data folder: {path}").format(path=str(folder.root)))
        self.database_label = QLabel(self.tr("Database: {kind}").format(kind=database_label))
        self.user_label = QLabel()
        self.user_label.setObjectName("userLabel")
        self.statusBar().addPermanentWidget(self.folder_label, 1)
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.database_label)
        self.statusBar().showMessage(self.tr("Opening the data folder…"))

        self._build_menus()
        self._restore_view_state()
        self.idle_watcher = IdleWatcher(self.idle_lock_minutes(), self)
        self.idle_watcher.idle.connect(self.lock)

    def attach(self, store: OpenStore, office_name: str, signed_in: SignedInUser) -> None:
        """The store is open and a user signed in: the window is ready for work."""
        self.store = store
        self.office_name = office_name
        self._set_user(signed_in)
        self.statusBar().showMessage(self.tr("Ready"), 5000)

    def _set_user(self, signed_in: SignedInUser | None) -> None:
        self.signed_in = signed_in
        name = signed_in.actor.name if signed_in else ""
        self.setWindowTitle(f"{name} @ {self.office_name} — {APP_NAME}" if name else
                            f"{self.office_name} — {APP_NAME}")
        self.user_label.setText(self.tr("Signed in: {user}").format(user=name) if name else "")
        self.splitter.setVisible(signed_in is not None)
        self.sign_out_action.setEnabled(signed_in is not None)
        self.lock_action.setEnabled(signed_in is not None)
        if signed_in is None:
            self.idle_watcher.stop()
        else:
            self.idle_watcher.start()
            self._install_pages(signed_in)

    def _install_pages(self, signed_in: SignedInUser) -> None:
        """Put the working pages in place of their placeholders once a store and a user are there."""
        assert self.store is not None
        if self.evidence_page is None:
            from desktop.ui.evidence.page import EvidencePage

            self.evidence_page = EvidencePage(self.store, signed_in)
            self._replace_page("evidence", self.evidence_page)
        else:
            self.evidence_page.set_user(signed_in)
        if self.ledger_page is None:
            from desktop.ui.ledger.page import LedgerPage

            self.ledger_page = LedgerPage(self.store, signed_in)
            self._replace_page("ledger", self.ledger_page)
        else:
            self.ledger_page.signed_in = signed_in
            self.ledger_page.refresh()
        if self.settings_page is None:
            from desktop.ui.settings.page import SettingsPage

            self.settings_page = SettingsPage(self.store, signed_in, self.idle_lock_minutes(),
                                              self.set_idle_lock_minutes)
            self._replace_page("settings", self.settings_page)
        else:
            self.settings_page.set_user(signed_in)

    def _replace_page(self, key: str, page: QWidget) -> None:
        index = self.page_keys.index(key)
        current = self.pages.currentIndex()
        old = self.pages.widget(index)
        self.pages.insertWidget(index, page)
        self.pages.removeWidget(old)
        old.deleteLater()
        self.pages.setCurrentIndex(current)

    def _page_shown(self, index: int) -> None:
        if self.ledger_page is not None and self.pages.widget(index) is self.ledger_page:
            self.ledger_page.refresh()
        elif self.evidence_page is not None and self.pages.widget(index) is self.evidence_page:
            self.evidence_page.refresh()

    # --- sessions -------------------------------------------------------------------------------
    def idle_lock_minutes(self) -> int:
        """Minutes without input before the window locks (Settings; 0 turns it off)."""
        value = ui_settings(self.folder).value(IDLE_LOCK_KEY, DEFAULT_IDLE_LOCK_MINUTES)
        try:
            return max(0, int(value))
        except (TypeError, ValueError):
            return DEFAULT_IDLE_LOCK_MINUTES

    def set_idle_lock_minutes(self, minutes: int) -> None:
        settings = ui_settings(self.folder)
        settings.setValue(IDLE_LOCK_KEY, minutes)
        settings.sync()
        self.idle_watcher.limit_ms = minutes * 60_000

    def lock(self) -> QDialog | None:
        """Hide the work and ask for the same user's password; open work stays as it is."""
        if self.store is None or self.signed_in is None or self.lock_dialog is not None:
            return self.lock_dialog
        from desktop.ui.sign_in.dialog import SignInDialog

        self.idle_watcher.stop()
        self.splitter.setVisible(False)
        dialog = SignInDialog(self.store, self, locked=self.signed_in)
        dialog.accepted.connect(self._unlocked)
        dialog.rejected.connect(self._lock_refused)
        self.lock_dialog = dialog
        dialog.open()
        return dialog

    def _unlocked(self) -> None:
        self.lock_dialog = None
        self.splitter.setVisible(True)
        self.idle_watcher.start()

    def _lock_refused(self) -> None:
        self.lock_dialog = None
        self.sign_out()

    def sign_out(self) -> QDialog | None:
        """End the session (sign-out entry and a checkpoint with the user's key), then ask who is next."""
        if self.store is None or self.signed_in is None:
            return None
        self._end_session()
        from desktop.ui.sign_in.dialog import SignInDialog

        dialog = SignInDialog(self.store, self)
        dialog.accepted.connect(lambda: self._set_user(dialog.session))
        dialog.rejected.connect(self.close)
        dialog.open()
        self.lock_dialog = None
        return dialog

    def _end_session(self) -> None:
        from desktop.core.trust.sign_in import sign_out_user

        assert self.store is not None and self.signed_in is not None
        try:
            sign_out_user(self.store.database, self.signed_in)
        except Exception as error:  # closing must go on; the failure is logged and shown
            log.exception("ending the session failed")
            from desktop.ui.framework.errors import show_error

            show_error(self, error)
        self._set_user(None)

    # --- menus ----------------------------------------------------------------------------------
    def _action(self, menu: QMenu, text: str, slot: object,
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut if isinstance(shortcut, QKeySequence) else QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _page_action(self, menu: QMenu, key: str, title: str) -> QAction:
        index = self.page_keys.index(key)
        return self._action(menu, title, lambda: self.show_page(key), f"Ctrl+{index + 1}")

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.lock_action = self._action(file_menu, self.tr("&Lock"), self.lock, "Ctrl+L")
        self.sign_out_action = self._action(file_menu, self.tr("Sign &Out"), self.sign_out, "Ctrl+Shift+L")
        file_menu.addSeparator()
        quit_action = self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        for text, method, key in (
            (self.tr("&Undo"), "undo", QKeySequence.StandardKey.Undo),
            (self.tr("&Redo"), "redo", QKeySequence.StandardKey.Redo),
            (self.tr("Cu&t"), "cut", QKeySequence.StandardKey.Cut),
            (self.tr("&Copy"), "copy", QKeySequence.StandardKey.Copy),
            (self.tr("&Paste"), "paste", QKeySequence.StandardKey.Paste),
            (self.tr("Select &All"), "selectAll", QKeySequence.StandardKey.SelectAll),
        ):
            self._action(edit_menu, text, lambda _checked=False, m=method: self._edit(m), key)

        view_menu = bar.addMenu(self.tr("&View"))
        titles = {spec.key: spec.title for spec in page_specs()}
        for key in self.page_keys:
            self._page_action(view_menu, key, titles[key])
        view_menu.addSeparator()
        self.side_bar_action = self._action(view_menu, self.tr("Show &Side Bar"), self._toggle_side_bar)
        self.side_bar_action.setCheckable(True)
        self.side_bar_action.setChecked(True)
        self._action(view_menu, self.tr("&Full Screen"), self._toggle_full_screen,
                     QKeySequence.StandardKey.FullScreen)

        case_menu = bar.addMenu(self.tr("&Case"))
        self._action(case_menu, self.tr("Show &Cases"), lambda: self.show_page("cases"))
        self.new_case_action = self._action(case_menu, self.tr("&New Case…"),
                                            lambda: self._evidence("new_case_button"))
        evidence_menu = bar.addMenu(self.tr("Evi&dence"))
        self._action(evidence_menu, self.tr("Show &Evidence"), lambda: self.show_page("evidence"))
        evidence_menu.addSeparator()
        self.evidence_actions: dict[str, QAction] = {}
        for text, button, shortcut in (
            (self.tr("&Add Files…"), "add_button", QKeySequence.StandardKey.Open),
            (self.tr("&Seal…"), "seal_button", None),
            (self.tr("Save a &Copy…"), "copy_button", None),
            (self.tr("&Preservation Record…"), "preservation_button", None),
            (self.tr("&Verify Case…"), "verify_button", None),
        ):
            self.evidence_actions[button] = self._action(
                evidence_menu, text, lambda _checked=False, b=button: self._evidence(b), shortcut)
        self.evidence_actions["new_case_button"] = self.new_case_action
        for menu in (case_menu, evidence_menu):
            # Greyed while the menu is open; enabled otherwise, so shortcuts reach the page, which decides.
            menu.aboutToShow.connect(self._sync_evidence_actions)
            menu.aboutToHide.connect(lambda: self._sync_evidence_actions(open_menu=False))
        tools_menu = bar.addMenu(self.tr("&Tools"))
        self._action(tools_menu, self.tr("&Ledger"), lambda: self.show_page("ledger"))
        settings_action = self._action(tools_menu, self.tr("&Settings…"), lambda: self.show_page("settings"),
                                       QKeySequence.StandardKey.Preferences)
        settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)

        help_menu = bar.addMenu(self.tr("&Help"))
        about = self._action(help_menu, self.tr("&About Mediseal"), self.show_about)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        self._action(help_menu, self.tr("About &Qt"), QApplication.aboutQt)

    def _evidence(self, button: str) -> None:
        """An Evidence menu command: the page's button of the same name, on the page."""
        if self.evidence_page is None or self.signed_in is None:
            return
        self.show_page("evidence")
        target = getattr(self.evidence_page, button)
        if target.isEnabled():
            target.click()

    def _sync_evidence_actions(self, open_menu: bool = True) -> None:
        page = self.evidence_page
        for button, action in self.evidence_actions.items():
            action.setEnabled(not open_menu or (page is not None and self.signed_in is not None
                                                and getattr(page, button).isEnabled()))

    def _edit(self, method: str) -> None:
        widget = QApplication.focusWidget()
        if isinstance(widget, QLineEdit | QTextEdit) and hasattr(widget, method):
            getattr(widget, method)()

    def _toggle_side_bar(self, checked: bool) -> None:
        self.side_bar.setVisible(checked)

    def _toggle_full_screen(self) -> None:
        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)

    # --- pages ----------------------------------------------------------------------------------
    def show_page(self, key: str) -> None:
        """Switch to the page named ``key`` (and select it in the side bar)."""
        self.side_bar.setCurrentRow(self.page_keys.index(key))

    def current_page_key(self) -> str:
        return self.page_keys[self.pages.currentIndex()]

    def show_about(self) -> QDialog:
        from desktop.ui.about import AboutDialog  # imports SQLAlchemy for its version

        dialog = AboutDialog(self.folder, self.store, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # --- view state -----------------------------------------------------------------------------
    def _restore_view_state(self) -> None:
        settings = ui_settings(self.folder)
        geometry = settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = settings.value("main/state")
        if state is not None:
            self.restoreState(state)
        splitter = settings.value("main/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        page = settings.value("main/page", "cases")
        self.show_page(page if page in self.page_keys else "cases")

    def save_view_state(self) -> None:
        settings = ui_settings(self.folder)
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/state", self.saveState())
        settings.setValue("main/splitter", self.splitter.saveState())
        settings.setValue("main/page", self.current_page_key())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.store is not None:  # a folder that never opened gets no ui.ini written into it
            self.save_view_state()
        if self.signed_in is not None:
            self._end_session()
        super().closeEvent(event)
