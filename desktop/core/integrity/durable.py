"""Durable file writing: data flushed to the disk and the folder entry made durable, so a crash
leaves either the old state or the new, never half a file. ``new_file`` is the one writer for every file
Mediseal writes out (copies, reports, proofs, certificates): temp, fsync, link, never overwrite."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput


def sync_data(descriptor: int) -> None:
    """Flush a file's data (and the metadata needed to read it) to the disk."""
    if hasattr(os, "fdatasync"):
        os.fdatasync(descriptor)
    else:
        os.fsync(descriptor)


def fsync_folder(folder: Path) -> None:
    """Make a folder's entries (a new or renamed file) durable."""
    if os.name != "posix":
        return  # Windows has no folder handles to flush; NTFS journals the rename itself
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


TEMP_SUFFIX = ".mediseal-part"


def _temp_path(destination: Path) -> Path:
    # A short name beside the destination, whatever the destination's length (names may be 255 bytes).
    return destination.with_name(f".{uuid.uuid4().hex[:16]}{TEMP_SUFFIX}")


def refuse_existing(destination: Path) -> None:
    """``InvalidInput`` when ``destination`` exists: Mediseal never overwrites a file."""
    if os.path.lexists(destination):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "{path} exists: Mediseal never overwrites a file; choose another name."),
            path=str(destination))


def _publish(temp: Path, destination: Path) -> None:
    """Give the finished temp file its name, failing if the name was taken meanwhile."""
    try:
        os.link(temp, destination)  # atomic and never replaces: FileExistsError if the name is taken
    except FileExistsError:
        refuse_existing(destination)
        raise
    except OSError:
        # File systems without hard links (FAT and exFAT sticks): check, then rename.
        refuse_existing(destination)
        os.replace(temp, destination)
        return
    temp.unlink()


@contextmanager
def new_file(destination: Path) -> Iterator[BinaryIO]:
    """Write a new file durably: into a temp file beside it, fsynced, then linked to its name, never over
    an existing file; on any error (or a cancel) nothing is left behind."""
    refuse_existing(destination)
    if not destination.parent.is_dir():
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The folder {path} does not exist."),
                           path=str(destination.parent))
    temp = _temp_path(destination)
    try:
        with temp.open("xb") as handle:
            yield handle
            handle.flush()
            sync_data(handle.fileno())
        _publish(temp, destination)
        fsync_folder(destination.parent)
    finally:
        temp.unlink(missing_ok=True)


def write_new_file(destination: Path, data: bytes) -> Path:
    """``data`` as a new file at ``destination`` (see ``new_file``)."""
    with new_file(destination) as handle:
        handle.write(data)
    return destination
