"""Verify a document: choose a PDF, and learn on a worker whether this office produced it and it is
unchanged (本处出具且未被改动), changed since (已被改动) or not ours (非本处出具), with the record it matches
(kind, case, date, who), what is wrong, and the state of its digital signature. Reads only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.documents.verify_document import DocumentCheck, DocumentVerdict, verify_document
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.store import OpenStore
from desktop.core.trust.users import real_names
from desktop.ui.framework.errors import ERROR_COLOUR, error_label
from desktop.ui.framework.formatting import local_time, person
from desktop.ui.framework.i18n import label, translate_error
from desktop.ui.framework.ops import Op, run_op

GOOD_COLOUR = "#1b5e20"


def verdict_label(name: str) -> QLabel:
    """The one-line verdict of a check, in bold and larger than the text around it."""
    verdict = QLabel()
    verdict.setObjectName(name)
    verdict.setWordWrap(True)
    font = QFont(verdict.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.3)
    verdict.setFont(font)
    return verdict


def check_file(store: OpenStore, path: Path) -> tuple[DocumentCheck, dict[str, str]]:
    """Read ``path`` and check it against the registry and the ledger; the real names of the people named."""
    data = path.read_bytes()
    with store.database.session_scope() as session:
        check = verify_document(session, data)
        names = [check.document.created_by] if check.document is not None else []
        return check, real_names(session, names)


class VerifyDocumentDialog(QDialog):
    """Verify a PDF document against this office's registry (``verify-document``)."""

    def __init__(self, store: OpenStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verifyDocumentDialog")
        self.setWindowTitle(self.tr("Verify a Document"))
        self.store = store
        self.check: DocumentCheck | None = None
        self.op: Op[tuple[DocumentCheck, dict[str, str]]] | None = None

        self.path = QLineEdit()
        self.path.setObjectName("verifyPath")
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(self.tr("Choose the PDF to verify"))
        self.choose_button = QPushButton(self.tr("&Choose PDF…"))
        self.choose_button.setObjectName("verifyChoose")
        self.choose_button.clicked.connect(self.choose)
        chooser = QHBoxLayout()
        chooser.addWidget(self.path, 1)
        chooser.addWidget(self.choose_button)

        self.verdict = verdict_label("verifyVerdict")
        self.record = QLabel()
        self.record.setObjectName("verifyRecord")
        self.signature = QLabel()
        self.signature.setObjectName("verifySignature")
        self.problems = QLabel()
        self.problems.setObjectName("verifyProblems")
        self.digest = QLabel()
        self.digest.setObjectName("verifyDigest")
        for shown in (self.record, self.signature, self.problems, self.digest):
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QWidget()
        form = QFormLayout(self.details)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Record:"), self.record)
        form.addRow(self.tr("Signature:"), self.signature)
        form.addRow(self.tr("Found:"), self.problems)
        form.addRow(self.tr("SHA-256:"), self.digest)
        self.details.setVisible(False)
        self.message = error_label("verifyMessage")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Is this PDF one this office produced, and is it unchanged?")))
        layout.addLayout(chooser)
        layout.addWidget(self.verdict)
        layout.addWidget(self.details)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(620, 360)

    @property
    def loading(self) -> bool:
        return self.op is not None

    def choose(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose the PDF to Verify"), "",
                                                    self.tr("PDF documents (*.pdf);;All files (*)"))
        if name:
            self.verify(Path(name))

    def verify(self, path: Path) -> Op[tuple[DocumentCheck, dict[str, str]]] | None:
        """Check the file at ``path`` (on a worker)."""
        if self.op is not None:
            return None
        store = self.store
        self.path.setText(str(path))
        self.check = None
        self.verdict.setText(self.tr("Verifying…"))
        self.verdict.setStyleSheet("")
        self.details.setVisible(False)
        self.message.setText("")

        def task(_progress: ProgressFn, _cancelled: CancelledFn) -> tuple[DocumentCheck, dict[str, str]]:
            return check_file(store, path)

        op = run_op(self, task).on_success(self._show).on_failure(self._failed)
        op.finished.connect(self._finished)
        self.op = op
        self.choose_button.setEnabled(False)
        return op.start()

    def _finished(self) -> None:
        self.op = None
        self.choose_button.setEnabled(True)

    def _failed(self, error: BaseException) -> None:
        self.verdict.setText("")
        if isinstance(error, OSError):
            self.message.setText(self.tr("The file could not be read: {reason}").format(
                reason=error.strerror or str(error)))
        else:
            self.message.setText(translate_error(error))

    def verdict_text(self, verdict: DocumentVerdict) -> str:
        if verdict is DocumentVerdict.UNCHANGED:
            return self.tr("Produced by this office and unchanged")
        if verdict is DocumentVerdict.CHANGED:
            return self.tr("Changed since this office produced it")
        return self.tr("Not produced by this office")

    def _show(self, result: tuple[DocumentCheck, dict[str, str]]) -> None:
        check, people = result
        self.check = check
        verdict = check.verdict
        self.verdict.setText(self.verdict_text(verdict))
        colour = GOOD_COLOUR if verdict is DocumentVerdict.UNCHANGED else ERROR_COLOUR
        self.verdict.setStyleSheet(f"color: {colour}")
        document = check.document
        if document is not None:
            self.record.setText(self.tr("{kind} of {case}, made {time} by {user} (document {id})").format(
                kind=label(document.kind), case=document.case_number, time=local_time(document.created_at),
                user=person(document.created_by, people.get(document.created_by)), id=document.id))
        elif check.named is not None:
            self.record.setText(self.tr("The file names document {id}, which this office's registry does not "
                                        "hold.").format(id=check.named.document_id))
        else:
            self.record.setText(self.tr("None: no document of this office matches."))
        self.signature.setText(self.signature_text(check))
        self.problems.setText("\n".join(label(problem) for problem in check.problems)
                              or self.tr("Nothing wrong."))
        self.digest.setText(check.pdf_sha256)
        self.details.setVisible(True)

    def signature_text(self, check: DocumentCheck) -> str:
        if not check.signatures:
            recorded = check.document is not None and check.document.signed
            return self.tr("None, though the document was signed when it was made.") if recorded \
                else self.tr("Not signed digitally.")
        lines = []
        for signature in check.signatures:
            if signature.good:
                state = self.tr("valid, covering the whole file")
            elif signature.intact and signature.valid:
                state = self.tr("valid, but the file was added to after signing")
            else:
                state = self.tr("not valid: the signed bytes were changed")
            lines.append(self.tr("Signed by {signer}: {state}.").format(signer=signature.signer, state=state))
        return "\n".join(lines)

