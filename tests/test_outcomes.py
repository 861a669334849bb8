"""Outcomes of a mediation in core, on SQLite and PostgreSQL: a written agreement with its signatures, an
oral one with its content, failure and withdrawal with their reasons, each moving the workflow in the same
transaction; refusals that leave nothing written; corrections; the case file's documents; verification
of each record against its ledger entry, both ways."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from db.outcomes import CaseOutcome
from desktop.core.cases import matters, parties, progress
from desktop.core.cases.file_parts import FilePart
from desktop.core.cases.outcomes import (
    OutcomeInput,
    OutcomeKind,
    Signing,
    correct_outcome,
    current_outcome,
    file_documents,
    list_outcomes,
    record_outcome,
)
from desktop.core.cases.workflow import CaseStatus
from desktop.core.errors import InvalidInput, NotAllowed
from desktop.core.storage.store import OpenStore
from desktop.core.trust import ledger
from desktop.core.trust.events import EventKind
from tests.tamper import behind_the_triggers
from tests.test_cases import COMPANY, NOW, TODAY, ZHANG, Committee


class Mediation(Committee):
    """A committee with one case in mediation: lihua its mediator, 张丽 applicant, a company respondent."""

    def __init__(self, store: OpenStore) -> None:
        super().__init__(store)
        self.store = store
        self.number = self.open(self.clerk)
        with self.database.session_scope() as session:
            progress.assign_mediator(session, self.lihua, self.number, "lihua", conflict=False, now=NOW)
            self.applicant = parties.add_party(session, self.lihua, self.number, "applicant", ZHANG,
                                               now=NOW).id
            self.respondent = parties.add_party(session, self.lihua, self.number, "respondent", COMPANY,
                                                now=NOW).id
            for target in (CaseStatus.ACCEPTED, CaseStatus.IN_MEDIATION):
                progress.move_case(session, self.lihua, self.number, target, now=NOW)

    def written(self, on: date = date(2026, 11, 25)) -> OutcomeInput:
        return OutcomeInput(OutcomeKind.WRITTEN_AGREEMENT,
                            signings=(Signing(self.applicant, on - timedelta(days=1)),
                                      Signing(self.respondent, on)), mediator_signed_on=on)

    def agree(self, on: date = date(2026, 11, 25)) -> int:
        with self.database.session_scope() as session:
            return record_outcome(session, self.lihua, self.number, self.written(on), now=NOW).id

    def status(self) -> CaseStatus:
        with self.database.session_scope() as session:
            return CaseStatus(matters.find_case(session, self.number).status)


@pytest.fixture
def mediation(store: OpenStore) -> Mediation:
    return Mediation(store)


def test_a_written_agreement_moves_the_case_and_starts_the_confirmation_window(mediation: Mediation) -> None:
    with mediation.database.session_scope() as session:
        info = record_outcome(session, mediation.lihua, mediation.number, mediation.written(), now=NOW)
    # People's Mediation Law art. 29: effective once the last party and the mediator signed.
    assert info.effective_on == date(2026, 11, 25)
    assert [(signed.name, signed.role) for signed in info.signed] == [
        ("张丽", "applicant"), ("云南普洱茶业有限公司", "respondent"), ("李华", "mediator")]
    with mediation.database.session_scope() as session:
        row = matters.find_case(session, mediation.number)
        assert (row.status, row.agreement_effective_on) == (CaseStatus.AGREEMENT, date(2026, 11, 25))
        assert row.next_deadline == date(2026, 12, 25)  # 30 days (Civil Procedure Law art. 205)
        moves = progress.history(session, mediation.number)
        assert (moves[-1].to_status, moves[-1].effective_on) == (CaseStatus.AGREEMENT, date(2026, 11, 25))
        kinds = [entry.kind for entry in ledger.entries(session)][-2:]
        assert kinds == [EventKind.CASE_MOVED, EventKind.OUTCOME_RECORDED]
        assert current_outcome(session, mediation.number) == info
        documents = file_documents(session, row)
    assert [(document.part, document.reference, document.sha256) for document in documents] == [
        (FilePart.AGREEMENT, f"outcome:{info.id}", info.record_sha256)]
    assert mediation.findings() == []


def test_an_oral_agreement_records_its_content(mediation: Mediation) -> None:
    with mediation.database.session_scope() as session:
        info = record_outcome(session, mediation.lihua, mediation.number, OutcomeInput(
            OutcomeKind.ORAL_AGREEMENT, content="被申请人当场下架侵权商品链接，并赔礼道歉。"), now=NOW)
    assert (info.kind, info.effective_on, info.content) == (OutcomeKind.ORAL_AGREEMENT, TODAY,
                                                            "被申请人当场下架侵权商品链接，并赔礼道歉。")
    assert mediation.status() is CaseStatus.AGREEMENT
    assert mediation.findings() == []


@pytest.mark.parametrize("kind", [OutcomeKind.FAILED, OutcomeKind.WITHDRAWN])
def test_failure_and_withdrawal_need_their_reason(mediation: Mediation, kind: OutcomeKind) -> None:
    with mediation.database.session_scope() as session, pytest.raises(InvalidInput) as refused:
        record_outcome(session, mediation.lihua, mediation.number, OutcomeInput(kind), now=NOW)
    assert refused.value.fields["field"] == "reason"
    with mediation.database.session_scope() as session:
        info = record_outcome(session, mediation.lihua, mediation.number,
                              OutcomeInput(kind, reason="双方就赔偿数额分歧过大"), now=NOW)
        assert progress.history(session, mediation.number)[-1].reason == "双方就赔偿数额分歧过大"
    assert (info.reason, mediation.status()) == ("双方就赔偿数额分歧过大", kind.status)


def _outcomes_and_entries(mediation: Mediation) -> tuple[int, int, str]:
    with mediation.database.session_scope() as session:
        return (len(list(session.scalars(select(CaseOutcome)))), ledger.size(session),
                matters.find_case(session, mediation.number).status)


@pytest.mark.parametrize("change", ["missing-signature", "effect-before-signature", "future", "not-assigned",
                                    "content-on-written", "not-in-mediation", "signed-twice", "stranger"])
def test_bad_outcomes_are_refused_and_nothing_is_written(mediation: Mediation, change: str) -> None:
    given = mediation.written()
    actor = mediation.lihua
    expected: type[Exception] = InvalidInput
    if change == "missing-signature":
        given = OutcomeInput(OutcomeKind.WRITTEN_AGREEMENT, signings=(Signing(mediation.applicant, TODAY),),
                             mediator_signed_on=TODAY)
    elif change == "effect-before-signature":
        given = OutcomeInput(**{**_fields(given), "effective_on": date(2026, 11, 24)})
    elif change == "future":
        given = OutcomeInput(**{**_fields(given), "mediator_signed_on": TODAY + timedelta(days=1)})
    elif change == "content-on-written":
        given = OutcomeInput(**{**_fields(given), "content": "协议内容"})
    elif change == "signed-twice":
        given = OutcomeInput(**{**_fields(given), "signings": (*given.signings, given.signings[0])})
    elif change == "stranger":
        given = OutcomeInput(**{**_fields(given), "signings": (*given.signings, Signing(9999, TODAY))})
    elif change == "not-assigned":
        actor, expected = mediation.wangwu, NotAllowed
    else:
        with mediation.database.session_scope() as session:
            record_outcome(session, mediation.lihua, mediation.number,
                           OutcomeInput(OutcomeKind.WITHDRAWN, reason="撤回申请"), now=NOW)
        expected = NotAllowed
    before = _outcomes_and_entries(mediation)
    with mediation.database.session_scope() as session, pytest.raises(expected):
        record_outcome(session, actor, mediation.number, given, now=NOW)
    assert _outcomes_and_entries(mediation) == before


def _fields(given: OutcomeInput) -> dict[str, object]:
    return {name: getattr(given, name) for name in OutcomeInput.__slots__}  # type: ignore[attr-defined]


def test_a_correction_names_the_record_it_corrects(mediation: Mediation) -> None:
    first = mediation.agree(date(2026, 11, 24))
    with mediation.database.session_scope() as session:
        corrected = correct_outcome(session, mediation.lihua, first, mediation.written(date(2026, 11, 25)),
                                    "被申请人实际签字日期为11月25日", now=NOW + timedelta(minutes=5))
    assert (corrected.supersedes, corrected.correction_reason) == (first, "被申请人实际签字日期为11月25日")
    with mediation.database.session_scope() as session:
        listed = list_outcomes(session, mediation.number)
        assert [(found.id, found.superseded_by) for found in listed] == [(first, corrected.id),
                                                                         (corrected.id, None)]
        assert matters.find_case(session, mediation.number).agreement_effective_on == date(2026, 11, 25)
        with pytest.raises(NotAllowed):
            correct_outcome(session, mediation.lihua, first, mediation.written(), "again", now=NOW)
    with mediation.database.session_scope() as session, pytest.raises(InvalidInput):
        correct_outcome(session, mediation.lihua, corrected.id, mediation.written(), " ", now=NOW)
    assert mediation.findings() == []


def test_the_database_refuses_to_change_an_outcome(mediation: Mediation) -> None:
    mediation.agree()
    with mediation.database.session_scope() as session, pytest.raises(Exception, match="append-only"):
        session.execute(CaseOutcome.__table__.update().values(kind="failed"))  # type: ignore[attr-defined]


def test_verify_names_a_changed_and_a_removed_outcome(mediation: Mediation) -> None:
    outcome = mediation.agree()
    with mediation.database.session_scope() as session:
        text = session.get(CaseOutcome, outcome).canonical  # type: ignore[union-attr]
    behind_the_triggers(mediation.store, "case_outcome", "UPDATE case_outcome SET canonical = :text",
                        text=text.replace("张丽", "张力"))
    assert mediation.findings() == ["outcome-changed"]
    behind_the_triggers(mediation.store, "case_outcome", "UPDATE case_outcome SET effective_on = :day, "
                        "canonical = :text", day=date(2026, 11, 20), text=text)
    assert mediation.findings() == ["outcome-changed"]  # the column no longer says what the record says
    behind_the_triggers(mediation.store, "case_outcome", "DELETE FROM case_outcome")
    assert mediation.findings() == ["outcome-missing"]
    with mediation.database.session_scope() as session:
        from desktop.core.verification.store import verify_store
        report = verify_store(session, mediation.vault, mediation.number)
    assert [finding.code for finding in report.findings] == ["outcome-missing"]


def test_an_outcome_from_a_later_moment_is_dated_by_it(mediation: Mediation) -> None:
    later = NOW + timedelta(days=2)
    with mediation.database.session_scope() as session:
        info = record_outcome(session, mediation.lihua, mediation.number, OutcomeInput(
            OutcomeKind.ORAL_AGREEMENT, content="当场履行"), now=later)
    assert (info.effective_on, info.recorded_at) == (date(2026, 11, 28), later)
    assert isinstance(info.recorded_at, datetime)
