"""Import between offices (desktop/core/exchange/importing.py, ``mediseal import``), on SQLite and
PostgreSQL: office A (a notary office, its own SQLite data folder) takes evidence in, seals it, keeps a
preservation record and exports a package; office B (a mediation committee) imports it into a case, and
then ``mediseal verify`` passes and B's own export of the case still verifies. A package that does not
check out is refused with its findings and nothing is written; a second import into the same case is
refused; each tampering of the kept origin is a named ``import-*`` finding."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from sqlalchemy import func, select

from db.imports import ImportedItem, ImportedSeal, PackageImport, PackageImportFile
from db.models import Blob, EvidenceItem
from desktop.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, run
from desktop.config import Settings
from desktop.core.errors import Cancelled, NotAllowed
from desktop.core.evidence import items as evidence_items
from desktop.core.evidence import preservation
from desktop.core.evidence.preservation import PreservationInput
from desktop.core.exchange import package_layout as layout
from desktop.core.exchange.importing import TIMESTAMP_FILE, ImportReport, import_package, origin_of
from desktop.core.exchange.package import export_package
from desktop.core.exchange.verify_package import verify_package
from desktop.core.storage.datafolder import DATABASE_FILE_NAME
from desktop.core.storage.store import OpenStore, open_store
from desktop.core.trust import checkpoints, ledger, timestamps, users
from desktop.core.trust.permissions import Actor
from desktop.core.verification.codes import FindingCode
from desktop.core.verification.store import verify_store
from tests.cli_env import point_cli_at
from tests.sitting_hall import MEDIATOR_PASSWORD, Hall
from tests.tamper import behind_the_back, behind_the_triggers
from tests.test_package_export import export, notary_with_items
from tests.tsa_server import TestTSA, make_pki


@dataclass(frozen=True, slots=True)
class OfficeA:
    """The notary office's package: its items (origin ids and names) and the preservation record's name."""

    package: Path
    items: dict[int, str]
    record: str


def make_office_a_package(template: Path, folder: Path) -> OfficeA:
    """Office A (昆明公证处, SQLite): notary lihua takes in three files, seals them, seals a preservation
    record, and exports the case's package to ``folder``/notary.zip."""
    data = folder / "office-a"
    data.mkdir(parents=True)
    shutil.copyfile(template, data / DATABASE_FILE_NAME)
    store = open_store(Settings(data_dir=data, database_url=None, lang=None))
    try:
        notary, number, items = notary_with_items(store, folder / "a-files")
        assert notary.key is not None
        given = PreservationInput(item_ids=(items[0].id,), place="昆明市五华区公证处", applicant="某图片公司",
                                  operator="李华", steps="打开网页，截图保存")
        with store.database.session_scope() as session:
            record = preservation.create_record(session, notary.actor, notary.key, number, given)
        made = export(store, notary, number, folder / "notary.zip")
        _without_items(made.path, folder / "empty.zip")
    finally:
        store.close()
    return OfficeA(made.path, {item.id: item.name for item in items}, f"preservation-{record.id}")


@pytest.fixture
def office_a(sqlite_template: Path, tmp_path: Path) -> OfficeA:
    return make_office_a_package(sqlite_template, tmp_path / "a")


def _without_items(package: Path, out: Path) -> None:
    """``package`` re-bagged without its evidence items (files, records, seals, entries, proofs): a bag
    that checks out and holds none (the export refuses an empty selection; another tool need not)."""
    with zipfile.ZipFile(package) as source:
        top = source.namelist()[0].split("/")[0]
        files = {name.removeprefix(f"{top}/"): source.read(name) for name in source.namelist()
                 if not name.endswith("/")}
    item_parts = (layout.EVIDENCE + "/", layout.RECORDS + "/", layout.SEALS + "/")
    files = {name: data for name, data in files.items() if not name.startswith(item_parts)
             and not re.fullmatch(rf"{layout.LEDGER}/\d+\.(entry|proof)\.json", name)}
    payload = sorted(name for name in files if name.startswith(layout.PAYLOAD + "/"))
    files[layout.MANIFEST_FILE] = "".join(f"{hashlib.sha256(files[name]).hexdigest()}  {name}\n"
                                          for name in payload).encode()
    oxum = f"Payload-Oxum: {sum(len(files[name]) for name in payload)}.{len(payload)}"
    files[layout.BAG_INFO_FILE] = re.sub(rb"Payload-Oxum: \S+", oxum.encode(), files[layout.BAG_INFO_FILE])
    tags = sorted(name for name in files if not name.startswith(layout.PAYLOAD + "/")
                  and name != layout.TAG_MANIFEST_FILE)
    files[layout.TAG_MANIFEST_FILE] = "".join(f"{hashlib.sha256(files[name]).hexdigest()}  {name}\n"
                                              for name in tags).encode()
    with zipfile.ZipFile(out, "x") as target:
        for name, data in files.items():
            target.writestr(f"{top}/{name}", data)
    assert verify_package(out) == []


