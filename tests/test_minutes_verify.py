"""Verification of sittings and minutes, on SQLite and PostgreSQL: rows changed or removed behind the
database's triggers (as someone with file or superuser access would) are named by ``verify``: a changed
minutes entry (sitting, seq, expected, found), a changed sealed record, a removed addendum, a changed
signing, an entry changed before sealing; for the whole store and for one case."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.core.cases import minutes
from desktop.core.integrity.canonical import canonical_bytes
from desktop.core.storage.store import OpenStore
from desktop.core.verification.findings import Finding
from desktop.core.verification.store import verify_store
from tests.sitting_hall import STARTS, Hall
from tests.tamper import behind_the_back, behind_the_triggers


@pytest.fixture
def hall(store: OpenStore) -> Hall:
    return Hall(store)


def _findings(hall: Hall, case: str | None = None) -> list[Finding]:
    with hall.database.session_scope() as session:
        return list(verify_store(session, hall.vault, case).findings)


def test_a_changed_entry_of_sealed_minutes_is_named(hall: Hall) -> None:
    sitting, _sealed = hall.held("我方要求赔偿五万元。", "被申请人同意下架。")
    assert _findings(hall) == []
    behind_the_triggers(hall.store, "minutes_entry",
                        "UPDATE minutes_entry SET text = :text WHERE sitting_id = :sitting AND seq = 1",
                        text="我方要求赔偿五百元。", sitting=sitting.id)
    for case in (None, hall.number):
        found = _findings(hall, case)
        assert [(finding.code, finding.case, finding.expected, finding.found) for finding in found] == [
            ("minutes-entry-changed", hall.number, "我方要求赔偿五万元。", "我方要求赔偿五百元。")]
        assert f"sitting {sitting.id}" in found[0].message and "entry 1" in found[0].message


def test_a_removed_or_added_entry_of_sealed_minutes_is_named(hall: Hall) -> None:
    sitting, _sealed = hall.held("第一句。", "第二句。")
    behind_the_back(hall.store, [
        ("DELETE FROM minutes_entry WHERE sitting_id = :sitting AND seq = 2", {"sitting": sitting.id}),
        ("UPDATE minutes_entry SET speaker = '王五' WHERE sitting_id = :sitting AND seq = 1",
         {"sitting": sitting.id})])
    found = _findings(hall)
    assert sorted((finding.code, finding.found, finding.seq is not None) for finding in found) == [
        ("minutes-entry-changed", "speaker=王五", False),
        ("minutes-entry-missing", None, False),  # against the sealed text: entry 2, its text expected
        ("minutes-entry-missing", None, True)]  # against the ledger: the entry it logged is gone
    assert {finding.expected for finding in found} >= {"speaker=张丽", "第二句。"}


def test_a_changed_sealed_record_and_a_removed_addendum_are_named(hall: Hall) -> None:
    sitting, sealed = hall.held()
    with hall.database.session_scope() as session:
        addendum = minutes.add_addendum(session, hall.lihua, hall.key, sitting.id, 1, "笔误",
                                        "我方要求停止侵权并赔偿。", now=STARTS + timedelta(hours=2))
    assert _findings(hall) == []
    changed = sealed.record | {"result": "双方未达成协议。"}
    behind_the_triggers(hall.store, "sealed_minutes",
                        "UPDATE sealed_minutes SET canonical = :text WHERE id = :id",
                        text=canonical_bytes(changed).decode("utf-8"), id=sealed.id)
    codes = {finding.code for finding in _findings(hall)}
    assert {"minutes-changed", "minutes-signature"} <= codes
    behind_the_triggers(hall.store, "sealed_minutes", "DELETE FROM sealed_minutes WHERE id = :id",
                        id=addendum.id)
    found = [finding for finding in _findings(hall) if finding.code == "minutes-missing"]
    assert [(finding.seq is not None, finding.expected) for finding in found] == [
        (True, addendum.record_sha256)]
    assert "addendum" in found[0].message


def test_a_changed_signing_and_an_entry_changed_before_sealing_are_named(hall: Hall) -> None:
    _sitting, sealed = hall.held()
    later = STARTS + timedelta(hours=2)
    with hall.database.session_scope() as session:
        signing = minutes.record_signing(session, hall.lihua, sealed.id, "张丽", "applicant", later,
                                         now=later)
    open_sitting = hall.schedule()
    hall.say(open_sitting.id, "尚未封存的陈述。")
    assert _findings(hall) == []
    behind_the_back(hall.store, [
        ("UPDATE minutes_signing SET name = '李四' WHERE id = :id", {"id": signing.id}),
        ("UPDATE minutes_entry SET text = '改过的陈述。' WHERE sitting_id = :sitting",
         {"sitting": open_sitting.id})])
    found = sorted(_findings(hall), key=lambda finding: finding.code)
    assert (found[0].code, found[0].expected, found[0].found) == (
        "minutes-entry-changed", "尚未封存的陈述。", "改过的陈述。")
    assert found[1].code == "minutes-signing-changed" and "李四" in found[1].message
    assert len(found) == 2
