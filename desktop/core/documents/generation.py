"""Making a document of a case: its content from the case services, the PDF with the marks on every page
(a QR code and the digest line naming the document's id and check code), signed PAdES on request, the
bytes kept in the documents registry (``document`` table) with the canonical record whose digest the ledger
entry ``document.generated`` (under the case's subject) holds, and the file written once when asked. A
preview renders the same content with 预览 on every page and records nothing."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.documents import DocumentRow
from db.models import MediationCase, MerkleNode, utc_now
from desktop import __version__
from desktop.core.cases.deadlines import office_today
from desktop.core.cases.matters import case_subject, find_case
from desktop.core.documents import (
    address_confirmation,
    agreement,
    agreement_pdf,
    application,
    commitment,
    evidence_list,
    file_cover,
    minutes_document,
    oral_agreement,
    preservation_record,
    registration,
    rights_notice,
    signing,
    visit_record,
)
from desktop.core.documents.layout import Document, render
from desktop.core.documents.page_marks import CHECK_CODE_LENGTH, OFFICE_ID_LENGTH, PREVIEW, PageMarks
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput
from desktop.core.integrity.canonical import canonical_bytes, format_time, record_digest
from desktop.core.integrity.digests import Digests
from desktop.core.integrity.durable import refuse_existing, write_new_file
from desktop.core.storage.vault.interface import Vault
from desktop.core.trust import ledger, timestamps
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Action, Actor, require, require_active
from desktop.core.trust.signing_keys import UnlockedKey, require_usable_key
from desktop.core.vocabulary import Vocabulary

DOCUMENT_RECORD_TYPE = "document"
# Version 2: the record names the document's id, check code, size, request, signature and time (version 1,
# logged before the registry, named the PDF's digest only; no row holds such a record).
DOCUMENT_RECORD_VERSION = 2
CONTENT_RECORD_TYPE = "document-content"
CONTENT_RECORD_VERSION = 1
GENERATOR = f"mediseal {__version__}"


class DocumentKind(Vocabulary):
    """The documents Mediseal prints for a case. Stored in ledger records: never rename one."""

    REGISTRATION = "registration", QT_TRANSLATE_NOOP("vocabulary", "Registration form")  # 受理登记表
    RIGHTS_NOTICE = "rights-notice", QT_TRANSLATE_NOOP(
        "vocabulary", "Notice of rights and duties")  # 权利义务告知书
    AGREEMENT = "agreement", QT_TRANSLATE_NOOP("vocabulary", "Mediation agreement")  # 人民调解协议书
    SUPPLEMENTARY_AGREEMENT = "supplementary-agreement", QT_TRANSLATE_NOOP(
        "vocabulary", "Supplementary agreement")  # 人民调解补充协议书
    APPLICATION = "application", QT_TRANSLATE_NOOP(
        "vocabulary", "Application for judicial confirmation")  # 司法确认申请书
    COMMITMENT = "commitment", QT_TRANSLATE_NOOP("vocabulary", "Commitment letter")  # 承诺书
    EVIDENCE_LIST = "evidence-list", QT_TRANSLATE_NOOP("vocabulary", "Evidence list")  # 证据清单
    MINUTES = "minutes", QT_TRANSLATE_NOOP("vocabulary", "Minutes of a sitting")  # 调解记录
    ADDRESS_CONFIRMATION = "address-confirmation", QT_TRANSLATE_NOOP(
        "vocabulary", "Confirmation of service address")  # 送达地址确认书
    ORAL_AGREEMENT = "oral-agreement", QT_TRANSLATE_NOOP(
        "vocabulary", "Oral agreement register")  # 口头协议登记表
    VISIT = "visit", QT_TRANSLATE_NOOP("vocabulary", "Follow-up visit record")  # 回访记录
    FILE_COVER = "file-cover", QT_TRANSLATE_NOOP("vocabulary", "Case file cover and index")  # 卷宗封面
    PRESERVATION = "preservation", QT_TRANSLATE_NOOP(
        "vocabulary", "Evidence preservation work record")  # 保全证据工作记录


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
    # Where the evidence files are (the store's vault): the evidence list re-hashes each item when printed.
    # Not part of what the document is of: left out of its record.
    vault: Vault | None = field(default=None, compare=False, repr=False)
    # The digests a court-package export computed from the bytes it wrote (blob SHA-256 → digests): the
    # evidence list gives those verdicts instead of re-hashing the vault (evidence_list.evidence_list).
    written: Mapping[str, Digests] | None = field(default=None, compare=False, repr=False)

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
    DocumentKind.APPLICATION: (
        lambda s, row, r, today: application.application(s, row, r.court, today),
        application.TEMPLATE_VERSION),
    DocumentKind.COMMITMENT: (
        lambda s, row, r, today: commitment.commitment(s, row, r.party, today),
        commitment.TEMPLATE_VERSION),
    DocumentKind.EVIDENCE_LIST: (
        lambda s, row, r, today: evidence_list.evidence_list(s, row, r.items, r.vault, today, r.written),
        evidence_list.TEMPLATE_VERSION),
    DocumentKind.MINUTES: (
        lambda s, row, r, _today: minutes_document.minutes_document(s, row, r.sitting),
        minutes_document.TEMPLATE_VERSION),
    DocumentKind.ADDRESS_CONFIRMATION: (
        lambda s, row, r, today: address_confirmation.address_confirmation(s, row, r.party, today),
        address_confirmation.TEMPLATE_VERSION),
    DocumentKind.ORAL_AGREEMENT: (
        lambda s, row, _r, _today: oral_agreement.oral_agreement(s, row),
        oral_agreement.TEMPLATE_VERSION),
    DocumentKind.VISIT: (
        lambda s, row, r, _today: visit_record.visit_record(s, row, r.visit),
        visit_record.TEMPLATE_VERSION),
    DocumentKind.FILE_COVER: (
        lambda s, row, _r, _today: file_cover.file_cover(s, row),
        file_cover.TEMPLATE_VERSION),
    DocumentKind.PRESERVATION: (
        lambda s, row, _r, _today: preservation_record.preservation_record(s, row),
        preservation_record.TEMPLATE_VERSION),
}


@dataclass(frozen=True, slots=True)
class GeneratedDocument:
    """A document made and recorded: its id in the registry, where it was written (None: kept in the
    registry only), its PDF's digest and bytes, and the record whose digest the ledger holds."""

    id: int
    kind: DocumentKind
    case_number: str
    path: Path | None
    pdf_sha256: str
    size: int
    record: dict[str, Any]
    record_sha256: str
    ledger_seq: int
    signed: bool
    pdf: bytes
    signature_level: str = ""  # PAdES B-T or B-B when signed (signing.SignedPdf)
    signature_note: str = ""  # for B-B: why there is no signature timestamp


