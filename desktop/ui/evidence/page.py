"""The Evidence page: a case's evidence items with their facts, custody trail and preview; taking files in
(file dialog or drag and drop, per-file and total progress, Cancel keeps what completed), sealing, saving
a copy, preservation records, and verifying the case. Every rule is the core's; this page asks and shows.
Every read and write runs as an op; the page owns its commands as ``QAction``s that its buttons and the
window's menus share.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFontDatabase,
    QFontMetrics,
    QKeySequence,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QStyle,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cases import matters as cases
from desktop.core.cases import register
from desktop.core.errors import Cancelled, MedisealError
from desktop.core.evidence import intake, preservation, readout, seals
from desktop.core.evidence import items as evidence_items
from desktop.core.evidence.acquisition import Acquisition
from desktop.core.evidence.intake import IngestReport
from desktop.core.evidence.items import ItemInfo
from desktop.core.evidence.preservation import PreservationInfo, PreservationInput
from desktop.core.exchange import importing
from desktop.core.exchange.importing import Origin
from desktop.core.office.office import MatterKind
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.store import OpenStore
from desktop.core.trust.ledger import Entry
from desktop.core.trust.permissions import Action, Role
from desktop.core.trust.sign_in import SignedInUser
from desktop.core.trust.subjects import SubjectInfo, describe_subjects
from desktop.core.trust.users import real_names
from desktop.core.verification.codes import ItemVerdict
from desktop.core.verification.findings import Report
from desktop.ui.cases.case_dialog import CaseDialog
from desktop.ui.evidence.acquisition_dialog import AcquisitionDialog, source_kind_titles
from desktop.ui.evidence.detail import CustodyTrail, ItemFacts, PreservationList, origin_text
from desktop.ui.evidence.ingest_panel import IngestPanel, summary_box
from desktop.ui.evidence.preservation_dialog import PreservationDialog
from desktop.ui.evidence.preview import Preview, PreviewPane, load_preview, preview_plan
from desktop.ui.evidence.proof_export import ProofExport, ask_folder
from desktop.ui.exchange.import_dialog import ImportDialog
from desktop.ui.framework.changes import Changes, Refresher
from desktop.ui.framework.errors import show_error
from desktop.ui.framework.formatting import column_size, human_size, person
from desktop.ui.framework.i18n import listed, translate_error
from desktop.ui.framework.ops import Op, run_op
from desktop.ui.verification.report import (
    FAILED_COLOURS,
    FindingsTable,
    checked_time,
    item_problems,
    save_report,
    show_report_summary,
    verify_task,
)

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
NAME, KIND, SIZE, SHA256, SEALED_BY, TAKEN_IN = range(6)
SHA256_SHOWN = 10
NAME_ROOM_SAMPLE = "证" * 20 + ".png"  # a file name the table shows whole beside its other columns
ID_ROLE = Qt.ItemDataRole.UserRole
RECENT_CASES = 200  # the cases the chooser lists when nothing is searched for
SEARCH_DELAY_MS = 250  # typing pauses this long before the search runs
_MNEMONIC = re.compile(r"\(&\w\)|&(?=\w)")


def button_text(text: str) -> str:
    """A menu text as a button shows it: no mnemonic (``&A`` or a Chinese ``(&A)``), the ellipsis kept."""
    return _MNEMONIC.sub("", text)


class EvidenceModel(QAbstractTableModel):
    """The items of one case, in the order they were taken in; items the last verification found broken
    carry a red mark, and their name's tooltip says what is wrong."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ItemInfo] = []
        self.people: dict[str, str] = {}  # real names of the signers (login name → real name)
        self.origins: dict[int, Origin] = {}  # imported items: where they came from, who sealed them there
        self.failed: dict[int, list[str]] = {}  # item id → what the last report found wrong, in words
        self.checked_at = ""  # when that report ran
        self.failed_icon = (parent.style() if parent is not None else QApplication.style()).standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxCritical)
        self.kinds = source_kind_titles()
        self.headers = [self.tr("Name"), self.tr("Kind"), self.tr("Size"), self.tr("SHA-256"),
                        self.tr("Sealed by"), self.tr("Taken in")]

    def set_items(self, items: list[ItemInfo], people: dict[str, str] | None = None) -> None:
        """Show ``items``; ``people`` are the real names of who sealed them (read with them, in one
        query), so the Sealed by column names 李华（lihua）, not the login name alone."""
        self.beginResetModel()
        self.rows = items
        self.people = dict(people or {})
        self.endResetModel()

    def set_report(self, report: Report | None) -> None:
        """Mark the items ``report`` judges ``failed`` (and only those); None clears every mark."""
        failed: dict[int, list[str]] = {}
        if report is not None:
            problems = item_problems(report)
            failed = {item: problems.get(item, []) for item, verdict in report.verdicts().items()
                      if verdict == ItemVerdict.FAILED}
        self.failed = failed
        self.checked_at = checked_time(report) if report is not None else ""
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.headers) - 1))

    def problem(self, item_id: int) -> str | None:
        """Why the item is marked, in words, or None when it is not."""
        if item_id not in self.failed:
            return None
        text = self.tr("Verification failed ({time}): this item does not match its record.").format(
            time=self.checked_at)
        return "\n".join([text, *(f"• {title}" for title in self.failed[item_id])])

    def row_of(self, item_id: int) -> int:
        return next((row for row, info in enumerate(self.rows) if info.id == item_id), -1)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        info = self.rows[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return int(info.id)
        if column == NAME and info.id in self.failed:
            if role == Qt.ItemDataRole.DecorationRole:
                return self.failed_icon
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(FAILED_COLOURS[0]))
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{info.name}\n{info.mime_type}\n\n{self.problem(info.id)}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column == SHA256:
            return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == SHA256:
                return info.sha256
            if column == SIZE:
                return self.tr("{bytes} bytes").format(bytes=f"{info.size:,}")
            if column == NAME:
                return f"{info.name}\n{info.mime_type}"
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == NAME:
            return info.name
        if column == KIND:
            return self.kinds.get(info.acquisition.source_kind, info.acquisition.source_kind)
        if column == SIZE:
            return column_size(info.size)
        if column == SHA256:
            return info.sha256[:SHA256_SHOWN]
        if column == SEALED_BY:
            origin = self.origins.get(info.id)
            if origin is not None and role == Qt.ItemDataRole.ToolTipRole:
                return origin_text(origin)
            here = listed(person(seal.signer, self.people.get(seal.signer)) for seal in info.seals)
            if origin is None:
                return here
            there = self.tr("{signers} (from {office})").format(
                signers=listed(seal.signer for seal in origin.seals), office=origin.source_office)
            return listed(part for part in (here, there) if part)
        return info.ingested_at.astimezone().strftime("%Y-%m-%d %H:%M")


