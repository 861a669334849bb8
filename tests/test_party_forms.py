"""The party and agent forms on real widgets, in Chinese: an identity number typed fills the birth date and
sex, a wrong one is marked with one red line saying what is wrong; the rows follow the kind of party, the
document and the authority; values round-trip through value()/set_value(); edits say so (``changed``);
labels lead the keyboard to their fields, and the forms fit a dialog at 1024×700."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.cases.agents import AgentKind, Authority, SpecialPower, agent, service_address
from desktop.core.cases.identity import DocumentKind, Origin
from desktop.core.cases.persons import Organisation, Person, Sex, organisation, person
from desktop.core.errors import InvalidInput
from desktop.ui.cases.agent_form import AgentForm
from desktop.ui.cases.checked_form import INVALID
from desktop.ui.cases.party_form import FOREIGN_ORGANISATION, ORGANISATION, PartyForm
from desktop.ui.framework.i18n import install_translator, remove_translators
from tests.qt_helpers import type_text

ID_NUMBER = "11010519491231002X"  # GB 11643's example: born 31 December 1949, a woman
LICENCE = "15301201910123456"


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    locale = QLocale()
    assert install_translator(qapp, "zh_CN") is not None
    yield
    remove_translators(qapp, locale)


@pytest.fixture
def party_form(qtbot: QtBot, chinese: None) -> PartyForm:
    form = PartyForm()
    qtbot.addWidget(form)
    form.resize(700, 650)
    form.show()
    qtbot.waitExposed(form)
    return form


@pytest.fixture
def agent_form(qtbot: QtBot, chinese: None) -> AgentForm:
    form = AgentForm()
    qtbot.addWidget(form)
    form.resize(700, 650)
    form.show()
    qtbot.waitExposed(form)
    return form


def _choose(qtbot: QtBot, combo: object, data: str) -> None:
    """Pick an entry of a combo box with the keyboard, as a user would (activated is emitted)."""
    from PySide6.QtWidgets import QComboBox

    assert isinstance(combo, QComboBox)
    target = combo.findData(data)
    assert target >= 0, data
    combo.setFocus()
    while combo.currentIndex() != target:
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        QTest.keyClick(combo, key)


def _marked(widget: QWidget) -> bool:
    return bool(widget.property(INVALID))


def _row_shown(form: PartyForm | AgentForm, widget: QWidget) -> bool:
    return widget.isVisibleTo(form)


def test_a_typed_identity_number_fills_birth_date_and_sex(qtbot: QtBot, party_form: PartyForm) -> None:
    form = party_form
    edits: list[None] = []
    form.changed.connect(lambda: edits.append(None))
    type_text(form.name_edit, "张丽")
    QTest.keyClicks(form.number_edit, ID_NUMBER[:10])
    assert form.message.text() == "身份证号码应为 18 位，现为 10 位。"  # said while typing, in Chinese
    assert _marked(form.number_edit) and not _marked(form.name_edit)
    assert form.birth_edit.value() is None
    QTest.keyClicks(form.number_edit, ID_NUMBER[10:])
    assert form.birth_edit.value() == date(1949, 12, 31)
    assert form.sex_combo.currentData() == Sex.FEMALE.value
    assert form.message.text() == "" and not _marked(form.number_edit)
    assert form.value().party == person("张丽", Sex.FEMALE, None, DocumentKind.RESIDENT_ID, ID_NUMBER)
    assert len(edits) >= len(ID_NUMBER)  # each key typed is an unsaved edit
    # A slipped check digit: the field is marked and one line says which position and what it should be.
    QTest.keyClick(form.number_edit, Qt.Key.Key_Backspace)
    QTest.keyClicks(form.number_edit, "1")
    assert _marked(form.number_edit)
    assert "第 18 位" in form.message.text() and "“X”" in form.message.text(), form.message.text()
    assert form.message.styleSheet() == "color: #b00020"
    with pytest.raises(InvalidInput):
        form.value()
    assert form.number_edit.hasFocus()


def test_an_empty_form_is_quiet_until_its_value_is_asked_for(qtbot: QtBot, party_form: PartyForm) -> None:
    form = party_form
    QTest.keyClicks(form.phone_edit, "12345")
    assert _marked(form.phone_edit) and "不是电话号码" in form.message.text()  # not hidden by the empty name
    form.phone_edit.clear()
    QTest.keyClicks(form.phone_edit, "13808712345")
    assert form.message.text() == ""  # the name is required, but nobody has typed there yet
    with pytest.raises(InvalidInput) as refused:
        form.value()
    assert refused.value.fields["field"] == "name"
    assert form.message.text() == "“名称”为必填项。" and _marked(form.name_edit) and form.name_edit.hasFocus()


def test_the_rows_follow_the_kind_of_party_and_document(qtbot: QtBot, party_form: PartyForm) -> None:
    form = party_form
    assert _row_shown(form, form.sex_combo) and not _row_shown(form, form.credit_code_edit)
    assert not _row_shown(form, form.nationality_edit)
    _choose(qtbot, form.document_combo, DocumentKind.PASSPORT.value)
    assert _row_shown(form, form.nationality_edit)
    type_text(form.name_edit, "John Smith")
    QTest.keyClicks(form.number_edit, "533380006")
    QTest.keyClicks(form.nationality_edit, "usa")
    assert not form.ethnicity_combo.isEnabled()  # GB/T 3304 groups are for Chinese citizens
    _choose(qtbot, form.sex_combo, Sex.MALE.value)
    form.birth_edit.set_value(date(1970, 1, 2))
    passport = form.value().party
    assert isinstance(passport, Person) and (passport.origin, passport.nationality) == (Origin.FOREIGN, "USA")

    _choose(qtbot, form.kind_combo, ORGANISATION)
    assert form.name_label.text() == "名称："
    assert _row_shown(form, form.credit_code_edit) and _row_shown(form, form.representative_edit)
    assert not _row_shown(form, form.sex_combo) and not _row_shown(form, form.country_edit)
    form.name_edit.clear()
    type_text(form.name_edit, "云南某某食品有限公司")
    QTest.keyClicks(form.credit_code_edit, "91330100799655068B")
    assert _marked(form.credit_code_edit) and "GB 11714" in form.message.text()
    form.credit_code_edit.clear()
    QTest.keyClicks(form.credit_code_edit, "91330100799655058b")
    type_text(form.representative_edit, "王强")
    assert form.message.text() == ""
    company = form.value().party
    assert company == organisation("云南某某食品有限公司", credit_code="91330100799655058B",
                                   representative="王强")

    _choose(qtbot, form.kind_combo, FOREIGN_ORGANISATION)
    assert _row_shown(form, form.registration_edit) and _row_shown(form, form.country_edit)
    assert not _row_shown(form, form.credit_code_edit)
    QTest.keyClicks(form.country_edit, "CHN")
    assert _marked(form.country_edit) and "不能是中国" in form.message.text()
    form.country_edit.clear()
    QTest.keyClicks(form.country_edit, "DEU")
    QTest.keyClicks(form.registration_edit, "HRB 12345")
    foreign = form.value().party
    assert isinstance(foreign, Organisation) and (foreign.origin, foreign.country) == (Origin.FOREIGN, "DEU")


def test_a_party_round_trips_with_its_service_address(qtbot: QtBot, party_form: PartyForm) -> None:
    form = party_form
    edits: list[None] = []
    form.changed.connect(lambda: edits.append(None))
    given = person("陈大文", Sex.MALE, date(1980, 5, 1), DocumentKind.HK_MACAO_PERMIT, "H12345678",
                   occupation="商人", address="香港九龙", phone="+85291234567")
    service = service_address("云南省昆明市五华区某某路1号", recipient="陈大文", postcode="650031",
                              email="chan@example.hk", electronic_consent=True)
    form.set_value(given, service)
    assert edits == [] and form.message.text() == ""  # filling is not an edit
    assert form.value().party == given and form.value().service == service
    QTest.keyClicks(form.postcode_edit, "9")
    assert len(edits) == 1 and _marked(form.postcode_edit) and "邮政编码应为 6 位数字" in form.message.text()
    company = organisation("Example Foods GmbH", registration_number="HRB 12345", country="DEU",
                           representative="Anna Müller")
    form.set_value(company, None)
    assert form.kind() == FOREIGN_ORGANISATION and form.value().party == company
    assert form.value().service is None and not form.service_group.isChecked()
    assert not _marked(form.postcode_edit)
    form.service_group.setChecked(True)
    with pytest.raises(InvalidInput) as refused:
        form.value()
    assert refused.value.fields["field"] == "service_address"
    assert form.message.text() == "“送达地址”为必填项。"


def test_a_lawyer_with_special_powers_round_trips(qtbot: QtBot, agent_form: AgentForm) -> None:
    form = agent_form
    assert _row_shown(form, form.firm_edit) and not _row_shown(form, form.powers_group)  # a lawyer, general
    type_text(form.name_edit, "王律师")
    type_text(form.firm_edit, "云南某某律师事务所")
    QTest.keyClicks(form.licence_edit, LICENCE[:-1])
    assert _marked(form.licence_edit) and "17 位数字" in form.message.text()
    QTest.keyClicks(form.licence_edit, LICENCE[-1])
    _choose(qtbot, form.authority_combo, Authority.SPECIAL.value)
    assert _row_shown(form, form.powers_group)
    assert _marked(form.powers_group) and form.message.text() == "特别授权须至少写明一项特别授权事项。"
    for power in (SpecialPower.ADMIT_WAIVE_CHANGE_CLAIMS, SpecialPower.SIGN_AGREEMENT):
        form.power_checks[power].setFocus()
        QTest.keyClick(form.power_checks[power], Qt.Key.Key_Space)
    assert form.message.text() == ""
    assert form.power_checks[SpecialPower.SETTLE].text() == "进行和解"
    lawyer = form.value()
    assert (lawyer.kind, lawyer.authority, lawyer.licence_number) == (AgentKind.LAWYER, Authority.SPECIAL,
                                                                      LICENCE)
    assert lawyer.powers == (SpecialPower.ADMIT_WAIVE_CHANGE_CLAIMS, SpecialPower.SIGN_AGREEMENT)
    assert lawyer.valid_to is None and lawyer.document is None

    other = AgentForm()
    qtbot.addWidget(other)
    edits: list[None] = []
    other.changed.connect(lambda: edits.append(None))
    other.set_value(lawyer)
    assert other.value() == lawyer and edits == []
    dated = agent("王律师", AgentKind.LAWYER, Authority.SPECIAL, date(2026, 3, 1), powers=list(SpecialPower),
                  firm="云南某某律师事务所", licence_number=LICENCE, document=DocumentKind.RESIDENT_ID,
                  document_number=ID_NUMBER, phone="13908712345", valid_to=date(2026, 12, 31),
                  note="见授权委托书")
    other.set_value(dated)
    assert other.value() == dated


def test_agent_rows_follow_kind_document_and_dates(qtbot: QtBot, agent_form: AgentForm) -> None:
    form = agent_form
    type_text(form.name_edit, "张伟")
    _choose(qtbot, form.kind_combo, AgentKind.RELATIVE_OR_STAFF.value)
    assert not _row_shown(form, form.firm_edit) and not _row_shown(form, form.licence_edit)
    assert not _row_shown(form, form.number_edit)
    with pytest.raises(InvalidInput) as refused:
        form.value()  # a relative shows an identity document (SPC Interpretation art. 88)
    assert refused.value.fields["field"] == "document" and _marked(form.document_combo)
    _choose(qtbot, form.document_combo, DocumentKind.PASSPORT.value)
    assert _row_shown(form, form.number_edit) and _row_shown(form, form.nationality_edit)
    _choose(qtbot, form.document_combo, DocumentKind.TAIWAN_PERMIT.value)
    assert not _row_shown(form, form.nationality_edit)
    QTest.keyClicks(form.number_edit, "1234567")
    assert _marked(form.number_edit) and "8 位数字" in form.message.text()
    QTest.keyClicks(form.number_edit, "8")
    form.open_ended_check.setFocus()
    QTest.keyClick(form.open_ended_check, Qt.Key.Key_Space)
    assert form.valid_to_edit.isEnabled()
    form.valid_to_edit.setDate(form.valid_from_edit.date().addDays(-1))
    assert _marked(form.valid_to_edit) and "不能早于起始日期" in form.message.text()
    form.valid_to_edit.setDate(form.valid_from_edit.date().addDays(30))
    relative = form.value()
    assert (relative.kind, relative.document, relative.document_number, relative.firm) == (
        AgentKind.RELATIVE_OR_STAFF, DocumentKind.TAIWAN_PERMIT, "12345678", "")


def test_agent_labels_lead_the_keyboard(qtbot: QtBot, agent_form: AgentForm) -> None:
    labels = [row_label for row_label in agent_form.findChildren(QLabel) if row_label.text().endswith("：")]
    assert len(labels) >= 12 and all(row_label.buddy() is not None for row_label in labels)


def test_labels_lead_the_keyboard_and_tabs_go_down_the_form(qtbot: QtBot, party_form: PartyForm) -> None:
    form = party_form
    labels = [row_label for row_label in form.findChildren(QLabel) if row_label.text().endswith("：")]
    assert len(labels) >= 20 and all(row_label.buddy() is not None for row_label in labels)
    form.activateWindow()
    form.kind_combo.setFocus()
    order = [form.kind_combo]
    for _ in range(5):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    birth_line = form.birth_edit.findChild(QWidget)  # the date edit's own line takes the focus
    assert order[1:5] == [form.name_edit, form.document_combo, form.number_edit, form.sex_combo]
    assert order[5] in (form.ethnicity_combo, birth_line)


def test_the_forms_fit_a_dialog_at_1024_by_700(qtbot: QtBot, chinese: None) -> None:
    for form in (PartyForm(), AgentForm()):
        dialog = QDialog()
        qtbot.addWidget(dialog)
        QVBoxLayout(dialog).addWidget(form)
        hint = dialog.minimumSizeHint()
        assert hint.width() <= 1024 and hint.height() <= 700, hint
        dialog.resize(1024, 700)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert form.message.isVisible() or form.message.text() == ""
