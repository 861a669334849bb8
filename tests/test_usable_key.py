"""One check of a usable key guards every signature (checkpoints, seals, preservation records): the row
is the signer's, not revoked, inside its certificate's validity, and the ledger agrees. And the lookup
of a key by fingerprint: exact, or an unambiguous prefix of at least 8 hex digits."""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select, text

from db.models import Checkpoint, EvidenceSeal, PreservationRecord, SigningKey, User
from desktop.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, run
from desktop.core.cases import matters
from desktop.core.errors import InvalidInput, NotAllowed, NotFound
from desktop.core.evidence import intake, preservation, seals
from desktop.core.office import office
from desktop.core.storage.store import OpenStore
from desktop.core.trust import checkpoints, ledger, signing_keys, users
from desktop.core.trust.permissions import Actor, Role
from desktop.core.trust.pki import certificates, key_files
from desktop.core.trust.sign_in import SignedInUser, sign_in_user, sign_out_user
from desktop.core.verification.ledger import verify_ledger
from tests.cli_env import point_cli_at
from tests.qt_helpers import attached_window

ADMIN_PASSWORD = "admin-password-1"
NOTARY_PASSWORD = "notary-password-1"
OTHER_PASSWORD = "other-notary-pw-1"


class Desk:
    """An office with an administrator, two notaries holding keys, a case and one item in it."""

    def __init__(self, store: OpenStore, folder: Path) -> None:
        self.store = store
        self.database = store.database
        with self.database.session_scope() as session:
            office.create_office(session, "昆明公证处", "云知调")
            admin = users.create_first_admin(session, "admin", ADMIN_PASSWORD, "张伟")
            users.add_user(session, admin, "lihua", frozenset({Role.NOTARY}), NOTARY_PASSWORD, "李华")
            users.add_user(session, admin, "wangfang", frozenset({Role.NOTARY}), OTHER_PASSWORD, "王芳")
        self.admin = users.sign_in(self.database, "admin", ADMIN_PASSWORD)
        for name, password in (("lihua", NOTARY_PASSWORD), ("wangfang", OTHER_PASSWORD)):
            actor = users.sign_in(self.database, name, password)
            with self.database.session_scope() as session:
                signing_keys.new_key(session, actor, password)
        self.lihua = sign_in_user(self.database, "lihua", NOTARY_PASSWORD)
        assert self.lihua.key is not None
        with self.database.session_scope() as session:
            self.case = matters.open_case(session, self.lihua.actor, "copyright", "某图片著作权纠纷").number
        folder.mkdir()
        (folder / "a.txt").write_bytes(b"evidence bytes")
        report = intake.ingest_files(self.database, store.vault, self.lihua.actor, self.case,
                                     [folder / "a.txt"])
        self.item = report.items[0].id

    @property
    def key(self) -> signing_keys.UnlockedKey:
        assert self.lihua.key is not None
        return self.lihua.key

    def revoke(self) -> None:
        with self.database.session_scope() as session:
            signing_keys.revoke_key(session, self.admin, "lihua", reason="密钥遗失")

    def counts(self) -> tuple[int, int, int]:
        """Checkpoints, seals and preservation records stored."""
        with self.database.session_scope() as session:
            return tuple(session.scalar(select(func.count()).select_from(table)) or 0  # type: ignore[return-value]
                         for table in (Checkpoint, EvidenceSeal, PreservationRecord))

    def clean(self) -> bool:
        with self.database.session_scope() as session:
            return verify_ledger(session).clean

    def behind_the_apps_back(self, statement: str, **params: object) -> None:
        with self.database.engine.begin() as connection:
            connection.execute(text(statement), params)


@pytest.fixture
def desk(store: OpenStore, tmp_path: Path) -> Desk:
    return Desk(store, tmp_path / "in")


def _preservation_input(item: int) -> preservation.PreservationInput:
    return preservation.PreservationInput((item,), "公证处", "某公司", "李华", "打开网页并截图")


def _every_signature_refused(desk: Desk, match: str) -> None:
    with pytest.raises(NotAllowed, match=match), desk.database.session_scope() as session:
        checkpoints.sign_checkpoint(session, desk.lihua.actor, desk.key)
    with pytest.raises(NotAllowed, match=match), desk.database.session_scope() as session:
        seals.seal_items(session, desk.lihua.actor, desk.key, [desk.item])
    with pytest.raises(NotAllowed, match=match), desk.database.session_scope() as session:
        preservation.create_record(session, desk.lihua.actor, desk.key, desk.case,
                                   _preservation_input(desk.item))
    assert desk.counts() == (0, 0, 0)


# --- revoked during a session -----------------------------------------------------------------------
def test_key_revoked_during_a_session_signs_no_checkpoint_at_sign_out(
        desk: Desk, caplog: pytest.LogCaptureFixture) -> None:
    desk.revoke()
    with caplog.at_level(logging.INFO):
        made = sign_out_user(desk.database, desk.lihua)
    assert made is None and desk.counts() == (0, 0, 0)
    assert desk.lihua.actor.sign_in.ended
    with desk.database.session_scope() as session:
        assert ledger.entries(session, ledger.size(session) - 1)[0].kind == "sign_out"
    assert "no checkpoint" in caplog.text and "revoked" in caplog.text
    assert desk.clean()


