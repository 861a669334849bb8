"""The clerk's papers for judicial confirmation in the window (issue 12), on SQLite, driving the real widgets
of a real data folder: the committee has a court-invited trademark case whose agreement the mediator has
finalised; clerk 孙琳 signs in, opens the case, and on its 文书 tab makes the registration form and the joint
application (to the court suggested, with the reason shown), signs the application with her key's password,
previews the pages, prints it to a PDF file through the print preview (the print is recorded), saves a copy,
and checks the copy with Verify a Document (unchanged) and a copy with one byte changed (changed). The window
never freezes meanwhile."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QComboBox
from pytestqt.qtbot import QtBot

from desktop.config import Settings
from desktop.core.cases import parties, progress
from desktop.core.cases.deadlines import office_today
from desktop.core.cases.outcomes import Signing
from desktop.core.cases.workflow import CaseStatus
from desktop.core.documents import agreement, registry
from desktop.core.documents.agreement import AgreementDraft, Clause, ClauseKind
from desktop.core.documents.generation import DocumentKind
from desktop.core.office.courts import add_demo_courts
from desktop.core.storage.datafolder import DATABASE_FILE_NAME
from desktop.core.storage.store import open_store
from desktop.core.trust import signing_keys, users
from desktop.ui.cases.page import CasesPage
from desktop.ui.documents.documents_view import DocumentsView, grouped
from desktop.ui.documents.generate_dialog import GenerateDialog
from desktop.ui.documents.verify_dialog import VerifyDocumentDialog
from desktop.ui.main_window import MainWindow
from tests.qt_helpers import Heartbeat, launch_and_sign_in, settled, type_text
from tests.test_documents import NOW, Office

CLERK, CLERK_PASSWORD = "clerk", "clerk-password-1"
MEDIATOR_PASSWORD = "mediator-pass-1"
COURT = "昆明市五华区人民法院"  # invited the committee to mediate (Office.case)
OP_TIMEOUT = 30_000


def _draft() -> AgreementDraft:
    return AgreementDraft(
        facts="被申请人在其网店销售标有申请人商标的茶叶。", disputed="申请人请求停止侵权、赔偿损失。",
        responsibility="被申请人未经许可使用申请人注册商标，应承担侵权责任。",
        clauses=(Clause(ClauseKind.STOP_USE, "被申请人立即停止销售标有申请人注册商标的茶叶。"),
                 Clause(ClauseKind.COMPENSATION, "被申请人向申请人支付经济损失共计【金额】。",
                        Decimal("16409.02"), due_on=date(2027, 1, 31))),
        performance_manner="银行转账", performance_place="昆明市", performance_deadline=date(2027, 1, 31),
        breach_liability="逾期付款的，按日万分之五支付违约金。", copies=3)


@pytest.fixture
def desk(tmp_path: Path, sqlite_template: Path) -> tuple[Settings, str]:
    """A data folder (SQLite) with the committee, its courts, a case in mediation whose agreement the
    mediator finalised today, and the clerk's signing key; the settings and the case number."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copyfile(sqlite_template, data_dir / DATABASE_FILE_NAME)
    settings = Settings(data_dir=data_dir, database_url=None, lang=None)
    store = open_store(settings)
    try:
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
            agreement.save_draft(session, place.lihua, number, _draft(), 0, now=NOW)
        with store.database.session_scope() as session:
            signings = tuple(Signing(party.id, today) for party in parties.list_parties(session, number))
            agreement.finalise(session, place.lihua, number, MEDIATOR_PASSWORD, signings, today)
    finally:
        store.close()
    return settings, number


def _click(qtbot: QtBot, button: QAbstractButton) -> None:
    assert button.isEnabled(), button.text()
    # A check box takes the click on its box (or its text), not in the empty width a form gives it.
    where = QPoint(6, button.height() // 2) if isinstance(button, QCheckBox) else QPoint()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=where)


def _choose(combo: QComboBox, data: object) -> None:
    """Pick an entry with the keyboard, as a user would."""
    target = combo.findData(data)
    assert target >= 0, data
    combo.setFocus()
    while combo.currentIndex() != target:
        QTest.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)


