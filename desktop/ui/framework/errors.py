"""Showing errors: domain errors as a message box, anything unexpected as a crash dialog naming the log."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop.core.errors import Cancelled, MedisealError
from desktop.core.storage.logs import current_log_file
from desktop.ui.framework.i18n import translate_error

if TYPE_CHECKING:  # QMessageBox loads when a box is first shown, not before the window's first paint
    from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

log = logging.getLogger(__name__)

# Open dialogs are kept here so Python does not collect them while they are shown.
_open_dialogs: set[QMessageBox] = set()


translate = QCoreApplication.translate
ERROR_COLOUR = "#b00020"


def error_label(object_name: str) -> QLabel:
    """The red, wrapping line under a dialog's fields where a refusal stays in view; the dialog grows for
    it rather than squashing its fields."""
    from desktop.ui.framework.fitting import GrowingLabel

    label = GrowingLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOUR}")
    return label


def _show(box: QMessageBox) -> QMessageBox:
    # open(), not exec(): the event loop keeps running (and tests can find and close the box).
    _open_dialogs.add(box)
    box.finished.connect(lambda _result: _open_dialogs.discard(box))
    box.open()
    return box


def show_error(parent: QWidget | None, error: BaseException) -> QMessageBox | None:
    """Tell the user what went wrong; ``Cancelled`` is silent, unexpected errors go to the crash dialog."""
    if isinstance(error, Cancelled):
        return None
    if not isinstance(error, MedisealError):
        return show_crash(parent, error)
    from PySide6.QtWidgets import QMessageBox

    title = translate("ErrorDialogs", "Mediseal")
    box = QMessageBox(QMessageBox.Icon.Warning, title, translate_error(error),
                      QMessageBox.StandardButton.Ok, parent)
    return _show(box)


def show_crash(parent: QWidget | None, error: BaseException) -> QMessageBox:
    """The crash dialog: says an unexpected error happened, names the log file, offers the details."""
    from PySide6.QtWidgets import QMessageBox

    where = current_log_file()
    text = translate("ErrorDialogs", "Something unexpected went wrong. Your saved work is safe; the "
                     "action that failed was not completed.")
    if where is not None:
        text += "\n\n" + translate("ErrorDialogs", "Details were written to the log file:\n{path}").format(
            path=str(where))
    title = translate("ErrorDialogs", "Mediseal: unexpected error")
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setDetailedText("".join(traceback.format_exception(error)))
    return _show(box)


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def install_excepthook(parent_of: Callable[[], QWidget | None]) -> ExceptHook:
    """Route unhandled exceptions (in slots and callbacks) to the log and the crash dialog."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, error, tb)
            return
        log.error("unhandled exception", exc_info=(kind, error, tb))
        show_crash(parent_of(), error)

    sys.excepthook = hook
    return previous

