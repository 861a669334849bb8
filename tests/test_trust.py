"""Users, roles, sign-in and lock-out, keys, checkpoints, the append-only ledger and its verification,
on SQLite and PostgreSQL, through the services and the command line."""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from db.models import LedgerEntry, User, utc_now
from desktop.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, run
from desktop.config import Settings
from desktop.core.errors import InvalidInput, NotAllowed
from desktop.core.integrity.canonical import canonical_bytes
from desktop.core.office import office
from desktop.core.storage.store import OpenStore, open_store
from desktop.core.trust import checkpoints, ledger, signing_keys, users
from desktop.core.trust.permissions import Role
from desktop.core.trust.pki import certificates
from desktop.core.verification.ledger import verify_ledger
from tests.concurrency import run_concurrently
from tests.tamper import behind_the_triggers

ADMIN_PASSWORD = "admin-password-1"
NOTARY_PASSWORD = "notary-password-1"


@pytest.fixture
def trusted(store: OpenStore) -> OpenStore:
    """A store with an office, an administrator ``admin`` and a notary ``lihua``."""
    with store.database.session_scope() as session:
        office.create_office(session, "昆明调解中心", "云知调")
        admin = users.create_first_admin(session, "admin", ADMIN_PASSWORD, "张伟")
        users.add_user(session, admin, "lihua", frozenset({Role.NOTARY, Role.MEDIATOR}), NOTARY_PASSWORD,
                       "李华")
    return store


def _kinds(store: OpenStore) -> list[str]:
    with store.database.session_scope() as session:
        return [entry.kind for entry in ledger.iter_entries(session)]


# --- sign-in ----------------------------------------------------------------------------------------
def test_sign_in_and_same_message_for_unknown_user_and_wrong_password(trusted: OpenStore) -> None:
    actor = users.sign_in(trusted.database, "lihua", NOTARY_PASSWORD)
    assert actor.name == "lihua" and actor.roles == {Role.NOTARY, Role.MEDIATOR}
    with pytest.raises(NotAllowed) as wrong:
        users.sign_in(trusted.database, "lihua", "not-the-password")
    with pytest.raises(NotAllowed) as unknown:
        users.sign_in(trusted.database, "nobody", "not-the-password")
    assert wrong.value.message == unknown.value.message == "Wrong user name or password."
    assert _kinds(trusted)[-3:] == ["sign_in", "sign_in.failed", "sign_in.failed"]


def test_five_failures_lock_the_account_across_restarts(trusted: OpenStore, settings: Settings) -> None:
    for _ in range(users.MAX_FAILED_ATTEMPTS):
        with pytest.raises(NotAllowed, match="Wrong user name or password"):
            users.sign_in(trusted.database, "lihua", "wrong-password")
    trusted.close()
    reopened = open_store(settings)  # a restart: the lock is in the database
    try:
        with pytest.raises(NotAllowed, match="locked until"):
            users.sign_in(reopened.database, "lihua", NOTARY_PASSWORD)
        later = utc_now() + users.LOCK_DURATION + timedelta(seconds=1)
        assert users.sign_in(reopened.database, "lihua", NOTARY_PASSWORD, now=later).name == "lihua"
        assert "user.locked" in _kinds(reopened) and "sign_in.refused_locked" in _kinds(reopened)
    finally:
        reopened.close()


def test_disabled_user_is_told_only_with_the_right_password(trusted: OpenStore) -> None:
    admin = users.sign_in(trusted.database, "admin", ADMIN_PASSWORD)
    with trusted.database.session_scope() as session:
        users.disable_user(session, admin, "lihua")
    with pytest.raises(NotAllowed, match="Wrong user name or password"):
        users.sign_in(trusted.database, "lihua", "wrong-password")
    with pytest.raises(NotAllowed, match="disabled"):
        users.sign_in(trusted.database, "lihua", NOTARY_PASSWORD)


# --- roles and permissions --------------------------------------------------------------------------
def test_only_administrators_manage_users(trusted: OpenStore) -> None:
    notary = users.sign_in(trusted.database, "lihua", NOTARY_PASSWORD)
    with pytest.raises(NotAllowed, match="may not manage users"), trusted.database.session_scope() as s:
        users.add_user(s, notary, "mallory", frozenset({Role.ADMIN}), "mallory-password", "马洛")
    with pytest.raises(NotAllowed), trusted.database.session_scope() as s:
        users.list_users(s, notary)
    with trusted.database.session_scope() as s:
        assert s.scalar(select(User).where(User.name == "mallory")) is None


