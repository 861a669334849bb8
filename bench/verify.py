"""Whole-store verification, as a ratio to the hashing limit over the same blobs in the same run.

    python bench/verify.py [--small 1000] [--large 3] [--large-size 300M] [--seal] [--runs 3] [--dir D]

Builds a SQLite store whose evidence was taken in through ``intake.ingest_files``: ``--small`` files of
4-64 KiB (random sizes and bytes) and ``--large`` files of ``--large-size`` (with ``--seal`` each item is
sealed by the notary as it lands). Then it alternates, after one untimed pass that brings the blobs into
the page cache:

- hashing limit: both digests of every blob file, each read once, SHA-256 on the reading thread and SM3
  on a second thread that lives for the whole batch (no per-file cost but open and read);
- ``verify_store`` over the whole store: the ledger, keys, users and cases against their entries,
  every item record against its leaf, every blob re-hashed with both digests, every seal, and every
  record the ledger logged matched with its row.

Medians are compared. Goal (issue 5): verify <= 1.1x the hashing limit.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from ingest import Desk, describe_folder, hashing_limit, open_desk, parse_size, settle

from desktop.core.evidence import intake
from desktop.core.trust import signing_keys
from desktop.core.verification.codes import ItemVerdict
from desktop.core.verification.ledger import verify_ledger
from desktop.core.verification.store import verify_store

SMALL_MIN, SMALL_MAX = 4 * 1024, 64 * 1024
PATTERN_BYTES = 64 * 1024 * 1024


def make_files(folder: Path, small: int, large: int, large_size: int) -> tuple[Path, list[Path]]:
    rng = random.Random(20260301)
    small_folder = folder / "small"
    small_folder.mkdir(parents=True)
    for index in range(small):
        (small_folder / f"证据-{index:04d}.bin").write_bytes(rng.randbytes(rng.randint(SMALL_MIN, SMALL_MAX)))
    pattern = os.urandom(min(PATTERN_BYTES, large_size))
    large_files = []
    for index in range(large):
        path = folder / f"录像-{index}.bin"
        with path.open("wb") as out:
            left = large_size
            out.write(f"large file {index}\n".encode())  # each one different
            left -= out.tell()
            while left:
                piece = pattern[:left]
                out.write(piece)
                left -= len(piece)
        large_files.append(path)
    return small_folder, large_files


def build(folder: Path, small: int, large: int, large_size: int, seal: bool) -> tuple[Desk, float]:
    desk = open_desk(folder / "data")
    small_folder, large_files = make_files(folder / "in", small, large, large_size)
    key = None
    if seal:
        with desk.store.database.session_scope() as session:
            signing_keys.new_key(session, desk.notary, "bench-password-1")
            key = signing_keys.unlock(session, desk.notary, "bench-password-1")
    started = time.perf_counter()
    report = intake.ingest_files(desk.store.database, desk.store.vault, desk.notary, desk.case_number,
                                   [small_folder, *large_files], seal_with=key)
    elapsed = time.perf_counter() - started
    if report.failures or len(report.items) != small + large:
        raise SystemExit(f"ingest failed: {report.failures[:3]}")
    return desk, elapsed


def time_verify(desk: Desk) -> tuple[float, float]:
    """Seconds for ``verify_store`` (which must be clean), and for its ledger part alone."""
    database, vault = desk.store.database, desk.store.vault
    started = time.perf_counter()
    with database.session_scope() as session:
        report = verify_store(session, vault)
    elapsed = time.perf_counter() - started
    if report.errors or ItemVerdict.FAILED in report.verdicts().values():
        raise SystemExit(f"verification found {report.errors[:3]}")
    started = time.perf_counter()
    with database.session_scope() as session:
        verify_ledger(session)
    return elapsed, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=3)
    parser.add_argument("--large-size", default="300M")
    parser.add_argument("--seal", action="store_true", help="seal every item as it is taken in")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=None, help="where to put the files (default: temp)")
    args = parser.parse_args()
    large_size = parse_size(args.large_size)
    with tempfile.TemporaryDirectory(dir=args.dir, prefix="mediseal-bench-") as name:
        folder = Path(name)
        print(f"folder: {describe_folder(folder)}; {os.cpu_count()} CPUs")
        desk, ingest_time = build(folder, args.small, args.large, large_size, args.seal)
        vault = desk.store.vault
        blobs = [vault.path(digest) for digest in vault.digests()]
        total = sum(path.stat().st_size for path in blobs)
        print(f"store: {args.small} small + {args.large} large items{' (sealed)' if args.seal else ''}, "
              f"{len(blobs)} blobs, {total / (1 << 20):.0f} MiB; taken in by ingest_files in "
              f"{ingest_time:.1f} s")
        hashing_limit(blobs)  # untimed: the blobs were written past the page cache; bring them in
        limits, verifies, ledgers = [], [], []
        for _ in range(args.runs):
            settle()
            limits.append(hashing_limit(blobs))
            settle()
            whole, ledger_part = time_verify(desk)
            verifies.append(whole)
            ledgers.append(ledger_part)
        desk.store.close()
    limit, verify, ledger = (statistics.median(values) for values in (limits, verifies, ledgers))

    def runs(values: list[float]) -> str:
        return " ".join(f"{value:.2f}" for value in values)

    print(f"hashing limit over the blobs:  median {limit:.2f} s (runs: {runs(limits)})")
    print(f"verify_store, whole store:     median {verify:.2f} s (runs: {runs(verifies)})")
    print(f"  of which the ledger check:   median {ledger:.2f} s (verify_ledger timed on its own)")
    ratio = verify / limit
    verdict = "met" if ratio <= 1.1 else "NOT met"
    print(f"ratio verify / hashing limit: {ratio:.2f}x (goal <= 1.1x: {verdict})")


if __name__ == "__main__":
    main()
