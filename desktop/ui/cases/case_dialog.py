"""The Evidence page's small "New matter" dialog: the kind of matter, the type and the title; the Cases
page registers a case with all its details."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cases.matters import TITLE_MAX, CaseInfo, CaseType
from desktop.core.office.office import MatterKind
from desktop.ui.framework.changes import Changes
from desktop.ui.framework.errors import error_label
from desktop.ui.framework.i18n import label
from desktop.ui.framework.ops import Op, submit


def case_type_titles() -> dict[str, str]:
    """Kinds of IP dispute as users read them (专利, 商标 …): the ``CaseType`` vocabulary's labels, keyed
    by code, in the vocabulary's order."""
    return {kind.value: label(kind) for kind in CaseType}


class CaseDialog(QDialog):
    """Open a matter: ``apply(kind, type, title)`` gives the service call, run on a worker thread; its
    errors stay in view (an office with no notarial series yet says so)."""

    def __init__(self, apply: Callable[[MatterKind, str, str], Callable[[], CaseInfo]],
                 parent: QWidget | None = None, kind: MatterKind = MatterKind.MEDIATION) -> None:
        super().__init__(parent)
        self.setObjectName("caseDialog")
        self.setWindowTitle(self.tr("New case"))
        self.apply = apply
        self.case: CaseInfo | None = None
        self.op: Op[CaseInfo] | None = None
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("matterKind")
        for matter in MatterKind:
            self.kind_combo.addItem(label(matter), matter.value)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("caseType")
        for code, title in case_type_titles().items():
            self.type_combo.addItem(title, code)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("caseTitle")
        self.title_edit.setMaxLength(TITLE_MAX)
        self.title_edit.setPlaceholderText(self.tr("e.g. Trademark infringement: Acme Ltd v. Corner Shop"))
        self.message = error_label("caseDialogMessage")
        form = QFormLayout()
        form.addRow(self.tr("Kind of matter:"), self.kind_combo)
        form.addRow(self.tr("Kind of dispute:"), self.type_combo)
        form.addRow(self.tr("Title:"), self.title_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Open Case"))
        self.ok_button.setEnabled(False)
        self.title_edit.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))
        buttons.accepted.connect(self.attempt)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())

    def attempt(self) -> None:
        if self.op is not None:
            return
        work = self.apply(MatterKind(self.kind_combo.currentData()), str(self.type_combo.currentData()),
                          self.title_edit.text())
        self.op = submit(self, work, self.message, [self.ok_button], self._opened,
                         Changes(cases=True, ledger=True))
        self.op.finished.connect(self._finished)

    def _finished(self) -> None:
        self.op = None
        self.ok_button.setEnabled(bool(self.title_edit.text().strip()))

    def _opened(self, case: CaseInfo) -> None:
        self.case = case
        self.accept()
