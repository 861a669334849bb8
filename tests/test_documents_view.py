"""The documents in the window (issue 12): the PDF preview (pages, fit-width and zoom), print preview and
printing to a PDF file with its print record, the case's Documents tab and the verify-document dialog.
GUI tests on SQLite, driving real widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from desktop.core.documents.layout import Document, Heading, Text, render
from desktop.ui.documents.pdf_preview import ZOOM_MAX, ZOOM_MIN, PdfPreview

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
