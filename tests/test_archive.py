"""Verification of archived case files, on SQLite and PostgreSQL: the archive record against its ledger
leaf, each digest of its manifest against the record it names (a record changed after archiving is
named), filed papers and cover versions against their entries; whole store and one case."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.cases import cover
from desktop.core.cases.file_parts import FilePart
from desktop.core.storage.store import OpenStore
from desktop.core.verification.store import verify_store
from tests.tamper import behind_the_back, behind_the_triggers
from tests.test_case_file import Desk, _complete


@pytest.fixture
def archived(store: OpenStore, tmp_path: Path) -> Desk:
    desk = Desk(store, tmp_path)
    with desk.database.session_scope() as session:
        cover.save_cover(session, desk.lihua, desk.number, cover.checked_cover(file_note="材料齐全"), 0)
    _complete(desk)
    desk.archive()
    return desk


def _found(desk: Desk, case: str | None = None) -> list[tuple[str, str]]:
    with desk.database.session_scope() as session:
        report = verify_store(session, desk.vault, case)
    return [(finding.code.value, finding.message) for finding in report.findings]


def test_an_archived_file_verifies_clean_whole_and_by_case(archived: Desk) -> None:
    assert _found(archived) == []
    assert _found(archived, archived.number) == []


def test_a_paper_changed_after_archiving_is_named(archived: Desk) -> None:
    behind_the_triggers(archived.store, "evidence_item",
                        "UPDATE evidence_item SET original_name = :name WHERE original_name = :old",
                        name="伪造的授权委托书.pdf", old="授权委托书.pdf")
    for case in (None, archived.number):
        found = _found(archived, case)
        codes = {code for code, _message in found}
        assert "archive-document-changed" in codes, found
        message = next(message for code, message in found if code == "archive-document-changed")
        assert "“授权委托书.pdf” (evidence:" in message and "changed after the file was archived" in message


def test_a_changed_case_record_and_cover_are_named(archived: Desk) -> None:
    behind_the_back(archived.store, [("UPDATE mediation_case SET title = :title", {"title": "另一纠纷"}),
                                     ("UPDATE record_version SET canonical = replace(canonical, :old, :new) "
                                      "WHERE subject LIKE 'file:%'", {"old": "材料齐全", "new": "材料不全"})])
    found = _found(archived)
    changed = [message for code, message in found if code == "archive-document-changed"]
    assert any("受理登记表" in message for message in changed), found
    assert any("卷宗情况说明" in message for message in changed), found
    assert "cover-changed" in {code for code, _message in found}


def test_a_changed_or_removed_archive_record_is_found(archived: Desk) -> None:
    behind_the_back(archived.store, [("UPDATE case_archive SET canonical = replace(canonical, :old, :new)",
                                      {"old": '"complete":true', "new": '"complete":false'})])
    assert "archive-changed" in {code for code, _message in _found(archived, archived.number)}
    behind_the_back(archived.store, [("DELETE FROM case_archive", {})])
    assert "archive-missing" in {code for code, _message in _found(archived)}


def test_a_removed_filing_is_found(archived: Desk) -> None:
    behind_the_back(archived.store, [("DELETE FROM case_paper WHERE part = :part",
                                      {"part": FilePart.IDENTITY.value})])
    codes = {code for code, _message in _found(archived)}
    assert {"paper-missing", "archive-document-missing", "archive-document-added"} <= codes, codes
