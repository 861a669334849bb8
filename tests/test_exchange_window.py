"""The exchange dialogs (pytest-qt, real widgets, a real SQLite store): a court package exported from the
case workspace with one item unchecked checks out with ``check_package`` and leaves that item out; the
password is asked only when the export must sign a checkpoint; a cancel leaves no file. Verify a Court
Package says 通过 for a good package and lists a tampered one's findings with their Chinese labels. A
backup restored into a new folder passes ``mediseal verify``; a damaged backup is refused with its reason
and nothing written; a cancelled backup leaves no file. Tools ▸ Back Up is the administrators'."""

from __future__ import annotations

import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QRunnable, Qt, QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.cli import EXIT_OK, run
from desktop.core.exchange import package_layout as layout
from desktop.core.exchange.verify_package import Code, check_package
from desktop.core.storage.store import OpenStore
from desktop.core.trust import checkpoints
from desktop.core.trust.sign_in import SignedInUser, sign_in_user
from desktop.ui.cases.workspace import CaseWorkspace
from desktop.ui.exchange.backup_dialog import BackupDialog, RestoreDialog
from desktop.ui.exchange.export_dialog import ExportPackageDialog
from desktop.ui.exchange.verify_package_dialog import VerifyPackageDialog
from desktop.ui.exchange.working import safe_file_name
from desktop.ui.framework.i18n import install_translator, label, remove_translators
from tests.qt_helpers import attached_window, settled, type_text
from tests.test_package_export import PASSWORD, export, notary_with_items

OP_TIMEOUT = 30_000


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    locale = QLocale()
    install_translator(qapp, "zh_CN")
    yield
    remove_translators(qapp, locale)


class _Blocker(QRunnable):
    def __init__(self, started: threading.Event, release: threading.Event) -> None:
        super().__init__()
        self.started, self.release = started, release

    def run(self) -> None:
        self.started.set()
        self.release.wait(OP_TIMEOUT / 1000)


@contextmanager
def workers_held() -> Iterator[None]:
    """Ops started inside wait for a worker until the block ends: a click on Cancel in the block lands
    before the op's first step (no race with a quick op)."""
    pool = QThreadPool.globalInstance()
    count = pool.maxThreadCount()
    started, release = threading.Event(), threading.Event()
    pool.setMaxThreadCount(1)
    pool.start(_Blocker(started, release))
    assert started.wait(5)
    try:
        yield
    finally:
        release.set()
        pool.setMaxThreadCount(count)


def _export_dialog(qtbot: QtBot, store: OpenStore, notary: SignedInUser, number: str) -> ExportPackageDialog:
    dialog = ExportPackageDialog(store, notary, number)
    qtbot.addWidget(dialog)
    dialog.show()
    settled(qtbot, dialog, timeout=OP_TIMEOUT)
    return dialog


def _click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_export_from_the_workspace_with_one_item_unchecked(qtbot: QtBot, sqlite_store: OpenStore,
                                                           tmp_path: Path) -> None:
    notary, number, items = notary_with_items(sqlite_store, tmp_path / "in")
    workspace = CaseWorkspace(sqlite_store, notary, number)
    qtbot.addWidget(workspace)
    workspace.show()
    settled(qtbot, workspace, timeout=OP_TIMEOUT)
    workspace.tabs.setCurrentWidget(workspace.evidence)
    assert workspace.export_button.isVisible()
    _click(qtbot, workspace.export_button)
    dialog = next(d for d in workspace.dialogs if isinstance(d, ExportPackageDialog))
    settled(qtbot, dialog, timeout=OP_TIMEOUT)
    assert Path(dialog.path.text()).name == f"{safe_file_name(number)}.zip"
    assert dialog.item_list.count() == 3 and dialog.chosen() == [item.id for item in items]
    dialog.item_list.item(1).setCheckState(Qt.CheckState.Unchecked)  # selective disclosure
    assert dialog.count_label.text() == "2 of 3 item(s) in the package"
    out = tmp_path / "out" / "court.zip"
    out.parent.mkdir()
    dialog.path.setText(str(out))

    # No checkpoint covers the items: the first try asks for the password, nothing is written.
    assert not dialog.password.isVisible()
    _click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: dialog.op is None, timeout=OP_TIMEOUT)
    assert dialog.password.isVisible() and not out.exists()
    type_text(dialog.password, "wrong-password-1")
    _click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: dialog.op is None and bool(dialog.message.text()), timeout=OP_TIMEOUT)
    assert not out.exists() and dialog.exported is None
    dialog.password.clear()
    type_text(dialog.password, PASSWORD)
    _click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: dialog.exported is not None, timeout=OP_TIMEOUT)

    made = dialog.exported
    assert made is not None and made.items == (items[0].id, items[2].id) and made.signed_checkpoint
    assert dialog.summary.isVisible() and str(out) in dialog.summary.text()
    summary = dialog.summary.text()
    assert "2 item(s)" in summary and f"checkpoint {made.checkpoint.id}" in summary
    assert dialog.open_button.isVisible()
    assert check_package(out).findings == ()
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
    assert f"court/{layout.evidence_file(items[0].id, items[0].name)}" in names
    assert not any(name.startswith(f"court/{layout.EVIDENCE}/{items[1].id}/") for name in names)
    assert f"court/{layout.record_file(items[1].id)}" not in names
    dialog.reject()


