"""office: the idle lock (minutes without input before a window locks) becomes an office setting

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing offices get the default every seat used before (15 minutes); each seat's own ui.ini value
    # is no longer read: only an administrator changes the office's setting, in the ledger.
    with op.batch_alter_table("office") as batch:
        batch.add_column(sa.Column("idle_lock_minutes", sa.Integer(), nullable=False, server_default="15"))


def downgrade() -> None:
    with op.batch_alter_table("office") as batch:
        batch.drop_column("idle_lock_minutes")
