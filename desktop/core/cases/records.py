"""Canonical records of who takes part in a matter: a natural person, an organisation, an agent, a service
address. Each is a JSON object with ``type`` and ``version`` (DESIGN.md, Integrity 2), built from JSON's
own kinds only (dates as ISO 8601 text, vocabularies by their codes), so ``canonical_bytes`` (RFC 8785)
takes it as it is; each reads back to the very value it was made from.

Reading a record back checks its shape (type, version, every key and the kind of every value), not the
rules of the day: a record sealed under earlier rules still reads as it was sealed."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any, TypeVar

from desktop.core.cases.agents import Agent, AgentKind, Authority, ServiceAddress, SpecialPower
from desktop.core.cases.identity import DocumentKind, Origin
from desktop.core.cases.persons import Organisation, Person, Sex
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput
from desktop.core.integrity.canonical import RECORD_TYPE_FIELD, RECORD_VERSION_FIELD
from desktop.core.vocabulary import Vocabulary

RECORD_VERSION = 1
PERSON_RECORD = "person"
ORGANISATION_RECORD = "organisation"
AGENT_RECORD = "agent"
SERVICE_RECORD = "service-address"

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # ISO 8601 calendar date, extended form only
_V = TypeVar("_V", bound=Vocabulary)
Record = dict[str, Any]


def _date(value: date) -> str:
    return value.isoformat()


def person_record(person: Person) -> Record:
    """A natural person's canonical record."""
    return {RECORD_TYPE_FIELD: PERSON_RECORD, RECORD_VERSION_FIELD: RECORD_VERSION,
            "name": person.name, "sex": person.sex.value, "birth_date": _date(person.birth_date),
            "document": person.document.value, "document_number": person.document_number,
            "origin": person.origin.value, "nationality": person.nationality, "ethnicity": person.ethnicity,
            "occupation": person.occupation, "address": person.address, "phone": person.phone}


def organisation_record(organisation: Organisation) -> Record:
    """An organisation's canonical record."""
    return {RECORD_TYPE_FIELD: ORGANISATION_RECORD, RECORD_VERSION_FIELD: RECORD_VERSION,
            "name": organisation.name, "origin": organisation.origin.value,
            "credit_code": organisation.credit_code, "registration_number": organisation.registration_number,
            "country": organisation.country, "domicile": organisation.domicile,
            "representative": organisation.representative,
            "representative_post": organisation.representative_post, "phone": organisation.phone}


def agent_record(agent: Agent) -> Record:
    """An agent's canonical record; ``powers`` as a list of codes in ``SpecialPower`` order."""
    return {RECORD_TYPE_FIELD: AGENT_RECORD, RECORD_VERSION_FIELD: RECORD_VERSION,
            "name": agent.name, "kind": agent.kind.value, "authority": agent.authority.value,
            "powers": [power.value for power in agent.powers],
            "document": None if agent.document is None else agent.document.value,
            "document_number": agent.document_number, "nationality": agent.nationality,
            "firm": agent.firm, "licence_number": agent.licence_number, "phone": agent.phone,
            "valid_from": _date(agent.valid_from),
            "valid_to": None if agent.valid_to is None else _date(agent.valid_to), "note": agent.note}


def service_record(address: ServiceAddress) -> Record:
    """A service address's canonical record."""
    return {RECORD_TYPE_FIELD: SERVICE_RECORD, RECORD_VERSION_FIELD: RECORD_VERSION,
            "address": address.address, "recipient": address.recipient, "phone": address.phone,
            "postcode": address.postcode, "email": address.email,
            "electronic_consent": address.electronic_consent}


