"""What the party and agent forms share: checked as you type, the field in error marked and one red line
saying what is wrong (core's ``InvalidInput`` in the user's language), a ``changed`` signal for unsaved
edits, optional dates, and the identity document chooser (居民身份证, 港澳/台湾居民通行证, 护照)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from itertools import pairwise

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cases.identity import DocumentKind
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput, MedisealError
from desktop.ui.framework.errors import ERROR_COLOUR, error_label
from desktop.ui.framework.i18n import label, translate_error

INVALID = "invalid"  # the dynamic property a field in error carries (and the style sheet reads)
FIELD = "field"
EARLIEST = QDate(1880, 1, 1)  # GB 11643 births are 1880 or later; the day before it means "not given"
DOCUMENT_FIELDS = ("identity number", "permit number", "passport number")  # what core names the number
REQUIRED = QT_TRANSLATE_NOOP("errors", "The field {field} is required.")


def required(field: str) -> InvalidInput:
    """The refusal core gives for a required field left empty, for a choice the form leaves unmade."""
    return InvalidInput(REQUIRED, field=field)


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class OptionalDate(QDateEdit):
    """A date that may be left empty: the day before ``EARLIEST`` shows as a dash and means none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(EARLIEST.addDays(-1))
        self.setSpecialValueText("—")
        self.clear_date()

    def clear_date(self) -> None:
        self.setDate(self.minimumDate())

    def value(self) -> date | None:
        return None if self.date() == self.minimumDate() else to_date(self.date())

    def set_value(self, value: date | None) -> None:
        if value is None:
            self.clear_date()
        else:
            self.setDate(QDate(value.year, value.month, value.day))

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab leaves an empty date for the next field (the dash has no sections for Tab to step through)."""
        if self.value() is None:
            return QWidget.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)


def fill_combo(combo: QComboBox, choices: Iterable[tuple[str, object]]) -> QComboBox:
    for title, data in choices:
        combo.addItem(title, data)
    return combo


def select(combo: QComboBox, data: object) -> None:
    combo.setCurrentIndex(combo.findData(data))


def document_kinds(with_none: str | None = None) -> QComboBox:
    """The identity documents (DocumentKind) by their words; first a "none" entry when ``with_none``."""
    combo = QComboBox()
    if with_none is not None:
        combo.addItem(with_none, "")
    return fill_combo(combo, ((label(kind), kind.value) for kind in DocumentKind))


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area that scrolls vertically only, so a form fits a small dialog."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area


class CheckedForm(QWidget):
    """A form checked on every edit. Subclasses register each field widget under the field codes core's
    errors name (``watch``), give the checks of single fields (``field_checks``) and the whole check
    (``build``). Only fields the user has edited are complained about while typing, so an empty new form
    is not red; ``value()`` complains about all of them."""

    changed = Signal()

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.message = error_label(f"{object_name}Message")
        self.widgets: dict[str, QWidget] = {}  # field code → the widget that holds it
        self.touched: set[int] = set()  # ids of the widgets the user has edited
        self.filling = False  # set_value at work: not the user's edit
        self.error: MedisealError | None = None
        self.setStyleSheet(f"*[{INVALID}=\"true\"] {{ border: 2px solid {ERROR_COLOUR}; }}")

    # Building the form
    def labelled(self, form: QFormLayout, text: str, widget: QWidget, *codes: str,
                 buddy: QWidget | None = None) -> QLabel:
        """Add a row ``text: widget`` whose label leads the keyboard to the field (its buddy), and watch
        ``widget`` as the holder of ``codes``."""
        row_label = QLabel(text)
        row_label.setBuddy(buddy or widget)
        form.addRow(row_label, widget)
        if codes:
            self.watch(widget, *codes)
        return row_label

    def line(self, object_name: str, limit: int) -> QLineEdit:
        """A one-line field for a value of at most ``limit`` characters."""
        edit = QLineEdit()
        edit.setObjectName(object_name)
        edit.setMaxLength(limit * 2)  # core refuses an over-long value by name; the edit does not cut it
        return edit

    def watch(self, widget: QWidget, *codes: str) -> None:
        """``widget`` holds the fields ``codes``; its edits recheck the form."""
        for code in codes:
            self.widgets.setdefault(code, widget)
        signal: object
        if isinstance(widget, QLineEdit):
            signal = widget.textEdited  # typed by the user, not set by the program
        elif isinstance(widget, QPlainTextEdit):
            signal = widget.textChanged
        elif isinstance(widget, QComboBox):
            signal = widget.activated
        elif isinstance(widget, QDateEdit):
            signal = widget.userDateChanged
        elif isinstance(widget, QAbstractButton | QGroupBox):
            signal = widget.toggled
        else:
            raise TypeError(type(widget).__name__)
        signal.connect(lambda *_: self.edited(widget))

    def edited(self, widget: QWidget) -> None:
        if self.filling:
            return
        self.touched.add(id(widget))
        self.react(widget)
        self.changed.emit()
        self.recheck()

    def react(self, widget: QWidget) -> None:
        """What an edit of ``widget`` sets in motion (rows shown or hidden, a date read from a number)."""

    def field_checks(self) -> list[Callable[[], object]]:
        """Checks of single fields, in the order of the form (each raises ``InvalidInput``)."""
        return []

    def build(self) -> object:
        """The whole value, checked by core; raises ``InvalidInput`` naming the field."""
        raise NotImplementedError

    # Checking
    def holder(self, error: MedisealError) -> QWidget | None:
        widget = self.widgets.get(str(error.fields.get(FIELD, "")))
        return widget if widget is not None and widget.isVisibleTo(self) else None

    def _shows(self, error: MedisealError, everything: bool) -> bool:
        widget = self.holder(error)
        return everything or widget is None or id(widget) in self.touched

    def recheck(self, everything: bool = False) -> MedisealError | None:
        """Check the form; show the first error about a field the user has edited (``everything``: about
        any field), mark that field and return the error; clear the marks when all is well."""
        found: MedisealError | None = None
        for check in self.field_checks():
            try:
                check()
            except MedisealError as error:
                if self._shows(error, everything):
                    found = error
                    break
        if found is None:
            try:
                self.build()
            except MedisealError as error:
                if self._shows(error, everything):
                    found = error
        self.show_error(found)
        return found

    def show_error(self, error: MedisealError | None) -> None:
        self.error = error
        marked = self.holder(error) if error is not None else None
        for widget in set(self.widgets.values()):
            wrong = widget is marked
            if bool(widget.property(INVALID)) != wrong:
                widget.setProperty(INVALID, wrong)
                widget.style().unpolish(widget)
                widget.style().polish(widget)
        self.message.setText(translate_error(error) if error is not None else "")

    def checked(self) -> object:
        """The whole value; on an error, show it, move the focus to its field, and raise it."""
        error = self.recheck(everything=True)
        if error is not None:
            widget = self.holder(error)
            if widget is not None:
                widget.setFocus()
            raise error
        return self.build()

    def start_filling(self) -> None:
        self.filling = True

    def done_filling(self) -> None:
        """After ``set_value``: nothing touched, nothing red."""
        self.filling = False
        self.touched.clear()
        self.show_error(None)

    def chain_tabs(self, widgets: Iterable[QWidget]) -> None:
        """The keyboard's order through the form, as it reads top to bottom."""
        ordered = list(widgets)
        for first, second in pairwise(ordered):
            QWidget.setTabOrder(first, second)


def framed(content: QWidget, message: QLabel) -> QVBoxLayout:
    """The layout of a form: its fields in a scroll area, the red line below, always in view."""
    layout = QVBoxLayout()
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(scrolling(content), 1)
    layout.addWidget(message)
    return layout


