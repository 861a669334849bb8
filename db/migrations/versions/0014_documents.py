"""the documents Mediseal printed for a case (kind, template, generator, check code, PDF digest and bytes,
signature, canonical record) and their prints

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

DOCUMENT_KINDS = ("registration", "rights-notice", "agreement", "supplementary-agreement", "application",
                  "commitment", "evidence-list", "minutes", "address-confirmation", "oral-agreement", "visit",
                  "file-cover", "preservation")
# Documents and prints are never changed or removed; the database refuses (as 0004, 0008, 0012).
APPEND_ONLY = ("document", "document_print")


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{value}'" for value in values) + ")"


def upgrade() -> None:
    op.create_table(
        "document",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("request", sa.Text(), nullable=False),
        sa.Column("template_version", sa.Integer(), nullable=False),
        sa.Column("generator", sa.String(64), nullable=False),
        sa.Column("check_code", sa.String(16), nullable=False),
        sa.Column("pdf_sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("signed", sa.Boolean(), nullable=False),
        sa.Column("signer", sa.String(64), nullable=True),
        sa.Column("key_id", sa.Integer(), nullable=True),
        sa.Column("certificate_sha256", sa.String(64), nullable=True),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("canonical", sa.Text(), nullable=False),
        sa.Column("record_sha256", sa.String(64), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.CheckConstraint(_one_of("kind", DOCUMENT_KINDS), name=op.f("ck_document_known_kind")),
        sa.ForeignKeyConstraint(["case_id"], ["mediation_case.id"],
                                name=op.f("fk_document_case_id_mediation_case")),
        sa.ForeignKeyConstraint(["key_id"], ["signing_key.id"], name=op.f("fk_document_key_id_signing_key")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document")),
    )
    op.create_index(op.f("ix_document_case_id"), "document", ["case_id"])
    op.create_index(op.f("ix_document_pdf_sha256"), "document", ["pdf_sha256"])
    op.create_table(
        "document_print",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("printed_by", sa.String(64), nullable=False),
        sa.Column("printed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("pages", sa.String(100), nullable=False),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.Column("printer", sa.String(200), nullable=False),
        sa.Column("canonical", sa.Text(), nullable=False),
        sa.Column("record_sha256", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["document.id"],
                                name=op.f("fk_document_print_document_id_document")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_print")),
    )
    op.create_index(op.f("ix_document_print_document_id"), "document_print", ["document_id"])
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
    op.drop_index(op.f("ix_document_print_document_id"), table_name="document_print")
    op.drop_table("document_print")
    op.drop_index(op.f("ix_document_pdf_sha256"), table_name="document")
    op.drop_index(op.f("ix_document_case_id"), table_name="document")
    op.drop_table("document")
