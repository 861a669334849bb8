"""Acting on a case's progress: a workflow move by hand (with its reason when the rules want one) and
the assignment of a mediator with their declaration on conflicts of interest (回避声明). Every rule is
core's (``progress``, ``workflow``); these dialogs ask and show its refusals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.core.cases import progress
from desktop.core.cases.progress import Appearance, Assignment, Move
from desktop.core.cases.workflow import NEEDS_REASON, CaseStatus
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.store import OpenStore
from desktop.core.trust import users
from desktop.core.trust.permissions import Actor, Role
from desktop.core.trust.users import UserInfo
from desktop.ui.framework.changes import Changes
from desktop.ui.framework.errors import ERROR_COLOUR, error_label
from desktop.ui.framework.formatting import person
from desktop.ui.framework.i18n import label
from desktop.ui.framework.ops import Op, run_op, submit

REASON_ROWS = 4
OK_CANCEL = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel


def _reason_edit(object_name: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(object_name)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * REASON_ROWS + 12)
    return edit


class MoveDialog(QDialog):
    """Move case ``number`` from ``current`` to ``target``: asks once, with a reason (required for the
    moves in ``NEEDS_REASON``). An outcome (agreement, failure, withdrawal in mediation) is recorded on
    the Outcome and Performance tab instead."""

    def __init__(self, store: OpenStore, actor: Actor, number: str, current: CaseStatus, target: CaseStatus,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("moveDialog")
        self.setWindowTitle(self.tr("Case Progress"))
        self.store, self.actor, self.number, self.target = store, actor, number, target
        self.moved: Move | None = None
        self.op: Op[Move] | None = None
        question = QLabel(self.tr("Move case {number} from “{current}” to “{target}”?").format(
            number=number, current=label(current), target=label(target)))
        question.setWordWrap(True)
        self.reason_edit = _reason_edit("moveReason")
        self.needs_reason = target in NEEDS_REASON
        form = QFormLayout()
        reason_label = QLabel(self.tr("Reason (required):") if self.needs_reason else self.tr("Reason:"))
        reason_label.setBuddy(self.reason_edit)
        form.addRow(reason_label, self.reason_edit)
        self.message = error_label("moveDialogMessage")
        buttons = QDialogButtonBox(OK_CANCEL)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("moveConfirm")
        self.ok_button.setText(label(target))
        buttons.accepted.connect(self.attempt)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())

    def has_unsaved_edits(self) -> bool:
        return self.isVisible() and bool(self.reason_edit.toPlainText().strip())

    def attempt(self) -> Op[Move] | None:
        if self.op is not None:
            return None
        store, actor, number, target = self.store, self.actor, self.number, self.target
        reason = self.reason_edit.toPlainText()

        def run() -> Move:
            with store.database.session_scope() as session:
                return progress.move_case(session, actor, number, target, reason)

        self.op = submit(self, run, self.message, [self.ok_button], self._moved,
                         Changes(cases=True, ledger=True))
        self.op.finished.connect(self._finished)
        return self.op

    def _finished(self) -> None:
        self.op = None

    def _moved(self, move: Move) -> None:
        self.moved = move
        self.accept()


class AssignDialog(QDialog):
    """Assign a mediator to case ``number``: choose a user with the mediator role, declare no conflict
    of interest or describe it (回避声明); a warning shows when the mediator's name appears as a party
    or an agent in any case, before the assignment is confirmed."""

    def __init__(self, store: OpenStore, actor: Actor, number: str, assigned: tuple[str, ...],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assignDialog")
        self.setWindowTitle(self.tr("Assign Mediator"))
        self.store, self.actor, self.number, self.assigned = store, actor, number, assigned
        self.assignment: Assignment | None = None
        self.op: Op[Assignment] | None = None
        self.reads: list[Op[Any]] = []
        self.mediator_combo = QComboBox()
        self.mediator_combo.setObjectName("mediatorChoice")
        self.mediator_combo.currentIndexChanged.connect(self._chosen)
        self.no_conflict = QRadioButton(self.tr("I declare no conflict of interest in this case"))
        self.no_conflict.setObjectName("noConflict")
        self.no_conflict.setChecked(True)
        self.conflict = QRadioButton(self.tr("There is a conflict of interest, disclosed below:"))
        self.conflict.setObjectName("conflict")
        choice = QButtonGroup(self)
        choice.addButton(self.no_conflict)
        choice.addButton(self.conflict)
        self.declaration_edit = _reason_edit("declaration")
        self.declaration_edit.setEnabled(False)
        self.conflict.toggled.connect(self.declaration_edit.setEnabled)
        self.warning = QLabel()
        self.warning.setObjectName("appearanceWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {ERROR_COLOUR}")
        self.message = error_label("assignDialogMessage")
        form = QFormLayout()
        mediator_label = QLabel(self.tr("Mediator:"))
        mediator_label.setBuddy(self.mediator_combo)
        form.addRow(mediator_label, self.mediator_combo)
        declaration = QLabel(self.tr("Declaration on conflicts of interest (cf. 2021 Online Mediation Rules "
                                     "art. 13):"))
        declaration.setWordWrap(True)
        buttons = QDialogButtonBox(OK_CANCEL)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("assignConfirm")
        self.ok_button.setText(self.tr("Assign"))
        self.ok_button.setEnabled(False)
        buttons.accepted.connect(self.attempt)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(declaration)
        layout.addWidget(self.no_conflict)
        layout.addWidget(self.conflict)
        layout.addWidget(self.declaration_edit)
        layout.addWidget(self.warning)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())
        self._read(users.mediators, self._choices_loaded)

    @property
    def loading(self) -> bool:
        return bool(self.reads)

    def _read(self, fn: Callable[[Session], Any], shown: Callable[[Any], object]) -> None:
        store = self.store

        def task(_progress: ProgressFn, _cancelled: CancelledFn) -> Any:
            with store.database.session_scope() as session:
                return fn(session)

        op = run_op(self, task).on_success(shown)
        op.finished.connect(lambda: self.reads.remove(op))
        self.reads.append(op)
        op.start()

    def _choices_loaded(self, choices: list[UserInfo]) -> None:
        self.mediator_combo.blockSignals(True)
        for found in choices:
            if found.name not in self.assigned:
                self.mediator_combo.addItem(person(found.name, found.real_name), found.name)
        # A mediator takes on a case with none for themself; an administrator assigns anyone.
        mine = self.mediator_combo.findData(self.actor.name)
        if mine >= 0 and Role.ADMIN not in self.actor.roles:
            self.mediator_combo.setCurrentIndex(mine)
        self.mediator_combo.blockSignals(False)
        if self.mediator_combo.count() == 0:
            self.message.setText(self.tr("No other user holds the mediator role."))
        self._chosen()

    def mediator(self) -> str | None:
        data = self.mediator_combo.currentData()
        return str(data) if data else None

    def _chosen(self) -> None:
        chosen = self.mediator()
        self.warning.clear()
        self.ok_button.setEnabled(False)
        if chosen is None:
            return
        self._read(lambda session: progress.mediator_appearances(session, chosen),
                   lambda found: self._appearances(chosen, found))

    def _appearances(self, chosen: str, found: list[Appearance]) -> None:
        if chosen != self.mediator():
            return
        self.ok_button.setEnabled(True)
        if not found:
            self.warning.clear()
            return
        where = "; ".join(self.tr("{number} as a party ({name})").format(number=item.number, name=item.name)
                          if item.as_what == "party" else
                          self.tr("{number} as an agent ({name})").format(number=item.number, name=item.name)
                          for item in found)
        self.warning.setText(self.tr("Warning: someone with this mediator's name appears in {where}. It may "
                                     "be another person of the same name; check before you assign.").format(
            where=where))

    def has_unsaved_edits(self) -> bool:
        return self.isVisible() and bool(self.declaration_edit.toPlainText().strip())

    def attempt(self) -> Op[Assignment] | None:
        chosen = self.mediator()
        if self.op is not None or chosen is None:
            return None
        store, actor, number = self.store, self.actor, self.number
        conflict, declaration = self.conflict.isChecked(), self.declaration_edit.toPlainText()

        def run() -> Assignment:
            with store.database.session_scope() as session:
                return progress.assign_mediator(session, actor, number, chosen, conflict=conflict,
                                                declaration=declaration)

        self.op = submit(self, run, self.message, [self.ok_button], self._assigned,
                         Changes(cases=True, ledger=True))
        self.op.finished.connect(self._finished)
        return self.op

    def _finished(self) -> None:
        self.op = None

    def _assigned(self, assignment: Assignment) -> None:
        self.assignment = assignment
        self.accept()
