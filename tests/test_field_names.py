"""Fields by name in the user's language: every field code core names in an error (found by scanning
core's source, as tests/test_finding_messages.py scans the finding templates) has a label with a Chinese
translation; the window says “理由”为必填项, not 字段 reason; the command line says the English label; the
code stays in the error for programs and for the dialogs that move the focus to the field."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.cli import EXIT_USAGE, run
from desktop.core.cases import matters as cases
from desktop.core.cases.identity import check_credit_code, check_resident_id
from desktop.core.documents.amounts import parse_amount
from desktop.core.errors import InvalidInput, MedisealError
from desktop.core.fields import Field, english_message
from desktop.core.office import office
from desktop.core.storage.store import OpenStore
from desktop.core.text import clean_text
from desktop.core.trust import users
from desktop.core.trust.permissions import Action, Actor, Role, require
from desktop.core.vocabulary import VOCABULARY_CONTEXT
from desktop.ui.cases.case_dialog import CaseDialog
from desktop.ui.framework.i18n import install_translator, remove_translators, translate_error

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "desktop" / "core"
TS_FILE = ROOT / "resources" / "i18n" / "mediseal_zh_CN.ts"
FIELD = "field"


def _refusal(call: object, *args: object, **kwargs: object) -> MedisealError:
    with pytest.raises(MedisealError) as refused:
        call(*args, **kwargs)  # type: ignore[operator]
    return refused.value


def _constants(tree: ast.Module) -> dict[str, str]:
    """The module's top-level ``NAME = "text"`` constants (``RECORD_TYPE_FIELD = "type"``)."""
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) \
                and isinstance(node.value.value, str):
            found.update((target.id, node.value.value) for target in node.targets
                         if isinstance(target, ast.Name))
    return found


