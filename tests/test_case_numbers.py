"""Case numbers under concurrent use: two processes opening matters of both kinds at once against one
store (a PostgreSQL server, or one SQLite file) never get the same number and leave no gap."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from desktop.config import Settings
from desktop.core.cases import matters
from desktop.core.office import office
from desktop.core.storage.store import open_store
from desktop.core.trust import users
from desktop.core.trust.permissions import Role

PER_PROCESS = 15


def test_two_processes_never_share_a_number(settings: Settings, tmp_path: Path) -> None:
    store = open_store(settings)
    with store.database.session_scope() as session:
        office.create_office(session, "昆明市知识产权纠纷人民调解委员会", "云知", mediation_word="调",
                             notarial_prefix="云昆", notarial_word="证")
        admin = users.create_first_admin(session, "admin", "admin-password-1", "赵文")
        users.add_user(session, admin, "clerk", frozenset({Role.CLERK}), "clerk-password-1", "孙琳")
    store.close()
    go = tmp_path / "go"
    children = []
    for kind in ("mediation", "notarial", "mediation"):
        command = [sys.executable, "-m", "tests.open_cases_child", str(settings.data_dir),
                   settings.database_url or "", str(go), str(PER_PROCESS), kind]
        children.append(subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                         cwd=Path(__file__).resolve().parent.parent))
    for child in children:
        assert child.stdout is not None and child.stderr is not None
        first = child.stdout.readline().strip()
        assert first == "ready", child.stderr.read()
    go.touch()
    printed: list[str] = []
    for child in children:
        out, err = child.communicate(timeout=300)
        assert child.returncode == 0, err
        printed += out.split()
    assert len(printed) == len(set(printed)) == 3 * PER_PROCESS
    serials: dict[str, list[int]] = {}
    for number in printed:
        found = re.fullmatch(r"（2\d{3}）(\S+)字第(\d{4})号", number)
        assert found is not None, number
        serials.setdefault(found.group(1), []).append(int(found.group(2)))
    assert sorted(len(values) for values in serials.values()) == [PER_PROCESS, 2 * PER_PROCESS]
    for values in serials.values():
        assert sorted(values) == list(range(1, len(values) + 1))  # gap-free, each series from 1
    store = open_store(settings)
    try:
        with store.database.session_scope() as session:
            assert len(matters.list_cases(session)) == 3 * PER_PROCESS
    finally:
        store.close()
