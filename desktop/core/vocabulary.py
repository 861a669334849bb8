"""Closed vocabularies (STYLE.md, "Shape"): a ``StrEnum`` whose every value carries an English label.

The value is the stable code stored and printed (``evidence.ingested``); the label is what people read,
translated by the GUI in the ``vocabulary`` context. A test checks that every value of every vocabulary
has a label and a Chinese translation.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self

from desktop.core.errors import QT_TRANSLATE_NOOP

VOCABULARY_CONTEXT = "vocabulary"


class Vocabulary(StrEnum):
    """Base of every closed vocabulary: members are declared as ``NAME = "code", QT_TRANSLATE_NOOP(...)``."""

    label: str

    def __new__(cls, value: str, label: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member


def vocabularies() -> list[type[Vocabulary]]:
    """Every vocabulary defined in the modules imported so far."""
    found: list[type[Vocabulary]] = []
    pending: list[type[Vocabulary]] = [Vocabulary]
    while pending:
        for child in pending.pop().__subclasses__():
            found.append(child)
            pending.append(child)
    return found


__all__ = ["QT_TRANSLATE_NOOP", "VOCABULARY_CONTEXT", "Vocabulary", "vocabularies"]
