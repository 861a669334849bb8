"""The Settings page: this workstation's idle lock, and (for administrators) the users and their roles."""

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
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import MedisealError
from desktop.core.storage.store import OpenStore
from desktop.core.trust import users
from desktop.core.trust.permissions import Action, Role
from desktop.core.trust.sign_in import SignedInUser
from desktop.ui.framework.errors import show_error
from desktop.ui.framework.i18n import translate_error

translate = QCoreApplication.translate


def role_titles() -> dict[Role, str]:
    """Role names as users read them."""
    return {Role.ADMIN: translate("Roles", "Administrator"), Role.MEDIATOR: translate("Roles", "Mediator"),
            Role.NOTARY: translate("Roles", "Notary"), Role.CLERK: translate("Roles", "Clerk")}


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


class UserDialog(QDialog):
    """Add a user, or (with ``name``) change a user's roles. The service decides; errors stay in view."""

    def __init__(self, apply: Callable[[str, frozenset[Role], str], None], name: str | None = None,
                 roles: frozenset[Role] = frozenset(), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.apply = apply
        self.setWindowTitle(self.tr("Change roles") if name else self.tr("Add user"))
        self.name_edit = QLineEdit(name or "")
        self.name_edit.setObjectName("newUserName")
        self.name_edit.setReadOnly(name is not None)
        self.role_checks = RoleChecks(roles)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("newUserPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setObjectName("newUserPasswordRepeat")
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("userDialogMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.name_edit)
        form.addRow(self.tr("Roles:"), self.role_checks)
        if name is None:
            form.addRow(self.tr("Initial password:"), self.password_edit)
            form.addRow(self.tr("Password again:"), self.repeat_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.attempt)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def attempt(self) -> None:
        if self.password_edit.text() != self.repeat_edit.text():
            self.message.setText(self.tr("The two passwords differ."))
            return
        try:
            self.apply(self.name_edit.text().strip(), self.role_checks.roles(), self.password_edit.text())
        except MedisealError as error:
            self.message.setText(translate_error(error))
            return
        self.accept()


class SettingsPage(QWidget):
    """Workstation settings and user management."""

    def __init__(self, store: OpenStore, signed_in: SignedInUser, idle_minutes: int,
                 set_idle_minutes: Callable[[int], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_settings")
        self.store = store
        self.signed_in = signed_in
        self.dialog: UserDialog | None = None

        self.idle_spin = QSpinBox()
        self.idle_spin.setObjectName("idleMinutes")
        self.idle_spin.setRange(0, 240)
        self.idle_spin.setMaximumWidth(140)
        self.idle_spin.setSuffix(self.tr(" min"))
        self.idle_spin.setSpecialValueText(self.tr("never"))
        self.idle_spin.setValue(idle_minutes)
        self.idle_spin.valueChanged.connect(set_idle_minutes)
        workstation = QGroupBox(self.tr("This workstation"))
        workstation_form = QFormLayout(workstation)
        workstation_form.addRow(self.tr("Lock the window after this long without use:"), self.idle_spin)

        self.users_box = QGroupBox(self.tr("Users"))
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("usersTable")
        self.table.setHorizontalHeaderLabels([self.tr("User"), self.tr("Roles"), self.tr("State")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.add_button = QPushButton(self.tr("&Add User…"))
        self.add_button.setObjectName("addUserButton")
        self.add_button.clicked.connect(self.add_user)
        self.roles_button = QPushButton(self.tr("Change &Roles…"))
        self.roles_button.setObjectName("changeRolesButton")
        self.roles_button.clicked.connect(self.change_roles)
        self.disable_button = QPushButton(self.tr("&Disable"))
        self.disable_button.setObjectName("disableUserButton")
        self.disable_button.clicked.connect(self.disable_user)
        self.not_admin = QLabel(self.tr("Only administrators manage users."))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.roles_button, self.disable_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        users_layout = QVBoxLayout(self.users_box)
        users_layout.addWidget(self.not_admin)
        users_layout.addWidget(self.table)
        users_layout.addLayout(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(workstation)
        layout.addWidget(self.users_box, 1)
        self.set_user(signed_in)

    def set_user(self, signed_in: SignedInUser) -> None:
        self.signed_in = signed_in
        admin = signed_in.actor.may(Action.MANAGE_USERS)
        self.not_admin.setVisible(not admin)
        for widget in (self.table, self.add_button, self.roles_button, self.disable_button):
            widget.setVisible(admin)
        if admin:
            self.refresh()

    def refresh(self) -> None:
        titles = role_titles()
        with self.store.database.session_scope() as session:
            listed = users.list_users(session, self.signed_in.actor)
        self.table.setRowCount(len(listed))
        for row, info in enumerate(listed):
            state = self.tr("disabled") if info.disabled else self.tr("active")
            role_names = ", ".join(titles[Role(role)] for role in info.roles)
            for column, value in enumerate((info.name, role_names, state)):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, (info.name, info.roles))
                self.table.setItem(row, column, item)

    def _selected(self) -> tuple[str, tuple[str, ...]] | None:
        item = self.table.item(self.table.currentRow(), 0) if self.table.currentRow() >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _write(self, change: Callable[..., object], *args: object) -> None:
        with self.store.database.session_scope() as session:
            change(session, self.signed_in.actor, *args)
        self.refresh()

    def add_user(self) -> UserDialog:
        self.dialog = UserDialog(
            lambda name, roles, password: self._write(users.add_user, name, roles, password), parent=self)
        self.dialog.open()
        return self.dialog

    def change_roles(self) -> UserDialog | None:
        selected = self._selected()
        if selected is None:
            return None
        name, roles = selected
        self.dialog = UserDialog(lambda _name, chosen, _password: self._write(users.set_roles, name, chosen),
                                 name=name, roles=frozenset(Role(r) for r in roles), parent=self)
        self.dialog.open()
        return self.dialog

    def disable_user(self) -> QMessageBox | None:
        selected = self._selected()
        if selected is None:
            return None
        name = selected[0]
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Disable user"),
                          self.tr("Disable “{name}”? They can no longer sign in; their history and keys "
                                  "stay.").format(name=name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)

        def confirmed(button: int) -> None:
            if button == QMessageBox.StandardButton.Yes:
                try:
                    self._write(users.disable_user, name)
                except MedisealError as error:
                    show_error(self, error)

        box.finished.connect(confirmed)
        box.open()
        return box
