"""The side bar's Documents page (文书): the office's register of documents (every case, newest first,
narrowed by kind and by a text in the case number, title or maker) and, above it, the clerk's to-do list
of agreements whose 30-day window for judicial confirmation is still open (待申请司法确认, Civil Procedure
Law art. 205), each saying whether the application was made. Verify a Document… checks a PDF; Open the
Case (or a double-click) shows the case on its Documents tab. Reads run on a worker."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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

from desktop.core.documents import registry
from desktop.core.documents.generation import DocumentKind
from desktop.core.documents.registry import ConfirmationDue, RegisterEntry
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.store import OpenStore
from desktop.core.trust.sign_in import SignedInUser
from desktop.core.trust.users import real_names
from desktop.ui.documents.verify_dialog import VerifyDocumentDialog
from desktop.ui.framework.changes import Refresher
from desktop.ui.framework.formatting import local_time, person
from desktop.ui.framework.i18n import label
from desktop.ui.framework.ops import Op
from desktop.ui.framework.reads import LatestRead, Task

CASE, DOCUMENT, MADE, BY, SIGNED, PRINTS = range(6)
DUE_CASE, DUE_MATTER, DUE_EFFECTIVE, DUE_LAST, DUE_APPLICATION = range(5)
DUE_ROWS_SHOWN = 4  # the to-do list's height in rows; more scroll
SEARCH_DELAY_MS = 300  # a search runs this long after the last keystroke
NOT_MADE = QColor("#8a4b00")


@dataclass(frozen=True, slots=True)
class Register:
    """What the page shows: the documents found, the open windows, the makers' real names."""

    entries: list[RegisterEntry]
    due: list[ConfirmationDue]
    people: dict[str, str]
    limit: int


def read_register(store: OpenStore, kind: DocumentKind | None, text: str, today: date,
                  limit: int = registry.REGISTER_LIMIT) -> Register:
    with store.database.session_scope() as session:
        entries = registry.list_office_documents(session, kind=kind, text=text, limit=limit)
        due = registry.confirmation_due(session, today)
        return Register(entries, due, real_names(session, [entry.created_by for entry in entries]), limit)


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    return table


