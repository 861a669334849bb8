"""``mediseal backup`` and ``restore``: a store with cases, evidence, keys and a signed document is backed up
(SQLite and PostgreSQL), restored into a new folder (SQLite) where ``mediseal verify`` is clean with the same
ledger root; a changed byte, an existing non-empty folder, entries escaping the folder or a link are
refused with nothing written; a backup taken while another connection writes has a ledger that verifies."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import stat
import threading
import warnings
import zipfile
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, run
from desktop.config import Settings
from desktop.core.exchange.backup import HEADER, MANIFEST, PG_DUMP_FILE, SQLITE_FILE
from desktop.core.storage.store import open_store
from desktop.core.trust import ledger
from desktop.core.trust.events import EventKind
from tests.postgres_cluster import PostgresCluster


def _json(capsys: pytest.CaptureFixture[str]) -> Any:
    return json.loads(capsys.readouterr().out)


@pytest.fixture
def filled(cli_env: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
           tmp_path: Path) -> Settings:
    """The CLI's office with demo cases and evidence, the admin's signing key, a signed document and a
    checkpoint."""
    monkeypatch.setenv("MEDISEAL_NEW_PASSWORD", "demo-staff-pass-1")
    assert run(["office", "set", "--notarial-prefix", "云玉"]) == EXIT_OK
    assert run(["demo", "--cases", "8", "--seed", "3"]) == EXIT_OK
    assert run(["key", "new"]) in (EXIT_OK, EXIT_REFUSED)  # init may have made one already
    capsys.readouterr()
    assert run(["case", "list", "--json"]) == EXIT_OK
    number = _json(capsys)[0]["number"]
    assert run(["document", "registration", "--case", number, "--out", str(tmp_path / "reg.pdf"),
                "--sign"]) == EXIT_OK
    assert run(["checkpoint"]) == EXIT_OK
    capsys.readouterr()
    return cli_env


def _ledger_root(settings: Settings) -> tuple[int, str]:
    store = open_store(settings)
    try:
        with store.database.session_scope() as session:
            tree = ledger.tree(session)
            return tree.size, tree.root().hex()
    finally:
        store.close()


REASONS = {"lie": "keys/signing_keys.json: size", "same size": "keys/signing_keys.json: SHA-256",
           "escape": "points outside the folder", "link": "is not a plain file", "extra": "unexpected entry",
           "duplicate": "appears twice", "bomb": "would grow", "missing": "MANIFEST does not match"}


def _rewrite(source: Path, target: Path, change: Any) -> None:
    """A copy of the archive with ``change(name, data) -> [(name, data, mode)]`` applied to each entry."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            for name, data, mode in change(info.filename, old.read(info)):
                made = zipfile.ZipInfo(name)
                made.external_attr = mode << 16
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # "Duplicate name": what the duplicate case makes
                    new.writestr(made, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_backup_restore_verify_on_sqlite(filled: Settings, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    size, root = _ledger_root(filled)
    (filled.data_dir / "ui.ini").write_text("[window]\nlanguage=zh_CN\n", encoding="utf-8")
    archive = tmp_path / "backup.zip"
    assert run(["backup", "--out", str(archive), "--json"]) == EXIT_OK
    report = _json(capsys)
    assert (report["ledger_size"], report["ledger_root"]) == (size, root)
    assert report["database_kind"] == "sqlite" and report["blobs"] > 0

    # a verifiable archive: every entry in the manifest with its digest and size; blobs stored
    with zipfile.ZipFile(archive) as opened:
        lines = opened.read(MANIFEST).decode().splitlines()
        listed = {line.split("  ")[2]: line.split("  ")[:2] for line in lines}
        assert set(listed) == {info.filename for info in opened.infolist()} - {MANIFEST}
        for name, (sha256, length) in listed.items():
            data = opened.read(name)
            assert (hashlib.sha256(data).hexdigest(), len(data)) == (sha256, int(length))
        blobs = [info for info in opened.infolist() if info.filename.startswith("vault/")]
        assert blobs and all(info.compress_type == zipfile.ZIP_STORED for info in blobs)
        header = json.loads(opened.read(HEADER))
        assert header["ledger_size"] == size and header["ledger_root_sha256"] == root
        assert "settings/ui.ini" in listed and "keys/signing_keys.json" in listed
        keys = json.loads(opened.read("keys/signing_keys.json"))["signing_keys"]
        assert keys and all(key["encrypted_private_key"] for key in keys)

    # the backup is never written over
    assert run(["backup", "--out", str(archive)]) == EXIT_USAGE
    assert "never overwrites" in capsys.readouterr().err

    restored = tmp_path / "restored"
    monkeypatch.delenv("MEDISEAL_DATA_DIR")
    assert run(["restore", str(archive), "--data-dir", str(restored), "--json"]) == EXIT_OK
    assert _json(capsys)["ledger_root"] == root
    assert run(["verify", "--data-dir", str(restored)]) == EXIT_OK
    assert capsys.readouterr().out.strip().endswith("Clean.")
    assert _ledger_root(Settings(data_dir=restored, database_url=None, lang=None)) == (size, root)
    assert (restored / "ui.ini").read_text(encoding="utf-8") == "[window]\nlanguage=zh_CN\n"
    blob = next((restored / "vault" / "sha256").rglob("*"))
    assert blob.exists()
    assert any(not (path.stat().st_mode & stat.S_IWUSR)
               for path in (restored / "vault").rglob("*") if path.is_file())

    # restoring again into the now non-empty folder is refused (exit 2), nothing changed
    before = sorted(path.name for path in restored.iterdir())
    assert run(["restore", str(archive), "--data-dir", str(restored)]) == EXIT_USAGE
    assert "not empty" in capsys.readouterr().err
    assert sorted(path.name for path in restored.iterdir()) == before

    # one byte changed inside the database → refused, nothing written
    raw = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as opened:
        info = next(info for info in opened.infolist() if info.filename.startswith("vault/"))
        start = info.header_offset  # the local header: 30 bytes, then the name and extra field
        offset = start + 30 + int.from_bytes(raw[start + 26:start + 28], "little") \
            + int.from_bytes(raw[start + 28:start + 30], "little") + 1
    raw[offset] ^= 0x01
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(bytes(raw))
    target = tmp_path / "never"
    assert run(["restore", str(damaged), "--data-dir", str(target)]) == EXIT_REFUSED
    assert "damaged and was not restored" in capsys.readouterr().err
    assert not target.exists()

    # a manifest that lies, an entry escaping the folder, a link, an unlisted extra file: refused
    empty = tmp_path / "empty"
    empty.mkdir()
    cases = {
        "lie": lambda name, data: [(name, data + b"x" if name == "keys/signing_keys.json" else data,
                                    0o100644)],
        "same size": lambda name, data: [(name, data[:-2] + b"!}" if name == "keys/signing_keys.json"
                                          else data, 0o100644)],
        "escape": lambda name, data: [(name, data, 0o100644)] + (
            [("../outside.txt", b"x", 0o100644)] if name == HEADER else []),
        "link": lambda name, data: [(name, data, 0o120777 if name == "settings/ui.ini" else 0o100644)],
        "extra": lambda name, data: [(name, data, 0o100644)] + (
            [("vault/readme.txt", b"x", 0o100644)] if name == HEADER else []),
        "duplicate": lambda name, data: [(name, data, 0o100644)] * (2 if name == "settings/ui.ini" else 1),
        "bomb": lambda name, data: [(name, bytes(64 << 20) if name == "settings/ui.ini" else data, 0o100644)],
        "missing": lambda name, data: [] if name == SQLITE_FILE else [(name, data, 0o100644)],
    }
    for label, change in cases.items():
        bad = tmp_path / f"{label}.zip"
        _rewrite(archive, bad, change)
        assert run(["restore", str(bad), "--data-dir", str(empty)]) == EXIT_REFUSED, label
        err = capsys.readouterr().err
        assert "damaged and was not restored" in err and REASONS[label] in err, (label, err)
        assert not any(empty.iterdir()), label
    assert not (tmp_path / "outside.txt").exists()

    # an entry marked encrypted (APPNOTE 4.4.4, bit 0 of its central directory record's flags)
    raw = bytearray(archive.read_bytes())
    record = raw.rfind(HEADER.encode()) - 46  # the central directory's record of HEADER.json
    assert raw[record:record + 4] == b"PK\x01\x02"
    raw[record + 8] |= 0x01
    encrypted = tmp_path / "encrypted.zip"
    encrypted.write_bytes(bytes(raw))
    assert run(["restore", str(encrypted), "--data-dir", str(empty)]) == EXIT_REFUSED
    assert "is encrypted" in capsys.readouterr().err
    assert not any(empty.iterdir())

    # a truncated archive
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    assert run(["restore", str(truncated), "--data-dir", str(empty)]) == EXIT_REFUSED
    assert not any(empty.iterdir())


@pytest.mark.parametrize("backend", ["sqlite"])
def test_backup_while_another_connection_writes(filled: Settings, capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_store(filled)
    stop = threading.Event()
    written = [0]

    def write() -> None:
        while not stop.is_set():
            with store.database.session_scope() as session:
                ledger.lock(session)
                ledger.append(session, "admin", EventKind.SIGN_IN_FAILED, "user:admin")
            written[0] += 1

    writer = threading.Thread(target=write)
    writer.start()
    try:
        archives = []
        for number in range(3):
            archive = tmp_path / f"busy{number}.zip"
            assert run(["backup", "--out", str(archive), "--json"]) == EXIT_OK
            archives.append((archive, _json(capsys)))
    finally:
        stop.set()
        writer.join()
        store.close()
    assert written[0] > 0
    for number, (archive, report) in enumerate(archives):
        restored = tmp_path / f"restored{number}"
        assert run(["restore", str(archive), "--data-dir", str(restored)]) == EXIT_OK
        assert run(["verify", "--data-dir", str(restored)]) == EXIT_OK, capsys.readouterr().out
        capsys.readouterr()
        assert _ledger_root(Settings(data_dir=restored, database_url=None, lang=None)) == (
            report["ledger_size"], report["ledger_root"])


@pytest.mark.parametrize("backend", [pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_postgresql_backup_holds_the_vault_and_the_dump_or_a_note(
        filled: Settings, capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    size, root = _ledger_root(filled)
    with_dump = tmp_path / "pg.zip"
    assert shutil.which("pg_dump") is not None
    assert run(["backup", "--out", str(with_dump), "--json"]) == EXIT_OK
    report = _json(capsys)
    assert report["database_dump"] and (report["ledger_size"], report["ledger_root"]) == (size, root)
    with zipfile.ZipFile(with_dump) as opened:
        names = set(opened.namelist())
        dump = opened.read("database/pg_dump.sql").decode()
        assert "CREATE TABLE" in dump and "ledger_entry" in dump
        assert any(name.startswith("vault/sha256/") for name in names)
        assert json.loads(opened.read(HEADER))["database_kind"] == "postgresql"

    # without pg_dump on PATH: the archive and the terminal say how to dump by hand
    search_path = os.environ["PATH"]
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    noted = tmp_path / "pg-note.zip"
    assert run(["backup", "--out", str(noted)]) == EXIT_OK
    assert "pg_dump --no-owner" in capsys.readouterr().err
    with zipfile.ZipFile(noted) as opened:
        assert "pg_dump was not found on PATH" in opened.read("database/README.txt").decode()
        assert "database/pg_dump.sql" not in opened.namelist()
        assert any(name.startswith("vault/sha256/") for name in opened.namelist())

    # restore of the backup without a dump is refused with the way to do it by hand, nothing written
    monkeypatch.setenv("PATH", search_path)
    target = tmp_path / "pg-restored"
    assert run(["restore", str(noted), "--data-dir", str(target)]) == EXIT_USAGE
    assert "psql --set ON_ERROR_STOP=1" in capsys.readouterr().err
    assert not target.exists()


@pytest.mark.parametrize("backend", [pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_postgresql_backup_restores_into_an_empty_database_and_verifies(
        filled: Settings, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        postgres_cluster: PostgresCluster) -> None:
    size, root = _ledger_root(filled)
    archive = tmp_path / "pg.zip"
    assert run(["backup", "--out", str(archive)]) == EXIT_OK
    capsys.readouterr()
    assert filled.database_url is not None
    fresh = postgres_cluster.create_database()
    try:
        url = postgres_cluster.url(fresh)
        target = tmp_path / "pg-restored"
        monkeypatch.delenv("MEDISEAL_DATA_DIR")
        monkeypatch.delenv("MEDISEAL_DATABASE_URL")

        # a damaged backup: refused before anything is written, the database left empty
        changed = tmp_path / "changed.zip"  # the dump's statements changed, its size kept
        _rewrite(archive, changed, lambda name, data: [
            (name, data.replace(b"CREATE TABLE", b"CREATE TABLe", 1) if name == PG_DUMP_FILE else data,
             0o100644)])
        raw = bytearray(archive.read_bytes())  # a byte of the deflated dump flipped on the disk
        with zipfile.ZipFile(archive) as opened:
            info = opened.getinfo(PG_DUMP_FILE)
        start = info.header_offset
        raw[start + 30 + int.from_bytes(raw[start + 26:start + 28], "little")
            + int.from_bytes(raw[start + 28:start + 30], "little") + info.compress_size // 2] ^= 0x55
        flipped = tmp_path / "flipped.zip"
        flipped.write_bytes(bytes(raw))
        for damaged in (changed, flipped):
            assert run(["restore", str(damaged), "--data-dir", str(target), "--database-url", url]) \
                == EXIT_REFUSED, damaged
            assert "damaged and was not restored" in capsys.readouterr().err
            assert not target.exists()

        # without a URL, or into a database that holds a store: refused, naming it, nothing written
        assert run(["restore", str(archive), "--data-dir", str(target)]) == EXIT_USAGE
        assert "--database-url" in capsys.readouterr().err
        assert run(["restore", str(archive), "--data-dir", str(target), "--database-url",
                    filled.database_url]) == EXIT_USAGE
        err = capsys.readouterr().err
        assert "is not empty" in err and filled.database_url.split("@/")[1].split("?")[0] in err
        assert not target.exists()

        # without psql on PATH: the steps by hand
        search_path = os.environ["PATH"]
        monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
        assert run(["restore", str(archive), "--data-dir", str(target), "--database-url", url]) == EXIT_USAGE
        assert "psql --set ON_ERROR_STOP=1" in capsys.readouterr().err
        assert not target.exists()
        # psql failing (a stand-in that says why and exits 3): the vault written into DIR is taken back
        failing = tmp_path / "failing-bin"
        failing.mkdir()
        (failing / "psql").write_text("#!/bin/sh\necho 'psql: error: connection refused' >&2\nexit 3\n")
        (failing / "psql").chmod(0o755)
        monkeypatch.setenv("PATH", f"{failing}{os.pathsep}{search_path}")
        assert run(["restore", str(archive), "--data-dir", str(target), "--database-url", url]) == EXIT_USAGE
        assert "psql could not load" in (err := capsys.readouterr().err) and "connection refused" in err
        assert not target.exists()
        monkeypatch.setenv("PATH", search_path)

        # a database that cannot be reached: refused, named, nothing written
        gone = postgres_cluster.url("no_such_database")
        assert run(["restore", str(archive), "--data-dir", str(target), "--database-url", gone]) == EXIT_USAGE
        assert "PostgreSQL no_such_database @" in capsys.readouterr().err
        assert not target.exists()

        assert run(["restore", str(archive), "--data-dir", str(target), "--database-url", url, "--json"]) \
            == EXIT_OK
        report = _json(capsys)
        assert (report["database_kind"], report["ledger_size"], report["ledger_root"]) == (
            "postgresql", size, root)
        assert report["blobs"] > 0 and any((target / "vault" / "sha256").rglob("*"))
        monkeypatch.setenv("MEDISEAL_DATABASE_URL", url)
        assert run(["verify", "--data-dir", str(target)]) == EXIT_OK
        assert capsys.readouterr().out.strip().endswith("Clean.")
        assert _ledger_root(Settings(data_dir=target, database_url=url, lang=None)) == (size, root)

        # a second restore into the now filled database is refused, naming it
        again = tmp_path / "again"
        assert run(["restore", str(archive), "--data-dir", str(again), "--database-url", url]) == EXIT_USAGE
        assert f"PostgreSQL {fresh} @" in capsys.readouterr().err
        assert not again.exists()
    finally:
        postgres_cluster.drop_database(fresh)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_sqlite_snapshot_is_a_real_database(filled: Settings, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "b.zip"
    assert run(["backup", "--out", str(archive)]) == EXIT_OK
    capsys.readouterr()
    with zipfile.ZipFile(archive) as opened:
        (tmp_path / "copy.db").write_bytes(opened.read(SQLITE_FILE))
    with sqlite3.connect(tmp_path / "copy.db") as check:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
