"""New document of a case: the kind, and what that kind needs (the party, the sitting, the visit, the court
for an application with the suggested one and why, the evidence items), and whether to sign it digitally
(the key's password asked). The case's choices are read, and the document generated (and signed), on a
worker; core refuses what cannot be printed, and its refusal stays in view as one line."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cases.parties import PartyInfo, list_parties
from desktop.core.cases.sittings import SittingInfo, list_sittings
from desktop.core.cases.visits import VisitInfo, list_visits
from desktop.core.documents import generation
from desktop.core.documents.courts import Reason, Suggestion, suggest_court
from desktop.core.documents.generation import DocumentKind, DocumentRequest, GeneratedDocument, generate
from desktop.core.errors import MedisealError
from desktop.core.evidence.items import ItemInfo, list_items
from desktop.core.office.courts import CourtInfo, list_courts
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.store import OpenStore
from desktop.core.trust import signing_keys
from desktop.core.trust.sign_in import SignedInUser
from desktop.core.vocabulary import Vocabulary
from desktop.ui.documents.pdf_preview import PdfPreview
from desktop.ui.framework.changes import Changes
from desktop.ui.framework.errors import error_label
from desktop.ui.framework.formatting import local_time
from desktop.ui.framework.i18n import label, translate_error
from desktop.ui.framework.ops import Op, run_op, submit

OK_CANCEL = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
PREVIEW_WIDTH = 460  # the preview beside the form: an A4 page fitted to it reads
PREVIEW_HEIGHT = 640


class Need(StrEnum):
    """A part of a document's request the dialog asks for."""

    PARTY = "party"
    SITTING = "sitting"
    VISIT = "visit"
    COURT = "court"
    ITEMS = "items"


# What each kind asks for (by the kind's stored value: a kind this version lacks asks nothing). A party
# left empty means every party the kind covers (each applicant's commitment on its own page); the court
# empty, the suggestion; no items chosen, all of them.
NEEDS: dict[str, frozenset[Need]] = {
    "application": frozenset({Need.COURT}),
    "commitment": frozenset({Need.PARTY}),
    "address-confirmation": frozenset({Need.PARTY}),
    "minutes": frozenset({Need.SITTING}),
    "visit": frozenset({Need.VISIT}),
    "evidence-list": frozenset({Need.ITEMS}),
}


def needs(kind: DocumentKind) -> frozenset[Need]:
    return NEEDS.get(kind.value, frozenset())


@dataclass(frozen=True, slots=True)
class Choices:
    """What the case offers to choose from, read in one op."""

    parties: list[PartyInfo]
    sittings: list[SittingInfo]
    visits: list[VisitInfo]
    courts: list[CourtInfo]
    suggestion: Suggestion | None
    suggestion_error: MedisealError | None  # why no suggestion could be made
    items: list[ItemInfo]


def read_choices(store: OpenStore, number: str) -> Choices:
    with store.database.session_scope() as session:
        suggestion: Suggestion | None = None
        error: MedisealError | None = None
        try:
            suggestion = suggest_court(session, number)
        except MedisealError as failure:  # the clerk chooses the court: the reason is shown
            error = failure
        return Choices(list_parties(session, number), list_sittings(session, number),
                       list_visits(session, number), list_courts(session, active_only=True), suggestion,
                       error, list_items(session, number))


def reason_text(reason: Reason) -> str:
    """A reason of the court suggestion in the user's language."""
    fields = {key: label(value) if isinstance(value, Vocabulary) else value for key, value in reason.fields}
    try:
        return label(reason.code).format(**fields)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return reason.text


