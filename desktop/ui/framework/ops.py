"""The one background-op runner: a core function runs on a worker thread; callbacks run on the GUI thread.

    run_op(parent, fn).with_progress(label).on_success(show).on_failure(handle).start()

``fn(progress, cancelled)`` is a core function that knows nothing of Qt. Progress reaches the widget at
most every ``PROGRESS_INTERVAL_MS``; Cancel sets the flag ``cancelled()`` reads, and the function cleans up
and raises ``Cancelled``, which is silent. Other errors go to ``on_failure`` (default: ``show_error``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.core.errors import Cancelled
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.ui.framework.errors import show_error

log = logging.getLogger(__name__)

T = TypeVar("T")
PROGRESS_INTERVAL_MS = 100

# Ops under way, kept alive until they finish (the caller need not hold a reference).
_running: set[Op[Any]] = set()


class _Signals(QObject):
    """Lives on the GUI thread; the worker emits, so the slots run on the GUI thread (queued)."""

    succeeded = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, op: Op[Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._op = op

    def run(self) -> None:
        self._op._run_on_worker()


class Op(QObject, Generic[T]):
    """One background operation. Build it with the ``on_*``/``with_*`` methods, then ``start()``."""

    finished = Signal()

    def __init__(self, parent: QWidget | None, fn: Callable[[ProgressFn, CancelledFn], T]) -> None:
        super().__init__(parent)
        self._parent = parent
        self._fn = fn
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._latest: tuple[int, int] | None = None
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[BaseException], None] = lambda error: show_error(parent, error)
        self._cancelled_callback: Callable[[], None] | None = None
        self._label: str | None = None
        self.dialog: QProgressDialog | None = None
        self._signals = _Signals()
        self._signals.succeeded.connect(self._on_succeeded)
        self._signals.failed.connect(self._on_failed)
        self._timer = QTimer(self)
        self._timer.setInterval(PROGRESS_INTERVAL_MS)
        self._timer.timeout.connect(self._show_progress)
        self._progress_listeners: list[Callable[[int, int], None]] = []

    # --- building -------------------------------------------------------------------------------
    def on_success(self, callback: Callable[[T], None]) -> Op[T]:
        self._success = callback
        return self

    def on_failure(self, callback: Callable[[BaseException], None]) -> Op[T]:
        self._failure = callback
        return self

    def on_cancelled(self, callback: Callable[[], None]) -> Op[T]:
        self._cancelled_callback = callback
        return self

    def on_progress(self, callback: Callable[[int, int], None]) -> Op[T]:
        """Also report (throttled) progress to ``callback``, e.g. a progress bar in a page."""
        self._progress_listeners.append(callback)
        return self

    def with_progress(self, label: str) -> Op[T]:
        """Show a window-modal progress dialog with a Cancel button while the op runs."""
        self._label = label
        return self

    # --- running --------------------------------------------------------------------------------
    def start(self) -> Op[T]:
        _running.add(self)
        if self._label is not None:
            dialog = QProgressDialog(self._label, self.tr("Cancel"), 0, 0, self._parent)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(0)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.canceled.connect(self.cancel)
            dialog.show()
            self.dialog = dialog
        self._timer.start()
        QThreadPool.globalInstance().start(_Runnable(self))
        return self

    def cancel(self) -> None:
        """Ask the op to stop; the core function notices at its next check."""
        self._cancel.set()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("Cancelling…"))

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _report(self, done: int, total: int) -> None:  # worker thread
        with self._lock:
            self._latest = (done, total)

    def _run_on_worker(self) -> None:  # worker thread
        try:
            result = self._fn(self._report, self._cancel.is_set)
        except BaseException as error:  # handed to the GUI thread, which decides what to show
            self._signals.failed.emit(error)
        else:
            self._signals.succeeded.emit(result)

    # --- GUI thread -----------------------------------------------------------------------------
    def _show_progress(self) -> None:
        with self._lock:
            latest, self._latest = self._latest, None
        if latest is None:
            return
        done, total = latest
        if self.dialog is not None:
            self.dialog.setMaximum(max(total, 0))
            self.dialog.setValue(min(done, total) if total > 0 else 0)
        for listener in self._progress_listeners:
            listener(done, total)

    def _finish(self) -> None:
        self._timer.stop()
        self._show_progress()
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        _running.discard(self)
        self.finished.emit()

    def _on_succeeded(self, result: T) -> None:
        self._finish()
        if self._success is not None:
            self._success(result)

    def _on_failed(self, error: BaseException) -> None:
        self._finish()
        if isinstance(error, Cancelled):
            log.info("op cancelled")
            if self._cancelled_callback is not None:
                self._cancelled_callback()
            return
        if not isinstance(error, Exception):
            raise error
        log.warning("op failed: %s", error, exc_info=error)
        self._failure(error)


def run_op(parent: QWidget | None, fn: Callable[[ProgressFn, CancelledFn], T]) -> Op[T]:
    """A background op running ``fn(progress, cancelled)``; call ``.start()`` when built."""
    return Op(parent, fn)
