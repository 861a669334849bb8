"""The About dialog: versions of the app and of what it runs on, and where its data lives."""

from __future__ import annotations

import platform
from html import escape

import PySide6
import sqlalchemy
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from db.revisions import head_revision
from desktop import APP_NAME, __version__
from desktop.core.storage.datafolder import DataFolder
from desktop.core.storage.store import OpenStore


def version_lines(store: OpenStore | None) -> list[tuple[str, str]]:
    """(label, value) pairs shown in the About dialog: software by its own name, the rest in the user's
    language."""
    translate = QCoreApplication.translate
    lines = [
        (APP_NAME, __version__),
        ("Python", platform.python_version()),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("SQLAlchemy", sqlalchemy.__version__),
        (translate("AboutDialog", "Schema"), head_revision()),
    ]
    if store is not None:
        lines.append((translate("AboutDialog", "Database"), store.database_label))
    return lines


class AboutDialog(QMessageBox):
    """Versions and paths, selectable so they can be pasted into a support request."""

    def __init__(self, folder: DataFolder, store: OpenStore | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About {app}").format(app=APP_NAME))
        self.setIcon(QMessageBox.Icon.Information)
        rows = version_lines(store)
        rows.append((self.tr("Data folder"), str(folder.root)))
        if store is not None:
            rows.append((self.tr("Log file"), str(store.log_file)))
        table = "".join(f"<tr><td>{escape(label)}&nbsp;&nbsp;</td><td>{escape(value)}</td></tr>"
                        for label, value in rows)
        intro = self.tr("Offline workbench for IP-dispute mediation, electronic notarial evidence and "
                        "documents for judicial confirmation.")
        self.setText(f"<b>{APP_NAME} {__version__}</b><p>{escape(intro)}</p><table>{table}</table>")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
