"""The append-only ledger (存证日志): every state change is an entry; entries are the leaves of an
RFC 9162 Merkle tree whose complete subtrees are stored, so appends and proofs cost O(log n).

Ordering: an append first bumps the one-row ``ledger_head``, which takes the database's write lock
(SQLite) or the row's lock (PostgreSQL) until commit, so concurrent appends, from threads or from
other seats, get consecutive numbers. Verification trusts none of the stored hashes: it recomputes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from db.models import LedgerEntry, LedgerHead, MerkleNode, utc_now
from desktop.core.integrity.canonical import canonical_bytes, format_time
from desktop.core.integrity.merkle import MerkleTree
from desktop.core.trust.events import EventKind

ENTRY_TYPE = "ledger-entry"
ENTRY_VERSION = 1
SYSTEM_ACTOR = "-"  # no one signed in (failed sign-ins, start-up)


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


class SqlNodeStore:
    """The Merkle node store on the ``merkle_node`` table, inside the caller's session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, level: int, index: int) -> bytes:
        node = self.session.get(MerkleNode, (level, index))
        if node is None:
            raise KeyError((level, index))
        return node.hash

    def put_many(self, nodes: Iterable[tuple[int, int, bytes]]) -> None:
        self.session.add_all(MerkleNode(level=level, idx=index, hash=digest)
                             for level, index, digest in nodes)
        self.session.flush()


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


def append(session: Session, actor: str, kind: EventKind, subject: str, subject_sha256: str | None = None,
           now: datetime | None = None) -> Entry:
    """Append one entry (and its Merkle nodes) in the caller's transaction."""
    session.execute(update(LedgerHead).where(LedgerHead.id == 1).values(size=LedgerHead.size + 1))
    seq = int(session.scalar(select(LedgerHead.size).where(LedgerHead.id == 1)) or 0) - 1
    entry = Entry(seq, now or utc_now(), actor, str(kind), subject[:200], subject_sha256)
    index = MerkleTree(SqlNodeStore(session), seq).append(entry.leaf())
    assert index == seq, f"ledger tree out of step: leaf {index} for entry {seq}"
    session.add(LedgerEntry(seq=entry.seq, recorded_at=entry.recorded_at, actor=entry.actor,
                            kind=entry.kind, subject=entry.subject, subject_sha256=entry.subject_sha256))
    session.flush()
    return entry


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
