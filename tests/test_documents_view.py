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

from desktop.core.documents.layout import Document, Heading, Text, render
from desktop.ui.documents.pdf_preview import ZOOM_MAX, ZOOM_MIN, PdfPreview
from desktop.ui.documents.printing import DocumentPrinting, PrintJob, pages_text
from desktop.ui.documents.printing import page_count as printing_pages
from tests.qt_helpers import Heartbeat

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


def _page_images(pdf: Path) -> int:
    """How many page images the printed PDF holds (each printed page is one image)."""
    listed = subprocess.run(["pdfimages", "-list", str(pdf)], check=True, capture_output=True,
                            text=True).stdout.splitlines()[2:]
    return len(listed)


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
    assert _pdf_pages(out) == 4 and _page_images(out) == 4  # pages 2 and 3, twice
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
