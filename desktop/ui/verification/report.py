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
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.store import OpenStore
from desktop.core.verification.findings import NOTICE, Finding, Report
from desktop.core.verification.store import verify_store
from desktop.ui.framework.errors import show_error
from desktop.ui.framework.formatting import human_size

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


def finding_titles() -> dict[str, str]:
    """Each finding code in words, in the user's language (the core's message gives the details)."""
    return {
        "entries-removed": translate("Findings", "Entries were removed from the end of the ledger"),
        "entries-missing": translate("Findings", "The ledger holds fewer entries than it numbers"),
        "entry-missing": translate("Findings", "A ledger entry is missing"),
        "entry-changed": translate("Findings", "A ledger entry was changed"),
        "node-changed": translate("Findings", "A node of the ledger's tree was changed"),
        "node-missing": translate("Findings", "A node of the ledger's tree is missing"),
        "checkpoint-root": translate("Findings", "A checkpoint does not match the ledger"),
        "checkpoint-beyond-ledger": translate("Findings",
                                              "A checkpoint covers more entries than the ledger has"),
        "checkpoint-key-unknown": translate("Findings", "A checkpoint's signing key is not known here"),
        "checkpoint-signature": translate("Findings", "A checkpoint's signature does not verify"),
        "checkpoint-signer": translate("Findings", "A checkpoint names another signer than its key's owner"),
        "checkpoint-key-revoked": translate("Findings", "A checkpoint was signed after its key was revoked"),
        "item-not-in-ledger": translate("Findings", "An evidence item was never logged in the ledger"),
        "item-record-changed": translate("Findings", "An evidence item's record was changed"),
        "blob-missing": translate("Findings", "An evidence file is missing from the vault"),
        "blob-changed": translate("Findings", "An evidence file in the vault was changed"),
        "blob-not-recorded": translate("Findings",
                                       "The vault holds a file no item uses (left by an interrupted ingest)"),
        "blob-row-changed": translate("Findings", "A file's entry in the database does not match its bytes"),
        "seal-key-unknown": translate("Findings", "A seal's certificate is not known here"),
        "seal-record-mismatch": translate("Findings", "A seal names another record than the item's"),
        "seal-signature": translate("Findings", "A seal's signature does not verify"),
        "seal-not-in-ledger": translate("Findings", "A seal was never logged in the ledger"),
        "signer-mismatch": translate("Findings", "Signed with another person's key"),
        "signed-after-revocation": translate("Findings", "Signed after the key was revoked"),
        "revoked-after-seal": translate("Findings",
                                        "The key was revoked after it sealed (the seal stays valid)"),
        "outside-certificate-validity": translate("Findings", "Signed outside the certificate's validity"),
        "record-changed": translate("Findings", "A preservation record was changed"),
        "record-malformed": translate("Findings", "A preservation record is not in canonical form"),
        "record-key-unknown": translate("Findings", "A preservation record's certificate is not known here"),
        "record-signature": translate("Findings", "A preservation record's signature does not verify"),
        "record-item-mismatch": translate(
            "Findings", "A preservation record lists an item that differs from the stored one"),
    }


def report_summary(report: Report) -> str:
    """One or two sentences: what was checked, and the bottom line."""
    if report.case is None:
        facts = translate("Verification", "Checked {entries} ledger entries, {nodes} tree nodes, "
                          "{checkpoints} checkpoints, {items} evidence items ({blobs} files, {size}), "
                          "{seals} seals and {records} preservation records.")
    else:
        facts = translate("Verification", "Checked case {case}: {items} evidence items ({blobs} files, "
                          "{size}), {seals} seals, {records} preservation records and the ledger entries "
                          "they rest on.")
    facts = facts.format(entries=report.entries, nodes=report.nodes, checkpoints=report.checkpoints,
                         items=report.items, blobs=report.blobs,
                         size=human_size(report.bytes),
                         seals=report.seals, records=report.records, case=report.case or "")
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
        titles = finding_titles()
        style = self.style()
        error_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
        notice_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        muted = QBrush(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        self.setRowCount(len(findings))
        for row, finding in enumerate(findings):
            notice = finding.severity == NOTICE
            for column, value in enumerate(self._cells(finding, titles)):
                cell = QTableWidgetItem(value)
                cell.setToolTip(finding.message if column in (WHAT, DETAILS) else value)
                cell.setData(SEVERITY_ROLE, finding.severity)
                if notice:
                    cell.setForeground(muted)
                self.setItem(row, column, cell)
            code = self.item(row, CODE)
            code.setIcon(notice_icon if notice else error_icon)
            code.setToolTip(self.tr("Notice: nothing is wrong, but worth knowing.") if notice
                            else self.tr("Error: something does not match what was recorded."))
            if not notice:
                code.setForeground(QBrush(QColor("#b00020")))

    def _cells(self, finding: Finding, titles: dict[str, str]) -> tuple[str, ...]:
        if finding.seq is not None:
            entry = str(finding.seq)
        elif finding.checkpoint is not None:
            entry = self.tr("checkpoint {id}").format(id=finding.checkpoint)
        else:
            entry = ""
        if finding.item is not None:
            item = str(finding.item)
        elif finding.record is not None:
            item = self.tr("record {id}").format(id=finding.record)
        else:
            item = ""
        return (finding.code, entry, item, finding.name or "", titles.get(finding.code, finding.message),
                finding.expected or "", finding.found or "", finding.message)


def save_report(parent: QWidget, report: Report, folder: Path, path: str | None = None) -> str | None:
    """Write ``report`` as JSON (the form of ``mediseal verify --json``); ask where unless ``path``.
    Returns the path written, or None."""
    if path is None:
        name = "verify-report.json" if report.case is None else "verify-case-report.json"
        path, _filter = QFileDialog.getSaveFileName(
            parent, translate("Verification", "Save verification report"), str(folder / name),
            translate("Verification", "JSON files (*.json)"))
        if not path:
            return None
    try:
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(report.to_dict(), handle, ensure_ascii=False, indent=2)
    except OSError as error:
        show_error(parent, InvalidInput(QT_TRANSLATE_NOOP("errors", "Cannot write {path}: {reason}"),
                                        path=path, reason=error.strerror or str(error)))
        return None
    return path
