"""Finalising the agreement: the parties have signed it on paper. The dialog asks who signed and on which
day (each party, the mediator), the date of effect (which starts the 30 days to apply for judicial
confirmation, Civil Procedure Law art. 205) and the mediator's password, which unlocks the key that seals
it. Sealing is permanent and the dialog says so; core checks every rule and the refusal stays in view."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cases.outcomes import OutcomeInfo, Signing
from desktop.core.cases.parties import PartyInfo
from desktop.core.documents import agreement
from desktop.core.storage.store import OpenStore
from desktop.core.trust.permissions import Actor
from desktop.ui.cases.checked_form import OptionalDate, to_date
from desktop.ui.cases.outcome_dialog import date_edit
from desktop.ui.framework.changes import Changes
from desktop.ui.framework.errors import error_label
from desktop.ui.framework.i18n import label, listed
from desktop.ui.framework.ops import Op, submit


class FinaliseDialog(QDialog):
    """Seal the saved draft of case ``number`` as its agreement (``agreement.finalise``)."""

    def __init__(self, store: OpenStore, actor: Actor, number: str, parties: Sequence[PartyInfo],
                 parent: QWidget | None = None, *, recorded: OutcomeInfo | None = None,
                 supplement: bool = False) -> None:
        """``recorded``: the written-agreement outcome already recorded (its signatures and date are the
        agreement's: nothing to ask again); ``supplement``: a supplementary agreement (the case stays)."""
        super().__init__(parent)
        self.setObjectName("finaliseDialog")
        self.setWindowTitle(self.tr("Finalise the Agreement of {number}").format(number=number))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.store, self.actor, self.number = store, actor, number
        self.result_: Any = None
        self.op: Op[Any] | None = None
        self.recorded = recorded
        intro = QLabel(self.tr(
            "Finalise once the parties and the mediator have signed the printed supplementary agreement. It "
            "is then sealed with your signing key and can no longer be changed.") if supplement else self.tr(
            "Finalise once the parties and the mediator have signed the printed agreement. It is then "
            "sealed with your signing key and can no longer be changed: only a supplementary agreement "
            "adds to it. The case moves to “agreement reached”."))
        intro.setWordWrap(True)
        form = QFormLayout()
        self.signatures: list[tuple[PartyInfo, QCheckBox, QDateEdit]] = []
        self.signed_as_recorded = QLabel()
        self.signed_as_recorded.setObjectName("signedAsRecorded")
        self.signed_as_recorded.setWordWrap(True)
        if recorded is not None:  # core attaches the agreement to that outcome, with its signatures
            signed = listed(self.tr("{name} on {day}").format(name=entry.name,
                                                              day=entry.signed_on.isoformat())
                            for entry in recorded.signed)
            self.signed_as_recorded.setText(self.tr(
                "The outcome already records this written agreement: signed by {signed}, in effect from "
                "{day}. It is finalised with these signatures.").format(
                    signed=signed, day=recorded.effective_on.isoformat() if recorded.effective_on else "—"))
            form.addRow(self.signed_as_recorded)
        for party in parties if recorded is None else ():
            box = QCheckBox(self.tr("{name} ({role}) signed on").format(name=party.identity.name,
                                                                       role=label(party.role)))
            box.setObjectName(f"signed{party.id}")
            box.setChecked(True)
            day = date_edit(f"signedOn{party.id}")
            box.toggled.connect(day.setEnabled)
            form.addRow(box, day)
            self.signatures.append((party, box, day))
        self.mediator_signed = date_edit("mediatorSignedOn")
        self.effective = OptionalDate()
        self.effective.setObjectName("effectiveOn")
        if recorded is None:
            form.addRow(self.tr("The mediator signed on:"), self.mediator_signed)
            form.addRow(self.tr("Date of effect (empty: the last signature):"), self.effective)
        self.password = QLineEdit()
        self.password.setObjectName("passwordEdit")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        password_label = QLabel(self.tr("Your &password:"))
        password_label.setBuddy(self.password)
        form.addRow(password_label, self.password)
        self.message = error_label("finaliseMessage")
        buttons = QDialogButtonBox()
        self.ok_button = QPushButton(self.tr("Finalise and &Seal"))
        self.ok_button.setObjectName("finaliseConfirm")
        self.ok_button.setDefault(True)
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.attempt)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.password.setFocus()
        self.resize(560, self.sizeHint().height())

    def signings(self) -> tuple[Signing, ...]:
        return tuple(Signing(party.id, to_date(day.date())) for party, box, day in self.signatures
                     if box.isChecked())

    def attempt(self) -> Op[Any] | None:
        if self.op is not None:
            return None
        store, actor, number = self.store, self.actor, self.number
        password, signings = self.password.text(), self.signings()
        mediator_signed_on: date | None = to_date(self.mediator_signed.date())
        effective_on = self.effective.value()
        if self.recorded is not None:  # as the outcome records them
            mediator_signed_on = None

        def run() -> Any:
            with store.database.session_scope() as session:
                return agreement.finalise(session, actor, number, password, signings, effective_on,
                                          mediator_signed_on=mediator_signed_on)

        self.op = submit(self, run, self.message, [self.ok_button], self._sealed,
                         Changes(cases=True, ledger=True))
        self.op.finished.connect(self._finished)
        return self.op

    def _finished(self) -> None:
        self.op = None

    def _sealed(self, info: Any) -> None:
        self.result_ = info
        self.password.clear()
        self.accept()
