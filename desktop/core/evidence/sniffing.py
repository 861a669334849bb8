"""Content sniffing: the MIME type of a file from its first bytes, the name only as a last resort."""

from __future__ import annotations

import mimetypes
import unicodedata

import filetype

MIME_SNIFF_BYTES = 64 * 1024
EMPTY_MIME = "application/x-empty"
UNKNOWN_MIME = "application/octet-stream"


def detect_mime(head: bytes, name: str) -> str:
    """The MIME type from the content's first bytes; the name is only a last resort."""
    if not head:
        return EMPTY_MIME
    kind = filetype.guess(head)
    if kind is not None:
        return str(kind.mime)
    if b"\x00" not in head:
        text = _as_text(head)
        if text is not None:
            start = text.lstrip("\ufeff \t\r\n").lower()
            if start.startswith(("<!doctype html", "<html")):
                return "text/html"
            if start.startswith("<?xml"):
                return "application/xml"
            if start.startswith("mime-version:") or "\nmime-version:" in start[:2000]:
                return "message/rfc822"  # MHTML web archives
            return "text/plain"
    guessed, _encoding = mimetypes.guess_type(name, strict=False)
    return guessed or UNKNOWN_MIME


def _as_text(head: bytes) -> str | None:
    for encoding in ("utf-8", "gb18030"):
        for cut in range(4):  # the sample may end inside a multi-byte character
            try:
                text = head[:len(head) - cut].decode(encoding)
            except UnicodeDecodeError:
                continue
            if all(ch in "\t\r\n\f" or not unicodedata.category(ch).startswith("C") for ch in text):
                return text
            break
    return None
