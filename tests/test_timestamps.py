"""Trusted timestamps (RFC 3161) over checkpoints, against a real TSA on 127.0.0.1 (``tests/tsa_server.py``,
``openssl ts -reply``): a verified token is stored and ``openssl ts -verify`` accepts it; an authority that
is down, slow, answers garbage, signs another digest, answers another nonce or chains to another CA leaves
the request queued with its error and never a stored token; ``verify`` checks every stored token."""

from __future__ import annotations

import hashlib
import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError

from db.models import LedgerEntry, utc_now
from db.timestamps import TimestampToken
from desktop.cli import run
from desktop.core.errors import NotAllowed
from desktop.core.integrity.canonical import canonical_bytes
from desktop.core.office import office
from desktop.core.storage.store import OpenStore
from desktop.core.trust import checkpoints, signing_keys, timestamps, users
from desktop.core.trust.permissions import Actor, Role
from desktop.core.trust.sign_in import SignedInUser, sign_in_user
from desktop.core.verification.codes import FindingCode
from desktop.core.verification.store import verify_store
from tests.cli_env import point_cli_at
from tests.qt_helpers import attached_window, settled
from tests.tamper import behind_the_triggers
from tests.tsa_server import TestTSA, make_pki

PASSWORD = "notary-password-1"


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_pki(tmp_path_factory.mktemp("tsa"))


@pytest.fixture
def tsa(pki: Path) -> Iterator[TestTSA]:
    server = TestTSA(pki).start()
    yield server
    server.stop()


def _office(store: OpenStore, url: str, ca_pem: str) -> SignedInUser:
    """An office with an administrator who set the authority, and a notary with a signing key."""
    with store.database.session_scope() as session:
        office.create_office(session, "昆明公证处", "云知调")
        admin = users.create_first_admin(session, "admin", "admin-password-1", "赵文")
        users.add_user(session, admin, "lihua", frozenset({Role.NOTARY}), PASSWORD, "李华")
        timestamps.set_authority(session, admin, url, ca_pem)
    actor = users.sign_in(store.database, "lihua", PASSWORD)
    with store.database.session_scope() as session:
        signing_keys.new_key(session, actor, PASSWORD)
    return sign_in_user(store.database, "lihua", PASSWORD)


def _notary(store: OpenStore) -> Actor:
    return users.sign_in(store.database, "lihua", PASSWORD)


def _checkpoint(store: OpenStore, user: SignedInUser) -> checkpoints.CheckpointInfo:
    assert user.key is not None
    with store.database.session_scope() as session:
        return checkpoints.sign_checkpoint(session, user.actor, user.key)


def test_a_signed_checkpoint_gets_a_verified_token_openssl_accepts(store: OpenStore, tsa: TestTSA, pki: Path,
                                                                    tmp_path: Path) -> None:
    notary = _office(store, tsa.url, (pki / "ca.pem").read_text())
    made = _checkpoint(store, notary)
    signed = canonical_bytes(made.record())
    with store.database.session_scope() as session:
        [waiting] = timestamps.pending(session)
    assert (waiting.checkpoint_id, waiting.digest_sha256) == (made.id, hashlib.sha256(signed).hexdigest())

    results = timestamps.send_pending(store.database.session_scope, _notary(store))
    assert results == [timestamps.SendResult(made.id, None)]
    with store.database.session_scope() as session:
        assert timestamps.pending(session) == []
        [token] = session.scalars(select(TimestampToken)).all()
        logged = session.execute(select(LedgerEntry.subject, LedgerEntry.subject_sha256).where(
            LedgerEntry.kind == "timestamp.stored")).all()
    assert token.token_sha256 == hashlib.sha256(token.token).hexdigest()
    assert logged == [(f"checkpoint:{made.id}", token.token_sha256)]
    # The receiver's check, without Mediseal: the token over the checkpoint record's bytes.
    (tmp_path / "checkpoint.json").write_bytes(signed)
    (tmp_path / "token.der").write_bytes(token.token)
    checked = subprocess.run(["openssl", "ts", "-verify", "-token_in", "-in", str(tmp_path / "token.der"),
                              "-data", str(tmp_path / "checkpoint.json"), "-CAfile", str(pki / "ca.pem"),
                              "-untrusted", str(pki / "tsa.pem")], capture_output=True, text=True)
    assert checked.returncode == 0 and "Verification: OK" in checked.stdout, checked.stderr
    # The same as a court package carries it: the response (.tsr) and the TSA's certificate beside it.
    with store.database.session_scope() as session:
        evidence = timestamps.evidence_for(session, made.id)
        assert timestamps.evidence_for(session, made.id + 1) is None
    assert evidence is not None
    (tmp_path / "checkpoint.tsr").write_bytes(evidence.response)
    (tmp_path / "tsa-certs.pem").write_bytes(b"".join(evidence.certificates_pem))
    assert evidence.certificates_pem == [(pki / "tsa.pem").read_bytes()]
    checked = subprocess.run(["openssl", "ts", "-verify", "-in", str(tmp_path / "checkpoint.tsr"),
                              "-data", str(tmp_path / "checkpoint.json"), "-CAfile", str(pki / "ca.pem"),
                              "-untrusted", str(tmp_path / "tsa-certs.pem")], capture_output=True, text=True)
    assert checked.returncode == 0 and "Verification: OK" in checked.stdout, checked.stderr
    with store.database.session_scope() as session:
        report = verify_store(session, store.vault)
    assert report.findings == ()
    # A stored token is never changed (append-only).
    with pytest.raises(DatabaseError), store.database.session_scope() as session:
        session.execute(text("UPDATE timestamp_token SET gen_time = stored_at"))


