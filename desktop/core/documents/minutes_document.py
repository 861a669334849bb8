"""The minutes of a sitting (调解记录 / 调查记录, 人民调解文书格式 2010) as a paper: the header (time, place,
attendees by role, the matter, that the rights notice was given and the risk warning), the entries by
speaker with their times, the findings and result, the addenda, and signature lines for the attendees.
Sealed minutes print from the sealed record itself and say so with its digest; minutes still being typed
print as a draft (草稿（未封存）)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from db.models import MediationCase
from desktop.core.cases.minutes import MINUTES_KIND, EntryKind, SealedMinutes, entries, sealed_records
from desktop.core.cases.minutes_records import TITLES
from desktop.core.cases.sittings import AttendeeRole, SittingKind, list_sittings
from desktop.core.documents.case_facts import clock, local_time, office_name
from desktop.core.documents.layout import Block, Document, Heading, KeyValueTable, Signatures, Text
from desktop.core.documents.wording import in_chinese
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput, NotFound
from desktop.core.integrity.canonical import parse_time
from desktop.core.trust.users import real_names

TEMPLATE_VERSION = 1
TITLE = TITLES[SittingKind.MEDIATION.value]  # 调解记录; an investigation prints as 调查记录
SEALED_MARK = "已封存"
DRAFT_MARK = "草稿（未封存）"
# The header's rows: who attended in which role, in the form's order.
_ROLE_ROWS = (
    (AttendeeRole.MEDIATOR, "调解员"), (AttendeeRole.RECORDER, "记录人"),
    ((AttendeeRole.APPLICANT, AttendeeRole.RESPONDENT, AttendeeRole.THIRD_PARTY, AttendeeRole.AGENT),
     "当事人"),
    ((AttendeeRole.EXPERT, AttendeeRole.INTERPRETER, AttendeeRole.INTERVIEWEE, AttendeeRole.OTHER),
     "其他人员"),
)


def _attendee_rows(attendees: Iterable[tuple[AttendeeRole, str]]) -> list[tuple[str, str]]:
    listed = list(attendees)
    rows: list[tuple[str, str]] = []
    for roles, label in _ROLE_ROWS:
        wanted = roles if isinstance(roles, tuple) else (roles,)
        names = [name if role in (AttendeeRole.MEDIATOR, AttendeeRole.RECORDER)
                 else f"{in_chinese(role)}{name}" for role, name in listed if role in wanted]
        if names:
            rows.append((label, "、".join(names)))
    return rows


def _entry_text(kind: EntryKind, role: AttendeeRole, speaker: str, spoken_at: datetime, text: str) -> str:
    """One entry as the form writes it: 问/答 for an investigation's questions and answers, the speaker
    by role and name otherwise, the time of day in brackets; a recorder's note in brackets."""
    at = clock(spoken_at)
    if kind is EntryKind.NOTE:
        return f"（{at}）（{text}）"
    lead = {EntryKind.QUESTION: "问", EntryKind.ANSWER: "答"}.get(kind, "")
    who = f"{in_chinese(role)}{speaker}" if speaker else in_chinese(role)
    return f"（{at}）{lead}{'（' + who + '）' if lead else who}：{text}"


def _sitting(session: Session, row: MediationCase, sitting_id: int | None) -> int:
    sittings = list_sittings(session, row.number)
    listed = "、".join(f"{found.id}（{local_time(found.starts_at)}）" for found in sittings) or "—"
    if sitting_id is None:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "Name the sitting whose minutes to print; case {number} has the sittings {sittings}."),
            field="sitting", number=row.number, sittings=listed)
    if not any(found.id == sitting_id for found in sittings):
        raise NotFound(QT_TRANSLATE_NOOP(
            "errors", "Case {number} has no sitting {sitting}; its sittings are {sittings}."),
            field="sitting", number=row.number, sitting=sitting_id, sittings=listed)
    return sitting_id


