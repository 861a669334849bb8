"""``verify_package`` and ``mediseal verify-package`` (desktop/core/exchange/verify_package.py): no
database needed; each tampering (a payload byte, a record byte, a seal, a proof path, the checkpoint)
gives its named finding; unsafe archives (``../``, two top-level folders, a symlink, a zip bomb, not a zip)
are refused unread. The package is made once, on SQLite, then copied with one change at a time."""

from __future__ import annotations

import json
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, run
from desktop.core.exchange import package_layout as layout
from desktop.core.exchange.verify_package import Code, UnreadablePackage, verify_package
from desktop.core.storage.store import OpenStore
from tests.test_package_export import export, notary_with_items

Change = Callable[[str, bytes], bytes]


def _copy(package: Path, out: Path, change: Change) -> Path:
    """``package`` rewritten with each entry's bytes passed through ``change(name inside the bag, data)``."""
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            inner = info.filename.split("/", 1)[1]
            target.writestr(info.filename, change(inner, source.read(info)))
    return out


def _flip_last(data: bytes) -> bytes:
    return data[:-2] + bytes([data[-2] ^ 1]) + data[-1:]


def _codes(package: Path) -> dict[Code, set[str]]:
    found: dict[Code, set[str]] = {}
    for finding in verify_package(package):
        found.setdefault(finding.code, set()).add(finding.file)
    return found


@pytest.fixture
def package(sqlite_store: OpenStore, tmp_path: Path) -> tuple[Path, int, str]:
    notary, number, items = notary_with_items(sqlite_store, tmp_path / "in", count=2)
    made = export(sqlite_store, notary, number, tmp_path / "court.zip")
    return made.path, items[0].id, items[0].name


def test_each_tampering_gives_its_named_finding(package: tuple[Path, int, str], tmp_path: Path) -> None:
    path, item, name = package
    assert verify_package(path) == []
    payload = layout.evidence_file(item, name)

    def only(target: str, how: Callable[[bytes], bytes]) -> Change:
        return lambda inner, data: how(data) if inner == target else data

    payload_changed = _codes(_copy(path, tmp_path / "payload.zip", only(payload, _flip_last)))
    assert payload_changed[Code.RECORD_SHA256] == {payload} and payload_changed[Code.RECORD_SM3] == {payload}
    assert payload_changed[Code.MANIFEST_MISMATCH] == {payload}

    record = layout.record_file(item)
    record_changed = _codes(_copy(path, tmp_path / "record.zip", only(
        record, lambda data: data.replace(b'"version":1', b'"version":2'))))
    seals = record_changed[Code.SEAL_INVALID]
    assert seals and all(seal.startswith(f"{layout.SEALS}/{item}/") for seal in seals)
    assert record_changed[Code.ENTRY_SUBJECT] == {layout.entry_file(item)}
    assert record in record_changed[Code.MANIFEST_MISMATCH]  # the tag manifest

    with zipfile.ZipFile(path) as archive:
        seal = next(n.split("/", 1)[1] for n in archive.namelist() if f"/{layout.SEALS}/{item}/" in n)
    seal_changed = _codes(_copy(path, tmp_path / "seal.zip", only(seal, _flip_last)))
    assert seal_changed[Code.SEAL_INVALID] == {seal}

    proof = layout.proof_file(item)

    def other_path(data: bytes) -> bytes:
        value = json.loads(data)
        value["inclusion_path"][0] = "00" * 32
        return json.dumps(value).encode()

    proof_changed = _codes(_copy(path, tmp_path / "proof.zip", only(proof, other_path)))
    assert proof_changed[Code.PROOF_INVALID] == {proof}

    checkpoint_changed = _codes(_copy(path, tmp_path / "checkpoint.zip", only(
        layout.CHECKPOINT_FILE, lambda data: data.replace(b'"time":"2', b'"time":"1'))))
    assert checkpoint_changed[Code.CHECKPOINT_SIGNATURE] == {layout.CHECKPOINT_SIGNATURE_FILE}

    forged_sig = _codes(_copy(path, tmp_path / "checkpoint-sig.zip", only(layout.CHECKPOINT_SIGNATURE_FILE,
                                                                           _flip_last)))
    assert forged_sig[Code.CHECKPOINT_SIGNATURE] == {layout.CHECKPOINT_SIGNATURE_FILE}


