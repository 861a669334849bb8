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
        "document", help="print a document of a case to a PDF (受理登记表, 权利义务告知书)",
        description="Print a document of a case to a new PDF (Chinese, official layout, fonts embedded) and "
                    "log it in the ledger. Refused (exit 2) when the file exists, the kind is unknown or a "
                    "character has no glyph in the font; nothing is written then.")
    add_common(document)
    document.set_defaults(handler=cmd_document)
    document.add_argument("kind", metavar="KIND", help="registration (受理登记表) or rights-notice "
                          "(权利义务告知书)")
    document.add_argument("--case", required=True, metavar="NO", help="the case number")
    document.add_argument("--out", required=True, type=Path, metavar="FILE.pdf",
                          help="the new PDF (never overwritten)")
    add_user_option(document)
    add_json_option(document)


def cmd_document(args: argparse.Namespace) -> int:
    from desktop.core.documents.generation import document_kind, generate

    kind = document_kind(args.kind)  # refused (exit 2) before a password is asked
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        with store.database.session_scope() as session:
            made = generate(session, actor, kind, args.case, args.out)
    if args.json:
        print_json({"kind": made.kind.value, "case": made.case_number, "path": str(made.path),
                    "size": made.size, "pdf_sha256": made.pdf_sha256, "record": made.record,
                    "record_sha256": made.record_sha256, "ledger_seq": made.ledger_seq})
    else:
        print(f"Wrote {made.kind.label.lower()} of {made.case_number} to {made.path} ({made.size} bytes)")
        print(f"PDF SHA-256 {made.pdf_sha256}; logged as ledger entry {made.ledger_seq}")
    return EXIT_OK
