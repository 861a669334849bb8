"""What the exchange dialogs rest on in core, on SQLite and PostgreSQL: a backup reports its progress and a
cancel leaves no file; a restore cancelled while it writes leaves no folder; ``package_info`` reads what
a court package states (case number, office, checkpoint), and nothing from an archive unsafe to read;
``check_package`` reports progress over the payload and stops when cancelled."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from desktop.core.errors import Cancelled
from desktop.core.exchange.backup import backup, restore
from desktop.core.exchange.package_info import PackageInfo, package_info
from desktop.core.exchange.verify_package import UnreadablePackage, check_package
from desktop.core.storage.store import OpenStore
from tests.test_package_export import export, notary_with_items


def test_a_backup_reports_progress_and_a_cancel_leaves_no_file(store: OpenStore, tmp_path: Path) -> None:
    notary_with_items(store, tmp_path / "in", count=3)
    folder = tmp_path / "backups"
    folder.mkdir()
    reports: list[tuple[int, int]] = []
    with pytest.raises(Cancelled):  # cancelled once the first vault file is in the archive
        backup(store, folder / "b.zip", progress=lambda done, total: reports.append((done, total)),
               cancelled=lambda: bool(reports))
    assert reports == [(1, 3)] and list(folder.iterdir()) == []
    reports.clear()
    made = backup(store, folder / "b.zip", progress=lambda done, total: reports.append((done, total)))
    assert made.blobs == 3 and reports == [(1, 3), (2, 3), (3, 3)]


@pytest.mark.parametrize("backend", ["sqlite"])  # a PostgreSQL backup is restored by hand for now
def test_a_restore_cancelled_while_it_writes_leaves_no_folder(store: OpenStore, tmp_path: Path) -> None:
    notary_with_items(store, tmp_path / "in", count=2)
    archive = backup(store, tmp_path / "b.zip").path
    target = tmp_path / "restored"
    seen: list[int] = []
    with pytest.raises(Cancelled):
        restore(Path(archive), target, progress=lambda done, _total: seen.append(done),
                cancelled=lambda: len(seen) > 2)
    assert not target.exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(Cancelled):
        restore(Path(archive), empty, cancelled=lambda: True)
    assert empty.is_dir() and list(empty.iterdir()) == []  # an empty folder it did not make stays


def test_package_info_reads_what_the_package_states(store: OpenStore, tmp_path: Path) -> None:
    notary, number, _items = notary_with_items(store, tmp_path / "in", count=1)
    made = export(store, notary, number, tmp_path / "court.zip")
    info = package_info(made.path)
    assert (info.case_number, info.office) == (number, "昆明公证处")
    assert info.tree_size == made.checkpoint.tree_size and info.root_sha256 == made.checkpoint.root_sha256
    assert info.checkpoint_signer == "lihua" and info.checkpoint_time.endswith("Z")

    unsafe = tmp_path / "unsafe.zip"
    with zipfile.ZipFile(unsafe, "w") as archive:
        archive.writestr("court/bag-info.txt", "External-Identifier: x\n")
        archive.writestr("../escape.txt", "x")
    assert package_info(unsafe) == PackageInfo()
    not_zip = tmp_path / "not.zip"
    not_zip.write_bytes(b"plain text")
    with pytest.raises(UnreadablePackage):
        package_info(not_zip)


def test_check_package_reports_progress_over_the_payload_and_can_be_cancelled(store: OpenStore,
                                                                              tmp_path: Path) -> None:
    notary, number, _items = notary_with_items(store, tmp_path / "in", count=2)
    made = export(store, notary, number, tmp_path / "court.zip")
    with zipfile.ZipFile(made.path) as archive:
        payload = sum(info.file_size for info in archive.infolist()
                      if info.filename.startswith("court/data/"))
    reports: list[tuple[int, int]] = []
    assert check_package(made.path, progress=lambda done, total: reports.append((done, total))).findings == ()
    assert reports[-1] == (payload, payload) and len(reports) >= 3  # two evidence files and the list
    reports.clear()
    with pytest.raises(Cancelled):
        check_package(made.path, progress=lambda done, total: reports.append((done, total)),
                      cancelled=lambda: bool(reports))
    assert len(reports) == 1
