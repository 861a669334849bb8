"""Import between offices (issue 13): a court package from another office (a notary office's, most often)
taken into a case here. The package is checked completely first (``verify_package.check_package`` and its
timestamp token when it carries one); any finding refuses it and nothing is written. Then each item's file
is stored in the vault (a blob already there is reused), the item is recorded as ingest records one, and
its origin is kept beside it, byte for byte as the package held it: the origin's canonical record, seals
with their certificates, ingest entry, inclusion proof, and the package's signed checkpoint and timestamp,
so ``mediseal verify`` re-checks them later. The package's other sealed records of the case
(``mediseal/case/``) are kept as attachments of the import. Our own ledger entries are appended in the
same transaction as the rows.

The files are stored before the recording transaction, outside any: a cancel or an error after that
records nothing, and blobs stored before it stay unrecorded (the vault's rule: a notice in verification,
reused by a later store)."""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from asn1crypto import tsp  # type: ignore[import-untyped]
from cryptography import x509
from cryptography.x509.oid import NameOID
from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from db.engine import SessionScope
from db.imports import ImportedItem, ImportedSeal, PackageImport, PackageImportFile
from db.models import Blob, EvidenceItem, MediationCase, utc_now
from desktop.core.cases.matters import find_case, require_case_access
from desktop.core.errors import QT_TRANSLATE_NOOP, IntegrityError, InvalidInput, NotAllowed
from desktop.core.evidence.acquisition import Acquisition, validate_acquisition
from desktop.core.evidence.intake import _known_blobs, _next_item_id
from desktop.core.evidence.items import ItemId, item_record, subject
from desktop.core.exchange import package_layout as layout
from desktop.core.exchange.verify_package import Finding, UnreadablePackage, check_package
from desktop.core.integrity.canonical import format_time, parse_time, record_digest
from desktop.core.integrity.digests import Digests
from desktop.core.progress import CancelledFn, ProgressFn, never_cancelled, no_progress, raise_if_cancelled
from desktop.core.storage.vault.interface import Vault
from desktop.core.text import clean_text
from desktop.core.trust import ledger
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Action, Actor, require, require_active
from desktop.core.trust.timestamps import TimestampFailure, check_token

# The checkpoint's RFC 3161 response in a package (``check_package`` checks it before an import).
TIMESTAMP_FILE = layout.TIMESTAMP_RESPONSE_FILE
IMPORT_RECORD_TYPE = "package-import"
ORIGIN_RECORD_TYPE = "evidence-origin"
RECORD_VERSION = 1
NAME_MAX = 255
OFFICE_MAX = 200
MIME_MAX = 128
CHUNK = 4 * 1024 * 1024
# What the import checked before accepting a package (the verdict kept with it).
CHECKED = ("bag manifests and Payload-Oxum (RFC 8493)", "file SHA-256 and SM3 against each record",
           "each seal against its certificate", "each ingest entry against its record",
           "each inclusion proof to the checkpoint root (RFC 9162 §2.1.3.2)", "the checkpoint's signature")
TIMESTAMP_CHECKED = "the timestamp token over the checkpoint (RFC 3161)"


def import_subject(import_id: int) -> str:
    """The ledger subject of an accepted package."""
    return f"import:{import_id}"


