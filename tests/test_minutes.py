"""Minutes typed live, in core, on SQLite and PostgreSQL: one committed entry at a time, drafts, sealing
on close (canonical record, signature, ledger), addenda, signings, search, and every bad input refused with
nothing half-written."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from sqlalchemy import func, select, text

from db.sittings import MinutesEntry, Sitting
from desktop.core.cases import matters, minutes, sittings
from desktop.core.cases.file_parts import FilePart
from desktop.core.cases.sittings import Attendee, AttendeeRole, SittingState
from desktop.core.cases.versions import StaleEdit
from desktop.core.errors import InvalidInput, NotAllowed
from desktop.core.integrity.canonical import canonical_bytes
from desktop.core.storage.store import OpenStore
from desktop.core.trust import ledger, users
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Actor, Role
from tests.sitting_hall import STARTS, Hall


@pytest.fixture
def hall(store: OpenStore) -> Hall:
    return Hall(store)


def _ledger_size(hall: Hall) -> int:
    with hall.database.session_scope() as session:
        return ledger.size(session)


def test_entries_are_numbered_committed_and_read_incrementally(hall: Hall) -> None:
    sitting = hall.schedule()
    texts = [f"第{index}句：申请人陈述。" for index in range(1, 8)]
    added = [hall.say(sitting.id, line) for line in texts]
    assert [entry.seq for entry in added] == list(range(1, 8))
    with hall.database.session_scope() as session:
        assert [entry.text for entry in minutes.entries(session, sitting.id)] == texts
        assert [entry.seq for entry in minutes.entries(session, sitting.id, after_seq=5)] == [6, 7]
        assert [entry.seq for entry in minutes.entries(session, sitting.id, after_seq=2, limit=2)] == [3, 4]
        info = sittings.sitting_info(session, sitting.id)
        assert (info.entry_count, info.state, info.sealed) == (7, SittingState.SCHEDULED, False)
        logged = ledger.subject_entries(session, f"minutes-entry:{added[0].id}")
        assert [entry.kind for entry in logged] == [EventKind.MINUTES_ENTRY_ADDED]
    assert hall.findings() == []


def test_an_edit_is_a_new_version_and_a_stale_one_is_refused(hall: Hall) -> None:
    sitting = hall.schedule()
    entry = hall.say(sitting.id, "赔偿五万元。")
    with hall.database.session_scope() as session:
        edited = minutes.edit_entry(session, hall.lihua, entry.id, 1, "赔偿三万元。")
    assert (edited.revision, edited.text) == (2, "赔偿三万元。")
    with hall.database.session_scope() as session, pytest.raises(StaleEdit):
        minutes.edit_entry(session, hall.lihua, entry.id, 1, "赔偿四万元。")
    with hall.database.session_scope() as session:
        logged = ledger.subject_entries(session, f"minutes-entry:{entry.id}")
        assert [item.kind for item in logged] == [EventKind.MINUTES_ENTRY_ADDED,
                                                  EventKind.MINUTES_ENTRY_EDITED]
    assert hall.findings() == []


def test_drafts_are_kept_per_user_and_go_with_the_confirmed_entry(hall: Hall) -> None:
    sitting = hall.schedule()
    with hall.database.session_scope() as session:
        minutes.save_draft(session, hall.lihua, sitting.id, "applicant", "张丽", "我方认为")
    with hall.database.session_scope() as session:
        minutes.save_draft(session, hall.lihua, sitting.id, AttendeeRole.APPLICANT, "张丽",
                           "我方认为被申请人")
    size = _ledger_size(hall)
    with hall.database.session_scope() as session:
        draft = minutes.draft_of(session, hall.lihua, sitting.id)
        assert draft is not None and draft.text == "我方认为被申请人"
        assert [found.sitting_id for found in minutes.drafts_of(session, hall.lihua)] == [sitting.id]
        assert minutes.drafts_of(session, hall.wangwu) == []
    assert _ledger_size(hall) == size  # a draft is no record
    hall.say(sitting.id, "我方认为被申请人侵权。")
    with hall.database.session_scope() as session:
        assert minutes.draft_of(session, hall.lihua, sitting.id) is None
        minutes.save_draft(session, hall.lihua, sitting.id, "mediator", "李华", "请双方")
    with hall.database.session_scope() as session:
        minutes.save_draft(session, hall.lihua, sitting.id, "mediator", "李华", "  ")
    with hall.database.session_scope() as session:
        assert minutes.draft_of(session, hall.lihua, sitting.id) is None
        minutes.save_draft(session, hall.lihua, sitting.id, "mediator", "李华", "请双方")
    with hall.database.session_scope() as session:
        minutes.discard_draft(session, hall.lihua, sitting.id)
    with hall.database.session_scope() as session:
        assert minutes.draft_of(session, hall.lihua, sitting.id) is None


def test_closing_seals_a_canonical_signed_record(hall: Hall) -> None:
    sitting = hall.schedule()
    with hall.database.session_scope() as session:
        sittings.set_notes(session, hall.lihua, sitting.id, 1, rights_explained=True,
                           risk_warning="已告知调解不成可依法诉讼。",
                           findings="被申请人销售的商品使用了近似商标。",
                           result="双方达成协议。")
    hall.say(sitting.id, "我方要求停止侵权。")
    hall.say(sitting.id, "同意下架。", role="respondent", speaker="某公司")
    sealed = hall.close(sitting.id)
    record = sealed.record
    assert (record["type"], record["version"], record["case"], record["state"]) == (
        "mediseal.minutes", 1, hall.number, "held")
    assert record["form"] == "人民调解文书格式（2010）调解记录"
    assert record["header"] == {"rights_explained": True, "risk_warning": "已告知调解不成可依法诉讼。"}
    assert [(entry["seq"], entry["speaker"], entry["text"]) for entry in record["entries"]] == [
        (1, "张丽", "我方要求停止侵权。"), (2, "某公司", "同意下架。")]
    assert [attendee["role"] for attendee in record["sitting"]["attendees"]] == ["applicant", "mediator"]
    assert (record["findings"], record["result"], record["sealed_by"]) == (
        "被申请人销售的商品使用了近似商标。", "双方达成协议。", "lihua")
    data = canonical_bytes(record)
    hall.key.certificate.public_key().verify(  # type: ignore[union-attr]
        sealed.signature, data, ec.ECDSA(hashes.SHA256()))
    with hall.database.session_scope() as session:
        info = sittings.sitting_info(session, sitting.id)
        assert (info.state, info.sealed) == (SittingState.HELD, True)
        logged = ledger.subject_entries(session, f"minutes:{sealed.id}")
        assert [(entry.kind, entry.subject_sha256) for entry in logged] == [
            (EventKind.MINUTES_SEALED, sealed.record_sha256)]
        assert [found.kind for found in minutes.sealed_records(session, sitting.id)] == ["minutes"]
    assert hall.findings() == []


def test_bad_input_is_refused_and_nothing_is_written(hall: Hall) -> None:
    sitting, _sealed = hall.held()
    other = hall.schedule()
    hall.say(other.id, "第一句。")
    size = _ledger_size(hall)
    lihua, wangwu, key = hall.lihua, hall.wangwu, hall.key
    with hall.database.session_scope() as session:
        def add(actor: Actor, sitting_id: int, role: str, speaker: str, said: str) -> object:
            return minutes.add_entry(session, actor, sitting_id, role, speaker, said)

        def addendum(sitting_id: int, seq: int, reason: str) -> object:
            return minutes.add_addendum(session, lihua, key, sitting_id, seq, reason, "改。")

        def close(actor: Actor, sitting_id: int, **fields: object) -> object:
            return minutes.close_sitting(session, actor, key, sitting_id, **fields)  # type: ignore[arg-type]

        attempts: list[tuple[type[Exception], Callable[[], object]]] = [
            # an entry for a sealed record
            (NotAllowed, lambda: add(lihua, sitting.id, "applicant", "张丽", "补充。")),
            (NotAllowed, lambda: minutes.edit_entry(session, lihua, 1, 1, "改。")),
            # a sitting closed twice
            (NotAllowed, lambda: close(lihua, sitting.id)),
            # an addendum without a reason, to unsealed minutes, or to an entry the minutes lack
            (InvalidInput, lambda: addendum(sitting.id, 1, " ")),
            (NotAllowed, lambda: addendum(other.id, 1, "笔误")),
            (InvalidInput, lambda: addendum(sitting.id, 9, "笔误")),
            # a non-assigned user typing minutes
            (NotAllowed, lambda: add(wangwu, other.id, "applicant", "张丽", "我说。")),
            (NotAllowed, lambda: minutes.save_draft(session, wangwu, other.id, "applicant", "张丽", "我说")),
            # a speaker role not of the vocabulary
            (InvalidInput, lambda: add(lihua, other.id, "judge", "某某", "我说。")),
            # control and bidi characters, and empty text
            (InvalidInput, lambda: add(lihua, other.id, "applicant", "张丽", "金额\u202e00051")),
            (InvalidInput, lambda: add(lihua, other.id, "applicant", "张\x07丽", "我说。")),
            (InvalidInput, lambda: add(lihua, other.id, "applicant", "张丽", "\x00")),
            (InvalidInput, lambda: add(lihua, other.id, "applicant", "张丽", "  ")),
            (InvalidInput, lambda: close(lihua, other.id, state="cancelled")),
            # wangwu is not a mediator of the case: he may not seal
            (NotAllowed, lambda: close(wangwu, other.id)),
        ]
        for error, attempt in attempts:
            with pytest.raises(error) as refused:
                attempt()
            assert refused.value.message
        session.rollback()
    assert _ledger_size(hall) == size
    with hall.database.session_scope() as session:
        assert sittings.sitting_info(session, other.id).entry_count == 1
        assert session.scalar(select(func.count()).select_from(MinutesEntry)) == 3
        assert minutes.drafts_of(session, hall.wangwu) == []
    assert hall.findings() == []


def test_an_entry_into_a_cancelled_sitting_is_refused(hall: Hall) -> None:
    sitting = hall.schedule()
    with hall.database.session_scope() as session, pytest.raises(InvalidInput):
        sittings.cancel_sitting(session, hall.lihua, sitting.id, "")
    with hall.database.session_scope() as session:
        sittings.cancel_sitting(session, hall.lihua, sitting.id, "申请人病假")
    with hall.database.session_scope() as session, pytest.raises(NotAllowed) as refused:
        minutes.add_entry(session, hall.lihua, sitting.id, "applicant", "张丽", "我说。")
    assert "cancelled" in refused.value.message
    with hall.database.session_scope() as session, pytest.raises(NotAllowed):
        minutes.close_sitting(session, hall.lihua, hall.key, sitting.id)
    held = hall.schedule()
    hall.say(held.id, "我说。")
    with hall.database.session_scope() as session, pytest.raises(NotAllowed) as refused:
        sittings.cancel_sitting(session, hall.lihua, held.id, "改期")
    assert "adjourned" in refused.value.message
    with hall.database.session_scope() as session, pytest.raises(NotAllowed):
        minutes.close_sitting(session, hall.lihua, hall.key, hall.schedule().id)  # no entries yet
    assert hall.findings() == []


def test_addenda_and_signings_are_sealed_facts(hall: Hall) -> None:
    sitting, sealed = hall.held()
    later = STARTS + timedelta(hours=2)
    with hall.database.session_scope() as session:
        addendum = minutes.add_addendum(session, hall.lihua, hall.key, sitting.id, 2, "记录笔误",
                                        "被申请人同意下架全部商品。", now=later)
        signing = minutes.record_signing(session, hall.lihua, sealed.id, "张丽", "applicant", later,
                                         now=later)
    assert (addendum.kind, addendum.corrects_seq, addendum.reason) == ("addendum", 2, "记录笔误")
    assert addendum.record["minutes_sha256"] == sealed.record_sha256
    assert addendum.record["type"] == "mediseal.minutes-addendum"
    assert (signing.name, signing.role) == ("张丽", AttendeeRole.APPLICANT)
    with hall.database.session_scope() as session, pytest.raises(InvalidInput):
        minutes.record_signing(session, hall.lihua, sealed.id, "张丽", "applicant", STARTS)  # before sealing
    with hall.database.session_scope() as session:
        records = minutes.sealed_records(session, sitting.id)
        assert [(found.kind, len(found.signings)) for found in records] == [("minutes", 1), ("addendum", 0)]
        documents = minutes.file_documents(session, matters.find_case(session, hall.number))
    assert [(document.part, document.reference) for document in documents] == [
        (FilePart.MINUTES, f"minutes:{sealed.id}"), (FilePart.MINUTES, f"minutes:{addendum.id}")]
    assert hall.findings() == []


def test_the_recorder_types_and_seals_with_their_own_key(hall: Hall) -> None:
    with hall.database.session_scope() as session:
        users.add_user(session, hall.admin, "sunlin", frozenset({Role.CLERK}), "clerk-password-2", "孙林")
    recorder = users.sign_in(hall.database, "sunlin", "clerk-password-2")
    sitting = hall.schedule(attendees=(Attendee(AttendeeRole.RECORDER, "孙林", login="sunlin"),))
    hall.say(sitting.id, "书记员记录。", actor=recorder)
    with hall.database.session_scope() as session, pytest.raises(NotAllowed) as refused:
        minutes.add_entry(session, hall.clerk, sitting.id, "applicant", "张丽", "我说。")
    assert "not assigned" in refused.value.message
    with hall.database.session_scope() as session, pytest.raises(NotAllowed) as refused:
        from desktop.core.trust import signing_keys
        signing_keys.unlock(session, recorder, "clerk-password-2")
    assert "no usable signing key" in refused.value.message
    from desktop.core.trust import signing_keys
    with hall.database.session_scope() as session:
        signing_keys.new_key(session, recorder, "clerk-password-2")
    key = hall.unlock(recorder, "clerk-password-2")
    with hall.database.session_scope() as session:
        sealed = minutes.close_sitting(session, recorder, key, sitting.id, state=SittingState.ADJOURNED)
    assert (sealed.signer, sealed.record["state"]) == ("sunlin", "adjourned")
    assert hall.findings() == []


def test_search_escapes_and_folds_the_same_on_both_backends(hall: Hall) -> None:
    sitting = hall.schedule()
    hall.say(sitting.id, "商品链接 https://shop.example/ABC_100% 已下架，另有多家店铺仍在销售该商品。")
    hall.say(sitting.id, "我方要求赔偿经济损失50000元。")
    hall.say(sitting.id, "ABCX100 不是我方商品。")
    with hall.database.session_scope() as session:
        assert [hit.seq for hit in minutes.search(session, hall.number, "abc_100%")] == [1]
        assert [hit.seq for hit in minutes.search(session, hall.number, "ABC")] == [1, 3]
        hits = minutes.search(session, hall.number, "经济损失")
        assert [(hit.sitting_id, hit.seq, hit.speaker) for hit in hits] == [(sitting.id, 2, "张丽")]
        assert "经济损失" in hits[0].snippet
        long = minutes.search(session, hall.number, "店铺")[0].snippet
        assert long.startswith("…") and "店铺" in long
        assert minutes.search(session, hall.number, "_") == [minutes.search(session, hall.number, "ABC_")[0]]
        assert minutes.search(session, hall.number, "  ") == []


def test_sealed_minutes_are_read_only_in_the_database(hall: Hall) -> None:
    sitting, sealed = hall.held()
    later = STARTS + timedelta(hours=2)
    with hall.database.session_scope() as session:
        signing = minutes.record_signing(session, hall.lihua, sealed.id, "张丽", "applicant", later,
                                         now=later)
    open_sitting = hall.schedule()
    hall.say(open_sitting.id, "未封存。")
    statements = [
        "UPDATE sitting SET place = 'x' WHERE id = :sitting",
        "DELETE FROM sitting WHERE id = :sitting",
        "UPDATE minutes_entry SET text = 'x' WHERE sitting_id = :sitting",
        "DELETE FROM minutes_entry WHERE sitting_id = :sitting",
        "INSERT INTO minutes_entry (sitting_id, seq, kind, speaker_role, speaker, text, spoken_at, "
        "recorded_by, recorded_at, revision) SELECT sitting_id, 99, kind, speaker_role, speaker, text, "
        "spoken_at, recorded_by, recorded_at, revision FROM minutes_entry WHERE sitting_id = :sitting "
        "AND seq = 1",
        "UPDATE minutes_entry SET sitting_id = :sitting WHERE sitting_id = :open",
        "UPDATE sitting_attendee SET name = 'x' WHERE sitting_id = :sitting",
        "DELETE FROM sitting_attendee WHERE sitting_id = :sitting",
        "INSERT INTO sitting_attendee (sitting_id, position, role, name) VALUES (:sitting, 9, 'other', 'x')",
        "UPDATE sealed_minutes SET canonical = 'x' WHERE id = :record",
        "DELETE FROM sealed_minutes WHERE id = :record",
        "UPDATE minutes_signing SET name = 'x' WHERE id = :signing",
        "DELETE FROM minutes_signing WHERE id = :signing",
    ]
    for statement in statements:
        with pytest.raises(Exception, match="mediseal"), hall.database.session_scope() as session:
            session.execute(text(statement),
                            {"sitting": sitting.id, "open": open_sitting.id, "record": sealed.id,
                             "signing": signing.id})
    with hall.database.session_scope() as session:  # an open sitting's rows stay writable for the services
        session.execute(text("UPDATE minutes_entry SET revision = revision WHERE sitting_id = :open"),
                        {"open": open_sitting.id})
    with hall.database.session_scope() as session:
        sealed_row = session.get(Sitting, sitting.id)
        assert sealed_row is not None and sealed_row.place == "昆明市五华区调解室"
        first = minutes.sealed_records(session, sitting.id)[0].record["entries"][0]
        assert first["text"] == "我方要求停止侵权。"
    assert hall.findings() == []


def test_sqlite_commits_each_entry_with_full_sync(sqlite_store: OpenStore) -> None:
    # SQLite only: PostgreSQL commits durably by default (synchronous_commit on).
    with sqlite_store.database.session_scope() as session:
        assert session.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
