"""``mediseal party ...`` and ``mediseal agent ...``: the parties of a case (当事人), a natural person or an
organisation with their service address (送达地址), and their agents (委托代理人). Each is a versioned
record: an edit names the version it starts from and is refused (exit 1) when someone saved since."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from desktop.cli.common import (
    EXIT_OK,
    UsageError,
    acting_user,
    add_command,
    add_json_option,
    add_user_option,
    item_id,
    local_time,
    member,
    one_line,
    opened_store,
    parse_date,
    print_json,
    print_listing,
    print_table,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from desktop.core.cases.agents import Agent, ServiceAddress
    from desktop.core.cases.parties import AgentInfo, Identity, PartyInfo
    from desktop.core.trust.permissions import Actor

ROLE_HELP = "applicant (申请人), respondent (被申请人) or third-party (第三人)"
DOCUMENT_HELP = ("resident-id (居民身份证, also the residence permits of Hong Kong, Macao and Taiwan "
                 "residents and the foreign permanent-resident card), hk-macao-permit, taiwan-permit or "
                 "passport (with --nationality)")
AGENT_KIND_HELP = ("lawyer (律师, with --firm and --licence-number), legal-service-worker "
                   "(基层法律服务工作者, the same), relative-or-staff (近亲属或工作人员) or "
                   "recommended-citizen (推荐的公民); these two with --document and --document-number")
POWER_HELP = ("a special power, repeat for each: admit-waive-change-claims, settle, sign-agreement, "
              "apply-confirmation, receive-documents, receive-payment")
# Options of a natural person only, of an organisation only, and of the service address (dest names).
PERSON_OPTIONS = ("sex", "birth", "document", "document_number", "nationality", "ethnicity", "occupation",
                  "address")
ORGANISATION_OPTIONS = ("credit_code", "registration_number", "country", "domicile", "representative",
                        "representative_post")
SERVICE_OPTIONS = ("service_address", "recipient", "service_phone", "postcode", "email", "electronic_service")
PERSON, ORGANISATION = "person", "organisation"
T = TypeVar("T")
R = TypeVar("R")


def date_or_empty(text: str) -> date | str:
    """A date (argument type), or "" to clear one."""
    return "" if not text.strip() else parse_date(text)


def register(commands: Any) -> None:
    party = commands.add_parser("party", help="parties of a case (当事人): add, edit, list, history")
    group = party.add_subparsers(dest="party_command", metavar="ACTION", required=True,
                                 parser_class=type(party))
    add = add_command(group, "add", "add a party to a case: a natural person, or an organisation with "
                      "--organisation; prints the party's id as the last line", cmd_party_add)
    add.add_argument("number", metavar="NUMBER", help="case number, e.g. （2026）云知调字第0001号")
    add.add_argument("--role", required=True, metavar="ROLE", help=ROLE_HELP)
    add.add_argument("--organisation", dest="party_kind", action="store_const", const=ORGANISATION,
                     help="the party is an organisation (法人或非法人组织), not a natural person")
    _add_party_options(add)
    add_user_option(add)
    add_json_option(add)

    edit = add_command(group, "edit", "change a party: only the options given change, the rest is kept from "
                       "its current version (a new version, logged)", cmd_party_edit)
    edit.add_argument("party", type=item_id, metavar="PARTY_ID")
    edit.add_argument("--version", type=item_id, required=True, metavar="N",
                      help="the version your edit starts from (`party list`); refused (exit 1) when someone "
                           "saved since")
    edit.add_argument("--role", metavar="ROLE", help=ROLE_HELP)
    kind = edit.add_mutually_exclusive_group()
    kind.add_argument("--person", dest="party_kind", action="store_const", const=PERSON,
                      help="make the party a natural person (its other facts given anew)")
    kind.add_argument("--organisation", dest="party_kind", action="store_const", const=ORGANISATION,
                      help="make the party an organisation (its other facts given anew)")
    _add_party_options(edit)
    add_user_option(edit)
    add_json_option(edit)

    listing = add_command(group, "list", "list a case's parties as they stand now", cmd_party_list)
    listing.add_argument("number", metavar="NUMBER")
    add_json_option(listing)
    history = add_command(group, "history", "every version of a party, who saved it and when",
                          cmd_party_history)
    history.add_argument("party", type=item_id, metavar="PARTY_ID")
    add_json_option(history)

    agent = commands.add_parser("agent", help="agents of parties (委托代理人): add, edit, list")
    agents = agent.add_subparsers(dest="agent_command", metavar="ACTION", required=True,
                                  parser_class=type(agent))
    agent_add = add_command(agents, "add", "add an agent for a party; prints the agent's id as the last "
                            "line", cmd_agent_add)
    agent_add.add_argument("party", type=item_id, metavar="PARTY_ID")
    _add_agent_options(agent_add, new_agent=True)
    add_user_option(agent_add)
    add_json_option(agent_add)
    agent_edit = add_command(agents, "edit", "change an agent: only the options given change (a new "
                             "version, logged)", cmd_agent_edit)
    agent_edit.add_argument("agent", type=item_id, metavar="AGENT_ID")
    agent_edit.add_argument("--version", type=item_id, required=True, metavar="N",
                            help="the version your edit starts from (`agent list`); refused (exit 1) when "
                                 "someone saved since")
    _add_agent_options(agent_edit, new_agent=False)
    add_user_option(agent_edit)
    add_json_option(agent_edit)
    agent_list = add_command(agents, "list", "list the agents on a case", cmd_agent_list)
    agent_list.add_argument("number", metavar="NUMBER")
    add_json_option(agent_list)


def _add_party_options(parser: argparse.ArgumentParser) -> None:
    """Who the party is, and where documents reach them."""
    parser.add_argument("--name", metavar="TEXT", help="the person's or organisation's name")
    parser.add_argument("--phone", metavar="NUMBER", help="11 digits for a mobile, area code and number for "
                        "a fixed line, or + and the country code")
    person = parser.add_argument_group("a natural person (自然人)")
    person.add_argument("--sex", metavar="SEX", help="male or female (checked against an identity number)")
    person.add_argument("--birth", type=date_or_empty, metavar="DATE",
                        help="date of birth, YYYY-MM-DD (read from an identity number when not given)")
    person.add_argument("--document", metavar="KIND", help=DOCUMENT_HELP)
    person.add_argument("--document-number", metavar="TEXT",
                        help="the document's number: an identity number is checked (GB 11643 MOD 11-2)")
    person.add_argument("--nationality", metavar="CODE",
                        help="three-letter country code as in the passport (USA, JPN); default CHN")
    person.add_argument("--ethnicity", metavar="TEXT", help="one of the 56 ethnic groups, e.g. 汉族 or 彝族")
    person.add_argument("--occupation", metavar="TEXT", help="occupation or post (职业或职务)")
    person.add_argument("--address", metavar="TEXT", help="address or work unit (住所或工作单位)")
    organisation = parser.add_argument_group("an organisation (with --organisation)")
    organisation.add_argument("--credit-code", metavar="CODE",
                              help="unified social credit code (统一社会信用代码, GB 32100, checked)")
    organisation.add_argument("--registration-number", metavar="TEXT",
                              help="a foreign organisation's registration number (with --country)")
    organisation.add_argument("--country", metavar="CODE",
                              help="a foreign organisation's country, three letters (default CHN)")
    organisation.add_argument("--domicile", metavar="TEXT", help="its domicile (住所)")
    organisation.add_argument("--representative", metavar="NAME",
                              help="legal representative or person in charge (法定代表人或主要负责人)")
    organisation.add_argument("--representative-post", metavar="TEXT", help="their post (职务)")
    service = parser.add_argument_group("service address (送达地址确认书)")
    service.add_argument("--service-address", metavar="TEXT", help="where documents are sent")
    service.add_argument("--recipient", metavar="NAME", help="who receives them, when not the party")
    service.add_argument("--service-phone", metavar="NUMBER", help="phone for service")
    service.add_argument("--postcode", metavar="DIGITS", help="six digits")
    service.add_argument("--email", metavar="ADDRESS", help="e-mail address for service")
    service.add_argument("--electronic-service", action=argparse.BooleanOptionalAction, default=None,
                         help="the party agrees to electronic service (needs --email or a mobile "
                              "--service-phone)")


def _add_agent_options(parser: argparse.ArgumentParser, *, new_agent: bool) -> None:
    clear = "" if new_agent else "; an empty value clears it"
    parser.add_argument("--name", required=new_agent, metavar="TEXT", help="the agent's name")
    parser.add_argument("--kind", dest="agent_kind", required=new_agent, metavar="KIND", help=AGENT_KIND_HELP)
    parser.add_argument("--authority", metavar="KIND",
                        help="general (一般授权, the default) or special (特别授权, with --power)")
    parser.add_argument("--power", action="append", dest="powers", metavar="POWER",
                        help=POWER_HELP + ("" if new_agent else "; replaces the list"))
    parser.add_argument("--firm", metavar="TEXT", help=f"law firm or legal service office{clear}")
    parser.add_argument("--licence-number", metavar="TEXT",
                        help=f"practising certificate number (17 digits for a lawyer){clear}")
    parser.add_argument("--document", metavar="KIND", help=f"{DOCUMENT_HELP}{clear}")
    parser.add_argument("--document-number", metavar="TEXT", help="the document's number (checked)")
    parser.add_argument("--nationality", metavar="CODE", help="for a passport: three-letter country code")
    parser.add_argument("--phone", metavar="NUMBER", help=f"phone{clear}")
    parser.add_argument("--from", dest="valid_from", type=parse_date, metavar="DATE",
                        help="authority valid from" + (" (default today in the office)" if new_agent else ""))
    parser.add_argument("--to", dest="valid_to", type=date_or_empty, metavar="DATE",
                        help="authority valid until (default: until the matter ends)" + clear)
    parser.add_argument("--note", metavar="TEXT", help=f"a note{clear}")


# --- building values from the options ---------------------------------------------------------------
def _given(args: argparse.Namespace, names: tuple[str, ...]) -> list[str]:
    return [name for name in names if getattr(args, name, None) is not None]


def _value(args: argparse.Namespace, name: str, kept: str) -> str:
    """The option's value when given, else what is ``kept``."""
    given = getattr(args, name)
    return given if given is not None else kept


