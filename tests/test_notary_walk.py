"""A notary's whole evidence job in the window, in Chinese, from sign-in to the saved report (pytest-qt,
real widgets, a real data folder): sign in; create a signing key in Settings; open a case; take files in
as a party's submission and seal them at once; write a preservation record; export the proofs (signing
the checkpoint the window offers); verify the case; save the report; read the ledger; sign out. Nothing
here calls a service directly once the window is up; every step is a click, a key or a typed word."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from desktop.config import Settings
from desktop.core.office import office
from desktop.core.storage.store import open_store
from desktop.core.trust import checkpoints, users
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Role
from desktop.core.verification.ledger import verify_ledger
from desktop.ui.cases.case_dialog import CaseDialog
from desktop.ui.evidence.acquisition_dialog import AcquisitionDialog
from desktop.ui.evidence.page import SEALED_BY, EvidencePage
from desktop.ui.evidence.preservation_dialog import PreservationDialog
from desktop.ui.framework.i18n import event_label, install_translator, remove_translators
from desktop.ui.ledger.page import LedgerPage
from desktop.ui.main_window import MainWindow
from tests.qt_helpers import launch_and_sign_in, settled, type_text

NOTARY = "lihua"
NOTARY_PASSWORD = "notary-password-1"
OFFICE = "昆明市明信公证处"
OP_TIMEOUT = 30_000


def _office_with_a_notary(settings: Settings) -> None:
    """What the administrator did before: the office and the notary's account (no key yet)."""
    store = open_store(settings)
    with store.database.session_scope() as session:
        office.create_office(session, OFFICE, "云明", mediation_word="调", notarial_prefix="云明",
                             notarial_word="证")
        admin = users.create_first_admin(session, "admin", "admin-password-1", "赵文")
        users.add_user(session, admin, NOTARY, frozenset({Role.NOTARY}), NOTARY_PASSWORD, "李华")
    store.close()


def _box(name: str | None = None) -> QMessageBox | None:
    return next((widget for widget in QApplication.topLevelWidgets()
                 if isinstance(widget, QMessageBox) and widget.isVisible()
                 and (name is None or widget.objectName() == name)), None)


def _click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _box_button(box: QMessageBox, text: str) -> QPushButton:
    found = next((button for button in box.buttons() if button.text().replace("&", "") == text), None)
    assert isinstance(found, QPushButton), [button.text() for button in box.buttons()]
    return found


def _create_key(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page("settings")
    assert window.settings_page is not None
    settled(qtbot, window.settings_page)
    section = window.settings_page.keys
    _click(qtbot, section.create_button)
    dialog = section.dialog
    assert dialog is not None and dialog.isVisible()
    type_text(dialog.password_edit, NOTARY_PASSWORD)
    _click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=OP_TIMEOUT)
    assert window.signed_in is not None and window.signed_in.key is not None
    settled(qtbot, window.settings_page)
    assert section.table.rowCount() == 1 and section.table.item(0, 2).text() == "使用中"


def _open_case(qtbot: QtBot, page: EvidencePage) -> str:
    page.new_case_action.trigger()
    dialog = page.dialog
    assert isinstance(dialog, CaseDialog) and dialog.isVisible()
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findText("商标"))
    type_text(dialog.title_edit, "某某商标网络侵权纠纷")
    _click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=OP_TIMEOUT)
    settled(qtbot, page)
    number = page.case_number()
    assert number is not None and number.startswith("（20") and number.endswith("号")
    assert "）云明证字第" in number  # full-width brackets
    return number


def _take_in(qtbot: QtBot, page: EvidencePage, folder: Path) -> None:
    folder.mkdir()
    files = {"侵权商品页面截图.png": b"\x89PNG\r\n\x1a\n" + b"x" * 4000,
             "购买记录.txt": "订单号 20261126-001\n".encode() * 40}
    for name, data in files.items():
        (folder / name).write_bytes(data)
    dialog = page.take_in([folder / name for name in files])
    assert isinstance(dialog, AcquisitionDialog) and dialog.isVisible()
    assert dialog.kind_combo.currentText() == "当事人提交"
    assert dialog.seal_check.isVisible()
    dialog.seal_check.setChecked(True)
    _click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: page.ingest_op is None, timeout=OP_TIMEOUT)
    summary = page.summary_box
    assert summary is not None and "2 个文件" in summary.text(), summary.text()
    summary.accept()
    settled(qtbot, page)
    assert page.model.rowCount() == 2
    assert all(page.model.index(row, SEALED_BY).data() for row in range(2))  # sealed at once


