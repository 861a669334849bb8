"""The other documents of a case (issue 12): the application for judicial confirmation, commitments, the
evidence list, minutes, service-address confirmations, the oral-agreement register, a visit record, the
file cover with its index and the notary's preservation record. Each rendered once and read back with
poppler (pdftotext, pdffonts, pdftoppm); each refusal leaves no file and no ledger entry. Core on SQLite
and PostgreSQL where the queries differ; the stress cases (60-character names, 300 items) on SQLite."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from desktop.cli import EXIT_OK, EXIT_USAGE, run
from desktop.core.cases import parties, progress
from desktop.core.cases.agents import AgentKind, Authority, SpecialPower, agent, service_address
from desktop.core.cases.matters import CaseSource, MatterKind
from desktop.core.cases.minutes import add_entry, close_sitting
from desktop.core.cases.outcomes import OutcomeInput, OutcomeKind, Signing, record_outcome
from desktop.core.cases.persons import organisation
from desktop.core.cases.sittings import Attendee, AttendeeRole, schedule_sitting, set_notes
from desktop.core.cases.visits import VisitInput, add_visit
from desktop.core.cases.workflow import CaseStatus
from desktop.core.documents.generation import DocumentRequest, GeneratedDocument, generate
from desktop.core.documents.layout import Document, Grid, Text, render
from desktop.core.errors import InvalidInput, MedisealError, NotAllowed, NotFound
from desktop.core.evidence import intake, preservation, seals
from desktop.core.evidence.acquisition import Acquisition, SourceKind
from desktop.core.office.courts import CourtLevel, add_court
from desktop.core.storage.store import OpenStore
from desktop.core.trust import ledger, signing_keys, users
from desktop.core.trust.permissions import Actor, Role
from tests.cli_env import point_cli_at
from tests.tamper import replace_blob
from tests.test_cases import COMPANY, NOW, ZHANG, Committee
from tests.test_documents import _check_fonts_embedded, _rendered_pages, _text, _tool

KEY_PASSWORD = "mediator-pass-1"
NOTARY_PASSWORD = "notary-password-1"
AGREED = date(2026, 11, 25)
LONG_NAME = "云南" + "普洱思茅澜沧江流域古树生态有机茶叶种植加工销售" * 2 + "茶产业联合体有限责任公司"
INVITING = "昆明市五华区人民法院"


def ingest_named(store: OpenStore, actor: Actor, number: str, folder: Path, *names: str) -> list[int]:
    """Files named ``names`` (each its own bytes) made in the new ``folder`` and taken into case ``number``
    as web captures; their item ids."""
    folder.mkdir()
    paths = []
    for name in names:
        path = folder / name
        path.write_bytes(f"{name} 的内容".encode() * 10)
        paths.append(path)
    acquisition = Acquisition(SourceKind.WEB_CAPTURE.value, url="https://shop.example.cn/item/1",
                              acquired_at=NOW - timedelta(days=2), acquired_by="赵取证",
                              device="取证电脑一号")
    report = intake.ingest_files(store.database, store.vault, actor, number, paths, acquisition)
    assert not report.failures
    return [item.id for item in report.items]


class Kinds(Committee):
    """A committee with a court-invited trademark case in mediation: a company applicant with a confirmed
    service address and a lawyer, 张丽 respondent (no address confirmed), lihua mediating."""

    def __init__(self, store: OpenStore, tmp_path: Path, applicant_name: str = "") -> None:
        super().__init__(store)
        self.store = store
        self.tmp = tmp_path
        self.number = self.open(self.clerk, source=CaseSource.COURT_INVITED, court_name=INVITING,
                                title="普洱茶商标侵权纠纷")
        applicant = COMPANY if not applicant_name else organisation(
            applicant_name, credit_code="91330100799655058B", domicile="普洱市思茅区", representative="王强")
        with self.database.session_scope() as session:
            progress.assign_mediator(session, self.admin, self.number, "lihua", conflict=False, now=NOW)
            self.applicant = parties.add_party(
                session, self.lihua, self.number, "applicant", applicant,
                service_address("普洱市思茅区茶苑路8号", recipient="王强", phone="13808712345",
                                postcode="665000", email="legal@example.cn", electronic_consent=True),
                now=NOW).id
            self.respondent = parties.add_party(session, self.lihua, self.number, "respondent", ZHANG,
                                                now=NOW).id
            parties.add_agent(session, self.lihua, self.applicant, agent(
                "周律师", AgentKind.LAWYER, Authority.SPECIAL, date(2026, 11, 20), firm="云南某某律师事务所",
                licence_number="15301201910123456", powers=[SpecialPower.SETTLE]), now=NOW)
            for target in (CaseStatus.ACCEPTED, CaseStatus.IN_MEDIATION):
                progress.move_case(session, self.lihua, self.number, target, now=NOW)

    def agree(self, kind: OutcomeKind = OutcomeKind.WRITTEN_AGREEMENT) -> None:
        signed = (Signing(self.applicant, AGREED), Signing(self.respondent, AGREED))
        content = "被申请人停止销售侵权茶叶。\n被申请人赔偿人民币伍仟元。"
        given = OutcomeInput(kind, signings=signed, mediator_signed_on=AGREED) \
            if kind is OutcomeKind.WRITTEN_AGREEMENT \
            else OutcomeInput(kind, effective_on=AGREED, content=content)
        with self.database.session_scope() as session:
            record_outcome(session, self.lihua, self.number, given, now=NOW)

    def court(self, name: str = INVITING) -> int:
        with self.database.session_scope() as session:
            return add_court(session, self.admin, name, CourtLevel.BASIC, "昆明市五华区", now=NOW).id

    def notary(self) -> tuple[Actor, signing_keys.UnlockedKey]:
        with self.database.session_scope() as session:
            users.add_user(session, self.admin, "notary", frozenset({Role.NOTARY}), NOTARY_PASSWORD, "钱公证")
        notary = users.sign_in(self.database, "notary", NOTARY_PASSWORD)
        with self.database.session_scope() as session:
            signing_keys.new_key(session, notary, NOTARY_PASSWORD)
        with self.database.session_scope() as session:
            return notary, signing_keys.unlock(session, notary, NOTARY_PASSWORD)

    def ingest(self, number: str, *names: str) -> list[int]:
        folder = self.tmp / f"files-{len(list(self.tmp.iterdir()))}"
        return ingest_named(self.store, self.lihua, number, folder, *names)

    def generate(self, kind: str, out: Path, number: str = "", now: datetime = NOW,
                 **request: object) -> GeneratedDocument:
        given = DocumentRequest(**request, vault=self.vault)  # type: ignore[arg-type]
        with self.database.session_scope() as session:
            return generate(session, self.clerk, kind, number or self.number, out, now=now, request=given)

    def ledger_size(self) -> int:
        with self.database.session_scope() as session:
            return ledger.size(session)

    def refused(self, kind: str, error: type[MedisealError], now: datetime = NOW, **request: object) -> str:
        """Generating ``kind`` is refused with ``error``: no file, no ledger entry; the message."""
        out = self.tmp / f"refused-{kind}.pdf"
        before = self.ledger_size()
        with pytest.raises(error) as refused:
            self.generate(kind, out, now=now, **request)
        assert not out.exists() and self.ledger_size() == before
        return refused.value.message.format(**refused.value.fields)


@pytest.fixture
def kinds(sqlite_store: OpenStore, tmp_path: Path) -> Kinds:
    """On SQLite: most documents only read what the case services read on both databases."""
    return Kinds(sqlite_store, tmp_path)


@pytest.fixture
def both(store: OpenStore, tmp_path: Path) -> Kinds:
    """On SQLite and PostgreSQL: the documents whose queries are their own (courts, verification)."""
    return Kinds(store, tmp_path)


# What each page's foot says, left out of checks of running text: the page number, and the digest line the
# documents registry prints (page_marks.DIGEST_LINE_PATTERN).
PAGE_FOOT = r"—\d+—|文书编号\d+校验码[0-9a-f]{16}第\d+页"


def _running(text: str) -> str:
    """``_text``'s text without the page feet, so a paragraph that runs over a page reads whole."""
    return re.sub(PAGE_FOOT, "", text)