def test_a_failing_authority_leaves_a_clear_queued_state_and_never_a_token(store: OpenStore, tsa: TestTSA,
                                                                           pki: Path,
                                                                           tmp_path: Path) -> None:
    notary = _office(store, tsa.url, (pki / "ca.pem").read_text())
    made = _checkpoint(store, notary)
    now = utc_now()
    cases = [("garbage", "not an RFC 3161 answer"), ("other-digest", "another digest"),
             ("wrong-nonce", "nonce is not ours"), ("http-error", "HTTP 500"), ("slow", "timeout"),
             ("eku-not-critical", "extendedKeyUsage is not timeStamping only and critical"),
             ("other-certificate", "signing-certificate attribute names another certificate")]
    for attempt, (mode, said) in enumerate(cases, start=1):
        tsa.mode, tsa.delay = mode, 2.0
        # A short timeout for the slow authority only: the others answer through ``openssl ts -reply``,
        # which takes more than half a second on a loaded machine.
        [result] = timestamps.send_pending(store.database.session_scope, _notary(store), now=now,
                                           timeout=0.5 if mode == "slow" else 15, due_only=False)
        assert result.checkpoint_id == made.id and result.error is not None and said in result.error, mode
        with store.database.session_scope() as session:
            [waiting] = timestamps.pending(session)
            assert timestamps.stored(session) == []
        assert (waiting.attempts, waiting.last_error) == (attempt, result.error)
        assert waiting.next_try_at == now + timestamps.backoff(attempt)  # 1, 2, 4 … 64 minutes
    assert timestamps.send_pending(store.database.session_scope, _notary(store), now=now) == []  # not due yet
    # Another CA configured: the TSA's chain does not reach it.
    other = make_pki(tmp_path / "other")
    with store.database.session_scope() as session:
        admin = users.sign_in(store.database, "admin", "admin-password-1")
        timestamps.set_authority(session, admin, tsa.url, (other / "ca.pem").read_text())
    tsa.mode = "ok"
    [result] = timestamps.send_pending(store.database.session_scope, _notary(store), due_only=False)
    assert result.error == "the TSA certificate does not chain to the configured CA"
    tsa.stop()  # down
    with store.database.session_scope() as session:
        timestamps.set_authority(session, admin, tsa.url, (pki / "ca.pem").read_text())
    [result] = timestamps.send_pending(store.database.session_scope, _notary(store), due_only=False)
    assert result.error is not None and "cannot reach the authority" in result.error
    with store.database.session_scope() as session:
        [waiting] = timestamps.pending(session)
        assert timestamps.stored(session) == []
    assert waiting.attempts == len(cases) + 2
    # Back up: the queue empties (not for a user who signed out meanwhile: nothing is recorded for them).
    again = TestTSA(pki).start()
    try:
        with store.database.session_scope() as session:
            timestamps.set_authority(session, admin, again.url, (pki / "ca.pem").read_text())
        gone = _notary(store)
        gone.sign_in.end()
        with pytest.raises(NotAllowed):
            timestamps.send_pending(store.database.session_scope, gone, due_only=False)
        assert timestamps.send_pending(store.database.session_scope, _notary(store), due_only=False) == [
            timestamps.SendResult(made.id, None)]
    finally:
        again.stop()


