"""Models of mediation agreements (人民调解协议书): the draft being edited, the finalised sealed record, and
supplementary agreements. Every schema change here comes with an Alembic migration (0015)."""

from __future__ import annotations

from db.models import Base, UTCDateTime, _one_of, utc_now  # noqa: F401
