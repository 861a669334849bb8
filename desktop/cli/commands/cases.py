"""``mediseal case ...``: matters (案件), mediation cases (调解案件) and notarial matters (公证事项):
open one, list them as the Cases page does, show one in full, edit its details, move it through the
workflow and assign its mediators. JSON output names values by their codes (what the options take);
sums of money are text with two decimals, dates ISO 8601, times RFC 3339 UTC."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from desktop.cli.commands.case_file import register_file_commands
from desktop.cli.commands.parties import (
    agent_json,
    edit_record,
    party_json,
    print_agents,
    print_parties,
    print_saved,
)
from desktop.cli.common import (
    EXIT_OK,
    UsageError,
    acting_user,
    add_command,
    add_json_option,
    add_user_option,
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

    from desktop.cli.common import V
    from desktop.core.cases.matters import CaseDetails
    from desktop.core.trust.permissions import Actor

CASE_TYPE_HELP = ("patent, trademark, copyright, trade-secret, plant-variety, geographical-indication, "
                  "ic-layout, unfair-competition or other")
STATUS_HELP = ("registered, accepted, not-accepted, in-mediation, agreement, failed, withdrawn, performing, "
               "performed, confirmation-applied, confirmed, rejected or closed")
SOURCE_HELP = ("application (当事人申请, the default for a mediation case), initiative (主动调解), "
               "court-invited (委派调解, before the court files: needs --court), "
               "court-entrusted (委托调解, after filing: needs --court and --court-case-number), "
               "administrative (行政机关移送) or other")
SORT_HELP = "number (default), kind, type, title, parties, status, mediators, received or deadline"
CLEAR = "; an empty value clears it"
LIST_LIMIT = 200


def _at_least(text: str, least: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < least:
        raise argparse.ArgumentTypeError(f"must be {least} or more, not {value}")
    return value


def positive(text: str) -> int:
    """A whole number of 1 or more (argument type)."""
    return _at_least(text, 1)


def not_negative(text: str) -> int:
    """A whole number of 0 or more (argument type)."""
    return _at_least(text, 0)


def optional_member(vocabulary: type[V], text: str | None, option: str) -> V | None:
    """Like ``member``; None for an empty value."""
    return None if text is None or not text.strip() else member(vocabulary, text, option)


def register(commands: Any) -> None:
    case = commands.add_parser("case", help="matters: mediation cases (调解案件) and notarial matters "
                               "(公证事项): new, list, show, edit, move, assign, file, paper, cover, archive")
    group = case.add_subparsers(dest="case_command", metavar="ACTION", required=True, parser_class=type(case))
    new = add_command(group, "new", "open a matter, received today unless --received says otherwise; prints "
                      "its number as the last line (with --json, the case as `case show --json` gives it)",
                      cmd_case_new)
    new.add_argument("--kind", default="mediation", metavar="KIND",
                     help="mediation (调解案件, the default) or notarial (公证事项): each kind has its own "
                          "number series")
    _add_detail_options(new, new_case=True)
    add_user_option(new)
    add_json_option(new)

    listing = add_command(group, "list", "list matters one page at a time, filtered and sorted as the Cases "
                          "page does (newest number first)", cmd_case_list)
    listing.add_argument("--kind", metavar="KIND", help="mediation or notarial")
    listing.add_argument("--type", dest="case_type", metavar="TYPE", help=CASE_TYPE_HELP)
    listing.add_argument("--status", metavar="STATUS", help=STATUS_HELP)
    listing.add_argument("--mediator", metavar="USER", help="cases this mediator (login name) is assigned to")
    listing.add_argument("--from", dest="received_from", type=parse_date, metavar="DATE",
                         help="received on or after this day")
    listing.add_argument("--to", dest="received_to", type=parse_date, metavar="DATE",
                         help="received on or before this day")
    listing.add_argument("--due-soon", action="store_true",
                         help="only cases whose next deadline is within 7 days or has passed")
    foreign = listing.add_mutually_exclusive_group()
    foreign.add_argument("--foreign-related", dest="foreign_related", action="store_const", const=True,
                         help="only cases with a foreign party or one from Hong Kong, Macao or Taiwan "
                              "(涉外/涉港澳台)")
    foreign.add_argument("--not-foreign-related", dest="foreign_related", action="store_const", const=False,
                         help="only cases without one")
    listing.add_argument("--text", default="", metavar="TEXT",
                         help="a piece of the number, the title or a party's name (Chinese too)")
    listing.add_argument("--sort", default="number", metavar="KEY", help=SORT_HELP)
    listing.add_argument("--ascending", action="store_true", help="smallest first (default: largest first)")
    listing.add_argument("--limit", type=positive, default=LIST_LIMIT, metavar="N",
                         help=f"at most N cases (default {LIST_LIMIT})")
    listing.add_argument("--offset", type=not_negative, default=0, metavar="N",
                         help="skip the first N (the next page)")
    add_json_option(listing)

    show = add_command(group, "show", "show a matter: its details, parties and their agents, mediators, "
                       "status history, deadlines and the moves allowed now", cmd_case_show)
    show.add_argument("number", metavar="NUMBER", help="case number, e.g. （2026）云知调字第0001号")
    add_json_option(show)

    edit = add_command(group, "edit", "change a matter's details: only the options given change, the rest "
                       "is kept (a new revision, logged)", cmd_case_edit)
    edit.add_argument("number", metavar="NUMBER")
    _add_detail_options(edit, new_case=False)
    edit.add_argument("--revision", type=positive, metavar="N",
                      help="the revision your edit starts from; refused (exit 1) when someone saved since "
                           "(default: the current one)")
    add_user_option(edit)
    add_json_option(edit)

    move = add_command(group, "move", "move a case on in the workflow (`case show` lists the moves allowed "
                       "now; an agreement, failure or withdrawal in mediation is recorded with `mediseal "
                       "outcome`, closing with `case archive`); a refused move exits 1 and says why",
                       cmd_case_move)
    move.add_argument("number", metavar="NUMBER")
    move.add_argument("status", metavar="STATUS", help=STATUS_HELP)
    move.add_argument("--reason", default="", metavar="TEXT",
                      help="why; required for not-accepted, failed, withdrawn and rejected")
    add_user_option(move)
    add_json_option(move)

    assign = add_command(group, "assign", "assign a mediator to a case with their declaration on conflicts "
                         "of interest (回避); warns on stderr when the mediator's name appears as a party or "
                         "agent in any case", cmd_case_assign)
    assign.add_argument("number", metavar="NUMBER")
    assign.add_argument("mediator", metavar="USER", help="login name of a user with the mediator role")
    declaration = assign.add_mutually_exclusive_group(required=True)
    declaration.add_argument("--no-conflict", action="store_true", help="the mediator declares no conflict")
    declaration.add_argument("--conflict", metavar="TEXT",
                             help="the conflict the mediator discloses (the parties are told of it)")
    add_user_option(assign, "the user acting (the mediator themself, or an administrator)")
    add_json_option(assign)
    register_file_commands(group)  # file, paper, cover, archive: the case file (卷宗)


def _add_detail_options(parser: argparse.ArgumentParser, *, new_case: bool) -> None:
    """The options of a matter's details, shared by ``case new`` and ``case edit``."""
    clear = "" if new_case else CLEAR
    parser.add_argument("--type", required=new_case, dest="case_type", metavar="TYPE", help=CASE_TYPE_HELP)
    parser.add_argument("--patent-kind", metavar="KIND",
                        help=f"for a patent dispute: invention, utility-model or design{clear}")
    parser.add_argument("--title", required=new_case, metavar="TEXT",
                        help="one line, at most 200 characters (no control or text-direction characters)")
    parser.add_argument("--summary", metavar="TEXT",
                        help=f"a short account of the dispute (纠纷简要情况){clear}")
    parser.add_argument("--request", action="append", dest="requests", metavar="TEXT",
                        help="what is asked (申请事项); repeat for each"
                             + ("" if new_case else "; replaces the list, an empty value clears it"))
    parser.add_argument("--amount", metavar="YUAN", help=f"the amount claimed in yuan, e.g. 12345.60{clear}")
    parser.add_argument("--received", type=parse_date, metavar="DATE",
                        help="the day the matter was received" + (" (default today in the office)"
                                                                  if new_case else ""))
    parser.add_argument("--source", metavar="SOURCE", help=SOURCE_HELP)
    parser.add_argument("--court", metavar="NAME",
                        help=f"the court that invited or entrusted the mediation{clear}")
    parser.add_argument("--court-case-number", metavar="TEXT", help=f"the court's case number{clear}")
    parser.add_argument("--procedure", metavar="KIND",
                        help="for court-entrusted mediation: ordinary (default; 15 days) or simple (7 days)")
    parser.add_argument("--time-limit", metavar="DAYS",
                        help="the time limit of court-invited mediation in days (default 30 for "
                             f"court-invited; 15 or 7 for court-entrusted){clear}")
    parser.add_argument("--cites", metavar="NUMBER",
                        help=f"the notarial matter whose evidence a mediation case uses{clear}")


