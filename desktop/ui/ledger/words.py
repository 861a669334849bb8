"""Ledger entries in the reader's language: a subject as words (证据 5 截图.png, 案件（2026）…, 笔录第12条
（调解会 2026-11-27）), its raw form kept for the tooltip, and an entry's local time."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.core.cases.sittings import SittingKind
from desktop.core.trust.subjects import SubjectInfo, SubjectKind
from desktop.ui.framework.formatting import person
from desktop.ui.framework.i18n import label

KEY_DIGITS = 8  # a fingerprint's first hex digits, enough to tell keys apart by eye


translate = QCoreApplication.translate


def _sitting(info: SubjectInfo) -> str:
    """The sitting a subject belongs to: its kind and local date, ``调解会 2026-11-27``."""
    try:
        kind = label(SittingKind(info.sitting_kind))
    except ValueError:
        kind = label(SubjectKind.SITTING)
    return f"{kind} {info.starts_at.astimezone():%Y-%m-%d}" if info.starts_at else kind


def _minutes_words(info: SubjectInfo) -> str:
    """A sitting's subject in words, without its case number (the caller adds it where needed)."""
    sitting = _sitting(info)
    investigation = info.sitting_kind == SittingKind.INVESTIGATION
    if info.kind is SubjectKind.SITTING:
        return sitting
    if info.kind is SubjectKind.MINUTES_ENTRY:  # 笔录第12条（调解会 2026-11-27）
        return translate("Ledger", "Minutes entry {seq} ({sitting})").format(seq=info.seq, sitting=sitting)
    if info.kind is SubjectKind.MINUTES:
        if info.addendum:  # 笔录第12条的补正（调解会 2026-11-27）
            return translate("Ledger", "Addendum to minutes entry {seq} ({sitting})").format(
                seq=info.seq, sitting=sitting)
        if investigation:
            return translate("Ledger", "Investigation record ({sitting})").format(sitting=sitting)
        return translate("Ledger", "Minutes ({sitting})").format(sitting=sitting)  # 调解记录（调解会 …）
    if info.addendum:  # a signing: 张丽在笔录第12条的补正上的签名（调解会 2026-11-27）
        return translate("Ledger", "Signature of {name} on the addendum to minutes entry {seq} ({sitting})"
                         ).format(name=info.name, seq=info.seq, sitting=sitting)
    if investigation:
        return translate("Ledger", "Signature of {name} on the investigation record ({sitting})").format(
            name=info.name, sitting=sitting)
    return translate("Ledger", "Signature of {name} on the minutes ({sitting})").format(
        name=info.name, sitting=sitting)


SITTING_KINDS = (SubjectKind.SITTING, SubjectKind.MINUTES_ENTRY, SubjectKind.MINUTES,
                 SubjectKind.MINUTES_SIGNING)
IN_CASE_KINDS = (SubjectKind.EVIDENCE, SubjectKind.PARTY, SubjectKind.AGENT, *SITTING_KINDS)


def subject_words(info: SubjectInfo | None, raw: str = "", *, with_case: bool = True) -> str:
    """What a subject is, in words; a subject this version cannot read stays as recorded. Without
    ``with_case`` (a case's own timeline) a sitting and the case file leave out the case number."""
    if info is None:
        return raw
    kind = label(info.kind)
    if info.kind in SITTING_KINDS or info.kind is SubjectKind.FILE:
        if not info.found:
            return translate("Ledger", "{kind} {number} (not found)").format(kind=kind, number=info.key)
        if info.kind is SubjectKind.FILE:  # 卷宗（2026）云知调字第0001号: no space before a case number
            return translate("Ledger", "Case file {case}").format(case=info.case_number) if with_case \
                else kind
        if info.kind is SubjectKind.SITTING and with_case:  # 调解会 2026-11-27（（2026）云知调字第0001号）
            return translate("Ledger", "{sitting} ({case})").format(sitting=_minutes_words(info),
                                                                    case=info.case_number)
        return _minutes_words(info)
    if info.kind is SubjectKind.EVIDENCE:
        return f"{kind} {info.key} {info.name}".rstrip() if info.found else \
            translate("Ledger", "{kind} {number} (not found)").format(kind=kind, number=info.key)
    if info.kind is SubjectKind.PRESERVATION:  # 保全证据记录 3（（2026）云知调字第0001号）
        if not info.found:
            return f"{kind} {info.key}"
        return translate("Ledger", "{kind} {number} {case}").format(kind=kind, number=info.key,
                                                                   case=info.case_number)
    if info.kind in (SubjectKind.PARTY, SubjectKind.AGENT):  # 当事人 张丽（（2026）云知调字第0001号）
        if not info.found:
            return translate("Ledger", "{kind} {number} (not found)").format(kind=kind, number=info.key)
        return translate("Ledger", "{kind} {name} ({case})").format(kind=kind, name=info.name,
                                                                   case=info.case_number)
    if info.kind is SubjectKind.CASE:  # 案件（2026）云知调字第0001号
        return translate("Ledger", "{kind} {case}").format(kind=kind, case=info.key)
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
    """The raw subject as recorded, and the case an item, a party, an agent, a sitting or its minutes
    belong to."""
    if info is not None and info.kind in IN_CASE_KINDS and info.case_number:
        return translate("Ledger", "{raw}, case {case}").format(raw=raw, case=info.case_number)
    return raw
