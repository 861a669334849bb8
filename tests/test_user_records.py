"""Real names (姓名), re-enabling users, password resets and the office's name and prefix, in core and on
the command line, on SQLite and PostgreSQL: every change logged by an administrator, users from before
real names still signing in and verifying after the migration, and a change made behind the app's back
found by verification and refused at sign-in."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from sqlalchemy import event, insert, select
from sqlalchemy.orm import Session

from db import migrate, revisions
from db.engine import open_database, sqlite_url
from db.models import Office, User, UserRole, utc_now
from desktop.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, run
from desktop.config import Settings
from desktop.core.cases import matters as cases
from desktop.core.errors import IntegrityError, InvalidInput, NotAllowed
from desktop.core.integrity.canonical import format_time, record_digest
from desktop.core.office import office
from desktop.core.storage.datafolder import DATABASE_FILE_NAME
from desktop.core.storage.store import OpenStore, open_store
from desktop.core.trust import ledger, signing_keys, users
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Role
from desktop.core.verification.findings import Report
from desktop.core.verification.store import verify_store
from tests.cli_env import point_cli_at
from tests.tamper import behind_the_back

ADMIN_PASSWORD = "admin-password-1"
NOTARY_PASSWORD = "notary-password-1"
MEDIATOR_PASSWORD = "mediator-password-1"
# The migration that adds real names, and the revision before it (found by name: numbers change at merges).
REAL_NAME_REVISION = next(path.name[:4] for path in revisions.VERSIONS_DIR.glob("*_user_real_name.py"))
BEFORE_REAL_NAMES = revisions.known_revisions()[revisions.known_revisions().index(REAL_NAME_REVISION) - 1]
MINORITY_NAME = "阿依古丽·买买提"  # Uyghur name with the middle dot (U+00B7) between given and father's name


@pytest.fixture
def staffed(store: OpenStore) -> OpenStore:
    """An office, an administrator 张伟 (``admin``), a notary 李华 (``lihua``) and a mediator (``aygul``)."""
    with store.database.session_scope() as session:
        office.create_office(session, "昆明调解中心", "云知调")
        admin = users.create_first_admin(session, "admin", ADMIN_PASSWORD, "张伟")
        users.add_user(session, admin, "lihua", frozenset({Role.NOTARY}), NOTARY_PASSWORD, "李华")
        users.add_user(session, admin, "aygul", frozenset({Role.MEDIATOR}), MEDIATOR_PASSWORD, MINORITY_NAME)
    return store


def _report(store: OpenStore) -> Report:
    with store.database.session_scope() as session:
        return verify_store(session, store.vault)


def _user_findings(report: Report) -> list[tuple[str, str | None]]:
    return [(str(finding.code), finding.user) for finding in report.errors]


def _entries(store: OpenStore, start: int) -> list[tuple[str, str, str]]:
    with store.database.session_scope() as session:
        return [(entry.actor, entry.kind, entry.subject) for entry in ledger.iter_entries(session, start)]


def _size(store: OpenStore) -> int:
    with store.database.session_scope() as session:
        return ledger.size(session)


# --- real names -------------------------------------------------------------------------------------
def test_real_name_round_trip(staffed: OpenStore) -> None:
    admin = users.sign_in(staffed.database, "admin", ADMIN_PASSWORD)
    with staffed.database.session_scope() as session:
        listed = {info.name: info.real_name for info in users.list_users(session, admin)}
        row = session.scalar(select(User).where(User.name == "aygul"))
        record = users.user_record(row)
        entry = ledger.subject_entries(session, "user:aygul")[-1]
        assert users.real_names(session, ["lihua", "aygul", "admin", "-", "nobody"]) == {
            "lihua": "李华", "aygul": MINORITY_NAME, "admin": "张伟"}
        assert users.user_info(session, "lihua").real_name == "李华"
    assert listed == {"admin": "张伟", "aygul": MINORITY_NAME, "lihua": "李华"}
    assert record["version"] == 2 and record["real_name"] == MINORITY_NAME
    assert entry.kind == EventKind.USER_CREATED and entry.subject_sha256 == record_digest(record)
    assert users.sign_in(staffed.database, "aygul", MEDIATOR_PASSWORD).name == "aygul"
    assert _report(staffed).clean


def test_real_names_are_cleaned_and_checked(staffed: OpenStore) -> None:
    admin = users.sign_in(staffed.database, "admin", ADMIN_PASSWORD)
    decomposed = unicodedata.normalize("NFD", "Zoë Müller")
    with staffed.database.session_scope() as session:
        info = users.add_user(session, admin, "zoe", frozenset({Role.CLERK}), "clerk-password-1",
                              f"  {decomposed} ")
        fifty = users.add_user(session, admin, "long", frozenset({Role.CLERK}), "clerk-password-1", "名" * 50)
    assert info.real_name == "Zoë Müller" == unicodedata.normalize("NFC", info.real_name)
    assert fifty.real_name == "名" * 50
    for bad in ("", "   ", "李\u202e华", "李\x00华", "李\n华", "李\u200b华", "名" * 51):
        with pytest.raises(InvalidInput) as caught, staffed.database.session_scope() as session:
            users.add_user(session, admin, "bad", frozenset({Role.CLERK}), "clerk-password-1", bad)
        assert caught.value.fields["field"] == "real_name", bad
        with pytest.raises(InvalidInput), staffed.database.session_scope() as session:
            users.rename_user(session, admin, "lihua", bad)
    with staffed.database.session_scope() as session:
        assert users.user_info(session, "lihua").real_name == "李华"
        assert session.scalar(select(User).where(User.name == "bad")) is None


def test_an_administrator_renames_and_it_is_logged(staffed: OpenStore) -> None:
    admin = users.sign_in(staffed.database, "admin", ADMIN_PASSWORD)
    before = _size(staffed)
    with staffed.database.session_scope() as session:
        assert users.rename_user(session, admin, "lihua", "李华华").real_name == "李华华"
    with staffed.database.session_scope() as session:
        users.rename_user(session, admin, "lihua", "李华华")  # unchanged: nothing logged
        users.rename_user(session, admin, "admin", "张伟明")  # an administrator's own name too
    assert _entries(staffed, before) == [("admin", EventKind.USER_RENAMED, "user:lihua"),
                                         ("admin", EventKind.USER_RENAMED, "user:admin")]
    assert users.sign_in(staffed.database, "lihua", NOTARY_PASSWORD).name == "lihua"
    assert _report(staffed).clean


def test_a_real_name_changed_behind_the_apps_back_is_found_and_refused(staffed: OpenStore) -> None:
    behind_the_back(staffed, [("UPDATE user_account SET real_name = '王五' WHERE name = 'lihua'", {}),
                              ("UPDATE user_account SET real_name = NULL WHERE name = 'aygul'", {})])
    assert _user_findings(_report(staffed)) == [("user-record-changed", "lihua"),
                                                ("user-record-changed", "aygul")]
    for name, password in (("lihua", NOTARY_PASSWORD), ("aygul", MEDIATOR_PASSWORD)):
        with pytest.raises(NotAllowed, match="not as the ledger recorded it"):
            users.sign_in(staffed.database, name, password)
    # An administrator's change would record (and so approve) the forged name: refused until verified.
    admin = users.sign_in(staffed.database, "admin", ADMIN_PASSWORD)
    before = _size(staffed)
    for change in (lambda s: users.rename_user(s, admin, "lihua", "李华"),
                   lambda s: users.set_roles(s, admin, "lihua", frozenset({Role.NOTARY, Role.ADMIN})),
                   lambda s: users.disable_user(s, admin, "lihua"),
                   lambda s: users.change_password(s, admin, "lihua", "reset-password-1")):
        with pytest.raises(IntegrityError, match="not as the ledger recorded it"), \
                staffed.database.session_scope() as session:
            change(session)
    assert _size(staffed) == before


# --- users from before real names -------------------------------------------------------------------
def _url(settings: Settings) -> str:
    return settings.database_url or sqlite_url(settings.data_dir / DATABASE_FILE_NAME)


def _old_user(session: Session, name: str, role: Role, password: str) -> None:
    """A user as the code before real names wrote one: the row without the column, the record version 1."""
    now = utc_now()
    session.execute(insert(User).values(
        name=name, password_hash=users.hash_password(password), disabled=False, failed_attempts=0,
        created_at=now, password_changed_at=now))
    user_id = session.scalar(select(User.id).where(User.name == name))
    session.execute(insert(UserRole).values(user_id=user_id, role=str(role)))
    old_record = {"type": "user", "version": 1, "name": name, "roles": [str(role)], "disabled": False,
                  "password_changed_at": format_time(now)}
    ledger.append(session, "admin", EventKind.USER_CREATED, f"user:{name}", record_digest(old_record))


def test_users_from_before_real_names_sign_in_and_verify_after_migration(empty_settings: Settings) -> None:
    empty_settings.data_dir.mkdir(parents=True)
    database = open_database(_url(empty_settings))
    sqlite_path = None if empty_settings.database_url else empty_settings.data_dir / DATABASE_FILE_NAME
    migrate.upgrade(database, sqlite_path, target=BEFORE_REAL_NAMES)
    with database.session_scope() as session:
        session.execute(insert(Office).values(id=1, name="昆明调解中心", case_number_prefix="云知调"))
        _old_user(session, "admin", Role.ADMIN, ADMIN_PASSWORD)
        _old_user(session, "lihua", Role.NOTARY, NOTARY_PASSWORD)
    database.dispose()

    store = open_store(empty_settings)  # migrates over the real names' migration, to head
    try:
        assert store.migration.from_revision == BEFORE_REAL_NAMES
        admin = users.sign_in(store.database, "admin", ADMIN_PASSWORD)
        assert users.sign_in(store.database, "lihua", NOTARY_PASSWORD).name == "lihua"
        with store.database.session_scope() as session:
            assert {info.name: info.real_name for info in users.list_users(session, admin)} == {
                "admin": None, "lihua": None}
            assert users.user_record(session.scalar(select(User).where(User.name == "lihua")))["version"] == 1
        assert _report(store).clean
        with store.database.session_scope() as session:  # an administrator gives the old user a name
            users.rename_user(session, admin, "lihua", "李华")
            users.enable_user(session, admin, "lihua")  # active already: nothing to record
            signing_keys.new_key(session, admin, ADMIN_PASSWORD)
        assert users.sign_in(store.database, "lihua", NOTARY_PASSWORD).name == "lihua"
        with store.database.session_scope() as session:
            assert users.user_record(session.scalar(select(User).where(User.name == "lihua")))["version"] == 2
        assert _report(store).clean
        behind_the_back(store, [("UPDATE user_account SET real_name = '管理员' WHERE name = 'admin'", {})])
        assert _user_findings(_report(store)) == [("user-record-changed", "admin")]
        with pytest.raises(NotAllowed, match="not as the ledger recorded it"):
            users.sign_in(store.database, "admin", ADMIN_PASSWORD)
    finally:
        store.close()


# --- enabling, resetting, who may ----------------------------------------------------------------
def test_an_administrator_re_enables_a_user_and_it_is_logged(staffed: OpenStore) -> None:
    admin = users.sign_in(staffed.database, "admin", ADMIN_PASSWORD)
    with staffed.database.session_scope() as session:
        users.disable_user(session, admin, "lihua")
    with pytest.raises(NotAllowed, match="disabled"):
        users.sign_in(staffed.database, "lihua", NOTARY_PASSWORD)
    before = _size(staffed)
    with staffed.database.session_scope() as session:
        assert users.enable_user(session, admin, "lihua").disabled is False
    with staffed.database.session_scope() as session:
        users.enable_user(session, admin, "lihua")  # active already: nothing logged
        entry = ledger.subject_entries(session, "user:lihua")[-1]
        expected = record_digest(users.user_record(session.scalar(select(User).where(User.name == "lihua"))))
    assert _entries(staffed, before) == [("admin", EventKind.USER_ENABLED, "user:lihua")]
    assert entry.kind == EventKind.USER_ENABLED and entry.subject_sha256 == expected
    assert users.sign_in(staffed.database, "lihua", NOTARY_PASSWORD).name == "lihua"
    assert _report(staffed).clean


def test_an_enabled_flag_set_behind_the_apps_back_is_found(staffed: OpenStore) -> None:
    admin = users.sign_in(staffed.database, "admin", ADMIN_PASSWORD)
    with staffed.database.session_scope() as session:
        users.disable_user(session, admin, "lihua")
    behind_the_back(staffed, [("UPDATE user_account SET disabled = :no WHERE name = 'lihua'", {"no": False})])
    assert _user_findings(_report(staffed)) == [("user-record-changed", "lihua")]
    with pytest.raises(NotAllowed, match="not as the ledger recorded it"):
        users.sign_in(staffed.database, "lihua", NOTARY_PASSWORD)


def test_only_administrators_rename_reset_enable_and_change_the_office(staffed: OpenStore) -> None:
    admin = users.sign_in(staffed.database, "admin", ADMIN_PASSWORD)
    with staffed.database.session_scope() as session:
        users.disable_user(session, admin, "aygul")
    notary = users.sign_in(staffed.database, "lihua", NOTARY_PASSWORD)
    before = _size(staffed)
    for refused in (lambda s: users.rename_user(s, notary, "lihua", "李小华"),  # not even one's own name
                    lambda s: users.rename_user(s, notary, "admin", "某某"),
                    lambda s: users.change_password(s, notary, "admin", "taken-over-1"),
                    lambda s: users.enable_user(s, notary, "aygul"),
                    lambda s: office.update_office(s, notary, "别的中心", "云知调")):
        with pytest.raises(NotAllowed, match="may not"), staffed.database.session_scope() as session:
            refused(session)
    assert _size(staffed) == before
    admin.sign_in.end()  # signed out: an administrator changes nothing either
    for refused in (lambda s: users.rename_user(s, admin, "lihua", "李小华"),
                    lambda s: users.enable_user(s, admin, "aygul"),
                    lambda s: users.change_password(s, admin, "admin", "new-password-1", ADMIN_PASSWORD),
                    lambda s: office.update_office(s, admin, "别的中心", "云知调")):
        with pytest.raises(NotAllowed, match="signed out"), staffed.database.session_scope() as session:
            refused(session)
    assert _size(staffed) == before
    with staffed.database.session_scope() as session:
        assert office.get_office(session) == office.OfficeInfo("昆明调解中心", "云知调")
        assert users.user_info(session, "aygul").disabled
        assert users.user_info(session, "lihua").real_name == "李华"


def test_own_password_change_keeps_the_key_and_an_administrator_reset_revokes_it(staffed: OpenStore) -> None:
    notary = users.sign_in(staffed.database, "lihua", NOTARY_PASSWORD)
    with staffed.database.session_scope() as session:
        key = signing_keys.new_key(session, notary, NOTARY_PASSWORD)
    with pytest.raises(NotAllowed, match="Wrong user name or password"), \
            staffed.database.session_scope() as session:
        users.change_password(session, notary, "lihua", "new-notary-password", "not-the-old-one")
    with staffed.database.session_scope() as session:
        assert users.change_password(session, notary, "lihua", "new-notary-password", NOTARY_PASSWORD) == []
    with staffed.database.session_scope() as session:
        assert signing_keys.unlock(session, notary, "new-notary-password").fingerprint == key.fingerprint
    admin = users.sign_in(staffed.database, "admin", ADMIN_PASSWORD)
    with staffed.database.session_scope() as session:
        assert users.change_password(session, admin, "lihua", "reset-by-admin-1") == [key.fingerprint]
    assert users.sign_in(staffed.database, "lihua", "reset-by-admin-1").name == "lihua"
    assert _report(staffed).clean


# --- the office -------------------------------------------------------------------------------------
def test_office_change_is_logged_verified_and_only_new_numbers_use_the_new_prefix(staffed: OpenStore) -> None:
    mediator = users.sign_in(staffed.database, "aygul", MEDIATOR_PASSWORD)
    with staffed.database.session_scope() as session:
        first = cases.open_case(session, mediator, "trademark", "某某商标侵权纠纷").number
    admin = users.sign_in(staffed.database, "admin", ADMIN_PASSWORD)
    for name, prefix, field in (("", "云新调", "name"), ("新中心", "云 新", "prefix"),
                                ("新中心", "字第", "prefix"), ("新\n中心", "云新调", "name")):
        with pytest.raises(InvalidInput) as caught, staffed.database.session_scope() as session:
            office.update_office(session, admin, name, prefix)
        assert caught.value.fields["field"] == field
    before = _size(staffed)
    with staffed.database.session_scope() as session:
        changed = office.update_office(session, admin, " 昆明市知识产权纠纷人民调解委员会 ", "云知新")
    with staffed.database.session_scope() as session:
        office.update_office(session, admin, changed.name, changed.case_number_prefix)  # unchanged: no entry
        second = cases.open_case(session, mediator, "patent", "某某专利侵权纠纷").number
        numbers = [info.number for info in cases.list_cases(session)]
        entry = ledger.subject_entries(session, office.OFFICE_SUBJECT)[-1]
    assert changed == office.OfficeInfo("昆明市知识产权纠纷人民调解委员会", "云知新")
    assert first.endswith("云知调字第0001号") and second.endswith("云知新字第0002号")
    assert sorted(numbers) == sorted([first, second])  # the first case keeps its number
    assert _entries(staffed, before)[0] == ("admin", EventKind.OFFICE_UPDATED, office.OFFICE_SUBJECT)
    assert entry.subject_sha256 == record_digest(changed.record())
    assert _report(staffed).clean

    behind_the_back(staffed, [("UPDATE office SET name = '别的委员会' WHERE id = 1", {})])
    report = _report(staffed)
    assert [str(finding.code) for finding in report.errors] == ["office-record-changed"]
    assert report.errors[0].seq == entry.seq
    with pytest.raises(IntegrityError, match="not what the ledger recorded"), \
            staffed.database.session_scope() as session:
        office.update_office(session, admin, "另一个委员会", "云知新")


def test_set_up_logs_the_office_so_a_changed_name_is_found(store: OpenStore) -> None:
    from desktop.core.office.setup import set_up

    with store.database.session_scope() as session:
        set_up(session, office.OfficeInfo("大理调解中心", "云理调"), "admin", ADMIN_PASSWORD, "张伟")
        entry = ledger.subject_entries(session, office.OFFICE_SUBJECT)[-1]
    assert (entry.actor, entry.kind) == ("admin", EventKind.OFFICE_CREATED)
    assert _report(store).clean
    behind_the_back(store, [("UPDATE office SET case_number_prefix = '云假调' WHERE id = 1", {})])
    assert [str(finding.code) for finding in _report(store).errors] == ["office-record-changed"]


def test_real_names_are_read_in_one_query(staffed: OpenStore) -> None:
    statements: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        statements.append(statement)

    event.listen(staffed.database.engine, "before_cursor_execute", count)
    try:
        with staffed.database.session_scope() as session:
            found = users.real_names(session, ["lihua", "admin"] * 300 + ["-", "?", "x" * 80])
    finally:
        event.remove(staffed.database.engine, "before_cursor_execute", count)
    assert found == {"lihua": "李华", "admin": "张伟"}
    assert len([s for s in statements if "user_account" in s]) == 1


# --- the command line -------------------------------------------------------------------------------
def test_cli_real_names_enable_and_office(staffed: OpenStore, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    point_cli_at(monkeypatch, staffed, "admin", ADMIN_PASSWORD)
    monkeypatch.setenv("MEDISEAL_NEW_PASSWORD", "clerk-password-1")
    assert run(["user", "add", "wang", "--role", "clerk"]) == EXIT_USAGE  # no real name
    assert "--real-name" in capsys.readouterr().err
    assert run(["user", "add", "wang", "--real-name", "王\u202e强", "--role", "clerk"]) == EXIT_USAGE
    assert "The field Real name holds" in capsys.readouterr().err  # the field by its English name
    assert run(["user", "add", "wang", "--real-name", "王强", "--role", "clerk"]) == EXIT_OK
    assert run(["user", "rename", "wang", "--real-name", "王小强"]) == EXIT_OK
    assert run(["user", "disable", "wang"]) == EXIT_OK
    assert run(["user", "enable", "wang"]) == EXIT_OK
    capsys.readouterr()
    assert run(["user", "list", "--json"]) == EXIT_OK
    listed = {user["name"]: user for user in json.loads(capsys.readouterr().out)}
    assert listed["wang"]["real_name"] == "王小强" and listed["wang"]["disabled"] is False
    assert listed["aygul"]["real_name"] == MINORITY_NAME
    assert run(["user", "list"]) == EXIT_OK
    table = capsys.readouterr().out
    assert "REAL NAME" in table.splitlines()[0] and "王小强" in table

    assert run(["office", "set"]) == EXIT_USAGE
    assert run(["office", "set", "--prefix", "云知新"]) == EXIT_OK
    assert "（" in capsys.readouterr().out
    assert run(["office", "show", "--json"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out) == {"name": "昆明调解中心", "case_number_prefix": "云知新",
                                                   "mediation_word": "", "notarial_prefix": None,
                                                   "notarial_word": None}
    assert run(["office", "set", "--prefix", "字"]) == EXIT_USAGE

    monkeypatch.setenv("MEDISEAL_USER", "lihua")
    monkeypatch.setenv("MEDISEAL_PASSWORD", NOTARY_PASSWORD)
    capsys.readouterr()
    for argv in (["user", "rename", "lihua", "--real-name", "李小华"], ["user", "enable", "wang"],
                 ["office", "set", "--name", "别的中心"]):
        assert run(argv) == EXIT_REFUSED
        assert "may not" in capsys.readouterr().err
    assert _report(staffed).clean


def test_cli_init_needs_a_real_name(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDISEAL_NEW_PASSWORD", ADMIN_PASSWORD)
    base = ["init", "--data-dir", str(tmp_path / "d"), "--office", "大理调解中心", "--admin", "admin"]
    assert run(base) == EXIT_USAGE
    assert "--real-name" in capsys.readouterr().err
    assert run([*base, "--real-name", "\u202e"]) == EXIT_USAGE
    assert not (tmp_path / "d").exists()
    assert run([*base, "--real-name", MINORITY_NAME]) == EXIT_OK
    assert f"Administrator: admin ({MINORITY_NAME})" in capsys.readouterr().out
