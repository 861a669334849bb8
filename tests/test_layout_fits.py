"""Every screen fits at 1024×700, in Chinese and in English, with realistic data (a long case title, long
Chinese file names, a preservation record, a failed verification): no button or label is cut, the file
name column shows a 20-character Chinese name whole, the detail tabs need no scroll arrows, the Copy
buttons are in view, dialogs grow for an error line instead of squashing their fields, and the setup
wizard's explanations show in full (also at a larger font)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizeGrip,
    QStatusBar,
    QTabBar,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.core.cases import matters as cases
from desktop.core.errors import InvalidInput
from desktop.core.evidence import intake, preservation
from desktop.core.evidence import items as evidence_items
from desktop.core.evidence.acquisition import Acquisition
from desktop.core.evidence.items import ItemInfo
from desktop.core.office import office
from desktop.core.storage.store import OpenStore
from desktop.core.trust import signing_keys, users
from desktop.core.trust.permissions import Role
from desktop.core.trust.sign_in import SignedInUser
from desktop.ui.cases.new_case_dialog import NewCaseDialog
from desktop.ui.cases.register_model import DEADLINE as DEADLINE_COLUMN
from desktop.ui.cases.register_model import NUMBER as NUMBER_COLUMN
from desktop.ui.cases.register_model import RECEIVED as RECEIVED_COLUMN
from desktop.ui.evidence.page import NAME, EvidencePage
from desktop.ui.framework.i18n import install_translator, remove_translators
from desktop.ui.main_window import MainWindow
from desktop.ui.setup.wizard import SetupWizard
from desktop.ui.sign_in.dialog import SignInDialog
from desktop.ui.verification.report import confirm_saved
from tests.bulk_cases import insert_cases
from tests.qt_helpers import attached_window, settled

SCREEN = QSize(1024, 700)
NOTARY_PASSWORD = "notary-password-1"
OFFICE = "昆明市知识产权纠纷人民调解委员会"
CASE_TITLE = "昆明某某科技有限公司诉某某电子商务有限公司侵害商标权及不正当竞争纠纷"
LONG_NAME = "侵权商品页面截图第一页全屏录制版本二三.png"  # 20 Chinese characters
NAMES = (LONG_NAME, "购买记录.txt", "现场录像公证处第二取证室二零二六年三月十二日.mp4")
OP_TIMEOUT = 30_000
LANGUAGES = ["zh_CN", "en"]


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    locale = QLocale()
    install_translator(qapp, request.param)
    yield request.param
    remove_translators(qapp, locale)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data folder deep in a notary's documents, with a long Chinese path (shown in the status bar)."""
    return tmp_path / "文档" / "昆明市知识产权纠纷人民调解委员会" / "二零二六年电子证据保全工作数据文件夹" \
        / "Mediseal"


@pytest.fixture
def notary(sqlite_store: OpenStore) -> SignedInUser:
    with sqlite_store.database.session_scope() as session:
        office.create_office(session, OFFICE, "云知调")
        admin = users.create_first_admin(session, "admin", "admin-password-1", "赵文")
        users.add_user(session, admin, "lihua", frozenset({Role.NOTARY, Role.MEDIATOR}), NOTARY_PASSWORD,
                       "李华")
    actor = users.sign_in(sqlite_store.database, "lihua", NOTARY_PASSWORD)
    with sqlite_store.database.session_scope() as session:
        signing_keys.new_key(session, actor, NOTARY_PASSWORD)
    with sqlite_store.database.session_scope() as session:
        return SignedInUser(actor, signing_keys.unlock(session, actor, NOTARY_PASSWORD))


@pytest.fixture
def sealed_case(sqlite_store: OpenStore, notary: SignedInUser, tmp_path: Path) -> tuple[str, list[ItemInfo]]:
    """A case with a long title and three items with long Chinese names, sealed."""
    with sqlite_store.database.session_scope() as session:
        number = cases.open_case(session, notary.actor, "trademark", CASE_TITLE).number
    folder = tmp_path / "in"
    folder.mkdir()
    for name in NAMES:
        (folder / name).write_bytes(name.encode() * 200)
    report = intake.ingest_files(sqlite_store.database, sqlite_store.vault, notary.actor, number,
                                 [folder / name for name in NAMES], Acquisition("web-capture",
                                 url="https://shop.example.com/item/1", acquired_by="李华"),
                                 seal_with=notary.key)
    return number, list(report.items)


