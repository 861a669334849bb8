"""The office part of Settings: the office's name and case-number prefix and the idle lock, which every
workstation follows. Only an administrator changes them, each change a ledger entry; others read them.
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
from desktop.ui.framework.errors import ERROR_COLOUR, show_error
from desktop.ui.framework.i18n import translate_error
from desktop.ui.framework.ops import Op, run_op
from desktop.ui.framework.reads import LatestRead

OFFICE_CHANGES = Changes(settings=True, ledger=True)


@dataclass(frozen=True, slots=True)
class _Loaded:
    office: office.OfficeInfo | None
    settings: office_settings.OfficeSettings


class OfficeSection(QGroupBox):
    """The office's name, case-number prefix and idle lock: edited by an administrator, read by others."""

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
        self.prefix_edit = QLineEdit()
        self.prefix_edit.setObjectName("casePrefix")
        self.prefix_edit.setMaxLength(office.PREFIX_MAX)
        widest_prefix = self.prefix_edit.fontMetrics().horizontalAdvance("云知调调调调")
        self.prefix_edit.setMaximumWidth(widest_prefix + 24)
        self.example = QLabel()
        self.example.setObjectName("caseNumberExample")
        self.office_button = QPushButton(self.tr("&Change Office…"))
        self.office_button.setObjectName("applyOffice")
        self.office_button.clicked.connect(self.apply_office)
        for edit in (self.name_edit, self.prefix_edit):
            edit.textChanged.connect(self._office_edited)
        prefix_row = QHBoxLayout()
        prefix_row.addWidget(self.prefix_edit)
        prefix_row.addWidget(self.example, 1)
        prefix_row.addWidget(self.office_button)

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
        idle_row = QHBoxLayout()
        idle_row.addWidget(self.idle_spin)
        idle_row.addWidget(self.apply_button)
        idle_row.addStretch(1)
        self.office_note = QLabel()
        self.office_note.setObjectName("officeSettingsNote")
        self.office_note.setWordWrap(True)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Office name:"), self.name_edit)
        form.addRow(self.tr("Case-number prefix:"), prefix_row)
        form.addRow(self.tr("Lock the window after this long without use:"), idle_row)
        form.addRow(self.office_note)
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
        for edit in (self.name_edit, self.prefix_edit):
            edit.setReadOnly(not may_change)
        self.idle_spin.setEnabled(may_change)
        self.office_button.setVisible(may_change)
        self.apply_button.setVisible(may_change)
        self.office_note.setText(
            self.tr("Applies to every workstation of the office; each change is recorded in the ledger. Case "
                    "numbers already given keep their prefix.")
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
            self.name_edit.setText(loaded.office.name)
            self.prefix_edit.setText(loaded.office.case_number_prefix)
        self._office_edited()
        edited = self.stored_minutes is not None and self.idle_spin.value() != self.stored_minutes
        self.stored_minutes = loaded.settings.idle_lock_minutes
        if not edited:
            self.idle_spin.setValue(self.stored_minutes)
        self._update_apply()

    # --- name and prefix --------------------------------------------------------------------------
    def _typed(self) -> office.OfficeInfo:
        return office.OfficeInfo(self.name_edit.text().strip(), self.prefix_edit.text().strip())

    def _office_edited(self) -> None:
        typed = self._typed()
        try:
            office.validate_office(typed.name, typed.case_number_prefix)
        except InvalidInput as error:
            self.example.setText(translate_error(error))
            self.example.setStyleSheet(f"color: {ERROR_COLOUR}")
            self.example.setWordWrap(True)
            self.office_button.setEnabled(False)
            return
        self.example.setStyleSheet("")
        self.example.setText(self.tr("e.g. {number}").format(
            number=office.format_case_number(typed.case_number_prefix, datetime.now().year, 1)))
        self.office_button.setEnabled(self.stored_office is not None and typed != self.stored_office)

    def apply_office(self) -> QMessageBox | None:
        """Ask once, then record the new name and prefix for the whole office (logged)."""
        if not self.office_button.isEnabled() or self.stored_office is None:
            return None
        typed = self._typed()
        example = office.format_case_number(typed.case_number_prefix, datetime.now().year, 1)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Change the office"), self.tr(
            "Record the office as “{name}” with the case-number prefix “{prefix}”? New cases get numbers "
            "like {example}; case numbers already given do not change. The change is recorded in the "
            "ledger.").format(name=typed.name, prefix=typed.case_number_prefix, example=example),
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
                return office.update_office(session, actor, typed.name, typed.case_number_prefix)

        self.office_button.setEnabled(False)
        op = run_op(self, change).changing(OFFICE_CHANGES)
        op.on_success(self._office_recorded)
        op.on_failure(self._failed)
        return op.start()

    def _office_recorded(self, info: office.OfficeInfo) -> None:
        self.stored_office = info
        self.name_edit.setText(info.name)
        self.prefix_edit.setText(info.case_number_prefix)
        self._office_edited()

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
