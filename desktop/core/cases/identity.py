"""Identity numbers of parties: the resident identity card (居民身份证, GB 11643), the unified social credit
code of an organisation (统一社会信用代码, GB 32100, carrying a GB 11714 organisation code), the travel
permits of Hong Kong, Macao and Taiwan residents, and passports.

Each check returns the number in its one stored form, or raises ``InvalidInput`` naming the position,
the character and the check that failed, so a clerk can find a typing error on the paper in front of her.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput
from desktop.core.vocabulary import Vocabulary


class DocumentKind(Vocabulary):
    """The identity document a natural person shows. The values are stored: never rename one."""

    RESIDENT_ID = "resident-id", QT_TRANSLATE_NOOP("vocabulary", "Resident identity card")  # 居民身份证
    HK_MACAO_PERMIT = "hk-macao-permit", QT_TRANSLATE_NOOP(
        "vocabulary", "Mainland travel permit for Hong Kong and Macao residents")  # 港澳居民来往内地通行证
    TAIWAN_PERMIT = "taiwan-permit", QT_TRANSLATE_NOOP(
        "vocabulary", "Mainland travel permit for Taiwan residents")  # 台湾居民来往大陆通行证
    PASSPORT = "passport", QT_TRANSLATE_NOOP("vocabulary", "Passport")  # 护照


class Origin(Vocabulary):
    """Where a party comes from, as far as its papers say: it makes a case foreign-related (涉外) or
    related to Hong Kong, Macao or Taiwan (涉港澳台)."""

    MAINLAND = "mainland", QT_TRANSLATE_NOOP("vocabulary", "Mainland")  # 内地
    HONG_KONG = "hong-kong", QT_TRANSLATE_NOOP("vocabulary", "Hong Kong")  # 香港
    MACAO = "macao", QT_TRANSLATE_NOOP("vocabulary", "Macao")  # 澳门
    TAIWAN = "taiwan", QT_TRANSLATE_NOOP("vocabulary", "Taiwan")  # 台湾
    FOREIGN = "foreign", QT_TRANSLATE_NOOP("vocabulary", "Foreign")  # 外国

    @property
    def foreign_related(self) -> bool:
        """True for a party from outside the mainland (涉外/涉港澳台)."""
        return self is not Origin.MAINLAND


# GB 11643-1999 §8.2: ISO 7064 MOD 11-2 over the first 17 digits with these weights (2^(18-i) mod 11);
# the remainder picks the check character.
RESIDENT_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
RESIDENT_ID_CHECKS = "10X98765432"

# GB 32100-2015 §4: the code's 31 characters (no I, O, Z, S, V) with values 0–30; weights 3^(i-1) mod 31;
# check = (31 - Σ mod 31) mod 31, with 31 read as 0.
CREDIT_CODE_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_CODE_WEIGHTS = tuple(pow(3, index, 31) for index in range(17))

# GB 11714-1997 §4: organisation code, 8 body characters (digits 0–9, letters A–Z valued 10–35) with
# these weights; check = 11 - Σ mod 11, where 10 is written X and 11 is written 0.
ORGANIZATION_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)

# Residence permits of Hong Kong, Macao and Taiwan residents (2018) start 810000 / 820000 / 830000; the
# foreign permanent-resident identity card (2023) starts with 9. Neither is a mainland region code.
_ID_PREFIX_ORIGINS = (("81", Origin.HONG_KONG), ("82", Origin.MACAO), ("83", Origin.TAIWAN),
                      ("9", Origin.FOREIGN))

_HK_MACAO_PERMIT = re.compile(r"[HM](\d{8}|\d{10})")  # card since 2013: H/M + 8 digits; booklet: + 10
_TAIWAN_PERMIT = re.compile(r"\d{8}|\d{10}")  # card since 2015: 8 digits; the older booklet: 10
_PASSPORT_NUMBER = re.compile(r"[A-Z0-9]{5,20}")
_NATIONALITY = re.compile(r"[A-Z]{3}")  # ISO 3166-1 alpha-3, as in a passport's machine-readable zone
CHINA = "CHN"


@dataclass(frozen=True, slots=True)
class ResidentId:
    """What an 18-character identity number says of its holder."""

    number: str
    birth_date: date
    male: bool
    origin: Origin


def normalized_number(text: str) -> str:
    """A typed number as stored: full-width characters made half-width, spaces and hyphens dropped,
    letters in upper case (一二 typed on a Chinese keyboard often comes out full-width)."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(char for char in folded if not char.isspace() and char != "-").upper()