@pytest.fixture
def case_with_evidence(sqlite_store: OpenStore, notary: SignedInUser,
                       sealed_case: tuple[str, list[ItemInfo]]) -> str:
    """The sealed case with a preservation record, and one item's bytes changed in the vault (so a
    verification fails)."""
    number, items = sealed_case
    with sqlite_store.database.session_scope() as session:
        preservation.create_record(session, notary.actor, notary.key, number, preservation.PreservationInput(
            tuple(info.id for info in items), "昆明市五华区公证处第二取证室", "昆明某某科技有限公司",
            "李华", "1. 清除浏览器缓存；2. 打开网页；3. 录屏。", "笔记本电脑 ThinkPad", ("王芳", "张三")))
    blob = sqlite_store.vault.path(items[1].sha256)
    os.chmod(blob, 0o600)
    blob.write_bytes(b"changed")
    return number


# --- what "cut" means ----------------------------------------------------------------------------
def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QLabel | QAbstractButton) else ""
    return f"{type(widget).__name__} {widget.objectName()!r} {text[:40]!r}"


def _scrolled(widget: QWidget, top: QWidget) -> bool:
    """Whether ``widget`` sits in a scroll area's viewport (there it may scroll out of view)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and grand.viewport() is parent:
            return True
        parent = grand
    return False


def _outside(widget: QWidget, top: QWidget) -> bool:
    """Whether part of ``widget`` lies outside an ancestor (up to ``top``) and so is cut off."""
    parent = widget.parentWidget()
    rect = QRect(QPoint(0, 0), widget.size())
    while parent is not None:
        mapped = QRect(widget.mapTo(parent, QPoint(0, 0)), widget.size())
        if not parent.rect().contains(mapped):
            return True
        if parent is top:
            return False
        parent = parent.parentWidget()
    return not rect.isValid()


def cut_widgets(top: QWidget) -> list[str]:
    """Buttons and labels under ``top`` shown smaller than they need (width below their size hint
    unless the label wraps, height below what their text needs), or cut off by an ancestor; a scroll
    area's content may scroll, so only its own size is judged there."""
    cut = []
    for widget in top.findChildren(QWidget):
        if not _shown(widget) or not isinstance(widget, QLabel | QAbstractButton):
            continue
        if isinstance(widget, QToolButton) and isinstance(widget.parentWidget(), QTabBar):
            continue  # a tab bar's own scroll arrows: judged by ``tab_bar_fits``
        if isinstance(widget, QLabel) and not widget.text():
            continue
        hint = widget.sizeHint()
        if isinstance(widget, QLabel) and widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + 1:
                cut.append(f"{_name(widget)}: {widget.height()} high, its text needs {needed}")
        elif widget.width() + 1 < hint.width() or \
                widget.height() + 1 < min(hint.height(), widget.minimumSizeHint().height()):
            cut.append(f"{_name(widget)}: {widget.width()}×{widget.height()}, "
                       f"needs {hint.width()}×{hint.height()}")
        if not _scrolled(widget, top) and _outside(widget, top):
            cut.append(f"{_name(widget)}: partly outside its window")
    return cut


def squashed_fields(top: QWidget) -> list[str]:
    """Input fields and buttons shown lower than they ask to be (a dialog that did not grow for its text
    squashes them); a text box at least one line high."""
    found = []
    for widget in top.findChildren(QWidget):
        if _shown(widget) and isinstance(widget, QLineEdit | QComboBox | QAbstractButton | QPlainTextEdit):
            need = widget.sizeHint().height() if not isinstance(widget, QPlainTextEdit) \
                else max(widget.minimumHeight(), widget.fontMetrics().lineSpacing() + 8)
            if widget.height() + 1 < need:
                found.append(f"{_name(widget)}: {widget.height()} high, needs {need}")
    return found


def tab_bar_fits(bar: QTabBar) -> bool:
    """Every tab shows its whole title: no scroll arrows, no elided title."""
    arrows = [button for button in bar.findChildren(QToolButton) if button.isVisible()]
    return not arrows and all(bar.tabRect(index).width() >= bar.tabSizeHint(index).width()
                              for index in range(bar.count())) and bar.sizeHint().width() <= bar.width()


def _pump(qtbot: QtBot) -> None:
    """Let layouts and deferred resizes settle."""
    qtbot.wait(150)


