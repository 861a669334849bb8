"""The office's own services: one-transaction setup (shared by ``mediseal init`` and the wizard) and the
office settings only an administrator changes, each change a ledger entry. Both databases."""

from __future__ import annotations

import json
import re

import pytest
from argon2 import PasswordHasher
from sqlalchemy import text

from db import migrate, revisions
from db.engine import open_database, sqlite_url
from db.models import utc_now
from desktop.cli import EXIT_OK, EXIT_USAGE, run
from desktop.config import Settings
from desktop.core.errors import IntegrityError, InvalidInput, NotAllowed, NotFound
from desktop.core.integrity.canonical import record_digest
from desktop.core.office import office
from desktop.core.office.settings import (
    IDLE_LOCK_DEFAULT_MINUTES,
    OfficeSettings,
    office_settings,
    set_idle_lock_minutes,
)
from desktop.core.office.setup import set_up
from desktop.core.storage.datafolder import DATABASE_FILE_NAME
from desktop.core.storage.store import OpenStore, open_store
from desktop.core.trust import ledger, passwords, signing_keys, users
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Role
from desktop.core.trust.pki import key_files
from tests.tamper import behind_the_back

PASSWORD = "admin-password-1"
# The revision before the office's two series (found by its file name, whatever number it has).
SERIES_REVISION = next(path.name[:4] for path in revisions.VERSIONS_DIR.glob("*_office_series.py"))
BEFORE_SERIES = revisions.known_revisions()[revisions.known_revisions().index(SERIES_REVISION) - 1]


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


# --- two number series: mediation cases and notarial matters ----------------------------------------
def test_each_kind_of_matter_has_its_own_number_head() -> None:
    assert [str(kind) for kind in office.MatterKind] == ["mediation", "notarial"]  # stored: never renamed
    both = office.OfficeInfo("昆明公证处", "云知", "调", "云昆", "证")
    assert both.number_head(office.MatterKind.MEDIATION) == "云知调"
    assert both.number_head(office.MatterKind.NOTARIAL) == "云昆证"
    assert office.format_case_number(both.number_head(office.MatterKind.NOTARIAL), 2026, 1) == \
        "（2026）云昆证字第0001号"
    older = office.OfficeInfo("昆明调解中心", "云知调")  # a store from before the word stood apart
    assert older.number_head(office.MatterKind.MEDIATION) == "云知调"
    assert older.number_head(office.MatterKind.NOTARIAL) is None
    assert older.record_v1() == {"type": "office", "version": 1, "name": "昆明调解中心",
                                 "case_number_prefix": "云知调"}
    assert both.record_v1() is None and both.record()["version"] == 2


def test_the_series_are_validated_at_setup() -> None:
    info = office.validate_office(" 昆明公证处 ", " 云知 ", mediation_word=" 调 ", notarial_prefix="云昆",
                                  notarial_word="证")
    assert info == office.OfficeInfo("昆明公证处", "云知", "调", "云昆", "证")
    assert office.validate_office("昆明公证处", "云知调", notarial_prefix=" ", notarial_word="") == \
        office.OfficeInfo("昆明公证处", "云知调")  # no notarial series
    assert office.validate_office("昆明公证处", "云昆", notarial_prefix="云昆", notarial_word="外证") \
        .number_head(office.MatterKind.NOTARIAL) == "云昆外证"  # two-character words


