"""``mediseal ledger``, ``checkpoint`` and ``verify``: the append-only ledger and its checks."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    acting_user,
    add_common,
    add_json_option,
    add_user_option,
    local_time,
    opened_store,
    print_json,
    print_table,
)


def _non_negative(text: str) -> int:
    value = int(text)
    if value < 0:
        raise ValueError(text)
    return value


def register(commands: Any) -> None:
    listing = commands.add_parser("ledger", help="list ledger entries (存证日志)",
                                  description="List ledger entries, oldest first.")
    add_common(listing)
    listing.add_argument("--from", dest="start", type=_non_negative, default=0, metavar="N",
                         help="first entry number (default 0)")
    listing.add_argument("--limit", type=_non_negative, default=None, metavar="N",
                         help="at most N entries (default: all)")
    add_json_option(listing)
    listing.set_defaults(handler=cmd_ledger)

    checkpoint = commands.add_parser("checkpoint", help="sign a checkpoint of the ledger now",
                                     description="Sign the ledger's current tree head (size, root, time) "
                                                 "with your signing key.")
    add_common(checkpoint)
    add_user_option(checkpoint, "the user signing")
    checkpoint.set_defaults(handler=cmd_checkpoint)

    verify = commands.add_parser("verify", help="verify the store; exit 1 with findings",
                                 description="Recompute the ledger's tree from its entries, check every "
                                             "stored node and every checkpoint's root and signature; "
                                             "check every key, user and case against the entry that "
                                             "logged it; re-hash every evidence file (SHA-256 and SM3), "
                                             "check every item record against its ledger entry and every "
                                             "seal and preservation record against its certificate; and "
                                             "find every record the ledger logged that the store lost. "
                                             "Exit 0 when clean, 1 with findings (each named; notices "
                                             "alone keep it clean).")
    add_common(verify)
    verify.add_argument("--case", metavar="NO", help="only this case's evidence and the ledger entries it "
                                                     "rests on")
    add_json_option(verify)
    verify.set_defaults(handler=cmd_verify)


def cmd_ledger(args: argparse.Namespace) -> int:
    from desktop.core.trust import ledger
    with opened_store(args) as store, store.database.session_scope() as session:
        if args.limit is None:
            listed = list(ledger.iter_entries(session, args.start))
        else:
            listed = ledger.entries(session, args.start, args.limit)
    if args.json:
        print_json([entry.record() for entry in listed])
    else:
        print_table(["SEQ", "TIME", "ACTOR", "KIND", "SUBJECT", "SHA-256"],
                    [[str(entry.seq), local_time(entry.recorded_at), entry.actor, entry.kind, entry.subject,
                      (entry.subject_sha256 or "")[:16]] for entry in listed])
    return EXIT_OK


def cmd_checkpoint(args: argparse.Namespace) -> int:
    from desktop.core.trust import checkpoints, signing_keys
    with opened_store(args) as store:
        actor, password = acting_user(args, store)
        with store.database.session_scope() as session:
            key = signing_keys.unlock(session, actor, password)
            made = checkpoints.sign_checkpoint(session, actor, key)
    print(f"Checkpoint {made.id}: {made.tree_size} entries, root {made.root_sha256}")
    print(f"  signed {local_time(made.signed_at)} by {made.signer} (certificate {made.fingerprint[:16]})")
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    from desktop.core.verification.store import verify_store

    with opened_store(args) as store, store.database.session_scope() as session:
        report = verify_store(session, store.vault, args.case)
    if args.json:
        print_json(report.to_dict())
    else:
        if args.case:
            print(f"Case {args.case}: checked {report.items} evidence items, {report.blobs} files "
                  f"({report.bytes} bytes), {report.seals} seals, {report.records} preservation records")
        else:
            print(f"Checked {report.entries} ledger entries, {report.nodes} tree nodes, "
                  f"{report.checkpoints} checkpoints, {report.items} evidence items, {report.blobs} files "
                  f"({report.bytes} bytes), {report.seals} seals, {report.records} preservation records")
        for finding in report.findings:
            label = "FINDING" if finding.severity == "error" else "NOTICE"
            print(f"{label} {finding.code}: {finding.message}")
            if finding.expected is not None or finding.found is not None:
                print(f"  expected {finding.expected}")
                print(f"  found    {finding.found}")
        print("Clean." if report.clean else f"{len(report.errors)} finding(s).")
    return EXIT_OK if report.clean else EXIT_REFUSED
