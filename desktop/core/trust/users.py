"""Users, roles, real names, passwords and sign-in, with every change written to the ledger.

Failed sign-ins are counted in the database (so a lock survives a restart): five in a row lock the
account for five minutes. An unknown user and a wrong password get the same message. A sign-in takes the
user's roles and state only when they match what the ledger last recorded for the user: a role the
ledger never granted gives no right; a change to a user starts from the state the ledger recorded, so it
cannot make a change made behind the app's back its own.

Each user has a real name (姓名) besides the login name: it is what seals, records and documents show of
a person, so only an administrator sets or changes it, checking it against the person's identity
document. Users created before real names were recorded have none (NULL) until an administrator sets one.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.engine import Database
from db.models import LedgerEntry, SigningKey, User, UserRole, utc_now
from desktop.core.errors import QT_TRANSLATE_NOOP, IntegrityError, InvalidInput, NotAllowed, NotFound
from desktop.core.integrity.canonical import format_time, record_digest
from desktop.core.text import clean_text, has_control
from desktop.core.trust import ledger, signing_keys
from desktop.core.trust.events import EventKind
from desktop.core.trust.passwords import (
    check_password_rules,
    dummy_hash,
    hash_password,
    needs_rehash,
    password_matches,
)
from desktop.core.trust.permissions import Action, Actor, Role, require, require_active
from desktop.core.trust.pki import key_files

MAX_FAILED_ATTEMPTS = 5
LOCK_DURATION = timedelta(minutes=5)
USER_NAME_PATTERN = re.compile(r"[\w.\-]{1,64}")  # matched whole (fullmatch: "$" lets a final "\n" by)
NAMES_PER_QUERY = 400  # values in one IN list: under every driver's parameter limit
USER_NAME_MAX_BYTES = 64  # the name is the common name of the user's certificates (RFC 5280 ub-common-name)
# The ledger subject of a failed sign-in under a name no account can have (too long, a control character,
# invalid UTF-8): the typed name is not recorded, so nothing is cut and nothing unprintable reaches the
# ledger; "?" is in no user name, so the subject names no account.
UNUSABLE_NAME_SUBJECT = "user:?"
USER_EVENT_KINDS = tuple(kind.value for kind in EventKind if kind.value.startswith("user."))
USER_RECORD_TYPE = "user"
# Version 2 adds the real name. A user whose real name is NULL (created before it was recorded, and not
# renamed since) keeps the version-1 form, which is what the ledger's digests of them cover.
USER_RECORD_VERSION = 2
LEGACY_USER_RECORD_VERSION = 1
REAL_NAME_MAX = 50  # characters: the longest Chinese names with an ethnic minority's middle dot fit

_BAD_CREDENTIALS = QT_TRANSLATE_NOOP("errors", "Wrong user name or password.")

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class UserInfo:
    """A user as listings show them."""

    name: str
    real_name: str | None  # None: created before real names were recorded, and none set since
    roles: tuple[str, ...]
    disabled: bool
    locked_until: datetime | None
    created_at: datetime


def _info(user: User) -> UserInfo:
    return UserInfo(user.name, user.real_name, tuple(role.role for role in user.roles), user.disabled,
                    user.locked_until, user.created_at)


def _actor(user: User) -> Actor:
    return Actor(user.id, user.name, frozenset(Role(role.role) for role in user.roles))


def user_record(user: User) -> dict[str, object]:
    """The canonical record of a user's state (what the ledger's digest covers; never the hash). Its form
    follows what is stored: with a real name version 2, without one (a user from before real names)
    version 1, so records the ledger covered in the old form still match."""
    record: dict[str, object] = {
        "type": USER_RECORD_TYPE, "version": LEGACY_USER_RECORD_VERSION, "name": user.name,
        "roles": sorted(role.role for role in user.roles), "disabled": user.disabled,
        "password_changed_at": format_time(user.password_changed_at)}
    if user.real_name is not None:
        record["version"] = USER_RECORD_VERSION
        record["real_name"] = user.real_name
    return record


def _log(session: Session, actor: str, kind: EventKind, user: User) -> None:
    session.flush()
    ledger.append(session, actor, kind, f"user:{user.name}", record_digest(user_record(user)))


def is_user_name(name: str) -> bool:
    """True when ``name`` can be a user name: 1 to 64 letters, digits, '.', '_' or '-', at most 64 bytes in
    UTF-8 (no control character, no space, nothing that is not valid UTF-8)."""
    return (USER_NAME_PATTERN.fullmatch(name) is not None
            and len(name.encode("utf-8", "surrogatepass")) <= USER_NAME_MAX_BYTES)


def validate_user_name(name: str) -> str:
    """A user name: 1 to 64 letters, digits, '.', '_' or '-'."""
    if not is_user_name(name):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "A user name is 1 to 64 letters (21 Chinese characters), digits, '.', '_' or '-' "
            "(not “{name}”)."),
            field="name", name=name)
    return name


def validate_real_name(real_name: str) -> str:
    """A real name (姓名) as on an identity document: 1 to 50 characters on one line, NFC, no invisible or
    text-direction characters (李华, 阿依古丽·买买提, Zhang Wei)."""
    text = clean_text(real_name, "real_name", REAL_NAME_MAX, required=True)
    if has_control(text):  # a zero-width or format character would make two names look the same
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "A real name is one line of visible characters (not “{name}”)."),
            field="real_name", name=text)
    return text


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


def _as_recorded(session: Session, user: User) -> None:
    """Refuse to change a user whose stored state is not what the ledger last recorded: the change's entry
    would record (and so approve) what was changed behind the app's back, a role for instance."""
    if _recorded_state(session, user.name) != record_digest(user_record(user)):
        raise IntegrityError(QT_TRANSLATE_NOOP(
            "errors", "The account “{name}” is not as the ledger recorded it (its roles or state were "
            "changed outside Mediseal), so it cannot be changed. Run a verification (mediseal verify)."),
            name=user.name)


