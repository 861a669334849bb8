"""Users' signing keys: make one (self-signed), import one from a CA (PKCS#12), export the certificate,
revoke, and unlock one for signing with the owner's password.

Private keys exist unencrypted only in memory, in an ``UnlockedKey``; the database holds them encrypted
under the owner's password. A revoked key stays, so old signatures still verify, but signs nothing new.
Every signature Mediseal makes passes ``require_usable_key`` first: the ledger, not the key's row, says
whether a key exists and whether it was revoked. A revocation carries its reason: the ``key.revoked``
entry's digest is the SHA-256 of a canonical revocation record (fingerprint, reason, time, who), so the
stored reason cannot change unnoticed.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.ec import EllipticCurvePrivateKey
from cryptography.x509.oid import NameOID
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import LedgerEntry, SigningKey, User, utc_now
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput, NotAllowed, NotFound
from desktop.core.integrity.canonical import as_utc, format_time, record_digest
from desktop.core.office.office import get_office
from desktop.core.text import clean_text
from desktop.core.trust import ledger
from desktop.core.trust.events import EventKind
from desktop.core.trust.passwords import password_matches
from desktop.core.trust.permissions import Action, Actor, require
from desktop.core.trust.pki import certificates, key_files, signatures
from desktop.core.trust.pki.pkcs12 import load_pkcs12
from desktop.core.vocabulary import Vocabulary

SOURCE_SELF_SIGNED = "self-signed"
SOURCE_PKCS12 = "pkcs12"
# A fingerprint prefix names a key only from 8 hex digits on (32 bits: a clash among one user's keys is
# a chance in billions, and an ambiguous prefix is refused anyway).
FINGERPRINT_PREFIX_MIN = 8
FINGERPRINT_LENGTH = 64
_HEX = re.compile(r"[0-9a-f]+")
_CREATION_KINDS = frozenset({EventKind.KEY_CREATED.value, EventKind.KEY_IMPORTED.value})
KEY_SUBJECT_PREFIX = "key:"
# The record a ``key.revoked`` entry's digest covers (DESIGN.md, Integrity 2: a canonical record with a
# version). Entries made before it existed carry the bare fingerprint (or nothing) and still verify.
REVOCATION_RECORD_TYPE = "key-revocation"
REVOCATION_RECORD_VERSION = 1
REVOCATION_REASON_LIMIT = 200  # characters; a longer reason is refused, never cut
# The reason recorded when an administrator resets someone's password (their keys cannot be re-encrypted).
# Sealed records keep the language they were written in: this automatic one is Chinese, as the office is.
PASSWORD_RESET_REASON = "管理员重置密码"

log = logging.getLogger(__name__)

_NOT_THEIRS = QT_TRANSLATE_NOOP("errors", "The signing key {fingerprint} is not {user}'s: it signs nothing "
                                          "for them.")
_NOT_ITS_CERTIFICATE = QT_TRANSLATE_NOOP(
    "errors", "The stored fingerprint of signing key {fingerprint} is not the SHA-256 of its certificate: "
    "the key signs nothing. Ask an administrator to run a verification.")


class KeyStatus(Vocabulary):
    """Where a key stands now: the one its owner signs with, or why it signs nothing."""

    IN_USE = "in-use", QT_TRANSLATE_NOOP("vocabulary", "In use")
    REPLACED = "replaced", QT_TRANSLATE_NOOP("vocabulary", "Replaced by a newer key")
    REVOKED = "revoked", QT_TRANSLATE_NOOP("vocabulary", "Revoked")
    EXPIRED = "expired", QT_TRANSLATE_NOOP("vocabulary", "Expired")
    NOT_YET_VALID = "not-yet-valid", QT_TRANSLATE_NOOP("vocabulary", "Not yet valid")


@dataclass(frozen=True, slots=True)
class KeyInfo:
    """A signing key as listings show it (no key material)."""

    fingerprint: str
    owner: str
    subject: str
    issuer: str
    not_before: datetime
    not_after: datetime
    source: str
    created_at: datetime
    revoked_at: datetime | None
    status: KeyStatus = KeyStatus.IN_USE
    revocation_reason: str | None = None
    revoked_by: str | None = None  # by the ledger's ``key.revoked`` entry


@dataclass(frozen=True, slots=True)
class UnlockedKey:
    """A key ready to sign, for the signed-in owner only; lives in memory, never written out."""

    key_id: int
    fingerprint: str
    owner: str
    certificate: x509.Certificate
    private_key: EllipticCurvePrivateKey = field(repr=False)

    def sign(self, data: bytes) -> bytes:
        return signatures.sign(self.private_key, data)


def _name(cert_name: x509.Name) -> str:
    values = cert_name.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(values[0].value) if values else cert_name.rfc4514_string()


def _status(row: SigningKey, cert: x509.Certificate, active: bool, now: datetime) -> KeyStatus:
    if row.revoked_at is not None:
        return KeyStatus.REVOKED
    # RFC 5280 §4.1.2.5: the certificate vouches for the key only from notBefore to notAfter, inclusive.
    if now < cert.not_valid_before_utc:
        return KeyStatus.NOT_YET_VALID
    if now > cert.not_valid_after_utc:
        return KeyStatus.EXPIRED
    return KeyStatus.IN_USE if active else KeyStatus.REPLACED


def _info(row: SigningKey, owner: str, active: bool = True, now: datetime | None = None,
          revoked_by: str | None = None) -> KeyInfo:
    cert = certificates.load_certificate_pem(row.certificate_pem.encode())
    return KeyInfo(row.fingerprint, owner, _name(cert.subject), _name(cert.issuer),
                   cert.not_valid_before_utc, cert.not_valid_after_utc, row.source, row.created_at,
                   row.revoked_at, _status(row, cert, active, as_utc(now or utc_now())),
                   row.revocation_reason, revoked_by)


def _owner(session: Session, actor: Actor, password: str) -> User:
    user = session.get(User, actor.user_id)
    if user is None or not password_matches(user.password_hash, password):
        raise NotAllowed(QT_TRANSLATE_NOOP("errors", "Wrong user name or password."))
    return user


def _store(session: Session, actor: Actor, private_key: EllipticCurvePrivateKey, cert: x509.Certificate,
           chain: tuple[x509.Certificate, ...], source: str, password: str) -> KeyInfo:
    fingerprint = certificates.certificate_fingerprint(cert)
    if session.scalar(select(SigningKey.id).where(SigningKey.fingerprint == fingerprint)) is not None:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "This certificate is already held here ({fingerprint})."), fingerprint=fingerprint)
    row = SigningKey(user_id=actor.user_id, fingerprint=fingerprint,
                     certificate_pem=certificates.certificate_pem(cert).decode(),
                     chain_pem="".join(certificates.certificate_pem(extra).decode() for extra in chain),
                     encrypted_private_key=key_files.encrypt_private_key(private_key, password),
                     source=source, created_at=utc_now())
    session.add(row)
    session.flush()
    kind = EventKind.KEY_CREATED if source == SOURCE_SELF_SIGNED else EventKind.KEY_IMPORTED
    ledger.append(session, actor.name, kind, f"key:{fingerprint}", fingerprint)
    return _info(row, actor.name)


def new_key(session: Session, actor: Actor, password: str, now: datetime | None = None) -> KeyInfo:
    """A new ECDSA P-256 key and self-signed certificate for ``actor`` (CN = user, O = office)."""
    require(actor, Action.HOLD_SIGNING_KEY)
    _owner(session, actor, password)
    office = get_office(session)
    organization = (office.name if office else "Mediseal")[:certificates.ORGANIZATION_MAX]
    private_key, cert = certificates.new_signing_key(actor.name, organization, now or utc_now())
    return _store(session, actor, private_key, cert, (), SOURCE_SELF_SIGNED, password)


def import_key(session: Session, actor: Actor, password: str, pkcs12: bytes, pkcs12_password: str,
               now: datetime | None = None) -> KeyInfo:
    """Take a key and certificate chain issued by a CA (PKCS#12) for ``actor``."""
    require(actor, Action.HOLD_SIGNING_KEY)
    _owner(session, actor, password)
    imported = load_pkcs12(pkcs12, pkcs12_password, now or utc_now())
    return _store(session, actor, imported.key, imported.certificate, imported.chain, SOURCE_PKCS12,
                  password)


def list_keys(session: Session, owner: str | None = None, now: datetime | None = None) -> list[KeyInfo]:
    """Every key (or one user's), oldest first, with its status at ``now``; certificates are public, so
    anyone may list them. The key in use is each owner's newest unrevoked one (the one ``unlock`` takes)."""
    query = select(SigningKey, User.name).join(User).order_by(SigningKey.id)
    if owner is not None:
        query = query.where(User.name == owner)
    rows = list(session.execute(query))
    active: dict[int, int] = {}
    for row, _owner_name in rows:
        if row.revoked_at is None:
            active[row.user_id] = row.id  # ordered by id: the newest wins
    revokers = {subject.removeprefix(KEY_SUBJECT_PREFIX): actor for subject, actor in session.execute(
        select(LedgerEntry.subject, LedgerEntry.actor).where(LedgerEntry.kind == EventKind.KEY_REVOKED.value)
        .order_by(LedgerEntry.seq.desc()))}
    moment = now or utc_now()
    return [_info(row, name, active.get(row.user_id) == row.id, moment, revokers.get(row.fingerprint))
            for row, name in rows]


def _active_row(session: Session, user_id: int) -> SigningKey | None:
    return session.scalar(select(SigningKey).where(SigningKey.user_id == user_id,
                                                   SigningKey.revoked_at.is_(None))
                          .order_by(SigningKey.id.desc()).limit(1))


def _fingerprint_wanted(fingerprint: str) -> str:
    """The hex digits a user gave for a fingerprint, refused unless they can name one key."""
    wanted = fingerprint.strip().lower()
    if not FINGERPRINT_PREFIX_MIN <= len(wanted) <= FINGERPRINT_LENGTH or not _HEX.fullmatch(wanted):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "Name a key by its certificate's SHA-256 fingerprint: all {length} hex digits, or at "
            "least the first {minimum} (not “{given}”)."),
            field="fingerprint", length=FINGERPRINT_LENGTH, minimum=FINGERPRINT_PREFIX_MIN, given=fingerprint)
    return wanted


