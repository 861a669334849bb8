"""Cases in full, in core, on SQLite and PostgreSQL: two number series, details, parties and agents with
versions and the optimistic check, workflow moves, mediators and their access, deadlines, the register's
filters, and verification of what was logged."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from db.models import MediationCase, RecordVersion
from desktop.core.cases import matters, parties, progress, register
from desktop.core.cases.agents import AgentKind, Authority, SpecialPower, agent, service_address
from desktop.core.cases.deadlines import DeadlineKind
from desktop.core.cases.identity import DocumentKind, resident_id_check
from desktop.core.cases.matters import CaseSource, MatterKind, PatentKind, Procedure, case_details
from desktop.core.cases.outcomes import OutcomeInput, OutcomeKind, record_outcome
from desktop.core.cases.persons import Sex, organisation, person
from desktop.core.cases.versions import StaleEdit
from desktop.core.cases.workflow import CaseStatus
from desktop.core.errors import InvalidInput, NotAllowed
from desktop.core.office import office
from desktop.core.storage.store import OpenStore
from desktop.core.trust import ledger, users
from desktop.core.trust.permissions import Actor, Role
from desktop.core.verification.store import verify_store

NOW = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)  # 10:00 in Kunming
TODAY = date(2026, 11, 26)


def resident_id(first17: str) -> str:
    return first17 + resident_id_check(first17)


ZHANG = person("张丽", Sex.FEMALE, None, DocumentKind.RESIDENT_ID, resident_id("53010219850314002"),
               ethnicity="彝族", address="昆明市五华区翠湖南路1号", phone="13808712345", today=TODAY)
COMPANY = organisation("云南普洱茶业有限公司", credit_code="91330100799655058B", domicile="普洱市思茅区",
                       representative="王强", representative_post="执行董事")
HONG_KONG = person("陈大文", Sex.MALE, date(1980, 5, 1), DocumentKind.HK_MACAO_PERMIT, "H12345678",
                   today=TODAY)


class Committee:
    """An office with an administrator, two mediators and a clerk."""

    def __init__(self, store: OpenStore) -> None:
        self.database = store.database
        self.vault = store.vault
        with self.database.session_scope() as session:
            office.create_office(session, "昆明市知识产权纠纷人民调解委员会", "云知", mediation_word="调",
                                 notarial_prefix="云昆", notarial_word="证")
            self.admin = users.create_first_admin(session, "admin", "admin-password-1", "赵文")
            for name, real_name in (("lihua", "李华"), ("wangwu", "王五")):
                users.add_user(session, self.admin, name, frozenset({Role.MEDIATOR}), "mediator-pass-1",
                               real_name)
            users.add_user(session, self.admin, "clerk", frozenset({Role.CLERK}), "clerk-password-1", "孙琳")
        self.lihua = users.sign_in(self.database, "lihua", "mediator-pass-1")
        self.wangwu = users.sign_in(self.database, "wangwu", "mediator-pass-1")
        self.clerk = users.sign_in(self.database, "clerk", "clerk-password-1")

    def open(self, actor: Actor, **details: object) -> str:
        fields: dict[str, object] = {"case_type": "trademark", "title": "某商标侵权纠纷",
                                     "received_on": date(2026, 11, 20)}
        fields.update(details)
        kind = fields.pop("kind", MatterKind.MEDIATION)
        with self.database.session_scope() as session:
            chosen = case_details(kind, today=TODAY, **fields)  # type: ignore[arg-type]
            return matters.open_matter(session, actor, kind, chosen, NOW).number  # type: ignore[arg-type]

    def findings(self) -> list[str]:
        with self.database.session_scope() as session:
            return [finding.code for finding in verify_store(session, self.vault).findings]


@pytest.fixture
def committee(store: OpenStore) -> Committee:
    return Committee(store)


def test_each_kind_has_its_own_series(committee: Committee) -> None:
    first = committee.open(committee.clerk)
    second = committee.open(committee.clerk)
    notarial = committee.open(committee.clerk, kind=MatterKind.NOTARIAL, case_type="copyright",
                              title="网页证据保全")
    assert (first, second) == ("（2026）云知调字第0001号", "（2026）云知调字第0002号")
    assert notarial.endswith("字第0001号") and notarial != first
    with committee.database.session_scope() as session:
        assert matters.case_info(session, notarial).kind is MatterKind.NOTARIAL
        assert [case.number for case in matters.list_cases(session, MatterKind.MEDIATION)] == [second, first]
    assert committee.findings() == []


def test_details_are_recorded_checked_and_versioned(committee: Committee) -> None:
    notarial = committee.open(committee.clerk, kind=MatterKind.NOTARIAL, title="证据保全")
    number = committee.open(
        committee.clerk, case_type="patent", patent_kind=PatentKind.UTILITY_MODEL,
        title="某茶具实用新型专利纠纷", summary="申请人称被申请人销售的茶具落入其专利保护范围。",
        requests=["停止销售", "赔偿经济损失"], amount_claimed=Decimal("50000.50"),
        source=CaseSource.COURT_ENTRUSTED, court_name="昆明市中级人民法院",
        court_case_number="（2026）云01知民初56号", procedure=Procedure.SIMPLE, cited_matter=notarial)
    with committee.database.session_scope() as session:
        row = matters.find_case(session, number)
        details = matters.details_of(session, row)
        assert (details.time_limit_days, details.amount_claimed, details.requests, details.cited_matter) == (
            7, Decimal("50000.50"), ("停止销售", "赔偿经济损失"), notarial)  # 2021 rules art. 24: 7 days
        assert row.status == CaseStatus.REGISTERED and row.next_deadline == date(2026, 11, 27)
        changed = matters.case_details(MatterKind.MEDIATION, "patent", "某茶具专利纠纷", date(2026, 11, 20),
                                       today=TODAY, source=CaseSource.COURT_INVITED,
                                       court_name="五华区人民法院")
        info = matters.update_case(session, committee.clerk, number, changed, expected_revision=1, now=NOW)
        assert info.revision == 2
    with committee.database.session_scope() as session, pytest.raises(StaleEdit) as stale:
        matters.update_case(session, committee.clerk, number, details, expected_revision=1, now=NOW)
    assert "version 2" in stale.value.message
    with committee.database.session_scope() as session:
        row = matters.find_case(session, number)
        assert (row.time_limit_days, row.next_deadline) == (30, date(2026, 12, 21))  # 12-20 is a Sunday
        stored = session.scalars(select(RecordVersion.version).where(
            RecordVersion.subject == matters.case_subject(number))).all()
        assert stored == [1, 2]
    assert committee.findings() == []
    with committee.database.session_scope() as session:
        session.execute(update(MediationCase).where(MediationCase.number == number)
                        .values(title="改过的标题"))
    assert committee.findings() == ["case-record-changed"]


@pytest.mark.parametrize(("fields", "field"), [
    ({"received_on": date(2026, 11, 27)}, "received_on"),
    ({"patent_kind": PatentKind.DESIGN}, "patent_kind"),
    ({"source": CaseSource.COURT_INVITED}, "court_name"),
    ({"source": CaseSource.COURT_ENTRUSTED, "court_name": "五华区人民法院"}, "court_case_number"),
    ({"court_name": "五华区人民法院"}, "court_name"),
    ({"source": CaseSource.COURT_INVITED, "court_name": "五华区人民法院", "time_limit_days": 0},
     "time_limit_days"),
    ({"amount_claimed": Decimal("-1")}, "amount_claimed"),
    ({"title": " "}, "title"),
])
def test_bad_details_are_refused_by_field(fields: dict[str, object], field: str) -> None:
    values: dict[str, object] = {"case_type": "trademark", "title": "某商标纠纷", "received_on": TODAY}
    values.update(fields)
    with pytest.raises(InvalidInput) as refused:
        case_details(MatterKind.MEDIATION, today=TODAY, **values)  # type: ignore[arg-type]
    assert refused.value.fields.get("field") == field


def test_parties_and_agents_are_versioned_and_mark_the_case(committee: Committee) -> None:
    number = committee.open(committee.clerk)
    with committee.database.session_scope() as session:
        applicant = parties.add_party(session, committee.clerk, number, "applicant", COMPANY,
                                      service_address("普洱市思茅区茶苑路8号", phone="13808712345"), now=NOW)
        respondent = parties.add_party(session, committee.clerk, number, "respondent", ZHANG, now=NOW)
        lawyer = agent("周律师", AgentKind.LAWYER, Authority.SPECIAL, date(2026, 11, 20),
                       firm="云南某某律师事务所",
                       licence_number="15301201910123456",
                       powers=[SpecialPower.SETTLE, SpecialPower.APPLY_CONFIRMATION])
        added = parties.add_agent(session, committee.clerk, applicant.id, lawyer, now=NOW)
        assert matters.find_case(session, number).foreign_related is False
    with committee.database.session_scope() as session:
        parties.add_party(session, committee.clerk, number, "third-party", HONG_KONG, now=NOW)
        row = matters.find_case(session, number)
        assert row.foreign_related is True  # 涉港澳台
        assert row.party_names == "云南普洱茶业有限公司、张丽、陈大文"
    moved = person("张丽", Sex.FEMALE, None, DocumentKind.RESIDENT_ID, ZHANG.document_number,
                   ethnicity="彝族", address="昆明市盘龙区北京路2号", phone="13808712345", today=TODAY)
    with committee.database.session_scope() as session:
        edited = parties.edit_party(session, committee.clerk, respondent.id, 1, "respondent", moved, now=NOW)
        assert edited.version == 2
    with committee.database.session_scope() as session, pytest.raises(StaleEdit):
        parties.edit_party(session, committee.clerk, respondent.id, 1, "respondent", ZHANG, now=NOW)
    with committee.database.session_scope() as session:
        history = parties.party_history(session, respondent.id)
        assert [version.identity.address for version in history] == [
            "昆明市五华区翠湖南路1号", "昆明市盘龙区北京路2号"]
        listed = parties.list_parties(session, number)
        assert [party.identity.name for party in listed] == ["云南普洱茶业有限公司", "张丽", "陈大文"]
        assert listed[0].service is not None and listed[0].service.address == "普洱市思茅区茶苑路8号"
        agents = parties.list_agents(session, number)
        assert [(item.agent.name, item.party_id, item.agent.powers) for item in agents] == [
            ("周律师", applicant.id, (SpecialPower.SETTLE, SpecialPower.APPLY_CONFIRMATION))]
        assert added.version == 1
        kinds = [entry.kind for entry in ledger.entries(session, 0, 1000)]
        assert kinds.count("party.added") == 3 and kinds.count("party.edited") == 1
        assert kinds.count("agent.added") == 1
    assert committee.findings() == []


def test_a_forged_party_is_checked_again_in_the_service(committee: Committee) -> None:
    number = committee.open(committee.clerk)
    forged = ZHANG.__class__(**{**{name: getattr(ZHANG, name) for name in ZHANG.__slots__},
                                "document_number": "530102198503140021"})
    with committee.database.session_scope() as session, pytest.raises(InvalidInput):
        parties.add_party(session, committee.clerk, number, "applicant", forged, now=NOW)


def test_the_workflow_moves_with_reasons_and_deadlines(committee: Committee) -> None:
    number = committee.open(committee.clerk)
    with committee.database.session_scope() as session:
        progress.move_case(session, committee.clerk, number, "accepted", now=NOW)
        with pytest.raises(NotAllowed) as refused:
            progress.move_case(session, committee.clerk, number, "closed", now=NOW)
        assert "“Accepted” cannot move to “Closed and archived”" in refused.value.message.format(
            **refused.value.fields)
        progress.move_case(session, committee.clerk, number, "in-mediation", now=NOW)
        with pytest.raises(NotAllowed):  # refused as a move by hand before any reason is asked for
            progress.move_case(session, committee.clerk, number, "failed", now=NOW)
        record_outcome(session, committee.clerk, number, OutcomeInput(
            OutcomeKind.ORAL_AGREEMENT, effective_on=date(2026, 11, 25), content="被申请人停止销售并赔偿"),
            now=NOW)
        row = matters.find_case(session, number)
        assert row.next_deadline == date(2026, 12, 25)  # People's Mediation Law art. 33: 30 days
        assert [deadline.kind for deadline in matters.deadlines_of(row)] == [DeadlineKind.CONFIRMATION]
        progress.move_case(session, committee.clerk, number, "confirmation-applied", now=NOW)
        assert matters.find_case(session, number).next_deadline is None
        moves = progress.history(session, number)
        assert [(move.from_status, move.to_status) for move in moves][-1] == (
            CaseStatus.AGREEMENT, CaseStatus.CONFIRMATION_APPLIED)
        assert len(moves) == 4
    assert committee.findings() == []


def test_the_end_of_a_mediation_is_its_outcome_never_a_move_by_hand(committee: Committee) -> None:
    number = committee.open(committee.clerk)
    with committee.database.session_scope() as session:
        progress.move_case(session, committee.clerk, number, "accepted", now=NOW)
        progress.move_case(session, committee.clerk, number, "in-mediation", now=NOW)
    for target in ("agreement", "failed", "withdrawn"):
        with committee.database.session_scope() as session, pytest.raises(NotAllowed) as refused:
            progress.move_case(session, committee.clerk, number, target, "双方分歧过大", now=NOW)
        message = refused.value.message.format(**refused.value.fields)
        assert "by recording the outcome" in message and "mediseal outcome" in message, message
        assert "Outcome and Performance tab" in message
    with committee.database.session_scope() as session:
        row = matters.find_case(session, number)
        assert (row.status, row.agreement_effective_on) == (CaseStatus.IN_MEDIATION, None)
        assert len(progress.history(session, number)) == 2  # nothing half-written
        # the move an outcome makes is not a way round: it makes only the moves that end a mediation
        with pytest.raises(NotAllowed):
            progress.move_for_outcome(session, committee.clerk, number, CaseStatus.ACCEPTED, "", None, NOW)
        failed = record_outcome(session, committee.clerk, number,
                                OutcomeInput(OutcomeKind.FAILED, reason="双方分歧过大"), now=NOW)
        moves = progress.history(session, number)
        assert (moves[-1].from_status, moves[-1].to_status, moves[-1].reason) == (
            CaseStatus.IN_MEDIATION, CaseStatus.FAILED, "双方分歧过大")
        assert failed.kind is OutcomeKind.FAILED
    # withdrawal before the mediation began stays a move by hand
    other = committee.open(committee.clerk)
    with committee.database.session_scope() as session:
        progress.move_case(session, committee.clerk, other, "withdrawn", "申请人撤回申请", now=NOW)
        assert matters.find_case(session, other).status == CaseStatus.WITHDRAWN
    assert committee.findings() == []


def test_only_assigned_mediators_and_the_administrator_act(committee: Committee) -> None:
    number = committee.open(committee.clerk)
    with committee.database.session_scope() as session:
        with pytest.raises(NotAllowed):  # a mediator assigns only themself to a case with none
            progress.assign_mediator(session, committee.lihua, number, "wangwu", conflict=False)
        progress.assign_mediator(session, committee.lihua, number, "lihua", conflict=False, now=NOW)
        with pytest.raises(InvalidInput):  # a declared conflict says what it is
            progress.assign_mediator(session, committee.admin, number, "wangwu", conflict=True)
    with committee.database.session_scope() as session:
        with pytest.raises(NotAllowed) as refused:
            progress.move_case(session, committee.wangwu, number, "accepted", now=NOW)
        assert refused.value.fields["mediators"] == "lihua"
        with pytest.raises(NotAllowed):
            progress.move_case(session, committee.clerk, number, "accepted", now=NOW)
    with committee.database.session_scope() as session:
        progress.move_case(session, committee.lihua, number, "accepted", now=NOW)
        progress.move_case(session, committee.admin, number, "in-mediation", now=NOW)
        progress.assign_mediator(session, committee.admin, number, "wangwu", conflict=True,
                                 declaration="曾担任申请人的法律顾问，已告知双方，双方同意", now=NOW)
        assert matters.find_case(session, number).mediator_names == "李华、王五"
        assert [item.conflict for item in progress.assignments(session, number)] == [False, True]
    # A mediator whose name appears as a party elsewhere is warned of it.
    other = committee.open(committee.clerk)
    li_hua = person("李华", Sex.FEMALE, None, DocumentKind.RESIDENT_ID, resident_id("53010219900101002"),
                    today=TODAY)
    with committee.database.session_scope() as session:
        parties.add_party(session, committee.clerk, other, "applicant", li_hua, now=NOW)
        found = progress.mediator_appearances(session, "lihua")
        assert found == [progress.Appearance(other, "party", "李华")]
    assert committee.findings() == []


def test_the_mediators_to_choose_from_are_the_enabled_users_with_the_role(committee: Committee) -> None:
    """The one list the register's filter and the assignment dialog both read (users.mediators)."""
    with committee.database.session_scope() as session:
        assert [(found.name, found.real_name) for found in users.mediators(session)] == [
            ("lihua", "李华"), ("wangwu", "王五")]  # not the administrator nor the clerk; by login
        users.disable_user(session, committee.admin, "wangwu")
        assert [found.name for found in users.mediators(session)] == ["lihua"]


