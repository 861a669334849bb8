"""The ledger in words: subjects as case numbers and file names (core, batched; the Ledger page and the
custody trail), the page's filters done in SQL, its order, the entry dialog and the CSV export."""

from __future__ import annotations

import codecs
import csv
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from desktop.core.cases import matters as cases
from desktop.core.errors import Cancelled, InvalidInput
from desktop.core.evidence import intake
from desktop.core.evidence.acquisition import Acquisition
from desktop.core.office import office
from desktop.core.storage.store import OpenStore
from desktop.core.trust import ledger, ledger_export, signing_keys, users
from desktop.core.trust.events import EventKind
from desktop.core.trust.ledger import EntryFilter
from desktop.core.trust.permissions import Role
from desktop.core.trust.sign_in import SignedInUser
from desktop.core.trust.subjects import SubjectKind, describe_subjects
from desktop.ui.evidence.page import EvidencePage
from desktop.ui.ledger.entry_dialog import EntryDialog
from desktop.ui.ledger.page import PAGE_SIZE, LedgerPage, csv_header, csv_row
from tests.qt_helpers import settled, type_text

ADMIN_PASSWORD = "admin-password-1"
NOTARY_PASSWORD = "notary-password-1"
FILE_NAME = "侵权商品页面截图.png"
OP_TIMEOUT = 30_000


class Facts:
    """What the fixture made: the notary, the case number, the item's number, the key's fingerprint."""

    def __init__(self, store: OpenStore, notary: SignedInUser, case_number: str, item_id: int,
                 fingerprint: str) -> None:
        self.store = store
        self.notary = notary
        self.case_number = case_number
        self.item_id = item_id
        self.fingerprint = fingerprint


def _make(store: OpenStore, tmp_path: Path) -> Facts:
    with store.database.session_scope() as session:
        office.create_office(session, "昆明调解中心", "云知调")
        admin = users.create_first_admin(session, "admin", ADMIN_PASSWORD, "张伟")
        users.add_user(session, admin, "lihua", frozenset({Role.NOTARY, Role.MEDIATOR}), NOTARY_PASSWORD,
                       "李华")
    actor = users.sign_in(store.database, "lihua", NOTARY_PASSWORD)
    with store.database.session_scope() as session:
        fingerprint = signing_keys.new_key(session, actor, NOTARY_PASSWORD).fingerprint
    with store.database.session_scope() as session:
        key = signing_keys.unlock(session, actor, NOTARY_PASSWORD)
    with store.database.session_scope() as session:
        number = cases.open_case(session, actor, "trademark", "某某商标侵权纠纷").number
    source = tmp_path / "in" / FILE_NAME
    source.parent.mkdir()
    source.write_bytes(b"\x89PNG not really, but bytes all the same")
    report = intake.ingest_files(store.database, store.vault, actor, number, [source], Acquisition("upload"))
    assert not report.failures
    return Facts(store, SignedInUser(actor, key), number, report.items[0].id, fingerprint)


@pytest.fixture
def facts(store: OpenStore, tmp_path: Path) -> Facts:
    return _make(store, tmp_path)


@pytest.fixture
def sqlite_facts(sqlite_store: OpenStore, tmp_path: Path) -> Facts:
    return _make(sqlite_store, tmp_path)


def _half_width(number: str) -> str:
    return number.replace("（", "(").replace("）", ")")


def test_subjects_are_described_in_few_queries(facts: Facts) -> None:
    subjects = [f"evidence:{facts.item_id}", f"case:{facts.case_number}", "user:lihua", "user:nobody",
                f"key:{facts.fingerprint}", "evidence:99999", "preservation:7", "office:settings", "odd"]
    subjects += [f"evidence:{number}" for number in range(1000, 1900)]  # many rows, still batched
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    engine = facts.store.database.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        with facts.store.database.session_scope() as session:
            described = describe_subjects(session, subjects * 2)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    selects = [statement for statement in statements if statement.lstrip().upper().startswith("SELECT")]
    assert len(selects) <= 8, selects  # one per kind (900 items: three IN lists of 400), never one per row
    item = described[f"evidence:{facts.item_id}"]
    assert (item.kind, item.key, item.name, item.case_number, item.found) == \
        (SubjectKind.EVIDENCE, str(facts.item_id), FILE_NAME, facts.case_number, True)
    case = described[f"case:{facts.case_number}"]
    assert case.kind is SubjectKind.CASE and case.found
    assert described["user:lihua"].found and not described["user:nobody"].found
    assert described["user:lihua"].name == "李华" and described["user:nobody"].name == ""
    key = described[f"key:{facts.fingerprint}"]
    assert key.kind is SubjectKind.KEY and key.name == "lihua"
    assert not described["evidence:99999"].found and not described["preservation:7"].found
    assert described["office:settings"].kind is SubjectKind.OFFICE
    assert described["odd"].kind is SubjectKind.OTHER and described["odd"].raw == "odd"


