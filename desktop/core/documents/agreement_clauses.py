"""The clauses of a mediation agreement: the texts suggested for each kind of clause and case type, in the
Chinese a mediator writes, with blanks (``____``) the mediator fills; and a clause as printed, its amount
in capitals and figures and its dates in Chinese."""

from __future__ import annotations

from decimal import Decimal

from desktop.core.cases.matters import CaseType
from desktop.core.documents.agreement_model import AMOUNT_MARK, BLANK, Clause, ClauseKind
from desktop.core.documents.amounts import amount_in_capitals
from desktop.core.documents.layout import chinese_date

_B = BLANK
_EFFECT = "自本协议生效之日起"

# The infringing act each case type stops (停止侵权), as the statutes name it: Patent Law art. 11,
# Trademark Law art. 57, Copyright Law art. 52-53, Anti-Unfair Competition Law arts. 6 and 9, Seed Law
# art. 28, Regulations on IC layout designs art. 30.
_STOP = {
    CaseType.PATENT: f"被申请人{_EFFECT}立即停止制造、使用、许诺销售、销售、进口落入申请人第{_B}号专利权保护"
                     f"范围的{_B}产品。",
    CaseType.TRADEMARK: f"被申请人{_EFFECT}立即停止在其生产、销售的{_B}商品及其包装、宣传材料上使用与申请人第"
                        f"{_B}号注册商标相同或者近似的标识。",
    CaseType.COPYRIGHT: f"被申请人{_EFFECT}立即停止复制、发行、通过信息网络传播申请人享有著作权的"
                        f"作品《{_B}》。",
    CaseType.TRADE_SECRET: f"被申请人{_EFFECT}立即停止披露、使用或者允许他人使用申请人的{_B}"
                           f"（技术信息或者经营信息）。",
    CaseType.PLANT_VARIETY: f"被申请人{_EFFECT}立即停止生产、繁殖、销售授权品种“{_B}”（品种权号：{_B}）的繁殖"
                            f"材料。",
    CaseType.GEOGRAPHICAL_INDICATION: f"被申请人{_EFFECT}立即停止在其{_B}产品及其包装上使用“{_B}”地理标志。",
    CaseType.IC_LAYOUT: f"被申请人{_EFFECT}立即停止复制、为商业目的利用申请人登记号为{_B}的"
                        f"集成电路布图设计。",
    CaseType.UNFAIR_COMPETITION: f"被申请人{_EFFECT}立即停止使用与申请人有一定影响的商品名称、"
                                 f"包装、装潢“{_B}”相同或者近似的标识。",
    CaseType.OTHER: f"被申请人{_EFFECT}立即停止{_B}行为。",
}
# What is destroyed (销毁): the infringing goods and what makes them.
_DESTROY = {
    CaseType.TRADEMARK: "库存的侵权商品及带有侵权标识的包装、标签",
    CaseType.TRADE_SECRET: "载有申请人商业秘密的图纸、文件、电子数据等载体（或者返还申请人）",
    CaseType.PLANT_VARIETY: "库存的侵权繁殖材料",
    CaseType.GEOGRAPHICAL_INDICATION: "库存的带有该地理标志的包装、标签",
}
_DESTROY_DEFAULT = "库存的侵权产品及专用于制造侵权产品的模具"
# The clauses each case type starts from (the mediator removes, adds and fills them).
DEFAULTS: dict[CaseType, tuple[ClauseKind, ...]] = {
    CaseType.PATENT: (ClauseKind.STOP_USE, ClauseKind.DESTROY_STOCK, ClauseKind.COMPENSATION,
                      ClauseKind.OTHER),
    CaseType.TRADEMARK: (ClauseKind.STOP_USE, ClauseKind.DESTROY_STOCK, ClauseKind.REMOVE_LISTINGS,
                         ClauseKind.COMPENSATION, ClauseKind.OTHER),
    CaseType.COPYRIGHT: (ClauseKind.STOP_USE, ClauseKind.REMOVE_LISTINGS, ClauseKind.APOLOGY,
                         ClauseKind.COMPENSATION, ClauseKind.OTHER),
    CaseType.TRADE_SECRET: (ClauseKind.STOP_USE, ClauseKind.DESTROY_STOCK, ClauseKind.CONFIDENTIALITY,
                            ClauseKind.COMPENSATION, ClauseKind.OTHER),
    CaseType.PLANT_VARIETY: (ClauseKind.STOP_USE, ClauseKind.DESTROY_STOCK, ClauseKind.COMPENSATION,
                             ClauseKind.OTHER),
    CaseType.GEOGRAPHICAL_INDICATION: (ClauseKind.STOP_USE, ClauseKind.DESTROY_STOCK,
                                       ClauseKind.REMOVE_LISTINGS, ClauseKind.COMPENSATION, ClauseKind.OTHER),
    CaseType.IC_LAYOUT: (ClauseKind.STOP_USE, ClauseKind.COMPENSATION, ClauseKind.OTHER),
    CaseType.UNFAIR_COMPETITION: (ClauseKind.STOP_USE, ClauseKind.REMOVE_LISTINGS, ClauseKind.COMPENSATION,
                                  ClauseKind.OTHER),
    CaseType.OTHER: (ClauseKind.STOP_USE, ClauseKind.COMPENSATION, ClauseKind.OTHER),
}

