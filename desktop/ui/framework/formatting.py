"""Byte counts as people read them, with the unit word in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.core.text import binary_size


def human_size(size: int) -> str:
    """``182 bytes``, ``57.2 KiB``, ``1.5 GiB`` (binary units, one decimal)."""
    return binary_size(size) or QCoreApplication.translate("Sizes", "{count} bytes").format(count=size)
