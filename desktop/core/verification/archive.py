"""Verification of the case file (卷宗): each archive record against its ledger leaf and its canonical form
(RFC 8785), and each digest in its manifest against the record it names now (a record changed after
archiving is named); each filed paper and each version of a cover against the entry that logged it."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.case_file import CaseArchive, CasePaper
from db.models import EvidenceItem, MediationCase, RecordVersion
from desktop.core.cases.case_file import documents_of
from desktop.core.cases.cover import FILE_SUBJECT_PREFIX, file_subject
from desktop.core.cases.papers import paper_record
from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.core.evidence.items import item_record
from desktop.core.evidence.items import subject as item_subject
from desktop.core.integrity.canonical import parse_canonical, record_digest
from desktop.core.trust.events import EventKind
from desktop.core.verification.anchors import Anchors
from desktop.core.verification.codes import FindingCode
from desktop.core.verification.findings import Finding, Where, Words, words


def _file(number: str) -> Words:
    return words(QT_TRANSLATE_NOOP("findings", "the case file of {case}"), case=number)




def check_case_files(session: Session, anchors: Anchors, case_id: int | None) -> list[Finding]:
    """Every archived file (or one case's), its papers and its cover versions."""
    query = select(MediationCase).order_by(MediationCase.id)
    if case_id is not None:
        query = query.where(MediationCase.id == case_id)
    archive_query = select(CaseArchive)
    if case_id is not None:
        archive_query = archive_query.where(CaseArchive.case_id == case_id)
    archives = {row.case_id: row for row in session.scalars(archive_query)}
    papers: dict[int, list[CasePaper]] = defaultdict(list)
    paper_query = select(CasePaper).order_by(CasePaper.id)
    for paper in session.scalars(paper_query if case_id is None
                                 else paper_query.where(CasePaper.case_id == case_id)):
        papers[paper.case_id].append(paper)
    findings: list[Finding] = []
    present: set[str] = set()
    for case in session.scalars(query):
        where = Where(_file(case.number), case=case.number)
        archive = archives.get(case.id)
        if archive is not None:
            present.add(file_subject(case.number))
            findings += _check_archive(session, anchors, case, archive, where)
        findings += _check_papers(session, anchors, case, papers.get(case.id, []), where)
        findings += _check_covers(session, anchors, case, where)
    if case_id is None:  # an archive removed: only the ledger still names it
        for logged in anchors.kind(EventKind.CASE_ARCHIVED):
            if logged.subject not in present:
                number = logged.subject.removeprefix(FILE_SUBJECT_PREFIX)
                findings.append(Where(_file(number), case=number).finding(
                    FindingCode.ARCHIVE_MISSING, words(QT_TRANSLATE_NOOP(
                        "findings", "the ledger records its archiving (entry {seq}) but the store no longer "
                        "holds the archive record"), seq=logged.seq), expected=logged.digest, seq=logged.seq))
    return findings


def _check_archive(session: Session, anchors: Anchors, case: MediationCase, archive: CaseArchive,
                   where: Where) -> list[Finding]:
    findings: list[Finding] = []
    parsed, canonical = parse_canonical(archive.canonical)
    digest = hashlib.sha256(archive.canonical.encode("utf-8")).hexdigest()
    logged = anchors.of(file_subject(case.number), EventKind.CASE_ARCHIVED)
    if not logged:
        findings.append(where.finding(FindingCode.ARCHIVE_NOT_IN_LEDGER, words(QT_TRANSLATE_NOOP(
            "findings", "its archive record was never logged in the ledger")), found=digest))
    elif (not canonical or digest != archive.record_sha256 or logged[0].digest != digest
          or not anchors.trusted(logged[0])):
        findings.append(where.finding(FindingCode.ARCHIVE_CHANGED, words(QT_TRANSLATE_NOOP(
            "findings", "its archive record does not match the entry that logged it (entry {seq})"),
            seq=logged[0].seq), expected=logged[0].digest, found=digest, seq=logged[0].seq))
    listed = parsed.get("documents")
    if not isinstance(listed, list):
        return findings
    # A document is named by its part and reference: a paper moved to another part is not the same entry.
    current = {(document.part.value, document.reference): document
               for document in documents_of(session, case)}
    named: set[tuple[str, str]] = set()
    for entry in listed:
        if not isinstance(entry, dict):
            continue
        reference, title = str(entry.get("reference", "")), str(entry.get("title", ""))
        named.add((str(entry.get("part", "")), reference))
        now = current.get((str(entry.get("part", "")), reference))
        if now is None:
            findings.append(where.finding(FindingCode.ARCHIVE_DOCUMENT_MISSING, words(QT_TRANSLATE_NOOP(
                "findings", "“{title}” ({reference}), archived in it, is no longer in the store"),
                title=title, reference=reference), expected=str(entry.get("sha256"))))
        elif now.sha256 != entry.get("sha256"):
            findings.append(where.finding(FindingCode.ARCHIVE_DOCUMENT_CHANGED, words(QT_TRANSLATE_NOOP(
                "findings", "“{title}” ({reference}) was changed after the file was archived"),
                title=title, reference=reference), expected=str(entry.get("sha256")), found=now.sha256))
    for (part, reference), document in current.items():
        if (part, reference) not in named:
            findings.append(where.finding(FindingCode.ARCHIVE_DOCUMENT_ADDED, words(QT_TRANSLATE_NOOP(
                "findings", "“{title}” ({reference}) was added after the file was archived"),
                title=document.title, reference=reference), found=document.sha256))
    return findings


def _check_papers(session: Session, anchors: Anchors, case: MediationCase, papers: list[CasePaper],
                  where: Where) -> list[Finding]:
    findings: list[Finding] = []
    for paper in papers:
        item = session.get(EvidenceItem, paper.item_id)
        item_sha256 = record_digest(item_record(item, case.number)) if item is not None else ""
        digest = record_digest(paper_record(case.number, paper, item_sha256))
        logged = [entry.digest
                  for entry in anchors.of(item_subject(paper.item_id), EventKind.CASE_PAPER_FILED)]
        if digest != paper.record_sha256 or Counter(logged)[digest] != 1:
            findings.append(where.finding(FindingCode.PAPER_CHANGED, words(QT_TRANSLATE_NOOP(
                "findings", "the filing of evidence item {item} in part “{part}” does not match the entry "
                "that logged it"), item=paper.item_id, part=paper.part),
                expected=logged[0] if logged else None, found=digest, item=paper.item_id))
    filed = {paper.item_id for paper in papers}
    items = session.scalars(select(EvidenceItem.id).where(EvidenceItem.case_id == case.id))
    for item_id in items:
        if item_id not in filed and anchors.of(item_subject(item_id), EventKind.CASE_PAPER_FILED):
            findings.append(where.finding(FindingCode.PAPER_MISSING, words(QT_TRANSLATE_NOOP(
                "findings", "the ledger records a filing of evidence item {item} the store no longer holds"),
                item=item_id), item=item_id))
    return findings


def _check_covers(session: Session, anchors: Anchors, case: MediationCase, where: Where) -> list[Finding]:
    subject = file_subject(case.number)
    stored = list(session.scalars(select(RecordVersion).where(RecordVersion.subject == subject)
                                  .order_by(RecordVersion.version)))
    logged = anchors.of(subject, EventKind.CASE_COVER_SAVED)
    findings: list[Finding] = []
    for index, version in enumerate(stored):
        _fields, canonical = parse_canonical(version.canonical)
        digest = hashlib.sha256(version.canonical.encode("utf-8")).hexdigest()
        entry = logged[index] if index < len(logged) else None
        if not canonical or digest != version.record_sha256 or entry is None or entry.digest != digest:
            findings.append(where.finding(FindingCode.COVER_CHANGED, words(QT_TRANSLATE_NOOP(
                "findings", "version {version} of its cover does not match the entry that logged it"),
                version=version.version), expected=entry.digest if entry else None, found=digest,
                seq=entry.seq if entry else None))
    for entry in logged[len(stored):]:
        findings.append(where.finding(FindingCode.COVER_MISSING, words(QT_TRANSLATE_NOOP(
            "findings", "the ledger records a version of its cover (entry {seq}) the store no longer holds"),
            seq=entry.seq), expected=entry.digest, seq=entry.seq))
    return findings
