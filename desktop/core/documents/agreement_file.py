"""The sealed agreements in the case file (卷宗 part 8, 调解协议书): the agreement and each supplementary
agreement, each by the digest of its sealed record."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.agreements import SealedAgreement
from db.models import MediationCase
from desktop.core.cases.file_parts import FileDocument, FilePart

# Their titles in the file and its index: Chinese, as the file is kept.
FILE_TITLES = {"agreement": "人民调解协议书", "supplement": "人民调解补充协议书"}
REFERENCE_PREFIX = "agreement:"


def file_documents(session: Session, case_row: MediationCase) -> list[FileDocument]:
    """The case's sealed agreements, in the order sealed."""
    return [FileDocument(FilePart.AGREEMENT, FILE_TITLES[row.kind], f"{REFERENCE_PREFIX}{row.id}",
                         row.record_sha256, row.sealed_at)
            for row in session.scalars(select(SealedAgreement).where(SealedAgreement.case_id == case_row.id)
                                       .order_by(SealedAgreement.id))]


def attached_outcomes(session: Session, case_row: MediationCase) -> set[int]:
    """The written-agreement outcomes a sealed agreement stands with (the file lists the agreement)."""
    return set(session.scalars(select(SealedAgreement.outcome_id).where(
        SealedAgreement.case_id == case_row.id, SealedAgreement.outcome_id.is_not(None))))
