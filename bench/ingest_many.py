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
core; a batch can, with files hashed side by side: the ideal is that limit divided by the streams (the
cores, at most ``intake.LARGE_FILES_SIDE_BY_SIDE``). Printed beside it, from the same run: hashing alone
with the files side by side (what this machine gives right now: other load takes cores too), ingest
side by side, and ingest one file after the other; CPU is this process's user + system time. Memory is
the process's peak RSS growth during the side-by-side ingest.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
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


def ingest(folder: Path, sources: list[Path], expected: int) -> tuple[float, float]:
    """Wall-clock and CPU seconds (this process, all threads) of ``ingest_files`` of ``sources`` into a
    fresh store in ``folder`` (made beforehand, untimed)."""
    desk = open_desk(folder)
    try:
        before, started = os.times(), time.perf_counter()
        report = intake.ingest_files(desk.store.database, desk.store.vault, desk.notary, desk.case_number,
                                     sources)
        elapsed, after = time.perf_counter() - started, os.times()
    finally:
        desk.store.close()
    if report.failures or len(report.items) != expected:
        raise SystemExit(f"ingest failed: {len(report.items)} items, failures {report.failures[:3]}")
    return elapsed, after.user + after.system - before.user - before.system


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


def time_with_cpu(step: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (this process, all threads) of ``step``."""
    before, started = os.times(), time.perf_counter()
    step()
    elapsed, after = time.perf_counter() - started, os.times()
    return elapsed, after.user + after.system - before.user - before.system


def small_files(args: argparse.Namespace, folder: Path) -> None:
    size = parse_size(args.size)
    small = folder / "small"
    make_small_files(small, args.files, size)
    paths = sorted(small.iterdir())
    read_all(paths)
    base_times, ingest_times = [], []
    for run in range(args.runs):
        settle()
        base_times.append(baseline(paths, folder / f"copies-{run}"))
        settle()
        ingest_times.append(ingest(folder / f"data-{run}", [small], args.files)[0])
        shutil.rmtree(folder / f"copies-{run}")
        shutil.rmtree(folder / f"data-{run}")
    base, ours = statistics.median(base_times), statistics.median(ingest_times)
    ratio = ours / base
    print(f"small files: {args.files:,} of {size / 1024:g} KiB")
    print(f"  baseline (read, SHA-256, SM3, write, fsync; one process): {base:7.2f} s  "
          f"{base / args.files * 1e3:6.2f} ms/file")
    print(f"  ingest_files (SQLite, group commit):                      {ours:7.2f} s  "
          f"{ours / args.files * 1e3:6.2f} ms/file")
    verdict = "met" if ratio <= GOAL_SMALL else "NOT met"
    print(f"  ingest / baseline: {ratio:.2f}x; goal <= {GOAL_SMALL:g}x: {verdict}")
    shutil.rmtree(small)


def large_files(args: argparse.Namespace, folder: Path) -> None:
    large_size = parse_size(args.large_size)
    large = make_large_files(folder / "large", args.large_files, large_size)
    streams = min(cores(), args.large_files, intake.LARGE_FILES_SIDE_BY_SIDE)
    read_all(large[:1])  # warm the code paths; the files themselves are in the page cache
    total_gib = args.large_files * large_size / (1 << 30)

    def side_by_side_limit() -> None:
        with ThreadPoolExecutor(streams) as pool:
            list(pool.map(lambda path: hashing_limit([path]), large))

    def ingest_large(name: str, slots: int) -> tuple[float, float]:
        intake.LARGE_FILES_SIDE_BY_SIDE = slots
        try:
            return ingest(folder / name, large, args.large_files)
        finally:
            shutil.rmtree(folder / name)

    settle()
    limit, limit_cpu = time_with_cpu(lambda: hashing_limit(large))
    settle()
    parallel, parallel_cpu = time_with_cpu(side_by_side_limit)
    settle()
    measured = reset_peak_rss()
    rss_before = peak_rss_bytes()  # after the reset: the resident set now
    ours, ours_cpu = ingest_large("data-large", streams)
    rss_peak = peak_rss_bytes()
    settle()
    serial, serial_cpu = ingest_large("data-serial", 1)

    def line(label: str, seconds: float, cpu: float) -> str:
        return (f"  {label:<58} {seconds:6.2f} s  {total_gib / seconds:5.2f} GiB/s  {seconds / limit:5.2f}x  "
                f"CPU {cpu:5.2f} s")

    print(f"large files: {args.large_files} of {large_size / (1 << 20):g} MiB; {streams} side by side "
          f"(ideal: {1 / streams:.2f}x the single-stream limit)")
    print(line("single-stream hashing limit (SHA-256 || SM3, in turn):", limit, limit_cpu))
    print(line(f"hashing alone, {streams} files side by side:", parallel, parallel_cpu))
    print(line(f"ingest_files, {streams} files side by side:", ours, ours_cpu))
    print(line("ingest_files, one file after the other:", serial, serial_cpu))
    if measured:
        print(f"  memory: peak RSS {rss_peak / 2**20:.0f} MiB during the side-by-side ingest "
              f"({(rss_peak - rss_before) / 2**20:+.0f} MiB over the resident set before it)")
    if parallel > 0.8 * limit:
        print("  hashing alone gains little side by side here: the other cores are busy (other load on the "
              "machine), so neither can ingest; compare the two ingest lines, run under the same load.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000, help="small files (default 10 000; 0 skips)")
    parser.add_argument("--size", default="20K", help="size of each small file (default 20K)")
    parser.add_argument("--large-files", type=int, default=4, help="large files (default 4; 0 skips)")
    parser.add_argument("--large-size", default="512M", help="size of each large file (default 512M)")
    parser.add_argument("--runs", type=int, default=1, help="rounds of the small-file pair (default 1)")
    parser.add_argument("--dir", type=Path, default=None, help="where to put the files (default: temp)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir, prefix="mediseal-bench-") as name:
        folder = Path(name)
        print(f"folder: {describe_folder(folder)}; {cores()} CPUs available")
        if args.files > 0:
            small_files(args, folder)
        if args.large_files > 0:
            large_files(args, folder)


if __name__ == "__main__":
    main()
