"""Checks on text that people type, shared by the services that store it, and size wording."""

from __future__ import annotations

import re
import unicodedata

from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput

# Unicode bidirectional embeddings, overrides and isolates (UAX #9 §2.1–2.4): they make text display in
# another order than it is stored, so a sealed record could read differently from what was signed.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def has_control(text: str) -> bool:
    """True when ``text`` holds a control, format or other category-C character (a newline, a tab, a
    bidirectional override…): such text cannot stand on one line of a record, a list or a certificate."""
    return any(unicodedata.category(char).startswith("C") for char in text)


# What a record cannot hold, as one scan: Unicode's control characters (category Cc: U+0000–U+001F and
# U+007F–U+009F), lone surrogates (Cs: U+D800–U+DFFF) and the bidirectional controls above; the
# multi-line form lets the line feed through.
_REFUSED = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")
_REFUSED_MULTILINE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def _refused_at(text: str, multiline: bool) -> int | None:
    """The position of the first character a record cannot hold, or None."""
    found = (_REFUSED_MULTILINE if multiline else _REFUSED).search(text)
    return found.start() if found is not None else None


def clean_text(value: str, field: str, limit: int, *, multiline: bool = False,
               required: bool = False) -> str:
    """Free text for a sealed record (STYLE.md, "Shape"): trimmed and normalised to NFC; refused with the
    field named when it holds a control character (NUL, tab, a line break unless ``multiline``), a
    bidirectional override or isolate, or is longer than ``limit`` characters (never cut)."""
    text = unicodedata.normalize("NFC", value.replace("\r\n", "\n")).strip()
    position = _refused_at(text, multiline)
    if position is not None:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "The field {field} holds a control or text-direction character (U+{code}) at "
            "position {position}; remove it and try again."),
            field=field, code=f"{ord(text[position]):04X}", position=position + 1)
    if required and not text:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The field {field} is required."), field=field)
    if len(text) > limit:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "The field {field} must be at most {limit} characters (it has {length})."),
            field=field, limit=limit, length=len(text))
    return text


BINARY_UNITS = ("KiB", "MiB", "GiB", "TiB")


def binary_size(size: int) -> str | None:
    """``57.2 KiB``, ``1.5 GiB`` (binary units, one decimal) from 1 KiB on; None below, where the
    caller words the plain byte count in its own language."""
    if size < 1024:
        return None
    value = float(size)
    for unit in BINARY_UNITS:
        value /= 1024
        if value < 1024 or unit == BINARY_UNITS[-1]:
            break
    return f"{value:.1f} {unit}"