@pytest.fixture
def hall(store: OpenStore) -> Iterator[Hall]:
    yield Hall(store)


def bring_in(store: OpenStore, actor: Actor, package: Path, number: str, **kwargs: object) -> ImportReport:
    return import_package(store.database.session_scope, store.vault, actor, package, number,
                          **kwargs)  # type: ignore[arg-type]


def _counts(store: OpenStore) -> tuple[int, int, int, int]:
    with store.database.session_scope() as session:
        return (session.scalar(select(func.count()).select_from(EvidenceItem)) or 0,
                session.scalar(select(func.count()).select_from(ImportedItem)) or 0,
                session.scalar(select(func.count()).select_from(Blob)) or 0, ledger.size(session))


def _findings(store: OpenStore) -> list[FindingCode]:
    with store.database.session_scope() as session:
        return [finding.code for finding in verify_store(session, store.vault).findings
                if finding.severity == "error"]


def test_a_notary_package_imports_into_a_mediation_case_verifies_and_exports_again(
        office_a: OfficeA, hall: Hall, store: OpenStore, tmp_path: Path) -> None:
    report = bring_in(store, hall.lihua, office_a.package, hall.number)
    assert not report.refused and report.source_office == "昆明公证处"
    assert [(item.origin_id, item.name) for item in report.items] == list(office_a.items.items())
    assert all(item.new_blob for item in report.items)
    with store.database.session_scope() as session:
        listed = evidence_items.list_items(session, hall.number)
        origin = origin_of(session, report.items[0].id)
        trail = [entry.kind for entry in evidence_items.custody_trail(session, report.items[0].id)]
        kept = {name: data for name, data in session.execute(select(PackageImportFile.name,
                                                                      PackageImportFile.data))}
        package_row = session.scalars(select(PackageImport)).one()
    assert [item.id for item in listed] == [item.id for item in report.items]  # listed like any item
    assert origin is not None and origin.source_office == "昆明公证处" and origin.verified
    assert [(seal.signer, len(seal.fingerprint)) for seal in origin.seals] == [("lihua", 64)]
    assert origin.origin_item_id == report.items[0].origin_id
    assert trail == ["evidence.ingested", "evidence.imported"]
    assert layout.case_record_file(office_a.record) in kept  # the case's sealed records are attached
    assert json.loads(package_row.verdict)["clean"] is True
    with zipfile.ZipFile(office_a.package) as archive:  # the origin record, byte for byte
        top = archive.namelist()[0].split("/", 1)[0]
        origin_bytes = archive.read(f"{top}/{layout.record_file(report.items[0].origin_id)}")
    with store.database.session_scope() as session:
        assert session.get(ImportedItem, report.items[0].id).origin_record == origin_bytes  # type: ignore[union-attr]
    assert _findings(store) == []

    # B's own package of the case (its items, the imported ones among them) verifies.
    made = export_package(store.database.session_scope, store.vault, hall.lihua, hall.number,
                          tmp_path / "b.zip", None, hall.key)
    assert verify_package(made.path) == []

    # Again into the same case: refused, the items named; into another case: allowed, the blobs reused.
    before = _counts(store)
    with pytest.raises(NotAllowed, match="already imported") as refused:
        bring_in(store, hall.lihua, office_a.package, hall.number)
    assert str(report.items[0].id) in refused.value.message
    assert _counts(store) == before
    other = hall.open(hall.clerk)
    again = bring_in(store, hall.lihua, office_a.package, other)
    assert not again.refused and not any(item.new_blob for item in again.items)
    assert _counts(store)[2] == before[2]  # no new blob row
    assert _findings(store) == []


