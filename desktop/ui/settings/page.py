"""The Settings page: it only assembles its sections, each a widget of its own module with its own reads
and writes (ops) and its own ``Refresher``: your account (``users.AccountSection``), the office
(``office.OfficeSection``), for administrators the users (``users.UsersSection``), and the signing keys
(``keys.KeysSection``)."""

from __future__ import annotations

from typing import Protocol, TypeVar, cast

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from desktop.core.storage.store import OpenStore
from desktop.core.trust.sign_in import SignedInUser
from desktop.ui.settings.keys import KeysSection
from desktop.ui.settings.office import OfficeSection
from desktop.ui.settings.users import AccountSection, UsersSection

W = TypeVar("W", bound=QWidget)


class Section(Protocol):
    """What the page asks of a section (a QWidget that reads what it shows when made, and again when an op
    changes it): whether it is reading, to follow the signed-in user, and to read again."""

    @property
    def loading(self) -> bool: ...

    def set_user(self, signed_in: SignedInUser) -> None: ...

    def refresh(self) -> object: ...


class _Column(QVBoxLayout):
    """The sections' column. It reports no height-for-width (its wrapped notes would), so the scroll area
    sizes it by its sections' minimum heights, not by their preferred ones: a page that fits scrolls not."""

    def hasHeightForWidth(self) -> bool:
        return False


class SettingsPage(QWidget):
    """Sections stacked top to bottom, in a scroll area: at 1024×700 everything shows without scrolling,
    and a smaller window scrolls instead of being held at the sections' combined minimum height."""

    def __init__(self, store: OpenStore, signed_in: SignedInUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_settings")
        self.store = store
        self.signed_in = signed_in
        self.sections: list[Section] = []
        content = QWidget()
        content.setObjectName("settingsSections")
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("settingsScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        self.column = _Column(content)
        self.column.addStretch(0)  # takes what sections leave over (a non-administrator's Users line)
        self.account = self.add_section(AccountSection(store, signed_in))
        self.office = self.add_section(OfficeSection(store, signed_in))
        self.users = self.add_section(UsersSection(store, signed_in), stretch=1)
        self.keys = self.add_section(KeysSection(store, signed_in), stretch=1)

    def add_section(self, section: W, stretch: int = 0) -> W:
        """Put ``section`` (a widget that is a ``Section``) below the others."""
        self.sections.append(cast(Section, section))
        self.column.insertWidget(self.column.count() - 1, section, stretch)
        return section

    @property
    def loading(self) -> bool:
        """Whether any section is still reading what it shows."""
        return any(section.loading for section in self.sections)

    def set_user(self, signed_in: SignedInUser) -> None:
        self.signed_in = signed_in
        for section in self.sections:
            section.set_user(signed_in)

    def refresh(self) -> None:
        for section in self.sections:
            section.refresh()
