"""Documents as Chinese PDFs (issue 12, first two: 受理登记表 and 权利义务告知书), checked with poppler's
tools: every font embedded, the text extracts (case number, names, amount in capitals), every page renders
non-blank, long content runs onto more pages with nothing cut, a character the font lacks is refused
before anything is written, and each document is logged in the ledger. Core on SQLite and PostgreSQL."""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.cli import EXIT_OK, EXIT_USAGE, run
from desktop.core.cases import matters, parties, progress
from desktop.core.cases.agents import AgentKind, Authority, SpecialPower, agent, service_address
from desktop.core.cases.identity import DocumentKind, resident_id_check
from desktop.core.cases.matters import CaseSource, MatterKind, case_details
from desktop.core.cases.persons import Sex, organisation, person
from desktop.core.documents import fonts, page_marks
from desktop.core.documents.amounts import amount_in_capitals
from desktop.core.documents.generation import GeneratedDocument, generate
from desktop.core.documents.layout import (
    Document,
    Heading,
    Text,
    Together,
    chinese_date,
    page_number_text,
    render,
)
from desktop.core.errors import InvalidInput
from desktop.core.integrity.canonical import record_digest
from desktop.core.office import office
from desktop.core.storage.store import OpenStore
from desktop.core.trust import ledger, users
from desktop.core.trust.permissions import Actor, Role
from tests.cli_env import point_cli_at

NOW = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)  # 10:00 in Kunming
TODAY = date(2026, 11, 26)
AMOUNT = Decimal("16409.02")
LONG_NAME = "云南" + "普洱思茅澜沧江流域古树生态有机茶叶种植加工销售" * 2 + "茶产业联合体有限责任公司"


def _resident_id(first17: str) -> str:
    return first17 + resident_id_check(first17)


ZHANG = person("张丽", Sex.FEMALE, None, DocumentKind.RESIDENT_ID, _resident_id("53010219850314002"),
               ethnicity="彝族", address="昆明市五华区翠湖南路1号", phone="13808712345", today=TODAY)
COMPANY = organisation("云南普洱茶业有限公司", credit_code="91330100799655058B", domicile="普洱市思茅区",
                       representative="王强", representative_post="执行董事")


class Office:
    """An office with an administrator, a mediator and a clerk, and one case with two parties."""

    def __init__(self, store: OpenStore) -> None:
        self.database = store.database
        with self.database.session_scope() as session:
            office.create_office(session, "昆明市知识产权纠纷人民调解委员会", "云知", mediation_word="调")
            admin = users.create_first_admin(session, "admin", "admin-password-1", "赵文")
            users.add_user(session, admin, "lihua", frozenset({Role.MEDIATOR}), "mediator-pass-1", "李华")
            users.add_user(session, admin, "clerk", frozenset({Role.CLERK}), "clerk-password-1", "孙琳")
        self.lihua = users.sign_in(self.database, "lihua", "mediator-pass-1")
        self.clerk = users.sign_in(self.database, "clerk", "clerk-password-1")

    def case(self, *, applicant_name: str = "", requests: tuple[str, ...] = ("停止侵权", "赔偿损失")) -> str:
        with self.database.session_scope() as session:
            details = case_details(MatterKind.MEDIATION, "trademark", "普洱茶商标侵权纠纷",
                                   date(2026, 11, 20),
                                   today=TODAY, summary="被申请人在其网店销售标有申请人商标的茶叶。",
                                   requests=requests, amount_claimed=AMOUNT,
                                   source=CaseSource.COURT_INVITED, court_name="昆明市五华区人民法院")
            number = matters.open_matter(session, self.clerk, MatterKind.MEDIATION, details, NOW).number
            applicant = COMPANY if not applicant_name else organisation(
                applicant_name, credit_code="91330100799655058B", domicile="普洱市思茅区",
                representative="王强")
            added = parties.add_party(session, self.clerk, number, "applicant", applicant,
                                      service_address("普洱市思茅区茶苑路8号", phone="13808712345"), now=NOW)
            parties.add_party(session, self.clerk, number, "respondent", ZHANG, now=NOW)
            parties.add_agent(session, self.clerk, added.id, agent(
                "周律师", AgentKind.LAWYER, Authority.SPECIAL, date(2026, 11, 20), firm="云南某某律师事务所",
                licence_number="15301201910123456", powers=[SpecialPower.SETTLE]), now=NOW)
            progress.assign_mediator(session, self.lihua, number, "lihua", conflict=False, now=NOW)
        return number

    def generate(self, actor: Actor, kind: str, number: str, out: Path) -> GeneratedDocument:
        with self.database.session_scope() as session:
            return generate(session, actor, kind, number, out, now=NOW)