def test_the_register_says_which_kind_of_foreign_related_case(committee: Committee) -> None:
    """涉外 for a foreign party, 涉港澳台 for one from Hong Kong, Macao or Taiwan, both when both; read for
    the page's cases in one query over their parties' origins."""
    visitor = person("John Smith", Sex.MALE, date(1975, 3, 2), DocumentKind.PASSPORT, "533380006",
                     nationality="USA", today=TODAY)
    cases = {name: committee.open(committee.clerk, title=f"某商标侵权纠纷{name}")
             for name in ("mainland", "foreign", "hong-kong", "both")}
    with committee.database.session_scope() as session:
        for name, identities in (("mainland", [ZHANG]), ("foreign", [ZHANG, visitor]),
                                 ("hong-kong", [HONG_KONG, COMPANY]), ("both", [visitor, HONG_KONG])):
            for identity in identities:
                parties.add_party(session, committee.clerk, cases[name], "applicant", identity, now=NOW)
    with committee.database.session_scope() as session:
        shown = {row.number: (row.foreign_related, row.foreign_marks)
                 for row in register.page(session, register.CaseFilter())}
    mark = register.ForeignMark
    assert shown == {cases["mainland"]: (False, ()), cases["foreign"]: (True, (mark.FOREIGN,)),
                     cases["hong-kong"]: (True, (mark.HK_MACAO_TAIWAN,)),
                     cases["both"]: (True, (mark.FOREIGN, mark.HK_MACAO_TAIWAN))}