# --- the main window -----------------------------------------------------------------------------
def _window(qtbot: QtBot, store: OpenStore, signed_in: SignedInUser, items: int = len(NAMES)) -> MainWindow:
    window = attached_window(qtbot, store, OFFICE, signed_in)
    window.resize(SCREEN)
    window.show_page("evidence")
    page = window.evidence_page
    assert page is not None
    qtbot.waitUntil(lambda: page.model.rowCount() == items, timeout=OP_TIMEOUT)
    settled(qtbot, page)
    _pump(qtbot)
    return window


def test_the_window_fits_1024_by_700(qtbot: QtBot, sqlite_store: OpenStore, notary: SignedInUser,
                                    case_with_evidence: str, language: str) -> None:
    window = _window(qtbot, sqlite_store, notary)
    hint = window.minimumSizeHint()
    assert hint.width() <= SCREEN.width() and hint.height() <= SCREEN.height(), hint
    assert window.size() == SCREEN  # no page asks for more
    for key in window.page_keys:
        window.show_page(key)
        _pump(qtbot)
        assert window.size() == SCREEN, key
        assert cut_widgets(window) == [], key


def test_evidence_page_at_1024_by_700(qtbot: QtBot, sqlite_store: OpenStore, notary: SignedInUser,
                                      case_with_evidence: str, language: str) -> None:
    window = _window(qtbot, sqlite_store, notary)
    page: EvidencePage = window.evidence_page  # type: ignore[assignment]
    row = page.model.row_of(next(info.id for info in page.model.rows if info.name == LONG_NAME))
    page.table.selectRow(row)
    settled(qtbot, page)
    name_index = page.model.index(row, NAME)
    assert page.table.columnWidth(NAME) >= page.table.sizeHintForIndex(name_index).width(), \
        "the file name column shows a 20-character Chinese name whole"
    assert page.table.horizontalScrollBar().maximum() == 0, "every column is in view"
    assert page.model.data(name_index, 3) is not None  # ToolTipRole: the full name on hover
    assert tab_bar_fits(page.tabs.tabBar()), [page.tabs.tabText(i) for i in range(page.tabs.count())]
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        settled(qtbot, page)
        _pump(qtbot)
        assert cut_widgets(window) == [], page.tabs.tabText(index)
    page.tabs.setCurrentWidget(page.facts)
    _pump(qtbot)
    facts = page.facts
    assert facts.horizontalScrollBar().maximum() == 0, "the item's facts need no sideways scrolling"
    for field in (facts.sha256, facts.sm3):
        button = field.copy_button
        where = QRect(button.mapTo(facts.viewport(), QPoint(0, 0)), button.size())
        assert facts.viewport().rect().contains(where), f"{button.objectName()} is cut off"

    page.verify()
    qtbot.waitUntil(lambda: page.report is not None, timeout=OP_TIMEOUT)
    settled(qtbot, page)
    _pump(qtbot)
    assert page.report is not None and not page.report.clean
    assert window.size() == SCREEN
    assert cut_widgets(window) == []
    assert page.table.columnWidth(NAME) >= page.table.sizeHintForIndex(name_index).width()
    assert tab_bar_fits(page.tabs.tabBar())


# --- dialogs -------------------------------------------------------------------------------------
def _fits_screen(dialog: QWidget) -> None:
    assert dialog.width() <= SCREEN.width() and dialog.height() <= SCREEN.height() - 40, dialog.size()


def _check_error_shown(qtbot: QtBot, dialog: QDialog, message: QLabel, show: Callable[[], object]) -> None:
    """Show ``dialog`` as it opens, then an error in ``message``: nothing cut or squashed, before or
    after; the dialog grows for the error rather than squashing its fields."""
    qtbot.waitExposed(dialog)
    _pump(qtbot)
    _fits_screen(dialog)
    assert cut_widgets(dialog) == [] and squashed_fields(dialog) == []
    show()
    qtbot.waitUntil(lambda: bool(message.text()), timeout=OP_TIMEOUT)
    _pump(qtbot)
    _fits_screen(dialog)
    assert cut_widgets(dialog) == [], message.text()
    assert squashed_fields(dialog) == [], message.text()


DIALOGS = ["case", "acquisition", "preservation", "sign-in", "register-case"]


