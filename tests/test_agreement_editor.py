"""The agreement editor (人民调解协议书) driven through its real widgets (pytest-qt, SQLite): opened for a
case in mediation, clauses added from the templates of its type, a sum typed (what is not money refused as it
is typed), the live preview rendered off the GUI thread after a pause in typing (never two renders at once),
problems listed by field (choosing one moves the keyboard there) and cleared, a 确权 clause warned about,
a character the font lacks said above the preview while the old one stays, Ctrl+S saving a version, a
stale save keeping what was typed, reopening loading the saved draft, unsaved changes asked about, and
finalising with the mediator's password: read-only afterwards, the case moved to 达成协议."""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.cases import matters, outcomes, parties
from desktop.core.cases.deadlines import office_today
from desktop.core.cases.outcomes import OutcomeInput, OutcomeKind, Signing
from desktop.core.cases.workflow import CaseStatus
from desktop.core.documents import agreement
from desktop.core.documents.agreement import Clause, ClauseKind, Instalment
from desktop.core.documents.agreement_model import BLANK
from desktop.core.storage.store import OpenStore
from desktop.core.trust.sign_in import SignedInUser
from desktop.ui.documents.agreement_editor import AgreementEditor
from desktop.ui.documents.agreement_finalise import FinaliseDialog
from desktop.ui.documents.agreement_problems import field_words
from desktop.ui.framework.i18n import label
from tests.qt_helpers import Heartbeat, settled, type_text
from tests.test_agreements import Table, good_draft
from tests.test_case_workspace import OP_TIMEOUT
from tests.test_case_workspace import chinese as chinese  # the fixture
from tests.test_responsive import LONGEST_GAP_MS

PASSWORD = "mediator-pass-1"
LACKING = "𪚥"  # CJK Extension B: in no face Mediseal uses


@pytest.fixture
def backend() -> str:
    return "sqlite"  # a GUI test: SQLite only (the services are tested on both)


@pytest.fixture
def table(store: OpenStore) -> Table:
    return Table(store)


@dataclass
class Renders:
    """Each ``render_draft`` call: the thread it ran on, and the most that ran at once."""

    threads: list[str] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    running: int = 0
    most: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> Iterator[Renders]:
    seen = Renders()
    real = agreement.render_draft

    def recording(*args: Any, **kwargs: Any) -> bytes:
        with seen.lock:
            seen.threads.append(threading.current_thread().name)
            seen.running += 1
            seen.most = max(seen.most, seen.running)
        started = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            with seen.lock:
                seen.running -= 1
                seen.seconds.append(time.perf_counter() - started)

    monkeypatch.setattr(agreement, "render_draft", recording)
    yield seen


def _editor(qtbot: QtBot, table: Table, number: str) -> AgreementEditor:
    editor = AgreementEditor(table.store, SignedInUser(table.lihua), number)
    qtbot.addWidget(editor)
    editor.resize(1024, 700)
    editor.show()
    qtbot.waitExposed(editor)
    _settled(qtbot, editor)
    return editor


def _settled(qtbot: QtBot, editor: AgreementEditor) -> None:
    """Wait until the editor has read, saved and rendered all it was asked to."""
    settled(qtbot, editor, timeout=OP_TIMEOUT)


def _replace(widget: QWidget, text: str) -> None:
    """Select everything in ``widget`` and type ``text`` over it, as a user would."""
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(widget, Qt.Key.Key_Delete)
    type_text(widget, text)


def _pdf_text(data: bytes, folder: Path) -> str:
    path = folder / "preview.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return "".join(out.split())


def _fill(qtbot: QtBot, editor: AgreementEditor) -> None:
    """Fill what the suggested start leaves open: the responsibility, each blank, the performance."""
    form = editor.form
    _replace(form.responsibility, "被申请人未经许可使用申请人注册商标，应承担侵权责任。")
    clauses = form.clauses
    for row in range(clauses.list.count()):
        clauses.list.setCurrentRow(row)
        if BLANK in clauses.text_edit.toPlainText():
            _replace(clauses.text_edit, clauses.text_edit.toPlainText().replace(BLANK, "十"))
    _replace(form.manner, "银行转账")
    _replace(form.place, "昆明市")
    deadline = office_today() + timedelta(days=60)
    form.deadline.setFocus()
    form.deadline.setDate(QDate(deadline.year, deadline.month, deadline.day))
    form.deadline.userDateChanged.emit(form.deadline.date())  # as the calendar popup's choice does