def _new_user(session: Session, name: str, roles: frozenset[Role], password: str, real_name: str) -> User:
    validate_user_name(name)
    real_name = validate_real_name(real_name)
    check_password_rules(password)
    if session.scalar(select(User.id).where(User.name == name)) is not None:
        raise NotAllowed(QT_TRANSLATE_NOOP("errors", "A user “{name}” already exists."), name=name)
    now = utc_now()
    user = User(name=name, real_name=real_name, password_hash=hash_password(password), disabled=False,
                failed_attempts=0, created_at=now, password_changed_at=now,
                roles=[UserRole(role=str(role)) for role in sorted(roles)])
    session.add(user)
    return user


def create_first_admin(session: Session, name: str, password: str, real_name: str) -> Actor:
    """The first administrator of a new store; refused once any user exists."""
    if user_count(session) > 0:
        raise NotAllowed(QT_TRANSLATE_NOOP("errors", "This data folder already has users."))
    user = _new_user(session, name, frozenset({Role.ADMIN}), password, real_name)
    _log(session, name, EventKind.USER_CREATED, user)
    return _actor(user)


def add_user(session: Session, actor: Actor, name: str, roles: frozenset[Role], password: str,
             real_name: str) -> UserInfo:
    """A new user (administrators only): login name, roles, initial password and real name (姓名)."""
    require(actor, Action.MANAGE_USERS)
    user = _new_user(session, name, roles, password, real_name)
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
    _as_recorded(session, user)
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
    _as_recorded(session, user)
    user.roles = [UserRole(role=str(role)) for role in sorted(roles)]
    _log(session, actor.name, EventKind.USER_ROLES_CHANGED, user)
    return _info(user)


def enable_user(session: Session, actor: Actor, name: str) -> UserInfo:
    """Let a disabled user sign in again (administrators only; logged). Enabling an active user records
    nothing."""
    ledger.lock(session)  # first: the sign-in is checked under the lock sign-out takes
    require(actor, Action.MANAGE_USERS)
    user = _find(session, name)
    if not user.disabled:
        return _info(user)
    _as_recorded(session, user)
    user.disabled = False
    _log(session, actor.name, EventKind.USER_ENABLED, user)
    return _info(user)


def rename_user(session: Session, actor: Actor, name: str, real_name: str) -> UserInfo:
    """Set or change a user's real name (姓名). Administrators only, their own name included: the name
    appears on seals and documents for a court, so someone who manages accounts checks it against the
    person's identity document; a user cannot restyle the name their seals show. Logged; an unchanged
    name records nothing."""
    real_name = validate_real_name(real_name)
    ledger.lock(session)
    require(actor, Action.MANAGE_USERS)
    user = _find(session, name)
    if user.real_name == real_name:
        return _info(user)
    _as_recorded(session, user)
    user.real_name = real_name
    _log(session, actor.name, EventKind.USER_RENAMED, user)
    return _info(user)


def real_names(session: Session, names: Iterable[str]) -> dict[str, str]:
    """The real names of the users named (login names), in one query per few hundred names; users without
    a real name, and names no user has (the system actor ``-``), are left out."""
    wanted = sorted({name for name in names if is_user_name(name)})
    found: dict[str, str] = {}
    for start in range(0, len(wanted), NAMES_PER_QUERY):
        part = wanted[start:start + NAMES_PER_QUERY]
        found.update((name, real_name) for name, real_name in session.execute(
            select(User.name, User.real_name).where(User.name.in_(part), User.real_name.is_not(None)))
            if real_name is not None)
    return found


