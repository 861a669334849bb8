"""Outcomes, performance and follow-up visits from the command line, on SQLite and PostgreSQL: a mediator
records a written agreement, a payment in instalments and an act, performs them with a proof file, visits,
and reads it all back as JSON; bad input exits 2 naming the field, refusals exit 1, nothing half-written;
verify stays clean."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from desktop.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE
from desktop.core.cases.deadlines import office_today
from tests.test_cli_cases import CREDIT_CODE, ZHANG_ID, Cli, _new_case, _ok, cli  # noqa: F401


def _in_mediation(cli: Cli) -> tuple[str, str, str]:  # noqa: F811
    number = _new_case(cli, "--type", "trademark", "--title", "普洱茶商标侵权纠纷",
                       "--received", (office_today() - timedelta(days=5)).isoformat())
    applicant = _ok(cli("party", "add", number, "--role", "applicant", "--name", "张丽", "--sex", "female",
                        "--document", "resident-id", "--document-number", ZHANG_ID)).last
    respondent = _ok(cli("party", "add", number, "--role", "respondent", "--organisation", "--name",
                         "云南普洱茶业有限公司", "--credit-code", CREDIT_CODE,
                         "--representative", "王强")).last
    _ok(cli("case", "assign", number, "lihua", "--no-conflict"))
    _ok(cli("case", "move", number, "accepted"))
    _ok(cli("case", "move", number, "in-mediation"))
    return number, applicant, respondent


def test_outcome_performance_and_visit_from_the_command_line(cli: Cli, tmp_path: Path) -> None:  # noqa: F811
    today = office_today()
    yesterday = (today - timedelta(days=1)).isoformat()
    number, applicant, respondent = _in_mediation(cli)
    missing = cli("outcome", number, "--kind", "written-agreement", "--signed", f"{applicant}={yesterday}",
                  "--mediator-signed", today.isoformat())
    assert missing.code == EXIT_USAGE and "云南普洱茶业有限公司" in missing.err
    assert _ok(cli("outcome", "show", number, "--json")).json == []
    outcome = _ok(cli("outcome", number, "--kind", "written-agreement",
                      "--signed", f"{applicant}={yesterday}", "--signed", f"{respondent}={today.isoformat()}",
                      "--mediator-signed", today.isoformat(), "--json")).json
    assert (outcome["kind"], outcome["effective_on"]) == ("written-agreement", today.isoformat())
    assert [signed["role"] for signed in outcome["signed"]] == ["applicant", "respondent", "mediator"]
    assert _ok(cli("case", "show", number, "--json")).json["status"] == "agreement"
    again = cli("outcome", number, "--kind", "failed", "--reason", "分歧")
    assert again.code == EXIT_REFUSED and "in mediation" in again.err

    uneven = cli("performance", "add", "--case", number, "--party", respondent, "--kind", "payment",
                 "--amount", "30,000", "--instalment", f"10000@{today.isoformat()}",
                 "--instalment", f"19999.99@{(today + timedelta(days=30)).isoformat()}")
    assert uneven.code == EXIT_USAGE and "add up" in uneven.err
    payment = _ok(cli("performance", "add", "--case", number, "--party", respondent, "--kind", "payment",
                      "--amount", "３０，０００", "--instalment", f"10000@{today.isoformat()}",
                      "--instalment", f"20000@{(today + timedelta(days=30)).isoformat()}", "--json")).json
    assert (payment["amount"], [part["amount"] for part in payment["instalments"]]) == (
        "30000.00", ["10000.00", "20000.00"])
    act = _ok(cli("performance", "add", "--case", number, "--party", respondent, "--kind", "remove-listings",
                  "--what", "下架12条链接", "--due", today.isoformat(), "--json")).json

    receipt = tmp_path / "转账回单.pdf"
    receipt.write_bytes(b"%PDF-1.4 bank receipt")
    first = _ok(cli("performance", "done", "--obligation", str(payment["id"]), "--on", today.isoformat(),
                    "--amount", "10000", "--what", "银行转账", "--proof", str(receipt), "--json")).json
    assert first["moved_to"] == "performing" and len(first["items"]) == 1
    assert _ok(cli("evidence", "list", "--case", number, "--json")).json[0]["name"] == "转账回单.pdf"
    over = cli("performance", "done", "--obligation", str(payment["id"]), "--on", today.isoformat(),
               "--amount", "20000.01")
    assert over.code == EXIT_USAGE and "20000.00" in over.err
    _ok(cli("performance", "done", "--obligation", str(act["id"]), "--on", today.isoformat(),
            "--what", "已全部下架"))
    listed = _ok(cli("performance", "list", "--case", number, "--json")).json
    assert [(found["state"], found["paid"]) for found in listed["obligations"]] == [
        ("part-done", "10000.00"), ("done", "0.00")]
    assert len(listed["done"]) == 2
    table = _ok(cli("performance", "list", "--case", number)).out
    assert "part-done" in table and "云南普洱茶业有限公司" in table

    early = cli("visit", "add", "--case", number, "--on", (today - timedelta(days=3)).isoformat(),
                "--visitors", "李华", "--matter", "回访", "--found", "已付首期")
    assert early.code == EXIT_USAGE and "before the agreement took effect" in early.err
    _ok(cli("visit", "add", "--case", number, "--on", today.isoformat(), "--visitors", "李华",
            "--matter", "回访履行情况", "--found", "首期款已付，链接已下架"))
    visits = _ok(cli("visit", "list", "--case", number, "--json")).json
    assert [(visit["visitors"], visit["findings"]) for visit in visits] == [
        ("李华", "首期款已付，链接已下架")]
    assert _ok(cli("verify")).code == EXIT_OK


def test_an_oral_agreement_and_a_usage_error(cli: Cli) -> None:  # noqa: F811
    number, _applicant, _respondent = _in_mediation(cli)
    assert cli("outcome", number).code == EXIT_USAGE  # no --kind
    assert cli("outcome", "show").code == EXIT_USAGE
    assert cli("outcome", number, "--kind", "handshake").code == EXIT_USAGE
    oral = _ok(cli("outcome", number, "--kind", "oral-agreement", "--content", "当场赔礼道歉", "--json")).json
    assert oral["content"] == "当场赔礼道歉"
    shown = _ok(cli("outcome", "show", number)).out
    assert "oral-agreement" in shown and "当场赔礼道歉" in shown
    corrected = _ok(cli("outcome", number, "--kind", "oral-agreement", "--content", "当场书面赔礼道歉",
                        "--corrects", str(oral["id"]), "--why", "记录遗漏“书面”二字", "--json")).json
    assert corrected["supersedes"] == oral["id"]
