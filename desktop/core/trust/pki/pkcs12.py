"""PKCS#12 import (RFC 7292): a seal key and certificate issued by a CA, refused when a seal cannot use it."""

from __future__ import annotations

import logging
import warnings
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

# cryptography's two refusals (the same wording since its OpenSSL days): the bytes are no PKCS#12 at all,
# or they are one the password does not open (RFC 7292 §5.1: the MAC covers the content, so a wrong
# password and damage inside it look the same).
_NOT_PKCS12 = "Could not deserialize PKCS12 data"

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ImportedKey:
    """A signing key and its certificate taken from a PKCS#12 file, with any CA certificates it held."""

    key: EllipticCurvePrivateKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]


def load_pkcs12(data: bytes, password: str, now: datetime) -> ImportedKey:
    """Take a seal key and certificate from a CA's PKCS#12 file, refusing anything a seal cannot use."""
    # Whatever cryptography reads is taken, DER or BER (X.690 §8: some CA tools write indefinite lengths):
    # no hand-written check of the encoding before it.
    # surrogateescape: a password given as bytes that are not UTF-8 (argv, environment) is those bytes.
    given = password.encode("utf-8", "surrogateescape")
    candidates: list[bytes | None] = [given] if password else [None, b""]
    loaded = None
    for candidate in candidates:
        try:
            with warnings.catch_warnings(record=True) as noted:
                warnings.simplefilter("always")
                loaded = pkcs12.load_pkcs12(data, candidate)
            for warning in noted:  # "could not be parsed as DER, falling back to parsing as BER"
                log.info("PKCS#12 import: %s", warning.message)
            break
        except ValueError as error:
            if str(error).startswith(_NOT_PKCS12):
                raise InvalidInput(QT_TRANSLATE_NOOP(
                    "errors", "The file is not a PKCS#12 (.p12 or .pfx) file.")) from None
            continue
        except UnsupportedAlgorithm:
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
