"""``mediseal sitting`` and ``mediseal minutes`` on SQLite and PostgreSQL: a sitting scheduled, typed one
entry per command (argument or standard input), noted, closed and sealed with the user's key, corrected by
an addendum, signed, shown, searched and verified; refusals exit 1, bad input exits 2, nothing written."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from desktop.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, run
from desktop.core.storage.store import OpenStore
from tests.cli_env import point_cli_at
from tests.sitting_hall import MEDIATOR_PASSWORD, Hall
from tests.tamper import behind_the_triggers


class Cli:
    def __init__(self, hall: Hall, monkeypatch: pytest.MonkeyPatch,
                 capsys: pytest.CaptureFixture[str]) -> None:
        self.hall, self.monkeypatch, self.capsys = hall, monkeypatch, capsys
        point_cli_at(monkeypatch, hall.store, "lihua", MEDIATOR_PASSWORD)

    def __call__(self, *argv: str, stdin: str | None = None, user: str = "lihua") -> tuple[int, str, str]:
        self.monkeypatch.setenv("MEDISEAL_USER", user)
        self.capsys.readouterr()
        if stdin is not None:
            self.monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = run(list(argv))
        out, err = self.capsys.readouterr()
        return code, out, err

    def json(self, *argv: str) -> Any:
        code, out, err = self(*argv, "--json")
        assert code == EXIT_OK, err
        return json.loads(out)


@pytest.fixture
def cli(store: OpenStore, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(Hall(store), monkeypatch, capsys)


def test_a_sitting_from_the_command_line(cli: Cli) -> None:
    number = cli.hall.number
    code, out, err = cli("sitting", "new", "--case", number, "--at", "2026-11-27T10:00+08:00",
                         "--place", "调解室", "--matter", "商标侵权赔偿", "--case-attendees",
                         "--attendee", "expert:周明")
    assert code == EXIT_OK, err
    sitting = out.split()[-1]
    # the text right after the sitting (argparse takes positionals together), or on standard input
    code, out, err = cli("minutes", "add", sitting, "我方要求停止侵权。", "--speaker-role", "applicant",
                         "--speaker", "张丽")
    assert code == EXIT_OK, err
    code, out, err = cli("minutes", "add", sitting, "--speaker-role", "respondent", "--speaker", "某公司",
                         stdin="同意下架，\n但不同意赔偿。\n")
    assert (code, "Entry 2" in out) == (EXIT_OK, True), err
    # bad input exits 2, a refusal 1; nothing is written either way
    add = ("minutes", "add", sitting)
    assert cli(*add, "我说。", "--speaker-role", "judge", "--speaker", "某某")[0] == EXIT_USAGE
    assert cli(*add, "赔偿\u202e00051", "--speaker-role", "applicant", "--speaker", "张丽")[0] == EXIT_USAGE
    code, _out, err = cli(*add, "我说。", "--speaker-role", "applicant", "--speaker", "张丽", user="wangwu")
    assert code == EXIT_REFUSED and "not assigned" in err
    assert cli("minutes", "edit", sitting, "2", "同意下架，但不同意赔偿。")[0] == EXIT_OK
    assert cli("sitting", "notes", sitting, "--rights-explained", "--risk-warning", "已告知诉讼风险。",
               "--findings", "近似商标。", "--result", "部分达成一致。")[0] == EXIT_OK
    listed = cli.json("sitting", "list", "--case", number)
    assert [(item["id"], item["entry_count"], item["revision"]) for item in listed] == [(int(sitting), 2, 2)]
    upcoming = cli.json("sitting", "upcoming", "--from", "2026-11-27T00:00+08:00")
    assert [item["id"] for item in upcoming] == [int(sitting)]
    code, _out, err = cli("sitting", "close", sitting, user="wangwu")
    assert code == EXIT_REFUSED and "no usable signing key" in err
    sealed = cli.json("sitting", "close", sitting)
    assert (sealed["kind"], sealed["record"]["type"], sealed["record"]["state"]) == (
        "minutes", "mediseal.minutes", "held")
    assert [entry["text"] for entry in sealed["record"]["entries"]] == [
        "我方要求停止侵权。", "同意下架，但不同意赔偿。"]
    code, _out, err = cli("sitting", "close", sitting)
    assert code == EXIT_REFUSED and "already closed" in err
    code, _out, err = cli(*add, "补充。", "--speaker-role", "applicant", "--speaker", "张丽")
    assert code == EXIT_REFUSED and "sealed" in err
    assert cli("minutes", "correct", sitting, "改。", "--seq", "1", "--reason", " ")[0] == EXIT_USAGE
    addendum = cli.json("minutes", "correct", sitting, "我方要求立即停止侵权。", "--seq", "1", "--reason",
                        "记录笔误")
    assert (addendum["kind"], addendum["corrects_seq"]) == ("addendum", 1)
    assert cli("minutes", "sign", str(sealed["id"]), "--name", "张丽", "--role", "applicant")[0] == EXIT_OK
    shown = cli.json("minutes", "show", sitting)
    assert shown["sitting"]["sealed"] is True and len(shown["entries"]) == 2
    assert [(record["kind"], len(record["signings"])) for record in shown["sealed"]] == [
        ("minutes", 1), ("addendum", 0)]
    code, out, _err = cli("minutes", "show", sitting)
    assert code == EXIT_OK and "同意下架" in out and "记录笔误" in out and "Signed by 张丽" in out
    hits = cli.json("minutes", "search", "--case", number, "赔偿")
    assert [(hit["seq"], hit["speaker"]) for hit in hits] == [(2, "某公司")]
    assert cli("verify")[0] == EXIT_OK
    behind_the_triggers(cli.hall.store, "minutes_entry", "UPDATE minutes_entry SET text = 'x' WHERE seq = 1")
    code, out, _err = cli("verify")
    assert code == EXIT_REFUSED and "minutes-entry-changed" in out


def test_cancel_and_an_empty_sitting(cli: Cli) -> None:
    code, out, _err = cli("sitting", "new", "--case", cli.hall.number, "--kind", "investigation", "--at",
                          "2026-11-27T15:00+08:00", "--online", "--attendee", "interviewee:王某")
    assert code == EXIT_OK
    sitting = out.split()[-1]
    code, _out, err = cli("sitting", "close", sitting)
    assert code == EXIT_REFUSED and "no minutes entries" in err
    cancelled = cli.json("sitting", "cancel", sitting, "--reason", "被调查人未到")
    assert (cancelled["state"], cancelled["cancel_reason"]) == ("cancelled", "被调查人未到")
    code, _out, err = cli("minutes", "add", sitting, "我说。", "--speaker-role", "interviewee", "--speaker",
                          "王某")
    assert code == EXIT_REFUSED and "cancelled" in err
    assert cli("sitting", "new", "--case", cli.hall.number, "--at", "2026-11-27T15:00+08:00")[0] == EXIT_USAGE
    assert cli("sitting", "new", "--case", cli.hall.number, "--at", "2026-11-27T15:00", "--place", "x",
               "--attendee", "nobody")[0] == EXIT_USAGE
