"""Canonical records of parties, agents and service addresses: each kind reads back to the very value it
was made from, holds JSON's own kinds only, and has the same RFC 8785 bytes every time; a record of the
wrong type, version or shape is refused."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from desktop.core.cases.agents import AgentKind, Authority, SpecialPower, agent, service_address
from desktop.core.cases.identity import DocumentKind, resident_id_check
from desktop.core.cases.persons import Organisation, Person, Sex, organisation, person
from desktop.core.cases.records import (
    agent_from_record,
    agent_record,
    organisation_from_record,
    organisation_record,
    party_from_record,
    party_record,
    person_from_record,
    person_record,
    service_from_record,
    service_record,
)
from desktop.core.errors import InvalidInput
from desktop.core.integrity.canonical import canonical_bytes, record_digest

TODAY = date(2026, 11, 26)
FROM = date(2026, 3, 1)
LICENCE = "15301201910123456"
_FOREIGN_CARD = "93184019880704001"

PEOPLE = {
    "resident id": person("张丽", Sex.FEMALE, None, DocumentKind.RESIDENT_ID, "11010519491231002X",
                          ethnicity="彝族", occupation="个体工商户", address="云南省楚雄市鹿城镇",
                          phone="13808712345", today=TODAY),
    "hong kong residence permit": person("陈美玲", Sex.FEMALE, None, DocumentKind.RESIDENT_ID,
                                         "810000199408230021", today=TODAY),
    "foreign permanent-resident card": person("Anna Müller", Sex.MALE, None, DocumentKind.RESIDENT_ID,
                                              _FOREIGN_CARD + resident_id_check(_FOREIGN_CARD),
                                              nationality="DEU", today=TODAY),
    "hong kong and macao permit": person("陈大文", Sex.MALE, date(1980, 5, 1), DocumentKind.HK_MACAO_PERMIT,
                                         "H12345678", phone="+85291234567", today=TODAY),
    "taiwan permit": person("林志明", Sex.MALE, date(1975, 3, 9), DocumentKind.TAIWAN_PERMIT, "12345678",
                            today=TODAY),
    "passport": person("John Smith", Sex.MALE, date(1970, 1, 2), DocumentKind.PASSPORT, "533380006",
                       nationality="USA", today=TODAY),
}
ORGANISATIONS = {
    "chinese": organisation("云南某某食品有限公司", credit_code="91330100799655058B", domicile="昆明市五华区",
                            representative="王强", representative_post="董事长", phone="087165123456"),
    "foreign": organisation("Example Foods GmbH", registration_number="HRB 12345", country="DEU",
                            representative="Anna Müller", representative_post="Geschäftsführerin"),
}
AGENTS = {
    "lawyer": agent("王律师", AgentKind.LAWYER, Authority.SPECIAL, FROM, firm="云南某某律师事务所",
                    licence_number=LICENCE, powers=[SpecialPower.SETTLE, SpecialPower.SIGN_AGREEMENT],
                    valid_to=date(2026, 12, 31), today=TODAY),
    "legal service worker": agent("李明", AgentKind.LEGAL_SERVICE_WORKER, Authority.GENERAL, FROM,
                                  firm="五华区某某法律服务所", licence_number="25301150012345",
                                  document=DocumentKind.RESIDENT_ID, document_number="11010519491231002X",
                                  today=TODAY),
    "relative or staff": agent("张伟", AgentKind.RELATIVE_OR_STAFF, Authority.GENERAL, FROM,
                               document=DocumentKind.TAIWAN_PERMIT, document_number="12345678",
                               phone="13908712345", note="申请人之子", today=TODAY),
    "recommended citizen": agent("Tom Lee", AgentKind.RECOMMENDED_CITIZEN, Authority.SPECIAL, FROM,
                                 document=DocumentKind.PASSPORT, document_number="533380006",
                                 nationality="USA", powers=list(SpecialPower), today=TODAY),
}


def _json_only(value: Any) -> bool:
    if isinstance(value, dict):
        return all(type(key) is str and _json_only(item) for key, item in value.items())
    if isinstance(value, list):
        return all(_json_only(item) for item in value)
    return value is None or type(value) in (str, int, bool)  # no enum members, dates or floats


@pytest.mark.parametrize("kind", PEOPLE)
def test_every_kind_of_person_round_trips(kind: str) -> None:
    record = person_record(PEOPLE[kind])
    assert (record["type"], record["version"]) == ("person", 1) and _json_only(record)
    assert person_from_record(record) == PEOPLE[kind]
    assert person_from_record(json.loads(canonical_bytes(record))) == PEOPLE[kind]
    assert party_from_record(party_record(PEOPLE[kind])) == PEOPLE[kind]


@pytest.mark.parametrize("kind", ORGANISATIONS)
def test_chinese_and_foreign_organisations_round_trip(kind: str) -> None:
    record = organisation_record(ORGANISATIONS[kind])
    assert (record["type"], record["version"]) == ("organisation", 1) and _json_only(record)
    assert organisation_from_record(json.loads(canonical_bytes(record))) == ORGANISATIONS[kind]
    assert party_from_record(party_record(ORGANISATIONS[kind])) == ORGANISATIONS[kind]


@pytest.mark.parametrize("kind", AGENTS)
def test_every_kind_of_agent_round_trips(kind: str) -> None:
    record = agent_record(AGENTS[kind])
    assert (record["type"], record["version"]) == ("agent", 1) and _json_only(record)
    assert agent_from_record(json.loads(canonical_bytes(record))) == AGENTS[kind]


def test_service_addresses_round_trip() -> None:
    for address in (service_address("云南省昆明市五华区某某路1号", recipient="张丽", phone="13808712345",
                                    postcode="650031", email="zhang@example.cn", electronic_consent=True),
                    service_address("昆明市盘龙区")):
        record = service_record(address)
        assert (record["type"], record["version"]) == ("service-address", 1) and _json_only(record)
        assert service_from_record(json.loads(canonical_bytes(record))) == address


def test_canonical_bytes_are_stable() -> None:
    """The bytes are fixed here: a change to a record's form must be a new version, not a silent edit."""
    lawyer = canonical_bytes(agent_record(AGENTS["lawyer"]))
    assert lawyer == (
        '{"authority":"special","document":null,"document_number":"","firm":"云南某某律师事务所",'
        '"kind":"lawyer","licence_number":"15301201910123456","name":"王律师","nationality":"","note":"",'
        '"phone":"","powers":["settle","sign-agreement"],"type":"agent","valid_from":"2026-03-01",'
        '"valid_to":"2026-12-31","version":1}').encode()
    card = canonical_bytes(person_record(PEOPLE["resident id"]))
    assert card == (
        '{"address":"云南省楚雄市鹿城镇","birth_date":"1949-12-31","document":"resident-id",'
        '"document_number":"11010519491231002X","ethnicity":"彝族","name":"张丽","nationality":"CHN",'
        '"occupation":"个体工商户","origin":"mainland","phone":"13808712345","sex":"female","type":"person",'
        '"version":1}').encode()
    service = canonical_bytes(service_record(service_address("昆明市盘龙区", electronic_consent=False)))
    assert service == ('{"address":"昆明市盘龙区","electronic_consent":false,"email":"","phone":"",'
                       '"postcode":"","recipient":"","type":"service-address","version":1}').encode()
    for value in (*PEOPLE.values(), *ORGANISATIONS.values()):
        assert isinstance(value, Person | Organisation)
        assert record_digest(party_record(value)) == record_digest(party_record(value))
        # Key order of the dict does not matter to the canonical bytes (RFC 8785 §3.2.3).
        record = party_record(value)
        assert canonical_bytes(dict(reversed(list(record.items())))) == canonical_bytes(record)


@pytest.mark.parametrize(("change", "words"), [
    ({"type": "agent"}, "type “person”"),
    ({"version": 2}, "version 2"),
    ({"version": True}, "version True"),
    ({"sex": "other"}, "“sex”"),
    ({"birth_date": "19491231"}, "“birth_date”"),
    ({"birth_date": "1949-02-30"}, "“birth_date”"),
    ({"phone": None}, "“phone”"),
    ({"extra": ""}, "extra"),
])
def test_malformed_records_are_refused(change: dict[str, Any], words: str) -> None:
    record = {**person_record(PEOPLE["resident id"]), **change}
    with pytest.raises(InvalidInput) as refused:
        person_from_record(record)
    assert words in refused.value.message
    shorter = person_record(PEOPLE["resident id"])
    del shorter["occupation"]
    with pytest.raises(InvalidInput, match="occupation"):
        person_from_record(shorter)
    broken = {**agent_record(AGENTS["lawyer"]), "powers": "settle"}
    with pytest.raises(InvalidInput, match="powers"):
        agent_from_record(broken)
