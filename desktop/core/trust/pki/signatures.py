"""Seal signatures: DER ECDSA over SHA-256 of the signed bytes, checkable with plain ``openssl dgst``."""

from __future__ import annotations

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ec import EllipticCurvePrivateKey, EllipticCurvePublicKey

from desktop.core.trust.pki.certificates import SIGNATURE_HASH, certificate_fingerprint, is_p256, require_p256

# What cryptography raises on a malformed certificate: a bad encoding, an unknown version, an unknown key.
CERTIFICATE_ERRORS = (ValueError, x509.InvalidVersion, UnsupportedAlgorithm)


def sign(key: EllipticCurvePrivateKey, data: bytes) -> bytes:
    """A DER-encoded ECDSA signature (RFC 3279 §2.2.3 Ecdsa-Sig-Value) over SHA-256 of ``data``."""
    return require_p256(key).sign(data, ec.ECDSA(SIGNATURE_HASH()))


def verify(signer: x509.Certificate | EllipticCurvePublicKey, data: bytes, signature: bytes) -> bool:
    """True when ``signature`` is a valid seal over ``data`` by this P-256 key; False for anything else."""
    try:
        public_key = signer.public_key() if isinstance(signer, x509.Certificate) else signer
        if not is_p256(public_key) or not isinstance(public_key, EllipticCurvePublicKey):
            return False
        public_key.verify(signature, data, ec.ECDSA(SIGNATURE_HASH()))
    except (InvalidSignature, ValueError, TypeError, UnsupportedAlgorithm):
        return False
    return True


def signature_problem(pem: bytes, fingerprint: str, data: bytes, signature: bytes) -> str | None:
    """Why ``signature`` over ``data`` is not a seal by the PEM certificate whose SHA-256 is
    ``fingerprint`` (an unreadable certificate, another certificate, a signature that does not verify);
    None when it is one."""
    try:
        certificate = x509.load_pem_x509_certificate(pem)
    except CERTIFICATE_ERRORS:
        return "an unreadable certificate"
    actual = certificate_fingerprint(certificate)
    if actual != fingerprint:
        return f"a certificate whose SHA-256 is {actual}"
    return None if verify(certificate, data, signature) else "a signature that does not verify"
