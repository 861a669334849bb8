"""The ``mediseal`` command line. Exit codes: 0 success, 1 a finding or a refused action, 2 bad usage or
input, 3 an internal error (logged). Qt is imported only to start the window."""

from __future__ import annotations

import argparse
import logging
import re
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import NoReturn

from desktop import __version__
from desktop.config import SUPPORTED_LANGUAGES, Settings, load_settings
from desktop.core import office
from desktop.core.errors import (
    Cancelled,
    IntegrityError,
    InvalidInput,
    MedisealError,
    NotAllowed,
    NotFound,
)
from desktop.core.logs import current_log_file

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130

USER_NAME_PATTERN = re.compile(r"^[\w.\-]{1,64}$")


class UsageError(Exception):
    """Bad command-line usage; the message is one line."""


class _Parser(argparse.ArgumentParser):
    """An argparse parser whose errors are one line and exit 2 (not argparse's usage block)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _exit_code(error: MedisealError) -> int:
    if isinstance(error, NotAllowed | IntegrityError | Cancelled):
        return EXIT_REFUSED
    if isinstance(error, InvalidInput | NotFound):
        return EXIT_USAGE
    return EXIT_REFUSED


def _add_common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    # The sub-commands accept the same options, so `mediseal init --data-dir D` works as well as
    # `mediseal --data-dir D init`; SUPPRESS keeps a sub-command from erasing the top-level value.
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--data-dir", metavar="DIR", default=default,
                        help="data folder (default: the user data folder; env MEDISEAL_DATA_DIR)")
    parser.add_argument("--lang", choices=SUPPORTED_LANGUAGES, default=default,
                        help="user-interface language (default: from the system locale)")


def build_parser() -> argparse.ArgumentParser:
    """The full command-line grammar."""
    parser = _Parser(
        prog="mediseal",
        description="Mediseal: IP-dispute mediation, electronic notarial evidence and documents for "
                    "judicial confirmation. Without a command, starts the desktop app.",
        epilog="Exit codes: 0 success, 1 a finding or a refused action, 2 bad usage or input, "
               "3 internal error (see the log in DATA/logs). Environment: MEDISEAL_DATA_DIR, "
               "MEDISEAL_DATABASE_URL (a shared PostgreSQL server), MEDISEAL_LANG.",
    )
    parser.add_argument("--version", action="version", version=f"mediseal {__version__}")
    _add_common(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    init = commands.add_parser("init", help="create a data folder and record its office",
                               description="Create and migrate a data folder and record its office.")
    _add_common(init, top=False)
    init.add_argument("--office", required=True, metavar="NAME", help="name of the office (调解中心/公证处)")
    init.add_argument("--prefix", default=office.DEFAULT_PREFIX, metavar="TEXT",
                      help="case-number prefix, as in (2026)云知调字第0001号 "
                           f"(default: {office.DEFAULT_PREFIX})")
    init.add_argument("--admin", required=True, metavar="USER", help="name of the first administrator")
    init.set_defaults(handler=cmd_init)
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    return load_settings({"data_dir": args.data_dir, "lang": args.lang})


def cmd_init(args: argparse.Namespace) -> int:
    """``mediseal init``: create and migrate the data folder and record the office."""
    if not USER_NAME_PATTERN.match(args.admin):
        raise UsageError("--admin: a user name is 1 to 64 letters, digits, '.', '_' or '-'")
    from desktop.core.store import open_store  # SQLAlchemy: loaded only by commands that need it

    info = office.validate_office(args.office, args.prefix)
    store = open_store(_settings(args))
    try:
        with store.database.session_scope() as session:
            info = office.create_office(session, info.name, info.case_number_prefix)
        example = office.format_case_number(info.case_number_prefix, datetime.now().year, 1)
        print(f"Data folder: {store.folder.root}")
        print(f"Database:    {store.database_label} (schema {store.migration.to_revision})")
        print(f"Office:      {info.name}")
        print(f"Case numbers look like {example}")
        print(f"Administrator: {args.admin} (the account itself is created once user management is "
              "available; nothing was recorded for it yet)")
        log.info("initialised data folder for office %s", info.name)
    finally:
        store.close()
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    """No command: start the desktop app."""
    from desktop.ui.app import run_app  # Qt is imported only here

    return run_app(_settings(args))


def run(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and run the command; return the exit code."""
    try:
        args = build_parser().parse_args(argv)
        handler: Callable[[argparse.Namespace], int] = getattr(args, "handler", cmd_gui)
        return handler(args)
    except UsageError as error:
        print(f"mediseal: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except MedisealError as error:
        if not isinstance(error, Cancelled):
            print(f"mediseal: {error.message}", file=sys.stderr)
        return _exit_code(error)
    except KeyboardInterrupt:
        print("mediseal: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception:
        log.exception("internal error")
        where = current_log_file()
        print("mediseal: internal error" + (f"; details in {where}" if where else ""), file=sys.stderr)
        if where is None:
            raise
        return EXIT_INTERNAL


def main() -> NoReturn:
    """Console-script entry point."""
    sys.exit(run())
