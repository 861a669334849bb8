"""The agreement editor (人民调解协议书) of a case: the structured form on the left, the PDF as it would
print on the right, rendered on a worker thread a moment after each change (``agreement_preview``), core's
problems listed by field and its warnings (确权) in amber. Save Draft keeps a version (a save based on an
older one is refused with everything typed kept, and theirs one click away); Finalise, once nothing stops it,
asks who signed and when and the mediator's password, and seals the agreement: the editor then shows it
read-only, and a supplementary agreement (补充协议) is what changes it. Ctrl+S saves, Ctrl+Enter adds a
clause; closing with unsaved changes asks first."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cases import matters, outcomes, parties
from desktop.core.cases.matters import CaseInfo
from desktop.core.cases.outcomes import OutcomeInfo, OutcomeKind
from desktop.core.cases.parties import PartyInfo
from desktop.core.cases.versions import StaleEdit
from desktop.core.documents import agreement
from desktop.core.documents.agreement import AgreementDraft, AgreementInfo, Clause, Problem
from desktop.core.documents.agreement_pdf import agreement_document
from desktop.core.documents.layout import render
from desktop.core.errors import InvalidInput, MedisealError, NotAllowed
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.store import OpenStore
from desktop.core.trust.sign_in import SignedInUser
from desktop.core.trust.users import real_names
from desktop.ui.documents.agreement_form import AgreementForm
from desktop.ui.documents.agreement_preview import LivePreview, Rendered
from desktop.ui.documents.agreement_problems import ProblemList, field_words
from desktop.ui.documents.pdf_preview import PdfPreview
from desktop.ui.framework.changes import Changes
from desktop.ui.framework.errors import ERROR_COLOUR, error_label, show_error
from desktop.ui.framework.formatting import person
from desktop.ui.framework.i18n import label, translate_error
from desktop.ui.framework.ops import Op, run_op

DRAFT_CHANGES = Changes(cases=True)  # a draft is not a record: no ledger entry (finalising has one)
FORM_SHARE, PREVIEW_SHARE = 11, 9  # the splitter's first split: the form a little wider


@dataclass(frozen=True, slots=True)
class EditorRead:
    """What the editor shows, read in one op: the case, its parties, the draft (or a start for one) and its
    version, the templates of its type, and whether the user may edit it (and why not)."""

    info: CaseInfo
    parties: list[PartyInfo]
    draft: AgreementDraft
    version: int  # of the draft shown (0: none saved yet; ``draft`` is a suggested start)
    templates: list[Clause]
    refusal: MedisealError | None  # why the signed-in user may not edit; None: they may
    finalised: AgreementInfo | None  # the sealed agreement the draft became (the editor is then read-only)
    sealed_pdf: bytes | None = None  # that agreement as sealed, for the preview
    main: AgreementInfo | None = None  # the case's finalised agreement (a supplementary one follows it)
    signer: str = ""  # who sealed ``finalised``, as the window names people
    recorded: OutcomeInfo | None = None  # a written agreement recorded as the outcome, not yet sealed


def read_editor(store: OpenStore, signed_in: SignedInUser, number: str) -> EditorRead:
    """Read case ``number``'s agreement for ``signed_in`` (core calls, for a worker thread)."""
    with store.database.session_scope() as session:
        row = matters.find_case(session, number)
        refusal: MedisealError | None = None
        try:
            matters.require_case_access(session, signed_in.actor, row)
        except NotAllowed as error:
            refusal = error
        info = matters.case_info(session, row.number)
        draft, version = agreement.load_draft(session, row.number)
        if draft is None:
            draft = agreement.draft_template(session, row.number)
        sealed = agreement.list_agreements(session, row.number)
        became = agreement.draft_finalised(session, row.number)
        finalised = next((found for found in sealed if found.id == became), None)
        # The agreement as sealed, as it prints (the record's content: what the draft says now is not it).
        pdf = render(agreement_document(finalised.content, effective_on=finalised.effective_on)) \
            if finalised is not None else None
        signer = "" if finalised is None else person(
            finalised.signer, real_names(session, [finalised.signer]).get(finalised.signer))
        main = next((found for found in sealed if found.kind == "agreement"), None)
        outcome = outcomes.current_outcome(session, row.number)
        recorded = outcome if outcome is not None and main is None and \
            outcome.kind is OutcomeKind.WRITTEN_AGREEMENT else None
        return EditorRead(info, parties.list_parties(session, row.number), draft, version,
                          agreement.clause_templates(info.case_type), refusal, finalised, pdf, main, signer,
                          recorded)


