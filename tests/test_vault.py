"""The vault under bad input and bad luck, through ``ingest_files`` and ``LocalVault`` on SQLite: duplicate
and empty files, odd names, unreadable files, files changing while read, a full disk, kill -9 at random
moments, flat memory on a sparse 2 GiB file (10 GiB under ``make test-slow``), cancel, names made
durable in a batch. Where the failure needs its own process (resource limits, dropped privileges, a kill)
the ingest runs in a child and reports back as JSON."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.models import Blob, EvidenceItem
from desktop.config import Settings
from desktop.core.cases import matters as cases
from desktop.core.errors import Cancelled, InvalidInput
from desktop.core.evidence import intake
from desktop.core.evidence import items as evidence_items
from desktop.core.integrity.digests import CHUNK_BYTES
from desktop.core.office import office
from desktop.core.storage.datafolder import DATABASE_FILE_NAME
from desktop.core.storage.store import OpenStore, open_store
from desktop.core.storage.vault import local as vault_local
from desktop.core.storage.vault.local import LocalVault
from desktop.core.trust import users
from desktop.core.trust.permissions import Actor, Role
from desktop.core.verification.store import verify_store
from tests.processes import kill_after_start

ADMIN_PASSWORD = "admin-password-1"
NOTARY_PASSWORD = "notary-password-1"
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
# Both digests of 2 GiB and of 10 GiB of zero bytes, computed once with hashlib over a zero buffer.
TWO_GIB = 2 << 30
TWO_GIB_ZEROS_SHA256 = "a7c744c13cc101ed66c29f672f92455547889cc586ce6d44fe76ae824958ea51"
TWO_GIB_ZEROS_SM3 = "ab3d695ded28b57b46b5eadd91ffd8a8b766eb5a82ba06be7ad077aad14261ea"
TEN_GIB = 10 << 30
TEN_GIB_ZEROS_SHA256 = "732377e7f4a2abdc13ddfa1eb4c9c497fd2a2b294674d056cf51581b47dd586d"
TEN_GIB_ZEROS_SM3 = "2f0a532d22f018094f352d5665170674bfbc32c2ec10295cc86df2eaaf4d10ed"
MEMORY_LIMIT_BYTES = 200 * 1000 * 1000


@dataclass(frozen=True, slots=True)
class Desk:
    """A SQLite store with an office, a notary (who ingests) and one case."""

    store: OpenStore
    settings: Settings
    notary: Actor
    case: str

    @property
    def vault(self) -> LocalVault:
        return self.store.vault

    def ingest(self, *paths: Path, **options: object) -> intake.IngestReport:
        return intake.ingest_files(self.store.database, self.vault, self.notary, self.case, list(paths),
                                     **options)  # type: ignore[arg-type]


@pytest.fixture
def desk(sqlite_store: OpenStore, data_dir: Path) -> Desk:
    with sqlite_store.database.session_scope() as session:
        office.create_office(session, "昆明公证处", "云知调")
        admin = users.create_first_admin(session, "admin", ADMIN_PASSWORD, "张伟")
        users.add_user(session, admin, "lihua", frozenset({Role.NOTARY}), NOTARY_PASSWORD, "李华")
    notary = users.sign_in(sqlite_store.database, "lihua", NOTARY_PASSWORD)
    with sqlite_store.database.session_scope() as session:
        case = cases.open_case(session, notary, "copyright", "某视频著作权纠纷").number
    return Desk(sqlite_store, Settings(data_dir=data_dir, database_url=None, lang=None), notary, case)


def _counts(store: OpenStore) -> tuple[int, int]:
    """(evidence items, blob rows) in the database."""
    with store.database.session_scope() as session:
        return (session.scalar(select(func.count()).select_from(EvidenceItem)) or 0,
                session.scalar(select(func.count()).select_from(Blob)) or 0)


def _temp_files(vault: LocalVault) -> list[Path]:
    return sorted(vault.temp.iterdir()) if vault.temp.is_dir() else []


def _assert_verifies(store: OpenStore) -> None:
    with store.database.session_scope() as session:
        report = verify_store(session, store.vault)
    assert not report.errors, [finding.message for finding in report.errors]


def _assert_every_item_has_its_blob(store: OpenStore) -> None:
    with store.database.session_scope() as session:
        for item in session.scalars(select(EvidenceItem)):
            assert store.vault.exists(item.blob_sha256), f"item {item.id} has no blob"
            assert store.vault.path(item.blob_sha256).stat().st_size == item.size
            assert session.get(Blob, item.blob_sha256) is not None


def _random_file(path: Path, size: int, seed: int = 0) -> Path:
    path.write_bytes(random.Random(seed).randbytes(size))
    return path


# --- children ---------------------------------------------------------------------------------------
# A child opens the store, signs the notary in, optionally runs ``BEFORE``, then ingests the paths given
# and prints the report as JSON. argv: data dir, user, password, case, extra (JSON), paths...
CHILD = """
import json, os, resource, sys
from pathlib import Path
from desktop.config import Settings
from desktop.core.evidence import intake
from desktop.core.evidence import items as evidence_items
from desktop.core.trust import users
from desktop.core.storage.store import open_store

