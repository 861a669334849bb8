"""Which parts of a performance obligation (履行事项) are still open, and the earliest due date among a
case's open obligations: the case list's next deadline takes it into account, so an overdue obligation
appears among the cases due soon. Kept apart from ``performance`` so that ``matters`` can read it without
an import cycle."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.outcomes import PerformanceDone, PerformanceInstalment, PerformanceObligation


@dataclass(frozen=True, slots=True)
class Part:
    """One instalment as stored: its share of the sum (none for an act) and its due date."""

    seq: int
    amount: Decimal | None
    due_on: date


def covered(parts: Sequence[Part], paid: Decimal, done_records: int) -> list[bool]:
    """For each instalment, in order, whether it is done: a sum is paid off instalment by instalment, in
    order (what was paid covers the earliest first); an act is done once a done record exists."""
    if not parts or parts[0].amount is None:
        return [done_records > 0 for _part in parts]
    flags: list[bool] = []
    running = Decimal(0)
    for part in parts:
        running += part.amount or Decimal(0)
        flags.append(paid >= running)
    return flags


def earliest_open_due(session: Session, case_id: int) -> date | None:
    """The earliest due date of an instalment not yet done, over every obligation of the case."""
    parts: dict[int, list[Part]] = defaultdict(list)
    query = (select(PerformanceInstalment)
             .join(PerformanceObligation, PerformanceObligation.id == PerformanceInstalment.obligation_id)
             .where(PerformanceObligation.case_id == case_id)
             .order_by(PerformanceInstalment.obligation_id, PerformanceInstalment.seq))
    for row in session.scalars(query):
        parts[row.obligation_id].append(Part(row.seq, row.amount, row.due_on))
    if not parts:
        return None
    done: dict[int, tuple[Decimal, int]] = {}
    # Summed here, not in SQL: SQLite adds NUMERIC values as floating point.
    for obligation, amount in session.execute(select(PerformanceDone.obligation_id, PerformanceDone.amount)
                                              .where(PerformanceDone.case_id == case_id)):
        paid, count = done.get(obligation, (Decimal(0), 0))
        done[obligation] = (paid + (amount or Decimal(0)), count + 1)
    open_dates = [part.due_on for obligation, found in parts.items()
                  for part, is_done in zip(found, covered(found, *done.get(obligation, (Decimal(0), 0))),
                                           strict=True)
                  if not is_done]
    return min(open_dates, default=None)


def earliest_due(session: Session, case_id: int) -> date | None:
    """The earliest due date of any instalment of the case's obligations, done or not."""
    return session.scalar(select(func.min(PerformanceInstalment.due_on))
                          .join(PerformanceObligation,
                                PerformanceObligation.id == PerformanceInstalment.obligation_id)
                          .where(PerformanceObligation.case_id == case_id))
