"""Check a court package (``package.export_package``) with no data folder: the bag's manifests and
Payload-Oxum (RFC 8493), each record's SHA-256 and SM3 against its evidence file, each seal against its
certificate, each ingest entry against its record, each inclusion proof to the checkpoint's root
(RFC 9162 §2.1.3.2), the checkpoint's signature and its trusted timestamp when the package has one
(RFC 3161). Results are findings (data), not exceptions; an item with no seal is a notice.

The zip is read safely, in place (nothing is written): names that leave the folder, symlinks, duplicate
names, more than one top-level folder, and zip bombs (too many entries, too many bytes, a compression ratio
no real evidence has) are findings, and then nothing inside is read."""

from __future__ import annotations

import hashlib
import json
import re
import stat
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from asn1crypto import cms, tsp  # type: ignore[import-untyped]
from cryptography import x509

from desktop.core.errors import InvalidInput
from desktop.core.exchange import package_layout as layout
from desktop.core.integrity.digests import Digests, digest_stream
from desktop.core.integrity.merkle import leaf_hash, verify_inclusion
from desktop.core.progress import CancelledFn, ProgressFn, never_cancelled, no_progress
from desktop.core.trust import timestamps
from desktop.core.trust.pki import certificates, signatures
from desktop.core.vocabulary import QT_TRANSLATE_NOOP, Vocabulary

CHUNK = 4 * 1024 * 1024
MAX_ENTRIES = 100_000
MAX_TOTAL_BYTES = 256 * 1024 ** 3
MAX_TAG_BYTES = 64 * 1024 ** 2  # a tag file (record, proof, certificate) is read whole: kept small
MAX_RATIO = 200  # uncompressed / compressed, for entries over 1 MiB
RATIO_FLOOR = 1024 * 1024


class Code(Vocabulary):
    """What a finding is about. The code is the ``verify-package --json`` contract (never renamed); the
    label is what a court clerk reads."""

    UNREADABLE = "unreadable", QT_TRANSLATE_NOOP("vocabulary", "The package file cannot be read to the end")
    UNSAFE_NAME = "unsafe-name", QT_TRANSLATE_NOOP(
        "vocabulary", "A file in the package is named to land outside the package's folder")
    SYMLINK = "symlink", QT_TRANSLATE_NOOP("vocabulary", "The package holds a link instead of a file")
    DUPLICATE_NAME = "duplicate-name", QT_TRANSLATE_NOOP(
        "vocabulary", "The package holds two files with the same name")
    TOP_FOLDERS = "top-folders", QT_TRANSLATE_NOOP(
        "vocabulary", "The package is not one folder (files were added beside it)")
    TOO_LARGE = "too-large", QT_TRANSLATE_NOOP(
        "vocabulary", "The package is too large or too compressed to be a real evidence package")
    MISSING_FILE = "missing-file", QT_TRANSLATE_NOOP("vocabulary", "A file of the package is missing")
    NOT_IN_MANIFEST = "not-in-manifest", QT_TRANSLATE_NOOP(
        "vocabulary", "A file was added to the package after it was made")
    MANIFEST_MISMATCH = "manifest-mismatch", QT_TRANSLATE_NOOP(
        "vocabulary", "A file of the package was changed after it was made")
    PAYLOAD_OXUM = "payload-oxum", QT_TRANSLATE_NOOP(
        "vocabulary", "The number or total size of the evidence files differs from what the package states")
    BAD_DECLARATION = "bad-declaration", QT_TRANSLATE_NOOP(
        "vocabulary", "The package's BagIt declaration is missing or wrong")
    RECORD_SHA256 = "record-sha256", QT_TRANSLATE_NOOP(
        "vocabulary", "An evidence file's SHA-256 digest differs from its sealed record")
    RECORD_SM3 = "record-sm3", QT_TRANSLATE_NOOP(
        "vocabulary", "An evidence file's SM3 digest differs from its sealed record")
    RECORD_UNREADABLE = "record-unreadable", QT_TRANSLATE_NOOP(
        "vocabulary", "A sealed record in the package cannot be read")
    SEAL_INVALID = "seal-invalid", QT_TRANSLATE_NOOP(
        "vocabulary", "A seal does not match its record or its certificate")
    CERTIFICATE_MISMATCH = "certificate-mismatch", QT_TRANSLATE_NOOP(
        "vocabulary", "A certificate in the package is not the one named")
    ENTRY_SUBJECT = "entry-subject", QT_TRANSLATE_NOOP(
        "vocabulary", "A ledger entry does not match the record it logs")
    PROOF_INVALID = "proof-invalid", QT_TRANSLATE_NOOP(
        "vocabulary", "A record's proof does not lead to the checkpoint (it is not in the ledger)")
    CHECKPOINT_SIGNATURE = "checkpoint-signature", QT_TRANSLATE_NOOP(
        "vocabulary", "The ledger checkpoint's signature does not verify")
    UNSEALED = "unsealed", QT_TRANSLATE_NOOP("vocabulary", "An evidence item in the package carries no seal")
    TIMESTAMP_UNREADABLE = "timestamp-unreadable", QT_TRANSLATE_NOOP(
        "vocabulary", "The checkpoint's trusted timestamp cannot be read")
    TIMESTAMP_IMPRINT = "timestamp-imprint", QT_TRANSLATE_NOOP(
        "vocabulary", "The trusted timestamp is over other data than the package's checkpoint")
    TIMESTAMP_SIGNATURE = "timestamp-signature", QT_TRANSLATE_NOOP(
        "vocabulary", "The trusted timestamp's signature or its authority's certificate does not check out")
    TIMESTAMP_CHAIN = "timestamp-chain", QT_TRANSLATE_NOOP(
        "vocabulary", "The timestamp authority's certificate does not chain to the CA in the package")