def test_the_password_is_not_asked_when_a_checkpoint_covers_the_items(qtbot: QtBot, sqlite_store: OpenStore,
                                                                      tmp_path: Path) -> None:
    notary, number, items = notary_with_items(sqlite_store, tmp_path / "in", count=2)
    assert notary.key is not None
    with sqlite_store.database.session_scope() as session:
        signed = checkpoints.sign_checkpoint(session, notary.actor, notary.key)
    dialog = _export_dialog(qtbot, sqlite_store, notary, number)
    dialog.path.setText(str(tmp_path / "all.zip"))
    _click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: dialog.exported is not None, timeout=OP_TIMEOUT)
    assert dialog.exported is not None and not dialog.exported.signed_checkpoint
    assert dialog.exported.checkpoint.id == signed.id and not dialog.password.isVisible()
    assert check_package(tmp_path / "all.zip").findings == ()
    assert len(dialog.exported.items) == len(items)


def test_a_cancelled_export_leaves_no_file(qtbot: QtBot, sqlite_store: OpenStore, tmp_path: Path) -> None:
    notary, number, _items = notary_with_items(sqlite_store, tmp_path / "in", count=2)
    assert notary.key is not None
    with sqlite_store.database.session_scope() as session:
        checkpoints.sign_checkpoint(session, notary.actor, notary.key)
    dialog = _export_dialog(qtbot, sqlite_store, notary, number)
    folder = tmp_path / "out"
    folder.mkdir()
    dialog.path.setText(str(folder / "court.zip"))
    with workers_held():
        op = dialog.export()
        assert op is not None and dialog.progress.isVisible()
        _click(qtbot, dialog.progress.cancel_button)
    qtbot.waitUntil(lambda: dialog.op is None, timeout=OP_TIMEOUT)
    assert list(folder.iterdir()) == [] and dialog.exported is None
    assert not dialog.progress.isVisible() and dialog.message.text() == ""
    assert dialog.export_button.isEnabled()  # and it can be done again


