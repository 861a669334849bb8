"""The people's-mediation workflow as a state machine, without storage or Qt: every state reaches
"closed", only listed moves are allowed, the moves that end or turn a case need a reason."""

from __future__ import annotations

from itertools import pairwise

import pytest

from desktop.core.cases.workflow import (
    MOVES,
    NEEDS_REASON,
    CaseStatus,
    allowed_moves,
    check_move,
    ends_by_outcome,
    moves_by_hand,
)
from desktop.core.errors import InvalidInput, NotAllowed


def test_every_state_can_reach_closed_and_closed_is_final() -> None:
    for start in CaseStatus:
        seen, pending = {start}, [start]
        while pending:
            for target in allowed_moves(pending.pop()):
                if target not in seen:
                    seen.add(target)
                    pending.append(target)
        assert CaseStatus.CLOSED in seen, start
    assert allowed_moves(CaseStatus.CLOSED) == ()
    assert set(MOVES) == set(CaseStatus)


def test_a_whole_case_with_an_agreement_confirmed_by_a_court() -> None:
    path = [CaseStatus.REGISTERED, CaseStatus.ACCEPTED, CaseStatus.IN_MEDIATION, CaseStatus.AGREEMENT,
            CaseStatus.CONFIRMATION_APPLIED, CaseStatus.CONFIRMED, CaseStatus.PERFORMING,
            CaseStatus.PERFORMED, CaseStatus.CLOSED]
    for current, target in pairwise(path):
        assert check_move(current, target) == ""


def test_a_refused_move_says_from_where_to_where() -> None:
    with pytest.raises(NotAllowed) as raised:
        check_move(CaseStatus.REGISTERED, CaseStatus.AGREEMENT)
    assert raised.value.message == "A case that is “Registered” cannot move to “Agreement reached”."
    with pytest.raises(NotAllowed) as raised:
        check_move(CaseStatus.CLOSED, CaseStatus.IN_MEDIATION)
    assert "closed and archived" in raised.value.message


@pytest.mark.parametrize("target", sorted(NEEDS_REASON))
def test_declining_failing_withdrawing_and_rejection_need_a_reason(target: CaseStatus) -> None:
    current = next(state for state, moves in MOVES.items() if target in moves)
    with pytest.raises(InvalidInput) as raised:
        check_move(current, target, "   ")
    assert raised.value.message == "The field reason is required."
    assert check_move(current, target, " 双方对赔偿数额分歧过大 \n") == "双方对赔偿数额分歧过大"


def test_a_reason_is_checked_like_all_sealed_text() -> None:
    with pytest.raises(InvalidInput):
        check_move(CaseStatus.IN_MEDIATION, CaseStatus.FAILED, "分歧\u202e过大")
    with pytest.raises(InvalidInput):
        check_move(CaseStatus.IN_MEDIATION, CaseStatus.FAILED, "长" * 501)


def test_a_rejected_agreement_may_be_mediated_again() -> None:
    # People's Mediation Law art. 33: after a finding of invalidity the parties may mediate anew.
    assert CaseStatus.IN_MEDIATION in allowed_moves(CaseStatus.REJECTED)


def test_the_end_of_a_mediation_and_closing_are_no_moves_by_hand() -> None:
    # An agreement, failure or withdrawal in mediation is its outcome (outcomes.record_outcome); closing
    # is archiving (archive.archive_case). Withdrawal before the mediation began stays a move by hand.
    assert moves_by_hand(CaseStatus.IN_MEDIATION) == ()
    assert ends_by_outcome(CaseStatus.IN_MEDIATION)
    assert [status for status in CaseStatus if ends_by_outcome(status)] == [CaseStatus.IN_MEDIATION]
    assert CaseStatus.WITHDRAWN in moves_by_hand(CaseStatus.REGISTERED)
    assert CaseStatus.WITHDRAWN in moves_by_hand(CaseStatus.ACCEPTED)
    assert moves_by_hand(CaseStatus.REJECTED) == (CaseStatus.IN_MEDIATION,)
    assert all(CaseStatus.CLOSED not in moves_by_hand(status) for status in CaseStatus)
