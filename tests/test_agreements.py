"""The mediation agreement (人民调解协议书, issue 12): drafts versioned with stale edits refused, templates
per case type, amounts in capitals in the clauses, problems named, warnings for 确权 and status matters,
finalising (sealed, the written-agreement outcome, the case's state, the 30-day window), frozen afterwards
(service and database), supplementary agreements, verification clean and after tampering, and the PDF
checked with poppler. Core on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ec import ECDSA
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.x509 import load_pem_x509_certificate
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from desktop.core.cases import case_file, matters, outcomes, parties, progress
from desktop.core.cases.file_parts import FilePart
from desktop.core.cases.matters import CaseType
from desktop.core.cases.outcomes import OutcomeInput, OutcomeKind, Signing
from desktop.core.cases.parties import PartyRole
from desktop.core.cases.versions import StaleEdit
from desktop.core.cases.workflow import CaseStatus
from desktop.core.documents import agreement
from desktop.core.documents.agreement import (
    AgreementDraft,
    Clause,
    ClauseKind,
    Instalment,
    clause_templates,
    clause_text,
    draft_problems,
    warnings,
)
from desktop.core.documents.agreement_model import BLANK, draft_from_record, draft_record
from desktop.core.documents.generation import generate
from desktop.core.errors import InvalidInput, NotAllowed
from desktop.core.fields import Field
from desktop.core.integrity.canonical import canonical_bytes
from desktop.core.storage.store import OpenStore
from desktop.core.trust import ledger, signing_keys
from desktop.core.trust.events import EventKind
from desktop.core.verification.store import verify_store
from tests.tamper import behind_the_back, behind_the_triggers
from tests.test_documents import NOW, TODAY, Office, _check_fonts_embedded, _rendered_pages, _text

PASSWORD = "mediator-pass-1"
PARTIES = [("云南普洱茶业有限公司", PartyRole.APPLICANT), ("张丽", PartyRole.RESPONDENT)]


class Table(Office):
    """The documents' office (a trademark case with a company applicant and 张丽 respondent, lihua its
    mediator), with lihua's signing key and cases taken into mediation."""

    def __init__(self, store: OpenStore) -> None:
        super().__init__(store)
        self.store = store
        with self.database.session_scope() as session:
            signing_keys.new_key(session, self.lihua, PASSWORD, now=NOW)

    def mediating(self, **options: object) -> str:
        number = self.case(**options)  # type: ignore[arg-type]
        with self.database.session_scope() as session:
            for target in (CaseStatus.ACCEPTED, CaseStatus.IN_MEDIATION):
                progress.move_case(session, self.lihua, number, target, now=NOW)
        return number


@pytest.fixture
def place(store: OpenStore) -> Table:
    return Table(store)


def _filled(text: str) -> str:
    return text.replace(BLANK, "十")


def good_draft(**changes: object) -> AgreementDraft:
    """A draft with nothing wrong: three clauses, a payment in two instalments."""
    clauses = (
        Clause(ClauseKind.STOP_USE, "被申请人自本协议生效之日起立即停止销售标有申请人注册商标的茶叶。"),
        Clause(ClauseKind.COMPENSATION, "被申请人向申请人支付经济损失共计【金额】。", Decimal("16409.02"),
               (Instalment(date(2026, 12, 31), Decimal("6409.02")),
                Instalment(date(2027, 1, 31), Decimal("10000.00")))),
        Clause(ClauseKind.OTHER, "双方就本纠纷再无其他争议。"),
    )
    values: dict[str, object] = {
        "facts": "被申请人在其网店销售标有申请人商标的茶叶。", "disputed": "申请人请求停止侵权、赔偿损失。",
        "responsibility": "被申请人未经许可使用申请人注册商标，应承担侵权责任。", "clauses": clauses,
        "performance_manner": "银行转账", "performance_place": "昆明市",
        "performance_deadline": date(2027, 1, 31), "breach_liability": "逾期付款的，按日万分之五支付违约金。",
        "copies": 3}
    values.update(changes)
    return AgreementDraft(**values)  # type: ignore[arg-type]


# --- content without a database -------------------------------------------------------------------------