def _pages(pdf: Path) -> int:
    return int(re.search(r"Pages:\s+(\d+)", _tool("pdfinfo", pdf)).group(1))  # type: ignore[union-attr]


def test_the_application_names_every_applicant_the_court_and_the_attachments(both: Kinds) -> None:
    kinds = both
    kinds.agree()
    kinds.court()
    out = kinds.tmp / "application.pdf"
    made = kinds.generate("application", out)
    assert made.kind.value == "application"
    _check_fonts_embedded(out)
    text = _text(out)
    for expected in (kinds.number, "司法确认申请书", "云南普洱茶业有限公司", "张丽", "周律师",
                     "普洱市思茅区茶苑路8号",
                     "13808712345", "请求事项",
                     "请求确认申请人云南普洱茶业有限公司、张丽于二〇二六年十一月二十五日经"
                     "昆明市知识产权纠纷人民调解委员会主持调解达成的人民调解协议（案号："
                     + kinds.number + "）有效", "事实和理由",
                     f"经{INVITING}委派", "第二百零五条", "此致" + INVITING,
                     "申请人云南普洱茶业有限公司（签名或盖章）",
                     "申请人张丽（签名或盖章）", "二〇二六年十一月二十六日", "调解组织主持调解的证明",
                     "身份证明、资格证明", "授权委托书1份（云南普洱茶业有限公司委托周律师）",
                     "财产权利证明（如商标注册证",
                     "送达地址确认书2份", "承诺书2份", "至二〇二六年十二月二十五日止"):
        assert expected in text, expected
    _rendered_pages(out, kinds.tmp)


