"""The issue's "Done when" in the window, on SQLite and PostgreSQL: a mediator's whole day through the real
widgets, with a power cut in the middle of the sitting.

The committee and a case in mediation are set up with the services (an applicant with her lawyer, a
company respondent, mediator 李华 with her signing key). The real app, in its own process
(tests/day_child.py), schedules a sitting through the sitting dialog and types the minutes live; it is
killed (SIGKILL) while an entry is still unconfirmed. Started again here (pytest-qt): the draft is offered
back, restored and confirmed; the notes are filled; the minutes are closed and sealed with the password,
their signing by the applicant recorded, an entry corrected by an addendum. Then the Outcome tab: a
written agreement signed by both parties, a payment in two instalments, each paid with a proof file taken
into the vault (履行中, then 已履行); the Follow-up tab: a visit; the Case file tab: scanned papers filed into
the required parts, the cover filled, the file archived complete (no reason asked) and the workspace
read-only. Afterwards the store verifies clean, and a minutes entry changed behind the app's back is
named by verification (its sitting and its seq)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMessageBox, QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop.config import Settings
from desktop.core.cases import matters, minutes, parties, progress, sittings
from desktop.core.cases.agents import AgentKind, Authority, agent
from desktop.core.cases.deadlines import office_today
from desktop.core.cases.file_parts import FilePart
from desktop.core.cases.workflow import CaseStatus
from desktop.core.evidence.items import list_items
from desktop.core.storage.store import OpenStore, open_store
from desktop.core.trust import signing_keys
from desktop.core.trust.sign_in import SignedInUser
from desktop.core.verification.codes import FindingCode
from desktop.core.verification.store import verify_store
from desktop.ui.cases.case_file_view import CaseFileView
from desktop.ui.cases.minutes_dialogs import AddendumDialog, SealDialog, SigningDialog
from desktop.ui.cases.minutes_editor import MinutesEditor
from desktop.ui.cases.outcome_dialog import OutcomeDialog
from desktop.ui.cases.performance_dialogs import DoneDialog, ObligationDialog
from desktop.ui.cases.visits_view import VisitDialog
from desktop.ui.cases.workspace import CaseWorkspace
from tests.day_child import ENTRIES, MATTER, PLACE, UNCONFIRMED
from tests.qt_helpers import close_window, launch_and_sign_in, settled, type_text
from tests.sitting_hall import MEDIATOR_PASSWORD as HALL_PASSWORD
from tests.sitting_hall import Hall
from tests.tamper import behind_the_triggers
from tests.test_cases import COMPANY, ZHANG, Committee

MEDIATOR, PASSWORD = "lihua", "mediator-pass-1"  # Committee's; her signing key has the same password
CHILD_TIMEOUT = 120
OP_TIMEOUT = 30_000
SEAL_TAB = 1  # the minutes editor's side panel: notes, then the seal (signings, addenda)
ADDENDUM_TEXT = "我方同意下架全部侵权商品，但认为赔偿数额过高。"
SCANS = {FilePart.RIGHTS_NOTICE: ["权利义务告知书（签字）.pdf"],
         FilePart.IDENTITY: ["张丽身份证.jpg", "营业执照副本.jpg"],
         FilePart.POWER_OF_ATTORNEY: ["授权委托书.pdf"]}
REQUIRED = (FilePart.APPLICATION, FilePart.RIGHTS_NOTICE, FilePart.IDENTITY, FilePart.POWER_OF_ATTORNEY,
            FilePart.MINUTES, FilePart.AGREEMENT)


class Day(Committee):
    """The committee, and a case of lihua's in mediation: 张丽 (applicant) with lawyer 周明, the company
    (respondent); lihua has a signing key."""

    def __init__(self, store: OpenStore) -> None:
        super().__init__(store)
        self.store = store
        self.number = self.open(self.clerk, title="普洱茶商标侵权纠纷")
        today = office_today()
        with self.database.session_scope() as session:
            progress.assign_mediator(session, self.admin, self.number, MEDIATOR, conflict=False)
            self.applicant = parties.add_party(session, self.lihua, self.number, "applicant", ZHANG).id
            self.respondent = parties.add_party(session, self.lihua, self.number, "respondent", COMPANY).id
            parties.add_agent(session, self.lihua, self.applicant, agent(
                "周明", AgentKind.LAWYER, Authority.SPECIAL, today, powers=("settle", "sign-agreement"),
                firm="云南滇池律师事务所", licence_number="15301201910123456", today=today))
            for target in (CaseStatus.ACCEPTED, CaseStatus.IN_MEDIATION):
                progress.move_case(session, self.lihua, self.number, target)
            signing_keys.new_key(session, self.lihua, PASSWORD)


def _click(qtbot: QtBot, button: QAbstractButton) -> None:
    assert button.isEnabled() and button.isVisible(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _dialog(workspace: CaseWorkspace, kind: type) -> QWidget:
    found = workspace.dialogs[-1]
    assert isinstance(found, kind), found
    return found


def _save(qtbot: QtBot, workspace: CaseWorkspace, button: QAbstractButton) -> None:
    """Confirm a workspace dialog with its button; wait until it saved, closed, and the case is read again."""
    with qtbot.waitSignal(workspace.case_changed, timeout=OP_TIMEOUT):
        _click(qtbot, button)
    qtbot.waitUntil(lambda: not workspace.dialogs, timeout=OP_TIMEOUT)
    settled(qtbot, workspace, workspace.outcome, workspace.visits)


def _files_chosen(monkeypatch: pytest.MonkeyPatch, paths: list[Path]) -> None:
    """The system's file chooser answers with ``paths`` (the only widget not driven: it is the OS's)."""
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *_args, **_kwargs: ([str(path) for path in paths], "")))


def _scan(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_bytes(("扫描件 " + name).encode("utf-8") * 64)
    return path


def _environment() -> dict[str, str]:
    kept = {key: value for key, value in os.environ.items() if not key.startswith("MEDISEAL_")}
    return {**kept, "QT_QPA_PLATFORM": "offscreen"}


def _morning_until_the_power_cut(settings: Settings, number: str) -> int:
    """The child app schedules the sitting and types the minutes; killed with an entry unconfirmed."""
    command = [sys.executable, "-m", "tests.day_child", str(settings.data_dir), settings.database_url or "",
               MEDIATOR, PASSWORD, number]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             cwd=Path(__file__).resolve().parent.parent, env=_environment())
    try:
        assert child.stdout is not None and child.stderr is not None
        first = child.stdout.readline().strip()
        assert first.startswith("ready "), child.stderr.read() if child.poll() is not None else first
        child.send_signal(signal.SIGKILL)  # a power cut: nothing of the app's shutdown runs
    finally:
        child.wait(timeout=CHILD_TIMEOUT)
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()
    assert child.returncode == -signal.SIGKILL
    return int(first.split()[1])


def _minutes(qtbot: QtBot, editor: MinutesEditor) -> None:
    """The draft restored and confirmed; the notes; close and seal; the signing; an addendum."""
    assert editor.offer_bar.isVisible() and UNCONFIRMED[3] in editor.offer_label.text()
    assert editor.box.toPlainText() == ""
    _click(qtbot, editor.restore_button)
    assert editor.box.toPlainText() == UNCONFIRMED[3]
    assert editor.speaker() == (UNCONFIRMED[1], UNCONFIRMED[2])
    type_text(editor.box, "第二期三十日内付清。")
    qtbot.keyClick(editor.box, Qt.Key.Key_Return)
    count = len(ENTRIES) + 1
    qtbot.waitUntil(lambda: not editor.saving and len(editor.model.saved) == count, timeout=OP_TIMEOUT)

    _click(qtbot, editor.rights_check)
    assert editor.rights_check.isChecked()
    type_text(editor.risk_edit, "已告知调解不成可依法向人民法院起诉及相应的诉讼风险。")
    type_text(editor.findings_edit, "被诉标识与申请人注册商标近似，双方均认可销售事实。")
    type_text(editor.result_edit, "双方达成分两期赔偿三万元的协议。")
    _click(qtbot, editor.notes_button)
    qtbot.waitUntil(lambda: editor.notes_op is None and not editor.has_unsaved_edits(), timeout=OP_TIMEOUT)
    assert editor.notes_message.text() == "Notes saved.", editor.notes_message.text()

    _click(qtbot, editor.seal_button)
    seal = editor.dialog
    assert isinstance(seal, SealDialog) and not seal.findChild(QWidget, "unconfirmedWarning").isVisible()
    type_text(seal.password, PASSWORD)
    with qtbot.waitSignal(editor.changed, timeout=OP_TIMEOUT):
        _click(qtbot, seal.ok_button)
    qtbot.waitUntil(lambda: editor.sitting is not None and editor.sitting.sealed and editor.read_op is None,
                    timeout=OP_TIMEOUT)
    assert not editor.entry_panel.isVisible() and not editor.risk_edit.isEnabled()
    assert editor.sealed[0].record_sha256 in editor.seal_view.toPlainText()
    workspace = editor.parent()
    while not isinstance(workspace, CaseWorkspace):
        workspace = workspace.parent()
    settled(qtbot, workspace, editor)
    if editor.side.currentIndex() != SEAL_TAB:
        # Defect (cosmetic, reported; test_the_seal_tab_stays_shown_after_sealing): the editor turns to
        # its seal tab before it has read the sealed sitting; a workspace refresh landing in between shows
        # the old, unsealed state, which disables that tab, and Qt turns to the next one (Search). The
        # user turns to the Seal tab, as done here.
        bar = editor.side.tabBar()
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(SEAL_TAB).center())
    assert editor.side.currentIndex() == SEAL_TAB

    _click(qtbot, editor.signing_button)
    signing = editor.dialog
    assert isinstance(signing, SigningDialog)
    assert signing.name_combo.currentText() == "张丽" and signing.role_combo.currentData() == "applicant"
    with qtbot.waitSignal(editor.changed, timeout=OP_TIMEOUT):
        _click(qtbot, signing.ok_button)
    qtbot.waitUntil(lambda: editor.read_op is None and bool(editor.sealed[0].signings), timeout=OP_TIMEOUT)

    editor.table.selectRow(1)
    _click(qtbot, editor.addendum_button)
    addendum = editor.dialog
    assert isinstance(addendum, AddendumDialog) and addendum.entry_combo.currentData() == 2
    type_text(addendum.text, ADDENDUM_TEXT)
    type_text(addendum.reason, "漏记“全部侵权商品”")
    type_text(addendum.password, PASSWORD)
    with qtbot.waitSignal(editor.changed, timeout=OP_TIMEOUT):
        _click(qtbot, addendum.ok_button)
    qtbot.waitUntil(lambda: len(editor.sealed) == 2 and editor.read_op is None, timeout=OP_TIMEOUT)
    assert "漏记“全部侵权商品”" in editor.seal_view.toPlainText()
    assert editor.model.saved[1].text == ENTRIES[1][3]  # the sealed entry stays as it was


def _outcome_and_performance(qtbot: QtBot, workspace: CaseWorkspace, day: Day, folder: Path,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    today = office_today()
    view = workspace.outcome
    workspace.tabs.setCurrentWidget(view)
    settled(qtbot, view)
    _click(qtbot, view.record_button)
    outcome = _dialog(workspace, OutcomeDialog)
    assert isinstance(outcome, OutcomeDialog)
    assert outcome.kind.currentData() == "written-agreement"
    assert [(party.id, box.isChecked()) for party, box, _day in outcome.signatures] == [
        (day.applicant, True), (day.respondent, True)]
    outcome.written_effective.set_value(today)
    _save(qtbot, workspace, outcome.ok_button)
    assert workspace.snapshot is not None and workspace.snapshot.info.status is CaseStatus.AGREEMENT
    assert f"{today}" in view.outcome_text.text()

    _click(qtbot, view.add_button)
    obligation = _dialog(workspace, ObligationDialog)
    assert isinstance(obligation, ObligationDialog)
    obligation.party.setCurrentIndex(obligation.party.findData(day.respondent))
    assert obligation.kind.currentData() == "payment"
    type_text(obligation.amount, "30,000")
    add_row = obligation.findChild(QAbstractButton, "addInstalment")
    for amount in ("10000", "20000"):
        _click(qtbot, add_row)
        obligation.instalments.item(obligation.instalments.rowCount() - 1, 0).setText(amount)
    later = (today + timedelta(days=30)).isoformat()
    obligation.instalments.item(1, 1).setText(later)
    _save(qtbot, workspace, obligation.ok_button)
    first = view.obligations.topLevelItem(0)
    assert (first.text(2), first.childCount()) == ("30000.00", 2)

    for paid, proof, status in (("10000", "第一期转账回单.pdf", CaseStatus.PERFORMING),
                                ("20000", "第二期转账回单.pdf", CaseStatus.PERFORMED)):
        view.obligations.setCurrentItem(view.obligations.topLevelItem(0))
        _click(qtbot, view.done_button)
        done = _dialog(workspace, DoneDialog)
        assert isinstance(done, DoneDialog)
        done.amount.clear()
        type_text(done.amount, paid)
        type_text(done.description, "银行转账")
        _files_chosen(monkeypatch, [_scan(folder, proof)])
        _click(qtbot, done.findChild(QAbstractButton, "addProofFiles"))
        assert [done.proofs.item(row).text() for row in range(done.proofs.count())] == [proof]
        with qtbot.waitSignal(workspace.case_changed, timeout=OP_TIMEOUT):
            _click(qtbot, done.ok_button)
            op = done.op
            assert op is not None and isinstance(op.dialog, QProgressDialog)  # the intake shows progress
        qtbot.waitUntil(lambda: not workspace.dialogs, timeout=OP_TIMEOUT)
        settled(qtbot, workspace, view)
        assert workspace.snapshot.info.status is status, workspace.snapshot.info.status
    paid = view.obligations.topLevelItem(0)
    assert (paid.text(3), paid.text(5)) == ("30000.00", "Performed")
    assert view.done_list.topLevelItemCount() == 2
    with day.database.session_scope() as session:
        assert [item.name for item in list_items(session, day.number)] == ["第一期转账回单.pdf",
                                                                             "第二期转账回单.pdf"]

    visits = workspace.visits
    workspace.tabs.setCurrentWidget(visits)
    settled(qtbot, visits)
    _click(qtbot, visits.add_button)
    visit = _dialog(workspace, VisitDialog)
    assert isinstance(visit, VisitDialog)
    type_text(visit.visitors, "李华")
    type_text(visit.matter, "回访履行情况")
    type_text(visit.findings, "赔偿款已全部付清，侵权商品已下架。")
    _save(qtbot, workspace, visit.ok_button)
    assert visits.tree.topLevelItemCount() == 1


def _rows(view: CaseFileView) -> dict[FilePart, str]:
    tree = view.checklist
    assert tree.topLevelItemCount() == len(FilePart)  # every part, in the order of the file
    return {part: tree.topLevelItem(row).text(1) for row, part in enumerate(FilePart)}


def _case_file(qtbot: QtBot, workspace: CaseWorkspace, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    view = workspace.case_file
    workspace.tabs.setCurrentWidget(view)
    settled(qtbot, view)
    assert view.view is not None
    assert set(view.view.checklist.missing) == set(SCANS), view.view.checklist.missing
    for part, names in SCANS.items():
        view.part_choice.setCurrentIndex(view.part_choice.findData(part))
        _files_chosen(monkeypatch, [_scan(folder, name) for name in names])
        with qtbot.waitSignal(view.changed, timeout=OP_TIMEOUT):
            _click(qtbot, view.add_button)
            assert view.progress.isVisible()  # taking them in shows its progress
        qtbot.waitUntil(lambda: view.op is None, timeout=OP_TIMEOUT)
        settled(qtbot, view)
        assert view.error.text() == "", view.error.text()
    assert view.view is not None and view.view.checklist.missing == ()
    states = _rows(view)
    for part in REQUIRED:
        assert states[part].startswith("Present") and "required" in states[part], (part, states[part])
    for part in (FilePart.PERFORMANCE_PROOF, FilePart.FOLLOW_UP):
        assert states[part].startswith("Present"), (part, states[part])
    assert not view.reason.isVisible()  # complete: no reason is asked

    view.file_number.clear()
    type_text(view.file_number, "2026-调-001")
    type_text(view.file_note, "本卷材料齐全，协议已履行完毕。")
    with qtbot.waitSignal(view.changed, timeout=OP_TIMEOUT):
        _click(qtbot, view.save_cover_button)
    qtbot.waitUntil(lambda: view.op is None, timeout=OP_TIMEOUT)
    settled(qtbot, view)
    assert view.view is not None and view.view.cover.version == 1

    _click(qtbot, view.archive_button)
    box = view.confirm
    assert box is not None and box.isVisible() and view.error.text() == ""
    with qtbot.waitSignal(workspace.case_changed, timeout=OP_TIMEOUT):
        _click(qtbot, box.button(QMessageBox.StandardButton.Yes))
    qtbot.waitUntil(lambda: view.op is None, timeout=OP_TIMEOUT)
    settled(qtbot, workspace, view)
    assert workspace.snapshot is not None and workspace.snapshot.info.status is CaseStatus.CLOSED
    assert workspace.read_only.isVisible(), "the workspace says it is read-only"
    assert not view.add_button.isEnabled() and not view.archive_button.isEnabled()
    assert not workspace.outcome.add_button.isEnabled() and not workspace.visits.add_button.isEnabled()
    assert not workspace.sittings.new_button.isEnabled()
    editor = workspace.sittings.editor
    workspace.tabs.setCurrentWidget(workspace.sittings)
    settled(qtbot, editor)
    assert not editor.signing_button.isEnabled() and not editor.addendum_button.isEnabled()
    assert _rows(view)[FilePart.BACK_COVER].startswith("Present")


def test_a_mediators_day_in_the_window(qtbot: QtBot, settings: Settings, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_store(settings)
    try:
        day = Day(store)
        number = day.number
    finally:
        store.close()
    sitting_id = _morning_until_the_power_cut(settings, number)

    # Started again: the kept text is offered after sign-in; the sitting has every confirmed entry.
    launcher, window = launch_and_sign_in(qtbot, settings, MEDIATOR, PASSWORD, OP_TIMEOUT)
    try:
        calendar = window.calendar_page
        assert calendar is not None
        qtbot.waitUntil(lambda: window.current_page_key() == "calendar", timeout=OP_TIMEOUT)
        assert calendar.drafts.count() == 1 and UNCONFIRMED[3] in calendar.drafts.item(0).text()
        calendar.drafts.setCurrentRow(0)
        qtbot.keyClick(calendar.drafts, Qt.Key.Key_Return)
        assert window.cases_page is not None
        qtbot.waitUntil(lambda: window.current_page_key() == "cases", timeout=OP_TIMEOUT)
        workspace = window.cases_page.workspaces()[0]
        assert workspace.number == number
        editor = workspace.sittings.editor
        qtbot.waitUntil(lambda: editor.sitting is not None and editor.sitting.id == sitting_id,
                        timeout=OP_TIMEOUT)
        settled(qtbot, workspace, editor)
        assert editor.sitting is not None
        assert (editor.sitting.place, editor.sitting.matter) == (PLACE, MATTER)
        saved = editor.model.saved
        assert [(info.seq, info.speaker_role, info.speaker, info.text) for info in saved] == [
            (seq, role, speaker, text) for seq, (_how, role, speaker, text) in enumerate(ENTRIES, start=1)]

        _minutes(qtbot, editor)
        folder = tmp_path / "papers"
        folder.mkdir()
        _outcome_and_performance(qtbot, workspace, day, folder, monkeypatch)
        _case_file(qtbot, workspace, folder, monkeypatch)
        close_window(qtbot, window)
    finally:
        launcher.shutdown()

    # Afterwards: the store verifies clean; an entry of the sealed minutes changed is named.
    store = open_store(settings)
    try:
        with store.database.session_scope() as session:
            assert matters.find_case(session, number).status == CaseStatus.CLOSED
            assert minutes.draft_of(session, day.lihua, sitting_id) is None
            sealed, addendum = minutes.sealed_records(session, sitting_id)
            assert verify_store(session, store.vault).findings == ()
        record = sealed.record
        assert [(entry["speaker_role"], entry["speaker"], entry["text"]) for entry in record["entries"]] == [
            *((role, speaker, text) for _how, role, speaker, text in ENTRIES),
            (UNCONFIRMED[1], UNCONFIRMED[2], UNCONFIRMED[3] + "第二期三十日内付清。")]
        assert record["header"]["rights_explained"] is True and record["state"] == "held"
        assert record["findings"].startswith("被诉标识") and record["sealed_by"] == MEDIATOR
        assert [(signed.name, signed.role) for signed in sealed.signings] == [("张丽", "applicant")]
        assert (addendum.kind, addendum.corrects_seq, addendum.text) == ("addendum", 2, ADDENDUM_TEXT)
        behind_the_triggers(store, "minutes_entry",
                            "UPDATE minutes_entry SET text = :text WHERE sitting_id = :sitting AND seq = 3",
                            text="请双方围绕赔偿数额陈述意见，调解员认为应赔五万元。", sitting=sitting_id)
        with store.database.session_scope() as session:
            findings = verify_store(session, store.vault).findings
        changed = [found for found in findings if found.code is FindingCode.MINUTES_ENTRY_CHANGED]
        assert len(changed) == 1, [(found.code, found.message) for found in findings]
        assert f"sitting {sitting_id}" in changed[0].message and "entry 3" in changed[0].message
        assert changed[0].case == number and changed[0].found is not None and "五万元" in changed[0].found
    finally:
        store.close()



def test_the_seal_tab_stays_shown_after_sealing(qtbot: QtBot, sqlite_store: OpenStore) -> None:
    """After Close and Seal the editor turns to its seal tab (the signing and the addendum buttons are
    there). The case workspace refreshing in the meantime (it does after every change: its snapshot calls
    ``set_refusal``) shows the sitting as last read, unsealed: the seal tab is disabled, Qt turns to the
    next tab (Search), and the sealed read enables the seal tab again without turning to it. Three walks in
    ten saw it."""
    hall = Hall(sqlite_store)
    sitting = hall.schedule()
    hall.say(sitting.id, "我方要求停止侵权。")
    editor = _open_editor(qtbot, hall, sitting.id)
    _click(qtbot, editor.seal_button)
    seal = editor.dialog
    assert isinstance(seal, SealDialog)
    type_text(seal.password, HALL_PASSWORD)
    with qtbot.waitSignal(editor.changed, timeout=OP_TIMEOUT):
        _click(qtbot, seal.ok_button)
    assert editor.side.currentIndex() == SEAL_TAB  # turned to the seal at once…
    editor.set_refusal(None)  # …the workspace's refresh, as it lands before the sealed sitting is read
    qtbot.waitUntil(lambda: editor.sitting is not None and editor.sitting.sealed and editor.read_op is None,
                    timeout=OP_TIMEOUT)
    assert editor.side.currentIndex() == SEAL_TAB and editor.signing_button.isVisible()


@pytest.mark.parametrize("ended", ["sealed", "cancelled"])
def test_a_draft_in_an_ended_sitting_can_be_set_aside(qtbot: QtBot, sqlite_store: OpenStore,
                                                      ended: str) -> None:
    """Unconfirmed text was kept in a sitting (the app was killed), and the sitting was then sealed (the
    command line, another seat) or cancelled: nothing in core removes the draft (only a confirmed entry
    and ``discard_draft`` do). The window offers it after every sign-in (the calendar opens on it); in the
    read-only editor 恢复 and 放弃 are both offered, and setting it aside hides the offer but leaves the draft
    in the store (the editor keeps drafts only where it may write), so it comes back at the next sign-in."""
    hall = Hall(sqlite_store)
    sitting = hall.schedule()
    if ended == "sealed":
        hall.say(sitting.id, "我方要求停止侵权。")  # (a sitting with entries is adjourned, not cancelled)
    with hall.database.session_scope() as session:
        minutes.save_draft(session, hall.lihua, sitting.id, "applicant", "张丽", "另外，我方还要求，")
    if ended == "sealed":
        hall.close(sitting.id)
    else:
        with hall.database.session_scope() as session:
            sittings.cancel_sitting(session, hall.lihua, sitting.id, "被申请人未到")
    editor = _open_editor(qtbot, hall, sitting.id)
    assert editor.offer_bar.isVisible(), "the draft is offered in a sitting that can take no entry"
    _click(qtbot, editor.set_aside_button)
    assert not editor.offer_bar.isVisible()
    qtbot.waitUntil(lambda: not editor.saving, timeout=OP_TIMEOUT)  # any write it started has landed
    with hall.database.session_scope() as session:
        assert minutes.draft_of(session, hall.lihua, sitting.id) is None, "set aside, and offered again"


def _open_editor(qtbot: QtBot, hall: Hall, sitting_id: int) -> MinutesEditor:
    workspace = CaseWorkspace(hall.store, SignedInUser(hall.lihua), hall.number)
    qtbot.addWidget(workspace)
    workspace.resize(1000, 660)
    workspace.show()
    qtbot.waitExposed(workspace)
    settled(qtbot, workspace)
    workspace.tabs.setCurrentWidget(workspace.sittings)
    editor = workspace.sittings.open_sitting(sitting_id)
    qtbot.waitUntil(lambda: editor.sitting is not None and not editor.loading, timeout=OP_TIMEOUT)
    settled(qtbot, workspace, editor)
    return editor
