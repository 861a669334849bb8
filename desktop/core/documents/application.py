"""The parties' joint application for judicial confirmation of their mediation agreement (司法确认申请书):
every party as an applicant with identity, service address and agents, the request, the facts and
reasons, the court addressed, signatures and date, and the attachments the court asks for.

Civil Procedure Law (2023) art. 205: the parties apply jointly within 30 days from the day the agreement
takes effect, to the court art. 205 names (``courts.suggest_court``). What goes with the application:
- SPC rules on judicial confirmation of people's mediation agreements (法释〔2011〕5号) art. 3: “当事人申请
  确认调解协议，应当向人民法院提交司法确认申请书、调解协议和身份证明、资格证明，以及与调解协议相关的
  财产权利证明等证明材料，并提供双方当事人的送达地址、电话号码等联系方式。委托他人代为申请的，必须向
  人民法院提交由委托人签名或者盖章的授权委托书。”
- SPC interpretation of the Civil Procedure Law (2022) art. 354: the agreement, proof that the mediation
  organisation conducted the mediation (调解组织主持调解的证明), proof of the property rights involved,
  and the parties' identity, domicile and contacts.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from db.models import MediationCase
from db.outcomes import CaseOutcome
from desktop.core.cases.deadlines import confirmation_deadline
from desktop.core.cases.matters import CaseSource, details_of
from desktop.core.cases.outcomes import OutcomeKind, standing_agreement
from desktop.core.cases.persons import Organisation
from desktop.core.documents.case_facts import (
    agent_text,
    case_people,
    identity_text,
    office_name,
    party_name,
    service_text,
)
from desktop.core.documents.courts import suggest_court
from desktop.core.documents.layout import Block, Document, Heading, Signatures, Text, chinese_date
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput, NotAllowed
from desktop.core.office.courts import CourtInfo, find_court

TITLE = "司法确认申请书"
TEMPLATE_VERSION = 1


def written_agreement(session: Session, row: MediationCase) -> CaseOutcome:
    """The written agreement in force for the case (the standing written-agreement outcome, which the
    finalised agreement records), else ``NotAllowed``: judicial confirmation confirms a written agreement."""
    agreement = standing_agreement(session, row)
    if agreement is None or OutcomeKind(agreement.kind) is not OutcomeKind.WRITTEN_AGREEMENT \
            or agreement.effective_on is None:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "Case {number} has no written agreement in force: the papers for judicial confirmation "
            "follow a signed mediation agreement (Civil Procedure Law art. 205)."), number=row.number)
    return agreement


def _court(session: Session, row: MediationCase, chosen: int | None) -> CourtInfo:
    """The clerk's choice of court, else the suggestion of Civil Procedure Law art. 205."""
    if chosen is not None:
        court = find_court(session, chosen)
        if not court.active:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "{court} is no longer an active court of the office's list."), field="court",
                court=court.name)
        return court
    suggestion = suggest_court(session, row.number)
    if suggestion.court is None:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "No court of the office's list fits case {number} (Civil Procedure Law art. 205): "
            "choose the court to address, or add it to the list."), field="court", number=row.number)
    return suggestion.court


def _standing_papers(parties: list[tuple[str, bool]]) -> str:
    """Identity papers for a person, licence and representative's papers for an organisation."""
    parts = [f"{name}的营业执照（或登记证书）复印件及法定代表人（主要负责人）身份证明书" if organisation
             else f"{name}的居民身份证（或其他身份证件）复印件" for name, organisation in parties]
    return "；".join(parts)


