"""Canonical records: the exact bytes that digests and seals are computed over (DESIGN.md, Integrity 2).

A record is a JSON object with a text ``type`` and an integer ``version``, serialised with the JSON
Canonicalization Scheme (RFC 8785). Only JSON's exact kinds are allowed: text, integers, booleans, null,
lists and objects. Floats are refused (money is a decimal string such as ``"1234.50"``), and so are
``Decimal`` and ``datetime`` values: the caller chooses their text form (``format_time`` for times).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import rfc8785

from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput

# RFC 8785 §3.2.2.3 / RFC 7493 (I-JSON) §2.2: integers beyond ±(2**53 − 1) lose precision as JSON numbers.
JSON_SAFE_INTEGER_MAX = 2**53 - 1
RECORD_TYPE_FIELD = "type"
RECORD_VERSION_FIELD = "version"

# RFC 3339 §5.6 date-time in UTC, always with six fractional digits, so the text has one fixed width
# and sorts in time order. ASCII digits only (``\d`` would also match other scripts' digits).
TIME_EXAMPLE = "2026-11-25T12:34:56.123456Z"
_TIME_PATTERN = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})\.([0-9]{6})Z")


def canonical_bytes(record: Mapping[str, Any]) -> bytes:
    """The RFC 8785 canonical JSON bytes of ``record``; refuse anything that is not a valid record."""
    if not isinstance(record, Mapping):
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "A record must be a JSON object."),
                           kind=type(record).__name__)
    record_type = record.get(RECORD_TYPE_FIELD)
    if not isinstance(record_type, str) or not record_type:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The record has no valid “{field}” field."),
                           field=RECORD_TYPE_FIELD)
    version = record.get(RECORD_VERSION_FIELD)
    if not isinstance(version, int) or isinstance(version, bool):
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The record has no valid “{field}” field."),
                           field=RECORD_VERSION_FIELD)
    try:
        plain = _fast_plain(record)
        # With every key ASCII, Python's key order is RFC 8785's (§3.2.3 sorts by UTF-16 code units), and
        # json.dumps writes text, integers, booleans and null as §3.2.2 does (the same escapes, lowercase
        # hex); encoding to UTF-8 refuses lone surrogates, which the slow path then names.
        return json.dumps(plain, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                          allow_nan=False).encode("utf-8")
    except (_NotPlain, UnicodeEncodeError):
        return rfc8785.dumps(_plain(record, ""))


class _NotPlain(Exception):
    """A value the fast path leaves to the full one (which says what is wrong, or serialises it)."""


def _fast_plain(value: Any) -> Any:
    """``value`` as plain JSON kinds, with ASCII keys only and no path bookkeeping: most records, fast.
    Anything else raises ``_NotPlain``."""
    if value is None or value is True or value is False:
        return value
    kind = type(value)
    if kind is str:
        return value
    if kind is int:
        if -JSON_SAFE_INTEGER_MAX <= value <= JSON_SAFE_INTEGER_MAX:
            return value
        raise _NotPlain
    if kind is dict or (isinstance(value, Mapping) and not isinstance(value, str)):
        plain: dict[str, Any] = {}
        for key, item in value.items():
            if type(key) is not str or not key.isascii():
                raise _NotPlain
            plain[key] = _fast_plain(item)
        return plain
    if kind is list or kind is tuple:
        return [_fast_plain(item) for item in value]
    if isinstance(value, str) and not isinstance(value, bool):
        return str.__str__(value)  # a (str, Enum) member: its text
    raise _NotPlain


def record_digest(record: Mapping[str, Any]) -> str:
    """Lowercase hex SHA-256 of the record's canonical bytes."""
    return hashlib.sha256(canonical_bytes(record)).hexdigest()


def parse_canonical(text: str) -> tuple[dict[str, Any], bool]:
    """A stored record's fields, and whether the text is exactly their canonical form (RFC 8785): what
    verification reads a record by (``{}`` and ``False`` for text that is no JSON object)."""
    try:
        parsed = json.loads(text)
    except ValueError:
        return {}, False
    if not isinstance(parsed, dict):
        return {}, False
    try:
        return parsed, canonical_bytes(parsed) == text.encode("utf-8")
    except InvalidInput:
        return parsed, False


def _pointer_token(key: str) -> str:
    # RFC 6901 §3: "~" is written "~0" and "/" is written "~1" inside a JSON Pointer.
    return key.replace("~", "~0").replace("/", "~1")


def _plain(value: Any, path: str) -> Any:
    """A copy of ``value`` built from dict, list, str, int, bool and None only; ``path`` is a JSON Pointer."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        if abs(value) > JSON_SAFE_INTEGER_MAX:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("errors",
                                  "The integer at {path} is too large for a record (the limit is {limit})."),
                path=path or "/", limit=JSON_SAFE_INTEGER_MAX)
        return int(value)
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The text at {path} is not valid Unicode."),
                               path=path or "/") from None
        return str.__str__(value)  # the text itself, also for a (str, Enum) member
    if isinstance(value, float):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors",
                              "The record holds a floating-point number at {path}; write amounts as "
                              "decimal text and counts as integers."),
            path=path or "/")
    if isinstance(value, Mapping):
        plain: dict[str, Any] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise InvalidInput(
                    QT_TRANSLATE_NOOP("errors", "The record has a key that is not text at {path}."),
                    path=path or "/", key=repr(key))
            plain[key] = _plain(item, f"{path}/{_pointer_token(key)}")
        return plain
    if isinstance(value, list | tuple):
        return [_plain(item, f"{path}/{index}") for index, item in enumerate(value)]
    raise InvalidInput(
        QT_TRANSLATE_NOOP("errors", "The record holds a value of an unsupported kind ({kind}) at {path}."),
        path=path or "/", kind=type(value).__name__)


def as_utc(moment: datetime) -> datetime:
    """The same instant with the UTC time zone; refuse a naive datetime (its zone is unknown)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The time {value} has no time zone."),
                           value=moment.isoformat())
    return moment.astimezone(UTC)


def format_time(moment: datetime) -> str:
    """RFC 3339 UTC text with ``Z`` and always six fractional digits: ``2026-11-25T12:34:56.123456Z``."""
    utc = as_utc(moment).replace(tzinfo=None)
    return utc.isoformat(timespec="microseconds") + "Z"


def parse_time(text: str) -> datetime:
    """The aware UTC datetime of a ``format_time`` text; any other form is refused."""
    match = _TIME_PATTERN.fullmatch(text) if isinstance(text, str) else None
    if match is not None:
        try:
            year, month, day, hour, minute, second, microsecond = (int(part) for part in match.groups())
            return datetime(year, month, day, hour, minute, second, microsecond, tzinfo=UTC)
        except ValueError:
            pass  # well formed but not a real date or time, such as 2026-02-30
    raise InvalidInput(QT_TRANSLATE_NOOP("errors", "“{text}” is not a time in the form {example}."),
                       text=str(text), example=TIME_EXAMPLE)
