"""The preservation-record dialog (保全证据记录): how the notary acquired and preserved evidence, sealed
with the items' digests. A correction is a new record that names the one it corrects and says why.
Witnesses are a list of names; the items the record covers show by file name and digest; typed text is
never thrown away without asking."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QFontDatabase, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import MedisealError
from desktop.core.evidence.items import ItemInfo
from desktop.core.evidence.preservation import WITNESSES_MAX, PreservationInfo, PreservationInput
from desktop.core.integrity.canonical import parse_time
from desktop.ui.evidence.acquisition_dialog import OptionalTime
from desktop.ui.framework.changes import Changes
from desktop.ui.framework.errors import error_label, show_error
from desktop.ui.framework.formatting import person
from desktop.ui.framework.i18n import translate_error
from desktop.ui.framework.ops import Op, run_op

SHA256_SHOWN = 16  # hex digits of an item's SHA-256 in the list (the tooltip has all 64)
ITEM_NUMBER, ITEM_NAME, ITEM_SHA256 = range(3)
DIALOG_WIDTH, DIALOG_HEIGHT = 940, 600  # fits a 1024×700 screen with the window's frame


def _set_time(field: OptionalTime, value: object) -> None:
    if isinstance(value, str) and value:
        moment = parse_time(value)  # records are written by the core, so the form is known
        field.edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(moment.timestamp())))
        field.check.setChecked(True)
    else:
        field.check.setChecked(False)


class WitnessList(QWidget):
    """Witnesses (见证人), one name a row: Add Witness appends a row, each row's Remove takes it away."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("witnesses")
        self.rows: list[tuple[QWidget, QLineEdit]] = []
        self.rows_layout = QVBoxLayout()
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(self.tr("Add Witness"))
        self.add_button.setObjectName("addWitness")
        self.add_button.clicked.connect(lambda: self.add_row().setFocus())
        self.empty_label = QLabel(self.tr("No witness"))
        self.empty_label.setObjectName("noWitness")
        self.empty_label.setEnabled(False)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.empty_label)
        bottom.addWidget(self.add_button)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.rows_layout)
        layout.addLayout(bottom)
        self._update()

    def add_row(self, name: str = "") -> QLineEdit:
        row = QWidget()
        edit = QLineEdit(name)
        edit.setObjectName(f"witness{len(self.rows) + 1}")
        edit.setPlaceholderText(self.tr("Witness's name"))
        remove = QToolButton()
        remove.setObjectName("removeWitness")
        remove.setText(self.tr("Remove"))
        remove.setToolTip(self.tr("Remove this witness"))
        remove.clicked.connect(lambda: self.remove_row(row))
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(edit, 1)
        row_layout.addWidget(remove)
        self.rows_layout.addWidget(row)
        self.rows.append((row, edit))
        self._update()
        return edit

    def remove_row(self, row: QWidget) -> None:
        index = next(index for index, (shown, _edit) in enumerate(self.rows) if shown is row)
        del self.rows[index]
        self.rows_layout.removeWidget(row)
        row.hide()
        row.deleteLater()
        for number, (_row, edit) in enumerate(self.rows, start=1):
            edit.setObjectName(f"witness{number}")
        if self.rows:
            self.rows[min(index, len(self.rows) - 1)][1].setFocus()
        else:
            self.add_button.setFocus()
        self._update()

    def set_names(self, names: list[str]) -> None:
        for row, _edit in list(self.rows):
            self.remove_row(row)
        for name in names:
            self.add_row(name)

    def edits(self) -> list[QLineEdit]:
        return [edit for _row, edit in self.rows]

    def names(self) -> tuple[str, ...]:
        """The names as typed, one a row (an empty row is the core's to refuse, not dropped here)."""
        return tuple(edit.text() for edit in self.edits())

    def _update(self) -> None:
        self.add_button.setEnabled(len(self.rows) < WITNESSES_MAX)
        self.empty_label.setVisible(not self.rows)


