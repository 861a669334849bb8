"""The Case file tab (卷宗) of the case workspace: the checklist in filing order (each part present or
missing, the required ones marked), scanned papers added to a part (taken in on a worker thread with
progress and cancel), the cover, and archiving (归档) with the parts missing and a reason when the file is
incomplete. Every read and write runs through the op runner; core refuses what the view does not."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cases import archive, case_file, cover, papers
from desktop.core.cases.case_file import CaseFile, Requirement
from desktop.core.cases.cover import CoverInfo, Retention
from desktop.core.cases.file_parts import FilePart
from desktop.core.cases.matters import find_case, require_case_access
from desktop.core.cases.workflow import CaseStatus, may_archive
from desktop.core.errors import MedisealError, NotAllowed
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.store import OpenStore
from desktop.core.trust.sign_in import SignedInUser
from desktop.core.trust.users import real_names
from desktop.ui.framework.changes import Changes, Refresher
from desktop.ui.framework.errors import ERROR_COLOUR, error_label
from desktop.ui.framework.formatting import local_time, person
from desktop.ui.framework.i18n import label, translate_error
from desktop.ui.framework.ops import Op, run_op
from desktop.ui.framework.reads import LatestRead

MISSING_COLOUR = ERROR_COLOUR
PRESENT_COLOUR = "#1b5e20"


@dataclass(frozen=True, slots=True)
class FileView:
    """What the tab shows, read in one op."""

    checklist: CaseFile
    cover: CoverInfo
    refusal: MedisealError | None  # why the user may not change the file (None: they may)
    archivable: bool  # the workflow lets the case close now
    archived: archive.ArchiveInfo | None
    filed_by_name: str | None  # the real name of who archived the file (立卷人), when known


def read_file_view(store: OpenStore, signed_in: SignedInUser, number: str) -> FileView:
    with store.database.session_scope() as session:
        row = find_case(session, number)
        refusal: MedisealError | None = None
        try:
            require_case_access(session, signed_in.actor, row)
        except NotAllowed as error:
            refusal = error
        shown = cover.cover_of(session, row)
        filed_by_name = real_names(session, [shown.filed_by]).get(shown.filed_by) if shown.filed_by else None
        return FileView(case_file.checklist(session, row), shown, refusal,
                        may_archive(CaseStatus(row.status)), archive.archive_of(session, row), filed_by_name)


class CaseFileView(QWidget):
    """The case file of case ``number``; ``changed`` is emitted after a change is saved."""

    changed = Signal()

    def __init__(self, store: OpenStore, signed_in: SignedInUser, number: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseFileView")
        self.store = store
        self.signed_in = signed_in
        self.number = number
        self.view: FileView | None = None
        self.shown_cover: tuple[str, str, Any, str, str] | None = None  # the cover as last shown
        self.op: Op[object] | None = None
        self.confirm: QMessageBox | None = None

        self.checklist = QTreeWidget()
        self.checklist.setObjectName("fileChecklist")
        self.checklist.setColumnCount(3)
        self.checklist.setHeaderLabels([self.tr("Part"), self.tr("State"), self.tr("Digest (SHA-256)")])
        self.checklist.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.checklist.setAlternatingRowColors(True)
        self.summary = QLabel()
        self.summary.setObjectName("fileSummary")
        self.summary.setWordWrap(True)

        # Scanned papers.
        self.part_choice = QComboBox()
        self.part_choice.setObjectName("paperPart")
        for part in FilePart:
            if part not in papers.NOT_FILED_BY_HAND:
                self.part_choice.addItem(label(part), part)
        self.add_button = QPushButton(self.tr("Add Scanned &Papers…"))
        self.add_button.setObjectName("addPapers")
        self.add_button.clicked.connect(self.choose_papers)
        self.progress = QProgressBar()
        self.progress.setObjectName("paperProgress")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelPapers")
        self.cancel_button.clicked.connect(self.cancel)
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        papers_row = QHBoxLayout()
        papers_row.addWidget(QLabel(self.tr("Into part:")))
        papers_row.addWidget(self.part_choice, 1)
        papers_row.addWidget(self.add_button)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)

        left = QVBoxLayout()
        left.addWidget(self.summary)
        left.addWidget(self.checklist, 1)
        left.addLayout(papers_row)
        left.addLayout(progress_row)

        # The cover.
        self.file_name = QLineEdit()
        self.file_name.setObjectName("coverName")
        self.file_number = QLineEdit()
        self.file_number.setObjectName("coverNumber")
        self.retention = QComboBox()
        self.retention.setObjectName("coverRetention")
        for period in Retention:
            self.retention.addItem(label(period), period)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("coverNotes")
        self.notes.setFixedHeight(48)
        self.file_note = QPlainTextEdit()
        self.file_note.setObjectName("coverFileNote")
        self.file_note.setFixedHeight(60)
        self.derived = QLabel()
        self.derived.setObjectName("coverDerived")
        self.derived.setWordWrap(True)
        self.save_cover_button = QPushButton(self.tr("&Save Cover"))
        self.save_cover_button.setObjectName("saveCover")
        self.save_cover_button.clicked.connect(self.save_cover)
        cover_box = QGroupBox(self.tr("Cover"))
        form = QFormLayout(cover_box)
        form.addRow(self.tr("File name:"), self.file_name)
        form.addRow(self.tr("File number:"), self.file_number)
        form.addRow(self.tr("Retention:"), self.retention)
        form.addRow(self.tr("Notes:"), self.notes)
        form.addRow(self.tr("Note on the file:"), self.file_note)
        form.addRow(self.derived)
        form.addRow(self.save_cover_button)

        # Archiving.
        self.missing = QLabel()
        self.missing.setObjectName("archiveMissing")
        self.missing.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("archiveReason")
        self.reason.setPlaceholderText(self.tr("Why the file is archived incomplete"))
        self.archive_button = QPushButton(self.tr("&Archive File…"))
        self.archive_button.setObjectName("archiveFile")
        self.archive_button.clicked.connect(self.archive_file)
        self.error = error_label("caseFileError")
        archive_box = QGroupBox(self.tr("Archiving"))
        archive_layout = QVBoxLayout(archive_box)
        archive_layout.addWidget(self.missing)
        archive_layout.addWidget(self.reason)
        archive_layout.addWidget(self.archive_button)

        right_panel = QWidget()
        right = QVBoxLayout(right_panel)
        right.addWidget(cover_box)
        right.addWidget(archive_box)
        right.addWidget(self.error)
        right.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(right_panel)
        scroll.setMinimumWidth(300)

        # The whole tab scrolls when the window is small (1024×700), so that it never squeezes the
        # workspace's other tabs, which share its height.
        content = QWidget()
        columns = QHBoxLayout(content)
        columns.addLayout(left, 2)  # the checklist's titles need the room more than the cover's fields
        columns.addWidget(scroll, 1)
        outer = QScrollArea()
        outer.setWidgetResizable(True)
        outer.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(outer)
        self.reader: LatestRead[FileView] = LatestRead(self, self._read_task, self._show)
        Refresher(self, lambda changes: changes.cases or changes.evidence, self.refresh)
        self.refresh()

    # --- reading ----------------------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        return self.reader.loading or self.op is not None

    def set_user(self, signed_in: SignedInUser) -> None:
        self.signed_in = signed_in
        self.refresh()

    def refresh(self) -> Op[FileView] | None:
        return self.reader.start()

    def _read_task(self) -> Callable[[ProgressFn, CancelledFn], FileView]:
        store, signed_in, number = self.store, self.signed_in, self.number
        return lambda _progress, _cancelled: read_file_view(store, signed_in, number)

    def _show(self, view: FileView) -> None:
        self.view = view
        self._fill_checklist(view.checklist)
        shown = view.cover
        if not self.has_unsaved_edits():  # a read after someone else's change keeps what is being typed
            self.file_name.setText(shown.cover.file_name or shown.file_name)
            self.file_number.setText(shown.cover.file_number or shown.file_number)
            self.retention.setCurrentIndex(max(0, self.retention.findData(shown.cover.retention)))
            self.notes.setPlainText(shown.cover.notes)
            self.file_note.setPlainText(shown.cover.file_note)
            self.shown_cover = self._typed_cover()
        dates = self.tr("{start} to {end}").format(
            start=shown.mediation_from.isoformat() if shown.mediation_from else "—",
            end=shown.mediation_to.isoformat() if shown.mediation_to else "—")
        filed = (self.tr("{user}, {time}").format(user=person(shown.filed_by, view.filed_by_name),
                                                  time=local_time(shown.filed_at))
                 if shown.filed_at is not None else self.tr("not archived yet"))
        self.derived.setText(self.tr("Mediators: {names}\nMediation: {dates}\nFiled by: {filed}").format(
            names="、".join(shown.mediators) or "—", dates=dates, filed=filed))
        missing = view.checklist.missing
        if view.archived is not None:
            self.missing.setText(self.tr("Archived: the case is closed and its file read-only."))
        elif missing:
            self.missing.setText(self.tr("Missing: {parts}. A reason is needed to archive the file as it is.")
                                 .format(parts="；".join(label(part) for part in missing)))
        else:
            self.missing.setText(self.tr("The file is complete."))
        self.summary.setText(self.tr(
            "{present} of {total} parts present; {missing} required part(s) missing.").format(
            present=sum(part.present for part in view.checklist.parts), total=len(view.checklist.parts),
            missing=len(missing)))
        self._update_buttons()

    def _fill_checklist(self, found: CaseFile) -> None:
        self.checklist.clear()
        for index, part in enumerate(found.parts, start=1):
            item = QTreeWidgetItem([f"{index}. {label(part.part)}", self._state(part), ""])
            item.setData(0, Qt.ItemDataRole.UserRole, part.part.value)
            if part.required is Requirement.AGENT:
                item.setToolTip(0, self.tr("Required because the case has an agent (授权委托书)."))
            elif part.required is Requirement.AGREEMENT:
                item.setToolTip(0, self.tr("Required because an agreement was reached."))
            colour = MISSING_COLOUR if part.missing else PRESENT_COLOUR if part.present else None
            if colour is not None:
                item.setForeground(1, QBrush(QColor(colour)))
            for document in part.documents:
                child = QTreeWidgetItem([document.title, local_time(document.recorded_at),
                                         document.sha256[:12]])
                child.setToolTip(0, f"{document.title}\n{document.reference}")  # the whole title
                child.setToolTip(2, document.sha256)
                item.addChild(child)
            self.checklist.addTopLevelItem(item)
            item.setExpanded(bool(part.documents))
        self.checklist.resizeColumnToContents(1)
        self.checklist.resizeColumnToContents(2)

    def _state(self, part: case_file.PartStatus) -> str:
        if part.present:
            state = self.tr("Present ({count})").format(count=len(part.documents))
        else:
            state = self.tr("Missing")
        if part.required is Requirement.ALWAYS:
            return self.tr("{state} · required").format(state=state)
        if part.required is Requirement.AGENT:
            return self.tr("{state} · required (agent)").format(state=state)
        if part.required is Requirement.AGREEMENT:
            return self.tr("{state} · required (agreement)").format(state=state)
        return state

    def _writable(self) -> bool:
        return self.view is not None and self.view.refusal is None and self.op is None

    def _update_buttons(self) -> None:
        writable = self._writable()
        for widget in (self.add_button, self.part_choice, self.save_cover_button, self.file_name,
                       self.file_number, self.retention):
            widget.setEnabled(writable)
        self.notes.setReadOnly(not writable)
        self.file_note.setReadOnly(not writable)
        view = self.view
        archivable = writable and view is not None and view.archivable and view.archived is None
        self.archive_button.setEnabled(archivable)
        self.reason.setVisible(view is not None and view.archived is None and bool(view.checklist.missing))
        self.reason.setEnabled(archivable)
        if view is not None and view.archived is None and not view.archivable and view.refusal is None:
            self.archive_button.setToolTip(self.tr(
                "The case closes after its outcome: it cannot be archived from “{status}”.").format(
                status=label(view.checklist.status)))
        else:
            self.archive_button.setToolTip("")

    # --- papers -----------------------------------------------------------------------------------
    def choose_papers(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(self, self.tr("Add scanned papers"))
        if names:
            self.add_papers([Path(name) for name in names])

    def add_papers(self, paths: Sequence[Path], part: FilePart | None = None) -> Op[object] | None:
        """Take ``paths`` in as scanned papers and file them into ``part`` (the one chosen when None)."""
        if not self._writable() or not paths:
            return None
        chosen = part or self.part_choice.currentData()
        store, actor, number, files = self.store, self.signed_in.actor, self.number, list(paths)

        def task(progress: ProgressFn, cancelled: CancelledFn) -> object:
            return papers.file_scans(store.database, store.vault, actor, number, chosen, files,
                                     progress=progress, cancelled=cancelled)

        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        op = run_op(self, task).on_progress(self._progressed)
        op.as_work(self.tr("Adding {count} scanned paper(s)").format(count=len(files)))
        op.changing(Changes(evidence=True, cases=True, ledger=True))
        op.on_success(self._papers_added).on_failure(self._failed)
        return self._run(op)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, 1000)
        self.progress.setValue(int(1000 * done / total) if total else 0)

    def _papers_added(self, result: object) -> None:
        report = result if isinstance(result, papers.ScanReport) else None
        if report is not None and report.ingest.failures:
            self.error.setText(self.tr("Not taken in: {names}").format(
                names="; ".join(f"{Path(failure.path).name}: {translate_error(failure.error)}"
                                for failure in report.ingest.failures)))
        else:
            self.error.setText("")
        self.changed.emit()

    def cancel(self) -> None:
        if self.op is not None:
            self.op.cancel()

    # --- cover ------------------------------------------------------------------------------------
    def _typed_cover(self) -> tuple[str, str, Any, str, str]:
        return (self.file_name.text(), self.file_number.text(), self.retention.currentData(),
                self.notes.toPlainText(), self.file_note.toPlainText())

    def has_unsaved_edits(self) -> bool:
        """Whether the cover or the reason to archive holds text not saved yet (closing asks first)."""
        if self.view is None or self.view.archived is not None:
            return False
        typed = self.shown_cover is not None and self._typed_cover() != self.shown_cover
        return typed or bool(self.reason.text().strip())

    def save_cover(self) -> Op[object] | None:
        if not self._writable() or self.view is None:
            return None
        store, actor, number = self.store, self.signed_in.actor, self.number
        base = self.view.cover.version
        typed = self._typed_cover()

        def task(_progress: ProgressFn, _cancelled: CancelledFn) -> object:
            given = cover.checked_cover(*typed)
            with store.database.session_scope() as session:
                return cover.save_cover(session, actor, number, given, base)

        op = run_op(self, task).changing(Changes(cases=True, ledger=True))
        op.on_success(lambda _saved: self._cover_saved(typed)).on_failure(self._failed)
        return self._run(op)

    def _cover_saved(self, typed: tuple[str, str, Any, str, str]) -> None:
        self.shown_cover = typed  # saved: the next read shows the stored cover again
        self._saved()

    # --- archiving --------------------------------------------------------------------------------
    def archive_file(self) -> QMessageBox | None:
        """Ask once, clearly, then archive: the case closes and its file becomes read-only."""
        view = self.view
        if not self._writable() or view is None or not view.archivable or view.archived is not None:
            return None
        missing = view.checklist.missing
        if missing and not self.reason.text().strip():
            self.error.setText(self.tr(
                "The file is incomplete (missing: {parts}): give the reason to archive it as it is.").format(
                parts="；".join(label(part) for part in missing)))
            self.reason.setFocus()
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Archive the Case File"),
                          self.tr("Archive the file of {number} and close the case? Nothing in the case can "
                                  "be changed afterwards.").format(number=self.number),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("archiveConfirm")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.accepted.connect(self._archive_now)
        self.confirm = box
        box.open()
        return box

    def _archive_now(self) -> Op[object] | None:
        if not self._writable():
            return None
        store, actor, number, reason = self.store, self.signed_in.actor, self.number, self.reason.text()

        def task(_progress: ProgressFn, _cancelled: CancelledFn) -> object:
            with store.database.session_scope() as session:
                return archive.archive_case(session, actor, number, reason)

        op = run_op(self, task).with_progress(self.tr("Archiving the case file…"))
        op.changing(Changes(cases=True, ledger=True))
        op.on_success(lambda _done: self._saved()).on_failure(self._failed)
        return self._run(op)

    # --- running ----------------------------------------------------------------------------------
    def _run(self, op: Op[object]) -> Op[object]:
        self.error.setText("")
        op.finished.connect(self._finished)
        self.op = op
        self._update_buttons()
        return op.start()

    def _finished(self) -> None:
        self.op = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self._update_buttons()

    def _saved(self) -> None:
        self.changed.emit()

    def _failed(self, error: BaseException) -> None:
        self.error.setText(translate_error(error))
