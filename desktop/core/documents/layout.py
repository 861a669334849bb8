"""The page of a Mediseal document, in the manner of official documents (GB/T 9704-2012《党政机关公文格式》),
a small model of what a document holds (title, headings, paragraphs, key/value tables, signature lines),
and its rendering to PDF bytes with reportlab's platypus (CJK text wraps by character)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import PageBreak as NewPage

from desktop.core.documents.fonts import DocumentFonts, document_fonts, require_glyphs
from desktop.core.documents.page_marks import PageMarks, draw_marks

# GB/T 9704-2012 §5.2.1: A4 paper (210 mm × 297 mm).
PAGE_WIDTH, PAGE_HEIGHT = A4
# GB/T 9704-2012 §5.2.2: top margin (天头) 37 mm ± 1 mm, left margin (订口) 28 mm ± 1 mm, type area
# (版心) 156 mm × 225 mm.
TOP_MARGIN = 37 * mm
LEFT_MARGIN = 28 * mm
TYPE_WIDTH = 156 * mm
TYPE_HEIGHT = 225 * mm
BOTTOM_MARGIN = PAGE_HEIGHT - TOP_MARGIN - TYPE_HEIGHT  # 35 mm
# GB/T 9704-2012 §5.2.3: body in 三号 (16 pt), 22 lines of 28 characters in the type area: 225 mm / 22 is
# 28.9 pt a line.
BODY_SIZE = 16
BODY_LEADING = 28.9
# GB/T 9704-2012 §7.3.1: the title in 二号 (22 pt), centred, in one or more lines.
TITLE_SIZE = 22
TITLE_LEADING = 33
# GB/T 9704-2012 §7.5: page numbers in 四号 (14 pt) half-width Song digits with a 一字线 (—) on each side,
# 7 mm below the type area; odd pages right-aligned and even pages left-aligned, one character in.
PAGE_NUMBER_SIZE = 14
PAGE_NUMBER_DROP = 7 * mm
# GB/T 9704-2012 §7.3.3: each paragraph's first line indented two characters.
FIRST_LINE_INDENT = 2 * BODY_SIZE
TABLE_SIZE = 14  # tables in 四号, as forms (登记表) print them
TABLE_LEADING = 22
KEY_COLUMN = 38 * mm

_CHINESE_DIGITS = "〇一二三四五六七八九"


def _chinese_number(value: int) -> str:
    """1–99 as written in a date: 十, 十一, 二十, 二十六, 三十一."""
    tens, units = divmod(value, 10)
    if tens == 0:
        return _CHINESE_DIGITS[units]
    return ("" if tens == 1 else _CHINESE_DIGITS[tens]) + "十" + (_CHINESE_DIGITS[units] if units else "")


def chinese_date(day: date) -> str:
    """A date in Chinese numerals, 0 as 〇, as courts' and mediation committees' documents write it:
    二〇二六年十一月二十六日. (GB/T 9704-2012 §7.3.5.1 moved 党政机关公文 to Arabic numerals; the legal
    documents these papers go with kept Chinese ones.)"""
    year = "".join(_CHINESE_DIGITS[int(digit)] for digit in f"{day.year:04d}")
    return f"{year}年{_chinese_number(day.month)}月{_chinese_number(day.day)}日"


def page_number_text(page: int) -> str:
    """GB/T 9704-2012 §7.5: "— 1 —", half-width digits between one-character dashes."""
    return f"— {page} —"


# The document model: what a document says, without how it is drawn.

@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading (一、…), in the title face at body size (GB/T 9704-2012 §7.3.3: 一级标题用黑体)."""

    text: str


@dataclass(frozen=True, slots=True)
class Text:
    """A paragraph of body text; ``indent`` False for lines that are not running prose (a list item)."""

    text: str
    indent: bool = True
    right: bool = False  # the issuer and the date at the end of a notice (GB/T 9704-2012 §7.3.5)


@dataclass(frozen=True, slots=True)
class KeyValueTable:
    """A form's grid of labels and values (登记表): each row a label and its value, values wrapping."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Signatures:
    """Signature lines: for each signer a line with the label, room to sign, and a date to fill in."""

    signers: tuple[str, ...]
    dated: bool = True
    on: str = ""  # the document's date under the lines, right-aligned, kept on one page with them


@dataclass(frozen=True, slots=True)
class Title:
    """A title inside a document (after a page break: the next party's commitment, the file's index), in
    the title's face and size, with the line under it."""

    text: str
    reference: str = ""


