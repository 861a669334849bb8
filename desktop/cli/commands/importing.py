"""``mediseal import FILE.zip --case NO``: take another office's court package into a case, after checking
it completely (nothing is imported when anything does not check out)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    acting_user,
    add_common,
    add_json_option,
    add_user_option,
    one_line,
    print_json,
)


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "import", help="check another office's court package and take its evidence into a case",
        description="Check a court package made by another office (as verify-package does, and its trusted "
                    "timestamp when it carries one), then take its evidence items into the case: each file "
                    "stored in the vault (a file already there is reused), each item recorded with its "
                    "origin (office, records, seals, certificates, ledger entries, proofs, checkpoint), "
                    "which `mediseal verify` re-checks. Exit 0 with the items imported, 1 with the findings "
                    "when the package does not check out (nothing imported) or the import is refused, 2 "
                    "when the file cannot be read.")
    add_common(parser)
    parser.set_defaults(handler=cmd_import)
    parser.add_argument("file", type=Path, metavar="FILE.zip", help="the package")
    parser.add_argument("--case", required=True, metavar="NO", help="the case to take the evidence into")
    add_user_option(parser)
    add_json_option(parser)


def cmd_import(args: argparse.Namespace) -> int:
    from desktop.cli.common import opened_store
    from desktop.core.exchange.importing import import_package

    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        report = import_package(store.database.session_scope, store.vault, actor, args.file, args.case)
    if args.json:
        print_json({"file": str(args.file), "case": report.case_number, "imported": not report.refused,
                    "import": report.import_id, "source_office": report.source_office,
                    "package_sha256": report.package_sha256,
                    "items": [{"id": item.id, "origin_id": item.origin_id, "name": item.name,
                               "sha256": item.sha256, "new_blob": item.new_blob} for item in report.items],
                    "findings": [finding.as_json() for finding in report.findings]})
    else:
        for finding in report.findings:
            about = f" item {finding.item}" if finding.item is not None else ""
            print(f"{finding.code}: {one_line(finding.file)}{about}: expected {one_line(finding.expected)}, "
                  f"found {one_line(finding.found)}")
        if report.refused:
            print(f"{one_line(str(args.file))}: refused, {len(report.findings)} finding(s); nothing imported")
        else:
            for imported in report.items:
                blob = "new file" if imported.new_blob else "file already in the vault"
                print(f"{imported.id} ← {imported.origin_id}  {one_line(imported.name)}  ({blob})")
            print(f"Imported {len(report.items)} item(s) from {one_line(report.source_office)} into "
                  f"{report.case_number}")
    return EXIT_REFUSED if report.refused else EXIT_OK
