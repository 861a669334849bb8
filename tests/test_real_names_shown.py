"""People by real name where the window used to show login names: the Evidence table's Sealed by column,
the Ledger page's user filter, a key's holder in a subject, the checkpoint's signer and an entry's user,
as 李华（lihua） in Chinese; the real names read in one query per load, never one per row; the ledger
keeps the login names it records."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from desktop.core.cases import matters as cases
from desktop.core.evidence import intake, seals
from desktop.core.evidence.acquisition import Acquisition
from desktop.core.office import office
from desktop.core.storage.store import OpenStore
from desktop.core.trust import checkpoints, ledger, signing_keys, users
from desktop.core.trust.permissions import Role
from desktop.core.trust.sign_in import SignedInUser
from desktop.core.trust.subjects import SubjectKind, describe_subjects
from desktop.ui.evidence.page import SEALED_BY, EvidencePage
from desktop.ui.framework.i18n import install_translator, remove_translators
from desktop.ui.ledger.page import LedgerPage
from tests.qt_helpers import settled

PASSWORD = "notary-password-1"
ITEMS = 12  # enough rows that a query per row would show in the count


@dataclass(frozen=True, slots=True)
class Desk:
    store: OpenStore
    lihua: SignedInUser
    wangfang: SignedInUser
    case_number: str
    fingerprints: dict[str, str]


def _make(store: OpenStore, folder: Path) -> Desk:
    with store.database.session_scope() as session:
        office.create_office(session, "昆明调解中心", "云知调")
        admin = users.create_first_admin(session, "admin", "admin-password-1", "赵文")
        users.add_user(session, admin, "lihua", frozenset({Role.NOTARY}), PASSWORD, "李华")
        users.add_user(session, admin, "wangfang", frozenset({Role.NOTARY}), PASSWORD, "王芳")
    signed_in: dict[str, SignedInUser] = {}
    fingerprints: dict[str, str] = {}
    for name in ("lihua", "wangfang"):
        actor = users.sign_in(store.database, name, PASSWORD)
        with store.database.session_scope() as session:
            fingerprints[name] = signing_keys.new_key(session, actor, PASSWORD).fingerprint
        with store.database.session_scope() as session:
            signed_in[name] = SignedInUser(actor, signing_keys.unlock(session, actor, PASSWORD))
    lihua, wangfang = signed_in["lihua"], signed_in["wangfang"]
    with store.database.session_scope() as session:
        number = cases.open_case(session, lihua.actor, "trademark", "某某商标侵权纠纷").number
    folder.mkdir()
    paths = []
    for index in range(ITEMS):
        path = folder / f"截图{index:02d}.png"
        path.write_bytes(f"bytes of screenshot {index}".encode())
        paths.append(path)
    report = intake.ingest_files(store.database, store.vault, lihua.actor, number, paths,
                                 Acquisition("upload"), seal_with=lihua.key)
    assert not report.failures
    with store.database.session_scope() as session:
        assert wangfang.key is not None
        seals.seal_items(session, wangfang.actor, wangfang.key, [report.items[0].id])  # a second seal
        assert lihua.key is not None
        checkpoints.sign_checkpoint(session, lihua.actor, lihua.key)
    return Desk(store, lihua, wangfang, number, fingerprints)


@pytest.fixture
def desk(store: OpenStore, tmp_path: Path) -> Desk:
    return _make(store, tmp_path / "in")


@pytest.fixture
def sqlite_desk(sqlite_store: OpenStore, tmp_path: Path) -> Desk:
    return _make(sqlite_store, tmp_path / "in")


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    locale = QLocale()
    assert install_translator(qapp, "zh_CN") is not None
    yield
    remove_translators(qapp, locale)


class Queries:
    """The SELECTs that read real names while it is listening."""

    def __init__(self, store: OpenStore) -> None:
        self.engine = store.database.engine
        self.statements: list[str] = []

    def _count(self, *args: object) -> None:
        statement = str(args[2])
        if statement.lstrip().upper().startswith("SELECT") and "real_name" in statement:
            self.statements.append(statement)

    def __enter__(self) -> Queries:
        event.listen(self.engine, "before_cursor_execute", self._count)
        return self

    def __exit__(self, *exc: object) -> None:
        event.remove(self.engine, "before_cursor_execute", self._count)


def test_a_key_subject_names_its_holder_by_real_name(desk: Desk) -> None:
    subjects = [f"key:{fingerprint}" for fingerprint in desk.fingerprints.values()]
    subjects += ["key:0000", "user:lihua"]
    with Queries(desk.store) as queries, desk.store.database.session_scope() as session:
        described = describe_subjects(session, subjects)
    assert len(queries.statements) == 2  # one for the keys' holders, one for the users
    lihua = described[f"key:{desk.fingerprints['lihua']}"]
    assert (lihua.kind, lihua.name, lihua.real_name, lihua.found) == (SubjectKind.KEY, "lihua", "李华", True)
    assert described[f"key:{desk.fingerprints['wangfang']}"].real_name == "王芳"
    assert (described["key:0000"].name, described["key:0000"].real_name) == ("", "")
    assert described["user:lihua"].real_name == "李华"


def test_the_sealed_by_column_names_people_in_chinese(qtbot: QtBot, sqlite_desk: Desk, chinese: None) -> None:
    desk = sqlite_desk
    page = EvidencePage(desk.store, desk.lihua)
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    settled(qtbot, page)
    assert page.model.headers[SEALED_BY] == "签章人"
    sealed_by = [page.model.index(row, SEALED_BY).data() for row in range(page.model.rowCount())]
    assert sealed_by[0] == "李华（lihua）、王芳（wangfang）"
    assert sealed_by[1:] == ["李华（lihua）"] * (ITEMS - 1)
    with Queries(desk.store) as queries:
        op = page.reload_items()
        assert op is not None
        qtbot.waitUntil(lambda: page.items_op is None, timeout=20_000)
    # One query for every row's people (and the current item's custody trail its own, read again as the
    # selection comes back): never one per row.
    assert len(queries.statements) <= 3 < ITEMS
    with desk.store.database.session_scope() as session:
        sealed = [entry.actor for entry in ledger.newest_entries(session, ledger.EntryFilter(), None, 500)
                  if entry.kind == "evidence.sealed"]
    assert set(sealed) == {"lihua", "wangfang"}  # the ledger records login names


def test_the_ledger_page_names_people_in_chinese(qtbot: QtBot, sqlite_desk: Desk, chinese: None) -> None:
    desk = sqlite_desk
    with Queries(desk.store) as queries:
        page = LedgerPage(desk.store, desk.lihua)
        qtbot.addWidget(page)
        page.resize(1024, 640)
        page.show()
        settled(qtbot, page)
    # The first page's actors, its subjects' users and keys' holders, the filter's users and the signer:
    # a fixed few queries however many entries the page holds.
    assert page.model.rowCount() > 2 * ITEMS and len(queries.statements) <= 4, queries.statements
    combo = page.user_combo
    choices = {combo.itemData(row): combo.itemText(row) for row in range(2, combo.count())}
    assert choices == {"admin": "赵文（admin）", "lihua": "李华（lihua）", "wangfang": "王芳（wangfang）"}
    combo.setCurrentIndex(combo.findData("wangfang"))  # the filter matches the login name
    settled(qtbot, page)
    assert {entry.actor for entry in page.model.rows} == {"wangfang"}
    assert {page.model.index(row, 2).data() for row in range(page.model.rowCount())} == {"王芳（wangfang）"}
    combo.setCurrentIndex(0)
    settled(qtbot, page)
    subjects = [page.model.index(row, 4).data() for row in range(page.model.rowCount())]
    assert f"签名密钥 {desk.fingerprints['lihua'][:8]}…，持有人 李华（lihua）" in subjects
    assert f"签名密钥 {desk.fingerprints['wangfang'][:8]}…，持有人 王芳（wangfang）" in subjects
    assert "由 李华（lihua） 于" in page.checkpoint_label.text()
    row = next(row for row, entry in enumerate(page.model.rows) if entry.actor == "wangfang")
    dialog = page.show_entry(row)
    assert dialog is not None
    assert dialog.fields["用户"].text() == "王芳（wangfang）"
    dialog.close()
