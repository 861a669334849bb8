"""The main window: menu bar, side bar of pages, status bar; geometry remembered per data folder.

Signing out, locking and closing with work under way ask first (wait for it, or cancel it), then await
every op of the window (a modal busy dialog; the event loop runs on), and only then sign out, so nothing
is recorded for a sign-in that has ended (STYLE.md, "Background work")."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QElapsedTimer,
    QEvent,
    QObject,
    QSettings,
    QSize,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from desktop import APP_NAME
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.datafolder import DataFolder
from desktop.ui.pages import PlaceholderPage, page_specs

if TYPE_CHECKING:  # the store module pulls in SQLAlchemy, which the window must not wait for
    from PySide6.QtWidgets import QDialog, QMessageBox  # loaded when first used, not before the first paint

    from desktop.core.storage.store import OpenStore
    from desktop.core.trust.sign_in import SignedInUser
    from desktop.ui.cases.calendar_page import CalendarPage
    from desktop.ui.cases.page import CasesPage
    from desktop.ui.documents.documents_page import DocumentsPage
    from desktop.ui.evidence.page import EvidencePage
    from desktop.ui.framework.ops import Op, OpWaiter
    from desktop.ui.ledger.page import LedgerPage
    from desktop.ui.settings.page import SettingsPage
    from desktop.ui.sign_in.dialog import SignInDialog

log = logging.getLogger(__name__)

UI_SETTINGS_FILE = "ui.ini"
DEFAULT_IDLE_LOCK_MINUTES = 15  # until the office's own setting is read (core.office.settings)
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _USER_INPUT:
            self.since_input.restart()
        return False

    def start(self) -> None:
        # Watch input only while someone is signed in: every event of the app passes the filter.
        app = QApplication.instance()
        if app is not None and not self.timer.isActive():
            app.installEventFilter(self)
        self.since_input.restart()
        self.timer.start()

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.timer.stop()

    def _check(self) -> None:
        if self.limit_ms > 0 and self.since_input.elapsed() >= self.limit_ms:
            self.stop()
            self.idle.emit()


class PathLabel(QLabel):
    """A path in the status bar: shortened in the middle when the window is narrow (the start and the
    folder's own name stay), in full in its tooltip and its text."""

    SHOWN_AT_LEAST = 24  # characters, when room is short

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setToolTip(text)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(min(hint.width(), self.minimumSizeHint().width() * 3), hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * self.SHOWN_AT_LEAST,
                     super().minimumSizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        room = self.contentsRect()
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideMiddle, room.width())
        painter.drawText(room, int(self.alignment()), shown)


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
        self.real_name: str | None = None  # of the user signed in, once read
        self.lock_dialog: QDialog | None = None
        self.next_sign_in: SignInDialog | None = None  # asked for after a sign-out
        self.work_box: QMessageBox | None = None  # "work is under way: wait or cancel?"
        self.waiter: OpWaiter | None = None
        self.leaving = False  # signing out, locking or closing is under way
        self.ready_to_close = False
        self.idle_lock_minutes = DEFAULT_IDLE_LOCK_MINUTES
        self.settings_op: Op[tuple[int, str | None, str | None]] | None = None
        self.offer_drafts = False
        self.setObjectName("MainWindow")
        self.setWindowTitle(APP_NAME)
        self.resize(1100, 720)

        self.side_bar = QListWidget()
        self.side_bar.setObjectName("sideBar")
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
        self.ledger_page: LedgerPage | None = None
        self.cases_page: CasesPage | None = None
        self.evidence_page: EvidencePage | None = None
        self.settings_page: SettingsPage | None = None
        self.calendar_page: CalendarPage | None = None
        self.documents_page: DocumentsPage | None = None

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.side_bar)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        # As wide as the longest page title, no wider: at 1024 pixels the pages need the room.
        side_width = self.side_bar.sizeHintForColumn(0) + 2 * self.side_bar.frameWidth() + 12
        self.side_bar.setMinimumWidth(side_width)
        self.splitter.setSizes([side_width, 1100 - side_width])
        self.setCentralWidget(self.splitter)

        self.folder_label = PathLabel(self.tr("Data folder: {path}").format(path=str(folder.root)))
        self.database_label = QLabel(self.tr("Database: {kind}").format(kind=database_label))
        self.user_label = QLabel()
        self.user_label.setObjectName("userLabel")
        # The folder is a normal widget, so a message (a save confirmed, "Ready") shows in its place for a
        # while; as a permanent one it left the message no room at all.
        self.statusBar().addWidget(self.folder_label, 1)
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.database_label)
        self.statusBar().showMessage(self.tr("Opening the data folder…"))

        self._build_menus()
        self._restore_view_state()
        self.idle_watcher = IdleWatcher(self.idle_lock_minutes, self)
        self.idle_watcher.idle.connect(lambda: self.lock(ask=False))

    def attach(self, store: OpenStore, office_name: str, signed_in: SignedInUser) -> None:
        """The store is open and a user signed in: the window is ready for work."""
        from desktop.ui.framework.changes import Refresher  # not needed for the first paint

        self.store = store
        self.office_name = office_name
        Refresher(self, lambda changes: changes.settings or changes.users, self.load_office_settings)
        self._set_user(signed_in)
        self.load_office_settings()
        # Posted: the due-soon count put in the bar rebuilt its layout, which shows the data folder's path
        # again by a queued call; a message given now would be drawn over it.
        QTimer.singleShot(0, self, lambda: self.statusBar().showMessage(self.tr("Ready"), 5000))

    def _set_user(self, signed_in: SignedInUser | None) -> None:
        self.signed_in = signed_in
        self.real_name = None  # read with the office's settings
        self._show_identity()
        self.splitter.setVisible(signed_in is not None)
        self.sign_out_action.setEnabled(signed_in is not None)
        self.password_action.setEnabled(signed_in is not None)
        self.lock_action.setEnabled(signed_in is not None)
        self.verify_document_action.setEnabled(signed_in is not None)
        self.verify_package_action.setEnabled(signed_in is not None)
        from desktop.core.trust.permissions import Role

        admin = signed_in is not None and Role.ADMIN in signed_in.actor.roles
        self.backup_action.setEnabled(admin)
        self.restore_action.setEnabled(admin)
        self._set_pages_active(signed_in is not None)
        if signed_in is None:
            self.idle_watcher.stop()
        else:
            self.idle_watcher.start()
            self._install_pages(signed_in)

    def _set_pages_active(self, active: bool) -> None:
        """Locked or signed out: the pages' commands are off (menus and shortcuts too)."""
        if self.evidence_page is not None:
            self.evidence_page.set_active(active)
        if self.cases_page is not None:
            self.cases_page.set_active(active)

    def _install_pages(self, signed_in: SignedInUser) -> None:
        """Put the working pages in place of their placeholders once a store and a user are there."""
        assert self.store is not None
        if self.cases_page is None:
            from desktop.ui.cases.page import CasesPage

            self.cases_page = CasesPage(self.store, signed_in)
            self._replace_page("cases", self.cases_page)
            self.cases_page.show_requested.connect(lambda: self.show_page("cases"))
            # Left of the user's name; index 0 is the data folder (a normal widget).
            self.statusBar().insertPermanentWidget(1, self.cases_page.due_soon_button)
            self.case_menu.addAction(self.cases_page.new_case_action)  # registers a case in full
        else:
            self.cases_page.set_user(signed_in)
        if self.evidence_page is None:
            from desktop.ui.evidence.page import EvidencePage

            self.evidence_page = EvidencePage(self.store, signed_in)
            self._replace_page("evidence", self.evidence_page)
            self.evidence_page.show_requested.connect(lambda: self.show_page("evidence"))
            # Its New Case… (a quick dialog) stays on the page; the Case menu registers a case in full.
            self.evidence_menu.addActions(self.evidence_page.commands()[1:])
        else:
            self.evidence_page.set_user(signed_in)
        if self.ledger_page is None:
            from desktop.ui.ledger.page import LedgerPage

            self.ledger_page = LedgerPage(self.store, signed_in)
            self._replace_page("ledger", self.ledger_page)
        else:
            self.ledger_page.set_user(signed_in)
        if self.calendar_page is None:
            from desktop.ui.cases.calendar_page import CalendarPage

            self.calendar_page = CalendarPage(self.store, signed_in)
            self._replace_page("calendar", self.calendar_page)
            self.calendar_page.open_requested.connect(self.open_sitting)
            self.calendar_page.drafts_found.connect(self._drafts_found)
        else:
            self.calendar_page.set_user(signed_in)
        if self.documents_page is None:
            from desktop.ui.documents.documents_page import DocumentsPage

            self.documents_page = DocumentsPage(self.store, signed_in)
            self._replace_page("documents", self.documents_page)
            self.documents_page.open_requested.connect(self.open_documents)
        else:
            self.documents_page.set_user(signed_in)
        self.offer_drafts = True  # the first read after a sign-in shows the unconfirmed minutes found
        if self.settings_page is None:
            from desktop.ui.settings.page import SettingsPage

            self.settings_page = SettingsPage(self.store, signed_in)
            self._replace_page("settings", self.settings_page)
            self.settings_page.keys.signed_in_changed.connect(self._key_changed)
        else:
            self.settings_page.set_user(signed_in)

    def open_sitting(self, number: str, sitting_id: int) -> None:
        """A sitting's minutes in its case's tab (from the calendar of sittings)."""
        if self.cases_page is None:
            return
        self.show_page("cases")
        self.cases_page.open_case(number).open_sitting(sitting_id)

    def open_documents(self, number: str) -> None:
        """A case on its Documents tab (from the side bar's Documents page)."""
        if self.cases_page is None:
            return
        self.show_page("cases")
        workspace = self.cases_page.open_case(number)
        workspace.tabs.setCurrentWidget(workspace.documents)

    def _drafts_found(self, count: int) -> None:
        """Minutes typed and not confirmed were kept (a crash, a sign-out): offered back after sign-in."""
        if self.offer_drafts:  # the first read after a sign-in only
            self.offer_drafts = False
            if not count:
                return
            self.show_page("calendar")
            self.statusBar().showMessage(self.tr(
                "Unconfirmed text was kept in the minutes of {count} sitting(s): open one to restore "
                "it.").format(count=count), 15000)

    def keep_drafts(self) -> None:
        """Keep the minutes being typed as drafts before the user leaves or the window locks (the writes
        are ops of the window: they are awaited before a sign-out)."""
        if self.cases_page is not None:
            for workspace in self.cases_page.workspaces():
                workspace.keep_drafts()

    def _key_changed(self, signed_in: SignedInUser) -> None:
        """A key made, imported or revoked in Settings: the window and every page sign with it at once."""
        if self.signed_in is not None and signed_in.actor is self.signed_in.actor:
            self.signed_in = signed_in
            self._install_pages(signed_in)

    def _show_identity(self) -> None:
        """The window title and the status bar name the office and who is signed in: 李华（lihua）."""
        from desktop.ui.framework.formatting import person  # imported late, as the pages are (start-up time)

        name = self.signed_in.actor.name if self.signed_in else ""
        shown = person(name, self.real_name) if name else ""
        self.setWindowTitle(f"{shown} @ {self.office_name} — {APP_NAME}" if name else
                            f"{self.office_name} — {APP_NAME}")
        self.user_label.setText(self.tr("Signed in: {user}").format(user=shown) if name else "")

    def change_password(self) -> QDialog | None:
        """File ▸ Change Password: the signed-in user's own (Settings ▸ Your account)."""
        if self.settings_page is None or self.signed_in is None:
            return None
        return self.settings_page.account.change_password()

    def _replace_page(self, key: str, page: QWidget) -> None:
        index = self.page_keys.index(key)
        current = self.pages.currentIndex()
        old = self.pages.widget(index)
        self.pages.insertWidget(index, page)
        if old is not None:
            self.pages.removeWidget(old)
            old.deleteLater()
        self.pages.setCurrentIndex(current)

    # --- the office's settings ----------------------------------------------------------------------
    def load_office_settings(self) -> None:
        """Read the idle lock the office set (an administrator's setting, in the database), the office's
        name and the signed-in user's real name."""
        from desktop.ui.framework.ops import run_op

        if self.store is None:
            return
        store, name = self.store, self.signed_in.actor.name if self.signed_in else None

        def load(progress: ProgressFn, cancelled: CancelledFn) -> tuple[int, str | None, str | None]:
            from desktop.core.office.office import get_office
            from desktop.core.office.settings import office_settings
            from desktop.core.trust.users import real_names

            with store.database.session_scope() as session:
                office = get_office(session)
                real_name = real_names(session, [name]).get(name) if name else None
                return office_settings(session).idle_lock_minutes, office.name if office else None, real_name

        def loaded(result: tuple[int, str | None, str | None]) -> None:
            minutes, office_name, real_name = result
            self._set_idle_lock_minutes(minutes)
            self.office_name = office_name or self.office_name
            if self.signed_in is not None and self.signed_in.actor.name == name:
                self.real_name = real_name
            self._show_identity()

        op = run_op(self, load).on_success(loaded)
        op.finished.connect(lambda: setattr(self, "settings_op", None))
        self.settings_op = op.start()

    @property
    def loading(self) -> bool:
        """Whether the office's settings are still being read."""
        return self.settings_op is not None

    def _set_idle_lock_minutes(self, minutes: int) -> None:
        self.idle_lock_minutes = minutes
        self.idle_watcher.limit_ms = minutes * 60_000

    # --- signing out, locking, closing ----------------------------------------------------------
    def work_under_way(self) -> list[str]:
        """What the user started and is still running (ingests, copies, verifications…)."""
        from desktop.ui.framework.ops import running_ops

        return [op.work_label for op in running_ops(self) if op.work_label]

    def _after_work(self, title: str, question: str, then: Callable[[], object]) -> QMessageBox | None:
        """With work under way, ask: wait for it, cancel it, or go back. Then await every op of the
        window without blocking and call ``then``. Without work, queries are cancelled and awaited."""
        from PySide6.QtWidgets import QMessageBox

        self.leaving = True
        work = self.work_under_way()
        if not work:
            self._await(cancel=True, then=then)
            return None
        box = QMessageBox(QMessageBox.Icon.Question, title, question, QMessageBox.StandardButton.NoButton,
                          self)
        box.setObjectName("workUnderWay")
        box.setInformativeText(self.tr("Under way:") + "\n" + "\n".join(f"• {label}" for label in work))
        wait = box.addButton(self.tr("Wait for It"), QMessageBox.ButtonRole.AcceptRole)
        wait.setObjectName("waitForWork")
        cancel = box.addButton(self.tr("Cancel the Work"), QMessageBox.ButtonRole.DestructiveRole)
        cancel.setObjectName("cancelWork")
        back = box.addButton(self.tr("Go Back"), QMessageBox.ButtonRole.RejectRole)
        back.setObjectName("goBack")
        box.setDefaultButton(wait)
        box.setEscapeButton(back)

        def answered(_result: int) -> None:
            self.work_box = None
            clicked = box.clickedButton()
            if clicked is wait or clicked is cancel:
                self._await(cancel=clicked is cancel, then=then)
            else:
                self.leaving = False

        box.finished.connect(answered)
        self.work_box = box
        box.open()
        return box

    def _await(self, cancel: bool, then: Callable[[], object]) -> None:
        from desktop.ui.framework.ops import OpWaiter

        label = (self.tr("Cancelling the work under way…") if cancel else
                 self.tr("Waiting for the work under way to finish…"))

        def done() -> None:
            self.waiter = None
            then()

        self.waiter = OpWaiter(self, label, done, cancel=cancel).start()

    def _sign_out_then(self, then: Callable[[], object]) -> None:
        """Record the sign-out (and a checkpoint with the user's key) on a worker thread, then ``then``."""
        from desktop.ui.framework.errors import show_error
        from desktop.ui.framework.ops import run_op

        signed_in, store = self.signed_in, self.store
        self._set_user(None)
        if signed_in is None or store is None:
            then()
            return

        def sign_out(progress: ProgressFn, cancelled: CancelledFn) -> object:
            from desktop.core.trust.sign_in import sign_out_user

            return sign_out_user(store.database, signed_in)

        def failed(error: BaseException) -> None:
            log.error("ending the session failed: %s", error, exc_info=error)
            show_error(self, error)
            then()

        self.statusBar().showMessage(self.tr("Signing out…"))
        run_op(self, sign_out).on_success(lambda _checkpoint: then()).on_failure(failed).start()

    def lock(self, ask: bool = True) -> QDialog | QMessageBox | None:
        """Hide the work and ask for the same user's password; open work stays as it is. Asked for
        (not the idle lock), with work under way: wait for it or cancel it first."""
        if self.store is None or self.signed_in is None or self.lock_dialog is not None or self.leaving:
            return self.lock_dialog
        if ask and self.work_under_way():
            return self._after_work(self.tr("Lock the window"), self.tr(
                "Work is under way. Wait for it to finish before the window locks, or cancel it?"),
                self._lock_now)
        return self._lock_now()

    def _lock_now(self) -> QDialog | None:
        self.leaving = False
        if self.store is None or self.signed_in is None:
            return None
        from desktop.ui.sign_in.dialog import SignInDialog

        self.keep_drafts()
        self.idle_watcher.stop()
        self.splitter.setVisible(False)
        self._set_pages_active(False)
        dialog = SignInDialog(self.store, self, locked=self.signed_in)
        dialog.accepted.connect(self._unlocked)
        dialog.rejected.connect(self._lock_refused)
        self.lock_dialog = dialog
        dialog.open()
        return dialog

    def _unlocked(self) -> None:
        self.lock_dialog = None
        self.splitter.setVisible(True)
        self._set_pages_active(True)
        self.idle_watcher.start()

    def _lock_refused(self) -> None:
        self.lock_dialog = None
        # Edits not saved wait behind the lock: going back to them means unlocking first.
        self.sign_out(back=self._lock_now)

    def sign_out(self, back: Callable[[], object] | None = None) -> QMessageBox | None:
        """End the session once the window's work is done or cancelled (asked when there is work): the
        sign-out entry and a checkpoint with the user's key; then ask who is next. Unsaved edits in open
        cases are asked about first (``back``: what going back to them takes)."""
        if self.store is None or self.signed_in is None or self.leaving:
            return None
        title = self.tr("Sign out")
        return self._unsaved_first(title, lambda: self._after_work(title, self.tr(
            "Work is under way. Wait for it to finish before you are signed out, or cancel it?"),
            lambda: self._sign_out_then(self._ask_next_user)), back)

    def _unsaved_first(self, title: str, then: Callable[[], QMessageBox | None],
                       back: Callable[[], object] | None = None) -> QMessageBox | None:
        """Open cases with unsaved edits: discard them or go back to them, before anything else."""
        self.keep_drafts()
        if self.cases_page is None or not self.cases_page.unsaved_work():
            return then()
        return self.cases_page.confirm_unsaved(title, then, back)

    def _ask_next_user(self) -> None:
        from desktop.ui.sign_in.dialog import SignInDialog

        self.leaving = False
        self.statusBar().clearMessage()
        assert self.store is not None
        dialog = SignInDialog(self.store, self)
        dialog.accepted.connect(lambda: self._next_signed_in(dialog))
        dialog.rejected.connect(self.close)
        self.next_sign_in = dialog
        dialog.open()

    def _next_signed_in(self, dialog: SignInDialog) -> None:
        self.next_sign_in = None
        self._set_user(dialog.session)
        self.splitter.setVisible(True)
        self.load_office_settings()

    def _close_now(self) -> None:
        self.ready_to_close = True
        self.close()

    def end_session_now(self) -> None:
        """At shutdown, once the event loop has stopped: cancel the window's ops, let them finish, and
        sign out. (While the app runs, closing goes through ``closeEvent``, which never blocks.)"""
        from desktop.ui.framework.ops import running_ops

        for _round in range(10):  # a finishing op may start another (a refresh): let those end too
            ops = running_ops(self)
            if not ops:
                break
            for op in ops:
                op.cancel()
            QThreadPool.globalInstance().waitForDone()
            QCoreApplication.processEvents()
        if self.signed_in is not None and self.store is not None:
            from desktop.core.trust.sign_in import sign_out_user

            try:
                sign_out_user(self.store.database, self.signed_in)
            except Exception:  # shutting down must go on; the failure is in the log
                log.exception("ending the session failed")
            self._set_user(None)
        self.ready_to_close = True

    # --- menus ----------------------------------------------------------------------------------
    def _action(self, menu: QMenu, text: str, slot: object,
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut if isinstance(shortcut, QKeySequence) else QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def refresh_all(self) -> None:
        """View ▸ Refresh: read everything again (another workstation may have changed it)."""
        from desktop.ui.framework.changes import Changes, announce

        announce(Changes(cases=True, evidence=True, ledger=True, users=True, keys=True, settings=True))

    def _page_action(self, menu: QMenu, key: str, title: str) -> QAction:
        index = self.page_keys.index(key)
        return self._action(menu, title, lambda: self.show_page(key), f"Ctrl+{index + 1}")

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.lock_action = self._action(file_menu, self.tr("&Lock"), self.lock, "Ctrl+L")
        self.sign_out_action = self._action(file_menu, self.tr("Sign &Out"), lambda: self.sign_out(),
                                            "Ctrl+Shift+L")
        self.password_action = self._action(file_menu, self.tr("Change &Password…"), self.change_password)
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
        for page_key in self.page_keys:
            self._page_action(view_menu, page_key, titles[page_key])
        view_menu.addSeparator()
        self.refresh_action = self._action(view_menu, self.tr("&Refresh"), self.refresh_all,
                                           QKeySequence.StandardKey.Refresh)
        self.side_bar_action = self._action(view_menu, self.tr("Show &Side Bar"), self._toggle_side_bar)
        self.side_bar_action.setCheckable(True)
        self.side_bar_action.setChecked(True)
        self._action(view_menu, self.tr("&Full Screen"), self._toggle_full_screen,
                     QKeySequence.StandardKey.FullScreen)

        # The pages' own actions join these menus once they are in place (their buttons show them too).
        self.case_menu = bar.addMenu(self.tr("&Case"))
        self._action(self.case_menu, self.tr("Show &Cases"), lambda: self.show_page("cases"))
        self.evidence_menu = bar.addMenu(self.tr("Evi&dence"))
        self._action(self.evidence_menu, self.tr("Show &Evidence"), lambda: self.show_page("evidence"))
        self.evidence_menu.addSeparator()
        tools_menu = bar.addMenu(self.tr("&Tools"))
        self._action(tools_menu, self.tr("&Ledger"), lambda: self.show_page("ledger"))
        self.verify_document_action = self._action(tools_menu, self.tr("&Verify a Document…"),
                                                   self.verify_document)
        self.verify_package_action = self._action(tools_menu, self.tr("Verify a Court &Package…"),
                                                  lambda: self.exchange_dialog("verify"))
        tools_menu.addSeparator()
        self.backup_action = self._action(tools_menu, self.tr("&Back Up…"),
                                          lambda: self.exchange_dialog("backup"))
        self.restore_action = self._action(tools_menu, self.tr("&Restore from a Backup…"),
                                           lambda: self.exchange_dialog("restore"))
        tools_menu.addSeparator()
        settings_action = self._action(tools_menu, self.tr("&Settings…"), lambda: self.show_page("settings"),
                                       QKeySequence.StandardKey.Preferences)
        settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)

        help_menu = bar.addMenu(self.tr("&Help"))
        about = self._action(help_menu, self.tr("&About Mediseal"), self.show_about)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        self._action(help_menu, self.tr("About &Qt"), QApplication.aboutQt)

    def verify_document(self) -> QDialog | None:
        """Tools ▸ Verify a Document: is a PDF one this office produced, unchanged?"""
        if self.store is None or self.signed_in is None:
            return None
        from desktop.ui.documents.verify_dialog import VerifyDocumentDialog

        dialog = VerifyDocumentDialog(self.store, self)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()
        return dialog

    def exchange_dialog(self, kind: str) -> QDialog | None:
        """Tools ▸ Verify a Court Package, Back Up, Restore from a Backup (the last two administrators')."""
        if self.store is None or self.signed_in is None:
            return None
        from desktop.ui.exchange.backup_dialog import BackupDialog, RestoreDialog
        from desktop.ui.exchange.verify_package_dialog import VerifyPackageDialog

        dialog: QDialog = (VerifyPackageDialog(self) if kind == "verify" else BackupDialog(self.store, self)
                           if kind == "backup" else RestoreDialog(self.folder.root, self))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()
        return dialog

    def _edit(self, method: str) -> None:
        widget = QApplication.focusWidget()
        from PySide6.QtWidgets import QLineEdit, QTextEdit

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

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # A message given before the window showed ("Opening the data folder…") left the folder's path in
        # view under it (QStatusBar hides its normal widgets only when they are visible): give it again.
        message = self.statusBar().currentMessage()
        if message and self.folder_label.isVisible():
            self.statusBar().clearMessage()  # the same message again would be ignored
            self.statusBar().showMessage(message)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.leaving and not self.ready_to_close:  # a sign-out, lock or close is already on its way
            event.ignore()
            return
        if self.signed_in is not None and not self.ready_to_close:
            # Ask about work under way, await the ops, sign out; then close for real (``_close_now``).
            event.ignore()
            title = self.tr("Close Mediseal")
            self._unsaved_first(title, lambda: self._after_work(title, self.tr(
                "Work is under way. Closing signs you out: wait for the work to finish, or cancel it?"),
                lambda: self._sign_out_then(self._close_now)))
            return
        if self.store is not None:  # a folder that never opened gets no ui.ini written into it
            self.save_view_state()
        super().closeEvent(event)
