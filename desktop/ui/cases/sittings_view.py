"""The workspace's tab of sittings and minutes (调解会及笔录): the case's sittings by time (kind, state,
place, entries, sealed), a new one, an edit, a cancellation (only without entries, core decides), and
the live minutes editor of the one opened, in the same tab (the list comes back with ← Sittings)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cases import sittings
from desktop.core.cases.sittings import SittingInfo, SittingState
from desktop.core.errors import MedisealError
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.store import OpenStore
from desktop.core.trust.sign_in import SignedInUser
from desktop.ui.cases.minutes_editor import MinutesEditor
from desktop.ui.cases.sitting_dialog import SittingDialog
from desktop.ui.framework.changes import Changes, Refresher
from desktop.ui.framework.i18n import label
from desktop.ui.framework.ops import Op, run_op
from desktop.ui.framework.reads import LatestRead, Task

TIME, KIND, STATE, PLACE, MATTER, ENTRIES, SEALED = range(7)
LIST_PAGE, EDITOR_PAGE = range(2)


class SittingsView(QStackedWidget):
    """The sittings of case ``number``; ``changed`` after any change saved here (the case reads again)."""

    changed = Signal()

    def __init__(self, store: OpenStore, signed_in: SignedInUser, number: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sittingsView")
        self.store, self.signed_in, self.number = store, signed_in, number
        self.rows: list[SittingInfo] = []
        self.refusal: MedisealError | None = None
        self.dialog: QWidget | None = None
        self.wanted: tuple[int, int | None] | None = None  # a sitting to open once listed (and an entry)

        self.table = QTableWidget(0, 7)
        self.table.setObjectName("sittingsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Kind"), self.tr("State"),
                                              self.tr("Place"), self.tr("Matter"), self.tr("Entries"),
                                              self.tr("Sealed")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in (TIME, KIND, STATE, ENTRIES, SEALED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PLACE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(PLACE, self.fontMetrics().horizontalAdvance("某" * 10))
        header.setSectionResizeMode(MATTER, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.new_button = QPushButton(self.tr("&New Sitting…"))
        self.new_button.setObjectName("newSitting")
        self.new_button.clicked.connect(self.new_sitting)
        self.open_button = QPushButton(self.tr("&Open the Minutes"))
        self.open_button.setObjectName("openMinutes")
        self.open_button.clicked.connect(lambda: self.open_row(self.table.currentRow()))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setObjectName("editSitting")
        self.edit_button.clicked.connect(self.edit_sitting)
        self.cancel_button = QPushButton(self.tr("&Cancel the Sitting…"))
        self.cancel_button.setObjectName("cancelSitting")
        self.cancel_button.clicked.connect(self.cancel_sitting)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.edit_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("sittingsCount")
        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addLayout(buttons)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.count_label)
        self.editor = MinutesEditor(store, signed_in, number)
        self.editor.back.connect(self.show_list)
        self.editor.changed.connect(self._editor_changed)
        self.editor.open_other.connect(self.open_sitting)
        self.addWidget(list_page)
        self.addWidget(self.editor)
        self.setCurrentIndex(LIST_PAGE)

        self.reader: LatestRead[list[SittingInfo]] = LatestRead(self, self._read_task, self._show)
        Refresher(self, lambda changes: changes.cases, self.refresh, skip_own=True)
        self._selection_changed()
        self.refresh()

    # --- state ------------------------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        return self.reader.loading or self.editor.loading

    def has_unsaved_edits(self) -> bool:
        check = getattr(self.dialog, "has_unsaved_edits", None)
        dialog_unsaved = bool(check()) if callable(check) and self.dialog is not None \
            and self.dialog.isVisible() else False
        return dialog_unsaved or self.editor.has_unsaved_edits()

    def keep_drafts(self) -> None:
        """Keep the text being typed in the minutes (signing out, locking, closing: no question asked)."""
        self.editor.keep_draft()

    def set_user(self, signed_in: SignedInUser) -> None:
        self.signed_in = signed_in
        self.editor.set_user(signed_in)
        self.refresh()

    def set_refusal(self, refusal: MedisealError | None) -> None:
        """The case's reason the user may only read (None: they may write)."""
        self.refusal = refusal
        self.new_button.setEnabled(refusal is None)
        self.editor.set_refusal(refusal)
        self._selection_changed()

    # --- reading ----------------------------------------------------------------------------------
    def refresh(self) -> Op[list[SittingInfo]] | None:
        return self.reader.start()

    def _read_task(self) -> Task[list[SittingInfo]]:
        store, number = self.store, self.number

        def read(_progress: ProgressFn, _cancelled: CancelledFn) -> list[SittingInfo]:
            with store.database.session_scope() as session:
                return sittings.list_sittings(session, number)

        return read

    def _show(self, rows: list[SittingInfo]) -> None:
        current = self.current()
        self.rows = rows
        self.table.setRowCount(len(rows))
        for row, info in enumerate(rows):
            cells = (info.starts_at.astimezone().strftime("%Y-%m-%d %H:%M"), label(info.kind),
                     label(info.state),
                     self.tr("Online") if info.online else info.place, info.matter, str(info.entry_count),
                     self.tr("Sealed") if info.sealed else "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == TIME:
                    item.setData(Qt.ItemDataRole.UserRole, info.id)
                self.table.setItem(row, column, item)
        self.count_label.setText(self.tr("{count} sittings").format(count=len(rows)))
        wanted_id = current.id if current is not None else (rows[-1].id if rows else None)
        for row, info in enumerate(rows):
            if info.id == wanted_id:
                self.table.selectRow(row)
        self._selection_changed()
        if self.wanted is not None:
            sitting_id, seq = self.wanted
            self.wanted = None
            self.open_sitting(sitting_id, seq)

    def current(self) -> SittingInfo | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _selection_changed(self) -> None:
        info = self.current()
        writable = self.refusal is None
        self.open_button.setEnabled(info is not None)
        self.edit_button.setEnabled(writable and info is not None and not info.sealed
                                    and info.state is not SittingState.CANCELLED)
        self.cancel_button.setEnabled(writable and info is not None and not info.sealed
                                      and info.entry_count == 0 and info.state is not SittingState.CANCELLED)

    # --- commands ---------------------------------------------------------------------------------
    def open_row(self, row: int) -> MinutesEditor | None:
        if not 0 <= row < len(self.rows):
            return None
        return self.open_sitting(self.rows[row].id)

    def open_sitting(self, sitting_id: int, seq: int | None = None) -> MinutesEditor:
        """The minutes of ``sitting_id`` in the editor (``seq``: an entry to select)."""
        if self.editor.sitting is not None and self.editor.sitting.id == sitting_id:
            if seq is not None:
                self.editor.select_seq(seq)
        else:
            self.editor.open_sitting(sitting_id, seq)
        self.setCurrentIndex(EDITOR_PAGE)
        return self.editor

    def open_when_listed(self, sitting_id: int, seq: int | None = None) -> None:
        """Open a sitting once the list is read (from the calendar, before the case has shown)."""
        if self.reader.loading or not self.rows:
            self.wanted = (sitting_id, seq)
            self.refresh()
        else:
            self.open_sitting(sitting_id, seq)

    def show_list(self) -> None:
        self.setCurrentIndex(LIST_PAGE)
        self.refresh()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def new_sitting(self) -> SittingDialog | None:
        if self.refusal is not None:
            return None
        dialog = SittingDialog(self.store, self.signed_in.actor, self.number, parent=self)
        dialog.saved.connect(self._saved)
        return self._open(dialog)

    def edit_sitting(self) -> SittingDialog | None:
        info = self.current()
        if info is None or self.refusal is not None or info.sealed:
            return None
        dialog = SittingDialog(self.store, self.signed_in.actor, self.number, info, parent=self)
        dialog.saved.connect(self._saved)
        return self._open(dialog)

    def _open(self, dialog: SittingDialog) -> SittingDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _saved(self, info: SittingInfo) -> None:
        self.refresh()
        self.changed.emit()
        if self.editor.sitting is not None and self.editor.sitting.id == info.id:
            self.editor.reload()

    def cancel_sitting(self) -> QInputDialog | None:
        info = self.current()
        if info is None or self.refusal is not None:
            return None
        box = QInputDialog(self)
        box.setObjectName("cancelSittingDialog")
        box.setWindowTitle(self.tr("Cancel the Sitting"))
        box.setLabelText(self.tr("Why is the sitting of {time} cancelled? (required)").format(
            time=info.starts_at.astimezone().strftime("%Y-%m-%d %H:%M")))
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.textValueSelected.connect(lambda reason: self._cancel(info.id, reason))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = box
        box.open()
        return box

    def _cancel(self, sitting_id: int, reason: str) -> Op[Any]:
        store, actor = self.store, self.signed_in.actor

        def task(_progress: ProgressFn, _cancelled: CancelledFn) -> SittingInfo:
            with store.database.session_scope() as session:
                return sittings.cancel_sitting(session, actor, sitting_id, reason)

        return run_op(self, task).on_success(self._saved).changing(Changes(cases=True, ledger=True)).start()

    def _editor_changed(self) -> None:
        self.refresh()
        self.changed.emit()