class PreservationDialog(QDialog):
    """Write and seal a preservation record: ``apply(input)`` gives the service call (which signs with the
    notary's key), run on a worker thread; its errors stay in view."""

    def __init__(self, case_number: str, items: list[ItemInfo], selected: set[int],
                 records: list[PreservationInfo], operator: str,
                 apply: Callable[[PreservationInput], Callable[[], PreservationInfo]],
                 parent: QWidget | None = None, people: Mapping[str, str] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preservationDialog")
        self.setWindowTitle(self.tr("Preservation record for {case}").format(case=case_number))
        self.apply = apply
        self.records = {record.id: record for record in records}
        self.created: PreservationInfo | None = None
        self.op: Op[PreservationInfo] | None = None
        self.discard_box: QMessageBox | None = None

        self.place_edit = QLineEdit()
        self.place_edit.setObjectName("place")
        self.applicant_edit = QLineEdit()
        self.applicant_edit.setObjectName("applicant")
        self.operator_edit = QLineEdit(operator)
        self.operator_edit.setObjectName("operator")
        self.witnesses = WitnessList()
        self.steps_edit = QPlainTextEdit()
        self.steps_edit.setObjectName("steps")
        self.steps_edit.setTabChangesFocus(True)
        self.steps_edit.setPlaceholderText(self.tr("What was done, step by step: the device was checked "
                                                   "clean, the address typed, the pages captured…"))
        self.steps_edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.devices_edit = QPlainTextEdit()
        self.devices_edit.setObjectName("devices")
        self.devices_edit.setTabChangesFocus(True)
        self.devices_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.started_at = OptionalTime(self.tr("Known:"), checked=True)
        self.started_at.setObjectName("startedAt")
        self.ended_at = OptionalTime(self.tr("Known:"), checked=True)
        self.ended_at.setObjectName("endedAt")
        self.items_list = self._items_list(items, selected)
        self.items_count = QLabel()
        self.items_count.setObjectName("recordItemsCount")
        self.items_list.itemChanged.connect(self._count_items)
        self.corrects_combo = QComboBox()
        self.corrects_combo.setObjectName("corrects")
        self.corrects_combo.addItem(self.tr("Nothing: this is a new record"), None)
        for record in records:
            if record.superseded_by is None:
                self.corrects_combo.addItem(self.tr("Record {id}, sealed by {signer} at {time}").format(
                    id=record.id, signer=person(record.signer, (people or {}).get(record.signer)),
                    time=record.sealed_at.astimezone().strftime("%Y-%m-%d %H:%M")), record.id)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setObjectName("reason")
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlaceholderText(self.tr("What the corrected record got wrong, and what this one "
                                                    "puts right"))
        self.reason_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.message = error_label("preservationMessage")
        warning = QLabel(self.tr("The record is sealed with your signing key when you press Seal Record. "
                                 "It cannot be changed afterwards; a mistake is put right by a new record "
                                 "that corrects this one."))
        warning.setWordWrap(True)

        self.field_widgets: dict[str, QWidget] = {
            "place": self.place_edit, "applicant": self.applicant_edit, "operator": self.operator_edit,
            "witnesses": self.witnesses, "steps": self.steps_edit, "devices": self.devices_edit,
            "started_at": self.started_at.edit, "ended_at": self.ended_at.edit, "items": self.items_list,
            "reason": self.reason_edit}
        # Two columns, so a 1024×700 screen shows the whole record: who, where and when on the left;
        # how, with what, and which items on the right, the wider one (2 : 3), so the items' file names
        # show whole beside their number and digest.
        form_widget = QWidget()
        self.form = QFormLayout()  # what it corrects, and why
        self.form.addRow(self.tr("Corrects:"), self.corrects_combo)
        self.form.addRow(self.tr("Reason for the correction:"), self.reason_edit)
        facts = QFormLayout()
        facts.addRow(self.tr("Place:"), self.place_edit)
        facts.addRow(self.tr("Applicant:"), self.applicant_edit)
        facts.addRow(self.tr("Operator:"), self.operator_edit)
        facts.addRow(self.tr("Witnesses:"), self.witnesses)
        facts.addRow(self.tr("Started at:"), self.started_at)
        facts.addRow(self.tr("Ended at:"), self.ended_at)
        how = QVBoxLayout()
        for title, field in ((self.tr("Steps:"), self.steps_edit),
                             (self.tr("Devices and software:"), self.devices_edit),
                             (self.tr("Evidence items:"), self.items_list)):
            heading = QLabel(title)
            heading.setBuddy(field)
            how.addWidget(heading)
            how.addWidget(field, 2 if field is self.steps_edit else 1 if field is self.items_list else 0)
        how.addWidget(self.items_count)
        columns = QHBoxLayout()
        columns.addLayout(facts, 2)
        columns.addSpacing(12)
        columns.addLayout(how, 3)
        form_layout = QVBoxLayout(form_widget)
        form_layout.addLayout(self.form)
        form_layout.addLayout(columns, 1)
        self.form_scroll = QScrollArea()
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.form_scroll.setWidget(form_widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Seal Record"))
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.attempt)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form_scroll, 1)
        layout.addWidget(warning)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.corrects_combo.currentIndexChanged.connect(self._corrects_changed)
        self.form.setRowVisible(self.reason_edit, False)
        self._count_items()
        self.resize(DIALOG_WIDTH, DIALOG_HEIGHT)
        self.unchanged = self._typed()

    def _items_list(self, items: list[ItemInfo], selected: set[int]) -> QTreeWidget:
        """The case's items, by number, file name and the start of their SHA-256; checked ones are
        covered by the record."""
        tree = QTreeWidget()
        tree.setObjectName("recordItems")
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        tree.setHeaderLabels([self.tr("No."), self.tr("File name"), "SHA-256"])
        tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        for info in items:
            entry = QTreeWidgetItem([str(info.id), info.name, f"{info.sha256[:SHA256_SHOWN]}…"])
            entry.setData(ITEM_NUMBER, Qt.ItemDataRole.UserRole, int(info.id))
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(ITEM_NUMBER, Qt.CheckState.Checked if info.id in selected
                                else Qt.CheckState.Unchecked)
            entry.setFont(ITEM_SHA256, fixed)
            entry.setData(ITEM_SHA256, Qt.ItemDataRole.UserRole, info.sha256)
            tip = f"{info.name}\nSHA-256 {info.sha256}"
            for column in range(3):
                entry.setToolTip(column, tip)
            tree.addTopLevelItem(entry)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ITEM_NUMBER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ITEM_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ITEM_SHA256, QHeaderView.ResizeMode.Fixed)
        digest_width = QFontMetrics(fixed).horizontalAdvance("0" * SHA256_SHOWN + "…")
        header.resizeSection(ITEM_SHA256, digest_width + 24)
        rows = min(max(len(items), 3), 6)
        tree.setMinimumHeight(header.sizeHint().height() + rows * (self.fontMetrics().height() + 6) + 4)
        return tree

    def _entries(self) -> list[QTreeWidgetItem]:
        entries = (self.items_list.topLevelItem(row) for row in range(self.items_list.topLevelItemCount()))
        return [entry for entry in entries if entry is not None]

    def checked_items(self) -> tuple[int, ...]:
        return tuple(int(entry.data(ITEM_NUMBER, Qt.ItemDataRole.UserRole)) for entry in self._entries()
                     if entry.checkState(ITEM_NUMBER) == Qt.CheckState.Checked)

    def set_checked(self, item_ids: set[int]) -> None:
        for entry in self._entries():
            entry.setCheckState(ITEM_NUMBER, Qt.CheckState.Checked
                                if entry.data(ITEM_NUMBER, Qt.ItemDataRole.UserRole) in item_ids
                                else Qt.CheckState.Unchecked)

    def covered(self) -> list[tuple[str, str]]:
        """The checked items as the record will list them: file name and SHA-256 (in full)."""
        return [(entry.text(ITEM_NAME), str(entry.data(ITEM_SHA256, Qt.ItemDataRole.UserRole)))
                for entry in self._entries() if entry.checkState(ITEM_NUMBER) == Qt.CheckState.Checked]

    def _count_items(self) -> None:
        self.items_count.setText(self.tr("The record covers {count} of {total} item(s).").format(
            count=len(self.checked_items()), total=self.items_list.topLevelItemCount()))

    def set_corrects(self, record_id: int | None) -> None:
        self.corrects_combo.setCurrentIndex(max(0, self.corrects_combo.findData(record_id)))

    def _corrects_changed(self) -> None:
        """Correcting a record asks why, and starts from what it said."""
        record = self.records.get(self.corrects_combo.currentData())
        self.form.setRowVisible(self.reason_edit, record is not None)
        if record is None:
            return
        acquisition = record.record.get("acquisition")
        if isinstance(acquisition, dict):
            self.place_edit.setText(str(acquisition.get("place", "")))
            self.applicant_edit.setText(str(acquisition.get("applicant", "")))
            self.operator_edit.setText(str(acquisition.get("operator", "")))
            witnesses = acquisition.get("witnesses")
            self.witnesses.set_names([str(name) for name in witnesses] if isinstance(witnesses, list) else [])
            self.steps_edit.setPlainText(str(acquisition.get("steps", "")))
            self.devices_edit.setPlainText(str(acquisition.get("devices", "")))
            _set_time(self.started_at, acquisition.get("started_at"))
            _set_time(self.ended_at, acquisition.get("ended_at"))
        listed = record.record.get("items")
        self.set_checked({int(item["id"]) for item in listed if isinstance(item, dict) and "id" in item}
                         if isinstance(listed, list) else set())
        self.unchanged = self._typed()  # what the record said is not the notary's typing
        self.reason_edit.setFocus()

    def given(self) -> PreservationInput:
        started: datetime | None = self.started_at.value()
        ended: datetime | None = self.ended_at.value()
        supersedes = self.corrects_combo.currentData()
        return PreservationInput(
            item_ids=self.checked_items(), place=self.place_edit.text(), applicant=self.applicant_edit.text(),
            operator=self.operator_edit.text(), steps=self.steps_edit.toPlainText(),
            devices=self.devices_edit.toPlainText(), witnesses=self.witnesses.names(),
            started_at=started, ended_at=ended, supersedes=supersedes,
            reason=self.reason_edit.toPlainText() if supersedes is not None else "")

    # --- asking before typed text is thrown away -------------------------------------------------
    def _typed(self) -> tuple[str, ...]:
        return (self.place_edit.text(), self.applicant_edit.text(), self.operator_edit.text(),
                self.steps_edit.toPlainText(), self.devices_edit.toPlainText(),
                self.reason_edit.toPlainText(), *self.witnesses.names())

    def has_typed_text(self) -> bool:
        """Whether the notary typed something a close would throw away."""
        return self._typed() != self.unchanged

    def reject(self) -> None:
        """Cancel, Escape and the window's close button: at once when nothing was typed, else after
        asking; never while the record is being sealed."""
        if self.op is not None or self.discard_box is not None:
            return
        if not self.has_typed_text():
            super().reject()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Preservation record"),
                          self.tr("Discard this record?"), QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("discardRecord")
        box.setInformativeText(self.tr("What you typed has not been sealed and will be lost."))
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        discard.setObjectName("discardButton")
        keep = box.addButton(self.tr("Keep Editing"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("keepEditingButton")
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def answered(_result: int) -> None:
            self.discard_box = None
            if box.clickedButton() is discard:
                super(PreservationDialog, self).reject()

        box.finished.connect(answered)
        self.discard_box = box
        box.open()

    # --- sealing ---------------------------------------------------------------------------------
    def attempt(self) -> Op[PreservationInfo] | None:
        if self.op is not None:
            return None
        work = self.apply(self.given())
        self.message.clear()
        self.ok_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        op = run_op(self, lambda _progress, _cancelled: work()).on_success(self._sealed)
        op.as_work(self.tr("Sealing a preservation record"))
        op.changing(Changes(evidence=True, ledger=True)).on_failure(self._refused)
        op.finished.connect(self._finished)
        self.op = op
        return op.start()

    def _finished(self) -> None:
        self.op = None
        self.ok_button.setEnabled(True)
        self.cancel_button.setEnabled(True)

    def _sealed(self, created: PreservationInfo) -> None:
        self.created = created
        self.accept()

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, MedisealError):
            show_error(self, error)
            return
        self.message.setText(translate_error(error))  # the field by its name (core.fields)
        field = str(error.fields.get("field"))
        focus = self.field_widgets.get(field)
        if field == "witnesses":
            focus = next((edit for edit in self.witnesses.edits() if not edit.text().strip()),
                         self.witnesses.add_button)
        if focus is not None:
            self.form_scroll.ensureWidgetVisible(focus)
            focus.setFocus()