@pytest.mark.parametrize("kind", DIALOGS)
def test_dialogs_grow_for_their_error_line(qtbot: QtBot, sqlite_store: OpenStore, notary: SignedInUser,
                                           case_with_evidence: str, language: str, tmp_path: Path,
                                           kind: str) -> None:
    window = _window(qtbot, sqlite_store, notary)
    page: EvidencePage = window.evidence_page  # type: ignore[assignment]
    if kind == "case":
        case_dialog = page.new_case()
        assert case_dialog is not None
        case_dialog.title_edit.setText("x" * 10 + "\u202e")
        _check_error_shown(qtbot, case_dialog, case_dialog.message, case_dialog.attempt)
        case_dialog.done(0)
    elif kind == "register-case":
        assert window.cases_page is not None
        register = window.cases_page.new_case()
        assert isinstance(register, NewCaseDialog)
        register.form.title_edit.setText(CASE_TITLE + "\u202e")
        _check_error_shown(qtbot, register, register.message, register.attempt)
        register.done(0)
    elif kind == "acquisition":
        acquisition = page.take_in([tmp_path / "in" / NAMES[0]])
        assert acquisition is not None
        acquisition.set_source_kind("web-capture")
        acquisition.url_edit.setText("https://shop.example.com/item/1")
        acquisition.acquired_by_edit.setText("李华\u202e（公证员）")
        _check_error_shown(qtbot, acquisition, acquisition.message, acquisition.attempt)
        acquisition.done(0)
    elif kind == "preservation":
        page.table.selectAll()
        record = page.preservation_record()
        assert record is not None
        record.place_edit.setText("昆明市五华区公证处第二取证室\u202e")
        _check_error_shown(qtbot, record, record.message, record.attempt)
        record.place_edit.clear()
        record.done(0)
    else:
        sign_in = SignInDialog(sqlite_store, window)
        sign_in.open()
        sign_in.name_edit.setText("lihua")
        sign_in.password_edit.setText("wrong password")
        _check_error_shown(qtbot, sign_in, sign_in.message, sign_in.attempt)
        qtbot.waitUntil(lambda: sign_in.check_op is None, timeout=OP_TIMEOUT)
        sign_in.done(0)


def test_user_dialog_grows_for_its_error_line(qtbot: QtBot, language: str) -> None:
    from desktop.ui.settings.users import UserDialog

    def refuse() -> None:
        raise InvalidInput("The field {field} holds a control or text-direction character (U+{code}) at "
                           "position {position}; remove it and try again.", field="name", code="202E",
                           position=7)

    dialog = UserDialog(lambda *_given: refuse)
    qtbot.addWidget(dialog)
    dialog.open()
    _check_error_shown(qtbot, dialog, dialog.message, dialog.attempt)


# --- the setup wizard ----------------------------------------------------------------------------
@pytest.mark.parametrize("point_size", [9, 16])
def test_setup_wizard_shows_its_explanations_in_full(qtbot: QtBot, sqlite_store: OpenStore, language: str,
                                                     point_size: int, qapp: QApplication) -> None:
    font = qapp.font()
    qapp.setFont(QFont(font.family(), point_size))  # a notary with a larger system font
    try:
        wizard = SetupWizard(sqlite_store, needs_office=True)
        qtbot.addWidget(wizard)
        wizard.show()
        qtbot.waitExposed(wizard)
        for page in (wizard.office_page, wizard.admin_page):
            _pump(qtbot)
            assert wizard.currentPage() is page
            _fits_screen(wizard)
            assert cut_widgets(wizard) == [], page.title()
            if page is wizard.office_page:
                page.name_edit.setText(OFFICE)
                page.prefix_edit.setText("")  # an error line
                _pump(qtbot)
                assert page.problem.text() and cut_widgets(wizard) == [] and squashed_fields(wizard) == []
                page.prefix_edit.setText("云知调")
                wizard.next()
        wizard.admin_page.password_edit.setText("short")
        _pump(qtbot)
        assert wizard.admin_page.problem.text()
        assert cut_widgets(wizard) == [] and squashed_fields(wizard) == []
    finally:
        qapp.setFont(font)


# --- the status bar ------------------------------------------------------------------------------
def message_room(bar: QStatusBar) -> int:
    """The width a status bar paints its message in, as QStatusBar does: from its left edge to the first
    widget still shown beside the message (while a message shows, only permanent widgets are)."""
    children = bar.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
    shown = [child.x() for child in children if child.isVisible() and not isinstance(child, QSizeGrip)]
    return min(shown, default=bar.width() - 6) - 2 - 6


