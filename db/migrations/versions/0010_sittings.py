"""sittings and minutes: sittings, attendees, minutes entries, drafts, sealed minutes and addenda, signing
facts

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

SITTING_KINDS = ("mediation", "investigation")
SITTING_STATES = ("scheduled", "held", "adjourned", "cancelled")
ATTENDEE_ROLES = ("applicant", "respondent", "third-party", "agent", "mediator", "recorder", "expert",
                  "interpreter", "interviewee", "other")
ENTRY_KINDS = ("statement", "question", "answer", "note")
SEALED_KINDS = ("minutes", "addendum")
# Sealed records and signing facts are never changed or removed (the function from 0003 on PostgreSQL).
APPEND_ONLY = ("sealed_minutes", "minutes_signing")
# The parts of a sitting that are read-only once it is sealed or cancelled: "sealed minutes are read-only
# everywhere (service layer and database)" (issue 11).
SITTING_PARTS = ("sitting_attendee", "minutes_entry")
CLOSED = "(sealed_at IS NOT NULL OR state = 'cancelled')"


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{value}'" for value in values) + ")"


def upgrade() -> None:
    op.create_table(
        "sitting",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("place", sa.String(200), nullable=False),
        sa.Column("online", sa.Boolean(), nullable=False),
        sa.Column("matter", sa.Text(), nullable=False),
        sa.Column("rights_explained", sa.Boolean(), nullable=False),
        sa.Column("risk_warning", sa.Text(), nullable=False),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("cancel_reason", sa.Text(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("entry_count", sa.Integer(), nullable=False),
        sa.Column("sealed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(_one_of("kind", SITTING_KINDS), name=op.f("ck_sitting_known_kind")),
        sa.CheckConstraint(_one_of("state", SITTING_STATES), name=op.f("ck_sitting_known_state")),
        sa.ForeignKeyConstraint(["case_id"], ["mediation_case.id"],
                                name=op.f("fk_sitting_case_id_mediation_case")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sitting")),
    )
    op.create_index(op.f("ix_sitting_case_id"), "sitting", ["case_id"])
    op.create_index(op.f("ix_sitting_starts_at"), "sitting", ["starts_at"])
    op.create_table(
        "sitting_attendee",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sitting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("party_id", sa.Integer(), nullable=True),
        sa.Column("agent_id", sa.Integer(), nullable=True),
        sa.Column("login", sa.String(64), nullable=True),
        sa.CheckConstraint(_one_of("role", ATTENDEE_ROLES), name=op.f("ck_sitting_attendee_known_role")),
        sa.ForeignKeyConstraint(["sitting_id"], ["sitting.id"],
                                name=op.f("fk_sitting_attendee_sitting_id_sitting")),
        sa.ForeignKeyConstraint(["party_id"], ["party.id"], name=op.f("fk_sitting_attendee_party_id_party")),
        sa.ForeignKeyConstraint(["agent_id"], ["agent.id"], name=op.f("fk_sitting_attendee_agent_id_agent")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sitting_attendee")),
        sa.UniqueConstraint("sitting_id", "position", name=op.f("uq_sitting_attendee_sitting_id")),
    )
    op.create_index(op.f("ix_sitting_attendee_sitting_id"), "sitting_attendee", ["sitting_id"])
    op.create_table(
        "minutes_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sitting_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("speaker_role", sa.String(16), nullable=False),
        sa.Column("speaker", sa.String(100), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("spoken_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.String(64), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.CheckConstraint(_one_of("kind", ENTRY_KINDS), name=op.f("ck_minutes_entry_known_kind")),
        sa.CheckConstraint(_one_of("speaker_role", ATTENDEE_ROLES), name=op.f("ck_minutes_entry_known_role")),
        sa.ForeignKeyConstraint(["sitting_id"], ["sitting.id"],
                                name=op.f("fk_minutes_entry_sitting_id_sitting")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minutes_entry")),
        sa.UniqueConstraint("sitting_id", "seq", name=op.f("uq_minutes_entry_sitting_id")),
    )
    op.create_table(
        "minutes_draft",
        sa.Column("sitting_id", sa.Integer(), nullable=False),
        sa.Column("author", sa.String(64), nullable=False),
        sa.Column("speaker_role", sa.String(16), nullable=False),
        sa.Column("speaker", sa.String(100), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["sitting_id"], ["sitting.id"],
                                name=op.f("fk_minutes_draft_sitting_id_sitting")),
        sa.PrimaryKeyConstraint("sitting_id", "author", name=op.f("pk_minutes_draft")),
    )
    op.create_table(
        "sealed_minutes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sitting_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("corrects_seq", sa.Integer(), nullable=True),
        sa.Column("canonical", sa.Text(), nullable=False),
        sa.Column("record_sha256", sa.String(64), nullable=False),
        sa.Column("key_id", sa.Integer(), nullable=False),
        sa.Column("signer", sa.String(64), nullable=False),
        sa.Column("sealed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
        sa.CheckConstraint(_one_of("kind", SEALED_KINDS), name=op.f("ck_sealed_minutes_known_kind")),
        sa.ForeignKeyConstraint(["sitting_id"], ["sitting.id"],
                                name=op.f("fk_sealed_minutes_sitting_id_sitting")),
        sa.ForeignKeyConstraint(["key_id"], ["signing_key.id"],
                                name=op.f("fk_sealed_minutes_key_id_signing_key")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sealed_minutes")),
    )
    op.create_index(op.f("ix_sealed_minutes_sitting_id"), "sealed_minutes", ["sitting_id"])
    op.create_table(
        "minutes_signing",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.String(64), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("record_sha256", sa.String(64), nullable=False),
        sa.CheckConstraint(_one_of("role", ATTENDEE_ROLES), name=op.f("ck_minutes_signing_known_role")),
        sa.ForeignKeyConstraint(["record_id"], ["sealed_minutes.id"],
                                name=op.f("fk_minutes_signing_record_id_sealed_minutes")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minutes_signing")),
    )
    op.create_index(op.f("ix_minutes_signing_record_id"), "minutes_signing", ["record_id"])
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
    op.execute("""
        CREATE FUNCTION mediseal_sitting_closed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF OLD.sealed_at IS NOT NULL OR OLD.state = 'cancelled' THEN
                RAISE EXCEPTION 'mediseal: sitting % is sealed or cancelled (% refused)', OLD.id, TG_OP;
            END IF;
            IF TG_OP = 'DELETE' THEN
                RETURN OLD;
            END IF;
            RETURN NEW;
        END $$""")
    op.execute(f"""
        CREATE FUNCTION mediseal_sitting_part_closed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'INSERT' THEN
                IF EXISTS (SELECT 1 FROM sitting WHERE id = OLD.sitting_id AND {CLOSED}) THEN
                    RAISE EXCEPTION 'mediseal: % of a sealed or cancelled sitting is read-only (% refused)',
                        TG_TABLE_NAME, TG_OP;
                END IF;
            END IF;
            IF TG_OP = 'DELETE' THEN
                RETURN OLD;
            END IF;
            IF EXISTS (SELECT 1 FROM sitting WHERE id = NEW.sitting_id AND {CLOSED}) THEN
                RAISE EXCEPTION 'mediseal: % of a sealed or cancelled sitting is read-only (% refused)',
                    TG_TABLE_NAME, TG_OP;
            END IF;
            RETURN NEW;
        END $$""")
    op.execute("CREATE TRIGGER sitting_closed BEFORE UPDATE OR DELETE ON sitting "
               "FOR EACH ROW EXECUTE FUNCTION mediseal_sitting_closed()")
    for table in SITTING_PARTS:
        op.execute(f"CREATE TRIGGER {table}_sitting_closed BEFORE INSERT OR UPDATE OR DELETE ON {table} "
                   "FOR EACH ROW EXECUTE FUNCTION mediseal_sitting_part_closed()")


def _sqlite_triggers() -> None:
    for table in APPEND_ONLY:
        for action in ("UPDATE", "DELETE"):
            message = f"mediseal: {table} is append-only ({action} refused)"
            op.execute(f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                       f"BEGIN SELECT RAISE(ABORT, '{message}'); END")
    for action in ("UPDATE", "DELETE"):
        message = f"mediseal: sitting is sealed or cancelled ({action} refused)"
        op.execute(f"CREATE TRIGGER sitting_closed_no_{action.lower()} BEFORE {action} ON sitting "
                   f"WHEN OLD.sealed_at IS NOT NULL OR OLD.state = 'cancelled' "
                   f"BEGIN SELECT RAISE(ABORT, '{message}'); END")
    for table in SITTING_PARTS:
        for action, rows in (("INSERT", ("NEW",)), ("UPDATE", ("OLD", "NEW")), ("DELETE", ("OLD",))):
            when = " OR ".join(f"EXISTS (SELECT 1 FROM sitting WHERE id = {row}.sitting_id AND {CLOSED})"
                               for row in rows)
            message = f"mediseal: {table} of a sealed or cancelled sitting is read-only ({action} refused)"
            op.execute(f"CREATE TRIGGER {table}_closed_no_{action.lower()} BEFORE {action} ON {table} "
                       f"WHEN {when} BEGIN SELECT RAISE(ABORT, '{message}'); END")


def downgrade() -> None:
    for table in ("minutes_signing", "sealed_minutes", "minutes_draft", "minutes_entry", "sitting_attendee",
                  "sitting"):
        op.drop_table(table)  # indexes and triggers go with it
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION mediseal_sitting_part_closed()")
        op.execute("DROP FUNCTION mediseal_sitting_closed()")
