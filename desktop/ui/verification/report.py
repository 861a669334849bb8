"""Verification reports in the window: the background op that runs ``verify_store``, the pass/fail
banner and summary, the findings table both the Ledger and the Evidence page show, and saving the report
as JSON under a name that carries the case and the time."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput
from desktop.core.integrity.durable import write_new_file
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.store import OpenStore
from desktop.core.verification.codes import FindingCode, ItemVerdict
from desktop.core.verification.findings import (
    DIFFERS_SHA256,
    DIFFERS_SIZE,
    DIFFERS_SM3,
    NOTICE,
    Finding,
    Report,
)
from desktop.core.verification.store import verify_store
from desktop.ui.framework.formatting import human_size
from desktop.ui.framework.i18n import label
from desktop.ui.framework.ops import Op, run_op

translate = QCoreApplication.translate

# Columns of the findings table (their numbers are stable; the view shows them in ``VISUAL_ORDER``).
CODE, ENTRY, ITEM, NAME, WHAT, EXPECTED, FOUND, DETAILS = range(8)
VISUAL_ORDER = (WHAT, ITEM, NAME, DETAILS, ENTRY, EXPECTED, FOUND, CODE)
COLUMN_WIDTHS = {WHAT: 200, ITEM: 50, NAME: 130, DETAILS: 400, ENTRY: 60, EXPECTED: 150, FOUND: 150,
                 CODE: 170}
ROWS_FITTED = 300  # up to this many findings, each row is as tall as its wrapped message
SEVERITY_ROLE = Qt.ItemDataRole.UserRole
# The banner's colours, text on background: green when the report is clean, red when it is not.
PASSED_COLOURS = ("#1b6e2e", "#e3f4e6")
FAILED_COLOURS = ("#b00020", "#fdeaea")
# What a changed file's finding says differs, in words (the code alone says only "changed").
DIFFERS_TITLES = {
    DIFFERS_SHA256: QT_TRANSLATE_NOOP("Verification", "The file's SHA-256 digest in the vault differs from "
                                                      "the one recorded at intake"),
    DIFFERS_SM3: QT_TRANSLATE_NOOP("Verification", "The file's SM3 digest in the vault differs from the one "
                                                   "recorded at intake"),
    DIFFERS_SIZE: QT_TRANSLATE_NOOP("Verification", "The file's size in the vault differs from the one "
                                                    "recorded at intake"),
}
# Characters Windows, macOS or Linux refuse in a file name (and control characters).
_UNSAFE_IN_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')


def verify_task(store: OpenStore, case_number: str | None = None, checked_by: str | None = None
                ) -> Callable[[ProgressFn, CancelledFn], Report]:
    """The op function: the whole store, or one case, verified with a session of the worker's own;
    the report names ``checked_by`` (the signed-in user) as who ran it."""

    def task(progress: ProgressFn, cancelled: CancelledFn) -> Report:
        with store.database.session_scope() as session:  # opened on the worker thread, closed there
            return verify_store(session, store.vault, case_number, progress, cancelled, checked_by)

    return task


def finding_title(finding: Finding) -> str:
    """The finding in the user's words: its code's title; for a changed file, which digest (or the size)
    differs."""
    if finding.code == FindingCode.BLOB_CHANGED and finding.differs in DIFFERS_TITLES:
        return translate("Verification", DIFFERS_TITLES[finding.differs])
    return label(finding.code)


def finding_message(finding: Finding) -> str:
    """The finding's message in the user's language (what it is about and what is wrong); the core's
    English ``message`` is what the command line prints and a saved report keeps."""
    return finding.in_words(translate)


def item_problems(report: Report) -> dict[int, list[str]]:
    """The error findings of each evidence item, in words (for marks on the items themselves)."""
    problems: dict[int, list[str]] = {}
    for finding in report.errors:
        if finding.item is not None:
            title = finding_title(finding)
            if title not in problems.setdefault(finding.item, []):
                problems[finding.item].append(title)
    return problems


def checked_time(report: Report) -> str:
    """When the check ran, in local time to the minute (empty when the report does not say)."""
    return report.checked_at.astimezone().strftime("%Y-%m-%d %H:%M") if report.checked_at else ""


def report_verdict(report: Report) -> str:
    """The bottom line in a few words: passed, or failed with how many problems."""
    if report.clean:
        return translate("Verification", "Verification passed")
    return translate("Verification", "Verification failed: {count} problem(s)").format(
        count=len(report.errors))


def report_scope(report: Report) -> str:
    """What was checked, when and by whom, in one line."""
    if report.case is None:
        scope = translate("Verification", "Scope: the whole store")
    else:
        scope = translate("Verification", "Scope: case {case}").format(case=report.case)
    parts = [scope]
    if report.checked_at is not None:
        parts.append(translate("Verification", "Checked at {time}").format(time=checked_time(report)))
    if report.checked_by:
        parts.append(translate("Verification", "Checked by {user}").format(user=report.checked_by))
    return translate("Verification", " · ").join(parts)


def show_report_summary(summary: QLabel, report: Report) -> None:
    """Fill ``summary`` with the report's banner (green "passed" or red "failed: N problems", with the
    scope and time) above the sentences of ``report_summary``. Both pages show reports through this."""
    text_colour, background = PASSED_COLOURS if report.clean else FAILED_COLOURS
    mark = "\u2714" if report.clean else "\u2716"  # heavy check mark, heavy multiplication x
    summary.setTextFormat(Qt.TextFormat.RichText)
    summary.setProperty("verdict", "passed" if report.clean else "failed")
    summary.setText(
        f'<table width="100%" cellspacing="0" cellpadding="6" bgcolor="{background}" '
        f'style="border: 1px solid {text_colour};"><tr><td>'
        f'<span style="color: {text_colour}; font-size: large; font-weight: bold;">'
        f"{mark} {html.escape(report_verdict(report))}</span><br>"
        f'<span style="color: {text_colour};">{html.escape(report_scope(report))}</span>'
        f"</td></tr></table><p>{html.escape(report_summary(report))}</p>")


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
    """The findings of a report, one row each: what was found (in words, with a red mark for an error and
    an information mark for a notice), the item and its file, the message in full (wrapped), then the
    ledger entry, expected, found and the code. Notices are in muted text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 8, parent)
        self.setObjectName("findingsTable")
        self.setHorizontalHeaderLabels([
            self.tr("Code"), self.tr("Entry"), self.tr("Item"), self.tr("File"), self.tr("Finding"),
            self.tr("Expected"), self.tr("Found"), self.tr("Details")])
        header = self.horizontalHeader()
        # What a notary reads first comes first (the columns keep their numbers; only the view moves them):
        # at 1024 pixels the finding, the item, its file and the message fit without scrolling.
        for visual, column in enumerate(VISUAL_ORDER):
            header.moveSection(header.visualIndex(column), visual)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.sectionResized.connect(lambda column, _old, _new: self._fit_rows() if column == DETAILS
                                      else None)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.setWordWrap(True)  # a long message wraps in its row instead of being cut
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
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
            in_full = self._in_full(finding, cells[DETAILS].text())
            for column, cell in enumerate(cells):
                cell.setToolTip(in_full if column in (WHAT, DETAILS) else cell.text())
                cell.setData(SEVERITY_ROLE, str(finding.severity))
                if notice:
                    cell.setForeground(muted)
                self.setItem(row, column, cell)
            cells[WHAT].setIcon(notice_icon if notice else error_icon)
            cells[CODE].setToolTip(self.tr("Notice: nothing is wrong, but worth knowing.") if notice
                                   else self.tr("Error: something does not match what was recorded."))
            if not notice:
                for column in (WHAT, CODE):
                    cells[column].setForeground(QBrush(QColor(FAILED_COLOURS[0])))
        self._fit_rows()

    def _in_full(self, finding: Finding, message: str) -> str:
        """The tooltip of a finding: its message, then what was expected and what was found."""
        lines = [message]
        if finding.expected:
            lines.append(self.tr("Expected: {value}").format(value=finding.expected))
        if finding.found:
            lines.append(self.tr("Found: {value}").format(value=finding.found))
        return "\n".join(lines)

    def _fit_rows(self) -> None:
        """Rows as tall as their wrapped message (a long report keeps one line a row: sizing costs)."""
        if self.rowCount() <= ROWS_FITTED:
            self.resizeRowsToContents()

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
        return (str(finding.code), entry, item, finding.name or "", finding_title(finding),
                finding.expected or "", finding.found or "", finding_message(finding))


