"""Starting the desktop app: the window shows at once, the store opens off the GUI thread, then the
first-start wizard (when the office is not yet known) or the work begins. When a SQLite store already
looks set up (a standard-library read, before SQLAlchemy loads), the sign-in dialog shows right after the
window, while the store opens behind it."""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from desktop import APP_NAME, __version__
from desktop.config import Settings
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.datafolder import database_label, preflight
from desktop.ui.framework.collector import freeze_startup_objects, install_collector
from desktop.ui.framework.errors import install_excepthook, show_error
from desktop.ui.framework.i18n import choose_language, install_translator
from desktop.ui.main_window import MainWindow

if TYPE_CHECKING:
    from desktop.core.office.office import OfficeInfo
    from desktop.core.storage.store import OpenStore
    from desktop.core.trust.sign_in import SignedInUser
    from desktop.ui.framework.ops import Op
    from desktop.ui.setup.wizard import SetupWizard
    from desktop.ui.sign_in.dialog import SignInDialog

log = logging.getLogger(__name__)

EXIT_STORE_FAILED = 2  # as the CLI's "bad input": the data folder or database could not be opened


def application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, created if needed, with the app's names set."""
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [sys.argv[0]])
    install_collector(app)  # Python's garbage collection on the GUI thread only
    return app


@dataclass(frozen=True, slots=True)
class _Opened:
    store: OpenStore
    office: OfficeInfo | None
    has_users: bool


def _open(settings: Settings) -> _Opened:
    """Worker-thread part of start-up: open and migrate the store, read the office and whether it has
    users yet."""
    from desktop.core.office.office import get_office
    from desktop.core.storage.store import open_store
    from desktop.core.trust.users import user_count

    store = open_store(settings)
    try:
        with store.database.session_scope() as session:
            return _Opened(store, get_office(session), user_count(session) > 0)
    except BaseException:
        store.close()
        raise


class Launcher(QObject):
    """Shows the window, opens the store in the background, then asks for the office if needed."""

    ready = Signal()  # the store is open, the office known, the window attached
    failed = Signal(object)  # the store could not be opened; the app is about to exit

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.window: MainWindow | None = None
        self.wizard: SetupWizard | None = None
        self.store: OpenStore | None = None
        self.sign_in: SignInDialog | None = None
        self.opening: Op[_Opened] | None = None
        self.office_name = ""
        self._closing = False

    def start(self) -> MainWindow:
        """Check the folder (raises ``InvalidInput`` before anything shows), show the window, open."""
        from desktop.core.office.office import looks_set_up

        folder = preflight(self.settings)
        self.window = MainWindow(folder, database_label(self.settings.database_url))
        self.window.show()
        # After the first paint (queued behind it): the opening thread would otherwise compete for the
        # GIL with it, and so would the sign-in dialog.
        early = self.settings.database_url is None and looks_set_up(folder.database_file)
        QTimer.singleShot(0, lambda: self._open_in_background(ask_at_once=early))
        return self.window

    def _open_in_background(self, ask_at_once: bool) -> None:
        from desktop.ui.framework.ops import run_op

        if self._closing or self.window is None or not self.window.isVisible():
            return

        def open_store(progress: ProgressFn, cancelled: CancelledFn) -> _Opened:
            return _open(self.settings)

        self.opening = run_op(self.window, open_store).on_success(self._opened).on_failure(self._failed)
        self.opening.start()
        if ask_at_once:
            self._ask_sign_in()

    def _ask_sign_in(self) -> None:
        from desktop.ui.sign_in.dialog import SignInDialog

        assert self.window is not None
        self.sign_in = SignInDialog(self.store, self.window)
        self.sign_in.accepted.connect(self._signed_in)
        self.sign_in.rejected.connect(self.window.close)
        self.sign_in.open()

    def _drop_sign_in(self) -> None:
        """The store said otherwise than the start-up hint (or failed): the early dialog goes."""
        if self.sign_in is not None:
            self.sign_in.accepted.disconnect(self._signed_in)
            if self.window is not None:
                self.sign_in.rejected.disconnect(self.window.close)
            self.sign_in.hide()
            self.sign_in.deleteLater()
            self.sign_in = None

    def _opened(self, opened: _Opened) -> None:
        self.store = opened.store
        if self._closing or self.window is None:
            return
        if opened.office is not None and opened.has_users:
            self.office_name = opened.office.name
            if self.sign_in is None:
                self._ask_sign_in()
            assert self.sign_in is not None
            self.sign_in.set_store(opened.store)  # a password already typed is checked now
            return
        self._drop_sign_in()
        from desktop.ui.setup.wizard import SetupWizard

        self.wizard = SetupWizard(opened.store, needs_office=opened.office is None, parent=self.window)
        self.wizard.accepted.connect(self._wizard_done)
        self.wizard.rejected.connect(self.window.close)
        self.wizard.open()

    def _signed_in(self) -> None:
        assert self.sign_in is not None and self.sign_in.session is not None
        self._attach(self.office_name, self.sign_in.session)
        self.sign_in.deleteLater()
        self.sign_in = None

    def _wizard_done(self) -> None:
        assert self.wizard is not None and self.wizard.recorded is not None
        assert self.wizard.session is not None
        self._attach(self.wizard.recorded.name, self.wizard.session)
        self.wizard.deleteLater()
        self.wizard = None

    def _attach(self, office_name: str, signed_in: SignedInUser) -> None:
        assert self.window is not None and self.store is not None
        self.window.attach(self.store, office_name, signed_in)
        self.ready.emit()

    def _failed(self, error: BaseException) -> None:
        log.error("could not open the data folder: %s", error)
        print(f"mediseal: {error}", file=sys.stderr)
        self._drop_sign_in()
        self.failed.emit(error)
        box = show_error(self.window, error)
        if box is None:
            self._give_up()
        else:
            box.finished.connect(lambda _result: self._give_up())

    def _give_up(self) -> None:
        if self.window is not None:
            self.window.close()
        QCoreApplication.exit(EXIT_STORE_FAILED)

    def active_window(self) -> QWidget | None:
        return self.wizard or self.sign_in or self.window

    def shutdown(self) -> None:
        """Sign out if still signed in (ops cancelled and awaited first), close the windows, let a store
        still opening finish, then close the store."""
        self._closing = True
        if self.window is not None:
            self.window.end_session_now()  # the event loop has stopped: cancel, await, sign out
        for widget in (self.wizard, self.sign_in, self.window):
            if widget is not None:
                widget.close()
        QThreadPool.globalInstance().waitForDone()
        QCoreApplication.processEvents()  # deliver a result that arrived after the loop ended
        if self.store is not None:
            self.store.close()
            self.store = None


def run_app(settings: Settings) -> int:
    """Run the desktop app until its window closes; return the exit code."""
    app = application()
    install_translator(app, choose_language(settings.lang))
    launcher = Launcher(settings)
    previous_hook = install_excepthook(launcher.active_window)
    try:
        launcher.start()  # a folder that cannot be used raises here, before any window shows
        freeze_startup_objects()
        return app.exec()
    finally:
        sys.excepthook = previous_hook
        launcher.shutdown()
        log.info("app closed")
