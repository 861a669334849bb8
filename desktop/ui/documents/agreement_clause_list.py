"""The agreed terms of a mediation agreement as an ordered list of clauses (协议条款): added from the
templates of the case's type or blank, each edited below the list (its kind, text, sum in yuan with its
capitals, due date, instalments with their due dates), moved up and down, removed. The widgets edit one
clause at a time, so a keystroke costs the same with one clause or fifty."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cases.deadlines import office_today
from desktop.core.documents.agreement import Clause, ClauseKind, Instalment
from desktop.core.errors import InvalidInput
from desktop.ui.cases.checked_form import OptionalDate, fill_combo, required, select, to_date
from desktop.ui.documents.agreement_money import MoneyEdit, typed_amount
from desktop.ui.framework.i18n import label

LIST_ROWS = 6  # clauses the list shows without scrolling
TEXT_ROWS = 4
SNIPPET = 36  # characters of a clause's text its list row shows
INSTALMENT_GAP_DAYS = 30  # a new instalment falls due a month after the one before it


def clause_field(index: int, part: str = "") -> str:
    """The field code core's problems give clause ``index`` (counted from 0 here, from 1 in the code), or
    one of its parts (``amount``, ``due_on``, ``instalments[2].amount``): what focuses its widget."""
    return f"clauses[{index + 1}]" + (f".{part}" if part else "")


@dataclass(slots=True)
class TypedInstalment:
    due_on: date
    amount: str  # as typed


@dataclass(slots=True)
class TypedClause:
    """A clause as the form holds it: the sums as typed, not yet read."""

    kind: ClauseKind
    text: str = ""
    amount: str = ""
    due_on: date | None = None
    instalments: list[TypedInstalment] = field(default_factory=list)

    @staticmethod
    def of(clause: Clause) -> TypedClause:
        return TypedClause(clause.kind, clause.text,
                           "" if clause.amount is None else f"{clause.amount:.2f}", clause.due_on,
                           [TypedInstalment(part.due_on, f"{part.amount:.2f}")
                            for part in clause.instalments])


def clause_value(typed: TypedClause, index: int) -> tuple[Clause, list[InvalidInput]]:
    """``typed`` as a ``Clause``, with the refusals of sums left unfinished (those sums left out)."""
    errors: list[InvalidInput] = []
    try:
        amount = typed_amount(typed.amount, clause_field(index, "amount"))
    except InvalidInput as error:
        errors.append(error)
        amount = None
    parts: list[Instalment] = []
    for number, part in enumerate(typed.instalments):
        try:
            value = typed_amount(part.amount, clause_field(index, f"instalments[{number + 1}].amount"))
        except InvalidInput as error:
            errors.append(error)
            continue
        if value is None:
            errors.append(required(clause_field(index, f"instalments[{number + 1}].amount")))
            continue
        parts.append(Instalment(part.due_on, value))
    return Clause(typed.kind, typed.text, amount, tuple(parts), typed.due_on), errors


class InstalmentRow(QWidget):
    """One instalment: its due date, its sum, a button that removes it."""

    edited = Signal()
    removed = Signal(object)

    def __init__(self, number: int, instalment: TypedInstalment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.due = QDateEdit()
        self.due.setObjectName(f"instalmentDue{number}")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.due.setDate(QDate(instalment.due_on.year, instalment.due_on.month, instalment.due_on.day))
        self.amount = MoneyEdit(f"instalmentAmount{number}", compact=True)
        self.amount.set_text(instalment.amount)
        self.remove_button = QToolButton()
        self.remove_button.setObjectName(f"removeInstalment{number}")
        self.remove_button.setText("✕")
        self.remove_button.setToolTip(self.tr("Remove this instalment"))
        self.remove_button.setAccessibleName(self.tr("Remove this instalment"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.due)
        layout.addWidget(self.amount, 1)
        layout.addWidget(self.remove_button)
        self.due.userDateChanged.connect(lambda _date: self.edited.emit())
        self.amount.edited.connect(self.edited)
        self.remove_button.clicked.connect(lambda: self.removed.emit(self))

    def value(self) -> TypedInstalment:
        return TypedInstalment(to_date(self.due.date()), self.amount.text())


class ClauseList(QWidget):
    """The clauses in order; ``changed`` on every edit (typing, adding, moving, removing)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clauseList")
        self.clauses: list[TypedClause] = []
        self.templates: list[Clause] = []
        self.showing = -1  # the clause the editor below shows
        self.filling = False
        self.read_only = False
        self.list = QListWidget()
        self.list.setObjectName("clauses")
        self.list.setAccessibleName(self.tr("Clauses"))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # a long row is elided
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        rows = self.list.fontMetrics().height() + 6
        self.list.setFixedHeight(LIST_ROWS * rows + 2 * self.list.frameWidth() + 4)
        self.list.currentRowChanged.connect(self._show_clause)
        self.template_button = QPushButton(self.tr("Add from &Template"))
        self.template_button.setObjectName("addFromTemplate")
        self.template_menu = QMenu(self.template_button)
        self.template_menu.setObjectName("templateMenu")
        self.template_button.setMenu(self.template_menu)
        self.blank_button = QPushButton(self.tr("Add &Blank"))
        self.blank_button.setObjectName("addBlankClause")
        self.blank_button.setToolTip(self.tr("Add a blank clause (Ctrl+Enter)"))
        self.blank_button.clicked.connect(lambda: self.add_blank())
        self.up_button = QPushButton(self.tr("Move &Up"))
        self.up_button.setObjectName("clauseUp")
        self.up_button.clicked.connect(lambda: self.move_clause(-1))
        self.down_button = QPushButton(self.tr("Move Do&wn"))
        self.down_button.setObjectName("clauseDown")
        self.down_button.clicked.connect(lambda: self.move_clause(1))
        self.remove_button = QPushButton(self.tr("Remo&ve"))
        self.remove_button.setObjectName("removeClause")
        self.remove_button.clicked.connect(self.remove)
        buttons = QVBoxLayout()
        for button in (self.template_button, self.blank_button, self.up_button, self.down_button,
                       self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.list, 1)
        top.addLayout(buttons)

        # The clause shown: its kind, text, sum, due date and instalments.
        self.detail = QGroupBox()
        self.detail.setObjectName("clauseDetail")
        self.kind_combo = fill_combo(QComboBox(), ((label(kind), kind.value) for kind in ClauseKind))
        self.kind_combo.setObjectName("clauseKind")
        self.text_edit = QPlainTextEdit()
        self.text_edit.setObjectName("clauseText")
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setFixedHeight(self.text_edit.fontMetrics().lineSpacing() * TEXT_ROWS + 12)
        self.text_edit.setToolTip(self.tr("Fill in each blank ____; 【金额】 is where the sum is printed, in "
                                          "capitals and in figures."))
        self.amount = MoneyEdit("clauseAmount")
        self.due = OptionalDate()
        self.due.setObjectName("clauseDueOn")
        self.instalment_box = QWidget()
        self.instalment_rows: list[InstalmentRow] = []
        self.instalment_layout = QVBoxLayout(self.instalment_box)
        self.instalment_layout.setContentsMargins(0, 0, 0, 0)
        self.add_instalment_button = QPushButton(self.tr("Add &Instalment"))
        self.add_instalment_button.setObjectName("addInstalment")
        self.add_instalment_button.clicked.connect(lambda: self.add_instalment())
        self.instalment_layout.addWidget(self.add_instalment_button, 0, Qt.AlignmentFlag.AlignLeft)
        form = QFormLayout(self.detail)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.detail_labels: list[QLabel] = []
        for text, widget in ((self.tr("&Kind:"), self.kind_combo), (self.tr("Te&xt:"), self.text_edit),
                             (self.tr("Sum in &yuan:"), self.amount), (self.tr("Du&e by:"), self.due),
                             (self.tr("Instalments:"), self.instalment_box)):
            row_label = QLabel(text)
            row_label.setBuddy(widget if widget is not self.instalment_box else self.add_instalment_button)
            form.addRow(row_label, widget)
            self.detail_labels.append(row_label)
        self.kind_combo.activated.connect(self._kind_chosen)
        self.text_edit.textChanged.connect(self._text_edited)
        self.amount.edited.connect(self._amount_edited)
        self.due.userDateChanged.connect(self._due_edited)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.detail)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._show_clause(-1)

    # --- what it holds ------------------------------------------------------------------------------
    def set_templates(self, templates: Sequence[Clause]) -> None:
        """The suggested clauses of the case's type, offered by Add from Template."""
        self.templates = list(templates)
        self.template_menu.clear()
        for number, template in enumerate(self.templates):
            action = self.template_menu.addAction(f"{label(template.kind)}: {_snip(template.text)}")
            action.setObjectName(f"template{number}")
            action.triggered.connect(lambda _checked=False, chosen=template: self.add(chosen))
        self.template_button.setEnabled(bool(self.templates) and not self.read_only)

    def set_clauses(self, clauses: Sequence[Clause]) -> None:
        """Show stored clauses; no ``changed``."""
        self.clauses = [TypedClause.of(clause) for clause in clauses]
        self.filling = True
        self.list.clear()
        for number in range(len(self.clauses)):
            self.list.addItem(QListWidgetItem(self._row_text(number)))
        self.filling = False
        self.showing = -1
        self.list.setCurrentRow(0 if self.clauses else -1)
        self._show_clause(self.list.currentRow())

    def values(self) -> tuple[list[Clause], list[InvalidInput]]:
        """The clauses in order, and the refusals of the sums not finished."""
        clauses: list[Clause] = []
        errors: list[InvalidInput] = []
        for number, typed in enumerate(self.clauses):
            clause, refused = clause_value(typed, number)
            clauses.append(clause)
            errors.extend(refused)
        return clauses, errors

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.text_edit.setReadOnly(read_only)
        self.amount.setReadOnly(read_only)
        self._show_clause(self.list.currentRow())

    # --- editing the list ---------------------------------------------------------------------------
    def add(self, clause: Clause) -> int:
        """Add ``clause`` (a template's copy) at the end and show it; its index."""
        if self.read_only:
            return -1
        self.clauses.append(TypedClause.of(clause))
        self.list.addItem(QListWidgetItem(self._row_text(len(self.clauses) - 1)))
        self.list.setCurrentRow(len(self.clauses) - 1)
        self.changed.emit()
        return len(self.clauses) - 1

    def add_blank(self) -> int:
        index = self.add(Clause(ClauseKind.OTHER, ""))
        if index >= 0:
            self.text_edit.setFocus()
        return index

    def move_clause(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if self.read_only or row < 0 or not 0 <= target < len(self.clauses):
            return
        self.clauses[row], self.clauses[target] = self.clauses[target], self.clauses[row]
        for number in (row, target):
            self.list.item(number).setText(self._row_text(number))
        self.showing = -1
        self.list.setCurrentRow(target)
        self.changed.emit()

    def remove(self) -> None:
        row = self.list.currentRow()
        if self.read_only or row < 0:
            return
        del self.clauses[row]
        self.showing = -1
        self.list.takeItem(row)
        for number in range(row, len(self.clauses)):
            self.list.item(number).setText(self._row_text(number))
        self._show_clause(self.list.currentRow())
        self.changed.emit()

    # --- the clause shown ---------------------------------------------------------------------------
    def _show_clause(self, row: int) -> None:
        if self.filling:
            return
        self.showing = row
        shown = 0 <= row < len(self.clauses)
        editable = shown and not self.read_only
        self.detail.setEnabled(shown)
        self.detail.setTitle(self.tr("Clause {number}").format(number=row + 1) if shown else
                             self.tr("No clause chosen"))
        self.up_button.setEnabled(editable and row > 0)
        self.down_button.setEnabled(editable and row < len(self.clauses) - 1)
        self.remove_button.setEnabled(editable)
        self.blank_button.setEnabled(not self.read_only)
        self.template_button.setEnabled(bool(self.templates) and not self.read_only)
        self.kind_combo.setEnabled(editable)
        self.due.setEnabled(editable)
        self.add_instalment_button.setEnabled(editable)
        typed = self.clauses[row] if shown else TypedClause(ClauseKind.OTHER)
        self.filling = True
        try:
            select(self.kind_combo, typed.kind.value)
            if self.text_edit.toPlainText() != typed.text:
                self.text_edit.setPlainText(typed.text)
            self.amount.set_text(typed.amount)
            self.due.set_value(typed.due_on)
            self._show_instalments(typed.instalments, editable)
        finally:
            self.filling = False

    def _show_instalments(self, instalments: list[TypedInstalment], editable: bool) -> None:
        for row in self.instalment_rows:
            self.instalment_layout.removeWidget(row)
            row.deleteLater()
        self.instalment_rows = []
        for number, instalment in enumerate(instalments):
            self._instalment_row(number, instalment, editable)

    def _instalment_row(self, number: int, instalment: TypedInstalment, editable: bool) -> InstalmentRow:
        row = InstalmentRow(number, instalment)
        row.setEnabled(editable)
        row.edited.connect(self._instalments_edited)
        row.removed.connect(self._remove_instalment)
        self.instalment_layout.insertWidget(len(self.instalment_rows), row)
        self.instalment_rows.append(row)
        previous = self.instalment_rows[-2].due if len(self.instalment_rows) > 1 else self.due
        QWidget.setTabOrder(previous, row.due)
        QWidget.setTabOrder(row.due, row.amount.line)
        QWidget.setTabOrder(row.amount.line, row.remove_button)
        QWidget.setTabOrder(row.remove_button, self.add_instalment_button)
        return row

    def current(self) -> TypedClause | None:
        return self.clauses[self.showing] if 0 <= self.showing < len(self.clauses) else None

    def _edited(self) -> None:
        self.list.item(self.showing).setText(self._row_text(self.showing))
        self.changed.emit()

    def _kind_chosen(self) -> None:
        typed = self.current()
        if typed is None or self.filling:
            return
        typed.kind = ClauseKind(self.kind_combo.currentData())
        self._edited()

    def _text_edited(self) -> None:
        typed = self.current()
        if typed is None or self.filling or self.read_only:
            return
        text = self.text_edit.toPlainText()
        if text == typed.text:
            return
        before = _snip(typed.text)
        typed.text = text
        if _snip(text) != before:  # the list row shows the start only: most keystrokes leave it alone
            self.list.item(self.showing).setText(self._row_text(self.showing))
        self.changed.emit()

    def _amount_edited(self) -> None:
        typed = self.current()
        if typed is None or self.filling:
            return
        typed.amount = self.amount.text()
        self.changed.emit()

    def _due_edited(self) -> None:
        typed = self.current()
        if typed is None or self.filling:
            return
        typed.due_on = self.due.value()
        self.changed.emit()

    def add_instalment(self) -> InstalmentRow | None:
        typed = self.current()
        if typed is None or self.read_only:
            return None
        last = typed.instalments[-1].due_on if typed.instalments else typed.due_on or office_today()
        instalment = TypedInstalment(last + timedelta(days=INSTALMENT_GAP_DAYS), "")
        typed.instalments.append(instalment)
        row = self._instalment_row(len(typed.instalments) - 1, instalment, True)
        row.amount.setFocus()
        self.changed.emit()
        return row

    def _instalments_edited(self) -> None:
        typed = self.current()
        if typed is None or self.filling:
            return
        typed.instalments = [row.value() for row in self.instalment_rows]
        self.changed.emit()

    def _remove_instalment(self, row: InstalmentRow) -> None:
        typed = self.current()
        if typed is None or self.read_only or row not in self.instalment_rows:
            return
        del typed.instalments[self.instalment_rows.index(row)]
        self._show_instalments(typed.instalments, True)
        self.add_instalment_button.setFocus()
        self.changed.emit()

    # --- problems -----------------------------------------------------------------------------------
    def focus_field(self, code: str) -> bool:
        """Show the clause ``code`` names (``clauses[2].amount``) and focus the widget holding that part."""
        if not code.startswith("clauses["):
            return False
        index_text, _, part = code[len("clauses["):].partition("]")
        if not index_text.isdigit() or not 1 <= int(index_text) <= len(self.clauses):
            self.list.setFocus()
            return True
        self.list.setCurrentRow(int(index_text) - 1)
        part = part.lstrip(".")
        if part.startswith("instalments[") and self.instalment_rows:
            number, _, what = part[len("instalments["):].partition("]")
            count = len(self.instalment_rows)
            chosen = int(number) - 1 if number.isdigit() and 1 <= int(number) <= count else 0
            row = self.instalment_rows[chosen]
            (row.due if what.startswith(".due") else row.amount).setFocus()
        elif part.startswith("instalments"):
            self.add_instalment_button.setFocus()
        elif part.startswith("amount"):
            self.amount.setFocus()
        elif part.startswith("due"):
            self.due.setFocus()
        elif part.startswith("kind"):
            self.kind_combo.setFocus()
        else:
            self.text_edit.setFocus()
        return True

    def tab_chain(self) -> list[QWidget]:
        """The widgets in the keyboard's order (instalment rows chain themselves as they are added)."""
        return [self.list, self.template_button, self.blank_button, self.up_button, self.down_button,
                self.remove_button, self.kind_combo, self.text_edit, self.amount.line, self.due,
                self.add_instalment_button]

    def _row_text(self, number: int) -> str:
        typed = self.clauses[number]
        text = _snip(typed.text) or self.tr("(no text yet)")
        return f"{number + 1}. {label(typed.kind)}  {text}"


def _snip(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= SNIPPET else flat[:SNIPPET] + "…"
