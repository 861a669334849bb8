"""The one background-op runner: a core function runs on a worker thread; callbacks run on the GUI thread.

    run_op(parent, fn).with_progress(label).on_success(show).on_failure(handle).start()

``fn(progress, cancelled)`` is a core function that knows nothing of Qt; it opens its own database
session on the worker thread (``with store.database.session_scope() as session:``). Progress reaches the
widget at most every ``PROGRESS_INTERVAL_MS``; Cancel sets the flag ``cancelled()`` reads, and the
function cleans up and raises ``Cancelled``, which is silent. Other errors go to ``on_failure`` (default:
``show_error``). An op that changes data says so with ``changing(Changes(...))``: open views hear of it
(``framework.changes``).

The ops of a window are known (``running_ops``): before a sign-out, a lock or closing, the window asks,
cancels them or not, and waits for them with ``OpWaiter`` (a modal busy dialog; the event loop runs on).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import Cancelled
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.ui.framework.changes import Changes, announce, within
from desktop.ui.framework.errors import show_error

log = logging.getLogger(__name__)

T = TypeVar("T")
PROGRESS_INTERVAL_MS = 100

# Ops under way, kept alive until they finish (the caller need not hold a reference).
_running: set[Op[Any]] = set()
# Finished ops whose worker may still hold them: let go of on the GUI thread once the worker has. An Op (and
# its signals) is a QObject of the GUI thread; freed by a worker's last reference, it would be destroyed
# on that thread, which crashes Qt (a worker descheduled between its last signal and its return).
_retiring: list[Op[Any]] = []
RETIRE_POLL_MS = 50


class _Signals(QObject):
    """Lives on the GUI thread; the worker emits, so the slots run on the GUI thread (queued)."""

    succeeded = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, op: Op[Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._op: Op[Any] | None = op

    def run(self) -> None:
        op, self._op = self._op, None
        assert op is not None  # a runnable runs once
        released = op._released
        op._run_on_worker()
        del op  # the worker's last reference goes before it says so: the GUI thread frees the op
        released.set()


def _retire(op: Op[Any]) -> None:
    """``op`` has finished: keep it until its worker has let go of it, then drop it here (GUI thread)."""
    _running.discard(op)
    _retiring.append(op)
    _release_retired()


def _release_retired() -> None:
    _retiring[:] = [op for op in _retiring if not op._released.is_set()]
    if _retiring:
        QTimer.singleShot(RETIRE_POLL_MS, _release_retired)


class Op(QObject, Generic[T]):
    """One background operation. Build it with the ``on_*``/``with_*`` methods, then ``start()``."""

    finished = Signal()

    def __init__(self, parent: QWidget | None, fn: Callable[[ProgressFn, CancelledFn], T]) -> None:
        # No Qt parent: the op outlives a widget deleted while it runs (it is cancelled, and its callbacks,
        # which would touch the deleted widget, are dropped); ``_running`` keeps it alive meanwhile.
        super().__init__(None)
        self._parent = parent
        self._orphaned = False
        if parent is not None:
            parent.destroyed.connect(self._orphan)
        self._fn = fn
        self._cancel = threading.Event()
        self._released = threading.Event()  # set by the worker once it holds no reference to this op
        self._lock = threading.Lock()
        self._latest: tuple[int, int] | None = None
        self._success: Callable[[T], object] | None = None
        self._failure: Callable[[BaseException], object] = lambda error: show_error(parent, error)
        self._cancelled_callback: Callable[[], None] | None = None
        self._label: str | None = None
        self._changes: Changes | Callable[[T], Changes] | None = None
        self.work_label: str | None = None
        self.dialog: QProgressDialog | None = None
        self._signals = _Signals()
        self._signals.succeeded.connect(self._on_succeeded)
        self._signals.failed.connect(self._on_failed)
        self._timer = QTimer(self)
        self._timer.setInterval(PROGRESS_INTERVAL_MS)
        self._timer.timeout.connect(self._show_progress)
        self._progress_listeners: list[Callable[[int, int], None]] = []

    # --- building -------------------------------------------------------------------------------
    def on_success(self, callback: Callable[[T], object]) -> Op[T]:
        self._success = callback
        return self

    def on_failure(self, callback: Callable[[BaseException], object]) -> Op[T]:
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
        """Show a window-modal progress dialog with a Cancel button while the op runs (it is work the
        user started: signing out or closing asks about it first)."""
        self._label = label
        self.work_label = label
        return self

    def as_work(self, label: str) -> Op[T]:
        """Work the user started and would miss (an ingest, a copy): signing out, locking or closing the
        window while it runs asks first, naming it with ``label``. Queries need not say so."""
        self.work_label = label
        return self

    def changing(self, changes: Changes | Callable[[T], Changes]) -> Op[T]:
        """On success, tell open views what changed (a ``Changes``, or one computed from the result)."""
        self._changes = changes
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
    def _orphan(self) -> None:
        """The widget that started the op is gone: stop the work, and tell nobody."""
        self._orphaned = True
        self._cancel.set()
        self.dialog = None  # deleted with its parent

    def _show_progress(self) -> None:
        with self._lock:
            latest, self._latest = self._latest, None
        if latest is None or self._orphaned:
            return
        done, total = latest
        if self.dialog is not None:
            self.dialog.setMaximum(max(total, 0))
            self.dialog.setValue(min(done, total) if total > 0 else 0)
        for listener in self._progress_listeners:
            listener(done, total)

    def _finish(self) -> None:
        self._timer.stop()
        if self._orphaned:
            _retire(self)
            return
        self._show_progress()
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        _retire(self)
        self.finished.emit()

    def _on_succeeded(self, result: T) -> None:
        self._finish()
        if self._orphaned:
            log.info("op finished after its window closed; result dropped")
            return
        if self._success is not None:
            self._success(result)
        self._announce(result)

    def _announce(self, result: T) -> None:
        if self._changes is not None:
            announce(self._changes(result) if callable(self._changes) else self._changes, self._parent)

    def _on_failed(self, error: BaseException) -> None:
        self._finish()
        if self._orphaned:
            log.info("op ended after its window closed: %s", error)
            return
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


def running_ops(owner: QWidget) -> list[Op[Any]]:
    """The ops under way that ``owner`` or a widget inside it (or a dialog opened on it) started."""
    return [op for op in _running if op._parent is not None and within(owner, op._parent)]


class OpWaiter(QObject):
    """Waits until no op of ``owner`` runs, then calls ``done``, without blocking the event loop: a
    window-modal busy dialog (shown after ``SHOW_AFTER_MS``, so quick queries do not flash one) keeps
    the user from starting more, and its button cancels what still runs. Ops that finishing ops start
    (a refresh after an ingest) are awaited too."""

    SHOW_AFTER_MS = 300
    POLL_MS = 50

    def __init__(self, owner: QWidget, label: str, done: Callable[[], None], *, cancel: bool = False) -> None:
        super().__init__(owner)
        self.owner = owner
        self.done = done
        self.finished = False
        self.dialog = QDialog(owner)
        self.dialog.setObjectName("opWaiter")
        self.dialog.setWindowTitle(self.tr("Please wait"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.label = QLabel(label)
        self.label.setObjectName("opWaiterLabel")
        self.label.setWordWrap(True)
        bar = QProgressBar()
        bar.setRange(0, 0)
        buttons = QDialogButtonBox()
        self.cancel_button = QPushButton(self.tr("Cancel the Work"))
        self.cancel_button.setObjectName("opWaiterCancel")
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.clicked.connect(self.cancel_all)
        layout = QVBoxLayout(self.dialog)
        layout.addWidget(self.label)
        layout.addWidget(bar)
        layout.addWidget(buttons)
        self.dialog.setMinimumWidth(360)
        self.dialog.rejected.connect(self._dialog_rejected)
        self.timer = QTimer(self)
        self.timer.setInterval(self.POLL_MS)
        self.timer.timeout.connect(self._check)
        if cancel:
            self.cancel_all()

    def start(self) -> OpWaiter:
        if not running_ops(self.owner):
            QTimer.singleShot(0, self._check)  # done from the event loop, as when waiting
            return self
        self.timer.start()
        QTimer.singleShot(self.SHOW_AFTER_MS, self._show)
        return self

    def _show(self) -> None:
        if not self.finished:
            self.dialog.open()

    def cancel_all(self) -> None:
        """Ask every running op of the owner to stop, then keep waiting for them to clean up."""
        for op in running_ops(self.owner):
            op.cancel()
        self.label.setText(self.tr("Cancelling the work under way…"))
        self.cancel_button.setEnabled(False)

    def _dialog_rejected(self) -> None:
        if not self.finished:  # Esc or the close button: cancelling, and the dialog stays up meanwhile
            self.cancel_all()
            self.dialog.open()

    def _check(self) -> None:
        if self.finished:
            return
        if any(not op.is_cancelled for op in running_ops(self.owner)) and not self.cancel_button.isEnabled():
            self.cancel_all()  # started since by a finishing op: it goes too
        if running_ops(self.owner):
            return
        self.finished = True
        self.timer.stop()
        self.dialog.done(QDialog.DialogCode.Accepted)
        self.dialog.deleteLater()
        self.done()


def submit(dialog: QWidget, task: Callable[[], T], message: QLabel, busy: list[QWidget],
           done: Callable[[T], None], changes: Changes | None = None) -> Op[T]:
    """A dialog's OK: run ``task`` (a core call with its own session) on a worker thread, the ``busy``
    widgets greyed meanwhile; a domain error stays in view in ``message`` (the dialog stays open),
    success calls ``done`` (which usually accepts)."""
    from desktop.core.errors import MedisealError
    from desktop.ui.framework.i18n import translate_error

    def refused(error: BaseException) -> None:
        if isinstance(error, MedisealError):
            message.setText(translate_error(error))
        else:
            show_error(dialog, error)

    def set_busy(on: bool) -> None:
        for widget in busy:
            widget.setEnabled(not on)

    op = run_op(dialog, lambda _progress, _cancelled: task()).on_success(done).on_failure(refused)
    if changes is not None:
        op.changing(changes)
    op.finished.connect(lambda: set_busy(False))
    set_busy(True)
    message.clear()
    return op.start()
