"""Papers of the case file (卷宗): scanned papers (identity cards, powers of attorney, the signed rights
notice, signed minutes, the application) are taken into the vault as evidence items of the case (source
``scan``, 扫描件: hashed with SHA-256 and SM3, in the case's custody trail) and each item is filed into a
part of the file. A filing is append-only and logged under the item's subject (its custody trail)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.case_file import CasePaper
from db.engine import Database
from db.models import EvidenceItem, MediationCase, utc_now
from desktop.core.cases.file_parts import FilePart
from desktop.core.cases.matters import find_case, require_case_access
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput, NotAllowed, NotFound
from desktop.core.evidence.acquisition import Acquisition, SourceKind
from desktop.core.evidence.intake import FileProgressFn, IngestReport, ingest_files
from desktop.core.evidence.items import item_record
from desktop.core.evidence.items import subject as item_subject
from desktop.core.integrity.canonical import format_time, record_digest
from desktop.core.office.office import MatterKind
from desktop.core.progress import CancelledFn, ProgressFn, never_cancelled, no_progress
from desktop.core.storage.vault.interface import Vault
from desktop.core.text import clean_text
from desktop.core.trust import ledger
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Actor, require_active

PAPER_RECORD_TYPE = "case-paper"
PAPER_RECORD_VERSION = 1
NOTE_MAX = 500
# Part 6 (evidence) lists the items filed nowhere else, and part 13 (the back cover, 封底) is the archive
# record itself, written by archiving: a paper is filed into any other part.
NOT_FILED_BY_HAND = frozenset({FilePart.EVIDENCE, FilePart.BACK_COVER})


@dataclass(frozen=True, slots=True)
class PaperInfo:
    """An evidence item filed into a part of the case file."""

    id: int
    case_number: str
    item_id: int
    name: str  # the item's file name
    part: FilePart
    note: str
    filed_by: str
    filed_at: datetime
    item_sha256: str  # the digest of the item's record now (the file names it)
    record_sha256: str  # the digest of the filing's own record, as logged


def paper_record(number: str, row: CasePaper, item_sha256: str) -> dict[str, object]:
    """The canonical record a ``case.paper_filed`` entry digests."""
    return {"type": PAPER_RECORD_TYPE, "version": PAPER_RECORD_VERSION, "case": number, "item": row.item_id,
            "item_sha256": item_sha256, "part": row.part, "note": row.note, "filed_by": row.filed_by,
            "time": format_time(row.filed_at)}


def filing_part(value: FilePart | str) -> FilePart:
    """The part named by ``value`` (its code, any case) when a paper may be filed into it, else
    ``InvalidInput`` naming the parts that take papers."""
    try:
        part = value if isinstance(value, FilePart) else FilePart(value.strip().lower().replace("_", "-"))
    except ValueError:
        part = None
    if part is None or part in NOT_FILED_BY_HAND:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "“{value}” is not a part of the case file that takes papers; use one of: {parts}."),
            field="part", value=str(value),
            parts=", ".join(taken for taken in FilePart if taken not in NOT_FILED_BY_HAND))
    return part


def require_filing(session: Session, actor: Actor, number: str) -> MediationCase:
    """The case papers are filed into, when ``actor`` may file them: a mediation case, open, theirs."""
    row = find_case(session, number)
    require_case_access(session, actor, row)
    require_mediation(row)
    return row


def require_mediation(row: MediationCase) -> None:
    """Refuse a notarial matter: only a mediation case keeps a case file of this form."""
    if row.kind != MatterKind.MEDIATION:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "{number} is a notarial matter: it keeps no case file of a mediation."),
            number=row.number)


def file_paper(session: Session, actor: Actor, number: str, item_id: int, part: FilePart | str,
               note: str = "", now: datetime | None = None) -> PaperInfo:
    """File evidence item ``item_id`` of case ``number`` into ``part``, logged under the item. Refused for
    an item of another case, an item filed already (a filing is never changed), an unknown part."""
    chosen = filing_part(part)
    cleaned = clean_text(note, "note", NOTE_MAX, multiline=True)
    ledger.lock(session)  # first: a SQLite reader cannot take the write lock later
    require_active(actor)
    row = require_filing(session, actor, number)
    item = session.get(EvidenceItem, item_id)
    if item is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no evidence item {item}."), item=item_id)
    if item.case_id != row.id:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "Evidence item {item} belongs to another case; only an item of {number} is filed in "
            "its file."), item=item_id, number=row.number)
    filed = session.scalar(select(CasePaper).where(CasePaper.item_id == item_id))
    if filed is not None:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "Evidence item {item} is already filed in “{part}”; a filing is never changed."),
            item=item_id, part=FilePart(filed.part).label)
    moment = now or utc_now()
    item_sha256 = record_digest(item_record(item, row.number))
    paper = CasePaper(case_id=row.id, item_id=item.id, part=chosen.value, note=cleaned, filed_by=actor.name,
                      filed_at=moment, record_sha256="")
    paper.record_sha256 = record_digest(paper_record(row.number, paper, item_sha256))
    session.add(paper)
    session.flush()
    ledger.append(session, actor.name, EventKind.CASE_PAPER_FILED, item_subject(item.id), paper.record_sha256,
                  now=moment)
    return _info(paper, row.number, item, item_sha256)


def _info(row: CasePaper, number: str, item: EvidenceItem, item_sha256: str) -> PaperInfo:
    return PaperInfo(row.id, number, row.item_id, item.original_name, FilePart(row.part), row.note,
                     row.filed_by, row.filed_at, item_sha256, row.record_sha256)


def papers_of(session: Session, case: MediationCase) -> list[PaperInfo]:
    """The papers filed in a case's file, in the order they were filed."""
    query = (select(CasePaper, EvidenceItem).join(EvidenceItem, EvidenceItem.id == CasePaper.item_id)
             .where(CasePaper.case_id == case.id).order_by(CasePaper.id))
    return [_info(paper, case.number, item, record_digest(item_record(item, case.number)))
            for paper, item in session.execute(query)]


@dataclass(frozen=True, slots=True)
class ScanReport:
    """What a batch of scanned papers gave: the items taken in, the papers filed, what failed."""

    ingest: IngestReport
    papers: tuple[PaperInfo, ...]


def file_scans(database: Database, vault: Vault, actor: Actor, number: str, part: FilePart | str,
               paths: Iterable[Path], note: str = "", *, progress: ProgressFn = no_progress,
               cancelled: CancelledFn = never_cancelled,
               file_progress: FileProgressFn | None = None) -> ScanReport:
    """Take scanned papers into the vault as evidence items of case ``number`` (source ``scan``) and file
    each into ``part``. Everything that could refuse the filing (the part, the note, the case, the user's
    access) is checked before a byte is read; an item is then filed in its own transaction as soon as the
    batch has stored it. A cancel keeps what was taken in, each item filed."""
    chosen = filing_part(part)
    cleaned = clean_text(note, "note", NOTE_MAX, multiline=True)
    with database.session_scope() as session:
        case_number = require_filing(session, actor, number).number
    acquisition = Acquisition(source_kind=SourceKind.SCAN.value, acquired_by=actor.name, note=cleaned)
    report = ingest_files(database, vault, actor, case_number, paths, acquisition, progress=progress,
                          cancelled=cancelled, file_progress=file_progress)
    papers: list[PaperInfo] = []
    for item in report.items:
        with database.session_scope() as session:
            papers.append(file_paper(session, actor, case_number, item.id, chosen, cleaned))
    return ScanReport(report, tuple(papers))
