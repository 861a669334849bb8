"""Adding and editing a party (当事人, with its role) or an agent (委托代理人) of a case: the forms of
``party_form`` and ``agent_form`` in a ``RecordDialog``, saved by ``core.cases.parties`` with the version the
edit started from."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop.core.cases import parties
from desktop.core.cases.agents import Agent
from desktop.core.cases.parties import AgentInfo, PartyInfo, PartyRole
from desktop.core.storage.store import OpenStore
from desktop.core.trust.permissions import Actor
from desktop.ui.cases.agent_form import AgentForm
from desktop.ui.cases.checked_form import fill_combo, select
from desktop.ui.cases.party_form import PartyEntry, PartyForm
from desktop.ui.cases.record_dialog import RecordDialog
from desktop.ui.framework.i18n import label

translate = QCoreApplication.translate


@dataclass(frozen=True, slots=True)
class PartyValue:
    """What the party editor gives: the role and the party with its service address."""

    role: PartyRole
    entry: PartyEntry


class PartyEditor(QWidget):
    """The party's role above the party form."""

    changed = Signal()

    def __init__(self, role: PartyRole = PartyRole.APPLICANT, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.role_combo = fill_combo(QComboBox(), ((label(role), role.value) for role in PartyRole))
        self.role_combo.setObjectName("partyRole")
        select(self.role_combo, role.value)
        self.role_combo.activated.connect(lambda _index: self.changed.emit())
        self.form = PartyForm()
        self.form.changed.connect(self.changed)
        role_row = QFormLayout()
        role_label = QLabel(self.tr("Role:"))
        role_label.setBuddy(self.role_combo)
        role_row.addRow(role_label, self.role_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(role_row)
        layout.addWidget(self.form, 1)
        QWidget.setTabOrder(self.role_combo, self.form.kind_combo)

    def role(self) -> PartyRole:
        return PartyRole(str(self.role_combo.currentData()))

    def value(self) -> PartyValue:
        return PartyValue(self.role(), self.form.value())

    def load(self, info: PartyInfo) -> None:
        select(self.role_combo, info.role.value)
        self.form.set_value(info.identity, info.service)


class AgentEditor(AgentForm):
    """The agent form as a record dialog holds it."""

    def load(self, info: AgentInfo) -> None:
        self.set_value(info.agent)


def party_dialog(store: OpenStore, actor: Actor, number: str, parent: QWidget | None,
                 info: PartyInfo | None = None, role: PartyRole = PartyRole.APPLICANT) -> RecordDialog:
    """Add a party to case ``number`` (``info`` None), or edit ``info``."""

    def save(value: PartyValue, base: int | None) -> PartyInfo:
        with store.database.session_scope() as session:
            if info is None:
                return parties.add_party(session, actor, number, value.role, value.entry.party,
                                         value.entry.service)
            assert base is not None
            return parties.edit_party(session, actor, info.id, base, value.role, value.entry.party,
                                      value.entry.service)

    def latest() -> PartyInfo:
        assert info is not None
        with store.database.session_scope() as session:
            return parties.current_party(session, info.id)

    title = translate("PartyDialog", "Add Party") if info is None else \
        translate("PartyDialog", "Edit Party {name}").format(name=info.identity.name)
    dialog = RecordDialog(title, lambda: PartyEditor(role), save, latest if info else None,
                          lambda found: found.version, info.version if info else None, parent)
    dialog.setObjectName("partyDialog")
    if info is not None:
        dialog.mine.load(info)
    return dialog


def agent_dialog(store: OpenStore, actor: Actor, party: PartyInfo, parent: QWidget | None,
                 info: AgentInfo | None = None) -> RecordDialog:
    """Add an agent for ``party`` (``info`` None), or edit ``info``."""

    def save(value: Agent, base: int | None) -> AgentInfo:
        with store.database.session_scope() as session:
            if info is None:
                return parties.add_agent(session, actor, party.id, value)
            assert base is not None
            return parties.edit_agent(session, actor, info.id, base, value)

    def latest() -> AgentInfo:
        assert info is not None
        with store.database.session_scope() as session:
            return parties.current_agent(session, info.id)

    title = translate("PartyDialog", "Add Agent") if info is None else \
        translate("PartyDialog", "Edit Agent {name}").format(name=info.agent.name)
    intro = translate("PartyDialog", "Agent of {role} {name}").format(role=label(party.role),
                                                                   name=party.identity.name)
    dialog = RecordDialog(title, AgentEditor, save, latest if info else None,
                          lambda found: found.version, info.version if info else None, parent, intro=intro)
    dialog.setObjectName("agentDialog")
    if info is not None:
        dialog.mine.load(info)
    return dialog