@dataclass(frozen=True, slots=True)
class ImportedInfo:
    """One item taken in: its new id, the origin's id, its name, its blob and whether the blob was new."""

    id: ItemId
    origin_id: int
    name: str
    sha256: str
    new_blob: bool


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did: the items taken in, or the findings that refused the package (nothing taken)."""

    package: str
    package_sha256: str
    case_number: str
    source_office: str
    import_id: int | None
    items: tuple[ImportedInfo, ...]
    findings: tuple[Finding, ...]  # the package check's, when it refused the package

    @property
    def refused(self) -> bool:
        return bool(self.findings)


@dataclass(frozen=True, slots=True)
class OriginSeal:
    signer: str
    fingerprint: str


@dataclass(frozen=True, slots=True)
class Origin:
    """Where an imported item came from, as lists and the detail pane show it: "from 某公证处, sealed by
    周婷 (certificate …), origin verdict: verified"."""

    item_id: int
    source_office: str
    origin_item_id: int
    seals: tuple[OriginSeal, ...]
    verified: bool
    package_name: str
    package_sha256: str
    imported_by: str
    imported_at: datetime
    timestamped: bool

    def summary(self) -> str:
        """One line in English (the command line's ``evidence show``)."""
        sealed = ", ".join(f"{seal.signer} (certificate {seal.fingerprint[:16]}…)" for seal in self.seals)
        return (f"from {self.source_office}" + (f", sealed by {sealed}" if sealed else ", not sealed")
                + f", origin verdict: {'verified' if self.verified else 'not verified'} "
                f"(its item {self.origin_item_id} there)")

    def as_json(self) -> dict[str, object]:
        return {"source_office": self.source_office, "origin_item": self.origin_item_id,
                "seals": [{"signer": seal.signer, "certificate_sha256": seal.fingerprint}
                          for seal in self.seals],
                "verdict": "verified" if self.verified else "not verified", "package": self.package_name,
                "package_sha256": self.package_sha256, "imported_by": self.imported_by,
                "imported_at": format_time(self.imported_at), "timestamped": self.timestamped}


# --- reading the package ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Seal:
    fingerprint: str
    signer: str
    certificate: bytes
    signature: bytes


@dataclass(frozen=True, slots=True)
class _OriginItem:
    origin_id: int
    record: bytes
    fields: dict[str, Any]
    payload: str
    seals: tuple[_Seal, ...]
    entry: bytes
    proof: bytes


@dataclass(frozen=True, slots=True)
class _Package:
    source_office: str
    checkpoint: bytes
    checkpoint_signature: bytes
    checkpoint_certificate: bytes
    timestamp_response: bytes | None
    items: tuple[_OriginItem, ...]
    attachments: tuple[tuple[str, bytes], ...]


def signer_name(pem: bytes) -> str:
    """The certificate's common name (who sealed), else its whole subject."""
    certificate = x509.load_pem_x509_certificate(pem)
    names = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    value = names[0].value if names else certificate.subject.rfc4514_string()
    return value if isinstance(value, str) else value.decode("utf-8", "replace")


