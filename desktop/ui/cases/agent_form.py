"""The form of an agent (委托代理人): who they are (lawyer, legal service worker, near relative or staff,
recommended citizen; Civil Procedure Law 2023 art. 61), their firm and practising certificate or their
identity document, and what the power of attorney grants (一般授权 or 特别授权 with its special powers, art.
62) for how long; checked as it is typed, by core's rules. No database here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cases.agents import (
    NOTE_MAX,
    Agent,
    AgentKind,
    Authority,
    SpecialPower,
    agent,
    check_licence_number,
)
from desktop.core.cases.identity import DocumentKind, check_document, check_nationality
from desktop.core.cases.persons import NAME_MAX, check_phone
from desktop.core.text import clean_text
from desktop.ui.cases.checked_form import (
    DOCUMENT_FIELDS,
    CheckedForm,
    document_kinds,
    fill_combo,
    framed,
    select,
    to_date,
)
from desktop.ui.framework.i18n import label

POWER_COLUMNS = 2


class AgentForm(CheckedForm):
    """An agent's facts and authority; ``value()`` gives a checked ``Agent`` or raises ``InvalidInput``,
    ``set_value`` fills the form for an edit, ``changed`` tells of unsaved edits. Firm and certificate show
    for a lawyer or legal service worker only, the special powers under special authority only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("agentForm", parent)
        self.name_edit = self.line("agentName", NAME_MAX)
        self.kind_combo = fill_combo(QComboBox(), ((label(kind), kind.value) for kind in AgentKind))
        self.kind_combo.setObjectName("agentKind")
        self.firm_edit = self.line("firm", NAME_MAX)
        self.licence_edit = self.line("licenceNumber", 40)
        self.document_combo = document_kinds(self.tr("None given"))
        self.document_combo.setObjectName("agentDocumentKind")
        self.number_edit = self.line("agentDocumentNumber", 40)
        self.nationality_edit = self.line("agentNationality", 3)
        self.nationality_edit.setPlaceholderText(self.tr("e.g. USA, JPN, DEU"))
        self.phone_edit = self.line("agentPhone", 40)
        self.authority_combo = fill_combo(QComboBox(), ((label(grant), grant.value) for grant in Authority))
        self.authority_combo.setObjectName("authority")
        self.powers_group = QGroupBox(
            self.tr("Special powers (each must be written in the power of attorney)"))
        self.powers_group.setObjectName("specialPowers")
        self.power_checks: dict[SpecialPower, QCheckBox] = {}
        grid = QGridLayout(self.powers_group)
        for index, power in enumerate(SpecialPower):
            check = QCheckBox(label(power))
            check.setObjectName(f"power-{power.value}")
            self.power_checks[power] = check
            grid.addWidget(check, index // POWER_COLUMNS, index % POWER_COLUMNS)
        today = QDate.currentDate()
        self.valid_from_edit = QDateEdit(today)
        self.valid_from_edit.setObjectName("validFrom")
        self.valid_from_edit.setCalendarPopup(True)
        self.valid_from_edit.setDisplayFormat("yyyy-MM-dd")
        self.open_ended_check = QCheckBox(self.tr("Until the matter ends"))
        self.open_ended_check.setObjectName("untilMatterEnds")
        self.open_ended_check.setChecked(True)
        self.valid_to_edit = QDateEdit(today)
        self.valid_to_edit.setObjectName("validTo")
        self.valid_to_edit.setCalendarPopup(True)
        self.valid_to_edit.setDisplayFormat("yyyy-MM-dd")
        self.valid_to_edit.setEnabled(False)
        self.open_ended_check.toggled.connect(lambda ended: self.valid_to_edit.setEnabled(not ended))
        until = QWidget()
        until_layout = QHBoxLayout(until)
        until_layout.setContentsMargins(0, 0, 0, 0)
        until_layout.addWidget(self.open_ended_check)
        until_layout.addWidget(self.valid_to_edit, 1)
        self.note_edit = self.line("agentNote", NOTE_MAX)

        content = QWidget()
        self.form = QFormLayout()
        self.labelled(self.form, self.tr("Name:"), self.name_edit, "name")
        self.labelled(self.form, self.tr("Kind of agent:"), self.kind_combo, "agent_kind")
        self.labelled(self.form, self.tr("Law firm or legal service office:"), self.firm_edit, "firm")
        self.labelled(self.form, self.tr("Practising certificate number:"), self.licence_edit,
                      "licence_number")
        self.labelled(self.form, self.tr("Identity document:"), self.document_combo, "document")
        self.labelled(self.form, self.tr("Document number:"), self.number_edit, *DOCUMENT_FIELDS)
        self.labelled(self.form, self.tr("Nationality:"), self.nationality_edit, "nationality")
        self.labelled(self.form, self.tr("Phone:"), self.phone_edit, "phone")
        self.labelled(self.form, self.tr("Authority:"), self.authority_combo, "authority")
        self.form.addRow(self.powers_group)
        self.widgets["powers"] = self.powers_group
        for check in self.power_checks.values():
            self.watch(check)
        self.labelled(self.form, self.tr("Valid from:"), self.valid_from_edit, "valid_from")
        self.labelled(self.form, self.tr("Valid until:"), until, buddy=self.open_ended_check)
        self.watch(self.open_ended_check)
        self.watch(self.valid_to_edit, "valid_to")
        self.labelled(self.form, self.tr("Note:"), self.note_edit, "note")
        content_layout = QVBoxLayout(content)
        content_layout.addLayout(self.form)
        content_layout.addStretch(1)
        self.setLayout(framed(content, self.message))
        self.chain_tabs([self.name_edit, self.kind_combo, self.firm_edit, self.licence_edit,
                         self.document_combo, self.number_edit, self.nationality_edit, self.phone_edit,
                         self.authority_combo,
                         *self.power_checks.values(), self.valid_from_edit, self.open_ended_check,
                         self.valid_to_edit, self.note_edit])
        self._show_rows()

    # What is shown
    def kind(self) -> AgentKind:
        return AgentKind(str(self.kind_combo.currentData()))

    def authority(self) -> Authority:
        return Authority(str(self.authority_combo.currentData()))

    def document(self) -> DocumentKind | None:
        code = str(self.document_combo.currentData())
        return DocumentKind(code) if code else None

    def powers(self) -> list[SpecialPower]:
        return [power for power, check in self.power_checks.items() if check.isChecked()]

    def _show_rows(self) -> None:
        licensed = self.kind().licensed
        self.form.setRowVisible(self.firm_edit, licensed)
        self.form.setRowVisible(self.licence_edit, licensed)
        document = self.document()
        self.form.setRowVisible(self.number_edit, document is not None)
        self.form.setRowVisible(self.nationality_edit, document is DocumentKind.PASSPORT)
        self.form.setRowVisible(self.powers_group, self.authority() is Authority.SPECIAL)

    def react(self, widget: QWidget) -> None:
        # Edits that bear on another field's check: complain about that one too.
        if widget is self.authority_combo or widget in self.power_checks.values():
            self.touched.add(id(self.powers_group))
        if widget in (self.valid_from_edit, self.open_ended_check):
            self.touched.add(id(self.valid_to_edit))
        self._show_rows()

    # Checking
    def field_checks(self) -> list[Callable[[], object]]:
        checks: list[Callable[[], object]] = [
            lambda: clean_text(self.name_edit.text(), "name", NAME_MAX, required=True)]
        kind = self.kind()
        if kind.licensed:
            checks += [lambda: clean_text(self.firm_edit.text(), "firm", NAME_MAX, required=True),
                       lambda: check_licence_number(self.licence_edit.text(), kind)]
        document = self.document()
        if document is DocumentKind.PASSPORT:
            checks.append(lambda: check_nationality(self.nationality_edit.text()))
        if document is not None:
            checks.append(lambda: check_document(document, self.number_edit.text(),
                                                 self.nationality_edit.text()))
        checks += [lambda: check_phone(self.phone_edit.text()),
                   lambda: clean_text(self.note_edit.text(), "note", NOTE_MAX)]
        return checks

    def _valid_to(self) -> date | None:
        return None if self.open_ended_check.isChecked() else to_date(self.valid_to_edit.date())

    def build(self) -> Agent:
        # Hidden rows keep what was typed (switching back brings it back) but do not count.
        licensed = self.kind().licensed
        document = self.document()
        special = self.authority() is Authority.SPECIAL
        return agent(self.name_edit.text(), self.kind(), self.authority(),
                     to_date(self.valid_from_edit.date()),
                     powers=self.powers() if special else (), document=document,
                     document_number=self.number_edit.text() if document is not None else "",
                     nationality=self.nationality_edit.text() if document is DocumentKind.PASSPORT else "",
                     firm=self.firm_edit.text() if licensed else "",
                     licence_number=self.licence_edit.text() if licensed else "",
                     phone=self.phone_edit.text(),
                     valid_to=self._valid_to(), note=self.note_edit.text())

    def value(self) -> Agent:
        """The agent, checked; an error is shown, its field focused, and raised."""
        result = self.checked()
        assert isinstance(result, Agent)
        return result

    def set_value(self, value: Agent) -> None:
        """Fill the form from a stored agent (to edit it): nothing counts as edited yet."""
        self.start_filling()
        try:
            self.name_edit.setText(value.name)
            select(self.kind_combo, value.kind.value)
            self.firm_edit.setText(value.firm)
            self.licence_edit.setText(value.licence_number)
            select(self.document_combo, value.document.value if value.document is not None else "")
            self.number_edit.setText(value.document_number)
            self.nationality_edit.setText(value.nationality)
            self.phone_edit.setText(value.phone)
            select(self.authority_combo, value.authority.value)
            for power, check in self.power_checks.items():
                check.setChecked(power in value.powers)
            self.valid_from_edit.setDate(QDate(value.valid_from.year, value.valid_from.month,
                                               value.valid_from.day))
            self.open_ended_check.setChecked(value.valid_to is None)
            if value.valid_to is not None:
                self.valid_to_edit.setDate(QDate(value.valid_to.year, value.valid_to.month,
                                                 value.valid_to.day))
            self.note_edit.setText(value.note)
            self._show_rows()
        finally:
            self.done_filling()
