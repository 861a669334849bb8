"""Opening the Ledger page at 1 000 000 entries, as a ratio to opening it at 1 000 in the same run.

    python bench/ledger_page.py [--entries N]

Builds two SQLite stores with real ledger entries and Merkle nodes (bulk-inserted: the same rows
``ledger.append`` writes, computed with the same code), then times, for each, what the page does when it
opens: the model's reset (entry count by the primary key) and the first page the view asks for. A lazy
page costs the same at any size: the goal is a ratio near 1 (under 2).
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

from PySide6.QtWidgets import QApplication
from sqlalchemy import insert, update

from db.models import LedgerEntry, LedgerHead, MerkleNode
from desktop.config import Settings
from desktop.core.integrity.merkle import MemoryNodeStore, MerkleTree
from desktop.core.storage.store import OpenStore, open_store
from desktop.core.trust.ledger import Entry
from desktop.ui.ledger.page import LedgerModel

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
        connection.execute(update(LedgerHead).values(size=entries))
    return store


def open_page(store: OpenStore) -> float:
    started = time.perf_counter()
    model = LedgerModel(store)
    model.fetchMore()
    assert model.rowCount() > 0
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    entries = parser.parse_args().entries
    app = QApplication(sys.argv[:1])
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
        small.close()
        large.close()
    del app


if __name__ == "__main__":
    main()
