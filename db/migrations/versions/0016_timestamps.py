"""trusted timestamps (可信时间戳, RFC 3161): the authority, the queue of checkpoints waiting, stored tokens

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

# A stored token is never changed or removed (as sealed agreements, 0015).
APPEND_ONLY = ("timestamp_token",)


def upgrade() -> None:
    op.create_table(
        "timestamp_authority",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("url", sa.String(500), nullable=False),
        sa.Column("username", sa.String(200), nullable=True),
        sa.Column("password", sa.String(200), nullable=True),
        sa.Column("ca_pem", sa.Text(), nullable=False),
        sa.Column("changed_by", sa.String(64), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timestamp_authority")),
    )
    op.create_table(
        "timestamp_request",
        sa.Column("checkpoint_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("digest_sha256", sa.String(64), nullable=False),
        sa.Column("queued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("last_try_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("next_try_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["checkpoint_id"], ["checkpoint.id"],
                                name=op.f("fk_timestamp_request_checkpoint_id_checkpoint")),
        sa.PrimaryKeyConstraint("checkpoint_id", name=op.f("pk_timestamp_request")),
    )
    op.create_table(
        "timestamp_token",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("checkpoint_id", sa.Integer(), nullable=False),
        sa.Column("digest_sha256", sa.String(64), nullable=False),
        sa.Column("token", sa.LargeBinary(), nullable=False),
        sa.Column("token_sha256", sa.String(64), nullable=False),
        sa.Column("gen_time", sa.DateTime(timezone=True), nullable=False),
        sa.Column("tsa_url", sa.String(500), nullable=False),
        sa.Column("stored_by", sa.String(64), nullable=False),
        sa.Column("stored_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["checkpoint_id"], ["checkpoint.id"],
                                name=op.f("fk_timestamp_token_checkpoint_id_checkpoint")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timestamp_token")),
        sa.UniqueConstraint("checkpoint_id", name=op.f("uq_timestamp_token_checkpoint_id")),
    )
    if op.get_bind().dialect.name == "postgresql":
        # The function mediseal_append_only() comes from revision 0003.
        for table in APPEND_ONLY:
            op.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                       "FOR EACH ROW EXECUTE FUNCTION mediseal_append_only()")
            op.execute(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                       "FOR EACH STATEMENT EXECUTE FUNCTION mediseal_append_only()")
    else:
        for table in APPEND_ONLY:
            for action in ("UPDATE", "DELETE"):
                message = f"mediseal: {table} is append-only ({action} refused)"
                op.execute(f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                           f"BEGIN SELECT RAISE(ABORT, '{message}'); END")


def downgrade() -> None:
    for table in ("timestamp_token", "timestamp_request", "timestamp_authority"):
        op.drop_table(table)