def _refuse(template: str, field: str, **fields: object) -> InvalidInput:
    return InvalidInput(template, field=field, **fields)


def _require_shape(number: str, field: str, digits: range = range(0)) -> None:
    """18 characters, with ASCII digits at the 1-based ``digits`` positions; else the first fault named."""
    if len(number) != 18:
        raise _refuse(QT_TRANSLATE_NOOP(
            "errors", "The {field} must have 18 characters; it has {length}."), field, length=len(number))
    for position in digits:
        char = number[position - 1]
        if not char.isascii() or not char.isdigit():
            raise _refuse(QT_TRANSLATE_NOOP(
                "errors", "The {field} must have a digit at position {position}, not “{char}”."),
                field, position=position, char=char)


def resident_id_check(first17: str) -> str:
    """The GB 11643 check character of the first 17 digits."""
    total = sum(int(digit) * weight for digit, weight in zip(first17, RESIDENT_ID_WEIGHTS, strict=True))
    return RESIDENT_ID_CHECKS[total % 11]


def check_resident_id(text: str, field: str = "identity number", today: date | None = None) -> ResidentId:
    """An 18-character citizen identity number (GB 11643), also the form of the residence permits of
    Hong Kong, Macao and Taiwan residents and of the foreign permanent-resident card: 17 digits, a
    valid birth date in characters 7–14, and the MOD 11-2 check character. The region code is not
    looked up: permits use codes no region has."""
    number = normalized_number(text)
    _require_shape(number, field, range(1, 18))
    try:
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        birth = None
    if birth is None or birth > (today or date.today()) or birth.year < 1880:
        raise _refuse(QT_TRANSLATE_NOOP(
            "errors", "The {field} holds no real birth date in positions 7 to 14 (“{digits}”)."),
            field, digits=number[6:14])
    expected = resident_id_check(number[:17])
    if number[17] != expected:
        raise _refuse(QT_TRANSLATE_NOOP(
            "errors", "The {field} fails its check (GB 11643 MOD 11-2): position 18 is “{char}”, the "
            "first 17 digits call for “{expected}”. A digit is probably mistyped."),
            field, char=number[17], expected=expected)
    origin = next((origin for prefix, origin in _ID_PREFIX_ORIGINS if number.startswith(prefix)),
                  Origin.MAINLAND)
    return ResidentId(number, birth, int(number[16]) % 2 == 1, origin)


def organization_code_check(body: str) -> str:
    """The GB 11714 check character of an 8-character organisation code body."""
    total = sum(int(char, 36) * weight for char, weight in zip(body, ORGANIZATION_CODE_WEIGHTS, strict=True))
    value = 11 - total % 11
    return {10: "X", 11: "0"}.get(value, str(value))


def credit_code_check(first17: str) -> str:
    """The GB 32100 check character of the first 17 characters."""
    total = sum(CREDIT_CODE_CHARACTERS.index(char) * weight
                for char, weight in zip(first17, CREDIT_CODE_WEIGHTS, strict=True))
    return CREDIT_CODE_CHARACTERS[(31 - total % 31) % 31]


