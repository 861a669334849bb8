"""The pages the side bar switches between. Each capability replaces its placeholder as it is built."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

translate = QCoreApplication.translate


@dataclass(frozen=True, slots=True)
class PageSpec:
    """A side-bar entry: stable key, title and a short explanation of what the page is for."""

    key: str
    title: str
    explanation: str


def page_specs() -> tuple[PageSpec, ...]:
    """The side-bar pages in order, titles in the user's language."""
    return (
        PageSpec("cases", translate("Pages", "Cases"), translate(
            "Pages", "Mediation cases: parties and agents, sessions, live minutes and outcomes.")),
        PageSpec("evidence", translate("Pages", "Evidence"), translate(
            "Pages", "Electronic evidence: ingest files into the vault, seal them and check they are "
            "intact.")),
        PageSpec("documents", translate("Pages", "Documents"), translate(
            "Pages", "Documents for judicial confirmation: agreements, the joint application, "
            "commitment letters, evidence lists and minutes.")),
        PageSpec("ledger", translate("Pages", "Ledger"), translate(
            "Pages", "The append-only ledger of every change, with signed checkpoints.")),
        PageSpec("statistics", translate("Pages", "Statistics"), translate(
            "Pages", "Case statistics by type, outcome and period, and repeat-infringer flags.")),
        PageSpec("calendar", translate("Pages", "Sittings"), translate(
            "Pages", "Upcoming sittings across your cases, and minutes with text not confirmed yet.")),
        PageSpec("settings", translate("Pages", "Settings"), translate(
            "Pages", "Settings of this workstation and of the office.")),
    )


class PlaceholderPage(QWidget):
    """A page not built yet: its title and what it will hold."""

    def __init__(self, spec: PageSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"page_{spec.key}")
        title = QLabel(spec.title)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(spec.explanation)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addStretch(1)
