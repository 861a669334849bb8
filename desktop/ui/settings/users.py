"""The users part of Settings: your own account (real name, roles, change your password) for everyone, and
for administrators the office's users: add, edit the real name and roles, reset a password (the user's
signing keys are revoked, said first), disable and enable. Every read and write is an op; core decides
who may, and its refusals stay in view."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.store import OpenStore
from desktop.core.trust import users
from desktop.core.trust.permissions import Action, Role
from desktop.core.trust.sign_in import SignedInUser
from desktop.ui.framework.changes import Changes, Refresher
from desktop.ui.framework.errors import error_label
from desktop.ui.framework.formatting import person
from desktop.ui.framework.ops import Op, run_op, submit
from desktop.ui.framework.reads import LatestRead

translate = QCoreApplication.translate
USER_CHANGES = Changes(users=True, ledger=True)
ROWS_ALWAYS_SHOWN = 4  # users in view in the table, however many sections share the page


def role_titles() -> dict[Role, str]:
    """Role names as users read them."""
    return {Role.ADMIN: translate("Roles", "Administrator"), Role.MEDIATOR: translate("Roles", "Mediator"),
            Role.NOTARY: translate("Roles", "Notary"), Role.CLERK: translate("Roles", "Clerk")}


def role_names(roles: tuple[str, ...]) -> str:
    titles = role_titles()
    return ", ".join(titles[Role(role)] for role in roles)


def _password_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _ok_cancel(dialog: QDialog, ok_text: str | None = None) -> tuple[QDialogButtonBox, QPushButton]:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
    if ok_text:
        ok_button.setText(ok_text)
    buttons.rejected.connect(dialog.reject)
    return buttons, ok_button


class RoleChecks(QWidget):
    """One check box per role."""

    def __init__(self, chosen: frozenset[Role] = frozenset(), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[Role, QCheckBox] = {}
        for role, title in role_titles().items():
            box = QCheckBox(title)
            box.setObjectName(f"role_{role}")
            box.setChecked(role in chosen)
            layout.addWidget(box)
            self.boxes[role] = box

    def roles(self) -> frozenset[Role]:
        return frozenset(role for role, box in self.boxes.items() if box.isChecked())


UserTask = Callable[[str, str, frozenset[Role], str], Callable[[], object]]


class UserDialog(QDialog):
    """Add a user (login name, real name, roles, initial password), or, with ``info``, edit a user's real
    name and roles. ``task(name, real_name, roles, password)`` gives the core call, run on a worker
    thread; the service decides, and its errors stay in view."""

    def __init__(self, task: UserTask, info: users.UserInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task = task
        self.op: Op[object] | None = None
        self.setWindowTitle(self.tr("Edit user") if info else self.tr("Add user"))
        self.name_edit = QLineEdit(info.name if info else "")
        self.name_edit.setObjectName("newUserName")
        self.name_edit.setReadOnly(info is not None)
        self.real_name_edit = QLineEdit(info.real_name or "" if info else "")
        self.real_name_edit.setObjectName("newUserRealName")
        self.real_name_edit.setMaxLength(users.REAL_NAME_MAX)
        self.real_name_edit.setPlaceholderText(self.tr("As on the ID card"))
        self.role_checks = RoleChecks(frozenset(Role(role) for role in info.roles) if info else frozenset())
        self.password_edit = _password_edit("newUserPassword")
        self.repeat_edit = _password_edit("newUserPasswordRepeat")
        self.message = error_label("userDialogMessage")
        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.name_edit)
        form.addRow(self.tr("Real name:"), self.real_name_edit)
        form.addRow(self.tr("Roles:"), self.role_checks)
        if info is None:
            form.addRow(self.tr("Initial password:"), self.password_edit)
            form.addRow(self.tr("Password again:"), self.repeat_edit)
        note = QLabel(self.tr("The real name appears on seals, records and documents; the user signs in with "
                              "the user name."))
        note.setWordWrap(True)
        buttons, self.ok_button = _ok_cancel(self)
        buttons.accepted.connect(self.attempt)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        (self.real_name_edit if info else self.name_edit).setFocus()

    def attempt(self) -> None:
        if self.op is not None:
            return
        if self.password_edit.text() != self.repeat_edit.text():
            self.message.setText(self.tr("The two passwords differ."))
            return
        work = self.task(self.name_edit.text().strip(), self.real_name_edit.text(), self.role_checks.roles(),
                         self.password_edit.text())
        self.op = submit(self, work, self.message, [self.ok_button, self.role_checks, self.real_name_edit],
                         self._done, USER_CHANGES)
        self.op.finished.connect(self._finished)

    def _finished(self) -> None:
        self.op = None

    def _done(self, _result: object) -> None:
        self.accept()


class PasswordDialog(QDialog):
    """Change your own password (the current one, then the new one twice: your signing keys are
    re-encrypted under it and stay unlocked), or, with ``reset_of``, reset another user's password as an
    administrator (the new one twice, after a warning that their signing keys will be revoked).
    ``task(old, new)`` gives the core call; ``revoked`` holds the keys it revoked."""

    def __init__(self, task: Callable[[str, str], Callable[[], list[str]]], reset_of: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task = task
        self.op: Op[list[str]] | None = None
        self.revoked: list[str] = []
        self.setObjectName("PasswordDialog")
        own = reset_of is None
        self.setWindowTitle(self.tr("Change your password") if own else self.tr("Reset password"))
        self.old_edit = _password_edit("oldPassword")
        self.new_edit = _password_edit("newPassword")
        self.repeat_edit = _password_edit("newPasswordRepeat")
        intro = QLabel(self.tr("Your signing keys are re-encrypted under the new password; you stay signed "
                               "in.") if own else
                       self.tr("Resetting the password of {user} revokes their signing keys: the seals they "
                               "made stay valid, but they need a new key to seal again. Give them the new "
                               "password in person.").format(user=reset_of))
        intro.setObjectName("passwordIntro")
        intro.setWordWrap(True)
        form = QFormLayout()
        if own:
            form.addRow(self.tr("Current password:"), self.old_edit)
        form.addRow(self.tr("New password:"), self.new_edit)
        form.addRow(self.tr("New password again:"), self.repeat_edit)
        self.message = error_label("passwordMessage")
        buttons, self.ok_button = _ok_cancel(
            self, self.tr("Change Password") if own else self.tr("Reset Password and Revoke Keys"))
        buttons.accepted.connect(self.attempt)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        (self.old_edit if own else self.new_edit).setFocus()

    def attempt(self) -> None:
        if self.op is not None:
            return
        if self.new_edit.text() != self.repeat_edit.text():
            self.message.setText(self.tr("The two new passwords differ."))
            return
        work = self.task(self.old_edit.text(), self.new_edit.text())
        self.op = submit(self, work, self.message, [self.ok_button, self.old_edit, self.new_edit,
                                                    self.repeat_edit], self._done,
                         Changes(users=True, keys=True, ledger=True))
        self.op.finished.connect(self._finished)

    def _finished(self) -> None:
        self.op = None

    def _done(self, revoked: list[str]) -> None:
        self.revoked = revoked
        self.accept()


def change_password_task(store: OpenStore, signed_in: SignedInUser, name: str) -> Callable[
        [str, str], Callable[[], list[str]]]:
    """The core call of a password dialog: your own (with the current password) or another user's."""
    actor = signed_in.actor

    def task(old: str, new: str) -> Callable[[], list[str]]:
        def run() -> list[str]:
            with store.database.session_scope() as session:
                return users.change_password(session, actor, name, new, old if name == actor.name else None)

        return run

    return task


