"""Models of the office's list of courts (法院名录). Every schema change here comes with an Alembic migration.

The courts an office sends papers to: name, level, the area each serves and the IP cases each hears at
first instance; and the place of the committee itself (调解组织所在地), a fact the competent court for
judicial confirmation rests on. Only an administrator edits them; every version is a logged record.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models import Base, UTCDateTime, _one_of

COURT_LEVELS = ("basic", "intermediate", "high")


class Court(Base):
    """One court of the office's list, as it stands now (its versions are ``RecordVersion`` rows under
    ``court:<id>``). ``hears`` is a space-separated list of jurisdiction codes (IP cases it hears at first
    instance); ``ip_area`` is the area that IP jurisdiction covers, when wider than ``area``."""

    __tablename__ = "court"
    __table_args__ = (CheckConstraint(_one_of("level", COURT_LEVELS), name="known_level"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    level: Mapped[str] = mapped_column(String(16))
    area: Mapped[str] = mapped_column(String(100))
    ip_area: Mapped[str] = mapped_column(String(100))
    hears: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean)
    version: Mapped[int] = mapped_column(Integer)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class CommitteePlace(Base):
    """Where the committee is located (调解组织所在地), one row; versions under ``office:place``."""

    __tablename__ = "committee_place"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    area: Mapped[str] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(Integer)
