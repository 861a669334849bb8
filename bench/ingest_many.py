"""Batch ingest, as ratios to the physical work measured in the same run.

    python bench/ingest_many.py [--files 10000] [--size 20K] [--large-files 4] [--large-size 512M]
                                [--runs 1] [--dir FOLDER]

Many small files: ``--files`` files of ``--size`` random bytes are written and synced first, then read
once untimed (page cache warm for both sides). Each round times, in this order:

- baseline: the physical work in one process, one file after the other: open and read the file,
  SHA-256 and SM3 of its bytes, write a copy to a new file, fsync it;
- ingest: ``intake.ingest_files`` of the folder into a fresh SQLite store in the same file system (the
  vault with its temp file, rename and folder fsync, MIME sniffing, item rows, canonical records and
  ledger entries with their Merkle nodes, committed in groups).

Goal (issue 8): ingest <= 3x the baseline.

A batch of large files: ``--large-files`` files of ``--large-size``, each different, against the
single-stream hashing limit (both digests of each file, SHA-256 on the reading thread and SM3 on a second
one, the files one after the other). SM3 chains block on block, so one file cannot go faster than one
core; a batch can, with files hashed side by side. The ideal is the limit divided by the cores available
(SM3 needs one core per stream). Memory is the process's peak RSS growth during the large ingest.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import tempfile
import time
from pathlib import Path

from ingest import describe_folder, hashing_limit, open_desk, parse_size, settle

from desktop.core.evidence import intake
from desktop.core.integrity.digests import CHUNK_BYTES

PATTERN_BYTES = 64 * 1024 * 1024
GOAL_SMALL = 3.0


def make_small_files(folder: Path, count: int, size: int) -> None:
    folder.mkdir(parents=True)
    for index in range(count):
        (folder / f"证据-{index:05d}.bin").write_bytes(os.urandom(size))
    if hasattr(os, "sync"):
        os.sync()  # clean pages: no writeback of the sources overlaps the timings


def read_all(paths: list[Path]) -> None:
    for path in paths:
        with path.open("rb") as handle:
            while handle.read(CHUNK_BYTES):
                pass


def baseline(paths: list[Path], out_folder: Path) -> float:
    """Read, SHA-256, SM3, write and fsync each file, one after the other, one process."""
    out_folder.mkdir()
    started = time.perf_counter()
    for index, path in enumerate(paths):
        sha256, sm3 = hashlib.sha256(), hashlib.new("sm3")
        descriptor = os.open(out_folder / f"{index:05d}", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            with path.open("rb") as handle:
                while chunk := handle.read(CHUNK_BYTES):
                    sha256.update(chunk)
                    sm3.update(chunk)
                    os.write(descriptor, chunk)
            sha256.hexdigest()
            sm3.hexdigest()
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
    return time.perf_counter() - started


def ingest(folder: Path, sources: list[Path], expected: int) -> float:
    desk = open_desk(folder)
    try:
        started = time.perf_counter()
        report = intake.ingest_files(desk.store.database, desk.store.vault, desk.notary, desk.case_number,
                                     sources)
        elapsed = time.perf_counter() - started
    finally:
        desk.store.close()
    if report.failures or len(report.items) != expected:
        raise SystemExit(f"ingest failed: {len(report.items)} items, failures {report.failures[:3]}")
    return elapsed


def make_large_files(folder: Path, count: int, size: int) -> list[Path]:
    folder.mkdir(parents=True)
    pattern = os.urandom(min(PATTERN_BYTES, size))
    paths = []
    for index in range(count):
        path = folder / f"录像-{index}.bin"
        with path.open("wb") as out:
            out.write(f"large file {index}\n".encode())  # each one different: a blob of its own
            left = size - out.tell()
            while left > 0:
                piece = pattern[:left]
                out.write(piece)
                left -= len(piece)
            out.flush()
            os.fsync(out.fileno())
        paths.append(path)
    return paths


def peak_rss_bytes() -> int:
    status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
    return int(status["VmHWM"].split()[0]) * 1024


def reset_peak_rss() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")  # Linux: VmHWM starts again from VmRSS
    except OSError:
        return False
    return True


def cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000, help="small files (default 10 000)")
    parser.add_argument("--size", default="20K", help="size of each small file (default 20K)")
    parser.add_argument("--large-files", type=int, default=4, help="large files (default 4; 0 skips)")
    parser.add_argument("--large-size", default="512M", help="size of each large file (default 512M)")
    parser.add_argument("--runs", type=int, default=1, help="rounds of the small-file pair (default 1)")
    parser.add_argument("--dir", type=Path, default=None, help="where to put the files (default: temp)")
    args = parser.parse_args()
    size, large_size = parse_size(args.size), parse_size(args.large_size)
    with tempfile.TemporaryDirectory(dir=args.dir, prefix="mediseal-bench-") as name:
        folder = Path(name)
        print(f"folder: {describe_folder(folder)}; {cores()} CPUs available")
        small = folder / "small"
        make_small_files(small, args.files, size)
        paths = sorted(small.iterdir())
        read_all(paths)
        base_times, ingest_times = [], []
        for run in range(args.runs):
            settle()
            base_times.append(baseline(paths, folder / f"copies-{run}"))
            settle()
            ingest_times.append(ingest(folder / f"data-{run}", [small], args.files))
        base, ours = statistics.median(base_times), statistics.median(ingest_times)
        ratio = ours / base
        print(f"small files: {args.files:,} of {size / 1024:g} KiB")
        print(f"  baseline (read, SHA-256, SM3, write, fsync; one process): {base:7.2f} s  "
              f"{base / args.files * 1e3:6.2f} ms/file")
        print(f"  ingest_files (SQLite, group commit):                      {ours:7.2f} s  "
              f"{ours / args.files * 1e3:6.2f} ms/file")
        print(f"  ingest / baseline: {ratio:.2f}x; goal <= {GOAL_SMALL:g}x: "
              f"{'met' if ratio <= GOAL_SMALL else 'NOT met'}")

        if args.large_files > 0:
            large = make_large_files(folder / "large", args.large_files, large_size)
            read_all(large[:1])  # warm the code paths; the files themselves are in the page cache
            settle()
            limit = hashing_limit(large)
            settle()
            measured = reset_peak_rss()
            rss_before = peak_rss_bytes()  # after the reset: the resident set now
            ours_large = ingest(folder / "data-large", large, args.large_files)
            rss_peak = peak_rss_bytes()
            total_gib = args.large_files * large_size / (1 << 30)
            ideal = limit / min(cores(), args.large_files)
            print(f"large files: {args.large_files} of {large_size / (1 << 20):g} MiB")
            print(f"  single-stream hashing limit (SHA-256 || SM3, one file after the other): "
                  f"{limit:6.2f} s  {total_gib / limit:5.2f} GiB/s")
            print(f"  ingest_files (files hashed side by side):                              "
                  f"{ours_large:6.2f} s  {total_gib / ours_large:5.2f} GiB/s")
            print(f"  ingest / single-stream limit: {ours_large / limit:.2f}x (ideal with {cores()} cores: "
                  f"{ideal / limit:.2f}x, i.e. {ideal:.2f} s)")
            if measured:
                print(f"  memory: peak RSS {rss_peak / 2**20:.0f} MiB during the large ingest "
                      f"({(rss_peak - rss_before) / 2**20:+.0f} MiB over the resident set before it)")


if __name__ == "__main__":
    main()
