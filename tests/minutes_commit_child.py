"""A seat typing minutes in its own process: adds entries one committed transaction each, printing each
seq once its commit returned; from entry ``typing_from`` on it keeps a draft of the next entry (printing
``draft`` once saved) and takes its time typing it. Runs until it is killed (tests/test_minutes_durable.py
kills it with SIGKILL, as a power cut would)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from desktop.config import Settings
from desktop.core.cases import minutes
from desktop.core.storage.store import open_store
from desktop.core.trust import users

TYPING_SECONDS = 5.0


def main(data_dir: str, url: str, sitting_id: int, password: str, typing_from: int) -> None:
    store = open_store(Settings(data_dir=Path(data_dir), database_url=url or None, lang=None))
    actor = users.sign_in(store.database, "lihua", password)
    print("typing", flush=True)
    seq = 0
    while True:
        if seq >= typing_from:
            with store.database.session_scope() as session:
                minutes.save_draft(session, actor, sitting_id, "respondent", "王强", f"第{seq + 1}句草稿")
            print("draft", flush=True)
            time.sleep(TYPING_SECONDS)
        with store.database.session_scope() as session:
            seq = minutes.add_entry(session, actor, sitting_id, "applicant", "张丽", f"第{seq + 1}句。").seq
        print(seq, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5]))
