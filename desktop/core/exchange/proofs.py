"""Proofs an outsider checks without Mediseal: an evidence item's canonical record with each seal's
signature and certificate, the ledger entries that logged the record and the seals, their RFC 9162
inclusion proofs under a signed checkpoint, and the steps to check it all with plain OpenSSL.

``item_proof`` returns the files as plain data (names and bytes), for the command line to write and the
window to save; ``save_proof`` writes them into a new folder through the durable writer; ``export_proofs``
writes the proofs of several items, each in a folder of its own, all or none. A proof rests on a signed
checkpoint that covers every entry it shows: without one it is refused, saying how to get one.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from db.engine import Database
from desktop.core.errors import QT_TRANSLATE_NOOP, IntegrityError, InvalidInput, NotAllowed
from desktop.core.evidence import items as evidence_items
from desktop.core.evidence.seals import seal_record
from desktop.core.integrity import durable
from desktop.core.integrity.canonical import canonical_bytes
from desktop.core.integrity.merkle import leaf_hash, verify_inclusion
from desktop.core.progress import CancelledFn, ProgressFn, never_cancelled, no_progress, raise_if_cancelled
from desktop.core.trust import checkpoints, ledger, signing_keys
from desktop.core.trust.checkpoints import CheckpointInfo
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Actor, require_active
from desktop.core.trust.pki import certificates, signatures

RECORD_FILE = "record.json"
INCLUSION_FILE = "inclusion.json"
CHECKPOINT_FILE = "checkpoint.json"
CHECKPOINT_SIGNATURE_FILE = "checkpoint.sig"
CHECKPOINT_CERTIFICATE_FILE = "checkpoint.pem"
README_FILE = "README.txt"
INCLUSION_TYPE = "ledger-inclusion"
INCLUSION_VERSION = 1
# RFC 9162 §2.1.1 with SHA-256: the ledger's Merkle tree hashing, named in inclusion.json.
INCLUSION_ALGORITHM = "rfc9162-sha256"
PROOF_README = """How to check this proof with nothing but OpenSSL
==================================================

record.json is the evidence item's canonical record (RFC 8785 JSON); its "sha256" and "sm3" fields are
the digests of the file itself:

  openssl dgst -sha256 FILE
  openssl dgst -sm3 FILE            (FILE: a copy written by "mediseal evidence copy")

1. The seals. Each seal-N.sig is a DER ECDSA P-256 signature over record.json with SHA-256, made with
   the key of the certificate seal-N.pem:

  openssl x509 -in seal-1.pem -noout -subject -dates -fingerprint -sha256
  openssl x509 -in seal-1.pem -pubkey -noout > seal-1.pub
  openssl dgst -sha256 -verify seal-1.pub -signature seal-1.sig record.json

   seal-N.json is the seal's record as the ledger logged it: the record's SHA-256, the signer, the
   certificate's SHA-256 fingerprint, the time and the signature (seal-N.sig in base64).

2. The ledger (存证日志). Each entry-S.json is ledger entry S (RFC 8785 JSON). Its "subject_sha256" is
   the SHA-256 of record.json (kind evidence.ingested: the record as taken in) or of a seal-N.json
   (kind evidence.sealed):

  openssl dgst -sha256 record.json seal-1.json

   An entry's leaf hash is SHA-256 over one zero byte and then the entry (RFC 9162 section 2.1.1):

  (printf '\\000'; cat entry-S.json) | openssl dgst -sha256

   inclusion.json gives, for each entry, its leaf index (= S), its leaf hash and its inclusion path in
   the tree of "tree_size" entries whose root is "root_sha256". Fold the path as RFC 9162 section
   2.1.3.2 says: fn = index, sn = tree_size - 1, r = leaf hash; for each hash p of the path: if sn is 0,
   fail; if fn is odd or fn = sn, then r = SHA-256(01 || p || r) and, while fn is even and not 0, halve
   fn and sn; otherwise r = SHA-256(01 || r || p); then halve fn and sn. At the end sn must be 0 and r
   the root.

3. The checkpoint. checkpoint.json is the signed tree head (tree size, root, time, signer, certificate
   fingerprint), its tree_size and root_sha256 those of inclusion.json:

  openssl x509 -in checkpoint.pem -pubkey -noout > checkpoint.pub
  openssl dgst -sha256 -verify checkpoint.pub -signature checkpoint.sig checkpoint.json
