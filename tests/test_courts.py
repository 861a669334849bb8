"""The office's list of courts and the competent-court suggestion for judicial confirmation (Civil
Procedure Law art. 205), in core and through the command line, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from desktop.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, run
from desktop.core.cases import parties
from desktop.core.cases.matters import CaseSource, PatentKind, Procedure
from desktop.core.cases.persons import organisation
from desktop.core.documents.courts import ReasonCode, choose_court, suggest_court
from desktop.core.errors import InvalidInput, NotAllowed, NotFound
from desktop.core.office import courts
from desktop.core.office.courts import CourtLevel, Jurisdiction
from desktop.core.storage.store import OpenStore
from desktop.core.trust import ledger
from desktop.core.trust.events import EventKind
from tests.cli_env import point_cli_at
from tests.test_cases import ZHANG, Committee

NOW = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)
INTERMEDIATE = "昆明市中级人民法院"
WUHUA = "昆明市五华区人民法院"
PANLONG = "昆明市盘龙区人民法院"
GUANDU = "昆明市官渡区人民法院"
# A respondent living in 盘龙区; ZHANG (from test_cases) lives in 五华区.
SHOP = organisation("昆明滇池茶具商行有限公司", credit_code="91330100799655058B",
                    domicile="云南省昆明市盘龙区北京路100号", representative="钱进",
                    representative_post="经理")


@pytest.fixture
def committee(store: OpenStore) -> Committee:
    return Committee(store)


def kunming_list(committee: Committee) -> None:
    """Kunming's courts: the intermediate court hears technical IP cases for all Yunnan; 五华区 court
    hears other IP cases; 盘龙区 is listed as hearing none (for the caution); 官渡区 inactive."""
    with committee.database.session_scope() as session:
        courts.add_court(session, committee.admin, INTERMEDIATE, "intermediate", "昆明市", ip_area="云南省",
                         hears=["technical", "design-patent"], now=NOW)
        courts.add_court(session, committee.admin, WUHUA, CourtLevel.BASIC, "昆明市五华区",
                         hears=[Jurisdiction.GENERAL], now=NOW)
        courts.add_court(session, committee.admin, PANLONG, "basic", "昆明市盘龙区", now=NOW)
        courts.add_court(session, committee.admin, GUANDU, "basic", "昆明市官渡区", hears=["general"],
                         active=False, now=NOW)


def add_parties(committee: Committee, number: str, *identities: object) -> None:
    with committee.database.session_scope() as session:
        for index, identity in enumerate(identities):
            parties.add_party(session, committee.clerk, number, "applicant" if index == 0 else "respondent",
                              identity, now=NOW)  # type: ignore[arg-type]


def test_the_list_is_kept_versioned_and_logged(committee: Committee) -> None:
    kunming_list(committee)
    with committee.database.session_scope() as session:
        listed = courts.list_courts(session)
        assert [court.name for court in listed] == [INTERMEDIATE, WUHUA, GUANDU, PANLONG]
        assert [court.name for court in courts.list_courts(session, active_only=True)] == \
            [INTERMEDIATE, WUHUA, PANLONG]
        wuhua = courts.find_court(session, WUHUA)
        assert (wuhua.level, wuhua.area, wuhua.ip_area, wuhua.hears, wuhua.version) == \
            (CourtLevel.BASIC, "昆明市五华区", "昆明市五华区", (Jurisdiction.GENERAL,), 1)
        edited = courts.edit_court(session, committee.admin, WUHUA, expected_version=1, ip_area="昆明市",
                                   now=NOW)
        assert (edited.ip_area, edited.version) == ("昆明市", 2)
        # The same values again: nothing recorded.
        assert courts.edit_court(session, committee.admin, WUHUA, ip_area="昆明市", now=NOW).version == 2
        courts.set_committee_place(session, committee.admin, "昆明市五华区", now=NOW)
        history = courts.court_history(session, WUHUA)
        assert [(v.version, v.record["ip_area"]) for v in history] == [(1, "昆明市五华区"), (2, "昆明市")]
        kinds = [entry.kind for entry in ledger.entries(session)]
    assert kinds.count(EventKind.COURT_ADDED) == 4
    assert kinds.count(EventKind.COURT_EDITED) == 1
    assert kinds.count(EventKind.COMMITTEE_PLACE_SET) == 1
    assert committee.findings() == []


def test_only_an_administrator_edits_the_list_and_bad_input_is_refused(committee: Committee) -> None:
    kunming_list(committee)
    with committee.database.session_scope() as session:
        with pytest.raises(NotAllowed):
            courts.add_court(session, committee.clerk, "昆明市西山区人民法院", "basic", "昆明市西山区")
        with pytest.raises(NotAllowed):
            courts.edit_court(session, committee.lihua, WUHUA, active=False)
        with pytest.raises(NotAllowed):
            courts.set_committee_place(session, committee.clerk, "昆明市")
        with pytest.raises(InvalidInput) as duplicate:
            courts.add_court(session, committee.admin, WUHUA, "basic", "昆明市五华区")
        assert duplicate.value.fields["field"] == "name"
        with pytest.raises(InvalidInput) as level:
            courts.add_court(session, committee.admin, "某法院", "supreme", "北京市")
        assert level.value.fields["field"] == "level"
        with pytest.raises(InvalidInput) as technical:  # SPC 2022 provisions art. 1
            courts.add_court(session, committee.admin, "某区法院", "basic", "昆明市西山区",
                             hears=["technical"])
        assert technical.value.fields["field"] == "hears"
        with pytest.raises(InvalidInput) as area:
            courts.add_court(session, committee.admin, "某区法院", "basic", "  ")
        assert area.value.fields["field"] == "area"
        with pytest.raises(NotFound):
            courts.edit_court(session, committee.admin, "不存在的法院", active=False)
        assert len(courts.list_courts(session)) == 4


def test_court_invited_mediation_goes_to_the_inviting_court(committee: Committee) -> None:
    kunming_list(committee)
    number = committee.open(committee.clerk, source=CaseSource.COURT_INVITED, court_name=WUHUA)
    entrusted = committee.open(committee.clerk, source=CaseSource.COURT_ENTRUSTED, court_name=INTERMEDIATE,
                               court_case_number="（2026）云01知民初56号", procedure=Procedure.SIMPLE)
    missing = committee.open(committee.clerk, source=CaseSource.COURT_INVITED,
                             court_name="昆明市呈贡区人民法院")
    with committee.database.session_scope() as session:
        suggestion = suggest_court(session, number)
        assert suggestion.court is not None and suggestion.court.name == WUHUA
        assert [reason.code for reason in suggestion.reasons] == [ReasonCode.INVITING_COURT]
        assert WUHUA in suggestion.reasons[0].text and "art. 205(1)" in suggestion.reasons[0].text
        entrusted_case = suggest_court(session, entrusted)
        assert entrusted_case.court is not None and entrusted_case.court.name == INTERMEDIATE
        assert [reason.code for reason in entrusted_case.reasons] == [ReasonCode.ENTRUSTING_COURT]
        assert "（2026）云01知民初56号" in entrusted_case.reasons[0].text
        unlisted = suggest_court(session, missing)
        assert unlisted.court is None
        assert [reason.code for reason in unlisted.reasons] == \
            [ReasonCode.INVITING_COURT, ReasonCode.INVITING_COURT_UNLISTED]


def test_a_patent_dispute_goes_to_the_intermediate_court(committee: Committee) -> None:
    kunming_list(committee)
    number = committee.open(committee.clerk, case_type="patent", patent_kind=PatentKind.INVENTION,
                            title="某发明专利纠纷")
    add_parties(committee, number, ZHANG, SHOP)
    with committee.database.session_scope() as session:
        suggestion = suggest_court(session, number)
    assert suggestion.court is not None and suggestion.court.name == INTERMEDIATE
    codes = [reason.code for reason in suggestion.reasons]
    assert codes[0] is ReasonCode.INTERMEDIATE_DISPUTE and "art. 1" in suggestion.reasons[0].text
    assert "invention patent" in suggestion.reasons[0].text
    # Both parties live in 昆明市: the intermediate court serves them both (its own area named).
    assert codes[1:] == [ReasonCode.PARTY_DOMICILE, ReasonCode.PARTY_DOMICILE, ReasonCode.COMMITTEE]
    assert "张丽" in suggestion.reasons[1].text and "昆明市五华区翠湖南路1号" in suggestion.reasons[1].text
    assert suggestion.alternatives == ()  # basic courts do not hear patents


def test_a_trademark_dispute_goes_to_the_basic_court_where_a_party_lives(committee: Committee) -> None:
    kunming_list(committee)
    number = committee.open(committee.clerk)  # a trademark dispute
    add_parties(committee, number, SHOP, ZHANG)  # the applicant lives in 盘龙区, the respondent in 五华区
    with committee.database.session_scope() as session:
        suggestion = suggest_court(session, number)
    # 盘龙区 court is where the first party lives, but 五华区 court is designated for IP cases (art. 3).
    assert suggestion.court is not None and suggestion.court.name == WUHUA
    assert [reason.code for reason in suggestion.reasons] == \
        [ReasonCode.BASIC_DISPUTE, ReasonCode.PARTY_DOMICILE]
    assert "张丽" in suggestion.reasons[1].text and "trademark" in suggestion.reasons[0].text
    assert [alt.court.name for alt in suggestion.alternatives] == [PANLONG]
    assert [r.code for r in suggestion.alternatives[0].reasons] == \
        [ReasonCode.PARTY_DOMICILE, ReasonCode.NOT_HEARING_IP]


def test_the_committees_place_and_the_subject_matter(committee: Committee) -> None:
    kunming_list(committee)
    number = committee.open(committee.clerk, case_type="copyright", title="某著作权纠纷")
    with committee.database.session_scope() as session:
        # A third party's domicile does not count (art. 205: the two sides apply).
        parties.add_party(session, committee.clerk, number, "third-party", SHOP, now=NOW)
    with committee.database.session_scope() as session:
        # No applicant or respondent with an address, the office's name names no district: nothing fits.
        nothing = suggest_court(session, number)
        assert nothing.court is None
        assert nothing.reasons[-1].code is ReasonCode.NO_COURT_FOR_PLACE
        assert {alt.court.name for alt in nothing.alternatives} == {WUHUA, PANLONG}
        courts.set_committee_place(session, committee.admin, "昆明市五华区", now=NOW)
    with committee.database.session_scope() as session:
        suggestion = suggest_court(session, number)
        assert suggestion.court is not None and suggestion.court.name == WUHUA
        assert suggestion.reasons[-1].code is ReasonCode.COMMITTEE
        assert "the committee is located (昆明市五华区)" in suggestion.reasons[-1].text
        subject = suggest_court(session, number, subject_place="云南省昆明市盘龙区某商场")
        assert subject.court is not None and subject.court.name == WUHUA  # designated for IP first
        assert [alt.court.name for alt in subject.alternatives] == [PANLONG]
        assert subject.alternatives[0].reasons[0].code is ReasonCode.SUBJECT_MATTER


def test_no_fitting_court_says_why(committee: Committee) -> None:
    number = committee.open(committee.clerk, case_type="plant-variety", title="某植物新品种纠纷")
    with committee.database.session_scope() as session:
        suggestion = suggest_court(session, number)
    assert suggestion.court is None
    assert [reason.code for reason in suggestion.reasons] == \
        [ReasonCode.INTERMEDIATE_DISPUTE, ReasonCode.NO_COURT_FOR_DISPUTE]
    assert "plant variety" in suggestion.reasons[1].text


def test_the_clerk_chooses_only_an_active_listed_court(committee: Committee) -> None:
    kunming_list(committee)
    number = committee.open(committee.clerk)
    with committee.database.session_scope() as session:
        assert choose_court(session, f" {PANLONG} ").name == PANLONG
        with pytest.raises(NotFound):
            choose_court(session, "昆明市呈贡区人民法院")
        with pytest.raises(InvalidInput):
            choose_court(session, GUANDU)  # inactive
        json.dumps(suggest_court(session, number).as_json())


def test_the_command_line(committee: Committee, store: OpenStore, monkeypatch: pytest.MonkeyPatch,
                          capsys: pytest.CaptureFixture[str]) -> None:
    def cli(*argv: str, user: str = "admin", password: str = "admin-password-1") -> tuple[int, str, str]:
        point_cli_at(monkeypatch, store, user, password)
        capsys.readouterr()
        code = run(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    code, out, err = cli("court", "add", INTERMEDIATE, "--level", "intermediate", "--area", "昆明市",
                         "--ip-area", "云南省", "--hears", "technical,design-patent", "--json")
    assert code == EXIT_OK, err
    assert json.loads(out)[0]["hears"] == ["technical", "design-patent"]
    assert cli("court", "add", WUHUA, "--level", "basic", "--area", "昆明市五华区", "--hears", "general")[0] \
        == EXIT_OK
    # A clerk is refused (1); a bad level (2) and an unknown court (2) are usage errors; nothing written.
    code, out, err = cli("court", "add", PANLONG, "--level", "basic", "--area", "昆明市盘龙区", user="clerk",
                         password="clerk-password-1")
    assert code == EXIT_REFUSED and "clerk may not" in err
    code, out, err = cli("court", "add", PANLONG, "--level", "county", "--area", "昆明市盘龙区")
    assert code == EXIT_USAGE and "court level" in err
    assert cli("court", "edit", "不存在的法院", "--inactive")[0] == EXIT_USAGE
    # A stale edit is refused.
    assert cli("court", "edit", WUHUA, "--version", "7", "--ip-area", "昆明市")[0] == EXIT_REFUSED
    code, out, err = cli("court", "edit", WUHUA, "--version", "1", "--ip-area", "昆明市", "--json")
    assert code == EXIT_OK and json.loads(out)[0]["version"] == 2, err
    code, out, err = cli("court", "list", "--json")
    assert [court["name"] for court in json.loads(out)] == [INTERMEDIATE, WUHUA]
    code, out, err = cli("court", "list")
    assert code == EXIT_OK and "昆明市五华区" in out and "IP AREA" in out
    assert cli("court", "place", "昆明市五华区")[0] == EXIT_OK
    assert cli("court", "place")[1].strip() == "昆明市五华区"

    patent = committee.open(committee.clerk, case_type="patent", title="某专利纠纷")
    code, out, err = cli("court", "suggest", patent, "--json")
    assert code == EXIT_OK, err
    suggested = json.loads(out)
    assert suggested["court"]["name"] == INTERMEDIATE
    assert [reason["code"] for reason in suggested["reasons"]] == ["intermediate-dispute", "committee"]
    code, out, err = cli("court", "suggest", patent)
    assert code == EXIT_OK and out.startswith(f"Suggested court: {INTERMEDIATE}") and "art. 205(2)" in out
    # No fitting court: exit 1, and why.
    variety = committee.open(committee.clerk, case_type="plant-variety", title="某植物新品种纠纷")
    with committee.database.session_scope() as session:
        courts.edit_court(session, committee.admin, INTERMEDIATE, active=False, now=NOW)
    code, out, err = cli("court", "suggest", variety)
    assert code == EXIT_REFUSED and "(none)" in out and "no active court" in out
    assert cli("court", "suggest", "（2026）云知调字第9999号")[0] == EXIT_USAGE
    assert committee.findings() == []


def test_the_sample_data_lists_kunmings_courts(committee: Committee) -> None:
    from desktop.core.cases.demo import make_demo

    report = make_demo(committee.database, committee.vault, committee.admin, 20, 7, "demo-staff-pass-1",
                       now=NOW, parallel=False)
    with committee.database.session_scope() as session:
        listed = courts.list_courts(session)
        assert [court.name for court in listed][:2] == [INTERMEDIATE, WUHUA]
        assert len(listed) == len(courts.DEMO_COURTS)
        suggestions = [suggest_court(session, number) for number in report.numbers]
        # A demo run again (refused: the store has cases) would not add them twice either.
        assert courts.add_demo_courts(session, committee.admin, NOW) == 0
    assert any(suggestion.court is not None for suggestion in suggestions)
    assert committee.findings() == []