# Not failures: the exporter packs an unsealed item (a mediation committee's evidence is taken in by
# mediators, who hold no seal; the ledger entry and the signed checkpoint still cover its record), so the
# package checks out and the reader is told which items carry no seal.
NOTICES = frozenset({Code.UNSEALED})


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing that does not check out: which file, which item, what was expected, what was found."""

    code: Code
    file: str
    item: int | None = None
    expected: str = ""
    found: str = ""

    def as_json(self) -> dict[str, object]:
        return {"code": self.code.value, "file": self.file, "item": self.item, "expected": self.expected,
                "found": self.found}




class UnreadablePackage(Exception):
    """The file is not a zip that can be read at all (the command line's exit 2)."""


_DRIVE = re.compile(r"^[A-Za-z]:")


def _unsafe(name: str) -> bool:
    path = PurePosixPath(name)
    return (name.startswith(("/", "\\")) or "\\" in name or bool(_DRIVE.match(name)) or "\x00" in name
            or any(part in ("..", ".") for part in path.parts))


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


READABLE_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)
# APPNOTE 4.4.4: bit 0 encrypted, bit 5 compressed patched data, bit 6 strong encryption: a package is
# none of these (zipfile would refuse to read such an entry with RuntimeError / NotImplementedError).
UNREADABLE_FLAGS = 0x1 | 0x20 | 0x40


def _unreadable_entry(info: zipfile.ZipInfo) -> bool:
    return bool(info.flag_bits & UNREADABLE_FLAGS) or info.compress_type not in READABLE_METHODS


