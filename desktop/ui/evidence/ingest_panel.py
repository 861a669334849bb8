"""Ingest in progress on the Evidence page: the current file and its bar, the whole batch and its bar,
and Cancel; at the end one summary of what was taken in and what could not be (never one box per file)."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from desktop.core.evidence.intake import IngestFailure, IngestReport
from desktop.ui.framework.formatting import human_size
from desktop.ui.framework.i18n import translate_error

translate = QCoreApplication.translate
BAR_STEPS = 1000  # bars count per mille: byte counts overflow a QProgressBar's int
FAILURES_LISTED = 12

# Reasons the core gives as plain text (not message templates); marked here so they are translated.



def _fraction(done: int, total: int) -> int:
    return BAR_STEPS if total <= 0 else min(BAR_STEPS, done * BAR_STEPS // total)


class FileProgress:
    """The latest (index, count, name, done, size) from the worker; the GUI reads it when it redraws."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._latest: tuple[int, int, str, int, int] | None = None

    def report(self, index: int, count: int, name: str, done: int, size: int) -> None:  # worker thread
        with self._lock:
            self._latest = (index, count, name, done, size)

    def latest(self) -> tuple[int, int, str, int, int] | None:
        with self._lock:
            return self._latest


class IngestPanel(QFrame):
    """Shown while files are taken in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ingestPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.file_label = QLabel()
        self.file_label.setObjectName("ingestFileLabel")
        self.file_bar = QProgressBar()
        self.file_bar.setObjectName("ingestFileBar")
        self.file_bar.setRange(0, BAR_STEPS)
        self.file_bar.setTextVisible(False)
        self.total_label = QLabel()
        self.total_label.setObjectName("ingestTotalLabel")
        self.total_bar = QProgressBar()
        self.total_bar.setObjectName("ingestTotalBar")
        self.total_bar.setRange(0, BAR_STEPS)
        self.total_bar.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("ingestCancelButton")
        layout = QGridLayout(self)
        layout.addWidget(self.file_label, 0, 0)
        layout.addWidget(self.file_bar, 0, 1)
        layout.addWidget(self.total_label, 1, 0)
        layout.addWidget(self.total_bar, 1, 1)
        layout.addWidget(self.cancel_button, 0, 2, 2, 1)
        layout.setColumnStretch(0, 3)
        layout.setColumnStretch(1, 2)
        self.file_progress = FileProgress()

    def start(self) -> None:
        self.file_progress = FileProgress()
        self.file_label.setText(self.tr("Preparing…"))
        self.total_label.setText("")
        self.file_bar.setValue(0)
        self.total_bar.setValue(0)
        self.cancel_button.setEnabled(True)
        self.setVisible(True)

    def cancelling(self) -> None:
        self.cancel_button.setEnabled(False)
        self.total_label.setText(self.tr("Cancelling; files already taken in are kept…"))

    def update_progress(self, done: int, total: int) -> None:
        """Called on the GUI thread at most every 100 ms (the op runner's progress)."""
        latest = self.file_progress.latest()
        if latest is not None:
            index, count, name, file_done, size = latest
            self.file_label.setText(self.tr("File {index} of {count}: {name}").format(
                index=index + 1, count=count, name=name))
            self.file_label.setToolTip(name)
            self.file_bar.setValue(_fraction(file_done, size))
        if self.cancel_button.isEnabled():
            self.total_label.setText(self.tr("Altogether {done} of {total}").format(
                done=human_size(done), total=human_size(total)))
        self.total_bar.setValue(_fraction(done, total))


def failure_reason(failure: IngestFailure) -> str:
    """Why a file was not taken in, in the user's language."""
    return translate_error(failure.error)


def summary_box(parent: QWidget, case_number: str, report: IngestReport) -> QMessageBox:
    """The one message at the end of an ingest (not yet shown)."""
    taken = len(report.items)
    sealed = sum(1 for item in report.items if item.seals)
    if report.cancelled:
        text = translate("IngestSummary", "Cancelled. {count} file(s) were taken into case {case} before "
                         "you cancelled; they are kept. The others were not taken in.").format(
            count=taken, case=case_number)
    else:
        text = translate("IngestSummary", "{count} file(s) taken into case {case}.").format(
            count=taken, case=case_number)
    if sealed:
        text += " " + translate("IngestSummary", "{count} sealed.").format(count=sealed)
    details = ""
    if report.failures:
        lines = [f"{Path(failure.path).name or failure.path}: {failure_reason(failure)}"
                 for failure in report.failures]
        shown = "\n".join(lines[:FAILURES_LISTED])
        if len(lines) > FAILURES_LISTED:
            shown += "\n" + translate("IngestSummary", "… and {count} more (see Show Details).").format(
                count=len(lines) - FAILURES_LISTED)
        text += "\n\n" + translate("IngestSummary", "{count} could not be taken in:").format(
            count=len(report.failures)) + "\n" + shown
        details = "\n".join(f"{failure.path}: {failure_reason(failure)}"
                            for failure in report.failures)
    icon = QMessageBox.Icon.Warning if report.failures else QMessageBox.Icon.Information
    box = QMessageBox(icon, translate("IngestSummary", "Evidence taken in"), text,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("ingestSummary")
    if details:
        box.setDetailedText(details)
    return box
