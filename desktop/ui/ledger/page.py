"""The Ledger page: entries newest first, listed lazily (pages fetched on a worker thread as the view
scrolls, so a million entries cost nothing up front), filtered in SQL by event, user, date and subject,
subjects in words, each entry in full on double-click, CSV export; the latest checkpoint, and
verification in the background with a findings table.
It reloads when an op says the ledger changed (and it is shown)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.integrity.canonical import format_time
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.store import OpenStore
from desktop.core.trust import checkpoints, ledger, ledger_export
from desktop.core.trust.events import EventKind
from desktop.core.trust.ledger import Entry, EntryFilter
from desktop.core.trust.sign_in import SignedInUser
from desktop.core.trust.subjects import SubjectInfo, describe_subjects
from desktop.core.trust.users import real_names
from desktop.core.verification.findings import Report
from desktop.ui.framework.changes import Changes, Refresher
from desktop.ui.framework.formatting import local_time, person
from desktop.ui.framework.i18n import event_label, label
from desktop.ui.framework.ops import Op, run_op
from desktop.ui.ledger.entry_dialog import EntryDialog
from desktop.ui.ledger.words import subject_tooltip, subject_words, translate
from desktop.ui.verification.report import FindingsTable, save_report, show_report_summary, verify_task

PAGE_SIZE = 500
EVENT = 3  # the event column
EVENT_SHOWN = 200  # pixels of an event's words the event column grows to at most
FILTER_DELAY_MS = 300  # typing in the subject box filters once the user pauses
Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the invalid index: a flat table's only parent


@dataclass(frozen=True, slots=True)
class EntryPage:
    """Entries newest first, and their subjects in words."""

    entries: list[Entry]
    subjects: dict[str, SubjectInfo] = field(default_factory=dict)
    people: dict[str, str] = field(default_factory=dict)  # the actors' real names (login name → real name)


@dataclass(frozen=True, slots=True)
class LedgerHead:
    """What the page shows first: how many entries, the first page of them (filtered), the latest
    checkpoint and the users entries can name, with the real names of those users and of the
    checkpoint's signer (read in one query)."""

    total: int
    first: EntryPage
    checkpoint: checkpoints.CheckpointInfo | None
    actors: list[str] = field(default_factory=list)
    people: dict[str, str] = field(default_factory=dict)  # login name → real name


def read_page(store: OpenStore, query_filter: EntryFilter, before: int | None) -> EntryPage:
    """One page of entries, newest first, with their subjects resolved in one batch (worker thread)."""
    with store.database.session_scope() as session:
        entries = ledger.newest_entries(session, query_filter, before, PAGE_SIZE)
        return EntryPage(entries, describe_subjects(session, (entry.subject for entry in entries)),
                         real_names(session, (entry.actor for entry in entries)))


def csv_header() -> list[str]:
    return [translate("Ledger", "No."), translate("Ledger", "Time"), translate("Ledger", "Time (UTC)"),
            translate("Ledger", "User"), translate("Ledger", "Event"), translate("Ledger", "Event code"),
            translate("Ledger", "Subject"), translate("Ledger", "Subject as recorded"),
            translate("Ledger", "Case"), "SHA-256"]


def csv_row(entry: Entry, subject: SubjectInfo) -> list[str]:
    """One entry's cells in the reader's language (translation is safe on a worker thread)."""
    return [str(entry.seq), local_time(entry.recorded_at), format_time(entry.recorded_at), entry.actor,
            event_label(entry.kind), entry.kind, subject_words(subject, entry.subject), entry.subject,
            subject.case_number, entry.subject_sha256 or ""]