def _screen(infos: list[zipfile.ZipInfo]) -> tuple[str | None, list[Finding]]:
    """The single top-level folder, or the findings that make the archive unsafe to read."""
    findings: list[Finding] = []
    if len(infos) > MAX_ENTRIES:
        return None, [Finding(Code.TOO_LARGE, "", expected=f"at most {MAX_ENTRIES} entries",
                              found=f"{len(infos)} entries")]
    seen: set[str] = set()
    tops: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        if _unsafe(name):
            findings.append(Finding(Code.UNSAFE_NAME, name, expected="a relative name inside the folder",
                                    found=name))
            continue
        if _unreadable_entry(info):
            findings.append(Finding(Code.UNREADABLE, name, expected="a stored or compressed entry",
                                    found=f"an encrypted or unknown entry (flags {info.flag_bits:#x}, "
                                          f"method {info.compress_type})"))
        if _is_symlink(info):
            findings.append(Finding(Code.SYMLINK, name, expected="a regular file", found="a symbolic link"))
        if name in seen:
            findings.append(Finding(Code.DUPLICATE_NAME, name, expected="one entry", found="two entries"))
        seen.add(name)
        tops.add(name.split("/", 1)[0] if "/" in name else "")
        total += info.file_size
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            findings.append(Finding(Code.TOO_LARGE, name, expected=f"a compression ratio under {MAX_RATIO}",
                                    found=f"{info.file_size} bytes from {info.compress_size}"))
    if total > MAX_TOTAL_BYTES:
        findings.append(Finding(Code.TOO_LARGE, "", expected=f"at most {MAX_TOTAL_BYTES} bytes",
                                found=f"{total} bytes"))
    if len(tops) != 1 or "" in tops:
        findings.append(Finding(Code.TOP_FOLDERS, "", expected="one top-level folder",
                                found=", ".join(sorted(top or "(files at the top)" for top in tops))))
    if findings:
        return None, findings
    return tops.pop(), []


class _Bag:
    def __init__(self, archive: zipfile.ZipFile, top: str, progress: ProgressFn = no_progress,
                 cancelled: CancelledFn = never_cancelled) -> None:
        self.archive = archive
        self.top = top
        self.files = {info.filename[len(top) + 1:]: info for info in archive.infolist()
                      if not info.is_dir() and info.filename.startswith(top + "/")}
        self.progress, self.cancelled, self.done = progress, cancelled, 0  # over the payload's bytes
        self.total = sum(info.file_size for name, info in self.files.items()
                         if name.startswith(layout.PAYLOAD + "/"))

    def read(self, name: str) -> bytes | None:
        info = self.files.get(name)
        if info is None or info.file_size > MAX_TAG_BYTES:
            return None
        return self.archive.read(info)

    def digests(self, name: str) -> Digests:
        """SHA-256 and SM3 of a payload file in one read (SM3 on a second thread, as ingest does)."""
        base = self.done

        def read_so_far(size: int) -> None:
            self.done = base + size
            self.progress(self.done, self.total)

        with self.archive.open(self.files[name]) as source:  # a ZipExtFile: a BinaryIO in all but name
            return digest_stream(source, read_so_far, self.cancelled)  # type: ignore[arg-type]


def _parse_manifest(data: bytes) -> dict[str, str]:
    listed: dict[str, str] = {}
    for line in data.decode("utf-8").splitlines():
        if line.strip():
            digest, _sep, path = line.partition(" ")
            path = path.lstrip(" ").replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")
            listed[path] = digest.lower()
    return listed


def _json(data: bytes | None) -> dict[str, object] | None:
    if data is None:
        return None
    try:
        value = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        return None
    return value if isinstance(value, dict) else None