@dataclass(frozen=True, slots=True)
class PageBreak:
    """The next block starts on a new page (each party's commitment on its own page)."""


GRID_SIZE = 10.5  # 五号: a dense list (证据清单) in a grid of several columns
GRID_LEADING = 15
GRID_PADDING = 3
GRID_TOP_PADDING = 2
GRID_BOTTOM_PADDING = 4


@dataclass(frozen=True, slots=True)
class Grid:
    """A table with a header row, repeated at the top of every page the table runs onto; column widths as
    fractions of the type area; cells wrap (CJK text by character, long digits and digests anywhere). A
    row of one cell spans every column (an item's digests under its line). ``together`` consecutive rows
    stay on one page (an item's line and its digests are never parted)."""

    header: tuple[str, ...]
    widths: tuple[float, ...]
    rows: tuple[tuple[str, ...], ...]
    size: float = GRID_SIZE
    together: int = 1

    def __post_init__(self) -> None:
        if len(self.widths) != len(self.header) or abs(sum(self.widths) - 1) > 1e-6:
            raise ValueError("a grid needs one width per column, the widths adding up to 1")
        if any(len(row) not in (1, len(self.header)) for row in self.rows):
            raise ValueError("a grid row has a cell per column, or one cell spanning them all")
        if self.together < 1:
            raise ValueError("rows are kept together in groups of at least one")


@dataclass(frozen=True, slots=True)
class Together:
    """Blocks kept on one page where they fit there (the signature section of an agreement: the parties',
    the mediator's and the recorder's lines, the committee's seal and the date move to the next page as
    one rather than leave the seal alone on the last page)."""

    blocks: tuple[Block, ...]


Block = Heading | Text | KeyValueTable | Signatures | PageBreak | Grid | Title | Together


@dataclass(frozen=True, slots=True)
class Document:
    """A document to render: its title, a line under it (the case number), and its blocks in order."""

    title: str
    blocks: tuple[Block, ...]
    reference: str = ""  # the line under the title: the case number
    author: str = ""  # the office, in the PDF's metadata
    subject: str = ""

    def texts(self) -> Iterator[tuple[str, str]]:
        """Every piece of text with a name for it, for the glyph check."""
        yield "reference", self.reference
        yield from _block_texts(self.blocks)


def _block_texts(blocks: tuple[Block, ...], prefix: str = "") -> Iterator[tuple[str, str]]:
    for number, block in enumerate(blocks, start=1):
        index = f"{prefix}{number}"
        if isinstance(block, Heading | Text):
            yield f"paragraph {index}", block.text
        elif isinstance(block, Title):
            yield f"title {index}", block.text + block.reference
        elif isinstance(block, KeyValueTable):
            for key, value in block.rows:
                yield key, key + value
        elif isinstance(block, Grid):
            yield f"table {index}", "".join(block.header)
            for row_number, row in enumerate(block.rows, start=1):
                yield f"table {index} row {row_number}", "".join(row)
        elif isinstance(block, Signatures):
            for signer in block.signers:
                yield f"signature line {index}", signer
            yield f"signature date {index}", block.on
        elif isinstance(block, Together):
            yield from _block_texts(block.blocks, f"{index}.")


SIGN_HERE = "（签名或盖章）："
DATE_BLANK = "年　　月　　日"


