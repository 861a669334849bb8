"""Settings of the office that every seat follows: only an administrator changes them, and each change is
a ledger entry, so a seat cannot quietly loosen a rule the office set.

Today one setting: the idle lock, the minutes without input after which a window locks.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from db.models import Office
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput, NotFound
from desktop.core.integrity.canonical import record_digest
from desktop.core.trust import ledger
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Action, Actor, require

# GB/T 22239-2019 (网络安全等级保护基本要求) §8.1.4.1 b): a session that times out must end, so the
# idle lock cannot be switched off, only set between these bounds.
IDLE_LOCK_MIN_MINUTES = 1
IDLE_LOCK_MAX_MINUTES = 240
IDLE_LOCK_DEFAULT_MINUTES = 15
SETTINGS_RECORD_TYPE = "office-settings"
SETTINGS_RECORD_VERSION = 1
SETTINGS_SUBJECT = "office:settings"


@dataclass(frozen=True, slots=True)
class OfficeSettings:
    """The office's settings as every seat reads them."""

    idle_lock_minutes: int

    def record(self) -> dict[str, object]:
        """The canonical record a change's ledger entry digests."""
        return {"type": SETTINGS_RECORD_TYPE, "version": SETTINGS_RECORD_VERSION,
                "idle_lock_minutes": self.idle_lock_minutes}


def _office(session: Session) -> Office:
    row = session.get(Office, 1)
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This data folder has no office yet: set it up first."))
    return row


def office_settings(session: Session) -> OfficeSettings:
    """The settings of this store's office (the defaults before setup)."""
    row = session.get(Office, 1)
    return OfficeSettings(row.idle_lock_minutes if row is not None else IDLE_LOCK_DEFAULT_MINUTES)


def validate_idle_lock_minutes(minutes: int) -> int:
    """A whole number of minutes within the bounds, else ``InvalidInput`` naming the field."""
    if isinstance(minutes, bool) or not isinstance(minutes, int) or \
            not IDLE_LOCK_MIN_MINUTES <= minutes <= IDLE_LOCK_MAX_MINUTES:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "The idle lock is {low} to {high} minutes (not “{value}”)."),
            field="idle_lock_minutes", low=IDLE_LOCK_MIN_MINUTES, high=IDLE_LOCK_MAX_MINUTES, value=minutes)
    return minutes


def set_idle_lock_minutes(session: Session, actor: Actor, minutes: int) -> OfficeSettings:
    """An administrator sets the idle lock for every seat; the change is a ledger entry (no entry when
    the value is unchanged)."""
    validate_idle_lock_minutes(minutes)
    ledger.lock(session)  # first: the sign-in is checked under the lock sign-out takes
    require(actor, Action.CHANGE_OFFICE_SETTINGS)
    row = _office(session)
    if row.idle_lock_minutes == minutes:
        return office_settings(session)
    row.idle_lock_minutes = minutes
    session.flush()
    changed = OfficeSettings(minutes)
    ledger.append(session, actor.name, EventKind.OFFICE_SETTING_CHANGED, SETTINGS_SUBJECT,
                  record_digest(changed.record()))
    return changed
