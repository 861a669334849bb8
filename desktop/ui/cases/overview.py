"""The workspace's overview of a case: its details in words, its deadlines with the days left, its
mediators with their declarations, and its progress (案件进程): the status, the moves allowed now as
buttons, and the moves made so far."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cases.register import foreign_marks
from desktop.core.cases.workflow import CaseStatus, ends_by_outcome, moves_by_hand
from desktop.core.office.office import MatterKind
from desktop.ui.cases.describe import amount_words, deadline_words
from desktop.ui.cases.snapshot import CaseSnapshot
from desktop.ui.framework.errors import ERROR_COLOUR
from desktop.ui.framework.formatting import person
from desktop.ui.framework.i18n import label, listed, translate_error

DUE_SOON_COLOUR = "#8a5a00"


def _value_label(object_name: str) -> QLabel:
    value = QLabel()
    value.setObjectName(object_name)
    value.setWordWrap(True)
    value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return value


class Overview(QScrollArea):
    """The overview tab. ``move_requested(target)``, ``assign_requested()`` and ``edit_requested()`` are
    the workspace's to answer."""

    def __init__(self, move_requested: Callable[[CaseStatus], object], assign_requested: Callable[[], object],
                 edit_requested: Callable[[], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseOverview")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.move_requested = move_requested
        self.move_buttons: dict[CaseStatus, QPushButton] = {}
        content = QWidget()
        self.facts: dict[str, QLabel] = {}
        details_box = QGroupBox(self.tr("Details"))
        self.details_form = QFormLayout(details_box)
        for key, text in (("number", self.tr("Number:")), ("kind", self.tr("Kind:")),
                          ("status", self.tr("Status:")), ("foreign", self.tr("Foreign-related:")),
                          ("type", self.tr("Kind of dispute:")),
                          ("title", self.tr("Title:")), ("summary", self.tr("Account of the dispute:")),
                          ("requests", self.tr("Requests:")), ("amount", self.tr("Amount claimed:")),
                          ("received", self.tr("Date received:")), ("source", self.tr("Source:")),
                          ("court", self.tr("Court and its case number:")),
                          ("time_limit", self.tr("Time limit:")),
                          ("cited", self.tr("Cited notarial matter:"))):
            self.facts[key] = _value_label(f"fact_{key}")
            self.details_form.addRow(text, self.facts[key])
        self.edit_button = QPushButton(self.tr("Edit Details…"))
        self.edit_button.setObjectName("editDetails")
        self.edit_button.clicked.connect(edit_requested)
        self.details_form.addRow("", self.edit_button)

        deadlines_box = QGroupBox(self.tr("Deadlines"))
        self.deadlines = _value_label("deadlines")
        QVBoxLayout(deadlines_box).addWidget(self.deadlines)

        mediators_box = QGroupBox(self.tr("Mediators"))
        self.mediators = _value_label("mediators")
        self.assign_button = QPushButton(self.tr("Assign Mediator…"))
        self.assign_button.setObjectName("assignMediator")
        self.assign_button.clicked.connect(assign_requested)
        mediators_layout = QVBoxLayout(mediators_box)
        mediators_layout.addWidget(self.mediators)
        mediators_layout.addWidget(self.assign_button, 0, Qt.AlignmentFlag.AlignLeft)

        progress_box = QGroupBox(self.tr("Case Progress"))
        self.status = _value_label("caseStatus")
        self.moves_row = QHBoxLayout()
        self.moves_hint = _value_label("movesHint")
        self.history = _value_label("moveHistory")
        progress_layout = QVBoxLayout(progress_box)
        progress_layout.addWidget(self.status)
        progress_layout.addLayout(self.moves_row)
        progress_layout.addWidget(self.moves_hint)
        progress_layout.addWidget(self.history)

        self.boxes = (progress_box, deadlines_box, mediators_box, details_box)
        layout = QVBoxLayout(content)
        layout.addWidget(progress_box)
        layout.addWidget(deadlines_box)
        layout.addWidget(mediators_box)
        layout.addWidget(details_box)
        layout.addStretch(1)
        self.setWidget(content)

    def show_snapshot(self, snapshot: CaseSnapshot) -> None:
        info, details = snapshot.info, snapshot.details
        facts = self.facts
        facts["number"].setText(info.number)
        facts["kind"].setText(label(info.kind))
        facts["status"].setText(label(info.status))
        marks = foreign_marks(party.identity.origin for party in snapshot.parties)
        facts["foreign"].setText(listed(label(mark) for mark in marks))  # 涉外、涉港澳台
        self.details_form.setRowVisible(facts["foreign"], bool(marks))
        kind = label(details.case_type)
        if details.patent_kind is not None:
            kind = self.tr("{type} ({patent_kind})").format(type=kind, patent_kind=label(details.patent_kind))
        facts["type"].setText(kind)
        facts["title"].setText(details.title)
        facts["summary"].setText(details.summary or "—")
        facts["requests"].setText("\n".join(f"{index}. {text}" for index, text in
                                            enumerate(details.requests, 1)) or "—")
        facts["amount"].setText(amount_words(details.amount_claimed))
        facts["received"].setText(details.received_on.isoformat())
        facts["source"].setText(label(details.source) if details.source is not None else "—")
        court = details.court_name
        if details.court_case_number:
            court = f"{court} {details.court_case_number}"
        facts["court"].setText(court or "—")
        facts["time_limit"].setText(self.tr("{days} days").format(days=details.time_limit_days)
                                    if details.time_limit_days is not None else "—")
        facts["cited"].setText(details.cited_matter or "—")
        from_court = details.source is not None and details.source.from_court
        self.details_form.setRowVisible(facts["court"], from_court)
        self.details_form.setRowVisible(facts["time_limit"], from_court)
        self._show_deadlines(snapshot)
        self._show_mediators(snapshot)
        self._show_progress(snapshot)
        reason = translate_error(snapshot.refusal) if snapshot.refusal is not None else ""
        for button in (self.edit_button, self.assign_button):
            button.setEnabled(not snapshot.read_only)
            button.setToolTip(reason)
        self._relayout()

    def _relayout(self) -> None:
        """Texts changed and rows shown or hidden: each box asks for its height again (the page's layout
        kept a box's height for its width from before, and squeezed the rows into it)."""
        for box in self.boxes:
            box.updateGeometry()
        QTimer.singleShot(0, self, self._fit_labels)  # not after the page is gone

    def _fit_labels(self) -> None:
        # Each wrapped value is at least as tall as its text needs at the width it was given: a form inside
        # a scroll area otherwise keeps a row's height for an earlier width or text, and squeezes it.
        content = self.widget()
        if content is None:
            return
        for value in content.findChildren(QLabel):
            needed = value.heightForWidth(value.width()) if value.wordWrap() and value.width() > 0 else -1
            if needed >= 0:  # -1: a hidden row's label has no height to ask for
                value.setMinimumHeight(needed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self, self._fit_labels)  # not after the page is gone

    def _show_deadlines(self, snapshot: CaseSnapshot) -> None:
        if not snapshot.deadlines:
            self.deadlines.setText(self.tr("No deadline runs now."))
            self.deadlines.setStyleSheet("")
            return
        self.deadlines.setText("\n".join(deadline_words(found, snapshot.today)
                                         for found in snapshot.deadlines))
        first = snapshot.deadlines[0]
        colour = ERROR_COLOUR if first.days_left(snapshot.today) < 0 else \
            DUE_SOON_COLOUR if first.due_soon(snapshot.today) else ""
        self.deadlines.setStyleSheet(f"color: {colour}" if colour else "")

    def _show_mediators(self, snapshot: CaseSnapshot) -> None:
        lines = []
        for found in snapshot.assignments:
            who = person(found.mediator, found.real_name)
            declared = self.tr("conflict of interest declared: {text}").format(text=found.declaration) \
                if found.conflict else self.tr("declared no conflict of interest")
            lines.append(self.tr("{who} — {declared}").format(who=who, declared=declared))
        self.mediators.setText("\n".join(lines) or self.tr("No mediator assigned yet."))

    def _show_progress(self, snapshot: CaseSnapshot) -> None:
        status = snapshot.info.status
        self.status.setText(self.tr("Status: {status}").format(status=label(status)))
        while self.moves_row.count():
            item = self.moves_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.move_buttons = {}
        mediation = snapshot.info.kind is MatterKind.MEDIATION
        targets = moves_by_hand(status) if mediation else ()
        reason = translate_error(snapshot.refusal) if snapshot.refusal is not None else ""
        for target in targets:
            button = QPushButton(label(target))
            button.setObjectName(f"move-{target.value}")
            button.setEnabled(not snapshot.read_only)
            button.setToolTip(reason)
            button.clicked.connect(lambda _checked=False, chosen=target: self.move_requested(chosen))
            self.moves_row.addWidget(button)
            self.move_buttons[target] = button
        self.moves_row.addStretch(1)
        if not mediation:
            self.moves_hint.setText(self.tr("A notarial matter does not follow the mediation workflow."))
        elif ends_by_outcome(status):
            self.moves_hint.setText(self.tr(
                "The mediation ends by recording its outcome (an agreement, failure or withdrawal) on the "
                "Outcome and Performance tab."))
        elif not targets:
            self.moves_hint.setText(self.tr("The case is closed and archived."))
        else:
            self.moves_hint.setText(self.tr("Moves allowed now: choose one to record it."))
        moves = [self.tr("{time}  {from_status} → {to_status}  ({who})").format(
            time=move.moved_at.astimezone().strftime("%Y-%m-%d %H:%M"), from_status=label(move.from_status),
            to_status=label(move.to_status), who=person(move.actor, snapshot.people.get(move.actor)))
            + (self.tr("; date of effect {day}").format(day=move.effective_on.isoformat())
               if move.effective_on else "")
            + (self.tr("; reason: {reason}").format(reason=move.reason) if move.reason else "")
            for move in reversed(snapshot.moves)]
        self.history.setText("\n".join(moves))
        self.history.setVisible(bool(moves))
