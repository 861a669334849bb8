"""Shared fixtures: isolated settings, cheap key derivation, data folders on SQLite and on a throwaway
PostgreSQL cluster (each migrated once per run into a template that tests copy)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from PySide6.QtWidgets import QApplication

from db import migrate
from db.engine import open_database, sqlite_url
from desktop.config import SPECS, Settings
from desktop.core.storage.datafolder import DATABASE_FILE_NAME
from desktop.core.storage.store import OpenStore, open_store
from desktop.core.trust import passwords
from desktop.core.trust.pki import key_files
from desktop.ui.framework.collector import install_collector
from tests.postgres_cluster import PostgresCluster, find_server_bin

REQUIRE_POSTGRES = os.environ.get("MEDISEAL_REQUIRE_POSTGRES") == "1"
TEMPLATE_DATABASE = "mediseal_template"

# argon2id and scrypt at their lowest costs. The real functions still run, and the parameters travel in
# every hash and key file, so a hash made here verifies anywhere; only the work factor is small. At the
# production costs (argon2id 64 MiB x 3, ~0.75 s; scrypt N=2**15) they took over a third of the suite.
CHEAP_PASSWORD_HASHER = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)
CHEAP_SCRYPT_N = 2**10
# Modules about the key derivation itself keep the production costs.
REAL_KEY_DERIVATION_MODULES = frozenset({"tests.test_keys"})


@pytest.fixture(scope="session", autouse=True)
def _gui_thread_collector(qapp: QApplication) -> None:
    """Garbage collection on the GUI thread only, as the app has it (``application()``); automatic
    collection on an op's worker thread freed widgets there and crashed the suite now and then."""
    install_collector(qapp)


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No developer's MEDISEAL_* variable leaks into a test."""
    for spec in SPECS:
        monkeypatch.delenv(spec.env, raising=False)


@pytest.fixture(autouse=True)
def _cheap_key_derivation(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Cheap password hashing and key-file encryption, unless the test is marked ``real_kdf`` (a test
    that a slow hash on the GUI thread must make fail needs the real cost) or is about them."""
    real = request.node.get_closest_marker("real_kdf") is not None
    if not real and request.module.__name__ not in REAL_KEY_DERIVATION_MODULES:
        monkeypatch.setattr(passwords, "_HASHER", CHEAP_PASSWORD_HASHER)
        monkeypatch.setattr(key_files, "SCRYPT_N", CHEAP_SCRYPT_N)
    passwords.dummy_hash.cache_clear()  # made at the cost in force, as an unknown user's check must be
    yield
    passwords.dummy_hash.cache_clear()


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
        cluster.admin(f"CREATE DATABASE {TEMPLATE_DATABASE}")
        template = open_database(cluster.url(TEMPLATE_DATABASE))
        migrate.upgrade(template)
        template.dispose()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def postgres_url(postgres_cluster: PostgresCluster) -> Iterator[str]:
    """A fresh, empty database (no schema) on the cluster."""
    name = postgres_cluster.create_database()
    yield postgres_cluster.url(name)
    postgres_cluster.drop_database(name)


@pytest.fixture
def migrated_postgres_url(postgres_cluster: PostgresCluster) -> Iterator[str]:
    """A database copied from the migrated template: the schema is at head, no data."""
    name = postgres_cluster.create_database(template=TEMPLATE_DATABASE)
    yield postgres_cluster.url(name)
    postgres_cluster.drop_database(name)


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


CLI_ADMIN_PASSWORD = "admin-password-1"


@pytest.fixture
def cli_env(empty_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """A new data folder set up through ``mediseal init`` (office 玉溪调解中心, administrator ``admin``), with
    the environment the command line reads pointing at it and acting as ``admin``."""
    from desktop.cli import EXIT_OK, run

    monkeypatch.setenv("MEDISEAL_DATA_DIR", str(empty_settings.data_dir))
    if empty_settings.database_url:
        monkeypatch.setenv("MEDISEAL_DATABASE_URL", empty_settings.database_url)
    monkeypatch.setenv("MEDISEAL_NEW_PASSWORD", CLI_ADMIN_PASSWORD)
    assert run(["init", "--office", "玉溪调解中心", "--admin", "admin", "--real-name", "张伟"]) == EXIT_OK
    monkeypatch.setenv("MEDISEAL_USER", "admin")
    monkeypatch.setenv("MEDISEAL_PASSWORD", CLI_ADMIN_PASSWORD)
    return empty_settings
