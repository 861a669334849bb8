"""``mediseal timestamp``: trusted timestamps (可信时间戳, RFC 3161) over checkpoints: set the authority,
send the queued requests now, list stored tokens and pending requests with their errors."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from desktop.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    UsageError,
    acting_user,
    add_common,
    add_json_option,
    add_user_option,
    local_time,
    opened_store,
    print_json,
    print_table,
)

PASSWORD_VARIABLE = "MEDISEAL_TSA_PASSWORD"


def register(commands: Any) -> None:
    group = commands.add_parser("timestamp", help="trusted timestamps of checkpoints (可信时间戳, RFC 3161)",
                                description="Trusted timestamps (RFC 3161) over signed checkpoints.")
    actions = group.add_subparsers(dest="action", required=True, metavar="ACTION")

    authority = actions.add_parser("authority", help="set the timestamp authority (administrator)",
                                   description="Set the office's timestamp authority: its URL, the CA "
                                               "certificates (PEM) its tokens must chain to, and optional "
                                               f"HTTP credentials (the password from {PASSWORD_VARIABLE}).")
    add_common(authority)
    add_user_option(authority, "the administrator")
    authority.add_argument("--url", required=True, help="the authority's http:// or https:// address")
    authority.add_argument("--ca-file", required=True, type=Path, help="PEM file of the CA certificate(s)")
    authority.add_argument("--tsa-user", default=None, help="HTTP basic user name, when the authority asks")
    authority.set_defaults(handler=cmd_authority)

    send = actions.add_parser("send", help="send every queued request now",
                              description="Send every queued request now (whatever its next-try time); "
                                          "exit 1 when some stay queued.")
    add_common(send)
    add_user_option(send, "the user storing the tokens")
    send.set_defaults(handler=cmd_send)

    listing = actions.add_parser("list", help="stored tokens and pending requests (with their errors)",
                                 description="Stored tokens and pending requests, oldest checkpoint first.")
    add_common(listing)
    add_json_option(listing)
    listing.set_defaults(handler=cmd_list)


def cmd_authority(args: argparse.Namespace) -> int:
    from desktop.core.trust import timestamps
    try:
        ca_pem = args.ca_file.read_text(encoding="ascii", errors="replace")
    except OSError as error:
        raise UsageError(f"cannot read the CA file {args.ca_file}: {error.strerror}") from error
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        with store.database.session_scope() as session:
            found = timestamps.set_authority(session, actor, args.url, ca_pem, args.tsa_user,
                                             os.environ.get(PASSWORD_VARIABLE) or None)
    print(f"Timestamp authority: {found.url}")
    return EXIT_OK


def cmd_send(args: argparse.Namespace) -> int:
    from desktop.core.trust import timestamps
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        results = timestamps.send_pending(store.database.session_scope, actor, due_only=False)
    for result in results:
        if result.error is None:
            print(f"Checkpoint {result.checkpoint_id}: token stored")
        else:
            print(f"Checkpoint {result.checkpoint_id}: still queued: {result.error}")
    if not results:
        print("Nothing to send.")
    return EXIT_REFUSED if any(result.error for result in results) else EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from desktop.core.trust import timestamps
    with opened_store(args) as store, store.database.session_scope() as session:
        found = timestamps.authority(session)
        tokens = timestamps.stored(session)
        waiting = timestamps.pending(session)
    if args.json:
        print_json({"authority": found.url if found else None,
                    "stored": [{"checkpoint": t.checkpoint_id, "digest_sha256": t.digest_sha256,
                                "token_sha256": t.token_sha256, "time": t.gen_time, "authority": t.tsa_url}
                               for t in tokens],
                    "pending": [{"checkpoint": p.checkpoint_id, "digest_sha256": p.digest_sha256,
                                 "queued_at": p.queued_at, "attempts": p.attempts, "last_error": p.last_error,
                                 "next_try_at": p.next_try_at} for p in waiting]})
        return EXIT_OK
    print(f"Authority: {found.url if found else '(none configured)'}")
    rows = [[str(t.checkpoint_id), "stored", local_time(t.gen_time), "", t.token_sha256[:16]] for t in tokens]
    rows += [[str(p.checkpoint_id), "pending", local_time(p.next_try_at), str(p.attempts), p.last_error or ""]
             for p in waiting]
    rows.sort(key=lambda row: int(row[0]))
    print_table(["CHECKPOINT", "STATE", "TIME / NEXT TRY", "ATTEMPTS", "TOKEN / LAST ERROR"], rows)
    return EXIT_OK
