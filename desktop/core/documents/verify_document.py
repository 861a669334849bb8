"""Is this PDF one this office produced, unchanged? (``mediseal verify-document``, the verify-document
dialog.) The file is looked up by its SHA-256 in the registry, else by the document id its metadata names
(the QR text in the PDF's Keywords); its record is checked against the ledger, and a signed document's
PAdES signature is validated (intact, covering the whole file, by the certificate recorded). The answer is
data: the facts and a verdict derived from them."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.documents import DocumentRow
from db.models import LedgerEntry, MediationCase
from desktop.core.cases.matters import case_subject
from desktop.core.documents import signing
from desktop.core.documents.generation import office_id
from desktop.core.documents.page_marks import NamedDocument, read_qr_text
from desktop.core.documents.registry import DocumentInfo, document_info, find_by_sha256
from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.core.trust.events import EventKind
from desktop.core.vocabulary import Vocabulary

# reportlab writes the Info dictionary's Keywords as a literal string: the QR text is found in the raw
# bytes even when the file no longer parses.
_KEYWORDS = re.compile(rb"MEDISEAL:DOC:[0-9A-Fa-f]{16}:[0-9]{1,12}:[0-9A-Fa-f]{16}")


class DocumentVerdict(Vocabulary):
    """The bottom line of a document check."""

    UNCHANGED = "unchanged", QT_TRANSLATE_NOOP("vocabulary", "Produced by this office, unchanged")
    CHANGED = "changed", QT_TRANSLATE_NOOP("vocabulary", "Changed since this office produced it")
    UNKNOWN = "unknown", QT_TRANSLATE_NOOP("vocabulary", "Not a document of this office")


class DocumentProblem(Vocabulary):
    """What a check found wrong, each named on its own."""

    BYTES_DIFFER = "bytes-differ", QT_TRANSLATE_NOOP(
        "vocabulary", "The file names a document of this office, but its bytes differ from the ones recorded")
    NOT_HERE = "not-here", QT_TRANSLATE_NOOP("vocabulary", "No document of this office has these bytes")
    OTHER_OFFICE = "other-office", QT_TRANSLATE_NOOP("vocabulary", "The file names another office")
    NO_SUCH_DOCUMENT = "no-such-document", QT_TRANSLATE_NOOP(
        "vocabulary", "The file names a document id this office's registry does not hold")
    RECORD_NOT_LOGGED = "record-not-logged", QT_TRANSLATE_NOOP(
        "vocabulary", "The document's record does not match any ledger entry")
    SIGNATURE_MISSING = "signature-missing", QT_TRANSLATE_NOOP(
        "vocabulary", "The document was recorded as signed but the file holds no signature")
    SIGNATURE_INVALID = "signature-invalid", QT_TRANSLATE_NOOP(
        "vocabulary", "The signature does not verify over the signed bytes")
    SIGNATURE_PARTIAL = "signature-partial", QT_TRANSLATE_NOOP(
        "vocabulary", "The signature does not cover the whole file")
    SIGNER_MISMATCH = "signer-mismatch", QT_TRANSLATE_NOOP(
        "vocabulary", "The signer's certificate is not the one recorded")


@dataclass(frozen=True, slots=True)
class DocumentCheck:
    """The facts about a PDF and the verdict derived from them."""

    pdf_sha256: str
    size: int
    named: NamedDocument | None  # what the file's metadata names
    document: DocumentInfo | None  # the record found (by digest, else by the id named)
    found_by_digest: bool
    logged: bool  # the record's digest is in a ``document.generated`` entry of its case
    signatures: tuple[signing.SignatureCheck, ...]
    problems: tuple[DocumentProblem, ...]

    @property
    def verdict(self) -> DocumentVerdict:
        if self.document is None:
            return DocumentVerdict.UNKNOWN
        return DocumentVerdict.UNCHANGED if self.found_by_digest and not self.problems \
            else DocumentVerdict.CHANGED

    @property
    def signed(self) -> bool:
        return bool(self.signatures)


def _named(pdf: bytes) -> NamedDocument | None:
    found = _KEYWORDS.search(pdf)
    return read_qr_text(found.group().decode("ascii")) if found is not None else None


def _logged(session: Session, row: DocumentRow, case_number: str) -> bool:
    seq = session.scalar(select(LedgerEntry.seq).where(
        LedgerEntry.subject == case_subject(case_number),
        LedgerEntry.kind == EventKind.DOCUMENT_GENERATED.value,
        LedgerEntry.subject_sha256 == row.record_sha256).limit(1))
    return seq is not None and row.record_sha256 == hashlib.sha256(row.canonical.encode("utf-8")).hexdigest()


def _signature_problems(row: DocumentRow, checks: list[signing.SignatureCheck]) -> list[DocumentProblem]:
    if not row.signed:
        return []
    if not checks:
        return [DocumentProblem.SIGNATURE_MISSING]
    problems = []
    if not all(check.intact and check.valid for check in checks):
        problems.append(DocumentProblem.SIGNATURE_INVALID)
    if not any(check.covers_whole_file for check in checks):
        problems.append(DocumentProblem.SIGNATURE_PARTIAL)
    if not any(check.certificate_sha256 == row.certificate_sha256 for check in checks):
        problems.append(DocumentProblem.SIGNER_MISMATCH)
    return problems


def verify_document(session: Session, pdf: bytes) -> DocumentCheck:
    """Check ``pdf`` against this office's registry and ledger (reads only)."""
    digest = hashlib.sha256(pdf).hexdigest()
    named = _named(pdf)
    checks = signing.read_signatures(pdf)
    problems: list[DocumentProblem] = []
    row = find_by_sha256(session, digest)
    by_digest = row is not None
    if row is None:
        if named is None:
            problems.append(DocumentProblem.NOT_HERE)
        elif named.office != office_id(session):
            problems.append(DocumentProblem.OTHER_OFFICE)
        else:
            row = session.get(DocumentRow, named.document_id)
            problems.append(DocumentProblem.BYTES_DIFFER if row is not None
                            else DocumentProblem.NO_SUCH_DOCUMENT)
    if row is None:
        return DocumentCheck(digest, len(pdf), named, None, False, False, tuple(checks), tuple(problems))
    number = session.scalar(select(MediationCase.number).where(MediationCase.id == row.case_id)) or ""
    logged = _logged(session, row, number)
    if not logged:
        problems.append(DocumentProblem.RECORD_NOT_LOGGED)
    problems.extend(_signature_problems(row, checks))
    return DocumentCheck(digest, len(pdf), named, document_info(row, number), by_digest, logged,
                         tuple(checks), tuple(problems))