def _time_limit(text: str | None) -> int | None:
    if text is None or not text.strip():
        return None
    try:
        return int(text)
    except ValueError:
        raise UsageError(f"--time-limit: not a whole number of days: {one_line(text)!r}") from None


def _details(args: argparse.Namespace, kind: Any, today: date, base: CaseDetails | None) -> CaseDetails:
    """The details the options give, over ``base`` (an edit keeps what is not given). When an edit changes
    the type or the source, what belonged to the old one (the kind of patent; the court, its number and
    procedure) is dropped unless given again, and the time limit falls back to its default."""
    from desktop.core.cases.matters import CaseSource, CaseType, PatentKind, Procedure, case_details
    from desktop.core.documents.amounts import parse_amount

    def given(name: str) -> bool:
        return getattr(args, name) is not None

    case_type = (member(CaseType, args.case_type, "--type") if given("case_type")
                 else base.case_type if base else None)
    source = (optional_member(CaseSource, args.source, "--source") if given("source")
              else base.source if base else None)
    procedure = (optional_member(Procedure, args.procedure, "--procedure") if given("procedure")
                 else base.procedure if base and base.source is source else None)
    patent_kind = (optional_member(PatentKind, args.patent_kind, "--patent-kind") if given("patent_kind")
                   else base.patent_kind if base and base.case_type is case_type else None)
    from_court = source is not None and source.from_court
    same_court = base is not None and base.source is source
    court = args.court if given("court") else base.court_name if base and from_court else ""
    court_number = (args.court_case_number if given("court_case_number")
                    else base.court_case_number if base and from_court else "")
    if given("time_limit"):
        time_limit = _time_limit(args.time_limit)
    else:
        time_limit = base.time_limit_days if base and same_court and base.procedure is procedure else None
    if given("amount"):
        amount = parse_amount(args.amount, "amount_claimed") if args.amount.strip() else None
    else:
        amount = base.amount_claimed if base else None
    return case_details(
        kind, case_type or "", args.title if given("title") else base.title if base else "",
        args.received if given("received") else base.received_on if base else today, today=today,
        patent_kind=patent_kind,
        summary=args.summary if given("summary") else base.summary if base else "",
        requests=args.requests if given("requests") else base.requests if base else (),
        amount_claimed=amount, source=source, court_name=court, court_case_number=court_number,
        procedure=procedure, time_limit_days=time_limit,
        cited_matter=args.cites if given("cites") else base.cited_matter if base else "")


