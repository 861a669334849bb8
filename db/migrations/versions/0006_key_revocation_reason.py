"""signing keys: a revocation carries its reason (covered by the ``key.revoked`` entry's digest)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-09
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Keys revoked before this revision keep no reason (NULL): their entries carry the bare fingerprint,
    # and verification accepts that older form.
    with op.batch_alter_table("signing_key") as batch:
        batch.add_column(sa.Column("revocation_reason", sa.String(200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("signing_key") as batch:
        batch.drop_column("revocation_reason")
