"""The registration form of a case (受理登记表): what was received, from whom, when, and who mediates,
as the committee's file keeps it (卷宗 part "application and registration")."""

from __future__ import annotations

from sqlalchemy.orm import Session

from db.models import MediationCase
from desktop.core.cases.matters import details_of
from desktop.core.documents.amounts import amount_in_capitals
from desktop.core.documents.case_facts import agent_text, case_people, identity_text, party_name, service_text
from desktop.core.documents.layout import Document, Heading, KeyValueTable, Signatures, Text, chinese_date
from desktop.core.documents.wording import in_chinese
from desktop.core.office.office import get_office

TITLE = "受理登记表"
TEMPLATE_VERSION = 1


def registration(session: Session, row: MediationCase) -> Document:
    """The registration form of the case ``row`` from its current details, parties and agents."""
    details = details_of(session, row)
    people = case_people(session, row)
    office = get_office(session)
    case_type = in_chinese(details.case_type)
    if details.patent_kind is not None:
        case_type += f"（{in_chinese(details.patent_kind)}）"
    rows: list[tuple[str, str]] = [("案号", row.number), ("纠纷名称", details.title), ("纠纷类型", case_type),
                                   ("受理日期", chinese_date(details.received_on))]
    if details.source is not None:
        source = in_chinese(details.source)
        court = "，".join(part for part in (details.court_name, details.court_case_number) if part)
        rows.append(("纠纷来源", source + (f"（{court}）" if court else "")))
    for party in people.parties:
        rows.append((in_chinese(party.role), identity_text(party) + "\n" + service_text(party.service)))
        for agent in people.agents_of(party.id):
            rows.append(("委托代理人", f"{party_name(party)}的委托代理人：{agent_text(agent.agent)}"))
    if not people.parties:
        rows.append(("当事人", "尚未登记。"))
    if details.amount_claimed is not None:
        in_figures = f"¥{details.amount_claimed:,.2f}"
        rows.append(("请求金额", f"{amount_in_capitals(details.amount_claimed)}（{in_figures}）"))
    rows.append(("调解员", "、".join(people.mediators) if people.mediators else "尚未指派。"))
    blocks: list[Heading | Text | KeyValueTable | Signatures] = [KeyValueTable(tuple(rows))]
    if details.requests:
        # The requests as numbered paragraphs below the grid: a long list runs on over pages as text does.
        blocks.append(Heading("调解请求"))
        blocks.extend(Text(f"{index}. {request}", indent=False)
                      for index, request in enumerate(details.requests, start=1))
    if details.summary:
        blocks.extend((Heading("纠纷简要情况"), Text(details.summary)))
    blocks.append(Signatures(("登记人",)))
    return Document(TITLE, tuple(blocks), reference=row.number, author=office.name if office else "",
                    subject=f"{TITLE} {row.number}")
