"""The case file (卷宗) as a checklist: each part in filing order (``FilePart``), present or missing, the
required ones marked with why, and the documents in it. Documents come from *sources*: functions that name
the records of one domain as ``FileDocument`` values, each digest computed from the record as stored now
(so archiving seals them, and verification finds one changed since)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from db.case_file import CaseArchive, CasePaper
from db.models import Agent, CaseMove, EvidenceItem, MediationCase
from db.outcomes import PerformanceProof
from desktop.core.cases import cover as covers
from desktop.core.cases import minutes, outcomes
from desktop.core.cases.file_parts import FileDocument, FilePart
from desktop.core.cases.matters import case_record, find_case
from desktop.core.cases.papers import papers_of
from desktop.core.cases.workflow import CaseStatus
from desktop.core.documents import agreement_file
from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.core.evidence.items import item_record
from desktop.core.integrity.canonical import record_digest
from desktop.core.vocabulary import Vocabulary

Source = Callable[[Session, MediationCase], Iterable[FileDocument]]

ALWAYS_REQUIRED = (FilePart.APPLICATION, FilePart.RIGHTS_NOTICE, FilePart.IDENTITY, FilePart.MINUTES)
# The states a case reaches only through an agreement (达成协议): part 8 is then required.
AFTER_AGREEMENT = frozenset({CaseStatus.AGREEMENT, CaseStatus.PERFORMING, CaseStatus.PERFORMED,
                             CaseStatus.CONFIRMATION_APPLIED, CaseStatus.CONFIRMED, CaseStatus.REJECTED})


class Requirement(Vocabulary):
    """Why a part of the file is required for this case (None: it is not)."""

    ALWAYS = "always", QT_TRANSLATE_NOOP("vocabulary", "Required")
    AGENT = "agent", QT_TRANSLATE_NOOP("vocabulary", "Required: the case has an agent")
    AGREEMENT = "agreement", QT_TRANSLATE_NOOP("vocabulary", "Required: an agreement was reached")


# --- sources -------------------------------------------------------------------------------------------
def registration_documents(session: Session, case: MediationCase) -> list[FileDocument]:
    """Part 1: the registration form (受理登记表), the case's record, once the case was accepted (受理)."""
    accepted = session.scalar(select(CaseMove.moved_at).where(
        CaseMove.case_id == case.id, CaseMove.to_status == CaseStatus.ACCEPTED)
        .order_by(CaseMove.id).limit(1))
    if accepted is None and case.record_version != 1:  # a version-1 case was accepted when opened
        return []
    cited = session.get(MediationCase, case.cited_matter_id) if case.cited_matter_id is not None else None
    digest = record_digest(case_record(case, cited.number if cited is not None else ""))
    return [registration_document(case.number, digest, accepted or case.created_at)]


def registration_document(number: str, case_record_sha256: str, accepted_at: datetime) -> FileDocument:
    """Part 1 as the file lists it: the registration form (受理登记表), the case's record as accepted."""
    return FileDocument(FilePart.APPLICATION, "受理登记表", f"case:{number}", case_record_sha256, accepted_at)


def paper_documents(session: Session, case: MediationCase) -> list[FileDocument]:
    """The scanned papers filed into a part (``papers``)."""
    return [FileDocument(paper.part, paper.name, f"evidence:{paper.item_id}", paper.item_sha256,
                         paper.filed_at) for paper in papers_of(session, case)]


def evidence_documents(session: Session, case: MediationCase) -> list[FileDocument]:
    """Part 6: the case's evidence items not filed into another part nor proving performance (part 9)."""
    filed = exists().where(CasePaper.item_id == EvidenceItem.id)
    proving = exists().where(PerformanceProof.item_id == EvidenceItem.id)
    items = session.scalars(select(EvidenceItem).where(EvidenceItem.case_id == case.id, ~filed, ~proving)
                            .order_by(EvidenceItem.id))
    return [FileDocument(FilePart.EVIDENCE, item.original_name, f"evidence:{item.id}",
                         record_digest(item_record(item, case.number)), item.ingested_at) for item in items]