def _find_row(session: Session, owner: str, fingerprint: str | None) -> tuple[SigningKey, User]:
    """``owner``'s key: the active one (else the newest), or the one whose fingerprint is ``fingerprint``
    or starts with it (no SQL pattern: the digits are compared as text, and an ambiguous prefix is
    refused naming the candidates)."""
    user = session.scalar(select(User).where(User.name == owner))
    if user is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no user “{name}”."), name=owner)
    if fingerprint is None:
        row = session.scalar(select(SigningKey).where(SigningKey.user_id == user.id)
                             .order_by(SigningKey.revoked_at.is_(None).desc(), SigningKey.id.desc()).limit(1))
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "“{name}” has no such signing key."), name=owner)
        return row, user
    wanted = _fingerprint_wanted(fingerprint)
    rows = session.scalars(select(SigningKey).where(SigningKey.user_id == user.id).order_by(SigningKey.id))
    matches = [row for row in rows if row.fingerprint.startswith(wanted)]
    if not matches:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "“{name}” has no such signing key."), name=owner)
    if len(matches) > 1:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "The fingerprint {given} fits {count} keys of “{name}”: {candidates}. Give more "
            "digits."), field="fingerprint", given=wanted, count=len(matches), name=owner,
            candidates=", ".join(row.fingerprint for row in matches))
    return matches[0], user


