"""The calendar of sittings (调解会日程): the upcoming sittings across the cases the user may act on (an
administrator sees all, a mediator theirs), by time, and the minutes with text typed and not confirmed
(kept as drafts: after a crash or a sign-out they are offered back here, 恢复未确认的内容). Opening one
opens its case and the sitting's minutes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cases import minutes, sittings
from desktop.core.cases.minutes import Draft
from desktop.core.cases.sittings import SittingInfo
from desktop.core.errors import NotAllowed
from desktop.core.storage.store import OpenStore
from desktop.core.trust.sign_in import SignedInUser
from desktop.ui.framework.changes import Refresher
from desktop.ui.framework.i18n import label, translate_error
from desktop.ui.framework.ops import Op
from desktop.ui.framework.reads import LatestRead, Task

TIME, CASE, KIND, PLACE, MATTER, STATE = range(6)
SPANS = (7, 14, 30, 90)  # days ahead the list may show
DEFAULT_SPAN = 14
SNIPPET = 30


@dataclass(frozen=True, slots=True)
class Calendar:
    upcoming: list[SittingInfo]
    drafts: list[tuple[Draft, SittingInfo]]
    refusal: NotAllowed | None = None  # why the user sees no sittings (a role that works on no case)


def read_calendar(store: OpenStore, signed_in: SignedInUser, days: int,
                  now: datetime | None = None) -> Calendar:
    """From the start of today (local), ``days`` ahead; and every draft of the user with its sitting."""
    local = (now or datetime.now(UTC)).astimezone()
    start = local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(UTC)
    with store.database.session_scope() as session:
        try:
            upcoming = sittings.upcoming(session, signed_in.actor, start=start, days=days)
        except NotAllowed as refusal:
            return Calendar([], [], refusal)
        drafts = [(draft, sittings.sitting_info(session, draft.sitting_id))
                  for draft in minutes.drafts_of(session, signed_in.actor) if draft.text.strip()]
    return Calendar(upcoming, drafts)


class CalendarPage(QWidget):
    """``open_requested(case_number, sitting_id)``: show that sitting's minutes in its case.
    ``drafts_found(count)`` after each read: how many minutes hold unconfirmed text."""

    open_requested = Signal(str, int)
    drafts_found = Signal(int)

    def __init__(self, store: OpenStore, signed_in: SignedInUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_calendar")
        self.store, self.signed_in = store, signed_in
        self.calendar: Calendar | None = None
        heading = QLabel(self.tr("Upcoming Sittings"))
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        self.span_combo = QComboBox()
        self.span_combo.setObjectName("calendarSpan")
        for days in SPANS:
            self.span_combo.addItem(self.tr("Next {days} days").format(days=days), days)
        self.span_combo.setCurrentIndex(SPANS.index(DEFAULT_SPAN))
        self.span_combo.currentIndexChanged.connect(lambda _index: self.refresh())
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(self.span_combo)

        self.drafts_label = QLabel(self.tr(
            "Unconfirmed text kept in the minutes: open the sitting to restore it"))
        self.drafts_label.setObjectName("draftsLabel")
        self.drafts_label.setWordWrap(True)
        self.drafts_label.setStyleSheet("color: #8a4b00; font-weight: bold")
        self.drafts = QListWidget()
        self.drafts.setObjectName("draftList")
        self.drafts.setMaximumHeight(self.fontMetrics().height() * 5)
        self.drafts.itemActivated.connect(self._draft_chosen)

        self.table = QTableWidget(0, 6)
        self.table.setObjectName("calendarTable")
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Case"), self.tr("Kind"),
                                              self.tr("Place"), self.tr("Matter"), self.tr("State")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in (TIME, CASE, KIND, STATE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PLACE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(PLACE, self.fontMetrics().horizontalAdvance("某" * 13))  # a room name, whole
        header.setSectionResizeMode(MATTER, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        self.open_button = QPushButton(self.tr("&Open the Sitting"))
        self.open_button.setObjectName("openSitting")
        self.open_button.clicked.connect(lambda: self.open_row(self.table.currentRow()))
        self.empty_label = QLabel()
        self.empty_label.setObjectName("calendarCount")
        bottom = QHBoxLayout()
        bottom.addWidget(self.empty_label, 1)
        bottom.addWidget(self.open_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.drafts_label)
        layout.addWidget(self.drafts)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.drafts_label.setVisible(False)
        self.drafts.setVisible(False)

        self.reader: LatestRead[Calendar] = LatestRead(self, self._task, self._show)
        Refresher(self, lambda changes: changes.cases, self.refresh)
        self.refresh()

    @property
    def loading(self) -> bool:
        return self.reader.loading

    def set_user(self, signed_in: SignedInUser) -> None:
        self.signed_in = signed_in
        self.refresh()

    def refresh(self) -> Op[Calendar] | None:
        return self.reader.start()

    def showEvent(self, event: QShowEvent) -> None:
        # Drafts are kept without announcing a change (every few seconds): read again whenever shown.
        super().showEvent(event)
        self.refresh()

    def _task(self) -> Task[Calendar]:
        store, signed_in, days = self.store, self.signed_in, int(self.span_combo.currentData())
        return lambda _progress, _cancelled: read_calendar(store, signed_in, days)

    def _show(self, calendar: Calendar) -> None:
        self.calendar = calendar
        self.table.setRowCount(len(calendar.upcoming))
        for row, info in enumerate(calendar.upcoming):
            cells = (info.starts_at.astimezone().strftime("%Y-%m-%d %H:%M"), info.case_number,
                     label(info.kind),
                     self.tr("Online") if info.online else info.place, info.matter, label(info.state))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.empty_label.setText(translate_error(calendar.refusal) if calendar.refusal is not None else
                                 self.tr("{count} sittings").format(count=len(calendar.upcoming)))
        if calendar.upcoming and self.table.currentRow() < 0:
            self.table.selectRow(0)
        self.open_button.setEnabled(bool(calendar.upcoming))
        self.drafts.clear()
        for draft, info in calendar.drafts:
            flat = draft.text.replace("\n", " ")
            text = self.tr("{number}, sitting of {time}: “{text}”").format(
                number=info.case_number, time=info.starts_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                text=flat if len(flat) <= SNIPPET else flat[:SNIPPET] + "…")
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, (info.case_number, info.id))
            self.drafts.addItem(entry)
        self.drafts_label.setVisible(bool(calendar.drafts))
        self.drafts.setVisible(bool(calendar.drafts))
        self.drafts_found.emit(len(calendar.drafts))

    def open_row(self, row: int) -> None:
        if self.calendar is None or not 0 <= row < len(self.calendar.upcoming):
            return
        info = self.calendar.upcoming[row]
        self.open_requested.emit(info.case_number, info.id)

    def _draft_chosen(self, item: QListWidgetItem) -> None:
        number, sitting_id = item.data(Qt.ItemDataRole.UserRole)
        self.open_requested.emit(number, sitting_id)

