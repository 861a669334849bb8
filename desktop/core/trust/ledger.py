"""The append-only ledger (存证日志): every state change is an entry; entries are the leaves of an
RFC 9162 Merkle tree whose complete subtrees are stored, so appends and proofs cost O(log n).

Ordering: an append first bumps the one-row ``ledger_head``, which takes the database's write lock
(SQLite) or the row's lock (PostgreSQL) until commit, so concurrent appends, from threads or from
other seats, get consecutive numbers. ``append_many`` numbers a whole batch with one bump, reads the
tree's frontier in one query and writes the entries and their nodes in two bulk inserts. Before it
writes, an append checks that the entries end where the sequencer says; a ledger out of step is an
``IntegrityError``, never a silent gap. Verification trusts none of the stored hashes: it recomputes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple
from typing import cast as typed

import sqlalchemy.exc
from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    String,
    Table,
    cast,
    false,
    func,
    insert,
    literal,
    or_,
    select,
    tuple_,
    union_all,
    update,
)
from sqlalchemy.orm import Session

from db.models import (
    EvidenceItem,
    LedgerEntry,
    LedgerHead,
    MediationCase,
    MerkleNode,
    PreservationRecord,
    User,
    utc_now,
)
from db.sittings import MinutesEntry, MinutesSigning, SealedMinutes, Sitting
from desktop.core.errors import QT_TRANSLATE_NOOP, IntegrityError, InvalidInput
from desktop.core.integrity.canonical import canonical_bytes, format_time
from desktop.core.integrity.merkle import MerkleTree, NodeId
from desktop.core.trust.events import EventKind

ENTRY_TYPE = "ledger-entry"
ENTRY_VERSION = 1
SYSTEM_ACTOR = "-"  # no one signed in (failed sign-ins, start-up)
SUBJECT_LIMIT = 200  # characters: the ``ledger_entry.subject`` column; a longer subject is refused, never cut
NODES_PER_QUERY = 400  # (level, index) pairs in one IN list: 800 parameters, under every driver's limit


@dataclass(frozen=True, slots=True)
class Entry:
    """One ledger entry, as stored and as hashed."""

    seq: int
    recorded_at: datetime
    actor: str
    kind: str
    subject: str
    subject_sha256: str | None

    def record(self) -> dict[str, object]:
        """The canonical record whose RFC 8785 bytes are this entry's Merkle leaf."""
        return {"type": ENTRY_TYPE, "version": ENTRY_VERSION, "seq": self.seq,
                "time": format_time(self.recorded_at), "actor": self.actor, "kind": self.kind,
                "subject": self.subject, "subject_sha256": self.subject_sha256}

    def leaf(self) -> bytes:
        return canonical_bytes(self.record())


def entry_from_row(row: LedgerEntry) -> Entry:
    """The entry a stored row holds (as it is now: verification compares it with its leaf)."""
    return Entry(row.seq, row.recorded_at, row.actor, row.kind, row.subject, row.subject_sha256)


# Rows are inserted through the tables themselves (SQLAlchemy Core), not the ORM's bulk path: no objects
# are made for them, and a batch of entries or nodes goes in as one executemany at a third of the cost.
_TABLES: dict[type[Any], Table] = {model: typed(Table, model.__table__)
                                    for model in (LedgerEntry, MerkleNode)}


class SqlNodeStore:
    """The Merkle node store on the ``merkle_node`` table, inside the caller's session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, level: int, index: int) -> bytes:
        return self.get_many([(level, index)])[0]

    def get_many(self, ids: Sequence[NodeId]) -> list[bytes]:
        """The nodes' hashes in the order asked, read with one query per ``NODES_PER_QUERY`` nodes."""
        found: dict[NodeId, bytes] = {}
        wanted = list(dict.fromkeys(ids))
        for start in range(0, len(wanted), NODES_PER_QUERY):
            part = wanted[start:start + NODES_PER_QUERY]
            rows = self.session.execute(select(MerkleNode.level, MerkleNode.idx, MerkleNode.hash)
                                        .where(tuple_(MerkleNode.level, MerkleNode.idx).in_(part)))
            found.update(((level, index), digest) for level, index, digest in rows)
        missing = [node_id for node_id in wanted if node_id not in found]
        if missing:
            raise KeyError(missing[0])
        return [found[node_id] for node_id in ids]

    def put_many(self, nodes: Iterable[tuple[int, int, bytes]]) -> None:
        rows = [{"level": level, "idx": index, "hash": digest} for level, index, digest in nodes]
        if rows:
            self.session.connection().execute(insert(_TABLES[MerkleNode]), rows)


def size(session: Session) -> int:
    """How many entries the ledger holds (by the entries themselves, not the sequencer)."""
    last = session.scalar(select(func.max(LedgerEntry.seq)))
    return 0 if last is None else last + 1


