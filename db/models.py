"""SQLAlchemy 2.0 typed models. Every schema change here comes with an Alembic migration."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

# Stable constraint names, so migrations can refer to them on SQLite and PostgreSQL alike.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utc_now() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every backend (SQLite keeps no zone, so it is re-attached)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime refused: store times as aware UTC")
        return value.astimezone(UTC)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"a time column held {type(value).__name__}, not a datetime")
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    """Declarative base with the project's naming convention."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class AppMeta(Base):
    """Facts about the store itself: which app version created it and last opened it."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(255))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now,
                                                 onupdate=utc_now)


class Office(Base):
    """The mediation centre or notary office this store belongs to (one row)."""

    __tablename__ = "office"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    # The series of mediation case numbers (云知 + 调 → （2026）云知调字第0001号). The word is empty for an
    # office set up before it stood apart: its prefix (云知调) holds it.
    case_number_prefix: Mapped[str] = mapped_column(String(16))
    mediation_word: Mapped[str] = mapped_column(String(2), server_default="")
    # The series of notarial matter numbers (云昆 + 证 → （2026）云昆证字第0001号): both or neither (not set).
    notarial_prefix: Mapped[str | None] = mapped_column(String(16), nullable=True)
    notarial_word: Mapped[str | None] = mapped_column(String(2), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)
    # Minutes without input before a window locks (0: never); changed by an administrator, logged.
    idle_lock_minutes: Mapped[int] = mapped_column(Integer, default=15, server_default="15")


ROLES = ("admin", "mediator", "notary", "clerk")


class User(Base):
    """A person who signs in: password hash (argon2id, parameters inside), lock state, roles."""

    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    # 姓名, as on the person's ID card, shown wherever the app names a person; the login name stays for
    # signing in. NULL only for users created before real names were recorded (their ledger records,
    # user record version 1, hold none).
    real_name: Mapped[str | None] = mapped_column(String(50), nullable=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)
    password_changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)

    roles: Mapped[list[UserRole]] = relationship(back_populates="user", cascade="all, delete-orphan",
                                                 order_by="UserRole.role")


class UserRole(Base):
    """One role held by one user."""

    __tablename__ = "user_role"
    __table_args__ = (CheckConstraint("role IN ('admin', 'mediator', 'notary', 'clerk')", name="known"),)

    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(16), primary_key=True)

    user: Mapped[User] = relationship(back_populates="roles")


class SigningKey(Base):
    """A user's ECDSA P-256 key (encrypted under the user's password) and its certificate.

    A revoked key stays, so old seals can still be verified; it signs nothing new.
    """

    __tablename__ = "signing_key"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    certificate_pem: Mapped[str] = mapped_column(Text)
    chain_pem: Mapped[str] = mapped_column(Text, default="")
    encrypted_private_key: Mapped[bytes] = mapped_column(LargeBinary)
    source: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # Why it was revoked, as typed (covered by the ``key.revoked`` entry's digest); None before 0006.
    revocation_reason: Mapped[str | None] = mapped_column(String(200), nullable=True)


class LedgerHead(Base):
    """The ledger's sequencer (one row): appends update it first, which orders concurrent appends on
    SQLite and PostgreSQL alike. Verification never trusts it; it recounts."""

    __tablename__ = "ledger_head"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)


class LedgerEntry(Base):
    """One append-only ledger entry (存证日志); its canonical JSON is Merkle leaf number ``seq``."""

    __tablename__ = "ledger_entry"

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str] = mapped_column(String(200), index=True)
    subject_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)


class MerkleNode(Base):
    """Hash of a complete Merkle subtree: ``level`` 0 holds leaf hashes (RFC 9162 §2.1.1)."""

    __tablename__ = "merkle_node"

    level: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    idx: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    hash: Mapped[bytes] = mapped_column(LargeBinary(32))


class Checkpoint(Base):
    """A signed tree head: tree size, root hash and time, signed by a user's key."""

    __tablename__ = "checkpoint"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tree_size: Mapped[int] = mapped_column(BigInteger)
    root_sha256: Mapped[str] = mapped_column(String(64))
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    signer: Mapped[str] = mapped_column(String(64))
    key_id: Mapped[int] = mapped_column(ForeignKey("signing_key.id"))
    signature: Mapped[bytes] = mapped_column(LargeBinary)