class _Styles:
    def __init__(self, fonts: DocumentFonts) -> None:
        common: dict[str, object] = {"wordWrap": "CJK", "fontName": fonts.body, "fontSize": BODY_SIZE,
                                     "leading": BODY_LEADING}
        self.title = ParagraphStyle("title", **{**common, "fontName": fonts.title, "fontSize": TITLE_SIZE,
                                                "leading": TITLE_LEADING, "alignment": TA_CENTER,
                                                "spaceAfter": BODY_LEADING / 2})
        self.reference = ParagraphStyle("reference", **{**common, "alignment": TA_CENTER,
                                                        "spaceAfter": BODY_LEADING / 2})
        # A heading stays with the text it heads (never alone at the foot of a page).
        self.heading = ParagraphStyle("heading", **{**common, "fontName": fonts.title, "keepWithNext": 1,
                                                    "spaceBefore": BODY_LEADING / 3})
        self.body = ParagraphStyle("body", **{**common, "alignment": TA_JUSTIFY,
                                              "firstLineIndent": FIRST_LINE_INDENT})
        self.plain = ParagraphStyle("plain", **{**common, "alignment": TA_LEFT})
        # GB/T 9704-2012 §7.3.5.2: the issuer and the date right-aligned, two characters in (右空二字).
        self.right = ParagraphStyle("right", **{**common, "alignment": TA_RIGHT,
                                                "rightIndent": 2 * BODY_SIZE})
        self.cell = ParagraphStyle("cell", **{**common, "fontSize": TABLE_SIZE, "leading": TABLE_LEADING})
        self.key = ParagraphStyle("key", **{**common, "fontSize": TABLE_SIZE, "leading": TABLE_LEADING,
                                            "fontName": fonts.title})


def _markup(text: str) -> str:
    """Plain text as platypus markup: escaped, line breaks kept."""
    return escape(text).replace("\n", "<br/>")


def _table(block: KeyValueTable, styles: _Styles, fonts: DocumentFonts) -> Table:
    data = [[Paragraph(_markup(key), styles.key), Paragraph(_markup(value), styles.cell)]
            for key, value in block.rows]
    # splitInRow: a value longer than a page (a long list of requests) continues on the next page rather
    # than failing the layout.
    table = Table(data, colWidths=[KEY_COLUMN, TYPE_WIDTH - KEY_COLUMN], splitByRow=1, splitInRow=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.6, "black"),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("FONTNAME", (0, 0), (-1, -1), fonts.body),
                               ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                               ("LEFTPADDING", (0, 0), (-1, -1), 5), ("RIGHTPADDING", (0, 0), (-1, -1), 5)]))
    return table


def _signatures(block: Signatures, styles: _Styles) -> list[Flowable]:
    flowables: list[Flowable] = []
    for signer in block.signers:
        flowables.append(Spacer(1, BODY_LEADING))  # room to sign above the next line
        flowables.append(_Paragraph(_markup(signer + SIGN_HERE), styles.plain))
        if block.dated:
            date_style = ParagraphStyle("date", parent=styles.plain, leftIndent=TYPE_WIDTH / 2)
            flowables.append(Paragraph(DATE_BLANK, date_style))
    if block.on:
        # The date never stands alone at the top of a page: the lines and it move together.
        flowables.append(Spacer(1, BODY_LEADING / 2))
        flowables.append(_Paragraph(_markup(block.on), styles.right))
        return [KeepTogether(flowables)]
    return flowables


# Characters a line does not start with (标点符号用法 GB/T 15834-2011 §5.1.2: 句号、逗号、顿号、分号、冒号、
# 问号、叹号 and closing brackets and quotes do not begin a line).
_NO_LINE_START = frozenset("，。、；：？！）》」』】〕”’,.;:?!)]}%")


def _wrap_lines(text: str, font: str, size: float, room: float) -> list[str]:
    """``text`` broken into lines no wider than ``room`` points, by character (CJK text, and digests and
    addresses too long for a column): its own line breaks kept, nothing dropped, a closing mark carried
    down with the character before it rather than starting a line."""
    widths: dict[str, float] = {}
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line: list[str] = []
        used = 0.0
        for character in paragraph:
            width = widths.get(character)
            if width is None:
                width = widths[character] = stringWidth(character, font, size)
            if line and used + width > room:
                carried: list[str] = []
                if character in _NO_LINE_START and len(line) > 1:
                    carried = [line.pop()]
                lines.append("".join(line))
                line, used = carried, sum(widths[kept] for kept in carried)
            line.append(character)
            used += width
        lines.append("".join(line))
    return lines


# GB/T 15834-2011 §5.1.2: opening brackets and quotes do not end a line.
_NO_LINE_END = frozenset("（《「『【〔“‘([{")


def _units(text: str) -> list[str]:
    """``text`` as what a line may not be broken inside: one CJK character, or a run of Latin letters,
    digits and their marks (¥52,000.50, a licence number), which breaks only where it is longer than a
    line."""
    units: list[str] = []
    for character in text:
        latin = character < "\u3000" and not character.isspace()
        if latin and units and units[-1][-1] < "\u3000" and not units[-1][-1].isspace():
            units[-1] += character
        else:
            units.append(character)
    return units


