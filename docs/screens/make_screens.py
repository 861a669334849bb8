"""Retake the README's screenshots: a notary office's data folder built from scratch in a temporary folder
(never a real data folder), then the screens of a notary's work in the window, in Chinese and English, on
a 1024×700 screen:

    xvfb-run -a -s "-screen 0 1024x700x24" .venv/bin/python docs/screens/make_screens.py docs/screens

writes the screens README.md shows (README_SCREENS) into the folder given: NAME.png in Chinese,
NAME-en.png in English; with --all, every screen it takes (the sign-in, the setup wizard's two pages,
the Evidence page and its tabs, taking files in, a new case, a preservation record and its correction,
the verification of a changed file, Export Proof, the Ledger page and an entry, Settings with a new
key, a revocation and a password change, About), to look at them all. The data: 昆明市明信公证处 with an
administrator (赵文), two notaries (李华, 周敏) and a clerk (陈静); 李华's first signing key revoked and a
new one in use; two cases with a hundred items taken in and sealed; and the case the screens show, with
eight items under long Chinese file names (web captures, a screen recording, a photo, a party's
documents), sealed, a preservation record with witnesses and its correction, and one item's file
changed in the vault, so its verification fails. Times are shown as Kunming sees them (Asia/Shanghai).
The mediator's screens come from a second data folder, 昆明市知识产权纠纷人民调解委员会 filled by the demo
(300 cases, both number series, the demo's staff) and a case in which someone named 李华 is a party:
mediator 李华 registers a court-entrusted case (登记案件…), takes it on (the dialog warns of the namesake),
and the screens follow the case to an agreement: the overview with the court's time limit due soon, the
register showing the cases due soon, the parties and agents, the timeline, and her first sitting
scheduled (新建调解会, the attendees from the case) with the calendar of sittings. The day screens follow a
trademark case she took on weeks before (built at the times it happened): the unconfirmed text offered
back after the laptop went off mid-sitting, the minutes typed live, sealed with two signings and an
addendum, the written agreement recorded in the Outcome tab's dialog, performance in instalments (one
overdue), a follow-up visit, the case file with parts missing, then archived and read-only. Dates there
are counted back from today's (the register counts days from the real today).
Each language runs in a process of its own, on a copy of the data folder. Xvfb has no window manager:
the script draws each dialog's title bar itself.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

os.environ["TZ"] = "Asia/Shanghai"  # before anything reads the local time zone
time.tzset()

from PySide6.QtCore import QDate, QDateTime, QEvent, QMarginsF, QPoint, QRect, Qt, QTime  # noqa: E402
from PySide6.QtGui import QColor, QFont, QImage, QKeyEvent, QPageSize, QPainter, QPdfWriter  # noqa: E402
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QMessageBox, QWidget  # noqa: E402
from sqlalchemy import select  # noqa: E402

from db.engine import Database  # noqa: E402
from db.models import MediationCase  # noqa: E402
from desktop.config import Settings  # noqa: E402
from desktop.core.cases import matters as cases  # noqa: E402
from desktop.core.cases import minutes, papers, parties, performance, progress, sittings, visits  # noqa: E402
from desktop.core.cases.agents import agent, service_address  # noqa: E402
from desktop.core.cases.deadlines import office_today  # noqa: E402
from desktop.core.cases.demo import make_demo  # noqa: E402
from desktop.core.cases.file_parts import FilePart  # noqa: E402
from desktop.core.cases.identity import DocumentKind  # noqa: E402
from desktop.core.cases.matters import CaseSource, MatterKind  # noqa: E402
from desktop.core.cases.parties import PartyRole  # noqa: E402
from desktop.core.cases.performance import DoneInput, Instalment, ObligationInput, ObligationKind  # noqa: E402
from desktop.core.cases.persons import Sex, organisation, person  # noqa: E402
from desktop.core.cases.sittings import Attendee, AttendeeRole, SittingKind  # noqa: E402
from desktop.core.cases.visits import VisitInput  # noqa: E402
from desktop.core.cases.workflow import CaseStatus  # noqa: E402
from desktop.core.errors import MedisealError  # noqa: E402
from desktop.core.evidence import intake, preservation, readout  # noqa: E402
from desktop.core.evidence.acquisition import Acquisition  # noqa: E402
from desktop.core.office import office  # noqa: E402
from desktop.core.storage.store import OpenStore, open_store  # noqa: E402
from desktop.core.trust import checkpoints, signing_keys, users  # noqa: E402
from desktop.core.trust.permissions import Actor, Role  # noqa: E402
from desktop.core.trust.sign_in import sign_in_user, sign_out_user  # noqa: E402

OFFICE = "昆明市明信公证处"
PREFIX = "云昆明信证"
PASSWORDS = {"admin": "zhaowen-2026-pass", "lihua": "lihua-2026-pass", "zhoumin": "zhoumin-2026-pass",
             "chenjing": "chenjing-2026-pass"}
PLACE = "昆明市明信公证处第二取证室"
APPLICANT = "昆明某某科技有限公司"
STEPS = ("1. 检查取证电脑，清除浏览器缓存；", "2. 输入店铺网址，打开店铺首页并截图；",
         "3. 打开涉嫌侵权商品详情页并截图；", "4. 下单购买一双，截取订单及支付记录；", "5. 全程录屏；",
         "6. 2026年11月23日收货，拍摄快递面单及收货现场。")
CASE_TITLE = "昆明某某科技有限公司申请对某电商平台店铺侵害商标权行为保全证据"
CHANGED_ITEM = "购买订单及支付记录截图_订单号2026112009351234.png"
LANGUAGES = ("zh_CN", "en")
SCREEN_WIDTH, SCREEN_HEIGHT = 1024, 700
KUNMING = timedelta(hours=8)
TITLE_BAR = 24  # pixels of the title bar drawn over each dialog
# The screens README.md shows, by language (``--all`` takes every screen below, for looking at them).
README_SCREENS = {
    "zh_CN": ("setup-office", "setup-admin", "sign-in", "create-key", "new-case", "evidence", "take-in",
              "preservation-correction", "proof-exported", "verified", "ledger-entry", "settings-admin",
              "revoke-key", "evidence-records", "cases", "register-case", "assign-mediator",
              "workspace-overview", "workspace-parties", "workspace-timeline", "sitting-new", "calendar",
              "minutes-live", "minutes-draft", "minutes-sealed", "record-outcome", "workspace-outcome",
              "workspace-follow-up", "workspace-case-file", "workspace-archived"),
    "en": ("evidence", "ledger", "cases"),
}
# The mediation committee of the mediator's screens: the demo's sample cases, another case in which a
# 李华 (not the mediator) is a party, and the case the screens register and work (as
# tests/test_mediator_walk.py does).
COMMITTEE = "昆明市知识产权纠纷人民调解委员会"
DEMO_CASES = 300
STAFF_PASSWORD = "staff-2026-pass"  # the demo's staff: 李华 (lihua) and the others
WALK_TITLE = "昆明某某机械有限公司与张丽侵害实用新型专利权纠纷"
WALK_COMPANY = "昆明某某机械有限公司"
WALK_RECEIVED_DAYS_AGO = 3  # the 7-day limit of the simple procedure ends within the week: due soon


def kunming(day: int, hour: int, minute: int) -> datetime:
    """A moment of November 2026 in Kunming's time, as an aware UTC time."""
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC) - KUNMING


