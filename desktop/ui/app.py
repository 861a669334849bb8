"""Starting the desktop app: translation, data folder, first-start wizard, main window."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from desktop import APP_NAME, __version__
from desktop.config import Settings
from desktop.core import office
from desktop.core.datafolder import OpenStore, open_store
from desktop.ui.errors import install_excepthook
from desktop.ui.i18n import choose_language, install_translator
from desktop.ui.main_window import MainWindow
from desktop.ui.setup_wizard import SetupWizard

log = logging.getLogger(__name__)


def application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, created if needed, with the app's names set."""
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    return QApplication(argv or [sys.argv[0]])


class Launcher:
    """Shows the setup wizard when the store has no office yet, then the main window."""

    def __init__(self, store: OpenStore) -> None:
        self.store = store
        self.window: MainWindow | None = None
        self.wizard: SetupWizard | None = None

    def start(self) -> QWidget:
        with self.store.database.session_scope() as session:
            info = office.get_office(session)
        if info is not None:
            return self._show_window(info.name)
        self.wizard = SetupWizard(self.store)
        self.wizard.accepted.connect(self._wizard_done)
        self.wizard.rejected.connect(QCoreApplication.quit)
        self.wizard.show()
        return self.wizard

    def _wizard_done(self) -> None:
        assert self.wizard is not None and self.wizard.recorded is not None
        self._show_window(self.wizard.recorded.name)
        self.wizard.deleteLater()
        self.wizard = None

    def _show_window(self, office_name: str) -> MainWindow:
        self.window = MainWindow(self.store, office_name)
        self.window.show()
        return self.window

    def active_window(self) -> QWidget | None:
        return self.window or self.wizard


def run_app(settings: Settings) -> int:
    """Run the desktop app until its window closes; return the exit code."""
    app = application()
    install_translator(app, choose_language(settings.lang))
    store = open_store(settings)  # errors go to the CLI boundary: printed, exit 2
    launcher = Launcher(store)
    previous_hook = install_excepthook(launcher.active_window)
    launcher.start()
    try:
        return app.exec()
    finally:
        sys.excepthook = previous_hook
        store.close()
        log.info("app closed")
