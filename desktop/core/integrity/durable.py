"""Durable file writing: data flushed to the disk and the folder entry made durable, so a crash
leaves either the old state or the new, never half a file."""

from __future__ import annotations

import os
from pathlib import Path


def sync_data(descriptor: int) -> None:
    if hasattr(os, "fdatasync"):
        os.fdatasync(descriptor)
    else:
        os.fsync(descriptor)


def fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows has no folder handles to flush; NTFS journals the rename itself
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