def _information(parent: QWidget, title: str, text: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("passwordChanged")
    box.open()
    return box


class AccountSection(QGroupBox):
    """Who is signed in (real name, login name, roles), and their own password."""

    def __init__(self, store: OpenStore, signed_in: SignedInUser, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Your account"), parent)
        self.setObjectName("accountSection")
        self.store = store
        self.signed_in = signed_in
        self.dialog: QWidget | None = None
        self.reads = LatestRead(self, self._load, lambda loaded: self._show(*loaded))
        self.who = QLabel()
        self.who.setObjectName("accountName")
        self.who.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.password_button = QPushButton(self.tr("Change Pass&word…"))
        self.password_button.setObjectName("changeOwnPasswordButton")
        self.password_button.clicked.connect(self.change_password)
        row = QHBoxLayout(self)
        row.addWidget(self.who, 1)
        row.addWidget(self.password_button)
        Refresher(self, lambda changes: changes.users, self.refresh)
        self.set_user(signed_in)

    @property
    def loading(self) -> bool:
        return self.reads.loading

    def set_user(self, signed_in: SignedInUser) -> None:
        self.signed_in = signed_in
        self._show(signed_in.actor.name, None)
        self.refresh()

    def refresh(self) -> Op[tuple[str, str | None]] | None:
        """Read the signed-in user's real name (an administrator may have set it since)."""
        return self.reads.start()

    def _load(self) -> Callable[[ProgressFn, CancelledFn], tuple[str, str | None]]:
        store, name = self.store, self.signed_in.actor.name

        def load(progress: ProgressFn, cancelled: CancelledFn) -> tuple[str, str | None]:
            with store.database.session_scope() as session:
                return name, users.real_names(session, [name]).get(name)

        return load

    def _show(self, name: str, real_name: str | None) -> None:
        actor = self.signed_in.actor
        if name != actor.name:
            return  # a read from before a switch of user
        roles = tuple(str(role) for role in sorted(actor.roles))
        self.who.setText(self.tr("{person} — {roles}").format(person=person(name, real_name),
                                                               roles=role_names(roles)))

    def change_password(self) -> PasswordDialog:
        """Your own password: the current one, then the new one twice."""
        dialog = PasswordDialog(change_password_task(self.store, self.signed_in, self.signed_in.actor.name),
                                parent=self)
        dialog.accepted.connect(lambda: self._changed())
        self.dialog = dialog
        dialog.open()
        return dialog

    def _changed(self) -> None:
        self.dialog = _information(self, self.tr("Password changed"), self.tr(
            "Your password was changed. Use it at your next sign-in; your signing keys are protected by it."))


class UsersSection(QGroupBox):
    """The office's users, for administrators: add, edit, reset a password, disable, enable."""

    def __init__(self, store: OpenStore, signed_in: SignedInUser, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Users"), parent)
        self.setObjectName("usersSection")
        self.store = store
        self.signed_in = signed_in
        self.dialog: QWidget | None = None
        self.reads = LatestRead(self, self._load, self._show_users)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("usersTable")
        self.table.setHorizontalHeaderLabels([self.tr("User"), self.tr("Real name"), self.tr("Roles"),
                                              self.tr("State")])
        header = self.table.horizontalHeader()
        for column in (0, 1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        row_height = self.table.fontMetrics().height() + 8
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height()
                                    + ROWS_ALWAYS_SHOWN * row_height + 4)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.edit_user())
        self.add_button = self._button(self.tr("&Add User…"), "addUserButton", self.add_user)
        self.edit_button = self._button(self.tr("&Edit User…"), "editUserButton", self.edit_user)
        self.reset_button = self._button(self.tr("&Reset Password…"), "resetPasswordButton",
                                         self.reset_password)
        self.disable_button = self._button(self.tr("&Disable"), "disableUserButton", self.disable_user)
        self.enable_button = self._button(self.tr("E&nable"), "enableUserButton", self.enable_user)
        self.buttons = [self.add_button, self.edit_button, self.reset_button, self.disable_button,
                        self.enable_button]
        self.not_admin = QLabel(self.tr("Only administrators manage users."))
        self.not_admin.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        row = QHBoxLayout()
        for button in self.buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.not_admin)
        layout.addWidget(self.table)
        layout.addLayout(row)
        Refresher(self, lambda changes: changes.users, self.refresh)
        self.set_user(signed_in)

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    @property
    def loading(self) -> bool:
        return self.reads.loading

    def is_admin(self) -> bool:
        return self.signed_in.actor.may(Action.MANAGE_USERS)

    def set_user(self, signed_in: SignedInUser) -> None:
        self.signed_in = signed_in
        admin = self.is_admin()
        self.not_admin.setVisible(not admin)
        for widget in (self.table, *self.buttons):
            widget.setVisible(admin)
        # A non-administrator sees one line here: the section keeps to its height.
        self.setSizePolicy(QSizePolicy.Policy.Preferred,
                           QSizePolicy.Policy.Preferred if admin else QSizePolicy.Policy.Maximum)
        self.table.setRowCount(0)
        self._update_buttons()
        self.refresh()

    def refresh(self) -> Op[list[users.UserInfo]] | None:
        """Read the users (administrators only) on a worker thread."""
        if not self.is_admin():
            return None
        return self.reads.start()

    def _load(self) -> Callable[[ProgressFn, CancelledFn], list[users.UserInfo]]:
        store, actor = self.store, self.signed_in.actor

        def load(progress: ProgressFn, cancelled: CancelledFn) -> list[users.UserInfo]:
            with store.database.session_scope() as session:
                return users.list_users(session, actor)

        return load

    def _show_users(self, listed: list[users.UserInfo]) -> None:
        if not self.is_admin():
            return  # a read from before a switch of user
        selected = self.selected()
        self.table.setRowCount(len(listed))
        for row, info in enumerate(listed):
            state = self.tr("disabled") if info.disabled else self.tr("active")
            for column, value in enumerate((info.name, info.real_name or "—", role_names(info.roles), state)):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, info)
                self.table.setItem(row, column, item)
            if selected is not None and info.name == selected.name:
                self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> users.UserInfo | None:
        """The user selected in the table, as last read."""
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 and self.table.selectionModel().hasSelection() else None
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _update_buttons(self) -> None:
        info = self.selected()
        for button in (self.edit_button, self.reset_button):
            button.setEnabled(info is not None)
        self.disable_button.setEnabled(info is not None and not info.disabled)
        self.enable_button.setEnabled(info is not None and info.disabled)

    def _task(self, change: Callable[..., object], *args: object) -> Callable[[], object]:
        """A core change for the signed-in administrator, with a session of the worker's own."""
        store, actor = self.store, self.signed_in.actor

        def run() -> object:
            with store.database.session_scope() as session:
                return change(session, actor, *args)

        return run

    def _open(self, dialog: QWidget) -> None:
        self.dialog = dialog
        dialog.open()  # type: ignore[attr-defined]

    def add_user(self) -> UserDialog:
        dialog = UserDialog(lambda name, real_name, roles, password: self._task(
            users.add_user, name, roles, password, real_name), parent=self)
        self._open(dialog)
        return dialog

    def edit_user(self) -> UserDialog | None:
        """The selected user's real name and roles; each change that is made is logged."""
        info = self.selected()
        if info is None:
            return None
        store, actor = self.store, self.signed_in.actor

        def task(name: str, real_name: str, roles: frozenset[Role], _password: str) -> Callable[[], object]:
            def run() -> object:
                with store.database.session_scope() as session:
                    current = users.user_info(session, name)
                    if real_name.strip() or current.real_name is not None:
                        users.rename_user(session, actor, name, real_name)
                    if roles != frozenset(Role(role) for role in current.roles):
                        users.set_roles(session, actor, name, roles)
                return None

            return run

        dialog = UserDialog(task, info, parent=self)
        self._open(dialog)
        return dialog

    def reset_password(self) -> PasswordDialog | None:
        """Another user's password (their keys are revoked); your own is changed with the current one."""
        info = self.selected()
        if info is None:
            return None
        own = info.name == self.signed_in.actor.name
        dialog = PasswordDialog(change_password_task(self.store, self.signed_in, info.name),
                                None if own else person(info.name, info.real_name), parent=self)
        shown = person(info.name, info.real_name)
        dialog.accepted.connect(lambda: self._password_reset(shown, dialog.revoked, own))
        self._open(dialog)
        return dialog

    def _password_reset(self, shown: str, revoked: list[str], own: bool) -> None:
        text = (self.tr("Your password was changed.") if own else
                self.tr("The password of {user} was reset. Signing keys revoked: {count}.").format(
                    user=shown, count=len(revoked)))
        self.dialog = _information(self, self.tr("Password changed"), text)

    def _confirm(self, title: str, text: str, change: Callable[..., object], name: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        work = self._task(change, name)

        def confirmed(button: int) -> None:
            if button == QMessageBox.StandardButton.Yes:
                run_op(self, lambda _progress, _cancelled: work()).changing(USER_CHANGES).start()

        box.finished.connect(confirmed)
        self._open(box)
        return box

    def disable_user(self) -> QMessageBox | None:
        info = self.selected()
        if info is None:
            return None
        return self._confirm(self.tr("Disable user"), self.tr(
            "Disable {user}? They can no longer sign in; their history and keys stay.").format(
            user=person(info.name, info.real_name)), users.disable_user, info.name)

    def enable_user(self) -> QMessageBox | None:
        info = self.selected()
        if info is None:
            return None
        return self._confirm(self.tr("Enable user"), self.tr(
            "Enable {user}? They can sign in again with their password.").format(
            user=person(info.name, info.real_name)), users.enable_user, info.name)