@pytest.mark.parametrize(("fields", "field"), [
    ({"mediation_word": "调解调"}, "mediation_word"),
    ({"mediation_word": "字"}, "mediation_word"),
    ({"mediation_word": "调1"}, "mediation_word"),
    ({"mediation_word": "调\u202e"}, "mediation_word"),
    ({"notarial_prefix": "云昆"}, "notarial_word"),  # a prefix without its word
    ({"notarial_word": "证"}, "notarial_prefix"),  # a word without its prefix
    ({"notarial_prefix": "云 昆", "notarial_word": "证"}, "notarial_prefix"),
    ({"notarial_prefix": "云昆（", "notarial_word": "证"}, "notarial_prefix"),
    ({"notarial_prefix": "云" * 17, "notarial_word": "证"}, "notarial_prefix"),
    ({"notarial_prefix": "云昆", "notarial_word": "证证证"}, "notarial_word"),
    ({"notarial_prefix": "云昆", "notarial_word": "第"}, "notarial_word"),
    ({"notarial_prefix": "云知", "notarial_word": "调"}, "notarial_prefix"),  # the mediation head again
])
def test_bad_series_are_refused_naming_the_field(fields: dict[str, str], field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        office.validate_office("昆明公证处", "云知", **{"mediation_word": "调", **fields})
    assert caught.value.fields["field"] == field


def _office_entries(store: OpenStore) -> list[tuple[str, str | None]]:
    with store.database.session_scope() as session:
        return [(str(entry.kind), entry.subject_sha256)
                for entry in ledger.subject_entries(session, office.OFFICE_SUBJECT)]


def _office_findings(store: OpenStore) -> list[str]:
    from desktop.core.verification.store import verify_store

    with store.database.session_scope() as session:
        report = verify_store(session, store.vault)
    return [str(finding.code) for finding in report.errors]


@pytest.fixture
def two_series(store: OpenStore) -> OpenStore:
    """An office with both series, set up (logged at version 2), and a clerk ``wang``."""
    with store.database.session_scope() as session:
        result = set_up(session, office.OfficeInfo("昆明市明信公证处", "云知", "调", "云昆", "证"), "admin",
                        PASSWORD, "张伟")
        users.add_user(session, result.administrator, "wang", frozenset({Role.CLERK}), "clerk-password-1",
                       "王强")
    return store


def test_setup_records_both_series_at_record_version_2(two_series: OpenStore) -> None:
    with two_series.database.session_scope() as session:
        info = office.get_office(session)
    assert info == office.OfficeInfo("昆明市明信公证处", "云知", "调", "云昆", "证")
    assert info.record() == {"type": "office", "version": 2, "name": "昆明市明信公证处",
                             "case_number_prefix": "云知", "mediation_word": "调", "notarial_prefix": "云昆",
                             "notarial_word": "证"}
    assert _office_entries(two_series) == [(EventKind.OFFICE_CREATED, record_digest(info.record()))]
    assert _office_findings(two_series) == []


def test_an_administrator_changes_a_series_and_it_is_logged(two_series: OpenStore) -> None:
    clerk = users.sign_in(two_series.database, "wang", "clerk-password-1")
    with pytest.raises(NotAllowed, match="may not"), two_series.database.session_scope() as session:
        office.update_office(session, clerk, "昆明市明信公证处", "云知", notarial_prefix="云大")
    admin = users.sign_in(two_series.database, "admin", PASSWORD)
    with pytest.raises(InvalidInput) as caught, two_series.database.session_scope() as session:
        office.update_office(session, admin, "昆明市明信公证处", "云知", notarial_prefix="云知",
                             notarial_word="调")
    assert caught.value.fields["field"] == "notarial_prefix"
    with two_series.database.session_scope() as session:
        # What is not given stays: the mediation word and the notarial word.
        changed = office.update_office(session, admin, "昆明市明信公证处", "云知", notarial_prefix="云明")
    assert changed == office.OfficeInfo("昆明市明信公证处", "云知", "调", "云明", "证")
    with two_series.database.session_scope() as session:
        assert office.update_office(session, admin, "昆明市明信公证处", "云知") == changed  # nothing logged
    with two_series.database.session_scope() as session:
        removed = office.update_office(session, admin, "昆明市明信公证处", "云知", notarial_prefix="",
                                       notarial_word="")
    assert removed.number_head(office.MatterKind.NOTARIAL) is None
    assert _office_entries(two_series)[1:] == [(EventKind.OFFICE_UPDATED, record_digest(changed.record())),
                                               (EventKind.OFFICE_UPDATED, record_digest(removed.record()))]
    assert _office_findings(two_series) == []


@pytest.mark.parametrize("change", [
    "case_number_prefix = '云假'", "mediation_word = '解'", "mediation_word = ''",
    "notarial_prefix = '云假'", "notarial_word = '公'", "notarial_prefix = NULL, notarial_word = NULL"])
def test_a_series_changed_behind_the_apps_back_is_found_and_refused(two_series: OpenStore,
                                                                     change: str) -> None:
    behind_the_back(two_series, [(f"UPDATE office SET {change} WHERE id = 1", {})])
    assert _office_findings(two_series) == ["office-record-changed"]
    admin = users.sign_in(two_series.database, "admin", PASSWORD)
    with pytest.raises(IntegrityError, match="not what the ledger recorded"), \
            two_series.database.session_scope() as session:
        office.update_office(session, admin, "另一个公证处", "云知")


def test_a_store_logged_at_version_1_verifies_and_moves_to_version_2(empty_settings: Settings) -> None:
    """An office logged before the series stood apart (record version 1: name and prefix) verifies after
    the migration; its numbers do not change; the first change logs version 2."""
    empty_settings.data_dir.mkdir(parents=True)
    url = empty_settings.database_url or sqlite_url(empty_settings.data_dir / DATABASE_FILE_NAME)
    database = open_database(url)
    sqlite_path = None if empty_settings.database_url else empty_settings.data_dir / DATABASE_FILE_NAME
    migrate.upgrade(database, sqlite_path, target=BEFORE_SERIES)
    old_record = {"type": "office", "version": 1, "name": "昆明调解中心", "case_number_prefix": "云知调"}
    with database.session_scope() as session:
        session.execute(text("INSERT INTO office (id, name, case_number_prefix, created_at) "
                             "VALUES (1, '昆明调解中心', '云知调', :now)"), {"now": utc_now()})
        ledger.append(session, "admin", EventKind.OFFICE_CREATED, office.OFFICE_SUBJECT,
                      record_digest(old_record))
    database.dispose()

    store = open_store(empty_settings)
    try:
        with store.database.session_scope() as session:
            info = office.get_office(session)
            admin = users.create_first_admin(session, "admin", PASSWORD, "张伟")
        assert info == office.OfficeInfo("昆明调解中心", "云知调")
        assert info.number_head(office.MatterKind.MEDIATION) == "云知调"  # the numbers go on unchanged
        assert _office_findings(store) == []
        # The prefix split from its word gives the same numbers: still what version 1 recorded.
        behind_the_back(store, [("UPDATE office SET case_number_prefix = '云知', mediation_word = '调' "
                                 "WHERE id = 1", {})])
        assert _office_findings(store) == []
        # A notarial series version 1 cannot hold, set behind the app's back, is found.
        behind_the_back(store, [("UPDATE office SET notarial_prefix = '云昆', notarial_word = '证' "
                                 "WHERE id = 1", {})])
        assert _office_findings(store) == ["office-record-changed"]
        with pytest.raises(IntegrityError), store.database.session_scope() as session:
            office.update_office(session, admin, "昆明调解中心", "云知调", notarial_prefix="云大")
        behind_the_back(store, [("UPDATE office SET notarial_prefix = NULL, notarial_word = NULL "
                                 "WHERE id = 1", {})])
        with store.database.session_scope() as session:
            changed = office.update_office(session, admin, "昆明调解中心", "云知", mediation_word="调",
                                           notarial_prefix="云昆", notarial_word="证")
        assert _office_entries(store) == [(EventKind.OFFICE_CREATED, record_digest(old_record)),
                                          (EventKind.OFFICE_UPDATED, record_digest(changed.record()))]
        assert changed.record()["version"] == 2
        assert _office_findings(store) == []
    finally:
        store.close()


def test_cli_init_and_office_take_both_series(empty_settings: Settings, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    if empty_settings.database_url:
        monkeypatch.setenv("MEDISEAL_DATABASE_URL", empty_settings.database_url)
    monkeypatch.setenv("MEDISEAL_NEW_PASSWORD", PASSWORD)
    monkeypatch.setenv("MEDISEAL_DATA_DIR", str(empty_settings.data_dir))
    base = ["init", "--office", "昆明市明信公证处", "--admin", "admin", "--real-name", "张伟"]
    assert run([*base, "--prefix", "云知", "--notarial-word", "证证证"]) == EXIT_USAGE  # no prefix for it
    assert "notarial" in capsys.readouterr().err
    assert run([*base, "--prefix", "云知", "--notarial-prefix", "云昆"]) == EXIT_OK
    out = capsys.readouterr().out
    assert re.search(r"（20\d\d）云知调字第0001号", out), out
    assert re.search(r"（20\d\d）云昆证字第0001号", out), out
    monkeypatch.setenv("MEDISEAL_USER", "admin")
    monkeypatch.setenv("MEDISEAL_PASSWORD", PASSWORD)
    assert run(["office", "show", "--json"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out) == {
        "name": "昆明市明信公证处", "case_number_prefix": "云知", "mediation_word": "调",
        "notarial_prefix": "云昆", "notarial_word": "证"}
    assert run(["office", "set", "--notarial-word", "外证"]) == EXIT_OK
    assert re.search(r"（20\d\d）云昆外证字第0001号", capsys.readouterr().out)
    assert run(["office", "set", "--word", "字"]) == EXIT_USAGE
    assert "mediation case numbers" in capsys.readouterr().err
    assert run(["office", "set", "--notarial-prefix", ""]) == EXIT_OK  # the series removed
    assert "(not set)" in capsys.readouterr().out
    assert run(["office", "set", "--notarial-prefix", "云大"]) == EXIT_OK  # a new series: 证 by default
    assert re.search(r"（20\d\d）云大证字第0001号", capsys.readouterr().out)
    assert run(["office", "show"]) == EXIT_OK
    shown = capsys.readouterr().out
    assert "Notarial:      云大" in shown and "Notarial word: 证" in shown
    store = open_store(empty_settings)
    try:
        assert _office_findings(store) == []
    finally:
        store.close()
