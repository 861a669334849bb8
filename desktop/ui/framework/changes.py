"""Change notification in Anki's manner (``OpChanges`` + ``operation_did_execute``): an op that changes
data says what it changed, and one signal tells every open view, which refreshes only if concerned: at
once when visible, else the next time it is shown.

    run_op(self, task).changing(Changes(cases=True, ledger=True)).start()
    Refresher(self, lambda changes: changes.evidence, self.refresh)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True, slots=True)
class Changes:
    """What an op changed, by kind of data. Almost every change also appends to the ledger."""

    cases: bool = False
    evidence: bool = False
    ledger: bool = False
    users: bool = False
    keys: bool = False
    settings: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


def within(owner: QWidget, widget: QObject | None) -> bool:
    """Whether ``widget`` is ``owner`` or inside it, dialogs opened on it included (``isAncestorOf``
    stops at a window's edge)."""
    try:
        while widget is not None:
            if widget is owner:
                return True
            widget = widget.parent()
    except RuntimeError:  # deleted on the C++ side meanwhile: inside nothing any more
        return False
    return False


class ChangeNotifier(QObject):
    """The one signal: ``changed(changes, origin)``; ``origin`` is the widget whose op made the change
    (a view that already shows its own change may skip it), or None."""

    changed = Signal(object, object)


_notifier: ChangeNotifier | None = None


def notifier() -> ChangeNotifier:
    """The application's notifier (created on first use, on the GUI thread)."""
    global _notifier
    if _notifier is None:
        _notifier = ChangeNotifier()
    return _notifier


def announce(changes: Changes, origin: QObject | None = None) -> None:
    """Tell every open view that ``changes`` happened (call on the GUI thread)."""
    if changes:
        notifier().changed.emit(changes, origin)


class Refresher(QObject):
    """Refreshes ``view`` when a change concerns it: now if the view is visible, else when next shown.
    Nothing reloads on a page switch unless something it shows changed meanwhile."""

    def __init__(self, view: QWidget, concerned: Callable[[Changes], bool], refresh: Callable[[], object],
                 *, skip_own: bool = False) -> None:
        super().__init__(view)
        self.view = view
        self.concerned = concerned
        self.refresh = refresh
        self.skip_own = skip_own
        self.stale = False
        self.paused = False
        notifier().changed.connect(self._changed)
        view.installEventFilter(self)

    def _changed(self, changes: Changes, origin: QObject | None) -> None:
        if not self.concerned(changes):
            return
        if self.skip_own and within(self.view, origin):
            return
        if self.view.isVisible() and not self.paused:
            self.stale = False
            self.refresh()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Show and self.stale and not self.paused:
            self.stale = False
            self.refresh()
        return False