def lock(session: Session) -> None:
    """Take the ledger's write lock now, for a transaction that reads before it appends."""
    session.execute(update(LedgerHead).where(LedgerHead.id == 1).values(size=LedgerHead.size))


def subject_entries(session: Session, subject: str) -> list[Entry]:
    """Every entry about one subject (such as ``evidence:12``), oldest first: its custody trail."""
    rows = session.scalars(select(LedgerEntry).where(LedgerEntry.subject == subject)
                           .order_by(LedgerEntry.seq))
    return [entry_from_row(row) for row in rows]


class NewEntry(NamedTuple):
    """An entry to append: who, what kind, about what, and the digest of the subject's record."""

    actor: str
    kind: EventKind | str
    subject: str
    subject_sha256: str | None = None
    recorded_at: datetime | None = None  # when the event happened, if not the batch's time (bulk writes)


def _check_subject(subject: str) -> None:
    if len(subject) > SUBJECT_LIMIT:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "A ledger subject holds at most {limit} characters; “{start}…” has {length}. Nothing "
            "was recorded."), limit=SUBJECT_LIMIT, start=subject[:40], length=len(subject))


def _out_of_step(detail: str, **fields: object) -> IntegrityError:
    return IntegrityError(QT_TRANSLATE_NOOP(
        "errors", "The ledger is out of step ({detail}): nothing was recorded. Run a verification and "
        "restore the data folder from a backup."), detail=detail.format(**fields))


def append(session: Session, actor: str, kind: EventKind | str, subject: str,
           subject_sha256: str | None = None, now: datetime | None = None) -> Entry:
    """Append one entry (and its Merkle nodes) in the caller's transaction."""
    return append_many(session, [NewEntry(actor, kind, subject, subject_sha256)], now)[0]


def append_many(session: Session, new_entries: Iterable[NewEntry],
                now: datetime | None = None) -> list[Entry]:
    """Append entries in order, each at its own time or else ``now``, in the caller's transaction: one bump
    of the sequencer (which takes the ledger's lock), one read of the tree's frontier, two bulk inserts.

    Refuses (``InvalidInput``) a subject over ``SUBJECT_LIMIT`` characters, and (``IntegrityError``) a
    ledger whose stored entries or nodes do not end where the sequencer says.
    """
    batch = list(new_entries)
    if not batch:
        return []
    for new in batch:
        _check_subject(new.subject)
    session.execute(update(LedgerHead).where(LedgerHead.id == 1).values(size=LedgerHead.size + len(batch)))
    end = session.scalar(select(LedgerHead.size).where(LedgerHead.id == 1))
    if end is None:
        raise _out_of_step("the sequencer row is missing")
    first = int(end) - len(batch)
    # The invariant every append keeps: entries are numbered 0..n-1 with no gap, and the next entry is
    # Merkle leaf n (RFC 9162 §2.1: leaf i is entry i). Checked, not asserted: it must hold under -O.
    stored = size(session)
    if stored != first:
        raise _out_of_step("the sequencer gives entry {first}, the entries end at {stored}",
                           first=first, stored=stored)
    recorded_at = now or utc_now()
    entries = [Entry(first + offset, new.recorded_at or recorded_at, new.actor, str(new.kind), new.subject,
                     new.subject_sha256) for offset, new in enumerate(batch)]
    try:
        index = MerkleTree(SqlNodeStore(session), first).append_many(entry.leaf() for entry in entries)
        if index != first:
            raise _out_of_step("leaf {index} for entry {first}", index=index, first=first)
        session.connection().execute(insert(_TABLES[LedgerEntry]), [
            {"seq": entry.seq, "recorded_at": entry.recorded_at, "actor": entry.actor, "kind": entry.kind,
             "subject": entry.subject, "subject_sha256": entry.subject_sha256} for entry in entries])
    except KeyError as missing:
        raise _out_of_step("the tree of {first} entries lacks its node {node}", first=first,
                           node=missing.args[0]) from None
    except sqlalchemy.exc.IntegrityError as clash:
        raise _out_of_step("a node or entry past {first} is already stored", first=first) from clash
    return entries


def entries(session: Session, start: int = 0, limit: int = 1000) -> list[Entry]:
    """Up to ``limit`` entries from number ``start`` on, in order (keyset paging on ``seq``)."""
    rows = session.scalars(select(LedgerEntry).where(LedgerEntry.seq >= start)
                           .order_by(LedgerEntry.seq).limit(limit))
    return [entry_from_row(row) for row in rows]


def iter_entries(session: Session, start: int = 0, batch: int = 5000) -> Iterator[Entry]:
    """Every entry from ``start`` on, fetched in batches."""
    while True:
        page = entries(session, start, batch)
        yield from page
        if len(page) < batch:
            return
        start = page[-1].seq + 1


def tree(session: Session, tree_size: int | None = None) -> MerkleTree:
    """The stored Merkle tree (of the current size unless given)."""
    return MerkleTree(SqlNodeStore(session), size(session) if tree_size is None else tree_size)