def test_amounts_print_in_capitals_and_figures_with_each_instalment() -> None:
    text = clause_text(good_draft().clauses[1])
    assert "支付经济损失共计人民币壹万陆仟肆佰零玖元零贰分（¥16,409.02）。" in text
    assert "分两期支付：第一期于二〇二六年十二月三十一日前支付人民币陆仟肆佰零玖元零贰分（¥6,409.02）" in text
    assert "第二期于二〇二七年一月三十一日前支付人民币壹万元整（¥10,000.00）。" in text
    # No mark in the text: the amount follows it; one date for a sum paid at once.
    once = clause_text(Clause(ClauseKind.LICENCE, "许可使用费", Decimal("107000.53"),
                              due_on=date(2027, 3, 1)))
    assert once == ("许可使用费，金额为人民币壹拾万柒仟元零伍角叁分（¥107,000.53）。"
                    "上述款项于二〇二七年三月一日前履行完毕。")


@pytest.mark.parametrize("case_type", list(CaseType))
def test_every_case_type_has_templates_with_blanks_to_fill(case_type: CaseType) -> None:
    clauses = clause_templates(case_type)
    kinds = [clause.kind for clause in clauses]
    assert kinds[0] is ClauseKind.STOP_USE and ClauseKind.COMPENSATION in kinds
    assert BLANK in clauses[0].text
    assert all(clause.text.endswith("。") for clause in clauses)


def test_templates_differ_by_type() -> None:
    assert "专利权" in clause_templates("patent")[0].text
    assert "注册商标" in clause_templates("trademark")[0].text
    assert ClauseKind.APOLOGY in [clause.kind for clause in clause_templates("copyright")]
    assert ClauseKind.CONFIDENTIALITY in [clause.kind for clause in clause_templates("trade-secret")]
    assert "繁殖材料" in clause_templates("plant-variety")[0].text
    assert "地理标志" in clause_templates("geographical-indication")[0].text
    assert "装潢" in clause_templates("unfair-competition")[0].text


def test_a_good_draft_has_no_problems_and_reads_back_from_json() -> None:
    draft = good_draft()
    assert draft_problems(draft, PARTIES, TODAY) == []
    assert draft_from_record(draft_record(draft)) == draft


def test_problems_name_each_field() -> None:
    clauses = (Clause(ClauseKind.COMPENSATION, f"支付{BLANK}元", Decimal("100.005")),
               Clause(ClauseKind.COMPENSATION, "再付", Decimal("-1")),
               Clause(ClauseKind.COMPENSATION, "", Decimal("0")),
               Clause(ClauseKind.COMPENSATION, "分期", Decimal("300"),
                      (Instalment(date(2027, 2, 1), Decimal("100")),
                       Instalment(date(2027, 1, 1), Decimal("100")))),
               Clause(ClauseKind.OTHER, "逾期", due_on=date(2026, 11, 1)))
    draft = good_draft(facts=" ", disputed="", responsibility="", clauses=clauses, performance_manner="",
                       performance_deadline=None, copies=2)
    found = draft_problems(draft, PARTIES, TODAY)
    fields = {problem.field: problem.message for problem in found}
    # Each names a field the windows translate (desktop/core/fields.py), and its clause by number.
    assert all(Field(problem.code) for problem in found)
    assert fields["clauses[4].instalments"].startswith("Clause 4: The instalments add up")
    assert found[0].as_error().fields["field"] == found[0].code
    for name in ("facts", "disputed", "responsibility", "performance_manner", "performance_deadline",
                 "copies",
                 "clauses[1].text", "clauses[1].amount", "clauses[2].amount", "clauses[3].text",
                 "clauses[3].amount", "clauses[4].instalments", "clauses[4].instalments[2].due_on",
                 "clauses[5].due_on"):
        assert name in fields, name
    assert "blank" in fields["clauses[1].text"] and "two decimal places" in fields["clauses[1].amount"]
    assert "200 yuan, not the clause's 300" in fields["clauses[4].instalments"]
    assert "at least 3 copies" in fields["copies"]
    none = draft_problems(good_draft(clauses=()), PARTIES, TODAY)
    assert [problem.field for problem in none] == ["clauses"]


