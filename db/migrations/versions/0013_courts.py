"""the office's list of courts and the committee's place (competent court for judicial confirmation)

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

COURT_LEVELS = ("basic", "intermediate", "high")


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{value}'" for value in values) + ")"


def upgrade() -> None:
    op.create_table(
        "court",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("level", sa.String(16), nullable=False),
        sa.Column("area", sa.String(100), nullable=False),
        sa.Column("ip_area", sa.String(100), nullable=False),
        sa.Column("hears", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(_one_of("level", COURT_LEVELS), name=op.f("ck_court_known_level")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_court")),
        sa.UniqueConstraint("name", name=op.f("uq_court_name")),
    )
    op.create_table(
        "committee_place",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("area", sa.String(100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_committee_place_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_committee_place")),
    )


def downgrade() -> None:
    op.drop_table("committee_place")
    op.drop_table("court")
