"""Whole-store verification (DESIGN.md, Integrity 6): the ledger is the truth and every table is
reconciled with it, both ways. The ledger and its checkpoints, the signing keys, users and cases, then
every blob, item, seal and preservation record; findings are data and nothing stops at the first one."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Agent, EvidenceItem, EvidenceSeal, MediationCase, Party, PreservationRecord
from desktop.core.cases.cover import file_subject
from desktop.core.cases.matters import case_subject
from desktop.core.cases.minutes_records import case_subjects as minutes_subjects
from desktop.core.cases.parties import agent_subject, party_subject
from desktop.core.evidence.items import subject as item_subject
from desktop.core.evidence.preservation import subject as record_subject
from desktop.core.progress import CancelledFn, ProgressFn, never_cancelled, no_progress
from desktop.core.storage.vault.interface import Vault
from desktop.core.trust import ledger
from desktop.core.verification import anchors as ledger_anchors
from desktop.core.verification.agreements import case_keys as agreement_keys
from desktop.core.verification.agreements import check_agreements
from desktop.core.verification.archive import check_case_files
from desktop.core.verification.case_work import check_case_work
from desktop.core.verification.cases import check_cases
from desktop.core.verification.documents import check_documents
from desktop.core.verification.evidence import BlobHashing, Item, check_evidence, evidence_bytes, load_items
from desktop.core.verification.findings import Finding, Report
from desktop.core.verification.imports import check_imports
from desktop.core.verification.keys import check_keys
from desktop.core.verification.ledger import check_ledger
from desktop.core.verification.minutes import case_keys as minutes_keys
from desktop.core.verification.minutes import check_minutes
from desktop.core.verification.office import check_office_settings
from desktop.core.verification.outcomes import check_outcomes
from desktop.core.verification.preservation import check_preservation
from desktop.core.verification.timestamps import check_timestamps
from desktop.core.verification.users import check_users

# Progress weight of one ledger entry against one byte of evidence re-hashed (about the same time).
ENTRY_WEIGHT = 4096


def _keys_of_case(session: Session, case_id: int) -> set[int]:
    """The keys that sealed a case's items and records: the keys a case-scoped check judges."""
    sealed = select(EvidenceSeal.key_id).join(EvidenceItem, EvidenceItem.id == EvidenceSeal.item_id).where(
        EvidenceItem.case_id == case_id)
    recorded = select(PreservationRecord.key_id).where(PreservationRecord.case_id == case_id)
    return (set(session.scalars(sealed.union(recorded))) | minutes_keys(session, case_id)
            | agreement_keys(session, case_id))


class _Progress:
    """Progress of the ledger part and the bytes re-hashed (on their own thread), reported as one sum."""

    def __init__(self, report: ProgressFn, total: int) -> None:
        self._report = report
        self._total = total
        self._parts = [0, 0]
        self._lock = threading.Lock()

    def ledger(self, done: int, _total: int) -> None:
        self._set(0, done * ENTRY_WEIGHT)

    def bytes(self, done: int) -> None:
        self._set(1, done)

    def _set(self, part: int, value: int) -> None:
        with self._lock:
            self._parts[part] = value
            done = sum(self._parts)
        self._report(done, self._total)


