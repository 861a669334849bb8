"""Encrypted key files: a private key leaves memory only as PKCS#8 DER under AES-256-GCM with a key
derived from its owner's password by scrypt (RFC 7914); each file records its own parameters."""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import os
import unicodedata
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ec import EllipticCurvePrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput, NotAllowed
from desktop.core.trust.pki.certificates import is_p256, require_p256

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


def encrypt_private_key(key: EllipticCurvePrivateKey, password: str) -> bytes:
    """The key as an encrypted key file (JSON): PKCS#8 DER under AES-256-GCM with a scrypt-derived key."""
    key = require_p256(key)
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
    if not is_p256(key) or not isinstance(key, EllipticCurvePrivateKey):
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