def test_the_application_is_refused_without_a_written_agreement_and_after_the_last_day(kinds: Kinds) -> None:
    said = kinds.refused("application", NotAllowed)
    assert f"Case {kinds.number} has no written agreement in force" in said
    # A written agreement effective 2026-11-25: the 30 days end on 2026-12-25 (a Friday); the 28th is late.
    kinds.agree()
    # The inviting court is not in the office's list yet: no court to address, the clerk is told to choose.
    said = kinds.refused("application", InvalidInput)
    assert "No court of the office's list fits" in said
    court = kinds.court()
    late = datetime(2026, 12, 28, 2, 0, tzinfo=UTC)
    said = kinds.refused("application", NotAllowed, now=late)
    assert "until 2026-12-25" in said and "2026-11-25" in said
    # On the last day it is still in time; a court chosen by the clerk must be an active one of the list.
    out = kinds.tmp / "in-time.pdf"
    kinds.generate("application", out, now=datetime(2026, 12, 25, 2, 0, tzinfo=UTC), court=court)
    assert "此致" + INVITING in _text(out)
    kinds.refused("application", NotFound, court=court + 99)


def test_commitments_one_per_party_each_on_its_own_page(kinds: Kinds) -> None:
    kinds.agree()
    out = kinds.tmp / "commitments.pdf"
    kinds.generate("commitment", out)
    _check_fonts_embedded(out)
    text = _text(out)
    letters = text.split("承诺书" + kinds.number)[1:]  # the title and the line under it open each letter
    assert len(letters) == 2
    first, second = letters
    assert "承诺人（申请人）：云南普洱茶业有限公司" in first and "承诺人张丽" not in first
    assert "承诺人（被申请人）：张丽" in second and "承诺人张丽（签名或盖章）" in second
    for expected in ("真实意思表示", "不损害国家利益、社会公共利益、集体利益和案外第三人的合法权益",
                     "真实、合法、有效", "第一百一十五条", "恶意串通，企图通过诉讼、调解等方式侵害国家利益",
                     "虚假调解、虚假诉讼", "二〇二六年十一月二十六日"):
        assert expected in _running(first), expected
    # Each letter starts on a page of its own.
    pages = ["".join(page.split()) for page in _tool("pdftotext", out, "-").split("\f")]
    assert sum(page.startswith("承诺书" + kinds.number) for page in pages) == 2
    assert len(_rendered_pages(out, kinds.tmp)) == _pages(out) >= 2
    one = kinds.tmp / "one.pdf"
    kinds.generate("commitment", one, party=kinds.respondent)
    assert "张丽" in _text(one) and "承诺人（申请人）" not in _text(one)
    said = kinds.refused("commitment", NotFound, party=kinds.respondent + 50)
    assert f"no party {kinds.respondent + 50}" in said and "张丽" in said