# --- the files taken in --------------------------------------------------------------------------
def _page_image(path: Path, title: str, lines: list[str], width: int = 1280, height: int = 800) -> None:
    """A picture of a web page (a shop's page, an order): a title bar and lines of Chinese text."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.fillRect(0, 0, width, 70, QColor("#e4393c"))
    painter.setPen(QColor("#ffffff"))
    painter.setFont(QFont("AR PL UMing CN", 28))
    painter.drawText(QRect(30, 0, width - 60, 70), int(Qt.AlignmentFlag.AlignVCenter), title)
    painter.fillRect(40, 110, 420, 420, QColor("#f2f2f2"))
    painter.setPen(QColor("#999999"))
    painter.drawRect(40, 110, 420, 420)
    painter.setFont(QFont("AR PL UMing CN", 20))
    painter.setPen(QColor("#333333"))
    for row, line in enumerate(lines):
        painter.drawText(QPoint(500, 150 + row * 48), line)
    painter.end()
    image.save(str(path))


def _pdf(path: Path, title: str, lines: list[str]) -> None:
    """A one-page PDF with Chinese text (a registration certificate, a company's public record)."""
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(20, 20, 20, 20))
    writer.setResolution(150)
    painter = QPainter(writer)
    painter.setFont(QFont("AR PL UMing CN", 18))
    painter.drawText(QPoint(80, 120), title)
    painter.setFont(QFont("AR PL UMing CN", 11))
    for row, line in enumerate(lines):
        painter.drawText(QPoint(80, 220 + row * 50), line)
    painter.end()


def _files(folder: Path) -> dict[str, list[Path]]:
    """The featured case's files, by how they were obtained."""
    web, video, photos, party = (folder / name for name in ("web", "video", "photos", "party"))
    for sub in (web, video, photos, party):
        sub.mkdir(parents=True)
    _page_image(web / "网页截图_某电商平台某某旗舰店首页_2026年11月20日0930.png", "某某旗舰店 — 首页",
                ["“某某”运动鞋 2026 新款", "月销 3000+ 件", "店铺评分 4.9", "客服：在线"])
    _page_image(web / "侵权商品详情页截图_商品编号6601234567_含价格及商标标识.png", "商品详情",
                ["“某某”牌男子跑步鞋（标识与注册商标近似）", "价格 ¥ 299.00", "商品编号 6601234567",
                 "发货地 广东 东莞"])
    _page_image(web / CHANGED_ITEM, "订单详情",
                ["订单号 2026112009351234", "实付款 ¥ 299.00", "支付方式 银行卡",
                 "下单时间 2026-11-20 09:35"])
    _pdf(web / "店铺经营者主体信息公示页面.pdf", "经营者主体信息公示",
         ["企业名称：某某电子商务有限公司", "统一社会信用代码：91440300MA5XXXXXX1",
          "住所：广东省东莞市某某镇", "公示时间：2026年11月20日"])
    (video / "侵权商品详情页完整录屏_含商品链接价格及下单支付全过程.mp4").write_bytes(
        b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 1200)
    _page_image(photos / "快递面单及收货现场照片_顺丰单号SF1234567890.jpg", "收货现场",
                ["快递单号 SF1234567890", "收件人 王芳", "签收时间 2026-11-23 15:12"], 1024, 768)
    _pdf(party / "当事人提交的第12345678号商标注册证复印件.pdf", "商标注册证",
         ["注册号：第12345678号", "注册人：昆明某某科技有限公司", "核定使用商品：第25类 鞋；运动鞋",
          "注册有效期限：2020年5月7日至2030年5月6日"])
    (party / "取证过程说明_申请人委托代理人签字版.txt").write_text(
        "取证过程说明\n\n2026年11月20日上午，申请人委托代理人张强在昆明市明信公证处第二取证室，"
        "在公证员李华、周敏的监督下，使用公证处提供的计算机对某电商平台“某某旗舰店”进行网页取证，"
        "并以申请人名义购买涉嫌侵权商品一双。\n", encoding="utf-8")
    return {"web": [web], "video": [video], "photos": [photos], "party": [party]}


def _bulk_files(folder: Path, stem: str, count: int) -> list[Path]:
    folder.mkdir(parents=True)
    for number in range(1, count + 1):
        (folder / f"{stem}_{number:03d}.png").write_bytes(b"\x89PNG\r\n\x1a\n" + f"{stem} {number}".encode()
                                                            * (40 + number))
    return [folder]


# --- the data folder -----------------------------------------------------------------------------
def build(data: Path, inbox: Path) -> str:
    """Fill a new data folder as a notary office's after some weeks of work; return the featured case."""
    store = open_store(Settings(data_dir=data, database_url=None, lang=None))
    try:
        return _fill(store, inbox)
    finally:
        store.close()


def _fill(store: OpenStore, inbox: Path) -> str:
    database = store.database
    with database.session_scope() as session:
        office.create_office(session, OFFICE, PREFIX)
        admin = users.create_first_admin(session, "admin", PASSWORDS["admin"], "赵文")
        users.add_user(session, admin, "lihua", frozenset({Role.NOTARY}), PASSWORDS["lihua"], "李华")
        users.add_user(session, admin, "zhoumin", frozenset({Role.NOTARY}), PASSWORDS["zhoumin"], "周敏")
        users.add_user(session, admin, "chenjing", frozenset({Role.CLERK}), PASSWORDS["chenjing"], "陈静")
    admin_actor = users.sign_in(database, "admin", PASSWORDS["admin"])
    with database.session_scope() as session:
        signing_keys.new_key(session, admin_actor, PASSWORDS["admin"])
    for name in ("zhoumin", "lihua"):
        actor = users.sign_in(database, name, PASSWORDS[name])
        with database.session_scope() as session:
            signing_keys.new_key(session, actor, PASSWORDS[name])
    lihua = users.sign_in(database, "lihua", PASSWORDS["lihua"])
    with database.session_scope() as session:  # the first key left with the old laptop
        signing_keys.revoke_key(session, lihua, "lihua", reason="更换工作电脑，旧电脑上的私钥停用")
        signing_keys.new_key(session, lihua, PASSWORDS["lihua"])
    for wrong in ("lihua", "lihau"):  # a mistyped password and a mistyped name: logged sign-in failures
        with contextlib.suppress(MedisealError):
            users.sign_in(database, wrong, "lihua-2025-pass")
    notary = sign_in_user(database, "lihua", PASSWORDS["lihua"])
    other = sign_in_user(database, "zhoumin", PASSWORDS["zhoumin"])

    # Two earlier cases, a hundred items in all: the ledger's few hundred entries.
    with database.session_scope() as session:
        first = cases.open_case(session, other.actor, "trademark", "某品牌运动鞋网店商标侵权证据保全")
        second = cases.open_case(session, notary.actor, "copyright", "某图片素材网站著作权侵权证据保全")
    intake.ingest_files(database, store.vault, other.actor, first.number,
                        _bulk_files(inbox / "first", "网店页面截图", 45),
                        Acquisition("web-capture", url="https://shop.example.com/store/88",
                                    acquired_by="周敏", acquired_at=kunming(9, 10, 5)), seal_with=other.key)
    report = intake.ingest_files(database, store.vault, notary.actor, second.number,
                                 _bulk_files(inbox / "second", "图片素材页面截图", 55),
                                 Acquisition("web-capture", url="https://images.example.com/gallery/2026",
                                             acquired_by="李华", acquired_at=kunming(16, 14, 20)),
                                 seal_with=notary.key)
    for info in report.items[:12]:  # looked at in the window: views in the custody trail
        readout.read_for_view(database, store.vault, notary.actor, info.id, 1 << 20)

    # The case the screens show.
    with database.session_scope() as session:
        number = cases.open_case(session, notary.actor, "trademark", CASE_TITLE).number
    files = _files(inbox / "featured")
    device = "ThinkPad X1 Carbon，Windows 11，Chrome 131（已清除缓存）"
    web = intake.ingest_files(database, store.vault, notary.actor, number, files["web"], Acquisition(
        "web-capture", url="https://mall.example.com/shop/mouxin-flagship", acquired_at=kunming(20, 9, 30),
        acquired_by="李华", device=device, note="公证处第二取证室电脑，开始取证前清除浏览器缓存"),
        seal_with=notary.key)
    video = intake.ingest_files(database, store.vault, notary.actor, number, files["video"], Acquisition(
        "screen-recording", acquired_at=kunming(20, 9, 31), acquired_by="李华", device="OBS Studio 30.2"),
        seal_with=notary.key)
    photos = intake.ingest_files(database, store.vault, notary.actor, number, files["photos"], Acquisition(
        "photo", acquired_at=kunming(23, 15, 12), acquired_by="周敏", device="华为 Mate 60"),
        seal_with=notary.key)
    intake.ingest_files(database, store.vault, notary.actor, number, files["party"], Acquisition(
        "upload", acquired_by="张强（申请人委托代理人）", note="申请人于受理时提交"), seal_with=notary.key)
    ids = tuple(info.id for info in web.items)
    with database.session_scope() as session:
        first_record = preservation.create_record(
            session, notary.actor, notary.key, number, preservation.PreservationInput(
                ids, PLACE, APPLICANT, "李华", "\n".join(STEPS[:5]), device, ("周敏",), kunming(20, 9, 25),
                kunming(20, 10, 40)))
    covered = (*ids, *(info.id for info in (*video.items, *photos.items)))
    with database.session_scope() as session:
        preservation.create_record(session, notary.actor, notary.key, number, preservation.PreservationInput(
            covered, PLACE, APPLICANT, "李华", "\n".join(STEPS), device, ("周敏", "张强"), kunming(20, 9, 25),
            kunming(20, 10, 42), first_record.id, "原记录漏记见证人张强及收货拍照经过，结束时间应为10时42分"))
    for info in web.items[:2]:
        readout.read_for_view(database, store.vault, notary.actor, info.id, 1 << 20)
    with database.session_scope() as session:
        checkpoints.sign_checkpoint(session, notary.actor, notary.key)
    sign_out_user(database, other)
    sign_out_user(database, notary)

    # One item's file changed in the vault behind the app's back: its verification fails.
    changed = next(info for info in web.items if info.name == CHANGED_ITEM)
    blob = store.vault.path(changed.sha256)
    os.chmod(blob, 0o600)
    data = bytearray(blob.read_bytes())
    data[-100] ^= 0x20
    blob.write_bytes(bytes(data))
    return number