def _check_manifests(bag: _Bag, findings: list[Finding]) -> dict[str, tuple[str, str]]:
    """Bag manifests and Payload-Oxum; returns each payload file's (sha256, sm3)."""
    declaration = bag.read(layout.BAGIT_FILE)
    if declaration is None or b"BagIt-Version: 1.0" not in declaration:
        findings.append(Finding(Code.BAD_DECLARATION, layout.BAGIT_FILE, expected="BagIt-Version: 1.0",
                                found="missing" if declaration is None else declaration[:40].decode("utf-8",
                                                                                                   "replace")))
    digests: dict[str, tuple[str, str]] = {}
    octets = 0
    for name in sorted(bag.files):
        if name.startswith(layout.PAYLOAD + "/"):
            payload = bag.digests(name)
            octets += payload.size
            digests[name] = (payload.sha256, payload.sm3)
    manifest = bag.read(layout.MANIFEST_FILE)
    listed = _parse_manifest(manifest) if manifest is not None else {}
    if manifest is None:
        findings.append(Finding(Code.MISSING_FILE, layout.MANIFEST_FILE, expected="the payload manifest",
                                found="missing"))
    for path, digest in listed.items():
        if path not in digests:
            findings.append(Finding(Code.MISSING_FILE, path, expected=digest, found="missing"))
        elif digests[path][0] != digest:
            findings.append(Finding(Code.MANIFEST_MISMATCH, path, expected=digest, found=digests[path][0]))
    for path in digests:
        if path not in listed:
            findings.append(Finding(Code.NOT_IN_MANIFEST, path, expected="listed in " + layout.MANIFEST_FILE,
                                    found="not listed"))
    info = (bag.read(layout.BAG_INFO_FILE) or b"").decode("utf-8", "replace")
    oxum = next((line.split(":", 1)[1].strip() for line in info.splitlines()
                 if line.startswith("Payload-Oxum:")), "missing")
    if oxum != f"{octets}.{len(digests)}":
        findings.append(Finding(Code.PAYLOAD_OXUM, layout.BAG_INFO_FILE, expected=f"{octets}.{len(digests)}",
                                found=oxum))
    tag_manifest = bag.read(layout.TAG_MANIFEST_FILE)
    if tag_manifest is None:
        findings.append(Finding(Code.MISSING_FILE, layout.TAG_MANIFEST_FILE, expected="the tag manifest",
                                found="missing"))
    else:
        for path, digest in _parse_manifest(tag_manifest).items():
            data = bag.read(path)
            found = hashlib.sha256(data).hexdigest() if data is not None else "missing"
            if found != digest:
                code = Code.MISSING_FILE if data is None else Code.MANIFEST_MISMATCH
                findings.append(Finding(code, path, expected=digest, found=found))
    return digests


def _verify_signature(bag: _Bag, fingerprint: str, data: bytes, signature: bytes) -> tuple[bool, str]:
    """Whether ``signature`` over ``data`` verifies with certificate ``fingerprint``; else why not."""
    pem = bag.read(layout.cert_file(fingerprint))
    if pem is None:
        return False, f"no certificate {layout.cert_file(fingerprint)}"
    why = signatures.signature_problem(pem, fingerprint, data, signature)
    return why is None, why or ""


def _check_checkpoint(bag: _Bag, findings: list[Finding]) -> tuple[dict[str, object] | None, bytes]:
    data = bag.read(layout.CHECKPOINT_FILE)
    checkpoint = _json(data)
    signature = bag.read(layout.CHECKPOINT_SIGNATURE_FILE)
    if data is None or checkpoint is None or signature is None:
        findings.append(Finding(Code.MISSING_FILE, layout.CHECKPOINT_FILE, expected="a signed checkpoint",
                                found="missing or unreadable"))
        return None, data or b""
    good, why = _verify_signature(bag, str(checkpoint.get("certificate_sha256", "")), data, signature)
    if not good:
        findings.append(Finding(Code.CHECKPOINT_SIGNATURE, layout.CHECKPOINT_SIGNATURE_FILE,
                                expected="a valid signature by " + str(checkpoint.get("signer", "")),
                                found=why))
    return checkpoint, data


@dataclass(frozen=True, slots=True)
class TimestampCheck:
    """The checkpoint's trusted timestamp as checked: the time it states, the authority that signed it,
    the SHA-256 of the CA certificate(s) it chains to (for the reader to compare with the authority's
    published one), and whether every check passed."""

    time: datetime | None
    authority: str
    ca_sha256: tuple[str, ...]
    ok: bool


