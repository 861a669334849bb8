"""The command line's one error boundary: internal errors exit 3 and reach the log (even before the log
is open), a closed pipe ends quietly, bad bytes in argv are bad input, listings cannot be forged by a
value holding a newline; and every file the command line writes goes through the durable writer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, run
from desktop.cli.common import one_line
from desktop.config import Settings
from desktop.core.exchange import proofs
from desktop.core.integrity import durable
from desktop.core.storage import store as store_module
from desktop.core.storage.store import open_store
from desktop.core.trust import ledger
from desktop.core.trust.events import EventKind

MEDISEAL = Path(sys.executable).with_name("mediseal")
ADMIN_PASSWORD = "admin-password-1"


def _log(settings: Settings) -> str:
    return (settings.data_dir / "logs" / "mediseal.log").read_text(encoding="utf-8")


def _append(settings: Settings, count: int, subject: str = "item") -> None:
    store = open_store(settings)
    try:
        with store.database.session_scope() as session:
            for step in range(count):
                ledger.append(session, "admin", EventKind.EVIDENCE_VIEWED, f"{subject}:{step}")
    finally:
        store.close()


# --- internal errors --------------------------------------------------------------------------------
def test_internal_error_in_a_command_exits_3_and_reaches_the_log(
        cli_env: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def broken(*_args: object, **_kwargs: object) -> list[object]:
        raise RuntimeError("a bug inside a command")

    monkeypatch.setattr(ledger, "iter_entries", broken)
    capsys.readouterr()
    assert run(["ledger"]) == EXIT_INTERNAL
    err = capsys.readouterr().err
    assert "internal error" in err and "mediseal.log" in err and "Traceback" not in err
    logged = _log(cli_env)
    assert "a bug inside a command" in logged and "Traceback" in logged


def test_internal_error_before_the_log_opens_exits_3_and_reaches_the_log(
        cli_env: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def broken(*_args: object, **_kwargs: object) -> object:
        raise RuntimeError("a bug before logging starts")

    monkeypatch.setattr(store_module, "preflight", broken)
    capsys.readouterr()
    assert run(["ledger"]) == EXIT_INTERNAL
    err = capsys.readouterr().err
    assert "internal error" in err and "Traceback" not in err
    assert "a bug before logging starts" in _log(cli_env)


def test_internal_error_with_no_data_folder_exits_3_and_creates_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def broken(*_args: object, **_kwargs: object) -> object:
        raise RuntimeError("a bug with no data folder")

    monkeypatch.setattr(store_module, "preflight", broken)
    assert run(["ledger", "--data-dir", str(tmp_path / "none")]) == EXIT_INTERNAL
    assert "a bug with no data folder" in capsys.readouterr().err  # no log to name: the details here
    assert not (tmp_path / "none").exists()


def test_closed_pipe_ends_quietly_with_exit_3(cli_env: Settings) -> None:
    _append(cli_env, 600)  # well over a pipe's buffer of JSON
    listing = subprocess.Popen([str(MEDISEAL), "ledger", "--json"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=os.environ.copy())
    assert listing.stdout is not None and listing.stderr is not None
    assert len(listing.stdout.read(10)) == 10  # as `| head -c 10` does
    listing.stdout.close()
    err = listing.stderr.read().decode()
    assert listing.wait(timeout=60) == EXIT_INTERNAL
    assert err == ""
    assert "output closed" in _log(cli_env)


def test_invalid_utf8_in_a_user_name_is_bad_input(cli_env: Settings) -> None:
    for argv in ([b"user", b"add", b"\xff\xfe", b"--real-name", "李四".encode(), b"--role", b"clerk"],
                 [b"key", b"new", b"--user", b"\xff"], [b"checkpoint", b"--user", b"adm\xc3in"]):
        done = subprocess.run([os.fsencode(MEDISEAL), *argv], capture_output=True, env=os.environ.copy(),
                              timeout=60)
        err = done.stderr.decode("utf-8", "replace")
        assert done.returncode == EXIT_USAGE, err
        assert "Traceback" not in err and "UTF-8" in err and len(err.strip().splitlines()) == 1
        assert "\\xff" in err or "\\xc3" in err  # the bytes as given, not a doubled escape
        assert "\\\\x" not in err


def test_invalid_utf8_in_the_user_variable_is_bad_input(cli_env: Settings, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("MEDISEAL_USER", "adm\udcffin")
    assert run(["checkpoint"]) == EXIT_USAGE
    assert "UTF-8" in capsys.readouterr().err


# --- listings, one line per entry ---------------------------------------------------------------------
def test_a_newline_in_a_subject_cannot_forge_a_ledger_line(cli_env: Settings,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    forged = "user:x\n99  2026-01-01 00:00:00  admin  key.revoked  key:abc"
    store = open_store(cli_env)
    try:  # as an older store holds it: a failed sign-in named with a newline
        with store.database.session_scope() as session:
            ledger.append(session, "-", EventKind.SIGN_IN_FAILED, forged)
            ledger.append(session, "-", EventKind.SIGN_IN_FAILED, "user:tab\there\\n\u202eevil\x1b")
            size = ledger.size(session)
    finally:
        store.close()
    capsys.readouterr()
    assert run(["ledger"]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 + size  # the header and one line per entry
    assert lines[-2].rstrip().endswith("user:x\\n99  2026-01-01 00:00:00  admin  key.revoked  key:abc")
    assert "user:tab\\there\\\\n\\u202eevil\\x1b" in lines[-1]


@pytest.mark.parametrize(("value", "shown"), [
    ("plain 中文　text", "plain 中文　text"),
    ("a\nb\rc\td", "a\\nb\\rc\\td"),
    ("back\\slash", "back\\\\slash"),
    ("\x00\x1b\x7f", "\\x00\\x1b\\x7f"),
    ("\u202e\u2066\u2028\u2029\ufeff", "\\u202e\\u2066\\u2028\\u2029\\ufeff"),
    ("\udcff", "\\udcff"),
    ("\U000e0001", "\\U000e0001"),
])
def test_one_line_escapes_what_could_break_a_line(value: str, shown: str) -> None:
    assert one_line(value) == shown


# --- files written out -----------------------------------------------------------------------------
def test_exported_certificate_goes_through_the_durable_writer(
        cli_env: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run(["key", "new"]) == EXIT_OK
    written: list[Path] = []
    real = durable.new_file

    def watched(path: Path) -> object:
        written.append(path)
        return real(path)

    monkeypatch.setattr(durable, "new_file", watched)
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / ("c" * 251 + ".pem")  # a 255-byte name
    assert run(["key", "export-cert", "--user", "admin", "--out", str(target)]) == EXIT_OK
    assert written == [target] and target.read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")
    assert run(["key", "export-cert", "--user", "admin", "--out", str(target)]) == EXIT_USAGE
    assert [path.name for path in target.parent.iterdir()] == [target.name]


def test_proof_is_plain_data_from_core_and_written_durably(
        cli_env: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("MEDISEAL_NEW_PASSWORD", "notary-password-1")
    assert run(["user", "add", "lihua", "--real-name", "李华", "--role", "notary"]) == EXIT_OK
    monkeypatch.setenv("MEDISEAL_USER", "lihua")
    monkeypatch.setenv("MEDISEAL_PASSWORD", "notary-password-1")
    assert run(["key", "new"]) == EXIT_OK
    assert run(["case", "new", "--type", "patent", "--title", "发明专利侵权"]) == EXIT_OK
    number = capsys.readouterr().out.strip().splitlines()[-1]
    (tmp_path / "a.txt").write_bytes("证据".encode())
    assert run(["evidence", "add", "--case", number, str(tmp_path / "a.txt"), "--seal"]) == EXIT_OK
    assert run(["checkpoint"]) == EXIT_OK  # a proof rests on a checkpoint that covers the item
    store = open_store(cli_env)
    try:
        with store.database.session_scope() as session:
            proof = proofs.item_proof(session, 1)
    finally:
        store.close()
    names = [name for name, _data in proof.files]
    assert names[:4] == ["record.json", "seal-1.json", "seal-1.sig", "seal-1.pem"]
    assert names[-5:] == ["inclusion.json", "checkpoint.json", "checkpoint.sig", "checkpoint.pem",
                          "README.txt"]
    assert json.loads(dict(proof.files)["record.json"])["sha256"] == proof.item.sha256
    written: list[Path] = []
    real = durable.new_file

    def watched(path: Path) -> object:
        written.append(path)
        return real(path)

    monkeypatch.setattr(durable, "new_file", watched)
    out = tmp_path / "proof"
    assert run(["evidence", "proof", "1", "--out", str(out)]) == EXIT_OK
    assert sorted(path.name for path in written) == sorted(name for name, _data in proof.files)
    assert {path.name: path.read_bytes() for path in out.iterdir()} == dict(proof.files)
