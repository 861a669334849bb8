"""``mediseal outcome``, ``mediseal performance``, ``mediseal visit``: how a mediation ended (调解结果), the
performance of its agreement (履行) with proof files, and follow-up visits (回访记录)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop.cli.common import (
    EXIT_OK,
    UsageError,
    acting_user,
    add_command,
    add_common,
    add_json_option,
    add_user_option,
    item_id,
    local_time,
    opened_store,
    parse_date,
    print_json,
    print_listing,
    print_table,
)


def register(commands: Any) -> None:
    outcome = commands.add_parser(
        "outcome", help="record how a mediation ended, or show it (outcome NO --kind KIND | outcome show NO)",
        description="Record how the mediation of a case ended (moving the case), or show its outcomes: "
                    "'mediseal outcome NO --kind KIND ...' or 'mediseal outcome show NO'.")
    add_common(outcome)
    outcome.set_defaults(handler=cmd_outcome)
    outcome.add_argument("target", nargs="+", metavar="NO | show NO", help="the case number, or show NO")
    outcome.add_argument("--kind", metavar="KIND",
                         help="written-agreement, oral-agreement, failed or withdrawn")
    outcome.add_argument("--signed", action="append", default=[], metavar="PARTY=DATE",
                         help="a party's signature on a written agreement and its date (party id, e.g. "
                              "3=2026-11-25); repeat for every applicant and respondent")
    outcome.add_argument("--mediator", default="", metavar="USER",
                         help="the mediator who signed the written agreement (default: you)")
    outcome.add_argument("--mediator-signed", type=parse_date, metavar="DATE",
                         help="the day the mediator signed the written agreement")
    outcome.add_argument("--effective", type=parse_date, metavar="DATE",
                         help="the day the agreement took effect (default: the last signature; an oral "
                              "agreement: today)")
    outcome.add_argument("--content", default="", metavar="TEXT",
                         help="what an oral agreement says, as the mediator records it (may hold line "
                              "breaks)")
    outcome.add_argument("--reason", default="", metavar="TEXT", help="why mediation failed or was withdrawn")
    outcome.add_argument("--corrects", type=item_id, metavar="ID", help="the outcome this one corrects")
    outcome.add_argument("--why", default="", metavar="TEXT", help="why it corrects it (with --corrects)")
    add_user_option(outcome, "the mediator recording it")
    add_json_option(outcome)

    performance = commands.add_parser("performance", help="performance of an agreement (履行)")
    group = performance.add_subparsers(dest="performance_command", metavar="ACTION", required=True,
                                       parser_class=type(performance))
    add = add_command(group, "add", "record what a party must do under the agreement", cmd_performance_add)
    add.add_argument("--case", required=True, metavar="NO")
    add.add_argument("--party", required=True, type=item_id, metavar="ID", help="the obliged party's id")
    add.add_argument("--kind", required=True, metavar="KIND",
                     help="payment, stop-use, destroy-stock, remove-listings, apology or other")
    add.add_argument("--what", default="", metavar="TEXT", help="what exactly (required for other)")
    add.add_argument("--amount", metavar="YUAN", help="the sum to pay (payment)")
    add.add_argument("--due", type=parse_date, metavar="DATE", help="the due date (or give instalments)")
    add.add_argument("--instalment", action="append", default=[], metavar="YUAN@DATE",
                     help="one instalment of a payment, e.g. 10000@2026-12-01; repeat; they must add up "
                          "to --amount")
    add_user_option(add, "the mediator recording it")
    add_json_option(add)
    done = add_command(group, "done", "record what was done towards an obligation, with proof files",
                       cmd_performance_done)
    done.add_argument("--obligation", required=True, type=item_id, metavar="ID")
    done.add_argument("--on", required=True, type=parse_date, metavar="DATE", help="the day it was done")
    done.add_argument("--what", default="", metavar="TEXT", help="what was done")
    done.add_argument("--amount", metavar="YUAN", help="the sum paid (payment)")
    done.add_argument("--proof", action="append", default=[], type=Path, metavar="FILE",
                      help="a proof file, taken into the vault as evidence of the case; repeat")
    done.add_argument("--item", action="append", default=[], type=item_id, metavar="ID",
                      help="an evidence item of the case that proves it; repeat")
    add_user_option(done, "the mediator recording it")
    add_json_option(done)
    listing = add_command(group, "list", "list a case's obligations and what was done", cmd_performance_list)
    listing.add_argument("--case", required=True, metavar="NO")
    add_json_option(listing)

    visit = commands.add_parser("visit", help="follow-up visits (回访记录)")
    visits = visit.add_subparsers(dest="visit_command", metavar="ACTION", required=True,
                                  parser_class=type(visit))
    new = add_command(visits, "add", "record a follow-up visit after the agreement", cmd_visit_add)
    new.add_argument("--case", required=True, metavar="NO")
    new.add_argument("--on", required=True, type=parse_date, metavar="DATE", help="the day of the visit")
    new.add_argument("--visitors", required=True, metavar="TEXT", help="who visited")
    new.add_argument("--matter", required=True, metavar="TEXT", help="what the visit was about")
    new.add_argument("--found", required=True, metavar="TEXT", help="what was found (may hold line breaks)")
    add_user_option(new, "the mediator recording it")
    add_json_option(new)
    listed = add_command(visits, "list", "list a case's follow-up visits", cmd_visit_list)
    listed.add_argument("--case", required=True, metavar="NO")
    add_json_option(listed)


def _signing(text: str) -> Any:
    from desktop.core.cases.outcomes import Signing
    party, _sep, day = text.partition("=")
    try:
        return Signing(item_id(party), date.fromisoformat(day.strip()))
    except ValueError:
        raise UsageError(f"--signed: “{text}” is not PARTY=DATE (e.g. 3=2026-11-25)") from None


def _amount(text: str | None, field: str) -> Decimal | None:
    from desktop.core.documents.amounts import parse_amount
    return None if text is None else parse_amount(text, field)


def cmd_outcome(args: argparse.Namespace) -> int:
    if args.target[0] == "show":
        if len(args.target) != 2:
            raise UsageError("outcome show takes one case number")
        return _outcome_show(args, args.target[1])
    if len(args.target) != 1:
        raise UsageError("outcome takes one case number (or: outcome show NO)")
    if not args.kind:
        raise UsageError("outcome NO needs --kind (written-agreement, oral-agreement, failed or withdrawn)")
    from desktop.core.cases import outcomes
    given = outcomes.OutcomeInput(outcomes.outcome_kind(args.kind), args.effective,
                                  tuple(_signing(text) for text in args.signed), args.mediator,
                                  args.mediator_signed, args.content, args.reason)
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        with store.database.session_scope() as session:
            if args.corrects:
                info = outcomes.correct_outcome(session, actor, args.corrects, given, args.why)
            else:
                info = outcomes.record_outcome(session, actor, args.target[0], given)
    if args.json:
        print_json(_outcome_json(info))
    else:
        effect = f", in effect from {info.effective_on}" if info.effective_on else ""
        corrects = f", correcting outcome {info.supersedes}" if info.supersedes else ""
        print(f"Recorded outcome {info.id} of {info.case_number}: {info.kind.value}{effect}{corrects}.")
    return EXIT_OK


def _outcome_json(info: Any) -> dict[str, Any]:
    return {"id": info.id, "case": info.case_number, "kind": info.kind.value,
            "effective_on": info.effective_on.isoformat() if info.effective_on else None,
            "signed": [{"party": signed.party_id, "name": signed.name, "role": signed.role,
                        "signed_on": signed.signed_on.isoformat()} for signed in info.signed],
            "content": info.content, "reason": info.reason, "supersedes": info.supersedes,
            "correction_reason": info.correction_reason, "superseded_by": info.superseded_by,
            "recorded_by": info.recorded_by, "recorded_at": info.recorded_at,
            "record_sha256": info.record_sha256}


def _outcome_show(args: argparse.Namespace, number: str) -> int:
    from desktop.core.cases import outcomes
    with opened_store(args) as store, store.database.session_scope() as session:
        listed = outcomes.list_outcomes(session, number)
    if args.json:
        print_json([_outcome_json(info) for info in listed])
        return EXIT_OK
    print_table(["ID", "KIND", "EFFECTIVE", "SIGNED", "REASON / CONTENT", "CORRECTS", "CORRECTED BY",
                 "RECORDED"],
                [[str(info.id), info.kind.value, str(info.effective_on or ""),
                  "、".join(f"{signed.name} {signed.signed_on}" for signed in info.signed),
                  info.reason or info.content, str(info.supersedes or ""), str(info.superseded_by or ""),
                  local_time(info.recorded_at)] for info in listed])
    return EXIT_OK


def _instalment(text: str) -> Any:
    from desktop.core.cases.performance import Instalment
    amount, _sep, day = text.partition("@")
    try:
        due = date.fromisoformat(day.strip())
    except ValueError:
        raise UsageError(f"--instalment: “{text}” is not YUAN@DATE (e.g. 10000@2026-12-01)") from None
    return Instalment(_amount(amount, "instalments"), due)


def cmd_performance_add(args: argparse.Namespace) -> int:
    from desktop.core.cases import performance
    given = performance.ObligationInput(args.party, performance.obligation_kind(args.kind), args.what,
                                        _amount(args.amount, "amount"), args.due,
                                        tuple(_instalment(text) for text in args.instalment))
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        with store.database.session_scope() as session:
            info = performance.add_obligation(session, actor, args.case, given)
    if args.json:
        print_json(_obligation_json(info, date.today()))
    else:
        print(f"Recorded obligation {info.id} of {info.party_name} ({info.kind.value}), due "
              f"{', '.join(str(part.due_on) for part in info.instalments)}.")
    return EXIT_OK


def _yuan(amount: Decimal | None) -> str | None:
    return None if amount is None else f"{amount:.2f}"


def _obligation_json(info: Any, today: date) -> dict[str, Any]:
    return {"id": info.id, "case": info.case_number, "party": info.party_id, "party_name": info.party_name,
            "kind": info.kind.value, "description": info.description,
            "amount": _yuan(info.amount), "paid": _yuan(info.paid), "state": info.state(today).value,
            "next_due": info.next_due.isoformat() if info.next_due else None,
            "instalments": [{"seq": part.seq, "amount": _yuan(part.amount), "due_on": part.due_on.isoformat(),
                             "done": part.done} for part in info.instalments],
            "recorded_by": info.recorded_by, "recorded_at": info.recorded_at,
            "record_sha256": info.record_sha256}


def _stderr_progress(done: int, total: int) -> None:
    if sys.stderr.isatty() and total:
        print(f"\r{done * 100 // total:3d}%", end="", file=sys.stderr, flush=True)


def cmd_performance_done(args: argparse.Namespace) -> int:
    from desktop.core.cases import performance
    given = performance.DoneInput(args.obligation, args.on, args.what, _amount(args.amount, "amount"),
                                  tuple(args.item))
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        info = performance.record_done_with_files(store.database, store.vault, actor, given, args.proof,
                                                  progress=_stderr_progress)
    if sys.stderr.isatty():
        print("\r", end="", file=sys.stderr)
    if args.json:
        print_json({"id": info.id, "case": info.case_number, "obligation": info.obligation_id,
                    "done_on": info.done_on.isoformat(), "description": info.description,
                    "amount": None if info.amount is None else f"{info.amount:.2f}", "items": info.item_ids,
                    "moved_to": info.moved_to.value if info.moved_to else None,
                    "record_sha256": info.record_sha256})
    else:
        moved = f"; the case is now {info.moved_to.value}" if info.moved_to else ""
        print(f"Recorded performance {info.id} of obligation {info.obligation_id} on {info.done_on} with "
              f"{len(info.item_ids)} proof item(s){moved}.")
    return EXIT_OK


def cmd_performance_list(args: argparse.Namespace) -> int:
    from desktop.core.cases import performance
    from desktop.core.cases.deadlines import office_today
    today = office_today()
    with opened_store(args) as store, store.database.session_scope() as session:
        listed = performance.list_obligations(session, args.case)
        done = performance.list_done(session, args.case)
    if args.json:
        print_json({"obligations": [_obligation_json(info, today) for info in listed],
                    "done": [{"id": found.id, "obligation": found.obligation_id,
                              "done_on": found.done_on.isoformat(), "description": found.description,
                              "amount": None if found.amount is None else f"{found.amount:.2f}",
                              "items": found.item_ids, "recorded_by": found.recorded_by,
                              "recorded_at": found.recorded_at} for found in done]})
        return EXIT_OK
    print_table(["ID", "PARTY", "KIND", "AMOUNT", "PAID", "NEXT DUE", "STATE"],
                [[str(info.id), info.party_name, info.kind.value,
                  "" if info.amount is None else f"{info.amount:.2f}", f"{info.paid:.2f}",
                  str(info.next_due or ""), info.state(today).value] for info in listed])
    return EXIT_OK


def cmd_visit_add(args: argparse.Namespace) -> int:
    from desktop.core.cases import visits
    given = visits.VisitInput(args.on, args.visitors, args.matter, args.found)
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        with store.database.session_scope() as session:
            info = visits.add_visit(session, actor, args.case, given)
    if args.json:
        print_json(_visit_json(info))
    else:
        print(f"Recorded follow-up visit {info.id} of {info.case_number} on {info.visited_on}.")
    return EXIT_OK


def _visit_json(info: Any) -> dict[str, Any]:
    return {"id": info.id, "case": info.case_number, "visited_on": info.visited_on.isoformat(),
            "visitors": info.visitors, "matter": info.matter, "findings": info.findings,
            "recorded_by": info.recorded_by, "recorded_at": info.recorded_at,
            "record_sha256": info.record_sha256}


def cmd_visit_list(args: argparse.Namespace) -> int:
    from desktop.core.cases import visits
    with opened_store(args) as store, store.database.session_scope() as session:
        listed = visits.list_visits(session, args.case)
    print_listing(args.json, [_visit_json(info) for info in listed] if args.json else listed,
                  ["ID", "DATE", "VISITORS", "MATTER", "FOUND", "RECORDED BY"],
                  lambda info: [str(info.id), str(info.visited_on), info.visitors, info.matter, info.findings,
                                info.recorded_by])
    return EXIT_OK
