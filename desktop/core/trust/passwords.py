"""Password hashing with argon2id; the parameters travel inside each hash so they can be raised later."""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1024

# RFC 9106 §4, second recommended option (64 MiB, 3 passes): strong, and a sign-in stays well under 1 s.
_HASHER = PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=4)


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: bytes that were not UTF-8, as os.environ gives them
        return False
    return True


def check_password_rules(password: str) -> None:
    """Refuse a password that is too short (or absurdly long), or not valid Unicode."""
    if not _is_unicode(password):
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "A password must be valid text (UTF-8)."),
                           field="password")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "A password needs at least {minimum} characters."),
                           field="password", minimum=MIN_PASSWORD_LENGTH)
    if len(password) > MAX_PASSWORD_LENGTH:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "A password may have at most {maximum} characters."),
                           field="password", maximum=MAX_PASSWORD_LENGTH)


def hash_password(password: str) -> str:
    """An argon2id hash of ``password`` in the standard encoded form (``$argon2id$v=19$m=...``)."""
    return _HASHER.hash(password)


def password_matches(encoded: str, password: str) -> bool:
    """True when ``password`` matches ``encoded``; False for a wrong password or a malformed hash."""
    # Text that is not valid Unicode is checked as bytes no valid text encodes to: as slow, never a match.
    secret: str | bytes = password if _is_unicode(password) else password.encode("utf-8", "surrogatepass")
    try:
        return _HASHER.verify(encoded, secret)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(encoded: str) -> bool:
    """True when ``encoded`` was made with weaker parameters than today's."""
    return _HASHER.check_needs_rehash(encoded)


@cache
def dummy_hash() -> str:
    """Checked against when the user name is unknown, so that case takes as long as a wrong password."""
    return hash_password("mediseal-no-such-user-placeholder")
