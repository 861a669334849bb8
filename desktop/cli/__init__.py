"""The ``mediseal`` command line. Exit codes: 0 success, 1 a finding or a refused action, 2 bad usage or
input, 3 an internal error (logged). Qt is imported only to start the window; SQLAlchemy only by
commands that open the store."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from desktop import __version__
from desktop.cli.commands import evidence as evidence_commands
from desktop.cli.commands import ledger as ledger_commands
from desktop.cli.commands import setup as setup_commands
from desktop.cli.commands import users as user_commands
from desktop.cli.common import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    Parser,
    UsageError,
    add_common,
    settings_for,
)
from desktop.core.errors import Cancelled, IntegrityError, InvalidInput, MedisealError, NotAllowed, NotFound
from desktop.core.storage.logs import current_log_file

__all__ = ["EXIT_INTERNAL", "EXIT_OK", "EXIT_REFUSED", "EXIT_USAGE", "build_parser", "main", "run"]

log = logging.getLogger(__name__)


def _exit_code(error: MedisealError) -> int:
    if isinstance(error, InvalidInput | NotFound):
        return EXIT_USAGE
    if isinstance(error, NotAllowed | IntegrityError | Cancelled):
        return EXIT_REFUSED
    return EXIT_REFUSED


def build_parser() -> argparse.ArgumentParser:
    """The full command-line grammar."""
    parser = Parser(
        prog="mediseal",
        description="Mediseal: IP-dispute mediation, electronic notarial evidence and documents for "
                    "judicial confirmation. Without a command, starts the desktop app.",
        epilog="Exit codes: 0 success, 1 a finding or a refused action, 2 bad usage or input, "
               "3 internal error (see the log in DATA/logs). Environment: MEDISEAL_DATA_DIR, "
               "MEDISEAL_DATABASE_URL (a shared PostgreSQL server), MEDISEAL_LANG, MEDISEAL_USER, "
               "MEDISEAL_PASSWORD, MEDISEAL_NEW_PASSWORD, MEDISEAL_PKCS12_PASSWORD.",
    )
    parser.add_argument("--version", action="version", version=f"mediseal {__version__}")
    add_common(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for module in (setup_commands, user_commands, evidence_commands, ledger_commands):
        module.register(commands)
    return parser


def cmd_gui(args: argparse.Namespace) -> int:
    """No command: start the desktop app."""
    from desktop.ui.app import run_app  # Qt is imported only here

    return run_app(settings_for(args))


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
