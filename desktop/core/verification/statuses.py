"""Verification results as data, per evidence item, seal, preservation record and checkpoint.

Each status holds the separate facts checked (in the manner of pyHanko's ``SignatureStatus``) and derives
its bottom line from them; the findings of a report say in words which fact failed and why. A fact is
False when it does not hold or could not be checked (a seal whose certificate cannot be read has no
valid signature): the finding then names the cause.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desktop.core.integrity.canonical import format_time
from desktop.core.verification.codes import ItemVerdict


@dataclass(frozen=True, slots=True)
class SignerFacts:
    """Who signed and whether that key could sign then, by the ledger (not by the key's row)."""

    signer_known: bool  # its certificate is readable and is the one the ledger logged for the key
    signer_matches: bool  # the key belongs (by the ledger) to the user the signature names
    key_valid_at_signing: bool  # not revoked by then, and inside its certificate's validity

    @property
    def holds(self) -> bool:
        return self.signer_known and self.signer_matches and self.key_valid_at_signing

    def to_dict(self) -> dict[str, object]:
        return {"signer_known": self.signer_known, "signer_matches": self.signer_matches,
                "key_valid_at_signing": self.key_valid_at_signing}


@dataclass(frozen=True, slots=True)
class SealStatus:
    """One seal (签章) or countersignature on an item."""

    seal: int
    signer: str
    sealed_at: datetime
    certificate_sha256: str | None  # of the certificate that verifies it (None: unreadable)
    signature_valid: bool  # over the item's record as it is now
    names_item_record: bool  # it names the record digest logged when the item was taken in
    in_ledger: bool  # an ``evidence.sealed`` entry logs exactly this seal
    signer_facts: SignerFacts

    @property
    def valid(self) -> bool:
        """The bottom line: every fact holds."""
        return self.signature_valid and self.names_item_record and self.in_ledger and self.signer_facts.holds

    def to_dict(self) -> dict[str, object]:
        return {"seal": self.seal, "signer": self.signer, "sealed_at": format_time(self.sealed_at),
                "certificate_sha256": self.certificate_sha256, "signature_valid": self.signature_valid,
                "names_item_record": self.names_item_record, "in_ledger": self.in_ledger,
                **self.signer_facts.to_dict(), "valid": self.valid}


@dataclass(frozen=True, slots=True)
class ItemStatus:
    """One evidence item: its file in the vault, its record against the ledger, and its seals."""

    item: int
    name: str
    case: str
    sha256: str
    blob_present: bool
    sha256_ok: bool
    sm3_ok: bool
    size_ok: bool
    in_ledger: bool  # an ``evidence.ingested`` entry logs it
    record_matches_ledger: bool  # its record gives the digest in that entry, and the entry its leaf
    seals: tuple[SealStatus, ...] = ()
    seals_complete: bool = True  # every seal the ledger records on it is still held

    @property
    def blob_intact(self) -> bool:
        return self.blob_present and self.sha256_ok and self.sm3_ok and self.size_ok

    @property
    def intact(self) -> bool:
        """The file and the record are as they were taken in."""
        return self.blob_intact and self.in_ledger and self.record_matches_ledger

    @property
    def bottom_line(self) -> bool:
        """Intact, every seal on it valid, and none of its seals lost."""
        return self.intact and self.seals_complete and all(seal.valid for seal in self.seals)

    @property
    def verdict(self) -> ItemVerdict:
        if not self.bottom_line:
            return ItemVerdict.FAILED
        return ItemVerdict.SEALED if self.seals else ItemVerdict.INTACT

    def to_dict(self) -> dict[str, object]:
        return {"item": self.item, "name": self.name, "case": self.case, "sha256": self.sha256,
                "blob_present": self.blob_present, "sha256_ok": self.sha256_ok, "sm3_ok": self.sm3_ok,
                "size_ok": self.size_ok, "blob_intact": self.blob_intact, "in_ledger": self.in_ledger,
                "record_matches_ledger": self.record_matches_ledger,
                "seals": [seal.to_dict() for seal in self.seals], "seals_complete": self.seals_complete,
                "intact": self.intact,
                "bottom_line": self.bottom_line, "verdict": str(self.verdict)}


@dataclass(frozen=True, slots=True)
class RecordStatus:
    """One preservation record (保全证据记录)."""

    record: int
    case: str
    in_ledger: bool  # a ``preservation.sealed`` entry logs its digest (and the entry matches its leaf)
    well_formed: bool  # its text is a canonical record
    row_matches: bool  # the columns (id, case, correction link, signer, time) say what the text says
    items_match: bool  # every item it lists is stored with the digests it lists
    signature_valid: bool
    certificate_matches: bool  # it names the certificate of the key that signed it
    signer_facts: SignerFacts

    @property
    def bottom_line(self) -> bool:
        return (self.in_ledger and self.well_formed and self.row_matches and self.items_match
                and self.signature_valid and self.certificate_matches and self.signer_facts.holds)

    def to_dict(self) -> dict[str, object]:
        return {"record": self.record, "case": self.case, "in_ledger": self.in_ledger,
                "well_formed": self.well_formed, "row_matches": self.row_matches,
                "items_match": self.items_match, "signature_valid": self.signature_valid,
                "certificate_matches": self.certificate_matches, **self.signer_facts.to_dict(),
                "bottom_line": self.bottom_line}


@dataclass(frozen=True, slots=True)
class CheckpointStatus:
    """One checkpoint (signed tree head)."""

    checkpoint: int
    tree_size: int
    signer: str
    root_matches: bool  # its root is the root of the ledger's first ``tree_size`` entries
    signature_valid: bool
    signer_facts: SignerFacts

    @property
    def bottom_line(self) -> bool:
        return self.root_matches and self.signature_valid and self.signer_facts.holds

    def to_dict(self) -> dict[str, object]:
        return {"checkpoint": self.checkpoint, "tree_size": self.tree_size, "signer": self.signer,
                "root_matches": self.root_matches, "signature_valid": self.signature_valid,
                **self.signer_facts.to_dict(), "bottom_line": self.bottom_line}
