"""The agreement as printed (人民调解协议书): the one dict both the sealed record holds and the PDF is drawn
from, so that a finalised agreement prints exactly what was sealed. Built from a draft and the case as it
stands (parties as named then, each clause's printed text and its amounts as strings)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from db.models import MediationCase
from desktop.core.cases.parties import PartyRole
from desktop.core.cases.persons import Organisation
from desktop.core.documents.agreement_clauses import chinese_quantity, clause_number, clause_text
from desktop.core.documents.agreement_model import BLANK, AgreementDraft, Clause
from desktop.core.documents.amounts import check_amount
from desktop.core.documents.case_facts import CasePeople, agent_text, agreement_identity, case_people
from desktop.core.documents.wording import in_chinese
from desktop.core.errors import InvalidInput
from desktop.core.office.office import get_office

TITLE = "人民调解协议书"
SUPPLEMENT_TITLE = "人民调解补充协议书"
# The roles that sign an agreement and count for its copies, in the order it names them.
ROLE_ORDER = (PartyRole.APPLICANT, PartyRole.RESPONDENT, PartyRole.THIRD_PARTY)


def copies_text(copies: int) -> str:
    """The copies sentence of the form: 本协议一式三份，当事人、人民调解委员会各持一份."""
    count = chinese_quantity(copies) if 0 < copies < 1000 else BLANK
    return f"本协议一式{count}份，当事人、人民调解委员会各持一份。"


def _money(amount: Decimal | None) -> str | None:
    return None if amount is None else format(amount, "f")


def _printable(clause: Clause) -> Clause:
    """The clause with amounts that are not money left out of the printed text (a draft's preview shows
    the blank; ``problems`` names the amount)."""
    def valid(amount: Decimal | None) -> bool:
        try:
            return amount is not None and check_amount(amount) > 0
        except InvalidInput:
            return False
    amount_ok = clause.amount is None or valid(clause.amount)
    if amount_ok and all(valid(item.amount) for item in clause.instalments):
        return clause
    return Clause(clause.kind, clause.text, clause.amount if amount_ok else None, (), clause.due_on)


def parties_content(people: CasePeople, day: date) -> list[dict[str, Any]]:
    """The parties as the agreement names them on ``day``, applicants first, each with its agents."""
    ordered = sorted(people.parties, key=lambda party: ROLE_ORDER.index(party.role))
    found: list[dict[str, Any]] = []
    for party in ordered:
        identity = party.identity
        organisation = isinstance(identity, Organisation)
        found.append({
            "id": party.id, "role": party.role.value, "role_name": in_chinese(party.role),
            "name": identity.name, "organisation": organisation,
            "representative": identity.representative if isinstance(identity, Organisation) else "",
            "identity": agreement_identity(party, day),
            "agents": [agent_text(found_agent.agent) for found_agent in people.agents_of(party.id)]})
    return found


def agreement_content(session: Session, row: MediationCase, draft: AgreementDraft, day: date,
                      supplements: dict[str, Any] | None = None) -> dict[str, Any]:
    """The agreement of case ``row`` as printed on ``day`` from ``draft``: title, number, committee, the
    parties, the facts, disputed matters and responsibility, each clause as printed with its amounts,
    performance, breach, copies, the mediators; ``supplements`` names the agreement a supplementary one
    supplements (id, digest, date of effect)."""
    people = case_people(session, row)
    office = get_office(session)
    clauses = []
    for seq, clause in enumerate(draft.clauses, start=1):
        printed = _printable(clause)
        clauses.append({
            "seq": seq, "heading": clause_number(seq), "kind": clause.kind.value,
            "text": clause_text(printed), "amount": _money(clause.amount),
            "due_on": clause.due_on.isoformat() if clause.due_on else None,
            "instalments": [{"due_on": item.due_on.isoformat(), "amount": _money(item.amount)}
                            for item in clause.instalments]})
    return {
        "title": SUPPLEMENT_TITLE if supplements is not None else TITLE, "number": row.number,
        "committee": office.name if office else "", "supplements": supplements,
        "parties": parties_content(people, day),
        "facts": draft.facts.strip(), "disputed": draft.disputed.strip(),
        "responsibility": draft.responsibility.strip(), "clauses": clauses,
        "performance": {"manner": draft.performance_manner.strip(), "place": draft.performance_place.strip(),
                        "deadline": draft.performance_deadline.isoformat() if draft.performance_deadline
                        else None},
        "breach_liability": draft.breach_liability.strip(), "copies": draft.copies,
        "copies_text": copies_text(draft.copies), "mediators": list(people.mediators)}
