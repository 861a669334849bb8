"""The Evidence page (offscreen, real widgets, a real SQLite store): listing, ingest with per-file and
total progress and one summary, cancel keeping completed files, drag and drop, seal, preview (logged once),
save a copy, preservation records, case verification with a tampered blob, and the Ledger page's
whole-store verification; the verification view (pass/fail banner, digests named, failed items marked,
preview re-read, report name and confirmation, one size unit, report put away at a new sign-in)."""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
import time
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import QBuffer, QIODevice, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from reportlab.pdfgen import canvas

from desktop.core.cases import matters as cases
from desktop.core.evidence import intake
from desktop.core.evidence import items as evidence_items
from desktop.core.evidence.acquisition import Acquisition
from desktop.core.integrity.canonical import parse_time
from desktop.core.office import office
from desktop.core.storage.store import OpenStore
from desktop.core.trust import ledger, passwords, signing_keys, users
from desktop.core.trust.permissions import Role
from desktop.core.trust.pki import key_files
from desktop.core.trust.sign_in import SignedInUser, sign_in_user
from desktop.core.verification.findings import Report
from desktop.ui.evidence.acquisition_dialog import AcquisitionDialog
from desktop.ui.evidence.ingest_panel import BAR_STEPS
from desktop.ui.evidence.page import NAME, SEALED_BY, SHA256, SHA256_SHOWN, SIZE, EvidencePage
from desktop.ui.evidence.preservation_dialog import PreservationDialog
from desktop.ui.ledger.page import LedgerPage
from desktop.ui.verification.report import (
    CODE,
    ITEM,
    SEVERITY_ROLE,
    WHAT,
    checked_time,
    default_report_name,
    safe_file_name,
)
from desktop.ui.verification.report import NAME as FINDING_NAME
from tests.qt_helpers import Heartbeat, attached_window, settled, type_text

ADMIN_PASSWORD = "admin-password-1"
NOTARY_PASSWORD = "notary-password-1"
MEDIATOR_PASSWORD = "mediator-password-1"
OP_TIMEOUT = 20_000


@pytest.fixture
def cheap_key_derivation(monkeypatch: pytest.MonkeyPatch) -> None:
    """Real argon2id and scrypt at their lowest costs: these tests are about evidence, not passwords."""
    cheap = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)
    monkeypatch.setattr(passwords, "_HASHER", cheap)
    monkeypatch.setattr(key_files, "SCRYPT_N", 2**10)


@pytest.fixture
def notary(sqlite_store: OpenStore, cheap_key_derivation: None) -> SignedInUser:
    """An office, an administrator, a mediator ``wang`` and a notary ``lihua`` holding a key, signed in."""
    with sqlite_store.database.session_scope() as session:
        office.create_office(session, "昆明调解中心", "云知调", notarial_prefix="云昆", notarial_word="证")
        admin = users.create_first_admin(session, "admin", ADMIN_PASSWORD, "张伟")
        users.add_user(session, admin, "lihua", frozenset({Role.NOTARY, Role.MEDIATOR}), NOTARY_PASSWORD,
                       "李华")
        users.add_user(session, admin, "wang", frozenset({Role.MEDIATOR}), MEDIATOR_PASSWORD, "王强")
    actor = users.sign_in(sqlite_store.database, "lihua", NOTARY_PASSWORD)
    with sqlite_store.database.session_scope() as session:
        signing_keys.new_key(session, actor, NOTARY_PASSWORD)
    with sqlite_store.database.session_scope() as session:
        key = signing_keys.unlock(session, actor, NOTARY_PASSWORD)
    return SignedInUser(actor, key)


def _case(store: OpenStore, user: SignedInUser, title: str = "某某商标侵权纠纷") -> str:
    with store.database.session_scope() as session:
        return cases.open_case(session, user.actor, "trademark", title).number