def build_committee(data: Path) -> None:
    """A mediation committee's data folder: the office with both series, its administrator, the demo's
    cases and staff, and a case in which someone named 李华 is a party (the assignment dialog warns)."""
    store = open_store(Settings(data_dir=data, database_url=None, lang=None))
    try:
        database = store.database
        with database.session_scope() as session:
            office.create_office(session, COMMITTEE, "云知", mediation_word="调", notarial_prefix="云昆",
                                 notarial_word="证")
            users.create_first_admin(session, "admin", PASSWORDS["admin"], "赵文")
        admin = users.sign_in(database, "admin", PASSWORDS["admin"])
        make_demo(database, store.vault, admin, DEMO_CASES, 1, STAFF_PASSWORD)
        wangfang = users.sign_in(database, "wangfang", STAFF_PASSWORD)
        today = office_today()
        with database.session_scope() as session:
            details = cases.case_details(
                MatterKind.MEDIATION, "trademark", "云南某某茶业有限公司与李华侵害商标权纠纷",
                today - timedelta(days=40), today=today, source=CaseSource.APPLICATION,
                requests=("停止侵权",))
            number = cases.open_matter(session, wangfang, MatterKind.MEDIATION, details).number
            progress.assign_mediator(session, wangfang, number, "wangfang", conflict=False)
            parties.add_party(session, wangfang, number, PartyRole.APPLICANT, organisation(
                "云南某某茶业有限公司", credit_code="91530100681243752E", domicile="昆明市盘龙区北京路2号",
                representative="杨帆", representative_post="总经理"))
            parties.add_party(session, wangfang, number, PartyRole.RESPONDENT, person(
                "李华", Sex.MALE, None, DocumentKind.RESIDENT_ID, "530111199002031230",
                occupation="个体工商户", address="昆明市官渡区关上中路8号", today=today))
        _build_day_case(database, today)
        _schedule_demo_sittings(database, today)
    finally:
        store.close()


# --- the day of a sitting: a trademark case taken on two weeks before ---------------------------
DAY_TITLE = "普洱某某茶业有限公司与杨建华侵害商标权纠纷"
DAY_COMPANY = "普洱某某茶业有限公司"
DAY_RESPONDENT = "杨建华"
DAY_LAWYER = "刘洋"
DAY_PLACE = "昆明市知识产权纠纷人民调解委员会第一调解室"
DAY_SITTING_DAYS_AGO = 16  # the sitting, its agreement and its minutes: about two weeks before today
MEDIATOR, RECORDER = "李华", "陈静"
# The minutes of the sitting up to the moment the laptop went off (speaker, kind, minute, text).
DAY_ENTRIES: tuple[tuple[str, str, tuple[int, int], str], ...] = (
    (MEDIATOR, "statement", (9, 32), "现在开始调解。本次调解由昆明市知识产权纠纷人民调解委员会调解员李华主持"
                                     "，"
                                     "陈静记录。"),
    (MEDIATOR, "statement", (9, 33), "已向双方告知人民调解的性质、原则和当事人的权利义务，调解不收费。双方是"
                                     "否听清楚？"),
    (DAY_LAWYER, "statement", (9, 34), "听清楚了，申请人不申请调解员回避。"),
    (DAY_RESPONDENT, "statement", (9, 34), "听清楚了，不申请回避。"),
    (MEDIATOR, "statement", (9, 35), "请申请人陈述调解请求和事实理由。"),
    (DAY_LAWYER, "statement", (9, 36), "申请人是第12345678号“某某山”注册商标的权利人，核定使用商品为第30类茶"
                                       "叶。"
                                       "今年三月起，被申请人在昆明某某茶城的店铺和网店销售外包装标有“某某山”字样的普洱茶饼。"),
    (DAY_LAWYER, "statement", (9, 39), "申请人经公证购买了被诉茶饼两提，公证书编号为（2026）云昆证字第0123号"
                                       "。"),
    (DAY_LAWYER, "statement", (9, 41), "请求被申请人立即停止销售、下架网店链接、销毁库存，并赔偿经济损失及合"
                                       "理开支"
                                       "共计人民币八万元。"),
    (MEDIATOR, "question", (9, 43), "被申请人，对申请人所述事实有无异议？"),
    (DAY_RESPONDENT, "answer", (9, 44), "茶饼是我从勐海一家茶厂进的货，我不知道“某某山”是别人注册的商标。"),
    (MEDIATOR, "question", (9, 46), "进货有没有票据或者合同？"),
    (DAY_RESPONDENT, "answer", (9, 47), "有微信转账记录和送货单，送货单上写的是勐海某某茶厂，一共进了一百二十"
                                        "提。"),
    (MEDIATOR, "question", (9, 49), "目前卖出多少，还剩多少库存？"),
    (DAY_RESPONDENT, "answer", (9, 50), "网店卖出八十多提，店里卖了二十提左右，现在还剩十五提。"),
    (DAY_LAWYER, "statement", (9, 53), "网店页面显示该商品累计销量二百一十提，被申请人所说数量与页面不符。"),
    (DAY_RESPONDENT, "statement", (9, 55), "页面上的销量里有别的款式，不全是这一款。"),
    (MEDIATOR, "statement", (9, 58), "双方对销售数量有争议，可以另行核对网店后台订单。下面请双方谈谈解决纠纷"
                                     "的意见。"),
    (DAY_LAWYER, "statement", (10, 2), "申请人的意见是停止销售、下架链接、销毁库存，赔偿不低于六万元。"),
    (DAY_RESPONDENT, "statement", (10, 5), "下架链接我同意，库存可以交给申请人处理，但六万元太多，我一次拿不"
                                           "出来。"),
    (MEDIATOR, "statement", (10, 9), "提醒被申请人：送货单上没有供货方盖章，能否证明合法来源存在风险；诉讼也"
                                     "需要"
                                     "时间和费用。请双方权衡。"),
    (DAY_LAWYER, "statement", (10, 14), "申请人同意赔偿数额为六万元，可以分期支付，但首期不少于两万元。"),
    (DAY_RESPONDENT, "statement", (10, 18), "我要和家里商量一下。"),
    (RECORDER, "note", (10, 20), "（10时20分休会，10时32分继续调解）"),
    (DAY_RESPONDENT, "statement", (10, 33), "我同意赔偿六万元，分三期付清，每期两万元。"),
    (MEDIATOR, "question", (10, 35), "每期什么时候付？付到哪个账户？"),
    (DAY_RESPONDENT, "answer", (10, 37), "第一期一周内付，付到申请人指定的对公账户；后面两期各隔一个多月。"),
    (DAY_LAWYER, "statement", (10, 41), "同意。剩余库存由被申请人三日内交申请人销毁，网店链接当天下架。"),
    (MEDIATOR, "question", (10, 45), "请被申请人确认网店链接下架的时间。"),
)
DAY_DRAFT = "今天下午就下架，第二期两万元我争取"  # typed when the laptop went off, at 10:47
DAY_TYPED = "在下个月底前付清。"  # typed after restoring it
DAY_AFTER: tuple[tuple[str, str, tuple[int, int], str], ...] = (
    (DAY_LAWYER, "statement", (10, 52), "申请人同意。"),
    (MEDIATOR, "statement", (10, 55), "双方就停止侵权、销毁库存、下架链接和分期赔偿六万元达成一致，由调解委员"
                                      "会制作"
                                      "人民调解协议书，双方签名后生效。"),
    (RECORDER, "note", (11, 38), "（双方阅看笔录后签名）"),
)
DAY_RISK = ("已告知：调解协议具有法律约束力，当事人应当履行；一方不履行的，另一方可以向人民法院起诉；双方可自"
            "协议"
            "生效之日起三十日内共同申请司法确认。")
