"""The ledger entries records rest on (DESIGN.md, Integrity 6: the ledger is the truth, the tables are
what verification reconciles with it, both ways).

An entry *announces* a record: ``case.opened`` a case, ``evidence.ingested`` an item, ``evidence.sealed``
a seal, ``preservation.sealed`` a preservation record, ``key.created``/``key.imported`` a signing key,
``user.*`` with a digest a user's state. They are loaded once, as light tuples, in batches.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from db.models import LedgerEntry, MerkleNode
from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.core.integrity.merkle import leaf_hash
from desktop.core.trust.events import EventKind
from desktop.core.trust.ledger import Entry
from desktop.core.verification.codes import FindingCode
from desktop.core.verification.findings import Finding, Words, finding, term, words

IN_BATCH = 500  # values per SQL IN (...) list
USER_KINDS_PREFIX = "user."
KEY_KINDS = (EventKind.KEY_CREATED, EventKind.KEY_IMPORTED, EventKind.KEY_REVOKED)
# Sittings and minutes (verification/minutes.py).
MINUTES_KINDS = (EventKind.SITTING_SCHEDULED, EventKind.SITTING_EDITED, EventKind.SITTING_CANCELLED,
                 EventKind.SITTING_CLOSED, EventKind.MINUTES_ENTRY_ADDED, EventKind.MINUTES_ENTRY_EDITED,
                 EventKind.MINUTES_SEALED, EventKind.MINUTES_ADDENDUM_SEALED, EventKind.MINUTES_SIGNED)
# Generated documents and their prints (verification/documents.py).
DOCUMENT_KINDS = (EventKind.DOCUMENT_GENERATED, EventKind.DOCUMENT_PRINTED)
ANNOUNCING = (EventKind.CASE_OPENED, EventKind.CASE_UPDATED, EventKind.CASE_MOVED,
              EventKind.CASE_MEDIATOR_ASSIGNED, EventKind.PARTY_ADDED, EventKind.PARTY_EDITED,
              EventKind.AGENT_ADDED, EventKind.AGENT_EDITED, EventKind.EVIDENCE_INGESTED,
              EventKind.EVIDENCE_SEALED, EventKind.PRESERVATION_SEALED, EventKind.CASE_PAPER_FILED,
              EventKind.CASE_COVER_SAVED, EventKind.CASE_ARCHIVED, *KEY_KINDS,
              EventKind.OUTCOME_RECORDED, EventKind.OUTCOME_CORRECTED, EventKind.OBLIGATION_ADDED,
              EventKind.PERFORMANCE_DONE, EventKind.VISIT_RECORDED,
              EventKind.AGREEMENT_FINALISED, EventKind.AGREEMENT_SUPPLEMENTED, *MINUTES_KINDS,
              *DOCUMENT_KINDS)


class Logged(NamedTuple):
    """One ledger entry as verification reads it."""

    seq: int
    recorded_at: datetime
    actor: str
    kind: str
    subject: str
    digest: str | None


_COLUMNS = (LedgerEntry.seq, LedgerEntry.recorded_at, LedgerEntry.actor, LedgerEntry.kind,
            LedgerEntry.subject, LedgerEntry.subject_sha256)


def batches(values: list[Any]) -> Iterable[list[Any]]:
    """``values`` in slices short enough for one ``IN (...)`` list."""
    for start in range(0, len(values), IN_BATCH):
        yield values[start:start + IN_BATCH]


@dataclass(slots=True)
class Anchors:
    """Announcing entries by subject and by kind, and the numbers of entries that do not match their
    Merkle leaves (a record resting on one of those does not match its leaf, whatever its digest)."""

    by_subject: dict[str, list[Logged]] = field(default_factory=lambda: defaultdict(list))
    by_kind: dict[str, list[Logged]] = field(default_factory=lambda: defaultdict(list))
    untrusted: set[int] = field(default_factory=set)

    def add(self, logged: Logged) -> None:
        self.by_subject[logged.subject].append(logged)
        self.by_kind[logged.kind].append(logged)

    def of(self, subject: str, *kinds: str) -> list[Logged]:
        """The entries about ``subject`` of the given kinds, oldest first."""
        return [logged for logged in self.by_subject.get(subject, ()) if logged.kind in kinds]

    def kind(self, *kinds: str) -> Iterator[Logged]:
        for kind in kinds:
            yield from self.by_kind.get(kind, ())

    def trusted(self, logged: Logged) -> bool:
        return logged.seq not in self.untrusted


def whole_ledger(session: Session) -> Anchors:
    """Every announcing entry of the ledger, in order."""
    anchors = Anchors()
    query = select(*_COLUMNS).where(or_(LedgerEntry.kind.in_([str(kind) for kind in ANNOUNCING]),
                                        LedgerEntry.kind.startswith(USER_KINDS_PREFIX)))
    for row in session.execute(query.order_by(LedgerEntry.seq)):
        anchors.add(Logged(*row))
    return anchors


def entry_changed(seq: int, kind: str, subject: str) -> Words:
    """An entry that does not match its stored leaf (the whole ledger's check and a case's say the same)."""
    return words(QT_TRANSLATE_NOOP("findings", "entry {seq} ({kind}, {subject}) does not match its ledger "
                                   "leaf"), seq=seq, kind=term(EventKind, kind), subject=subject)


def of_kinds(session: Session, kinds: Iterable[str]) -> Anchors:
    """The entries of the given kinds only (few: keys), in order."""
    anchors = Anchors()
    query = select(*_COLUMNS).where(LedgerEntry.kind.in_([str(kind) for kind in kinds]))
    for row in session.execute(query.order_by(LedgerEntry.seq)):
        anchors.add(Logged(*row))
    return anchors


def for_subjects(session: Session, subjects: list[str], findings: list[Finding]) -> Anchors:
    """For a case-scoped check: the entries about ``subjects`` and every key entry, each checked against
    its stored leaf (the whole ledger is not recomputed)."""
    anchors = Anchors()
    found: dict[int, Logged] = {}
    for batch in batches(sorted(set(subjects))):
        for row in session.execute(select(*_COLUMNS).where(LedgerEntry.subject.in_(batch))):
            found[row.seq] = Logged(*row)
    key_kinds = [str(kind) for kind in KEY_KINDS]
    for row in session.execute(select(*_COLUMNS).where(LedgerEntry.kind.in_(key_kinds))):
        found[row.seq] = Logged(*row)
    for seq in sorted(found):
        anchors.add(found[seq])
    seqs = sorted(found)
    for batch in batches(seqs):
        leaves = {index: digest for index, digest in session.execute(select(MerkleNode.idx, MerkleNode.hash)
                  .where(MerkleNode.level == 0, MerkleNode.idx.in_(batch)))}
        for seq in batch:
            logged = found[seq]
            leaf = leaf_hash(Entry(*logged).leaf())
            stored = leaves.get(seq)
            if stored != leaf:
                anchors.untrusted.add(seq)
                findings.append(finding(FindingCode.ENTRY_CHANGED,
                                        entry_changed(seq, logged.kind, logged.subject), seq=seq,
                                        expected=stored.hex() if stored else None, found=leaf.hex()))
    return anchors
