"""Logging to a rotating file in the data folder (``DATA/logs/mediseal.log``)."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FILE_NAME = "mediseal.log"
LOG_MAX_BYTES = 2 * 1024 * 1024
LOG_BACKUP_COUNT = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

_handler: RotatingFileHandler | None = None


def close_logging() -> None:
    """Stop writing to the data folder's log file."""
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None


def setup_logging(logs_dir: Path, level: int = logging.INFO) -> Path:
    """Send the root logger to ``logs_dir/mediseal.log`` (replacing an earlier folder's file)."""
    global _handler
    close_logging()
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
