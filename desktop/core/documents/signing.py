"""PAdES signatures on Mediseal's PDFs with pyHanko: signing the rendered bytes in memory with a user's
unlocked key (ECDSA P-256, SHA-256), and reading a signed PDF's signatures back as data (intact, covering
the whole file, the signer's certificate).

Level B-B (ETSI EN 319 142-1 §5.3: the signing certificate in the signed attributes, no timestamp). B-T,
with a signature timestamp from the office's timestamp authority, comes with issue 13."""

from __future__ import annotations

import hashlib
import io
import logging
from dataclasses import dataclass

from asn1crypto import keys as asn1_keys  # type: ignore[import-untyped]
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from desktop.core.trust.signing_keys import UnlockedKey

# ETSI EN 319 142-1 §6.3: PAdES signatures use the ETSI.CAdES.detached subfilter.
SUBFILTER = fields.SigSeedSubFilter.PADES
DIGEST_ALGORITHM = "sha256"
FIELD_NAME = "MedisealSignature"

log = logging.getLogger(__name__)


def sign_pdf(pdf: bytes, key: UnlockedKey, reason: str = "", location: str = "") -> bytes:
    """``pdf`` signed PAdES B-B by ``key`` (an incremental update in memory): the bytes to write and
    record. The caller has checked the key is usable (``require_usable_key``)."""
    certificate = asn1_x509.Certificate.load(key.certificate.public_bytes(serialization.Encoding.DER))
    private_key = asn1_keys.PrivateKeyInfo.load(key.private_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    signer = signers.SimpleSigner(signing_cert=certificate, signing_key=private_key,
                                  cert_registry=SimpleCertificateStore.from_certs(  # type: ignore[no-untyped-call]
                                      [certificate]))
    metadata = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME, md_algorithm=DIGEST_ALGORITHM, subfilter=SUBFILTER, reason=reason or None,
        location=location or None, name=key.owner,
        # A self-signed certificate need not carry nonRepudiation; what it may sign is checked by
        # ``require_usable_key`` before this (the ledger is the truth about keys).
        signer_key_usage={"digital_signature"})
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    output = signers.PdfSigner(metadata, signer).sign_pdf(writer)
    return bytes(output.getbuffer())


@dataclass(frozen=True, slots=True)
class SignatureCheck:
    """One signature of a PDF, as facts: the signed bytes unchanged and the signature valid over them
    (``intact``), whether it covers the whole file, and the signer's certificate (its SHA-256)."""

    field: str
    intact: bool
    valid: bool
    covers_whole_file: bool
    signer: str
    certificate_sha256: str

    @property
    def good(self) -> bool:
        return self.intact and self.valid and self.covers_whole_file


def read_signatures(pdf: bytes) -> list[SignatureCheck]:
    """The embedded signatures of ``pdf``, each checked (no trust decision: the caller compares the
    certificate with the one it recorded). A file pyHanko cannot read has none."""
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        embedded = list(reader.embedded_signatures)
    except (PdfError, ValueError, KeyError, TypeError) as error:  # an unreadable file: no signature read
        log.info("no signatures read: %s", error)
        return []
    checks = []
    for signature in embedded:
        certificate = signature.signer_cert
        fingerprint = hashlib.sha256(certificate.dump()).hexdigest()
        try:
            status = validate_pdf_signature(signature, ValidationContext(trust_roots=[certificate]),
                                            skip_diff=True)
            intact, valid = status.intact, status.valid
            whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
        except (SignatureValidationError, ValueError) as error:
            log.info("signature %s does not validate: %s", signature.field_name, error)
            intact = valid = whole = False
        checks.append(SignatureCheck(signature.field_name, intact, valid, whole,
                                     _common_name(certificate), fingerprint))
    return checks


def _common_name(certificate: asn1_x509.Certificate) -> str:
    subject = certificate.subject.native
    return str(subject.get("common_name") or certificate.subject.human_friendly)