def export_certificate(session: Session, owner: str, fingerprint: str | None = None) -> bytes:
    """The PEM certificate (and chain) of ``owner``'s key: the active one unless a fingerprint is given."""
    row, _user = _find_row(session, owner, fingerprint)
    return (row.certificate_pem + row.chain_pem).encode()


def revocation_record(fingerprint: str, reason: str, revoked_at: datetime, revoked_by: str) -> dict[str, Any]:
    """The canonical record of a revocation, whose SHA-256 is the ``key.revoked`` entry's digest."""
    return {"type": REVOCATION_RECORD_TYPE, "version": REVOCATION_RECORD_VERSION, "fingerprint": fingerprint,
            "reason": reason, "revoked_at": format_time(revoked_at), "revoked_by": revoked_by}


def revocation_digest(fingerprint: str, reason: str, revoked_at: datetime, revoked_by: str) -> str:
    return record_digest(revocation_record(fingerprint, reason, revoked_at, revoked_by))


def clean_reason(reason: str) -> str:
    """A revocation's reason as it goes into the sealed record: required, at most 200 characters."""
    return clean_text(reason, "reason", REVOCATION_REASON_LIMIT, required=True)


def record_revocation(session: Session, actor_name: str, row: SigningKey, reason: str,
                      now: datetime | None = None) -> None:
    """Mark ``row`` revoked for ``reason`` (already cleaned) and log it: the row's time is the entry's, and
    the entry's digest covers the revocation record, so verification recomputes both."""
    moment = now or utc_now()
    row.revoked_at = moment
    row.revocation_reason = reason
    ledger.append(session, actor_name, EventKind.KEY_REVOKED, f"{KEY_SUBJECT_PREFIX}{row.fingerprint}",
                  revocation_digest(row.fingerprint, reason, moment, actor_name), moment)


