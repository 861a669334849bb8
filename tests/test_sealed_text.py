"""Free text that goes into a sealed record passes one validator (control characters, NUL and bidi
overrides refused with the field named, NFC, over-limit refused, never cut), and the closed vocabularies
of source kinds and case types."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest

from db import models
from desktop.core.cases import matters
from desktop.core.cases.matters import CaseType
from desktop.core.errors import InvalidInput
from desktop.core.evidence import intake, preservation
from desktop.core.evidence.acquisition import NOTE_MAX, TEXT_FIELD_MAX, Acquisition, SourceKind
from desktop.core.evidence.acquisition import validate_acquisition as check
from desktop.core.office import office
from desktop.core.storage.store import OpenStore
from desktop.core.trust import signing_keys, users
from desktop.core.trust.permissions import Role
from desktop.core.trust.sign_in import SignedInUser, sign_in_user

RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: "王芳\u202eevil" displays reversed after the override
PASSWORD = "notary-password-1"
DECOMPOSED = "Cafe\u0301"  # "Café" in NFD


# --- acquisition data --------------------------------------------------------------------------------
@pytest.mark.parametrize(("field", "value"), [
    ("acquired_by", f"张三{RLO}evil"),
    ("acquired_by", "张三\x00"),
    ("acquired_by", "张三\n李四"),
    ("device", f"Chrome{RLO}131"),
    ("device", "Chrome\u2066131"),
    ("note", "首页截图\x00"),
    ("note", f"首页截图{RLO}"),
    ("note", "tab\tinside"),
    ("url", f"https://example.com/{RLO}gpj.exe"),
])
def test_acquisition_text_with_controls_is_refused_naming_the_field(field: str, value: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        check(replace(Acquisition("upload"), **{field: value}))
    assert refused.value.fields["field"] == field


@pytest.mark.parametrize(("field", "limit"), [("acquired_by", TEXT_FIELD_MAX), ("device", TEXT_FIELD_MAX),
                                              ("note", NOTE_MAX)])
def test_acquisition_text_over_its_limit_is_refused_not_cut(field: str, limit: int) -> None:
    assert getattr(check(replace(Acquisition("upload"), **{field: "字" * limit})), field) == "字" * limit
    with pytest.raises(InvalidInput) as refused:
        check(replace(Acquisition("upload"), **{field: "字" * (limit + 1)}))
    assert refused.value.fields["field"] == field


def test_acquisition_text_is_normalised_and_a_note_may_have_lines() -> None:
    clean = check(Acquisition("photo", acquired_by=DECOMPOSED, device=f" {DECOMPOSED} ",
                              note="第一行\r\n第二行"))
    assert clean.acquired_by == clean.device == unicodedata.normalize("NFC", DECOMPOSED) == "Café"
    assert clean.note == "第一行\n第二行"


def test_source_kinds_are_a_vocabulary_with_the_stored_values() -> None:
    assert [str(kind) for kind in SourceKind] == ["upload", "web-capture", "photo", "audio", "video",
                                                  "screen-recording", "document", "scan", "other"]
    assert SourceKind.UPLOAD.label == "Submitted by a party"
    assert check(Acquisition("Screen_Recording")).source_kind == SourceKind.SCREEN_RECORDING
    with pytest.raises(InvalidInput) as refused:
        check(Acquisition("telepathy"))
    assert refused.value.fields["field"] == "source"


# --- case titles ---------------------------------------------------------------------------------------
def test_case_types_are_a_vocabulary_agreeing_with_the_database() -> None:
    assert tuple(str(kind) for kind in CaseType) == models.CASE_TYPES
    assert all(kind.label for kind in CaseType)
    assert matters.validate_case_type("Trade_Secret") == CaseType.TRADE_SECRET


@pytest.mark.parametrize("title", [f"商标{RLO}侵权", "商标\x00侵权", "商标\n侵权", "", "  ",
                                   "字" * (matters.TITLE_MAX + 1)])
def test_bad_case_titles_are_refused_naming_the_field(title: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        matters.validate_title(title)
    assert refused.value.fields["field"] == "title"


def test_case_titles_are_normalised() -> None:
    assert matters.validate_title(f" {DECOMPOSED} 商标 ") == "Café 商标"


# --- preservation records ------------------------------------------------------------------------------
@pytest.fixture
def notary(store: OpenStore, tmp_path: Path) -> tuple[OpenStore, SignedInUser, str, int]:
    with store.database.session_scope() as session:
        office.create_office(session, "昆明公证处", "云知调")
        admin = users.create_first_admin(session, "admin", "admin-password-1", "张伟")
        users.add_user(session, admin, "lihua", frozenset({Role.NOTARY}), PASSWORD, "李华")
    actor = users.sign_in(store.database, "lihua", PASSWORD)
    with store.database.session_scope() as session:
        signing_keys.new_key(session, actor, PASSWORD)
        case = matters.open_case(session, actor, "copyright", "某图片著作权纠纷").number
    signed_in = sign_in_user(store.database, "lihua", PASSWORD)
    (tmp_path / "a.txt").write_bytes(b"page")
    report = intake.ingest_files(store.database, store.vault, signed_in.actor, case, [tmp_path / "a.txt"])
    return store, signed_in, case, report.items[0].id


def _given(item: int, **changes: object) -> preservation.PreservationInput:
    given = preservation.PreservationInput((item,), "公证处第二取证室", "某科技有限公司", "李华",
                                           "1. 清除缓存；\n2. 打开网页。", "ThinkPad\n录屏软件", ("王芳",))
    return replace(given, **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(("field", "changes"), [
    ("witnesses", {"witnesses": ("王芳", f"李{RLO}四")}),
    ("witnesses", {"witnesses": ("王芳\x00",)}),
    ("witnesses", {"witnesses": ("王\n芳",)}),
    ("place", {"place": f"公证处{RLO}"}),
    ("place", {"place": "公证处\n二楼"}),
    ("applicant", {"applicant": "某公司\u2067"}),
    ("operator", {"operator": "李华\x1b[2J"}),
    ("steps", {"steps": f"打开网页{RLO}"}),
    ("steps", {"steps": "打开网页\x00"}),
    ("devices", {"devices": "ThinkPad\u202d"}),
    ("place", {"place": "字" * (preservation.TEXT_FIELD_MAX + 1)}),
    ("steps", {"steps": "字" * (preservation.NOTE_MAX + 1)}),
])
def test_preservation_text_is_checked_before_anything_is_sealed(
        notary: tuple[OpenStore, SignedInUser, str, int], field: str, changes: dict[str, object]) -> None:
    store, signed_in, case, item = notary
    assert signed_in.key is not None
    with pytest.raises(InvalidInput) as refused, store.database.session_scope() as session:
        preservation.create_record(session, signed_in.actor, signed_in.key, case, _given(item, **changes))
    assert refused.value.fields["field"] == field
    with store.database.session_scope() as session:
        assert preservation.list_records(session, case) == []


def test_preservation_text_is_sealed_in_nfc_with_its_lines(notary: tuple[OpenStore, SignedInUser, str, int]
                                                          ) -> None:
    store, signed_in, case, item = notary
    assert signed_in.key is not None
    with store.database.session_scope() as session:
        info = preservation.create_record(session, signed_in.actor, signed_in.key, case,
                                          _given(item, witnesses=(DECOMPOSED, " 王芳 "), place=DECOMPOSED,
                                                 steps="第一步\r\n第二步"))
    acquisition = info.record["acquisition"]
    assert isinstance(acquisition, dict)
    assert acquisition["witnesses"] == ["Café", "王芳"] and acquisition["place"] == "Café"
    assert acquisition["steps"] == "第一步\n第二步" and acquisition["devices"] == "ThinkPad\n录屏软件"
    assert json.dumps(info.record, ensure_ascii=False).count("\u0301") == 0


def test_command_line_help_names_every_kind() -> None:
    from desktop.cli.commands.cases import CASE_TYPE_HELP
    from desktop.cli.commands.evidence import SOURCE_HELP

    assert all(kind.value in CASE_TYPE_HELP for kind in CaseType)
    assert all(kind.value in SOURCE_HELP for kind in SourceKind)


def test_the_refused_characters_are_exactly_controls_surrogates_and_bidi_controls() -> None:
    import unicodedata

    from desktop.core.text import BIDI_CONTROLS, _refused_at

    for code in [*range(0x3000), *range(0xD700, 0xE100), 0xFEFF, 0xFFFF, 0x1F600, 0xE0001, 0x10FFFF]:
        char = chr(code)
        refused = char in BIDI_CONTROLS or unicodedata.category(char) in ("Cc", "Cs")
        assert (_refused_at(f"ab{char}", False) == 2) is refused, hex(code)
        assert (_refused_at(f"ab{char}", True) == 2) is (refused and char != "\n"), hex(code)
