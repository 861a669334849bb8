"""Canonical records (RFC 8785) and record times (RFC 3339 UTC)."""

from __future__ import annotations

import enum
import hashlib
import json
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from types import MappingProxyType

import pytest

from desktop.core.errors import InvalidInput
from desktop.core.integrity.canonical import (
    JSON_SAFE_INTEGER_MAX,
    as_utc,
    canonical_bytes,
    format_time,
    parse_time,
    record_digest,
)

HEAD = {"type": "test", "version": 1}


def _record(**fields: object) -> dict[str, object]:
    return {**HEAD, **fields}


# --- RFC 8785 ---------------------------------------------------------------------------------------
def test_keys_are_sorted() -> None:
    assert canonical_bytes({"b": 2, "a": 1, "version": 1, "type": "t"}) == \
        b'{"a":1,"b":2,"type":"t","version":1}'


def test_rfc8785_section_3_2_3_sorting_by_utf16_code_units() -> None:
    # The example of RFC 8785 §3.2.3, verbatim: keys sort by UTF-16 code units, so the emoji's
    # surrogate pair (U+D83D) comes before U+FB33.
    source = json.loads(r'''{
        "\u20ac": "Euro Sign",
        "\r": "Carriage Return",
        "\ufb33": "Hebrew Letter Dalet With Dagesh",
        "1": "One",
        "\ud83d\ude00": "Emoji: Grinning Face",
        "\u0080": "Control",
        "\u00f6": "Latin Small Letter O With Diaeresis"
    }''')
    values = [value for value in json.loads(canonical_bytes({**source, **HEAD})).values()
              if value not in ("test", 1)]
    assert values == ["Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis",
                      "Euro Sign", "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh"]


def test_rfc8785_section_3_2_4_strings_and_literals() -> None:
    # RFC 8785 §3.2.4 without its "numbers" member (records hold no floats).
    source = json.loads(r'''{
        "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
        "literals": [null, true, false]
    }''')
    expected = (r'''{"literals":[null,true,false],"string":"€$\u000f\nA'B\"\\\\\"/",'''
                r'''"type":"test","version":1}''')
    assert canonical_bytes({**source, **HEAD}) == expected.encode("utf-8")


def test_unicode_stays_utf8_and_is_not_escaped() -> None:
    data = canonical_bytes(_record(party="张三", case="(2026)云知调字第0001号"))
    assert "张三".encode() in data
    assert "(2026)云知调字第0001号".encode() in data
    assert b"\\u" not in data


def test_nested_objects_and_lists() -> None:
    record = _record(z={"b": [{"d": 1, "c": 2}, []], "a": {}}, amount="1234.50", count=-3, sealed=True)
    assert canonical_bytes(record) == (
        b'{"amount":"1234.50","count":-3,"sealed":true,"type":"test","version":1,'
        b'"z":{"a":{},"b":[{"c":2,"d":1},[]]}}')


def test_any_mapping_and_tuples_are_accepted() -> None:
    class Kind(enum.StrEnum):
        EVIDENCE = "evidence_item"

    record = MappingProxyType({"type": Kind.EVIDENCE, "version": 2, "items": (1, 2)})
    assert canonical_bytes(record) == b'{"items":[1,2],"type":"evidence_item","version":2}'


def test_integer_limits() -> None:
    assert b'"n":9007199254740991,' in canonical_bytes(_record(n=JSON_SAFE_INTEGER_MAX))
    assert b'"n":-9007199254740991,' in canonical_bytes(_record(n=-JSON_SAFE_INTEGER_MAX))
    with pytest.raises(InvalidInput):
        canonical_bytes(_record(n=JSON_SAFE_INTEGER_MAX + 1))
    with pytest.raises(InvalidInput) as refused:
        canonical_bytes(_record(items=[{"n": -(JSON_SAFE_INTEGER_MAX + 1)}]))
    assert refused.value.fields["path"] == "/items/0/n"


