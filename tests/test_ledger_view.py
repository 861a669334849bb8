"""The Ledger page: lazy listing, latest checkpoint, verification in the background, saved report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from desktop.core.office import office
from desktop.core.storage.store import OpenStore
from desktop.core.trust import checkpoints, ledger, signing_keys, users
from desktop.core.trust.permissions import Role
from desktop.core.trust.sign_in import sign_in_user
from desktop.core.verification import ledger as verification_ledger
from desktop.ui.framework.changes import Changes, announce
from desktop.ui.ledger.page import PAGE_SIZE, LedgerPage
from tests.qt_helpers import attached_window, settled, type_text

PASSWORD = "admin-password-1"


@pytest.fixture
def filled(sqlite_store: OpenStore) -> OpenStore:
    """A store with an administrator holding a key, and 1 234 ledger entries."""
    with sqlite_store.database.session_scope() as session:
        office.create_office(session, "测试中心", "测调")
        actor = users.create_first_admin(session, "admin", PASSWORD, "张伟")
    with sqlite_store.database.session_scope() as session:
        signing_keys.new_key(session, actor, PASSWORD)
        for step in range(1230):
            ledger.append(session, "admin", "test.event", f"item:{step}")
    return sqlite_store


def test_entries_are_fetched_a_page_at_a_time(qtbot: QtBot, filled: OpenStore) -> None:
    page = LedgerPage(filled, None)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    model = page.model
    qtbot.waitUntil(lambda: model.rowCount() > 0)  # the view asks for the first page when shown
    assert model.total >= 1232
    assert model.rowCount() <= PAGE_SIZE  # only what the view needed so far
    assert model.rows[0].seq == model.total - 1  # newest first
    settled(qtbot, page)
    while model.canFetchMore():  # each page is read on a worker thread
        model.fetchMore()
        settled(qtbot, page)
    assert model.rowCount() == model.total
    assert [entry.seq for entry in model.rows] == list(range(model.total - 1, -1, -1))
    oldest = model.rowCount() - 1
    assert model.index(oldest, 3).data() == "User created"  # the kind in words; its code in the tooltip
    assert model.index(oldest, 3).data(Qt.ItemDataRole.ToolTipRole) == "user.created"
    # The subject in words (the real name with the login name); as recorded in the tooltip.
    assert model.index(oldest, 4).data() == "User 张伟 (admin)"
    assert model.index(oldest, 2).data() == "张伟 (admin)"  # the user too; as recorded in the tooltip
    assert model.index(oldest, 2).data(Qt.ItemDataRole.ToolTipRole) == "admin"
    assert model.index(oldest, 4).data(Qt.ItemDataRole.ToolTipRole) == "user:admin"
    assert "No checkpoint yet" in page.checkpoint_label.text()
    assert not page.checkpoint_button.isEnabled()  # no one with a key signed in


def test_checkpoint_and_clean_verification(qtbot: QtBot, filled: OpenStore, tmp_path: Path) -> None:
    session = sign_in_user(filled.database, "admin", PASSWORD)
    window = attached_window(qtbot, filled, "测试中心", session)
    window.show_page("ledger")
    page = window.ledger_page
    assert page is not None and window.pages.currentWidget() is page
    settled(qtbot, page)
    qtbot.mouseClick(page.checkpoint_button, Qt.MouseButton.LeftButton)
    # The op says the ledger changed; the page, being shown, reads it again.
    qtbot.waitUntil(lambda: "Latest checkpoint" in page.checkpoint_label.text(), timeout=30_000)
    assert "signed by 张伟 (admin)" in page.checkpoint_label.text()  # the real name with the login name

    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.report is not None, timeout=30_000)
    assert page.report.clean and "Everything matches" in page.summary.text()
    assert page.findings.rowCount() == 0
    target = tmp_path / "report.json"
    op = page.save_report(str(target))
    assert op is not None
    with qtbot.waitSignal(op.finished, timeout=30_000):
        pass
    saved = json.loads(target.read_text(encoding="utf-8"))
    assert saved["clean"] is True and saved["checkpoints"] == 1


def test_findings_are_listed(qtbot: QtBot, filled: OpenStore) -> None:
    with filled.database.engine.begin() as connection:
        connection.execute(text("DROP TRIGGER ledger_entry_no_update"))
        connection.execute(text("UPDATE ledger_entry SET subject = 'forged' WHERE seq = 7"))
    page = LedgerPage(filled, None)
    qtbot.addWidget(page)
    page.verify()
    qtbot.waitUntil(lambda: page.report is not None, timeout=30_000)
    assert not page.report.clean
    assert page.findings.item(0, 0).text() == "entry-changed" and page.findings.item(0, 1).text() == "7"
    assert "1 findings" in page.summary.text()


def test_verification_can_be_cancelled(qtbot: QtBot, filled: OpenStore,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(verification_ledger, "BATCH", 50)  # a cancel check every 50 entries
    page = LedgerPage(filled, None)
    qtbot.addWidget(page)
    page.show()
    page.verify()
    dialog = page.verify_op.dialog
    assert dialog is not None
    cancel = dialog.findChild(QPushButton)
    with qtbot.waitSignal(page.verify_op.finished, timeout=60_000):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert page.report is None and page.summary.text() == "Verification cancelled."
    assert page.verify_button.isEnabled()


def test_pages_reload_only_when_a_change_concerns_them(qtbot: QtBot, filled: OpenStore,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    reads: list[int] = []
    real_latest = checkpoints.latest  # read by the page's head load only (appends read the size too)

    def counted(session: object) -> object:
        reads.append(1)
        return real_latest(session)  # type: ignore[arg-type]

    monkeypatch.setattr(checkpoints, "latest", counted)
    window = attached_window(qtbot, filled, "测试中心", sign_in_user(filled.database, "admin", PASSWORD))
    window.show_page("ledger")
    page = window.ledger_page
    settled(qtbot, window, page, window.settings_page)
    before = len(reads)
    total = page.model.total

    window.show_page("settings")  # switching pages reads nothing (it did on every switch before)
    window.show_page("ledger")
    announce(Changes(users=True))  # a change the Ledger page does not show
    qtbot.wait(100)
    assert len(reads) == before

    window.show_page("settings")  # adding a user appends to the ledger while the page is hidden
    settings = window.settings_page.users
    dialog = settings.add_user()
    type_text(dialog.name_edit, "lihua")
    type_text(dialog.real_name_edit, "李华")
    dialog.role_checks.boxes[Role.NOTARY].setChecked(True)
    type_text(dialog.password_edit, "notary-password-1")
    type_text(dialog.repeat_edit, "notary-password-1")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: settings.table.rowCount() == 2, timeout=30_000)
    assert len(reads) == before  # hidden: only marked stale
    window.show_page("ledger")  # shown again: read once, now
    settled(qtbot, page)
    assert len(reads) == before + 1 and page.model.total == total + 1
