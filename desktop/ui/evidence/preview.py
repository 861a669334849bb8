"""The preview of an evidence item: images, text (the first 64 KiB), PDF through QtPdf; anything else
shows its type and size. The bytes come from ``readout.read_for_view`` each time the preview is shown,
which checks the whole file against its recorded SHA-256 and logs the view: a file that no longer matches
is not shown, and the pane says so in red; an item the last verification found broken carries a red
warning above it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, Qt
from PySide6.QtGui import QImage, QImageReader, QPixmap, QResizeEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from desktop.core.evidence.items import ItemInfo
from desktop.core.evidence.sniffing import EMPTY_MIME
from desktop.ui.framework.errors import ERROR_COLOUR
from desktop.ui.framework.formatting import human_size

translate = QCoreApplication.translate

TEXT_PREVIEW_BYTES = 64 * 1024
IMAGE_PREVIEW_MAX = 64 * 1024 * 1024  # bigger images are saved and opened elsewhere
PDF_PREVIEW_MAX = 100 * 1024 * 1024
TEXT_TYPES = frozenset({"application/json", "application/xml", "message/rfc822", "application/javascript",
                        "application/x-sh", "application/csv"})


class PreviewKind(StrEnum):
    IMAGE = "image"
    TEXT = "text"
    PDF = "pdf"


@dataclass(frozen=True, slots=True)
class Plan:
    """What to read for a preview: its kind and how many bytes."""

    kind: PreviewKind
    limit: int


@dataclass(frozen=True, slots=True)
class Preview:
    """Bytes read for a preview (``image`` decoded off the GUI thread)."""

    item_id: int
    kind: PreviewKind
    data: bytes
    image: QImage | None = None


def preview_plan(info: ItemInfo) -> Plan | None:
    """How this item can be previewed, or None (then only its type and size are shown)."""
    mime = info.mime_type
    if info.size == 0:
        return None
    if mime.startswith("image/") and mime.encode() in {bytes(name.data()) for name in
                                                       QImageReader.supportedMimeTypes()}:
        return Plan(PreviewKind.IMAGE, info.size) if info.size <= IMAGE_PREVIEW_MAX else None
    if mime == "application/pdf":
        return Plan(PreviewKind.PDF, info.size) if info.size <= PDF_PREVIEW_MAX else None
    if mime.startswith("text/") or mime in TEXT_TYPES:
        return Plan(PreviewKind.TEXT, TEXT_PREVIEW_BYTES)
    return None


def load_preview(data: bytes, item_id: int, kind: PreviewKind) -> Preview:
    """Decode what can be decoded off the GUI thread (images)."""
    image = QImage.fromData(data) if kind is PreviewKind.IMAGE else None
    return Preview(item_id, kind, data, image)


def decode_text(data: bytes) -> str:
    """UTF-8, else GB 18030 (the Chinese national encoding); a character cut by the 64 KiB limit is
    dropped rather than shown as garbage."""
    for encoding in ("utf-8", "gb18030"):
        for cut in range(4):
            try:
                return data[:len(data) - cut].decode(encoding)
            except UnicodeDecodeError:
                continue
    return data.decode("utf-8", errors="replace")


class ScaledImage(QLabel):
    """An image scaled to fit (never enlarged), rescaled as the pane is resized."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(1, 1)
        self.original = QPixmap()

    def set_image(self, image: QImage) -> None:
        self.original = QPixmap.fromImage(image)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self.original.isNull():
            self.clear()
            return
        if self.original.width() <= self.width() and self.original.height() <= self.height():
            self.setPixmap(self.original)
        else:
            self.setPixmap(self.original.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                                Qt.TransformationMode.SmoothTransformation))


