"""The CJK fonts documents are set in: found once per process, registered with reportlab, and asked before
drawing whether they hold every character (a character a font lacks would print as an empty box).

Only TrueType-outline faces are used: reportlab embeds them as subsets, and refuses CFF-outline OpenType
(the usual Noto CJK ``.otf``). The body is a Song/Ming face (GB/T 9704-2012 §5.2.2 sets the body in 仿宋;
no free FangSong face is packaged, and Song is the accepted substitute), titles a Hei face when one is
installed (GB/T 9704-2012 §7.3.1 sets the title in 小标宋; a Hei face stands in for it), else the body face.

When neither is installed, the redistributable WenQuanYi Micro Hei shipped in ``resources/fonts``
(Apache 2.0, TrueType) stands in for both, so that a fresh machine makes correct PDFs with no system font.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput, MedisealError


@dataclass(frozen=True, slots=True)
class FontFile:
    """A candidate font: a file and the face inside it (a ``.ttc`` collection holds several)."""

    path: Path
    subfont: int = 0


# Where Debian, Fedora, macOS and Windows put the faces, in order of preference.
_FONT_DIRECTORIES = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts",
                     Path("/Library/Fonts"), Path("/System/Library/Fonts"),
                     Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts")
# AR PL UMing (fonts-arphic-uming; subfont 0 is "AR PL UMing CN"), then SimSun (Windows).
BODY_CANDIDATES = (("truetype/arphic/uming.ttc", 0), ("arphic/uming.ttc", 0), ("uming.ttc", 0),
                   ("simsun.ttc", 0), ("SimSun.ttf", 0), ("simsun.ttf", 0))
# WenQuanYi Zen Hei (fonts-wqy-zenhei), then SimHei (Windows).
TITLE_CANDIDATES = (("truetype/wqy/wqy-zenhei.ttc", 0), ("wqy/wqy-zenhei.ttc", 0), ("wqy-zenhei.ttc", 0),
                    ("simhei.ttf", 0), ("SimHei.ttf", 0))


# Shipped with the package (resources/fonts/README.md): the last candidate for both faces.
SHIPPED_FONT = FontFile(Path(__file__).resolve().parents[3] / "resources" / "fonts"
                        / "wqy-microhei.ttc")


class FontMissing(MedisealError):
    """No usable CJK TrueType font is installed."""


@dataclass(frozen=True, slots=True)
class DocumentFonts:
    """The faces registered for documents: reportlab names, the files they came from, and the characters
    each face has glyphs for."""

    body: str
    title: str
    body_file: FontFile
    title_file: FontFile
    body_chars: frozenset[int]
    title_chars: frozenset[int]

    def missing_glyphs(self, text: str, *, title: bool = False) -> list[str]:
        """The distinct characters of ``text`` the face lacks, in the order they first appear (line breaks
        and spaces are layout, not glyphs)."""
        known = self.title_chars if title else self.body_chars
        missing: list[str] = []
        for char in text:
            if char in "\n\r\t " or ord(char) in known or char in missing:
                continue
            missing.append(char)
        return missing


def _candidates(names: Sequence[tuple[str, int]], directories: Iterable[Path]) -> list[FontFile]:
    found: list[FontFile] = []
    for directory in directories:
        for name, subfont in names:
            path = directory / name
            if path.is_file():
                found.append(FontFile(path, subfont))
    return found


def _is_truetype(path: Path) -> bool:
    """True for TrueType outlines (``.ttf``, or a ``.ttc`` collection); a CFF ``.otf`` (``OTTO``) is not."""
    with path.open("rb") as handle:
        magic = handle.read(4)
    return magic in (b"\x00\x01\x00\x00", b"ttcf", b"true")


def _face_name(font: FontFile) -> str:
    """The reportlab name of a face: one per file and face, so that loading other fonts (a test of the
    fallback) never replaces a face already in use."""
    return f"Mediseal-{font.path.stem}-{font.subfont}"


def _register(font: FontFile) -> tuple[str, frozenset[int]]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    name = _face_name(font)
    face = TTFont(name, str(font.path), subfontIndex=font.subfont)
    pdfmetrics.registerFont(face)
    return name, frozenset(face.face.charToGlyph)


def _usable(names: Sequence[tuple[str, int]], folders: list[Path],
            shipped: FontFile | None) -> list[FontFile]:
    found = _candidates(names, folders) + ([shipped] if shipped and shipped.path.is_file() else [])
    return [font for font in found if _is_truetype(font.path)]


def load_fonts(directories: Iterable[Path] = _FONT_DIRECTORIES,
               shipped: FontFile | None = SHIPPED_FONT) -> DocumentFonts:
    """Find and register the body and title faces, the shipped face last; ``FontMissing`` names what to
    install when none is usable (only when the package's own font is gone)."""
    folders = list(directories)
    body_files = _usable(BODY_CANDIDATES, folders, shipped)
    if not body_files:
        raise FontMissing(QT_TRANSLATE_NOOP(
            "errors", "No Chinese TrueType font for documents was found: install AR PL UMing (Debian: "
            "apt install fonts-arphic-uming) or SimSun, then try again."))
    body_file = body_files[0]
    body, body_chars = _register(body_file)
    title_files = _usable(TITLE_CANDIDATES, folders, shipped)
    if not title_files or title_files[0] == body_file:
        return DocumentFonts(body, body, body_file, body_file, body_chars, body_chars)
    title, title_chars = _register(title_files[0])
    return DocumentFonts(body, title, body_file, title_files[0], body_chars, title_chars)


_loaded: DocumentFonts | None = None
_lock = threading.Lock()


def document_fonts() -> DocumentFonts:
    """The document faces, found and registered on the first call only (loading a CJK face costs about
    0.06 s and several MB)."""
    global _loaded
    with _lock:
        if _loaded is None:
            _loaded = load_fonts()
        return _loaded


def missing_glyphs(text: str, *, title: bool = False) -> list[str]:
    """The characters of ``text`` the document face lacks (see ``DocumentFonts.missing_glyphs``)."""
    return document_fonts().missing_glyphs(text, title=title)


EXCERPT_CHARS = 12  # the text shown on each side of a character the font lacks


def _excerpt(text: str, char: str) -> str:
    at = text.index(char)
    start, end = max(0, at - EXCERPT_CHARS), at + len(char) + EXCERPT_CHARS
    return ("…" if start else "") + text[start:end].replace("\n", " ") + ("…" if end < len(text) else "")


def require_glyphs(texts: Iterable[tuple[str, str]], *, title: bool = False,
                   fonts: DocumentFonts | None = None) -> None:
    """``InvalidInput`` naming the characters a face lacks, with the text around the first and the part of
    the document it is in: checked before a document is drawn, so nothing prints as an empty box."""
    fonts = fonts or document_fonts()
    for part, text in texts:
        missing = fonts.missing_glyphs(text, title=title)
        if missing:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "The document cannot be printed: the font has no glyph for {characters} (in "
                "“{excerpt}”). Nothing was written; change that text in the case (e.g. to the common form "
                "of the character), or install a font that has it."),
                part=part, excerpt=_excerpt(text, missing[0]),
                characters=" ".join(f"“{char}” (U+{ord(char):04X})" for char in missing))
