"""The evidence list (证据清单) of a case with 300 items, as a ratio to a one-page reportlab document.

    python bench/evidence_list.py [--items 300] [--runs 5]

On a fresh SQLite data folder under the temp folder: an office, a clerk and a case with ``--items`` small
files taken in (web captures, each its own bytes). Then, warm (the fonts loaded, one list built and
rendered before the timed runs), the median of ``--runs``:

- the baseline: a one-page document (title and one paragraph) rendered by the same ``layout.render``;
- building the list: every item checked as ``mediseal verify --case`` checks it (the file re-hashed
  from the vault, its record against the ledger, its seals);
- rendering it: the grid of items with both digests in full, its header on every page.

Issue 12 asks for the 300-item list in 1 s or less.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from desktop.config import Settings
from desktop.core.cases import matters
from desktop.core.documents.fonts import document_fonts
from desktop.core.documents.generation import DocumentKind, DocumentRequest, build_document
from desktop.core.documents.layout import Document, Text, render
from desktop.core.evidence import intake
from desktop.core.evidence.acquisition import Acquisition, SourceKind
from desktop.core.office import office
from desktop.core.storage.store import OpenStore, open_store
from desktop.core.trust import users
from desktop.core.trust.permissions import Role

PASSWORD = "bench-password-1"
NOW = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)
TODAY = date(2026, 11, 26)


def prepared(folder: Path, count: int) -> tuple[OpenStore, str]:
    """A store with a case holding ``count`` evidence items."""
    store = open_store(Settings(data_dir=folder / "data", database_url=None, lang=None))
    with store.database.session_scope() as session:
        office.create_office(session, "昆明市知识产权纠纷人民调解委员会", "云知", mediation_word="调")
        admin = users.create_first_admin(session, "admin", PASSWORD, "赵文")
        users.add_user(session, admin, "clerk", frozenset({Role.CLERK}), PASSWORD, "孙琳")
    clerk = users.sign_in(store.database, "clerk", PASSWORD)
    with store.database.session_scope() as session:
        number = matters.open_case(session, clerk, "trademark", "普洱茶商标侵权纠纷", NOW).number
    files = folder / "files"
    files.mkdir()
    paths = []
    for index in range(count):
        path = files / f"侵权证据第{index:03d}号网页截图.png"
        path.write_bytes(f"网页截图 {index}".encode() * 50)
        paths.append(path)
    acquisition = Acquisition(SourceKind.WEB_CAPTURE.value, url="https://shop.example.cn/item/1",
                              acquired_at=NOW, acquired_by="赵取证", device="取证电脑一号")
    report = intake.ingest_files(store.database, store.vault, clerk, number, paths, acquisition)
    if report.failures:
        raise SystemExit(f"ingest failed: {report.failures[0]}")
    return store, number


def median(runs: int, work: object) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="mediseal-bench-") as temp:
        store, number = prepared(Path(temp), args.items)
        try:
            document_fonts()
            one_page = Document("证据清单", (Text("申请人张三与被申请人因商标侵权发生纠纷。"),),
                                reference=number)
            request = DocumentRequest(vault=store.vault)

            def build() -> Document:
                with store.database.session_scope() as session:
                    return build_document(session, DocumentKind.EVIDENCE_LIST, number, TODAY, request)[1]

            listed = build()
            pdf = render(listed)  # warm
            render(one_page)
            baseline = median(args.runs, lambda: render(one_page))
            building = median(args.runs, build)
            rendering = median(args.runs, lambda: render(listed))
            pages = len(re.findall(rb"/Type /Page\b(?!s)", pdf))
        finally:
            store.close()
    total = building + rendering
    print(f"one-page document (baseline)      {baseline * 1000:8.1f} ms")
    print(f"{args.items}-item list: check items       {building * 1000:8.1f} ms  ×{building / baseline:6.1f}")
    print(f"{args.items}-item list: render ({pages} pages) {rendering * 1000:8.1f} ms  "
          f"×{rendering / baseline:6.1f}")
    print(f"{args.items}-item list in all               {total * 1000:8.1f} ms  ×{total / baseline:6.1f}"
          f"   (issue 12: ≤ 1000 ms)")
    return 0 if total <= 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
