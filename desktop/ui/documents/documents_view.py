"""The Documents tab (文书) of the case workspace: the documents produced for the case (kind, when, by whom,
signed, printed how often), the preview of the one chosen (its stored bytes: a reprint is the same paper),
New document, Print… (print preview, then the print recorded), Save a copy… (never over a file) and the
agreement editor (协议书). Every read and write runs on a worker through the op runner."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.documents import registry
from desktop.core.documents.generation import GeneratedDocument
from desktop.core.documents.registry import DocumentInfo, PrintInfo
from desktop.core.integrity.durable import write_new_file
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.store import OpenStore
from desktop.core.trust.sign_in import SignedInUser
from desktop.core.trust.users import real_names
from desktop.ui.documents.generate_dialog import GenerateDialog
from desktop.ui.documents.pdf_preview import PdfPreview
from desktop.ui.documents.printing import DocumentPrinting, PrintJob
from desktop.ui.framework.changes import Changes, Refresher, announce
from desktop.ui.framework.errors import error_label
from desktop.ui.framework.formatting import local_time, person
from desktop.ui.framework.i18n import label, translate_error
from desktop.ui.framework.ops import Op, run_op
from desktop.ui.framework.reads import LatestRead

translate = QCoreApplication.translate
ID_ROLE = Qt.ItemDataRole.UserRole
PREVIEW_MIN_WIDTH = 420


@dataclass(frozen=True, slots=True)
class DocumentList:
    """The case's documents and the real names of who made them."""

    documents: list[DocumentInfo]
    people: dict[str, str]


def read_documents(store: OpenStore, number: str) -> DocumentList:
    with store.database.session_scope() as session:
        documents = registry.list_documents(session, number)
        names = [document.created_by for document in documents]
        names += [document.signer for document in documents if document.signer]
        names += [print_info.printed_by for document in documents for print_info in document.prints]
        return DocumentList(documents, real_names(session, names))


def grouped(digest: str, size: int = 16) -> str:
    """A hex digest in groups of ``size`` digits, so that a narrow pane wraps it rather than cutting it."""
    return " ".join(digest[start:start + size] for start in range(0, len(digest), size))


def copy_name(number: str, document: DocumentInfo) -> str:
    """The file name a copy is offered under: case number, the document's title, its id."""
    return f"{number} {label(document.kind)} {document.id}.pdf"


def open_agreement_editor(store: OpenStore, signed_in: SignedInUser, number: str, parent: QWidget) -> QDialog:
    """The agreement editor of case ``number`` (imported when first asked for: the tab opens without it)."""
    from desktop.ui.documents.agreement_editor import AgreementEditor

    return AgreementEditor(store, signed_in, number, parent)


def check_copies(job: PrintJob) -> None:
    """Refuse, before printing, the copies the print record would refuse (``registry.check_copies``)."""
    registry.check_copies(job.copies)


