"""Making a document of a case: its content from the case services, the PDF, the file written once, and
a ledger entry (``document.generated``) under the case's subject with the digest of the document's record
(kind, case, template and generator versions, the PDF's SHA-256), so that a printed paper can be matched
to what this office produced. Keeping the record itself in a table is a later step (issue 12)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from db.models import MediationCase, utc_now
from desktop import __version__
from desktop.core.cases.deadlines import office_today
from desktop.core.cases.matters import case_subject, find_case
from desktop.core.documents import agreement, agreement_pdf, registration, rights_notice
from desktop.core.documents.layout import Document, render
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput
from desktop.core.integrity.canonical import record_digest
from desktop.core.integrity.durable import refuse_existing, write_new_file
from desktop.core.trust import ledger
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Action, Actor, require, require_active
from desktop.core.vocabulary import Vocabulary

DOCUMENT_RECORD_TYPE = "document"
DOCUMENT_RECORD_VERSION = 1  # the shape of the record below
GENERATOR = f"mediseal {__version__}"


class DocumentKind(Vocabulary):
    """The documents Mediseal prints for a case. Stored in ledger records: never rename one."""

    REGISTRATION = "registration", QT_TRANSLATE_NOOP("vocabulary", "Registration form")  # 受理登记表
    RIGHTS_NOTICE = "rights-notice", QT_TRANSLATE_NOOP(
        "vocabulary", "Notice of rights and duties")  # 权利义务告知书
    AGREEMENT = "agreement", QT_TRANSLATE_NOOP("vocabulary", "Mediation agreement")  # 人民调解协议书
    SUPPLEMENTARY_AGREEMENT = "supplementary-agreement", QT_TRANSLATE_NOOP(
        "vocabulary", "Supplementary agreement")  # 人民调解补充协议书


@dataclass(frozen=True, slots=True)
class DocumentRequest:
    """What a document is of, beyond its case: the party (a commitment, an address confirmation), the
    sitting (minutes), the visit, the court addressed (the clerk's choice over the suggestion), the
    evidence items. Each kind reads what it needs and refuses a request that lacks it."""

    party: int | None = None
    sitting: int | None = None
    visit: int | None = None
    court: int | None = None
    items: tuple[int, ...] = ()

    def as_record(self) -> dict[str, Any]:
        """The parts given, for the document's record (absent ones left out)."""
        given = {"party": self.party, "sitting": self.sitting, "visit": self.visit, "court": self.court,
                 "items": list(self.items) or None}
        return {name: value for name, value in given.items() if value is not None}


Builder = Callable[[Session, MediationCase, DocumentRequest, date], Document]

# Each kind: how its content is built and the version of its template (raised when its wording changes,
# so that a record names the template a paper was printed from).
_BUILDERS: dict[DocumentKind, tuple[Builder, int]] = {
    DocumentKind.REGISTRATION: (lambda session, row, _request, _today: registration.registration(
        session, row), registration.TEMPLATE_VERSION),
    DocumentKind.RIGHTS_NOTICE: (lambda session, row, _request, today: rights_notice.rights_notice(
        session, row, today), rights_notice.TEMPLATE_VERSION),
    DocumentKind.AGREEMENT: (lambda session, row, _request, _today: agreement.agreement_document_of(
        session, row), agreement_pdf.TEMPLATE_VERSION),
    DocumentKind.SUPPLEMENTARY_AGREEMENT: (lambda session, row, request, _today: (
        agreement.supplement_document_of(session, row, request.items)), agreement_pdf.TEMPLATE_VERSION),
}


@dataclass(frozen=True, slots=True)
class GeneratedDocument:
    """A document written out: where, its PDF's digest, and the record whose digest the ledger holds."""

    kind: DocumentKind
    case_number: str
    path: Path
    pdf_sha256: str
    size: int
    record: dict[str, Any]
    record_sha256: str
    ledger_seq: int


def document_kind(text: str) -> DocumentKind:
    """``text`` as a kind of document, else ``InvalidInput`` naming the kinds there are."""
    try:
        return DocumentKind(text)
    except ValueError:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "There is no document “{kind}”; the documents are: {kinds}."),
            field="kind", kind=text, kinds=", ".join(kind.value for kind in DocumentKind)) from None


def document_record(kind: DocumentKind, case_number: str, pdf_sha256: str) -> dict[str, Any]:
    """The canonical record of a generated document (RFC 8785 canonical JSON; its SHA-256 goes in the
    ledger)."""
    return {"type": DOCUMENT_RECORD_TYPE, "version": DOCUMENT_RECORD_VERSION, "kind": kind.value,
            "case": case_number,
            "template_version": _BUILDERS[kind][1], "generator": GENERATOR, "pdf_sha256": pdf_sha256}


def build_document(session: Session, kind: DocumentKind, number: str, today: date,
                   request: DocumentRequest = DocumentRequest()) -> tuple[MediationCase, Document]:
    """The content of document ``kind`` for case ``number``."""
    row = find_case(session, number)
    builder, _version = _BUILDERS[kind]
    return row, builder(session, row, request, today)


def generate(session: Session, actor: Actor, kind: DocumentKind | str, number: str, destination: Path,
             now: datetime | None = None, request: DocumentRequest = DocumentRequest()) -> GeneratedDocument:
    """Render document ``kind`` of case ``number`` to a new PDF at ``destination`` (never over an existing
    file) and log it, in the caller's transaction. Refused before anything is written when the file exists
    or the font lacks a character of the document."""
    chosen = kind if isinstance(kind, DocumentKind) else document_kind(kind)
    # Printing reads the case: any case worker (the clerk prepares the papers) or an administrator.
    require(actor, Action.WORK_ON_CASE)
    refuse_existing(destination)
    moment = now or utc_now()
    row, document = build_document(session, chosen, number, office_today(moment), request)
    pdf = render(document)
    pdf_sha256 = hashlib.sha256(pdf).hexdigest()
    record = document_record(chosen, row.number, pdf_sha256)
    digest = record_digest(record)
    ledger.lock(session)
    require_active(actor)
    entry = ledger.append(session, actor.name, EventKind.DOCUMENT_GENERATED, case_subject(row.number), digest,
                          now=moment)
    # Written inside the transaction: a failed write rolls the entry back, so no entry names a paper that
    # was never written.
    write_new_file(destination, pdf)
    return GeneratedDocument(chosen, row.number, destination, pdf_sha256, len(pdf), record, digest, entry.seq)
