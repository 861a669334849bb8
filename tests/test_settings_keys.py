"""Settings ▸ Signing keys: a notary creates, imports, exports and revokes their key in the window; a new key
signs at once (no sign-out), revoking the window's key takes it away at once. In core: a revocation
carries its reason, the ``key.revoked`` entry's digest covers it, and verification names a changed one."""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from PySide6.QtCore import QLocale, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.models import LedgerEntry, SigningKey
from desktop.cli import EXIT_OK, EXIT_USAGE, run
from desktop.core.cases import matters
from desktop.core.errors import InvalidInput, NotAllowed
from desktop.core.evidence import intake, seals
from desktop.core.integrity.canonical import format_time
from desktop.core.office import office
from desktop.core.storage.store import OpenStore
from desktop.core.trust import checkpoints, ledger, signing_keys, users
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Actor, Role
from desktop.core.trust.pki import certificates
from desktop.core.trust.sign_in import SignedInUser, sign_in_user
from desktop.core.trust.signing_keys import KeyStatus
from desktop.core.verification.codes import FindingCode
from desktop.core.verification.ledger import verify_ledger
from desktop.ui.evidence.page import EvidencePage
from desktop.ui.framework.i18n import install_translator, remove_translators
from desktop.ui.main_window import MainWindow
from desktop.ui.settings.keys import KeysSection
from tests.cli_env import point_cli_at
from tests.qt_helpers import attached_window, close_window, settled, type_text
from tests.tamper import behind_the_back

ADMIN_PASSWORD = "admin-password-1"
NOTARY_PASSWORD = "notary-password-1"
OTHER_PASSWORD = "other-notary-pw-1"
P12_PASSWORD = "p12-password"
OP_TIMEOUT = 20_000
REASON = "私钥文件遗失"


class Office:
    """An office, an administrator, two notaries (``lihua`` with no key yet, ``wangfang`` with one) and a
    case with one evidence item."""

    def __init__(self, store: OpenStore, folder: Path) -> None:
        self.store = store
        self.database = store.database
        with self.database.session_scope() as session:
            office.create_office(session, "昆明公证处", "云知调")
            admin = users.create_first_admin(session, "admin", ADMIN_PASSWORD, "赵文")
            users.add_user(session, admin, "lihua", frozenset({Role.NOTARY}), NOTARY_PASSWORD, "李华")
            users.add_user(session, admin, "wangfang", frozenset({Role.NOTARY}), OTHER_PASSWORD, "王芳")
        self.admin = users.sign_in(self.database, "admin", ADMIN_PASSWORD)
        self.wangfang = users.sign_in(self.database, "wangfang", OTHER_PASSWORD)
        with self.database.session_scope() as session:
            self.wangfang_key = signing_keys.new_key(session, self.wangfang, OTHER_PASSWORD)
        self.lihua = users.sign_in(self.database, "lihua", NOTARY_PASSWORD)
        with self.database.session_scope() as session:
            self.case = matters.open_case(session, self.lihua, "copyright", "某图片著作权纠纷").number
        folder.mkdir()
        (folder / "侵权页面.txt").write_bytes("页面截图的文字\n".encode())
        report = intake.ingest_files(self.database, store.vault, self.lihua, self.case,
                                     [folder / "侵权页面.txt"])
        self.item = report.items[0].id

    def new_key(self, actor: Actor, password: str) -> signing_keys.KeyInfo:
        with self.database.session_scope() as session:
            return signing_keys.new_key(session, actor, password)

    def keys(self, owner: str | None = None) -> list[signing_keys.KeyInfo]:
        with self.database.session_scope() as session:
            return signing_keys.list_keys(session, owner)

    def findings(self) -> list[str]:
        with self.database.session_scope() as session:
            return [str(finding.code) for finding in verify_ledger(session).findings]


@pytest.fixture
def desk(store: OpenStore, tmp_path: Path) -> Office:
    return Office(store, tmp_path / "in")


@pytest.fixture
def gui_desk(sqlite_store: OpenStore, tmp_path: Path) -> Office:
    return Office(sqlite_store, tmp_path / "in")


