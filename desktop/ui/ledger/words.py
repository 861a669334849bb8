"""Ledger entries in the reader's language: a subject as words (证据 5 截图.png, 案件 （2026）…), its raw
form kept for the tooltip, and an entry's local time."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from desktop.core.trust.subjects import SubjectInfo, SubjectKind
from desktop.ui.framework.formatting import person
from desktop.ui.framework.i18n import label

KEY_DIGITS = 8  # a fingerprint's first hex digits, enough to tell keys apart by eye


translate = QCoreApplication.translate


def local_time(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def subject_words(info: SubjectInfo | None, raw: str = "") -> str:
    """What a subject is, in words; a subject this version cannot read stays as recorded."""
    if info is None:
        return raw
    kind = label(info.kind)
    if info.kind is SubjectKind.EVIDENCE:
        return f"{kind} {info.key} {info.name}".rstrip() if info.found else \
            translate("Ledger", "{kind} {number} (not found)").format(kind=kind, number=info.key)
    if info.kind is SubjectKind.PRESERVATION:
        return f"{kind} {info.key} {info.case_number}".rstrip()
    if info.kind in (SubjectKind.PARTY, SubjectKind.AGENT):  # 当事人 张丽（（2026）云知调字第0001号）
        if not info.found:
            return translate("Ledger", "{kind} {number} (not found)").format(kind=kind, number=info.key)
        return translate("Ledger", "{kind} {name} ({case})").format(kind=kind, name=info.name,
                                                                   case=info.case_number)
    if info.kind is SubjectKind.CASE:
        return f"{kind} {info.key}"
    if info.kind is SubjectKind.USER:
        if info.key == "?":
            return translate("Ledger", "A user name that cannot be one")
        return f"{kind} {person(info.key, info.real_name)}"  # 用户 李华（lihua）
    if info.kind is SubjectKind.KEY:
        short = info.key[:KEY_DIGITS]
        if not info.name:
            return f"{kind} {short}…"
        return translate("Ledger", "{kind} {key}… held by {holder}").format(
            kind=kind, key=short, holder=person(info.name, info.real_name))  # … held by 李华（lihua）
    if info.kind is SubjectKind.OFFICE:
        if info.key == "name":  # office.OFFICE_SUBJECT
            return translate("Ledger", "Office name and case-number prefix")
        return translate("Ledger", "Office settings") if info.key == "settings" else f"{kind} {info.key}"
    return info.raw


def subject_tooltip(info: SubjectInfo | None, raw: str) -> str:
    """The raw subject as recorded, and the case an item belongs to."""
    if info is not None and info.kind in (SubjectKind.EVIDENCE, SubjectKind.PARTY, SubjectKind.AGENT) \
            and info.case_number:
        return translate("Ledger", "{raw}, case {case}").format(raw=raw, case=info.case_number)
    return raw
