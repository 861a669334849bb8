"""Trusted timestamps (可信时间戳, RFC 3161) over signed checkpoints (DESIGN.md, Integrity 5).

What is timestamped: the SHA-256 of a checkpoint's canonical record, the exact bytes its signature covers
(``canonical_bytes(checkpoint.record())``, RFC 8785: ``type``, ``version``, ``tree_size``,
``root_sha256``, ``time``, ``signer``, ``certificate_sha256``), which is also the ``checkpoint.json`` of a
court package. One token covers the whole ledger up to that tree head.

Signing a checkpoint queues it (``timestamp_request``) when an authority is configured; ``send_pending``
posts each due request and verifies the response completely before anything is stored: status granted,
message imprint = our digest, nonce = ours, the token's CMS signature (RFC 5652 §5.4), the TSA
certificate's extendedKeyUsage (only timeStamping, critical: RFC 3161 §2.3) and its chain to the configured
CA certificates. A failure leaves the request queued with its attempts, last error and next try
(exponential backoff); a bad token is never stored. A stored token is append-only, with a ledger entry
``timestamp.stored`` carrying the SHA-256 of the token's DER.

asn1crypto's ``tsp``/``cms`` parse the messages and cryptography checks the signatures (rfc3161ng cannot
verify ECDSA-signed tokens: DESIGN.md, "Facts checked").
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from asn1crypto import cms, tsp  # type: ignore[import-untyped]
from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.engine import SessionScope
from db.models import Checkpoint, SigningKey, utc_now
from db.timestamps import TimestampAuthority, TimestampRequest, TimestampToken
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput
from desktop.core.integrity.canonical import canonical_bytes, record_digest
from desktop.core.trust import ledger
from desktop.core.trust.checkpoints import checkpoint_record
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Action, Actor, require, require_active

DEFAULT_TIMEOUT = 15.0  # seconds for one request
FIRST_RETRY = timedelta(minutes=1)
LONGEST_RETRY = timedelta(hours=6)
AUTHORITY_SUBJECT = "office:timestamp-authority"
AUTHORITY_RECORD_TYPE = "timestamp-authority"
QUERY_TYPE = "application/timestamp-query"  # RFC 3161 §3.4
_HASHES: dict[str, type[hashes.HashAlgorithm]] = {
    "sha256": hashes.SHA256, "sha384": hashes.SHA384, "sha512": hashes.SHA512}


class TimestampFailure(Exception):
    """A request that did not give a good token: the reason, in plain words (kept as the last error)."""


@dataclass(frozen=True, slots=True)
class Authority:
    """Where requests go and which CA certificates (PEM) a token's signer must chain to."""

    url: str
    username: str | None
    password: str | None
    ca_pem: str


@dataclass(frozen=True, slots=True)
class VerifiedToken:
    """A token that passed every check of ``verify_response``."""

    token: bytes  # the DER TimeStampToken (a CMS ContentInfo)
    gen_time: datetime
    signer_subject: str


@dataclass(frozen=True, slots=True)
class Pending:
    """A checkpoint waiting for its token."""

    checkpoint_id: int
    digest_sha256: str
    queued_at: datetime
    attempts: int
    last_error: str | None
    next_try_at: datetime


@dataclass(frozen=True, slots=True)
class Stored:
    """A stored token."""

    checkpoint_id: int
    digest_sha256: str
    token_sha256: str
    gen_time: datetime
    tsa_url: str


def checkpoint_digest(row: Checkpoint, fingerprint: str) -> str:
    """Hex SHA-256 of the checkpoint's canonical record bytes (what its signature covers)."""
    record = checkpoint_record(row.tree_size, row.root_sha256, row.signed_at, row.signer, fingerprint)
    return hashlib.sha256(canonical_bytes(record)).hexdigest()


# --- the authority ---------------------------------------------------------------------------------------

def _ca_certificates(ca_pem: str) -> list[x509.Certificate]:
    try:
        found = x509.load_pem_x509_certificates(ca_pem.encode("ascii"))
    except (ValueError, UnicodeEncodeError):
        found = []
    if not found:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The CA file holds no PEM certificate."),
                           field="ca_file")
    return found


def authority_record(url: str, username: str | None, ca_pem: str) -> dict[str, object]:
    """The canonical record a ``timestamp.authority_set`` entry digests (the password is left out)."""
    return {"type": AUTHORITY_RECORD_TYPE, "version": 1, "url": url, "username": username or "",
            "ca_sha256": hashlib.sha256(ca_pem.encode("ascii", errors="replace")).hexdigest()}


