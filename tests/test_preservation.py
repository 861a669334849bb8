"""Preservation records (保全证据记录) in core: a correction carries its reason, sealed in the record
(version 2); records sealed before (version 1, no reason) still verify; on SQLite and PostgreSQL, through
the service and the command line."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from db.models import PreservationRecord
from desktop.cli import EXIT_OK, EXIT_USAGE, run
from desktop.core.cases import matters as cases
from desktop.core.errors import InvalidInput
from desktop.core.evidence import intake, preservation
from desktop.core.evidence.acquisition import Acquisition
from desktop.core.integrity.canonical import canonical_bytes, format_time
from desktop.core.office import office
from desktop.core.storage.store import OpenStore
from desktop.core.trust import ledger, signing_keys, users
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Actor, Role
from desktop.core.trust.signing_keys import UnlockedKey
from desktop.core.verification.store import verify_store
from tests.cli_env import point_cli_at

NOTARY_PASSWORD = "notary-password-1"


class Desk:
    """An office, a notary with a key, a case with two items and one preservation record."""

    def __init__(self, store: OpenStore, tmp_path: Path) -> None:
        self.store = store
        database = store.database
        with database.session_scope() as session:
            office.create_office(session, "昆明公证处", "云知调")
            admin = users.create_first_admin(session, "admin", "admin-password-1", "赵文")
            users.add_user(session, admin, "lihua", frozenset({Role.NOTARY}), NOTARY_PASSWORD, "李华")
        self.notary: Actor = users.sign_in(database, "lihua", NOTARY_PASSWORD)
        with database.session_scope() as session:
            signing_keys.new_key(session, self.notary, NOTARY_PASSWORD)
        with database.session_scope() as session:
            self.key: UnlockedKey = signing_keys.unlock(session, self.notary, NOTARY_PASSWORD)
            self.case = cases.open_case(session, self.notary, "copyright", "某图片著作权纠纷").number
        folder = tmp_path / "in"
        folder.mkdir()
        (folder / "网页截图.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(40))
        (folder / "录屏.mp4").write_bytes(b"\x00" * 300)
        report = intake.ingest_files(database, store.vault, self.notary, self.case, [folder], Acquisition())
        self.items = tuple(int(info.id) for info in report.items)
        self.original = self.create(given())

    def create(self, record: preservation.PreservationInput) -> preservation.PreservationInfo:
        with self.store.database.session_scope() as session:
            return preservation.create_record(session, self.notary, self.key, self.case, record)

    def findings(self) -> list[tuple[str, int | None]]:
        with self.store.database.session_scope() as session:
            report = verify_store(session, self.store.vault, None)
        return [(finding.code, finding.record) for finding in report.errors]

    def seal_by_hand(self, record: dict[str, object], supersedes: int | None) -> int:
        """Seal ``record`` as another writer would (an earlier release): its row, signature and ledger
        entry, with no check of its form."""
        sealed_at = datetime.now(UTC)
        with self.store.database.session_scope() as session:
            ledger.lock(session)
            case = cases.find_case(session, self.case)
            record_id = int(record["id"])  # type: ignore[call-overload]
            record = {**record, "case": case.number, "notary": self.notary.name,
                      "certificate_sha256": self.key.fingerprint, "time": format_time(sealed_at)}
            canonical = canonical_bytes(record)
            digest = hashlib.sha256(canonical).hexdigest()
            session.add(PreservationRecord(id=record_id, case_id=case.id, supersedes_id=supersedes,
                                           canonical=canonical.decode("utf-8"), record_sha256=digest,
                                           key_id=self.key.key_id, signer=self.notary.name,
                                           sealed_at=sealed_at, signature=self.key.sign(canonical)))
            session.flush()
            ledger.append(session, self.notary.name, EventKind.PRESERVATION_SEALED,
                          preservation.subject(record_id), digest)
        return record_id


def given(items: tuple[int, ...] = (1,), supersedes: int | None = None,
          reason: str = "") -> preservation.PreservationInput:
    return preservation.PreservationInput(items, "昆明市五华区公证处第二取证室", "某科技有限公司", "李华",
                                          "1. 清除浏览器缓存；2. 打开网页；3. 录屏。", "笔记本电脑",
                                          ("王芳", "张三"), supersedes=supersedes, reason=reason)


@pytest.fixture
def desk(store: OpenStore, tmp_path: Path) -> Desk:
    return Desk(store, tmp_path)


def test_a_correction_needs_its_reason(desk: Desk) -> None:
    for reason in ("", "   \n "):
        with pytest.raises(InvalidInput, match="required") as refused:
            desk.create(given(desk.items, desk.original.id, reason))
        assert refused.value.fields["field"] == "reason"
    for reason in ("地点\x00写错", "地点\u202e写错"):
        with pytest.raises(InvalidInput, match="control or text-direction") as refused:
            desk.create(given(desk.items, desk.original.id, reason))
        assert refused.value.fields["field"] == "reason"
    with pytest.raises(InvalidInput, match="at most 1000") as refused:
        desk.create(given(desk.items, desk.original.id, "长" * 1001))
    with pytest.raises(InvalidInput, match="only when a record corrects another") as refused:
        desk.create(given(desk.items, None, "无可更正"))
    assert refused.value.fields["field"] == "reason"
    assert desk.findings() == []


def test_the_reason_is_sealed_in_the_correction(desk: Desk) -> None:
    assert desk.original.record["version"] == 2 and desk.original.record["supersedes"] is None
    assert desk.original.reason == ""
    typed = "  取证地点写错：应为第一取证室。\n另补一项证据。 "
    correction = desk.create(given(desk.items, desk.original.id, typed))
    assert correction.record["version"] == 2
    assert correction.record["supersedes"] == {"id": desk.original.id,
                                               "record_sha256": desk.original.record_sha256,
                                               "reason": "取证地点写错：应为第一取证室。\n另补一项证据。"}
    assert correction.reason == "取证地点写错：应为第一取证室。\n另补一项证据。"
    with desk.store.database.session_scope() as session:
        listed = preservation.list_records(session, desk.case)
        row = session.get(PreservationRecord, correction.id)
        assert row is not None
        sealed = row.canonical.encode("utf-8")
    assert [record.reason for record in listed] == ["", correction.reason]
    assert "取证地点写错".encode() in sealed  # in the signed bytes, not beside them
    assert hashlib.sha256(sealed).hexdigest() == correction.record_sha256
    assert desk.findings() == []


def test_a_version_1_correction_without_a_reason_still_verifies(desk: Desk) -> None:
    old_form = {key: value for key, value in desk.original.record.items()}
    old_form.update({"version": 1, "id": desk.original.id + 1,
                     "supersedes": {"id": desk.original.id, "record_sha256": desk.original.record_sha256}})
    record_id = desk.seal_by_hand(old_form, desk.original.id)
    assert desk.findings() == []
    with desk.store.database.session_scope() as session:
        listed = preservation.list_records(session, desk.case)
    assert [(record.id, record.supersedes, record.superseded_by, record.reason) for record in listed] == [
        (desk.original.id, None, record_id, ""), (record_id, desk.original.id, None, "")]


def test_a_version_2_correction_without_a_reason_is_malformed(desk: Desk) -> None:
    form = {key: value for key, value in desk.original.record.items()}
    form.update({"id": desk.original.id + 1,
                 "supersedes": {"id": desk.original.id, "record_sha256": desk.original.record_sha256}})
    record_id = desk.seal_by_hand(form, desk.original.id)
    assert desk.findings() == [("record-malformed", record_id)]


def test_an_unknown_record_version_is_malformed(desk: Desk) -> None:
    form = {**desk.original.record, "id": desk.original.id + 1, "version": 3}
    record_id = desk.seal_by_hand(form, None)
    assert desk.findings() == [("record-malformed", record_id)]


def test_command_line_correction_takes_its_reason(desk: Desk, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    point_cli_at(monkeypatch, desk.store, "lihua", NOTARY_PASSWORD)
    arguments = ["preservation", "new", "--case", desk.case, "--item", str(desk.items[0]),
                 "--place", "第一取证室", "--applicant", "某科技有限公司", "--operator", "李华",
                 "--steps", "录屏",
                 "--corrects", str(desk.original.id)]
    assert run(arguments) == EXIT_USAGE
    assert "The field Reason is required." in capsys.readouterr().err  # the field by its English name
    assert run([*arguments, "--reason", "地点写错", "--json"]) == EXIT_OK
    assert '"reason": "地点写错"' in capsys.readouterr().out
    assert desk.findings() == []
