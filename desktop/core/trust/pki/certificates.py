"""Seal keys and their X.509 certificates: ECDSA P-256 with SHA-256 (DESIGN.md, Integrity 3), self-signed
here or imported; fingerprints are the hex SHA-256 of the certificate's DER."""

from __future__ import annotations

from datetime import datetime

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, rsa
from cryptography.hazmat.primitives.asymmetric.ec import EllipticCurvePrivateKey
from cryptography.x509.oid import NameOID

from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput
from desktop.core.integrity.canonical import as_utc
from desktop.core.text import has_control

# The seal algorithm: ECDSA (FIPS 186-5) on P-256, named secp256r1 / prime256v1 in RFC 5480 §2.1.1.1.
SIGNING_CURVE_NAME = ec.SECP256R1.name
SIGNATURE_HASH = hashes.SHA256
CERTIFICATE_VALIDITY_YEARS = 5


# RFC 5280 Appendix A.1: ub-common-name and ub-organization-name are both 64. cryptography counts the
# common name in UTF-8 bytes (so 21 Chinese characters); the organization is counted in characters.
COMMON_NAME_MAX_BYTES = 64
ORGANIZATION_MAX = 64


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


def key_kind(key: object) -> str:
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


def is_p256(key: object) -> bool:
    return (isinstance(key, ec.EllipticCurvePrivateKey | ec.EllipticCurvePublicKey)
            and key.curve.name == SIGNING_CURVE_NAME)


def require_p256(key: object) -> EllipticCurvePrivateKey:
    if not is_p256(key) or not isinstance(key, EllipticCurvePrivateKey):
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Seals need an ECDSA P-256 key, not {kind}."),
                           kind=key_kind(key))
    return key


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
