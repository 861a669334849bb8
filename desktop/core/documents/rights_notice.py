"""The notice of rights and duties (权利义务告知书) a committee gives the parties before it mediates: the
parties' rights and duties quoted from the People's Mediation Law (2010) arts. 23 and 24, signed by each
party to acknowledge it."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from db.models import MediationCase
from desktop.core.documents.case_facts import case_people, party_name
from desktop.core.documents.layout import Document, Heading, Signatures, Text, chinese_date
from desktop.core.documents.wording import in_chinese
from desktop.core.office.office import get_office

TITLE = "权利义务告知书"
TEMPLATE_VERSION = 1

# 《中华人民共和国人民调解法》(2010) 第二十三条, quoted whole.
ARTICLE_23 = ("当事人在人民调解活动中享有下列权利：",
              ("（一）选择或者接受人民调解员；", "（二）接受调解、拒绝调解或者要求终止调解；",
               "（三）要求调解公开进行或者不公开进行；", "（四）自主表达意愿、自愿达成调解协议。"))
# 《中华人民共和国人民调解法》(2010) 第二十四条, quoted whole.
ARTICLE_24 = ("当事人在人民调解活动中履行下列义务：",
              ("（一）如实陈述纠纷事实；", "（二）遵守调解现场秩序，尊重人民调解员；",
               "（三）尊重对方当事人行使权利。"))


def rights_notice(session: Session, row: MediationCase, today: date) -> Document:
    """The notice for the case ``row``, addressed to its parties, dated ``today``."""
    people = case_people(session, row)
    office = get_office(session)
    committee = office.name if office else "本委员会"
    names = "、".join(party_name(party) for party in people.parties) or "各方当事人"
    blocks: list[Heading | Text | Signatures] = [
        Text(f"{names}：", indent=False),
        Text(f"{committee}受理的{row.number}纠纷，依照《中华人民共和国人民调解法》的规定，现将当事人在人民"
             "调解活动中享有的权利和履行的义务告知如下："),
        Heading("一、当事人享有的权利"),
        Text("《中华人民共和国人民调解法》第二十三条规定：" + ARTICLE_23[0]),
        *(Text(item) for item in ARTICLE_23[1]),
        Heading("二、当事人履行的义务"),
        Text("《中华人民共和国人民调解法》第二十四条规定：" + ARTICLE_24[0]),
        *(Text(item) for item in ARTICLE_24[1]),
        Text("人民调解委员会调解民间纠纷，不收取任何费用（《中华人民共和国人民调解法》第四条）。"),
        Text(committee, indent=False, right=True),
        Text(chinese_date(today), indent=False, right=True),
        Heading("当事人确认"),
        Text("本人已阅读并知悉上述权利和义务。"),
        Signatures(tuple(f"{in_chinese(party.role)}{party_name(party)}" for party in people.parties)
                   or ("当事人",)),
    ]
    return Document(TITLE, tuple(blocks), reference=row.number, author=committee,
                    subject=f"{TITLE} {row.number}")
