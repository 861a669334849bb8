"""Batch intake on SQLite and PostgreSQL: group commit keeps only whole items (blob, item row, ledger
entry, seal) through a cancel, a kill -9 and a failure of one file; nothing is recorded after a sign-out;
folders linked to themselves are walked once; items keep the batch's order with large files hashed side
by side."""

from __future__ import annotations

import hashlib
import random
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select, text

from db.models import Blob, EvidenceItem, EvidenceSeal, LedgerEntry
from desktop.config import Settings
from desktop.core.cases import matters as cases
from desktop.core.errors import IntegrityError
from desktop.core.evidence import intake
from desktop.core.evidence.items import get_record, subject
from desktop.core.integrity.canonical import record_digest
from desktop.core.integrity.digests import CHUNK_BYTES
from desktop.core.office import office
from desktop.core.storage.store import OpenStore, open_store
from desktop.core.trust import ledger, passwords, signing_keys, users
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Role
from desktop.core.trust.pki import key_files
from desktop.core.trust.sign_in import SignedInUser, sign_in_user, sign_out_user
from desktop.core.verification.store import verify_store
from tests.processes import kill_after_start

ADMIN_PASSWORD = "admin-password-1"
NOTARY_PASSWORD = "notary-password-1"
SIGNED_OUT = "has signed out: nothing more is recorded for that sign-in"


@pytest.fixture
def cheap_key_derivation(monkeypatch: pytest.MonkeyPatch) -> None:
    """Real argon2id and scrypt at their lowest costs (the parameters travel in each hash and key file,
    so a child process unlocks them as cheaply)."""
    cheap = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)
    monkeypatch.setattr(passwords, "_HASHER", cheap)
    monkeypatch.setattr(key_files, "SCRYPT_N", 2**10)


@dataclass(frozen=True, slots=True)
class Desk:
    """A store with an office, a notary with a signing key, and one case."""

    store: OpenStore
    settings: Settings
    notary: SignedInUser
    case: str

    def ingest(self, *paths: Path, **options: object) -> intake.IngestReport:
        return intake.ingest_files(self.store.database, self.store.vault, self.notary.actor, self.case,
                                   list(paths), **options)  # type: ignore[arg-type]


@pytest.fixture
def desk(store: OpenStore, settings: Settings, cheap_key_derivation: None) -> Desk:
    with store.database.session_scope() as session:
        office.create_office(session, "昆明公证处", "云知调")
        admin = users.create_first_admin(session, "admin", ADMIN_PASSWORD, "张伟")
        users.add_user(session, admin, "lihua", frozenset({Role.NOTARY}), NOTARY_PASSWORD, "李华")
    actor = users.sign_in(store.database, "lihua", NOTARY_PASSWORD)
    with store.database.session_scope() as session:
        signing_keys.new_key(session, actor, NOTARY_PASSWORD)
        case = cases.open_case(session, actor, "copyright", "某图片著作权纠纷").number
    return Desk(store, settings, sign_in_user(store.database, "lihua", NOTARY_PASSWORD), case)


