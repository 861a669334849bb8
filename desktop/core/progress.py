"""The two callables every long core task takes: ``progress(done, total)`` and ``cancelled()``.

Core functions know nothing of threads or Qt; the GUI's op runner supplies these, the CLI and tests pass
their own. A task that sees ``cancelled()`` cleans up its partial output and raises ``Cancelled``.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.core.errors import Cancelled

ProgressFn = Callable[[int, int], None]
CancelledFn = Callable[[], bool]


def no_progress(done: int, total: int) -> None:
    """A progress callback that ignores every report."""
    del done, total


def never_cancelled() -> bool:
    """A cancel flag that is never raised."""
    return False


def raise_if_cancelled(cancelled: CancelledFn) -> None:
    """Raise ``Cancelled`` when the user has asked to stop."""
    if cancelled():
        raise Cancelled()
