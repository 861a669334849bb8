"""Verification of the ledger: every leaf recomputed from its entry, every stored Merkle node from its
children, every checkpoint's root from the entries and its signature against its certificate."""

from __future__ import annotations

import hashlib

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Checkpoint, LedgerEntry, LedgerHead, MerkleNode, SigningKey, User
from desktop.core.integrity.canonical import canonical_bytes
from desktop.core.integrity.merkle import leaf_hash, node_hash
from desktop.core.progress import CancelledFn, ProgressFn, never_cancelled, no_progress, raise_if_cancelled
from desktop.core.trust import ledger
from desktop.core.trust.checkpoints import checkpoint_record
from desktop.core.trust.pki import certificates, signatures
from desktop.core.verification.findings import Finding, Report

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


def _nodes(session: Session, level: int, start: int, stop: int) -> dict[int, bytes]:
    rows = session.execute(select(MerkleNode.idx, MerkleNode.hash).where(
        MerkleNode.level == level, MerkleNode.idx >= start, MerkleNode.idx < stop))
    return {index: digest for index, digest in rows}


def _check_entries(session: Session, size: int, checkpoints: list[Checkpoint], findings: list[Finding],
                   tick: ProgressFn, cancelled: CancelledFn) -> None:
    frontier = _Frontier()
    pending = sorted(checkpoints, key=lambda row: row.tree_size)

    def close_checkpoints() -> None:
        while pending and pending[0].tree_size == frontier.size:
            row = pending.pop(0)
            root = frontier.root().hex()
            if root != row.root_sha256:
                findings.append(Finding("checkpoint-root", f"checkpoint {row.id}: its root does not match "
                                        f"the ledger's first {row.tree_size} entries", checkpoint=row.id,
                                        expected=row.root_sha256, found=root))

    close_checkpoints()
    for start in range(0, size, BATCH):
        raise_if_cancelled(cancelled)
        stop = min(start + BATCH, size)
        stored = _nodes(session, 0, start, stop)
        rows = {entry.seq: entry for entry in ledger.entries(session, start, stop - start)}
        for seq in range(start, stop):
            entry = rows.get(seq)
            if entry is None:
                findings.append(Finding("entry-missing", f"entry {seq} is missing", seq=seq))
                leaf = stored.get(seq)
                if leaf is None:
                    frontier.add(hashlib.sha256(b"").digest())  # keep numbering; roots will differ
                else:
                    frontier.add(leaf)
            else:
                leaf = leaf_hash(entry.leaf())
                if stored.get(seq) != leaf:
                    findings.append(Finding(
                        "entry-changed", f"entry {seq} ({entry.kind}, {entry.subject}) does not match its "
                        "ledger leaf", seq=seq, expected=stored[seq].hex() if seq in stored else None,
                        found=leaf.hex()))
                frontier.add(leaf)
            close_checkpoints()
        tick(stop, size)
    for row in pending:
        findings.append(Finding("checkpoint-beyond-ledger", f"checkpoint {row.id} covers {row.tree_size} "
                                f"entries but the ledger has {size}", checkpoint=row.id))


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
                    findings.append(Finding("node-changed" if found else "node-missing",
                                            f"Merkle node {level}/{index} does not match its children",
                                            expected=expected.hex(), found=found.hex() if found else None))
                checked += 1
        level += 1
    return checked


def _check_signatures(session: Session, checkpoints: list[Checkpoint], findings: list[Finding]) -> None:
    for row in checkpoints:
        key = session.get(SigningKey, row.key_id)
        owner = session.get(User, key.user_id) if key is not None else None
        if key is None or owner is None:
            findings.append(Finding("checkpoint-key-unknown", f"checkpoint {row.id}: its signing key is "
                                    "not known here", checkpoint=row.id))
            continue
        cert = certificates.load_certificate_pem(key.certificate_pem.encode())
        record = checkpoint_record(row.tree_size, row.root_sha256, row.signed_at, row.signer, key.fingerprint)
        if not signatures.verify(cert, canonical_bytes(record), row.signature):
            findings.append(Finding("checkpoint-signature", f"checkpoint {row.id}: bad signature by "
                                    f"{row.signer}", checkpoint=row.id))
        if owner.name != row.signer:
            findings.append(Finding("checkpoint-signer", f"checkpoint {row.id}: signed with {owner.name}'s "
                                    f"key but names {row.signer}", checkpoint=row.id))
        if key.revoked_at is not None and key.revoked_at < row.signed_at:
            findings.append(Finding("checkpoint-key-revoked", f"checkpoint {row.id}: signed after its key "
                                    "was revoked", checkpoint=row.id))


def verify_ledger(session: Session, progress: ProgressFn = no_progress,
                  cancelled: CancelledFn = never_cancelled) -> Report:
    """Check the whole ledger; see the module docstring."""
    size = ledger.size(session)
    findings: list[Finding] = []
    stored_count = session.scalar(select(func.count()).select_from(LedgerEntry)) or 0
    appended = session.scalar(select(LedgerHead.size).where(LedgerHead.id == 1)) or 0
    if appended != size:
        findings.append(Finding("entries-removed", f"{appended} entries were appended but the ledger "
                                f"ends at {size}", expected=str(appended), found=str(size)))
    if stored_count != size:
        findings.append(Finding("entries-missing", f"the ledger numbers {size} entries but holds "
                                f"{stored_count}", expected=str(size), found=str(stored_count)))
    checkpoints = list(session.scalars(select(Checkpoint).order_by(Checkpoint.id)))
    _check_entries(session, size, checkpoints, findings, progress, cancelled)
    nodes = _check_nodes(session, size, findings, cancelled)
    _check_signatures(session, checkpoints, findings)
    return Report(size, nodes, len(checkpoints), tuple(findings))
