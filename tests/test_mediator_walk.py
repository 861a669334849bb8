"""A mediator's whole job on a case in the window, in Chinese, on SQLite and PostgreSQL (pytest-qt, real
widgets, a real data folder): the administrator has set up the committee (with a notarial series) and its
users; mediator 李华 signs in; on the Cases page she registers a case a court entrusted to the committee
(登记案件…: a utility-model patent dispute, two requests, an amount, the court, its case number, the simple
procedure and so a 7-day time limit); the case opens in its tab; she takes it on (指派调解员…, no
conflict); adds the applicant company by its credit code with a service address, the respondent by her
resident identity number (the birth date fills as it is typed) and a lawyer with special authority for
the applicant; moves the case 受理 → 调解中 (the court's time limit shows with its days left, and the status
bar counts the case due soon) → 达成协议 with its date of effect (the 30 days to apply for judicial
confirmation show). The register shows the case with its status, parties and next deadline, the 时间线 tab
the moves, and the whole store verifies afterwards. Once the window is up, every step is a click, a key
or a typed word.

The window counts days from today's real date: the case is dated as received three days ago, so the
7-day limit ends within the week (a weekend moves its end by two days at most)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.config import Settings
from desktop.core.cases import matters, parties, progress
from desktop.core.cases.agents import Authority, SpecialPower
from desktop.core.cases.deadlines import office_today
from desktop.core.cases.matters import CaseSource, CaseType, MatterKind, PatentKind, Procedure
from desktop.core.cases.outcomes import OutcomeKind
from desktop.core.cases.parties import PartyRole
from desktop.core.cases.workflow import CaseStatus
from desktop.core.office import office
from desktop.core.storage.store import OpenStore, open_store
from desktop.core.trust import users
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Role
from desktop.core.trust.sign_in import SignedInUser
from desktop.core.verification.store import verify_store
from desktop.ui.cases.moves import AssignDialog, MoveDialog
from desktop.ui.cases.new_case_dialog import NewCaseDialog
from desktop.ui.cases.outcome_dialog import OutcomeDialog
from desktop.ui.cases.page import REGISTER_TAB, CasesPage
from desktop.ui.cases.party_dialog import PartyEditor
from desktop.ui.cases.party_form import ORGANISATION
from desktop.ui.cases.record_dialog import RecordDialog
from desktop.ui.cases.register_model import DEADLINE, MEDIATORS, PARTIES, STATUS
from desktop.ui.cases.workspace import CaseWorkspace
from desktop.ui.framework.i18n import event_label, install_translator, label, remove_translators
from tests.qt_helpers import attached_window, launch_and_sign_in, settled, type_text
from tests.test_cases import Committee

COMMITTEE = "昆明市知识产权纠纷人民调解委员会"
MEDIATOR, MEDIATOR_PASSWORD = "lihua", "mediator-password-1"
TITLE = "昆明某某机械有限公司与张丽侵害实用新型专利权纠纷"
COMPANY = "昆明某某机械有限公司"
CREDIT_CODE = "91530100681243752E"  # Kunming (530100), organisation code 68124375-2, checks of GB 32100
RESPONDENT = "张丽"
ID_NUMBER = "530103197806211529"  # GB 11643: born 21 June 1978, a woman (the 17th digit is even)
LAWYER, FIRM, LICENCE = "周明", "云南某某律师事务所", "15301201910123456"
COURT, COURT_NUMBER = "昆明市中级人民法院", "（2026）云01知民初56号"
RECEIVED_DAYS_AGO = 3
OP_TIMEOUT = 30_000


def _committee_set_up(settings: Settings) -> None:
    """What the administrator did before: the committee with both number series, and its users."""
    store = open_store(settings)
    try:
        with store.database.session_scope() as session:
            office.create_office(session, COMMITTEE, "云知", mediation_word="调", notarial_prefix="云昆",
                                 notarial_word="证")
            admin = users.create_first_admin(session, "admin", "admin-password-1", "赵文")
            users.add_user(session, admin, MEDIATOR, frozenset({Role.MEDIATOR}), MEDIATOR_PASSWORD, "李华")
            users.add_user(session, admin, "wangfang", frozenset({Role.MEDIATOR}), "mediator-password-2",
                           "王芳")
            users.add_user(session, admin, "chenjing", frozenset({Role.CLERK}), "clerk-password-1", "陈静")
    finally:
        store.close()


def _click(qtbot: QtBot, button: QAbstractButton) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _choose(combo: QComboBox, data: object) -> None:
    """Pick an entry with the keyboard, as a user would (``activated`` is emitted)."""
    target = combo.findData(data)
    assert target >= 0, data
    combo.setFocus()
    while combo.currentIndex() != target:
        QTest.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)


def _set_date(edit: QWidget, day: date) -> None:
    edit.setDate(QDate(day.year, day.month, day.day))  # type: ignore[attr-defined]


def _type_request(qtbot: QtBot, dialog: NewCaseDialog, text: str) -> None:
    """添加: a new line opens for editing; the request is typed and Enter ends it."""
    requests = dialog.form.requests
    count = requests.list.count()
    _click(qtbot, requests.add_button)
    editing = QAbstractItemView.State.EditingState
    qtbot.waitUntil(lambda: requests.list.count() == count + 1 and requests.list.state() == editing,
                    timeout=OP_TIMEOUT)
    editors = [found for found in requests.list.viewport().findChildren(QLineEdit) if found.isVisible()]
    assert len(editors) == 1, editors
    editor = editors[0]
    type_text(editor, text)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: requests.list.state() != editing, timeout=OP_TIMEOUT)
    assert requests.values()[-1] == text


def _register(qtbot: QtBot, page: CasesPage) -> CaseWorkspace:
    _click(qtbot, page.new_case_button)
    dialog = page.dialog
    assert isinstance(dialog, NewCaseDialog)
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "登记案件"
    form = dialog.form
    assert form.kind_combo.currentData() == MatterKind.MEDIATION.value
    _choose(form.type_combo, CaseType.PATENT.value)
    assert form.patent_combo.isVisibleTo(form), "the kind of patent is asked for a patent dispute"
    _choose(form.patent_combo, PatentKind.UTILITY_MODEL.value)
    assert form.patent_combo.currentText() == "实用新型"
    type_text(form.title_edit, TITLE)
    type_text(form.summary_edit, "申请人称被申请人在其网店销售的切片机落入其ZL202120123456.7号实用新型"
                                 "专利权的保护范围。")
    _type_request(qtbot, dialog, "停止销售侵权产品")
    _type_request(qtbot, dialog, "赔偿经济损失及合理开支")
    assert form.requests.values() == ["停止销售侵权产品", "赔偿经济损失及合理开支"]
    type_text(form.amount_edit, "86000.50")
    assert form.capitals.text() == "人民币捌万陆仟元零伍角"
    _set_date(form.received_edit, office_today() - timedelta(days=RECEIVED_DAYS_AGO))
    _choose(form.source_combo, CaseSource.COURT_ENTRUSTED.value)
    assert form.court_edit.isVisibleTo(form) and form.procedure_combo.isVisibleTo(form)
    type_text(form.court_edit, COURT)
    type_text(form.court_number_edit, COURT_NUMBER)
    _choose(form.procedure_combo, Procedure.SIMPLE.value)
    assert form.limit_spin.value() == 7  # 2021 Online Mediation Rules art. 24: simple procedure, 7 days
    assert dialog.message.text() == "", dialog.message.text()
    _click(qtbot, dialog.ok_button)
    qtbot.waitUntil(lambda: page.tabs.count() == 2, timeout=OP_TIMEOUT)  # the case opens in its tab
    workspace = page.tabs.currentWidget()
    assert isinstance(workspace, CaseWorkspace)
    settled(qtbot, workspace)
    assert workspace.number.startswith("（20") and "）云知调字第" in workspace.number  # full-width brackets
    assert workspace.overview.facts["status"].text() == "登记"
    assert page.tabs.tabText(1).startswith(workspace.number)
    return workspace


def _save(qtbot: QtBot, workspace: CaseWorkspace, dialog: QDialog, button: QPushButton) -> None:
    """Confirm ``dialog`` with its button; wait until it has saved and closed and the case is read again."""
    message = dialog.message  # type: ignore[attr-defined]
    assert message.text() == "", message.text()
    with qtbot.waitSignal(workspace.case_changed, timeout=OP_TIMEOUT, raising=False) as saved:
        _click(qtbot, button)
    editor = getattr(dialog, "mine", None)
    form_message = getattr(editor, "message", None) or getattr(getattr(editor, "form", None), "message", None)
    assert saved.signal_triggered, (message.text(), form_message.text() if form_message else "")
    qtbot.waitUntil(lambda: dialog not in workspace.dialogs, timeout=OP_TIMEOUT)
    settled(qtbot, workspace)


def _take_on(qtbot: QtBot, workspace: CaseWorkspace) -> None:
    _click(qtbot, workspace.overview.assign_button)
    dialog = workspace.dialogs[-1]
    assert isinstance(dialog, AssignDialog) and dialog.windowTitle() == "指派调解员"
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled(), timeout=OP_TIMEOUT)
    assert dialog.mediator() == MEDIATOR and dialog.mediator_combo.currentText() == "李华（lihua）"
    assert dialog.no_conflict.isChecked() and dialog.warning.text() == ""
    _save(qtbot, workspace, dialog, dialog.ok_button)
    assert "李华（lihua）" in workspace.overview.mediators.text()
    assert "无利害关系" in workspace.overview.mediators.text()


def _party_dialog(qtbot: QtBot, workspace: CaseWorkspace) -> tuple[RecordDialog, PartyEditor]:
    _click(qtbot, workspace.parties.add_party_button)
    dialog = workspace.dialogs[-1]
    assert isinstance(dialog, RecordDialog) and isinstance(dialog.mine, PartyEditor)
    return dialog, dialog.mine


def _add_parties(qtbot: QtBot, workspace: CaseWorkspace) -> None:
    workspace.tabs.setCurrentWidget(workspace.parties)
    # The applicant: a company by its unified social credit code, with its address for service.
    dialog, editor = _party_dialog(qtbot, workspace)
    assert editor.role() is PartyRole.APPLICANT
    form = editor.form
    _choose(form.kind_combo, ORGANISATION)
    type_text(form.name_edit, COMPANY)
    QTest.keyClicks(form.credit_code_edit, CREDIT_CODE)
    type_text(form.domicile_edit, "昆明市官渡区春城路100号")
    type_text(form.representative_edit, "王强")
    type_text(form.post_edit, "执行董事")
    QTest.keyClicks(form.phone_edit, "0871-63123456")
    form.service_group.setChecked(True)  # the group's check box: 送达地址确认
    type_text(form.service_address_edit, "昆明市官渡区春城路100号某某大厦12楼")
    type_text(form.recipient_edit, "李梅")
    QTest.keyClicks(form.service_phone_edit, "13908712345")
    QTest.keyClicks(form.postcode_edit, "650200")
    assert dialog.message.text() == "", dialog.message.text()
    _save(qtbot, workspace, dialog, dialog.save_button)

    # The respondent: a person by resident identity number, typed; the birth date and sex follow it.
    dialog, editor = _party_dialog(qtbot, workspace)
    _choose(editor.role_combo, PartyRole.RESPONDENT.value)
    form = editor.form
    type_text(form.name_edit, RESPONDENT)
    QTest.keyClicks(form.number_edit, ID_NUMBER)
    assert form.birth_edit.value() == date(1978, 6, 21)
    assert form.sex_combo.currentText() == "女"
    type_text(form.address_edit, "昆明市五华区翠湖南路1号")
    QTest.keyClicks(form.phone_edit, "13808712345")
    _save(qtbot, workspace, dialog, dialog.save_button)

    snapshot = workspace.snapshot
    assert snapshot is not None
    assert [(found.role, found.identity.name) for found in snapshot.parties] == [
        (PartyRole.APPLICANT, COMPANY), (PartyRole.RESPONDENT, RESPONDENT)]
    applicant = snapshot.parties[0]
    assert applicant.service is not None and applicant.service.recipient == "李梅"

    # A lawyer for the applicant, with special authority.
    workspace.parties.select("party", applicant.id)
    _click(qtbot, workspace.parties.add_agent_button)
    dialog = workspace.dialogs[-1]
    assert isinstance(dialog, RecordDialog)
    agent_form = dialog.mine
    assert "申请人" in dialog.intro.text() and COMPANY in dialog.intro.text()
    type_text(agent_form.name_edit, LAWYER)
    type_text(agent_form.firm_edit, FIRM)
    QTest.keyClicks(agent_form.licence_edit, LICENCE)
    _choose(agent_form.authority_combo, Authority.SPECIAL.value)
    for power in (SpecialPower.SETTLE, SpecialPower.SIGN_AGREEMENT, SpecialPower.APPLY_CONFIRMATION):
        check = agent_form.power_checks[power]
        QTest.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))  # on its box
        assert check.isChecked(), power
    _save(qtbot, workspace, dialog, dialog.save_button)

    tree = workspace.parties.tree
    assert tree.topLevelItem(0).text(0) == "申请人（1）" and tree.topLevelItem(1).text(0) == "被申请人（1）"
    applicant_item = tree.topLevelItem(0).child(0)
    assert applicant_item.text(0) == COMPANY and applicant_item.child(0).text(0) == LAWYER
    details = workspace.parties.details.toPlainText()
    assert "特别授权" in details and "代为申请司法确认" in details, details
    assert "授权期限：" in details and "至 本案调解终结" in details and "至 至" not in details, details


def _move(qtbot: QtBot, workspace: CaseWorkspace, target: CaseStatus) -> None:
    workspace.tabs.setCurrentWidget(workspace.overview)
    _click(qtbot, workspace.overview.move_buttons[target])
    dialog = workspace.dialogs[-1]
    assert isinstance(dialog, MoveDialog) and dialog.windowTitle() == "案件进程"
    assert dialog.ok_button.text() == label(target)
    _save(qtbot, workspace, dialog, dialog.ok_button)
    assert workspace.overview.facts["status"].text() == label(target)


def _agree_orally(qtbot: QtBot, workspace: CaseWorkspace, effective: date) -> None:
    """The mediation ends in an oral agreement, recorded on the Outcome and Performance tab (the overview
    has no move for it)."""
    assert CaseStatus.AGREEMENT not in workspace.overview.move_buttons
    workspace.tabs.setCurrentWidget(workspace.outcome)
    _click(qtbot, workspace.outcome.record_button)
    dialog = workspace.dialogs[-1]
    assert isinstance(dialog, OutcomeDialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(OutcomeKind.ORAL_AGREEMENT.value))
    type_text(dialog.content, "被申请人停止销售侵权产品，并赔偿申请人经济损失三万元")
    assert dialog.oral_effective.date() == office_today()  # today by default
    _set_date(dialog.oral_effective, effective)
    _save(qtbot, workspace, dialog, dialog.ok_button)
    workspace.tabs.setCurrentWidget(workspace.overview)
    assert workspace.overview.facts["status"].text() == label(CaseStatus.AGREEMENT)


def _register_row(qtbot: QtBot, page: CasesPage, number: str) -> int:
    page.tabs.setCurrentIndex(REGISTER_TAB)
    qtbot.waitUntil(lambda: not page.loading and page.model.row_of(number) >= 0, timeout=OP_TIMEOUT)
    return page.model.row_of(number)


def test_a_mediator_registers_and_works_a_case_in_the_window_in_chinese(
        qtbot: QtBot, qapp: QApplication, empty_settings: Settings) -> None:
    _committee_set_up(empty_settings)
    locale = QLocale()
    assert install_translator(qapp, "zh_CN") is not None
    today = office_today()
    effective = today - timedelta(days=1)
    try:
        launcher, window = launch_and_sign_in(qtbot, empty_settings, MEDIATOR, MEDIATOR_PASSWORD, OP_TIMEOUT)
        try:
            window.show_page("cases")
            page = window.cases_page
            assert isinstance(page, CasesPage)
            settled(qtbot, page)
            assert page.model.total == 0
            qtbot.waitUntil(lambda: page.due_soon_button.text() == "暂无期限将至的案件", timeout=OP_TIMEOUT)

            workspace = _register(qtbot, page)
            number = workspace.number
            _take_on(qtbot, workspace)
            _add_parties(qtbot, workspace)

            _move(qtbot, workspace, CaseStatus.ACCEPTED)
            _move(qtbot, workspace, CaseStatus.IN_MEDIATION)
            deadlines = workspace.overview.deadlines.text()
            assert workspace.snapshot is not None
            limit = workspace.snapshot.deadlines[0]
            left = limit.days_left(today)
            assert 0 < left <= 7, left  # received three days ago: the 7 days end within the week
            assert f"委派/委托调解期限届满：{limit.last_day.isoformat()}" in deadlines, deadlines
            assert f"剩余{left}日" in deadlines and "即将到期" in deadlines, deadlines
            # The status bar counts the case due soon; activating the count shows it on the register.
            qtbot.waitUntil(lambda: page.due_soon_button.text() == "1 件期限将至", timeout=OP_TIMEOUT)
            _click(qtbot, page.due_soon_button)
            row = _register_row(qtbot, page, number)
            assert page.due_soon_check.isChecked() and page.model.total == 1
            assert f"剩余{left}日，期限将至" in page.model.index(row, DEADLINE).data()
            page.open_case(number)
            assert page.tabs.currentWidget() is workspace

            _agree_orally(qtbot, workspace, effective)
            deadlines = workspace.overview.deadlines.text()
            assert "申请司法确认期限届满" in deadlines, deadlines
            last_day = effective + timedelta(days=30)  # the 30 days run from the date of effect
            while last_day.weekday() >= 5:  # Civil Code art. 203: a last day on a rest day moves on
                last_day += timedelta(days=1)
            assert f"{last_day.isoformat()}（剩余{(last_day - today).days}日）" in deadlines, deadlines
            assert "委派/委托调解期限" not in deadlines, "the court's limit ends with the mediation"
            assert "生效日期 " + effective.isoformat() in workspace.overview.history.text()
            qtbot.waitUntil(lambda: page.due_soon_button.text() == "暂无期限将至的案件", timeout=OP_TIMEOUT)

            # The register: the case with its status, parties, mediator and next deadline.
            page.due_soon_check.click()
            row = _register_row(qtbot, page, number)
            cell = page.model.index
            assert cell(row, STATUS).data() == "达成协议"
            assert COMPANY in cell(row, PARTIES).data() and RESPONDENT in cell(row, PARTIES).data()
            assert cell(row, MEDIATORS).data() == "李华"
            assert cell(row, DEADLINE).data() == f"{last_day.isoformat()}（剩余{(last_day - today).days}日）"

            # 时间线: the moves and everything else, newest first, in words.
            page.open_case(number)
            workspace.tabs.setCurrentWidget(workspace.timeline)
            timeline = workspace.timeline
            events = [timeline.item(row, 2).text() for row in range(timeline.rowCount())]
            assert events == [event_label(kind) for kind in (
                EventKind.OUTCOME_RECORDED, EventKind.CASE_MOVED, EventKind.CASE_MOVED, EventKind.CASE_MOVED,
                EventKind.AGENT_ADDED,
                EventKind.PARTY_ADDED, EventKind.PARTY_ADDED, EventKind.CASE_MEDIATOR_ASSIGNED,
                EventKind.CASE_OPENED)], events
            assert events[1] == "案件状态变更"
            assert {timeline.item(row, 1).text() for row in range(timeline.rowCount())} == {"李华（lihua）"}
            window.close()
            qtbot.waitUntil(lambda: not window.isVisible(), timeout=OP_TIMEOUT)
        finally:
            launcher.shutdown()
    finally:
        remove_translators(qapp, locale)

    store = open_store(empty_settings)
    try:
        with store.database.session_scope() as session:
            details = matters.details_of(session, matters.find_case(session, number))
            assert (details.case_type, details.patent_kind, details.source, details.court_name,
                    details.court_case_number, details.procedure, details.time_limit_days) == (
                CaseType.PATENT, PatentKind.UTILITY_MODEL, CaseSource.COURT_ENTRUSTED, COURT, COURT_NUMBER,
                Procedure.SIMPLE, 7)
            assert details.requests == ("停止销售侵权产品", "赔偿经济损失及合理开支")
            assert str(details.amount_claimed) == "86000.50"
            assert details.received_on == today - timedelta(days=RECEIVED_DAYS_AGO)
            assert [move.to_status for move in progress.history(session, number)] == [
                CaseStatus.ACCEPTED, CaseStatus.IN_MEDIATION, CaseStatus.AGREEMENT]
            assert progress.history(session, number)[-1].effective_on == effective
            lawyer = parties.list_agents(session, number)[0].agent
            assert (lawyer.authority, set(lawyer.powers)) == (Authority.SPECIAL, {
                SpecialPower.SETTLE, SpecialPower.SIGN_AGREEMENT, SpecialPower.APPLY_CONFIRMATION})
            respondent = parties.list_parties(session, number)[1].identity
            assert respondent.document_number == ID_NUMBER  # type: ignore[union-attr]
            assert verify_store(session, store.vault).findings == ()  # the job left a store that verifies
    finally:
        store.close()


def test_the_overview_rows_grow_with_their_text(qtbot: QtBot, sqlite_store: OpenStore) -> None:
    """A court-invited case registered with two requests and a long account of the dispute: every row of
    its overview has the height its text needs (the court's rows, hidden until then, showed in the same
    pass, the page's layout kept the details box's old height for its width, and the second request was
    cut)."""
    committee = Committee(sqlite_store)
    window = attached_window(qtbot, sqlite_store, COMMITTEE, SignedInUser(committee.lihua, None))
    window.resize(1024, 700)
    page = window.cases_page
    assert page is not None
    window.show_page("cases")
    settled(qtbot, page)
    dialog = page.new_case()
    assert isinstance(dialog, NewCaseDialog)
    type_text(dialog.form.title_edit, TITLE)
    form = dialog.form
    type_text(form.summary_edit, "申请人称被申请人在其网店销售的切片机落入其实用新型专利权的保护范围。" * 2)
    form.requests.add("停止销售侵权产品")
    form.requests.add("赔偿经济损失及合理开支")
    _choose(form.source_combo, CaseSource.COURT_INVITED.value)  # the court's rows show in the overview
    type_text(form.court_edit, COURT)
    dialog.attempt()
    qtbot.waitUntil(lambda: isinstance(page.tabs.currentWidget(), CaseWorkspace), timeout=OP_TIMEOUT)
    workspace = page.tabs.currentWidget()
    assert isinstance(workspace, CaseWorkspace)
    settled(qtbot, workspace)
    qtbot.wait(200)
    for key in ("requests", "summary"):
        fact = workspace.overview.facts[key]
        assert fact.height() >= fact.heightForWidth(fact.width()), (key, fact.height(), fact.text())
    window.ready_to_close = True
