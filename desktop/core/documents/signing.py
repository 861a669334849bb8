"""PAdES signatures on Mediseal's PDFs with pyHanko: signing the rendered bytes in memory with a user's
unlocked key (ECDSA P-256, SHA-256), and reading a signed PDF's signatures back as data (intact, covering
the whole file, the signer's certificate).

Level B-T (ETSI EN 319 142-1 §5.4: B-B plus a signature timestamp, RFC 3161, over the signature value)
when the office's timestamp authority is set and answers: the token is asked for and verified through
``trust/timestamps`` (our transport, its imprint, nonce, signature, critical timeStamping EKU and chain to the
configured CA) before pyHanko embeds it. Else level B-B (§5.3: the signing certificate in the signed
attributes, no timestamp), and ``SignedPdf.note`` says why."""

from __future__ import annotations

import hashlib
import io
import logging
from dataclasses import dataclass
from datetime import datetime

from asn1crypto import cms, tsp  # type: ignore[import-untyped]
from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.general import SigningError
from pyhanko.sign.timestamps import TimeStamper
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from desktop.core.trust import timestamps
from desktop.core.trust.signing_keys import UnlockedKey

# ETSI EN 319 142-1 §6.3: PAdES signatures use the ETSI.CAdES.detached subfilter.
SUBFILTER = fields.SigSeedSubFilter.PADES
DIGEST_ALGORITHM = "sha256"
FIELD_NAME = "MedisealSignature"
SIGNATURE_TSA_TIMEOUT = 10.0  # seconds for each of pyHanko's two requests (a size estimate, then the token)
LEVEL_B_T = "B-T"
LEVEL_B_B = "B-B"

log = logging.getLogger(__name__)


class _AuthorityStamper(TimeStamper):
    """pyHanko's timestamp client over the office's authority: each token asked for and verified by
    ``timestamps.request_token`` (pyHanko's own HTTP client needs ``requests``, which we do not ship)."""

    def __init__(self, found: timestamps.Authority, timeout: float) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.found, self.timeout = found, timeout

    async def async_timestamp(self, message_digest: bytes, md_algorithm: str) -> cms.ContentInfo:
        if md_algorithm != DIGEST_ALGORITHM:
            raise timestamps.TimestampFailure(f"a {md_algorithm} imprint (only SHA-256 is asked for)")
        token = timestamps.request_token(self.found, message_digest.hex(), self.timeout)
        return cms.ContentInfo.load(token.token)


@dataclass(frozen=True, slots=True)
class SignedPdf:
    """A signed PDF, its PAdES level (``B-T`` or ``B-B``) and, for B-B, why there is no timestamp."""

    pdf: bytes
    level: str
    note: str = ""


def sign_pdf(pdf: bytes, key: UnlockedKey, reason: str = "", location: str = "",
             authority: timestamps.Authority | None = None) -> bytes:
    """``sign_pades`` and only the bytes."""
    return sign_pades(pdf, key, reason, location, authority).pdf


def sign_pades(pdf: bytes, key: UnlockedKey, reason: str = "", location: str = "",
               authority: timestamps.Authority | None = None,
               timeout: float = SIGNATURE_TSA_TIMEOUT) -> SignedPdf:
    """``pdf`` signed by ``key`` (an incremental update in memory): PAdES B-T with a signature timestamp
    from ``authority`` when given and it answers with a token that verifies, else B-B with the reason.
    The caller has checked the key is usable (``require_usable_key``)."""
    if authority is None:
        return SignedPdf(_sign(pdf, key, reason, location, None), LEVEL_B_B, "no timestamp authority is set")
    try:
        return SignedPdf(_sign(pdf, key, reason, location, _AuthorityStamper(authority, timeout)), LEVEL_B_T)
    except (timestamps.TimestampFailure, SigningError, OSError) as error:
        cause = error.__cause__ if isinstance(error, SigningError) and error.__cause__ else error
        log.warning("signed PAdES B-B without a signature timestamp: %s", cause)
        return SignedPdf(_sign(pdf, key, reason, location, None), LEVEL_B_B,
                         f"no signature timestamp: {cause}")


def _sign(pdf: bytes, key: UnlockedKey, reason: str, location: str, stamper: TimeStamper | None) -> bytes:
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
    output = signers.PdfSigner(metadata, signer, timestamper=stamper).sign_pdf(writer)
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
    timestamp: datetime | None = None  # the signature timestamp's time (PAdES B-T), None for B-B

    @property
    def level(self) -> str:
        return LEVEL_B_T if self.timestamp is not None else LEVEL_B_B

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
                                     _common_name(certificate), fingerprint,
                                     _signature_time(signature.signer_info)))
    return checks


def _signature_time(info: cms.SignerInfo) -> datetime | None:
    """The time of the signature timestamp token in the unsigned attributes (RFC 3161 Appendix A)."""
    try:
        for attribute in info["unsigned_attrs"] or []:
            if attribute["type"].native == "signature_time_stamp_token":
                token = attribute["values"][0]
                content = token["content"]["encap_content_info"]["content"].contents
                when = tsp.TSTInfo.load(content)["gen_time"].native
                return when if isinstance(when, datetime) else None
    except (ValueError, TypeError, KeyError, IndexError) as error:
        log.info("unreadable signature timestamp: %s", error)
    return None


def _common_name(certificate: asn1_x509.Certificate) -> str:
    subject = certificate.subject.native
    return str(subject.get("common_name") or certificate.subject.human_friendly)
