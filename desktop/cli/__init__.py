"""The ``mediseal`` command line. Exit codes: 0 success, 1 a finding or a refused action, 2 bad usage or
input, 3 an internal error (logged, also when it happens before the store's log is open, and when the
output is closed early, as by ``| head``). Qt is imported only to start the window; SQLAlchemy only by
commands that open the store. ``run`` is the one boundary that turns errors into exit codes."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from desktop import __version__
from desktop.cli.commands import (
    agreements,
    backup,
    cases,
    courts,
    demo,
    documents,
    evidence,
    export,
    importing,
    keys,
    ledger,
    outcomes,
    parties,
    preservation,
    setup,
    sittings,
    timestamps,
    users,
    verify,
)
from desktop.cli.common import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    Parser,
    UsageError,
    add_common,
    as_typed,
    refuse_undecodable,
    settings_for,
)
from desktop.config import load_settings
from desktop.core.errors import Cancelled, IntegrityError, InvalidInput, MedisealError, NotAllowed, NotFound
from desktop.core.fields import english_message
from desktop.core.storage.datafolder import DataFolder
from desktop.core.storage.logs import close_logging, current_log_file, held_open, setup_logging

__all__ = ["EXIT_INTERNAL", "EXIT_OK", "EXIT_REFUSED", "EXIT_USAGE", "build_parser", "main", "run"]

log = logging.getLogger(__name__)

# One module per command group, in the order ``mediseal --help`` lists them.
COMMAND_GROUPS = (setup, users, keys, cases, parties, sittings, outcomes, agreements, courts, documents,
                  evidence, preservation, export, importing, ledger, timestamps, verify, backup, demo)
# Options whose values are paths: a file name may be any bytes, so these are not checked for UTF-8.
PATH_OPTIONS = frozenset({"data_dir"})


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
    for module in COMMAND_GROUPS:
        module.register(commands)
    return parser


def cmd_gui(args: argparse.Namespace) -> int:
    """No command: start the desktop app."""
    from desktop.ui.app import run_app  # Qt is imported only here

    return run_app(settings_for(args))


def _refuse_undecodable_arguments(args: argparse.Namespace) -> None:
    """Bytes in argv that are not UTF-8 reach Python as lone surrogates: bad input for every text value
    (user names, titles, numbers); paths (``Path`` values and ``--data-dir``) may hold any bytes."""
    for name, value in vars(args).items():
        values = value if isinstance(value, list) else [value]
        for text in values:
            if isinstance(text, str) and name not in PATH_OPTIONS:
                refuse_undecodable(f"the value of {name.replace('_', '-')}", text)


def _log_file_for(args: argparse.Namespace | None) -> Path | None:
    """The log file in use; else, for an error before the store opened its log, the data folder's log if
    the folder exists (nothing is created for a log)."""
    where = current_log_file()
    if where is not None:
        return where
    try:
        settings = settings_for(args) if args is not None else load_settings()
        logs = DataFolder(settings.data_dir.absolute()).logs
        if not logs.is_dir():
            return None
        where = setup_logging(logs)
    except Exception:  # the error boundary itself: without a log, the details go to stderr
        return None
    close_logging()  # opened for this error only: closed when the command's log hold ends
    return where


def _quiet_stdout() -> None:
    """Point stdout at the null device, so the interpreter's last flush finds no closed pipe."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):  # stdout is not a file (a test's capture)
        pass


def _run(argv: Sequence[str] | None) -> int:
    args: argparse.Namespace | None = None
    try:
        args = build_parser().parse_args(argv)
        _refuse_undecodable_arguments(args)
        handler: Callable[[argparse.Namespace], int] = getattr(args, "handler", cmd_gui)
        code = handler(args)
        if sys.stdout is not None:  # none under pythonw
            sys.stdout.flush()  # here, not at exit: a closed pipe is this boundary's to handle
        return code
    except UsageError as error:
        print(f"mediseal: error: {as_typed(str(error))}", file=sys.stderr)
        return EXIT_USAGE
    except MedisealError as error:
        if not isinstance(error, Cancelled):
            print(f"mediseal: {as_typed(english_message(error))}", file=sys.stderr)  # fields by name
        return _exit_code(error)
    except KeyboardInterrupt:
        print("mediseal: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``mediseal ledger | head``): nothing more to say to it, and no
        # traceback for the user; the log notes it.
        _quiet_stdout()
        _log_file_for(args)
        log.warning("output closed before the command finished writing it (a closed pipe)")
        return EXIT_INTERNAL
    except Exception:
        where = _log_file_for(args)
        log.exception("internal error")
        if where is None:
            traceback.print_exc()
            print("mediseal: internal error (no log file: the details are above)", file=sys.stderr)
        else:
            print(f"mediseal: internal error; details in {where}", file=sys.stderr)
        return EXIT_INTERNAL


def run(argv: Sequence[str] | None = None) -> int:
    """Parse ``argv`` and run the command; return the exit code. The log stays open until the error
    boundary is done with it, even when the command's store closed it."""
    with held_open():
        return _run(argv)


def main() -> NoReturn:
    """Console-script entry point."""
    sys.exit(run())
