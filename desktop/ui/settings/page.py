"""The Settings page: the office's settings (the idle lock; an administrator changes them, each change a
ledger entry) and, for administrators, the users and their roles. Every read and write is an op."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

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

from desktop.core.office import settings as office_settings
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.store import OpenStore
from desktop.core.trust import users
from desktop.core.trust.permissions import Action, Role
from desktop.core.trust.sign_in import SignedInUser
from desktop.ui.framework.changes import Changes, Refresher
from desktop.ui.framework.errors import error_label
from desktop.ui.framework.ops import Op, run_op, submit
from desktop.ui.settings.keys import KeysSection

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
    """Add a user, or (with ``name``) change a user's roles. ``task(name, roles, password)`` gives the core
    call, run on a worker thread; the service decides, and its errors stay in view."""

    def __init__(self, task: Callable[[str, frozenset[Role], str], Callable[[], object]],
                 name: str | None = None, roles: frozenset[Role] = frozenset(),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task = task
        self.op: Op[object] | None = None
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
        self.message = error_label("userDialogMessage")
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
        if self.op is not None:
            return
        if self.password_edit.text() != self.repeat_edit.text():
            self.message.setText(self.tr("The two passwords differ."))
            return
        work = self.task(self.name_edit.text().strip(), self.role_checks.roles(), self.password_edit.text())
        self.op = submit(self, work, self.message, [self.ok_button, self.role_checks], self._done,
                         Changes(users=True, ledger=True))
        self.op.finished.connect(self._finished)

    def _finished(self) -> None:
        self.op = None

    def _done(self, _result: object) -> None:
        self.accept()


@dataclass(frozen=True, slots=True)
class _Loaded:
    settings: office_settings.OfficeSettings
    users: list[users.UserInfo] | None  # None: the user may not list them


class SettingsPage(QWidget):
    """The office's settings and user management."""

    def __init__(self, store: OpenStore, signed_in: SignedInUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_settings")
        self.store = store
        self.signed_in = signed_in
        self.dialog: QWidget | None = None
        self.stored_minutes: int | None = None
        self.load_op: Op[_Loaded] | None = None
        self.reload_again = False

        self.idle_spin = QSpinBox()
        self.idle_spin.setObjectName("idleMinutes")
        self.idle_spin.setRange(office_settings.IDLE_LOCK_MIN_MINUTES, office_settings.IDLE_LOCK_MAX_MINUTES)
        self.idle_spin.setSuffix(self.tr(" min"))
        widest = "0000" + self.idle_spin.suffix()
        self.idle_spin.setMinimumWidth(self.idle_spin.fontMetrics().horizontalAdvance(widest) + 40)
        self.idle_spin.valueChanged.connect(self._update_apply)
        self.apply_button = QPushButton(self.tr("A&pply"))
        self.apply_button.setObjectName("applyIdleMinutes")
        self.apply_button.clicked.connect(self.apply_idle_minutes)
        idle_row = QHBoxLayout()
        idle_row.addWidget(self.idle_spin)
        idle_row.addWidget(self.apply_button)
        idle_row.addStretch(1)
        self.office_note = QLabel()
        self.office_note.setObjectName("officeSettingsNote")
        self.office_note.setWordWrap(True)
        office_box = QGroupBox(self.tr("Office (every workstation)"))
        office_form = QFormLayout(office_box)
        office_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        office_form.addRow(self.tr("Lock the window after this long without use:"), idle_row)
        office_form.addRow(self.office_note)

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
        self.not_admin.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.roles_button, self.disable_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        users_layout = QVBoxLayout(self.users_box)
        users_layout.addWidget(self.not_admin)
        users_layout.addWidget(self.table)
        users_layout.addLayout(buttons)

        self.keys = KeysSection(store, signed_in)

        layout = QVBoxLayout(self)
        layout.addWidget(office_box)
        layout.addWidget(self.users_box, 1)
        layout.addWidget(self.keys, 1)
        Refresher(self, lambda changes: changes.users or changes.settings, self.refresh)
        self.set_user(signed_in)

    @property
    def loading(self) -> bool:
        """Whether the office's settings or the users are still being read."""
        return self.load_op is not None or self.keys.loading

    def is_admin(self) -> bool:
        return self.signed_in.actor.may(Action.MANAGE_USERS)

    def may_change_settings(self) -> bool:
        return self.signed_in.actor.may(Action.CHANGE_OFFICE_SETTINGS)

    def set_user(self, signed_in: SignedInUser) -> None:
        self.signed_in = signed_in
        self.keys.set_user(signed_in)
        admin = self.is_admin()
        self.not_admin.setVisible(not admin)
        for widget in (self.table, self.add_button, self.roles_button, self.disable_button):
            widget.setVisible(admin)
        self.table.setRowCount(0)
        may_change = self.may_change_settings()
        self.idle_spin.setEnabled(may_change)
        self.apply_button.setVisible(may_change)
        self.office_note.setText(
            self.tr("Applies to every workstation of the office; the change is recorded in the ledger.")
            if may_change else self.tr("Set for the whole office by an administrator."))
        self.refresh()

    def refresh(self) -> Op[_Loaded] | None:
        """Load the office's settings and (for an administrator) the users, on a worker thread."""
        if self.load_op is not None:
            self.reload_again = True  # what is loading may predate the change: load once more after
            return None
        store, actor, admin = self.store, self.signed_in.actor, self.is_admin()

        def load(progress: ProgressFn, cancelled: CancelledFn) -> _Loaded:
            with store.database.session_scope() as session:
                return _Loaded(office_settings.office_settings(session),
                               users.list_users(session, actor) if admin else None)

        op = run_op(self, load).on_success(self._loaded)
        op.finished.connect(self._load_finished)
        self.load_op = op
        return op.start()

    def _load_finished(self) -> None:
        self.load_op = None
        if self.reload_again:
            self.reload_again = False
            self.refresh()

    def _loaded(self, loaded: _Loaded) -> None:
        edited = self.stored_minutes is not None and self.idle_spin.value() != self.stored_minutes
        self.stored_minutes = loaded.settings.idle_lock_minutes
        if not edited:
            self.idle_spin.setValue(self.stored_minutes)
        self._update_apply()
        if loaded.users is not None:
            self._show_users(loaded.users)

    def _show_users(self, listed: list[users.UserInfo]) -> None:
        titles = role_titles()
        selected = self._selected()
        self.table.setRowCount(len(listed))
        for row, info in enumerate(listed):
            state = self.tr("disabled") if info.disabled else self.tr("active")
            role_names = ", ".join(titles[Role(role)] for role in info.roles)
            for column, value in enumerate((info.name, role_names, state)):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, (info.name, info.roles))
                self.table.setItem(row, column, item)
            if selected is not None and info.name == selected[0]:
                self.table.selectRow(row)

    # --- the office's settings --------------------------------------------------------------------
    def _update_apply(self) -> None:
        self.apply_button.setEnabled(self.stored_minutes is not None
                                     and self.idle_spin.value() != self.stored_minutes)

    def apply_idle_minutes(self) -> Op[office_settings.OfficeSettings] | None:
        """Record the idle lock for the whole office (an administrator's change, logged)."""
        if not self.apply_button.isEnabled():
            return None
        store, actor, minutes = self.store, self.signed_in.actor, self.idle_spin.value()

        def change(progress: ProgressFn, cancelled: CancelledFn) -> office_settings.OfficeSettings:
            with store.database.session_scope() as session:
                return office_settings.set_idle_lock_minutes(session, actor, minutes)

        self.apply_button.setEnabled(False)
        op = run_op(self, change).changing(Changes(settings=True, ledger=True))
        op.on_success(self._applied)
        op.on_failure(self._apply_failed)
        return op.start()

    def _applied(self, settings: office_settings.OfficeSettings) -> None:
        self.stored_minutes = settings.idle_lock_minutes
        self._update_apply()

    def _apply_failed(self, error: BaseException) -> None:
        from desktop.ui.framework.errors import show_error

        self._update_apply()
        self.dialog = show_error(self, error)

    # --- users ------------------------------------------------------------------------------------
    def _selected(self) -> tuple[str, tuple[str, ...]] | None:
        item = self.table.item(self.table.currentRow(), 0) if self.table.currentRow() >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _task(self, change: Callable[..., object], *args: object) -> Callable[[], object]:
        """A core change for the signed-in administrator, with a session of the worker's own."""
        store, actor = self.store, self.signed_in.actor

        def run() -> object:
            with store.database.session_scope() as session:
                return change(session, actor, *args)

        return run

    def add_user(self) -> UserDialog:
        dialog = UserDialog(lambda name, roles, password: self._task(users.add_user, name, roles, password),
                            parent=self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def change_roles(self) -> UserDialog | None:
        selected = self._selected()
        if selected is None:
            return None
        name, roles = selected
        dialog = UserDialog(lambda _name, chosen, _password: self._task(users.set_roles, name, chosen),
                            name=name, roles=frozenset(Role(r) for r in roles), parent=self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def disable_user(self) -> QMessageBox | None:
        selected = self._selected()
        if selected is None:
            return None
        name = selected[0]
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Disable user"),
                          self.tr("Disable “{name}”? They can no longer sign in; their history and keys "
                                  "stay.").format(name=name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        work = self._task(users.disable_user, name)

        def confirmed(button: int) -> None:
            if button == QMessageBox.StandardButton.Yes:
                run_op(self, lambda _progress, _cancelled: work()).changing(
                    Changes(users=True, ledger=True)).start()

        box.finished.connect(confirmed)
        self.dialog = box
        box.open()
        return box