def test_address_confirmations_fill_what_is_confirmed_and_leave_blanks(kinds: Kinds) -> None:
    out = kinds.tmp / "addresses.pdf"
    kinds.generate("address-confirmation", out)
    _check_fonts_embedded(out)
    _rendered_pages(out, kinds.tmp)  # every page drawn (pdftoppm)
    forms = _running(_text(out)).split("送达地址确认书" + kinds.number)[1:]
    company = next(form for form in forms if "云南普洱茶业有限公司（申请人）" in form)
    person = next(form for form in forms if "张丽（被申请人）" in form)
    for expected in ("普洱市思茅区茶苑路8号", "王强", "13808712345", "665000", "legal@example.cn",
                     "是否同意电子送达同意", "第十一条", "第一百三十七条", "第九十条",
                     "受送达人云南普洱茶业有限公司（签名或盖章）"):
        assert expected in company, expected
    assert "□同意□不同意" in person and "普洱市思茅区茶苑路8号" not in person
    kinds.refused("address-confirmation", NotFound, party=999)


def test_the_oral_agreement_register_and_its_refusal(kinds: Kinds) -> None:
    said = kinds.refused("oral-agreement", NotAllowed)
    assert "no oral agreement" in said
    kinds.agree(OutcomeKind.ORAL_AGREEMENT)
    # An oral agreement is not what the papers for judicial confirmation go with.
    kinds.refused("application", NotAllowed)
    kinds.refused("commitment", NotAllowed)
    out = kinds.tmp / "oral.pdf"
    kinds.generate("oral-agreement", out)
    _check_fonts_embedded(out)
    _rendered_pages(out, kinds.tmp)  # every page drawn (pdftoppm)
    text = _text(out)
    for expected in ("口头协议登记表", "被申请人停止销售侵权茶叶。", "被申请人赔偿人民币伍仟元。",
                     "二〇二六年十一月二十五日",
                     "李华", "第三十条", "云南普洱茶业有限公司", "张丽"):
        assert expected in text, expected


def test_a_visit_record_and_the_visits_named_when_none_is_given(kinds: Kinds) -> None:
    kinds.refused("visit", NotFound)  # no visit yet
    kinds.agree()
    with kinds.database.session_scope() as session:
        visit = add_visit(session, kinds.lihua, kinds.number, VisitInput(
            date(2026, 11, 26), "李华、孙琳", "协议履行情况", "被申请人已下架全部侵权商品，赔偿款已付清。"),
            now=NOW)
    said = kinds.refused("visit", InvalidInput)
    assert f"{visit.id}（2026-11-26）" in said
    kinds.refused("visit", NotFound, visit=visit.id + 1)
    out = kinds.tmp / "visit.pdf"
    kinds.generate("visit", out, visit=visit.id)
    _check_fonts_embedded(out)
    _rendered_pages(out, kinds.tmp)  # every page drawn (pdftoppm)
    text = _text(out)
    for expected in ("回访记录", "李华、孙琳", "协议履行情况", "被申请人已下架全部侵权商品，赔偿款已付清。",
                     "二〇二六年十一月二十六日", visit.record_sha256, "被回访人（签名或盖章）"):
        assert expected in text, expected


