"""The documents registry (文书登记): the documents generated for a case, their stored PDF bytes (a reprint is
the same bytes), and the record of each print (who, when, pages, copies, printer), logged as
``document.printed`` with the digest of a print record naming the document's PDF digest."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, NewType

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from db.documents import DocumentPrint, DocumentRow
from db.models import MediationCase, User, utc_now
from desktop.core.cases.deadlines import confirmation_deadline
from desktop.core.cases.matters import case_subject, find_case
from desktop.core.cases.outcomes import OutcomeKind, standing_agreement
from desktop.core.cases.workflow import CaseStatus
from desktop.core.documents.generation import DocumentKind
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput, NotFound
from desktop.core.integrity.canonical import canonical_bytes, format_time, record_digest
from desktop.core.integrity.durable import refuse_existing, write_new_file
from desktop.core.office.office import case_number_forms
from desktop.core.text import clean_text
from desktop.core.trust import ledger
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Action, Actor, require, require_active

DocumentId = NewType("DocumentId", int)

PRINT_RECORD_TYPE = "document-print"
PRINT_RECORD_VERSION = 1
PAGES_LIMIT = 100  # characters of a page range ("1-3, 5"); "" is every page
PRINTER_LIMIT = 200
COPIES_MAX = 99  # Qt's print dialog offers 1 to 999; a committee prints a handful


@dataclass(frozen=True, slots=True)
class PrintInfo:
    """One print of a document."""

    id: int
    document_id: int
    printed_by: str
    printed_at: datetime
    pages: str
    copies: int
    printer: str
    record_sha256: str
    ledger_seq: int | None = None  # known right after recording it


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A generated document as listings show it (no PDF bytes)."""

    id: DocumentId
    kind: DocumentKind
    label: str  # the kind's English label (the GUI translates the kind itself)
    case_number: str
    created_at: datetime
    created_by: str
    pdf_sha256: str
    size: int
    check_code: str
    template_version: int
    generator: str
    signed: bool
    signer: str | None
    certificate_sha256: str | None
    record_sha256: str
    prints: tuple[PrintInfo, ...] = ()


def _print_info(row: DocumentPrint, seq: int | None = None) -> PrintInfo:
    return PrintInfo(row.id, row.document_id, row.printed_by, row.printed_at, row.pages, row.copies,
                     row.printer, row.record_sha256, seq)


def document_info(row: DocumentRow, case_number: str, prints: tuple[PrintInfo, ...] = ()) -> DocumentInfo:
    kind = DocumentKind(row.kind)
    return DocumentInfo(DocumentId(row.id), kind, kind.label, case_number, row.created_at, row.created_by,
                        row.pdf_sha256, row.size, row.check_code, row.template_version, row.generator,
                        row.signed, row.signer, row.certificate_sha256, row.record_sha256, prints)


def _prints(session: Session, document_ids: list[int]) -> dict[int, list[PrintInfo]]:
    found: dict[int, list[PrintInfo]] = defaultdict(list)
    if document_ids:
        query = select(DocumentPrint).where(DocumentPrint.document_id.in_(document_ids)).order_by(
            DocumentPrint.id)
        for row in session.scalars(query):
            found[row.document_id].append(_print_info(row))
    return found


def list_documents(session: Session, number: str) -> list[DocumentInfo]:
    """The documents generated for case ``number``, oldest first, each with its prints."""
    case = find_case(session, number)
    rows = list(session.scalars(select(DocumentRow).where(DocumentRow.case_id == case.id)
                                .order_by(DocumentRow.id)))
    prints = _prints(session, [row.id for row in rows])
    return [document_info(row, case.number, tuple(prints.get(row.id, ()))) for row in rows]


def _row(session: Session, document_id: int) -> DocumentRow:
    row = session.get(DocumentRow, document_id)
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no document {document} in this office's "
                                                   "registry."), document=document_id)
    return row


def get_document(session: Session, document_id: int) -> DocumentInfo:
    """Document ``document_id`` with its prints, else ``NotFound``."""
    row = _row(session, document_id)
    number = session.scalar(select(MediationCase.number).where(MediationCase.id == row.case_id)) or ""
    return document_info(row, number, tuple(_prints(session, [row.id]).get(row.id, ())))


