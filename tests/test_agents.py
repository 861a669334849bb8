"""Agents (委托代理人) and service addresses (送达地址确认书), checked before they are stored: who may act
(Civil Procedure Law 2023 art. 61), what each kind shows (SPC Interpretation art. 88), special powers only
under special authority (art. 62), the period of validity, postcodes, e-mail, electronic service; each
refusal names its field."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.cases.agents import (
    Agent,
    AgentKind,
    Authority,
    ServiceAddress,
    SpecialPower,
    agent,
    check_email,
    check_licence_number,
    check_postcode,
    service_address,
)
from desktop.core.cases.identity import DocumentKind
from desktop.core.errors import InvalidInput
from desktop.core.fields import Field

TODAY = date(2026, 11, 26)
ID_NUMBER = "11010519491231002X"
LICENCE = "15301201910123456"  # 17 digits, as a lawyer's practising certificate
FROM = date(2026, 3, 1)


def _refused(field: str, call: object, *args: object, **kwargs: object) -> str:
    with pytest.raises(InvalidInput) as raised:
        call(*args, **kwargs)  # type: ignore[operator]
    assert raised.value.fields.get("field") == field, raised.value.message
    Field(field)  # every field named is one the window can name
    return raised.value.message


def test_a_lawyer_with_special_authority() -> None:
    lawyer = agent(" 王律师 ", "lawyer", "special", FROM, firm="云南某某律师事务所",
                   licence_number="1530 1201 9101 23456", phone="0871-65123456",
                   powers=["settle", SpecialPower.ADMIT_WAIVE_CHANGE_CLAIMS, "settle"],
                   valid_to=date(2026, 12, 31), note="授权委托书一份", today=TODAY)
    assert lawyer == Agent("王律师", AgentKind.LAWYER, Authority.SPECIAL, FROM,
                           (SpecialPower.ADMIT_WAIVE_CHANGE_CLAIMS, SpecialPower.SETTLE), None, "", "",
                           "云南某某律师事务所", LICENCE, "087165123456", date(2026, 12, 31),
                           "授权委托书一份")
    with_card = agent("王律师", AgentKind.LAWYER, Authority.GENERAL, FROM, firm="云南某某律师事务所",
                      licence_number=LICENCE, document=DocumentKind.RESIDENT_ID, document_number=ID_NUMBER,
                      today=TODAY)
    assert (with_card.document, with_card.document_number, with_card.powers) == (
        DocumentKind.RESIDENT_ID, ID_NUMBER, ())


def test_each_kind_of_agent_shows_what_the_law_asks() -> None:
    worker = agent("李明", AgentKind.LEGAL_SERVICE_WORKER, Authority.GENERAL, FROM,
                   firm="五华区某某法律服务所", licence_number="25301150012345", today=TODAY)
    assert worker.licence_number == "25301150012345" and worker.document is None
    relative = agent("张伟", AgentKind.RELATIVE_OR_STAFF, Authority.GENERAL, FROM,
                     document=DocumentKind.HK_MACAO_PERMIT, document_number="h12345678", today=TODAY)
    assert (relative.document_number, relative.nationality) == ("H12345678", "")
    citizen = agent("Tom Lee", AgentKind.RECOMMENDED_CITIZEN, Authority.SPECIAL, FROM,
                    document="passport", document_number="533380006", nationality="usa",
                    powers=list(SpecialPower), today=TODAY)
    assert citizen.nationality == "USA" and citizen.powers == tuple(SpecialPower)
    taiwan = agent("林志明", AgentKind.RELATIVE_OR_STAFF, Authority.GENERAL, FROM,
                   document=DocumentKind.TAIWAN_PERMIT, document_number="12345678", today=TODAY)
    assert taiwan.document is DocumentKind.TAIWAN_PERMIT
    assert [kind.licensed for kind in AgentKind] == [True, True, False, False]


def test_agent_refusals_name_their_field() -> None:
    assert "17 digits" in _refused("licence_number", agent, "王律师", AgentKind.LAWYER, Authority.GENERAL,
                                   FROM, firm="某律师事务所", licence_number="1530120191012345")
    _refused("licence_number", agent, "王律师", AgentKind.LAWYER, Authority.GENERAL, FROM, firm="某所")
    _refused("firm", agent, "王律师", AgentKind.LAWYER, Authority.GENERAL, FROM, licence_number=LICENCE)
    _refused("firm", agent, "张伟", AgentKind.RELATIVE_OR_STAFF, Authority.GENERAL, FROM, firm="某所",
             document=DocumentKind.RESIDENT_ID, document_number=ID_NUMBER)
    assert "identity document" in _refused("document", agent, "张伟", AgentKind.RELATIVE_OR_STAFF,
                                           Authority.GENERAL, FROM)
    _refused("document", agent, "张伟", AgentKind.RELATIVE_OR_STAFF, Authority.GENERAL, FROM,
             document_number=ID_NUMBER)
    _refused("identity number", agent, "张伟", AgentKind.RELATIVE_OR_STAFF, Authority.GENERAL, FROM,
             document=DocumentKind.RESIDENT_ID, document_number="110105194912310021", today=TODAY)
    _refused("nationality", agent, "Tom", AgentKind.RELATIVE_OR_STAFF, Authority.GENERAL, FROM,
             document=DocumentKind.PASSPORT, document_number="533380006", nationality="America")
    assert "at least one" in _refused("powers", agent, "王律师", AgentKind.LAWYER, Authority.SPECIAL, FROM,
                                      firm="某所", licence_number=LICENCE)
    assert "no special powers" in _refused("powers", agent, "王律师", AgentKind.LAWYER, Authority.GENERAL,
                                           FROM, firm="某所", licence_number=LICENCE, powers=["settle"])
    _refused("powers", agent, "王律师", AgentKind.LAWYER, Authority.SPECIAL, FROM, firm="某所",
             licence_number=LICENCE, powers=["sing"])
    _refused("agent_kind", agent, "王律师", "judge", Authority.GENERAL, FROM)
    _refused("authority", agent, "王律师", AgentKind.LAWYER, "total", FROM, firm="某所",
             licence_number=LICENCE)
    _refused("valid_from", agent, "王律师", AgentKind.LAWYER, Authority.GENERAL, None, firm="某所",
             licence_number=LICENCE)
    assert "2026-02-28" in _refused("valid_to", agent, "王律师", AgentKind.LAWYER, Authority.GENERAL, FROM,
                                    firm="某所", licence_number=LICENCE, valid_to=date(2026, 2, 28))
    assert agent("王律师", AgentKind.LAWYER, Authority.GENERAL, FROM, firm="某所", licence_number=LICENCE,
                 valid_to=FROM).valid_to == FROM  # one day is a period
    _refused("name", agent, " ", AgentKind.LAWYER, Authority.GENERAL, FROM, firm="某所",
             licence_number=LICENCE)
    _refused("phone", agent, "王律师", AgentKind.LAWYER, Authority.GENERAL, FROM, firm="某所",
             licence_number=LICENCE, phone="12345")
    _refused("note", agent, "王律师", AgentKind.LAWYER, Authority.GENERAL, FROM, firm="某所",
             licence_number=LICENCE, note="某\u202e")


def test_service_address() -> None:
    given = service_address(" 云南省昆明市五华区某某路1号 ", recipient="张丽", phone="138 0871 2345",
                            postcode="650031", email="Zhang.Li@Example.CN", electronic_consent=True)
    assert given == ServiceAddress("云南省昆明市五华区某某路1号", "张丽", "13808712345", "650031",
                                   "Zhang.Li@example.cn", True)
    mobile = service_address("昆明市盘龙区", phone="13808712345", electronic_consent=True)
    assert mobile.phone == "13808712345"
    assert service_address("昆明市盘龙区") == ServiceAddress("昆明市盘龙区")
    _refused("service_address", service_address, "  ")
    assert "6 digits" in _refused("postcode", service_address, "昆明", postcode="65003")
    _refused("email", service_address, "昆明", email="zhang@localhost")
    _refused("service_phone", service_address, "昆明", phone="1380871")
    # Civil Procedure Law art. 90: electronic service needs somewhere to go; a fixed line is not one.
    assert "e-mail address or a mobile" in _refused("email", service_address, "昆明", phone="087165123456",
                                                   electronic_consent=True)


@pytest.mark.parametrize("typed", ["a@b.cn", "first.last+tag@mail.example.com", "x_y@sub-domain.example.org"])
def test_email_addresses(typed: str) -> None:
    assert check_email(typed) == typed


@pytest.mark.parametrize("typed", ["a@b", "@b.cn", "a b@c.cn", "a@-b.cn", "a..b@c.cn", "张@例子.中国"])
def test_not_email_addresses(typed: str) -> None:
    _refused("email", check_email, typed)


def test_postcodes_and_licence_numbers() -> None:
    assert check_postcode("６５００３１") == "650031" and check_postcode("") == ""
    _refused("postcode", check_postcode, "65003X")
    assert check_licence_number("15301-2019-10123456", AgentKind.LAWYER) == LICENCE
    assert "5 to 30" in _refused("licence_number", check_licence_number, "12", AgentKind.LEGAL_SERVICE_WORKER)