DAY_FINDINGS = "被申请人销售标有“某某山”字样的普洱茶饼，其提供的送货单无供货方盖章，合法来源存疑。"
DAY_RESULT = "达成协议：停止销售、下架链接、交出库存销毁，分三期赔偿人民币六万元。"


def working_day(day: date) -> date:
    """``day``, or the Friday before when it falls on a weekend."""
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def next_working_day(day: date) -> date:
    """The first working day after ``day`` (weekends skipped)."""
    day += timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def at(day: date, hour: int, minute: int, second: int = 0) -> datetime:
    """A moment of ``day`` in Kunming's time, as an aware UTC time."""
    return datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=UTC) - KUNMING


def day_dates(today: date) -> tuple[date, date]:
    """The day case's received date and the day of its sitting."""
    sitting = working_day(today - timedelta(days=DAY_SITTING_DAYS_AGO))
    return working_day(sitting - timedelta(days=12)), sitting


def _build_day_case(database: Database, today: date) -> None:
    """The case of the day screens, up to the moment the laptop went off in its sitting: registered,
    accepted and in mediation, with its parties, a lawyer, the sitting and 28 entries, the notes so far
    and the unconfirmed text kept as a draft. Everything at the times it happened."""
    received, sitting_day = day_dates(today)
    lihua = users.sign_in(database, "lihua", STAFF_PASSWORD)
    with database.session_scope() as session:  # her signing key, for the minutes she seals
        signing_keys.new_key(session, lihua, STAFF_PASSWORD, now=at(received - timedelta(days=60), 9, 0))
    with database.session_scope() as session:
        details = cases.case_details(
            MatterKind.MEDIATION, "trademark", DAY_TITLE, received, today=today,
            source=CaseSource.APPLICATION, summary="申请人称被申请人在其店铺及网店销售标有“某某山”字样的普洱"
                                                   "茶饼，"
            "侵害其第12345678号注册商标专用权。", requests=("停止销售侵权商品并下架网店链接", "销毁库存",
                                                         "赔偿经济损失及合理开支"),
            amount_claimed=Decimal("80000"))
        number = cases.open_matter(session, lihua, MatterKind.MEDIATION, details,
                                   now=at(received, 10, 5)).number
        progress.assign_mediator(session, lihua, number, "lihua", conflict=False, now=at(received, 10, 8))
        applicant = parties.add_party(session, lihua, number, PartyRole.APPLICANT, organisation(
            DAY_COMPANY, credit_code="91530800709731628F", domicile="普洱市思茅区茶城大道18号",
            representative="段志明", representative_post="总经理", phone="0879-2123456"),
            service_address("普洱市思茅区茶城大道18号", recipient="段志明", phone="1398879123"
                                                                                  "4", postcode="665000"),
            now=at(received, 10, 15))
        parties.add_party(session, lihua, number, PartyRole.RESPONDENT, person(
            DAY_RESPONDENT, Sex.MALE, None, DocumentKind.RESIDENT_ID, "530111198504120618",
            occupation="个体工商户", address="昆明市官渡区某某茶城B区12号", phone="13708719876",
            ethnicity="汉族", today=today), now=at(received, 10, 18))
        parties.add_agent(session, lihua, applicant.id, agent(
            DAY_LAWYER, "lawyer", "special", received, firm="云南某某律师事务所", licence_number="15301201810"
                                                                                                 "234567",
            powers=("settle", "sign-agreement", "apply-confirmation"), phone="13888765432", today=today),
            now=at(received, 10, 22))
        progress.move_case(session, lihua, number, CaseStatus.ACCEPTED,
                           now=at(received + timedelta(days=1), 9, 10))
        progress.move_case(session, lihua, number, CaseStatus.IN_MEDIATION,
                           now=at(received + timedelta(days=1), 9, 15))
        attendees = (*sittings.default_attendees(session, number),
                     Attendee(AttendeeRole.RECORDER, RECORDER, login="chenjing"))
        sitting = sittings.schedule_sitting(
            session, lihua, number, SittingKind.MEDIATION, at(sitting_day, 9, 30), place=DAY_PLACE,
            matter="调解申请人与被申请人侵害“某某山”注册商标专用权纠纷", attendees=attendees,
            now=at(received + timedelta(days=1), 9, 20))
    _add_entries(database, lihua, sitting.id, sitting_day, DAY_ENTRIES)
    with database.session_scope() as session:
        info = sittings.sitting_info(session, sitting.id)
        sittings.set_notes(session, lihua, sitting.id, info.revision, rights_explained=True,
                           risk_warning=DAY_RISK, findings="", result="", now=at(sitting_day, 9, 40))
        minutes.save_draft(session, lihua, sitting.id, AttendeeRole.RESPONDENT, DAY_RESPONDENT, DAY_DRAFT,
                           now=at(sitting_day, 10, 47, 12))


def _schedule_demo_sittings(database: Database, today: date) -> None:
    """李华's coming sittings in three of the demo's cases in mediation, for the calendar."""
    lihua = users.sign_in(database, "lihua", STAFF_PASSWORD)
    plans: list[tuple[int, int, int, str, bool, SittingKind]] = [
             (2, 14, 30, DAY_PLACE, False, SittingKind.MEDIATION),
             (4, 9, 30, "", True, SittingKind.MEDIATION),
             (6, 15, 0, "被申请人经营场所（昆明市盘龙区某某路88号商铺）", False, SittingKind.INVESTIGATION)]
    with database.session_scope() as session:
        rows = session.scalars(select(MediationCase).where(
            MediationCase.status == CaseStatus.IN_MEDIATION.value).order_by(MediationCase.id)).all()
        numbers = [(row.number, row.title) for row in rows]
    for number, title in numbers:
        if not plans:
            break
        days, hour, minute, place, online, kind = plans[0]
        day = today
        for _ in range(days):
            day = next_working_day(day)
        try:
            with database.session_scope() as session:
                sittings.schedule_sitting(session, lihua, number, kind, at(day, hour, minute), place=place,
                                          online=online, matter=title,
                                          attendees=sittings.default_attendees(session, number))
        except MedisealError:
            continue  # not one of her cases
        plans = plans[1:]


