"""Follow-up visits (回访记录) after an agreement: when, who visited, the matter looked into, and what was
found (was the agreement performed). A committee follows up on how its agreements are performed
(People's Mediation Law art. 31: the committee sees to the performance of an agreement)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import utc_now
from db.outcomes import FollowUpVisit
from desktop.core.cases.deadlines import office_today
from desktop.core.cases.matters import case_subject, find_case, require_case_access
from desktop.core.cases.outcomes import next_id, require_agreement, stored_record
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput
from desktop.core.integrity.canonical import format_time
from desktop.core.text import clean_text
from desktop.core.trust import ledger
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Actor, require_active

RECORD_TYPE = "follow-up-visit"
RECORD_VERSION = 1
VISITORS_MAX = 200
MATTER_MAX = 500
FINDINGS_MAX = 4000


@dataclass(frozen=True, slots=True)
class VisitInput:
    """A visit as typed."""

    visited_on: date
    visitors: str
    matter: str
    findings: str


@dataclass(frozen=True, slots=True)
class VisitInfo:
    """A recorded visit."""

    id: int
    case_number: str
    visited_on: date
    visitors: str
    matter: str
    findings: str
    recorded_by: str
    recorded_at: datetime
    record_sha256: str


def add_visit(session: Session, actor: Actor, number: str, given: VisitInput,
              now: datetime | None = None) -> VisitInfo:
    """Record a follow-up visit to a case with an agreement on record, on a day from the agreement's
    date of effect to today."""
    ledger.lock(session)
    row = find_case(session, number)
    require_case_access(session, actor, row)
    require_active(actor)
    agreement = require_agreement(session, row)
    assert agreement.effective_on is not None
    moment = now or utc_now()
    if given.visited_on < agreement.effective_on:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "{given} is before the agreement took effect ({effective})."), field="visited_on",
            given=given.visited_on.isoformat(), effective=agreement.effective_on.isoformat())
    if given.visited_on > office_today(moment):
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The date {given} is still to come."),
                           field="visited_on", given=given.visited_on.isoformat())
    visitors = clean_text(given.visitors, "visitors", VISITORS_MAX, required=True)
    matter = clean_text(given.matter, "matter", MATTER_MAX, multiline=True, required=True)
    findings = clean_text(given.findings, "findings", FINDINGS_MAX, multiline=True, required=True)
    visit_id = next_id(session, FollowUpVisit)
    record = {"type": RECORD_TYPE, "version": RECORD_VERSION, "id": visit_id, "case": row.number,
              "visited_on": given.visited_on.isoformat(), "visitors": visitors, "matter": matter,
              "findings": findings, "recorded_by": actor.name, "time": format_time(moment)}
    canonical, digest = stored_record(record)
    session.add(FollowUpVisit(id=visit_id, case_id=row.id, visited_on=given.visited_on, canonical=canonical,
                              record_sha256=digest, recorded_by=actor.name, recorded_at=moment))
    session.flush()
    ledger.append(session, actor.name, EventKind.VISIT_RECORDED, case_subject(row.number), digest, now=moment)
    return VisitInfo(visit_id, row.number, given.visited_on, visitors, matter, findings, actor.name, moment,
                     digest)


def list_visits(session: Session, number: str) -> list[VisitInfo]:
    """A case's follow-up visits, in the order recorded."""
    row = find_case(session, number)
    found = []
    for visit in session.scalars(select(FollowUpVisit).where(FollowUpVisit.case_id == row.id)
                                 .order_by(FollowUpVisit.id)):
        record = json.loads(visit.canonical)
        found.append(VisitInfo(visit.id, row.number, visit.visited_on, record.get("visitors", ""),
                               record.get("matter", ""), record.get("findings", ""), visit.recorded_by,
                               visit.recorded_at, visit.record_sha256))
    return found