class DocumentsView(QWidget):
    """The documents of case ``number``; ``changed`` is emitted after a document is generated or printed;
    ``open_dialog`` opens a dialog as the workspace does (window-modal, read again once it saves)."""

    changed = Signal()
    parties_wanted = Signal()  # the agreement editor's link to the Parties tab was followed

    def __init__(self, store: OpenStore, signed_in: SignedInUser, number: str,
                 open_dialog: Callable[[QDialog], QDialog] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentsView")
        self.store = store
        self.signed_in = signed_in
        self.number = number
        self.open_dialog = open_dialog or self._open
        self.shown: DocumentList | None = None
        self.pending_select: int | None = None
        self.pdf: tuple[int, bytes] | None = None  # the selected document's id and stored bytes
        self.pdf_op: Op[tuple[int, bytes]] | None = None
        self.op: Op[object] | None = None
        self.printing: DocumentPrinting | None = None
        self.printer_: QPrinter | None = None
        self.dialog: QDialog | None = None

        self.list = QTreeWidget()
        self.list.setObjectName("documentList")
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setHeaderLabels([self.tr("Document"), self.tr("Made"), self.tr("By"), self.tr("Signed"),
                                   self.tr("Printed")])
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.header().setStretchLastSection(False)
        self.list.currentItemChanged.connect(lambda _current, _previous: self._selected())
        self.empty = QLabel(self.tr("No document has been made for this case yet: New Document… makes one."))
        self.empty.setObjectName("documentsEmpty")
        self.empty.setWordWrap(True)

        self.new_button = self._button("newDocument", self.tr("&New Document…"), self.new_document)
        self.print_button = self._button("printDocument", self.tr("P&rint…"), self.print_document)
        self.copy_button = self._button("saveDocumentCopy", self.tr("Save a &Copy…"), self.choose_copy)
        self.agreement_button = self._button("openAgreement", self.tr("A&greement…"), self.open_agreement)
        self.agreement_button.setToolTip(self.tr("Draft, preview and finalise the mediation agreement "
                                                 "(人民调解协议书)"))
        buttons = QHBoxLayout()
        for button in (self.new_button, self.print_button, self.copy_button, self.agreement_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.details = QLabel()
        self.details.setObjectName("documentDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = error_label("documentsError")
        left_panel = QWidget()
        left = QVBoxLayout(left_panel)
        left.setContentsMargins(0, 0, 0, 0)
        left.addLayout(buttons)
        left.addWidget(self.empty)
        left.addWidget(self.list, 1)
        left.addWidget(self.details)
        left.addWidget(self.error)
        self.preview = PdfPreview()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("documentsSplitter")
        self.splitter.addWidget(left_panel)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.user_split = False  # the user moved the divider
        self.splitter.splitterMoved.connect(lambda _position, _index: self._split_moved())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.reader: LatestRead[DocumentList] = LatestRead(self, self._read_task, self._show)
        Refresher(self, lambda changes: changes.cases or changes.ledger, self.refresh)
        self._update_buttons()
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_list()

    def _fit_list(self) -> None:
        """Give the list the width its columns need (each title whole; two fifths at least), the preview
        the rest but at least ``PREVIEW_MIN_WIDTH`` (a page fitted to less is hard to read); once the user
        has moved the divider, their width stays."""
        sizes = self.splitter.sizes()
        total = sum(sizes)
        if total <= 0 or self.user_split:
            return
        header = self.list.header()
        columns = sum(max(self.list.sizeHintForColumn(column), header.sectionSizeHint(column))
                      for column in range(self.list.columnCount()))
        needed = columns + 2 * self.list.frameWidth() + self.list.verticalScrollBar().sizeHint().width() + 8
        wanted = min(max(needed, total * 2 // 5), total - PREVIEW_MIN_WIDTH)
        if wanted > 0 and wanted != sizes[0]:
            self.splitter.setSizes([wanted, total - wanted])

    def _split_moved(self) -> None:
        self.user_split = True

    def _button(self, name: str, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # --- reading ----------------------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        return self.reader.loading or self.pdf_op is not None or self.op is not None

    def set_user(self, signed_in: SignedInUser) -> None:
        self.signed_in = signed_in
        self.refresh()

    def refresh(self) -> Op[DocumentList] | None:
        return self.reader.start()

    def _read_task(self) -> Callable[[ProgressFn, CancelledFn], DocumentList]:
        store, number = self.store, self.number
        return lambda _progress, _cancelled: read_documents(store, number)

    def _show(self, found: DocumentList) -> None:
        self.shown = found
        keep = self.pending_select if self.pending_select is not None else self.selected_id()
        self.pending_select = None
        self.list.blockSignals(True)
        self.list.clear()
        chosen: QTreeWidgetItem | None = None
        for document in reversed(found.documents):  # the newest first
            row = QTreeWidgetItem([
                label(document.kind), local_time(document.created_at)[:16],
                found.people.get(document.created_by) or document.created_by,
                self.tr("Yes") if document.signed else self.tr("No"),
                self.tr("{count} time(s)").format(count=len(document.prints)) if document.prints
                else self.tr("Not yet")])
            row.setData(0, ID_ROLE, document.id)
            row.setToolTip(0, f"{label(document.kind)} · {document.pdf_sha256}")
            row.setToolTip(2, person(document.created_by, found.people.get(document.created_by)))
            self.list.addTopLevelItem(row)
            if document.id == keep:
                chosen = row
        for column in range(1, 5):
            self.list.resizeColumnToContents(column)
        self.list.blockSignals(False)
        self._fit_list()
        self.empty.setVisible(not found.documents)
        if chosen is None and self.list.topLevelItemCount():
            chosen = self.list.topLevelItem(0)
        if chosen is not None:
            self.list.setCurrentItem(chosen)
        self._selected()

    def documents(self) -> list[DocumentInfo]:
        return list(self.shown.documents) if self.shown is not None else []

    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(0, ID_ROLE)) if item is not None else None

    def selected(self) -> DocumentInfo | None:
        wanted = self.selected_id()
        return next((document for document in self.documents() if document.id == wanted), None)

    def select(self, document_id: int) -> None:
        """Choose document ``document_id`` (once the list, read again, holds it)."""
        for index in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(index)
            if item is not None and item.data(0, ID_ROLE) == document_id:
                self.list.setCurrentItem(item)
                return
        self.pending_select = document_id

    def _selected(self) -> None:
        document = self.selected()
        self._show_details(document)
        self._update_buttons()
        if document is None:
            self.pdf = None
            self.preview.clear()
            return
        if self.pdf is not None and self.pdf[0] == document.id:
            return
        self._read_pdf(document.id)

    def _show_details(self, document: DocumentInfo | None) -> None:
        if document is None:
            self.details.setText("")
            return
        people = self.shown.people if self.shown is not None else {}
        lines = [self.tr("{kind}, made {time} by {user}; {size} bytes.").format(
            kind=label(document.kind), time=local_time(document.created_at),
            user=person(document.created_by, people.get(document.created_by)), size=document.size),
            self.tr("SHA-256: {digest}").format(digest=grouped(document.pdf_sha256)),
            self.tr("Check code: {code}").format(code=document.check_code)]
        if document.signed:
            signer = document.signer or ""
            lines.append(self.tr("Signed digitally by {signer}.").format(
                signer=person(signer, people.get(signer))))
        for printed in document.prints:
            lines.append(self._print_line(printed, people))
        self.details.setText("\n".join(lines))

    def _print_line(self, printed: PrintInfo, people: dict[str, str]) -> str:
        return self.tr("Printed {time} by {user}: pages {pages}, {copies} copy(ies), {printer}.").format(
            time=local_time(printed.printed_at)[:16], user=person(printed.printed_by,
                                                                  people.get(printed.printed_by)),
            pages=printed.pages or self.tr("all"), copies=printed.copies, printer=printed.printer)

    def _read_pdf(self, document_id: int) -> None:
        store = self.store

        def task(_progress: ProgressFn, _cancelled: CancelledFn) -> tuple[int, bytes]:
            with store.database.session_scope() as session:
                return document_id, registry.document_pdf(session, document_id)

        op = run_op(self, task).on_success(self._pdf_read).on_failure(self._failed)
        op.finished.connect(self._pdf_finished)
        self.pdf_op = op
        op.start()

    def _pdf_read(self, found: tuple[int, bytes]) -> None:
        if found[0] != self.selected_id():  # another was chosen meanwhile: its read follows
            return
        self.pdf = found
        self.preview.set_pdf(found[1])
        self._update_buttons()

    def _pdf_finished(self) -> None:
        self.pdf_op = None
        selected = self.selected_id()
        if selected is not None and (self.pdf is None or self.pdf[0] != selected):
            self._read_pdf(selected)

    def _update_buttons(self) -> None:
        ready = self.pdf is not None and self.pdf[0] == self.selected_id()
        printing = self.printing is not None and self.printing.busy
        self.print_button.setEnabled(ready and not printing)
        self.copy_button.setEnabled(ready and self.op is None)

    # --- actions ----------------------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> QDialog:
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()
        return dialog

    def new_document(self) -> GenerateDialog:
        """The New Document dialog; the document made is chosen and shown once it is stored."""
        dialog = GenerateDialog(self.store, self.signed_in, self.number, self)
        dialog.generated.connect(self._generated)
        self.dialog = dialog
        self.open_dialog(dialog)
        return dialog

    def _generated(self, document: GeneratedDocument) -> None:
        self.error.setText("")
        self.pending_select = document.id
        self.pdf = (document.id, document.pdf)  # the bytes stored: no need to read them back
        self.preview.set_pdf(document.pdf)
        self.refresh()
        self.changed.emit()

    def printer(self) -> QPrinter:
        """The printer, kept with its settings from one print to the next."""
        if self.printer_ is None:
            self.printer_ = QPrinter(QPrinter.PrinterMode.HighResolution)
        return self.printer_

    def print_document(self) -> DocumentPrinting | None:
        """Print preview of the selected document; printing it records the print."""
        document = self.selected()
        if document is None or self.pdf is None or self.pdf[0] != document.id:
            return None
        if self.printing is not None and self.printing.busy:
            return None
        store, actor, document_id = self.store, self.signed_in.actor, document.id

        def record(job: PrintJob) -> PrintInfo:
            with store.database.session_scope() as session:
                return registry.record_print(session, actor, document_id, job.pages_text, job.copies,
                                             job.printer)

        printing = DocumentPrinting(self, self.pdf[1], self.printer(), record, label(document.kind),
                                    check=check_copies)
        printing.printed.connect(self._printed)
        printing.failed.connect(self._failed)
        self.printing = printing
        op = printing.preview()
        if op is not None:
            op.finished.connect(self._update_buttons)
        return printing

    def _printed(self, info: object) -> None:
        assert isinstance(info, PrintInfo)
        self.error.setText("")
        self.refresh()
        announce(Changes(cases=True, ledger=True), self)
        self.changed.emit()

    def choose_copy(self) -> Op[object] | None:
        """Ask where to save a copy of the selected document (a new file), then save it there."""
        document = self.selected()
        if document is None:
            return None
        start = self.store.folder.exports / copy_name(self.number, document)
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save a Copy of the Document"), str(start), self.tr("PDF documents (*.pdf)"),
            options=QFileDialog.Option.DontConfirmOverwrite)  # an existing file is refused, not replaced
        return self.save_copy(Path(name)) if name else None

    def save_copy(self, path: Path) -> Op[object] | None:
        """Write the stored bytes of the selected document to ``path``, a new file (never over one)."""
        if self.pdf is None or self.pdf[0] != self.selected_id() or self.op is not None:
            return None
        data = self.pdf[1]

        def task(_progress: ProgressFn, _cancelled: CancelledFn) -> object:
            write_new_file(path, data)
            return path

        op = run_op(self, task).as_work(self.tr("Saving a copy of the document"))
        op.on_success(lambda _saved: self._copied(path)).on_failure(self._failed)
        op.finished.connect(self._op_finished)
        self.op = op
        self.error.setText("")
        self._update_buttons()
        return op.start()

    def _copied(self, path: Path) -> None:
        window = self.window()
        bar = getattr(window, "statusBar", None)
        if callable(bar):
            bar().showMessage(self.tr("Saved a copy: {path}").format(path=str(path)), 10_000)

    def _op_finished(self) -> None:
        self.op = None
        self._update_buttons()

    def open_agreement(self) -> QDialog:
        """The agreement editor of the case (协议书)."""
        editor = open_agreement_editor(self.store, self.signed_in, self.number, self)
        editor.parties_requested.connect(self.parties_wanted)  # type: ignore[attr-defined]
        self.open_dialog(editor)
        return editor

    def _failed(self, error: BaseException) -> None:
        self.error.setText(translate_error(error))