def _add_entries(database: Database, actor: Actor, sitting_id: int, day: date,
                 entries: tuple[tuple[str, str, tuple[int, int], str], ...]) -> None:
    roles = {MEDIATOR: AttendeeRole.MEDIATOR, RECORDER: AttendeeRole.RECORDER, DAY_LAWYER: AttendeeRole.AGENT,
             DAY_RESPONDENT: AttendeeRole.RESPONDENT}
    for second, (speaker, kind, (hour, minute), text) in enumerate(entries):
        moment = at(day, hour, minute, (second * 17) % 60)
        with database.session_scope() as session:
            minutes.add_entry(session, actor, sitting_id, roles[speaker], speaker, text, kind=kind,
                              spoken_at=moment, now=moment)


# --- taking the screens --------------------------------------------------------------------------
class Camera:
    """Grabs the whole 1024×700 screen (the window and any dialog over it) once the app has settled."""

    def __init__(self, app: QApplication, out: Path, language: str, every: bool) -> None:
        self.app = app
        self.out = out
        self.language = language
        self.every = every  # every screen, not only the README's

    def pump(self, seconds: float = 0.4) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.app.processEvents()
            time.sleep(0.01)

    def wait(self, done: Callable[[], bool], seconds: float = 60) -> None:
        end = time.monotonic() + seconds
        while not done():
            if time.monotonic() > end:
                raise TimeoutError("the window did not get there in time")
            self.app.processEvents()
            time.sleep(0.01)

    def shoot(self, name: str) -> None:
        """Save the screen as ``name.png`` (Chinese) or ``name-en.png``, if the README shows it or every
        screen is wanted; each dialog gets a plain title bar with its title, as a window manager would
        draw it (Xvfb has none)."""
        if not self.every and name not in README_SCREENS[self.language]:
            return
        dialogs = [widget for widget in self.app.topLevelWidgets()
                   if widget.isVisible() and isinstance(widget, QDialog | QMessageBox)]
        for dialog in dialogs:
            if dialog.y() < TITLE_BAR:
                dialog.move(dialog.x(), TITLE_BAR)
        self.pump(0.6)
        screen = self.app.primaryScreen()
        picture = screen.grabWindow(0)
        painter = QPainter(picture)
        for dialog in dialogs:
            frame = dialog.frameGeometry()
            bar = QRect(frame.x() - 1, frame.y() - TITLE_BAR, frame.width() + 2, TITLE_BAR)
            painter.fillRect(bar, QColor("#d6d9de"))
            painter.setPen(QColor("#5f6368"))
            painter.drawRect(bar.adjusted(0, 0, -1, frame.height()))
            painter.setPen(QColor("#202124"))
            font = QFont(dialog.font())
            font.setBold(True)
            painter.setFont(font)
            painter.drawText(bar.adjusted(10, 0, -10, 0), int(Qt.AlignmentFlag.AlignVCenter),
                             dialog.windowTitle())
        painter.end()
        path = self.out / (f"{name}.png" if self.language == "zh_CN" else f"{name}-{self.language}.png")
        picture.save(str(path), "PNG", 0)  # 0: the smallest file (zlib at its strongest)
        titles = ", ".join(repr(dialog.windowTitle()) for dialog in dialogs)
        print("saved", path, titles)


def _local(moment: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))


def _close(widget: QWidget | None) -> None:
    if isinstance(widget, QDialog | QMessageBox):
        widget.done(0)
    elif widget is not None:
        widget.close()


def take(language: str, data: Path, empty: Path, out: Path, number: str, every: bool) -> None:
    """Every screen in ``language``, with the data folder ``data``; the setup wizard on ``empty``."""
    from desktop.ui.app import application
    from desktop.ui.framework.i18n import install_translator
    from desktop.ui.main_window import MainWindow
    from desktop.ui.setup.wizard import SetupWizard
    from desktop.ui.sign_in.dialog import SignInDialog

    app = application()
    install_translator(app, language)
    camera = Camera(app, out, language, every)
    settings = Settings(data_dir=data, database_url=None, lang=language)

    # First start: the setup wizard over the empty window.
    fresh = open_store(Settings(data_dir=empty, database_url=None, lang=language))
    window = MainWindow(fresh.folder, fresh.database_label)
    window.setGeometry(0, 0, SCREEN_WIDTH, SCREEN_HEIGHT)
    window.show()
    wizard = SetupWizard(fresh, needs_office=True, parent=window)
    wizard.open()
    assert wizard.office_page is not None
    wizard.office_page.name_edit.setText(OFFICE)
    wizard.office_page.prefix_edit.setText("云知")  # with its word 调
    wizard.office_page.notarial.prefix_edit.setText(PREFIX.removesuffix("证"))  # with its word 证
    camera.shoot("setup-office")
    wizard.next()
    wizard.admin_page.real_name_edit.setText("赵文")
    wizard.admin_page.password_edit.setText(PASSWORDS["admin"])
    wizard.admin_page.repeat_edit.setText(PASSWORDS["admin"])
    camera.shoot("setup-admin")
    wizard.done(0)
    window.ready_to_close = True
    window.close()
    fresh.close()

    store = open_store(settings)
    window = MainWindow(store.folder, store.database_label)
    window.setGeometry(0, 0, SCREEN_WIDTH, SCREEN_HEIGHT)
    window.show()
    sign_in = SignInDialog(store, window)
    sign_in.open()
    sign_in.name_edit.setText("lihua")
    sign_in.password_edit.setText(PASSWORDS["lihua"])
    camera.shoot("sign-in")
    sign_in.attempt()
    camera.wait(lambda: sign_in.session is not None)
    signed_in = sign_in.session
    assert signed_in is not None
    window.attach(store, OFFICE, signed_in)
    _notary_screens(camera, window, number)
    window.ready_to_close = True
    window.end_session_now()
    window.close()

    # The administrator's Settings: users, and every user's keys.
    admin = sign_in_user(store.database, "admin", PASSWORDS["admin"])
    window = MainWindow(store.folder, store.database_label)
    window.setGeometry(0, 0, SCREEN_WIDTH, SCREEN_HEIGHT)
    window.show()
    window.attach(store, OFFICE, admin)
    window.show_page("settings")
    page = window.settings_page
    assert page is not None
    camera.wait(lambda: not page.loading and not window.loading)
    camera.shoot("settings-admin")
    keys = page.keys
    row = next(row for row, info in enumerate(keys.keys) if info.owner == "zhoumin")
    keys.table.selectRow(row)
    dialog = keys.revoke_key()
    assert dialog is not None
    dialog.reason_edit.setText("周敏调离本处，停用其签名密钥")
    camera.shoot("revoke-key")
    _close(dialog)
    window.end_session_now()
    window.close()
    store.close()


