"""``mediseal backup --out FILE`` and ``mediseal restore FILE --data-dir DIR``: the whole data folder as one
archive with a manifest, consistent while the app runs, and back into a new folder after a full check."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.cli.common import (
    EXIT_OK,
    add_common,
    add_json_option,
    one_line,
    opened_store,
    print_json,
)
from desktop.config import SUPPORTED_LANGUAGES


def register(commands: Any) -> None:
    backup = commands.add_parser(
        "backup", help="write a backup archive of the store (consistent while the app runs)",
        description="Write the store into one new zip archive: the database (SQLite: a snapshot by "
                    "SQLite's online backup API, consistent while the app runs; PostgreSQL: pg_dump "
                    "output when pg_dump is on PATH, else a note in the archive saying how to dump it by "
                    "hand), every vault file (stored, not compressed), the encrypted signing keys, the "
                    "window's settings, a HEADER.json (Mediseal version, database kind, the ledger's "
                    "size and root) and a MANIFEST with every file's SHA-256 and size. Never writes over "
                    "a file.")
    add_common(backup)
    backup.add_argument("--out", type=Path, required=True, metavar="FILE.zip", help="the new archive")
    add_json_option(backup)
    backup.set_defaults(handler=cmd_backup)

    restore = commands.add_parser(
        "restore", help="restore a backup archive into a new or empty data folder",
        description="Check the archive completely (every file's SHA-256 and size against the MANIFEST, "
                    "no entry outside the folder, no links, sizes within the free space) and refuse a "
                    "damaged one with nothing written; then write it into DIR, which must be new or "
                    "empty, open the restored store and check that its ledger has the size and root "
                    "the backup recorded. A PostgreSQL store's backup needs --database-url: a new, "
                    "empty database (one that holds anything is refused, named), into which its "
                    "pg_dump output is loaded with psql in one transaction; the vault goes into DIR. "
                    "Without psql on PATH, or when the backup holds no dump, the error says how to "
                    "restore by hand. Run `mediseal verify --data-dir DIR` afterwards (with "
                    "MEDISEAL_DATABASE_URL set to that URL for a PostgreSQL store).")
    restore.add_argument("file", type=Path, metavar="FILE.zip", help="the backup archive")
    restore.add_argument("--data-dir", metavar="DIR", type=Path, required=True,
                         help="the new or empty data folder to restore into")
    restore.add_argument("--database-url", metavar="URL", default=None,
                         help="a PostgreSQL store's backup: the URL of the new, empty database to load "
                              "it into (a SQLAlchemy URL, as MEDISEAL_DATABASE_URL takes)")
    restore.add_argument("--lang", choices=SUPPORTED_LANGUAGES, default=argparse.SUPPRESS,
                         help="user-interface language (default: from the system locale)")
    add_json_option(restore)
    restore.set_defaults(handler=cmd_restore)


def cmd_backup(args: argparse.Namespace) -> int:
    from desktop.core.exchange.backup import backup

    with opened_store(args) as store:
        report = backup(store, args.out)
    if args.json:
        print_json(report.to_dict())
    else:
        print(f"Wrote {one_line(report.path)}: {report.files} files ({report.bytes} bytes), {report.blobs} "
              f"vault files; {report.database_kind} database; ledger {report.ledger_size} entries, root "
              f"{report.ledger_root}")
    if report.note is not None:
        print(report.note, file=sys.stderr)
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from desktop.core.exchange.backup import restore
    from desktop.core.storage.datafolder import database_label

    report = restore(args.file, args.data_dir.expanduser().absolute(), args.database_url)
    if args.json:
        print_json(report.to_dict())
    else:
        url = "" if args.database_url is None else \
            f" with MEDISEAL_DATABASE_URL set to the URL of {one_line(database_label(args.database_url))}"
        print(f"Restored {one_line(report.data_dir)}: {report.files} files ({report.bytes} bytes), "
              f"{report.blobs} vault files; {report.database_kind} database; ledger {report.ledger_size} "
              f"entries, root {report.ledger_root} as backed up (made with Mediseal {report.made_with}). "
              f"Next: mediseal verify --data-dir {one_line(report.data_dir)}{url}")
    return EXIT_OK
