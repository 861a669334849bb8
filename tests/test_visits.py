"""Follow-up visits in core, on SQLite and PostgreSQL: recorded only after an agreement, dated from its
effect to today, listed on the case, in the case file, and verified against the ledger."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.core.cases import matters
from desktop.core.cases.file_parts import FilePart
from desktop.core.cases.outcomes import file_documents
from desktop.core.cases.visits import VisitInput, add_visit, list_visits
from desktop.core.errors import InvalidInput, NotAllowed
from desktop.core.storage.store import OpenStore
from desktop.core.trust import ledger
from tests.tamper import behind_the_triggers
from tests.test_cases import NOW, TODAY
from tests.test_outcomes import Mediation

VISIT = VisitInput(TODAY, "李华、孙琳", "回访协议履行情况", "被申请人已下架全部链接，款项已付清。")


def test_a_visit_is_recorded_and_listed_after_an_agreement(store: OpenStore) -> None:
    mediation = Mediation(store)
    with mediation.database.session_scope() as session, pytest.raises(NotAllowed):
        add_visit(session, mediation.lihua, mediation.number, VISIT, now=NOW)  # no agreement yet
    mediation.agree(date(2026, 11, 25))
    with mediation.database.session_scope() as session:
        info = add_visit(session, mediation.lihua, mediation.number, VISIT, now=NOW)
    with mediation.database.session_scope() as session:
        assert list_visits(session, mediation.number) == [info]
        documents = file_documents(session, matters.find_case(session, mediation.number))
    assert [(document.part, document.reference) for document in documents] == [
        (FilePart.AGREEMENT, "outcome:1"), (FilePart.FOLLOW_UP, f"visit:{info.id}")]
    assert mediation.findings() == []
    behind_the_triggers(mediation.store, "follow_up_visit", "UPDATE follow_up_visit SET canonical = "
                        "replace(canonical, '已付清', '未付')")
    assert mediation.findings() == ["visit-changed"]


@pytest.mark.parametrize("given", [
    VisitInput(date(2026, 11, 24), "李华", "回访", "已履行"),  # before the agreement took effect
    VisitInput(TODAY + timedelta(days=1), "李华", "回访", "已履行"),  # still to come
    VisitInput(TODAY, "", "回访", "已履行"),
    VisitInput(TODAY, "李华", "回访", ""),
    VisitInput(TODAY, "李华\u202e", "回访", "已履行"),  # a bidi override
])
def test_bad_visits_are_refused(store: OpenStore, given: VisitInput) -> None:
    mediation = Mediation(store)
    mediation.agree(date(2026, 11, 25))
    with mediation.database.session_scope() as session:
        before = ledger.size(session)
    with mediation.database.session_scope() as session, pytest.raises(InvalidInput):
        add_visit(session, mediation.lihua, mediation.number, given, now=NOW)
    with mediation.database.session_scope() as session:
        assert (ledger.size(session), list_visits(session, mediation.number)) == (before, [])


def test_a_mediator_not_on_the_case_cannot_record_a_visit(store: OpenStore) -> None:
    mediation = Mediation(store)
    mediation.agree(date(2026, 11, 25))
    with mediation.database.session_scope() as session, pytest.raises(NotAllowed):
        add_visit(session, mediation.wangwu, mediation.number, VISIT, now=NOW)
