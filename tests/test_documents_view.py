"""The documents in the window (issue 12): the PDF preview (pages, fit-width and zoom), print preview and
printing to a PDF file with its print record, the case's Documents tab and the verify-document dialog.
GUI tests on SQLite, driving real widgets."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QPageRanges
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.documents import registry
from desktop.core.documents.generation import DocumentKind, generate
from desktop.core.documents.layout import Document, Heading, Text, render
from desktop.core.errors import InvalidInput
from desktop.core.evidence import intake
from desktop.core.office.courts import add_demo_courts
from desktop.core.storage.store import OpenStore
from desktop.core.trust import users
from desktop.core.trust.sign_in import SignedInUser
from desktop.ui.documents.agreement_editor import AgreementEditor
from desktop.ui.documents.documents_view import DocumentsView, check_copies, grouped
from desktop.ui.documents.generate_dialog import GenerateDialog
from desktop.ui.documents.pdf_preview import ZOOM_MAX, ZOOM_MIN, PdfPreview
from desktop.ui.documents.printing import STRIPS_PER_PAGE, DocumentPrinting, PrintJob, pages_text
from desktop.ui.documents.printing import page_count as printing_pages
from desktop.ui.documents.verify_dialog import VerifyDocumentDialog
from tests.qt_helpers import Heartbeat
from tests.test_documents import Office

LEFT = Qt.MouseButton.LeftButton


def _pdf(paragraphs: int) -> bytes:
    """A Chinese document of several pages (about 12 paragraphs a page)."""
    sentence = "被申请人在其网店销售标有申请人商标的茶叶，申请人请求停止侵权并赔偿损失。"
    blocks = [Heading("一、事实")] + [Text(f"第{index}段：" + sentence * 2) for index in range(paragraphs)]
    return render(Document("测试文书", tuple(blocks), reference="（2026）云知调字第0001号"))


@pytest.fixture(scope="module")
def three_pages() -> bytes:
    return _pdf(30)


def test_the_preview_shows_every_page_fit_to_the_width(qtbot: QtBot, three_pages: bytes) -> None:
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.resize(600, 500)
    preview.show()
    qtbot.waitExposed(preview)
    assert preview.page_count == 0 and preview.stack.currentWidget() is preview.message
    assert not preview.zoom_in_button.isEnabled()

    with qtbot.waitSignal(preview.loaded) as loaded:
        assert preview.set_pdf(three_pages)
    pages = loaded.args[0]
    assert pages >= 3 and preview.page_count == pages
    assert preview.pages.text() == f"{pages} page(s)"
    assert preview.view.pageMode() == QPdfView.PageMode.MultiPage
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth and preview.fit_button.isChecked()
    assert preview.view.document() is preview.document
    # Fit to the width: an A4 page (595 pt) in a pane about 600 px wide is drawn at about its size.
    fitted = preview.effective_zoom()
    assert 0.5 < fitted < 1.2
    assert preview.zoom_label.text() == f"{round(fitted * 100)} %"


def test_zoom_in_and_out_from_the_fitted_width_and_back(qtbot: QtBot, three_pages: bytes) -> None:
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.resize(600, 500)
    preview.show()
    preview.set_pdf(three_pages)
    fitted = preview.effective_zoom()
    qtbot.mouseClick(preview.zoom_in_button, LEFT)
    assert preview.view.zoomMode() == QPdfView.ZoomMode.Custom and not preview.fit_button.isChecked()
    assert preview.view.zoomFactor() == pytest.approx(fitted * 1.25)
    qtbot.mouseClick(preview.zoom_out_button, LEFT)
    qtbot.mouseClick(preview.zoom_out_button, LEFT)
    assert preview.view.zoomFactor() == pytest.approx(fitted / 1.25)
    for _ in range(20):
        preview.zoom_out()
    assert preview.view.zoomFactor() == pytest.approx(ZOOM_MIN) and not preview.zoom_out_button.isEnabled()
    for _ in range(20):
        preview.zoom_in()
    assert preview.view.zoomFactor() == pytest.approx(ZOOM_MAX) and not preview.zoom_in_button.isEnabled()
    qtbot.mouseClick(preview.fit_button, LEFT)
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth and preview.fit_button.isChecked()
    assert preview.effective_zoom() == pytest.approx(fitted)


def test_a_new_pdf_replaces_the_old_and_clear_shows_none(qtbot: QtBot, three_pages: bytes) -> None:
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.set_pdf(three_pages)
    first = preview.document
    one_page = _pdf(1)
    with qtbot.waitSignal(preview.loaded) as loaded:
        preview.set_pdf(one_page)
    assert loaded.args == [1] and preview.page_count == 1 and preview.document is not first
    # The document reads from its own buffer: the bytes given may go (a page still renders afterwards).
    del one_page
    document = preview.document
    assert document is not None
    image = document.render(0, document.pagePointSize(0).toSize())
    assert not image.isNull()
    preview.clear()
    assert preview.document is None and preview.page_count == 0 and preview.pages.text() == ""
    assert preview.stack.currentWidget() is preview.message


def test_bytes_that_are_not_a_pdf_are_said_so(qtbot: QtBot, three_pages: bytes) -> None:
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.set_pdf(three_pages)
    with qtbot.waitSignal(preview.failed):
        assert not preview.set_pdf(b"%PDF-1.7 but not really")
    assert preview.document is None and preview.message.text() == "The PDF could not be opened."
    assert all(not button.isEnabled() for button in preview.findChildren(QToolButton))


# --- printing -------------------------------------------------------------------------------------------

def _pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


def _page_images(pdf: Path) -> list[int]:
    """The images on each page of the printed PDF (a printed page is one image drawn in strips)."""
    listed = subprocess.run(["pdfimages", "-list", str(pdf)], check=True, capture_output=True,
                            text=True).stdout.splitlines()[2:]
    pages = [int(line.split()[0]) for line in listed]
    return [pages.count(page) for page in sorted(set(pages))]


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_pages_as_people_write_them_and_copies_in_order() -> None:
    assert pages_text((0, 1, 2, 4)) == "1-3,5"
    assert pages_text((3,)) == "4"
    assert PrintJob((0, 1), 2, True, "p").sheets() == [0, 1, 0, 1]
    assert PrintJob((0, 1), 2, False, "p").sheets() == [0, 0, 1, 1]


def test_printing_a_page_range_in_copies_to_a_pdf_file_and_recording_it(qtbot: QtBot, tmp_path: Path,
                                                                          three_pages: bytes) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    out = tmp_path / "printed.pdf"
    printer = _pdf_printer(out)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setPageRanges(QPageRanges.fromString("2-3"))
    printer.setCopyCount(2)
    recorded: list[PrintJob] = []
    printing = DocumentPrinting(owner, three_pages, printer, lambda job: recorded.append(job) or job)
    with qtbot.waitSignal(printing.printed, timeout=20_000) as printed:
        assert printing.print_now() is not None
    job = printed.args[0]
    assert recorded == [job] and job.pages_text == "2-3" and job.copies == 2
    assert job.printer == "PDF: printed.pdf"
    assert _pdf_pages(out) == 4 and _page_images(out) == [STRIPS_PER_PAGE] * 4  # pages 2 and 3, twice
    info = subprocess.run(["pdfinfo", str(out)], check=True, capture_output=True, text=True).stdout
    assert "(A4)" in info  # the whole sheet: the document's own page at its actual size


def test_the_print_preview_shows_the_pages_and_its_print_button_prints_them(qtbot: QtBot, tmp_path: Path,
                                                                           three_pages: bytes) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    owner.show()
    out = tmp_path / "from-preview.pdf"
    recorded: list[PrintJob] = []
    printing = DocumentPrinting(owner, three_pages, _pdf_printer(out),
                                lambda job: recorded.append(job) or job, "受理登记表")
    beat = Heartbeat()
    printing.preview()
    qtbot.waitUntil(lambda: printing.dialog is not None and printing.dialog.isVisible(), timeout=20_000)
    dialog = printing.dialog
    assert dialog is not None and "受理登记表" in dialog.windowTitle()
    pages = len(printing.preview_pages)
    assert pages == printing_pages(three_pages) and not out.exists()  # the preview prints nothing
    shown = dialog.findChild(QPrintPreviewWidget)
    assert shown is not None and shown.pageCount() == pages

    def accept_print_dialog() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QPrintDialog):
            modal.accept()
        else:
            QTimer.singleShot(50, accept_print_dialog)

    QTimer.singleShot(50, accept_print_dialog)
    print_action = next(action for action in dialog.findChildren(QAction) if action.text() == "Print")
    with qtbot.waitSignal(printing.printed, timeout=20_000):
        print_action.trigger()
    assert beat.stop() < 1000
    assert [job.pages_text for job in recorded] == [f"1-{pages}"] and recorded[0].copies == 1
    assert _pdf_pages(out) == pages


def test_a_job_the_record_would_refuse_is_refused_before_anything_is_printed(qtbot: QtBot, tmp_path: Path,
                                                                              three_pages: bytes) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    out = tmp_path / "too-many.pdf"
    printer = _pdf_printer(out)
    printer.setCopyCount(150)
    recorded: list[PrintJob] = []
    printing = DocumentPrinting(owner, three_pages, printer, lambda job: recorded.append(job) or job,
                                check=check_copies)
    with qtbot.waitSignal(printing.failed, timeout=20_000) as failed:
        printing.print_now()
    assert isinstance(failed.args[0], InvalidInput) and failed.args[0].fields["copies"] == 150
    assert not out.exists() and recorded == []


# --- the New Document dialog, the Documents tab, Verify a Document ----------------------------------------

@pytest.fixture
def case_desk(sqlite_store: OpenStore, tmp_path: Path) -> tuple[OpenStore, Office, str]:
    """A case with two parties, the office's courts and one evidence item; the clerk signed in."""
    place = Office(sqlite_store)
    number = place.case()
    admin = users.sign_in(sqlite_store.database, "admin", "admin-password-1")
    with sqlite_store.database.session_scope() as session:
        add_demo_courts(session, admin)
    evidence = tmp_path / "购买记录.txt"
    evidence.write_text("订单号 123\n" * 20, encoding="utf-8")
    report = intake.ingest_files(sqlite_store.database, sqlite_store.vault, place.clerk, number, [evidence])
    assert not report.failures
    return sqlite_store, place, number