def test_instalments_after_the_deadline_and_missing_glyphs_are_problems() -> None:
    late = good_draft(performance_deadline=date(2027, 1, 1))
    assert [problem.field for problem in draft_problems(late, PARTIES, TODAY)] == [
        "clauses[2].instalments[2].due_on"]
    odd = good_draft(facts="被申请人在其网店销售\U00030000茶叶。")
    found = draft_problems(odd, PARTIES, TODAY)
    assert [problem.field for problem in found] == ["facts"] and "U+30000" in found[0].message


def test_ownership_and_status_clauses_are_warned_about_citing_art_355() -> None:
    for wording in ("确认涉案第123号专利权归申请人所有。", "“普洱”商标专用权属于申请人。",
                    "双方确认涉案作品的权属。"):
        found = warnings(good_draft(clauses=(Clause(ClauseKind.OTHER, wording),)))
        assert len(found) == 1 and "第三百五十五条第一款" in found[0] and "(5)" in found[0], wording
    status = warnings(good_draft(clauses=(Clause(ClauseKind.OTHER, "双方解除收养关系。"),)))
    assert len(status) == 1 and "(3)" in status[0]
    assert warnings(good_draft()) == []


# --- drafts in the store (both backends) ------------------------------------------------------------------

def test_drafts_are_versioned_and_a_stale_save_is_refused(place: Table) -> None:
    number = place.mediating()
    with place.database.session_scope() as session:
        assert agreement.load_draft(session, number) == (None, 0)
        template = agreement.draft_template(session, number)
        assert template.copies == 3 and template.clauses[0].kind is ClauseKind.STOP_USE
        assert agreement.save_draft(session, place.lihua, number, template, 0, now=NOW) == 1
    with place.database.session_scope() as session:
        assert agreement.save_draft(session, place.lihua, number, good_draft(), 1, now=NOW) == 2
    with place.database.session_scope() as session, pytest.raises(StaleEdit):
        agreement.save_draft(session, place.lihua, number, template, 1, now=NOW)
    with place.database.session_scope() as session:
        assert agreement.load_draft(session, number) == (good_draft(), 2)
        assert agreement.problems(session, number, good_draft(), today=TODAY) == []
        with pytest.raises(NotAllowed):
            agreement.save_draft(session, place.clerk, number, good_draft(), 2, now=NOW)  # not on the case


def test_the_preview_is_a_pdf_marked_draft(place: Table) -> None:
    number = place.mediating()
    with place.database.session_scope() as session:
        pdf = agreement.render_draft(session, number, good_draft(), today=TODAY)
    assert pdf.startswith(b"%PDF")


def test_unreadable_json_drafts_are_refused_naming_the_field() -> None:
    record = draft_record(good_draft())
    record["clauses"][1]["amount"] = 16409.02
    with pytest.raises(InvalidInput) as raised:
        draft_from_record(record)
    assert raised.value.fields["field"] == "draft" and raised.value.fields["path"] == "clauses[2].amount"


# --- finalising ---------------------------------------------------------------------------------------

SIGNED_ON = date(2026, 11, 25)


def _signings(place: Table, number: str, on: date = SIGNED_ON) -> tuple[Signing, ...]:
    with place.database.session_scope() as session:
        return tuple(Signing(party.id, on) for party in parties.list_parties(session, number))


def _drafted(place: Table, draft: AgreementDraft | None = None) -> str:
    number = place.mediating()
    with place.database.session_scope() as session:
        agreement.save_draft(session, place.lihua, number, draft or good_draft(), 0, now=NOW)
    return number


def _finalise(place: Table, number: str, **options: object) -> agreement.AgreementInfo:
    with place.database.session_scope() as session:
        return agreement.finalise(session, place.lihua, number, PASSWORD, _signings(place, number),
                                  SIGNED_ON, now=NOW, **options)  # type: ignore[arg-type]