def test_filters_run_in_sql_newest_first(facts: Facts) -> None:
    database = facts.store.database
    with database.session_scope() as session:
        everything = ledger.newest_entries(session, limit=10_000)
        assert [entry.seq for entry in everything] == list(range(ledger.size(session) - 1, -1, -1))
        ingested = ledger.newest_entries(session, EntryFilter(kinds=(EventKind.EVIDENCE_INGESTED,)))
        assert [entry.subject for entry in ingested] == [f"evidence:{facts.item_id}"]
        by_admin = ledger.newest_entries(session, EntryFilter(actor="admin"), limit=10_000)
        assert by_admin and {entry.actor for entry in by_admin} == {"admin"}
        assert ledger.count_entries(session, EntryFilter(actor="admin")) == len(by_admin)
        # The subject text finds the file name, the case number in either form of brackets, the raw text.
        for text in ("侵权商品", facts.case_number, _half_width(facts.case_number)):
            page = ledger.newest_entries(session, EntryFilter(subject_text=text))
            found = {entry.subject for entry in page}
            assert f"evidence:{facts.item_id}" in found, text
        assert {entry.subject for entry in ledger.newest_entries(
            session, EntryFilter(subject_text="USER:LIH"))} == {"user:lihua"}
        assert ledger.newest_entries(session, EntryFilter(subject_text="100%_")) == []  # wildcards are text
        now = datetime.now(UTC)
        assert len(ledger.newest_entries(session, EntryFilter(since=now - timedelta(hours=1)),
                                         limit=10_000)) == len(everything)
        assert ledger.newest_entries(session, EntryFilter(since=now + timedelta(hours=1))) == []
        assert ledger.newest_entries(session, EntryFilter(until=now - timedelta(days=1))) == []
        # Keyset paging backwards: the pages join up with nothing skipped or repeated.
        first = ledger.newest_entries(session, limit=3)
        second = ledger.newest_entries(session, before=first[-1].seq, limit=3)
        assert [entry.seq for entry in first + second] == [entry.seq for entry in everything[:6]]


def _page(qtbot: QtBot, facts: Facts) -> LedgerPage:
    page = LedgerPage(facts.store, facts.notary)
    qtbot.addWidget(page)
    page.resize(1000, 640)
    page.show()
    qtbot.waitExposed(page)
    settled(qtbot, page)
    return page


