"""The sample data of ``mediseal demo``: deterministic, well-formed (every number passes the checks a clerk's
entry passes), every move allowed by the workflow, and a spread that shows every part of the app."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from datetime import date, timedelta
from decimal import Decimal

import pytest

from desktop.core.cases import demo_data
from desktop.core.cases.agents import AgentKind, Authority
from desktop.core.cases.deadlines import invited_mediation_limit
from desktop.core.cases.demo_data import DemoCase, DemoPerson, demo_cases
from desktop.core.cases.identity import DocumentKind, Origin, check_credit_code, check_resident_id
from desktop.core.cases.matters import CaseSource, CaseType, MatterKind, PatentKind, validate_title
from desktop.core.cases.parties import PartyRole
from desktop.core.cases.persons import ETHNIC_GROUPS, Sex, check_phone
from desktop.core.cases.workflow import NEEDS_REASON, CaseStatus, check_move
from desktop.core.text import clean_text

TODAY = date(2026, 3, 15)
FIELDS = ("name", "sex", "birth_date", "document", "document_number", "origin", "nationality", "ethnicity",
          "occupation", "address", "phone")
COUNT = 3000


@pytest.fixture(scope="module")
def cases() -> list[DemoCase]:
    return list(demo_cases(COUNT, 2026, TODAY))


def _people(case: DemoCase) -> list[DemoPerson]:
    people = [party.person for party in case.parties if party.person is not None]
    return people + [agent.person for party in case.parties for agent in party.agents]


def _digest(items: list[DemoCase]) -> str:
    return hashlib.sha256(repr(items).encode()).hexdigest()


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data(cases: list[DemoCase]) -> None:
    assert _digest(list(demo_cases(COUNT, 2026, TODAY))) == _digest(cases)
    assert _digest(list(demo_cases(200, 2027, TODAY))) != _digest(cases[:200])
    # a shorter run is the start of a longer one: `demo --cases 100` shows the first cases of 100 000
    assert _digest(list(demo_cases(200, 2026, TODAY))) == _digest(cases[:200])
    assert [case.sequence for case in cases] == list(range(COUNT))
    assert list(demo_cases(0, 1, TODAY)) == []
    with pytest.raises(ValueError):
        list(demo_cases(-1, 1, TODAY))


def test_every_person_passes_the_core_checks_in_its_stored_form(cases: list[DemoCase]) -> None:
    owners: dict[str, tuple[str, date]] = {}
    for case in cases:
        for someone in _people(case):
            checked = someone.checked(TODAY)  # raises InvalidInput on any fault
            assert tuple(getattr(checked, field) for field in FIELDS) == \
                tuple(getattr(someone, field) for field in FIELDS)
            # one number, one person (a lawyer appears in many cases, always the same)
            assert owners.setdefault(someone.document_number, (someone.name, someone.birth_date)) == \
                (someone.name, someone.birth_date)
            if someone.document is DocumentKind.RESIDENT_ID:
                resident = check_resident_id(someone.document_number, today=TODAY)
                assert resident.male is (someone.sex is Sex.MALE)
                if someone.origin is Origin.MAINLAND:
                    assert someone.document_number.startswith("53")  # a Yunnan region code
                    assert someone.ethnicity in ETHNIC_GROUPS
            assert someone.birth_date <= case.received - timedelta(days=18 * 365)


def test_every_organisation_passes_the_core_checks(cases: list[DemoCase]) -> None:
    names_by_code: dict[str, str] = {}
    for case in cases:
        for party in case.parties:
            if party.organisation is None:
                continue
            organisation = party.organisation
            assert organisation.checked().credit_code == organisation.credit_code
            if organisation.origin is Origin.MAINLAND:
                assert check_credit_code(organisation.credit_code) == organisation.credit_code
                assert organisation.credit_code[:2] in ("91", "92", "51")
                assert organisation.credit_code[2:4] == "53"  # registered in Yunnan
                named = names_by_code.setdefault(organisation.credit_code, organisation.name)
                assert named == organisation.name
            else:
                assert organisation.registration_number and organisation.country != "CHN"
            assert organisation.representative and organisation.representative_post


def test_phones_and_texts_are_in_their_stored_form(cases: list[DemoCase]) -> None:
    for case in cases:
        for party in case.parties:
            assert check_phone(party.service_phone) == party.service_phone != ""
            assert clean_text(party.service_address, "address", 200, required=True) == party.service_address
        assert validate_title(case.title) == case.title
        assert clean_text(case.account, "account", 2000, multiline=True, required=True) == case.account
        assert 1 <= case.account.count("。") <= 3
        assert 1 <= len(case.requests) <= 3
        assert all(clean_text(request, "request", 500, required=True) == request for request in case.requests)


def test_every_move_path_is_allowed_and_dated_in_order(cases: list[DemoCase]) -> None:
    earliest = TODAY - timedelta(days=demo_data.WINDOW_DAYS)
    for case in cases:
        assert earliest <= case.received <= TODAY
        current, day = CaseStatus.REGISTERED, case.received
        for move in case.moves:
            assert move.source is current
            assert check_move(move.source, move.target, move.reason) == move.reason
            assert bool(move.reason) is (move.target in NEEDS_REASON)
            assert day <= move.on <= TODAY
            current, day = move.target, move.on
        assert current is case.status
        for party in case.parties:
            for agent in party.agents:
                assert agent.valid_from <= TODAY
                assert agent.valid_to is None or agent.valid_to > agent.valid_from


def test_agents_are_lawyers_with_licences_or_named_relations(cases: list[DemoCase]) -> None:
    agents = [agent for case in cases for party in case.parties for agent in party.agents]
    assert 0.7 <= len(agents) / COUNT <= 1.4
    kinds = Counter(agent.kind for agent in agents)
    assert kinds[AgentKind.LAWYER] and kinds[AgentKind.RELATIVE_OR_STAFF]
    for agent in agents:
        if agent.kind is AgentKind.LAWYER:
            # 17 digits: 1, the province and city (53 ..), the first year of practice, 1 (full-time), sex
            assert re.fullmatch(r"153\d{2}(19|20)\d{2}1[01]\d{6}", agent.licence_number)
            assert int(agent.licence_number[10]) == (agent.person.sex is Sex.MALE)
            assert agent.firm.endswith("律师事务所") and not agent.relation
        else:
            assert not agent.licence_number and re.fullmatch(r"(近亲属|工作人员)（.+）", agent.relation)
        assert bool(agent.special_powers) is (agent.authority is Authority.SPECIAL)


def test_the_spread_shows_every_part_of_the_app(cases: list[DemoCase]) -> None:
    statuses = Counter(case.status for case in cases)
    assert set(statuses) == set(CaseStatus)
    types = Counter(case.case_type for case in cases)
    assert set(CaseType) == set(types)
    assert types.most_common(2)[0][0] in ("trademark", "copyright")
    assert {case.patent_kind for case in cases if case.case_type == "patent"} == set(PatentKind)
    assert all(case.patent_kind is None for case in cases if case.case_type != "patent")
    assert {case.kind for case in cases} == set(MatterKind)
    assert set(Counter(case.source for case in cases)) == set(CaseSource)

    parties = [party for case in cases for party in case.parties]
    assert 2.2 <= len(parties) / COUNT <= 2.8
    outside = sum(party.origin is not Origin.MAINLAND for party in parties)
    assert 0.03 <= outside / len(parties) <= 0.05
    assert {party.origin for party in parties} == set(Origin)
    assert any(case.foreign_related for case in cases)
    people = [someone for case in cases for someone in _people(case)]
    assert {someone.document for someone in people} == set(DocumentKind)
    prefixes = {someone.document_number[:2] for someone in people
                if someone.document is DocumentKind.RESIDENT_ID}
    assert {"81", "82", "83", "95"} <= prefixes  # residence permits and foreign permanent-resident cards
    assert len({someone.ethnicity for someone in people}) >= 10
    for role in PartyRole:
        assert any(party.role is role for party in parties)


def test_mediation_cases_read_like_a_committees_register(cases: list[DemoCase]) -> None:
    for case in cases:
        applicants = case.applicants
        assert applicants and applicants[0].name in case.title
        if case.kind is MatterKind.NOTARIAL:
            assert not case.respondents and case.title.endswith("保全证据公证") and case.amount is None
            continue
        assert case.respondents and case.respondents[0].name in case.title
        assert case.title.endswith("纠纷") and "诉" in case.title
        if case.amount is not None:
            assert case.amount > 0 and case.amount.as_tuple().exponent == -2
            # the amount claimed is the loss and the costs the requests name
            named = [Decimal(figure.replace(",", "")) for request in case.requests
                     for figure in re.findall(r"人民币([\d,.]+)元", request)]
            assert named and sum(named) == case.amount
        if case.source.from_court:
            assert case.court.endswith("人民法院") and case.invited_days in (7, 15, 30)
            word = "民诉前调" if case.source is CaseSource.COURT_INVITED else "知民初"
            pattern = rf"（{case.received.year}）云\d{{2,4}}{word}\d{{1,4}}号"
            assert re.fullmatch(pattern, case.court_case_number)
        else:
            assert not case.court and not case.court_case_number and case.invited_days is None
        if case.case_type == "trade-secret":
            assert case.respondents[0].person is not None  # "系申请人前员工": a former employee
        if case.case_type == "geographical-indication":
            holder = applicants[0].organisation
            assert holder is not None and holder.name.endswith("促进会")
    amounts = [case.amount for case in cases if case.kind is MatterKind.MEDIATION]
    assert None in amounts and any(amount and amount % 1 for amount in amounts)  # some none, some with fen
    assert all(isinstance(amount, Decimal) for amount in amounts if amount is not None)


def test_some_deadlines_fall_due_within_the_next_seven_days(cases: list[DemoCase]) -> None:
    due = Counter(deadline.kind for case in cases for deadline in case.deadlines
                  if 0 <= deadline.days_left(TODAY) <= 7)
    assert len(due) == 2 and min(due.values()) >= 10  # both kinds: court-invited limits and confirmations
    for case in cases:
        for deadline in case.deadlines:
            assert deadline.days_left(TODAY) >= 0  # open deadlines: none has lapsed
            if case.invited_days is not None and case.status in (CaseStatus.REGISTERED, CaseStatus.ACCEPTED,
                                                                 CaseStatus.IN_MEDIATION):
                assert deadline == invited_mediation_limit(case.invited_days, case.received)
            else:
                assert case.status in (CaseStatus.AGREEMENT, CaseStatus.PERFORMING)
                agreed = [move.on for move in case.moves if move.target is CaseStatus.AGREEMENT][-1]
                assert (deadline.last_day - agreed).days >= 30


def test_every_case_passes_the_checks_of_the_case_services(cases: list[DemoCase]) -> None:
    for case in cases:
        details = case.details(TODAY)  # raises InvalidInput naming the field on any fault
        assert (details.title, details.summary, details.requests) == (case.title, case.account, case.requests)
        assert details.time_limit_days == case.invited_days
        for party in case.parties:
            assert party.identity(TODAY).name == party.name
            assert party.service().address == party.service_address
            for agent in party.agents:
                checked = agent.checked(TODAY)
                assert (checked.kind, checked.powers) == (agent.kind, agent.special_powers)
        if case.kind is MatterKind.NOTARIAL:  # the mediation workflow does not apply to a notarial matter
            assert case.status is CaseStatus.REGISTERED and not case.moves