def _option(name: str) -> str:
    return "--" + name.replace("_", "-")


def _identity(args: argparse.Namespace, base: Identity | None) -> Identity:
    """The person or organisation the options give, over ``base`` (kept where an option is not given)."""
    from desktop.core.cases.persons import Organisation, Person, organisation, person

    kind = args.party_kind or (ORGANISATION if isinstance(base, Organisation) else PERSON)
    wrong = _given(args, PERSON_OPTIONS if kind == ORGANISATION else ORGANISATION_OPTIONS)
    if wrong:
        wanted, actual = (("a person", "an organisation") if kind == ORGANISATION
                          else ("an organisation", "a person"))
        raise UsageError(f"{_option(wrong[0])} is for {wanted}, and this party is {actual}")

    def value(name: str, kept: str) -> str:
        return _value(args, name, kept)

    name = value("name", base.name if base else "")
    phone = value("phone", base.phone if base else "")
    if kind == ORGANISATION:
        was = base if isinstance(base, Organisation) else None
        return organisation(
            name, credit_code=value("credit_code", was.credit_code if was else ""),
            registration_number=value("registration_number", was.registration_number if was else ""),
            country=value("country", was.country if was else "CHN"),
            domicile=value("domicile", was.domicile if was else ""),
            representative=value("representative", was.representative if was else ""),
            representative_post=value("representative_post", was.representative_post if was else ""),
            phone=phone)
    from desktop.core.cases.identity import DocumentKind
    from desktop.core.cases.persons import Sex

    old = base if isinstance(base, Person) else None
    sex = member(Sex, args.sex, "--sex") if args.sex is not None else old.sex if old else None
    document = (member(DocumentKind, args.document, "--document") if args.document is not None
                else old.document if old else None)
    missing = [option for option, known in (("--sex", sex), ("--document", document),
                                            ("--document-number", args.document_number or old)) if not known]
    if missing:
        raise UsageError(f"a person needs {', '.join(missing)} (and --name)")
    assert sex is not None and document is not None
    number_changed = args.document is not None or args.document_number is not None
    if args.birth is not None:
        birth = args.birth or None
    elif old and not (number_changed and document is DocumentKind.RESIDENT_ID):
        birth = old.birth_date
    else:
        birth = None  # an identity number gives it
    return person(name, sex, birth, document, value("document_number", old.document_number if old else ""),
                  nationality=value("nationality", old.nationality if old else "CHN"),
                  ethnicity=value("ethnicity", old.ethnicity if old else ""),
                  occupation=value("occupation", old.occupation if old else ""),
                  address=value("address", old.address if old else ""), phone=phone)