def revoke_key(session: Session, actor: Actor, owner: str, fingerprint: str | None = None, *,
               reason: str) -> KeyInfo:
    """Refuse new signatures by a key (its owner or an administrator may), for ``reason`` (required, kept
    in the ledger's record of the revocation); it stays for verifying. A revoked key is not revoked again."""
    row, user = _find_row(session, owner, fingerprint)
    if user.id != actor.user_id:
        require(actor, Action.MANAGE_USERS)
    else:
        require(actor, Action.HOLD_SIGNING_KEY)
    cleaned = clean_reason(reason)
    if row.revoked_at is not None:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "Signing key {fingerprint} was already revoked on {time}."),
            fingerprint=row.fingerprint, time=format_time(row.revoked_at))
    record_revocation(session, actor.name, row, cleaned)
    return _info(row, user.name, False, row.revoked_at, actor.name)


def _check_usable(session: Session, actor: Actor, row: SigningKey, now: datetime) -> None:
    """Refuse ``row`` for a signature by ``actor`` at ``now`` unless the row is the actor's, not revoked,
    its fingerprint is its certificate's, the ledger recorded its creation by the actor and no
    revocation, and ``now`` is inside the certificate's validity."""
    fingerprint = row.fingerprint
    if row.user_id != actor.user_id:
        raise NotAllowed(_NOT_THEIRS, fingerprint=fingerprint, user=actor.name)
    if row.revoked_at is not None:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "{user}'s signing key {fingerprint} has been revoked: it signs nothing new. Create or "
            "import a new key in Settings → Signing keys (or with “mediseal key new”)."), user=actor.name,
            fingerprint=fingerprint)
    try:
        certificate = certificates.load_certificate_pem(row.certificate_pem.encode())
        actual = certificates.certificate_fingerprint(certificate)
    except InvalidInput:
        certificate, actual = None, "-"
    if certificate is None or actual != fingerprint:
        log.warning("signing key %s refused: its certificate's SHA-256 is %s", fingerprint, actual)
        raise NotAllowed(_NOT_ITS_CERTIFICATE, fingerprint=fingerprint)
    # The ledger is the truth about keys (issue 8, part 2): a row the ledger never announced, or one it
    # records as revoked, signs nothing whatever the row says.
    entries = ledger.subject_entries(session, f"key:{fingerprint}")
    created = any(entry.kind in _CREATION_KINDS and entry.subject_sha256 == fingerprint
                  and entry.actor == actor.name for entry in entries)
    if not created:
        log.warning("signing key %s refused: the ledger records no creation of it by %s", fingerprint,
                    actor.name)
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "The ledger has no record of signing key {fingerprint} being made or imported by "
            "{user}: the key signs nothing. Ask an administrator to run a verification."),
            fingerprint=fingerprint, user=actor.name)
    if any(entry.kind == EventKind.KEY_REVOKED for entry in entries):
        log.warning("signing key %s refused: revoked in the ledger, not in its row", fingerprint)
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "The ledger records signing key {fingerprint} as revoked, though its stored row does "
            "not: the key signs nothing. Ask an administrator to run a verification."),
            fingerprint=fingerprint)
    moment = as_utc(now)
    # RFC 5280 §4.1.2.5: the certificate vouches for the key only from notBefore to notAfter, inclusive.
    if not certificate.not_valid_before_utc <= moment <= certificate.not_valid_after_utc:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "{user}'s signing key {fingerprint} is not valid at {time}: its certificate is valid "
            "from {not_before} to {not_after}. Make or import a new key."), user=actor.name,
            fingerprint=fingerprint, time=format_time(moment),
            not_before=format_time(certificate.not_valid_before_utc),
            not_after=format_time(certificate.not_valid_after_utc))


