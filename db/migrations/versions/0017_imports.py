"""packages imported from another office: the package, its kept case records, imported items and their
origin seals (all append-only)

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

# What an import recorded is never changed or removed (as timestamp tokens, 0016).
APPEND_ONLY = ("package_import", "package_import_file", "imported_item", "imported_seal")


def upgrade() -> None:
    op.create_table(
        "package_import",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("package_name", sa.Text(), nullable=False),
        sa.Column("package_sha256", sa.String(64), nullable=False),
        sa.Column("source_office", sa.Text(), nullable=False),
        sa.Column("checkpoint", sa.LargeBinary(), nullable=False),
        sa.Column("checkpoint_signature", sa.LargeBinary(), nullable=False),
        sa.Column("checkpoint_certificate", sa.LargeBinary(), nullable=False),
        sa.Column("timestamp_response", sa.LargeBinary(), nullable=True),
        sa.Column("verdict", sa.Text(), nullable=False),
        sa.Column("imported_by", sa.String(64), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("record_sha256", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["mediation_case.id"],
                                name=op.f("fk_package_import_case_id_mediation_case")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_package_import")),
    )
    op.create_index(op.f("ix_package_import_case_id"), "package_import", ["case_id"])
    op.create_table(
        "package_import_file",
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(500), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["import_id"], ["package_import.id"],
                                name=op.f("fk_package_import_file_import_id_package_import")),
        sa.PrimaryKeyConstraint("import_id", "name", name=op.f("pk_package_import_file")),
    )
    op.create_table(
        "imported_item",
        sa.Column("item_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("origin_item_id", sa.Integer(), nullable=False),
        sa.Column("origin_record", sa.LargeBinary(), nullable=False),
        sa.Column("origin_record_sha256", sa.String(64), nullable=False),
        sa.Column("origin_entry", sa.LargeBinary(), nullable=False),
        sa.Column("origin_proof", sa.LargeBinary(), nullable=False),
        sa.Column("record_sha256", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["evidence_item.id"],
                                name=op.f("fk_imported_item_item_id_evidence_item")),
        sa.ForeignKeyConstraint(["import_id"], ["package_import.id"],
                                name=op.f("fk_imported_item_import_id_package_import")),
        sa.PrimaryKeyConstraint("item_id", name=op.f("pk_imported_item")),
    )
    op.create_index(op.f("ix_imported_item_import_id"), "imported_item", ["import_id"])
    op.create_index(op.f("ix_imported_item_origin_record_sha256"), "imported_item", ["origin_record_sha256"])
    op.create_table(
        "imported_seal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("signer", sa.Text(), nullable=False),
        sa.Column("certificate", sa.LargeBinary(), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["imported_item.item_id"],
                                name=op.f("fk_imported_seal_item_id_imported_item")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_imported_seal")),
    )
    op.create_index(op.f("ix_imported_seal_item_id"), "imported_seal", ["item_id"])
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
    for table in reversed(APPEND_ONLY):
        op.drop_table(table)
