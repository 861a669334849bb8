"""The mediation agreement as a document (人民调解协议书, after the Ministry of Justice's form of 2010):
title, number, the parties with their identity and agents, the facts, disputed matters and each side's
responsibility (People's Mediation Law art. 29), 经调解，自愿达成如下协议 and the numbered clauses,
performance, breach, copies, then the signature blocks: each party (签名或按指印; an organisation's seal and
its representative), the mediator, the recorder, the committee's seal and the date. Drawn only from the
printed content (``agreement_content``): a finalised agreement prints what was sealed."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop.core.documents.layout import Block, Document, Heading, Text, Together, chinese_date

TEMPLATE_VERSION = 1
DRAFT_MARK = "草稿"
SIGN_SPACE = "\u00a0"  # an empty line (a no-break space: a blank paragraph would be dropped): room to sign


def _signature_blocks(content: dict[str, Any], effective_on: date | None) -> list[Block]:
    blocks: list[Block] = []
    for party in content["parties"]:
        blocks.append(Text(SIGN_SPACE, indent=False))
        if party["organisation"]:
            blocks.append(Text(f"{party['role_name']}：{party['name']}（盖章）", indent=False))
            blocks.append(Text("法定代表人（主要负责人）或委托代理人（签名）：", indent=False))
        else:
            blocks.append(Text(f"{party['role_name']}：{party['name']}（签名或按指印）：", indent=False))
    blocks.append(Text(SIGN_SPACE, indent=False))
    blocks.append(Text("调解员（签名）：", indent=False))
    blocks.append(Text(SIGN_SPACE, indent=False))
    blocks.append(Text("记录人（签名）：", indent=False))
    blocks.append(Text(SIGN_SPACE, indent=False))
    # The seal and the date in one paragraph, so that a page break never parts them.
    day = chinese_date(effective_on) if effective_on else "年　　月　　日"
    blocks.append(Text(f"{content['committee'] or '人民调解委员会'}（印）\n{day}", indent=False, right=True))
    return blocks


def agreement_document(content: dict[str, Any], *, effective_on: date | None = None,
                       draft: bool = False) -> Document:
    """The document of the printed ``content``; ``draft`` marks every part a draft (草稿), and
    ``effective_on`` dates a finalised one."""
    blocks: list[Block] = []
    if draft:
        blocks.append(Text(f"【{DRAFT_MARK}】本稿尚未经当事人签名、调解员签名和人民调解委员会盖章，不发生效力。",
                           indent=False))
    supplements = content.get("supplements")
    for party in content["parties"]:
        blocks.append(Text(f"{party['role_name']}：{party['identity']}", indent=False))
        for agent in party["agents"]:
            blocks.append(Text(f"委托代理人：{agent}", indent=False))
    if supplements:
        blocks.append(Text(f"本补充协议是对{content['number']}《人民调解协议书》（{chinese_date(date.fromisoformat(supplements['effective_on']))}"
                           "生效）的补充，与原协议具有同等效力；本补充协议未作约定的，仍按原协议执行。"))
    if content["facts"] or content["disputed"]:
        blocks.append(Heading("纠纷主要事实、争议事项"))
        blocks.extend(Text(paragraph) for paragraph in (content["facts"], content["disputed"]) if paragraph)
    if content["responsibility"]:
        blocks.append(Heading("各方责任"))
        blocks.append(Text(content["responsibility"]))
    blocks.append(Heading("经调解，自愿达成如下协议："))
    for clause in content["clauses"]:
        blocks.append(Text(f"{clause['heading']}　{clause['text']}"))
    performance = content["performance"]
    lines = [line for line in (
        f"履行方式：{performance['manner']}" if performance["manner"] else "",
        f"履行地点：{performance['place']}" if performance["place"] else "",
        f"履行期限：{chinese_date(date.fromisoformat(performance['deadline']))}前履行完毕。"
        if performance["deadline"] else "") if line]
    if lines:
        blocks.append(Heading("履行协议的方式、地点、期限"))
        blocks.extend(Text(line) for line in lines)
    if content["breach_liability"]:
        blocks.append(Heading("违约责任"))
        blocks.append(Text(content["breach_liability"]))
    blocks.append(Text(content["copies_text"]))
    # The signature section on one page where it fits there: never the seal and the date alone on the last.
    blocks.append(Together(tuple(_signature_blocks(content, effective_on))))
    title = content["title"] + (f"（{DRAFT_MARK}）" if draft else "")
    return Document(title, tuple(blocks), reference=content["number"], author=content["committee"],
                    subject=f"{content['title']} {content['number']}")