def test_last_administrator_and_self_disable_are_protected(trusted: OpenStore) -> None:
    admin = users.sign_in(trusted.database, "admin", ADMIN_PASSWORD)
    with pytest.raises(NotAllowed, match="last administrator"), trusted.database.session_scope() as s:
        users.set_roles(s, admin, "admin", frozenset({Role.CLERK}))
    with pytest.raises(NotAllowed, match="your own account"), trusted.database.session_scope() as s:
        users.disable_user(s, admin, "admin")
    with trusted.database.session_scope() as s:
        info = users.set_roles(s, admin, "lihua", frozenset({Role.CLERK, Role.ADMIN}))
    assert info.roles == ("admin", "clerk")
    assert "user.roles_changed" in _kinds(trusted)


@pytest.mark.parametrize(("name", "roles", "password", "field"), [
    ("bad name", ["clerk"], "long-enough-1", "name"),
    ("ok", ["judge"], "long-enough-1", "role"),
    ("ok", [], "long-enough-1", "role"),
    ("ok", ["clerk"], "short", "password"),
])
def test_bad_user_input_is_refused(trusted: OpenStore, name: str, roles: list[str], password: str,
                                   field: str) -> None:
    admin = users.sign_in(trusted.database, "admin", ADMIN_PASSWORD)
    with pytest.raises(InvalidInput) as caught, trusted.database.session_scope() as s:
        users.add_user(s, admin, name, users.parse_roles(roles), password, "某某")
    assert caught.value.fields["field"] == field


# --- keys and checkpoints ---------------------------------------------------------------------------
def _key_and_checkpoint(store: OpenStore, name: str, password: str) -> checkpoints.CheckpointInfo:
    actor = users.sign_in(store.database, name, password)
    with store.database.session_scope() as session:
        signing_keys.new_key(session, actor, password)
    with store.database.session_scope() as session:
        key = signing_keys.unlock(session, actor, password)
        return checkpoints.sign_checkpoint(session, actor, key)