"""


@dataclass(frozen=True, slots=True)
class ItemProof:
    """An item and the files of its proof, in the order they are written: ``record.json``; for seal N
    ``seal-N.json`` (its record as logged), ``seal-N.sig`` (DER ECDSA signature over the item's record)
    and ``seal-N.pem`` (its certificate and chain); ``entry-S.json`` for each ledger entry shown;
    ``inclusion.json``; the checkpoint's record, signature and certificate; ``README.txt``."""

    item: evidence_items.ItemInfo
    checkpoint: CheckpointInfo
    files: tuple[tuple[str, bytes], ...]


@dataclass(frozen=True, slots=True)
class WrittenProof:
    """One item's proof as written: its folder and the files in it."""

    item: int
    folder: Path
    files: tuple[Path, ...]


def proof_folder_name(item_id: int) -> str:
    """The folder ``export_proofs`` writes an item's proof into (``item-12-proof``)."""
    return f"item-{item_id}-proof"


def _entry_for(trail: Sequence[ledger.Entry], kind: EventKind, digest: str) -> ledger.Entry | None:
    return next((entry for entry in trail if entry.kind == kind and entry.subject_sha256 == digest), None)


def _not_in_ledger(item_id: int) -> IntegrityError:
    return IntegrityError(QT_TRANSLATE_NOOP(
        "errors", "Evidence item {item}, its seals or the ledger differ from what was logged, so no proof "
        "was made. Run a verification to see what differs."), item=item_id)


class CheckpointNeeded(NotAllowed):
    """No signed checkpoint covers the entries a proof would show: sign one, then make the proof again."""


def _covering_checkpoint(session: Session, item_id: int, last_seq: int) -> CheckpointInfo:
    """The latest checkpoint, which must cover entry ``last_seq`` (checkpoints only grow)."""
    latest = checkpoints.latest(session)
    if latest is None:
        raise CheckpointNeeded(QT_TRANSLATE_NOOP(
            "errors", "No checkpoint has been signed yet, so there is nothing to prove evidence item {item} "
            "against. Sign a checkpoint (the Ledger page's Sign Checkpoint, or `mediseal checkpoint`), or "
            "sign out, which signs one with your signing key; then make the proof again."), item=item_id)
    if latest.tree_size <= last_seq:
        raise CheckpointNeeded(QT_TRANSLATE_NOOP(
            "errors", "No checkpoint covers evidence item {item} yet: its ledger entries run to number "
            "{seq}, the latest checkpoint ({checkpoint}) covers entries 0 to {last}. Sign a checkpoint (the "
            "Ledger page's Sign Checkpoint, or `mediseal checkpoint`), or sign out, which signs one with "
            "your signing key; then make the proof again."),
            item=item_id, seq=last_seq, checkpoint=latest.id, last=latest.tree_size - 1)
    return latest


def _inclusion_paths(session: Session, item_id: int, checkpoint: CheckpointInfo,
                     shown: Sequence[ledger.Entry]) -> list[tuple[ledger.Entry, list[bytes]]]:
    """Each entry with its inclusion path in the checkpoint's tree, oldest first, each path checked
    against the checkpoint's root (RFC 9162 §2.1.3.2), so a proof that does not verify is never made."""
    size = checkpoint.tree_size
    root = bytes.fromhex(checkpoint.root_sha256)
    paths: list[tuple[ledger.Entry, list[bytes]]] = []
    try:
        tree = ledger.tree(session, size)
        for entry in sorted(shown, key=lambda shown_entry: shown_entry.seq):
            path = tree.inclusion_proof(entry.seq, size)
            if not verify_inclusion(leaf_hash(entry.leaf()), entry.seq, size, path, root):
                raise _not_in_ledger(item_id)
            paths.append((entry, path))
    except (KeyError, ValueError):  # a node gone, or a checkpoint beyond the ledger
        raise _not_in_ledger(item_id) from None
    return paths


def item_proof(session: Session, item_id: int) -> ItemProof:
    """The proof of one item: its record, its seals, and the ledger entries that logged them with their
    inclusion proofs under the latest checkpoint. Refused (``NotAllowed``) when no checkpoint covers
    those entries; (``IntegrityError``) when the store does not match its ledger, since a proof that
    does not check out is never handed out.

    RFC 9162 §2.1.3: an inclusion proof shows a leaf is in the tree whose root a checkpoint signed; the
    latest checkpoint is used, as checkpoints only grow and each covers all before it."""
    item = evidence_items.get_item(session, item_id)
    record = canonical_bytes(evidence_items.get_record(session, item_id))
    trail = evidence_items.custody_trail(session, item_id)
    ingested = _entry_for(trail, EventKind.EVIDENCE_INGESTED, hashlib.sha256(record).hexdigest())
    if ingested is None:
        raise _not_in_ledger(item_id)
    files: list[tuple[str, bytes]] = [(RECORD_FILE, record)]
    shown = [ingested]
    for number, seal in enumerate(item.seals, start=1):
        logged = canonical_bytes(seal_record(item.id, item.record_sha256, seal.signer, seal.fingerprint,
                                             seal.sealed_at, seal.signature))
        entry = _entry_for(trail, EventKind.EVIDENCE_SEALED, hashlib.sha256(logged).hexdigest())
        if entry is None:
            raise _not_in_ledger(item_id)
        shown.append(entry)
        files += [(f"seal-{number}.json", logged), (f"seal-{number}.sig", seal.signature),
                  (f"seal-{number}.pem", signing_keys.export_certificate(session, seal.signer,
                                                                         seal.fingerprint))]
    checkpoint = _covering_checkpoint(session, item_id, max(entry.seq for entry in shown))
    proven: list[dict[str, object]] = []
    for entry, path in _inclusion_paths(session, item_id, checkpoint, shown):
        name = f"entry-{entry.seq}.json"
        files.append((name, entry.leaf()))
        proven.append({"file": name, "seq": entry.seq, "kind": entry.kind, "leaf_index": entry.seq,
                       "leaf_sha256": leaf_hash(entry.leaf()).hex(),
                       "inclusion_path": [node.hex() for node in path]})
    files.append((INCLUSION_FILE, canonical_bytes({
        "type": INCLUSION_TYPE, "version": INCLUSION_VERSION, "algorithm": INCLUSION_ALGORITHM,
        "checkpoint": checkpoint.id, "tree_size": checkpoint.tree_size, "root_sha256": checkpoint.root_sha256,
        "entries": proven})))
    signed = canonical_bytes(checkpoint.record())
    certificate = signing_keys.export_certificate(session, checkpoint.signer, checkpoint.fingerprint)
    if not signatures.verify(certificates.load_certificate_pem(certificate), signed, checkpoint.signature):
        raise _not_in_ledger(item_id)
    files += [(CHECKPOINT_FILE, signed), (CHECKPOINT_SIGNATURE_FILE, checkpoint.signature),
              (CHECKPOINT_CERTIFICATE_FILE, certificate), (README_FILE, PROOF_README.encode("utf-8"))]
    return ItemProof(item, checkpoint, tuple(files))


def _refuse_existing_folder(folder: Path) -> None:
    if folder.exists() or folder.is_symlink():
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "{path} exists: a proof goes into a new folder; choose another name."),
            path=str(folder))


