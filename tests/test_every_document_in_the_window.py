"""Every document of issue 12 made from the window (pytest-qt, real widgets, SQLite): the clerk, on the
case's 文书 tab, makes each kind a mediation case has (the agreement signed with her key, the minutes of a
sealed sitting, the visit, the supplementary agreement, the evidence list ...) and the oral-agreement
register of another case; the notary makes the preservation record of a notarial matter. Each is listed,
previewed (its pages shown), stored as made, and checked with poppler; the signed one verifies."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.config import Settings
from desktop.core.cases import parties, progress
from desktop.core.cases.deadlines import office_today
from desktop.core.cases.matters import MatterKind, case_details, open_matter
from desktop.core.cases.minutes import add_entry, close_sitting
from desktop.core.cases.outcomes import OutcomeInput, OutcomeKind, Signing, record_outcome
from desktop.core.cases.sittings import Attendee, AttendeeRole, schedule_sitting, set_notes
from desktop.core.cases.visits import VisitInput, add_visit
from desktop.core.cases.workflow import CaseStatus
from desktop.core.documents import agreement, registry
from desktop.core.documents.generation import DocumentKind
from desktop.core.documents.verify_document import DocumentVerdict, verify_document
from desktop.core.evidence import preservation
from desktop.core.office.courts import add_demo_courts
from desktop.core.office.office import update_office
from desktop.core.storage.datafolder import DATABASE_FILE_NAME
from desktop.core.storage.store import OpenStore, open_store
from desktop.core.trust import signing_keys, users
from desktop.core.trust.permissions import Role
from tests.qt_helpers import Heartbeat, launch_and_sign_in, type_text
from tests.test_clerk_documents import (
    CLERK,
    CLERK_PASSWORD,
    MEDIATOR_PASSWORD,
    OP_TIMEOUT,
    _choose,
    _click,
    _draft,
    _generate,
    _new_document,
    open_documents_tab,
)
from tests.test_document_kinds import ingest_named
from tests.test_documents import NOW, Office

NOTARY, NOTARY_PASSWORD = "notary", "notary-password-1"

# The kinds a mediation case with a sealed agreement, a supplement, sealed minutes, a visit and evidence
# has, in the order the clerk makes them; the texts pdftotext must find in each.
CASE_KINDS: list[tuple[DocumentKind, tuple[str, ...]]] = [
    (DocumentKind.REGISTRATION, ("受理登记表", "云南普洱茶业有限公司")),
    (DocumentKind.RIGHTS_NOTICE, ("权利义务告知书", "第二十三条")),
    (DocumentKind.AGREEMENT, ("人民调解协议书", "人民币壹万陆仟肆佰零玖元零贰分")),
    (DocumentKind.SUPPLEMENTARY_AGREEMENT, ("补充协议", "赔礼道歉")),
    (DocumentKind.APPLICATION, ("司法确认申请书", "此致昆明市五华区人民法院")),
    (DocumentKind.COMMITMENT, ("承诺书", "张丽")),
    (DocumentKind.EVIDENCE_LIST, ("证据清单", "网店页面截图.png")),
    (DocumentKind.MINUTES, ("调解记录", "已封存", "我方要求停止侵权。")),
    (DocumentKind.ADDRESS_CONFIRMATION, ("送达地址确认书", "普洱市思茅区茶苑路8号")),
    (DocumentKind.VISIT, ("回访记录", "已按期支付第一期款项")),
    (DocumentKind.FILE_COVER, ("卷宗封面", "卷内目录")),
]


@dataclass(frozen=True)
class Desk:
    settings: Settings
    number: str  # the case with an agreement and everything after it
    oral: str  # a case settled by an oral agreement
    matter: str  # a notarial matter with a preservation record


def _text(pdf: bytes, folder: Path) -> str:
    path = folder / "read.pdf"
    path.write_bytes(pdf)
    return "".join(subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                                  text=True).stdout.split())


def _mediating(store: OpenStore, place: Office) -> str:
    number = place.case()
    with store.database.session_scope() as session:
        for target in (CaseStatus.ACCEPTED, CaseStatus.IN_MEDIATION):
            progress.move_case(session, place.lihua, number, target, now=NOW)
    return number


def _sealed_sitting(store: OpenStore, place: Office, number: str) -> None:
    with store.database.session_scope() as session:
        people = {party.role.value: party for party in parties.list_parties(session, number)}
    starts = NOW + timedelta(hours=1)
    attendees = (Attendee(AttendeeRole.APPLICANT, "云南普洱茶业有限公司", party_id=people["applicant"].id),
                 Attendee(AttendeeRole.RESPONDENT, "张丽", party_id=people["respondent"].id),
                 Attendee(AttendeeRole.MEDIATOR, "李华", login="lihua"))
    with store.database.session_scope() as session:
        sitting = schedule_sitting(session, place.lihua, number, "mediation", starts, place="五华区调解室",
                                   matter="商标侵权赔偿", attendees=attendees, now=NOW)
        add_entry(session, place.lihua, sitting.id, "applicant", "王强", "我方要求停止侵权。",
                  spoken_at=starts + timedelta(minutes=5), now=starts + timedelta(minutes=5))
    with store.database.session_scope() as session:
        set_notes(session, place.lihua, sitting.id, sitting.revision, rights_explained=True, risk_warning="",
                  findings="双方同意调解。", result="达成调解协议。", now=starts + timedelta(minutes=30))
    with store.database.session_scope() as session:
        key = signing_keys.unlock(session, place.lihua, MEDIATOR_PASSWORD)
        close_sitting(session, place.lihua, key, sitting.id)


@pytest.fixture
def desk(tmp_path: Path, sqlite_template: Path) -> Desk:
    """The committee with its courts; a case taken through a sealed sitting, a finalised agreement and a
    supplementary one, evidence and a visit; a case settled orally; a notary's matter with a preservation
    record. The clerk, the mediator and the notary hold signing keys."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copyfile(sqlite_template, data_dir / DATABASE_FILE_NAME)
    settings = Settings(data_dir=data_dir, database_url=None, lang=None)
    store = open_store(settings)
    try:
        place = Office(store)
        admin = users.sign_in(store.database, "admin", "admin-password-1")
        with store.database.session_scope() as session:
            add_demo_courts(session, admin, now=NOW)
            update_office(session, admin, "昆明市知识产权纠纷人民调解委员会", "云知", notarial_prefix="云昆",
                          notarial_word="证")
            users.add_user(session, admin, NOTARY, frozenset({Role.NOTARY}), NOTARY_PASSWORD, "钱公证")
            signing_keys.new_key(session, place.lihua, MEDIATOR_PASSWORD, now=NOW)
            signing_keys.new_key(session, place.clerk, CLERK_PASSWORD, now=NOW)
        notary = users.sign_in(store.database, NOTARY, NOTARY_PASSWORD)
        with store.database.session_scope() as session:
            signing_keys.new_key(session, notary, NOTARY_PASSWORD, now=NOW)
        number = _mediating(store, place)
        _sealed_sitting(store, place, number)
        ingest_named(store, place.clerk, number, tmp_path / "evidence", "网店页面截图.png", "购买发票.pdf")
        today = office_today()
        with store.database.session_scope() as session:
            agreement.save_draft(session, place.lihua, number, _draft(), 0, now=NOW)
        with store.database.session_scope() as session:
            signings = tuple(Signing(party.id, today) for party in parties.list_parties(session, number))
            agreement.finalise(session, place.lihua, number, MEDIATOR_PASSWORD, signings, today)
        with store.database.session_scope() as session:
            extra = replace(_draft(), clauses=(agreement.Clause(agreement.ClauseKind.APOLOGY,
                                                                "被申请人向申请人书面赔礼道歉。"),))
            base = agreement.load_draft(session, number)[1]
            agreement.supplement(session, place.lihua, number, extra, base)
        with store.database.session_scope() as session:
            agreement.finalise(session, place.lihua, number, MEDIATOR_PASSWORD, signings, today)
        with store.database.session_scope() as session:
            add_visit(session, place.lihua, number,
                      VisitInput(today, "李华", "履行情况", "已按期支付第一期款项。"))
        oral = _mediating(store, place)
        with store.database.session_scope() as session:
            record_outcome(session, place.lihua, oral, OutcomeInput(
                OutcomeKind.ORAL_AGREEMENT, effective_on=today, content="被申请人停止销售侵权茶叶。"))
        with store.database.session_scope() as session:
            details = case_details(MatterKind.NOTARIAL, "copyright", "网页证据保全", today, today=today)
            matter = open_matter(session, place.clerk, MatterKind.NOTARIAL, details, NOW).number
        ids = ingest_named(store, place.clerk, matter, tmp_path / "preserved", "网页录屏.mp4", "网页截图.png")
        moment = datetime.now(UTC)
        given = preservation.PreservationInput(
            tuple(ids), "云南省昆明市公证处取证室", "云南普洱茶业有限公司", "赵取证",
            "1. 清洁取证电脑；\n2. 录屏。", "取证电脑一号", ("王芳",), moment - timedelta(hours=2),
            moment - timedelta(hours=1))
        with store.database.session_scope() as session:
            key = signing_keys.unlock(session, notary, NOTARY_PASSWORD)
            preservation.create_record(session, notary, key, matter, given)
    finally:
        store.close()
    return Desk(settings, number, oral, matter)