def _service(args: argparse.Namespace, base: ServiceAddress | None) -> ServiceAddress | None:
    """The service address the options give, over ``base``; ``base`` itself when none is given."""
    from desktop.core.cases.agents import service_address

    if not _given(args, SERVICE_OPTIONS):
        return base

    def value(name: str, kept: str) -> str:
        return _value(args, name, kept)

    return service_address(
        value("service_address", base.address if base else ""),
        recipient=value("recipient", base.recipient if base else ""),
        phone=value("service_phone", base.phone if base else ""),
        postcode=value("postcode", base.postcode if base else ""),
        email=value("email", base.email if base else ""),
        electronic_consent=(args.electronic_service if args.electronic_service is not None
                            else base.electronic_consent if base else False))


def _agent(args: argparse.Namespace, base: Agent | None, today: date) -> Agent:
    """The agent the options give, over ``base``. Changing the kind to one without a licence drops the
    firm and licence, and general authority drops the special powers, unless they are given again."""
    from desktop.core.cases.agents import AgentKind, Authority, SpecialPower, agent
    from desktop.core.cases.identity import DocumentKind

    def value(name: str, kept: str) -> str:
        return _value(args, name, kept)

    kind = (member(AgentKind, args.agent_kind, "--kind") if args.agent_kind is not None
            else base.kind if base else AgentKind.RELATIVE_OR_STAFF)
    authority = (member(Authority, args.authority, "--authority") if args.authority is not None
                 else base.authority if base else Authority.GENERAL)
    if args.powers is not None:
        powers = tuple(member(SpecialPower, power, "--power") for power in args.powers if power.strip())
    else:
        powers = base.powers if base and authority is Authority.SPECIAL else ()
    licensed_base = base if base and base.kind.licensed and kind.licensed else None
    if args.document is not None:
        document = member(DocumentKind, args.document, "--document") if args.document.strip() else None
    else:
        document = base.document if base else None
    keep_number = base is not None and document is base.document
    valid_to = (args.valid_to or None) if args.valid_to is not None else base.valid_to if base else None
    return agent(
        value("name", base.name if base else ""), kind, authority,
        args.valid_from or (base.valid_from if base else today), powers=powers, document=document,
        document_number=value("document_number", base.document_number if base and keep_number else ""),
        nationality=value("nationality", base.nationality if base and keep_number else ""),
        firm=value("firm", licensed_base.firm if licensed_base else ""),
        licence_number=value("licence_number", licensed_base.licence_number if licensed_base else ""),
        phone=value("phone", base.phone if base else ""), valid_to=valid_to,
        note=value("note", base.note if base else ""))


