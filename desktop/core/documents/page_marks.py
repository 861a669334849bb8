"""What every page of a document carries so that a court can match the paper to the office's record: a QR
code and a short digest line (文书编号 …　校验码 …　第n页) in the bottom margin, away from the page number;
a preview's pages say 预览 — 非正式文书 instead. Also the text that names a document in the QR code and in
the PDF's metadata, and its reading back.

The PDF's own SHA-256 cannot be printed inside it: the paper carries the document's id and a check code
derived from its content (the first 16 hex digits of the SHA-256 of its canonical content record), both kept
in the document's record."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Group, Rect
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

CHECK_CODE_LENGTH = 16  # hex digits of the content record's SHA-256 printed on the paper
OFFICE_ID_LENGTH = 16  # hex digits of the office's ledger origin (the leaf hash of entry 0)
# The QR text, in QR's alphanumeric set (ISO/IEC 18004 §7.4.4: 0-9, A-Z, space, $%*+-./:) so the code
# stays small: MEDISEAL:DOC:<office>:<document id>:<check code>.
QR_PREFIX = "MEDISEAL:DOC:"
_QR_PATTERN = re.compile(r"MEDISEAL:DOC:([0-9A-F]{16}):([0-9]{1,12}):([0-9A-F]{16})", re.IGNORECASE)
PREVIEW_LINE = "预览 — 非正式文书"
# The digest line as text extraction gives it with the spaces dropped (``pdftotext`` then removing white
# space): what a check of the running text strips, as it strips the page numbers.
DIGEST_LINE_PATTERN = r"文书编号\d+校验码[0-9a-f]{16}第\d+页"
# The marks sit in the bottom margin (35 mm): the page number's baseline is about 24 mm above the paper's
# edge (GB/T 9704-2012 §7.5: 7 mm below the type area), the QR code below and beside it on the other side.
QR_SIZE = 16 * mm
QR_BOTTOM = 8 * mm
MARK_SIZE = 8  # points: the digest line in small type
MARK_BASELINE = 10 * mm
MARK_GAP = 3 * mm


@dataclass(frozen=True, slots=True)
class PageMarks:
    """The marks of a document's pages: an issued document's id, check code and office, or a preview."""

    document_id: int | None = None
    check_code: str = ""
    office: str = ""

    @property
    def preview(self) -> bool:
        return self.document_id is None

    def qr_text(self) -> str:
        """The text of the QR code (also the PDF's Keywords): office, document id and check code."""
        return f"{QR_PREFIX}{self.office.upper()}:{self.document_id}:{self.check_code.upper()}"

    def line(self, page: int) -> str:
        """The digest line of page ``page``."""
        if self.preview:
            return f"{PREVIEW_LINE}　第{page}页"
        return f"文书编号 {self.document_id}　校验码 {self.check_code}　第{page}页"


PREVIEW = PageMarks()


@dataclass(frozen=True, slots=True)
class NamedDocument:
    """A document as its QR text or metadata names it."""

    office: str
    document_id: int
    check_code: str


def read_qr_text(text: str) -> NamedDocument | None:
    """The document a QR text (or a PDF's Keywords holding one) names, else None."""
    found = _QR_PATTERN.search(text)
    if found is None:
        return None
    return NamedDocument(found.group(1).lower(), int(found.group(2)), found.group(3).lower())


def draw_marks(canvas: Canvas, marks: PageMarks, font: str, left: float, right: float) -> None:
    """Draw the marks of the canvas's current page between ``left`` and ``right`` (the type area's edges):
    on odd pages (page number on the right) the QR code at the left edge and the line after it; on even
    pages mirrored."""
    page = canvas.getPageNumber()
    odd = bool(page % 2)
    text = marks.line(page)
    canvas.saveState()
    canvas.setFont(font, MARK_SIZE)
    if marks.preview:
        if odd:
            canvas.drawString(left, MARK_BASELINE, text)
        else:
            canvas.drawRightString(right, MARK_BASELINE, text)
        canvas.restoreState()
        return
    _draw_qr(canvas, marks.qr_text(), left if odd else right - QR_SIZE, QR_BOTTOM)
    if odd:
        canvas.drawString(left + QR_SIZE + MARK_GAP, MARK_BASELINE, text)
    else:
        canvas.drawRightString(right - QR_SIZE - MARK_GAP, MARK_BASELINE, text)
    canvas.restoreState()


@lru_cache(maxsize=64)
def _qr_modules(text: str) -> tuple[tuple[float, float, float, float], ...]:
    """The dark modules of the QR code of ``text`` (reportlab's ``QrCodeWidget``, error correction M:
    ISO/IEC 18004 §5.3.3 level M restores about 15 % of a smudged code) as rectangles in a ``QR_SIZE``
    square; encoded once per text, not once per page."""
    widget = QrCodeWidget(text, barLevel="M", barBorder=0)
    x0, y0, x1, y1 = widget.getBounds()
    scale = QR_SIZE / max(x1 - x0, y1 - y0)
    modules = []
    pending: list[Group | Rect] = [widget.draw()]
    while pending:
        node = pending.pop()
        if isinstance(node, Group):
            pending.extend(node.contents)
        elif isinstance(node, Rect) and node.fillColor is not None:
            modules.append(((node.x - x0) * scale, (node.y - y0) * scale, node.width * scale,
                            node.height * scale))
    return tuple(modules)


def _draw_qr(canvas: Canvas, text: str, x: float, y: float) -> None:
    """The QR code of ``text``, ``QR_SIZE`` square with its lower left corner at (x, y): drawn once per
    PDF as a form XObject that every page places. The modules are drawn straight onto the canvas, not
    through reportlab's drawing renderer, which would set a non-embedded Helvetica (pdffonts reports it).
    The quiet zone is the empty margin around it."""
    name = "mediseal-qr-" + hashlib.sha256(text.encode()).hexdigest()[:16]
    if not canvas.hasForm(name):
        canvas.beginForm(name, lowerx=0, lowery=0, upperx=QR_SIZE, uppery=QR_SIZE)
        canvas.setFillColorRGB(0, 0, 0)
        for left, bottom, width, height in _qr_modules(text):
            canvas.rect(left, bottom, width, height, stroke=0, fill=1)
        canvas.endForm()
    canvas.saveState()
    canvas.translate(x, y)
    canvas.doForm(name)
    canvas.restoreState()