def _token_imprint(response: bytes) -> tuple[bytes, bytes]:
    """The token in a TimeStampResp and the digest it is over; ``ValueError`` and kin when unreadable."""
    parsed = tsp.TimeStampResp.load(response)
    status = parsed["status"]["status"].native
    token = parsed["time_stamp_token"]
    if status not in ("granted", "granted_with_mods") or not isinstance(token, cms.ContentInfo):
        raise ValueError(f"a response with status {status} and no token")
    content = token["content"]["encap_content_info"]["content"].contents
    imprint = tsp.TSTInfo.load(content)["message_imprint"]["hashed_message"].native
    if not isinstance(imprint, bytes):
        raise ValueError("a token with no message imprint")
    return token.dump(), imprint


_ASN1_ERRORS = (ValueError, TypeError, KeyError, IndexError, OverflowError, AttributeError)


def _check_timestamp(bag: _Bag, checkpoint: bytes, findings: list[Finding]) -> TimestampCheck | None:
    """RFC 3161: the token in ``mediseal/timestamps/checkpoint.tsr`` is over the SHA-256 of
    checkpoint.json's bytes, its CMS signature verifies, its signer's extendedKeyUsage is timeStamping only
    and critical (§2.3), and the signer chains to the CA file beside it. None: the package has no token."""
    response = bag.read(layout.TIMESTAMP_RESPONSE_FILE)
    if response is None:
        return None
    name = layout.TIMESTAMP_RESPONSE_FILE
    digest = hashlib.sha256(checkpoint).digest()
    try:
        token, imprint = _token_imprint(response)
    except _ASN1_ERRORS as error:
        findings.append(Finding(Code.TIMESTAMP_UNREADABLE, name, expected="an RFC 3161 response",
                                found=str(error)[:200]))
        return TimestampCheck(None, "", (), False)
    if imprint != digest:
        findings.append(Finding(Code.TIMESTAMP_IMPRINT, name, expected=digest.hex(), found=imprint.hex()))
    try:
        tst, signer, carried = timestamps.check_token(token, imprint)
        when = tst["gen_time"].native
    except timestamps.TimestampFailure as error:
        findings.append(Finding(Code.TIMESTAMP_SIGNATURE, name, expected="a token signed by a timestamp "
                                "authority", found=str(error)))
        return TimestampCheck(None, "", (), False)
    authority = signer.subject.rfc4514_string()
    ca_pem = bag.read(layout.TIMESTAMP_CA_FILE)
    anchors: list[x509.Certificate] = []
    try:
        anchors = x509.load_pem_x509_certificates(ca_pem or b"")
        chain_pem = bag.read(layout.TIMESTAMP_CHAIN_FILE)
        chain = x509.load_pem_x509_certificates(chain_pem) if chain_pem else []
        timestamps._check_chain(signer, [*carried, *chain], (ca_pem or b"").decode("ascii"), when)
    except (timestamps.TimestampFailure, InvalidInput, *signatures.CERTIFICATE_ERRORS) as error:
        findings.append(Finding(Code.TIMESTAMP_CHAIN, layout.TIMESTAMP_CA_FILE, expected="the CA that issued "
                                + authority, found=str(error) if ca_pem else "missing"))
        return TimestampCheck(when, authority, (), False)
    fingerprints = tuple(certificates.certificate_fingerprint(anchor) for anchor in anchors)
    return TimestampCheck(when, authority, fingerprints, imprint == digest)


