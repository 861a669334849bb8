"""The sign-in dialog, also used to unlock a window locked after idle time."""

from __future__ import annotations

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
from desktop.core.storage.store import OpenStore
from desktop.core.trust import sign_in as sessions
from desktop.core.trust.sign_in import SignedInUser
from desktop.ui.framework.i18n import translate_error


class SignInDialog(QDialog):
    """Asks a user name and password; ``session`` holds the result once accepted.

    With ``locked`` given, the window is locked for that session's user: only the password is asked,
    and the same session continues.
    """

    def __init__(self, store: OpenStore, parent: QWidget | None = None,
                 locked: SignedInUser | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.locked = locked
        self.session: SignedInUser | None = None
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
        self.message = QLabel()
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Unlock") if locked else self.tr("Sign in"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("Sign out") if locked else self.tr("Quit"))
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
        (self.password_edit if locked else self.name_edit).setFocus()

    def attempt(self) -> None:
        """Check the password (about 0.1 s of argon2id); accept, or say why not and stay open."""
        password = self.password_edit.text()
        try:
            if self.locked is not None:
                sessions.confirm_password(self.store.database, self.locked, password)
                self.session = self.locked
            else:
                self.session = sessions.sign_in_user(self.store.database, self.name_edit.text().strip(),
                                                      password)
        except MedisealError as error:
            self.message.setText(translate_error(error))
            self.password_edit.clear()
            self.password_edit.setFocus()
            return
        self.accept()
