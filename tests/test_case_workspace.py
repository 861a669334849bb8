"""The case workspace, driven through its real widgets on SQLite and PostgreSQL: a mediator takes on a
case, adds a person with a resident ID (the birth date fills as it is typed), an organisation with its
credit code and a lawyer with special powers, moves the case to an agreement and sees the confirmation
deadline; two seats edit one party (the second is told and loses nothing); a mediator not assigned sees
the case read-only and core refuses them; the timeline lists the moves; unsaved edits are asked about."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.core.cases import parties, progress
from desktop.core.cases.deadlines import office_today
from desktop.core.cases.outcomes import OutcomeKind
from desktop.core.cases.parties import PartyRole
from desktop.core.cases.workflow import CaseStatus
from desktop.core.errors import NotAllowed
from desktop.core.storage.store import OpenStore
from desktop.core.trust.ledger import Entry
from desktop.core.trust.permissions import Actor
from desktop.core.trust.sign_in import SignedInUser
from desktop.ui.cases.moves import AssignDialog, MoveDialog
from desktop.ui.cases.outcome_dialog import OutcomeDialog
from desktop.ui.cases.party_dialog import PartyEditor
from desktop.ui.cases.party_form import ORGANISATION
from desktop.ui.cases.record_dialog import RecordDialog
from desktop.ui.cases.workspace import CaseWorkspace
from desktop.ui.evidence import page as evidence_page
from desktop.ui.framework.i18n import install_translator, remove_translators
from tests.qt_helpers import settled, type_text
from tests.test_cases import COMPANY, ZHANG, Committee

ID_NUMBER = "11010519491231002X"  # GB 11643's example: born 31 December 1949, a woman
CREDIT_CODE = "91330100799655058B"
LICENCE = "15301201910123456"
OP_TIMEOUT = 30_000


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    locale = QLocale()
    assert install_translator(qapp, "zh_CN") is not None
    yield
    remove_translators(qapp, locale)


@pytest.fixture
def committee(store: OpenStore) -> Committee:
    return Committee(store)


def _workspace(qtbot: QtBot, store: OpenStore, actor: Actor, number: str) -> CaseWorkspace:
    workspace = CaseWorkspace(store, SignedInUser(actor), number)
    qtbot.addWidget(workspace)
    workspace.resize(1000, 680)
    workspace.show()
    qtbot.waitExposed(workspace)
    settled(qtbot, workspace)
    return workspace


def _choose(combo: QComboBox, data: str) -> None:
    """Pick an entry of a combo box with the keyboard, as a user would (``activated`` is emitted)."""
    target = combo.findData(data)
    assert target >= 0, data
    combo.setFocus()
    while combo.currentIndex() != target:
        QTest.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)


def _save(qtbot: QtBot, workspace: CaseWorkspace,
          dialog: RecordDialog | MoveDialog | AssignDialog | OutcomeDialog) -> None:
    """Confirm ``dialog`` and wait until it has saved, closed and the workspace has read the case again."""
    with qtbot.waitSignal(workspace.case_changed, timeout=OP_TIMEOUT) as changed:
        dialog.attempt()
    assert changed.args == [workspace.number]
    qtbot.waitUntil(lambda: dialog not in workspace.dialogs, timeout=OP_TIMEOUT)
    settled(qtbot, workspace)


def _move(qtbot: QtBot, workspace: CaseWorkspace, target: CaseStatus) -> None:
    workspace.tabs.setCurrentWidget(workspace.overview)
    button = workspace.overview.move_buttons[target]
    assert button.isEnabled()
    button.click()
    dialog = workspace.dialogs[-1]
    assert isinstance(dialog, MoveDialog)
    _save(qtbot, workspace, dialog)


def record_oral_agreement(qtbot: QtBot, workspace: CaseWorkspace, effective: date, content: str) -> None:
    """On the Outcome and Performance tab: an oral agreement reached on ``effective`` (the way a mediation
    ends in an agreement; the overview has no move for it)."""
    workspace.tabs.setCurrentWidget(workspace.outcome)
    assert workspace.outcome.record_button.isEnabled()
    workspace.outcome.record_button.click()
    dialog = workspace.dialogs[-1]
    assert isinstance(dialog, OutcomeDialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(OutcomeKind.ORAL_AGREEMENT.value))
    type_text(dialog.content, content)
    dialog.oral_effective.setDate(effective)
    _save(qtbot, workspace, dialog)


def _kinds(entries: list[Entry]) -> list[str]:
    return [entry.kind for entry in entries]


def test_a_mediator_works_a_case_through_the_window(qtbot: QtBot, committee: Committee, store: OpenStore,
                                                    chinese: None) -> None:
    number = committee.open(committee.clerk)
    workspace = _workspace(qtbot, store, committee.lihua, number)
    assert workspace.title().startswith(number)
    assert not workspace.read_only.isVisible()
    assert workspace.overview.facts["status"].text() == "登记"
    assert workspace.tabs.tabText(1).startswith("当事人")

    # 指派调解员: lihua takes the case on, declaring no conflict.
    workspace.overview.assign_button.click()
    assign = workspace.dialogs[-1]
    assert isinstance(assign, AssignDialog)
    qtbot.waitUntil(lambda: assign.ok_button.isEnabled(), timeout=OP_TIMEOUT)
    assert assign.mediator() == "lihua" and assign.warning.text() == ""
    _save(qtbot, workspace, assign)
    assert "李华（lihua）" in workspace.overview.mediators.text()
    assert "回避声明：无利害关系" in workspace.overview.mediators.text()

    # 添加当事人: a person by resident ID (typed: the birth date fills), then an organisation.
    workspace.tabs.setCurrentWidget(workspace.parties)
    workspace.parties.add_party_button.click()
    dialog = workspace.dialogs[-1]
    assert isinstance(dialog, RecordDialog)
    editor = dialog.mine
    assert isinstance(editor, PartyEditor)
    form = editor.form
    type_text(form.name_edit, "张丽")
    assert workspace.has_unsaved_edits()
    QTest.keyClicks(form.number_edit, ID_NUMBER)
    assert form.birth_edit.value() == date(1949, 12, 31)
    _save(qtbot, workspace, dialog)
    assert not workspace.has_unsaved_edits()

    workspace.parties.add_party_button.click()
    dialog = workspace.dialogs[-1]
    assert isinstance(dialog, RecordDialog)
    editor = dialog.mine
    _choose(editor.role_combo, PartyRole.RESPONDENT.value)
    _choose(editor.form.kind_combo, ORGANISATION)
    type_text(editor.form.name_edit, "云南普洱茶业有限公司")
    QTest.keyClicks(editor.form.credit_code_edit, CREDIT_CODE)
    type_text(editor.form.representative_edit, "王强")
    _save(qtbot, workspace, dialog)
    snapshot = workspace.snapshot
    assert snapshot is not None
    assert [(found.role, found.identity.name) for found in snapshot.parties] == [
        (PartyRole.APPLICANT, "张丽"), (PartyRole.RESPONDENT, "云南普洱茶业有限公司")]
    tree = workspace.parties.tree
    assert tree.topLevelItem(0).text(0) == "申请人（1）" and tree.topLevelItem(1).text(0) == "被申请人（1）"

    # A lawyer with special authority for the applicant.
    workspace.parties.select("party", snapshot.parties[0].id)
    workspace.parties.add_agent_button.click()
    dialog = workspace.dialogs[-1]
    assert isinstance(dialog, RecordDialog)
    agent_form = dialog.mine
    type_text(agent_form.name_edit, "周律师")
    type_text(agent_form.firm_edit, "云南某某律师事务所")
    QTest.keyClicks(agent_form.licence_edit, LICENCE)
    _choose(agent_form.authority_combo, "special")
    agent_form.power_checks[next(iter(agent_form.power_checks))].click()
    _save(qtbot, workspace, dialog)
    snapshot = workspace.snapshot
    assert snapshot is not None and [found.agent.name for found in snapshot.agents] == ["周律师"]
    assert tree.topLevelItem(0).child(0).child(0).text(0) == "周律师"
    assert "特别授权" in workspace.parties.details.toPlainText()

    # 受理 → 调解中 by hand; 达成协议 by recording the agreement on the outcome tab, with its date of effect:
    # the confirmation deadline shows with the days left.
    effective = office_today() - timedelta(days=2)
    _move(qtbot, workspace, CaseStatus.ACCEPTED)
    _move(qtbot, workspace, CaseStatus.IN_MEDIATION)
    assert workspace.overview.move_buttons == {}  # how a mediation ends is its outcome, not a move
    assert "调解结果" in workspace.overview.moves_hint.text(), workspace.overview.moves_hint.text()
    record_oral_agreement(qtbot, workspace, effective, "被申请人停止销售并赔偿申请人一万元")
    workspace.tabs.setCurrentWidget(workspace.overview)
    assert workspace.overview.facts["status"].text() == "达成协议"
    deadlines = workspace.overview.deadlines.text()
    assert "申请司法确认期限" in deadlines and "剩余" in deadlines and "日" in deadlines, deadlines
    assert set(workspace.overview.move_buttons) == {CaseStatus.PERFORMING, CaseStatus.PERFORMED,
                                                    CaseStatus.CONFIRMATION_APPLIED}  # closing: archiving
    with store.database.session_scope() as session:
        moves = progress.history(session, number)
    assert [move.to_status for move in moves] == [CaseStatus.ACCEPTED, CaseStatus.IN_MEDIATION,
                                                  CaseStatus.AGREEMENT]
    assert moves[-1].effective_on == effective

    # The timeline lists the moves, newest first, in words.
    timeline = workspace.timeline
    events = [timeline.item(row, 2).text() for row in range(timeline.rowCount())]
    assert events.count("案件状态变更") == 3 and events[1] == "案件状态变更", events  # then the outcome
    assert "当事人 张丽" in [timeline.item(row, 3).text() for row in range(timeline.rowCount())]
    assert timeline.item(1, 3).text() == "本案：调解中 → 达成协议"  # which move, from the entry's digest


def test_a_refused_move_shows_cores_reason(qtbot: QtBot, committee: Committee, store: OpenStore) -> None:
    number = committee.open(committee.clerk)
    workspace = _workspace(qtbot, store, committee.lihua, number)
    workspace.overview.move_buttons[CaseStatus.NOT_ACCEPTED].click()
    dialog = workspace.dialogs[-1]
    assert isinstance(dialog, MoveDialog) and dialog.needs_reason
    dialog.attempt()
    qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=OP_TIMEOUT)
    assert "reason" in dialog.message.text().lower() and dialog.isVisible()
    type_text(dialog.reason_edit, "不属于知识产权纠纷")
    _save(qtbot, workspace, dialog)
    assert workspace.snapshot is not None and workspace.snapshot.info.status is CaseStatus.NOT_ACCEPTED


def test_two_seats_edit_one_party(qtbot: QtBot, committee: Committee, store: OpenStore,
                                  chinese: None) -> None:
    """The second save is refused in Chinese with everything typed kept; theirs can be loaded and the
    typed edit brought back and saved after theirs."""
    number = committee.open(committee.clerk)
    with store.database.session_scope() as session:
        party = parties.add_party(session, committee.clerk, number, PartyRole.APPLICANT, ZHANG)
    mine = _workspace(qtbot, store, committee.lihua, number)
    theirs = _workspace(qtbot, store, committee.clerk, number)
    mine.parties.select("party", party.id)
    mine.parties.edit_button.click()
    my_dialog = mine.dialogs[-1]
    assert isinstance(my_dialog, RecordDialog)
    type_text(my_dialog.mine.form.occupation_edit, "茶叶经销商")
    theirs.parties.select("party", party.id)
    theirs.parties.edit_button.click()
    their_dialog = theirs.dialogs[-1]
    assert isinstance(their_dialog, RecordDialog)
    their_dialog.mine.form.address_edit.clear()
    type_text(their_dialog.mine.form.address_edit, "昆明市盘龙区北京路2号")
    _save(qtbot, theirs, their_dialog)

    assert not my_dialog.switch_button.isVisible()
    my_dialog.attempt()
    qtbot.waitUntil(lambda: bool(my_dialog.message.text()), timeout=OP_TIMEOUT)
    assert my_dialog.switch_button.isVisible()
    assert my_dialog.isVisible() and mine.has_unsaved_edits()
    said = my_dialog.message.text()
    assert "已被他人修改" in said and "您的修改未保存" in said and "都还在" in said, said
    assert my_dialog.mine.form.occupation_edit.text() == "茶叶经销商"  # nothing typed is lost
    my_dialog.switch_button.click()
    qtbot.waitUntil(lambda: my_dialog.theirs is not None and my_dialog.editor() is my_dialog.theirs,
                    timeout=OP_TIMEOUT)
    assert my_dialog.theirs.form.address_edit.text() == "昆明市盘龙区北京路2号"
    my_dialog.switch_button.click()  # back to the edit typed here
    assert my_dialog.editor() is my_dialog.mine
    assert my_dialog.mine.form.occupation_edit.text() == "茶叶经销商"
    _save(qtbot, mine, my_dialog)
    with store.database.session_scope() as session:
        versions = parties.party_history(session, party.id)
    assert [(found.version, found.saved_by) for found in versions] == [
        (1, "clerk"), (2, "clerk"), (3, "lihua")]
    assert versions[-1].identity.occupation == "茶叶经销商"

    # 历史版本: every version, who and when, and what it held.
    mine.parties.select("party", party.id)
    mine.parties.history_button.click()
    qtbot.waitUntil(lambda: any(type(dialog).__name__ == "HistoryDialog" for dialog in mine.dialogs),
                    timeout=OP_TIMEOUT)
    history = mine.dialogs[-1]
    assert history.versions.count() == 3  # type: ignore[attr-defined]
    assert "李华（lihua）" in history.versions.item(0).text()  # type: ignore[attr-defined]
    assert "茶叶经销商" in history.text.toPlainText()  # type: ignore[attr-defined]
    history.reject()


def test_a_mediator_not_assigned_sees_the_case_read_only(qtbot: QtBot, committee: Committee,
                                                         store: OpenStore) -> None:
    number = committee.open(committee.clerk)
    with store.database.session_scope() as session:
        progress.assign_mediator(session, committee.wangwu, number, "wangwu", conflict=False)
        party = parties.add_party(session, committee.wangwu, number, PartyRole.APPLICANT, COMPANY)
    workspace = _workspace(qtbot, store, committee.lihua, number)
    assert workspace.read_only.isVisible() and "wangwu" in workspace.read_only.text()
    overview, view = workspace.overview, workspace.parties
    buttons = [*overview.move_buttons.values(), overview.assign_button, overview.edit_button,
               view.add_party_button]
    assert buttons and not any(button.isEnabled() for button in buttons)
    view.select("party", party.id)
    assert not view.edit_button.isEnabled() and not view.add_agent_button.isEnabled()
    assert view.history_button.isEnabled()  # reading is allowed
    assert workspace.move_case(CaseStatus.ACCEPTED) is None and workspace.add_party() is None
    # The service layer refuses anyway.
    with store.database.session_scope() as session, pytest.raises(NotAllowed):
        parties.add_party(session, committee.lihua, number, PartyRole.RESPONDENT, ZHANG)
    with store.database.session_scope() as session, pytest.raises(NotAllowed):
        progress.move_case(session, committee.lihua, number, CaseStatus.ACCEPTED)


def test_unsaved_edits_are_asked_about(qtbot: QtBot, committee: Committee, store: OpenStore) -> None:
    number = committee.open(committee.clerk)
    workspace = _workspace(qtbot, store, committee.lihua, number)
    dialog = workspace.add_party()
    assert dialog is not None and not workspace.has_unsaved_edits()
    type_text(dialog.mine.form.name_edit, "张丽")
    assert workspace.has_unsaved_edits()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.confirm_box is not None, timeout=OP_TIMEOUT)
    box = dialog.confirm_box
    assert isinstance(box, QMessageBox) and dialog.isVisible()
    keep = next(button for button in box.buttons()
                if box.buttonRole(button) == QMessageBox.ButtonRole.RejectRole)
    keep.click()
    qtbot.waitUntil(lambda: dialog.confirm_box is None, timeout=OP_TIMEOUT)
    assert dialog.isVisible() and dialog.mine.form.name_edit.text() == "张丽"
    dialog.reject()
    box = dialog.confirm_box
    assert box is not None
    discard = next(button for button in box.buttons()
                   if box.buttonRole(button) == QMessageBox.ButtonRole.DestructiveRole)
    discard.click()
    qtbot.waitUntil(lambda: dialog not in workspace.dialogs, timeout=OP_TIMEOUT)
    assert not workspace.has_unsaved_edits()


def test_the_evidence_tab_shows_this_case_only(qtbot: QtBot, committee: Committee, store: OpenStore) -> None:
    number = committee.open(committee.clerk)
    committee.open(committee.clerk, title="另一案")
    workspace = _workspace(qtbot, store, committee.lihua, number)
    page = workspace.evidence
    assert page.case_number() == number
    assert not page.case_combo.isVisibleTo(page) and not page.case_search.isVisibleTo(page)
    assert not page.new_case_action.isEnabled()


def test_the_evidence_pages_chooser_lists_recent_cases_and_searches(
        qtbot: QtBot, committee: Committee, store: OpenStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """With many cases the chooser lists the most recent only (``RECENT_CASES``), and the search finds any
    case by its title or number; a case chosen that is older stays listed."""
    monkeypatch.setattr(evidence_page, "RECENT_CASES", 2)
    oldest = committee.open(committee.clerk, title="普洱茶商标纠纷")
    committee.open(committee.clerk, title="第二案")
    newest = committee.open(committee.clerk, title="第三案")
    page = evidence_page.EvidencePage(store, SignedInUser(committee.lihua))
    qtbot.addWidget(page)
    page.show()
    settled(qtbot, page)
    combo = page.case_combo
    assert [combo.itemData(index) for index in range(combo.count())] == [newest, committee_number(newest, -1)]
    assert page.case_number() == newest
    type_text(page.case_search, "普洱")
    qtbot.waitUntil(lambda: combo.count() == 1 and combo.itemData(0) == oldest, timeout=OP_TIMEOUT)
    settled(qtbot, page)
    assert page.case_number() == oldest
    page.case_search.clear()
    qtbot.waitUntil(lambda: combo.count() == 3, timeout=OP_TIMEOUT)  # the two newest, and the one chosen
    settled(qtbot, page)
    assert page.case_number() == oldest
    type_text(page.case_search, "没有这个案件")
    qtbot.waitUntil(lambda: combo.count() == 0, timeout=OP_TIMEOUT)
    assert page.case_number() is None


def committee_number(number: str, step: int) -> str:
    """The number ``step`` serials away in the same series: （2026）云知调字第0003号 → …第0002号."""
    serial = int(number[-5:-1])
    return f"{number[:-5]}{serial + step:04d}号"


def test_editing_details_uses_the_registration_form_filled_from_the_case(
        qtbot: QtBot, committee: Committee, store: OpenStore) -> None:
    """"Edit Details" holds the registration dialog's form, filled from the stored case: its requests in
    the list, the kind of matter fixed, a hand-set time limit kept when the procedure changes."""
    from desktop.core.cases import matters
    from desktop.core.cases.matters import CaseSource, Procedure
    from desktop.ui.cases.details_form import DetailsForm

    number = committee.open(committee.clerk, requests=["停止侵权"], source=CaseSource.COURT_ENTRUSTED,
                            court_name="昆明市中级人民法院", court_case_number="（2026）云01知民初56号",
                            time_limit_days=20)
    workspace = _workspace(qtbot, store, committee.lihua, number)
    dialog = workspace.edit_details()
    assert dialog is not None
    form = dialog.mine
    assert isinstance(form, DetailsForm)
    assert not form.kind_combo.isEnabled()
    assert form.requests.values() == ["停止侵权"]
    assert form.limit_spin.value() == 20 and form.limit_edited
    _choose(form.procedure_combo, Procedure.SIMPLE.value)
    assert form.limit_spin.value() == 20, "a limit set by hand is not replaced by the default"
    form.requests.add("赔偿经济损失")
    assert dialog.dirty
    _save(qtbot, workspace, dialog)
    with committee.database.session_scope() as session:
        details = matters.details_of(session, matters.find_case(session, number))
    assert (details.requests, details.procedure, details.time_limit_days) == (
        ("停止侵权", "赔偿经济损失"), Procedure.SIMPLE, 20)


def test_the_overview_says_which_kind_of_foreign_related_case(qtbot: QtBot, committee: Committee,
                                                              store: OpenStore, chinese: None) -> None:
    from tests.test_cases import HONG_KONG

    number = committee.open(committee.clerk)
    with committee.database.session_scope() as session:
        parties.add_party(session, committee.clerk, number, "applicant", ZHANG)
    workspace = _workspace(qtbot, store, committee.lihua, number)
    overview = workspace.overview
    assert not overview.facts["foreign"].isVisibleTo(overview)  # mainland parties only
    with committee.database.session_scope() as session:
        parties.add_party(session, committee.clerk, number, "respondent", HONG_KONG)
    workspace.refresh()
    settled(qtbot, workspace)
    assert overview.facts["foreign"].isVisibleTo(overview)
    assert overview.facts["foreign"].text() == "涉港澳台"
