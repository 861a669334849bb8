"""Parties and agents as people and organisations, checked before they are stored: the document agrees
with the birth date and sex given, ethnic groups from GB/T 3304, phone numbers, Chinese and foreign
organisations; each refusal names its field."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.cases.identity import DocumentKind, Origin, resident_id_check
from desktop.core.cases.persons import ETHNIC_GROUPS, Sex, check_phone, organisation, person
from desktop.core.errors import InvalidInput

TODAY = date(2026, 11, 26)
ID_NUMBER = "11010519491231002X"  # GB 11643's example: born 31 December 1949, a woman


def _refused(field: str, call: object, *args: object, **kwargs: object) -> str:
    with pytest.raises(InvalidInput) as raised:
        call(*args, **kwargs)  # type: ignore[operator]
    assert raised.value.fields.get("field") == field, raised.value.message
    return raised.value.message


def test_a_mainland_party_with_an_identity_card() -> None:
    party = person(" 张丽 ", Sex.FEMALE, None, DocumentKind.RESIDENT_ID, ID_NUMBER, ethnicity="彝",
                   occupation="个体工商户", address="云南省楚雄彝族自治州楚雄市鹿城镇", phone="138 0871 2345",
                   today=TODAY)
    assert (party.name, party.birth_date, party.origin, party.ethnicity, party.phone) == (
        "张丽", date(1949, 12, 31), Origin.MAINLAND, "彝族", "13808712345")
    assert len(ETHNIC_GROUPS) == len(set(ETHNIC_GROUPS)) == 56 and "基诺族" in ETHNIC_GROUPS


def test_the_document_must_agree_with_birth_date_and_sex() -> None:
    assert "31" in _refused("birth_date", person, "张丽", Sex.FEMALE, date(1949, 12, 30),
                            DocumentKind.RESIDENT_ID, ID_NUMBER, today=TODAY)
    assert "17th digit" in _refused("sex", person, "张丽", Sex.MALE, None, DocumentKind.RESIDENT_ID,
                                    ID_NUMBER, today=TODAY)


def test_permits_passports_and_the_foreign_permanent_resident_card() -> None:
    hong_kong = person("陈大文", Sex.MALE, date(1980, 5, 1), DocumentKind.HK_MACAO_PERMIT, "H12345678",
                       phone="+85291234567", today=TODAY)
    assert hong_kong.origin is Origin.HONG_KONG and hong_kong.origin.foreign_related
    taiwan = person("林志明", Sex.MALE, date(1975, 3, 9), DocumentKind.TAIWAN_PERMIT, "12345678", today=TODAY)
    assert taiwan.origin is Origin.TAIWAN
    foreigner = person("John Smith", Sex.MALE, date(1970, 1, 2), DocumentKind.PASSPORT, "533380006",
                       nationality="usa", today=TODAY)
    assert (foreigner.origin, foreigner.nationality, foreigner.ethnicity) == (Origin.FOREIGN, "USA", "")
    first17 = "93184019880704001"
    number = first17 + resident_id_check(first17)
    card = person("Anna Müller", Sex.MALE, None, DocumentKind.RESIDENT_ID, number, nationality="DEU",
                  today=TODAY)
    assert (card.origin, card.nationality, card.birth_date) == (Origin.FOREIGN, "DEU", date(1988, 7, 4))
    assert "Chinese citizens only" in _refused("ethnicity", person, "John Smith", Sex.MALE, date(1970, 1, 2),
                                               DocumentKind.PASSPORT, "533380006", nationality="USA",
                                               ethnicity="汉族", today=TODAY)


def test_refusals_name_their_field() -> None:
    message = _refused("ethnicity", person, "张丽", Sex.FEMALE, None, DocumentKind.RESIDENT_ID, ID_NUMBER,
                       ethnicity="火星族", today=TODAY)
    assert "56 ethnic groups" in message
    _refused("name", person, "  ", Sex.FEMALE, None, DocumentKind.RESIDENT_ID, ID_NUMBER, today=TODAY)
    _refused("birth_date", person, "陈大文", Sex.MALE, None, DocumentKind.HK_MACAO_PERMIT, "H12345678")
    _refused("birth_date", person, "陈大文", Sex.MALE, date(2027, 1, 1), DocumentKind.HK_MACAO_PERMIT,
             "H12345678", today=TODAY)
    _refused("identity number", person, "张丽", Sex.FEMALE, None, DocumentKind.RESIDENT_ID,
             "110105194912310021", today=TODAY)


@pytest.mark.parametrize(("typed", "stored"), [
    ("13808712345", "13808712345"), ("0871-6512 3456", "087165123456"),
    ("010-12345678#123", "01012345678#123"), ("+852 9123 4567", "+85291234567"), ("", "")])
def test_phone_numbers(typed: str, stored: str) -> None:
    assert check_phone(typed) == stored


@pytest.mark.parametrize("typed", ["12345", "1380871234", "2381234567", "+12"])
def test_not_phone_numbers(typed: str) -> None:
    assert "not a telephone number" in _refused("phone", check_phone, typed)


def test_chinese_and_foreign_organisations() -> None:
    company = organisation("云南某某食品有限公司", credit_code="91330100799655058b", domicile="昆明市五华区",
                           representative="王强", representative_post="董事长")
    assert (company.credit_code, company.origin) == ("91330100799655058B", Origin.MAINLAND)
    foreign = organisation("Example Foods GmbH", registration_number="HRB 12345", country="DEU",
                           representative="Anna Müller", representative_post="Geschäftsführerin")
    assert (foreign.origin, foreign.country) == (Origin.FOREIGN, "DEU")
    assert foreign.registration_number == "HRB 12345"
    _refused("unified social credit code", organisation, "某公司", credit_code="91330100799655058A",
             representative="王强")
    _refused("unified social credit code", organisation, "Example GmbH", credit_code="91330100799655058B",
             country="DEU", registration_number="HRB 1", representative="A")
    _refused("registration_number", organisation, "Example GmbH", country="DEU", representative="A")
    _refused("representative", organisation, "某公司", credit_code="91330100799655058B")