# --- new, edit ---------------------------------------------------------------------------------------
def cmd_case_new(args: argparse.Namespace) -> int:
    from desktop.core.cases import matters
    from desktop.core.cases.deadlines import office_today

    kind = member(matters.MatterKind, args.kind, "--kind")
    details = _details(args, kind, office_today(), None)  # checked before a password is asked
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        with store.database.session_scope() as session:
            info = matters.open_matter(session, actor, kind, details)
        if args.json:
            with store.database.session_scope() as session:
                print_json(case_json(session, info.number))
            return EXIT_OK
    what = (f"{info.case_type} case" if kind is matters.MatterKind.MEDIATION
            else f"notarial matter ({info.case_type})")
    print(f"Opened {what}: {one_line(info.title)}")
    print(info.number)
    return EXIT_OK


def cmd_case_edit(args: argparse.Namespace) -> int:
    from desktop.core.cases import matters
    from desktop.core.cases.deadlines import office_today

    def read(session: Session) -> tuple[str, matters.MatterKind, CaseDetails, int]:
        row = matters.find_case(session, args.number)
        return (row.number, matters.MatterKind(row.kind), matters.details_of(session, row),
                args.revision or row.revision)

    def save(session: Session, actor: Actor, current: tuple[str, matters.MatterKind, CaseDetails, int]
             ) -> tuple[str, int, int, dict[str, Any]]:
        number, kind, details, revision = current
        info = matters.update_case(session, actor, number, _details(args, kind, office_today(), details),
                                   revision)
        return number, revision, info.revision, case_json(session, number)

    number, revision, saved, shown = edit_record(args, read, save)
    if args.json:
        print_json(shown)
    else:
        print_saved(number, "", revision, saved, "revision")
    return EXIT_OK