def _dialog(qtbot: QtBot, store: OpenStore, place: Office, number: str) -> GenerateDialog:
    dialog = GenerateDialog(store, SignedInUser(place.clerk), number)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.choices is not None, timeout=20_000)
    return dialog


def test_the_dialog_asks_what_each_kind_needs(qtbot: QtBot, case_desk: tuple[OpenStore, Office, str]) -> None:
    store, place, number = case_desk
    dialog = _dialog(qtbot, store, place, number)
    shown = {name: widget for name, widget in (("party", dialog.party), ("sitting", dialog.sitting),
                                               ("visit", dialog.visit), ("court", dialog.court),
                                               ("items", dialog.items))}
    expected = {"registration": set(), "commitment": {"party"}, "address-confirmation": {"party"},
                "minutes": {"sitting"}, "visit": {"visit"}, "application": {"court"},
                "evidence-list": {"items"}}
    for kind, wanted in expected.items():
        dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
        assert {name for name, widget in shown.items() if widget.isVisible()} == wanted, kind
    # A party: every party by default, or one of the case's.
    dialog.kind.setCurrentIndex(dialog.kind.findData("commitment"))
    assert dialog.party.currentData() is None and dialog.party.count() == 3
    dialog.party.setCurrentIndex(1)
    assert dialog.request().party == dialog.choices.parties[0].id  # type: ignore[union-attr]
    # Evidence items: all of them unless some are left out; none is refused in the dialog.
    dialog.kind.setCurrentIndex(dialog.kind.findData("evidence-list"))
    assert dialog.items.count() == 1 and dialog.request().items == ()
    dialog.items.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.attempt() is None and dialog.message.text() == "Choose at least one evidence item."
    # The court: the suggestion first, with why; another court says it was chosen instead.
    dialog.kind.setCurrentIndex(dialog.kind.findData("application"))
    assert dialog.court.currentText() == "昆明市五华区人民法院 (suggested)"
    assert dialog.request().court == dialog.court.currentData()
    assert "invited the committee to mediate" in dialog.court_reason.text()
    dialog.court.setCurrentIndex(dialog.court.findText("昆明市中级人民法院"))
    assert dialog.court_reason.text().startswith(
        "Chosen by you instead of the suggestion (昆明市五华区人民法院).")
    assert dialog.request().court == dialog.court.currentData()


