"""``mediseal document KIND --case NO --out FILE.pdf``: a document of a case as a Chinese PDF in the
official layout (fonts embedded), written once (never over a file) and logged in the ledger with the
digest of its record."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli.common import (
    EXIT_OK,
    acting_user,
    add_common,
    add_json_option,
    add_user_option,
    opened_store,
    print_json,
)


def register(commands: Any) -> None:
    document = commands.add_parser(
        "document", help="print a document of a case to a PDF (受理登记表, 司法确认申请书, 证据清单 …)",
        description="Print a document of a case to a new PDF (Chinese, official layout, fonts embedded) and "
                    "log it in the ledger. Refused (exit 2) when the file exists, the kind is unknown or a "
                    "character has no glyph in the font; nothing is written then.")
    add_common(document)
    document.set_defaults(handler=cmd_document)
    document.add_argument("kind", metavar="KIND", help=(
        "registration (受理登记表), rights-notice (权利义务告知书), application (司法确认申请书), commitment "
        "(承诺书), evidence-list (证据清单), minutes (调解记录), address-confirmation (送达地址确认书), "
        "oral-agreement (口头协议登记表), visit (回访记录), file-cover (卷宗封面 and 卷内目录), preservation "
        "(保全证据工作记录)"))
    document.add_argument("--case", required=True, metavar="NO", help="the case number")
    document.add_argument("--out", required=True, type=Path, metavar="FILE.pdf",
                          help="the new PDF (never overwritten)")
    document.add_argument("--party", type=int, metavar="ID", help="commitment, address-confirmation: the "
                          "party (default: every party, each on a new page)")
    document.add_argument("--sitting", type=int, metavar="ID", help="minutes: the sitting (required)")
    document.add_argument("--visit", type=int, metavar="ID", help="visit: the follow-up visit (required)")
    document.add_argument("--court", type=int, metavar="ID", help="application: the court addressed "
                          "(default: the court suggested by Civil Procedure Law art. 205)")
    document.add_argument("--item", type=int, nargs="+", default=[], metavar="ID", dest="items",
                          help="evidence-list: the items to list (default: every item of the case)")
    add_user_option(document)
    add_json_option(document)


def cmd_document(args: argparse.Namespace) -> int:
    from desktop.core.documents.courts import suggest_court
    from desktop.core.documents.generation import DocumentKind, DocumentRequest, document_kind, generate

    kind = document_kind(args.kind)  # refused (exit 2) before a password is asked
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        request = DocumentRequest(party=args.party, sitting=args.sitting, visit=args.visit, court=args.court,
                                  items=tuple(args.items), vault=store.vault)
        with store.database.session_scope() as session:
            made = generate(session, actor, kind, args.case, args.out, request=request)
            suggestion = suggest_court(session, args.case) \
                if kind is DocumentKind.APPLICATION and args.court is None else None
    if suggestion is not None and suggestion.court is not None and not args.json:
        # The application names the suggested court: say why, so the clerk can choose another (--court).
        print(f"Addressed to {suggestion.court.name} (suggested; --court ID to choose another):")
        for reason in suggestion.reasons:
            print(f"  {reason.text}")
    if args.json:
        print_json({"kind": made.kind.value, "case": made.case_number, "path": str(made.path),
                    "size": made.size, "pdf_sha256": made.pdf_sha256, "record": made.record,
                    "record_sha256": made.record_sha256, "ledger_seq": made.ledger_seq,
                    **({"court_suggestion": suggestion.as_json()} if suggestion is not None else {})})
    else:
        print(f"Wrote {made.kind.label.lower()} of {made.case_number} to {made.path} ({made.size} bytes)")
        print(f"PDF SHA-256 {made.pdf_sha256}; logged as ledger entry {made.ledger_seq}")
    return EXIT_OK
