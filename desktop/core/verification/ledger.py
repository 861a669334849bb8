"""Verification of the ledger: every leaf recomputed from its entry, every stored Merkle node from its
children and none beyond the ledger's size, every checkpoint's root from the entries, its signature
against its certificate, and the set of checkpoints without a gap.

Checkpoints have no ledger entry of their own (a checkpoint signs the ledger; an entry for it would be
outside what it signs). Their ids are dense from 1, so a removed checkpoint leaves a gap that is named;
every checkpoint's root must be the root of the one ledger's first ``tree_size`` entries, which makes
all checkpoints consistent with one another (RFC 9162 §2.1.4) without a stored proof.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Checkpoint, LedgerEntry, LedgerHead, MerkleNode
from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.core.integrity.canonical import canonical_bytes
from desktop.core.integrity.merkle import leaf_hash, node_hash
from desktop.core.progress import CancelledFn, ProgressFn, never_cancelled, no_progress, raise_if_cancelled
from desktop.core.trust import ledger
from desktop.core.trust.checkpoints import checkpoint_record
from desktop.core.trust.events import EventKind
from desktop.core.trust.pki import signatures
from desktop.core.verification import anchors
from desktop.core.verification.codes import FindingCode
from desktop.core.verification.findings import Finding, Report, Where, Words, finding, term, words
from desktop.core.verification.keys import CHECKPOINT_CODES, Signer, check_keys, judge_signer
from desktop.core.verification.statuses import CheckpointStatus

BATCH = 5000


class _Frontier:
    """The perfect subtrees of the tree built so far (O(log n) hashes), to take roots as it grows."""

    def __init__(self) -> None:
        self.stack: list[tuple[int, bytes]] = []
        self.size = 0

    def add(self, leaf: bytes) -> None:
        level, digest = 0, leaf
        while self.stack and self.stack[-1][0] == level:
            digest = node_hash(self.stack.pop()[1], digest)
            level += 1
        self.stack.append((level, digest))
        self.size += 1

    def root(self) -> bytes:
        if not self.stack:
            return hashlib.sha256(b"").digest()  # RFC 9162 §2.1.1: the empty tree
        digest = self.stack[-1][1]
        for _level, left in reversed(self.stack[:-1]):
            digest = node_hash(left, digest)
        return digest


@dataclass(slots=True)
class LedgerResult:
    """What the ledger check found, and which entries do not match their leaves."""

    size: int = 0
    nodes: int = 0
    checkpoints: int = 0
    findings: list[Finding] = field(default_factory=list)
    untrusted: set[int] = field(default_factory=set)
    statuses: list[CheckpointStatus] = field(default_factory=list)


def _checkpoint(checkpoint: int) -> Words:
    return words(QT_TRANSLATE_NOOP("findings", "checkpoint {checkpoint}"), checkpoint=checkpoint)


def _nodes(session: Session, level: int, start: int, stop: int) -> dict[int, bytes]:
    rows = session.execute(select(MerkleNode.idx, MerkleNode.hash).where(
        MerkleNode.level == level, MerkleNode.idx >= start, MerkleNode.idx < stop))
    return {index: digest for index, digest in rows}


def _entries(session: Session, start: int, stop: int) -> dict[int, ledger.Entry]:
    """Entries ``start`` to ``stop`` as plain values (no ORM objects: this runs over the whole ledger)."""
    rows = session.execute(select(LedgerEntry.seq, LedgerEntry.recorded_at, LedgerEntry.actor,
                                  LedgerEntry.kind, LedgerEntry.subject, LedgerEntry.subject_sha256)
                           .where(LedgerEntry.seq >= start, LedgerEntry.seq < stop))
    return {row.seq: ledger.Entry(*row) for row in rows}


def _check_entries(session: Session, size: int, checkpoints: list[Checkpoint], result: LedgerResult,
                   roots: dict[int, bool], tick: ProgressFn, cancelled: CancelledFn) -> None:
    frontier = _Frontier()
    pending = sorted(checkpoints, key=lambda row: row.tree_size)
    findings = result.findings

    def close_checkpoints() -> None:
        while pending and pending[0].tree_size == frontier.size:
            row = pending.pop(0)
            root = frontier.root().hex()
            roots[row.id] = root == row.root_sha256
            if root != row.root_sha256:
                findings.append(finding(FindingCode.CHECKPOINT_ROOT, words(QT_TRANSLATE_NOOP(
                    "findings", "its root does not match the ledger's first {size} entries"),
                    size=row.tree_size), _checkpoint(row.id), checkpoint=row.id, expected=row.root_sha256,
                    found=root))

    close_checkpoints()
    for start in range(0, size, BATCH):
        raise_if_cancelled(cancelled)
        stop = min(start + BATCH, size)
        stored = _nodes(session, 0, start, stop)
        rows = _entries(session, start, stop)
        for seq in range(start, stop):
            entry = rows.get(seq)
            leaf = stored.get(seq)
            if entry is None:
                result.untrusted.add(seq)
                findings.append(finding(FindingCode.ENTRY_MISSING, words(QT_TRANSLATE_NOOP(
                    "findings", "entry {seq} is missing"), seq=seq), seq=seq))
                frontier.add(leaf if leaf is not None else hashlib.sha256(b"").digest())  # roots will differ
            else:
                computed = leaf_hash(entry.leaf())
                if leaf is None:
                    result.untrusted.add(seq)
                    findings.append(finding(FindingCode.NODE_MISSING, words(QT_TRANSLATE_NOOP(
                        "findings", "the ledger leaf of entry {seq} ({kind}, {subject}) is missing"), seq=seq,
                        kind=term(EventKind, entry.kind), subject=entry.subject), seq=seq, node=f"0/{seq}",
                        expected=computed.hex()))
                elif leaf != computed:
                    result.untrusted.add(seq)
                    findings.append(finding(FindingCode.ENTRY_CHANGED, anchors.entry_changed(
                        seq, entry.kind, entry.subject), seq=seq, expected=leaf.hex(), found=computed.hex()))
                frontier.add(computed)
            close_checkpoints()
        tick(stop, size)
    for row in pending:
        roots[row.id] = False
        findings.append(finding(FindingCode.CHECKPOINT_BEYOND_LEDGER, words(QT_TRANSLATE_NOOP(
            "findings", "checkpoint {checkpoint} covers {size} entries but the ledger has {entries}"),
            checkpoint=row.id, size=row.tree_size, entries=size), checkpoint=row.id))


def _check_nodes(session: Session, size: int, findings: list[Finding], cancelled: CancelledFn) -> int:
    """Each stored internal node must be the hash of its two stored children (level by level)."""
    checked = 0
    level = 1
    while size >> level:
        count = size >> level
        for start in range(0, count, BATCH):
            raise_if_cancelled(cancelled)
            stop = min(start + BATCH, count)
            parents = _nodes(session, level, start, stop)
            children = _nodes(session, level - 1, 2 * start, 2 * stop)
            for index in range(start, stop):
                left, right = children.get(2 * index), children.get(2 * index + 1)
                if left is None or right is None:
                    continue  # a missing child is reported at its own level
                expected = node_hash(left, right)
                found = parents.get(index)
                if found != expected:
                    code = FindingCode.NODE_CHANGED if found else FindingCode.NODE_MISSING
                    node = f"{level}/{index}"
                    findings.append(finding(code, words(QT_TRANSLATE_NOOP(
                        "findings", "Merkle node {node} does not match its children"), node=node),
                        node=node, expected=expected.hex(), found=found.hex() if found else None))
                checked += 1
        level += 1
    return checked


def _check_beyond(session: Session, size: int, findings: list[Finding]) -> None:
    """A tree of ``size`` leaves has ``size >> level`` complete subtrees at each level, no more: nodes
    beyond were left by entries cut off the end (RFC 9162 §2.1.1 numbering)."""
    top = session.scalar(select(func.max(MerkleNode.level)))
    for level in range(0, (top or 0) + 1):
        bound = size >> level
        count, first = session.execute(select(func.count(), func.min(MerkleNode.idx)).where(
            MerkleNode.level == level, MerkleNode.idx >= bound)).one()
        if count:
            findings.append(finding(FindingCode.NODE_BEYOND_LEDGER, words(QT_TRANSLATE_NOOP(
                "findings", "level {level} of the ledger's tree holds {count} node(s) from index {first} on, "
                "beyond the ledger's {size} entries"), level=level, count=count, first=first, size=size),
                node=f"{level}/{first}", expected=f"index < {bound}", found=str(count)))


def _check_checkpoints(checkpoints: list[Checkpoint], signers: dict[int, Signer], roots: dict[int, bool],
                       result: LedgerResult) -> None:
    present = {row.id for row in checkpoints}
    for missing in sorted(set(range(1, max(present, default=0) + 1)) - present):
        result.findings.append(finding(FindingCode.CHECKPOINT_MISSING, words(QT_TRANSLATE_NOOP(
            "findings", "checkpoint {checkpoint} is missing (the checkpoints after it remain)"),
            checkpoint=missing), checkpoint=missing))
    for row in checkpoints:
        where = Where(_checkpoint(row.id), checkpoint=row.id)
        signer = signers.get(row.key_id)
        facts, findings = judge_signer(signer, row.signer, row.signed_at, where, CHECKPOINT_CODES,
                                       row.tree_size - 1)
        valid = False
        if signer is not None and signer.certificate is not None:
            record = checkpoint_record(row.tree_size, row.root_sha256, row.signed_at, row.signer,
                                       signer.fingerprint)
            valid = signatures.verify(signer.certificate, canonical_bytes(record), row.signature)
            if not valid:
                findings.insert(0, where.finding(FindingCode.CHECKPOINT_SIGNATURE, words(QT_TRANSLATE_NOOP(
                    "findings", "bad signature by {signer}"), signer=row.signer)))
        result.findings.extend(findings)
        result.statuses.append(CheckpointStatus(row.id, row.tree_size, row.signer, roots.get(row.id, False),
                                                valid, facts))


def check_ledger(session: Session, signers: dict[int, Signer], progress: ProgressFn = no_progress,
                 cancelled: CancelledFn = never_cancelled) -> LedgerResult:
    """The ledger, its tree and its checkpoints (signatures judged with ``signers``)."""
    size = ledger.size(session)
    result = LedgerResult(size)
    stored_count = session.scalar(select(func.count()).select_from(LedgerEntry)) or 0
    appended = session.scalar(select(LedgerHead.size).where(LedgerHead.id == 1)) or 0
    if appended != size:
        result.findings.append(finding(FindingCode.ENTRIES_REMOVED, words(QT_TRANSLATE_NOOP(
            "findings", "{appended} entries were appended but the ledger ends at {size}"), appended=appended,
            size=size), expected=str(appended), found=str(size)))
    if stored_count != size:
        result.findings.append(finding(FindingCode.ENTRIES_MISSING, words(QT_TRANSLATE_NOOP(
            "findings", "the ledger numbers {size} entries but holds {stored}"), size=size,
            stored=stored_count), expected=str(size), found=str(stored_count)))
    checkpoints = list(session.scalars(select(Checkpoint).order_by(Checkpoint.id)))
    result.checkpoints = len(checkpoints)
    roots: dict[int, bool] = {}
    _check_entries(session, size, checkpoints, result, roots, progress, cancelled)
    result.nodes = _check_nodes(session, size, result.findings, cancelled)
    _check_beyond(session, size, result.findings)
    _check_checkpoints(checkpoints, signers, roots, result)
    return result


def verify_ledger(session: Session, progress: ProgressFn = no_progress,
                  cancelled: CancelledFn = never_cancelled) -> Report:
    """Check the whole ledger and the signing keys its checkpoints rest on; see the module docstring."""
    keys = check_keys(session, anchors.of_kinds(session, anchors.KEY_KINDS))
    result = check_ledger(session, keys.signers, progress, cancelled)
    return Report(result.size, result.nodes, result.checkpoints, tuple(result.findings) + keys.findings,
                  keys=len(keys.signers), checkpoint_statuses=tuple(result.statuses))