@pytest.fixture
def place(store: OpenStore) -> Office:
    return Office(store)


def _tool(*argv: str | Path) -> str:
    return subprocess.run([str(arg) for arg in argv], check=True, capture_output=True, text=True).stdout


def _text(pdf: Path) -> str:
    """The PDF's text as pdftotext extracts it, without the line breaks and spaces wrapping makes."""
    return "".join(_tool("pdftotext", pdf, "-").split())


def _check_fonts_embedded(pdf: Path) -> None:
    listed = _tool("pdffonts", pdf).splitlines()[2:]
    assert listed, "no fonts listed"
    for line in listed:
        assert line.split()[-5] == "yes", line  # the "emb" column
        assert "Helvetica" not in line
    assert any("UMing" in line or "Hei" in line or "Sim" in line for line in listed)


def _rendered_pages(pdf: Path, folder: Path) -> list[Path]:
    """Each page rendered at 50 dpi (grey); every one has dark pixels (text)."""
    _tool("pdftoppm", "-r", "50", "-gray", pdf, folder / "page")
    pages = sorted(folder.glob("page-*.pgm"))
    for page in pages:
        data = page.read_bytes()
        # P5 header: magic, width, height, maxval, then one byte a pixel.
        fields = data.split(maxsplit=4)
        pixels = fields[4]
        assert min(pixels) < 100, f"{page.name} is blank"
    return pages


def test_dates_and_page_numbers_as_official_documents_write_them() -> None:
    assert chinese_date(date(2026, 11, 26)) == "二〇二六年十一月二十六日"
    assert chinese_date(date(2030, 10, 10)) == "二〇三〇年十月十日"
    assert chinese_date(date(2027, 1, 31)) == "二〇二七年一月三十一日"
    assert chinese_date(date(2026, 2, 20)) == "二〇二六年二月二十日"
    assert page_number_text(2) == "— 2 —"


def test_the_font_names_what_it_lacks_and_refuses_cff_or_no_font(tmp_path: Path) -> None:
    assert fonts.missing_glyphs("（2026）云知调字第0001号人民币壹万陆仟肆佰零玖元零贰分— 1 —") == []
    assert fonts.missing_glyphs("张𠀀丽😀𠀀") == ["𠀀", "😀"]
    assert fonts.document_fonts() is fonts.document_fonts()  # loaded once per process
    with pytest.raises(fonts.FontMissing, match="fonts-arphic-uming"):
        fonts.load_fonts([tmp_path], shipped=None)
    (tmp_path / "uming.ttc").write_bytes(b"OTTO" + bytes(100))  # a CFF-outline font under the name
    with pytest.raises(fonts.FontMissing):
        fonts.load_fonts([tmp_path], shipped=None)


def test_a_machine_with_no_chinese_font_uses_the_shipped_one(tmp_path: Path) -> None:
    shipped = fonts.load_fonts([tmp_path])  # no system font at all: only the package's own
    assert shipped.body_file == shipped.title_file == fonts.SHIPPED_FONT
    facts = Text("申请人张三与被申请人昆明某某科技有限公司因专利侵权发生纠纷。人民币壹万元整。")
    document = Document("人民调解协议书", (Heading("一、纠纷事实"), facts),
                        reference="（2026）云知调字第0001号")
    out = tmp_path / "shipped.pdf"
    out.write_bytes(render(document, shipped))
    listed = _tool("pdffonts", out)
    assert "WenQuanYi" in listed and "Mediseal-uming" not in listed
    _check_fonts_embedded(out)
    text = _text(out)
    assert "（2026）云知调字第0001号" in text and "昆明某某科技有限公司" in text and "人民币壹万元整" in text
    assert fonts.document_fonts().body_file != fonts.SHIPPED_FONT  # the process's faces are unchanged


