"""Take the README's screenshot of the agreement editor (人民调解协议书), in Chinese, from a data folder built
in a temporary folder (never a real one): a trademark case in mediation between 云南普洱茶业有限公司 and 张丽,
the suggested start filled in (the blanks of the templates, the compensation in two instalments), one blank
left so the problem list shows a line, and the preview scrolled to the clauses:

    xvfb-run -a -s "-screen 0 1024x700x24" .venv/bin/python docs/screens/agreement_editor.py docs/screens
    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/screens/agreement_editor.py /tmp --full

writes ``agreement-editor.png`` (1024 × 700), or with ``--full`` ``agreement-editor-full.png`` (the editor
maximised on the screen given), to look at.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication

from desktop.config import Settings
from desktop.core.cases import matters, parties, progress
from desktop.core.cases.deadlines import office_today
from desktop.core.cases.identity import DocumentKind
from desktop.core.cases.matters import MatterKind, case_details
from desktop.core.cases.persons import Sex, organisation, person
from desktop.core.documents.agreement import ClauseKind
from desktop.core.documents.agreement_model import BLANK
from desktop.core.office import office
from desktop.core.storage.store import open_store
from desktop.core.trust import users
from desktop.core.trust.permissions import Role
from desktop.core.trust.sign_in import SignedInUser
from desktop.ui.app import application
from desktop.ui.documents.agreement_editor import AgreementEditor
from desktop.ui.framework.i18n import install_translator

PASSWORD = "mediator-pass-1"
FILLED = {  # what the mediator writes into each template's blanks, in order
    ClauseKind.STOP_USE: ["普洱茶", "12345678"],
    ClauseKind.DESTROY_STOCK: ["十五"],
    ClauseKind.REMOVE_LISTINGS: ["七", "淘宝"],  # the shop's name is left blank: a problem in the list
}


def pump(app: QApplication, seconds: float = 0.0, until: Callable[[], bool] | None = None) -> None:
    deadline = time.monotonic() + (seconds if until is None else 60)
    while time.monotonic() < deadline and not (until is not None and until()):
        app.processEvents()
        time.sleep(0.01)


def main() -> int:
    out = Path(sys.argv[1])
    full = "--full" in sys.argv[2:]
    app = application()
    install_translator(app, "zh_CN")
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Settings(data_dir=Path(folder) / "data", database_url=None, lang="zh_CN"))
        today = office_today()
        with store.database.session_scope() as session:
            office.create_office(session, "昆明市知识产权纠纷人民调解委员会", "云知", mediation_word="调")
            admin = users.create_first_admin(session, "admin", "admin-password-1", "赵文")
            users.add_user(session, admin, "lihua", frozenset({Role.MEDIATOR}), PASSWORD, "李华")
        lihua = users.sign_in(store.database, "lihua", PASSWORD)
        with store.database.session_scope() as session:
            details = case_details(
                MatterKind.MEDIATION, "trademark", "普洱茶商标侵权纠纷", today, today=today,
                summary="被申请人在其网店销售标有申请人“普洱印象”注册商标的茶叶，申请人认为构成商标侵权。",
                requests=["停止侵权", "赔偿经济损失"])
            number = matters.open_matter(session, lihua, MatterKind.MEDIATION, details).number
            parties.add_party(session, lihua, number, "applicant", organisation(
                "云南普洱茶业有限公司", credit_code="91330100799655058B", domicile="普洱市思茅区",
                representative="王强", representative_post="执行董事"))
            parties.add_party(session, lihua, number, "respondent", person(
                "张丽", Sex.FEMALE, None, DocumentKind.RESIDENT_ID, "11010519491231002X",
                address="昆明市五华区翠湖南路1号", today=today))
            progress.assign_mediator(session, lihua, number, "lihua", conflict=False)
            progress.move_case(session, lihua, number, "accepted")
            progress.move_case(session, lihua, number, "in-mediation")
        editor = AgreementEditor(store, SignedInUser(lihua), number)
        editor.move(0, 0)
        editor.resize(1024, 700)
        if full:  # Xvfb has no window manager to maximise it: the whole screen, by hand
            editor.resize(app.primaryScreen().availableGeometry().size())
        editor.show()
        pump(app, until=lambda: not editor.loading and editor.pdf.page_count > 0)
        form, clauses = editor.form, editor.form.clauses
        form.responsibility.setPlainText("被申请人未经许可在同一种商品上使用与申请人注册商标相同的商标，"
                                         "应承担停止侵权、赔偿损失的责任。")
        for row, typed in enumerate(clauses.clauses):
            clauses.list.setCurrentRow(row)
            text = typed.text
            for word in FILLED.get(typed.kind, []):
                text = text.replace(BLANK, word, 1)
            clauses.text_edit.setPlainText(text)
        form.manner.setPlainText("被申请人以银行转账方式将款项支付至申请人指定的账户（开户行：中国工商银行昆明"
                                 "翠湖支行，账号：2502 0000 0000 1234）。")
        form.place.setText("昆明市")
        deadline = today + timedelta(days=60)
        form.deadline.setDate(QDate(deadline.year, deadline.month, deadline.day))
        form.deadline.userDateChanged.emit(form.deadline.date())
        compensation = next(row for row, typed in enumerate(clauses.clauses)
                            if typed.kind is ClauseKind.COMPENSATION)
        clauses.list.setCurrentRow(compensation)
        clauses.amount.line.setText("16409.02")
        clauses.amount.edited.emit()
        clauses.amount.set_text("16409.02")
        for amount in ("6409.02", "10000.00"):
            row = clauses.add_instalment()
            assert row is not None
            row.amount.set_text(amount)
            row.edited.emit()
        pump(app, 0.6)
        pump(app, until=lambda: not editor.loading)
        bar = editor.pdf.view.verticalScrollBar()
        bar.setValue(int(bar.maximum() * 0.42))  # the clauses
        form.scroll_area.ensureWidgetVisible(clauses.detail)
        clauses.amount.setFocus()
        pump(app, 0.5)
        name = "agreement-editor-full.png" if full else "agreement-editor.png"
        editor.grab().save(str(out / name), "PNG", 0)
        print("saved", out / name, editor.size().width(), "×", editor.size().height())
        editor.dirty = False  # a picture: nothing to keep
        editor.close()
        pump(app, 0.2)
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
