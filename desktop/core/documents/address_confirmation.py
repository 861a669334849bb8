"""A party's confirmation of its service address (送达地址确认书): the address, recipient, phone, postcode,
email and consent to electronic service, the notice of what a wrong or stale address leads to, and the
party's signature. Per party, or every party each on its own page. A party with no address confirmed yet
gets the form with blanks to fill in by hand.

The notice follows SPC rules on service by court mail (法释〔2004〕13号) art. 11 (a paper returned
because the address given was wrong, changed without notice or refused counts as served on the day it
comes back), the SPC opinions on civil service (法发〔2017〕19号: what a confirmation holds, its scope and
how to change it), the SPC interpretation of the Civil Procedure Law art. 137 (the address confirmed holds
for the later stages unless changed in writing) and Civil Procedure Law (2023) art. 90 (electronic
service with consent; served on the day it reaches the recipient's system). The confirmation goes with the
application for judicial confirmation (法释〔2011〕5号 art. 3: the parties' service addresses)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from db.models import MediationCase
from desktop.core.cases.matters import details_of
from desktop.core.documents.case_facts import case_people, chosen_parties, office_name, party_name
from desktop.core.documents.layout import (
    Block,
    Document,
    Heading,
    KeyValueTable,
    PageBreak,
    Signatures,
    Text,
    Title,
)
from desktop.core.documents.wording import in_chinese

TITLE = "送达地址确认书"
TEMPLATE_VERSION = 1

NOTICE = (
    "一、为便于当事人及时收到人民调解委员会和人民法院的法律文书，当事人应当如实提供准确的送达地址，并填写"
    "本确认书。",
    "二、确认的送达地址适用于调解、司法确认程序及其后的诉讼、执行程序；当事人在上述程序中未书面变更送达"
    "地址的，本确认书确认的地址继续有效（最高人民法院关于适用《中华人民共和国民事诉讼法》的解释第一百三十"
    "七条）。",
    "三、送达地址变更的，当事人应当及时书面告知人民调解委员会或者人民法院变更后的送达地址。",
    "四、因当事人提供或者确认的送达地址不准确、拒不提供送达地址、送达地址变更未及时告知，或者当事人本人、"
    "指定的代收人拒绝签收，导致文书未能被实际接收的，邮寄送达的，以文书退回之日视为送达之日；直接送达的，"
    "送达人当场在送达回证上记明情况之日视为送达之日（最高人民法院关于以法院专递方式邮寄送达民事诉讼文书的"
    "若干规定第十一条、最高人民法院关于进一步加强民事送达工作的若干意见）。",
    "五、当事人同意电子送达的，以传真、电子邮件等到达其特定系统的日期为送达日期（《中华人民共和国民事诉讼法》"
    "第九十条）。",
)
BLANK = "　" * 8  # room to write by hand


def address_confirmation(session: Session, row: MediationCase, party_id: int | None,
                         today: date) -> Document:
    """The confirmation of party ``party_id`` of case ``row`` (every party's, each on its own page, when
    None); ``NotFound`` for a party not of the case."""
    del today  # the party dates it when signing
    people = case_people(session, row)
    chosen = chosen_parties(people, party_id, row.number)
    details = details_of(session, row)
    committee = office_name(session)
    blocks: list[Block] = []
    for index, party in enumerate(chosen):
        if index:
            blocks.extend((PageBreak(), Title(TITLE, row.number)))
        service = party.service
        consent = "" if service is None else ("同意" if service.electronic_consent else "不同意")
        blocks.extend((
            KeyValueTable((
                ("案号", row.number), ("纠纷名称", details.title),
                ("受送达人", f"{party_name(party)}（{in_chinese(party.role)}）"),
                ("送达地址", service.address if service else BLANK),
                ("收件人", (service.recipient or party_name(party)) if service else BLANK),
                ("联系电话", service.phone if service and service.phone else BLANK),
                ("邮政编码", service.postcode if service and service.postcode else BLANK),
                ("电子邮箱", service.email if service and service.email else BLANK),
                ("是否同意电子送达", consent or "□同意　□不同意"),
            )),
            Heading("告知事项"),
            *(Text(item) for item in NOTICE),
            Heading("受送达人确认"),
            Text("本人已阅读（听明白）本确认书的告知事项，确认上栏送达地址及送达方式，并保证所提供的送达地址"
                 "各项内容准确、有效。送达地址变更时，本人将及时书面告知。"),
            Signatures((f"受送达人{party_name(party)}",)),
        ))
        if committee:
            blocks.append(Text(f"（{committee}留存）", indent=False, right=True))
    return Document(TITLE, tuple(blocks), reference=row.number, author=committee,
                    subject=f"{TITLE} {row.number}")
