"""``mediseal case``, ``evidence`` and ``preservation``: cases, evidence in the vault, seals and
preservation records (保全证据记录)."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
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
    local_time,
    opened_store,
    print_json,
    print_listing,
    print_table,
    refuse_overwrite,
)
from desktop.core.text import binary_size
from desktop.core.trust.permissions import Action, require

SOURCE_HELP = ("upload, web-capture (网页取证, needs --url), photo, audio, video, screen-recording, document "
               "or other (default upload)")



def _time(text: str) -> datetime:
    """An ISO 8601 time; without a zone it is local time."""
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a time: {text!r} (use e.g. 2026-11-25T09:30 or "
                                         "2026-11-25T09:30+08:00)") from None
    return moment.astimezone() if moment.tzinfo is None else moment


def _item_id(text: str) -> int:
    value = int(text)
    if value < 1:
        raise ValueError(text)
    return value


def register(commands: Any) -> None:
    case = commands.add_parser("case", help="mediation cases (调解案件)")
    group = case.add_subparsers(dest="case_command", metavar="ACTION", required=True, parser_class=type(case))
    new = add_command(group, "new", "open a case; prints its number as the last line", cmd_case_new)
    new.add_argument("--type", required=True, dest="case_type", metavar="TYPE",
                     help="patent, trademark, copyright, trade-secret, plant-variety, "
                          "geographical-indication, unfair-competition or other")
    new.add_argument("--title", required=True, metavar="TEXT")
    add_user_option(new)
    listing = add_command(group, "list", "list cases, newest first", cmd_case_list)
    add_json_option(listing)

    evidence = commands.add_parser("evidence", help="evidence in the vault (证据): add, list, show, seal, "
                                   "copy, proof")
    group = evidence.add_subparsers(dest="evidence_command", metavar="ACTION", required=True,
                                    parser_class=type(evidence))
    add = add_command(group, "add", "take files (or folders, walked) into a case's evidence",
                      cmd_evidence_add)
    add.add_argument("--case", required=True, metavar="NO", help="case number, e.g. (2026)云知调字第0001号")
    add.add_argument("files", nargs="+", metavar="FILE", type=Path)
    add.add_argument("--source", default="upload", metavar="KIND", help=SOURCE_HELP)
    add.add_argument("--url", metavar="URL", help="address of a captured web page")
    add.add_argument("--acquired-at", type=_time, metavar="TIME",
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
    show.add_argument("item", type=_item_id, metavar="ID")
    add_json_option(show)
    seal = add_command(group, "seal", "seal items with your key (notaries only; a seal is never replaced)",
                    cmd_evidence_seal)
    seal.add_argument("items", nargs="+", type=_item_id, metavar="ID")
    add_user_option(seal, "the notary sealing")
    copy = add_command(group, "copy", "write a copy of an item out of the vault (logged)", cmd_evidence_copy)
    copy.add_argument("item", type=_item_id, metavar="ID")
    copy.add_argument("--out", required=True, type=Path, metavar="FILE")
    add_user_option(copy)
    proof = add_command(group, "proof", "write an item's canonical record, its seals and certificates, to "
                     "check with openssl", cmd_evidence_proof)
    proof.add_argument("item", type=_item_id, metavar="ID")
    proof.add_argument("--out", required=True, type=Path, metavar="DIR", help="a new folder")

    record = commands.add_parser("preservation", help="preservation records (保全证据记录)")
    group = record.add_subparsers(dest="preservation_command", metavar="ACTION", required=True,
                                  parser_class=type(record))
    new = add_command(group, "new", "write and seal a preservation record for items of a case (notaries)",
                   cmd_preservation_new)
    new.add_argument("--case", required=True, metavar="NO")
    new.add_argument("--item", action="append", type=_item_id, required=True, metavar="ID",
                     help="an evidence item it covers; repeat for several")
    new.add_argument("--place", required=True, metavar="TEXT")
    new.add_argument("--applicant", required=True, metavar="TEXT", help="who applied for preservation")
    new.add_argument("--operator", required=True, metavar="TEXT", help="who carried out the acquisition")
    new.add_argument("--steps", required=True, metavar="TEXT", help="how the evidence was acquired")
    new.add_argument("--devices", default="", metavar="TEXT")
    new.add_argument("--witness", action="append", default=[], metavar="NAME", help="repeat for several")
    new.add_argument("--started-at", type=_time, metavar="TIME")
    new.add_argument("--ended-at", type=_time, metavar="TIME")
    new.add_argument("--corrects", type=_item_id, metavar="N", help="the record this one corrects")
    add_user_option(new, "the notary sealing")
    add_json_option(new)
    listing = add_command(group, "list", "list a case's preservation records", cmd_preservation_list)
    listing.add_argument("--case", required=True, metavar="NO")
    add_json_option(listing)


# --- cases -----------------------------------------------------------------------------------------
def cmd_case_new(args: argparse.Namespace) -> int:
    from desktop.core.cases import matters as cases
    cases.validate_case_type(args.case_type)
    cases.validate_title(args.title)
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        with store.database.session_scope() as session:
            info = cases.open_case(session, actor, args.case_type, args.title)
    print(f"Opened {info.case_type} case: {info.title}")
    print(info.number)
    return EXIT_OK


def cmd_case_list(args: argparse.Namespace) -> int:
    from desktop.core.cases import matters as cases
    with opened_store(args) as store, store.database.session_scope() as session:
        listed = cases.list_cases(session)
    print_listing(args.json, listed, ["NUMBER", "TYPE", "TITLE", "OPENED BY", "OPENED"],
                  lambda info: [info.number, info.case_type, info.title, info.created_by,
                                local_time(info.created_at)])
    return EXIT_OK


# --- evidence --------------------------------------------------------------------------------------
def _shown(name: str) -> str:
    """A file name on one line, whatever it holds (newlines and other controls are escaped)."""
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in name)


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
                        [[str(item.id), _shown(item.name), _size(item.size), item.mime_type, item.sha256[:16],
                          ", ".join(seal.signer for seal in item.seals)] for item in report.items])
        print(f"Took in {len(report.items)} file(s) into {args.case}.")
    for failure in report.failures:
        print(f"mediseal: not taken in: {_shown(failure.path)}: {failure.message}", file=sys.stderr)
    return EXIT_USAGE if report.failures else EXIT_OK


def cmd_evidence_list(args: argparse.Namespace) -> int:
    from desktop.core.evidence import items as evidence_items
    with opened_store(args) as store, store.database.session_scope() as session:
        listed = evidence_items.list_items(session, args.case)
    print_listing(args.json, listed, ["ID", "NAME", "SOURCE", "SIZE", "SHA-256", "SEALED BY", "TAKEN IN"],
                  lambda item: [str(item.id), _shown(item.name), item.acquisition.source_kind,
                                _size(item.size), item.sha256[:16],
                                ", ".join(seal.signer for seal in item.seals), local_time(item.ingested_at)])
    return EXIT_OK


def cmd_evidence_show(args: argparse.Namespace) -> int:
    from desktop.core.evidence import items as evidence_items
    from desktop.core.evidence import preservation
    with opened_store(args) as store, store.database.session_scope() as session:
        item = evidence_items.get_item(session, args.item)
        record = evidence_items.get_record(session, args.item)
        trail = evidence_items.custody_trail(session, args.item)
        records = preservation.records_of_items(session, [args.item])[args.item]
    if args.json:
        print_json({"item": item, "record": record, "preservation_records": records,
                    "custody": [entry.record() for entry in trail]})
        return EXIT_OK
    acquisition = item.acquisition
    lines = [("Item", str(item.id)), ("Case", item.case_number), ("Name", _shown(item.name)),
             ("Size", f"{item.size} bytes"), ("Type", item.mime_type), ("SHA-256", item.sha256),
             ("SM3", item.sm3), ("Record SHA-256", item.record_sha256), ("Source", acquisition.source_kind),
             ("URL", acquisition.url or ""), ("Acquired at", local_time(acquisition.acquired_at)),
             ("Acquired by", acquisition.acquired_by), ("Device", acquisition.device),
             ("Note", acquisition.note),
             ("Taken in", f"{local_time(item.ingested_at)} by {item.ingested_by}"),
             ("Preservation", ", ".join(str(number) for number in records))]
    for label, value in lines:
        if value:
            print(f"{label + ':':16}{value}")
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
    refuse_overwrite(args.out)
    with opened_store(args) as store:
        actor, _password = acting_user(args, store)
        written = readout.copy_out(store.database, store.vault, actor, args.item, args.out)
    print(f"Wrote {written}")
    return EXIT_OK


PROOF_README = """How to check this seal with nothing but OpenSSL
=================================================