def test_writing_an_agreement_from_templates_to_a_saved_draft(qtbot: QtBot, table: Table, renders: Renders,
                                                              tmp_path: Path, chinese: None) -> None:
    number = table.mediating()
    editor = _editor(qtbot, table, number)
    form, clauses = editor.form, editor.form.clauses
    # A suggested start: the case's account as the facts, its requests, the trademark templates.
    assert "被申请人在其网店销售" in form.facts.toPlainText()
    assert [clause.kind for clause in clauses.clauses][:2] == [ClauseKind.STOP_USE, ClauseKind.DESTROY_STOCK]
    assert editor.pdf.page_count > 0 and "草稿" in editor.heading.text() + _pdf_text(editor.rendered.pdf,
                                                                                     tmp_path)
    assert renders.threads and threading.main_thread().name not in renders.threads  # on a worker thread
    assert "张丽" in form.parties.text() and "云南普洱茶业有限公司" in form.parties.text()

    # Clauses from the templates: all removed, then two added from the menu of the type's templates.
    clauses.list.setCurrentRow(0)
    while clauses.clauses:
        QTest.mouseClick(clauses.remove_button, Qt.MouseButton.LeftButton)
    actions = {action.objectName(): action for action in clauses.template_menu.actions()}
    assert len(actions) == 5 and not clauses.remove_button.isEnabled()
    kinds = [template.kind for template in clauses.templates]
    actions[f"template{kinds.index(ClauseKind.STOP_USE)}"].trigger()
    actions[f"template{kinds.index(ClauseKind.COMPENSATION)}"].trigger()
    assert [clause.kind for clause in clauses.clauses] == [ClauseKind.STOP_USE, ClauseKind.COMPENSATION]
    assert clauses.list.currentRow() == 1
    assert clauses.list.item(1).text().startswith(f"2. {label(ClauseKind.COMPENSATION)}  被申请人向申请人")

    # A sum, typed: a letter and a third decimal place are refused as they are typed.
    type_text(clauses.amount.line, "12a3.456")
    assert clauses.amount.text() == "123.45"
    assert clauses.amount.capitals.text() == "人民币壹佰贰拾叁元肆角伍分"
    _replace(clauses.amount.line, "16409.02")
    assert clauses.amount.capitals.text() == "人民币壹万陆仟肆佰零玖元零贰分"

    # The preview follows once typing pauses: one render for keystrokes that come faster than the pause.
    _settled(qtbot, editor)
    before = len(renders.threads)
    clauses.text_edit.setFocus()
    clauses.text_edit.moveCursor(clauses.text_edit.textCursor().MoveOperation.End)
    for char in "（含律师费）":
        type_text(clauses.text_edit, char)
        qtbot.wait(60)
    _settled(qtbot, editor)
    assert len(renders.threads) == before + 1 and renders.most == 1
    assert editor.rendered is not None and editor.rendered.pdf is not None
    printed = _pdf_text(editor.rendered.pdf, tmp_path)
    assert "壹万陆仟肆佰零玖元零贰分" in printed and "含律师费" in printed

    # Problems, naming each field: the responsibility is empty, the clauses have blanks to fill.
    texts = editor.problems.texts()
    assert any(text.startswith("“责任") or "责任" in text.split("”")[0] for text in texts), texts
    assert any("条款 1" in text and "____" in text for text in texts), texts
    row = editor.problems.codes.index("responsibility")
    item = editor.problems.list.item(row)
    QTest.mouseClick(editor.problems.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=editor.problems.list.visualItemRect(item).center())
    assert QApplication.focusWidget() is form.responsibility
    # A problem inside a clause shows that clause and focuses its part.
    clauses.list.setCurrentRow(1)
    editor.focus_field("clauses[1].text")
    assert clauses.list.currentRow() == 0 and QApplication.focusWidget() is clauses.text_edit

    # Finalise is refused while they stand, naming them; the keyboard goes to the first.
    QTest.mouseClick(editor.finalise_button, Qt.MouseButton.LeftButton)
    _settled(qtbot, editor)
    assert editor.finalise_dialog is None
    assert editor.message.text().startswith("未定稿") and "各方责任" in editor.message.text()
    assert "条款 1 内容" in editor.message.text()
    assert QApplication.focusWidget() is form.responsibility

    # Filled in, nothing is left in the way.
    _fill(qtbot, editor)
    _settled(qtbot, editor)
    assert editor.problems.texts() == [], editor.problems.texts()
    assert not editor.problems.list.isVisible() and not editor.problems.warnings.isVisible()

    # Ctrl+S saves version 1.
    assert editor.has_unsaved_edits()
    with qtbot.waitSignal(editor.saved, timeout=OP_TIMEOUT) as saved:
        QTest.keyClick(form.facts, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert saved.args == [1] and not editor.has_unsaved_edits() and "1" in editor.state.text()
    with table.database.session_scope() as session:
        stored, version = agreement.load_draft(session, number)
    assert version == 1 and stored is not None
    assert [clause.amount for clause in stored.clauses] == [None, Decimal("16409.02")]
    assert stored.responsibility == "被申请人未经许可使用申请人注册商标，应承担侵权责任。"
    editor.close()
    assert not editor.isVisible()  # nothing unsaved: nothing asked

    # Reopened: the saved draft, not a suggested start.
    again = _editor(qtbot, table, number)
    assert again.version == 1 and not again.has_unsaved_edits()
    assert again.form.responsibility.toPlainText() == stored.responsibility
    assert [clause.kind for clause in again.form.clauses.clauses] == [ClauseKind.STOP_USE,
                                                                        ClauseKind.COMPENSATION]
    again.form.clauses.list.setCurrentRow(1)
    assert again.form.clauses.amount.text() == "16409.02"
    assert again.problems.texts() == []

    # Finalised with the mediator's password (a wrong one refused, the dialog stays): sealed, read-only.
    QTest.mouseClick(again.finalise_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: again.finalise_dialog is not None and again.finalise_dialog.isVisible(),
                    timeout=OP_TIMEOUT)
    dialog = again.finalise_dialog
    assert isinstance(dialog, FinaliseDialog) and len(dialog.signatures) == 2
    type_text(dialog.password, "wrong-password-1")
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.op is None, timeout=OP_TIMEOUT)
    assert dialog.isVisible() and dialog.message.text()
    _replace(dialog.password, PASSWORD)
    with qtbot.waitSignal(again.finalised, timeout=OP_TIMEOUT):
        QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    _settled(qtbot, again)
    assert again.read_only and again.form.facts.isReadOnly() and not again.save_button.isEnabled()
    assert not again.finalise_button.isEnabled() and again.supplement_button.isVisible()
    assert not again.form.clauses.blank_button.isEnabled() and again.form.clauses.amount.line.isReadOnly()
    assert "已由李华（lihua）签章" in again.state.text()
    sealed = _pdf_text(again.read.sealed_pdf if again.read else b"", tmp_path)
    assert "草稿" not in sealed and "壹万陆仟肆佰零玖元零贰分" in sealed and again.pdf.page_count > 0
    with table.database.session_scope() as session:
        assert matters.case_info(session, number).status is CaseStatus.AGREEMENT  # 达成协议
        assert agreement.current_agreement(session, number) is not None
    type_text(again.form.facts, "改")
    assert not again.has_unsaved_edits() and "改" not in again.form.facts.toPlainText()

    # Afterwards a supplementary agreement is what changes it.
    QTest.mouseClick(again.supplement_button, Qt.MouseButton.LeftButton)
    _settled(qtbot, again)
    assert not again.read_only and "补充协议" in again.windowTitle()
    assert again.form.supplements is not None and again.has_unsaved_edits()
    again.activateWindow()  # the finalise dialog closed: the editor is the active window again
    qtbot.waitUntil(again.isActiveWindow)
    with qtbot.waitSignal(again.saved, timeout=OP_TIMEOUT):
        QTest.keyClick(again.form.facts, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with table.database.session_scope() as session:
        supplement, _version = agreement.load_draft(session, number)
    assert supplement is not None and supplement.supplements == again.form.supplements


def test_a_missing_glyph_keeps_the_old_preview_and_确权_is_warned_about(qtbot: QtBot, table: Table,
                                                                       chinese: None) -> None:
    editor = _editor(qtbot, table, table.mediating())
    pages = editor.pdf.page_count
    assert pages > 0 and not editor.render_message.isVisible()
    shown = editor.pdf.document
    type_text(editor.form.facts, LACKING)
    _settled(qtbot, editor)
    assert editor.render_message.isVisible() and LACKING in editor.render_message.text()
    assert editor.pdf.document is shown and editor.pdf.page_count == pages  # the old preview stays
    assert any(LACKING in text and "主要事实" in text for text in editor.problems.texts())
    _replace(editor.form.facts, "被申请人在其网店销售标有申请人商标的茶叶。")
    _settled(qtbot, editor)
    assert not editor.render_message.isVisible() and editor.pdf.document is not shown

    # A clause confirming who owns the mark: a warning in amber, not a problem. The preview, scrolled down
    # to read the clauses, stays where the reader was.
    QTest.mouseClick(editor.pdf.zoom_in_button, Qt.MouseButton.LeftButton)
    zoom = editor.pdf.effective_zoom()
    bar = editor.pdf.view.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    where = bar.value()
    shown = editor.pdf.document
    clauses = editor.form.clauses
    clauses.list.setCurrentRow(len(clauses.clauses) - 1)
    _replace(clauses.text_edit, "双方确认第1234567号注册商标归申请人所有。")
    _settled(qtbot, editor)
    qtbot.wait(20)
    assert editor.pdf.document is not shown and bar.value() == where
    assert editor.pdf.effective_zoom() == pytest.approx(zoom)
    warning = editor.problems.warnings
    assert warning.isVisible() and "确权" in warning.text() and "第三百五十五条" in warning.text()
    assert not any("确权" in text for text in editor.problems.texts())


def test_a_stale_save_keeps_what_was_typed(qtbot: QtBot, table: Table, chinese: None) -> None:
    number = table.mediating()
    editor = _editor(qtbot, table, number)
    with table.database.session_scope() as session:  # another seat saves first
        theirs = agreement.draft_template(session, number)
        agreement.save_draft(session, table.lihua, number, theirs, 0)
    _replace(editor.form.disputed, "赔偿数额。")
    with qtbot.waitSignal(editor.live.rendered, timeout=OP_TIMEOUT):
        QTest.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    _settled(qtbot, editor)
    assert "版本" in editor.message.text() and editor.switch_button.isVisible()
    assert editor.form.disputed.toPlainText() == "赔偿数额。" and editor.has_unsaved_edits()
    QTest.mouseClick(editor.switch_button, Qt.MouseButton.LeftButton)
    _settled(qtbot, editor)
    assert editor.form.disputed.toPlainText() == theirs.disputed and editor.version == 1
    QTest.mouseClick(editor.switch_button, Qt.MouseButton.LeftButton)  # back to mine
    assert editor.form.disputed.toPlainText() == "赔偿数额。"
    with qtbot.waitSignal(editor.saved, timeout=OP_TIMEOUT) as saved:
        QTest.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert saved.args == [2] and not editor.switch_button.isVisible()
    with table.database.session_scope() as session:
        stored, _version = agreement.load_draft(session, number)
    assert stored is not None and stored.disputed == "赔偿数额。"

    # Typed on while a save runs: that save does not cover it, so it is still unsaved.
    with qtbot.waitSignal(editor.saved, timeout=OP_TIMEOUT) as saved:
        type_text(editor.form.disputed, "甲")
        QTest.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
        type_text(editor.form.disputed, "乙")
    assert saved.args == [3] and editor.has_unsaved_edits()


def test_closing_with_unsaved_changes_asks(qtbot: QtBot, table: Table, chinese: None) -> None:
    editor = _editor(qtbot, table, table.mediating())
    type_text(editor.form.responsibility, "双方各自承担。")
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    box = editor.confirm_box
    assert box is not None and box.isVisible() and editor.isVisible()
    keep = next(button for button in box.buttons()
                if box.buttonRole(button) == QMessageBox.ButtonRole.RejectRole)
    keep.click()
    assert editor.isVisible() and editor.form.responsibility.toPlainText() == "双方各自承担。"
    editor.close()
    box = editor.confirm_box
    assert box is not None
    discard = next(button for button in box.buttons()
                   if box.buttonRole(button) == QMessageBox.ButtonRole.DestructiveRole)
    discard.click()
    assert not editor.isVisible()

    # The parties are edited on the Parties tab: the link closes the editor (nothing unsaved: no question).
    editor = _editor(qtbot, table, table.mediating())
    with qtbot.waitSignal(editor.parties_requested, timeout=OP_TIMEOUT):
        editor.form.parties_link.linkActivated.emit("#parties")
    assert not editor.isVisible()


def test_keyboard_reaches_every_field_and_ctrl_enter_adds_a_clause(qtbot: QtBot, table: Table) -> None:
    editor = _editor(qtbot, table, table.mediating())
    form = editor.form
    count = len(form.clauses.clauses)
    form.facts.setFocus()
    QTest.keyClick(form.facts, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(form.clauses.clauses) == count + 1
    assert QApplication.focusWidget() is form.clauses.text_edit and form.clauses.list.currentRow() == count
    assert form.facts.toPlainText().count("\n") == 0  # the keystroke added a clause, not a line
    reached: set[int] = set()
    form.parties_link.setFocus()
    for _ in range(60):
        widget = QApplication.focusWidget()
        assert widget is not None
        reached.add(id(widget))
        QTest.keyClick(widget, Qt.Key.Key_Tab)
    wanted = [form.facts, form.disputed, form.responsibility, form.clauses.list, form.clauses.kind_combo,
              form.clauses.text_edit, form.clauses.amount.line, form.clauses.due, form.manner, form.place,
              form.deadline, form.breach, form.copies]
    assert all(id(widget) in reached for widget in wanted), [widget.objectName() for widget in wanted
                                                             if id(widget) not in reached]


def test_instalments_and_the_order_of_clauses(qtbot: QtBot, table: Table, chinese: None) -> None:
    number = table.mediating()
    with table.database.session_scope() as session:
        agreement.save_draft(session, table.lihua, number, good_draft(), 0)
    editor = _editor(qtbot, table, number)
    clauses = editor.form.clauses
    assert editor.problems.texts() == []
    # The clause paid in instalments: a third instalment breaks the sum, and the problem names it.
    clauses.list.setCurrentRow(1)
    assert [row.amount.text() for row in clauses.instalment_rows] == ["6409.02", "10000.00"]
    QTest.mouseClick(clauses.add_instalment_button, Qt.MouseButton.LeftButton)
    third = clauses.instalment_rows[2]
    assert QApplication.focusWidget() is third.amount.line
    assert third.due.date() > clauses.instalment_rows[1].due.date()  # a month after the one before
    type_text(third.amount.line, "100")
    _settled(qtbot, editor)
    codes = editor.problems.codes
    assert "clauses[2].instalments" in codes, codes
    row = codes.index("clauses[2].instalments")
    assert "条款 2 分期" in editor.problems.texts()[row]
    clauses.list.setCurrentRow(0)
    editor.focus_field("clauses[2].instalments[3].amount")
    assert clauses.list.currentRow() == 1
    assert QApplication.focusWidget() is clauses.instalment_rows[2].amount.line
    QTest.mouseClick(clauses.instalment_rows[2].remove_button, Qt.MouseButton.LeftButton)
    assert len(clauses.instalment_rows) == 2
    # Moved up and down, the list renumbers; the draft follows.
    clauses.list.setCurrentRow(2)
    QTest.mouseClick(clauses.up_button, Qt.MouseButton.LeftButton)
    assert clauses.list.currentRow() == 1 and [clause.kind for clause in clauses.clauses] == [
        ClauseKind.STOP_USE, ClauseKind.OTHER, ClauseKind.COMPENSATION]
    assert clauses.list.item(1).text().startswith("2. ")
    QTest.mouseClick(clauses.down_button, Qt.MouseButton.LeftButton)
    assert [clause.kind for clause in clauses.clauses] == [ClauseKind.STOP_USE, ClauseKind.COMPENSATION,
                                                             ClauseKind.OTHER]
    _settled(qtbot, editor)
    assert editor.problems.texts() == []
    draft, typed = editor.form.draft()
    assert draft == good_draft() and typed == []


def test_a_user_who_may_not_act_sees_it_read_only(qtbot: QtBot, table: Table, chinese: None) -> None:
    number = table.mediating()
    editor = AgreementEditor(table.store, SignedInUser(table.clerk), number)
    qtbot.addWidget(editor)
    editor.show()
    _settled(qtbot, editor)
    assert editor.read_only and not editor.save_button.isEnabled() and not editor.finalise_button.isEnabled()
    assert editor.state.text().startswith("只读") and editor.form.facts.isReadOnly()
    assert editor.pdf.page_count > 0  # the draft can still be read
    assert editor.save() is None and editor.finalise() is None


def test_every_field_a_problem_names_has_its_words_and_its_widget(qtbot: QtBot, table: Table,
                                                                    chinese: None) -> None:
    number = table.mediating()
    editor = _editor(qtbot, table, number)
    past = office_today() - timedelta(days=3)
    bad = replace(good_draft(), facts="", disputed=LACKING, responsibility=BLANK, performance_manner="",
                  performance_place=BLANK, performance_deadline=past, breach_liability=BLANK, copies=1,
                  clauses=(Clause(ClauseKind.OTHER, "", Decimal("0"), due_on=past),
                           Clause(ClauseKind.COMPENSATION, "付款", Decimal("100"),
                                  (Instalment(past, Decimal("60")), Instalment(past, Decimal("0.005"))),
                                  due_on=past)))
    with table.database.session_scope() as session:
        found = agreement.problems(session, number, bad)
    assert len({problem.field for problem in found}) >= 12
    editor.form.load(bad)
    for problem in found:
        assert field_words(problem.field) != problem.field, problem.field
        editor.activateWindow()
        assert editor.form.focus_field(problem.field), problem.field


def test_typing_stays_live_while_a_long_agreement_renders(qtbot: QtBot, table: Table,
                                                          renders: Renders) -> None:
    number = table.mediating()
    text = "被申请人自本协议生效之日起十日内停止销售侵权商品并删除全部网络链接。"
    many = tuple(Clause(ClauseKind.OTHER, f"第{index}项：{text}") for index in range(40))
    with table.database.session_scope() as session:
        agreement.save_draft(session, table.lihua, number, replace(good_draft(), clauses=many), 0)
    editor = _editor(qtbot, table, number)
    assert editor.pdf.page_count >= 4
    heartbeat = Heartbeat()
    for char in "补充说明":
        type_text(editor.form.breach, char)
        qtbot.wait(450)  # a pause: each keystroke's render starts while the next is typed
    _settled(qtbot, editor)
    gap = heartbeat.stop()
    assert len(renders.threads) >= 4 and renders.most == 1
    assert max(renders.seconds) * 1000 > LONGEST_GAP_MS  # a render on the GUI thread would show
    assert gap < LONGEST_GAP_MS, f"the window stalled {gap} ms"


def test_finalising_after_the_outcome_was_recorded_uses_its_signatures(qtbot: QtBot, table: Table,
                                                                       chinese: None) -> None:
    number = table.mediating()
    signed_on = office_today() - timedelta(days=1)  # yesterday: the dialog's default days would differ
    with table.database.session_scope() as session:
        agreement.save_draft(session, table.lihua, number, good_draft(), 0)
        signings = tuple(Signing(party.id, signed_on) for party in parties.list_parties(session, number))
        outcomes.record_outcome(session, table.lihua, number, OutcomeInput(
            OutcomeKind.WRITTEN_AGREEMENT, signed_on, signings, mediator_signed_on=signed_on))
    editor = _editor(qtbot, table, number)
    assert not editor.read_only  # recorded, not yet sealed: the agreement is still to finalise
    QTest.mouseClick(editor.finalise_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.finalise_dialog is not None and editor.finalise_dialog.isVisible(),
                    timeout=OP_TIMEOUT)
    dialog = editor.finalise_dialog
    assert isinstance(dialog, FinaliseDialog) and dialog.signatures == []
    recorded = dialog.signed_as_recorded.text()
    assert "张丽" in recorded and signed_on.isoformat() in recorded
    type_text(dialog.password, PASSWORD)
    with qtbot.waitSignal(editor.finalised, timeout=OP_TIMEOUT):
        QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    _settled(qtbot, editor)
    assert editor.read_only
    with table.database.session_scope() as session:
        sealed = agreement.current_agreement(session, number)
        assert sealed is not None and len(outcomes.list_outcomes(session, number)) == 1
        assert sealed.outcome_id == outcomes.list_outcomes(session, number)[0].id