def safe_file_name(name: str) -> str:
    """``name`` with each character a file system refuses replaced by ``_`` (no trailing dot or space,
    which Windows drops)."""
    return _UNSAFE_IN_NAMES.sub("_", name).rstrip(". ") or "_"


def default_report_name(report: Report) -> str:
    """``核验报告-（2026）云知调字第0001号-20261126-0930.json``: the case (if any) and the time checked."""
    moment = (report.checked_at or datetime.now(UTC)).astimezone()
    parts = [translate("Verification", "verification-report")]
    if report.case is not None:
        parts.append(report.case)
    parts.append(moment.strftime("%Y%m%d-%H%M"))
    return safe_file_name("-".join(parts)) + ".json"


def confirm_saved(parent: QWidget, path: Path) -> str:
    """Say where the report went, in the window's status bar (the text is returned too)."""
    text = translate("Verification", "Verification report saved: {path}").format(path=str(path))
    window = parent.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, 15_000)
    return text


def save_report(parent: QWidget, report: Report, folder: Path, path: str | None = None) -> Op[Path] | None:
    """Write ``report`` as JSON (the form of ``mediseal verify --json``) to a new file, durably, on a
    worker thread; ask where unless ``path`` (suggesting ``default_report_name``); the status bar
    confirms. Returns the op writing it, or None when nothing is asked."""
    if path is None:
        name = default_report_name(report)
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

    return run_op(parent, write).on_success(lambda written: confirm_saved(parent, written)).start()
