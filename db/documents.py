"""Models of the documents Mediseal printed (文书): one row per generated PDF, and its prints. Every schema
change here comes with an Alembic migration (0014)."""

from __future__ import annotations

from db.models import Base, UTCDateTime, _one_of, utc_now  # noqa: F401