def test_a_package_that_does_not_check_out_is_refused_and_nothing_is_written(
        office_a: OfficeA, hall: Hall, store: OpenStore, tmp_path: Path) -> None:
    origin_id, name = next(iter(office_a.items.items()))
    tampered = tmp_path / "tampered.zip"
    payload = layout.evidence_file(origin_id, name)
    with zipfile.ZipFile(office_a.package) as source, zipfile.ZipFile(tampered, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.split("/", 1)[1] == payload:
                data = data[:-1] + bytes([data[-1] ^ 1])
            target.writestr(info.filename, data)
    before = _counts(store)
    vault_before = sorted(store.vault.digests())
    report = bring_in(store, hall.lihua, tampered, hall.number)
    assert report.refused and report.items == () and report.import_id is None
    codes = {finding.code for finding in report.findings}
    assert codes >= {"record-sha256", "record-sm3", "manifest-mismatch"}
    assert all(finding.file == payload for finding in report.findings)
    assert _counts(store) == before and sorted(store.vault.digests()) == vault_before


def test_who_may_import_and_a_cancel_leaves_nothing(office_a: OfficeA, hall: Hall, store: OpenStore) -> None:
    # The case has its mediator (lihua): another mediator may not add evidence to it; asked before any
    # file is stored, so the vault is as it was.
    vault_before = sorted(store.vault.digests())
    with pytest.raises(NotAllowed, match="not assigned"):
        bring_in(store, hall.wangwu, office_a.package, hall.number)
    assert sorted(store.vault.digests()) == vault_before
    before = _counts(store)
    reads: list[int] = []
    with pytest.raises(Cancelled):
        bring_in(store, hall.lihua, office_a.package, hall.number,
                 progress=lambda done, _total: reads.append(done), cancelled=lambda: bool(reads))
    assert _counts(store)[:2] == before[:2] and _counts(store)[3] == before[3]
    assert not bring_in(store, hall.lihua, office_a.package, hall.number).refused  # and later it imports
    # A closed and archived case (结案归档) takes nothing more in.
    closed = hall.open(hall.clerk)
    behind_the_triggers(store, "mediation_case",
                        "UPDATE mediation_case SET status = 'closed' WHERE number = :n", n=closed)
    with pytest.raises(NotAllowed, match="closed"):
        bring_in(store, hall.lihua, office_a.package, closed)


def test_each_tampering_of_a_kept_origin_is_a_named_finding(office_a: OfficeA, hall: Hall,
                                                            store: OpenStore) -> None:
    report = bring_in(store, hall.lihua, office_a.package, hall.number)
    first, second = report.items[0].id, report.items[1].id
    assert _findings(store) == []
    with store.database.session_scope() as session:
        record = session.get(ImportedItem, first).origin_record  # type: ignore[union-attr]
        seal = session.scalars(select(ImportedSeal).where(ImportedSeal.item_id == second)).one()
        seal_id, signature = seal.id, seal.signature
        package_row = session.scalars(select(PackageImport)).one()
        checkpoint = package_row.checkpoint
        kept = layout.case_entry_file(office_a.record)
    # The origin record of one item: its seal, entry and the logged origin no longer match.
    behind_the_triggers(store, "imported_item", "UPDATE imported_item SET origin_record = :data "
                        "WHERE item_id = :item", data=record.replace(b'"version":1', b'"version":2'),
                        item=first)
    # A seal of another: its signature no longer verifies.
    forged = signature[:-2] + bytes([signature[-2] ^ 1]) + signature[-1:]
    behind_the_triggers(store, "imported_seal", "UPDATE imported_seal SET signature = :data WHERE id = :id",
                        data=forged, id=seal_id)
    # The checkpoint kept with the package: its signature, and every proof to its root.
    behind_the_triggers(store, "package_import", "UPDATE package_import SET checkpoint = :data",
                        data=checkpoint.replace(b'"tree_size":', b'"tree_size":1'))
    behind_the_triggers(store, "package_import_file", "DELETE FROM package_import_file WHERE name = :name",
                        name=kept)
    codes = _findings(store)
    for code in (FindingCode.IMPORT_CHANGED, FindingCode.IMPORT_SEAL, FindingCode.IMPORT_ENTRY,
                 FindingCode.IMPORT_PROOF, FindingCode.IMPORT_CHECKPOINT):
        assert code in codes, code
    with store.database.session_scope() as session:
        found = {(finding.code, finding.item) for finding in verify_store(session, store.vault).findings}
    assert (FindingCode.IMPORT_ENTRY, first) in found and (FindingCode.IMPORT_SEAL, second) in found
    # An origin removed behind the ledger's back: the ledger still names it.
    third = report.items[2].id
    behind_the_back(store, [("DELETE FROM imported_seal WHERE item_id = :item", {"item": third}),
                            ("DELETE FROM imported_item WHERE item_id = :item", {"item": third})])
    with store.database.session_scope() as session:
        missing = [finding for finding in verify_store(session, store.vault).findings
                   if finding.code == FindingCode.IMPORT_MISSING]
    assert [finding.message for finding in missing] == [
        f"import evidence:{third}: the ledger logged it, the store no longer holds it"]


def test_a_kept_certificate_cryptography_cannot_read_is_a_finding(office_a: OfficeA, hall: Hall,
                                                                  store: OpenStore) -> None:
    """A stored origin certificate whose version field was changed makes cryptography raise InvalidVersion
    (not a ValueError): verify names the seal, it does not stop."""
    report = bring_in(store, hall.lihua, office_a.package, hall.number)
    item = report.items[0].id
    with store.database.session_scope() as session:
        seal = session.scalars(select(ImportedSeal).where(ImportedSeal.item_id == item)).first()
        assert seal is not None
        seal_id, pem = seal.id, seal.certificate
    der = x509.load_pem_x509_certificate(pem).public_bytes(serialization.Encoding.DER)
    at = der.index(bytes.fromhex("a003020102")) + 4  # [0] EXPLICIT INTEGER 2: X.509 v3
    version_5 = der[:at] + b"\x05" + der[at + 1:]
    damaged = b"".join([b"-----BEGIN CERTIFICATE-----\n", base64.encodebytes(version_5),
                        b"-----END CERTIFICATE-----\n"])
    behind_the_triggers(store, "imported_seal", "UPDATE imported_seal SET certificate = :data WHERE id = :id",
                        data=damaged, id=seal_id)
    with store.database.session_scope() as session:
        found = {(finding.code, finding.item) for finding in verify_store(session, store.vault).findings}
    assert (FindingCode.IMPORT_SEAL, item) in found


def test_the_file_against_the_origin_record(office_a: OfficeA, hall: Hall, store: OpenStore) -> None:
    report = bring_in(store, hall.lihua, office_a.package, hall.number)
    item = report.items[0].id
    behind_the_triggers(store, "evidence_item", "UPDATE evidence_item SET sm3 = :sm3 WHERE id = :item",
                        sm3="0" * 64, item=item)
    with store.database.session_scope() as session:
        found = {(finding.code, finding.item) for finding in verify_store(session, store.vault).findings}
    assert (FindingCode.IMPORT_FILE, item) in found


def test_the_command_line(office_a: OfficeA, hall: Hall, store: OpenStore, tmp_path: Path,
                          monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    point_cli_at(monkeypatch, store, "lihua", MEDIATOR_PASSWORD)
    assert run(["import", str(office_a.package), "--case", hall.number, "--json"]) == EXIT_OK
    out = json.loads(capsys.readouterr().out)
    assert out["imported"] is True and out["source_office"] == "昆明公证处" and out["findings"] == []
    assert [(item["origin_id"], item["name"], item["new_blob"]) for item in out["items"]] == [
        (origin, name, True) for origin, name in office_a.items.items()]
    assert run(["evidence", "show", str(out["items"][0]["id"]), "--json"]) == EXIT_OK
    shown = json.loads(capsys.readouterr().out)
    assert shown["origin"]["source_office"] == "昆明公证处" and shown["origin"]["verdict"] == "verified"
    assert run(["evidence", "show", str(out["items"][0]["id"])]) == EXIT_OK
    assert "from 昆明公证处, sealed by lihua" in capsys.readouterr().out
    assert run(["verify"]) == EXIT_OK
    assert run(["verify", "--case", hall.number]) == EXIT_OK
    capsys.readouterr()

    assert run(["import", str(office_a.package), "--case", hall.number]) == EXIT_REFUSED  # already there
    capsys.readouterr()
    broken = tmp_path / "broken.zip"
    broken.write_bytes(office_a.package.read_bytes()[:2000])
    assert run(["import", str(broken), "--case", hall.number]) == EXIT_USAGE
    capsys.readouterr()
    empty = office_a.package.with_name("empty.zip")
    assert run(["import", str(empty), "--case", hall.number]) == EXIT_USAGE
    assert "holds no evidence items" in capsys.readouterr().err
    bad = tmp_path / "bad.zip"  # a valid zip, but two top-level folders: findings, exit 1
    with zipfile.ZipFile(office_a.package) as source, zipfile.ZipFile(bad, "w") as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
        target.writestr("other/extra.txt", b"x")
    assert run(["import", str(bad), "--case", hall.number]) == EXIT_REFUSED
    assert "top-folders" in capsys.readouterr().out


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_pki(tmp_path_factory.mktemp("tsa"))


def _with_response(package: Path, out: Path, response: bytes) -> Path:
    """``package`` with ``response`` as its checkpoint's timestamp (``TIMESTAMP_FILE``)."""
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(out, "w") as target:
        top = source.namelist()[0].split("/", 1)[0]
        for info in source.infolist():
            if info.filename != f"{top}/{TIMESTAMP_FILE}":
                target.writestr(info.filename, source.read(info))
        target.writestr(f"{top}/{TIMESTAMP_FILE}", response)
    return out


def test_a_timestamped_package_keeps_its_token_and_verify_rechecks_it(
        sqlite_template: Path, pki: Path, hall: Hall, store: OpenStore, tmp_path: Path) -> None:
    server = TestTSA(pki).start()
    try:
        data = tmp_path / "office-a"
        data.mkdir()
        shutil.copyfile(sqlite_template, data / DATABASE_FILE_NAME)
        office_store = open_store(Settings(data_dir=data, database_url=None, lang=None))
        try:
            notary, number, _items = notary_with_items(office_store, tmp_path / "a-files", count=2)
            assert notary.key is not None
            admin = users.sign_in(office_store.database, "admin", "admin-password-1")
            with office_store.database.session_scope() as session:
                timestamps.set_authority(session, admin, server.url, (pki / "ca.pem").read_text())
            with office_store.database.session_scope() as session:
                signed = checkpoints.sign_checkpoint(session, notary.actor, notary.key)
            assert timestamps.send_pending(office_store.database.session_scope, notary.actor) == [
                timestamps.SendResult(signed.id, None)]
            made = export(office_store, notary, number, tmp_path / "plain.zip")
            assert made.checkpoint.id == signed.id
            with office_store.database.session_scope() as session:
                evidence = timestamps.evidence_for(session, signed.id)
                other = checkpoints.sign_checkpoint(session, notary.actor, notary.key)
            timestamps.send_pending(office_store.database.session_scope, notary.actor)
            with office_store.database.session_scope() as session:
                wrong = timestamps.evidence_for(session, other.id)
        finally:
            office_store.close()
    finally:
        server.stop()
    assert evidence is not None and wrong is not None
    stamped = _with_response(made.path, tmp_path / "stamped.zip", evidence.response)
    misstamped = _with_response(made.path, tmp_path / "misstamped.zip", wrong.response)

    refused = bring_in(store, hall.lihua, misstamped, hall.number)  # a token over another checkpoint
    assert [(finding.code, finding.file) for finding in refused.findings] == [
        ("manifest-mismatch", TIMESTAMP_FILE), ("timestamp-imprint", TIMESTAMP_FILE)]
    report = bring_in(store, hall.lihua, stamped, hall.number)
    assert not report.refused
    with store.database.session_scope() as session:
        origin = origin_of(session, report.items[0].id)
    assert origin is not None and origin.timestamped
    assert _findings(store) == []
    behind_the_triggers(store, "package_import", "UPDATE package_import SET timestamp_response = :data",
                        data=wrong.response)
    assert {FindingCode.IMPORT_TIMESTAMP, FindingCode.IMPORT_CHANGED} <= set(_findings(store))
