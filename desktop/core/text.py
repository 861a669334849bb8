"""Checks on text that people type, shared by the services that store it."""

from __future__ import annotations

import unicodedata


def has_control(text: str) -> bool:
    """True when ``text`` holds a control, format or other category-C character (a newline, a tab, a
    bidirectional override…): such text cannot stand on one line of a record, a list or a certificate."""
    return any(unicodedata.category(char).startswith("C") for char in text)
