"""Settings driven as a person would: your own password (then sign out and in with the new one), an
administrator's real names, password resets (the keys are revoked, said first), re-enabling a user, the
office's name and prefix; real names wherever the window names a person; the page fitting 1024×700 in
Chinese and English. Core decides each rule (tests/test_user_records.py); these check the window."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.cases import matters as cases
from desktop.core.errors import NotAllowed
from desktop.core.office import office
from desktop.core.storage.store import OpenStore
from desktop.core.trust import checkpoints, ledger, signing_keys, users
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Role
from desktop.core.trust.sign_in import sign_in_user
from desktop.ui.framework.i18n import install_translator, remove_translators
from desktop.ui.main_window import MainWindow
from desktop.ui.settings.users import ROWS_ALWAYS_SHOWN, PasswordDialog
from tests.qt_helpers import attached_window, settled, type_text

ADMIN_PASSWORD = "admin-password-1"
NOTARY_PASSWORD = "notary-password-1"
CLERK_PASSWORD = "clerk-password-1"
TIMEOUT = 20_000
OFFICE = "昆明市知识产权纠纷人民调解委员会"
AYGUL = "阿依古丽·买买提"
SCREENS = Path(__file__).resolve().parent.parent / "docs" / "screens"


@pytest.fixture
def staffed(store: OpenStore) -> OpenStore:
    """An office, 张伟 (``admin``), the notary 李华 (``lihua``) with a key, and the clerk 王强 (``wang``)."""
    with store.database.session_scope() as session:
        office.create_office(session, OFFICE, "云知调")
        admin = users.create_first_admin(session, "admin", ADMIN_PASSWORD, "张伟")
        users.add_user(session, admin, "lihua", frozenset({Role.NOTARY}), NOTARY_PASSWORD, "李华")
        users.add_user(session, admin, "wang", frozenset({Role.CLERK}), CLERK_PASSWORD, "王强")
    notary = users.sign_in(store.database, "lihua", NOTARY_PASSWORD)
    with store.database.session_scope() as session:
        signing_keys.new_key(session, notary, NOTARY_PASSWORD)
    return store


def _window(qtbot: QtBot, store: OpenStore, name: str, password: str) -> MainWindow:
    window = attached_window(qtbot, store, OFFICE, sign_in_user(store.database, name, password))
    window.show_page("settings")
    settled(qtbot, window, window.settings_page)
    return window


def _row(window: MainWindow, name: str) -> int:
    table = window.settings_page.users.table
    return next(row for row in range(table.rowCount()) if table.item(row, 0).text() == name)


def _select(window: MainWindow, name: str) -> None:
    window.settings_page.users.table.selectRow(_row(window, name))


def _cell(window: MainWindow, name: str, column: int) -> str:
    return window.settings_page.users.table.item(_row(window, name), column).text()


def _click_ok(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _kinds_since(store: OpenStore, start: int) -> list[tuple[str, str, str]]:
    with store.database.session_scope() as session:
        return [(entry.actor, entry.kind, entry.subject) for entry in ledger.iter_entries(session, start)]


def _size(store: OpenStore) -> int:
    with store.database.session_scope() as session:
        return ledger.size(session)


# --- your own password ------------------------------------------------------------------------------
def test_change_own_password_then_sign_out_and_in_with_it(qtbot: QtBot, staffed: OpenStore) -> None:
    window = _window(qtbot, staffed, "lihua", NOTARY_PASSWORD)
    key = window.signed_in.key
    assert key is not None
    account = window.settings_page.account
    assert account.who.text() == "李华 (lihua) — Notary"
    assert window.user_label.text() == "Signed in: 李华 (lihua)"
    assert not window.settings_page.users.table.isVisible()  # a notary manages no one

    window.password_action.trigger()  # File ▸ Change Password
    dialog = account.dialog
    assert isinstance(dialog, PasswordDialog) and dialog.isVisible() and dialog.old_edit.isVisible()
    type_text(dialog.old_edit, "not-the-password")
    type_text(dialog.new_edit, "new-notary-password")
    type_text(dialog.repeat_edit, "new-notary-password")
    _click_ok(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: dialog.message.text() == "Wrong user name or password.", timeout=TIMEOUT)
    assert dialog.isVisible()
    dialog.old_edit.clear()
    type_text(dialog.old_edit, NOTARY_PASSWORD)
    dialog.repeat_edit.clear()
    type_text(dialog.repeat_edit, "new-notary-passworx")
    _click_ok(qtbot, dialog.ok_button)
    assert dialog.message.text() == "The two new passwords differ." and dialog.isVisible()
    dialog.repeat_edit.clear()
    type_text(dialog.repeat_edit, "new-notary-password")
    _click_ok(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)
    box = account.dialog
    assert isinstance(box, QMessageBox) and "changed" in box.text()
    box.accept()

    # The window keeps working with the key still unlocked: sign-out signs a checkpoint with it.
    assert window.signed_in.key is key
    with staffed.database.session_scope() as session:
        assert ledger.subject_entries(session, "user:lihua")[-1].kind == EventKind.USER_PASSWORD_CHANGED
    assert window.sign_out() is None
    qtbot.waitUntil(lambda: window.next_sign_in is not None and window.next_sign_in.isVisible(),
                    timeout=TIMEOUT)
    with staffed.database.session_scope() as session:
        made = checkpoints.latest(session)
        assert made is not None and made.signer == "lihua" and made.tree_size == ledger.size(session)
    sign_in = window.next_sign_in
    type_text(sign_in.name_edit, "lihua")
    type_text(sign_in.password_edit, NOTARY_PASSWORD)  # the old one no longer opens
    _click_ok(qtbot, sign_in.ok_button)
    qtbot.waitUntil(lambda: sign_in.message.text() == "Wrong user name or password.", timeout=TIMEOUT)
    type_text(sign_in.password_edit, "new-notary-password")
    _click_ok(qtbot, sign_in.ok_button)
    qtbot.waitUntil(lambda: window.signed_in is not None, timeout=TIMEOUT)
    assert window.signed_in.actor.name == "lihua"
    assert window.signed_in.key is not None and window.signed_in.key.fingerprint == key.fingerprint
    settled(qtbot, window, window.settings_page)
    assert window.user_label.text() == "Signed in: 李华 (lihua)"


# --- an administrator's work -------------------------------------------------------------------------
def test_administrator_resets_a_password_after_a_warning(qtbot: QtBot, staffed: OpenStore) -> None:
    window = _window(qtbot, staffed, "admin", ADMIN_PASSWORD)
    section = window.settings_page.users
    assert not section.reset_button.isEnabled()  # nothing selected
    _select(window, "lihua")
    assert section.reset_button.isEnabled()
    dialog = section.reset_password()
    assert isinstance(dialog, PasswordDialog) and not dialog.old_edit.isVisible()
    intro = dialog.findChild(QWidget, "passwordIntro")
    assert "李华 (lihua)" in intro.text() and "revokes their signing keys" in intro.text()
    type_text(dialog.new_edit, "reset-password-1")
    type_text(dialog.repeat_edit, "reset-password-1")
    before = _size(staffed)
    _click_ok(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)
    assert dialog.revoked and "Signing keys revoked: 1." in section.dialog.text()
    section.dialog.accept()
    kinds = [kind for _actor, kind, _subject in _kinds_since(staffed, before)]
    assert kinds == [EventKind.KEY_REVOKED, EventKind.USER_PASSWORD_CHANGED]
    assert users.sign_in(staffed.database, "lihua", "reset-password-1").name == "lihua"


def test_administrator_re_enables_a_user_in_the_window(qtbot: QtBot, staffed: OpenStore) -> None:
    window = _window(qtbot, staffed, "admin", ADMIN_PASSWORD)
    section = window.settings_page.users
    _select(window, "wang")
    assert section.disable_button.isEnabled() and not section.enable_button.isEnabled()
    box = section.disable_user()
    assert "王强 (wang)" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: _cell(window, "wang", 3) == "disabled", timeout=TIMEOUT)
    assert not section.disable_button.isEnabled() and section.enable_button.isEnabled()
    with pytest.raises(NotAllowed, match="disabled"):
        users.sign_in(staffed.database, "wang", CLERK_PASSWORD)

    before = _size(staffed)
    qtbot.mouseClick(section.enable_button, Qt.MouseButton.LeftButton)
    box = section.dialog
    assert isinstance(box, QMessageBox) and "王强 (wang)" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: _cell(window, "wang", 3) == "active", timeout=TIMEOUT)
    assert section.disable_button.isEnabled() and not section.enable_button.isEnabled()
    assert _kinds_since(staffed, before) == [("admin", EventKind.USER_ENABLED, "user:wang")]
    assert users.sign_in(staffed.database, "wang", CLERK_PASSWORD).name == "wang"


def test_administrator_sets_real_names_and_every_window_shows_them(qtbot: QtBot, staffed: OpenStore) -> None:
    clerk_window = _window(qtbot, staffed, "wang", CLERK_PASSWORD)
    assert clerk_window.user_label.text() == "Signed in: 王强 (wang)"
    window = _window(qtbot, staffed, "admin", ADMIN_PASSWORD)
    section = window.settings_page.users
    assert [_cell(window, name, 1) for name in ("admin", "lihua", "wang")] == ["张伟", "李华", "王强"]
    _select(window, "wang")
    dialog = section.edit_user()
    assert dialog.name_edit.isReadOnly() and dialog.real_name_edit.text() == "王强"
    dialog.real_name_edit.clear()
    _click_ok(qtbot, dialog.ok_button)  # a real name cannot be taken away
    qtbot.waitUntil(lambda: "required" in dialog.message.text(), timeout=TIMEOUT)
    type_text(dialog.real_name_edit, AYGUL)
    before = _size(staffed)
    _click_ok(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: _cell(window, "wang", 1) == AYGUL, timeout=TIMEOUT)
    assert _kinds_since(staffed, before) == [("admin", EventKind.USER_RENAMED, "user:wang")]  # roles kept
    # The clerk's own window hears of it: the status bar and the account line.
    qtbot.waitUntil(lambda: clerk_window.user_label.text() == f"Signed in: {AYGUL} (wang)", timeout=TIMEOUT)
    qtbot.waitUntil(lambda: clerk_window.settings_page.account.who.text().startswith(f"{AYGUL} (wang)"),
                    timeout=TIMEOUT)


def test_administrator_adds_a_user_with_a_real_name(qtbot: QtBot, staffed: OpenStore) -> None:
    window = _window(qtbot, staffed, "admin", ADMIN_PASSWORD)
    dialog = window.settings_page.users.add_user()
    type_text(dialog.name_edit, "zhao")
    dialog.role_checks.boxes[Role.MEDIATOR].setChecked(True)
    type_text(dialog.password_edit, "mediator-password-1")
    type_text(dialog.repeat_edit, "mediator-password-1")
    _click_ok(qtbot, dialog.ok_button)  # no real name: refused by core, the dialog stays
    qtbot.waitUntil(lambda: dialog.message.text() == "The field Real name is required.", timeout=TIMEOUT)
    type_text(dialog.real_name_edit, "赵敏")
    _click_ok(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: window.settings_page.users.table.rowCount() == 4, timeout=TIMEOUT)
    assert _cell(window, "zhao", 1) == "赵敏" and _cell(window, "zhao", 2) == "Mediator"


# --- the office -------------------------------------------------------------------------------------
def test_administrator_changes_the_office_and_new_numbers_follow(qtbot: QtBot, staffed: OpenStore) -> None:
    clerk_window = _window(qtbot, staffed, "wang", CLERK_PASSWORD)
    clerk_office = clerk_window.settings_page.office
    assert clerk_office.name_edit.isReadOnly() and not clerk_office.office_button.isVisible()
    with staffed.database.session_scope() as session:
        first = cases.open_case(session, clerk_window.signed_in.actor, "trademark", "某某商标侵权纠纷").number

    window = _window(qtbot, staffed, "admin", ADMIN_PASSWORD)
    section = window.settings_page.office
    assert section.name_edit.text() == OFFICE and section.prefix_edit.text() == "云知调"
    assert not section.office_button.isEnabled()  # nothing changed yet
    section.prefix_edit.clear()
    type_text(section.prefix_edit, "云 新")
    assert not section.office_button.isEnabled() and "prefix" in section.example.text()
    section.prefix_edit.clear()
    type_text(section.prefix_edit, "云知新")
    assert section.example.text().endswith("云知新字第0001号") and section.office_button.isEnabled()
    section.name_edit.clear()
    type_text(section.name_edit, "昆明市知识产权纠纷调解中心")
    before = _size(staffed)
    qtbot.mouseClick(section.office_button, Qt.MouseButton.LeftButton)
    box = section.dialog
    assert isinstance(box, QMessageBox) and "do not change" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: "昆明市知识产权纠纷调解中心" in window.windowTitle(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: "昆明市知识产权纠纷调解中心" in clerk_window.windowTitle(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: clerk_office.prefix_edit.text() == "云知新", timeout=TIMEOUT)
    assert not section.office_button.isEnabled()
    assert _kinds_since(staffed, before) == [("admin", EventKind.OFFICE_UPDATED, office.OFFICE_SUBJECT)]
    with staffed.database.session_scope() as session:
        second = cases.open_case(session, clerk_window.signed_in.actor, "patent", "某某专利侵权纠纷").number
        assert {info.number for info in cases.list_cases(session)} == {first, second}
    assert first.endswith("云知调字第0001号") and second.endswith("云知新字第0002号")
    window.show_page("ledger")  # the entry's subject in words
    settled(qtbot, window.ledger_page)
    model = window.ledger_page.model
    row = next(row for row in range(model.rowCount()) if model.rows[row].kind == EventKind.OFFICE_UPDATED)
    assert model.index(row, 4).data() == "Office name and case-number prefix"
    assert model.index(row, 4).data(Qt.ItemDataRole.ToolTipRole) == "office:name"


# --- fitting 1024×700, and the screenshot -----------------------------------------------------------
@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    locale = QLocale()
    if request.param != "en":
        assert install_translator(qapp, request.param) is not None
    yield str(request.param)
    remove_translators(qapp, locale)


def _clipped(page: QWidget) -> list[str]:
    """Visible buttons narrower than their text needs."""
    return [button.text() for button in page.findChildren(QPushButton)
            if button.isVisible() and button.width() < button.sizeHint().width()]


def test_settings_fit_1024_by_700(qtbot: QtBot, sqlite_store: OpenStore, language: str) -> None:
    with sqlite_store.database.session_scope() as session:
        office.create_office(session, OFFICE, "云知调")
        admin = users.create_first_admin(session, "admin", ADMIN_PASSWORD, "张伟")
        for name, real_name, role in (("lihua", "李华", Role.NOTARY), ("wang", "王强", Role.CLERK),
                                      ("aygul", AYGUL, Role.MEDIATOR), ("zhao", "赵敏", Role.MEDIATOR)):
            users.add_user(session, admin, name, frozenset({role}), CLERK_PASSWORD, real_name)
    window = _window(qtbot, sqlite_store, "admin", ADMIN_PASSWORD)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024 and window.height() == 700, timeout=TIMEOUT)
    page = window.settings_page
    settled(qtbot, window, page)
    _select(window, "wang")
    QApplication.processEvents()
    assert (window.width(), window.height()) == (1024, 700), "the window's minimum size is larger"
    assert _clipped(page) == []
    assert not page.scroll_area.verticalScrollBar().isVisible(), "the sections do not fit without scrolling"
    table = page.users.table
    assert table.viewport().height() >= ROWS_ALWAYS_SHOWN * table.rowHeight(0), "too few users in view"
    assert page.office.example.isVisible() and page.office.office_note.isVisible()
    if language == "zh_CN":
        assert window.user_label.text() == "当前用户：张伟（admin）"
        if os.environ.get("MEDISEAL_SCREENSHOTS"):
            SCREENS.mkdir(parents=True, exist_ok=True)
            window.grab().save(str(SCREENS / "settings-users.png"))


# --- real names where the window names a person -----------------------------------------------------
def test_evidence_panes_and_the_ledger_name_people_by_real_name(qtbot: QtBot, staffed: OpenStore,
                                                                 tmp_path: Path) -> None:
    from desktop.core.evidence import intake, preservation
    from desktop.core.evidence.acquisition import Acquisition

    notary = sign_in_user(staffed.database, "lihua", NOTARY_PASSWORD)
    with staffed.database.session_scope() as session:
        number = cases.open_case(session, notary.actor, "trademark", "某某商标侵权纠纷").number
    source = tmp_path / "购买记录.txt"
    source.write_bytes("订单号 123\n".encode())
    report = intake.ingest_files(staffed.database, staffed.vault, notary.actor, number, [source],
                                 Acquisition("upload"), seal_with=notary.key)
    item_id = report.items[0].id
    with staffed.database.session_scope() as session:
        preservation.create_record(session, notary.actor, notary.key, number, preservation.PreservationInput(
            (item_id,), "昆明市公证处", "某某公司", "李华", "打开网页，截图保存。"))
    window = attached_window(qtbot, staffed, OFFICE, notary)
    window.show_page("evidence")
    page = window.evidence_page
    settled(qtbot, window, page)
    page.table.selectRow(0)
    settled(qtbot, page)
    assert page.facts.seals.text().startswith("李华 (lihua), ")
    assert page.facts.taken_in.text().startswith("by 李华 (lihua) at ")
    trail = page.trail
    assert {trail.item(row, 2).text() for row in range(trail.rowCount())} == {"李华 (lihua)"}
    records = page.record_list
    assert records.table.item(0, 1).text() == "李华 (lihua)"
    assert "Sealed by 李华 (lihua) at " in records.text.toPlainText()

    window.show_page("ledger")
    ledger_page = window.ledger_page
    settled(qtbot, ledger_page)
    model = ledger_page.model
    shown = {model.index(row, 2).data() for row in range(model.rowCount())}
    assert {"李华 (lihua)", "张伟 (admin)"} <= shown  # the ledger keeps the login name (the tooltip)
    with staffed.database.session_scope() as session:
        assert {entry.actor for entry in ledger.iter_entries(session)} <= {"admin", "lihua", "-"}