# --- list --------------------------------------------------------------------------------------------
def cmd_case_list(args: argparse.Namespace) -> int:
    from desktop.core.cases import matters, register
    from desktop.core.cases.deadlines import office_today
    from desktop.core.cases.workflow import CaseStatus

    wanted = register.CaseFilter(
        kind=optional_member(matters.MatterKind, args.kind, "--kind"),
        case_type=matters.validate_case_type(args.case_type).value if args.case_type else None,
        status=optional_member(CaseStatus, args.status, "--status"),
        mediator=args.mediator or None, received_from=args.received_from, received_to=args.received_to,
        due_soon=args.due_soon, foreign_related=args.foreign_related, text=args.text, today=office_today())
    sort = member(register.SortKey, args.sort, "--sort")
    with opened_store(args) as store, store.database.session_scope() as session:
        rows = register.page(session, wanted, sort, not args.ascending, args.offset, args.limit)
        total = register.count(session, wanted) if len(rows) == args.limit or args.offset else None
    listed = [{"number": row.number, "kind": row.kind.value, "type": row.case_type, "title": row.title,
               "parties": row.party_names, "status": row.status.value, "mediators": row.mediator_names,
               "received": _day(row.received_on), "next_deadline": _day(row.next_deadline),
               "foreign_related": row.foreign_related} for row in rows]
    print_listing(args.json, listed,
                  ["NUMBER", "KIND", "TYPE", "TITLE", "PARTIES", "STATUS", "MEDIATORS", "RECEIVED",
                   "DEADLINE", "FOREIGN"],
                  lambda case: [case["number"], case["kind"], case["type"], case["title"], case["parties"],
                                case["status"], case["mediators"], case["received"] or "",
                                case["next_deadline"] or "", "yes" if case["foreign_related"] else ""])
    if total is not None and sys.stderr is not None:
        if not rows:
            print(f"no cases from --offset {args.offset}: the filter keeps {total}", file=sys.stderr)
        else:
            more = (f"; the next page: --offset {args.offset + len(rows)}"
                    if args.offset + len(rows) < total else "")
            print(f"cases {args.offset + 1}–{args.offset + len(rows)} of {total}{more}", file=sys.stderr)
    return EXIT_OK