def document_kind(text: str) -> DocumentKind:
    """``text`` as a kind of document, else ``InvalidInput`` naming the kinds there are."""
    try:
        return DocumentKind(text)
    except ValueError:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "There is no document “{kind}”; the documents are: {kinds}."),
            field="kind", kind=text, kinds=", ".join(kind.value for kind in DocumentKind)) from None


def content_record(kind: DocumentKind, case_number: str, request: DocumentRequest,
                   document: Document) -> dict[str, Any]:
    """What a document says (kind, case, request, template version, every piece of its text): the check
    code printed on its pages is the start of this record's digest, so a paper can be matched to it."""
    return {"type": CONTENT_RECORD_TYPE, "version": CONTENT_RECORD_VERSION, "kind": kind.value,
            "case": case_number, "request": request.as_record(), "template_version": _BUILDERS[kind][1],
            "title": document.title, "texts": [[name, text] for name, text in document.texts()]}


def check_code(content: dict[str, Any]) -> str:
    """The check code printed on every page: the first 16 hex digits of the content record's SHA-256."""
    return record_digest(content)[:CHECK_CODE_LENGTH]


def document_record(document_id: int, kind: DocumentKind, case_number: str, request: DocumentRequest,
                    code: str, pdf: bytes, created_by: str, created_at: datetime,
                    key: UnlockedKey | None) -> dict[str, Any]:
    """The canonical record of a generated document (RFC 8785 canonical JSON; its SHA-256 goes in the
    ledger): what it is, how it was made, its check code, the PDF's digest and size, who signed it."""
    return {"type": DOCUMENT_RECORD_TYPE, "version": DOCUMENT_RECORD_VERSION, "id": document_id,
            "kind": kind.value, "case": case_number, "request": request.as_record(),
            "template_version": _BUILDERS[kind][1], "generator": GENERATOR, "check_code": code,
            "pdf_sha256": hashlib.sha256(pdf).hexdigest(), "size": len(pdf),
            "signer": key.owner if key is not None else None,
            "certificate_sha256": key.fingerprint if key is not None else None,
            "created_by": created_by, "created_at": format_time(created_at)}


