"""outcomes, performance and follow-up visits

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

OUTCOME_KINDS = ("written-agreement", "oral-agreement", "failed", "withdrawn")
OBLIGATION_KINDS = ("payment", "stop-use", "destroy-stock", "remove-listings", "apology", "other")
# Recorded facts are never changed or removed; a correction is a new row (as for cases, 0008).
APPEND_ONLY = ("case_outcome", "performance_obligation", "performance_instalment", "performance_done",
               "performance_proof", "follow_up_visit")


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{value}'" for value in values) + ")"


def _record_columns() -> list[sa.Column[object]]:
    return [sa.Column("canonical", sa.Text(), nullable=False),
            sa.Column("record_sha256", sa.String(64), nullable=False),
            sa.Column("recorded_by", sa.String(64), nullable=False),
            sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False)]


def _case_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["case_id"], ["mediation_case.id"],
                                   name=op.f(f"fk_{table}_case_id_mediation_case"))


def upgrade() -> None:
    op.create_table(
        "case_outcome",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("supersedes_id", sa.Integer(), nullable=True),
        sa.Column("effective_on", sa.Date(), nullable=True),
        *_record_columns(),
        sa.CheckConstraint(_one_of("kind", OUTCOME_KINDS), name=op.f("ck_case_outcome_known_kind")),
        _case_fk("case_outcome"),
        sa.ForeignKeyConstraint(["supersedes_id"], ["case_outcome.id"],
                                name=op.f("fk_case_outcome_supersedes_id_case_outcome")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_outcome")),
    )
    op.create_index(op.f("ix_case_outcome_case_id"), "case_outcome", ["case_id"])
    op.create_table(
        "performance_obligation",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("outcome_id", sa.Integer(), nullable=False),
        sa.Column("party_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("amount", sa.Numeric(18, 2), nullable=True),
        *_record_columns(),
        sa.CheckConstraint(_one_of("kind", OBLIGATION_KINDS),
                           name=op.f("ck_performance_obligation_known_kind")),
        _case_fk("performance_obligation"),
        sa.ForeignKeyConstraint(["outcome_id"], ["case_outcome.id"],
                                name=op.f("fk_performance_obligation_outcome_id_case_outcome")),
        sa.ForeignKeyConstraint(["party_id"], ["party.id"],
                                name=op.f("fk_performance_obligation_party_id_party")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_performance_obligation")),
    )
    op.create_index(op.f("ix_performance_obligation_case_id"), "performance_obligation", ["case_id"])
    op.create_table(
        "performance_instalment",
        sa.Column("obligation_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("amount", sa.Numeric(18, 2), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(["obligation_id"], ["performance_obligation.id"],
                                name=op.f("fk_performance_instalment_obligation_id_performance_obligation")),
        sa.PrimaryKeyConstraint("obligation_id", "seq", name=op.f("pk_performance_instalment")),
    )
    op.create_table(
        "performance_done",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("obligation_id", sa.Integer(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.Numeric(18, 2), nullable=True),
        *_record_columns(),
        _case_fk("performance_done"),
        sa.ForeignKeyConstraint(["obligation_id"], ["performance_obligation.id"],
                                name=op.f("fk_performance_done_obligation_id_performance_obligation")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_performance_done")),
    )
    op.create_index(op.f("ix_performance_done_case_id"), "performance_done", ["case_id"])
    op.create_index(op.f("ix_performance_done_obligation_id"), "performance_done", ["obligation_id"])
    op.create_table(
        "performance_proof",
        sa.Column("done_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["done_id"], ["performance_done.id"],
                                name=op.f("fk_performance_proof_done_id_performance_done")),
        sa.ForeignKeyConstraint(["item_id"], ["evidence_item.id"],
                                name=op.f("fk_performance_proof_item_id_evidence_item")),
        sa.PrimaryKeyConstraint("done_id", "item_id", name=op.f("pk_performance_proof")),
    )
    op.create_index(op.f("ix_performance_proof_item_id"), "performance_proof", ["item_id"])
    op.create_table(
        "follow_up_visit",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("visited_on", sa.Date(), nullable=False),
        *_record_columns(),
        _case_fk("follow_up_visit"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up_visit")),
    )
    op.create_index(op.f("ix_follow_up_visit_case_id"), "follow_up_visit", ["case_id"])
    _create_append_only_triggers()


def _create_append_only_triggers() -> None:
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
    for table in ("follow_up_visit", "performance_proof", "performance_done", "performance_instalment",
                  "performance_obligation", "case_outcome"):
        op.drop_table(table)  # indexes and triggers go with it
