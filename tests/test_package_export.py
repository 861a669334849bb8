"""Court packages (desktop/core/exchange/package.py and ``mediseal export``), on SQLite and PostgreSQL: a
package verifies with ``mediseal verify-package`` and with tools nobody here wrote (bagit.py --validate,
openssl dgst -sha256 / -sm3 / -verify, the shipped verify_path.py under python3); --items leaves the
other items out and still verifies; an existing file or a cancel leaves nothing."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from desktop.cli import EXIT_OK, EXIT_USAGE, run
from desktop.core.cases import matters as cases
from desktop.core.documents.generation import DocumentKind, DocumentRequest, generate
from desktop.core.errors import Cancelled, InvalidInput, NotFound
from desktop.core.evidence import intake, preservation
from desktop.core.evidence import items as evidence_items
from desktop.core.evidence.acquisition import Acquisition
from desktop.core.evidence.items import ItemInfo
from desktop.core.evidence.preservation import PreservationInput
from desktop.core.exchange import package_layout as layout
from desktop.core.exchange.package import ExportedPackage, export_package
from desktop.core.exchange.proofs import CheckpointNeeded
from desktop.core.exchange.verify_package import verify_package
from desktop.core.office import office
from desktop.core.storage.store import OpenStore
from desktop.core.trust import checkpoints, signing_keys, users
from desktop.core.trust.permissions import Role
from desktop.core.trust.sign_in import SignedInUser, sign_in_user
from tests.cli_env import point_cli_at
from tests.sitting_hall import Hall
from tests.test_documents import _text

PASSWORD = "notary-password-1"
OPENSSL = "/usr/bin/openssl"
BAGIT = Path(sys.executable).with_name("bagit.py")


def notary_with_items(store: OpenStore, folder: Path, count: int = 3) -> tuple[SignedInUser, str,
                                                                              list[ItemInfo]]:
    """A notary with a signing key, a case, and ``count`` items taken in and sealed (one with a Chinese
    name); no checkpoint yet."""
    with store.database.session_scope() as session:
        office.create_office(session, "昆明公证处", "云知调")
        admin = users.create_first_admin(session, "admin", "admin-password-1", "赵文")
        users.add_user(session, admin, "lihua", frozenset({Role.NOTARY}), PASSWORD, "李华")
    actor = users.sign_in(store.database, "lihua", PASSWORD)
    with store.database.session_scope() as session:
        signing_keys.new_key(session, actor, PASSWORD)
    notary = sign_in_user(store.database, "lihua", PASSWORD)
    with store.database.session_scope() as session:
        number = cases.open_case(session, notary.actor, "copyright", "某图片著作权纠纷").number
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"证据 {index}.txt"
        path.write_bytes(f"evidence {index}\n".encode() * (index + 1))
        paths.append(path)
    report = intake.ingest_files(store.database, store.vault, notary.actor, number, paths,
                                 Acquisition("upload"), seal_with=notary.key)
    return notary, number, list(report.items)


def export(store: OpenStore, notary: SignedInUser, number: str, out: Path,
           items: list[int] | None = None) -> ExportedPackage:
    return export_package(store.database.session_scope, store.vault, notary.actor, number, out, items,
                          notary.key)


def _unzip(package: Path, into: Path) -> Path:
    with zipfile.ZipFile(package) as archive:
        archive.extractall(into)
    (top,) = list(into.iterdir())
    return top


def _openssl(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([OPENSSL, *map(str, args)], capture_output=True, text=True, check=False)


def test_a_package_checks_out_with_verify_package_and_with_outside_tools(store: OpenStore,
                                                                        tmp_path: Path) -> None:
    notary, number, items = notary_with_items(store, tmp_path / "in")
    made = export(store, notary, number, tmp_path / "court.zip")
    assert made.signed_checkpoint  # none covered the items: the export signed one with lihua's key
    assert made.items == tuple(item.id for item in items)
    assert verify_package(made.path) == []

    bag = _unzip(made.path, tmp_path / "unzipped")
    assert bag.name == "court"
    validated = subprocess.run([sys.executable, str(BAGIT), "--validate", str(bag)], capture_output=True,
                               text=True, check=False)
    assert validated.returncode == 0, validated.stderr
    info = (bag / layout.BAG_INFO_FILE).read_text("utf-8")
    assert f"External-Identifier: {number}" in info and "Source-Organization: 昆明公证处" in info
    verify_text = (bag / layout.VERIFY_FILE).read_text("utf-8")
    assert all(step in verify_text for step in ("核验", "bagit.py --validate", "openssl dgst -sm3"))
    assert any(path.name.startswith("evidence-list-") for path in (bag / layout.DOCUMENTS).iterdir())
    assert len((bag / layout.VERIFY_PATH_SCRIPT).read_text("utf-8").splitlines()) < 40

    for item in items:
        record_file = bag / layout.record_file(item.id)
        record = json.loads(record_file.read_bytes())
        payload = bag / layout.evidence_file(item.id, item.name)
        sha256 = _openssl("dgst", "-sha256", "-r", payload).stdout.split()[0]
        sm3 = _openssl("dgst", "-sm3", "-r", payload).stdout.split()[0]
        assert (sha256, sm3) == (record["sha256"], record["sm3"])
        (seal,) = list((bag / layout.SEALS / str(item.id)).iterdir())
        pubkey = tmp_path / "cert-pubkey.pem"
        certificate = bag / layout.cert_file(seal.stem)
        pubkey.write_text(_openssl("x509", "-in", certificate, "-pubkey", "-noout").stdout)
        verified = _openssl("dgst", "-sha256", "-verify", pubkey, "-signature", seal, record_file)
        assert verified.returncode == 0 and "Verified OK" in verified.stdout
        entry = json.loads((bag / layout.entry_file(item.id)).read_bytes())
        assert entry["subject_sha256"] == _openssl("dgst", "-sha256", "-r", record_file).stdout.split()[0]
        walked = subprocess.run(["python3", str(bag / layout.VERIFY_PATH_SCRIPT), str(bag / layout.entry_file(
            item.id)), str(bag / layout.proof_file(item.id)), str(bag / layout.CHECKPOINT_FILE)],
            capture_output=True, text=True, check=False)
        assert walked.returncode == 0 and walked.stdout.startswith("OK"), walked.stdout

    checkpoint = json.loads((bag / layout.CHECKPOINT_FILE).read_bytes())
    pubkey.write_text(_openssl("x509", "-in", bag / layout.cert_file(checkpoint["certificate_sha256"]),
                               "-pubkey", "-noout").stdout)
    verified = _openssl("dgst", "-sha256", "-verify", pubkey, "-signature",
                        bag / layout.CHECKPOINT_SIGNATURE_FILE, bag / layout.CHECKPOINT_FILE)
    assert verified.returncode == 0, verified.stdout

    with store.database.session_scope() as session:  # each item's custody trail shows it left
        trails = [[entry.kind for entry in evidence_items.custody_trail(session, item.id)] for item in items]
    assert all(trail.count("evidence.exported") == 1 for trail in trails)

    # A second export reuses the checkpoint that now covers every item: none is signed.
    again = export(store, notary, number, tmp_path / "again.zip")
    assert not again.signed_checkpoint and again.checkpoint.id == made.checkpoint.id


def test_selected_items_leave_the_others_out_and_still_verify_from_the_command_line(
        store: OpenStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    _notary, number, items = notary_with_items(store, tmp_path / "in")
    point_cli_at(monkeypatch, store, "lihua", PASSWORD)
    out = tmp_path / "selected.zip"
    chosen = str(items[1].id)
    assert run(["export", "--case", number, "--items", chosen, "--out", str(out), "--json"]) == EXIT_OK
    written = json.loads(capsys.readouterr().out)
    assert written["items"] == [items[1].id] and written["signed_checkpoint"] is True
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
    for left_out in (items[0].id, items[2].id):
        assert not any(name.startswith(f"selected/{folder}/{left_out}") for name in names
                       for folder in (layout.EVIDENCE, layout.RECORDS, layout.LEDGER, layout.SEALS))
    assert {name.split("/", 1)[1] for name in names if name.startswith(f"selected/{layout.RECORDS}/")} == {
        layout.record_file(items[1].id)}
    assert f"selected/{layout.evidence_file(items[1].id, items[1].name)}" in names
    monkeypatch.delenv("MEDISEAL_DATA_DIR")  # verify-package needs no data folder
    monkeypatch.delenv("MEDISEAL_DATABASE_URL", raising=False)
    assert run(["verify-package", str(out), "--json"]) == EXIT_OK
    checked = json.loads(capsys.readouterr().out)
    assert (checked["file"], checked["ok"], checked["findings"]) == (str(out), True, [])
    (certificate,) = checked["certificates"]  # who sealed it: lihua's certificate, named for the reader
    assert certificate["sha256"] == written["checkpoint_certificate"] and "CN=lihua" in certificate["subject"]

    point_cli_at(monkeypatch, store, "lihua", PASSWORD)
    before = out.read_bytes()
    assert run(["export", "--case", number, "--out", str(out)]) == EXIT_USAGE  # never over a file
    assert out.read_bytes() == before


def test_a_cancelled_export_leaves_nothing(store: OpenStore, tmp_path: Path) -> None:
    notary, number, items = notary_with_items(store, tmp_path / "in", count=2)
    out = tmp_path / "out"
    out.mkdir()
    no_key = pytest.raises(CheckpointNeeded, match="holds no signing key")  # and no checkpoint covers them
    with no_key:
        export_package(store.database.session_scope, store.vault, notary.actor, number, out / "court.zip",
                       None, None)
    with pytest.raises(InvalidInput):
        export_package(store.database.session_scope, store.vault, notary.actor, number, out / "court.zip",
                       [999_999], notary.key)
    with store.database.session_scope() as session:
        assert checkpoints.latest(session) is None
    written: list[int] = []  # cancelled once the first file is in the zip: mid-write
    with pytest.raises(Cancelled):  # the export's transaction rolls back
        export_package(store.database.session_scope, store.vault, notary.actor, number, out / "court.zip",
                       None, notary.key, progress=lambda done, _total: written.append(done),
                       cancelled=lambda: bool(written))
    assert len(written) == 1
    assert list(out.iterdir()) == []
    with store.database.session_scope() as session:  # and logs nothing...
        assert all("evidence.exported" not in [entry.kind for entry in evidence_items.custody_trail(
            session, item.id)] for item in items)
        # ...but the checkpoint signed for it, in a transaction of its own before the export's, stays: it
        # signs the ledger as it was, and the next export uses it (no key needed now).
        assert checkpoints.latest(session) is not None
    made = export_package(store.database.session_scope, store.vault, notary.actor, number, out / "court.zip",
                          None, None)
    assert not made.signed_checkpoint and verify_package(made.path) == []


def test_a_full_package_carries_the_case_sealed_records_and_a_selective_one_does_not(
        store: OpenStore, tmp_path: Path) -> None:
    notary, number, items = notary_with_items(store, tmp_path / "in", count=2)
    given = PreservationInput(item_ids=(items[0].id,), place="昆明市五华区公证处", applicant="某图片公司",
                              operator="李华", steps="打开网页，截图保存")
    assert notary.key is not None
    with store.database.session_scope() as session:
        record = preservation.create_record(session, notary.actor, notary.key, number, given)
    made = export(store, notary, number, tmp_path / "full.zip")
    assert verify_package(made.path) == []
    name = f"preservation-{record.id}"
    bag = _unzip(made.path, tmp_path / "full")
    sealed = bag / layout.case_record_file(name)
    assert json.loads(sealed.read_bytes())["type"] == record.record["type"]
    (seal,) = list((bag / layout.CASE / name).iterdir())
    pubkey = tmp_path / "cert-pubkey.pem"
    pubkey.write_text(_openssl("x509", "-in", bag / layout.cert_file(seal.stem), "-pubkey", "-noout").stdout)
    assert _openssl("dgst", "-sha256", "-verify", pubkey, "-signature", seal, sealed).returncode == 0
    script, entry = bag / layout.VERIFY_PATH_SCRIPT, bag / layout.case_entry_file(name)
    walked = subprocess.run(["python3", str(script), str(entry), str(bag / layout.case_proof_file(name)),
                             str(bag / layout.CHECKPOINT_FILE)], capture_output=True, text=True, check=False)
    assert walked.returncode == 0, walked.stdout
    selective = export(store, notary, number, tmp_path / "selective.zip", [items[1].id])
    with zipfile.ZipFile(selective.path) as archive:
        assert not any(f"/{layout.CASE}/" in name for name in archive.namelist())
    assert verify_package(selective.path) == []


def test_a_mediation_case_package_carries_its_sealed_minutes(store: OpenStore, tmp_path: Path) -> None:
    hall = Hall(store)
    _sitting, minutes = hall.held()
    evidence = tmp_path / "商标注册证.txt"
    evidence.write_bytes("注册号 12345678\n".encode())
    intake.ingest_files(store.database, store.vault, hall.lihua, hall.number, [evidence],
                        Acquisition("upload"))  # a mediator takes evidence in; a notary seals it
    made = export_package(store.database.session_scope, store.vault, hall.lihua, hall.number,
                          tmp_path / "mediation.zip", None, hall.key)
    assert verify_package(made.path) == []
    name = f"minutes-{minutes.id}"
    bag = _unzip(made.path, tmp_path / "mediation")
    sealed = bag / layout.case_record_file(name)
    assert hashlib.sha256(sealed.read_bytes()).hexdigest() == minutes.record_sha256
    (seal,) = list((bag / layout.CASE / name).iterdir())
    assert seal.stem == minutes.fingerprint
    pubkey = tmp_path / "cert-pubkey.pem"
    pubkey.write_text(_openssl("x509", "-in", bag / layout.cert_file(seal.stem), "-pubkey", "-noout").stdout)
    assert _openssl("dgst", "-sha256", "-verify", pubkey, "-signature", seal, sealed).returncode == 0


def test_the_package_evidence_list_gives_each_verdict_from_the_bytes_the_export_wrote(
        store: OpenStore, tmp_path: Path) -> None:
    notary, number, items = notary_with_items(store, tmp_path / "in")
    made = export(store, notary, number, tmp_path / "court.zip")
    bag = _unzip(made.path, tmp_path / "unzipped")
    (listing,) = [path for path in (bag / layout.DOCUMENTS).iterdir()
                  if path.name.startswith("evidence-list-")]
    text = _text(listing)
    # What was checked, said as it was: SHA-256 of the bytes written, SM3 the sealed record's.
    assert "导出证据包时，对写入证据包的文件重新计算SHA-256摘要" in text and "导出时未重新计算" in text
    assert text.count("核验：完好，已签章") == len(items)
    for item in items:
        assert item.sha256 in text and item.sm3 in text
    # Printed alone, the list still re-hashes both digests from the vault and says so.
    with store.database.session_scope() as session:
        generate(session, notary.actor, DocumentKind.EVIDENCE_LIST, number, tmp_path / "alone.pdf",
                 request=DocumentRequest(vault=store.vault))
    assert "打印本清单时，对证据库中的文件重新计算SHA-256和SM3摘要" in _text(tmp_path / "alone.pdf")


def test_an_empty_selection_is_refused_and_leaves_nothing(store: OpenStore, tmp_path: Path) -> None:
    notary, number, _items = notary_with_items(store, tmp_path / "in", count=1)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(NotFound, match="has no evidence items"):
        export_package(store.database.session_scope, store.vault, notary.actor, number, out / "court.zip", [],
                       notary.key)
    assert list(out.iterdir()) == []


def test_progress_reaches_its_total_and_never_passes_it(store: OpenStore, tmp_path: Path) -> None:
    notary, number, _items = notary_with_items(store, tmp_path / "in", count=2)
    steps: list[tuple[int, int]] = []
    export_package(store.database.session_scope, store.vault, notary.actor, number, tmp_path / "court.zip",
                   None, notary.key, progress=lambda done, total: steps.append((done, total)))
    assert steps and all(done <= total for done, total in steps) and steps[-1][0] == steps[-1][1]
