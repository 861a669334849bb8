"""evidence: minimal cases, vault blobs, evidence items, seals, preservation records

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Sealed things are never changed or removed (corrections are new rows); the database refuses.
APPEND_ONLY = ("blob", "evidence_item", "evidence_seal", "preservation_record")
CASE_TYPES = ("patent", "trademark", "copyright", "trade-secret", "plant-variety",
              "geographical-indication", "unfair-competition", "other")


def upgrade() -> None:
    op.create_index(op.f("ix_ledger_entry_subject"), "ledger_entry", ["subject"])
    op.create_table(
        "mediation_case",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(64), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=False),
        sa.Column("case_type", sa.String(32), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("case_type IN (" + ", ".join(f"'{kind}'" for kind in CASE_TYPES) + ")",
                           name=op.f("ck_mediation_case_known_type")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mediation_case")),
        sa.UniqueConstraint("number", name=op.f("uq_mediation_case_number")),
        sa.UniqueConstraint("year", "serial", name=op.f("uq_mediation_case_year")),
    )
    op.create_table(
        "blob",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("sm3", sa.String(64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("stored_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_blob")),
    )
    op.create_table(
        "evidence_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("blob_sha256", sa.String(64), nullable=False),
        sa.Column("original_name", sa.Text(), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("sm3", sa.String(64), nullable=False),
        sa.Column("mime_type", sa.String(128), nullable=False),
        sa.Column("source_kind", sa.String(32), nullable=False),
        sa.Column("source_url", sa.Text(), nullable=True),
        sa.Column("acquired_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("acquired_by", sa.String(200), nullable=False),
        sa.Column("device", sa.String(200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("ingested_by", sa.String(64), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("record_sha256", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["mediation_case.id"],
                                name=op.f("fk_evidence_item_case_id_mediation_case")),
        sa.ForeignKeyConstraint(["blob_sha256"], ["blob.sha256"],
                                name=op.f("fk_evidence_item_blob_sha256_blob")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_item")),
    )
    op.create_index(op.f("ix_evidence_item_case_id"), "evidence_item", ["case_id"])
    op.create_index(op.f("ix_evidence_item_blob_sha256"), "evidence_item", ["blob_sha256"])
    op.create_table(
        "evidence_seal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("key_id", sa.Integer(), nullable=False),
        sa.Column("signer", sa.String(64), nullable=False),
        sa.Column("sealed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("record_sha256", sa.String(64), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["evidence_item.id"],
                                name=op.f("fk_evidence_seal_item_id_evidence_item")),
        sa.ForeignKeyConstraint(["key_id"], ["signing_key.id"],
                                name=op.f("fk_evidence_seal_key_id_signing_key")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence_seal")),
    )
    op.create_index(op.f("ix_evidence_seal_item_id"), "evidence_seal", ["item_id"])
    op.create_table(
        "preservation_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("supersedes_id", sa.Integer(), nullable=True),
        sa.Column("canonical", sa.Text(), nullable=False),
        sa.Column("record_sha256", sa.String(64), nullable=False),
        sa.Column("key_id", sa.Integer(), nullable=False),
        sa.Column("signer", sa.String(64), nullable=False),
        sa.Column("sealed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["mediation_case.id"],
                                name=op.f("fk_preservation_record_case_id_mediation_case")),
        sa.ForeignKeyConstraint(["supersedes_id"], ["preservation_record.id"],
                                name=op.f("fk_preservation_record_supersedes_id_preservation_record")),
        sa.ForeignKeyConstraint(["key_id"], ["signing_key.id"],
                                name=op.f("fk_preservation_record_key_id_signing_key")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_preservation_record")),
    )
    op.create_index(op.f("ix_preservation_record_case_id"), "preservation_record", ["case_id"])
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
    for table in ("preservation_record", "evidence_seal", "evidence_item", "blob", "mediation_case"):
        op.drop_table(table)  # indexes and triggers go with it
    op.drop_index(op.f("ix_ledger_entry_subject"), table_name="ledger_entry")
