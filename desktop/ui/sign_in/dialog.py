"""The sign-in dialog, also used to unlock a window locked after idle time. It can show before the store
has opened (start-up): a password typed meanwhile is checked once the store is there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import MedisealError
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.ui.framework.changes import Changes
from desktop.ui.framework.errors import error_label, show_error
from desktop.ui.framework.i18n import translate_error
from desktop.ui.framework.ops import Op, run_op

if TYPE_CHECKING:  # the store and the trust services load SQLAlchemy: the worker thread imports them
    from desktop.core.storage.store import OpenStore
    from desktop.core.trust.sign_in import SignedInUser


class SignInDialog(QDialog):
    """Asks a user name and password; ``session`` holds the result once accepted.

    With ``locked`` given, the window is locked for that session's user: only the password is asked,
    and the same session continues.
    """

    def __init__(self, store: OpenStore | None, parent: QWidget | None = None,
                 locked: SignedInUser | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.waiting_for_store = False
        self.locked = locked
        self.session: SignedInUser | None = None
        self.check_op: Op[SignedInUser] | None = None
        self.setObjectName("SignInDialog")
        self.setWindowTitle(self.tr("Unlock Mediseal") if locked else self.tr("Sign in to Mediseal"))
        intro = QLabel(self.tr("The window was locked after a time without use. Enter your password to "
                               "go on where you left off.") if locked else
                       self.tr("Sign in with your Mediseal user name and password."))
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(locked.actor.name if locked else "")
        self.name_edit.setObjectName("userName")
        self.name_edit.setReadOnly(locked is not None)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = error_label("signInMessage")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Unlock") if locked else self.tr("Sign in"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("Sign out") if locked else self.tr("Quit"))
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.attempt)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.name_edit)
        form.addRow(self.tr("Password:"), self.password_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        # Wide enough for the introduction on two lines and a refusal on one, in either language.
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 56)
        (self.password_edit if locked else self.name_edit).setFocus()

    def attempt(self) -> Op[SignedInUser] | None:
        """Check the password on a worker thread (argon2id takes most of a second; the window stays
        live); accept, or say why not and stay open."""
        if self.check_op is not None or self.waiting_for_store:
            return None
        if self.store is None:  # still opening: checked as soon as it is there (``set_store``)
            self.waiting_for_store = True
            self._set_checking(True)
            self.message.setText(self.tr("Opening the data folder…"))
            return None
        store, locked = self.store, self.locked
        name, password = self.name_edit.text().strip(), self.password_edit.text()

        def check(progress: ProgressFn, cancelled: CancelledFn) -> SignedInUser:
            from desktop.core.trust import sign_in as sessions

            if locked is not None:
                sessions.confirm_password(store.database, locked, password)
                return locked
            return sessions.sign_in_user(store.database, name, password)

        self._set_checking(True)
        op = run_op(self, check).on_success(self._checked).on_failure(self._refused)
        op.changing(Changes(ledger=True))  # a sign-in, or a failed one, is a ledger entry
        op.finished.connect(lambda: self._set_checking(False))
        self.check_op = op
        return op.start()

    def set_store(self, store: OpenStore) -> None:
        """The store has opened: a password already typed is checked now."""
        self.store = store
        if self.waiting_for_store:
            self.waiting_for_store = False
            self.check_op = None
            self.attempt()

    def _set_checking(self, checking: bool) -> None:
        if not checking:
            self.check_op = None
        for widget in (self.ok_button, self.cancel_button, self.password_edit):
            widget.setEnabled(not checking)
        self.name_edit.setEnabled(not checking)
        self.message.setText(self.tr("Checking the password…") if checking else self.message.text())

    def _checked(self, signed_in: SignedInUser) -> None:
        self.session = signed_in
        self.message.clear()
        self.accept()

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, MedisealError):
            show_error(self, error)
            return
        self.message.setText(translate_error(error))
        self.password_edit.clear()
        self.password_edit.setFocus()

    def reject(self) -> None:
        # While the password is checked (or waits for the store), the answer is awaited.
        if self.check_op is None and not self.waiting_for_store:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.check_op is not None or self.waiting_for_store:
            event.ignore()
            return
        super().closeEvent(event)
