"""The ledger's Merkle tree (存证日志): RFC 9162 (Certificate Transparency v2) hashing and proofs.

Only the hashes of complete (perfect) subtrees are stored, in a ``NodeStore``: node ``(level, index)``
covers leaves ``[index * 2**level, (index + 1) * 2**level)``; level 0 holds the leaf hashes. Every other
hash the RFC defines (the root of any past size, the right-edge nodes of a proof) is folded on demand
from the perfect subtrees of its binary decomposition, so roots and proofs cost O(log n) lookups and
hashes and an append stores O(log n) nodes in one batch. The verifiers need only hashes, no tree.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import NamedTuple, Protocol

# RFC 9162 §2.1.1: leaf hash is SHA-256(0x00 || leaf)
LEAF_PREFIX = b"\x00"
# RFC 9162 §2.1.1: interior node hash is SHA-256(0x01 || left || right)
NODE_PREFIX = b"\x01"
# RFC 9162 §2.1.1: MTH({}) = HASH(), the hash of an empty string
EMPTY_ROOT = hashlib.sha256(b"").digest()
# The ledger's log hash algorithm is SHA-256: every node and root is 32 bytes
HASH_SIZE = 32

NodeId = tuple[int, int]


class Node(NamedTuple):
    """A stored perfect-subtree hash: ``(level, position, hash)``, a plain tuple for ``put_many``; the
    position is the node's index within its level (``index`` would hide ``tuple.index``)."""

    level: int
    position: int
    hash: bytes


class NodeStore(Protocol):
    """Where a tree keeps the hashes of its perfect subtrees; written only by appends."""

    def get(self, level: int, index: int) -> bytes:
        """The hash of node ``(level, index)``; raises ``KeyError`` if it was never stored."""
        ...

    def get_many(self, ids: Sequence[NodeId]) -> list[bytes]:
        """The hashes of the nodes ``ids``, in their order (one lookup for a whole frontier or proof);
        raises ``KeyError`` naming the first one that was never stored."""
        ...

    def put_many(self, nodes: Iterable[tuple[int, int, bytes]]) -> None:
        """Store ``(level, index, hash)`` nodes, all or none (one call per append or batch)."""
        ...


class MemoryNodeStore:
    """A ``NodeStore`` in a dict, for tests, benchmarks and throwaway trees."""

    __slots__ = ("_nodes",)

    def __init__(self) -> None:
        self._nodes: dict[NodeId, bytes] = {}

    def __len__(self) -> int:
        return len(self._nodes)

    def get(self, level: int, index: int) -> bytes:
        """The hash of node ``(level, index)``; raises ``KeyError`` if it was never stored."""
        return self._nodes[(level, index)]

    def get_many(self, ids: Sequence[NodeId]) -> list[bytes]:
        """The hashes of the nodes ``ids``, in their order; ``KeyError`` for one never stored."""
        return [self.get(level, index) for level, index in ids]

    def put_many(self, nodes: Iterable[tuple[int, int, bytes]]) -> None:
        """Store the nodes; refuses (``ValueError``) to replace a stored node with another hash."""
        batch = list(nodes)
        for level, index, digest in batch:
            stored = self._nodes.get((level, index))
            if stored is not None and stored != digest:
                raise ValueError(f"node ({level}, {index}) is already stored with another hash")
        for level, index, digest in batch:
            self._nodes[(level, index)] = digest