def _body_lines(text: str, max_widths: list[float], font: str, size: float) -> list[tuple[float, str]]:
    """``text`` broken into lines for a justified paragraph, as reportlab's ``wordSplit`` gives them
    (each line's unused width and its text): by character, a Latin run kept whole where it fits, and no
    line starting with a closing mark or ending with an opening one (GB/T 15834-2011 §5.1.2): the
    characters around are carried down to the next line instead. (reportlab hangs one closing mark in
    the margin and starts the next line with a second, as in "（¥52,000.50）" + "。".)"""
    lines: list[tuple[float, str]] = []
    line: list[tuple[str, float]] = []
    used = 0.0
    room = max_widths[0]

    def close(parts: list[tuple[str, float]]) -> None:
        """End a line of ``parts``; the next line's room follows."""
        nonlocal room
        lines.append((room - sum(part[1] for part in parts), "".join(part[0] for part in parts)))
        room = max_widths[min(len(lines), len(max_widths) - 1)]

    for unit in _units(text):
        width = stringWidth(unit, font, size)
        if line and used + width > room + 1e-6:
            carried: list[tuple[str, float]] = []
            # Carry down what may not start the next line's first unit, and what may not end this one.
            while len(line) > 1 and ((carried or [(unit, width)])[0][0][0] in _NO_LINE_START
                                     or line[-1][0][-1] in _NO_LINE_END):
                carried.insert(0, line.pop())
            close(line)
            line, used = carried, sum(part[1] for part in carried)
        if not line and width > room:  # a Latin run longer than a line: broken by character
            for character in unit[:-1]:
                step = stringWidth(character, font, size)
                if line and used + step > room + 1e-6:
                    close(line)
                    line, used = [], 0.0
                line.append((character, step))
                used += step
            unit, width = unit[-1], stringWidth(unit[-1], font, size)
            if line and used + width > room + 1e-6:
                close(line)
                line, used = [], 0.0
        line.append((unit, width))
        used += width
    if line:
        close(line)
    return lines


def _frag_text(frag: object) -> str | None:
    """A fragment's text: its ``text``, or its ``words`` in the fragment reportlab makes of the lines left
    over when a page break splits a paragraph."""
    text = getattr(frag, "text", None)
    if isinstance(text, str):
        return text
    words = getattr(frag, "words", None)
    return "".join(words) if words is not None else None


class _Paragraph(Paragraph):  # type: ignore[misc]  # reportlab has no type hints
    """A paragraph of plain text in one face broken by ``_body_lines`` (others as reportlab breaks them):
    ours are all such, and so is the rest of one that a page break split."""

    def breakLinesCJK(self, maxWidths: float | list[float]) -> object:
        frags = self.frags
        texts = [_frag_text(frag) for frag in frags]
        plain = bool(frags) and all(
            text is not None and not hasattr(frag, "cbDefn") and not hasattr(frag, "lineBreak")
            and (frag.fontName, frag.fontSize) == (frags[0].fontName, frags[0].fontSize)
            for frag, text in zip(frags, texts, strict=True))
        if not plain or self.style.endDots or (hasattr(self, "blPara") and getattr(self, "_splitpara", 0)):
            return super().breakLinesCJK(maxWidths)
        widths = list(maxWidths) if isinstance(maxWidths, list | tuple) else [maxWidths]
        self.height = 0
        first = frags[0]
        lines = _body_lines("".join(text or "" for text in texts), widths, first.fontName, first.fontSize)
        return first.clone(kind=0, lines=[(space, [text]) for space, text in lines], ascent=first.fontSize,
                           descent=-0.2 * first.fontSize)


class _KeptTable(Table):  # type: ignore[misc]  # reportlab has no type hints
    """A small table inside a grid's row that keeps its last wrap (its size depends on the width alone)."""

    _kept: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._kept is not None and self._kept[0] == availWidth:
            return self._kept[1]
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._kept = (availWidth, size)
        return size


