"""First-start wizard: the office (name, and the number series of mediation cases and notarial matters)
and its first administrator (with, if chosen, their signing key), recorded by ``core.office.setup`` on a
worker thread."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.core.errors import InvalidInput
from desktop.core.office import office
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.store import OpenStore
from desktop.core.trust import users
from desktop.core.trust.passwords import check_password_rules
from desktop.core.trust.sign_in import SignedInUser
from desktop.ui.framework.changes import Changes
from desktop.ui.framework.errors import error_label
from desktop.ui.framework.fitting import fit_height
from desktop.ui.framework.i18n import translate_error
from desktop.ui.framework.ops import Op, run_op
from desktop.ui.setup.series import SeriesRow


def explanation(text: str) -> QLabel:
    """A page's explanation, wrapped in the page itself: a wizard's subtitle has room for two lines of
    Latin text only, so a longer one, a larger font or a taller Chinese font had its end cut off."""
    label = QLabel(text)
    label.setObjectName("pageExplanation")
    label.setWordWrap(True)
    return label


def stacked(page: QWizardPage, *parts: QWidget | QLayout) -> None:
    """The page's explanation, fields and notes one under the other (a form layout shares out the height
    of wrapped text between its rows unreliably)."""
    layout = QVBoxLayout(page)
    for part in parts:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    layout.addStretch(1)


class OfficePage(QWizardPage):
    """Office name and its two number series, each with a live example of its next number."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your office"))
        intro = explanation(self.tr("Mediseal records which mediation centre or notary office this data "
                                    "folder belongs to. The name appears on documents; each kind of matter "
                                    "is numbered in its own series, a prefix and a word (代字) before 字."))
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("officeName")
        self.name_edit.setPlaceholderText(self.tr("e.g. Kunming IP Dispute Mediation Centre"))
        self.name_edit.setMaxLength(office.OFFICE_NAME_MAX)
        self.mediation = SeriesRow(office.MatterKind.MEDIATION, example_beside=False)
        self.mediation.set_parts(office.DEFAULT_MEDIATION_PREFIX, office.MEDIATION_WORD)
        self.notarial = SeriesRow(office.MatterKind.NOTARIAL, example_beside=False)
        self.notarial.set_parts("", office.NOTARIAL_WORD)
        self.prefix_edit = self.mediation.prefix_edit
        self.word_edit = self.mediation.word_edit
        self.example = self.mediation.example
        self.notarial_example = self.notarial.example
        notarial_note = explanation(self.tr("Leave the notarial prefix empty if the office takes no notarial "
                                            "matters; an administrator can set it later in Settings."))
        notarial_note.setObjectName("notarialNote")
        self.problem = error_label("officeProblem")
        form = QFormLayout()
        form.addRow(self.tr("Office name:"), self.name_edit)
        form.addRow(self.tr("Mediation cases:"), self.mediation)
        form.addRow("", self.mediation.example)
        form.addRow(self.tr("Notarial matters:"), self.notarial)
        form.addRow("", self.notarial.example)
        stacked(self, intro, form, notarial_note, self.problem)
        self.name_edit.textChanged.connect(self._changed)
        self.mediation.edited.connect(self._changed)
        self.notarial.edited.connect(self._changed)
        self._changed()

    def _typed(self) -> office.OfficeInfo:
        """What is typed, checked by core (``InvalidInput`` names the field)."""
        prefix, word = self.mediation.parts()
        notarial_prefix, notarial_word = self.notarial.parts()
        if not notarial_prefix:
            notarial_word = ""  # the word shown by default alone sets no series
        return office.validate_office(self.name_edit.text(), prefix, mediation_word=word,
                                      notarial_prefix=notarial_prefix, notarial_word=notarial_word)

    def validated(self) -> office.OfficeInfo | None:
        try:
            return self._typed()
        except InvalidInput:
            return None

    def _changed(self) -> None:
        self.mediation.show_example()
        self.notarial.show_example()
        try:
            self._typed()
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
    """The first administrator: user name, real name (姓名) and password (typed twice)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("First administrator"))
        intro = explanation(self.tr("The administrator adds the other users (mediators, notaries, clerks) "
                                    "and manages their roles. Keep the password safe: it also protects the "
                                    "administrator's signing key."))
        self.name_edit = QLineEdit("admin")
        self.name_edit.setObjectName("adminName")
        self.real_name_edit = QLineEdit()
        self.real_name_edit.setObjectName("adminRealName")
        self.real_name_edit.setMaxLength(users.REAL_NAME_MAX)
        self.real_name_edit.setPlaceholderText(self.tr("As on the ID card"))
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("adminPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setObjectName("adminPasswordRepeat")
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_check = QCheckBox(self.tr("Create the administrator's signing key now"))
        self.key_check.setObjectName("adminKey")
        self.key_check.setChecked(True)
        key_note = explanation(self.tr("It signs the ledger's checkpoint at every sign-out."))
        key_note.setIndent(self.key_check.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
                           + self.key_check.style().pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing))
        self.problem = error_label("adminProblem")
        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.name_edit)
        form.addRow(self.tr("Real name:"), self.real_name_edit)
        form.addRow(self.tr("Password:"), self.password_edit)
        form.addRow(self.tr("Password again:"), self.repeat_edit)
        self.status = QLabel()
        self.status.setObjectName("setupStatus")
        stacked(self, intro, form, self.key_check, key_note, self.problem, self.status)
        for edit in (self.name_edit, self.real_name_edit, self.password_edit, self.repeat_edit):
            edit.textChanged.connect(self._changed)
        self._changed()

    def _problem(self) -> str | None:
        if not self.real_name_edit.text().strip():
            return self.tr("Type the administrator's real name, as on their ID card.")
        try:
            users.validate_user_name(self.name_edit.text())
            users.validate_real_name(self.real_name_edit.text())
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


@dataclass(frozen=True, slots=True)
class SetUp:
    """What the wizard's op recorded, and the administrator signed in."""

    office: office.OfficeInfo
    signed_in: SignedInUser


