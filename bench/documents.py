"""Documents (issue 12): the fonts loaded once per process, a 20-clause mediation agreement and a 300-item
evidence list, as ratios to a one-page reportlab document rendered in the same run.

    python bench/documents.py [--clauses 20] [--items 300] [--runs 5]

On a fresh SQLite data folder under the temp folder: an office, a mediator with a signing key, a clerk,
a trademark case with two parties in mediation, a draft agreement of ``--clauses`` clauses (one of them a
payment in two instalments), and a second case with ``--items`` small files taken in. Times, warm (one
of each made before the timed runs), the median of ``--runs``:

- the fonts: the first ``document_fonts()`` of the process (finding and loading both CJK faces) and a
  second one (the same object, nothing loaded again);
- the baseline: a one-page document (a title and a paragraph in the same CJK face) drawn with reportlab's
  canvas alone, no layout;
- the agreement: ``render_draft`` (the editor's live preview: content, layout, PDF) and the whole
  ``generate`` of the finalised agreement (its sealed record read back, the page marks with the QR code,
  the registry row, the ledger entry, the transaction committed);
- the evidence list: building it (each item re-hashed from the vault and checked as ``mediseal verify``
  checks it) and rendering it (both digests in full, the header on every page).

Issue 12 asks for the agreement in 0.3 s or less and the 300-item list in 1 s or less; the exit status is
1 when either is over.
"""

from __future__ import annotations

import argparse
import io
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from desktop.config import Settings
from desktop.core.cases import matters, parties, progress
from desktop.core.cases.agents import service_address
from desktop.core.cases.identity import DocumentKind as IdentityDocument
from desktop.core.cases.identity import resident_id_check
from desktop.core.cases.outcomes import Signing
from desktop.core.cases.persons import Sex, organisation, person
from desktop.core.cases.workflow import CaseStatus
from desktop.core.documents import agreement
from desktop.core.documents.agreement import AgreementDraft, Clause, ClauseKind, Instalment
from desktop.core.documents.fonts import document_fonts
from desktop.core.documents.generation import DocumentKind, DocumentRequest, build_document, generate
from desktop.core.documents.layout import render
from desktop.core.evidence import intake
from desktop.core.evidence.acquisition import Acquisition, SourceKind
from desktop.core.office import office
from desktop.core.storage.store import open_store
from desktop.core.trust import signing_keys, users
from desktop.core.trust.permissions import Role

PASSWORD = "bench-password-1"
NOW = datetime(2026, 11, 26, 2, 0, tzinfo=UTC)
TODAY = date(2026, 11, 26)
AGREEMENT_LIMIT = 0.3  # seconds (issue 12)
LIST_LIMIT = 1.0


class Desk:
    """The bench's office: a mediator with a key, a clerk, and the two cases."""

    def __init__(self, folder: Path) -> None:
        self.store = open_store(Settings(data_dir=folder / "data", database_url=None, lang=None))
        with self.store.database.session_scope() as session:
            office.create_office(session, "昆明市知识产权纠纷人民调解委员会", "云知", mediation_word="调")
            admin = users.create_first_admin(session, "admin", PASSWORD, "赵文")
            users.add_user(session, admin, "lihua", frozenset({Role.MEDIATOR}), PASSWORD, "李华")
            users.add_user(session, admin, "clerk", frozenset({Role.CLERK}), PASSWORD, "孙琳")
        self.mediator = users.sign_in(self.store.database, "lihua", PASSWORD)
        self.clerk = users.sign_in(self.store.database, "clerk", PASSWORD)
        with self.store.database.session_scope() as session:
            signing_keys.new_key(session, self.mediator, PASSWORD, now=NOW)

    def agreement_case(self, clauses: int) -> tuple[str, AgreementDraft]:
        """A case in mediation with a saved draft of ``clauses`` clauses."""
        first17 = "53010219850314002"
        respondent = person("张丽", Sex.FEMALE, None, IdentityDocument.RESIDENT_ID,
                            first17 + resident_id_check(first17), ethnicity="彝族",
                            address="昆明市五华区翠湖南路1号", today=TODAY)
        applicant = organisation("云南普洱茶业有限公司", credit_code="91330100799655058B",
                                 domicile="普洱市思茅区", representative="王强",
                                 representative_post="执行董事")
        with self.store.database.session_scope() as session:
            number = matters.open_case(session, self.clerk, "trademark", "普洱茶商标侵权纠纷", NOW).number
            parties.add_party(session, self.clerk, number, "applicant", applicant,
                              service_address("普洱市思茅区茶苑路8号", phone="13808712345"), now=NOW)
            parties.add_party(session, self.clerk, number, "respondent", respondent, now=NOW)
            progress.assign_mediator(session, self.mediator, number, "lihua", conflict=False, now=NOW)
            for target in (CaseStatus.ACCEPTED, CaseStatus.IN_MEDIATION):
                progress.move_case(session, self.mediator, number, target, now=NOW)
        draft = _draft(clauses)
        with self.store.database.session_scope() as session:
            agreement.save_draft(session, self.mediator, number, draft, 0, now=NOW)
        return number, draft

    def finalise(self, number: str) -> None:
        with self.store.database.session_scope() as session:
            people = parties.list_parties(session, number)
            agreement.finalise(session, self.mediator, number, PASSWORD,
                               [Signing(party.id, TODAY) for party in people], TODAY, now=NOW)

    def evidence_case(self, folder: Path, count: int) -> str:
        """A case holding ``count`` evidence items (web captures, each its own bytes)."""
        with self.store.database.session_scope() as session:
            number = matters.open_case(session, self.clerk, "trademark", "普洱茶商标侵权纠纷", NOW).number
        files = folder / "files"
        files.mkdir()
        paths = []
        for index in range(count):
            path = files / f"侵权证据第{index:03d}号网页截图.png"
            path.write_bytes(f"网页截图 {index}".encode() * 50)
            paths.append(path)
        acquisition = Acquisition(SourceKind.WEB_CAPTURE.value, url="https://shop.example.cn/item/1",
                                  acquired_at=NOW, acquired_by="赵取证", device="取证电脑一号")
        report = intake.ingest_files(self.store.database, self.store.vault, self.clerk, number, paths,
                                     acquisition)
        if report.failures:
            raise SystemExit(f"ingest failed: {report.failures[0]}")
        return number


