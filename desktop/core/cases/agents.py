"""Agents of a party (委托代理人) and a party's service address (送达地址确认书), checked before anything is
stored. Who may be an agent follows the Civil Procedure Law 2023 art. 61, which people's mediation
committees follow too; which acts need special authority follows its art. 62; what each kind of agent
shows follows the Supreme People's Court's Interpretation of the Civil Procedure Law (2022) art. 88."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from desktop.core.cases.identity import DocumentKind, check_document, normalized_number
from desktop.core.cases.persons import NAME_MAX, TEXT_MAX, check_phone
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput
from desktop.core.text import clean_text
from desktop.core.vocabulary import Vocabulary

NOTE_MAX = 500
EMAIL_MAX = 254  # RFC 5321 §4.5.3.1.3: a path holds at most 256 octets, the address 254 of them
# Civil Procedure Law 2023 art. 61: a party may appoint one or two agents (可以委托一至二人).
AGENTS_PER_PARTY_MAX = 2

# A lawyer's practising certificate number (律师执业证号) has 17 digits (Ministry of Justice, 律师执业管理
# 办法 and the certificate's form since 2008); other numbers are letters and digits of a sensible length.
_LAWYER_LICENCE = re.compile(r"\d{17}")
_OTHER_LICENCE = re.compile(r"[A-Z0-9]{5,30}")
_POSTCODE = re.compile(r"\d{6}")  # the six digits of a Chinese postcode (邮政编码)
# RFC 5322 §3.4.1 addr-spec in its usual dot-atom form, ASCII only; the domain needs a dot.
_EMAIL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    r"@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+")
_MOBILE = re.compile(r"1[3-9]\d{9}|\+\d{6,15}")


class AgentKind(Vocabulary):
    """Who may be appointed an agent (Civil Procedure Law 2023 art. 61 para. 2). Stored: never rename."""

    LAWYER = "lawyer", QT_TRANSLATE_NOOP("vocabulary", "Lawyer")  # 律师
    LEGAL_SERVICE_WORKER = "legal-service-worker", QT_TRANSLATE_NOOP(
        "vocabulary", "Basic-level legal service worker")  # 基层法律服务工作者
    RELATIVE_OR_STAFF = "relative-or-staff", QT_TRANSLATE_NOOP(
        "vocabulary", "Near relative or staff member of the party")  # 当事人的近亲属或者工作人员
    RECOMMENDED_CITIZEN = "recommended-citizen", QT_TRANSLATE_NOOP(
        "vocabulary", "Citizen recommended by the party's community, unit or a social group")
    # 当事人所在社区、单位以及有关社会团体推荐的公民

    @property
    def licensed(self) -> bool:
        """True for the kinds that show a practising certificate and their firm or legal service office
        rather than an identity document (SPC Interpretation of the Civil Procedure Law art. 88 (1)–(2))."""
        return self in (AgentKind.LAWYER, AgentKind.LEGAL_SERVICE_WORKER)


class Authority(Vocabulary):
    """What a power of attorney (授权委托书) grants (Civil Procedure Law 2023 art. 62). Stored."""

    GENERAL = "general", QT_TRANSLATE_NOOP("vocabulary", "General authority")  # 一般授权
    SPECIAL = "special", QT_TRANSLATE_NOOP("vocabulary", "Special authority")  # 特别授权


class SpecialPower(Vocabulary):
    """Acts an agent may do only with the principal's special authority, listed one by one in the power of
    attorney (Civil Procedure Law 2023 art. 62 para. 2: admitting, waiving or changing claims and settling;
    the rest as a mediation committee's 授权委托书 lists them). Stored, in this order: never rename."""

    ADMIT_WAIVE_CHANGE_CLAIMS = "admit-waive-change-claims", QT_TRANSLATE_NOOP(
        "vocabulary", "Admit, waive or change claims")  # 代为承认、放弃、变更请求
    SETTLE = "settle", QT_TRANSLATE_NOOP("vocabulary", "Settle")  # 进行和解
    SIGN_AGREEMENT = "sign-agreement", QT_TRANSLATE_NOOP(
        "vocabulary", "Sign the mediation agreement")  # 代为签署调解协议
    APPLY_CONFIRMATION = "apply-confirmation", QT_TRANSLATE_NOOP(
        "vocabulary", "Apply for judicial confirmation")  # 代为申请司法确认
    RECEIVE_DOCUMENTS = "receive-documents", QT_TRANSLATE_NOOP(
        "vocabulary", "Receive documents")  # 代为签收法律文书
    RECEIVE_PAYMENT = "receive-payment", QT_TRANSLATE_NOOP(
        "vocabulary", "Receive payments")  # 代为领取款项


@dataclass(frozen=True, slots=True)
class Agent:
    """An agent as a party's record holds them. ``document`` is None for a lawyer or legal service worker
    who gave none; ``powers`` lists special powers in ``SpecialPower`` order; ``valid_to`` None means until
    the matter ends (至本案调解终结)."""

    name: str
    kind: AgentKind
    authority: Authority
    valid_from: date
    powers: tuple[SpecialPower, ...] = ()
    document: DocumentKind | None = None
    document_number: str = ""
    nationality: str = ""  # ISO 3166-1 alpha-3, for a passport only
    firm: str = ""  # law firm (律师事务所) or legal service office (法律服务所)
    licence_number: str = ""  # practising certificate (执业证号)
    phone: str = ""
    valid_to: date | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class ServiceAddress:
    """A party's confirmation of where and how documents reach them (送达地址确认书; cf. Civil Procedure
    Law 2023 art. 90 on electronic service with the addressee's consent)."""

    address: str
    recipient: str = ""  # 收件人, when not the party itself
    phone: str = ""
    postcode: str = ""
    email: str = ""
    electronic_consent: bool = False  # 同意电子送达


_V = TypeVar("_V", bound=Vocabulary)


def _member(vocabulary: type[_V], value: _V | str, field: str) -> _V:
    """``value`` as a member of ``vocabulary`` (a member or its code), else refused naming ``field``."""
    try:
        return vocabulary(value)
    except ValueError:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "“{value}” is not a valid choice for {field}."),
                           field=field, value=str(value)) from None


