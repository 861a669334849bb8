"""Amounts in Chinese capitals by the People's Bank rules, and amounts read from typed text."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop.core.documents.amounts import amount_in_capitals, parse_amount
from desktop.core.errors import InvalidInput


@pytest.mark.parametrize(("amount", "words"), [
    # The examples, after the People's Bank's own.
    ("1409.50", "人民币壹仟肆佰零玖元伍角"),
    ("6007.14", "人民币陆仟零柒元壹角肆分"),
    ("16409.02", "人民币壹万陆仟肆佰零玖元零贰分"),
    ("107000.53", "人民币壹拾万柒仟元零伍角叁分"),
    ("1680.32", "人民币壹仟陆佰捌拾元零叁角贰分"),
    ("325.04", "人民币叁佰贰拾伍元零肆分"),
    # Edge cases.
    ("0.05", "人民币伍分"),
    ("0.50", "人民币伍角"),
    ("0", "人民币零元整"),
    ("10", "人民币壹拾元整"),
    ("15", "人民币壹拾伍元整"),
    ("100000000", "人民币壹亿元整"),
    ("100010000", "人民币壹亿零壹万元整"),
    ("1000000001", "人民币壹拾亿零壹元整"),
    ("100500", "人民币壹拾万零伍佰元整"),
    ("20000.00", "人民币贰万元整"),
    ("30000.10", "人民币叁万元零壹角"),
    ("1001001", "人民币壹佰万壹仟零壹元整"),
    ("50000000.00", "人民币伍仟万元整"),
])
def test_capitals(amount: str, words: str) -> None:
    assert amount_in_capitals(Decimal(amount)) == words


@pytest.mark.parametrize(("text", "amount"), [
    ("1,409.50", "1409.50"), ("１４０９．５", "1409.50"), ("¥ 1409.5", "1409.50"), ("10", "10.00")])
def test_typed_amounts(text: str, amount: str) -> None:
    parsed = parse_amount(text)
    assert parsed == Decimal(amount) and str(parsed) == amount


@pytest.mark.parametrize(("text", "words"), [
    ("1.005", "two decimal places"), ("-3", "0 or more"), ("十元", "not a sum of money"),
    ("NaN", "0 or more"), ("1e20", "too large")])
def test_refused_amounts(text: str, words: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        parse_amount(text)
    assert words in raised.value.message