def test_finalising_seals_the_agreement_records_the_outcome_and_starts_the_window(place: Table) -> None:
    number = _drafted(place)
    info = _finalise(place, number)
    record = info.record
    assert record["type"] == "mediseal.agreement" and record["version"] == 1 and record["kind"] == "agreement"
    assert info.effective_on == SIGNED_ON and record["effective_on"] == "2026-11-25"
    assert record["agreement"]["parties"][0]["name"] == "云南普洱茶业有限公司"
    assert record["agreement"]["parties"][1]["identity"].startswith("张丽，女，41岁，彝族")
    assert record["agreement"]["clauses"][1]["amount"] == "16409.02"
    assert "人民币壹万陆仟肆佰零玖元零贰分（¥16,409.02）" in record["agreement"]["clauses"][1]["text"]
    assert record["agreement"]["copies_text"] == "本协议一式三份，当事人、人民调解委员会各持一份。"
    assert [entry["role"] for entry in record["signed"]] == ["applicant", "respondent", "mediator"]
    canonical = canonical_bytes(record)
    assert info.record_sha256 == hashlib.sha256(canonical).hexdigest()
    with place.database.session_scope() as session:
        key = next(found for found in signing_keys.list_keys(session, "lihua"))
        certificate = load_pem_x509_certificate(signing_keys.export_certificate(session, "lihua"))
        certificate.public_key().verify(info.signature, canonical, ECDSA(SHA256()))  # type: ignore[call-arg,union-attr]
        assert info.fingerprint == key.fingerprint
        row = matters.find_case(session, number)
        assert CaseStatus(row.status) is CaseStatus.AGREEMENT
        assert row.agreement_effective_on == SIGNED_ON
        assert row.next_deadline == date(2026, 12, 25)  # 30 days (Civil Procedure Law 2023 art. 205)
        outcome = outcomes.current_outcome(session, number)
        assert outcome is not None and outcome.kind is OutcomeKind.WRITTEN_AGREEMENT
        assert info.outcome_id == outcome.id and record["outcome"]["record_sha256"] == outcome.record_sha256
        entries = ledger.subject_entries(session, matters.case_subject(number))
        assert entries[-1].kind == EventKind.AGREEMENT_FINALISED
        assert entries[-1].subject_sha256 == info.record_sha256
        assert entries[-2].kind == EventKind.OUTCOME_RECORDED
        assert agreement.current_agreement(session, number) == info
        # In the case file, part 8, instead of the outcome record it stands with.
        documents = [(found.title, found.reference) for found in case_file.documents_of(session, row)
                     if found.part is FilePart.AGREEMENT]
        assert documents == [("人民调解协议书", f"agreement:{info.id}")]
    assert place_findings(place) == []


def test_nothing_is_written_while_problems_stand_or_for_others(place: Table) -> None:
    number = _drafted(place, good_draft(facts=""))
    with place.database.session_scope() as session:
        size = ledger.size(session)
    with pytest.raises(InvalidInput) as raised:
        _finalise(place, number)
    assert "facts" in raised.value.message
    with place.database.session_scope() as session:
        agreement.save_draft(session, place.lihua, number, good_draft(), 1, now=NOW)
    with place.database.session_scope() as session, pytest.raises(NotAllowed):
        agreement.finalise(session, place.clerk, number, "clerk-password-1", _signings(place, number),
                           SIGNED_ON, now=NOW)
    with place.database.session_scope() as session, pytest.raises(NotAllowed):
        agreement.finalise(session, place.lihua, number, "wrong-password", _signings(place, number),
                           SIGNED_ON, now=NOW)
    with place.database.session_scope() as session, pytest.raises(InvalidInput):  # a party did not sign
        agreement.finalise(session, place.lihua, number, PASSWORD, _signings(place, number)[:1], SIGNED_ON,
                           now=NOW)
    with place.database.session_scope() as session:
        assert ledger.size(session) == size
        assert CaseStatus(matters.find_case(session, number).status) is CaseStatus.IN_MEDIATION
        assert agreement.current_agreement(session, number) is None