def _column(page: LedgerPage, column: int, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> list[str]:
    model = page.model
    return [model.index(row, column).data(role) for row in range(model.rowCount())]


def test_page_shows_subjects_in_words_newest_first(qtbot: QtBot, sqlite_facts: Facts) -> None:
    facts = sqlite_facts
    page = _page(qtbot, facts)
    seqs = [int(value) for value in _column(page, 0)]
    assert seqs == sorted(seqs, reverse=True) and seqs[0] == page.model.total - 1
    subjects = _column(page, 4)
    tooltips = _column(page, 4, Qt.ItemDataRole.ToolTipRole)
    item_row = subjects.index(f"Evidence {facts.item_id} {FILE_NAME}")
    assert tooltips[item_row] == f"evidence:{facts.item_id}, case {facts.case_number}"
    assert f"Case {facts.case_number}" in subjects
    assert "User 李华 (lihua)" in subjects  # the real name with the login name
    assert f"Signing key {facts.fingerprint[:8]}… held by 李华 (lihua)" in subjects
    assert not any(text.startswith(("evidence:", "case:", "user:", "key:")) for text in subjects)


def test_filters_on_the_page(qtbot: QtBot, sqlite_facts: Facts) -> None:
    facts = sqlite_facts
    page = _page(qtbot, facts)
    total = page.model.rowCount()

    page.kind_combo.setCurrentIndex(page.kind_combo.findText("Evidence taken in"))
    settled(qtbot, page)
    assert _column(page, 3) == ["Evidence taken in"]

    page.kind_combo.setCurrentIndex(0)
    page.user_combo.setCurrentIndex(page.user_combo.findData("admin"))
    settled(qtbot, page)
    assert set(_column(page, 2)) == {"张伟 (admin)"} and 0 < page.model.rowCount() < total

    page.user_combo.setCurrentIndex(0)
    type_text(page.subject_edit, _half_width(facts.case_number))  # an old-style number finds it too
    qtbot.waitUntil(lambda: page.model.query_filter.subject_text != "", timeout=OP_TIMEOUT)
    settled(qtbot, page)
    assert set(_column(page, 4)) == {f"Case {facts.case_number}", f"Evidence {facts.item_id} {FILE_NAME}"}

    page.clear_filters()
    settled(qtbot, page)
    assert page.model.rowCount() == total
    page.since_check.setChecked(True)
    page.since_edit.setDate(page.since_edit.date().currentDate().addDays(1))  # from tomorrow: nothing
    settled(qtbot, page)
    assert page.model.rowCount() == 0
    page.since_edit.setDate(page.since_edit.date().currentDate())  # from today: everything
    page.until_check.setChecked(True)
    page.until_edit.setDate(page.until_edit.date().currentDate())  # the day is included
    settled(qtbot, page)
    assert page.model.rowCount() == total


def test_double_click_shows_every_field(qtbot: QtBot, sqlite_facts: Facts) -> None:
    facts = sqlite_facts
    page = _page(qtbot, facts)
    row = _column(page, 4).index(f"Evidence {facts.item_id} {FILE_NAME}")
    entry = page.model.rows[row]
    rect = page.table.visualRect(page.model.index(row, 1))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # as a user does
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = page.entry_dialog
    assert isinstance(dialog, EntryDialog) and dialog.isVisible()
    values = {caption: field.text() for caption, field in dialog.fields.items()}
    assert values["No."] == str(entry.seq) and values["User"] == "李华 (lihua)"
    assert values["Event"] == "Evidence taken in" and values["Event code"] == "evidence.ingested"
    assert values["Subject"] == f"Evidence {facts.item_id} {FILE_NAME}"
    assert values["Subject as recorded"] == f"evidence:{facts.item_id}"
    assert values["Case"] == facts.case_number
    assert values["Subject's SHA-256"] == entry.subject_sha256 and len(entry.subject_sha256 or "") == 64
    assert len(values["Leaf hash (RFC 9162)"]) == 64
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert f"Subject's SHA-256: {entry.subject_sha256}" in copied and FILE_NAME in copied
    dialog.close()
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # from the keyboard too
    assert page.entry_dialog is not dialog and page.entry_dialog is not None
    assert page.entry_dialog.fields["No."].text() == str(page.model.rows[0].seq)
    page.entry_dialog.close()


def _parse(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)  # Excel reads Chinese in a CSV only with the mark
    return list(csv.reader(io.StringIO(data[len(codecs.BOM_UTF8):].decode("utf-8"), newline="")))


def test_csv_export_of_the_filtered_entries(qtbot: QtBot, sqlite_facts: Facts, tmp_path: Path) -> None:
    facts = sqlite_facts
    page = _page(qtbot, facts)
    page.user_combo.setCurrentIndex(page.user_combo.findData("lihua"))
    settled(qtbot, page)
    shown = [entry.seq for entry in page.model.rows]
    target = tmp_path / "账本.csv"
    op = page.export_csv(str(target))
    assert op is not None
    with qtbot.waitSignal(op.finished, timeout=OP_TIMEOUT):
        pass
    rows = _parse(target)
    assert rows[0] == csv_header()
    assert [int(row[0]) for row in rows[1:]] == shown  # the filtered entries, newest first
    assert {row[3] for row in rows[1:]} == {"lihua"}
    item = next(row for row in rows[1:] if row[5] == "evidence.ingested")
    assert item[4] == "Evidence taken in" and item[6] == f"Evidence {facts.item_id} {FILE_NAME}"
    assert item[7] == f"evidence:{facts.item_id}" and item[8] == facts.case_number and len(item[9]) == 64
    assert str(len(shown)) in page.export_status.text()

    before = target.read_bytes()  # the same name again: refused, the file untouched
    op = page.export_csv(str(target))
    assert op is not None
    with qtbot.waitSignal(op.finished, timeout=OP_TIMEOUT):
        pass
    boxes = [widget for widget in QApplication.topLevelWidgets()
             if isinstance(widget, QMessageBox) and widget.isVisible()]
    assert boxes and "never overwrites" in boxes[0].text()
    for box in boxes:
        box.close()
    assert target.read_bytes() == before


def test_csv_export_in_batches_cancel_leaves_nothing(sqlite_facts: Facts, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    facts = sqlite_facts
    with facts.store.database.session_scope() as session:
        for _step in range(30):
            ledger.append(session, "lihua", EventKind.EVIDENCE_VIEWED, f"evidence:{facts.item_id}")
        total = ledger.size(session)
    monkeypatch.setattr(ledger_export, "BATCH", 7)
    target = tmp_path / "all.csv"
    reports: list[tuple[int, int]] = []
    written = ledger_export.export_csv(facts.store.database, target, EntryFilter(), csv_header(), csv_row,
                                       lambda done, of: reports.append((done, of)), lambda: False)
    rows = _parse(target)
    assert written == total == len(rows) - 1 and reports[-1] == (total, total)
    assert [int(row[0]) for row in rows[1:]] == list(range(total - 1, -1, -1))

    with pytest.raises(InvalidInput):
        ledger_export.export_csv(facts.store.database, target, EntryFilter(), csv_header(), csv_row,
                                 lambda done, of: None, lambda: False)
    out = tmp_path / "out"
    out.mkdir()
    checks: list[int] = []

    def cancel_after_two_batches() -> bool:
        checks.append(1)
        return len(checks) > 2

    with pytest.raises(Cancelled):
        ledger_export.export_csv(facts.store.database, out / "cancelled.csv", EntryFilter(), csv_header(),
                                 csv_row, lambda done, of: None, cancel_after_two_batches)
    assert list(out.iterdir()) == []  # neither the file nor its temp is left


def test_csv_cells_that_look_like_formulas_stay_text(sqlite_facts: Facts, tmp_path: Path) -> None:
    facts = sqlite_facts
    with facts.store.database.session_scope() as session:
        ledger.append(session, "lihua", "test.event", "=HYPERLINK(\"http://example.com\")")
    target = tmp_path / "formula.csv"
    ledger_export.export_csv(facts.store.database, target, EntryFilter(kinds=("test.event",)), csv_header(),
                             csv_row, lambda done, of: None, lambda: False)
    rows = _parse(target)
    assert rows[1][7] == "'=HYPERLINK(\"http://example.com\")"


def test_custody_trail_shows_the_subject_in_words(qtbot: QtBot, sqlite_facts: Facts) -> None:
    facts = sqlite_facts
    page = EvidencePage(facts.store, facts.notary)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    qtbot.waitExposed(page)
    settled(qtbot, page)
    page.table.selectRow(0)
    settled(qtbot, page)
    assert page.trail.rowCount() >= 1
    cell = page.trail.item(0, 4)
    assert cell.text() == f"Evidence {facts.item_id} {FILE_NAME}"
    assert f"evidence:{facts.item_id}" in cell.toolTip()


def test_a_page_of_entries_is_lazy(qtbot: QtBot, sqlite_facts: Facts) -> None:
    facts = sqlite_facts
    with facts.store.database.session_scope() as session:
        for _step in range(PAGE_SIZE + 20):
            ledger.append(session, "lihua", EventKind.EVIDENCE_VIEWED, f"evidence:{facts.item_id}")
    page = _page(qtbot, facts)
    page.kind_combo.setCurrentIndex(page.kind_combo.findText("Evidence viewed"))
    settled(qtbot, page)
    assert page.model.rowCount() == PAGE_SIZE and page.model.canFetchMore()
    page.model.fetchMore()
    settled(qtbot, page)
    assert page.model.rowCount() == PAGE_SIZE + 20 and not page.model.canFetchMore()
    seqs = [entry.seq for entry in page.model.rows]
    assert seqs == sorted(seqs, reverse=True) and len(set(seqs)) == len(seqs)
