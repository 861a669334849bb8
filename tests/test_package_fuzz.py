"""The court package reader (``verify_package.check_package``) fuzzed with hypothesis: any bytes, any zip
with hostile names (``../``, absolute, drive letters, NUL, non-UTF-8, duplicates, deep paths), a real
package cut short or with bytes flipped, a timestamp response of random bytes. Properties: it raises
nothing but ``UnreadablePackage``, writes no file, and a package whose content changed always gets a
finding. Short runs (a few seconds in all); every input that once failed is kept as an ``@example``."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from asn1crypto import tsp  # type: ignore[import-untyped]
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from desktop.config import Settings
from desktop.core.exchange import package_layout as layout
from desktop.core.exchange.verify_package import Code, PackageCheck, UnreadablePackage, check_package
from desktop.core.storage.datafolder import DATABASE_FILE_NAME
from desktop.core.storage.store import OpenStore, open_store
from desktop.core.trust import timestamps
from tests.test_package_export import export, notary_with_items
from tests.test_package_timestamps import _set_authority
from tests.tsa_server import TestTSA, make_pki

FAST = settings(max_examples=60, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture(scope="module")
def real_package(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> bytes:
    """A real package's bytes (two sealed items and the checkpoint's trusted timestamp from the test TSA,
    made once on SQLite)."""
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "data").mkdir()
    shutil.copyfile(sqlite_template, folder / "data" / DATABASE_FILE_NAME)
    store: OpenStore = open_store(Settings(data_dir=folder / "data", database_url=None, lang=None))
    pki = make_pki(folder / "tsa")
    tsa = TestTSA(pki).start()
    try:
        notary, number, _items = notary_with_items(store, folder / "in", count=2)
        _set_authority(store, tsa.url, pki)
        made = export(store, notary, number, folder / "court.zip")
        assert made.timestamp is not None and made.timestamp.when is not None
        return made.path.read_bytes()
    finally:
        tsa.stop()
        store.close()


def _contents(data: bytes) -> dict[str, bytes] | None:
    """What a reader gets out of the zip: each name's bytes; None when it cannot be read whole."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return {info.filename: archive.read(info) for info in archive.infolist()}
    except Exception:  # any failure to read counts as a changed package here
        return None


def _check(folder: Path, data: bytes) -> PackageCheck | None:
    """``check_package`` on ``data`` in an empty folder: None when it is unreadable; asserts it raised
    nothing else and wrote no file (the folder and the working directory hold what they held)."""
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    path = folder / "p.zip"
    path.write_bytes(data)
    before = sorted(os.listdir(Path.cwd()))
    try:
        return check_package(path)
    except UnreadablePackage:
        return None
    finally:
        assert [entry.name for entry in folder.iterdir()] == ["p.zip"]
        assert sorted(os.listdir(Path.cwd())) == before


def _requires_finding(original: bytes, changed: bytes, check: PackageCheck | None) -> None:
    if check is None or _contents(changed) == _contents(original):
        return  # unreadable (exit 2, itself the report), or the same content under other framing bytes
    assert check.findings, "a changed package checked out"


def test_any_bytes_are_unreadable_or_findings(tmp_path: Path) -> None:
    @FAST
    @given(st.one_of(st.binary(max_size=600), st.binary(max_size=600).map(lambda tail: b"PK\x03\x04" + tail),
                     st.binary(max_size=200).map(lambda head: head + b"PK\x05\x06" + bytes(18))))
    @example(b"")
    @example(b"PK\x05\x06" + bytes(18))  # an empty zip: one finding (no top folder), nothing read
    def check(data: bytes) -> None:
        found = _check(tmp_path / "bytes", data)
        assert found is None or found.findings

    check()


NAME_PARTS = st.sampled_from(["..", ".", "", "a", "b", "data", "mediseal", "C:", "c:x", "\\", "..\\x", "\x00",
                              "é", "证据", "x" * 40, "bagit.txt", "manifest-sha256.txt"])


def _name(parts: list[str], absolute: bool) -> str:
    return ("/" if absolute else "") + "/".join(parts)


