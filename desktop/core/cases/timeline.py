"""A case's timeline (案件进程): every ledger entry about the case, its parties and agents, its evidence items
and preservation records, its sittings and minutes, its file, newest first. The subjects are gathered
first and asked for in batched IN lists, never one query per record."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Agent, EvidenceItem, LedgerEntry, Party, PreservationRecord
from desktop.core.cases.cover import file_subject
from desktop.core.cases.matters import case_subject, find_case
from desktop.core.cases.minutes_records import case_subjects as minutes_subjects
from desktop.core.cases.parties import agent_subject, party_subject
from desktop.core.evidence.items import subject as evidence_subject
from desktop.core.evidence.preservation import subject as preservation_subject
from desktop.core.trust import ledger
from desktop.core.trust.subjects import IDS_PER_QUERY


def case_subjects(session: Session, number: str) -> list[str]:
    """The ledger subjects that belong to a case: ``case:<number>``, its file's cover, its parties, agents,
    evidence items and preservation records, its sittings and their minutes."""
    row = find_case(session, number)
    subjects = [case_subject(row.number), file_subject(row.number)]
    subjects += [party_subject(found) for found in session.scalars(
        select(Party.id).where(Party.case_id == row.id).order_by(Party.id))]
    subjects += [agent_subject(found) for found in session.scalars(
        select(Agent.id).where(Agent.case_id == row.id).order_by(Agent.id))]
    subjects += [evidence_subject(found) for found in session.scalars(
        select(EvidenceItem.id).where(EvidenceItem.case_id == row.id).order_by(EvidenceItem.id))]
    subjects += [preservation_subject(found) for found in session.scalars(
        select(PreservationRecord.id).where(PreservationRecord.case_id == row.id)
        .order_by(PreservationRecord.id))]
    subjects += minutes_subjects(session, row.id)
    return subjects


def _chunks(values: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), IDS_PER_QUERY):
        yield values[start:start + IDS_PER_QUERY]


def case_timeline(session: Session, number: str) -> list[ledger.Entry]:
    """Every ledger entry about the case and what belongs to it, newest first (``NotFound`` for a number
    no case has)."""
    found: dict[int, ledger.Entry] = {}
    for part in _chunks(case_subjects(session, number)):
        rows = session.scalars(select(LedgerEntry).where(LedgerEntry.subject.in_(part)))
        found.update((row.seq, ledger.entry_from_row(row)) for row in rows)
    return [found[seq] for seq in sorted(found, reverse=True)]
