"""Verification in both directions (issue 8, part 2): for every table, a row deleted, changed or swapped
behind the app's back is a named finding (code and the item, record, key, user, case, checkpoint, entry
or node it names); per-item statuses agree with the findings; on SQLite and PostgreSQL."""

from __future__ import annotations

import getpass
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, select, text

from db.models import Checkpoint, SigningKey, User
from desktop.cli import EXIT_OK, EXIT_REFUSED, run
from desktop.config import Settings
from desktop.core.cases import matters as cases
from desktop.core.evidence import intake, preservation, seals
from desktop.core.evidence.items import ItemInfo, get_record
from desktop.core.integrity.canonical import canonical_bytes, parse_time, record_digest
from desktop.core.office import office
from desktop.core.office import settings as office_settings
from desktop.core.storage.datafolder import DATABASE_FILE_NAME
from desktop.core.storage.store import OpenStore, open_store
from desktop.core.trust import checkpoints, ledger, passwords, signing_keys, users
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Actor, Role
from desktop.core.trust.pki import certificates, key_files, signatures
from desktop.core.trust.signing_keys import UnlockedKey
from desktop.core.verification.codes import FindingCode, ItemVerdict, Severity
from desktop.core.verification.findings import Finding, Report
from desktop.core.verification.ledger import verify_ledger
from desktop.core.verification.store import verify_store
from tests.cli_env import point_cli_at
from tests.conftest import TEMPLATE_DATABASE
from tests.postgres_cluster import PostgresCluster
from tests.tamper import Statement, behind_the_back

PASSWORD = "test-password-1"
BAD_PEM = "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n"


@pytest.fixture(autouse=True)
def cheap_key_derivation(monkeypatch: pytest.MonkeyPatch) -> None:
    """Real argon2id and scrypt at their lowest costs: these tests are about verification."""
    cheap = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)
    monkeypatch.setattr(passwords, "_HASHER", cheap)
    monkeypatch.setattr(key_files, "SCRYPT_N", 2**10)


@dataclass
class Scene:
    """A store with every kind of record: users of every role, keys (one revoked), two cases, three items
    (a: sealed and countersigned, b: sealed, c: not sealed), a preservation record and its correction,
    three checkpoints, and two entries after the last checkpoint."""

    store: OpenStore
    actors: dict[str, Actor]
    keys: dict[str, UnlockedKey]
    case: str
    other_case: str
    a: ItemInfo
    b: ItemInfo
    c: ItemInfo
    seal_ids: dict[str, int]
    records: tuple[int, int]
    checkpoint_ids: list[int]

    def report(self, case: str | None = None) -> Report:
        with self.store.database.session_scope() as session:
            report = verify_store(session, self.store.vault, case)
        _assert_statuses_agree(report)
        return report

    def fingerprint(self, user: str) -> str:
        return self.keys[user].fingerprint

    def user_id(self, name: str) -> int:
        return self.actors[name].user_id

    def entry(self, subject: str, kind: str) -> int:
        with self.store.database.session_scope() as session:
            return next(entry.seq for entry in ledger.subject_entries(session, subject) if entry.kind == kind)

    def tamper(self, *statements: str | Statement) -> None:
        behind_the_back(self.store, [(item, {}) if isinstance(item, str) else item for item in statements])

    def swap(self, table: str, key: str, first: object, second: object, *columns: str) -> None:
        """Swap ``columns`` between two rows (values read raw, written back raw)."""
        listed = ", ".join(columns)
        with self.store.database.engine.connect() as connection:
            rows = {row[0]: row[1:] for row in connection.execute(text(
                f"SELECT {key}, {listed} FROM {table} WHERE {key} IN (:first, :second)"),
                {"first": first, "second": second})}
        assignments = ", ".join(f"{column} = :{column}" for column in columns)
        self.tamper(*[(f"UPDATE {table} SET {assignments} WHERE {key} = :row",
                       {"row": row, **dict(zip(columns, rows[other], strict=True))})
                      for row, other in ((first, second), (second, first))])


def _actor(store: OpenStore, name: str) -> Actor:
    return users.sign_in(store.database, name, PASSWORD)


def _build(store: OpenStore, tmp_path: Path) -> Scene:
    """The scene's records, made through the services."""
    database = store.database
    with database.session_scope() as session:
        office.create_office(session, "昆明公证处", "云知调")
        admin = users.create_first_admin(session, "admin", PASSWORD, "张伟")
        for name, role in (("lihua", Role.NOTARY), ("wangfang", Role.NOTARY), ("zhao", Role.MEDIATOR),
                           ("qian", Role.CLERK)):
            users.add_user(session, admin, name, frozenset({role}), PASSWORD, f"{name}的姓名")
    actors = {name: _actor(store, name) for name in ("admin", "lihua", "wangfang", "zhao", "qian")}
    keys: dict[str, UnlockedKey] = {}
    for name in ("admin", "lihua", "wangfang", "zhao"):
        with database.session_scope() as session:
            signing_keys.new_key(session, actors[name], PASSWORD)
            keys[name] = signing_keys.unlock(session, actors[name], PASSWORD)
    with database.session_scope() as session:
        signing_keys.revoke_key(session, actors["zhao"], "zhao", reason="密钥遗失")
        case = cases.open_case(session, actors["zhao"], "copyright", "某图片著作权纠纷").number
        other_case = cases.open_case(session, actors["zhao"], "patent", "某发明专利纠纷").number
    checkpoint_ids = [_checkpoint(store, actors["admin"], keys["admin"])]
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in (("a.txt", b"first file"), ("b.txt", "第二个文件".encode()), ("c.txt", b"third")):
        (folder / name).write_bytes(data)
    a, b = intake.ingest_files(database, store.vault, actors["lihua"], case,
                               [folder / "a.txt", folder / "b.txt"], seal_with=keys["lihua"]).items
    c, = intake.ingest_files(database, store.vault, actors["zhao"], case, [folder / "c.txt"]).items
    with database.session_scope() as session:
        countersigned, = seals.seal_items(session, actors["wangfang"], keys["wangfang"], [a.id])
    checkpoint_ids.append(_checkpoint(store, actors["admin"], keys["admin"]))
    with database.session_scope() as session:
        original = preservation.create_record(session, actors["lihua"], keys["lihua"], case,
                                              _preservation((a.id, b.id)))
    with database.session_scope() as session:
        correction = preservation.create_record(session, actors["lihua"], keys["lihua"], case,
                                                _preservation((a.id, b.id, c.id), original.id))
    checkpoint_ids.append(_checkpoint(store, actors["admin"], keys["admin"]))
    _actor(store, "qian")  # two entries after the last checkpoint
    _actor(store, "qian")
    made = Scene(store, actors, keys, case, other_case, a, b, c,
                 {"a-lihua": a.seals[0].id, "a-wangfang": countersigned.id, "b-lihua": b.seals[0].id},
                 (original.id, correction.id), checkpoint_ids)
    report = made.report()
    assert report.findings == () and report.clean, report.findings
    return made


