"""The form of a matter's details, as a committee's registration form asks them (人民调解受理登记表): kind of
matter, type of dispute (and kind of patent), title, a short account, what is asked (a list), the amount
claimed (with its Chinese capitals beside it), the date received and where the case came from; for mediation
a court invited or entrusted (委派/委托调解), the court, its case number, its procedure and the time limit,
filled in with the default of the 2021 Online Mediation Rules art. 24 and editable; the notarial matter a
mediation case cites. Checked as typed by core's ``case_details``. The Cases page's registration dialog and
the workspace's "Edit Details" both use it; they differ only in what they save."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cases.deadlines import office_today
from desktop.core.cases.matters import (
    COURT_MAX,
    COURT_NUMBER_MAX,
    REQUESTS_MAX,
    TIME_LIMIT_MAX,
    TITLE_MAX,
    CaseDetails,
    CaseSource,
    CaseType,
    MatterKind,
    PatentKind,
    Procedure,
    case_details,
    default_time_limit,
    validate_title,
)
from desktop.core.documents.amounts import amount_in_capitals, parse_amount
from desktop.core.errors import MedisealError
from desktop.core.vocabulary import Vocabulary
from desktop.ui.cases.checked_form import CheckedForm, fill_combo, framed, select, to_date
from desktop.ui.framework.i18n import label

V = TypeVar("V", bound=Vocabulary)
SUMMARY_LINES = 3
REQUEST_ROWS = 3
SPIN_FRAME = 6
CITED_MAX = 32  # a matter's number, （2026）云昆证字第0001号, is far shorter
AMOUNT_MAX = 16  # yuan with two decimals: more digits than any claim


@dataclass(frozen=True, slots=True)
class StoredDetails:
    """A case's details as stored, with the revision an edit starts from."""

    details: CaseDetails
    revision: int


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
        self.add_button.clicked.connect(lambda: self.add())
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

    def _item(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)
        return item

    def add(self, text: str = "") -> QListWidgetItem | None:
        if self.list.count() >= REQUESTS_MAX:
            return None
        item = self._item(text)
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

    def set_values(self, values: tuple[str, ...] | list[str]) -> None:
        """Show ``values`` (a stored case's requests); no ``changed``."""
        self.list.blockSignals(True)
        self.list.clear()
        for text in values:
            self._item(text)
        self.list.blockSignals(False)
        self.remove_button.setEnabled(False)