record.json is the evidence item's canonical record (RFC 8785 JSON); its "sha256" and "sm3" fields are
the digests of the file itself. Each seal-N.sig is a DER ECDSA P-256 signature over record.json with
SHA-256, made with the key of the certificate seal-N.pem.

  openssl x509 -in seal-1.pem -noout -subject -dates -fingerprint -sha256
  openssl x509 -in seal-1.pem -pubkey -noout > seal-1.pub
  openssl dgst -sha256 -verify seal-1.pub -signature seal-1.sig record.json

and, for the file itself (a copy written by "mediseal evidence copy"):

  openssl dgst -sha256 FILE
  openssl dgst -sm3 FILE
"""


def cmd_evidence_proof(args: argparse.Namespace) -> int:
    from desktop.core.evidence import items as evidence_items
    from desktop.core.integrity.canonical import canonical_bytes
    from desktop.core.trust import signing_keys

    if args.out.exists():
        raise UsageError(f"{args.out} exists: give a new folder")
    with opened_store(args) as store, store.database.session_scope() as session:
        item = evidence_items.get_item(session, args.item)
        record = canonical_bytes(evidence_items.get_record(session, args.item))
        certificates = [signing_keys.export_certificate(session, seal.signer, seal.fingerprint)
                        for seal in item.seals]
    args.out.mkdir(parents=True)
    (args.out / "record.json").write_bytes(record)
    for number, (seal, pem) in enumerate(zip(item.seals, certificates, strict=True), start=1):
        (args.out / f"seal-{number}.sig").write_bytes(seal.signature)
        (args.out / f"seal-{number}.pem").write_bytes(pem)
    (args.out / "README.txt").write_text(PROOF_README, encoding="utf-8")
    print(f"Wrote the record and {len(item.seals)} seal(s) of item {item.id} to {args.out}")
    return EXIT_OK


# --- preservation records --------------------------------------------------------------------------
def cmd_preservation_new(args: argparse.Namespace) -> int:
    from desktop.core.evidence import preservation
    from desktop.core.trust import signing_keys
    given = preservation.PreservationInput(tuple(args.item), args.place, args.applicant, args.operator,
                                           args.steps, args.devices, tuple(args.witness), args.started_at,
                                           args.ended_at, args.corrects)
    with opened_store(args) as store:
        actor, password = acting_user(args, store)
        require(actor, Action.SEAL_EVIDENCE)
        with store.database.session_scope() as session:
            key = signing_keys.unlock(session, actor, password)
            info = preservation.create_record(session, actor, key, args.case, given)
    if args.json:
        print_json(info)
    else:
        corrects = f", correcting record {args.corrects}" if args.corrects else ""
        print(f"Sealed preservation record {info.id} for {info.case_number}{corrects}: "
              f"{len(args.item)} item(s), record SHA-256 {info.record_sha256}")
    return EXIT_OK


def cmd_preservation_list(args: argparse.Namespace) -> int:
    from desktop.core.evidence import preservation
    with opened_store(args) as store, store.database.session_scope() as session:
        listed = preservation.list_records(session, args.case)
    print_listing(args.json, listed, ["ID", "SEALED", "NOTARY", "ITEMS", "CORRECTS", "CORRECTED BY"],
                  lambda info: [str(info.id), local_time(info.sealed_at), info.signer,
                                ",".join(str(item) for item in info.item_ids), str(info.supersedes or ""),
                                str(info.superseded_by or "")])
    return EXIT_OK