def _new_document(qtbot: QtBot, view: DocumentsView) -> GenerateDialog:
    _click(qtbot, view.new_button)
    dialog = view.dialog
    assert isinstance(dialog, GenerateDialog)
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.choices is not None, timeout=OP_TIMEOUT)
    return dialog


def _generate(qtbot: QtBot, view: DocumentsView, dialog: GenerateDialog) -> registry.DocumentInfo:
    with qtbot.waitSignal(dialog.generated, timeout=OP_TIMEOUT) as made:
        _click(qtbot, dialog.ok_button)
    document_id = made.args[0].id
    qtbot.waitUntil(lambda: not view.loading and view.selected_id() == document_id
                    and view.preview.page_count > 0, timeout=OP_TIMEOUT)
    selected = view.selected()
    assert selected is not None
    return selected


def open_documents_tab(qtbot: QtBot, window: MainWindow, number: str) -> DocumentsView:
    """Case ``number`` opened from the Cases page, on its 文书 tab, read."""
    window.show_page("cases")
    page = window.cases_page
    assert isinstance(page, CasesPage)
    settled(qtbot, page)
    workspace = page.open_case(number)
    settled(qtbot, workspace)
    view = workspace.documents
    workspace.tabs.setCurrentWidget(view)
    assert workspace.tabs.tabText(workspace.tabs.currentIndex()) == "&Documents"
    settled(qtbot, view)
    return view


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