def require_usable_key(session: Session, actor: Actor, key: UnlockedKey,
                       now: datetime | None = None) -> SigningKey:
    """The stored row of ``key``, checked as usable for a signature by ``actor`` at ``now``; the one check
    before every signature (checkpoints, seals, preservation records, and later minutes and agreements).
    ``NotAllowed`` names the reason: not the actor's, revoked (by its row or by the ledger), a fingerprint
    that is not its certificate's, unknown to the ledger, or outside the certificate's validity."""
    row = session.get(SigningKey, key.key_id)
    if row is None or row.user_id != actor.user_id or key.owner != actor.name:
        raise NotAllowed(_NOT_THEIRS, fingerprint=key.fingerprint, user=actor.name)
    if row.fingerprint != key.fingerprint:
        log.warning("signing key %s refused: its stored fingerprint became %s", key.fingerprint,
                    row.fingerprint)
        raise NotAllowed(_NOT_ITS_CERTIFICATE, fingerprint=key.fingerprint)
    _check_usable(session, actor, row, now or utc_now())
    return row


def unlock(session: Session, actor: Actor, password: str, now: datetime | None = None) -> UnlockedKey:
    """Decrypt ``actor``'s active key for signing; refused without an unrevoked key, and for a key that
    ``require_usable_key`` would refuse."""
    row = _active_row(session, actor.user_id)
    if row is None:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "{user} has no usable signing key: create or import one in Settings → Signing keys (or "
            "with “mediseal key new”); a revoked key signs nothing new."), user=actor.name)
    _check_usable(session, actor, row, now or utc_now())
    private_key = key_files.decrypt_private_key(row.encrypted_private_key, password)
    cert = certificates.load_certificate_pem(row.certificate_pem.encode())
    return UnlockedKey(row.id, row.fingerprint, actor.name, cert, private_key)


def usable_key(session: Session, actor: Actor, password: str,
               now: datetime | None = None) -> UnlockedKey | None:
    """``actor``'s active key unlocked, or None when they have no usable one: what a sign-in gives, so a
    key made or imported during a session signs at once (the password was just typed)."""
    try:
        return unlock(session, actor, password, now)
    except NotAllowed:
        return None
