"""Opening the Ledger page at 1 000 000 entries, as a ratio to opening it at 1 000 in the same run.

    python bench/ledger_page.py [--entries N]

Builds two SQLite stores with real ledger entries and Merkle nodes (bulk-inserted: the same rows
``ledger.append`` writes, computed with the same code), then times, for each, what the page does when it
opens: the head its worker thread reads (entry count by the primary key, the newest page with its
subjects in words, the latest checkpoint, the users) and the model's reset to it. A lazy page costs the
same at any size: the goal is a ratio near 1 (under 2). Filtered first pages are timed too, for the
record (a filter that matches often stops early; one that matches rarely reads further back).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import insert, update

from db.models import LedgerEntry, MerkleNode
from db.models import LedgerHead as LedgerHeadRow
from desktop.config import Settings
from desktop.core.integrity.merkle import MemoryNodeStore, MerkleTree
from desktop.core.storage.store import OpenStore, open_store
from desktop.core.trust import checkpoints, ledger
from desktop.core.trust.ledger import Entry, EntryFilter
from desktop.ui.ledger.page import LedgerHead, LedgerModel, read_page

CHUNK = 20_000


def stored_nodes(nodes: MemoryNodeStore, size: int) -> list[dict[str, object]]:
    """Every node a tree of ``size`` leaves stored: the perfect subtrees, level by level (merkle.py)."""
    rows = [{"level": level, "idx": index, "hash": nodes.get(level, index)}
            for level in range(size.bit_length()) for index in range(size >> level)]
    assert len(rows) == len(nodes), (len(rows), len(nodes))
    return rows


def build(folder: Path, entries: int) -> OpenStore:
    store = open_store(Settings(data_dir=folder, database_url=None, lang=None))
    nodes = MemoryNodeStore()
    tree = MerkleTree(nodes, 0)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    with store.database.engine.begin() as connection:
        for first in range(0, entries, CHUNK):
            rows = []
            for seq in range(first, min(first + CHUNK, entries)):
                entry = Entry(seq, start + timedelta(seconds=seq), "notary-07", "evidence.sealed",
                              f"item:{seq}", f"{seq:064x}")
                tree.append(entry.leaf())
                rows.append({"seq": seq, "recorded_at": entry.recorded_at, "actor": entry.actor,
                             "kind": entry.kind, "subject": entry.subject,
                             "subject_sha256": entry.subject_sha256})
            connection.execute(insert(LedgerEntry), rows)
        node_rows = stored_nodes(nodes, entries)
        for first in range(0, len(node_rows), CHUNK * 2):
            connection.execute(insert(MerkleNode), node_rows[first:first + CHUNK * 2])
        connection.execute(update(LedgerHeadRow).values(size=entries))
    return store


def open_page(store: OpenStore, query_filter: EntryFilter | None = None) -> float:
    """What opening the page costs: the head load (run here, as the op runs it) and the model's reset."""
    query_filter = query_filter or EntryFilter()
    started = time.perf_counter()
    first = read_page(store, query_filter, None)
    with store.database.session_scope() as session:
        head = LedgerHead(ledger.size(session), first, checkpoints.latest(session), ledger.actors(session))
    model = LedgerModel(store, PARENT[0])
    model.reset_to(head, query_filter)
    assert model.rowCount() > 0 or not query_filter.empty
    return time.perf_counter() - started


PARENT: list[QWidget] = []
FILTERS = {
    "kind (every entry)": EntryFilter(kinds=("evidence.sealed",)),
    "user": EntryFilter(actor="notary-07"),
    "subject text (item:12345)": EntryFilter(subject_text="item:12345"),
    "date (one day, 2026-01-02)": EntryFilter(since=datetime(2026, 1, 2, tzinfo=UTC),
                                              until=datetime(2026, 1, 3, tzinfo=UTC)),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    entries = parser.parse_args().entries
    app = QApplication(sys.argv[:1])
    PARENT.append(QWidget())
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        small = build(Path(folder) / "small", 1_000)
        large = build(Path(folder) / "large", entries)
        print(f"built stores of 1,000 and {entries:,} entries in {time.perf_counter() - started:.0f} s")
        small_times = [open_page(small) for _ in range(7)]
        large_times = [open_page(large) for _ in range(7)]
        base, big = statistics.median(small_times), statistics.median(large_times)
        print(f"open the page, 1,000 entries:   median {base * 1000:.1f} ms")
        print(f"open the page, {entries:,} entries: median {big * 1000:.1f} ms")
        print(f"ratio: {big / base:.2f}x (goal: under 2, the page is lazy)")
        for name, query_filter in FILTERS.items():
            times = [open_page(large, query_filter) for _ in range(3)]
            print(f"first page filtered by {name}, {entries:,} entries: median "
                  f"{statistics.median(times) * 1000:.1f} ms")
        small.close()
        large.close()
    del app


if __name__ == "__main__":
    main()
