"""``mediseal ledger`` and ``checkpoint``: the append-only ledger (存证日志), one escaped line per entry, and
a signed checkpoint of its head."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.common import (
    EXIT_OK,
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
    from desktop.core.trust import checkpoints, signing_keys, timestamps
    with opened_store(args) as store:
        actor, password = acting_user(args, store)
        with store.database.session_scope() as session:
            key = signing_keys.unlock(session, actor, password)
            made = checkpoints.sign_checkpoint(session, actor, key)
        print(f"Checkpoint {made.id}: {made.tree_size} entries, root {made.root_sha256}")
        print(f"  signed {local_time(made.signed_at)} by {made.signer} (certificate {made.fingerprint[:16]})")
        # Queued when a timestamp authority is set (RFC 3161): tried now, else later by ``timestamp send``.
        for result in timestamps.send_pending(store.database.session_scope, actor):
            print(f"  timestamp of checkpoint {result.checkpoint_id}: "
                  + ("stored" if result.error is None else f"still queued: {result.error}"))
    return EXIT_OK