# --- refusals ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("record", "field"), [
    ({"version": 1}, "type"),
    ({"type": "", "version": 1}, "type"),
    ({"type": 3, "version": 1}, "type"),
    ({"type": "t"}, "version"),
    ({"type": "t", "version": "1"}, "version"),
    ({"type": "t", "version": True}, "version"),
])
def test_type_and_version_are_required(record: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        canonical_bytes(record)
    assert refused.value.fields["field"] == field
    assert f"“{field}”" in refused.value.message


def test_a_record_must_be_an_object() -> None:
    with pytest.raises(InvalidInput):
        canonical_bytes([HEAD])  # type: ignore[arg-type]


@pytest.mark.parametrize(("record", "path"), [
    (_record(amount=12.5), "/amount"),
    (_record(terms=[{"amount": "1.00"}, {"amount": 1.0}]), "/terms/1/amount"),
    (_record(**{"a/b": {"c~d": float("nan")}}), "/a~1b/c~0d"),
])
def test_floats_are_refused_with_their_path(record: dict[str, object], path: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        canonical_bytes(record)
    assert refused.value.fields["path"] == path
    assert "floating-point" in refused.value.message and path in refused.value.message


@pytest.mark.parametrize("value", [Decimal("1.50"), datetime(2026, 1, 1, tzinfo=UTC), b"bytes", {1, 2}])
def test_other_kinds_are_refused(value: object) -> None:
    with pytest.raises(InvalidInput) as refused:
        canonical_bytes(_record(value=value))
    assert refused.value.fields["path"] == "/value"
    assert refused.value.fields["kind"] == type(value).__name__


def test_non_text_keys_and_broken_unicode_are_refused() -> None:
    with pytest.raises(InvalidInput, match="not text"):
        canonical_bytes({**HEAD, "inner": {1: "one"}})
    with pytest.raises(InvalidInput, match="not valid Unicode"):
        canonical_bytes(_record(name="lone \ud800 surrogate"))


# --- digest -----------------------------------------------------------------------------------------
def test_digest_is_sha256_of_the_canonical_bytes_and_stable() -> None:
    record = _record(b=[1, {"y": "二", "x": None}], a="甲")
    digest = record_digest(record)
    assert digest == hashlib.sha256(canonical_bytes(record)).hexdigest()
    assert digest == record_digest(dict(reversed(list(record.items()))))
    assert digest == record_digest(json.loads(json.dumps(record, indent=4, ensure_ascii=True)))
    assert len(digest) == 64 and digest == digest.lower()
    assert digest != record_digest(_record(b=[1, {"y": "二", "x": None}], a="乙"))


def test_digest_of_a_known_record() -> None:
    # Independent of this module: the bytes written out by hand, hashed by hashlib.
    expected = hashlib.sha256(b'{"a":1,"b":2,"type":"t","version":1}').hexdigest()
    assert record_digest({"b": 2, "type": "t", "a": 1, "version": 1}) == expected


# --- times ------------------------------------------------------------------------------------------
def test_format_time_is_utc_with_six_fraction_digits() -> None:
    moment = datetime(2026, 11, 25, 12, 34, 56, 123456, tzinfo=UTC)
    assert format_time(moment) == "2026-11-25T12:34:56.123456Z"
    assert format_time(datetime(2026, 11, 25, 12, 34, 56, tzinfo=UTC)) == "2026-11-25T12:34:56.000000Z"
    beijing = timezone(timedelta(hours=8))
    assert format_time(datetime(2026, 1, 1, 7, 0, 0, 5, tzinfo=beijing)) == "2025-12-31T23:00:00.000005Z"
    assert format_time(datetime(999, 1, 2, tzinfo=UTC)) == "0999-01-02T00:00:00.000000Z"


def test_formatted_times_sort_in_time_order() -> None:
    start = datetime(2026, 11, 25, 23, 59, 59, 999990, tzinfo=UTC)
    moments = [start + timedelta(microseconds=step * 7) for step in range(5)]
    assert sorted(format_time(moment) for moment in moments) == [format_time(moment) for moment in moments]


def test_naive_times_are_refused() -> None:
    with pytest.raises(InvalidInput, match="no time zone"):
        format_time(datetime(2026, 11, 25, 12, 0))
    with pytest.raises(InvalidInput):
        as_utc(datetime(2026, 11, 25, 12, 0))


def test_parse_time_is_the_inverse() -> None:
    moment = datetime(2026, 11, 25, 12, 34, 56, 123456, tzinfo=timezone(timedelta(hours=8)))
    parsed = parse_time(format_time(moment))
    assert parsed == moment and parsed.tzinfo is UTC
    assert format_time(parse_time("2028-02-29T00:00:00.000000Z")) == "2028-02-29T00:00:00.000000Z"


@pytest.mark.parametrize("text", [
    "2026-11-25T12:34:56Z",
    "2026-11-25T12:34:56.123Z",
    "2026-11-25T12:34:56.123456+00:00",
    "2026-11-25 12:34:56.123456Z",
    "2026-11-25t12:34:56.123456z",
    "2026-02-30T00:00:00.000000Z",
    "2026-11-25T24:00:00.000000Z",
    "２０２６-11-25T12:34:56.123456Z",
    " 2026-11-25T12:34:56.123456Z",
    "",
])
def test_parse_time_refuses_other_forms(text: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_time(text)
    assert refused.value.fields["text"] == text
    assert "2026-11-25T12:34:56.123456Z" in refused.value.message


def test_the_fast_path_writes_what_rfc8785_writes() -> None:
    # canonical_bytes writes most records with json.dumps (ASCII keys); the bytes must be RFC 8785's.
    import random

    import rfc8785

    rng = random.Random(8785)
    alphabet = ["a", "Z", "0", " ", '"', "\\", "/", "\n", "\r", "\t", "\b", "\f", "\x00", "\x01", "\x1f",
                "\x7f", "\u2028", "\u2029", "é", "张", "（", "）", "\ue000", "\uffff", "😀", "𠀀", "\u202e"]

    def text() -> str:
        return "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 12)))

    def value(depth: int) -> object:
        choice = rng.randrange(8 if depth < 3 else 5)
        if choice == 0:
            return text()
        if choice == 1:
            return rng.choice([0, -1, 1, 2**53 - 1, -(2**53 - 1), rng.randrange(-10**6, 10**6)])
        if choice == 2:
            return rng.choice([True, False, None])
        if choice in (3, 4):
            return text()
        if choice == 5:
            return [value(depth + 1) for _ in range(rng.randrange(4))]
        return {"".join(rng.choice("abcXYZ_-~/09") for _ in range(rng.randrange(1, 6))): value(depth + 1)
                for _ in range(rng.randrange(5))}

    for _ in range(3000):
        record = {"type": "t", "version": 1, **{f"k{index}": value(0) for index in range(rng.randrange(6))}}
        assert canonical_bytes(record) == rfc8785.dumps(record), record
    # Keys beyond ASCII go the full way, whose order is UTF-16's (U+E000 sorts after a surrogate pair).
    record = {"type": "t", "version": 1, "\ue000": 1, "😀": 2, "张": 3}
    assert canonical_bytes(record) == rfc8785.dumps(record)
