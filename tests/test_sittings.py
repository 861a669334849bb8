"""Sittings in core, on SQLite and PostgreSQL: scheduling with attendees, edits with the optimistic check,
the minutes' header and closing notes, cancelling, the calendar of upcoming sittings and the attendees a
new sitting starts from."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop.core.cases import sittings
from desktop.core.cases.sittings import Attendee, AttendeeRole, SittingKind, SittingState
from desktop.core.cases.versions import StaleEdit, versions
from desktop.core.errors import InvalidInput, NotAllowed
from desktop.core.storage.store import OpenStore
from desktop.core.trust.events import EventKind
from tests.sitting_hall import STARTS, Hall


@pytest.fixture
def hall(store: OpenStore) -> Hall:
    return Hall(store)


def test_a_sitting_is_scheduled_edited_and_versioned(hall: Hall) -> None:
    sitting = hall.schedule()
    assert (sitting.kind, sitting.state, sitting.revision, sitting.entry_count, sitting.sealed) == (
        SittingKind.MEDIATION, SittingState.SCHEDULED, 1, 0, False)
    assert [(attendee.role, attendee.name) for attendee in sitting.attendees] == [
        (AttendeeRole.APPLICANT, "张丽"), (AttendeeRole.MEDIATOR, "李华")]
    moved = STARTS + timedelta(days=2)
    with hall.database.session_scope() as session:
        edited = sittings.edit_sitting(session, hall.lihua, sitting.id, 1, starts_at=moved, place="",
                                       online=True, matter="商标侵权赔偿（线上）",
                                       attendees=(*sitting.attendees,
                                                  Attendee(AttendeeRole.EXPERT, "周明")))
    assert (edited.revision, edited.online, edited.place, len(edited.attendees)) == (2, True, "", 3)
    with hall.database.session_scope() as session, pytest.raises(StaleEdit):
        sittings.edit_sitting(session, hall.lihua, sitting.id, 1, starts_at=moved, place="x", online=False,
                              matter="", attendees=())
    with hall.database.session_scope() as session:
        noted = sittings.set_notes(session, hall.lihua, sitting.id, 2, rights_explained=True,
                                   risk_warning="已告知。", findings="", result="")
        assert noted.revision == 3 and noted.rights_explained
        same = sittings.set_notes(session, hall.lihua, sitting.id, 3, rights_explained=True,
                                  risk_warning="已告知。", findings="", result="")
        assert same.revision == 3  # nothing changed, nothing logged
        saved = versions(session, sittings.sitting_subject(sitting.id))
        assert [version.version for version in saved] == [1, 2, 3]
        assert saved[1].record["attendees"][2] == {"role": "expert", "name": "周明", "party_id": None,
                                                   "agent_id": None, "login": None}
        assert [info.id for info in sittings.list_sittings(session, hall.number)] == [sitting.id]
        assert sittings.sitting_info(session, sitting.id).matter == "商标侵权赔偿（线上）"
    assert hall.findings() == []


@pytest.mark.parametrize(("fields", "field"), [
    ({"place": ""}, "place"),
    ({"place": "调解室\u202e"}, "place"),
    ({"matter": "\x00"}, "matter"),
    ({"attendees": (Attendee("judge", "某某"),)}, "role"),  # type: ignore[arg-type]
    ({"attendees": (Attendee(AttendeeRole.APPLICANT, " "),)}, "attendees"),
    ({"attendees": (Attendee(AttendeeRole.APPLICANT, "张丽", party_id=999),)}, "attendees"),
    ({"attendees": (Attendee(AttendeeRole.MEDIATOR, "某某", login="nobody"),)}, "attendees"),
    ({"kind": "hearing"}, "kind"),
])
def test_bad_sittings_are_refused(hall: Hall, fields: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        hall.schedule(**fields)
    assert refused.value.fields.get("field") == field
    with hall.database.session_scope() as session:
        assert sittings.list_sittings(session, hall.number) == []


def test_times_need_their_zone_and_only_the_case_s_people_schedule(hall: Hall) -> None:
    with hall.database.session_scope() as session, pytest.raises(InvalidInput):
        sittings.schedule_sitting(session, hall.lihua, hall.number, "mediation", datetime(2026, 12, 1, 10),
                                  place="调解室")
    with hall.database.session_scope() as session, pytest.raises(NotAllowed):
        sittings.schedule_sitting(session, hall.wangwu, hall.number, "mediation", STARTS, place="调解室")


def test_upcoming_lists_the_actor_s_cases_in_a_window(hall: Hall) -> None:
    first = hall.schedule()
    later = hall.schedule(kind=SittingKind.INVESTIGATION, place="被申请人店铺")
    other_number = hall.open(hall.wangwu)
    with hall.database.session_scope() as session:
        from desktop.core.cases import progress
        progress.assign_mediator(session, hall.admin, other_number, "wangwu", conflict=False)
        theirs = sittings.schedule_sitting(session, hall.wangwu, other_number, "mediation",
                                           STARTS + timedelta(hours=2), place="调解室")
        far = sittings.schedule_sitting(session, hall.wangwu, other_number, "mediation",
                                        STARTS + timedelta(days=30), place="调解室")
        sittings.cancel_sitting(session, hall.lihua, later.id, "改为线上调查")
    start = STARTS - timedelta(hours=1)
    with hall.database.session_scope() as session:
        assert [info.id for info in sittings.upcoming(session, hall.lihua, start=start)] == [first.id]
        assert [info.id for info in sittings.upcoming(session, hall.wangwu, start=start)] == [theirs.id]
        assert [info.id for info in sittings.upcoming(session, hall.admin, start=start, days=31)] == [
            first.id, theirs.id, far.id]
        assert sittings.upcoming(session, hall.lihua, start=STARTS + timedelta(hours=1)) == []
        with pytest.raises(InvalidInput):
            sittings.upcoming(session, hall.lihua, start=datetime(2026, 12, 1), days=14)
    assert hall.findings() == []


def test_default_attendees_are_the_case_s_parties_agents_and_mediators(hall: Hall) -> None:
    with hall.database.session_scope() as session:
        listed = sittings.default_attendees(session, hall.number)
    assert listed == (Attendee(AttendeeRole.APPLICANT, "张丽", party_id=hall.party_id),
                      Attendee(AttendeeRole.MEDIATOR, "李华", login="lihua"))


def test_a_cancelled_sitting_is_read_only(hall: Hall) -> None:
    sitting = hall.schedule()
    with hall.database.session_scope() as session:
        cancelled = sittings.cancel_sitting(session, hall.lihua, sitting.id, "申请人未到",
                                            now=datetime(2026, 11, 26, 3, tzinfo=UTC))
    assert (cancelled.state, cancelled.cancel_reason) == (SittingState.CANCELLED, "申请人未到")
    with hall.database.session_scope() as session, pytest.raises(NotAllowed):
        sittings.set_notes(session, hall.lihua, sitting.id, cancelled.revision, rights_explained=True,
                           risk_warning="", findings="", result="")
    with hall.database.session_scope() as session, pytest.raises(NotAllowed):
        sittings.cancel_sitting(session, hall.lihua, sitting.id, "再次取消")
    with hall.database.session_scope() as session:
        saved = versions(session, sittings.sitting_subject(sitting.id))
        kinds = [version.record["state"] for version in saved]
        assert kinds == ["scheduled", "cancelled"]
        from desktop.core.trust import ledger
        logged = ledger.subject_entries(session, sittings.sitting_subject(sitting.id))
        assert [entry.kind for entry in logged] == [EventKind.SITTING_SCHEDULED, EventKind.SITTING_CANCELLED]
    assert hall.findings() == []
