"""The names inside a court package (a BagIt 1.0 bag, RFC 8493): a public contract that VERIFY.txt
describes and outside tools rely on, shared by the exporter and the package checker."""

from __future__ import annotations

BAGIT_FILE = "bagit.txt"
BAG_INFO_FILE = "bag-info.txt"
MANIFEST_FILE = "manifest-sha256.txt"
TAG_MANIFEST_FILE = "tagmanifest-sha256.txt"
VERIFY_FILE = "VERIFY.txt"
# RFC 8493 §2.1.1: the bag declaration, exactly these two lines.
BAGIT_DECLARATION = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"

PAYLOAD = "data"
EVIDENCE = "data/evidence"
DOCUMENTS = "data/documents"
RECORDS = "mediseal/records"
SEALS = "mediseal/seals"
CERTS = "mediseal/certs"
LEDGER = "mediseal/ledger"
CHECKPOINT_FILE = "mediseal/ledger/checkpoint.json"
CHECKPOINT_SIGNATURE_FILE = "mediseal/ledger/checkpoint.sig"
VERIFY_PATH_SCRIPT = "mediseal/verify_path.py"


def evidence_file(item_id: int, name: str) -> str:
    return f"{EVIDENCE}/{item_id}/{name}"


def record_file(item_id: int) -> str:
    return f"{RECORDS}/{item_id}.json"


def seal_file(item_id: int, fingerprint: str) -> str:
    return f"{SEALS}/{item_id}/{fingerprint}.sig"


def cert_file(fingerprint: str) -> str:
    return f"{CERTS}/{fingerprint}.pem"


def entry_file(item_id: int) -> str:
    return f"{LEDGER}/{item_id}.entry.json"


def proof_file(item_id: int) -> str:
    return f"{LEDGER}/{item_id}.proof.json"


CASE = "mediseal/case"


def case_record_file(name: str) -> str:
    """A sealed record of the case (``preservation-3``, ``agreement-1``): its canonical bytes."""
    return f"{CASE}/{name}.json"


def case_seal_file(name: str, fingerprint: str) -> str:
    return f"{CASE}/{name}/{fingerprint}.sig"


def case_entry_file(name: str) -> str:
    return f"{CASE}/{name}.entry.json"


def case_proof_file(name: str) -> str:
    return f"{CASE}/{name}.proof.json"


# RFC 3161: the checkpoint's trusted timestamp, when it has one: the TimeStampResp over the SHA-256 of
# checkpoint.json's bytes, the authority's CA certificate(s) and the certificates the token carries (PEM).
TIMESTAMPS = "mediseal/timestamps"
TIMESTAMP_RESPONSE_FILE = "mediseal/timestamps/checkpoint.tsr"
TIMESTAMP_CA_FILE = "mediseal/timestamps/tsa-ca.pem"
TIMESTAMP_CHAIN_FILE = "mediseal/timestamps/tsa-chain.pem"
