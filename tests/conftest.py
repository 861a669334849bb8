"""Shared fixtures: isolated settings, data folders on SQLite and on a throwaway PostgreSQL cluster."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from db import migrate
from db.engine import open_database, sqlite_url
from desktop.config import SPECS, Settings
from desktop.core.storage.datafolder import DATABASE_FILE_NAME
from desktop.core.storage.store import OpenStore, open_store
from tests.postgres_cluster import PostgresCluster, find_server_bin

REQUIRE_POSTGRES = os.environ.get("MEDISEAL_REQUIRE_POSTGRES") == "1"
TEMPLATE_DATABASE = "mediseal_template"


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No developer's MEDISEAL_* variable leaks into a test."""
    for spec in SPECS:
        monkeypatch.delenv(spec.env, raising=False)


# --- PostgreSQL -------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    bindir = find_server_bin()
    if bindir is None:
        reason = "no PostgreSQL server installed (initdb not on PATH nor in pg_config --bindir)"
        if REQUIRE_POSTGRES:
            pytest.fail(f"MEDISEAL_REQUIRE_POSTGRES=1 but {reason}")
        pytest.skip(reason)
    cluster = PostgresCluster(bindir)
    cluster.start()
    try:
        engine = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.execute(text(f"CREATE DATABASE {TEMPLATE_DATABASE}"))
        engine.dispose()
        template = open_database(cluster.url(TEMPLATE_DATABASE))
        migrate.upgrade(template)
        template.dispose()
        yield cluster
    finally:
        cluster.stop()


def _admin(cluster: PostgresCluster, sql: str) -> None:
    engine = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text(sql))
    finally:
        engine.dispose()


@pytest.fixture
def postgres_url(postgres_cluster: PostgresCluster) -> Iterator[str]:
    """A fresh, empty database (no schema) on the cluster."""
    name = postgres_cluster.new_database_name()
    _admin(postgres_cluster, f"CREATE DATABASE {name}")
    yield postgres_cluster.url(name)
    _admin(postgres_cluster, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def migrated_postgres_url(postgres_cluster: PostgresCluster) -> Iterator[str]:
    """A database copied from the migrated template: the schema is at head, no data."""
    name = postgres_cluster.new_database_name()
    _admin(postgres_cluster, f"CREATE DATABASE {name} TEMPLATE {TEMPLATE_DATABASE}")
    yield postgres_cluster.url(name)
    _admin(postgres_cluster, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


# --- SQLite -----------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite store migrated once per run; tests get copies (much faster than migrating each)."""
    path = tmp_path_factory.mktemp("template") / DATABASE_FILE_NAME
    database = open_database(sqlite_url(path))
    migrate.upgrade(database, path)
    database.dispose()
    return path


# --- both -------------------------------------------------------------------------------------------
@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    """Runs a test once on SQLite and once on PostgreSQL."""
    return str(request.param)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def empty_settings(backend: str, data_dir: Path, request: pytest.FixtureRequest) -> Settings:
    """Settings for a new data folder whose database has no schema yet."""
    url = request.getfixturevalue("postgres_url") if backend == "postgresql" else None
    return Settings(data_dir=data_dir, database_url=url, lang=None)


@pytest.fixture
def settings(backend: str, data_dir: Path, request: pytest.FixtureRequest) -> Settings:
    """Settings for a new data folder whose database is already at the head revision."""
    if backend == "postgresql":
        return Settings(data_dir=data_dir, database_url=request.getfixturevalue("migrated_postgres_url"),
                        lang=None)
    data_dir.mkdir(parents=True)
    shutil.copyfile(request.getfixturevalue("sqlite_template"), data_dir / DATABASE_FILE_NAME)
    return Settings(data_dir=data_dir, database_url=None, lang=None)


@pytest.fixture
def store(settings: Settings) -> Iterator[OpenStore]:
    opened = open_store(settings)
    yield opened
    opened.close()


@pytest.fixture
def sqlite_store(data_dir: Path, sqlite_template: Path) -> Iterator[OpenStore]:
    """A SQLite store at head, for tests (most GUI ones) that need not run on both databases."""
    data_dir.mkdir(parents=True)
    shutil.copyfile(sqlite_template, data_dir / DATABASE_FILE_NAME)
    opened = open_store(Settings(data_dir=data_dir, database_url=None, lang=None))
    yield opened
    opened.close()