def test_no_authority_no_queue(store: OpenStore) -> None:
    with store.database.session_scope() as session:
        office.create_office(session, "昆明公证处", "云知调")
        admin = users.create_first_admin(session, "admin", "admin-password-1", "赵文")
        users.add_user(session, admin, "lihua", frozenset({Role.NOTARY}), PASSWORD, "李华")
    actor = users.sign_in(store.database, "lihua", PASSWORD)
    with store.database.session_scope() as session:
        signing_keys.new_key(session, actor, PASSWORD)
    _checkpoint(store, sign_in_user(store.database, "lihua", PASSWORD))
    with store.database.session_scope() as session:
        assert timestamps.pending(session) == []
    assert timestamps.send_pending(store.database.session_scope, _notary(store)) == []


def test_verify_names_a_token_that_no_longer_covers_its_checkpoint(sqlite_store: OpenStore, tsa: TestTSA,
                                                                   pki: Path) -> None:
    store = sqlite_store
    notary = _office(store, tsa.url, (pki / "ca.pem").read_text())
    first = _checkpoint(store, notary)
    timestamps.send_pending(store.database.session_scope, _notary(store))
    second = _checkpoint(store, notary)
    timestamps.send_pending(store.database.session_scope, _notary(store))
    with store.database.session_scope() as session:
        other_token = session.scalar(select(TimestampToken.token).where(
            TimestampToken.checkpoint_id == second.id))
    # The first checkpoint's token swapped for the second's (a valid token, for another digest).
    behind_the_triggers(store, "timestamp_token", "UPDATE timestamp_token SET token = :token "
                        "WHERE checkpoint_id = :id", token=other_token, id=first.id)
    with store.database.session_scope() as session:
        report = verify_store(session, store.vault)
    codes = sorted(f.code.value for f in report.findings if f.code.value.startswith("timestamp"))
    assert codes == [FindingCode.TIMESTAMP_IMPRINT.value, FindingCode.TIMESTAMP_NOT_IN_LEDGER.value]
    # The second token's signature changed (its last byte: the DER ends with the signer's signature).
    forged = other_token[:-1] + bytes([other_token[-1] ^ 1])
    behind_the_triggers(store, "timestamp_token", "UPDATE timestamp_token SET token = :token "
                        "WHERE checkpoint_id = :id", token=forged, id=second.id)
    with store.database.session_scope() as session:
        report = verify_store(session, store.vault)
    found = sorted((f.code.value, f.message) for f in report.findings if f.code.value.startswith("timestamp")
                   and f"checkpoint {second.id}" in f.message)
    assert [code for code, _message in found] == [FindingCode.TIMESTAMP_INVALID.value,
                                                  FindingCode.TIMESTAMP_NOT_IN_LEDGER.value]
    assert "the token's signature does not verify" in found[0][1]


def test_verify_names_a_token_that_was_removed(sqlite_store: OpenStore, tsa: TestTSA, pki: Path) -> None:
    store = sqlite_store
    made = _checkpoint(store, _office(store, tsa.url, (pki / "ca.pem").read_text()))
    timestamps.send_pending(store.database.session_scope, _notary(store))
    behind_the_triggers(store, "timestamp_token", "DELETE FROM timestamp_token")
    with store.database.session_scope() as session:
        report = verify_store(session, store.vault)
    [gone] = [f for f in report.findings if f.code.value.startswith("timestamp")]
    assert gone.code == FindingCode.TIMESTAMP_MISSING and f"checkpoint:{made.id}" in gone.message


def test_verify_names_an_authority_changed_behind_the_ledger(sqlite_store: OpenStore, tsa: TestTSA,
                                                              pki: Path) -> None:
    store = sqlite_store
    _office(store, tsa.url, (pki / "ca.pem").read_text())
    with store.database.session_scope() as session:
        assert verify_store(session, store.vault).findings == ()
    behind_the_triggers(store, "timestamp_authority", "UPDATE timestamp_authority SET url = :url",
                        url="http://127.0.0.1:1/elsewhere")
    with store.database.session_scope() as session:
        report = verify_store(session, store.vault)
    assert [f.code for f in report.findings] == [FindingCode.TIMESTAMP_AUTHORITY_CHANGED]