def office_id(session: Session) -> str:
    """This office's name in QR codes: the start of the leaf hash of its ledger's first entry (RFC 9162
    §2.1.1), fixed at setup and different for every store."""
    leaf = session.scalar(select(MerkleNode.hash).where(MerkleNode.level == 0, MerkleNode.idx == 0))
    return leaf.hex()[:OFFICE_ID_LENGTH] if leaf is not None else "0" * OFFICE_ID_LENGTH


def build_document(session: Session, kind: DocumentKind, number: str, today: date,
                   request: DocumentRequest = DocumentRequest()) -> tuple[MediationCase, Document]:
    """The content of document ``kind`` for case ``number``."""
    row = find_case(session, number)
    builder, _version = _BUILDERS[kind]
    return row, builder(session, row, request, today)


def preview(session: Session, actor: Actor, kind: DocumentKind | str, number: str,
            request: DocumentRequest = DocumentRequest(), now: datetime | None = None) -> bytes:
    """Document ``kind`` of case ``number`` as it would print, every page marked 预览 — 非正式文书 and no
    QR code: nothing is recorded, nothing written."""
    chosen = kind if isinstance(kind, DocumentKind) else document_kind(kind)
    require(actor, Action.WORK_ON_CASE)
    _row, document = build_document(session, chosen, number, office_today(now or utc_now()), request)
    return render(document, marks=PREVIEW)


def _next_id(session: Session) -> int:
    """The next document id. Called under the ledger lock, which every document insert holds, so two
    generations cannot take the same id (the id is printed on the pages before the row exists)."""
    return (session.scalar(select(func.max(DocumentRow.id))) or 0) + 1


def generate(session: Session, actor: Actor, kind: DocumentKind | str, number: str, destination: Path | None,
             now: datetime | None = None, request: DocumentRequest = DocumentRequest(),
             sign: UnlockedKey | None = None) -> GeneratedDocument:
    """Render document ``kind`` of case ``number``, sign it PAdES B-B with ``sign`` when given, keep it in
    the registry and log it, in the caller's transaction; write it to a new file at ``destination`` (never
    over an existing one) unless None. Refused before anything is recorded or written when the file exists,
    the builder refuses the request, the font lacks a character, or the key may not sign."""
    chosen = kind if isinstance(kind, DocumentKind) else document_kind(kind)
    # Printing reads the case: any case worker (the clerk prepares the papers) or an administrator.
    require(actor, Action.WORK_ON_CASE)
    if destination is not None:
        refuse_existing(destination)
    moment = now or utc_now()
    row, document = build_document(session, chosen, number, office_today(moment), request)
    code = check_code(content_record(chosen, row.number, request, document))
    ledger.lock(session)
    require_active(actor)
    key_row = require_usable_key(session, actor, sign, moment) if sign is not None else None
    document_id = _next_id(session)
    pdf = render(document, marks=PageMarks(document_id, code, office_id(session)))
    signed = None
    if sign is not None:  # PAdES B-T when the office's timestamp authority answers, else B-B
        signed = signing.sign_pades(pdf, sign, reason=f"{chosen.value} {row.number}",
                                    authority=timestamps.authority(session))
        pdf = signed.pdf
    record = document_record(document_id, chosen, row.number, request, code, pdf, actor.name, moment, sign)
    canonical = canonical_bytes(record)
    digest = hashlib.sha256(canonical).hexdigest()
    session.add(DocumentRow(
        id=document_id, case_id=row.id, kind=chosen.value, request=json.dumps(request.as_record()),
        template_version=record["template_version"], generator=GENERATOR, check_code=code,
        pdf_sha256=record["pdf_sha256"], size=len(pdf), signed=sign is not None,
        signer=sign.owner if sign is not None else None, key_id=key_row.id if key_row is not None else None,
        certificate_sha256=sign.fingerprint if sign is not None else None, created_by=actor.name,
        created_at=moment, canonical=canonical.decode("utf-8"), record_sha256=digest, pdf=pdf))
    session.flush()
    entry = ledger.append(session, actor.name, EventKind.DOCUMENT_GENERATED, case_subject(row.number), digest,
                          now=moment)
    if destination is not None:
        # Written inside the transaction: a failed write rolls the entry back, so no entry names a paper
        # that was never written.
        write_new_file(destination, pdf)
    return GeneratedDocument(document_id, chosen, row.number, destination, record["pdf_sha256"], len(pdf),
                             record, digest, entry.seq, sign is not None, pdf,
                             signed.level if signed else "", signed.note if signed else "")