def _window(qtbot: QtBot, desk: Office, name: str, password: str) -> MainWindow:
    window = attached_window(qtbot, desk.store, "昆明公证处", sign_in_user(desk.database, name, password))
    window.show_page("settings")
    assert window.settings_page is not None
    settled(qtbot, window, window.settings_page)
    return window


def _section(window: MainWindow) -> KeysSection:
    assert window.settings_page is not None
    return window.settings_page.keys


def _evidence_page(qtbot: QtBot, window: MainWindow, case: str) -> EvidencePage:
    page = window.evidence_page
    assert page is not None
    settled(qtbot, page)
    page.case_combo.setCurrentIndex(page.case_combo.findData(case))
    settled(qtbot, page)
    return page


def _close_boxes() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            widget.close()


# --- a key made in the window signs at once ---------------------------------------------------------
def test_a_key_created_in_settings_seals_without_signing_out(qtbot: QtBot, gui_desk: Office) -> None:
    window = _window(qtbot, gui_desk, "lihua", NOTARY_PASSWORD)
    assert window.signed_in is not None and window.signed_in.key is None
    page = _evidence_page(qtbot, window, gui_desk.case)
    page.table.selectAll()
    assert not page.seal_action.isEnabled()
    assert "Settings → Signing keys" in page.seal_action.toolTip()  # says how to get a key
    assert page.verify() is not None
    qtbot.waitUntil(lambda: page.verify_op is None and page.report is not None, timeout=OP_TIMEOUT)
    report = page.report

    window.show_page("settings")
    section = _section(window)
    assert section.table.rowCount() == 0 and "no signing key" in section.note.text()
    dialog = section.create_key()
    assert dialog is not None
    dialog.resize(dialog.minimumWidth(), dialog.sizeHint().height())
    type_text(dialog.password_edit, "not-my-password")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.text() == "Wrong user name or password.", timeout=OP_TIMEOUT)
    qtbot.waitUntil(lambda: dialog.message.height() >= dialog.message.heightForWidth(dialog.message.width()))
    assert dialog.password_edit.height() >= dialog.password_edit.minimumSizeHint().height()  # not squashed
    assert dialog.isVisible() and gui_desk.keys("lihua") == []

    dialog.password_edit.clear()
    type_text(dialog.password_edit, NOTARY_PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=OP_TIMEOUT)
    made, = gui_desk.keys("lihua")
    # The window's sign-in now holds the new key, unlocked; every page sees the same sign-in.
    assert window.signed_in.key is not None and window.signed_in.key.fingerprint == made.fingerprint
    assert page.signed_in is window.signed_in and section.signed_in is window.signed_in
    assert window.ledger_page is not None and window.ledger_page.signed_in is window.signed_in
    assert page.report is report  # the same sign-in with a new key: this user's report stays in view
    settled(qtbot, window.settings_page)
    assert section.table.rowCount() == 1
    assert section.table.item(0, 2).text() == "In use"
    assert made.fingerprint[:4] in section.table.item(0, 1).text()
    assert made.fingerprint in section.table.item(0, 1).toolTip().replace(" ", "")

    window.show_page("evidence")
    settled(qtbot, page)
    page.table.selectAll()
    assert page.seal_action.isEnabled() and "Settings" not in page.seal_action.toolTip()
    page.seal_selected()
    box = page.dialog
    assert isinstance(box, QMessageBox)
    next(button for button in box.buttons() if button.text() == "Seal").click()
    qtbot.waitUntil(lambda: page.seal_op is None, timeout=OP_TIMEOUT)
    with gui_desk.database.session_scope() as session:
        kinds = [entry.kind for entry in ledger.subject_entries(session, f"evidence:{gui_desk.item}")]
    assert EventKind.EVIDENCE_SEALED in kinds
    close_window(qtbot, window)  # the sign-out's checkpoint is signed with the new key too
    with gui_desk.database.session_scope() as session:
        checkpoint = checkpoints.latest(session)
    assert checkpoint is not None and checkpoint.fingerprint == made.fingerprint
    assert gui_desk.findings() == []