def file_note_documents(session: Session, case: MediationCase) -> list[FileDocument]:
    """Part 12: the note on the file (卷宗情况说明) typed on the cover, when there is one."""
    shown = covers.cover_of(session, case)
    if not shown.cover.file_note or shown.saved_at is None:
        return []
    reference = f"{covers.file_subject(case.number)}@{shown.version}"
    return [FileDocument(FilePart.FILE_NOTE, "卷宗情况说明", reference, shown.record_sha256, shown.saved_at)]


# The sources of the file, in order; each is ``(session, case_row) -> [FileDocument]``.
SOURCES: list[Source] = [registration_documents, paper_documents, minutes.file_documents, evidence_documents,
                         outcomes.file_documents, agreement_file.file_documents, file_note_documents]


def documents_of(session: Session, case: MediationCase) -> list[FileDocument]:
    """Every document of a case's file from every source, in part order (stable within a part). The back
    cover (part 13) is the archive record itself: it is not among them."""
    found = [document for source in SOURCES for document in source(session, case)]
    order = {part: index for index, part in enumerate(FilePart)}
    return sorted(found, key=lambda document: order[document.part])


# --- the checklist -------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PartStatus:
    """One part of the file: whether it is required (and why), and its documents."""

    part: FilePart
    required: Requirement | None
    documents: tuple[FileDocument, ...]

    @property
    def present(self) -> bool:
        return bool(self.documents)

    @property
    def missing(self) -> bool:
        return self.required is not None and not self.documents


@dataclass(frozen=True, slots=True)
class CaseFile:
    """A case's file as its checklist shows it, in filing order."""

    number: str
    status: CaseStatus
    parts: tuple[PartStatus, ...]
    archived: bool

    @property
    def missing(self) -> tuple[FilePart, ...]:
        """The required parts with no document, in order."""
        return tuple(part.part for part in self.parts if part.missing)

    @property
    def complete(self) -> bool:
        return not self.missing

    def documents(self) -> list[FileDocument]:
        return [document for part in self.parts for document in part.documents]


def requirements(session: Session, case: MediationCase) -> dict[FilePart, Requirement]:
    """The parts required of this case's file: 1, 2, 3 and 7 always; 4 when the case has an agent (a power
    of attorney, 授权委托书); 8 when an agreement was reached (its status, or a date of effect recorded)."""
    has_agent = session.scalar(select(Agent.id).where(Agent.case_id == case.id).limit(1)) is not None
    return required_parts(has_agent, CaseStatus(case.status), case.agreement_effective_on)


def required_parts(has_agent: bool, status: CaseStatus,
                   agreement_effective_on: date | None) -> dict[FilePart, Requirement]:
    """``requirements`` from the facts it rests on (the bulk writer knows them without a query)."""
    required = {part: Requirement.ALWAYS for part in ALWAYS_REQUIRED}
    if has_agent:
        required[FilePart.POWER_OF_ATTORNEY] = Requirement.AGENT
    if agreement_effective_on is not None or status in AFTER_AGREEMENT:
        required[FilePart.AGREEMENT] = Requirement.AGREEMENT
    return required


def archive_reference(number: str) -> str:
    """How the back cover (the archive record) is named in the checklist."""
    return f"{covers.file_subject(number)}:archive"


def checklist(session: Session, case: MediationCase) -> CaseFile:
    """The checklist of a case's file now."""
    documents = documents_of(session, case)
    archive = session.scalar(select(CaseArchive).where(CaseArchive.case_id == case.id))
    if archive is not None:
        documents.append(FileDocument(FilePart.BACK_COVER, "封底", archive_reference(case.number),
                                      archive.record_sha256, archive.archived_at))
    required = requirements(session, case)
    parts = tuple(PartStatus(part, required.get(part),
                             tuple(document for document in documents if document.part is part))
                  for part in FilePart)
    return CaseFile(case.number, CaseStatus(case.status), parts, archive is not None)


def case_file(session: Session, number: str) -> CaseFile:
    """The checklist of case ``number``'s file."""
    return checklist(session, find_case(session, number))