def test_minutes_print_as_a_draft_and_then_as_sealed(kinds: Kinds) -> None:
    with kinds.database.session_scope() as session:
        signing_keys.new_key(session, kinds.lihua, KEY_PASSWORD)
    with kinds.database.session_scope() as session:
        key = signing_keys.unlock(session, kinds.lihua, KEY_PASSWORD)
    starts = NOW + timedelta(hours=1)
    attendees = (Attendee(AttendeeRole.APPLICANT, "云南普洱茶业有限公司", party_id=kinds.applicant),
                 Attendee(AttendeeRole.RESPONDENT, "张丽", party_id=kinds.respondent),
                 Attendee(AttendeeRole.MEDIATOR, "李华", login="lihua"))
    with kinds.database.session_scope() as session:
        sitting = schedule_sitting(session, kinds.lihua, kinds.number, "mediation", starts,
                                   place="五华区调解室",
                                   matter="商标侵权赔偿", attendees=attendees, now=NOW)
        add_entry(session, kinds.lihua, sitting.id, "applicant", "王强", "我方要求停止侵权。",
                  spoken_at=starts + timedelta(minutes=5), now=starts + timedelta(minutes=5))
        add_entry(session, kinds.lihua, sitting.id, "respondent", "张丽", "同意下架商品。",
                  spoken_at=starts + timedelta(minutes=9), now=starts + timedelta(minutes=9))
    kinds.refused("minutes", InvalidInput)
    kinds.refused("minutes", NotFound, sitting=sitting.id + 5)
    draft = kinds.tmp / "draft.pdf"
    kinds.generate("minutes", draft, now=starts + timedelta(minutes=10), sitting=sitting.id)
    text = _text(draft)
    for expected in ("调解记录", "草稿（未封存）", "五华区调解室", "商标侵权赔偿", "李华",
                     "（11:05）申请人王强：我方要求停止侵权。", "（11:09）被申请人张丽：同意下架商品。"):
        assert expected in text, expected
    with kinds.database.session_scope() as session:
        set_notes(session, kinds.lihua, sitting.id, sitting.revision, rights_explained=True,
                  risk_warning="调解协议须经司法确认方可申请强制执行。", findings="双方就赔偿金额分歧较大。",
                  result="双方同意下次继续调解。", now=starts + timedelta(minutes=30))
    with kinds.database.session_scope() as session:
        # Sealed now: the key made in this test is valid from now on.
        sealed = close_sitting(session, kinds.lihua, key, sitting.id)
    out = kinds.tmp / "sealed.pdf"
    kinds.generate("minutes", out, now=datetime.now(UTC), sitting=sitting.id)
    _check_fonts_embedded(out)
    _rendered_pages(out, kinds.tmp)  # every page drawn (pdftoppm)
    text = _text(out)
    for expected in ("已封存", sealed.record_sha256, "我方要求停止侵权。",
                     "已告知当事人在人民调解活动中享有的权利",
                     "风险提示：调解协议须经司法确认方可申请强制执行。", "双方就赔偿金额分歧较大。",
                     "双方同意下次继续调解。", "申请人云南普洱茶业有限公司（签名或盖章）",
                     "调解员李华（签名或盖章）"):
        assert expected in text, expected
    assert "草稿" not in text


def test_the_evidence_list_gives_both_digests_seals_and_the_verdict_at_printing(both: Kinds) -> None:
    kinds = both
    notary, key = kinds.notary()
    first, second, third = kinds.ingest(kinds.number, "网店页面截图.png", "商品照片.jpg", "购买凭证.pdf")
    with kinds.database.session_scope() as session:
        seals.seal_items(session, notary, key, [first])
    with kinds.database.session_scope() as session:
        from desktop.core.evidence.items import get_item
        tampered = get_item(session, third)
        listed = [get_item(session, item) for item in (first, second, third)]
    replace_blob(kinds.store, tampered.sha256, b"changed after intake")
    out = kinds.tmp / "evidence.pdf"
    kinds.generate("evidence-list", out)
    _check_fonts_embedded(out)
    _rendered_pages(out, kinds.tmp)  # every page drawn (pdftoppm)
    text = _text(out)
    for item in listed:
        assert item.name in text and item.sha256 in text and item.sm3 in text, item.name
    for expected in ("证据清单", "网页取证", "赵取证", "取证电脑一号", "https://shop.example.cn/item/1",
                     "钱公证签章",
                     "核验：完好，已签章", "核验：完好，未签章",
                     "核验：与其记录不符（文件摘要或大小与记录不符）", "未签章"):
        assert expected in text, expected
    chosen = kinds.tmp / "chosen.pdf"
    kinds.generate("evidence-list", chosen, items=(second,))
    assert listed[1].sha256 in _text(chosen) and listed[0].sha256 not in _text(chosen)
    said = kinds.refused("evidence-list", NotFound, items=(second, 4242))
    assert "4242" in said
    with kinds.database.session_scope() as session, pytest.raises(InvalidInput):
        generate(session, kinds.clerk, "evidence-list", kinds.number, kinds.tmp / "no-vault.pdf", now=NOW)


