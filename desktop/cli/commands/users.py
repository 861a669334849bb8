"""``mediseal user ...``: accounts, real names, roles and passwords (administrators manage them; each user
changes their own password)."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.common import (
    EXIT_OK,
    acting_user,
    add_command,
    add_json_option,
    add_user_option,
    local_time,
    new_password,
    one_line,
    opened_store,
    print_json,
    print_table,
)


def register(commands: Any) -> None:
    user = commands.add_parser("user", help="user accounts and roles (admin, mediator, notary, clerk)")
    group = user.add_subparsers(dest="user_command", metavar="ACTION", required=True,
                                parser_class=type(user))
    add = add_command(group, "add", "add a user (initial password from MEDISEAL_NEW_PASSWORD, else asked)",
                      cmd_user_add)
    add.add_argument("name", metavar="NAME", help="login name (letters, digits, '.', '_', '-')")
    add.add_argument("--real-name", required=True, metavar="TEXT",
                     help="the person's real name (姓名) as on their ID card, shown on seals and records")
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
    enable = add_command(group, "enable", "let a disabled user sign in again", cmd_user_enable)
    enable.add_argument("name", metavar="NAME")
    add_user_option(enable, "the administrator acting")
    rename = add_command(group, "rename", "set or change a user's real name (姓名; the login name stays)",
                         cmd_user_rename)
    rename.add_argument("name", metavar="NAME")
    rename.add_argument("--real-name", required=True, metavar="TEXT", help="the real name as on the ID card")
    add_user_option(rename, "the administrator acting")
    roles = add_command(group, "roles", "replace a user's roles", cmd_user_roles)
    roles.add_argument("name", metavar="NAME")
    roles.add_argument("--role", action="append", required=True, metavar="ROLE")
    add_user_option(roles, "the administrator acting")
    passwd = add_command(group, "passwd", "change a password (yours: keys are re-encrypted; someone else's, "
                         "as administrator: their keys are revoked)", cmd_user_passwd)
    passwd.add_argument("name", metavar="NAME")
    add_user_option(passwd, "the user acting (NAME itself, or an administrator)")


def _roles(names: list[str]) -> Any:
    from desktop.core.trust.users import parse_roles

    return parse_roles(name for value in names for name in value.split(","))


def cmd_user_add(args: argparse.Namespace) -> int:
    from desktop.core.trust import users
    users.validate_user_name(args.name)
    users.validate_real_name(args.real_name)
    roles = _roles(args.role)
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        password = new_password(args)
        with store.database.session_scope() as session:
            info = users.add_user(session, actor, args.name, roles, password, args.real_name)
    print(f"Added {info.name}, {one_line(info.real_name or '')} ({', '.join(info.roles)})")
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
        print_table(["NAME", "REAL NAME", "ROLES", "STATE", "CREATED"],
                    [[info.name, info.real_name or "", ",".join(info.roles),
                      "disabled" if info.disabled else "active", local_time(info.created_at)]
                     for info in listed])
    return EXIT_OK


def cmd_user_disable(args: argparse.Namespace) -> int:
    from desktop.core.trust import users
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        with store.database.session_scope() as session:
            info = users.disable_user(session, actor, args.name)
    print(f"Disabled {info.name}")
    return EXIT_OK


def cmd_user_enable(args: argparse.Namespace) -> int:
    from desktop.core.trust import users
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        with store.database.session_scope() as session:
            info = users.enable_user(session, actor, args.name)
    print(f"Enabled {info.name}")
    return EXIT_OK


def cmd_user_rename(args: argparse.Namespace) -> int:
    from desktop.core.trust import users
    real_name = users.validate_real_name(args.real_name)
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        with store.database.session_scope() as session:
            info = users.rename_user(session, actor, args.name, real_name)
    print(f"{info.name}: {one_line(info.real_name or '')}")
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
