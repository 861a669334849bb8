"""Models of the case file (卷宗): scanned papers filed into its parts, and the archive record sealed when
the file is closed (归档). Both are append-only. Every schema change here comes with an Alembic migration."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models import Base, UTCDateTime, _one_of

# The codes of ``desktop.core.cases.file_parts.FilePart`` (a test keeps them equal).
FILE_PARTS = ("application", "rights-notice", "identity", "power-of-attorney", "investigation", "evidence",
              "minutes", "agreement", "performance-proof", "follow-up", "judicial-confirmation", "file-note",
              "back-cover")


class CasePaper(Base):
    """An evidence item of the case (a scanned paper) filed into a part of its file; never changed. An
    item is filed once (unique), so part 6 (evidence) is what was not filed elsewhere."""

    __tablename__ = "case_paper"
    __table_args__ = (CheckConstraint(_one_of("part", FILE_PARTS), name="known_part"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("mediation_case.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("evidence_item.id"), unique=True)
    part: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text)
    filed_by: Mapped[str] = mapped_column(String(64))
    filed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    record_sha256: Mapped[str] = mapped_column(String(64))


class CaseArchive(Base):
    """The archiving of a case file (归档): its canonical record (RFC 8785) with the cover and the digest of
    every document in the file; one per case, never changed."""

    __tablename__ = "case_archive"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("mediation_case.id"), unique=True)
    canonical: Mapped[str] = mapped_column(Text)
    record_sha256: Mapped[str] = mapped_column(String(64))
    complete: Mapped[bool] = mapped_column(Boolean)
    archived_by: Mapped[str] = mapped_column(String(64))
    archived_at: Mapped[datetime] = mapped_column(UTCDateTime())
