"""Migrations from empty and from every earlier revision, on SQLite and PostgreSQL; models match."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select, text

from db import migrate, revisions
from db.engine import open_database, sqlite_url
from db.models import AppMeta, Base, EvidenceItem, MediationCase, Office, utc_now
from desktop import __version__
from desktop.config import Settings
from desktop.core.cases import matters
from desktop.core.errors import InvalidInput
from desktop.core.integrity.canonical import format_time, record_digest
from desktop.core.storage.datafolder import DATABASE_FILE_NAME
from desktop.core.storage.store import open_store


def _schema_diff(url: str) -> list[object]:
    database = open_database(url)
    try:
        with database.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            return list(compare_metadata(context, Base.metadata))
    finally:
        database.dispose()


def _url(settings: Settings) -> str:
    return settings.database_url or sqlite_url(settings.data_dir / DATABASE_FILE_NAME)


def test_revision_files_agree_with_alembic() -> None:
    # db.revisions reads file names (fast, before SQLAlchemy loads); Alembic reads the scripts.
    known = revisions.known_revisions()
    assert known == migrate.alembic_revisions()
    assert known[0] == "0001" and known[-1] == revisions.head_revision()
    assert len(set(known)) == len(known)


def test_from_empty_to_head_matches_models(empty_settings: Settings) -> None:
    store = open_store(empty_settings)
    try:
        assert store.migration.from_revision is None
        assert store.migration.to_revision == revisions.head_revision()
        assert store.migration.backup is None
        tables = set(inspect(store.database.engine).get_table_names())
        assert {"app_meta", "office", "alembic_version"} <= tables
        with store.database.session_scope() as session:
            meta = {row.key: row.value for row in session.scalars(select(AppMeta))}
        assert meta == {"created_with": __version__, "last_opened_with": __version__,
                        "schema_revision": revisions.head_revision()}
    finally:
        store.close()
    assert _schema_diff(_url(empty_settings)) == []


@pytest.mark.parametrize("start", revisions.known_revisions()[:-1])
def test_upgrade_from_earlier_revision_keeps_data(empty_settings: Settings, start: str) -> None:
    url = _url(empty_settings)
    empty_settings.data_dir.mkdir(parents=True)
    database = open_database(url)
    sqlite_path = None if empty_settings.database_url else empty_settings.data_dir / DATABASE_FILE_NAME
    migrate.upgrade(database, sqlite_path, target=start)
    with database.session_scope() as session:
        session.add(AppMeta(key="created_with", value="0.0.1", updated_at=utc_now()))
    database.dispose()

    store = open_store(empty_settings)
    try:
        assert store.migration.from_revision == start
        assert store.migration.to_revision == revisions.head_revision()
        with store.database.session_scope() as session:
            assert session.get(AppMeta, "created_with").value == "0.0.1"  # kept, not overwritten
            assert session.get(AppMeta, "last_opened_with").value == __version__
        if sqlite_path is not None:
            # The file was copied aside before the upgrade, and the copy is still at the old revision.
            assert store.migration.backup is not None and store.migration.backup.exists()
            assert revisions.sqlite_revision(store.migration.backup) == start
        else:
            assert store.migration.backup is None
    finally:
        store.close()
    assert _schema_diff(url) == []


def test_downgrade_to_base_and_up_again(empty_settings: Settings) -> None:
    store = open_store(empty_settings)
    store.close()
    database = open_database(_url(empty_settings))
    try:
        migrate.downgrade(database, "base")
        assert set(inspect(database.engine).get_table_names()) <= {"alembic_version"}
        migrate.upgrade(database)
        assert migrate.database_revision(database) == revisions.head_revision()
    finally:
        database.dispose()


def _folder_fingerprint(folder: Path) -> dict[str, str]:
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            if path.is_file() else "dir" for path in sorted(folder.rglob("*"))}


def test_newer_schema_is_refused_and_nothing_touched(empty_settings: Settings) -> None:
    open_store(empty_settings).close()
    database = open_database(_url(empty_settings))
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    database.dispose()
    before = _folder_fingerprint(empty_settings.data_dir)

    with pytest.raises(InvalidInput, match="newer Mediseal") as caught:
        open_store(empty_settings)

    assert caught.value.fields["revision"] == "9999"
    assert _folder_fingerprint(empty_settings.data_dir) == before
    database = open_database(_url(empty_settings))
    try:
        assert migrate.database_revision(database) == "9999"
    finally:
        database.dispose()


def test_a_file_that_is_not_a_database_is_refused(data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / DATABASE_FILE_NAME).write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(InvalidInput, match="not a Mediseal database"):
        open_store(Settings(data_dir=data_dir, database_url=None, lang=None))
    assert (data_dir / DATABASE_FILE_NAME).read_bytes() == b"this is not sqlite" * 100
    assert sorted(p.name for p in data_dir.iterdir()) == [DATABASE_FILE_NAME]


def test_sqlite_connection_settings(sqlite_store) -> None:
    with sqlite_store.database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30_000


def test_backup_is_a_consistent_sqlite_copy(sqlite_store) -> None:
    copy = migrate.backup_sqlite(sqlite_store.folder.database_file, "test")
    with sqlite3.connect(copy) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == \
            revisions.head_revision()


def test_0005_gives_an_existing_office_the_default_idle_lock(empty_settings: Settings) -> None:
    url = _url(empty_settings)
    empty_settings.data_dir.mkdir(parents=True)
    database = open_database(url)
    sqlite_path = None if empty_settings.database_url else empty_settings.data_dir / DATABASE_FILE_NAME
    migrate.upgrade(database, sqlite_path, target="0004")
    with database.engine.begin() as connection:
        connection.execute(text("INSERT INTO office (id, name, case_number_prefix, created_at) "
                                "VALUES (1, '昆明调解中心', '云知调', :now)"), {"now": utc_now()})
    database.dispose()
    store = open_store(empty_settings)
    try:
        with store.database.session_scope() as session:
            row = session.get(Office, 1)
            assert (row.name, row.idle_lock_minutes) == ("昆明调解中心", 15)
    finally:
        store.close()


def test_0008_makes_existing_cases_mediation_cases_with_their_numbers(empty_settings: Settings) -> None:
    url = _url(empty_settings)
    empty_settings.data_dir.mkdir(parents=True)
    database = open_database(url)
    sqlite_path = None if empty_settings.database_url else empty_settings.data_dir / DATABASE_FILE_NAME
    migrate.upgrade(database, sqlite_path, target="0007")
    opened = datetime(2026, 3, 1, 2, 0, tzinfo=UTC)
    with database.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO mediation_case (id, number, year, serial, case_type, title, created_by, created_at) "
            "VALUES (7, '(2026)云知调字第0001号', 2026, 1, 'copyright', '某图片著作权纠纷', 'lihua', :at)"),
            {"at": opened})
        connection.execute(text("INSERT INTO blob (sha256, sm3, size, stored_at) VALUES (:h, :h, 1, :at)"),
                           {"h": "ab" * 32, "at": opened})
        connection.execute(text(
            "INSERT INTO evidence_item (id, case_id, blob_sha256, original_name, size, sm3, mime_type, "
            "source_kind, acquired_by, device, note, ingested_by, ingested_at, record_sha256) VALUES "
            "(1, 7, :h, 'a.png', 1, :h, 'image/png', 'party', '', '', '', 'lihua', :at, :h)"),
            {"h": "ab" * 32, "at": opened})
    database.dispose()
    store = open_store(empty_settings)
    try:
        with store.database.session_scope() as session:
            row = session.get(MediationCase, 7)
            assert (row.kind, row.number, row.status, row.record_version, row.requests) == (
                "mediation", "(2026)云知调字第0001号", "accepted", 1, "[]")
            assert session.get(EvidenceItem, 1).case_id == 7
            # The record its case.opened entry digested (version 1) is the one verification recomputes.
            assert record_digest(matters.case_record(row)) == record_digest({
                "type": "case", "version": 1, "number": "(2026)云知调字第0001号", "case_type": "copyright",
                "title": "某图片著作权纠纷", "created_by": "lihua", "created_at": format_time(opened)})
            # A notarial matter may now take serial 1 of the same year; a second mediation serial 1 may not.
            session.add(MediationCase(kind="notarial", number="（2026）云昆证字第0001号", year=2026, serial=1,
                                      case_type="other", title="证据保全", created_by="lihua"))
            session.flush()
    finally:
        store.close()


def test_office_series_keep_an_existing_offices_numbers_and_down_again(empty_settings: Settings) -> None:
    """An office from before the two series: its prefix holds its word (云知调), so the word is empty and the
    numbers do not change; no notarial series. Downgrading puts the word back into the prefix."""
    from desktop.core.office.office import MatterKind, OfficeInfo, get_office

    series = next(path.name[:4] for path in revisions.VERSIONS_DIR.glob("*_office_series.py"))
    before = revisions.known_revisions()[revisions.known_revisions().index(series) - 1]
    url = _url(empty_settings)
    empty_settings.data_dir.mkdir(parents=True)
    database = open_database(url)
    sqlite_path = None if empty_settings.database_url else empty_settings.data_dir / DATABASE_FILE_NAME
    migrate.upgrade(database, sqlite_path, target=before)
    with database.engine.begin() as connection:
        connection.execute(text("INSERT INTO office (id, name, case_number_prefix, created_at) "
                                "VALUES (1, '昆明调解中心', '云知调', :now)"), {"now": utc_now()})
    database.dispose()
    store = open_store(empty_settings)
    try:
        with store.database.session_scope() as session:
            info = get_office(session)
            session.get(Office, 1).case_number_prefix = "云知"  # split from its word, as Settings may
            session.get(Office, 1).mediation_word = "调"
            session.get(Office, 1).notarial_prefix = "云昆"
            session.get(Office, 1).notarial_word = "证"
    finally:
        store.close()
    assert info == OfficeInfo("昆明调解中心", "云知调", "", None, None)
    assert info.number_head(MatterKind.MEDIATION) == "云知调"
    database = open_database(url)
    try:
        migrate.downgrade(database, before)
        with database.engine.connect() as connection:
            assert connection.execute(text("SELECT case_number_prefix FROM office")).scalar_one() == "云知调"
        columns = {column["name"] for column in inspect(database.engine).get_columns("office")}
        assert "mediation_word" not in columns and "notarial_prefix" not in columns
    finally:
        database.dispose()