def _draft(count: int) -> AgreementDraft:
    """An agreement of ``count`` clauses: the usual ones, a payment in two instalments, and more."""
    instalments = (Instalment(date(2026, 12, 31), Decimal("6409.02")),
                   Instalment(date(2027, 1, 31), Decimal("10000.00")))
    clauses = [Clause(ClauseKind.STOP_USE, "被申请人自本协议生效之日起停止销售标有申请人注册商标的茶叶。"),
               Clause(ClauseKind.COMPENSATION, "被申请人向申请人支付经济损失共计【金额】。",
                      Decimal("16409.02"), instalments)]
    while len(clauses) < count:
        clauses.append(Clause(ClauseKind.OTHER, f"被申请人于本协议生效后十日内删除其在各网络销售平台上的"
                                                f"第{len(clauses)}组侵权商品链接，并向申请人提供删除后的页面截图。"))
    return AgreementDraft(
        facts="被申请人在其网店销售标有申请人商标的茶叶。", disputed="申请人请求停止侵权、赔偿损失。",
        responsibility="被申请人未经许可使用申请人注册商标，应承担侵权责任。", clauses=tuple(clauses[:count]),
        performance_manner="银行转账", performance_place="昆明市", performance_deadline=date(2027, 1, 31),
        breach_liability="逾期付款的，按日万分之五支付违约金。", copies=3)


def one_page_reportlab() -> bytes:
    """The baseline: one A4 page, a title and a paragraph in the document face, reportlab's canvas only."""
    fonts = document_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, initialFontName=fonts.body, initialFontSize=16)
    canvas.setFont(fonts.title, 22)
    canvas.drawCentredString(A4[0] / 2, A4[1] - 120, "人民调解协议书")
    canvas.setFont(fonts.body, 16)
    canvas.drawString(80, A4[1] - 180, "申请人与被申请人因商标侵权纠纷，经调解自愿达成如下协议。")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def median(runs: int, work: Callable[[], Any]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type /Page\b(?!s)", pdf))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--clauses", type=int, default=20)
    parser.add_argument("--items", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    fonts = document_fonts()
    cold_fonts = time.perf_counter() - started
    started = time.perf_counter()
    again = document_fonts()
    warm_fonts = time.perf_counter() - started
    assert again is fonts, "the fonts were loaded twice"
    with tempfile.TemporaryDirectory(prefix="mediseal-bench-") as temp:
        desk = Desk(Path(temp))
        try:
            number, draft = desk.agreement_case(args.clauses)
            listed_number = desk.evidence_case(Path(temp), args.items)

            def preview() -> bytes:
                with desk.store.database.session_scope() as session:
                    return agreement.render_draft(session, number, draft, TODAY)

            draft_pdf = preview()  # warm
            drafting = median(args.runs, preview)
            desk.finalise(number)
            made: list[Any] = []

            def generated() -> None:
                with desk.store.database.session_scope() as session:
                    made.append(generate(session, desk.clerk, DocumentKind.AGREEMENT, number, None, now=NOW))

            generated()  # warm
            generating = median(args.runs, generated)
            request = DocumentRequest(vault=desk.store.vault)

            def build() -> Any:
                with desk.store.database.session_scope() as session:
                    return build_document(session, DocumentKind.EVIDENCE_LIST, listed_number, TODAY,
                                          request)[1]

            listed = build()
            list_pdf = render(listed)  # warm
            building = median(args.runs, build)
            rendering = median(args.runs, lambda: render(listed))
            one_page_reportlab()
            baseline = median(args.runs, one_page_reportlab)
        finally:
            desk.store.close()

    def line(label: str, seconds: float, note: str = "") -> None:
        print(f"{label:<46} {seconds * 1000:9.1f} ms  ×{seconds / baseline:7.1f}  {note}")

    print(f"fonts: first document_fonts() of the process     {cold_fonts * 1000:9.1f} ms  (loaded once)")
    print(f"fonts: second document_fonts()                   {warm_fonts * 1000:9.3f} ms  (the same object)")
    line("one-page reportlab document (baseline)", baseline)
    line(f"agreement, {args.clauses} clauses: draft preview ({_pages(draft_pdf)} pages)", drafting)
    line(f"agreement, {args.clauses} clauses: generate, finalised", generating,
         f"(issue 12: ≤ {AGREEMENT_LIMIT * 1000:.0f} ms; {_pages(made[-1].pdf)} pages, marks, registry, "
         "ledger)")
    line(f"evidence list, {args.items} items: check items", building)
    line(f"evidence list, {args.items} items: render ({_pages(list_pdf)} pages)", rendering)
    line(f"evidence list, {args.items} items in all", building + rendering,
         f"(issue 12: ≤ {LIST_LIMIT * 1000:.0f} ms)")
    slow = max(drafting, generating) > AGREEMENT_LIMIT or building + rendering > LIST_LIMIT
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
