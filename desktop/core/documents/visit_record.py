"""A follow-up visit's record (回访记录): when, who visited, the matter looked into and what was found
(was the agreement performed; People's Mediation Law art. 31: the committee sees to the performance of
its agreements). Printed from the recorded visit named by the request."""

from __future__ import annotations

from sqlalchemy.orm import Session

from db.models import MediationCase
from desktop.core.cases.matters import details_of
from desktop.core.cases.outcomes import standing_agreement
from desktop.core.cases.visits import list_visits
from desktop.core.documents.case_facts import case_people, local_time, office_name, party_name
from desktop.core.documents.layout import (
    Block,
    Document,
    Heading,
    KeyValueTable,
    Signatures,
    Text,
    chinese_date,
)
from desktop.core.documents.wording import in_chinese
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput, NotFound
from desktop.core.trust.users import real_names

TITLE = "回访记录"
TEMPLATE_VERSION = 1


def visit_record(session: Session, row: MediationCase, visit_id: int | None) -> Document:
    """The record of visit ``visit_id`` of case ``row``: ``InvalidInput`` naming the visits there are when
    none is named, ``NotFound`` for a visit not of the case."""
    visits = list_visits(session, row.number)
    if not visits:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "Case {number} has no follow-up visit recorded."),
                       field="visit", number=row.number)
    listed = "、".join(f"{visit.id}（{visit.visited_on.isoformat()}）" for visit in visits)
    if visit_id is None:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "Name the visit to print; case {number} has the visits {visits}."), field="visit",
            number=row.number, visits=listed)
    visit = next((found for found in visits if found.id == visit_id), None)
    if visit is None:
        raise NotFound(QT_TRANSLATE_NOOP(
            "errors", "Case {number} has no visit {visit}; its visits are {visits}."), field="visit",
            number=row.number, visit=visit_id, visits=listed)
    details = details_of(session, row)
    people = case_people(session, row)
    agreement = standing_agreement(session, row)
    committee = office_name(session)
    recorder = real_names(session, (visit.recorded_by,)).get(visit.recorded_by) or visit.recorded_by
    rows: list[tuple[str, str]] = [
        ("案号", row.number), ("纠纷名称", details.title),
        ("当事人", "、".join(f"{in_chinese(party.role)}{party_name(party)}" for party in people.parties)
         or "—")]
    if agreement is not None and agreement.effective_on is not None:
        rows.append(("协议生效日期", chinese_date(agreement.effective_on)))
    rows.extend((("回访日期", chinese_date(visit.visited_on)), ("回访人", visit.visitors),
                 ("回访事项", visit.matter), ("记录人", recorder),
                 ("记录时间", local_time(visit.recorded_at))))
    blocks: list[Block] = [
        KeyValueTable(tuple(rows)),
        Heading("回访情况"),
        *(Text(line) for line in visit.findings.splitlines() if line.strip()),
        Text(f"记录数字摘要（SHA-256）：{visit.record_sha256}", indent=False),
        Signatures(("回访人", "被回访人"), dated=False),
    ]
    if committee:
        blocks.append(Text(committee, indent=False, right=True))
    return Document(TITLE, tuple(blocks), reference=row.number, author=committee,
                    subject=f"{TITLE} {row.number}")
