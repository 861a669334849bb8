"""Verification of outcomes, performance obligations, performance records and follow-up visits: each
stored record against the ledger entry that logged it under its case (its canonical text, its digest),
the columns beside it against what the record says, and each entry the ledger logged against a stored
record, both ways."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from itertools import zip_longest
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import MediationCase
from db.outcomes import (
    CaseOutcome,
    FollowUpVisit,
    PerformanceDone,
    PerformanceInstalment,
    PerformanceObligation,
    PerformanceProof,
)
from desktop.core.cases.matters import case_subject
from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.core.integrity.canonical import format_time, parse_canonical
from desktop.core.trust.events import EventKind
from desktop.core.verification.anchors import Anchors
from desktop.core.verification.codes import FindingCode
from desktop.core.verification.findings import Finding, Where, words

Facts = list[tuple[str, object, object]]  # (what, the record says, the row holds)


def _amount(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def _iso(value: Any) -> str | None:
    return None if value is None else value.isoformat()


@dataclass(frozen=True, slots=True)
class _Parts:
    """The rows that belong to records, read once: instalments by obligation, proof items by performance."""

    instalments: dict[int, list[dict[str, Any]]]
    proofs: dict[int, list[str]]


def _load_parts(session: Session, case_id: int | None) -> _Parts:
    instalments: dict[int, list[dict[str, Any]]] = defaultdict(list)
    query = (select(PerformanceInstalment)
             .join(PerformanceObligation, PerformanceObligation.id == PerformanceInstalment.obligation_id)
             .order_by(PerformanceInstalment.obligation_id, PerformanceInstalment.seq))
    if case_id is not None:
        query = query.where(PerformanceObligation.case_id == case_id)
    for part in session.scalars(query):
        instalments[part.obligation_id].append({"amount": _amount(part.amount),
                                                "due_on": part.due_on.isoformat()})
    proofs: dict[int, list[str]] = defaultdict(list)
    listed = select(PerformanceProof.done_id, PerformanceProof.item_id).join(
        PerformanceDone, PerformanceDone.id == PerformanceProof.done_id)
    if case_id is not None:
        listed = listed.where(PerformanceDone.case_id == case_id)
    for done_id, item_id in session.execute(listed):
        proofs[done_id].append(str(item_id))
    return _Parts(instalments, proofs)


def _outcome_facts(parts: _Parts, row: Any, record: dict[str, Any]) -> Facts:
    named = record.get("supersedes")
    return [("kind", record.get("kind"), row.kind), ("effective_on", record.get("effective_on"),
                                                     _iso(row.effective_on)),
            ("supersedes", named.get("id") if isinstance(named, dict) else None, row.supersedes_id)]


def _obligation_facts(parts: _Parts, row: Any, record: dict[str, Any]) -> Facts:
    stored = parts.instalments.get(row.id, [])
    party = record.get("party")
    agreement = record.get("agreement")
    return [("kind", record.get("kind"), row.kind), ("amount", record.get("amount"), _amount(row.amount)),
            ("party", party.get("id") if isinstance(party, dict) else None, row.party_id),
            ("agreement", agreement.get("id") if isinstance(agreement, dict) else None, row.outcome_id),
            ("instalments", record.get("instalments"), stored)]


def _done_facts(parts: _Parts, row: Any, record: dict[str, Any]) -> Facts:
    proofs = record.get("proofs")
    listed = sorted(str(proof.get("item")) for proof in proofs if isinstance(proof, dict)) \
        if isinstance(proofs, list) else None
    stored = sorted(parts.proofs.get(row.id, []))
    obligation = record.get("obligation")
    return [("done_on", record.get("done_on"), row.done_on.isoformat()),
            ("amount", record.get("amount"), _amount(row.amount)),
            ("obligation", obligation.get("id") if isinstance(obligation, dict) else None, row.obligation_id),
            ("proofs", listed, stored)]


def _visit_facts(parts: _Parts, row: Any, record: dict[str, Any]) -> Facts:
    return [("visited_on", record.get("visited_on"), row.visited_on.isoformat())]


@dataclass(frozen=True, slots=True)
class _Kind:
    model: Any
    events: tuple[EventKind, ...]
    changed: FindingCode
    missing: FindingCode
    name: str  # words: "outcome {record}"
    logged_name: str
    facts: Callable[[_Parts, Any, dict[str, Any]], Facts]


KINDS = (
    _Kind(CaseOutcome, (EventKind.OUTCOME_RECORDED, EventKind.OUTCOME_CORRECTED), FindingCode.OUTCOME_CHANGED,
          FindingCode.OUTCOME_MISSING, QT_TRANSLATE_NOOP("findings", "outcome {record} of case {case}"),
          QT_TRANSLATE_NOOP("findings", "an outcome of case {case}"), _outcome_facts),
    _Kind(PerformanceObligation, (EventKind.OBLIGATION_ADDED,), FindingCode.OBLIGATION_CHANGED,
          FindingCode.OBLIGATION_MISSING, QT_TRANSLATE_NOOP("findings", "obligation {record} of case {case}"),
          QT_TRANSLATE_NOOP("findings", "an obligation of case {case}"), _obligation_facts),
    _Kind(PerformanceDone, (EventKind.PERFORMANCE_DONE,), FindingCode.PERFORMANCE_CHANGED,
          FindingCode.PERFORMANCE_MISSING,
          QT_TRANSLATE_NOOP("findings", "performance {record} of case {case}"),
          QT_TRANSLATE_NOOP("findings", "a performance of case {case}"), _done_facts),
    _Kind(FollowUpVisit, (EventKind.VISIT_RECORDED,), FindingCode.VISIT_CHANGED, FindingCode.VISIT_MISSING,
          QT_TRANSLATE_NOOP("findings", "follow-up visit {record} of case {case}"),
          QT_TRANSLATE_NOOP("findings", "a follow-up visit of case {case}"), _visit_facts),
)
# Every kind of entry this check reconciles (anchors.ANNOUNCING loads them for the whole ledger).
EVENTS = tuple(event for kind in KINDS for event in kind.events)




def _check_facts(parts: _Parts, kind: _Kind, row: Any, number: str, where: Where) -> list[Finding]:
    """The row's columns against what its record says."""
    record, canonical = parse_canonical(row.canonical)
    if not canonical:
        return [where.finding(kind.changed, words(QT_TRANSLATE_NOOP(
            "findings", "its text is not a canonical record")))]
    facts: Facts = [("id", record.get("id"), row.id), ("case", record.get("case"), number),
                    ("recorded_by", record.get("recorded_by"), row.recorded_by),
                    ("time", record.get("time"), format_time(row.recorded_at)),
                    *kind.facts(parts, row, record)]
    return [where.finding(kind.changed, words(QT_TRANSLATE_NOOP(
        "findings", "its stored {what} differs from its record"), what=what), expected=str(said),
        found=str(stored)) for what, said, stored in facts if said != stored]


