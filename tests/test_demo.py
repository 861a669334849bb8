"""``mediseal demo`` on SQLite and PostgreSQL: the sample store verifies clean, the same seed gives the same
cases, and a store with any case (a real one, or an earlier demo's) is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from db.models import MediationCase
from desktop.cli import EXIT_OK, EXIT_REFUSED, run
from desktop.cli.commands import demo as demo_command
from desktop.config import Settings
from desktop.core.cases import demo
from desktop.core.storage.store import open_store

STAFF_PASSWORD = "demo-staff-pass-1"


def _cases(settings: Settings) -> list[tuple[str, str, str]]:
    store = open_store(settings)
    try:
        with store.database.session_scope() as session:
            return [tuple(row) for row in session.execute(
                select(MediationCase.number, MediationCase.title, MediationCase.party_names)
                .order_by(MediationCase.id))]
    finally:
        store.close()


def test_demo_writes_a_store_that_verifies_clean(cli_env: Settings, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    monkeypatch.setenv("MEDISEAL_NEW_PASSWORD", STAFF_PASSWORD)
    assert run(["office", "set", "--notarial-prefix", "云玉"]) == EXIT_OK
    assert run(["demo", "--cases", "300", "--seed", "7"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Wrote 300 sample cases" in out and "lihua" in out and STAFF_PASSWORD not in out
    assert run(["verify"]) == EXIT_OK
    assert "Clean." in capsys.readouterr().out
    made = _cases(cli_env)
    assert len(made) == 300

    # a second run on the demo store is refused (exit 1), and changes nothing
    assert run(["demo", "--cases", "10", "--seed", "7"]) == EXIT_REFUSED
    assert "already holds sample data (cases=300 seed=7)" in capsys.readouterr().err
    assert _cases(cli_env) == made

    # the same seed (the same day) gives the same cases in another store, on SQLite whatever made the first
    other = tmp_path / "other"
    monkeypatch.delenv("MEDISEAL_DATABASE_URL", raising=False)
    monkeypatch.setenv("MEDISEAL_DATA_DIR", str(other))
    monkeypatch.setenv("MEDISEAL_NEW_PASSWORD", "admin-password-1")
    assert run(["init", "--office", "玉溪调解中心", "--admin", "admin", "--real-name", "张伟"]) == EXIT_OK
    monkeypatch.setenv("MEDISEAL_NEW_PASSWORD", STAFF_PASSWORD)
    assert run(["office", "set", "--notarial-prefix", "云玉"]) == EXIT_OK
    assert run(["demo", "--cases", "300", "--seed", "7"]) == EXIT_OK
    assert _cases(Settings(data_dir=other, database_url=None, lang=None)) == made
    assert run(["demo", "--cases", "300", "--seed", "8"]) == EXIT_REFUSED


def test_demo_refuses_a_store_with_a_real_case(cli_env: Settings, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("MEDISEAL_NEW_PASSWORD", "clerk-password-1")
    assert run(["user", "add", "clerk", "--real-name", "孙琳", "--role", "clerk"]) == EXIT_OK
    monkeypatch.setenv("MEDISEAL_USER", "clerk")
    monkeypatch.setenv("MEDISEAL_PASSWORD", "clerk-password-1")
    assert run(["case", "new", "--type", "trademark", "--title", "某商标侵权纠纷"]) == EXIT_OK
    capsys.readouterr()
    monkeypatch.setenv("MEDISEAL_USER", "admin")
    monkeypatch.setenv("MEDISEAL_PASSWORD", "admin-password-1")
    monkeypatch.setenv("MEDISEAL_NEW_PASSWORD", STAFF_PASSWORD)
    assert run(["demo", "--cases", "20"]) == EXIT_REFUSED
    assert "already holds cases" in capsys.readouterr().err
    assert len(_cases(cli_env)) == 1


def test_demo_needs_an_administrator(cli_env: Settings, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("MEDISEAL_NEW_PASSWORD", "clerk-password-1")
    assert run(["user", "add", "clerk", "--real-name", "孙琳", "--role", "clerk"]) == EXIT_OK
    monkeypatch.setenv("MEDISEAL_USER", "clerk")
    monkeypatch.setenv("MEDISEAL_PASSWORD", "clerk-password-1")
    assert run(["demo", "--cases", "20"]) == EXIT_REFUSED
    assert _cases(cli_env) == []


def test_the_command_line_states_the_demo_as_core_has_it() -> None:
    assert (demo_command.DEFAULT_CASES, demo_command.DEFAULT_SEED) == (demo.DEFAULT_CASES, demo.DEFAULT_SEED)
    for login, name, _role in demo.STAFF:
        assert f"{name} ({login})" in demo_command.STAFF


def test_an_office_without_a_notarial_series_gets_mediation_cases_only(
        cli_env: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("MEDISEAL_NEW_PASSWORD", STAFF_PASSWORD)
    assert run(["demo", "--cases", "200", "--seed", "7"]) == EXIT_OK
    captured = capsys.readouterr()
    assert "notarial matters: the office has no notarial number series" in captured.err
    made = _cases(cli_env)
    assert 0 < len(made) < 200 and all("调字第" in number for number, _title, _parties in made)
    assert run(["verify"]) == EXIT_OK