CASE_TYPES = ("patent", "trademark", "copyright", "trade-secret", "plant-variety",
              "geographical-indication", "ic-layout", "unfair-competition", "other")
MATTER_KINDS = ("mediation", "notarial")
CASE_STATUSES = ("registered", "accepted", "not-accepted", "in-mediation", "agreement", "failed", "withdrawn",
                 "performing", "performed", "confirmation-applied", "confirmed", "rejected", "closed")


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{value}'" for value in values) + ")"


class MediationCase(Base):
    """A matter (案件 / 事项): a mediation case (调解案件) or a notarial matter (公证事项), each kind with
    its own number series. The table keeps the name it had when it held mediation cases only.

    ``record_version`` 1 marks a case opened before cases were recorded in full (number, type and title
    only); its ledger record stays in that form. Columns after ``status`` are derived from the parties,
    mediators, moves and dates, kept here so that the case list filters and sorts 100 000 cases in SQL.
    """

    __tablename__ = "mediation_case"
    __table_args__ = (
        CheckConstraint(_one_of("case_type", CASE_TYPES), name="known_type"),
        CheckConstraint(_one_of("kind", MATTER_KINDS), name="known_kind"),
        CheckConstraint(_one_of("status", CASE_STATUSES), name="known_status"),
        UniqueConstraint("kind", "year", "serial"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), default="mediation", server_default="mediation")
    number: Mapped[str] = mapped_column(String(64), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    serial: Mapped[int] = mapped_column(Integer)
    record_version: Mapped[int] = mapped_column(Integer, default=2, server_default="1")
    revision: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    case_type: Mapped[str] = mapped_column(String(32), index=True)
    patent_kind: Mapped[str | None] = mapped_column(String(16), nullable=True)
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="", server_default="")
    requests: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")  # JSON list of text
    amount_claimed: Mapped[Decimal | None] = mapped_column(Numeric(18, 2), nullable=True)
    received_on: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    source: Mapped[str | None] = mapped_column(String(24), nullable=True)
    court_name: Mapped[str | None] = mapped_column(String(100), nullable=True)
    court_case_number: Mapped[str | None] = mapped_column(String(64), nullable=True)
    procedure: Mapped[str | None] = mapped_column(String(16), nullable=True)
    time_limit_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    cited_matter_id: Mapped[int | None] = mapped_column(ForeignKey("mediation_case.id"), nullable=True)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)
    status: Mapped[str] = mapped_column(String(24), default="registered", server_default="accepted")
    agreement_effective_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    foreign_related: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    next_deadline: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    party_names: Mapped[str] = mapped_column(Text, default="", server_default="")
    mediator_names: Mapped[str] = mapped_column(Text, default="", server_default="")

    parties: Mapped[list[Party]] = relationship(back_populates="case", order_by="Party.id")


Index("ix_mediation_case_kind_status", MediationCase.kind, MediationCase.status)
# The case list's default order (register.SortKey.NUMBER: year, kind, serial, then id, which SQLite
# keeps in every index entry).
Index("ix_mediation_case_number_order", MediationCase.year, MediationCase.kind, MediationCase.serial)

PARTY_ROLES = ("applicant", "respondent", "third-party")


class Party(Base):
    """A party to a case (当事人) as it stands now; every version of its record is a ``RecordVersion``."""

    __tablename__ = "party"
    __table_args__ = (CheckConstraint(_one_of("role", PARTY_ROLES), name="known_role"),
                      CheckConstraint(_one_of("kind", ("person", "organisation")), name="known_kind"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("mediation_case.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(100), index=True)
    origin: Mapped[str] = mapped_column(String(16))
    version: Mapped[int] = mapped_column(Integer)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)

    case: Mapped[MediationCase] = relationship(back_populates="parties")


class Agent(Base):
    """An agent (委托代理人) of one party, as it stands now; its versions are ``RecordVersion`` rows."""

    __tablename__ = "agent"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("mediation_case.id"), index=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("party.id"), index=True)
    name: Mapped[str] = mapped_column(String(100), index=True)
    version: Mapped[int] = mapped_column(Integer)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)


