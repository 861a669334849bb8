"""Parties (当事人) and their agents (委托代理人) on a case. Each is a versioned record (``versions``):
adding one logs version 1, each edit the next, and earlier versions stay readable. An edit names the
version it started from; when another seat saved meanwhile it is refused and nothing is lost.

Every value is checked again here, whatever built it (the window's form, the command line), so a party
stored is a party the checks in ``persons``, ``identity`` and ``agents`` accept."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Agent as AgentRow
from db.models import MediationCase, Party, utc_now
from desktop.core.cases import versions
from desktop.core.cases.agents import Agent, ServiceAddress, agent, service_address
from desktop.core.cases.identity import Origin
from desktop.core.cases.matters import NAMES_SEPARATOR, find_case, require_case_access
from desktop.core.cases.persons import Organisation, Person, organisation, person
from desktop.core.cases.records import (
    agent_from_record,
    agent_record,
    party_from_record,
    party_record,
    service_from_record,
    service_record,
)
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput, NotFound
from desktop.core.trust import ledger
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Actor
from desktop.core.vocabulary import Vocabulary

PARTY_RECORD_TYPE = "party"
CASE_AGENT_RECORD_TYPE = "case-agent"
PARTY_SUBJECT_PREFIX = "party:"
AGENT_SUBJECT_PREFIX = "agent:"


class PartyRole(Vocabulary):
    """A party's standing in a mediation. Stored: never rename one."""

    APPLICANT = "applicant", QT_TRANSLATE_NOOP("vocabulary", "Applicant")  # 申请人
    RESPONDENT = "respondent", QT_TRANSLATE_NOOP("vocabulary", "Respondent")  # 被申请人
    THIRD_PARTY = "third-party", QT_TRANSLATE_NOOP("vocabulary", "Third party")  # 第三人


Identity = Person | Organisation


@dataclass(frozen=True, slots=True)
class PartyInfo:
    """A party as it stands now (its latest version)."""

    id: int
    case_number: str
    role: PartyRole
    identity: Identity
    service: ServiceAddress | None
    version: int
    saved_by: str
    saved_at: datetime


@dataclass(frozen=True, slots=True)
class AgentInfo:
    """An agent as it stands now (its latest version), with the party it acts for."""

    id: int
    party_id: int
    case_number: str
    agent: Agent
    version: int
    saved_by: str
    saved_at: datetime


def party_subject(party_id: int) -> str:
    """The ledger subject of a party."""
    return f"{PARTY_SUBJECT_PREFIX}{party_id}"


def agent_subject(agent_id: int) -> str:
    """The ledger subject of an agent."""
    return f"{AGENT_SUBJECT_PREFIX}{agent_id}"


def _role(role: PartyRole | str) -> PartyRole:
    try:
        return PartyRole(role)
    except ValueError:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "“{value}” is not a party's role; use one of: {values}."),
            field="role", value=role, values=", ".join(PartyRole)) from None


def checked_identity(identity: Identity) -> Identity:
    """``identity`` passed through its checks again (the service layer trusts no caller)."""
    if isinstance(identity, Person):
        return person(identity.name, identity.sex, identity.birth_date, identity.document,
                      identity.document_number, nationality=identity.nationality or "CHN",
                      ethnicity=identity.ethnicity, occupation=identity.occupation, address=identity.address,
                      phone=identity.phone)
    return organisation(identity.name, credit_code=identity.credit_code,
                        registration_number=identity.registration_number, country=identity.country,
                        domicile=identity.domicile, representative=identity.representative,
                        representative_post=identity.representative_post, phone=identity.phone)


def checked_service(service: ServiceAddress | None) -> ServiceAddress | None:
    """A service address passed through its checks again."""
    if service is None:
        return None
    return service_address(service.address, recipient=service.recipient, phone=service.phone,
                           postcode=service.postcode, email=service.email,
                           electronic_consent=service.electronic_consent)


def checked_agent(value: Agent) -> Agent:
    """An agent passed through its checks again."""
    return agent(value.name, value.kind, value.authority, value.valid_from, powers=value.powers,
                 document=value.document, document_number=value.document_number,
                 nationality=value.nationality, firm=value.firm, licence_number=value.licence_number,
                 phone=value.phone, valid_to=value.valid_to, note=value.note)


