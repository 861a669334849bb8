"""cases in full: two kinds of matter with their own number series, case details, status and derived list
columns; parties, agents and their record versions; workflow moves; assigned mediators

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

OLD_TYPES = ("patent", "trademark", "copyright", "trade-secret", "plant-variety",
             "geographical-indication", "unfair-competition", "other")
CASE_TYPES = ("patent", "trademark", "copyright", "trade-secret", "plant-variety",
              "geographical-indication", "ic-layout", "unfair-competition", "other")
CASE_STATUSES = ("registered", "accepted", "not-accepted", "in-mediation", "agreement", "failed", "withdrawn",
                 "performing", "performed", "confirmation-applied", "confirmed", "rejected", "closed")
# Versions and moves are never changed or removed; the database refuses (as for evidence, 0004).
APPEND_ONLY = ("record_version", "case_move")


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{value}'" for value in values) + ")"


def upgrade() -> None:
    # The cases that exist become mediation cases, numbers unchanged; their record stays version 1 and
    # their status "accepted" (their opening was logged as 受理).
    with op.batch_alter_table("mediation_case") as batch:
        batch.add_column(sa.Column("kind", sa.String(16), nullable=False, server_default="mediation"))
        batch.add_column(sa.Column("record_version", sa.Integer(), nullable=False, server_default="1"))
        batch.add_column(sa.Column("revision", sa.Integer(), nullable=False, server_default="1"))
        batch.add_column(sa.Column("patent_kind", sa.String(16), nullable=True))
        batch.add_column(sa.Column("summary", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("requests", sa.Text(), nullable=False, server_default="[]"))
        batch.add_column(sa.Column("amount_claimed", sa.Numeric(18, 2), nullable=True))
        batch.add_column(sa.Column("received_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("source", sa.String(24), nullable=True))
        batch.add_column(sa.Column("court_name", sa.String(100), nullable=True))
        batch.add_column(sa.Column("court_case_number", sa.String(64), nullable=True))
        batch.add_column(sa.Column("procedure", sa.String(16), nullable=True))
        batch.add_column(sa.Column("time_limit_days", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("cited_matter_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("status", sa.String(24), nullable=False, server_default="accepted"))
        batch.add_column(sa.Column("agreement_effective_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("foreign_related", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
        batch.add_column(sa.Column("next_deadline", sa.Date(), nullable=True))
        batch.add_column(sa.Column("party_names", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("mediator_names", sa.Text(), nullable=False, server_default=""))
        batch.create_foreign_key(op.f("fk_mediation_case_cited_matter_id_mediation_case"), "mediation_case",
                                 ["cited_matter_id"], ["id"])
        batch.drop_constraint(op.f("uq_mediation_case_year"), type_="unique")
        batch.create_unique_constraint(op.f("uq_mediation_case_kind"), ["kind", "year", "serial"])
        batch.drop_constraint(op.f("ck_mediation_case_known_type"), type_="check")
        batch.create_check_constraint(op.f("ck_mediation_case_known_type"), _one_of("case_type", CASE_TYPES))
        batch.create_check_constraint(op.f("ck_mediation_case_known_kind"),
                                      _one_of("kind", ("mediation", "notarial")))
        batch.create_check_constraint(op.f("ck_mediation_case_known_status"),
                                      _one_of("status", CASE_STATUSES))
    op.create_index(op.f("ix_mediation_case_case_type"), "mediation_case", ["case_type"])
    op.create_index(op.f("ix_mediation_case_received_on"), "mediation_case", ["received_on"])
    op.create_index(op.f("ix_mediation_case_next_deadline"), "mediation_case", ["next_deadline"])
    op.create_index("ix_mediation_case_kind_status", "mediation_case", ["kind", "status"])
    op.create_index("ix_mediation_case_number_order", "mediation_case", ["year", "kind", "serial"])

    op.create_table(
        "party",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(_one_of("role", ("applicant", "respondent", "third-party")),
                           name=op.f("ck_party_known_role")),
        sa.CheckConstraint(_one_of("kind", ("person", "organisation")), name=op.f("ck_party_known_kind")),
        sa.ForeignKeyConstraint(["case_id"], ["mediation_case.id"],
                                name=op.f("fk_party_case_id_mediation_case")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_party")),
    )
    op.create_index(op.f("ix_party_case_id"), "party", ["case_id"])
    op.create_index(op.f("ix_party_name"), "party", ["name"])
    op.create_table(
        "agent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("party_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["mediation_case.id"],
                                name=op.f("fk_agent_case_id_mediation_case")),
        sa.ForeignKeyConstraint(["party_id"], ["party.id"], name=op.f("fk_agent_party_id_party")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agent")),
    )
    op.create_index(op.f("ix_agent_case_id"), "agent", ["case_id"])
    op.create_index(op.f("ix_agent_party_id"), "agent", ["party_id"])
    op.create_index(op.f("ix_agent_name"), "agent", ["name"])
    op.create_table(
        "record_version",
        sa.Column("subject", sa.String(100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("canonical", sa.Text(), nullable=False),
        sa.Column("record_sha256", sa.String(64), nullable=False),
        sa.Column("saved_by", sa.String(64), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("subject", "version", name=op.f("pk_record_version")),
    )
    op.create_table(
        "case_move",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("from_status", sa.String(24), nullable=False),
        sa.Column("to_status", sa.String(24), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=True),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("moved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("record_sha256", sa.String(64), nullable=False),
        sa.CheckConstraint(_one_of("to_status", CASE_STATUSES), name=op.f("ck_case_move_known_status")),
        sa.ForeignKeyConstraint(["case_id"], ["mediation_case.id"],
                                name=op.f("fk_case_move_case_id_mediation_case")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_move")),
    )
    op.create_index(op.f("ix_case_move_case_id"), "case_move", ["case_id"])
    op.create_table(
        "case_mediator",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("mediator", sa.String(64), nullable=False),
        sa.Column("conflict", sa.Boolean(), nullable=False),
        sa.Column("declaration", sa.Text(), nullable=False),
        sa.Column("assigned_by", sa.String(64), nullable=False),
        sa.Column("assigned_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("record_sha256", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["mediation_case.id"],
                                name=op.f("fk_case_mediator_case_id_mediation_case")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_mediator")),
        sa.UniqueConstraint("case_id", "mediator", name=op.f("uq_case_mediator_case_id")),
    )
    op.create_index(op.f("ix_case_mediator_case_id"), "case_mediator", ["case_id"])
    op.create_index(op.f("ix_case_mediator_mediator"), "case_mediator", ["mediator"])
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
    for table in ("case_mediator", "case_move", "record_version", "agent", "party"):
        op.drop_table(table)  # indexes and triggers go with it
    for index in ("ix_mediation_case_number_order", "ix_mediation_case_kind_status",
                  op.f("ix_mediation_case_next_deadline"), op.f("ix_mediation_case_received_on"),
                  op.f("ix_mediation_case_case_type")):
        op.drop_index(index, table_name="mediation_case")
    op.execute("DELETE FROM mediation_case WHERE kind <> 'mediation'")
    with op.batch_alter_table("mediation_case") as batch:
        batch.drop_constraint(op.f("ck_mediation_case_known_status"), type_="check")
        batch.drop_constraint(op.f("ck_mediation_case_known_kind"), type_="check")
        batch.drop_constraint(op.f("ck_mediation_case_known_type"), type_="check")
        batch.create_check_constraint(op.f("ck_mediation_case_known_type"), _one_of("case_type", OLD_TYPES))
        batch.drop_constraint(op.f("uq_mediation_case_kind"), type_="unique")
        batch.create_unique_constraint(op.f("uq_mediation_case_year"), ["year", "serial"])
        batch.drop_constraint(op.f("fk_mediation_case_cited_matter_id_mediation_case"), type_="foreignkey")
        for column in ("mediator_names", "party_names", "next_deadline", "foreign_related",
                       "agreement_effective_on", "status", "cited_matter_id", "time_limit_days", "procedure",
                       "court_case_number", "court_name", "source", "received_on", "amount_claimed",
                       "requests", "summary", "patent_kind", "revision", "record_version", "kind"):
            batch.drop_column(column)
