"""The Cases page: the case register (案件列表) in a fixed first tab, each open case in a tab of its own.

The register filters by kind, type, status, mediator, date received, due soon, foreign-related and free
text (number, title, party names; typed Chinese waits for a pause), sorts by any column in SQL, and reads
its rows a page at a time on a worker thread, so 100 000 cases cost nothing up front. A case tab with
unsaved edits is not closed without asking, nor is the window closed or the user signed out
(``unsaved_work``, ``confirm_unsaved``). The status bar's count of deadlines due soon is this page's
``due_soon_button``: it opens the register filtered to those cases."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cases import register
from desktop.core.cases.deadlines import office_today
from desktop.core.cases.matters import CaseType, MatterKind
from desktop.core.cases.register import CaseFilter, SortKey
from desktop.core.cases.workflow import CaseStatus
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.store import OpenStore
from desktop.core.trust import users
from desktop.core.trust.sign_in import SignedInUser
from desktop.core.trust.users import UserInfo
from desktop.ui.cases.checked_form import OptionalDate
from desktop.ui.cases.register_model import (
    COLUMNS,
    DEADLINE,
    FOREIGN,
    KIND,
    MEDIATORS,
    NUMBER,
    NUMBER_ROLE,
    PARTIES,
    RECEIVED,
    STATUS,
    TITLE,
    TYPE,
    RegisterHead,
    RegisterModel,
    read_head,
)
from desktop.ui.cases.workspace import CaseWorkspace
from desktop.ui.framework.changes import Refresher
from desktop.ui.framework.formatting import person
from desktop.ui.framework.i18n import label
from desktop.ui.framework.ops import Op
from desktop.ui.framework.reads import LatestRead, Task

FILTER_DELAY_MS = 250  # typing in the search box filters once the user pauses
REGISTER_TAB = 0


@dataclass(frozen=True, slots=True)
class _Read:
    """A head read with what it was read for (a reply for an older filter or order is not shown)."""

    wanted: CaseFilter
    sort: SortKey
    descending: bool
    head: RegisterHead


class DueSoonButton(QToolButton):
    """The status bar's count of cases with a deadline due soon or passed (3 件期限将至): activating it
    shows them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dueSoonButton")
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.count: int | None = None
        self.show_count(None)

    def show_count(self, count: int | None) -> None:
        self.count = count
        if count is None:
            self.setText("")
        elif count == 0:
            self.setText(self.tr("No deadlines due soon"))
        else:
            self.setText(self.tr("{count} due soon").format(count=f"{count:,}"))
        self.setToolTip(self.tr("Cases whose deadline falls within 7 days or has passed: show them"))
        # No frame or padding: as tall as the status bar's text (a taller bar takes the pages' rows at
        # 1024×700); underlined when the keyboard is on it.
        emphasis = "color: #8a4b00; font-weight: bold; " if count else ""
        self.setStyleSheet("QToolButton#dueSoonButton { border: none; padding: 0px 2px; " + emphasis + "} "
                           "QToolButton#dueSoonButton:focus { text-decoration: underline; }")


