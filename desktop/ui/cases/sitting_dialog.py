"""New or edited sitting (调解会 / 调查): kind, time, place or online, the matter (事由), and who attends
with their roles; a new sitting's attendees are filled in from the case (its parties, agents and
mediators), to be changed as needed. Saved on a worker thread; a refusal stays in view with everything
typed; an edit made meanwhile elsewhere is refused by core (optimistic revision)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cases import sittings
from desktop.core.cases.sittings import Attendee, AttendeeRole, SittingInfo, SittingKind
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.store import OpenStore
from desktop.core.trust.permissions import Actor
from desktop.ui.framework.changes import Changes
from desktop.ui.framework.errors import error_label
from desktop.ui.framework.i18n import label
from desktop.ui.framework.ops import run_op, submit

ROLE, NAME = range(2)
DEFAULT_HOUR = 9  # a new sitting is proposed for tomorrow at nine


class SittingDialog(QDialog):
    """``saved(info)`` once stored. ``info`` given: that sitting is edited; else a new one of case
    ``number`` (its attendees read from the case as the dialog opens)."""

    saved = Signal(object)

    def __init__(self, store: OpenStore, actor: Actor, number: str, info: SittingInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sittingDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.store, self.actor, self.number, self.info = store, actor, number, info
        self.setWindowTitle(self.tr("Edit the Sitting") if info else
                            self.tr("New Sitting of {number}").format(number=number))
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("sittingKind")
        for kind in SittingKind:
            self.kind_combo.addItem(label(kind), kind.value)
        self.when = QDateTimeEdit()
        self.when.setObjectName("sittingTime")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.online = QCheckBox(self.tr("&Online (no place)"))
        self.online.setObjectName("sittingOnline")
        self.place = QLineEdit()
        self.place.setObjectName("sittingPlace")
        self.online.toggled.connect(lambda on: self.place.setEnabled(not on))
        self.matter = QLineEdit()
        self.matter.setObjectName("sittingMatter")
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("attendeeTable")
        self.table.setHorizontalHeaderLabels([self.tr("Role"), self.tr("Name")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # The role column is as wide as its widest choice (a column sized to its contents ignores the
        # combo boxes in its cells and showed only their arrows).
        self.table.horizontalHeader().setSectionResizeMode(ROLE, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(self.fontMetrics().height() * 8)
        add = QPushButton(self.tr("&Add Attendee"))
        add.setObjectName("addAttendee")
        add.clicked.connect(lambda: self.add_attendee(Attendee(AttendeeRole.OTHER, "")))
        remove = QPushButton(self.tr("&Remove"))
        remove.setObjectName("removeAttendee")
        remove.clicked.connect(self.remove_attendee)
        up = QPushButton(self.tr("Move &Up"))
        up.setObjectName("attendeeUp")
        up.clicked.connect(lambda: self._move(-1))
        attendee_buttons = QHBoxLayout()
        for button in (add, remove, up):
            attendee_buttons.addWidget(button)
        attendee_buttons.addStretch(1)

        form = QFormLayout()
        form.addRow(self.tr("&Kind:"), self.kind_combo)
        form.addRow(self.tr("&Time:"), self.when)
        form.addRow("", self.online)
        form.addRow(self.tr("&Place:"), self.place)
        form.addRow(self.tr("&Matter (事由):"), self.matter)
        form.addRow(QLabel(self.tr("Attendees (in this order: Ctrl+1, Ctrl+2… in the minutes):")))
        self.message = error_label("sittingMessage")
        self.buttons = QDialogButtonBox()
        self.ok_button = QPushButton(self.tr("&Save"))
        self.ok_button.setObjectName("okButton")
        self.ok_button.setDefault(True)
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.attempt)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addLayout(attendee_buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

        if info is not None:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(info.kind.value))
            self.kind_combo.setEnabled(False)  # the kind of record is fixed once scheduled
            self.when.setDateTime(QDateTime(info.starts_at.astimezone().replace(tzinfo=None)))
            self.online.setChecked(info.online)
            self.place.setText(info.place)
            self.matter.setText(info.matter)
            self.show_attendees(info.attendees)
        else:
            tomorrow = QDateTime.currentDateTime().addDays(1)
            tomorrow.setTime(QTime(DEFAULT_HOUR, 0))
            self.when.setDateTime(tomorrow)
            self._read_defaults()
        self.initial = self.values()

    # --- attendees --------------------------------------------------------------------------------
    def _read_defaults(self) -> None:
        store, number = self.store, self.number

        def task(_progress: ProgressFn, _cancelled: CancelledFn) -> tuple[Attendee, ...]:
            with store.database.session_scope() as session:
                return sittings.default_attendees(session, number)

        def shown(found: tuple[Attendee, ...]) -> None:
            if self.table.rowCount() == 0:
                self.show_attendees(found)
                self.initial = self.values()

        run_op(self, task).on_success(shown).start()

    def show_attendees(self, attendees: Sequence[Attendee]) -> None:
        self.table.setRowCount(0)
        self.linked: dict[int, Attendee] = {}
        for attendee in attendees:
            self.add_attendee(attendee)

    def add_attendee(self, attendee: Attendee) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        combo = QComboBox()
        for role in AttendeeRole:
            combo.addItem(label(role), role.value)
        combo.setCurrentIndex(combo.findData(attendee.role.value))
        self.table.setCellWidget(row, ROLE, combo)
        self.table.setColumnWidth(ROLE, max(self.table.columnWidth(ROLE), combo.sizeHint().width()))
        item = QTableWidgetItem(attendee.name)
        item.setData(Qt.ItemDataRole.UserRole, attendee)  # the party, agent or user it came from
        self.table.setItem(row, NAME, item)
        if not attendee.name:
            self.table.setCurrentCell(row, NAME)
            self.table.editItem(item)

    def remove_attendee(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def _move(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        attendees = self.attendees()
        attendees[row], attendees[target] = attendees[target], attendees[row]
        self.show_attendees(attendees)
        self.table.setCurrentCell(target, NAME)

    def attendees(self) -> list[Attendee]:
        found: list[Attendee] = []
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, ROLE)
            item = self.table.item(row, NAME)
            assert isinstance(combo, QComboBox)
            name = item.text().strip() if item is not None else ""
            origin = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
            role = AttendeeRole(combo.currentData())
            if isinstance(origin, Attendee) and origin.name == name and origin.role is role:
                found.append(origin)
            elif isinstance(origin, Attendee) and origin.name == name:
                found.append(Attendee(role, name, origin.party_id, origin.agent_id, origin.login))
            else:
                found.append(Attendee(role, name))
        return found

    # --- saving -----------------------------------------------------------------------------------
    def starts_at(self) -> datetime:
        chosen = self.when.dateTime().toPython()
        assert isinstance(chosen, datetime)
        return chosen.astimezone(UTC)  # the local time typed, as an aware UTC time

    def values(self) -> tuple[object, ...]:
        return (self.kind_combo.currentData(), self.when.dateTime(), self.online.isChecked(),
                self.place.text(), self.matter.text(), tuple(self.attendees()))

    def has_unsaved_edits(self) -> bool:
        return self.values() != self.initial

    def attempt(self) -> None:
        store, actor, number, info = self.store, self.actor, self.number, self.info
        kind = SittingKind(self.kind_combo.currentData())
        starts_at, online = self.starts_at(), self.online.isChecked()
        place, matter, attendees = self.place.text(), self.matter.text(), tuple(self.attendees())

        def task() -> SittingInfo:
            with store.database.session_scope() as session:
                if info is None:
                    return sittings.schedule_sitting(session, actor, number, kind, starts_at, place=place,
                                                     online=online, matter=matter, attendees=attendees)
                return sittings.edit_sitting(session, actor, info.id, info.revision, starts_at=starts_at,
                                             place=place, online=online, matter=matter, attendees=attendees)

        def done(saved: SittingInfo) -> None:
            self.saved.emit(saved)
            self.accept()

        submit(self, task, self.message, [self.ok_button], done, Changes(cases=True, ledger=True))