def _grid(block: Grid, fonts: DocumentFonts) -> Table:
    leading = block.size * GRID_LEADING / GRID_SIZE
    head = ParagraphStyle("grid-head", fontName=fonts.title, fontSize=block.size, leading=leading,
                          wordWrap="CJK", alignment=TA_CENTER)
    columns = len(block.header)
    widths = [TYPE_WIDTH * width for width in block.widths]
    # The cells are broken into lines here and drawn as plain lines: reportlab's paragraph wrapping,
    # repeated for every row left at each page a long table breaks, made a 300-item list take seconds.
    wrapped: dict[tuple[str, float], str] = {}

    def cell(text: str, width: float) -> str:
        key = (text, width)
        if key not in wrapped:
            wrapped[key] = "\n".join(_wrap_lines(text, fonts.body, block.size, width - 2 * GRID_PADDING))
        return wrapped[key]

    header: list[Paragraph | str] = [Paragraph(_markup(text), head) for text in block.header]
    base: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTNAME", (0, 0), (-1, -1), fonts.body), ("FONTSIZE", (0, 0), (-1, -1), block.size),
        ("LEADING", (0, 0), (-1, -1), leading),
        ("TOPPADDING", (0, 0), (-1, -1), GRID_TOP_PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), GRID_BOTTOM_PADDING),
        ("LEFTPADDING", (0, 0), (-1, -1), GRID_PADDING), ("RIGHTPADDING", (0, 0), (-1, -1), GRID_PADDING)]
    # The most lines a row may hold and still fit on a page under the header: a row with a longer cell
    # goes on in the rows under it (the other cells left empty there), so a page break never falls inside
    # a row and nothing is cut.
    most = int((TYPE_HEIGHT * 0.85 - GRID_TOP_PADDING - GRID_BOTTOM_PADDING) // leading)
    # Each row of the block as the table rows it takes, and whether they span the columns.
    rows: list[list[tuple[list[str], bool]]] = []
    for row in block.rows:
        spanning = len(row) == 1 and columns > 1
        lines = [cell(row[0], TYPE_WIDTH).split("\n")] if spanning \
            else [cell(text, width).split("\n") for text, width in zip(row, widths, strict=True)]
        tall = max(len(found) for found in lines)
        pieces = []
        for first in range(0, tall, most):
            texts = ["\n".join(found[first:first + most]) for found in lines]
            pieces.append((texts + [""] * (columns - 1) if spanning else texts, spanning))
        rows.append(pieces)

    def table(parts: list[tuple[list[str], bool]], head_row: bool) -> Table:
        data: list[list[Paragraph | str]] = [header] if head_row else []
        data.extend(list(texts) for texts, _spanning in parts)
        offset = 1 if head_row else 0
        made = (Table(data, colWidths=widths, repeatRows=1, splitByRow=1, splitInRow=0) if head_row
                else _KeptTable(data, colWidths=widths))
        made.setStyle(TableStyle(base + [("SPAN", (0, index + offset), (-1, index + offset))
                                         for index, (_texts, spanning) in enumerate(parts) if spanning]))
        return made

    if block.together == 1:
        # One table; repeatRows: the header again on every page.
        return table([piece for pieces in rows for piece in pieces], head_row=True)
    # Rows kept together: each group is a small table of its own in a row of the grid, which breaks only
    # between its rows. (reportlab's NOSPLIT and SPAN commands on one long table are read again at each
    # page, which makes a 300-item list quadratic.) A group with a row longer than a page is not kept.
    groups: list[list[tuple[list[str], bool]]] = []
    for first in range(0, len(rows), block.together):
        group = rows[first:first + block.together]
        if any(len(pieces) > 1 for pieces in group):
            groups.extend([piece] for pieces in group for piece in pieces)
        else:
            groups.append([pieces[0] for pieces in group])
    outer = Table([[_header_table(header, widths, base)],
                   *([table(group, head_row=False)] for group in groups)],
                  colWidths=[TYPE_WIDTH], repeatRows=1, splitByRow=1, splitInRow=0)
    # The font named even where nothing is drawn in it: reportlab sets a cell's font before drawing it, and
    # its Helvetica default would be listed among the PDF's fonts, not embedded.
    outer.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.body),
                               *((side, (0, 0), (-1, -1), 0) for side in (
                                   "LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING"))]))
    return outer


def _header_table(header: list[Paragraph | str], widths: list[float],
                  base: list[tuple[object, ...]]) -> Table:
    """A grid's header row as a table of its own, above the grid's groups of rows."""
    made = _KeptTable([header], colWidths=widths)
    made.setStyle(TableStyle(base))
    return made