class _Reader:
    """Reads one record's values by key, refusing a missing key or a value of the wrong kind."""

    def __init__(self, record: Mapping[str, Any], record_type: str, keys: frozenset[str]) -> None:
        if not isinstance(record, Mapping) or record.get(RECORD_TYPE_FIELD) != record_type:
            found = record.get(RECORD_TYPE_FIELD) if isinstance(record, Mapping) else None
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "The record is not of the type “{expected}” (it says “{found}”)."),
                field="type", expected=record_type, found=str(found))
        version = record.get(RECORD_VERSION_FIELD)
        if version != RECORD_VERSION or isinstance(version, bool):
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "The record's version {found} is not one this version of Mediseal reads."),
                field="version", found=str(version))
        expected = keys | {RECORD_TYPE_FIELD, RECORD_VERSION_FIELD}
        if set(record) != expected:
            odd = sorted((set(record) - expected) | (expected - set(record)))
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "The {record_type} record has missing or unknown keys: {keys}."),
                record_type=record_type, keys=", ".join(odd))
        self.record = record
        self.record_type = record_type

    def _wrong(self, key: str) -> InvalidInput:
        return InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "The {record_type} record's “{key}” holds a value of the wrong kind."),
            record_type=self.record_type, key=key)

    def text(self, key: str) -> str:
        value = self.record[key]
        if not isinstance(value, str):
            raise self._wrong(key)
        return value

    def flag(self, key: str) -> bool:
        value = self.record[key]
        if not isinstance(value, bool):
            raise self._wrong(key)
        return value

    def day(self, key: str) -> date:
        value = self.text(key)
        if not _ISO_DATE.fullmatch(value):
            raise self._wrong(key)
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise self._wrong(key) from None

    def optional_day(self, key: str) -> date | None:
        return None if self.record[key] is None else self.day(key)

    def member(self, vocabulary: type[_V], key: str) -> _V:
        return self._member(vocabulary, self.record[key], key)

    def optional_member(self, vocabulary: type[_V], key: str) -> _V | None:
        return None if self.record[key] is None else self.member(vocabulary, key)

    def members(self, vocabulary: type[_V], key: str) -> tuple[_V, ...]:
        values = self.record[key]
        if not isinstance(values, list):
            raise self._wrong(key)
        return tuple(self._member(vocabulary, value, key) for value in values)

    def _member(self, vocabulary: type[_V], value: object, key: str) -> _V:
        if not isinstance(value, str):
            raise self._wrong(key)
        try:
            return vocabulary(value)
        except ValueError:
            raise self._wrong(key) from None


_PERSON_KEYS = frozenset({"name", "sex", "birth_date", "document", "document_number", "origin", "nationality",
                          "ethnicity", "occupation", "address", "phone"})
_ORGANISATION_KEYS = frozenset({"name", "origin", "credit_code", "registration_number", "country", "domicile",
                                "representative", "representative_post", "phone"})
_AGENT_KEYS = frozenset({"name", "kind", "authority", "powers", "document", "document_number", "nationality",
                         "firm", "licence_number", "phone", "valid_from", "valid_to", "note"})
_SERVICE_KEYS = frozenset({"address", "recipient", "phone", "postcode", "email", "electronic_consent"})


def person_from_record(record: Mapping[str, Any]) -> Person:
    """The natural person a ``person_record`` holds."""
    read = _Reader(record, PERSON_RECORD, _PERSON_KEYS)
    return Person(read.text("name"), read.member(Sex, "sex"), read.day("birth_date"),
                  read.member(DocumentKind, "document"), read.text("document_number"),
                  read.member(Origin, "origin"), read.text("nationality"), read.text("ethnicity"),
                  read.text("occupation"), read.text("address"), read.text("phone"))


def organisation_from_record(record: Mapping[str, Any]) -> Organisation:
    """The organisation an ``organisation_record`` holds."""
    read = _Reader(record, ORGANISATION_RECORD, _ORGANISATION_KEYS)
    return Organisation(read.text("name"), read.member(Origin, "origin"), read.text("credit_code"),
                        read.text("registration_number"), read.text("country"), read.text("domicile"),
                        read.text("representative"), read.text("representative_post"), read.text("phone"))


def agent_from_record(record: Mapping[str, Any]) -> Agent:
    """The agent an ``agent_record`` holds."""
    read = _Reader(record, AGENT_RECORD, _AGENT_KEYS)
    return Agent(read.text("name"), read.member(AgentKind, "kind"), read.member(Authority, "authority"),
                 read.day("valid_from"), read.members(SpecialPower, "powers"),
                 read.optional_member(DocumentKind, "document"), read.text("document_number"),
                 read.text("nationality"), read.text("firm"), read.text("licence_number"),
                 read.text("phone"), read.optional_day("valid_to"), read.text("note"))


def service_from_record(record: Mapping[str, Any]) -> ServiceAddress:
    """The service address a ``service_record`` holds."""
    read = _Reader(record, SERVICE_RECORD, _SERVICE_KEYS)
    return ServiceAddress(read.text("address"), read.text("recipient"), read.text("phone"),
                          read.text("postcode"), read.text("email"), read.flag("electronic_consent"))


def party_from_record(record: Mapping[str, Any]) -> Person | Organisation:
    """A person or an organisation, as its record's type says."""
    if isinstance(record, Mapping) and record.get(RECORD_TYPE_FIELD) == ORGANISATION_RECORD:
        return organisation_from_record(record)
    return person_from_record(record)


def party_record(party: Person | Organisation) -> Record:
    """A person's or an organisation's canonical record."""
    return person_record(party) if isinstance(party, Person) else organisation_record(party)
