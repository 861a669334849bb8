"""Versioned records (a case's details, a party, an agent): every save is a new ``RecordVersion`` holding
the record's canonical bytes, who saved it and when, and a ledger entry with its digest; earlier versions
stay readable. A save names the version it was based on, so a second seat that edited the same record
meanwhile is told, and nothing it typed is lost (an optimistic version check)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import RecordVersion
from desktop.core.errors import QT_TRANSLATE_NOOP, NotAllowed, NotFound
from desktop.core.integrity.canonical import canonical_bytes
from desktop.core.trust import ledger
from desktop.core.trust.events import EventKind


class StaleEdit(NotAllowed):
    """Someone else saved the record after the version this edit started from."""


@dataclass(frozen=True, slots=True)
class Version:
    """One saved version of a record."""

    subject: str
    version: int
    record: dict[str, Any]
    record_sha256: str
    saved_by: str
    saved_at: datetime


def check_base(current: int, expected: int | None, what: str) -> None:
    """Refuse an edit based on ``expected`` when the stored record is already at ``current``."""
    if expected is not None and expected != current:
        raise StaleEdit(QT_TRANSLATE_NOOP(
            "errors", "{what} was changed by someone else (now version {current}; your edit started from "
            "version {expected}). Your edit was not saved: reload to see theirs, then apply yours again."),
            what=what, current=current, expected=expected)


def save(session: Session, actor: str, kind: EventKind, subject: str, version: int,
         record: dict[str, Any], now: datetime) -> str:
    """Store version ``version`` of the record about ``subject`` and log it; returns its digest."""
    canonical = canonical_bytes(record)
    digest = hashlib.sha256(canonical).hexdigest()  # canonical.record_digest, from the bytes at hand
    session.add(RecordVersion(subject=subject, version=version, canonical=canonical.decode("utf-8"),
                              record_sha256=digest, saved_by=actor, saved_at=now))
    ledger.append(session, actor, kind, subject, digest, now=now)
    return digest


def load(canonical: str) -> dict[str, Any]:
    """A stored record's canonical text, read back."""
    record = json.loads(canonical)
    if not isinstance(record, dict):
        raise ValueError("a stored record is not a JSON object")
    return record


def _version(row: RecordVersion) -> Version:
    return Version(row.subject, row.version, load(row.canonical), row.record_sha256, row.saved_by,
                   row.saved_at)


def version(session: Session, subject: str, number: int) -> Version:
    """Version ``number`` of the record about ``subject``, else ``NotFound``."""
    row = session.get(RecordVersion, (subject, number))
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "Version {version} of {subject} is missing."),
                       version=number, subject=subject)
    return _version(row)


def versions(session: Session, subject: str) -> list[Version]:
    """Every version of the record about ``subject``, oldest first."""
    rows = session.scalars(select(RecordVersion).where(RecordVersion.subject == subject)
                           .order_by(RecordVersion.version))
    return [_version(row) for row in rows]