class LedgerModel(QAbstractTableModel):
    """Ledger entries newest first, those a filter passes; rows are fetched a page at a time (keyset on
    ``seq``, backwards) on a worker thread as the view needs them."""

    def __init__(self, store: OpenStore, parent: QWidget) -> None:
        super().__init__(parent)
        self.store = store
        self.owner = parent
        self.rows: list[Entry] = []
        self.subjects: dict[str, SubjectInfo] = {}
        self.people: dict[str, str] = {}
        self.total = 0
        self.exhausted = True
        self.query_filter = EntryFilter()
        self.fetch_op: Op[EntryPage] | None = None
        self.generation = 0
        self.headers = [self.tr("No."), self.tr("Time"), self.tr("User"), self.tr("Event"),
                        self.tr("Subject"), self.tr("SHA-256")]

    def reset_to(self, head: LedgerHead, query_filter: EntryFilter) -> None:
        """Start again from a freshly read head (a fetch still under way is dropped)."""
        self.generation += 1
        self.beginResetModel()
        self.query_filter = query_filter
        self.rows = list(head.first.entries)
        self.subjects = dict(head.first.subjects)
        self.people = dict(head.first.people)
        self.total = head.total
        self.exhausted = len(self.rows) < PAGE_SIZE
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def canFetchMore(self, parent: Index = ROOT) -> bool:
        return not parent.isValid() and not self.exhausted and self.fetch_op is None

    def fetchMore(self, parent: Index = ROOT) -> None:
        if parent.isValid() or self.fetch_op is not None or self.exhausted:
            return
        before = self.rows[-1].seq if self.rows else None
        store, generation, query_filter = self.store, self.generation, self.query_filter

        def fetch(progress: ProgressFn, cancelled: CancelledFn) -> EntryPage:
            return read_page(store, query_filter, before)

        op = run_op(self.owner, fetch).on_success(lambda page: self._fetched(generation, page))
        op.finished.connect(self._fetch_finished)
        self.fetch_op = op
        op.start()

    def _fetch_finished(self) -> None:
        self.fetch_op = None

    def _fetched(self, generation: int, page: EntryPage) -> None:
        if generation != self.generation:
            return
        self.exhausted = len(page.entries) < PAGE_SIZE
        if not page.entries:
            return
        self.subjects.update(page.subjects)
        self.people.update(page.people)
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page.entries) - 1)
        self.rows.extend(page.entries)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
                   ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def subject(self, entry: Entry) -> SubjectInfo | None:
        return self.subjects.get(entry.subject)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        entry = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 2:
                return entry.actor  # the user as recorded
            if column == 3:
                return entry.kind  # the stored code, as the command line and the saved report print it
            if column == 4:
                return subject_tooltip(self.subject(entry), entry.subject)  # the subject as recorded
            if column == 5:
                return entry.subject_sha256 or ""
        if column == 0:
            return str(entry.seq)
        if column == 1:
            return local_time(entry.recorded_at)
        if column == 2:
            return person(entry.actor, self.people.get(entry.actor))
        if column == 3:
            return event_label(entry.kind)
        if column == 4:
            return subject_words(self.subject(entry), entry.subject)
        return (entry.subject_sha256 or "")[:16]


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def local_day_start(day: date) -> datetime:
    """Midnight at the start of ``day`` in the computer's time zone, as an aware time."""
    return datetime.combine(day, time()).astimezone()


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
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        # The user as 王小明（wangxiao）; the event as wide as the words of the events listed (_fit_events).
        for column, width in enumerate((metrics.horizontalAdvance("0000000") + 16,
                                        metrics.horizontalAdvance("2026-01-01 00:00:00") + 16,
                                        metrics.horizontalAdvance(person("wangxiao", "王小明")) + 16,
                                        metrics.horizontalAdvance(self.model.headers[EVENT]) + 16)):
            header.resizeSection(column, width)
        self.event_kinds: set[str] = set()  # of the entries listed, whose words the event column fits
        self.model.modelReset.connect(lambda: self._fit_events(0, self.model.rowCount() - 1, again=True))
        self.model.rowsInserted.connect(lambda _parent, first, last: self._fit_events(first, last))
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(5, self.table.fontMetrics().horizontalAdvance("0" * 16) + 24)  # 16 digits shown
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        # Double-click or Enter (``activated`` is both, where the style activates on double-click).
        self.table.activated.connect(lambda index: self.show_entry(index.row()))
        self.entry_dialog: EntryDialog | None = None
        self.export_op: Op[int] | None = None
        self._build_filters()
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
        # The report shows once a verification runs (until then the entries have the page): its banner
        # and summary in the page's layout, which gives wrapped text the height it needs (a splitter
        # does not), the findings under the entries.
        self.summary.setVisible(False)
        self.findings.setVisible(False)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.findings)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addLayout(self.filter_rows)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        Refresher(self, lambda changes: changes.ledger, self.refresh)
        self.refresh()

    def _fit_events(self, first: int, last: int, again: bool = False) -> None:
        """Widen the event column for the words of the kinds of entries ``first`` to ``last`` (only new
        rows are looked at: a page of 500 at a time), up to EVENT_SHOWN pixels; the rare longer words are
        shortened, the code in the tooltip. From scratch when the list was read anew."""
        if again:
            self.event_kinds.clear()
        kinds = {str(entry.kind) for entry in self.model.rows[first:last + 1]} - self.event_kinds
        if not kinds and not again:
            return
        self.event_kinds |= kinds
        metrics = self.table.fontMetrics()
        words = max((metrics.horizontalAdvance(event_label(kind)) for kind in self.event_kinds), default=0)
        title = metrics.horizontalAdvance(self.model.headers[EVENT])
        self.table.horizontalHeader().resizeSection(EVENT, max(title, min(words, EVENT_SHOWN)) + 16)

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
        store, query_filter = self.store, self.current_filter()

        def load(progress: ProgressFn, cancelled: CancelledFn) -> LedgerHead:
            first = read_page(store, query_filter, None)
            with store.database.session_scope() as session:
                latest, actors = checkpoints.latest(session), ledger.actors(session)
                signers = [latest.signer] if latest is not None else []
                return LedgerHead(ledger.size(session), first, latest, actors,
                                  real_names(session, [*actors, *signers]))

        op = run_op(self, load).on_success(lambda head: self._loaded(head, query_filter))
        op.finished.connect(self._load_finished)
        self.head_op = op
        return op.start()

    def _load_finished(self) -> None:
        self.head_op = None
        if self.refresh_again:
            self.refresh_again = False
            self.refresh()

    def _loaded(self, head: LedgerHead, query_filter: EntryFilter) -> None:
        if query_filter != self.current_filter():
            self.refresh_again = True  # the filter changed while this was read
            return
        self.model.reset_to(head, query_filter)
        self._set_actors(head.actors, head.people)
        latest = head.checkpoint
        if latest is None:
            self.checkpoint_label.setText(self.tr("{count} entries. No checkpoint yet.").format(
                count=self.model.total))
        else:
            self.checkpoint_label.setText(self.tr(
                "{count} entries. Latest checkpoint: {size} entries, root {root}…, signed by {signer} at "
                "{time}.").format(count=self.model.total, size=latest.tree_size, root=latest.root_sha256[:16],
                                  signer=person(latest.signer, head.people.get(latest.signer)),
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
        self.summary.setVisible(True)
        self.findings.setVisible(True)
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

    # --- filters --------------------------------------------------------------------------------
    def _build_filters(self) -> None:
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kindFilter")
        self.kind_combo.addItem(self.tr("All events"), None)
        for kind in sorted(EventKind, key=lambda value: label(value)):
            self.kind_combo.addItem(label(kind), str(kind))
            self.kind_combo.setItemData(self.kind_combo.count() - 1, str(kind), Qt.ItemDataRole.ToolTipRole)
        # Narrow in the bar (the window fits 700 pixels), the whole words in the list that drops down.
        self.kind_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind_combo.setMinimumContentsLength(12)
        self.kind_combo.view().setMinimumWidth(self.kind_combo.view().sizeHintForColumn(0) + 24)
        self.user_combo = QComboBox()
        self.user_combo.setObjectName("userFilter")
        self.user_combo.addItem(self.tr("All users"), None)
        self.user_combo.addItem(self.tr("No one signed in"), ledger.SYSTEM_ACTOR)
        self.user_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.user_combo.setMinimumContentsLength(8)
        self.user_combo.view().setMinimumWidth(self.user_combo.view().sizeHintForColumn(0) + 24)
        self.subject_edit = QLineEdit()
        self.subject_edit.setObjectName("subjectFilter")
        self.subject_edit.setPlaceholderText(self.tr("Case number, file name or user"))
        self.subject_edit.setClearButtonEnabled(True)
        today = QDate.currentDate()
        self.since_check = QCheckBox(self.tr("From"))
        self.since_check.setObjectName("sinceCheck")
        self.since_edit = QDateEdit(today.addDays(-30))
        self.since_edit.setObjectName("sinceDate")
        self.until_check = QCheckBox(self.tr("To"))
        self.until_check.setObjectName("untilCheck")
        self.until_edit = QDateEdit(today)
        self.until_edit.setObjectName("untilDate")
        for check, edit in ((self.since_check, self.since_edit), (self.until_check, self.until_edit)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self._filter_changed)
            edit.dateChanged.connect(self._filter_changed)
        self.clear_button = QPushButton(self.tr("C&lear Filters"))
        self.clear_button.setObjectName("clearFiltersButton")
        self.clear_button.clicked.connect(self.clear_filters)
        self.export_button = QPushButton(self.tr("&Export CSV…"))
        self.export_button.setObjectName("exportCsvButton")
        self.export_button.setToolTip(self.tr("Save the entries shown (with these filters) as a CSV file for "
                                              "a spreadsheet"))
        self.export_button.clicked.connect(lambda: self.export_csv())
        self.export_status = QLabel()
        self.export_status.setObjectName("exportStatus")
        self.export_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subject_timer = QTimer(self)
        self.subject_timer.setSingleShot(True)
        self.subject_timer.setInterval(FILTER_DELAY_MS)
        self.subject_timer.timeout.connect(self._filter_changed)
        self.subject_edit.textChanged.connect(self.subject_timer.start)
        self.subject_edit.returnPressed.connect(self._filter_changed)
        self.kind_combo.currentIndexChanged.connect(self._filter_changed)
        self.user_combo.currentIndexChanged.connect(self._filter_changed)

        first = QHBoxLayout()
        first.addWidget(QLabel(self.tr("Event:")))
        first.addWidget(self.kind_combo)
        first.addWidget(QLabel(self.tr("User:")))
        first.addWidget(self.user_combo)
        first.addWidget(QLabel(self.tr("Subject:")))
        first.addWidget(self.subject_edit, 1)
        second = QHBoxLayout()
        second.addWidget(self.since_check)
        second.addWidget(self.since_edit)
        second.addWidget(self.until_check)
        second.addWidget(self.until_edit)
        second.addWidget(self.clear_button)
        second.addWidget(self.export_status, 1)
        second.addWidget(self.export_button)
        self.filter_rows = QVBoxLayout()
        self.filter_rows.addLayout(first)
        self.filter_rows.addLayout(second)
        self.applied_filter = EntryFilter()

    def current_filter(self) -> EntryFilter:
        """The filter the controls describe; dates are whole local days, both ends included."""
        kind = self.kind_combo.currentData()
        actor = self.user_combo.currentData()
        since = local_day_start(_day(self.since_edit.date())) if self.since_check.isChecked() else None
        until = local_day_start(_day(self.until_edit.date()) + timedelta(days=1)) \
            if self.until_check.isChecked() else None
        return EntryFilter((kind,) if kind else (), actor, since, until, self.subject_edit.text().strip())

    def _filter_changed(self) -> None:
        self.subject_timer.stop()
        if self.current_filter() != self.applied_filter:
            self.applied_filter = self.current_filter()
            self.refresh()

    def clear_filters(self) -> None:
        """Show every entry again (one reload, not one per control)."""
        controls = (self.kind_combo, self.user_combo, self.subject_edit, self.since_check, self.until_check)
        for widget in controls:
            widget.blockSignals(True)
        self.kind_combo.setCurrentIndex(0)
        self.user_combo.setCurrentIndex(0)
        self.subject_edit.clear()
        self.since_check.setChecked(False)
        self.until_check.setChecked(False)
        self.since_edit.setEnabled(False)
        self.until_edit.setEnabled(False)
        for widget in controls:
            widget.blockSignals(False)
        self._filter_changed()

    def _set_actors(self, names: list[str], people: dict[str, str]) -> None:
        """The user filter's choices: everyone, no one signed in, each user as 李华（lihua） (the login
        name is what the filter matches; the choice is kept)."""
        wanted = [(person(name, people.get(name)), name) for name in names]
        shown = [(self.user_combo.itemText(row), self.user_combo.itemData(row))
                 for row in range(2, self.user_combo.count())]
        if shown == wanted:
            return
        chosen = self.user_combo.currentData()
        self.user_combo.blockSignals(True)
        while self.user_combo.count() > 2:
            self.user_combo.removeItem(2)
        for text, name in wanted:
            self.user_combo.addItem(text, name)
        # Narrow in the bar, the whole names in the list that drops down.
        self.user_combo.view().setMinimumWidth(self.user_combo.view().sizeHintForColumn(0) + 24)
        found = self.user_combo.findData(chosen)
        self.user_combo.setCurrentIndex(max(found, 0))
        self.user_combo.blockSignals(False)

    # --- one entry, and the CSV -------------------------------------------------------------------
    def show_entry(self, row: int) -> EntryDialog | None:
        """The entry on ``row`` in full, in a dialog."""
        if not 0 <= row < len(self.model.rows):
            return None
        entry = self.model.rows[row]
        self.entry_dialog = EntryDialog(entry, self.model.subject(entry), self,
                                        self.model.people.get(entry.actor))
        self.entry_dialog.open()
        return self.entry_dialog

    def export_csv(self, path: str | None = None) -> Op[int] | None:
        """Save the entries the filters pass as CSV (UTF-8 with BOM), newest first, on a worker thread
        with progress and Cancel; an existing file is refused, never replaced."""
        if self.export_op is not None:
            return None
        if path is None:
            name = f"ledger-{datetime.now().strftime('%Y%m%d-%H%M%S')}.csv"
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Export Ledger Entries"), str(self.store.folder.exports / name),
                self.tr("CSV files (*.csv)"), options=QFileDialog.Option.DontConfirmOverwrite)
            if not path:
                return None
        destination, database, query_filter = Path(path), self.store.database, self.current_filter()
        header = csv_header()

        def export(progress: ProgressFn, cancelled: CancelledFn) -> int:
            return ledger_export.export_csv(database, destination, query_filter, header, csv_row, progress,
                                            cancelled)

        def exported(count: int) -> None:
            self.export_status.setText(self.tr("{count} entries saved to {path}").format(
                count=count, path=destination.name))
            self.export_status.setToolTip(str(destination))

        self.export_button.setEnabled(False)
        self.export_status.clear()
        op = run_op(self, export).with_progress(self.tr("Exporting ledger entries…")).on_success(exported)
        op.on_cancelled(lambda: self.export_status.setText(self.tr("Export cancelled.")))
        op.finished.connect(self._export_finished)
        self.export_op = op
        return op.start()

    def _export_finished(self) -> None:
        self.export_op = None
        self.export_button.setEnabled(True)
