"""Models of the documents Mediseal printed (文书): one row per generated PDF, with its canonical record and
the PDF bytes themselves (a reprint is the same bytes), and one row per print of it. Both append-only.
Every schema change here comes with an Alembic migration (0014)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models import Base, UTCDateTime, _one_of

# The codes of ``desktop.core.documents.generation.DocumentKind`` (a test keeps them equal).
DOCUMENT_KINDS = ("registration", "rights-notice", "agreement", "supplementary-agreement", "application",
                  "commitment", "evidence-list", "minutes", "address-confirmation", "oral-agreement", "visit",
                  "file-cover", "preservation")


class DocumentRow(Base):
    """A generated document (文书): what it is of, how it was made, its check code and PDF digest, its
    signature if signed, the canonical record the ledger's ``document.generated`` entry holds the digest of,
    and the PDF bytes (deferred: listings never load them). Never changed."""

    __tablename__ = "document"
    __table_args__ = (CheckConstraint(_one_of("kind", DOCUMENT_KINDS), name="known_kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    case_id: Mapped[int] = mapped_column(ForeignKey("mediation_case.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    request: Mapped[str] = mapped_column(Text)  # JSON of the DocumentRequest's given parts
    template_version: Mapped[int] = mapped_column(Integer)
    generator: Mapped[str] = mapped_column(String(64))
    check_code: Mapped[str] = mapped_column(String(16))
    pdf_sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    signed: Mapped[bool] = mapped_column(Boolean)
    signer: Mapped[str | None] = mapped_column(String(64), nullable=True)
    key_id: Mapped[int | None] = mapped_column(ForeignKey("signing_key.id"), nullable=True)
    certificate_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    canonical: Mapped[str] = mapped_column(Text)
    record_sha256: Mapped[str] = mapped_column(String(64))
    pdf: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)


class DocumentPrint(Base):
    """One print of a document: who, when, which pages, how many copies, on which printer; its canonical
    record names the document's PDF digest and its digest is logged (``document.printed``). Never changed."""

    __tablename__ = "document_print"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    printed_by: Mapped[str] = mapped_column(String(64))
    printed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    pages: Mapped[str] = mapped_column(String(100))
    copies: Mapped[int] = mapped_column(Integer)
    printer: Mapped[str] = mapped_column(String(200))
    canonical: Mapped[str] = mapped_column(Text)
    record_sha256: Mapped[str] = mapped_column(String(64))