class _Reader:
    """The files of a package that checked out, by their names inside its one top-level folder."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        infos = [info for info in archive.infolist() if not info.is_dir()]
        top = infos[0].filename.split("/", 1)[0] if infos else ""
        self.files = {info.filename[len(top) + 1:]: info for info in infos}

    def read(self, name: str) -> bytes:
        return self.archive.read(self.files[name])

    def optional(self, name: str) -> bytes | None:
        return self.read(name) if name in self.files else None


def _seals(reader: _Reader, prefix: str) -> tuple[_Seal, ...]:
    found: list[_Seal] = []
    for name in sorted(reader.files):
        if name.startswith(prefix) and name.endswith(".sig") and "/" not in name[len(prefix):]:
            fingerprint = name[len(prefix):-4]
            pem = reader.read(layout.cert_file(fingerprint))
            found.append(_Seal(fingerprint, signer_name(pem), pem, reader.read(name)))
    return tuple(found)


def _source_office(bag_info: bytes) -> str:
    for line in bag_info.decode("utf-8", "replace").splitlines():
        label, _sep, value = line.partition(":")
        if label.strip() == "Source-Organization":
            return clean_text(value.strip(), "source_office", OFFICE_MAX)
    return ""


def _read(reader: _Reader) -> _Package:
    items: list[_OriginItem] = []
    for name in sorted(reader.files):
        stem = name[len(layout.RECORDS) + 1:-5]
        if not (name.startswith(layout.RECORDS + "/") and name.endswith(".json") and stem.isdigit()):
            continue
        origin_id = int(stem)
        record = reader.read(name)
        fields = json.loads(record)
        items.append(_OriginItem(origin_id, record, fields,
                                 layout.evidence_file(origin_id, str(fields.get("name", ""))),
                                 _seals(reader, f"{layout.SEALS}/{origin_id}/"),
                                 reader.read(layout.entry_file(origin_id)),
                                 reader.read(layout.proof_file(origin_id))))
    attachments: dict[str, bytes] = {}
    for name in sorted(reader.files):
        if name.startswith(layout.CASE + "/"):
            attachments[name] = reader.read(name)
            if name.endswith(".sig"):
                certificate = layout.cert_file(name.rsplit("/", 1)[1][:-4])
                attachments[certificate] = reader.read(certificate)
    checkpoint = reader.read(layout.CHECKPOINT_FILE)
    fingerprint = str(json.loads(checkpoint).get("certificate_sha256", ""))
    return _Package(_source_office(reader.read(layout.BAG_INFO_FILE)), checkpoint,
                    reader.read(layout.CHECKPOINT_SIGNATURE_FILE), reader.read(layout.cert_file(fingerprint)),
                    reader.optional(TIMESTAMP_FILE), tuple(items), tuple(sorted(attachments.items())))


def response_token(response: bytes) -> bytes:
    """The TimeStampToken (CMS ContentInfo) of an RFC 3161 ``TimeStampResp``."""
    return bytes(tsp.TimeStampResp.load(response)["time_stamp_token"].dump())


def token_finding(response: bytes, checkpoint: bytes) -> str | None:
    """Why the timestamp response does not cover the checkpoint's bytes (None: it does)."""
    try:
        check_token(response_token(response), hashlib.sha256(checkpoint).digest())
    except TimestampFailure as failure:
        return str(failure)
    except (ValueError, TypeError, KeyError) as error:
        return f"the response cannot be read: {error}"
    return None


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _unreadable(path: Path, reason: str) -> InvalidInput:
    return InvalidInput(QT_TRANSLATE_NOOP("errors", "“{file}” cannot be read as a package: {reason}"),
                        file=path.name, reason=reason)


# --- records ---------------------------------------------------------------------------------------
def origin_record(item_id: int, import_id: int, origin_item_id: int, origin_record_bytes: bytes, entry: bytes,
                  proof: bytes, seals: Iterable[tuple[str, str, bytes]],
                  item_record_sha256: str) -> dict[str, object]:
    """The canonical record logged (``evidence.imported``) for an imported item: its origin, by digest.
    ``seals`` are (certificate fingerprint, signer, signature)."""
    return {"type": ORIGIN_RECORD_TYPE, "version": RECORD_VERSION, "item": item_id, "import": import_id,
            "origin_item": origin_item_id,
            "origin_record_sha256": hashlib.sha256(origin_record_bytes).hexdigest(),
            "origin_entry_sha256": hashlib.sha256(entry).hexdigest(),
            "origin_proof_sha256": hashlib.sha256(proof).hexdigest(),
            "seals": [{"certificate_sha256": fingerprint, "signer": signer,
                       "signature_sha256": hashlib.sha256(signature).hexdigest()}
                      for fingerprint, signer, signature in sorted(seals)],
            "record_sha256": item_record_sha256}


