"""The people's-mediation workflow of a case as a state machine, free of storage: which moves are allowed
from each state, which need a reason, and the refusal that says why a move is not allowed.

Registered (登记) → accepted (受理) or not accepted (不予受理) → in mediation (调解中) → agreement reached
(达成协议) / mediation failed (调解不成) / withdrawn (撤回); an agreement goes on to performance (履行中 →
已履行) and, when the parties apply, judicial confirmation (申请司法确认 → 确认有效 / 驳回); every case ends
closed and archived (结案归档).
"""

from __future__ import annotations

from desktop.core.errors import QT_TRANSLATE_NOOP, NotAllowed
from desktop.core.text import clean_text
from desktop.core.vocabulary import Vocabulary

REASON_MAX = 500


class CaseStatus(Vocabulary):
    """Where a case stands. The values are stored and in ledger records: never rename one."""

    REGISTERED = "registered", QT_TRANSLATE_NOOP("vocabulary", "Registered")  # 登记
    ACCEPTED = "accepted", QT_TRANSLATE_NOOP("vocabulary", "Accepted")  # 受理
    NOT_ACCEPTED = "not-accepted", QT_TRANSLATE_NOOP("vocabulary", "Not accepted")  # 不予受理
    IN_MEDIATION = "in-mediation", QT_TRANSLATE_NOOP("vocabulary", "In mediation")  # 调解中
    AGREEMENT = "agreement", QT_TRANSLATE_NOOP("vocabulary", "Agreement reached")  # 达成协议
    FAILED = "failed", QT_TRANSLATE_NOOP("vocabulary", "Mediation failed")  # 调解不成
    WITHDRAWN = "withdrawn", QT_TRANSLATE_NOOP("vocabulary", "Withdrawn")  # 撤回
    PERFORMING = "performing", QT_TRANSLATE_NOOP("vocabulary", "Being performed")  # 履行中
    PERFORMED = "performed", QT_TRANSLATE_NOOP("vocabulary", "Performed")  # 已履行
    CONFIRMATION_APPLIED = "confirmation-applied", QT_TRANSLATE_NOOP(
        "vocabulary", "Judicial confirmation applied for")  # 申请司法确认
    CONFIRMED = "confirmed", QT_TRANSLATE_NOOP("vocabulary", "Confirmed valid")  # 确认有效
    REJECTED = "rejected", QT_TRANSLATE_NOOP("vocabulary", "Confirmation rejected")  # 驳回
    CLOSED = "closed", QT_TRANSLATE_NOOP("vocabulary", "Closed and archived")  # 结案归档


S = CaseStatus
MOVES: dict[CaseStatus, tuple[CaseStatus, ...]] = {
    S.REGISTERED: (S.ACCEPTED, S.NOT_ACCEPTED, S.WITHDRAWN),
    S.ACCEPTED: (S.IN_MEDIATION, S.WITHDRAWN),
    S.IN_MEDIATION: (S.AGREEMENT, S.FAILED, S.WITHDRAWN),
    # People's Mediation Law art. 33: after an agreement the parties may apply to a court within 30 days;
    # performance may begin before, during or after that application.
    S.AGREEMENT: (S.PERFORMING, S.PERFORMED, S.CONFIRMATION_APPLIED, S.CLOSED),
    S.PERFORMING: (S.PERFORMED, S.CONFIRMATION_APPLIED),
    S.CONFIRMATION_APPLIED: (S.CONFIRMED, S.REJECTED),
    S.CONFIRMED: (S.PERFORMING, S.PERFORMED, S.CLOSED),
    # People's Mediation Law art. 33: when a court finds the agreement invalid, the parties may change it
    # or reach a new one by mediation, or sue.
    S.REJECTED: (S.IN_MEDIATION, S.CLOSED),
    S.PERFORMED: (S.CLOSED,),
    S.NOT_ACCEPTED: (S.CLOSED,),
    S.FAILED: (S.CLOSED,),
    S.WITHDRAWN: (S.CLOSED,),
    S.CLOSED: (),
}
# A move into one of these is recorded with its reason: why the committee declined the case, why the
# mediation failed or was withdrawn, why the court rejected the agreement.
NEEDS_REASON = frozenset({S.NOT_ACCEPTED, S.FAILED, S.WITHDRAWN, S.REJECTED})
# How a mediation ended (People's Mediation Law arts. 26, 28-30: an agreement, failure, withdrawal) is
# recorded as its outcome (``outcomes.record_outcome``: the agreement with its signatures and date of
# effect, or the reason), which makes the move in the same transaction: never a move by hand. A withdrawal
# before the mediation began (登记 or 受理 → 撤回) stays a move by hand.
OUTCOME_MOVES = frozenset({(S.IN_MEDIATION, S.AGREEMENT), (S.IN_MEDIATION, S.FAILED),
                           (S.IN_MEDIATION, S.WITHDRAWN)})


def allowed_moves(current: CaseStatus) -> tuple[CaseStatus, ...]:
    """The states a case in ``current`` may move to now, in the order a mediator meets them."""
    return MOVES[current]


def is_outcome(current: CaseStatus, target: CaseStatus) -> bool:
    """Whether the move from ``current`` to ``target`` ends the mediation: made by recording its outcome."""
    return (current, target) in OUTCOME_MOVES


def ends_by_outcome(current: CaseStatus) -> bool:
    """Whether a case in ``current`` leaves it by recording the outcome of its mediation."""
    return any(is_outcome(current, target) for target in MOVES[current])


def moves_by_hand(current: CaseStatus) -> tuple[CaseStatus, ...]:
    """The moves a user makes with a move button or ``case move``: every allowed move but closing, which
    is done by archiving the file (``archive.archive_case``), and the end of a mediation, which is done by
    recording its outcome (``outcomes.record_outcome``)."""
    return tuple(target for target in MOVES[current]
                 if target is not S.CLOSED and not is_outcome(current, target))


def may_archive(current: CaseStatus) -> bool:
    """Whether a case in ``current`` may be closed and archived now."""
    return S.CLOSED in MOVES[current]


def check_move(current: CaseStatus, target: CaseStatus, reason: str = "") -> str:
    """The move's reason as recorded (cleaned), or ``NotAllowed`` saying why the move is refused."""
    if target not in MOVES[current]:
        if not MOVES[current]:
            raise NotAllowed(QT_TRANSLATE_NOOP(
                "errors", "The case is closed and archived; it cannot move to “{target}”."),
                target=target.label)
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "A case that is “{current}” cannot move to “{target}”."),
            current=current.label, target=target.label)
    return clean_text(reason, "reason", REASON_MAX, multiline=True, required=target in NEEDS_REASON)
