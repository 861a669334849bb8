"""PKCS#12 import (RFC 7292): a seal key and certificate issued by a CA, refused when a seal cannot use it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ec import EllipticCurvePrivateKey
from cryptography.hazmat.primitives.serialization import pkcs12

from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput, NotAllowed
from desktop.core.integrity.canonical import as_utc, format_time
from desktop.core.trust.pki.certificates import is_p256, key_kind

# Tags of the DER prefix of a PKCS#12 PFX (RFC 7292 §4): SEQUENCE { version INTEGER 3, authSafe ... }.
_DER_SEQUENCE = 0x30
_PFX_VERSION = bytes((0x02, 0x01, 0x03))


@dataclass(frozen=True, slots=True)
class ImportedKey:
    """A signing key and its certificate taken from a PKCS#12 file, with any CA certificates it held."""

    key: EllipticCurvePrivateKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]


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
    if not is_p256(key) or not isinstance(key, EllipticCurvePrivateKey):
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The key in the PKCS#12 file is {kind}; seals need "
                                                       "an ECDSA P-256 key."), kind=key_kind(key))
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
