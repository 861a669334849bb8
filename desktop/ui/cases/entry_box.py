"""The box a mediator types the minutes into, live: Enter confirms the entry, Shift+Enter makes a line
break; Ctrl+1…Ctrl+9 choose the speaker and Alt+S/Q/A/N the kind of entry, ahead of the window's own
shortcuts while the box has the focus. A speaker may also be named by a prefix typed at the start of the
entry: the attendee's number, or the first characters of their role or name, then a colon (``2：``,
``申请人：``, ``张:``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

COLONS = ("：", ":")  # full-width (what a Chinese input method types) and half-width
PREFIX_LIMIT = 16  # characters before the colon that may name a speaker; a longer start is the entry
SPEAKER_KEYS = {Qt.Key.Key_1 + offset: offset for offset in range(9)}  # Ctrl+1 … Ctrl+9
KIND_KEYS = (Qt.Key.Key_S, Qt.Key.Key_Q, Qt.Key.Key_A, Qt.Key.Key_N)  # Alt+S/Q/A/N, in the kinds' order


@dataclass(frozen=True, slots=True)
class SpeakerChoice:
    """An attendee as the prefix sees them: their role in words and their name."""

    role_label: str
    name: str


def speaker_prefix(text: str, speakers: Sequence[SpeakerChoice]) -> tuple[int, str] | None:
    """The speaker a prefix at the start of ``text`` names, and the text after it; None when the start
    names nobody, or more than one attendee (``申请人：`` with two applicants)."""
    cut = min((at for at in (text.find(colon) for colon in COLONS) if at > 0), default=-1)
    if cut < 0 or cut > PREFIX_LIMIT:
        return None
    token, rest = text[:cut].strip(), text[cut + 1:].lstrip()
    if not token or any(char.isspace() for char in token):
        return None
    if token.isdigit():
        number = int(token)
        return (number - 1, rest) if 1 <= number <= len(speakers) else None
    wanted = token.casefold()
    for exact in (True, False):
        found = [index for index, speaker in enumerate(speakers)
                 if any((word == wanted) if exact else word.startswith(wanted)
                        for word in (speaker.name.casefold(), speaker.role_label.casefold()) if word)]
        if len(found) == 1:
            return found[0], rest
        if len(found) > 1:
            return None
    return None


class EntryBox(QPlainTextEdit):
    """Plain text, typed live. ``confirmed`` on Enter (the text is the caller's to take);
    ``speaker_key(n)`` on Ctrl+n (0-based); ``kind_key(n)`` on Alt+S/Q/A/N."""

    confirmed = Signal()
    speaker_key = Signal(int)
    kind_key = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entryBox")
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)

    @staticmethod
    def _own_shortcut(event: QKeyEvent) -> bool:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers == Qt.KeyboardModifier.ControlModifier and event.key() in SPEAKER_KEYS:
            return True
        return modifiers == Qt.KeyboardModifier.AltModifier and event.key() in KIND_KEYS

    def event(self, event: QEvent) -> bool:
        # Taken before the window's shortcuts (its Ctrl+1… switch pages): the typist's hands stay here.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and self._own_shortcut(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if modifiers & Qt.KeyboardModifier.ShiftModifier:
                self.insertPlainText("\n")
            elif modifiers == Qt.KeyboardModifier.NoModifier:
                self.confirmed.emit()
            else:
                super().keyPressEvent(event)
            return
        if self._own_shortcut(event):
            if modifiers == Qt.KeyboardModifier.ControlModifier:
                self.speaker_key.emit(SPEAKER_KEYS[Qt.Key(key)])
            else:
                self.kind_key.emit(KIND_KEYS.index(Qt.Key(key)))
            return
        super().keyPressEvent(event)
