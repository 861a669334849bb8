"""The office's list of courts (法院名录) and the committee's place (调解组织所在地).

The list is the office's own data, kept like its settings: only an administrator changes it, every version
is a record (``court:<id>``, ``office:place``) with a ledger entry, nothing is removed (a court no longer
used is made inactive). The competent-court suggestion (``core.documents.courts``) reads it.

Which IP cases a court hears at first instance follows the SPC Provisions on Jurisdiction over
First-instance Civil and Administrative IP Cases (最高人民法院关于第一审知识产权民事、行政案件管辖的若干规定,
法释〔2022〕13号, in force 1 May 2022), recorded per court as ``Jurisdiction`` codes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.courts import CommitteePlace, Court
from db.models import utc_now
from desktop.core.cases import versions
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput, NotFound
from desktop.core.text import clean_text
from desktop.core.trust import ledger
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Action, Actor, require
from desktop.core.vocabulary import Vocabulary

COURT_RECORD_TYPE = "court"
COURT_RECORD_VERSION = 1
PLACE_RECORD_TYPE = "committee-place"
PLACE_RECORD_VERSION = 1
PLACE_SUBJECT = "office:place"
NAME_MAX = 100
AREA_MAX = 100


class CourtLevel(Vocabulary):
    """The level of a people's court (Organic Law of the People's Courts art. 12). Stored."""

    BASIC = "basic", QT_TRANSLATE_NOOP("vocabulary", "Basic people's court")  # 基层人民法院
    INTERMEDIATE = "intermediate", QT_TRANSLATE_NOOP("vocabulary", "Intermediate people's court")  # 中级
    HIGH = "high", QT_TRANSLATE_NOOP("vocabulary", "High people's court")  # 高级人民法院


class Jurisdiction(Vocabulary):
    """IP cases a court hears at first instance, by the SPC 2022 provisions (法释〔2022〕13号). Stored."""

    # Art. 1: invention and utility-model patents, plant varieties, IC layout designs, technical secrets,
    # computer software and monopoly disputes: IP courts, the intermediate courts of provincial capitals
    # and intermediate courts the SPC designates.
    TECHNICAL = "technical", QT_TRANSLATE_NOOP(
        "vocabulary", "Technical IP cases (invention and utility-model patents, plant varieties, IC layouts, "
                      "technical secrets, software, monopoly)")
    # Art. 2: design patents (and well-known trademark findings): intermediate courts, and basic courts
    # the SPC approves.
    DESIGN_PATENT = "design-patent", QT_TRANSLATE_NOOP("vocabulary", "Design patents")
    # Art. 3: every other IP case (trademarks, copyright, unfair competition, …): basic courts the SPC
    # designates.
    GENERAL = "general", QT_TRANSLATE_NOOP(
        "vocabulary", "Other IP cases (trademarks, copyright, unfair competition)")


@dataclass(frozen=True, slots=True)
class CourtInfo:
    """A court of the list as it stands now."""

    id: int
    name: str
    level: CourtLevel
    area: str  # the area it serves (辖区): 昆明市五华区; an intermediate court's prefecture: 昆明市
    ip_area: str  # the area its IP jurisdiction covers (云南省 for a court the SPC designated for it)
    hears: tuple[Jurisdiction, ...]
    active: bool
    version: int

    def record(self) -> dict[str, object]:
        """The canonical record each version's ledger entry digests."""
        return {"type": COURT_RECORD_TYPE, "version": COURT_RECORD_VERSION, "name": self.name,
                "level": self.level.value, "area": self.area, "ip_area": self.ip_area,
                "hears": [kind.value for kind in self.hears], "active": self.active}

    def as_json(self) -> dict[str, object]:
        """What ``--json`` prints."""
        return {"id": self.id, **self.record(), "version": self.version}


def court_subject(court_id: int) -> str:
    """The ledger subject of a court of the list."""
    return f"court:{court_id}"


def _info(row: Court) -> CourtInfo:
    hears = tuple(Jurisdiction(code) for code in row.hears.split())
    return CourtInfo(row.id, row.name, CourtLevel(row.level), row.area, row.ip_area, hears, row.active,
                     row.version)


