"""Each applicant's commitment letter (承诺书) that goes with the application for judicial confirmation:
the agreement is its true and voluntary intent, lawful, harms no state, collective or third-party interest,
the materials are true, and it knows the consequences of false mediation and false litigation. One per
party; without a party named, one PDF with each party's letter on its own page."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from db.models import MediationCase
from desktop.core.cases.matters import details_of
from desktop.core.documents.application import written_agreement
from desktop.core.documents.case_facts import (
    case_people,
    chosen_parties,
    identity_text,
    office_name,
    party_name,
)
from desktop.core.documents.layout import Block, Document, PageBreak, Signatures, Text, Title, chinese_date
from desktop.core.documents.wording import in_chinese

TITLE = "承诺书"
TEMPLATE_VERSION = 1

# 《中华人民共和国民事诉讼法》(2023) 第一百一十五条第一款, quoted whole: false mediation and litigation.
ARTICLE_115 = ("当事人之间恶意串通，企图通过诉讼、调解等方式侵害国家利益、社会公共利益或者他人合法权益的，"
               "人民法院应当驳回其请求，并根据情节轻重予以罚款、拘留；构成犯罪的，依法追究刑事责任。")


def commitment(session: Session, row: MediationCase, party_id: int | None, today: date) -> Document:
    """The commitment of party ``party_id`` of case ``row`` (every party's, each on its own page, when
    None), dated ``today``. Refused like the application without a written agreement in force; ``NotFound``
    for a party not of the case."""
    agreement = written_agreement(session, row)
    assert agreement.effective_on is not None
    people = case_people(session, row)
    chosen = chosen_parties(people, party_id, row.number)
    details = details_of(session, row)
    committee = office_name(session) or "人民调解委员会"
    blocks: list[Block] = []
    for index, party in enumerate(chosen):
        if index:
            blocks.extend((PageBreak(), Title(TITLE, row.number)))
        others = "、".join(party_name(other) for other in people.parties if other.id != party.id) \
            or "对方当事人"
        blocks.extend((
            Text(f"承诺人（{in_chinese(party.role)}）：{identity_text(party)}", indent=False),
            Text(f"承诺人与{others}因{details.title}发生纠纷，经{committee}主持调解，于"
                 f"{chinese_date(agreement.effective_on)}达成人民调解协议（案号：{row.number}）。承诺人现与其他当事人"
                 "共同申请人民法院确认该调解协议的效力，郑重承诺如下："),
            Text("一、该调解协议是承诺人的真实意思表示，系自愿达成，不存在欺诈、胁迫、乘人之危等情形。"),
            Text("二、该调解协议的内容不违反法律、行政法规的强制性规定，不违背公序良俗，不损害国家利益、社会"
                 "公共利益、集体利益和案外第三人的合法权益，不涉及身份关系及物权、知识产权的确权。"),
            Text("三、承诺人向人民法院提交的证据材料和身份证明等材料真实、合法、有效，所陈述的事实真实。"),
            Text("四、承诺人已知悉：《中华人民共和国民事诉讼法》第一百一十五条规定，" + ARTICLE_115
                 + "承诺人如有虚假调解、虚假诉讼行为，愿意承担由此产生的一切法律责任。"),
            Text("五、承诺人已知悉司法确认申请的受理条件和不予确认的情形，人民法院确认调解协议有效后，一方"
                 "当事人拒绝履行或者未全部履行的，对方当事人可以向人民法院申请强制执行。"),
            Signatures((f"承诺人{party_name(party)}",), dated=False, on=chinese_date(today)),
        ))
    return Document(TITLE, tuple(blocks), reference=row.number, author=committee,
                    subject=f"{TITLE} {row.number}")