def test_the_register_filters_and_sorts(committee: Committee) -> None:
    first = committee.open(committee.clerk, case_type="copyright", title="某图片著作权纠纷")
    second = committee.open(committee.clerk, title="某商标侵权纠纷", source=CaseSource.COURT_INVITED,
                            court_name="五华区人民法院", received_on=date(2026, 11, 1))
    notarial = committee.open(committee.clerk, kind=MatterKind.NOTARIAL, title="证据保全")
    with committee.database.session_scope() as session:
        parties.add_party(session, committee.clerk, first, "applicant", HONG_KONG, now=NOW)
        parties.add_party(session, committee.clerk, second, "applicant", COMPANY, now=NOW)
        progress.assign_mediator(session, committee.lihua, second, "lihua", conflict=False, now=NOW)

        def numbers(**wanted: object) -> list[str]:
            chosen = register.CaseFilter(today=TODAY, **wanted)  # type: ignore[arg-type]
            listed = [row.number for row in register.page(session, chosen)]
            assert register.count(session, chosen) == len(listed)
            return listed

        assert numbers() == [notarial, second, first]  # by year, then kind, then serial
        assert numbers(kind=MatterKind.NOTARIAL) == [notarial]
        assert numbers(case_type="copyright") == [first]
        assert numbers(text="普洱茶") == [second]  # a Chinese substring of a party's name
        assert numbers(text="图片") == [first]
        assert numbers(text="(2026)云知调字第0001号") == [first]  # either bracket width
        assert numbers(foreign_related=True) == [first]
        assert numbers(mediator="lihua") == [second]
        assert numbers(due_soon=True) == [second]  # 30 days from 11-01 ends 12-01
        assert numbers(received_from=date(2026, 11, 15), kind=MatterKind.MEDIATION) == [first]
        assert numbers(status=CaseStatus.REGISTERED, kind=MatterKind.MEDIATION) == [second, first]
        by_title = register.page(session, register.CaseFilter(kind=MatterKind.MEDIATION),
                                 register.SortKey.TITLE, descending=False)
        assert [row.title for row in by_title] == sorted(["某图片著作权纠纷", "某商标侵权纠纷"])
        assert register.due_soon_count(session, TODAY) == 1