def _files(folder: Path, contents: dict[str, bytes]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in contents.items():
        path = folder / name
        path.write_bytes(data)
        paths.append(path)
    return paths


def _png(width: int = 40, height: int = 30) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#c0392b"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def _pdf() -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    pdf.drawString(72, 720, "Evidence page one")
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def _ingest(store: OpenStore, user: SignedInUser, number: str, paths: list[Path],
            kind: str = "upload") -> list[evidence_items.ItemInfo]:
    report = intake.ingest_files(store.database, store.vault, user.actor, number, paths, Acquisition(kind))
    assert not report.failures
    return list(report.items)


def _page(qtbot: QtBot, store: OpenStore, user: SignedInUser) -> EvidencePage:
    page = EvidencePage(store, user)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    qtbot.waitExposed(page)
    settled(qtbot, page)
    return page


def _close_boxes() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            widget.close()


def _kinds_for(store: OpenStore, item_id: int) -> list[str]:
    with store.database.session_scope() as session:
        return [entry.kind for entry in ledger.subject_entries(session, evidence_items.subject(item_id))]


def _select_row(qtbot: QtBot, page: EvidencePage, row: int) -> None:
    page.table.selectRow(row)
    settled(qtbot, page)  # the item's custody trail is read




# --- listing ----------------------------------------------------------------------------------------
def test_page_shows_the_items_of_the_chosen_case(qtbot: QtBot, sqlite_store: OpenStore, notary: SignedInUser,
                                                  tmp_path: Path) -> None:
    first = _case(sqlite_store, notary, "第一案")
    second = _case(sqlite_store, notary, "第二案")
    items = _ingest(sqlite_store, notary, first, _files(tmp_path / "a", {"合同.txt": b"contract text\n",
                                                                          "photo.png": _png()}), "photo")
    _ingest(sqlite_store, notary, second, _files(tmp_path / "b", {"other.txt": b"other\n"}))
    page = _page(qtbot, sqlite_store, notary)
    assert page.case_number() == second  # newest first
    assert page.model.rowCount() == 1
    page.select_case(first)
    settled(qtbot, page)
    model = page.model
    assert model.rowCount() == 2
    assert [model.index(row, NAME).data() for row in range(2)] == ["合同.txt", "photo.png"]
    assert model.index(0, 1).data() == "Photo"
    assert model.index(0, SHA256).data() == items[0].sha256[:SHA256_SHOWN]
    assert model.index(0, SEALED_BY).data() == ""
    assert "2 items, 0 sealed" in page.count_label.text()

    _select_row(qtbot, page, 1)
    assert page.facts.name.text() == "photo.png"
    assert page.facts.sha256.value == items[1].sha256
    assert page.facts.sha256.label.text().replace("\n", "") == items[1].sha256
    assert page.facts.sm3.value == items[1].sm3
    page.facts.sm3.copy_button.click()
    assert QGuiApplication.clipboard().text() == items[1].sm3
    assert page.facts.seals.text() == "Not sealed"
    assert page.trail.rowCount() == 1 and page.trail.item(0, 3).text() == "Evidence taken in"


def test_buttons_follow_the_role(qtbot: QtBot, sqlite_store: OpenStore, notary: SignedInUser,
                                 tmp_path: Path) -> None:
    number = _case(sqlite_store, notary)
    _ingest(sqlite_store, notary, number, _files(tmp_path, {"a.txt": b"a\n"}))
    mediator = sign_in_user(sqlite_store.database, "wang", MEDIATOR_PASSWORD)  # no key
    page = _page(qtbot, sqlite_store, mediator)
    _select_row(qtbot, page, 0)
    assert page.add_button.isEnabled() and page.copy_button.isEnabled() and page.verify_button.isEnabled()
    assert not page.seal_button.isEnabled() and not page.preservation_button.isEnabled()
    assert "notary" in page.seal_button.toolTip()
    assert page.seal_selected() is None
    page.set_user(notary)
    settled(qtbot, page)
    assert page.seal_button.isEnabled() and page.preservation_button.isEnabled()


def test_new_case_dialog_opens_and_selects_the_case(qtbot: QtBot, sqlite_store: OpenStore,
                                                    notary: SignedInUser) -> None:
    page = _page(qtbot, sqlite_store, notary)
    assert page.case_number() is None and not page.add_button.isEnabled()
    dialog = page.new_case()
    assert dialog is not None and not dialog.ok_button.isEnabled()
    dialog.type_combo.setCurrentIndex(dialog.type_combo.findData("patent"))
    type_text(dialog.title_edit, "某某专利纠纷")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=OP_TIMEOUT)
    settled(qtbot, page)
    # A notary opens a notarial matter (公证事项) unless told otherwise.
    assert page.case_number() is not None and page.case_number().endswith("云昆证字第0001号")
    assert page.add_button.isEnabled()