def _passed(tree: ast.Module) -> Iterator[ast.expr]:
    """What a module passes as a field: ``clean_text(value, <here>, …)``, ``field=<here>`` in any call,
    and the default of a parameter named ``field``."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Name) and node.func.id == "clean_text" and len(node.args) >= 2:
                yield node.args[1]
            yield from (keyword.value for keyword in node.keywords if keyword.arg == FIELD)
        elif isinstance(node, ast.FunctionDef):
            positional = node.args.args
            defaults = [None] * (len(positional) - len(node.args.defaults)) + list(node.args.defaults)
            for argument, default in zip([*positional, *node.args.kwonlyargs],
                                         [*defaults, *node.args.kw_defaults], strict=True):
                if argument.arg == FIELD and default is not None:
                    yield default


def _field_codes() -> dict[str, str]:
    """Every field code core passes (a string, or a module constant), with where it is."""
    found: dict[str, str] = {}
    for path in sorted(CORE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = _constants(tree)
        for node in _passed(tree):
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.setdefault(node.value, where)
            elif isinstance(node, ast.Name) and node.id in constants:
                found.setdefault(constants[node.id], where)
            else:  # a parameter handed on (``field=field``): its default is found where it is declared
                assert isinstance(node, ast.Name) and node.id == FIELD, f"{where}: {ast.dump(node)}"
    return found


def _vocabulary_translations() -> dict[str, tuple[str, str | None]]:
    found: dict[str, tuple[str, str | None]] = {}
    for context in ET.parse(TS_FILE).getroot().iter("context"):
        if context.findtext("name") == VOCABULARY_CONTEXT:
            for message in context.iter("message"):
                translation = message.find("translation")
                assert translation is not None
                found[message.findtext("source") or ""] = (translation.text or "", translation.get("type"))
    return found


def test_every_field_core_names_has_a_chinese_name() -> None:
    codes = _field_codes()
    assert {"reason", "witnesses", "real_name", "identity number", "unified social credit code", "amount",
            "version"} <= set(codes)  # the scan found calls, constants and parameter defaults
    unnamed = {code: where for code, where in codes.items() if code not in {str(field) for field in Field}}
    assert unnamed == {}, "give each a Field in desktop/core/fields.py (and Chinese: make i18n)"
    assert {str(field) for field in Field} == set(codes), "a Field no error names any more"
    translations = _vocabulary_translations()
    for field in Field:
        translation, state = translations.get(field.label, ("", "missing"))
        assert translation and state is None and translation != field.label, f"no Chinese for {field.label!r}"


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    locale = QLocale()
    assert install_translator(qapp, "zh_CN") is not None
    yield
    remove_translators(qapp, locale)


def test_core_errors_name_their_field_in_chinese(chinese: None) -> None:
    required = _refusal(clean_text, " ", "reason", 100, required=True)
    assert required.fields[FIELD] == "reason"  # programs and dialogs read the code
    assert translate_error(required) == "“理由”为必填项。"
    hidden = _refusal(clean_text, "李\u202e华", "real_name", 50)
    assert translate_error(hidden) == "“姓名”的第 2 个字符是控制字符或文字方向字符（U+202E）；请删除后重试。"
    long = _refusal(clean_text, "某" * 5, "witnesses", 4)
    assert translate_error(long) == "“见证人”最多 4 个字符（现有 5 个）。"
    assert translate_error(_refusal(check_resident_id, "11010")) == "身份证号码应为 18 位，现为 5 位。"
    assert translate_error(_refusal(check_credit_code, "9153")).startswith("统一社会信用代码应为 18 位")
    assert translate_error(_refusal(parse_amount, "1.234")).startswith("金额最多保留两位小数")
    unknown = InvalidInput("The field {field} is required.", field="no-such-field")
    assert translate_error(unknown) == "“no-such-field”为必填项。"  # a code this version does not know
    clerk = Actor(1, "wang", frozenset({Role.CLERK}))
    with pytest.raises(MedisealError) as refused:
        require(clerk, Action.SEAL_EVIDENCE)
    assert translate_error(refused.value) == "wang 无权为证据签章：需要角色 公证员。"


def test_english_names_the_field_by_its_label() -> None:
    required = _refusal(clean_text, "", "acquired_by", 100, required=True)
    assert required.message == "The field acquired_by is required."  # the code, as before
    assert english_message(required) == "The field Acquired by is required."
    assert translate_error(required) == english_message(required)  # the window in English
    number = _refusal(check_resident_id, "11010")
    assert english_message(number) == number.message == \
        "The identity number must have 18 characters; it has 5."
    nameless = InvalidInput("The office name is empty.", field="name")
    assert english_message(nameless) == "The office name is empty."


def test_the_command_line_names_the_field_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDISEAL_NEW_PASSWORD", "first-admin-password")
    code = run(["init", "--data-dir", str(tmp_path / "d"), "--office", "昆明调解中心", "--prefix", "云知调",
                "--admin", "admin", "--real-name", "张\u202e伟"])
    assert code == EXIT_USAGE  # the exit code is what it was
    assert capsys.readouterr().err == ("mediseal: The field Real name holds a control or text-direction "
                                       "character (U+202E) at position 2; remove it and try again.\n")
    assert not (tmp_path / "d").exists()


def test_a_dialog_without_its_own_field_names_shows_the_field_in_chinese(
        qtbot: QtBot, sqlite_store: OpenStore, chinese: None) -> None:
    with sqlite_store.database.session_scope() as session:
        office.create_office(session, "昆明调解中心", "云知调")
        admin = users.create_first_admin(session, "admin", "admin-password-1", "赵文")
        users.add_user(session, admin, "lihua", frozenset({Role.MEDIATOR}), "mediator-password-1", "李华")
    mediator = users.sign_in(sqlite_store.database, "lihua", "mediator-password-1")

    def apply(kind: cases.MatterKind, case_type: str, title: str) -> object:
        def open_case() -> cases.CaseInfo:
            with sqlite_store.database.session_scope() as session:
                return cases.open_case(session, mediator, case_type, title, kind=kind)
        return open_case

    dialog = CaseDialog(apply)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title_edit.setText("某某商标\u202e侵权纠纷")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: bool(dialog.message.text()), timeout=10_000)
    assert dialog.message.text() == \
        "“案件名称”的第 5 个字符是控制字符或文字方向字符（U+202E）；请删除后重试。"
    assert dialog.case is None


def test_field_values_are_readable_words() -> None:
    for field in Field:
        assert field.label and "_" not in field.label, field
