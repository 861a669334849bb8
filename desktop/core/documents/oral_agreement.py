"""The register of an oral agreement (口头协议登记表): People's Mediation Law art. 28, when the parties see
no need for a written agreement the mediator records the content of their oral agreement; art. 30, it
takes effect on the day it is reached. Printed from the standing oral-agreement outcome of the case."""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from db.models import MediationCase
from desktop.core.cases.matters import details_of
from desktop.core.cases.outcomes import OutcomeKind, standing_agreement
from desktop.core.documents.case_facts import case_people, identity_text, local_time, office_name, party_name
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
from desktop.core.errors import QT_TRANSLATE_NOOP, NotAllowed
from desktop.core.trust.users import real_names

TITLE = "口头协议登记表"
TEMPLATE_VERSION = 1


def oral_agreement(session: Session, row: MediationCase) -> Document:
    """The register of the oral agreement in force for case ``row``; ``NotAllowed`` when there is none."""
    agreement = standing_agreement(session, row)
    if agreement is None or OutcomeKind(agreement.kind) is not OutcomeKind.ORAL_AGREEMENT \
            or agreement.effective_on is None:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "Case {number} has no oral agreement on record (People's Mediation Law art. 28)."),
            number=row.number)
    content = str(json.loads(agreement.canonical).get("content", ""))
    details = details_of(session, row)
    people = case_people(session, row)
    committee = office_name(session)
    recorder = real_names(session, (agreement.recorded_by,)).get(agreement.recorded_by) \
        or agreement.recorded_by
    rows: list[tuple[str, str]] = [("案号", row.number), ("纠纷名称", details.title)]
    rows.extend((in_chinese(party.role), identity_text(party)) for party in people.parties)
    rows.extend((
        ("调解员", "、".join(people.mediators) or "—"),
        ("协议达成日期", chinese_date(agreement.effective_on)),
        ("登记人", recorder), ("登记时间", local_time(agreement.recorded_at)),
    ))
    blocks: list[Block] = [
        KeyValueTable(tuple(rows)),
        Heading("协议内容"),
        *(Text(line) for line in content.splitlines() if line.strip()),
        Text("本口头协议自各方当事人达成协议之日起生效（《中华人民共和国人民调解法》第三十条），对当事人具有"
             "法律约束力，当事人应当按照约定履行（第三十一条）。"),
        Text(f"记录数字摘要（SHA-256）：{agreement.record_sha256}", indent=False),
        Signatures((*(f"{in_chinese(party.role)}{party_name(party)}" for party in people.parties),
                    "调解员", "登记人"), dated=False),
    ]
    if committee:
        blocks.append(Text(committee, indent=False, right=True))
    return Document(TITLE, tuple(blocks), reference=row.number, author=committee,
                    subject=f"{TITLE} {row.number}")