def verify_store(session: Session, vault: Vault, case_number: str | None = None,
                 progress: ProgressFn = no_progress, cancelled: CancelledFn = never_cancelled,
                 checked_by: str | None = None) -> Report:
    """The whole verification: the ledger, keys, users, cases, then every blob, item, seal and
    preservation record, each matched with the ledger entry that announced it and back.

    With ``case_number`` only that case, its evidence and records are checked, with the ledger entries
    they rest on (each against its stored leaf) instead of the whole ledger; what the ledger records but
    the store lost is found by the whole-store check (a lost item's entry does not name its case).
    The blobs are re-hashed on a thread of their own while everything else is checked. The report
    carries ``checked_by`` (who asked for the check) and the time it started.
    """
    from desktop.core.cases.matters import find_case

    checked_at = datetime.now(UTC)
    case = find_case(session, case_number) if case_number else None
    case_id = case.id if case is not None else None
    size = ledger.size(session)
    total = (size * ENTRY_WEIGHT if case is None else 0) + evidence_bytes(session, case_id)
    meter = _Progress(progress, total)
    blobs = select(EvidenceItem.blob_sha256)
    if case_id is not None:
        blobs = blobs.where(EvidenceItem.case_id == case_id)
    hashing = BlobHashing(vault, session.scalars(blobs), meter.bytes, cancelled).start()  # first: longest
    try:
        items = load_items(session, case_id)
        report = _verify(session, vault, case, items, hashing, size, meter, cancelled)
        report = replace(report, case=case_number, checked_at=checked_at, checked_by=checked_by)
    finally:
        hashing.stop()
    progress(total, total)
    return report


def _verify(session: Session, vault: Vault, case: MediationCase | None, items: list[Item],
            hashing: BlobHashing, size: int, meter: _Progress, cancelled: CancelledFn) -> Report:
    case_id = case.id if case is not None else None
    findings: list[Finding] = []
    if case is None:
        anchors = ledger_anchors.whole_ledger(session)
    else:
        record_ids = list(session.scalars(select(PreservationRecord.id)
                                          .where(PreservationRecord.case_id == case_id)))
        party_ids = session.scalars(select(Party.id).where(Party.case_id == case_id))
        agent_ids = session.scalars(select(Agent.id).where(Agent.case_id == case_id))
        subjects = [case_subject(case.number), file_subject(case.number),
                    *(item_subject(item.row.id) for item in items),
                    *(party_subject(party_id) for party_id in party_ids),
                    *(agent_subject(agent_id) for agent_id in agent_ids),
                    *(record_subject(record_id) for record_id in record_ids),
                    *minutes_subjects(session, case.id)]
        anchors = ledger_anchors.for_subjects(session, subjects, findings)
    keys = check_keys(session, anchors)
    if case is None:
        result = check_ledger(session, keys.signers, meter.ledger, cancelled)
        findings.extend(result.findings)
        anchors.untrusted |= result.untrusted
        base = Report(result.size, result.nodes, result.checkpoints,
                      checkpoint_statuses=tuple(result.statuses))
    else:
        base = Report(size, 0, 0)
    findings.extend(keys.findings if case is None else keys.findings_for(_keys_of_case(session, case.id)))
    users = 0
    if case is None:
        users, user_findings = check_users(session, anchors)
        findings.extend(user_findings)
        findings.extend(check_office_settings(session))
        findings.extend(check_timestamps(session))
    cases, case_findings = check_cases(session, anchors, case_id)
    findings.extend(case_findings)
    findings.extend(check_case_work(session, anchors, case_id))
    findings.extend(check_case_files(session, anchors, case_id))
    findings.extend(check_outcomes(session, anchors, case_id))
    findings.extend(check_documents(session, anchors, case_id))
    evidence = check_evidence(session, vault, items, anchors, keys.signers, case is None, hashing)
    findings.extend(evidence.findings)
    by_id = {item.row.id: item for item in items}
    records = check_preservation(session, case_id, by_id, anchors, keys.signers)
    findings.extend(records.findings)
    findings.extend(check_minutes(session, anchors, keys.signers, case_id).findings)
    findings.extend(check_agreements(session, anchors, keys.signers, case_id))
    findings.extend(check_imports(session, case_id))
    return Report(base.entries, base.nodes, base.checkpoints, tuple(findings), items=evidence.items,
                  blobs=evidence.blobs, bytes=evidence.bytes, seals=evidence.seals, records=records.records,
                  cases=cases, keys=len(keys.signers), users=users, item_statuses=tuple(evidence.statuses),
                  record_statuses=tuple(records.statuses), checkpoint_statuses=base.checkpoint_statuses)
