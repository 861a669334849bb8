"""``mediseal court ...``: the office's list of courts (法院名录), kept by an administrator, the committee's
place, and the competent court for judicial confirmation of a case suggested with its reasons (Civil
Procedure Law art. 205)."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    acting_user,
    add_command,
    add_json_option,
    add_user_option,
    opened_store,
    print_json,
    print_listing,
)

LEVEL_HELP = "basic (基层人民法院), intermediate (中级人民法院) or high (高级人民法院)"
HEARS_HELP = ("IP cases it hears at first instance (SPC 2022 provisions on IP jurisdiction), "
              "comma-separated: technical (art. 1: invention and utility-model patents, plant varieties, "
              "IC layouts, technical secrets, software, monopoly), design-patent (art. 2), general (art. 3: "
              "trademarks, copyright, unfair competition ...); an empty value for none")


def _kinds(text: str) -> list[str]:
    return [part.strip() for part in text.replace("，", ",").split(",") if part.strip()]


def register(commands: Any) -> None:
    court = commands.add_parser(
        "court", help="the office's list of courts and the competent court of a case: add, edit, list, "
                      "place, suggest")
    group = court.add_subparsers(dest="court_command", metavar="ACTION", required=True,
                                 parser_class=type(court))
    add = add_command(group, "add", "add a court to the office's list (administrator; logged)", cmd_court_add)
    add.add_argument("name", metavar="NAME", help="the court's full name, e.g. 昆明市五华区人民法院")
    add.add_argument("--level", required=True, metavar="LEVEL", help=LEVEL_HELP)
    add.add_argument("--area", required=True, metavar="AREA",
                     help="the area it serves as addresses write it, e.g. 昆明市五华区 (an intermediate "
                          "court: its prefecture, 昆明市)")
    add.add_argument("--ip-area", default="", metavar="AREA",
                     help="the area its IP jurisdiction covers when wider, e.g. 云南省 (default: --area)")
    add.add_argument("--hears", default="", metavar="KINDS", help=HEARS_HELP)
    add.add_argument("--inactive", action="store_true", help="record it as no longer used")
    add_user_option(add, "the administrator")
    add_json_option(add)

    edit = add_command(group, "edit", "change a court of the list: only the options given change (a new "
                       "version, logged; administrator)", cmd_court_edit)
    edit.add_argument("court", metavar="NAME_OR_ID")
    edit.add_argument("--version", type=int, metavar="N",
                      help="the version your edit starts from (`court list`); refused (exit 1) when someone "
                           "saved since")
    edit.add_argument("--name", metavar="NAME", help="a new name")
    edit.add_argument("--level", metavar="LEVEL", help=LEVEL_HELP)
    edit.add_argument("--area", metavar="AREA", help="the area it serves")
    edit.add_argument("--ip-area", metavar="AREA", help="the area its IP jurisdiction covers")
    edit.add_argument("--hears", metavar="KINDS", help=HEARS_HELP)
    state = edit.add_mutually_exclusive_group()
    state.add_argument("--inactive", dest="active", action="store_false", default=None,
                       help="no longer used (kept in the list and its history)")
    state.add_argument("--active", dest="active", action="store_true", help="used again")
    add_user_option(edit, "the administrator")
    add_json_option(edit)

    listing = add_command(group, "list", "the office's courts, higher levels first", cmd_court_list)
    listing.add_argument("--active-only", action="store_true", help="leave out courts no longer used")
    add_json_option(listing)

    place = add_command(group, "place", "set where the committee is located (调解组织所在地), as addresses "
                        "write it, e.g. 昆明市五华区 (administrator; logged); without AREA, show it",
                        cmd_court_place)
    place.add_argument("area", nargs="?", metavar="AREA")
    add_user_option(place, "the administrator")

    suggest = add_command(group, "suggest", "the court to apply to for judicial confirmation of a case "
                          "(Civil Procedure Law art. 205), with the reasons and the other courts that fit; "
                          "exit 1 when the office's list has none that fits", cmd_court_suggest)
    suggest.add_argument("number", metavar="NUMBER", help="case number, e.g. （2026）云知调字第0001号")
    suggest.add_argument("--subject-place", default="", metavar="PLACE",
                         help="where the subject matter is (标的物所在地), when it matters")
    add_json_option(suggest)


def _print_courts(as_json: bool, listed: list[Any]) -> None:
    print_listing(as_json, [court.as_json() for court in listed],
                  ["ID", "NAME", "LEVEL", "AREA", "IP AREA", "HEARS", "ACTIVE", "VERSION"],
                  lambda court: [str(court["id"]), court["name"], court["level"], court["area"],
                                 court["ip_area"], ",".join(court["hears"]),
                                 "yes" if court["active"] else "no", str(court["version"])])


def cmd_court_add(args: argparse.Namespace) -> int:
    from desktop.core.office import courts

    with opened_store(args) as store:
        actor, _ = acting_user(args, store)
        with store.database.session_scope() as session:
            added = courts.add_court(session, actor, args.name, args.level, args.area, ip_area=args.ip_area,
                                     hears=_kinds(args.hears), active=not args.inactive)
    _print_courts(args.json, [added])
    return EXIT_OK


def cmd_court_edit(args: argparse.Namespace) -> int:
    from desktop.core.office import courts

    with opened_store(args) as store:
        actor, _ = acting_user(args, store)
        with store.database.session_scope() as session:
            edited = courts.edit_court(
                session, actor, args.court, expected_version=args.version, name=args.name, level=args.level,
                area=args.area, ip_area=args.ip_area,
                hears=None if args.hears is None else _kinds(args.hears), active=args.active)
    _print_courts(args.json, [edited])
    return EXIT_OK


def cmd_court_list(args: argparse.Namespace) -> int:
    from desktop.core.office import courts

    with opened_store(args) as store, store.database.session_scope() as session:
        listed = courts.list_courts(session, active_only=args.active_only)
    _print_courts(args.json, listed)
    return EXIT_OK


def cmd_court_place(args: argparse.Namespace) -> int:
    from desktop.core.office import courts

    with opened_store(args) as store:
        if args.area is None:
            with store.database.session_scope() as session:
                print(courts.committee_place(session))
            return EXIT_OK
        actor, _ = acting_user(args, store)
        with store.database.session_scope() as session:
            print(courts.set_committee_place(session, actor, args.area))
    return EXIT_OK


def cmd_court_suggest(args: argparse.Namespace) -> int:
    from desktop.core.documents.courts import suggest_court

    with opened_store(args) as store, store.database.session_scope() as session:
        suggestion = suggest_court(session, args.number, subject_place=args.subject_place)
    if args.json:
        print_json(suggestion.as_json())
    else:
        print(f"Suggested court: {suggestion.court.name if suggestion.court else '(none)'}")
        for reason in suggestion.reasons:
            print(f"  - {reason.text}")
        for alternative in suggestion.alternatives:
            print(f"Also fits: {alternative.court.name}")
            for reason in alternative.reasons:
                print(f"  - {reason.text}")
    return EXIT_OK if suggestion.court is not None else EXIT_REFUSED