def test_status_bar_messages_have_room(qtbot: QtBot, sqlite_store: OpenStore, notary: SignedInUser,
                                       language: str) -> None:
    """A confirmation in the status bar (a report saved, proofs exported) is readable: the data folder
    makes way for it instead of leaving it no room."""
    window = attached_window(qtbot, sqlite_store, OFFICE, notary)
    window.resize(SCREEN)
    assert window.evidence_page is not None
    settled(qtbot, window.evidence_page)
    qtbot.waitUntil(lambda: not window.loading, timeout=OP_TIMEOUT)
    report = Path.home() / "核验报告-（2026）云知调字第0001号-20261126-0930.json"
    text = confirm_saved(window.evidence_page, report)
    _pump(qtbot)
    bar = window.statusBar()
    assert bar.currentMessage() == text
    assert message_room(bar) >= bar.fontMetrics().horizontalAdvance(text), message_room(bar)
    bar.clearMessage()
    _pump(qtbot)
    assert window.folder_label.isVisible(), "the data folder shows again once the message is gone"



def test_status_bar_message_given_before_the_window_shows(qtbot: QtBot, sqlite_store: OpenStore,
                                                          language: str) -> None:
    """"Opening the data folder…" is given while the window is made, before it shows: once it shows, the
    message has the bar's left part to itself (it was drawn over the data folder's path)."""
    window = MainWindow(sqlite_store.folder, sqlite_store.database_label)
    qtbot.addWidget(window)
    window.resize(SCREEN)
    window.show()
    qtbot.waitExposed(window)
    _pump(qtbot)
    bar = window.statusBar()
    assert bar.currentMessage()
    assert not window.folder_label.isVisible(), "the path and the message are not drawn over each other"
    assert message_room(bar) >= bar.fontMetrics().horizontalAdvance(bar.currentMessage())
    window.ready_to_close = True


def test_status_bar_ready_after_sign_in(qtbot: QtBot, sqlite_store: OpenStore, notary: SignedInUser,
                                        language: str) -> None:
    """"Ready" after the sign-in has the bar's left part to itself: the due-soon count put in the bar then
    showed the data folder's path again under the message (a queued show of the bar's rebuilt layout)."""
    window = MainWindow(sqlite_store.folder, sqlite_store.database_label)
    qtbot.addWidget(window)
    window.resize(SCREEN)
    window.show()
    qtbot.waitExposed(window)
    _pump(qtbot)
    window.attach(sqlite_store, OFFICE, notary)
    _pump(qtbot)
    bar = window.statusBar()
    assert bar.currentMessage() == window.tr("Ready")
    assert not window.folder_label.isVisible(), "the path and the message are not drawn over each other"
    window.ready_to_close = True

# --- the preservation records ----------------------------------------------------------------------
def test_preservation_records_need_no_sideways_scrolling(qtbot: QtBot, sqlite_store: OpenStore,
                                                         notary: SignedInUser, case_with_evidence: str,
                                                         language: str, tmp_path: Path) -> None:
    """A correction covering nine items: the records' list beside the record's text shows every column
    (the items' numbers shortened, in full in the tooltip), no sideways scrolling."""
    folder = tmp_path / "more"
    folder.mkdir()
    for number in range(6):
        (folder / f"网页截图第{number + 1}页.png").write_bytes(b"page %d" % number)
    intake.ingest_files(sqlite_store.database, sqlite_store.vault, notary.actor, case_with_evidence,
                        [folder], Acquisition("web-capture", url="https://shop.example.com/item/2"),
                        seal_with=notary.key)
    with sqlite_store.database.session_scope() as session:
        first = preservation.list_records(session, case_with_evidence)[0]
        every = tuple(info.id for info in evidence_items.list_items(session, case_with_evidence))
        preservation.create_record(session, notary.actor, notary.key, case_with_evidence,
                                   preservation.PreservationInput(
            every, "昆明市五华区公证处第二取证室", "昆明某某科技有限公司", "李华", "1. 打开网页；2. 截图。",
            witnesses=("王芳", "张三"), supersedes=first.id, reason="补充取证的六页截图"))
    window = _window(qtbot, sqlite_store, notary, items=len(NAMES) + 6)
    page: EvidencePage = window.evidence_page  # type: ignore[assignment]
    page.tabs.setCurrentWidget(page.record_list)
    _pump(qtbot)
    table = page.record_list.table
    assert table.rowCount() == 2
    assert table.horizontalScrollBar().maximum() == 0, "the records' list needs no sideways scrolling"
    header = table.horizontalHeader()
    for column in range(table.columnCount()):
        title = table.horizontalHeaderItem(column).text()
        assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(title), title
    assert cut_widgets(window) == []
    assert table.item(1, 3).toolTip() == table.item(1, 3).text()  # every number, in the tooltip


