"""Retake the Documents tab's screenshots (issue 12) in Chinese: a committee's data folder built from
scratch in a temporary folder (never a real one): a court-invited trademark case whose agreement mediator 李华
finalised today; clerk 孙琳 made the registration form, the agreement, the commitment letters and the
joint application (signed, printed twice). Then the 文书 tab with the application previewed, the New
Document dialog for an application (the suggested court and why) and Verify a Document on a copy:

    PYTHONPATH=. xvfb-run -a -s "-screen 0 1024x700x24" \
        .venv/bin/python docs/screens/make_document_screens.py docs/screens [WIDTH HEIGHT]

writes documents-tab.png, new-document.png, new-document-preview.png (the same with Preview pressed) and
verify-document.png (the window at WIDTH × HEIGHT, 1024 × 700 by default; a size other than that adds
-WIDTH to the names)."""
from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from desktop.config import Settings
from desktop.core.cases import parties, progress
from desktop.core.cases.deadlines import office_today
from desktop.core.cases.outcomes import Signing
from desktop.core.cases.workflow import CaseStatus
from desktop.core.documents import agreement, registry
from desktop.core.documents.agreement import AgreementDraft, Clause, ClauseKind
from desktop.core.documents.generation import DocumentKind, generate
from desktop.core.office.courts import add_demo_courts
from desktop.core.storage.store import OpenStore, open_store
from desktop.core.trust import signing_keys, users
from desktop.core.trust.sign_in import SignedInUser, sign_in_user
from desktop.ui.app import application
from desktop.ui.framework.i18n import install_translator
from desktop.ui.main_window import MainWindow
from tests.test_documents import NOW, Office

COMMITTEE = "昆明市知识产权纠纷人民调解委员会"
MEDIATOR_PASSWORD, CLERK_PASSWORD = "mediator-pass-1", "clerk-password-1"


def build(data: Path) -> tuple[OpenStore, SignedInUser, str, Path]:
    """The data folder; the clerk signed in, the case, a copy of the signed application."""
    store = open_store(Settings(data_dir=data, database_url=None, lang="zh_CN"))
    place = Office(store)
    number = place.case()
    today = office_today()
    admin = users.sign_in(store.database, "admin", "admin-password-1")
    with store.database.session_scope() as session:
        add_demo_courts(session, admin, now=NOW)
        signing_keys.new_key(session, place.lihua, MEDIATOR_PASSWORD, now=NOW)
        signing_keys.new_key(session, place.clerk, CLERK_PASSWORD, now=NOW)
        for target in (CaseStatus.ACCEPTED, CaseStatus.IN_MEDIATION):
            progress.move_case(session, place.lihua, number, target, now=NOW)
        agreement.save_draft(session, place.lihua, number, AgreementDraft(
            facts="被申请人在其网店销售标有申请人商标的茶叶。", disputed="申请人请求停止侵权、赔偿损失。",
            responsibility="被申请人未经许可使用申请人注册商标，应承担侵权责任。",
            clauses=(Clause(ClauseKind.STOP_USE, "被申请人立即停止销售标有申请人注册商标的茶叶。"),
                     Clause(ClauseKind.COMPENSATION, "被申请人向申请人支付经济损失共计【金额】。",
                            Decimal("16409.02"), due_on=date(2027, 1, 31))),
            performance_manner="银行转账", performance_place="昆明市", performance_deadline=date(2027, 1, 31),
            breach_liability="逾期付款的，按日万分之五支付违约金。", copies=3), 0, now=NOW)
    with store.database.session_scope() as session:
        signings = tuple(Signing(party.id, today) for party in parties.list_parties(session, number))
        agreement.finalise(session, place.lihua, number, MEDIATOR_PASSWORD, signings, today)
    signed = sign_in_user(store.database, "clerk", CLERK_PASSWORD)
    with store.database.session_scope() as session:
        for kind in (DocumentKind.REGISTRATION, DocumentKind.AGREEMENT, DocumentKind.COMMITMENT):
            generate(session, signed.actor, kind, number, None)
        made = generate(session, signed.actor, DocumentKind.APPLICATION, number, None, sign=signed.key)
    with store.database.session_scope() as session:
        registry.record_print(session, signed.actor, made.id, "1-2", 2, "HP LaserJet Pro M404")
    copy = data.parent / "申请书.pdf"
    copy.write_bytes(made.pdf)
    return store, signed, number, copy


def wait(app: QApplication, done: Callable[[], bool], limit: float = 30) -> None:
    end = time.time() + limit
    while not done() and time.time() < end:
        app.processEvents()
        time.sleep(0.01)


def shot(app: QApplication, out: Path, name: str, widget: QWidget) -> None:
    for _ in range(60):
        app.processEvents()
        time.sleep(0.01)
    widget.grab().save(str(out / name))
    print("saved", name)


def main() -> None:
    out = Path(sys.argv[1])
    width, height = (int(sys.argv[2]), int(sys.argv[3])) if len(sys.argv) > 3 else (1024, 700)
    suffix = "" if (width, height) == (1024, 700) else f"-{width}"
    out.mkdir(parents=True, exist_ok=True)
    app = application()
    install_translator(app, "zh_CN")
    store, signed, number, copy = build(Path(tempfile.mkdtemp(prefix="mediseal-screens-")) / "data")
    window = MainWindow(store.folder, store.database_label)
    window.resize(width, height)
    window.move(0, 0)
    window.attach(store, COMMITTEE, signed)
    window.show()
    window.show_page("cases")
    page = window.cases_page
    assert page is not None
    wait(app, lambda: not page.loading)
    workspace = page.open_case(number)
    wait(app, lambda: not workspace.loading)
    view = workspace.documents
    workspace.tabs.setCurrentWidget(view)
    wait(app, lambda: not view.loading and view.preview.page_count > 0)
    shot(app, out, f"documents-tab{suffix}.png", window)
    dialog = view.new_document()
    wait(app, lambda: dialog.choices is not None)
    dialog.kind.setCurrentIndex(dialog.kind.findData(DocumentKind.APPLICATION.value))
    shot(app, out, f"new-document{suffix}.png", dialog)
    dialog.preview()
    wait(app, lambda: dialog.pdf_preview.page_count > 0)
    shot(app, out, f"new-document-preview{suffix}.png", dialog)
    dialog.reject()
    verify = window.verify_document()
    assert verify is not None
    verify.verify(copy)  # type: ignore[attr-defined]
    wait(app, lambda: verify.check is not None)  # type: ignore[attr-defined]
    shot(app, out, f"verify-document{suffix}.png", verify)
    verify.close()
    window.ready_to_close = True
    window.close()
    store.close()


if __name__ == "__main__":
    main()
