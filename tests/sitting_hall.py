"""A committee with a case, its assigned mediator's signing key and a party: what the sittings' and
minutes' tests (core, CLI, verification) start from."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desktop.core.cases import progress
from desktop.core.cases.minutes import EntryInfo, SealedMinutes, add_entry, close_sitting
from desktop.core.cases.parties import add_party
from desktop.core.cases.sittings import Attendee, AttendeeRole, SittingInfo, SittingKind, schedule_sitting
from desktop.core.storage.store import OpenStore
from desktop.core.trust import signing_keys
from desktop.core.trust.permissions import Actor
from desktop.core.trust.signing_keys import UnlockedKey
from tests.test_cases import NOW, ZHANG, Committee

MEDIATOR_PASSWORD = "mediator-pass-1"
STARTS = NOW + timedelta(days=1)  # 10:00 in Kunming tomorrow


class Hall(Committee):
    """An office, a case assigned to lihua (who has a key), with 张丽 as applicant."""

    def __init__(self, store: OpenStore) -> None:
        super().__init__(store)
        self.store = store
        self.number = self.open(self.clerk)
        with self.database.session_scope() as session:
            progress.assign_mediator(session, self.admin, self.number, "lihua", conflict=False, now=NOW)
            self.party_id = add_party(session, self.lihua, self.number, "applicant", ZHANG, now=NOW).id
            signing_keys.new_key(session, self.lihua, MEDIATOR_PASSWORD)
        self.key = self.unlock(self.lihua)

    def unlock(self, actor: Actor, password: str = MEDIATOR_PASSWORD) -> UnlockedKey:
        with self.database.session_scope() as session:
            return signing_keys.unlock(session, actor, password)

    def schedule(self, **fields: object) -> SittingInfo:
        attendees = (Attendee(AttendeeRole.APPLICANT, "张丽", party_id=self.party_id),
                     Attendee(AttendeeRole.MEDIATOR, "李华", login="lihua"))
        given: dict[str, object] = {"place": "昆明市五华区调解室", "matter": "商标侵权赔偿",
                                    "attendees": attendees}
        given.update(fields)
        actor = given.pop("actor", self.lihua)
        kind = given.pop("kind", SittingKind.MEDIATION)
        with self.database.session_scope() as session:
            return schedule_sitting(session, actor, self.number, kind, STARTS, now=NOW,  # type: ignore[arg-type]
                                    **given)  # type: ignore[arg-type]

    def say(self, sitting_id: int, text: str, role: str = "applicant", speaker: str = "张丽",
            actor: Actor | None = None) -> EntryInfo:
        with self.database.session_scope() as session:
            return add_entry(session, actor or self.lihua, sitting_id, role, speaker, text,
                             now=STARTS + timedelta(minutes=5))

    def close(self, sitting_id: int, **fields: object) -> SealedMinutes:
        with self.database.session_scope() as session:
            return close_sitting(session, self.lihua, self.key, sitting_id,
                                 now=STARTS + timedelta(hours=1), **fields)  # type: ignore[arg-type]

    def held(self, *texts: str) -> tuple[SittingInfo, SealedMinutes]:
        """A sitting with entries, closed and sealed."""
        sitting = self.schedule()
        for text in texts or ("我方要求停止侵权。", "被申请人同意下架商品。"):
            self.say(sitting.id, text)
        return sitting, self.close(sitting.id)


LATER = datetime(2026, 11, 28, 3, 0, tzinfo=UTC)
