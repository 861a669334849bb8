"""The workspace's follow-up tab (回访): the visits recorded after the agreement (when, who visited, the
matter, what was found), and adding one. Reads and writes run on worker threads through core
(``cases.visits``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cases import visits
from desktop.core.cases.visits import VisitInfo, VisitInput
from desktop.core.cases.workflow import CaseStatus
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.store import OpenStore
from desktop.core.trust.permissions import Actor
from desktop.ui.cases.checked_form import to_date
from desktop.ui.cases.outcome_dialog import OK_CANCEL, date_edit, text_edit
from desktop.ui.cases.snapshot import CaseSnapshot
from desktop.ui.framework.changes import Changes
from desktop.ui.framework.errors import error_label
from desktop.ui.framework.ops import Op, submit
from desktop.ui.framework.reads import LatestRead

# Where a case stands once an agreement was reached (core refuses a visit to a case with none).
AFTER_AGREEMENT = frozenset({CaseStatus.AGREEMENT, CaseStatus.PERFORMING, CaseStatus.PERFORMED,
                             CaseStatus.CONFIRMATION_APPLIED, CaseStatus.CONFIRMED, CaseStatus.REJECTED})


class VisitDialog(QDialog):
    """Record a follow-up visit to case ``number``."""

    def __init__(self, store: OpenStore, actor: Actor, number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitDialog")
        self.setWindowTitle(self.tr("Follow-up Visit to {number}").format(number=number))
        self.store, self.actor, self.number = store, actor, number
        self.recorded: VisitInfo | None = None
        self.op: Op[VisitInfo] | None = None
        self.visited_on = date_edit("visitedOn")
        self.visitors = QLineEdit()
        self.visitors.setObjectName("visitVisitors")
        self.matter = QLineEdit()
        self.matter.setObjectName("visitMatter")
        self.findings = text_edit("visitFindings", 5)
        form = QFormLayout()
        form.addRow(self.tr("Date of the visit:"), self.visited_on)
        form.addRow(self.tr("Visited by:"), self.visitors)
        form.addRow(self.tr("Matter:"), self.matter)
        form.addRow(self.tr("What was found:"), self.findings)
        self.message = error_label("visitDialogMessage")
        buttons = QDialogButtonBox(OK_CANCEL)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("visitConfirm")
        buttons.accepted.connect(self.attempt)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def has_unsaved_edits(self) -> bool:
        return self.isVisible() and bool(self.matter.text().strip() or self.findings.toPlainText().strip())

    def attempt(self) -> Op[VisitInfo] | None:
        if self.op is not None:
            return None
        store, actor, number = self.store, self.actor, self.number
        given = VisitInput(to_date(self.visited_on.date()), self.visitors.text(), self.matter.text(),
                           self.findings.toPlainText())

        def run() -> VisitInfo:
            with store.database.session_scope() as session:
                return visits.add_visit(session, actor, number, given)

        self.op = submit(self, run, self.message, [self.ok_button], self._recorded,
                         Changes(cases=True, ledger=True))
        self.op.finished.connect(self._finished)
        return self.op

    def _finished(self) -> None:
        self.op = None

    def _recorded(self, info: VisitInfo) -> None:
        self.recorded = info
        self.accept()


class VisitsView(QWidget):
    """The follow-up visits of case ``number``; ``open_dialog`` shows a dialog for the workspace."""

    def __init__(self, store: OpenStore, actor: Callable[[], Actor], number: str,
                 open_dialog: Callable[[QDialog], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitsView")
        self.store, self.actor, self.number, self.open_dialog = store, actor, number, open_dialog
        self.snapshot: CaseSnapshot | None = None
        self.visits: list[VisitInfo] = []
        self.tree = QTreeWidget()
        self.tree.setObjectName("visitsTree")
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setHeaderLabels([self.tr("Date"), self.tr("Visited by"), self.tr("Matter"),
                                   self.tr("What was found")])
        header = self.tree.header()
        header.setStretchLastSection(False)
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("Add Visit…"))
        self.add_button.setObjectName("addVisit")
        self.add_button.clicked.connect(lambda _checked=False: self.add_visit())
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.tree, 1)
        self.reader: LatestRead[list[VisitInfo]] = LatestRead(self, self._task, self._show)
        self.add_button.setEnabled(False)

    @property
    def loading(self) -> bool:
        return self.reader.loading

    def show_snapshot(self, snapshot: CaseSnapshot) -> None:
        self.snapshot = snapshot
        self.add_button.setEnabled(not snapshot.read_only and snapshot.info.status in AFTER_AGREEMENT)
        self.reader.start()

    def _task(self) -> Callable[[ProgressFn, CancelledFn], list[VisitInfo]]:
        store, number = self.store, self.number

        def read(_progress: ProgressFn, _cancelled: CancelledFn) -> list[VisitInfo]:
            with store.database.session_scope() as session:
                return visits.list_visits(session, number)

        return read

    def _show(self, found: list[VisitInfo]) -> None:
        self.visits = found
        self.tree.clear()
        for visit in found:
            item = QTreeWidgetItem([str(visit.visited_on), visit.visitors, visit.matter, visit.findings])
            item.setToolTip(3, visit.findings)
            item.setTextAlignment(0, Qt.AlignmentFlag.AlignTop)
            self.tree.addTopLevelItem(item)

    def add_visit(self) -> VisitDialog | None:
        if not self.add_button.isEnabled():
            return None
        dialog = VisitDialog(self.store, self.actor(), self.number, self)
        self.open_dialog(dialog)
        return dialog