def _test_pkcs12(path: Path, common_name: str) -> x509.Certificate:
    """A P-256 key and a certificate from a test CA, packed as a password-protected PKCS#12 at ``path``."""
    now = datetime.now(UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "测试 CA")])
    usage = x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                          data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
                          encipher_only=False, decipher_only=False)
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = (x509.CertificateBuilder()
                   .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)]))
                   .issuer_name(ca_name).public_key(key.public_key())
                   .serial_number(x509.random_serial_number())
                   .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=365))
                   .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
                   .add_extension(usage, critical=True)
                   .sign(ca_key, hashes.SHA256()))
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        b"seal", key, certificate, None, serialization.BestAvailableEncryption(P12_PASSWORD.encode())))
    return certificate


def test_a_pkcs12_imported_in_settings_signs_at_once(qtbot: QtBot, gui_desk: Office, tmp_path: Path) -> None:
    certificate = _test_pkcs12(tmp_path / "lihua.p12", "李华 公证员")
    window = _window(qtbot, gui_desk, "lihua", NOTARY_PASSWORD)
    section = _section(window)
    dialog = section.import_key(tmp_path / "lihua.p12")
    assert dialog is not None and dialog.file_edit.text() == str(tmp_path / "lihua.p12")
    type_text(dialog.file_password_edit, "wrong")
    type_text(dialog.password_edit, NOTARY_PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "password does not open this PKCS#12" in dialog.message.text(),
                    timeout=OP_TIMEOUT)
    dialog.file_password_edit.clear()
    type_text(dialog.file_password_edit, P12_PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=OP_TIMEOUT)

    fingerprint = certificates.certificate_fingerprint(certificate)
    imported, = gui_desk.keys("lihua")
    assert imported.fingerprint == fingerprint and imported.source == signing_keys.SOURCE_PKCS12
    assert imported.issuer == "测试 CA" and imported.status is KeyStatus.IN_USE
    assert window.signed_in is not None and window.signed_in.key is not None
    assert window.signed_in.key.fingerprint == fingerprint
    with gui_desk.database.session_scope() as session:
        seals.seal_items(session, window.signed_in.actor, window.signed_in.key, [gui_desk.item])
    assert gui_desk.findings() == []


# --- exporting the certificate ----------------------------------------------------------------------
def test_export_certificate_writes_a_pem_openssl_reads_and_never_overwrites(
        qtbot: QtBot, gui_desk: Office, tmp_path: Path) -> None:
    made = gui_desk.new_key(gui_desk.lihua, NOTARY_PASSWORD)
    window = _window(qtbot, gui_desk, "lihua", NOTARY_PASSWORD)
    section = _section(window)
    assert section.table.rowCount() == 1 and section.table.isColumnHidden(0)  # a notary sees their own
    section.table.selectRow(0)
    assert section.copy_fingerprint() == made.fingerprint
    assert QGuiApplication.clipboard().text() == made.fingerprint

    target = tmp_path / "out" / "李华的证书.pem"
    target.parent.mkdir()
    section.export_certificate(str(target))
    qtbot.waitUntil(lambda: section.export_op is None, timeout=OP_TIMEOUT)
    assert str(target) in section.done_label.text()
    result = subprocess.run(["openssl", "x509", "-noout", "-fingerprint", "-sha256", "-in", str(target)],
                            capture_output=True, text=True, check=True)
    shown = re.search(r"Fingerprint=([0-9A-F:]+)", result.stdout)
    assert shown is not None and shown.group(1).replace(":", "").lower() == made.fingerprint
    before = target.read_bytes()

    section.export_certificate(str(target))  # the same name again: refused, the file stays as it was
    qtbot.waitUntil(lambda: section.export_op is None, timeout=OP_TIMEOUT)
    box = section.dialog
    assert isinstance(box, QMessageBox) and "never overwrites" in box.text()
    assert target.read_bytes() == before and sorted(target.parent.iterdir()) == [target]
    _close_boxes()


