"""The workspace's parties and agents: the parties by role (申请人, 被申请人, 第三人) with their agents
beneath, what the one chosen holds, and the history of its versions (历史版本: who saved each, when, and
what it held)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cases.parties import AgentInfo, PartyInfo, PartyRole
from desktop.ui.cases.describe import agent_lines, as_text, identity_lines, identity_summary, service_lines
from desktop.ui.cases.snapshot import CaseSnapshot
from desktop.ui.framework.formatting import person
from desktop.ui.framework.i18n import label, translate_error

translate = QCoreApplication.translate
KEY_ROLE = Qt.ItemDataRole.UserRole  # ("party" | "agent", id)
NAME, STANDING, IDENTITY, PHONE, VERSION = range(5)


def record_text(record: PartyInfo | AgentInfo) -> str:
    """What a party's or agent's version holds, in words."""
    if isinstance(record, PartyInfo):
        return as_text([(translate("PartiesView", "Role"), label(record.role)),
                        *identity_lines(record.identity), *service_lines(record.service)])
    return as_text(agent_lines(record.agent))


class PartiesView(QWidget):
    """The parties tab; the buttons call ``add_party``, ``add_agent(party)``, ``edit(kind, id)`` and
    ``history(kind, id)``, which the workspace answers."""

    def __init__(self, add_party: Callable[[], object], add_agent: Callable[[PartyInfo], object],
                 edit: Callable[[str, int], object], history: Callable[[str, int], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partiesView")
        self.snapshot: CaseSnapshot | None = None
        self.edit_requested, self.history_requested = edit, history
        self.tree = QTreeWidget()
        self.tree.setObjectName("partiesTree")
        self.tree.setHeaderLabels([self.tr("Name"), self.tr("Standing"), self.tr("Identity"),
                                   self.tr("Phone"), self.tr("Version")])
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in (STANDING, IDENTITY, PHONE, VERSION):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemActivated.connect(lambda _item, _column: self.edit_current())
        self.details = QPlainTextEdit()
        self.details.setObjectName("partyDetails")
        self.details.setReadOnly(True)
        self.add_party_button = self._button(self.tr("Add Party…"), "addParty", add_party)
        self.add_agent_button = self._button(self.tr("Add Agent…"), "addAgent", self._add_agent)
        self.add_agent_callback = add_agent
        self.edit_button = self._button(self.tr("Edit…"), "editRecord", self.edit_current)
        self.history_button = self._button(self.tr("Version History…"), "recordHistory", self.history_current)
        buttons = QHBoxLayout()
        for button in (self.add_party_button, self.add_agent_button, self.edit_button, self.history_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tree)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def show_snapshot(self, snapshot: CaseSnapshot) -> None:
        kept = self.current_key()
        self.snapshot = snapshot
        self.tree.clear()
        agents_of: dict[int, list[AgentInfo]] = {}
        for found in snapshot.agents:
            agents_of.setdefault(found.party_id, []).append(found)
        restore: QTreeWidgetItem | None = None
        for role in PartyRole:
            members = [found for found in snapshot.parties if found.role is role]
            group = QTreeWidgetItem([self.tr("{role} ({count})").format(role=label(role),
                                                                        count=len(members))])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(group)
            for party in members:
                item = QTreeWidgetItem([party.identity.name, label(role), identity_summary(party.identity),
                                        party.identity.phone, str(party.version)])
                item.setData(NAME, KEY_ROLE, ("party", party.id))
                group.addChild(item)
                restore = item if kept == ("party", party.id) else restore
                for agent in agents_of.get(party.id, []):
                    child = QTreeWidgetItem([agent.agent.name, self.tr("Agent ({kind})").format(
                        kind=label(agent.agent.kind)), agent.agent.firm or agent.agent.document_number,
                        agent.agent.phone, str(agent.version)])
                    child.setData(NAME, KEY_ROLE, ("agent", agent.id))
                    item.addChild(child)
                    restore = child if kept == ("agent", agent.id) else restore
        self.tree.expandAll()
        if restore is not None:
            self.tree.setCurrentItem(restore)
        self._current_changed()
        self.add_party_button.setEnabled(not snapshot.read_only)
        reason = translate_error(snapshot.refusal) if snapshot.refusal is not None else ""
        for button in (self.add_party_button, self.add_agent_button, self.edit_button):
            button.setToolTip(reason)

    def current_key(self) -> tuple[str, int] | None:
        item = self.tree.currentItem()
        data = item.data(NAME, KEY_ROLE) if item is not None else None
        return (str(data[0]), int(data[1])) if data else None

    def select(self, kind: str, record_id: int) -> None:
        for item in self._items():
            if item.data(NAME, KEY_ROLE) == (kind, record_id):
                self.tree.setCurrentItem(item)
                return

    def _items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        stack = [self.tree.topLevelItem(index) for index in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            if item is None:
                continue
            found.append(item)
            stack += [item.child(index) for index in range(item.childCount())]
        return found

    def current_party(self) -> PartyInfo | None:
        """The party chosen, or the party of the agent chosen."""
        key, snapshot = self.current_key(), self.snapshot
        if key is None or snapshot is None:
            return None
        if key[0] == "party":
            return snapshot.party(key[1])
        agent = snapshot.agent(key[1])
        return snapshot.party(agent.party_id) if agent is not None else None

    def _current_changed(self, *_args: Any) -> None:
        key, snapshot = self.current_key(), self.snapshot
        record: PartyInfo | AgentInfo | None = None
        if key is not None and snapshot is not None:
            record = snapshot.party(key[1]) if key[0] == "party" else snapshot.agent(key[1])
        self.details.setPlainText(record_text(record) if record is not None else "")
        writable = snapshot is not None and not snapshot.read_only
        self.add_agent_button.setEnabled(writable and self.current_party() is not None)
        self.edit_button.setEnabled(writable and record is not None)
        self.history_button.setEnabled(record is not None)

    def _add_agent(self) -> None:
        party = self.current_party()
        if party is not None:
            self.add_agent_callback(party)

    def edit_current(self) -> None:
        key = self.current_key()
        if key is not None and self.edit_button.isEnabled():
            self.edit_requested(*key)

    def history_current(self) -> None:
        key = self.current_key()
        if key is not None:
            self.history_requested(*key)


class HistoryDialog(QDialog):
    """Every version of a party or an agent: who saved it and when, and what it held."""

    def __init__(self, title: str, records: Sequence[PartyInfo | AgentInfo], people: dict[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(title)
        self.records: list[PartyInfo | AgentInfo] = list(records)
        self.versions = QListWidget()
        self.versions.setObjectName("historyVersions")
        for record in reversed(self.records):  # newest first
            self.versions.addItem(self.tr("Version {version}: {who}, {time}").format(
                version=record.version, who=person(record.saved_by, people.get(record.saved_by)),
                time=record.saved_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")))
        self.text = QPlainTextEdit()
        self.text.setObjectName("historyText")
        self.text.setReadOnly(True)
        self.versions.currentRowChanged.connect(self._show)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.versions)
        split.addWidget(self.text)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.resize(760, 480)
        self.versions.setCurrentRow(0)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.records):
            self.text.setPlainText(record_text(self.records[len(self.records) - 1 - row]))
