"""``mediseal preservation ...``: a notary's preservation records (保全证据记录), sealed with the list of
the items' digests; a correction is a new record naming the one it corrects."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.common import (
    EXIT_OK,
    acting_user,
    add_command,
    add_json_option,
    add_user_option,
    item_id,
    local_time,
    opened_store,
    parse_time,
    print_json,
    print_listing,
)
from desktop.core.trust.permissions import Action, require


def register(commands: Any) -> None:
    record = commands.add_parser("preservation", help="preservation records (保全证据记录)")
    group = record.add_subparsers(dest="preservation_command", metavar="ACTION", required=True,
                                  parser_class=type(record))
    new = add_command(group, "new", "write and seal a preservation record for items of a case (notaries)",
                      cmd_preservation_new)
    new.add_argument("--case", required=True, metavar="NO")
    new.add_argument("--item", action="append", type=item_id, required=True, metavar="ID",
                     help="an evidence item it covers; repeat for several")
    new.add_argument("--place", required=True, metavar="TEXT")
    new.add_argument("--applicant", required=True, metavar="TEXT", help="who applied for preservation")
    new.add_argument("--operator", required=True, metavar="TEXT", help="who carried out the acquisition")
    new.add_argument("--steps", required=True, metavar="TEXT",
                     help="how the evidence was acquired (may hold line breaks)")
    new.add_argument("--devices", default="", metavar="TEXT", help="devices and software used (may hold "
                                                                    "line breaks)")
    new.add_argument("--witness", action="append", default=[], metavar="NAME", help="repeat for several")
    new.add_argument("--started-at", type=parse_time, metavar="TIME")
    new.add_argument("--ended-at", type=parse_time, metavar="TIME")
    new.add_argument("--corrects", type=item_id, metavar="N", help="the record this one corrects")
    new.add_argument("--reason", default="", metavar="TEXT", help="why it corrects that record (required "
                                                                   "with --corrects)")
    add_user_option(new, "the notary sealing")
    add_json_option(new)
    listing = add_command(group, "list", "list a case's preservation records", cmd_preservation_list)
    listing.add_argument("--case", required=True, metavar="NO")
    add_json_option(listing)


def cmd_preservation_new(args: argparse.Namespace) -> int:
    from desktop.core.evidence import preservation
    from desktop.core.trust import signing_keys
    given = preservation.PreservationInput(tuple(args.item), args.place, args.applicant, args.operator,
                                           args.steps, args.devices, tuple(args.witness), args.started_at,
                                           args.ended_at, args.corrects, args.reason)
    with opened_store(args) as store:
        actor, password = acting_user(args, store)
        require(actor, Action.SEAL_EVIDENCE)
        with store.database.session_scope() as session:
            key = signing_keys.unlock(session, actor, password)
            info = preservation.create_record(session, actor, key, args.case, given)
    if args.json:
        print_json(info)
    else:
        corrects = f", correcting record {args.corrects}" if args.corrects else ""
        print(f"Sealed preservation record {info.id} for {info.case_number}{corrects}: "
              f"{len(args.item)} item(s), record SHA-256 {info.record_sha256}")
    return EXIT_OK


def cmd_preservation_list(args: argparse.Namespace) -> int:
    from desktop.core.evidence import preservation
    with opened_store(args) as store, store.database.session_scope() as session:
        listed = preservation.list_records(session, args.case)
    print_listing(args.json, listed, ["ID", "SEALED", "NOTARY", "ITEMS", "CORRECTS", "CORRECTED BY"],
                  lambda info: [str(info.id), local_time(info.sealed_at), info.signer,
                                ",".join(str(item) for item in info.item_ids), str(info.supersedes or ""),
                                str(info.superseded_by or "")])
    return EXIT_OK
