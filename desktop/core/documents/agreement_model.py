"""The mediation agreement's content as the mediators write it (人民调解协议书): the clauses and their
amounts, the draft as a whole, what is wrong with one (``Problem``) and the JSON shape a draft is stored and
exchanged in. Plain values only: the services are in ``agreement.py``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput
from desktop.core.fields import Field
from desktop.core.vocabulary import Vocabulary

DRAFT_TYPE = "mediseal.agreement-draft"
DRAFT_VERSION = 1
# Limits of each text (characters): refused beyond them, never cut (core/text.py).
FACTS_MAX = 4000
DISPUTED_MAX = 2000
RESPONSIBILITY_MAX = 2000
CLAUSE_MAX = 2000
MANNER_MAX = 1000
PLACE_MAX = 200
BREACH_MAX = 2000
CLAUSES_MAX = 100
INSTALMENTS_MAX = 60
COPIES_MAX = 99
# A blank the mediator fills in a template's text (填空); a clause that still has one is not finished.
BLANK = "____"
# Written in a clause's text where its amount, in capitals and figures, is to be printed.
AMOUNT_MARK = "【金额】"


class ClauseKind(Vocabulary):
    """What a clause of the agreement settles. Stored in drafts and sealed records: never rename one."""

    STOP_USE = "stop-use", QT_TRANSLATE_NOOP("vocabulary", "Stop the infringing use")  # 停止使用
    DESTROY_STOCK = "destroy-stock", QT_TRANSLATE_NOOP(
        "vocabulary", "Destroy stock and moulds")  # 销毁库存及模具
    REMOVE_LISTINGS = "remove-listings", QT_TRANSLATE_NOOP(
        "vocabulary", "Remove online listings")  # 删除网络链接
    LICENCE = "licence", QT_TRANSLATE_NOOP("vocabulary", "Licence and royalties")  # 许可
    COMPENSATION = "compensation", QT_TRANSLATE_NOOP("vocabulary", "Compensation")  # 赔偿
    APOLOGY = "apology", QT_TRANSLATE_NOOP("vocabulary", "Apology")  # 赔礼道歉
    CONFIDENTIALITY = "confidentiality", QT_TRANSLATE_NOOP("vocabulary", "Confidentiality")  # 保密
    OTHER = "other", QT_TRANSLATE_NOOP("vocabulary", "Other terms")  # 其他


@dataclass(frozen=True, slots=True)
class Instalment:
    """One instalment of a clause's sum (分期履行): due by ``due_on``, ``amount`` yuan."""

    due_on: date
    amount: Decimal


@dataclass(frozen=True, slots=True)
class Clause:
    """One numbered clause: its kind, its text (with ``BLANK``s still to fill, and ``AMOUNT_MARK`` where
    the amount is printed), the sum it settles (yuan), paid at once by ``due_on`` or in ``instalments``."""

    kind: ClauseKind
    text: str
    amount: Decimal | None = None
    instalments: tuple[Instalment, ...] = ()
    due_on: date | None = None


@dataclass(frozen=True, slots=True)
class AgreementDraft:
    """An agreement as drafted (People's Mediation Law art. 29: the parties, the main facts, the disputed
    matters and each side's responsibility, the terms, the manner and deadline of performance), with the
    liability for breach and the number of copies. ``supplements``: the id of the finalised agreement a
    supplementary agreement (补充协议) supplements; None for the agreement itself."""

    facts: str
    disputed: str
    responsibility: str
    clauses: tuple[Clause, ...]
    performance_manner: str
    performance_place: str
    performance_deadline: date | None
    breach_liability: str
    copies: int
    supplements: int | None = None


@dataclass(frozen=True, slots=True)
class Problem:
    """What stops a draft from being finalised: where (``field``: ``facts``, ``clauses[2].amount``,
    ``clauses[2].instalments[1].due_on``...: for the editor to move the focus there) and an English message
    template (translated in the "errors" context) with its values. ``code`` is the field's code
    (``desktop.core.fields.Field``) and ``clause`` the clause's number, for the message in words."""

    field: str
    template: str
    values: tuple[tuple[str, str], ...] = ()

    @property
    def code(self) -> str:
        """The field's code: the last part of ``field`` without its index (``amount``, ``clauses``)."""
        return self.field.rsplit(".", 1)[-1].split("[", 1)[0]

    @property
    def clause(self) -> int | None:
        """The number of the clause the problem is in (1-based), or None."""
        found = _CLAUSE.match(self.field)
        return int(found.group(1)) if found else None

    @property
    def message(self) -> str:
        """In English, naming the field by its label and the clause by its number."""
        try:
            label = Field(self.code).label
        except ValueError:
            label = self.code
        text = self.template.format(**{**dict(self.values), "field": label})
        return f"Clause {self.clause}: {text}" if self.clause is not None and self.code != "clauses" else text

    def as_error(self) -> InvalidInput:
        """The problem as an error naming its field's code, for the windows' and the command line's
        translation of errors (with the clause's number as ``clause``)."""
        return _error(self.template, self.code, **dict(self.values),
                      **({"clause": str(self.clause)} if self.clause is not None else {}))


_CLAUSE = re.compile(r"clauses\[(\d+)\]")


def _error(template: str, field: str, **values: str) -> InvalidInput:
    return InvalidInput(template, field=field, **values)


