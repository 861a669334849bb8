"""Verification results as data: each finding with a stable code and its facts, the per-item, per-record
and per-checkpoint statuses, and a bottom line.

A finding is an ``error`` (something does not match what was recorded; the store is not clean) or a
``notice`` (a fact worth knowing that breaks nothing, such as a key revoked after it sealed an item).
``Report.to_dict`` is a contract (``mediseal verify --json``, saved reports): it only gains keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from desktop.core.integrity.canonical import format_time
from desktop.core.verification.codes import FindingCode, ItemVerdict, Severity
from desktop.core.verification.statuses import CheckpointStatus, ItemStatus, RecordStatus

ERROR = Severity.ERROR
NOTICE = Severity.NOTICE

# What a ``blob-changed`` finding says differs (its ``differs`` fact): a digest, or the size.
DIFFERS_SHA256 = "sha256"
DIFFERS_SM3 = "sm3"
DIFFERS_SIZE = "size"
# A report's scope: the whole store, or one case's records and the ledger entries they rest on.
SCOPE_STORE = "store"
SCOPE_CASE = "case"


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing that does not match: what (a stable code), where (the ids that apply), and in words."""

    code: FindingCode
    message: str
    seq: int | None = None  # a ledger entry
    checkpoint: int | None = None
    expected: str | None = None
    found: str | None = None
    item: int | None = None  # an evidence item (``name`` is its file name)
    name: str | None = None
    record: int | None = None  # a preservation record
    severity: Severity = ERROR
    seal: int | None = None  # a seal on ``item``
    case: str | None = None  # a case number
    key: str | None = None  # a signing key's certificate fingerprint (as the ledger or the row gives it)
    user: str | None = None
    node: str | None = None  # a Merkle node, "level/index"
    blob: str | None = None  # a file in the vault, by SHA-256
    differs: str | None = None  # which recorded value differs (``DIFFERS_SHA256``, ``_SM3``, ``_SIZE``)

    def to_dict(self) -> dict[str, object]:
        return {"code": str(self.code), "severity": str(self.severity), "message": self.message,
                "seq": self.seq, "checkpoint": self.checkpoint, "item": self.item, "name": self.name,
                "record": self.record, "expected": self.expected, "found": self.found,
                "label": self.code.label, "seal": self.seal, "case": self.case, "key": self.key,
                "user": self.user, "node": self.node, "blob": self.blob, "differs": self.differs}


@dataclass(frozen=True, slots=True)
class Where:
    """What findings are about: their words (``item 3 (a.txt)``) and the ids a program reads."""

    text: str
    item: int | None = None
    name: str | None = None
    record: int | None = None
    seal: int | None = None
    checkpoint: int | None = None
    case: str | None = None
    key: str | None = None
    user: str | None = None

    def finding(self, code: FindingCode, message: str, *, expected: str | None = None,
                found: str | None = None, seq: int | None = None, severity: Severity = ERROR,
                differs: str | None = None) -> Finding:
        return Finding(code, f"{self.text}: {message}", seq=seq, checkpoint=self.checkpoint,
                       expected=expected, found=found, item=self.item, name=self.name, record=self.record,
                       severity=severity, seal=self.seal, case=self.case, key=self.key, user=self.user,
                       differs=differs)


@dataclass(frozen=True, slots=True)
class Report:
    """The facts checked and the findings; ``clean`` is the bottom line (no error findings). Who ran the
    check and when it started travel with it, so a saved report says so."""

    entries: int
    nodes: int
    checkpoints: int
    findings: tuple[Finding, ...] = field(default=())
    items: int = 0
    blobs: int = 0
    bytes: int = 0
    seals: int = 0
    records: int = 0
    case: str | None = None
    cases: int = 0
    keys: int = 0
    users: int = 0
    item_statuses: tuple[ItemStatus, ...] = ()
    record_statuses: tuple[RecordStatus, ...] = ()
    checkpoint_statuses: tuple[CheckpointStatus, ...] = ()
    checked_at: datetime | None = None  # when the check started (aware)
    checked_by: str | None = None  # the signed-in user (the window) or the system account (the CLI)

    @property
    def scope(self) -> str:
        """``store`` or ``case`` (the case is ``case``)."""
        return SCOPE_STORE if self.case is None else SCOPE_CASE

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(finding for finding in self.findings if finding.severity == ERROR)

    @property
    def clean(self) -> bool:
        return not self.errors

    def verdicts(self) -> dict[int, ItemVerdict]:
        """Each checked item's bottom line, by item id (for evidence lists and court packages)."""
        return {status.item: status.verdict for status in self.item_statuses}

    def to_dict(self) -> dict[str, object]:
        """The report as plain data (the ``--json`` output and the GUI's saved report)."""
        return {"clean": self.clean, "case": self.case, "entries": self.entries, "nodes": self.nodes,
                "checkpoints": self.checkpoints, "items": self.items, "blobs": self.blobs,
                "bytes": self.bytes, "seals": self.seals, "preservation_records": self.records,
                "findings": [finding.to_dict() for finding in self.findings],
                "cases": self.cases, "keys": self.keys, "users": self.users,
                "statuses": {"items": [status.to_dict() for status in self.item_statuses],
                             "preservation_records": [status.to_dict() for status in self.record_statuses],
                             "checkpoints": [status.to_dict() for status in self.checkpoint_statuses]},
                "scope": self.scope, "checked_by": self.checked_by,
                "checked_at": format_time(self.checked_at) if self.checked_at is not None else None}
