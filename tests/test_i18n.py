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
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.core.errors import InvalidInput, NotAllowed
from desktop.core.storage.store import OpenStore
from desktop.core.trust.permissions import Action, Actor, Role, require
from desktop.core.vocabulary import VOCABULARY_CONTEXT, vocabularies
from desktop.ui.framework.i18n import choose_language, install_translator, translate_error
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
        assert re.search(r"[\u4e00-\u9fff]", translation) or translation == source, \
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
    translator = install_translator(qapp, "zh_CN")
    assert translator is not None, "the packaged zh_CN translation did not load"
    yield
    qapp.removeTranslator(translator)


def test_window_in_chinese(qtbot: QtBot, sqlite_store: OpenStore, chinese: None) -> None:
    window = attached_window(qtbot, sqlite_store, "昆明调解中心")
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["文件(&F)", "编辑(&E)", "视图(&V)", "案件(&C)", "证据(&D)", "工具(&T)", "帮助(&H)"]
    mnemonics = [re.search(r"&(\w)", text).group(1).lower() for text in menus]
    assert len(set(mnemonics)) == len(menus), "two menus share an Alt+ key"
    titles = [window.side_bar.item(row).text() for row in range(window.side_bar.count())]
    assert titles == ["调解案件", "证据", "文书", "存证日志", "统计", "设置"]
    assert window.database_label.text() == "数据库：SQLite"


def test_core_errors_are_translated(chinese: None) -> None:
    error = InvalidInput("The data folder {path} is a file, not a folder.", path="/tmp/x")
    assert translate_error(error) == "数据文件夹 /tmp/x 是一个文件，而不是文件夹。"
    clerk = Actor(1, "wang", frozenset({Role.CLERK}))
    with pytest.raises(NotAllowed) as refused:
        require(clerk, Action.MANAGE_USERS)
    assert translate_error(refused.value) == "wang 无权管理用户：需要角色 admin。"
