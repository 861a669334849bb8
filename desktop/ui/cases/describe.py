"""Case facts in words for the workspace: amounts with their capitals, deadlines with the days left (or
overdue), parties and agents line by line (the list's tooltips and the history's versions)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from desktop.core.cases.agents import Agent, ServiceAddress
from desktop.core.cases.deadlines import Deadline
from desktop.core.cases.persons import Organisation, Person
from desktop.core.documents.amounts import amount_in_capitals
from desktop.ui.framework.i18n import label, listed

translate = QCoreApplication.translate
Lines = list[tuple[str, str]]


def amount_words(amount: Decimal | None) -> str:
    """``50,000.50 yuan (人民币伍万元零伍角)``; a dash when none is claimed."""
    if amount is None:
        return "—"
    return translate("CaseWords", "{amount} yuan ({capitals})").format(
        amount=f"{amount:,.2f}", capitals=amount_in_capitals(amount))


def days_words(deadline: Deadline, today: date) -> str:
    """剩余N日 / 今日届满 / 已逾期N日."""
    left = deadline.days_left(today)
    if left > 0:
        return translate("CaseWords", "{count} days left").format(count=left)
    if left == 0:
        return translate("CaseWords", "ends today")
    return translate("CaseWords", "overdue by {count} days").format(count=-left)


def deadline_words(deadline: Deadline, today: date) -> str:
    """``Last day to apply for judicial confirmation: 2026-12-26 (30 days left)``, with "due soon" in words
    when it is (the colour is not the only sign)."""
    text = translate("CaseWords", "{what}: {day} ({left})").format(
        what=label(deadline.kind), day=deadline.last_day.isoformat(), left=days_words(deadline, today))
    if deadline.days_left(today) >= 0 and deadline.due_soon(today):
        text += translate("CaseWords", " — due soon")
    return text


def _value(value: str) -> str:
    return value or "—"


def identity_lines(identity: Person | Organisation) -> Lines:
    """A party's facts as labelled lines."""
    if isinstance(identity, Person):
        lines = [
            (translate("CaseWords", "Name"), identity.name),
            (translate("CaseWords", "Identity document"), label(identity.document)),
            (translate("CaseWords", "Document number"), identity.document_number),
            (translate("CaseWords", "Sex"), label(identity.sex)),
            (translate("CaseWords", "Date of birth"), identity.birth_date.isoformat()),
            (translate("CaseWords", "Ethnic group"), _value(identity.ethnicity)),
            (translate("CaseWords", "Nationality"), identity.nationality),
            (translate("CaseWords", "Occupation or post"), _value(identity.occupation)),
            (translate("CaseWords", "Address or work unit"), _value(identity.address))]
    else:
        if identity.credit_code:
            number = (translate("CaseWords", "Unified social credit code"), identity.credit_code)
        else:
            number = (translate("CaseWords", "Registration number"), identity.registration_number)
        lines = [
            (translate("CaseWords", "Name"), identity.name), number,
            (translate("CaseWords", "Country"), identity.country),
            (translate("CaseWords", "Domicile"), _value(identity.domicile)),
            (translate("CaseWords", "Legal representative or person in charge"), identity.representative),
            (translate("CaseWords", "Post"), _value(identity.representative_post))]
    lines.append((translate("CaseWords", "Phone"), _value(identity.phone)))
    lines.append((translate("CaseWords", "Origin"), label(identity.origin)))
    return lines


def service_lines(service: ServiceAddress | None) -> Lines:
    """A party's service address (送达地址确认) as labelled lines."""
    if service is None:
        return [(translate("CaseWords", "Service address"), translate("CaseWords", "not confirmed"))]
    consent = translate("CaseWords", "agreed") if service.electronic_consent else \
        translate("CaseWords", "not agreed")
    return [(translate("CaseWords", "Service address"), service.address),
            (translate("CaseWords", "Recipient"), _value(service.recipient)),
            (translate("CaseWords", "Service phone"), _value(service.phone)),
            (translate("CaseWords", "Postcode"), _value(service.postcode)),
            (translate("CaseWords", "E-mail"), _value(service.email)),
            (translate("CaseWords", "Electronic service"), consent)]


def agent_lines(agent: Agent) -> Lines:
    """An agent's facts and authority as labelled lines."""
    lines = [(translate("CaseWords", "Name"), agent.name),
             (translate("CaseWords", "Kind of agent"), label(agent.kind))]
    if agent.firm:
        lines += [(translate("CaseWords", "Law firm or legal service office"), agent.firm),
                  (translate("CaseWords", "Practising certificate number"), agent.licence_number)]
    if agent.document is not None:
        lines += [(translate("CaseWords", "Identity document"), label(agent.document)),
                  (translate("CaseWords", "Document number"), agent.document_number)]
    lines += [(translate("CaseWords", "Phone"), _value(agent.phone)),
              (translate("CaseWords", "Authority"), label(agent.authority))]
    if agent.powers:
        lines.append((translate("CaseWords", "Special powers"),
                      listed(label(power) for power in agent.powers)))
    until = agent.valid_to.isoformat() if agent.valid_to is not None else \
        translate("CaseWords", "until the matter ends")
    lines.append((translate("CaseWords", "Valid"), translate("CaseWords", "{start} to {end}").format(
        start=agent.valid_from.isoformat(), end=until)))
    if agent.note:
        lines.append((translate("CaseWords", "Note"), agent.note))
    return lines


def as_text(lines: Lines) -> str:
    """Labelled lines as plain text, one fact a line."""
    return "\n".join(translate("CaseWords", "{label}: {value}").format(label=name, value=value)
                     for name, value in lines)


def identity_summary(identity: Person | Organisation) -> str:
    """What the list shows beside a party's name: its document and number, or its code."""
    if isinstance(identity, Person):
        return f"{label(identity.document)} {identity.document_number}"
    if identity.credit_code:
        return translate("CaseWords", "Credit code {code}").format(code=identity.credit_code)
    return translate("CaseWords", "Registration {number} ({country})").format(
        number=identity.registration_number, country=identity.country)
