"""The office's own services: one-transaction setup (shared by ``mediseal init`` and the wizard) and the
office settings only an administrator changes, each change a ledger entry. Both databases."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from desktop.cli import run
from desktop.config import Settings
from desktop.core.errors import InvalidInput, NotAllowed, NotFound
from desktop.core.integrity.canonical import record_digest
from desktop.core.office import office
from desktop.core.office.settings import (
    IDLE_LOCK_DEFAULT_MINUTES,
    OfficeSettings,
    office_settings,
    set_idle_lock_minutes,
)
from desktop.core.office.setup import set_up
from desktop.core.storage.store import OpenStore, open_store
from desktop.core.trust import ledger, passwords, signing_keys, users
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Role
from desktop.core.trust.pki import key_files

PASSWORD = "admin-password-1"


@pytest.fixture(autouse=True)
def cheap_key_derivation(monkeypatch: pytest.MonkeyPatch) -> None:
    """Real argon2id and scrypt at their lowest costs: these tests are about the office."""
    cheap = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)
    monkeypatch.setattr(passwords, "_HASHER", cheap)
    monkeypatch.setattr(key_files, "SCRYPT_N", 2**10)


def test_set_up_records_office_administrator_and_key_in_one_transaction(store: OpenStore) -> None:
    with store.database.session_scope() as session:
        result = set_up(session, office.OfficeInfo("昆明调解中心", "云知调"), "admin", PASSWORD, "张伟",
                        with_key=True)
    assert result.office == office.OfficeInfo("昆明调解中心", "云知调")
    assert result.administrator.name == "admin" and result.administrator.roles == {Role.ADMIN}
    assert result.key is not None and result.key.owner == "admin"
    with store.database.session_scope() as session:
        assert office.get_office(session) == result.office
        keys = signing_keys.list_keys(session, "admin")
        assert [key.fingerprint for key in keys] == [result.key.fingerprint]
        kinds = [entry.kind for entry in ledger.iter_entries(session)]
    assert kinds == [EventKind.USER_CREATED, EventKind.OFFICE_CREATED, EventKind.KEY_CREATED]


def test_set_up_keeps_nothing_when_a_part_fails(store: OpenStore) -> None:
    with pytest.raises(InvalidInput), store.database.session_scope() as session:
        # The password is too short.
        set_up(session, office.OfficeInfo("昆明调解中心", "云知调"), "admin", "short", "张伟")
    with store.database.session_scope() as session:
        assert office.get_office(session) is None and users.user_count(session) == 0
        assert ledger.size(session) == 0


def test_set_up_without_office_needs_one_and_refuses_a_second_administrator(store: OpenStore) -> None:
    with pytest.raises(NotFound), store.database.session_scope() as session:
        set_up(session, None, "admin", PASSWORD, "张伟")
    with store.database.session_scope() as session:
        office.create_office(session, "丽江调解中心", "云丽调")
    with store.database.session_scope() as session:
        assert set_up(session, None, "admin", PASSWORD, "张伟").office.name == "丽江调解中心"
    with pytest.raises(NotAllowed), store.database.session_scope() as session:
        set_up(session, None, "second", PASSWORD, "李四")


def test_cli_init_with_key_uses_the_same_setup(empty_settings: Settings, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    if empty_settings.database_url:
        monkeypatch.setenv("MEDISEAL_DATABASE_URL", empty_settings.database_url)
    monkeypatch.setenv("MEDISEAL_NEW_PASSWORD", PASSWORD)
    assert run(["init", "--data-dir", str(empty_settings.data_dir), "--office", "大理调解中心",
                "--prefix", "云理调", "--admin", "zhang", "--real-name", "张伟", "--with-key"]) == 0
    out = capsys.readouterr().out
    assert "Signing key:" in out
    store = open_store(empty_settings)
    try:
        with store.database.session_scope() as session:
            assert [key.owner for key in signing_keys.list_keys(session)] == ["zhang"]
    finally:
        store.close()


@pytest.fixture
def staffed(store: OpenStore) -> OpenStore:
    with store.database.session_scope() as session:
        result = set_up(session, office.OfficeInfo("测试中心", "测调"), "admin", PASSWORD, "张伟")
        users.add_user(session, result.administrator, "wang", frozenset({Role.CLERK, Role.NOTARY}),
                       "clerk-password-1", "王强")
    return store


def test_only_an_administrator_sets_the_idle_lock_and_it_is_logged(staffed: OpenStore) -> None:
    database = staffed.database
    with database.session_scope() as session:
        assert office_settings(session).idle_lock_minutes == IDLE_LOCK_DEFAULT_MINUTES
        before = ledger.size(session)
    clerk = users.sign_in(database, "wang", "clerk-password-1")
    with pytest.raises(NotAllowed, match="change the office's settings"), database.session_scope() as session:
        set_idle_lock_minutes(session, clerk, 240)
    admin = users.sign_in(database, "admin", PASSWORD)
    for bad in (0, -1, 241, True):
        with pytest.raises(InvalidInput) as caught, database.session_scope() as session:
            set_idle_lock_minutes(session, admin, bad)
        assert caught.value.fields["field"] == "idle_lock_minutes"
    with database.session_scope() as session:
        assert set_idle_lock_minutes(session, admin, 5) == OfficeSettings(5)
    with database.session_scope() as session:
        set_idle_lock_minutes(session, admin, 5)  # unchanged: nothing logged
        assert office_settings(session).idle_lock_minutes == 5
        changes = [entry for entry in ledger.iter_entries(session, before)
                   if entry.kind == EventKind.OFFICE_SETTING_CHANGED]
    assert [(entry.actor, entry.subject, entry.subject_sha256) for entry in changes] == [
        ("admin", "office:settings", record_digest(OfficeSettings(5).record()))]


def test_a_signed_out_administrator_changes_nothing(staffed: OpenStore) -> None:
    admin = users.sign_in(staffed.database, "admin", PASSWORD)
    admin.sign_in.end()
    with pytest.raises(NotAllowed, match="signed out"), staffed.database.session_scope() as session:
        set_idle_lock_minutes(session, admin, 30)
    with staffed.database.session_scope() as session:
        assert office_settings(session).idle_lock_minutes == IDLE_LOCK_DEFAULT_MINUTES


def test_idle_lock_without_office_is_refused(store: OpenStore) -> None:
    with store.database.session_scope() as session:
        admin = users.create_first_admin(session, "admin", PASSWORD, "张伟")
    with pytest.raises(NotFound), store.database.session_scope() as session:
        set_idle_lock_minutes(session, admin, 30)


def test_the_start_up_hint_reads_a_sqlite_store_without_sqlalchemy(sqlite_store: OpenStore) -> None:
    path = sqlite_store.folder.database_file
    assert not office.looks_set_up(path)  # migrated, but no office yet
    with sqlite_store.database.session_scope() as session:
        set_up(session, office.OfficeInfo("测试中心", "测调"), "admin", PASSWORD, "张伟")
    assert office.looks_set_up(path)
    assert not office.looks_set_up(path.with_name("missing.db"))
    garbage = path.with_name("garbage.db")
    garbage.write_bytes(b"not a database" * 100)
    assert not office.looks_set_up(garbage)