BREACH_DEFAULT = ("任何一方不履行或者不完全履行本协议的，应当承担相应的违约责任；"
                  "被申请人逾期支付款项的，申请人可以就全部未付款项一并主张。当事人之间就调解协议的履行或者调解协议的内容发生争议的，一方当事人"
                  "可以向人民法院提起诉讼（《中华人民共和国人民调解法》第三十二条）。")
MANNER_DEFAULT = f"被申请人以银行转账方式将款项支付至申请人指定的账户（开户行：{_B}，账号：{_B}）。"


def _case_type(case_type: CaseType | str) -> CaseType:
    try:
        return CaseType(case_type)
    except ValueError:
        return CaseType.OTHER


def clause_template(case_type: CaseType | str, kind: ClauseKind) -> Clause:
    """The suggested clause of ``kind`` for a case of ``case_type``."""
    chosen = _case_type(case_type)
    if kind is ClauseKind.STOP_USE:
        text = _STOP[chosen]
    elif kind is ClauseKind.DESTROY_STOCK:
        text = (f"被申请人{_EFFECT}{_B}日内销毁{_DESTROY.get(chosen, _DESTROY_DEFAULT)}，申请人可以派员到场"
                "见证。")
    elif kind is ClauseKind.REMOVE_LISTINGS:
        text = f"被申请人{_EFFECT}{_B}日内删除其在{_B}平台（店铺名称：{_B}）发布的涉案商品链接及宣传信息。"
    elif kind is ClauseKind.LICENCE:
        text = (f"申请人许可被申请人在{_B}范围内以普通许可方式使用{_B}，"
                f"许可期限自{_B}起至{_B}止，许可使用费为{AMOUNT_MARK}。双方另行签订书面许可合同，并依法办理备案。")
    elif kind is ClauseKind.COMPENSATION:
        text = f"被申请人向申请人支付经济损失及为制止侵权行为所支付的合理开支共计{AMOUNT_MARK}。"
    elif kind is ClauseKind.APOLOGY:
        text = f"被申请人{_EFFECT}{_B}日内以书面形式向申请人赔礼道歉，致歉内容须经申请人认可。"
    elif kind is ClauseKind.CONFIDENTIALITY:
        text = ("双方对本协议内容及调解过程中知悉的对方商业秘密负有保密义务，"
                "但依法申请司法确认、申请强制执行或者履行法定披露义务的除外。")
    else:
        text = "申请人放弃其他调解请求。双方就本纠纷再无其他争议。"
    return Clause(kind, text)


def clause_templates(case_type: CaseType | str) -> list[Clause]:
    """The clauses suggested for a case of ``case_type``, in the order an agreement states them."""
    return [clause_template(case_type, kind) for kind in DEFAULTS[_case_type(case_type)]]


# --- a clause as printed ----------------------------------------------------------------------------

_NUMERALS = "零一二三四五六七八九"


def chinese_count(number: int) -> str:
    """A positive whole number below 1000 in Chinese numerals as counts are written: 3 → 三, 12 → 十二,
    20 → 二十, 105 → 一百零五."""
    if not 0 < number < 1000:
        raise ValueError(number)
    hundreds, tens, units = number // 100, number // 10 % 10, number % 10
    out = ""
    if hundreds:
        out += _NUMERALS[hundreds] + "百"
        if tens == 0 and units:
            return out + "零" + _NUMERALS[units]
    if tens:
        out += ("" if tens == 1 and not hundreds else _NUMERALS[tens]) + "十"
    if units:
        out += _NUMERALS[units]
    return out


def chinese_quantity(number: int) -> str:
    """A count before a measure word: 2 is 两 (分两期, 一式两份), others as ``chinese_count``."""
    return "两" if number == 2 else chinese_count(number)


def money_text(amount: Decimal) -> str:
    """An amount as agreements print it: in capitals, then in figures: 人民币壹万元整（¥10,000.00）."""
    return f"{amount_in_capitals(amount)}（¥{amount:,.2f}）"


def clause_number(seq: int) -> str:
    """The heading of clause ``seq`` (1-based): 第一条."""
    return f"第{chinese_count(seq)}条"


def clause_text(clause: Clause) -> str:
    """The clause as printed: its text with the amount in capitals and figures where ``AMOUNT_MARK`` stands
    (or after the text), then when it is to be paid or done: each instalment with its date and amount."""
    text = clause.text.strip()
    if clause.amount is not None:
        money = money_text(clause.amount)
        if AMOUNT_MARK in text:
            text = text.replace(AMOUNT_MARK, money)
        else:
            text = text.rstrip("。；;") + f"，金额为{money}。"
    elif AMOUNT_MARK in text:
        text = text.replace(AMOUNT_MARK, BLANK)
    if clause.instalments:
        parts = [f"第{chinese_count(index)}期于{chinese_date(item.due_on)}前支付{money_text(item.amount)}"
                 for index, item in enumerate(clause.instalments, start=1)]
        text += f"上述款项分{chinese_quantity(len(parts))}期支付：" + "；".join(parts) + "。"
    elif clause.due_on is not None:
        what = "上述款项" if clause.amount is not None else "上述义务"
        text += f"{what}于{chinese_date(clause.due_on)}前履行完毕。"
    return text