def authority(session: Session) -> Authority | None:
    row = session.get(TimestampAuthority, 1)
    return Authority(row.url, row.username, row.password, row.ca_pem) if row is not None else None


def set_authority(session: Session, actor: Actor, url: str, ca_pem: str, username: str | None = None,
                  password: str | None = None, now: datetime | None = None) -> Authority:
    """An administrator sets the office's timestamp authority (a ledger entry with the digest of the
    settings, the password left out of it)."""
    if not url.startswith(("http://", "https://")) or len(url) > 500 or any(ch.isspace() for ch in url):
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The timestamp authority's address must be an http:// "
                                                       "or https:// URL (not “{value}”)."),
                           field="url", value=url)
    _ca_certificates(ca_pem)
    ledger.lock(session)
    require(actor, Action.CHANGE_OFFICE_SETTINGS)
    when = now or utc_now()
    row = session.get(TimestampAuthority, 1)
    if row is None:
        row = TimestampAuthority(id=1)
        session.add(row)
    row.url, row.ca_pem, row.username, row.password = url, ca_pem, username or None, password or None
    row.changed_by, row.changed_at = actor.name, when
    session.flush()
    ledger.append(session, actor.name, EventKind.TIMESTAMP_AUTHORITY_SET, AUTHORITY_SUBJECT,
                  record_digest(authority_record(url, username, ca_pem)), now=when)
    return Authority(url, row.username, row.password, ca_pem)


# --- the queue -------------------------------------------------------------------------------------------

def pending(session: Session) -> list[Pending]:
    rows = session.scalars(select(TimestampRequest).order_by(TimestampRequest.checkpoint_id))
    return [Pending(r.checkpoint_id, r.digest_sha256, r.queued_at, r.attempts, r.last_error, r.next_try_at)
            for r in rows]


def stored(session: Session) -> list[Stored]:
    rows = session.scalars(select(TimestampToken).order_by(TimestampToken.checkpoint_id))
    return [Stored(r.checkpoint_id, r.digest_sha256, r.token_sha256, r.gen_time, r.tsa_url) for r in rows]


def backoff(attempts: int) -> timedelta:
    """Wait before the next try after ``attempts`` failures: 1 min, 2, 4… at most 6 hours."""
    return min(FIRST_RETRY * (2 ** max(attempts - 1, 0)), LONGEST_RETRY) if attempts < 20 else LONGEST_RETRY


# --- request, transport, verification --------------------------------------------------------------------

def make_request(digest: bytes, nonce: int) -> bytes:
    """The DER TimeStampReq (RFC 3161 §2.4.1): SHA-256 imprint, our nonce, certReq true."""
    return bytes(tsp.TimeStampReq({
        "version": "v1",
        "message_imprint": {"hash_algorithm": {"algorithm": "sha256"}, "hashed_message": digest},
        "nonce": nonce, "cert_req": True}).dump())


