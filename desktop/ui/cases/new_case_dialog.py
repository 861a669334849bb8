"""Registering a case (登记案件): the details form (``details_form.DetailsForm``, the one the workspace's
"Edit Details" uses), saved as a new matter of the kind chosen; the case is opened on a worker thread."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from desktop.core.cases import matters
from desktop.core.cases.matters import CaseInfo
from desktop.core.errors import MedisealError
from desktop.core.storage.store import OpenStore
from desktop.core.trust.sign_in import SignedInUser
from desktop.ui.cases.details_form import DetailsForm
from desktop.ui.framework.changes import Changes
from desktop.ui.framework.errors import show_error
from desktop.ui.framework.ops import Op, run_op

DIALOG_HEIGHT = 620  # every row in view on a 700-pixel screen, the court's rows too


class NewCaseDialog(QDialog):
    """Register a case; once opened, ``opened(number)`` (and the dialog closes)."""

    opened = Signal(str)

    def __init__(self, store: OpenStore, signed_in: SignedInUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newCaseDialog")
        self.setWindowTitle(self.tr("Register a Case"))
        self.store = store
        self.signed_in = signed_in
        self.case: CaseInfo | None = None
        self.op: Op[CaseInfo] | None = None
        self.form = DetailsForm()
        self.message = self.form.message
        standard = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(standard.Ok | standard.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Register"))
        self.ok_button.setObjectName("registerCase")
        buttons.accepted.connect(self.attempt)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form, 1)
        layout.addWidget(buttons)
        self.resize(max(600, self.sizeHint().width()), DIALOG_HEIGHT)

    def attempt(self) -> Op[CaseInfo] | None:
        """Check the form (a fault marks its field), then open the case on a worker thread."""
        if self.op is not None:
            return None
        try:
            details = self.form.value()
        except MedisealError:
            return None
        kind = self.form.kind()
        store, actor = self.store, self.signed_in.actor

        def register_case() -> CaseInfo:
            with store.database.session_scope() as session:
                return matters.open_matter(session, actor, kind, details)

        def refused(error: BaseException) -> None:
            if isinstance(error, MedisealError):
                self.form.show_error(error)  # the field core names is marked, its words in the red line
            else:
                show_error(self, error)

        op = run_op(self, lambda _progress, _cancelled: register_case()).on_success(self._opened)
        op.on_failure(refused).changing(Changes(cases=True, ledger=True))
        op.finished.connect(self._finished)
        for widget in (self.ok_button, self.form):
            widget.setEnabled(False)
        self.op = op.start()
        return self.op

    def _finished(self) -> None:
        self.op = None
        for widget in (self.ok_button, self.form):
            widget.setEnabled(True)

    def _opened(self, case: CaseInfo) -> None:
        self.case = case
        self.accept()
        self.opened.emit(case.number)
