"""office: two number series, mediation cases (prefix + word) and notarial matters (prefix + word)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-12
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # An existing office's prefix (云知调) already ends with its word, so its word is empty and its numbers
    # do not change; it has no notarial series until an administrator sets one (logged).
    with op.batch_alter_table("office") as batch:
        batch.add_column(sa.Column("mediation_word", sa.String(2), nullable=False, server_default=""))
        batch.add_column(sa.Column("notarial_prefix", sa.String(16), nullable=True))
        batch.add_column(sa.Column("notarial_word", sa.String(2), nullable=True))


def downgrade() -> None:
    # The mediation word goes back into the prefix, so numbers keep their head; the notarial series is lost.
    op.execute("UPDATE office SET case_number_prefix = case_number_prefix || mediation_word")
    with op.batch_alter_table("office") as batch:
        batch.drop_column("notarial_word")
        batch.drop_column("notarial_prefix")
        batch.drop_column("mediation_word")
