"""The office part of Settings: the office's name, its two number series (mediation cases and notarial
matters, each a prefix and a word, with a live example) and the idle lock, which every workstation
follows. Only an administrator changes them, each change a ledger entry; others read them.
Every read and write is an op; core validates and decides."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop.core.errors import InvalidInput
from desktop.core.office import office
from desktop.core.office import settings as office_settings
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.store import OpenStore
from desktop.core.trust.permissions import Action
from desktop.core.trust.sign_in import SignedInUser
from desktop.ui.framework.changes import Changes, Refresher
from desktop.ui.framework.errors import show_error
from desktop.ui.framework.i18n import translate_error
from desktop.ui.framework.ops import Op, run_op
from desktop.ui.framework.reads import LatestRead
from desktop.ui.settings.timestamps import TimestampDialog, TimestampSender
from desktop.ui.setup.series import SeriesRow

OFFICE_CHANGES = Changes(settings=True, ledger=True)


@dataclass(frozen=True, slots=True)
class _Loaded:
    office: office.OfficeInfo | None
    settings: office_settings.OfficeSettings


class OfficeSection(QGroupBox):
    """The office's name, number series and idle lock: edited by an administrator, read by others."""

    def __init__(self, store: OpenStore, signed_in: SignedInUser, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Office (every workstation)"), parent)
        self.setObjectName("officeSection")
        self.store = store
        self.signed_in = signed_in
        self.dialog: QWidget | None = None
        self.stored_office: office.OfficeInfo | None = None
        self.stored_minutes: int | None = None
        self.reads = LatestRead(self, self._load, self._loaded)

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("officeName")
        self.name_edit.setMaxLength(office.OFFICE_NAME_MAX)
        self.mediation = SeriesRow(office.MatterKind.MEDIATION)
        self.notarial = SeriesRow(office.MatterKind.NOTARIAL)
        self.prefix_edit = self.mediation.prefix_edit
        self.word_edit = self.mediation.word_edit
        self.example = self.mediation.example
        self.notarial_example = self.notarial.example
        self.office_button = QPushButton(self.tr("&Change Office…"))
        self.office_button.setObjectName("applyOffice")
        self.office_button.clicked.connect(self.apply_office)
        self.name_edit.textChanged.connect(self._office_edited)
        self.mediation.edited.connect(self._office_edited)
        self.notarial.edited.connect(self._office_edited)
        # Trusted timestamps (RFC 3161): a dialog of its own, opened beside the name (no height to spare).
        self.timestamp_button = QPushButton(self.tr("&Timestamps…"))
        self.timestamp_button.setObjectName("openTimestamps")
        self.timestamp_button.clicked.connect(self.open_timestamps)
        self.timestamp_sender = TimestampSender(self, store, lambda: self.signed_in)
        name_row = QHBoxLayout()
        name_row.addWidget(self.name_edit, 1)
        name_row.addWidget(self.office_button)
        name_row.addWidget(self.timestamp_button)

        self.idle_spin = QSpinBox()
        self.idle_spin.setObjectName("idleMinutes")
        self.idle_spin.setRange(office_settings.IDLE_LOCK_MIN_MINUTES, office_settings.IDLE_LOCK_MAX_MINUTES)
        self.idle_spin.setSuffix(self.tr(" min"))
        widest = "0000" + self.idle_spin.suffix()
        self.idle_spin.setMinimumWidth(self.idle_spin.fontMetrics().horizontalAdvance(widest) + 40)
        self.idle_spin.valueChanged.connect(self._update_apply)
        self.apply_button = QPushButton(self.tr("A&pply"))
        self.apply_button.setObjectName("applyIdleMinutes")
        self.apply_button.clicked.connect(self.apply_idle_minutes)
        self.office_note = QLabel()
        self.office_note.setObjectName("officeSettingsNote")
        self.office_note.setWordWrap(True)
        # The note beside the idle lock, not on a line of its own: the two series' rows took that height,
        # and the keys below need it at 1024×700.
        idle_row = QHBoxLayout()
        idle_row.addWidget(self.idle_spin)
        idle_row.addWidget(self.apply_button)
        idle_row.addSpacing(12)
        idle_row.addWidget(self.office_note, 1)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setVerticalSpacing(min(form.verticalSpacing(), 4))  # five rows; the keys below need the height
        form.addRow(self.tr("Office name:"), name_row)
        form.addRow(self.tr("Mediation cases:"), self.mediation)
        form.addRow(self.tr("Notarial matters:"), self.notarial)
        form.addRow(self.tr("Lock the window after this long without use:"), idle_row)
        Refresher(self, lambda changes: changes.settings, self.refresh)
        self.set_user(signed_in)

    @property
    def loading(self) -> bool:
        """Whether the office and its settings are still being read."""
        return self.reads.loading

    def may_change(self) -> bool:
        return self.signed_in.actor.may(Action.CHANGE_OFFICE_SETTINGS)

    def set_user(self, signed_in: SignedInUser) -> None:
        self.signed_in = signed_in
        may_change = self.may_change()
        self.name_edit.setReadOnly(not may_change)
        self.mediation.set_read_only(not may_change)
        self.notarial.set_read_only(not may_change)
        self.idle_spin.setEnabled(may_change)
        self.office_button.setVisible(may_change)
        self.apply_button.setVisible(may_change)
        self.office_note.setText(
            self.tr("Applies to every workstation of the office; each change is recorded in the ledger. "
                    "Numbers already given keep their prefix.")
            if may_change else self.tr("Set for the whole office by an administrator."))
        self.refresh()

    def refresh(self) -> Op[_Loaded] | None:
        """Read the office and its settings on a worker thread."""
        return self.reads.start()

    def _load(self) -> Callable[[ProgressFn, CancelledFn], _Loaded]:
        store = self.store

        def load(progress: ProgressFn, cancelled: CancelledFn) -> _Loaded:
            with store.database.session_scope() as session:
                return _Loaded(office.get_office(session), office_settings.office_settings(session))

        return load

    def _loaded(self, loaded: _Loaded) -> None:
        edited_office = self.stored_office is not None and self._typed() != self.stored_office
        self.stored_office = loaded.office
        if loaded.office is not None and not edited_office:
            self._show_office(loaded.office)
        self._office_edited()
        edited = self.stored_minutes is not None and self.idle_spin.value() != self.stored_minutes
        self.stored_minutes = loaded.settings.idle_lock_minutes
        if not edited:
            self.idle_spin.setValue(self.stored_minutes)
        self._update_apply()

    # --- name and series --------------------------------------------------------------------------
    def _show_office(self, info: office.OfficeInfo) -> None:
        self.name_edit.setText(info.name)
        self.mediation.set_parts(info.case_number_prefix, info.mediation_word)
        self.notarial.set_parts(info.notarial_prefix, info.notarial_word or office.NOTARIAL_WORD)

    def _typed(self) -> office.OfficeInfo:
        """What is typed, unchecked, as ``get_office`` gives it (an empty notarial prefix: no series)."""
        prefix, word = self.mediation.parts()
        notarial_prefix, notarial_word = self.notarial.parts()
        if not notarial_prefix:  # the word shown by default alone sets no series
            return office.OfficeInfo(self.name_edit.text().strip(), prefix, word)
        return office.OfficeInfo(self.name_edit.text().strip(), prefix, word, notarial_prefix, notarial_word)

    def _office_edited(self) -> None:
        typed = self._typed()
        self.mediation.show_example()
        self.notarial.show_example()
        try:
            office.validate_office(typed.name, typed.case_number_prefix, mediation_word=typed.mediation_word,
                                   notarial_prefix=typed.notarial_prefix, notarial_word=typed.notarial_word)
        except InvalidInput as error:
            notarial = str(error.fields.get("field", "")).startswith("notarial")
            row = self.notarial if notarial else self.mediation
            row.show_problem(translate_error(error))
            self.office_button.setEnabled(False)
            return
        self.office_button.setEnabled(self.stored_office is not None and typed != self.stored_office)

    def _number(self, typed: office.OfficeInfo, kind: office.MatterKind) -> str | None:
        head = typed.number_head(kind)
        return office.format_case_number(head, datetime.now().year, 1) if head is not None else None

    def apply_office(self) -> QMessageBox | None:
        """Ask once, then record the new name and series for the whole office (logged)."""
        if not self.office_button.isEnabled() or self.stored_office is None:
            return None
        typed = self._typed()
        mediation = self._number(typed, office.MatterKind.MEDIATION)
        notarial = self._number(typed, office.MatterKind.NOTARIAL)
        if notarial is None:
            question = self.tr(
                "Record the office as “{name}”? New mediation cases get numbers like {mediation}; notarial "
                "matters are not numbered. Numbers already given do not change. The change is recorded in "
                "the ledger.").format(name=typed.name, mediation=mediation)
        else:
            question = self.tr(
                "Record the office as “{name}”? New mediation cases get numbers like {mediation}, new "
                "notarial matters numbers like {notarial}. Numbers already given do not change. The change "
                "is recorded in the ledger.").format(name=typed.name, mediation=mediation, notarial=notarial)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Change the office"), question,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("confirmOfficeChange")

        def confirmed(button: int) -> None:
            if button == QMessageBox.StandardButton.Yes:
                self._record_office(typed)

        box.finished.connect(confirmed)
        self.dialog = box
        box.open()
        return box

    def _record_office(self, typed: office.OfficeInfo) -> Op[office.OfficeInfo]:
        store, actor = self.store, self.signed_in.actor

        def change(progress: ProgressFn, cancelled: CancelledFn) -> office.OfficeInfo:
            with store.database.session_scope() as session:
                # Every part given: an empty notarial series removes it.
                return office.update_office(session, actor, typed.name, typed.case_number_prefix,
                                            mediation_word=typed.mediation_word,
                                            notarial_prefix=typed.notarial_prefix or "",
                                            notarial_word=typed.notarial_word or "")

        self.office_button.setEnabled(False)
        op = run_op(self, change).changing(OFFICE_CHANGES)
        op.on_success(self._office_recorded)
        op.on_failure(self._failed)
        return op.start()

    def _office_recorded(self, info: office.OfficeInfo) -> None:
        self.stored_office = info
        self._show_office(info)
        self._office_edited()

    def open_timestamps(self) -> TimestampDialog:
        """The trusted-timestamp dialog: what waits, Send Now, the authority."""
        dialog = TimestampDialog(self.store, self.signed_in, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    # --- the idle lock ----------------------------------------------------------------------------
    def _update_apply(self) -> None:
        self.apply_button.setEnabled(self.stored_minutes is not None
                                     and self.idle_spin.value() != self.stored_minutes)

    def apply_idle_minutes(self) -> Op[office_settings.OfficeSettings] | None:
        """Record the idle lock for the whole office (an administrator's change, logged)."""
        if not self.apply_button.isEnabled():
            return None
        store, actor, minutes = self.store, self.signed_in.actor, self.idle_spin.value()

        def change(progress: ProgressFn, cancelled: CancelledFn) -> office_settings.OfficeSettings:
            with store.database.session_scope() as session:
                return office_settings.set_idle_lock_minutes(session, actor, minutes)

        self.apply_button.setEnabled(False)
        op = run_op(self, change).changing(OFFICE_CHANGES)
        op.on_success(self._applied)
        op.on_failure(self._failed)
        return op.start()

    def _applied(self, settings: office_settings.OfficeSettings) -> None:
        self.stored_minutes = settings.idle_lock_minutes
        self._update_apply()

    def _failed(self, error: BaseException) -> None:
        self._update_apply()
        self._office_edited()
        self.dialog = show_error(self, error)
