"""Byte counts as people read them (in a sentence with the unit word in the user's language, in a table
column with unit symbols only, one style per column), people by real name and login name, and times (stored
in UTC) in local time."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from desktop.core.errors import MedisealError
from desktop.core.integrity.canonical import parse_time
from desktop.core.text import binary_size


def human_size(size: int) -> str:
    """``182 bytes``, ``57.2 KiB``, ``1.5 GiB`` (binary units, one decimal)."""
    return binary_size(size) or QCoreApplication.translate("Sizes", "{count} bytes").format(count=size)


def column_size(size: int) -> str:
    """A size for a table column, where every row keeps one unit style: ``182 B``, ``57.2 KiB``,
    ``1.5 GiB`` (unit symbols throughout; never ``字节`` in one row and ``KiB`` in the next)."""
    return binary_size(size) or f"{size} B"


def person(name: str, real_name: str | None) -> str:
    """A person as the window names them: the real name with the login name, ``李华（lihua）`` in Chinese
    (full-width brackets), ``李华 (lihua)`` in English; the login name alone when no real name is known
    (a user from before real names, or the system's ``-``)."""
    if not real_name:
        return name
    return QCoreApplication.translate("People", "{real_name} ({name})").format(real_name=real_name, name=name)


def local_time(moment: datetime | None) -> str:
    """``2026-11-26 22:16:14`` in the machine's time zone; empty for no time."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S") if moment is not None else ""


def record_time(value: object) -> str:
    """A time as a record states it (RFC 3339, UTC), in local time; ``—`` for none, the text itself when it
    is not a time."""
    if not isinstance(value, str) or not value:
        return "—"
    try:
        return local_time(parse_time(value))
    except MedisealError:
        return value