# --- ingest -----------------------------------------------------------------------------------------
def test_ingest_through_the_page_shows_progress_and_one_summary(qtbot: QtBot, sqlite_store: OpenStore,
                                                                notary: SignedInUser, tmp_path: Path) -> None:
    number = _case(sqlite_store, notary)
    loose = _files(tmp_path / "in", {"capture.html": b"<html><body>page</body></html>",
                                     "shot.png": _png()})
    _files(tmp_path / "in" / "folder", {"one.txt": b"one\n", "two.txt": b"two\n"})
    missing = tmp_path / "in" / "gone.pdf"
    page = _page(qtbot, sqlite_store, notary)

    dialog = page.take_in([*loose, tmp_path / "in" / "folder", missing])
    assert isinstance(dialog, AcquisitionDialog) and dialog.isVisible()
    assert dialog.seal_check.isVisibleTo(dialog)  # a notary with a key may seal at once
    dialog.set_source_kind("web-capture")
    assert not dialog.ok_button.isEnabled()  # a web capture needs its address
    type_text(dialog.url_edit, "not a url")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "not a web address" in dialog.message.text()
    dialog.url_edit.clear()
    type_text(dialog.url_edit, "https://shop.example.cn/item/42")
    type_text(dialog.device_edit, "Chrome 126")
    progress: list[tuple[int, int]] = []
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    op = page.ingest_op
    assert op is not None and page.ingest_panel.isVisible() and not page.add_button.isEnabled()
    op.on_progress(lambda done, total: progress.append((done, total)))
    qtbot.waitUntil(lambda: page.ingest_op is None, timeout=OP_TIMEOUT)

    assert progress and progress[-1][0] == progress[-1][1] > 0
    assert page.ingest_panel.file_label.text() == "File 4 of 4: two.txt"
    assert page.ingest_panel.file_bar.value() == BAR_STEPS == page.ingest_panel.total_bar.value()
    assert not page.ingest_panel.isVisible()
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert boxes == [page.summary_box]  # one summary, not a box per file
    text = page.summary_box.text()
    assert f"4 file(s) taken into case {number}" in text
    assert "1 could not be taken in" in text and "gone.pdf: no such file or folder" in text
    page.summary_box.accept()
    settled(qtbot, page)
    assert page.model.rowCount() == 4
    assert {info.acquisition.url for info in page.model.rows} == {"https://shop.example.cn/item/42"}
    assert {info.acquisition.device for info in page.model.rows} == {"Chrome 126"}
    assert [info.name for info in page.selected_items()] == ["capture.html", "shot.png", "one.txt", "two.txt"]


