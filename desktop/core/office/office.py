"""The office that owns a store (调解中心 / 公证处): its name and case-number prefix.

Setup records the office and logs its record; an administrator may later change the name or the prefix,
each change logged with the record's digest, so verification sees a change made behind the app's back.
Case numbers already given never change (they are in sealed records and ledger subjects); new ones use
the prefix in force when the case is opened, continuing the year's serial.

Validation and formatting need no database; ``db.models`` and the ledger are imported inside the
functions that read and write, so the command-line parser and the window can use this module before
SQLAlchemy loads.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.errors import QT_TRANSLATE_NOOP, IntegrityError, InvalidInput, NotAllowed, NotFound
from desktop.core.text import has_control

OFFICE_NAME_MAX = 200
PREFIX_MAX = 16
if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desktop.core.trust.permissions import Actor

DEFAULT_PREFIX = "知调"
OFFICE_RECORD_TYPE = "office"
OFFICE_RECORD_VERSION = 1
OFFICE_SUBJECT = "office:name"  # the ledger subject of the office's name and prefix
# Characters a case number uses around the prefix; a prefix containing them would read ambiguously.
_PREFIX_FORBIDDEN = set("()（）〔〕[]字第号")


@dataclass(frozen=True, slots=True)
class OfficeInfo:
    """An office as the rest of the app sees it."""

    name: str
    case_number_prefix: str

    def record(self) -> dict[str, object]:
        """The canonical record the ledger's ``office.*`` entries digest."""
        return {"type": OFFICE_RECORD_TYPE, "version": OFFICE_RECORD_VERSION, "name": self.name,
                "case_number_prefix": self.case_number_prefix}


# The year stands in full-width round brackets, as in the courts' case numbers (最高人民法院《关于人民法院
# 案件案号的若干规定》, 法〔2015〕137号, art. 3 as amended by 法〔2018〕335号: "（"+收案年度+"）"+…+"号") and
# notarial certificate numbers (（2026）云昆证字第1号); a mediated case may go on to judicial confirmation,
# so its number reads like the court's. The hexagonal 〔〕 of GB/T 9704-2012 §7.2.4 is for the 发文字号 of
# official documents (公文), not case numbers. Numbers recorded with ASCII brackets before this stay as
# they are (they are in sealed records and ledger subjects); ``find_case`` finds either form.
CASE_NUMBER_OPEN = "\uff08"  # （ FULLWIDTH LEFT PARENTHESIS
CASE_NUMBER_CLOSE = "\uff09"  # ） FULLWIDTH RIGHT PARENTHESIS


def format_case_number(prefix: str, year: int, sequence: int) -> str:
    """A case number such as ``（2026）云知调字第0001号`` (full-width brackets)."""
    return f"{CASE_NUMBER_OPEN}{year}{CASE_NUMBER_CLOSE}{prefix}字第{sequence:04d}号"


def case_number_forms(number: str) -> list[str]:
    """``number`` as typed, then with its brackets in the other width (full-width ↔ ASCII): the forms
    under which a case may have been recorded, most likely first."""
    typed = number.strip()
    if CASE_NUMBER_OPEN in typed or CASE_NUMBER_CLOSE in typed:
        other = typed.replace(CASE_NUMBER_OPEN, "(").replace(CASE_NUMBER_CLOSE, ")")
    else:
        other = typed.replace("(", CASE_NUMBER_OPEN).replace(")", CASE_NUMBER_CLOSE)
    return [typed] if other == typed else [typed, other]


def validate_office(name: str, prefix: str) -> OfficeInfo:
    """Clean and check an office name and prefix; raise ``InvalidInput`` naming the bad field."""
    name = name.strip()
    prefix = prefix.strip()
    if not name:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The office name is empty."), field="name")
    if len(name) > OFFICE_NAME_MAX or has_control(name):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors",
                              "The office name must be at most {limit} characters, on one line."),
            field="name", limit=OFFICE_NAME_MAX)
    if not prefix:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The case-number prefix is empty."),
                           field="prefix")
    if (len(prefix) > PREFIX_MAX or has_control(prefix) or any(ch.isspace() for ch in prefix)
            or any(ch.isdigit() for ch in prefix) or _PREFIX_FORBIDDEN & set(prefix)):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors",
                              "The case-number prefix must be at most {limit} characters with no "
                              "spaces, digits, brackets or the characters 字, 第, 号."),
            field="prefix", limit=PREFIX_MAX)
    return OfficeInfo(name, prefix)


