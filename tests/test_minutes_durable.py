"""Every confirmed entry survives a kill -9 in mid-sitting, on SQLite and PostgreSQL: a child process
types entries, each committed at once, and is killed with SIGKILL, either while it commits the next
entries or while a draft of the next one waits; after it, every entry whose commit had returned is there,
in order with no gap, the draft too, and the store verifies clean (a transaction cut off left nothing
half-written, the ledger included)."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.cases import minutes
from desktop.core.storage.store import OpenStore
from tests.sitting_hall import MEDIATOR_PASSWORD, Hall

CONFIRMED_BEFORE_KILL = 15
NEVER = 10**9


@pytest.mark.parametrize("while_typing_a_draft", [False, True])
def test_confirmed_entries_and_the_draft_survive_a_kill(store: OpenStore, while_typing_a_draft: bool) -> None:
    hall = Hall(store)
    sitting = hall.schedule()
    typing_from = CONFIRMED_BEFORE_KILL if while_typing_a_draft else NEVER
    command = [sys.executable, "-m", "tests.minutes_commit_child", str(store.folder.root),
               store.database_url if store.database.kind == "postgresql" else "", str(sitting.id),
               MEDIATOR_PASSWORD, str(typing_from)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             cwd=Path(__file__).resolve().parent.parent)
    printed: list[int] = []
    try:
        assert child.stdout is not None and child.stderr is not None
        first = child.stdout.readline()
        assert first.startswith("typing"), child.stderr.read()
        while len(printed) < CONFIRMED_BEFORE_KILL:
            printed.append(int(child.stdout.readline()))
        if while_typing_a_draft:
            assert child.stdout.readline().strip() == "draft"
        child.send_signal(signal.SIGKILL)  # in the middle of the next entry's transaction, or its typing
    finally:
        child.wait(timeout=60)
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()
    assert child.returncode == -signal.SIGKILL
    with hall.database.session_scope() as session:
        stored = minutes.entries(session, sitting.id)
        draft = minutes.draft_of(session, hall.lihua, sitting.id)
    seqs = [entry.seq for entry in stored]
    assert seqs == list(range(1, len(seqs) + 1)) and seqs[:len(printed)] == printed
    assert [entry.text for entry in stored[:2]] == ["第1句。", "第2句。"]
    if while_typing_a_draft:
        assert len(seqs) == CONFIRMED_BEFORE_KILL
        assert draft is not None and (draft.speaker, draft.text) == (
            "王强", f"第{CONFIRMED_BEFORE_KILL + 1}句草稿")
    assert hall.findings() == []
