"""Evidence: cases, ingest, seals, preservation records, copy-out and verification with tamper tests, on
SQLite and PostgreSQL, through the services and the command line (seals checked with openssl)."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from db.models import Blob, EvidenceItem
from desktop.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, run
from desktop.core.cases import matters as cases
from desktop.core.errors import Cancelled, IntegrityError, InvalidInput, NotAllowed, NotFound
from desktop.core.evidence import intake, preservation, readout, seals
from desktop.core.evidence import items as evidence_items
from desktop.core.evidence.acquisition import Acquisition
from desktop.core.evidence.sniffing import EMPTY_MIME
from desktop.core.office import office
from desktop.core.storage.store import OpenStore
from desktop.core.trust import checkpoints, ledger, passwords, signing_keys, users
from desktop.core.trust.permissions import Actor, Role
from desktop.core.trust.pki import key_files
from desktop.core.trust.signing_keys import UnlockedKey
from desktop.core.verification.store import verify_store
from tests.cli_env import point_cli_at
from tests.concurrency import run_concurrently
from tests.tamper import behind_the_triggers

ADMIN_PASSWORD = "admin-password-1"
NOTARY_PASSWORD = "notary-password-1"
SECOND_PASSWORD = "second-notary-pw"
MEDIATOR_PASSWORD = "mediator-password"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(50)
OPENSSL = "/usr/bin/openssl"


class Office:
    """A store with an office, a notary with a key, a second notary with a key, a mediator, one case."""

    def __init__(self, store: OpenStore) -> None:
        self.store = store
        database = store.database
        with database.session_scope() as session:
            office.create_office(session, "昆明公证处", "云知调")
            admin = users.create_first_admin(session, "admin", ADMIN_PASSWORD, "张伟")
            users.add_user(session, admin, "lihua", frozenset({Role.NOTARY}), NOTARY_PASSWORD, "李华")
            users.add_user(session, admin, "wangfang", frozenset({Role.NOTARY}), SECOND_PASSWORD, "王芳")
            users.add_user(session, admin, "zhao", frozenset({Role.MEDIATOR}), MEDIATOR_PASSWORD, "赵敏")
        self.admin = users.sign_in(database, "admin", ADMIN_PASSWORD)
        self.notary = users.sign_in(database, "lihua", NOTARY_PASSWORD)
        self.second = users.sign_in(database, "wangfang", SECOND_PASSWORD)
        self.mediator = users.sign_in(database, "zhao", MEDIATOR_PASSWORD)
        self.key = self._key(self.notary, NOTARY_PASSWORD)
        self.second_key = self._key(self.second, SECOND_PASSWORD)
        with database.session_scope() as session:
            self.case = cases.open_case(session, self.mediator, "copyright", "某图片著作权纠纷").number

    def _key(self, actor: Actor, password: str) -> UnlockedKey:
        with self.store.database.session_scope() as session:
            signing_keys.new_key(session, actor, password)
            return signing_keys.unlock(session, actor, password)

    def ingest(self, *paths: Path, actor: Actor | None = None, **options: object) -> intake.IngestReport:
        return intake.ingest_files(self.store.database, self.store.vault, actor or self.mediator, self.case,
                                     list(paths), **options)  # type: ignore[arg-type]

    def verify(self, case: str | None = None) -> list[tuple[str, int | None]]:
        with self.store.database.session_scope() as session:
            report = verify_store(session, self.store.vault, case)
        return [(finding.code, finding.item) for finding in report.errors]


@pytest.fixture
def cheap_key_derivation(monkeypatch: pytest.MonkeyPatch) -> None:
    """Real argon2id and scrypt, at the lowest costs: these tests are about evidence, not passwords (the
    parameters travel in each hash and key file, so everything stays consistent)."""
    cheap = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)
    monkeypatch.setattr(passwords, "_HASHER", cheap)
    monkeypatch.setattr(key_files, "SCRYPT_N", 2**10)


@pytest.fixture
def desk(store: OpenStore, cheap_key_derivation: None) -> Office:
    return Office(store)


def _files(folder: Path, **contents: bytes) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in contents.items():
        path = folder / name.replace("_", ".")
        path.write_bytes(data)
        paths.append(path)
    return paths


# --- cases and ingest ------------------------------------------------------------------------------
def test_case_numbers_run_per_year_with_the_office_prefix(desk: Office) -> None:
    with desk.store.database.session_scope() as session:
        second = cases.open_case(session, desk.notary, "patent", "发明专利侵权")
        listed = cases.list_cases(session)
        with pytest.raises(NotAllowed):
            cases.open_case(session, desk.admin, "patent", "not for an administrator")
        with pytest.raises(InvalidInput):
            cases.open_case(session, desk.notary, "design", "no such type")
    assert desk.case.endswith("云知调字第0001号") and second.number.endswith("云知调字第0002号")
    assert [info.number for info in listed] == [second.number, desk.case]


def test_new_case_numbers_use_full_width_brackets(desk: Office) -> None:
    assert re.fullmatch(r"（20\d\d）云知调字第0001号", desk.case), desk.case
    with desk.store.database.session_scope() as session:
        assert cases.find_case(session, desk.case).number == desk.case
        # typed with ASCII brackets (a keyboard without an IME), the new number is still found
        assert cases.find_case(session, desk.case.replace("（", "(").replace("）", ")")).number == desk.case


def _open_old_style_case(desk: Office, monkeypatch: pytest.MonkeyPatch) -> str:
    """A case opened by an earlier version, whose numbers had ASCII brackets: recorded, sealed into the
    ledger subject, never rewritten."""
    with monkeypatch.context() as patch, desk.store.database.session_scope() as session:
        patch.setattr(cases, "format_case_number",
                      lambda prefix, year, serial: f"({year}){prefix}字第{serial:04d}号")
        return cases.open_case(session, desk.mediator, "patent", "旧编号的专利纠纷").number


def test_an_old_half_width_case_number_is_found_by_both_forms(desk: Office,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    old = _open_old_style_case(desk, monkeypatch)
    assert re.fullmatch(r"\(20\d\d\)云知调字第0002号", old), old
    with desk.store.database.session_scope() as session:
        newer = cases.open_case(session, desk.mediator, "trademark", "新编号").number
        assert cases.find_case(session, old).number == old
        assert cases.find_case(session, old.replace("(", "（").replace(")", "）")).number == old
        assert cases.find_case(session, f"  {old} ").number == old
        with pytest.raises(NotFound):
            cases.find_case(session, old.replace("0002", "0099"))
        assert [info.number for info in cases.list_cases(session)] == [newer, old, desk.case]
    assert re.fullmatch(r"（20\d\d）云知调字第0003号", newer), newer  # the serial runs on
    assert desk.verify() == []  # the old number stays as recorded: its ledger entry still matches


def test_ingest_records_digests_mime_and_custody(desk: Office, tmp_path: Path) -> None:
    text_file, image = _files(tmp_path / "in", notes_txt="调解笔录 text\n".encode(), photo_txt=PNG)
    report = desk.ingest(text_file, image, acquisition=Acquisition(
        "web-capture", "https://example.com/商品", acquired_by="张三", device="Chrome 131", note="首页截图"))
    assert not report.failures and [item.name for item in report.items] == ["notes.txt", "photo.txt"]
    notes, photo = report.items
    assert notes.mime_type == "text/plain" and photo.mime_type == "image/png"  # by content, not name
    import hashlib

    assert notes.sha256 == hashlib.sha256(text_file.read_bytes()).hexdigest()
    assert notes.sm3 == hashlib.new("sm3", text_file.read_bytes()).hexdigest()
    blob = desk.store.vault.path(notes.sha256)
    assert blob.read_bytes() == text_file.read_bytes()
    assert not stat.S_IMODE(blob.stat().st_mode) & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    with desk.store.database.session_scope() as session:
        record = evidence_items.get_record(session, notes.id)
        trail = evidence_items.custody_trail(session, notes.id)
    assert record["acquisition"] == {"source": "web-capture", "url": "https://example.com/商品",
                                     "acquired_at": None, "acquired_by": "张三", "device": "Chrome 131",
                                     "note": "首页截图"}
    assert [(entry.kind, entry.actor, entry.subject_sha256) for entry in trail] == [
        ("evidence.ingested", "zhao", notes.record_sha256)]


def test_same_content_twice_is_one_blob_and_two_items(desk: Office, tmp_path: Path) -> None:
    first, second = _files(tmp_path, a_bin=b"same bytes", b_bin=b"same bytes")
    report = desk.ingest(first, second)
    assert len(report.items) == 2 and report.items[0].sha256 == report.items[1].sha256
    with desk.store.database.session_scope() as session:
        assert session.scalar(select(func.count()).select_from(Blob)) == 1
        assert session.scalar(select(func.count()).select_from(EvidenceItem)) == 2
    assert list(desk.store.vault.digests()) == [report.items[0].sha256]
    assert desk.verify() == []


def test_empty_files_and_odd_names_are_kept(desk: Office, tmp_path: Path) -> None:
    odd = tmp_path / "证据\n第1份 \u202e.txt"
    odd.write_bytes(b"")
    report = desk.ingest(odd)
    assert [(item.name, item.size, item.mime_type) for item in report.items] == [
        ("证据\n第1份 \u202e.txt", 0, EMPTY_MIME)]
    assert desk.verify() == []


def test_bad_files_are_reported_and_the_batch_goes_on(desk: Office, tmp_path: Path) -> None:
    _files(tmp_path / "folder", good_txt=b"fine")
    os.mkfifo(tmp_path / "folder" / "pipe")
    report = desk.ingest(tmp_path / "folder", tmp_path / "missing.pdf")
    assert [item.name for item in report.items] == ["good.txt"]
    assert {(Path(failure.path).name, failure.message) for failure in report.failures} == {
        ("pipe", "not a regular file"), ("missing.pdf", "no such file or folder")}


def test_cancelled_batch_keeps_the_files_already_taken_in(desk: Office, tmp_path: Path) -> None:
    paths = _files(tmp_path, a_bin=b"a" * 1000, b_bin=b"b" * 1000, c_bin=b"c" * 1000)
    seen: list[str] = []
    report = desk.ingest(*paths, cancelled=lambda: len(seen) >= 2,
                         file_progress=lambda index, count, name, done, size: seen.append(name))
    assert report.cancelled and [item.name for item in report.items] == ["a.bin"]
    with desk.store.database.session_scope() as session:
        assert session.scalar(select(func.count()).select_from(EvidenceItem)) == 1
    assert len(list(desk.store.vault.digests())) == 1
    assert not list((desk.store.vault.root / "tmp").iterdir())


def test_who_may_ingest(desk: Office, tmp_path: Path) -> None:
    path, = _files(tmp_path, a_txt=b"x")
    with pytest.raises(NotAllowed, match="take in evidence"):
        desk.ingest(path, actor=desk.admin)
    with pytest.raises(NotAllowed, match="seal evidence"):
        desk.ingest(path, seal_with=desk.key)  # a mediator asking to seal: refused before reading
    with pytest.raises(NotFound):
        intake.ingest_files(desk.store.database, desk.store.vault, desk.mediator, "(2026)无此案字第9号号",
                              [path])
    with pytest.raises(InvalidInput, match="web capture"):
        desk.ingest(path, acquisition=Acquisition("web-capture"))
    assert list(desk.store.vault.digests()) == []


# --- seals -----------------------------------------------------------------------------------------
def test_seal_countersign_and_refusals(desk: Office, tmp_path: Path) -> None:
    path, = _files(tmp_path, a_txt=b"evidence")
    item = desk.ingest(path).items[0]
    database = desk.store.database
    with database.session_scope() as session:
        with pytest.raises(NotAllowed, match="seal evidence"):
            seals.seal_items(session, desk.mediator, desk.key, [item.id])
        seals.seal_items(session, desk.notary, desk.key, [item.id])
    with database.session_scope() as session, pytest.raises(NotAllowed, match="already sealed"):
        seals.seal_items(session, desk.notary, desk.key, [item.id])
    with database.session_scope() as session:
        seals.seal_items(session, desk.second, desk.second_key, [item.id])  # a countersignature
        signing_keys.revoke_key(session, desk.notary, "lihua", reason="密钥遗失")
    second_item = desk.ingest(path).items[0]
    with database.session_scope() as session, pytest.raises(NotAllowed, match="revoked"):
        seals.seal_items(session, desk.notary, desk.key, [second_item.id])
    with database.session_scope() as session:
        shown = evidence_items.get_item(session, item.id)
        kinds = [entry.kind for entry in evidence_items.custody_trail(session, item.id)]
    assert [seal.signer for seal in shown.seals] == ["lihua", "wangfang"]
    assert shown.seals[0].key_revoked_at is not None
    assert kinds == ["evidence.ingested", "evidence.sealed", "evidence.sealed"]
    with database.session_scope() as session:
        report = verify_store(session, desk.store.vault)
    assert report.clean  # revoked after sealing: a notice, not an error
    assert [(finding.code, finding.severity) for finding in report.findings] == [
        ("revoked-after-seal", "notice")]


def test_ingest_and_seal_at_once(desk: Office, tmp_path: Path) -> None:
    path, = _files(tmp_path, a_txt=b"sealed at once")
    item = desk.ingest(path, actor=desk.notary, seal_with=desk.key).items[0]
    assert [seal.signer for seal in item.seals] == ["lihua"]
    assert desk.verify() == []


# --- preservation records --------------------------------------------------------------------------
def _preservation(items: tuple[int, ...], supersedes: int | None = None) -> preservation.PreservationInput:
    return preservation.PreservationInput(items, "昆明市五华区公证处第二取证室", "某科技有限公司", "李华",
                                          "1. 清除浏览器缓存；2. 打开网页；3. 录屏。", "笔记本电脑 ThinkPad",
                                          ("王芳",), supersedes=supersedes,
                                          reason="地点写错" if supersedes is not None else "")


def test_preservation_records_are_sealed_and_corrected_by_new_records(desk: Office, tmp_path: Path) -> None:
    first, second = desk.ingest(*_files(tmp_path, a_txt=b"one", b_txt=b"two")).items
    database = desk.store.database
    with database.session_scope() as session:
        with pytest.raises(NotAllowed):
            preservation.create_record(session, desk.mediator, desk.key, desk.case,
                                       _preservation((first.id,)))
        original = preservation.create_record(session, desk.notary, desk.key, desk.case,
                                              _preservation((first.id,)))
    with database.session_scope() as session:
        correction = preservation.create_record(session, desk.notary, desk.key, desk.case,
                                                _preservation((first.id, second.id), original.id))
    with database.session_scope() as session, pytest.raises(NotAllowed, match="already corrected"):
        preservation.create_record(session, desk.notary, desk.key, desk.case,
                                   _preservation((first.id,), original.id))
    with database.session_scope() as session:
        other = cases.open_case(session, desk.notary, "patent", "另一案").number
    with database.session_scope() as session, pytest.raises(InvalidInput, match="belongs to case"):
        preservation.create_record(session, desk.notary, desk.key, other, _preservation((first.id,)))
    with database.session_scope() as session:
        listed = preservation.list_records(session, desk.case)
    assert [(info.id, info.supersedes, info.superseded_by, info.item_ids) for info in listed] == [
        (original.id, None, correction.id, (first.id,)),
        (correction.id, original.id, None, (first.id, second.id))]
    assert correction.record["items"][1]["sha256"] == second.sha256  # type: ignore[index]
    with pytest.raises(DBAPIError), database.session_scope() as session:
        session.execute(text("UPDATE preservation_record SET signer = 'mallory'"))
    assert desk.verify() == []


# --- copy out --------------------------------------------------------------------------------------
def test_copy_out_is_checked_logged_and_never_overwrites(desk: Office, tmp_path: Path) -> None:
    path, = _files(tmp_path / "in", a_pdf=b"%PDF-1.7 some bytes")
    item = desk.ingest(path).items[0]
    database, vault = desk.store.database, desk.store.vault
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "copy.pdf"
    readout.copy_out(database, vault, desk.mediator, item.id, out)
    assert out.read_bytes() == path.read_bytes()
    with pytest.raises(InvalidInput, match="never overwrites"):
        readout.copy_out(database, vault, desk.mediator, item.id, out)
    blob = vault.path(item.sha256)
    blob.chmod(0o644)
    blob.write_bytes(b"%PDF-1.7 other bytes")
    with pytest.raises(IntegrityError):
        readout.copy_out(database, vault, desk.mediator, item.id, tmp_path / "out" / "damaged.pdf")
    assert [child.name for child in (tmp_path / "out").iterdir()] == ["copy.pdf"]
    with database.session_scope() as session:
        kinds = [entry.kind for entry in evidence_items.custody_trail(session, item.id)]
    assert kinds == ["evidence.ingested", "evidence.copied"]


def test_copy_out_to_a_255_byte_name(desk: Office, tmp_path: Path) -> None:
    path, = _files(tmp_path / "in", a_pdf=b"%PDF-1.7 some bytes")
    item = desk.ingest(path).items[0]
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / ("证" * 83 + "xy.pdf")  # 83 × 3 + 6 = 255 bytes, the longest name allowed
    assert len(out.name.encode()) == 255
    assert readout.copy_out(desk.store.database, desk.store.vault, desk.mediator, item.id, out) == out
    assert out.read_bytes() == path.read_bytes()
    assert [child.name for child in (tmp_path / "out").iterdir()] == [out.name]


def test_cancelled_copy_out_leaves_nothing(desk: Office, tmp_path: Path) -> None:
    path, = _files(tmp_path / "in", a_pdf=b"%PDF-1.7 some bytes")
    item = desk.ingest(path).items[0]
    (tmp_path / "out").mkdir()
    with pytest.raises(Cancelled):
        readout.copy_out(desk.store.database, desk.store.vault, desk.mediator, item.id,
                         tmp_path / "out" / "copy.pdf", cancelled=lambda: True)
    assert list((tmp_path / "out").iterdir()) == []
    with desk.store.database.session_scope() as session:
        kinds = [entry.kind for entry in evidence_items.custody_trail(session, item.id)]
    assert kinds == ["evidence.ingested"]


def test_cli_copy_to_a_255_byte_name(cli_env: Office, tmp_path: Path) -> None:
    path, = _files(tmp_path / "in", a_txt=b"x")
    item = cli_env.ingest(path).items[0]
    out = tmp_path / ("c" * 251 + ".txt")
    assert run(["evidence", "copy", str(item.id), "--out", str(out)]) == EXIT_OK
    assert out.read_bytes() == b"x"


# --- verification and tampering --------------------------------------------------------------------
@pytest.fixture
def sealed(desk: Office, tmp_path: Path) -> tuple[Office, list[evidence_items.ItemInfo]]:
    paths = _files(tmp_path / "in", a_txt=b"first file", b_png=PNG, c_txt=b"third file")
    items = list(desk.ingest(*paths, actor=desk.notary, seal_with=desk.key).items)
    with desk.store.database.session_scope() as session:
        preservation.create_record(session, desk.notary, desk.key, desk.case,
                                   _preservation(tuple(item.id for item in items)))
    assert desk.verify() == [] and desk.verify(desk.case) == []
    return desk, items


def test_flipped_byte_in_a_blob_is_named(sealed: tuple[Office, list[evidence_items.ItemInfo]]) -> None:
    desk, items = sealed
    blob = desk.store.vault.path(items[1].sha256)
    blob.chmod(0o644)
    data = bytearray(blob.read_bytes())
    data[10] ^= 0x01
    blob.write_bytes(bytes(data))
    for case in (None, desk.case):
        assert sorted(set(desk.verify(case))) == [("blob-changed", items[1].id)]
    with desk.store.database.session_scope() as session:
        finding = verify_store(session, desk.store.vault).errors[0]
    assert finding.name == "b.png" and finding.expected == items[1].sha256
    assert finding.found != finding.expected


def test_missing_blob_is_named(sealed: tuple[Office, list[evidence_items.ItemInfo]]) -> None:
    desk, items = sealed
    desk.store.vault.path(items[0].sha256).unlink()
    assert desk.verify() == [("blob-missing", items[0].id)]


def test_changed_item_record_is_named(sealed: tuple[Office, list[evidence_items.ItemInfo]]) -> None:
    desk, items = sealed
    behind_the_triggers(desk.store, "evidence_item",
                        "UPDATE evidence_item SET original_name = 'forged.txt' WHERE id = :id",
                        id=items[2].id)
    codes = desk.verify()
    assert ("item-record-changed", items[2].id) in codes and ("seal-signature", items[2].id) in codes
    assert ("record-item-mismatch", None) not in codes  # the record lists digests, which still match


def test_changed_signature_is_named(sealed: tuple[Office, list[evidence_items.ItemInfo]]) -> None:
    desk, items = sealed
    with desk.store.database.session_scope() as session:
        signature = evidence_items.get_item(session, items[0].id).seals[0].signature
    forged = bytes([signature[0]]) + bytes([signature[1]]) + signature[2:-1] + bytes([signature[-1] ^ 1])
    behind_the_triggers(desk.store, "evidence_seal",
                        "UPDATE evidence_seal SET signature = :s WHERE item_id = :id",
                        s=forged, id=items[0].id)
    assert sorted(desk.verify()) == [("seal-not-in-ledger", items[0].id), ("seal-signature", items[0].id)]


def test_changed_ledger_row_is_named(sealed: tuple[Office, list[evidence_items.ItemInfo]]) -> None:
    desk, items = sealed
    with desk.store.database.session_scope() as session:
        seq = evidence_items.custody_trail(session, items[0].id)[0].seq
    behind_the_triggers(desk.store, "ledger_entry",
                        "UPDATE ledger_entry SET actor = 'mallory' WHERE seq = :seq",
                        seq=seq)
    with desk.store.database.session_scope() as session:
        report = verify_store(session, desk.store.vault)
        scoped = verify_store(session, desk.store.vault, desk.case)
    assert [(finding.code, finding.seq) for finding in report.errors] == [("entry-changed", seq)]
    assert [(finding.code, finding.seq) for finding in scoped.errors] == [("entry-changed", seq)]


def test_changed_preservation_record_is_named(sealed: tuple[Office, list[evidence_items.ItemInfo]]) -> None:
    desk, _items = sealed
    behind_the_triggers(desk.store, "preservation_record",
                        "UPDATE preservation_record SET canonical = replace(canonical, '王芳', '赵六')")
    with desk.store.database.session_scope() as session:
        codes = [(finding.code, finding.record) for finding in verify_store(session, desk.store.vault).errors]
    assert codes == [("record-changed", 1), ("record-signature", 1)]


def test_every_tampering_is_reported_not_just_the_first(
        sealed: tuple[Office, list[evidence_items.ItemInfo]]) -> None:
    desk, items = sealed
    desk.store.vault.path(items[0].sha256).unlink()
    blob = desk.store.vault.path(items[2].sha256)
    blob.chmod(0o644)
    blob.write_bytes(b"third filE")
    behind_the_triggers(desk.store, "evidence_item", "UPDATE evidence_item SET note = 'x' WHERE id = :id",
                        id=items[1].id)
    codes = set(desk.verify())
    assert {("blob-missing", items[0].id), ("blob-changed", items[2].id),
            ("item-record-changed", items[1].id)} <= codes


def test_evidence_rows_are_append_only(sealed: tuple[Office, list[evidence_items.ItemInfo]]) -> None:
    desk, _items = sealed
    for statement in ("UPDATE evidence_item SET note = 'x'", "DELETE FROM evidence_seal",
                      "DELETE FROM blob", "UPDATE preservation_record SET signer = 'x'"):
        with pytest.raises(DBAPIError), desk.store.database.session_scope() as session:
            session.execute(text(statement))
    assert desk.verify() == []


# --- command line ----------------------------------------------------------------------------------
@pytest.fixture
def cli_env(desk: Office, monkeypatch: pytest.MonkeyPatch) -> Office:
    point_cli_at(monkeypatch, desk.store, "lihua", NOTARY_PASSWORD)
    return desk


def test_cli_case_evidence_seal_and_verify(cli_env: Office, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["case", "new", "--type", "trademark", "--title", "驰名商标侵权"]) == EXIT_OK
    number = capsys.readouterr().out.strip().splitlines()[-1]
    assert re.fullmatch(r"（20\d\d）云知调字第0002号", number), number
    files = _files(tmp_path / "in", page_html="<!DOCTYPE html><html>商品页</html>".encode(), shot_png=PNG)
    assert run(["evidence", "add", "--case", number, *map(str, files), "--source", "web-capture", "--url",
                "https://shop.example.com/item/1", "--acquired-at", "2026-11-20T09:30+08:00", "--seal",
                "--json"]) == EXIT_OK
    added = json.loads(capsys.readouterr().out)
    assert [(item["name"], item["mime_type"], item["acquisition"]["acquired_at"])
            for item in added["items"]] == [("page.html", "text/html", "2026-11-20T01:30:00.000000Z"),
                                            ("shot.png", "image/png", "2026-11-20T01:30:00.000000Z")]
    assert all(item["seals"][0]["signer"] == "lihua" for item in added["items"])
    assert run(["evidence", "list", "--case", number, "--json"]) == EXIT_OK
    assert [item["id"] for item in json.loads(capsys.readouterr().out)] == [1, 2]
    assert run(["evidence", "show", "1", "--json"]) == EXIT_OK
    shown = json.loads(capsys.readouterr().out)
    assert [entry["kind"] for entry in shown["custody"]] == ["evidence.ingested", "evidence.sealed"]
    assert run(["verify", "--case", number, "--json"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["items"] == 2
    assert run(["preservation", "new", "--case", number, "--item", "1", "--item", "2", "--place", "公证处",
                "--applicant", "某公司", "--operator", "李华", "--steps", "打开网页并截图",
                "--witness", "王芳"]) == EXIT_OK
    assert run(["preservation", "list", "--case", number, "--json"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out.split("\n", 1)[1])[0]["signer"] == "lihua"


def test_cli_case_list_shows_old_and_new_numbers_as_recorded(cli_env: Office, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    old = _open_old_style_case(cli_env, monkeypatch)
    assert run(["case", "list", "--json"]) == EXIT_OK
    assert [case["number"] for case in json.loads(capsys.readouterr().out)] == [old, cli_env.case]
    assert run(["case", "list"]) == EXIT_OK
    table = capsys.readouterr().out
    assert old in table and cli_env.case in table
    full_width_old = old.replace("(", "（").replace(")", "）")
    assert run(["evidence", "list", "--case", full_width_old, "--json"]) == EXIT_OK  # either form finds it
    assert json.loads(capsys.readouterr().out) == []


def test_cli_refusals_and_bad_input(cli_env: Office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    path, = _files(tmp_path, a_txt=b"x")
    case = cli_env.case
    assert run(["evidence", "add", "--case", case, str(path), "--source", "web-capture"]) == EXIT_USAGE
    assert run(["evidence", "add", "--case", case, str(path), "--source", "telepathy"]) == EXIT_USAGE
    assert run(["evidence", "add", "--case", "(2026)无字第1号", str(path)]) == EXIT_USAGE
    assert run(["evidence", "add", "--case", case, str(path), "--acquired-at", "yesterday"]) == EXIT_USAGE
    assert run(["evidence", "add", "--case", case, str(path), str(tmp_path / "gone.txt")]) == EXIT_USAGE
    assert "gone.txt: no such file or folder" in capsys.readouterr().err  # the good file went in
    monkeypatch.setenv("MEDISEAL_USER", "zhao")
    monkeypatch.setenv("MEDISEAL_PASSWORD", MEDIATOR_PASSWORD)
    assert run(["evidence", "seal", "1"]) == EXIT_REFUSED
    assert "may not seal evidence" in capsys.readouterr().err
    assert run(["evidence", "copy", "1", "--out", str(path)]) == EXIT_USAGE  # exists: never overwritten
    assert run(["evidence", "show", "99"]) == EXIT_USAGE
    with cli_env.store.database.session_scope() as session:
        assert [item.name for item in evidence_items.list_items(session, case)] == ["a.txt"]


def test_cli_verify_exit_codes_and_findings(cli_env: Office, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    path, = _files(tmp_path, a_txt=b"original")
    item = cli_env.ingest(path).items[0]
    assert run(["verify"]) == EXIT_OK
    assert capsys.readouterr().out.strip().endswith("Clean.")
    blob = cli_env.store.vault.path(item.sha256)
    blob.chmod(0o644)
    blob.write_bytes(b"originaL")
    assert run(["verify", "--json"]) == EXIT_REFUSED
    report = json.loads(capsys.readouterr().out)
    assert not report["clean"]
    assert {(finding["code"], finding["item"], finding["name"]) for finding in report["findings"]} == {
        ("blob-changed", item.id, "a.txt")}


@pytest.mark.skipif(not Path(OPENSSL).exists(), reason="openssl is not installed")
def test_seal_checks_out_with_plain_openssl(cli_env: Office, tmp_path: Path) -> None:
    path, = _files(tmp_path / "in", a_txt="证据内容".encode())
    item = cli_env.ingest(path, actor=cli_env.notary, seal_with=cli_env.key).items[0]
    with cli_env.store.database.session_scope() as session:
        seals.seal_items(session, cli_env.second, cli_env.second_key, [item.id])
        checkpoints.sign_checkpoint(session, cli_env.second, cli_env.second_key)  # the proof rests on it
    proof = tmp_path / "proof"
    assert run(["evidence", "proof", str(item.id), "--out", str(proof)]) == EXIT_OK
    for number in (1, 2):
        public = subprocess.run([OPENSSL, "x509", "-in", f"seal-{number}.pem", "-pubkey", "-noout"],
                                cwd=proof, capture_output=True, check=True).stdout
        (proof / f"seal-{number}.pub").write_bytes(public)
        checked = subprocess.run([OPENSSL, "dgst", "-sha256", "-verify", f"seal-{number}.pub", "-signature",
                                  f"seal-{number}.sig", "record.json"], cwd=proof, capture_output=True,
                                 text=True)
        assert checked.returncode == 0 and "Verified OK" in checked.stdout
    record = json.loads((proof / "record.json").read_text(encoding="utf-8"))
    digest = subprocess.run([OPENSSL, "dgst", "-sha256", "-r", str(path)], capture_output=True, text=True,
                            check=True).stdout.split()[0]
    assert record["sha256"] == digest == item.sha256
    (proof / "record.json").write_bytes((proof / "record.json").read_bytes().replace(b"a.txt", b"b.txt"))
    forged = subprocess.run([OPENSSL, "dgst", "-sha256", "-verify", "seal-1.pub", "-signature", "seal-1.sig",
                             "record.json"], cwd=proof, capture_output=True, text=True)
    assert forged.returncode != 0
    with cli_env.store.database.session_scope() as session:
        assert [entry.kind for entry in ledger.subject_entries(session, f"evidence:{item.id}")] == [
            "evidence.ingested", "evidence.sealed", "evidence.sealed"]


def test_a_file_no_item_uses_is_a_notice(desk: Office) -> None:
    import io

    stored = desk.store.vault.store(io.BytesIO(b"stored, then the process died"), lambda done: None)
    with desk.store.database.session_scope() as session:
        report = verify_store(session, desk.store.vault)
    assert report.clean
    assert [(finding.code, finding.severity, finding.found) for finding in report.findings] == [
        ("blob-not-recorded", "notice", stored.digests.sha256)]


def test_a_damaged_unrecorded_file_is_replaced_by_a_fresh_ingest(desk: Office, tmp_path: Path) -> None:
    import io

    content = b"the real evidence bytes"
    stored = desk.store.vault.store(io.BytesIO(content), lambda done: None)
    blob = desk.store.vault.path(stored.digests.sha256)
    blob.chmod(0o644)
    blob.write_bytes(b"truncated")  # an orphan damaged behind our back
    path, = _files(tmp_path, a_txt=content)
    desk.ingest(path)
    assert blob.read_bytes() == content
    assert desk.verify() == []


def test_concurrent_ingests_get_distinct_items_and_a_sound_ledger(desk: Office, tmp_path: Path) -> None:
    def worker(name: str) -> intake.IngestReport:
        paths = _files(tmp_path / name, **{f"{name}{n}_txt": f"{name} {n}".encode() for n in range(6)})
        return desk.ingest(*paths)

    reports = run_concurrently(worker, ["a", "b", "c"])
    assert all(not report.failures for report in reports)
    ids = sorted(item.id for report in reports for item in report.items)
    assert ids == list(range(1, 19))
    assert desk.verify() == []
