"""Verification of cases: each case row against the ``case.opened`` entry that logged its record (its
number, type, title, who opened it and when), and each logged case against a row."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import MediationCase
from desktop.core.cases.matters import case_record
from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.core.integrity.canonical import record_digest
from desktop.core.trust.events import EventKind
from desktop.core.verification.anchors import Anchors
from desktop.core.verification.codes import FindingCode
from desktop.core.verification.findings import Finding, Where, Words, words

CASE_SUBJECT_PREFIX = "case:"


def case_subject(number: str) -> str:
    """The ledger subject of a case (``case.opened`` is logged under it)."""
    return f"{CASE_SUBJECT_PREFIX}{number}"


def _case(number: str) -> Words:
    return words(QT_TRANSLATE_NOOP("findings", "case {case}"), case=number)


def check_cases(session: Session, anchors: Anchors, case_id: int | None) -> tuple[int, list[Finding]]:
    """Every case (or one) against its entry; in the whole store also every logged case against a row."""
    query = select(MediationCase).order_by(MediationCase.id)
    if case_id is not None:
        query = query.where(MediationCase.id == case_id)
    findings: list[Finding] = []
    present: set[str] = set()
    count = 0
    for row in session.scalars(query):
        count += 1
        present.add(row.number)
        where = Where(_case(row.number), case=row.number)
        digest = record_digest(case_record(row))
        opened = anchors.of(case_subject(row.number), EventKind.CASE_OPENED)
        if not opened:
            findings.append(where.finding(FindingCode.CASE_NOT_IN_LEDGER, words(QT_TRANSLATE_NOOP(
                "findings", "no ledger entry records its opening")), found=digest))
        elif opened[0].digest != digest:
            findings.append(where.finding(FindingCode.CASE_RECORD_CHANGED, words(QT_TRANSLATE_NOOP(
                "findings", "its record does not match the digest logged when it was opened (a field was "
                "changed)")), expected=opened[0].digest, found=digest, seq=opened[0].seq))
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