def leaf_hash(data: bytes) -> bytes:
    """RFC 9162 §2.1.1 leaf hash: SHA-256(0x00 || data)."""
    return hashlib.sha256(LEAF_PREFIX + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """RFC 9162 §2.1.1 interior node hash: SHA-256(0x01 || left || right)."""
    return hashlib.sha256(NODE_PREFIX + left + right).digest()


def naive_root(leaves: Sequence[bytes]) -> bytes:
    """MTH over raw leaf data by the recursive definition of RFC 9162 §2.1.1 (O(n); a reference)."""
    if not leaves:
        return EMPTY_ROOT
    if len(leaves) == 1:
        return leaf_hash(leaves[0])
    split = _largest_power_of_two_below(len(leaves))
    return node_hash(naive_root(leaves[:split]), naive_root(leaves[split:]))


def perfect_subtrees(start: int, end: int) -> list[NodeId]:
    """The perfect subtrees that make up leaves ``[start, end)``, largest (leftmost) first.

    ``start`` must be a multiple of the largest power of two <= ``end - start`` (true of every range
    RFC 9162 §2.1 names); folding their hashes right to left gives MTH(D[start:end]).
    """
    ids: list[NodeId] = []
    while start < end:
        level = (end - start).bit_length() - 1
        ids.append((level, start >> level))
        start += 1 << level
    return ids


def appended_nodes(size: int, leaf: bytes, frontier: Sequence[bytes]) -> list[Node]:
    """The nodes that appending the leaf hash ``leaf`` to a tree of ``size`` leaves completes.

    ``frontier`` holds the hashes of ``perfect_subtrees(0, size)``. The result is the new leaf node,
    then each perfect subtree it closes, lowest first: 1 + (trailing one bits of ``size``) nodes.
    """
    if len(frontier) != size.bit_count():
        raise ValueError(f"a tree of {size} leaves has {size.bit_count()} perfect subtrees, "
                         f"got {len(frontier)} frontier hashes")
    nodes = [Node(0, size, leaf)]
    level, index, current = 0, size, leaf
    position = len(frontier)
    while index & 1:
        # The new node is a right child: its left sibling is the lowest remaining frontier subtree.
        position -= 1
        current = node_hash(frontier[position], current)
        level, index = level + 1, index >> 1
        nodes.append(Node(level, index, current))
    return nodes


class MerkleTree:
    """An append-only RFC 9162 Merkle tree over a ``NodeStore`` holding ``size`` leaves.

    Keeps the hashes of the current perfect subtrees (the frontier, at most log2(n) + 1 of them) in
    memory, so an append reads nothing from the store. Not thread-safe: the ledger serialises appends.
    """

    __slots__ = ("_frontier", "_size", "_store")

    def __init__(self, store: NodeStore, size: int = 0) -> None:
        if size < 0:
            raise ValueError(f"tree size must be >= 0, got {size}")
        self._store = store
        self._size = size
        self._frontier: list[bytes] | None = None

    @property
    def size(self) -> int:
        """The number of leaves appended so far."""
        return self._size

    def append(self, data: bytes) -> int:
        """Append a leaf (raw entry bytes); returns its index. Stores its nodes in one ``put_many``."""
        return self.append_many([data])

    def append_many(self, leaves: Iterable[bytes]) -> int:
        """Append leaves (raw entry bytes) in order; returns the index of the first. Every node they
        complete is stored in one ``put_many``, so a batch is all or none; nothing is read but the
        frontier (once per tree)."""
        first = self._size
        frontier = list(self._load_frontier())
        nodes: list[Node] = []
        size = first
        for data in leaves:
            made = appended_nodes(size, leaf_hash(data), frontier)
            # The subtrees just merged leave the frontier; the largest one made takes their place.
            del frontier[len(frontier) - (len(made) - 1):]
            frontier.append(made[-1].hash)
            nodes.extend(made)
            size += 1
        if size == first:
            return first
        self._store.put_many(nodes)
        # Only after the store took the nodes does the tree grow.
        self._frontier, self._size = frontier, size
        return first

    def root(self, size: int | None = None) -> bytes:
        """MTH of the first ``size`` leaves (default: all), RFC 9162 §2.1.1; O(log n)."""
        size = self._size if size is None else size
        self._check_size(size)
        if size == 0:
            return EMPTY_ROOT
        return self._range_hashes([(0, size)])[0]

    def inclusion_proof(self, index: int, size: int) -> list[bytes]:
        """PATH(index, D[size]) of RFC 9162 §2.1.3.1: the audit path, leaf level first."""
        self._check_size(size)
        if not 0 <= index < size:
            raise ValueError(f"leaf index {index} is outside a tree of {size} leaves")
        ranges: list[tuple[int, int]] = []
        start, end = 0, size
        while end - start > 1:
            middle = start + _largest_power_of_two_below(end - start)
            if index < middle:
                # PATH(m, D[0:k]) : MTH(D[k:n])
                ranges.append((middle, end))
                end = middle
            else:
                # PATH(m - k, D[k:n]) : MTH(D[0:k])
                ranges.append((start, middle))
                start = middle
        ranges.reverse()
        return self._range_hashes(ranges)

    def consistency_proof(self, old_size: int, new_size: int) -> list[bytes]:
        """PROOF(old_size, D[new_size]) of RFC 9162 §2.1.4.1; empty when old_size is 0 or new_size.

        The RFC defines proofs for 0 < old_size < new_size; the two trivial cases have nothing to prove
        and ``verify_consistency`` accepts them with an empty proof.
        """
        self._check_size(new_size)
        if not 0 <= old_size <= new_size:
            raise ValueError(f"old size {old_size} must be between 0 and the new size {new_size}")
        if old_size in (0, new_size):
            return []
        ranges: list[tuple[int, int]] = []
        start, end = 0, new_size
        known = True  # the RFC's b: the old tree's root is this subtree's root, which the verifier has
        while old_size != end:
            middle = start + _largest_power_of_two_below(end - start)
            if old_size <= middle:
                # SUBPROOF(m, D[0:k], b) : MTH(D[k:n])
                ranges.append((middle, end))
                end = middle
            else:
                # SUBPROOF(m - k, D[k:n], false) : MTH(D[0:k])
                ranges.append((start, middle))
                start = middle
                known = False
        if not known:
            # SUBPROOF(m, D[m], false) = {MTH(D[m])}
            ranges.append((start, end))
        ranges.reverse()
        return self._range_hashes(ranges)

    def _check_size(self, size: int) -> None:
        if not 0 <= size <= self._size:
            raise ValueError(f"tree size {size} is outside 0..{self._size} (the current size)")

    def _load_frontier(self) -> list[bytes]:
        if self._frontier is None:
            self._frontier = self._store.get_many(perfect_subtrees(0, self._size))
        return self._frontier

    def _cached(self, level: int, index: int) -> bytes | None:
        """A node's hash from the in-memory frontier when it is one of the current size's, else None."""
        if self._frontier is not None and (self._size >> level) & 1 and index == (self._size >> level) - 1:
            # Frontier entries are ordered by level, highest first: count the set bits above ``level``.
            return self._frontier[(self._size >> (level + 1)).bit_count()]
        return None

    def _range_hashes(self, ranges: Sequence[tuple[int, int]]) -> list[bytes]:
        """MTH(D[start:end]) of each range of a root or proof.

        In a proof every range is a perfect subtree except at most one, the right-edge range ending at
        the tree size: that one is folded once from its perfect subtrees. The nodes not in memory are
        read in one ``get_many``.
        """
        wanted = [perfect_subtrees(start, end) for start, end in ranges]
        known: dict[NodeId, bytes] = {}
        missing: list[NodeId] = []
        for node_id in (node_id for ids in wanted for node_id in ids):
            cached = self._cached(*node_id)
            if cached is not None:
                known[node_id] = cached
            elif node_id not in known:
                missing.append(node_id)
                known[node_id] = b""
        known.update(zip(missing, self._store.get_many(missing), strict=True))
        hashes: list[bytes] = []
        for ids in wanted:
            parts = [known[node_id] for node_id in ids]
            folded = parts[-1]
            for left in reversed(parts[:-1]):
                folded = node_hash(left, folded)
            hashes.append(folded)
        return hashes


def verify_inclusion(leaf_hash: bytes, index: int, size: int, proof: Sequence[bytes], root: bytes) -> bool:
    """Whether ``proof`` puts the leaf hash at ``index`` in the tree of ``size`` leaves with ``root``.

    RFC 9162 §2.1.3.2 step by step. Any hash that is not 32 bytes fails; never raises for a bad proof.
    """
    if not (_is_hash(leaf_hash) and _is_hash(root) and _all_hashes(proof)):
        return False
    if not (isinstance(index, int) and isinstance(size, int)) or index < 0:
        return False
    # 1. If leaf_index is greater than or equal to tree_size, fail.
    if index >= size:
        return False
    # 2. Set fn to leaf_index and sn to tree_size - 1.  3. Set r to hash.
    fn, sn = index, size - 1
    r = leaf_hash
    # 4. For each value p in the inclusion_path array:
    for p in proof:
        # a. If sn is 0, stop and fail.
        if sn == 0:
            return False
        # b. If LSB(fn) is set, or if fn is equal to sn:
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            # If LSB(fn) is not set, right-shift fn and sn until LSB(fn) is set or fn is 0.
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = node_hash(r, p)
        # c. Right-shift both fn and sn one time.
        fn >>= 1
        sn >>= 1
    # 5. sn must be 0 and r must equal root_hash.
    return sn == 0 and r == root


def verify_consistency(old_size: int, new_size: int, old_root: bytes, new_root: bytes,
                       proof: Sequence[bytes]) -> bool:
    """Whether ``proof`` shows the tree of ``old_size`` leaves is a prefix of the tree of ``new_size``.

    RFC 9162 §2.1.4.2 step by step for 0 < old_size < new_size, the only case the RFC defines. Outside
    it nothing is proved, so the proof must be empty: equal sizes need equal roots, and an empty old
    tree needs old_root == MTH({}) (and new_root too when both are empty). Never raises for a bad proof.
    """
    if not (_is_hash(old_root) and _is_hash(new_root) and _all_hashes(proof)):
        return False
    if not (isinstance(old_size, int) and isinstance(new_size, int)) or not 0 <= old_size <= new_size:
        return False
    if old_size == 0:
        return not proof and old_root == EMPTY_ROOT and (new_size > 0 or new_root == EMPTY_ROOT)
    if old_size == new_size:
        return not proof and old_root == new_root
    # 1. If consistency_path is an empty array, stop and fail.
    if not proof:
        return False
    # 2. If first is an exact power of 2, prepend first_hash to the consistency_path array.
    path = list(proof)
    if old_size & (old_size - 1) == 0:
        path.insert(0, old_root)
    # 3. Set fn to first - 1 and sn to second - 1.
    fn, sn = old_size - 1, new_size - 1
    # 4. If LSB(fn) is set, right-shift fn and sn equally until LSB(fn) is not set.
    while fn & 1:
        fn >>= 1
        sn >>= 1
    # 5. Set both fr and sr to the first value in the consistency_path array.
    fr = sr = path[0]
    # 6. For each subsequent value c in the consistency_path array:
    for c in path[1:]:
        # a. If sn is 0, stop and fail.
        if sn == 0:
            return False
        # b. If LSB(fn) is set, or if fn is equal to sn:
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            # If LSB(fn) is not set, right-shift fn and sn until LSB(fn) is set or fn is 0.
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            sr = node_hash(sr, c)
        # c. Right-shift both fn and sn one time.
        fn >>= 1
        sn >>= 1
    # 7. fr must equal first_hash, sr must equal second_hash, and sn must be 0.
    return sn == 0 and fr == old_root and sr == new_root


def _largest_power_of_two_below(n: int) -> int:
    """The k of RFC 9162 §2.1.1: the largest power of two smaller than n (n >= 2), so k < n <= 2k."""
    return 1 << ((n - 1).bit_length() - 1)


def _is_hash(value: object) -> bool:
    return isinstance(value, bytes) and len(value) == HASH_SIZE


def _all_hashes(values: object) -> bool:
    return isinstance(values, Sequence) and not isinstance(values, bytes | str) and all(
        _is_hash(value) for value in values)
