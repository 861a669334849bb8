"""``mediseal sitting ...`` and ``mediseal minutes ...``: a case's sittings (调解会 / 调查) and their minutes
(调解记录 / 调查记录), typed one entry at a time (each entry committed at once), sealed on close with the
user's signing key; a correction of sealed minutes is an addendum."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from typing import Any

from desktop.cli.common import (
    EXIT_OK,
    UsageError,
    acting_user,
    add_command,
    add_json_option,
    add_user_option,
    item_id,
    local_time,
    member,
    one_line,
    opened_store,
    parse_time,
    print_json,
    print_listing,
    print_table,
)

ATTENDEE_HELP = ("ROLE:NAME, ROLE one of applicant, respondent, third-party, agent, mediator, recorder, "
                 "expert, interpreter, interviewee, other; repeat for several")


def register(commands: Any) -> None:
    _register_sitting(commands)
    _register_minutes(commands)


def _register_sitting(commands: Any) -> None:
    sitting = commands.add_parser("sitting", help="a case's sittings (调解会, 调查)")
    group = sitting.add_subparsers(dest="sitting_command", metavar="ACTION", required=True,
                                   parser_class=type(sitting))
    new = add_command(group, "new", "schedule a sitting; prints its number last", cmd_sitting_new)
    new.add_argument("--case", required=True, metavar="NO")
    new.add_argument("--kind", default="mediation", metavar="KIND",
                     help="mediation (default) or investigation")
    new.add_argument("--at", required=True, type=parse_time, metavar="TIME",
                     help="when it starts, e.g. 2026-12-01T09:30 (local time unless a zone is given)")
    new.add_argument("--place", default="", metavar="TEXT", help="where (required unless --online)")
    new.add_argument("--online", action="store_true", help="held online")
    new.add_argument("--matter", default="", metavar="TEXT", help="the matter (事由)")
    new.add_argument("--attendee", action="append", default=[], metavar="ROLE:NAME", help=ATTENDEE_HELP)
    new.add_argument("--case-attendees", action="store_true",
                     help="list the case's parties, agents and mediators as attendees (before any "
                     "--attendee)")
    add_user_option(new)
    add_json_option(new)
    listing = add_command(group, "list", "list a case's sittings", cmd_sitting_list)
    listing.add_argument("--case", required=True, metavar="NO")
    add_json_option(listing)
    notes = add_command(group, "notes", "the minutes' header and closing fields", cmd_sitting_notes)
    notes.add_argument("sitting", type=item_id, metavar="SITTING")
    notes.add_argument("--rights-explained", action="store_true",
                       help="the parties were told their rights and obligations (权利义务告知)")
    notes.add_argument("--risk-warning", default="", metavar="TEXT", help="the risk warning given")
    notes.add_argument("--findings", default="", metavar="TEXT", help="the mediator's findings")
    notes.add_argument("--result", default="", metavar="TEXT", help="the outcome, or why it failed")
    add_user_option(notes)
    add_json_option(notes)
    close = add_command(group, "close", "close a sitting and seal its minutes with your signing key "
                        "(password from MEDISEAL_PASSWORD)", cmd_sitting_close)
    close.add_argument("sitting", type=item_id, metavar="SITTING")
    close.add_argument("--adjourned", action="store_true", help="the sitting was adjourned (default: held)")
    add_user_option(close, "the mediator or recorder sealing")
    add_json_option(close)
    cancel = add_command(group, "cancel", "cancel a sitting that has no minutes entries", cmd_sitting_cancel)
    cancel.add_argument("sitting", type=item_id, metavar="SITTING")
    cancel.add_argument("--reason", required=True, metavar="TEXT")
    add_user_option(cancel)
    add_json_option(cancel)
    upcoming = add_command(group, "upcoming", "scheduled sittings of your cases", cmd_sitting_upcoming)
    upcoming.add_argument("--from", dest="start", type=parse_time, metavar="TIME", help="default: now")
    upcoming.add_argument("--days", type=int, default=14, metavar="N", help="how many days (default 14)")
    add_user_option(upcoming)
    add_json_option(upcoming)


def _register_minutes(commands: Any) -> None:
    minutes = commands.add_parser("minutes", help="the minutes of a sitting (调解记录, 调查记录)")
    group = minutes.add_subparsers(dest="minutes_command", metavar="ACTION", required=True,
                                   parser_class=type(minutes))
    add = add_command(group, "add", "record one entry (committed at once)", cmd_minutes_add)
    add.add_argument("sitting", type=item_id, metavar="SITTING")
    add.add_argument("text", nargs="?", metavar="TEXT", help="what was said, right after SITTING; read from "
                     "standard input when omitted or -")
    add.add_argument("--speaker-role", required=True, metavar="ROLE", help="applicant, respondent, "
                     "third-party, agent, mediator, recorder, expert, interpreter, interviewee or other")
    add.add_argument("--speaker", default="", metavar="NAME", help="who spoke (required but for a note)")
    add.add_argument("--kind", default="statement", metavar="KIND",
                     help="statement (default), question, answer or note")
    add.add_argument("--at", type=parse_time, metavar="TIME", help="when it was said (default: now)")
    add_user_option(add)
    add_json_option(add)
    edit = add_command(group, "edit", "change an entry's text before the minutes are sealed",
                       cmd_minutes_edit)
    edit.add_argument("sitting", type=item_id, metavar="SITTING")
    edit.add_argument("seq", type=item_id, metavar="SEQ")
    edit.add_argument("text", nargs="?", metavar="TEXT", help="the new text; standard input when omitted")
    edit.add_argument("--revision", type=item_id, metavar="N",
                      help="the entry's revision your change starts from (refused if it changed since)")
    add_user_option(edit)
    add_json_option(edit)
    correct = add_command(group, "correct", "seal an addendum correcting one entry of sealed minutes "
                          "(password from MEDISEAL_PASSWORD)", cmd_minutes_correct)
    correct.add_argument("sitting", type=item_id, metavar="SITTING")
    correct.add_argument("text", nargs="?", metavar="TEXT", help="the corrected text; standard input when "
                         "omitted")
    correct.add_argument("--seq", required=True, type=item_id, metavar="N", help="the entry it corrects")
    correct.add_argument("--reason", required=True, metavar="TEXT", help="why it is corrected")
    add_user_option(correct, "the mediator or recorder sealing")
    add_json_option(correct)
    sign = add_command(group, "sign", "record that someone signed the printed sealed minutes",
                       cmd_minutes_sign)
    sign.add_argument("record", type=item_id, metavar="RECORD",
                      help="the sealed minutes' or addendum's number")
    sign.add_argument("--name", required=True, metavar="NAME")
    sign.add_argument("--role", required=True, metavar="ROLE")
    sign.add_argument("--at", type=parse_time, metavar="TIME", help="when they signed (default: now)")
    add_user_option(sign)
    add_json_option(sign)
    show = add_command(group, "show", "a sitting's header, entries, sealed state, addenda and signings",
                       cmd_minutes_show)
    show.add_argument("sitting", type=item_id, metavar="SITTING")
    add_json_option(show)
    search = add_command(group, "search", "find entries of a case by their text", cmd_minutes_search)
    search.add_argument("--case", required=True, metavar="NO")
    search.add_argument("text", metavar="TEXT")
    add_json_option(search)


def _text(given: str | None) -> str:
    """The text given as an argument, else standard input (``-`` or none)."""
    if given is not None and given != "-":
        return given
    if sys.stdin is None or sys.stdin.isatty():
        raise UsageError("give the text as an argument or on standard input")
    return sys.stdin.read()


def _attendees(given: list[str]) -> list[Any]:
    from desktop.core.cases.sittings import Attendee, AttendeeRole
    found = []
    for text in given:
        role, separator, name = text.partition(":")
        if not separator:
            raise UsageError(f"--attendee: “{one_line(text)}” is not ROLE:NAME")
        found.append(Attendee(member(AttendeeRole, role, "--attendee"), name))
    return found


def _print_sitting(info: Any) -> None:
    where = "online" if info.online else info.place
    if info.online and info.place:
        where = f"online ({info.place})"
    print(f"Sitting {info.id} of {info.case_number}: {info.kind.value}, {local_time(info.starts_at)}, "
          f"{one_line(where)}, {info.state.value}{', sealed' if info.sealed else ''}, "
          f"revision {info.revision}, {info.entry_count} entries")


def cmd_sitting_new(args: argparse.Namespace) -> int:
    from desktop.core.cases import sittings
    kind = member(sittings.SittingKind, args.kind, "--kind")
    listed = _attendees(args.attendee)
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        with store.database.session_scope() as session:
            if args.case_attendees:
                listed = [*sittings.default_attendees(session, args.case), *listed]
            info = sittings.schedule_sitting(session, actor, args.case, kind, args.at, place=args.place,
                                             online=args.online, matter=args.matter, attendees=listed)
    if args.json:
        print_json(info)
    else:
        _print_sitting(info)
        print(info.id)
    return EXIT_OK


def _sitting_row(info: Any) -> list[str]:
    return [str(info.id), info.case_number, info.kind.value, local_time(info.starts_at),
            "online" if info.online else info.place, info.state.value, "yes" if info.sealed else "",
            str(info.entry_count)]


SITTING_HEADERS = ["ID", "CASE", "KIND", "STARTS", "PLACE", "STATE", "SEALED", "ENTRIES"]


def cmd_sitting_list(args: argparse.Namespace) -> int:
    from desktop.core.cases import sittings
    with opened_store(args) as store, store.database.session_scope() as session:
        listed = sittings.list_sittings(session, args.case)
    print_listing(args.json, listed, SITTING_HEADERS, _sitting_row)
    return EXIT_OK


def cmd_sitting_notes(args: argparse.Namespace) -> int:
    from desktop.core.cases import sittings
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        with store.database.session_scope() as session:
            current = sittings.sitting_info(session, args.sitting)
            info = sittings.set_notes(session, actor, args.sitting, current.revision,
                                      rights_explained=args.rights_explained, risk_warning=args.risk_warning,
                                      findings=args.findings, result=args.result)
    if args.json:
        print_json(info)
    else:
        _print_sitting(info)
    return EXIT_OK


def _print_sealed(sealed: Any) -> None:
    what = "Sealed minutes" if sealed.kind == "minutes" \
        else f"Sealed addendum correcting entry {sealed.corrects_seq}"
    print(f"{what}: record {sealed.id} of sitting {sealed.sitting_id} ({sealed.case_number}), signed by "
          f"{sealed.signer}, record SHA-256 {sealed.record_sha256}")


def cmd_sitting_close(args: argparse.Namespace) -> int:
    from desktop.core.cases import minutes
    from desktop.core.cases.sittings import SittingState
    from desktop.core.trust import signing_keys
    state = SittingState.ADJOURNED if args.adjourned else SittingState.HELD
    with opened_store(args) as store:
        actor, password = acting_user(args, store)
        with store.database.session_scope() as session:
            key = signing_keys.unlock(session, actor, password)
            sealed = minutes.close_sitting(session, actor, key, args.sitting, state=state)
    if args.json:
        print_json(sealed)
    else:
        _print_sealed(sealed)
    return EXIT_OK


def cmd_sitting_cancel(args: argparse.Namespace) -> int:
    from desktop.core.cases import sittings
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        with store.database.session_scope() as session:
            info = sittings.cancel_sitting(session, actor, args.sitting, args.reason)
    if args.json:
        print_json(info)
    else:
        _print_sitting(info)
    return EXIT_OK


def cmd_sitting_upcoming(args: argparse.Namespace) -> int:
    from desktop.core.cases import sittings
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        with store.database.session_scope() as session:
            listed = sittings.upcoming(session, actor, start=args.start or datetime.now(UTC), days=args.days)
    print_listing(args.json, listed, SITTING_HEADERS, _sitting_row)
    return EXIT_OK


def _print_entry(entry: Any) -> None:
    print(f"Entry {entry.seq} of sitting {entry.sitting_id} (revision {entry.revision}) recorded at "
          f"{local_time(entry.recorded_at)}")


def cmd_minutes_add(args: argparse.Namespace) -> int:
    from desktop.core.cases import minutes
    from desktop.core.cases.sittings import AttendeeRole
    role = member(AttendeeRole, args.speaker_role, "--speaker-role")
    kind = member(minutes.EntryKind, args.kind, "--kind")
    text = _text(args.text)
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        # One entry, one transaction: committed (durable) when the command returns.
        with store.database.session_scope() as session:
            entry = minutes.add_entry(session, actor, args.sitting, role, args.speaker, text, kind=kind,
                                      spoken_at=args.at)
    if args.json:
        print_json(entry)
    else:
        _print_entry(entry)
    return EXIT_OK


def cmd_minutes_edit(args: argparse.Namespace) -> int:
    from desktop.core.cases import minutes
    text = _text(args.text)
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        with store.database.session_scope() as session:
            found = minutes.entries(session, args.sitting, after_seq=args.seq - 1, limit=1)
            if not found or found[0].seq != args.seq:
                raise UsageError(f"sitting {args.sitting} has no entry {args.seq}")
            revision = args.revision or found[0].revision
            entry = minutes.edit_entry(session, actor, found[0].id, revision, text)
    if args.json:
        print_json(entry)
    else:
        _print_entry(entry)
    return EXIT_OK


def cmd_minutes_correct(args: argparse.Namespace) -> int:
    from desktop.core.cases import minutes
    from desktop.core.trust import signing_keys
    text = _text(args.text)
    with opened_store(args) as store:
        actor, password = acting_user(args, store)
        with store.database.session_scope() as session:
            key = signing_keys.unlock(session, actor, password)
            sealed = minutes.add_addendum(session, actor, key, args.sitting, args.seq, args.reason, text)
    if args.json:
        print_json(sealed)
    else:
        _print_sealed(sealed)
    return EXIT_OK


def cmd_minutes_sign(args: argparse.Namespace) -> int:
    from desktop.core.cases import minutes
    from desktop.core.cases.sittings import AttendeeRole
    role = member(AttendeeRole, args.role, "--role")
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        with store.database.session_scope() as session:
            signing = minutes.record_signing(session, actor, args.record, args.name, role,
                                             args.at or datetime.now(UTC))
    if args.json:
        print_json(signing)
    else:
        print(f"Recorded: {one_line(signing.name)} ({signing.role.value}) signed record {args.record} at "
              f"{local_time(signing.signed_at)}")
    return EXIT_OK


def cmd_minutes_show(args: argparse.Namespace) -> int:
    from desktop.core.cases import minutes, sittings
    with opened_store(args) as store, store.database.session_scope() as session:
        info = sittings.sitting_info(session, args.sitting)
        listed = minutes.entries(session, args.sitting)
        sealed = minutes.sealed_records(session, args.sitting)
    if args.json:
        print_json({"sitting": info, "entries": listed,
                    "sealed": [{key: value for key, value in vars_of(record).items() if key != "signature"}
                               for record in sealed]})
        return EXIT_OK
    _print_sitting(info)
    print(f"Matter: {one_line(info.matter)}")
    print("Attendees: " + "; ".join(f"{attendee.role.value} {one_line(attendee.name)}"
                                    for attendee in info.attendees))
    print(f"Rights and obligations explained: {'yes' if info.rights_explained else 'no'}")
    if info.risk_warning:
        print(f"Risk warning: {one_line(info.risk_warning)}")
    print_table(["SEQ", "TIME", "KIND", "ROLE", "SPEAKER", "TEXT"],
                [[str(entry.seq), local_time(entry.spoken_at), entry.kind.value, entry.speaker_role.value,
                  entry.speaker, entry.text] for entry in listed])
    if info.findings:
        print(f"Findings: {one_line(info.findings)}")
    if info.result:
        print(f"Result: {one_line(info.result)}")
    if info.cancel_reason:
        print(f"Cancelled: {one_line(info.cancel_reason)}")
    for record in sealed:
        _print_sealed(record)
        if record.kind == "addendum":
            print(f"  Reason: {one_line(record.reason)}")
            print(f"  Corrected text: {one_line(record.text)}")
        for signing in record.signings:
            print(f"  Signed by {one_line(signing.name)} ({signing.role.value}) at "
                  f"{local_time(signing.signed_at)}")
    return EXIT_OK


def vars_of(record: Any) -> dict[str, Any]:
    """A sealed record's fields (a slotted dataclass) as a dict, for the JSON output."""
    from dataclasses import fields
    return {field.name: getattr(record, field.name) for field in fields(record)}


def cmd_minutes_search(args: argparse.Namespace) -> int:
    from desktop.core.cases import minutes
    with opened_store(args) as store, store.database.session_scope() as session:
        hits = minutes.search(session, args.case, args.text)
    print_listing(args.json, hits, ["SITTING", "SEQ", "SPEAKER", "SNIPPET"],
                  lambda hit: [str(hit.sitting_id), str(hit.seq), hit.speaker, hit.snippet])
    return EXIT_OK
