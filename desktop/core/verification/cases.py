"""Verification of cases: each case row against the latest entry that logged its record (``case.opened``,
then ``case.updated`` for each edit of its details), and each logged case against a row."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import MediationCase
from desktop.core.cases.matters import CASE_SUBJECT_PREFIX, case_record, case_subject
from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.core.integrity.canonical import record_digest
from desktop.core.trust.events import EventKind
from desktop.core.verification.anchors import Anchors
from desktop.core.verification.codes import FindingCode
from desktop.core.verification.findings import Finding, Where, Words, words


def _case(number: str) -> Words:
    return words(QT_TRANSLATE_NOOP("findings", "case {case}"), case=number)


def check_cases(session: Session, anchors: Anchors, case_id: int | None) -> tuple[int, list[Finding]]:
    """Every case (or one) against its entry; in the whole store also every logged case against a row."""
    query = select(MediationCase).order_by(MediationCase.id)
    if case_id is not None:
        query = query.where(MediationCase.id == case_id)
    findings: list[Finding] = []
    cited_ids = select(MediationCase.cited_matter_id).where(MediationCase.cited_matter_id.is_not(None))
    numbers = {row.id: row.number for row in session.execute(
        select(MediationCase.id, MediationCase.number).where(MediationCase.id.in_(cited_ids)))}
    present: set[str] = set()
    count = 0
    for row in session.scalars(query):
        count += 1
        present.add(row.number)
        where = Where(_case(row.number), case=row.number)
        cited = numbers.get(row.cited_matter_id, "") if row.cited_matter_id is not None else ""
        digest = record_digest(case_record(row, cited))
        recorded = anchors.of(case_subject(row.number), EventKind.CASE_OPENED, EventKind.CASE_UPDATED)
        if not recorded:
            findings.append(where.finding(FindingCode.CASE_NOT_IN_LEDGER, words(QT_TRANSLATE_NOOP(
                "findings", "no ledger entry records its opening")), found=digest))
        elif recorded[-1].digest != digest:
            findings.append(where.finding(FindingCode.CASE_RECORD_CHANGED, words(QT_TRANSLATE_NOOP(
                "findings", "its record does not match the digest logged when it was opened or last "
                "changed (a field was changed)")), expected=recorded[-1].digest, found=digest,
                seq=recorded[-1].seq))
    if case_id is None:
        for logged in anchors.kind(EventKind.CASE_OPENED):
            number = logged.subject.removeprefix(CASE_SUBJECT_PREFIX)
            if number not in present:
                present.add(number)
                findings.append(Where(_case(number), case=number).finding(
                    FindingCode.CASE_MISSING, words(QT_TRANSLATE_NOOP(
                        "findings", "the ledger records its opening (entry {seq}) but the store no longer "
                        "holds it"), seq=logged.seq), expected=logged.digest, seq=logged.seq))
    return count, findings