# --- revoking ---------------------------------------------------------------------------------------
def test_revoking_the_windows_key_in_settings_asks_a_reason_and_stops_sealing(
        qtbot: QtBot, gui_desk: Office) -> None:
    made = gui_desk.new_key(gui_desk.lihua, NOTARY_PASSWORD)
    window = _window(qtbot, gui_desk, "lihua", NOTARY_PASSWORD)
    assert window.signed_in is not None and window.signed_in.key is not None
    old_key = window.signed_in.key
    section = _section(window)
    section.table.selectRow(0)
    dialog = section.revoke_key()
    assert dialog is not None and "this window signs with" in dialog.intro.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # no reason: asked for, nothing done
    assert "reason" in dialog.message.text() and dialog.isVisible() and dialog.op is None
    type_text(dialog.reason_edit, REASON)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=OP_TIMEOUT)

    assert window.signed_in.key is None  # at once, without signing out
    assert window.evidence_page is not None and window.evidence_page.signed_in.key is None
    settled(qtbot, window.settings_page)
    assert section.table.item(0, 2).text() == "Revoked"
    assert REASON in section.table.item(0, 5).text() and "lihua" in section.table.item(0, 5).text()
    assert not section.revoke_button.isEnabled()
    page = _evidence_page(qtbot, window, gui_desk.case)
    page.table.selectAll()
    assert not page.seal_action.isEnabled() and "Settings → Signing keys" in page.seal_action.toolTip()
    # The key still held in memory signs nothing: core refuses, saying why and what to do.
    with pytest.raises(NotAllowed, match=r"revoked.*Settings → Signing keys"), \
            gui_desk.database.session_scope() as session:
        seals.seal_items(session, window.signed_in.actor, old_key, [gui_desk.item])
    revoked, = gui_desk.keys("lihua")
    assert revoked.fingerprint == made.fingerprint and revoked.revocation_reason == REASON
    assert revoked.revoked_by == "lihua" and gui_desk.findings() == []


def test_an_administrator_sees_every_key_and_revokes_anyones(qtbot: QtBot, gui_desk: Office) -> None:
    gui_desk.new_key(gui_desk.lihua, NOTARY_PASSWORD)
    window = _window(qtbot, gui_desk, "admin", ADMIN_PASSWORD)
    section = _section(window)
    assert not section.table.isColumnHidden(0)
    owners = [section.table.item(row, 0).text() for row in range(section.table.rowCount())]
    assert owners == ["wangfang", "lihua"]
    section.table.selectRow(0)
    dialog = section.revoke_key()
    assert dialog is not None and "this window signs with" not in dialog.intro.text()
    type_text(dialog.reason_edit, "公证员离职")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=OP_TIMEOUT)
    settled(qtbot, window.settings_page)
    assert [section.table.item(row, 2).text() for row in range(2)] == ["Revoked", "In use"]
    assert "admin" in section.table.item(0, 5).text() and "公证员离职" in section.table.item(0, 5).text()


def test_revocation_requires_a_clean_reason(desk: Office) -> None:
    desk.new_key(desk.lihua, NOTARY_PASSWORD)
    for reason, message in (("", "required"), ("   ", "required"), ("遗失\x00", "control"),
                            ("遗失\u202e", "control"), ("长" * 201, "at most 200")):
        with pytest.raises(InvalidInput, match=message) as refused, desk.database.session_scope() as session:
            signing_keys.revoke_key(session, desk.lihua, "lihua", reason=reason)
        assert refused.value.fields["field"] == "reason"
    assert all(info.revoked_at is None for info in desk.keys("lihua"))
    with desk.database.session_scope() as session:
        info = signing_keys.revoke_key(session, desk.lihua, "lihua", reason="长" * 200)
    assert info.revocation_reason == "长" * 200
    with pytest.raises(NotAllowed, match="already revoked"), desk.database.session_scope() as session:
        signing_keys.revoke_key(session, desk.lihua, "lihua", reason="again")  # not silently re-recorded


def test_a_notary_cannot_revoke_anothers_key(desk: Office) -> None:
    desk.new_key(desk.lihua, NOTARY_PASSWORD)
    with pytest.raises(NotAllowed, match="manage users"), desk.database.session_scope() as session:
        signing_keys.revoke_key(session, desk.lihua, "wangfang", reason="不是我的")
    assert desk.keys("wangfang")[0].revoked_at is None
    with desk.database.session_scope() as session:
        signing_keys.revoke_key(session, desk.admin, "wangfang", reason="公证员离职")
    revoked, = desk.keys("wangfang")
    assert revoked.revoked_by == "admin" and revoked.status is KeyStatus.REVOKED


