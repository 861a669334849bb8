"""A case's timeline from the ledger (``core.cases.timeline``), on SQLite and PostgreSQL: the entries about
the case, its parties and agents, and its evidence, newest first, and none about another case."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.core.cases import parties, progress, timeline
from desktop.core.cases.agents import AgentKind, Authority, SpecialPower, agent
from desktop.core.cases.parties import PartyRole
from desktop.core.errors import NotFound
from desktop.core.evidence import intake
from desktop.core.evidence.acquisition import Acquisition
from desktop.core.storage.store import OpenStore
from desktop.core.trust import ledger
from desktop.core.trust.events import EventKind
from tests.sitting_hall import Hall
from tests.test_cases import COMPANY, NOW, ZHANG, Committee


@pytest.fixture
def committee(store: OpenStore) -> Committee:
    return Committee(store)


def test_timeline_holds_the_case_its_parties_agents_and_evidence(committee: Committee,
                                                                  tmp_path: Path) -> None:
    number = committee.open(committee.lihua)
    other = committee.open(committee.lihua, title="另一案")
    with committee.database.session_scope() as session:
        progress.assign_mediator(session, committee.lihua, number, "lihua", conflict=False, now=NOW)
        applicant = parties.add_party(session, committee.lihua, number, PartyRole.APPLICANT, ZHANG, now=NOW)
        respondent = parties.add_party(session, committee.lihua, number, PartyRole.RESPONDENT, COMPANY,
                                       now=NOW)
        parties.add_party(session, committee.lihua, other, PartyRole.APPLICANT, ZHANG, now=NOW)
        lawyer = agent("周律师", AgentKind.LAWYER, Authority.SPECIAL, date(2026, 11, 20),
                       powers=[SpecialPower.SETTLE], firm="云南某律师事务所",
                       licence_number="15301201810123456")
        added = parties.add_agent(session, committee.lihua, applicant.id, lawyer, now=NOW)
        progress.move_case(session, committee.lihua, number, "accepted", now=NOW)
    (tmp_path / "合同.txt").write_text("合同正文\n", encoding="utf-8")
    report = intake.ingest_files(committee.database, committee.vault, committee.lihua, number,
                                 [tmp_path / "合同.txt"], Acquisition("upload"))
    with committee.database.session_scope() as session:
        entries = timeline.case_timeline(session, number)
        everything = ledger.entries(session)
    kinds = [entry.kind for entry in entries]
    assert kinds == [EventKind.EVIDENCE_INGESTED, EventKind.CASE_MOVED, EventKind.AGENT_ADDED,
                     EventKind.PARTY_ADDED, EventKind.PARTY_ADDED, EventKind.CASE_MEDIATOR_ASSIGNED,
                     EventKind.CASE_OPENED]
    assert [entry.seq for entry in entries] == sorted((entry.seq for entry in entries), reverse=True)
    assert {entry.subject for entry in entries} == {
        f"case:{number}", f"party:{applicant.id}", f"party:{respondent.id}", f"agent:{added.id}",
        f"evidence:{report.items[0].id}"}
    mine = {entry.seq for entry in entries}
    about_other = [entry for entry in everything if entry.seq not in mine and entry.subject.startswith(
        ("case:", "party:", "agent:"))]
    assert {entry.subject for entry in about_other} >= {f"case:{other}"}  # the other case's, left out


def test_timeline_in_batches(committee: Committee, monkeypatch: pytest.MonkeyPatch) -> None:
    """More subjects than one IN list holds: every entry is still found, each once."""
    monkeypatch.setattr(timeline, "IDS_PER_QUERY", 2)
    number = committee.open(committee.clerk)
    with committee.database.session_scope() as session:
        for _ in range(3):
            parties.add_party(session, committee.clerk, number, PartyRole.RESPONDENT, COMPANY, now=NOW)
    with committee.database.session_scope() as session:
        entries = timeline.case_timeline(session, number)
    assert [entry.kind for entry in entries] == [EventKind.PARTY_ADDED] * 3 + [EventKind.CASE_OPENED]


def test_timeline_of_no_case(committee: Committee) -> None:
    with committee.database.session_scope() as session, pytest.raises(NotFound):
        timeline.case_timeline(session, "（2026）云知调字第9999号")


def test_timeline_holds_the_sittings_and_minutes(store: OpenStore) -> None:
    hall = Hall(store)
    hall.held("我方要求停止侵权。")
    with hall.database.session_scope() as session:
        kinds = [entry.kind for entry in timeline.case_timeline(session, hall.number)]
    for kind in (EventKind.SITTING_SCHEDULED, EventKind.MINUTES_ENTRY_ADDED, EventKind.SITTING_CLOSED,
                 EventKind.MINUTES_SEALED):
        assert kind in kinds, kind
    assert kinds.index(EventKind.MINUTES_SEALED) < kinds.index(EventKind.SITTING_SCHEDULED)  # newest first