def test_requests_are_stored_as_a_json_list(committee: Committee) -> None:
    number = committee.open(committee.clerk, requests=["停止侵权", "", "赔礼道歉"])
    with committee.database.session_scope() as session:
        assert json.loads(matters.find_case(session, number).requests) == ["停止侵权", "赔礼道歉"]


def test_verification_finds_changes_to_moves_mediators_parties_and_agents(committee: Committee) -> None:
    from sqlalchemy import delete

    from db.models import Agent as AgentRow
    from db.models import CaseMediator, Party

    number = committee.open(committee.clerk)
    with committee.database.session_scope() as session:
        party = parties.add_party(session, committee.clerk, number, "applicant", ZHANG, now=NOW)
        lawyer = agent("周律师", AgentKind.LAWYER, Authority.GENERAL, date(2026, 11, 20),
                       firm="云南某某律师事务所", licence_number="15301201910123456")
        added = parties.add_agent(session, committee.clerk, party.id, lawyer, now=NOW)
        progress.assign_mediator(session, committee.lihua, number, "lihua", conflict=False, now=NOW)
        progress.move_case(session, committee.lihua, number, "accepted", now=NOW)
    assert committee.findings() == []
    with committee.database.session_scope() as session:  # behind the app's back
        session.execute(update(MediationCase).where(MediationCase.number == number).values(status="closed"))
        session.execute(update(Party).where(Party.id == party.id).values(name="张某"))
        session.execute(update(CaseMediator).values(conflict=True))
        session.execute(delete(AgentRow).where(AgentRow.id == added.id))
    found = committee.findings()
    assert {"case-status-changed", "record-row-changed", "mediator-assignment-changed",
            "mediator-assignment-missing"} <= set(found), found
    assert "record-version-missing" in found  # the agent's row is gone; the ledger still names it