def party_version_record(number: str, role: PartyRole, revision: int, identity: Identity,
                         service: ServiceAddress | None) -> dict[str, Any]:
    """The canonical record of one version of a party (``party.added`` / ``party.edited`` digest it)."""
    return {"type": PARTY_RECORD_TYPE, "version": 1, "case": number, "role": role.value, "revision": revision,
            "identity": party_record(identity),
            "service": service_record(service) if service is not None else None}


def agent_version_record(number: str, party_id: int, revision: int, value: Agent) -> dict[str, Any]:
    """The canonical record of one version of an agent (``agent.added`` / ``agent.edited`` digest it)."""
    return {"type": CASE_AGENT_RECORD_TYPE, "version": 1, "case": number, "party": party_id,
            "revision": revision, "agent": agent_record(value)}


def _refresh_case(session: Session, case: MediationCase) -> None:
    """The case's party names and its foreign-related mark (涉外/涉港澳台), derived from its parties."""
    session.flush()
    rows = session.execute(select(Party.name, Party.origin).where(Party.case_id == case.id)
                           .order_by(Party.id)).all()
    case.party_names = NAMES_SEPARATOR.join(name for name, _origin in rows)
    case.foreign_related = any(Origin(origin).foreign_related for _name, origin in rows)


def add_party(session: Session, actor: Actor, number: str, role: PartyRole | str, identity: Identity,
              service: ServiceAddress | None = None, now: datetime | None = None) -> PartyInfo:
    """Add a party to a case (version 1, ``party.added``)."""
    chosen = _role(role)
    clean, address = checked_identity(identity), checked_service(service)
    ledger.lock(session)
    case = find_case(session, number)
    require_case_access(session, actor, case)
    moment = now or utc_now()
    row = Party(case_id=case.id, role=chosen.value, kind=_kind(clean), name=clean.name,
                origin=clean.origin.value, version=1, created_by=actor.name, created_at=moment)
    session.add(row)
    session.flush()
    versions.save(session, actor.name, EventKind.PARTY_ADDED, party_subject(row.id), 1,
                  party_version_record(case.number, chosen, 1, clean, address), moment)
    _refresh_case(session, case)
    return PartyInfo(row.id, case.number, chosen, clean, address, 1, actor.name, moment)


def _kind(identity: Identity) -> str:
    return "person" if isinstance(identity, Person) else "organisation"


def _party_row(session: Session, party_id: int) -> Party:
    row = session.get(Party, party_id)
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no party number {id}."), id=party_id)
    return row


def edit_party(session: Session, actor: Actor, party_id: int, expected_version: int, role: PartyRole | str,
               identity: Identity, service: ServiceAddress | None = None,
               now: datetime | None = None) -> PartyInfo:
    """Save a party's next version (``party.edited``); refused (``versions.StaleEdit``) when someone else
    saved since ``expected_version``. Nothing is logged when nothing changed."""
    chosen = _role(role)
    clean, address = checked_identity(identity), checked_service(service)
    ledger.lock(session)
    row = _party_row(session, party_id)
    case = _case_of(session, row.case_id)
    require_case_access(session, actor, case)
    versions.check_base(row.version, expected_version, row.name)
    current = _party_info(session, row, case.number)
    if (current.role, current.identity, current.service) == (chosen, clean, address):
        return current
    moment = now or utc_now()
    row.version += 1
    row.role, row.kind, row.name, row.origin = chosen.value, _kind(clean), clean.name, clean.origin.value
    versions.save(session, actor.name, EventKind.PARTY_EDITED, party_subject(row.id), row.version,
                  party_version_record(case.number, chosen, row.version, clean, address), moment)
    _refresh_case(session, case)
    return PartyInfo(row.id, case.number, chosen, clean, address, row.version, actor.name, moment)


def _party_info(session: Session, row: Party, number: str) -> PartyInfo:
    return party_from_version(row.id, number, versions.version(session, party_subject(row.id), row.version))


def current_party(session: Session, party_id: int) -> PartyInfo:
    """A party as it stands now (its latest version)."""
    row = _party_row(session, party_id)
    return _party_info(session, row, _case_of(session, row.case_id).number)


def _case_of(session: Session, case_id: int) -> MediationCase:
    case = session.get(MediationCase, case_id)
    assert case is not None  # a foreign key
    return case


