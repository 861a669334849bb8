"""Retake the README's screenshots of the exchange dialogs in Chinese on a 1024×700 screen, from a data
folder built in a temporary folder (never a real one):

    xvfb-run -a -s "-screen 0 1024x700x24" .venv/bin/python docs/screens/make_exchange_screens.py docs/screens

writes export-package.png (a case's court package exported with one item left out, the checkpoint signed
by the export) and verify-package.png (a package whose evidence file was changed after export: 未通过,
with its findings). Each dialog gets a plain title bar, as a window manager would draw it."""

from __future__ import annotations

import sys
import tempfile
import time
import zipfile
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QApplication, QDialog

from desktop.config import Settings
from desktop.core.cases import matters as cases
from desktop.core.evidence import intake
from desktop.core.evidence.acquisition import Acquisition
from desktop.core.office import office
from desktop.core.storage.store import open_store
from desktop.core.trust import signing_keys, users
from desktop.core.trust.permissions import Role
from desktop.core.trust.sign_in import sign_in_user
from desktop.ui.app import application
from desktop.ui.exchange.export_dialog import ExportPackageDialog
from desktop.ui.exchange.verify_package_dialog import VerifyPackageDialog
from desktop.ui.framework.i18n import install_translator
from desktop.ui.main_window import MainWindow

OFFICE = "昆明市知识产权纠纷人民调解委员会"
PASSWORD = "notary-password-1"
TITLE_BAR = 24
TITLE = "昆明某某科技有限公司诉某某电子商务有限公司侵害商标权纠纷"
FILES = (("侵权商品页面截图第一页.png", b"\x89PNG\r\n\x1a\n" + b"x" * 5000),
         ("购买记录.txt", "订单号 123\n".encode() * 50), ("现场录像公证处第二取证室.mp4", b"\x00" * 70000))


def pump(app: QApplication, seconds: float) -> None:
    end = time.time() + seconds
    while time.time() < end:
        app.processEvents()
        time.sleep(0.01)


def wait(app: QApplication, done: object) -> None:
    end = time.time() + 60
    while not done() and time.time() < end:  # type: ignore[operator]
        app.processEvents()
        time.sleep(0.01)


def shot(app: QApplication, dialog: QDialog, path: Path) -> None:
    dialog.move((1024 - dialog.width()) // 2, max(TITLE_BAR, (700 - dialog.height()) // 2))
    pump(app, 0.6)
    picture = app.primaryScreen().grabWindow(0)
    painter = QPainter(picture)
    frame = dialog.frameGeometry()
    bar = QRect(frame.x() - 1, frame.y() - TITLE_BAR, frame.width() + 2, TITLE_BAR)
    painter.fillRect(bar, QColor("#d6d9de"))
    painter.setPen(QColor("#5f6368"))
    painter.drawRect(bar.adjusted(0, 0, -1, frame.height()))
    painter.setPen(QColor("#202124"))
    font = QFont(dialog.font())
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(bar.adjusted(10, 0, -10, 0), int(Qt.AlignmentFlag.AlignVCenter), dialog.windowTitle())
    painter.end()
    picture.save(str(path))
    print("saved", path)


def main(out: Path) -> None:
    app = application()
    install_translator(app, "zh_CN")
    work = Path(tempfile.mkdtemp(prefix="mediseal-screens-"))
    store = open_store(Settings(data_dir=work / "data", database_url=None, lang="zh_CN"))
    with store.database.session_scope() as session:
        office.create_office(session, OFFICE, "云知调")
        admin = users.create_first_admin(session, "admin", "admin-password-1", "赵文")
        users.add_user(session, admin, "lihua", frozenset({Role.NOTARY, Role.MEDIATOR}), PASSWORD, "李华")
    actor = users.sign_in(store.database, "lihua", PASSWORD)
    with store.database.session_scope() as session:
        signing_keys.new_key(session, actor, PASSWORD)
        number = cases.open_case(session, actor, "trademark", TITLE).number
    source = work / "in"
    source.mkdir()
    for name, body in FILES:
        (source / name).write_bytes(body)
    signed = sign_in_user(store.database, "lihua", PASSWORD)
    intake.ingest_files(store.database, store.vault, signed.actor, number, [source], Acquisition("upload"),
                        seal_with=signed.key)
    window = MainWindow(store.folder, store.database_label)
    window.resize(1024, 700)
    window.move(0, 0)
    window.attach(store, OFFICE, signed)
    window.show()
    assert window.cases_page is not None
    workspace = window.cases_page.open_case(number)
    pump(app, 1.0)
    workspace.tabs.setCurrentWidget(workspace.evidence)
    pump(app, 0.5)
    packages = work / "送交法院"
    packages.mkdir()
    dialog = ExportPackageDialog(store, signed, number, window)
    dialog.show()
    wait(app, lambda: not dialog.loading)
    dialog.item_list.item(2).setCheckState(Qt.CheckState.Unchecked)
    dialog.path.setText(str(packages / f"{number}.zip"))
    dialog.export()
    wait(app, lambda: dialog.op is None)
    dialog.password.setText(PASSWORD)
    dialog.export()
    wait(app, lambda: dialog.exported is not None)
    shot(app, dialog, out / "export-package.png")
    dialog.close()
    changed = packages / "收到的证据包.zip"
    with zipfile.ZipFile(packages / f"{number}.zip") as old, zipfile.ZipFile(changed, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            evidence = "/data/evidence/" in info.filename and info.filename.endswith(".png")
            new.writestr(info, b"X" + data[1:] if evidence else data)
    verify = VerifyPackageDialog(window)
    verify.show()
    verify.verify(changed)
    wait(app, lambda: not verify.loading)
    shot(app, verify, out / "verify-package.png")
    verify.close()
    window.ready_to_close = True
    window.close()
    store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
