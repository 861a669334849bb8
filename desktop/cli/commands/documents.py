"""``mediseal document KIND --case NO --out FILE.pdf [--sign]``: a document of a case as a Chinese PDF in
the official layout (fonts embedded, a QR code and digest line on every page), signed PAdES on request,
kept in the documents registry, written once (never over a file) and logged in the ledger with the digest
of its record; ``mediseal document list --case NO`` lists a case's documents and their prints;
``mediseal verify-document FILE.pdf`` says whether a PDF is one this office produced, unchanged."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    UsageError,
    acting_user,
    add_common,
    add_json_option,
    add_user_option,
    local_time,
    opened_store,
    print_json,
    print_listing,
)
from desktop.core.errors import QT_TRANSLATE_NOOP

LIST = "list"  # ``document list --case NO``: the case's documents instead of a new one
# ``document print-record --case NO --document ID --printer NAME``: record a print of a document made
# outside the window; ``document copy --case NO --document ID --out F.pdf``: its stored bytes again.
PRINT_RECORD = "print-record"
COPY = "copy"


def register(commands: Any) -> None:
    document = commands.add_parser(
        "document", help="print a document of a case to a PDF (协议书, 申请书, 证据清单 …)",
        description="Print a document of a case to a new PDF (Chinese, official layout, fonts embedded) and "
                    "log it in the ledger. Refused (exit 2) when the file exists, the kind is unknown or a "
                    "character has no glyph in the font; nothing is written then.")
    add_common(document)
    document.set_defaults(handler=cmd_document)
    document.add_argument("kind", metavar="KIND", help=(
        "registration (受理登记表), rights-notice (权利义务告知书), agreement, supplementary-agreement, "
        "application (司法确认申请书), commitment (承诺书), evidence-list (证据清单), minutes (调解记录), "
        "address-confirmation (送达地址确认书), oral-agreement (口头协议登记表), visit (回访记录), "
        "file-cover (卷宗封面, 卷内目录), preservation (保全证据工作记录); or “list” for the case's "
        "documents (what was generated, when, by whom, signed, its prints); “copy” writes a document's "
        "stored PDF again (the same bytes); “print-record” records a print of it"))
    document.add_argument("--case", required=True, metavar="NO", help="the case number")
    document.add_argument("--out", type=Path, metavar="FILE.pdf",
                          help="the new PDF (never overwritten; required for a document)")
    document.add_argument("--sign", action="store_true",
                          help="sign the PDF with the user's signing key (PAdES B-T with the office's "
                               "timestamp authority answering, else B-B and the output says why)")
    document.add_argument("--document", type=int, metavar="ID", help="the document (copy, print-record)")
    document.add_argument("--printer", metavar="NAME", help="the printer used (print-record)")
    document.add_argument("--pages", default="", metavar="RANGE", help="the pages printed, e.g. 1-3 "
                          "(print-record; all when not given)")
    document.add_argument("--copies", type=int, default=1, metavar="N", help="copies printed (print-record)")
    document.add_argument("--party", type=int, metavar="ID", help="commitment, address-confirmation: the "
                          "party (default: every party, each on a new page)")
    document.add_argument("--sitting", type=int, metavar="ID", help="minutes: the sitting (required)")
    document.add_argument("--visit", type=int, metavar="ID", help="visit: the follow-up visit (required)")
    document.add_argument("--court", type=int, metavar="ID", help="application: the court addressed "
                          "(default: the court suggested by Civil Procedure Law art. 205)")
    document.add_argument("--item", type=int, nargs="+", default=[], metavar="ID", dest="items",
                          help="evidence-list: the items to list (default: every item of the case)")
    add_user_option(document)
    add_json_option(document)

    verify = commands.add_parser(
        "verify-document", help="is this PDF one this office produced, unchanged?",
        description="Look the PDF up in this office's documents registry by its SHA-256, else by the "
                    "document id its metadata names, check its record against the ledger and, when signed, "
                    "its signature (intact, covering the whole file, by the certificate recorded). Exit 0 "
                    "when it is one this office produced, unchanged; 1 when it was changed or is unknown.")
    add_common(verify)
    verify.set_defaults(handler=cmd_verify_document)
    verify.add_argument("file", type=Path, metavar="FILE.pdf", help="the PDF to check")
    add_json_option(verify)


def cmd_document(args: argparse.Namespace) -> int:
    from desktop.core.documents.courts import suggest_court
    from desktop.core.documents.generation import DocumentKind, DocumentRequest, document_kind, generate
    from desktop.core.trust import signing_keys

    if args.kind == LIST:
        return _list_documents(args)
    if args.kind in (PRINT_RECORD, COPY):
        return _of_one_document(args)
    kind = document_kind(args.kind)  # refused (exit 2) before a password is asked
    if args.out is None:
        raise UsageError("give --out FILE.pdf: the new PDF")
    with opened_store(args) as store:
        actor, password = acting_user(args, store)
        request = DocumentRequest(party=args.party, sitting=args.sitting, visit=args.visit, court=args.court,
                                  items=tuple(args.items), vault=store.vault)
        with store.database.session_scope() as session:
            key = signing_keys.unlock(session, actor, password) if args.sign else None
            made = generate(session, actor, kind, args.case, args.out, sign=key, request=request)
            suggestion = suggest_court(session, args.case) \
                if kind is DocumentKind.APPLICATION and args.court is None else None
    if args.json:
        print_json({"id": made.id, "kind": made.kind.value, "case": made.case_number, "path": str(made.path),
                    "size": made.size, "pdf_sha256": made.pdf_sha256, "signed": made.signed,
                    "signature_level": made.signature_level or None,
                    "signature_note": made.signature_note or None,
                    "check_code": made.record["check_code"], "record": made.record,
                    "record_sha256": made.record_sha256, "ledger_seq": made.ledger_seq,
                    **({"court_suggestion": suggestion.as_json()} if suggestion is not None else {})})
    else:
        if suggestion is not None and suggestion.court is not None:
            # The application names the suggested court: say why, so the clerk can choose another.
            print(f"Addressed to {suggestion.court.name} (suggested; --court ID to choose another):")
            for reason in suggestion.reasons:
                print(f"  {reason.text}")
        signed = f", signed PAdES {made.signature_level}" if made.signed else ""
        print(f"Wrote {made.kind.label.lower()} of {made.case_number} to {made.path} "
              f"({made.size} bytes{signed})")
        print(f"Document {made.id}, check code {made.record['check_code']}; PDF SHA-256 {made.pdf_sha256}; "
              f"logged as ledger entry {made.ledger_seq}")
        if made.signature_note:
            print(f"PAdES {made.signature_level}: {made.signature_note}")
    return EXIT_OK


def _list_documents(args: argparse.Namespace) -> int:
    from desktop.core.documents.registry import DocumentInfo, list_documents

    with opened_store(args) as store, store.database.session_scope() as session:
        listed = list_documents(session, args.case)

    def row(info: DocumentInfo) -> list[str]:
        prints = "; ".join(f"{local_time(done.printed_at)} {done.printed_by} ×{done.copies}"
                           for done in info.prints)
        return [str(info.id), info.kind.value, local_time(info.created_at), info.created_by,
                info.signer or "" if info.signed else "no", info.check_code, info.pdf_sha256[:16],
                prints or "-"]

    headers = ["ID", "KIND", "MADE", "BY", "SIGNED", "CHECK CODE", "SHA-256", "PRINTS"]
    print_listing(args.json, listed, headers, row)
    return EXIT_OK


def _of_one_document(args: argparse.Namespace) -> int:
    from desktop.core.cases.matters import find_case
    from desktop.core.documents import registry
    from desktop.core.errors import NotFound

    if args.document is None:
        raise UsageError(f"give --document ID: the document to {args.kind.replace('-', ' ')}")
    if args.kind == COPY and args.out is None:
        raise UsageError("give --out FILE.pdf: the copy")
    if args.kind == PRINT_RECORD and not args.printer:
        raise UsageError("give --printer NAME: the printer used")
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        with store.database.session_scope() as session:
            info = registry.get_document(session, args.document)
            if info.case_number != find_case(session, args.case).number:
                raise NotFound(QT_TRANSLATE_NOOP("errors", "Document {document} is not one of case {case}."),
                               document=args.document, case=args.case)
            if args.kind == COPY:
                registry.copy_document(session, actor, args.document, args.out)
                print(f"Wrote document {args.document} to {args.out} (SHA-256 {info.pdf_sha256})")
                return EXIT_OK
            done = registry.record_print(session, actor, args.document, args.pages, args.copies, args.printer)
    if args.json:
        print_json(done)
    else:
        print(f"Recorded print {done.id} of document {args.document}: {done.copies} × pages "
              f"{done.pages or 'all'} on {done.printer}; ledger entry {done.ledger_seq}")
    return EXIT_OK


def cmd_verify_document(args: argparse.Namespace) -> int:
    from desktop.core.documents.verify_document import DocumentVerdict, verify_document

    try:
        pdf = args.file.read_bytes()
    except OSError as error:
        raise UsageError(f"cannot read {args.file}: {error.strerror}") from None
    with opened_store(args) as store, store.database.session_scope() as session:
        check = verify_document(session, pdf)
    info = check.document
    if args.json:
        print_json({"file": str(args.file), "verdict": check.verdict.value, "pdf_sha256": check.pdf_sha256,
                    "size": check.size, "named": check.named, "found_by_digest": check.found_by_digest,
                    "logged": check.logged, "document": info,
                    "problems": [problem.value for problem in check.problems],
                    "signatures": check.signatures})
    else:
        print(f"{args.file}: {check.verdict.label}")
        if info is not None:
            signed = f", signed by {info.signer}" if info.signed else ""
            print(f"Document {info.id}: {info.kind.label.lower()} of {info.case_number}, made "
                  f"{local_time(info.created_at)} by {info.created_by}{signed}; check code {info.check_code}")
        for problem in check.problems:
            print(f"  {problem.label}")
        for signature in check.signatures:
            state = "valid" if signature.good else "NOT valid"
            print(f"  signature {signature.field} by {signature.signer}: {state} (intact {signature.intact}, "
                  f"whole file {signature.covers_whole_file}); certificate SHA-256 "
                  f"{signature.certificate_sha256}")
        print(f"SHA-256 {check.pdf_sha256}")
    return EXIT_OK if check.verdict == DocumentVerdict.UNCHANGED else EXIT_REFUSED
