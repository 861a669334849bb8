"""Verification of sealed mediation agreements and supplementary agreements (人民调解协议书 / 补充协议):
each record against the ledger entry that logged its sealing under its case (``agreement.finalised`` /
``agreement.supplemented``, the digest of the canonical text), its form, the columns beside it, the
mediator's signature and certificate; and in the whole store each sealing the ledger logged against a
stored record."""

from __future__ import annotations

import hashlib
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.agreements import SealedAgreement
from db.models import MediationCase
from desktop.core.cases.matters import CASE_SUBJECT_PREFIX, case_subject
from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.core.integrity.canonical import format_time, parse_canonical
from desktop.core.trust.events import EventKind
from desktop.core.trust.pki import signatures
from desktop.core.verification.anchors import Anchors
from desktop.core.verification.codes import FindingCode
from desktop.core.verification.findings import Finding, Where, words
from desktop.core.verification.keys import Signer, SignerCodes, judge_signer

RECORD_TYPE = "mediseal.agreement"  # documents/agreement.py (verification does not import the documents)
KINDS = {"agreement": EventKind.AGREEMENT_FINALISED, "supplement": EventKind.AGREEMENT_SUPPLEMENTED}
AGREEMENT_CODES = SignerCodes(FindingCode.AGREEMENT_KEY_UNKNOWN, FindingCode.SIGNER_MISMATCH,
                              FindingCode.SIGNED_AFTER_REVOCATION, FindingCode.REVOKED_AFTER_SEAL)


def _where(row: SealedAgreement, case_number: str | None) -> Where:
    what = (QT_TRANSLATE_NOOP("findings", "sealed agreement {record}") if row.kind == "agreement"
            else QT_TRANSLATE_NOOP("findings", "sealed supplementary agreement {record}"))
    return Where(words(what, record=row.id), record=row.id, case=case_number)


def _id_of(value: object) -> object:
    return value.get("id") if isinstance(value, dict) else value


def check_agreement(row: SealedAgreement, case_number: str | None, anchors: Anchors,
                    signer: Signer | None) -> list[Finding]:
    """One sealed agreement: its text against the digest logged when it was sealed, its form, the columns
    beside it, and the signature and certificate."""
    where = _where(row, case_number)
    findings: list[Finding] = []
    data = row.canonical.encode("utf-8")
    digest = hashlib.sha256(data).hexdigest()
    event = KINDS.get(row.kind, EventKind.AGREEMENT_FINALISED)
    logged = anchors.of(case_subject(case_number), event) if case_number else []
    entry = next((found for found in logged if found.digest == digest), None)
    if entry is None or row.record_sha256 != digest:
        named = next((found for found in logged if found.digest == row.record_sha256), None)
        if named is None and not logged:
            findings.append(where.finding(FindingCode.AGREEMENT_NOT_IN_LEDGER, words(QT_TRANSLATE_NOOP(
                "findings", "no ledger entry records its sealing")), found=digest))
        else:
            expected = named or logged[0]
            findings.append(where.finding(FindingCode.AGREEMENT_CHANGED, words(QT_TRANSLATE_NOOP(
                "findings", "it does not match the digest logged when it was sealed")),
                expected=expected.digest, found=digest, seq=expected.seq))
    parsed, well_formed = parse_canonical(row.canonical)
    if not well_formed or parsed.get("type") != RECORD_TYPE or parsed.get("version") != 1:
        findings.append(where.finding(FindingCode.AGREEMENT_MALFORMED, words(QT_TRANSLATE_NOOP(
            "findings", "its text is not a canonical agreement record"))))
    content = parsed.get("agreement")
    supplements = content.get("supplements") if isinstance(content, dict) else None
    for said, stored in ((parsed.get("id"), row.id), (parsed.get("kind"), row.kind),
                         (parsed.get("case"), case_number), (parsed.get("sealed_by"), row.signer),
                         (parsed.get("sealed_at"), format_time(row.sealed_at)),
                         (parsed.get("effective_on"), _iso(row.effective_on)),
                         (_id_of(parsed.get("outcome")), row.outcome_id),
                         (_id_of(supplements), row.supplements_id)):
        if said != stored:
            findings.append(where.finding(FindingCode.AGREEMENT_ROW_MISMATCH, words(QT_TRANSLATE_NOOP(
                "findings", "its stored columns differ from its sealed text")), expected=str(said),
                found=str(stored)))
    judged = judge_signer(signer, row.signer, row.sealed_at, where, AGREEMENT_CODES,
                          entry.seq if entry is not None else None)[1]
    findings.extend(judged)
    if signer is None or signer.certificate is None:
        return findings
    if not signatures.verify(signer.certificate, data, row.signature):
        findings.append(where.finding(FindingCode.AGREEMENT_SIGNATURE, words(QT_TRANSLATE_NOOP(
            "findings", "the signature does not verify"))))
    if parsed.get("certificate_sha256") != signer.fingerprint:
        findings.append(where.finding(FindingCode.AGREEMENT_CERTIFICATE_MISMATCH, words(QT_TRANSLATE_NOOP(
            "findings", "it names another certificate than the key that signed it")),
            expected=signer.fingerprint, found=str(parsed.get("certificate_sha256"))))
    return findings


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def check_agreements(session: Session, anchors: Anchors, signers: dict[int, Signer],
                     case_id: int | None) -> list[Finding]:
    """Every sealed agreement (or one case's); in the whole store also every sealing the ledger logged
    that no stored agreement answers (a record removed, or replaced by one whose digest differs)."""
    query = select(SealedAgreement, MediationCase.number).join(
        MediationCase, MediationCase.id == SealedAgreement.case_id).order_by(SealedAgreement.id)
    if case_id is not None:
        query = query.where(SealedAgreement.case_id == case_id)
    findings: list[Finding] = []
    stored: set[tuple[str, str]] = set()
    for row, number in session.execute(query):
        stored.add((case_subject(number), row.record_sha256))
        findings += check_agreement(row, number, anchors, signers.get(row.key_id))
    if case_id is None:
        for logged in anchors.kind(*KINDS.values()):
            if (logged.subject, logged.digest or "") not in stored:
                number = logged.subject.removeprefix(CASE_SUBJECT_PREFIX)
                where = Where(words(QT_TRANSLATE_NOOP("findings", "case {case}"), case=number), case=number)
                findings.append(where.finding(
                    FindingCode.AGREEMENT_MISSING, words(QT_TRANSLATE_NOOP(
                        "findings", "the ledger records a sealed agreement (entry {seq}) but the store no "
                        "longer holds it"), seq=logged.seq), expected=logged.digest, seq=logged.seq))
    return findings


def case_keys(session: Session, case_id: int) -> set[int]:
    """The keys that sealed a case's agreements."""
    return set(session.scalars(select(SealedAgreement.key_id).where(SealedAgreement.case_id == case_id)))