def get_office(session: Session) -> OfficeInfo | None:
    """The office of this store, or None before setup."""
    from db.models import Office

    row = session.get(Office, 1)
    return OfficeInfo(row.name, row.case_number_prefix) if row else None


def create_office(session: Session, name: str, prefix: str) -> OfficeInfo:
    """Record the office once; a store that already has one refuses (nothing is overwritten)."""
    from db.models import Office

    info = validate_office(name, prefix)
    existing = get_office(session)
    if existing is not None:
        raise NotAllowed(
            QT_TRANSLATE_NOOP("errors", "This data folder already belongs to the office “{office}”."),
            office=existing.name)
    session.add(Office(id=1, name=info.name, case_number_prefix=info.case_number_prefix))
    session.flush()
    return info


def log_office(session: Session, actor_name: str, info: OfficeInfo, *, created: bool) -> None:
    """Append the office's record to the ledger (``office.created`` at setup, ``office.updated`` after)."""
    from desktop.core.integrity.canonical import record_digest
    from desktop.core.trust import ledger
    from desktop.core.trust.events import EventKind

    kind = EventKind.OFFICE_CREATED if created else EventKind.OFFICE_UPDATED
    ledger.append(session, actor_name, kind, OFFICE_SUBJECT, record_digest(info.record()))


def recorded_office(session: Session) -> tuple[int, str] | None:
    """The number and digest of the latest ledger entry recording the office's name and prefix; None for a
    store set up before they were logged that no administrator has changed since."""
    from sqlalchemy import select

    from db.models import LedgerEntry
    from desktop.core.trust.events import EventKind

    kinds = [str(EventKind.OFFICE_CREATED), str(EventKind.OFFICE_UPDATED)]
    row = session.execute(select(LedgerEntry.seq, LedgerEntry.subject_sha256).where(
        LedgerEntry.subject == OFFICE_SUBJECT, LedgerEntry.kind.in_(kinds),
        LedgerEntry.subject_sha256.is_not(None)).order_by(LedgerEntry.seq.desc()).limit(1)).first()
    return (row[0], row[1]) if row is not None and row[1] is not None else None


def update_office(session: Session, actor: Actor, name: str, prefix: str) -> OfficeInfo:
    """An administrator changes the office's name or case-number prefix (validated as at setup); the change
    is a ledger entry with the new record's digest, none when nothing changed. Case numbers already given
    keep their prefix; cases opened from now on get the new one."""
    from db.models import Office
    from desktop.core.integrity.canonical import record_digest
    from desktop.core.trust import ledger
    from desktop.core.trust.permissions import Action, require

    info = validate_office(name, prefix)
    ledger.lock(session)  # first: the sign-in is checked under the lock sign-out takes
    require(actor, Action.CHANGE_OFFICE_SETTINGS)
    row = session.get(Office, 1)
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This data folder has no office yet: set it up first."))
    stored = OfficeInfo(row.name, row.case_number_prefix)
    if stored == info:
        return info
    recorded = recorded_office(session)
    if recorded is not None and recorded[1] != record_digest(stored.record()):
        # The entry would approve a name or prefix changed behind the app's back.
        raise IntegrityError(QT_TRANSLATE_NOOP(
            "errors", "The office's name or prefix is not what the ledger recorded (it was changed outside "
            "Mediseal), so it cannot be changed. Run a verification (mediseal verify)."))
    row.name = info.name
    row.case_number_prefix = info.case_number_prefix
    session.flush()
    log_office(session, actor.name, info, created=False)
    return info


def looks_set_up(database_file: Path) -> bool:
    """Whether a SQLite store seems to hold its office and a user, read with the standard library only,
    before SQLAlchemy loads: the window asks for a sign-in at once while the store opens behind it. Only
    a hint (any doubt says no); the opened store decides."""
    import sqlite3

    if not database_file.is_file():
        return False
    # As db.revisions.sqlite_revision: with no -wal file the main file holds everything, and immutable=1
    # reads it without leaving -wal and -shm files behind.
    wal = database_file.with_name(database_file.name + "-wal")
    flags = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    try:
        connection = sqlite3.connect(f"{database_file.resolve().as_uri()}?{flags}", uri=True)
    except sqlite3.Error:
        return False
    try:
        office = connection.execute("SELECT 1 FROM office WHERE id = 1").fetchone()
        user = connection.execute("SELECT 1 FROM user_account LIMIT 1").fetchone()
    except sqlite3.Error:
        return False
    finally:
        connection.close()
    return office is not None and user is not None
