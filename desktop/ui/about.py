"""The About dialog: versions of the app and of what it runs on, and where its data lives."""

from __future__ import annotations

import platform
from html import escape

import PySide6
import sqlalchemy
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import APP_NAME, __version__
from desktop.core.datafolder import OpenStore


def version_lines(store: OpenStore) -> list[tuple[str, str]]:
    """(label, value) pairs shown in the About dialog, untranslated labels."""
    return [
        ("Mediseal", __version__),
        ("Python", platform.python_version()),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("SQLAlchemy", sqlalchemy.__version__),
        ("Database", store.database_label),
        ("Schema", store.migration.to_revision),
    ]


class AboutDialog(QMessageBox):
    """Versions and paths, selectable so they can be pasted into a support request."""

    def __init__(self, store: OpenStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About {app}").format(app=APP_NAME))
        self.setIcon(QMessageBox.Icon.Information)
        rows = "".join(f"<tr><td>{label}</td><td>{escape(value)}</td></tr>"
                       for label, value in version_lines(store))
        intro = self.tr("Offline workbench for IP-dispute mediation, electronic notarial evidence and "
                        "documents for judicial confirmation.")
        folder = self.tr("Data folder")
        log_file = self.tr("Log file")
        self.setText(f"<b>{APP_NAME} {__version__}</b><p>{intro}</p><table>{rows}"
                     f"<tr><td>{folder}</td><td>{escape(str(store.folder.root))}</td></tr>"
                     f"<tr><td>{log_file}</td><td>{escape(str(store.log_file))}</td></tr></table>")
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
