"""Settings, the error hierarchy, the unit of work, logging and the office rules (no Qt)."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from db.models import AppMeta, Office, utc_now
from desktop.config import Settings, load_settings
from desktop.core.errors import (
    Cancelled,
    IntegrityError,
    InvalidInput,
    MedisealError,
    NotAllowed,
    NotFound,
)
from desktop.core.office import office
from desktop.core.storage.logs import LOG_FILE_NAME
from desktop.core.storage.store import OpenStore
from tests.concurrency import run_concurrently


def test_settings_precedence(tmp_path: Path) -> None:
    environ = {"MEDISEAL_DATA_DIR": str(tmp_path / "env"), "MEDISEAL_DATABASE_URL": "postgresql://x/y",
               "MEDISEAL_LANG": "zh_CN"}
    from_env = load_settings({}, environ)
    assert from_env == Settings(tmp_path / "env", "postgresql://x/y", "zh_CN")
    from_cli = load_settings({"data_dir": str(tmp_path / "cli"), "lang": "en"}, environ)
    assert from_cli.data_dir == tmp_path / "cli" and from_cli.lang == "en"
    default = load_settings({}, {})
    assert default.data_dir.name == "Mediseal" and default.database_url is None and default.lang is None


def test_error_hierarchy_carries_fields() -> None:
    for kind in (NotAllowed, NotFound, InvalidInput, IntegrityError):
        error = kind("Item {item} differs in {field}.", item=7, field="sha256")
        assert isinstance(error, MedisealError)
        assert error.message == str(error) == "Item 7 differs in sha256."
        assert error.fields == {"item": 7, "field": "sha256"}
    assert isinstance(Cancelled(), MedisealError)


def test_session_scope_commits_or_rolls_back(store: OpenStore) -> None:
    with store.database.session_scope() as session:
        session.add(AppMeta(key="probe", value="kept", updated_at=utc_now()))
    with pytest.raises(RuntimeError), store.database.session_scope() as session:
        session.add(AppMeta(key="lost", value="rolled back", updated_at=utc_now()))
        session.flush()
        raise RuntimeError("fails mid-way")
    with store.database.session_scope() as session:
        keys = set(session.scalars(select(AppMeta.key)))
        row = session.get(AppMeta, "probe")
    assert "probe" in keys and "lost" not in keys
    assert row.updated_at.tzinfo is not None and row.updated_at.utcoffset().total_seconds() == 0


def test_sessions_on_other_threads(store: OpenStore) -> None:
    def work(n: int) -> None:
        with store.database.session_scope() as session:
            session.add(AppMeta(key=f"thread-{n}", value=str(n), updated_at=utc_now()))

    run_concurrently(work, range(4))
    with store.database.session_scope() as session:
        assert len(list(session.scalars(select(AppMeta).where(AppMeta.key.like("thread-%"))))) == 4


def test_naive_datetimes_are_refused(store: OpenStore) -> None:
    with pytest.raises(Exception, match="naive datetime"), store.database.session_scope() as session:
        session.add(AppMeta(key="naive", value="x", updated_at=datetime(2026, 1, 1)))
        session.flush()


def test_log_goes_to_the_data_folder(store: OpenStore) -> None:
    logging.getLogger("mediseal.test").warning("a line for the log: 调解")
    assert store.log_file == store.folder.logs / LOG_FILE_NAME
    assert "a line for the log: 调解" in store.log_file.read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "prefix"), [("昆明调解中心", "云知调"), ("  Spaces trimmed  ", " 滇 ")])
def test_valid_offices(name: str, prefix: str) -> None:
    info = office.validate_office(name, prefix)
    assert info.name == name.strip() and info.case_number_prefix == prefix.strip()


@pytest.mark.parametrize(("name", "prefix", "field"), [
    ("", "云知调", "name"), ("x" * 201, "云知调", "name"), ("a\tb", "云知调", "name"),
    ("Office", "", "prefix"), ("Office", "云2", "prefix"), ("Office", "云（知）", "prefix"),
    ("Office", "第", "prefix"), ("Office", "x" * 17, "prefix"),
])
def test_invalid_offices_name_the_field(name: str, prefix: str, field: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        office.validate_office(name, prefix)
    assert caught.value.fields["field"] == field


def test_office_is_recorded_once(store: OpenStore) -> None:
    with store.database.session_scope() as session:
        assert office.get_office(session) is None
        office.create_office(session, "玉溪调解中心", "云玉调")
    with pytest.raises(NotAllowed), store.database.session_scope() as session:
        office.create_office(session, "Other", "其他")
    with store.database.session_scope() as session:
        rows = list(session.scalars(select(Office)))
    assert [(row.name, row.case_number_prefix) for row in rows] == [("玉溪调解中心", "云玉调")]


def test_case_number_format() -> None:
    assert office.format_case_number("云知调", 2026, 1) == "\uff082026\uff09云知调字第0001号"  # （2026）
    assert office.format_case_number("云知调", 2027, 12345) == "（2027）云知调字第12345号"
    assert office.case_number_forms(" (2026)云知调字第0001号 ") == ["(2026)云知调字第0001号",
                                                                 "（2026）云知调字第0001号"]
    assert office.case_number_forms("（2026）云知调字第0001号") == ["（2026）云知调字第0001号",
                                                                "(2026)云知调字第0001号"]
    assert office.case_number_forms("云知调字第0001号") == ["云知调字第0001号"]
