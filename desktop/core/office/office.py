"""The office that owns a store (调解中心 / 公证处): its name and case-number prefix.

Validation and formatting need no database; ``db.models`` is imported inside the two functions that
read and write, so the command-line parser and the window can use this module before SQLAlchemy loads.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput, NotAllowed
from desktop.core.text import has_control

OFFICE_NAME_MAX = 200
PREFIX_MAX = 16
if TYPE_CHECKING:
    from sqlalchemy.orm import Session

DEFAULT_PREFIX = "知调"
# Characters a case number uses around the prefix; a prefix containing them would read ambiguously.
_PREFIX_FORBIDDEN = set("()（）〔〕[]字第号")


@dataclass(frozen=True, slots=True)
class OfficeInfo:
    """An office as the rest of the app sees it."""

    name: str
    case_number_prefix: str


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
