"""The preservation-record dialog driven as a notary would (offscreen, real widgets, a real SQLite store):
it asks before throwing typed text away, a correction carries its reason, witnesses are a list of names,
and the items show by file name and digest before sealing and in the record view afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QToolButton
from pytestqt.qtbot import QtBot

from desktop.core.cases import matters as cases
from desktop.core.evidence import intake, preservation
from desktop.core.evidence.acquisition import Acquisition
from desktop.core.evidence.preservation import WITNESSES_MAX
from desktop.core.office import office
from desktop.core.storage.store import OpenStore
from desktop.core.trust import signing_keys, users
from desktop.core.trust.permissions import Role
from desktop.core.trust.sign_in import SignedInUser
from desktop.ui.evidence.page import EvidencePage
from desktop.ui.evidence.preservation_dialog import SHA256_SHOWN, PreservationDialog
from tests.qt_helpers import settled, type_text

NOTARY_PASSWORD = "notary-password-1"
OP_TIMEOUT = 20_000
NAMES = ("侵权商品页面截图第一页.png", "购买记录.txt")


@pytest.fixture
def notary(sqlite_store: OpenStore) -> SignedInUser:
    with sqlite_store.database.session_scope() as session:
        office.create_office(session, "昆明调解中心", "云知调")
        admin = users.create_first_admin(session, "admin", "admin-password-1", "赵文")
        users.add_user(session, admin, "lihua", frozenset({Role.NOTARY}), NOTARY_PASSWORD, "李华")
    actor = users.sign_in(sqlite_store.database, "lihua", NOTARY_PASSWORD)
    with sqlite_store.database.session_scope() as session:
        signing_keys.new_key(session, actor, NOTARY_PASSWORD)
    with sqlite_store.database.session_scope() as session:
        return SignedInUser(actor, signing_keys.unlock(session, actor, NOTARY_PASSWORD))


@pytest.fixture
def page(qtbot: QtBot, sqlite_store: OpenStore, notary: SignedInUser, tmp_path: Path) -> EvidencePage:
    """The Evidence page of a case holding two items, both selected."""
    with sqlite_store.database.session_scope() as session:
        number = cases.open_case(session, notary.actor, "trademark", "某某商标侵权纠纷").number
    folder = tmp_path / "in"
    folder.mkdir()
    for name in NAMES:
        (folder / name).write_bytes(name.encode() * 20)
    intake.ingest_files(sqlite_store.database, sqlite_store.vault, notary.actor, number,
                        [folder / name for name in NAMES], Acquisition("upload"))
    shown = EvidencePage(sqlite_store, notary)
    qtbot.addWidget(shown)
    shown.resize(1000, 680)
    shown.show()
    qtbot.waitExposed(shown)
    settled(qtbot, shown)
    shown.table.selectAll()
    settled(qtbot, shown)
    return shown


def _open(qtbot: QtBot, page: EvidencePage) -> PreservationDialog:
    dialog = page.preservation_record()
    assert isinstance(dialog, PreservationDialog)
    qtbot.waitExposed(dialog)
    return dialog


def _discard_box() -> QMessageBox | None:
    boxes = [widget for widget in QApplication.topLevelWidgets() if isinstance(widget, QMessageBox)
             and widget.objectName() == "discardRecord" and widget.isVisible()]
    assert len(boxes) <= 1
    return boxes[0] if boxes else None


def _answer(qtbot: QtBot, name: str) -> None:
    qtbot.waitUntil(lambda: _discard_box() is not None, timeout=OP_TIMEOUT)
    box = _discard_box()
    assert box is not None and box.text() == "Discard this record?"
    button = box.findChild(QPushButton, name)
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _discard_box() is None, timeout=OP_TIMEOUT)


def _fill(dialog: PreservationDialog) -> None:
    type_text(dialog.place_edit, "昆明市公证处第二取证室")
    type_text(dialog.applicant_edit, "某某科技有限公司")
    type_text(dialog.steps_edit, "清洁性检查后截取网页。")


def _seal(qtbot: QtBot, page: EvidencePage, dialog: PreservationDialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=OP_TIMEOUT)
    settled(qtbot, page)


def _records(store: OpenStore, page: EvidencePage) -> list[preservation.PreservationInfo]:
    number = page.case_number()
    assert number is not None
    with store.database.session_scope() as session:
        return preservation.list_records(session, number)


# --- asking before discarding -------------------------------------------------------------------
def test_nothing_typed_closes_at_once(qtbot: QtBot, page: EvidencePage) -> None:
    for close in (lambda d: qtbot.keyClick(d, Qt.Key.Key_Escape),
                  lambda d: qtbot.mouseClick(d.cancel_button, Qt.MouseButton.LeftButton),
                  lambda d: d.close()):
        dialog = _open(qtbot, page)
        dialog.items_list.topLevelItem(0).setCheckState(0, Qt.CheckState.Unchecked)  # a choice, not text
        close(dialog)
        qtbot.waitUntil(lambda dialog=dialog: not dialog.isVisible(), timeout=OP_TIMEOUT)
        assert _discard_box() is None


def test_typed_text_is_discarded_only_when_the_notary_says_so(qtbot: QtBot, sqlite_store: OpenStore,
                                                              page: EvidencePage) -> None:
    dialog = _open(qtbot, page)
    type_text(dialog.place_edit, "昆明")
    for close in (lambda: qtbot.keyClick(dialog.place_edit, Qt.Key.Key_Escape),
                  lambda: qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton),
                  lambda: dialog.close()):
        close()
        _answer(qtbot, "keepEditingButton")
        assert dialog.isVisible() and dialog.place_edit.text() == "昆明"
    dialog.place_edit.clear()  # typed and taken back: nothing is lost by closing
    qtbot.keyClick(dialog.place_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=OP_TIMEOUT)
    assert _discard_box() is None

    for typed in (lambda d: type_text(d.witnesses.add_row(), "王芳"),
                  lambda d: type_text(d.steps_edit, "录屏"), lambda d: type_text(d.operator_edit, "（代）")):
        dialog = _open(qtbot, page)
        typed(dialog)
        dialog.close()
        _answer(qtbot, "discardButton")
        assert not dialog.isVisible()
    assert _records(sqlite_store, page) == []


# --- a correction carries its reason -----------------------------------------------------------
def test_a_correction_asks_for_its_reason_and_the_record_keeps_it(qtbot: QtBot, sqlite_store: OpenStore,
                                                                  page: EvidencePage) -> None:
    dialog = _open(qtbot, page)
    assert not dialog.reason_edit.isVisibleTo(dialog)  # a new record corrects nothing
    _fill(dialog)
    _seal(qtbot, page, dialog)

    correction = _open(qtbot, page)
    correction.set_corrects(1)
    assert correction.reason_edit.isVisible() and correction.focusWidget() is correction.reason_edit
    assert correction.place_edit.text() == "昆明市公证处第二取证室"  # starts from what the record said
    assert not correction.has_typed_text()
    correction.place_edit.clear()
    type_text(correction.place_edit, "昆明市公证处第一取证室")
    qtbot.mouseClick(correction.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: correction.message.text() != "", timeout=OP_TIMEOUT)
    assert correction.message.text() == "The field Reason is required."  # core.fields names it
    assert correction.isVisible() and correction.focusWidget() is correction.reason_edit
    type_text(correction.reason_edit, "取证地点写错，应为第一取证室。")
    _seal(qtbot, page, correction)

    original, corrected = _records(sqlite_store, page)
    assert (original.superseded_by, corrected.supersedes) == (corrected.id, original.id)
    assert corrected.reason == "取证地点写错，应为第一取证室。"
    assert corrected.record["supersedes"]["reason"] == corrected.reason  # type: ignore[index]
    shown = page.record_list.text.toPlainText()
    assert "Corrects record 1." in shown
    assert "Reason for the correction: 取证地点写错，应为第一取证室。" in shown


# --- witnesses are a list ----------------------------------------------------------------------
def test_witnesses_are_rows_of_names(qtbot: QtBot, sqlite_store: OpenStore, page: EvidencePage) -> None:
    dialog = _open(qtbot, page)
    _fill(dialog)
    assert dialog.witnesses.names() == () and dialog.witnesses.empty_label.isVisible()
    for name in ("张三", "李四, 其代理人", "王五"):
        qtbot.mouseClick(dialog.witnesses.add_button, Qt.MouseButton.LeftButton)
        assert dialog.focusWidget() is dialog.witnesses.edits()[-1]
        type_text(dialog.witnesses.edits()[-1], name)
    assert dialog.witnesses.names() == ("张三", "李四, 其代理人", "王五")  # commas belong to names
    remove = dialog.witnesses.rows[1][0].findChild(QToolButton, "removeWitness")
    assert remove is not None
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert dialog.witnesses.names() == ("张三", "王五")
    qtbot.mouseClick(dialog.witnesses.add_button, Qt.MouseButton.LeftButton)  # added, left empty
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=OP_TIMEOUT)
    assert dialog.message.text() == f"List at most {WITNESSES_MAX} witnesses, each with a name."
    assert dialog.focusWidget() is dialog.witnesses.edits()[2]
    type_text(dialog.witnesses.edits()[2], "赵六")
    _seal(qtbot, page, dialog)
    record, = _records(sqlite_store, page)
    assert record.record["acquisition"]["witnesses"] == ["张三", "王五", "赵六"]  # type: ignore[index]
    assert "Witnesses: 张三, 王五, 赵六" in page.record_list.text.toPlainText()

    correction = _open(qtbot, page)
    correction.set_corrects(record.id)
    assert correction.witnesses.names() == ("张三", "王五", "赵六")
    while len(correction.witnesses.rows) < WITNESSES_MAX:
        correction.witnesses.add_row("某")
    assert not correction.witnesses.add_button.isEnabled()
    correction.close()
    _answer(qtbot, "discardButton")


# --- items by name and digest ------------------------------------------------------------------
def test_items_show_by_name_and_digest_before_and_after_sealing(qtbot: QtBot, sqlite_store: OpenStore,
                                                                page: EvidencePage) -> None:
    items = {info.name: info for info in page.model.rows}
    dialog = _open(qtbot, page)
    rows = [dialog.items_list.topLevelItem(row) for row in range(dialog.items_list.topLevelItemCount())]
    shown = [(row.text(1), row.text(2)) for row in rows]
    assert shown == [(name, items[name].sha256[:SHA256_SHOWN] + "…") for name in NAMES]
    assert all(items[row.text(1)].sha256 in row.toolTip(2) for row in rows)
    assert dialog.items_count.text() == "The record covers 2 of 2 item(s)."
    rows[1].setCheckState(0, Qt.CheckState.Unchecked)
    assert dialog.items_count.text() == "The record covers 1 of 2 item(s)."
    assert dialog.covered() == [(NAMES[0], items[NAMES[0]].sha256)]
    name_column = dialog.items_list.header().sectionSize(1)
    assert name_column >= dialog.items_list.fontMetrics().horizontalAdvance(NAMES[0])  # the whole name
    _fill(dialog)
    _seal(qtbot, page, dialog)

    record, = _records(sqlite_store, page)
    assert [(item["name"], item["sha256"]) for item in record.record["items"]] == [  # type: ignore[index]
        (NAMES[0], items[NAMES[0]].sha256)]
    text = page.record_list.text.toPlainText()
    assert f"{NAMES[0]}  SHA-256 {items[NAMES[0]].sha256[:16]}…" in text
    assert NAMES[1] not in text
