"""The Cases page with real widgets: the register fills lazily as it scrolls, each filter narrows it
(Chinese typed into the search box, due soon ticked …), a header click sorts it in SQL, a case is
registered through the dialog (a missing court or a bad court case number marks its field), the status
bar counts deadlines due soon and shows them, and a case tab with unsaved edits is not closed, nor the
window, without asking."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.core.cases import matters, parties, progress
from desktop.core.cases.deadlines import office_today
from desktop.core.cases.matters import CaseSource, CaseType, MatterKind, Procedure, case_details
from desktop.core.cases.register import SortKey
from desktop.core.cases.workflow import CaseStatus
from desktop.core.storage.store import OpenStore
from desktop.core.trust.permissions import Actor
from desktop.core.trust.sign_in import SignedInUser
from desktop.ui.cases.new_case_dialog import NewCaseDialog
from desktop.ui.cases.page import CasesPage
from desktop.ui.cases.register_model import DEADLINE, FOREIGN, TITLE
from desktop.ui.cases.workspace import CaseWorkspace
from desktop.ui.framework.changes import Changes, announce
from desktop.ui.framework.i18n import install_translator, remove_translators
from tests.bulk_cases import insert_cases
from tests.qt_helpers import attached_window, settled, type_text
from tests.test_cases import COMPANY, HONG_KONG, Committee

OFFICE = "昆明市知识产权纠纷人民调解委员会"
OP_TIMEOUT = 30_000


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    locale = QLocale()
    install_translator(qapp, "zh_CN")
    yield
    remove_translators(qapp, locale)


@pytest.fixture
def committee(store: OpenStore) -> Committee:
    return Committee(store)


def open_case(committee: Committee, actor: Actor, title: str, case_type: str = "trademark",
              kind: MatterKind = MatterKind.MEDIATION, days_ago: int = 3, **details: object) -> str:
    """A case opened now (the page counts deadlines from the real today)."""
    today = office_today()
    with committee.database.session_scope() as session:
        chosen = case_details(kind, case_type, title, today - timedelta(days=days_ago), today=today,
                              **details)  # type: ignore[arg-type]
        return matters.open_matter(session, actor, kind, chosen).number


def make_page(qtbot: QtBot, store: OpenStore, actor: Actor) -> CasesPage:
    page = CasesPage(store, SignedInUser(actor, None))
    qtbot.addWidget(page)
    page.resize(1000, 640)
    page.show()
    qtbot.waitExposed(page)
    settled(qtbot, page, timeout=OP_TIMEOUT)
    return page


def numbers(page: CasesPage) -> list[str]:
    return [row.number for row in page.model.rows]


def choose(combo: QComboBox, data: object) -> None:
    """Pick an entry as the user does (the form hears ``activated``)."""
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


# --- the list ------------------------------------------------------------------------------------
def test_the_register_fills_lazily_as_it_scrolls(qtbot: QtBot, store: OpenStore, committee: Committee,
                                                 chinese: None) -> None:
    insert_cases(store.database, 450, first_serial=5001)
    page = make_page(qtbot, store, committee.lihua)
    assert page.model.total == 450
    assert page.model.rowCount() == 200, "the first page only"
    assert page.count_label.text() == "共 450 件"
    assert page.model.canFetchMore()
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() == 400, timeout=OP_TIMEOUT)
    settled(qtbot, page)
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() == 450, timeout=OP_TIMEOUT)
    settled(qtbot, page)
    assert not page.model.canFetchMore()
    assert len(set(numbers(page))) == 450, "pages never overlap"
    assert numbers(page)[0] == "（2026）云知调字第5450号"  # newest first


def test_each_filter_narrows_the_list(qtbot: QtBot, store: OpenStore, committee: Committee,
                                     chinese: None) -> None:
    pictures = open_case(committee, committee.clerk, "某图片著作权纠纷", "copyright", days_ago=40)
    # Court-invited 26 days ago: 30 days end within the week (a weekend moves the end by two days at most).
    tea = open_case(committee, committee.clerk, "某商标侵权纠纷", days_ago=26,
                    source=CaseSource.COURT_INVITED, court_name="五华区人民法院")
    notarial = open_case(committee, committee.clerk, "网页证据保全", kind=MatterKind.NOTARIAL, days_ago=1)
    with committee.database.session_scope() as session:
        parties.add_party(session, committee.clerk, pictures, "applicant", HONG_KONG)
        parties.add_party(session, committee.clerk, tea, "applicant", COMPANY)
        progress.assign_mediator(session, committee.lihua, tea, "lihua", conflict=False)
        progress.move_case(session, committee.lihua, tea, CaseStatus.ACCEPTED)
    page = make_page(qtbot, store, committee.lihua)
    assert numbers(page) == [notarial, tea, pictures]
    assert page.count_label.text() == "共 3 件"

    def shows(expected: list[str]) -> None:
        qtbot.waitUntil(lambda: not page.loading and numbers(page) == expected, timeout=OP_TIMEOUT)
        assert page.count_label.text() == f"共 {len(expected)} 件"

    type_text(page.search_edit, "普洱茶")  # a Chinese substring of a party's name
    shows([tea])
    page.search_edit.clear()
    type_text(page.search_edit, "图片")
    shows([pictures])
    page.search_edit.clear()
    type_text(page.search_edit, "(2026)云知调字第0002号")  # ASCII brackets find the full-width number
    shows([tea])
    page.search_edit.clear()
    shows([notarial, tea, pictures])

    page.due_soon_check.click()
    shows([tea])
    row = page.model.rows[0]
    words = page.model.data(page.model.index(0, DEADLINE))
    days = (row.next_deadline - office_today()).days  # type: ignore[operator]
    assert f"剩余{days}日" in words and "期限将至" in words, words
    page.due_soon_check.click()
    shows([notarial, tea, pictures])

    choose(page.foreign_combo, True)
    shows([pictures])
    assert page.model.data(page.model.index(0, FOREIGN)) == "涉港澳台"  # its party is from Hong Kong
    choose(page.foreign_combo, False)
    shows([notarial, tea])
    choose(page.foreign_combo, None)
    shows([notarial, tea, pictures])

    choose(page.type_combo, CaseType.COPYRIGHT.value)
    shows([pictures])
    choose(page.type_combo, None)
    choose(page.kind_combo, MatterKind.NOTARIAL.value)
    shows([notarial])
    choose(page.kind_combo, None)
    choose(page.status_combo, CaseStatus.ACCEPTED.value)
    shows([tea])
    choose(page.status_combo, None)
    qtbot.waitUntil(lambda: page.mediator_combo.findData("lihua") >= 0, timeout=OP_TIMEOUT)
    assert page.mediator_combo.itemText(page.mediator_combo.findData("lihua")) == "李华（lihua）"
    assert page.mediator_combo.findData("clerk") < 0, "only users with the mediator role"
    choose(page.mediator_combo, "lihua")
    shows([tea])
    choose(page.mediator_combo, None)
    page.from_date.set_value(office_today() - timedelta(days=30))
    shows([notarial, tea])
    page.to_date.set_value(office_today() - timedelta(days=20))
    shows([tea])


def test_a_header_click_sorts_in_sql(qtbot: QtBot, store: OpenStore, committee: Committee) -> None:
    titles = ["乙公司商标纠纷", "甲公司著作权纠纷", "丙公司专利纠纷"]
    for title in titles:
        open_case(committee, committee.clerk, title)
    page = make_page(qtbot, store, committee.lihua)
    header = page.table.horizontalHeader()
    where = QPoint(header.sectionViewportPosition(TITLE) + header.sectionSize(TITLE) // 2,
                   header.height() // 2)
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: page.model.sort_key is SortKey.TITLE, timeout=OP_TIMEOUT)
    settled(qtbot, page)
    assert not page.model.descending
    shown = [row.title for row in page.model.rows]
    assert shown == sorted(titles)  # as the database orders them
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: page.model.descending, timeout=OP_TIMEOUT)
    settled(qtbot, page)
    assert [row.title for row in page.model.rows] == list(reversed(shown))


# --- registering -----------------------------------------------------------------------------------
def test_registering_a_case_through_the_dialog(qtbot: QtBot, store: OpenStore, committee: Committee,
                                               chinese: None) -> None:
    page = make_page(qtbot, store, committee.lihua)
    QTest.mouseClick(page.new_case_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, NewCaseDialog)
    qtbot.waitExposed(dialog)
    form = dialog.form
    type_text(form.title_edit, "昆明某某茶业有限公司与某某商行商标侵权纠纷")
    type_text(form.amount_edit, "50000.5")
    assert form.capitals.text() == "人民币伍万元零伍角"  # 零 after 元 when its digit is 0
    dialog.resize(dialog.width(), dialog.height() + 200)  # a tall dialog: the amount stays one line high
    qtbot.waitUntil(lambda: form.amount_edit.parentWidget().height() <= form.amount_edit.height() + 4,
                    timeout=OP_TIMEOUT)
    choose(form.source_combo, CaseSource.COURT_ENTRUSTED.value)
    assert form.court_edit.isVisibleTo(form) and form.procedure_combo.isVisibleTo(form)
    assert form.limit_spin.value() == 15  # ordinary procedure (2021 Online Mediation Rules art. 24)
    choose(form.procedure_combo, Procedure.SIMPLE.value)
    assert form.limit_spin.value() == 7
    form.requests.add("停止侵权")
    form.requests.add("赔偿经济损失")

    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "“法院”为必填项。"
    assert form.court_edit.property("invalid") is True
    assert dialog.isVisible()
    type_text(form.court_edit, "昆明市中级人民法院")
    assert form.court_edit.property("invalid") is False
    type_text(form.court_number_edit, "（2026）云01知民初56号\u202e")
    assert form.court_number_edit.property("invalid") is True, "checked as typed"
    assert "法院案号" in dialog.message.text()
    form.court_number_edit.clear()
    type_text(form.court_number_edit, "（2026）云01知民初56号")
    assert dialog.message.text() == ""

    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.tabs.count() == 2, timeout=OP_TIMEOUT)  # the case opens in its tab
    number = f"（{office_today().year}）云知调字第0001号"  # numbered in the office's year
    assert isinstance(page.tabs.currentWidget(), CaseWorkspace)
    assert page.tabs.currentWidget().number == number  # type: ignore[attr-defined]
    # Once the case is read, its tab says more than the number.
    qtbot.waitUntil(lambda: page.tabs.tabText(1).startswith(f"{number} "), timeout=OP_TIMEOUT)
    qtbot.waitUntil(lambda: numbers(page) == [number], timeout=OP_TIMEOUT)
    with committee.database.session_scope() as session:
        details = matters.details_of(session, matters.find_case(session, number))
    assert (details.court_name, details.procedure, details.time_limit_days, details.requests,
            str(details.amount_claimed)) == ("昆明市中级人民法院", Procedure.SIMPLE, 7,
                                             ("停止侵权", "赔偿经济损失"), "50000.50")


# --- the status bar ---------------------------------------------------------------------------------
def test_the_status_bar_counts_deadlines_due_soon_and_shows_them(
        qtbot: QtBot, sqlite_store: OpenStore, chinese: None) -> None:
    committee = Committee(sqlite_store)
    due = open_case(committee, committee.clerk, "某商标侵权纠纷", days_ago=26,
                    source=CaseSource.COURT_INVITED, court_name="五华区人民法院")
    open_case(committee, committee.clerk, "某著作权纠纷", "copyright")
    window = attached_window(qtbot, sqlite_store, OFFICE, SignedInUser(committee.lihua, None))
    page = window.cases_page
    assert page is not None
    window.show_page("evidence")
    qtbot.waitUntil(lambda: page.due_soon_button.text() == "1 件期限将至", timeout=OP_TIMEOUT)
    later = open_case(committee, committee.clerk, "某专利纠纷", "patent", days_ago=28,
                      source=CaseSource.COURT_INVITED, court_name="盘龙区人民法院")
    announce(Changes(cases=True))  # as an op that changed a case does
    qtbot.waitUntil(lambda: page.due_soon_button.text() == "2 件期限将至", timeout=OP_TIMEOUT)
    page.due_soon_button.setFocus()
    QTest.keyClick(page.due_soon_button, Qt.Key.Key_Space)  # activated from the keyboard
    qtbot.waitUntil(lambda: window.current_page_key() == "cases", timeout=OP_TIMEOUT)
    assert page.due_soon_check.isChecked()
    qtbot.waitUntil(lambda: not page.loading and set(numbers(page)) == {due, later}, timeout=OP_TIMEOUT)
    window.ready_to_close = True


def test_the_case_menu_registers_a_case_on_the_cases_page(qtbot: QtBot, sqlite_store: OpenStore,
                                                          chinese: None) -> None:
    """Case ▸ New Case… opens the Cases page's registration dialog (登记案件), not the Evidence page's quick
    dialog, which stays on that page."""
    committee = Committee(sqlite_store)
    window = attached_window(qtbot, sqlite_store, OFFICE, SignedInUser(committee.lihua, None))
    page, evidence = window.cases_page, window.evidence_page
    assert page is not None and evidence is not None
    window.show_page("evidence")
    case_menu = next(action.menu() for action in window.menuBar().actions() if action.text() == "案件(&C)")
    entries = [action for action in case_menu.actions() if action.text() == "登记案件(&N)…"]
    assert len(entries) == 1 and evidence.new_case_action not in case_menu.actions()
    entries[0].trigger()
    assert window.current_page_key() == "cases"
    dialog = page.dialog
    assert isinstance(dialog, NewCaseDialog)
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "登记案件"
    dialog.done(0)
    window.ready_to_close = True


# --- case tabs and unsaved edits ------------------------------------------------------------------------
def _answer(qtbot: QtBot, box: QMessageBox | None, button: str) -> None:
    assert box is not None
    qtbot.waitExposed(box)
    found = box.findChild(QMessageBox, button) or next(
        b for b in box.buttons() if b.objectName() == button)
    QTest.mouseClick(found, Qt.MouseButton.LeftButton)


def test_a_case_tab_with_unsaved_edits_asks_before_it_closes(qtbot: QtBot, sqlite_store: OpenStore,
                                                            chinese: None) -> None:
    committee = Committee(sqlite_store)
    number = open_case(committee, committee.clerk, "某商标侵权纠纷")
    window = attached_window(qtbot, sqlite_store, OFFICE, SignedInUser(committee.lihua, None))
    page = window.cases_page
    assert page is not None
    window.show_page("cases")
    qtbot.waitUntil(lambda: numbers(page) == [number], timeout=OP_TIMEOUT)
    page.table.setFocus()
    page.table.selectRow(0)
    QTest.keyClick(page.table, Qt.Key.Key_Return)  # Enter opens the case
    assert page.tabs.count() == 2
    workspace = page.tabs.widget(1)
    assert isinstance(workspace, CaseWorkspace) and workspace.number == number
    page.open_case(number)
    assert page.tabs.count() == 2, "a case open already is shown, not opened twice"
    page.close_tab(0)
    assert page.tabs.count() == 2, "the register stays"

    workspace.has_unsaved_edits = lambda: True  # type: ignore[method-assign]
    box = page.close_tab(1)
    assert box is not None and "未保存" in box.text()
    _answer(qtbot, box, "keepButton")
    assert page.tabs.count() == 2 and page.tabs.currentWidget() is workspace

    assert page.unsaved_work() == [workspace.title()]
    window.close()
    unsaved = page.unsaved_box
    assert unsaved is not None and window.isVisible()
    _answer(qtbot, unsaved, "goBack")
    assert window.isVisible() and window.signed_in is not None and page.tabs.count() == 2

    box = page.close_tab(1)
    _answer(qtbot, box, "discardButton")
    assert page.tabs.count() == 1
    window.ready_to_close = True


def test_signing_out_with_unsaved_edits_asks_first(qtbot: QtBot, sqlite_store: OpenStore) -> None:
    committee = Committee(sqlite_store)
    number = open_case(committee, committee.clerk, "某商标侵权纠纷")
    window = attached_window(qtbot, sqlite_store, OFFICE, SignedInUser(committee.lihua, None))
    page = window.cases_page
    assert page is not None
    workspace = page.open_case(number)
    workspace.has_unsaved_edits = lambda: True  # type: ignore[method-assign]
    box = window.sign_out()
    assert box is page.unsaved_box and box is not None
    _answer(qtbot, box, "goBack")
    assert window.signed_in is not None
    box = window.sign_out()
    _answer(qtbot, box, "discardButton")
    qtbot.waitUntil(lambda: window.signed_in is None, timeout=OP_TIMEOUT)
    qtbot.waitUntil(lambda: window.next_sign_in is not None, timeout=OP_TIMEOUT)
    window.next_sign_in.done(0)  # type: ignore[union-attr]
    window.ready_to_close = True


def test_the_keyboard_reaches_the_search_box(qtbot: QtBot, sqlite_store: OpenStore) -> None:
    committee = Committee(sqlite_store)
    open_case(committee, committee.clerk, "某商标侵权纠纷")
    page = make_page(qtbot, sqlite_store, committee.lihua)
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_edit.hasFocus()
    chain, widget = [], page.search_edit.nextInFocusChain()
    while widget is not page.search_edit and len(chain) < 60:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    for control in (page.new_case_button, page.kind_combo, page.type_combo, page.status_combo,
                    page.mediator_combo, page.from_date, page.to_date, page.due_soon_check,
                    page.foreign_combo, page.table):
        assert control in chain and control.focusPolicy() & Qt.FocusPolicy.TabFocus, control.objectName()


def test_refusing_the_lock_with_unsaved_edits_asks_before_signing_out(qtbot: QtBot,
                                                                      sqlite_store: OpenStore) -> None:
    """Cancelling the lock's password signs out; with unsaved edits it asks first, and going back to them
    shows the lock again (the edits wait behind it), not a hidden window with no way in."""
    committee = Committee(sqlite_store)
    number = open_case(committee, committee.clerk, "某商标侵权纠纷")
    window = attached_window(qtbot, sqlite_store, OFFICE, SignedInUser(committee.lihua, None))
    page = window.cases_page
    assert page is not None
    workspace = page.open_case(number)
    workspace.has_unsaved_edits = lambda: True  # type: ignore[method-assign]
    lock = window.lock()
    assert lock is not None and window.lock_dialog is lock
    lock.reject()
    box = page.unsaved_box
    assert box is not None and window.signed_in is not None
    _answer(qtbot, box, "goBack")
    assert window.lock_dialog is not None, "locked again"
    assert window.signed_in is not None and not window.splitter.isVisible()
    window.lock_dialog.reject()
    _answer(qtbot, page.unsaved_box, "discardButton")
    qtbot.waitUntil(lambda: window.signed_in is None, timeout=OP_TIMEOUT)
    qtbot.waitUntil(lambda: window.next_sign_in is not None, timeout=OP_TIMEOUT)
    window.next_sign_in.done(0)  # type: ignore[union-attr]
    window.ready_to_close = True