class RecordVersion(Base):
    """One version of an edited record (a case's details, a party, an agent): its canonical bytes, who
    saved it and when. Never changed; an edit adds the next version, so earlier ones stay readable."""

    __tablename__ = "record_version"

    subject: Mapped[str] = mapped_column(String(100), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    canonical: Mapped[str] = mapped_column(Text)
    record_sha256: Mapped[str] = mapped_column(String(64))
    saved_by: Mapped[str] = mapped_column(String(64))
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime())


class CaseMove(Base):
    """One step of a case through the workflow, with its reason; never changed."""

    __tablename__ = "case_move"
    __table_args__ = (CheckConstraint(_one_of("to_status", CASE_STATUSES), name="known_status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("mediation_case.id"), index=True)
    from_status: Mapped[str] = mapped_column(String(24))
    to_status: Mapped[str] = mapped_column(String(24))
    reason: Mapped[str] = mapped_column(Text)
    effective_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    actor: Mapped[str] = mapped_column(String(64))
    moved_at: Mapped[datetime] = mapped_column(UTCDateTime())
    record_sha256: Mapped[str] = mapped_column(String(64))


class CaseMediator(Base):
    """A mediator assigned to a case, with the conflict-of-interest declaration made on assignment."""

    __tablename__ = "case_mediator"
    __table_args__ = (UniqueConstraint("case_id", "mediator"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("mediation_case.id"), index=True)
    mediator: Mapped[str] = mapped_column(String(64), index=True)
    conflict: Mapped[bool] = mapped_column(Boolean)
    declaration: Mapped[str] = mapped_column(Text)
    assigned_by: Mapped[str] = mapped_column(String(64))
    assigned_at: Mapped[datetime] = mapped_column(UTCDateTime())
    record_sha256: Mapped[str] = mapped_column(String(64))


class Blob(Base):
    """A file's bytes in the vault, addressed by SHA-256; written only after the bytes are durable."""

    __tablename__ = "blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    sm3: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(BigInteger)
    stored_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utc_now)


class EvidenceItem(Base):
    """One evidence item (证据 / 电子数据): a blob, its original name and acquisition; never changed."""

    __tablename__ = "evidence_item"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("mediation_case.id"), index=True)
    blob_sha256: Mapped[str] = mapped_column(ForeignKey("blob.sha256"), index=True)
    original_name: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(BigInteger)
    sm3: Mapped[str] = mapped_column(String(64))
    mime_type: Mapped[str] = mapped_column(String(128))
    source_kind: Mapped[str] = mapped_column(String(32))
    source_url: Mapped[str | None] = mapped_column(Text, nullable=True)
    acquired_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    acquired_by: Mapped[str] = mapped_column(String(200))
    device: Mapped[str] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text)
    ingested_by: Mapped[str] = mapped_column(String(64))
    ingested_at: Mapped[datetime] = mapped_column(UTCDateTime())
    record_sha256: Mapped[str] = mapped_column(String(64))


class EvidenceSeal(Base):
    """A notary's seal (签章) on an item: a signature over the item's canonical record. Never changed;
    a second notary countersigns with a new row."""

    __tablename__ = "evidence_seal"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("evidence_item.id"), index=True)
    key_id: Mapped[int] = mapped_column(ForeignKey("signing_key.id"))
    signer: Mapped[str] = mapped_column(String(64))
    sealed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    record_sha256: Mapped[str] = mapped_column(String(64))
    signature: Mapped[bytes] = mapped_column(LargeBinary)


class PreservationRecord(Base):
    """A sealed preservation record (保全证据记录): its canonical bytes and the notary's signature.
    Never changed; a correction is a new record that names the one it supersedes."""

    __tablename__ = "preservation_record"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("mediation_case.id"), index=True)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("preservation_record.id"), nullable=True)
    canonical: Mapped[str] = mapped_column(Text)
    record_sha256: Mapped[str] = mapped_column(String(64))
    key_id: Mapped[int] = mapped_column(ForeignKey("signing_key.id"))
    signer: Mapped[str] = mapped_column(String(64))
    sealed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    signature: Mapped[bytes] = mapped_column(LargeBinary)

