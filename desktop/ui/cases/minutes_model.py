"""The entries of one sitting's minutes as a table model: the saved ones read a page at a time, then the
ones confirmed and not saved yet (greyed, in the order typed). A new entry is a row inserted at the end
(``beginInsertRows``), a saved one replaces its pending row in place: the model is never reset per entry,
so 2 000 entries cost a typist nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from itertools import count

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.core.cases.minutes import EntryInfo, EntryKind
from desktop.core.cases.sittings import AttendeeRole
from desktop.ui.framework.i18n import label

SEQ, TIME, KIND, SPEAKER, TEXT = range(5)
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's EntryInfo, or None while pending
PENDING_COLOUR = "#777777"
LINE_BREAK_SHOWN = " ⏎ "  # a row is one line high; the whole text is in the tooltip
_tickets = count(1)

Index = QModelIndex | QPersistentModelIndex


@dataclass(slots=True)
class Pending:
    """An entry confirmed and not saved yet, as typed."""

    speaker_role: AttendeeRole
    speaker: str
    text: str
    kind: EntryKind
    spoken_at: datetime
    ticket: int = field(default_factory=lambda: next(_tickets))


def speaker_text(role: AttendeeRole, name: str) -> str:
    """``申请人 张三``; the role alone when no name is given."""
    return f"{label(role)} {name}".strip()


class EntriesModel(QAbstractTableModel):
    """Saved entries by their sequence number, then pending ones."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.saved: list[EntryInfo] = []
        self.pending: list[Pending] = []
        self.headers = (self.tr("No."), self.tr("Time"), self.tr("Kind"), self.tr("Speaker"), self.tr("Text"))

    # --- reading ----------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.saved) + len(self.pending)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def entry(self, row: int) -> EntryInfo | None:
        return self.saved[row] if 0 <= row < len(self.saved) else None

    def row_of_seq(self, seq: int) -> int:
        """The row of entry ``seq`` (saved entries are in order, numbered from 1 without gaps)."""
        if 0 < seq <= len(self.saved) and self.saved[seq - 1].seq == seq:
            return seq - 1
        return next((row for row, info in enumerate(self.saved) if info.seq == seq), -1)

    @property
    def last_seq(self) -> int:
        return self.saved[-1].seq if self.saved else 0

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if row < len(self.saved):
            info = self.saved[row]
            if role == ENTRY_ROLE:
                return info
            values = (str(info.seq), info.spoken_at, info.kind, info.speaker_role, info.speaker, info.text)
        else:
            pending = self.pending[row - len(self.saved)]
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(PENDING_COLOUR))
            if role == ENTRY_ROLE:
                return None
            values = ("…", pending.spoken_at, pending.kind, pending.speaker_role, pending.speaker,
                      pending.text)
        seq, spoken_at, kind, speaker_role, speaker, text = values
        if role == Qt.ItemDataRole.DisplayRole:
            if column == SEQ:
                return seq
            if column == TIME:
                return spoken_at.astimezone().strftime("%H:%M:%S")
            if column == KIND:
                return label(kind)
            if column == SPEAKER:
                return speaker_text(speaker_role, speaker)
            return text.replace("\n", LINE_BREAK_SHOWN)
        if role == Qt.ItemDataRole.ToolTipRole and column == TEXT:
            return text
        if role == Qt.ItemDataRole.ToolTipRole and column == TIME:
            return spoken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        if role == Qt.ItemDataRole.ForegroundRole and kind is EntryKind.NOTE:
            return QBrush(QColor("#555555"))
        return None

    # --- changing ---------------------------------------------------------------------------------
    def add_page(self, page: list[EntryInfo]) -> None:
        """Entries read from the store, after those already here (pending rows stay last)."""
        fresh = [info for info in page if info.seq > self.last_seq]
        if not fresh:
            return
        first = len(self.saved)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self.saved.extend(fresh)
        self.endInsertRows()

    def add_pending(self, pending: Pending) -> None:
        row = self.rowCount()
        self.beginInsertRows(QModelIndex(), row, row)
        self.pending.append(pending)
        self.endInsertRows()

    def mark_saved(self, pending: Pending, info: EntryInfo) -> bool:
        """``pending`` is saved as ``info``: its row shows it now (it is the first pending row). False when
        entries were added elsewhere meanwhile: the row goes, and the caller reads what it lacks."""
        if not self.pending or self.pending[0].ticket != pending.ticket or info.seq != self.last_seq + 1:
            self.withdraw([pending])
            return False
        self.pending.pop(0)
        self.saved.append(info)
        row = len(self.saved) - 1
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.headers) - 1))
        return True

    def withdraw(self, pendings: list[Pending]) -> None:
        """Take these pending rows out (their text goes back to the box)."""
        tickets = {pending.ticket for pending in pendings}
        for offset in reversed(range(len(self.pending))):
            if self.pending[offset].ticket in tickets:
                row = len(self.saved) + offset
                self.beginRemoveRows(QModelIndex(), row, row)
                self.pending.pop(offset)
                self.endRemoveRows()

    def replace_entry(self, info: EntryInfo) -> None:
        row = self.row_of_seq(info.seq)
        if row >= 0:
            self.saved[row] = info
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.headers) - 1))

    def clear(self) -> None:
        """Another sitting: a reset here is once per sitting opened, never per entry."""
        self.beginResetModel()
        self.saved, self.pending = [], []
        self.endResetModel()
