"""Closing the window, signing out and locking while work is under way: the window asks (wait for it,
or cancel it), awaits the running ops without blocking, and only then signs out, so nothing is recorded
for a sign-in that has ended (issue 8: the window vanished, the user was signed out, and the item was
recorded after the sign-out)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from desktop.core.cases import matters as cases
from desktop.core.evidence import intake
from desktop.core.evidence import items as evidence_items
from desktop.core.evidence.acquisition import Acquisition
from desktop.core.office import office
from desktop.core.storage.store import OpenStore
from desktop.core.trust import ledger, passwords, signing_keys, users
from desktop.core.trust.events import EventKind
from desktop.core.trust.ledger import Entry
from desktop.core.trust.permissions import Role
from desktop.core.trust.pki import key_files
from desktop.core.trust.sign_in import SignedInUser
from desktop.ui.evidence.page import EvidencePage
from desktop.ui.main_window import MainWindow
from desktop.ui.sign_in.dialog import SignInDialog
from tests.qt_helpers import Heartbeat, attached_window, settled

PASSWORD = "notary-password-1"
TIMEOUT = 30_000
FILES = 4


@pytest.fixture
def notary(sqlite_store: OpenStore, monkeypatch: pytest.MonkeyPatch) -> SignedInUser:
    """A notary ``lihua`` holding a key, signed in (argon2id and scrypt at their lowest real costs)."""
    monkeypatch.setattr(passwords, "_HASHER", PasswordHasher(time_cost=1, memory_cost=8 * 1024,
                                                             parallelism=1))
    monkeypatch.setattr(key_files, "SCRYPT_N", 2**10)
    with sqlite_store.database.session_scope() as session:
        office.create_office(session, "昆明调解中心", "云知调")
        admin = users.create_first_admin(session, "admin", "admin-password-1", "张伟")
        users.add_user(session, admin, "lihua", frozenset({Role.NOTARY}), PASSWORD, "李华")
    actor = users.sign_in(sqlite_store.database, "lihua", PASSWORD)
    with sqlite_store.database.session_scope() as session:
        signing_keys.new_key(session, actor, PASSWORD)
    with sqlite_store.database.session_scope() as session:
        key = signing_keys.unlock(session, actor, PASSWORD)
    return SignedInUser(actor, key)


@pytest.fixture
def slow_ingest(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ingest as if from a slow disk: a pause after every chunk (the GUI must not notice)."""
    real_ingest = intake.ingest_files

    def slowed(*args: object, file_progress: intake.FileProgressFn, **kwargs: object) -> object:
        def report(index: int, count: int, name: str, done: int, total: int) -> None:
            file_progress(index, count, name, done, total)
            time.sleep(0.1)

        return real_ingest(*args, file_progress=report, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(intake, "ingest_files", slowed)
    # One large file at a time, so "File 2 of 4" means the first is done (side by side, they overlap).
    monkeypatch.setattr(intake, "LARGE_FILES_SIDE_BY_SIDE", 1)


def _window_ingesting(qtbot: QtBot, store: OpenStore, notary: SignedInUser,
                      tmp_path: Path) -> tuple[MainWindow, EvidencePage, str]:
    """The window, with an ingest of four files (three chunks each) well under way."""
    with store.database.session_scope() as session:
        number = cases.open_case(session, notary.actor, "trademark", "某某商标侵权纠纷").number
    folder = tmp_path / "videos"
    folder.mkdir()
    paths = []
    for n in range(FILES):
        path = folder / f"video-{n}.bin"
        path.write_bytes(bytes([n]) * (10 * 1024 * 1024))
        paths.append(path)
    window = attached_window(qtbot, store, "昆明调解中心", notary)
    window.show_page("evidence")
    page = window.evidence_page
    assert page is not None
    settled(qtbot, window, page)
    assert page.start_ingest(paths, Acquisition("video"), case_number=number) is not None
    qtbot.waitUntil(lambda: page.ingest_panel.file_label.text().startswith("File 2 of"), timeout=TIMEOUT)
    return window, page, number


def _entries(store: OpenStore) -> list[Entry]:
    with store.database.session_scope() as session:
        return list(ledger.iter_entries(session))


def _after_sign_out(entries: list[Entry], user: str) -> tuple[int, list[Entry]]:
    """The sequence number of ``user``'s (one) sign-out, and that user's entries after it."""
    sign_outs = [entry.seq for entry in entries if entry.actor == user and entry.kind == EventKind.SIGN_OUT]
    assert len(sign_outs) == 1, "signed out exactly once"
    return sign_outs[0], [entry for entry in entries if entry.actor == user and entry.seq > sign_outs[0]]


def _answer(qtbot: QtBot, window: MainWindow, button: str) -> QMessageBox:
    qtbot.waitUntil(lambda: window.work_box is not None and window.work_box.isVisible(), timeout=TIMEOUT)
    box = window.work_box
    assert box is not None
    assert "Taking in 4 file(s) or folder(s)" in box.informativeText()
    qtbot.mouseClick(box.findChild(QPushButton, button), Qt.MouseButton.LeftButton)
    return box


def test_closing_with_work_under_way_and_cancelling_it(qtbot: QtBot, sqlite_store: OpenStore,
                                                       notary: SignedInUser, tmp_path: Path,
                                                       slow_ingest: None) -> None:
    window, page, number = _window_ingesting(qtbot, sqlite_store, notary, tmp_path)
    heartbeat = Heartbeat()
    window.close()
    assert window.isVisible(), "the window asks before it goes"
    _answer(qtbot, window, "cancelWork")
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=TIMEOUT)
    assert heartbeat.stop() < 500  # awaited with the event loop running, never a blocking join

    entries = _entries(sqlite_store)
    sign_out, later = _after_sign_out(entries, "lihua")
    assert later == [], "nothing recorded for lihua after the sign-out"
    with sqlite_store.database.session_scope() as session:
        kept = evidence_items.list_items(session, number)
    assert 1 <= len(kept) < FILES  # the cancel kept the whole files that were in before it
    ingested = [entry for entry in entries if entry.kind == EventKind.EVIDENCE_INGESTED]
    assert len(ingested) == len(kept) and all(entry.seq < sign_out for entry in ingested)
    assert page.ingest_op is None and window.signed_in is None