def test_dropping_files_takes_them_in_and_seals_at_once(qtbot: QtBot, sqlite_store: OpenStore,
                                                        notary: SignedInUser, tmp_path: Path) -> None:
    _case(sqlite_store, notary)
    paths = _files(tmp_path / "drop", {"a.txt": b"alpha\n", "b.txt": b"beta\n"})
    page = _page(qtbot, sqlite_store, notary)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(tmp_path / "drop"))])
    where = page.table.viewport().mapTo(page, QPoint(20, 20))
    enter = QDragEnterEvent(QPointF(where), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(page, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(where), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(page, drop)
    dialog = page.dialog
    assert isinstance(dialog, AcquisitionDialog) and dialog.isVisible()
    dialog.seal_check.setChecked(True)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.ingest_op is None, timeout=OP_TIMEOUT)
    assert "2 file(s) taken into case" in page.summary_box.text() and "2 sealed" in page.summary_box.text()
    page.summary_box.accept()
    settled(qtbot, page)
    assert [page.model.index(row, SEALED_BY).data() for row in range(2)] == ["李华 (lihua)", "李华 (lihua)"]
    assert sorted(info.name for info in page.model.rows) == sorted(path.name for path in paths)


def test_cancel_keeps_only_completed_files_and_the_window_never_blocks(
        qtbot: QtBot, sqlite_store: OpenStore, notary: SignedInUser, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    number = _case(sqlite_store, notary)
    size = 10 * 1024 * 1024  # three 4 MiB chunks each
    paths = _files(tmp_path / "big", {f"video-{n}.bin": bytes([n]) * size for n in range(4)})
    real_ingest = intake.ingest_files

    def slowed(*args: object, file_progress: intake.FileProgressFn, **kwargs: object) -> object:
        def report(index: int, count: int, name: str, done: int, total: int) -> None:
            file_progress(index, count, name, done, total)
            time.sleep(0.1)  # as if reading from a slow disk; the GUI must not notice

        return real_ingest(*args, file_progress=report, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(intake, "ingest_files", slowed)
    monkeypatch.setattr(intake, "LARGE_FILES_SIDE_BY_SIDE", 1)  # one at a time: "File 2" = file 1 done
    page = _page(qtbot, sqlite_store, notary)
    heartbeat = Heartbeat()
    op = page.start_ingest(paths, Acquisition("video"))
    assert op is not None
    panel = page.ingest_panel
    qtbot.waitUntil(lambda: panel.file_label.text().startswith("File 2 of 4"), timeout=OP_TIMEOUT)
    assert 0 < panel.total_bar.value() < BAR_STEPS
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    assert not panel.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: page.ingest_op is None, timeout=OP_TIMEOUT)
    heartbeat.timer.stop()
    assert heartbeat.longest_gap < 500

    text = page.summary_box.text()
    assert text.startswith("Cancelled.")
    page.summary_box.accept()
    with sqlite_store.database.session_scope() as session:
        kept = evidence_items.list_items(session, number)
    assert 1 <= len(kept) < 4, "the first file completed before the cancel; the last never started"
    assert f"{len(kept)} file(s) were taken into case" in text
    for info in kept:  # only whole files, each exactly its source
        source = tmp_path / "big" / info.name
        assert info.size == size and info.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
        assert sqlite_store.vault.path(info.sha256).stat().st_size == size
    assert len(list(sqlite_store.vault.digests())) == len(kept)  # no blob of a half-read file
    assert not any((sqlite_store.vault.root / "tmp").glob("*"))  # no temp file left behind
    settled(qtbot, page)
    assert page.model.rowCount() == len(kept)


# --- seal -------------------------------------------------------------------------------------------
def test_seal_asks_once_then_the_table_shows_the_sealer(qtbot: QtBot, sqlite_store: OpenStore,
                                                        notary: SignedInUser, tmp_path: Path) -> None:
    number = _case(sqlite_store, notary)
    _ingest(sqlite_store, notary, number, _files(tmp_path, {"a.txt": b"a\n", "b.txt": b"b\n"}))
    page = _page(qtbot, sqlite_store, notary)
    page.table.selectAll()
    assert page.seal_button.isEnabled()
    qtbot.mouseClick(page.seal_button, Qt.MouseButton.LeftButton)
    box = page.dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "Seal 2 evidence item(s)" in box.text() and "permanent" in box.informativeText()
    box.button(QMessageBox.StandardButton.Cancel).click()  # asked, declined: nothing sealed
    qtbot.wait(50)
    assert page.model.index(0, SEALED_BY).data() == "" and page.seal_op is None

    qtbot.mouseClick(page.seal_button, Qt.MouseButton.LeftButton)
    box = page.dialog
    assert isinstance(box, QMessageBox)
    seal = next(button for button in box.buttons() if button.text() == "Seal")
    seal.click()
    qtbot.waitUntil(lambda: page.model.index(1, SEALED_BY).data() == "李华 (lihua)", timeout=OP_TIMEOUT)
    settled(qtbot, page)
    assert page.model.index(0, SEALED_BY).data() == "李华 (lihua)"
    assert not page.seal_button.isEnabled()  # both already carry this notary's seal
    assert "lihua" in page.facts.seals.text()
    assert page.trail.item(page.trail.rowCount() - 1, 3).text() == "Evidence sealed"


# --- preview ----------------------------------------------------------------------------------------
def test_preview_of_image_text_and_pdf_logs_each_view(qtbot: QtBot, sqlite_store: OpenStore,
                                                      notary: SignedInUser, tmp_path: Path) -> None:
    number = _case(sqlite_store, notary)
    chinese = "证据内容：网页截图说明。\n第二行".encode("gb18030")
    items = _ingest(sqlite_store, notary, number, _files(tmp_path, {
        "shot.png": _png(40, 30), "说明.txt": chinese, "page.pdf": _pdf(), "data.bin": bytes(range(256))}))
    page = _page(qtbot, sqlite_store, notary)
    _select_row(qtbot, page, 0)
    assert "evidence.viewed" not in _kinds_for(sqlite_store, items[0].id)  # facts alone read nothing
    pane = page.preview
    page.tabs.setCurrentWidget(pane)
    qtbot.waitUntil(lambda: pane.stack.currentWidget() is pane.image, timeout=OP_TIMEOUT)
    assert not pane.image.pixmap().isNull() and "40 × 30 pixels" in pane.info.text()

    _select_row(qtbot, page, 1)
    qtbot.waitUntil(lambda: pane.stack.currentWidget() is pane.text, timeout=OP_TIMEOUT)
    assert pane.text.toPlainText() == "证据内容：网页截图说明。\n第二行"
    assert page.trail.item(page.trail.rowCount() - 1, 3).text() == "Evidence viewed"

    _select_row(qtbot, page, 2)
    qtbot.waitUntil(lambda: pane.stack.currentWidget() is pane.pdf_view, timeout=OP_TIMEOUT)
    assert pane.pdf_document.pageCount() == 1

    _select_row(qtbot, page, 3)
    assert pane.stack.currentWidget() is pane.message and "No preview" in pane.message.text()

    for row in (0, 1, 0, 1):  # back and forth: read from the vault (and logged) each time it is shown
        _select_row(qtbot, page, row)
        qtbot.waitUntil(lambda: not page.preview_ops, timeout=OP_TIMEOUT)
    assert pane.stack.currentWidget() is pane.text
    views = [_kinds_for(sqlite_store, item.id).count("evidence.viewed") for item in items]
    assert views == [3, 3, 1, 0]


# --- save a copy ------------------------------------------------------------------------------------
def test_save_a_copy_writes_identical_bytes_and_never_overwrites(
        qtbot: QtBot, sqlite_store: OpenStore, notary: SignedInUser, tmp_path: Path) -> None:
    number = _case(sqlite_store, notary)
    source_bytes = os.urandom(3 * 1024 * 1024 + 17)
    items = _ingest(sqlite_store, notary, number, _files(tmp_path / "src", {"recording.m4a": source_bytes}))
    page = _page(qtbot, sqlite_store, notary)
    _select_row(qtbot, page, 0)
    target = tmp_path / "out" / "copy.m4a"
    target.parent.mkdir()
    op = page.save_copy(str(target))
    assert op is not None and op.dialog is not None  # progress with Cancel
    qtbot.waitUntil(lambda: page.copy_op is None, timeout=OP_TIMEOUT)
    settled(qtbot, page)
    assert target.read_bytes() == source_bytes
    assert str(target) in page.count_label.text()
    assert _kinds_for(sqlite_store, items[0].id)[-1] == "evidence.copied"
    assert page.trail.item(page.trail.rowCount() - 1, 3).text() == "Copy of evidence saved"
    vault_file = sqlite_store.vault.path(items[0].sha256)
    assert not os.stat(vault_file).st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)

    page.save_copy(str(target))  # the same name again: refused, the copy stays as it was
    qtbot.waitUntil(lambda: page.copy_op is None, timeout=OP_TIMEOUT)
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert any("never overwrites" in box.text() for box in boxes)
    _close_boxes()
    assert target.read_bytes() == source_bytes


# --- preservation records ---------------------------------------------------------------------------
def test_preservation_record_and_its_correction(qtbot: QtBot, sqlite_store: OpenStore, notary: SignedInUser,
                                                tmp_path: Path) -> None:
    number = _case(sqlite_store, notary)
    _ingest(sqlite_store, notary, number, _files(tmp_path, {"a.png": _png(), "b.txt": b"b\n"}), "photo")
    page = _page(qtbot, sqlite_store, notary)
    _select_row(qtbot, page, 0)
    dialog = page.preservation_record()
    assert isinstance(dialog, PreservationDialog)
    assert dialog.checked_items() == (page.model.rows[0].id,)
    type_text(dialog.place_edit, "昆明市公证处")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.text() == "The field Applicant is required.", timeout=OP_TIMEOUT)
    assert dialog.isVisible()
    assert dialog.focusWidget() is dialog.applicant_edit
    type_text(dialog.applicant_edit, "某某公司")
    type_text(dialog.witnesses.add_row(), "张三")
    type_text(dialog.witnesses.add_row(), "李四")
    type_text(dialog.steps_edit, "清洁性检查后截取网页。")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=OP_TIMEOUT)
    settled(qtbot, page)
    assert page.tabs.currentWidget() is page.record_list
    assert [record.id for record in page.records] == [1]
    assert page.records[0].record["acquisition"]["witnesses"] == ["张三", "李四"]
    assert "昆明市公证处" in page.record_list.text.toPlainText()

    correction = page.preservation_record()
    assert correction is not None
    correction.set_corrects(1)
    assert correction.place_edit.text() == "昆明市公证处"  # starts from what the record said
    correction.place_edit.clear()
    type_text(correction.place_edit, "昆明市第一公证处")
    type_text(correction.reason_edit, "地点写错")
    qtbot.mouseClick(correction.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not correction.isVisible(), timeout=OP_TIMEOUT)
    settled(qtbot, page)
    assert [(record.id, record.superseded_by) for record in page.records] == [(1, 2), (2, None)]
    assert page.record_list.table.item(1, 4).text() == "1"