data_dir, user, password, case, extra = sys.argv[1:6]
extra = json.loads(extra)
paths = [Path(p) for p in sys.argv[6:]]
store = open_store(Settings(data_dir=Path(data_dir), database_url=None, lang=None))
actor = users.sign_in(store.database, user, password)
if "probe_unreadable" in extra:
    try:
        open(extra["probe_unreadable"], "rb").close()
    except PermissionError:
        pass
    else:
        print(json.dumps({"probe": "readable"}))
        sys.exit(3)
if "file_size_limit" in extra:
    resource.setrlimit(resource.RLIMIT_FSIZE, (extra["file_size_limit"], resource.RLIM_INFINITY))
def memory():
    status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
    return {key: int(status[key].split()[0]) for key in ("VmRSS", "VmHWM")}  # KiB

before = memory()
try:  # reset the peak, so what follows measures the ingest alone (Linux: clear_refs 5)
    Path("/proc/self/clear_refs").write_text("5")
    reset = True
except OSError:
    reset = False
said = False

def file_progress(index, count, name, done, size):
    global said
    if done and not said:
        print("reading", flush=True)  # the parent may kill us from now on
        said = True

report = intake.ingest_files(store.database, store.vault, actor, case, paths, file_progress=file_progress)
after = memory()
print(json.dumps({"items": [[item.name, item.size, item.sha256, item.sm3] for item in report.items],
                  "failures": [[failure.path, failure.message] for failure in report.failures],
                  "rss_before_kib": before["VmRSS"], "peak_before_kib": before["VmHWM"],
                  "peak_kib": max(before["VmHWM"], after["VmHWM"]),
                  "ingest_peak_kib": after["VmHWM"] if reset else None}), flush=True)