def _raw_zip(entries: list[tuple[str, bytes, bool]]) -> bytes:
    """A zip of ``entries`` (name, data, deflated); a name with ``\\udcff`` becomes the raw byte 0xFF with
    the UTF-8 flag still set (a non-UTF-8 name), written by patching the bytes zipfile wrote."""
    out = io.BytesIO()
    patches: list[tuple[bytes, bytes]] = []
    with zipfile.ZipFile(out, "w") as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "Duplicate name": wanted here
        for name, data, deflated in entries:
            clean = name.replace("\udcff", "é")  # é is two bytes in UTF-8, like the patch below
            if clean != name:
                patches.append((clean.encode("utf-8"), name.encode("utf-8", "surrogateescape")
                                .replace(b"\xff", b"\xff\xfe")))
            info = zipfile.ZipInfo(clean)
            info.compress_type = zipfile.ZIP_DEFLATED if deflated else zipfile.ZIP_STORED
            archive.writestr(info, data)
    raw = out.getvalue()
    for clean_bytes, patched in patches:
        raw = raw.replace(clean_bytes, patched)
    return raw


def test_any_zip_with_hostile_names_is_read_safely(tmp_path: Path) -> None:
    entry = st.tuples(
        st.builds(_name, st.lists(st.one_of(NAME_PARTS, st.just("\udcff")), min_size=1, max_size=12),
                  st.booleans()),
        st.binary(max_size=64), st.booleans())

    @FAST
    @given(st.lists(entry, max_size=8), st.sampled_from(["", "top/"]))
    @example([("../evil", b"x", False)], "")
    @example([("top/a", b"x", False), ("top/a", b"y", False)], "")
    @example([("C:/x", b"x", False)], "")
    @example([("\udcff", b"x", False)], "top/")
    def check(entries: list[tuple[str, bytes, bool]], prefix: str) -> None:
        data = _raw_zip([(prefix + name, body, deflated) for name, body, deflated in entries])
        found = _check(tmp_path / "names", data)
        assert found is None or found.findings  # none of these is a package that checks out

    check()


def test_a_real_package_cut_short_is_unreadable_or_named(real_package: bytes, tmp_path: Path) -> None:
    assert _check(tmp_path / "whole", real_package) == _check(tmp_path / "whole", real_package)
    whole = _check(tmp_path / "whole", real_package)
    assert whole is not None and whole.findings == () and whole.timestamp is not None and whole.timestamp.ok

    @FAST
    @given(st.integers(min_value=0, max_value=len(real_package) - 1))
    @example(len(real_package) - 1)
    @example(len(real_package) - 22)  # the end-of-central-directory record cut off
    def check(size: int) -> None:
        cut = real_package[:size]
        _requires_finding(real_package, cut, _check(tmp_path / "cut", cut))

    check()


def test_a_real_package_with_bytes_flipped_is_unreadable_or_named(real_package: bytes,
                                                                   tmp_path: Path) -> None:
    headers: list[int] = []  # each central directory header: an entry's flags, method, sizes, name
    while (found := real_package.find(b"PK\x01\x02", headers[-1] + 1 if headers else 0)) >= 0:
        headers.append(found)
    directory = headers[0]
    anywhere = st.integers(0, len(real_package) - 1)
    in_a_header = st.builds(int.__add__, st.sampled_from(headers), st.integers(0, 45))
    flips = st.lists(st.tuples(st.one_of(anywhere, in_a_header), st.integers(1, 255)), min_size=1,
                     max_size=4)

    @FAST
    @given(flips)
    @example([(directory + 6, 64)])  # "version needed" 10.9: ZipFile() raised NotImplementedError
    @example([(directory + 8, 1)])  # the encrypted flag: reading raised RuntimeError
    @example([(directory + 8, 0x20)])  # "compressed patched data": NotImplementedError
    @example([(directory + 10, 99)])  # compression method 99: NotImplementedError
    def check(changes: list[tuple[int, int]]) -> None:
        data = bytearray(real_package)
        for where, mask in changes:
            data[where] ^= mask
        changed = bytes(data)
        _requires_finding(real_package, changed, _check(tmp_path / "flip", changed))

    check()


