"""Who a party or an agent is, checked before anything is stored: a natural person (自然人) with the
identity document they showed, or an organisation (法人或非法人组织) with its unified social credit code,
or a foreign company with its registration. Identity numbers are checked in ``identity``; here the other
facts, and that they agree with the document (birth date and sex in an identity number)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from desktop.core.cases.identity import (
    DocumentKind,
    Origin,
    check_credit_code,
    check_document,
    check_nationality,
    check_resident_id,
    normalized_number,
)
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput
from desktop.core.text import clean_text
from desktop.core.vocabulary import Vocabulary

NAME_MAX = 100  # a person's name, or an organisation's (registered names run long)
TEXT_MAX = 200  # an address, a post, an occupation or work unit
REGISTRATION_MAX = 50

# The 56 ethnic groups as GB/T 3304-1991 names them, in its order (codes 01–56); Yunnan alone is home to
# 25 of them, so a mediator picks from the list rather than types. A foreign national has none.
ETHNIC_GROUPS = (
    "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族", "满族", "侗族",
    "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族", "佤族", "畲族", "高山族",
    "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族",
    "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族", "塔吉克族", "怒族", "乌孜别克族",
    "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族", "独龙族", "鄂伦春族", "赫哲族",
    "门巴族", "珞巴族", "基诺族",
)

# A mainland mobile number (11 digits from 13x to 19x), or a fixed line with its area code (010–0999)
# and 7 or 8 digits, with an optional extension; Hong Kong, Macao, Taiwan and foreign numbers start +.
_MOBILE = re.compile(r"1[3-9]\d{9}")
_FIXED_LINE = re.compile(r"0\d{2,3}\d{7,8}(#\d{1,6})?")
_INTERNATIONAL = re.compile(r"\+\d{6,15}")


class Sex(Vocabulary):
    """A natural person's sex as the identity document gives it (GB/T 2261.1). Stored: never rename."""

    MALE = "male", QT_TRANSLATE_NOOP("vocabulary", "Male")  # 男
    FEMALE = "female", QT_TRANSLATE_NOOP("vocabulary", "Female")  # 女


@dataclass(frozen=True, slots=True)
class Person:
    """A natural person, as a party's or agent's record holds them."""

    name: str
    sex: Sex
    birth_date: date
    document: DocumentKind
    document_number: str
    origin: Origin
    nationality: str = "CHN"  # ISO 3166-1 alpha-3
    ethnicity: str = ""  # one of ETHNIC_GROUPS for a Chinese citizen
    occupation: str = ""  # occupation or post (职业或职务)
    address: str = ""  # address or work unit (住所或工作单位)
    phone: str = ""


@dataclass(frozen=True, slots=True)
class Organisation:
    """An organisation: a Chinese one by its unified social credit code, a foreign one by its
    registration number and country."""

    name: str
    origin: Origin
    credit_code: str = ""
    registration_number: str = ""  # a foreign company's
    country: str = "CHN"
    domicile: str = ""  # 住所
    representative: str = ""  # legal representative or person in charge (法定代表人或主要负责人)
    representative_post: str = ""
    phone: str = ""


def check_phone(text: str, field: str = "phone") -> str:
    """A telephone number in one stored form (spaces and hyphens dropped), or "" when none is given."""
    number = normalized_number(text)
    if not number:
        return ""
    if _MOBILE.fullmatch(number) or _FIXED_LINE.fullmatch(number) or _INTERNATIONAL.fullmatch(number):
        return number
    raise InvalidInput(QT_TRANSLATE_NOOP(
        "errors", "“{number}” is not a telephone number: give 11 digits for a mobile, the area code and "
        "number for a fixed line, or + and the country code."), field=field, number=number)


def check_ethnicity(text: str, foreign: bool) -> str:
    """One of the 56 ethnic groups for a Chinese citizen (with or without the final 族); none for a
    foreign national."""
    name = clean_text(text, "ethnicity", 10)
    if foreign:
        if name:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "An ethnic group is recorded for Chinese citizens only; leave it empty for a "
                "foreign national."), field="ethnicity")
        return ""
    if not name:
        return ""
    for group in ETHNIC_GROUPS:
        if name in (group, group.removesuffix("族")):
            return group
    raise InvalidInput(QT_TRANSLATE_NOOP(
        "errors", "“{value}” is not one of the 56 ethnic groups (GB/T 3304); choose it from the list."),
        field="ethnicity", value=name)


def person(name: str, sex: Sex, birth_date: date | None, document: DocumentKind, document_number: str, *,
           nationality: str = "CHN", ethnicity: str = "", occupation: str = "", address: str = "",
           phone: str = "", today: date | None = None) -> Person:
    """A natural person, checked: the document's number, and for an 18-character identity number that
    its birth date and sex (GB 11643: characters 7–14, and the 17th odd for a man) agree with those given,
    so a slip in either is caught where the document is at hand."""
    clean_name = clean_text(name, "name", NAME_MAX, required=True)
    country = "CHN" if document is not DocumentKind.PASSPORT else check_nationality(nationality)
    if document is DocumentKind.RESIDENT_ID:
        resident = check_resident_id(document_number, today=today)
        number, origin = resident.number, resident.origin
        if birth_date is not None and birth_date != resident.birth_date:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "The date of birth {given} is not the one in the identity number ({in_number})."),
                field="birth_date", given=birth_date.isoformat(), in_number=resident.birth_date.isoformat())
        if resident.male is not (sex is Sex.MALE):
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "The sex given is not the one the identity number records (its 17th digit)."),
                field="sex")
        birth_date = resident.birth_date
        if origin is Origin.FOREIGN:  # a foreign permanent-resident card: the holder's own nationality
            country = check_nationality(nationality) if nationality.strip() not in ("", "CHN") else ""
    else:
        number, origin = check_document(document, document_number, country, today=today)
    if birth_date is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The field {field} is required."), field="birth_date")
    if birth_date > (today or date.today()):
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The date of birth {given} lies in the future."),
                           field="birth_date", given=birth_date.isoformat())
    return Person(clean_name, sex, birth_date, document, number, origin, country,
                  check_ethnicity(ethnicity, foreign=origin is Origin.FOREIGN),
                  clean_text(occupation, "occupation", TEXT_MAX), clean_text(address, "address", TEXT_MAX),
                  check_phone(phone))


def organisation(name: str, *, credit_code: str = "", registration_number: str = "", country: str = "CHN",
                 domicile: str = "", representative: str = "", representative_post: str = "",
                 phone: str = "") -> Organisation:
    """An organisation, checked: a Chinese one needs its unified social credit code (GB 32100), a foreign
    one its registration number and country; both name who represents them."""
    clean_name = clean_text(name, "name", NAME_MAX, required=True)
    nation = check_nationality(country, field="country")
    if nation == "CHN":
        code, registration, origin = check_credit_code(credit_code), "", Origin.MAINLAND
    else:
        if credit_code.strip():
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "A foreign organisation has no unified social credit code; give its registration "
                "number instead."), field="unified social credit code")
        code, origin = "", Origin.FOREIGN
        registration = clean_text(registration_number, "registration_number", REGISTRATION_MAX, required=True)
    return Organisation(clean_name, origin, code, registration, nation,
                        clean_text(domicile, "domicile", TEXT_MAX),
                        clean_text(representative, "representative", NAME_MAX, required=True),
                        clean_text(representative_post, "representative_post", TEXT_MAX), check_phone(phone))