def test_checkpoint_signature_verifies_with_plain_openssl(trusted: OpenStore, tmp_path: Path) -> None:
    made = _key_and_checkpoint(trusted, "lihua", NOTARY_PASSWORD)
    with trusted.database.session_scope() as session:
        pem = signing_keys.export_certificate(session, "lihua")
        assert made.tree_size == ledger.size(session)
    cert = certificates.load_certificate_pem(pem)
    (tmp_path / "pub.pem").write_bytes(cert.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    (tmp_path / "checkpoint.json").write_bytes(canonical_bytes(made.record()))
    (tmp_path / "checkpoint.sig").write_bytes(made.signature)
    result = subprocess.run(["openssl", "dgst", "-sha256", "-verify", "pub.pem", "-signature",
                             "checkpoint.sig", "checkpoint.json"], cwd=tmp_path, capture_output=True,
                            text=True)
    assert result.returncode == 0 and "Verified OK" in result.stdout
    assert json.loads((tmp_path / "checkpoint.json").read_text())["certificate_sha256"] == made.fingerprint


def test_revoked_key_signs_nothing_but_old_checkpoints_verify(trusted: OpenStore) -> None:
    _key_and_checkpoint(trusted, "lihua", NOTARY_PASSWORD)
    actor = users.sign_in(trusted.database, "lihua", NOTARY_PASSWORD)
    with trusted.database.session_scope() as session:
        signing_keys.revoke_key(session, actor, "lihua", reason="key lost")
    with pytest.raises(NotAllowed, match="no usable signing key"), trusted.database.session_scope() as s:
        signing_keys.unlock(s, actor, NOTARY_PASSWORD)
    with trusted.database.session_scope() as session:
        assert verify_ledger(session).clean


def test_wrong_password_does_not_unlock_a_key(trusted: OpenStore) -> None:
    _key_and_checkpoint(trusted, "lihua", NOTARY_PASSWORD)
    actor = users.sign_in(trusted.database, "lihua", NOTARY_PASSWORD)
    with pytest.raises(NotAllowed), trusted.database.session_scope() as session:
        signing_keys.unlock(session, actor, "not-the-password")


def test_own_password_change_reencrypts_keys(trusted: OpenStore) -> None:
    _key_and_checkpoint(trusted, "lihua", NOTARY_PASSWORD)
    actor = users.sign_in(trusted.database, "lihua", NOTARY_PASSWORD)
    with trusted.database.session_scope() as session:
        assert users.change_password(session, actor, "lihua", "a-new-password-2", NOTARY_PASSWORD) == []
    actor = users.sign_in(trusted.database, "lihua", "a-new-password-2")
    with trusted.database.session_scope() as session:
        assert signing_keys.unlock(session, actor, "a-new-password-2").owner == "lihua"
        with pytest.raises(NotAllowed):
            signing_keys.unlock(session, actor, NOTARY_PASSWORD)


def test_administrator_reset_revokes_the_users_keys(trusted: OpenStore) -> None:
    _key_and_checkpoint(trusted, "lihua", NOTARY_PASSWORD)
    admin = users.sign_in(trusted.database, "admin", ADMIN_PASSWORD)
    with trusted.database.session_scope() as session:
        revoked = users.change_password(session, admin, "lihua", "reset-password-3")
        assert len(revoked) == 1
        assert signing_keys.list_keys(session, "lihua")[0].revoked_at is not None


def test_no_unencrypted_private_key_anywhere(trusted: OpenStore, settings: Settings) -> None:
    _key_and_checkpoint(trusted, "lihua", NOTARY_PASSWORD)
    actor = users.sign_in(trusted.database, "lihua", NOTARY_PASSWORD)
    with trusted.database.session_scope() as session:
        private_key = signing_keys.unlock(session, actor, NOTARY_PASSWORD).private_key
    scalar = private_key.private_numbers().private_value.to_bytes(32, "big")
    der = private_key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
    pem = private_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
    trusted.close()
    blobs = [path.read_bytes() for path in settings.data_dir.rglob("*") if path.is_file()]
    if settings.database_url:  # PostgreSQL: every byte column of every table
        reopened = open_store(settings)
        with reopened.database.engine.connect() as connection:
            blobs += [bytes(row[0]) for row in connection.execute(text(
                "SELECT encrypted_private_key FROM signing_key"))]
            blobs += [row[0].encode() for row in connection.execute(text(
                "SELECT certificate_pem FROM signing_key"))]
        reopened.close()
    assert blobs
    for blob in blobs:
        assert scalar not in blob and der not in blob and pem not in blob and b"PRIVATE KEY" not in blob


# --- the ledger -------------------------------------------------------------------------------------
@pytest.mark.parametrize("table", ["ledger_entry", "merkle_node", "checkpoint"])
def test_database_refuses_update_and_delete(trusted: OpenStore, table: str) -> None:
    _key_and_checkpoint(trusted, "lihua", NOTARY_PASSWORD)
    column = {"ledger_entry": "actor = 'x'", "merkle_node": "level = level",
              "checkpoint": "signer = 'x'"}[table]
    for statement in (f"UPDATE {table} SET {column}", f"DELETE FROM {table}"):
        with pytest.raises(DBAPIError, match="append-only"), trusted.database.engine.begin() as connection:
            connection.execute(text(statement))
    with trusted.database.session_scope() as session:
        assert verify_ledger(session).clean


def _codes(store: OpenStore) -> list[tuple[str, int | None]]:
    with store.database.session_scope() as session:
        return [(finding.code, finding.seq) for finding in verify_ledger(session).findings]


def test_verify_names_a_changed_entry(trusted: OpenStore) -> None:
    _key_and_checkpoint(trusted, "lihua", NOTARY_PASSWORD)
    behind_the_triggers(trusted, "ledger_entry", "UPDATE ledger_entry SET actor = 'mallory' WHERE seq = 2")
    codes = _codes(trusted)
    assert ("entry-changed", 2) in codes
    assert ("checkpoint-root", None) in codes


def test_verify_names_a_changed_node(trusted: OpenStore) -> None:
    _key_and_checkpoint(trusted, "lihua", NOTARY_PASSWORD)
    behind_the_triggers(trusted, "merkle_node",
                         "UPDATE merkle_node SET hash = :h WHERE level = 1 AND idx = 0",
                         h=bytes(32))
    codes = [code for code, _ in _codes(trusted)]
    assert "node-changed" in codes


def test_verify_names_a_bad_checkpoint_signature(trusted: OpenStore) -> None:
    made = _key_and_checkpoint(trusted, "lihua", NOTARY_PASSWORD)
    behind_the_triggers(trusted, "checkpoint", "UPDATE checkpoint SET signer = 'mallory' WHERE id = :id",
                         id=made.id)
    codes = [code for code, _ in _codes(trusted)]
    assert "checkpoint-signature" in codes


def test_verify_names_removed_entries(trusted: OpenStore) -> None:
    _key_and_checkpoint(trusted, "lihua", NOTARY_PASSWORD)
    with trusted.database.session_scope() as session:
        last = ledger.size(session) - 1
    behind_the_triggers(trusted, "ledger_entry", f"DELETE FROM ledger_entry WHERE seq = {last}")
    behind_the_triggers(trusted, "ledger_entry", "DELETE FROM ledger_entry WHERE seq = 1")
    codes = [code for code, _ in _codes(trusted)]
    assert "entries-removed" in codes and "entry-missing" in codes


def test_concurrent_appends_get_consecutive_numbers(trusted: OpenStore) -> None:
    def work(worker: int) -> None:
        for step in range(10):
            with trusted.database.session_scope() as session:
                ledger.append(session, f"worker{worker}", "test.event", f"item:{worker}:{step}")

    run_concurrently(work, range(4))
    with trusted.database.session_scope() as session:
        seqs = list(session.scalars(select(LedgerEntry.seq).order_by(LedgerEntry.seq)))
        assert seqs == list(range(len(seqs)))
        assert verify_ledger(session).clean


def test_inclusion_and_consistency_proofs_from_the_stored_tree(trusted: OpenStore) -> None:
    from desktop.core.integrity.merkle import leaf_hash, verify_consistency, verify_inclusion

    with trusted.database.session_scope() as session:
        for step in range(20):
            ledger.append(session, "admin", "test.event", f"item:{step}")
    with trusted.database.session_scope() as session:
        tree = ledger.tree(session)
        size = ledger.size(session)
        root = tree.root(size)
        for entry in ledger.iter_entries(session):
            proof = tree.inclusion_proof(entry.seq, size)
            assert verify_inclusion(leaf_hash(entry.leaf()), entry.seq, size, proof, root)
        old = size // 2
        assert verify_consistency(old, size, tree.root(old), root, tree.consistency_proof(old, size))


# --- the command line -------------------------------------------------------------------------------
def test_cli_users_keys_checkpoint_ledger_verify(cli_env: Settings, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    monkeypatch.setenv("MEDISEAL_NEW_PASSWORD", NOTARY_PASSWORD)
    assert run(["user", "add", "lihua", "--real-name", "李华", "--role", "notary", "--role",
                "mediator"]) == EXIT_OK
    assert run(["user", "list", "--json"]) == EXIT_OK
    capsys.readouterr()
    assert run(["user", "list", "--json"]) == EXIT_OK
    listed = json.loads(capsys.readouterr().out)
    assert [(u["name"], u["roles"]) for u in listed] == [
        ("admin", ["admin"]), ("lihua", ["mediator", "notary"])]

    assert run(["key", "new"]) == EXIT_OK
    assert run(["checkpoint"]) == EXIT_OK
    assert run(["key", "export-cert", "--user", "admin", "--out", str(tmp_path / "admin.pem")]) == EXIT_OK
    assert run(["key", "export-cert", "--user", "admin", "--out", str(tmp_path / "admin.pem")]) == EXIT_USAGE
    shown = subprocess.run(["openssl", "x509", "-in", str(tmp_path / "admin.pem"), "-noout", "-subject"],
                           capture_output=True, text=True)
    assert shown.returncode == 0 and "admin" in shown.stdout
    capsys.readouterr()

    assert run(["ledger", "--json", "--from", "1"]) == EXIT_OK
    entries = json.loads(capsys.readouterr().out)
    assert entries[0]["seq"] == 1 and entries[0]["type"] == "ledger-entry"
    assert {"user.created", "sign_in", "key.created"} <= {entry["kind"] for entry in entries}
    assert run(["verify", "--json"]) == EXIT_OK
    report = json.loads(capsys.readouterr().out)
    assert report["clean"] is True and report["checkpoints"] == 1


def test_cli_refusals_and_bad_input(cli_env: Settings, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("MEDISEAL_NEW_PASSWORD", NOTARY_PASSWORD)
    assert run(["user", "add", "lihua", "--real-name", "李华", "--role", "clerk"]) == EXIT_OK
    capsys.readouterr()
    monkeypatch.setenv("MEDISEAL_USER", "lihua")
    monkeypatch.setenv("MEDISEAL_PASSWORD", NOTARY_PASSWORD)
    # A clerk manages no one.
    assert run(["user", "add", "mallory", "--real-name", "马洛", "--role", "admin"]) == EXIT_REFUSED
    assert "may not manage users" in capsys.readouterr().err
    assert run(["checkpoint"]) == EXIT_REFUSED  # no key yet
    assert "no usable signing key" in capsys.readouterr().err
    monkeypatch.setenv("MEDISEAL_PASSWORD", "wrong-password")
    assert run(["key", "new"]) == EXIT_REFUSED
    assert "Wrong user name or password." in capsys.readouterr().err
    monkeypatch.delenv("MEDISEAL_USER")
    assert run(["key", "new"]) == EXIT_USAGE
    assert "--user" in capsys.readouterr().err
    monkeypatch.setenv("MEDISEAL_USER", "admin")
    monkeypatch.setenv("MEDISEAL_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setenv("MEDISEAL_NEW_PASSWORD", "short")
    assert run(["user", "add", "shorty", "--real-name", "矮个", "--role", "clerk"]) == EXIT_USAGE
    assert "at least 10 characters" in capsys.readouterr().err
    assert run(["user", "add", "x", "--real-name", "某某", "--role", "judge"]) == EXIT_USAGE
    monkeypatch.delenv("MEDISEAL_PASSWORD")
    assert run(["user", "list"]) == EXIT_USAGE  # no terminal to ask on, no variable
    assert "MEDISEAL_PASSWORD" in capsys.readouterr().err


def test_cli_verify_exits_1_with_findings(cli_env: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    settings = Settings(cli_env.data_dir, cli_env.database_url, None)
    store = open_store(settings)
    try:
        behind_the_triggers(store, "ledger_entry", "UPDATE ledger_entry SET kind = 'forged' WHERE seq = 0")
    finally:
        store.close()
    capsys.readouterr()
    assert run(["verify"]) == EXIT_REFUSED
    out = capsys.readouterr().out
    assert "FINDING entry-changed: entry 0" in out


def _ca_issued_p12(password: str) -> bytes:
    """A PKCS#12 with a P-256 key, its certificate from a test CA, and the CA certificate."""
    now = datetime.now(UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "测试根 CA")])
    usage = {"key_encipherment": False, "data_encipherment": False, "key_agreement": False,
             "encipher_only": False, "decipher_only": False}

    def certificate(subject: x509.Name, public_key: object, ca: bool) -> x509.Certificate:
        return (x509.CertificateBuilder().subject_name(subject).issuer_name(ca_name)
                .public_key(public_key).serial_number(x509.random_serial_number())  # type: ignore[arg-type]
                .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=700))
                .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
                .add_extension(x509.KeyUsage(digital_signature=not ca, content_commitment=not ca,
                                             key_cert_sign=ca, crl_sign=ca, **usage), critical=True)
                .sign(ca_key, hashes.SHA256()))

    ca_certificate = certificate(ca_name, ca_key.public_key(), True)
    key = ec.generate_private_key(ec.SECP256R1())
    own = certificate(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "李华 公证员")]), key.public_key(),
                      False)
    return pkcs12.serialize_key_and_certificates(b"seal", key, own, [ca_certificate],
                                                 serialization.BestAvailableEncryption(password.encode()))