def test_three_hundred_items_lay_out_with_every_digest_whole(kinds: Kinds) -> None:
    names = [f"侵权证据第{index:03d}号网页截图及其附属说明文件.png" for index in range(300)]
    kinds.ingest(kinds.number, *names)
    out = kinds.tmp / "300.pdf"
    kinds.generate("evidence-list", out)
    _check_fonts_embedded(out)
    text = _text(out)
    with kinds.database.session_scope() as session:
        from desktop.core.evidence.items import list_items
        items = list_items(session, kinds.number)
    assert len(items) == 300
    missing = [item.name for item in items if item.sha256 not in text or item.sm3 not in text]
    assert missing == []
    pages = _rendered_pages(out, kinds.tmp)
    assert len(pages) == _pages(out) > 10
    # The header row heads every page of the grid, once; a page break falls between items, never inside
    # one: each page's last line is an item's SM3 digest, and the line under the header is no digest.
    per_page = [[line.strip() for line in page.splitlines()
                 if line.strip() and not re.fullmatch(PAGE_FOOT, "".join(line.split()))]
                for page in _tool("pdftotext", "-layout", out, "-").split("\f") if page.strip()]
    header = re.compile(r"序号\s+证据名称及大小\s+取证情况\s+签章及核验结论")
    assert [sum(bool(header.fullmatch(line)) for line in lines) for lines in per_page] == [1] * len(per_page)
    for lines in per_page[:-1]:
        below = lines[next(index for index, line in enumerate(lines) if header.fullmatch(line)) + 1]
        assert not below.startswith(("SHA-256", "SM3")), below
        assert re.fullmatch(r"SM3：[0-9a-f]{64}", lines[-1]), lines[-1]


def test_a_grid_with_a_long_cell_and_long_names_is_never_cut(tmp_path: Path) -> None:
    long_text = "".join(f"第{index}段很长的说明文字，" for index in range(300))
    digest = hashlib.sha256(b"x").hexdigest()
    # One long cell a row (pdftotext reads a table line by line across its columns).
    grid = Grid(("序号", "名称", "说明"), (0.1, 0.3, 0.6),
                (("", LONG_NAME, ""), ("", "", long_text), (digest * 3,)))
    out = tmp_path / "grid.pdf"
    out.write_bytes(render(Document("证据清单", (Text("前言"), grid))))
    text = _text(out)
    assert text.count("序号名称说明") >= 2  # the cell ran onto another page, under the header again
    running = _running(text).replace("序号名称说明", "")
    assert LONG_NAME in running and long_text in running and digest * 3 in running
    with pytest.raises(ValueError):
        Grid(("a", "b"), (0.5, 0.4), ())


def test_sixty_character_names_run_on_in_the_application_and_commitment(sqlite_store: OpenStore,
                                                                        tmp_path: Path) -> None:
    assert len(LONG_NAME) == 60
    kinds = Kinds(sqlite_store, tmp_path, applicant_name=LONG_NAME)
    kinds.agree()
    kinds.court()
    for kind in ("application", "commitment", "address-confirmation"):
        out = tmp_path / f"{kind}.pdf"
        kinds.generate(kind, out)
        running = _running(_text(out))
        assert LONG_NAME in running, kind
        (tmp_path / kind).mkdir()
        _rendered_pages(out, tmp_path / kind)


def test_the_file_cover_and_its_index(kinds: Kinds) -> None:
    kinds.agree()
    out = kinds.tmp / "cover.pdf"
    kinds.generate("file-cover", out)
    _check_fonts_embedded(out)
    _rendered_pages(out, kinds.tmp)  # every page drawn (pdftoppm)
    pages = ["".join(page.split()) for page in _tool("pdftotext", out, "-").split("\f")]
    cover, index = pages[0], "".join(pages[1:])
    for expected in ("卷宗封面", "昆明市知识产权纠纷人民调解委员会", "普洱茶商标侵权纠纷", kinds.number,
                     "李华", "长期",
                     "卷宗尚未归档"):
        assert expected in cover, expected
    for expected in ("卷内目录", "一、申请书或受理登记表", "受理登记表", "二、权利义务告知书（缺）",
                     "八、协议书",
                     "人民调解协议书", "十三、封底（无）", "页号"):
        assert expected in index, expected