def empty_draft(copies: int = 3) -> AgreementDraft:
    """A draft with nothing written yet."""
    return AgreementDraft("", "", "", (), "", "", None, "", copies)


# --- the JSON shape (stored drafts, `mediseal agreement draft --from FILE.json`) ----------------------

def _money(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def draft_record(draft: AgreementDraft) -> dict[str, Any]:
    """The draft as JSON values: dates ISO 8601, amounts as decimal strings (never floats)."""
    return {
        "type": DRAFT_TYPE, "version": DRAFT_VERSION, "supplements": draft.supplements,
        "facts": draft.facts, "disputed": draft.disputed, "responsibility": draft.responsibility,
        "clauses": [{"kind": clause.kind.value, "text": clause.text, "amount": _money(clause.amount),
                     "due_on": _day(clause.due_on),
                     "instalments": [{"due_on": item.due_on.isoformat(), "amount": _money(item.amount)}
                                     for item in clause.instalments]}
                    for clause in draft.clauses],
        "performance": {"manner": draft.performance_manner, "place": draft.performance_place,
                        "deadline": _day(draft.performance_deadline)},
        "breach_liability": draft.breach_liability, "copies": draft.copies}


DRAFT_FIELD = "draft"  # the field JSON reading errors name (the part of the draft is their ``path``)


def _bad(path: str, value: object) -> InvalidInput:
    return InvalidInput(QT_TRANSLATE_NOOP("errors", "The draft's {path} cannot be read: “{value}”."),
                        field=DRAFT_FIELD, path=path, value=str(value)[:80])


def _text(source: dict[str, Any], key: str, where: str) -> str:
    value = source.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _bad(where, value)
    return value


def _read_day(value: object, where: str) -> date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise _bad(where, value)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "The draft's {path} “{value}” is not a date; write it as YYYY-MM-DD."),
            field=DRAFT_FIELD, path=where, value=value) from None


def _read_money(value: object, where: str) -> Decimal | None:
    """An amount as typed: kept as given (even when not money), so that ``problems`` names what is wrong
    rather than the reading failing; only what is not a number at all is refused here."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        # A JSON float (1409.5) would already have lost its exact value: amounts are strings or integers.
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "The draft's {path} must be written as a string of digits (\"1409.50\"), not {value}."),
            field=DRAFT_FIELD, path=where, value=repr(value))
    try:
        amount = Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "The draft's {path} “{text}” is not a sum of money; write it like 1409.50."),
            field=DRAFT_FIELD, path=where, text=str(value)) from None
    if not amount.is_finite():
        raise _bad(where, value)
    return amount


def _clause_kind(value: object, where: str) -> ClauseKind:
    try:
        return ClauseKind(str(value))
    except ValueError:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "“{value}” is not a kind of clause ({path}); use one of: {values}."),
            field=DRAFT_FIELD, path=where, value=str(value), values=", ".join(ClauseKind)) from None


def draft_from_record(source: object) -> AgreementDraft:
    """A draft from its JSON values (``draft_record``'s shape); ``InvalidInput`` naming the field that
    cannot be read. What can be read but is wrong (an empty text, a bad amount) is for ``problems``."""
    if not isinstance(source, dict):
        raise _bad("draft", source)
    clauses_in = source.get("clauses", [])
    if not isinstance(clauses_in, list):
        raise _bad("clauses", clauses_in)
    clauses: list[Clause] = []
    for index, item in enumerate(clauses_in, start=1):
        where = f"clauses[{index}]"
        if not isinstance(item, dict):
            raise _bad(where, item)
        instalments_in = item.get("instalments") or []
        if not isinstance(instalments_in, list):
            raise _bad(f"{where}.instalments", instalments_in)
        instalments: list[Instalment] = []
        for number, part in enumerate(instalments_in, start=1):
            part_where = f"{where}.instalments[{number}]"
            if not isinstance(part, dict):
                raise _bad(part_where, part)
            due = _read_day(part.get("due_on"), f"{part_where}.due_on")
            amount = _read_money(part.get("amount"), f"{part_where}.amount")
            if due is None or amount is None:
                raise InvalidInput(QT_TRANSLATE_NOOP(
                    "errors", "Each instalment has a due date and an amount ({path})."), field=DRAFT_FIELD,
                    path=part_where)
            instalments.append(Instalment(due, amount))
        clauses.append(Clause(_clause_kind(item.get("kind", ClauseKind.OTHER.value), f"{where}.kind"),
                              _text(item, "text", f"{where}.text"),
                              _read_money(item.get("amount"), f"{where}.amount"), tuple(instalments),
                              _read_day(item.get("due_on"), f"{where}.due_on")))
    performance = source.get("performance") or {}
    if not isinstance(performance, dict):
        raise _bad("performance", performance)
    copies = source.get("copies", 0)
    if isinstance(copies, bool) or not isinstance(copies, int):
        raise _bad("copies", copies)
    supplements = source.get("supplements")
    if supplements is not None and (isinstance(supplements, bool) or not isinstance(supplements, int)):
        raise _bad("supplements", supplements)
    return AgreementDraft(
        _text(source, "facts", "facts"), _text(source, "disputed", "disputed"),
        _text(source, "responsibility", "responsibility"), tuple(clauses),
        _text(performance, "manner", "performance.manner"), _text(performance, "place", "performance.place"),
        _read_day(performance.get("deadline"), "performance.deadline"),
        _text(source, "breach_liability", "breach_liability"), copies, supplements)
