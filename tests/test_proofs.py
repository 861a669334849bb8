"""Proofs in core (desktop/core/exchange/proofs.py), on SQLite and PostgreSQL: a proof rests on a checkpoint
that covers every entry it shows; several items are exported all or none (an existing folder or a cancel
leaves nothing of the call); a store that differs from its ledger gets no proof."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from desktop.core.cases import matters as cases
from desktop.core.errors import Cancelled, IntegrityError, InvalidInput, NotAllowed
from desktop.core.evidence import intake, seals
from desktop.core.evidence.acquisition import Acquisition
from desktop.core.evidence.items import ItemInfo
from desktop.core.exchange import proofs
from desktop.core.exchange.proofs import CheckpointNeeded
from desktop.core.office import office
from desktop.core.storage.store import OpenStore
from desktop.core.trust import checkpoints, signing_keys, users
from desktop.core.trust.permissions import Role
from desktop.core.trust.sign_in import SignedInUser, sign_in_user
from tests.tamper import behind_the_triggers

PASSWORD = "notary-password-1"
OPENSSL = "/usr/bin/openssl"


def _office(store: OpenStore, tmp_path: Path) -> tuple[SignedInUser, SignedInUser, list[ItemInfo]]:
    """Two notaries with keys; three items taken in and sealed by the first."""
    with store.database.session_scope() as session:
        office.create_office(session, "昆明公证处", "云知调")
        admin = users.create_first_admin(session, "admin", "admin-password-1", "赵文")
        users.add_user(session, admin, "lihua", frozenset({Role.NOTARY}), PASSWORD, "李华")
        users.add_user(session, admin, "wangfang", frozenset({Role.NOTARY}), PASSWORD, "王芳")
    for name in ("lihua", "wangfang"):
        actor = users.sign_in(store.database, name, PASSWORD)
        with store.database.session_scope() as session:
            signing_keys.new_key(session, actor, PASSWORD)
    first, second = (sign_in_user(store.database, name, PASSWORD) for name in ("lihua", "wangfang"))
    with store.database.session_scope() as session:
        number = cases.open_case(session, first.actor, "copyright", "某图片著作权纠纷").number
    tmp_path.mkdir(exist_ok=True)
    paths = []
    for index in range(3):
        path = tmp_path / f"证据{index}.txt"
        path.write_bytes(f"evidence {index}\n".encode())
        paths.append(path)
    report = intake.ingest_files(store.database, store.vault, first.actor, number, paths,
                                 Acquisition("upload"), seal_with=first.key)
    return first, second, list(report.items)


def _checkpoint(store: OpenStore, user: SignedInUser) -> None:
    assert user.key is not None
    with store.database.session_scope() as session:
        checkpoints.sign_checkpoint(session, user.actor, user.key)


def test_a_proof_needs_a_checkpoint_that_covers_every_entry_it_shows(store: OpenStore,
                                                                     tmp_path: Path) -> None:
    first, second, items = _office(store, tmp_path)
    with store.database.session_scope() as session, pytest.raises(CheckpointNeeded) as none_yet:
        proofs.item_proof(session, items[0].id)
    assert "No checkpoint has been signed yet" in none_yet.value.message
    _checkpoint(store, first)
    with store.database.session_scope() as session:
        proof = proofs.item_proof(session, items[0].id)
    assert [json.loads(data)["kind"] for name, data in proof.files if name.startswith("entry-")] == [
        "evidence.ingested", "evidence.sealed"]
    assert second.key is not None
    with store.database.session_scope() as session:  # a countersignature after the checkpoint
        seals.seal_items(session, second.actor, second.key, [items[0].id])
    with store.database.session_scope() as session, pytest.raises(CheckpointNeeded) as not_covered:
        proofs.item_proof(session, items[0].id)
    assert "No checkpoint covers evidence item" in not_covered.value.message
    _checkpoint(store, second)
    with store.database.session_scope() as session:
        proof = proofs.item_proof(session, items[0].id)
    names = [name for name, _data in proof.files]
    assert names[:7] == ["record.json", "seal-1.json", "seal-1.sig", "seal-1.pem", "seal-2.json",
                         "seal-2.sig", "seal-2.pem"]
    assert proof.checkpoint.signer == "wangfang"
    inclusion = json.loads(dict(proof.files)["inclusion.json"])
    assert inclusion["checkpoint"] == proof.checkpoint.id and len(inclusion["entries"]) == 3


def test_several_items_are_exported_all_or_none(store: OpenStore, tmp_path: Path) -> None:
    first, _second, items = _office(store, tmp_path / "in")
    _checkpoint(store, first)
    ids = [item.id for item in items]
    out = tmp_path / "out"
    out.mkdir()
    (out / proofs.proof_folder_name(ids[2])).mkdir()  # one target exists: refused before anything is written
    with pytest.raises(InvalidInput) as exists:
        proofs.export_proofs(store.database, ids, out)
    assert "new folder" in exists.value.message
    assert [path.name for path in out.iterdir()] == [proofs.proof_folder_name(ids[2])]
    (out / proofs.proof_folder_name(ids[2])).rmdir()

    calls: list[int] = []

    def cancel_after_the_first_written(done: int, total: int) -> None:
        calls.append(done)

    def cancelled() -> bool:
        return len(calls) > len(ids)  # the proofs are made, one is written: then cancel

    with pytest.raises(Cancelled):
        proofs.export_proofs(store.database, ids, out, first.actor, cancel_after_the_first_written, cancelled)
    assert list(out.iterdir()) == []  # what the call wrote is gone

    written = proofs.export_proofs(store.database, ids, out, first.actor)
    assert [proof.item for proof in written] == ids
    assert all(proof.folder.parent == out and len(proof.files) == 11 for proof in written)
    first.actor.sign_in.end()  # signed out: the window's late export writes nothing
    with pytest.raises(NotAllowed, match="signed out"):
        proofs.export_proofs(store.database, ids, tmp_path / "late", first.actor)
    assert not (tmp_path / "late").exists()


def test_no_proof_of_a_record_that_differs_from_its_ledger_entry(store: OpenStore, tmp_path: Path) -> None:
    first, _second, items = _office(store, tmp_path)
    _checkpoint(store, first)
    behind_the_triggers(store, "evidence_item", "UPDATE evidence_item SET note = 'changed' WHERE id = :id",
                        id=items[1].id)
    with store.database.session_scope() as session, pytest.raises(IntegrityError) as refused:
        proofs.item_proof(session, items[1].id)
    assert "Run a verification" in refused.value.message
    with store.database.session_scope() as session:
        assert proofs.item_proof(session, items[0].id).item.id == items[0].id  # the others still prove


@pytest.mark.skipif(not Path(OPENSSL).exists(), reason="openssl is not installed")
def test_the_readme_steps_check_out_with_openssl(sqlite_store: OpenStore, tmp_path: Path) -> None:
    first, _second, items = _office(sqlite_store, tmp_path / "in")
    _checkpoint(sqlite_store, first)
    out = tmp_path / "proof"
    with sqlite_store.database.session_scope() as session:
        proofs.save_proof(proofs.item_proof(session, items[0].id), out)

    def openssl(*args: str, given: bytes | None = None) -> str:
        return subprocess.run([OPENSSL, *args], cwd=out, input=given, capture_output=True, check=True
                              ).stdout.decode()

    inclusion = json.loads((out / "inclusion.json").read_bytes())
    for proven in inclusion["entries"]:  # (printf '\000'; cat entry-S.json) | openssl dgst -sha256
        leaf = openssl("dgst", "-sha256", "-r", given=b"\x00" + (out / proven["file"]).read_bytes())
        assert leaf.split()[0] == proven["leaf_sha256"]
    (out / "checkpoint.pub").write_text(openssl("x509", "-in", "checkpoint.pem", "-pubkey", "-noout"))
    assert "Verified OK" in openssl("dgst", "-sha256", "-verify", "checkpoint.pub", "-signature",
                                    "checkpoint.sig", "checkpoint.json")
    logged = json.loads((out / f"entry-{inclusion['entries'][0]['seq']}.json").read_bytes())
    assert openssl("dgst", "-sha256", "-r", "record.json").split()[0] == logged["subject_sha256"]
