"""Models of packages imported from another office (issue 13, "Import between offices"); migration 0017.

``package_import`` is one accepted package: its file's name and SHA-256, the source office, the origin's
signed checkpoint (bytes, signature, certificate), its timestamp response when the package carried one,
and the verdict at import. ``package_import_file`` keeps the package's other sealed records of the case
(``mediseal/case/``) and their certificates as bytes, re-checkable. ``imported_item`` links a local
evidence item to its origin item: the origin's canonical record, ingest entry and inclusion proof, exactly
as the package held them; ``imported_seal`` holds each origin seal with its certificate. All four are
append-only (database triggers refuse a change or a removal).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models import Base, UTCDateTime


class PackageImport(Base):
    """A package accepted into a case; never changed."""

    __tablename__ = "package_import"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    case_id: Mapped[int] = mapped_column(ForeignKey("mediation_case.id"), index=True)
    package_name: Mapped[str] = mapped_column(Text)
    package_sha256: Mapped[str] = mapped_column(String(64))
    source_office: Mapped[str] = mapped_column(Text)
    checkpoint: Mapped[bytes] = mapped_column(LargeBinary)
    checkpoint_signature: Mapped[bytes] = mapped_column(LargeBinary)
    checkpoint_certificate: Mapped[bytes] = mapped_column(LargeBinary)
    timestamp_response: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    verdict: Mapped[str] = mapped_column(Text)
    imported_by: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime())
    record_sha256: Mapped[str] = mapped_column(String(64))


class PackageImportFile(Base):
    """A file of an imported package kept as it was: the case's sealed records, their seals, entries and
    proofs (``mediseal/case/``) and the certificates they name."""

    __tablename__ = "package_import_file"

    import_id: Mapped[int] = mapped_column(ForeignKey("package_import.id"), primary_key=True)
    name: Mapped[str] = mapped_column(String(500), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class ImportedItem(Base):
    """Where an imported evidence item came from: the origin item's record, entry and proof, byte for byte."""

    __tablename__ = "imported_item"

    item_id: Mapped[int] = mapped_column(ForeignKey("evidence_item.id"), primary_key=True,
                                         autoincrement=False)
    import_id: Mapped[int] = mapped_column(ForeignKey("package_import.id"), index=True)
    origin_item_id: Mapped[int] = mapped_column(Integer)
    origin_record: Mapped[bytes] = mapped_column(LargeBinary)
    origin_record_sha256: Mapped[str] = mapped_column(String(64), index=True)
    origin_entry: Mapped[bytes] = mapped_column(LargeBinary)
    origin_proof: Mapped[bytes] = mapped_column(LargeBinary)
    record_sha256: Mapped[str] = mapped_column(String(64))


class ImportedSeal(Base):
    """One origin seal on an imported item: the DER signature over the origin record and its certificate."""

    __tablename__ = "imported_seal"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("imported_item.item_id"), index=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    signer: Mapped[str] = mapped_column(Text)
    certificate: Mapped[bytes] = mapped_column(LargeBinary)
    signature: Mapped[bytes] = mapped_column(LargeBinary)
