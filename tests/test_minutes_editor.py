"""The live minutes editor, driven through its real widgets on SQLite: speakers chosen by Ctrl+n or a
prefix, Enter confirms and Shift+Enter breaks the line, entries appended without a model reset and saved in
the order typed however fast, a refused save puts the text back in the box with the reason, the draft kept
and offered back, notes with a stale save refused and kept, close and seal with the password (then
read-only, the seal, an addendum with its reason, a signing), search jumping to the entry, a user not
assigned reading only, the draft kept (not asked about) at sign-out, and the editor fitting 1024×700."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop.core.cases import minutes, sittings
from desktop.core.cases.minutes import EntryKind
from desktop.core.cases.sittings import Attendee, AttendeeRole, SittingInfo, SittingKind
from desktop.core.storage.store import OpenStore
from desktop.core.trust.permissions import Actor
from desktop.core.trust.sign_in import SignedInUser
from desktop.ui.cases.entry_box import SpeakerChoice, speaker_prefix
from desktop.ui.cases.minutes_dialogs import AddendumDialog, SealDialog, SigningDialog
from desktop.ui.cases.minutes_editor import MinutesEditor
from desktop.ui.cases.workspace import CaseWorkspace
from desktop.ui.framework.i18n import install_translator, remove_translators
from tests.qt_helpers import attached_window, close_window, settled, type_text
from tests.sitting_hall import MEDIATOR_PASSWORD, Hall
from tests.test_layout_fits import cut_widgets

OP_TIMEOUT = 30_000
APPLICANT, MEDIATOR = 0, 1  # the hall's attendees, in order (Ctrl+1, Ctrl+2)


@pytest.fixture
def hall(sqlite_store: OpenStore) -> Hall:
    return Hall(sqlite_store)


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    locale = QLocale()
    assert install_translator(qapp, "zh_CN") is not None
    yield
    remove_translators(qapp, locale)


def _editor(qtbot: QtBot, hall: Hall, sitting: SittingInfo, actor: Actor | None = None) -> MinutesEditor:
    """The case's workspace for ``actor`` (lihua), its sittings tab, the sitting opened from the list."""
    workspace = CaseWorkspace(hall.store, SignedInUser(actor or hall.lihua), hall.number)
    qtbot.addWidget(workspace)
    workspace.resize(1000, 660)
    workspace.show()
    qtbot.waitExposed(workspace)
    settled(qtbot, workspace)
    workspace.tabs.setCurrentWidget(workspace.sittings)
    view = workspace.sittings
    row = next(index for index, info in enumerate(view.rows) if info.id == sitting.id)
    view.table.selectRow(row)
    qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    editor = view.editor
    qtbot.waitUntil(lambda: editor.sitting is not None and editor.sitting.id == sitting.id,
                    timeout=OP_TIMEOUT)
    settled(qtbot, editor)
    return editor


def _saved(qtbot: QtBot, editor: MinutesEditor, count: int) -> None:
    qtbot.waitUntil(lambda: not editor.saving and len(editor.model.saved) == count, timeout=OP_TIMEOUT)


def _stored(hall: Hall, sitting_id: int) -> list[minutes.EntryInfo]:
    with hall.database.session_scope() as session:
        return minutes.entries(session, sitting_id)


def test_a_prefix_names_the_speaker() -> None:
    people = [SpeakerChoice("申请人", "张丽"), SpeakerChoice("被申请人", "某某公司"),
              SpeakerChoice("调解员", "李华")]
    assert speaker_prefix("2：我方同意。", people) == (1, "我方同意。")
    assert speaker_prefix("3: 双方确认", people) == (2, "双方确认")
    assert speaker_prefix("张：要求赔偿", people) == (0, "要求赔偿")
    assert speaker_prefix("被申请人：不同意", people) == (1, "不同意")
    assert speaker_prefix("申请人：要求", people) == (0, "要求")  # the whole role, though 被申请人 holds it
    assert speaker_prefix("调解：", people) == (2, "")
    assert speaker_prefix("4：没有第四人", people) is None
    assert speaker_prefix("我认为：应当赔偿", people) is None  # names nobody: the entry as typed
    assert speaker_prefix("申请人要求停止侵权，理由如下：一、", people) is None  # too long for a prefix
    two = [SpeakerChoice("申请人", "张丽"), SpeakerChoice("申请人", "王芳")]
    assert speaker_prefix("申请人：", two) is None  # two applicants: which one is not guessed
    assert speaker_prefix("王：", two) == (1, "")