@dataclass(frozen=True)
class _Template:
    """A scene built once per backend: its data folder (vault, and the SQLite database) and, on
    PostgreSQL, a template database; each test gets a copy (as ``CREATE DATABASE … TEMPLATE``)."""

    folder: Path
    database: str | None
    scene: Scene


_TEMPLATES: dict[str, _Template] = {}


def _postgres(cluster: PostgresCluster, sql: str) -> None:
    engine = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text(sql))
    finally:
        engine.dispose()


def _template(backend: str, request: pytest.FixtureRequest,
              tmp_path_factory: pytest.TempPathFactory) -> _Template:
    if backend in _TEMPLATES:
        return _TEMPLATES[backend]
    folder = tmp_path_factory.mktemp(f"scene-{backend}") / "data"
    database = url = None
    if backend == "postgresql":
        cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
        database = f"scene_{cluster.new_database_name()}"
        _postgres(cluster, f"CREATE DATABASE {database} TEMPLATE {TEMPLATE_DATABASE}")
        url = cluster.url(database)
    else:
        folder.mkdir(parents=True)
        shutil.copyfile(request.getfixturevalue("sqlite_template"), folder / DATABASE_FILE_NAME)
    store = open_store(Settings(data_dir=folder, database_url=url, lang=None))
    try:
        built = _build(store, tmp_path_factory.mktemp(f"scene-{backend}-files"))
    finally:
        store.close()
    _TEMPLATES[backend] = _Template(folder, database, built)
    return _TEMPLATES[backend]


