"""Performance of an agreement in the window: adding what a party must do (a sum, at once or in
instalments, or an act, with its due date), and recording what was done with proof files, which are taken
into the vault as evidence of the case with progress and cancel. Core checks every rule
(``cases.performance``); these dialogs ask and show its refusals."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cases.parties import PartyInfo
from desktop.core.cases.performance import (
    DoneInfo,
    DoneInput,
    Instalment,
    ObligationInfo,
    ObligationInput,
    ObligationKind,
    add_obligation,
    record_done_with_files,
)
from desktop.core.documents.amounts import parse_amount
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput, MedisealError
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.store import OpenStore
from desktop.core.trust.permissions import Actor
from desktop.ui.cases.checked_form import to_date
from desktop.ui.cases.outcome_dialog import OK_CANCEL, date_edit, text_edit
from desktop.ui.framework.changes import Changes
from desktop.ui.framework.errors import error_label, show_error
from desktop.ui.framework.i18n import label, translate_error
from desktop.ui.framework.ops import Op, run_op, submit

AMOUNT, DUE = range(2)


def _amount(text: str, field: str) -> Decimal | None:
    return parse_amount(text, field) if text.strip() else None


class ObligationDialog(QDialog):
    """Add an obligation of one of the case's parties: what, the sum (payments) and the due date, or
    instalments whose amounts add up to the sum."""

    def __init__(self, store: OpenStore, actor: Actor, number: str, parties: Sequence[PartyInfo],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("obligationDialog")
        self.setWindowTitle(self.tr("Add an Obligation to {number}").format(number=number))
        self.store, self.actor, self.number = store, actor, number
        self.added: ObligationInfo | None = None
        self.op: Op[ObligationInfo] | None = None
        self.party = QComboBox()
        self.party.setObjectName("obligationParty")
        for party in parties:
            self.party.addItem(f"{party.identity.name} ({label(party.role)})", party.id)
        self.kind = QComboBox()
        self.kind.setObjectName("obligationKind")
        for kind in ObligationKind:
            self.kind.addItem(label(kind), kind.value)
        self.description = text_edit("obligationDescription", 3)
        self.amount = QLineEdit()
        self.amount.setObjectName("obligationAmount")
        self.amount.setPlaceholderText("30000.00")
        self.due = date_edit("obligationDue")
        self.instalments = QTableWidget(0, 2)
        self.instalments.setObjectName("obligationInstalments")
        self.instalments.setHorizontalHeaderLabels([self.tr("Amount (yuan)"), self.tr("Due date")])
        self.instalments.horizontalHeader().setStretchLastSection(True)
        self.instalments.setMaximumHeight(140)
        add_row = QPushButton(self.tr("Add Instalment"))
        add_row.setObjectName("addInstalment")
        add_row.clicked.connect(lambda _checked=False: self.add_instalment())
        remove_row = QPushButton(self.tr("Remove Instalment"))
        remove_row.setObjectName("removeInstalment")
        remove_row.clicked.connect(lambda _checked=False: self.instalments.removeRow(
            self.instalments.currentRow()))
        rows = QHBoxLayout()
        rows.addWidget(add_row)
        rows.addWidget(remove_row)
        rows.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Obliged party:"), self.party)
        form.addRow(self.tr("What:"), self.kind)
        form.addRow(self.tr("Details:"), self.description)
        form.addRow(self.tr("Sum (yuan, payments):"), self.amount)
        form.addRow(self.tr("Due date (without instalments):"), self.due)
        form.addRow(self.tr("Instalments:"), self.instalments)
        form.addRow("", rows)
        self.message = error_label("obligationDialogMessage")
        buttons = QDialogButtonBox(OK_CANCEL)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("obligationConfirm")
        buttons.accepted.connect(self.attempt)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def add_instalment(self, amount: str = "", due: str = "") -> None:
        row = self.instalments.rowCount()
        self.instalments.insertRow(row)
        self.instalments.setItem(row, AMOUNT, QTableWidgetItem(amount))
        self.instalments.setItem(row, DUE, QTableWidgetItem(due or to_date(self.due.date()).isoformat()))

    def given(self) -> ObligationInput:
        parts = []
        for row in range(self.instalments.rowCount()):
            amount_item, due_item = self.instalments.item(row, AMOUNT), self.instalments.item(row, DUE)
            try:
                due = date.fromisoformat((due_item.text() if due_item else "").strip())
            except ValueError:
                raise InvalidInput(QT_TRANSLATE_NOOP(
                    "errors", "Instalment {row}: the due date is not a date (YYYY-MM-DD)."),
                    field="instalments", row=row + 1) from None
            parts.append(Instalment(_amount(amount_item.text() if amount_item else "", "instalments"), due))
        kind = ObligationKind(self.kind.currentData())
        return ObligationInput(int(self.party.currentData()), kind, self.description.toPlainText(),
                               _amount(self.amount.text(), "amount"),
                               None if parts else to_date(self.due.date()), tuple(parts))

    def has_unsaved_edits(self) -> bool:
        return self.isVisible() and bool(self.description.toPlainText().strip() or self.amount.text().strip())

    def attempt(self) -> Op[ObligationInfo] | None:
        if self.op is not None:
            return None
        try:
            given = self.given()
        except MedisealError as error:
            self.message.setText(translate_error(error))
            return None
        store, actor, number = self.store, self.actor, self.number

        def run() -> ObligationInfo:
            with store.database.session_scope() as session:
                return add_obligation(session, actor, number, given)

        self.op = submit(self, run, self.message, [self.ok_button], self._added,
                         Changes(cases=True, ledger=True))
        self.op.finished.connect(self._finished)
        return self.op

    def _finished(self) -> None:
        self.op = None

    def _added(self, info: ObligationInfo) -> None:
        self.added = info
        self.accept()


class DoneDialog(QDialog):
    """Record what was done towards ``obligation``: the day, what, the sum paid (payments) and proof
    files, taken into the vault as evidence of the case (with progress; Cancel records nothing)."""

    def __init__(self, store: OpenStore, actor: Actor, obligation: ObligationInfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("doneDialog")
        self.setWindowTitle(self.tr("Record Performance"))
        self.store, self.actor, self.obligation = store, actor, obligation
        self.recorded: DoneInfo | None = None
        self.op: Op[DoneInfo] | None = None
        self.paths: list[Path] = []
        what = QLabel(self.tr("{party}: {kind}").format(party=obligation.party_name,
                                                        kind=label(obligation.kind)))
        what.setWordWrap(True)
        self.done_on = date_edit("doneOn")
        self.description = text_edit("doneDescription", 3)
        self.amount = QLineEdit()
        self.amount.setObjectName("doneAmount")
        outstanding = obligation.outstanding
        self.amount.setEnabled(outstanding is not None)
        if outstanding is not None:
            self.amount.setText(f"{outstanding:.2f}")
        self.proofs = QListWidget()
        self.proofs.setObjectName("doneProofs")
        self.proofs.setMaximumHeight(100)
        add_files = QPushButton(self.tr("Add Proof Files…"))
        add_files.setObjectName("addProofFiles")
        add_files.clicked.connect(lambda _checked=False: self.choose_files())
        form = QFormLayout()
        form.addRow(self.tr("Obligation:"), what)
        form.addRow(self.tr("Done on:"), self.done_on)
        form.addRow(self.tr("What was done:"), self.description)
        form.addRow(self.tr("Sum paid (yuan):"), self.amount)
        form.addRow(self.tr("Proof files:"), self.proofs)
        form.addRow("", add_files)
        self.message = error_label("doneDialogMessage")
        buttons = QDialogButtonBox(OK_CANCEL)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("doneConfirm")
        self.ok_button.setText(self.tr("Record"))
        buttons.accepted.connect(self.attempt)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(self, self.tr("Proof of Performance"))
        self.add_files([Path(name) for name in names])

    def add_files(self, paths: Sequence[Path]) -> None:
        for path in paths:
            self.paths.append(path)
            self.proofs.addItem(path.name)

    def has_unsaved_edits(self) -> bool:
        return self.isVisible() and bool(self.description.toPlainText().strip() or self.paths)

    def attempt(self) -> Op[DoneInfo] | None:
        if self.op is not None:
            return None
        try:
            amount = _amount(self.amount.text(), "amount") if self.amount.isEnabled() else None
        except MedisealError as error:
            self.message.setText(translate_error(error))
            return None
        given = DoneInput(self.obligation.id, to_date(self.done_on.date()), self.description.toPlainText(),
                          amount)
        store, actor, paths = self.store, self.actor, list(self.paths)

        def run(progress: ProgressFn, cancelled: CancelledFn) -> DoneInfo:
            return record_done_with_files(store.database, store.vault, actor, given, paths, progress=progress,
                                          cancelled=cancelled)

        self.message.clear()
        self.ok_button.setEnabled(False)
        op = run_op(self, run).on_success(self._recorded).on_failure(self._refused)
        op.changing(Changes(cases=True, evidence=True, ledger=True))
        if paths:
            op.with_progress(self.tr("Taking proof files into the vault…"))
        op.finished.connect(self._finished)
        self.op = op
        return op.start()

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, MedisealError):
            self.message.setText(translate_error(error))
        else:
            show_error(self, error)

    def _finished(self) -> None:
        self.op = None
        self.ok_button.setEnabled(True)

    def _recorded(self, info: DoneInfo) -> None:
        self.recorded = info
        self.accept()
