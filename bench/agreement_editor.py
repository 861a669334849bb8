"""The agreement editor with a 20-clause draft against a 1-clause one, offscreen.

    QT_QPA_PLATFORM=offscreen python bench/agreement_editor.py [--many 20] [--few 1] [--keys 300]

Makes a store in a temporary folder (two cases in mediation with their parties, one with a saved draft of
``--few`` clauses, one of ``--many``), opens each in the real editor at 1024×700 and times, on the GUI
thread, a keystroke typed into a clause's text (the event and the repaints it causes, and any preview
result handed over meanwhile: median and 95th percentile of ``--keys``; a pause every 25 keys lets the
preview render on its worker while the next keys are typed), then the time from one more keystroke until
the preview shows it (the pause before rendering included). The long draft's figures are printed with
their ratio to the short one's, measured in the same run: a keystroke ratio near 1 means typing costs
the same however long the agreement (the preview renders on a worker after a pause, never per keystroke
on the GUI thread).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from desktop.config import Settings
from desktop.core.cases import matters, parties, progress
from desktop.core.cases.identity import DocumentKind
from desktop.core.cases.matters import MatterKind, case_details
from desktop.core.cases.persons import Sex, organisation, person
from desktop.core.documents import agreement
from desktop.core.documents.agreement import AgreementDraft, Clause, ClauseKind
from desktop.core.office import office
from desktop.core.storage.store import OpenStore, open_store
from desktop.core.trust import users
from desktop.core.trust.permissions import Actor, Role
from desktop.core.trust.sign_in import SignedInUser
from desktop.ui.app import application
from desktop.ui.documents.agreement_editor import AgreementEditor
from desktop.ui.documents.agreement_preview import DEBOUNCE_MS

PASSWORD = "bench-password-1"
LINE = "被申请人于本协议生效之日起十日内停止销售侵权商品并删除全部网络链接。"


def _draft(clauses: int) -> AgreementDraft:
    today = datetime.now(UTC).date()
    terms = tuple(Clause(ClauseKind.COMPENSATION if index % 3 == 0 else ClauseKind.OTHER,
                         f"第{index + 1}项：{LINE}", Decimal("1000.00") if index % 3 == 0 else None,
                         due_on=today + timedelta(days=20) if index % 3 == 0 else None)
                  for index in range(clauses))
    return AgreementDraft("申请人系“滇红”注册商标专用权人，被申请人在其网店销售标有该商标的茶叶。",
                          "被申请人是否侵权及赔偿数额。", "被申请人承担侵权责任。", terms,
                          "银行转账", "昆明市", today + timedelta(days=30),
                          "逾期支付的，按日万分之五支付违约金。", 3)


def prepared(folder: Path, counts: tuple[int, ...]) -> tuple[OpenStore, Actor, list[str]]:
    """A store with one case per count, assigned to ``lihua``, in mediation, with a saved draft of that
    many clauses."""
    store = open_store(Settings(data_dir=folder, database_url=None, lang=None))
    with store.database.session_scope() as session:
        office.create_office(session, "昆明市知识产权纠纷人民调解委员会", "云知", mediation_word="调",
                             notarial_prefix="云昆", notarial_word="证")
        admin = users.create_first_admin(session, "admin", PASSWORD, "赵文")
        users.add_user(session, admin, "lihua", frozenset({Role.MEDIATOR}), PASSWORD, "李华")
    lihua = users.sign_in(store.database, "lihua", PASSWORD)
    numbers = []
    today = datetime.now(UTC).date()
    for count in counts:
        with store.database.session_scope() as session:
            details = case_details(MatterKind.MEDIATION, "trademark", "某商标侵权纠纷", today, today=today)
            number = matters.open_matter(session, lihua, MatterKind.MEDIATION, details).number
            parties.add_party(session, lihua, number, "applicant",
                              person("张丽", Sex.FEMALE, None, DocumentKind.RESIDENT_ID, "11010519491231002X",
                                     address="云南省昆明市五华区", today=today))
            parties.add_party(session, lihua, number, "respondent",
                              organisation("昆明某某茶业有限公司", credit_code="91330100799655058B",
                                           domicile="云南省昆明市官渡区", representative="王强"))
            progress.assign_mediator(session, lihua, number, "lihua", conflict=False)
            progress.move_case(session, lihua, number, "accepted")
            progress.move_case(session, lihua, number, "in-mediation")
            agreement.save_draft(session, lihua, number, _draft(count), 0)
        numbers.append(number)
    return store, lihua, numbers


def wait(app: QApplication, condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 120
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError
        app.processEvents()
        time.sleep(0.001)


def _key(app: QApplication, box: QWidget, char: str) -> float:
    started = time.perf_counter()
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(box, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))
    app.processEvents()  # the repaint of the box, and any preview result handed over meanwhile
    return time.perf_counter() - started


def measure(app: QApplication, editor: AgreementEditor, keys: int) -> tuple[float, float, float]:
    """Seconds per keystroke on the GUI thread (median, 95th percentile), and from a keystroke to the
    preview showing it (the pause of ``DEBOUNCE_MS`` included)."""
    wait(app, lambda: not editor.loading and editor.pdf.page_count > 0)
    for _ in range(20):
        app.processEvents()
    clauses = editor.form.clauses
    clauses.list.setCurrentRow(len(clauses.clauses) - 1)
    box = clauses.text_edit
    box.setFocus()
    box.moveCursor(box.textCursor().MoveOperation.End)
    per_key = []
    for index in range(keys):
        per_key.append(_key(app, box, LINE[index % len(LINE)]))
        if index % 25 == 24:  # a pause now and then: the preview renders while the next keys are typed
            pause = time.perf_counter() + 0.45
            while time.perf_counter() < pause:
                app.processEvents()
                time.sleep(0.001)
    wait(app, lambda: not editor.live.busy)
    shown = editor.live.shown
    started = time.perf_counter()
    _key(app, box, "。")
    wait(app, lambda: editor.live.shown > shown)
    per_key.sort()
    return statistics.median(per_key), per_key[int(len(per_key) * 0.95)], time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--many", type=int, default=20)
    parser.add_argument("--few", type=int, default=1)
    parser.add_argument("--keys", type=int, default=300)
    args = parser.parse_args()
    app = application()
    with tempfile.TemporaryDirectory() as folder:
        store, lihua, numbers = prepared(Path(folder) / "data", (args.few, args.many))
        try:
            results = []
            for number in numbers:
                editor = AgreementEditor(store, SignedInUser(lihua), number)
                editor.resize(1024, 700)
                editor.show()
                results.append(measure(app, editor, args.keys))
                editor.dirty = False  # nothing to ask about: the bench's typing is not kept
                editor.close()
                editor.deleteLater()
                app.processEvents()
        finally:
            store.close()
    few, many = results
    print(f"{'':44} {args.few:>6} clause(s) {args.many:>6} clauses   ratio")
    names = ("keystroke in a clause, median (GUI thread)", "keystroke in a clause, 95th percentile",
             f"keystroke to preview shown ({DEBOUNCE_MS} ms pause incl.)")
    for index, name in enumerate(names):
        print(f"{name:44} {few[index] * 1000:>12.3f} ms {many[index] * 1000:>11.3f} ms"
              f"   {many[index] / few[index]:5.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