def _check_item(bag: _Bag, item_id: int, digests: dict[str, tuple[str, str]],
                checkpoint: dict[str, object] | None, findings: list[Finding]) -> None:
    record_name = layout.record_file(item_id)
    record_bytes = bag.read(record_name) or b""
    record = _json(record_bytes)
    if record is None:
        findings.append(Finding(Code.RECORD_UNREADABLE, record_name, item_id, "a canonical JSON record",
                                "unreadable"))
        return
    payload = layout.evidence_file(item_id, str(record.get("name", "")))
    if payload not in digests:
        findings.append(Finding(Code.MISSING_FILE, payload, item_id, str(record.get("sha256")), "missing"))
    else:
        sha, sm3 = digests[payload]
        if record.get("sha256") != sha:
            findings.append(Finding(Code.RECORD_SHA256, payload, item_id, str(record.get("sha256")), sha))
        if record.get("sm3") != sm3:
            findings.append(Finding(Code.RECORD_SM3, payload, item_id, str(record.get("sm3")), sm3))
    _check_sealed(bag, item_id, record_name, record_bytes, f"{layout.SEALS}/{item_id}/",
                  layout.entry_file(item_id), layout.proof_file(item_id), checkpoint, findings)


def proof_leads_to_root(entry: bytes, proof: dict[str, Any], checkpoint: dict[str, Any]) -> bool:
    """Whether ``proof`` (``{"leaf_index", "tree_size", "inclusion_path"}``) leads from the leaf hash of the
    entry's bytes to the root of ``checkpoint``, whose tree size it names (RFC 9162 §2.1.3.2)."""
    try:
        nodes = proof.get("inclusion_path")
        path = [bytes.fromhex(str(node)) for node in nodes] if isinstance(nodes, list) else []
        root = bytes.fromhex(str(checkpoint.get("root_sha256", "")))
    except (ValueError, TypeError):
        return False
    index, size = proof.get("leaf_index"), proof.get("tree_size")
    return (isinstance(index, int) and isinstance(size, int) and size == checkpoint.get("tree_size")
            and verify_inclusion(leaf_hash(entry), index, size, path, root))


def _check_sealed(bag: _Bag, item_id: int | None, record_name: str, record_bytes: bytes, prefix: str,
                  entry_name: str, proof_name: str, checkpoint: dict[str, object] | None,
                  findings: list[Finding]) -> None:
    """A sealed record's seals (``prefix``FP.sig, at least one), its ledger entry and the entry's
    inclusion proof."""
    seals = [name for name in sorted(bag.files) if name.startswith(prefix) and name.endswith(".sig")]
    if not seals:  # a notice, not a failure: a mediation committee's items are taken in unsealed
        findings.append(Finding(Code.UNSEALED, record_name, item_id, "a seal under " + prefix, "none"))
    for name in seals:
        good, why = _verify_signature(bag, name[len(prefix):-4], record_bytes, bag.read(name) or b"")
        if not good:
            findings.append(Finding(Code.SEAL_INVALID, name, item_id, f"a valid seal over {record_name}",
                                    why))
    entry_bytes = bag.read(entry_name)
    entry = _json(entry_bytes)
    record_sha = hashlib.sha256(record_bytes).hexdigest()
    if entry is None or entry_bytes is None:
        findings.append(Finding(Code.MISSING_FILE, entry_name, item_id, "the ingest entry", "missing"))
        return
    if entry.get("subject_sha256") != record_sha:
        findings.append(Finding(Code.ENTRY_SUBJECT, entry_name, item_id, record_sha,
                                str(entry.get("subject_sha256"))))
    proof = _json(bag.read(proof_name))
    if proof is None or checkpoint is None:
        findings.append(Finding(Code.PROOF_INVALID, proof_name, item_id, "an inclusion proof",
                                "missing or unreadable"))
        return
    if not proof_leads_to_root(entry_bytes, proof, checkpoint):
        findings.append(Finding(Code.PROOF_INVALID, proof_name, item_id,
                                f"a path to root {checkpoint.get('root_sha256')}",
                                "a path that does not lead there"))