def party_from_version(party_id: int, number: str, version: versions.Version) -> PartyInfo:
    """A party as one of its versions recorded it."""
    record = version.record
    service = record.get("service")
    return PartyInfo(party_id, number, PartyRole(record["role"]), party_from_record(record["identity"]),
                     service_from_record(service) if service is not None else None, version.version,
                     version.saved_by, version.saved_at)


def list_parties(session: Session, number: str) -> list[PartyInfo]:
    """The parties of a case as they stand now, in the order they were added."""
    case = find_case(session, number)
    rows = session.scalars(select(Party).where(Party.case_id == case.id).order_by(Party.id))
    return [_party_info(session, row, case.number) for row in rows]


def party_history(session: Session, party_id: int) -> list[PartyInfo]:
    """Every version of a party, oldest first."""
    row = _party_row(session, party_id)
    case = _case_of(session, row.case_id)
    return [party_from_version(row.id, case.number, version)
            for version in versions.versions(session, party_subject(row.id))]


def add_agent(session: Session, actor: Actor, party_id: int, value: Agent,
              now: datetime | None = None) -> AgentInfo:
    """Add an agent for a party (version 1, ``agent.added``)."""
    clean = checked_agent(value)
    ledger.lock(session)
    party = _party_row(session, party_id)
    case = _case_of(session, party.case_id)
    require_case_access(session, actor, case)
    moment = now or utc_now()
    row = AgentRow(case_id=case.id, party_id=party.id, name=clean.name, version=1, created_by=actor.name,
                   created_at=moment)
    session.add(row)
    session.flush()
    versions.save(session, actor.name, EventKind.AGENT_ADDED, agent_subject(row.id), 1,
                  agent_version_record(case.number, party.id, 1, clean), moment)
    return AgentInfo(row.id, party.id, case.number, clean, 1, actor.name, moment)


def edit_agent(session: Session, actor: Actor, agent_id: int, expected_version: int, value: Agent,
               now: datetime | None = None) -> AgentInfo:
    """Save an agent's next version (``agent.edited``), with the same version check as parties."""
    clean = checked_agent(value)
    ledger.lock(session)
    row = _agent_row(session, agent_id)
    case = _case_of(session, row.case_id)
    require_case_access(session, actor, case)
    versions.check_base(row.version, expected_version, row.name)
    current = _agent_info(session, row, case.number)
    if current.agent == clean:
        return current
    moment = now or utc_now()
    row.version += 1
    row.name = clean.name
    versions.save(session, actor.name, EventKind.AGENT_EDITED, agent_subject(row.id), row.version,
                  agent_version_record(case.number, row.party_id, row.version, clean), moment)
    return AgentInfo(row.id, row.party_id, case.number, clean, row.version, actor.name, moment)


def _agent_row(session: Session, agent_id: int) -> AgentRow:
    row = session.get(AgentRow, agent_id)
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no agent number {id}."), id=agent_id)
    return row


def agent_from_version(row: AgentRow, number: str, version: versions.Version) -> AgentInfo:
    """An agent as one of its versions recorded it."""
    return AgentInfo(row.id, row.party_id, number, agent_from_record(version.record["agent"]),
                     version.version, version.saved_by, version.saved_at)


def _agent_info(session: Session, row: AgentRow, number: str) -> AgentInfo:
    return agent_from_version(row, number, versions.version(session, agent_subject(row.id), row.version))


def current_agent(session: Session, agent_id: int) -> AgentInfo:
    """An agent as it stands now (its latest version)."""
    row = _agent_row(session, agent_id)
    return _agent_info(session, row, _case_of(session, row.case_id).number)


def list_agents(session: Session, number: str) -> list[AgentInfo]:
    """The agents on a case as they stand now, in the order they were added."""
    case = find_case(session, number)
    rows = session.scalars(select(AgentRow).where(AgentRow.case_id == case.id).order_by(AgentRow.id))
    return [_agent_info(session, row, case.number) for row in rows]


def agent_history(session: Session, agent_id: int) -> list[AgentInfo]:
    """Every version of an agent, oldest first."""
    row = _agent_row(session, agent_id)
    number = _case_of(session, row.case_id).number
    return [agent_from_version(row, number, version)
            for version in versions.versions(session, agent_subject(row.id))]
