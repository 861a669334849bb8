"""Verification of what is recorded about cases besides their details: each workflow move, each mediator's
assignment and each version of a party's or an agent's record against the ledger entry that logged it,
both ways, and each case's status and each party's and agent's current row against those records."""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from db.models import Agent, CaseMediator, CaseMove, MediationCase, Party, RecordVersion
from desktop.core.cases.matters import case_subject
from desktop.core.cases.parties import (
    AGENT_SUBJECT_PREFIX,
    PARTY_SUBJECT_PREFIX,
    agent_subject,
    party_subject,
)
from desktop.core.cases.progress import mediator_record, move_record
from desktop.core.cases.workflow import CaseStatus
from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.core.integrity.canonical import canonical_bytes, record_digest
from desktop.core.trust.events import EventKind
from desktop.core.verification.anchors import Anchors
from desktop.core.verification.codes import FindingCode
from desktop.core.verification.findings import Finding, Where, Words, term, words

VERSIONED_KINDS = {PARTY_SUBJECT_PREFIX: (EventKind.PARTY_ADDED, EventKind.PARTY_EDITED),
                   AGENT_SUBJECT_PREFIX: (EventKind.AGENT_ADDED, EventKind.AGENT_EDITED)}


def _case(number: str) -> Words:
    return words(QT_TRANSLATE_NOOP("findings", "case {case}"), case=number)


def initial_status(case: MediationCase) -> CaseStatus:
    """Where a case stood before its first move: a case opened before cases were recorded in full was
    accepted (受理) when it was opened; one opened since is registered (登记)."""
    return CaseStatus.ACCEPTED if case.record_version == 1 else CaseStatus.REGISTERED


def _unmatched(stored: Iterable[str], logged: Iterable[str]) -> tuple[Counter[str], Counter[str]]:
    """Digests stored but never logged, and logged but no longer stored (as multisets)."""
    have, said = Counter(stored), Counter(logged)
    return have - said, said - have


def _check_steps(case: MediationCase, where: Where, anchors: Anchors, stored: list[str], kind: EventKind,
                 changed: FindingCode, missing: FindingCode, what: Words) -> list[Finding]:
    logged = [entry.digest or "" for entry in anchors.of(case_subject(case.number), kind)]
    unlogged, lost = _unmatched(stored, logged)
    findings = [where.finding(changed, words(QT_TRANSLATE_NOOP(
        "findings", "a stored {what} does not match any ledger entry (it was changed or added outside "
        "Mediseal)"), what=what), found=digest) for digest in sorted(unlogged.elements())]
    findings += [where.finding(missing, words(QT_TRANSLATE_NOOP(
        "findings", "the ledger records a {what} the store no longer holds"), what=what), expected=digest)
        for digest in sorted(lost.elements())]
    return findings


def _grouped(session: Session, query: Select[Any], case_id: int | None, column: Any) -> dict[int, list[Any]]:
    """Rows of one table by case, read in one query (one case's when ``case_id`` is given)."""
    if case_id is not None:
        query = query.where(column == case_id)
    grouped: dict[int, list[Any]] = defaultdict(list)
    for row in session.scalars(query):
        grouped[row.case_id].append(row)
    return grouped


def check_case_work(session: Session, anchors: Anchors, case_id: int | None) -> list[Finding]:
    """Every case (or one): its moves and status, its mediators, its parties' and agents' versions. Each
    table is read once, whatever the number of cases."""
    query = select(MediationCase).order_by(MediationCase.id)
    if case_id is not None:
        query = query.where(MediationCase.id == case_id)
    moves = _grouped(session, select(CaseMove).order_by(CaseMove.id), case_id, CaseMove.case_id)
    assigned = _grouped(session, select(CaseMediator).order_by(CaseMediator.id), case_id,
                        CaseMediator.case_id)
    parties = _grouped(session, select(Party).order_by(Party.id), case_id, Party.case_id)
    agents = _grouped(session, select(Agent).order_by(Agent.id), case_id, Agent.case_id)
    stored = _versions(session, case_id)
    findings: list[Finding] = []
    for case in session.scalars(query):
        where = Where(_case(case.number), case=case.number)
        steps = moves.get(case.id, [])
        findings += _check_steps(case, where, anchors,
                                 [record_digest(move_record(case.number, move)) for move in steps],
                                 EventKind.CASE_MOVED, FindingCode.CASE_MOVE_CHANGED,
                                 FindingCode.CASE_MOVE_MISSING, words(QT_TRANSLATE_NOOP("findings", "move")))
        expected = CaseStatus(steps[-1].to_status) if steps else initial_status(case)
        if case.status != expected:
            findings.append(where.finding(FindingCode.CASE_STATUS_CHANGED, words(QT_TRANSLATE_NOOP(
                "findings", "its status is “{found}” but its recorded moves end at “{expected}”"),
                found=term(CaseStatus, case.status), expected=term(CaseStatus, expected.value)),
                expected=expected.value, found=case.status))
        findings += _check_steps(case, where, anchors,
                                 [record_digest(mediator_record(case.number, row))
                                  for row in assigned.get(case.id, [])],
                                 EventKind.CASE_MEDIATOR_ASSIGNED, FindingCode.MEDIATOR_ASSIGNMENT_CHANGED,
                                 FindingCode.MEDIATOR_ASSIGNMENT_MISSING,
                                 words(QT_TRANSLATE_NOOP("findings", "mediator assignment")))
        for party in parties.get(case.id, []):
            subject = party_subject(party.id)
            findings += _check_versions(anchors, where, subject, stored.get(subject, []), party.version,
                                        (party.name, party.role, party.origin), _party_facts)
        for agent in agents.get(case.id, []):
            subject = agent_subject(agent.id)
            findings += _check_versions(anchors, where, subject, stored.get(subject, []), agent.version,
                                        (agent.name,), _agent_facts)
    if case_id is None:  # a party or agent removed with every version: only the ledger still names it
        present = {party_subject(row.id) for rows in parties.values() for row in rows}
        present |= {agent_subject(row.id) for rows in agents.values() for row in rows}
        for logged in anchors.kind(EventKind.PARTY_ADDED, EventKind.AGENT_ADDED):
            if logged.subject not in present:
                findings.append(Where(logged.subject).finding(
                    FindingCode.RECORD_VERSION_MISSING, words(QT_TRANSLATE_NOOP(
                        "findings", "the ledger records its addition (entry {seq}) but the store no longer "
                        "holds it"), seq=logged.seq), expected=logged.digest, seq=logged.seq))
    return findings


