"""The case workspace: one case open in a tab of the Cases page, with its overview (details, deadlines,
mediators, the workflow moves allowed now), its parties and agents, its evidence (the Evidence page fixed
to this matter) and its timeline from the ledger. Every read and write runs on a worker thread; a user who
may not act on the case sees it read-only with the reason (core refuses anyway); a dialog with unsaved
changes asks before it closes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QBoxLayout, QDialog, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from desktop.core.cases import matters, parties
from desktop.core.cases.parties import AgentInfo, PartyInfo, PartyRole
from desktop.core.cases.workflow import CaseStatus
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.store import OpenStore
from desktop.core.trust.permissions import Action
from desktop.core.trust.sign_in import SignedInUser
from desktop.core.trust.users import real_names
from desktop.ui.cases.case_file_view import CaseFileView
from desktop.ui.cases.details_form import DetailsForm, StoredDetails
from desktop.ui.cases.moves import AssignDialog, MoveDialog
from desktop.ui.cases.outcome_view import OutcomeView
from desktop.ui.cases.overview import Overview
from desktop.ui.cases.parties_view import HistoryDialog, PartiesView
from desktop.ui.cases.party_dialog import agent_dialog, party_dialog
from desktop.ui.cases.record_dialog import RecordDialog
from desktop.ui.cases.sittings_view import SittingsView
from desktop.ui.cases.snapshot import CaseSnapshot, read_snapshot
from desktop.ui.cases.timeline_view import TimelineView
from desktop.ui.cases.visits_view import VisitsView
from desktop.ui.documents.documents_view import DocumentsView
from desktop.ui.evidence.page import EvidencePage
from desktop.ui.framework.changes import Refresher
from desktop.ui.framework.errors import ERROR_COLOUR
from desktop.ui.framework.i18n import label, translate_error
from desktop.ui.framework.ops import Op, run_op
from desktop.ui.framework.reads import LatestRead

TITLE_SHOWN = 12  # characters of the title a tab shows


class CaseWorkspace(QWidget):
    """Case ``number`` for ``signed_in``. ``case_changed(number)`` is emitted after any change is saved."""

    case_changed = Signal(str)
    shown = Signal()  # the case was read and shown (its tab's title can say more than the number)

    def __init__(self, store: OpenStore, signed_in: SignedInUser, number: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseWorkspace")
        self.store = store
        self.signed_in = signed_in
        self.number = number
        self.snapshot: CaseSnapshot | None = None
        self.dialogs: list[QDialog] = []
        self.history_op: Op[Any] | None = None
        self.pending_selection: tuple[str, int] | None = None
        self.heading = QLabel(number)
        self.heading.setObjectName("caseHeading")
        self.heading.setWordWrap(True)
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.read_only = QLabel()
        self.read_only.setObjectName("readOnlyReason")
        self.read_only.setWordWrap(True)
        self.read_only.setStyleSheet(f"color: {ERROR_COLOUR}")
        self.read_only.setVisible(False)
        self.overview = Overview(self.move_case, self.assign_mediator, self.edit_details)
        self.parties = PartiesView(self.add_party, self.add_agent, self.edit_record, self.show_history)
        self.evidence = EvidencePage(store, signed_in, case_number=number)
        self.export_button = QPushButton(self.tr("Export Court &Package…"))
        self.export_button.setObjectName("exportPackageButton")
        self.export_button.clicked.connect(self.export_package)
        self.export_button.setEnabled(signed_in.actor.may(Action.WORK_ON_CASE))
        _add_beside(self.evidence.proof_button, self.export_button)
        self.timeline = TimelineView()
        self.sittings = SittingsView(store, signed_in, number)
        self.sittings.changed.connect(lambda: self.case_changed.emit(self.number))
        self.outcome = OutcomeView(store, lambda: self.signed_in.actor, number, self._open)
        self.visits = VisitsView(store, lambda: self.signed_in.actor, number, self._open)
        self.case_file = CaseFileView(store, signed_in, number)
        self.case_file.changed.connect(self._saved)
        self.documents = DocumentsView(store, signed_in, number, self._open)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("workspaceTabs")
        self.tabs.setUsesScrollButtons(False)
        self.tabs.addTab(self.overview, self.tr("&Overview"))
        # Short English titles: nine tabs fit a 1024-pixel window.
        self.tabs.addTab(self.parties, self.tr("&Parties, Agents"))
        self.tabs.addTab(self.evidence, self.tr("&Evidence"))
        self.tabs.addTab(self.sittings, self.tr("&Sittings"))
        self.tabs.addTab(self.outcome, self.tr("O&utcome and Performance"))
        self.tabs.addTab(self.visits, self.tr("Follo&w-up"))
        self.tabs.addTab(self.documents, self.tr("&Documents"))
        self.documents.parties_wanted.connect(lambda: self.tabs.setCurrentWidget(self.parties))
        self.tabs.addTab(self.case_file, self.tr("Case &File"))
        self.tabs.addTab(self.timeline, self.tr("&Timeline"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.read_only)
        layout.addWidget(self.tabs, 1)
        self.reader: LatestRead[CaseSnapshot] = LatestRead(self, self._read_task, self._show)
        Refresher(self, lambda changes: changes.cases or changes.evidence or changes.ledger or changes.users,
                  self.refresh)
        self.refresh()

    # --- the tab's interface ----------------------------------------------------------------------
    def title(self) -> str:
        """The number and a short title, for the tab."""
        if self.snapshot is None:
            return self.number
        title = self.snapshot.info.title
        short = title if len(title) <= TITLE_SHOWN else title[:TITLE_SHOWN] + "…"
        return f"{self.number} {short}"

    def has_unsaved_edits(self) -> bool:
        """Whether a dialog of this case, the minutes or the file's cover hold changes not saved yet."""
        return (any(_unsaved(dialog) for dialog in self.dialogs) or self.sittings.has_unsaved_edits()
                or self.case_file.has_unsaved_edits())

    def keep_drafts(self) -> None:
        """Keep the minutes being typed as a draft (signing out, locking, closing: nothing asked)."""
        self.sittings.keep_drafts()

    def open_sitting(self, sitting_id: int) -> None:
        """Show the minutes of ``sitting_id`` (from the calendar of sittings)."""
        self.tabs.setCurrentWidget(self.sittings)
        self.sittings.open_when_listed(sitting_id)

    @property
    def loading(self) -> bool:
        return (self.reader.loading or self.history_op is not None or self.evidence.loading
                or self.sittings.loading or self.outcome.loading or self.visits.loading
                or self.case_file.loading or self.documents.loading)

    def set_user(self, signed_in: SignedInUser) -> None:
        """Another sign-in: read the case again for them."""
        self.signed_in = signed_in
        self.evidence.set_user(signed_in)
        self.export_button.setEnabled(signed_in.actor.may(Action.WORK_ON_CASE))
        self.sittings.set_user(signed_in)
        self.case_file.set_user(signed_in)
        self.documents.set_user(signed_in)
        self.refresh()

    # --- reading ----------------------------------------------------------------------------------
    def refresh(self) -> Op[CaseSnapshot] | None:
        return self.reader.start()

    def _read_task(self) -> Callable[[ProgressFn, CancelledFn], CaseSnapshot]:
        store, actor, number = self.store, self.signed_in.actor, self.number
        return lambda _progress, _cancelled: read_snapshot(store, actor, number)

    def _show(self, snapshot: CaseSnapshot) -> None:
        self.snapshot = snapshot
        self.heading.setText(self.tr("{number}  {title}  ({status})").format(
            number=snapshot.info.number, title=snapshot.info.title, status=label(snapshot.info.status)))
        self.read_only.setVisible(snapshot.read_only)
        if snapshot.refusal is not None:
            self.read_only.setText(self.tr("Read only: {reason}").format(
                reason=translate_error(snapshot.refusal)))
        self.overview.show_snapshot(snapshot)
        self.parties.show_snapshot(snapshot)
        self.timeline.show_snapshot(snapshot)
        self.outcome.show_snapshot(snapshot)
        self.visits.show_snapshot(snapshot)
        self.sittings.set_refusal(snapshot.refusal)
        self.shown.emit()
        if self.pending_selection is not None:
            self.parties.select(*self.pending_selection)
            self.pending_selection = None

    # --- dialogs ----------------------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> QDialog:
        """Open ``dialog`` window-modal; once it saves, read the case again and say it changed."""
        self.dialogs.append(dialog)
        dialog.accepted.connect(self._saved)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()
        return dialog

    def export_package(self) -> QDialog:
        """The case's court package (证据包), from the Evidence tab."""
        from desktop.ui.exchange.export_dialog import ExportPackageDialog

        return self._open(ExportPackageDialog(self.store, self.signed_in, self.number, self))

    def _closed(self, dialog: QDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
        dialog.deleteLater()

    def _saved(self) -> None:
        self.refresh()
        self.case_changed.emit(self.number)

    def _writable(self) -> bool:
        return self.snapshot is not None and not self.snapshot.read_only

    def move_case(self, target: CaseStatus) -> MoveDialog | None:
        if not self._writable() or self.snapshot is None:
            return None
        dialog = MoveDialog(self.store, self.signed_in.actor, self.number, self.snapshot.info.status, target,
                            self)
        self._open(dialog)
        return dialog

    def assign_mediator(self) -> AssignDialog | None:
        if not self._writable() or self.snapshot is None:
            return None
        dialog = AssignDialog(self.store, self.signed_in.actor, self.number, self.snapshot.info.mediators,
                              self)
        self._open(dialog)
        return dialog

    def edit_details(self) -> RecordDialog | None:
        if not self._writable() or self.snapshot is None:
            return None
        store, actor, number, kind = self.store, self.signed_in.actor, self.number, self.snapshot.info.kind

        def save(details: Any, base: int | None) -> StoredDetails:
            with store.database.session_scope() as session:
                assert base is not None  # an edit of details always starts from a revision
                info = matters.update_case(session, actor, number, details, base)
                return StoredDetails(details, info.revision)

        def latest() -> StoredDetails:
            with store.database.session_scope() as session:
                row = matters.find_case(session, number)
                return StoredDetails(matters.details_of(session, row), row.revision)

        dialog = RecordDialog(self.tr("Edit Details of {number}").format(number=number),
                              lambda: DetailsForm(kind), save, latest, lambda stored: stored.revision,
                              self.snapshot.info.revision, self)
        dialog.setObjectName("detailsDialog")
        dialog.mine.load(StoredDetails(self.snapshot.details, self.snapshot.info.revision))
        self._open(dialog)
        return dialog

    def add_party(self, role: PartyRole = PartyRole.APPLICANT) -> RecordDialog | None:
        if not self._writable():
            return None
        dialog = party_dialog(self.store, self.signed_in.actor, self.number, self, role=role)
        dialog.saved.connect(lambda info: self._select_later("party", info.id))
        self._open(dialog)
        return dialog

    def add_agent(self, party: PartyInfo) -> RecordDialog | None:
        if not self._writable():
            return None
        dialog = agent_dialog(self.store, self.signed_in.actor, party, self)
        dialog.saved.connect(lambda info: self._select_later("agent", info.id))
        self._open(dialog)
        return dialog

    def edit_record(self, kind: str, record_id: int) -> RecordDialog | None:
        snapshot = self.snapshot
        if not self._writable() or snapshot is None:
            return None
        if kind == "party":
            party = snapshot.party(record_id)
            if party is None:
                return None
            dialog = party_dialog(self.store, self.signed_in.actor, self.number, self, info=party)
        else:
            agent = snapshot.agent(record_id)
            principal = snapshot.party(agent.party_id) if agent is not None else None
            if agent is None or principal is None:
                return None
            dialog = agent_dialog(self.store, self.signed_in.actor, principal, self, info=agent)
        self._open(dialog)
        return dialog

    def _select_later(self, kind: str, record_id: int) -> None:
        """Choose the record just added once the list, read again, holds it."""
        self.pending_selection = (kind, record_id)

    def show_history(self, kind: str, record_id: int) -> Op[Any] | None:
        """Read every version of the record, then show them."""
        if self.history_op is not None:
            return None
        store = self.store

        def task(_progress: ProgressFn, _cancelled: CancelledFn) -> tuple[list[Any], dict[str, str]]:
            with store.database.session_scope() as session:
                found: list[PartyInfo] | list[AgentInfo] = parties.party_history(session, record_id) \
                    if kind == "party" else parties.agent_history(session, record_id)
                return found, real_names(session, (record.saved_by for record in found))

        def shown(result: tuple[list[Any], dict[str, str]]) -> None:
            records, people = result
            if not records:
                return
            last = records[-1]
            name = last.identity.name if isinstance(last, PartyInfo) else last.agent.name
            self._open(HistoryDialog(self.tr("Version History of {name}").format(name=name), records, people,
                                     self))

        op = run_op(self, task).on_success(shown)
        op.finished.connect(self._history_finished)
        self.history_op = op
        return op.start()

    def _history_finished(self) -> None:
        self.history_op = None


def _add_beside(anchor: QWidget, widget: QWidget) -> None:
    """Put ``widget`` just right of ``anchor`` in the row of buttons that holds it."""
    parent = anchor.parentWidget()
    holder = parent.layout() if parent is not None else None
    items = [holder.itemAt(index) for index in range(holder.count())] if holder is not None else []
    rows = [item.layout() for item in items if item is not None]
    row = next(row for row in rows if isinstance(row, QBoxLayout) and row.indexOf(anchor) >= 0)
    row.insertWidget(row.indexOf(anchor) + 1, widget)


def _unsaved(dialog: QDialog) -> bool:
    check = getattr(dialog, "has_unsaved_edits", None)
    return bool(check()) if callable(check) else False