def import_record(row: PackageImport, case_number: str, files: Iterable[tuple[str, bytes]],
                  item_ids: Iterable[int]) -> dict[str, object]:
    """The canonical record logged (``evidence.imported`` under ``import:<id>``) for an accepted package."""
    def sha(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()
    return {"type": IMPORT_RECORD_TYPE, "version": RECORD_VERSION, "id": row.id, "case": case_number,
            "package": row.package_name, "package_sha256": row.package_sha256,
            "source_office": row.source_office, "checkpoint_sha256": sha(row.checkpoint),
            "checkpoint_signature_sha256": sha(row.checkpoint_signature),
            "checkpoint_certificate_sha256": sha(row.checkpoint_certificate),
            "timestamp_sha256": sha(row.timestamp_response) if row.timestamp_response is not None else None,
            "files": {name: sha(data) for name, data in sorted(files)}, "verdict": json.loads(row.verdict),
            "items": sorted(item_ids), "imported_by": row.imported_by,
            "imported_at": format_time(row.imported_at)}


def _acquisition(fields: dict[str, Any]) -> Acquisition:
    given = fields.get("acquisition")
    given = given if isinstance(given, dict) else {}
    acquired_at = given.get("acquired_at")
    return validate_acquisition(Acquisition(
        str(given.get("source") or "other"), given.get("url") or None,
        parse_time(acquired_at) if isinstance(acquired_at, str) else None,
        str(given.get("acquired_by") or ""),
        str(given.get("device") or ""), str(given.get("note") or "")))


def _already_imported(session: Session, case_id: int, package: _Package) -> list[int]:
    digests = [hashlib.sha256(item.record).hexdigest() for item in package.items]
    found = session.execute(select(ImportedItem.origin_item_id, ImportedItem.item_id)
                            .join(EvidenceItem, EvidenceItem.id == ImportedItem.item_id)
                            .where(EvidenceItem.case_id == case_id,
                                   ImportedItem.origin_record_sha256.in_(digests)))
    return sorted(item_id for _origin, item_id in found)


# --- import ----------------------------------------------------------------------------------------

def _admit(session: Session, actor: Actor, case_number: str, package: _Package) -> MediationCase:
    """The case, once the actor may add evidence to it and none of the package's items is in it yet."""
    require_active(actor)
    case = find_case(session, case_number)
    require_case_access(session, actor, case)
    already = _already_imported(session, case.id, package)
    if already:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "This package's items are already imported into case {number} (items {items}); "
            "nothing was imported again."), number=case.number, items=", ".join(map(str, already)))
    return case


def import_package(scope: SessionScope, vault: Vault, actor: Actor, path: Path, case_number: str,
                   progress: ProgressFn = no_progress, cancelled: CancelledFn = never_cancelled,
                   now: datetime | None = None) -> ImportReport:
    """Check the package at ``path`` and, when it checks out, take its items into case ``case_number``.
    A package with findings is refused with them (``ImportReport.findings``; nothing written, nothing
    stored). Refused (``NotAllowed``) for one who may not add evidence to the case, for a closed case, and
    when an item of the package is already imported into this case: asked in a first transaction, before
    any file is stored, and again in the recording one. The files go into the vault between the two, with
    no transaction open, so other seats are not held up while they are copied (``scope`` opens each)."""
    require(actor, Action.INGEST_EVIDENCE)
    if not path.is_file():
        raise _unreadable(path, "no such file")
    before = os.stat(path)
    package_sha256 = _file_sha256(path)
    try:
        check = check_package(path)
    except UnreadablePackage as error:
        raise _unreadable(path, str(error)) from None
    raise_if_cancelled(cancelled)
    if check.findings:
        return ImportReport(path.name, package_sha256, case_number, "", None, (), check.findings)
    with zipfile.ZipFile(path) as archive:
        reader = _Reader(archive)
        try:
            package = _read(reader)
        except (KeyError, ValueError, zipfile.BadZipFile, OSError) as error:
            raise _unreadable(path, str(error)) from None
        if not package.items:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "“{file}” holds no evidence items; nothing was imported."), file=path.name)
        with scope() as session:
            _admit(session, actor, case_number, package)
        stored = _store(vault, reader, package, progress, cancelled)
    after = os.stat(path)
    if (after.st_size, after.st_mtime_ns, after.st_ino) != (before.st_size, before.st_mtime_ns,
                                                            before.st_ino):
        raise IntegrityError(QT_TRANSLATE_NOOP(
            "errors", "“{file}” changed while it was being imported; nothing was imported. Import it again "
            "once nothing is writing to it."), file=path.name)
    raise_if_cancelled(cancelled)
    with scope() as session:
        ledger.lock(session)  # first: the rows and entries below are ordered, and no seat imports meanwhile
        case = _admit(session, actor, case_number, package)
        known = _known_blobs(session, sorted(stored))
        blobs = {sha256: (digests, sha256 not in known) for sha256, digests in stored.items()}
        items, import_id = _record(session, actor, case, path.name, package_sha256, package, blobs,
                                   check.certificates, now or utc_now())
    return ImportReport(path.name, package_sha256, case.number, package.source_office, import_id,
                        tuple(items), ())