store.close()
"""


def _child_command(desk: Desk, paths: list[Path], **extra: object) -> list[str]:
    return [sys.executable, "-c", CHILD, str(desk.settings.data_dir), "lihua", NOTARY_PASSWORD, desk.case,
            json.dumps(extra), *map(str, paths)]


def _run_child(command: list[str], timeout: float = 120) -> dict[str, object]:
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    lines = done.stdout.strip().splitlines()
    if done.returncode not in (0, 3) or not lines:
        raise AssertionError(f"child failed ({done.returncode}): {done.stderr}")
    return dict(json.loads(lines[-1]))


# --- duplicates, empty files, names ---------------------------------------------------------------
def test_same_content_twice_is_one_blob_and_two_items(desk: Desk, tmp_path: Path) -> None:
    data = random.Random(1).randbytes(CHUNK_BYTES + 12345)  # more than one chunk: the SM3 thread runs
    first = tmp_path / "in" / "原件.mp4"
    first.parent.mkdir()
    first.write_bytes(data)
    second = shutil.copy(first, tmp_path / "in" / "副本.mp4")
    report = desk.ingest(first, Path(second))
    again = desk.ingest(first)
    items = [*report.items, *again.items]
    assert not report.failures and not again.failures and len(items) == 3
    assert {item.sha256 for item in items} == {hashlib.sha256(data).hexdigest()}
    assert {item.sm3 for item in items} == {hashlib.new("sm3", data).hexdigest()}
    assert [item.name for item in items] == ["原件.mp4", "副本.mp4", "原件.mp4"]
    assert list(desk.vault.digests()) == [items[0].sha256]
    assert desk.vault.path(items[0].sha256).read_bytes() == data
    assert _counts(desk.store) == (3, 1)
    assert _temp_files(desk.vault) == []
    _assert_verifies(desk.store)


def test_empty_file_is_taken_in_and_recorded(desk: Desk, tmp_path: Path) -> None:
    empty = tmp_path / "空白.txt"
    empty.touch()
    report = desk.ingest(empty)
    assert not report.failures
    (item,) = report.items
    assert (item.size, item.sha256, item.sm3, item.mime_type) == (
        0, EMPTY_SHA256, hashlib.new("sm3", b"").hexdigest(), "application/x-empty")
    assert desk.vault.path(EMPTY_SHA256).stat().st_size == 0
    with desk.store.database.session_scope() as session:
        assert evidence_items.get_record(session, item.id)["size"] == 0
    _assert_verifies(desk.store)


def test_names_with_odd_unicode_and_newlines(desk: Desk, tmp_path: Path) -> None:
    folder = tmp_path / "odd"
    folder.mkdir()
    names = {  # name on disk -> name recorded
        "证据\n第二行.txt": "证据\n第二行.txt",
        "tab\there\r.txt": "tab\there\r.txt",
        "e\u0301 combining.txt": "e\u0301 combining.txt",  # decomposed: kept as given, not normalised
        "\u202eright-to-left\u202c.txt": "\u202eright-to-left\u202c.txt",
        "📷 photo 🇨🇳.txt": "📷 photo 🇨🇳.txt",
        " leading and trailing ": " leading and trailing ",
        os.fsdecode(b"latin1-\xe9\xff.txt"): "latin1-\\xe9\\xff.txt",  # not UTF-8: the bytes stay visible
    }
    for index, name in enumerate(names):
        (folder / name).write_bytes(f"file {index}\n".encode())
    report = desk.ingest(folder)
    assert not report.failures
    assert sorted(item.name for item in report.items) == sorted(names.values())
    with desk.store.database.session_scope() as session:
        recorded = {str(evidence_items.get_record(session, item.id)["name"]) for item in report.items}
    assert recorded == set(names.values())
    _assert_verifies(desk.store)


# --- unreadable and missing files -------------------------------------------------------------------
def test_a_folder_with_an_unreadable_file_goes_on_and_reports_it(desk: Desk, tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"first")
    locked = folder / "b-locked.txt"
    locked.write_bytes(b"no access")
    locked.chmod(0o000)
    (folder / "c.txt").write_bytes(b"third")
    command = _child_command(desk, [folder, tmp_path / "missing.txt"], probe_unreadable=str(locked))
    if os.geteuid() == 0:
        # Root reads a mode-000 file through CAP_DAC_OVERRIDE; the child runs as root without it (and
        # without CAP_DAC_READ_SEARCH), so the permission bits apply to it as to any user.
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root and setpriv (util-linux) is missing: a mode-000 file stays "
                        "readable, so an unreadable file cannot be made")
        command = [setpriv, "--bounding-set=-dac_override,-dac_read_search", "--", *command]
    result = _run_child(command)
    if result.get("probe") == "readable":
        pytest.skip("the child can still read a mode-000 file (capabilities could not be dropped here)")
    assert [item[0] for item in result["items"]] == ["a.txt", "c.txt"]  # type: ignore[union-attr]
    assert sorted(result["failures"]) == [  # type: ignore[type-var]
        [str(folder / "b-locked.txt"), "Permission denied"],
        [str(tmp_path / "missing.txt"), "no such file or folder"]]
    assert _counts(desk.store) == (2, 2)
    assert _temp_files(desk.vault) == []
    _assert_verifies(desk.store)


# --- a file changing while it is read ---------------------------------------------------------------
@pytest.mark.parametrize("change", ["append", "overwrite in place"])
def test_a_file_changing_while_read_is_refused(desk: Desk, tmp_path: Path, change: str) -> None:
    path = _random_file(tmp_path / "growing.log", 5 * CHUNK_BYTES)
    changed = []

    def file_progress(index: int, count: int, name: str, done: int, size: int) -> None:
        if done and not changed:  # after the first chunk: another program writes to the file
            if change == "append":
                with path.open("ab") as out:
                    out.write(b"one more line\n")
            else:
                time.sleep(0.02)  # past the file system's timestamp granularity
                with path.open("r+b") as out:
                    out.seek(3 * CHUNK_BYTES)
                    out.write(b"X" * 100)  # same size, other bytes: only the mtime tells
            changed.append(done)

    report = desk.ingest(path, file_progress=file_progress)
    assert changed and not report.items
    ((failed, message),) = [(failure.path, failure.message) for failure in report.failures]
    assert failed == str(path)
    assert "changed while it was being read; nothing was stored" in message
    assert list(desk.vault.digests()) == [] and _temp_files(desk.vault) == []
    assert _counts(desk.store) == (0, 0)


def test_refusal_by_the_accept_hook_leaves_nothing(tmp_path: Path) -> None:
    vault = LocalVault(tmp_path / "vault")
    source = _random_file(tmp_path / "source.bin", 3 * CHUNK_BYTES + 1)

    def refuse(digests: object) -> None:
        raise InvalidInput("changed while it was being read")

    with source.open("rb") as handle, pytest.raises(InvalidInput):
        vault.store(handle, lambda _done: None, accept=refuse)
    assert list(vault.digests()) == [] and _temp_files(vault) == []


# --- disk full --------------------------------------------------------------------------------------
def test_disk_full_is_a_clear_message_and_leaves_nothing_partial(desk: Desk, tmp_path: Path) -> None:
    # RLIMIT_FSIZE in the child: a write past it fails with EFBIG (Python ignores SIGXFSZ), as on a full
    # disk. The limit is above the database's size and deliberately not a multiple of the block size.
    limit = 16 * 1024 * 1024 + 1000
    assert (desk.settings.data_dir / DATABASE_FILE_NAME).stat().st_size < limit // 4
    small = _random_file(tmp_path / "a-small.bin", 100_000, seed=1)
    large = _random_file(tmp_path / "b-large.bin", 8 * CHUNK_BYTES, seed=2)
    after = _random_file(tmp_path / "c-after.bin", 200_000, seed=3)
    result = _run_child(_child_command(desk, [small, large, after], file_size_limit=limit))
    assert [item[0] for item in result["items"]] == ["a-small.bin", "c-after.bin"]  # type: ignore[union-attr]
    ((failed, message),) = result["failures"]  # type: ignore[misc]
    assert failed == str(large)
    assert message.startswith("The vault has no room for this file (File too large). Nothing was stored")
    assert _temp_files(desk.vault) == []
    assert len(list(desk.vault.digests())) == 2
    assert _counts(desk.store) == (2, 2)
    _assert_verifies(desk.store)


# --- crash safety -----------------------------------------------------------------------------------
def test_kill_9_at_random_moments_leaves_a_store_that_verifies(desk: Desk, tmp_path: Path) -> None:
    size = 256 * 1024 * 1024
    source = _random_file(tmp_path / "large.bin", 16 * 1024 * 1024, seed=4)
    with source.open("r+b") as out:
        out.truncate(size)  # the rest is a hole: kills land in writes and in skipped zero chunks alike
        out.seek(size - 1000)
        out.write(random.Random(5).randbytes(1000))
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    delays = [0.05, *(rng.uniform(0.0, 0.8) for _ in range(4))]  # the first surely lands mid-file
    stale_found = []
    for round_number, delay in enumerate(delays):
        with source.open("r+b") as out:
            out.write(round_number.to_bytes(8, "big"))  # new content each round: a new blob
        kill_after_start(_child_command(desk, [source]), delay)
        stale_found.append(len(_temp_files(desk.vault)))
        reopened = open_store(desk.settings)  # as the next start would: removes stale temp files
        try:
            assert _temp_files(reopened.vault) == [], f"seed {seed}, round {round_number}"
            _assert_every_item_has_its_blob(reopened)
            _assert_verifies(reopened)
        finally:
            reopened.close()
    assert stale_found[0] == 1, f"the first kill should have found a temp file (seed {seed})"


# --- memory -----------------------------------------------------------------------------------------
def _assert_memory_stays_flat(desk: Desk, tmp_path: Path, size: int, sha256: str, sm3: str,
                              timeout: float) -> None:
    sparse = tmp_path / f"sparse-{size >> 30}GiB.img"
    with sparse.open("wb") as out:
        out.truncate(size)
    started = time.perf_counter()
    result = _run_child(_child_command(desk, [sparse]), timeout=timeout)
    elapsed = time.perf_counter() - started
    assert result["failures"] == []
    ((name, stored_size, stored_sha256, stored_sm3),) = result["items"]  # type: ignore[misc]
    assert (name, stored_size, stored_sha256, stored_sm3) == (sparse.name, size, sha256, sm3)
    peak = int(result["peak_kib"]) * 1024  # type: ignore[call-overload]
    assert peak < MEMORY_LIMIT_BYTES, f"peak RSS {peak / 1e6:.0f} MB"
    # Most of that peak is start-up (imports, argon2id at sign-in); the ingest itself must add little.
    before = int(result["rss_before_kib"]) * 1024  # type: ignore[call-overload]
    if result["ingest_peak_kib"] is not None:
        during = int(result["ingest_peak_kib"]) * 1024  # type: ignore[call-overload]
        assert during - before < 64 * 1024 * 1024, \
            f"the ingest took RSS from {before / 1e6:.0f} to {during / 1e6:.0f} MB"
    blob = desk.vault.path(sha256)
    assert blob.stat().st_size == size
    assert blob.stat().st_blocks * 512 < 1024 * 1024  # zero chunks are holes in the vault as well
    print(f"{size >> 30} GiB sparse ingest: {elapsed:.1f} s; peak RSS {peak / 1e6:.0f} MB, before the ingest "
          f"{before / 1e6:.0f} MB, during it {result['ingest_peak_kib']} KiB")


def test_memory_stays_flat_on_a_sparse_2_gib_file(desk: Desk, tmp_path: Path) -> None:
    _assert_memory_stays_flat(desk, tmp_path, TWO_GIB, TWO_GIB_ZEROS_SHA256, TWO_GIB_ZEROS_SM3, timeout=120)


@pytest.mark.slow
def test_memory_stays_flat_on_a_sparse_10_gib_file(desk: Desk, tmp_path: Path) -> None:
    _assert_memory_stays_flat(desk, tmp_path, TEN_GIB, TEN_GIB_ZEROS_SHA256, TEN_GIB_ZEROS_SM3, timeout=240)


# --- cancel -----------------------------------------------------------------------------------------
def test_cancel_mid_file_removes_the_temp_file_and_raises(tmp_path: Path) -> None:
    vault = LocalVault(tmp_path / "vault")
    source = _random_file(tmp_path / "source.bin", 6 * CHUNK_BYTES)
    read: list[int] = []
    with source.open("rb") as handle, pytest.raises(Cancelled):
        vault.store(handle, read.append, cancelled=lambda: len(read) >= 2)
    assert read == [CHUNK_BYTES, 2 * CHUNK_BYTES]  # stopped at the third chunk
    assert _temp_files(vault) == [] and list(vault.digests()) == []


def test_cancel_during_a_batch_keeps_only_completed_files(desk: Desk, tmp_path: Path) -> None:
    first = _random_file(tmp_path / "1.bin", 100_000, seed=6)
    second = _random_file(tmp_path / "2.bin", 4 * CHUNK_BYTES, seed=7)
    stop = []

    def file_progress(index: int, count: int, name: str, done: int, size: int) -> None:
        if index == 1 and done >= CHUNK_BYTES:
            stop.append(True)

    report = desk.ingest(first, second, file_progress=file_progress, cancelled=lambda: bool(stop))
    assert report.cancelled and [item.name for item in report.items] == ["1.bin"]
    assert _temp_files(desk.vault) == [] and len(list(desk.vault.digests())) == 1
    assert _counts(desk.store) == (1, 1)
    _assert_verifies(desk.store)


# --- durable names ----------------------------------------------------------------------------------
def test_a_new_blob_makes_its_name_and_every_new_folder_durable(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[Path] = []
    real_fsync_folder = vault_local.fsync_folder

    def fsync_folder(folder: Path) -> None:
        synced.append(folder)
        real_fsync_folder(folder)

    monkeypatch.setattr(vault_local, "fsync_folder", fsync_folder)
    vault = LocalVault(tmp_path / "vault")
    source = _random_file(tmp_path / "source.bin", 1000)
    with source.open("rb") as handle:
        stored = vault.store(handle, lambda _done: None)
    blob = vault.path(stored.digests.sha256)
    # POSIX: a new directory entry is durable once its folder is fsynced; the folders sha256/, ab/ and
    # cd/ made for the first blob are entries in their parents too.
    assert sorted(synced) == sorted([blob.parent, blob.parent.parent, blob.parent.parent.parent, vault.root])


def test_names_put_off_in_a_batch_are_made_durable_side_by_side(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[Path] = []
    monkeypatch.setattr(vault_local, "fsync_folder", synced.append)
    vault = LocalVault(tmp_path / "vault")
    blobs = []
    for seed in range(20):
        with _random_file(tmp_path / f"{seed}.bin", 1000, seed=seed).open("rb") as handle:
            blobs.append(vault.path(vault.store(handle, lambda _done: None, name_sync=False).digests.sha256))
    assert synced == [] and all(blob.is_file() for blob in blobs)
    vault.sync_names()
    assert set(synced) >= {blob.parent for blob in blobs} and len(synced) == len(set(synced))
    synced.clear()
    vault.sync_names()
    assert synced == []  # nothing is owed any more


def test_a_staged_blob_is_invisible_until_committed(tmp_path: Path) -> None:
    vault = LocalVault(tmp_path / "vault")
    data = random.Random(9).randbytes(3 * CHUNK_BYTES + 5)
    source = tmp_path / "source.bin"
    source.write_bytes(data)
    with source.open("rb") as handle:
        staged = vault.stage(handle, lambda _done: None)
    assert staged.digests.sha256 == hashlib.sha256(data).hexdigest()
    assert list(vault.digests()) == [] and len(_temp_files(vault)) == 1
    stored = staged.commit()
    assert stored.new and vault.path(stored.digests.sha256).read_bytes() == data
    assert _temp_files(vault) == []
    with source.open("rb") as handle:
        dropped = vault.stage(handle, lambda _done: None)
    dropped.discard()
    assert _temp_files(vault) == [] and list(vault.digests()) == [stored.digests.sha256]