def _notary_screens(camera: Camera, window: object, number: str) -> None:
    from desktop.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.show_page("evidence")
    page = window.evidence_page
    assert page is not None
    page.select_case(number)
    camera.wait(lambda: page.case_number() == number and not page.loading and page.model.rowCount() == 8)
    page.table.selectRow(1)
    camera.wait(lambda: not page.loading)
    camera.shoot("evidence")
    for index, name in ((1, "evidence-preview"), (2, "evidence-trail"), (3, "evidence-records")):
        page.tabs.setCurrentIndex(index)
        camera.pump(1.0)
        camera.wait(lambda: not page.loading and not page.preview_ops)
        camera.shoot(name)
    page.tabs.setCurrentIndex(0)

    # Opening a case (受理).
    case = page.new_case()
    assert case is not None
    case.type_combo.setCurrentIndex(case.type_combo.findData("trademark"))
    case.title_edit.setText("昆明某某科技有限公司申请对某电商平台店铺客服聊天记录保全证据")
    camera.shoot("new-case")
    _close(case)

    # Taking files in: how they were obtained, and sealing at once.
    acquisition = page.take_in([Path("/tmp/公证处取证/网页截图_店铺客服聊天记录.png")])
    assert acquisition is not None
    acquisition.set_source_kind("web-capture")
    acquisition.url_edit.setText("https://mall.example.com/shop/mouxin-flagship/service")
    acquisition.acquired_at.check.setChecked(True)
    acquisition.acquired_at.edit.setDateTime(_local(kunming(26, 10, 20)))
    acquisition.device_edit.setText("ThinkPad X1 Carbon，Windows 11，Chrome 131")
    acquisition.note_edit.setPlainText("与店铺客服的聊天记录，客服承认商品非正品授权")
    acquisition.seal_check.setChecked(True)
    camera.shoot("take-in")
    _close(acquisition)

    # The seal confirmation.
    page.table.selectAll()
    box = page.seal_selected()
    if box is not None:
        camera.shoot("seal")
        _close(box)

    # Preservation record: a new one, then a correction.
    page.table.clearSelection()
    page.table.selectRow(0)
    page.table.selectRow(1)
    dialog = page.preservation_record()
    assert dialog is not None
    dialog.set_checked({info.id for info in page.model.rows[:4]})
    dialog.place_edit.setText(PLACE)
    dialog.applicant_edit.setText(APPLICANT)
    dialog.witnesses.add_row("周敏")
    dialog.witnesses.add_row("张强")
    dialog.steps_edit.setPlainText("\n".join(STEPS[:4]))
    dialog.devices_edit.setPlainText("ThinkPad X1 Carbon，Windows 11，Chrome 131")
    dialog.started_at.edit.setDateTime(_local(kunming(26, 10, 5)))
    dialog.ended_at.edit.setDateTime(_local(kunming(26, 10, 50)))
    camera.shoot("preservation-new")
    dialog.set_corrects(max(page.records, key=lambda record: record.id).id)
    dialog.reason_edit.setPlainText("收货拍照的时间记错，应为2026年11月23日15时12分")
    camera.shoot("preservation-correction")
    dialog.unchanged = dialog._typed()  # close without asking
    dialog.reject()

    # Verify the case: the changed file is found.
    page.table.selectRow(0)
    page.verify()
    camera.wait(lambda: page.report is not None)
    row = next(row for row, info in enumerate(page.model.rows) if info.name == CHANGED_ITEM)
    page.table.selectRow(row)
    page.tabs.setCurrentWidget(page.preview)
    camera.pump(1.0)
    camera.wait(lambda: not page.loading and not page.preview_ops)
    camera.shoot("verified")
    page.tabs.setCurrentIndex(0)

    # Export Proof: the confirmation.
    page.table.clearSelection()
    page.table.selectRow(0)
    export = page.export_proof(str(Path(page.store.folder.exports)))
    assert export is not None
    camera.wait(lambda: export.box is not None or not export.running)
    camera.shoot("proof-exported")
    _close(export.box)

    # The Ledger page, and an entry in full.
    window.show_page("ledger")
    ledger = window.ledger_page
    assert ledger is not None
    camera.wait(lambda: not ledger.loading and ledger.model.rowCount() > 100)
    camera.shoot("ledger")
    ledger.subject_edit.setText(number)  # the case's entries: its items, seals, records
    ledger.refresh()
    camera.pump(1.0)
    camera.wait(lambda: not ledger.loading)
    row = next(row for row, entry in enumerate(ledger.model.rows) if str(entry.kind) == "evidence.sealed")
    ledger.table.selectRow(row)
    entry = ledger.show_entry(row)
    camera.shoot("ledger-entry")
    _close(entry)

    # Settings: your account and keys; a new key; your password.
    window.show_page("settings")
    settings = window.settings_page
    assert settings is not None
    camera.wait(lambda: not settings.loading)
    camera.shoot("settings")
    create = settings.keys.create_key()
    assert create is not None
    create.password_edit.setText(PASSWORDS["lihua"])
    camera.shoot("create-key")
    _close(create)
    password = window.change_password()
    assert password is not None
    camera.shoot("change-password")
    _close(password)
    about = window.show_about()
    camera.shoot("about")
    _close(about)


# --- a mediator's screens --------------------------------------------------------------------------
def _type(widget: QWidget, text: str) -> None:
    """Type ``text`` as key events, so the form checks it as typed (``setText`` is not an edit)."""
    widget.setFocus()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier,
                                                     char))


def _choose(combo: QComboBox, data: object) -> None:
    """Pick an entry as the user does (the form hears ``activated``)."""
    index = combo.findData(data)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def take_committee(language: str, data: Path, out: Path, every: bool) -> None:
    """The mediator's screens in ``language``: 李华 registers a court's case, takes it on, and works it."""
    from desktop.ui.app import application
    from desktop.ui.framework.i18n import install_translator
    from desktop.ui.main_window import MainWindow

    app = application()
    install_translator(app, language)
    camera = Camera(app, out, language, every)
    store = open_store(Settings(data_dir=data, database_url=None, lang=language))
    window = MainWindow(store.folder, store.database_label)
    window.setGeometry(0, 0, SCREEN_WIDTH, SCREEN_HEIGHT)
    window.show()
    signed_in = sign_in_user(store.database, "lihua", STAFF_PASSWORD)
    window.attach(store, COMMITTEE, signed_in)
    try:
        _mediator_screens(camera, window, store)
        _day_screens(camera, window, store, data.parent / "inbox")
    finally:
        window.ready_to_close = True
        window.end_session_now()
        window.close()
        store.close()


