"""``mediseal case ...``: mediation cases (调解案件): open one, list them."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.common import (
    EXIT_OK,
    acting_user,
    add_command,
    add_json_option,
    add_user_option,
    local_time,
    opened_store,
    print_listing,
)

CASE_TYPE_HELP = ("patent, trademark, copyright, trade-secret, plant-variety, geographical-indication, "
                  "ic-layout, unfair-competition or other")


def register(commands: Any) -> None:
    case = commands.add_parser("case", help="mediation cases (调解案件)")
    group = case.add_subparsers(dest="case_command", metavar="ACTION", required=True, parser_class=type(case))
    new = add_command(group, "new", "open a case; prints its number as the last line", cmd_case_new)
    new.add_argument("--type", required=True, dest="case_type", metavar="TYPE", help=CASE_TYPE_HELP)
    new.add_argument("--title", required=True, metavar="TEXT",
                     help="one line, at most 200 characters (no control or text-direction characters)")
    add_user_option(new)
    listing = add_command(group, "list", "list cases, newest first", cmd_case_list)
    add_json_option(listing)


def cmd_case_new(args: argparse.Namespace) -> int:
    from desktop.core.cases import matters as cases
    cases.validate_case_type(args.case_type)
    cases.validate_title(args.title)
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        with store.database.session_scope() as session:
            info = cases.open_case(session, actor, args.case_type, args.title)
    print(f"Opened {info.case_type} case: {info.title}")
    print(info.number)
    return EXIT_OK


def cmd_case_list(args: argparse.Namespace) -> int:
    from desktop.core.cases import matters as cases
    with opened_store(args) as store, store.database.session_scope() as session:
        listed = cases.list_cases(session)
    print_listing(args.json, listed, ["NUMBER", "TYPE", "TITLE", "OPENED BY", "OPENED"],
                  lambda info: [info.number, info.case_type, info.title, info.created_by,
                                local_time(info.created_at)])
    return EXIT_OK