def test_the_reason_is_in_the_ledger_and_a_changed_one_is_found(desk: Office) -> None:
    made = desk.new_key(desk.lihua, NOTARY_PASSWORD)
    with desk.database.session_scope() as session:
        info = signing_keys.revoke_key(session, desk.lihua, "lihua", reason=f"  {REASON}  ")
    assert info.revocation_reason == REASON  # trimmed, as every sealed text
    with desk.database.session_scope() as session:
        entry = session.scalars(select(LedgerEntry)
                                .where(LedgerEntry.kind == EventKind.KEY_REVOKED.value)).one()
        row = session.scalars(select(SigningKey).where(SigningKey.fingerprint == made.fingerprint)).one()
        assert row.revoked_at == entry.recorded_at and row.revocation_reason == REASON
        record = signing_keys.revocation_record(made.fingerprint, REASON, entry.recorded_at, "lihua")
        assert record == {"type": "key-revocation", "version": 1, "fingerprint": made.fingerprint,
                          "reason": REASON, "revoked_at": format_time(entry.recorded_at),
                          "revoked_by": "lihua"}
        assert entry.subject_sha256 == signing_keys.revocation_digest(made.fingerprint, REASON,
                                                                      entry.recorded_at, "lihua")
    assert desk.findings() == []

    _set_reason(desk, made.fingerprint, "到期更换")
    assert desk.findings() == [FindingCode.KEY_REVOCATION_REASON_CHANGED]
    _set_reason(desk, made.fingerprint, None)
    assert desk.findings() == [FindingCode.KEY_REVOCATION_REASON_CHANGED]
    # The reason put back but the time moved: that is the time's finding, not the reason's.
    _set_reason(desk, made.fingerprint, REASON)
    behind_the_back(desk.store, [("UPDATE signing_key SET revoked_at = created_at WHERE fingerprint = :fp",
                                  {"fp": made.fingerprint})])
    assert desk.findings() == [FindingCode.KEY_REVOCATION_CHANGED]


def _set_reason(desk: Office, fingerprint: str, reason: str | None) -> None:
    """Change a key's stored revocation reason behind the app's back."""
    behind_the_back(desk.store, [("UPDATE signing_key SET revocation_reason = :reason "
                                  "WHERE fingerprint = :fp", {"reason": reason, "fp": fingerprint})])


def test_older_revocations_without_a_reason_still_verify(desk: Office) -> None:
    """Entries logged before reasons were recorded carry the bare fingerprint, or nothing (a password
    reset): they verify as they are, and a reason added to their row afterwards is found."""
    made = desk.new_key(desk.lihua, NOTARY_PASSWORD)
    other = desk.keys("wangfang")[0]
    with desk.database.session_scope() as session:
        for fingerprint, digest in ((made.fingerprint, made.fingerprint), (other.fingerprint, None)):
            row = session.scalars(select(SigningKey).where(SigningKey.fingerprint == fingerprint)).one()
            row.revoked_at = datetime.now(UTC)
            ledger.append(session, "admin", EventKind.KEY_REVOKED, f"key:{fingerprint}", digest)
    assert desk.findings() == []
    assert all(info.revocation_reason is None for info in desk.keys(None))
    _set_reason(desk, made.fingerprint, "后来补写的理由")
    assert desk.findings() == [FindingCode.KEY_REVOCATION_REASON_CHANGED]


def test_a_password_reset_records_its_reason(desk: Office) -> None:
    with desk.database.session_scope() as session:
        revoked = users.change_password(session, desk.admin, "wangfang", "a-new-password-1")
    assert revoked == [desk.wangfang_key.fingerprint]
    info, = desk.keys("wangfang")
    assert info.revocation_reason == "管理员重置密码" and info.revoked_by == "admin"
    assert desk.findings() == []