def test_the_clerk_makes_every_document_of_a_case_from_the_window(qtbot: QtBot, desk: Desk,
                                                                  tmp_path: Path) -> None:
    launcher, window = launch_and_sign_in(qtbot, desk.settings, CLERK, CLERK_PASSWORD, OP_TIMEOUT)
    try:
        beat = Heartbeat()
        view = open_documents_tab(qtbot, window, desk.number)
        made: list[registry.DocumentInfo] = []
        for kind, _expected in CASE_KINDS:
            dialog = _new_document(qtbot, view)
            _choose(dialog.kind, kind.value)
            if kind is DocumentKind.AGREEMENT:  # the agreement goes out signed with the clerk's key
                _click(qtbot, dialog.sign)
                type_text(dialog.password, CLERK_PASSWORD)
            document = _generate(qtbot, view, dialog)
            assert document.kind is kind and document.signed is (kind is DocumentKind.AGREEMENT)
            made.append(document)
        # The heartbeat measures the window's work only: the checks below block the GUI thread themselves.
        longest = beat.stop()
        assert view.list.topLevelItemCount() == len(CASE_KINDS)
        store = launcher.store
        assert store is not None
        with store.database.session_scope() as session:
            for document, (kind, expected) in zip(made, CASE_KINDS, strict=True):
                text = _text(registry.document_pdf(session, document.id), tmp_path)
                for wanted in expected:
                    assert wanted in text, (kind.value, wanted)
            signed = registry.document_pdf(session, made[2].id)
            check = verify_document(session, signed)
        assert check.verdict is DocumentVerdict.UNCHANGED and check.signed, check

        # The other case, settled orally: its register.
        beat = Heartbeat()
        other = open_documents_tab(qtbot, window, desk.oral)
        dialog = _new_document(qtbot, other)
        _choose(dialog.kind, DocumentKind.ORAL_AGREEMENT.value)
        oral = _generate(qtbot, other, dialog)
        longest = max(longest, beat.stop())
        with store.database.session_scope() as session:
            assert "被申请人停止销售侵权茶叶。" in _text(registry.document_pdf(session, oral.id), tmp_path)
        assert longest < 1000, f"the window froze for {longest} ms"
        window.close()
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=OP_TIMEOUT)
    finally:
        launcher.shutdown()


def test_the_notary_makes_the_preservation_record_from_the_window(qtbot: QtBot, desk: Desk,
                                                                  tmp_path: Path) -> None:
    launcher, window = launch_and_sign_in(qtbot, desk.settings, NOTARY, NOTARY_PASSWORD, OP_TIMEOUT)
    try:
        view = open_documents_tab(qtbot, window, desk.matter)
        dialog = _new_document(qtbot, view)
        _choose(dialog.kind, DocumentKind.PRESERVATION.value)
        _click(qtbot, dialog.sign)
        type_text(dialog.password, NOTARY_PASSWORD)
        document = _generate(qtbot, view, dialog)
        assert document.kind is DocumentKind.PRESERVATION and document.signed
        store = launcher.store
        assert store is not None
        with store.database.session_scope() as session:
            text = _text(registry.document_pdf(session, document.id), tmp_path)
        for wanted in ("保全证据工作记录", desk.matter, "网页录屏.mp4", "云南省昆明市公证处取证室", "钱公证"):
            assert wanted in text, wanted
        window.close()
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=OP_TIMEOUT)
    finally:
        launcher.shutdown()
