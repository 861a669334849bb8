"""Checks on text that people type, shared by the services that store it."""

from __future__ import annotations

import unicodedata


def has_control(text: str) -> bool:
    """True when ``text`` holds a control, format or other category-C character (a newline, a tab, a
    bidirectional override…): such text cannot stand on one line of a record, a list or a certificate."""
    return any(unicodedata.category(char).startswith("C") for char in text)


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
