"""What every command shares: exit codes, common options and argument types, settings, opening the store,
the acting user, passwords (environment or prompt), and output: JSON, or tables with one escaped line
per thing."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from desktop.config import SUPPORTED_LANGUAGES, Settings, load_settings

if TYPE_CHECKING:
    from desktop.core.storage.store import OpenStore
    from desktop.core.trust.permissions import Actor
    from desktop.core.vocabulary import Vocabulary

    V = TypeVar("V", bound=Vocabulary)

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130


class UsageError(Exception):
    """Bad command-line usage; the message is one line."""


def undecodable(text: str) -> bool:
    """True when ``text`` came from bytes that are not UTF-8 (Python keeps them as lone surrogates)."""
    return any("\ud800" <= char <= "\udfff" for char in text)


def as_typed(text: str) -> str:
    """``text`` with bytes that were not UTF-8 shown as ``\\xNN`` (other lone surrogates as ``\\udNNN``),
    for a message."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate no byte decoded to
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def refuse_undecodable(label: str, text: str) -> None:
    """``UsageError`` when ``text`` (an argument or a variable) is not valid UTF-8; the message shows the
    bytes that were not as ``\\xNN``, the rest escaped as ``one_line`` does."""
    if undecodable(text):
        shown = "".join(f"\\x{ord(char) - 0xDC00:02x}" if "\udc80" <= char <= "\udcff" else one_line(char)
                        for char in text)
        raise UsageError(f"{label} is not valid UTF-8 text: {shown}")


def parse_time(text: str) -> datetime:
    """An ISO 8601 time (argument type); without a zone it is local time."""
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a time: {text!r} (use e.g. 2026-11-25T09:30 or "
                                         "2026-11-25T09:30+08:00)") from None
    return moment.astimezone() if moment.tzinfo is None else moment


def parse_date(text: str) -> date:
    """A calendar date, YYYY-MM-DD (argument type)."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD, e.g. 2026-11-25)") from None


def member(vocabulary: type[V], text: str, option: str) -> V:
    """``text`` as a member of a closed vocabulary (its code, any case, ``_`` for ``-``), else a usage
    error naming the option and the values it takes."""
    try:
        return vocabulary(text.strip().lower().replace("_", "-"))
    except ValueError:
        raise UsageError(f"{option}: “{one_line(text)}” is not one of: "
                         f"{', '.join(str(value) for value in vocabulary)}") from None


def item_id(text: str) -> int:
    """An evidence item's or a record's number (argument type): 1 or more."""
    value = int(text)
    if value < 1:
        raise ValueError(text)
    return value


class Parser(argparse.ArgumentParser):
    """An argparse parser whose errors are one line and exit 2 (not argparse's usage block)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def add_common(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """``--data-dir`` and ``--lang``, on the top level and on every command."""
    # SUPPRESS keeps a sub-command's default from erasing a value given before the sub-command.
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--data-dir", metavar="DIR", default=default,
                        help="data folder (default: the user data folder; env MEDISEAL_DATA_DIR)")
    parser.add_argument("--lang", choices=SUPPORTED_LANGUAGES, default=default,
                        help="user-interface language (default: from the system locale)")


def add_command(group: Any, name: str, help_text: str, handler: Any) -> argparse.ArgumentParser:
    """A sub-command with the common options; its description is its help as a sentence."""
    parser = group.add_parser(name, help=help_text, description=help_text[0].upper() + help_text[1:] + ".")
    add_common(parser)
    parser.set_defaults(handler=handler)
    return parser


def add_user_option(parser: argparse.ArgumentParser, help_text: str = "the user acting") -> None:
    parser.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS,
                        help=f"{help_text} (env MEDISEAL_USER); the password comes from "
                             "MEDISEAL_PASSWORD, else a prompt")


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


def settings_for(args: argparse.Namespace) -> Settings:
    return load_settings({"data_dir": getattr(args, "data_dir", None), "lang": getattr(args, "lang", None),
                          "user": getattr(args, "user", None)})


