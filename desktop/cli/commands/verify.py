"""``mediseal verify``: the whole store (or one case's records) checked against the ledger; exit 1 with
findings."""

from __future__ import annotations

import argparse
import getpass
from typing import Any

from desktop.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    add_common,
    add_json_option,
    one_line,
    opened_store,
    print_json,
)


def register(commands: Any) -> None:
    verify = commands.add_parser("verify", help="verify the store; exit 1 with findings",
                                 description="Recompute the ledger's tree from its entries, check every "
                                             "stored node and every checkpoint's root and signature; "
                                             "check every key, user and case against the entry that "
                                             "logged it; re-hash every evidence file (SHA-256 and SM3), "
                                             "check every item record against its ledger entry and every "
                                             "seal and preservation record against its certificate; and "
                                             "find every record the ledger logged that the store lost. "
                                             "Exit 0 when clean, 1 with findings (each named; notices "
                                             "alone keep it clean). With --json the report also "
                                             "says when it was checked, by whom (the operating-system "
                                             "account: verifying signs nobody in) and its scope.")
    add_common(verify)
    verify.add_argument("--case", metavar="NO", help="only this case's evidence and the ledger entries it "
                                                     "rests on")
    add_json_option(verify)
    verify.set_defaults(handler=cmd_verify)


def system_account() -> str | None:
    """Who runs this command, as the operating system names them (None when it cannot say)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no name for the process's user id
        return None


def cmd_verify(args: argparse.Namespace) -> int:
    from desktop.core.verification.store import verify_store

    with opened_store(args) as store, store.database.session_scope() as session:
        report = verify_store(session, store.vault, args.case, checked_by=system_account())
    if args.json:
        print_json(report.to_dict())
    else:
        if args.case:
            print(f"Case {one_line(args.case)}: checked {report.items} evidence items, {report.blobs} files "
                  f"({report.bytes} bytes), {report.seals} seals, {report.records} preservation records")
        else:
            print(f"Checked {report.entries} ledger entries, {report.nodes} tree nodes, "
                  f"{report.checkpoints} checkpoints, {report.items} evidence items, {report.blobs} files "
                  f"({report.bytes} bytes), {report.seals} seals, {report.records} preservation records")
        for finding in report.findings:
            label = "FINDING" if finding.severity == "error" else "NOTICE"
            # Findings quote stored values, perhaps tampered ones: each stays on its line.
            print(f"{label} {finding.code}: {one_line(finding.message)}")
            if finding.expected is not None or finding.found is not None:
                print(f"  expected {one_line(str(finding.expected))}")
                print(f"  found    {one_line(str(finding.found))}")
        print("Clean." if report.clean else f"{len(report.errors)} finding(s).")
    return EXIT_OK if report.clean else EXIT_REFUSED
