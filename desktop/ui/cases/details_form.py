"""The form of a matter's details, as a committee's registration form asks them (人民调解受理登记表): type
(and kind of patent), title, a short account, what is asked (one request a line), the amount claimed (shown in
capitals as typed), the date received, where the case came from (a court's name, its case number, the
procedure and the time limit for court-invited mediation) and the notarial matter it cites. Checked as it
is typed by ``matters.case_details``; both the workspace's "Edit details" and a registration dialog use it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cases.deadlines import office_today
from desktop.core.cases.matters import (
    COURT_MAX,
    COURT_NUMBER_MAX,
    TIME_LIMIT_MAX,
    TITLE_MAX,
    CaseDetails,
    CaseSource,
    CaseType,
    PatentKind,
    Procedure,
    case_details,
    default_time_limit,
    validate_title,
)
from desktop.core.documents.amounts import parse_amount
from desktop.core.errors import MedisealError
from desktop.core.office.office import MatterKind
from desktop.ui.cases.checked_form import CheckedForm, fill_combo, framed, select, to_date
from desktop.ui.cases.describe import amount_words
from desktop.ui.framework.i18n import label

TEXT_ROWS = 3
SPIN_FRAME = 6


@dataclass(frozen=True, slots=True)
class StoredDetails:
    """A case's details as stored, with the revision an edit starts from."""

    details: CaseDetails
    revision: int