def test_the_command_names_each_finding_and_needs_no_data_folder(
        package: tuple[Path, int, str], tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    path, item, name = package
    monkeypatch.delenv("MEDISEAL_DATA_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # no user data folder either
    assert run(["verify-package", str(path)]) == EXIT_OK
    assert "checks out" in capsys.readouterr().out
    payload = layout.evidence_file(item, name)
    bad = _copy(path, tmp_path / "bad.zip",
                lambda inner, data: _flip_last(data) if inner == payload else data)
    assert run(["verify-package", str(bad), "--json"]) == EXIT_REFUSED
    report = json.loads(capsys.readouterr().out)
    sha = next(finding for finding in report["findings"] if finding["code"] == "record-sha256")
    assert sha["file"] == payload and sha["item"] == item and sha["expected"] != sha["found"]
    not_zip = tmp_path / "not.zip"
    not_zip.write_bytes(b"PK\x03\x04 truncated")
    assert run(["verify-package", str(not_zip)]) == EXIT_USAGE
    with pytest.raises(UnreadablePackage):
        verify_package(not_zip)
    assert not (tmp_path / "home").exists()


def _zip(out: Path, entries: list[tuple[str | zipfile.ZipInfo, bytes]],
         compression: int = zipfile.ZIP_STORED) -> Path:
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return out


def test_unsafe_archives_are_refused_unread(tmp_path: Path) -> None:
    escaping = _zip(tmp_path / "escape.zip", [("bag/bagit.txt", layout.BAGIT_DECLARATION),
                                             ("bag/../../evil.txt", b"x")])
    assert _codes(escaping) == {Code.UNSAFE_NAME: {"bag/../../evil.txt"}}
    absolute = _zip(tmp_path / "absolute.zip", [("bag/bagit.txt", b""), ("/etc/evil", b"x"),
                                               ("C:/evil", b"x")])
    assert _codes(absolute)[Code.UNSAFE_NAME] == {"/etc/evil", "C:/evil"}
    two = _zip(tmp_path / "two.zip", [("one/bagit.txt", layout.BAGIT_DECLARATION),
                                      ("two/bagit.txt", layout.BAGIT_DECLARATION)])
    (finding,) = verify_package(two)
    assert finding.code is Code.TOP_FOLDERS and finding.found == "one, two"
    link = zipfile.ZipInfo("bag/data/link")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    symlinked = _zip(tmp_path / "link.zip", [("bag/bagit.txt", layout.BAGIT_DECLARATION),
                                             (link, b"/etc/passwd")])
    assert _codes(symlinked) == {Code.SYMLINK: {"bag/data/link"}}
    bomb = _zip(tmp_path / "bomb.zip", [("bag/bagit.txt", layout.BAGIT_DECLARATION),
                                        ("bag/data/zeros", bytes(64 * 1024 * 1024))], zipfile.ZIP_DEFLATED)
    assert _codes(bomb) == {Code.TOO_LARGE: {"bag/data/zeros"}}
    duplicate = tmp_path / "duplicate.zip"
    with pytest.warns(UserWarning, match="Duplicate name"):
        _zip(duplicate, [("bag/bagit.txt", layout.BAGIT_DECLARATION), ("bag/bagit.txt", b"again")])
    assert _codes(duplicate) == {Code.DUPLICATE_NAME: {"bag/bagit.txt"}}


def test_truncated_archives_extra_files_and_lying_manifests_are_named(package: tuple[Path, int, str],
                                                                      tmp_path: Path) -> None:
    path, item, _name = package
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(path.read_bytes()[:-200])  # the central directory cut off
    with pytest.raises(UnreadablePackage):
        verify_package(truncated)
    top = zipfile.ZipFile(path).namelist()[0].split("/", 1)[0]
    extra = _copy(path, tmp_path / "extra.zip", lambda _inner, data: data)
    with zipfile.ZipFile(extra, "a") as archive:
        archive.writestr(f"{top}/data/evidence/{item}/slipped-in.txt", b"not sealed")
    found = _codes(extra)
    assert found[Code.NOT_IN_MANIFEST] == {f"data/evidence/{item}/slipped-in.txt"}
    assert found[Code.PAYLOAD_OXUM] == {layout.BAG_INFO_FILE}

    def lying(inner: str, data: bytes) -> bytes:
        if inner != layout.MANIFEST_FILE:
            return data
        first, rest = data.split(b"  ", 1)
        return b"0" * len(first) + b"  " + rest

    lied = _codes(_copy(path, tmp_path / "lying.zip", lying))
    assert len(lied[Code.MANIFEST_MISMATCH]) == 2  # the payload file and the manifest in the tag manifest
