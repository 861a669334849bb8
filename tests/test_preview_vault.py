"""The preview always shows the vault's bytes, never a copy kept from before: it is read again each time it
is shown (the item selected again, the tab shown again), and a file that no longer matches its recorded
SHA-256 is not shown at all; the pane says so in red, and no view is logged. Why not show the changed
bytes under a warning: what the vault then holds is not the evidence as taken in, and a notary who reads
it as evidence is misled; "Save a Copy" refuses such a file the same way."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.core.cases import matters as cases
from desktop.core.evidence import intake
from desktop.core.evidence import items as evidence_items
from desktop.core.evidence.acquisition import Acquisition
from desktop.core.office import office
from desktop.core.storage.store import OpenStore
from desktop.core.trust import ledger, users
from desktop.core.trust.permissions import Role
from desktop.core.trust.sign_in import SignedInUser, sign_in_user
from desktop.ui.evidence.page import EvidencePage
from desktop.ui.framework.errors import ERROR_COLOUR
from tests.qt_helpers import settled
from tests.tamper import replace_blob

PASSWORD = "notary-password-1"
OP_TIMEOUT = 20_000
ORIGINAL = "原始内容：网页截图说明。\n".encode()
CHANGED = "篡改内容：网页截图说明。\n".encode()  # the same size


def _notary(store: OpenStore) -> SignedInUser:
    with store.database.session_scope() as session:
        office.create_office(session, "昆明公证处", "云知调")
        admin = users.create_first_admin(session, "admin", "admin-password-1", "赵文")
        users.add_user(session, admin, "lihua", frozenset({Role.NOTARY}), PASSWORD, "李华")
    return sign_in_user(store.database, "lihua", PASSWORD)


def _take_in(store: OpenStore, user: SignedInUser, folder: Path,
             files: dict[str, bytes]) -> list[evidence_items.ItemInfo]:
    with store.database.session_scope() as session:
        number = cases.open_case(session, user.actor, "copyright", "某图片著作权纠纷").number
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    report = intake.ingest_files(store.database, store.vault, user.actor, number,
                                 [folder / name for name in files], Acquisition("upload"))
    return list(report.items)


def _views(store: OpenStore, item_id: int) -> int:
    with store.database.session_scope() as session:
        return [entry.kind for entry in ledger.subject_entries(session, evidence_items.subject(item_id))
                ].count("evidence.viewed")


def _page(qtbot: QtBot, store: OpenStore, user: SignedInUser) -> EvidencePage:
    page = EvidencePage(store, user)
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    settled(qtbot, page)
    page.tabs.setCurrentWidget(page.preview)
    return page


def _show_row(qtbot: QtBot, page: EvidencePage, row: int) -> None:
    page.table.selectRow(row)
    qtbot.waitUntil(lambda: not page.preview_ops, timeout=OP_TIMEOUT)
    settled(qtbot, page)


def _show_tab_again(qtbot: QtBot, page: EvidencePage) -> None:
    page.tabs.setCurrentWidget(page.facts)
    page.tabs.setCurrentWidget(page.preview)
    qtbot.waitUntil(lambda: not page.preview_ops, timeout=OP_TIMEOUT)


def test_a_changed_blob_is_read_again_and_not_shown(qtbot: QtBot, sqlite_store: OpenStore,
                                                    tmp_path: Path) -> None:
    notary = _notary(sqlite_store)
    items = _take_in(sqlite_store, notary, tmp_path / "in", {"说明.txt": ORIGINAL, "other.txt": b"other\n"})
    page = _page(qtbot, sqlite_store, notary)
    pane = page.preview
    _show_row(qtbot, page, 0)
    assert pane.stack.currentWidget() is pane.text and pane.text.toPlainText() == ORIGINAL.decode()
    assert _views(sqlite_store, items[0].id) == 1

    replace_blob(sqlite_store, items[0].sha256, CHANGED)
    _show_row(qtbot, page, 1)
    _show_row(qtbot, page, 0)  # back to it: read from the vault again, not the bytes shown before
    assert pane.stack.currentWidget() is pane.message
    assert "no longer matches the SHA-256" in pane.message.text() and "not shown" in pane.message.text()
    assert ERROR_COLOUR in pane.message.styleSheet()
    assert pane.text.toPlainText() == ""  # neither the old bytes nor the changed ones
    assert _views(sqlite_store, items[0].id) == 1  # nothing was shown, so no view is logged

    _show_tab_again(qtbot, page)  # still refused: read again, still not the recorded bytes
    assert "no longer matches" in pane.message.text()

    replace_blob(sqlite_store, items[0].sha256, ORIGINAL)  # put right: shown again, read again
    _show_tab_again(qtbot, page)
    assert pane.stack.currentWidget() is pane.text and pane.text.toPlainText() == ORIGINAL.decode()
    assert pane.message.styleSheet() == ""
    assert _views(sqlite_store, items[0].id) == 2


def test_a_change_past_what_the_preview_shows_is_found_too(qtbot: QtBot, sqlite_store: OpenStore,
                                                           tmp_path: Path) -> None:
    """A text preview shows the first 64 KiB; the whole file is checked, so a change further on is
    refused as well (reading only what is shown would show an unchanged start silently)."""
    notary = _notary(sqlite_store)
    text = ("第一行\n" * 40_000).encode()  # about 400 KiB
    items = _take_in(sqlite_store, notary, tmp_path / "in", {"log.txt": text, "other.txt": b"other\n"})
    page = _page(qtbot, sqlite_store, notary)
    pane = page.preview
    _show_row(qtbot, page, 0)
    assert pane.stack.currentWidget() is pane.text and "showing the first" in pane.info.text()
    changed = bytearray(text)
    changed[300_000] ^= 1
    replace_blob(sqlite_store, items[0].sha256, bytes(changed))
    _show_row(qtbot, page, 1)
    _show_row(qtbot, page, 0)
    assert pane.stack.currentWidget() is pane.message and "no longer matches" in pane.message.text()
