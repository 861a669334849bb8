"""Verification of the documents registry (文书登记): each generated document's record against the entry
that logged it (``document.generated``, under its case), its stored PDF against the SHA-256 and size the
record names, the columns against the record; each print's record against its entry (``document.printed``)
and its document; and, in the whole store, each logged document or print against a row.

The stored PDF of a signed document is checked by its digest only (the record names the signed bytes);
``verify-document`` validates a file's signature."""

from __future__ import annotations

import hashlib

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.documents import DocumentPrint, DocumentRow
from db.models import MediationCase
from desktop.core.cases.matters import CASE_SUBJECT_PREFIX, case_subject
from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.core.integrity.canonical import format_time, parse_canonical
from desktop.core.trust.events import EventKind
from desktop.core.verification.anchors import Anchors
from desktop.core.verification.codes import FindingCode
from desktop.core.verification.findings import Finding, Where, Words, words


def _document(document_id: int | str) -> Words:
    return words(QT_TRANSLATE_NOOP("findings", "document {document}"), document=document_id)


def _print(print_id: int | str, document_id: int | str) -> Words:
    return words(QT_TRANSLATE_NOOP("findings", "print {print} of document {document}"), print=print_id,
                 document=document_id)


def _of_case(subject: str) -> Where:
    number = subject.removeprefix(CASE_SUBJECT_PREFIX)
    return Where(words(QT_TRANSLATE_NOOP("findings", "the documents of {case}"), case=number), case=number)


def _row_differs(row: DocumentRow, parsed: dict[str, object], number: str) -> list[str]:
    """The columns that say something else than the record (what listings and verify-document read)."""
    said = {"id": row.id, "kind": row.kind, "case": number, "check_code": row.check_code,
            "pdf_sha256": row.pdf_sha256, "size": row.size, "template_version": row.template_version,
            "generator": row.generator, "signer": row.signer, "certificate_sha256": row.certificate_sha256,
            "created_by": row.created_by, "created_at": format_time(row.created_at)}
    differs = [name for name, value in said.items() if parsed.get(name) != value]
    if row.signed != (parsed.get("signer") is not None):
        differs.append("signed")
    return differs


def _check_document(session: Session, row: DocumentRow, number: str, anchors: Anchors) -> list[Finding]:
    where = Where(_document(row.id), record=row.id, case=number)
    findings: list[Finding] = []
    digest = hashlib.sha256(row.canonical.encode("utf-8")).hexdigest()
    parsed, canonical = parse_canonical(row.canonical)
    logged = anchors.of(case_subject(number), EventKind.DOCUMENT_GENERATED)
    entry = next((entry for entry in logged if entry.digest == digest), None)
    if entry is None and not any(entry.digest == row.record_sha256 for entry in logged):
        findings.append(where.finding(FindingCode.DOCUMENT_NOT_IN_LEDGER, words(QT_TRANSLATE_NOOP(
            "findings", "no ledger entry records its generation")), found=digest))
    elif entry is None or not canonical or digest != row.record_sha256 or not anchors.trusted(entry):
        findings.append(where.finding(FindingCode.DOCUMENT_CHANGED, words(QT_TRANSLATE_NOOP(
            "findings", "its record does not match the entry that logged it")), expected=row.record_sha256,
            found=digest, seq=entry.seq if entry is not None else None))
    differs = _row_differs(row, parsed, number)
    if differs:
        findings.append(where.finding(FindingCode.DOCUMENT_ROW_MISMATCH, words(QT_TRANSLATE_NOOP(
            "findings", "its stored columns differ from its record")), differs=", ".join(differs)))
    pdf = session.scalar(select(DocumentRow.pdf).where(DocumentRow.id == row.id)) or b""
    pdf_digest = hashlib.sha256(pdf).hexdigest()
    if pdf_digest != parsed.get("pdf_sha256") or len(pdf) != parsed.get("size"):
        findings.append(where.finding(FindingCode.DOCUMENT_PDF_CHANGED, words(QT_TRANSLATE_NOOP(
            "findings", "its stored PDF is not the one its record names")),
            expected=str(parsed.get("pdf_sha256")), found=pdf_digest))
    return findings


def _check_print(row: DocumentPrint, document: DocumentRow | None, number: str,
                 anchors: Anchors) -> list[Finding]:
    where = Where(_print(row.id, row.document_id), record=row.document_id, case=number)
    digest = hashlib.sha256(row.canonical.encode("utf-8")).hexdigest()
    parsed, canonical = parse_canonical(row.canonical)
    logged = [entry for entry in anchors.of(case_subject(number), EventKind.DOCUMENT_PRINTED)
              if entry.digest == digest and anchors.trusted(entry)]
    said = {"id": row.id, "document": row.document_id, "printed_by": row.printed_by,
            "printed_at": format_time(row.printed_at), "pages": row.pages, "copies": row.copies,
            "printer": row.printer,
            "pdf_sha256": document.pdf_sha256 if document is not None else None,
            "document_record_sha256": document.record_sha256 if document is not None else None}
    differs = [name for name, value in said.items() if parsed.get(name) != value]
    if not logged or not canonical or digest != row.record_sha256 or differs:
        return [where.finding(FindingCode.DOCUMENT_PRINT_CHANGED, words(QT_TRANSLATE_NOOP(
            "findings", "its print record does not match the entry that logged it or its document")),
            expected=row.record_sha256, found=digest, differs=", ".join(differs) or None)]
    return []


def check_documents(session: Session, anchors: Anchors, case_id: int | None) -> list[Finding]:
    """Every generated document and print (or one case's), and in the whole store every one logged."""
    numbers_query = select(MediationCase.id, MediationCase.number)
    query = select(DocumentRow).order_by(DocumentRow.id)
    if case_id is not None:
        query = query.where(DocumentRow.case_id == case_id)
        numbers_query = numbers_query.where(MediationCase.id == case_id)
    numbers = {case: number for case, number in session.execute(numbers_query)}
    rows = {row.id: row for row in session.scalars(query)}
    findings: list[Finding] = []
    for row in rows.values():
        findings += _check_document(session, row, numbers.get(row.case_id, ""), anchors)
    print_query = select(DocumentPrint).order_by(DocumentPrint.id)
    if case_id is not None:
        print_query = print_query.where(DocumentPrint.document_id.in_(list(rows) or [-1]))
    prints = list(session.scalars(print_query))
    for printed in prints:
        document = rows.get(printed.document_id)
        number = numbers.get(document.case_id, "") if document is not None else ""
        findings += _check_print(printed, document, number, anchors)
    if case_id is None:  # a row removed: only the ledger still names it
        recorded = {row.record_sha256 for row in rows.values()}
        for logged in anchors.kind(EventKind.DOCUMENT_GENERATED):
            if logged.digest not in recorded:
                findings.append(_of_case(logged.subject).finding(FindingCode.DOCUMENT_MISSING, words(
                    QT_TRANSLATE_NOOP("findings", "the ledger records a generated document (entry {seq}) "
                                      "the store no longer holds"), seq=logged.seq), expected=logged.digest,
                    seq=logged.seq))
        printed_digests = {printed.record_sha256 for printed in prints}
        for logged in anchors.kind(EventKind.DOCUMENT_PRINTED):
            if logged.digest not in printed_digests:
                findings.append(_of_case(logged.subject).finding(FindingCode.DOCUMENT_PRINT_MISSING, words(
                    QT_TRANSLATE_NOOP("findings", "the ledger records a print (entry {seq}) the store no "
                                      "longer holds"), seq=logged.seq), expected=logged.digest,
                    seq=logged.seq))
    return findings
