"""Recording how a mediation ended: a written agreement (who signed and when), an oral one (its content,
as the mediator records it), failure or withdrawal (with the reason). Core checks every rule
(``cases.outcomes``); this dialog asks and shows its refusals."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cases.deadlines import office_today
from desktop.core.cases.outcomes import OutcomeInfo, OutcomeInput, OutcomeKind, Signing, record_outcome
from desktop.core.cases.parties import PartyInfo
from desktop.core.storage.store import OpenStore
from desktop.core.trust.permissions import Actor
from desktop.ui.cases.checked_form import OptionalDate, to_date
from desktop.ui.framework.changes import Changes
from desktop.ui.framework.errors import error_label
from desktop.ui.framework.i18n import label
from desktop.ui.framework.ops import Op, submit

OK_CANCEL = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
TEXT_ROWS = 5


def date_edit(object_name: str) -> QDateEdit:
    """A date, today by default, typed or chosen from a calendar."""
    today = office_today()
    edit = QDateEdit(QDate(today.year, today.month, today.day))
    edit.setObjectName(object_name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def text_edit(object_name: str, rows: int = TEXT_ROWS) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(object_name)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * rows + 12)
    return edit


class OutcomeDialog(QDialog):
    """Record the outcome of case ``number`` (in mediation); its parties sign a written agreement."""

    def __init__(self, store: OpenStore, actor: Actor, number: str, parties: Sequence[PartyInfo],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outcomeDialog")
        self.setWindowTitle(self.tr("Record the Outcome of {number}").format(number=number))
        self.store, self.actor, self.number = store, actor, number
        self.recorded: OutcomeInfo | None = None
        self.op: Op[OutcomeInfo] | None = None
        self.kind = QComboBox()
        self.kind.setObjectName("outcomeKind")
        for kind in OutcomeKind:
            self.kind.addItem(label(kind), kind.value)
        self.pages = QStackedWidget()
        # A written agreement: each party's signature and day, the mediator's, the date of effect.
        written = QWidget()
        written_form = QFormLayout(written)
        self.signatures: list[tuple[PartyInfo, QCheckBox, QDateEdit]] = []
        for party in parties:
            box = QCheckBox(self.tr("{name} ({role}) signed on").format(name=party.identity.name,
                                                                       role=label(party.role)))
            box.setObjectName(f"signed{party.id}")
            box.setChecked(True)
            day = date_edit(f"signedOn{party.id}")
            box.toggled.connect(day.setEnabled)
            written_form.addRow(box, day)
            self.signatures.append((party, box, day))
        self.mediator_signed = date_edit("mediatorSignedOn")
        written_form.addRow(self.tr("The mediator signed on:"), self.mediator_signed)
        self.written_effective = OptionalDate()
        self.written_effective.setObjectName("writtenEffectiveOn")
        written_form.addRow(self.tr("Date of effect (empty: the last signature):"), self.written_effective)
        note = QLabel(self.tr("A written agreement takes effect once the parties and the mediator have "
                              "signed it (People's Mediation Law art. 29)."))
        note.setWordWrap(True)
        written_form.addRow(note)
        # An oral agreement: its content, recorded by the mediator (art. 28), and the day it was reached.
        oral = QWidget()
        oral_form = QFormLayout(oral)
        self.content = text_edit("oralContent")
        oral_form.addRow(self.tr("Content of the agreement:"), self.content)
        self.oral_effective = date_edit("oralEffectiveOn")
        oral_form.addRow(self.tr("Reached on:"), self.oral_effective)
        # Failure or withdrawal: the reason.
        ended = QWidget()
        ended_form = QFormLayout(ended)
        self.reason = text_edit("outcomeReason", 4)
        ended_form.addRow(self.tr("Reason (required):"), self.reason)
        for page in (written, oral, ended, ended):
            self.pages.addWidget(page)
        self.kind.currentIndexChanged.connect(self.pages.setCurrentIndex)
        self.message = error_label("outcomeDialogMessage")
        buttons = QDialogButtonBox(OK_CANCEL)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("outcomeConfirm")
        self.ok_button.setText(self.tr("Record"))
        buttons.accepted.connect(self.attempt)
        buttons.rejected.connect(self.reject)
        top = QFormLayout()
        top.addRow(self.tr("Outcome:"), self.kind)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def chosen(self) -> OutcomeKind:
        return OutcomeKind(self.kind.currentData())

    def given(self) -> OutcomeInput:
        kind = self.chosen()
        if kind is OutcomeKind.WRITTEN_AGREEMENT:
            signings = tuple(Signing(party.id, to_date(day.date())) for party, box, day in self.signatures
                             if box.isChecked())
            return OutcomeInput(kind, self.written_effective.value(), signings,
                                mediator_signed_on=to_date(self.mediator_signed.date()))
        if kind is OutcomeKind.ORAL_AGREEMENT:
            return OutcomeInput(kind, to_date(self.oral_effective.date()), content=self.content.toPlainText())
        return OutcomeInput(kind, reason=self.reason.toPlainText())

    def has_unsaved_edits(self) -> bool:
        typed = self.content.toPlainText().strip() or self.reason.toPlainText().strip()
        return self.isVisible() and bool(typed)

    def attempt(self) -> Op[OutcomeInfo] | None:
        if self.op is not None:
            return None
        store, actor, number, given = self.store, self.actor, self.number, self.given()

        def run() -> OutcomeInfo:
            with store.database.session_scope() as session:
                return record_outcome(session, actor, number, given)

        self.op = submit(self, run, self.message, [self.ok_button], self._recorded,
                         Changes(cases=True, ledger=True))
        self.op.finished.connect(self._finished)
        return self.op

    def _finished(self) -> None:
        self.op = None

    def _recorded(self, info: OutcomeInfo) -> None:
        self.recorded = info
        self.accept()