def check_credit_code(text: str, field: str = "unified social credit code") -> str:
    """A unified social credit code (GB 32100): 18 characters from its 31-character set, the
    administrative division code in characters 3–8, the organisation code in 9–17 with its GB 11714
    check, and the code's own check in 18."""
    code = normalized_number(text)
    _require_shape(code, field)  # the length; the character set next, its message names the set
    for position, char in enumerate(code, start=1):
        if char not in CREDIT_CODE_CHARACTERS:
            raise _refuse(QT_TRANSLATE_NOOP(
                "errors", "The {field} cannot hold “{char}” at position {position}: the code uses digits "
                "and capital letters except I, O, Z, S and V."), field, position=position, char=char)
    _require_shape(code, field, range(3, 9))  # the administrative division code
    organization_check = organization_code_check(code[8:16])
    if code[16] != organization_check:
        raise _refuse(QT_TRANSLATE_NOOP(
            "errors", "The {field} fails the organisation code check (GB 11714) in positions 9 to 17: "
            "position 17 is “{char}”, positions 9 to 16 call for “{expected}”."),
            field, char=code[16], expected=organization_check)
    expected = credit_code_check(code[:17])
    if code[17] != expected:
        raise _refuse(QT_TRANSLATE_NOOP(
            "errors", "The {field} fails its check (GB 32100): position 18 is “{char}”, the first 17 "
            "characters call for “{expected}”. A character is probably mistyped."),
            field, char=code[17], expected=expected)
    return code


def check_hk_macao_permit(text: str, field: str = "permit number") -> tuple[str, Origin]:
    """A Mainland travel permit for Hong Kong and Macao residents (回乡证): H (Hong Kong) or M (Macao)
    and 8 digits (the card issued since 2013) or 10 (the older booklet)."""
    number = normalized_number(text)
    if not _HK_MACAO_PERMIT.fullmatch(number):
        raise _refuse(QT_TRANSLATE_NOOP(
            "errors", "The {field} must be H or M followed by 8 digits (or 10 on an older permit), like "
            "H12345678; “{number}” is not."), field, number=number)
    return number, Origin.HONG_KONG if number.startswith("H") else Origin.MACAO


def check_taiwan_permit(text: str, field: str = "permit number") -> str:
    """A Mainland travel permit for Taiwan residents (台胞证): 8 digits (the card issued since 2015)
    or 10 (the older booklet)."""
    number = normalized_number(text)
    if not _TAIWAN_PERMIT.fullmatch(number):
        raise _refuse(QT_TRANSLATE_NOOP(
            "errors", "The {field} must be 8 digits (or 10 on an older permit); “{number}” is not."),
            field, number=number)
    return number


def check_nationality(text: str, field: str = "nationality") -> str:
    """A nationality as the three-letter ISO 3166-1 code a passport prints (USA, JPN, CHN)."""
    code = normalized_number(text)
    if not _NATIONALITY.fullmatch(code):
        raise _refuse(QT_TRANSLATE_NOOP(
            "errors", "The {field} must be a three-letter country code as printed in the passport "
            "(for example USA, JPN, DEU); “{code}” is not."), field, code=code)
    return code


def check_passport(text: str, nationality: str, field: str = "passport number") -> tuple[str, str, Origin]:
    """A passport number (5 to 20 letters and digits) with the holder's nationality; a passport of
    another country than China makes its holder foreign."""
    number = normalized_number(text)
    if not _PASSPORT_NUMBER.fullmatch(number):
        raise _refuse(QT_TRANSLATE_NOOP(
            "errors", "The {field} must be 5 to 20 letters and digits; “{number}” is not."),
            field, number=number)
    country = check_nationality(nationality)
    return number, country, Origin.MAINLAND if country == CHINA else Origin.FOREIGN


def check_document(kind: DocumentKind, number: str, nationality: str = "",
                   today: date | None = None) -> tuple[str, Origin]:
    """Any identity document of a natural person: the number as stored and the holder's origin."""
    if kind is DocumentKind.RESIDENT_ID:
        resident = check_resident_id(number, today=today)
        return resident.number, resident.origin
    if kind is DocumentKind.HK_MACAO_PERMIT:
        return check_hk_macao_permit(number)
    if kind is DocumentKind.TAIWAN_PERMIT:
        return check_taiwan_permit(number), Origin.TAIWAN
    passport, _country, origin = check_passport(number, nationality)
    return passport, origin
