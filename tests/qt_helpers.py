"""Helpers for driving widgets as a user would, where QTest falls short (Chinese text)."""

from __future__ import annotations

import gc

from PySide6.QtCore import QElapsedTimer, QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.config import Settings
from desktop.core.storage.store import OpenStore
from desktop.core.trust.permissions import Actor, Role
from desktop.core.trust.sign_in import SignedInUser
from desktop.ui.app import Launcher
from desktop.ui.main_window import MainWindow


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` one key event per character (QTest.keyClicks is ASCII-only)."""
    widget.setFocus()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, char))


def attached_window(qtbot: QtBot, store: OpenStore, office_name: str,
                    signed_in: SignedInUser | None = None) -> MainWindow:
    """A shown main window with ``store`` attached and a user signed in, as after start-up."""
    window = MainWindow(store.folder, store.database_label)
    qtbot.addWidget(window)
    window.attach(store, office_name,
                  signed_in or SignedInUser(Actor(1, "tester", frozenset({Role.ADMIN}))))
    window.show()
    qtbot.waitExposed(window)
    return window


class Heartbeat:
    """The longest gap between ticks of a 10 ms timer on the GUI thread (a frozen window shows seconds).

    While it ticks, the objects the suite's earlier tests left behind are kept out of garbage collection
    (``gc.freeze``): a test process that has run hundreds of tests holds millions of them, and one full
    collection over them took 1.9 s, a pause of the test process, not of the window under test (the app
    freezes its own startup objects the same way, ``freeze_startup_objects``)."""

    def __init__(self) -> None:
        gc.freeze()
        self.clock = QElapsedTimer()
        self.clock.start()
        self.last = 0
        self.longest_gap = 0
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.longest_gap = max(self.longest_gap, now - self.last)
        self.last = now

    def stop(self) -> int:
        """Stop ticking; the longest gap, counting the time since the last tick (a stall that lasted
        to the end, with no tick after it, counts too)."""
        self.timer.stop()
        self._tick()
        gc.unfreeze()
        return self.longest_gap


def close_window(qtbot: QtBot, window: MainWindow, timeout: int = 20_000) -> None:
    """Close the window as the user does, and wait while it ends the session (ops awaited, sign-out)."""
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=timeout)


def settled(qtbot: QtBot, *views: QWidget, timeout: int = 20_000) -> None:
    """Wait until the views have read what they show (their ``loading`` ops are done)."""
    assert all(hasattr(view, "loading") for view in views), "each view says whether it is loading"
    qtbot.waitUntil(lambda: not any(view.loading for view in views), timeout=timeout)


def launch_and_sign_in(qtbot: QtBot, settings: Settings, name: str, password: str,
                       timeout: int = 20_000) -> tuple[Launcher, MainWindow]:
    """Start the app on ``settings`` as a user would, sign in through its dialog, size the window to
    1024×700; the launcher and the window, ready."""
    launcher = Launcher(settings)
    window = launcher.start()
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: launcher.sign_in is not None and launcher.sign_in.isVisible(), timeout=timeout)
    dialog = launcher.sign_in
    assert dialog is not None
    type_text(dialog.name_edit, name)
    type_text(dialog.password_edit, password)
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(launcher.ready, timeout=timeout):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    window.resize(1024, 700)
    return launcher, window