class PreviewPane(QWidget):
    """A warning when the item failed verification, one line about the file, then the preview itself (or
    a message)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewPane")
        self.warning = QLabel()
        self.warning.setObjectName("previewWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        self.warning.setVisible(False)
        self.info = QLabel()
        self.info.setObjectName("previewInfo")
        self.info.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("previewMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image = ScaledImage()
        self.image.setObjectName("previewImage")
        self.text = QPlainTextEdit()
        self.text.setObjectName("previewText")
        self.text.setReadOnly(True)
        self.pdf_view = QPdfView()
        self.pdf_view.setObjectName("previewPdf")
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pdf_document = QPdfDocument(self)
        self.pdf_buffer: QBuffer | None = None
        self.pdf_view.setDocument(self.pdf_document)
        self.stack = QStackedWidget()
        for widget in (self.message, self.image, self.text, self.pdf_view):
            self.stack.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.warning)
        layout.addWidget(self.info)
        layout.addWidget(self.stack, 1)
        self.shown_item: int | None = None
        self.show_message("")

    def set_warning(self, text: str | None) -> None:
        """Say above the preview that the item failed verification (what follows is the vault's copy as it
        is now); None hides it."""
        self.warning.setText(text or "")
        self.warning.setVisible(bool(text))

    def _describe(self, info: ItemInfo) -> str:
        return self.tr("{type}, {size}").format(type=info.mime_type, size=human_size(info.size))

    def _release_pdf(self) -> None:
        self.pdf_document.close()
        if self.pdf_buffer is not None:
            self.pdf_buffer.close()
            self.pdf_buffer = None

    def show_message(self, text: str, info: ItemInfo | None = None) -> None:
        self._release_pdf()
        self.image.set_image(QImage())
        self.text.clear()
        self.shown_item = None
        self.info.setText(self._describe(info) if info is not None else "")
        self.message.setText(text)
        self.message.setStyleSheet("")
        self.stack.setCurrentWidget(self.message)

    def show_refusal(self, text: str, info: ItemInfo) -> None:
        """The file could not be shown (it no longer matches its record, or it is gone): say why, in red,
        where the preview would be."""
        self.show_message(text, info)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")

    def show_unpreviewable(self, info: ItemInfo) -> None:
        if info.size == 0 or info.mime_type == EMPTY_MIME:
            text = self.tr("The file is empty.")
        elif preview_plan(info) is None and (info.mime_type.startswith("image/")
                                             or info.mime_type == "application/pdf"):
            text = self.tr("Too large to preview here ({size}). Use Save a Copy… to open it with another "
                           "program.").format(size=human_size(info.size))
        else:
            text = self.tr("No preview for this type of file ({type}, {size}). Use Save a Copy… to open it "
                           "with another program.").format(type=info.mime_type, size=human_size(info.size))
        self.show_message(text, info)

    def show_preview(self, info: ItemInfo, preview: Preview) -> None:
        self.show_message("", info)
        if preview.kind is PreviewKind.IMAGE:
            if preview.image is None or preview.image.isNull():
                self.show_message(self.tr("The image could not be decoded."), info)
                return
            self.image.set_image(preview.image)
            self.info.setText(self.tr("{type}, {size}, {width} × {height} pixels").format(
                type=info.mime_type, size=human_size(info.size), width=preview.image.width(),
                height=preview.image.height()))
            self.stack.setCurrentWidget(self.image)
        elif preview.kind is PreviewKind.TEXT:
            self.text.setPlainText(decode_text(preview.data))
            if info.size > len(preview.data):
                self.info.setText(self.tr("{type}, {size}; showing the first {shown}.").format(
                    type=info.mime_type, size=human_size(info.size), shown=human_size(len(preview.data))))
            self.stack.setCurrentWidget(self.text)
        else:
            buffer = QBuffer()
            buffer.setData(QByteArray(preview.data))
            buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.pdf_buffer = buffer  # the document reads from it while it is shown
            self.pdf_document.load(buffer)
            if self.pdf_document.status() != QPdfDocument.Status.Ready:
                self.show_message(self.tr("The PDF could not be opened."), info)
                return
            self.info.setText(self.tr("{type}, {size}, {pages} pages").format(
                type=info.mime_type, size=human_size(info.size), pages=self.pdf_document.pageCount()))
            self.stack.setCurrentWidget(self.pdf_view)
        self.shown_item = info.id
