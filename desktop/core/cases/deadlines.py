"""Time limits of a case, counted as Chinese law counts periods, in the office's time zone: the limit of a
court-invited mediation (委派/委托调解) and the 30 days within which the parties may apply for judicial
confirmation of their agreement (司法确认)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo

from desktop.core.cases.workflow import CaseStatus
from desktop.core.vocabulary import QT_TRANSLATE_NOOP, Vocabulary

# Beijing time, which every office in China keeps (Yunnan too): UTC+8 with no daylight saving since 1991,
# so a fixed offset needs no time-zone database (Windows ships none).
OFFICE_TIME_ZONE = timezone(timedelta(hours=8), "Asia/Shanghai")

# 2021 Online Mediation Rules of the people's courts (人民法院在线调解规则) art. 24: mediation a court
# entrusts before filing (委派) lasts 30 days; after filing (委托), 15 days under the ordinary procedure
# and 7 under the simple one; the parties may agree to extend it.
INVITED_BEFORE_FILING_DAYS = 30
INVITED_AFTER_FILING_ORDINARY_DAYS = 15
INVITED_AFTER_FILING_SIMPLE_DAYS = 7
# People's Mediation Law art. 33 and Civil Procedure Law (2023) art. 205: the parties apply for judicial
# confirmation jointly within 30 days from the day the agreement takes effect.
CONFIRMATION_WINDOW_DAYS = 30
DUE_SOON_DAYS = 7
# Where an agreement's obligations are being performed (and may fall due).
PERFORMANCE_STATUSES = frozenset({CaseStatus.AGREEMENT, CaseStatus.PERFORMING,
                                  CaseStatus.CONFIRMATION_APPLIED, CaseStatus.CONFIRMED})


class DeadlineKind(Vocabulary):
    """What a case's deadline is for. The values are stored: never rename one."""

    INVITED_MEDIATION = "invited-mediation", QT_TRANSLATE_NOOP(
        "vocabulary", "Court-invited mediation ends")  # 委派/委托调解期限
    CONFIRMATION = "confirmation", QT_TRANSLATE_NOOP(
        "vocabulary", "Last day to apply for judicial confirmation")  # 申请司法确认期限
    PERFORMANCE = "performance", QT_TRANSLATE_NOOP("vocabulary", "Performance due")  # 履行期限


@dataclass(frozen=True, slots=True)
class Deadline:
    """A deadline of a case: what it is for and its last day (a date in the office's time zone)."""

    kind: DeadlineKind
    last_day: date

    def days_left(self, today: date) -> int:
        """Days from ``today`` to the last day (0 on the day itself, negative when passed)."""
        return (self.last_day - today).days

    def due_soon(self, today: date, within: int = DUE_SOON_DAYS) -> bool:
        """True when the last day is within ``within`` days, or has passed."""
        return self.days_left(today) <= within


def office_today(now: datetime | None = None, zone: tzinfo = OFFICE_TIME_ZONE) -> date:
    """Today's date in the office, from an aware UTC time (now when not given)."""
    moment = now or datetime.now(UTC)
    if moment.tzinfo is None:
        raise ValueError("a naive time cannot be placed in the office's day")
    return moment.astimezone(zone).date()


def is_rest_day(day: date, holidays: Collection[date] = (), workdays: Collection[date] = ()) -> bool:
    """A weekend or public holiday (法定休假日), unless the State Council made it a working day (调休)."""
    if day in workdays:
        return False
    return day.weekday() >= 5 or day in holidays


def period_end(start: date, days: int, holidays: Collection[date] = (),
               workdays: Collection[date] = ()) -> date:
    """The last day of a period of ``days`` days beginning on ``start``.

    Civil Code art. 201 (and Civil Procedure Law art. 85): the day on which a period begins is not
    counted; it runs from the next day. Civil Code art. 203: when the last day is a rest day, the period
    ends on the first day after it.
    """
    if days < 1:
        raise ValueError("a period lasts at least one day")
    last = start + timedelta(days=days)
    while is_rest_day(last, holidays, workdays):
        last += timedelta(days=1)
    return last


def invited_mediation_limit(days: int, received: date, holidays: Collection[date] = (),
                            workdays: Collection[date] = ()) -> Deadline:
    """The last day of a court-invited mediation of ``days`` days from the day the committee received
    the case."""
    return Deadline(DeadlineKind.INVITED_MEDIATION, period_end(received, days, holidays, workdays))


def confirmation_deadline(effective: date, holidays: Collection[date] = (),
                          workdays: Collection[date] = ()) -> Deadline:
    """The last day on which the parties may apply for judicial confirmation of an agreement that took
    effect on ``effective``."""
    return Deadline(DeadlineKind.CONFIRMATION,
                    period_end(effective, CONFIRMATION_WINDOW_DAYS, holidays, workdays))


def case_deadlines(status: CaseStatus, from_court: bool, time_limit_days: int | None,
                   received_on: date | None, agreement_effective_on: date | None,
                   holidays: Collection[date] = (),
                   workdays: Collection[date] = (), performance_due: date | None = None) -> list[Deadline]:
    """The deadlines a case in ``status`` runs to, earliest first: a court-invited mediation's time limit
    while the mediation is still under way, the judicial-confirmation window while an agreement is
    neither before a court yet nor fully performed, and the earliest due date of an obligation not yet
    performed (``performance_due``; People's Mediation Law art. 31: the committee sees to performance)."""
    found: list[Deadline] = []
    if (from_court and time_limit_days and received_on is not None
            and status in (CaseStatus.REGISTERED, CaseStatus.ACCEPTED, CaseStatus.IN_MEDIATION)):
        found.append(invited_mediation_limit(time_limit_days, received_on, holidays, workdays))
    if agreement_effective_on is not None and status in (CaseStatus.AGREEMENT, CaseStatus.PERFORMING):
        found.append(confirmation_deadline(agreement_effective_on, holidays, workdays))
    if performance_due is not None and status in PERFORMANCE_STATUSES:
        found.append(Deadline(DeadlineKind.PERFORMANCE, performance_due))
    return sorted(found, key=lambda deadline: deadline.last_day)
