"""PAdES B-T (desktop/core/documents/signing.py): with the office's timestamp authority set and answering
(the real test TSA, ``tests/tsa_server.py``), a signed document carries a signature timestamp that poppler's
``pdfsig`` names and ``read_signatures`` reads; with the authority down it is signed B-B and says why (the
result and ``mediseal document`` output). Core on SQLite and PostgreSQL, the CLI on SQLite."""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

import pytest
from asn1crypto import cms  # type: ignore[import-untyped]

from desktop.cli import EXIT_OK, run
from desktop.core.documents import signing
from desktop.core.documents.generation import generate
from desktop.core.documents.verify_document import DocumentVerdict, verify_document
from desktop.core.storage.store import OpenStore
from desktop.core.trust import timestamps, users
from tests.cli_env import point_cli_at
from tests.test_document_signing import CLERK_PASSWORD, _key
from tests.test_documents import NOW, Office
from tests.test_package_timestamps import _closed_port_url
from tests.test_timestamps import pki, tsa  # noqa: F401 (fixtures: the test TSA)
from tests.tsa_server import TestTSA


def _authority(place: Office, url: str, ca: Path) -> None:
    admin = users.sign_in(place.database, "admin", "admin-password-1")
    with place.database.session_scope() as session:
        timestamps.set_authority(session, admin, url, (ca / "ca.pem").read_text())


def test_a_document_signed_with_a_timestamp_authority_is_pades_b_t(
        store: OpenStore, tsa: TestTSA, pki: Path, tmp_path: Path) -> None:  # noqa: F811 (fixtures imported)
    place = Office(store)
    number = place.case()
    key = _key(place)
    _authority(place, tsa.url, pki)
    out = tmp_path / "signed.pdf"
    with place.database.session_scope() as session:
        made = generate(session, place.clerk, "registration", number, out, now=NOW, sign=key)
    assert (made.signature_level, made.signature_note) == ("B-T", "")
    said = subprocess.run(["pdfsig", str(out)], capture_output=True, text=True, check=False).stdout
    assert "Signature Validation: Signature is Valid." in said, said
    # poppler 22's pdfsig does not print a signature timestamp: dump the CMS it read, let openssl name the
    # token (id-smime-aa-timeStampToken) and check it over the signature value (RFC 3161 Appendix A).
    assert subprocess.run(["pdfsig", "-dump", str(out)], cwd=tmp_path, capture_output=True,
                          check=False).returncode == 0
    [dumped] = tmp_path.glob("*.sig0")
    printed = subprocess.run(["openssl", "cms", "-cmsout", "-inform", "DER", "-in", str(dumped), "-print"],
                             capture_output=True, text=True, check=False).stdout
    assert "id-smime-aa-timeStampToken" in printed, printed[:2000]
    info = cms.ContentInfo.load(dumped.read_bytes())["content"]["signer_infos"][0]
    [token] = [attribute["values"][0] for attribute in info["unsigned_attrs"]
               if attribute["type"].native == "signature_time_stamp_token"]
    (tmp_path / "token.der").write_bytes(token.dump())
    digest = hashlib.sha256(info["signature"].native).hexdigest()
    checked = subprocess.run(["openssl", "ts", "-verify", "-digest", digest, "-token_in", "-in",
                              str(tmp_path / "token.der"), "-CAfile", str(pki / "ca.pem"), "-untrusted",
                              str(pki / "tsa.pem")], capture_output=True, text=True, check=False)
    assert checked.returncode == 0 and "Verification: OK" in checked.stdout, checked.stderr
    [signature] = signing.read_signatures(out.read_bytes())
    assert signature.good and signature.level == "B-T" and signature.timestamp is not None
    with place.database.session_scope() as session:
        checked = verify_document(session, out.read_bytes())
    assert checked.verdict == DocumentVerdict.UNCHANGED and checked.problems == ()


def test_with_the_authority_down_it_is_b_b_and_says_so(
        sqlite_store: OpenStore, pki: Path, tmp_path: Path,  # noqa: F811 (fixtures imported)
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    place = Office(sqlite_store)
    number = place.case()
    key = _key(place)
    with place.database.session_scope() as session:  # no authority set: B-B
        plain = generate(session, place.clerk, "registration", number, None, now=NOW, sign=key)
    assert (plain.signature_level, plain.signature_note) == ("B-B", "no timestamp authority is set")
    _authority(place, _closed_port_url(), pki)
    with place.database.session_scope() as session:
        offline = generate(session, place.clerk, "registration", number, None, now=NOW, sign=key)
    assert offline.signature_level == "B-B" and "cannot reach the authority" in offline.signature_note
    [signature] = signing.read_signatures(offline.pdf)
    assert signature.good and signature.level == "B-B" and signature.timestamp is None

    point_cli_at(monkeypatch, sqlite_store, "clerk", CLERK_PASSWORD)
    out = tmp_path / "cli.pdf"
    assert run(["document", "registration", "--case", number, "--out", str(out), "--sign"]) == EXIT_OK
    said = capsys.readouterr().out
    assert "signed PAdES B-B" in said
    assert "PAdES B-B: no signature timestamp: cannot reach the authority" in said
    assert run(["document", "registration", "--case", number, "--out", str(tmp_path / "j.pdf"), "--sign",
                "--json"]) == EXIT_OK
    printed = json.loads(capsys.readouterr().out)
    assert printed["signature_level"] == "B-B" and "cannot reach" in printed["signature_note"]
