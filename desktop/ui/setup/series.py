"""One number series of the office as a row of fields: its prefix and its word (代字) side by side and a
live example of the next number, ``（2026）云昆证字第0001号``. The setup wizard and Settings ▸ Office both
show one row per kind of matter; core checks what is typed (``office.validate_office``)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from desktop.core.office import office
from desktop.ui.framework.errors import ERROR_COLOUR

# The example column is as wide as the longest likely number, so the row does not jump as one types.
_WIDEST_EXAMPLE = "（2026）云知知知调调字第0001号"


class SeriesRow(QWidget):
    """Prefix, word and example of one kind of matter's numbers; ``edited`` when either field changes. With
    ``example_beside`` false the caller places ``example`` (a narrow page shows it on a line of its own)."""

    edited = Signal()

    def __init__(self, kind: office.MatterKind, *, example_beside: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        mediation = kind == office.MatterKind.MEDIATION
        self.prefix_edit = QLineEdit()
        self.prefix_edit.setObjectName("casePrefix" if mediation else "notarialPrefix")
        self.prefix_edit.setMaxLength(office.PREFIX_MAX)
        self.prefix_edit.setPlaceholderText(self.tr("e.g. 云知") if mediation else self.tr("e.g. 云昆"))
        metrics = self.prefix_edit.fontMetrics()
        self.prefix_edit.setMinimumWidth(metrics.horizontalAdvance("云知调调") + 16)
        self.prefix_edit.setMaximumWidth(metrics.horizontalAdvance("云知调调调调") + 24)
        self.word_edit = QLineEdit()
        self.word_edit.setObjectName("caseWord" if mediation else "notarialWord")
        self.word_edit.setMaxLength(office.WORD_MAX)
        self.word_edit.setFixedWidth(metrics.horizontalAdvance("调调") + 24)
        self.example = QLabel()
        self.example.setObjectName("caseNumberExample" if mediation else "notarialNumberExample")
        if example_beside:
            self.example.setMinimumWidth(self.example.fontMetrics().horizontalAdvance(
                self.tr("Example: {number}").format(number=_WIDEST_EXAMPLE)))
        prefix_label = QLabel(self.tr("Prefix"))
        prefix_label.setBuddy(self.prefix_edit)
        word_label = QLabel(self.tr("Word"))
        word_label.setBuddy(self.word_edit)
        self.prefix_edit.setToolTip(self.tr("The text before the word, as 云知 in 云知调字: usually the "
                                            "province's short name and the office's own character."))
        self.word_edit.setToolTip(self.tr("The word (代字) of this kind of matter, as 调 in 云知调字 or "
                                          "证 in 云昆证字."))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(prefix_label)
        layout.addWidget(self.prefix_edit, 1)
        layout.addWidget(word_label)
        layout.addWidget(self.word_edit)
        if example_beside:
            layout.addWidget(self.example, 2)
        else:
            layout.addStretch(1)
        self.prefix_edit.textChanged.connect(self.edited)
        self.word_edit.textChanged.connect(self.edited)

    def parts(self) -> tuple[str, str]:
        """The prefix and the word as typed, trimmed."""
        return self.prefix_edit.text().strip(), self.word_edit.text().strip()

    def set_parts(self, prefix: str | None, word: str | None) -> None:
        self.prefix_edit.setText(prefix or "")
        self.word_edit.setText(word or "")

    def set_read_only(self, read_only: bool) -> None:
        self.prefix_edit.setReadOnly(read_only)
        self.word_edit.setReadOnly(read_only)

    def show_example(self) -> None:
        """The next number of this series as typed, or what an empty notarial series means."""
        prefix, word = self.parts()
        self.example.setStyleSheet("")
        self.example.setWordWrap(False)
        if not prefix and self.kind == office.MatterKind.NOTARIAL:
            self.example.setText(self.tr("Not used: no notarial matters are numbered"))
            return
        number = office.format_case_number((prefix or "…") + word, datetime.now().year, 1)
        self.example.setText(self.tr("Example: {number}").format(number=number))

    def show_problem(self, text: str) -> None:
        """What is wrong with this series, in red where its example stands."""
        self.example.setText(text)
        self.example.setStyleSheet(f"color: {ERROR_COLOUR}")
        self.example.setWordWrap(True)
