"""``mediseal user ...`` and ``mediseal key ...``: accounts, roles, passwords and signing keys."""

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
    new_password,
    opened_store,
    print_json,
    print_listing,
    print_table,
    read_secret,
    refuse_overwrite,
    settings_for,
)


def register(commands: Any) -> None:
    user = commands.add_parser("user", help="user accounts and roles (admin, mediator, notary, clerk)")
    group = user.add_subparsers(dest="user_command", metavar="ACTION", required=True,
                                parser_class=type(user))
    add = add_command(group, "add", "add a user (initial password from MEDISEAL_NEW_PASSWORD, else asked)",
                   cmd_user_add)
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", action="append", required=True, metavar="ROLE",
                     help="admin, mediator, notary or clerk; repeat for several")
    add_user_option(add, "the administrator acting")
    listing = add_command(group, "list", "list users and their roles", cmd_user_list)
    add_user_option(listing, "the administrator acting")
    add_json_option(listing)
    disable = add_command(group, "disable", "disable a user (kept, with their history and keys)",
                       cmd_user_disable)
    disable.add_argument("name", metavar="NAME")
    add_user_option(disable, "the administrator acting")
    roles = add_command(group, "roles", "replace a user's roles", cmd_user_roles)
    roles.add_argument("name", metavar="NAME")
    roles.add_argument("--role", action="append", required=True, metavar="ROLE")
    add_user_option(roles, "the administrator acting")
    passwd = add_command(group, "passwd", "change a password (yours: keys are re-encrypted; someone else's, "
                      "as administrator: their keys are revoked)", cmd_user_passwd)
    passwd.add_argument("name", metavar="NAME")
    add_user_option(passwd, "the user acting (NAME itself, or an administrator)")

    key = commands.add_parser("key", help="signing keys and certificates")
    group = key.add_subparsers(dest="key_command", metavar="ACTION", required=True, parser_class=type(key))
    new = add_command(group, "new", "make an ECDSA P-256 key and self-signed certificate for yourself",
                   cmd_key_new)
    add_user_option(new, "the owner of the new key")
    imported = add_command(group, "import", "import your key and certificate chain from a CA (PKCS#12; its "
                        "password from MEDISEAL_PKCS12_PASSWORD, else asked)", cmd_key_import)
    imported.add_argument("file", metavar="FILE.p12", type=Path)
    add_user_option(imported, "the owner of the key")
    export = add_command(group, "export-cert", "write a user's certificate (PEM; public, no password)",
                      cmd_key_export)
    export.add_argument("--user", metavar="NAME", required=True, help="whose certificate")
    export.add_argument("--out", metavar="FILE.pem", required=True, type=Path)
    export.add_argument("--fingerprint", metavar="HEX", help="which key (default: the active one)")
    revoke = add_command(group, "revoke", "revoke a key: it signs nothing new but still verifies old "
                      "signatures", cmd_key_revoke)
    add_user_option(revoke, "the user acting (the owner, or an administrator)")
    revoke.add_argument("--owner", metavar="NAME", help="whose key (default: your own)")
    revoke.add_argument("--fingerprint", metavar="HEX", help="which key (default: the active one)")
    listing = add_command(group, "list", "list signing keys", cmd_key_list)
    listing.add_argument("--owner", metavar="NAME", help="only this user's keys")
    add_json_option(listing)


def _roles(names: list[str]) -> Any:
    from desktop.core.trust.users import parse_roles

    return parse_roles(name for value in names for name in value.split(","))


def cmd_user_add(args: argparse.Namespace) -> int:
    from desktop.core.trust import users
    users.validate_user_name(args.name)
    roles = _roles(args.role)
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        password = new_password(args)
        with store.database.session_scope() as session:
            info = users.add_user(session, actor, args.name, roles, password)
    print(f"Added {info.name} ({', '.join(info.roles)})")
    return EXIT_OK


def cmd_user_list(args: argparse.Namespace) -> int:
    from desktop.core.trust import users
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        with store.database.session_scope() as session:
            listed = users.list_users(session, actor)
    if args.json:
        print_json(listed)
    else:
        print_table(["NAME", "ROLES", "STATE", "CREATED"],
                    [[info.name, ",".join(info.roles), "disabled" if info.disabled else "active",
                      local_time(info.created_at)] for info in listed])
    return EXIT_OK


def cmd_user_disable(args: argparse.Namespace) -> int:
    from desktop.core.trust import users
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        with store.database.session_scope() as session:
            info = users.disable_user(session, actor, args.name)
    print(f"Disabled {info.name}")
    return EXIT_OK


def cmd_user_roles(args: argparse.Namespace) -> int:
    from desktop.core.trust import users
    roles = _roles(args.role)
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        with store.database.session_scope() as session:
            info = users.set_roles(session, actor, args.name, roles)
    print(f"{info.name}: {', '.join(info.roles)}")
    return EXIT_OK


def cmd_user_passwd(args: argparse.Namespace) -> int:
    from desktop.core.trust import users
    with opened_store(args) as store:
        actor, password = acting_user(args, store)
        replacement = new_password(args)
        with store.database.session_scope() as session:
            revoked = users.change_password(session, actor, args.name, replacement,
                                            password if actor.name == args.name else None)
    print(f"Password of {args.name} changed")
    for fingerprint in revoked:
        print(f"Revoked key {fingerprint} (it could not be re-encrypted without the old password)")
    return EXIT_OK


def _print_key(verb: str, info: Any) -> None:
    print(f"{verb} key {info.fingerprint}")
    print(f"  owner {info.owner}, certificate for {info.subject} issued by {info.issuer}")
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
    from desktop.core.trust import signing_keys
    refuse_overwrite(args.out)
    with opened_store(args) as store, store.database.session_scope() as session:
        pem = signing_keys.export_certificate(session, args.user, args.fingerprint)
    with args.out.open("xb") as handle:
        handle.write(pem)
    print(f"Wrote {args.out}")
    return EXIT_OK


def cmd_key_revoke(args: argparse.Namespace) -> int:
    from desktop.core.trust import signing_keys
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        with store.database.session_scope() as session:
            info = signing_keys.revoke_key(session, actor, args.owner or actor.name, args.fingerprint)
    print(f"Revoked key {info.fingerprint} of {info.owner}")
    return EXIT_OK


def cmd_key_list(args: argparse.Namespace) -> int:
    from desktop.core.trust import signing_keys
    with opened_store(args) as store, store.database.session_scope() as session:
        listed = signing_keys.list_keys(session, args.owner)
    print_listing(args.json, listed, ["FINGERPRINT", "OWNER", "SOURCE", "VALID UNTIL", "STATE"],
                  lambda info: [info.fingerprint[:16], info.owner, info.source, local_time(info.not_after),
                                f"revoked {local_time(info.revoked_at)}" if info.revoked_at else "active"])
    return EXIT_OK