class SetupWizard(QWizard):
    """Shown when a data folder has no office or no users yet; records both in one transaction
    (``core.office.setup.set_up``, as ``mediseal init``) and signs the new administrator in, off the GUI
    thread."""

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
        self.setup_op: Op[SetUp] | None = None
        self.currentIdChanged.connect(lambda _page: QTimer.singleShot(0, self._fit_page))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._fit_page)

    def _fit_page(self) -> None:
        """Taller when the page's wrapped text needs it (a larger font, a longer translation)."""
        page = self.currentPage()
        explanation = page.findChild(QLabel, "pageExplanation") if page is not None else None
        if explanation is not None:
            fit_height(explanation)

    def accept(self) -> None:
        if self.setup_op is not None:
            return
        info = self.office_page.validated() if self.office_page is not None else None
        name = self.admin_page.name_edit.text()
        real_name = self.admin_page.real_name_edit.text()
        password = self.admin_page.password_edit.text()
        with_key = self.admin_page.key_check.isChecked()
        store = self.store

        def record(progress: ProgressFn, cancelled: CancelledFn) -> SetUp:
            from desktop.core.office.setup import set_up
            from desktop.core.trust.sign_in import sign_in_user

            with store.database.session_scope() as session:
                result = set_up(session, info, name, password, real_name, with_key=with_key)
            return SetUp(result.office, sign_in_user(store.database, name, password))

        op = run_op(self, record).as_work(self.tr("Setting up the office"))
        op.changing(Changes(users=True, keys=with_key, settings=True, ledger=True))
        op.on_success(self._recorded)
        op.finished.connect(self._setup_finished)
        self._set_busy(True)
        self.setup_op = op.start()

    def _set_busy(self, busy: bool) -> None:
        self.admin_page.status.setText(self.tr("Recording the office and the administrator…") if busy else "")
        for button in (QWizard.WizardButton.FinishButton, QWizard.WizardButton.BackButton,
                       QWizard.WizardButton.CancelButton):
            self.button(button).setEnabled(not busy)

    def _setup_finished(self) -> None:
        self.setup_op = None
        self._set_busy(False)

    def _recorded(self, done: SetUp) -> None:
        self.recorded = done.office
        self.session = done.signed_in
        super().accept()

    def reject(self) -> None:
        if self.setup_op is None:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.setup_op is not None:
            event.ignore()
            return
        super().closeEvent(event)
