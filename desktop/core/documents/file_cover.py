"""The cover of a case file (卷宗封面) and the file's index (卷内目录): the committee, the file's name and
number, the mediators, the dates of the mediation, who filed it and when, the retention period and notes;
then on a page of its own each part of the file in filing order (人民调解文书格式 2010) with its
documents, their dates and digests, and a page column to fill in when the paper file is numbered."""

from __future__ import annotations

from sqlalchemy.orm import Session

from db.models import MediationCase
from desktop.core.cases.case_file import checklist
from desktop.core.cases.cover import cover_of
from desktop.core.cases.deadlines import office_today
from desktop.core.documents.case_facts import office_name
from desktop.core.documents.layout import (
    Block,
    Document,
    Grid,
    KeyValueTable,
    PageBreak,
    Text,
    Title,
    chinese_date,
)
from desktop.core.documents.wording import in_chinese

TITLE = "卷宗封面"
INDEX_TITLE = "卷内目录"
TEMPLATE_VERSION = 1
_PART_NUMBERS = "一二三四五六七八九十"


def _part_number(index: int) -> str:
    """1–13 as the index numbers its parts: 一 … 十, 十一, 十二, 十三."""
    return _PART_NUMBERS[index - 1] if index <= 10 else "十" + _PART_NUMBERS[index - 11]


def file_cover(session: Session, row: MediationCase) -> Document:
    """The cover and the index of case ``row``'s file as they stand now."""
    cover = cover_of(session, row)
    found = checklist(session, row)
    committee = office_name(session)
    period = "—"
    if cover.mediation_from is not None:
        period = chinese_date(cover.mediation_from) + "至" + (
            chinese_date(cover.mediation_to) if cover.mediation_to is not None else "　　年　　月　　日")
    rows: tuple[tuple[str, str], ...] = (
        ("调解组织", committee or "—"), ("卷宗名称", cover.file_name), ("卷宗编号", cover.file_number),
        ("案号", row.number), ("调解员", "、".join(cover.mediators) or "—"), ("调解起止日期", period),
        ("立卷人", cover.filed_by or "　"),
        ("立卷日期", chinese_date(office_today(cover.filed_at)) if cover.filed_at else "　　年　　月　　日"),
        ("保管期限", in_chinese(cover.cover.retention)), ("备注", cover.cover.notes or "　"),
    )
    index_rows: list[tuple[str, ...]] = []
    number = 0
    for position, part in enumerate(found.parts, start=1):
        state = "（缺）" if part.missing else ("（无）" if not part.documents else "")
        index_rows.append((f"{_part_number(position)}、{in_chinese(part.part)}{state}",))
        for document in part.documents:
            number += 1
            # DA/T 22-2015 (归档文件整理规则): the date a document was made, in 8 Arabic digits.
            index_rows.append((str(number), document.title, f"{office_today(document.recorded_at):%Y%m%d}",
                               document.sha256[:16], ""))
    blocks: list[Block] = [
        KeyValueTable(rows),
        Text(f"本卷共{number}件。" + ("卷宗已归档。" if found.archived else "卷宗尚未归档。"), indent=False),
        PageBreak(), Title(INDEX_TITLE, row.number),
        Grid(("序号", "文件名称", "日期", "数字摘要（前16位）", "页号"), (0.08, 0.48, 0.14, 0.20, 0.10),
             tuple(index_rows)),
        Text("数字摘要为该文件记录的SHA-256摘要的前16位，完整摘要以存证日志为准。", indent=False),
    ]
    return Document(TITLE, tuple(blocks), reference=row.number, author=committee,
                    subject=f"{TITLE} {row.number}")