# --- verification -----------------------------------------------------------------------------------
def test_verify_case_is_clean_then_names_a_changed_file(qtbot: QtBot, sqlite_store: OpenStore,
                                                       notary: SignedInUser, tmp_path: Path) -> None:
    number = _case(sqlite_store, notary)
    items = _ingest(sqlite_store, notary, number, _files(tmp_path, {"证据一.txt": b"first evidence\n",
                                                                    "two.txt": b"second\n"}))
    page = _page(qtbot, sqlite_store, notary)
    op = page.verify()
    assert op is not None and op.dialog is not None
    qtbot.waitUntil(lambda: page.verify_op is None, timeout=OP_TIMEOUT)
    assert page.report is not None and page.report.clean and page.report.items == 2
    assert "Everything matches" in page.summary.text() and number in page.summary.text()
    assert page.findings.rowCount() == 0 and page.save_report_button.isEnabled()
    saved = tmp_path / "report.json"
    op = page.save_report(str(saved))
    assert op is not None
    with qtbot.waitSignal(op.finished, timeout=OP_TIMEOUT):
        pass
    assert json.loads(saved.read_text(encoding="utf-8"))["clean"] is True

    blob = sqlite_store.vault.path(items[0].sha256)
    os.chmod(blob, 0o600)  # the vault keeps blobs read-only
    data = bytearray(blob.read_bytes())
    data[3] ^= 0x01
    blob.write_bytes(bytes(data))
    page.verify()
    qtbot.waitUntil(lambda: page.verify_op is None, timeout=OP_TIMEOUT)
    assert not page.report.clean
    rows = [row for row in range(page.findings.rowCount())
            if page.findings.item(row, CODE).text() == "blob-changed"]
    assert rows, "the changed file is named"
    row = rows[0]
    assert page.findings.item(row, FINDING_NAME).text() == "证据一.txt"
    assert page.findings.item(row, ITEM).text() == str(items[0].id)
    assert page.findings.item(row, CODE).data(SEVERITY_ROLE) == "error"
    assert "findings" in page.summary.text()


