"""Models of outcomes, performance and follow-up visits. Every schema change comes with a migration.

Each row keeps its canonical record (RFC 8785) as written and the digest its ledger entry carries; the
columns beside it repeat what lists and sums read (kind, dates, amounts, links), and verification checks
that they say what the record says. Rows are never changed or removed (database triggers refuse it): a
correction is a new record naming the one it corrects.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models import Base, UTCDateTime, _one_of

OUTCOME_KINDS = ("written-agreement", "oral-agreement", "failed", "withdrawn")
OBLIGATION_KINDS = ("payment", "stop-use", "destroy-stock", "remove-listings", "apology", "other")


class CaseOutcome(Base):
    """How the mediation of a case ended: an agreement in writing (人民调解协议书) or orally (口头协议),
    failure (调解不成) or withdrawal (撤回)."""

    __tablename__ = "case_outcome"
    __table_args__ = (CheckConstraint(_one_of("kind", OUTCOME_KINDS), name="known_kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    case_id: Mapped[int] = mapped_column(ForeignKey("mediation_case.id"), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("case_outcome.id"), nullable=True)
    effective_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    canonical: Mapped[str] = mapped_column(Text)
    record_sha256: Mapped[str] = mapped_column(String(64))
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())


class PerformanceObligation(Base):
    """What one party must do under an agreement (履行事项): pay a sum, or an act, by its due dates."""

    __tablename__ = "performance_obligation"
    __table_args__ = (CheckConstraint(_one_of("kind", OBLIGATION_KINDS), name="known_kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    case_id: Mapped[int] = mapped_column(ForeignKey("mediation_case.id"), index=True)
    outcome_id: Mapped[int] = mapped_column(ForeignKey("case_outcome.id"))
    party_id: Mapped[int] = mapped_column(ForeignKey("party.id"))
    kind: Mapped[str] = mapped_column(String(24))
    amount: Mapped[Decimal | None] = mapped_column(Numeric(18, 2), nullable=True)
    canonical: Mapped[str] = mapped_column(Text)
    record_sha256: Mapped[str] = mapped_column(String(64))
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())


class PerformanceInstalment(Base):
    """One instalment of an obligation (分期): its share of the sum and its due date. An act, or a sum
    due at once, has a single one."""

    __tablename__ = "performance_instalment"

    obligation_id: Mapped[int] = mapped_column(ForeignKey("performance_obligation.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    amount: Mapped[Decimal | None] = mapped_column(Numeric(18, 2), nullable=True)
    due_on: Mapped[date] = mapped_column(Date)


class PerformanceDone(Base):
    """What was done towards an obligation and when (履行情况), with the sum paid."""

    __tablename__ = "performance_done"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    case_id: Mapped[int] = mapped_column(ForeignKey("mediation_case.id"), index=True)
    obligation_id: Mapped[int] = mapped_column(ForeignKey("performance_obligation.id"), index=True)
    done_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal | None] = mapped_column(Numeric(18, 2), nullable=True)
    canonical: Mapped[str] = mapped_column(Text)
    record_sha256: Mapped[str] = mapped_column(String(64))
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())


class PerformanceProof(Base):
    """An evidence item of the case that proves a done record (履行凭证)."""

    __tablename__ = "performance_proof"

    done_id: Mapped[int] = mapped_column(ForeignKey("performance_done.id"), primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("evidence_item.id"), primary_key=True, index=True)


class FollowUpVisit(Base):
    """A follow-up visit after the agreement (回访记录): when, who visited, the matter, what was found."""

    __tablename__ = "follow_up_visit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    case_id: Mapped[int] = mapped_column(ForeignKey("mediation_case.id"), index=True)
    visited_on: Mapped[date] = mapped_column(Date)
    canonical: Mapped[str] = mapped_column(Text)
    record_sha256: Mapped[str] = mapped_column(String(64))
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