def test_typing_live_appends_and_saves_in_order(qtbot: QtBot, hall: Hall) -> None:
    sitting = hall.schedule()
    editor = _editor(qtbot, hall, sitting)
    assert editor.box.hasFocus() or editor.box.isVisible()
    assert "Ctrl+1" in editor.speaker_combo.itemText(APPLICANT)
    resets: list[bool] = []
    inserted: list[tuple[int, int]] = []
    editor.model.modelReset.connect(lambda: resets.append(True))
    editor.model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))

    qtbot.keyClick(editor.box, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert editor.speaker() == (AttendeeRole.MEDIATOR, "李华")
    type_text(editor.box, "告知双方权利义务。")
    qtbot.keyClick(editor.box, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    type_text(editor.box, "双方表示听清楚了。")
    assert editor.box.toPlainText() == "告知双方权利义务。\n双方表示听清楚了。"
    qtbot.keyClick(editor.box, Qt.Key.Key_Return)
    assert editor.box.toPlainText() == ""
    assert editor.model.rowCount() == 1  # appended at once, saving
    _saved(qtbot, editor, 1)
    assert editor.marker.text().startswith("Saved")

    # A prefix chooses the speaker and goes; Alt+Q makes it a question.
    type_text(editor.box, "1：")
    assert editor.speaker() == (AttendeeRole.APPLICANT, "张丽") and editor.box.toPlainText() == ""
    qtbot.keyClick(editor.box, Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)
    assert editor.kind() is EntryKind.QUESTION
    type_text(editor.box, "被申请人何时开始销售？")
    qtbot.keyClick(editor.box, Qt.Key.Key_Return)
    assert editor.kind() is EntryKind.ANSWER  # questions and answers alternate
    qtbot.keyClick(editor.box, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert editor.kind() is EntryKind.STATEMENT

    # Faster than the saves: every entry appended at once, all saved in the order typed.
    texts = [f"第{index}句，快速录入。" for index in range(1, 9)]
    for index, text in enumerate(texts):
        key = [Qt.Key.Key_1, Qt.Key.Key_2][index % 2]
        qtbot.keyClick(editor.box, key, Qt.KeyboardModifier.ControlModifier)
        type_text(editor.box, text)
        qtbot.keyClick(editor.box, Qt.Key.Key_Return)
    assert editor.model.rowCount() == 10
    _saved(qtbot, editor, 10)
    stored = _stored(hall, sitting.id)
    first = ["告知双方权利义务。\n双方表示听清楚了。", "被申请人何时开始销售？"]
    assert [entry.text for entry in stored] == [*first, *texts]
    assert [entry.seq for entry in stored] == list(range(1, 11))
    assert [entry.kind for entry in stored[:3]] == [EntryKind.STATEMENT, EntryKind.QUESTION,
                                                    EntryKind.STATEMENT]
    assert [entry.speaker for entry in stored[2:5]] == ["张丽", "李华", "张丽"]
    assert resets == []  # never a reset per entry
    assert inserted == [(row, row) for row in range(10)]
    assert editor.model.index(0, 4).data() == "告知双方权利义务。 ⏎ 双方表示听清楚了。"
    assert editor.model.index(0, 1).data() == stored[0].spoken_at.astimezone().strftime("%H:%M:%S")


def test_a_refused_save_puts_the_text_back(qtbot: QtBot, hall: Hall) -> None:
    sitting = hall.schedule()
    hall.say(sitting.id, "申请人陈述。")
    editor = _editor(qtbot, hall, sitting)
    assert editor.model.rowCount() == 1
    hall.close(sitting.id)  # sealed from another seat meanwhile
    qtbot.keyClick(editor.box, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    type_text(editor.box, "调解员补充说明。")
    qtbot.keyClick(editor.box, Qt.Key.Key_Return)
    type_text(editor.box, "第二句")
    qtbot.keyClick(editor.box, Qt.Key.Key_Return)
    type_text(editor.box, "正在输入")
    qtbot.waitUntil(lambda: editor.failure is not None and not editor.saving, timeout=OP_TIMEOUT)
    assert editor.model.rowCount() == 1  # the refused rows are gone from the list…
    # …and back in the box, in order, the second with its speaker's prefix
    assert editor.box.toPlainText() == "调解员补充说明。\n2：第二句\n正在输入"
    assert editor.speaker() == (AttendeeRole.MEDIATOR, "李华")
    assert editor.marker.text().startswith("Not saved:")
    assert "seal" in editor.marker.text().lower()
    assert len(_stored(hall, sitting.id)) == 1


def test_the_draft_is_kept_and_offered_back(qtbot: QtBot, hall: Hall) -> None:
    sitting = hall.schedule()
    editor = _editor(qtbot, hall, sitting)
    editor.draft_timer.setInterval(50)
    qtbot.keyClick(editor.box, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    type_text(editor.box, "调解员正在说")
    qtbot.waitUntil(lambda: editor.draft_saved is not None and not editor.saving, timeout=OP_TIMEOUT)
    assert "unconfirmed text kept" in editor.marker.text()
    with hall.database.session_scope() as session:
        draft = minutes.draft_of(session, hall.lihua, sitting.id)
    assert draft is not None and (draft.text, draft.speaker) == ("调解员正在说", "李华")

    again = _editor(qtbot, hall, sitting)
    assert again.offer_bar.isVisible() and "调解员正在说" in again.offer_label.text()
    assert again.box.toPlainText() == ""
    again.draft_timer.setInterval(50)
    qtbot.wait(200)  # the offer keeps the draft: an empty box does not remove it
    with hall.database.session_scope() as session:
        assert minutes.draft_of(session, hall.lihua, sitting.id) is not None
    qtbot.mouseClick(again.restore_button, Qt.MouseButton.LeftButton)
    assert again.box.toPlainText() == "调解员正在说"
    assert again.speaker() == (AttendeeRole.MEDIATOR, "李华")
    type_text(again.box, "完了。")
    qtbot.keyClick(again.box, Qt.Key.Key_Return)
    _saved(qtbot, again, 1)
    assert _stored(hall, sitting.id)[0].text == "调解员正在说完了。"
    with hall.database.session_scope() as session:
        assert minutes.draft_of(session, hall.lihua, sitting.id) is None


def test_notes_save_and_a_stale_save_keeps_the_text(qtbot: QtBot, hall: Hall) -> None:
    sitting = hall.schedule()
    editor = _editor(qtbot, hall, sitting)
    assert not editor.notes_button.isEnabled()
    editor.rights_check.setChecked(True)
    editor.risk_edit.setPlainText("已告知调解不成可能的诉讼风险。")
    assert editor.has_unsaved_edits() and editor.notes_button.isEnabled()
    qtbot.mouseClick(editor.notes_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.notes_op is None and not editor.has_unsaved_edits(), timeout=OP_TIMEOUT)
    with hall.database.session_scope() as session:
        info = sittings.sitting_info(session, sitting.id)
        assert (info.rights_explained, info.risk_warning) == (True, "已告知调解不成可能的诉讼风险。")
        sittings.set_notes(session, hall.lihua, sitting.id, info.revision, rights_explained=True,
                           risk_warning=info.risk_warning, findings="另一处写的意见", result="")
    editor.findings_edit.setPlainText("双方均认可侵权事实。")
    qtbot.mouseClick(editor.notes_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.notes_op is None, timeout=OP_TIMEOUT)
    assert "changed by someone else" in editor.notes_message.text()
    assert editor.findings_edit.toPlainText() == "双方均认可侵权事实。" and editor.has_unsaved_edits()


def test_close_and_seal_then_read_only_with_addendum_and_signing(qtbot: QtBot, hall: Hall) -> None:
    sitting = hall.schedule()
    editor = _editor(qtbot, hall, sitting)
    for text in ("我方要求停止侵权。", "被申请人同意下架商品。"):
        type_text(editor.box, text)
        qtbot.keyClick(editor.box, Qt.Key.Key_Return)
    _saved(qtbot, editor, 2)
    type_text(editor.box, "还没说完")
    qtbot.mouseClick(editor.seal_button, Qt.MouseButton.LeftButton)
    dialog = editor.dialog
    assert isinstance(dialog, SealDialog)
    assert dialog.findChild(QLabel, "unconfirmedWarning").isVisible()
    type_text(dialog.password, "wrong-password")
    dialog.attempt()
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=OP_TIMEOUT)
    assert dialog.isVisible() and editor.sitting is not None and not editor.sitting.sealed
    dialog.password.clear()
    type_text(dialog.password, MEDIATOR_PASSWORD)
    with qtbot.waitSignal(editor.changed, timeout=OP_TIMEOUT):
        dialog.attempt()
    qtbot.waitUntil(lambda: editor.sitting is not None and editor.sitting.sealed and editor.read_op is None,
                    timeout=OP_TIMEOUT)
    assert not editor.entry_panel.isVisible() and not editor.seal_button.isVisible()
    assert not editor.risk_edit.isEnabled()
    assert editor.marker.text().startswith("Sealed")
    seal_text = editor.seal_view.toPlainText()
    assert "李华（lihua）" in seal_text or "李华 (lihua)" in seal_text
    assert editor.sealed[0].record_sha256 in seal_text
    with hall.database.session_scope() as session:
        assert minutes.draft_of(session, hall.lihua, sitting.id) is None

    # A correction: the reason is required; the sealed minutes stay as they are.
    editor.table.selectRow(1)
    qtbot.mouseClick(editor.addendum_button, Qt.MouseButton.LeftButton)
    addendum = editor.dialog
    assert isinstance(addendum, AddendumDialog)
    assert addendum.entry_combo.currentData() == 2
    type_text(addendum.text, "被申请人同意三日内下架商品。")
    type_text(addendum.password, MEDIATOR_PASSWORD)
    addendum.attempt()
    qtbot.waitUntil(lambda: addendum.message.text() != "", timeout=OP_TIMEOUT)
    assert addendum.isVisible()
    type_text(addendum.reason, "漏记期限")
    with qtbot.waitSignal(editor.changed, timeout=OP_TIMEOUT):
        addendum.attempt()
    qtbot.waitUntil(lambda: len(editor.sealed) == 2 and editor.read_op is None, timeout=OP_TIMEOUT)
    assert "漏记期限" in editor.seal_view.toPlainText()
    assert [entry.text for entry in editor.model.saved] == ["我方要求停止侵权。", "被申请人同意下架商品。"]

    qtbot.mouseClick(editor.signing_button, Qt.MouseButton.LeftButton)
    signing = editor.dialog
    assert isinstance(signing, SigningDialog)
    assert signing.name_combo.currentText() == "张丽" and signing.role_combo.currentData() == "applicant"
    with qtbot.waitSignal(editor.changed, timeout=OP_TIMEOUT):
        signing.attempt()
    qtbot.waitUntil(lambda: editor.read_op is None and bool(editor.sealed[0].signings), timeout=OP_TIMEOUT)
    assert "张丽" in editor.seal_view.toPlainText()


def test_search_jumps_to_the_entry_in_another_sitting(qtbot: QtBot, hall: Hall) -> None:
    first = hall.schedule()
    second = hall.schedule(place="第二调解室")
    for index in range(30):
        hall.say(first.id, f"第一次调解第{index}句。")
    hall.say(second.id, "被申请人愿意赔偿两万元。")
    editor = _editor(qtbot, hall, first)
    type_text(editor.search_edit, "两万元")
    qtbot.keyClick(editor.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.hits.count() == 1, timeout=OP_TIMEOUT)
    editor.hits.setCurrentRow(0)
    qtbot.keyClick(editor.hits, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.sitting is not None and editor.sitting.id == second.id
                    and editor.read_op is None, timeout=OP_TIMEOUT)
    assert editor.table.currentIndex().row() == 0
    editor.search_edit.clear()
    type_text(editor.search_edit, "第25句")
    qtbot.keyClick(editor.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.hits.count() == 1 and editor.search_op is None, timeout=OP_TIMEOUT)
    qtbot.keyClick(editor.hits, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.sitting is not None and editor.sitting.id == first.id
                    and editor.read_op is None and editor.table.currentIndex().row() == 25,
                    timeout=OP_TIMEOUT)


def test_a_mediator_not_assigned_reads_only(qtbot: QtBot, hall: Hall) -> None:
    sitting = hall.schedule()
    hall.say(sitting.id, "申请人陈述。")
    editor = _editor(qtbot, hall, sitting, actor=hall.wangwu)
    assert editor.model.rowCount() == 1
    assert not editor.entry_panel.isVisible() and not editor.seal_button.isEnabled()
    assert editor.marker.text().startswith("Read only:")
    assert editor.confirm() is None


def test_signing_out_keeps_the_draft_without_asking(qtbot: QtBot, hall: Hall) -> None:
    sitting = hall.schedule()
    window = attached_window(qtbot, hall.store, "昆明市知识产权纠纷人民调解委员会", SignedInUser(hall.lihua))
    assert window.cases_page is not None
    window.open_sitting(hall.number, sitting.id)
    editor = window.cases_page.open_case(hall.number).sittings.editor
    qtbot.waitUntil(lambda: editor.sitting is not None and editor.box.isVisible(), timeout=OP_TIMEOUT)
    type_text(editor.box, "签退前未确认的话")
    editor.draft_timer.stop()  # kept by signing out, not by the timer
    assert window.cases_page.unsaved_work() == []  # nothing to ask about: it is kept
    window.sign_out()
    qtbot.waitUntil(lambda: window.next_sign_in is not None, timeout=OP_TIMEOUT)
    with hall.database.session_scope() as session:
        draft = minutes.draft_of(session, hall.lihua, sitting.id)
    assert draft is not None and draft.text == "签退前未确认的话"
    window.ready_to_close = True
    close_window(qtbot, window)


def test_investigation_alternates_question_and_answer(qtbot: QtBot, hall: Hall) -> None:
    attendees = (Attendee(AttendeeRole.MEDIATOR, "李华", login="lihua"),
                 Attendee(AttendeeRole.INTERVIEWEE, "赵六"))
    sitting = hall.schedule(kind=SittingKind.INVESTIGATION, attendees=attendees)
    editor = _editor(qtbot, hall, sitting)
    assert editor.kind() is EntryKind.QUESTION
    for text in ("你在哪里购买的？", "在网店。", "何时购买？", "三月。"):
        type_text(editor.box, text)
        qtbot.keyClick(editor.box, Qt.Key.Key_Return)
    _saved(qtbot, editor, 4)
    stored = _stored(hall, sitting.id)
    assert [entry.kind for entry in stored] == [EntryKind.QUESTION, EntryKind.ANSWER] * 2
    assert [entry.speaker for entry in stored] == ["李华", "赵六"] * 2


def test_the_editor_fits_1024_by_700_in_chinese(qtbot: QtBot, hall: Hall, chinese: None) -> None:
    sitting = hall.schedule(matter="某某商标侵权及不正当竞争纠纷的赔偿数额")
    for index in range(40):
        hall.say(sitting.id, f"第{index}句：申请人要求被申请人立即停止销售侵权商品，并赔偿经济损失五万元。")
    window = attached_window(qtbot, hall.store, "昆明市知识产权纠纷人民调解委员会", SignedInUser(hall.lihua))
    window.resize(1024, 700)
    assert window.cases_page is not None
    window.open_sitting(hall.number, sitting.id)
    editor = window.cases_page.open_case(hall.number).sittings.editor
    qtbot.waitUntil(lambda: editor.sitting is not None and editor.box.isVisible() and not editor.loading,
                    timeout=OP_TIMEOUT)
    qtbot.wait(50)
    assert cut_widgets(window) == []
    assert editor.table.viewport().height() > 8 * editor.table.verticalHeader().defaultSectionSize()
    window.ready_to_close = True
    close_window(qtbot, window)


@pytest.mark.parametrize("leaving", ["lock", "close-tab", "switch-tab"])
def test_locking_or_closing_the_case_keeps_the_draft(qtbot: QtBot, hall: Hall, leaving: str) -> None:
    sitting = hall.schedule()
    window = attached_window(qtbot, hall.store, "昆明市知识产权纠纷人民调解委员会", SignedInUser(hall.lihua))
    assert window.cases_page is not None
    window.open_sitting(hall.number, sitting.id)
    workspace = window.cases_page.open_case(hall.number)
    editor = workspace.sittings.editor
    qtbot.waitUntil(lambda: editor.sitting is not None and editor.box.isVisible(), timeout=OP_TIMEOUT)
    type_text(editor.box, "尚未确认的一句")
    editor.draft_timer.stop()  # kept by leaving, not by the timer
    if leaving == "lock":
        window.lock(ask=False)
    elif leaving == "close-tab":
        assert window.cases_page.close_tab(window.cases_page.tabs.indexOf(workspace)) is None  # not asked
    else:
        workspace.tabs.setCurrentWidget(workspace.timeline)

    def kept() -> bool:
        with hall.database.session_scope() as session:
            draft = minutes.draft_of(session, hall.lihua, sitting.id)
        return draft is not None and draft.text == "尚未确认的一句"

    qtbot.waitUntil(kept, timeout=OP_TIMEOUT)
    window.ready_to_close = True
    close_window(qtbot, window)
