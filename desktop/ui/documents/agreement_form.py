"""The structured form of a mediation agreement (人民调解协议书, People's Mediation Law art. 29): the parties
as the case holds them (shown, edited on the Parties tab), the main facts, the disputed matters, each
side's responsibility, the clauses, the manner, place and deadline of performance, liability for breach and
the number of copies. ``draft()`` gives what is typed as an ``AgreementDraft``; core judges it
(``agreement.problems``), the form only reads it."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cases.parties import PartyInfo
from desktop.core.documents.agreement import AgreementDraft, Clause
from desktop.core.errors import InvalidInput
from desktop.ui.cases.checked_form import OptionalDate, scrolling
from desktop.ui.documents.agreement_clause_list import ClauseList
from desktop.ui.framework.i18n import label

TEXT_ROWS = 4
PLACE_MAX = 200
COPIES_MIN, COPIES_MAX, COPIES_DEFAULT = 1, 20, 3  # 一式三份: each party and the committee one each


def _text(object_name: str, rows: int = TEXT_ROWS) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(object_name)
    edit.setTabChangesFocus(True)  # Tab moves on through the form; the keyboard never sticks
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * rows + 12)
    return edit


class AgreementForm(QWidget):
    """The agreement's fields; ``changed`` on every edit by the user (not on ``load``)."""

    changed = Signal()
    parties_requested = Signal()  # the link to the Parties tab was followed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementForm")
        self.filling = False
        self.supplements: int | None = None
        self.parties = QLabel()
        self.parties.setObjectName("agreementParties")
        self.parties.setWordWrap(True)
        self.parties.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        link_text = self.tr("Edit the parties on the Parties tab")
        self.parties_link = QLabel(f"<a href='#parties'>{link_text}</a>")
        self.parties_link.setObjectName("partiesLink")
        self.parties_link.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                                  | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.parties_link.linkActivated.connect(lambda _link: self.parties_requested.emit())
        self.facts = _text("agreementFacts")
        self.disputed = _text("agreementDisputed")
        self.responsibility = _text("agreementResponsibility")
        self.clauses = ClauseList()
        self.manner = _text("performanceManner", 2)
        self.place = QLineEdit()
        self.place.setObjectName("performancePlace")
        self.place.setMaxLength(PLACE_MAX * 2)  # core refuses an over-long value by name; no cutting here
        self.deadline = OptionalDate()
        self.deadline.setObjectName("performanceDeadline")
        self.breach = _text("breachLiability", 3)
        self.copies = QSpinBox()
        self.copies.setObjectName("agreementCopies")
        self.copies.setRange(COPIES_MIN, COPIES_MAX)
        self.copies.setValue(COPIES_DEFAULT)
        self.copies.setSuffix(self.tr(" copies"))

        content = QWidget()
        form = QFormLayout(content)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        parties = QWidget()
        parties_layout = QVBoxLayout(parties)
        parties_layout.setContentsMargins(0, 0, 0, 0)
        parties_layout.addWidget(self.parties)
        parties_layout.addWidget(self.parties_link)
        form.addRow(self.tr("Parties:"), parties)
        # The widget holding each field core's problems name (``Problem.field``).
        self.widgets: dict[str, QWidget] = {}
        for text, widget, code in (
                (self.tr("Main f&acts:"), self.facts, "facts"),
                (self.tr("&Disputed matters:"), self.disputed, "disputed"),
                (self.tr("&Responsibility:"), self.responsibility, "responsibility"),
                (self.tr("C&lauses:"), self.clauses, "clauses"),
                (self.tr("&Manner of performance:"), self.manner, "performance_manner"),
                (self.tr("Place of perf&ormance:"), self.place, "performance_place"),
                (self.tr("Deadli&ne of performance:"), self.deadline, "performance_deadline"),
                (self.tr("Liability for breac&h:"), self.breach, "breach_liability"),
                (self.tr("&Copies:"), self.copies, "copies")):
            row_label = QLabel(text)
            row_label.setBuddy(self.clauses.list if widget is self.clauses else widget)
            form.addRow(row_label, widget)
            self.widgets[code] = self.clauses.list if widget is self.clauses else widget
        for edit in (self.facts, self.disputed, self.responsibility, self.manner, self.breach):
            edit.textChanged.connect(self._edited)
        self.place.textEdited.connect(self._edited)
        self.deadline.userDateChanged.connect(self._edited)
        self.copies.valueChanged.connect(self._edited)
        self.clauses.changed.connect(self._edited)
        order: list[QWidget] = [self.parties_link, self.facts, self.disputed, self.responsibility,
                                *self.clauses.tab_chain(), self.manner, self.place, self.deadline,
                                self.breach, self.copies]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = scrolling(content)
        layout.addWidget(self.scroll_area)

    def _edited(self) -> None:
        if not self.filling:
            self.changed.emit()

    # --- reading and filling ------------------------------------------------------------------------
    def show_parties(self, parties: Sequence[PartyInfo]) -> None:
        lines = [self.tr("{role}: {name}").format(role=label(party.role), name=party.identity.name)
                 for party in parties]
        self.parties.setText("\n".join(lines) if lines else self.tr("No parties yet."))

    def draft(self) -> tuple[AgreementDraft, list[InvalidInput]]:
        """What is typed, and the refusals of sums not finished (left out of the draft)."""
        clauses, errors = self.clauses.values()
        return AgreementDraft(
            facts=self.facts.toPlainText(), disputed=self.disputed.toPlainText(),
            responsibility=self.responsibility.toPlainText(), clauses=tuple(clauses),
            performance_manner=self.manner.toPlainText(), performance_place=self.place.text(),
            performance_deadline=self.deadline.value(), breach_liability=self.breach.toPlainText(),
            copies=self.copies.value(), supplements=self.supplements), errors

    def load(self, draft: AgreementDraft | None) -> None:
        """Show ``draft`` (None: an empty agreement); no ``changed``."""
        self.filling = True
        try:
            self.facts.setPlainText(draft.facts if draft else "")
            self.disputed.setPlainText(draft.disputed if draft else "")
            self.responsibility.setPlainText(draft.responsibility if draft else "")
            self.clauses.set_clauses(draft.clauses if draft else ())
            self.manner.setPlainText(draft.performance_manner if draft else "")
            self.place.setText(draft.performance_place if draft else "")
            self.deadline.set_value(draft.performance_deadline if draft else None)
            self.breach.setPlainText(draft.breach_liability if draft else "")
            self.copies.setValue(draft.copies if draft else COPIES_DEFAULT)
            self.supplements = draft.supplements if draft else None
        finally:
            self.filling = False

    def set_templates(self, templates: Sequence[Clause]) -> None:
        self.clauses.set_templates(templates)

    def set_read_only(self, read_only: bool) -> None:
        for edit in (self.facts, self.disputed, self.responsibility, self.manner, self.breach):
            edit.setReadOnly(read_only)
        self.place.setReadOnly(read_only)
        self.deadline.setReadOnly(read_only)
        self.copies.setReadOnly(read_only)
        self.clauses.set_read_only(read_only)

    def focus_field(self, code: str) -> bool:
        """Move the keyboard to the field ``code`` names (a clause's part shows that clause first)."""
        if self.clauses.focus_field(code):
            self.scroll_area.ensureWidgetVisible(self.clauses.detail)
            return True
        widget = self.widgets.get(code) or self.widgets.get(code.partition("[")[0])
        if code == "parties":
            widget = self.parties_link
        if widget is None:
            return False
        widget.setFocus()
        self.scroll_area.ensureWidgetVisible(widget)
        return True
