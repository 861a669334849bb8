"""``mediseal case file|paper|cover|archive``: the case file (卷宗) of a mediation case: its checklist (each
part present or missing, the required ones marked, with its documents), scanned papers taken in and filed
into a part, the cover, and archiving (归档), which closes the case. Registered under ``case`` by
``commands.cases``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    acting_user,
    add_command,
    add_json_option,
    add_user_option,
    local_time,
    one_line,
    opened_store,
    print_json,
    print_table,
)

PART_HELP = ("application, rights-notice, identity, power-of-attorney, investigation, minutes, agreement, "
             "performance-proof, follow-up, judicial-confirmation or file-note (evidence lists what is filed "
             "nowhere else; the back cover is the archive record)")
RETENTION_HELP = "permanent (永久), long (长期, the default), short (短期), 30-years or 10-years"


def register_file_commands(group: Any) -> None:
    """The case file's commands, in the ``case`` group."""
    shown = add_command(group, "file", "the case file's checklist (卷宗): each part in order, present or "
                        "missing, the required ones marked, with its documents", cmd_case_file)
    shown.add_argument("number", metavar="NUMBER")
    add_json_option(shown)

    paper = add_command(group, "paper", "take scanned papers (扫描件) into the vault as evidence items of "
                        "the case and file each into a part of its file; exits 2 when a file was refused, "
                        "after listing what did go in", cmd_case_paper)
    paper.add_argument("number", metavar="NUMBER")
    paper.add_argument("--part", required=True, metavar="PART", help=PART_HELP)
    paper.add_argument("files", nargs="+", type=Path, metavar="FILE")
    paper.add_argument("--note", default="", metavar="TEXT", help="a note on the papers (e.g. 原件已核对)")
    add_user_option(paper)
    add_json_option(paper)

    cover = add_command(group, "cover", "set the file's cover (卷宗封面): only the options given change "
                        "(a new version, logged); mediators and dates are derived", cmd_case_cover)
    cover.add_argument("number", metavar="NUMBER")
    cover.add_argument("--name", dest="file_name", metavar="TEXT",
                       help="the file's name (default: the title)")
    cover.add_argument("--file-number", metavar="TEXT", help="the file's number (default: the case number)")
    cover.add_argument("--retention", metavar="PERIOD", help=RETENTION_HELP)
    cover.add_argument("--notes", metavar="TEXT", help="notes on the cover")
    cover.add_argument("--file-note", metavar="TEXT", help="the note on the file (卷宗情况说明, part 12)")
    cover.add_argument("--version", dest="cover_version", type=int, metavar="N",
                       help="the version your edit starts from; refused (exit 1) when someone saved since")
    add_user_option(cover)
    add_json_option(cover)

    archive = add_command(group, "archive", "archive the case file (归档) and close the case: refused "
                          "(exit 1) when the workflow does not allow closing yet; an incomplete file needs "
                          "--reason (the parts missing are listed)", cmd_case_archive)
    archive.add_argument("number", metavar="NUMBER")
    archive.add_argument("--reason", default="", metavar="TEXT", help="why an incomplete file is archived")
    add_user_option(archive)
    add_json_option(archive)


def file_json(found: Any) -> dict[str, Any]:
    """A checklist as ``case file --json`` prints it."""
    return {"case": found.number, "status": found.status.value, "archived": found.archived,
            "complete": found.complete, "missing": [part.value for part in found.missing],
            "parts": [{"index": index, "part": part.part.value, "label": part.part.label,
                       "required": part.required is not None,
                       "required_because": part.required.value if part.required else None,
                       "present": part.present,
                       "documents": [{"title": document.title, "reference": document.reference,
                                      "sha256": document.sha256, "recorded_at": document.recorded_at}
                                     for document in part.documents]}
                      for index, part in enumerate(found.parts, start=1)]}


