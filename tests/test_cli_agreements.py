"""The mediation agreement from the command line, on SQLite and PostgreSQL: a JSON draft from the
templates, saved (a stale base refused, exit 1), checked (exit 2 while problems stand), finalised with the
signatures (the case moves to agreement reached), printed through the documents registry, frozen (exit 1
naming the supplementary agreement), supplemented, and verified clean."""

from __future__ import annotations

import json
import subprocess
from datetime import timedelta
from pathlib import Path
from typing import Any

from desktop.cli import EXIT_REFUSED, EXIT_USAGE
from desktop.core.cases.deadlines import office_today
from desktop.core.documents.agreement_model import BLANK
from tests.test_cli_cases import Cli, _ok, cli  # noqa: F401
from tests.test_cli_outcomes import _in_mediation


def _write(path: Path, draft: dict[str, Any]) -> str:
    path.write_text(json.dumps(draft, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _filled(draft: dict[str, Any]) -> dict[str, Any]:
    """The template's draft with its blanks filled, the facts written and a payment in two instalments."""
    today = office_today()
    text = json.dumps(draft, ensure_ascii=False).replace(BLANK, "十")
    filled = json.loads(text)
    filled["responsibility"] = "被申请人未经许可使用申请人注册商标，应承担侵权责任。"
    filled["facts"] = "被申请人在其网店销售标有申请人商标的茶叶。"
    filled["disputed"] = "申请人请求停止侵权、赔偿损失。"
    for clause in filled["clauses"]:
        if clause["kind"] == "compensation":
            clause["amount"] = "16409.02"
            clause["instalments"] = [
                {"due_on": (today + timedelta(days=30)).isoformat(), "amount": "6409.02"},
                {"due_on": (today + timedelta(days=60)).isoformat(), "amount": "10000"}]
    filled["performance"]["deadline"] = (today + timedelta(days=60)).isoformat()
    return filled


def test_draft_check_finalise_print_and_supplement(cli: Cli, tmp_path: Path) -> None:  # noqa: F811
    today = office_today().isoformat()
    number, applicant, respondent = _in_mediation(cli)
    _ok(cli("key", "new"))
    nothing = cli("agreement", "check", "--case", number)
    assert nothing.code == EXIT_USAGE and "no agreement draft" in nothing.err
    template = _ok(cli("agreement", "template", "--case", number)).json
    assert template["base_version"] == 0 and template["copies"] == 3
    assert [clause["kind"] for clause in template["clauses"]][:2] == ["stop-use", "destroy-stock"]
    saved = _ok(cli("agreement", "draft", "--case", number, "--from", _write(tmp_path / "t.json", template),
                    "--json")).json
    assert saved["version"] == 1
    assert any(problem["field"] == "responsibility" for problem in saved["problems"])
    check = cli("agreement", "check", "--case", number, "--json")
    assert check.code == EXIT_USAGE
    assert any("blank" in problem["message"] for problem in check.json["problems"])

    filled = _filled(template) | {"base_version": 1}
    _ok(cli("agreement", "draft", "--case", number, "--from", _write(tmp_path / "f.json", filled)))
    stale = cli("agreement", "draft", "--case", number, "--from", str(tmp_path / "f.json"))
    assert stale.code == EXIT_REFUSED and "changed by someone else" in stale.err
    assert _ok(cli("agreement", "check", "--case", number)).out.startswith("Nothing stops finalising")
    floats = json.loads((tmp_path / "f.json").read_text(encoding="utf-8")) | {"base_version": 2}
    floats["clauses"][2]["amount"] = 16409.02
    bad = cli("agreement", "draft", "--case", number, "--from", _write(tmp_path / "float.json", floats))
    assert bad.code == EXIT_USAGE and "clauses[3].amount" in bad.err

    early = cli("document", "agreement", "--case", number, "--out", str(tmp_path / "early.pdf"))
    assert early.code == EXIT_REFUSED and "not finalised yet" in early.err
    unsigned = cli("agreement", "finalise", "--case", number, "--signed", f"{applicant}={today}")
    assert unsigned.code == EXIT_USAGE and "云南普洱茶业有限公司" in unsigned.err
    sealed = _ok(cli("agreement", "finalise", "--case", number, "--signed", f"{applicant}={today}",
                     "--signed", f"{respondent}={today}", "--json")).json
    assert (sealed["kind"], sealed["effective_on"]) == ("agreement", today)
    assert sealed["record"]["type"] == "mediseal.agreement"
    assert _ok(cli("case", "show", number, "--json")).json["status"] == "agreement"
    frozen = cli("agreement", "draft", "--case", number, "--from", _write(tmp_path / "g.json",
                                                                          filled | {"base_version": 2}))
    assert frozen.code == EXIT_REFUSED and "supplementary agreement" in frozen.err

    pdf = tmp_path / "agreement.pdf"
    _ok(cli("document", "agreement", "--case", number, "--out", str(pdf)))
    text = "".join(subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True,
                                  text=True).stdout.split())
    assert "人民调解协议书" in text and "张丽" in text and "人民币壹万陆仟肆佰零玖元零贰分" in text

    start = _ok(cli("agreement", "template", "--case", number)).json
    assert start["supplements"] == sealed["id"] and start["base_version"] == 2
    start["clauses"][0]["text"] = "第二期款项的支付期限顺延三十日。"
    _ok(cli("agreement", "supplement", "--case", number, "--from", _write(tmp_path / "s.json", start)))
    later = _ok(cli("agreement", "finalise", "--case", number, "--signed", f"{applicant}={today}",
                    "--signed", f"{respondent}={today}", "--json")).json
    assert (later["kind"], later["supplements"]) == ("supplement", sealed["id"])
    _ok(cli("document", "supplementary-agreement", "--case", number, "--out", str(tmp_path / "s.pdf")))
    shown = _ok(cli("agreement", "show", "--case", number, "--json")).json
    assert [found["kind"] for found in shown["agreements"]] == ["agreement", "supplement"]
    assert shown["agreements"][0]["supplemented_by"] == [later["id"]]
    assert "supplement" in _ok(cli("agreement", "show", "--case", number)).out
    assert _ok(cli("verify", "--json")).json["clean"] is True
