"""Ledger subjects in words: ``evidence:5`` is evidence item 5 with its file name and case number,
``key:ab12…`` a signing key and its holder (login and real name), ``minutes-entry:12`` an entry of a
sitting's minutes with its seq, the sitting's kind and time and the case number. Read in a few batched
queries (one per kind per ``IDS_PER_QUERY`` values), never one per entry: a sitting may have 2 000."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from db.models import Agent, EvidenceItem, MediationCase, Party, PreservationRecord, SigningKey, User
from db.sittings import MinutesEntry, MinutesSigning, SealedMinutes, Sitting
from desktop.core.vocabulary import QT_TRANSLATE_NOOP, Vocabulary

IDS_PER_QUERY = 400  # values in one IN list: under every driver's parameter limit


class SubjectKind(Vocabulary):
    """What a ledger entry is about, by the prefix of its subject (``evidence:5``)."""

    EVIDENCE = "evidence", QT_TRANSLATE_NOOP("vocabulary", "Evidence")
    CASE = "case", QT_TRANSLATE_NOOP("vocabulary", "Case")
    PARTY = "party", QT_TRANSLATE_NOOP("vocabulary", "Party")
    AGENT = "agent", QT_TRANSLATE_NOOP("vocabulary", "Agent")
    USER = "user", QT_TRANSLATE_NOOP("vocabulary", "User")
    KEY = "key", QT_TRANSLATE_NOOP("vocabulary", "Signing key")
    PRESERVATION = "preservation", QT_TRANSLATE_NOOP("vocabulary", "Preservation record")
    OFFICE = "office", QT_TRANSLATE_NOOP("vocabulary", "Office")
    SITTING = "sitting", QT_TRANSLATE_NOOP("vocabulary", "Sitting")  # 调解会 or 调查
    MINUTES_ENTRY = "minutes-entry", QT_TRANSLATE_NOOP("vocabulary", "Minutes entry")  # 笔录条目
    MINUTES = "minutes", QT_TRANSLATE_NOOP("vocabulary", "Sealed minutes")  # 调解记录, or an addendum
    MINUTES_SIGNING = "minutes-signing", QT_TRANSLATE_NOOP("vocabulary", "Minutes signing")  # 笔录签名
    FILE = "file", QT_TRANSLATE_NOOP("vocabulary", "Case file")  # 卷宗: its cover and its archiving
    OTHER = "other", QT_TRANSLATE_NOOP("vocabulary", "Other")


@dataclass(frozen=True, slots=True)
class SubjectInfo:
    """One subject as words: its kind, what names it (item number, case number, user or key), and what
    it is called (file name, a user's real name, a key holder's login name), with the case it belongs to
    when it has one. ``real_name`` is the real name (姓名) of the user it names or of the key's holder
    ("" when none is recorded). ``found`` is false when the subject names nothing stored (a user's
    mistyped name in a failed sign-in).

    For a sitting's subjects, ``sitting_kind`` (``mediation`` or ``investigation``) and ``starts_at`` say
    which sitting; ``seq`` is an entry's number in its minutes, or the entry an addendum corrects;
    ``addendum`` tells an addendum from the minutes it corrects (for a signing: of the record signed);
    ``name`` is who signed, for a signing."""

    raw: str
    kind: SubjectKind
    key: str
    name: str = ""
    case_number: str = ""
    found: bool = True
    real_name: str = ""
    sitting_kind: str = ""
    starts_at: datetime | None = None
    seq: int | None = None
    addendum: bool = False


def _split(subject: str) -> tuple[SubjectKind, str]:
    prefix, colon, rest = subject.partition(":")
    if not colon:
        return SubjectKind.OTHER, subject
    try:
        return SubjectKind(prefix), rest
    except ValueError:
        return SubjectKind.OTHER, subject


def _chunks(values: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), IDS_PER_QUERY):
        yield values[start:start + IDS_PER_QUERY]


def _numbers(keys: Iterable[str]) -> list[int]:
    return sorted({int(key) for key in keys if key.isdigit() and len(key) < 18})


def _rows_by_id(session: Session, keys: Iterable[str], query: Select[*tuple[Any, ...]],
                id_column: Any) -> dict[int, Any]:
    """The rows of ``query`` (its first column the id) for the numeric ``keys``, one query per
    ``IDS_PER_QUERY`` ids."""
    rows: dict[int, Any] = {}
    for part in _chunks([str(number) for number in _numbers(keys)]):
        rows.update((row[0], row) for row in session.execute(
            query.where(id_column.in_([int(value) for value in part]))))
    return rows


def _row_of(rows: dict[int, Any], key: str) -> Any:
    return rows.get(int(key)) if key.isdigit() and len(key) < 18 else None


def _describe_sittings(session: Session, wanted: dict[SubjectKind, dict[str, str]],
                       found: dict[str, SubjectInfo]) -> None:
    """Sittings, minutes entries, sealed minutes (and addenda) and signings, each kind in one batched
    query joined to its sitting and case."""
    sittings = wanted.get(SubjectKind.SITTING, {})
    rows = _rows_by_id(session, sittings.values(), select(Sitting.id, Sitting.kind, Sitting.starts_at,
                                                          MediationCase.number)
                       .join(MediationCase, MediationCase.id == Sitting.case_id), Sitting.id)
    for subject, key in sittings.items():
        row = _row_of(rows, key)
        found[subject] = SubjectInfo(subject, SubjectKind.SITTING, key, found=False) if row is None else \
            SubjectInfo(subject, SubjectKind.SITTING, key, case_number=row.number, sitting_kind=row.kind,
                        starts_at=row.starts_at)

    entries = wanted.get(SubjectKind.MINUTES_ENTRY, {})
    rows = _rows_by_id(session, entries.values(), select(MinutesEntry.id, MinutesEntry.seq, Sitting.kind,
                                                         Sitting.starts_at, MediationCase.number)
                       .join(Sitting, Sitting.id == MinutesEntry.sitting_id)
                       .join(MediationCase, MediationCase.id == Sitting.case_id), MinutesEntry.id)
    for subject, key in entries.items():
        row = _row_of(rows, key)
        found[subject] = SubjectInfo(subject, SubjectKind.MINUTES_ENTRY, key, found=False) if row is None \
            else SubjectInfo(subject, SubjectKind.MINUTES_ENTRY, key, case_number=row.number,
                             sitting_kind=row.kind, starts_at=row.starts_at, seq=row.seq)

    records = wanted.get(SubjectKind.MINUTES, {})
    rows = _rows_by_id(session, records.values(), select(SealedMinutes.id, SealedMinutes.kind.label("record"),
                                                         SealedMinutes.corrects_seq, Sitting.kind,
                                                         Sitting.starts_at, MediationCase.number)
                       .join(Sitting, Sitting.id == SealedMinutes.sitting_id)
                       .join(MediationCase, MediationCase.id == Sitting.case_id), SealedMinutes.id)
    for subject, key in records.items():
        row = _row_of(rows, key)
        found[subject] = SubjectInfo(subject, SubjectKind.MINUTES, key, found=False) if row is None else \
            SubjectInfo(subject, SubjectKind.MINUTES, key, case_number=row.number, sitting_kind=row.kind,
                        starts_at=row.starts_at, seq=row.corrects_seq, addendum=row.record == "addendum")

    signings = wanted.get(SubjectKind.MINUTES_SIGNING, {})
    rows = _rows_by_id(session, signings.values(), select(MinutesSigning.id, MinutesSigning.name,
                                                          SealedMinutes.kind.label("record"),
                                                          SealedMinutes.corrects_seq, Sitting.kind,
                                                          Sitting.starts_at, MediationCase.number)
                       .join(SealedMinutes, SealedMinutes.id == MinutesSigning.record_id)
                       .join(Sitting, Sitting.id == SealedMinutes.sitting_id)
                       .join(MediationCase, MediationCase.id == Sitting.case_id), MinutesSigning.id)
    for subject, key in signings.items():
        row = _row_of(rows, key)
        found[subject] = SubjectInfo(subject, SubjectKind.MINUTES_SIGNING, key, found=False) if row is None \
            else SubjectInfo(subject, SubjectKind.MINUTES_SIGNING, key, row.name, row.number,
                             sitting_kind=row.kind, starts_at=row.starts_at, seq=row.corrects_seq,
                             addendum=row.record == "addendum")


def describe_subjects(session: Session, subjects: Iterable[str]) -> dict[str, SubjectInfo]:
    """Each distinct subject in words, with one query per kind present (per ``IDS_PER_QUERY`` values)."""
    wanted: dict[SubjectKind, dict[str, str]] = {}
    for subject in dict.fromkeys(subjects):
        kind, key = _split(subject)
        wanted.setdefault(kind, {})[subject] = key
    found: dict[str, SubjectInfo] = {}

    items = wanted.get(SubjectKind.EVIDENCE, {})
    item_rows: dict[int, tuple[str, str]] = {}
    for part in _chunks([str(number) for number in _numbers(items.values())]):
        rows = session.execute(select(EvidenceItem.id, EvidenceItem.original_name, MediationCase.number)
                               .join(MediationCase, MediationCase.id == EvidenceItem.case_id)
                               .where(EvidenceItem.id.in_([int(value) for value in part])))
        item_rows.update((item_id, (name, number)) for item_id, name, number in rows)
    for subject, key in items.items():
        row = item_rows.get(int(key)) if key.isdigit() and len(key) < 18 else None
        found[subject] = SubjectInfo(subject, SubjectKind.EVIDENCE, key, row[0] if row else "",
                                     row[1] if row else "", row is not None)

    records = wanted.get(SubjectKind.PRESERVATION, {})
    record_rows: dict[int, str] = {}
    for part in _chunks([str(number) for number in _numbers(records.values())]):
        record_cases = session.execute(select(PreservationRecord.id, MediationCase.number)
                               .join(MediationCase, MediationCase.id == PreservationRecord.case_id)
                               .where(PreservationRecord.id.in_([int(value) for value in part])))
        record_rows.update((record_id, number) for record_id, number in record_cases)
    for subject, key in records.items():
        number = record_rows.get(int(key)) if key.isdigit() and len(key) < 18 else None
        found[subject] = SubjectInfo(subject, SubjectKind.PRESERVATION, key, "", number or "",
                                     number is not None)

    for kind, table in ((SubjectKind.PARTY, Party), (SubjectKind.AGENT, Agent)):
        named = wanted.get(kind, {})
        named_rows: dict[int, tuple[str, str]] = {}
        for part in _chunks([str(number) for number in _numbers(named.values())]):
            rows = session.execute(select(table.id, table.name, MediationCase.number)
                                   .join(MediationCase, MediationCase.id == table.case_id)
                                   .where(table.id.in_([int(value) for value in part])))
            named_rows.update((row_id, (name, number)) for row_id, name, number in rows)
        for subject, key in named.items():
            row = named_rows.get(int(key)) if key.isdigit() and len(key) < 18 else None
            found[subject] = SubjectInfo(subject, kind, key, row[0] if row else "", row[1] if row else "",
                                         row is not None)

    _describe_sittings(session, wanted, found)

    cases = wanted.get(SubjectKind.CASE, {})
    files = wanted.get(SubjectKind.FILE, {})  # file:<number>: the case file of case <number>
    known_cases: set[str] = set()
    for part in _chunks(sorted({*cases.values(), *files.values()})):
        known_cases.update(session.scalars(select(MediationCase.number).where(MediationCase.number.in_(part))))
    for kind, named in ((SubjectKind.CASE, cases), (SubjectKind.FILE, files)):
        for subject, key in named.items():
            found[subject] = SubjectInfo(subject, kind, key, "", key, key in known_cases)

    people = wanted.get(SubjectKind.USER, {})
    known_users: dict[str, str] = {}  # login name → real name ("" when none is recorded)
    for part in _chunks(sorted(set(people.values()))):
        known_users.update((name, real_name or "") for name, real_name in session.execute(
            select(User.name, User.real_name).where(User.name.in_(part))))
    for subject, key in people.items():
        found[subject] = SubjectInfo(subject, SubjectKind.USER, key, known_users.get(key, ""),
                                     found=key in known_users, real_name=known_users.get(key, ""))

    keys = wanted.get(SubjectKind.KEY, {})
    holders: dict[str, tuple[str, str]] = {}  # fingerprint → the holder's login name and real name
    for part in _chunks(sorted(set(keys.values()))):
        key_holders = session.execute(select(SigningKey.fingerprint, User.name, User.real_name)
                               .join(User, User.id == SigningKey.user_id)
                               .where(SigningKey.fingerprint.in_(part)))
        holders.update((fingerprint, (name, real_name or "")) for fingerprint, name, real_name in key_holders)
    for subject, key in keys.items():
        holder, real_name = holders.get(key, ("", ""))
        found[subject] = SubjectInfo(subject, SubjectKind.KEY, key, holder, found=key in holders,
                                     real_name=real_name)

    for kind in (SubjectKind.OFFICE, SubjectKind.OTHER):
        for subject, key in wanted.get(kind, {}).items():
            found[subject] = SubjectInfo(subject, kind, key)
    return found