def test_a_document_core_refuses_is_one_line_and_nothing_is_recorded(
        qtbot: QtBot, case_desk: tuple[OpenStore, Office, str]) -> None:
    store, place, number = case_desk
    dialog = _dialog(qtbot, store, place, number)
    dialog.kind.setCurrentIndex(dialog.kind.findData("minutes"))
    assert dialog.sitting.count() == 0  # no sitting yet
    op = dialog.attempt()
    assert op is not None
    qtbot.waitUntil(lambda: dialog.op is None, timeout=20_000)
    assert dialog.isVisible() and "Name the sitting whose minutes to print" in dialog.message.text()
    with store.database.session_scope() as session:
        assert registry.list_documents(session, number) == []


def test_the_tab_lists_previews_and_opens_the_agreement_editor(
        qtbot: QtBot, case_desk: tuple[OpenStore, Office, str]) -> None:
    store, place, number = case_desk
    with store.database.session_scope() as session:
        generate(session, place.clerk, DocumentKind.REGISTRATION, number, None)
        made = generate(session, place.clerk, DocumentKind.RIGHTS_NOTICE, number, None)
    view = DocumentsView(store, SignedInUser(place.clerk), number)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    qtbot.waitUntil(lambda: not view.loading and view.preview.page_count > 0, timeout=20_000)
    assert view.list.topLevelItemCount() == 2 and not view.empty.isVisible()
    newest = view.list.topLevelItem(0)
    assert newest is not None and newest.text(0) == "Notice of rights and duties"
    assert view.selected_id() == made.id and newest.text(3) == "No" and newest.text(4) == "Not yet"
    assert view.print_button.isEnabled() and view.copy_button.isEnabled()
    assert grouped(made.pdf_sha256) in view.details.text()
    # Another document chosen: its own stored bytes are read and shown.
    older = view.list.topLevelItem(1)
    assert older is not None
    view.list.setCurrentItem(older)
    qtbot.waitUntil(lambda: view.pdf is not None and view.pdf[0] == older.data(0, Qt.ItemDataRole.UserRole),
                    timeout=20_000)
    with store.database.session_scope() as session:
        assert view.pdf[1] == registry.document_pdf(session, view.pdf[0])
    editor = view.open_agreement()
    assert isinstance(editor, AgreementEditor) and editor.isVisible()
    editor.close()


