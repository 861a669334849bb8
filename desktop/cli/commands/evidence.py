"""``mediseal evidence ...``: evidence in the vault (证据): take files in, list, show, seal, copy out,
and the proof of an item's seals to check with OpenSSL."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    acting_user,
    add_command,
    add_json_option,
    add_user_option,
    item_id,
    local_time,
    one_line,
    opened_store,
    parse_time,
    print_json,
    print_listing,
    print_table,
)
from desktop.core.integrity.durable import refuse_existing
from desktop.core.text import binary_size
from desktop.core.trust.permissions import Action, require

SOURCE_HELP = ("upload (submitted by a party, 当事人提交), web-capture (网页取证, needs --url), photo, "
               "audio, video, screen-recording, document, scan (扫描件, a paper of the case file) or other "
               "(default upload)")


def register(commands: Any) -> None:
    evidence = commands.add_parser("evidence", help="evidence in the vault (证据): add, list, show, seal, "
                                   "copy, proof")
    group = evidence.add_subparsers(dest="evidence_command", metavar="ACTION", required=True,
                                    parser_class=type(evidence))
    add = add_command(group, "add", "take files (or folders, walked) into a case's evidence",
                      cmd_evidence_add)
    add.add_argument("--case", required=True, metavar="NO", help="case number, e.g. （2026）云知调字第0001号")
    add.add_argument("files", nargs="+", metavar="FILE", type=Path)
    add.add_argument("--source", default="upload", metavar="KIND", help=SOURCE_HELP)
    add.add_argument("--url", metavar="URL", help="address of a captured web page")
    add.add_argument("--acquired-at", type=parse_time, metavar="TIME",
                     help="when the evidence was obtained (ISO 8601; local time without a zone)")
    add.add_argument("--acquired-by", default="", metavar="TEXT", help="who obtained it")
    add.add_argument("--device", default="", metavar="TEXT", help="device or software used")
    add.add_argument("--note", default="", metavar="TEXT")
    add.add_argument("--seal", action="store_true", help="seal each item at once (notaries only)")
    add_user_option(add)
    add_json_option(add)
    listing = add_command(group, "list", "list a case's evidence items", cmd_evidence_list)
    listing.add_argument("--case", required=True, metavar="NO")
    add_json_option(listing)
    show = add_command(group, "show", "show an item: digests, acquisition, seals and custody trail",
                       cmd_evidence_show)
    show.add_argument("item", type=item_id, metavar="ID")
    add_json_option(show)
    seal = add_command(group, "seal", "seal items with your key (notaries only; a seal is never replaced)",
                       cmd_evidence_seal)
    seal.add_argument("items", nargs="+", type=item_id, metavar="ID")
    add_user_option(seal, "the notary sealing")
    copy = add_command(group, "copy", "write a copy of an item out of the vault (logged)", cmd_evidence_copy)
    copy.add_argument("item", type=item_id, metavar="ID")
    copy.add_argument("--out", required=True, type=Path, metavar="FILE")
    add_user_option(copy)
    proof = add_command(group, "proof", "write an item's proof to check with openssl: its canonical record, "
                        "seals and certificates, the ledger entries that logged them with their RFC 9162 "
                        "inclusion paths, and the signed checkpoint they rest on (sign one first: "
                        "`mediseal checkpoint`)", cmd_evidence_proof)
    proof.add_argument("item", type=item_id, metavar="ID")
    proof.add_argument("--out", required=True, type=Path, metavar="DIR", help="a new folder")


def _size(size: int) -> str:
    return binary_size(size) or f"{size} B"


def _stderr_progress(done: int, total: int) -> None:
    if sys.stderr.isatty() and total:
        print(f"\r{done * 100 // total:3d}%", end="", file=sys.stderr, flush=True)


def cmd_evidence_add(args: argparse.Namespace) -> int:
    from desktop.core.cases import matters as cases
    from desktop.core.evidence import intake
    from desktop.core.evidence.acquisition import Acquisition, validate_acquisition
    from desktop.core.trust import signing_keys
    acquisition = validate_acquisition(Acquisition(
        args.source, args.url, args.acquired_at, args.acquired_by, args.device, args.note))
    with opened_store(args) as store:
        actor, password = acting_user(args, store)
        if args.seal:
            require(actor, Action.SEAL_EVIDENCE)  # before asking for the key
        with store.database.session_scope() as session:
            cases.find_case(session, args.case)
            key = signing_keys.unlock(session, actor, password) if args.seal else None
        report = intake.ingest_files(store.database, store.vault, actor, args.case, args.files, acquisition,
                                     seal_with=key, progress=_stderr_progress)
    if sys.stderr.isatty():
        print("\r", end="", file=sys.stderr)
    if args.json:
        print_json({"items": report.items, "failures": [failure.to_dict() for failure in report.failures]})
    else:
        if report.items:
            print_table(["ID", "NAME", "SIZE", "TYPE", "SHA-256", "SEALED"],
                        [[str(item.id), item.name, _size(item.size), item.mime_type, item.sha256[:16],
                          ", ".join(seal.signer for seal in item.seals)] for item in report.items])
        print(f"Took in {len(report.items)} file(s) into {args.case}.")
    for failure in report.failures:
        print(f"mediseal: not taken in: {one_line(failure.path)}: {failure.message}", file=sys.stderr)
    return EXIT_USAGE if report.failures else EXIT_OK


def cmd_evidence_list(args: argparse.Namespace) -> int:
    from desktop.core.evidence import items as evidence_items
    with opened_store(args) as store, store.database.session_scope() as session:
        listed = evidence_items.list_items(session, args.case)
    print_listing(args.json, listed, ["ID", "NAME", "SOURCE", "SIZE", "SHA-256", "SEALED BY", "TAKEN IN"],
                  lambda item: [str(item.id), item.name, item.acquisition.source_kind,
                                _size(item.size), item.sha256[:16],
                                ", ".join(seal.signer for seal in item.seals), local_time(item.ingested_at)])
    return EXIT_OK


def cmd_evidence_show(args: argparse.Namespace) -> int:
    from desktop.core.evidence import items as evidence_items
    from desktop.core.evidence import preservation
    from desktop.core.exchange.importing import origin_of
    with opened_store(args) as store, store.database.session_scope() as session:
        item = evidence_items.get_item(session, args.item)
        record = evidence_items.get_record(session, args.item)
        trail = evidence_items.custody_trail(session, args.item)
        records = preservation.records_of_items(session, [args.item])[args.item]
        origin = origin_of(session, args.item)
    if args.json:
        print_json({"item": item, "record": record, "preservation_records": records,
                    "custody": [entry.record() for entry in trail],
                    "origin": origin.as_json() if origin is not None else None})
        return EXIT_OK
    acquisition = item.acquisition
    lines = [("Item", str(item.id)), ("Case", item.case_number), ("Name", item.name),
             ("Size", f"{item.size} bytes"), ("Type", item.mime_type), ("SHA-256", item.sha256),
             ("SM3", item.sm3), ("Record SHA-256", item.record_sha256), ("Source", acquisition.source_kind),
             ("URL", acquisition.url or ""), ("Acquired at", local_time(acquisition.acquired_at)),
             ("Acquired by", acquisition.acquired_by), ("Device", acquisition.device),
             ("Note", acquisition.note),
             ("Taken in", f"{local_time(item.ingested_at)} by {item.ingested_by}"),
             ("Preservation", ", ".join(str(number) for number in records)),
             ("Imported", origin.summary() if origin is not None else "")]
    for label, value in lines:
        if value:
            print(f"{label + ':':16}{one_line(value)}")  # one line per field: a note's lines as \n
    for seal in item.seals:
        revoked = f" (key revoked {local_time(seal.key_revoked_at)})" if seal.key_revoked_at else ""
        print(f"{'Sealed:':16}{local_time(seal.sealed_at)} by {seal.signer}, certificate "
              f"{seal.fingerprint[:16]}{revoked}")
    print("Custody trail:")
    print_table(["SEQ", "TIME", "USER", "EVENT"],
                [[str(entry.seq), local_time(entry.recorded_at), entry.actor, entry.kind] for entry in trail])
    return EXIT_OK


def cmd_evidence_seal(args: argparse.Namespace) -> int:
    from desktop.core.evidence import seals
    from desktop.core.trust import signing_keys
    with opened_store(args) as store:
        actor, password = acting_user(args, store)
        require(actor, Action.SEAL_EVIDENCE)
        with store.database.session_scope() as session:
            key = signing_keys.unlock(session, actor, password)
            made = seals.seal_items(session, actor, key, args.items)
    for seal in made:
        print(f"Sealed item {seal.item_id} by {seal.signer} (certificate {seal.fingerprint[:16]})")
    return EXIT_OK


def cmd_evidence_copy(args: argparse.Namespace) -> int:
    from desktop.core.evidence import readout
    refuse_existing(args.out)
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        written = readout.copy_out(store.database, store.vault, actor, args.item, args.out)
    print(f"Wrote {one_line(str(written))}")
    return EXIT_OK


def cmd_evidence_proof(args: argparse.Namespace) -> int:
    from desktop.core.exchange import proofs

    with opened_store(args) as store, store.database.session_scope() as session:
        proof = proofs.item_proof(session, args.item)
    written = proofs.save_proof(proof, args.out)
    print(f"Wrote the proof of item {proof.item.id} ({len(proof.item.seals)} seal(s), checkpoint "
          f"{proof.checkpoint.id}): {len(written)} files in {one_line(str(args.out))}")
    return EXIT_OK
