"""The case file (卷宗) in core, on SQLite and PostgreSQL: scanned papers taken into the vault and filed into
parts, the checklist with its required parts, the cover, archiving (complete, or incomplete with a reason)
and an archived case read-only in every service; bad input refused with nothing half-written."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.case_file import CaseArchive, CasePaper
from db.models import MediationCase
from desktop.core.cases import archive, case_file, cover, papers, parties, progress, sittings
from desktop.core.cases.agents import AgentKind, Authority, agent
from desktop.core.cases.file_parts import FilePart
from desktop.core.cases.outcomes import OutcomeInput, OutcomeKind, record_outcome
from desktop.core.cases.sittings import SittingKind
from desktop.core.cases.workflow import CaseStatus
from desktop.core.errors import InvalidInput, MedisealError, NotAllowed
from desktop.core.evidence import intake, items, preservation, seals
from desktop.core.evidence.acquisition import Acquisition, SourceKind
from desktop.core.storage.store import OpenStore
from desktop.core.trust import ledger, signing_keys, users
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Role
from tests.test_cases import NOW, ZHANG, Committee

NOTARY_PASSWORD = "notary-password-1"


def text_of(error: MedisealError) -> str:
    return error.message.format(**error.fields)


class Desk(Committee):
    """The committee with a case of lihua's in mediation, a party with an agent, and a folder of scans."""

    def __init__(self, store: OpenStore, tmp_path: Path) -> None:
        super().__init__(store)
        self.store = store
        self.number = self.open(self.lihua)
        with self.database.session_scope() as session:
            party = parties.add_party(session, self.lihua, self.number, "applicant", ZHANG, now=NOW)
            parties.add_agent(session, self.lihua, party.id,
                              agent("周律师", AgentKind.LAWYER, Authority.GENERAL, date(2026, 11, 20),
                                    firm="云南某某律师事务所", licence_number="15301201910123456"), now=NOW)
            progress.assign_mediator(session, self.lihua, self.number, "lihua", conflict=False, now=NOW)
            progress.move_case(session, self.lihua, self.number, "accepted", now=NOW)
            progress.move_case(session, self.lihua, self.number, "in-mediation", now=NOW)
        self.scans = tmp_path / "scans"
        self.scans.mkdir()

    def scan(self, name: str, data: bytes | None = None) -> Path:
        path = self.scans / name
        path.write_bytes(data if data is not None else name.encode("utf-8") * 20)
        return path

    def file(self, part: FilePart | str, *names: str) -> papers.ScanReport:
        return papers.file_scans(self.database, self.vault, self.lihua, self.number, part,
                                 [self.scan(name) for name in names], "原件已核对")

    def checklist(self) -> case_file.CaseFile:
        with self.database.session_scope() as session:
            return case_file.case_file(session, self.number)

    def archive(self, reason: str = "") -> archive.ArchiveInfo:
        with self.database.session_scope() as session:
            return archive.archive_case(session, self.lihua, self.number, reason, now=NOW)

    def ledger_size(self) -> int:
        with self.database.session_scope() as session:
            return ledger.size(session)


@pytest.fixture
def desk(store: OpenStore, tmp_path: Path) -> Desk:
    return Desk(store, tmp_path)


def test_the_checklist_lists_every_part_in_order_with_the_required_ones(desk: Desk) -> None:
    found = desk.checklist()
    assert [part.part for part in found.parts] == list(FilePart)
    required = {part.part: part.required for part in found.parts if part.required is not None}
    assert required == {FilePart.APPLICATION: case_file.Requirement.ALWAYS,
                        FilePart.RIGHTS_NOTICE: case_file.Requirement.ALWAYS,
                        FilePart.IDENTITY: case_file.Requirement.ALWAYS,
                        FilePart.POWER_OF_ATTORNEY: case_file.Requirement.AGENT,  # the case has an agent
                        FilePart.MINUTES: case_file.Requirement.ALWAYS}
    # Accepted (受理): the registration form is part 1.
    application = found.parts[0]
    assert application.present and application.documents[0].reference == f"case:{desk.number}"
    assert found.missing == (FilePart.RIGHTS_NOTICE, FilePart.IDENTITY, FilePart.POWER_OF_ATTORNEY,
                             FilePart.MINUTES)
    assert not found.complete and not found.archived