def test_key_revoked_during_a_session_signs_nothing(desk: Desk) -> None:
    """The Ledger page's checkpoint call, a seal and a preservation record, with the key unlocked at
    sign-in and revoked since."""
    desk.revoke()
    _every_signature_refused(desk, "revoked")
    assert desk.clean()


@pytest.mark.gui
def test_ledger_page_checkpoint_with_a_key_revoked_since_sign_in(qtbot: QtBot, desk: Desk) -> None:
    window = attached_window(qtbot, desk.store, "昆明公证处", desk.lihua)
    window.show_page("ledger")
    page = window.ledger_page
    assert page is not None and page.checkpoint_button.isEnabled()
    desk.revoke()
    qtbot.mouseClick(page.checkpoint_button, Qt.MouseButton.LeftButton)

    def message_box() -> QMessageBox | None:
        return next((widget for widget in QApplication.topLevelWidgets()
                     if isinstance(widget, QMessageBox) and widget.isVisible()), None)

    qtbot.waitUntil(lambda: message_box() is not None, timeout=10_000)
    box = message_box()
    assert box is not None and "revoked" in box.text()
    box.accept()
    assert desk.counts() == (0, 0, 0) and desk.clean()


def test_the_same_session_still_signs_with_a_usable_key(desk: Desk) -> None:
    with desk.database.session_scope() as session:
        checkpoints.sign_checkpoint(session, desk.lihua.actor, desk.key)
        seals.seal_items(session, desk.lihua.actor, desk.key, [desk.item])
    with desk.database.session_scope() as session:
        preservation.create_record(session, desk.lihua.actor, desk.key, desk.case,
                                   _preservation_input(desk.item))
    assert sign_out_user(desk.database, desk.lihua) is not None
    assert desk.counts() == (2, 1, 1) and desk.clean()


# --- the ledger is the truth ------------------------------------------------------------------------
def test_a_revocation_undone_behind_the_apps_back_still_refuses(desk: Desk) -> None:
    desk.revoke()
    desk.behind_the_apps_back("UPDATE signing_key SET revoked_at = NULL")
    _every_signature_refused(desk, "ledger")
    with pytest.raises(NotAllowed, match="ledger"), desk.database.session_scope() as session:
        signing_keys.unlock(session, desk.lihua.actor, NOTARY_PASSWORD)
    assert sign_in_user(desk.database, "lihua", NOTARY_PASSWORD).key is None  # signs in, signs nothing


def test_a_swapped_certificate_refuses(desk: Desk) -> None:
    _key, other = certificates.new_signing_key("lihua", "昆明公证处",
                                               desk.key.certificate.not_valid_before_utc)
    desk.behind_the_apps_back("UPDATE signing_key SET certificate_pem = :pem WHERE fingerprint = :fp",
                              pem=certificates.certificate_pem(other).decode(), fp=desk.key.fingerprint)
    _every_signature_refused(desk, "not the SHA-256 of its certificate")


def test_a_key_the_ledger_never_recorded_refuses(desk: Desk) -> None:
    private_key, certificate = certificates.new_signing_key("lihua", "昆明公证处",
                                                            desk.key.certificate.not_valid_before_utc)
    with desk.database.session_scope() as session:  # a row slipped in without its ledger entry
        session.add(SigningKey(user_id=desk.lihua.actor.user_id,
                               fingerprint=certificates.certificate_fingerprint(certificate),
                               certificate_pem=certificates.certificate_pem(certificate).decode(),
                               chain_pem="", source="self-signed",
                               encrypted_private_key=key_files.encrypt_private_key(private_key,
                                                                                   NOTARY_PASSWORD)))
    with pytest.raises(NotAllowed, match="ledger"), desk.database.session_scope() as session:
        key = signing_keys.unlock(session, desk.lihua.actor, NOTARY_PASSWORD)
        # Before the fix, that unlocked the slipped-in key; it must not sign either.
        checkpoints.sign_checkpoint(session, desk.lihua.actor, key)
    assert desk.counts() == (0, 0, 0)


def test_signing_outside_the_certificates_validity_refuses(desk: Desk) -> None:
    after = desk.key.certificate.not_valid_after_utc + timedelta(days=1)
    before = desk.key.certificate.not_valid_before_utc - timedelta(days=1)
    for moment in (after, before):
        with pytest.raises(NotAllowed, match="valid"), desk.database.session_scope() as session:
            checkpoints.sign_checkpoint(session, desk.lihua.actor, desk.key, now=moment)
        with pytest.raises(NotAllowed, match="valid"), desk.database.session_scope() as session:
            preservation.create_record(session, desk.lihua.actor, desk.key, desk.case,
                                       _preservation_input(desk.item), now=moment)
    assert desk.counts() == (0, 0, 0)