def minutes_document(session: Session, row: MediationCase, sitting_id: int | None) -> Document:
    """The minutes of sitting ``sitting_id`` of case ``row``: from the sealed record when sealed, else the
    entries as they stand marked as a draft. ``InvalidInput`` naming the sittings when none is named,
    ``NotFound`` for a sitting not of the case."""
    chosen = _sitting(session, row, sitting_id)
    sealed = sealed_records(session, chosen)
    minutes = next((record for record in sealed if record.kind == MINUTES_KIND), None)
    if minutes is not None:
        return _document(session, row, minutes.record, minutes, [r for r in sealed if r is not minutes])
    info = next(found for found in list_sittings(session, row.number) if found.id == chosen)
    record: dict[str, Any] = {
        "sitting": {"kind": info.kind.value, "starts_at": info.starts_at, "place": info.place,
                    "online": info.online, "matter": info.matter,
                    "attendees": [{"role": attendee.role.value, "name": attendee.name}
                                  for attendee in info.attendees]},
        "header": {"rights_explained": info.rights_explained, "risk_warning": info.risk_warning},
        "entries": [{"kind": entry.kind.value, "time": entry.spoken_at,
                     "speaker_role": entry.speaker_role.value, "speaker": entry.speaker, "text": entry.text}
                    for entry in entries(session, chosen)],
        "findings": info.findings, "result": info.result}
    return _document(session, row, record, None, [])


def _time(value: object) -> datetime:
    return value if isinstance(value, datetime) else parse_time(str(value))


def _document(session: Session, row: MediationCase, record: Mapping[str, Any], sealed: SealedMinutes | None,
              addenda: list[SealedMinutes]) -> Document:
    sitting = record["sitting"]
    kind = str(sitting.get("kind", SittingKind.MEDIATION.value))
    title = TITLES.get(kind, TITLE)
    header = record.get("header", {})
    place = "线上" + (f"（{sitting['place']}）" if sitting.get("place") else "") if sitting.get("online") \
        else str(sitting.get("place", ""))
    attendees = [(AttendeeRole(entry["role"]), str(entry.get("name", "")))
                 for entry in sitting.get("attendees", [])]
    rows: list[tuple[str, str]] = [("案号", row.number), ("时间", local_time(_time(sitting["starts_at"]))),
                                   ("地点", place or "—"), ("事由", str(sitting.get("matter", "")) or "—")]
    rows.extend(_attendee_rows(attendees))
    notice = "已告知当事人在人民调解活动中享有的权利和承担的义务" if header.get("rights_explained") \
        else "未记录权利义务告知"
    warning = f"；风险提示：{header['risk_warning']}" if header.get("risk_warning") else ""
    rows.append(("告知事项", notice + warning))
    if sealed is not None:
        signer = real_names(session, (sealed.signer,)).get(sealed.signer) or sealed.signer
        state = (f"{SEALED_MARK}：{signer}于{local_time(sealed.sealed_at)}签章封存，记录数字摘要（SHA-256）"
                 f"{sealed.record_sha256}")
    else:
        state = DRAFT_MARK + "：记录尚在制作中，以封存后的记录为准"
    rows.append(("记录状态", state))
    blocks: list[Block] = [KeyValueTable(tuple(rows)), Heading("记录内容")]
    listed = record.get("entries", [])
    blocks.extend(Text(_entry_text(EntryKind(entry["kind"]), AttendeeRole(entry["speaker_role"]),
                                   str(entry.get("speaker", "")), _time(entry["time"]), str(entry["text"])),
                       indent=False) for entry in listed)
    if not listed:
        blocks.append(Text("（无记录）", indent=False))
    if record.get("findings"):
        blocks.extend((Heading("调查情况" if kind == SittingKind.INVESTIGATION.value else "调解情况"),
                       Text(str(record["findings"]))))
    if record.get("result"):
        blocks.extend((Heading("调解结果"), Text(str(record["result"]))))
    if addenda:
        blocks.append(Heading("补正"))
        for addendum in addenda:
            signer = real_names(session, (addendum.signer,)).get(addendum.signer) or addendum.signer
            blocks.append(Text(f"补正第{addendum.corrects_seq}条（{signer}于{local_time(addendum.sealed_at)}签章，"
                               f"记录数字摘要（SHA-256）{addendum.record_sha256}）：理由：{addendum.reason}；更正为："
                               f"{addendum.text}", indent=False))
    signers = tuple(f"{in_chinese(role)}{name}" for role, name in attendees) or ("调解员", "记录人")
    blocks.append(Signatures(signers, dated=False))
    committee = office_name(session)
    mark = SEALED_MARK if sealed is not None else DRAFT_MARK
    return Document(title, tuple(blocks), reference=f"{row.number}　{mark}", author=committee,
                    subject=f"{title} {row.number}")
