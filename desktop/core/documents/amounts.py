"""Amounts of money in yuan: read from what people type, and written in Chinese capitals (大写金额) as the
People's Bank requires on documents of payment, which courts and parties read the same way.

The rules followed (中国人民银行《支付结算办法》附件一《正确填写票据和结算凭证的基本规定》): the amount
starts with 人民币; 整 follows 元 when there are no 角 or 分 (and no 整 after 角 or 分); a run of zeros
inside the number is written as one 零; zeros at the end of a 万 or 亿 group are carried by that unit
(107000 → 壹拾万柒仟); 零 follows 元 when the 元 digit is 0 and 角 or 分 follow, and when 角 is 0 and 分
is not (16409.02 → 壹万陆仟肆佰零玖元零贰分); 壹拾 keeps its 壹.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation

from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput

DIGITS = "零壹贰叁肆伍陆柒捌玖"
PLACE_UNITS = ("", "拾", "佰", "仟")
GROUP_UNITS = ("", "万", "亿", "万亿")
AMOUNT_LIMIT = Decimal(10) ** (4 * len(GROUP_UNITS))  # 一万万亿: beyond any sum a mediation agrees on
CURRENCY = "人民币"


def check_amount(amount: Decimal, field: str = "amount") -> Decimal:
    """``amount`` as a sum of yuan: not negative, whole 分 (two places at most), below the limit."""
    if not amount.is_finite() or amount < 0:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The {field} must be a sum of money of 0 or more."),
                           field=field)
    if amount != amount.quantize(Decimal("0.01")):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "The {field} can have at most two decimal places (角 and 分); “{amount}” has more."),
            field=field, amount=str(amount))
    if amount >= AMOUNT_LIMIT:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The {field} is too large."), field=field)
    return amount.quantize(Decimal("0.01"))


def parse_amount(text: str, field: str = "amount") -> Decimal:
    """A typed amount of yuan (``1,409.50``, ``１４０９．５``, ``¥1409.5``) as a Decimal with two places."""
    # NFKC makes full-width digits, "，", "．" and "￥" (as a Chinese input method types them) half-width.
    cleaned = "".join(unicodedata.normalize("NFKC", text).split()).replace("¥", "")
    try:
        amount = Decimal(cleaned.replace(",", ""))
    except InvalidOperation:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "The {field} “{text}” is not a sum of money; write it like 1409.50."),
            field=field, text=text) from None
    return check_amount(amount, field)


def _integer_in_capitals(number: int) -> str:
    """The yuan part in capitals: one 零 for a run of zeros, group units carrying their trailing zeros."""
    digits = str(number)
    out: list[str] = []
    zero_pending = False
    group_has_digit = False
    for index, char in enumerate(digits):
        position = len(digits) - 1 - index
        digit = int(char)
        if digit == 0:
            zero_pending = True
        else:
            if zero_pending:
                out.append(DIGITS[0])
            out.append(DIGITS[digit] + PLACE_UNITS[position % 4])
            zero_pending = False
            group_has_digit = True
        if position % 4 == 0 and position > 0:
            if group_has_digit:
                out.append(GROUP_UNITS[position // 4])
                zero_pending = False  # 107000: the 万 carries the zero before 柒仟
            group_has_digit = False
    return "".join(out)


def amount_in_capitals(amount: Decimal) -> str:
    """``amount`` yuan in Chinese capitals: 1409.50 → 人民币壹仟肆佰零玖元伍角."""
    amount = check_amount(amount)
    cents = int(amount * 100)
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    if cents == 0:
        return CURRENCY + "零元整"
    words = _integer_in_capitals(yuan) + "元" if yuan else ""
    if jiao == 0 and fen == 0:
        return CURRENCY + words + "整"
    if yuan and (yuan % 10 == 0 or jiao == 0):
        words += DIGITS[0]  # 元 digit 0 before 角 (107000.53), or 角 0 before 分 (16409.02)
    if jiao:
        words += DIGITS[jiao] + "角"
    if fen:
        words += DIGITS[fen] + "分"
    return CURRENCY + words