def test_a_real_timestamp_with_bytes_flipped_is_a_finding(real_package: bytes, tmp_path: Path) -> None:
    token = _entry(real_package, layout.TIMESTAMP_RESPONSE_FILE)

    @FAST
    @given(st.lists(st.tuples(st.integers(0, len(token) - 1), st.integers(1, 255)), min_size=1, max_size=3))
    @example([(0, 1), (0, 1)])  # two flips of one byte: the same token
    def check(changes: list[tuple[int, int]]) -> None:
        data = bytearray(token)
        for where, mask in changes:
            data[where] ^= mask
        if bytes(data) == token:
            return  # the flips undid each other
        changed = _with_entry(real_package, layout.TIMESTAMP_RESPONSE_FILE, bytes(data))
        found = _check(tmp_path / "token", changed)
        assert found is not None and found.findings  # at least the tag manifest's mismatch

    check()


@pytest.mark.parametrize(("part", "was", "now"), [
    # The id-ecPublicKey OID 1.2.840.10045.2.1 made 1.3.840…: cryptography raised UnsupportedAlgorithm.
    ("key-type", b"\x06\x07\x2a\x86\x48\xce\x3d\x02\x01", b"\x06\x07\x2b\x86\x48\xce\x3d\x02\x01"),
    # The certificate's version v3 (INTEGER 2) made 3: cryptography raised InvalidVersion.
    ("version", b"\xa0\x03\x02\x01\x02", b"\xa0\x03\x02\x01\x03"),
    # The timeStamping OID inside the extendedKeyUsage value tagged INTEGER: cryptography parses an
    # extension's value when it is first read, and raised ValueError there.
    ("extension", b"\x30\x0a\x06\x08\x2b\x06\x01\x05\x05\x07\x03\x08",
     b"\x30\x0a\x02\x08\x2b\x06\x01\x05\x05\x07\x03\x08"),
], ids=["key-type", "version", "extension"])
def test_a_token_whose_certificate_cannot_be_parsed_is_a_timestamp_failure(
        real_package: bytes, tmp_path: Path, part: str, was: bytes, now: bytes) -> None:
    """Found by the token fuzzing above: a byte changed in the TSA certificate the token carries (not
    covered by the token's signature) escaped ``timestamps.check_token`` as UnsupportedAlgorithm or
    ValueError, so verify-package, ``mediseal verify`` on a changed stored token and ``send_pending`` on such
    an answer raised instead of naming it."""
    response = _entry(real_package, layout.TIMESTAMP_RESPONSE_FILE)
    assert response.count(was) == 1, part
    changed = response.replace(was, now)
    token = tsp.TimeStampResp.load(changed)["time_stamp_token"].dump()
    imprint = hashlib.sha256(_entry(real_package, layout.CHECKPOINT_FILE)).digest()
    with pytest.raises(timestamps.TimestampFailure):
        timestamps.check_token(token, imprint)
    found = _check(tmp_path / part, _with_entry(real_package, layout.TIMESTAMP_RESPONSE_FILE, changed))
    assert found is not None and Code.TIMESTAMP_SIGNATURE in {finding.code for finding in found.findings}


def _entry(package: bytes, inner: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        top = archive.namelist()[0].split("/", 1)[0]
        return archive.read(f"{top}/{inner}")


def _with_entry(package: bytes, inner: str, data: bytes) -> bytes:
    """``package`` with the file ``inner`` (a name inside the bag) added or replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(out, "w") as target:
        top = source.namelist()[0].split("/", 1)[0]
        for info in source.infolist():
            if info.filename != f"{top}/{inner}":
                target.writestr(info, source.read(info))
        target.writestr(f"{top}/{inner}", data)
    return out.getvalue()


DER_PREFIXES: list[Callable[[bytes], bytes]] = [lambda tail: tail, lambda tail: b"\x30\x82" + tail,
                                                lambda tail: b"\x30\x03\x02\x01\x00" + tail]


def test_a_random_timestamp_response_is_a_finding(real_package: bytes, tmp_path: Path) -> None:
    @FAST
    @given(st.binary(max_size=300), st.sampled_from(DER_PREFIXES))
    @example(b"", DER_PREFIXES[0])
    @example(b"\x30\x00", DER_PREFIXES[0])
    def check(tail: bytes, prefix: Callable[[bytes], bytes]) -> None:
        data = _with_entry(real_package, layout.TIMESTAMP_RESPONSE_FILE, prefix(tail))
        found = _check(tmp_path / "tsr", data)
        assert found is not None and found.findings
        assert found.timestamp is not None and not found.timestamp.ok

    check()
