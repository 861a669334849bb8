"""The domain error hierarchy: one base, a few kinds, each with structured fields.

A message is an English template with ``{field}`` placeholders; ``message`` fills it in. The GUI looks
the template up in the ``errors`` translation context first, so every template is wrapped in
``QT_TRANSLATE_NOOP`` where it is written (a plain function here: core never imports Qt).
"""

from __future__ import annotations

from typing import Any

ERRORS_CONTEXT = "errors"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` without translating it here."""
    del context
    return text


class MedisealError(Exception):
    """Base of every error the services raise on purpose."""

    def __init__(self, template: str, **fields: Any) -> None:
        self.template = template
        self.fields = fields
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The English message with its fields filled in."""
        return self.template.format(**self.fields)


class NotAllowed(MedisealError):
    """The action is refused: wrong role, locked record, a rule of the office."""


class NotFound(MedisealError):
    """A named thing (case, user, item) does not exist."""


class InvalidInput(MedisealError):
    """The input is wrong: a bad value, an unusable folder, a file that cannot be read."""


class IntegrityError(MedisealError):
    """Stored data does not match what was recorded (a changed blob, a bad signature)."""


class Cancelled(MedisealError):
    """The user cancelled a long task; partial output has been cleaned up."""

    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("errors", "Cancelled."))
