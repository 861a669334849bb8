"""Findings in the user's language: every message template the checkers use has a Chinese translation
(found by scanning the checkers' source, not by the findings a test happens to trigger), every template
is filled with the values it names, the English message stays what the command line and saved reports
say, and the window shows the Chinese rendering; a changed file says which digest differs."""

from __future__ import annotations

import ast
import json
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.core.cases import matters as cases
from desktop.core.evidence import intake
from desktop.core.evidence.acquisition import Acquisition
from desktop.core.office import office
from desktop.core.storage.store import OpenStore
from desktop.core.trust import signing_keys, users
from desktop.core.trust.permissions import Role
from desktop.core.trust.sign_in import SignedInUser, sign_in_user
from desktop.core.verification.codes import FindingCode
from desktop.core.verification.findings import FINDINGS_CONTEXT, Finding, Where, Words, finding, words
from desktop.core.verification.store import verify_store
from desktop.ui.evidence.page import EvidencePage
from desktop.ui.framework.i18n import install_translator, remove_translators
from desktop.ui.verification.report import CODE, DETAILS, ITEM, NAME, WHAT
from tests.qt_helpers import settled
from tests.tamper import behind_the_back

ROOT = Path(__file__).resolve().parents[1]
CHECKERS = ROOT / "desktop" / "core" / "verification"
TS_FILE = ROOT / "resources" / "i18n" / "mediseal_zh_CN.ts"
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
PASSWORD = "notary-password-1"


def _translations() -> dict[str, tuple[str, str | None]]:
    found: dict[str, tuple[str, str | None]] = {}
    for context in ET.parse(TS_FILE).getroot().iter("context"):
        if context.findtext("name") != FINDINGS_CONTEXT:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found[message.findtext("source") or ""] = (translation.text or "", translation.get("type"))
    return found


def _is_marked(node: ast.AST) -> bool:
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id == "QT_TRANSLATE_NOOP" and isinstance(node.args[0], ast.Constant)
            and node.args[0].value == FINDINGS_CONTEXT)


def _text(node: ast.AST) -> str:
    """A string literal, implicit concatenation included (Python joins it into one constant)."""
    assert isinstance(node, ast.Constant) and isinstance(node.value, str), ast.dump(node)
    return node.value


def _checker_trees() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(CHECKERS.glob("*.py")):
        yield path.name, ast.parse(path.read_text(encoding="utf-8"))


def _templates() -> dict[str, str]:
    """Every template marked for the ``findings`` context in the checkers, with the module it is in."""
    found: dict[str, str] = {}
    for module, tree in _checker_trees():
        for node in ast.walk(tree):
            if _is_marked(node):
                assert isinstance(node, ast.Call)
                found.setdefault(_text(node.args[1]), module)
    return found


def test_every_finding_template_has_a_chinese_translation() -> None:
    templates = _templates()
    assert len(templates) >= 45  # the scan found the checkers' templates
    assert "the file's SM3 digest in the vault differs from its record" in templates
    committed = _translations()
    for template, module in templates.items():
        translation, state = committed.get(template, ("", "missing"))
        assert translation and state is None, f"{module}: no Chinese for {template!r} (run `make i18n`)"
        words_in_it = PLACEHOLDER.sub("", template)
        assert re.search(r"[\u4e00-\u9fff]", translation) or not re.search(r"[a-z]{3}", words_in_it), \
            f"{module}: not Chinese for {template!r}: {translation!r}"
        assert sorted(PLACEHOLDER.findall(template)) == sorted(PLACEHOLDER.findall(translation)), \
            f"{module}: the Chinese of {template!r} names other values: {translation!r}"


def test_every_template_is_given_the_values_it_names() -> None:
    """``words(QT_TRANSLATE_NOOP("findings", "…{x}…"), x=…)``: the keywords are the placeholders, so no
    rendering, English or Chinese, meets a missing value."""
    calls = 0
    for module, tree in _checker_trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "words" \
                    and node.args and _is_marked(node.args[0]):
                template = _text(node.args[0].args[1])  # type: ignore[attr-defined]
                given = sorted(keyword.arg for keyword in node.keywords if keyword.arg)
                assert given == sorted(set(PLACEHOLDER.findall(template))), \
                    f"{module}:{node.lineno}: {template!r} is given {given}"
                calls += 1
    assert calls >= 40


def _hands_english_text(node: ast.Call) -> bool:
    """A finding made from finished text: ``Finding(code, "…")`` or ``where.finding(code, f"…")``."""
    func = node.func
    if isinstance(func, ast.Name) and func.id == "Finding":
        return True
    if isinstance(func, ast.Attribute) and func.attr == "finding" and len(node.args) >= 2:
        return isinstance(node.args[1], ast.Constant | ast.JoinedStr)
    if isinstance(func, ast.Name) and func.id == "Where" and node.args:
        return isinstance(node.args[0], ast.Constant | ast.JoinedStr)
    return False