def test_a_finalised_agreement_is_frozen_in_the_service_and_the_database(place: Table) -> None:
    number = _drafted(place)
    info = _finalise(place, number)
    with place.database.session_scope() as session, pytest.raises(NotAllowed) as raised:
        agreement.save_draft(session, place.lihua, number, good_draft(facts="改"), 1, now=NOW)
    assert "supplementary agreement" in raised.value.message
    for statement in ("UPDATE sealed_agreement SET effective_on = '2026-11-20'",
                      "DELETE FROM sealed_agreement",
                      "UPDATE agreement_draft SET canonical = '{}'", "DELETE FROM agreement_draft"):
        with pytest.raises(DBAPIError), place.database.session_scope() as session:
            session.execute(text(statement))
    with place.database.session_scope() as session:
        assert agreement.current_agreement(session, number) == info
        assert agreement.load_draft(session, number) == (good_draft(), 1)


def test_finalising_attaches_to_a_written_agreement_already_recorded(place: Table) -> None:
    number = _drafted(place)
    signings = _signings(place, number)
    with place.database.session_scope() as session:
        recorded = outcomes.record_outcome(session, place.lihua, number, OutcomeInput(
            OutcomeKind.WRITTEN_AGREEMENT, SIGNED_ON, signings, mediator_signed_on=SIGNED_ON), now=NOW)
    with place.database.session_scope() as session, pytest.raises(NotAllowed):  # other dates
        agreement.finalise(session, place.lihua, number, PASSWORD,
                           _signings(place, number, date(2026, 11, 24)), None, now=NOW)
    info = _finalise(place, number)
    assert info.outcome_id == recorded.id and info.record["signed"] == recorded.record["signed"]
    with place.database.session_scope() as session:
        assert len(outcomes.list_outcomes(session, number)) == 1
    assert place_findings(place) == []


def test_a_supplementary_agreement_is_sealed_and_does_not_move_the_case(place: Table) -> None:
    number = _drafted(place)
    main = _finalise(place, number)
    extra = AgreementDraft("", "", "", (Clause(ClauseKind.OTHER, "第二期款项的支付期限延至2027年2月28日。"),),
                           "", "", None, "", 3)
    with place.database.session_scope() as session:
        template = agreement.draft_template(session, number)
        assert template.supplements == main.id
        assert agreement.supplement(session, place.lihua, number, extra, 1, now=NOW) == 2
    with place.database.session_scope() as session:
        size = ledger.size(session)
        status = matters.find_case(session, number).status
    later = _finalise(place, number)
    assert later.kind == "supplement" and later.supplements == main.id
    assert later.record["agreement"]["title"] == "人民调解补充协议书"
    assert later.record["agreement"]["supplements"]["record_sha256"] == main.record_sha256
    with place.database.session_scope() as session:
        assert ledger.size(session) == size + 1
        entry = ledger.subject_entries(session, matters.case_subject(number))[-1]
        assert entry.kind == EventKind.AGREEMENT_SUPPLEMENTED
        assert matters.find_case(session, number).status == status
        assert agreement.current_agreement(session, number).supplemented_by == (later.id,)  # type: ignore[union-attr]
        # A second supplementary agreement starts a new draft; the finalised one stays frozen.
        assert agreement.supplement(session, place.lihua, number, extra, 2, now=NOW) == 3
        assert agreement.draft_finalised(session, number) is None
    assert place_findings(place) == []


def place_findings(place: Table) -> list[str]:
    with place.database.session_scope() as session:
        return [found.code for found in verify_store(session, place.store.vault).findings]


def test_verify_names_a_changed_or_removed_agreement(place: Table) -> None:
    number = _drafted(place)
    info = _finalise(place, number)
    assert place_findings(place) == []
    changed = info.record | {"effective_on": "2026-11-01"}
    behind_the_triggers(place.store, "sealed_agreement", "UPDATE sealed_agreement SET canonical = :text "
                        "WHERE id = :id", text=canonical_bytes(changed).decode("utf-8"), id=info.id)
    found = set(place_findings(place))
    assert {"agreement-changed", "agreement-signature", "agreement-row-mismatch"} <= found
    with place.database.session_scope() as session:
        report = verify_store(session, place.store.vault, number)
    assert "agreement-changed" in {found.code for found in report.findings}  # the case-scoped check too
    behind_the_back(place.store, [("DELETE FROM agreement_draft", {}), ("DELETE FROM sealed_agreement", {})])
    assert "agreement-missing" in place_findings(place)


