"""The office's register of documents (the side bar's Documents page, issue 12): every document of every
case, newest first, narrowed by kind and by a text in the case number (brackets in either width), the
case title or the maker; and the clerk's to-do list of agreements whose 30-day window for judicial
confirmation (Civil Procedure Law art. 205) is still open. Core on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from desktop.core.cases.matters import find_case
from desktop.core.cases.outcomes import (
    OutcomeInput,
    OutcomeKind,
    Signing,
    correct_outcome,
    standing_agreement,
)
from desktop.core.documents import registry
from desktop.core.documents.generation import DocumentKind
from desktop.core.documents.registry import confirmation_due, list_office_documents
from desktop.core.office.office import CASE_NUMBER_CLOSE, CASE_NUMBER_OPEN
from desktop.core.storage.store import OpenStore
from tests.test_cases import NOW
from tests.test_document_kinds import AGREED, Kinds

HOUR = timedelta(hours=1)


@pytest.fixture
def desk(store: OpenStore, tmp_path: Path) -> Kinds:
    return Kinds(store, tmp_path)


def second_case(desk: Kinds) -> str:
    """Another case, of another title."""
    return desk.open(desk.clerk, title="云南白药外观设计专利纠纷")


def test_the_register_lists_every_case_newest_first_narrowed_by_kind_and_text(desk: Kinds) -> None:
    other = second_case(desk)
    first = desk.generate("registration", desk.tmp / "1.pdf").id
    second = desk.generate("rights-notice", desk.tmp / "2.pdf", now=NOW + HOUR).id
    third = desk.generate("registration", desk.tmp / "3.pdf", number=other, now=NOW + 2 * HOUR).id
    with desk.database.session_scope() as session:
        registry.record_print(session, desk.clerk, second, "", 2, "Office printer")
        registry.record_print(session, desk.clerk, second, "1", 1, "Office printer")

    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        statements.append(statement)

    engine = desk.database.engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        with desk.database.session_scope() as session:
            listed = list_office_documents(session)
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    assert [entry.id for entry in listed] == [third, second, first]
    assert [entry.case_number for entry in listed] == [other, desk.number, desk.number]
    assert [entry.kind for entry in listed] == [DocumentKind.REGISTRATION, DocumentKind.RIGHTS_NOTICE,
                                                DocumentKind.REGISTRATION]
    assert listed[1].case_title == "普洱茶商标侵权纠纷" and listed[0].case_title == "云南白药外观设计专利纠纷"
    assert [entry.prints for entry in listed] == [0, 2, 0]
    assert all(entry.created_by == "clerk" and not entry.signed for entry in listed)
    assert listed[0].created_at > listed[1].created_at > listed[2].created_at
    # The PDF bytes stay in the database: no statement of the listing reads the column.
    assert statements and not any(re.search(r"document\.pdf\b", text) for text in statements)

    with desk.database.session_scope() as session:
        def ids(**given: Any) -> list[int]:
            return [entry.id for entry in list_office_documents(session, **given)]

        assert ids(kind=DocumentKind.REGISTRATION) == [third, first]
        assert ids(kind=DocumentKind.APPLICATION) == []
        # The number as typed with ASCII brackets finds the one recorded with full-width ones, and back.
        assert CASE_NUMBER_OPEN in desk.number
        ascii_number = desk.number.replace(CASE_NUMBER_OPEN, "(").replace(CASE_NUMBER_CLOSE, ")")
        assert ids(text=ascii_number) == [second, first]
        assert ids(text=f"  {desk.number} ") == [second, first]
        assert ids(text=other[-5:]) == [third]
        assert ids(text="白药") == [third]  # the case title
        assert ids(text="普洱茶", kind=DocumentKind.RIGHTS_NOTICE) == [second]
        assert ids(text="clerk") == [third, second, first]  # the maker's login name
        assert ids(text="孙琳") == [third, second, first]  # the maker's real name
        assert ids(text="李华") == []
        assert ids(text="%") == [] and ids(text="_") == []  # LIKE's wildcards are plain characters
        assert ids(limit=2) == [third, second]


def test_the_to_do_list_shows_open_windows_and_whether_the_application_was_made(desk: Kinds) -> None:
    second_case(desk)  # no agreement: never listed
    with desk.database.session_scope() as session:
        assert confirmation_due(session, date(2026, 11, 26)) == []
    desk.agree()  # a written agreement in force from 2026-11-25: the 30 days end on 2026-12-25
    court = desk.court()
    with desk.database.session_scope() as session:
        due = confirmation_due(session, date(2026, 11, 26))
        assert [(item.case_number, item.case_title, item.effective_on, item.last_day, item.application_made)
                for item in due] == [(desk.number, "普洱茶商标侵权纠纷", AGREED, date(2026, 12, 25), False)]
    # Another kind of document is not the application.
    desk.generate("registration", desk.tmp / "reg.pdf")
    with desk.database.session_scope() as session:
        assert not confirmation_due(session, date(2026, 11, 26))[0].application_made
    desk.generate("application", desk.tmp / "app.pdf", court=court)
    with desk.database.session_scope() as session:
        assert confirmation_due(session, date(2026, 11, 26))[0].application_made
        # The last day is still open; the day after, the window has closed and the case leaves the list.
        assert len(confirmation_due(session, date(2026, 12, 25))) == 1
        assert confirmation_due(session, date(2026, 12, 26)) == []


def test_an_application_made_before_the_agreement_was_corrected_does_not_count(desk: Kinds) -> None:
    desk.agree()
    court = desk.court()
    desk.generate("application", desk.tmp / "app.pdf", court=court)
    # The agreement is corrected later (signed a day later): its window runs anew, and the application
    # made for the corrected record names the wrong date: a new one is due.
    later = AGREED + timedelta(days=1)
    with desk.database.session_scope() as session:
        corrected = standing_agreement(session, find_case(session, desk.number))
        assert corrected is not None
        correct_outcome(session, desk.lihua, corrected.id, OutcomeInput(
            OutcomeKind.WRITTEN_AGREEMENT, signings=(Signing(desk.applicant, later),
                                                     Signing(desk.respondent, later)),
            mediator_signed_on=later), "协议签署日期记录有误", now=NOW + HOUR)
    with desk.database.session_scope() as session:
        due = confirmation_due(session, date(2026, 11, 27))
        assert [(item.effective_on, item.last_day, item.application_made) for item in due] == [
            (later, date(2026, 12, 28), False)]  # 30 days end on Saturday 26 December: Monday 28th
    desk.generate("application", desk.tmp / "again.pdf", court=court, now=NOW + 2 * HOUR)
    with desk.database.session_scope() as session:
        assert confirmation_due(session, date(2026, 11, 27))[0].application_made


def test_an_oral_agreement_has_no_window_to_list(desk: Kinds) -> None:
    desk.agree(OutcomeKind.ORAL_AGREEMENT)
    with desk.database.session_scope() as session:
        assert confirmation_due(session, datetime(2026, 11, 26, tzinfo=UTC).date()) == []
