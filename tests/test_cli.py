"""The command line: version, help, init on both databases, and every bad path (exit 2, nothing touched)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import text

from db import revisions
from db.engine import open_database, sqlite_url
from desktop import __version__
from desktop.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, run
from desktop.config import Settings
from desktop.core.office import office
from desktop.core.storage.datafolder import DATABASE_FILE_NAME
from desktop.core.storage.store import open_store
from desktop.ui.main_window import MainWindow
from desktop.ui.sign_in.dialog import SignInDialog

MEDISEAL = Path(sys.executable).with_name("mediseal")


@pytest.fixture(autouse=True)
def _admin_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDISEAL_NEW_PASSWORD", "first-admin-password")


def _init(data_dir: Path, *extra: str) -> int:
    return run(["init", "--data-dir", str(data_dir), "--office", "昆明市知识产权纠纷人民调解委员会",
                "--prefix", "云知调", "--admin", "admin", "--real-name", "张伟", *extra])


def _use_backend(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    if settings.database_url:
        monkeypatch.setenv("MEDISEAL_DATABASE_URL", settings.database_url)


def test_version_and_help_through_the_console_script(tmp_path: Path) -> None:
    version = subprocess.run([str(MEDISEAL), "--version"], capture_output=True, text=True, timeout=60)
    assert version.returncode == 0
    assert version.stdout.strip() == f"mediseal {__version__}"
    helped = subprocess.run([str(MEDISEAL), "--help"], capture_output=True, text=True, timeout=60)
    assert helped.returncode == 0
    assert "init" in helped.stdout and "--data-dir" in helped.stdout and "Exit codes" in helped.stdout
    init_help = subprocess.run([str(MEDISEAL), "init", "--help"], capture_output=True, text=True, timeout=60)
    assert "--office" in init_help.stdout and "--admin" in init_help.stdout


def test_bad_usage_exits_2_with_one_line(tmp_path: Path) -> None:
    result = subprocess.run([str(MEDISEAL), "--no-such-option"], capture_output=True, text=True, timeout=60,
                            env={**os.environ, "MEDISEAL_DATA_DIR": str(tmp_path / "d")})
    assert result.returncode == EXIT_USAGE
    assert len(result.stderr.strip().splitlines()) == 1
    assert "unrecognized arguments: --no-such-option" in result.stderr
    assert not (tmp_path / "d").exists()


@pytest.mark.parametrize("argv", [
    ["init"],
    ["init", "--office", "X"],
    ["init", "--admin", "a"],
    ["nosuchcommand"],
    ["--lang", "fr"],
])
def test_usage_errors(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert run(argv) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith("mediseal: error: ") and len(err.strip().splitlines()) == 1


def test_init_creates_the_data_folder(empty_settings: Settings, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    _use_backend(empty_settings, monkeypatch)
    assert _init(empty_settings.data_dir) == EXIT_OK
    out = capsys.readouterr().out
    assert re.search(r"（20\d\d）云知调字第0001号", out), out  # full-width brackets
    assert str(empty_settings.data_dir) in out
    for name in ("vault", "logs", "exports"):
        assert (empty_settings.data_dir / name).is_dir()
    assert (empty_settings.data_dir / "logs" / "mediseal.log").read_text(encoding="utf-8")
    assert (empty_settings.data_dir / DATABASE_FILE_NAME).exists() == (empty_settings.database_url is None)
    store = open_store(empty_settings)
    try:
        with store.database.session_scope() as session:
            recorded = office.get_office(session)
        assert recorded == office.OfficeInfo("昆明市知识产权纠纷人民调解委员会", "云知调")
    finally:
        store.close()


def test_init_twice_is_refused_and_keeps_the_office(empty_settings: Settings,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    _use_backend(empty_settings, monkeypatch)
    assert _init(empty_settings.data_dir) == EXIT_OK
    result = run(["init", "--data-dir", str(empty_settings.data_dir), "--office", "Another",
                  "--admin", "b", "--real-name", "李四"])
    assert result == EXIT_REFUSED
    assert "already belongs to the office" in capsys.readouterr().err
    store = open_store(empty_settings)
    try:
        with store.database.session_scope() as session:
            assert office.get_office(session).name == "昆明市知识产权纠纷人民调解委员会"
    finally:
        store.close()


@pytest.mark.parametrize(("field", "value", "message"), [
    ("--office", "   ", "office name is empty"),
    ("--office", "two\nlines", "on one line"),
    ("--prefix", "云 知", "case-number prefix"),
    ("--prefix", "字第", "case-number prefix"),
    ("--prefix", "x" * 17, "case-number prefix"),
    ("--admin", "no spaces allowed", "A user name is"),
])
def test_init_refuses_bad_values_and_creates_nothing(tmp_path: Path, field: str, value: str, message: str,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    values = {"--office": "Office", "--prefix": "云知调", "--admin": "admin", "--real-name": "张伟",
              field: value}
    argv = ["init", "--data-dir", str(tmp_path / "d")] + [x for pair in values.items() for x in pair]
    assert run(argv) == EXIT_USAGE
    assert message in capsys.readouterr().err
    assert not (tmp_path / "d").exists()


def test_data_dir_that_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "afile"
    path.write_text("keep me")
    assert _init(path) == EXIT_USAGE
    assert "is a file, not a folder" in capsys.readouterr().err
    assert path.read_text() == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile"]


def test_data_dir_below_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "afile").write_text("keep me")
    assert _init(tmp_path / "afile" / "data") == EXIT_USAGE
    assert "a file stands in its path" in capsys.readouterr().err


def test_data_dir_that_is_someone_elses_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("private")
    assert _init(tmp_path) == EXIT_USAGE
    assert "not a Mediseal data folder" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


@contextmanager
def _unwritable(folder: Path) -> Iterator[None]:
    """Make ``folder`` unwritable even for root: the immutable attribute (root ignores mode bits)."""
    if os.geteuid() == 0:
        done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"cannot make a folder unwritable for root here: {done.stderr.strip()}")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
    else:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)


@pytest.mark.parametrize("inside", [False, True])
def test_unwritable_data_dir(tmp_path: Path, inside: bool, capsys: pytest.CaptureFixture[str]) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    target = locked / "data" if inside else locked
    with _unwritable(locked):
        assert _init(target) == EXIT_USAGE
    assert "is not writable" in capsys.readouterr().err
    assert list(locked.iterdir()) == []


@contextmanager
def _every_50_ms(action: Callable[[], object]) -> Iterator[None]:
    """Run ``action`` every 50 ms while the window's event loop runs, and never after the block: a
    user's hand that leaves with the test (a chain of single-shot timers outlived its test and accepted
    the next test's message box)."""
    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(action)
    timer.start()
    try:
        yield
    finally:
        timer.stop()


