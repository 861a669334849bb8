"""A view's reads, one at a time: a refresh asked while a read runs runs once more after it, because what
is being read may predate the change that asked (a new sign-in, another op's change)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from desktop.core.progress import CancelledFn, ProgressFn
from desktop.ui.framework.ops import Op, run_op

T = TypeVar("T")
Task = Callable[[ProgressFn, CancelledFn], T]


class LatestRead(Generic[T]):
    """Reads with ``task()`` (made anew each time, so it reads for the view's current user) on a worker
    thread and hands the result to ``shown`` on the GUI thread."""

    def __init__(self, parent: QWidget, task: Callable[[], Task[T]], shown: Callable[[T], None]) -> None:
        self.parent = parent
        self.task = task
        self.shown = shown
        self.op: Op[T] | None = None
        self.again = False
        self.waiters: list[Callable[[], None]] = []

    @property
    def loading(self) -> bool:
        return self.op is not None

    def start(self) -> Op[T] | None:
        """Read now, or once more after the read under way; None when one is under way."""
        if self.op is not None:
            self.again = True
            return None
        op = run_op(self.parent, self.task()).on_success(self.shown)
        op.finished.connect(self._finished)
        self.op = op
        return op.start()

    def after(self, then: Callable[[], None]) -> None:
        """Call ``then`` once the reads under way are done and shown (at once when none is)."""
        if self.op is None:
            then()
        else:
            self.waiters.append(then)

    def _finished(self) -> None:
        self.op = None
        if self.again:
            self.again = False
            self.start()
        elif self.waiters:
            # An op says it finished just before it hands over its result: wait for ``shown`` to run.
            waiters, self.waiters = self.waiters, []
            QTimer.singleShot(0, lambda: [then() for then in waiters])