def cmd_case_file(args: argparse.Namespace) -> int:
    from desktop.core.cases.case_file import case_file
    from desktop.core.cases.cover import cover_of
    from desktop.core.cases.matters import find_case

    with opened_store(args) as store, store.database.session_scope() as session:
        found = case_file(session, args.number)
        shown = cover_of(session, find_case(session, args.number))
    result = {**file_json(found), "cover": cover_json(shown)}
    if args.json:
        print_json(result)
        return EXIT_OK
    print(f"Case file of {found.number} ({found.status.label}){' — archived' if found.archived else ''}")
    for part in result["parts"]:
        mark = "present" if part["present"] else ("MISSING" if part["required"] else "-")
        required = " (required)" if part["required"] else ""
        print(f"{part['index']:>2}. {part['label']}{required}: {mark}")
        for document in part["documents"]:
            print(f"      {one_line(document['title'])}  [{document['reference']}]  "
                  f"{document['sha256'][:16]}")
    print("Complete." if found.complete else
          "Missing: " + ", ".join(part.label for part in found.missing))
    return EXIT_OK


def cover_json(shown: Any) -> dict[str, Any]:
    return {"version": shown.version, **shown.to_record(), "saved_by": shown.saved_by,
            "saved_at": shown.saved_at, "filed_by": shown.filed_by, "filed_at": shown.filed_at}


def cmd_case_paper(args: argparse.Namespace) -> int:
    from desktop.core.cases import papers

    part = papers.filing_part(args.part)  # checked before a password is asked
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        report = papers.file_scans(store.database, store.vault, actor, args.number, part, args.files,
                                   args.note)
    if args.json:
        print_json({"papers": list(report.papers),
                    "failures": [failure.to_dict() for failure in report.ingest.failures]})
    else:
        print_table(["ITEM", "NAME", "PART", "SHA-256"],
                    [[str(paper.item_id), paper.name, paper.part.value, paper.item_sha256[:16]]
                     for paper in report.papers])
        print(f"Filed {len(report.papers)} paper(s) into “{part.label}” of {args.number}.")
    for failure in report.ingest.failures:
        print(f"mediseal: not taken in: {one_line(failure.path)}: {failure.message}", file=sys.stderr)
    return EXIT_USAGE if report.ingest.failures else EXIT_OK


def cmd_case_cover(args: argparse.Namespace) -> int:
    from desktop.core.cases import cover
    from desktop.core.cases.matters import find_case

    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        with store.database.session_scope() as session:
            current = cover.cover_of(session, find_case(session, args.number))
            base = current.cover

            def given(name: str, kept: Any) -> Any:
                value = getattr(args, name)
                return kept if value is None else value

            wanted = cover.checked_cover(
                given("file_name", base.file_name), given("file_number", base.file_number),
                given("retention", base.retention), given("notes", base.notes),
                given("file_note", base.file_note))
            expected = args.cover_version if args.cover_version is not None else current.version
            saved = cover.save_cover(session, actor, args.number, wanted, expected)
    if args.json:
        print_json(cover_json(saved))
        return EXIT_OK
    print(f"Cover of {saved.number}: version {saved.version}; {one_line(saved.file_name)}, "
          f"{one_line(saved.file_number)}, retention {saved.cover.retention.value}.")
    return EXIT_OK


def cmd_case_archive(args: argparse.Namespace) -> int:
    from desktop.core.cases import archive

    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        with store.database.session_scope() as session:
            info = archive.archive_case(session, actor, args.number, args.reason)
    if args.json:
        print_json({"case": info.number, "archived_by": info.archived_by, "archived_at": info.archived_at,
                    "complete": info.complete, "missing": [part.value for part in info.missing],
                    "reason": info.reason, "documents": info.documents, "record_sha256": info.record_sha256})
        return EXIT_OK
    state = "complete" if info.complete else "incomplete (missing: " + ", ".join(
        part.label for part in info.missing) + ")"
    print(f"Archived the file of {info.number} ({state}), {info.documents} document(s), "
          f"{local_time(info.archived_at)} by {info.archived_by}; the case is closed and read-only.")
    print(f"Archive record SHA-256: {info.record_sha256}")
    return EXIT_OK