# --- output ------------------------------------------------------------------------------------------
def _record_fields(record: dict[str, Any]) -> dict[str, Any]:
    """A canonical record's values without its ``type`` and ``version`` keys."""
    return {key: value for key, value in record.items() if key not in ("type", "version")}


def party_json(party: PartyInfo) -> dict[str, Any]:
    """A party as JSON: identity and service address by the keys of their canonical records."""
    from desktop.core.cases.records import party_record, service_record

    record = party_record(party.identity)
    return {"id": party.id, "case": party.case_number, "role": party.role.value, "kind": record["type"],
            "name": party.identity.name, "origin": party.identity.origin.value,
            "identity": _record_fields(record),
            "service": _record_fields(service_record(party.service)) if party.service else None,
            "version": party.version, "saved_by": party.saved_by, "saved_at": party.saved_at}


def agent_json(info: AgentInfo) -> dict[str, Any]:
    """An agent as JSON, by the keys of its canonical record."""
    from desktop.core.cases.records import agent_record

    return {"id": info.id, "party": info.party_id, "case": info.case_number, "name": info.agent.name,
            "agent": _record_fields(agent_record(info.agent)), "version": info.version,
            "saved_by": info.saved_by, "saved_at": info.saved_at}


def _document(identity: dict[str, Any], kind: str) -> str:
    if kind == PERSON:
        return f"{identity['document']} {identity['document_number']}"
    if identity["credit_code"]:
        return identity["credit_code"]
    return f"{identity['registration_number']} ({identity['country']})"


