"""Ledger entries in the reader's language: a subject as words (证据 5 截图.png, 案件 （2026）…), its raw
form kept for the tooltip, and an entry's local time."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from desktop.core.trust.subjects import SubjectInfo, SubjectKind
from desktop.ui.framework.i18n import label

CONTEXT = "Ledger"
KEY_DIGITS = 8  # a fingerprint's first hex digits, enough to tell keys apart by eye


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def local_time(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def subject_words(info: SubjectInfo | None, raw: str = "") -> str:
    """What a subject is, in words; a subject this version cannot read stays as recorded."""
    if info is None:
        return raw
    kind = label(info.kind)
    if info.kind is SubjectKind.EVIDENCE:
        return f"{kind} {info.key} {info.name}".rstrip() if info.found else \
            tr("{kind} {number} (not found)").format(kind=kind, number=info.key)
    if info.kind is SubjectKind.PRESERVATION:
        return f"{kind} {info.key} {info.case_number}".rstrip()
    if info.kind is SubjectKind.CASE:
        return f"{kind} {info.key}"
    if info.kind is SubjectKind.USER:
        if info.key == "?":
            return tr("A user name that cannot be one")
        return f"{kind} {info.key}"
    if info.kind is SubjectKind.KEY:
        short = f"{kind} {info.key[:KEY_DIGITS]}…"
        return short + tr(" ({holder})").format(holder=info.name) if info.name else short
    if info.kind is SubjectKind.OFFICE:
        return tr("Office settings") if info.key == "settings" else f"{kind} {info.key}"
    return info.raw


def subject_tooltip(info: SubjectInfo | None, raw: str) -> str:
    """The raw subject as recorded, and the case an item belongs to."""
    if info is not None and info.kind is SubjectKind.EVIDENCE and info.case_number:
        return tr("{raw}, case {case}").format(raw=raw, case=info.case_number)
    return raw
