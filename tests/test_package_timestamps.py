"""Trusted timestamps in a court package (``mediseal/timestamps/``), against the real test TSA
(``tests/tsa_server.py``): an export that signs a checkpoint asks the authority first and packs the RFC 3161
response, the CA and the TSA's certificates; ``openssl ts -verify`` run exactly as VERIFY.txt says accepts
it, ``bagit.py --validate`` too; ``verify-package`` checks the token and names a changed token or
checkpoint; an authority that is down leaves the package without a token and the export says so. An
unsealed item is packed and named as a notice ``unsealed``."""

from __future__ import annotations

import json
import re
import shlex
import socket
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

from desktop.cli import EXIT_OK, EXIT_REFUSED, run
from desktop.core.evidence import intake
from desktop.core.evidence.acquisition import Acquisition
from desktop.core.exchange import package_layout as layout
from desktop.core.exchange.package import VERIFY_TEXT, ExportedPackage
from desktop.core.exchange.verify_package import Code, check_package
from desktop.core.storage.store import OpenStore
from desktop.core.trust import checkpoints, ledger, timestamps, users
from desktop.core.verification.store import verify_store
from tests.cli_env import point_cli_at
from tests.test_package_export import BAGIT, PASSWORD, export, notary_with_items
from tests.test_timestamps import pki, tsa  # noqa: F401 (fixtures: the test TSA)
from tests.test_verify_package import _codes, _copy, _flip_last
from tests.tsa_server import TestTSA, make_pki


