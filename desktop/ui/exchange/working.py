"""What the exchange dialogs share: a progress bar with its Cancel button for the op under way, a file name
made safe from a case number, and opening a file's folder in the desktop's file manager."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from desktop.ui.framework.ops import Op

# Characters Windows, macOS or Linux refuse in a file name, and control characters.
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')


def safe_file_name(text: str, fallback: str = "package") -> str:
    """``text`` as a file name on every system: refused characters become ``_``, no dot or space at the
    ends (Windows drops them); full-width brackets and Chinese stay: （2026）云知调字第0001号."""
    name = _UNSAFE.sub("_", text).strip(" .")
    return name or fallback


ACCEPT = QDialogButtonBox.ButtonRole.AcceptRole
ACTION = QDialogButtonBox.ButtonRole.ActionRole


def default_folder() -> Path:
    """Where the file dialogs start: the user's documents folder."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def open_folder(path: Path) -> None:
    """Show the folder holding ``path`` in the file manager."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def path_row(edit: QLineEdit, button: QPushButton) -> QHBoxLayout:
    """A path field with its Choose… button beside it."""
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(button)
    return row


def ask_new_zip(parent: QWidget, title: str, edit: QLineEdit) -> None:
    """Ask where to write a new zip, starting from ``edit``'s path, and put the answer there (``.zip``
    added when the user left it out)."""
    zips = QCoreApplication.translate("ExchangeFiles", "Zip archives (*.zip)")
    name, _filter = QFileDialog.getSaveFileName(parent, title, edit.text(), zips)
    if name:
        edit.setText(name if name.lower().endswith(".zip") else name + ".zip")


def result_label(name: str) -> QLabel:
    """A wrapping, selectable line for what an op did (hidden until it has something to say)."""
    shown = QLabel()
    shown.setObjectName(name)
    shown.setWordWrap(True)
    shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    shown.setVisible(False)
    return shown


class ProgressRow(QWidget):
    """A progress bar and a Cancel button, in view while an op runs (hidden otherwise)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.bar = QProgressBar()
        self.bar.setObjectName(name + "Bar")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName(name + "Cancel")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel_button)
        self.op: Op[Any] | None = None
        self.cancel_button.clicked.connect(self.cancel)
        self.setVisible(False)

    def track(self, op: Op[Any]) -> None:
        """Show ``op``'s progress (before ``op.start()``); hidden again when it ends."""
        self.op = op
        self.bar.setRange(0, 0)  # busy until the first report
        self.cancel_button.setEnabled(True)
        op.on_progress(self._progress)
        op.finished.connect(self._finished)
        self.setVisible(True)

    def cancel(self) -> None:
        if self.op is not None:
            self.op.cancel()
            self.cancel_button.setEnabled(False)

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            # A QProgressBar counts in int (32 bits): bytes of a large package are scaled to per mille.
            self.bar.setRange(0, 1000)
            self.bar.setValue(min(1000, done * 1000 // total))

    def _finished(self) -> None:
        self.op = None
        self.setVisible(False)