def test_the_checkers_give_their_findings_words() -> None:
    """No checker hands a finding finished English text: every one shows in the window's language."""
    in_english = [f"{module}:{node.lineno}" for module, tree in _checker_trees() if module != "findings.py"
                  for node in ast.walk(tree) if isinstance(node, ast.Call) and _hands_english_text(node)]
    assert in_english == []


def test_words_render_in_english_and_through_a_translation() -> None:
    about = words("item {item} ({name})", item=3, name="合同 {draft}.txt")  # braces in a value stay
    made = finding(FindingCode.BLOB_CHANGED, words("the file's SM3 digest in the vault differs from its "
                                                   "record"), about, item=3)
    assert made.message == ("item 3 (合同 {draft}.txt): the file's SM3 digest in the vault differs from its "
                            "record")
    assert made.in_words() == made.message
    chinese = {"item {item} ({name})": "第 {item} 号证据（{name}）", "{about}: {said}": "{about}：{said}",
               "the file's SM3 digest in the vault differs from its record": "SM3 摘要不符"}
    assert made.in_words(lambda context, text: chinese.get(text, text)) == \
        "第 3 号证据（合同 {draft}.txt）：SM3 摘要不符"
    legacy = Where("signing key 4 (lihua, ab12)").finding(FindingCode.KEY_MISSING, "it {is} gone")
    assert legacy.message == "signing key 4 (lihua, ab12): it {is} gone"  # finished text: never formatted
    joined_only = {"{about}: {said}": "{about}：{said}"}
    assert legacy.in_words(lambda context, text: joined_only.get(text, "译")) == \
        "signing key 4 (lihua, ab12)：it {is} gone"  # finished text is never translated
    assert Finding(FindingCode.KEY_MISSING, "old").in_words(lambda context, text: "译") == "old"
    assert isinstance(legacy.said, Words) and legacy.said.literal


# --- through a real verification and the window ------------------------------------------------------
def test_findings_about_users_and_the_office_in_both_languages(store: OpenStore, chinese: None) -> None:
    """A role granted, a user deleted, the idle lock and the office's name changed behind the app's back:
    the English messages say what they said before, and the window reads them in Chinese with roles and
    event kinds as words."""
    with store.database.session_scope() as session:
        office.create_office(session, "昆明调解中心", "云知调")
        admin = users.create_first_admin(session, "admin", "admin-password-1", "赵文")
        users.add_user(session, admin, "lihua", frozenset({Role.NOTARY}), PASSWORD, "李华")
        users.add_user(session, admin, "wang", frozenset({Role.CLERK}), PASSWORD, "王芳")
        office.update_office(session, admin, "昆明市知识产权纠纷人民调解委员会", "云知调")
    behind_the_back(store, [
        ("INSERT INTO user_role (user_id, role) SELECT id, 'clerk' FROM user_account WHERE name = 'lihua'",
         {}),
        ("DELETE FROM user_role WHERE user_id = (SELECT id FROM user_account WHERE name = 'wang')", {}),
        ("DELETE FROM user_account WHERE name = 'wang'", {}),
        ("UPDATE office SET idle_lock_minutes = 240, name = '别的委员会' WHERE id = 1", {})])
    with store.database.session_scope() as session:
        report = verify_store(session, store.vault)
    found = {str(finding.code): finding for finding in report.findings}
    assert set(found) == {"user-record-changed", "user-missing", "office-settings-changed",
                          "office-record-changed"}
    roles, missing = found["user-record-changed"], found["user-missing"]
    settings, record = found["office-settings-changed"], found["office-record-changed"]
    assert roles.message == ("user lihua: its roles (clerk, notary), real name (李华) or state differ from "
                             f"what the ledger last recorded (entry {roles.seq}, user.created)")
    assert missing.message == (f"user wang: the ledger records its creation (entry {missing.seq}) but the "
                               "store no longer holds it")
    assert settings.message == ("the office's settings: the idle lock (240 minutes) differs from what the "
                                "ledger last recorded (the defaults (no change is recorded))")
    assert record.message == ("the office's name and prefix: the name “别的委员会” or the prefix “云知调” "
                              f"differs from what the ledger last recorded (entry {record.seq})")
    created = QCoreApplication.translate("vocabulary", "User created")
    shown = {code: finding.in_words(QCoreApplication.translate) for code, finding in found.items()}
    assert shown == {
        "user-record-changed": "用户 lihua：其角色（书记员、公证员）、姓名（李华）或状态与存证日志"
                               f"最后记载的不符（第 {roles.seq} 条，{created}）",
        "user-missing": f"用户 wang：存证日志记载了其创建（第 {missing.seq} 条），但数据库中已没有该用户",
        "office-settings-changed": "本机构设置：闲置锁定时间（240 分钟）与存证日志最后记载的不符"
                                   "（默认值，存证日志中没有更改记录）",
        "office-record-changed": "本机构名称和案件编号前缀：名称“别的委员会”或案件编号前缀“云知调”"
                                 f"与存证日志最后记载的不符（第 {record.seq} 条）"}
    assert created != "User created" and re.search(r"[\u4e00-\u9fff]", created)


