"""The Ledger page: entries listed lazily (pages fetched on a worker thread as the view scrolls, so a
million entries cost nothing up front), the latest checkpoint, and verification in the background with a
findings table. It reloads when an op says the ledger changed (and it is shown)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.store import OpenStore
from desktop.core.trust import checkpoints, ledger
from desktop.core.trust.ledger import Entry
from desktop.core.trust.sign_in import SignedInUser
from desktop.core.verification.findings import Report
from desktop.ui.framework.changes import Changes, Refresher
from desktop.ui.framework.i18n import event_label
from desktop.ui.framework.ops import Op, run_op
from desktop.ui.verification.report import FindingsTable, save_report, show_report_summary, verify_task

PAGE_SIZE = 500
Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invalid index: a flat table's only parent


@dataclass(frozen=True, slots=True)
class LedgerHead:
    """What the page shows first: how many entries, the first page of them, the latest checkpoint."""

    total: int
    first: list[Entry]
    checkpoint: checkpoints.CheckpointInfo | None


class LedgerModel(QAbstractTableModel):
    """Ledger entries in order; rows are fetched a page at a time (keyset on ``seq``) on a worker thread
    as the view needs them."""

    def __init__(self, store: OpenStore, parent: QWidget) -> None:
        super().__init__(parent)
        self.store = store
        self.owner = parent
        self.rows: list[Entry] = []
        self.total = 0
        self.fetch_op: Op[list[Entry]] | None = None
        self.generation = 0
        self.headers = [self.tr("No."), self.tr("Time"), self.tr("User"), self.tr("Event"),
                        self.tr("Subject"), self.tr("SHA-256")]

    def reset_to(self, head: LedgerHead) -> None:
        """Start again from a freshly read head (a fetch still under way is dropped)."""
        self.generation += 1
        self.beginResetModel()
        self.rows = list(head.first)
        self.total = head.total
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def canFetchMore(self, parent: Index = ROOT) -> bool:
        return not parent.isValid() and len(self.rows) < self.total and self.fetch_op is None

    def fetchMore(self, parent: Index = ROOT) -> None:
        if parent.isValid() or self.fetch_op is not None:
            return
        start = self.rows[-1].seq + 1 if self.rows else 0
        store, generation = self.store, self.generation

        def fetch(progress: ProgressFn, cancelled: CancelledFn) -> list[Entry]:
            with store.database.session_scope() as session:
                return ledger.entries(session, start, PAGE_SIZE)

        op = run_op(self.owner, fetch).on_success(lambda page: self._fetched(generation, page))
        op.finished.connect(self._fetch_finished)
        self.fetch_op = op
        op.start()

    def _fetch_finished(self) -> None:
        self.fetch_op = None

    def _fetched(self, generation: int, page: list[Entry]) -> None:
        if generation != self.generation:
            return
        if not page:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
        self.rows.extend(page)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
                   ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        entry = self.rows[index.row()]
        values = (str(entry.seq), entry.recorded_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"), entry.actor,
                  event_label(entry.kind), entry.subject, entry.subject_sha256 or "")
        value = values[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return entry.kind  # the stored code, as the command line and the saved report print it
        if role == Qt.ItemDataRole.DisplayRole and index.column() == 5:
            return value[:16]
        return value


class LedgerPage(QWidget):
    """Entries, the latest checkpoint, and the verification report."""

    def __init__(self, store: OpenStore, signed_in: SignedInUser | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_ledger")
        self.store = store
        self.signed_in = signed_in
        self.report: Report | None = None
        self.head_op: Op[LedgerHead] | None = None
        self.refresh_again = False
        self.model = LedgerModel(store, self)
        self.table = QTableView()
        self.table.setObjectName("ledgerTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row sizing
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column, width in enumerate((70, 150, 100, 150)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.checkpoint_label = QLabel()
        self.checkpoint_label.setObjectName("checkpointLabel")
        self.checkpoint_label.setWordWrap(True)
        self.checkpoint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verify_button = QPushButton(self.tr("&Verify…"))
        self.verify_button.setObjectName("verifyButton")
        self.verify_button.clicked.connect(self.verify)
        self.checkpoint_button = QPushButton(self.tr("Sign &Checkpoint"))
        self.checkpoint_button.setObjectName("checkpointButton")
        self.checkpoint_button.clicked.connect(self.sign_checkpoint)
        self.save_button = QPushButton(self.tr("&Save Report…"))
        self.save_button.setObjectName("saveReportButton")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save_report)
        self.summary = QLabel()
        self.summary.setObjectName("verifySummary")
        self.summary.setWordWrap(True)
        self.findings = FindingsTable()

        buttons = QHBoxLayout()
        buttons.addWidget(self.checkpoint_label, 1)
        buttons.addWidget(self.checkpoint_button)
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.save_button)
        report = QWidget()
        report_layout = QVBoxLayout(report)
        report_layout.setContentsMargins(0, 0, 0, 0)
        report_layout.addWidget(self.summary)
        report_layout.addWidget(self.findings)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(report)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(split)
        Refresher(self, lambda changes: changes.ledger, self.refresh)
        self.refresh()

    def set_user(self, signed_in: SignedInUser | None) -> None:
        self.signed_in = signed_in
        self.refresh()

    @property
    def loading(self) -> bool:
        return self.head_op is not None or self.model.fetch_op is not None

    def refresh(self) -> Op[LedgerHead] | None:
        """Reload the entries' count, the first page and the latest checkpoint on a worker thread."""
        self.checkpoint_button.setEnabled(self.signed_in is not None and self.signed_in.key is not None)
        if self.head_op is not None:
            self.refresh_again = True  # what is being read may predate the change: read once more
            return None
        store = self.store

        def load(progress: ProgressFn, cancelled: CancelledFn) -> LedgerHead:
            with store.database.session_scope() as session:
                return LedgerHead(ledger.size(session), ledger.entries(session, 0, PAGE_SIZE),
                                  checkpoints.latest(session))

        op = run_op(self, load).on_success(self._loaded)
        op.finished.connect(self._load_finished)
        self.head_op = op
        return op.start()

    def _load_finished(self) -> None:
        self.head_op = None
        if self.refresh_again:
            self.refresh_again = False
            self.refresh()

    def _loaded(self, head: LedgerHead) -> None:
        self.model.reset_to(head)
        latest = head.checkpoint
        if latest is None:
            self.checkpoint_label.setText(self.tr("{count} entries. No checkpoint yet.").format(
                count=self.model.total))
        else:
            self.checkpoint_label.setText(self.tr(
                "{count} entries. Latest checkpoint: {size} entries, root {root}…, signed by {signer} at "
                "{time}.").format(count=self.model.total, size=latest.tree_size, root=latest.root_sha256[:16],
                                  signer=latest.signer,
                                  time=latest.signed_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")))

    def sign_checkpoint(self) -> Op[checkpoints.CheckpointInfo] | None:
        """Sign the ledger's head now with the user's key (failures are shown; the page stays usable)."""
        if self.signed_in is None or self.signed_in.key is None:
            return None
        store, actor, key = self.store, self.signed_in.actor, self.signed_in.key

        def sign(progress: ProgressFn, cancelled: CancelledFn) -> checkpoints.CheckpointInfo:
            with store.database.session_scope() as session:
                return checkpoints.sign_checkpoint(session, actor, key)

        self.checkpoint_button.setEnabled(False)
        op = run_op(self, sign).as_work(self.tr("Signing a checkpoint")).changing(Changes(ledger=True))
        op.finished.connect(lambda: self.checkpoint_button.setEnabled(
            self.signed_in is not None and self.signed_in.key is not None))
        return op.start()

    def verify(self) -> None:
        """Verify the whole store (ledger, evidence files, seals, preservation records) on a worker
        thread, with progress and Cancel."""
        self.verify_button.setEnabled(False)
        self.summary.setText(self.tr("Verifying…"))
        task = verify_task(self.store, None, self.signed_in.actor.name if self.signed_in else None)
        op = run_op(self, task).with_progress(self.tr("Verifying the ledger and the "
                                                                         "evidence…"))
        op.on_success(self._show_report).on_cancelled(self._verify_cancelled)
        op.finished.connect(lambda: self.verify_button.setEnabled(True))
        self.verify_op = op.start()

    def _verify_cancelled(self) -> None:
        self.summary.setText(self.tr("Verification cancelled."))

    def _show_report(self, report: Report) -> None:
        self.report = report
        self.save_button.setEnabled(True)
        show_report_summary(self.summary, report)
        self.findings.show_report(report)

    def save_report(self, path: str | None = None) -> Op[Path] | None:
        """Write the last report as JSON (the same form as ``mediseal verify --json``)."""
        if self.report is None:
            return None
        return save_report(self, self.report, self.store.folder.exports, path)