def test_closing_with_work_under_way_and_waiting_for_it(qtbot: QtBot, sqlite_store: OpenStore,
                                                        notary: SignedInUser, tmp_path: Path,
                                                        slow_ingest: None) -> None:
    window, _page, number = _window_ingesting(qtbot, sqlite_store, notary, tmp_path)
    window.close()
    _answer(qtbot, window, "waitForWork")
    qtbot.waitUntil(lambda: window.waiter is not None and window.waiter.dialog.isVisible(), timeout=TIMEOUT)
    assert window.isVisible() and window.signed_in is not None  # still signed in while waiting
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=TIMEOUT)

    entries = _entries(sqlite_store)
    sign_out, later = _after_sign_out(entries, "lihua")
    assert later == []
    ingested = [entry for entry in entries if entry.kind == EventKind.EVIDENCE_INGESTED]
    assert len(ingested) == FILES and all(entry.seq < sign_out for entry in ingested)
    with sqlite_store.database.session_scope() as session:
        assert len(evidence_items.list_items(session, number)) == FILES


def test_signing_out_asks_and_going_back_keeps_the_work(qtbot: QtBot, sqlite_store: OpenStore,
                                                        notary: SignedInUser, tmp_path: Path,
                                                        slow_ingest: None) -> None:
    window, page, number = _window_ingesting(qtbot, sqlite_store, notary, tmp_path)
    box = window.sign_out()
    assert isinstance(box, QMessageBox) and box.windowTitle() == "Sign out"
    _answer(qtbot, window, "goBack")
    assert window.signed_in is not None and page.ingest_op is not None and not page.ingest_op.is_cancelled
    qtbot.waitUntil(lambda: page.ingest_op is None, timeout=TIMEOUT)  # the work goes on to its end
    with sqlite_store.database.session_scope() as session:
        assert len(evidence_items.list_items(session, number)) == FILES
        assert not any(entry.kind == EventKind.SIGN_OUT for entry in ledger.iter_entries(session))

    assert window.sign_out() is None  # nothing under way now: no question
    qtbot.waitUntil(lambda: window.next_sign_in is not None, timeout=TIMEOUT)
    assert isinstance(window.next_sign_in, SignInDialog)
    window.next_sign_in.reject()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=TIMEOUT)


def test_locking_with_work_under_way_waits_then_locks(qtbot: QtBot, sqlite_store: OpenStore,
                                                      notary: SignedInUser, tmp_path: Path,
                                                      slow_ingest: None) -> None:
    window, page, number = _window_ingesting(qtbot, sqlite_store, notary, tmp_path)
    assert isinstance(window.lock(), QMessageBox)
    _answer(qtbot, window, "waitForWork")
    qtbot.waitUntil(lambda: window.lock_dialog is not None, timeout=TIMEOUT)
    assert page.ingest_op is None and not window.splitter.isVisible()
    assert not page.add_action.isEnabled()  # locked: the page's commands are off, menus included
    with sqlite_store.database.session_scope() as session:
        assert len(evidence_items.list_items(session, number)) == FILES
    window.lock_dialog.reject()  # "Sign out" on the lock dialog: nothing under way, signed out at once
    qtbot.waitUntil(lambda: window.next_sign_in is not None, timeout=TIMEOUT)
    _seq, later = _after_sign_out(_entries(sqlite_store), "lihua")
    assert later == []