def test_registration_form_extracts_embeds_and_is_logged(place: Office, tmp_path: Path) -> None:
    number = place.case()
    out = tmp_path / "registration.pdf"
    made = place.generate(place.clerk, "registration", number, out)
    assert out.read_bytes()[:5] == b"%PDF-" and made.size == out.stat().st_size
    _check_fonts_embedded(out)
    text = _text(out)
    assert number.startswith("（") and number in text
    for expected in ("受理登记表", "云南普洱茶业有限公司", "张丽", "周律师", amount_in_capitals(AMOUNT),
                     "人民币壹万陆仟肆佰零玖元零贰分", "二〇二六年十一月二十日", "昆明市五华区人民法院",
                     "李华",
                     "停止侵权", "赔偿损失", "普洱市思茅区茶苑路8号", "—1—"):
        assert expected in text, expected
    assert len(_rendered_pages(out, tmp_path)) >= 1
    # The ledger entry under the case, with the digest of the record naming the PDF's SHA-256.
    assert (made.record["kind"], made.record["case"], made.record["id"]) == ("registration", number, made.id)
    assert made.record["pdf_sha256"] == __import__("hashlib").sha256(out.read_bytes()).hexdigest()
    with place.database.session_scope() as session:
        entries = ledger.subject_entries(session, matters.case_subject(number))
    logged = [entry for entry in entries if entry.kind == "document.generated"]
    assert [(entry.seq, entry.actor, entry.subject_sha256) for entry in logged] == \
        [(made.ledger_seq, "clerk", record_digest(made.record))]


def test_rights_notice_quotes_the_law_and_has_a_line_for_each_party(place: Office, tmp_path: Path) -> None:
    number = place.case()
    out = tmp_path / "notice.pdf"
    place.generate(place.lihua, "rights-notice", number, out)
    _check_fonts_embedded(out)
    text = _text(out)
    for expected in (number, "权利义务告知书", "选择或者接受人民调解员", "接受调解、拒绝调解或者要求终止调解",
                     "要求调解公开进行或者不公开进行", "自主表达意愿、自愿达成调解协议", "如实陈述纠纷事实",
                     "遵守调解现场秩序，尊重人民调解员", "尊重对方当事人行使权利", "第二十三条", "第二十四条",
                     "申请人云南普洱茶业有限公司（签名或盖章）", "被申请人张丽（签名或盖章）",
                     "二〇二六年十一月二十六日"):
        assert expected in text, expected
    _rendered_pages(out, tmp_path)


def test_long_names_and_requests_run_onto_more_pages_with_nothing_cut(place: Office, tmp_path: Path) -> None:
    assert len(LONG_NAME) == 60
    requests = tuple(f"第{index}项请求：判令被申请人立即停止在其经营的全部线上线下渠道销售侵犯申请人"
                     f"注册商标专用权的茶叶产品，并销毁库存及包装物{index}。" * 3 for index in range(1, 21))
    number = place.case(applicant_name=LONG_NAME, requests=requests)
    out = tmp_path / "long.pdf"
    place.generate(place.clerk, "registration", number, out)
    _check_fonts_embedded(out)
    text = _text(out)
    assert "—2—" in text
    # A paragraph that runs over a page has the page's number and digest line inside.
    running = re.sub(r"—\d+—|" + page_marks.DIGEST_LINE_PATTERN, "", text)
    assert LONG_NAME in running
    for request in requests:
        assert request in running, request[:12]
    assert len(_rendered_pages(out, tmp_path)) >= 2


def test_a_character_the_font_lacks_is_refused_before_anything_is_written(place: Office,
                                                                          tmp_path: Path) -> None:
    number = place.case(applicant_name="云南𠀀茶业有限公司")
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "refused.pdf"
    with place.database.session_scope() as session:
        before = ledger.size(session)
    with pytest.raises(InvalidInput) as refused:
        place.generate(place.clerk, "registration", number, out)
    assert "𠀀" in str(refused.value.fields) and "U+20000" in str(refused.value.fields)
    assert list(folder.iterdir()) == []  # no PDF, no temp file
    with place.database.session_scope() as session:
        assert ledger.size(session) == before