def mediators(session: Session) -> list[UserInfo]:
    """Enabled users holding the mediator role, by login name: whom the case list filters by (any case
    worker may read them; the list names mediators anyway)."""
    return [_info(user) for user in session.scalars(
        select(User).join(UserRole).where(UserRole.role == Role.MEDIATOR.value, User.disabled.is_(False))
        .order_by(User.name))]


def user_info(session: Session, name: str) -> UserInfo:
    """One user as listings show them (what anyone signed in may read of themselves or a colleague: the
    real name their seals show, their roles and state)."""
    return _info(_find(session, name))


@dataclass(frozen=True, slots=True)
class SignIn:
    """The judgement on one sign-in attempt: the actor, or the reason it was refused."""

    actor: Actor | None
    refusal: NotAllowed | None


def _recorded_state(session: Session, name: str) -> str | None:
    """The digest of the user's record in the latest ``user.*`` ledger entry that carries one."""
    return session.scalar(select(LedgerEntry.subject_sha256).where(
        LedgerEntry.subject == f"user:{name}", LedgerEntry.kind.in_(USER_EVENT_KINDS),
        LedgerEntry.subject_sha256.is_not(None)).order_by(LedgerEntry.seq.desc()).limit(1))


def check_sign_in(session: Session, name: str, password: str, now: datetime | None = None) -> SignIn:
    """Judge a sign-in and record it (attempt counter, lock, ledger); the caller commits, then acts."""
    now = now or utc_now()
    # Every outcome writes (the attempt counter, the ledger), so the write lock is taken before the first
    # read: on SQLite a transaction that read first cannot take it once another seat has written
    # ("database is locked"), and the counter of failed attempts must not lose a concurrent update.
    ledger.lock(session)
    if not is_user_name(name):
        # No account can have this name: refused before any lookup, as slow as a real check, and
        # recorded under a subject that holds nothing of what was typed.
        password_matches(dummy_hash(), password)
        ledger.append(session, ledger.SYSTEM_ACTOR, EventKind.SIGN_IN_FAILED, UNUSABLE_NAME_SUBJECT, None,
                      now)
        return SignIn(None, NotAllowed(_BAD_CREDENTIALS))
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        password_matches(dummy_hash(), password)  # as slow as a real check: no hint the name is unknown
        ledger.append(session, ledger.SYSTEM_ACTOR, EventKind.SIGN_IN_FAILED, f"user:{name}", None, now)
        return SignIn(None, NotAllowed(_BAD_CREDENTIALS))
    if user.locked_until is not None and user.locked_until > now:
        ledger.append(session, ledger.SYSTEM_ACTOR, EventKind.SIGN_IN_REFUSED_LOCKED, f"user:{user.name}",
                      None, now)
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
        ledger.append(session, ledger.SYSTEM_ACTOR, kind, f"user:{user.name}", None, now)
        return SignIn(None, NotAllowed(_BAD_CREDENTIALS))
    if user.disabled:  # said only to someone who knows the password
        ledger.append(session, ledger.SYSTEM_ACTOR, EventKind.SIGN_IN_REFUSED_DISABLED, f"user:{user.name}",
                      None, now)
        return SignIn(None, NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "The account “{name}” is disabled: ask an administrator."), name=user.name))
    # A role the ledger never granted gives no right: the account must be as the ledger last recorded it
    # (roles, disabled, password change), or someone changed it outside Mediseal.
    if _recorded_state(session, user.name) != record_digest(user_record(user)):
        log.warning("sign-in of %s refused: the account (roles %s, disabled %s) is not what the ledger last "
                    "recorded for it; run a verification", user.name,
                    ",".join(sorted(role.role for role in user.roles)), user.disabled)
        ledger.append(session, ledger.SYSTEM_ACTOR, EventKind.SIGN_IN_REFUSED_UNRECORDED, f"user:{user.name}",
                      None, now)
        return SignIn(None, NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "The account “{name}” is not as the ledger recorded it (its roles or state were "
            "changed outside Mediseal), so it cannot sign in. Ask an administrator to run a verification "
            "(mediseal verify)."), name=user.name))
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
    require_active(actor)
    check_password_rules(new_password)
    user = _find(session, name)
    _as_recorded(session, user)
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
                revoked.append(key.fingerprint)
                signing_keys.record_revocation(session, actor.name, key, signing_keys.PASSWORD_RESET_REASON,
                                               now)
    user.password_hash = hash_password(new_password)
    user.password_changed_at = utc_now()
    user.failed_attempts = 0
    user.locked_until = None
    _log(session, actor.name, EventKind.USER_PASSWORD_CHANGED, user)
    return revoked