def document_pdf(session: Session, document_id: int) -> bytes:
    """The stored PDF bytes of document ``document_id``: exactly what was generated (a reprint is the same
    bytes), else ``NotFound``."""
    return bytes(_row(session, document_id).pdf)


def copy_document(session: Session, actor: Actor, document_id: int, destination: Path) -> Path:
    """Write document ``document_id``'s stored PDF to a new file at ``destination`` (never over one): the
    same bytes as generated, so the copy verifies as the document."""
    require(actor, Action.WORK_ON_CASE)
    refuse_existing(destination)
    write_new_file(destination, document_pdf(session, document_id))
    return destination


def find_by_sha256(session: Session, pdf_sha256: str) -> DocumentRow | None:
    """The document whose PDF has this SHA-256, if any (ids are printed in the PDF, so at most one)."""
    return session.scalars(select(DocumentRow).where(DocumentRow.pdf_sha256 == pdf_sha256)
                           .order_by(DocumentRow.id)).first()


def print_record(print_id: int, row: DocumentRow, printed_by: str, printed_at: datetime, pages: str,
                 copies: int, printer: str) -> dict[str, Any]:
    """The canonical record of a print (RFC 8785): the document by id and PDF digest, who, when, what."""
    return {"type": PRINT_RECORD_TYPE, "version": PRINT_RECORD_VERSION, "id": print_id,
            "document": row.id, "pdf_sha256": row.pdf_sha256, "document_record_sha256": row.record_sha256,
            "printed_by": printed_by, "printed_at": format_time(printed_at), "pages": pages,
            "copies": copies, "printer": printer}


def check_copies(copies: int) -> None:
    """``InvalidInput`` unless ``copies`` is a whole number of copies a print record takes (1 to
    ``COPIES_MAX``): checked by ``record_print``, and by the window before it prints."""
    if isinstance(copies, bool) or not isinstance(copies, int) or not 1 <= copies <= COPIES_MAX:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The number of copies must be from 1 to {most}; "
                                                       "{copies} is not."), field="copies", most=COPIES_MAX,
                           copies=copies)


def record_print(session: Session, actor: Actor, document_id: int, pages: str, copies: int, printer: str,
                 now: datetime | None = None) -> PrintInfo:
    """Record that ``actor`` printed ``copies`` of document ``document_id`` (``pages``: the range printed,
    "" for all) on ``printer``, in the caller's transaction: a row and a ``document.printed`` entry."""
    require(actor, Action.WORK_ON_CASE)
    pages = clean_text(pages, "pages", PAGES_LIMIT)
    printer = clean_text(printer, "printer", PRINTER_LIMIT, required=True)
    check_copies(copies)
    row = _row(session, document_id)
    number = session.scalar(select(MediationCase.number).where(MediationCase.id == row.case_id)) or ""
    moment = now or utc_now()
    ledger.lock(session)
    require_active(actor)
    print_row = DocumentPrint(document_id=row.id, printed_by=actor.name, printed_at=moment, pages=pages,
                              copies=copies, printer=printer, canonical="", record_sha256="")
    # The id goes into the record, so it is taken first; the row is inserted once, complete (append-only).
    print_id = (session.scalar(select(DocumentPrint.id).order_by(DocumentPrint.id.desc()).limit(1)) or 0) + 1
    record = print_record(print_id, row, actor.name, moment, pages, copies, printer)
    print_row.id = print_id
    print_row.canonical = canonical_bytes(record).decode("utf-8")
    print_row.record_sha256 = record_digest(record)
    session.add(print_row)
    session.flush()
    entry = ledger.append(session, actor.name, EventKind.DOCUMENT_PRINTED, case_subject(number),
                          print_row.record_sha256, now=moment)
    return _print_info(print_row, entry.seq)


# --- the office's register (the side bar's Documents page) ---------------------------------------------
REGISTER_LIMIT = 500  # rows a listing shows at most; a search narrows it


