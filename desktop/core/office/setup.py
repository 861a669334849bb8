"""Setting up a new store: the office (its record logged in the ledger), its first administrator (with
their real name) and, if asked, the administrator's signing key, in the caller's one transaction. The
command line (``mediseal init``) and the window's first-start wizard both call ``set_up``, so they cannot
differ.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from desktop.core.errors import QT_TRANSLATE_NOOP, NotFound
from desktop.core.office.office import OfficeInfo, create_office, get_office, log_office
from desktop.core.trust import ledger, signing_keys, users
from desktop.core.trust.permissions import Actor


@dataclass(frozen=True, slots=True)
class SetupResult:
    """What setup recorded."""

    office: OfficeInfo
    administrator: Actor
    key: signing_keys.KeyInfo | None


def set_up(session: Session, office: OfficeInfo | None, admin_name: str, password: str, real_name: str, *,
           with_key: bool = False) -> SetupResult:
    """Record the office (``None``: the store already has one, and only users are missing), create the
    first administrator with their real name (姓名) and, with ``with_key``, their signing key. Nothing is
    kept unless all of it is: the caller's transaction commits or rolls back as one."""
    ledger.lock(session)  # first: a SQLite reader cannot take the write lock later
    if office is not None:
        recorded = create_office(session, office.name, office.case_number_prefix,
                                 mediation_word=office.mediation_word, notarial_prefix=office.notarial_prefix,
                                 notarial_word=office.notarial_word)
    else:
        existing = get_office(session)
        if existing is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors",
                                             "This data folder has no office yet: set it up first."))
        recorded = existing
    administrator = users.create_first_admin(session, admin_name, password, real_name)
    if office is not None:  # logged by the administrator who recorded it
        log_office(session, administrator.name, recorded, created=True)
    key = signing_keys.new_key(session, administrator, password) if with_key else None
    return SetupResult(recorded, administrator, key)
