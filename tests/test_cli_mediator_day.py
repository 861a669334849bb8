"""The issue's "Done when" from the command line, on SQLite and PostgreSQL: a mediator's whole day with
``mediseal`` commands only. She registers a case, adds the parties and the applicant's lawyer, takes the
case on, accepts it and starts the mediation; holds a sitting and types its minutes one entry per command
(one on standard input), notes the rights explained, the risk warning, her findings and the result; closes
the sitting (the minutes are sealed with her key), records that the printed minutes were signed and
corrects an entry by an addendum; records the written agreement, a payment in two instalments and both
payments with a proof file (履行中, then 已履行), a follow-up visit; files the scanned papers, fills the
cover, archives a complete file; ``verify`` is clean, a command on the archived case is refused, and a
minutes entry changed behind the app's back is named by ``verify``. Exit codes and ``--json`` checked at
every step."""

from __future__ import annotations

import io
import os
from datetime import timedelta
from pathlib import Path

import pytest

from desktop.cli import EXIT_OK, EXIT_REFUSED
from desktop.config import Settings
from desktop.core.cases.deadlines import office_today
from desktop.core.storage.store import open_store
from tests.tamper import behind_the_triggers
from tests.test_cli_cases import CREDIT_CODE, LICENCE, ZHANG_ID, Cli, Result, _new_case, _ok
from tests.test_cli_cases import cli as cli  # the fixture

ENTRIES = (
    ("applicant", "张丽", "我方要求被申请人停止销售侵权茶叶并赔偿损失三万元。"),
    ("respondent", "王强", "我方同意下架，但认为赔偿数额过高。"),
    ("mediator", "李华", "请双方围绕赔偿数额陈述意见。"),
)
STDIN_ENTRY = "我方愿意分两期赔偿三万元，\n第一期一万元当日支付。\n"
REQUIRED = ["application", "rights-notice", "identity", "power-of-attorney", "minutes", "agreement"]


def _scan(tmp_path: Path, name: str) -> str:
    path = tmp_path / name
    path.write_bytes(("扫描件：" + name).encode("utf-8") * 20)
    return str(path)


