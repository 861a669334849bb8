"""The minutes' sealing dialogs: close and seal a sitting (asked once, clearly; the signing key unlocked
with the user's password), add a correction (an addendum naming the entry it corrects and why, sealed in
turn), and record that a person signed the printed minutes (who, when). Each saves on a worker thread and
keeps a refusal in view with everything typed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cases import minutes
from desktop.core.cases.minutes import EntryInfo, SealedMinutes, Signing
from desktop.core.cases.sittings import Attendee, AttendeeRole, SittingInfo, SittingState
from desktop.core.storage.store import OpenStore
from desktop.core.trust import signing_keys
from desktop.core.trust.permissions import Actor
from desktop.ui.framework.changes import Changes
from desktop.ui.framework.errors import error_label
from desktop.ui.framework.i18n import label
from desktop.ui.framework.ops import submit

SNIPPET = 24  # characters of an entry a choice shows
MINUTES_CHANGES = Changes(cases=True, ledger=True)


def _snippet(text: str) -> str:
    flat = text.replace("\n", " ")
    return flat if len(flat) <= SNIPPET else flat[:SNIPPET] + "…"


class _SavingDialog(QDialog):
    """A dialog whose OK runs a core call on a worker thread; a refusal stays in view."""

    def __init__(self, title: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.message = error_label("dialogMessage")
        self.buttons = QDialogButtonBox()
        self.ok_button = QPushButton(ok_text)
        self.ok_button.setObjectName("okButton")
        self.ok_button.setDefault(True)
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.attempt)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.layout_ = QVBoxLayout(self)

    def finish_layout(self, *above: QWidget) -> None:
        for widget in above:
            self.layout_.addWidget(widget)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.message)
        self.layout_.addWidget(self.buttons)

    def attempt(self) -> None:
        raise NotImplementedError

    def password_field(self) -> QLineEdit:
        password = QLineEdit()
        password.setObjectName("passwordEdit")
        password.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(self.tr("Your &password:"), password)
        return password


class SealDialog(_SavingDialog):
    """Close the sitting and seal its minutes: permanent, so it says what it does and asks for the
    password that unlocks the signing key. ``result_`` holds the sealed record once saved."""

    def __init__(self, store: OpenStore, actor: Actor, sitting: SittingInfo, unconfirmed: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Close and Seal the Minutes"), self.tr("Close and &Seal"), parent)
        self.setObjectName("sealMinutesDialog")
        self.store, self.actor, self.sitting = store, actor, sitting
        self.result_: SealedMinutes | None = None
        text = QLabel(self.tr(
            "Seal the minutes of this sitting ({count} entries) with your signing key? The seal is your "
            "digital signature over the whole record. It is permanent: afterwards no entry can be changed; "
            "a correction is an addendum, sealed in turn.").format(count=sitting.entry_count))
        text.setWordWrap(True)
        warning = QLabel(self.tr("The entry box still holds text that is not confirmed: it will not be "
                                 "part of the sealed minutes.") if unconfirmed else "")
        warning.setObjectName("unconfirmedWarning")
        warning.setWordWrap(True)
        warning.setVisible(unconfirmed)
        self.held = QRadioButton(label(SittingState.HELD))
        self.held.setObjectName("heldChoice")
        self.held.setChecked(True)
        self.adjourned = QRadioButton(label(SittingState.ADJOURNED))
        self.adjourned.setObjectName("adjournedChoice")
        group = QButtonGroup(self)
        group.addButton(self.held)
        group.addButton(self.adjourned)
        states = QWidget()
        row = QVBoxLayout(states)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.held)
        row.addWidget(self.adjourned)
        self.form.addRow(self.tr("The sitting was:"), states)
        self.password = self.password_field()
        self.finish_layout(text, warning)
        self.setMinimumWidth(460)

    def state(self) -> SittingState:
        return SittingState.ADJOURNED if self.adjourned.isChecked() else SittingState.HELD

    def attempt(self) -> None:
        store, actor, sitting_id = self.store, self.actor, self.sitting.id
        password, state = self.password.text(), self.state()

        def task() -> SealedMinutes:
            with store.database.session_scope() as session:
                key = signing_keys.unlock(session, actor, password)
                return minutes.close_sitting(session, actor, key, sitting_id, state=state)

        def done(sealed: SealedMinutes) -> None:
            self.result_ = sealed
            self.accept()

        submit(self, task, self.message, [self.ok_button, self.password], done, MINUTES_CHANGES)


class AddendumDialog(_SavingDialog):
    """A correction of sealed minutes: the entry it corrects, why (required) and the corrected text."""

    def __init__(self, store: OpenStore, actor: Actor, sitting: SittingInfo, entries: Sequence[EntryInfo],
                 chosen_seq: int | None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add a Correction (Addendum)"), self.tr("Seal the &Addendum"), parent)
        self.setObjectName("addendumDialog")
        self.store, self.actor, self.sitting = store, actor, sitting
        self.result_: SealedMinutes | None = None
        self.entry_combo = QComboBox()
        self.entry_combo.setObjectName("correctedEntry")
        for info in entries:
            self.entry_combo.addItem(f"{info.seq}  {info.speaker}：{_snippet(info.text)}", info.seq)
        if chosen_seq is not None:
            self.entry_combo.setCurrentIndex(max(self.entry_combo.findData(chosen_seq), 0))
        self.reason = QLineEdit()
        self.reason.setObjectName("reasonEdit")
        self.text = QPlainTextEdit()
        self.text.setObjectName("correctionEdit")
        self.text.setTabChangesFocus(True)
        self.form.addRow(self.tr("Corrects &entry:"), self.entry_combo)
        self.form.addRow(self.tr("&Reason (required):"), self.reason)
        self.form.addRow(self.tr("Corrected &text:"), self.text)
        self.password = self.password_field()
        intro = QLabel(self.tr("The sealed minutes stay as they are; the addendum names the entry it "
                               "corrects and why, and is sealed with your key."))
        intro.setWordWrap(True)
        self.finish_layout(intro)
        self.setMinimumWidth(520)

    def has_unsaved_edits(self) -> bool:
        return bool(self.reason.text().strip() or self.text.toPlainText().strip())

    def attempt(self) -> None:
        store, actor, sitting_id = self.store, self.actor, self.sitting.id
        seq = self.entry_combo.currentData()
        reason, text, password = self.reason.text(), self.text.toPlainText(), self.password.text()

        def task() -> SealedMinutes:
            with store.database.session_scope() as session:
                key = signing_keys.unlock(session, actor, password)
                return minutes.add_addendum(session, actor, key, sitting_id, int(seq or 0), reason, text)

        def done(sealed: SealedMinutes) -> None:
            self.result_ = sealed
            self.accept()

        submit(self, task, self.message, [self.ok_button], done, MINUTES_CHANGES)


class SigningDialog(_SavingDialog):
    """Record that a person signed the printed minutes (or an addendum): who, in which role, when."""

    def __init__(self, store: OpenStore, actor: Actor, records: Sequence[SealedMinutes],
                 attendees: Sequence[Attendee], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Record a Signing of the Printed Minutes"), self.tr("&Record"), parent)
        self.setObjectName("signingDialog")
        self.store, self.actor = store, actor
        self.result_: Signing | None = None
        self.record_combo = QComboBox()
        self.record_combo.setObjectName("signedRecord")
        for record in records:
            self.record_combo.addItem(
                self.tr("The minutes") if record.corrects_seq is None else
                self.tr("Addendum to entry {seq}").format(seq=record.corrects_seq), record.id)
        self.attendees = list(attendees)
        self.name_combo = QComboBox()
        self.name_combo.setObjectName("signerName")
        self.name_combo.setEditable(True)
        for attendee in self.attendees:
            self.name_combo.addItem(attendee.name, attendee.role.value)
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("signerRole")
        for role in AttendeeRole:
            self.role_combo.addItem(label(role), role.value)
        self.name_combo.currentIndexChanged.connect(self._name_chosen)
        self._name_chosen(self.name_combo.currentIndex())
        self.when = QDateTimeEdit(QDateTime.currentDateTime())
        self.when.setObjectName("signedAt")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.form.addRow(self.tr("Signed &document:"), self.record_combo)
        self.form.addRow(self.tr("&Name:"), self.name_combo)
        self.form.addRow(self.tr("R&ole:"), self.role_combo)
        self.form.addRow(self.tr("Signed &at:"), self.when)
        self.finish_layout()
        self.setMinimumWidth(440)

    def _name_chosen(self, index: int) -> None:
        role = self.name_combo.itemData(index)
        if role:
            self.role_combo.setCurrentIndex(max(self.role_combo.findData(role), 0))

    def attempt(self) -> None:
        store, actor = self.store, self.actor
        record_id, name = self.record_combo.currentData(), self.name_combo.currentText()
        role = AttendeeRole(self.role_combo.currentData())
        signed_at = self.when.dateTime().toPython()
        assert isinstance(signed_at, datetime)
        signed_at = signed_at.astimezone(UTC)  # the local time typed, as an aware UTC time

        def task() -> Signing:
            with store.database.session_scope() as session:
                return minutes.record_signing(session, actor, int(record_id), name, role, signed_at)

        def done(signing: Signing) -> None:
            self.result_ = signing
            self.accept()

        submit(self, task, self.message, [self.ok_button], done, MINUTES_CHANGES)