class GenerateDialog(QDialog):
    """Generate a document of case ``number``; ``generated`` gives the result once it is stored."""

    generated = Signal(object)
    busy_changed = Signal(bool)  # generating (and signing) on a worker, the dialog greyed meanwhile

    def __init__(self, store: OpenStore, signed_in: SignedInUser, number: str,
                 parent: QWidget | None = None, kind: DocumentKind | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("generateDialog")
        self.setWindowTitle(self.tr("New Document of {number}").format(number=number))
        self.store, self.signed_in, self.number = store, signed_in, number
        self.choices: Choices | None = None
        self.result_document: GeneratedDocument | None = None
        self.op: Op[GeneratedDocument] | None = None
        self.read_op: Op[Choices] | None = None

        self.kind = QComboBox()
        self.kind.setObjectName("documentKind")
        for value in DocumentKind:
            self.kind.addItem(label(value), value.value)
        if kind is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(kind.value)))
        self.party = QComboBox()
        self.party.setObjectName("documentParty")
        self.sitting = QComboBox()
        self.sitting.setObjectName("documentSitting")
        self.visit = QComboBox()
        self.visit.setObjectName("documentVisit")
        self.court = QComboBox()
        self.court.setObjectName("documentCourt")
        self.court_reason = QLabel()
        self.court_reason.setObjectName("courtReason")
        self.court_reason.setWordWrap(True)
        self.court_reason.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.court_reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.items = QListWidget()
        self.items.setObjectName("documentItems")
        self.items.setMinimumHeight(90)
        self.sign = QCheckBox(self.tr("Sign digitally (PAdES) with my key"))
        self.sign.setObjectName("documentSign")
        self.password = QLineEdit()
        self.password.setObjectName("documentPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("The password of your key"))
        self.password.setEnabled(False)
        self.sign.toggled.connect(self.password.setEnabled)
        self.sign.toggled.connect(lambda on: self.password.setFocus() if on else None)
        if signed_in.key is None:
            self.sign.setEnabled(False)
            self.sign.setToolTip(self.tr("You have no usable signing key: create one in Settings → Signing "
                                         "keys."))

        self.form = QFormLayout()
        self.form.addRow(self.tr("Document:"), self.kind)
        self.form.addRow(self.tr("Party:"), self.party)
        self.form.addRow(self.tr("Sitting:"), self.sitting)
        self.form.addRow(self.tr("Visit:"), self.visit)
        self.form.addRow(self.tr("Court addressed:"), self.court)
        self.form.addRow("", self.court_reason)
        self.form.addRow(self.tr("Evidence items:"), self.items)
        self.form.addRow("", self.sign)
        self.form.addRow(self.tr("Key password:"), self.password)
        self.rows: dict[Need, list[QWidget]] = {
            Need.PARTY: [self.party], Need.SITTING: [self.sitting], Need.VISIT: [self.visit],
            Need.COURT: [self.court, self.court_reason], Need.ITEMS: [self.items]}

        self.busy = QProgressBar()
        self.busy.setObjectName("generateBusy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setVisible(False)
        self.message = error_label("generateMessage")
        buttons = QDialogButtonBox(OK_CANCEL)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("generateConfirm")
        self.ok_button.setText(self.tr("&Generate"))
        self.ok_button.setEnabled(False)  # once the case's choices are read
        self.preview_button = buttons.addButton(self.tr("Pre&view"), QDialogButtonBox.ButtonRole.ActionRole)
        self.preview_button.setObjectName("generatePreview")
        self.preview_button.setToolTip(self.tr("The document as it would print, marked 预览; nothing is "
                                               "recorded"))
        self.preview_button.setEnabled(False)
        self.preview_button.clicked.connect(self.preview)
        buttons.accepted.connect(self.attempt)
        buttons.rejected.connect(self.reject)
        self.pdf_preview = PdfPreview()
        self.pdf_preview.setMinimumWidth(PREVIEW_WIDTH)
        self.pdf_preview.setVisible(False)
        self.preview_op: Op[bytes] | None = None
        column = QVBoxLayout()
        column.addLayout(self.form)
        column.addWidget(self.busy)
        column.addWidget(self.message)
        column.addStretch(1)
        column.addWidget(buttons)
        layout = QHBoxLayout(self)
        layout.addLayout(column, 1)
        layout.addWidget(self.pdf_preview, 1)
        self.kind.currentIndexChanged.connect(self._show_needs)
        self.court.currentIndexChanged.connect(self._show_court_reason)
        self._show_needs()
        self.resize(600, self.sizeHint().height())
        self._read()

    # --- the case's choices -----------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        return self.read_op is not None

    def _read(self) -> None:
        store, number = self.store, self.number

        def task(_progress: ProgressFn, _cancelled: CancelledFn) -> Choices:
            return read_choices(store, number)

        op = run_op(self, task).on_success(self._fill).on_failure(
            lambda error: self.message.setText(translate_error(error)))
        op.finished.connect(self._read_finished)
        self.read_op = op
        op.start()

    def _read_finished(self) -> None:
        self.read_op = None

    def _fill(self, choices: Choices) -> None:
        self.choices = choices
        self.party.clear()
        self.party.addItem(self.tr("Every party it concerns (each on its own page)"), None)
        for party in choices.parties:
            self.party.addItem(self.tr("{name} ({role})").format(name=party.identity.name,
                                                                 role=label(party.role)), party.id)
        self.sitting.clear()
        for sitting in choices.sittings:
            state = self.tr("sealed") if sitting.sealed else self.tr("not sealed")
            self.sitting.addItem(self.tr("{time} {kind} ({state})").format(
                time=local_time(sitting.starts_at)[:16], kind=label(sitting.kind), state=state), sitting.id)
        self.visit.clear()
        for visit in choices.visits:
            self.visit.addItem(self.tr("{day} {visitors}").format(day=visit.visited_on.isoformat(),
                                                                  visitors=visit.visitors), visit.id)
        self.court.clear()
        suggested = choices.suggestion.court if choices.suggestion is not None else None
        if suggested is not None:
            self.court.addItem(self.tr("{court} (suggested)").format(court=suggested.name), suggested.id)
        for court in choices.courts:
            if suggested is None or court.id != suggested.id:
                self.court.addItem(court.name, court.id)
        self.items.clear()
        for item in choices.items:
            entry = QListWidgetItem(f"{item.name}  ({item.sha256[:12]}…)")
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked)
            self.items.addItem(entry)
        self._show_court_reason()
        self._show_needs()
        self.ok_button.setEnabled(True)
        self.preview_button.setEnabled(True)

    # --- what the kind needs ----------------------------------------------------------------------
    def chosen_kind(self) -> DocumentKind:
        return DocumentKind(self.kind.currentData())

    def _show_needs(self) -> None:
        wanted = needs(self.chosen_kind())
        for need, widgets in self.rows.items():
            for widget in widgets:
                self.form.setRowVisible(widget, need in wanted)
        self.message.clear()
        if self.pdf_preview.isVisible():
            self.pdf_preview.clear(self.tr("Preview again to see this document."))
        self._fit()

    def _fit(self) -> None:
        """Show the court's reasons wrapped in full at the dialog's width, and fit the dialog's height to
        the rows the kind needs (a form sizes a wrapped label for a narrower width than it gives it)."""
        width = self.court_reason.width() if self.court_reason.isVisible() else self.width() - 120
        self.court_reason.setFixedHeight(max(0, self.court_reason.heightForWidth(max(width, 200))))
        layout = self.layout()
        if layout is not None:
            layout.activate()
            height = layout.totalSizeHint().height()
            # With the preview beside the form the dialog keeps its height (the pages need it).
            self.resize(self.width(), max(height, self.height()) if self.pdf_preview.isVisible() else height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width() and self.court_reason.isVisible():
            QTimer.singleShot(0, self._wrap_reason)  # once the form has given the label its new width

    def _wrap_reason(self) -> None:
        self.court_reason.setFixedHeight(self.court_reason.heightForWidth(self.court_reason.width()))

    def _show_court_reason(self) -> None:
        choices = self.choices
        if choices is None:
            self.court_reason.setText("")
            return
        suggestion = choices.suggestion
        court_id = self.court.currentData()
        if suggestion is None:
            text = translate_error(choices.suggestion_error) if choices.suggestion_error is not None else ""
        elif suggestion.court is not None and court_id == suggestion.court.id:
            text = "\n".join(reason_text(reason) for reason in suggestion.reasons)
        else:
            also = {alternative.court.id: alternative for alternative in suggestion.alternatives}
            why = [reason_text(reason) for reason in also[court_id].reasons] if court_id in also else []
            suggested = suggestion.court.name if suggestion.court is not None else ""
            lines = [self.tr("Chosen by you instead of the suggestion ({court}).").format(court=suggested)
                     if suggested else self.tr("Chosen by you: no court could be suggested."), *why]
            if suggestion.court is None:
                lines += [reason_text(reason) for reason in suggestion.reasons]
            text = "\n".join(lines)
        self.court_reason.setText(text)
        self._fit()

    def request(self) -> DocumentRequest:
        wanted = needs(self.chosen_kind())
        party = self.party.currentData() if Need.PARTY in wanted else None
        sitting = self.sitting.currentData() if Need.SITTING in wanted else None
        visit = self.visit.currentData() if Need.VISIT in wanted else None
        court = self.court.currentData() if Need.COURT in wanted else None
        items: tuple[int, ...] = ()
        if Need.ITEMS in wanted:
            entries = [self.items.item(row) for row in range(self.items.count())]
            checked = [entry for entry in entries if entry.checkState() == Qt.CheckState.Checked]
            if len(checked) < len(entries):  # every item checked: all of them
                items = tuple(int(entry.data(Qt.ItemDataRole.UserRole)) for entry in checked)
        # The vault: the evidence list checks each item's file as it prints.
        return DocumentRequest(party=party, sitting=sitting, visit=visit, court=court, items=items,
                               vault=self.store.vault)

    # --- previewing -------------------------------------------------------------------------------
    def preview(self) -> Op[bytes] | None:
        """The document as it would print (every page marked 预览, nothing recorded), beside the form."""
        if self.preview_op is not None or self.choices is None:
            return None
        store, actor, number, kind, request = (self.store, self.signed_in.actor, self.number,
                                               self.chosen_kind(), self.request())

        def task(_progress: ProgressFn, _cancelled: CancelledFn) -> bytes:
            with store.database.session_scope() as session:
                return generation.preview(session, actor, kind, number, request)

        self.message.clear()
        op = run_op(self, task).on_success(self._previewed).on_failure(
            lambda error: self.message.setText(translate_error(error)))
        op.finished.connect(self._preview_finished)
        self.preview_op = op
        self.preview_button.setEnabled(False)
        return op.start()

    def _preview_finished(self) -> None:
        self.preview_op = None
        self.preview_button.setEnabled(self.op is None)

    def _previewed(self, pdf: bytes) -> None:
        if not self.pdf_preview.isVisible():
            self.pdf_preview.setVisible(True)
            width, height = self.width() + PREVIEW_WIDTH, max(self.height(), PREVIEW_HEIGHT)
            screen = self.screen()
            if screen is not None:
                room = screen.availableGeometry()
                width, height = min(width, room.width()), min(height, room.height())
            self.resize(width, height)
        self.pdf_preview.set_pdf(pdf)

    # --- generating -------------------------------------------------------------------------------
    def attempt(self) -> Op[GeneratedDocument] | None:
        if self.op is not None or self.choices is None:
            return None
        kind, request, number = self.chosen_kind(), self.request(), self.number
        entries = [self.items.item(row) for row in range(self.items.count())]
        if Need.ITEMS in needs(kind) and entries and not any(
                entry.checkState() == Qt.CheckState.Checked for entry in entries):
            self.message.setText(self.tr("Choose at least one evidence item."))
            return None
        store, actor = self.store, self.signed_in.actor
        password = self.password.text() if self.sign.isChecked() else None
        if password is not None and not password:
            self.message.setText(self.tr("Type the password of your key to sign the document."))
            self.password.setFocus()
            return None

        def run() -> GeneratedDocument:
            with store.database.session_scope() as session:
                key = signing_keys.unlock(session, actor, password) if password is not None else None
                return generate(session, actor, kind, number, None, request=request, sign=key)

        self.busy.setVisible(True)
        busy: list[QWidget] = [self.ok_button, self.preview_button, self.kind, self.party, self.sitting,
                               self.visit, self.court, self.items, self.sign, self.password]
        self.op = submit(self, run, self.message, busy, self._done, Changes(cases=True, ledger=True))
        self.op.finished.connect(self._finished)
        self.busy_changed.emit(True)
        return self.op

    def _finished(self) -> None:
        self.op = None
        self.busy.setVisible(False)
        self.busy_changed.emit(False)
        self.sign.setEnabled(self.signed_in.key is not None)
        self.password.setEnabled(self.sign.isChecked())

    def _done(self, document: GeneratedDocument) -> None:
        self.result_document = document
        self.password.clear()
        self.generated.emit(document)
        self.accept()
