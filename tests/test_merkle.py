"""The ledger's RFC 9162 Merkle tree: published vectors, random trees, tampered proofs, O(log n) cost; the
stored ledger on SQLite and PostgreSQL: batches, one query for the frontier, its invariant, subjects."""

from __future__ import annotations

import math
import random
import subprocess
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pytest
from sqlalchemy import event, text

from db.engine import open_database
from desktop.core.errors import IntegrityError, InvalidInput
from desktop.core.integrity import merkle
from desktop.core.integrity.merkle import (
    EMPTY_ROOT,
    MemoryNodeStore,
    MerkleTree,
    appended_nodes,
    leaf_hash,
    naive_root,
    node_hash,
    perfect_subtrees,
    verify_consistency,
    verify_inclusion,
)
from desktop.core.storage.store import OpenStore
from desktop.core.trust import ledger
from desktop.core.verification.ledger import verify_ledger
from tests.concurrency import run_concurrently

# --- Published reference vectors ---------------------------------------------------------------------
# The 8-leaf reference tree of Certificate Transparency. Leaves, roots, audit paths and consistency
# proofs are copied from transparency-dev/merkle, proof/verify_test.go (commit 02194e9a...), which
# carries them over from google/certificate-transparency, cpp/merkletree/merkle_tree_test.cc
# (kInputs, kSHA256Roots, kSHA256Paths, kSHA256Proofs; commit 0e901cac...). The Go file numbers
# leaves from 1 in its inclusion vectors ({leaf, size}); they are 0-based indices here.
REFERENCE_LEAVES = [bytes.fromhex(data) for data in (
    "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f",
)]
REFERENCE_ROOTS = [bytes.fromhex(root) for root in (  # tree sizes 1..8
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
)]
REFERENCE_INCLUSION = [  # (index, size, audit path)
    (0, 1, []),
    (0, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
    (5, 8, ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
    (2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
    (1, 5, ["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
]
REFERENCE_CONSISTENCY = [  # (old size, new size, proof); (6, 7) is only in the Go file
    (1, 1, []),
    (1, 8, ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]),
    (6, 8, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
    (2, 5, ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]),
    (6, 7, ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]),
]
# transparency-dev/merkle, rfc6962/rfc6962_test.go (commit 78493b07...): hasher known answers.
SHA256_EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
EMPTY_LEAF_HASH = "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"
LEAF_L123456_HASH = "395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56"
NODE_N123_N456_HASH = "aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb"
SOME_HASH = bytes.fromhex("abacaba000000000000000000000000000000000000000000060061e00123456")


# --- Helpers ------------------------------------------------------------------------------------------
def build(leaves: Iterable[bytes]) -> MerkleTree:
    tree = MerkleTree(MemoryNodeStore())
    for data in leaves:
        tree.append(data)
    return tree


def random_leaves(count: int, seed: int) -> list[bytes]:
    rng = random.Random(seed)
    return [rng.randbytes(rng.randrange(0, 80)) for _ in range(count)]


def split(n: int) -> int:
    """Largest power of two smaller than n, written out longhand."""
    k = 1
    while k * 2 < n:
        k *= 2
    return k


def reference_path(m: int, leaves: Sequence[bytes]) -> list[bytes]:
    """RFC 9162 §2.1.3.1 PATH(m, D[n]) literally, over raw leaves."""
    n = len(leaves)
    if n == 1:
        return []
    k = split(n)
    if m < k:
        return [*reference_path(m, leaves[:k]), naive_root(leaves[k:])]
    return [*reference_path(m - k, leaves[k:]), naive_root(leaves[:k])]


def reference_proof(m: int, leaves: Sequence[bytes]) -> list[bytes]:
    """RFC 9162 §2.1.4.1 PROOF(m, D[n]) = SUBPROOF(m, D[n], true) literally, over raw leaves."""
    def subproof(m: int, d: Sequence[bytes], b: bool) -> list[bytes]:
        n = len(d)
        if m == n:
            return [] if b else [naive_root(d)]
        k = split(n)
        if m <= k:
            return [*subproof(m, d[:k], b), naive_root(d[k:])]
        return [*subproof(m - k, d[k:], False), naive_root(d[:k])]

    return subproof(m, leaves, True)


def flipped(proof: Sequence[bytes], position: int) -> list[bytes]:
    wrong = list(proof)
    wrong[position] = bytes([wrong[position][0] ^ 0x10]) + wrong[position][1:]
    return wrong


def tampered_inclusion(leaf: bytes, index: int, size: int, proof: list[bytes],
                       root: bytes) -> Iterator[tuple[str, tuple[bytes, int, int, list[bytes], bytes]]]:
    """The wrong variants CT's verifier tests try (merkle_tree_test.cc VerifierCheck, verify_test.go)."""
    yield "index - 1", (leaf, index - 1, size, proof, root)
    yield "index + 1", (leaf, index + 1, size, proof, root)
    yield "index ^ 2", (leaf, index ^ 2, size, proof, root)
    yield "size * 2", (leaf, index, size * 2, proof, root)
    yield "size // 2", (leaf, index, size // 2, proof, root)
    yield "wrong leaf", (leaf_hash(b"WrongLeaf"), index, size, proof, root)
    yield "empty root", (leaf, index, size, proof, EMPTY_ROOT)
    yield "random root", (leaf, index, size, proof, SOME_HASH)
    yield "trailing garbage", (leaf, index, size, [*proof, b""], root)
    yield "trailing root", (leaf, index, size, [*proof, root], root)
    yield "trailing hash", (leaf, index, size, [*proof, SOME_HASH], root)
    yield "preceding garbage", (leaf, index, size, [b"", *proof], root)
    yield "preceding root", (leaf, index, size, [root, *proof], root)
    for position in range(len(proof)):
        yield f"flipped proof[{position}]", (leaf, index, size, flipped(proof, position), root)
    if proof:
        yield "truncated", (leaf, index, size, proof[:-1], root)
    if len(proof) > 1:
        yield "inserted", (leaf, index, size, [proof[0], SOME_HASH, *proof[1:]], root)


def tampered_consistency(old_size: int, new_size: int, old_root: bytes, new_root: bytes, proof: list[bytes],
                         ) -> Iterator[tuple[str, tuple[int, int, bytes, bytes, list[bytes]]]]:
    """CT's wrong variants of a non-trivial consistency proof (VerifierConsistencyCheck)."""
    yield "old - 1", (old_size - 1, new_size, old_root, new_root, proof)
    yield "old + 1", (old_size + 1, new_size, old_root, new_root, proof)
    yield "old ^ 2", (old_size ^ 2, new_size, old_root, new_root, proof)
    yield "new * 2", (old_size, new_size * 2, old_root, new_root, proof)
    yield "new // 2", (old_size, new_size // 2, old_root, new_root, proof)
    yield "wrong old root", (old_size, new_size, SOME_HASH, new_root, proof)
    yield "wrong new root", (old_size, new_size, old_root, SOME_HASH, proof)
    yield "swapped roots", (old_size, new_size, new_root, old_root, proof)
    yield "empty proof", (old_size, new_size, old_root, new_root, [])
    yield "trailing garbage", (old_size, new_size, old_root, new_root, [*proof, b""])
    yield "trailing old root", (old_size, new_size, old_root, new_root, [*proof, old_root])
    yield "trailing new root", (old_size, new_size, old_root, new_root, [*proof, new_root])
    yield "trailing last", (old_size, new_size, old_root, new_root, [*proof, proof[-1]])
    yield "preceding garbage", (old_size, new_size, old_root, new_root, [b"", *proof])
    yield "preceding old root", (old_size, new_size, old_root, new_root, [old_root, *proof])
    yield "preceding new root", (old_size, new_size, old_root, new_root, [new_root, *proof])
    yield "preceding proof[0]", (old_size, new_size, old_root, new_root, [proof[0], *proof])
    yield "truncated", (old_size, new_size, old_root, new_root, proof[:-1])
    for position in range(len(proof)):
        yield f"flipped proof[{position}]", (old_size, new_size, old_root, new_root, flipped(proof, position))


def assert_inclusion_tampering_rejected(leaf: bytes, index: int, size: int, proof: list[bytes],
                                        root: bytes) -> None:
    accepted = [name for name, args in tampered_inclusion(leaf, index, size, proof, root)
                if verify_inclusion(*args)]
    assert accepted == [], f"index {index} of {size}: tampered proofs accepted: {accepted}"


def assert_consistency_tampering_rejected(old_size: int, new_size: int, old_root: bytes, new_root: bytes,
                                          proof: list[bytes]) -> None:
    accepted = [name for name, args in tampered_consistency(old_size, new_size, old_root, new_root, proof)
                if verify_consistency(*args)]
    assert accepted == [], f"{old_size} -> {new_size}: tampered proofs accepted: {accepted}"


class CountingStore(MemoryNodeStore):
    """A memory store that counts lookups, batches and nodes written."""

    __slots__ = ("batches", "lookups", "written")

    def __init__(self) -> None:
        super().__init__()
        self.lookups = 0
        self.batches = 0
        self.written = 0

    def get(self, level: int, index: int) -> bytes:
        self.lookups += 1
        return super().get(level, index)

    def put_many(self, nodes: Iterable[tuple[int, int, bytes]]) -> None:
        batch = list(nodes)
        self.batches += 1
        self.written += len(batch)
        super().put_many(batch)


# --- Hashing and the reference tree ------------------------------------------------------------------
def test_hashes_match_published_known_answers() -> None:
    assert EMPTY_ROOT.hex() == SHA256_EMPTY
    assert naive_root([]).hex() == SHA256_EMPTY
    assert leaf_hash(b"").hex() == EMPTY_LEAF_HASH
    assert leaf_hash(b"L123456").hex() == LEAF_L123456_HASH
    assert node_hash(b"N123", b"N456").hex() == NODE_N123_N456_HASH
    # The empty tree is not the tree of one empty leaf (domain separation by the 0x00 prefix).
    assert leaf_hash(b"") != EMPTY_ROOT


def test_reference_roots_for_every_size() -> None:
    tree = MerkleTree(MemoryNodeStore())
    assert tree.root() == EMPTY_ROOT
    for count, data in enumerate(REFERENCE_LEAVES, start=1):
        assert tree.append(data) == count - 1
        assert tree.size == count
        assert tree.root() == REFERENCE_ROOTS[count - 1]
        assert naive_root(REFERENCE_LEAVES[:count]) == REFERENCE_ROOTS[count - 1]
        assert tree.root(0) == EMPTY_ROOT
        for past in range(1, count + 1):
            assert tree.root(past) == REFERENCE_ROOTS[past - 1]


@pytest.mark.parametrize(("index", "size", "expected"), REFERENCE_INCLUSION)
def test_reference_inclusion_proofs(index: int, size: int, expected: list[str]) -> None:
    tree = build(REFERENCE_LEAVES)
    proof = tree.inclusion_proof(index, size)
    assert [node.hex() for node in proof] == expected
    leaf = leaf_hash(REFERENCE_LEAVES[index])
    root = REFERENCE_ROOTS[size - 1]
    assert verify_inclusion(leaf, index, size, proof, root)
    assert_inclusion_tampering_rejected(leaf, index, size, proof, root)


@pytest.mark.parametrize(("old_size", "new_size", "expected"), REFERENCE_CONSISTENCY)
def test_reference_consistency_proofs(old_size: int, new_size: int, expected: list[str]) -> None:
    tree = build(REFERENCE_LEAVES)
    proof = tree.consistency_proof(old_size, new_size)
    assert [node.hex() for node in proof] == expected
    old_root, new_root = REFERENCE_ROOTS[old_size - 1], REFERENCE_ROOTS[new_size - 1]
    assert verify_consistency(old_size, new_size, old_root, new_root, proof)
    if proof:
        assert_consistency_tampering_rejected(old_size, new_size, old_root, new_root, proof)


# --- Random trees against the RFC's recursive definitions --------------------------------------------
def test_roots_of_every_past_size_match_the_definition() -> None:
    leaves = random_leaves(300, seed=1)
    tree = build(leaves)
    for size in range(301):
        assert tree.root(size) == naive_root(leaves[:size]), size


def test_stored_nodes_are_the_perfect_subtree_hashes() -> None:
    leaves = random_leaves(300, seed=2)
    store = MemoryNodeStore()
    tree = MerkleTree(store)
    for data in leaves:
        tree.append(data)
    # Every perfect subtree within 300 leaves is stored, and nothing else: 2n - popcount(n) nodes.
    assert len(store) == 2 * 300 - (300).bit_count()
    for level in range(9):
        width = 1 << level
        for index in range(300 // width):
            assert store.get(level, index) == naive_root(leaves[index * width:(index + 1) * width])


SIZES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 127, 128, 129, 255, 256, 257,
         300]


@pytest.mark.parametrize("size", SIZES)
def test_every_inclusion_proof_of_a_random_tree(size: int) -> None:
    leaves = random_leaves(size, seed=size)
    tree = build(leaves)
    root = tree.root()
    for index in range(size):
        proof = tree.inclusion_proof(index, size)
        assert proof == reference_path(index, leaves)
        assert len(proof) <= (size - 1).bit_length()  # ceil(log2 n)
        assert verify_inclusion(leaf_hash(leaves[index]), index, size, proof, root)
    # Proofs against smaller past trees held by the same store.
    for past in {1, size // 2 or 1, size - 1 or 1}:
        for index in range(past):
            proof = tree.inclusion_proof(index, past)
            assert proof == reference_path(index, leaves[:past])
            assert verify_inclusion(leaf_hash(leaves[index]), index, past, proof, tree.root(past))


@pytest.mark.parametrize("size", [3, 5, 8, 13, 33, 100, 129, 300])
def test_tampered_inclusion_proofs_are_rejected(size: int) -> None:
    leaves = random_leaves(size, seed=10 + size)
    tree = build(leaves)
    root = tree.root()
    for index in range(size):
        proof = tree.inclusion_proof(index, size)
        assert_inclusion_tampering_rejected(leaf_hash(leaves[index]), index, size, proof, root)


@pytest.mark.parametrize("new_size", SIZES)
def test_consistency_proofs_of_a_random_tree(new_size: int) -> None:
    leaves = random_leaves(new_size, seed=1000 + new_size)
    tree = build(leaves)
    rng = random.Random(new_size)
    powers = {1 << bit for bit in range(new_size.bit_length())}
    old_sizes = {0, 1, new_size - 1, new_size, new_size // 2, *powers, *rng.sample(range(new_size + 1),
                                                                                   min(20, new_size + 1))}
    new_root = tree.root(new_size)
    for old_size in sorted(size for size in old_sizes if 0 <= size <= new_size):
        proof = tree.consistency_proof(old_size, new_size)
        old_root = tree.root(old_size)
        if 0 < old_size < new_size:
            assert proof == reference_proof(old_size, leaves)
            assert_consistency_tampering_rejected(old_size, new_size, old_root, new_root, proof)
        else:
            assert proof == []
        assert verify_consistency(old_size, new_size, old_root, new_root, proof)


def test_consistency_between_every_pair_of_small_sizes() -> None:
    leaves = random_leaves(40, seed=3)
    tree = build(leaves)
    for new_size in range(41):
        for old_size in range(new_size + 1):
            proof = tree.consistency_proof(old_size, new_size)
            if 0 < old_size < new_size:
                assert proof == reference_proof(old_size, leaves[:new_size])
            assert verify_consistency(old_size, new_size, tree.root(old_size), tree.root(new_size), proof)


@pytest.mark.parametrize("size", [511, 512, 513, 1023, 1024, 1025])
def test_larger_trees_around_powers_of_two(size: int) -> None:
    leaves = random_leaves(size, seed=size)
    tree = build(leaves)
    root = tree.root()
    assert root == naive_root(leaves)
    for index in range(size):
        proof = tree.inclusion_proof(index, size)
        assert verify_inclusion(leaf_hash(leaves[index]), index, size, proof, root)
    for index in (0, 1, size // 2, size - 2, size - 1):
        assert tree.inclusion_proof(index, size) == reference_path(index, leaves)
    for old_size in (1, 2, 255, 256, 257, 511, size - 1):
        proof = tree.consistency_proof(old_size, size)
        assert proof == reference_proof(old_size, leaves)
        assert verify_consistency(old_size, size, tree.root(old_size), root, proof)


# --- Trivial and malformed cases ---------------------------------------------------------------------
def test_trivial_consistency_cases() -> None:
    tree = build(REFERENCE_LEAVES)
    root4 = REFERENCE_ROOTS[3]
    # The empty tree is a prefix of every tree; the proof is empty and its root must be MTH({}).
    assert tree.consistency_proof(0, 5) == []
    assert verify_consistency(0, 5, EMPTY_ROOT, REFERENCE_ROOTS[4], [])
    assert verify_consistency(0, 0, EMPTY_ROOT, EMPTY_ROOT, [])
    assert not verify_consistency(0, 5, SOME_HASH, REFERENCE_ROOTS[4], [])
    assert not verify_consistency(0, 0, EMPTY_ROOT, SOME_HASH, [])
    assert not verify_consistency(0, 5, EMPTY_ROOT, REFERENCE_ROOTS[4], [EMPTY_ROOT])
    # Equal sizes: equal roots, empty proof.
    assert tree.consistency_proof(4, 4) == []
    assert verify_consistency(4, 4, root4, root4, [])
    assert not verify_consistency(4, 4, root4, SOME_HASH, [])
    assert not verify_consistency(4, 4, root4, root4, [root4])
    # Time travel and negative sizes.
    assert not verify_consistency(5, 4, REFERENCE_ROOTS[4], root4, [])
    assert not verify_consistency(-1, 4, EMPTY_ROOT, root4, [])
    # 0 < old < new with an empty proof fails (RFC 9162 §2.1.4.2 step 1).
    assert not verify_consistency(1, 2, REFERENCE_ROOTS[0], REFERENCE_ROOTS[1], [])


def test_single_leaf_inclusion() -> None:
    leaf = leaf_hash(b"data")
    assert verify_inclusion(leaf, 0, 1, [], leaf)
    assert not verify_inclusion(leaf, 0, 1, [], b"")
    assert not verify_inclusion(b"", 0, 1, [], leaf)
    assert not verify_inclusion(b"", 0, 1, [], b"")  # equal, but not hashes
    for index, size in ((0, 0), (1, 0), (2, 1), (1, 1), (-1, 1)):
        assert not verify_inclusion(leaf, index, size, [], leaf)


def test_verifiers_return_false_for_proofs_of_any_length_and_shape() -> None:
    tree = build(random_leaves(37, seed=4))
    root = tree.root()
    old_root = tree.root(20)
    rng = random.Random(5)
    for length in range(0, 70):
        junk = [rng.randbytes(32) for _ in range(length)]
        assert not verify_inclusion(SOME_HASH, 11, 37, junk, root)
        assert not verify_consistency(20, 37, old_root, root, junk)
    odd_shapes: list[object] = [[b"short"], [b"x" * 33], ["0" * 32], [None], b"x" * 32, "abc", None, [[]]]
    for proof in odd_shapes:
        assert not verify_inclusion(SOME_HASH, 11, 37, proof, root)  # type: ignore[arg-type]
        assert not verify_consistency(20, 37, old_root, root, proof)  # type: ignore[arg-type]
    assert not verify_inclusion(SOME_HASH, 11, 37, [], "not bytes")  # type: ignore[arg-type]
    assert not verify_consistency(20, 37, old_root, root.hex(), [])  # type: ignore[arg-type]


def test_out_of_range_requests_raise_value_error() -> None:
    tree = build(REFERENCE_LEAVES)
    bad_calls = [
        lambda: tree.inclusion_proof(8, 8),
        lambda: tree.inclusion_proof(-1, 8),
        lambda: tree.inclusion_proof(0, 0),
        lambda: tree.inclusion_proof(0, 9),
        lambda: tree.consistency_proof(5, 4),
        lambda: tree.consistency_proof(-1, 4),
        lambda: tree.consistency_proof(4, 9),
        lambda: tree.root(9),
        lambda: tree.root(-1),
        lambda: MerkleTree(MemoryNodeStore(), -1),
    ]
    for call in bad_calls:
        with pytest.raises(ValueError, match=r"size|index"):
            call()


def test_memory_store_refuses_to_rewrite_a_node() -> None:
    store = MemoryNodeStore()
    store.put_many([(0, 0, SOME_HASH)])
    store.put_many([(0, 0, SOME_HASH)])  # the same hash again is harmless
    with pytest.raises(ValueError, match="already stored"):
        store.put_many([(0, 1, EMPTY_ROOT), (0, 0, EMPTY_ROOT)])
    with pytest.raises(KeyError):
        store.get(0, 1)  # all or none: the first node of the refused batch was not kept


def test_a_reopened_tree_continues_where_it_stopped() -> None:
    leaves = random_leaves(150, seed=6)
    store = MemoryNodeStore()
    first = MerkleTree(store)
    for data in leaves[:77]:
        first.append(data)
    reopened = MerkleTree(store, 77)
    assert reopened.root() == naive_root(leaves[:77])
    for data in leaves[77:]:
        reopened.append(data)
    assert reopened.root() == naive_root(leaves)
    assert reopened.inclusion_proof(10, 150) == reference_path(10, leaves)


def test_appended_nodes_is_the_pure_step_of_append() -> None:
    leaves = random_leaves(12, seed=7)
    tree = build(leaves[:11])  # 11 = 0b1011: appending leaf 11 closes subtrees at levels 1 and 2
    frontier = [tree.root(8), naive_root(leaves[8:10]), leaf_hash(leaves[10])]
    assert perfect_subtrees(0, 11) == [(3, 0), (1, 4), (0, 10)]
    nodes = appended_nodes(11, leaf_hash(leaves[11]), frontier)
    assert [(node.level, node.position) for node in nodes] == [(0, 11), (1, 5), (2, 2)]
    assert nodes[-1].hash == naive_root(leaves[8:12])
    with pytest.raises(ValueError, match="frontier"):
        appended_nodes(11, leaf_hash(leaves[11]), frontier[:2])


# --- Cost: counts, not timings -----------------------------------------------------------------------
def test_append_and_proof_cost_stays_logarithmic(monkeypatch: pytest.MonkeyPatch) -> None:
    size = 100_000
    log_n = math.log2(size)
    hashes = 0
    real_node_hash = merkle.node_hash

    def counting_node_hash(left: bytes, right: bytes) -> bytes:
        nonlocal hashes
        hashes += 1
        return real_node_hash(left, right)

    monkeypatch.setattr(merkle, "node_hash", counting_node_hash)
    store = CountingStore()
    tree = MerkleTree(store)
    worst_append = 0
    for index in range(size):
        before = hashes
        tree.append(index.to_bytes(8, "big"))
        worst_append = max(worst_append, hashes - before)
    # One batch per append; each leaf stores itself and the subtrees it closes: 2n - popcount(n) in all.
    assert store.batches == size
    assert store.written == 2 * size - size.bit_count()
    assert worst_append <= log_n + 1
    assert hashes == size - size.bit_count()  # one node hash per stored interior node, amortised < 1
    assert store.lookups == 0  # the frontier lives in memory; appends read nothing

    # A cold tree over the same store: nothing cached, every hash it needs is a store lookup.
    cold = MerkleTree(store, size)
    rng = random.Random(8)
    budget = 4 * log_n
    for _ in range(300):
        past = rng.randrange(1, size + 1)
        index = rng.randrange(past)
        old_size = rng.randrange(1, past + 1)
        for name in ("inclusion", "consistency", "root"):
            store.lookups, hashes = 0, 0
            if name == "inclusion":
                cold.inclusion_proof(index, past)
            elif name == "consistency":
                cold.consistency_proof(old_size, past)
            else:
                cold.root(past)
            assert store.lookups <= budget, (name, index, old_size, past, store.lookups)
            assert hashes <= 2 * log_n, (name, index, old_size, past, hashes)
    # Proof sizes stay within the RFC's bounds: at most ceil(log2 n) (+1 for consistency) nodes.
    assert len(cold.inclusion_proof(size - 1, size)) <= math.ceil(log_n)
    assert len(cold.consistency_proof(size - 3, size)) <= math.ceil(log_n) + 1


# --- The stored ledger: batches, its invariant, subjects (SQLite and PostgreSQL) -----------------------
def _ledger_size(store: OpenStore) -> int:
    with store.database.session_scope() as session:
        return ledger.size(session)


def test_append_many_builds_the_tree_appends_one_by_one_would(store: OpenStore) -> None:
    with store.database.session_scope() as session:
        start = ledger.size(session)
        for step in range(5):
            ledger.append(session, "admin", "test.event", f"item:{step}")
    with store.database.session_scope() as session:
        made = ledger.append_many(session, [ledger.NewEntry("lihua", "test.event", f"batch:{step}", "ab" * 32)
                                            for step in range(37)])
        ledger.append(session, "admin", "test.event", "after")
    assert [entry.seq for entry in made] == list(range(start + 5, start + 42))
    with store.database.session_scope() as session:
        entries = list(ledger.iter_entries(session))
        assert [entry.seq for entry in entries] == list(range(start + 43))
        assert ledger.tree(session).root() == naive_root([entry.leaf() for entry in entries])
        assert verify_ledger(session).clean


def test_an_append_reads_the_frontier_in_one_query(store: OpenStore) -> None:
    with store.database.session_scope() as session:
        ledger.append_many(session, [ledger.NewEntry("admin", "test.event", f"item:{step}")
                                     for step in range(1023 - ledger.size(session))])
    statements: list[str] = []

    def seen(_connection: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(store.database.engine, "before_cursor_execute", seen)
    try:
        with store.database.session_scope() as session:
            ledger.append(session, "admin", "test.event", "the 1024th")  # a frontier of 10 nodes
    finally:
        event.remove(store.database.engine, "before_cursor_execute", seen)
    reads = [statement for statement in statements
             if statement.lstrip().upper().startswith("SELECT") and "merkle_node" in statement]
    assert len(reads) == 1, reads


def test_a_subject_over_the_limit_is_refused_never_cut(store: OpenStore) -> None:
    longest = "evidence:" + "证" * (ledger.SUBJECT_LIMIT - len("evidence:"))
    before = _ledger_size(store)
    with store.database.session_scope() as session:
        ledger.append(session, "admin", "test.event", longest)
    too_long = "at most 200 characters"
    with pytest.raises(InvalidInput, match=too_long), store.database.session_scope() as session:
        ledger.append(session, "admin", "test.event", longest + "x")  # was cut to 200 and recorded
    with pytest.raises(InvalidInput, match=too_long), store.database.session_scope() as session:
        ledger.append_many(session, [ledger.NewEntry("admin", "test.event", text)
                                     for text in ("fine", longest + "x")])  # all or none
    with store.database.session_scope() as session:
        (entry,) = ledger.entries(session, before)
    assert entry.subject == longest and _ledger_size(store) == before + 1


@pytest.mark.parametrize("drift", [+1, -1])
def test_a_ledger_out_of_step_is_an_integrity_error(store: OpenStore, drift: int) -> None:
    with store.database.session_scope() as session:
        for step in range(6):
            ledger.append(session, "admin", "test.event", f"item:{step}")
    before = _ledger_size(store)
    # The sequencer moved behind the entries' back: ahead is a lost entry, behind a reused number.
    with store.database.engine.begin() as connection:
        connection.execute(text("UPDATE ledger_head SET size = size + :drift"), {"drift": drift})
    with pytest.raises(IntegrityError, match="The ledger is out of step"), \
            store.database.session_scope() as session:
        ledger.append(session, "admin", "test.event", "refused")
    assert _ledger_size(store) == before


# Under ``python -O`` asserts are gone: the invariant must hold there too.
OPTIMISED_CHILD = """
import sys
from pathlib import Path
from sqlalchemy import text
from desktop.config import Settings
from desktop.core.errors import IntegrityError
from desktop.core.storage.store import open_store
from desktop.core.trust import ledger

assert False, "asserts must be off in this child"
store = open_store(Settings(data_dir=Path(sys.argv[1]), database_url=None, lang=None))
with store.database.engine.begin() as connection:
    connection.execute(text("UPDATE ledger_head SET size = size + 1"))
try:
    with store.database.session_scope() as session:
        ledger.append(session, "admin", "test.event", "refused")
except IntegrityError as error:
    print("IntegrityError", error.message)
else:
    print("appended")
"""


def test_the_append_invariant_holds_under_python_O(sqlite_store: OpenStore, data_dir: Path) -> None:
    sqlite_store.close()
    done = subprocess.run([sys.executable, "-O", "-c", OPTIMISED_CHILD, str(data_dir)], capture_output=True,
                          text=True, timeout=120)
    assert done.stdout.startswith("IntegrityError The ledger is out of step"), done.stdout + done.stderr


def test_batches_from_several_seats_keep_their_order(store: OpenStore) -> None:
    url = store.database.engine.url.render_as_string(hide_password=False)
    start = _ledger_size(store)

    def seat(number: int) -> None:
        database = open_database(url)  # a seat of its own: its own engine and connections
        try:
            for batch in range(5):
                with database.session_scope() as session:
                    ledger.append_many(session, [ledger.NewEntry(f"seat{number}", "test.event",
                                                                 f"seat{number}:{batch}:{step}")
                                                 for step in range(7)])
        finally:
            database.dispose()

    run_concurrently(seat, range(4))
    with store.database.session_scope() as session:
        entries = list(ledger.iter_entries(session, start))
        assert [entry.seq for entry in entries] == list(range(start, start + 140))
        for first in range(0, 140, 7):  # each batch is a run of consecutive numbers, in its order
            prefix = entries[first].subject.rsplit(":", 1)[0]
            assert [entry.subject for entry in entries[first:first + 7]] == [
                f"{prefix}:{step}" for step in range(7)]
        assert verify_ledger(session).clean