def _check_case_record(bag: _Bag, name: str, checkpoint: dict[str, object] | None,
                       findings: list[Finding]) -> None:
    record_name = layout.case_record_file(name)
    record_bytes = bag.read(record_name)
    if _json(record_bytes) is None or record_bytes is None:
        findings.append(Finding(Code.RECORD_UNREADABLE, record_name, None, "a canonical JSON record",
                                "unreadable"))
        return
    _check_sealed(bag, None, record_name, record_bytes, f"{layout.CASE}/{name}/",
                  layout.case_entry_file(name), layout.case_proof_file(name), checkpoint, findings)


@dataclass(frozen=True, slots=True)
class PackageCheck:
    """The findings about a package, and who sealed it: each certificate in it (its SHA-256 and subject),
    for the reader to compare with the fingerprints the office publishes. A package can only prove itself
    consistent; whose keys those are is the certificates' say."""

    findings: tuple[Finding, ...]
    certificates: tuple[tuple[str, str], ...]
    timestamp: TimestampCheck | None = None
    notices: tuple[Finding, ...] = ()  # facts the reader should know that break nothing (``NOTICES``)


def verify_package(path: Path) -> list[Finding]:
    """Every finding about the package at ``path`` (none: it checks out). ``UnreadablePackage`` when the
    file cannot be read as a zip at all. Reads the zip in place; writes nothing."""
    return list(check_package(path).findings)


def _certificates(bag: _Bag) -> tuple[tuple[str, str], ...]:
    found: list[tuple[str, str]] = []
    for name in sorted(bag.files):
        if name.startswith(layout.CERTS + "/") and name.endswith(".pem"):
            try:
                certificate = x509.load_pem_x509_certificate(bag.read(name) or b"")
            except signatures.CERTIFICATE_ERRORS:
                continue
            subject = certificate.subject.rfc4514_string()
            found.append((certificates.certificate_fingerprint(certificate), subject))
    return tuple(found)


def check_package(path: Path, *, progress: ProgressFn = no_progress,
                  cancelled: CancelledFn = never_cancelled) -> PackageCheck:
    """``verify_package`` with the certificates that sealed the package; ``progress`` over the payload's
    bytes, and ``Cancelled`` when ``cancelled()`` (nothing was written anyway)."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile, ValueError, NotImplementedError) as error:  # NotImplemented: a
        raise UnreadablePackage(str(error)) from None  # zip "version needed" beyond what zipfile reads
    with archive:
        top, findings = _screen(archive.infolist())
        if top is None:
            return PackageCheck(tuple(findings), ())
        bag = _Bag(archive, top, progress, cancelled)
        try:
            digests = _check_manifests(bag, findings)
            checkpoint, checkpoint_bytes = _check_checkpoint(bag, findings)
            stamp = _check_timestamp(bag, checkpoint_bytes, findings)
            for name in sorted(bag.files):
                if name.startswith(layout.RECORDS + "/") and name.endswith(".json"):
                    stem = name[len(layout.RECORDS) + 1:-5]
                    if stem.isdigit():
                        _check_item(bag, int(stem), digests, checkpoint, findings)
                elif (name.startswith(layout.CASE + "/") and name.endswith(".json") and name.count("/") == 2
                      and not name.endswith((".entry.json", ".proof.json"))):
                    _check_case_record(bag, name[len(layout.CASE) + 1:-5], checkpoint, findings)
        except (zipfile.BadZipFile, OSError, EOFError, UnicodeDecodeError,
                NotImplementedError) as error:  # truncated, bad CRC, a method zipfile lacks
            findings.append(Finding(Code.UNREADABLE, path.name, expected="a readable archive",
                                    found=str(error)))
            return _result(findings, (), None)
        return _result(findings, _certificates(bag), stamp)


def _result(findings: list[Finding], signers: tuple[tuple[str, str], ...],
            stamp: TimestampCheck | None) -> PackageCheck:
    return PackageCheck(tuple(finding for finding in findings if finding.code not in NOTICES), signers, stamp,
                        tuple(finding for finding in findings if finding.code in NOTICES))