def print_parties(listed: list[dict[str, Any]]) -> None:
    """Parties (as ``party_json`` gives them) as a table."""
    print_table(["ID", "ROLE", "NAME", "KIND", "DOCUMENT", "ORIGIN", "PHONE", "VERSION", "SAVED"],
                [[str(party["id"]), party["role"], party["name"], party["kind"],
                  _document(party["identity"], party["kind"]), party["origin"], party["identity"]["phone"],
                  str(party["version"]), f"{local_time(party['saved_at'])} {party['saved_by']}"]
                 for party in listed])


def print_agents(listed: list[dict[str, Any]]) -> None:
    """Agents (as ``agent_json`` gives them) as a table."""
    rows = []
    for info in listed:
        agent = info["agent"]
        rows.append([str(info["id"]), str(info["party"]), info["name"], agent["kind"], agent["authority"],
                     ",".join(agent["powers"]), agent["firm"],
                     f"{agent['valid_from']}–{agent['valid_to'] or ''}", str(info["version"])])
    print_table(["ID", "PARTY", "NAME", "KIND", "AUTHORITY", "POWERS", "FIRM", "VALID", "VERSION"], rows)


# --- editing a versioned record (shared with ``case edit``) ---------------------------------------------
def edit_record(args: argparse.Namespace, read: Callable[[Session], T],
                save: Callable[[Session, Actor, T], R]) -> R:
    """Read the record as it stands, then save the edit built over it (``save``) in a transaction of its
    own: the read does not hold the ledger lock the edit takes."""
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        with store.database.session_scope() as session:
            current = read(session)
        with store.database.session_scope() as session:
            return save(session, actor, current)


def print_saved(what: str, name: str, base: int, version: int, word: str = "version") -> None:
    """``Saved party 3 (张丽) as version 2.``, or that nothing changed (the same version)."""
    if version == base:
        print(f"Nothing changed: {what} stays at {word} {version}.")
    else:
        print(f"Saved {what}{f' ({one_line(name)})' if name else ''} as {word} {version}.")


