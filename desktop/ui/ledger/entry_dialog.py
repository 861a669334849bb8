"""One ledger entry in full (double-click on the Ledger page): every field, each selectable and copyable."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.integrity.canonical import format_time
from desktop.core.integrity.merkle import leaf_hash
from desktop.core.trust.ledger import Entry
from desktop.core.trust.subjects import SubjectInfo
from desktop.ui.framework.formatting import local_time, person
from desktop.ui.framework.i18n import event_label
from desktop.ui.ledger.words import subject_words


class EntryDialog(QDialog):
    """Number, time, user, kind (word and code), subject (words and raw), digests in full."""

    def __init__(self, entry: Entry, subject: SubjectInfo | None, parent: QWidget | None = None,
                 real_name: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ledgerEntryDialog")
        self.setWindowTitle(self.tr("Ledger Entry {number}").format(number=entry.seq))
        self.entry = entry
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.rows: list[tuple[str, str]] = [
            (self.tr("No."), str(entry.seq)),
            (self.tr("Time"), local_time(entry.recorded_at)),
            (self.tr("Time (UTC, as recorded)"), format_time(entry.recorded_at)),
            (self.tr("User"), person(entry.actor, real_name) if entry.actor != "-"
             else self.tr("- (no one signed in)")),
            (self.tr("Event"), event_label(entry.kind)),
            (self.tr("Event code"), entry.kind),
            (self.tr("Subject"), subject_words(subject, entry.subject)),
            (self.tr("Subject as recorded"), entry.subject),
            (self.tr("Subject's SHA-256"), entry.subject_sha256 or "—"),
            (self.tr("Leaf hash (RFC 9162)"), leaf_hash(entry.leaf()).hex()),
        ]
        if subject is not None and subject.case_number:
            self.rows.insert(7, (self.tr("Case"), subject.case_number))
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for caption, value in self.rows:
            field = QLineEdit(value)
            field.setReadOnly(True)
            field.setCursorPosition(0)
            if "SHA-256" in caption or "RFC 9162" in caption:
                field.setFont(fixed)
                field.setMinimumWidth(field.fontMetrics().horizontalAdvance("0" * 66))
            field.setToolTip(value)
            self.fields[caption] = field
            form.addRow(caption, field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("&Copy All"))
        self.copy_button.setObjectName("copyEntryButton")
        self.copy_button.clicked.connect(self.copy_all)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def text(self) -> str:
        """Every field, one per line, as copied."""
        return "\n".join(f"{caption}: {value}" for caption, value in self.rows)

    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