# --- the PDF ------------------------------------------------------------------------------------------

def test_the_finalised_agreement_prints_what_was_sealed(place: Table, tmp_path: Path) -> None:
    number = _drafted(place)
    with place.database.session_scope() as session, pytest.raises(NotAllowed) as raised:
        generate(session, place.clerk, "agreement", number, tmp_path / "early.pdf", now=NOW)
    assert "not finalised yet" in raised.value.message and not (tmp_path / "early.pdf").exists()
    with place.database.session_scope() as session:
        draft_pdf = tmp_path / "draft.pdf"
        draft_pdf.write_bytes(agreement.render_draft(session, number, good_draft(), today=TODAY))
    assert "人民调解协议书（草稿）" in _text(draft_pdf)
    _finalise(place, number)
    out = tmp_path / "agreement.pdf"
    place.generate(place.clerk, "agreement", number, out)
    _check_fonts_embedded(out)
    text = _text(out)
    for expected in ("人民调解协议书", number, "申请人：云南普洱茶业有限公司",
                     "法定代表人（主要负责人）：王强，职务：执行董事", "委托代理人：周律师",
                     "被申请人：张丽，女，41岁，彝族", "纠纷主要事实、争议事项", "各方责任",
                     "经调解，自愿达成如下协议：", "第一条", "第三条",
                     "人民币壹万陆仟肆佰零玖元零贰分（¥16,409.02）",
                     "履行期限：二〇二七年一月三十一日前履行完毕。", "违约责任",
                     "本协议一式三份，当事人、人民调解委员会各持一份。",
                     "申请人：云南普洱茶业有限公司（盖章）", "被申请人：张丽（签名或按指印）",
                     "调解员（签名）", "记录人（签名）", "昆明市知识产权纠纷人民调解委员会（印）",
                     "二〇二六年十一月二十五日"):
        assert expected in text, expected
    assert "草稿" not in text
    assert _rendered_pages(out, tmp_path)


def test_sixty_character_names_and_fifty_clauses_run_on_with_nothing_cut(place: Table,
                                                                         tmp_path: Path) -> None:
    name = "云南" + "普洱思茅澜沧江流域古树生态有机茶叶种植加工销售" * 2 + "茶产业联合体有限责任公司"
    assert len(name) == 60
    number = place.mediating(applicant_name=name)
    clauses = (*(Clause(ClauseKind.OTHER, f"第{index}项约定：被申请人应当按照申请人的要求，在约定期限内"
                        f"完成第{index}项整改事项，并将整改结果书面告知申请人及人民调解委员会。")
                 for index in range(1, 50)), good_draft().clauses[1])
    with place.database.session_scope() as session:
        agreement.save_draft(session, place.lihua, number, good_draft(clauses=clauses), 0, now=NOW)
    _finalise(place, number)
    out = tmp_path / "long.pdf"
    place.generate(place.clerk, "agreement", number, out)
    text = _text(out)
    assert text.count(name) >= 2  # the parties block and the signature block
    for index in range(1, 50):
        assert f"第{index}项约定：" in text and f"完成第{index}项整改事项" in text
    assert "第五十条" in text and "第四十九条" in text
    pages = _rendered_pages(out, tmp_path)
    assert len(pages) >= 8


def test_a_draft_needs_a_case_in_mediation_and_a_supplement_a_finalised_agreement(place: Table) -> None:
    registered = place.case()
    with place.database.session_scope() as session, pytest.raises(NotAllowed) as raised:
        agreement.save_draft(session, place.lihua, registered, good_draft(), 0, now=NOW)
    assert "in mediation" in raised.value.message
    number = _drafted(place)
    with place.database.session_scope() as session, pytest.raises(NotAllowed):
        agreement.supplement(session, place.lihua, number, good_draft(), 1, now=NOW)
    with place.database.session_scope() as session, pytest.raises(NotAllowed):
        agreement.save_draft(session, place.lihua, number, good_draft(supplements=99), 1, now=NOW)
