"""What documents say about a case's people, read from the case services: a party as a line of a form
(name, identity, address, service address), its agents, and the mediators by their real names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from db.models import MediationCase
from desktop.core.cases.agents import Agent, Authority, ServiceAddress
from desktop.core.cases.deadlines import OFFICE_TIME_ZONE
from desktop.core.cases.matters import mediators_of
from desktop.core.cases.parties import AgentInfo, PartyInfo, list_agents, list_parties
from desktop.core.cases.persons import Organisation, Person
from desktop.core.documents.wording import in_chinese
from desktop.core.errors import QT_TRANSLATE_NOOP, NotFound
from desktop.core.office.office import get_office
from desktop.core.trust.users import real_names


@dataclass(frozen=True, slots=True)
class CasePeople:
    """A case's parties (in the order added), its agents, and its mediators' names."""

    parties: tuple[PartyInfo, ...]
    agents: tuple[AgentInfo, ...]
    mediators: tuple[str, ...]

    def agents_of(self, party_id: int) -> tuple[AgentInfo, ...]:
        return tuple(found for found in self.agents if found.party_id == party_id)


def case_people(session: Session, row: MediationCase) -> CasePeople:
    """The people of a case as documents name them (mediators by real name, else login name)."""
    logins = mediators_of(session, row.id)
    names = real_names(session, logins)
    return CasePeople(tuple(list_parties(session, row.number)), tuple(list_agents(session, row.number)),
                      tuple(names.get(login, login) for login in logins))


def party_name(party: PartyInfo) -> str:
    return party.identity.name


def _joined(parts: list[str]) -> str:
    return "，".join(part for part in parts if part)


def identity_text(party: PartyInfo) -> str:
    """A party as forms describe it: a person's sex, birth date, ethnicity, identity document, occupation,
    address and phone; an organisation's code, domicile and legal representative."""
    identity = party.identity
    if isinstance(identity, Person):
        born = identity.birth_date
        return _joined([
            identity.name, in_chinese(identity.sex), f"{born.year}年{born.month}月{born.day}日出生",
            identity.ethnicity, f"{in_chinese(identity.document)}号码：{identity.document_number}",
            identity.occupation, f"住址：{identity.address}" if identity.address else "",
            f"电话：{identity.phone}" if identity.phone else ""]) + "。"
    assert isinstance(identity, Organisation)
    if identity.credit_code:
        code = f"统一社会信用代码：{identity.credit_code}"
    elif identity.registration_number:
        code = f"注册号：{identity.registration_number}（{identity.country}）"
    else:
        code = ""
    representative = (f"法定代表人或主要负责人：{identity.representative}"
                      + (f"，{identity.representative_post}" if identity.representative_post else "")
                      if identity.representative else "")
    return _joined([identity.name, code, f"住所：{identity.domicile}" if identity.domicile else "",
                    representative, f"电话：{identity.phone}" if identity.phone else ""]) + "。"


def service_text(service: ServiceAddress | None) -> str:
    """A party's confirmed service address (送达地址), or a note that none is confirmed yet."""
    if service is None:
        return "送达地址：未确认。"
    return "送达地址：" + _joined([
        service.address, f"收件人：{service.recipient}" if service.recipient else "",
        f"电话：{service.phone}" if service.phone else "",
        f"邮编：{service.postcode}" if service.postcode else "",
        f"电子邮箱：{service.email}" if service.email else "",
        "同意电子送达" if service.electronic_consent else ""]) + "。"


def agent_text(value: Agent) -> str:
    """An agent as forms describe them: kind, firm and licence, authority and the special powers."""
    authority = in_chinese(value.authority)
    if value.authority == Authority.SPECIAL and value.powers:
        authority += "（" + "、".join(in_chinese(power) for power in value.powers) + "）"
    return _joined([value.name, in_chinese(value.kind), value.firm,
                    f"执业证号：{value.licence_number}" if value.licence_number else "", authority,
                    f"电话：{value.phone}" if value.phone else ""]) + "。"


# --- added for the other document kinds (issue 12) ------------------------------------------------------
def find_party(people: CasePeople, party_id: int, number: str) -> PartyInfo:
    """The party ``party_id`` of the case, else ``NotFound`` naming the parties there are."""
    for party in people.parties:
        if party.id == party_id:
            return party
    listed = "、".join(f"{party.id} {party_name(party)}" for party in people.parties) or "—"
    raise NotFound(QT_TRANSLATE_NOOP(
        "errors", "Case {number} has no party {party}; its parties are: {parties}."), field="party",
        number=number, party=party_id, parties=listed)


def chosen_parties(people: CasePeople, party_id: int | None, number: str) -> tuple[PartyInfo, ...]:
    """The party asked for, or every party of the case (in the order added); ``NotFound`` when the case has
    none or not that one."""
    if party_id is not None:
        return (find_party(people, party_id, number),)
    if not people.parties:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "Case {number} has no parties yet."), field="party",
                       number=number)
    return people.parties


def office_name(session: Session) -> str:
    """The committee's (or notary office's) name, as documents sign it."""
    office = get_office(session)
    return office.name if office else ""


def local_time(moment: datetime) -> str:
    """A moment in the office's time zone as documents write it: 2026年11月27日 10:05."""
    local = moment.astimezone(OFFICE_TIME_ZONE)
    return f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}"


def clock(moment: datetime) -> str:
    """The time of day in the office's time zone: 10:05."""
    return f"{moment.astimezone(OFFICE_TIME_ZONE):%H:%M}"


def size_text(size: int) -> str:
    """A file size as a list prints it: the bytes exactly, and a rounded figure beside (12.3 KB)."""
    if size < 1024:
        return f"{size} 字节"
    for unit, scale in (("KB", 1024), ("MB", 1024**2), ("GB", 1024**3)):
        if size < scale * 1024 or unit == "GB":
            return f"{size:,} 字节（{size / scale:.1f} {unit}）"
    raise AssertionError("unreachable")


def age_on(born: date, day: date) -> int:
    """Full years of age on ``day`` of someone born on ``born`` (a birthday on 29 February counts from
    1 March in other years)."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def agreement_identity(party: PartyInfo, day: date) -> str:
    """A party as the mediation agreement states it (人民调解协议书 form, 2010): a person's name, sex, age
    on ``day``, ethnicity, occupation and address; an organisation's name, address, and its legal
    representative (or person in charge) with their post."""
    identity = party.identity
    if isinstance(identity, Person):
        return _joined([identity.name, in_chinese(identity.sex), f"{age_on(identity.birth_date, day)}岁",
                        identity.ethnicity, identity.occupation,
                        f"住址：{identity.address}" if identity.address else ""]) + "。"
    assert isinstance(identity, Organisation)
    representative = (f"法定代表人（主要负责人）：{identity.representative}"
                      + (f"，职务：{identity.representative_post}" if identity.representative_post else "")
                      if identity.representative else "")
    return _joined([identity.name, f"住所：{identity.domicile}" if identity.domicile else "",
                    representative]) + "。"