@dataclass(frozen=True, slots=True)
class RegisterEntry:
    """A document as the office's register lists it (no PDF bytes)."""

    id: DocumentId
    kind: DocumentKind
    case_number: str
    case_title: str
    created_at: datetime
    created_by: str
    signed: bool
    prints: int  # how many times it was printed (print records, whatever the copies)


def list_office_documents(session: Session, *, kind: DocumentKind | None = None, text: str = "",
                          limit: int = REGISTER_LIMIT) -> list[RegisterEntry]:
    """The office's documents, newest first, at most ``limit``: of ``kind`` when given, and, when ``text``
    is given, those whose case number (brackets in either width), case title or maker (login or real name)
    holds it. The PDF column stays unloaded (deferred)."""
    query = (select(DocumentRow.id, DocumentRow.kind, MediationCase.number, MediationCase.title,
                    DocumentRow.created_at, DocumentRow.created_by, DocumentRow.signed)
             .join(MediationCase, MediationCase.id == DocumentRow.case_id))
    if kind is not None:
        query = query.where(DocumentRow.kind == DocumentKind(kind).value)
    wanted = text.strip()
    if wanted:
        makers = select(User.name).where(User.real_name.contains(wanted, autoescape=True))
        query = query.where(or_(*(MediationCase.number.contains(form, autoescape=True)
                                  for form in case_number_forms(wanted)),
                                MediationCase.title.contains(wanted, autoescape=True),
                                DocumentRow.created_by.contains(wanted, autoescape=True),
                                DocumentRow.created_by.in_(makers)))
    rows = session.execute(query.order_by(DocumentRow.created_at.desc(), DocumentRow.id.desc())
                           .limit(max(limit, 0))).all()
    ids = [row.id for row in rows]
    counts: dict[int, int] = {}
    if ids:
        counts = {document_id: count for document_id, count in session.execute(
            select(DocumentPrint.document_id, func.count(DocumentPrint.id))
            .where(DocumentPrint.document_id.in_(ids)).group_by(DocumentPrint.document_id))}
    return [RegisterEntry(DocumentId(row.id), DocumentKind(row.kind), row.number, row.title, row.created_at,
                         row.created_by, row.signed, counts.get(row.id, 0)) for row in rows]


@dataclass(frozen=True, slots=True)
class ConfirmationDue:
    """A case whose written agreement may still be put to a court for judicial confirmation."""

    case_number: str
    case_title: str
    effective_on: date
    last_day: date
    application_made: bool  # an application was generated for the agreement in force


# The agreement is neither before a court yet nor fully performed (as ``deadlines.case_deadlines`` counts it).
CONFIRMATION_STATUSES = (CaseStatus.AGREEMENT.value, CaseStatus.PERFORMING.value)


def confirmation_due(session: Session, today: date) -> list[ConfirmationDue]:
    """The clerk's to-do list: the cases whose written agreement is in force and whose window to apply for
    judicial confirmation is still open on ``today``, the last day first; each says whether an application
    was already generated since the agreement in force was recorded."""
    found: list[ConfirmationDue] = []
    cases = session.scalars(select(MediationCase).where(MediationCase.status.in_(CONFIRMATION_STATUSES))
                            .order_by(MediationCase.id))
    for case in cases:
        agreement = standing_agreement(session, case)
        if agreement is None or OutcomeKind(agreement.kind) is not OutcomeKind.WRITTEN_AGREEMENT \
                or agreement.effective_on is None:
            continue
        # Civil Procedure Law (2023) art. 205: within 30 days from the day the agreement takes effect,
        # counted as the application itself counts it (``application.application``).
        last_day = confirmation_deadline(agreement.effective_on).last_day
        if today > last_day:
            continue
        made = session.scalar(select(DocumentRow.id).where(
            DocumentRow.case_id == case.id, DocumentRow.kind == DocumentKind.APPLICATION.value,
            DocumentRow.created_at >= agreement.recorded_at).limit(1)) is not None
        found.append(ConfirmationDue(case.number, case.title, agreement.effective_on, last_day, made))
    return sorted(found, key=lambda due: (due.last_day, due.case_number))
