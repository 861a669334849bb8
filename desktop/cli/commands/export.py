"""``mediseal export --case NO [--items ID...] --out FILE.zip``: a case's court package (a BagIt bag in a
zip, checkable by hand with bagit.py and openssl); ``mediseal verify-package FILE.zip``: check such a
package with no data folder."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    UsageError,
    acting_user,
    add_common,
    add_json_option,
    add_user_option,
    item_id,
    one_line,
    print_json,
)

if TYPE_CHECKING:
    from desktop.core.exchange.package import PackageTimestamp


def register(commands: Any) -> None:
    export = commands.add_parser(
        "export", help="write a case's court package (BagIt zip anyone can check with bagit.py and openssl)",
        description="Write a case's court package: a BagIt 1.0 bag (RFC 8493) in a new zip with the evidence "
                    "files, each item's canonical record, seals, certificates, ledger entry and inclusion "
                    "proof under a signed checkpoint, the evidence list and the case's signed documents, and "
                    "VERIFY.txt (steps in Chinese and English). When no checkpoint covers the items, one is "
                    "signed with the user's key. With a timestamp authority set, the checkpoint's RFC 3161 "
                    "timestamp goes in too (asked for now when the export signed the checkpoint; the "
                    "output says when the package has none). Never over an existing file.")
    add_common(export)
    export.set_defaults(handler=cmd_export)
    export.add_argument("--case", required=True, metavar="NO", help="the case number")
    export.add_argument("--items", type=item_id, nargs="+", metavar="ID",
                        help="only these evidence items (selective disclosure; default: every item)")
    export.add_argument("--out", required=True, type=Path, metavar="FILE.zip", help="the new zip file")
    add_user_option(export)
    add_json_option(export)

    verify = commands.add_parser(
        "verify-package", help="check a court package (no data folder needed)",
        description="Check a court package: the bag's manifests and Payload-Oxum, each record's SHA-256 and "
                    "SM3 against its evidence file, each seal against its certificate, each ledger entry "
                    "against its record, each inclusion proof to the checkpoint's root, the checkpoint's "
                    "signature and its RFC 3161 timestamp when present (items without a seal are named as "
                    "notices); unsafe archives (names leaving the folder, symlinks, zip bombs, more than "
                    "one top-level folder) are refused unread. Exit 0 when all checks out, 1 with each "
                    "finding named, 2 when the file cannot be read.")
    add_common(verify)
    verify.set_defaults(handler=cmd_verify_package)
    verify.add_argument("file", type=Path, metavar="FILE.zip", help="the package")
    add_json_option(verify)


def cmd_export(args: argparse.Namespace) -> int:
    from desktop.cli.common import opened_store
    from desktop.core.exchange.package import export_package
    from desktop.core.trust import signing_keys

    with opened_store(args) as store:
        actor, password = acting_user(args, store)
        with store.database.session_scope() as session:
            key = signing_keys.usable_key(session, actor, password)
        made = export_package(store.database.session_scope, store.vault, actor, args.case, args.out,
                              args.items, key)
    if args.json:
        print_json({"path": str(made.path), "case": made.case_number, "items": list(made.items),
                    "documents": list(made.documents), "checkpoint": made.checkpoint.id,
                    "checkpoint_certificate": made.checkpoint.fingerprint,
                    "tree_size": made.checkpoint.tree_size, "signed_checkpoint": made.signed_checkpoint,
                    "size": made.size, "timestamp": _stamp_time(made.timestamp),
                    "timestamp_missing": made.timestamp.missing if made.timestamp else None})
    else:
        signed = " (signed now)" if made.signed_checkpoint else ""
        print(f"Wrote the court package of {made.case_number} to {one_line(str(made.path))}: "
              f"{len(made.items)} item(s), {len(made.documents)} document(s), {made.size} bytes; proofs to "
              f"checkpoint {made.checkpoint.id}{signed}")
        if made.timestamp is not None:
            print(f"trusted timestamp (RFC 3161) of {_stamp_time(made.timestamp)}" if made.timestamp.when else
                  f"no trusted timestamp in the package: {one_line(made.timestamp.missing)}")
    return EXIT_OK


def _stamp_time(stamp: PackageTimestamp | None) -> str | None:
    return stamp.when.isoformat() if stamp is not None and stamp.when is not None else None


def cmd_verify_package(args: argparse.Namespace) -> int:
    from desktop.core.exchange.verify_package import UnreadablePackage, check_package

    try:
        check = check_package(args.file)
    except UnreadablePackage as error:
        raise UsageError(f"cannot read {one_line(str(args.file))} as a zip: {error}") from None
    findings, stamp = check.findings, check.timestamp
    if args.json:
        print_json({"file": str(args.file), "ok": not findings,
                    "findings": [finding.as_json() for finding in findings],
                    "notices": [notice.as_json() for notice in check.notices],
                    "certificates": [{"sha256": fingerprint, "subject": subject}
                                     for fingerprint, subject in check.certificates],
                    "timestamp": None if stamp is None else {
                        "checked": True, "ok": stamp.ok,
                        "time": stamp.time.isoformat() if stamp.time else None, "authority": stamp.authority,
                        "ca_sha256": list(stamp.ca_sha256)}})
    else:
        for fingerprint, subject in check.certificates:
            print(f"certificate {fingerprint}: {one_line(subject)}")
        if stamp is not None:
            print(f"trusted timestamp {stamp.time.isoformat() if stamp.time else '(unreadable)'} by "
                  f"{one_line(stamp.authority)}, CA {', '.join(stamp.ca_sha256)}: "
                  f"{'checks out' if stamp.ok else 'does not check out'}")
        for finding in (*findings, *check.notices):
            item = f" item {finding.item}" if finding.item is not None else ""
            notice = "notice: " if finding in check.notices else ""
            print(f"{notice}{finding.code.value}: {one_line(finding.file)}{item}: expected "
                  f"{one_line(finding.expected)}, found {one_line(finding.found)}")
        verdict = "checks out" if not findings else f"{len(findings)} finding(s)"
        print(f"{one_line(str(args.file))}: {verdict}")
    return EXIT_OK if not findings else EXIT_REFUSED