def _versions(session: Session, case_id: int | None) -> dict[str, list[RecordVersion]]:
    """The stored versions of parties' and agents' records by subject (one case's when given)."""
    query = select(RecordVersion).order_by(RecordVersion.subject, RecordVersion.version)
    if case_id is None:
        query = query.where(or_(RecordVersion.subject.startswith(PARTY_SUBJECT_PREFIX),
                                RecordVersion.subject.startswith(AGENT_SUBJECT_PREFIX)))
    else:
        subjects = [party_subject(found) for found in session.scalars(
            select(Party.id).where(Party.case_id == case_id))]
        subjects += [agent_subject(found) for found in session.scalars(
            select(Agent.id).where(Agent.case_id == case_id))]
        query = query.where(RecordVersion.subject.in_(subjects))
    grouped: dict[str, list[RecordVersion]] = defaultdict(list)
    for row in session.scalars(query):
        grouped[row.subject].append(row)
    return grouped


def _party_facts(record: dict[str, Any]) -> tuple[object, ...]:
    identity = record.get("identity")
    if not isinstance(identity, dict):
        return ()
    return identity.get("name"), record.get("role"), identity.get("origin")


def _agent_facts(record: dict[str, Any]) -> tuple[object, ...]:
    agent = record.get("agent")
    return (agent.get("name"),) if isinstance(agent, dict) else ()


def _check_versions(anchors: Anchors, where: Where, subject: str, stored: list[RecordVersion], current: int,
                    row_facts: tuple[object, ...],
                    facts_of: Callable[[dict[str, Any]], tuple[object, ...]]) -> list[Finding]:
    """The versions of one party's or agent's record against the entries logged for it, in order, and
    its row against its latest version."""
    logged = anchors.of(subject, *VERSIONED_KINDS[subject.split(":", 1)[0] + ":"])
    findings: list[Finding] = []
    latest: dict[str, Any] | None = None
    for index, version in enumerate(stored):
        latest = json.loads(version.canonical)
        canonical = canonical_bytes(latest)
        digest = hashlib.sha256(canonical).hexdigest()
        intact = canonical.decode("utf-8") == version.canonical
        entry = logged[index] if index < len(logged) else None
        if not intact or digest != version.record_sha256 or entry is None or entry.digest != digest:
            findings.append(where.finding(FindingCode.RECORD_VERSION_CHANGED, words(QT_TRANSLATE_NOOP(
                "findings", "version {version} of {subject} does not match the entry that logged it"),
                version=version.version, subject=subject), expected=entry.digest if entry else None,
                found=digest, seq=entry.seq if entry else None))
    for entry in logged[len(stored):]:
        findings.append(where.finding(FindingCode.RECORD_VERSION_MISSING, words(QT_TRANSLATE_NOOP(
            "findings", "the ledger records a version of {subject} (entry {seq}) the store no longer holds"),
            subject=subject, seq=entry.seq), expected=entry.digest, seq=entry.seq))
    if latest is None or len(stored) != current or facts_of(latest) != row_facts:
        findings.append(where.finding(FindingCode.RECORD_ROW_CHANGED, words(QT_TRANSLATE_NOOP(
            "findings", "{subject} as stored now differs from its latest recorded version"),
            subject=subject)))
    return findings
