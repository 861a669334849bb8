"""The office that owns a store (调解中心 / 公证处): its name and its two number series, one per kind of
matter: mediation cases (调解案件, ``（2026）云知调字第0001号``) and notarial matters (公证事项,
``（2026）云昆证字第0001号``). A series is a prefix (云知, 云昆) and a word (代字: 调, 证); the text before 字
is the two together, the number's head.

Setup records the office and logs its record; an administrator may later change the name or a series,
each change logged with the record's digest, so verification sees a change made behind the app's back.
Numbers already given never change (they are in sealed records and ledger subjects); new ones use the
series in force when the matter is opened, continuing the year's serial.

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
from desktop.core.vocabulary import Vocabulary

OFFICE_NAME_MAX = 200
PREFIX_MAX = 16
WORD_MAX = 2  # 调, 证; two for words such as 民证, 经证 of older notarial numbering
if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.models import Office
    from desktop.core.trust.permissions import Actor


class MatterKind(Vocabulary):
    """The two kinds of matter, each numbered in its own series per office and year. The values are
    stored: never rename one."""

    MEDIATION = "mediation", QT_TRANSLATE_NOOP("vocabulary", "Mediation case")  # 调解案件
    NOTARIAL = "notarial", QT_TRANSLATE_NOOP("vocabulary", "Notarial matter")  # 公证事项


DEFAULT_PREFIX = "知调"  # the whole head a store set up before the series had words was given by default
DEFAULT_MEDIATION_PREFIX = "知"
MEDIATION_WORD = "调"  # the default word of mediation case numbers (云知调字)
NOTARIAL_WORD = "证"  # the default word of notarial matter numbers (云昆证字)
OFFICE_RECORD_TYPE = "office"
OFFICE_RECORD_VERSION = 2  # 2: both series; 1 (before): name and case_number_prefix
OFFICE_SUBJECT = "office:name"  # the ledger subject of the office's name and number series
# Characters a case number uses around the prefix; a prefix containing them would read ambiguously.
_PREFIX_FORBIDDEN = set("()（）〔〕[]字第号")


@dataclass(frozen=True, slots=True)
class OfficeInfo:
    """An office as the rest of the app sees it. ``case_number_prefix`` and ``mediation_word`` are the
    mediation series; an empty word means the prefix ends with its word, as in a store set up before the
    word stood apart (云知调). The notarial series is None until an administrator sets it."""

    name: str
    case_number_prefix: str
    mediation_word: str = ""
    notarial_prefix: str | None = None
    notarial_word: str | None = None

    def number_head(self, kind: MatterKind) -> str | None:
        """The text before 字 in the numbers of ``kind`` (云知调, 云昆证), or None when that series is not
        set."""
        if kind == MatterKind.MEDIATION:
            return self.case_number_prefix + self.mediation_word
        if self.notarial_prefix is None or self.notarial_word is None:
            return None
        return self.notarial_prefix + self.notarial_word

    def record(self) -> dict[str, object]:
        """The canonical record the ledger's ``office.*`` entries digest (version 2: both series)."""
        return {"type": OFFICE_RECORD_TYPE, "version": OFFICE_RECORD_VERSION, "name": self.name,
                "case_number_prefix": self.case_number_prefix, "mediation_word": self.mediation_word,
                "notarial_prefix": self.notarial_prefix, "notarial_word": self.notarial_word}

    def record_v1(self) -> dict[str, object] | None:
        """The version-1 record that described this office before the series stood apart (name and the
        mediation head as ``case_number_prefix``); None once a notarial series is set, which version 1
        cannot say."""
        if self.notarial_prefix is not None or self.notarial_word is not None:
            return None
        return {"type": OFFICE_RECORD_TYPE, "version": 1, "name": self.name,
                "case_number_prefix": self.case_number_prefix + self.mediation_word}

    def matches(self, digest: str) -> bool:
        """Whether the ledger's ``digest`` records this office: its version-2 record, or the version-1
        record an entry logged before version 2 holds (the numbers it gives are the same)."""
        from desktop.core.integrity.canonical import record_digest

        if record_digest(self.record()) == digest:
            return True
        old = self.record_v1()
        return old is not None and record_digest(old) == digest


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