def _store(vault: Vault, reader: _Reader, package: _Package, progress: ProgressFn,
           cancelled: CancelledFn) -> dict[str, Digests]:
    """Each payload in the vault (a blob there already is reused: ``check_package`` has checked the
    payload's SHA-256 and SM3 against its record, so the record's give its digests): by SHA-256."""
    wanted = {item.payload: item.fields for item in package.items}
    total = sum(reader.files[name].file_size for name in wanted) or 1
    done = 0
    stored: dict[str, Digests] = {}
    for name, fields in wanted.items():
        raise_if_cancelled(cancelled)
        sha256, size = str(fields.get("sha256")), reader.files[name].file_size
        if sha256 in stored:
            pass
        elif vault.exists(sha256):
            stored[sha256] = Digests(sha256, str(fields.get("sm3")), size)
        else:
            base = done

            def accept(digests: Digests, expected: str = sha256, name: str = name) -> None:
                if digests.sha256 != expected:
                    raise IntegrityError(QT_TRANSLATE_NOOP(
                        "errors", "{file} in the package differs from its record; nothing was imported."),
                        file=name)

            def read_so_far(read: int, base: int = base) -> None:
                progress(base + read, total)

            with reader.archive.open(reader.files[name]) as source:
                blob_stored = vault.store(source, read_so_far, cancelled, accept,  # type: ignore[arg-type]
                                          name_sync=False)
            stored[sha256] = blob_stored.digests
        done += size
        progress(done, total)
    vault.sync_names()
    return stored