def _mediator_screens(camera: Camera, window: object, store: OpenStore) -> None:
    from desktop.ui.cases.workspace import CaseWorkspace
    from desktop.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.show_page("cases")
    page = window.cases_page
    assert page is not None
    camera.wait(lambda: not page.loading and not window.loading)

    # 登记案件…: a case a court entrusted to the committee after filing, under the simple procedure.
    dialog = page.new_case()
    assert dialog is not None
    form = dialog.form  # type: ignore[attr-defined]
    _choose(form.type_combo, "patent")
    _choose(form.patent_combo, "utility-model")
    _type(form.title_edit, WALK_TITLE)
    _type(form.summary_edit, "申请人称被申请人在其网店销售的切片机落入其ZL202120123456.7号实用新型专利权的"
                             "保护范围，请求停止销售并赔偿损失。")
    form.requests.add("停止销售侵权产品")
    form.requests.add("赔偿经济损失及合理开支")
    _type(form.amount_edit, "86000.50")
    received = office_today() - timedelta(days=WALK_RECEIVED_DAYS_AGO)
    form.received_edit.setDate(QDate(received.year, received.month, received.day))
    _choose(form.source_combo, "court-entrusted")
    _type(form.court_edit, "昆明市中级人民法院")
    _type(form.court_number_edit, "（2026）云01知民初56号")
    _choose(form.procedure_combo, "simple")
    form.title_edit.setFocus()
    form.title_edit.setCursorPosition(0)
    camera.shoot("register-case")
    dialog.attempt()  # type: ignore[attr-defined]
    camera.wait(lambda: isinstance(page.tabs.currentWidget(), CaseWorkspace))
    workspace = page.tabs.currentWidget()
    assert isinstance(workspace, CaseWorkspace)
    number = workspace.number
    camera.wait(lambda: not workspace.loading)

    # 指派调解员…: she takes the case on; someone named 李华 is a party elsewhere, and the dialog says so.
    assign = workspace.assign_mediator()
    assert assign is not None
    camera.wait(lambda: not assign.loading and assign.ok_button.isEnabled())
    camera.shoot("assign-mediator")
    assign.attempt()
    camera.wait(lambda: assign not in workspace.dialogs)

    # The parties, the lawyer and the first two moves, as the walk enters them.
    assert window.signed_in is not None
    actor = window.signed_in.actor
    today = office_today()
    with store.database.session_scope() as session:
        applicant = parties.add_party(session, actor, number, PartyRole.APPLICANT, organisation(
            WALK_COMPANY, credit_code="91530100681243752E", domicile="昆明市官渡区春城路100号",
            representative="王强", representative_post="执行董事", phone="0871-63123456"),
            service_address("昆明市官渡区春城路100号某某大厦12楼", recipient="李梅", phone="13908712345",
                            postcode="650200"))
        parties.add_party(session, actor, number, PartyRole.RESPONDENT, person(
            "张丽", Sex.FEMALE, None, DocumentKind.RESIDENT_ID, "530103197806211529",
            address="昆明市五华区翠湖南路1号", phone="13808712345", ethnicity="汉族", today=today))
        lawyer = parties.add_agent(session, actor, applicant.id, agent(
            "周明", "lawyer", "special", today, firm="云南某某律师事务所", licence_number="15301201910123456",
            powers=("settle", "sign-agreement", "apply-confirmation"), phone="13888123456", today=today))
        progress.move_case(session, actor, number, CaseStatus.ACCEPTED)
        progress.move_case(session, actor, number, CaseStatus.IN_MEDIATION)
    workspace.refresh()
    camera.wait(lambda: not workspace.loading)
    camera.pump(0.5)
    camera.wait(lambda: not workspace.loading and not page.loading)
    camera.shoot("workspace-overview")

    # The status bar's count of cases due soon: activated, the register shows them, most pressing first.
    page.show_due_soon()
    camera.wait(lambda: not page.loading and page.model.row_of(number) >= 0)
    page.table.selectRow(page.model.row_of(number))
    camera.pump(0.5)
    camera.shoot("cases")
    page.open_case(number)
    camera.wait(lambda: not workspace.loading)

    workspace.tabs.setCurrentWidget(workspace.parties)
    workspace.parties.select("agent", lawyer.id)
    camera.pump(0.5)
    camera.shoot("workspace-parties")

    # 新建调解会…: the first sitting on the next working day; the attendees come from the case.
    workspace.tabs.setCurrentWidget(workspace.sittings)
    view = workspace.sittings
    camera.wait(lambda: not workspace.loading)
    sitting = view.new_sitting()
    assert sitting is not None
    camera.wait(lambda: sitting.table.rowCount() >= 4)
    first = next_working_day(today)
    sitting.when.setDateTime(QDateTime(QDate(first.year, first.month, first.day), QTime(9, 30)))
    _type(sitting.place, "昆明市知识产权纠纷人民调解委员会第二调解室")
    _type(sitting.matter, "调解申请人与被申请人侵害实用新型专利权纠纷")
    sitting.add_attendee(Attendee(AttendeeRole.RECORDER, RECORDER))
    sitting.table.clearSelection()
    camera.shoot("sitting-new")
    sitting.attempt()
    camera.wait(lambda: len(view.rows) == 1 and not workspace.loading)
    workspace.tabs.setCurrentWidget(workspace.timeline)
    camera.pump(0.5)
    camera.shoot("workspace-timeline")



def _day_screens(camera: Camera, window: object, store: OpenStore, inbox: Path) -> None:
    """The day of a sitting on the trademark case taken on two weeks before: the unconfirmed text offered
    back, the minutes typed live, the calendar, the sealed minutes with signings and an addendum, the
    outcome recorded in the Outcome tab's dialog, performance with one instalment overdue, a follow-up
    visit, the case file with parts missing, then the file archived and the case read-only."""
    from desktop.ui.cases.workspace import CaseWorkspace
    from desktop.ui.main_window import MainWindow

    assert isinstance(window, MainWindow) and window.signed_in is not None
    page = window.cases_page
    assert page is not None
    actor, key = window.signed_in.actor, window.signed_in.key
    assert key is not None
    today = office_today()
    _received, sitting_day = day_dates(today)
    with store.database.session_scope() as session:
        number = session.scalar(select(MediationCase.number).where(MediationCase.title == DAY_TITLE))
    assert number is not None
    window.show_page("cases")
    page.open_case(number)
    camera.wait(lambda: getattr(page.tabs.currentWidget(), "number", None) == number)
    workspace = page.tabs.currentWidget()
    assert isinstance(workspace, CaseWorkspace)
    camera.wait(lambda: not workspace.loading and workspace.snapshot is not None)

    # The laptop went off in mid-sentence: opening the minutes again offers the text back.
    workspace.tabs.setCurrentWidget(workspace.sittings)
    view = workspace.sittings
    camera.wait(lambda: not view.loading and len(view.rows) == 1)
    editor = view.open_row(0)
    assert editor is not None
    camera.wait(lambda: editor.sitting is not None and not editor.loading and editor.offer_bar.isVisible())
    camera.pump(0.5)
    camera.shoot("minutes-draft")
    editor.restore_draft()
    _type(editor.box, DAY_TYPED)
    camera.pump(0.5)
    camera.shoot("minutes-live")
    editor.confirm()
    camera.wait(lambda: not editor.saving)

    # The calendar of sittings: the walk case's first sitting and the demo cases' coming ones.
    window.show_page("calendar")
    calendar = window.calendar_page
    assert calendar is not None
    camera.wait(lambda: not calendar.loading and calendar.table.rowCount() > 0)
    camera.pump(0.5)
    camera.shoot("calendar")
    window.show_page("cases")

    # The end of the sitting: the last entries, the notes, the seal, two signings and an addendum.
    assert editor.sitting is not None
    sitting_id = editor.sitting.id
    _add_entries(store.database, actor, sitting_id, sitting_day, DAY_AFTER)
    with store.database.session_scope() as session:
        info = sittings.sitting_info(session, sitting_id)
        sittings.set_notes(session, actor, sitting_id, info.revision, rights_explained=True,
                           risk_warning=DAY_RISK, findings=DAY_FINDINGS, result=DAY_RESULT,
                           now=at(sitting_day, 11, 30))
    with store.database.session_scope() as session:
        sealed = minutes.close_sitting(session, actor, key, sitting_id, now=at(sitting_day, 11, 42))
    for name, role, minute in ((DAY_RESPONDENT, AttendeeRole.RESPONDENT, 45),
                               (DAY_LAWYER, AttendeeRole.AGENT, 46)):
        with store.database.session_scope() as session:
            minutes.record_signing(session, actor, sealed.id, name, role, at(sitting_day, 11, minute),
                                   now=at(sitting_day, 11, minute + 2))
    with store.database.session_scope() as session:
        minutes.add_addendum(session, actor, key, sitting_id, 12, "被申请人核对送货单后指出供货方名称记错",
                             "有微信转账记录和送货单，送货单上写的是勐海某某茶业有限公司，一共进了一百二十提。",
                             now=at(sitting_day, 14, 10))
    editor.reload()
    camera.wait(lambda: not editor.loading and editor.sitting is not None and editor.sitting.sealed)
    editor.side.setCurrentIndex(1)
    editor.select_seq(12)
    camera.pump(0.5)
    camera.shoot("minutes-sealed")
    editor.leave()

    # 记录调解结果…: the written agreement, signed by both parties and the mediator on the day.
    workspace.refresh()
    camera.wait(lambda: not workspace.loading)
    workspace.tabs.setCurrentWidget(workspace.outcome)
    camera.wait(lambda: not workspace.loading and workspace.outcome.record_button.isEnabled())
    dialog = workspace.outcome.record_outcome()
    assert dialog is not None
    signed = QDate(sitting_day.year, sitting_day.month, sitting_day.day)
    for _party, _box, day_edit in dialog.signatures:
        day_edit.setDate(signed)
    dialog.mediator_signed.setDate(signed)
    camera.shoot("record-outcome")
    dialog.attempt()
    camera.wait(lambda: workspace.snapshot is not None
                and workspace.snapshot.info.status is CaseStatus.AGREEMENT
                and not workspace.loading)

    # Performance: the sum in three instalments (the second overdue), the acts done with their proof.
    proofs = _proof_files(inbox)
    with store.database.session_scope() as session:
        respondent = next(party.id for party in parties.list_parties(session, number)
                          if party.role is PartyRole.RESPONDENT)
        payment = performance.add_obligation(session, actor, number, ObligationInput(
            respondent, ObligationKind.PAYMENT, "赔偿经济损失及合理开支", Decimal("60000"), instalments=(
                Instalment(Decimal("20000"), sitting_day + timedelta(days=7)),
                Instalment(Decimal("20000"), today - timedelta(days=2)),
                Instalment(Decimal("20000"), today + timedelta(days=28)))))
        listings = performance.add_obligation(session, actor, number, ObligationInput(
            respondent, ObligationKind.REMOVE_LISTINGS, "下架网店中标有“某某山”字样的全部商品链接",
            due_on=sitting_day))
        stock = performance.add_obligation(session, actor, number, ObligationInput(
            respondent, ObligationKind.DESTROY_STOCK, "剩余库存十五提交申请人销毁",
            due_on=sitting_day + timedelta(days=3)))
    for given, files in (
            (DoneInput(listings.id, sitting_day, "网店4条涉案商品链接已下架"), proofs["listings"]),
            (DoneInput(stock.id, sitting_day + timedelta(days=2), "库存十五提已交申请人，当场销"
                                                                  "毁"), proofs["stock"]),
            (DoneInput(payment.id, sitting_day + timedelta(days=6), "银行转账", Decimal("20000")),
             proofs["first"])):
        performance.record_done_with_files(store.database, store.vault, actor, given, files)
    with store.database.session_scope() as session:
        visits.add_visit(session, actor, number, VisitInput(
            today - timedelta(days=1), "李华、陈静", "回访调解协议履行情况",
            "链接已下架，库存已销毁，首期款已付。第二期款逾期未付，被申请人称资金周转困难，承诺一周内付清；"
            "已告知逾期不履行的后果。"))
    workspace.refresh()
    camera.wait(lambda: not workspace.loading)
    camera.pump(0.5)
    camera.wait(lambda: not workspace.loading)
    camera.shoot("workspace-outcome")
    workspace.tabs.setCurrentWidget(workspace.visits)
    camera.wait(lambda: not workspace.loading)
    camera.pump(0.5)
    camera.shoot("workspace-follow-up")

    # 卷宗: the identity papers scanned in; the rights notice and the power of attorney still missing.
    papers.file_scans(store.database, store.vault, actor, number, FilePart.IDENTITY, proofs["identity"],
                      "原件已核对")
    workspace.tabs.setCurrentWidget(workspace.case_file)
    file_view = workspace.case_file
    file_view.refresh()
    camera.wait(lambda: not workspace.loading and file_view.view is not None)
    file_view.retention.setCurrentIndex(file_view.retention.findData("permanent"))
    file_view.notes.setPlainText("涉及分期履行，履行完毕后归档")
    file_view.save_cover()
    camera.wait(lambda: not workspace.loading)
    camera.pump(0.5)
    camera.wait(lambda: not workspace.loading)
    file_view.file_name.setCursorPosition(0)  # the name from its start
    camera.shoot("workspace-case-file")

    # The rest paid, the missing papers scanned in: the file is complete and archived; the case is read-only.
    for part, files in ((FilePart.RIGHTS_NOTICE, proofs["right"
                                                        "s"]), (FilePart.POWER_OF_ATTORNEY, proofs["power"])):
        papers.file_scans(store.database, store.vault, actor, number, part, files, "双方签名的原件已核对")
    performance.record_done_with_files(store.database, store.vault, actor, DoneInput(
        payment.id, today, "银行转账，第二、三期一并付清", Decimal("40000")), proofs["rest"])
    workspace.refresh()
    file_view.refresh()
    camera.wait(lambda: not workspace.loading)
    camera.pump(0.5)
    camera.wait(lambda: not workspace.loading and file_view.archive_button.isEnabled())
    box = file_view.archive_file()
    assert box is not None
    camera.shoot("archive-confirm")
    box.accept()
    camera.wait(lambda: workspace.snapshot is not None and workspace.snapshot.read_only
                and not workspace.loading)
    camera.pump(0.5)
    camera.wait(lambda: not workspace.loading)
    file_view.file_name.setCursorPosition(0)
    camera.shoot("workspace-archived")


