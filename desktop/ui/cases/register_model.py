"""The case register as a table model: the count and the first page read together, further pages of 200
fetched on a worker thread as the view scrolls (``canFetchMore``/``fetchMore``), sorted and filtered in
SQL by ``core.cases.register``. The next deadline shows its date with the days left, and a deadline due
soon or passed is marked by colour and by words (期限将至, 已逾期N日), never by colour alone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from desktop.core.cases import register
from desktop.core.cases.deadlines import DUE_SOON_DAYS
from desktop.core.cases.matters import CaseType, MatterKind
from desktop.core.cases.register import CaseFilter, CaseRow, SortKey
from desktop.core.cases.workflow import CaseStatus
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.store import OpenStore
from desktop.ui.framework.errors import ERROR_COLOUR
from desktop.ui.framework.i18n import label, listed
from desktop.ui.framework.ops import Op, run_op

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
NUMBER_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = (SortKey.NUMBER, SortKey.KIND, SortKey.TYPE, SortKey.TITLE, SortKey.PARTIES, SortKey.STATUS,
           SortKey.MEDIATORS, SortKey.RECEIVED, SortKey.DEADLINE, None)  # the last: the foreign mark
NUMBER, KIND, TYPE, TITLE, PARTIES, STATUS, MEDIATORS, RECEIVED, DEADLINE, FOREIGN = range(len(COLUMNS))
DUE_SOON_COLOUR = "#8a4b00"  # dark amber: readable on white, distinct from the red of a passed deadline
DUE_SOON_BACKGROUND = "#fff1d6"
OVERDUE_BACKGROUND = "#fde2e4"


@dataclass(frozen=True, slots=True)
class RegisterHead:
    """What a (re)load shows at once: how many cases the filter keeps and the first page of them."""

    total: int
    rows: list[CaseRow]


def read_head(store: OpenStore, wanted: CaseFilter, sort: SortKey, descending: bool) -> RegisterHead:
    """The count and the first page, in one session (worker thread)."""
    with store.database.session_scope() as session:
        return RegisterHead(register.count(session, wanted),
                            register.page(session, wanted, sort, descending, 0, register.PAGE_SIZE))


def read_page(store: OpenStore, wanted: CaseFilter, sort: SortKey, descending: bool,
              offset: int) -> list[CaseRow]:
    with store.database.session_scope() as session:
        return register.page(session, wanted, sort, descending, offset, register.PAGE_SIZE)


class RegisterModel(QAbstractTableModel):
    """Cases the filter keeps, in the order asked for; a header click asks for another order
    (``sort_requested``), which the page reads anew."""

    sort_requested = Signal()

    def __init__(self, store: OpenStore, owner: QWidget) -> None:
        super().__init__(owner)
        self.store = store
        self.owner = owner
        self.rows: list[CaseRow] = []
        self.total = 0
        self.exhausted = True
        self.wanted = CaseFilter()
        self.today = date.today()
        self.sort_key = SortKey.NUMBER
        self.descending = True
        self.fetch_op: Op[list[CaseRow]] | None = None
        self.generation = 0
        self.type_words = {kind.value: label(kind) for kind in CaseType}
        self.headers = [label(key) if key is not None else self.tr("Foreign-related") for key in COLUMNS]

    # --- contents -----------------------------------------------------------------------------------
    def reset_to(self, head: RegisterHead, wanted: CaseFilter) -> None:
        """Show a freshly read head (a fetch still under way for the old one is dropped)."""
        self.generation += 1
        self.beginResetModel()
        self.wanted = wanted
        self.today = wanted.today or self.today
        self.rows = list(head.rows)
        self.total = head.total
        self.exhausted = len(self.rows) >= head.total or len(head.rows) < register.PAGE_SIZE
        self.endResetModel()

    def row_of(self, number: str) -> int:
        return next((row for row, case in enumerate(self.rows) if case.number == number), -1)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index = ROOT) -> bool:
        return not parent.isValid() and not self.exhausted and self.fetch_op is None

    def fetchMore(self, parent: Index = ROOT) -> None:
        if parent.isValid() or self.fetch_op is not None or self.exhausted:
            return
        store, wanted, sort, descending = self.store, self.wanted, self.sort_key, self.descending
        generation, offset = self.generation, len(self.rows)

        def fetch(progress: ProgressFn, cancelled: CancelledFn) -> list[CaseRow]:
            return read_page(store, wanted, sort, descending, offset)

        op = run_op(self.owner, fetch).on_success(lambda rows: self._fetched(generation, offset, rows))
        op.finished.connect(self._fetch_finished)
        self.fetch_op = op
        op.start()

    def _fetch_finished(self) -> None:
        self.fetch_op = None

    def _fetched(self, generation: int, offset: int, rows: list[CaseRow]) -> None:
        if generation != self.generation or offset != len(self.rows):
            return  # read for a list since replaced
        self.exhausted = len(rows) < register.PAGE_SIZE or offset + len(rows) >= self.total
        if not rows:
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
        self.rows.extend(rows)
        self.endInsertRows()

    # --- sorting (in SQL) ------------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column] if 0 <= column < len(COLUMNS) else None
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.sort_key, self.descending):
            return
        self.sort_key, self.descending = key, descending
        self.sort_requested.emit()

    # --- showing ---------------------------------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == FOREIGN:
            return self.tr("A party is foreign, or from Hong Kong, Macao or Taiwan")
        return None

    def deadline_words(self, case: CaseRow) -> str:
        """``2026-12-01（剩余6日，期限将至）``: the last day and how it stands today."""
        if case.next_deadline is None:
            return ""
        days = (case.next_deadline - self.today).days
        day = case.next_deadline.isoformat()
        if days < -1:
            return self.tr("{day} (overdue by {days} days)").format(day=day, days=-days)
        if days == -1:
            return self.tr("{day} (overdue by 1 day)").format(day=day)
        if days == 0:
            return self.tr("{day} (due today)").format(day=day)
        if days == 1:
            return self.tr("{day} (1 day left, due soon)").format(day=day)
        if days <= DUE_SOON_DAYS:
            return self.tr("{day} ({days} days left, due soon)").format(day=day, days=days)
        return self.tr("{day} ({days} days left)").format(day=day, days=days)

    def deadline_state(self, case: CaseRow) -> str | None:
        """``"overdue"``, ``"due-soon"`` or None."""
        if case.next_deadline is None:
            return None
        days = (case.next_deadline - self.today).days
        return "overdue" if days < 0 else "due-soon" if days <= DUE_SOON_DAYS else None

    def text(self, case: CaseRow, column: int) -> str:
        if column == NUMBER:
            return case.number
        if column == KIND:
            return label(MatterKind(case.kind))
        if column == TYPE:
            return self.type_words.get(case.case_type, case.case_type)
        if column == TITLE:
            return case.title
        if column == PARTIES:
            return case.party_names
        if column == STATUS:
            return label(CaseStatus(case.status))
        if column == MEDIATORS:
            return case.mediator_names
        if column == RECEIVED:
            return case.received_on.isoformat() if case.received_on else ""
        if column == DEADLINE:
            return self.deadline_words(case)
        if case.foreign_marks:
            return listed(label(mark) for mark in case.foreign_marks)  # 涉外、涉港澳台
        return self.tr("Foreign") if case.foreign_related else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        case = self.rows[index.row()]
        column = index.column()
        if role == NUMBER_ROLE:
            return case.number
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole and column == FOREIGN and case.foreign_related:
                return self.tr("A party is foreign, or from Hong Kong, Macao or Taiwan")
            return self.text(case, column)
        if column == DEADLINE and role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            state = self.deadline_state(case)
            if state is None:
                return None
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(ERROR_COLOUR if state == "overdue" else DUE_SOON_COLOUR))
            return QBrush(QColor(OVERDUE_BACKGROUND if state == "overdue" else DUE_SOON_BACKGROUND))
        return None