def application(session: Session, row: MediationCase, court_id: int | None, today: date) -> Document:
    """The joint application of every party of case ``row`` to confirm its written agreement, addressed to
    ``court_id`` (else the suggested court), dated ``today``. Refused (``NotAllowed``) without a written
    agreement in force, or after the last day to apply: the court would refuse a late application."""
    agreement = written_agreement(session, row)
    assert agreement.effective_on is not None
    # Civil Procedure Law art. 205: within 30 days from the day the agreement takes effect (the period
    # counted as Civil Code arts. 201 and 203 count it: from the next day, a rest day at its end moving on).
    last_day = confirmation_deadline(agreement.effective_on).last_day
    if today > last_day:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "The agreement of case {number} took effect on {effective}: the parties could apply "
            "for judicial confirmation until {last} (Civil Procedure Law art. 205, 30 days). A court "
            "refuses a later application."), number=row.number, effective=agreement.effective_on.isoformat(),
            last=last_day.isoformat())
    court = _court(session, row, court_id)
    details = details_of(session, row)
    people = case_people(session, row)
    committee = office_name(session) or "人民调解委员会"
    effective = chinese_date(agreement.effective_on)
    names = "、".join(party_name(party) for party in people.parties)

    blocks: list[Block] = []
    for party in people.parties:
        # Every party applies (Civil Procedure Law art. 205: 双方当事人共同申请), whatever its role in the
        # mediation.
        blocks.append(Text(f"申请人：{identity_text(party)}", indent=False))
        blocks.append(Text(service_text(party.service), indent=False))
        for agent in people.agents_of(party.id):
            blocks.append(Text(f"委托代理人：{agent_text(agent.agent)}", indent=False))
    blocks.append(Heading("请求事项"))
    blocks.append(Text(f"请求确认申请人{names}于{effective}经{committee}主持调解达成的人民调解协议"
                       f"（案号：{row.number}）有效。"))
    blocks.append(Heading("事实和理由"))
    if details.source is CaseSource.COURT_INVITED and details.court_name:
        began = f"经{details.court_name}委派{committee}进行调解"
    elif details.source is CaseSource.COURT_ENTRUSTED and details.court_name:
        began = f"经{details.court_name}委托{committee}进行调解"
    else:
        began = f"于{chinese_date(details.received_on)}向{committee}申请调解"
    blocks.append(Text(f"申请人之间因{details.title}发生纠纷，{began}。经{committee}主持调解，各方当事人于"
                       f"{effective}自愿达成人民调解协议，并已签名、盖章或者按指印，由人民调解员签名并加盖"
                       "人民调解委员会印章，该协议自即日起生效（《中华人民共和国人民调解法》第二十九条）。"))
    blocks.append(Text("该调解协议是各方当事人的真实意思表示，内容不违反法律、行政法规的强制性规定，不损害国家"
                       "利益、社会公共利益和他人合法权益，不涉及身份关系及物权、知识产权的确权。为使调解协议"
                       "具有强制执行力，依照《中华人民共和国人民调解法》第三十三条、《中华人民共和国民事诉讼法》"
                       f"第二百零五条的规定，申请人于调解协议生效之日起三十日内（至{chinese_date(last_day)}止）"
                       "共同向贵院申请司法确认，请予确认。"))
    blocks.append(Text("此致", indent=True))
    blocks.append(Text(court.name, indent=False))
    blocks.append(Signatures(tuple(f"申请人{party_name(party)}" for party in people.parties), dated=False,
                             on=chinese_date(today)))

    # 法释〔2011〕5号 art. 3 and 民诉法解释 (2022) art. 354: what the court asks to see with the application.
    blocks.append(Heading("附："))
    attachments = [f"人民调解协议书（案号：{row.number}）一份；",
                   f"{committee}出具的调解组织主持调解的证明一份；",
                   "申请人的身份证明、资格证明：" + _standing_papers(
                       [(party_name(party), isinstance(party.identity, Organisation))
                        for party in people.parties]) + "；"]
    agents = [(party, agent) for party in people.parties for agent in people.agents_of(party.id)]
    if agents:
        given = "、".join(f"{party_name(party)}委托{agent.agent.name}" for party, agent in agents)
        attachments.append(f"由委托人签名或者盖章的授权委托书{len(agents)}份（{given}）及代理人的身份证明、"
                           "执业证复印件；")
    attachments.append("与调解协议相关的财产权利证明（如" + _rights_papers(details.case_type.value) + "）；")
    attachments.append(f"送达地址确认书{len(people.parties)}份；")
    attachments.append(f"承诺书{len(people.parties)}份。")
    blocks.extend(Text(f"{index}. {text}", indent=False) for index, text in enumerate(attachments, start=1))
    return Document(TITLE, tuple(blocks), reference=row.number, author=committee,
                    subject=f"{TITLE} {row.number}")


# The papers that prove the right a dispute is about, by case type (the clerk crosses out what does not
# apply): what a court means by 与调解协议相关的财产权利证明 in an IP dispute.
_RIGHTS_PAPERS = {
    "patent": "专利证书、专利登记簿副本及年费缴纳凭证",
    "trademark": "商标注册证及核准续展、转让证明",
    "copyright": "作品登记证书或其他权属证明",
    "trade-secret": "商业秘密权属及保密措施的证明材料",
    "plant-variety": "植物新品种权证书",
    "ic-layout": "集成电路布图设计登记证书",
    "geographical-indication": "地理标志产品保护或注册证明",
}


def _rights_papers(case_type: str) -> str:
    return _RIGHTS_PAPERS.get(case_type, "权利证书、许可合同等权属证明")
