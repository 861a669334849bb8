"""Byte counts as people read them, with the unit word in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

UNITS = ("KiB", "MiB", "GiB", "TiB")


def human_size(size: int) -> str:
    """``182 bytes``, ``57.2 KiB``, ``1.5 GiB`` (binary units, one decimal)."""
    if size < 1024:
        return QCoreApplication.translate("Sizes", "{count} bytes").format(count=size)
    value = float(size)
    for unit in UNITS:
        value /= 1024
        if value < 1024 or unit == UNITS[-1]:
            break
    return f"{value:.1f} {unit}"
