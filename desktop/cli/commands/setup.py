"""``mediseal init``: a new data folder, its office and its first administrator; ``mediseal office``: the
office's name and its two number series, mediation cases and notarial matters (shown, or changed by an
administrator, logged)."""

from __future__ import annotations

import argparse
import logging
from datetime import datetime
from typing import Any

from desktop.cli.common import (
    EXIT_OK,
    acting_user,
    add_command,
    add_common,
    add_json_option,
    add_user_option,
    new_password,
    one_line,
    opened_store,
    print_json,
)
from desktop.core.office import office

log = logging.getLogger(__name__)


def register(commands: Any) -> None:
    init = commands.add_parser("init", help="create a data folder, its office and first administrator",
                               description="Create and migrate a data folder, record its office and "
                                           "create its first administrator (password from "
                                           "MEDISEAL_NEW_PASSWORD, else asked twice).")
    add_common(init)
    init.add_argument("--office", required=True, metavar="NAME", help="name of the office (调解中心/公证处)")
    init.add_argument("--prefix", default=office.DEFAULT_MEDIATION_PREFIX, metavar="TEXT",
                      help="prefix of mediation case numbers, 云知 in （2026）云知调字第0001号 "
                           f"(default: {office.DEFAULT_MEDIATION_PREFIX})")
    init.add_argument("--word", metavar="TEXT",
                      help="word of mediation case numbers, 调 in 云知调字 "
                           f"(default: {office.MEDIATION_WORD}; none when the prefix already ends "
                           f"with {office.MEDIATION_WORD}, as 云知调)")
    init.add_argument("--notarial-prefix", metavar="TEXT",
                      help="prefix of notarial matter numbers, 云昆 in （2026）云昆证字第0001号 (default: "
                           "none, no notarial series until an administrator sets one)")
    init.add_argument("--notarial-word", metavar="TEXT",
                      help="word of notarial matter numbers, 证 in 云昆证字 "
                           f"(default: {office.NOTARIAL_WORD} with --notarial-prefix)")
    init.add_argument("--admin", required=True, metavar="USER", help="login name of the first administrator")
    init.add_argument("--real-name", required=True, metavar="TEXT",
                      help="the administrator's real name (姓名) as on their ID card")
    init.add_argument("--with-key", action="store_true",
                      help="also create the administrator's signing key (it signs a checkpoint at every "
                           "sign-out)")
    init.set_defaults(handler=cmd_init)

    office_parser = commands.add_parser("office", help="the office's name and number series")
    group = office_parser.add_subparsers(dest="office_command", metavar="ACTION", required=True,
                                         parser_class=type(office_parser))
    show = add_command(group, "show", "show the office's name and number series", cmd_office_show)
    add_json_option(show)
    change = add_command(group, "set", "change the office's name or a number series (administrators; "
                         "logged; numbers already given keep theirs)", cmd_office_set)
    change.add_argument("--name", metavar="NAME", help="new name of the office (default: unchanged)")
    change.add_argument("--prefix", metavar="TEXT",
                        help="new prefix of mediation case numbers (default: unchanged)")
    change.add_argument("--word", metavar="TEXT",
                        help="new word of mediation case numbers, 调 in 云知调字; \"\" when the prefix ends "
                             "with it (default: unchanged)")
    change.add_argument("--notarial-prefix", metavar="TEXT",
                        help="new prefix of notarial matter numbers, 云昆 in 云昆证字; \"\" removes the "
                             "series (default: unchanged)")
    change.add_argument("--notarial-word", metavar="TEXT",
                        help="new word of notarial matter numbers "
                             f"(default: unchanged, or {office.NOTARIAL_WORD} for a new series)")
    add_user_option(change, "the administrator acting")