class CasesPage(QWidget):
    """The register and the open cases."""

    show_requested = Signal()  # the page asks the window to show it (the status bar's count was used)

    def __init__(self, store: OpenStore, signed_in: SignedInUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_cases")
        self.store = store
        self.signed_in = signed_in
        self.active = True
        self.dialog: QWidget | None = None  # the last dialog or question this page opened
        self.unsaved_box: QMessageBox | None = None
        self.wanted_number: str | None = None  # a case to select once the register shows it
        self.model = RegisterModel(store, self)
        self.model.sort_requested.connect(self.refresh)
        self._build_filters()
        self._build_table()

        self.register_tab = QWidget()
        self.register_tab.setObjectName("caseRegister")
        register_layout = QVBoxLayout(self.register_tab)
        register_layout.addLayout(self.filter_rows)
        register_layout.addWidget(self.table, 1)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("caseTabs")
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(False)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.register_tab, self.tr("Case Register"))
        self.tabs.tabBar().setTabButton(REGISTER_TAB, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.tabs.tabBar().setTabButton(REGISTER_TAB, self.tabs.tabBar().ButtonPosition.LeftSide, None)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        # The keyboard's order: as the page reads, top to bottom, then the list.
        chain = [self.search_edit, self.due_soon_check, self.new_case_button, self.kind_combo,
                 self.type_combo, self.status_combo, self.mediator_combo, self.from_date, self.to_date,
                 self.foreign_combo, self.table]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

        self.due_soon_button = DueSoonButton()
        self.due_soon_button.clicked.connect(self.show_due_soon)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.focus_search)
        close = QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self)
        close.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        close.activated.connect(lambda: self.close_tab(self.tabs.currentIndex()))

        self.head_read: LatestRead[_Read] = LatestRead(self, self._head_task, self._head_read)
        self.mediator_read: LatestRead[list[UserInfo]] = LatestRead(self, self._mediator_task,
                                                                    self._mediators_read)
        self.due_soon_read: LatestRead[int] = LatestRead(self, self._due_soon_task,
                                                         self.due_soon_button.show_count)
        Refresher(self, lambda changes: changes.cases, self.refresh)
        Refresher(self, lambda changes: changes.users, self.mediator_read.start)
        # The count in the status bar stays current while the page is hidden (the button is in view).
        Refresher(self.due_soon_button, lambda changes: changes.cases, self.due_soon_read.start)
        self.mediator_read.start()
        self.due_soon_read.start()
        self.refresh()

    # --- building ---------------------------------------------------------------------------------
    def _combo(self, name: str, everything: str, choices: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(everything, None)
        for title, data in choices:
            combo.addItem(title, data)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(3)  # the page fits a 700-pixel window; the list shows whole words
        combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
        combo.currentIndexChanged.connect(self.refresh)
        return combo

    @staticmethod
    def _labelled(text: str, widget: QWidget) -> QLabel:
        buddy_label = QLabel(text)
        buddy_label.setBuddy(widget)
        return buddy_label

    def _build_filters(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("caseSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Number, title or party name"))
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(FILTER_DELAY_MS)
        self.search_timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _text: self.search_timer.start())
        self.search_edit.returnPressed.connect(self._search_entered)
        self.new_case_button = QPushButton(self.tr("&New Case…"))
        self.new_case_button.setObjectName("newCaseButton")
        self.new_case_button.clicked.connect(self.new_case)
        # The window's Case ▸ New Case… (the Evidence page's quick dialog stays on that page).
        self.new_case_action = QAction(self.tr("&New Case…"), self)
        self.new_case_action.setObjectName("newCaseAction")
        self.new_case_action.triggered.connect(self.register_case)

        everything = self.tr("All")
        self.kind_combo = self._combo("caseKindFilter", everything,
                                      [(label(kind), kind.value) for kind in MatterKind])
        self.type_combo = self._combo("caseTypeFilter", everything,
                                      [(label(kind), kind.value) for kind in CaseType])
        self.status_combo = self._combo("caseStatusFilter", everything,
                                        [(label(status), status.value) for status in CaseStatus])
        self.mediator_combo = self._combo("caseMediatorFilter", everything, [])
        self.from_date = OptionalDate()
        self.from_date.setObjectName("receivedFrom")
        self.to_date = OptionalDate()
        self.to_date.setObjectName("receivedTo")
        for edit in (self.from_date, self.to_date):
            edit.dateChanged.connect(lambda _date: self.refresh())
        self.due_soon_check = QCheckBox(self.tr("&Due soon"))
        self.due_soon_check.setObjectName("dueSoonFilter")
        self.due_soon_check.setToolTip(self.tr("Deadline within 7 days, or passed"))
        self.due_soon_check.toggled.connect(lambda _on: self.refresh())
        self.foreign_combo = self._combo("foreignFilter", everything,
                                         [(self.tr("Foreign-related"), True),
                                          (self.tr("Not foreign-related"), False)])
        self.count_label = QLabel()
        self.count_label.setObjectName("caseCount")

        first = QHBoxLayout()
        first.addWidget(self._labelled(self.tr("&Search:"), self.search_edit))
        first.addWidget(self.search_edit, 1)
        first.addWidget(self.due_soon_check)
        first.addSpacing(8)
        first.addWidget(self.count_label)
        first.addWidget(self.new_case_button)
        second = QHBoxLayout()
        for text, combo in ((self.tr("&Kind:"), self.kind_combo), (self.tr("&Type:"), self.type_combo),
                            (self.tr("S&tatus:"), self.status_combo),
                            (self.tr("&Mediator:"), self.mediator_combo)):
            second.addWidget(self._labelled(text, combo))
            second.addWidget(combo, 1)
        third = QHBoxLayout()
        third.addWidget(self._labelled(self.tr("&Received from:"), self.from_date))
        third.addWidget(self.from_date)
        third.addWidget(self._labelled(self.tr("t&o"), self.to_date))
        third.addWidget(self.to_date)
        third.addSpacing(12)
        third.addWidget(self._labelled(self.tr("&Foreign-related:"), self.foreign_combo))
        third.addWidget(self.foreign_combo)
        third.addStretch(1)
        self.filter_rows = QVBoxLayout()
        self.filter_rows.addLayout(first)
        self.filter_rows.addLayout(second)
        self.filter_rows.addLayout(third)

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setObjectName("caseTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the next control
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(NUMBER, Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self.model.sort)
        # At 1024 pixels the number, title, parties, status and the next deadline with its words are in
        # view (the deadline shown beside the status); mediators, the date received and the foreign mark
        # follow to the right. Shortened cells show in full in their tooltips.
        metrics = self.fontMetrics()
        padding = 18
        kinds = max((label(kind) for kind in MatterKind), key=metrics.horizontalAdvance)
        samples = {NUMBER: "（2026）云知调字第0001号", KIND: kinds, TYPE: "著作权权", TITLE: "某" * 11,
                   PARTIES: "某" * 9, STATUS: "调解中中", MEDIATORS: "李华、王五", RECEIVED: "2026-11-25",
                   DEADLINE: "2026-12-01（剩余6日，期限将至）", FOREIGN: self.tr("Foreign")}
        for column in range(len(COLUMNS)):
            title = metrics.horizontalAdvance(str(self.model.headers[column])) + padding + 12
            sample = metrics.horizontalAdvance(samples[column]) + padding
            header.resizeSection(column, max(sample, title) if column in (NUMBER, KIND, DEADLINE, RECEIVED,
                                                                          FOREIGN) else sample)
        header.moveSection(header.visualIndex(DEADLINE), header.visualIndex(STATUS) + 1)
        header.setStretchLastSection(False)
        self.table.activated.connect(self._activated)

    # --- state --------------------------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        """Whether the register, the mediators or the due-soon count are still being read."""
        return (self.head_read.loading or self.mediator_read.loading or self.due_soon_read.loading
                or self.model.fetch_op is not None or self.search_timer.isActive())

    def set_user(self, signed_in: SignedInUser) -> None:
        """Another sign-in: the last user's open cases are closed (their unsaved edits were asked about
        at sign-out); a new key for the same sign-in keeps them."""
        if signed_in.actor is not self.signed_in.actor:
            while self.tabs.count() > 1:
                self._remove_tab(self.tabs.count() - 1)
        self.signed_in = signed_in
        self.active = True
        self.new_case_button.setEnabled(True)
        self.new_case_action.setEnabled(True)
        self.refresh()
        self.mediator_read.start()
        self.due_soon_read.start()

    def set_active(self, active: bool) -> None:
        """Locked or signed out: nothing can be started from this page."""
        self.active = active
        self.new_case_button.setEnabled(active)
        self.new_case_action.setEnabled(active)
        self.due_soon_button.setEnabled(active)

    # --- reading ------------------------------------------------------------------------------------
    def current_filter(self) -> CaseFilter:
        kind, status = self.kind_combo.currentData(), self.status_combo.currentData()
        return CaseFilter(
            kind=MatterKind(kind) if kind else None, case_type=self.type_combo.currentData(),
            status=CaseStatus(status) if status else None, mediator=self.mediator_combo.currentData(),
            received_from=self.from_date.value(), received_to=self.to_date.value(),
            due_soon=self.due_soon_check.isChecked(), foreign_related=self.foreign_combo.currentData(),
            text=self.search_edit.text().strip(), today=office_today())

    def refresh(self) -> Op[_Read] | None:
        """Read the count and the first page for the filter and order now set (worker thread)."""
        self.search_timer.stop()
        return self.head_read.start()

    def _head_task(self) -> Task[_Read]:
        store, wanted = self.store, self.current_filter()
        sort, descending = self.model.sort_key, self.model.descending

        def read(progress: ProgressFn, cancelled: CancelledFn) -> _Read:
            return _Read(wanted, sort, descending, read_head(store, wanted, sort, descending))

        return read

    def _head_read(self, read: _Read) -> None:
        if (read.wanted.with_today(office_today()) != self.current_filter()
                or (read.sort, read.descending) != (self.model.sort_key, self.model.descending)):
            self.head_read.again = True  # the filter or order changed meanwhile: that read follows
            return
        number = self.wanted_number or self.current_number()
        self.model.reset_to(read.head, read.wanted)
        self.count_label.setText(self.tr("{count} cases").format(count=f"{read.head.total:,}"))
        row = self.model.row_of(number) if number else -1
        if row >= 0:
            self.wanted_number = None
        if row >= 0 or self.model.rowCount():
            index = self.model.index(max(row, 0), NUMBER)
            flags = QItemSelectionModel.SelectionFlag
            self.table.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)

    def _mediator_task(self) -> Task[list[UserInfo]]:
        store = self.store

        def read(progress: ProgressFn, cancelled: CancelledFn) -> list[UserInfo]:
            with store.database.session_scope() as session:
                return users.mediators(session)

        return read

    def _mediators_read(self, mediators: list[UserInfo]) -> None:
        current = self.mediator_combo.currentData()
        self.mediator_combo.blockSignals(True)
        while self.mediator_combo.count() > 1:
            self.mediator_combo.removeItem(1)
        for info in mediators:
            self.mediator_combo.addItem(person(info.name, info.real_name), info.name)
        index = self.mediator_combo.findData(current) if current else 0
        self.mediator_combo.setCurrentIndex(max(index, 0))
        self.mediator_combo.view().setMinimumWidth(self.mediator_combo.view().sizeHintForColumn(0) + 24)
        self.mediator_combo.blockSignals(False)
        if current and index < 0:
            self.refresh()  # the mediator chosen is no longer one

    def _due_soon_task(self) -> Task[int]:
        store = self.store

        def read(progress: ProgressFn, cancelled: CancelledFn) -> int:
            with store.database.session_scope() as session:
                return register.due_soon_count(session, office_today())

        return read

    # --- the register's commands ----------------------------------------------------------------------
    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(REGISTER_TAB)
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _search_entered(self) -> None:
        self.refresh()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_due_soon(self) -> None:
        """The register with only the cases due soon (other filters cleared), in view."""
        if not self.active:
            return
        self.show_requested.emit()
        self.tabs.setCurrentIndex(REGISTER_TAB)
        for widget in (self.kind_combo, self.type_combo, self.status_combo, self.mediator_combo,
                       self.foreign_combo, self.from_date, self.to_date, self.search_edit,
                       self.due_soon_check):
            widget.blockSignals(True)
        for combo in (self.kind_combo, self.type_combo, self.status_combo, self.mediator_combo,
                      self.foreign_combo):
            combo.setCurrentIndex(0)
        self.from_date.clear_date()
        self.to_date.clear_date()
        self.search_edit.clear()
        self.due_soon_check.setChecked(True)
        for widget in (self.kind_combo, self.type_combo, self.status_combo, self.mediator_combo,
                       self.foreign_combo, self.from_date, self.to_date, self.search_edit,
                       self.due_soon_check):
            widget.blockSignals(False)
        self.model.sort_key, self.model.descending = SortKey.DEADLINE, False  # the most pressing first
        self.table.horizontalHeader().blockSignals(True)
        self.table.horizontalHeader().setSortIndicator(DEADLINE, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().blockSignals(False)
        self.refresh()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_number(self) -> str | None:
        index = self.table.selectionModel().currentIndex()
        return str(index.data(NUMBER_ROLE)) if index.isValid() else None

    def _activated(self, index: QModelIndex) -> None:
        number = index.data(NUMBER_ROLE)
        if number:
            self.open_case(str(number))

    def new_case(self) -> QWidget | None:
        """Register a case (the registration dialog); once opened, it opens in its tab."""
        if not self.active:
            return None
        from desktop.ui.cases.new_case_dialog import NewCaseDialog

        dialog = NewCaseDialog(self.store, self.signed_in, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.opened.connect(self._case_opened)
        self.dialog = dialog
        dialog.open()
        return dialog

    def register_case(self) -> QWidget | None:
        """Case ▸ New Case…: this page in view, its registration dialog open."""
        self.show_requested.emit()
        return self.new_case()

    def _case_opened(self, number: str) -> None:
        self.wanted_number = number
        self.open_case(number)

    # --- case tabs ------------------------------------------------------------------------------------
    def workspaces(self) -> list[CaseWorkspace]:
        found = [self.tabs.widget(index) for index in range(1, self.tabs.count())]
        return [widget for widget in found if isinstance(widget, CaseWorkspace)]

    def open_case(self, number: str) -> CaseWorkspace:
        """Show the case in its tab (opened now, or the tab it already has)."""
        for workspace in self.workspaces():
            if workspace.number == number:
                self.tabs.setCurrentWidget(workspace)
                return workspace
        workspace = CaseWorkspace(self.store, self.signed_in, number, self.tabs)
        index = self.tabs.addTab(workspace, workspace.title())
        self.tabs.setTabToolTip(index, number)
        workspace.case_changed.connect(self._case_changed)
        workspace.shown.connect(lambda: self._retitle(workspace))
        self.tabs.setCurrentIndex(index)
        workspace.setFocus(Qt.FocusReason.OtherFocusReason)
        return workspace

    def _retitle(self, workspace: CaseWorkspace) -> None:
        index = self.tabs.indexOf(workspace)
        if index >= 0:
            self.tabs.setTabText(index, workspace.title())

    def _case_changed(self, number: str) -> None:
        for workspace in self.workspaces():
            if workspace.number == number:
                self._retitle(workspace)
        self.refresh()
        self.due_soon_read.start()

    def close_tab(self, index: int) -> QMessageBox | None:
        """Close a case's tab; with unsaved edits, ask first (discard them, or keep the case open)."""
        workspace = self.tabs.widget(index)
        if index == REGISTER_TAB or not isinstance(workspace, CaseWorkspace):
            return None
        if not workspace.has_unsaved_edits():
            self._remove_tab(index)
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Close Case"), self.tr(
            "“{title}” has edits that are not saved. Discard them and close the case, or keep it open "
            "(and save them there)?").format(title=workspace.title()), QMessageBox.StandardButton.NoButton,
            self)
        box.setObjectName("discardEdits")
        discard = box.addButton(self.tr("Discard Edits"), QMessageBox.ButtonRole.DestructiveRole)
        discard.setObjectName("discardButton")
        keep = box.addButton(self.tr("Keep Open"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("keepButton")
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def answered(_result: int) -> None:
            if box.clickedButton() is discard and self.tabs.indexOf(workspace) > 0:
                self._remove_tab(self.tabs.indexOf(workspace))
            else:
                self.tabs.setCurrentWidget(workspace)

        box.finished.connect(answered)
        self.dialog = box
        box.open()
        return box

    def _remove_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        self.tabs.removeTab(index)
        if widget is not None:
            widget.deleteLater()

    def unsaved_work(self) -> list[str]:
        """The open cases with edits not saved, by their titles (signing out or closing asks first)."""
        return [workspace.title() for workspace in self.workspaces() if workspace.has_unsaved_edits()]

    def confirm_unsaved(self, title: str, then: Callable[[], object],
                        back: Callable[[], object] | None = None) -> QMessageBox | None:
        """With unsaved edits in open cases, ask whether to discard them (then ``then``) or go back to
        them (``back`` first when given: unlocking the window); without, ``then`` at once."""
        if self.unsaved_box is not None:
            return self.unsaved_box
        unsaved = self.unsaved_work()
        if not unsaved:
            then()
            return None
        box = QMessageBox(QMessageBox.Icon.Warning, title, self.tr(
            "Open cases have edits that are not saved. Discard them, or go back and save them?"),
            QMessageBox.StandardButton.NoButton, self.window())
        box.setObjectName("unsavedCases")
        box.setInformativeText(self.tr("Not saved:") + "\n" + "\n".join(f"• {case}" for case in unsaved))
        discard = box.addButton(self.tr("Discard Edits"), QMessageBox.ButtonRole.DestructiveRole)
        discard.setObjectName("discardButton")
        go_back = box.addButton(self.tr("Go Back"), QMessageBox.ButtonRole.RejectRole)
        go_back.setObjectName("goBack")
        box.setDefaultButton(go_back)
        box.setEscapeButton(go_back)

        def answered(_result: int) -> None:
            self.unsaved_box = None
            if box.clickedButton() is discard:
                then()
                return
            self.show_requested.emit()
            for workspace in self.workspaces():
                if workspace.has_unsaved_edits():
                    self.tabs.setCurrentWidget(workspace)
                    break
            if back is not None:
                back()

        box.finished.connect(answered)
        self.unsaved_box = box
        box.open()
        return box