def test_verify_says_not_ours_for_a_foreign_pdf_and_names_an_unreadable_file(
        qtbot: QtBot, case_desk: tuple[OpenStore, Office, str], tmp_path: Path, three_pages: bytes) -> None:
    store, _place, _number = case_desk
    dialog = VerifyDocumentDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    foreign = tmp_path / "foreign.pdf"
    foreign.write_bytes(three_pages)
    dialog.verify(foreign)
    qtbot.waitUntil(lambda: not dialog.loading, timeout=20_000)
    assert dialog.verdict.text() == "Not produced by this office"
    assert dialog.record.text() == "None: no document of this office matches."
    assert dialog.signature.text() == "Not signed digitally."
    dialog.verify(tmp_path / "missing.pdf")
    qtbot.waitUntil(lambda: not dialog.loading, timeout=20_000)
    assert dialog.message.text().startswith("The file could not be read: ") and dialog.verdict.text() == ""


def test_printing_leaves_the_window_responsive(qtbot: QtBot, tmp_path: Path, three_pages: bytes) -> None:
    """Qt holds Python's lock while it compresses a page image into the print stream: a whole 300 dpi page
    drawn at once stalled the window's thread about 0.5–0.75 s (a heartbeat measured it); in strips, a
    tenth of that."""
    owner = QWidget()
    qtbot.addWidget(owner)
    printing = DocumentPrinting(owner, three_pages, _pdf_printer(tmp_path / "out.pdf"), lambda job: job)
    beat = Heartbeat()
    with qtbot.waitSignal(printing.printed, timeout=60_000):
        printing.print_now()
    assert beat.stop() < 400


def test_the_dialog_previews_a_document_beside_the_form_recording_nothing(
        qtbot: QtBot, case_desk: tuple[OpenStore, Office, str]) -> None:
    store, place, number = case_desk
    dialog = _dialog(qtbot, store, place, number)
    dialog.kind.setCurrentIndex(dialog.kind.findData("registration"))
    assert not dialog.pdf_preview.isVisible()
    width = dialog.width()
    with qtbot.waitSignal(dialog.pdf_preview.loaded, timeout=20_000) as loaded:
        qtbot.mouseClick(dialog.preview_button, LEFT)
    assert loaded.args[0] >= 1 and dialog.pdf_preview.isVisible() and dialog.width() > width
    document = dialog.pdf_preview.document
    assert document is not None and "预览" in document.getAllText(0).text()
    with store.database.session_scope() as session:
        assert registry.list_documents(session, number) == []
    # Another kind: the old preview goes, until previewed again.
    dialog.kind.setCurrentIndex(dialog.kind.findData("minutes"))
    assert dialog.pdf_preview.document is None
    dialog.preview()
    qtbot.waitUntil(lambda: dialog.preview_op is None, timeout=20_000)
    assert "Name the sitting whose minutes to print" in dialog.message.text()
