"""Identity numbers of parties: GB 11643 identity numbers (also residence permits and the foreign
permanent-resident card), GB 32100 credit codes with their GB 11714 organisation code, travel permits and
passports; valid numbers published by their issuers pass, and each kind of mistake is named."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.cases.identity import (
    DocumentKind,
    Origin,
    check_credit_code,
    check_document,
    check_hk_macao_permit,
    check_passport,
    check_resident_id,
    check_taiwan_permit,
    credit_code_check,
    organization_code_check,
    resident_id_check,
)
from desktop.core.errors import InvalidInput

TODAY = date(2026, 11, 26)


def _refusal(check: object, *args: object) -> str:
    with pytest.raises(InvalidInput) as raised:
        check(*args)  # type: ignore[operator]
    return raised.value.message


@pytest.mark.parametrize(("number", "birth", "male", "origin"), [
    ("11010519491231002X", date(1949, 12, 31), False, Origin.MAINLAND),  # the example of GB 11643 itself
    ("440524188001010014", date(1880, 1, 1), True, Origin.MAINLAND),
    ("810000199408230021", date(1994, 8, 23), False, Origin.HONG_KONG),  # the published permit sample
    ("830000199201300022", date(1992, 1, 30), False, Origin.TAIWAN),
])
def test_published_identity_numbers_pass(number: str, birth: date, male: bool, origin: Origin) -> None:
    resident = check_resident_id(number, today=TODAY)
    assert (resident.number, resident.birth_date, resident.male, resident.origin) == (number, birth, male,
                                                                                     origin)
    assert origin.foreign_related is (origin is not Origin.MAINLAND)


def test_permits_and_the_foreign_permanent_resident_card_need_no_region_code() -> None:
    macao = "82000019850315004"
    assert check_resident_id(macao + resident_id_check(macao), today=TODAY).origin is Origin.MACAO
    foreign = "93184019880704001"  # 9, issuing province 31, country code 840, then the birth date
    card = check_resident_id(foreign + resident_id_check(foreign), today=TODAY)
    assert card.origin is Origin.FOREIGN and card.birth_date == date(1988, 7, 4)


def test_typed_forms_are_stored_in_one_form() -> None:
    typed = "１１０１０５ １９４９１２３１ ００２ｘ"  # full-width, as a Chinese input method may give it
    assert check_resident_id(typed, today=TODAY).number == "11010519491231002X"
    assert check_resident_id("11010519491231002x", today=TODAY).number == "11010519491231002X"


@pytest.mark.parametrize(("number", "words"), [
    ("1101051949123100", ["18 characters", "it has 16"]),
    ("11010519491231002XX", ["18 characters", "it has 19"]),
    ("1101A519491231002X", ["position 5", "“A”"]),
    ("110105194902300021", ["birth date", "19490230"]),
    ("110105203001010021", ["birth date", "20300101"]),  # not born yet
    ("110105194912310021", ["position 18 is “1”", "call for “X”", "MOD 11-2"]),
    ("11010519491321002X", ["birth date", "19491321"]),
])
def test_each_identity_number_mistake_is_named(number: str, words: list[str]) -> None:
    message = _refusal(check_resident_id, number, "identity number", TODAY)
    for word in words:
        assert word in message


def test_every_single_digit_slip_is_caught() -> None:
    number = "11010519491231002X"
    for position in range(17):
        for digit in "0123456789":
            if digit == number[position]:
                continue
            slipped = number[:position] + digit + number[position + 1:]
            with pytest.raises(InvalidInput):
                check_resident_id(slipped, today=TODAY)


@pytest.mark.parametrize("code", [
    "91330100799655058B", "9144030071526726XG", "914403001922038216", "91110000802100433B"])
def test_published_credit_codes_pass(code: str) -> None:
    assert check_credit_code(code) == code
    assert check_credit_code(code.lower()) == code


def test_credit_code_check_characters_follow_gb_32100_and_gb_11714() -> None:
    # GB 11714's own example: organisation code D2143569-X.
    assert organization_code_check("D2143569") == "X"
    assert credit_code_check("91330100799655058") == "B"
    body = "91530100MA6K8Y4X"
    code = body + organization_code_check(body[8:16])
    assert check_credit_code(code + credit_code_check(code)) == code + credit_code_check(code)


@pytest.mark.parametrize(("code", "words"), [
    ("9133010079965505", ["18 characters", "it has 16"]),
    ("91330100799655O58B", ["position 15", "“O”", "except I, O, Z, S and V"]),
    ("91A30100799655058B", ["position 3", "“A”"]),
    ("913301007996550588", ["position 18 is “8”", "call for “B”", "GB 32100"]),
    ("91330100799655068B", ["organisation code", "GB 11714", "position 17 is “8”", "call for “6”"]),
])
def test_each_credit_code_mistake_is_named(code: str, words: list[str]) -> None:
    message = _refusal(check_credit_code, code)
    for word in words:
        assert word in message


def test_travel_permits_and_passports() -> None:
    assert check_hk_macao_permit("h12345678") == ("H12345678", Origin.HONG_KONG)
    assert check_hk_macao_permit("M1234567890") == ("M1234567890", Origin.MACAO)
    assert "H or M" in _refusal(check_hk_macao_permit, "K12345678")
    assert check_taiwan_permit("12345678") == "12345678"
    assert "8 digits" in _refusal(check_taiwan_permit, "1234567")
    assert check_passport("e12345678", "chn") == ("E12345678", "CHN", Origin.MAINLAND)
    assert check_passport("533380006", "USA")[2] is Origin.FOREIGN
    assert "three-letter" in _refusal(check_passport, "533380006", "America")
    assert "5 to 20" in _refusal(check_passport, "12 3", "USA")


def test_any_document_gives_its_number_and_origin() -> None:
    assert check_document(DocumentKind.RESIDENT_ID, "11010519491231002X", today=TODAY) == (
        "11010519491231002X", Origin.MAINLAND)
    assert check_document(DocumentKind.TAIWAN_PERMIT, "12345678") == ("12345678", Origin.TAIWAN)
    assert check_document(DocumentKind.HK_MACAO_PERMIT, "M12345678") == ("M12345678", Origin.MACAO)
    assert check_document(DocumentKind.PASSPORT, "TZ1234567", "JPN") == ("TZ1234567", Origin.FOREIGN)