def _record(session: Session, actor: Actor, case: MediationCase, package_name: str, package_sha256: str,
            package: _Package, stored: dict[str, tuple[Digests, bool]],
            certificates_seen: tuple[tuple[str, str], ...], now: datetime) -> tuple[list[ImportedInfo], int]:
    checked = [*CHECKED, *([TIMESTAMP_CHECKED] if package.timestamp_response else [])]
    verdict = {"clean": True, "checked": checked,
               "certificates": [{"sha256": fingerprint, "subject": subject}
                                for fingerprint, subject in certificates_seen]}
    # Ids chosen here under the ledger lock (as intake does): the logged records name them.
    import_id = int(session.scalar(select(func.max(PackageImport.id))) or 0) + 1
    row = PackageImport(id=import_id, case_id=case.id,
                        package_name=clean_text(package_name, "package_file", NAME_MAX),
                        package_sha256=package_sha256, source_office=package.source_office,
                        checkpoint=package.checkpoint, checkpoint_signature=package.checkpoint_signature,
                        checkpoint_certificate=package.checkpoint_certificate,
                        timestamp_response=package.timestamp_response,
                        verdict=json.dumps(verdict, ensure_ascii=False),
                        imported_by=actor.name, imported_at=now, record_sha256="")
    new_blobs = [{"sha256": digests.sha256, "sm3": digests.sm3, "size": digests.size, "stored_at": now}
                 for digests, new in stored.values() if new]
    if new_blobs:
        session.execute(insert(Blob), new_blobs)
    first_id = _next_item_id(session)
    items: list[EvidenceItem] = []
    infos: list[ImportedInfo] = []
    for offset, origin in enumerate(package.items):
        fields = origin.fields
        digests, new = stored[str(fields.get("sha256"))]
        name = clean_text(str(fields.get("name", "")), "name", NAME_MAX, required=True)
        acquisition = _acquisition(fields)
        item = EvidenceItem(id=first_id + offset, case_id=case.id, blob_sha256=digests.sha256,
                            original_name=name,
                            size=digests.size, sm3=digests.sm3,
                            mime_type=clean_text(str(fields.get("mime_type") or "application/octet-stream"),
                                                 "mime_type", MIME_MAX),
                            source_kind=acquisition.source_kind, source_url=acquisition.url,
                            acquired_at=acquisition.acquired_at, acquired_by=acquisition.acquired_by,
                            device=acquisition.device, note=acquisition.note, ingested_by=actor.name,
                            ingested_at=now, record_sha256="")
        item.record_sha256 = record_digest(item_record(item, case.number))
        items.append(item)
        infos.append(ImportedInfo(ItemId(item.id), origin.origin_id, name, digests.sha256, new))
    row.record_sha256 = record_digest(import_record(row, case.number, package.attachments,
                                                    [item.id for item in items]))
    session.add(row)
    session.add_all(items)
    session.flush()
    links: list[ImportedItem] = []
    for item, origin in zip(items, package.items, strict=True):
        link = ImportedItem(item_id=item.id, import_id=import_id, origin_item_id=origin.origin_id,
                            origin_record=origin.record,
                            origin_record_sha256=hashlib.sha256(origin.record).hexdigest(),
                            origin_entry=origin.entry, origin_proof=origin.proof, record_sha256="")
        link.record_sha256 = record_digest(origin_record(
            item.id, import_id, origin.origin_id, origin.record, origin.entry, origin.proof,
            [(seal.fingerprint, seal.signer, seal.signature) for seal in origin.seals], item.record_sha256))
        links.append(link)
    session.add_all(links)
    session.flush()
    session.add_all(ImportedSeal(item_id=item.id, fingerprint=seal.fingerprint, signer=seal.signer,
                                 certificate=seal.certificate, signature=seal.signature)
                    for item, origin in zip(items, package.items, strict=True) for seal in origin.seals)
    session.add_all(PackageImportFile(import_id=import_id, name=name, data=data)
                    for name, data in package.attachments)
    session.flush()
    entries = [ledger.NewEntry(actor.name, EventKind.EVIDENCE_INGESTED, subject(item.id), item.record_sha256)
               for item in items]
    entries += [ledger.NewEntry(actor.name, EventKind.EVIDENCE_IMPORTED, subject(link.item_id),
                                link.record_sha256) for link in links]
    entries.append(ledger.NewEntry(actor.name, EventKind.EVIDENCE_IMPORTED, import_subject(import_id),
                                   row.record_sha256))
    ledger.append_many(session, entries, now)
    return infos, import_id


# --- reading back ----------------------------------------------------------------------------------
def origins(session: Session, item_ids: Iterable[int]) -> dict[int, Origin]:
    """The origin of each imported item among ``item_ids`` (items taken in here are not in the result)."""
    ids = sorted(set(item_ids))
    found: dict[int, Origin] = {}
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        seals: dict[int, list[OriginSeal]] = {}
        for seal in session.scalars(select(ImportedSeal).where(ImportedSeal.item_id.in_(part))
                                    .order_by(ImportedSeal.id)):
            seals.setdefault(seal.item_id, []).append(OriginSeal(seal.signer, seal.fingerprint))
        for link, package in session.execute(select(ImportedItem, PackageImport).join(PackageImport)
                                             .where(ImportedItem.item_id.in_(part))):
            verdict = json.loads(package.verdict)
            found[link.item_id] = Origin(link.item_id, package.source_office, link.origin_item_id,
                                         tuple(seals.get(link.item_id, ())), bool(verdict.get("clean")),
                                         package.package_name, package.package_sha256, package.imported_by,
                                         package.imported_at, package.timestamp_response is not None)
    return found


def origin_of(session: Session, item_id: int) -> Origin | None:
    """The origin of one item, None when it was taken in here."""
    return origins(session, [item_id]).get(item_id)