def test_scanned_papers_go_into_the_vault_and_into_their_part(desk: Desk) -> None:
    report = desk.file(FilePart.IDENTITY, "张丽身份证正面.jpg", "张丽身份证反面.jpg")
    assert not report.ingest.failures and len(report.papers) == 2
    first = report.papers[0]
    assert (first.part, first.note, first.filed_by) == (FilePart.IDENTITY, "原件已核对", "lihua")
    with desk.database.session_scope() as session:
        item = items.get_item(session, first.item_id)
        trail = [entry.kind for entry in items.custody_trail(session, first.item_id)]
    # An evidence item of the case like any other: both digests, source 扫描件, in its custody trail.
    assert item.acquisition.source_kind == SourceKind.SCAN and len(item.sha256) == 64 and len(item.sm3) == 64
    assert trail == [EventKind.EVIDENCE_INGESTED, EventKind.CASE_PAPER_FILED]
    found = desk.checklist()
    identity = found.parts[2]
    assert [document.title for document in identity.documents] == ["张丽身份证正面.jpg", "张丽身份证反面.jpg"]
    assert FilePart.IDENTITY not in found.missing
    # Evidence taken in the usual way is part 6; a filed paper is not listed there again.
    intake.ingest_files(desk.database, desk.vault, desk.lihua, desk.number, [desk.scan("侵权商品照片.jpg")],
                        Acquisition())
    evidence = desk.checklist().parts[5]
    assert [document.title for document in evidence.documents] == ["侵权商品照片.jpg"]
    assert desk.findings() == []


def _end(desk: Desk, kind: OutcomeKind, reason: str = "") -> None:
    """Record how the mediation ended (an oral agreement effective 2026-11-25, or failure/withdrawal)."""
    given = OutcomeInput(kind, effective_on=date(2026, 11, 25), content="被申请人停止销售并赔偿") \
        if kind.is_agreement else OutcomeInput(kind, reason=reason)
    with desk.database.session_scope() as session:
        record_outcome(session, desk.lihua, desk.number, given, now=NOW)


def test_papers_filed_into_minutes_and_agreement_count(desk: Desk) -> None:
    desk.file(FilePart.MINUTES, "调解记录签字页.pdf")
    _end(desk, OutcomeKind.ORAL_AGREEMENT)
    found = desk.checklist()
    assert FilePart.MINUTES not in found.missing
    assert found.parts[7].required is case_file.Requirement.AGREEMENT
    assert FilePart.AGREEMENT not in found.missing
    desk.file(FilePart.AGREEMENT, "调解协议书.pdf")
    assert [document.reference.split(":")[0] for document in desk.checklist().parts[7].documents] == [
        "evidence", "outcome"]


def test_bad_filings_are_refused_and_nothing_is_written(desk: Desk) -> None:
    other = desk.open(desk.lihua, title="另一纠纷")
    stranger = intake.ingest_files(desk.database, desk.vault, desk.lihua, other, [desk.scan("别案.jpg")],
                                   Acquisition()).items[0]
    before = desk.ledger_size()
    with desk.database.session_scope() as session, pytest.raises(NotAllowed) as refused:
        papers.file_paper(session, desk.lihua, desk.number, stranger.id, FilePart.IDENTITY)
    assert "belongs to another case" in text_of(refused.value)
    with pytest.raises(InvalidInput) as unknown:
        desk.file("cover-letter", "x.pdf")
    assert "“cover-letter” is not a part" in text_of(unknown.value)
    with pytest.raises(InvalidInput):
        desk.file(FilePart.EVIDENCE, "x.pdf")  # part 6 is what is filed nowhere else
    with pytest.raises(InvalidInput):
        desk.file(FilePart.BACK_COVER, "x.pdf")  # the back cover is the archive record
    assert desk.ledger_size() == before  # the part is checked before a byte is read: nothing went in
    filed = desk.file(FilePart.IDENTITY, "身份证.jpg").papers[0]
    with desk.database.session_scope() as session, pytest.raises(NotAllowed) as twice:
        papers.file_paper(session, desk.lihua, desk.number, filed.item_id, FilePart.POWER_OF_ATTORNEY)
    assert "already filed in “Identity papers”" in text_of(twice.value)
    with desk.database.session_scope() as session:
        assert session.scalar(select(func.count()).select_from(CasePaper)) == 1
    with desk.database.session_scope() as session, pytest.raises(NotAllowed):  # not assigned to the case
        papers.file_paper(session, desk.wangwu, desk.number, filed.item_id, FilePart.IDENTITY)


