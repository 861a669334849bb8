"""Every UI string has a Chinese translation, the compiled .qm is current, and the app shows it."""

from __future__ import annotations

import importlib
import pkgutil
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QFileInfo, QLocale, Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFileIconProvider,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeView,
)
from pytestqt.qtbot import QtBot

from desktop.core.errors import InvalidInput, NotAllowed
from desktop.core.storage.store import OpenStore
from desktop.core.trust.permissions import Action, Actor, Role, require
from desktop.core.vocabulary import VOCABULARY_CONTEXT, vocabularies
from desktop.ui.framework.i18n import choose_language, install_translator, remove_translators, translate_error
from tests.qt_helpers import attached_window

ROOT = Path(__file__).resolve().parents[1]
TS_FILE = ROOT / "resources" / "i18n" / "mediseal_zh_CN.ts"
QM_FILE = TS_FILE.with_suffix(".qm")
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} not found: it comes with PySide6")
    return found


def _messages(ts: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    found: dict[tuple[str, str], tuple[str, str | None]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found[(name, message.findtext("source") or "")] = (translation.text or "",
                                                               translation.get("type"))
    return found


def test_every_ui_string_has_a_chinese_translation(tmp_path: Path) -> None:
    sources = sorted(str(path) for path in (ROOT / "desktop").rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-ts", str(fresh), "-no-obsolete"],
                   check=True, capture_output=True)
    in_code = _messages(fresh)
    assert len(in_code) > 50  # the extraction itself worked
    committed = _messages(TS_FILE)
    untranslated = [key for key in in_code
                    if key not in committed or not committed[key][0] or committed[key][1] is not None]
    assert untranslated == [], "run `make i18n` and translate these in resources/i18n/mediseal_zh_CN.ts"
    for (context, source), (translation, _) in committed.items():
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation)), \
            f"placeholders differ in {context}: {source!r}"
        # Chinese characters, or full-width punctuation (李华（lihua）: the brackets are the translation).
        chinese = re.search(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]", translation)
        wordless = not re.search(r"[A-Za-z]", PLACEHOLDER.sub("", source))  # "{about}: {said}"
        assert chinese or translation == source or wordless, \
            f"not Chinese in {context}: {translation!r}"


def _import_all_of_core() -> None:
    import desktop.core

    for module in pkgutil.walk_packages(desktop.core.__path__, "desktop.core."):
        importlib.import_module(module.name)


def test_every_vocabulary_value_has_a_translated_label() -> None:
    _import_all_of_core()
    committed = _messages(TS_FILE)
    found = vocabularies()
    assert {vocabulary.__name__ for vocabulary in found} >= {"EventKind", "Role"}
    for vocabulary in found:
        for value in vocabulary:
            assert value.label, f"{vocabulary.__name__}.{value.name} has no label"
            translation = committed.get((VOCABULARY_CONTEXT, value.label))
            assert translation and translation[0] and translation[1] is None, \
                f"{vocabulary.__name__}.{value.name}: no Chinese for {value.label!r}"


def test_compiled_translation_is_current(tmp_path: Path) -> None:
    compiled = tmp_path / "check.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(TS_FILE), "-qm", str(compiled)],
                   check=True, capture_output=True)
    assert compiled.read_bytes() == QM_FILE.read_bytes(), "run `make i18n` to recompile the .qm"


def test_language_choice() -> None:
    assert choose_language("zh_CN") == "zh_CN"
    assert choose_language("en", QLocale(QLocale.Language.Chinese, QLocale.Country.China)) == "en"
    assert choose_language(None, QLocale(QLocale.Language.Chinese, QLocale.Country.China)) == "zh_CN"
    assert choose_language(None, QLocale(QLocale.Language.Chinese, QLocale.Country.Taiwan)) == "zh_CN"
    assert choose_language(None, QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)) == "en"


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    locale = QLocale()
    translator = install_translator(qapp, "zh_CN")
    assert translator is not None, "the packaged zh_CN translation did not load"
    yield
    remove_translators(qapp, locale)  # Qt's own catalogue and the default locale too


def test_window_in_chinese(qtbot: QtBot, sqlite_store: OpenStore, chinese: None) -> None:
    window = attached_window(qtbot, sqlite_store, "昆明调解中心")
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["文件(&F)", "编辑(&E)", "视图(&V)", "案件(&C)", "证据(&D)", "工具(&T)", "帮助(&H)"]
    mnemonics = [re.search(r"&(\w)", text).group(1).lower() for text in menus]
    assert len(set(mnemonics)) == len(menus), "two menus share an Alt+ key"
    titles = [window.side_bar.item(row).text() for row in range(window.side_bar.count())]
    assert titles == ["调解案件", "证据", "文书", "存证日志", "统计", "调解会日程", "设置"]
    assert window.database_label.text() == "数据库：SQLite"


def test_core_errors_are_translated(chinese: None) -> None:
    error = InvalidInput("The data folder {path} is a file, not a folder.", path="/tmp/x")
    assert translate_error(error) == "数据文件夹 /tmp/x 是一个文件，而不是文件夹。"
    clerk = Actor(1, "wang", frozenset({Role.CLERK}))
    with pytest.raises(NotAllowed) as refused:
        require(clerk, Action.MANAGE_USERS)
    assert translate_error(refused.value) == "wang 无权管理用户：需要角色 管理员。"  # the role in words


# --- the words a Chinese notary uses -------------------------------------------------------------------
def _translations() -> list[tuple[str, str, str]]:
    return [(context, source, translation)
            for (context, source), (translation, _) in _messages(TS_FILE).items()]


