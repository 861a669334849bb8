"""Models of trusted timestamps (可信时间戳, RFC 3161) over signed checkpoints. Every schema change here comes
with an Alembic migration (0016).

``timestamp_authority`` holds the office's one authority (URL, optional HTTP credentials, the CA
certificates a token must chain to). ``timestamp_request`` is the queue: one row per checkpoint waiting for
a token, with its attempts, last error and next try; the row goes once the token is stored.
``timestamp_token`` holds each verified token (the DER ``TimeStampToken``) beside its checkpoint and is
never changed or removed (database triggers refuse it).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models import Base, UTCDateTime


class TimestampAuthority(Base):
    """The office's timestamp authority (row 1 only): where requests go and which CA its tokens chain to."""

    __tablename__ = "timestamp_authority"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    url: Mapped[str] = mapped_column(String(500))
    username: Mapped[str | None] = mapped_column(String(200), nullable=True)
    password: Mapped[str | None] = mapped_column(String(200), nullable=True)
    ca_pem: Mapped[str] = mapped_column(Text)
    changed_by: Mapped[str] = mapped_column(String(64))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime())


class TimestampRequest(Base):
    """A checkpoint waiting for its token: the digest to send, how often it was tried and why it failed."""

    __tablename__ = "timestamp_request"

    checkpoint_id: Mapped[int] = mapped_column(ForeignKey("checkpoint.id"), primary_key=True,
                                               autoincrement=False)
    digest_sha256: Mapped[str] = mapped_column(String(64))
    queued_at: Mapped[datetime] = mapped_column(UTCDateTime())
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    last_try_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    next_try_at: Mapped[datetime] = mapped_column(UTCDateTime())


class TimestampToken(Base):
    """A verified RFC 3161 token over a checkpoint's canonical record. Never changed or removed."""

    __tablename__ = "timestamp_token"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    checkpoint_id: Mapped[int] = mapped_column(ForeignKey("checkpoint.id"), unique=True)
    digest_sha256: Mapped[str] = mapped_column(String(64))
    token: Mapped[bytes] = mapped_column(LargeBinary)
    token_sha256: Mapped[str] = mapped_column(String(64))
    gen_time: Mapped[datetime] = mapped_column(UTCDateTime())
    tsa_url: Mapped[str] = mapped_column(String(500))
    stored_by: Mapped[str] = mapped_column(String(64))
    stored_at: Mapped[datetime] = mapped_column(UTCDateTime())