def _day(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


# --- show --------------------------------------------------------------------------------------------
def case_json(session: Session, number: str) -> dict[str, Any]:
    """A matter in full, as ``case show --json`` prints it."""
    from desktop.core.cases import matters, parties, progress
    from desktop.core.cases.deadlines import office_today
    from desktop.core.cases.workflow import (
        NEEDS_REASON,
        CaseStatus,
        ends_by_outcome,
        may_archive,
        moves_by_hand,
    )

    row = matters.find_case(session, number)
    details = matters.details_of(session, row)
    status = CaseStatus(row.status)
    today = office_today()
    agents = parties.list_agents(session, row.number)
    mediation = row.kind == matters.MatterKind.MEDIATION
    moves = moves_by_hand(status) if mediation else ()
    return {
        "number": row.number, "kind": row.kind, "type": details.case_type.value,
        "patent_kind": details.patent_kind.value if details.patent_kind else None,
        "title": details.title, "summary": details.summary, "requests": list(details.requests),
        "amount_claimed": f"{details.amount_claimed:.2f}" if details.amount_claimed is not None else None,
        "received": details.received_on.isoformat(),
        "source": details.source.value if details.source else None, "court": details.court_name,
        "court_case_number": details.court_case_number,
        "procedure": details.procedure.value if details.procedure else None,
        "time_limit_days": details.time_limit_days, "cites": details.cited_matter,
        "status": status.value, "revision": row.revision, "foreign_related": row.foreign_related,
        "created_by": row.created_by, "created_at": row.created_at,
        "parties": [{**party_json(party), "agents": [agent_json(agent) for agent in agents
                                                    if agent.party_id == party.id]}
                    for party in parties.list_parties(session, row.number)],
        "mediators": [{"mediator": assigned.mediator, "real_name": assigned.real_name,
                       "conflict": assigned.conflict, "declaration": assigned.declaration,
                       "assigned_by": assigned.assigned_by, "assigned_at": assigned.assigned_at}
                      for assigned in progress.assignments(session, row.number)],
        "history": [move_json(move) for move in progress.history(session, row.number)],
        "deadlines": [{"kind": deadline.kind.value, "last_day": deadline.last_day.isoformat(),
                       "days_left": deadline.days_left(today)} for deadline in matters.deadlines_of(row)],
        "allowed_moves": [{"status": target.value, "needs_reason": target in NEEDS_REASON}
                          for target in moves],
        "may_archive": mediation and may_archive(status),  # closing is archiving: `case archive`
        "records_outcome": mediation and ends_by_outcome(status),  # the end of a mediation: `outcome`
    }


def move_json(move: Any) -> dict[str, Any]:
    """One step of a case's history."""
    return {"from": move.from_status.value, "to": move.to_status.value, "reason": move.reason,
            "effective_on": _day(move.effective_on), "actor": move.actor, "moved_at": move.moved_at}


def cmd_case_show(args: argparse.Namespace) -> int:
    with opened_store(args) as store, store.database.session_scope() as session:
        case = case_json(session, args.number)
    if args.json:
        print_json(case)
        return EXIT_OK
    fields = [("Number", case["number"]), ("Kind", case["kind"]), ("Type", case["type"]),
              ("Patent kind", case["patent_kind"]), ("Title", case["title"]), ("Summary", case["summary"]),
              *(("Request", request) for request in case["requests"]),
              ("Amount claimed", f"{case['amount_claimed']} yuan" if case["amount_claimed"] else None),
              ("Received", case["received"]), ("Source", case["source"]), ("Court", case["court"]),
              ("Court case no.", case["court_case_number"]), ("Procedure", case["procedure"]),
              ("Time limit", f"{case['time_limit_days']} days" if case["time_limit_days"] else None),
              ("Cites", case["cites"]), ("Status", case["status"]), ("Revision", str(case["revision"])),
              ("Foreign-related", "yes" if case["foreign_related"] else None),
              ("Opened", f"{local_time(case['created_at'])} by {case['created_by']}")]
    _print_fields(fields)
    print("\nParties:")
    print_parties([party for party in case["parties"]])
    print("\nAgents:")
    print_agents([agent for party in case["parties"] for agent in party["agents"]])
    print("\nMediators:")
    print_table(["MEDIATOR", "NAME", "DECLARATION", "ASSIGNED", "BY"],
                [[assigned["mediator"], assigned["real_name"],
                  f"conflict: {assigned['declaration']}" if assigned["conflict"] else "no conflict",
                  local_time(assigned["assigned_at"]), assigned["assigned_by"]]
                 for assigned in case["mediators"]])
    print("\nHistory:")
    print_table(["WHEN", "WHO", "FROM", "TO", "EFFECTIVE", "REASON"],
                [[local_time(move["moved_at"]), move["actor"], move["from"], move["to"],
                  move["effective_on"] or "", move["reason"]] for move in case["history"]])
    print("\nDeadlines:")
    print_table(["KIND", "LAST DAY", "DAYS LEFT"],
                [[deadline["kind"], deadline["last_day"], str(deadline["days_left"])]
                 for deadline in case["deadlines"]])
    print("\nMoves allowed now: " + (", ".join(
        target["status"] + (" (with --reason)" if target["needs_reason"] else "")
        for target in case["allowed_moves"]) or "none"))
    if case["records_outcome"]:
        print(f"The mediation ends by recording its outcome (agreement, failed, withdrawn): mediseal outcome "
              f"{case['number']} --kind KIND")
    if case["may_archive"]:
        print(f"The file can be archived now (closing the case): mediseal case archive {case['number']}")
    return EXIT_OK


def _print_fields(fields: Iterable[tuple[str, str | None]]) -> None:
    """One line per field given, its value escaped (``one_line``)."""
    for label, value in fields:
        if value:
            print(f"{label + ':':17}{one_line(value)}")


# --- move, assign ------------------------------------------------------------------------------------
def cmd_case_move(args: argparse.Namespace) -> int:
    from desktop.core.cases import matters, progress

    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        with store.database.session_scope() as session:
            move = progress.move_case(session, actor, args.number, args.status.strip().lower(), args.reason)
        with store.database.session_scope() as session:
            row = matters.find_case(session, args.number)
            number, deadlines = row.number, matters.deadlines_of(row)
    if args.json:
        print_json({**move_json(move), "case": number,
                    "deadlines": [{"kind": deadline.kind.value, "last_day": deadline.last_day.isoformat()}
                                  for deadline in deadlines]})
        return EXIT_OK
    print(f"Moved {number} from {move.from_status} to {move.to_status}.")
    for deadline in deadlines:
        print(f"Deadline: {deadline.kind.label}: {deadline.last_day.isoformat()}")
    return EXIT_OK


def cmd_case_assign(args: argparse.Namespace) -> int:
    from desktop.core.cases import matters, progress

    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        with store.database.session_scope() as session:
            assigned = progress.assign_mediator(session, actor, args.number, args.mediator,
                                                conflict=args.conflict is not None,
                                                declaration=args.conflict or "")
        with store.database.session_scope() as session:
            number = matters.find_case(session, args.number).number
            appearances = progress.mediator_appearances(session, args.mediator)
    for seen in appearances:
        print(f"mediseal: warning: the name {one_line(seen.name)} of mediator {assigned.mediator} appears as "
              f"{'a party' if seen.as_what == 'party' else 'an agent'} in {seen.number} (it may be someone "
              "else of the same name)", file=sys.stderr)
    if args.json:
        print_json({"case": number, "mediator": assigned.mediator, "real_name": assigned.real_name,
                    "conflict": assigned.conflict, "declaration": assigned.declaration,
                    "assigned_by": assigned.assigned_by, "assigned_at": assigned.assigned_at,
                    "appearances": [{"case": seen.number, "as": seen.as_what, "name": seen.name}
                                    for seen in appearances]})
        return EXIT_OK
    declared = f"disclosed a conflict: {one_line(assigned.declaration)}" if assigned.conflict \
        else "declared no conflict of interest"
    print(f"Assigned {assigned.mediator} ({one_line(assigned.real_name)}) to {number}; {declared}.")
    return EXIT_OK