@pytest.fixture
def scene(backend: str, request: pytest.FixtureRequest, tmp_path: Path,
          tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scene]:
    """A copy of the scene for one test, on SQLite and on PostgreSQL."""
    template = _template(backend, request, tmp_path_factory)
    folder = tmp_path / "data"
    shutil.copytree(template.folder, folder)
    url = None
    if template.database is not None:
        cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
        database = cluster.new_database_name()
        _postgres(cluster, f"CREATE DATABASE {database} TEMPLATE {template.database}")
        url = cluster.url(database)
    store = open_store(Settings(data_dir=folder, database_url=url, lang=None))
    try:
        yield replace(template.scene, store=store)
    finally:
        store.close()
        if template.database is not None:
            _postgres(cluster, f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")


def _checkpoint(store: OpenStore, actor: Actor, key: UnlockedKey) -> int:
    with store.database.session_scope() as session:
        return checkpoints.sign_checkpoint(session, actor, key).id


def _preservation(items: tuple[int, ...], supersedes: int | None = None) -> preservation.PreservationInput:
    return preservation.PreservationInput(items, "昆明市五华区公证处第二取证室", "某科技有限公司", "李华",
                                          "1. 清除浏览器缓存；2. 打开网页；3. 录屏。", "笔记本电脑",
                                          ("王芳",), supersedes=supersedes,
                                          reason="地点写错" if supersedes is not None else "")


# --- helpers for expectations ----------------------------------------------------------------------
ITEM_FACT_CODES = frozenset({
    FindingCode.ITEM_NOT_IN_LEDGER, FindingCode.ITEM_RECORD_CHANGED, FindingCode.BLOB_MISSING,
    FindingCode.BLOB_CHANGED, FindingCode.SEAL_MISSING, FindingCode.SEAL_KEY_UNKNOWN,
    FindingCode.SEAL_RECORD_MISMATCH, FindingCode.SEAL_SIGNATURE, FindingCode.SEAL_NOT_IN_LEDGER,
    FindingCode.SIGNER_MISMATCH, FindingCode.SIGNED_AFTER_REVOCATION, FindingCode.SIGNED_BEFORE_KEY,
    FindingCode.OUTSIDE_CERTIFICATE_VALIDITY})


def _assert_statuses_agree(report: Report) -> None:
    """Findings are derived from the facts: an item an error about its file, record or seals names has
    failed; an item that failed is named by a finding, or rests on a ledger entry that is."""
    verdicts = report.verdicts()
    ledger_damaged = any(finding.seq is not None and finding.item is None for finding in report.errors)
    for finding in report.errors:
        if finding.code in ITEM_FACT_CODES and finding.item in verdicts:
            assert verdicts[finding.item] == ItemVerdict.FAILED, finding
    named = {finding.item for finding in report.errors}
    for item, verdict in verdicts.items():
        if verdict == ItemVerdict.FAILED:
            assert item in named or ledger_damaged, (item, report.findings)
    for status in report.record_statuses:
        named_record = any(finding.record == status.record for finding in report.errors)
        assert status.bottom_line != named_record or (ledger_damaged and not status.bottom_line), status


def _named(report: Report, code: FindingCode, **where: object) -> bool:
    return any(finding.code == code and all(getattr(finding, key) == value for key, value in where.items())
               for finding in report.errors)


def assert_named(report: Report, *expected: tuple[FindingCode, dict[str, object]]) -> None:
    missing = [(code, where) for code, where in expected if not _named(report, code, **where)]
    assert not missing, f"not named: {missing}; findings: {[_short(f) for f in report.findings]}"


def _short(finding: Finding) -> str:
    return f"{finding.code} {finding.message}"


def _codes(report: Report) -> set[str]:
    return {str(finding.code) for finding in report.errors}


# --- cases ---------------------------------------------------------------------------------------
def test_a_deleted_case_is_named(scene: Scene) -> None:
    scene.tamper(("DELETE FROM mediation_case WHERE number = :n", {"n": scene.other_case}))
    report = scene.report()
    assert_named(report, (FindingCode.CASE_MISSING, {"case": scene.other_case}))
    assert _codes(report) == {"case-missing"}


def test_a_changed_case_is_named_in_the_store_and_in_its_case(scene: Scene) -> None:
    scene.tamper(("UPDATE mediation_case SET title = '另一个标题' WHERE number = :n", {"n": scene.case}))
    for report in (scene.report(), scene.report(scene.case)):
        assert_named(report, (FindingCode.CASE_RECORD_CHANGED, {"case": scene.case}))
        assert _codes(report) == {"case-record-changed"}
    assert scene.report(scene.other_case).clean


def test_swapped_cases_are_both_named(scene: Scene) -> None:
    scene.swap("mediation_case", "number", scene.case, scene.other_case, "title", "case_type")
    assert_named(scene.report(), (FindingCode.CASE_RECORD_CHANGED, {"case": scene.case}),
                 (FindingCode.CASE_RECORD_CHANGED, {"case": scene.other_case}))


# --- evidence items ---------------------------------------------------------------------------------
def test_a_deleted_item_with_its_seals_is_named(scene: Scene) -> None:
    scene.tamper(("DELETE FROM evidence_seal WHERE item_id = :id", {"id": scene.a.id}),
                 ("DELETE FROM evidence_item WHERE id = :id", {"id": scene.a.id}))
    report = scene.report()
    assert_named(report, (FindingCode.ITEM_MISSING, {"item": scene.a.id}),
                 (FindingCode.RECORD_ITEM_MISMATCH, {"record": scene.records[0], "item": scene.a.id}))
    assert scene.a.id not in report.verdicts() and report.items == 2


def test_a_deleted_item_whose_seals_stay_is_named(scene: Scene) -> None:
    scene.tamper(("DELETE FROM evidence_item WHERE id = :id", {"id": scene.b.id}))
    assert_named(scene.report(), (FindingCode.ITEM_MISSING, {"item": scene.b.id}))


def test_a_changed_item_is_named_and_fails_its_verdict(scene: Scene) -> None:
    scene.tamper(("UPDATE evidence_item SET acquired_by = 'mallory' WHERE id = :id", {"id": scene.b.id}))
    for report in (scene.report(), scene.report(scene.case)):
        assert_named(report, (FindingCode.ITEM_RECORD_CHANGED, {"item": scene.b.id, "name": "b.txt"}),
                     (FindingCode.SEAL_SIGNATURE, {"item": scene.b.id, "seal": scene.seal_ids["b-lihua"]}))
        assert report.verdicts() == {scene.a.id: ItemVerdict.SEALED, scene.b.id: ItemVerdict.FAILED,
                                     scene.c.id: ItemVerdict.INTACT}
        status = next(status for status in report.item_statuses if status.item == scene.b.id)
        assert status.blob_intact and status.in_ledger and not status.record_matches_ledger
        assert [(seal.signature_valid, seal.in_ledger, seal.signer_facts.holds) for seal in status.seals] == [
            (False, True, True)]


def test_swapped_items_are_both_named(scene: Scene) -> None:
    scene.swap("evidence_item", "id", scene.a.id, scene.b.id, "original_name")
    assert_named(scene.report(), (FindingCode.ITEM_RECORD_CHANGED, {"item": scene.a.id, "name": "b.txt"}),
                 (FindingCode.ITEM_RECORD_CHANGED, {"item": scene.b.id, "name": "a.txt"}))


# --- blobs ----------------------------------------------------------------------------------------
def test_a_deleted_blob_row_is_named(scene: Scene) -> None:
    scene.tamper(("DELETE FROM blob WHERE sha256 = :s", {"s": scene.c.sha256}))
    report = scene.report()
    assert_named(report, (FindingCode.BLOB_ROW_MISSING, {"blob": scene.c.sha256}))
    assert _codes(report) == {"blob-row-missing"}


def test_a_changed_blob_row_and_a_lost_file_are_named(scene: Scene) -> None:
    scene.tamper(("UPDATE blob SET sm3 = :x WHERE sha256 = :s", {"x": "0" * 64, "s": scene.b.sha256}))
    scene.store.vault.path(scene.c.sha256).unlink()
    report = scene.report()
    assert_named(report, (FindingCode.BLOB_ROW_CHANGED, {"blob": scene.b.sha256}),
                 (FindingCode.BLOB_MISSING, {"item": scene.c.id}))
    status = next(status for status in report.item_statuses if status.item == scene.c.id)
    assert not status.blob_present and status.verdict == ItemVerdict.FAILED


def test_swapped_blob_rows_are_both_named(scene: Scene) -> None:
    scene.swap("blob", "sha256", scene.a.sha256, scene.b.sha256, "sm3", "size")
    assert_named(scene.report(), (FindingCode.BLOB_ROW_CHANGED, {"blob": scene.a.sha256}),
                 (FindingCode.BLOB_ROW_CHANGED, {"blob": scene.b.sha256}))


def test_an_unreadable_file_is_a_finding_not_a_crash(scene: Scene) -> None:
    path = scene.store.vault.path(scene.c.sha256)
    path.unlink()
    path.mkdir()  # open() fails with IsADirectoryError
    assert_named(scene.report(), (FindingCode.BLOB_MISSING, {"item": scene.c.id}))


# --- seals ----------------------------------------------------------------------------------------
def test_a_deleted_countersignature_is_named(scene: Scene) -> None:
    scene.tamper(("DELETE FROM evidence_seal WHERE id = :id", {"id": scene.seal_ids["a-wangfang"]}))
    for report in (scene.report(), scene.report(scene.case)):
        assert_named(report, (FindingCode.SEAL_MISSING, {"item": scene.a.id}))
        assert _codes(report) == {"seal-missing"}
        status = next(status for status in report.item_statuses if status.item == scene.a.id)
        assert not status.seals_complete and status.verdict == ItemVerdict.FAILED


def test_a_deleted_only_seal_does_not_leave_an_unsealed_looking_item(scene: Scene) -> None:
    scene.tamper(("DELETE FROM evidence_seal WHERE id = :id", {"id": scene.seal_ids["b-lihua"]}))
    report = scene.report()
    assert_named(report, (FindingCode.SEAL_MISSING, {"item": scene.b.id}))
    assert report.verdicts()[scene.b.id] == ItemVerdict.FAILED


def test_a_changed_seal_is_named(scene: Scene) -> None:
    seal = scene.seal_ids["b-lihua"]
    scene.tamper(("UPDATE evidence_seal SET signer = 'wangfang' WHERE id = :id", {"id": seal}))
    report = scene.report()
    assert_named(report, (FindingCode.SEAL_NOT_IN_LEDGER, {"item": scene.b.id, "seal": seal}),
                 (FindingCode.SIGNER_MISMATCH, {"item": scene.b.id, "seal": seal}))
    assert not _named(report, FindingCode.SEAL_MISSING)  # the changed row stands for its entry


def test_swapped_seals_are_both_named(scene: Scene) -> None:
    first, second = scene.seal_ids["a-lihua"], scene.seal_ids["b-lihua"]
    scene.swap("evidence_seal", "id", first, second, "signature")
    assert_named(scene.report(), (FindingCode.SEAL_SIGNATURE, {"item": scene.a.id, "seal": first}),
                 (FindingCode.SEAL_SIGNATURE, {"item": scene.b.id, "seal": second}),
                 (FindingCode.SEAL_NOT_IN_LEDGER, {"seal": first}),
                 (FindingCode.SEAL_NOT_IN_LEDGER, {"seal": second}))


# --- preservation records ---------------------------------------------------------------------------
def test_a_deleted_preservation_record_is_named(scene: Scene) -> None:
    correction = scene.records[1]
    scene.tamper(("DELETE FROM preservation_record WHERE id = :id", {"id": correction}))
    report = scene.report()
    assert_named(report, (FindingCode.RECORD_MISSING, {"record": correction}))
    assert _codes(report) == {"record-missing"}


def test_a_record_moved_to_another_case_or_unlinked_is_named(scene: Scene) -> None:
    original, correction = scene.records
    with scene.store.database.engine.connect() as connection:
        other = connection.execute(text("SELECT id FROM mediation_case WHERE number = :n"),
                                   {"n": scene.other_case}).scalar_one()
    scene.tamper(("UPDATE preservation_record SET case_id = :c WHERE id = :id", {"c": other, "id": original}),
                 ("UPDATE preservation_record SET supersedes_id = NULL WHERE id = :id", {"id": correction}))
    report = scene.report()
    assert_named(report, (FindingCode.RECORD_CASE_MISMATCH, {"record": original}),
                 (FindingCode.RECORD_SUPERSEDES_MISMATCH, {"record": correction}))
    assert_named(scene.report(scene.case), (FindingCode.RECORD_SUPERSEDES_MISMATCH, {"record": correction}))


def test_a_record_signed_with_another_key_is_named(scene: Scene) -> None:
    original, _correction = scene.records
    with scene.store.database.engine.connect() as connection:
        key_id = connection.execute(text("SELECT id FROM signing_key WHERE fingerprint = :f"),
                                    {"f": scene.fingerprint("wangfang")}).scalar_one()
    scene.tamper(("UPDATE preservation_record SET key_id = :k WHERE id = :id", {"k": key_id, "id": original}))
    report = scene.report()
    assert_named(report, (FindingCode.RECORD_CERTIFICATE_MISMATCH, {"record": original}),
                 (FindingCode.RECORD_SIGNATURE, {"record": original}),
                 (FindingCode.SIGNER_MISMATCH, {"record": original}))
    status = next(status for status in report.record_statuses if status.record == original)
    assert not status.certificate_matches and not status.bottom_line


def test_swapped_preservation_records_are_both_named(scene: Scene) -> None:
    original, correction = scene.records
    scene.swap("preservation_record", "id", original, correction, "canonical", "record_sha256", "signature")
    assert_named(scene.report(), (FindingCode.RECORD_CHANGED, {"record": original}),
                 (FindingCode.RECORD_CHANGED, {"record": correction}))


# --- signing keys -----------------------------------------------------------------------------------
def test_a_deleted_key_is_named(scene: Scene) -> None:
    scene.tamper(("DELETE FROM signing_key WHERE fingerprint = :f", {"f": scene.fingerprint("zhao")}))
    report = scene.report()
    assert_named(report, (FindingCode.KEY_MISSING, {"key": scene.fingerprint("zhao")}))
    assert _codes(report) == {"key-missing"}


def test_a_revocation_undone_is_named(scene: Scene) -> None:
    scene.tamper(("UPDATE signing_key SET revoked_at = NULL WHERE fingerprint = :f",
                  {"f": scene.fingerprint("zhao")}))
    assert_named(scene.report(), (FindingCode.KEY_REVOCATION_UNDONE, {"key": scene.fingerprint("zhao"),
                                                                      "user": "zhao"}))
    assert scene.report(scene.case).clean  # no seal of the case rests on that key
    with scene.store.database.session_scope() as session:
        assert_named(verify_ledger(session), (FindingCode.KEY_REVOCATION_UNDONE, {"user": "zhao"}))


def test_a_revocation_that_the_ledger_never_logged_is_named(scene: Scene) -> None:
    scene.tamper(("UPDATE signing_key SET revoked_at = created_at WHERE fingerprint = :f",
                  {"f": scene.fingerprint("wangfang")}))
    assert_named(scene.report(),
                 (FindingCode.KEY_REVOKED_NOT_IN_LEDGER, {"key": scene.fingerprint("wangfang")}))


def test_a_seal_after_the_logged_revocation_is_named_whatever_the_row_says(scene: Scene) -> None:
    """The revocation time comes from the ledger: a row whose revocation was undone and a seal made
    afterwards with it are both named."""
    zhao = scene.fingerprint("zhao")
    with scene.store.database.session_scope() as session:
        record = get_record(session, scene.c.id)
        key_id = session.scalar(select(SigningKey.id).where(SigningKey.fingerprint == zhao))
    signature = scene.keys["zhao"].sign(canonical_bytes(record))
    scene.tamper(("UPDATE signing_key SET revoked_at = NULL WHERE fingerprint = :f", {"f": zhao}),
                 ("INSERT INTO user_role (user_id, role) VALUES (:u, 'notary')",
                  {"u": scene.user_id("zhao")}),
                 ("INSERT INTO evidence_seal (item_id, key_id, signer, sealed_at, record_sha256, signature) "
                  "SELECT :item, :key, 'zhao', sealed_at, :digest, :signature FROM evidence_seal "
                  "WHERE id = :other",
                  {"item": scene.c.id, "key": key_id, "digest": record_digest(record), "signature": signature,
                   "other": scene.seal_ids["a-wangfang"]}))
    report = scene.report()
    assert_named(report, (FindingCode.KEY_REVOCATION_UNDONE, {"key": zhao}),
                 (FindingCode.USER_RECORD_CHANGED, {"user": "zhao"}),
                 (FindingCode.SIGNED_AFTER_REVOCATION, {"item": scene.c.id}))
    assert report.verdicts()[scene.c.id] == ItemVerdict.FAILED


def test_a_damaged_certificate_is_a_finding_not_an_error(scene: Scene, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    lihua = scene.fingerprint("lihua")
    scene.tamper(("UPDATE signing_key SET certificate_pem = :p WHERE fingerprint = :f",
                  {"p": BAD_PEM, "f": lihua}))
    report = scene.report()
    assert_named(report, (FindingCode.KEY_CERTIFICATE_UNREADABLE, {"key": lihua}),
                 (FindingCode.SEAL_KEY_UNKNOWN, {"item": scene.a.id, "seal": scene.seal_ids["a-lihua"]}),
                 (FindingCode.SEAL_KEY_UNKNOWN, {"item": scene.b.id}),
                 (FindingCode.RECORD_KEY_UNKNOWN, {"record": scene.records[0]}))
    assert not _named(report, FindingCode.SEAL_KEY_UNKNOWN, seal=scene.seal_ids["a-wangfang"])
    point_cli_at(monkeypatch, scene.store)
    assert run(["verify"]) == EXIT_REFUSED  # a finding (1), not an error that stops the check (2)
    assert "FINDING key-certificate-unreadable" in capsys.readouterr().out
    assert run(["verify", "--case", scene.other_case]) == EXIT_OK


def test_a_fingerprint_that_is_not_the_certificates_is_named(scene: Scene) -> None:
    lihua, wangfang = scene.fingerprint("lihua"), scene.fingerprint("wangfang")
    pem = certificates.certificate_pem(scene.keys["wangfang"].certificate).decode()
    scene.tamper(("UPDATE signing_key SET certificate_pem = :p WHERE fingerprint = :f",
                  {"p": pem, "f": lihua}))
    report = scene.report()
    assert_named(report, (FindingCode.KEY_FINGERPRINT_MISMATCH, {"key": lihua}))
    finding, = (finding for finding in report.errors if finding.code == FindingCode.KEY_FINGERPRINT_MISMATCH)
    assert (finding.expected, finding.found) == (wangfang, lihua)


def test_a_swapped_certificate_with_every_checkpoint_resigned_is_named(scene: Scene) -> None:
    """The attack the audit found passing: a new key and certificate put in the administrator's row, its
    fingerprint updated, and every checkpoint signed again with the new key."""
    old = scene.fingerprint("admin")
    private_key, certificate = certificates.new_signing_key("admin", "昆明公证处",
                                                            datetime(2026, 1, 1, tzinfo=UTC))
    new = certificates.certificate_fingerprint(certificate)
    pem = certificates.certificate_pem(certificate).decode()
    statements: list[Statement] = [("UPDATE signing_key SET certificate_pem = :p, fingerprint = :n "
                                    "WHERE fingerprint = :o", {"p": pem, "n": new, "o": old})]
    with scene.store.database.session_scope() as session:
        for row in session.scalars(select(Checkpoint)):
            record = checkpoints.checkpoint_record(row.tree_size, row.root_sha256, row.signed_at, row.signer,
                                                   new)
            statements.append(("UPDATE checkpoint SET signature = :s WHERE id = :id",
                               {"s": signatures.sign(private_key, canonical_bytes(record)), "id": row.id}))
    scene.tamper(*statements)
    report = scene.report()
    assert_named(report, (FindingCode.KEY_NOT_IN_LEDGER, {"key": new}),
                 (FindingCode.KEY_MISSING, {"key": old}),
                 *[(FindingCode.CHECKPOINT_KEY_UNKNOWN, {"checkpoint": checkpoint})
                   for checkpoint in scene.checkpoint_ids])
    assert not _named(report, FindingCode.CHECKPOINT_SIGNATURE)  # the signatures themselves verify
    assert [status.signer_facts.signer_known for status in report.checkpoint_statuses] == [False] * 3


def test_checkpoints_resigned_by_a_key_logged_after_them_are_named(scene: Scene) -> None:
    """A second key put in for the administrator, its creation appended to the ledger through the
    ledger's own code, then every checkpoint signed again with it: every key, entry and node checks
    out, but the ledger's order shows the key came after what it signed."""
    private_key, certificate = certificates.new_signing_key("admin", "昆明公证处",
                                                            datetime(2026, 1, 1, tzinfo=UTC))
    new = certificates.certificate_fingerprint(certificate)
    statements: list[Statement] = []
    with scene.store.database.session_scope() as session:
        ledger.append(session, "admin", EventKind.KEY_CREATED, f"key:{new}", new)
        row = SigningKey(user_id=scene.user_id("admin"), fingerprint=new, chain_pem="", source="self-signed",
                         certificate_pem=certificates.certificate_pem(certificate).decode(),
                         encrypted_private_key=b"unused", created_at=datetime.now(UTC))
        session.add(row)
        session.flush()
        for checkpoint in session.scalars(select(Checkpoint)):
            record = checkpoints.checkpoint_record(checkpoint.tree_size, checkpoint.root_sha256,
                                                   checkpoint.signed_at, checkpoint.signer, new)
            statements.append(("UPDATE checkpoint SET key_id = :k, signature = :s WHERE id = :id",
                               {"k": row.id, "s": signatures.sign(private_key, canonical_bytes(record)),
                                "id": checkpoint.id}))
    scene.tamper(*statements)
    report = scene.report()
    assert_named(report, *[(FindingCode.SIGNED_BEFORE_KEY, {"checkpoint": checkpoint})
                           for checkpoint in scene.checkpoint_ids])
    assert _codes(report) == {"signed-before-key"}


def test_swapped_key_owners_are_both_named(scene: Scene) -> None:
    lihua, wangfang = scene.fingerprint("lihua"), scene.fingerprint("wangfang")
    scene.swap("signing_key", "fingerprint", lihua, wangfang, "user_id")
    assert_named(scene.report(), (FindingCode.KEY_OWNER_CHANGED, {"key": lihua, "user": "wangfang"}),
                 (FindingCode.KEY_OWNER_CHANGED, {"key": wangfang, "user": "lihua"}))


# --- users and roles --------------------------------------------------------------------------------
def test_a_role_granted_behind_the_apps_back_is_named(scene: Scene) -> None:
    scene.tamper(("INSERT INTO user_role (user_id, role) VALUES (:u, 'notary')",
                  {"u": scene.user_id("qian")}))
    report = scene.report()
    assert_named(report, (FindingCode.USER_RECORD_CHANGED, {"user": "qian"}))
    assert _codes(report) == {"user-record-changed"}


def test_an_idle_lock_loosened_behind_the_apps_back_is_named(scene: Scene) -> None:
    assert scene.report().clean  # the defaults, never changed: nothing to record
    with scene.store.database.session_scope() as session:
        office_settings.set_idle_lock_minutes(session, scene.actors["admin"], 10)
    assert scene.report().clean  # changed through the app: logged
    scene.tamper("UPDATE office SET idle_lock_minutes = 240 WHERE id = 1")
    report = scene.report()
    assert_named(report, (FindingCode.OFFICE_SETTINGS_CHANGED, {}))
    assert _codes(report) == {"office-settings-changed"}


def test_a_deleted_user_is_named(scene: Scene) -> None:
    scene.tamper(("DELETE FROM user_role WHERE user_id = :u", {"u": scene.user_id("qian")}),
                 ("DELETE FROM user_account WHERE id = :u", {"u": scene.user_id("qian")}))
    report = scene.report()
    assert_named(report, (FindingCode.USER_MISSING, {"user": "qian"}))
    assert _codes(report) == {"user-missing"}


def test_a_changed_user_is_named(scene: Scene) -> None:
    scene.tamper(("UPDATE user_account SET disabled = :d WHERE id = :u",
                  {"d": True, "u": scene.user_id("zhao")}),
                 ("DELETE FROM user_role WHERE user_id = :u", {"u": scene.user_id("wangfang")}))
    assert_named(scene.report(), (FindingCode.USER_RECORD_CHANGED, {"user": "zhao"}),
                 (FindingCode.USER_RECORD_CHANGED, {"user": "wangfang"}))


def test_swapped_roles_are_both_named(scene: Scene) -> None:
    zhao, qian = scene.user_id("zhao"), scene.user_id("qian")
    scene.tamper(("UPDATE user_role SET user_id = :to WHERE user_id = :fr AND role = 'mediator'",
                  {"to": qian, "fr": zhao}),
                 ("UPDATE user_role SET user_id = :to WHERE user_id = :fr AND role = 'clerk'",
                  {"to": zhao, "fr": qian}))
    assert_named(scene.report(), (FindingCode.USER_RECORD_CHANGED, {"user": "zhao"}),
                 (FindingCode.USER_RECORD_CHANGED, {"user": "qian"}))


def test_a_user_the_ledger_never_logged_is_named(scene: Scene) -> None:
    with scene.store.database.engine.connect() as connection:
        password_hash = connection.execute(select(User.password_hash).where(User.name == "qian")).scalar_one()
    scene.tamper(("INSERT INTO user_account (name, password_hash, disabled, failed_attempts, created_at, "
                  "password_changed_at) SELECT 'mallory', :h, disabled, 0, created_at, password_changed_at "
                  "FROM user_account WHERE name = 'qian'", {"h": password_hash}))
    assert_named(scene.report(), (FindingCode.USER_NOT_IN_LEDGER, {"user": "mallory"}))


# --- checkpoints ------------------------------------------------------------------------------------
def test_a_deleted_checkpoint_is_named(scene: Scene) -> None:
    removed = scene.checkpoint_ids[1]
    scene.tamper(("DELETE FROM checkpoint WHERE id = :id", {"id": removed}))
    report = scene.report()
    assert_named(report, (FindingCode.CHECKPOINT_MISSING, {"checkpoint": removed}))
    assert _codes(report) == {"checkpoint-missing"}


def test_a_changed_checkpoint_is_named(scene: Scene) -> None:
    changed = scene.checkpoint_ids[2]
    scene.tamper(("UPDATE checkpoint SET root_sha256 = :r WHERE id = :id", {"r": "0" * 64, "id": changed}))
    report = scene.report()
    assert_named(report, (FindingCode.CHECKPOINT_ROOT, {"checkpoint": changed}),
                 (FindingCode.CHECKPOINT_SIGNATURE, {"checkpoint": changed}))
    assert [status.bottom_line for status in report.checkpoint_statuses] == [True, True, False]


def test_swapped_checkpoint_signatures_are_both_named(scene: Scene) -> None:
    first, second = scene.checkpoint_ids[:2]
    scene.swap("checkpoint", "id", first, second, "signature")
    assert_named(scene.report(), (FindingCode.CHECKPOINT_SIGNATURE, {"checkpoint": first}),
                 (FindingCode.CHECKPOINT_SIGNATURE, {"checkpoint": second}))


# --- the ledger and its tree ------------------------------------------------------------------------
def test_a_deleted_ledger_entry_is_named(scene: Scene) -> None:
    seq = scene.entry(f"evidence:{scene.c.id}", "evidence.ingested")
    scene.tamper(("DELETE FROM ledger_entry WHERE seq = :s", {"s": seq}))
    report = scene.report()
    assert_named(report, (FindingCode.ENTRY_MISSING, {"seq": seq}), (FindingCode.ENTRIES_MISSING, {}),
                 (FindingCode.ITEM_NOT_IN_LEDGER, {"item": scene.c.id}))


def test_a_changed_ledger_entry_is_named_and_its_record_no_longer_matches(scene: Scene) -> None:
    seq = scene.entry(f"evidence:{scene.b.id}", "evidence.ingested")
    scene.tamper(("UPDATE ledger_entry SET actor = 'mallory' WHERE seq = :s", {"s": seq}))
    whole, scoped = scene.report(), scene.report(scene.case)
    assert_named(whole, (FindingCode.ENTRY_CHANGED, {"seq": seq}))
    assert _codes(whole) == {"entry-changed", "checkpoint-root"}  # the later checkpoints no longer match
    assert [(str(finding.code), finding.seq) for finding in scoped.errors] == [("entry-changed", seq)]
    for report in (whole, scoped):
        status = next(status for status in report.item_statuses if status.item == scene.b.id)
        assert not status.record_matches_ledger and status.verdict == ItemVerdict.FAILED


def test_swapped_ledger_entries_are_both_named(scene: Scene) -> None:
    first = scene.entry(f"evidence:{scene.a.id}", "evidence.ingested")
    second = scene.entry(f"evidence:{scene.b.id}", "evidence.ingested")
    scene.swap("ledger_entry", "seq", first, second, "subject")
    assert_named(scene.report(), (FindingCode.ENTRY_CHANGED, {"seq": first}),
                 (FindingCode.ENTRY_CHANGED, {"seq": second}),
                 (FindingCode.ITEM_RECORD_CHANGED, {"item": scene.a.id}),
                 (FindingCode.ITEM_RECORD_CHANGED, {"item": scene.b.id}))


def test_a_deleted_tree_node_is_named(scene: Scene) -> None:
    scene.tamper("DELETE FROM merkle_node WHERE level = 1 AND idx = 0",
                 "DELETE FROM merkle_node WHERE level = 0 AND idx = 5")
    assert_named(scene.report(), (FindingCode.NODE_MISSING, {"node": "1/0"}),
                 (FindingCode.NODE_MISSING, {"node": "0/5", "seq": 5}))


def test_a_changed_tree_node_is_named(scene: Scene) -> None:
    scene.tamper(("UPDATE merkle_node SET hash = :h WHERE level = 2 AND idx = 1", {"h": bytes(32)}))
    assert_named(scene.report(), (FindingCode.NODE_CHANGED, {"node": "2/1"}))


def test_swapped_leaves_are_both_named(scene: Scene) -> None:
    with scene.store.database.engine.connect() as connection:
        leaves = {index: digest for index, digest in connection.execute(
            text("SELECT idx, hash FROM merkle_node WHERE level = 0 AND idx IN (3, 4)"))}
    scene.tamper(*[("UPDATE merkle_node SET hash = :h WHERE level = 0 AND idx = :i",
                    {"h": leaves[other], "i": index}) for index, other in ((3, 4), (4, 3))])
    report = scene.report()
    assert_named(report, (FindingCode.ENTRY_CHANGED, {"seq": 3}), (FindingCode.ENTRY_CHANGED, {"seq": 4}))


def test_entries_cut_off_the_end_leave_nodes_that_are_named(scene: Scene) -> None:
    with scene.store.database.session_scope() as session:
        size = ledger.size(session)
    scene.tamper(("DELETE FROM ledger_entry WHERE seq >= :s", {"s": size - 2}),
                 ("UPDATE ledger_head SET size = :s", {"s": size - 2}))  # the sequencer put back too
    report = scene.report()
    assert_named(report, (FindingCode.NODE_BEYOND_LEDGER, {"node": f"0/{size - 2}"}))
    assert _codes(report) == {"node-beyond-ledger"}  # the checkpoints end before the cut


# --- results as data --------------------------------------------------------------------------------
def test_a_clean_store_gives_each_item_its_verdict(scene: Scene) -> None:
    report = scene.report()
    assert report.verdicts() == {scene.a.id: ItemVerdict.SEALED, scene.b.id: ItemVerdict.SEALED,
                                 scene.c.id: ItemVerdict.INTACT}
    first = report.item_statuses[0]
    assert all((first.blob_intact, first.sha256_ok, first.sm3_ok, first.in_ledger,
                first.record_matches_ledger, first.seals_complete))
    assert [(seal.signer, seal.valid, seal.certificate_sha256) for seal in first.seals] == [
        ("lihua", True, scene.fingerprint("lihua")), ("wangfang", True, scene.fingerprint("wangfang"))]
    assert [status.bottom_line for status in report.record_statuses] == [True, True]
    assert [status.checkpoint for status in report.checkpoint_statuses] == scene.checkpoint_ids
    assert (report.cases, report.keys, report.users) == (2, 4, 5)
    scoped = scene.report(scene.case)
    assert scoped.verdicts() == report.verdicts() and scoped.checkpoint_statuses == ()


def test_report_as_data_only_gains_keys(scene: Scene) -> None:
    scene.tamper(("UPDATE evidence_item SET note = 'x' WHERE id = :id", {"id": scene.c.id}))
    data = json.loads(json.dumps(scene.report().to_dict()))
    assert {"clean", "case", "entries", "nodes", "checkpoints", "items", "blobs", "bytes", "seals",
            "preservation_records", "findings"} <= set(data)
    finding = data["findings"][0]
    assert {"code", "severity", "message", "seq", "checkpoint", "item", "name", "record", "expected",
            "found"} <= set(finding)
    assert (finding["code"], finding["severity"], finding["item"], finding["label"]) == (
        "item-record-changed", "error", scene.c.id, "An evidence item's record was changed")
    items = {status["item"]: status for status in data["statuses"]["items"]}
    assert items[scene.c.id]["verdict"] == "failed" and items[scene.a.id]["verdict"] == "sealed"
    assert items[scene.a.id]["seals"][1]["signer"] == "wangfang"
    assert len(data["statuses"]["preservation_records"]) == 2 and len(data["statuses"]["checkpoints"]) == 3


def test_a_changed_file_says_which_digest_differs(scene: Scene) -> None:
    blob = scene.store.vault.path(scene.c.sha256)
    blob.chmod(0o600)  # the vault keeps blobs read-only
    original = blob.read_bytes()
    blob.write_bytes(bytes([original[0] ^ 1]) + original[1:])  # the same size
    changed = [finding for finding in scene.report().errors if finding.code == FindingCode.BLOB_CHANGED]
    assert {(finding.item, finding.differs) for finding in changed} == {(scene.c.id, "sha256"),
                                                                        (scene.c.id, "sm3")}
    sm3 = next(finding for finding in changed if finding.differs == "sm3")
    assert sm3.expected == scene.c.sm3 and "SM3" in sm3.message
    blob.write_bytes(original[:-1])
    data = json.loads(json.dumps(scene.report().to_dict()))
    differs = [finding["differs"] for finding in data["findings"] if finding["code"] == "blob-changed"]
    assert sorted(differs) == ["sha256", "size", "sm3"]


def test_a_report_says_who_checked_when_and_what(scene: Scene, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    before = datetime.now(UTC)
    with scene.store.database.session_scope() as session:
        whole = verify_store(session, scene.store.vault, checked_by="lihua").to_dict()
        scoped = verify_store(session, scene.store.vault, scene.case, checked_by="wangfang").to_dict()
    for data, scope, user in ((whole, "store", "lihua"), (scoped, "case", "wangfang")):
        assert (data["scope"], data["checked_by"]) == (scope, user)
        assert before <= parse_time(str(data["checked_at"])) <= datetime.now(UTC)
    assert scoped["case"] == scene.case and whole["case"] is None
    point_cli_at(monkeypatch, scene.store)
    assert run(["verify", "--case", scene.case, "--json"]) == EXIT_OK
    printed = json.loads(capsys.readouterr().out)
    assert (printed["scope"], printed["case"]) == ("case", scene.case)
    assert printed["checked_by"] == getpass.getuser()
    assert before <= parse_time(printed["checked_at"]) <= datetime.now(UTC)


def test_codes_and_severities_are_typed_with_labels() -> None:
    assert FindingCode("entry-changed") is FindingCode.ENTRY_CHANGED and Severity("notice") is Severity.NOTICE
    assert all(code.label and code.value == str(code) for code in FindingCode)
    assert len({code.label for code in FindingCode}) == len(FindingCode)


def test_the_findings_table_shows_each_code_in_words(qtbot: QtBot) -> None:
    from desktop.ui.framework.i18n import label
    from desktop.ui.verification.report import CODE, WHAT, FindingsTable

    table = FindingsTable()
    qtbot.addWidget(table)
    report = Report(1, 0, 0, (Finding(FindingCode.KEY_REVOCATION_UNDONE, "signing key 4 (zhao, ab): …",
                                      key="ab" * 32, user="zhao"),
                              Finding(FindingCode.REVOKED_AFTER_SEAL, "…", item=3, severity=Severity.NOTICE)))
    table.show_report(report)
    assert [table.item(row, CODE).text() for row in range(2)] == ["key-revocation-undone",
                                                                   "revoked-after-seal"]
    assert table.item(0, WHAT).text() == label(FindingCode.KEY_REVOCATION_UNDONE) == (
        "A key the ledger records as revoked is marked usable again")