def _closed_port_url() -> str:
    """An address where nothing listens (the authority is down)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}/"


def _set_authority(store: OpenStore, url: str, ca: Path) -> None:
    admin = users.sign_in(store.database, "admin", "admin-password-1")
    with store.database.session_scope() as session:
        timestamps.set_authority(session, admin, url, (ca / "ca.pem").read_text())


def _verify_steps() -> list[str]:
    """The ``openssl ts`` commands of VERIFY.txt, continuation lines joined."""
    text = VERIFY_TEXT.replace("\\\n", " ")
    return [" ".join(line.split()) for line in text.splitlines() if line.strip().startswith("openssl ts ")]


def test_a_timestamped_package_checks_out_with_openssl_ts_and_bagit(
        store: OpenStore, tsa: TestTSA, pki: Path, tmp_path: Path) -> None:  # noqa: F811 (fixtures imported)
    notary, number, _items = notary_with_items(store, tmp_path / "in", count=2)
    _set_authority(store, tsa.url, pki)
    made = export(store, notary, number, tmp_path / "court.zip")
    assert made.signed_checkpoint and made.timestamp is not None and made.timestamp.when is not None
    with store.database.session_scope() as session:
        assert [stored.checkpoint_id for stored in timestamps.stored(session)] == [made.checkpoint.id]
        assert timestamps.pending(session) == []
        assert verify_store(session, store.vault).findings == ()  # the token is logged as any stored one
    check = check_package(made.path)
    assert check.findings == ()
    assert check.timestamp is not None and check.timestamp.ok and check.timestamp.time == made.timestamp.when
    assert "Mediseal test TSA" in check.timestamp.authority

    with zipfile.ZipFile(made.path) as archive:
        archive.extractall(tmp_path / "unzipped")
    bag = tmp_path / "unzipped" / "court"
    validated = subprocess.run([sys.executable, str(BAGIT), "--validate", str(bag)], capture_output=True,
                               text=True, check=False)
    assert validated.returncode == 0, validated.stderr
    tag_manifest = (bag / layout.TAG_MANIFEST_FILE).read_text("utf-8")
    for name in (layout.TIMESTAMP_RESPONSE_FILE, layout.TIMESTAMP_CA_FILE, layout.TIMESTAMP_CHAIN_FILE):
        assert re.search(rf"^[0-9a-f]{{64}}  {re.escape(name)}$", tag_manifest, re.MULTILINE), name
    verify, reply = _verify_steps()[:2]
    assert verify.startswith("openssl ts -verify -in mediseal/timestamps/checkpoint.tsr")
    checked = subprocess.run(shlex.split(verify), cwd=bag, capture_output=True, text=True, check=False)
    assert checked.returncode == 0 and "Verification: OK" in checked.stdout, checked.stderr
    shown = subprocess.run(shlex.split(reply), cwd=bag, capture_output=True, text=True, check=False)
    assert shown.returncode == 0 and "Time stamp:" in shown.stdout, shown.stderr

    # A changed token, a changed checkpoint: each named, and openssl refuses too.
    tsr_changed = _codes(_copy(made.path, tmp_path / "tsr.zip", lambda inner, data: _flip_last(data)
                               if inner == layout.TIMESTAMP_RESPONSE_FILE else data))
    assert tsr_changed[Code.MANIFEST_MISMATCH] == {layout.TIMESTAMP_RESPONSE_FILE}
    assert {Code.TIMESTAMP_SIGNATURE, Code.TIMESTAMP_UNREADABLE} & set(tsr_changed)

    def other_checkpoint(inner: str, data: bytes) -> bytes:
        return data.replace(b'"tree_size":', b'"tree_size":1') if inner == layout.CHECKPOINT_FILE else data

    checkpoint_changed = _codes(_copy(made.path, tmp_path / "checkpoint.zip", other_checkpoint))
    assert checkpoint_changed[Code.TIMESTAMP_IMPRINT] == {layout.TIMESTAMP_RESPONSE_FILE}
    assert checkpoint_changed[Code.CHECKPOINT_SIGNATURE] == {layout.CHECKPOINT_SIGNATURE_FILE}
    (bag / layout.CHECKPOINT_FILE).write_bytes(other_checkpoint(layout.CHECKPOINT_FILE,
                                                                (bag / layout.CHECKPOINT_FILE).read_bytes()))
    refused = subprocess.run(shlex.split(verify), cwd=bag, capture_output=True, text=True, check=False)
    assert refused.returncode != 0 and "Verification: OK" not in refused.stdout

    # A CA other than the one that issued the TSA certificate.
    other_ca = make_pki(tmp_path / "other") / "ca.pem"
    chain_changed = check_package(_copy(made.path, tmp_path / "ca.zip", lambda inner, data:
                                        other_ca.read_bytes() if inner == layout.TIMESTAMP_CA_FILE else data))
    assert {finding.code for finding in chain_changed.findings} == {Code.TIMESTAMP_CHAIN,
                                                                     Code.MANIFEST_MISMATCH}
    assert chain_changed.timestamp is not None and not chain_changed.timestamp.ok

    # The office sets another CA: a later export leaves the token out (it would not chain) and says why.
    _set_authority(store, tsa.url, other_ca.parent)
    later = export(store, notary, number, tmp_path / "later.zip")
    assert not later.signed_checkpoint and later.timestamp is not None and later.timestamp.when is None
    assert "does not check against the authority's CA now set" in later.timestamp.missing
    assert check_package(later.path).findings == ()


def test_the_cli_says_whether_the_package_has_a_timestamp(
        sqlite_store: OpenStore, tsa: TestTSA, pki: Path,  # noqa: F811 (fixtures imported)
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    store = sqlite_store
    notary, number, _items = notary_with_items(store, tmp_path / "in", count=1)
    _set_authority(store, _closed_port_url(), pki)  # down: the export goes on without a token, says so
    point_cli_at(monkeypatch, store, "lihua", PASSWORD)
    out = tmp_path / "court.zip"
    assert run(["export", "--case", number, "--out", str(out), "--json"]) == EXIT_OK
    made = json.loads(capsys.readouterr().out)
    assert made["signed_checkpoint"] and made["timestamp"] is None
    assert "cannot reach the authority" in made["timestamp_missing"]
    with store.database.session_scope() as session:  # still queued, with the error, for later
        [waiting] = timestamps.pending(session)
    assert waiting.checkpoint_id == made["checkpoint"] and waiting.attempts == 1
    assert run(["verify-package", str(out), "--json"]) == EXIT_OK
    checked = json.loads(capsys.readouterr().out)
    assert checked["ok"] and checked["timestamp"] is None

    # Later the token is stored: the next export (same checkpoint) carries it.
    _set_authority(store, tsa.url, pki)
    [sent] = timestamps.send_pending(store.database.session_scope, notary.actor, due_only=False)
    assert sent.error is None
    again = tmp_path / "again.zip"
    assert run(["export", "--case", number, "--out", str(again)]) == EXIT_OK
    assert "trusted timestamp (RFC 3161) of" in capsys.readouterr().out
    assert run(["verify-package", str(again), "--json"]) == EXIT_OK
    stamp = json.loads(capsys.readouterr().out)["timestamp"]
    assert stamp["checked"] and stamp["ok"] and stamp["time"] and stamp["ca_sha256"]
    assert run(["verify-package", str(again)]) == EXIT_OK
    assert "trusted timestamp" in capsys.readouterr().out


def test_an_unsealed_item_is_exported_and_named_as_a_notice(sqlite_store: OpenStore, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """A mediation committee's items are taken in unsealed (mediators hold no seal): the export packs them
    and verify-package checks out, naming each as ``unsealed`` (a notice); a seal removed from a package
    is a missing file (the tag manifest lists it) as well."""
    store = sqlite_store
    notary, number, items = notary_with_items(store, tmp_path / "in", count=1)
    loose = tmp_path / "loose.txt"
    loose.write_bytes(b"not sealed\n")
    [unsealed] = intake.ingest_files(store.database, store.vault, notary.actor, number, [loose],
                                     Acquisition("upload")).items
    made = export(store, notary, number, tmp_path / "court.zip")
    check = check_package(made.path)
    assert check.findings == ()
    assert [(n.code, n.file, n.item) for n in check.notices] == [
        (Code.UNSEALED, layout.record_file(unsealed.id), unsealed.id)]
    point_cli_at(monkeypatch, store)
    assert run(["verify-package", str(made.path), "--json"]) == EXIT_OK
    printed = json.loads(capsys.readouterr().out)
    assert printed["ok"] and [n["code"] for n in printed["notices"]] == ["unsealed"]
    assert run(["verify-package", str(made.path)]) == EXIT_OK
    notice = f"notice: unsealed: {layout.record_file(unsealed.id)} item {unsealed.id}"
    assert notice in capsys.readouterr().out

    seals = f"{layout.SEALS}/{items[0].id}/"
    stripped = tmp_path / "stripped.zip"
    with zipfile.ZipFile(made.path) as source, zipfile.ZipFile(stripped, "w") as target:
        for info in source.infolist():
            if seals not in info.filename:
                target.writestr(info.filename, source.read(info))
    stripped_check = check_package(stripped)
    assert {finding.code for finding in stripped_check.findings} == {Code.MISSING_FILE}
    assert {n.item for n in stripped_check.notices} == {items[0].id, unsealed.id}
    assert run(["verify-package", str(stripped)]) == EXIT_REFUSED


def test_other_seats_write_while_the_export_waits_for_the_authority(
        store: OpenStore, tsa: TestTSA, pki: Path, tmp_path: Path) -> None:  # noqa: F811 (fixtures imported)
    """The export signs its checkpoint in a transaction of its own and asks the authority with none open:
    a seat that writes to the ledger meanwhile (the administrator signing in) is not held up by a slow
    authority, and the slow answer still reaches the package."""
    notary, number, _items = notary_with_items(store, tmp_path / "in", count=1)
    _set_authority(store, tsa.url, pki)
    tsa.mode, tsa.delay = "slow", 3.0
    made: list[ExportedPackage] = []
    exporting = threading.Thread(target=lambda: made.append(export(store, notary, number,
                                                                   tmp_path / "c.zip")))
    exporting.start()
    try:
        deadline = time.monotonic() + 10
        with store.database.session_scope() as session:  # wait until the checkpoint is signed and sent
            while checkpoints.latest(session) is None and time.monotonic() < deadline:
                session.rollback()
                time.sleep(0.05)
            before = ledger.size(session)
        assert exporting.is_alive()  # asking the authority now
        started = time.monotonic()
        users.sign_in(store.database, "admin", "admin-password-1")  # a write under the ledger lock
        took = time.monotonic() - started
        assert exporting.is_alive()  # still waiting for the answer
    finally:
        exporting.join(30)
    with store.database.session_scope() as session:
        assert ledger.size(session) > before
    assert took < 1.5, f"the sign-in waited {took:.1f} s for the export's transaction"
    (package,) = made
    assert package.timestamp is not None
    assert package.timestamp.when is not None  # the slow answer came, and is in the package
