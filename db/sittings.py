"""Models of sittings and minutes. Every schema change here comes with an Alembic migration.

A sitting (调解会 or 调查) of a case, who attends it, the minutes typed live (one row per confirmed entry),
the entry each user is typing (a draft), the sealed minutes and their addenda, and the facts that people
signed the printed minutes. Once a sitting is sealed (or cancelled) the database refuses any change to it,
its attendees and its entries (triggers, revision 0010); sealed records and signing facts are append-only.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.models import Base, UTCDateTime, _one_of

SITTING_KINDS = ("mediation", "investigation")
SITTING_STATES = ("scheduled", "held", "adjourned", "cancelled")
ATTENDEE_ROLES = ("applicant", "respondent", "third-party", "agent", "mediator", "recorder", "expert",
                  "interpreter", "interviewee", "other")
ENTRY_KINDS = ("statement", "question", "answer", "note")
SEALED_KINDS = ("minutes", "addendum")


class Sitting(Base):
    """One sitting of a case: when, where, the matter (事由), the minutes' header and closing fields, and
    its state. ``entry_count`` is the last entry's seq, so a new entry never counts the others.
    ``sealed_at`` is set once, when the minutes are sealed; from then on the row is read-only."""

    __tablename__ = "sitting"
    __table_args__ = (CheckConstraint(_one_of("kind", SITTING_KINDS), name="known_kind"),
                      CheckConstraint(_one_of("state", SITTING_STATES), name="known_state"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("mediation_case.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    place: Mapped[str] = mapped_column(String(200))
    online: Mapped[bool] = mapped_column(Boolean)
    matter: Mapped[str] = mapped_column(Text)
    rights_explained: Mapped[bool] = mapped_column(Boolean)
    risk_warning: Mapped[str] = mapped_column(Text)
    findings: Mapped[str] = mapped_column(Text)
    result: Mapped[str] = mapped_column(Text)
    cancel_reason: Mapped[str] = mapped_column(Text)
    revision: Mapped[int] = mapped_column(Integer)
    entry_count: Mapped[int] = mapped_column(Integer)
    sealed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SittingAttendee(Base):
    """One person attending a sitting, in the order listed, with their role; a party, an agent or a
    user of Mediseal when the attendee is one."""

    __tablename__ = "sitting_attendee"
    __table_args__ = (CheckConstraint(_one_of("role", ATTENDEE_ROLES), name="known_role"),
                      UniqueConstraint("sitting_id", "position"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sitting_id: Mapped[int] = mapped_column(ForeignKey("sitting.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(100))
    party_id: Mapped[int | None] = mapped_column(ForeignKey("party.id"), nullable=True)
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agent.id"), nullable=True)
    login: Mapped[str | None] = mapped_column(String(64), nullable=True)


class MinutesEntry(Base):
    """One confirmed entry of the minutes: who spoke, when, what was said; each version of it is a
    ``RecordVersion`` (subject ``minutes-entry:<id>``)."""

    __tablename__ = "minutes_entry"
    __table_args__ = (CheckConstraint(_one_of("kind", ENTRY_KINDS), name="known_kind"),
                      CheckConstraint(_one_of("speaker_role", ATTENDEE_ROLES), name="known_role"),
                      UniqueConstraint("sitting_id", "seq"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sitting_id: Mapped[int] = mapped_column(ForeignKey("sitting.id"))
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    speaker_role: Mapped[str] = mapped_column(String(16))
    speaker: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)
    spoken_at: Mapped[datetime] = mapped_column(UTCDateTime())
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revision: Mapped[int] = mapped_column(Integer)


class MinutesDraft(Base):
    """The entry a user is typing in a sitting, saved every few seconds so a crash loses nothing; not
    a record (no ledger entry), removed when the entry is confirmed."""

    __tablename__ = "minutes_draft"

    sitting_id: Mapped[int] = mapped_column(ForeignKey("sitting.id"), primary_key=True)
    author: Mapped[str] = mapped_column(String(64), primary_key=True)
    speaker_role: Mapped[str] = mapped_column(String(16))
    speaker: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SealedMinutes(Base):
    """Sealed minutes (调解记录 / 调查记录) or an addendum correcting one entry: canonical text and the
    signer's signature. Never changed or removed (append-only)."""

    __tablename__ = "sealed_minutes"
    __table_args__ = (CheckConstraint(_one_of("kind", SEALED_KINDS), name="known_kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sitting_id: Mapped[int] = mapped_column(ForeignKey("sitting.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    corrects_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)
    canonical: Mapped[str] = mapped_column(Text)
    record_sha256: Mapped[str] = mapped_column(String(64))
    key_id: Mapped[int] = mapped_column(ForeignKey("signing_key.id"))
    signer: Mapped[str] = mapped_column(String(64))
    sealed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    signature: Mapped[bytes] = mapped_column(LargeBinary)


class MinutesSigning(Base):
    """The fact that a person signed the printed sealed record (who, in what role, when), as recorded by
    a case worker. Never changed or removed (append-only)."""

    __tablename__ = "minutes_signing"
    __table_args__ = (CheckConstraint(_one_of("role", ATTENDEE_ROLES), name="known_role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("sealed_minutes.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(16))
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
    record_sha256: Mapped[str] = mapped_column(String(64))
