"""``mediseal agreement``: the mediation agreement of a case (人民调解协议书): a JSON draft to start from,
saving a draft (refused on a stale base), its problems and warnings, finalising it once the parties have
signed on paper, and supplementary agreements (补充协议). ``mediseal document agreement`` prints it."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any

from desktop.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    acting_user,
    add_command,
    add_json_option,
    add_user_option,
    opened_store,
    parse_date,
    print_json,
    print_table,
)

BASE_FIELD = "base_version"


def register(commands: Any) -> None:
    agreement = commands.add_parser(
        "agreement", help="the mediation agreement of a case (人民调解协议书): draft, check, finalise",
        description="The mediation agreement of a case: 'template' prints a JSON draft to start from, "
                    "'draft' saves one (refused when someone saved since the version it names), 'check' "
                    "lists what stops finalising (exit 2 while anything does) and the warnings, 'finalise' "
                    "seals it once the parties have signed on paper, 'supplement' drafts a supplementary "
                    "agreement after that. Print it with 'mediseal document agreement'.")
    group = agreement.add_subparsers(dest="agreement_command", metavar="ACTION", required=True,
                                     parser_class=type(agreement))
    show = add_command(group, "show", "show the case's draft and its finalised agreements", cmd_show)
    show.add_argument("--case", required=True, metavar="NO")
    add_json_option(show)
    template = add_command(group, "template", "print a JSON draft to start from: the saved draft, else the "
                           "clauses suggested for the case's type", cmd_template)
    template.add_argument("--case", required=True, metavar="NO")
    template.add_argument("--fresh", action="store_true",
                          help="the templates even when a draft is saved (its version is kept as the base)")
    draft = add_command(group, "draft", "save the case's agreement draft from a JSON file (the shape "
                        "'template' prints; its base_version is the version it was started from)", cmd_draft)
    draft.add_argument("--case", required=True, metavar="NO")
    draft.add_argument("--from", dest="source", required=True, type=Path, metavar="FILE.json")
    add_user_option(draft, "the mediator saving it")
    add_json_option(draft)
    supplement = add_command(group, "supplement", "save a supplementary agreement's draft (补充协议) from a "
                             "JSON file, after the agreement is finalised; finalise it with 'finalise'",
                             cmd_supplement)
    supplement.add_argument("--case", required=True, metavar="NO")
    supplement.add_argument("--from", dest="source", required=True, type=Path, metavar="FILE.json")
    add_user_option(supplement, "the mediator saving it")
    add_json_option(supplement)
    check = add_command(group, "check", "list what stops the draft from being finalised (exit 2 while "
                        "anything does) and the warnings (确权, status matters)", cmd_check)
    check.add_argument("--case", required=True, metavar="NO")
    check.add_argument("--from", dest="source", type=Path, metavar="FILE.json",
                       help="check this JSON draft instead of the saved one")
    add_json_option(check)
    finalise = add_command(group, "finalise", "seal the saved draft once the parties have signed it on "
                           "paper; an agreement records the written-agreement outcome (the case moves to "
                           "agreement reached)", cmd_finalise)
    finalise.add_argument("--case", required=True, metavar="NO")
    finalise.add_argument("--signed", action="append", default=[], metavar="PARTY_ID=DATE",
                          help="a party's signature and its date (party id, e.g. 3=2026-11-25); repeat for "
                               "every applicant and respondent")
    finalise.add_argument("--effective", type=parse_date, metavar="DATE",
                          help="the day it took effect (default: the last signature)")
    finalise.add_argument("--mediator-signed", type=parse_date, metavar="DATE",
                          help="the day the mediator signed (default: the last party's signature)")
    add_user_option(finalise, "the mediator finalising it (their signing key seals it; MEDISEAL_PASSWORD)")
    add_json_option(finalise)


def _read_draft(path: Path) -> tuple[Any, int | None]:
    """A JSON draft file: the draft and the version it names as its base (None when it names none)."""
    from desktop.core.documents.agreement import draft_from_record
    try:
        source = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error.strerror or error}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UsageError(f"{path} is not a JSON draft: {error}") from None
    base = source.get(BASE_FIELD) if isinstance(source, dict) else None
    if base is not None and (isinstance(base, bool) or not isinstance(base, int)):
        raise UsageError(f"{path}: {BASE_FIELD} must be a whole number")
    return draft_from_record(source), base


def _problems_json(found: list[Any]) -> list[dict[str, str]]:
    return [{"field": problem.field, "message": problem.message} for problem in found]


def _agreement_json(info: Any) -> dict[str, Any]:
    return {"id": info.id, "case": info.case_number, "kind": info.kind, "supplements": info.supplements,
            "outcome": info.outcome_id, "effective_on": info.effective_on.isoformat(),
            "signer": info.signer, "certificate_sha256": info.fingerprint, "sealed_at": info.sealed_at,
            "record_sha256": info.record_sha256, "supplemented_by": list(info.supplemented_by),
            "record": info.record}


def cmd_show(args: argparse.Namespace) -> int:
    from desktop.core.documents import agreement
    with opened_store(args) as store, store.database.session_scope() as session:
        draft, version = agreement.load_draft(session, args.case)
        frozen = agreement.draft_finalised(session, args.case)
        found = agreement.problems(session, args.case, draft) if draft is not None and frozen is None else []
        listed = agreement.list_agreements(session, args.case)
    cautions = agreement.warnings(draft) if draft is not None else []
    if args.json:
        print_json({"case": args.case, "draft": agreement.draft_record(draft) if draft else None,
                    BASE_FIELD: version, "draft_finalised_as": frozen, "problems": _problems_json(found),
                    "warnings": list(cautions), "agreements": [_agreement_json(info) for info in listed]})
        return EXIT_OK
    if draft is None:
        print(f"{args.case} has no agreement draft yet ('mediseal agreement template --case NO' starts one).")
    elif frozen is not None:
        print(f"Draft version {version} was finalised as agreement {frozen}.")
    else:
        print(f"Draft version {version}: {len(draft.clauses)} clause(s), {len(found)} problem(s), "
              f"{len(cautions)} warning(s).")
    if listed:
        print_table(["ID", "KIND", "SUPPLEMENTS", "EFFECTIVE", "SEALED BY", "RECORD SHA-256"],
                    [[str(info.id), info.kind, str(info.supplements or ""), str(info.effective_on),
                      info.signer, info.record_sha256] for info in listed])
    return EXIT_OK


def cmd_template(args: argparse.Namespace) -> int:
    from desktop.core.documents import agreement
    with opened_store(args) as store, store.database.session_scope() as session:
        draft, version = agreement.load_draft(session, args.case)
        frozen = agreement.draft_finalised(session, args.case)
        if draft is None or args.fresh or frozen is not None:
            draft = agreement.draft_template(session, args.case)
    print_json({**agreement.draft_record(draft), BASE_FIELD: version})
    return EXIT_OK


def _saved(args: argparse.Namespace, version: int, draft: Any, found: list[Any]) -> int:
    from desktop.core.documents import agreement
    if args.json:
        print_json({"case": args.case, "version": version, "problems": _problems_json(found),
                    "warnings": list(agreement.warnings(draft))})
    else:
        hint = f"; {len(found)} problem(s) stop finalising ('agreement check')" if found else ""
        print(f"Saved the agreement draft of {args.case} as version {version}{hint}.")
    return EXIT_OK


def cmd_draft(args: argparse.Namespace) -> int:
    from desktop.core.documents import agreement
    draft, base = _read_draft(args.source)
    if base is None:
        raise UsageError(f"{args.source} names no {BASE_FIELD} (the version it was started from; 0 for none)")
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        with store.database.session_scope() as session:
            version = agreement.save_draft(session, actor, args.case, draft, base)
            found = agreement.problems(session, args.case, draft)
    return _saved(args, version, draft, found)


def cmd_supplement(args: argparse.Namespace) -> int:
    from desktop.core.documents import agreement
    draft, base = _read_draft(args.source)
    if base is None:
        raise UsageError(f"{args.source} names no {BASE_FIELD} (the version it was started from)")
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        with store.database.session_scope() as session:
            version = agreement.supplement(session, actor, args.case, draft, base)
            saved, _version = agreement.load_draft(session, args.case)
            assert saved is not None
            found = agreement.problems(session, args.case, saved)
    return _saved(args, version, saved, found)


def cmd_check(args: argparse.Namespace) -> int:
    from desktop.core.documents import agreement
    with opened_store(args) as store, store.database.session_scope() as session:
        if args.source is not None:
            draft, _base = _read_draft(args.source)
        else:
            draft, _version = agreement.load_draft(session, args.case)
            if draft is None:
                raise UsageError(f"{args.case} has no agreement draft to check")
        found = agreement.problems(session, args.case, draft)
    cautions = agreement.warnings(draft)
    if args.json:
        print_json({"case": args.case, "problems": _problems_json(found), "warnings": list(cautions)})
    else:
        for problem in found:
            print(f"problem  {problem.field}: {problem.message}")
        for caution in cautions:
            print(f"warning  {caution}")
        if not found:
            print("Nothing stops finalising" + (" (see the warnings)." if cautions else "."))
    return EXIT_USAGE if found else EXIT_OK


def _signing(text: str) -> Any:
    from desktop.core.cases.outcomes import Signing
    party, _sep, day = text.partition("=")
    try:
        return Signing(int(party.strip()), date.fromisoformat(day.strip()))
    except ValueError:
        raise UsageError(f"--signed: “{text}” is not PARTY_ID=DATE (e.g. 3=2026-11-25)") from None


def cmd_finalise(args: argparse.Namespace) -> int:
    from desktop.core.documents import agreement
    signings = tuple(_signing(text) for text in args.signed)
    with opened_store(args) as store:
        actor, password = acting_user(args, store)
        with store.database.session_scope() as session:
            info = agreement.finalise(session, actor, args.case, password, signings, args.effective,
                                      mediator_signed_on=args.mediator_signed)
    if args.json:
        print_json(_agreement_json(info))
    else:
        what = "supplementary agreement" if info.kind == "supplement" else "agreement"
        print(f"Finalised the {what} of {info.case_number} as record {info.id}, in effect from "
              f"{info.effective_on}; sealed by {info.signer} (record SHA-256 {info.record_sha256}).")
    return EXIT_OK