def test_an_existing_file_is_never_overwritten(place: Office, tmp_path: Path) -> None:
    number = place.case()
    out = tmp_path / "taken.pdf"
    out.write_bytes(b"mine")
    with pytest.raises(InvalidInput):
        place.generate(place.clerk, "registration", number, out)
    assert out.read_bytes() == b"mine"


def test_the_command_line_prints_a_document_and_refuses_unknown_kinds(
        place: Office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], store: OpenStore) -> None:
    number = place.case()
    point_cli_at(monkeypatch, store, "clerk", "clerk-password-1")
    out = tmp_path / "cli.pdf"
    assert run(["document", "registration", "--case", number, "--out", str(out), "--json"]) == EXIT_OK
    printed = __import__("json").loads(capsys.readouterr().out)
    assert printed["case"] == number and printed["kind"] == "registration" and out.exists()
    assert printed["record"]["pdf_sha256"] == printed["pdf_sha256"]
    assert run(["document", "no-such-kind", "--case", number, "--out", str(tmp_path / "x.pdf")]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "registration" in err and "rights-notice" in err
    assert not (tmp_path / "x.pdf").exists()


CLOSING_MARKS = "，。、；：？！）》」』】〕”’"
OPENING_MARKS = "（《「『【〔“‘"


def test_no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one(tmp_path: Path) -> None:
    """GB/T 15834-2011 §5.1.2, also where a page break splits a paragraph and where a Latin run (an amount
    in figures) is followed by two closing marks, which reportlab's own wrapping started a line with."""
    text = ("第四条　被申请人向申请人支付经济损失及为制止侵权行为所支付的合理开支共计人民币伍万贰仟元零伍角"
            "（¥52,000.50）。上述款项分两期支付：第一期于二〇二六年十二月三十一日前支付人民币叁万元整"
            "（¥30,000.00）；第二期，委托代理人：何律师，执业证号：15301201910123456，电话：15940676713。"
            "“引号”《书名》")
    variants = [text[start:] for start in range(40)]  # every line break falls somewhere else
    out = tmp_path / "marks.pdf"
    out.write_bytes(render(Document("测试", tuple(Text(variant) for variant in variants))))
    lines = [line.strip() for line in _tool("pdftotext", "-layout", out, "-").splitlines() if line.strip()]
    assert [line for line in lines if line[0] in CLOSING_MARKS or line[-1] in OPENING_MARKS] == []
    running = re.sub(r"—\d+—", "", _text(out))
    for variant in variants:  # nothing lost or doubled in the breaking
        assert variant.replace("　", "") in running.replace("　", "")


def test_a_together_block_moves_to_the_next_page_whole(tmp_path: Path) -> None:
    # Six paragraphs leave room on page 1 for the first signature lines, not for all (checked without it).
    filler = tuple(Text("调解员向双方当事人释明了相关法律规定，双方当事人经协商一致。" * 2) for _ in range(6))
    lines = ("申请人：某某公司（盖章）", "被申请人：张丽（签名或按指印）：", "调解员（签名）：",
             "记录人（签名）：", "昆明市知识产权纠纷人民调解委员会（印）")
    signatures = Together(tuple(Text(line, indent=False) for line in lines))
    out = tmp_path / "together.pdf"
    out.write_bytes(render(Document("人民调解协议书", (*filler, signatures))))
    pages = [_text_of_page(out, page) for page in (1, 2)]
    assert "申请人：某某公司（盖章）" not in pages[0], "the section starts on the next page"
    for line in ("申请人：某某公司（盖章）", "调解员（签名）：", "昆明市知识产权纠纷人民调解委员会（印）"):
        assert line in pages[1]


def _text_of_page(pdf: Path, page: int) -> str:
    return "".join(_tool("pdftotext", "-f", str(page), "-l", str(page), pdf, "-").split())