def test_the_cover_is_a_versioned_record_with_derived_fields(desk: Desk) -> None:
    with desk.database.session_scope() as session:
        shown = cover.cover_of(session, session.scalar(select(MediationCase)))
    assert (shown.version, shown.file_name, shown.file_number, shown.mediators) == \
        (0, "某商标侵权纠纷", desk.number, ("李华",))
    assert shown.mediation_from == date(2026, 11, 26) and shown.cover.retention is cover.Retention.LONG
    given = cover.checked_cover("某商标侵权纠纷卷", "2026-调-001", "permanent", "共一册", "本卷材料齐全。")
    with desk.database.session_scope() as session:
        saved = cover.save_cover(session, desk.lihua, desk.number, given, 0, now=NOW)
    assert (saved.version, saved.file_number, saved.cover.retention) == (1, "2026-调-001",
                                                                         cover.Retention.PERMANENT)
    with desk.database.session_scope() as session, pytest.raises(NotAllowed):
        cover.save_cover(session, desk.wangwu, desk.number, given, 1, now=NOW)  # not assigned
    with desk.database.session_scope() as session, pytest.raises(NotAllowed):
        cover.save_cover(session, desk.lihua, desk.number, cover.checked_cover("x"), 0, now=NOW)  # stale
    with pytest.raises(InvalidInput):
        cover.checked_cover(retention="forever")
    with pytest.raises(InvalidInput):
        cover.checked_cover(notes="a\u202eb")  # a text-direction override never goes into a record
    # The note on the file makes part 12 present.
    note = desk.checklist().parts[11]
    assert note.present and note.documents[0].reference == f"file:{desk.number}@1"
    assert desk.findings() == []


def _complete(desk: Desk) -> None:
    desk.file(FilePart.RIGHTS_NOTICE, "权利义务告知书.pdf")
    desk.file(FilePart.IDENTITY, "身份证.jpg")
    desk.file(FilePart.POWER_OF_ATTORNEY, "授权委托书.pdf")
    desk.file(FilePart.MINUTES, "调解记录.pdf")
    _end(desk, OutcomeKind.ORAL_AGREEMENT)  # part 8: the agreement's record
    with desk.database.session_scope() as session:
        progress.move_case(session, desk.lihua, desk.number, "performed", now=NOW)


def test_archiving_a_complete_file_closes_the_case_and_seals_its_digests(desk: Desk) -> None:
    _complete(desk)
    assert desk.checklist().complete
    info = desk.archive()
    assert (info.complete, info.missing, info.archived_by, info.documents) == (True, (), "lihua", 6)
    record = info.record
    assert record["type"] == "case-archive" and record["cover"]["filed_by"] == "lihua"
    assert [entry["part"] for entry in record["documents"]] == [
        "application", "rights-notice", "identity", "power-of-attorney", "minutes", "agreement"]
    with desk.database.session_scope() as session:
        row = session.scalar(select(MediationCase))
        assert row is not None and row.status == CaseStatus.CLOSED
        kinds = [entry.kind for entry in ledger.entries(session)][-2:]
        moves = progress.history(session, desk.number)
    assert kinds == [EventKind.CASE_MOVED, EventKind.CASE_ARCHIVED]
    assert moves[-1].to_status is CaseStatus.CLOSED
    found = desk.checklist()
    assert found.archived and found.parts[12].present  # the back cover (封底) once archived
    assert desk.findings() == []
    with pytest.raises(NotAllowed) as twice:
        desk.archive()
    assert "was archived already" in text_of(twice.value)


def test_an_incomplete_file_needs_a_reason_and_nothing_is_half_written(desk: Desk) -> None:
    desk.file(FilePart.IDENTITY, "身份证.jpg")
    _end(desk, OutcomeKind.WITHDRAWN, "申请人撤回申请")
    before = desk.ledger_size()
    with pytest.raises(InvalidInput) as refused:
        desk.archive()
    message = text_of(refused.value)
    assert "incomplete" in message and "Notice of rights and obligations" in message and \
        "Mediation minutes" in message, message
    assert desk.ledger_size() == before
    with desk.database.session_scope() as session:
        assert session.scalar(select(func.count()).select_from(CaseArchive)) == 0
        assert session.scalar(select(MediationCase.status)) == CaseStatus.WITHDRAWN
    info = desk.archive("当事人撤回申请，未召开调解会")
    assert not info.complete and info.reason == "当事人撤回申请，未召开调解会"
    assert info.missing == (FilePart.RIGHTS_NOTICE, FilePart.POWER_OF_ATTORNEY, FilePart.MINUTES)
    assert info.record["missing"] == ["rights-notice", "power-of-attorney", "minutes"]
    assert desk.findings() == []