def test_the_preservation_record_lists_the_items_with_both_digests(kinds: Kinds) -> None:
    notary, key = kinds.notary()
    matter = kinds.open(kinds.clerk, kind=MatterKind.NOTARIAL, case_type="copyright", title="网页证据保全")
    with pytest.raises(NotFound), kinds.database.session_scope() as session:
        generate(session, notary, "preservation", matter, kinds.tmp / "none.pdf", now=NOW)
    assert not (kinds.tmp / "none.pdf").exists()
    ids = kinds.ingest(matter, "网页录屏.mp4", "网页截图.png")
    given = preservation.PreservationInput(tuple(ids), "云南省昆明市公证处取证室", "云南普洱茶业有限公司",
                                           "赵取证",
                                           "1. 清洁取证电脑；\n2. 打开网店页面并录屏；\n3. 计算摘要。",
                                           "取证电脑一号", ("王芳",), NOW - timedelta(hours=2),
                                           NOW - timedelta(hours=1))
    with kinds.database.session_scope() as session:
        record = preservation.create_record(session, notary, key, matter, given)  # now: the key is new
    out = kinds.tmp / "preservation.pdf"
    with kinds.database.session_scope() as session:
        generate(session, notary, "preservation", matter, out, now=NOW)
    _check_fonts_embedded(out)
    _rendered_pages(out, kinds.tmp)  # every page drawn (pdftoppm)
    text = _text(out)
    for item in record.record["items"]:  # type: ignore[union-attr]
        assert item["name"] in text and item["sha256"] in text and item["sm3"] in text
    for expected in ("保全证据工作记录", matter, "云南省昆明市公证处取证室", "赵取证", "王芳", "清洁取证电脑",
                     "打开网店页面并录屏", "钱公证", record.record_sha256, "见证人王芳（签名或盖章）"):
        assert expected in text, expected


def test_the_command_line_maps_the_options_and_explains_the_suggested_court(
        kinds: Kinds, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    kinds.agree()
    kinds.court()
    item = kinds.ingest(kinds.number, "截图.png")[0]
    point_cli_at(monkeypatch, kinds.store, "clerk", "clerk-password-1")
    out = kinds.tmp / "cli-application.pdf"
    assert run(["document", "application", "--case", kinds.number, "--out", str(out)]) == EXIT_OK
    printed = capsys.readouterr().out
    assert f"Addressed to {INVITING} (suggested" in printed and "art. 205(1)" in printed
    listed = kinds.tmp / "cli-list.pdf"
    assert run(["document", "evidence-list", "--case", kinds.number, "--out", str(listed),
                "--item", str(item), "--json"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["kind"] == "evidence-list" and listed.exists()
    minutes = ["document", "minutes", "--case", kinds.number, "--out", str(kinds.tmp / "m.pdf")]
    assert run(minutes) == EXIT_USAGE  # no --sitting
    assert run(["document", "commitment", "--case", kinds.number, "--party", "999",
                "--out", str(kinds.tmp / "c.pdf")]) == EXIT_USAGE  # an unknown party: bad input
    assert not (kinds.tmp / "m.pdf").exists() and not (kinds.tmp / "c.pdf").exists()


def test_grid_lines_break_by_character_and_no_line_starts_with_a_closing_mark() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from desktop.core.documents.fonts import document_fonts
    from desktop.core.documents.layout import _wrap_lines

    font = document_fonts().body
    room = stringWidth("甲" * 9, font, 9) + 0.5  # nine characters a line
    lines = _wrap_lines("一二三四五六七八九，十一二三\n" + "0123456789abcdef" * 8, font, 9, room)
    assert lines[0] == "一二三四五六七八" and lines[1].startswith("九，")  # "，" carried down with "九"
    assert "".join(lines) == "一二三四五六七八九，十一二三" + "0123456789abcdef" * 8  # nothing dropped
    assert all(stringWidth(line, font, 9) <= room for line in lines)
