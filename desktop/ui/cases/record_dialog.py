"""The dialog that adds or edits one versioned record of a case (a party, an agent, the case's details):
its form, saved on a worker thread against the version the edit started from. When another seat saved
meanwhile (``versions.StaleEdit``) the dialog stays open with everything typed, says so, and offers to
load theirs beside it (the edit typed stays one click away); closing with unsaved changes asks first."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cases.versions import StaleEdit
from desktop.core.errors import MedisealError
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.ui.framework.changes import Changes
from desktop.ui.framework.errors import error_label, show_error
from desktop.ui.framework.i18n import translate_error
from desktop.ui.framework.ops import Op, run_op

SaveTask = Callable[[Any, int | None], Any]


class Editor(Protocol):
    """A form a record dialog holds: ``value()`` checks and raises ``InvalidInput`` (showing it),
    ``load(info)`` fills it from a stored record, ``changed`` tells of the user's edits."""

    changed: Any

    def value(self) -> Any: ...

    def load(self, info: Any) -> None: ...


class RecordDialog(QDialog):
    """Add (``base`` None) or edit (``base`` the version shown) a record. ``save(value, base)`` and
    ``latest()`` are core calls (each with its own session) run on a worker thread; ``version_of(info)``
    reads a stored record's version."""

    saved = Signal(object)  # the record as stored

    def __init__(self, title: str, make_editor: Callable[[], Any], save: SaveTask,
                 latest: Callable[[], Any] | None, version_of: Callable[[Any], int],
                 base: int | None = None, parent: QWidget | None = None, *, intro: str = "",
                 save_text: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordDialog")
        self.setWindowTitle(title)
        self.make_editor = make_editor
        self.save_task = save
        self.latest_task = latest
        self.version_of = version_of
        self.base = base
        self.dirty = False
        self.stale = False
        self.op: Op[Any] | None = None
        self.confirm_box: QMessageBox | None = None
        self.mine: Any = make_editor()
        self.theirs: Any = None
        self.mine.changed.connect(self._changed)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.mine)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.intro.setVisible(bool(intro))
        self.showing = QLabel()
        self.showing.setObjectName("recordShowing")
        self.showing.setWordWrap(True)
        self.showing.setVisible(False)
        self.message = error_label("recordDialogMessage")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("recordSave")
        if save_text:
            self.save_button.setText(save_text)
        self.switch_button = QPushButton(self.tr("Load Theirs"))
        self.switch_button.setObjectName("loadTheirs")
        self.switch_button.clicked.connect(self.switch)
        buttons.addButton(self.switch_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.switch_button.setVisible(False)  # after addButton, which shows it
        buttons.accepted.connect(self.attempt)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.showing)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(560, 620)

    def editor(self) -> Any:
        """The form in view (the one Save saves)."""
        return self.stack.currentWidget()

    def _changed(self) -> None:
        self.dirty = True

    def has_unsaved_edits(self) -> bool:
        return self.isVisible() and self.dirty

    # --- saving ------------------------------------------------------------------------------------
    def attempt(self) -> Op[Any] | None:
        if self.op is not None:
            return None
        try:
            value = self.editor().value()
        except MedisealError:
            return None  # the form shows what is wrong and focuses the field
        base = self.base

        def save(_progress: ProgressFn, _cancelled: CancelledFn) -> Any:
            return self.save_task(value, base)

        op = run_op(self, save)
        op.on_success(self._saved).on_failure(self._refused).changing(Changes(cases=True, ledger=True))
        op.finished.connect(self._finished)
        self.save_button.setEnabled(False)
        self.message.clear()
        self.op = op
        return op.start()

    def _finished(self) -> None:
        self.op = None
        self.save_button.setEnabled(True)

    def _saved(self, info: Any) -> None:
        self.dirty = False
        self.saved.emit(info)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, MedisealError):
            show_error(self, error)
            return
        text = translate_error(error)
        if isinstance(error, StaleEdit) and self.latest_task is not None:
            self.stale = True
            text += "\n" + self.tr("Everything you typed is still here. Load Theirs shows the version "
                                   "saved meanwhile; you can come back to yours and save it over theirs.")
            self.switch_button.setVisible(True)
        self.message.setText(text)

    # --- their version -----------------------------------------------------------------------------
    def switch(self) -> Op[Any] | None:
        """Show their version (read now), or back to the edit typed here."""
        if self.editor() is not self.mine:
            self.stack.setCurrentWidget(self.mine)
            self._show_which()
            return None
        if self.latest_task is None or self.op is not None:
            return None
        latest = self.latest_task
        op = run_op(self, lambda _progress, _cancelled: latest())
        op.on_success(self._theirs_loaded)
        op.finished.connect(self._finished)
        self.op = op
        return op.start()

    def _theirs_loaded(self, info: Any) -> None:
        if self.theirs is not None:
            self.stack.removeWidget(self.theirs)
            self.theirs.deleteLater()
        self.theirs = self.make_editor()
        self.theirs.load(info)
        self.theirs.changed.connect(self._changed)
        self.stack.addWidget(self.theirs)
        self.stack.setCurrentWidget(self.theirs)
        self.base = self.version_of(info)  # a save now knowingly follows their version
        self.message.clear()
        self._show_which()

    def _show_which(self) -> None:
        theirs = self.editor() is not self.mine
        self.showing.setVisible(True)
        self.showing.setText(
            self.tr("Showing the version saved meanwhile (version {version}). Save keeps it with any "
                    "changes you make here.").format(version=self.base) if theirs else
            self.tr("Showing your edit. Save records it as the version after version {version}.").format(
                version=self.base))
        self.switch_button.setText(self.tr("Back to My Edit") if theirs else self.tr("Load Theirs"))

    # --- closing -----------------------------------------------------------------------------------
    def reject(self) -> None:
        """Esc, Cancel or the close button: with unsaved changes, ask before they go."""
        if not self.dirty or self.confirm_box is not None:
            super().reject()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(),
                          self.tr("Discard the changes you typed?"), QMessageBox.StandardButton.NoButton,
                          self)
        box.setObjectName("discardConfirm")
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep Editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)

        def answered(_result: int) -> None:
            self.confirm_box = None
            if box.clickedButton() is discard:
                self.dirty = False
                super(RecordDialog, self).reject()

        box.finished.connect(answered)
        self.confirm_box = box
        box.open()
