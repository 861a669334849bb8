"""First-start wizard: the office (name, case-number prefix) and its first administrator."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget, QWizard, QWizardPage

from desktop.core.errors import InvalidInput, MedisealError
from desktop.core.office import office
from desktop.core.storage.store import OpenStore
from desktop.core.trust import sign_in as sessions
from desktop.core.trust import users
from desktop.core.trust.passwords import check_password_rules
from desktop.core.trust.sign_in import SignedInUser
from desktop.ui.framework.errors import show_error
from desktop.ui.framework.i18n import translate_error


class OfficePage(QWizardPage):
    """Office name and case-number prefix, with a live example of a case number."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your office"))
        self.setSubTitle(self.tr("Mediseal records which mediation centre or notary office this data "
                                 "folder belongs to. The name appears on documents; the prefix on "
                                 "every case number."))
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("officeName")
        self.name_edit.setPlaceholderText(self.tr("e.g. Kunming IP Dispute Mediation Centre"))
        self.name_edit.setMaxLength(office.OFFICE_NAME_MAX)
        self.prefix_edit = QLineEdit(office.DEFAULT_PREFIX)
        self.prefix_edit.setObjectName("casePrefix")
        self.prefix_edit.setMaxLength(office.PREFIX_MAX)
        self.example = QLabel()
        self.example.setObjectName("caseNumberExample")
        self.problem = QLabel()
        self.problem.setObjectName("officeProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        form = QFormLayout(self)
        form.addRow(self.tr("Office name:"), self.name_edit)
        form.addRow(self.tr("Case-number prefix:"), self.prefix_edit)
        form.addRow(self.tr("Case numbers will look like:"), self.example)
        form.addRow(self.problem)
        self.name_edit.textChanged.connect(self._changed)
        self.prefix_edit.textChanged.connect(self._changed)
        self._changed()

    def validated(self) -> office.OfficeInfo | None:
        try:
            return office.validate_office(self.name_edit.text(), self.prefix_edit.text())
        except InvalidInput:
            return None

    def _changed(self) -> None:
        prefix = self.prefix_edit.text().strip() or "…"
        self.example.setText(office.format_case_number(prefix, datetime.now().year, 1))
        try:
            office.validate_office(self.name_edit.text(), self.prefix_edit.text())
        except InvalidInput as error:
            # An empty name at the start is not a problem worth shouting about yet.
            self.problem.setText("" if error.fields.get("field") == "name" and not self.name_edit.text()
                                 else translate_error(error))
        else:
            self.problem.setText("")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.validated() is not None


class AdminPage(QWizardPage):
    """The first administrator: user name and password (typed twice)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("First administrator"))
        self.setSubTitle(self.tr("The administrator adds the other users (mediators, notaries, clerks) and "
                                 "manages their roles. Keep the password safe: it also protects the "
                                 "administrator's signing key."))
        self.name_edit = QLineEdit("admin")
        self.name_edit.setObjectName("adminName")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("adminPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setObjectName("adminPasswordRepeat")
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel()
        self.problem.setObjectName("adminProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020")
        form = QFormLayout(self)
        form.addRow(self.tr("User name:"), self.name_edit)
        form.addRow(self.tr("Password:"), self.password_edit)
        form.addRow(self.tr("Password again:"), self.repeat_edit)
        form.addRow(self.problem)
        for edit in (self.name_edit, self.password_edit, self.repeat_edit):
            edit.textChanged.connect(self._changed)
        self._changed()

    def _problem(self) -> str | None:
        try:
            users.validate_user_name(self.name_edit.text())
            check_password_rules(self.password_edit.text())
        except InvalidInput as error:
            return translate_error(error)
        if self.repeat_edit.text() != self.password_edit.text():
            return self.tr("The two passwords differ.")
        return None

    def _changed(self) -> None:
        problem = self._problem()
        self.problem.setText(problem if problem and self.password_edit.text() else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self._problem() is None


class SetupWizard(QWizard):
    """Shown when a data folder has no office or no users yet; records both in one transaction and
    signs the new administrator in."""

    def __init__(self, store: OpenStore, needs_office: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("SetupWizard")
        self.setWindowTitle(self.tr("Set up Mediseal"))
        self.office_page = OfficePage() if needs_office else None
        if self.office_page is not None:
            self.addPage(self.office_page)
        self.admin_page = AdminPage()
        self.addPage(self.admin_page)
        self.recorded: office.OfficeInfo | None = None
        self.session: SignedInUser | None = None

    def accept(self) -> None:
        info = self.office_page.validated() if self.office_page is not None else None
        name = self.admin_page.name_edit.text()
        password = self.admin_page.password_edit.text()
        try:
            with self.store.database.session_scope() as session:
                if info is not None:
                    office.create_office(session, info.name, info.case_number_prefix)
                users.create_first_admin(session, name, password)
                self.recorded = office.get_office(session)
            self.session = sessions.sign_in_user(self.store.database, name, password)
        except MedisealError as error:
            show_error(self, error)
            return
        super().accept()
