"""The documents registry (issue 12): every generated document kept (row, record, the PDF bytes) and logged,
a QR code and digest line on every page (read back with pdftotext and pdfinfo), previews that record
nothing, print records in the ledger, ``verify-document`` for a produced, changed, unknown or renamed file,
``document list``, and ``mediseal verify`` findings after tampering. Core and CLI on SQLite and
PostgreSQL."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from db.documents import DOCUMENT_KINDS, DocumentPrint, DocumentRow
from desktop.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, run
from desktop.core.documents import page_marks, registry
from desktop.core.documents.generation import DocumentKind, generate, office_id, preview
from desktop.core.documents.layout import Document, Text, render
from desktop.core.documents.verify_document import DocumentProblem, DocumentVerdict, verify_document
from desktop.core.errors import InvalidInput, NotFound
from desktop.core.integrity.canonical import parse_canonical, record_digest
from desktop.core.storage.store import OpenStore
from desktop.core.trust import ledger
from desktop.core.trust.events import EventKind
from desktop.core.verification.codes import FindingCode
from desktop.core.verification.store import verify_store
from tests.cli_env import point_cli_at
from tests.tamper import behind_the_triggers
from tests.test_documents import NOW, Office, _text, _tool

DIGEST_LINE = re.compile(r"文书编号(\d+)校验码([0-9a-f]{16})第(\d+)页")


@pytest.fixture
def place(store: OpenStore) -> Office:
    return Office(store)


def _long_case(place: Office) -> str:
    """A case whose registration form runs over two pages."""
    requests = tuple(f"第{index}项请求：判令被申请人立即停止销售侵犯申请人注册商标专用权的茶叶产品"
                     f"{index}。" * 2 for index in range(1, 16))
    return place.case(requests=requests)


def test_the_digest_line_pattern_matches_the_line_as_extracted() -> None:
    marks = page_marks.PageMarks(12, "0123456789abcdef", "fedcba9876543210")
    assert re.fullmatch(page_marks.DIGEST_LINE_PATTERN, "".join(marks.line(3).split()))
    assert not re.search(page_marks.DIGEST_LINE_PATTERN, "".join(page_marks.PREVIEW.line(3).split()))


def test_the_kinds_in_the_table_are_the_kinds_of_documents() -> None:
    assert set(DOCUMENT_KINDS) >= {kind.value for kind in DocumentKind}


def test_a_generated_document_is_kept_logged_and_marked_on_every_page(place: Office, tmp_path: Path) -> None:
    number = _long_case(place)
    out = tmp_path / "registration.pdf"
    made = place.generate(place.clerk, "registration", number, out)
    data = out.read_bytes()
    assert made.pdf == data and made.pdf_sha256 == hashlib.sha256(data).hexdigest() and not made.signed
    with place.database.session_scope() as session:
        row = session.get(DocumentRow, made.id)
        assert row is not None
        assert (row.kind, row.pdf_sha256, row.size, row.created_by, row.signed) == (
            "registration", made.pdf_sha256, len(data), "clerk", False)
        parsed, canonical = parse_canonical(row.canonical)
        assert canonical and parsed == made.record and row.record_sha256 == record_digest(made.record)
        assert registry.document_pdf(session, made.id) == data  # a reprint is the same bytes
        listed = registry.list_documents(session, number)
        office = office_id(session)
        entries = ledger.subject_entries(session, f"case:{number}")
    assert [(info.id, info.kind, info.pdf_sha256, info.check_code) for info in listed] == [
        (made.id, DocumentKind.REGISTRATION, made.pdf_sha256, made.record["check_code"])]
    assert [entry.subject_sha256 for entry in entries if entry.kind == EventKind.DOCUMENT_GENERATED] == [
        made.record_sha256]
    # Every page: the digest line names the document and its check code, the page number beside it.
    pages = int(re.search(r"Pages:\s+(\d+)", _tool("pdfinfo", out)).group(1))  # type: ignore[union-attr]
    assert pages >= 2
    for page in range(1, pages + 1):
        page_text = "".join(_tool("pdftotext", "-f", str(page), "-l", str(page), out, "-").split())
        assert DIGEST_LINE.findall(page_text) == [(str(made.id), made.record["check_code"], str(page))]
        assert f"—{page}—" in page_text
    # The QR text (also the Keywords) names the office, the document and its check code.
    marks = page_marks.PageMarks(made.id, made.record["check_code"], office)
    assert f"Keywords:        {marks.qr_text()}" in _tool("pdfinfo", out)
    assert page_marks.read_qr_text(marks.qr_text()) == page_marks.NamedDocument(
        office, made.id, made.record["check_code"])
    assert re.fullmatch(r"MEDISEAL:DOC:[0-9A-F]{16}:\d+:[0-9A-F]{16}", marks.qr_text())


def test_the_qr_code_is_drawn_with_the_text_passed(place: Office, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    passed: list[str] = []
    real = page_marks.QrCodeWidget

    def recording(value: str, **options: object) -> object:
        passed.append(value)
        return real(value, **options)

    monkeypatch.setattr(page_marks, "QrCodeWidget", recording)
    page_marks._qr_modules.cache_clear()
    number = _long_case(place)
    made = place.generate(place.clerk, "registration", number, tmp_path / "a.pdf")
    with place.database.session_scope() as session:
        office = office_id(session)
    # Encoded once, drawn as one form every page places.
    assert passed == [f"MEDISEAL:DOC:{office.upper()}:{made.id}:{made.record['check_code'].upper()}"]


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbarimg (Debian zbar-tools) not installed")
def test_the_qr_code_decodes_to_its_text(tmp_path: Path) -> None:
    """Read back with a decoder nobody here wrote, on an odd and an even page, at 150 dpi (a scan)."""
    marks = page_marks.PageMarks(12, "0123456789abcdef", "fedcba9876543210")
    blocks = tuple(Text("调解协议的内容。" * 40) for _ in range(6))
    out = tmp_path / "marked.pdf"
    out.write_bytes(render(Document("人民调解协议书", blocks), marks=marks))
    _tool("pdftoppm", "-r", "150", "-gray", "-f", "1", "-l", "2", "-png", out, tmp_path / "page")
    for page in sorted(tmp_path.glob("page-*.png")):
        decoded = subprocess.run(["zbarimg", "--quiet", "--raw", page], capture_output=True, text=True,
                                 check=False).stdout.split()
        assert decoded == [marks.qr_text()], page.name
    assert len(list(tmp_path.glob("page-*.png"))) == 2


def test_check_code_is_of_the_content_and_ids_follow_each_other(place: Office, tmp_path: Path) -> None:
    number = place.case()
    first = place.generate(place.clerk, "registration", number, tmp_path / "1.pdf")
    second = place.generate(place.clerk, "registration", number, tmp_path / "2.pdf")
    notice = place.generate(place.clerk, "rights-notice", number, tmp_path / "3.pdf")
    assert (first.id, second.id, notice.id) == (1, 2, 3)
    # The same content gives the same check code; the papers differ by id (and so by bytes).
    assert first.record["check_code"] == second.record["check_code"] != notice.record["check_code"]
    assert first.pdf_sha256 != second.pdf_sha256


def test_stored_only_when_no_destination(place: Office, tmp_path: Path) -> None:
    number = place.case()
    with place.database.session_scope() as session:
        made = generate(session, place.clerk, "rights-notice", number, None, now=NOW)
    assert made.path is None and made.pdf[:5] == b"%PDF-"
    with place.database.session_scope() as session:
        assert registry.document_pdf(session, made.id) == made.pdf
        with pytest.raises(NotFound):
            registry.document_pdf(session, made.id + 1)


def test_a_preview_says_so_on_every_page_and_records_nothing(place: Office, tmp_path: Path) -> None:
    number = _long_case(place)
    with place.database.session_scope() as session:
        before = ledger.size(session)
        pdf = preview(session, place.clerk, "registration", number)
    out = tmp_path / "preview.pdf"
    out.write_bytes(pdf)
    text_of = _text(out)
    assert text_of.count("预览—非正式文书") >= 2 and "文书编号" not in text_of
    assert "MEDISEAL" not in _tool("pdfinfo", out)
    with place.database.session_scope() as session:
        assert ledger.size(session) == before
        assert session.scalars(select(DocumentRow.id)).all() == []


def test_nothing_is_recorded_when_the_file_exists(place: Office, tmp_path: Path) -> None:
    number = place.case()
    out = tmp_path / "there.pdf"
    out.write_bytes(b"mine")
    with place.database.session_scope() as session:
        before = ledger.size(session)
    with pytest.raises(InvalidInput):
        place.generate(place.clerk, "registration", number, out)
    assert out.read_bytes() == b"mine"
    with place.database.session_scope() as session:
        assert ledger.size(session) == before and session.scalars(select(DocumentRow.id)).all() == []


def test_documents_and_prints_are_append_only(place: Office, store: OpenStore, tmp_path: Path) -> None:
    number = place.case()
    made = place.generate(place.clerk, "registration", number, tmp_path / "a.pdf")
    with place.database.session_scope() as session:
        registry.record_print(session, place.clerk, made.id, "1", 1, "HP LaserJet", now=NOW)
    for statement in ("UPDATE document SET signed = true", "DELETE FROM document",
                      "UPDATE document_print SET copies = 5", "DELETE FROM document_print"):
        with pytest.raises(DBAPIError, match="append-only"), store.database.session_scope() as session:
            session.execute(text(statement))


def test_a_print_is_recorded_and_logged_with_the_documents_digest(place: Office, tmp_path: Path) -> None:
    number = place.case()
    made = place.generate(place.clerk, "registration", number, tmp_path / "a.pdf")
    with place.database.session_scope() as session:
        done = registry.record_print(session, place.clerk, made.id, "1-2", 3, "HP LaserJet 办公室", now=NOW)
    with place.database.session_scope() as session:
        row = session.get(DocumentPrint, done.id)
        assert row is not None
        record, canonical = parse_canonical(row.canonical)
        entries = [entry for entry in ledger.subject_entries(session, f"case:{number}")
                   if entry.kind == EventKind.DOCUMENT_PRINTED]
        listed = registry.list_documents(session, number)
    assert canonical and record["pdf_sha256"] == made.pdf_sha256 and record["document"] == made.id
    assert (record["pages"], record["copies"], record["printer"], record["printed_by"]) == (
        "1-2", 3, "HP LaserJet 办公室", "clerk")
    assert [(entry.seq, entry.subject_sha256) for entry in entries] == [(done.ledger_seq, done.record_sha256)]
    assert done.record_sha256 == record_digest(record)
    assert [(p.copies, p.printer) for p in listed[0].prints] == [(3, "HP LaserJet 办公室")]


@pytest.mark.parametrize(("pages", "copies", "printer", "field"), [
    ("1", 0, "HP", "copies"), ("1", 100, "HP", "copies"), ("1", 1, "", "printer"),
    ("1\u202e2", 1, "HP", "pages")])
def test_a_bad_print_is_refused_and_nothing_logged(place: Office, tmp_path: Path, pages: str, copies: int,
                                                   printer: str, field: str) -> None:
    number = place.case()
    made = place.generate(place.clerk, "registration", number, tmp_path / "a.pdf")
    with place.database.session_scope() as session:
        before = ledger.size(session)
        with pytest.raises(InvalidInput) as refused:
            registry.record_print(session, place.clerk, made.id, pages, copies, printer)
    assert refused.value.fields.get("field") == field
    with place.database.session_scope() as session:
        assert ledger.size(session) == before and session.scalars(select(DocumentPrint.id)).all() == []
        with pytest.raises(NotFound):
            registry.record_print(session, place.clerk, 99, "", 1, "HP")


def test_verify_document_produced_changed_unknown(place: Office, tmp_path: Path) -> None:
    number = place.case()
    out = tmp_path / "a.pdf"
    made = place.generate(place.clerk, "registration", number, out)
    data = out.read_bytes()
    changed = bytearray(data)
    at = changed.index(b"/Creator (Mediseal)") + len(b"/Creator (")
    changed[at] = ord("X")
    with place.database.session_scope() as session:
        good = verify_document(session, data)
        bad = verify_document(session, bytes(changed))
        unknown = verify_document(session, render(Document("受理登记表", (Text("无关的文件。"),))))
    assert good.verdict == DocumentVerdict.UNCHANGED and good.document is not None
    assert (good.document.id, good.found_by_digest, good.logged, good.problems) == (made.id, True, True, ())
    assert bad.verdict == DocumentVerdict.CHANGED and bad.problems == (DocumentProblem.BYTES_DIFFER,)
    assert bad.document is not None and bad.document.id == made.id and not bad.found_by_digest
    assert unknown.verdict == DocumentVerdict.UNKNOWN and unknown.problems == (DocumentProblem.NOT_HERE,)
    # A file naming a document id this registry never issued, or another office.
    other = bytes(changed).replace(f":{made.id}:".encode(), b":77:")
    elsewhere = data.replace(good.named.office.upper().encode(), b"0123456789ABCDEF")  # type: ignore[union-attr]
    with place.database.session_scope() as session:
        assert verify_document(session, other).problems == (DocumentProblem.NO_SUCH_DOCUMENT,)
        assert verify_document(session, elsewhere).problems == (DocumentProblem.OTHER_OFFICE,)


def test_cli_generates_lists_and_verifies_documents(place: Office, store: OpenStore, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    number = place.case()
    point_cli_at(monkeypatch, store, "clerk", "clerk-password-1")
    out = tmp_path / "notice.pdf"
    assert run(["document", "rights-notice", "--case", number, "--out", str(out), "--json"]) == EXIT_OK
    made = json.loads(capsys.readouterr().out)
    assert (made["kind"], made["signed"], made["pdf_sha256"]) == (
        "rights-notice", False, hashlib.sha256(out.read_bytes()).hexdigest())
    with place.database.session_scope() as session:
        registry.record_print(session, place.clerk, made["id"], "", 2, "HP LaserJet", now=NOW)
    assert run(["document", "list", "--case", number, "--json"]) == EXIT_OK
    listed = json.loads(capsys.readouterr().out)
    assert [(doc["id"], doc["kind"], doc["created_by"], doc["signed"], [p["copies"] for p in doc["prints"]])
            for doc in listed] == [(made["id"], "rights-notice", "clerk", False, [2])]
    assert run(["document", "list", "--case", number]) == EXIT_OK
    assert "rights-notice" in capsys.readouterr().out
    # A renamed copy is the same document; a changed one is named as changed; another PDF is unknown.
    renamed = tmp_path / "给法院的副本.pdf"
    shutil.copy(out, renamed)
    assert run(["verify-document", str(renamed), "--json"]) == EXIT_OK
    checked = json.loads(capsys.readouterr().out)
    assert (checked["verdict"], checked["document"]["id"], checked["problems"]) == (
        "unchanged", made["id"], [])
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(out.read_bytes().replace(b"/Creator (Mediseal)", b"/Creator (Mediseak)"))
    assert run(["verify-document", str(changed)]) == EXIT_REFUSED
    said = capsys.readouterr().out
    assert "Changed since this office produced it" in said and "bytes differ" in said
    stranger = tmp_path / "stranger.pdf"
    stranger.write_bytes(render(Document("受理登记表", (Text("无关的文件。"),))))
    assert run(["verify-document", str(stranger), "--json"]) == EXIT_REFUSED
    assert json.loads(capsys.readouterr().out)["verdict"] == "unknown"
    assert run(["verify-document", str(tmp_path / "none.pdf")]) == EXIT_USAGE
    # A reprint from the registry is the same bytes; a print made outside the window is recorded.
    copy = tmp_path / "copy.pdf"
    copying = ["document", "copy", "--case", number, "--document", str(made["id"]), "--out", str(copy)]
    assert run(copying) == EXIT_OK and copy.read_bytes() == out.read_bytes()
    assert run(copying) == EXIT_USAGE  # never over a file
    assert run(["document", "print-record", "--case", number, "--document", str(made["id"]), "--printer",
                "Canon LBP", "--pages", "1", "--copies", "2", "--json"]) == EXIT_OK
    capsys.readouterr()
    assert run(["document", "print-record", "--case", number, "--document", "99", "--printer", "x"]) == \
        EXIT_USAGE  # no such document
    other = place.case()
    assert run(["document", "print-record", "--case", other, "--document", str(made["id"]), "--printer",
                "x"]) == EXIT_USAGE  # not one of that case
    with place.database.session_scope() as session:
        prints = registry.get_document(session, made["id"]).prints
    assert [(done.printer, done.pages, done.copies) for done in prints] == [
        ("HP LaserJet", "", 2), ("Canon LBP", "1", 2)]
    assert run(["document", "registration", "--case", number]) == EXIT_USAGE  # no --out


def _codes(store: OpenStore, case: str | None = None) -> list[str]:
    with store.database.session_scope() as session:
        report = verify_store(session, store.vault, case)
    return [finding.code.value for finding in report.findings]


def test_verify_finds_a_changed_pdf_record_or_print(place: Office, store: OpenStore, tmp_path: Path) -> None:
    number = place.case()
    first = place.generate(place.clerk, "registration", number, tmp_path / "a.pdf")
    second = place.generate(place.clerk, "rights-notice", number, tmp_path / "b.pdf")
    with place.database.session_scope() as session:
        registry.record_print(session, place.clerk, second.id, "", 1, "HP", now=NOW)
    assert _codes(store) == [] and _codes(store, number) == []
    behind_the_triggers(store, "document", "UPDATE document SET pdf = :pdf WHERE id = :id",
                        pdf=first.pdf.replace(b"Mediseal", b"Mediseam"), id=first.id)
    assert _codes(store) == [FindingCode.DOCUMENT_PDF_CHANGED.value]
    assert _codes(store, number) == [FindingCode.DOCUMENT_PDF_CHANGED.value]
    behind_the_triggers(store, "document", "UPDATE document SET check_code = :code WHERE id = :id",
                        code="0" * 16, id=second.id)
    assert FindingCode.DOCUMENT_ROW_MISMATCH.value in _codes(store)
    behind_the_triggers(store, "document_print", "UPDATE document_print SET copies = 9")
    assert FindingCode.DOCUMENT_PRINT_CHANGED.value in _codes(store)
    behind_the_triggers(store, "document_print", "DELETE FROM document_print")
    behind_the_triggers(store, "document", "DELETE FROM document WHERE id = :id", id=second.id)
    codes = _codes(store)
    assert FindingCode.DOCUMENT_MISSING.value in codes and FindingCode.DOCUMENT_PRINT_MISSING.value in codes


def test_verify_finds_a_changed_document_record(place: Office, store: OpenStore, tmp_path: Path) -> None:
    number = place.case()
    made = place.generate(place.clerk, "registration", number, tmp_path / "a.pdf")
    with store.database.session_scope() as session:
        row = session.get(DocumentRow, made.id)
        assert row is not None
        forged = row.canonical.replace('"created_by":"clerk"', '"created_by":"lihua"')
    behind_the_triggers(store, "document", "UPDATE document SET canonical = :text, created_by = 'lihua'",
                        text=forged)
    assert _codes(store) == [FindingCode.DOCUMENT_CHANGED.value]
    with store.database.session_scope() as session:
        assert verify_document(session, made.pdf).problems == (DocumentProblem.RECORD_NOT_LOGGED,)