class DetailsForm(CheckedForm):
    """A matter's details; ``value()`` gives checked ``CaseDetails`` or raises ``InvalidInput``; ``set_value``
    fills it for an edit; ``changed`` tells of unsaved edits. With ``kind`` given, the kind of matter is
    fixed (a stored case's); without, the user chooses it (a registration)."""

    def __init__(self, kind: MatterKind | None = None, parent: QWidget | None = None) -> None:
        super().__init__("detailsForm", parent)
        self.limit_edited = False  # the time limit follows source and procedure until the user sets it
        self.kind_combo = fill_combo(QComboBox(), ((label(matter), matter.value) for matter in MatterKind))
        self.kind_combo.setObjectName("caseKind")
        if kind is not None:
            select(self.kind_combo, kind.value)
            self.kind_combo.setEnabled(False)  # a stored matter keeps its kind (and its number series)
        self.type_combo = fill_combo(QComboBox(), ((label(case_type), case_type.value)
                                                   for case_type in CaseType))
        self.type_combo.setObjectName("caseType")
        self.patent_combo = fill_combo(QComboBox(), ((label(patent), patent.value) for patent in PatentKind))
        self.patent_combo.setObjectName("patentKind")
        self.title_edit = self.line("caseTitle", TITLE_MAX)
        self.title_edit.setPlaceholderText(
            self.tr("e.g. Trademark infringement: Acme Tea Ltd v. Corner Shop"))
        self.summary_edit = QPlainTextEdit()
        self.summary_edit.setObjectName("caseSummary")
        self.summary_edit.setTabChangesFocus(True)  # Tab moves on through the form; the keyboard never sticks
        self.summary_edit.setFixedHeight(SUMMARY_LINES * self.summary_edit.fontMetrics().lineSpacing() + 14)
        self.requests = RequestList()
        self.amount_edit = self.line("amountClaimed", AMOUNT_MAX)
        self.amount_edit.setPlaceholderText(self.tr("yuan, e.g. 50000.00 (optional)"))
        self.capitals = QLabel()
        self.capitals.setObjectName("amountCapitals")
        self.capitals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        amount_row = QWidget()
        amount_layout = QHBoxLayout(amount_row)
        amount_layout.setContentsMargins(0, 0, 0, 0)
        amount_layout.addWidget(self.amount_edit, 1)
        amount_layout.addWidget(self.capitals, 2)
        # One line high: spare height in a tall dialog goes to the account and the requests, not here.
        amount_row.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        today = office_today()
        self.received_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.received_edit.setObjectName("receivedOn")
        self.received_edit.setCalendarPopup(True)
        self.received_edit.setDisplayFormat("yyyy-MM-dd")
        self.source_combo = fill_combo(QComboBox(), ((label(source), source.value) for source in CaseSource))
        self.source_combo.setObjectName("caseSource")
        self.court_edit = self.line("courtName", COURT_MAX)
        self.court_edit.setPlaceholderText(self.tr("e.g. Kunming Intermediate People's Court"))
        self.court_number_edit = self.line("courtCaseNumber", COURT_NUMBER_MAX)
        self.court_number_edit.setPlaceholderText("（2026）云01知民初56号")
        self.procedure_combo = fill_combo(QComboBox(), ((label(step), step.value) for step in Procedure))
        self.procedure_combo.setObjectName("procedure")
        self.limit_spin = QSpinBox()
        self.limit_spin.setObjectName("timeLimitDays")
        self.limit_spin.setRange(1, TIME_LIMIT_MAX)
        self.limit_spin.setSuffix(self.tr(" days"))
        # The spin box's frame takes 6 pixels of its height (a date edit's 4): room for a whole text line.
        self.limit_spin.setMinimumHeight(self.limit_spin.lineEdit().sizeHint().height() + SPIN_FRAME)
        self.cited_edit = self.line("citedMatter", CITED_MAX)
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
        self.setLayout(framed(content, self.message))
        self.react(self.kind_combo)

    def _limit_changed(self) -> None:
        if not self.filling:
            self.limit_edited = True
            self.edited(self.limit_spin)

    def _chosen(self, combo: QComboBox, vocabulary: type[V]) -> V | None:
        data = combo.currentData()
        return vocabulary(data) if data else None

    def kind(self) -> MatterKind:
        return MatterKind(str(self.kind_combo.currentData()))

    def source(self) -> CaseSource | None:
        return self._chosen(self.source_combo, CaseSource)

    def case_type(self) -> CaseType | None:
        return self._chosen(self.type_combo, CaseType)

    def _from_court(self) -> bool:
        source = self.source()
        return self.kind() is MatterKind.MEDIATION and source is not None and source.from_court

    # --- rows that follow the choices ---------------------------------------------------------------
    def react(self, widget: QWidget) -> None:
        kind = self.kind()
        source = self.source()
        from_court = self._from_court()
        self.form.setRowVisible(self.patent_combo, self.case_type() is CaseType.PATENT)
        for row in (self.court_edit, self.court_number_edit, self.limit_spin):
            self.form.setRowVisible(row, from_court)
        self.form.setRowVisible(self.procedure_combo, from_court and source is CaseSource.COURT_ENTRUSTED)
        self.form.setRowVisible(self.cited_edit, kind is MatterKind.MEDIATION)
        if widget is self.amount_edit or widget is self.kind_combo:
            self._show_capitals()
        if from_court and not self.limit_edited:
            days = default_time_limit(source, self._procedure())
            if days is not None:
                filling, self.filling = self.filling, True
                self.limit_spin.setValue(days)
                self.filling = filling

    def _show_capitals(self) -> None:
        try:
            amount = self._amount()
        except MedisealError:  # an amount being typed: the red line says what is wrong
            amount = None
        self.capitals.setText(amount_in_capitals(amount) if amount is not None else "")

    # --- the value -----------------------------------------------------------------------------------
    def _procedure(self) -> Procedure | None:
        if self.source() is not CaseSource.COURT_ENTRUSTED:
            return None
        return self._chosen(self.procedure_combo, Procedure)

    def _amount(self) -> Decimal | None:
        text = self.amount_edit.text().strip()
        return parse_amount(text, "amount_claimed") if text else None

    def field_checks(self) -> list[Callable[[], object]]:
        return [lambda: validate_title(self.title_edit.text()), self._amount]

    def build(self) -> CaseDetails:
        kind = self.kind()
        from_court = self._from_court()
        case_type = self.case_type()
        return case_details(
            kind, case_type or "", self.title_edit.text(), to_date(self.received_edit.date()),
            today=office_today(),
            patent_kind=self._chosen(self.patent_combo, PatentKind) if case_type is CaseType.PATENT else None,
            summary=self.summary_edit.toPlainText(), requests=self.requests.values(),
            amount_claimed=self._amount(), source=self.source(),
            court_name=self.court_edit.text() if from_court else "",
            court_case_number=self.court_number_edit.text() if from_court else "",
            procedure=self._procedure() if from_court else None,
            time_limit_days=self.limit_spin.value() if from_court else None,
            cited_matter=self.cited_edit.text() if kind is MatterKind.MEDIATION else "")

    def value(self) -> CaseDetails:
        """The details, checked; an error is shown, its field focused, and raised."""
        details = self.checked()
        assert isinstance(details, CaseDetails)
        return details

    def set_value(self, details: CaseDetails) -> None:
        """Fill the form from a case's details (to edit them): nothing counts as edited yet."""
        self.start_filling()
        try:
            select(self.type_combo, details.case_type.value)
            if details.patent_kind is not None:
                select(self.patent_combo, details.patent_kind.value)
            self.title_edit.setText(details.title)
            self.summary_edit.setPlainText(details.summary)
            self.requests.set_values(details.requests)
            self.amount_edit.setText(f"{details.amount_claimed:.2f}" if details.amount_claimed is not None
                                     else "")
            received = details.received_on
            self.received_edit.setDate(QDate(received.year, received.month, received.day))
            if details.source is not None:
                select(self.source_combo, details.source.value)
            self.court_edit.setText(details.court_name)
            self.court_number_edit.setText(details.court_case_number)
            if details.procedure is not None:
                select(self.procedure_combo, details.procedure.value)
            if details.time_limit_days is not None:
                self.limit_spin.setValue(details.time_limit_days)
            # A limit other than the rules' default was set by hand: a change of procedure keeps it.
            self.limit_edited = details.time_limit_days not in (
                None, default_time_limit(details.source, details.procedure))
            self.cited_edit.setText(details.cited_matter)
            self.react(self.kind_combo)
        finally:
            self.done_filling()

    def load(self, stored: StoredDetails) -> None:
        """As a record dialog fills it: the details of a stored revision."""
        self.set_value(stored.details)
