"""Signing keys and certificates for seals (签章): ECDSA P-256 with SHA-256 in X.509 (DESIGN.md, Integrity 3).

Seals use exactly this pair so a court can check them with plain ``openssl dgst -sha256 -verify``. A
private key leaves memory only inside a key file encrypted under its owner's password
(``encrypt_private_key``); certificates are self-signed here or imported from a CA as PKCS#12.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import os
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature, InvalidTag, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, rsa
from cryptography.hazmat.primitives.asymmetric.ec import EllipticCurvePrivateKey, EllipticCurvePublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from desktop.core.canonical import as_utc, format_time
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput, NotAllowed
from desktop.core.text import has_control

# The seal algorithm: ECDSA (FIPS 186-5) on P-256, named secp256r1 / prime256v1 in RFC 5480 §2.1.1.1.
SIGNING_CURVE_NAME = ec.SECP256R1.name
SIGNATURE_HASH = hashes.SHA256
CERTIFICATE_VALIDITY_YEARS = 5
# RFC 5280 Appendix A.1: ub-common-name and ub-organization-name are both 64. cryptography counts the
# common name in UTF-8 bytes (so 21 Chinese characters); the organization is counted in characters.
COMMON_NAME_MAX_BYTES = 64
ORGANIZATION_MAX = 64

# RFC 7914 scrypt cost for new key files. Every key file records its own parameters, so these can be
# raised later without making older files unreadable.
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
# Limits on parameters read back from a key file, so a crafted file cannot demand unbounded work.
SCRYPT_MEMORY_MAX = 2**30  # bytes; scrypt needs 128 * N * r (RFC 7914 §2)
SCRYPT_P_MAX = 16
SCRYPT_SALT_BYTES = 16
AES_KEY_BYTES = 32  # AES-256
GCM_NONCE_BYTES = 12  # NIST SP 800-38D §8.2: 96-bit IVs
GCM_TAG_BYTES = 16  # NIST SP 800-38D §5.2.1.2: full 128-bit tag
PASSWORD_CHECK_BYTES = 32

KEY_FILE_FORMAT = "mediseal-private-key"
KEY_FILE_VERSION = 1
KEY_FILE_CONTENT = "PKCS#8 DER"
KDF_NAME = "scrypt"
CIPHER_NAME = "AES-256-GCM"
# AES-GCM associated data: the ciphertext opens only as this format and version.
KEY_FILE_ASSOCIATED_DATA = f"{KEY_FILE_FORMAT}/{KEY_FILE_VERSION}".encode("ascii")

# Tags of the DER prefix of a PKCS#12 PFX (RFC 7292 §4): SEQUENCE { version INTEGER 3, authSafe ... }.
_DER_SEQUENCE = 0x30
_PFX_VERSION = bytes((0x02, 0x01, 0x03))


@dataclass(frozen=True, slots=True)
class ImportedKey:
    """A signing key and its certificate taken from a PKCS#12 file, with any CA certificates it held."""

    key: EllipticCurvePrivateKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]


@dataclass(frozen=True, slots=True)
class _KeyFile:
    """The parsed fields of an encrypted key file."""

    n: int
    r: int
    p: int
    salt: bytes
    password_check: bytes
    nonce: bytes
    ciphertext: bytes


# --- keys and certificates --------------------------------------------------------------------------
def new_signing_key(common_name: str, organization: str,
                    now: datetime) -> tuple[EllipticCurvePrivateKey, x509.Certificate]:
    """A new ECDSA P-256 key and its self-signed certificate, valid for five years from ``now``."""
    common_name, organization = common_name.strip(), organization.strip()
    if (not common_name or has_control(common_name)
            or len(common_name.encode("utf-8")) > COMMON_NAME_MAX_BYTES):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The name on the certificate must be one line of at most {limit} "
                                        "bytes in UTF-8 (about {chinese_limit} Chinese characters)."),
            field="common_name", limit=COMMON_NAME_MAX_BYTES, chinese_limit=COMMON_NAME_MAX_BYTES // 3)
    if not organization or has_control(organization) or len(organization) > ORGANIZATION_MAX:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The organization on the certificate must be one line of at most "
                                        "{limit} characters."),
            field="organization", limit=ORGANIZATION_MAX)
    not_before = as_utc(now).replace(microsecond=0)  # X.509 times have whole seconds (RFC 5280 §4.1.2.5)
    key = ec.generate_private_key(ec.SECP256R1())
    # DER order, most significant first as CAs write it: O, then CN.
    name = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(_add_years(not_before, CERTIFICATE_VALIDITY_YEARS))
        # RFC 5280 §4.2.1.3: a seal key signs records and vouches for them (contentCommitment), nothing else.
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True,
                                     key_encipherment=False, data_encipherment=False, key_agreement=False,
                                     key_cert_sign=False, crl_sign=False, encipher_only=False,
                                     decipher_only=False), critical=True)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, SIGNATURE_HASH())
    )
    return key, certificate


