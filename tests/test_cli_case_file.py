"""The case file (卷宗) from the command line, on SQLite and PostgreSQL: the checklist, scanned papers filed
into parts, the cover, archiving (refused when incomplete without a reason, then done with one) and an
archived case read-only; bad input exits with a clear message and writes nothing."""

from __future__ import annotations

from pathlib import Path

from desktop.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE
from tests.test_cli_cases import Cli, _new_case, _ok
from tests.test_cli_cases import cli as cli  # the fixture


def _scan(tmp_path: Path, name: str) -> str:
    path = tmp_path / name
    path.write_bytes(name.encode("utf-8") * 10)
    return str(path)


def test_a_mediator_files_papers_sets_the_cover_and_archives(cli: Cli, tmp_path: Path) -> None:
    number = _new_case(cli, "--type", "trademark", "--title", "某商标侵权纠纷")
    _ok(cli("case", "assign", number, "lihua", "--no-conflict"))
    for status in ("accepted", "in-mediation"):
        _ok(cli("case", "move", number, status))
    checklist = _ok(cli("case", "file", number, "--json")).json
    assert [part["part"] for part in checklist["parts"]][:3] == ["application", "rights-notice", "identity"]
    assert checklist["missing"] == ["rights-notice", "identity", "minutes"]
    assert checklist["parts"][0]["present"] and checklist["parts"][0]["required"]
    assert not checklist["parts"][3]["required"]  # no agent: powers of attorney not required

    filed = _ok(cli("case", "paper", number, "--part", "identity", _scan(tmp_path, "身份证.jpg"),
                    _scan(tmp_path, "营业执照.jpg"), "--note", "原件已核对", "--json")).json
    assert [paper["part"] for paper in filed["papers"]] == ["identity", "identity"] and not filed["failures"]
    shown = _ok(cli("evidence", "list", "--case", number, "--json")).json
    assert {item["acquisition"]["source_kind"] for item in shown} == {"scan"}
    for part, name in (("rights-notice", "告知书.pdf"), ("minutes", "调解记录.pdf")):
        _ok(cli("case", "paper", number, "--part", part, _scan(tmp_path, name)))
    text = _ok(cli("case", "file", number)).out
    assert "3. Identity papers (required): present" in text and "身份证.jpg" in text and "Complete." in text

    cover = _ok(cli("case", "cover", number, "--retention", "permanent", "--file-note", "材料齐全",
                    "--json")).json
    assert (cover["version"], cover["retention"], cover["file_note"], cover["mediators"]) == \
        (1, "permanent", "材料齐全", ["李华"])
    assert cli("case", "cover", number, "--notes", "x", "--version", "0").code == EXIT_REFUSED  # stale

    # Closing is archiving: a move to closed is refused, and `case show` says so.
    _ok(cli("outcome", number, "--kind", "failed", "--reason", "分歧过大"))
    refused = cli("case", "move", number, "closed")
    assert refused.code == EXIT_REFUSED and "closed by archiving its file" in refused.err
    assert _ok(cli("case", "show", number, "--json")).json["may_archive"] is True
    archived = _ok(cli("case", "archive", number, "--json")).json
    assert (archived["complete"], archived["missing"], archived["archived_by"]) == (True, [], "lihua")
    assert _ok(cli("case", "file", number, "--json")).json["archived"] is True
    assert _ok(cli("case", "show", number, "--json")).json["status"] == "closed"
    twice = cli("case", "archive", number)
    assert twice.code == EXIT_REFUSED and "archived already" in twice.err
    late = cli("case", "paper", number, "--part", "identity", _scan(tmp_path, "迟到.jpg"))
    assert late.code == EXIT_REFUSED and "closed and archived" in late.err
    late = cli("evidence", "add", "--case", number, _scan(tmp_path, "迟到2.jpg"))
    assert late.code == EXIT_REFUSED and "closed and archived" in late.err
    assert _ok(cli("verify", "--case", number)).code == EXIT_OK
    assert _ok(cli("verify")).code == EXIT_OK


def test_an_incomplete_file_needs_a_reason_and_bad_input_is_refused(cli: Cli, tmp_path: Path) -> None:
    number = _new_case(cli, "--type", "copyright", "--title", "某图片著作权纠纷")
    _ok(cli("case", "move", number, "withdrawn", "--reason", "申请人撤回"))
    unknown = cli("case", "paper", number, "--part", "cover-letter", _scan(tmp_path, "a.pdf"))
    assert unknown.code == EXIT_USAGE and "“cover-letter” is not a part" in unknown.err
    assert _ok(cli("evidence", "list", "--case", number, "--json")).json == []  # nothing went in
    refused = cli("case", "archive", number)
    assert refused.code == EXIT_USAGE and "incomplete" in refused.err and "Mediation minutes" in refused.err
    assert _ok(cli("case", "show", number, "--json")).json["status"] == "withdrawn"
    archived = _ok(cli("case", "archive", number, "--reason", "撤回，未调解", "--json")).json
    assert archived["complete"] is False and "minutes" in archived["missing"]
    out = _ok(cli("case", "file", number)).out
    assert "13. Back cover: present" in out