def test_a_mediators_day_from_the_command_line(cli: Cli, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    today = office_today()
    # A key to seal with: lihua's password is the one `user add` gave (MEDISEAL_NEW_PASSWORD).
    _ok(cli("key", "new"))

    # The case, its parties and the applicant's lawyer; she takes it on, accepts it, starts mediating.
    number = _new_case(cli, "--type", "trademark", "--title", "普洱茶商标侵权纠纷",
                       "--summary", "被申请人在网店销售带有近似标识的茶叶。", "--request", "停止侵权",
                       "--request", "赔偿损失三万元", "--amount", "30000",
                       "--received", (today - timedelta(days=2)).isoformat())
    applicant = _ok(cli("party", "add", number, "--role", "applicant", "--name", "张丽", "--sex", "female",
                        "--document", "resident-id", "--document-number", ZHANG_ID,
                        "--service-address", "昆明市五华区翠湖南路1号")).last
    respondent = _ok(cli("party", "add", number, "--role", "respondent", "--organisation", "--name",
                         "云南普洱茶业有限公司", "--credit-code", CREDIT_CODE, "--representative", "王强",
                         "--json")).json
    respondent_id = str(respondent["id"])
    agent = _ok(cli("agent", "add", applicant, "--name", "赵敏", "--kind", "lawyer", "--firm",
                    "云南滇池律师事务所", "--licence-number", LICENCE, "--authority", "special",
                    "--power", "settle", "--power", "sign-agreement", "--json")).json
    assert agent["name"] == "赵敏"
    _ok(cli("case", "assign", number, "lihua", "--no-conflict"))
    for status in ("accepted", "in-mediation"):
        moved = _ok(cli("case", "move", number, status, "--json")).json
        assert moved["to"] == status

    # The sitting and its minutes, typed one entry per command.
    sitting = _ok(cli("sitting", "new", "--case", number, "--at", f"{today.isoformat()}T10:00+08:00",
                      "--place", "昆明市五华区调解室", "--matter", "商标侵权赔偿", "--case-attendees",
                      "--attendee", "recorder:孙林")).last
    for seq, (role, speaker, text) in enumerate(ENTRIES, start=1):
        added = _ok(cli("minutes", "add", sitting, text, "--speaker-role", role, "--speaker", speaker))
        assert f"Entry {seq}" in added.out, added.out
    monkeypatch.setattr("sys.stdin", io.StringIO(STDIN_ENTRY))
    added = _ok(cli("minutes", "add", sitting, "--speaker-role", "respondent", "--speaker", "王强"))
    assert "Entry 4" in added.out
    _ok(cli("sitting", "notes", sitting, "--rights-explained", "--risk-warning", "已告知调解不成可依法诉讼。",
            "--findings", "被诉标识与注册商标近似。", "--result", "双方达成分期赔偿协议。"))
    sealed = _ok(cli("sitting", "close", sitting, "--json")).json
    record = sealed["record"]
    assert (sealed["kind"], record["type"], record["state"]) == ("minutes", "mediseal.minutes", "held")
    assert [entry["text"] for entry in record["entries"]] == [
        *(text for _role, _speaker, text in ENTRIES), STDIN_ENTRY.rstrip("\n")]
    assert record["header"] == {"rights_explained": True, "risk_warning": "已告知调解不成可依法诉讼。"}
    assert (record["findings"], record["sealed_by"]) == ("被诉标识与注册商标近似。", "lihua")
    signed = _ok(cli("minutes", "sign", str(sealed["id"]), "--name", "张丽", "--role", "applicant"))
    assert signed.code == EXIT_OK
    addendum = _ok(cli("minutes", "correct", sitting, "我方同意下架全部商品，但认为赔偿数额过高。",
                       "--seq", "2", "--reason", "漏记“全部”二字", "--json")).json
    assert (addendum["kind"], addendum["corrects_seq"]) == ("addendum", 2)
    shown = _ok(cli("minutes", "show", sitting, "--json")).json
    assert shown["sitting"]["sealed"] is True
    assert [entry["seq"] for entry in shown["entries"]] == [1, 2, 3, 4]
    assert shown["entries"][1]["text"] == ENTRIES[1][2]  # the sealed text stays; the addendum corrects it
    assert [(found["kind"], [one["name"] for one in found["signings"]]) for found in shown["sealed"]] == [
        ("minutes", ["张丽"]), ("addendum", [])]
    assert shown["sealed"][1]["record"]["reason"] == "漏记“全部”二字"
    late = cli("minutes", "add", sitting, "补一句。", "--speaker-role", "applicant", "--speaker", "张丽")
    assert late.code == EXIT_REFUSED and "sealed" in late.err

    # The outcome: a written agreement signed by both parties and the mediator.
    yesterday = (today - timedelta(days=1)).isoformat()
    outcome = _ok(cli("outcome", number, "--kind", "written-agreement",
                      "--signed", f"{applicant}={yesterday}", "--signed",
                      f"{respondent_id}={today.isoformat()}", "--mediator-signed", today.isoformat(),
                      "--json")).json
    assert (outcome["kind"], outcome["effective_on"]) == ("written-agreement", today.isoformat())
    assert _ok(cli("case", "show", number, "--json")).json["status"] == "agreement"

    # Performance: 30 000 yuan in two instalments, both paid with a proof file each.
    later = (today + timedelta(days=30)).isoformat()
    payment = _ok(cli("performance", "add", "--case", number, "--party", respondent_id, "--kind", "payment",
                      "--amount", "30,000", "--instalment", f"10000@{today.isoformat()}",
                      "--instalment", f"20000@{later}", "--json")).json
    assert [part["amount"] for part in payment["instalments"]] == ["10000.00", "20000.00"]
    first = _ok(cli("performance", "done", "--obligation", str(payment["id"]), "--on", today.isoformat(),
                    "--amount", "10000", "--what", "银行转账第一期", "--proof",
                    _scan(tmp_path, "第一期转账回单.pdf"), "--json")).json
    assert first["moved_to"] == "performing" and len(first["items"]) == 1
    second = _ok(cli("performance", "done", "--obligation", str(payment["id"]), "--on", today.isoformat(),
                     "--amount", "20000", "--what", "银行转账第二期", "--proof",
                     _scan(tmp_path, "第二期转账回单.pdf"), "--json")).json
    assert second["moved_to"] == "performed" and len(second["items"]) == 1
    listed = _ok(cli("performance", "list", "--case", number, "--json")).json
    assert [(found["state"], found["paid"]) for found in listed["obligations"]] == [("done", "30000.00")]
    assert _ok(cli("case", "show", number, "--json")).json["status"] == "performed"
    _ok(cli("visit", "add", "--case", number, "--on", today.isoformat(), "--visitors", "李华",
            "--matter", "回访履行情况", "--found", "赔偿款已全部付清，侵权商品已下架"))
    assert [visit["visitors"] for visit in _ok(cli("visit", "list", "--case", number, "--json")).json] == [
        "李华"]

    # The case file: scanned papers into their parts, the cover, every required part present.
    missing = _ok(cli("case", "file", number, "--json")).json["missing"]
    assert missing == ["rights-notice", "identity", "power-of-attorney"], missing
    for part, names in (("rights-notice", ["权利义务告知书.pdf"]),
                        ("identity", ["张丽身份证.jpg", "营业执照.jpg"]),
                        ("power-of-attorney", ["授权委托书.pdf"])):
        filed = _ok(cli("case", "paper", number, "--part", part,
                        *(_scan(tmp_path, name) for name in names), "--note", "原件已核对", "--json")).json
        assert [paper["part"] for paper in filed["papers"]] == [part] * len(names) and not filed["failures"]
    cover = _ok(cli("case", "cover", number, "--retention", "permanent", "--file-note", "本卷材料齐全",
                    "--json")).json
    assert (cover["version"], cover["retention"], cover["mediators"]) == (1, "permanent", ["李华"])
    checklist = _ok(cli("case", "file", number, "--json")).json
    assert checklist["missing"] == []
    parts = {part["part"]: part for part in checklist["parts"]}
    for required in REQUIRED:
        assert parts[required]["required"] and parts[required]["present"], parts[required]
    for derived in ("performance-proof", "follow-up"):
        assert parts[derived]["present"], parts[derived]

    archived = _ok(cli("case", "archive", number, "--json")).json
    assert (archived["complete"], archived["missing"], archived["archived_by"]) == (True, [], "lihua")
    assert _ok(cli("case", "show", number, "--json")).json["status"] == "closed"
    assert _ok(cli("verify")).code == EXIT_OK

    # The archived case is read-only: a visit is refused, naming why.
    refused = cli("visit", "add", "--case", number, "--on", today.isoformat(), "--visitors", "李华",
                  "--matter", "再回访", "--found", "无")
    assert refused.code == EXIT_REFUSED and "closed and archived" in refused.err, refused.err

    # A minutes entry changed behind the app's back: verify names the sitting and the entry.
    _tamper_entry(int(sitting), 3)
    failed = cli("verify")
    assert failed.code == EXIT_REFUSED
    assert "minutes-entry-changed" in failed.out, failed.out
    _names(failed, sitting, 3)


def _names(result: Result, sitting: str, seq: int) -> None:
    """``verify``'s output names the changed entry once, with its sitting and seq."""
    lines = [line for line in result.out.splitlines() if "minutes-entry-changed" in line]
    assert len(lines) == 1, result.out
    assert f"sitting {sitting}" in lines[0] and f"entry {seq}" in lines[0], lines[0]


def _tamper_entry(sitting: int, seq: int) -> None:
    """Change entry ``seq`` of the sealed ``sitting`` in the store the command line points at."""
    settings = Settings(data_dir=Path(os.environ["MEDISEAL_DATA_DIR"]),
                        database_url=os.environ.get("MEDISEAL_DATABASE_URL"), lang=None)
    store = open_store(settings)
    try:
        behind_the_triggers(
            store, "minutes_entry",
            "UPDATE minutes_entry SET text = :text WHERE sitting_id = :sitting AND seq = :seq",
            text="请双方围绕赔偿数额陈述意见，调解员认为应赔五万元。", sitting=sitting, seq=seq)
    finally:
        store.close()



def test_archiving_leaves_no_sitting_open(cli: Cli) -> None:
    """A case withdrawn while a sitting is still scheduled, with an entry typed (a defect this walk found:
    archiving was allowed, and the sitting stayed scheduled in a read-only case, its entry in no sealed
    record). Archiving refuses, naming the open sitting, until it is closed."""
    today = office_today()
    number = _new_case(cli, "--type", "trademark", "--title", "普洱茶商标侵权纠纷")
    _ok(cli("case", "assign", number, "lihua", "--no-conflict"))
    for status in ("accepted", "in-mediation"):
        _ok(cli("case", "move", number, status))
    sitting = _ok(cli("sitting", "new", "--case", number, "--at",
                      f"{(today + timedelta(days=2)).isoformat()}T10:00+08:00", "--place", "调解室")).last
    _ok(cli("minutes", "add", sitting, "申请人表示考虑撤回。", "--speaker-role", "mediator",
            "--speaker", "李华"))
    _ok(cli("outcome", number, "--kind", "withdrawn", "--reason", "申请人撤回申请"))
    refused = cli("case", "archive", number, "--reason", "申请人撤回申请")
    assert refused.code == EXIT_REFUSED and "open sitting" in refused.err, refused
    assert _ok(cli("case", "show", number, "--json")).json["status"] == "withdrawn"
    _ok(cli("key", "new"))
    _ok(cli("sitting", "close", sitting, "--adjourned"))
    _ok(cli("case", "archive", number, "--reason", "申请人撤回申请"))
    upcoming = _ok(cli("sitting", "upcoming", "--days", "7", "--json")).json
    assert [found["id"] for found in upcoming if found["case_number"] == number] == [], upcoming
