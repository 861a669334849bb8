"""Windows that grow to fit what they show: a dialog whose message line gains a few wrapped lines (an
error) grows taller instead of squashing its fields."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QLayout, QWidget


def _needed_height(layout: QLayout, width: int) -> int:
    if layout.hasHeightForWidth():
        return layout.totalHeightForWidth(width)
    return layout.totalSizeHint().height()


def fit_height(widget: QWidget) -> None:
    """Make ``widget``'s window tall enough for the layouts that hold ``widget``, at their present widths
    (at most the screen's height; never shorter than it is): a label that wraps needs the height it has
    at that width, which a window's minimum size does not take into account. What lies in a scroll area
    may scroll, so only the layouts from the scroll area outwards count."""
    window = widget.window()
    shortfall = 0
    ancestor = widget.parentWidget()
    while ancestor is not None:
        holder = ancestor.parentWidget()
        if isinstance(holder, QAbstractScrollArea) and holder.viewport() is ancestor:
            shortfall = 0  # the content scrolls
        layout = ancestor.layout()
        if layout is not None:
            shortfall = max(shortfall, _needed_height(layout, ancestor.width()) - ancestor.height())
        if ancestor is window:
            break
        ancestor = holder
    if shortfall <= 0:
        return
    height = window.height() + shortfall
    screen = window.screen()
    if screen is not None:
        frame = max(0, window.frameGeometry().height() - window.geometry().height())
        height = min(height, screen.availableGeometry().height() - frame)
    if height > window.height():
        window.resize(window.width(), height)


class GrowingLabel(QLabel):
    """A wrapping label whose window grows when new text needs more lines than there is room for."""

    def setText(self, text: str) -> None:
        super().setText(text)
        if text:
            fit_height(self)