class AgreementEditor(QDialog):
    """The agreement of case ``number`` for ``signed_in`` (the window's sign-in: its user is read when a
    call is made). ``saved`` after a draft is saved, ``finalised`` after the agreement is sealed."""

    saved = Signal(int)  # the draft's new version
    finalised = Signal()
    parties_requested = Signal()  # the user followed the link to the Parties tab (the editor has closed)

    def __init__(self, store: OpenStore, signed_in: SignedInUser, number: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementEditor")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.store, self.signed_in, self.number = store, signed_in, number
        self.setWindowTitle(self.tr("Mediation Agreement of {number}").format(number=number))
        self.read: EditorRead | None = None
        self.version = 0
        self.dirty = False
        self.edits = 0  # edits counted: one made while a save runs is not saved by it
        self.edits_sent = 0  # the count when the save under way read the form
        self.read_only = True  # until the case is read
        self.stale = False
        self.mine: AgreementDraft | None = None  # the edit kept aside while theirs is shown
        self.rendered: Rendered | None = None
        self.op: Op[Any] | None = None  # a read, a save or a check: one at a time
        self.read_op: Op[EditorRead] | None = None
        self.confirm_box: QMessageBox | None = None
        self.finalise_dialog: QDialog | None = None
        self.to_parties = False  # closing to edit the parties (the case's Parties tab)

        self.heading = QLabel(number)
        self.heading.setObjectName("agreementHeading")
        self.heading.setWordWrap(True)
        self.state = QLabel()
        self.state.setObjectName("agreementState")
        self.state.setWordWrap(True)
        self.form = AgreementForm()
        self.form.changed.connect(self._changed)
        self.form.parties_requested.connect(self.show_parties)
        self.problems = ProblemList()
        self.problems.chosen.connect(self.focus_field)
        self.render_message = QLabel()
        self.render_message.setObjectName("renderMessage")
        self.render_message.setWordWrap(True)
        self.render_message.setStyleSheet(f"color: {ERROR_COLOUR}")
        self.render_message.setVisible(False)
        self.pdf = PdfPreview()
        self.live = LivePreview(self, store, number, self.form.draft)
        self.live.rendered.connect(self._rendered)
        self.live.failed.connect(self._render_failed)
        self.message = error_label("agreementMessage")

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.form, 1)
        left_layout.addWidget(self.problems)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.render_message)
        right_layout.addWidget(self.pdf, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("agreementSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, FORM_SHARE)
        self.splitter.setStretchFactor(1, PREVIEW_SHARE)

        self.save_button = QPushButton(self.tr("&Save Draft"))
        self.save_button.setObjectName("saveDraft")
        self.save_button.setToolTip(self.tr("Save the draft as a new version (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.finalise_button = QPushButton(self.tr("&Finalise…"))
        self.finalise_button.setObjectName("finaliseAgreement")
        self.finalise_button.clicked.connect(self.finalise)
        self.supplement_button = QPushButton(self.tr("Su&pplementary Agreement"))
        self.supplement_button.setObjectName("supplementaryAgreement")
        self.supplement_button.clicked.connect(self.start_supplement)
        self.supplement_button.setVisible(False)
        self.switch_button = QPushButton(self.tr("Load Theirs"))
        self.switch_button.setObjectName("loadTheirs")
        self.switch_button.clicked.connect(self.switch)
        self.switch_button.setVisible(False)
        buttons = QDialogButtonBox()
        for button in (self.save_button, self.finalise_button, self.supplement_button, self.switch_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("closeEditor")
        buttons.rejected.connect(self.reject)
        self.supplement_button.setVisible(False)  # after addButton, which shows it
        self.switch_button.setVisible(False)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.state)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        save_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save_key.activated.connect(self.save)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            add_key = QShortcut(QKeySequence(Qt.Modifier.CTRL | key), self)
            add_key.activated.connect(self.add_clause)
        self._enable()
        self.resize(1000, 680)
        self.splitter.setSizes([FORM_SHARE * 100, PREVIEW_SHARE * 100])
        self.refresh()

    # --- state --------------------------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        """A read, a save or a render is under way (a test waits for it)."""
        return self.op is not None or self.read_op is not None or self.live.busy

    def has_unsaved_edits(self) -> bool:
        return self.isVisible() and self.dirty

    def _changed(self) -> None:
        if self.read_only:
            return
        self.edits += 1
        self.dirty = True
        self._show_state()
        self.live.ask()

    def _enable(self) -> None:
        busy = self.op is not None
        writable = not self.read_only
        self.save_button.setEnabled(writable and not busy)
        self.finalise_button.setEnabled(writable and not busy)
        self.supplement_button.setEnabled(not busy)

    def _show_state(self) -> None:
        read = self.read
        if read is None:
            self.state.setText(self.tr("Reading…"))
        elif read.finalised is not None and self.read_only:
            self.state.setText(self.tr("Sealed by {signer}, in effect from {day}: read only.").format(
                signer=read.signer, day=read.finalised.effective_on.isoformat()))
        elif read.refusal is not None:
            self.state.setText(self.tr("Read only: {reason}").format(reason=translate_error(read.refusal)))
        elif self.dirty:
            self.state.setText(self.tr("Unsaved changes (based on version {version}).").format(
                version=self.version) if self.version else self.tr("Not saved yet."))
        elif self.version:
            self.state.setText(self.tr("Draft version {version} saved.").format(version=self.version))
        else:
            self.state.setText(self.tr("A suggested start, not saved yet."))

    # --- reading ------------------------------------------------------------------------------------
    def refresh(self) -> Op[EditorRead] | None:
        """Read the case and its agreement again, and show them (what is typed is replaced)."""
        if self.read_op is not None:
            return None
        store, signed_in, number = self.store, self.signed_in, self.number
        op = run_op(self, lambda _progress, _cancelled: read_editor(store, signed_in, number))
        op.on_success(self._show_read)
        op.finished.connect(self._read_finished)
        self.read_op = op
        return op.start()

    def _read_finished(self) -> None:
        self.read_op = None

    def _show_read(self, read: EditorRead) -> None:
        self.read = read
        self.heading.setText(self.tr("{number}  {title}  ({status})").format(
            number=read.info.number, title=read.info.title, status=label(read.info.status)))
        self.form.show_parties(read.parties)
        self.form.set_templates(read.templates)
        self.form.load(read.draft)
        self.version = read.version
        self.dirty = False
        self.read_only = read.refusal is not None or read.finalised is not None
        self.form.set_read_only(self.read_only)
        self.supplement_button.setVisible(read.finalised is not None and read.refusal is None)
        self._show_title(read.draft)
        self._enable()
        self._show_state()
        if read.sealed_pdf is not None:  # sealed: what it says is fixed, nothing to render as one types
            self.live.stop()
            self.problems.setVisible(False)
            self.render_message.setVisible(False)
            self._show_pdf(read.sealed_pdf)
        else:
            self.problems.setVisible(True)
            self.live.now()

    def _show_title(self, draft: AgreementDraft) -> None:
        self.setWindowTitle(
            self.tr("Supplementary Agreement of {number}").format(number=self.number)
            if draft.supplements is not None else
            self.tr("Mediation Agreement of {number}").format(number=self.number))

    # --- the preview --------------------------------------------------------------------------------
    def _rendered(self, result: Rendered) -> None:
        self.rendered = result
        self.problems.show_problems(result.problems, result.typed, result.warnings)
        if result.refusal is not None:  # the old preview stays; above it, why it is not updated
            self.render_message.setText(self.tr("The preview is not updated: {reason}").format(
                reason=translate_error(result.refusal)))
            self.render_message.setVisible(True)
            return
        self.render_message.setVisible(False)
        if result.pdf is not None:
            self._show_pdf(result.pdf)

    def _render_failed(self, error: BaseException) -> None:
        if isinstance(error, MedisealError):
            self.render_message.setText(translate_error(error))
            self.render_message.setVisible(True)
        else:
            show_error(self, error)

    def _show_pdf(self, pdf: bytes) -> None:
        """Show ``pdf`` where the reader was: the same zoom and scroll position when it can."""
        view = self.pdf.view
        custom = self.pdf.document is not None and view.zoomMode() == view.ZoomMode.Custom
        factor = view.zoomFactor()
        vertical = view.verticalScrollBar().value()
        horizontal = view.horizontalScrollBar().value()
        if not self.pdf.set_pdf(pdf):
            return
        if custom:
            self.pdf.set_zoom(factor)

        def restore() -> None:
            view.verticalScrollBar().setValue(vertical)
            view.horizontalScrollBar().setValue(horizontal)

        restore()
        QTimer.singleShot(0, restore)  # once the view has laid out the new pages

    # --- problems -----------------------------------------------------------------------------------
    def focus_field(self, code: str) -> None:
        """Move the keyboard to the field a problem names."""
        self.form.focus_field(code)

    # --- saving -------------------------------------------------------------------------------------
    def save(self) -> Op[int] | None:
        """Save what is typed as the next version of the draft (on a worker thread)."""
        if self.op is not None or self.read_only:
            return None
        draft, _typed = self.form.draft()
        self.edits_sent = self.edits
        store, actor, number, base = self.store, self.signed_in.actor, self.number, self.version

        def task(_progress: ProgressFn, _cancelled: CancelledFn) -> int:
            with store.database.session_scope() as session:
                return agreement.save_draft(session, actor, number, draft, base)

        op = run_op(self, task).on_success(self._saved).on_failure(self._refused)
        op.changing(DRAFT_CHANGES)
        return self._run(op)

    def _run(self, op: Op[Any]) -> Op[Any]:
        op.finished.connect(self._op_finished)
        self.op = op
        self.message.clear()
        self._enable()
        return op.start()

    def _op_finished(self) -> None:
        self.op = None
        self._enable()

    def _saved(self, version: int) -> None:
        self.version = version
        self.dirty = self.edits != self.edits_sent  # typed on while it saved: that is not saved yet
        self.stale = False
        self.mine = None
        self.switch_button.setVisible(False)
        self._show_state()
        self.saved.emit(version)

    def _refused(self, error: BaseException) -> None:
        self.to_parties = False  # a save on the way out failed: the editor stays, and says why
        if not isinstance(error, MedisealError):
            show_error(self, error)
            return
        text = translate_error(error)
        if isinstance(error, StaleEdit):
            self.stale = True
            text += "\n" + self.tr("Everything you typed is still here. Load Theirs shows the version saved "
                                   "meanwhile; you can come back to yours and save it after theirs.")
            self.switch_button.setText(self.tr("Load Theirs"))
            self.switch_button.setVisible(True)
        self.message.setText(text)

    def switch(self) -> Op[Any] | None:
        """After a stale save: show the version saved meanwhile (yours kept aside), or yours again."""
        if self.op is not None:
            return None
        if self.mine is not None:
            self.form.load(self.mine)
            self.mine = None
            self.dirty = True
            self.switch_button.setText(self.tr("Load Theirs"))
            self.message.setText(self.tr("Showing your edit. Save Draft records it as the version after "
                                         "version {version}.").format(version=self.version))
            self._show_state()
            self.live.now()
            return None
        store, number = self.store, self.number

        def task(_progress: ProgressFn, _cancelled: CancelledFn) -> tuple[AgreementDraft | None, int]:
            with store.database.session_scope() as session:
                return agreement.load_draft(session, number)

        return self._run(run_op(self, task).on_success(self._theirs_loaded))

    def _theirs_loaded(self, found: tuple[AgreementDraft | None, int]) -> None:
        theirs, version = found
        if theirs is None:
            return
        self.mine = self.form.draft()[0]
        self.form.load(theirs)
        self.version = version  # a save now knowingly follows their version
        self.dirty = True  # what is shown is not what this seat saved
        self.switch_button.setText(self.tr("Back to My Edit"))
        self.message.setText(self.tr("Showing the version saved meanwhile (version {version}). Save Draft "
                                     "keeps it with any changes you make here.").format(version=version))
        self._show_state()
        self.live.now()

    # --- finalising ---------------------------------------------------------------------------------
    def finalise(self) -> Op[Any] | None:
        """Check the draft in core; when nothing stops it, save it if changed and ask who signed."""
        if self.op is not None or self.read_only:
            return None
        draft, typed = self.form.draft()
        if typed:
            self._refuse_finalising([str(error.fields.get("field", "")) for error in typed], typed, [])
            return None
        store, actor, number, base, dirty = (self.store, self.signed_in.actor, self.number, self.version,
                                             self.dirty)
        self.edits_sent = self.edits

        def task(_progress: ProgressFn, _cancelled: CancelledFn) -> tuple[list[Problem], int]:
            with store.database.session_scope() as session:
                found = agreement.problems(session, number, draft)
                if found or not dirty:
                    return found, base
                return found, agreement.save_draft(session, actor, number, draft, base)

        op = run_op(self, task).on_success(self._checked).on_failure(self._refused)
        op.changing(DRAFT_CHANGES)
        return self._run(op)

    def _checked(self, result: tuple[list[Problem], int]) -> None:
        found, version = result
        if found:
            self._refuse_finalising([problem.field for problem in found], [], found)
            return
        if version != self.version:
            self._saved(version)
        if self.dirty:  # typed on while it was checked: what is shown is not what would be sealed
            self.message.setText(self.tr("The agreement changed while it was checked; choose Finalise "
                                         "again."))
            return
        self._ask_signatures()

    def _refuse_finalising(self, codes: list[str], typed: list[InvalidInput], found: list[Problem]) -> None:
        warnings = self.rendered.warnings if self.rendered is not None else []
        self.problems.show_problems(found, typed, warnings)
        named = list(dict.fromkeys(field_words(code) for code in codes))
        self.message.setText(self.tr("Not finalised: first put right {fields}.").format(
            fields=self.tr(", ").join(named)))
        if codes:
            self.focus_field(codes[0])

    def _ask_signatures(self) -> None:
        from desktop.ui.documents.agreement_finalise import FinaliseDialog

        read = self.read
        if read is None:
            return
        dialog = FinaliseDialog(self.store, self.signed_in.actor, self.number, read.parties, self,
                                recorded=read.recorded, supplement=self.form.supplements is not None)
        dialog.accepted.connect(self._sealed)
        dialog.finished.connect(lambda _result: self._finalise_closed(dialog))
        self.finalise_dialog = dialog
        dialog.open()

    def _finalise_closed(self, dialog: QDialog) -> None:
        if self.finalise_dialog is dialog:
            self.finalise_dialog = None
        dialog.deleteLater()

    def _sealed(self) -> None:
        self.dirty = False
        self.finalised.emit()
        self.refresh()

    # --- a supplementary agreement ------------------------------------------------------------------
    def start_supplement(self) -> Op[Any] | None:
        """Start a supplementary agreement (补充协议) to the sealed one: an editable draft naming it."""
        if self.op is not None or self.read is None or self.read.finalised is None:
            return None
        store, number = self.store, self.number

        def task(_progress: ProgressFn, _cancelled: CancelledFn) -> AgreementDraft:
            with store.database.session_scope() as session:
                return agreement.draft_template(session, number)

        return self._run(run_op(self, task).on_success(self._supplement_started))

    def _supplement_started(self, draft: AgreementDraft) -> None:
        self.form.load(draft)
        self.read_only = False
        self.form.set_read_only(False)
        self.supplement_button.setVisible(False)
        self.problems.setVisible(True)
        self.dirty = True
        self._show_title(draft)
        self._enable()
        self._show_state()
        self.live.now()

    # --- keyboard -----------------------------------------------------------------------------------
    def add_clause(self) -> None:
        """Ctrl+Enter: a blank clause at the end, its text ready for typing."""
        if not self.read_only:
            self.form.clauses.add_blank()
            self.form.scroll_area.ensureWidgetVisible(self.form.clauses.detail)

    # --- closing ------------------------------------------------------------------------------------
    def show_parties(self) -> None:
        """The parties are edited on the case's Parties tab: close (asking about unsaved changes), then
        say so with ``parties_requested`` for the window to show that tab."""
        self.to_parties = True
        self.reject()

    def reject(self) -> None:
        """Esc, Close or the window's close button: with unsaved changes, ask before they go."""
        if not self.dirty or self.read_only or self.confirm_box is not None:
            self._leave()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(),
                          self.tr("The agreement has changes that are not saved. Save them as a draft?"),
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("agreementUnsaved")
        save = box.addButton(self.tr("Save Draft"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep Editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)

        def answered(_result: int) -> None:
            self.confirm_box = None
            if box.clickedButton() is discard:
                self.dirty = False
                self._leave()
            elif box.clickedButton() is save:
                op = self.save()
                if op is not None:
                    op.on_success(self._saved_and_leave)
            else:
                self.to_parties = False

        box.finished.connect(answered)
        self.confirm_box = box
        box.open()

    def _saved_and_leave(self, version: int) -> None:
        self._saved(version)
        self._leave()

    def _leave(self) -> None:
        self.live.stop()
        super().reject()
        if self.to_parties:
            self.to_parties = False
            self.parties_requested.emit()
