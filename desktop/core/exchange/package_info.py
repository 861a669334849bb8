"""What a court package says about itself, for a reader to see beside the check's findings: the case
number and the source office from ``bag-info.txt`` (RFC 8493 §2.2.2), and the checkpoint from
``mediseal/ledger/checkpoint.json``. Read in place from a zip that passes the same safety screen as
``verify_package``; a file missing or unreadable gives empty values (the check names it as a finding)."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from desktop.core.exchange import package_layout as layout
from desktop.core.exchange.verify_package import UnreadablePackage, _Bag, _json, _screen


@dataclass(frozen=True, slots=True)
class PackageInfo:
    """The package's own statements (not checked here): case number, office, bagging date, and the
    checkpoint's tree size, root, time and signer."""

    case_number: str = ""
    office: str = ""
    bagging_date: str = ""
    tree_size: int | None = None
    root_sha256: str = ""
    checkpoint_time: str = ""
    checkpoint_signer: str = ""


def _labels(data: bytes | None) -> dict[str, str]:
    # RFC 8493 §2.2.2: "Label: value" lines; a value may continue on lines that start with whitespace.
    found: dict[str, str] = {}
    last = ""
    for line in (data or b"").decode("utf-8", "replace").splitlines():
        if line[:1] in (" ", "\t") and last:
            found[last] += " " + line.strip()
        elif ":" in line:
            last, _sep, value = line.partition(":")
            found.setdefault(last.strip(), value.strip())
            last = last.strip()
    return found


def package_info(path: Path) -> PackageInfo:
    """What the package at ``path`` states; empty for an archive that is unsafe to read.
    ``UnreadablePackage`` when the file is not a zip at all."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile, ValueError) as error:
        raise UnreadablePackage(str(error)) from None
    with archive:
        top, _findings = _screen(archive.infolist())
        if top is None:
            return PackageInfo()
        bag = _Bag(archive, top)
        try:
            labels = _labels(bag.read(layout.BAG_INFO_FILE))
            checkpoint = _json(bag.read(layout.CHECKPOINT_FILE)) or {}
        except (zipfile.BadZipFile, OSError, EOFError):
            return PackageInfo()
    size = checkpoint.get("tree_size")
    return PackageInfo(labels.get("External-Identifier", ""), labels.get("Source-Organization", ""),
                       labels.get("Bagging-Date", ""), size if isinstance(size, int) else None,
                       str(checkpoint.get("root_sha256", "")), str(checkpoint.get("time", "")),
                       str(checkpoint.get("signer", "")))