def _bad_code(text: str) -> bool:
    """Whether a prefix or word holds what a number cannot carry around 字: spaces, digits, brackets,
    字/第/号 or control characters."""
    return (has_control(text) or any(ch.isspace() or ch.isdigit() for ch in text)
            or bool(_PREFIX_FORBIDDEN & set(text)))


def _check_prefix(prefix: str, empty: str, bad: str, *, field: str) -> str:
    if not prefix:
        raise InvalidInput(empty, field=field)
    if len(prefix) > PREFIX_MAX or _bad_code(prefix):
        raise InvalidInput(bad, field=field, limit=PREFIX_MAX)
    return prefix


def _check_word(word: str, bad: str, *, field: str, required: bool) -> str:
    if (required and not word) or len(word) > WORD_MAX or _bad_code(word):
        raise InvalidInput(bad, field=field, limit=WORD_MAX)
    return word


def validate_office(name: str, prefix: str, *, mediation_word: str = "", notarial_prefix: str | None = None,
                    notarial_word: str | None = None) -> OfficeInfo:
    """Clean and check an office name and its series; raise ``InvalidInput`` naming the bad field. The
    mediation word may be empty (the prefix then ends with it, 云知调); a notarial series is both a
    prefix and a word of 1–2 characters, or neither (empty or None: not set)."""
    name = name.strip()
    if not name:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The office name is empty."), field="name")
    if len(name) > OFFICE_NAME_MAX or has_control(name):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("errors",
                              "The office name must be at most {limit} characters, on one line."),
            field="name", limit=OFFICE_NAME_MAX)
    prefix = _check_prefix(
        prefix.strip(), QT_TRANSLATE_NOOP("errors", "The case-number prefix is empty."),
        QT_TRANSLATE_NOOP("errors", "The case-number prefix must be at most {limit} characters with no "
                                    "spaces, digits, brackets or the characters 字, 第, 号."), field="prefix")
    mediation_word = _check_word(
        mediation_word.strip(), QT_TRANSLATE_NOOP(
            "errors", "The word of mediation case numbers (调 in 云知调字) must be at most {limit} "
                      "characters with no spaces, digits, brackets or the characters 字, 第, 号."),
        field="mediation_word", required=False)
    notarial_prefix = (notarial_prefix or "").strip()
    notarial_word = (notarial_word or "").strip()
    if not notarial_prefix and not notarial_word:
        return OfficeInfo(name, prefix, mediation_word)
    notarial_prefix = _check_prefix(
        notarial_prefix,
        QT_TRANSLATE_NOOP("errors", "The prefix of notarial matter numbers is empty: give one with its "
                                    "word, or neither."),
        QT_TRANSLATE_NOOP("errors", "The prefix of notarial matter numbers must be at most {limit} "
                                    "characters with no spaces, digits, brackets or the characters 字, 第, "
                                    "号."), field="notarial_prefix")
    notarial_word = _check_word(
        notarial_word, QT_TRANSLATE_NOOP(
            "errors", "The word of notarial matter numbers (证 in 云昆证字) must be 1 to {limit} "
                      "characters with no spaces, digits, brackets or the characters 字, 第, 号."),
        field="notarial_word", required=True)
    info = OfficeInfo(name, prefix, mediation_word, notarial_prefix, notarial_word)
    if info.number_head(MatterKind.MEDIATION) == info.number_head(MatterKind.NOTARIAL):
        # Two series with one head would give two matters the same number.
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "Notarial matters need numbers of their own: their prefix and word “{head}” are "
                      "those of mediation cases."),
            field="notarial_prefix", head=notarial_prefix + notarial_word)
    return info


