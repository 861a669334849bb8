"""Verify a court package (核验证据包, ``mediseal verify-package``) with no case and no data folder: choose
a zip, check it on a worker, and read a verdict line (passed / not passed), what the package states (case
number, source office, checkpoint), the certificates that sealed it, and a table of findings (what, which
file, which item, expected, found) in the user's language. Reads only; writes nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.exchange.package_info import PackageInfo, package_info
from desktop.core.exchange.verify_package import (
    PackageCheck,
    TimestampCheck,
    UnreadablePackage,
    check_package,
)
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.ui.documents.verify_dialog import GOOD_COLOUR, verdict_label
from desktop.ui.exchange.working import ProgressRow
from desktop.ui.framework.errors import ERROR_COLOUR, error_label
from desktop.ui.framework.formatting import local_time, record_time
from desktop.ui.framework.i18n import label, translate_error
from desktop.ui.framework.ops import Op, run_op


def check_file(path: Path, progress: ProgressFn, cancelled: CancelledFn) -> tuple[PackageCheck, PackageInfo]:
    """The package's findings and what it states (two reads of the zip, in place)."""
    check = check_package(path, progress=progress, cancelled=cancelled)
    return check, package_info(path)


class VerifyPackageDialog(QDialog):
    """Check a court package anyone sent: no case, no signed-in rights needed beyond the window's."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verifyPackageDialog")
        self.setWindowTitle(self.tr("Verify a Court Package"))
        self.op: Op[tuple[PackageCheck, PackageInfo]] | None = None
        self.check: PackageCheck | None = None
        self.info: PackageInfo | None = None

        self.path = QLineEdit()
        self.path.setObjectName("packagePath")
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(self.tr("Choose the package (a zip) to verify"))
        self.choose_button = QPushButton(self.tr("&Choose Package…"))
        self.choose_button.setObjectName("packageChoose")
        self.choose_button.clicked.connect(self.choose)
        chooser = QHBoxLayout()
        chooser.addWidget(self.path, 1)
        chooser.addWidget(self.choose_button)
        self.progress = ProgressRow("packageProgress")

        self.verdict = verdict_label("packageVerdict")
        self.case = QLabel()
        self.case.setObjectName("packageCase")
        self.office = QLabel()
        self.office.setObjectName("packageOffice")
        self.checkpoint = QLabel()
        self.checkpoint.setObjectName("packageCheckpoint")
        self.certificates = QLabel()
        self.certificates.setObjectName("packageCertificates")
        self.timestamp = QLabel()
        self.timestamp.setObjectName("packageTimestamp")
        for shown in (self.case, self.office, self.checkpoint, self.timestamp, self.certificates):
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QWidget()
        form = QFormLayout(self.details)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Case number:"), self.case)
        form.addRow(self.tr("From:"), self.office)
        form.addRow(self.tr("Checkpoint:"), self.checkpoint)
        form.addRow(self.tr("Trusted timestamp:"), self.timestamp)
        form.addRow(self.tr("Certificates:"), self.certificates)
        self.details.setVisible(False)

        self.findings = QTableWidget(0, 5)
        self.findings.setObjectName("packageFindings")
        self.findings.setHorizontalHeaderLabels([self.tr("Finding"), self.tr("File"), self.tr("Item"),
                                                 self.tr("Expected"), self.tr("Found")])
        self.findings.verticalHeader().setVisible(False)
        self.findings.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.findings.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.findings.setWordWrap(False)
        self.findings.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.findings.horizontalHeader()
        for column in (0, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.findings.setVisible(False)
        self.message = error_label("packageMessage")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        intro = QLabel(self.tr("Is this court package intact: every file as sealed, every seal valid, every "
                               "item in the signed ledger? Nothing is written."))
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(chooser)
        layout.addWidget(self.progress)
        layout.addWidget(self.verdict)
        layout.addWidget(self.details)
        layout.addWidget(self.findings, 1)
        layout.addWidget(self.message)
        layout.addStretch(0)
        layout.addWidget(buttons)
        self.resize(820, 520)

    @property
    def loading(self) -> bool:
        return self.op is not None

    def choose(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose the Court Package to Verify"), "",
                                                    self.tr("Zip archives (*.zip);;All files (*)"))
        if name:
            self.verify(Path(name))

    def verify(self, path: Path) -> Op[tuple[PackageCheck, PackageInfo]] | None:
        """Check the package at ``path`` on a worker."""
        if self.op is not None:
            return None
        self.path.setText(str(path))
        self.check = self.info = None
        self.verdict.setText(self.tr("Verifying…"))
        self.verdict.setStyleSheet("")
        self.details.setVisible(False)
        self.findings.setVisible(False)
        self.message.clear()

        def task(progress: ProgressFn, cancelled: CancelledFn) -> tuple[PackageCheck, PackageInfo]:
            return check_file(path, progress, cancelled)

        op = run_op(self, task).on_success(self._show).on_failure(self._failed)
        op.on_cancelled(lambda: self.verdict.setText(self.tr("Verification cancelled.")))
        op.finished.connect(self._finished)
        self.progress.track(op)
        self.op = op
        self.choose_button.setEnabled(False)
        return op.start()

    def _finished(self) -> None:
        self.op = None
        self.choose_button.setEnabled(True)

    def _failed(self, error: BaseException) -> None:
        self.verdict.setText(self.tr("Not passed"))
        self.verdict.setStyleSheet(f"color: {ERROR_COLOUR}")
        if isinstance(error, UnreadablePackage):
            self.message.setText(self.tr("The file is not a zip archive that can be read: {reason}").format(
                reason=str(error)))
        elif isinstance(error, OSError):
            self.message.setText(self.tr("The file could not be read: {reason}").format(
                reason=error.strerror or str(error)))
        else:
            self.message.setText(translate_error(error))

    def _show(self, result: tuple[PackageCheck, PackageInfo]) -> None:
        check, info = result
        self.check, self.info = check, info
        findings = check.findings
        notices = check.notices  # facts that break nothing, such as an unsealed item
        if findings:
            self.verdict.setText(self.tr("Not passed: {count} finding(s)").format(count=len(findings)))
        elif notices:
            self.verdict.setText(self.tr("Passed, with {count} notice(s) below").format(count=len(notices)))
        else:
            self.verdict.setText(self.tr("Passed: every file, seal and proof checks out"))
        self.verdict.setStyleSheet(f"color: {ERROR_COLOUR if findings else GOOD_COLOUR}")
        none = self.tr("not stated")
        self.case.setText(info.case_number or none)
        self.office.setText(info.office or none)
        if info.tree_size is None:
            self.checkpoint.setText(none)
        else:
            self.checkpoint.setText(self.tr("ledger size {tree_size}, signed {time} by {signer}").format(
                tree_size=info.tree_size, time=record_time(info.checkpoint_time),
                signer=info.checkpoint_signer))
        self.timestamp.setText(self.timestamp_text(check.timestamp))
        self.certificates.setText("\n".join(
            self.tr("{subject} (SHA-256 {fingerprint})").format(subject=subject, fingerprint=fingerprint)
            for fingerprint, subject in check.certificates) or none)
        self.details.setVisible(True)
        shown = (*findings, *notices)
        self.findings.setRowCount(len(shown))
        for row, finding in enumerate(shown):
            cells = (label(finding.code), finding.file, "" if finding.item is None else str(finding.item),
                     finding.expected, finding.found)
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.findings.setItem(row, column, cell)
        self.findings.setVisible(bool(shown))

    def timestamp_text(self, stamp: TimestampCheck | None) -> str:
        """The checkpoint's RFC 3161 timestamp: its time and authority, or why it does not count."""
        if stamp is None:
            return self.tr("none in the package")
        if not stamp.ok or stamp.time is None:
            return self.tr("present, but it does not check out (see the findings)")
        return self.tr("{time}, by {authority}").format(time=local_time(stamp.time),
                                                        authority=stamp.authority)

    def reject(self) -> None:
        """Close; a check under way stops being waited for (it only reads)."""
        if self.op is not None:
            self.op.cancel()
        super().reject()