def test_the_ledger_names_parties_and_agents_in_words(committee: Committee) -> None:
    from desktop.core.trust.subjects import SubjectKind, describe_subjects

    number = committee.open(committee.clerk)
    with committee.database.session_scope() as session:
        party = parties.add_party(session, committee.clerk, number, "applicant", COMPANY, now=NOW)
        described = describe_subjects(session, [parties.party_subject(party.id), "party:999", "agent:7"])
    assert (described[f"party:{party.id}"].kind, described[f"party:{party.id}"].name,
            described[f"party:{party.id}"].case_number) == (SubjectKind.PARTY, "云南普洱茶业有限公司", number)
    assert not described["party:999"].found and described["agent:7"].kind is SubjectKind.AGENT


def test_the_office_day_decides_the_year_and_the_deadlines(committee: Committee) -> None:
    # 2026-12-31 16:30 UTC is already 1 January 2027 in Kunming (UTC+8): the number and the day received
    # follow the office's calendar, not the machine's.
    new_year = datetime(2026, 12, 31, 16, 30, tzinfo=UTC)
    with committee.database.session_scope() as session:
        info = matters.open_case(session, committee.clerk, "trademark", "跨年登记的案件", now=new_year)
        row = matters.find_case(session, info.number)
        assert info.number.startswith("（2027）") and row.received_on == date(2027, 1, 1)
        progress.move_case(session, committee.clerk, info.number, "accepted", now=new_year)
        progress.move_case(session, committee.clerk, info.number, "in-mediation", now=new_year)
        record_outcome(session, committee.clerk, info.number,
                       OutcomeInput(OutcomeKind.ORAL_AGREEMENT, content="双方同意停止侵权"), now=new_year)
        row = matters.find_case(session, info.number)
        # Effective on 1 January (the office's today); 30 days end on 31 January, a Sunday, so the period
        # runs to Monday 1 February (Civil Code art. 203).
        assert (row.agreement_effective_on, row.next_deadline) == (date(2027, 1, 1), date(2027, 2, 1))
