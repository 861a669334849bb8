"""Verification of stored trusted timestamps (RFC 3161): each token against its checkpoint (the message
imprint is the SHA-256 of the checkpoint's canonical record bytes), its CMS signature and the TSA
certificate's timeStamping extendedKeyUsage (``trust.timestamps.check_token``), and against the ledger
entry ``timestamp.stored`` that logged the SHA-256 of the token's DER; and every token the ledger logged
against the tokens stored (a removed one is named)."""

from __future__ import annotations

import hashlib

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import LedgerEntry
from db.timestamps import TimestampToken
from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.core.integrity.canonical import record_digest
from desktop.core.trust.events import EventKind
from desktop.core.trust.timestamps import (
    AUTHORITY_SUBJECT,
    TimestampFailure,
    authority,
    authority_record,
    check_token,
    checkpoint_digest,
    token_subject,
    tokens,
)
from desktop.core.verification.codes import FindingCode
from desktop.core.verification.findings import Finding, Where, words


def _where(row: TimestampToken) -> Where:
    return Where(words(QT_TRANSLATE_NOOP("findings", "trusted timestamp of checkpoint {checkpoint}"),
                       checkpoint=row.checkpoint_id), record=row.id)


def check_authority(session: Session) -> list[Finding]:
    """The authority as stored against the latest ``timestamp.authority_set`` entry (none: no authority)."""
    latest = session.execute(select(LedgerEntry.seq, LedgerEntry.subject_sha256).where(
        LedgerEntry.subject == AUTHORITY_SUBJECT, LedgerEntry.kind == str(EventKind.TIMESTAMP_AUTHORITY_SET))
        .order_by(LedgerEntry.seq.desc()).limit(1)).first()
    found = authority(session)
    digest = record_digest(authority_record(found.url, found.username, found.ca_pem)) if found else None
    expected = latest[1] if latest is not None else None
    if digest == expected:
        return []
    return [Where(words(QT_TRANSLATE_NOOP("findings", "the timestamp authority"))).finding(
        FindingCode.TIMESTAMP_AUTHORITY_CHANGED, words(QT_TRANSLATE_NOOP(
            "findings", "its address, user or CA certificates differ from what the ledger last recorded")),
        expected=expected, found=digest, seq=latest[0] if latest is not None else None)]


def check_timestamps(session: Session) -> list[Finding]:
    """The authority, and every stored token: its checkpoint, its own checks, and its ledger entry."""
    findings: list[Finding] = check_authority(session)
    logged: dict[str, list[str]] = {}
    for subject, digest in session.execute(select(LedgerEntry.subject, LedgerEntry.subject_sha256).where(
            LedgerEntry.kind == str(EventKind.TIMESTAMP_STORED))):
        logged.setdefault(subject, []).append(digest or "")
    kept: set[str] = set()
    for row, checkpoint, fingerprint in tokens(session):
        kept.add(token_subject(row.checkpoint_id))
        where = _where(row)
        known = checkpoint is not None and fingerprint is not None
        expected = checkpoint_digest(checkpoint, fingerprint) if known else None  # type: ignore[arg-type]
        if expected is None or expected != row.digest_sha256:
            findings.append(where.finding(FindingCode.TIMESTAMP_IMPRINT, words(QT_TRANSLATE_NOOP(
                "findings", "the digest it covers is not that of its checkpoint's record")),
                expected=expected, found=row.digest_sha256))
        try:
            check_token(row.token, bytes.fromhex(expected or row.digest_sha256))
        except TimestampFailure as failure:
            code = FindingCode.TIMESTAMP_IMPRINT if "another digest" in str(failure) else \
                FindingCode.TIMESTAMP_INVALID
            findings.append(where.finding(code, words(QT_TRANSLATE_NOOP("findings", "the token: {reason}"),
                                                      reason=str(failure))))
        found = hashlib.sha256(row.token).hexdigest()
        if found not in logged.get(token_subject(row.checkpoint_id), []) or found != row.token_sha256:
            findings.append(where.finding(FindingCode.TIMESTAMP_NOT_IN_LEDGER, words(QT_TRANSLATE_NOOP(
                "findings", "no timestamp.stored ledger entry records this token")),
                expected=row.token_sha256, found=found))
    for subject in sorted(set(logged) - kept):
        seq, digest = session.execute(select(LedgerEntry.seq, LedgerEntry.subject_sha256).where(
            LedgerEntry.kind == str(EventKind.TIMESTAMP_STORED), LedgerEntry.subject == subject)
            .order_by(LedgerEntry.seq)).first() or (None, None)
        findings.append(Where(words(QT_TRANSLATE_NOOP("findings", "trusted timestamp {subject}"),
                                    subject=subject)).finding(
            FindingCode.TIMESTAMP_MISSING, words(QT_TRANSLATE_NOOP(
                "findings", "the ledger recorded it stored, the store no longer holds it")),
            expected=digest, seq=seq))
    return findings
