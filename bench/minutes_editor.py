"""The live minutes editor with a long sitting (2 000 entries) against a short one (10), offscreen.

    QT_QPA_PLATFORM=offscreen python bench/minutes_editor.py [--long 2000] [--short 10] [--keys 300]
        [--entries 40]

Makes a store in a temporary folder (a case, its mediator, two sittings of ``--short`` and ``--long``
entries), opens each sitting in the real editor at 1024×700 and times, on the GUI thread: a keystroke
typed into the entry box (the event and the repaints it causes, median of ``--keys``), the confirming of
an entry (Enter: the row appended and the view updated, before the save completes, median of
``--entries``), and a confirmed entry until it is saved (its own transaction on a worker thread). Each
figure for the long sitting is printed with its ratio to the short one's, measured in the same run:
a ratio near 1 means the editor's cost does not grow with the record (no reload per keystroke or entry).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from desktop.config import Settings
from desktop.core.cases import matters, minutes, progress, sittings
from desktop.core.cases.matters import MatterKind, case_details
from desktop.core.cases.sittings import Attendee, AttendeeRole, SittingKind
from desktop.core.office import office
from desktop.core.storage.store import OpenStore, open_store
from desktop.core.trust import users
from desktop.core.trust.permissions import Actor, Role
from desktop.core.trust.sign_in import SignedInUser
from desktop.ui.app import application
from desktop.ui.cases.minutes_editor import MinutesEditor

PASSWORD = "bench-password-1"
LINE = "申请人要求被申请人立即停止销售侵权商品，下架全部链接，并赔偿经济损失五万元。"


def prepared(folder: Path, counts: tuple[int, ...]) -> tuple[OpenStore, Actor, str, list[int]]:
    """A store with a case assigned to ``lihua`` and one sitting per count with that many entries."""
    store = open_store(Settings(data_dir=folder, database_url=None, lang=None))
    with store.database.session_scope() as session:
        office.create_office(session, "昆明市知识产权纠纷人民调解委员会", "云知", mediation_word="调",
                             notarial_prefix="云昆", notarial_word="证")
        admin = users.create_first_admin(session, "admin", PASSWORD, "赵文")
        users.add_user(session, admin, "lihua", frozenset({Role.MEDIATOR}), PASSWORD, "李华")
    lihua = users.sign_in(store.database, "lihua", PASSWORD)
    with store.database.session_scope() as session:
        today = datetime.now(UTC).date()
        details = case_details(MatterKind.MEDIATION, "trademark", "某商标侵权纠纷", today, today=today)
        number = matters.open_matter(session, lihua, MatterKind.MEDIATION, details).number
        progress.assign_mediator(session, lihua, number, "lihua", conflict=False)
    attendees = (Attendee(AttendeeRole.APPLICANT, "张丽"),
                 Attendee(AttendeeRole.MEDIATOR, "李华", login="lihua"))
    sitting_ids = []
    starts = datetime.now(UTC) + timedelta(hours=1)
    for count in counts:
        with store.database.session_scope() as session:
            sitting = sittings.schedule_sitting(session, lihua, number, SittingKind.MEDIATION, starts,
                                                place="调解室", attendees=attendees)
            for index in range(count):
                minutes.add_entry(session, lihua, sitting.id, AttendeeRole.APPLICANT, "张丽",
                                  f"{index}：{LINE}")
        sitting_ids.append(sitting.id)
    return store, lihua, number, sitting_ids


def wait(app: QApplication, condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 120
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError
        app.processEvents()
        time.sleep(0.001)


def measure(app: QApplication, editor: MinutesEditor, sitting_id: int, keys: int,
            entries: int) -> tuple[float, float, float]:
    """Median seconds per keystroke, per Enter (GUI side), per entry until saved."""
    editor.open_sitting(sitting_id)
    wait(app, lambda: editor.sitting is not None and not editor.loading)
    for _ in range(20):
        app.processEvents()
    box = editor.box
    box.setFocus()
    per_key = []
    for index in range(keys):
        char = LINE[index % len(LINE)]
        started = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(box, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier,
                                                  char))
        app.processEvents()  # the repaint of the box (and anything the keystroke made stale)
        per_key.append(time.perf_counter() - started)
    box.clear()
    per_enter, per_saved = [], []
    for index in range(entries):
        box.setPlainText(f"确认第{index}条")
        started = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(box, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier))
        app.processEvents()
        per_enter.append(time.perf_counter() - started)
        wait(app, lambda: not editor.saving)
        per_saved.append(time.perf_counter() - started)
    return statistics.median(per_key), statistics.median(per_enter), statistics.median(per_saved)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--long", type=int, default=2000)
    parser.add_argument("--short", type=int, default=10)
    parser.add_argument("--keys", type=int, default=300)
    parser.add_argument("--entries", type=int, default=40)
    args = parser.parse_args()
    app = application()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        store, lihua, number, (short_id, long_id) = prepared(Path(folder) / "data", (args.short, args.long))
        print(f"store made in {time.perf_counter() - started:.1f} s "
              f"(sittings of {args.short} and {args.long} entries)")
        try:
            results = []
            for sitting_id in (short_id, long_id):
                editor = MinutesEditor(store, SignedInUser(lihua), number)
                editor.resize(1024, 700)
                editor.show()
                opened = time.perf_counter()
                results.append(measure(app, editor, sitting_id, args.keys, args.entries))
                results[-1] = (*results[-1], time.perf_counter() - opened)
                editor.close()
                editor.deleteLater()
                app.processEvents()
        finally:
            store.close()
    short, long = results
    names = ("keystroke (event + repaint)", "Enter (row appended, GUI side)", "entry until saved")
    print(f"{'':34} {args.short:>8} entries {args.long:>8} entries   ratio")
    for index, name in enumerate(names):
        print(f"{name:34} {short[index] * 1000:>11.3f} ms {long[index] * 1000:>11.3f} ms"
              f"   {long[index] / short[index]:5.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
