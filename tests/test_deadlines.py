"""Deadlines counted as Chinese law counts periods (the first day not counted, a last day on a rest day
moved to the next working day), in the office's time zone, with frozen times."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from desktop.core.cases.deadlines import (
    INVITED_AFTER_FILING_ORDINARY_DAYS,
    INVITED_AFTER_FILING_SIMPLE_DAYS,
    INVITED_BEFORE_FILING_DAYS,
    Deadline,
    DeadlineKind,
    confirmation_deadline,
    invited_mediation_limit,
    office_today,
    period_end,
)


def test_office_day_turns_at_midnight_in_kunming_not_in_greenwich() -> None:
    assert office_today(datetime(2026, 11, 26, 15, 59, tzinfo=UTC)) == date(2026, 11, 26)
    assert office_today(datetime(2026, 11, 26, 16, 0, tzinfo=UTC)) == date(2026, 11, 27)
    with pytest.raises(ValueError):
        office_today(datetime(2026, 11, 26, 16, 0))


def test_the_first_day_is_not_counted() -> None:
    # Civil Code art. 201: an agreement effective on Monday 2 November runs 30 days from the 3rd.
    assert confirmation_deadline(date(2026, 11, 2)) == Deadline(DeadlineKind.CONFIRMATION, date(2026, 12, 2))


def test_a_last_day_on_a_weekend_or_holiday_moves_to_the_next_working_day() -> None:
    # Civil Code art. 203: 30 days from Thursday 1 October end on Saturday 31 October, so on Monday.
    assert period_end(date(2026, 10, 1), 30) == date(2026, 11, 2)
    national_day = {date(2026, 10, day) for day in range(1, 8)}
    assert period_end(date(2026, 9, 24), 7, holidays=national_day) == date(2026, 10, 8)
    # A Sunday made a working day (调休) is a working day.
    assert period_end(date(2026, 9, 20), 7, workdays={date(2026, 9, 27)}) == date(2026, 9, 27)


def test_court_invited_limits_follow_the_online_mediation_rules() -> None:
    received = date(2026, 11, 26)  # a Thursday
    assert (INVITED_BEFORE_FILING_DAYS, INVITED_AFTER_FILING_ORDINARY_DAYS,
            INVITED_AFTER_FILING_SIMPLE_DAYS) == (30, 15, 7)
    assert invited_mediation_limit(30, received).last_day == date(2026, 12, 28)  # 26 Dec is a Saturday
    assert invited_mediation_limit(7, received).last_day == date(2026, 12, 3)


def test_due_soon_and_overdue() -> None:
    deadline = Deadline(DeadlineKind.CONFIRMATION, date(2026, 12, 2))
    assert deadline.days_left(date(2026, 11, 26)) == 6 and deadline.due_soon(date(2026, 11, 26))
    assert not deadline.due_soon(date(2026, 11, 20))
    assert deadline.days_left(date(2026, 12, 3)) == -1 and deadline.due_soon(date(2026, 12, 3))
    with pytest.raises(ValueError):
        period_end(date(2026, 11, 26), 0)