def _check_rows(parts: _Parts, kind: _Kind, rows: list[Any], number: str,
                anchors: Anchors) -> list[Finding]:
    """One case's records of one kind against the entries logged for them: a record matches an entry by
    its digest; a record that matches none is paired with an entry left over (changed), and an entry left
    over after that names a record the store lost."""
    entries = [entry for entry in anchors.of(case_subject(number), *kind.events) if anchors.trusted(entry)]
    logged = Counter(entry.digest or "" for entry in entries)
    findings: list[Finding] = []
    unmatched: list[tuple[Any, str]] = []
    for row in rows:
        digest = hashlib.sha256(row.canonical.encode("utf-8")).hexdigest()
        if row.record_sha256 == digest and logged[digest] > 0:
            logged[digest] -= 1
        else:
            unmatched.append((row, digest))
        where = Where(words(kind.name, record=row.id, case=number), record=row.id, case=number)
        findings += _check_facts(parts, kind, row, number, where)
    left = []
    for entry in entries:
        if logged[entry.digest or ""] > 0:
            logged[entry.digest or ""] -= 1
            left.append(entry)
    for pair in zip_longest(unmatched, left):
        found, entry = pair
        if found is not None:
            row, digest = found
            findings.append(Where(words(kind.name, record=row.id, case=number), record=row.id,
                                  case=number).finding(kind.changed, words(QT_TRANSLATE_NOOP(
                                      "findings", "its record does not match the entry that logged it "
                                      "(changed or added outside Mediseal)")),
                                      expected=entry.digest if entry is not None else None, found=digest,
                                      seq=entry.seq if entry is not None else None))
        else:
            findings.append(Where(words(kind.logged_name, case=number), case=number).finding(
                kind.missing, words(QT_TRANSLATE_NOOP(
                    "findings", "the ledger records it (entry {seq}) but the store no longer holds it"),
                    seq=entry.seq), expected=entry.digest, seq=entry.seq))
    return findings


def check_outcomes(session: Session, anchors: Anchors, case_id: int | None) -> list[Finding]:
    """Every outcome, obligation, performance and visit (of one case when ``case_id`` is given) against
    the entries logged under its case, both ways."""
    numbers_query = select(MediationCase.id, MediationCase.number)
    if case_id is not None:
        numbers_query = numbers_query.where(MediationCase.id == case_id)
    numbers: dict[int, str] = {found: number for found, number in session.execute(numbers_query)}
    parts = _load_parts(session, case_id)
    findings: list[Finding] = []
    for kind in KINDS:
        query = select(kind.model).order_by(kind.model.id)
        if case_id is not None:
            query = query.where(kind.model.case_id == case_id)
        rows: dict[int, list[Any]] = defaultdict(list)
        for row in session.scalars(query):
            rows[row.case_id].append(row)
        for found_case, number in sorted(numbers.items()):
            findings += _check_rows(parts, kind, rows.get(found_case, []), number, anchors)
        strays = sorted(set(rows) - set(numbers))
        for stray in strays:  # rows whose case is gone (the case check names the case)
            for row in rows[stray]:
                where = Where(words(kind.name, record=row.id, case=str(stray)), record=row.id)
                findings.append(where.finding(
                    kind.changed, words(QT_TRANSLATE_NOOP("findings", "its case is not in the store"))))
    return findings
