"""What stops the agreement from being finalised, as a list naming each field (choosing a line moves the
keyboard to that field), and the warnings about clauses a court would not confirm (确权, status matters;
SPC 2022 interpretation art. 355), in amber: they warn, they do not refuse."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QSizePolicy, QVBoxLayout, QWidget

from desktop.core.documents.agreement import Problem
from desktop.core.errors import InvalidInput
from desktop.core.fields import FIELD, Field
from desktop.ui.framework.errors import ERROR_COLOUR
from desktop.ui.framework.i18n import label, translate_error

WARNING_COLOUR = "#9a6700"  # amber that reads on a light background (WCAG AA against white)
FIELD_ROLE = Qt.ItemDataRole.UserRole
PROBLEM_ROWS = 3  # lines the list shows before it scrolls (the form keeps the height)

translate = QCoreApplication.translate
# ``clauses[2]``, ``clauses[2].amount``, ``clauses[2].instalments[1].due_on`` (counted from 1)
_CLAUSE = re.compile(r"clauses\[(\d+)\](?:\.instalments\[(\d+)\])?(?:\.(\w+))?$")

def _field_label(code: str) -> str | None:
    """A field core knows (``core.fields.Field``) by its label, or None."""
    try:
        return label(Field(code))
    except ValueError:
        return None


def field_words(code: str) -> str:
    """A field code core's problems name (``facts``, ``clauses[2].instalments[1].amount``) in the user's
    words (“纠纷主要事实”, “条款 2 第 1 期金额”): a clause and an instalment by number, the field by the
    label core gives it."""
    found = _CLAUSE.match(code)
    if found is None:
        return _field_label(code) or code
    number, instalment, part = found.groups()
    words = _field_label(part) or part if part else ""
    if instalment is not None:
        return translate("AgreementFields", "Clause {number}, instalment {instalment}: {part}").format(
            number=number, instalment=instalment, part=words)
    if not part:
        return translate("AgreementFields", "Clause {number}").format(number=number)
    return translate("AgreementFields", "Clause {number}: {part}").format(number=number, part=words)


def problem_text(field: str, template: str, values: dict[str, str]) -> str:
    """A problem's message in the user's language, its field named in words."""
    error = InvalidInput(template, **{**values, FIELD: field_words(field)})
    return translate_error(error)


def _from_error(error: InvalidInput) -> tuple[str, str]:
    code = str(error.fields.get(FIELD, ""))
    values = {key: str(value) for key, value in error.fields.items() if key != FIELD}
    return code, problem_text(code, error.template, values)


class ProblemList(QWidget):
    """The problems (red), one line each naming the field, and the warnings (amber) below them."""

    chosen = Signal(str)  # the field code of the line chosen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementProblemList")
        self.heading = QLabel()
        self.heading.setObjectName("problemsHeading")
        self.list = QListWidget()
        self.list.setObjectName("agreementProblems")
        self.list.setAccessibleName(self.tr("Problems"))
        self.list.setStyleSheet(f"QListWidget {{ color: {ERROR_COLOUR}; }}")
        self.list.setWordWrap(True)
        rows = self.list.fontMetrics().height() + 4
        self.list.setFixedHeight(PROBLEM_ROWS * rows + 2 * self.list.frameWidth() + 4)
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)
        self.warnings = QLabel()
        self.warnings.setObjectName("agreementWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(f"color: {WARNING_COLOUR}")
        self.warnings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        layout.addWidget(self.warnings)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.codes: list[str] = []
        self.show_problems([], [], [])

    def show_problems(self, problems: Sequence[Problem], typed: Sequence[InvalidInput],
                      warnings: Sequence[str]) -> None:
        """Core's ``problems`` of the draft, the sums typed that are not yet money, and ``warnings``."""
        lines = [_from_error(error) for error in typed]
        lines += [(problem.field, problem_text(problem.field, problem.template, dict(problem.values)))
                  for problem in problems]
        current = self.list.currentRow()
        self.list.clear()
        self.codes = [code for code, _text in lines]
        for code, text in lines:
            item = QListWidgetItem(text)
            item.setData(FIELD_ROLE, code)
            item.setToolTip(text)
            self.list.addItem(item)
        if 0 <= current < self.list.count():
            self.list.setCurrentRow(current)
        self.heading.setText(
            self.tr("Before it can be finalised ({count}):").format(count=len(lines)) if lines
            else self.tr("Nothing stops finalising: every required field is filled."))
        self.list.setVisible(bool(lines))
        self.warnings.setVisible(bool(warnings))
        self.warnings.setText("\n".join("⚠ " + _warning_text(warning) for warning in warnings))

    def texts(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def _chosen(self, item: QListWidgetItem) -> None:
        self.chosen.emit(str(item.data(FIELD_ROLE)))


def _warning_text(warning: str) -> str:
    """A warning (core's ``AgreementWarning``: a str with its template and values) in the user's language."""
    template = getattr(warning, "template", None)
    values = getattr(warning, "values", None)
    if template is None or values is None:
        return warning
    return translate_error(InvalidInput(template, **values))
