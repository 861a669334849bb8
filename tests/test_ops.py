"""The background op runner: progress, cancel with clean-up, failure, and a GUI thread that never blocks."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.errors import Cancelled, InvalidInput
from desktop.core.progress import CancelledFn, ProgressFn, raise_if_cancelled
from desktop.ui.framework.ops import run_op
from tests.qt_helpers import Heartbeat

STEPS = 400


def _slow_writer(output: Path, worker_threads: list[str]):
    """A core-style task: writes a partial file step by step; on cancel removes it and raises."""

    def task(progress: ProgressFn, cancelled: CancelledFn) -> int:
        worker_threads.append(threading.current_thread().name)
        try:
            with output.open("w") as handle:
                for step in range(STEPS):
                    raise_if_cancelled(cancelled)
                    handle.write(f"{step}\n")
                    time.sleep(0.005)  # blocking work: would freeze the window if it ran on the GUI thread
                    progress(step + 1, STEPS)
        except Cancelled:
            output.unlink()
            raise
        return STEPS

    return task




@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_op_succeeds_with_progress(qtbot: QtBot, parent: QWidget, tmp_path: Path) -> None:
    threads: list[str] = []
    results: list[int] = []
    reports: list[tuple[int, int]] = []
    op = run_op(parent, _slow_writer(tmp_path / "out.txt", threads)).on_success(results.append)
    op.on_progress(lambda done, total: reports.append((done, total)))
    with qtbot.waitSignal(op.finished, timeout=20_000):
        op.with_progress("Writing…").start()
    assert results == [STEPS]
    assert threads and threads[0] != threading.current_thread().name
    assert (tmp_path / "out.txt").read_text().count("\n") == STEPS
    # Throttled: a few reports per second of work, not one per step; the last one is complete.
    assert 1 < len(reports) < STEPS / 4
    assert reports[-1] == (STEPS, STEPS)
    assert op.dialog is None  # closed when done


def test_cancel_midway_cleans_up_and_gui_never_blocks(qtbot: QtBot, parent: QWidget,
                                                      tmp_path: Path) -> None:
    output = tmp_path / "partial.txt"
    threads: list[str] = []
    succeeded: list[int] = []
    cancelled: list[bool] = []
    failures: list[BaseException] = []
    heartbeat = Heartbeat()
    op = (run_op(parent, _slow_writer(output, threads))
          .with_progress("Writing…")
          .on_success(succeeded.append)
          .on_failure(failures.append)
          .on_cancelled(lambda: cancelled.append(True)))
    op.start()
    dialog = op.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.value() >= STEPS // 10, timeout=10_000)
    assert output.exists()
    cancel_button = dialog.findChild(QPushButton)
    assert cancel_button is not None and cancel_button.text() == "Cancel"
    with qtbot.waitSignal(op.finished, timeout=10_000):
        qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    heartbeat.timer.stop()

    assert cancelled == [True]
    assert succeeded == [] and failures == []
    assert not output.exists()  # the task removed its partial output
    assert not dialog.isVisible()
    # The GUI thread kept ticking the whole time (a frozen window would show a gap of seconds).
    assert heartbeat.longest_gap < 500


def test_failure_reaches_on_failure_on_the_gui_thread(qtbot: QtBot, parent: QWidget) -> None:
    seen: list[tuple[BaseException, str]] = []

    def task(progress: ProgressFn, cancelled: CancelledFn) -> None:
        raise InvalidInput("The file {name} cannot be read.", name="证据.pdf")

    op = run_op(parent, task).on_failure(
        lambda error: seen.append((error, threading.current_thread().name)))
    with qtbot.waitSignal(op.finished):
        op.start()
    assert len(seen) == 1
    error, thread_name = seen[0]
    assert isinstance(error, InvalidInput) and error.fields == {"name": "证据.pdf"}
    assert thread_name == threading.current_thread().name


def test_default_failure_shows_a_message_box(qtbot: QtBot, parent: QWidget) -> None:
    def task(progress: ProgressFn, cancelled: CancelledFn) -> None:
        raise InvalidInput("The file {name} cannot be read.", name="证据.pdf")

    op = run_op(parent, task)
    with qtbot.waitSignal(op.finished):
        op.start()
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert any(box.text() == "The file 证据.pdf cannot be read." for box in boxes)
    for box in boxes:
        box.accept()


def test_a_finished_op_is_freed_on_the_gui_thread(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """An op is a QObject of the GUI thread: freed by its worker's last reference (a worker descheduled
    between its last signal and its return, as on a busy machine), it would be destroyed on the worker's
    thread, which crashed the suite now and then (a segmentation fault in Qt). The worker lets go first."""
    import weakref

    from desktop.ui.framework import ops

    real_run = ops._Runnable.run

    def descheduled(runnable: ops._Runnable) -> None:
        real_run(runnable)
        time.sleep(0.2)  # the GUI thread finishes the op meanwhile

    monkeypatch.setattr(ops._Runnable, "run", descheduled)
    owner = QWidget()
    qtbot.addWidget(owner)
    freed_on: list[str] = []
    for _ in range(4):
        op = run_op(owner, lambda _progress, _cancelled: 42)
        weakref.finalize(op, lambda: freed_on.append(threading.current_thread().name))
        op.start()
        del op
    qtbot.waitUntil(lambda: len(freed_on) == 4, timeout=5000)
    assert freed_on == [threading.main_thread().name] * 4


def test_a_refresh_during_a_read_reads_once_more_and_waiters_see_the_last(qtbot: QtBot) -> None:
    from desktop.ui.framework.reads import LatestRead

    parent = QWidget()
    qtbot.addWidget(parent)
    release = threading.Event()
    source = ["before"]
    reads: list[str] = []
    shown: list[str] = []

    def task() -> object:
        value = source[0]  # what to read is fixed when the read starts, as a view's user is

        def read(progress: ProgressFn, cancelled: CancelledFn) -> str:
            reads.append(value)
            release.wait(5)
            return value

        return read

    latest: LatestRead[str] = LatestRead(parent, task, shown.append)  # type: ignore[arg-type]
    seen_after: list[list[str]] = []
    assert latest.start() is not None and latest.loading
    source[0] = "after"  # a change while the first read runs
    assert latest.start() is None  # not a second read at once...
    latest.after(lambda: seen_after.append(list(shown)))
    release.set()
    qtbot.waitUntil(lambda: not latest.loading and bool(seen_after), timeout=5_000)
    assert reads == ["before", "after"] and shown == ["before", "after"]  # ...but once more, after
    assert seen_after == [["before", "after"]]  # ``after`` waits for the read that followed


def test_garbage_is_collected_on_the_gui_thread_even_when_a_worker_allocates(qtbot: QtBot) -> None:
    import gc
    import weakref

    from desktop.ui.framework.collector import install_collector

    install_collector(QApplication.instance())  # type: ignore[arg-type]
    assert not gc.isenabled()
    freed_on: list[str] = []

    class Cycle:
        def __init__(self) -> None:
            self.me = self

    for _ in range(50):
        weakref.finalize(Cycle(), lambda: freed_on.append(threading.current_thread().name))

    def allocate(progress: ProgressFn, cancelled: CancelledFn) -> list[list[int]]:
        # Far past the collector's first threshold, and kept (the op's result) so the count stays past it
        # until the GUI thread's next round: freed at once, the count would drop back below it.
        return [[index] for index in range(200_000)]

    op = run_op(None, allocate).start()
    with qtbot.waitSignal(op.finished, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: len(freed_on) == 50, timeout=5_000)
    assert set(freed_on) == {threading.main_thread().name}


def test_a_full_collection_waits_until_a_quarter_of_the_old_objects_are_new(qtbot: QtBot) -> None:
    """CPython's rule for full collections, kept by the GUI thread's collector: a full one walks every
    object, so it runs only once the survivors since the last one are a quarter of what it left."""
    import gc

    from desktop.ui.framework.collector import GuiThreadCollector

    collector = GuiThreadCollector(QApplication.instance())  # type: ignore[arg-type]
    collector.timer.stop()
    try:
        def full_collections() -> int:
            return int(gc.get_stats()[2]["collections"])

        collector.long_lived_total, collector.long_lived_pending = 4_000_000, 0
        for _ in range(gc.get_threshold()[2] + 1):
            gc.collect(1)  # by the count alone, the oldest generation is due...
        for _ in range(gc.get_threshold()[1] + 1):
            gc.collect(0)  # ...and so is generation 1
        kept = [[index] for index in range(50_000)]
        before = full_collections()
        collector.collect()
        assert full_collections() == before  # generation 1 instead: few survivors since the last full one
        assert collector.long_lived_pending >= len(kept)

        collector.long_lived_pending = 1_000_000  # a quarter of the old objects are new
        collector.collect()
        assert full_collections() == before + 1
        assert collector.long_lived_pending == 0 and collector.long_lived_total > len(kept)
    finally:
        collector.deleteLater()
