"""Registering a case (登记案件) as a committee's registration form asks (人民调解受理登记表): kind of matter,
type of dispute (and kind of patent), title, a short account, what is asked (a list), the amount claimed
(with its Chinese capitals as a hint), the date received and where the case came from; for mediation a
court invited or entrusted (委派/委托调解), the court, its case number, its procedure and the time limit,
filled in with the default of the 2021 Online Mediation Rules art. 24 and editable. Checked as typed by
core's ``case_details``; the case is opened on a worker thread."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, TypeVar

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cases import matters
from desktop.core.cases.deadlines import office_today
from desktop.core.cases.matters import (
    COURT_MAX,
    COURT_NUMBER_MAX,
    REQUESTS_MAX,
    TIME_LIMIT_MAX,
    TITLE_MAX,
    CaseDetails,
    CaseInfo,
    CaseSource,
    CaseType,
    MatterKind,
    PatentKind,
    Procedure,
    case_details,
    default_time_limit,
)
from desktop.core.documents.amounts import amount_in_capitals, parse_amount
from desktop.core.errors import MedisealError
from desktop.core.storage.store import OpenStore
from desktop.core.trust.sign_in import SignedInUser
from desktop.core.vocabulary import Vocabulary
from desktop.ui.cases.checked_form import CheckedForm, fill_combo, framed, to_date
from desktop.ui.framework.changes import Changes
from desktop.ui.framework.errors import show_error
from desktop.ui.framework.i18n import label
from desktop.ui.framework.ops import Op, run_op

V = TypeVar("V", bound=Vocabulary)
SUMMARY_LINES = 3
DIALOG_HEIGHT = 620  # every row in view on a 700-pixel screen, the court's rows too
REQUEST_ROWS = 3


class RequestList(QWidget):
    """What is asked (申请事项): one request per line of a small list, added, edited in place, removed."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("requestList")
        self.list = QListWidget()
        self.list.setObjectName("requests")
        triggers = QListWidget.EditTrigger
        self.list.setEditTriggers(triggers.DoubleClicked | triggers.EditKeyPressed | triggers.AnyKeyPressed)
        rows = self.list.fontMetrics().height() + 6
        self.list.setFixedHeight(REQUEST_ROWS * rows + 2 * self.list.frameWidth() + 4)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setObjectName("addRequest")
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removeRequest")
        self.remove_button.clicked.connect(self.remove)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        self.list.currentRowChanged.connect(lambda row: self.remove_button.setEnabled(row >= 0))
        self.remove_button.setEnabled(False)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)  # no room added around
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def add(self, text: str = "") -> QListWidgetItem | None:
        if self.list.count() >= REQUESTS_MAX:
            return None
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)
        self.list.setCurrentItem(item)
        if not text:
            self.list.editItem(item)
        self.changed.emit()
        return item

    def remove(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.changed.emit()

    def values(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]


class NewCaseForm(CheckedForm):
    """The registration form; ``build()`` gives checked ``CaseDetails`` with its kind."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("newCaseForm", parent)
        self.limit_edited = False  # the time limit follows source and procedure until the user sets it
        self.kind_combo = fill_combo(QComboBox(), ((label(kind), kind.value) for kind in MatterKind))
        self.kind_combo.setObjectName("caseKind")
        self.type_combo = fill_combo(QComboBox(), ((label(kind), kind.value) for kind in CaseType))
        self.type_combo.setObjectName("caseType")
        self.patent_combo = fill_combo(QComboBox(), ((label(kind), kind.value) for kind in PatentKind))
        self.patent_combo.setObjectName("patentKind")
        self.title_edit = self._line("caseTitle", TITLE_MAX)
        self.title_edit.setPlaceholderText(
            self.tr("e.g. Trademark infringement: Acme Tea Ltd v. Corner Shop"))
        self.summary_edit = QPlainTextEdit()
        self.summary_edit.setObjectName("caseSummary")
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setFixedHeight(SUMMARY_LINES * self.summary_edit.fontMetrics().lineSpacing() + 14)
        self.requests = RequestList()
        self.amount_edit = self._line("amountClaimed", 32)
        self.amount_edit.setPlaceholderText(self.tr("yuan, e.g. 50000.00 (optional)"))
        self.capitals = QLabel()
        self.capitals.setObjectName("amountCapitals")
        self.capitals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        amount_row = QWidget()
        amount_layout = QHBoxLayout(amount_row)
        amount_layout.setContentsMargins(0, 0, 0, 0)
        amount_layout.addWidget(self.amount_edit, 1)
        amount_layout.addWidget(self.capitals, 2)
        today = office_today()
        self.received_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.received_edit.setObjectName("receivedOn")
        self.received_edit.setCalendarPopup(True)
        self.received_edit.setDisplayFormat("yyyy-MM-dd")
        self.source_combo = fill_combo(QComboBox(), ((label(source), source.value) for source in CaseSource))
        self.source_combo.setObjectName("caseSource")
        self.court_edit = self._line("courtName", COURT_MAX)
        self.court_edit.setPlaceholderText(self.tr("e.g. Kunming Intermediate People's Court"))
        self.court_number_edit = self._line("courtCaseNumber", COURT_NUMBER_MAX)
        self.court_number_edit.setPlaceholderText("（2026）云01知民初56号")
        self.procedure_combo = fill_combo(QComboBox(), ((label(kind), kind.value) for kind in Procedure))
        self.procedure_combo.setObjectName("procedure")
        self.limit_spin = QSpinBox()
        self.limit_spin.setObjectName("timeLimitDays")
        self.limit_spin.setRange(1, TIME_LIMIT_MAX)
        self.limit_spin.setSuffix(self.tr(" days"))
        self.cited_edit = self._line("citedMatter", 64)
        self.cited_edit.setPlaceholderText(self.tr("number of a notarial matter (optional)"))

        content = QWidget()
        self.form = QFormLayout(content)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labelled(self.form, self.tr("&Kind of matter:"), self.kind_combo)
        self.labelled(self.form, self.tr("T&ype of dispute:"), self.type_combo, "type")
        self.labelled(self.form, self.tr("Kind of &patent:"), self.patent_combo, "patent_kind")
        self.labelled(self.form, self.tr("&Title:"), self.title_edit, "title")
        self.labelled(self.form, self.tr("&Account of the dispute:"), self.summary_edit, "summary")
        self.labelled(self.form, self.tr("Re&quests:"), self.requests, buddy=self.requests.list)
        self.widgets["requests"] = self.requests.list
        self.requests.changed.connect(lambda: self.edited(self.requests.list))
        self.labelled(self.form, self.tr("A&mount claimed:"), amount_row, buddy=self.amount_edit)
        self.watch(self.amount_edit, "amount_claimed")
        self.labelled(self.form, self.tr("Date &received:"), self.received_edit, "received_on")
        self.labelled(self.form, self.tr("&Source:"), self.source_combo, "source")
        self.labelled(self.form, self.tr("&Court:"), self.court_edit, "court_name")
        self.labelled(self.form, self.tr("Court case &number:"), self.court_number_edit, "court_case_number")
        self.labelled(self.form, self.tr("Pr&ocedure:"), self.procedure_combo, "procedure")
        self.labelled(self.form, self.tr("Time &limit:"), self.limit_spin)
        self.widgets["time_limit_days"] = self.limit_spin
        self.limit_spin.valueChanged.connect(self._limit_changed)
        self.labelled(self.form, self.tr("C&ited notarial matter:"), self.cited_edit, "cited_matter")
        self.watch(self.kind_combo)
        self.chain_tabs([self.kind_combo, self.type_combo, self.patent_combo, self.title_edit,
                         self.summary_edit, self.requests.list, self.requests.add_button,
                         self.requests.remove_button, self.amount_edit, self.received_edit,
                         self.source_combo, self.court_edit, self.court_number_edit, self.procedure_combo,
                         self.limit_spin, self.cited_edit])
        layout = framed(content, self.message)
        self.setLayout(layout)
        self.react(self.kind_combo)

    def _line(self, name: str, limit: int) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setMaxLength(limit)
        return edit

    def _limit_changed(self) -> None:
        if not self.filling:
            self.limit_edited = True
            self.edited(self.limit_spin)

    def _chosen(self, combo: QComboBox, vocabulary: type[V]) -> V | None:
        data = combo.currentData()
        return vocabulary(data) if data else None

    def source(self) -> CaseSource | None:
        return self._chosen(self.source_combo, CaseSource)

    def case_type(self) -> CaseType | None:
        return self._chosen(self.type_combo, CaseType)

    # --- rows that follow the choices ---------------------------------------------------------------
    def _show_row(self, widget: QWidget, shown: bool) -> None:
        self.form.setRowVisible(widget, shown)

    def react(self, widget: QWidget) -> None:
        kind = self.kind()
        source = self.source()
        from_court = kind is MatterKind.MEDIATION and source is not None and source.from_court
        self._show_row(self.patent_combo, self.case_type() is CaseType.PATENT)
        for row in (self.court_edit, self.court_number_edit, self.limit_spin):
            self._show_row(row, from_court)
        self._show_row(self.procedure_combo, from_court and source is CaseSource.COURT_ENTRUSTED)
        self._show_row(self.cited_edit, kind is MatterKind.MEDIATION)
        if widget is self.amount_edit or widget is self.kind_combo:
            self._show_capitals()
        if from_court and not self.limit_edited:
            days = default_time_limit(source, self._procedure())
            if days is not None:
                self.filling = True
                self.limit_spin.setValue(days)
                self.filling = False

    def _show_capitals(self) -> None:
        text = self.amount_edit.text().strip()
        try:
            self.capitals.setText(amount_in_capitals(parse_amount(text, "amount_claimed")) if text else "")
        except MedisealError:
            self.capitals.setText("")

    # --- the value -----------------------------------------------------------------------------------
    def _procedure(self) -> Procedure | None:
        if self.source() is not CaseSource.COURT_ENTRUSTED:
            return None
        return self._chosen(self.procedure_combo, Procedure)

    def _amount(self) -> Decimal | None:
        text = self.amount_edit.text().strip()
        return parse_amount(text, "amount_claimed") if text else None

    def kind(self) -> MatterKind:
        return MatterKind(str(self.kind_combo.currentData()))

    def field_checks(self) -> list[Any]:
        return [self._amount]

    def build(self) -> CaseDetails:
        kind = self.kind()
        source = self.source()
        from_court = kind is MatterKind.MEDIATION and source is not None and source.from_court
        case_type = self.case_type()
        return case_details(
            kind, case_type or "", self.title_edit.text(), to_date(self.received_edit.date()),
            today=office_today(),
            patent_kind=self._chosen(self.patent_combo, PatentKind) if case_type is CaseType.PATENT else None,
            summary=self.summary_edit.toPlainText(), requests=self.requests.values(),
            amount_claimed=self._amount(), source=source,
            court_name=self.court_edit.text() if from_court else "",
            court_case_number=self.court_number_edit.text() if from_court else "",
            procedure=self._procedure() if from_court else None,
            time_limit_days=self.limit_spin.value() if from_court else None,
            cited_matter=self.cited_edit.text() if kind is MatterKind.MEDIATION else "")

    def value(self) -> tuple[MatterKind, CaseDetails]:
        details = self.checked()
        assert isinstance(details, CaseDetails)
        return self.kind(), details


class NewCaseDialog(QDialog):
    """Register a case; once opened, ``opened(number)`` (and the dialog closes)."""

    opened = Signal(str)

    def __init__(self, store: OpenStore, signed_in: SignedInUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newCaseDialog")
        self.setWindowTitle(self.tr("Register a Case"))
        self.store = store
        self.signed_in = signed_in
        self.case: CaseInfo | None = None
        self.op: Op[CaseInfo] | None = None
        self.form = NewCaseForm()
        self.message = self.form.message
        standard = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(standard.Ok | standard.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Register"))
        self.ok_button.setObjectName("registerCase")
        buttons.accepted.connect(self.attempt)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form, 1)
        layout.addWidget(buttons)
        self.resize(max(600, self.sizeHint().width()), DIALOG_HEIGHT)

    def attempt(self) -> Op[CaseInfo] | None:
        """Check the form (a fault marks its field), then open the case on a worker thread."""
        if self.op is not None:
            return None
        try:
            kind, details = self.form.value()
        except MedisealError:
            return None
        store, actor = self.store, self.signed_in.actor

        def register_case() -> CaseInfo:
            with store.database.session_scope() as session:
                return matters.open_matter(session, actor, kind, details)

        def refused(error: BaseException) -> None:
            if isinstance(error, MedisealError):
                self.form.show_error(error)  # the field core names is marked, its words in the red line
            else:
                show_error(self, error)

        op = run_op(self, lambda _progress, _cancelled: register_case()).on_success(self._opened)
        op.on_failure(refused).changing(Changes(cases=True, ledger=True))
        op.finished.connect(self._finished)
        for widget in (self.ok_button, self.form):
            widget.setEnabled(False)
        self.op = op.start()
        return self.op

    def _finished(self) -> None:
        self.op = None
        for widget in (self.ok_button, self.form):
            widget.setEnabled(True)

    def _opened(self, case: CaseInfo) -> None:
        self.case = case
        self.accept()
        self.opened.emit(case.number)
