"""The ledger subjects of sittings and the case file in words, on SQLite and PostgreSQL: a sitting, an entry
of its minutes, the sealed minutes and an addendum, a signing and the case file, each with its case number;
a missing one "(not found)"; read in batched queries (never one per entry); the Ledger page's text search
finding them by case number; the case workspace's Timeline tab and the Ledger page naming them in Chinese."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from desktop.core.cases import cover, minutes
from desktop.core.cases.sittings import SittingKind
from desktop.core.storage.store import OpenStore
from desktop.core.trust import ledger
from desktop.core.trust.ledger import EntryFilter
from desktop.core.trust.sign_in import SignedInUser
from desktop.core.trust.subjects import IDS_PER_QUERY, SubjectInfo, SubjectKind, describe_subjects
from desktop.ui.cases.timeline_view import ABOUT
from desktop.ui.cases.workspace import CaseWorkspace
from desktop.ui.framework.i18n import install_translator, remove_translators
from desktop.ui.ledger.page import LedgerPage
from desktop.ui.ledger.words import subject_tooltip, subject_words
from tests.qt_helpers import settled
from tests.sitting_hall import STARTS, Hall

DAY = f"{STARTS.astimezone():%Y-%m-%d}"  # the sitting's day as the window shows it (local time)
MISSING_NUMBER = "（2026）云知调字第9999号"


@dataclass(frozen=True, slots=True)
class Held:
    """A sealed mediation sitting with two entries, an addendum to entry 2, 张丽's signing of the minutes,
    a scheduled investigation and the case file's cover saved: their ledger subjects."""

    hall: Hall
    sitting: str
    entries: tuple[str, ...]
    minutes: str
    addendum: str
    signing: str
    investigation: str
    file: str


def _held(hall: Hall) -> Held:
    sitting, sealed = hall.held("我方要求停止侵权。", "被申请人同意下架商品。")
    later = STARTS + timedelta(hours=2)
    with hall.database.session_scope() as session:
        entries = minutes.entries(session, sitting.id)
        addendum = minutes.add_addendum(session, hall.lihua, hall.key, sitting.id, 2, "记录笔误",
                                        "被申请人同意下架全部商品。", now=later)
        minutes.record_signing(session, hall.lihua, sealed.id, "张丽", "applicant", later, now=later)
        signing = ledger.newest_entries(session, limit=1)[0].subject
        cover.save_cover(session, hall.lihua, hall.number, cover.checked_cover(file_name="某某商标侵权纠纷"),
                         None)
    investigation = hall.schedule(kind=SittingKind.INVESTIGATION)
    assert signing.startswith("minutes-signing:")
    return Held(hall, f"sitting:{sitting.id}", tuple(f"minutes-entry:{entry.id}" for entry in entries),
                f"minutes:{sealed.id}", f"minutes:{addendum.id}", signing, f"sitting:{investigation.id}",
                f"file:{hall.number}")


@pytest.fixture
def held(store: OpenStore) -> Held:
    return _held(Hall(store))


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    locale = QLocale()
    assert install_translator(qapp, "zh_CN") is not None
    yield
    remove_translators(qapp, locale)


MISSING = ("sitting:99999", "minutes-entry:99999", "minutes:99999", "minutes-signing:99999",
           f"file:{MISSING_NUMBER}", "minutes-entry:x")


def _subjects(held: Held) -> list[str]:
    return [held.sitting, *held.entries, held.minutes, held.addendum, held.signing, held.investigation,
            held.file, *MISSING]


def _described(held: Held, subjects: list[str]) -> tuple[dict[str, SubjectInfo], list[str]]:
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    engine = held.hall.database.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        with held.hall.database.session_scope() as session:
            described = describe_subjects(session, subjects)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return described, [text for text in statements if text.lstrip().upper().startswith("SELECT")]


def test_sitting_subjects_are_read_in_batches(held: Held) -> None:
    many = [f"minutes-entry:{number}" for number in range(10_000, 10_000 + 2 * IDS_PER_QUERY + 100)]
    described, selects = _described(held, (_subjects(held) + many) * 2)
    # One query per kind (sitting, entry, sealed record, signing, case file), the 1 002 entries in three
    # IN lists of at most 400: never one per entry.
    assert len(selects) == 7, selects
    number = held.hall.number
    sitting = described[held.sitting]
    assert (sitting.kind, sitting.case_number, sitting.sitting_kind, sitting.starts_at, sitting.found) == \
        (SubjectKind.SITTING, number, "mediation", STARTS, True)
    assert [(described[entry].kind, described[entry].seq, described[entry].case_number)
            for entry in held.entries] == [(SubjectKind.MINUTES_ENTRY, 1, number),
                                           (SubjectKind.MINUTES_ENTRY, 2, number)]
    assert described[held.entries[0]].starts_at == STARTS
    record, addendum = described[held.minutes], described[held.addendum]
    assert (record.kind, record.addendum, record.seq, record.case_number) == \
        (SubjectKind.MINUTES, False, None, number)
    assert (addendum.kind, addendum.addendum, addendum.seq) == (SubjectKind.MINUTES, True, 2)
    signing = described[held.signing]
    assert (signing.kind, signing.name, signing.addendum, signing.case_number) == \
        (SubjectKind.MINUTES_SIGNING, "张丽", False, number)
    assert described[held.investigation].sitting_kind == "investigation"
    assert (described[held.file].kind, described[held.file].case_number, described[held.file].found) == \
        (SubjectKind.FILE, number, True)
    for subject in MISSING + tuple(many[:3]):
        assert not described[subject].found, subject
    assert described["minutes-entry:x"].kind is SubjectKind.MINUTES_ENTRY


