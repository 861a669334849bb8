"""``mediseal init``: a new data folder, its office and its first administrator."""

from __future__ import annotations

import argparse
import logging
from datetime import datetime
from typing import Any

from desktop.cli.common import EXIT_OK, add_common, new_password, opened_store
from desktop.core.office import office

log = logging.getLogger(__name__)


def register(commands: Any) -> None:
    init = commands.add_parser("init", help="create a data folder, its office and first administrator",
                               description="Create and migrate a data folder, record its office and "
                                           "create its first administrator (password from "
                                           "MEDISEAL_NEW_PASSWORD, else asked twice).")
    add_common(init)
    init.add_argument("--office", required=True, metavar="NAME", help="name of the office (调解中心/公证处)")
    init.add_argument("--prefix", default=office.DEFAULT_PREFIX, metavar="TEXT",
                      help="case-number prefix, as in （2026）云知调字第0001号 "
                           f"(default: {office.DEFAULT_PREFIX})")
    init.add_argument("--admin", required=True, metavar="USER", help="name of the first administrator")
    init.add_argument("--with-key", action="store_true",
                      help="also create the administrator's signing key (it signs a checkpoint at every "
                           "sign-out)")
    init.set_defaults(handler=cmd_init)


def cmd_init(args: argparse.Namespace) -> int:
    """Create and migrate the data folder, then record the office, the administrator (and their key) in
    one transaction (``core.office.setup``, as the window's first-start wizard)."""
    from desktop.core.office.setup import set_up
    from desktop.core.trust import users
    from desktop.core.trust.passwords import check_password_rules

    info = office.validate_office(args.office, args.prefix)
    users.validate_user_name(args.admin)
    password = new_password(args)
    check_password_rules(password)
    with opened_store(args) as store:
        with store.database.session_scope() as session:
            result = set_up(session, info, args.admin, password, with_key=args.with_key)
        info = result.office
        example = office.format_case_number(info.case_number_prefix, datetime.now().year, 1)
        print(f"Data folder:   {store.folder.root}")
        print(f"Database:      {store.database_label} (schema {store.migration.to_revision})")
        print(f"Office:        {info.name}")
        print(f"Case numbers:  {example}")
        print(f"Administrator: {args.admin}")
        if result.key is not None:
            print(f"Signing key:   {result.key.fingerprint}")
        log.info("initialised data folder for office %s", info.name)
    return EXIT_OK
