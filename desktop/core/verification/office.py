"""Verification of the office: its settings (the idle lock every seat follows) against the latest
``office.setting_changed`` entry, or against the defaults when the ledger records no change; and its name
and number series against the latest ``office.created`` / ``office.updated`` entry (a store set up before
these were logged has none until an administrator changes them; an entry logged before the series stood
apart holds a version-1 record, which still matches while no notarial series is set). A seat that
loosened the lock, renamed the office or changed a series behind the app's back shows here."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import LedgerEntry
from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.core.integrity.canonical import record_digest
from desktop.core.office.office import MatterKind, get_office, recorded_office
from desktop.core.office.settings import IDLE_LOCK_DEFAULT_MINUTES, SETTINGS_SUBJECT, OfficeSettings
from desktop.core.office.settings import office_settings as read_settings
from desktop.core.trust.events import EventKind
from desktop.core.verification.codes import FindingCode
from desktop.core.verification.findings import Finding, Where, words


def check_office_settings(session: Session) -> list[Finding]:
    """The office's settings, name and series as stored against what the ledger last recorded of them."""
    return [*_check_settings(session), *_check_record(session)]


def _check_settings(session: Session) -> list[Finding]:
    latest = session.execute(select(LedgerEntry.seq, LedgerEntry.subject_sha256).where(
        LedgerEntry.subject == SETTINGS_SUBJECT, LedgerEntry.kind == str(EventKind.OFFICE_SETTING_CHANGED))
        .order_by(LedgerEntry.seq.desc()).limit(1)).first()
    expected = latest[1] if latest is not None else \
        record_digest(OfficeSettings(IDLE_LOCK_DEFAULT_MINUTES).record())
    stored = read_settings(session)
    found = record_digest(stored.record())
    if found == expected:
        return []
    source = words(QT_TRANSLATE_NOOP("findings", "entry {entry}"), entry=latest[0]) if latest is not None \
        else words(QT_TRANSLATE_NOOP("findings", "the defaults (no change is recorded)"))
    return [Where(words(QT_TRANSLATE_NOOP("findings", "the office's settings"))).finding(
        FindingCode.OFFICE_SETTINGS_CHANGED, words(QT_TRANSLATE_NOOP(
            "findings", "the idle lock ({minutes} minutes) differs from what the ledger last recorded "
            "({source})"), minutes=stored.idle_lock_minutes, source=source),
        expected=expected, found=found, seq=latest[0] if latest is not None else None)]


def _check_record(session: Session) -> list[Finding]:
    recorded = recorded_office(session)
    if recorded is None:
        return []
    seq, expected = recorded
    stored = get_office(session)
    if stored is not None and stored.matches(expected):
        return []
    found = record_digest(stored.record()) if stored is not None else None
    if stored is None:
        what = words(QT_TRANSLATE_NOOP("findings", "the office (its row is missing)"))
    elif stored.number_head(MatterKind.NOTARIAL) is None:
        what = words(QT_TRANSLATE_NOOP("findings", "the name “{name}” or the prefix “{prefix}”"),
                     name=stored.name, prefix=stored.number_head(MatterKind.MEDIATION))
    else:
        what = words(QT_TRANSLATE_NOOP(
            "findings", "the name “{name}” or the prefixes “{prefix}” (mediation cases) and “{notarial}” "
                        "(notarial matters)"),
            name=stored.name, prefix=stored.number_head(MatterKind.MEDIATION),
            notarial=stored.number_head(MatterKind.NOTARIAL))
    return [Where(words(QT_TRANSLATE_NOOP("findings", "the office's name and prefix"))).finding(
        FindingCode.OFFICE_RECORD_CHANGED, words(QT_TRANSLATE_NOOP(
            "findings", "{what} differs from what the ledger last recorded (entry {entry})"), what=what,
            entry=seq), expected=expected, found=found, seq=seq)]
