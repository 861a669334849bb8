"""The office's two number series in the window, driven as a person would: the setup wizard records both
(or only the mediation series), Settings ▸ Office sets, changes and removes the notarial series with a live
example of each series' next number, each change logged; read-only for others; the page still fits
1024×700 with an error showing, in Chinese. Core decides each rule (tests/test_office.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard
from pytestqt.qtbot import QtBot

from desktop.core.office import office
from desktop.core.storage.store import OpenStore
from desktop.core.trust import ledger, passwords, users
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Role
from desktop.core.trust.pki import key_files
from desktop.core.trust.sign_in import sign_in_user
from desktop.core.verification.store import verify_store
from desktop.ui.framework.i18n import install_translator, remove_translators
from desktop.ui.main_window import MainWindow
from desktop.ui.setup.wizard import SetupWizard
from tests.qt_helpers import attached_window, settled, type_text

ADMIN_PASSWORD = "admin-password-1"
CLERK_PASSWORD = "clerk-password-1"
OFFICE = "昆明市明信公证处"
TIMEOUT = 20_000
YEAR = r"（20\d\d）"


@pytest.fixture(autouse=True)
def cheap_key_derivation(monkeypatch: pytest.MonkeyPatch) -> None:
    """Real argon2id and scrypt at their lowest costs: these tests are about the office."""
    cheap = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)
    monkeypatch.setattr(passwords, "_HASHER", cheap)
    monkeypatch.setattr(key_files, "SCRYPT_N", 2**10)


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    locale = QLocale()
    assert install_translator(qapp, "zh_CN") is not None
    yield
    remove_translators(qapp, locale)


def _office(store: OpenStore) -> office.OfficeInfo | None:
    with store.database.session_scope() as session:
        return office.get_office(session)


def _clean(store: OpenStore) -> bool:
    with store.database.session_scope() as session:
        return verify_store(session, store.vault).clean


# --- the setup wizard -------------------------------------------------------------------------------
def _wizard(qtbot: QtBot, store: OpenStore) -> SetupWizard:
    wizard = SetupWizard(store, needs_office=True)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def _finish(qtbot: QtBot, wizard: SetupWizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    admin = wizard.admin_page
    admin.key_check.setChecked(False)
    type_text(admin.real_name_edit, "张伟")
    type_text(admin.password_edit, ADMIN_PASSWORD)
    type_text(admin.repeat_edit, ADMIN_PASSWORD)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.recorded is not None, timeout=TIMEOUT)


def test_the_wizard_records_both_series_with_live_examples(qtbot: QtBot, sqlite_store: OpenStore) -> None:
    wizard = _wizard(qtbot, sqlite_store)
    page = wizard.office_page
    assert page is not None
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    type_text(page.name_edit, OFFICE)
    # The defaults: 知 + 调 for mediation cases, no notarial series (its word 证 waits for a prefix).
    assert re.fullmatch(f"Example: {YEAR}知调字第0001号", page.example.text()), page.example.text()
    assert page.notarial_example.text() == "Not used: no notarial matters are numbered"
    assert next_button.isEnabled()
    page.prefix_edit.clear()
    type_text(page.prefix_edit, "云知")
    assert re.fullmatch(f"Example: {YEAR}云知调字第0001号", page.example.text())
    type_text(page.notarial.prefix_edit, "云昆")
    assert re.fullmatch(f"Example: {YEAR}云昆证字第0001号", page.notarial_example.text())
    page.notarial.word_edit.clear()
    type_text(page.notarial.word_edit, "第")
    assert not next_button.isEnabled() and "notarial matter numbers" in page.problem.text()
    page.notarial.word_edit.clear()
    assert not next_button.isEnabled()  # a prefix without its word
    type_text(page.notarial.word_edit, "外证")
    assert re.fullmatch(f"Example: {YEAR}云昆外证字第0001号", page.notarial_example.text())
    page.notarial.word_edit.clear()
    type_text(page.notarial.word_edit, "证")
    assert next_button.isEnabled() and page.problem.text() == ""
    _finish(qtbot, wizard)
    assert _office(sqlite_store) == office.OfficeInfo(OFFICE, "云知", "调", "云昆", "证")
    with sqlite_store.database.session_scope() as session:
        entry = ledger.subject_entries(session, office.OFFICE_SUBJECT)[-1]
    assert entry.kind == EventKind.OFFICE_CREATED
    assert _clean(sqlite_store)


def test_the_wizard_sets_no_notarial_series_when_its_prefix_is_left_empty(qtbot: QtBot,
                                                                          sqlite_store: OpenStore) -> None:
    wizard = _wizard(qtbot, sqlite_store)
    page = wizard.office_page
    assert page is not None
    type_text(page.name_edit, "丽江调解中心")
    page.prefix_edit.clear()
    type_text(page.prefix_edit, "云丽")
    _finish(qtbot, wizard)
    recorded = _office(sqlite_store)
    assert recorded == office.OfficeInfo("丽江调解中心", "云丽", "调")
    assert recorded.number_head(office.MatterKind.NOTARIAL) is None


def test_the_wizard_in_chinese(qtbot: QtBot, sqlite_store: OpenStore, chinese: None) -> None:
    wizard = _wizard(qtbot, sqlite_store)
    page = wizard.office_page
    assert page is not None
    type_text(page.name_edit, OFFICE)
    type_text(page.notarial.prefix_edit, "云昆")
    assert re.fullmatch(f"示例：{YEAR}云昆证字第0001号", page.notarial_example.text())
    page.notarial.word_edit.clear()
    type_text(page.notarial.word_edit, "号")
    assert page.problem.text().startswith("公证事项编号的代字")


# --- Settings ▸ Office ------------------------------------------------------------------------------
@pytest.fixture
def staffed(sqlite_store: OpenStore) -> OpenStore:
    """An office set up before the series stood apart (its prefix 云知调 holds its word), 张伟 (``admin``)
    and the clerk 王强 (``wang``)."""
    with sqlite_store.database.session_scope() as session:
        office.create_office(session, OFFICE, "云知调")
        admin = users.create_first_admin(session, "admin", ADMIN_PASSWORD, "张伟")
        office.log_office(session, admin.name, office.OfficeInfo(OFFICE, "云知调"), created=True)
        users.add_user(session, admin, "wang", frozenset({Role.CLERK}), CLERK_PASSWORD, "王强")
    return sqlite_store


def _window(qtbot: QtBot, store: OpenStore, name: str, password: str) -> MainWindow:
    window = attached_window(qtbot, store, OFFICE, sign_in_user(store.database, name, password))
    window.show_page("settings")
    settled(qtbot, window, window.settings_page)
    return window


def _size(store: OpenStore) -> int:
    with store.database.session_scope() as session:
        return ledger.size(session)


def _confirm(qtbot: QtBot, window: MainWindow, store: OpenStore) -> str:
    """Click Change Office, say yes; the question asked, once the change is recorded."""
    section = window.settings_page.office
    before = _size(store)
    qtbot.mouseClick(section.office_button, Qt.MouseButton.LeftButton)
    box = section.dialog
    assert isinstance(box, QMessageBox)
    text = box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: _size(store) == before + 1, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: section.stored_office == _office(store), timeout=TIMEOUT)
    settled(qtbot, section)
    assert not section.office_button.isEnabled()
    return text


def test_an_administrator_sets_changes_and_removes_the_notarial_series(qtbot: QtBot,
                                                                       staffed: OpenStore) -> None:
    window = _window(qtbot, staffed, "admin", ADMIN_PASSWORD)
    section = window.settings_page.office
    assert section.prefix_edit.text() == "云知调" and section.word_edit.text() == ""
    assert re.fullmatch(f"Example: {YEAR}云知调字第0001号", section.example.text())
    assert section.notarial.word_edit.text() == "证"  # ready for a prefix
    assert section.notarial_example.text() == "Not used: no notarial matters are numbered"
    assert not section.office_button.isEnabled()

    type_text(section.notarial.prefix_edit, "云知")
    section.notarial.word_edit.clear()
    type_text(section.notarial.word_edit, "调")  # the mediation head again
    assert "those of mediation cases" in section.notarial_example.text()
    assert re.fullmatch(f"Example: {YEAR}云知调字第0001号", section.example.text())  # unharmed
    assert not section.office_button.isEnabled()
    section.notarial.prefix_edit.clear()
    type_text(section.notarial.prefix_edit, "云昆")
    section.notarial.word_edit.clear()
    type_text(section.notarial.word_edit, "证")
    assert re.fullmatch(f"Example: {YEAR}云昆证字第0001号", section.notarial_example.text())
    assert section.office_button.isEnabled()
    before = _size(staffed)
    asked = _confirm(qtbot, window, staffed)
    assert re.search(f"mediation cases get numbers like {YEAR}云知调字第0001号", asked), asked
    assert re.search(f"notarial matters numbers like {YEAR}云昆证字第0001号", asked), asked
    assert _office(staffed) == office.OfficeInfo(OFFICE, "云知调", "", "云昆", "证")

    # The mediation prefix split from its word: the same numbers, a new record.
    section.prefix_edit.clear()
    type_text(section.prefix_edit, "云知")
    type_text(section.word_edit, "调")
    assert re.fullmatch(f"Example: {YEAR}云知调字第0001号", section.example.text())
    _confirm(qtbot, window, staffed)
    assert _office(staffed) == office.OfficeInfo(OFFICE, "云知", "调", "云昆", "证")

    section.notarial.prefix_edit.clear()  # removes the series
    assert section.notarial_example.text() == "Not used: no notarial matters are numbered"
    assert "notarial matters are not numbered" in _confirm(qtbot, window, staffed)
    assert _office(staffed) == office.OfficeInfo(OFFICE, "云知", "调")
    with staffed.database.session_scope() as session:
        kinds = [entry.kind for entry in ledger.iter_entries(session, before)]
    assert kinds == [EventKind.OFFICE_UPDATED] * 3
    assert _clean(staffed)


def test_others_read_the_series_and_see_a_change(qtbot: QtBot, staffed: OpenStore) -> None:
    clerk_window = _window(qtbot, staffed, "wang", CLERK_PASSWORD)
    clerk = clerk_window.settings_page.office
    assert clerk.notarial.prefix_edit.isReadOnly() and clerk.notarial.word_edit.isReadOnly()
    assert clerk.word_edit.isReadOnly() and not clerk.office_button.isVisible()
    window = _window(qtbot, staffed, "admin", ADMIN_PASSWORD)
    type_text(window.settings_page.office.notarial.prefix_edit, "云昆")
    _confirm(qtbot, window, staffed)
    qtbot.waitUntil(lambda: clerk.notarial.prefix_edit.text() == "云昆", timeout=TIMEOUT)
    assert re.fullmatch(f"Example: {YEAR}云昆证字第0001号", clerk.notarial_example.text())


def test_settings_with_both_series_and_an_error_fit_1024_by_700(qtbot: QtBot, staffed: OpenStore,
                                                                 chinese: None) -> None:
    admin = users.sign_in(staffed.database, "admin", ADMIN_PASSWORD)
    with staffed.database.session_scope() as session:
        office.update_office(session, admin, OFFICE, "云知", mediation_word="调", notarial_prefix="云昆",
                             notarial_word="证")
    window = _window(qtbot, staffed, "admin", ADMIN_PASSWORD)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024 and window.height() == 700, timeout=TIMEOUT)
    page = window.settings_page
    section = page.office
    settled(qtbot, window, page)
    assert re.fullmatch(f"示例：{YEAR}云昆证字第0001号", section.notarial_example.text())
    section.notarial.word_edit.clear()
    type_text(section.notarial.word_edit, "第")
    qtbot.wait(150)  # the layouts settle
    assert section.notarial_example.text().startswith("公证事项编号的代字")
    assert (window.width(), window.height()) == (1024, 700), "the window's minimum size is larger"
    assert not page.scroll_area.verticalScrollBar().isVisible(), "the sections do not fit without scrolling"
    for label in (section.example, section.notarial_example, section.office_note):
        assert label.isVisible() and label.height() >= label.heightForWidth(label.width()) - 1
