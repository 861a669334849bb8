"""The workspace's outcome and performance tab (调解结果及履行): how the mediation ended, the obligations of
the agreement with their due dates and state (overdue ones marked), and what was done with its proof.
Reads run on a worker thread; the buttons open the dialogs, which write through core."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cases import outcomes, performance
from desktop.core.cases.deadlines import PERFORMANCE_STATUSES, office_today
from desktop.core.cases.outcomes import OutcomeInfo, OutcomeKind
from desktop.core.cases.performance import DoneInfo, ObligationInfo, ObligationState
from desktop.core.cases.workflow import CaseStatus
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.store import OpenStore
from desktop.core.trust.permissions import Actor
from desktop.ui.cases.outcome_dialog import OutcomeDialog
from desktop.ui.cases.performance_dialogs import DoneDialog, ObligationDialog
from desktop.ui.cases.snapshot import CaseSnapshot
from desktop.ui.framework.errors import ERROR_COLOUR
from desktop.ui.framework.i18n import label
from desktop.ui.framework.reads import LatestRead

PARTY, WHAT, AMOUNT, PAID, DUE, STATE = range(6)
ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True, slots=True)
class Performance:
    """What the tab shows, read at once."""

    outcome: OutcomeInfo | None
    obligations: list[ObligationInfo]
    done: list[DoneInfo]
    today: date


def read_performance(store: OpenStore, number: str) -> Performance:
    with store.database.session_scope() as session:
        return Performance(outcomes.current_outcome(session, number),
                           performance.list_obligations(session, number),
                           performance.list_done(session, number), office_today())


def _yuan(amount: object) -> str:
    return "" if amount is None else f"{amount:.2f}"


class OutcomeView(QWidget):
    """Outcome and performance of case ``number``; ``open_dialog`` shows a dialog for the workspace (which
    reads the case again once it saves)."""

    def __init__(self, store: OpenStore, actor: Callable[[], Actor], number: str,
                 open_dialog: Callable[[QDialog], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outcomeView")
        self.store, self.actor, self.number, self.open_dialog = store, actor, number, open_dialog
        self.snapshot: CaseSnapshot | None = None
        self.data: Performance | None = None
        self.outcome_text = QLabel(self.tr("No outcome recorded yet."))
        self.outcome_text.setObjectName("outcomeText")
        self.outcome_text.setWordWrap(True)
        self.outcome_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.record_button = self._button(self.tr("Record Outcome…"), "recordOutcome", self.record_outcome)
        outcome_box = QGroupBox(self.tr("Outcome"))
        outcome_layout = QHBoxLayout(outcome_box)
        outcome_layout.addWidget(self.outcome_text, 1)
        outcome_layout.addWidget(self.record_button, 0, Qt.AlignmentFlag.AlignTop)
        self.obligations = QTreeWidget()
        self.obligations.setObjectName("obligationsTree")
        self.obligations.setRootIsDecorated(True)
        self.obligations.setAlternatingRowColors(True)
        self.obligations.setHeaderLabels([self.tr("Party"), self.tr("What"), self.tr("Amount"),
                                          self.tr("Paid"), self.tr("Due"), self.tr("State")])
        header = self.obligations.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        for column in (PARTY, AMOUNT, PAID, DUE, STATE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.obligations.currentItemChanged.connect(lambda *_args: self._enable())
        self.obligations.itemActivated.connect(lambda _item, _column: self.record_done())
        self.add_button = self._button(self.tr("Add Obligation…"), "addObligation", self.add_obligation)
        self.done_button = self._button(self.tr("Record Performance…"), "recordDone", self.record_done)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.done_button)
        buttons.addStretch(1)
        self.done_list = QTreeWidget()
        self.done_list.setObjectName("doneTree")
        self.done_list.setRootIsDecorated(False)
        self.done_list.setHeaderLabels([self.tr("Done on"), self.tr("Obligation"), self.tr("What was done"),
                                        self.tr("Paid"), self.tr("Proof items")])
        self.done_list.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        performance_box = QGroupBox(self.tr("Performance"))
        performance_layout = QVBoxLayout(performance_box)
        performance_layout.addLayout(buttons)
        performance_layout.addWidget(self.obligations, 3)
        performance_layout.addWidget(QLabel(self.tr("Performance recorded:")))
        performance_layout.addWidget(self.done_list, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(outcome_box)
        layout.addWidget(performance_box, 1)
        self.reader: LatestRead[Performance] = LatestRead(self, self._task, self._show)
        self._enable()

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    @property
    def loading(self) -> bool:
        return self.reader.loading

    def show_snapshot(self, snapshot: CaseSnapshot) -> None:
        """The case as the workspace read it (status, parties, whether it is writable); read the rest."""
        self.snapshot = snapshot
        self._enable()
        self.reader.start()

    def _task(self) -> Callable[[ProgressFn, CancelledFn], Performance]:
        store, number = self.store, self.number
        return lambda _progress, _cancelled: read_performance(store, number)

    def _show(self, data: Performance) -> None:
        self.data = data
        self.outcome_text.setText(self.describe(data.outcome))
        kept = self.current_obligation()
        self.obligations.clear()
        names = {found.id: f"{found.id} {label(found.kind)}" for found in data.obligations}
        for found in data.obligations:
            state = found.state(data.today)
            item = QTreeWidgetItem([found.party_name, found.description or label(found.kind),
                                    _yuan(found.amount),
                                    _yuan(found.paid) if found.amount is not None else "",
                                    str(found.next_due or ""), label(state)])
            item.setData(PARTY, ID_ROLE, found.id)
            if found.description:
                item.setText(WHAT, self.tr("{kind}: {details}").format(kind=label(found.kind),
                                                                       details=found.description))
            if state is ObligationState.OVERDUE:
                item.setForeground(STATE, QBrush(QColor(ERROR_COLOUR)))
            if len(found.instalments) > 1:
                for part in found.instalments:
                    item.addChild(QTreeWidgetItem(["", self.tr("Instalment {seq}").format(seq=part.seq),
                                                   _yuan(part.amount), "", str(part.due_on),
                                                   self.tr("done") if part.done else ""]))
            self.obligations.addTopLevelItem(item)
            if found.id == (kept.id if kept else None):
                self.obligations.setCurrentItem(item)
        self.obligations.expandAll()
        self.done_list.clear()
        for done in data.done:
            self.done_list.addTopLevelItem(QTreeWidgetItem([
                str(done.done_on), names.get(done.obligation_id, str(done.obligation_id)), done.description,
                _yuan(done.amount), "、".join(f"#{item}" for item in done.item_ids)]))
        self._enable()

    def describe(self, outcome: OutcomeInfo | None) -> str:
        if outcome is None:
            return self.tr("No outcome recorded yet.")
        lines = [label(outcome.kind)]
        if outcome.effective_on is not None:
            lines.append(self.tr("In effect from {day}").format(day=outcome.effective_on))
        if outcome.signed:
            lines.append(self.tr("Signed by: {names}").format(names="、".join(
                f"{signed.name} {signed.signed_on}" for signed in outcome.signed)))
        if outcome.content:
            lines.append(self.tr("Content: {content}").format(content=outcome.content))
        if outcome.reason:
            lines.append(self.tr("Reason: {reason}").format(reason=outcome.reason))
        if outcome.supersedes is not None:
            lines.append(self.tr("Corrects outcome {id}: {reason}").format(id=outcome.supersedes,
                                                                            reason=outcome.correction_reason))
        return "\n".join(lines)

    def current_obligation(self) -> ObligationInfo | None:
        item = self.obligations.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        wanted = item.data(PARTY, ID_ROLE) if item is not None else None
        found = self.data.obligations if self.data is not None else []
        return next((obligation for obligation in found if obligation.id == wanted), None)

    def _enable(self) -> None:
        snapshot = self.snapshot
        writable = snapshot is not None and not snapshot.read_only
        status = snapshot.info.status if snapshot is not None else None
        agreed = self.data is not None and self.data.outcome is not None and self.data.outcome.kind in (
            OutcomeKind.WRITTEN_AGREEMENT, OutcomeKind.ORAL_AGREEMENT)
        self.record_button.setEnabled(writable and status is CaseStatus.IN_MEDIATION)
        performing = writable and agreed and status in PERFORMANCE_STATUSES
        self.add_button.setEnabled(performing)
        current = self.current_obligation()
        self.done_button.setEnabled(performing and current is not None and not current.fully_done)

    # --- dialogs ----------------------------------------------------------------------------------
    def record_outcome(self) -> OutcomeDialog | None:
        if not self.record_button.isEnabled() or self.snapshot is None:
            return None
        dialog = OutcomeDialog(self.store, self.actor(), self.number, self.snapshot.parties, self)
        self.open_dialog(dialog)
        return dialog

    def add_obligation(self) -> ObligationDialog | None:
        if not self.add_button.isEnabled() or self.snapshot is None:
            return None
        dialog = ObligationDialog(self.store, self.actor(), self.number, self.snapshot.parties, self)
        self.open_dialog(dialog)
        return dialog

    def record_done(self) -> DoneDialog | None:
        current = self.current_obligation()
        if not self.done_button.isEnabled() or current is None:
            return None
        dialog = DoneDialog(self.store, self.actor(), current, self)
        self.open_dialog(dialog)
        return dialog
