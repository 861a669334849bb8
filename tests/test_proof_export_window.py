"""Export Proof… on the Evidence page (pytest-qt, real widgets, a real SQLite store): the proofs of two
selected items are the command line's bytes for bytes; their Merkle paths fold to the signed checkpoint's
root by RFC 9162 §2.1.3.2 written out here; the window confirms with the folder and the number of files,
never writes over a folder, and says plainly when no checkpoint covers an item (offering to sign one)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.cli import EXIT_OK, EXIT_REFUSED, run
from desktop.core.cases import matters as cases
from desktop.core.evidence import intake
from desktop.core.evidence.acquisition import Acquisition
from desktop.core.evidence.items import ItemInfo
from desktop.core.office import office
from desktop.core.storage.store import OpenStore
from desktop.core.trust import checkpoints, signing_keys, users
from desktop.core.trust.permissions import Role
from desktop.core.trust.sign_in import SignedInUser, sign_in_user
from desktop.ui.evidence.page import EvidencePage
from tests.cli_env import point_cli_at
from tests.qt_helpers import attached_window, settled

NOTARY_PASSWORD = "notary-password-1"
MEDIATOR_PASSWORD = "mediator-password-1"
OP_TIMEOUT = 20_000


@pytest.fixture
def office_users(sqlite_store: OpenStore) -> OpenStore:
    """An office with a notary ``lihua`` holding a key and a mediator ``wang`` without one."""
    with sqlite_store.database.session_scope() as session:
        office.create_office(session, "昆明公证处", "云知调")
        admin = users.create_first_admin(session, "admin", "admin-password-1", "赵文")
        users.add_user(session, admin, "lihua", frozenset({Role.NOTARY}), NOTARY_PASSWORD, "李华")
        users.add_user(session, admin, "wang", frozenset({Role.MEDIATOR}), MEDIATOR_PASSWORD, "王明")
    actor = users.sign_in(sqlite_store.database, "lihua", NOTARY_PASSWORD)
    with sqlite_store.database.session_scope() as session:
        signing_keys.new_key(session, actor, NOTARY_PASSWORD)
    return sqlite_store


def _notary(store: OpenStore) -> SignedInUser:
    return sign_in_user(store.database, "lihua", NOTARY_PASSWORD)


def _take_in(store: OpenStore, user: SignedInUser, folder: Path, files: dict[str, bytes],
             seal: bool = True) -> tuple[str, list[ItemInfo]]:
    with store.database.session_scope() as session:
        number = cases.open_case(session, user.actor, "trademark", "某某商标侵权纠纷").number
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    report = intake.ingest_files(store.database, store.vault, user.actor, number,
                                 [folder / name for name in files], Acquisition("upload"),
                                 seal_with=user.key if seal else None)
    assert not report.failures
    return number, list(report.items)


def _sign_checkpoint(store: OpenStore, user: SignedInUser) -> None:
    assert user.key is not None
    with store.database.session_scope() as session:
        checkpoints.sign_checkpoint(session, user.actor, user.key)


def _select(qtbot: QtBot, page: EvidencePage, rows: list[int]) -> None:
    page.table.clearSelection()
    for row in rows:
        page.table.selectionModel().select(
            page.model.index(row, 0),
            page.table.selectionModel().SelectionFlag.Select | page.table.selectionModel().SelectionFlag.Rows)
    settled(qtbot, page)


def _box(name: str) -> QMessageBox | None:
    return next((widget for widget in QApplication.topLevelWidgets()
                 if isinstance(widget, QMessageBox) and widget.isVisible() and widget.objectName() == name),
                None)


def _any_box() -> QMessageBox | None:
    return next((widget for widget in QApplication.topLevelWidgets()
                 if isinstance(widget, QMessageBox) and widget.isVisible()), None)


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


# --- RFC 9162, written out here, independent of desktop/core/integrity/merkle.py -------------------------
def _sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def _inclusion_holds(entry: bytes, index: int, size: int, path: list[bytes], root: bytes) -> bool:
    """RFC 9162 §2.1.3.2, verifying an inclusion proof, step by step (§2.1.1: 0x00 leaf, 0x01 node)."""
    if index >= size:
        return False
    fn, sn, r = index, size - 1, _sha256(b"\x00" + entry)
    for p in path:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = _sha256(b"\x01" + p + r)
            while not fn & 1 and fn != 0:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = _sha256(b"\x01" + r + p)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and r == root


def _check_proof(files: dict[str, bytes], item: ItemInfo) -> None:
    """What a court's IT would check: digests, entries, Merkle paths, the checkpoint's signature."""
    record = files["record.json"]
    assert json.loads(record)["sha256"] == item.sha256
    inclusion = json.loads(files["inclusion.json"])
    signed = json.loads(files["checkpoint.json"])
    assert (inclusion["tree_size"], inclusion["root_sha256"]) == (signed["tree_size"], signed["root_sha256"])
    root = bytes.fromhex(signed["root_sha256"])
    digests = {hashlib.sha256(record).hexdigest(): "evidence.ingested"}
    digests.update({hashlib.sha256(data).hexdigest(): "evidence.sealed" for name, data in files.items()
                    if name.startswith("seal-") and name.endswith(".json")})
    assert len(inclusion["entries"]) == 1 + len(item.seals)
    for proven in inclusion["entries"]:
        entry = files[proven["file"]]
        logged = json.loads(entry)
        assert digests[logged["subject_sha256"]] == logged["kind"] == proven["kind"]
        assert logged["subject"] == f"evidence:{item.id}" and logged["seq"] == proven["leaf_index"]
        path = [bytes.fromhex(node) for node in proven["inclusion_path"]]
        assert _inclusion_holds(entry, proven["leaf_index"], inclusion["tree_size"], path, root)
        assert not _inclusion_holds(entry.replace(b"evidence", b"evidencE"), proven["leaf_index"],
                                    inclusion["tree_size"], path, root)
    certificate = x509.load_pem_x509_certificate(files["checkpoint.pem"])
    public_key = certificate.public_key()
    assert isinstance(public_key, ec.EllipticCurvePublicKey)
    public_key.verify(files["checkpoint.sig"], files["checkpoint.json"], ec.ECDSA(hashes.SHA256()))


# --- the tests --------------------------------------------------------------------------------------------
def test_export_proof_of_two_items_matches_the_command_line(qtbot: QtBot, office_users: OpenStore,
                                                            tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    store = office_users
    notary = _notary(store)
    _number, items = _take_in(store, notary, tmp_path / "in", {
        "侵权商品页面截图.png": b"\x89PNG\r\n\x1a\n" + b"x" * 500, "购买记录.txt": "订单号 123\n".encode(),
        "现场录像.mp4": b"\x00" * 700})
    _sign_checkpoint(store, notary)
    window = attached_window(qtbot, store, "昆明公证处", notary)
    window.show_page("evidence")
    page = window.evidence_page
    assert isinstance(page, EvidencePage)
    settled(qtbot, page)
    page.table.clearSelection()
    assert not page.proof_action.isEnabled()  # enabled with a selection only
    _select(qtbot, page, [0, 2])
    assert page.proof_action.isEnabled() and page.proof_button.defaultAction() is page.proof_action
    assert page.proof_action in page.commands()  # in the Evidence menu too

    out = tmp_path / "导出"
    out.mkdir()
    export = page.export_proof(str(out))
    assert export is not None and export.op is not None and export.op.dialog is not None  # progress, Cancel
    qtbot.waitUntil(lambda: not page.exporting_proofs, timeout=OP_TIMEOUT)
    chosen = [items[0], items[2]]
    assert sorted(path.name for path in out.iterdir()) == sorted(f"item-{item.id}-proof" for item in chosen)

    point_cli_at(monkeypatch, store)
    file_count = 0
    for item in chosen:
        by_cli = tmp_path / f"cli-{item.id}"
        assert run(["evidence", "proof", str(item.id), "--out", str(by_cli)]) == EXIT_OK
        in_window = _files(out / f"item-{item.id}-proof")
        assert in_window == _files(by_cli)  # byte for byte, file for file
        _check_proof(in_window, item)
        file_count += len(in_window)

    box = _box("proofsExported")
    assert box is not None and str(out) in box.text() and f"{file_count} files" in box.text()
    assert "Open Folder" in [button.text() for button in box.buttons()]
    status = window.statusBar().currentMessage()
    assert str(out) in status and f"{file_count} files" in status and "2 item(s)" in status
    box.close()

    before = {path: path.read_bytes() for path in out.rglob("*") if path.is_file()}
    page.export_proof(str(out))  # again into the same folder: refused, nothing written over
    qtbot.waitUntil(lambda: not page.exporting_proofs, timeout=OP_TIMEOUT)
    refusal = _any_box()
    assert refusal is not None and "exists" in refusal.text() and "new folder" in refusal.text()
    refusal.close()
    assert {path: path.read_bytes() for path in out.rglob("*") if path.is_file()} == before


def test_an_item_no_checkpoint_covers_is_refused_with_what_to_do(qtbot: QtBot, office_users: OpenStore,
                                                                 tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    store = office_users
    notary = _notary(store)
    _number, items = _take_in(store, notary, tmp_path / "in", {"a.txt": b"a\n"})
    point_cli_at(monkeypatch, store)
    assert run(["evidence", "proof", str(items[0].id), "--out", str(tmp_path / "cli")]) == EXIT_REFUSED
    said = capsys.readouterr().err
    assert "No checkpoint has been signed yet" in said
    assert "mediseal checkpoint" in said and "sign out" in said
    assert not (tmp_path / "cli").exists()

    # The mediator holds no key: told what to do, nothing more.
    mediator = sign_in_user(store.database, "wang", MEDIATOR_PASSWORD)
    page = EvidencePage(store, mediator)
    qtbot.addWidget(page)
    page.show()
    settled(qtbot, page)
    _select(qtbot, page, [0])
    out = tmp_path / "out"
    out.mkdir()
    page.export_proof(str(out))
    qtbot.waitUntil(lambda: not page.exporting_proofs, timeout=OP_TIMEOUT)
    box = _any_box()
    assert box is not None and box.objectName() != "checkpointNeeded"
    assert "No checkpoint has been signed yet" in box.text() and "Sign Checkpoint" in box.text()
    box.close()
    assert list(out.iterdir()) == []

    # The notary holds one: offered to sign a checkpoint at once, then the proof is exported.
    page.set_user(notary)
    settled(qtbot, page)
    _select(qtbot, page, [0])
    export = page.export_proof(str(out))
    assert export is not None
    qtbot.waitUntil(lambda: _box("checkpointNeeded") is not None, timeout=OP_TIMEOUT)
    needed = _box("checkpointNeeded")
    assert needed is not None and "No checkpoint has been signed yet" in needed.text()
    sign = next(button for button in needed.buttons() if button.text() == "Sign a Checkpoint and Export")
    sign.click()
    qtbot.waitUntil(lambda: _box("proofsExported") is not None, timeout=OP_TIMEOUT)
    assert not page.exporting_proofs
    with store.database.session_scope() as session:
        latest = checkpoints.latest(session)
    assert latest is not None and latest.signer == "lihua"
    _check_proof(_files(out / f"item-{items[0].id}-proof"), items[0])
    box = _box("proofsExported")
    assert box is not None
    box.close()
