"""How evidence was obtained (取证): source kind, address, time, who, device and note, checked
before anything is recorded."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from db.models import utc_now
from desktop.core.errors import (
    QT_TRANSLATE_NOOP,
    InvalidInput,
)
from desktop.core.integrity.canonical import as_utc, format_time
from desktop.core.text import has_control

SOURCE_KINDS = ("upload", "web-capture", "photo", "audio", "video", "screen-recording", "document", "other")
TEXT_FIELD_MAX = 200
NOTE_MAX = 4000
URL_MAX = 2000
CLOCK_SKEW = timedelta(minutes=5)  # how far ahead of this computer's clock an acquisition time may be


@dataclass(frozen=True, slots=True)
class Acquisition:
    """How the evidence was obtained: source kind (网页取证 is ``web-capture``), URL, when, by whom, with
    what device or software, and a note."""

    source_kind: str = "upload"
    url: str | None = None
    acquired_at: datetime | None = None
    acquired_by: str = ""
    device: str = ""
    note: str = ""


# --- validation ------------------------------------------------------------------------------------
def validate_acquisition(acquisition: Acquisition) -> Acquisition:
    """Check and tidy what the user typed about how the evidence was obtained."""
    kind = acquisition.source_kind.strip().lower().replace("_", "-")
    if kind not in SOURCE_KINDS:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "“{value}” is not a source kind; use one of: {kinds}."), field="source",
            value=acquisition.source_kind, kinds=", ".join(SOURCE_KINDS))
    url = (acquisition.url or "").strip() or None
    if url is not None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https", "ftp") or not parts.netloc or len(url) > URL_MAX \
                or has_control(url):
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "“{value}” is not a web address (http:// or https://)."), field="url", value=url)
    if kind == "web-capture" and url is None:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "A web capture (网页取证) needs the address of the page (--url)."), field="url")
    for name, value in (("acquired_by", acquisition.acquired_by), ("device", acquisition.device)):
        if len(value.strip()) > TEXT_FIELD_MAX or has_control(value.strip()):
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "The field {field} must be at most {limit} characters on one line."),
                field=name, limit=TEXT_FIELD_MAX)
    acquired_at = as_utc(acquisition.acquired_at) if acquisition.acquired_at is not None else None
    if acquired_at is not None and acquired_at > utc_now() + CLOCK_SKEW:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "The evidence cannot have been acquired in the future ({time})."), field="acquired_at",
            time=format_time(acquired_at))
    if len(acquisition.note) > NOTE_MAX:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The note must be at most {limit} characters."),
                           field="note", limit=NOTE_MAX)
    return Acquisition(kind, url, acquired_at, acquisition.acquired_by.strip(),
                       acquisition.device.strip(), acquisition.note.strip())