@dataclass(frozen=True, slots=True)
class EntryFilter:
    """Which entries a listing shows: any of these left empty does not filter. ``since`` is inclusive,
    ``until`` exclusive; ``subject_text`` matches the raw subject (so ``case:`` and ``file:`` by their
    number), the file name or case number of the evidence item or the case number of the preservation
    record it names, and the case number of a sitting, a minutes entry, sealed minutes or an addendum,
    or a signing of them."""

    kinds: tuple[str, ...] = ()
    actor: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    subject_text: str = ""

    @property
    def empty(self) -> bool:
        return not (self.kinds or self.actor or self.since or self.until or self.subject_text.strip())


def _like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _bracket_forms(text: str) -> list[str]:
    """The text with half-width and full-width brackets, so old case numbers ``(2026)`` and current ones
    ``（2026）`` are both found."""
    full = text.replace("(", "（").replace(")", "）")
    half = text.replace("（", "(").replace("）", ")")
    return list(dict.fromkeys((text, full, half)))


def _subject_matches(text: str) -> ColumnElement[bool]:
    conditions: list[ColumnElement[bool]] = []
    for form in _bracket_forms(text):
        pattern = _like_pattern(form)
        conditions.append(LedgerEntry.subject.ilike(pattern, escape="\\"))
        items = (select(literal("evidence:") + cast(EvidenceItem.id, String))
                 .join(MediationCase, MediationCase.id == EvidenceItem.case_id)
                 .where(or_(EvidenceItem.original_name.ilike(pattern, escape="\\"),
                            MediationCase.number.ilike(pattern, escape="\\"))))
        records = (select(literal("preservation:") + cast(PreservationRecord.id, String))
                   .join(MediationCase, MediationCase.id == PreservationRecord.case_id)
                   .where(MediationCase.number.ilike(pattern, escape="\\")))
        conditions += [LedgerEntry.subject.in_(items), LedgerEntry.subject.in_(records),
                       LedgerEntry.subject.in_(_sitting_subjects(pattern))]
    return or_(false(), *conditions)


def _sitting_subjects(pattern: str) -> CompoundSelect[str]:
    """The subjects of the sittings, minutes entries, sealed minutes (and addenda) and signings of the
    cases whose number matches ``pattern``, as one subquery."""
    case_ids = select(MediationCase.id).where(MediationCase.number.ilike(pattern, escape="\\"))
    sitting_ids = select(Sitting.id).where(Sitting.case_id.in_(case_ids))
    return union_all(
        select(literal("sitting:") + cast(Sitting.id, String)).where(Sitting.case_id.in_(case_ids)),
        select(literal("minutes-entry:") + cast(MinutesEntry.id, String))
        .where(MinutesEntry.sitting_id.in_(sitting_ids)),
        select(literal("minutes:") + cast(SealedMinutes.id, String))
        .where(SealedMinutes.sitting_id.in_(sitting_ids)),
        select(literal("minutes-signing:") + cast(MinutesSigning.id, String))
        .join(SealedMinutes, SealedMinutes.id == MinutesSigning.record_id)
        .where(SealedMinutes.sitting_id.in_(sitting_ids)))


def _filtered(query_filter: EntryFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if query_filter.kinds:
        conditions.append(LedgerEntry.kind.in_(query_filter.kinds))
    if query_filter.actor:
        conditions.append(LedgerEntry.actor == query_filter.actor)
    if query_filter.since is not None:
        conditions.append(LedgerEntry.recorded_at >= query_filter.since)
    if query_filter.until is not None:
        conditions.append(LedgerEntry.recorded_at < query_filter.until)
    if query_filter.subject_text.strip():
        conditions.append(_subject_matches(query_filter.subject_text.strip()))
    return conditions


def newest_entries(session: Session, query_filter: EntryFilter | None = None, before: int | None = None,
                   limit: int = 500) -> list[Entry]:
    """Up to ``limit`` entries that pass ``query_filter``, newest first, numbered below ``before`` when
    given (keyset paging on ``seq`` backwards: a page costs the same at any ledger size)."""
    query = select(LedgerEntry).where(*_filtered(query_filter or EntryFilter()))
    if before is not None:
        query = query.where(LedgerEntry.seq < before)
    rows = session.scalars(query.order_by(LedgerEntry.seq.desc()).limit(limit))
    return [entry_from_row(row) for row in rows]


def count_entries(session: Session, query_filter: EntryFilter | None = None) -> int:
    """How many entries pass ``query_filter`` (the ledger's size, cheaply, when it filters nothing)."""
    if query_filter is None or query_filter.empty:
        return size(session)
    return int(session.scalar(select(func.count()).select_from(LedgerEntry).where(*_filtered(query_filter)))
               or 0)


def actors(session: Session) -> list[str]:
    """The names entries can carry as their actor: every user's, by name."""
    return list(session.scalars(select(User.name).order_by(User.name)))
