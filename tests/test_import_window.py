"""The Import Package… dialog (desktop/ui/exchange/import_dialog.py) driven from a case's evidence page
(pytest-qt, SQLite): a notary office's package imports on a worker and its items appear in the case's
evidence with their origin; a tampered package shows its findings and imports nothing."""

from __future__ import annotations

import zipfile
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.core.exchange import package_layout as layout
from desktop.core.exchange.verify_package import Code
from desktop.core.storage.store import OpenStore
from desktop.core.trust.sign_in import SignedInUser
from desktop.ui.evidence.page import NAME, SEALED_BY, EvidencePage
from desktop.ui.exchange.import_dialog import ImportDialog
from tests.qt_helpers import settled
from tests.sitting_hall import Hall
from tests.test_import import make_office_a_package


def _run(qtbot: QtBot, dialog: ImportDialog, package: Path) -> None:
    dialog.file_edit.setText(str(package))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.op is None and dialog.import_button.isEnabled(), timeout=30_000)


def test_a_package_imports_from_the_case_and_a_tampered_one_shows_its_findings(
        qtbot: QtBot, sqlite_store: OpenStore, sqlite_template: Path, tmp_path: Path) -> None:
    office_a = make_office_a_package(sqlite_template, tmp_path / "a")
    hall = Hall(sqlite_store)
    page = EvidencePage(sqlite_store, SignedInUser(hall.lihua, hall.key), case_number=hall.number)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    qtbot.waitExposed(page)
    settled(qtbot, page)
    assert page.import_action.isEnabled() and page.model.rows == []

    # A tampered copy first: findings shown, nothing imported.
    origin_id, name = next(iter(office_a.items.items()))
    payload = layout.evidence_file(origin_id, name)
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(office_a.package) as source, zipfile.ZipFile(tampered, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info.filename, data + b"!" if info.filename.endswith(payload) else data)
    page.import_action.trigger()
    dialog = page.dialog
    assert isinstance(dialog, ImportDialog)
    assert dialog.case_combo.currentData() == hall.number and not dialog.case_combo.isEnabled()  # preset
    _run(qtbot, dialog, tampered)
    assert dialog.report is not None and dialog.report.refused
    assert dialog.results.topLevelItemCount() == len(dialog.report.findings) > 0
    shown = {dialog.results.topLevelItem(row).text(0) for row in range(dialog.results.topLevelItemCount())}
    assert Code.RECORD_SHA256.label in shown and dialog.error.isVisible()  # named in words, not by code
    settled(qtbot, page)
    assert page.model.rows == []

    # Cancelled at once: nothing imported, the dialog says so.
    dialog.file_edit.setText(str(office_a.package))
    op = dialog.start_import()
    assert op is not None and dialog.cancel_button.isVisible()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.op is None and dialog.import_button.isEnabled(), timeout=30_000)
    assert dialog.report is not None and dialog.report.refused  # still the tampered one's report
    assert "cancelled" in dialog.status.text()
    settled(qtbot, page)
    assert page.model.rows == []

    # The package as sent: imported, listed in the case with its origin.
    _run(qtbot, dialog, office_a.package)
    report = dialog.report
    assert report is not None and not report.refused and len(report.items) == len(office_a.items)
    assert dialog.results.topLevelItemCount() == len(office_a.items)
    assert "昆明公证处" in dialog.status.text()
    qtbot.waitUntil(lambda: len(page.model.rows) == len(office_a.items) and not page.loading, timeout=20_000)
    row = page.model.row_of(report.items[0].id)
    assert page.model.index(row, NAME).data() == name
    assert "昆明公证处" in page.model.index(row, SEALED_BY).data()
    page.table.selectRow(row)
    page.table.setCurrentIndex(page.model.index(row, NAME))
    text = page.facts.origin.text()
    assert "昆明公证处" in text and "lihua" in text and "verified" in text
    dialog.reject()