def _level(level: CourtLevel | str) -> CourtLevel:
    try:
        return CourtLevel(level)
    except ValueError:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "“{value}” is not a court level; use one of: {levels}."),
            field="level", value=level, levels=", ".join(CourtLevel)) from None


def _hears(level: CourtLevel, hears: Iterable[Jurisdiction | str]) -> tuple[Jurisdiction, ...]:
    chosen: set[Jurisdiction] = set()
    for code in hears:
        try:
            chosen.add(Jurisdiction(code))
        except ValueError:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "“{value}” is not a kind of IP jurisdiction; use one of: {kinds}."),
                field="hears", value=code, kinds=", ".join(Jurisdiction)) from None
    # SPC 2022 provisions art. 1: technical IP cases are never heard by a basic court.
    if level is CourtLevel.BASIC and Jurisdiction.TECHNICAL in chosen:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "A basic court does not hear technical IP cases at first instance (SPC 2022 "
                      "provisions on IP jurisdiction, art. 1)."), field="hears")
    return tuple(kind for kind in Jurisdiction if kind in chosen)  # in the vocabulary's order


def _checked(court_id: int, name: str, level: CourtLevel | str, area: str, ip_area: str,
             hears: Iterable[Jurisdiction | str], active: bool, version: int) -> CourtInfo:
    chosen_level = _level(level)
    cleaned_area = clean_text(area, "area", AREA_MAX, required=True)
    return CourtInfo(court_id, clean_text(name, "name", NAME_MAX, required=True), chosen_level, cleaned_area,
                     clean_text(ip_area, "ip_area", AREA_MAX) or cleaned_area, _hears(chosen_level, hears),
                     bool(active), version)


def _refuse_duplicate(session: Session, name: str, court_id: int | None) -> None:
    other = session.scalars(select(Court).where(Court.name == name)).first()
    if other is not None and other.id != court_id:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The list already has a court named {name}."),
                           field="name", name=name)


def add_court(session: Session, actor: Actor, name: str, level: CourtLevel | str, area: str, *,
              ip_area: str = "", hears: Iterable[Jurisdiction | str] = (), active: bool = True,
              now: datetime | None = None) -> CourtInfo:
    """An administrator adds a court to the office's list; version 1 is logged (``court.added``)."""
    draft = _checked(0, name, level, area, ip_area, hears, active, 1)
    ledger.lock(session)  # first: the sign-in is checked under the lock sign-out takes
    require(actor, Action.CHANGE_OFFICE_SETTINGS)
    _refuse_duplicate(session, draft.name, None)
    moment = now or utc_now()
    row = Court(name=draft.name, level=draft.level.value, area=draft.area, ip_area=draft.ip_area,
                hears=" ".join(kind.value for kind in draft.hears), active=draft.active, version=1,
                created_by=actor.name, created_at=moment)
    session.add(row)
    session.flush()
    info = _info(row)
    versions.save(session, actor.name, EventKind.COURT_ADDED, court_subject(row.id), 1, info.record(), moment)
    return info


def _row(session: Session, name_or_id: str | int) -> Court:
    row: Court | None
    if isinstance(name_or_id, int) or str(name_or_id).isdigit():
        row = session.get(Court, int(name_or_id))
    else:
        row = session.scalars(select(Court).where(Court.name == str(name_or_id).strip())).first()
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "The office's list has no court {court}."),
                       court=str(name_or_id))
    return row


def find_court(session: Session, name_or_id: str | int) -> CourtInfo:
    """The court of the list with this name (or id), else ``NotFound``."""
    return _info(_row(session, name_or_id))


def list_courts(session: Session, *, active_only: bool = False) -> list[CourtInfo]:
    """The office's courts: higher levels first, then by name."""
    query = select(Court)
    if active_only:
        query = query.where(Court.active.is_(True))
    order = {level: index for index, level in enumerate(reversed(list(CourtLevel)))}
    return sorted((_info(row) for row in session.scalars(query)), key=lambda c: (order[c.level], c.name))


