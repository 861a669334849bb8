"""user_account: the real name (姓名) of each user, shown wherever the app names a person

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-09
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing users keep NULL: the ledger recorded their state without a real name (user record
    # version 1), and their records must still match it; an administrator sets the name later, logged.
    with op.batch_alter_table("user_account") as batch:
        batch.add_column(sa.Column("real_name", sa.String(50), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("user_account") as batch:
        batch.drop_column("real_name")