@contextmanager
def opened_store(args: argparse.Namespace) -> Iterator[OpenStore]:
    """The store named by the options, closed afterwards."""
    from desktop.core.storage.store import open_store  # SQLAlchemy loads only for commands that need it

    store = open_store(settings_for(args))
    try:
        yield store
    finally:
        store.close()


def read_secret(given: str | None, prompt: str, variable: str, *, confirm: bool = False) -> str:
    """A password from the environment, else typed at a terminal (twice when ``confirm``)."""
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise UsageError(f"no password: set {variable} or run in a terminal to be asked")
    secret = getpass.getpass(prompt)
    if confirm and getpass.getpass("Again: ") != secret:
        raise UsageError("the two passwords differ")
    return secret


def acting_user(args: argparse.Namespace, store: OpenStore) -> tuple[Actor, str]:
    """Sign in the user the command acts for; return them and their password (to unlock keys)."""
    from desktop.core.trust.users import sign_in

    settings = settings_for(args)
    if not settings.user:
        raise UsageError("this command acts for a user: give --user NAME or set MEDISEAL_USER")
    refuse_undecodable("the user name", settings.user)
    password = read_secret(settings.password, f"Password for {settings.user}: ", "MEDISEAL_PASSWORD")
    return sign_in(store.database, settings.user, password), password


def new_password(args: argparse.Namespace) -> str:
    """A new password: MEDISEAL_NEW_PASSWORD, else asked twice."""
    return read_secret(settings_for(args).new_password, "New password: ", "MEDISEAL_NEW_PASSWORD",
                       confirm=True)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        from desktop.core.integrity.canonical import format_time

        return format_time(value)
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, Path):
        return str(value)
    if is_dataclass(value) and not isinstance(value, type):
        return {key: _plain(item) for key, item in asdict(value).items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def print_json(value: Any) -> None:
    """Machine-readable output: UTF-8 JSON, times in RFC 3339 UTC, bytes as hex."""
    json.dump(_plain(value), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


# Characters that could end or reorder a line of a listing: every control and format character (C*),
# the line and paragraph separators, and the backslash itself, so that an escape reads one way only.
_LINE_BREAKING = frozenset(("Zl", "Zp"))
_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\"}


def _escape(char: str) -> str:
    if char in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[char]
    if unicodedata.category(char)[0] != "C" and unicodedata.category(char) not in _LINE_BREAKING:
        return char
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def one_line(text: str) -> str:
    """``text`` on one line whatever it holds: newlines, other controls, bidirectional overrides and
    backslashes escaped as in Python (``\\n``, ``\\x00``, ``\\u202e``, ``\\\\``), so a stored value cannot
    forge or hide a line of a listing."""
    return "".join(_escape(char) for char in text)


def print_table(headers: list[str], rows: list[list[str]]) -> None:
    """A plain text table sized to its contents, one line per row, every cell escaped (``one_line``)."""
    cells = [[one_line(cell) for cell in row] for row in rows]
    widths = [max([columns(header), *(columns(row[i]) for row in cells)]) for i, header in enumerate(headers)]
    for line in [headers, *cells]:
        print("  ".join(cell + " " * (width - columns(cell))
                        for cell, width in zip(line, widths, strict=True)).rstrip())


def columns(text: str) -> int:
    """How many terminal columns ``text`` takes: two for a wide or full-width character (Chinese, full-width
    brackets; Unicode UAX #11), one for the rest, so tables of Chinese names line up."""
    return sum(2 if unicodedata.east_asian_width(char) in ("W", "F") else 1 for char in text)


def print_listing(as_json: bool, listed: Sequence[Any], headers: list[str],
                  row: Callable[[Any], list[str]]) -> None:
    """A listing as JSON (``--json``) or as a table with one row per thing."""
    if as_json:
        print_json(listed)
    else:
        print_table(headers, [row(thing) for thing in listed])


def local_time(moment: datetime | None) -> str:
    """A stored UTC time shown in local time."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S") if moment else ""
