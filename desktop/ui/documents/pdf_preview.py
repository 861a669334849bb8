"""The PDF preview: every page of a PDF one under another (QtPdf), the page count, fit-width zoom and
zoom in/out. The bytes are loaded from a ``QBuffer`` that lives as long as the document reading it."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QToolButton, QVBoxLayout, QWidget

from desktop.ui.framework.errors import ERROR_COLOUR

ZOOM_STEP = 1.25
ZOOM_MIN = 0.25
ZOOM_MAX = 4.0
POINTS_PER_INCH = 72.0


class _LoadedPdf(QObject):
    """A document with the buffer it reads from: both go together (the document reads the buffer while
    its pages are drawn, so the buffer must outlive it)."""

    def __init__(self, data: bytes, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.buffer = QBuffer(self)
        self.buffer.setData(QByteArray(data))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self.buffer)  # a buffer holding every byte loads at once

    @property
    def ready(self) -> bool:
        return self.document.status() == QPdfDocument.Status.Ready

    def release(self) -> None:
        self.document.close()
        self.buffer.close()
        self.deleteLater()


class PdfPreview(QWidget):
    """Shows one PDF at a time. ``loaded(pages)`` is emitted once a PDF is shown; ``failed`` when the bytes
    are not a PDF QtPdf can open (the pane then says so)."""

    loaded = Signal(int)
    failed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self._pdf: _LoadedPdf | None = None
        self.view = QPdfView()
        self.view.setObjectName("pdfView")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.message = QLabel(self.tr("No document to show."))
        self.message.setObjectName("pdfMessage")
        self.message.setWordWrap(True)
        self.message.setMargin(12)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.view)

        self.pages = QLabel()
        self.pages.setObjectName("pdfPageCount")
        self.zoom_out_button = self._button("pdfZoomOut", "−", self.tr("Zoom out"), self.zoom_out,
                                            QKeySequence.StandardKey.ZoomOut)
        self.zoom_in_button = self._button("pdfZoomIn", "+", self.tr("Zoom in"), self.zoom_in,
                                           QKeySequence.StandardKey.ZoomIn)
        self.fit_button = self._button("pdfFitWidth", self.tr("Fit Width"),
                                       self.tr("Fit the page to the width"), self.fit_width)
        self.fit_button.setCheckable(True)
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("pdfZoom")
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.pages)
        bar.addStretch(1)
        bar.addWidget(self.zoom_label)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_in_button)
        bar.addWidget(self.fit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.view.zoomModeChanged.connect(self._show_zoom)
        self.view.zoomFactorChanged.connect(self._show_zoom)
        self.clear()

    def _button(self, name: str, text: str, tip: str, slot: object,
                shortcut: QKeySequence.StandardKey | None = None) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        if shortcut is not None:
            button.setShortcut(QKeySequence(shortcut))
        return button

    # --- what is shown ----------------------------------------------------------------------------
    @property
    def document(self) -> QPdfDocument | None:
        """The document shown, or None."""
        return self._pdf.document if self._pdf is not None and self._pdf.ready else None

    @property
    def page_count(self) -> int:
        document = self.document
        return document.pageCount() if document is not None else 0

    def set_pdf(self, data: bytes) -> bool:
        """Show the PDF ``data`` (fit to the width); False, and a message in the pane, when it cannot be
        opened."""
        pdf = _LoadedPdf(data, self)
        if not pdf.ready:
            pdf.release()
            self.clear(self.tr("The PDF could not be opened."), error=True)
            self.failed.emit()
            return False
        old, self._pdf = self._pdf, pdf
        self.view.setDocument(pdf.document)
        if old is not None:
            old.release()
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.stack.setCurrentWidget(self.view)
        count = pdf.document.pageCount()
        self.pages.setText(self.tr("{count} page(s)").format(count=count))
        self._set_enabled(True)
        self._show_zoom()
        self.loaded.emit(count)
        return True

    def clear(self, message: str | None = None, *, error: bool = False) -> None:
        """Show no document, with ``message`` (default: there is none to show)."""
        self.view.setDocument(None)  # type: ignore[arg-type]  # Qt takes a null document
        if self._pdf is not None:
            self._pdf.release()
            self._pdf = None
        self.message.setText(message if message is not None else self.tr("No document to show."))
        self.message.setStyleSheet(f"color: {ERROR_COLOUR}" if error else "")
        self.stack.setCurrentWidget(self.message)
        self.pages.setText("")
        self.zoom_label.setText("")
        self._set_enabled(False)

    def _set_enabled(self, on: bool) -> None:
        for button in (self.zoom_in_button, self.zoom_out_button, self.fit_button):
            button.setEnabled(on)

    # --- zoom -------------------------------------------------------------------------------------
    def effective_zoom(self) -> float:
        """The scale the pages are drawn at now (1.0: actual size), in fit-width mode too."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom:
            return self.view.zoomFactor()
        document = self.document
        if document is None or document.pageCount() == 0:
            return 1.0
        widest = max(document.pagePointSize(page).width() for page in range(document.pageCount()))
        margins = self.view.documentMargins()
        room = self.view.viewport().width() - margins.left() - margins.right()
        pixels_per_point = self.view.logicalDpiX() / POINTS_PER_INCH
        return max(room, 1) / (widest * pixels_per_point) if widest > 0 else 1.0

    def set_zoom(self, factor: float) -> None:
        """Draw the pages at ``factor`` (bounded to 25 %–400 %)."""
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(ZOOM_MAX, max(ZOOM_MIN, factor)))

    def zoom_in(self) -> None:
        if self.document is not None:
            self.set_zoom(self.effective_zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        if self.document is not None:
            self.set_zoom(self.effective_zoom() / ZOOM_STEP)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def _show_zoom(self) -> None:
        fitting = self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
        self.fit_button.setChecked(fitting)
        if self.document is None:
            self.zoom_label.setText("")
            return
        self.zoom_label.setText(self.tr("{percent} %").format(percent=round(self.effective_zoom() * 100)))
        zoom = self.effective_zoom()
        self.zoom_in_button.setEnabled(zoom < ZOOM_MAX - 1e-6)
        self.zoom_out_button.setEnabled(zoom > ZOOM_MIN + 1e-6)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_zoom()