def _tampered(source: Path, target: Path, name: str) -> None:
    """A copy of the package with one byte of ``name`` changed (the zip rewritten as a forger would)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == name:
                data = bytes([data[0] ^ 1]) + data[1:]
            new.writestr(info, data)


def test_verify_package_dialog_passes_a_good_package_and_names_a_tampered_ones_findings(
        qtbot: QtBot, sqlite_store: OpenStore, tmp_path: Path, chinese: None) -> None:
    notary, number, items = notary_with_items(sqlite_store, tmp_path / "in")
    good = export(sqlite_store, notary, number, tmp_path / "court.zip").path
    dialog = VerifyPackageDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.verify(good)
    settled(qtbot, dialog, timeout=OP_TIMEOUT)
    assert dialog.verdict.text().startswith("通过")
    assert dialog.case.text() == number and dialog.office.text() == "昆明公证处"
    assert "李华" not in dialog.checkpoint.text() and "lihua" in dialog.checkpoint.text()
    assert "CN=lihua" in dialog.certificates.text()
    assert not dialog.findings.isVisible()

    bad = tmp_path / "changed.zip"
    _tampered(good, bad, f"court/{layout.evidence_file(items[0].id, items[0].name)}")
    dialog.verify(bad)
    settled(qtbot, dialog, timeout=OP_TIMEOUT)
    assert dialog.verdict.text().startswith("未通过")
    assert dialog.findings.isVisible()
    rows = [[dialog.findings.item(row, column).text() for column in range(5)]
            for row in range(dialog.findings.rowCount())]
    chinese_label = label(Code.MANIFEST_MISMATCH)
    assert chinese_label != Code.MANIFEST_MISMATCH.label
    assert any("\u4e00" <= char <= "\u9fff" for char in chinese_label)
    evidence = layout.evidence_file(items[0].id, items[0].name)
    assert [chinese_label, evidence, "", items[0].sha256] == rows[0][:4]
    assert any(row[0] == label(Code.RECORD_SHA256) and row[2] == str(items[0].id) for row in rows)

    with workers_held():
        dialog.verify(good)
        _click(qtbot, dialog.progress.cancel_button)
    settled(qtbot, dialog, timeout=OP_TIMEOUT)
    assert dialog.verdict.text() == "已取消核验。" and not dialog.findings.isVisible()

    garbage = tmp_path / "not-a-zip.zip"
    garbage.write_bytes(b"not a zip at all")
    dialog.verify(garbage)
    settled(qtbot, dialog, timeout=OP_TIMEOUT)
    assert dialog.verdict.text().startswith("未通过") and dialog.message.text()


def test_back_up_then_restore_into_a_new_folder_and_verify(qtbot: QtBot, sqlite_store: OpenStore,
                                                           tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    notary_with_items(sqlite_store, tmp_path / "in", count=2)
    backup_dialog = BackupDialog(sqlite_store)
    qtbot.addWidget(backup_dialog)
    backup_dialog.show()
    archive = tmp_path / "backups" / "b.zip"
    archive.parent.mkdir()
    backup_dialog.path.setText(str(archive))
    _click(qtbot, backup_dialog.backup_button)
    qtbot.waitUntil(lambda: backup_dialog.report is not None, timeout=OP_TIMEOUT)
    report = backup_dialog.report
    assert report is not None and report.blobs == 2 and archive.is_file()
    summary = backup_dialog.summary.text()
    assert str(archive) in summary and "2 of them evidence files" in summary

    restore_dialog = RestoreDialog(sqlite_store.folder.root)
    qtbot.addWidget(restore_dialog)
    restore_dialog.show()
    restore_dialog.archive.setText(str(archive))
    restore_dialog.folder.setText(str(sqlite_store.folder.root))  # never the folder in use
    _click(qtbot, restore_dialog.restore_button)
    assert "in use" in restore_dialog.message.text() and restore_dialog.op is None

    damaged = tmp_path / "backups" / "damaged.zip"
    with zipfile.ZipFile(archive) as old, zipfile.ZipFile(damaged, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            changed = data[:-1] + bytes([data[-1] ^ 1])
            new.writestr(info, changed if info.filename.startswith("vault/") else data)
    target = tmp_path / "restored"
    restore_dialog.archive.setText(str(damaged))
    restore_dialog.folder.setText(str(target))
    _click(qtbot, restore_dialog.restore_button)
    qtbot.waitUntil(lambda: restore_dialog.op is None and bool(restore_dialog.message.text()),
                    timeout=OP_TIMEOUT)
    assert "damaged" in restore_dialog.message.text() and not target.exists()
    assert restore_dialog.report is None

    restore_dialog.archive.setText(str(archive))
    _click(qtbot, restore_dialog.restore_button)
    qtbot.waitUntil(lambda: restore_dialog.report is not None, timeout=OP_TIMEOUT)
    assert f'mediseal --data-dir "{target}"' in restore_dialog.summary.text()
    monkeypatch.setenv("MEDISEAL_DATA_DIR", str(target))
    capsys.readouterr()
    assert run(["verify"]) == EXIT_OK


def test_a_cancelled_backup_leaves_no_file(qtbot: QtBot, sqlite_store: OpenStore, tmp_path: Path) -> None:
    notary_with_items(sqlite_store, tmp_path / "in", count=2)
    dialog = BackupDialog(sqlite_store)
    qtbot.addWidget(dialog)
    dialog.show()
    folder = tmp_path / "backups"
    folder.mkdir()
    dialog.path.setText(str(folder / "b.zip"))
    with workers_held():
        assert dialog.start_backup() is not None
        _click(qtbot, dialog.progress.cancel_button)
    qtbot.waitUntil(lambda: dialog.op is None, timeout=OP_TIMEOUT)
    assert list(folder.iterdir()) == [] and dialog.report is None and dialog.message.text() == ""


def test_tools_menu_offers_verify_to_everyone_and_backup_to_administrators(
        qtbot: QtBot, sqlite_store: OpenStore, tmp_path: Path) -> None:
    notary, _number, _items = notary_with_items(sqlite_store, tmp_path / "in", count=1)
    window = attached_window(qtbot, sqlite_store, "昆明公证处", notary)
    assert window.verify_package_action.isEnabled()
    assert not window.backup_action.isEnabled() and not window.restore_action.isEnabled()
    window.verify_package_action.trigger()
    dialog = window.findChild(VerifyPackageDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
    admin = sign_in_user(sqlite_store.database, "admin", "admin-password-1")
    admin_window = attached_window(qtbot, sqlite_store, "昆明公证处", admin)
    assert admin_window.backup_action.isEnabled() and admin_window.restore_action.isEnabled()
    admin_window.backup_action.trigger()
    backup_dialog = admin_window.findChild(BackupDialog)
    assert backup_dialog is not None and backup_dialog.isVisible()
    backup_dialog.reject()
    admin_window.restore_action.trigger()
    assert admin_window.findChild(RestoreDialog) is not None


def test_verify_package_dialog_shows_notices_and_the_trusted_timestamp(qtbot: QtBot) -> None:
    """A check with notices (facts that break nothing) passes and lists them; the timestamp shows its
    time and authority, or that it does not check out, or that there is none."""
    from datetime import UTC, datetime

    from desktop.core.exchange.package_info import PackageInfo
    from desktop.core.exchange.verify_package import Finding, PackageCheck, TimestampCheck

    dialog = VerifyPackageDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    notice = Finding(Code.UNSEALED, "mediseal/records/3.json", 3, "a seal", "none")
    stamp = TimestampCheck(datetime(2026, 3, 1, 2, 0, tzinfo=UTC), "CN=Test TSA", (), ok=True)
    check = PackageCheck((), (), stamp, (notice,))
    dialog._show((check, PackageInfo("（2026）云知调字第0001号", "昆明公证处")))
    assert dialog.verdict.text() == "Passed, with 1 notice(s) below"
    assert dialog.findings.isVisible() and dialog.findings.item(0, 1).text() == "mediseal/records/3.json"
    assert "CN=Test TSA" in dialog.timestamp.text() and "2026-03-01" in dialog.timestamp.text()
    assert dialog.checkpoint.text() == "not stated"
    failed = TimestampCheck(None, "", (), ok=False)
    dialog._show((PackageCheck((Finding(Code.TIMESTAMP_IMPRINT, "mediseal/timestamps/checkpoint.tsr"),), (),
                               failed), PackageInfo()))
    assert dialog.verdict.text().startswith("Not passed") and "does not check out" in dialog.timestamp.text()
    dialog._show((PackageCheck((), ()), PackageInfo()))
    assert dialog.timestamp.text() == "none in the package" and not dialog.findings.isVisible()


def test_without_a_key_the_export_says_how_to_get_a_checkpoint(qtbot: QtBot, sqlite_store: OpenStore,
                                                                 tmp_path: Path) -> None:
    """No checkpoint covers the items and the user holds no signing key: no password is asked (it would
    unlock nothing); the refusal says what to do, and no file is written."""
    _notary, number, _items = notary_with_items(sqlite_store, tmp_path / "in", count=1)
    admin = sign_in_user(sqlite_store.database, "admin", "admin-password-1")
    assert admin.key is None
    dialog = _export_dialog(qtbot, sqlite_store, admin, number)
    out = tmp_path / "court.zip"
    dialog.path.setText(str(out))
    _click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: dialog.op is None and bool(dialog.message.text()), timeout=OP_TIMEOUT)
    assert "holds no signing key" in dialog.message.text() and not dialog.password.isVisible()
    assert not out.exists() and dialog.export_button.isEnabled()