# --- the Ledger page -------------------------------------------------------------------------------
def test_ledger_page_at_1024_by_700(qtbot: QtBot, sqlite_store: OpenStore, notary: SignedInUser,
                                    case_with_evidence: str, language: str) -> None:
    """The entries' users (李华（lihua）) and events (保全证据记录签章, Preservation record sealed) show
    whole; until a verification runs, the entries have the page (no empty findings table under them)."""
    window = _window(qtbot, sqlite_store, notary)
    window.show_page("ledger")
    page = window.ledger_page
    assert page is not None
    settled(qtbot, page)
    _pump(qtbot)
    table, model = page.table, page.model
    kinds = {str(entry.kind) for entry in model.rows}
    assert {"preservation.sealed", "evidence.sealed", "key.created"} <= kinds
    for row in range(model.rowCount()):
        for column in (2, 3):  # user, event
            index = model.index(row, column)
            assert table.sizeHintForIndex(index).width() <= table.columnWidth(column), model.data(index)
    assert not page.findings.isVisible(), "no findings table before a verification"
    assert table.height() > SCREEN.height() // 2
    assert cut_widgets(window) == []
    page.verify()
    qtbot.waitUntil(lambda: page.report is not None, timeout=OP_TIMEOUT)
    _pump(qtbot)
    assert page.findings.isVisible() and page.summary.isVisible()
    assert cut_widgets(window) == []


# --- the Cases page ---------------------------------------------------------------------------------
def test_cases_page_at_1024_by_700(qtbot: QtBot, sqlite_store: OpenStore, notary: SignedInUser,
                                   case_with_evidence: str, language: str) -> None:
    """Fifty cases: the filters, the count and the New Case button are whole; the number, the received
    date and the next deadline with its words (2026-12-01（剩余6日，期限将至）) show whole."""
    window = _window(qtbot, sqlite_store, notary)
    insert_cases(sqlite_store.database, 50, first_serial=101, mediators=(("lihua", "李华"),))
    window.show_page("cases")
    page = window.cases_page
    assert page is not None
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 51, timeout=OP_TIMEOUT)
    settled(qtbot, page)
    _pump(qtbot)
    assert window.size() == SCREEN
    assert cut_widgets(window) == []
    assert squashed_fields(window) == []
    table, model = page.table, page.model
    for row in range(model.rowCount()):
        for column in (NUMBER_COLUMN, RECEIVED_COLUMN, DEADLINE_COLUMN):
            index = model.index(row, column)
            assert table.sizeHintForIndex(index).width() <= table.columnWidth(column) + 1, model.data(index)
    workspace = page.open_case(case_with_evidence)
    settled(qtbot, workspace)  # its tabs read on workers: the layout checked is the one the user works in
    _pump(qtbot)
    assert tab_bar_fits(page.tabs.tabBar())
    assert cut_widgets(window) == []


# --- a notary's words --------------------------------------------------------------------------------
def test_people_and_lists_in_a_notarys_words(qtbot: QtBot, sqlite_store: OpenStore, notary: SignedInUser,
                                             case_with_evidence: str, tmp_path: Path) -> None:
    """In Chinese the evidence dialogs name the notary as 李华 (not the login name) where they fill in
    who took the evidence (取证人) or who operated (操作人), and the record the correction replaces by
    李华（lihua）; witnesses and item numbers are listed with 、, not an English comma."""
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    locale = QLocale()
    install_translator(qapp, "zh_CN")
    try:
        window = _window(qtbot, sqlite_store, notary)
        page: EvidencePage = window.evidence_page  # type: ignore[assignment]
        acquisition = page.take_in([tmp_path / "in" / NAMES[0]])
        assert acquisition is not None
        assert acquisition.acquired_by_edit.text() == "李华"
        acquisition.done(0)
        page.table.selectAll()
        record = page.preservation_record()
        assert record is not None
        assert record.operator_edit.text() == "李华"
        assert "李华（lihua）" in record.corrects_combo.itemText(1)
        record.done(0)
        page.tabs.setCurrentWidget(page.record_list)
        _pump(qtbot)
        assert "见证人：王芳、张三" in page.record_list.text.toPlainText()
        assert page.record_list.table.item(0, 3).text() == "、".join(str(info.id) for info in page.model.rows)
    finally:
        remove_translators(qapp, locale)


