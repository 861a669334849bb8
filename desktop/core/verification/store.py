"""Whole-store verification (DESIGN.md, Integrity 6): the ledger, then every blob, item, seal and
preservation record; findings are data and nothing stops at the first one."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.orm import Session

from desktop.core.progress import CancelledFn, ProgressFn, never_cancelled, no_progress
from desktop.core.storage.vault.interface import Vault
from desktop.core.trust import ledger
from desktop.core.verification.findings import Report
from desktop.core.verification.ledger import verify_ledger

# Progress weight of one ledger entry against one byte of evidence re-hashed (about the same time).
ENTRY_WEIGHT = 4096


def verify_store(session: Session, vault: Vault, case_number: str | None = None,
                 progress: ProgressFn = no_progress, cancelled: CancelledFn = never_cancelled) -> Report:
    """The whole verification: the ledger, then every blob, item, seal and preservation record.

    With ``case_number`` only that case's evidence is checked, with the ledger entries it rests on
    (each against its stored leaf) instead of the whole ledger.
    """
    from desktop.core.cases.matters import find_case
    from desktop.core.verification.evidence import check_evidence, evidence_bytes

    case_id = find_case(session, case_number).id if case_number else None
    size = ledger.size(session)
    ledger_units = size * ENTRY_WEIGHT if case_id is None else 0
    total = ledger_units + evidence_bytes(session, case_id)
    if case_id is None:
        base = verify_ledger(session, lambda done, _total: progress(done * ENTRY_WEIGHT, total), cancelled)
    else:
        base = Report(size, 0, 0)
    evidence = check_evidence(session, vault, case_id, lambda done: progress(ledger_units + done, total),
                              cancelled)
    progress(total, total)
    return replace(base, findings=base.findings + tuple(evidence.findings), items=evidence.items,
                   blobs=evidence.blobs, bytes=evidence.bytes, seals=evidence.seals, records=evidence.records,
                   case=case_number)