class DetailsForm(CheckedForm):
    """A matter's details; ``value()`` gives checked ``CaseDetails`` or raises ``InvalidInput``; ``set_value``
    fills it for an edit; ``changed`` tells of unsaved edits. The kind of matter is fixed by the caller
    (``set_kind`` for a registration dialog that lets the user choose it)."""

    def __init__(self, kind: MatterKind = MatterKind.MEDIATION, parent: QWidget | None = None) -> None:
        super().__init__("detailsForm", parent)
        self.kind = kind
        self.type_combo = fill_combo(QComboBox(), ((label(case_type), case_type.value)
                                                   for case_type in CaseType))
        self.type_combo.setObjectName("caseType")
        self.patent_combo = fill_combo(QComboBox(), ((label(kind), kind.value) for kind in PatentKind))
        self.patent_combo.setObjectName("patentKind")
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("caseTitle")
        self.title_edit.setMaxLength(TITLE_MAX * 2)
        self.summary_edit = self._text("caseSummary")
        self.requests_edit = self._text("caseRequests")
        self.requests_edit.setPlaceholderText(self.tr("One request a line"))
        self.amount_edit = QLineEdit()
        self.amount_edit.setObjectName("amountClaimed")
        self.amount_edit.setPlaceholderText(self.tr("e.g. 50000.00 (leave empty when none is claimed)"))
        self.capitals = QLabel()
        self.capitals.setObjectName("amountCapitals")
        self.capitals.setWordWrap(True)
        self.received_edit = QDateEdit(QDate.currentDate())
        self.received_edit.setObjectName("receivedOn")
        self.received_edit.setCalendarPopup(True)
        self.received_edit.setDisplayFormat("yyyy-MM-dd")
        self.source_combo = fill_combo(QComboBox(), ((label(source), source.value) for source in CaseSource))
        self.source_combo.setObjectName("caseSource")
        self.court_edit = QLineEdit()
        self.court_edit.setObjectName("courtName")
        self.court_edit.setMaxLength(COURT_MAX * 2)
        self.court_number_edit = QLineEdit()
        self.court_number_edit.setObjectName("courtCaseNumber")
        self.court_number_edit.setMaxLength(COURT_NUMBER_MAX * 2)
        self.procedure_combo = fill_combo(QComboBox(), ((label(step), step.value) for step in Procedure))
        self.procedure_combo.setObjectName("procedure")
        self.time_limit_spin = QSpinBox()
        self.time_limit_spin.setObjectName("timeLimitDays")
        self.time_limit_spin.setRange(1, TIME_LIMIT_MAX)
        self.time_limit_spin.setSuffix(self.tr(" days"))
        # The spin box's frame takes 6 pixels of its height (a date edit's 4): room for a whole text line.
        self.time_limit_spin.setMinimumHeight(
            self.time_limit_spin.lineEdit().sizeHint().height() + SPIN_FRAME)
        self.cited_edit = QLineEdit()
        self.cited_edit.setObjectName("citedMatter")
        self.cited_edit.setPlaceholderText(
            self.tr("Number of a notarial matter, e.g. （2026）云昆证字第0001号"))

        content = QWidget()
        self.form = QFormLayout()
        self.labelled(self.form, self.tr("Kind of dispute:"), self.type_combo, "type")
        self.labelled(self.form, self.tr("Kind of patent:"), self.patent_combo, "patent_kind")
        self.labelled(self.form, self.tr("Title:"), self.title_edit, "title")
        self.labelled(self.form, self.tr("Account of the dispute:"), self.summary_edit, "summary")
        self.labelled(self.form, self.tr("Requests:"), self.requests_edit, "requests")
        self.labelled(self.form, self.tr("Amount claimed (yuan):"), self.amount_edit, "amount_claimed")
        self.form.addRow("", self.capitals)
        self.labelled(self.form, self.tr("Date received:"), self.received_edit, "received_on")
        self.labelled(self.form, self.tr("Source:"), self.source_combo, "source")
        self.labelled(self.form, self.tr("Court:"), self.court_edit, "court_name")
        self.labelled(self.form, self.tr("Court case number:"), self.court_number_edit, "court_case_number")
        self.labelled(self.form, self.tr("Procedure:"), self.procedure_combo, "procedure")
        self.labelled(self.form, self.tr("Time limit:"), self.time_limit_spin)
        self.widgets["time_limit_days"] = self.time_limit_spin
        self.time_limit_spin.valueChanged.connect(lambda _value: self.edited(self.time_limit_spin))
        self.labelled(self.form, self.tr("Cited notarial matter:"), self.cited_edit, "cited_matter")
        content_layout = QVBoxLayout(content)
        content_layout.addLayout(self.form)
        content_layout.addStretch(1)
        self.setLayout(framed(content, self.message))
        self.chain_tabs([self.type_combo, self.patent_combo, self.title_edit, self.summary_edit,
                         self.requests_edit, self.amount_edit, self.received_edit, self.source_combo,
                         self.court_edit, self.court_number_edit, self.procedure_combo, self.time_limit_spin,
                         self.cited_edit])
        self._default_limit()
        self._show_rows()

    def _text(self, object_name: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(object_name)
        edit.setTabChangesFocus(True)  # Tab moves on through the form; the keyboard never gets stuck
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * TEXT_ROWS + 12)
        return edit

    # What is shown
    def set_kind(self, kind: MatterKind) -> None:
        self.kind = kind
        self._show_rows()

    def case_type(self) -> CaseType:
        return CaseType(str(self.type_combo.currentData()))

    def source(self) -> CaseSource | None:
        if self.kind is not MatterKind.MEDIATION:
            return None
        return CaseSource(str(self.source_combo.currentData()))

    def procedure(self) -> Procedure | None:
        return Procedure(str(self.procedure_combo.currentData())) \
            if self.source() is CaseSource.COURT_ENTRUSTED else None

    def _show_rows(self) -> None:
        mediation = self.kind is MatterKind.MEDIATION
        source = self.source()
        from_court = source is not None and source.from_court
        self.form.setRowVisible(self.patent_combo, self.case_type() is CaseType.PATENT)
        self.form.setRowVisible(self.source_combo, mediation)
        for widget in (self.court_edit, self.time_limit_spin):
            self.form.setRowVisible(widget, from_court)
        for entrusted in (self.court_number_edit, self.procedure_combo):
            self.form.setRowVisible(entrusted, source is CaseSource.COURT_ENTRUSTED)
        self.form.setRowVisible(self.cited_edit, mediation)
        self._show_capitals()

    def _show_capitals(self) -> None:
        try:
            amount = self._amount()
        except MedisealError:  # an amount being typed: the red line says what is wrong
            amount = None
        self.capitals.setText(amount_words(amount) if amount is not None else "")

    def _default_limit(self) -> None:
        """The time limit the rules give for the source and procedure (2021 Online Mediation Rules
        art. 24)."""
        days = default_time_limit(self.source(), self.procedure())
        if days is not None:
            self.time_limit_spin.blockSignals(True)
            self.time_limit_spin.setValue(days)
            self.time_limit_spin.blockSignals(False)

    def react(self, widget: QWidget) -> None:
        if widget in (self.source_combo, self.procedure_combo):
            self._default_limit()
        self._show_rows()

    # Checking
    def _amount(self) -> Decimal | None:
        text = self.amount_edit.text().strip()
        return parse_amount(text, field="amount_claimed") if text else None

    def _requests(self) -> list[str]:
        return [line for line in self.requests_edit.toPlainText().splitlines() if line.strip()]

    def field_checks(self) -> list[Callable[[], object]]:
        return [lambda: validate_title(self.title_edit.text()), self._amount]

    def build(self) -> CaseDetails:
        source = self.source()
        from_court = source is not None and source.from_court
        mediation = self.kind is MatterKind.MEDIATION
        return case_details(
            self.kind, self.case_type(), self.title_edit.text(), to_date(self.received_edit.date()),
            today=office_today(),
            patent_kind=PatentKind(str(self.patent_combo.currentData()))
            if self.case_type() is CaseType.PATENT else None,
            summary=self.summary_edit.toPlainText(), requests=self._requests(), amount_claimed=self._amount(),
            source=source, court_name=self.court_edit.text() if from_court else "",
            court_case_number=self.court_number_edit.text() if source is CaseSource.COURT_ENTRUSTED else "",
            procedure=self.procedure(), time_limit_days=self.time_limit_spin.value() if from_court else None,
            cited_matter=self.cited_edit.text() if mediation else "")

    def value(self) -> CaseDetails:
        """The details, checked; an error is shown, its field focused, and raised."""
        result = self.checked()
        assert isinstance(result, CaseDetails)
        return result

    def set_value(self, details: CaseDetails) -> None:
        """Fill the form from a case's details (to edit them): nothing counts as edited yet."""
        self.start_filling()
        try:
            select(self.type_combo, details.case_type.value)
            if details.patent_kind is not None:
                select(self.patent_combo, details.patent_kind.value)
            self.title_edit.setText(details.title)
            self.summary_edit.setPlainText(details.summary)
            self.requests_edit.setPlainText("\n".join(details.requests))
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
                self.time_limit_spin.setValue(details.time_limit_days)
            self.cited_edit.setText(details.cited_matter)
            self._show_rows()
        finally:
            self.done_filling()

    def load(self, stored: StoredDetails) -> None:
        """As a record dialog fills it: the details of a stored revision."""
        self.set_value(stored.details)
