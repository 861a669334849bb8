"""Import Package…: choose another office's court package and the case to take it into; the package is
checked completely and imported on a worker (progress bar, Cancel), then the dialog shows the items taken
in, or the findings that refused the package (nothing imported)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.exchange.importing import ImportReport, import_package
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.store import OpenStore
from desktop.core.trust.permissions import Actor
from desktop.ui.framework.changes import Changes
from desktop.ui.framework.errors import error_label
from desktop.ui.framework.i18n import label, translate_error
from desktop.ui.framework.ops import Op, run_op

PROGRESS_STEPS = 1000


class ImportDialog(QDialog):
    """Choose a package and a case (preset when opened from a case), import, and see what came of it."""

    imported = Signal(object)  # the ImportReport of a package taken in

    def __init__(self, store: OpenStore, actor: Actor, cases: Sequence[tuple[str, str]],
                 case_number: str | None, parent: QWidget | None = None, *, fixed: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import Package"))
        self.store = store
        self.actor = actor
        self.op: Op[ImportReport] | None = None
        self.report: ImportReport | None = None
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("importFile")
        self.file_edit.setPlaceholderText(self.tr("A court package (.zip) from another office"))
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.setObjectName("importBrowse")
        self.browse_button.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)
        self.case_combo = QComboBox()
        self.case_combo.setObjectName("importCase")
        for number, text in cases:  # (number, the text the case chooser shows)
            self.case_combo.addItem(text, number)
        if case_number is not None:
            self.case_combo.setCurrentIndex(max(self.case_combo.findData(case_number), 0))
        self.case_combo.setEnabled(not fixed)
        form = QFormLayout()
        form.addRow(self.tr("Package:"), file_row)
        form.addRow(self.tr("Into case:"), self.case_combo)
        self.progress = QProgressBar()
        self.progress.setObjectName("importProgress")
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setVisible(False)
        self.status = QLabel(self.tr("The package is checked completely first; nothing is imported unless "
                                     "everything in it checks out."))
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        self.results = QTreeWidget()
        self.results.setObjectName("importResults")
        self.results.setRootIsDecorated(False)
        self.results.setVisible(False)
        self.error = error_label("importError")
        self.error.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = self.buttons.addButton(self.tr("&Import"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button.setObjectName("importButton")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button = self.buttons.addButton(self.tr("Cancel Import"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.setObjectName("importCancel")
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(640, 360)

    def browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a Package"), self.file_edit.text(),
            self.tr("Court packages (*.zip);;All files (*)"))
        if chosen:
            self.file_edit.setText(chosen)

    def start_import(self) -> Op[ImportReport] | None:
        """Check and import the chosen package on a worker; None when the choice is incomplete."""
        text, number = self.file_edit.text().strip(), self.case_combo.currentData()
        self.error.setVisible(False)
        if not text or number is None:
            self._show_error(self.tr("Choose a package and the case to import it into."))
            return None
        store, actor, path = self.store, self.actor, Path(text)

        def task(progress: ProgressFn, cancelled: CancelledFn) -> ImportReport:
            return import_package(store.database.session_scope, store.vault, actor, path, str(number),
                                  progress, cancelled)

        self.results.clear()
        self.results.setVisible(False)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.status.setText(self.tr("Checking and importing {file}…").format(file=path.name))
        self._busy(True)
        op = (run_op(self, task).on_progress(self._progressed).on_success(self._done)
              .on_failure(self._failed).on_cancelled(self._cancelled)
              .changing(lambda report: Changes() if report.refused else Changes(evidence=True, ledger=True))
              .as_work(self.tr("Importing a package")))
        op.finished.connect(lambda: self._busy(False))
        self.op = op
        return op.start()

    def cancel_import(self) -> None:
        if self.op is not None:
            self.op.cancel()

    def _busy(self, on: bool) -> None:
        if not on:
            self.op = None
            self.progress.setVisible(False)
        for widget in (self.import_button, self.browse_button, self.file_edit):
            widget.setEnabled(not on)
        self.cancel_button.setVisible(on)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setEnabled(not on)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setValue(int(PROGRESS_STEPS * done / total) if total > 0 else 0)

    def _done(self, report: ImportReport) -> None:
        self.report = report
        self.results.clear()
        if report.refused:
            self.results.setHeaderLabels([self.tr("Finding"), self.tr("File"), self.tr("Expected"),
                                          self.tr("Found")])
            for finding in report.findings:
                self.results.addTopLevelItem(QTreeWidgetItem([label(finding.code), finding.file,
                                                              finding.expected, finding.found]))
            self.status.setText(self.tr("Refused: {file} does not check out ({count} findings). Nothing was "
                                        "imported.").format(file=report.package, count=len(report.findings)))
            self._show_error(self.tr("The package was changed or damaged after it was made, or is not a "
                                     "court package. Ask the sending office for a new copy."))
        else:
            self.results.setHeaderLabels([self.tr("Item"), self.tr("From item"), self.tr("Name"),
                                          self.tr("File")])
            for item in report.items:
                self.results.addTopLevelItem(QTreeWidgetItem([
                    str(item.id), str(item.origin_id), item.name,
                    self.tr("new") if item.new_blob else self.tr("already in the vault")]))
            self.status.setText(self.tr("Imported {count} items from {office} into case {number}.").format(
                count=len(report.items), office=report.source_office, number=report.case_number))
            self.imported.emit(report)
        for column in range(self.results.columnCount()):
            self.results.resizeColumnToContents(column)
        self.results.setVisible(True)

    def _failed(self, error: BaseException) -> None:
        self.status.setText(self.tr("Nothing was imported."))
        self._show_error(translate_error(error))

    def _cancelled(self) -> None:
        self.status.setText(self.tr("Import cancelled; nothing was imported."))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(True)
