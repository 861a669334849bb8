"""The form of a party (当事人): a natural person with an identity document, a Chinese organisation with its
unified social credit code, or a foreign organisation, and the party's service address (送达地址确认);
checked as it is typed, by core's rules. No database here: the case workspace's dialog saves the value."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cases.agents import ServiceAddress, check_email, check_postcode, service_address
from desktop.core.cases.identity import (
    CHINA,
    DocumentKind,
    Origin,
    check_credit_code,
    check_document,
    check_nationality,
    check_resident_id,
    normalized_number,
)
from desktop.core.cases.persons import (
    ETHNIC_GROUPS,
    NAME_MAX,
    REGISTRATION_MAX,
    TEXT_MAX,
    Organisation,
    Person,
    Sex,
    check_phone,
    organisation,
    person,
)
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput
from desktop.core.text import clean_text
from desktop.ui.cases.checked_form import (
    DOCUMENT_FIELDS,
    CheckedForm,
    OptionalDate,
    document_kinds,
    fill_combo,
    framed,
    required,
    select,
)
from desktop.ui.framework.i18n import label

PERSON = "person"
ORGANISATION = "organisation"
FOREIGN_ORGANISATION = "foreign-organisation"
FOREIGN_CARD_PREFIX = "9"  # the foreign permanent-resident identity card (2023) starts with 9
NOT_CHINA = QT_TRANSLATE_NOOP("errors", "A foreign organisation's country cannot be China (CHN): enter a "
                                        "Chinese organisation with its unified social credit code.")


@dataclass(frozen=True, slots=True)
class PartyEntry:
    """What the party form gives: the party, and its service address when one is confirmed."""

    party: Person | Organisation
    service: ServiceAddress | None


class PartyForm(CheckedForm):
    """A party's facts and service address; ``value()`` gives a checked ``PartyEntry`` or raises
    ``InvalidInput``, ``set_value`` fills the form for an edit, ``changed`` tells of unsaved edits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("partyForm", parent)
        self.kind_combo = fill_combo(QComboBox(), (
            (self.tr("Natural person"), PERSON), (self.tr("Organisation"), ORGANISATION),
            (self.tr("Foreign organisation"), FOREIGN_ORGANISATION)))
        self.kind_combo.setObjectName("partyKind")
        self.name_edit = self.line("partyName", NAME_MAX)
        # A natural person
        self.document_combo = document_kinds()
        self.document_combo.setObjectName("documentKind")
        self.number_edit = self.line("documentNumber", 40)
        self.nationality_edit = self.line("nationality", 3)
        self.nationality_edit.setPlaceholderText(self.tr("e.g. USA, JPN, DEU"))
        self.sex_combo = fill_combo(QComboBox(), ((label(sex), sex.value) for sex in Sex))
        self.sex_combo.setObjectName("sex")
        self.sex_combo.setCurrentIndex(-1)
        groups = [("", ""), *((group, group) for group in ETHNIC_GROUPS)]
        self.ethnicity_combo = fill_combo(QComboBox(), groups)
        self.ethnicity_combo.setObjectName("ethnicity")
        self.ethnicity_combo.setMaxVisibleItems(15)
        self.birth_edit = OptionalDate()
        self.birth_edit.setObjectName("birthDate")
        self.occupation_edit = self.line("occupation", TEXT_MAX)
        self.address_edit = self.line("address", TEXT_MAX)
        # An organisation
        self.credit_code_edit = self.line("creditCode", 40)
        self.registration_edit = self.line("registrationNumber", REGISTRATION_MAX)
        self.country_edit = self.line("country", 3)
        self.country_edit.setPlaceholderText(self.tr("e.g. USA, JPN, DEU"))
        self.domicile_edit = self.line("domicile", TEXT_MAX)
        self.representative_edit = self.line("representative", NAME_MAX)
        self.post_edit = self.line("representativePost", TEXT_MAX)
        self.phone_edit = self.line("phone", 40)
        # The service address
        self.service_group = QGroupBox(self.tr("Service address (confirmed by the party)"))
        self.service_group.setObjectName("serviceAddress")
        self.service_group.setCheckable(True)
        self.service_group.setChecked(False)
        self.service_address_edit = self.line("serviceAddressLine", TEXT_MAX)
        self.recipient_edit = self.line("recipient", NAME_MAX)
        self.service_phone_edit = self.line("servicePhone", 40)
        self.postcode_edit = self.line("postcode", 6)
        self.email_edit = self.line("email", 254)
        self.consent_check = QCheckBox(self.tr("Agrees to electronic service"))
        self.consent_check.setObjectName("electronicConsent")

        content = QWidget()
        self.form = QFormLayout()
        self.labelled(self.form, self.tr("Kind of party:"), self.kind_combo)
        self.name_label = self.labelled(self.form, self.tr("Name:"), self.name_edit, "name")
        self.labelled(self.form, self.tr("Identity document:"), self.document_combo)
        self.labelled(self.form, self.tr("Document number:"), self.number_edit, *DOCUMENT_FIELDS)
        self.labelled(self.form, self.tr("Nationality:"), self.nationality_edit, "nationality")
        self.labelled(self.form, self.tr("Sex:"), self.sex_combo, "sex")
        self.labelled(self.form, self.tr("Ethnic group:"), self.ethnicity_combo, "ethnicity")
        self.labelled(self.form, self.tr("Date of birth:"), self.birth_edit, "birth_date")
        self.labelled(self.form, self.tr("Occupation or post:"), self.occupation_edit, "occupation")
        self.labelled(self.form, self.tr("Address or work unit:"), self.address_edit, "address")
        self.labelled(self.form, self.tr("Unified social credit code:"), self.credit_code_edit,
                      "unified social credit code")
        self.labelled(self.form, self.tr("Registration number:"), self.registration_edit,
                      "registration_number")
        self.labelled(self.form, self.tr("Country:"), self.country_edit, "country")
        self.labelled(self.form, self.tr("Domicile:"), self.domicile_edit, "domicile")
        self.labelled(self.form, self.tr("Legal representative or person in charge:"),
                      self.representative_edit, "representative")
        self.labelled(self.form, self.tr("Post:"), self.post_edit, "representative_post")
        self.labelled(self.form, self.tr("Phone:"), self.phone_edit, "phone")
        service_form = QFormLayout(self.service_group)
        self.labelled(service_form, self.tr("Address:"), self.service_address_edit, "service_address")
        self.labelled(service_form, self.tr("Recipient:"), self.recipient_edit, "recipient")
        self.labelled(service_form, self.tr("Phone:"), self.service_phone_edit, "service_phone")
        self.labelled(service_form, self.tr("Postcode:"), self.postcode_edit, "postcode")
        self.labelled(service_form, self.tr("E-mail:"), self.email_edit, "email")
        service_form.addRow(self.consent_check)
        self.watch(self.consent_check)
        self.watch(self.service_group)
        self.watch(self.kind_combo)
        self.watch(self.document_combo)
        content_layout = QVBoxLayout(content)
        content_layout.addLayout(self.form)
        content_layout.addWidget(self.service_group)
        content_layout.addStretch(1)
        self.setLayout(framed(content, self.message))
        self.chain_tabs([self.kind_combo, self.name_edit, self.document_combo, self.number_edit,
                         self.nationality_edit, self.sex_combo, self.ethnicity_combo, self.birth_edit,
                         self.occupation_edit, self.address_edit, self.credit_code_edit,
                         self.registration_edit, self.country_edit, self.domicile_edit,
                         self.representative_edit, self.post_edit,
                         self.phone_edit, self.service_group, self.service_address_edit, self.recipient_edit,
                         self.service_phone_edit, self.postcode_edit, self.email_edit, self.consent_check])
        self._show_rows()

    # What is shown
    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def set_kind(self, kind: str) -> None:
        select(self.kind_combo, kind)
        self._show_rows()

    def document(self) -> DocumentKind:
        return DocumentKind(str(self.document_combo.currentData()))

    def _foreign_card(self) -> bool:
        return self.document() is DocumentKind.RESIDENT_ID and \
            normalized_number(self.number_edit.text()).startswith(FOREIGN_CARD_PREFIX)

    def _foreign_person(self) -> bool:
        if self.document() is DocumentKind.PASSPORT:
            return normalized_number(self.nationality_edit.text()) not in ("", CHINA)
        return self._foreign_card()

    def _show_rows(self) -> None:
        kind = self.kind()
        natural = kind == PERSON
        self.name_label.setText(self.tr("Name:") if natural else self.tr("Name of the organisation:"))
        for widget in (self.document_combo, self.number_edit, self.sex_combo, self.ethnicity_combo,
                       self.birth_edit, self.occupation_edit, self.address_edit):
            self.form.setRowVisible(widget, natural)
        self.form.setRowVisible(self.nationality_edit, natural and (
            self.document() is DocumentKind.PASSPORT or self._foreign_card()))
        self.form.setRowVisible(self.credit_code_edit, kind == ORGANISATION)
        for widget in (self.registration_edit, self.country_edit):
            self.form.setRowVisible(widget, kind == FOREIGN_ORGANISATION)
        for widget in (self.domicile_edit, self.representative_edit, self.post_edit):
            self.form.setRowVisible(widget, not natural)
        foreign = self._foreign_person()
        if foreign:
            self.ethnicity_combo.setCurrentIndex(0)
        self.ethnicity_combo.setEnabled(not foreign)  # GB/T 3304 groups are for Chinese citizens

    def react(self, widget: QWidget) -> None:
        if widget is self.number_edit and self.document() is DocumentKind.RESIDENT_ID:
            self._read_identity_number()
        self._show_rows()

    def _read_identity_number(self) -> None:
        """An 18-character identity number says the birth date and sex (GB 11643): fill them in."""
        try:
            resident = check_resident_id(self.number_edit.text())
        except InvalidInput:
            return
        self.birth_edit.set_value(resident.birth_date)
        select(self.sex_combo, (Sex.MALE if resident.male else Sex.FEMALE).value)

    # Checking
    def field_checks(self) -> list[Callable[[], object]]:
        checks: list[Callable[[], object]] = [
            lambda: clean_text(self.name_edit.text(), "name", NAME_MAX, required=True)]
        kind = self.kind()
        if kind == PERSON:
            if self.nationality_edit.isVisibleTo(self):
                checks.append(lambda: check_nationality(self.nationality_edit.text()))
            checks += [
                lambda: check_document(self.document(), self.number_edit.text(),
                                       self.nationality_edit.text()),
                lambda: clean_text(self.occupation_edit.text(), "occupation", TEXT_MAX),
                lambda: clean_text(self.address_edit.text(), "address", TEXT_MAX)]
        else:
            if kind == ORGANISATION:
                checks.append(lambda: check_credit_code(self.credit_code_edit.text()))
            else:
                checks += [
                    lambda: clean_text(self.registration_edit.text(), "registration_number", REGISTRATION_MAX,
                                       required=True),
                    self._foreign_country]
            checks += [lambda: clean_text(self.domicile_edit.text(), "domicile", TEXT_MAX),
                       lambda: clean_text(self.representative_edit.text(), "representative", NAME_MAX,
                                          required=True),
                       lambda: clean_text(self.post_edit.text(), "representative_post", TEXT_MAX)]
        checks.append(lambda: check_phone(self.phone_edit.text()))
        if self.service_group.isChecked():
            checks += [
                lambda: clean_text(self.service_address_edit.text(), "service_address", TEXT_MAX,
                                   required=True),
                lambda: clean_text(self.recipient_edit.text(), "recipient", NAME_MAX),
                lambda: check_phone(self.service_phone_edit.text(), field="service_phone"),
                lambda: check_postcode(self.postcode_edit.text()),
                lambda: check_email(self.email_edit.text())]
        return checks

    def _foreign_country(self) -> str:
        country = check_nationality(self.country_edit.text(), field="country")
        if country == CHINA:
            raise InvalidInput(NOT_CHINA, field="country")
        return country

    def _party(self) -> Person | Organisation:
        kind = self.kind()
        if kind == PERSON:
            if self.sex_combo.currentIndex() < 0:
                raise required("sex")
            return person(self.name_edit.text(), Sex(str(self.sex_combo.currentData())),
                          self.birth_edit.value(), self.document(), self.number_edit.text(),
                          nationality=self.nationality_edit.text() or CHINA,
                          ethnicity=str(self.ethnicity_combo.currentData()),
                          occupation=self.occupation_edit.text(), address=self.address_edit.text(),
                          phone=self.phone_edit.text())
        if kind == ORGANISATION:
            return organisation(self.name_edit.text(), credit_code=self.credit_code_edit.text(),
                                domicile=self.domicile_edit.text(),
                                representative=self.representative_edit.text(),
                                representative_post=self.post_edit.text(), phone=self.phone_edit.text())
        return organisation(self.name_edit.text(), registration_number=self.registration_edit.text(),
                            country=self._foreign_country(), domicile=self.domicile_edit.text(),
                            representative=self.representative_edit.text(),
                            representative_post=self.post_edit.text(), phone=self.phone_edit.text())

    def _service(self) -> ServiceAddress | None:
        if not self.service_group.isChecked():
            return None
        return service_address(self.service_address_edit.text(), recipient=self.recipient_edit.text(),
                               phone=self.service_phone_edit.text(), postcode=self.postcode_edit.text(),
                               email=self.email_edit.text(),
                               electronic_consent=self.consent_check.isChecked())

    def build(self) -> PartyEntry:
        return PartyEntry(self._party(), self._service())

    def value(self) -> PartyEntry:
        """The party and its service address, checked; an error is shown, its field focused, and raised."""
        entry = self.checked()
        assert isinstance(entry, PartyEntry)
        return entry

    def set_value(self, party: Person | Organisation, service: ServiceAddress | None = None) -> None:
        """Fill the form from a stored party (to edit it): nothing counts as edited yet."""
        self.start_filling()
        try:
            self._fill(party, service)
        finally:
            self.done_filling()

    def _fill(self, party: Person | Organisation, service: ServiceAddress | None) -> None:
        self.name_edit.setText(party.name)
        self.phone_edit.setText(party.phone)
        if isinstance(party, Person):
            self.set_kind(PERSON)
            select(self.document_combo, party.document.value)
            self.number_edit.setText(party.document_number)
            passport_or_card = party.document is DocumentKind.PASSPORT or party.origin is Origin.FOREIGN
            self.nationality_edit.setText(party.nationality if passport_or_card else "")
            select(self.sex_combo, party.sex.value)
            select(self.ethnicity_combo, party.ethnicity)
            self.birth_edit.set_value(party.birth_date)
            self.occupation_edit.setText(party.occupation)
            self.address_edit.setText(party.address)
        else:
            self.set_kind(FOREIGN_ORGANISATION if party.origin is Origin.FOREIGN else ORGANISATION)
            self.credit_code_edit.setText(party.credit_code)
            self.registration_edit.setText(party.registration_number)
            self.country_edit.setText(party.country if party.origin is Origin.FOREIGN else "")
            self.domicile_edit.setText(party.domicile)
            self.representative_edit.setText(party.representative)
            self.post_edit.setText(party.representative_post)
        self.service_group.setChecked(service is not None)
        given = service or ServiceAddress("")
        self.service_address_edit.setText(given.address)
        self.recipient_edit.setText(given.recipient)
        self.service_phone_edit.setText(given.phone)
        self.postcode_edit.setText(given.postcode)
        self.email_edit.setText(given.email)
        self.consent_check.setChecked(given.electronic_consent)
        self._show_rows()
