"""the case file (卷宗): papers filed into its parts, the archive record

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

FILE_PARTS = ("application", "rights-notice", "identity", "power-of-attorney", "investigation", "evidence",
              "minutes", "agreement", "performance-proof", "follow-up", "judicial-confirmation", "file-note",
              "back-cover")
# Filed papers and archive records are never changed or removed; the database refuses (as 0004, 0008).
APPEND_ONLY = ("case_paper", "case_archive")


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{value}'" for value in values) + ")"


def upgrade() -> None:
    op.create_table(
        "case_paper",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("part", sa.String(32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("filed_by", sa.String(64), nullable=False),
        sa.Column("filed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("record_sha256", sa.String(64), nullable=False),
        sa.CheckConstraint(_one_of("part", FILE_PARTS), name=op.f("ck_case_paper_known_part")),
        sa.ForeignKeyConstraint(["case_id"], ["mediation_case.id"],
                                name=op.f("fk_case_paper_case_id_mediation_case")),
        sa.ForeignKeyConstraint(["item_id"], ["evidence_item.id"],
                                name=op.f("fk_case_paper_item_id_evidence_item")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_paper")),
        sa.UniqueConstraint("item_id", name=op.f("uq_case_paper_item_id")),
    )
    op.create_index(op.f("ix_case_paper_case_id"), "case_paper", ["case_id"])
    op.create_table(
        "case_archive",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("canonical", sa.Text(), nullable=False),
        sa.Column("record_sha256", sa.String(64), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("archived_by", sa.String(64), nullable=False),
        sa.Column("archived_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["mediation_case.id"],
                                name=op.f("fk_case_archive_case_id_mediation_case")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_archive")),
        sa.UniqueConstraint("case_id", name=op.f("uq_case_archive_case_id")),
    )
    # The function mediseal_append_only() comes from revision 0003 (PostgreSQL).
    if op.get_bind().dialect.name == "postgresql":
        for table in APPEND_ONLY:
            op.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                       "FOR EACH ROW EXECUTE FUNCTION mediseal_append_only()")
            op.execute(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                       "FOR EACH STATEMENT EXECUTE FUNCTION mediseal_append_only()")
        return
    for table in APPEND_ONLY:
        for action in ("UPDATE", "DELETE"):
            message = f"mediseal: {table} is append-only ({action} refused)"
            op.execute(f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                       f"BEGIN SELECT RAISE(ABORT, '{message}'); END")


def downgrade() -> None:
    op.drop_table("case_archive")
    op.drop_index(op.f("ix_case_paper_case_id"), table_name="case_paper")
    op.drop_table("case_paper")