def test_ledger_page_verifies_the_whole_store_with_notices(qtbot: QtBot, sqlite_store: OpenStore,
                                                           notary: SignedInUser, tmp_path: Path) -> None:
    number = _case(sqlite_store, notary)
    items = _ingest(sqlite_store, notary, number, _files(tmp_path, {"a.txt": b"a\n"}))
    from desktop.core.evidence import seals
    with sqlite_store.database.session_scope() as session:
        assert notary.key is not None
        seals.seal_items(session, notary.actor, notary.key, [items[0].id])
    with sqlite_store.database.session_scope() as session:
        signing_keys.revoke_key(session, notary.actor, "lihua", reason="密钥遗失")
    window = attached_window(qtbot, sqlite_store, "昆明调解中心", notary)
    window.show_page("ledger")
    page = window.ledger_page
    assert isinstance(page, LedgerPage)
    page.verify()
    qtbot.waitUntil(lambda: page.report is not None, timeout=OP_TIMEOUT)
    report = page.report
    assert report.clean and report.items == 1 and report.seals == 1 and report.case is None
    assert page.findings.rowCount() == 1
    assert page.findings.item(0, CODE).text() == "revoked-after-seal"
    assert page.findings.item(0, CODE).data(SEVERITY_ROLE) == "notice"
    assert "1 notices" in page.summary.text() and "1 evidence items" in page.summary.text()
    assert page.summary.property("verdict") == "passed"  # the same banner as the Evidence page's
    assert "Scope: the whole store" in page.summary.text() and "Checked by lihua" in page.summary.text()


