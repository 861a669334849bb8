"""What the case workspace shows, read in one op on a worker thread from core's services: the case with its
details and deadlines, mediators, moves, parties and agents, whether the signed-in user may act on it (and
why not), and its timeline with the subjects in words."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop.core.cases import matters, parties, progress, timeline
from desktop.core.cases.deadlines import Deadline, office_today
from desktop.core.cases.matters import CaseDetails, CaseInfo
from desktop.core.cases.parties import AgentInfo, PartyInfo
from desktop.core.cases.progress import Assignment, Move
from desktop.core.errors import MedisealError, NotAllowed
from desktop.core.storage.store import OpenStore
from desktop.core.trust.ledger import Entry
from desktop.core.trust.permissions import Actor
from desktop.core.trust.subjects import SubjectInfo, describe_subjects
from desktop.core.trust.users import real_names


@dataclass(frozen=True, slots=True)
class CaseSnapshot:
    """One case as the workspace shows it, read at one moment."""

    info: CaseInfo
    details: CaseDetails
    deadlines: list[Deadline]
    today: date
    assignments: list[Assignment]
    moves: list[Move]
    parties: list[PartyInfo]
    agents: list[AgentInfo]
    refusal: MedisealError | None  # why the signed-in user may not act on the case; None: they may
    timeline: list[Entry] = field(default_factory=list)
    subjects: dict[str, SubjectInfo] = field(default_factory=dict)
    people: dict[str, str] = field(default_factory=dict)  # login name → real name

    @property
    def read_only(self) -> bool:
        return self.refusal is not None

    def party(self, party_id: int) -> PartyInfo | None:
        return next((found for found in self.parties if found.id == party_id), None)

    def agent(self, agent_id: int) -> AgentInfo | None:
        return next((found for found in self.agents if found.id == agent_id), None)


def read_snapshot(store: OpenStore, actor: Actor, number: str) -> CaseSnapshot:
    """Read case ``number`` for ``actor`` (``NotFound`` when there is none)."""
    with store.database.session_scope() as session:
        row = matters.find_case(session, number)
        refusal: MedisealError | None = None
        try:
            matters.require_case_access(session, actor, row)
        except NotAllowed as error:
            refusal = error
        info = matters.case_info(session, row.number)
        entries = timeline.case_timeline(session, row.number)
        found_parties = parties.list_parties(session, row.number)
        found_agents = parties.list_agents(session, row.number)
        assignments = progress.assignments(session, row.number)
        moves = progress.history(session, row.number)
        names = [actor.name, *(entry.actor for entry in entries), *(move.actor for move in moves),
                 *(found.mediator for found in assignments)]
        return CaseSnapshot(info, matters.details_of(session, row), matters.deadlines_of(row), office_today(),
                            assignments, moves, found_parties, found_agents, refusal, entries,
                            describe_subjects(session, (entry.subject for entry in entries)),
                            real_names(session, names))