def check_licence_number(text: str, kind: AgentKind, field: str = "licence_number") -> str:
    """A practising certificate number in its stored form: 17 digits for a lawyer's (律师执业证号); 5 to 30
    letters and digits for a legal service worker's."""
    number = normalized_number(text)
    if not number:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The field {field} is required."), field=field)
    if kind is AgentKind.LAWYER:
        if not _LAWYER_LICENCE.fullmatch(number):
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "A lawyer's practising certificate number has 17 digits; “{number}” is not one."),
                field=field, number=number)
    elif not _OTHER_LICENCE.fullmatch(number):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "A practising certificate number has 5 to 30 letters and digits; “{number}” is not "
                      "one."),
            field=field, number=number)
    return number


def check_postcode(text: str, field: str = "postcode") -> str:
    """A Chinese postcode (6 digits), or "" when none is given."""
    code = normalized_number(text)
    if code and not _POSTCODE.fullmatch(code):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "A postcode has 6 digits; “{code}” is not one."), field=field, code=code)
    return code


def check_email(text: str, field: str = "email") -> str:
    """An e-mail address (RFC 5322 dot-atom, ASCII, at most 254 characters) with its domain in lower
    case, or "" when none is given."""
    address = clean_text(text, field, EMAIL_MAX)
    if not address:
        return ""
    if not _EMAIL.fullmatch(address):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "“{address}” is not an e-mail address (like name@example.com)."),
            field=field, address=address)
    local, domain = address.rsplit("@", 1)
    return f"{local}@{domain.lower()}"