def test_window_installs_the_page_and_its_menu(qtbot: QtBot, sqlite_store: OpenStore,
                                               notary: SignedInUser, tmp_path: Path) -> None:
    number = _case(sqlite_store, notary)
    _ingest(sqlite_store, notary, number, _files(tmp_path, {"a.txt": b"a\n"}))
    window = attached_window(qtbot, sqlite_store, "昆明调解中心", notary)
    window.show_page("cases")
    page = window.evidence_page
    assert isinstance(page, EvidencePage)
    settled(qtbot, page)
    menu = next(action.menu() for action in window.menuBar().actions() if action.text() == "Evi&dence")
    actions = [action for action in menu.actions() if not action.isSeparator()]
    assert [action.text() for action in actions] == [
        "Show &Evidence", "&Add Files…", "&Seal…", "Save a &Copy…", "E&xport Proof…", "&Preservation Record…",
        "&Import Package…", "&Verify Case…"]
    # One QAction each, shared by the menu item and the page's button (which shows it without "&").
    assert actions[1:] == page.commands()[1:]
    assert page.add_button.defaultAction() is actions[1] and page.add_button.text() == "Add Files…"
    assert page.verify_button.defaultAction() is page.verify_action
    case_menu = next(action.menu() for action in window.menuBar().actions() if action.text() == "&Case")
    assert page.new_case_action not in case_menu.actions()  # the Case menu registers through the Cases page
    page.table.clearSelection()  # the state the page gives its actions is what the menu shows
    assert not page.copy_button.isEnabled() and not actions[3].isEnabled()
    page.verify_action.trigger()
    assert window.current_page_key() == "evidence"
    qtbot.waitUntil(lambda: page.report is not None, timeout=OP_TIMEOUT)
    assert page.report.clean


# --- the verification view --------------------------------------------------------------------------
def _tamper(store: OpenStore, sha256: str, data: bytes) -> None:
    """Replace a blob's bytes behind the vault's back (it keeps blobs read-only)."""
    blob = store.vault.path(sha256)
    os.chmod(blob, 0o600)
    blob.write_bytes(data)


def _verified(qtbot: QtBot, page: EvidencePage) -> Report:
    assert page.verify() is not None
    qtbot.waitUntil(lambda: page.verify_op is None, timeout=OP_TIMEOUT)
    settled(qtbot, page)
    assert page.report is not None
    return page.report


def test_banner_digests_and_marks_follow_each_report(qtbot: QtBot, sqlite_store: OpenStore,
                                                     notary: SignedInUser, tmp_path: Path) -> None:
    number = _case(sqlite_store, notary)
    items = _ingest(sqlite_store, notary, number, _files(tmp_path, {"证据一.txt": b"first evidence\n",
                                                                    "two.txt": b"second\n"}))
    page = _page(qtbot, sqlite_store, notary)
    report = _verified(qtbot, page)
    assert report.clean and page.summary.property("verdict") == "passed"
    banner = page.summary.text()
    assert "Verification passed" in banner and f"Scope: case {number}" in banner
    assert "Checked by lihua" in banner and f"Checked at {checked_time(report)}" in banner
    assert not page.model.failed

    _tamper(sqlite_store, items[0].sha256, b"first evidencE\n")  # same size: both digests differ
    report = _verified(qtbot, page)
    assert page.summary.property("verdict") == "failed"
    assert f"Verification failed: {len(report.errors)} problem(s)" in page.summary.text()
    titles = {page.findings.item(row, WHAT).text() for row in range(page.findings.rowCount())
              if page.findings.item(row, CODE).text() == "blob-changed"}
    assert titles == {"The file's SHA-256 digest in the vault differs from the one recorded at intake",
                      "The file's SM3 digest in the vault differs from the one recorded at intake"}
    broken, intact = page.model.index(0, NAME), page.model.index(1, NAME)
    assert broken.data(Qt.ItemDataRole.DecorationRole) is not None
    tooltip = broken.data(Qt.ItemDataRole.ToolTipRole)
    assert "does not match its record" in tooltip and "SM3 digest" in tooltip
    assert intact.data(Qt.ItemDataRole.DecorationRole) is None
    assert "does not match" not in intact.data(Qt.ItemDataRole.ToolTipRole)

    _tamper(sqlite_store, items[0].sha256, b"first evidence\n")  # put right: the next report clears it
    report = _verified(qtbot, page)
    assert report.clean and page.summary.property("verdict") == "passed"
    assert page.model.index(0, NAME).data(Qt.ItemDataRole.DecorationRole) is None