def _add_years(moment: datetime, years: int) -> datetime:
    """The same calendar date ``years`` later; 29 February becomes 28 February."""
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:
        return moment.replace(year=moment.year + years, day=28)


def _key_kind(key: object) -> str:
    """A short name for a key's algorithm, such as ``RSA-2048`` or ``EC secp384r1``."""
    if isinstance(key, rsa.RSAPrivateKey | rsa.RSAPublicKey):
        return f"RSA-{key.key_size}"
    if isinstance(key, ec.EllipticCurvePrivateKey | ec.EllipticCurvePublicKey):
        return f"EC {key.curve.name}"
    if isinstance(key, dsa.DSAPrivateKey | dsa.DSAPublicKey):
        return f"DSA-{key.key_size}"
    if isinstance(key, ed25519.Ed25519PrivateKey | ed25519.Ed25519PublicKey):
        return "Ed25519"
    if isinstance(key, ed448.Ed448PrivateKey | ed448.Ed448PublicKey):
        return "Ed448"
    return type(key).__name__


def _is_p256(key: object) -> bool:
    return (isinstance(key, ec.EllipticCurvePrivateKey | ec.EllipticCurvePublicKey)
            and key.curve.name == SIGNING_CURVE_NAME)


def _require_p256(key: object) -> EllipticCurvePrivateKey:
    if not _is_p256(key) or not isinstance(key, EllipticCurvePrivateKey):
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Seals need an ECDSA P-256 key, not {kind}."),
                           kind=_key_kind(key))
    return key


# --- encrypted key files ----------------------------------------------------------------------------
def encrypt_private_key(key: EllipticCurvePrivateKey, password: str) -> bytes:
    """The key as an encrypted key file (JSON): PKCS#8 DER under AES-256-GCM with a scrypt-derived key."""
    key = _require_p256(key)
    if not password:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The password for a key must not be empty."),
                           field="password")
    salt = os.urandom(SCRYPT_SALT_BYTES)
    nonce = os.urandom(GCM_NONCE_BYTES)
    aes_key, password_check = _derive(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    plaintext = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                  serialization.NoEncryption())
    ciphertext = AESGCM(aes_key).encrypt(nonce, plaintext, KEY_FILE_ASSOCIATED_DATA)
    document = {
        "format": KEY_FILE_FORMAT,
        "version": KEY_FILE_VERSION,
        "content": KEY_FILE_CONTENT,
        "kdf": {"name": KDF_NAME, "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": _b64(salt)},
        "password_check": _b64(password_check),
        "cipher": {"name": CIPHER_NAME, "nonce": _b64(nonce)},
        "ciphertext": _b64(ciphertext),
    }
    return (json.dumps(document, indent=2) + "\n").encode("ascii")


