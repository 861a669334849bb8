"""Cases, parties and agents from the command line, on SQLite and PostgreSQL: a mediator registers a case
with parties and agents, assigns themself, moves it through the workflow to an agreement and reads the
confirmation deadline; the list's filters; bad values exit 2 naming the field; stale edits exit 1."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest

from desktop.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, run
from desktop.cli.common import columns
from desktop.config import Settings
from desktop.core.cases.deadlines import confirmation_deadline, office_today, period_end
from desktop.core.cases.identity import resident_id_check

ZHANG_ID = "53010219850314002" + resident_id_check("53010219850314002")  # a woman born 1985-03-14
WANG_ID = "53252719790621003" + resident_id_check("53252719790621003")  # a man born 1979-06-21
CREDIT_CODE = "91330100799655058B"
LICENCE = "15301201910123456"  # a lawyer's practising certificate: 17 digits
CASE_KEYS = {"number", "kind", "type", "patent_kind", "title", "summary", "requests", "amount_claimed",
             "received", "source", "court", "court_case_number", "procedure", "time_limit_days", "cites",
             "status", "revision", "foreign_related", "created_by", "created_at", "parties", "mediators",
             "history", "deadlines", "allowed_moves", "may_archive", "records_outcome"}
LIST_KEYS = {"number", "kind", "type", "title", "parties", "status", "mediators", "received",
             "next_deadline", "foreign_related"}


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    @property
    def json(self) -> Any:
        return json.loads(self.out)

    @property
    def last(self) -> str:
        return self.out.strip().splitlines()[-1]


Cli = Callable[..., Result]


@pytest.fixture
def cli(cli_env: Settings, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Cli:
    """The command line on a new office with two mediators, lihua (李华, acting) and wangwu (王五)."""
    for name, real_name in (("lihua", "李华"), ("wangwu", "王五")):
        assert run(["user", "add", name, "--real-name", real_name, "--role", "mediator"]) == EXIT_OK
    # The notarial series is set by an administrator (the word defaults to 证).
    assert run(["office", "set", "--notarial-prefix", "云昆"]) == EXIT_OK
    monkeypatch.setenv("MEDISEAL_USER", "lihua")  # the new users' password is MEDISEAL_NEW_PASSWORD's
    capsys.readouterr()

    def call(*argv: str) -> Result:
        code = run(list(argv))
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return call


def _ok(result: Result) -> Result:
    assert result.code == EXIT_OK, result.err
    return result


def _new_case(cli: Cli, *options: str) -> str:
    number = _ok(cli("case", "new", *options)).last
    assert re.fullmatch(r"（20\d\d）\w+[调证]字第\d{4}号", number), number
    return number


def test_a_mediator_registers_a_case_and_takes_it_to_an_agreement(cli: Cli) -> None:
    today = office_today()
    received = today - timedelta(days=3)
    number = _new_case(cli, "--type", "patent", "--patent-kind", "invention",
                       "--title", "茶叶烘焙装置专利侵权纠纷",
                       "--summary", "被申请人的烘焙机落入专利保护范围。", "--request", "停止侵权",
                       "--request", "赔偿损失", "--amount", "12,345.6", "--received", received.isoformat(),
                       "--source", "court-entrusted", "--court", "昆明市中级人民法院",
                       "--court-case-number", "（2026）云01民初123号", "--procedure", "simple")
    applicant = _ok(cli("party", "add", number, "--role", "applicant", "--name", "张丽", "--sex", "female",
                        "--document", "resident-id", "--document-number", ZHANG_ID, "--ethnicity", "彝族",
                        "--address", "昆明市五华区翠湖南路1号", "--phone", "138 0871 2345",
                        "--service-address", "昆明市五华区翠湖南路1号", "--email", "zhangli@example.com",
                        "--electronic-service")).last
    respondent = _ok(cli("party", "add", number, "--role", "respondent", "--organisation", "--name",
                         "云南普洱茶业有限公司", "--credit-code", CREDIT_CODE, "--domicile", "普洱市思茅区",
                         "--representative", "王强", "--representative-post", "执行董事", "--json")).json
    assert (respondent["kind"], respondent["identity"]["credit_code"], respondent["version"]) == \
        ("organisation", CREDIT_CODE, 1)
    agent = _ok(cli("agent", "add", applicant, "--name", "赵敏", "--kind", "lawyer",
                    "--firm", "云南滇池律师事务所",
                    "--licence-number", LICENCE, "--authority", "special", "--power", "sign-agreement",
                    "--power", "settle")).last
    assert "赵敏" in _ok(cli("agent", "list", number)).out
    assigned = _ok(cli("case", "assign", number, "lihua", "--no-conflict"))
    assert "Assigned lihua (李华)" in assigned.out and assigned.err == ""

    _ok(cli("case", "move", number, "accepted"))
    _ok(cli("case", "move", number, "in-mediation"))
    during = _ok(cli("case", "show", number, "--json")).json
    # how the mediation ends is its outcome: not among the moves by hand, and `case move` says where to go
    assert (during["allowed_moves"], during["records_outcome"]) == ([], True)
    assert "mediseal outcome" in _ok(cli("case", "show", number)).out
    for target in ("agreement", "failed", "withdrawn"):
        refused = cli("case", "move", number, target, "--reason", "分歧过大")
        assert refused.code == EXIT_REFUSED and "mediseal outcome" in refused.err, refused.err
    # 委托调解 under the simple procedure: 7 days from the day received (2021 Online Mediation Rules art. 24)
    assert [(deadline["kind"], deadline["last_day"]) for deadline in during["deadlines"]] == \
        [("invited-mediation", period_end(received, 7).isoformat())]
    moved = _ok(cli("outcome", number, "--kind", "oral-agreement", "--content", "被申请人停止侵权并赔偿",
                    "--json")).json
    assert moved["kind"] == "oral-agreement" and moved["effective_on"] == today.isoformat()

    shown = _ok(cli("case", "show", number, "--json")).json
    assert set(shown) == CASE_KEYS
    last_day = confirmation_deadline(today).last_day
    assert shown["deadlines"] == [{"kind": "confirmation", "last_day": last_day.isoformat(),
                                   "days_left": (last_day - today).days}]
    assert (shown["status"], shown["amount_claimed"], shown["requests"], shown["time_limit_days"]) == \
        ("agreement", "12345.60", ["停止侵权", "赔偿损失"], 7)
    assert [(move["from"], move["to"], move["actor"]) for move in shown["history"]] == [
        ("registered", "accepted", "lihua"), ("accepted", "in-mediation", "lihua"),
        ("in-mediation", "agreement", "lihua")]
    assert [status["status"] for status in shown["allowed_moves"]] == \
        ["performing", "performed", "confirmation-applied"]  # closing is archiving (case archive)
    assert shown["may_archive"] is True
    assert [(mediator["mediator"], mediator["conflict"]) for mediator in shown["mediators"]] == \
        [("lihua", False)]
    first, second = shown["parties"]
    assert (first["id"], first["role"], first["identity"]["birth_date"], first["identity"]["phone"]) == \
        (int(applicant), "applicant", "1985-03-14", "13808712345")
    assert first["service"]["electronic_consent"] is True
    assert [(item["id"], item["agent"]["powers"]) for item in first["agents"]] == \
        [(int(agent), ["settle", "sign-agreement"])]
    assert (second["name"], second["agents"]) == ("云南普洱茶业有限公司", [])
    assert shown["foreign_related"] is False

    plain = _ok(cli("case", "show", number)).out
    for expected in (number, "Parties:", "张丽", "赵敏", "confirmation", last_day.isoformat(),
                     "Moves allowed now: performing, performed, confirmation-applied\n"
                     "The file can be archived now"):
        assert expected in plain
    refused = cli("case", "move", number, "in-mediation")
    assert refused.code == EXIT_REFUSED
    assert "“Agreement reached” cannot move to “In mediation”" in refused.err
    assert cli("case", "move", number, "nonsense").code == EXIT_USAGE
    outsider = cli("party", "add", number, "--role", "third-party", "--user", "wangwu", "--name", "王刚",
                   "--sex", "male", "--document", "resident-id", "--document-number", WANG_ID)
    assert outsider.code == EXIT_REFUSED and "not assigned" in outsider.err


def test_the_list_filters_sorts_and_pages_as_the_cases_page_does(cli: Cli) -> None:
    today = office_today()
    trademark = _new_case(cli, "--type", "trademark", "--title", "驰名商标侵权纠纷")
    _ok(cli("party", "add", trademark, "--role", "applicant", "--name", "陈大文", "--sex", "male", "--birth",
            "1980-05-01", "--document", "hk-macao-permit", "--document-number", "H12345678"))
    invited = _new_case(cli, "--type", "copyright", "--title", "摄影作品著作权纠纷", "--received",
                        (today - timedelta(days=60)).isoformat(), "--source", "court-invited",
                        "--court", "昆明市盘龙区人民法院")
    notarial = _new_case(cli, "--kind", "notarial", "--type", "other", "--title", "网页证据保全")
    assert "证字" in notarial
    _ok(cli("case", "move", invited, "accepted"))
    _ok(cli("case", "assign", trademark, "lihua", "--no-conflict"))

    def numbers(*options: str) -> list[str]:
        result = _ok(cli("case", "list", *options, "--json"))
        return [case["number"] for case in result.json]

    everything = _ok(cli("case", "list", "--json")).json
    assert [case["number"] for case in everything] == [notarial, invited, trademark]
    assert all(set(case) == LIST_KEYS for case in everything)
    assert numbers("--kind", "notarial") == [notarial]
    assert numbers("--type", "trademark") == [trademark]
    assert numbers("--status", "accepted") == [invited]
    assert numbers("--mediator", "lihua") == [trademark]
    assert numbers("--foreign-related") == [trademark]
    assert numbers("--not-foreign-related") == [notarial, invited]
    assert numbers("--due-soon") == [invited]  # 30 days from 60 days ago: passed
    assert numbers("--text", "陈大") == [trademark]  # a piece of a party's name
    assert numbers("--text", "著作权") == [invited]
    assert numbers("--to", (today - timedelta(days=30)).isoformat()) == [invited]
    assert numbers("--from", today.isoformat(), "--kind", "mediation") == [trademark]
    assert numbers("--sort", "title", "--ascending") == sorted([notarial, invited, trademark], key=lambda n: {
        notarial: "网页证据保全", invited: "摄影作品著作权纠纷", trademark: "驰名商标侵权纠纷"}[n])
    paged = _ok(cli("case", "list", "--limit", "1", "--offset", "1"))
    assert invited in paged.out and trademark not in paged.out
    assert "cases 2–2 of 3; the next page: --offset 2" in paged.err
    beyond = _ok(cli("case", "list", "--offset", "5", "--json"))
    assert (beyond.json, beyond.err) == ([], "no cases from --offset 5: the filter keeps 3\n")
    table = _ok(cli("case", "list")).out.splitlines()
    assert table[0].split() == ["NUMBER", "KIND", "TYPE", "TITLE", "PARTIES", "STATUS", "MEDIATORS",
                                "RECEIVED", "DEADLINE", "FOREIGN"]
    assert "陈大文" in table[3] and table[3].rstrip().endswith("yes")
    # Columns line up in a terminal although numbers, titles and names are Chinese (two columns each).
    header, first = table[0], table[1]
    assert columns(header[:header.index("KIND")]) == columns(first[:first.index(" notarial") + 1])
    assert columns(header[:header.index("STATUS")]) == columns(first[:first.index(" registered") + 1])
    for bad in (["--status", "finished"], ["--sort", "colour"], ["--type", "music"], ["--from", "26/11/2026"],
                ["--limit", "0"]):
        result = cli("case", "list", *bad)
        assert result.code == EXIT_USAGE, bad
        assert len(result.err.strip().splitlines()) == 1


def test_bad_values_exit_2_naming_the_field(cli: Cli) -> None:
    number = _new_case(cli, "--type", "trademark", "--title", "商标纠纷")
    mistyped = ZHANG_ID[:17] + ("0" if ZHANG_ID[17] != "0" else "1")
    result = cli("party", "add", number, "--role", "applicant", "--name", "张丽", "--sex", "female",
                 "--document", "resident-id", "--document-number", mistyped)
    assert result.code == EXIT_USAGE
    assert "The identity number fails its check (GB 11643 MOD 11-2): position 18 is" in result.err
    short = cli("party", "add", number, "--role", "applicant", "--organisation", "--name", "某公司",
                "--credit-code", CREDIT_CODE[:17], "--representative", "王强")
    assert short.code == EXIT_USAGE and "unified social credit code must have 18 characters" in short.err
    for options, message in (
            (["--amount", "12.345"], "Amount claimed can have at most two decimal places"),
            (["--amount", "十元"], "is not a sum of money"),
            (["--received", "2026-02-30"], "argument --received: not a date"),
            (["--received", (office_today() + timedelta(days=1)).isoformat()], "lies in the future"),
            (["--source", "court-invited"], "The field Court is required"),
            (["--source", "court"], "--source: “court” is not one of"),
            (["--patent-kind", "design"], "A kind of patent is given only for a patent dispute"),
            (["--kind", "notary"], "--kind: “notary” is not one of")):
        result = cli("case", "new", "--type", "trademark", "--title", "商标纠纷", *options)
        assert (result.code, message in result.err) == (EXIT_USAGE, True), (options, result.err)
    wrong_sex = cli("party", "add", number, "--role", "applicant", "--name", "张丽", "--sex", "male",
                    "--document", "resident-id", "--document-number", ZHANG_ID)
    assert wrong_sex.code == EXIT_USAGE and "17th digit" in wrong_sex.err
    mixed = cli("party", "add", number, "--role", "applicant", "--name", "张丽", "--sex", "female",
                "--document", "resident-id", "--document-number", ZHANG_ID, "--credit-code", CREDIT_CODE)
    assert mixed.code == EXIT_USAGE and "--credit-code is for an organisation" in mixed.err
    party = _ok(cli("party", "add", number, "--role", "applicant", "--name", "张丽", "--sex", "female",
                    "--document", "resident-id", "--document-number", ZHANG_ID)).last
    general = cli("agent", "add", party, "--name", "赵敏", "--kind", "lawyer", "--firm", "某律师事务所",
                  "--licence-number", LICENCE, "--power", "settle")
    assert general.code == EXIT_USAGE and "General authority grants no special powers" in general.err
    licence = cli("agent", "add", party, "--name", "赵敏", "--kind", "lawyer", "--firm", "某律师事务所",
                  "--licence-number", "1234")
    assert licence.code == EXIT_USAGE and "17 digits" in licence.err
    assert _ok(cli("party", "list", number, "--json")).json[0]["version"] == 1  # nothing else went in


def test_edits_keep_what_is_not_given_and_a_stale_one_exits_1(cli: Cli) -> None:
    number = _new_case(cli, "--type", "copyright", "--title", "图片著作权纠纷", "--amount", "5000")
    edited = _ok(cli("case", "edit", number, "--title", "摄影作品著作权纠纷", "--json")).json
    assert (edited["title"], edited["amount_claimed"], edited["revision"]) == \
        ("摄影作品著作权纠纷", "5000.00", 2)
    stale = cli("case", "edit", number, "--revision", "1", "--summary", "另一位调解员的修改")
    assert stale.code == EXIT_REFUSED and "changed by someone else (now version 2" in stale.err
    unchanged = _ok(cli("case", "edit", number, "--title", "摄影作品著作权纠纷"))
    assert "Nothing changed" in unchanged.out
    _ok(cli("case", "edit", number, "--amount", ""))
    assert _ok(cli("case", "show", number, "--json")).json["amount_claimed"] is None

    party = _ok(cli("party", "add", number, "--role", "respondent", "--name", "王刚", "--sex", "male",
                    "--document", "resident-id", "--document-number", WANG_ID, "--phone", "13987654321")).last
    saved = _ok(cli("party", "edit", party, "--version", "1", "--address", "玉溪市红塔区", "--json")).json
    assert (saved["version"], saved["identity"]["phone"], saved["identity"]["address"],
            saved["identity"]["birth_date"]) == (2, "13987654321", "玉溪市红塔区", "1979-06-21")
    lost = cli("party", "edit", party, "--version", "1", "--phone", "13700000000")
    assert lost.code == EXIT_REFUSED and "王刚 was changed by someone else" in lost.err
    history = _ok(cli("party", "history", party, "--json")).json
    assert [(version["version"], version["saved_by"], version["identity"]["address"])
            for version in history] == [(1, "lihua", ""), (2, "lihua", "玉溪市红塔区")]
    assert "玉溪市红塔区" in _ok(cli("party", "history", party)).out

    agent = _ok(cli("agent", "add", party, "--name", "王芳", "--kind", "relative-or-staff", "--document",
                    "resident-id", "--document-number", ZHANG_ID)).last
    changed = _ok(cli("agent", "edit", agent, "--version", "1", "--authority", "special", "--power",
                      "receive-documents", "--to", "2027-12-31", "--json")).json
    assert (changed["version"], changed["agent"]["powers"], changed["agent"]["valid_to"],
            changed["agent"]["document_number"]) == (2, ["receive-documents"], "2027-12-31", ZHANG_ID)
    assert cli("agent", "edit", agent, "--version", "1", "--note", "x").code == EXIT_REFUSED
    back = _ok(cli("agent", "edit", agent, "--version", "2", "--authority", "general", "--to", "",
                   "--json")).json
    assert (back["agent"]["powers"], back["agent"]["valid_to"]) == ([], None)


def test_assigning_warns_when_the_mediators_name_appears_in_a_case(cli: Cli, monkeypatch: pytest.MonkeyPatch
                                                                   ) -> None:
    number = _new_case(cli, "--type", "trade-secret", "--title", "商业秘密纠纷")
    _ok(cli("party", "add", number, "--role", "third-party", "--name", "王五", "--sex", "male",
            "--document", "resident-id", "--document-number", WANG_ID))
    assert cli("case", "assign", number, "wangwu").code == EXIT_USAGE  # a declaration is required
    monkeypatch.setenv("MEDISEAL_USER", "admin")
    assigned = _ok(cli("case", "assign", number, "wangwu", "--conflict", "与第三人同名，并非同一人",
                       "--json"))
    assert f"the name 王五 of mediator wangwu appears as a party in {number}" in assigned.err
    printed = assigned.json
    assert (printed["conflict"], printed["declaration"], printed["appearances"]) == \
        (True, "与第三人同名，并非同一人", [{"case": number, "as": "party", "name": "王五"}])
    again = cli("case", "assign", number, "wangwu", "--no-conflict")
    assert again.code == EXIT_REFUSED and "already assigned" in again.err


def test_the_quick_form_and_a_notarial_matter(cli: Cli) -> None:
    number = _new_case(cli, "--type", "trademark", "--title", "驰名商标侵权")
    shown = _ok(cli("case", "show", number, "--json")).json
    assert (shown["kind"], shown["source"], shown["received"], shown["status"]) == \
        ("mediation", "application", office_today().isoformat(), "registered")
    notarial = _ok(cli("case", "new", "--kind", "notarial", "--type", "other", "--title", "网页证据保全",
                       "--json")).json
    assert (notarial["kind"], notarial["source"], notarial["allowed_moves"]) == ("notarial", None, [])
    cited = _ok(cli("case", "edit", number, "--cites", notarial["number"], "--json")).json
    assert cited["cites"] == notarial["number"]
    refused = cli("case", "move", notarial["number"], "accepted")
    assert refused.code == EXIT_REFUSED and "notarial matter" in refused.err
