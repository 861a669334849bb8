"""Ledger Merkle tree cost, as ratios to one SHA-256 of a leaf measured in the same run.

    python bench/ledger.py [--leaves N] [--samples S] [--seed X]

Appends N canonical-JSON-like ledger entries of 200 bytes to a ``MerkleTree`` over ``MemoryNodeStore``,
then times sampled inclusion and consistency proofs (random sizes up to N, so past trees too), their
verification and past roots. Records are made in batches outside the timed region. Memory is the
growth of the process's peak resident set while the tree was built, next to the bytes of hashes kept.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
import timeit

from desktop.core.integrity.merkle import (
    MemoryNodeStore,
    MerkleTree,
    leaf_hash,
    verify_consistency,
    verify_inclusion,
)

RECORD_SIZE = 200
BATCH = 10_000


def record(seq: int) -> bytes:
    """A ledger entry shaped like its canonical JSON (RFC 8785: sorted keys, no spaces), 200 bytes."""
    entry = {"actor": "notary-07", "digest": hashlib.sha256(seq.to_bytes(8, "big")).hexdigest(),
             "kind": "evidence.sealed", "seq": seq, "subject": "", "time": "2026-03-01T09:30:00Z", "v": 1}
    text = json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    entry["subject"] = f"ev/{seq}".ljust(RECORD_SIZE - len(text), "-")
    data = json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    assert len(data) == RECORD_SIZE, len(data)
    return data


def sha256_seconds(data: bytes) -> float:
    """Seconds for one ``hashlib.sha256(data).digest()``: best of 5 runs, statement timed inline."""
    timer = timeit.Timer("sha256(data).digest()", globals={"sha256": hashlib.sha256, "data": data})
    number = 200_000
    return min(timer.repeat(repeat=5, number=number)) / number


def peak_rss_bytes() -> int | None:
    """The process's peak resident set size, where the platform reports it."""
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # bytes on macOS, KiB on Linux


def line(label: str, seconds: float, baseline: float, detail: str = "") -> None:
    print(f"{label:<28} {seconds * 1e6:9.2f} µs  = {seconds / baseline:7.1f}x one sha256{detail}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leaves", type=int, default=1_000_000, help="leaves to append (default 1 000 000)")
    parser.add_argument("--samples", type=int, default=5_000, help="proofs timed per kind (default 5 000)")
    parser.add_argument("--seed", type=int, default=2026)
    arguments = parser.parse_args()
    leaves, samples = arguments.leaves, arguments.samples
    if leaves < 2:
        parser.error("--leaves must be at least 2")
    rng = random.Random(arguments.seed)

    baseline = sha256_seconds(record(0))
    print(f"leaves:                      {leaves:,} entries of {RECORD_SIZE} bytes, MemoryNodeStore")
    print(f"baseline sha256 of a leaf:   {baseline * 1e6:9.3f} µs  (hashlib, {RECORD_SIZE} bytes, best of 5)")

    peak_before = peak_rss_bytes()
    store = MemoryNodeStore()
    tree = MerkleTree(store)
    appending = 0.0
    for first in range(0, leaves, BATCH):
        batch = [record(seq) for seq in range(first, min(first + BATCH, leaves))]
        started = time.perf_counter()
        for data in batch:
            tree.append(data)
        appending += time.perf_counter() - started
    del batch
    peak_after = peak_rss_bytes()
    line("append", appending / leaves, baseline, f"  ({leaves / appending:,.0f} appends/s)")

    inclusion_requests = []
    for _ in range(samples):
        size = rng.randrange(1, leaves + 1)
        inclusion_requests.append((rng.randrange(size), size))
    consistency_requests = []
    for _ in range(samples):
        size = rng.randrange(2, leaves + 1)
        consistency_requests.append((rng.randrange(1, size), size))
    roots = {size: tree.root(size) for _, size in inclusion_requests}
    roots.update({size: tree.root(size) for pair in consistency_requests for size in pair})

    started = time.perf_counter()
    inclusion_proofs = [tree.inclusion_proof(index, size) for index, size in inclusion_requests]
    elapsed = time.perf_counter() - started
    nodes = sum(map(len, inclusion_proofs)) / samples
    line("inclusion proof", elapsed / samples, baseline, f"  ({samples:,} sampled, {nodes:.1f} hashes each)")

    started = time.perf_counter()
    consistency_proofs = [tree.consistency_proof(old, new) for old, new in consistency_requests]
    elapsed = time.perf_counter() - started
    nodes = sum(map(len, consistency_proofs)) / samples
    line("consistency proof", elapsed / samples, baseline,
         f"  ({samples:,} sampled, {nodes:.1f} hashes each)")

    leaf_hashes = [leaf_hash(record(index)) for index, _ in inclusion_requests]
    started = time.perf_counter()
    verified = sum(verify_inclusion(leaf, index, size, proof, roots[size]) for leaf, (index, size), proof
                   in zip(leaf_hashes, inclusion_requests, inclusion_proofs, strict=True))
    elapsed = time.perf_counter() - started
    line("verify inclusion", elapsed / samples, baseline, f"  ({verified:,}/{samples:,} valid)")

    started = time.perf_counter()
    verified = sum(verify_consistency(old, new, roots[old], roots[new], proof) for (old, new), proof
                   in zip(consistency_requests, consistency_proofs, strict=True))
    elapsed = time.perf_counter() - started
    line("verify consistency", elapsed / samples, baseline, f"  ({verified:,}/{samples:,} valid)")

    past_sizes = [size for _, size in inclusion_requests]
    started = time.perf_counter()
    for size in past_sizes:
        tree.root(size)
    elapsed = time.perf_counter() - started
    line("root of a past size", elapsed / samples, baseline)

    hash_bytes = len(store) * 32
    print(f"memory: nodes stored         {len(store):,} ({hash_bytes / 2**20:.1f} MiB of hashes, "
          f"{len(store) / leaves:.2f} per leaf)")
    if peak_before is None or peak_after is None:
        print("memory: peak RSS growth      n/a on this platform")
    else:
        grown = peak_after - peak_before
        print(f"memory: peak RSS growth      {grown / 2**20:.1f} MiB while appending "
              f"({grown / leaves:.0f} bytes per leaf; Python dict of (level, index) -> bytes)")


if __name__ == "__main__":
    main()