def _small_files(folder: Path, count: int, size: int = 2000, seed: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for index in range(count):
        path = folder / f"证据-{index:03d}.bin"
        path.write_bytes(rng.randbytes(size))
        paths.append(path)
    return paths


def _assert_only_whole_items(store: OpenStore, sealed: bool = False) -> int:
    """Every item row has its durable blob, its blob row, its ingest entry naming its record's digest
    (and its seal when sealing was asked); the store verifies with no error. Returns the item count."""
    with store.database.session_scope() as session:
        rows = list(session.scalars(select(EvidenceItem).order_by(EvidenceItem.id)))
        ingested = {entry.subject: entry.subject_sha256 for entry in session.scalars(
            select(LedgerEntry).where(LedgerEntry.kind == EventKind.EVIDENCE_INGESTED))}
        sealed_items = set(session.scalars(select(EvidenceSeal.item_id)))
        for row in rows:
            assert store.vault.path(row.blob_sha256).stat().st_size == row.size
            assert session.get(Blob, row.blob_sha256) is not None
            assert ingested.get(subject(row.id)) == row.record_sha256 == record_digest(
                get_record(session, row.id))
            assert (row.id in sealed_items) == sealed, row.id
        assert len(ingested) == len(rows), "a ledger entry announces an item that is not there"
        report = verify_store(session, store.vault)
    assert not report.errors, [finding.message for finding in report.errors]
    return len(rows)


# --- folders linked to themselves ------------------------------------------------------------------
@pytest.mark.timeout(60)
def test_a_folder_linked_to_itself_is_walked_once(desk: Desk, tmp_path: Path) -> None:
    folder = tmp_path / "d"
    _small_files(folder, 3)
    (folder / "self").symlink_to(".")  # ln -s . d/self: walked 41 times before (until ELOOP)
    report = desk.ingest(folder)
    assert not report.failures
    assert [item.name for item in report.items] == ["证据-000.bin", "证据-001.bin", "证据-002.bin"]


@pytest.mark.timeout(60)
def test_two_links_to_themselves_finish(desk: Desk, tmp_path: Path) -> None:
    folder = tmp_path / "d"
    _small_files(folder / "sub", 2)
    (folder / "self").symlink_to(".")
    (folder / "sub" / "up").symlink_to("..")  # two loops: before, 2**40 paths to walk
    (folder / "sub-again").symlink_to("sub")  # the same real folder under another name
    report = desk.ingest(folder, folder / "sub")  # named twice: still walked once
    assert not report.failures
    assert [item.name for item in report.items] == ["证据-000.bin", "证据-001.bin"]


def test_a_file_reached_by_two_paths_is_taken_in_once_per_path(desk: Desk, tmp_path: Path) -> None:
    folder = tmp_path / "d"
    (original,) = _small_files(folder, 1)
    (folder / "链接.bin").symlink_to(original.name)
    report = desk.ingest(folder)
    assert not report.failures
    assert [item.name for item in report.items] == ["证据-000.bin", "链接.bin"]
    assert len({item.sha256 for item in report.items}) == 1
    assert len(list(desk.store.vault.digests())) == 1  # the bytes are kept once


# --- group commit -----------------------------------------------------------------------------------
def test_a_batch_is_recorded_in_its_order_and_sealed(desk: Desk, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(intake, "GROUP_FILES", 7)  # several groups
    files = _small_files(tmp_path / "in", 30)
    rng = random.Random(3)
    large = []
    for index in range(3):  # more than a chunk: read and hashed on workers, side by side
        path = tmp_path / "in" / f"录像-{index}.bin"
        path.write_bytes(rng.randbytes(CHUNK_BYTES + 1000 * index + 1))
        large.append(path)
    batch = [large[0], *files[:10], large[1], *files[10:], large[2]]
    report = desk.ingest(*batch, seal_with=desk.notary.key)
    assert not report.failures and not report.cancelled
    assert [item.name for item in report.items] == [path.name for path in batch]
    assert [item.id for item in report.items] == sorted(item.id for item in report.items)
    for item, path in zip(report.items, batch, strict=True):
        data = path.read_bytes()
        assert item.sha256 == hashlib.sha256(data).hexdigest()
        assert item.sm3 == hashlib.new("sm3", data).hexdigest()
        assert [seal.signer for seal in item.seals] == ["lihua"]
    assert _assert_only_whole_items(desk.store, sealed=True) == len(batch)


def test_cancel_mid_batch_keeps_only_whole_items(desk: Desk, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(intake, "GROUP_FILES", 8)
    files = _small_files(tmp_path / "in", 40)
    started: list[int] = []

    def file_progress(index: int, count: int, name: str, done: int, size: int) -> None:
        if done == 0:
            started.append(index)

    report = desk.ingest(*files, seal_with=desk.notary.key, file_progress=file_progress,
                         cancelled=lambda: len(started) > 25)
    assert report.cancelled and not report.failures
    kept = [item.name for item in report.items]
    assert 0 < len(kept) < 40
    assert kept == [path.name for path in files[:len(kept)]]  # a prefix: whole items, in order
    assert _assert_only_whole_items(desk.store, sealed=True) == len(kept)
    assert not list(desk.store.vault.temp.iterdir())


def test_a_file_that_cannot_be_read_loses_no_other(desk: Desk, tmp_path: Path) -> None:
    files = _small_files(tmp_path / "in", 20)

    def file_progress(index: int, count: int, name: str, done: int, size: int) -> None:
        if index == 9 and done == 0:
            files[10].unlink()  # gone between the listing and its turn

    report = desk.ingest(*files, file_progress=file_progress)
    assert [(Path(failure.path).name, failure.message) for failure in report.failures] == [
        (files[10].name, "No such file or directory")]
    assert [item.name for item in report.items] == [path.name for path in files if path != files[10]]
    assert _assert_only_whole_items(desk.store) == 19


def _refuse_one_name(store: OpenStore, name: str) -> None:
    """A trigger that refuses one item row: a database failure of one file's record."""
    with store.database.engine.begin() as connection:
        if store.database.kind == "postgresql":
            connection.execute(text(
                "CREATE FUNCTION refuse_one() RETURNS trigger AS $$ BEGIN "
                f"IF NEW.original_name = '{name}' THEN RAISE EXCEPTION 'refused by a test trigger'; END IF; "
                "RETURN NEW; END $$ LANGUAGE plpgsql"))
            connection.execute(text("CREATE TRIGGER refuse_one BEFORE INSERT ON evidence_item "
                                    "FOR EACH ROW EXECUTE FUNCTION refuse_one()"))
        else:
            connection.execute(text(
                "CREATE TRIGGER refuse_one BEFORE INSERT ON evidence_item "
                f"WHEN NEW.original_name = '{name}' "
                "BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END"))


def test_a_record_the_database_refuses_loses_no_other(desk: Desk, tmp_path: Path) -> None:
    files = _small_files(tmp_path / "in", 20)
    _refuse_one_name(desk.store, files[7].name)
    report = desk.ingest(*files, seal_with=desk.notary.key)
    ((failed, message),) = [(failure.path, failure.message) for failure in report.failures]
    assert failed == str(files[7])
    assert message.startswith(f"The database refused the record of “{files[7].name}” (")
    assert "refused by a test trigger" in message
    assert [item.name for item in report.items] == [path.name for path in files if path != files[7]]
    assert _assert_only_whole_items(desk.store, sealed=True) == 19


# --- sign-out ---------------------------------------------------------------------------------------
def _sign_out_entry(store: OpenStore) -> int:
    with store.database.session_scope() as session:
        (seq,) = session.scalars(select(LedgerEntry.seq).where(LedgerEntry.kind == EventKind.SIGN_OUT))
        return seq


def _assert_nothing_after(store: OpenStore, sign_out: int) -> None:
    with store.database.session_scope() as session:
        after = list(session.scalars(select(LedgerEntry.kind).where(LedgerEntry.seq > sign_out)))
    assert after == [], f"recorded after the sign-out: {after}"


def test_a_sign_out_from_another_thread_stops_the_batch(desk: Desk, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(intake, "GROUP_FILES", 4)
    files = _small_files(tmp_path / "in", 40)

    def file_progress(index: int, count: int, name: str, done: int, size: int) -> None:
        if index == 20 and done == 0:  # as the window's close button would, on the GUI thread
            signing_out = threading.Thread(target=sign_out_user, args=(desk.store.database, desk.notary))
            signing_out.start()
            signing_out.join()

    # Not sealing: sealing checked the sign-in already (seals.seal_rows); plain ingest did not.
    report = desk.ingest(*files, file_progress=file_progress)
    kept = [item.name for item in report.items]
    assert kept == [path.name for path in files[:len(kept)]] and len(kept) <= 20
    assert [failure.path for failure in report.failures] == [str(path) for path in files[len(kept):]]
    assert all(SIGNED_OUT in failure.message for failure in report.failures)
    _assert_nothing_after(desk.store, _sign_out_entry(desk.store))
    assert _assert_only_whole_items(desk.store) == len(kept)


def test_a_sign_out_while_the_batch_waits_for_the_ledger_records_nothing(
        desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check runs inside the recording transaction, after the ledger's lock: a sign-out that holds
    the lock while the batch is ready to record is seen, though every earlier check passed."""
    monkeypatch.setattr(intake, "GROUP_SECONDS", 600.0)  # one group, recorded at the end
    files = _small_files(tmp_path / "in", 12)
    locked = threading.Event()
    actor = desk.notary.actor

    def sign_out_slowly() -> None:  # sign_out_user's steps, with time to spare under the lock
        with desk.store.database.session_scope() as session:
            ledger.lock(session)
            locked.set()
            ledger.append(session, actor.name, EventKind.SIGN_OUT, f"user:{actor.name}")
            time.sleep(1.0)  # the batch is now waiting for the lock
            actor.sign_in.end()

    signing_out = threading.Thread(target=sign_out_slowly)

    def file_progress(index: int, count: int, name: str, done: int, size: int) -> None:
        if index == len(files) - 1 and done == size and not signing_out.is_alive() and not locked.is_set():
            signing_out.start()
            locked.wait()

    report = desk.ingest(*files, file_progress=file_progress)
    signing_out.join()
    assert locked.is_set() and report.items == ()
    assert [failure.path for failure in report.failures] == [str(path) for path in files]
    assert all(SIGNED_OUT in failure.message for failure in report.failures)
    _assert_nothing_after(desk.store, _sign_out_entry(desk.store))
    assert _assert_only_whole_items(desk.store) == 0


# --- kill -9 ----------------------------------------------------------------------------------------
# A child signs the notary in, unlocks the key and ingests the folder with --seal semantics, printing
# "reading" once the first file is read. argv: data dir, database URL or "", case, folder, password.
CHILD = """
import sys
from pathlib import Path
from desktop.config import Settings
from desktop.core.evidence import intake
from desktop.core.storage.store import open_store
from desktop.core.trust.sign_in import sign_in_user

data_dir, url, case, folder = sys.argv[1:5]  # and the password
store = open_store(Settings(data_dir=Path(data_dir), database_url=url or None, lang=None))
user = sign_in_user(store.database, "lihua", sys.argv[5])
said = []

def file_progress(index, count, name, done, size):
    if done and not said:
        print("reading", flush=True)
        said.append(True)

report = intake.ingest_files(store.database, store.vault, user.actor, case, [Path(folder)],
                             seal_with=user.key, file_progress=file_progress)
print(len(report.items), flush=True)
"""


def test_kill_9_mid_batch_keeps_only_whole_items(desk: Desk, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    for round_number, delay in enumerate([0.05, rng.uniform(0.1, 0.6), rng.uniform(0.3, 1.2)]):
        _small_files(folder, 300, size=4000, seed=round_number)  # new bytes each round
        kill_after_start([sys.executable, "-c", CHILD, str(desk.settings.data_dir),
                          desk.settings.database_url or "", desk.case, str(folder), NOTARY_PASSWORD], delay)
        reopened = open_store(desk.settings)  # as the next start would: removes stale temp files
        try:
            assert not list(reopened.vault.temp.iterdir()), f"seed {seed}, round {round_number}"
            _assert_only_whole_items(reopened, sealed=True)
        finally:
            reopened.close()


# --- the ledger under a batch -----------------------------------------------------------------------
def test_a_ledger_out_of_step_stops_the_batch_with_an_integrity_error(desk: Desk, tmp_path: Path) -> None:
    files = _small_files(tmp_path / "in", 3)
    with desk.store.database.engine.begin() as connection:
        connection.execute(text("UPDATE ledger_head SET size = size + 1"))  # a lost entry
    report = desk.ingest(*files)
    assert report.items == () and len(report.failures) == 3
    assert all(isinstance(failure.error, IntegrityError) for failure in report.failures)
    assert all("The ledger is out of step" in failure.message for failure in report.failures)
    with desk.store.database.session_scope() as session:
        assert session.scalar(select(func.count()).select_from(EvidenceItem)) == 0