def test_listing_gives_each_keys_status(desk: Office) -> None:
    first = desk.new_key(desk.lihua, NOTARY_PASSWORD)
    second = desk.new_key(desk.lihua, NOTARY_PASSWORD)
    with desk.database.session_scope() as session:
        statuses = {info.fingerprint: info.status for info in signing_keys.list_keys(session, "lihua")}
        assert statuses == {first.fingerprint: KeyStatus.REPLACED, second.fingerprint: KeyStatus.IN_USE}
        later = signing_keys.list_keys(session, "lihua", now=second.not_after + timedelta(seconds=1))
        assert {info.status for info in later} == {KeyStatus.EXPIRED}
        earlier = signing_keys.list_keys(session, "lihua", now=second.not_before - timedelta(days=1))
        assert {info.status for info in earlier} == {KeyStatus.NOT_YET_VALID}
    with desk.database.session_scope() as session:
        signing_keys.revoke_key(session, desk.lihua, "lihua", second.fingerprint, reason=REASON)
    with desk.database.session_scope() as session:
        statuses = {info.fingerprint: info.status for info in signing_keys.list_keys(session, "lihua")}
    # The older key, never revoked, is the active one again (what a sign-in would unlock).
    assert statuses == {first.fingerprint: KeyStatus.IN_USE, second.fingerprint: KeyStatus.REVOKED}
    with desk.database.session_scope() as session:
        assert signing_keys.usable_key(session, desk.lihua, NOTARY_PASSWORD) is not None
        assert signing_keys.usable_key(session, desk.admin, ADMIN_PASSWORD) is None  # the admin has none


# --- the command line -------------------------------------------------------------------------------
def test_cli_revoke_requires_a_reason_and_lists_it(desk: Office, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    point_cli_at(monkeypatch, desk.store, "wangfang", OTHER_PASSWORD)
    assert run(["key", "revoke"]) == EXIT_USAGE
    assert "--reason" in capsys.readouterr().err
    assert run(["key", "revoke", "--reason", ""]) == EXIT_USAGE  # given but empty: core refuses it
    assert "The field Reason is required." in capsys.readouterr().err  # the field by its English name
    assert run(["key", "revoke", "--reason", "密钥到期更换"]) == EXIT_OK
    assert "密钥到期更换" in capsys.readouterr().out
    assert run(["key", "list", "--owner", "wangfang"]) == EXIT_OK
    assert "revoked" in (listed := capsys.readouterr().out) and "密钥到期更换" in listed
    assert desk.findings() == []


def test_signed_in_user_is_unchanged_for_another_users_revocation(qtbot: QtBot, gui_desk: Office) -> None:
    """An administrator revoking someone else's key keeps their own window's sign-in as it was."""
    window = _window(qtbot, gui_desk, "admin", ADMIN_PASSWORD)
    before = window.signed_in
    assert isinstance(before, SignedInUser)
    section = _section(window)
    section.table.selectRow(0)
    dialog = section.revoke_key()
    assert dialog is not None
    type_text(dialog.reason_edit, "公证员离职")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=OP_TIMEOUT)
    assert window.signed_in is before


# --- layout -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_section_fits_1024_by_700(qtbot: QtBot, gui_desk: Office, qapp: QApplication,
                                      language: str) -> None:
    """Every button whole, the table's columns inside the table, two keys in view (administrator: the
    largest page, with the users table above)."""
    gui_desk.new_key(gui_desk.lihua, NOTARY_PASSWORD)
    locale = QLocale()
    if language != "en":
        assert install_translator(qapp, language) is not None
    try:
        window = _window(qtbot, gui_desk, "admin", ADMIN_PASSWORD)
        window.resize(1024, 700)
        qtbot.waitUntil(lambda: window.size() == QSize(1024, 700))
        section = _section(window)
        settled(qtbot, window.settings_page)
        qtbot.wait(50)
        for button in (section.create_button, section.import_button, section.export_button,
                       section.revoke_button):
            assert button.isVisible() and button.width() >= button.sizeHint().width(), button.text()
            assert section.rect().contains(button.mapTo(section, button.rect().bottomRight())), button.text()
        header = section.table.horizontalHeader()
        assert header.length() <= section.table.viewport().width()
        assert section.table.viewport().height() >= 3 * section.table.rowHeight(0)
        assert window.minimumSizeHint().width() <= 1024 and window.minimumSizeHint().height() <= 700
    finally:
        remove_translators(qapp, locale)
