"""Sign-in takes the user's state from the ledger: a role (or anything else in the user's record) the
ledger never recorded gives no right; and a failed sign-in puts nothing cut or unprintable in the ledger."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import select, text

from db.models import User
from desktop.core.errors import InvalidInput, NotAllowed
from desktop.core.office import office
from desktop.core.storage.store import OpenStore
from desktop.core.text import has_control
from desktop.core.trust import ledger, users
from desktop.core.trust.permissions import Role

ADMIN_PASSWORD = "admin-password-1"
CLERK_PASSWORD = "clerk-password-1"


@pytest.fixture
def office_store(store: OpenStore) -> OpenStore:
    with store.database.session_scope() as session:
        office.create_office(session, "昆明调解中心", "云知调")
        admin = users.create_first_admin(session, "admin", ADMIN_PASSWORD, "张伟")
        users.add_user(session, admin, "wang", frozenset({Role.CLERK}), CLERK_PASSWORD, "王强")
    return store


def _user_id(store: OpenStore, name: str) -> int:
    with store.database.session_scope() as session:
        user_id = session.scalar(select(User.id).where(User.name == name))
        assert user_id is not None
        return user_id


def _behind_the_apps_back(store: OpenStore, statement: str, **params: object) -> None:
    with store.database.engine.begin() as connection:
        connection.execute(text(statement), params)


def _last_entry(store: OpenStore) -> ledger.Entry:
    with store.database.session_scope() as session:
        return ledger.entries(session, ledger.size(session) - 1)[0]


def test_a_role_granted_behind_the_apps_back_gives_no_right(office_store: OpenStore,
                                                             caplog: pytest.LogCaptureFixture) -> None:
    assert users.sign_in(office_store.database, "wang", CLERK_PASSWORD).roles == {Role.CLERK}
    _behind_the_apps_back(office_store, "INSERT INTO user_role (user_id, role) VALUES (:id, 'notary')",
                          id=_user_id(office_store, "wang"))
    with caplog.at_level(logging.WARNING), pytest.raises(NotAllowed) as refused:
        users.sign_in(office_store.database, "wang", CLERK_PASSWORD)
    assert "administrator" in refused.value.message and "verification" in refused.value.message
    assert "wang" in caplog.text and "ledger" in caplog.text
    entry = _last_entry(office_store)
    assert entry.kind == "sign_in.refused_unrecorded" and entry.subject == "user:wang"


def test_an_account_enabled_behind_the_apps_back_stays_shut(office_store: OpenStore) -> None:
    admin = users.sign_in(office_store.database, "admin", ADMIN_PASSWORD)
    with office_store.database.session_scope() as session:
        users.disable_user(session, admin, "wang")
    _behind_the_apps_back(office_store, "UPDATE user_account SET disabled = :no", no=False)
    with pytest.raises(NotAllowed, match="verification"):
        users.sign_in(office_store.database, "wang", CLERK_PASSWORD)


def test_a_user_the_ledger_never_recorded_cannot_sign_in(office_store: OpenStore) -> None:
    password_hash = _password_hash(office_store, "wang")
    _behind_the_apps_back(office_store, "INSERT INTO user_account (name, password_hash, disabled, "
                          "failed_attempts, created_at, password_changed_at) SELECT 'mallory', :hash, "
                          "disabled, failed_attempts, created_at, password_changed_at FROM user_account "
                          "WHERE name = 'wang'", hash=password_hash)
    _behind_the_apps_back(office_store, "INSERT INTO user_role (user_id, role) VALUES (:id, 'admin')",
                          id=_user_id(office_store, "mallory"))
    with pytest.raises(NotAllowed, match="verification"):
        users.sign_in(office_store.database, "mallory", CLERK_PASSWORD)


def _password_hash(store: OpenStore, name: str) -> str:
    with store.database.session_scope() as session:
        user = session.scalar(select(User).where(User.name == name))
        assert user is not None
        return user.password_hash


def test_changes_made_through_the_app_keep_sign_in_working(office_store: OpenStore) -> None:
    admin = users.sign_in(office_store.database, "admin", ADMIN_PASSWORD)
    with office_store.database.session_scope() as session:
        users.set_roles(session, admin, "wang", frozenset({Role.CLERK, Role.MEDIATOR}))
    with office_store.database.session_scope() as session:
        users.change_password(session, admin, "wang", "another-password-2")
    for _ in range(2):  # a failed attempt and a lock counter are not part of the user's record
        with pytest.raises(NotAllowed, match="Wrong user name"):
            users.sign_in(office_store.database, "wang", CLERK_PASSWORD)
    assert users.sign_in(office_store.database, "wang", "another-password-2").roles == {Role.CLERK,
                                                                                         Role.MEDIATOR}


# --- failed sign-ins with names no account can have ------------------------------------------------
@pytest.mark.parametrize("name", ["x" * 65, "字" * 300, "wang\n7  2026-01-01  admin  key.revoked",
                                  "wang\n", "wang\u202e", "\udcff", "", "has space"])
def test_a_name_no_account_can_have_is_a_failed_sign_in_with_a_safe_subject(
        office_store: OpenStore, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    checks: list[str] = []
    real = users.password_matches

    def counted(encoded: str, password: str) -> bool:
        checks.append(encoded)
        return real(encoded, password)

    monkeypatch.setattr(users, "password_matches", counted)
    with pytest.raises(NotAllowed, match="Wrong user name or password"):
        users.sign_in(office_store.database, name, CLERK_PASSWORD)
    assert len(checks) == 1  # as slow as a real check: no hint that the name cannot exist
    entry = _last_entry(office_store)
    assert entry.kind == "sign_in.failed" and entry.actor == "-"
    assert entry.subject == users.UNUSABLE_NAME_SUBJECT
    assert not has_control(entry.subject)


def test_a_valid_unknown_name_is_recorded_whole(office_store: OpenStore) -> None:
    name = "李" * 21  # 63 bytes in UTF-8: the longest Chinese name there can be
    with pytest.raises(NotAllowed):
        users.sign_in(office_store.database, name, CLERK_PASSWORD)
    assert _last_entry(office_store).subject == f"user:{name}"


@pytest.mark.parametrize("name", ["wang\n", "wang\r", "a" * 65, "\udcff", "王\u202e"])
def test_names_with_a_trailing_newline_or_other_controls_are_not_user_names(name: str) -> None:
    with pytest.raises(InvalidInput):
        users.validate_user_name(name)
