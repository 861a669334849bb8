"""Verification results as data: each finding with a stable code and its facts, and a bottom line.

A finding is an ``error`` (something does not match what was recorded; the store is not clean) or a
``notice`` (a fact worth knowing that breaks nothing, such as a key revoked after it sealed an item).
"""

from __future__ import annotations

from dataclasses import dataclass, field

ERROR = "error"
NOTICE = "notice"


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing that does not match: what (a stable code), where, and in words."""

    code: str
    message: str
    seq: int | None = None
    checkpoint: int | None = None
    expected: str | None = None
    found: str | None = None
    item: int | None = None
    name: str | None = None
    record: int | None = None
    severity: str = ERROR


@dataclass(frozen=True, slots=True)
class Report:
    """The facts checked and the findings; ``clean`` is the bottom line (no error findings)."""

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

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(finding for finding in self.findings if finding.severity == ERROR)

    @property
    def clean(self) -> bool:
        return not self.errors

    def to_dict(self) -> dict[str, object]:
        """The report as plain data (the ``--json`` output and the GUI's saved report)."""
        return {"clean": self.clean, "case": self.case, "entries": self.entries, "nodes": self.nodes,
                "checkpoints": self.checkpoints, "items": self.items, "blobs": self.blobs,
                "bytes": self.bytes, "seals": self.seals, "preservation_records": self.records,
                "findings": [{"code": f.code, "severity": f.severity, "message": f.message, "seq": f.seq,
                              "checkpoint": f.checkpoint, "item": f.item, "name": f.name,
                              "record": f.record, "expected": f.expected, "found": f.found}
                             for f in self.findings]}
