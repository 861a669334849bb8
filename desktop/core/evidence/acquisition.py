"""How evidence was obtained (取证): source kind, address, time, who, device and note, checked
before anything is recorded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from db.models import utc_now
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput
from desktop.core.integrity.canonical import as_utc, format_time
from desktop.core.text import clean_text, has_control
from desktop.core.vocabulary import Vocabulary


class SourceKind(Vocabulary):
    """How a piece of evidence came in (取证方式). The values are in sealed item records: never rename one;
    add a new kind instead."""

    UPLOAD = "upload", QT_TRANSLATE_NOOP("vocabulary", "Submitted by a party")  # 当事人提交
    WEB_CAPTURE = "web-capture", QT_TRANSLATE_NOOP("vocabulary", "Web capture")  # 网页取证
    PHOTO = "photo", QT_TRANSLATE_NOOP("vocabulary", "Photo")
    AUDIO = "audio", QT_TRANSLATE_NOOP("vocabulary", "Audio recording")
    VIDEO = "video", QT_TRANSLATE_NOOP("vocabulary", "Video")
    SCREEN_RECORDING = "screen-recording", QT_TRANSLATE_NOOP("vocabulary", "Screen recording")
    DOCUMENT = "document", QT_TRANSLATE_NOOP("vocabulary", "Document")
    SCAN = "scan", QT_TRANSLATE_NOOP("vocabulary", "Scanned paper")  # 扫描件 (papers of the case file)
    OTHER = "other", QT_TRANSLATE_NOOP("vocabulary", "Other")


SOURCE_KINDS = tuple(kind.value for kind in SourceKind)  # the codes, in order (the window's list reads them)


TEXT_FIELD_MAX = 200
NOTE_MAX = 4000
URL_MAX = 2000
URL_SCHEMES = ("http", "https", "ftp")
CLOCK_SKEW = timedelta(minutes=5)  # how far ahead of this computer's clock an acquisition time may be


@dataclass(frozen=True, slots=True)
class Acquisition:
    """How the evidence was obtained: source kind (网页取证 is ``web-capture``), URL, when, by whom, with
    what device or software, and a note."""

    source_kind: str = SourceKind.UPLOAD.value
    url: str | None = None
    acquired_at: datetime | None = None
    acquired_by: str = ""
    device: str = ""
    note: str = ""


# --- validation ------------------------------------------------------------------------------------
def source_kind(value: str) -> SourceKind:
    """The source kind named by ``value`` (any case, ``_`` for ``-``), else ``InvalidInput``."""
    try:
        return SourceKind(value.strip().lower().replace("_", "-"))
    except ValueError:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "“{value}” is not a source kind; use one of: {kinds}."), field="source",
            value=value, kinds=", ".join(SourceKind)) from None


def validate_acquisition(acquisition: Acquisition) -> Acquisition:
    """Check and tidy what the user typed about how the evidence was obtained: every text through the one
    validator for sealed records (``text.clean_text``), the note on several lines, the others on one."""
    kind = source_kind(acquisition.source_kind)
    url = clean_text(acquisition.url or "", "url", URL_MAX) or None
    if url is not None:
        parts = urlsplit(url)
        if parts.scheme not in URL_SCHEMES or not parts.netloc or has_control(url):
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "“{value}” is not a web address (http:// or https://)."), field="url", value=url)
    if kind == SourceKind.WEB_CAPTURE and url is None:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "A web capture (网页取证) needs the address of the page (--url)."), field="url")
    acquired_by = clean_text(acquisition.acquired_by, "acquired_by", TEXT_FIELD_MAX)
    device = clean_text(acquisition.device, "device", TEXT_FIELD_MAX)
    note = clean_text(acquisition.note, "note", NOTE_MAX, multiline=True)
    acquired_at = as_utc(acquisition.acquired_at) if acquisition.acquired_at is not None else None
    if acquired_at is not None and acquired_at > utc_now() + CLOCK_SKEW:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "The evidence cannot have been acquired in the future ({time})."), field="acquired_at",
            time=format_time(acquired_at))
    # The plain value: drivers store an enum member by its name, records hold the code.
    return Acquisition(kind.value, url, acquired_at, acquired_by, device, note)
