"""A field for a sum of yuan that refuses, as it is typed, what is not money (letters, a third decimal
place, a sum beyond any agreement), with the sum in Chinese capitals beside it as the agreement prints it."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QWidget

from desktop.core.documents.amounts import AMOUNT_LIMIT, amount_in_capitals, parse_amount
from desktop.core.errors import InvalidInput

# What a typed sum may hold besides digits and one decimal point: thousands separators and the yuan sign
# (a Chinese input method types them full-width: NFKC makes them half-width, as ``parse_amount`` does).
SEPARATORS = ",¥ "


def _cleaned(text: str) -> str:
    normal = unicodedata.normalize("NFKC", text)
    return "".join(char for char in normal if char not in SEPARATORS and not char.isspace())


class MoneyValidator(QValidator):
    """Accepts what ``parse_amount`` reads; lets through what is on its way to it (empty, ``12.``); refuses
    the keystroke that makes anything else (so a letter or a third decimal never appears in the field)."""

    def validate(self, text: str, position: int) -> tuple[QValidator.State, str, int]:
        cleaned = _cleaned(text)
        if not cleaned or cleaned == ".":
            return QValidator.State.Intermediate, text, position
        whole, point, cents = cleaned.partition(".")
        if (not whole.isdecimal() and whole) or not (cents.isdecimal() or not cents) or len(cents) > 2:
            return QValidator.State.Invalid, text, position
        if point and not cents:
            return QValidator.State.Intermediate, text, position
        try:
            parse_amount(text)
        except InvalidInput:
            return QValidator.State.Invalid, text, position
        return QValidator.State.Acceptable, text, position


def typed_amount(text: str, field: str) -> Decimal | None:
    """The sum typed (None when the field is empty); ``InvalidInput`` naming ``field`` when unfinished."""
    if not _cleaned(text):
        return None
    return parse_amount(text, field)


class MoneyEdit(QWidget):
    """A sum of yuan (``1409.50``) with its capitals (人民币壹仟肆佰零玖元伍角) beside it."""

    edited = Signal()  # typed by the user

    def __init__(self, object_name: str, parent: QWidget | None = None, *, compact: bool = False) -> None:
        """``compact``: the capitals in the field's tooltip, not beside it (a narrow row of a list)."""
        super().__init__(parent)
        self.compact = compact
        self.line = QLineEdit()
        self.line.setObjectName(object_name)
        self.line.setValidator(MoneyValidator(self.line))
        self.line.setPlaceholderText(self.tr("yuan, e.g. 30000.00"))
        self.line.setMaxLength(len(str(AMOUNT_LIMIT)) + 8)
        # Room for a sum of hundreds of millions with its 角 and 分 (a field in a narrow row is not squeezed).
        self.line.setMinimumWidth(self.line.fontMetrics().horizontalAdvance("000,000,000.00") + 12)
        self.capitals = QLabel()
        self.capitals.setObjectName(f"{object_name}Capitals")
        self.capitals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.capitals.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line, 2)
        layout.addWidget(self.capitals, 3)
        self.capitals.setVisible(not compact)
        # As tall as the capitals need when they wrap (a long sum in a narrow window), never cut.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setFocusProxy(self.line)
        self.line.textEdited.connect(self._edited)

    def text(self) -> str:
        return self.line.text()

    def set_text(self, text: str) -> None:
        self.line.setText(text)
        self._show_capitals()

    def set_amount(self, amount: Decimal | None) -> None:
        self.set_text("" if amount is None else f"{amount:.2f}")

    def amount(self, field: str) -> Decimal | None:
        return typed_amount(self.line.text(), field)

    def setReadOnly(self, read_only: bool) -> None:
        self.line.setReadOnly(read_only)

    def _edited(self) -> None:
        self._show_capitals()
        self.edited.emit()

    def _show_capitals(self) -> None:
        try:
            amount = typed_amount(self.line.text(), "amount")
        except InvalidInput:
            amount = None
        words = amount_in_capitals(amount) if amount is not None else ""
        self.capitals.setText(words)
        if self.compact:
            self.line.setToolTip(words)