# --- commands ----------------------------------------------------------------------------------------
def cmd_party_add(args: argparse.Namespace) -> int:
    from desktop.core.cases import parties

    if args.name is None:
        raise UsageError("party add needs --name")
    role = member(parties.PartyRole, args.role, "--role")
    identity, service = _identity(args, None), _service(args, None)  # checked before a password is asked
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        with store.database.session_scope() as session:
            info = parties.add_party(session, actor, args.number, role, identity, service)
    if args.json:
        print_json(party_json(info))
        return EXIT_OK
    print(f"Added {info.role} {one_line(info.identity.name)} to {info.case_number}.")
    print(info.id)
    return EXIT_OK


def cmd_party_edit(args: argparse.Namespace) -> int:
    from desktop.core.cases import parties

    def save(session: Session, actor: Actor, current: PartyInfo) -> PartyInfo:
        role = member(parties.PartyRole, args.role, "--role") if args.role is not None else current.role
        identity, service = _identity(args, current.identity), _service(args, current.service)
        return parties.edit_party(session, actor, args.party, args.version, role, identity, service)

    info = edit_record(args, lambda session: parties.current_party(session, args.party), save)
    if args.json:
        print_json(party_json(info))
    else:
        print_saved(f"party {info.id}", info.identity.name, args.version, info.version)
    return EXIT_OK


def cmd_party_list(args: argparse.Namespace) -> int:
    from desktop.core.cases import parties

    with opened_store(args) as store, store.database.session_scope() as session:
        listed = [party_json(party) for party in parties.list_parties(session, args.number)]
    if args.json:
        print_json(listed)
    else:
        print_parties(listed)
    return EXIT_OK


def cmd_party_history(args: argparse.Namespace) -> int:
    from desktop.core.cases import parties

    with opened_store(args) as store, store.database.session_scope() as session:
        listed = [party_json(version) for version in parties.party_history(session, args.party)]
    print_listing(args.json, listed,
                  ["VERSION", "ROLE", "NAME", "DOCUMENT", "PHONE", "ADDRESS", "SERVICE ADDRESS", "SAVED BY",
                   "SAVED AT"],
                  lambda party: [str(party["version"]), party["role"], party["name"],
                                 _document(party["identity"], party["kind"]), party["identity"]["phone"],
                                 party["identity"].get("address", party["identity"].get("domicile", "")),
                                 party["service"]["address"] if party["service"] else "",
                                 party["saved_by"], local_time(party["saved_at"])])
    return EXIT_OK


def cmd_agent_add(args: argparse.Namespace) -> int:
    from desktop.core.cases import parties
    from desktop.core.cases.deadlines import office_today

    value = _agent(args, None, office_today())  # checked before a password is asked
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        with store.database.session_scope() as session:
            info = parties.add_agent(session, actor, args.party, value)
    if args.json:
        print_json(agent_json(info))
        return EXIT_OK
    print(f"Added agent {one_line(info.agent.name)} for party {info.party_id} of {info.case_number}.")
    print(info.id)
    return EXIT_OK


def cmd_agent_edit(args: argparse.Namespace) -> int:
    from desktop.core.cases import parties
    from desktop.core.cases.deadlines import office_today

    def save(session: Session, actor: Actor, current: AgentInfo) -> AgentInfo:
        value = _agent(args, current.agent, office_today())
        return parties.edit_agent(session, actor, args.agent, args.version, value)

    info = edit_record(args, lambda session: parties.current_agent(session, args.agent), save)
    if args.json:
        print_json(agent_json(info))
    else:
        print_saved(f"agent {info.id}", info.agent.name, args.version, info.version)
    return EXIT_OK


def cmd_agent_list(args: argparse.Namespace) -> int:
    from desktop.core.cases import parties

    with opened_store(args) as store, store.database.session_scope() as session:
        listed = [agent_json(info) for info in parties.list_agents(session, args.number)]
    if args.json:
        print_json(listed)
    else:
        print_agents(listed)
    return EXIT_OK
