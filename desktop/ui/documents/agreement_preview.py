"""The agreement editor's live preview: each change asks for a render of the draft as typed, which runs
(with core's problems and warnings about it) on a worker thread through the op runner, ``DEBOUNCE_MS``
after the last change. One render at a time: a change while one runs waits for it and then renders the
latest draft once, and the older result, already out of date, is not shown. Typing never waits."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from desktop.core.documents import agreement
from desktop.core.documents.agreement import AgreementDraft, Problem
from desktop.core.errors import InvalidInput, MedisealError
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.store import OpenStore
from desktop.ui.framework.ops import Op, run_op

DEBOUNCE_MS = 400  # after the last keystroke: a pause in typing, not a wait


@dataclass(frozen=True, slots=True)
class Rendered:
    """A draft judged and rendered: its problems and warnings, the PDF or why there is none."""

    draft: AgreementDraft
    problems: list[Problem]
    warnings: list[str]
    pdf: bytes | None
    refusal: MedisealError | None = None
    typed: list[InvalidInput] = field(default_factory=list)  # sums not finished (left out of the draft)


def render_task(store: OpenStore, number: str, draft: AgreementDraft,
                typed: list[InvalidInput]) -> Callable[[ProgressFn, CancelledFn], Rendered]:
    """The core calls of one preview, for a worker thread (its own database session)."""

    def run(_progress: ProgressFn, _cancelled: CancelledFn) -> Rendered:
        with store.database.session_scope() as session:
            problems = agreement.problems(session, number, draft)
            warnings = agreement.warnings(draft)
            try:
                pdf: bytes | None = agreement.render_draft(session, number, draft)
            except MedisealError as error:  # a character the fonts lack: said above the old preview
                return Rendered(draft, problems, warnings, None, error, typed)
        return Rendered(draft, problems, warnings, pdf, None, typed)

    return run


class LivePreview(QObject):
    """Renders the latest draft asked for, one render at a time, ``DEBOUNCE_MS`` after the last ask."""

    rendered = Signal(object)  # a Rendered of the latest draft (older ones are dropped)
    failed = Signal(object)  # the error of a render that could not run at all (the case unreadable)

    def __init__(self, parent: QWidget, store: OpenStore, number: str,
                 draft_of: Callable[[], tuple[AgreementDraft, list[InvalidInput]]]) -> None:
        super().__init__(parent)
        self.widget = parent
        self.store = store
        self.number = number
        self.draft_of = draft_of
        self.op: Op[Rendered] | None = None
        self.asked = 0  # changes asked for, counted: a render of an older count is out of date
        self.started = 0  # the count the render under way (or the last one) started from
        self.renders = 0  # renders started (a test counts them: no pile-up)
        self.shown = 0  # results handed over
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self._due)

    @property
    def busy(self) -> bool:
        """A render runs or is asked for."""
        return self.op is not None or self.asked != self.started

    def ask(self) -> None:
        """The draft changed: render it once typing pauses."""
        self.asked += 1
        self.timer.start()  # restarted by each change

    def now(self) -> None:
        """Render without waiting for a pause (on opening, after loading a version)."""
        self.asked += 1
        self.timer.stop()
        self._due()

    def stop(self) -> None:
        """No more renders (the editor turns read-only or closes); one under way is dropped."""
        self.timer.stop()
        self.asked += 1
        self.started = self.asked
        if self.op is not None:
            self.op.cancel()

    def _due(self) -> None:
        if self.op is not None or self.asked == self.started:
            return  # the render under way is followed by one of the latest draft
        self.started = count = self.asked
        draft, typed = self.draft_of()  # read on the GUI thread, where the widgets live
        op = run_op(self.widget, render_task(self.store, self.number, draft, typed))
        op.on_success(lambda result: self._done(count, result))
        op.on_failure(lambda error: self._failed(count, error))
        op.finished.connect(self._finished)
        self.op = op
        self.renders += 1
        op.start()

    def _done(self, count: int, result: Rendered) -> None:
        if count == self.asked:  # else a change since it started makes it out of date: not shown
            self.shown += 1
            self.rendered.emit(result)

    def _failed(self, count: int, error: BaseException) -> None:
        if count == self.asked:
            self.failed.emit(error)

    def _finished(self) -> None:
        self.op = None
        if self.asked != self.started and not self.timer.isActive():
            QTimer.singleShot(0, self._due)  # after this render's result is handed over