class DocumentsPage(QWidget):
    """``open_requested(case_number)``: show that case on its Documents tab."""

    open_requested = Signal(str)

    def __init__(self, store: OpenStore, signed_in: SignedInUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_documents")
        self.store, self.signed_in = store, signed_in
        self.register: Register | None = None
        heading = QLabel(self.tr("Documents"))
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        self.verify_button = QPushButton(self.tr("&Verify a Document…"))
        self.verify_button.setObjectName("registerVerify")
        self.verify_button.clicked.connect(lambda _checked=False: self.verify())
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(self.verify_button)

        self.due_label = QLabel(self.tr("Awaiting an application for judicial confirmation"))
        self.due_label.setObjectName("dueLabel")
        self.due_label.setStyleSheet("font-weight: bold")
        self.due_label.setToolTip(self.tr(
            "Written agreements in force whose 30 days to apply to a court for judicial confirmation "
            "(Civil Procedure Law art. 205) have not run out"))
        self.due_empty = QLabel(self.tr("No agreement is waiting: every window is closed or none is open."))
        self.due_empty.setObjectName("dueEmpty")
        self.due_table = _table("dueTable", [self.tr("Case"), self.tr("Title"), self.tr("In force from"),
                                             self.tr("Last day"), self.tr("Application")])
        due_header = self.due_table.horizontalHeader()
        for column in (DUE_CASE, DUE_EFFECTIVE, DUE_LAST, DUE_APPLICATION):
            due_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        due_header.setSectionResizeMode(DUE_MATTER, QHeaderView.ResizeMode.Stretch)
        self.due_table.activated.connect(lambda index: self.open_due(index.row()))

        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("registerKind")
        self.kind_combo.addItem(self.tr("All kinds"), None)
        for kind in DocumentKind:
            self.kind_combo.addItem(label(kind), kind)
        self.kind_combo.currentIndexChanged.connect(lambda _index: self.refresh())
        self.search = QLineEdit()
        self.search.setObjectName("registerSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Case number, matter or who made it"))
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self.search_timer.start())
        self.search.returnPressed.connect(self._search_now)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Register of documents")), 1)
        filters.addWidget(self.kind_combo)
        filters.addWidget(self.search, 1)

        self.table = _table("registerTable", [self.tr("Case"), self.tr("Document"), self.tr("Made"),
                                              self.tr("By"), self.tr("Signed"), self.tr("Prints")])
        header = self.table.horizontalHeader()
        for column in (CASE, MADE, BY, SIGNED, PRINTS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DOCUMENT, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.count_label = QLabel()
        self.count_label.setObjectName("registerCount")
        self.open_button = QPushButton(self.tr("&Open the Case"))
        self.open_button.setObjectName("registerOpen")
        self.open_button.clicked.connect(lambda _checked=False: self.open_row(self.table.currentRow()))
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.open_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.due_label)
        layout.addWidget(self.due_empty)
        layout.addWidget(self.due_table)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.due_table.setVisible(False)
        self._update_buttons()

        self.reader: LatestRead[Register] = LatestRead(self, self._task, self._show)
        # Generating or printing a document announces cases and ledger changes.
        Refresher(self, lambda changes: changes.cases or changes.ledger, self.refresh)
        self.refresh()

    @property
    def loading(self) -> bool:
        return self.reader.loading or self.search_timer.isActive()

    def set_user(self, signed_in: SignedInUser) -> None:
        self.signed_in = signed_in
        self.refresh()

    def refresh(self) -> Op[Register] | None:
        self.search_timer.stop()
        return self.reader.start()

    def showEvent(self, event: QShowEvent) -> None:
        # The to-do list depends on the day: read again whenever shown.
        super().showEvent(event)
        self.refresh()

    def _search_now(self) -> None:
        self.refresh()

    def _task(self) -> Task[Register]:
        store = self.store
        kind = self.kind_combo.currentData()
        text = self.search.text()
        today = date.today()  # the local calendar day, as the clerk counts the 30 days

        def read(_progress: ProgressFn, _cancelled: CancelledFn) -> Register:
            return read_register(store, kind, text, today)
        return read

    def _item(self, text: str, tip: str = "") -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setToolTip(tip or text)
        return item

    def _show(self, found: Register) -> None:
        keep = self.selected_id()
        self.register = found
        self.table.setRowCount(len(found.entries))
        chosen = 0
        for row, entry in enumerate(found.entries):
            maker = found.people.get(entry.created_by) or entry.created_by
            cells = (self._item(entry.case_number, f"{entry.case_number} {entry.case_title}"),
                     self._item(label(entry.kind)), self._item(local_time(entry.created_at)[:16]),
                     self._item(maker, person(entry.created_by, found.people.get(entry.created_by))),
                     self._item(self.tr("Yes") if entry.signed else self.tr("No")),
                     self._item(self.tr("{count} time(s)").format(count=entry.prints) if entry.prints
                                else self.tr("Not yet")))
            for column, item in enumerate(cells):
                self.table.setItem(row, column, item)
            if entry.id == keep:
                chosen = row
        if found.entries:
            self.table.selectRow(chosen)
        shown = len(found.entries)
        self.count_label.setText(
            self.tr("The newest {count} documents: search to find older ones").format(count=shown)
            if shown >= found.limit else self.tr("{count} document(s)").format(count=shown))

        self.due_table.setRowCount(len(found.due))
        for row, due in enumerate(found.due):
            made = self._item(self.tr("Already made") if due.application_made else self.tr("Not made yet"))
            if not due.application_made:
                made.setForeground(QBrush(NOT_MADE))
            due_cells = (self._item(due.case_number), self._item(due.case_title),
                     self._item(due.effective_on.isoformat()), self._item(due.last_day.isoformat()), made)
            for column, item in enumerate(due_cells):
                self.due_table.setItem(row, column, item)
        # As high as its rows, up to DUE_ROWS_SHOWN; the register below gets the rest.
        rows = max(1, min(len(found.due), DUE_ROWS_SHOWN))
        self.due_table.setFixedHeight(rows * self.due_table.verticalHeader().defaultSectionSize()
                                      + self.due_table.horizontalHeader().sizeHint().height()
                                      + 2 * self.due_table.frameWidth())
        self.due_table.setVisible(bool(found.due))
        self.due_empty.setVisible(not found.due)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.selected_id() is not None)

    def selected_id(self) -> int | None:
        row = self.table.currentRow()
        if self.register is None or not 0 <= row < len(self.register.entries) \
                or not self.table.selectionModel().hasSelection():
            return None
        return int(self.register.entries[row].id)

    def open_row(self, row: int) -> None:
        """Show the case of the document in ``row`` on its Documents tab."""
        if self.register is not None and 0 <= row < len(self.register.entries):
            self.open_requested.emit(self.register.entries[row].case_number)

    def open_due(self, row: int) -> None:
        if self.register is not None and 0 <= row < len(self.register.due):
            self.open_requested.emit(self.register.due[row].case_number)

    def verify(self) -> VerifyDocumentDialog:
        """Verify a Document…: is a PDF one this office produced, unchanged?"""
        dialog = VerifyDocumentDialog(self.store, self)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()
        return dialog
