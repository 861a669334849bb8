"""Ingest of one large file, as ratios to the hashing limit and to a naive copy measured in the same run.

    python bench/ingest.py [--size 2G] [--runs 3] [--dir FOLDER]

The source file (random bytes: 64 MiB of os.urandom repeated) is written and fsynced first, so it sits
clean in the page cache and no writeback of it overlaps the timings. Each round times, in this order:

- hashing limit: SHA-256 and SM3 computed concurrently (SHA-256 on the reading thread, SM3 on a second
  one) over the file read once in 4 MiB chunks; the best any ingest that computes both could do;
- SM3 alone: one pass on one thread (the floor under the limit: SM3 cannot be split across cores);
- naive: a hashlib SHA-256 pass, an SM3 pass, shutil.copy and fsync of the copy;
- ours: ``LocalVault.store`` into a vault on the same file system (temp file, fsync, rename, fsync of
  the folder, read-only);
- ingest: ``intake.ingest_files`` through a real SQLite store (the vault plus MIME sniffing, the item
  row, its canonical record and its ledger entry).

Rounds alternate the five; medians are compared. The CPU column is this process's user + system time
(all its threads; not the kernel's own writeback threads): a figure that other load on the machine
does not move, unlike the wall-clock times. Goals (issue 5): ours <= 1.1x the hashing limit and
<= 0.5x the naive baseline. Where a goal cannot be met on this machine the output says so and why.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import queue
import shutil
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.config import Settings
from desktop.core.cases import matters as cases
from desktop.core.evidence import intake
from desktop.core.integrity.digests import CHUNK_BYTES
from desktop.core.office import office
from desktop.core.storage.store import OpenStore, open_store
from desktop.core.storage.vault.local import LocalVault
from desktop.core.trust import users
from desktop.core.trust.permissions import Actor, Role

PATTERN_BYTES = 64 * 1024 * 1024
NOTARY, PASSWORD = "notary", "bench-password-1"


# --- set-up shared with bench/verify.py -------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Desk:
    """A SQLite store with an office, a notary and one case."""

    store: OpenStore
    notary: Actor
    case_number: str


def open_desk(folder: Path) -> Desk:
    store = open_store(Settings(data_dir=folder, database_url=None, lang=None))
    with store.database.session_scope() as session:
        office.create_office(session, "基准测试公证处", "基准")
        admin = users.create_first_admin(session, "admin", PASSWORD, "张伟")
        users.add_user(session, admin, NOTARY, frozenset({Role.NOTARY}), PASSWORD, "李华")
    notary = users.sign_in(store.database, NOTARY, PASSWORD)
    with store.database.session_scope() as session:
        case_number = cases.open_case(session, notary, "copyright", "基准测试案件").number
    return Desk(store, notary, case_number)


def parse_size(text: str) -> int:
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    text = text.strip().upper().removesuffix("IB").removesuffix("B")
    if text and text[-1] in units:
        return int(float(text[:-1]) * units[text[-1]])
    return int(text)


def describe_folder(path: Path) -> str:
    """The file system a path lives on, from /proc/mounts (longest matching mount point)."""
    try:
        mounts = [line.split()[:3] for line in Path("/proc/mounts").read_text().splitlines()]
    except OSError:
        return str(path)
    real = str(path.resolve())
    best = max((m for m in mounts if real == m[1] or real.startswith(m[1].rstrip("/") + "/")),
               key=lambda m: len(m[1]), default=None)
    return f"{path} ({best[2]} on {best[0]})" if best else str(path)


def hashing_limit(paths: list[Path]) -> float:
    """Seconds to compute both digests of each file, each file read once, SM3 on a second thread that
    lives for the whole batch (no per-file thread start)."""
    chunks: queue.Queue[bytes | hashlib._Hash | None] = queue.Queue(8)

    def sm3_worker() -> None:
        current = hashlib.new("sm3")
        while (item := chunks.get()) is not None:
            if isinstance(item, bytes):
                current.update(item)
            else:
                current.hexdigest()
                current = hashlib.new("sm3")

    started = time.perf_counter()
    worker = threading.Thread(target=sm3_worker)
    worker.start()
    marker = hashlib.sha256()  # any non-bytes object: "this file is done"
    for path in paths:
        sha256 = hashlib.sha256()
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK_BYTES):
                chunks.put(chunk)
                sha256.update(chunk)
        sha256.hexdigest()
        chunks.put(marker)
    chunks.put(None)
    worker.join()
    return time.perf_counter() - started


def sm3_alone(path: Path) -> float:
    started = time.perf_counter()
    digest = hashlib.new("sm3")
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK_BYTES):
            digest.update(chunk)
    digest.hexdigest()
    return time.perf_counter() - started


def naive(path: Path, copy: Path) -> float:
    started = time.perf_counter()
    for name in ("sha256", "sm3"):
        digest = hashlib.new(name)
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK_BYTES):
                digest.update(chunk)
        digest.hexdigest()
    shutil.copy(path, copy)
    descriptor = os.open(copy, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    elapsed = time.perf_counter() - started
    copy.unlink()
    return elapsed


def remove_blob(vault: LocalVault, sha256: str) -> None:
    blob = vault.path(sha256)
    blob.chmod(0o644)
    blob.unlink()


def ours(vault: LocalVault, path: Path) -> float:
    started = time.perf_counter()
    with path.open("rb") as handle:
        stored = vault.store(handle, lambda _done: None)
    elapsed = time.perf_counter() - started
    remove_blob(vault, stored.digests.sha256)  # the next round stores it anew, not as a duplicate
    return elapsed


def ingest(desk: Desk, path: Path) -> float:
    started = time.perf_counter()
    report = intake.ingest_files(desk.store.database, desk.store.vault, desk.notary, desk.case_number,
                                   [path])
    elapsed = time.perf_counter() - started
    if report.failures or len(report.items) != 1:
        raise SystemExit(f"ingest failed: {report.failures}")
    remove_blob(desk.store.vault, report.items[0].sha256)
    return elapsed


def make_source(path: Path, size: int) -> None:
    pattern = os.urandom(min(PATTERN_BYTES, size))
    with path.open("wb") as out:
        left = size
        while left:
            piece = pattern[:left]
            out.write(piece)
            left -= len(piece)
        out.flush()
        os.fsync(out.fileno())  # clean pages: no writeback of the source runs during the timings


def settle() -> None:
    """Let earlier writes and discards finish before the next timing."""
    if hasattr(os, "sync"):
        os.sync()
    time.sleep(0.5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="2G", help="file size, e.g. 2G, 512M (default 2G)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=None, help="where to put the files (default: temp)")
    args = parser.parse_args()
    size = parse_size(args.size)
    with tempfile.TemporaryDirectory(dir=args.dir, prefix="mediseal-bench-") as name:
        folder = Path(name)
        print(f"folder: {describe_folder(folder)}; {os.cpu_count()} CPUs; file {size / (1 << 30):.2f} GiB")
        source = folder / "source.bin"
        make_source(source, size)
        sm3_alone(source)  # warm the page cache and the code paths once, untimed
        desk = open_desk(folder / "data")
        vault = LocalVault(folder / "vault")
        timings: dict[str, list[float]] = {key: [] for key in ("limit", "sm3", "naive", "ours", "ingest")}
        cpu: dict[str, list[float]] = {key: [] for key in timings}
        steps: dict[str, Callable[[], float]] = {
            "limit": lambda: hashing_limit([source]), "sm3": lambda: sm3_alone(source),
            "naive": lambda: naive(source, folder / "copy.bin"), "ours": lambda: ours(vault, source),
            "ingest": lambda: ingest(desk, source)}
        for _ in range(args.runs):
            for key, step in steps.items():
                settle()
                before = os.times()
                timings[key].append(step())
                after = os.times()
                cpu[key].append(after.user + after.system - before.user - before.system)
        desk.store.close()
    median = {key: statistics.median(values) for key, values in timings.items()}
    gib = size / (1 << 30)

    def line(label: str, key: str) -> str:
        values = " ".join(f"{value:.2f}" for value in timings[key])
        return (f"{label:<34} median {median[key]:6.2f} s  {gib / median[key]:5.2f} GiB/s  "
                f"CPU {statistics.median(cpu[key]):5.2f} s  (runs: {values})")

    print(line("hashing limit (SHA-256 || SM3):", "limit"))
    print(line("SM3 alone, one thread:", "sm3"))
    print(line("naive (2 passes + copy + fsync):", "naive"))
    print(line("ours, LocalVault.store:", "ours"))
    print(line("ours, ingest_files (SQLite):", "ingest"))
    to_limit, to_naive = median["ours"] / median["limit"], median["ours"] / median["naive"]
    ingest_to_limit = median["ingest"] / median["limit"]
    ingest_to_naive = median["ingest"] / median["naive"]
    best_possible = median["limit"] / median["naive"]
    print(f"ours / hashing limit:   {to_limit:.2f}x (store), {ingest_to_limit:.2f}x (ingest_files); "
          f"goal <= 1.1x: {'met' if max(to_limit, ingest_to_limit) <= 1.1 else 'NOT met'}")
    print(f"ours / naive:           {to_naive:.2f}x (store), {ingest_to_naive:.2f}x (ingest_files); "
          f"goal <= 0.5x: {'met' if max(to_naive, ingest_to_naive) <= 0.5 else 'NOT met'}")
    if best_possible > 0.5:
        share = median["sm3"] / median["naive"]
        print(f"  the 0.5x goal is out of reach on this machine: even the hashing limit alone is "
              f"{best_possible:.2f}x the naive baseline. SM3 runs on one core at "
              f"{gib / median['sm3']:.2f} GiB/s ({median['sm3']:.2f} s, {share:.0%} of the naive time) "
              "and cannot be split across cores (each block chains on the last), so no ingest that "
              "computes SM3 can take less; the naive baseline only adds SHA-256, a copy and an fsync.")
    if max(to_limit, ingest_to_limit) > 1.1:
        cpu_ours, cpu_limit = statistics.median(cpu["ours"]), statistics.median(cpu["limit"])
        spread = max(timings["limit"]) / min(timings["limit"])
        print(f"  the 1.1x goal is missed: ours used {cpu_ours:.2f} CPU s against the limit's "
              f"{cpu_limit:.2f}; the difference is the copy into the vault and its fsync. The limit's own "
              f"runs differ by {spread - 1:.0%}: other load on the machine moves these wall-clock figures.")

if __name__ == "__main__":
    main()
