"""Users' signing keys: make one (self-signed), import one from a CA (PKCS#12), export the certificate,
revoke, and unlock one for signing with the owner's password.

Private keys exist unencrypted only in memory, in an ``UnlockedKey``; the database holds them encrypted
under the owner's password. A revoked key stays, so old signatures still verify, but signs nothing new.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.ec import EllipticCurvePrivateKey
from cryptography.x509.oid import NameOID
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import SigningKey, User, utc_now
from desktop.core.errors import QT_TRANSLATE_NOOP, NotAllowed, NotFound
from desktop.core.office.office import get_office
from desktop.core.trust import ledger
from desktop.core.trust.events import EventKind
from desktop.core.trust.passwords import password_matches
from desktop.core.trust.permissions import Action, Actor, require
from desktop.core.trust.pki import certificates, key_files, signatures
from desktop.core.trust.pki.pkcs12 import load_pkcs12

SOURCE_SELF_SIGNED = "self-signed"
SOURCE_PKCS12 = "pkcs12"


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


def _info(row: SigningKey, owner: str) -> KeyInfo:
    cert = certificates.load_certificate_pem(row.certificate_pem.encode())
    return KeyInfo(row.fingerprint, owner, _name(cert.subject), _name(cert.issuer),
                   cert.not_valid_before_utc, cert.not_valid_after_utc, row.source, row.created_at,
                   row.revoked_at)


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


def list_keys(session: Session, owner: str | None = None) -> list[KeyInfo]:
    """Every key (or one user's), oldest first; certificates are public, so anyone may list them."""
    query = select(SigningKey, User.name).join(User).order_by(SigningKey.id)
    if owner is not None:
        query = query.where(User.name == owner)
    return [_info(row, name) for row, name in session.execute(query)]


def _active_row(session: Session, user_id: int) -> SigningKey | None:
    return session.scalar(select(SigningKey).where(SigningKey.user_id == user_id,
                                                   SigningKey.revoked_at.is_(None))
                          .order_by(SigningKey.id.desc()).limit(1))


def _find_row(session: Session, owner: str, fingerprint: str | None) -> tuple[SigningKey, User]:
    user = session.scalar(select(User).where(User.name == owner))
    if user is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no user “{name}”."), name=owner)
    if fingerprint is None:
        row = session.scalar(select(SigningKey).where(SigningKey.user_id == user.id)
                             .order_by(SigningKey.revoked_at.is_(None).desc(), SigningKey.id.desc()).limit(1))
    else:
        row = session.scalar(select(SigningKey).where(SigningKey.user_id == user.id,
                                                      SigningKey.fingerprint.startswith(fingerprint.lower())))
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "“{name}” has no such signing key."), name=owner)
    return row, user


def export_certificate(session: Session, owner: str, fingerprint: str | None = None) -> bytes:
    """The PEM certificate (and chain) of ``owner``'s key: the active one unless a fingerprint is given."""
    row, _user = _find_row(session, owner, fingerprint)
    return (row.certificate_pem + row.chain_pem).encode()


def revoke_key(session: Session, actor: Actor, owner: str, fingerprint: str | None = None) -> KeyInfo:
    """Refuse new signatures by a key (its owner or an administrator may); it stays for verifying."""
    row, user = _find_row(session, owner, fingerprint)
    if user.id != actor.user_id:
        require(actor, Action.MANAGE_USERS)
    if row.revoked_at is None:
        row.revoked_at = utc_now()
        ledger.append(session, actor.name, EventKind.KEY_REVOKED, f"key:{row.fingerprint}", row.fingerprint)
    return _info(row, user.name)


def unlock(session: Session, actor: Actor, password: str) -> UnlockedKey:
    """Decrypt ``actor``'s active key for signing; refused without an unrevoked key."""
    row = _active_row(session, actor.user_id)
    if row is None:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "{user} has no usable signing key: make one with “mediseal key new” or import "
            "one (a revoked key signs nothing new)."), user=actor.name)
    private_key = key_files.decrypt_private_key(row.encrypted_private_key, password)
    cert = certificates.load_certificate_pem(row.certificate_pem.encode())
    return UnlockedKey(row.id, row.fingerprint, actor.name, cert, private_key)