def test_preservation_dialog_shows_file_names_whole(qtbot: QtBot, sqlite_store: OpenStore,
                                                    notary: SignedInUser, case_with_evidence: str,
                                                    language: str) -> None:
    """The record's items list shows a 20-character Chinese file name whole beside its number and digest
    (the right-hand column, which holds the items, has the room; the fields on the left need less)."""
    window = _window(qtbot, sqlite_store, notary)
    page: EvidencePage = window.evidence_page  # type: ignore[assignment]
    page.table.selectAll()
    record = page.preservation_record()
    assert record is not None
    qtbot.waitExposed(record)
    _pump(qtbot)
    tree = record.items_list
    row = next(row for row in range(tree.topLevelItemCount()) if tree.topLevelItem(row).text(1) == LONG_NAME)
    index = tree.model().index(row, 1)
    assert tree.columnWidth(1) >= tree.sizeHintForIndex(index).width(), "the file name is shown whole"
    assert tree.horizontalScrollBar().maximum() == 0
    assert cut_widgets(record) == [] and squashed_fields(record) == []
    record.done(0)


# --- the case workspace ----------------------------------------------------------------------------
@pytest.fixture
def worked_case(sqlite_store: OpenStore, notary: SignedInUser, case_with_evidence: str) -> str:
    """The evidence case with a mediator, parties (a person, a company with a long name), a lawyer with
    special powers, court-entrusted details and an agreement whose confirmation deadline runs."""
    from datetime import timedelta
    from decimal import Decimal

    from desktop.core.cases import parties, progress
    from desktop.core.cases.agents import AgentKind, Authority, SpecialPower, agent, service_address
    from desktop.core.cases.deadlines import office_today
    from desktop.core.cases.identity import DocumentKind
    from desktop.core.cases.matters import CaseSource, MatterKind, Procedure, case_details
    from desktop.core.cases.outcomes import OutcomeInput, OutcomeKind, record_outcome
    from desktop.core.cases.persons import Sex, organisation, person

    actor, number = notary.actor, case_with_evidence
    today = office_today()
    with sqlite_store.database.session_scope() as session:
        row = cases.find_case(session, number)
        details = case_details(
            MatterKind.MEDIATION, "trademark", CASE_TITLE, today - timedelta(days=40), today=today,
            summary="申请人称被申请人在其网店销售假冒其注册商标的普洱茶，请求停止侵权并赔偿损失。",
            requests=["停止销售侵权商品", "赔偿经济损失及维权合理开支"], amount_claimed=Decimal("1234567.89"),
            source=CaseSource.COURT_ENTRUSTED, court_name="昆明市中级人民法院",
            court_case_number="（2026）云01知民初1234号", procedure=Procedure.ORDINARY)
        cases.update_case(session, actor, number, details, row.revision)
        progress.assign_mediator(session, actor, number, "lihua", conflict=True,
                                 declaration="本人曾于三年前为申请人提供过商标法律咨询，已告知双方当事人。")
        applicant = parties.add_party(session, actor, number, "applicant", organisation(
            CASE_TITLE[:15] + "有限公司", credit_code="91330100799655058B",
            domicile="昆明市五华区人民中路1号",
            representative="王强", representative_post="执行董事"),
            service_address("昆明市五华区人民中路1号", phone="13808712345"))
        parties.add_party(session, actor, number, "respondent", person(
            "张丽", Sex.FEMALE, None, DocumentKind.RESIDENT_ID, "11010519491231002X", address="昆明市盘龙区"))
        parties.add_agent(session, actor, applicant.id, agent(
            "周律师", AgentKind.LAWYER, Authority.SPECIAL, today, firm="云南某某律师事务所",
            licence_number="15301201910123456", powers=list(SpecialPower)))
        for target in ("accepted", "in-mediation"):
            progress.move_case(session, actor, number, target)
        record_outcome(session, actor, number, OutcomeInput(
            OutcomeKind.ORAL_AGREEMENT, effective_on=today - timedelta(days=25), content="被申请人停止侵权"))
    return number