def _preservation_record(qtbot: QtBot, page: EvidencePage) -> None:
    page.table.selectAll()
    page.preservation_action.trigger()
    dialog = page.dialog
    assert isinstance(dialog, PreservationDialog) and dialog.isVisible()
    assert len(dialog.checked_items()) == 2
    type_text(dialog.place_edit, "昆明市明信公证处第二办证室")
    type_text(dialog.applicant_edit, "云南某某食品有限公司")
    for name in ("张三", "王五"):
        _click(qtbot, dialog.findChild(QPushButton, "addWitness"))
        type_text(dialog.witnesses.edits()[-1], name)
    type_text(dialog.steps_edit, "对公证处电脑进行清洁性检查后，登录购物网站，截取商品页面并下载购买记录。")
    _click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=OP_TIMEOUT)
    settled(qtbot, page)
    assert len(page.records) == 1
    assert page.records[0].record["acquisition"]["witnesses"] == ["张三", "王五"]


def _export_proofs(qtbot: QtBot, page: EvidencePage, out: Path) -> None:
    out.mkdir()
    page.table.selectAll()
    export = page.export_proof(str(out))
    assert export is not None
    # No checkpoint covers the new items yet: the window says so and offers to sign one.
    qtbot.waitUntil(lambda: _box("checkpointNeeded") is not None, timeout=OP_TIMEOUT)
    box = _box("checkpointNeeded")
    assert box is not None
    _box_button(box, "签署检查点并导出").click()
    qtbot.waitUntil(lambda: _box("proofsExported") is not None, timeout=OP_TIMEOUT)
    done = _box("proofsExported")
    assert done is not None and str(out) in done.text()
    done.close()
    folders = sorted(path.name for path in out.iterdir())
    assert len(folders) == 2 and all(name.startswith("item-") for name in folders)
    assert all((out / name / "checkpoint.sig").is_file() for name in folders)


def _verify_and_save(qtbot: QtBot, window: MainWindow, page: EvidencePage, folder: Path) -> Path:
    page.verify_action.trigger()
    qtbot.waitUntil(lambda: page.verify_op is None and page.report is not None, timeout=OP_TIMEOUT)
    assert page.report is not None and page.report.clean
    assert "核验通过" in page.summary.text()
    target = folder / "核验报告.json"
    op = page.save_report(str(target))
    assert op is not None
    with qtbot.waitSignal(op.finished, timeout=OP_TIMEOUT):
        pass
    assert str(target) in window.statusBar().currentMessage()
    return target


def _read_ledger(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page("ledger")
    page = window.ledger_page
    assert isinstance(page, LedgerPage)
    settled(qtbot, page)
    shown = {page.model.index(row, column).data() for row in range(page.model.rowCount())
             for column in range(page.model.columnCount())}
    for kind in (EventKind.KEY_CREATED, EventKind.EVIDENCE_INGESTED, EventKind.EVIDENCE_SEALED,
                 EventKind.PRESERVATION_SEALED):
        assert event_label(kind) in shown, kind
    assert not any(isinstance(text, str) and text.startswith("evidence:") for text in shown)  # in words


def test_a_notary_does_the_whole_evidence_job_in_the_window_in_chinese(
        qtbot: QtBot, qapp: QApplication, empty_settings: Settings, tmp_path: Path) -> None:
    _office_with_a_notary(empty_settings)
    locale = QLocale()
    assert install_translator(qapp, "zh_CN") is not None
    try:
        launcher, window = launch_and_sign_in(qtbot, empty_settings, NOTARY, NOTARY_PASSWORD, OP_TIMEOUT)
        try:
            _create_key(qtbot, window)
            window.show_page("evidence")
            page = window.evidence_page
            assert isinstance(page, EvidencePage)
            settled(qtbot, page)
            number = _open_case(qtbot, page)
            _take_in(qtbot, page, tmp_path / "收到的材料")
            _preservation_record(qtbot, page)
            _export_proofs(qtbot, page, tmp_path / "证明")
            report = _verify_and_save(qtbot, window, page, tmp_path)
            _read_ledger(qtbot, window)
            window.close()
            qtbot.waitUntil(lambda: not window.isVisible(), timeout=OP_TIMEOUT)
        finally:
            launcher.shutdown()
    finally:
        remove_translators(qapp, locale)

    saved = json.loads(report.read_text(encoding="utf-8"))
    assert (saved["scope"], saved["case"], saved["checked_by"]) == ("case", number, NOTARY)
    assert saved["clean"] is True
    store = open_store(empty_settings)
    try:
        with store.database.session_scope() as session:
            assert verify_ledger(session).findings == ()  # the whole job left a store that verifies
            assert checkpoints.latest(session) is not None  # and the sign-out signed a checkpoint
    finally:
        store.close()