def test_cli_timestamp_list_and_send(store: OpenStore, tsa: TestTSA, pki: Path,
                                     monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    notary = _office(store, tsa.url, (pki / "ca.pem").read_text())
    made = _checkpoint(store, notary)
    tsa.mode = "garbage"
    point_cli_at(monkeypatch, store, "admin", "admin-password-1")
    assert run(["timestamp", "authority", "--url", tsa.url, "--ca-file", "/nonexistent/ca.pem"]) == 2
    assert "cannot read the CA file /nonexistent/ca.pem" in capsys.readouterr().err
    assert run(["timestamp", "authority", "--url", tsa.url, "--ca-file", str(pki / "tsa.key")]) == 2
    assert "The CA file holds no PEM certificate." in capsys.readouterr().err
    assert run(["timestamp", "authority", "--url", tsa.url, "--ca-file", str(pki / "ca.pem")]) == 0
    assert f"Timestamp authority: {tsa.url}" in capsys.readouterr().out
    point_cli_at(monkeypatch, store, "lihua", PASSWORD)
    assert run(["timestamp", "send"]) == 1
    assert "still queued: the response is not an RFC 3161 answer" in capsys.readouterr().out
    assert run(["timestamp", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["stored"] == [] and [(p["checkpoint"], p["attempts"]) for p in listed["pending"]] == [
        (made.id, 1)]
    assert "not an RFC 3161 answer" in listed["pending"][0]["last_error"]
    tsa.mode = "ok"
    assert run(["timestamp", "send"]) == 0
    assert f"Checkpoint {made.id}: token stored" in capsys.readouterr().out
    assert run(["timestamp", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["pending"] == [] and [s["checkpoint"] for s in listed["stored"]] == [made.id]
    tsa.mode = "garbage"
    assert run(["checkpoint"]) == 0  # signed; its timestamp stays queued
    said = capsys.readouterr().out
    assert f"timestamp of checkpoint {made.id + 1}: still queued: the response is not" in said


def test_the_settings_dialog_sets_the_authority_shows_what_waits_and_sends(qtbot: QtBot,
                                                                           sqlite_store: OpenStore,
                                                                           tsa: TestTSA, pki: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox

    store = sqlite_store
    with store.database.session_scope() as session:
        office.create_office(session, "昆明公证处", "云知调")
        admin = users.create_first_admin(session, "admin", "admin-password-1", "赵文")
        users.add_user(session, admin, "lihua", frozenset({Role.NOTARY}), PASSWORD, "李华")
    actor = users.sign_in(store.database, "lihua", PASSWORD)
    with store.database.session_scope() as session:
        signing_keys.new_key(session, actor, PASSWORD)
    admin_in = sign_in_user(store.database, "admin", "admin-password-1")
    window = attached_window(qtbot, store, "昆明公证处", admin_in)
    window.show_page("settings")
    settled(qtbot, window.settings_page)
    section = window.settings_page.office
    assert section.timestamp_button.isVisible()
    dialog = section.open_timestamps()
    settled(qtbot, dialog)
    assert "No timestamp authority is set" in dialog.status.text()
    dialog.url_edit.setText("ftp://nowhere")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "http://" in dialog.error.text())  # refused by core, the dialog stays
    dialog.url_edit.setText(tsa.url)
    dialog.ca_edit.setText(str(pki / "ca.pem"))
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    with store.database.session_scope() as session:
        found = timestamps.authority(session)
    assert found is not None and found.url == tsa.url
    tsa.mode = "garbage"
    _checkpoint(store, sign_in_user(store.database, "lihua", PASSWORD))
    timestamps.send_pending(store.database.session_scope, _notary(store))
    dialog = section.open_timestamps()
    settled(qtbot, dialog)
    assert dialog.status.text().startswith(
        "0 checkpoints timestamped, 1 waiting. Last error: the response is")
    tsa.mode = "ok"
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text() == "1 checkpoints timestamped, 0 waiting.", timeout=20_000)
    assert not dialog.send_button.isEnabled()
    # The background sender sends what is due while someone is signed in.
    _checkpoint(store, sign_in_user(store.database, "lihua", PASSWORD))
    op = section.timestamp_sender.tick()
    assert op is not None
    qtbot.waitUntil(lambda: section.timestamp_sender.op is None, timeout=20_000)
    with store.database.session_scope() as session:
        assert (len(timestamps.stored(session)), timestamps.pending(session)) == (2, [])
