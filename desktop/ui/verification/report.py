"""Verification reports in the window: the background op that runs ``verify_store``, the findings table
both the Ledger and the Evidence page show, the one-line summary, and saving the report as JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QFileDialog, QHeaderView, QStyle, QTableWidget, QTableWidgetItem, QWidget

from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput
from desktop.core.integrity.durable import write_new_file
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.store import OpenStore
from desktop.core.verification.codes import ItemVerdict
from desktop.core.verification.findings import NOTICE, Finding, Report
from desktop.core.verification.store import verify_store
from desktop.ui.framework.formatting import human_size
from desktop.ui.framework.i18n import label
from desktop.ui.framework.ops import Op, run_op

translate = QCoreApplication.translate

# Columns of the findings table (the first two are what the Ledger page has always shown).
CODE, ENTRY, ITEM, NAME, WHAT, EXPECTED, FOUND, DETAILS = range(8)
SEVERITY_ROLE = Qt.ItemDataRole.UserRole


def verify_task(store: OpenStore, case_number: str | None = None) -> Callable[[ProgressFn, CancelledFn],
                                                                               Report]:
    """The op function: the whole store, or one case, verified with a session of the worker's own."""

    def task(progress: ProgressFn, cancelled: CancelledFn) -> Report:
        with store.database.session_scope() as session:  # opened on the worker thread, closed there
            return verify_store(session, store.vault, case_number, progress, cancelled)

    return task


def report_summary(report: Report) -> str:
    """One or two sentences: what was checked, and the bottom line."""
    if report.case is None:
        facts = translate("Verification", "Checked {entries} ledger entries, {nodes} tree nodes, "
                          "{checkpoints} checkpoints, {keys} signing keys, {users} users, {cases} cases, "
                          "{items} evidence items ({blobs} files, {size}), {seals} seals and {records} "
                          "preservation records.")
    else:
        facts = translate("Verification", "Checked case {case}: {items} evidence items ({blobs} files, "
                          "{size}), {seals} seals, {records} preservation records and the ledger entries "
                          "they rest on.")
    facts = facts.format(entries=report.entries, nodes=report.nodes, checkpoints=report.checkpoints,
                         items=report.items, blobs=report.blobs,
                         size=human_size(report.bytes),
                         seals=report.seals, records=report.records, case=report.case or "",
                         keys=report.keys, users=report.users, cases=report.cases)
    verdicts = list(report.verdicts().values())
    if verdicts:
        facts += " " + translate("Verification", "Evidence items: {sealed} intact and sealed, {intact} "
                                 "intact and not sealed, {failed} not matching their records.").format(
            sealed=verdicts.count(ItemVerdict.SEALED), intact=verdicts.count(ItemVerdict.INTACT),
            failed=verdicts.count(ItemVerdict.FAILED))
    notices = sum(1 for finding in report.findings if finding.severity == NOTICE)
    if not report.findings:
        verdict = translate("Verification", "Everything matches.")
    elif report.clean:
        verdict = translate("Verification", "Everything matches; {count} notices (facts worth knowing, "
                            "nothing wrong).").format(count=notices)
    elif notices:
        verdict = translate("Verification", "{errors} findings and {notices} notices.").format(
            errors=len(report.findings) - notices, notices=notices)
    else:
        verdict = translate("Verification", "{count} findings.").format(count=len(report.findings))
    return f"{facts} {verdict}"


class FindingsTable(QTableWidget):
    """The findings of a report, one row each: code, where, which file, what, expected and found.
    Errors carry a red mark; notices an information mark and muted text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 8, parent)
        self.setObjectName("findingsTable")
        self.setHorizontalHeaderLabels([
            self.tr("Finding"), self.tr("Entry"), self.tr("Item"), self.tr("File"), self.tr("What"),
            self.tr("Expected"), self.tr("Found"), self.tr("Details")])
        header = self.horizontalHeader()
        for column, width in ((CODE, 190), (ENTRY, 70), (ITEM, 70), (NAME, 150), (WHAT, 260),
                              (EXPECTED, 150), (FOUND, 150)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.setWordWrap(False)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)

    def show_report(self, report: Report | None) -> None:
        findings = report.findings if report is not None else ()
        style = self.style()
        error_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
        notice_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        muted = QBrush(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        self.setRowCount(len(findings))
        for row, finding in enumerate(findings):
            notice = finding.severity == NOTICE
            cells = [QTableWidgetItem(value) for value in self._cells(finding)]
            for column, cell in enumerate(cells):
                cell.setToolTip(finding.message if column in (WHAT, DETAILS) else cell.text())
                cell.setData(SEVERITY_ROLE, str(finding.severity))
                if notice:
                    cell.setForeground(muted)
                self.setItem(row, column, cell)
            code = cells[CODE]
            code.setIcon(notice_icon if notice else error_icon)
            code.setToolTip(self.tr("Notice: nothing is wrong, but worth knowing.") if notice
                            else self.tr("Error: something does not match what was recorded."))
            if not notice:
                code.setForeground(QBrush(QColor("#b00020")))

    def _cells(self, finding: Finding) -> tuple[str, ...]:
        """Code, where in the ledger, what it is about, file name, the code in words, expected, found,
        and the core's message."""
        if finding.seq is not None:
            entry = str(finding.seq)
        elif finding.checkpoint is not None:
            entry = self.tr("checkpoint {id}").format(id=finding.checkpoint)
        elif finding.node is not None:
            entry = self.tr("node {node}").format(node=finding.node)
        else:
            entry = ""
        if finding.item is not None:
            item = str(finding.item)
        elif finding.record is not None:
            item = self.tr("record {id}").format(id=finding.record)
        elif finding.case is not None:
            item = finding.case
        elif finding.user is not None:
            item = self.tr("user {name}").format(name=finding.user)
        elif finding.key is not None:
            item = self.tr("key {fingerprint}").format(fingerprint=finding.key[:16])
        elif finding.blob is not None:
            item = self.tr("file {sha256}").format(sha256=finding.blob[:16])
        else:
            item = ""
        return (str(finding.code), entry, item, finding.name or "", label(finding.code),
                finding.expected or "", finding.found or "", finding.message)


def save_report(parent: QWidget, report: Report, folder: Path, path: str | None = None) -> Op[Path] | None:
    """Write ``report`` as JSON (the form of ``mediseal verify --json``) to a new file, durably, on a
    worker thread; ask where unless ``path``. Returns the op writing it, or None when nothing is asked."""
    if path is None:
        name = "verify-report.json" if report.case is None else "verify-case-report.json"
        path, _filter = QFileDialog.getSaveFileName(
            parent, translate("Verification", "Save verification report"), str(folder / name),
            translate("Verification", "JSON files (*.json)"),
            options=QFileDialog.Option.DontConfirmOverwrite)  # an existing file is refused, never replaced
        if not path:
            return None
    data = json.dumps(report.to_dict(), ensure_ascii=False, indent=2).encode("utf-8")
    destination = Path(path)

    def write(progress: ProgressFn, cancelled: CancelledFn) -> Path:
        try:
            return write_new_file(destination, data)
        except OSError as error:
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Cannot write {path}: {reason}"),
                               path=str(destination), reason=error.strerror or str(error)) from error

    return run_op(parent, write).start()