@dataclass(frozen=True, slots=True)
class CopyResult:
    """Copies written, and items that could not be copied with the error (shown in one summary)."""

    written: tuple[Path, ...]
    failures: tuple[tuple[str, MedisealError | OSError], ...]


def _copy_targets(items: Sequence[ItemInfo], folder: Path) -> list[tuple[ItemInfo, Path]]:
    """One file per item in ``folder``; an item whose name another selected item shares gets its id."""
    names = [info.name for info in items]
    targets = []
    for info in items:
        name = info.name
        if names.count(name) > 1:
            path = Path(name)
            name = f"{path.stem} ({info.id}){path.suffix}"
        targets.append((info, folder / name))
    return targets


@dataclass(frozen=True, slots=True)
class _CaseContents:
    items: list[ItemInfo]
    records: list[PreservationInfo]
    people: dict[str, str] = field(default_factory=dict)  # real names of who took in, sealed, recorded
    origins: dict[int, Origin] = field(default_factory=dict)  # imported items' origins


class EvidencePage(QWidget):
    """Evidence of one case at a time."""

    show_requested = Signal()  # a command of this page was chosen (from a menu too): show the page

    def __init__(self, store: OpenStore, signed_in: SignedInUser, parent: QWidget | None = None, *,
                 case_number: str | None = None) -> None:
        """``case_number``: this matter's evidence only (a case workspace's tab), with no case chooser."""
        super().__init__(parent)
        self.setObjectName("page_evidence" if case_number is None else "caseEvidence")
        self.fixed_case = case_number
        self.setAcceptDrops(True)
        self.store = store
        self.signed_in = signed_in
        self.report: Report | None = None
        self.preview_ops: dict[int, Op[Preview]] = {}
        self.records: list[PreservationInfo] = []
        self.ingest_op: Op[IngestReport] | None = None
        self.verify_op: Op[Report] | None = None
        self.seal_op: Op[list[evidence_items.SealInfo]] | None = None
        self.copy_op: Op[CopyResult] | None = None
        self.proof_export: ProofExport | None = None
        self.cases_op: Op[list[tuple[str, str]]] | None = None
        self.items_op: Op[_CaseContents] | None = None
        self.trail_op: Op[Any] | None = None
        self.refresh_again = False
        self.wanted_case: str | None = None  # a case to show once the list holds it (one just opened)
        self.items_generation = 0
        self.active = True  # False while the window is locked or nobody is signed in
        self.dialog: QWidget | None = None  # the dialog or message box this page opened last
        self.summary_box: QMessageBox | None = None

        self.case_combo = QComboBox()
        self.case_combo.setObjectName("caseCombo")
        self.case_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.case_combo.setMinimumContentsLength(12)
        self.case_combo.currentIndexChanged.connect(self._case_changed)
        case_label = QLabel(self.tr("Case:"))
        case_label.setBuddy(self.case_combo)
        # The most recent cases, and a search over every case's number and title (100 000 cases listed
        # whole would make the chooser unusable).
        self.case_search = QLineEdit()
        self.case_search.setObjectName("caseSearch")
        self.case_search.setPlaceholderText(self.tr("Find a case: number or title"))
        self.case_search.setClearButtonEnabled(True)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.refresh)
        self.case_search.textChanged.connect(lambda _text: self.search_timer.start())
        # The page's commands: each a QAction its button shows and the window's menus add.
        self.new_case_action, self.new_case_button = self._command(
            self.tr("&New Case…"), "newCaseButton", self.new_case)
        self.add_action, self.add_button = self._command(
            self.tr("&Add Files…"), "addFilesButton", self.add_files, QKeySequence.StandardKey.Open)
        self.seal_action, self.seal_button = self._command(
            self.tr("&Seal…"), "sealButton", self.seal_selected)
        self.copy_action, self.copy_button = self._command(
            self.tr("Save a &Copy…"), "saveCopyButton", self.save_copy)
        self.proof_action, self.proof_button = self._command(
            self.tr("E&xport Proof…"), "exportProofButton", self.export_proof)
        self.preservation_action, self.preservation_button = self._command(
            self.tr("&Preservation Record…"), "preservationButton", self.preservation_record)
        self.import_action, self.import_button = self._command(
            self.tr("&Import Package…"), "importPackageButton", self.import_package)
        self.verify_action, self.verify_button = self._command(
            self.tr("&Verify Case…"), "verifyCaseButton", self.verify)
        self.save_report_action, self.save_report_button = self._command(
            self.tr("Save Rep&ort…"), "saveCaseReportButton", self.save_report)

        self.model = EvidenceModel(self)
        self.table = QTableView()
        self.table.setObjectName("evidenceTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        # The name gets the room; the other columns are as wide as what they show (and their titles).
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(40)
        for column in range(len(self.model.headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.count_label = QLabel()
        self.count_label.setObjectName("evidenceCount")
        self.count_label.setWordWrap(True)

        self.facts = ItemFacts()
        self.preview = PreviewPane()
        self.trail = CustodyTrail()
        self.record_list = PreservationList()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("evidenceTabs")
        self.tabs.addTab(self.facts, self.tr("Item"))
        self.tabs.addTab(self.preview, self.tr("Preview"))
        self.tabs.addTab(self.trail, self.tr("Custody Trail"))
        self.tabs.addTab(self.record_list, self.tr("Preservation Records"))
        self.tabs.currentChanged.connect(self._tab_changed)
        # Every title in view, no scroll arrows; the item's facts (digests with their Copy buttons) never
        # need sideways scrolling: the tabs are never narrower than either.
        self.tabs.setUsesScrollButtons(False)
        self.tabs.tabBar().setElideMode(Qt.TextElideMode.ElideRight)
        facts_content = self.facts.widget()
        facts_width = ((facts_content.minimumSizeHint().width() if facts_content is not None else 0)
                       + self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent))
        self.tabs.setMinimumWidth(max(self.tabs.tabBar().sizeHint().width(), facts_width) + 8)

        self.ingest_panel = IngestPanel()
        self.ingest_panel.setVisible(False)
        self.ingest_panel.cancel_button.clicked.connect(self.cancel_ingest)

        self.summary = QLabel()
        self.summary.setObjectName("caseVerifySummary")
        self.summary.setWordWrap(True)
        self.findings = FindingsTable()
        self.report_box = QWidget()
        report_layout = QVBoxLayout(self.report_box)
        report_layout.setContentsMargins(0, 0, 0, 0)
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary, 1)
        summary_row.addWidget(self.save_report_button, 0, Qt.AlignmentFlag.AlignTop)
        report_layout.addLayout(summary_row)
        report_layout.addWidget(self.findings, 1)
        self.report_box.setVisible(False)

        case_row = QHBoxLayout()
        case_row.addWidget(case_label)
        case_row.addWidget(self.case_combo, 2)
        case_row.addWidget(self.case_search, 1)
        case_row.addWidget(self.new_case_button)
        if case_number is not None:
            for widget in (case_label, self.case_combo, self.case_search, self.new_case_button):
                widget.setVisible(False)
            case_row.addStretch(1)  # the case's own buttons at the right
        case_row.addWidget(self.import_button)
        case_row.addWidget(self.verify_button)
        action_row = QHBoxLayout()
        for button in (self.add_button, self.seal_button, self.copy_button, self.proof_button,
                       self.preservation_button):
            action_row.addWidget(button)
        action_row.addStretch(1)
        items_box = QWidget()
        items_layout = QVBoxLayout(items_box)
        items_layout.setContentsMargins(0, 0, 0, 0)
        items_layout.addWidget(self.table, 1)
        items_layout.addWidget(self.count_label)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.setObjectName("evidenceSplit")
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(items_box)
        self.split.addWidget(self.tabs)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 1)
        self.side_by_side_from = self._side_by_side_width()
        self.arranged: Qt.Orientation | None = None  # set at the first resize
        self.report_split = QSplitter(Qt.Orientation.Vertical)
        self.report_split.addWidget(self.split)
        self.report_split.addWidget(self.report_box)
        self.report_split.setStretchFactor(0, 3)
        self.report_split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(case_row)
        layout.addLayout(action_row)
        layout.addWidget(self.ingest_panel)
        layout.addWidget(self.report_split, 1)
        # Changes made elsewhere reload what they concern; this page's own changes reload themselves.
        Refresher(self, lambda changes: changes.cases or changes.evidence, self.refresh, skip_own=True)
        Refresher(self, lambda changes: changes.ledger, lambda: self._load_trail(self.current_item()),
                  skip_own=True)
        self._update_buttons()
        self.refresh()

    # --- layout ------------------------------------------------------------------------------------
    def _side_by_side_width(self) -> int:
        """The page width from which the table and the detail tabs stand side by side: the table with
        every column, a 20-character Chinese file name in full, and the tabs at their narrowest. Below
        it (a 1024-pixel screen) the tabs go under the table, which then has the page's whole width."""
        metrics = self.fontMetrics()
        fixed = QFontMetrics(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        padding = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 16
        samples = {KIND: max(self.model.kinds.values(), key=metrics.horizontalAdvance, default=""),
                   SIZE: "1023.9 MiB", SEALED_BY: person("lihua", "李华"), TAKEN_IN: "2026-11-25 15:09"}
        columns = sum(max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(
            str(self.model.headers[column]))) + padding for column, sample in samples.items())
        columns += padding + max(fixed.horizontalAdvance("0" * SHA256_SHOWN),
                                 metrics.horizontalAdvance("SHA-256"))
        name = metrics.horizontalAdvance(NAME_ROOM_SAMPLE) + padding + self.style().pixelMetric(
            QStyle.PixelMetric.PM_SmallIconSize) + 4
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        margins = self.contentsMargins()
        return (columns + name + scroll_bar + 2 * self.table.frameWidth() + self.tabs.minimumWidth()
                + self.split.handleWidth() + 24 + margins.left() + margins.right())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """Table and tabs side by side on a wide page, one above the other on a narrow one."""
        wide = self.width() >= self.side_by_side_from
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.arranged == orientation:
            return
        self.arranged = orientation
        self.split.setOrientation(orientation)
        # The records' list beside the record's text in a wide, low pane; above it in a narrow, tall one.
        self.record_list.setOrientation(Qt.Orientation.Vertical if wide else Qt.Orientation.Horizontal)
        if wide:
            total = max(self.split.width(), self.side_by_side_from)
            detail = max(self.tabs.minimumWidth(), int(total * 0.4))
            self.split.setSizes([total - detail, detail])
            self.record_list.setSizes([1, 1])
        else:
            total = max(self.split.height(), 2)
            self.split.setSizes([int(total * 0.45), total - int(total * 0.45)])
            self.record_list.setSizes([2, 3])

    def _command(self, text: str, name: str, slot: Callable[[], object],
                 shortcut: QKeySequence.StandardKey | None = None) -> tuple[QAction, QToolButton]:
        action = QAction(text, self)
        action.setObjectName(name.replace("Button", "Action"))
        action.setIconText(button_text(text))
        if shortcut is not None:
            action.setShortcut(shortcut)

        def triggered() -> None:
            self.show_requested.emit()
            if self.active:
                slot()

        action.triggered.connect(triggered)
        button = QToolButton()
        button.setObjectName(name)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return action, button

    def commands(self) -> list[QAction]:
        """The actions the window's Case and Evidence menus add (the first is New Case)."""
        return [self.new_case_action, self.add_action, self.seal_action, self.copy_action, self.proof_action,
                self.preservation_action, self.import_action, self.verify_action]

    def set_active(self, active: bool) -> None:
        """Locked or signed out: no command of this page can be triggered (menus and shortcuts too)."""
        self.active = active
        self._update_buttons()

    @property
    def loading(self) -> bool:
        """Whether the case list, the items or the custody trail is still being read."""
        return any(op is not None for op in (self.cases_op, self.items_op, self.trail_op))

    # --- who may do what (the core enforces; this only enables buttons) ---------------------------
    def _may(self, action: Action) -> bool:
        return self.signed_in.actor.may(action)

    def may_seal(self) -> bool:
        return self._may(Action.SEAL_EVIDENCE) and self.signed_in.key is not None

    def set_user(self, signed_in: SignedInUser) -> None:
        """Another sign-in: the last user's verification report (their check, at their time) is put
        away; a new key for the same sign-in keeps it."""
        if signed_in.actor is not self.signed_in.actor:
            self.clear_report()
        self.signed_in = signed_in
        self.active = True
        self.refresh()

    # --- listing ----------------------------------------------------------------------------------
    def case_number(self) -> str | None:
        data = self.case_combo.currentData()
        return str(data) if data else None

    def refresh(self) -> Op[list[tuple[str, str]]] | None:
        """Reload the cases listed (the most recent, or those the search finds; the one fixed), then the
        current case's items, seals and records, on a worker thread."""
        if self.cases_op is not None:
            self.refresh_again = True  # the list being read may predate the change: read once more
            return None
        store, fixed, text = self.store, self.fixed_case, self.case_search.text().strip()
        keep = self.wanted_case or self.case_number()

        def load(progress: ProgressFn, cancelled: CancelledFn) -> list[tuple[str, str]]:
            with store.database.session_scope() as session:
                if fixed is not None:
                    info = cases.case_info(session, fixed)
                    return [(info.number, info.title)]
                rows = register.page(session, register.CaseFilter(text=text), limit=RECENT_CASES)
                found = [(row.number, row.title) for row in rows]
                if keep and not text and keep not in {number for number, _title in found}:
                    try:  # the case shown (or just opened) stays listed, however old
                        info = cases.case_info(session, keep)
                        found.append((info.number, info.title))
                    except MedisealError:
                        pass
                return found

        op = run_op(self, load).on_success(self._cases_loaded)
        op.finished.connect(self._cases_finished)
        self.cases_op = op
        return op.start()

    def _cases_finished(self) -> None:
        self.cases_op = None
        if self.refresh_again:
            self.refresh_again = False
            self.refresh()

    def _cases_loaded(self, listed: list[tuple[str, str]]) -> None:
        current = self.wanted_case or self.case_number()
        self.case_combo.blockSignals(True)
        self.case_combo.clear()
        for number, title in listed:
            self.case_combo.addItem(f"{number}  {title}", number)
            self.case_combo.setItemData(self.case_combo.count() - 1, title, Qt.ItemDataRole.ToolTipRole)
        if not listed:
            self.case_combo.setPlaceholderText(self.tr("No case matches the search")
                                               if self.case_search.text().strip() else self.tr("No case yet"))
        index = self.case_combo.findData(current) if current else 0
        if index >= 0:
            self.wanted_case = None
        self.case_combo.setCurrentIndex(max(index, 0) if listed else -1)
        self.case_combo.blockSignals(False)
        self.reload_items()

    def select_case(self, number: str) -> None:
        index = self.case_combo.findData(number)
        if index >= 0:
            self.case_combo.setCurrentIndex(index)
        else:  # not listed yet: shown once the list is read again
            self.wanted_case = number

    def _case_changed(self) -> None:
        self.clear_report()
        self.reload_items()

    def clear_report(self) -> None:
        """No report shown: no banner, no findings, no marks on items."""
        self.report = None
        self.summary.clear()
        self.summary.setProperty("verdict", None)
        self.findings.show_report(None)
        self.model.set_report(None)
        self.preview.set_warning(None)
        self.report_box.setVisible(False)
        self._update_buttons()

    def reload_items(self, select: Sequence[int] = ()) -> Op[_CaseContents] | None:
        """The case's items and records, read on a worker thread; the selection is kept (or set to
        ``select``). A newer reload supersedes one still under way."""
        number = self.case_number()
        self.items_generation += 1
        generation = self.items_generation
        chosen = list(select)
        if number is None:
            self._items_loaded(generation, None, _CaseContents([], []), chosen)
            return None
        store, me = self.store, self.signed_in.actor.name

        def load(progress: ProgressFn, cancelled: CancelledFn) -> _CaseContents:
            with store.database.session_scope() as session:
                items = evidence_items.list_items(session, number)
                records = preservation.list_records(session, number)
                names = [me, *(info.ingested_by for info in items), *(record.signer for record in records),
                         *(seal.signer for info in items for seal in info.seals)]
                return _CaseContents(items, records, real_names(session, names),
                                     importing.origins(session, [info.id for info in items]))

        op = run_op(self, load).on_success(
            lambda contents: self._items_loaded(generation, number, contents, chosen))
        op.finished.connect(lambda: self._items_finished(op))
        self.items_op = op
        return op.start()

    def _items_finished(self, op: Op[_CaseContents]) -> None:
        if self.items_op is op:
            self.items_op = None

    def _items_loaded(self, generation: int, number: str | None, contents: _CaseContents,
                      select: Sequence[int]) -> None:
        if generation != self.items_generation:
            return  # a newer reload is under way
        keep = list(select) or [info.id for info in self.selected_items()]
        current = self.current_item()
        items = contents.items
        self.records = contents.records
        self.facts.people = self.record_list.people = contents.people
        self.facts.origins = self.model.origins = contents.origins
        self.model.set_items(items, contents.people)
        self.record_list.show_records(self.records)
        sealed = sum(1 for info in items if info.seals)
        self.count_label.setText(
            self.tr("{count} items, {sealed} sealed, {size} in all.").format(
                count=len(items), sealed=sealed, size=human_size(sum(info.size for info in items)))
            if number else self.tr("No case yet: open one with New Case…, then take evidence in."))
        rows = [row for row in (self.model.row_of(item_id) for item_id in keep) if row >= 0]
        if not rows and items:
            rows = [self.model.row_of(current.id) if current is not None else -1]
            rows = [row for row in rows if row >= 0] or [0]
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row in rows:
            selection.select(self.model.index(row, 0), flags)
        if rows:
            selection.setCurrentIndex(self.model.index(rows[-1], 0),
                                      QItemSelectionModel.SelectionFlag.NoUpdate)
        self._show_current()

    def selected_items(self) -> list[ItemInfo]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.rows[row] for row in rows if row < len(self.model.rows)]

    def current_item(self) -> ItemInfo | None:
        index = self.table.selectionModel().currentIndex()
        if index.isValid() and index.row() < len(self.model.rows):
            return self.model.rows[index.row()]
        selected = self.selected_items()
        return selected[-1] if selected else None

    def _selection_changed(self) -> None:
        self._update_buttons()

    def _current_changed(self) -> None:
        self._show_current()

    def _show_current(self) -> None:
        info = self.current_item()
        self.facts.show_item(info)
        self._load_trail(info)
        if self.tabs.currentWidget() is self.preview:
            self.show_preview()
        self._update_buttons()

    def _load_trail(self, info: ItemInfo | None) -> None:
        """Read the item's custody trail on a worker thread; shown if the item is still the current one."""
        if info is None:
            self.trail.show_entries([])
            return
        store, item_id = self.store, info.id

        def load(progress: ProgressFn, cancelled: CancelledFn) -> tuple[
                list[Entry], dict[str, SubjectInfo], dict[str, str]]:
            with store.database.session_scope() as session:
                trail = evidence_items.custody_trail(session, item_id)
                return (trail, describe_subjects(session, (entry.subject for entry in trail)),
                        real_names(session, (entry.actor for entry in trail)))

        def loaded(result: tuple[list[Entry], dict[str, SubjectInfo], dict[str, str]]) -> None:
            shown = self.current_item()
            if shown is not None and shown.id == item_id:
                self.trail.show_entries(*result)

        op = run_op(self, load).on_success(loaded)
        op.finished.connect(lambda: self._trail_finished(op))
        self.trail_op = op
        op.start()

    def _trail_finished(self, op: Op[Any]) -> None:
        if self.trail_op is op:
            self.trail_op = None

    def _tab_changed(self) -> None:
        if self.tabs.currentWidget() is self.preview:
            self.show_preview()

    def _update_buttons(self) -> None:
        """Enable the page's actions (and so its buttons and the menu items) as the state allows."""
        active = self.active
        has_case = self.case_number() is not None
        selected = self.selected_items()
        idle = self.ingest_op is None
        self.new_case_action.setEnabled(active and self.fixed_case is None and self._may(Action.OPEN_CASE))
        self.add_action.setEnabled(active and has_case and idle and self._may(Action.INGEST_EVIDENCE))
        self.import_action.setEnabled(active and has_case and self._may(Action.INGEST_EVIDENCE))
        me = self.signed_in.actor.name
        unsealed = [info for info in selected if all(seal.signer != me for seal in info.seals)]
        self.seal_action.setEnabled(active and self.may_seal() and bool(unsealed))
        no_key = self.tr("You have no signing key: create or import one in Settings → Signing keys.")
        self.seal_action.setToolTip("" if self.may_seal() else no_key if self._may(Action.SEAL_EVIDENCE) else
                                    self.tr("Only a notary with a signing key can seal evidence."))
        self.copy_action.setEnabled(active and bool(selected) and self._may(Action.VIEW_EVIDENCE))
        self.proof_action.setEnabled(active and bool(selected) and not self.exporting_proofs)
        self.preservation_action.setEnabled(active and has_case and self.may_seal() and bool(self.model.rows))
        self.preservation_action.setToolTip("" if self.may_seal() else self.tr(
            "Only a notary with a signing key can write a preservation record."))
        self.verify_action.setEnabled(active and has_case and self.verify_op is None)
        self.save_report_action.setEnabled(active and self.report is not None)

    # --- cases ------------------------------------------------------------------------------------
    def new_case(self) -> CaseDialog | None:
        if not self._may(Action.OPEN_CASE):
            return None

        store, actor = self.store, self.signed_in.actor

        def task(kind: MatterKind, case_type: str, title: str) -> Callable[[], cases.CaseInfo]:
            def run() -> cases.CaseInfo:
                with store.database.session_scope() as session:
                    return cases.open_case(session, actor, case_type, title, kind=kind)

            return run

        # A notary takes in a notarial matter (公证事项) first; mediators and clerks a mediation case.
        kind = MatterKind.NOTARIAL if Role.NOTARY in actor.roles else MatterKind.MEDIATION
        dialog = CaseDialog(task, self, kind)
        dialog.accepted.connect(lambda: self._case_opened(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _case_opened(self, dialog: CaseDialog) -> None:
        if dialog.case is not None:
            self.wanted_case = dialog.case.number
        self.refresh()

    # --- ingest -----------------------------------------------------------------------------------
    def add_files(self) -> None:
        if not self.add_button.isEnabled():
            return
        names, _filter = QFileDialog.getOpenFileNames(self, self.tr("Take files in as evidence"))
        if names:
            self.take_in([Path(name) for name in names])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._accepts(event):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._accepts(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths and self.add_button.isEnabled():
            event.acceptProposedAction()
            self.take_in(paths)

    def _accepts(self, event: QDragEnterEvent | QDragMoveEvent) -> bool:
        data = event.mimeData()
        return (self.add_button.isEnabled() and data.hasUrls()
                and any(url.isLocalFile() for url in data.urls()))

    def take_in(self, paths: Sequence[Path]) -> AcquisitionDialog | None:
        """Files or folders dropped or chosen: ask once how they were obtained, then take them in."""
        number = self.case_number()
        if number is None or not paths or self.ingest_op is not None:
            return None
        me = self.signed_in.actor.name  # the one who takes the files in, by real name (李华) when known
        dialog = AcquisitionDialog(len(paths), self.facts.people.get(me) or me, self.may_seal(), self)
        chosen = list(paths)
        dialog.accepted.connect(lambda: self.start_ingest(
            chosen, dialog.acquisition or Acquisition(), dialog.seal_at_once(), number))
        self.dialog = dialog
        dialog.open()
        return dialog

    def start_ingest(self, paths: Sequence[Path], acquisition: Acquisition, seal: bool = False,
                     case_number: str | None = None) -> Op[IngestReport] | None:
        """Take ``paths`` into the case on a worker thread, with per-file and total progress."""
        number = case_number or self.case_number()
        if number is None or self.ingest_op is not None:
            return None
        store, actor = self.store, self.signed_in.actor
        key = self.signed_in.key if seal else None
        self.ingest_panel.start()
        file_progress = self.ingest_panel.file_progress
        chosen = list(paths)

        def task(progress: ProgressFn, cancelled: CancelledFn) -> IngestReport:
            return intake.ingest_files(store.database, store.vault, actor, number, chosen, acquisition,
                                         seal_with=key, progress=progress, cancelled=cancelled,
                                         file_progress=file_progress.report)

        op = run_op(self, task).on_progress(self.ingest_panel.update_progress)
        op.as_work(self.tr("Taking in {count} file(s) or folder(s)").format(count=len(chosen)))
        op.changing(lambda report: Changes(evidence=bool(report.items), ledger=True))
        op.on_success(lambda report: self._ingested(number, report))
        op.finished.connect(self._ingest_finished)
        self.ingest_op = op
        self._update_buttons()
        return op.start()

    def cancel_ingest(self) -> None:
        if self.ingest_op is not None:
            self.ingest_op.cancel()
            self.ingest_panel.cancelling()

    def _ingest_finished(self) -> None:
        self.ingest_op = None
        self.ingest_panel.setVisible(False)
        self._update_buttons()

    def _ingested(self, case_number: str, report: IngestReport) -> None:
        if case_number == self.case_number():
            self.reload_items(select=[info.id for info in report.items])
        box = summary_box(self, case_number, report)
        self.summary_box = box
        box.open()

    # --- seal -------------------------------------------------------------------------------------
    def seal_selected(self) -> QMessageBox | None:
        """Ask once, clearly, then seal the selected items this notary has not sealed yet."""
        if not self.may_seal():
            return None
        me = self.signed_in.actor.name
        selected = self.selected_items()
        todo = [info for info in selected if all(seal.signer != me for seal in info.seals)]
        if not todo:
            return None
        names = "\n".join(f"  {info.id}  {info.name}" for info in todo[:10])
        if len(todo) > 10:
            names += "\n  " + self.tr("… and {count} more").format(count=len(todo) - 10)
        text = self.tr("Seal {count} evidence item(s) with your signing key?").format(count=len(todo))
        detail = self.tr("{names}\n\nThe seal is your digital signature over each item's record (file "
                         "digests and acquisition). It is permanent: it cannot be removed or "
                         "replaced.").format(names=names)
        if len(todo) < len(selected):
            detail += "\n\n" + self.tr("{count} of the selected items already carry your seal and are "
                                       "left as they are.").format(count=len(selected) - len(todo))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Seal evidence"), text,
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("sealConfirm")
        box.setInformativeText(detail)
        seal_button = box.addButton(self.tr("Seal"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        ids = [int(info.id) for info in todo]
        box.finished.connect(lambda _result: self._seal(ids) if box.clickedButton() is seal_button else None)
        self.dialog = box
        box.open()
        return box

    def _seal(self, item_ids: list[int]) -> None:
        store, actor, key = self.store, self.signed_in.actor, self.signed_in.key
        if key is None:
            return

        def task(progress: ProgressFn, cancelled: CancelledFn) -> list[evidence_items.SealInfo]:
            with store.database.session_scope() as session:
                return seals.seal_items(session, actor, key, item_ids)

        op = run_op(self, task).on_success(lambda made: self._sealed(item_ids, made))
        op.as_work(self.tr("Sealing {count} evidence item(s)").format(count=len(item_ids)))
        op.changing(Changes(evidence=True, ledger=True))
        op.finished.connect(self._seal_finished)
        self.seal_op = op.start()

    def _seal_finished(self) -> None:
        self.seal_op = None

    def _sealed(self, item_ids: list[int], made: list[evidence_items.SealInfo]) -> None:
        self.reload_items(select=item_ids)
        self.count_label.setText(self.count_label.text() + " " + self.tr("Sealed {count} item(s).").format(
            count=len(made)))

    # --- save a copy ------------------------------------------------------------------------------
    def save_copy(self, path: str | None = None) -> Op[CopyResult] | None:
        """Write copies of the selected items out of the vault (never over an existing file); logged."""
        items = self.selected_items()
        if not items or not self._may(Action.VIEW_EVIDENCE) or self.copy_op is not None:
            return None
        exports = self.store.folder.exports
        if len(items) == 1:
            if path is None:
                path, _filter = QFileDialog.getSaveFileName(
                    self, self.tr("Save a copy of {name}").format(name=items[0].name),
                    str(exports / items[0].name), options=QFileDialog.Option.DontConfirmOverwrite)
                if not path:
                    return None
            targets = [(items[0], Path(path))]
        else:
            if path is None:
                path = QFileDialog.getExistingDirectory(
                    self, self.tr("Save copies of {count} items into a folder").format(count=len(items)),
                    str(exports))
                if not path:
                    return None
            targets = _copy_targets(items, Path(path))
        store, actor = self.store, self.signed_in.actor
        total = sum(info.size for info, _target in targets)

        def task(progress: ProgressFn, cancelled: CancelledFn) -> CopyResult:
            written: list[Path] = []
            failures: list[tuple[str, MedisealError | OSError]] = []
            base = 0
            for info, target in targets:
                def step(done: int, _size: int, base: int = base) -> None:
                    progress(base + done, total)

                try:
                    written.append(readout.copy_out(store.database, store.vault, actor, info.id, target,
                                                     step, cancelled))
                except Cancelled:
                    raise
                except (MedisealError, OSError) as error:
                    if len(targets) == 1:
                        raise
                    failures.append((info.name, error))
                base += info.size
            return CopyResult(tuple(written), tuple(failures))

        op = run_op(self, task).with_progress(self.tr("Saving a copy…"))
        op.changing(Changes(ledger=True))  # each copy is logged in the item's custody trail
        op.on_success(self._copied)
        op.finished.connect(self._copy_finished)
        self.copy_op = op
        return op.start()

    def _copy_finished(self) -> None:
        self.copy_op = None
        self._load_trail(self.current_item())

    def _copied(self, result: CopyResult) -> None:
        if len(result.written) == 1 and not result.failures:
            self.count_label.setText(self.tr("Saved a copy: {path}").format(path=str(result.written[0])))
            return
        text = self.tr("Saved {count} copies.").format(count=len(result.written))
        if result.failures:
            text += "\n\n" + self.tr("Not saved:") + "\n" + "\n".join(
                f"{name}: {translate_error(error) if isinstance(error, MedisealError) else error.strerror}"
                for name, error in result.failures)
        box = QMessageBox(QMessageBox.Icon.Warning if result.failures else QMessageBox.Icon.Information,
                          self.tr("Copies saved"), text, QMessageBox.StandardButton.Ok, self)
        self.summary_box = box
        box.open()

    # --- export proofs ----------------------------------------------------------------------------
    @property
    def exporting_proofs(self) -> bool:
        return self.proof_export is not None and self.proof_export.running

    def export_proof(self, path: str | None = None) -> ProofExport | None:
        """Write the proofs of the selected items (as ``mediseal evidence proof`` does) into a folder,
        each item's in a new folder of its own; asks where unless ``path`` is given."""
        items = self.selected_items()
        if not items or self.exporting_proofs:
            return None
        folder = Path(path) if path is not None else ask_folder(self, self.store.folder.exports, len(items))
        if folder is None:
            return None
        export = ProofExport(self, self.store, self.signed_in, [int(info.id) for info in items], folder,
                             self._update_buttons)
        self.proof_export = export
        export.start()
        return export

    # --- preservation records ---------------------------------------------------------------------
    def preservation_record(self) -> PreservationDialog | None:
        number = self.case_number()
        key = self.signed_in.key
        if number is None or not self.may_seal() or key is None:
            return None
        store, actor = self.store, self.signed_in.actor

        def apply(given: PreservationInput) -> Callable[[], PreservationInfo]:
            def run() -> PreservationInfo:
                with store.database.session_scope() as session:
                    return preservation.create_record(session, actor, key, number, given)

            return run

        selected = {int(info.id) for info in self.selected_items()}
        people = self.record_list.people
        dialog = PreservationDialog(number, list(self.model.rows), selected, self.records,
                                    people.get(actor.name) or actor.name, apply, self, people)
        dialog.accepted.connect(self._record_sealed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def import_package(self) -> ImportDialog | None:
        """Import Package…: another office's package into this case (chosen in the dialog elsewhere)."""
        if not self._may(Action.INGEST_EVIDENCE):
            return None
        cases = [(str(self.case_combo.itemData(index)), self.case_combo.itemText(index))
                 for index in range(self.case_combo.count()) if self.case_combo.itemData(index)]
        dialog = ImportDialog(self.store, self.signed_in.actor, cases, self.case_number(), self,
                              fixed=self.fixed_case is not None)
        dialog.imported.connect(lambda report: self.reload_items([item.id for item in report.items])
                                if report.case_number == self.case_number() else None)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _record_sealed(self) -> None:
        self.reload_items()
        self.tabs.setCurrentWidget(self.record_list)

    # --- preview ----------------------------------------------------------------------------------
    def show_preview(self) -> None:
        """Show the current item's preview, read from the vault each time it is shown (selected again,
        the tab shown again, after a verification) and logged as a view: never a copy kept from before.
        A file that no longer matches its record is not shown; the pane says so instead."""
        info = self.current_item()
        pane = self.preview
        pane.set_warning(self.model.problem(info.id) if info is not None else None)
        if info is None:
            pane.show_message(self.tr("Select an item to preview it."))
            return
        if not self._may(Action.VIEW_EVIDENCE):
            pane.show_message(self.tr("Your role does not allow viewing evidence."), info)
            return
        plan = preview_plan(info)
        if plan is None:
            pane.show_unpreviewable(info)
            return
        pane.show_message(self.tr("Loading the preview…"), info)
        if info.id in self.preview_ops:
            return  # a read of it is under way: it shows when done
        store, actor, item_id = self.store, self.signed_in.actor, int(info.id)

        def task(progress: ProgressFn, cancelled: CancelledFn) -> Preview:
            data = readout.read_for_view(store.database, store.vault, actor, item_id, plan.limit, progress,
                                         cancelled)
            return load_preview(data, item_id, plan.kind)

        op = run_op(self, task).on_success(self._preview_loaded)
        op.changing(Changes(ledger=True))  # the view is logged
        op.on_failure(lambda error: self._preview_failed(item_id, error))
        self.preview_ops[item_id] = op
        op.start()

    def _preview_loaded(self, loaded: Preview) -> None:
        self.preview_ops.pop(loaded.item_id, None)
        info = self.current_item()
        if info is not None and info.id == loaded.item_id:
            self._load_trail(info)  # the view is now in its custody trail
            if self.tabs.currentWidget() is self.preview:
                self.preview.show_preview(info, loaded)

    def _preview_failed(self, item_id: int, error: BaseException) -> None:
        self.preview_ops.pop(item_id, None)
        if not isinstance(error, MedisealError):
            show_error(self, error)
            return
        info = self.current_item()
        if info is not None and info.id == item_id:
            self.preview.show_refusal(translate_error(error), info)

    # --- verify -----------------------------------------------------------------------------------
    def verify(self) -> Op[Report] | None:
        """Verify this case's evidence (files re-hashed, records, seals, preservation records) with
        progress and Cancel."""
        number = self.case_number()
        if number is None or self.verify_op is not None:
            return None
        self.summary.setText(self.tr("Verifying…"))
        self.summary.setProperty("verdict", None)
        op = run_op(self, verify_task(self.store, number, self.signed_in.actor.name)).with_progress(
            self.tr("Verifying case {case}…").format(case=number))
        op.on_success(self._show_report).on_cancelled(
            lambda: self.summary.setText(self.tr("Verification cancelled.")))
        op.finished.connect(self._verify_finished)
        self.verify_op = op
        self.report_box.setVisible(True)
        self._update_buttons()
        return op.start()

    def _verify_finished(self) -> None:
        self.verify_op = None
        self._update_buttons()

    def _show_report(self, report: Report) -> None:
        if report.case != self.case_number():
            return  # the case was changed while it ran
        self.report = report
        show_report_summary(self.summary, report)
        self.findings.show_report(report)
        self.model.set_report(report)
        # The preview is read from the vault again: what it shows is the vault's bytes as they are now.
        if self.tabs.currentWidget() is self.preview:
            self.show_preview()
        if not self.report_box.isVisible():
            self.report_box.setVisible(True)
        total = sum(self.report_split.sizes())
        if report.findings and self.report_split.sizes()[1] < total * 0.35:
            self.report_split.setSizes([int(total * 0.6), total - int(total * 0.6)])
        self._update_buttons()

    def save_report(self, path: str | None = None) -> Op[Path] | None:
        """Write the last report as JSON (the same form as ``mediseal verify --json``)."""
        if self.report is None:
            return None
        return save_report(self, self.report, self.store.folder.exports, path)