def _proof_files(inbox: Path) -> dict[str, list[Path]]:
    """Scans and photos proving performance, and the scanned papers of the file."""
    pictures = {
        "listings": ("网店后台商品管理页面截图_链接已下架.png", "商品管理", ["“某某山”普洱茶饼 357克  已下架",
                                                                   "“某某山”古树茶饼 200克  已下"
                                                                   "架", "共4条 已下架"]),
        "stock": ("库存销毁现场照片.jpg", "销毁现场", ["被诉茶饼 十五提", "申请人代理人刘洋到场", "被申请人杨"
                                                                                                  "建华到场"]),
        "first": ("第一期赔偿款银行转账回单.png", "转账回单", ["付款人 杨建华", f"收款人 {DAY_COMPANY}",
                                                        "金额 ¥20,000.00"]),
        "rest": ("第二三期赔偿款银行转账回单.png", "转账回单", ["付款人 杨建华", f"收款人 {DAY_COMPANY}",
                                                        "金额 ¥40,000.00"]),
        "identity": ("被申请人杨建华居民身份证正反面扫描件.png", "居民身份证", ["姓名 杨建华", "性别 男  民族"
                                                                                               " 汉"]),
        "rights": ("权利义务告知书_双方签名.png", "人民调解当事人权利义务告知书", ["申请人（签名）刘洋",
                                                                   "被申请人（签名）杨建华"]),
        "power": ("授权委托书_普洱某某茶业有限公司委托刘洋.png", "授权委托书", ["委托人 普洱某某茶业有限公司",
                                                                   "受托人 刘洋 云南某某律师事务所律师",
                                                                   "代理权限 特别授权"]),
    }
    found: dict[str, list[Path]] = {}
    for key, (name, title, lines) in pictures.items():
        folder = inbox / key
        folder.mkdir(parents=True, exist_ok=True)
        _page_image(folder / name, title, lines, 800, 560)
        found[key] = [folder / name]
    return found


def main() -> int:
    if len(sys.argv) == 8 and sys.argv[1] == "--take":
        _flag, language, data, empty, out, number, every = sys.argv[1:]
        take(language, Path(data), Path(empty), Path(out), number, every == "every")
        return 0
    if len(sys.argv) == 6 and sys.argv[1] == "--take-committee":
        _flag, language, data, out, every = sys.argv[1:]
        take_committee(language, Path(data), Path(out), every == "every")
        return 0
    every = "--all" in sys.argv[1:]
    places = [argument for argument in sys.argv[1:] if argument != "--all"]
    if len(places) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(places[0]).resolve()
    out.mkdir(parents=True, exist_ok=True)
    from desktop.ui.app import application

    application()  # draws the pictures taken in
    with tempfile.TemporaryDirectory(prefix="mediseal-screens-") as temporary:
        work = Path(temporary)
        number = build(work / "built" / "Mediseal", work / "inbox")
        build_committee(work / "built" / "Committee")
        for language in LANGUAGES:
            data = work / language / "Mediseal"
            shutil.copytree(work / "built" / "Mediseal", data)
            subprocess.run([sys.executable, __file__, "--take", language, str(data),
                            str(work / language / "empty"), str(out), number,
                            "every" if every else "readme"], check=True)
            committee = work / language / "Committee"
            shutil.copytree(work / "built" / "Committee", committee)
            subprocess.run([sys.executable, __file__, "--take-committee", language, str(committee), str(out),
                            "every" if every else "readme"], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