def _accept_message_boxes(texts: list[str] | None = None) -> None:
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    for box in boxes:
        if texts is not None:
            texts.append(box.text())
        box.accept()


def test_newer_schema_exits_2(empty_settings: Settings, monkeypatch: pytest.MonkeyPatch,
                              capsys: pytest.CaptureFixture[str]) -> None:
    _use_backend(empty_settings, monkeypatch)
    assert _init(empty_settings.data_dir) == EXIT_OK
    url = empty_settings.database_url or sqlite_url(empty_settings.data_dir / DATABASE_FILE_NAME)
    database = open_database(url)
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'f00dcafe'"))
    database.dispose()
    capsys.readouterr()
    # SQLite is checked before the window shows; a server's schema once the window is up, with a
    # message box that says so (accepted here as the user would).
    with _every_50_ms(_accept_message_boxes):
        assert run(["--data-dir", str(empty_settings.data_dir)]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "newer Mediseal" in err and "f00dcafe" in err and revisions.head_revision() in err


def test_unreachable_postgres_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("MEDISEAL_DATABASE_URL",
                       f"postgresql+psycopg://nobody:secret@/none?host={tmp_path}&port=1")
    assert _init(tmp_path / "d") == EXIT_USAGE
    err = capsys.readouterr().err
    assert "Cannot reach the database" in err and "secret" not in err


def test_window_with_unreachable_postgres_says_so_and_exits_2(
        qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("MEDISEAL_DATABASE_URL", f"postgresql+psycopg://u@/none?host={tmp_path}&port=1")
    texts: list[str] = []
    with _every_50_ms(lambda: _accept_message_boxes(texts)):
        assert run(["--data-dir", str(tmp_path / "d")]) == EXIT_USAGE
    assert texts and "Cannot reach the database" in texts[0]
    assert "Cannot reach the database" in capsys.readouterr().err
    assert not any(isinstance(w, MainWindow) and w.isVisible() for w in QApplication.topLevelWidgets())


def test_no_command_starts_the_window(qapp: QApplication, empty_settings: Settings,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    _use_backend(empty_settings, monkeypatch)
    assert _init(empty_settings.data_dir) == EXIT_OK
    seen: list[str] = []

    def sign_in_then_close() -> None:
        # As a user would: the sign-in dialog comes up over the window; sign in, look, close.
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, SignInDialog) and w.isVisible()]
        for dialog in dialogs:
            dialog.name_edit.setText("admin")
            dialog.password_edit.setText("first-admin-password")
            dialog.ok_button.click()
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible() and w.signed_in is not None]
        seen.extend(w.windowTitle() for w in windows)
        for window in windows:
            window.close()

    with _every_50_ms(sign_in_then_close):
        assert run(["--data-dir", str(empty_settings.data_dir)]) == EXIT_OK
    assert seen and "昆明市知识产权纠纷人民调解委员会" in seen[0]
