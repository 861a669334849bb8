"""Logging to a rotating file in the data folder (``DATA/logs/mediseal.log``).

A store closes its log when it closes; ``held_open`` defers that to the end of a block, so the command
line's error boundary, which runs after the store has closed, still writes an internal error to the log.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FILE_NAME = "mediseal.log"
LOG_MAX_BYTES = 2 * 1024 * 1024
LOG_BACKUP_COUNT = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

_handler: RotatingFileHandler | None = None
_holds = 0
_close_pending = False


def _close_now() -> None:
    global _handler, _close_pending
    _close_pending = False
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None


def close_logging() -> None:
    """Stop writing to the data folder's log file (at the end of a ``held_open`` block, if in one)."""
    global _close_pending
    if _holds:
        _close_pending = True
    else:
        _close_now()


@contextmanager
def held_open() -> Iterator[None]:
    """Keep the log file (opened now or later in the block) open until the block ends, even if a store
    closes it meanwhile; closed then if it was asked to close."""
    global _holds
    _holds += 1
    try:
        yield
    finally:
        _holds -= 1
        if not _holds and _close_pending:
            _close_now()


def setup_logging(logs_dir: Path, level: int = logging.INFO) -> Path:
    """Send the root logger to ``logs_dir/mediseal.log`` (replacing an earlier folder's file)."""
    global _handler
    _close_now()
    root = logging.getLogger()
    path = logs_dir / LOG_FILE_NAME
    _handler = RotatingFileHandler(path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUP_COUNT,
                                   encoding="utf-8")
    _handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(_handler)
    root.setLevel(level)
    return path


def current_log_file() -> Path | None:
    """The file the log goes to, if logging has been set up."""
    return Path(_handler.baseFilename) if _handler is not None else None