def _info(row: Office) -> OfficeInfo:
    return OfficeInfo(row.name, row.case_number_prefix, row.mediation_word, row.notarial_prefix,
                      row.notarial_word)


def get_office(session: Session) -> OfficeInfo | None:
    """The office of this store, or None before setup."""
    from db.models import Office

    row = session.get(Office, 1)
    return _info(row) if row else None


def create_office(session: Session, name: str, prefix: str, *, mediation_word: str = "",
                  notarial_prefix: str | None = None, notarial_word: str | None = None) -> OfficeInfo:
    """Record the office once; a store that already has one refuses (nothing is overwritten). A prefix
    given without a word is the whole head (云知调); the notarial series only when given."""
    from db.models import Office

    info = validate_office(name, prefix, mediation_word=mediation_word, notarial_prefix=notarial_prefix,
                           notarial_word=notarial_word)
    existing = get_office(session)
    if existing is not None:
        raise NotAllowed(
            QT_TRANSLATE_NOOP("errors", "This data folder already belongs to the office “{office}”."),
            office=existing.name)
    session.add(Office(id=1, name=info.name, case_number_prefix=info.case_number_prefix,
                       mediation_word=info.mediation_word, notarial_prefix=info.notarial_prefix,
                       notarial_word=info.notarial_word))
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
    """The number and digest of the latest ledger entry recording the office's name and series; None for
    a store set up before they were logged that no administrator has changed since."""
    from sqlalchemy import select

    from db.models import LedgerEntry
    from desktop.core.trust.events import EventKind

    kinds = [str(EventKind.OFFICE_CREATED), str(EventKind.OFFICE_UPDATED)]
    row = session.execute(select(LedgerEntry.seq, LedgerEntry.subject_sha256).where(
        LedgerEntry.subject == OFFICE_SUBJECT, LedgerEntry.kind.in_(kinds),
        LedgerEntry.subject_sha256.is_not(None)).order_by(LedgerEntry.seq.desc()).limit(1)).first()
    return (row[0], row[1]) if row is not None and row[1] is not None else None


def update_office(session: Session, actor: Actor, name: str, prefix: str, *,
                  mediation_word: str | None = None, notarial_prefix: str | None = None,
                  notarial_word: str | None = None) -> OfficeInfo:
    """An administrator changes the office's name or a series (validated as at setup); the change is a
    ledger entry with the new record's digest, none when nothing changed. A series part given as None
    stays as stored; the notarial series is removed with both parts given empty. Numbers already given
    keep their head; matters opened from now on get the new one."""
    from db.models import Office
    from desktop.core.trust import ledger
    from desktop.core.trust.permissions import Action, require

    ledger.lock(session)  # first: the sign-in is checked under the lock sign-out takes
    require(actor, Action.CHANGE_OFFICE_SETTINGS)
    row = session.get(Office, 1)
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This data folder has no office yet: set it up first."))
    stored = _info(row)
    info = validate_office(
        name, prefix, mediation_word=stored.mediation_word if mediation_word is None else mediation_word,
        notarial_prefix=stored.notarial_prefix if notarial_prefix is None else notarial_prefix,
        notarial_word=stored.notarial_word if notarial_word is None else notarial_word)
    if stored == info:
        return info
    recorded = recorded_office(session)
    if recorded is not None and not stored.matches(recorded[1]):
        # The entry would approve a name or series changed behind the app's back.
        raise IntegrityError(QT_TRANSLATE_NOOP(
            "errors", "The office's name or prefix is not what the ledger recorded (it was changed outside "
            "Mediseal), so it cannot be changed. Run a verification (mediseal verify)."))
    row.name = info.name
    row.case_number_prefix = info.case_number_prefix
    row.mediation_word = info.mediation_word
    row.notarial_prefix = info.notarial_prefix
    row.notarial_word = info.notarial_word
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