def test_sitting_subjects_in_words_in_english_and_chinese(held: Held, qapp: QApplication) -> None:
    number = held.hall.number
    described, _selects = _described(held, [*_subjects(held), f"case:{number}"])

    def words(subject: str, with_case: bool = True) -> str:
        return subject_words(described[subject], subject, with_case=with_case)

    assert words(held.sitting) == f"Mediation sitting {DAY} ({number})"
    assert words(held.sitting, with_case=False) == f"Mediation sitting {DAY}"
    assert words(held.investigation) == f"Investigation {DAY} ({number})"
    assert words(held.entries[1]) == f"Minutes entry 2 (Mediation sitting {DAY})"
    assert words(held.minutes) == f"Minutes (Mediation sitting {DAY})"
    assert words(held.addendum) == f"Addendum to minutes entry 2 (Mediation sitting {DAY})"
    assert words(held.signing) == f"Signature of 张丽 on the minutes (Mediation sitting {DAY})"
    assert words(held.file) == f"Case file {number}"
    assert words(held.file, with_case=False) == "Case file"
    assert words("sitting:99999") == "Sitting 99999 (not found)"
    assert words("minutes-entry:99999") == "Minutes entry 99999 (not found)"
    assert words(f"file:{MISSING_NUMBER}") == f"Case file {MISSING_NUMBER} (not found)"
    assert subject_tooltip(described[held.entries[0]], held.entries[0]) == f"{held.entries[0]}, case {number}"
    assert subject_tooltip(described[held.signing], held.signing) == f"{held.signing}, case {number}"

    locale = QLocale()
    assert install_translator(qapp, "zh_CN") is not None
    try:
        assert words(held.sitting) == f"调解会 {DAY}（{number}）"
        assert words(held.investigation) == f"调查 {DAY}（{number}）"
        assert words(held.entries[1]) == f"笔录第2条（调解会 {DAY}）"
        assert words(held.minutes) == f"调解记录（调解会 {DAY}）"
        assert words(held.addendum) == f"笔录第2条的补正（调解会 {DAY}）"
        assert words(held.signing) == f"张丽在调解记录上的签名（调解会 {DAY}）"
        assert words(held.file) == f"卷宗{number}"  # no space before a case number in Chinese
        assert words(f"case:{number}") == f"案件{number}"
        assert subject_words(SubjectInfo("preservation:3", SubjectKind.PRESERVATION, "3", "", number)) == \
            f"保全证据记录 3（{number}）"
        assert words("minutes:99999") == "调解记录 99999（未找到）"
        assert subject_tooltip(described[held.entries[0]], held.entries[0]) == \
            f"{held.entries[0]}，案件{number}"
    finally:
        remove_translators(qapp, locale)


def test_the_search_by_case_number_finds_the_sittings_subjects(held: Held) -> None:
    hall = held.hall
    other = hall.open(hall.clerk, title="另一案")  # a case with no sitting: its number finds none of these
    half_width = hall.number.replace("（", "(").replace("）", ")")
    ours = {held.sitting, *held.entries, held.minutes, held.addendum, held.signing, held.investigation,
            held.file}
    with hall.database.session_scope() as session:
        for text in (hall.number, half_width, hall.number[-9:]):  # whole, old brackets, its tail
            found = {entry.subject for entry in ledger.newest_entries(
                session, EntryFilter(subject_text=text), limit=10_000)}
            assert ours <= found, (text, ours - found)
            assert ledger.count_entries(session, EntryFilter(subject_text=text)) >= len(ours)
        elsewhere = {entry.subject for entry in ledger.newest_entries(
            session, EntryFilter(subject_text=other), limit=10_000)}
    assert elsewhere and not elsewhere & ours


def test_the_timeline_tab_and_the_ledger_page_say_them_in_chinese(qtbot: QtBot, sqlite_store: OpenStore,
                                                                  chinese: None) -> None:
    held = _held(Hall(sqlite_store))
    number = held.hall.number
    workspace = CaseWorkspace(sqlite_store, SignedInUser(held.hall.lihua), number)
    qtbot.addWidget(workspace)
    workspace.resize(1000, 680)
    workspace.show()
    qtbot.waitExposed(workspace)
    settled(qtbot, workspace)
    workspace.tabs.setCurrentWidget(workspace.timeline)
    timeline = workspace.timeline
    about = [timeline.item(row, ABOUT).text() for row in range(timeline.rowCount())]
    for words in (f"调解会 {DAY}", f"调查 {DAY}", f"笔录第1条（调解会 {DAY}）", f"笔录第2条（调解会 {DAY}）",
                  f"调解记录（调解会 {DAY}）", f"笔录第2条的补正（调解会 {DAY}）",
                  f"张丽在调解记录上的签名（调解会 {DAY}）", "卷宗"):
        assert words in about, (words, about)

    page = LedgerPage(sqlite_store, SignedInUser(held.hall.lihua))
    qtbot.addWidget(page)
    page.resize(1000, 640)
    page.show()
    qtbot.waitExposed(page)
    settled(qtbot, page)
    model = page.model
    subjects = [model.index(row, 4).data() for row in range(model.rowCount())]
    tooltips = [model.index(row, 4).data(Qt.ItemDataRole.ToolTipRole) for row in range(model.rowCount())]
    assert f"调解会 {DAY}（{number}）" in subjects and f"卷宗{number}" in subjects
    row = subjects.index(f"笔录第1条（调解会 {DAY}）")
    assert tooltips[row] == f"{held.entries[0]}，案件{number}"
    assert not any(text.startswith(("sitting:", "minutes", "file:")) for text in subjects)