def save_proof(proof: ItemProof, folder: Path) -> list[Path]:
    """Write the proof into ``folder``, a new folder (its parents are made); each file through the
    durable writer. On any error nothing is left: the folder goes with what was written."""
    _refuse_existing_folder(folder)
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


def export_proofs(database: Database, item_ids: Sequence[int], folder: Path, actor: Actor | None = None,
                  progress: ProgressFn = no_progress, cancelled: CancelledFn = never_cancelled
                  ) -> list[WrittenProof]:
    """Write each item's proof into ``folder/item-N-proof`` (``proof_folder_name``), the same files
    ``item_proof`` gives the command line. All or none: every proof is made (and so every refusal met)
    and every target checked before the first is written; an error or a cancel removes what this call
    wrote; an existing folder is never written into. With ``actor`` (the window's signed-in user) nothing
    is written once they have signed out."""
    ids = list(dict.fromkeys(item_ids))
    if not ids:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Name at least one evidence item to prove."))
    total = 2 * len(ids)
    made: list[ItemProof] = []
    with database.session_scope() as session:  # one read: every proof against the same checkpoint
        for done, item_id in enumerate(ids):
            raise_if_cancelled(cancelled)
            made.append(item_proof(session, item_id))
            progress(done + 1, total)
    targets = [folder / proof_folder_name(item_id) for item_id in ids]
    for target in targets:
        _refuse_existing_folder(target)
    written: list[WrittenProof] = []
    try:
        for done, (proof, target) in enumerate(zip(made, targets, strict=True), start=len(ids) + 1):
            raise_if_cancelled(cancelled)
            if actor is not None:
                require_active(actor)
            written.append(WrittenProof(proof.item.id, target, tuple(save_proof(proof, target))))
            progress(done, total)
    except BaseException:
        for proof_written in written:
            shutil.rmtree(proof_written.folder, ignore_errors=True)
        raise
    return written
