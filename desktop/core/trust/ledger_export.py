"""The ledger's entries as a CSV file for a spreadsheet: the entries a filter passes, newest first, in
UTF-8 with a byte-order mark (Excel reads Chinese only with it), written durably and never over a file."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable, Sequence
from pathlib import Path

from db.engine import Database
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput
from desktop.core.integrity.durable import new_file
from desktop.core.progress import CancelledFn, ProgressFn, raise_if_cancelled
from desktop.core.trust import ledger
from desktop.core.trust.ledger import Entry, EntryFilter
from desktop.core.trust.subjects import SubjectInfo, describe_subjects

BATCH = 2000
# OWASP "CSV Injection": a cell a spreadsheet would read as a formula is written with a leading
# apostrophe, so a file name such as "=HYPERLINK(…)" stays text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

RowText = Callable[[Entry, SubjectInfo], Sequence[str]]


def _cell(value: str) -> str:
    return "'" + value if len(value) > 1 and value.startswith(FORMULA_STARTS) else value


def export_csv(database: Database, destination: Path, query_filter: EntryFilter, header: Sequence[str],
               row_text: RowText, progress: ProgressFn, cancelled: CancelledFn) -> int:
    """Write the entries ``query_filter`` passes to a new file at ``destination`` (``row_text`` gives
    each row's cells, in the reader's language); returns how many. On a cancel or an error nothing is
    left (``Cancelled``, ``InvalidInput``)."""
    with database.session_scope() as session:
        total = ledger.count_entries(session, query_filter)
    written = 0
    progress(0, total)
    try:
        with new_file(destination) as handle:
            handle.write(codecs.BOM_UTF8)
            text = io.TextIOWrapper(handle, encoding="utf-8", newline="", write_through=True)
            writer = csv.writer(text)
            writer.writerow([_cell(value) for value in header])
            before: int | None = None
            while True:
                raise_if_cancelled(cancelled)
                with database.session_scope() as session:
                    page = ledger.newest_entries(session, query_filter, before, BATCH)
                    subjects = describe_subjects(session, (entry.subject for entry in page))
                writer.writerows([_cell(value) for value in row_text(entry, subjects[entry.subject])]
                                 for entry in page)
                written += len(page)
                progress(written, max(total, written))
                if len(page) < BATCH:
                    break
                before = page[-1].seq
            text.flush()
            text.detach()  # the handle stays open for new_file to sync and link
    except OSError as error:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Cannot write {path}: {reason}"),
                           path=str(destination), reason=error.strerror or str(error)) from error
    return written
