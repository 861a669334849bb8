"""First-start wizard: asks the office name and case-number prefix and records them."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget, QWizard, QWizardPage

from desktop.core import office
from desktop.core.errors import InvalidInput, MedisealError
from desktop.core.store import OpenStore
from desktop.ui.errors import show_error
from desktop.ui.i18n import translate_error


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


class SetupWizard(QWizard):
    """Shown once, when a data folder has no office yet."""

    def __init__(self, store: OpenStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("SetupWizard")
        self.setWindowTitle(self.tr("Set up Mediseal"))
        self.office_page = OfficePage()
        self.addPage(self.office_page)
        self.recorded: office.OfficeInfo | None = None

    def accept(self) -> None:
        info = self.office_page.validated()
        if info is None:
            return
        try:
            with self.store.database.session_scope() as session:
                self.recorded = office.create_office(session, info.name, info.case_number_prefix)
        except MedisealError as error:
            show_error(self, error)
            return
        super().accept()