def edit_court(session: Session, actor: Actor, name_or_id: str | int, *, expected_version: int | None = None,
               name: str | None = None, level: CourtLevel | str | None = None, area: str | None = None,
               ip_area: str | None = None, hears: Iterable[Jurisdiction | str] | None = None,
               active: bool | None = None, now: datetime | None = None) -> CourtInfo:
    """An administrator changes a court of the list (what is None stays); the next version is logged
    (``court.edited``). Nothing is recorded when nothing changed."""
    ledger.lock(session)
    require(actor, Action.CHANGE_OFFICE_SETTINGS)
    row = _row(session, name_or_id)
    current = _info(row)
    versions.check_base(current.version, expected_version, current.name)
    changed = _checked(row.id, current.name if name is None else name,
                       current.level if level is None else level, current.area if area is None else area,
                       # a new area with no IP area given: the IP area follows it when it followed before
                       (current.ip_area if current.ip_area != current.area or area is None else "")
                       if ip_area is None else ip_area,
                       current.hears if hears is None else hears,
                       current.active if active is None else active, current.version + 1)
    if changed.record() == current.record():
        return current
    _refuse_duplicate(session, changed.name, row.id)
    row.name, row.level = changed.name, changed.level.value
    row.area, row.ip_area = changed.area, changed.ip_area
    row.hears = " ".join(kind.value for kind in changed.hears)
    row.active, row.version = changed.active, changed.version
    session.flush()
    versions.save(session, actor.name, EventKind.COURT_EDITED, court_subject(row.id), changed.version,
                  changed.record(), now or utc_now())
    return changed


def court_history(session: Session, name_or_id: str | int) -> list[versions.Version]:
    """Every version of a court of the list, oldest first."""
    return versions.versions(session, court_subject(_row(session, name_or_id).id))


def committee_place(session: Session) -> str:
    """Where the committee is located (its area, 昆明市五华区), or "" when not set."""
    row = session.get(CommitteePlace, 1)
    return row.area if row is not None else ""


def set_committee_place(session: Session, actor: Actor, area: str, now: datetime | None = None) -> str:
    """An administrator records where the committee is located; each change is a logged version."""
    cleaned = clean_text(area, "area", AREA_MAX, required=True)
    ledger.lock(session)
    require(actor, Action.CHANGE_OFFICE_SETTINGS)
    row = session.get(CommitteePlace, 1)
    if row is not None and row.area == cleaned:
        return cleaned
    if row is None:
        row = CommitteePlace(id=1, area=cleaned, version=1)
        session.add(row)
    else:
        row.area, row.version = cleaned, row.version + 1
    session.flush()
    record = {"type": PLACE_RECORD_TYPE, "version": PLACE_RECORD_VERSION, "area": cleaned}
    versions.save(session, actor.name, EventKind.COMMITTEE_PLACE_SET, PLACE_SUBJECT, row.version, record,
                  now or utc_now())
    return cleaned


# The sample data's list (``mediseal demo``): Kunming's intermediate court, which as the intermediate court
# of the provincial capital hears technical IP cases (SPC 2022 provisions art. 1) for Yunnan, and four of
# the city's basic courts. Which basic courts the SPC designated for other IP cases (art. 3) changes by
# notice: the demo marks 五华区's as one for the city, for illustration; an office records its own list.
DEMO_COURTS: tuple[tuple[str, CourtLevel, str, str, tuple[Jurisdiction, ...]], ...] = (
    ("昆明市中级人民法院", CourtLevel.INTERMEDIATE, "昆明市", "云南省",
     (Jurisdiction.TECHNICAL, Jurisdiction.DESIGN_PATENT)),
    ("昆明市五华区人民法院", CourtLevel.BASIC, "昆明市五华区", "昆明市", (Jurisdiction.GENERAL,)),
    ("昆明市盘龙区人民法院", CourtLevel.BASIC, "昆明市盘龙区", "", ()),
    ("昆明市官渡区人民法院", CourtLevel.BASIC, "昆明市官渡区", "", ()),
    ("昆明市西山区人民法院", CourtLevel.BASIC, "昆明市西山区", "", ()),
)


def add_demo_courts(session: Session, actor: Actor, now: datetime | None = None) -> int:
    """The sample data's Kunming courts, added (and logged) when the office's list is empty; how many."""
    if session.scalars(select(Court.id).limit(1)).first() is not None:
        return 0
    for name, level, area, ip_area, hears in DEMO_COURTS:
        add_court(session, actor, name, level, area, ip_area=ip_area, hears=hears, now=now)
    return len(DEMO_COURTS)
