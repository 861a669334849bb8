"""Stand-in for the case workspace (another branch brings the real one): the interface the Cases page
opens a case tab with."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.core.storage.store import OpenStore
from desktop.core.trust.sign_in import SignedInUser


class CaseWorkspace(QWidget):
    """One case in its own tab. ``case_changed(number)`` says the case was changed (the register reads
    it again)."""

    case_changed = Signal(str)

    def __init__(self, store: OpenStore, signed_in: SignedInUser, number: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseWorkspace")
        self.store = store
        self.signed_in = signed_in
        self.number = number
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(number))
        layout.addStretch(1)

    def title(self) -> str:
        return self.number

    def has_unsaved_edits(self) -> bool:
        return False
