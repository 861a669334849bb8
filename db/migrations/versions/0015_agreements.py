"""mediation agreements (人民调解协议书): drafts, the finalised sealed record, supplementary agreements

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

AGREEMENT_KINDS = ("agreement", "supplement")
# A sealed agreement is never changed or removed (as sealed minutes, 0010); a finalised draft is frozen.
APPEND_ONLY = ("sealed_agreement",)
FROZEN = "OLD.agreement_id IS NOT NULL"


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{value}'" for value in values) + ")"


def upgrade() -> None:
    op.create_table(
        "sealed_agreement",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("supplements_id", sa.Integer(), nullable=True),
        sa.Column("outcome_id", sa.Integer(), nullable=True),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("canonical", sa.Text(), nullable=False),
        sa.Column("record_sha256", sa.String(64), nullable=False),
        sa.Column("key_id", sa.Integer(), nullable=False),
        sa.Column("signer", sa.String(64), nullable=False),
        sa.Column("sealed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
        sa.CheckConstraint(_one_of("kind", AGREEMENT_KINDS), name=op.f("ck_sealed_agreement_known_kind")),
        sa.ForeignKeyConstraint(["case_id"], ["mediation_case.id"],
                                name=op.f("fk_sealed_agreement_case_id_mediation_case")),
        sa.ForeignKeyConstraint(["supplements_id"], ["sealed_agreement.id"],
                                name=op.f("fk_sealed_agreement_supplements_id_sealed_agreement")),
        sa.ForeignKeyConstraint(["outcome_id"], ["case_outcome.id"],
                                name=op.f("fk_sealed_agreement_outcome_id_case_outcome")),
        sa.ForeignKeyConstraint(["key_id"], ["signing_key.id"],
                                name=op.f("fk_sealed_agreement_key_id_signing_key")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sealed_agreement")),
    )
    op.create_index(op.f("ix_sealed_agreement_case_id"), "sealed_agreement", ["case_id"])
    op.create_table(
        "agreement_draft",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("canonical", sa.Text(), nullable=False),
        sa.Column("saved_by", sa.String(64), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["mediation_case.id"],
                                name=op.f("fk_agreement_draft_case_id_mediation_case")),
        sa.ForeignKeyConstraint(["agreement_id"], ["sealed_agreement.id"],
                                name=op.f("fk_agreement_draft_agreement_id_sealed_agreement")),
        sa.PrimaryKeyConstraint("case_id", "seq", name=op.f("pk_agreement_draft")),
    )
    if op.get_bind().dialect.name == "postgresql":
        _postgresql_triggers()
    else:
        _sqlite_triggers()


def _postgresql_triggers() -> None:
    # The function mediseal_append_only() comes from revision 0003.
    for table in APPEND_ONLY:
        op.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                   "FOR EACH ROW EXECUTE FUNCTION mediseal_append_only()")
        op.execute(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                   "FOR EACH STATEMENT EXECUTE FUNCTION mediseal_append_only()")
    op.execute(f"""
        CREATE FUNCTION mediseal_agreement_draft_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF {FROZEN} THEN
                RAISE EXCEPTION 'mediseal: agreement_draft of a finalised agreement is frozen (% refused)',
                    TG_OP;
            END IF;
            IF TG_OP = 'DELETE' THEN
                RETURN OLD;
            END IF;
            RETURN NEW;
        END $$""")
    op.execute("CREATE TRIGGER agreement_draft_frozen BEFORE UPDATE OR DELETE ON agreement_draft "
               "FOR EACH ROW EXECUTE FUNCTION mediseal_agreement_draft_frozen()")


def _sqlite_triggers() -> None:
    for table in APPEND_ONLY:
        for action in ("UPDATE", "DELETE"):
            message = f"mediseal: {table} is append-only ({action} refused)"
            op.execute(f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                       f"BEGIN SELECT RAISE(ABORT, '{message}'); END")
    for action in ("UPDATE", "DELETE"):
        message = f"mediseal: agreement_draft of a finalised agreement is frozen ({action} refused)"
        op.execute(f"CREATE TRIGGER agreement_draft_frozen_no_{action.lower()} BEFORE {action} "
                   f"ON agreement_draft WHEN {FROZEN} BEGIN SELECT RAISE(ABORT, '{message}'); END")


def downgrade() -> None:
    for table in ("agreement_draft", "sealed_agreement"):
        op.drop_table(table)  # indexes and triggers go with it
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION mediseal_agreement_draft_frozen()")
