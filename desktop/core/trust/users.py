"""Users, roles, passwords and sign-in, with every change written to the ledger.

Failed sign-ins are counted in the database (so a lock survives a restart): five in a row lock the
account for five minutes. An unknown user and a wrong password get the same message.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.engine import Database
from db.models import SigningKey, User, UserRole, utc_now
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput, NotAllowed, NotFound
from desktop.core.integrity.canonical import format_time, record_digest
from desktop.core.trust import ledger
from desktop.core.trust.events import EventKind
from desktop.core.trust.passwords import (
    check_password_rules,
    dummy_hash,
    hash_password,
    needs_rehash,
    password_matches,
)
from desktop.core.trust.permissions import Action, Actor, Role, require
from desktop.core.trust.pki import key_files

MAX_FAILED_ATTEMPTS = 5
LOCK_DURATION = timedelta(minutes=5)
USER_NAME_PATTERN = re.compile(r"^[\w.\-]{1,64}$")
USER_RECORD_TYPE = "user"
USER_RECORD_VERSION = 1

_BAD_CREDENTIALS = QT_TRANSLATE_NOOP("errors", "Wrong user name or password.")


@dataclass(frozen=True, slots=True)
class UserInfo:
    """A user as listings show them."""

    name: str
    roles: tuple[str, ...]
    disabled: bool
    locked_until: datetime | None
    created_at: datetime


def _info(user: User) -> UserInfo:
    return UserInfo(user.name, tuple(role.role for role in user.roles), user.disabled, user.locked_until,
                    user.created_at)


def _actor(user: User) -> Actor:
    return Actor(user.id, user.name, frozenset(Role(role.role) for role in user.roles))


def user_record(user: User) -> dict[str, object]:
    """The canonical record of a user's state (what the ledger's digest covers; never the hash)."""
    return {"type": USER_RECORD_TYPE, "version": USER_RECORD_VERSION, "name": user.name,
            "roles": sorted(role.role for role in user.roles), "disabled": user.disabled,
            "password_changed_at": format_time(user.password_changed_at)}


def _log(session: Session, actor: str, kind: str, user: User) -> None:
    session.flush()
    ledger.append(session, actor, kind, f"user:{user.name}", record_digest(user_record(user)))


def validate_user_name(name: str) -> str:
    """A user name: 1 to 64 letters, digits, '.', '_' or '-'."""
    # At most 64 bytes in UTF-8 as well: the name is the common name of the user's certificates.
    if not USER_NAME_PATTERN.match(name) or len(name.encode()) > 64:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "A user name is 1 to 64 letters (21 Chinese characters), digits, '.', '_' or '-' "
            "(not “{name}”)."),
            field="name", name=name)
    return name


def parse_roles(names: Iterable[str]) -> frozenset[Role]:
    """Roles from their names; at least one, each known."""
    roles = set()
    for name in names:
        try:
            roles.add(Role(name.strip().lower()))
        except ValueError:
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Unknown role “{role}”: use {known}."),
                               field="role", role=name, known=", ".join(Role)) from None
    if not roles:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "A user needs at least one role."), field="role")
    return frozenset(roles)


def _find(session: Session, name: str) -> User:
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no user “{name}”."), name=name)
    return user


def user_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(User)) or 0


def _new_user(session: Session, name: str, roles: frozenset[Role], password: str) -> User:
    validate_user_name(name)
    check_password_rules(password)
    if session.scalar(select(User.id).where(User.name == name)) is not None:
        raise NotAllowed(QT_TRANSLATE_NOOP("errors", "A user “{name}” already exists."), name=name)
    now = utc_now()
    user = User(name=name, password_hash=hash_password(password), disabled=False, failed_attempts=0,
                created_at=now, password_changed_at=now,
                roles=[UserRole(role=str(role)) for role in sorted(roles)])
    session.add(user)
    return user


def create_first_admin(session: Session, name: str, password: str) -> Actor:
    """The first administrator of a new store; refused once any user exists."""
    if user_count(session) > 0:
        raise NotAllowed(QT_TRANSLATE_NOOP("errors", "This data folder already has users."))
    user = _new_user(session, name, frozenset({Role.ADMIN}), password)
    _log(session, name, EventKind.USER_CREATED, user)
    return _actor(user)


def add_user(session: Session, actor: Actor, name: str, roles: frozenset[Role], password: str) -> UserInfo:
    require(actor, Action.MANAGE_USERS)
    user = _new_user(session, name, roles, password)
    _log(session, actor.name, EventKind.USER_CREATED, user)
    return _info(user)


def list_users(session: Session, actor: Actor) -> list[UserInfo]:
    require(actor, Action.MANAGE_USERS)
    return [_info(user) for user in session.scalars(select(User).order_by(User.name))]


def _active_admins(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(User).join(UserRole).where(
        UserRole.role == Role.ADMIN.value, User.disabled.is_(False))) or 0


def disable_user(session: Session, actor: Actor, name: str) -> UserInfo:
    require(actor, Action.MANAGE_USERS)
    user = _find(session, name)
    if user.disabled:
        return _info(user)
    if user.id == actor.user_id:
        raise NotAllowed(QT_TRANSLATE_NOOP("errors", "You cannot disable your own account."))
    user.disabled = True
    _log(session, actor.name, EventKind.USER_DISABLED, user)
    return _info(user)


def set_roles(session: Session, actor: Actor, name: str, roles: frozenset[Role]) -> UserInfo:
    require(actor, Action.MANAGE_USERS)
    user = _find(session, name)
    was_admin = any(role.role == Role.ADMIN.value for role in user.roles)
    if was_admin and Role.ADMIN not in roles and not user.disabled and _active_admins(session) <= 1:
        raise NotAllowed(QT_TRANSLATE_NOOP("errors", "“{name}” is the last administrator: make another "
                                           "administrator first."), name=name)
    user.roles = [UserRole(role=str(role)) for role in sorted(roles)]
    _log(session, actor.name, EventKind.USER_ROLES_CHANGED, user)
    return _info(user)


@dataclass(frozen=True, slots=True)
class SignIn:
    """The judgement on one sign-in attempt: the actor, or the reason it was refused."""

    actor: Actor | None
    refusal: NotAllowed | None


def check_sign_in(session: Session, name: str, password: str, now: datetime | None = None) -> SignIn:
    """Judge a sign-in and record it (attempt counter, lock, ledger); the caller commits, then acts."""
    now = now or utc_now()
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        password_matches(dummy_hash(), password)  # as slow as a real check: no hint the name is unknown
        ledger.append(session, "-", EventKind.SIGN_IN_FAILED, f"user:{name[:64]}", None, now)
        return SignIn(None, NotAllowed(_BAD_CREDENTIALS))
    if user.locked_until is not None and user.locked_until > now:
        ledger.append(session, "-", EventKind.SIGN_IN_REFUSED_LOCKED, f"user:{user.name}", None, now)
        return SignIn(None, NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "Too many failed sign-ins: this account is locked until {until}."),
            until=user.locked_until.astimezone().strftime("%H:%M:%S")))
    if not password_matches(user.password_hash, password):
        user.failed_attempts += 1
        kind = EventKind.SIGN_IN_FAILED
        if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
            user.locked_until = now + LOCK_DURATION
            user.failed_attempts = 0
            kind = EventKind.USER_LOCKED
        ledger.append(session, "-", kind, f"user:{user.name}", None, now)
        return SignIn(None, NotAllowed(_BAD_CREDENTIALS))
    if user.disabled:  # said only to someone who knows the password
        ledger.append(session, "-", EventKind.SIGN_IN_REFUSED_DISABLED, f"user:{user.name}", None, now)
        return SignIn(None, NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "The account “{name}” is disabled: ask an administrator."), name=user.name))
    user.failed_attempts = 0
    user.locked_until = None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    ledger.append(session, user.name, EventKind.SIGN_IN, f"user:{user.name}", None, now)
    return SignIn(_actor(user), None)


def sign_in(database: Database, name: str, password: str, now: datetime | None = None) -> Actor:
    """Sign in, recording the attempt whatever its outcome; raise ``NotAllowed`` when refused."""
    with database.session_scope() as session:
        result = check_sign_in(session, name, password, now)
    if result.refusal is not None:
        raise result.refusal
    assert result.actor is not None
    return result.actor


def change_password(session: Session, actor: Actor, name: str, new_password: str,
                    old_password: str | None = None) -> list[str]:
    """Change a password. Your own: give the old one, and your keys are re-encrypted under the new.
    Someone else's (administrators): their keys cannot be re-encrypted, so they are revoked (they stay
    for verifying old seals). Returns the fingerprints of keys revoked."""
    check_password_rules(new_password)
    user = _find(session, name)
    revoked: list[str] = []
    user_keys = list(session.scalars(select(SigningKey).where(SigningKey.user_id == user.id)))
    if user.id == actor.user_id:
        if old_password is None or not password_matches(user.password_hash, old_password):
            raise NotAllowed(_BAD_CREDENTIALS)
        for key in user_keys:
            key.encrypted_private_key = key_files.reencrypt_private_key(
                key.encrypted_private_key, old_password, new_password)
    else:
        require(actor, Action.MANAGE_USERS)
        now = utc_now()
        for key in user_keys:
            if key.revoked_at is None:
                key.revoked_at = now
                revoked.append(key.fingerprint)
                ledger.append(session, actor.name, EventKind.KEY_REVOKED, f"key:{key.fingerprint}", None, now)
    user.password_hash = hash_password(new_password)
    user.password_changed_at = utc_now()
    user.failed_attempts = 0
    user.locked_until = None
    _log(session, actor.name, EventKind.USER_PASSWORD_CHANGED, user)
    return revoked