def post(found: Authority, request: bytes, timeout: float) -> bytes:
    """POST the request over HTTP (RFC 3161 §3.4); the body of a 200 answer, else ``TimestampFailure``."""
    headers = {"Content-Type": QUERY_TYPE}
    if found.username:
        pair = f"{found.username}:{found.password or ''}".encode()
        headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
    asked = urllib.request.Request(found.url, data=request, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(asked, timeout=timeout) as answer:
            return bytes(answer.read(1 << 20))
    except urllib.error.HTTPError as error:
        raise TimestampFailure(f"the authority answered HTTP {error.code}") from error
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        if isinstance(reason, TimeoutError) or isinstance(error, TimeoutError):
            raise TimestampFailure(f"no answer within {timeout:g} s (timeout)") from error
        raise TimestampFailure(f"cannot reach the authority: {reason}") from error


def _signer_certificate(signed: cms.SignedData, info: cms.SignerInfo) -> tuple[x509.Certificate,
                                                                                 list[x509.Certificate]]:
    certificates = [choice.chosen for choice in signed["certificates"] or [] if choice.name == "certificate"]
    sid = info["sid"]
    signer = None
    for certificate in certificates:
        if sid.name == "issuer_and_serial_number":
            if certificate.serial_number == sid.chosen["serial_number"].native and \
                    certificate.issuer == sid.chosen["issuer"]:
                signer = certificate
        elif certificate.key_identifier == sid.chosen.native:
            signer = certificate
    if signer is None:
        raise TimestampFailure("the token does not carry its signer's certificate (certReq was true)")
    return (x509.load_der_x509_certificate(signer.dump()),
            [x509.load_der_x509_certificate(cert.dump()) for cert in certificates])


def _check_signature(certificate: x509.Certificate, info: cms.SignerInfo, signed_bytes: bytes) -> None:
    digest_name = info["digest_algorithm"]["algorithm"].native
    if digest_name not in _HASHES:
        raise TimestampFailure(f"the token's digest algorithm {digest_name} is not accepted")
    chosen = _HASHES[digest_name]()
    signature = info["signature"].native
    key = certificate.public_key()
    algorithm = info["signature_algorithm"]["algorithm"].native
    try:
        if isinstance(key, ec.EllipticCurvePublicKey):
            key.verify(signature, signed_bytes, ec.ECDSA(chosen))
        elif isinstance(key, rsa.RSAPublicKey):
            scheme: padding.AsymmetricPadding = padding.PKCS1v15()
            if algorithm == "rsassa_pss":
                scheme = padding.PSS(mgf=padding.MGF1(chosen), salt_length=padding.PSS.AUTO)
            key.verify(signature, signed_bytes, scheme, chosen)
        else:
            raise TimestampFailure("the TSA's key type is not supported")
    except InvalidSignature as error:
        raise TimestampFailure("the token's signature does not verify") from error


def _check_chain(signer: x509.Certificate, carried: list[x509.Certificate], ca_pem: str,
                 when: datetime) -> None:
    """The signer's chain up to one of the configured CA certificates (intermediates from the token)."""
    anchors = _ca_certificates(ca_pem)
    current = signer
    for _depth in range(8):
        if not current.not_valid_before_utc <= when <= current.not_valid_after_utc:
            raise TimestampFailure(f"the certificate {current.subject.rfc4514_string()} was not valid at the "
                                   "token's time")
        if current in anchors:
            return
        for issuer in [*anchors, *carried]:
            if issuer.subject != current.issuer or issuer == current:
                continue
            try:
                current.verify_directly_issued_by(issuer)
            except (ValueError, TypeError, InvalidSignature):
                continue
            if issuer in anchors:
                return
            current = issuer
            break
        else:
            raise TimestampFailure("the TSA certificate does not chain to the configured CA")
    raise TimestampFailure("the TSA certificate's chain is too long")


def check_token(token: bytes, digest: bytes) -> tuple[tsp.TSTInfo, x509.Certificate, list[x509.Certificate]]:
    """The checks a stored token gets again at verification: its form, imprint (SHA-256 = ``digest``), CMS
    signature over the signed attributes whose message digest covers the TSTInfo (RFC 5652 §5.4), and the
    signer's critical timeStamping-only extendedKeyUsage (RFC 3161 §2.3)."""
    try:
        info_ = cms.ContentInfo.load(token)
        if info_["content_type"].native != "signed_data":
            raise TimestampFailure("the token is not CMS SignedData")
        signed = info_["content"]
        encapsulated = signed["encap_content_info"]
        if encapsulated["content_type"].native != "tst_info":
            raise TimestampFailure("the token does not hold a TSTInfo")
        content = encapsulated["content"].contents
        tst = tsp.TSTInfo.load(content)
        imprint = tst["message_imprint"]
        if imprint["hash_algorithm"]["algorithm"].native != "sha256" or \
                imprint["hashed_message"].native != digest:
            raise TimestampFailure("the token is for another digest (message imprint differs)")
        if len(signed["signer_infos"]) != 1:
            raise TimestampFailure("the token has not exactly one signer")
        info = signed["signer_infos"][0]
        attributes = info["signed_attrs"]
        if not attributes:
            raise TimestampFailure("the token has no signed attributes")
        values = {attribute["type"].native: attribute["values"][0].native for attribute in attributes}
        if values.get("content_type") != "tst_info":
            raise TimestampFailure("the token's content-type attribute is not TSTInfo")
        digest_name = info["digest_algorithm"]["algorithm"].native
        if digest_name not in _HASHES or \
                values.get("message_digest") != hashlib.new(digest_name, content).digest():
            raise TimestampFailure("the token's message-digest attribute does not match its TSTInfo")
        signer, carried = _signer_certificate(signed, info)
        # RFC 5652 §5.4: the signature covers the DER of the attributes as a SET OF (tag 0x31, not [0]).
        _check_signature(signer, info, b"\x31" + attributes.dump()[1:])
        tst.native  # noqa: B018 (parses every field: a malformed TSTInfo fails here, not later)
    except TimestampFailure:
        raise
    except (ValueError, TypeError, KeyError, IndexError, OverflowError, UnsupportedAlgorithm,
            x509.InvalidVersion) as error:
        raise TimestampFailure(f"the token cannot be read: {error}") from error
    try:
        usage = signer.extensions.get_extension_for_class(x509.ExtendedKeyUsage)
    except x509.ExtensionNotFound as error:
        raise TimestampFailure("the TSA certificate has no extendedKeyUsage") from error
    except ValueError as error:  # cryptography parses extensions when first read
        raise TimestampFailure(f"the TSA certificate's extensions cannot be read: {error}") from error
    if not usage.critical or list(usage.value) != [ExtendedKeyUsageOID.TIME_STAMPING]:
        raise TimestampFailure("the TSA certificate's extendedKeyUsage is not timeStamping only and critical "
                               "(RFC 3161 §2.3)")
    _check_signing_certificate(values, signer)
    return tst, signer, carried


def _check_signing_certificate(values: dict[str, object], signer: x509.Certificate) -> None:
    """RFC 3161 §2.4.2 / RFC 5816: the ESS signing-certificate attribute (v1: SHA-1, v2: its hash, SHA-256
    by default) names the certificate that signed, so another certificate of the same key is refused."""
    der = signer.public_bytes(serialization.Encoding.DER)
    named = values.get("signing_certificate_v2") or values.get("signing_certificate")
    certs = named.get("certs") if isinstance(named, dict) else None
    if not certs:
        raise TimestampFailure("the token has no ESS signing-certificate attribute (RFC 3161 §2.4.2)")
    first = certs[0]
    algorithm = (first.get("hash_algorithm") or {}).get("algorithm", "sha256") \
        if "signing_certificate_v2" in values else "sha1"
    if algorithm not in ("sha1", *_HASHES) or hashlib.new(algorithm, der).digest() != first.get("cert_hash"):
        raise TimestampFailure("the token's signing-certificate attribute names another certificate")


def verify_response(response: bytes, digest: bytes, nonce: int, ca_pem: str) -> VerifiedToken:
    """Every check of a TimeStampResp before its token may be stored, else ``TimestampFailure``."""
    try:
        parsed = tsp.TimeStampResp.load(response)
        status = parsed["status"]["status"].native
        if status not in ("granted", "granted_with_mods"):
            text = parsed["status"]["status_string"].native
            raise TimestampFailure(f"the authority refused: {status} {' '.join(text or [])}".strip())
        token = parsed["time_stamp_token"]
        if not isinstance(token, cms.ContentInfo) or token.contents is None:
            raise TimestampFailure("the response holds no token")
        token_bytes = token.dump()
    except TimestampFailure:
        raise
    except (ValueError, TypeError, KeyError, OverflowError) as error:
        raise TimestampFailure(f"the response is not an RFC 3161 answer: {error}") from error
    tst, signer, carried = check_token(token_bytes, digest)
    if tst["nonce"].native != nonce:
        raise TimestampFailure("the token's nonce is not ours (a replayed or mixed-up answer)")
    gen_time = tst["gen_time"].native
    _check_chain(signer, carried, ca_pem, gen_time)
    return VerifiedToken(token_bytes, gen_time, signer.subject.rfc4514_string())


def request_token(found: Authority, digest_hex: str, timeout: float = DEFAULT_TIMEOUT) -> VerifiedToken:
    """Ask the authority for a token over ``digest_hex`` and verify it."""
    digest = bytes.fromhex(digest_hex)
    nonce = secrets.randbits(63) | 1  # a positive INTEGER (RFC 3161 §2.4.1)
    answer = post(found, make_request(digest, nonce), timeout)
    return verify_response(answer, digest, nonce, found.ca_pem)


# --- sending the queue -----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class SendResult:
    checkpoint_id: int
    error: str | None  # None: stored


def _store(session: Session, actor: Actor, checkpoint_id: int, found: Authority, token: VerifiedToken,
           now: datetime) -> bool:
    ledger.lock(session)  # first: the sign-in is checked under the lock sign-out takes
    require_active(actor)
    actor_name = actor.name
    request = session.get(TimestampRequest, checkpoint_id)
    if request is None or session.scalar(select(TimestampToken.id).where(
            TimestampToken.checkpoint_id == checkpoint_id)) is not None:
        return False  # another seat stored it meanwhile
    row, fingerprint = session.execute(select(Checkpoint, SigningKey.fingerprint).join(SigningKey).where(
        Checkpoint.id == checkpoint_id)).one()
    if checkpoint_digest(row, fingerprint) != request.digest_sha256:
        raise TimestampFailure("the checkpoint no longer matches the digest that was sent")
    token_sha256 = hashlib.sha256(token.token).hexdigest()
    number = int(session.scalar(select(func.max(TimestampToken.id))) or 0) + 1
    session.add(TimestampToken(id=number, checkpoint_id=checkpoint_id, digest_sha256=request.digest_sha256,
                               token=token.token, token_sha256=token_sha256, gen_time=token.gen_time,
                               tsa_url=found.url, stored_by=actor_name, stored_at=now))
    session.delete(request)
    session.flush()
    ledger.append(session, actor_name, EventKind.TIMESTAMP_STORED, token_subject(checkpoint_id),
                  token_sha256, now=now)
    return True


def token_subject(checkpoint_id: int) -> str:
    return f"checkpoint:{checkpoint_id}"


def _failed(session: Session, checkpoint_id: int, error: str, now: datetime) -> None:
    request = session.get(TimestampRequest, checkpoint_id)
    if request is None:
        return
    request.attempts += 1
    request.last_error = error[:2000]
    request.last_try_at = now
    request.next_try_at = now + backoff(request.attempts)
    session.flush()



def send_pending(scope: SessionScope, actor: Actor, *, now: datetime | None = None,
                 timeout: float = DEFAULT_TIMEOUT, due_only: bool = True) -> list[SendResult]:
    """Send the queued requests (those due, or all with ``due_only=False``), each in its own short
    transaction; no transaction is open while waiting for the authority. ``actor`` (any signed-in user)
    records the tokens; once their sign-in ended nothing is stored (``NotAllowed``), the requests wait."""
    require_active(actor)
    when = now or utc_now()
    with scope() as session:
        found = authority(session)
        query = select(TimestampRequest.checkpoint_id, TimestampRequest.digest_sha256).order_by(
            TimestampRequest.checkpoint_id)
        if due_only:
            query = query.where(TimestampRequest.next_try_at <= when)
        due = [(int(checkpoint_id), str(digest)) for checkpoint_id, digest in session.execute(query)]
    if found is None:
        return []
    return [send_one(scope, actor, found, checkpoint_id, digest, when, timeout)
            for checkpoint_id, digest in due]


def send_one(scope: SessionScope, actor: Actor, found: Authority, checkpoint_id: int, digest: str,
             now: datetime, timeout: float = DEFAULT_TIMEOUT) -> SendResult:
    """Ask ``found`` for the token of one queued checkpoint with no transaction open while waiting, then
    store it (verified) or note the failure in the queue, each in a short transaction of its own."""
    try:
        token = request_token(found, digest, timeout)
        with scope() as session:
            _store(session, actor, checkpoint_id, found, token, now)
        return SendResult(checkpoint_id, None)
    except TimestampFailure as error:
        with scope() as session:
            _failed(session, checkpoint_id, str(error), now)
        return SendResult(checkpoint_id, str(error))


def tokens(session: Session) -> Iterator[tuple[TimestampToken, Checkpoint | None, str | None]]:
    """Every stored token with its checkpoint and that checkpoint's certificate fingerprint."""
    for row in session.scalars(select(TimestampToken).order_by(TimestampToken.id)):
        found = session.execute(select(Checkpoint, SigningKey.fingerprint).join(SigningKey).where(
            Checkpoint.id == row.checkpoint_id)).first()
        yield row, (found[0] if found else None), (found[1] if found else None)


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a receiver needs to check a checkpoint's timestamp by hand (a court package's
    ``mediseal/timestamps/``): the RFC 3161 response (``checkpoint.tsr``) and the certificates the token
    carries (PEM: the TSA's, and any intermediates)."""

    response: bytes
    certificates_pem: list[bytes]


def evidence_for(session: Session, checkpoint_id: int) -> Evidence | None:
    """The stored token of ``checkpoint_id`` as a granted ``TimeStampResp`` (``openssl ts -verify -in``
    reads it) with its certificates; None when the checkpoint has no token."""
    token = session.scalar(select(TimestampToken.token).where(TimestampToken.checkpoint_id == checkpoint_id))
    if token is None:
        return None
    content = cms.ContentInfo.load(token)
    response = tsp.TimeStampResp({"status": {"status": "granted"}, "time_stamp_token": content}).dump()
    carried = [choice.chosen for choice in content["content"]["certificates"] or []
               if choice.name == "certificate"]
    pems = [x509.load_der_x509_certificate(cert.dump()).public_bytes(serialization.Encoding.PEM)
            for cert in carried]
    return Evidence(bytes(response), pems)