def test_cli_imports_a_ca_issued_key(cli_env: Settings, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bundle = tmp_path / "lihua.p12"
    bundle.write_bytes(_ca_issued_p12("p12-口令"))
    monkeypatch.setenv("MEDISEAL_PKCS12_PASSWORD", "wrong")
    assert run(["key", "import", str(bundle)]) == EXIT_REFUSED
    assert "does not open this PKCS#12" in capsys.readouterr().err
    assert run(["key", "import", str(tmp_path / "missing.p12")]) == EXIT_USAGE
    (tmp_path / "junk.p12").write_bytes(b"not a pkcs12 file at all")
    assert run(["key", "import", str(tmp_path / "junk.p12")]) == EXIT_USAGE
    assert run(["key", "list", "--json"]) == EXIT_OK
    capsys.readouterr()
    assert run(["key", "list", "--json"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out) == []  # nothing was stored by the failures

    monkeypatch.setenv("MEDISEAL_PKCS12_PASSWORD", "p12-口令")
    assert run(["key", "import", str(bundle)]) == EXIT_OK
    assert run(["key", "import", str(bundle)]) == EXIT_REFUSED  # the same certificate twice
    capsys.readouterr()
    assert run(["key", "list", "--json"]) == EXIT_OK
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["source"] == "pkcs12" and listed["issuer"] == "测试根 CA" and listed["owner"] == "admin"
    assert run(["checkpoint"]) == EXIT_OK  # the imported key signs
    assert run(["verify"]) == EXIT_OK
    out = tmp_path / "chain.pem"
    assert run(["key", "export-cert", "--user", "admin", "--out", str(out)]) == EXIT_OK
    assert out.read_text().count("BEGIN CERTIFICATE") == 2  # the certificate and its CA


def test_cli_key_revoke_then_checkpoint_is_refused(cli_env: Settings,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["key", "new"]) == EXIT_OK
    assert run(["key", "revoke", "--reason", "key lost"]) == EXIT_OK
    assert run(["checkpoint"]) == EXIT_REFUSED
    assert "no usable signing key" in capsys.readouterr().err
    assert run(["key", "list"]) == EXIT_OK
    assert "revoked" in capsys.readouterr().out