def cmd_init(args: argparse.Namespace) -> int:
    """Create and migrate the data folder, then record the office, the administrator (and their key) in
    one transaction (``core.office.setup``, as the window's first-start wizard)."""
    from desktop.core.office.setup import set_up
    from desktop.core.trust import users
    from desktop.core.trust.passwords import check_password_rules

    word = args.word
    if word is None:  # a prefix that already ends with the word is the whole head, as before --word
        word = "" if args.prefix.strip().endswith(office.MEDIATION_WORD) else office.MEDIATION_WORD
    notarial_word = args.notarial_word
    if notarial_word is None and args.notarial_prefix:
        notarial_word = office.NOTARIAL_WORD
    info = office.validate_office(args.office, args.prefix, mediation_word=word,
                                  notarial_prefix=args.notarial_prefix, notarial_word=notarial_word)
    users.validate_user_name(args.admin)
    real_name = users.validate_real_name(args.real_name)
    password = new_password(args)
    check_password_rules(password)
    with opened_store(args) as store:
        with store.database.session_scope() as session:
            result = set_up(session, info, args.admin, password, real_name, with_key=args.with_key)
        print(f"Data folder:   {store.folder.root}")
        print(f"Database:      {store.database_label} (schema {store.migration.to_revision})")
        print(f"Office:        {result.office.name}")
        _print_series(result.office)
        print(f"Administrator: {args.admin} ({one_line(real_name)})")
        if result.key is not None:
            print(f"Signing key:   {result.key.fingerprint}")
        log.info("initialised data folder for office %s", result.office.name)
    return EXIT_OK


def _example(info: office.OfficeInfo, kind: office.MatterKind) -> str:
    head = info.number_head(kind)
    return office.format_case_number(head, datetime.now().year, 1) if head is not None else "(not set)"


def _print_series(info: office.OfficeInfo) -> None:
    print(f"Case numbers:  {one_line(_example(info, office.MatterKind.MEDIATION))}")
    print(f"Notarial:      {one_line(_example(info, office.MatterKind.NOTARIAL))}")


def _print_office(info: office.OfficeInfo) -> None:
    print(f"Office:        {one_line(info.name)}")
    print(f"Prefix:        {one_line(info.case_number_prefix)}")
    print(f"Word:          {one_line(info.mediation_word) or '(in the prefix)'}")
    print(f"Notarial:      {one_line(info.notarial_prefix or '(not set)')}")
    print(f"Notarial word: {one_line(info.notarial_word or '(not set)')}")
    _print_series(info)


def _the_office(session: Any) -> office.OfficeInfo:
    from desktop.core.errors import QT_TRANSLATE_NOOP, NotFound

    info = office.get_office(session)
    if info is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This data folder has no office yet: set it up first."))
    return info


def cmd_office_show(args: argparse.Namespace) -> int:
    with opened_store(args) as store, store.database.session_scope() as session:
        info = _the_office(session)
    if args.json:
        print_json(info)
    else:
        _print_office(info)
    return EXIT_OK


def cmd_office_set(args: argparse.Namespace) -> int:
    """Change the name or a series; what is not given stays as it is."""
    from desktop.cli.common import UsageError

    given = (args.name, args.prefix, args.word, args.notarial_prefix, args.notarial_word)
    if all(value is None for value in given):
        raise UsageError("give --name, --prefix, --word, --notarial-prefix or --notarial-word")
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        with store.database.session_scope() as session:
            current = _the_office(session)
            name = args.name if args.name is not None else current.name
            prefix = args.prefix if args.prefix is not None else current.case_number_prefix
            notarial_word = args.notarial_word
            if notarial_word is None and args.notarial_prefix is not None:
                if not args.notarial_prefix.strip():
                    notarial_word = ""  # the series removed
                elif current.notarial_word is None:
                    notarial_word = office.NOTARIAL_WORD  # a new series gets the usual word
            info = office.update_office(session, actor, name, prefix, mediation_word=args.word,
                                        notarial_prefix=args.notarial_prefix, notarial_word=notarial_word)
    _print_office(info)
    log.info("office changed to %s, mediation %s, notarial %s", info.name,
             info.number_head(office.MatterKind.MEDIATION), info.number_head(office.MatterKind.NOTARIAL))
    return EXIT_OK
