"""Models of mediation agreements (人民调解协议书): the draft being edited, the finalised sealed record, and
supplementary agreements. Every schema change here comes with an Alembic migration (0015).

A draft is not a record (no ledger entry): it is what the mediators type, versioned so that two seats do
not overwrite each other. Finalising seals it: the sealed row holds the canonical record (RFC 8785) as it
was printed, the signer's ECDSA signature over it, and is never changed or removed (database triggers
refuse it); the draft it was made from is frozen then (its ``agreement_id`` is set, and a trigger refuses
any later change).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models import Base, UTCDateTime, _one_of

AGREEMENT_KINDS = ("agreement", "supplement")


class SealedAgreement(Base):
    """A finalised agreement (人民调解协议书) or supplementary agreement (补充协议): its canonical record
    as printed and the mediator's signature. Never changed or removed (append-only)."""

    __tablename__ = "sealed_agreement"
    __table_args__ = (CheckConstraint(_one_of("kind", AGREEMENT_KINDS), name="known_kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    case_id: Mapped[int] = mapped_column(ForeignKey("mediation_case.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    supplements_id: Mapped[int | None] = mapped_column(ForeignKey("sealed_agreement.id"), nullable=True)
    outcome_id: Mapped[int | None] = mapped_column(ForeignKey("case_outcome.id"), nullable=True)
    effective_on: Mapped[date] = mapped_column(Date)
    canonical: Mapped[str] = mapped_column(Text)
    record_sha256: Mapped[str] = mapped_column(String(64))
    key_id: Mapped[int] = mapped_column(ForeignKey("signing_key.id"))
    signer: Mapped[str] = mapped_column(String(64))
    sealed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    signature: Mapped[bytes] = mapped_column(LargeBinary)


class AgreementDraftRow(Base):
    """The draft of a case's agreement (``seq`` 0) or of its n-th supplementary agreement (``seq`` n), as
    last saved; ``version`` counts the saves of the case's drafts. Frozen once finalised."""

    __tablename__ = "agreement_draft"

    case_id: Mapped[int] = mapped_column(ForeignKey("mediation_case.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(Integer)
    canonical: Mapped[str] = mapped_column(Text)
    saved_by: Mapped[str] = mapped_column(String(64))
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime())
    agreement_id: Mapped[int | None] = mapped_column(ForeignKey("sealed_agreement.id"), nullable=True)