def test_a_file_with_an_open_sitting_is_not_archived(desk: Desk) -> None:
    """An open sitting would stay scheduled, its minutes unsealed, in a read-only case."""
    with desk.database.session_scope() as session:
        sitting = sittings.schedule_sitting(session, desk.lihua, desk.number, SittingKind.MEDIATION,
                                            NOW + timedelta(days=1), place="调解室", now=NOW)
    _end(desk, OutcomeKind.WITHDRAWN, "申请人撤回申请")
    before = desk.ledger_size()
    with pytest.raises(NotAllowed) as refused:
        desk.archive("当事人撤回申请")
    assert "open sittings (2026-11-2" in text_of(refused.value)
    assert desk.ledger_size() == before
    with desk.database.session_scope() as session:
        sittings.cancel_sitting(session, desk.lihua, sitting.id, "申请人撤回申请", now=NOW)
    assert desk.archive("当事人撤回申请").number == desk.number


def test_a_case_is_closed_only_by_archiving(desk: Desk) -> None:
    _end(desk, OutcomeKind.FAILED, "双方分歧过大")
    with desk.database.session_scope() as session, pytest.raises(NotAllowed) as refused:
        progress.move_case(session, desk.lihua, desk.number, "closed", now=NOW)
    assert "closed by archiving its file" in text_of(refused.value)
    with desk.database.session_scope() as session, pytest.raises(NotAllowed):
        archive.archive_case(session, desk.wangwu, desk.number, "x", now=NOW)  # not assigned


def test_an_archived_case_is_read_only_everywhere(desk: Desk) -> None:
    with desk.database.session_scope() as session:
        admin = users.sign_in(desk.database, "admin", "admin-password-1")
        users.add_user(session, admin, "notary", frozenset({Role.NOTARY}), NOTARY_PASSWORD, "钱公证")
    notary = users.sign_in(desk.database, "notary", NOTARY_PASSWORD)
    with desk.database.session_scope() as session:
        signing_keys.new_key(session, notary, NOTARY_PASSWORD)
    with desk.database.session_scope() as session:
        key = signing_keys.unlock(session, notary, NOTARY_PASSWORD)
    item = intake.ingest_files(desk.database, desk.vault, desk.lihua, desk.number, [desk.scan("照片.jpg")],
                               Acquisition()).items[0]
    _end(desk, OutcomeKind.WITHDRAWN, "撤回")
    desk.archive("撤回，材料不全")
    closed = f"Case {desk.number} is closed and archived"
    before = desk.ledger_size()

    def refused(action: object) -> None:
        with pytest.raises(NotAllowed) as error:
            if callable(action):
                action()
        assert closed in text_of(error.value), text_of(error.value)

    def in_session(call: object) -> object:
        def run() -> None:
            with desk.database.session_scope() as session:
                call(session)  # type: ignore[operator]
        return run

    refused(lambda: intake.ingest_files(desk.database, desk.vault, desk.lihua, desk.number,
                                        [desk.scan("迟到.jpg")], Acquisition()))
    refused(lambda: desk.file(FilePart.IDENTITY, "迟到的身份证.jpg"))
    refused(in_session(lambda s: seals.seal_items(s, notary, key, [item.id])))
    given = preservation.PreservationInput((item.id,), "取证室", "申请人", "李华", "步骤", "电脑", ("王芳",))
    refused(in_session(lambda s: preservation.create_record(s, notary, key, desk.number, given)))
    refused(in_session(lambda s: parties.add_party(s, desk.lihua, desk.number, "respondent", ZHANG, now=NOW)))
    refused(in_session(lambda s: progress.assign_mediator(s, admin, desk.number, "wangwu", conflict=False)))
    blank = cover.checked_cover("x")
    refused(in_session(lambda s: cover.save_cover(s, desk.lihua, desk.number, blank, None)))
    refused(in_session(lambda s: papers.file_paper(s, desk.lihua, desk.number, item.id, FilePart.IDENTITY)))
    assert desk.ledger_size() == before
