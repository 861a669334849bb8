"""A second seat in its own process: waits for the go file, then opens cases one per transaction and
prints their numbers (tests/test_case_numbers.py runs two at once)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from desktop.config import Settings
from desktop.core.cases import matters
from desktop.core.storage.store import open_store
from desktop.core.trust import users


def main(data_dir: str, url: str, go_file: str, count: int, kind: str) -> None:
    store = open_store(Settings(data_dir=Path(data_dir), database_url=url or None, lang=None))
    try:
        actor = users.sign_in(store.database, "clerk", "clerk-password-1")
        print("ready", flush=True)
        while not Path(go_file).exists():
            time.sleep(0.01)
        for _ in range(count):
            with store.database.session_scope() as session:
                info = matters.open_case(session, actor, "trademark", "并发登记的案件",
                                         kind=matters.MatterKind(kind))
            print(info.number, flush=True)
    finally:
        store.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5])
