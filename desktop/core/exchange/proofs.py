"""Proofs an outsider checks without Mediseal: an evidence item's canonical record with each seal's
signature and certificate, and the steps to check them with plain OpenSSL.

``item_proof`` returns the files as plain data (names and bytes), for the command line to write and the
window to save; ``save_proof`` writes them into a new folder through the durable writer."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput
from desktop.core.evidence import items as evidence_items
from desktop.core.integrity import durable
from desktop.core.integrity.canonical import canonical_bytes
from desktop.core.trust import signing_keys

RECORD_FILE = "record.json"
README_FILE = "README.txt"
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


@dataclass(frozen=True, slots=True)
class ItemProof:
    """An item and the files of its proof, in the order they are written: ``record.json``, then for
    seal N ``seal-N.sig`` (DER ECDSA signature over the record) and ``seal-N.pem`` (its certificate and
    chain), then ``README.txt``."""

    item: evidence_items.ItemInfo
    files: tuple[tuple[str, bytes], ...]


def item_proof(session: Session, item_id: int) -> ItemProof:
    """The proof of one item's seals (an item with no seal gets its record and the steps alone)."""
    item = evidence_items.get_item(session, item_id)
    files: list[tuple[str, bytes]] = [(RECORD_FILE, canonical_bytes(evidence_items.get_record(session,
                                                                                               item_id)))]
    for number, seal in enumerate(item.seals, start=1):
        files.append((f"seal-{number}.sig", seal.signature))
        files.append((f"seal-{number}.pem", signing_keys.export_certificate(session, seal.signer,
                                                                           seal.fingerprint)))
    files.append((README_FILE, PROOF_README.encode("utf-8")))
    return ItemProof(item, tuple(files))


def save_proof(proof: ItemProof, folder: Path) -> list[Path]:
    """Write the proof into ``folder``, a new folder (its parents are made); each file through the
    durable writer. On any error nothing is left: the folder goes with what was written."""
    if folder.exists() or folder.is_symlink():
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "{path} exists: a proof goes into a new folder; choose another name."),
            path=str(folder))
    try:
        folder.mkdir(parents=True)
    except OSError as error:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Cannot make the folder {path}: {reason}"),
                           path=str(folder), reason=error.strerror or str(error)) from error
    written: list[Path] = []
    try:
        for name, data in proof.files:
            written.append(durable.write_new_file(folder / name, data))
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    durable.fsync_folder(folder.parent)
    return written
