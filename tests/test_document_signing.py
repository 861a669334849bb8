"""PAdES B-B signatures on generated documents (issue 12), checked with poppler's ``pdfsig`` by its text
(poppler 22 exits 0 even on a digest mismatch): valid as made, "Digest Mismatch" after one byte inside the
signed range changes, and ``verify-document`` agrees; signing refused cleanly without a key, with a wrong
password, with a revoked or expired key, nothing recorded. Core and CLI on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from db.documents import DocumentRow
from desktop.cli import EXIT_OK, EXIT_REFUSED, run
from desktop.core.documents import signing
from desktop.core.documents.generation import generate
from desktop.core.documents.verify_document import DocumentProblem, DocumentVerdict, verify_document
from desktop.core.errors import NotAllowed
from desktop.core.storage.store import OpenStore
from desktop.core.trust import ledger, signing_keys
from desktop.core.trust.signing_keys import UnlockedKey
from tests.cli_env import point_cli_at
from tests.test_documents import NOW, Office

CLERK_PASSWORD = "clerk-password-1"


@pytest.fixture
def place(store: OpenStore) -> Office:
    return Office(store)


def _key(place: Office, now: object = None) -> UnlockedKey:
    moment = NOW if now is None else now
    with place.database.session_scope() as session:
        signing_keys.new_key(session, place.clerk, CLERK_PASSWORD, now=moment)  # type: ignore[arg-type]
    with place.database.session_scope() as session:
        return signing_keys.unlock(session, place.clerk, CLERK_PASSWORD, now=moment)  # type: ignore[arg-type]


def _pdfsig(pdf: Path) -> str:
    # Its exit code says nothing about the signature (0 on a digest mismatch in poppler 22): read its text.
    return subprocess.run(["pdfsig", str(pdf)], capture_output=True, text=True, check=False).stdout


def _one_byte_changed(data: bytes) -> bytes:
    """``data`` with one byte changed inside the first signed range (the producer's name, before the
    signature's /Contents)."""
    changed = bytearray(data)
    at = changed.index(b"/Creator (Mediseal)") + len(b"/Creator (")
    assert at < changed.index(b"/Contents <")
    changed[at] = ord("N")
    return bytes(changed)


def test_a_signed_document_verifies_with_pdfsig_and_a_changed_byte_does_not(place: Office,
                                                                           tmp_path: Path) -> None:
    number = place.case()
    key = _key(place)
    out = tmp_path / "signed.pdf"
    with place.database.session_scope() as session:
        made = generate(session, place.clerk, "registration", number, out, now=NOW, sign=key)
    said = _pdfsig(out)
    assert "Signature Validation: Signature is Valid." in said, said
    assert "ETSI.CAdES.detached" in said and "Total document signed" in said and "SHA-256" in said
    assert made.signed and made.record["certificate_sha256"] == key.fingerprint
    with place.database.session_scope() as session:
        row = session.get(DocumentRow, made.id)
        assert row is not None and (row.signed, row.signer, row.key_id) == (True, "clerk", key.key_id)
        good = verify_document(session, out.read_bytes())
    assert good.verdict == DocumentVerdict.UNCHANGED and good.problems == ()
    [signature] = good.signatures
    assert signature.good and signature.certificate_sha256 == key.fingerprint and signature.signer == "clerk"
    # The recorded digest is of the signed file, the bytes written.
    assert made.pdf == out.read_bytes() and made.pdf_sha256 == good.pdf_sha256
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(_one_byte_changed(out.read_bytes()))
    said = _pdfsig(changed)
    assert "Digest Mismatch" in said and "Signature is Valid" not in said, said
    with place.database.session_scope() as session:
        bad = verify_document(session, changed.read_bytes())
    assert bad.verdict == DocumentVerdict.CHANGED
    assert bad.problems == (DocumentProblem.BYTES_DIFFER, DocumentProblem.SIGNATURE_INVALID)


def test_read_signatures_of_an_unsigned_or_broken_file(place: Office, tmp_path: Path) -> None:
    number = place.case()
    made = place.generate(place.clerk, "registration", number, tmp_path / "a.pdf")
    assert signing.read_signatures(made.pdf) == []
    assert signing.read_signatures(b"not a pdf") == []


def test_a_signature_stripped_is_named(place: Office, tmp_path: Path) -> None:
    """A signed document's unsigned original (the bytes before the signature's incremental update) names
    the document but holds no signature."""
    number = place.case()
    key = _key(place)
    with place.database.session_scope() as session:
        made = generate(session, place.clerk, "registration", number, None, now=NOW, sign=key)
    original = made.pdf[:made.pdf.index(b"%%EOF") + len(b"%%EOF\n")]
    with place.database.session_scope() as session:
        stripped = verify_document(session, original)
    assert stripped.verdict == DocumentVerdict.CHANGED
    assert stripped.problems == (DocumentProblem.BYTES_DIFFER, DocumentProblem.SIGNATURE_MISSING)


def _nothing_recorded(place: Office, before: int) -> None:
    with place.database.session_scope() as session:
        assert ledger.size(session) == before
        assert session.scalars(select(DocumentRow.id)).all() == []


def test_signing_is_refused_with_a_revoked_or_expired_key(place: Office, tmp_path: Path) -> None:
    number = place.case()
    old = _key(place, NOW - timedelta(days=6 * 366))  # its certificate ended a year before NOW
    with place.database.session_scope() as session:
        before = ledger.size(session)
        with pytest.raises(NotAllowed, match="not valid at"):
            generate(session, place.clerk, "registration", number, tmp_path / "a.pdf", now=NOW, sign=old)
    _nothing_recorded(place, before)
    assert not (tmp_path / "a.pdf").exists()
    key = _key(place)
    with place.database.session_scope() as session:
        signing_keys.revoke_key(session, place.clerk, "clerk", key.fingerprint, reason="钥匙丢失")
    with place.database.session_scope() as session:
        before = ledger.size(session)
        with pytest.raises(NotAllowed, match="revoked"):
            generate(session, place.clerk, "registration", number, tmp_path / "a.pdf", now=NOW, sign=key)
    _nothing_recorded(place, before)


def test_cli_signs_and_refuses_cleanly(place: Office, store: OpenStore, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    number = place.case()
    point_cli_at(monkeypatch, store, "clerk", CLERK_PASSWORD)
    with place.database.session_scope() as session:
        before = ledger.size(session)
    out = tmp_path / "signed.pdf"
    # No key yet: refused (exit 1), nothing written or recorded (the CLI's sign-in is logged).
    assert run(["document", "registration", "--case", number, "--out", str(out), "--sign"]) == EXIT_REFUSED
    assert "no usable signing key" in capsys.readouterr().err and not out.exists()
    with place.database.session_scope() as session:
        assert [entry.kind for entry in ledger.entries(session, before)] == ["sign_in"]
        assert session.scalars(select(DocumentRow.id)).all() == []
    _key(place)
    monkeypatch.setenv("MEDISEAL_PASSWORD", "wrong-password-9")
    assert run(["document", "registration", "--case", number, "--out", str(out), "--sign"]) == EXIT_REFUSED
    assert not out.exists()
    monkeypatch.setenv("MEDISEAL_PASSWORD", CLERK_PASSWORD)
    assert run(["document", "registration", "--case", number, "--out", str(out), "--sign",
                "--json"]) == EXIT_OK
    made = json.loads(capsys.readouterr().out)
    assert made["signed"] and "Signature is Valid." in _pdfsig(out)
    assert run(["verify-document", str(out), "--json"]) == EXIT_OK
    checked = json.loads(capsys.readouterr().out)
    assert checked["verdict"] == "unchanged" and [s["certificate_sha256"] for s in checked["signatures"]] == [
        made["record"]["certificate_sha256"]]
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(_one_byte_changed(out.read_bytes()))
    assert run(["verify-document", str(changed)]) == EXIT_REFUSED
    assert "The signature does not verify over the signed bytes" in capsys.readouterr().out