def _block_flowables(block: Block, styles: _Styles, fonts: DocumentFonts) -> list[Flowable]:
    if isinstance(block, Heading):
        return [_Paragraph(_markup(block.text), styles.heading)]
    if isinstance(block, Text):
        style = styles.right if block.right else styles.body if block.indent else styles.plain
        return [_Paragraph(_markup(block.text), style)]
    if isinstance(block, KeyValueTable):
        return [_table(block, styles, fonts)]
    if isinstance(block, PageBreak):
        return [NewPage()]
    if isinstance(block, Title):
        title: list[Flowable] = [_Paragraph(_markup(block.text), styles.title)]
        if block.reference:
            title.append(_Paragraph(_markup(block.reference), styles.reference))
        return title
    if isinstance(block, Grid):
        return [_grid(block, fonts)]
    if isinstance(block, Together):
        return [KeepTogether([flowable for inner in block.blocks
                              for flowable in _block_flowables(inner, styles, fonts)])]
    return _signatures(block, styles)


def flowables(document: Document, fonts: DocumentFonts) -> list[Flowable]:
    """The document as platypus flowables, in order."""
    styles = _Styles(fonts)
    out: list[Flowable] = [_Paragraph(_markup(document.title), styles.title)]
    if document.reference:
        out.append(_Paragraph(_markup(document.reference), styles.reference))
    for block in document.blocks:
        out.extend(_block_flowables(block, styles, fonts))
    return out


def _draw_page_number(canvas: Canvas, fonts: DocumentFonts, marks: PageMarks | None = None) -> None:
    """GB/T 9704-2012 §7.5: "— n —" 7 mm below the type area, odd pages right and even pages left, one
    character in from the type area's edge; below it the document's marks (page_marks.py) when given."""
    page = canvas.getPageNumber()
    text = page_number_text(page)
    canvas.saveState()
    canvas.setFont(fonts.body, PAGE_NUMBER_SIZE)
    baseline = BOTTOM_MARGIN - PAGE_NUMBER_DROP - PAGE_NUMBER_SIZE * 0.8
    if page % 2:
        canvas.drawRightString(LEFT_MARGIN + TYPE_WIDTH - PAGE_NUMBER_SIZE, baseline, text)
    else:
        canvas.drawString(LEFT_MARGIN + PAGE_NUMBER_SIZE, baseline, text)
    canvas.restoreState()
    if marks is not None:
        draw_marks(canvas, marks, fonts.body, LEFT_MARGIN, LEFT_MARGIN + TYPE_WIDTH)


def render(document: Document, fonts: DocumentFonts | None = None, marks: PageMarks | None = None) -> bytes:
    """The document as PDF bytes in ``fonts`` (the process's document faces unless given): every font
    embedded as a subset; with ``marks``, each page carries them (an issued document's QR code and digest
    line, or the preview line) and an issued document's QR text is the PDF's Keywords. ``InvalidInput``
    (before anything is drawn) when the face lacks a character."""
    fonts = fonts or document_fonts()
    require_glyphs([("title", document.title)], title=True, fonts=fonts)
    require_glyphs(document.texts(), fonts=fonts)
    buffer = io.BytesIO()
    template = BaseDocTemplate(
        buffer, pagesize=A4, leftMargin=LEFT_MARGIN, rightMargin=PAGE_WIDTH - LEFT_MARGIN - TYPE_WIDTH,
        topMargin=TOP_MARGIN, bottomMargin=BOTTOM_MARGIN, title=document.title, author=document.author,
        subject=document.subject or document.reference, creator="Mediseal",
        keywords=marks.qr_text() if marks is not None and not marks.preview else "",
        # Without it the canvas starts in Helvetica, which pdffonts lists as a font not embedded.
        initialFontName=fonts.body, initialFontSize=BODY_SIZE, initialLeading=BODY_LEADING)
    frame = Frame(LEFT_MARGIN, BOTTOM_MARGIN, TYPE_WIDTH, TYPE_HEIGHT, leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0, id="type-area")
    template.addPageTemplates([PageTemplate(
        id="page", frames=[frame], onPage=lambda canvas, _doc: _draw_page_number(canvas, fonts, marks))])
    template.build(flowables(document, fonts))
    return buffer.getvalue()
