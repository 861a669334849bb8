"""The preservation-record dialog (保全证据记录): how the notary acquired and preserved evidence, sealed
with the items' digests. A correction is a new record that names the one it corrects."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import MedisealError
from desktop.core.evidence.items import ItemInfo
from desktop.core.evidence.preservation import PreservationInfo, PreservationInput
from desktop.core.integrity.canonical import parse_time
from desktop.ui.evidence.acquisition_dialog import OptionalTime, field_error_text
from desktop.ui.framework.changes import Changes
from desktop.ui.framework.errors import error_label, show_error
from desktop.ui.framework.ops import Op, run_op

WITNESS_SEPARATORS = re.compile(r"[,;，；、\n]")


def split_witnesses(text: str) -> tuple[str, ...]:
    """Witness names as typed: separated by commas (also Chinese 、，；) or semicolons."""
    return tuple(name.strip() for name in WITNESS_SEPARATORS.split(text) if name.strip())


def _set_time(field: OptionalTime, value: object) -> None:
    if isinstance(value, str) and value:
        moment = parse_time(value)  # records are written by the core, so the form is known
        field.edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(moment.timestamp())))
        field.check.setChecked(True)
    else:
        field.check.setChecked(False)


class PreservationDialog(QDialog):
    """Write and seal a preservation record: ``apply(input)`` gives the service call (which signs with the
    notary's key), run on a worker thread; its errors stay in view."""

    def __init__(self, case_number: str, items: list[ItemInfo], selected: set[int],
                 records: list[PreservationInfo], operator: str,
                 apply: Callable[[PreservationInput], Callable[[], PreservationInfo]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preservationDialog")
        self.setWindowTitle(self.tr("Preservation record for {case}").format(case=case_number))
        self.apply = apply
        self.records = {record.id: record for record in records}
        self.created: PreservationInfo | None = None
        self.op: Op[PreservationInfo] | None = None

        self.place_edit = QLineEdit()
        self.place_edit.setObjectName("place")
        self.applicant_edit = QLineEdit()
        self.applicant_edit.setObjectName("applicant")
        self.operator_edit = QLineEdit(operator)
        self.operator_edit.setObjectName("operator")
        self.witnesses_edit = QLineEdit()
        self.witnesses_edit.setObjectName("witnesses")
        self.witnesses_edit.setPlaceholderText(self.tr("names separated by commas"))
        self.steps_edit = QPlainTextEdit()
        self.steps_edit.setObjectName("steps")
        self.steps_edit.setTabChangesFocus(True)
        self.steps_edit.setPlaceholderText(self.tr("What was done, step by step: the device was checked "
                                                   "clean, the address typed, the pages captured…"))
        self.devices_edit = QPlainTextEdit()
        self.devices_edit.setObjectName("devices")
        self.devices_edit.setTabChangesFocus(True)
        self.devices_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.started_at = OptionalTime(self.tr("Known:"), checked=True)
        self.started_at.setObjectName("startedAt")
        self.ended_at = OptionalTime(self.tr("Known:"), checked=True)
        self.ended_at.setObjectName("endedAt")
        self.items_list = QListWidget()
        self.items_list.setObjectName("recordItems")
        for info in items:
            entry = QListWidgetItem(f"{info.id}  {info.name}  ({info.sha256[:12]}…)")
            entry.setData(Qt.ItemDataRole.UserRole, int(info.id))
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked if info.id in selected else Qt.CheckState.Unchecked)
            self.items_list.addItem(entry)
        self.items_list.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        self.corrects_combo = QComboBox()
        self.corrects_combo.setObjectName("corrects")
        self.corrects_combo.addItem(self.tr("Nothing: this is a new record"), None)
        for record in records:
            if record.superseded_by is None:
                self.corrects_combo.addItem(self.tr("Record {id}, sealed by {signer} at {time}").format(
                    id=record.id, signer=record.signer,
                    time=record.sealed_at.astimezone().strftime("%Y-%m-%d %H:%M")), record.id)
        self.corrects_combo.currentIndexChanged.connect(self._corrects_changed)
        self.message = error_label("preservationMessage")
        warning = QLabel(self.tr("The record is sealed with your signing key when you press Seal Record. "
                                 "It cannot be changed afterwards; a mistake is put right by a new record "
                                 "that corrects this one."))
        warning.setWordWrap(True)

        self.field_labels = {
            "place": self.tr("Place"), "applicant": self.tr("Applicant"), "operator": self.tr("Operator"),
            "witnesses": self.tr("Witnesses"), "steps": self.tr("Steps"),
            "devices": self.tr("Devices and software"), "started_at": self.tr("Started at"),
            "ended_at": self.tr("Ended at"), "items": self.tr("Evidence items")}
        self.field_widgets: dict[str, QWidget] = {
            "place": self.place_edit, "applicant": self.applicant_edit, "operator": self.operator_edit,
            "witnesses": self.witnesses_edit, "steps": self.steps_edit, "devices": self.devices_edit,
            "started_at": self.started_at.edit, "ended_at": self.ended_at.edit, "items": self.items_list}
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.addRow(self.tr("Corrects:"), self.corrects_combo)
        form.addRow(self.tr("Place:"), self.place_edit)
        form.addRow(self.tr("Applicant:"), self.applicant_edit)
        form.addRow(self.tr("Operator:"), self.operator_edit)
        form.addRow(self.tr("Witnesses:"), self.witnesses_edit)
        form.addRow(self.tr("Started at:"), self.started_at)
        form.addRow(self.tr("Ended at:"), self.ended_at)
        form.addRow(self.tr("Steps:"), self.steps_edit)
        form.addRow(self.tr("Devices and software:"), self.devices_edit)
        form.addRow(self.tr("Evidence items:"), self.items_list)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(form_widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Seal Record"))
        buttons.accepted.connect(self.attempt)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(warning)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(620, 680)

    def checked_items(self) -> tuple[int, ...]:
        return tuple(int(self.items_list.item(row).data(Qt.ItemDataRole.UserRole))
                     for row in range(self.items_list.count())
                     if self.items_list.item(row).checkState() == Qt.CheckState.Checked)

    def set_corrects(self, record_id: int | None) -> None:
        self.corrects_combo.setCurrentIndex(max(0, self.corrects_combo.findData(record_id)))

    def _corrects_changed(self) -> None:
        """Correcting a record starts from what it said."""
        record = self.records.get(self.corrects_combo.currentData())
        if record is None:
            return
        acquisition = record.record.get("acquisition")
        if isinstance(acquisition, dict):
            self.place_edit.setText(str(acquisition.get("place", "")))
            self.applicant_edit.setText(str(acquisition.get("applicant", "")))
            self.operator_edit.setText(str(acquisition.get("operator", "")))
            witnesses = acquisition.get("witnesses")
            self.witnesses_edit.setText(", ".join(witnesses) if isinstance(witnesses, list) else "")
            self.steps_edit.setPlainText(str(acquisition.get("steps", "")))
            self.devices_edit.setPlainText(str(acquisition.get("devices", "")))
            _set_time(self.started_at, acquisition.get("started_at"))
            _set_time(self.ended_at, acquisition.get("ended_at"))
        listed = record.record.get("items")
        ids = {item.get("id") for item in listed if isinstance(item, dict)} if isinstance(listed, list) \
            else set()
        for row in range(self.items_list.count()):
            entry = self.items_list.item(row)
            entry.setCheckState(Qt.CheckState.Checked if entry.data(Qt.ItemDataRole.UserRole) in ids
                                else Qt.CheckState.Unchecked)

    def given(self) -> PreservationInput:
        started: datetime | None = self.started_at.value()
        ended: datetime | None = self.ended_at.value()
        return PreservationInput(
            item_ids=self.checked_items(), place=self.place_edit.text(), applicant=self.applicant_edit.text(),
            operator=self.operator_edit.text(), steps=self.steps_edit.toPlainText(),
            devices=self.devices_edit.toPlainText(), witnesses=split_witnesses(self.witnesses_edit.text()),
            started_at=started, ended_at=ended, supersedes=self.corrects_combo.currentData())

    def attempt(self) -> Op[PreservationInfo] | None:
        if self.op is not None:
            return None
        work = self.apply(self.given())
        self.message.clear()
        self.ok_button.setEnabled(False)
        op = run_op(self, lambda _progress, _cancelled: work()).on_success(self._sealed)
        op.as_work(self.tr("Sealing a preservation record"))
        op.changing(Changes(evidence=True, ledger=True)).on_failure(self._refused)
        op.finished.connect(self._finished)
        self.op = op
        return op.start()

    def _finished(self) -> None:
        self.op = None
        self.ok_button.setEnabled(True)

    def _sealed(self, created: PreservationInfo) -> None:
        self.created = created
        self.accept()

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, MedisealError):
            show_error(self, error)
            return
        self.message.setText(field_error_text(error, self.field_labels))
        focus = self.field_widgets.get(str(error.fields.get("field")))
        if focus is not None:
            focus.setFocus()