@pytest.mark.parametrize(("wrong", "right"), [
    ("立案", "受理: a mediation committee accepts a dispute; 立案 is the court's word"),
    ("上传", "当事人提交: evidence a party hands in (SourceKind.UPLOAD)"),
    ("取得时间", "取证时间"),
    ("取得人", "取证人"),
    ("取得信息", "取证信息"),
    ("签章密钥", "签名密钥: one word for the key"),
    ("新建案件", "受理案件"),
], ids=["court-word", "upload", "acquired-at", "acquired-by", "acquisition", "seal-key", "new-case"])
def test_the_chinese_avoids_words_a_notary_would_not_use(wrong: str, right: str) -> None:
    # 立案 stays where it names the court's own act (法院立案后委托调解: mediation a court entrusts after
    # filing the case).
    found = [(context, source) for context, source, translation in _translations()
             if wrong in translation.replace("法院立案", "")]
    assert found == [], f"use {right}"


def test_the_key_is_called_one_thing() -> None:
    """Every mention of the signing key is 签名密钥; 私钥 (the private key inside a PKCS#12 file) and the
    X.509 extension's name 密钥用法 are other things."""
    mixed = [(context, translation) for context, _source, translation in _translations()
             if re.search(r"(?<!签名)密钥(?!用法)", translation)]
    assert mixed == []


def test_qt_dialogs_and_standard_buttons_are_in_chinese(qtbot: QtBot, chinese: None) -> None:
    assert QLocale().language() == QLocale.Language.Chinese  # calendar popups, dates in the file chooser
    box = QMessageBox(QMessageBox.Icon.Question, "t", "?",
                      QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert [button.text() for button in box.buttons()] == ["确定", "取消"]
    for accept_mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
        chooser = QFileDialog(None, "t", str(ROOT))
        qtbot.addWidget(chooser)
        # the window's choosers are Qt's own widgets on Linux without a desktop portal: check those
        chooser.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        chooser.setAcceptMode(accept_mode)
        words = [label.text() for label in chooser.findChildren(QLabel) if label.text()]
        words += [button.text() for button in chooser.findChildren(QPushButton)]
        header = chooser.findChild(QTreeView).header()
        words += [str(header.model().headerData(column, Qt.Orientation.Horizontal))
                  for column in range(header.count())]
        english = [text for text in words if not re.search(r"[\u4e00-\u9fff]", text)]
        assert english == [], "Qt's catalogue (qtbase_zh_CN) or Mediseal's gaps (i18n.QT_CATALOGUE_GAPS)"
        assert "查找范围(&L)：" in words and "文件类型(&T)：" in words and "大小" in words
    provider = QFileIconProvider()  # the chooser's Type column
    assert provider.type(QFileInfo(str(ROOT))) == "文件夹"


def test_dialogs_use_the_vocabulary_words(qtbot: QtBot, chinese: None) -> None:
    from desktop.core.cases.matters import CaseType
    from desktop.core.evidence.acquisition import SourceKind
    from desktop.ui.cases.case_dialog import CaseDialog
    from desktop.ui.evidence.acquisition_dialog import AcquisitionDialog

    acquisition = AcquisitionDialog(2, "李华", may_seal=True)
    qtbot.addWidget(acquisition)
    kinds = [(acquisition.kind_combo.itemData(row), acquisition.kind_combo.itemText(row))
             for row in range(acquisition.kind_combo.count())]
    assert [code for code, _ in kinds] == [kind.value for kind in SourceKind]
    assert kinds[:2] == [("upload", "当事人提交"), ("web-capture", "网页取证")]
    form = acquisition.findChild(QFormLayout)
    labels = [form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().text()
              for row in range(form.rowCount())]
    assert labels[0] == "证据来源：" and "取证时间：" in labels and "取证人：" in labels
    assert acquisition.seal_check.text() == "立即用我的签名密钥为每份证据加盖签章"
    case = CaseDialog(lambda kind, case_type, title: lambda: None)  # type: ignore[arg-type,return-value]
    qtbot.addWidget(case)
    types = [(case.type_combo.itemData(row), case.type_combo.itemText(row))
             for row in range(case.type_combo.count())]
    assert [code for code, _ in types] == [kind.value for kind in CaseType]
    assert types[:3] == [("patent", "专利"), ("trademark", "商标"), ("copyright", "著作权")]
    assert case.windowTitle() == "受理案件" and case.ok_button.text() == "受理案件"
    assert [case.kind_combo.itemText(row) for row in range(2)] == ["调解案件", "公证事项"]


def test_about_dialog_is_in_chinese(qtbot: QtBot, sqlite_store: OpenStore, chinese: None) -> None:
    from desktop.ui.about import AboutDialog

    about = AboutDialog(sqlite_store.folder, sqlite_store)
    qtbot.addWidget(about)
    assert about.windowTitle() == "关于 Mediseal"
    cells = re.findall(r"<tr><td>([^<]*?)&nbsp;&nbsp;</td>", about.text())
    names = {"Mediseal", "Python", "Qt", "PySide6", "SQLAlchemy"}
    assert [cell for cell in cells if cell not in names] == ["数据库结构版本", "数据库", "数据文件夹",
                                                             "日志文件"]
    assert [button.text() for button in about.buttons()] == ["确定"]
    assert re.search(r"[\u4e00-\u9fff]{10}", about.text())  # the introduction
