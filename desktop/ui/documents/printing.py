"""Print preview and printing of a stored document through Qt: the pages of its PDF rendered by QtPdf,
shown in a ``QPrintPreviewDialog``, printed with the page range and copies chosen, and the print recorded
(a ledger entry with the document's digest). Rendering and printing run on a worker thread (QPainter on a
QPrinter is allowed there); the preview draws pages rendered beforehand, so the window never freezes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPageRanges, QPaintEngine, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from desktop.core.errors import Cancelled
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.ui.framework.ops import Op, run_op

POINTS_PER_INCH = 72.0
# Pages are drawn as images: 300 dpi prints body text sharp on an office laser; at a printer's nominal
# 1200 dpi an A4 page would be a 550 MB image.
PRINT_DPI_MAX = 300
PREVIEW_DPI = 96
# Qt holds Python's lock while it compresses an image into the print stream (about half a second for a
# 300 dpi A4 page): drawn in strips, the window's thread runs between them (a gap of ~0.1 s, not ~0.6 s).
STRIPS_PER_PAGE = 16


@dataclass(frozen=True, slots=True)
class PrintJob:
    """What is printed: the pages (0-based, in order), the copies, whether copies are collated, and the
    printer (its name, or the file a PDF is printed to)."""

    pages: tuple[int, ...]
    copies: int
    collate: bool
    printer: str

    @property
    def pages_text(self) -> str:
        """The pages as people write them, 1-based: ``1-3,5``."""
        return pages_text(self.pages)

    def sheets(self) -> list[int]:
        """Every page painted, in order, copies included (collated: 1 2 3 1 2 3; else 1 1 2 2 3 3)."""
        if self.collate:
            return [page for _copy in range(self.copies) for page in self.pages]
        return [page for page in self.pages for _copy in range(self.copies)]


def pages_text(pages: Sequence[int]) -> str:
    """0-based page indexes as 1-based ranges: (0, 1, 2, 4) -> ``1-3,5``."""
    runs: list[list[int]] = []
    for page in sorted(set(pages)):
        if runs and page == runs[-1][1] + 1:
            runs[-1][1] = page
        else:
            runs.append([page, page])
    return ",".join(f"{first + 1}" if first == last else f"{first + 1}-{last + 1}" for first, last in runs)


def chosen_pages(printer: QPrinter, page_count: int) -> tuple[int, ...]:
    """The pages the print dialog chose (a range such as 1-2,5 or all), within the document."""
    every = tuple(range(page_count))
    if printer.printRange() != QPrinter.PrintRange.PageRange:
        return every
    ranges: QPageRanges = printer.pageRanges()
    if ranges.isEmpty():
        first, last = printer.fromPage(), printer.toPage()
        if first <= 0:
            return every
        return tuple(page for page in every if first - 1 <= page <= (last or first) - 1)
    return tuple(page for page in every if ranges.contains(page + 1))


def printer_label(printer: QPrinter) -> str:
    """The printer as the record names it: its name, or the PDF file printed to."""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        return f"PDF: {Path(printer.outputFileName()).name}"
    return printer.printerName() or "(default printer)"


def print_job(printer: QPrinter, page_count: int) -> PrintJob:
    """The job the printer's settings describe. Copies the print system makes itself are asked of it
    (``supportsMultipleCopies``); otherwise each copy is painted."""
    return PrintJob(chosen_pages(printer, page_count), max(1, printer.copyCount()), printer.collateCopies(),
                    printer_label(printer))


class _Pdf:
    """A QtPdf document and the buffer it reads, on the thread that made them."""

    def __init__(self, data: bytes) -> None:
        self.buffer = QBuffer()
        self.buffer.setData(QByteArray(data))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument()
        self.document.load(self.buffer)
        if self.document.status() != QPdfDocument.Status.Ready:
            raise ValueError("not a PDF QtPdf can open")

    def page_image(self, page: int, dpi: float) -> QImage:
        size = self.document.pagePointSize(page)
        pixels = QSize(max(1, round(size.width() * dpi / POINTS_PER_INCH)),
                       max(1, round(size.height() * dpi / POINTS_PER_INCH)))
        rendered = self.document.render(page, pixels)  # transparent where nothing is drawn
        # On white paper, without an alpha mask: a printer (and a PDF printed to) gets one opaque image.
        sheet = QImage(pixels, QImage.Format.Format_RGB32)
        sheet.fill(Qt.GlobalColor.white)
        painter = QPainter(sheet)
        painter.drawImage(0, 0, rendered)
        painter.end()
        return sheet

    def close(self) -> None:
        self.document.close()
        self.buffer.close()


def page_count(data: bytes) -> int:
    pdf = _Pdf(data)
    try:
        return pdf.document.pageCount()
    finally:
        pdf.close()


def target_rect(printer: QPrinter, page_points: tuple[float, float]) -> QRectF:
    """Where a page goes on the sheet, in the printer's device pixels: at its actual size when it fits
    (an A4 document on A4 paper keeps its GB/T 9704 margins), else shrunk to fit, aspect kept, centred."""
    area = printer.pageRect(QPrinter.Unit.DevicePixel)
    scale_to_device = printer.resolution() / POINTS_PER_INCH
    width, height = page_points[0] * scale_to_device, page_points[1] * scale_to_device
    scale = min(1.0, area.width() / width, area.height() / height)
    width, height = width * scale, height * scale
    return QRectF(area.left() + (area.width() - width) / 2, area.top() + (area.height() - height) / 2,
                  width, height)


def prepare(printer: QPrinter) -> None:
    """Settings every print starts from: the whole sheet (the PDF's pages carry their own margins)."""
    printer.setFullPage(True)


def render_preview(data: bytes, progress: ProgressFn, cancelled: CancelledFn,
                   dpi: float = PREVIEW_DPI) -> list[tuple[QImage, tuple[float, float]]]:
    """Every page rendered for the preview, with its size in points (a worker's task)."""
    pdf = _Pdf(data)
    try:
        count = pdf.document.pageCount()
        pages: list[tuple[QImage, tuple[float, float]]] = []
        for page in range(count):
            if cancelled():
                raise Cancelled()
            size = pdf.document.pagePointSize(page)
            pages.append((pdf.page_image(page, dpi), (size.width(), size.height())))
            progress(page + 1, count)
        return pages
    finally:
        pdf.close()


def draw_in_strips(painter: QPainter, target: QRectF, image: QImage, cancelled: CancelledFn) -> None:
    """Draw ``image`` into ``target`` as ``STRIPS_PER_PAGE`` horizontal strips, each overlapping the next by
    one row (the next one drawn over it), so that no hairline shows where two strips meet."""
    height = image.height()
    step = -(-height // STRIPS_PER_PAGE)
    for top in range(0, height, step):
        if cancelled():
            raise Cancelled()
        rows = min(step + 1, height - top)
        strip = image.copy(0, top, image.width(), rows)
        painter.drawImage(QRectF(target.left(), target.top() + target.height() * top / height, target.width(),
                                 target.height() * rows / height), strip)


def print_pdf(printer: QPrinter, data: bytes, job: PrintJob, progress: ProgressFn,
              cancelled: CancelledFn) -> int:
    """Paint ``job``'s pages of the PDF ``data`` on ``printer`` (on a worker thread: the printer is not
    touched elsewhere meanwhile); the sheets painted. Cancelling aborts the job, nothing printed."""
    pdf = _Pdf(data)
    try:
        sheets = job.sheets() if not printer.supportsMultipleCopies() else list(job.pages)
        if not printer.supportsMultipleCopies():
            printer.setCopyCount(1)  # each copy is painted: the print system must not multiply them again
        dpi = min(float(printer.resolution()), PRINT_DPI_MAX)
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError("the printer could not be started")
        try:
            for done, page in enumerate(sheets):
                if cancelled():
                    raise Cancelled()
                if done:
                    printer.newPage()
                size = pdf.document.pagePointSize(page)
                draw_in_strips(painter, target_rect(printer, (size.width(), size.height())),
                               pdf.page_image(page, dpi), cancelled)
                progress(done + 1, len(sheets))
        except Cancelled:
            printer.abort()  # the job is dropped, nothing printed
            raise
        finally:
            if painter.isActive():
                painter.end()
            printer.setCopyCount(job.copies)  # as the user chose them, for the next print
        return len(sheets)
    finally:
        pdf.close()


class DocumentPrinting(QObject):
    """Printing one stored document: ``preview()`` renders its pages on a worker, then opens the print
    preview; its Print button (the print dialog: printer, page range, copies) starts the printing on a
    worker; ``record(job)`` runs after the printing on the same worker (the print record), and ``printed``
    gives its result. ``print_now()`` prints with the printer's settings as they are."""

    printed = Signal(object)
    failed = Signal(object)  # the error, when rendering, printing or recording failed

    def __init__(self, parent: QWidget, data: bytes, printer: QPrinter, record: Callable[[PrintJob], object],
                 title: str = "", check: Callable[[PrintJob], None] | None = None) -> None:
        super().__init__(parent)
        self.widget = parent
        self.data = data
        self.printer = printer
        self.record = record
        self.check = check  # refuses a job the record would refuse, before anything is printed
        self.title = title
        self.dialog: QPrintPreviewDialog | None = None
        self.preview_pages: list[tuple[QImage, tuple[float, float]]] = []
        self.op: Op[object] | None = None
        self.print_asked = False
        prepare(printer)

    @property
    def busy(self) -> bool:
        return self.op is not None

    def preview(self) -> Op[object] | None:
        """Render the pages on a worker, then show the print preview."""
        if self.op is not None:
            return None
        data = self.data

        def task(progress: ProgressFn, cancelled: CancelledFn) -> object:
            return render_preview(data, progress, cancelled)

        op = run_op(self.widget, task).with_progress(self.tr("Preparing the print preview…"))
        op.on_success(self._show_preview).on_failure(self.failed.emit)
        return self._run(op)

    def _show_preview(self, pages: object) -> None:
        assert isinstance(pages, list)
        self.preview_pages = pages
        dialog = QPrintPreviewDialog(self.printer, self.widget)
        dialog.setObjectName("printPreview")
        if self.title:
            dialog.setWindowTitle(self.tr("Print Preview: {title}").format(title=self.title))
        dialog.paintRequested.connect(self._paint)
        dialog.accepted.connect(self._preview_accepted)
        dialog.finished.connect(lambda _result: self._preview_closed(dialog))
        dialog.resize(900, 680)
        self.dialog = dialog
        self.print_asked = False
        dialog.open()

    def _paint(self, printer: QPrinter) -> None:
        """The preview asks for the pages: draw those rendered beforehand. Asked for the real printer (the
        print dialog was accepted), paint nothing now: the printing runs on a worker once the preview
        closes."""
        engine = printer.paintEngine()  # the preview swaps in its own (a picture) while it asks
        if engine is None or engine.type() != QPaintEngine.Type.Picture:
            self.print_asked = True  # not begun here: a begun printer would start an (empty) job
            return
        painter = QPainter()
        if not painter.begin(printer):
            return
        try:
            for index, (image, points) in enumerate(self.preview_pages):
                if index:
                    printer.newPage()
                painter.drawImage(target_rect(printer, points), image)
        finally:
            painter.end()

    def _preview_accepted(self) -> None:
        if self.print_asked:
            self.print_now()

    def _preview_closed(self, dialog: QPrintPreviewDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        self.preview_pages = []
        dialog.deleteLater()

    def print_now(self) -> Op[object] | None:
        """Print with the printer's settings (page range, copies), then record the print."""
        if self.op is not None:
            return None
        printer, data, record, check = self.printer, self.data, self.record, self.check
        job = print_job(printer, page_count(data))

        def task(progress: ProgressFn, cancelled: CancelledFn) -> object:
            if check is not None:
                check(job)
            print_pdf(printer, data, job, progress, cancelled)
            return record(job)

        op = run_op(self.widget, task).with_progress(self.tr("Printing…"))
        op.on_success(self.printed.emit).on_failure(self.failed.emit)
        return self._run(op)

    def _run(self, op: Op[object]) -> Op[object]:
        op.finished.connect(self._finished)
        self.op = op
        return op.start()

    def _finished(self) -> None:
        self.op = None