def test_someone_elses_key_signs_nothing(desk: Desk) -> None:
    other = users.sign_in(desk.database, "wangfang", OTHER_PASSWORD)
    with pytest.raises(NotAllowed), desk.database.session_scope() as session:
        checkpoints.sign_checkpoint(session, other, desk.key)
    with pytest.raises(NotAllowed), desk.database.session_scope() as session:
        seals.seal_items(session, other, desk.key, [desk.item])
    assert desk.counts() == (0, 0, 0)


# --- through the command line -----------------------------------------------------------------------
@pytest.fixture
def cli_desk(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> Desk:
    point_cli_at(monkeypatch, desk.store, "lihua", NOTARY_PASSWORD)
    return desk


def test_cli_checkpoint_refuses_a_key_the_ledger_says_is_revoked(cli_desk: Desk,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["key", "revoke", "--reason", "key lost"]) == EXIT_OK
    cli_desk.behind_the_apps_back("UPDATE signing_key SET revoked_at = NULL")
    capsys.readouterr()
    assert run(["checkpoint"]) == EXIT_REFUSED
    assert "ledger" in capsys.readouterr().err
    assert run(["evidence", "seal", str(cli_desk.item)]) == EXIT_REFUSED
    assert cli_desk.counts() == (0, 0, 0)


# --- finding a key by its fingerprint ---------------------------------------------------------------
def _fingerprints(desk: Desk, owner: str) -> list[str]:
    with desk.database.session_scope() as session:
        return [info.fingerprint for info in signing_keys.list_keys(session, owner)]


@pytest.mark.parametrize("given", ["_", "%", "", "  ", "abc", "1234567", "_______%", "zzzzzzzz", "%%%%%%%%%"])
def test_a_fingerprint_that_cannot_name_one_key_is_refused(desk: Desk, given: str) -> None:
    with pytest.raises(InvalidInput) as refused, desk.database.session_scope() as session:
        signing_keys.revoke_key(session, desk.admin, "lihua", given, reason="密钥遗失")
    assert refused.value.fields["field"] == "fingerprint"
    with desk.database.session_scope() as session:
        assert all(info.revoked_at is None for info in signing_keys.list_keys(session))


def test_a_fingerprint_names_one_key_exactly_or_by_prefix(desk: Desk) -> None:
    fingerprint, = _fingerprints(desk, "lihua")
    with desk.database.session_scope() as session:
        pem = signing_keys.export_certificate(session, "lihua", fingerprint.upper())
        assert pem.startswith(b"-----BEGIN")
        assert signing_keys.export_certificate(session, "lihua", f" {fingerprint[:8]} ") == pem
        with pytest.raises(NotFound):  # wangfang's key is not lihua's
            signing_keys.export_certificate(session, "lihua", _fingerprints(desk, "wangfang")[0][:12])
        info = signing_keys.revoke_key(session, desk.admin, "lihua", fingerprint[:10],
                                           reason="密钥遗失")
    assert info.fingerprint == fingerprint and info.revoked_at is not None


def test_an_ambiguous_prefix_is_refused_naming_the_candidates(desk: Desk) -> None:
    with desk.database.session_scope() as session:
        lihua = session.scalar(select(User).where(User.name == "lihua"))
        assert lihua is not None
        pem = signing_keys.export_certificate(session, "lihua").decode()
        for ending in ("1" * 56, "2" * 56):
            session.add(SigningKey(user_id=lihua.id, fingerprint="deadbeef" + ending, certificate_pem=pem,
                                   chain_pem="", encrypted_private_key=b"", source="self-signed"))
    with pytest.raises(InvalidInput) as refused, desk.database.session_scope() as session:
        signing_keys.export_certificate(session, "lihua", "deadbeef")
    assert "deadbeef" + "1" * 56 in refused.value.message and "deadbeef" + "2" * 56 in refused.value.message
    with desk.database.session_scope() as session:
        assert signing_keys.export_certificate(session, "lihua", "deadbeef2") == pem.encode()


def test_cli_key_revoke_with_a_wildcard_revokes_nothing(cli_desk: Desk,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    for given in ("_", "", "%"):
        assert run(["key", "revoke", "--fingerprint", given, "--reason", "key lost"]) == EXIT_USAGE
    assert "fingerprint" in capsys.readouterr().err
    with cli_desk.database.session_scope() as session:
        assert all(info.revoked_at is None for info in signing_keys.list_keys(session))


def test_sign_out_with_no_key_makes_no_checkpoint(desk: Desk, caplog: pytest.LogCaptureFixture) -> None:
    admin = SignedInUser(Actor(desk.admin.user_id, "admin", desk.admin.roles))
    with caplog.at_level(logging.INFO):
        assert sign_out_user(desk.database, admin) is None
    assert "no checkpoint" in caplog.text and desk.counts() == (0, 0, 0)
