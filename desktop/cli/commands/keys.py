"""``mediseal key ...``: signing keys and their certificates: make, import (PKCS#12), export, revoke,
list."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli.common import (
    EXIT_OK,
    UsageError,
    acting_user,
    add_command,
    add_json_option,
    add_user_option,
    local_time,
    one_line,
    opened_store,
    print_listing,
    read_secret,
    settings_for,
)
from desktop.core.integrity.durable import refuse_existing

FINGERPRINT_HELP = ("which key: its certificate's SHA-256 (64 hex digits) or an unambiguous start of it, 8 "
                    "digits or more (default: the active key)")


def register(commands: Any) -> None:
    key = commands.add_parser("key", help="signing keys and certificates")
    group = key.add_subparsers(dest="key_command", metavar="ACTION", required=True, parser_class=type(key))
    new = add_command(group, "new", "make an ECDSA P-256 key and self-signed certificate for yourself",
                      cmd_key_new)
    add_user_option(new, "the owner of the new key")
    imported = add_command(group, "import", "import your key and certificate chain from a CA (PKCS#12, DER "
                           "or BER; its password from MEDISEAL_PKCS12_PASSWORD, else asked)", cmd_key_import)
    imported.add_argument("file", metavar="FILE.p12", type=Path)
    add_user_option(imported, "the owner of the key")
    export = add_command(group, "export-cert", "write a user's certificate (PEM; public, no password)",
                         cmd_key_export)
    export.add_argument("--user", metavar="NAME", required=True, help="whose certificate")
    export.add_argument("--out", metavar="FILE.pem", required=True, type=Path)
    export.add_argument("--fingerprint", metavar="HEX", help=FINGERPRINT_HELP)
    revoke = add_command(group, "revoke", "revoke a key, giving the reason (kept in the ledger): it signs "
                         "nothing new but still verifies old signatures", cmd_key_revoke)
    add_user_option(revoke, "the user acting (the owner, or an administrator)")
    revoke.add_argument("--owner", metavar="NAME", help="whose key (default: your own)")
    revoke.add_argument("--fingerprint", metavar="HEX", help=FINGERPRINT_HELP)
    revoke.add_argument("--reason", metavar="TEXT", required=True,
                        help="why (required, at most 200 characters; kept in the ledger's record)")
    listing = add_command(group, "list", "list signing keys", cmd_key_list)
    listing.add_argument("--owner", metavar="NAME", help="only this user's keys")
    add_json_option(listing)


def _print_key(verb: str, info: Any) -> None:
    print(f"{verb} key {info.fingerprint}")
    # The names come from the certificate (a CA's, for an imported key): shown escaped.
    print(f"  owner {info.owner}, certificate for {one_line(info.subject)} issued by {one_line(info.issuer)}")
    print(f"  valid {local_time(info.not_before)} to {local_time(info.not_after)}")


def cmd_key_new(args: argparse.Namespace) -> int:
    from desktop.core.trust import signing_keys
    with opened_store(args) as store:
        actor, password = acting_user(args, store)
        with store.database.session_scope() as session:
            info = signing_keys.new_key(session, actor, password)
    _print_key("New", info)
    return EXIT_OK


def cmd_key_import(args: argparse.Namespace) -> int:
    from desktop.core.trust import signing_keys
    try:
        data = args.file.read_bytes()
    except OSError as error:
        raise UsageError(f"cannot read {args.file}: {error.strerror}") from error
    with opened_store(args) as store:
        actor, password = acting_user(args, store)
        pkcs12_password = read_secret(settings_for(args).pkcs12_password, f"Password of {args.file.name}: ",
                                      "MEDISEAL_PKCS12_PASSWORD")
        with store.database.session_scope() as session:
            info = signing_keys.import_key(session, actor, password, data, pkcs12_password)
    _print_key("Imported", info)
    return EXIT_OK


def cmd_key_export(args: argparse.Namespace) -> int:
    from desktop.core.integrity import durable
    from desktop.core.trust import signing_keys
    refuse_existing(args.out)
    with opened_store(args) as store, store.database.session_scope() as session:
        pem = signing_keys.export_certificate(session, args.user, args.fingerprint)
    durable.write_new_file(args.out, pem)
    print(f"Wrote {one_line(str(args.out))}")
    return EXIT_OK


def cmd_key_revoke(args: argparse.Namespace) -> int:
    from desktop.core.trust import signing_keys
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        with store.database.session_scope() as session:
            info = signing_keys.revoke_key(session, actor, args.owner or actor.name, args.fingerprint,
                                           reason=args.reason)
    print(f"Revoked key {info.fingerprint} of {info.owner}: {one_line(info.revocation_reason or '')}")
    return EXIT_OK


def cmd_key_list(args: argparse.Namespace) -> int:
    from desktop.core.trust import signing_keys
    with opened_store(args) as store, store.database.session_scope() as session:
        listed = signing_keys.list_keys(session, args.owner)
    print_listing(args.json, listed, ["FINGERPRINT", "OWNER", "SOURCE", "VALID UNTIL", "STATE"],
                  lambda info: [info.fingerprint[:16], info.owner, info.source, local_time(info.not_after),
                                _state(info)])
    return EXIT_OK


def _state(info: Any) -> str:
    if info.revoked_at is None:
        return str(info.status)
    reason = f": {one_line(info.revocation_reason)}" if info.revocation_reason else ""
    return f"revoked {local_time(info.revoked_at)}{reason}"