def test_case_workspace_at_1024_by_700(qtbot: QtBot, sqlite_store: OpenStore, notary: SignedInUser,
                                       worked_case: str, language: str) -> None:
    """The workspace in its place, a tab of the Cases page: every tab's buttons and labels whole, the tab
    titles without arrows; its dialogs fit the screen with nothing cut or squashed."""
    window = _window(qtbot, sqlite_store, notary)
    assert window.cases_page is not None
    workspace = window.cases_page.open_case(worked_case)
    window.show_page("cases")
    settled(qtbot, workspace)
    _pump(qtbot)
    assert window.size() == SCREEN
    assert tab_bar_fits(workspace.tabs.tabBar())
    for index in range(workspace.tabs.count()):
        workspace.tabs.setCurrentIndex(index)
        settled(qtbot, workspace)
        _pump(qtbot)
        assert window.size() == SCREEN, workspace.tabs.tabText(index)
        assert cut_widgets(window) == [], workspace.tabs.tabText(index)
    overview = workspace.overview
    assert overview.horizontalScrollBar().maximum() == 0, "the overview needs no sideways scrolling"
    assert "1,234,567.89" in overview.facts["amount"].text()
    snapshot = workspace.snapshot
    assert snapshot is not None
    workspace.parties.select("party", snapshot.parties[0].id)
    dialogs = [workspace.edit_details(), workspace.edit_record("party", snapshot.parties[0].id),
               workspace.edit_record("agent", snapshot.agents[0].id), workspace.assign_mediator(),
               workspace.move_case(next(iter(overview.move_buttons)))]
    for dialog in dialogs:
        assert dialog is not None
        qtbot.waitExposed(dialog)
        settled(qtbot, *(item for item in [dialog] if hasattr(item, "loading")))
        _pump(qtbot)
        _fits_screen(dialog)
        assert cut_widgets(dialog) == [] and squashed_fields(dialog) == [], dialog.objectName()
        dialog.done(0)
    # Close without asking about unsaved edits: the dialogs above were only shown (a closeEvent that
    # raised crashed PySide 6.12 at teardown).
    window.ready_to_close = True


# --- the exchange dialogs ------------------------------------------------------------------------------
def test_exchange_dialogs_fit_with_their_results(qtbot: QtBot, sqlite_store: OpenStore, notary: SignedInUser,
                                                 sealed_case: tuple[str, list[ItemInfo]], language: str,
                                                 tmp_path: Path) -> None:
    """Export Court Package (password asked, then done), Verify a Court Package (a changed package's
    findings), Back Up (done) and Restore (a damaged backup refused, then done), on long Chinese paths."""
    import zipfile

    from desktop.ui.exchange.backup_dialog import BackupDialog, RestoreDialog
    from desktop.ui.exchange.export_dialog import ExportPackageDialog
    from desktop.ui.exchange.verify_package_dialog import VerifyPackageDialog

    number, _items = sealed_case
    out = tmp_path / "送交法院" / "昆明市五华区人民法院二零二六年知识产权庭"
    out.mkdir(parents=True)

    def check(dialog: QWidget) -> None:
        _pump(qtbot)
        _fits_screen(dialog)
        assert cut_widgets(dialog) == [] and squashed_fields(dialog) == []

    export = ExportPackageDialog(sqlite_store, notary, number)
    qtbot.addWidget(export)
    export.show()
    settled(qtbot, export, timeout=OP_TIMEOUT)
    export.path.setText(str(out / f"{number}.zip"))
    export.export()
    qtbot.waitUntil(lambda: export.op is None and export.password.isVisible(), timeout=OP_TIMEOUT)
    check(export)
    export.password.setText(NOTARY_PASSWORD)
    export.export()
    qtbot.waitUntil(lambda: export.exported is not None, timeout=OP_TIMEOUT)
    check(export)
    package = out / f"{number}.zip"

    changed = out / "changed.zip"
    with zipfile.ZipFile(package) as old, zipfile.ZipFile(changed, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            new.writestr(info, data[::-1] if "/data/evidence/" in info.filename else data)
    verify = VerifyPackageDialog()
    qtbot.addWidget(verify)
    verify.show()
    verify.verify(changed)
    settled(qtbot, verify, timeout=OP_TIMEOUT)
    assert verify.findings.rowCount() >= 3
    check(verify)

    backup = BackupDialog(sqlite_store)
    qtbot.addWidget(backup)
    backup.show()
    backup.path.setText(str(out / "备份.zip"))
    backup.start_backup()
    qtbot.waitUntil(lambda: backup.report is not None, timeout=OP_TIMEOUT)
    check(backup)

    restore = RestoreDialog(sqlite_store.folder.root)
    qtbot.addWidget(restore)
    restore.show()
    restore.archive.setText(str(changed))  # not a backup at all
    restore.folder.setText(str(out / "恢复的数据文件夹"))
    restore.start_restore()
    qtbot.waitUntil(lambda: restore.op is None and bool(restore.message.text()), timeout=OP_TIMEOUT)
    check(restore)
    restore.message.clear()
    restore.archive.setText(str(out / "备份.zip"))
    restore.start_restore()
    qtbot.waitUntil(lambda: restore.report is not None, timeout=OP_TIMEOUT)
    check(restore)