def test_the_clerk_makes_signs_prints_and_verifies_the_papers_in_the_window(
        qtbot: QtBot, qapp: QApplication, desk: tuple[Settings, str], tmp_path: Path) -> None:
    settings, number = desk
    launcher, window = launch_and_sign_in(qtbot, settings, CLERK, CLERK_PASSWORD, OP_TIMEOUT)
    try:
        beat = Heartbeat()
        view = open_documents_tab(qtbot, window, number)
        assert view.list.topLevelItemCount() == 0 and view.empty.isVisible()
        assert not view.print_button.isEnabled() and not view.copy_button.isEnabled()

        # The registration form: nothing more to choose.
        dialog = _new_document(qtbot, view)
        _choose(dialog.kind, DocumentKind.REGISTRATION.value)
        assert not dialog.court.isVisible() and not dialog.party.isVisible()
        registration = _generate(qtbot, view, dialog)
        assert registration.kind is DocumentKind.REGISTRATION and not registration.signed

        # The joint application, to the court suggested (the reason shown), signed with the key's password.
        dialog = _new_document(qtbot, view)
        _choose(dialog.kind, DocumentKind.APPLICATION.value)
        assert dialog.court.isVisible() and dialog.court_reason.isVisible()
        assert dialog.court.currentText() == f"{COURT} (suggested)"
        assert "invited the committee to mediate" in dialog.court_reason.text()
        others = [dialog.court.itemText(index) for index in range(1, dialog.court.count())]
        assert "昆明市中级人民法院" in others  # the clerk may choose another court of the office's list
        _click(qtbot, dialog.sign)
        assert dialog.sign.isChecked(), dialog.sign.isVisible()
        assert dialog.password.isEnabled()
        _click(qtbot, dialog.ok_button)  # no password typed: asked for, nothing made
        assert dialog.message.text() == "Type the password of your key to sign the document."
        type_text(dialog.password, "wrong-password")
        with qtbot.waitSignal(dialog.busy_changed, timeout=OP_TIMEOUT) as busy:  # on a worker, dialog greyed
            _click(qtbot, dialog.ok_button)
        assert busy.args == [True]
        qtbot.waitUntil(lambda: dialog.op is None, timeout=OP_TIMEOUT)
        assert dialog.isVisible() and dialog.message.text(), "a wrong password is one line, nothing made"
        assert view.list.topLevelItemCount() == 1
        dialog.password.clear()
        type_text(dialog.password, CLERK_PASSWORD)
        application = _generate(qtbot, view, dialog)
        assert application.kind is DocumentKind.APPLICATION and application.signed
        assert view.list.topLevelItemCount() == 2
        row = view.list.currentItem()
        assert row is not None and row.text(3) == "Yes" and row.text(4) == "Not yet"
        pages = view.preview.page_count
        assert pages >= 1 and view.preview.pages.text() == f"{pages} page(s)"
        assert grouped(application.pdf_sha256) in view.details.text()

        # Print it to a PDF file through the print preview: the print is recorded.
        printed = tmp_path / "printed.pdf"
        printer = view.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        _click(qtbot, view.print_button)
        printing = view.printing
        assert printing is not None
        qtbot.waitUntil(lambda: printing.dialog is not None and printing.dialog.isVisible(),
                        timeout=OP_TIMEOUT)
        preview_dialog = printing.dialog
        assert preview_dialog is not None and len(printing.preview_pages) == pages

        def accept_print_dialog() -> None:
            modal = QApplication.activeModalWidget()
            if isinstance(modal, QPrintDialog):
                modal.accept()
            else:
                QTimer.singleShot(50, accept_print_dialog)

        QTimer.singleShot(50, accept_print_dialog)
        print_action = next(action for action in preview_dialog.findChildren(QAction)
                            if action.text() == "Print")
        with qtbot.waitSignal(printing.printed, timeout=OP_TIMEOUT):
            print_action.trigger()
        assert _pages(printed) == pages
        qtbot.waitUntil(lambda: not view.loading and view.list.currentItem() is not None
                        and view.list.currentItem().text(4) == "1 time(s)", timeout=OP_TIMEOUT)
        assert f"pages 1-{pages}, 1 copy(ies), PDF: printed.pdf" in view.details.text()

        # Save a copy: the stored bytes, in a new file; never over an existing one.
        copy = tmp_path / "application.pdf"
        with qtbot.waitSignal(view.save_copy(copy).finished, timeout=OP_TIMEOUT):  # type: ignore[union-attr]
            pass
        store = launcher.store
        assert store is not None
        with store.database.session_scope() as session:
            stored = registry.document_pdf(session, application.id)
            prints = registry.get_document(session, application.id).prints
        assert copy.read_bytes() == stored and hashlib.sha256(stored).hexdigest() == application.pdf_sha256
        text = "".join(subprocess.run(["pdftotext", str(copy), "-"], check=True, capture_output=True,
                                      text=True).stdout.split())
        assert f"此致{COURT}" in text, "the application is addressed to the court suggested"
        assert [(p.pages, p.copies, p.printed_by) for p in prints] == [(f"1-{pages}", 1, CLERK)]
        qtbot.waitUntil(lambda: view.op is None, timeout=OP_TIMEOUT)
        with qtbot.waitSignal(view.save_copy(copy).finished, timeout=OP_TIMEOUT):  # type: ignore[union-attr]
            pass
        assert "exists" in view.error.text() and copy.read_bytes() == stored

        # Verify a Document (Tools menu): the copy is unchanged; a copy with one byte changed is not.
        window.verify_document_action.trigger()
        verify = next(found for found in window.findChildren(VerifyDocumentDialog) if found.isVisible())
        verify.verify(copy)
        qtbot.waitUntil(lambda: verify.check is not None, timeout=OP_TIMEOUT)
        assert verify.verdict.text() == "Produced by this office and unchanged"
        assert "Application for judicial confirmation of " + number in verify.record.text()
        assert "valid, covering the whole file" in verify.signature.text()
        changed = tmp_path / "changed.pdf"
        data = bytearray(stored)
        data[len(data) // 3] ^= 0x01
        changed.write_bytes(bytes(data))
        verify.verify(changed)
        qtbot.waitUntil(lambda: verify.check is not None and not verify.loading, timeout=OP_TIMEOUT)
        assert verify.verdict.text() == "Changed since this office produced it"
        verify.close()

        assert beat.stop() < 1000, "the window froze"
        window.close()
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=OP_TIMEOUT)
    finally:
        launcher.shutdown()