@pytest.fixture
def notary(sqlite_store: OpenStore) -> SignedInUser:
    with sqlite_store.database.session_scope() as session:
        office.create_office(session, "昆明调解中心", "云知调")
        admin = users.create_first_admin(session, "admin", "admin-password-1", "赵文")
        users.add_user(session, admin, "lihua", frozenset({Role.NOTARY}), PASSWORD, "李华")
    actor = users.sign_in(sqlite_store.database, "lihua", PASSWORD)
    with sqlite_store.database.session_scope() as session:
        signing_keys.new_key(session, actor, PASSWORD)
    return sign_in_user(sqlite_store.database, "lihua", PASSWORD)


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    locale = QLocale()
    assert install_translator(qapp, "zh_CN") is not None
    yield
    remove_translators(qapp, locale)


def _tampered_case(store: OpenStore, user: SignedInUser, folder: Path) -> tuple[str, int]:
    with store.database.session_scope() as session:
        number = cases.open_case(session, user.actor, "trademark", "某某商标侵权纠纷").number
    folder.mkdir()
    (folder / "购买记录.txt").write_bytes("订单号 123\n".encode())
    report = intake.ingest_files(store.database, store.vault, user.actor, number, [folder / "购买记录.txt"],
                                 Acquisition("upload"))
    item = report.items[0]
    blob = store.vault.path(item.sha256)
    os.chmod(blob, 0o600)  # the vault keeps blobs read-only
    blob.write_bytes("订单号 124\n".encode())  # the same size: both digests differ
    return number, item.id


def test_a_changed_file_says_which_digest_in_both_languages(qapp: QApplication, sqlite_store: OpenStore,
                                                            notary: SignedInUser, tmp_path: Path,
                                                            chinese: None) -> None:
    number, item_id = _tampered_case(sqlite_store, notary, tmp_path / "in")
    with sqlite_store.database.session_scope() as session:
        report = verify_store(session, sqlite_store.vault, number)
    changed = {found.differs: found for found in report.errors if found.code == FindingCode.BLOB_CHANGED}
    assert set(changed) == {"sha256", "sm3"}
    sha256, sm3 = changed["sha256"], changed["sm3"]
    assert sha256.message == (f"item {item_id} (购买记录.txt): the file's SHA-256 digest in the vault "
                              "differs from its record")
    assert "SM3" in sm3.message and "SHA-256" not in sm3.message
    shown = sha256.in_words(QCoreApplication.translate)
    assert shown == f"第 {item_id} 号证据（购买记录.txt）：SHA-256 摘要不符（存证库中的文件与其记录不一致）"
    assert "SM3 摘要不符" in sm3.in_words(QCoreApplication.translate)
    saved = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))  # the JSON keeps the English
    assert {entry["message"] for entry in saved["findings"]} == {sha256.message, sm3.message}
    assert not {"said", "about"} & set(saved["findings"][0])


def test_the_evidence_page_shows_findings_in_chinese(qtbot: QtBot, sqlite_store: OpenStore,
                                                     notary: SignedInUser, tmp_path: Path,
                                                     chinese: None) -> None:
    _number, item_id = _tampered_case(sqlite_store, notary, tmp_path / "in")
    page = EvidencePage(sqlite_store, notary)
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    settled(qtbot, page)
    page.verify()
    qtbot.waitUntil(lambda: page.report is not None, timeout=20_000)
    rows = {page.findings.item(row, CODE).text(): row for row in range(page.findings.rowCount())}
    assert "blob-changed" in rows
    details = [page.findings.item(row, DETAILS).text() for row in range(page.findings.rowCount())]
    assert f"第 {item_id} 号证据（购买记录.txt）：SHA-256 摘要不符（存证库中的文件与其记录不一致）" in details
    assert any("SM3 摘要不符" in text for text in details)
    row = rows["blob-changed"]
    tooltip = page.findings.item(row, WHAT).toolTip()
    assert tooltip.startswith(page.findings.item(row, DETAILS).text()) and "\n应为：" in tooltip
    assert not any(re.search(r"\bdiffers\b|\bvault\b", text) for text in details), details
    assert page.findings.item(row, WHAT).text() in {"存证文件 SHA-256 摘要不符", "存证文件 SM3 摘要不符"}
    # What a notary reads comes first and fits; a long message wraps in its row instead of being cut.
    table, header = page.findings, page.findings.horizontalHeader()
    assert [header.logicalIndex(visual) for visual in range(4)] == [WHAT, ITEM, NAME, DETAILS]
    assert header.sectionViewportPosition(DETAILS) + header.sectionSize(DETAILS) <= 815  # 1024 - side bar
    assert table.rowHeight(row) >= 2 * table.fontMetrics().height()