def test_preview_shows_the_vault_bytes_after_a_verification(qtbot: QtBot, sqlite_store: OpenStore,
                                                            notary: SignedInUser, tmp_path: Path) -> None:
    number = _case(sqlite_store, notary)
    items = _ingest(sqlite_store, notary, number, _files(tmp_path, {"说明.txt": "原始内容\n".encode()}))
    page = _page(qtbot, sqlite_store, notary)
    pane = page.preview
    page.tabs.setCurrentWidget(pane)
    qtbot.waitUntil(lambda: pane.text.toPlainText() == "原始内容\n", timeout=OP_TIMEOUT)
    assert not pane.warning.isVisible()

    _tamper(sqlite_store, items[0].sha256, "篡改内容\n".encode())
    _verified(qtbot, page)  # read again: no longer the recorded bytes, so not shown, and not logged
    qtbot.waitUntil(lambda: "no longer matches" in pane.message.text(), timeout=OP_TIMEOUT)
    assert pane.stack.currentWidget() is pane.message and "篡改内容" not in pane.text.toPlainText()
    assert pane.warning.isVisible() and "does not match its record" in pane.warning.text()
    assert _kinds_for(sqlite_store, items[0].id).count("evidence.viewed") == 1


def test_saved_report_is_named_for_its_case_and_time_and_confirmed(
        qtbot: QtBot, sqlite_store: OpenStore, notary: SignedInUser, tmp_path: Path) -> None:
    number = _case(sqlite_store, notary)
    _ingest(sqlite_store, notary, number, _files(tmp_path, {"a.txt": b"a\n"}))
    window = attached_window(qtbot, sqlite_store, "昆明调解中心", notary)
    window.show_page("evidence")
    page = window.evidence_page
    assert isinstance(page, EvidencePage)
    settled(qtbot, page)
    report = _verified(qtbot, page)
    assert report.checked_at is not None
    stamp = report.checked_at.astimezone().strftime("%Y%m%d-%H%M")
    assert default_report_name(report) == f"verification-report-{number}-{stamp}.json"
    target = tmp_path / default_report_name(report)
    op = page.save_report(str(target))
    assert op is not None
    with qtbot.waitSignal(op.finished, timeout=OP_TIMEOUT):
        pass
    assert window.statusBar().currentMessage() == f"Verification report saved: {target}"
    saved = json.loads(target.read_text(encoding="utf-8"))
    assert (saved["scope"], saved["case"], saved["checked_by"]) == ("case", number, "lihua")
    assert parse_time(saved["checked_at"]) == report.checked_at


def test_report_names_lose_what_a_file_system_refuses() -> None:
    assert safe_file_name('a/b\\c:d*e?f"g<h>i|j\x01k.') == "a_b_c_d_e_f_g_h_i_j_k"
    assert safe_file_name("核验报告-（2026）云知调字第0001号-20261126-0930") == (
        "核验报告-（2026）云知调字第0001号-20261126-0930")


def test_size_column_keeps_one_unit_style(qtbot: QtBot, sqlite_store: OpenStore, notary: SignedInUser,
                                          tmp_path: Path) -> None:
    number = _case(sqlite_store, notary)
    _ingest(sqlite_store, notary, number, _files(tmp_path, {"small.txt": b"x" * 182, "big.bin": b"y" * 5000}))
    page = _page(qtbot, sqlite_store, notary)
    sizes = [page.model.index(row, SIZE).data() for row in range(2)]
    assert sorted(sizes) == ["182 B", "4.9 KiB"]
    assert page.model.index(0, SIZE).data(Qt.ItemDataRole.ToolTipRole).endswith("bytes")  # exact count


def test_a_new_sign_in_puts_the_last_users_report_away(qtbot: QtBot, sqlite_store: OpenStore,
                                                       notary: SignedInUser, tmp_path: Path) -> None:
    number = _case(sqlite_store, notary)
    items = _ingest(sqlite_store, notary, number, _files(tmp_path, {"a.txt": b"a\n"}))
    _tamper(sqlite_store, items[0].sha256, b"b\n")
    page = _page(qtbot, sqlite_store, notary)
    assert not _verified(qtbot, page).clean
    assert page.report_box.isVisible() and page.model.failed
    page.set_user(sign_in_user(sqlite_store.database, "wang", MEDIATOR_PASSWORD))
    settled(qtbot, page)
    assert page.report is None and not page.report_box.isVisible() and not page.save_report_button.isEnabled()
    assert page.summary.text() == "" and page.findings.rowCount() == 0
    assert page.model.index(0, NAME).data(Qt.ItemDataRole.DecorationRole) is None