def decrypt_private_key(blob: bytes, password: str) -> EllipticCurvePrivateKey:
    """Open an encrypted key file: ``NotAllowed`` for a wrong password, ``InvalidInput`` if it is damaged."""
    key_file = _parse_key_file(blob)
    aes_key, password_check = _derive(password, key_file.salt, key_file.n, key_file.r, key_file.p)
    if not hmac.compare_digest(password_check, key_file.password_check):
        raise NotAllowed(QT_TRANSLATE_NOOP("errors", "The password does not unlock this key."))
    try:
        plaintext = AESGCM(aes_key).decrypt(key_file.nonce, key_file.ciphertext, KEY_FILE_ASSOCIATED_DATA)
    except InvalidTag:
        raise _damaged("the ciphertext fails its authentication tag") from None
    try:
        key = serialization.load_der_private_key(plaintext, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        raise _damaged("the decrypted bytes are not a PKCS#8 key") from None
    if not _is_p256(key) or not isinstance(key, EllipticCurvePrivateKey):
        raise _damaged("the key is not ECDSA P-256")
    return key


def reencrypt_private_key(blob: bytes, old_password: str, new_password: str) -> bytes:
    """The same key in a new key file under ``new_password`` (fresh salt and nonce, current scrypt cost)."""
    return encrypt_private_key(decrypt_private_key(blob, old_password), new_password)


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> tuple[bytes, bytes]:
    """The AES key and the password check value, both from one scrypt output."""
    # RFC 8265 §4.2.2 (OpaqueString): NFC, so the same password typed through different input methods
    # gives the same bytes.
    secret = unicodedata.normalize("NFC", password).encode("utf-8")
    derived = Scrypt(salt=salt, length=AES_KEY_BYTES + PASSWORD_CHECK_BYTES, n=n, r=r, p=p).derive(secret)
    return derived[:AES_KEY_BYTES], derived[AES_KEY_BYTES:]


def _damaged(reason: str) -> InvalidInput:
    return InvalidInput(QT_TRANSLATE_NOOP("errors", "The key file is damaged and cannot be read; restore "
                                                    "it from a backup."), reason=reason)


def _parse_key_file(blob: bytes) -> _KeyFile:
    """Check the key file's structure and bounds before any expensive work."""
    try:
        document = json.loads(blob)
    except (ValueError, TypeError):  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise _damaged("not JSON") from None
    if not isinstance(document, dict) or document.get("format") != KEY_FILE_FORMAT:
        raise _damaged("not a Mediseal key file")
    if document.get("version") != KEY_FILE_VERSION:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors", "The key file has format version {version}, which this version "
                                        "of Mediseal cannot read."),
            version=str(document.get("version")))
    kdf = _object(document, "kdf")
    cipher = _object(document, "cipher")
    if kdf.get("name") != KDF_NAME or cipher.get("name") != CIPHER_NAME \
            or document.get("content") != KEY_FILE_CONTENT:
        raise _damaged("unknown algorithm or content")
    n, r, p = _integer(kdf, "n"), _integer(kdf, "r"), _integer(kdf, "p")
    if n < 2 or n & (n - 1) or r < 1 or not 1 <= p <= SCRYPT_P_MAX or 128 * n * r > SCRYPT_MEMORY_MAX:
        raise _damaged("scrypt parameters out of range")
    key_file = _KeyFile(n=n, r=r, p=p, salt=_bytes(kdf, "salt"),
                        password_check=_bytes(document, "password_check"),
                        nonce=_bytes(cipher, "nonce"), ciphertext=_bytes(document, "ciphertext"))
    if (len(key_file.salt) != SCRYPT_SALT_BYTES or len(key_file.password_check) != PASSWORD_CHECK_BYTES
            or len(key_file.nonce) != GCM_NONCE_BYTES or len(key_file.ciphertext) <= GCM_TAG_BYTES):
        raise _damaged("a field has the wrong length")
    return key_file


def _object(document: dict[str, Any], name: str) -> dict[str, Any]:
    value = document.get(name)
    if not isinstance(value, dict):
        raise _damaged(f"{name} is not an object")
    return value


def _integer(document: dict[str, Any], name: str) -> int:
    value = document.get(name)
    if not isinstance(value, int) or isinstance(value, bool):
        raise _damaged(f"{name} is not an integer")
    return value


def _bytes(document: dict[str, Any], name: str) -> bytes:
    value = document.get(name)
    if not isinstance(value, str):
        raise _damaged(f"{name} is not text")
    try:
        return base64.b64decode(value.encode("ascii"), validate=True)
    except (ValueError, binascii.Error):  # UnicodeEncodeError is a ValueError
        raise _damaged(f"{name} is not base64") from None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