def check_powers(authority: Authority, powers: Iterable[SpecialPower | str]) -> tuple[SpecialPower, ...]:
    """The special powers granted, in ``SpecialPower`` order: at least one under special authority, none
    under general authority (Civil Procedure Law 2023 art. 62: the power of attorney states the powers)."""
    chosen = {_member(SpecialPower, power, field="powers") for power in powers}
    if authority is Authority.SPECIAL and not chosen:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "Special authority must name at least one special power."), field="powers")
    if authority is Authority.GENERAL and chosen:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "General authority grants no special powers: choose special authority, or clear "
                      "the special powers."), field="powers")
    return tuple(power for power in SpecialPower if power in chosen)


def agent(name: str, kind: AgentKind | str, authority: Authority | str, valid_from: date | None, *,
          powers: Iterable[SpecialPower | str] = (), document: DocumentKind | str | None = None,
          document_number: str = "", nationality: str = "", firm: str = "", licence_number: str = "",
          phone: str = "", valid_to: date | None = None, note: str = "",
          today: date | None = None) -> Agent:
    """An agent, checked: who may act (Civil Procedure Law 2023 art. 61), a lawyer with their law firm and
    17-digit practising certificate, a legal service worker with their office and certificate, anyone else
    with an identity document (SPC Interpretation art. 88), the special powers under special authority
    only (art. 62), and a period of validity that does not end before it begins."""
    clean_name = clean_text(name, "name", NAME_MAX, required=True)
    agent_kind = _member(AgentKind, kind, field="agent_kind")
    if agent_kind.licensed:
        clean_firm = clean_text(firm, "firm", NAME_MAX, required=True)
        licence = check_licence_number(licence_number, agent_kind)
    else:
        for given, field in ((firm, "firm"), (licence_number, "licence_number")):
            if given.strip():
                raise InvalidInput(QT_TRANSLATE_NOOP(
                    "errors", "Only a lawyer or a legal service worker is recorded with a firm and a "
                              "practising certificate."), field=field)
        clean_firm, licence = "", ""
    document_kind = None if document in (None, "") else _member(DocumentKind, document, field="document")
    number, country = "", ""
    if document_kind is None:
        if normalized_number(document_number):
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "Choose the kind of identity document for this number."), field="document")
        if not agent_kind.licensed:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "An agent who is not a lawyer or legal service worker shows an identity "
                          "document: choose its kind and give its number."), field="document")
    else:
        number, _origin = check_document(document_kind, document_number, nationality, today=today)
        if document_kind is DocumentKind.PASSPORT:
            country = normalized_number(nationality)  # check_document has checked it
    grant = _member(Authority, authority, field="authority")
    granted = check_powers(grant, powers)
    if valid_from is None:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The field {field} is required."), field="valid_from")
    if valid_to is not None and valid_to < valid_from:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "The authority cannot end ({end}) before it begins ({start})."),
            field="valid_to", end=valid_to.isoformat(), start=valid_from.isoformat())
    return Agent(clean_name, agent_kind, grant, valid_from, granted, document_kind, number, country,
                 clean_firm, licence, check_phone(phone), valid_to, clean_text(note, "note", NOTE_MAX))


def service_address(address: str, *, recipient: str = "", phone: str = "", postcode: str = "",
                    email: str = "", electronic_consent: bool = False) -> ServiceAddress:
    """A service address, checked: the address itself is required; electronic service, agreed to by the
    party (Civil Procedure Law 2023 art. 90), needs an e-mail address or a mobile number to go to."""
    where = clean_text(address, "service_address", TEXT_MAX, required=True)
    who = clean_text(recipient, "recipient", NAME_MAX)
    number = check_phone(phone, field="service_phone")
    code = check_postcode(postcode)
    mail = check_email(email)
    if electronic_consent and not mail and not _MOBILE.fullmatch(number):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "Electronic service needs an e-mail address or a mobile number to send to."),
            field="email")
    return ServiceAddress(where, who, number, code, mail, electronic_consent)