# --- PKCS#12 import ---------------------------------------------------------------------------------
def load_pkcs12(data: bytes, password: str, now: datetime) -> ImportedKey:
    """Take a seal key and certificate from a CA's PKCS#12 file, refusing anything a seal cannot use."""
    if not _looks_like_pfx(data):
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The file is not a PKCS#12 (.p12 or .pfx) file."))
    # The integrity MAC covers the whole content, so a wrong password and damage past the header look
    # the same; the header check above catches files that are not PKCS#12 at all.
    candidates: list[bytes | None] = [password.encode("utf-8")] if password else [None, b""]
    loaded = None
    for candidate in candidates:
        try:
            loaded = pkcs12.load_pkcs12(data, candidate)
            break
        except (ValueError, UnsupportedAlgorithm):
            continue
    if loaded is None:
        raise NotAllowed(QT_TRANSLATE_NOOP("errors", "The password does not open this PKCS#12 file."))
    if loaded.key is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The PKCS#12 file holds no private key."))
    key = loaded.key
    if not _is_p256(key) or not isinstance(key, EllipticCurvePrivateKey):
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The key in the PKCS#12 file is {kind}; seals need "
                                                       "an ECDSA P-256 key."), kind=_key_kind(key))
    certificates = [extra.certificate for extra in loaded.additional_certs]
    if loaded.cert is not None:
        certificates.insert(0, loaded.cert.certificate)
    if not certificates:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The PKCS#12 file holds no certificate."))
    # The parser pairs the key with a certificate by key identifier or by public key; without a pair,
    # look for the key's certificate among the others before refusing.
    certificate = next((candidate for candidate in certificates if _same_public_key(key, candidate)), None)
    if certificate is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The certificate in the PKCS#12 file does not "
                                                       "belong to its private key."))
    moment = as_utc(now)
    if moment > certificate.not_valid_after_utc:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The certificate in the PKCS#12 file expired on "
                                                       "{not_after}."),
                           not_after=format_time(certificate.not_valid_after_utc))
    if moment < certificate.not_valid_before_utc:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The certificate in the PKCS#12 file is not valid "
                                                       "before {not_before}."),
                           not_before=format_time(certificate.not_valid_before_utc))
    if not _allows_signing(certificate):
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The certificate in the PKCS#12 file does not allow "
                                                       "digital signatures (key usage)."))
    chain = tuple(other for other in certificates if other is not certificate)
    return ImportedKey(key=key, certificate=certificate, chain=chain)


def _looks_like_pfx(data: bytes) -> bool:
    """True when ``data`` is one DER SEQUENCE spanning all of it that starts with version 3 (RFC 7292 §4)."""
    if len(data) < 2 or data[0] != _DER_SEQUENCE:
        return False
    first = data[1]
    if first < 0x80:  # X.690 §8.1.3.4: short form, the length itself
        header, length = 2, first
    else:  # X.690 §8.1.3.5: long form, the next (first & 0x7f) bytes hold the length
        size = first & 0x7F
        if size == 0 or size > 4 or len(data) < 2 + size:
            return False
        header, length = 2 + size, int.from_bytes(data[2:2 + size], "big")
    return header + length == len(data) and data[header:header + len(_PFX_VERSION)] == _PFX_VERSION


def _same_public_key(key: EllipticCurvePrivateKey, certificate: x509.Certificate) -> bool:
    spki = serialization.PublicFormat.SubjectPublicKeyInfo
    try:
        certified = certificate.public_key().public_bytes(serialization.Encoding.DER, spki)
    except (ValueError, UnsupportedAlgorithm):
        return False
    return certified == key.public_key().public_bytes(serialization.Encoding.DER, spki)


def _allows_signing(certificate: x509.Certificate) -> bool:
    """False when a KeyUsage extension is present and allows neither signatures nor non-repudiation."""
    try:
        usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return True
    except ValueError:  # a malformed extension
        return False
    return usage.digital_signature or usage.content_commitment


# --- signatures -------------------------------------------------------------------------------------
def sign(key: EllipticCurvePrivateKey, data: bytes) -> bytes:
    """A DER-encoded ECDSA signature (RFC 3279 §2.2.3 Ecdsa-Sig-Value) over SHA-256 of ``data``."""
    return _require_p256(key).sign(data, ec.ECDSA(SIGNATURE_HASH()))


def verify(signer: x509.Certificate | EllipticCurvePublicKey, data: bytes, signature: bytes) -> bool:
    """True when ``signature`` is a valid seal over ``data`` by this P-256 key; False for anything else."""
    try:
        public_key = signer.public_key() if isinstance(signer, x509.Certificate) else signer
        if not _is_p256(public_key) or not isinstance(public_key, EllipticCurvePublicKey):
            return False
        public_key.verify(signature, data, ec.ECDSA(SIGNATURE_HASH()))
    except (InvalidSignature, ValueError, TypeError, UnsupportedAlgorithm):
        return False
    return True


# --- certificates -----------------------------------------------------------------------------------
def certificate_fingerprint(certificate: x509.Certificate) -> str:
    """Lowercase hex SHA-256 of the certificate's DER encoding."""
    return certificate.fingerprint(hashes.SHA256()).hex()


def certificate_pem(certificate: x509.Certificate) -> bytes:
    """The certificate as PEM text (RFC 7468 §5)."""
    return certificate.public_bytes(serialization.Encoding.PEM)


def load_certificate_pem(data: bytes) -> x509.Certificate:
    """The first certificate in PEM ``data``; ``InvalidInput`` when there is none or it cannot be read."""
    try:
        return x509.load_pem_x509_certificate(data)
    except (ValueError, TypeError):
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The file does not hold a readable PEM "
                                                       "certificate.")) from None
