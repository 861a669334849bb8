"""Retake the README's screenshots of the exchange dialogs in Chinese on a 1024×700 screen, from a data
folder built in a temporary folder (never a real one):

    xvfb-run -a -s "-screen 0 1024x700x24" .venv/bin/python docs/screens/make_exchange_screens.py docs/screens

writes export-package.png (a case's court package exported with one item left out, the checkpoint signed
by the export), verify-package.png (a package whose evidence file was changed after export: 未通过,
with its findings), import-package.png (a notary office's package, made in a second data folder,
imported into the mediation case) and imported-evidence.png (the case's evidence with the items' origin),
with make_screens.py's camera (a title bar drawn on each dialog, times as Kunming sees them)."""

from __future__ import annotations

import sys
import tempfile
import zipfile
from pathlib import Path

from make_screens import Camera  # beside this script; it sets the time zone first
from PySide6.QtCore import Qt

from desktop.config import Settings
from desktop.core.cases import matters as cases
from desktop.core.evidence import intake
from desktop.core.evidence.acquisition import Acquisition
from desktop.core.exchange.package import export_package
from desktop.core.office import office
from desktop.core.storage.store import open_store
from desktop.core.trust import signing_keys, users
from desktop.core.trust.permissions import Role
from desktop.core.trust.sign_in import sign_in_user
from desktop.ui.app import application
from desktop.ui.exchange.export_dialog import ExportPackageDialog
from desktop.ui.exchange.import_dialog import ImportDialog
from desktop.ui.exchange.verify_package_dialog import VerifyPackageDialog
from desktop.ui.framework.i18n import install_translator
from desktop.ui.main_window import MainWindow

OFFICE = "昆明市知识产权纠纷人民调解委员会"
PASSWORD = "notary-password-1"
TITLE = "昆明某某科技有限公司诉某某电子商务有限公司侵害商标权纠纷"
FILES = (("侵权商品页面截图第一页.png", b"\x89PNG\r\n\x1a\n" + b"x" * 5000),
         ("购买记录.txt", "订单号 123\n".encode() * 50), ("现场录像公证处第二取证室.mp4", b"\x00" * 70000))


NOTARY_OFFICE = "昆明市明信公证处"


def notary_package(folder: Path, packages: Path) -> Path:
    """A notary office's data folder: notary 周婷 takes in a web page capture and a screen recording,
    seals them, and exports the case's package (the route notarised evidence takes to a committee)."""
    notary_store = open_store(Settings(data_dir=folder / "data", database_url=None, lang="zh_CN"))
    with notary_store.database.session_scope() as session:
        office.create_office(session, NOTARY_OFFICE, "明信证")
        admin = users.create_first_admin(session, "admin", "admin-password-1", "孙敏")
        users.add_user(session, admin, "zhouting", frozenset({Role.NOTARY}), PASSWORD, "周婷")
    actor = users.sign_in(notary_store.database, "zhouting", PASSWORD)
    with notary_store.database.session_scope() as session:
        signing_keys.new_key(session, actor, PASSWORD)
        number = cases.open_case(session, actor, "trademark", "网店销售假冒“滇红”商标茶叶保全证据").number
    source = folder / "in"
    source.mkdir(parents=True)
    for name, body in (("网店商品页面保全截图.png", b"\x89PNG\r\n\x1a\n" + b"n" * 8000),
                       ("购买过程录屏.mp4", b"\x00\x00\x00\x18ftypmp42" + b"v" * 90000)):
        (source / name).write_bytes(body)
    signed = sign_in_user(notary_store.database, "zhouting", PASSWORD)
    intake.ingest_files(notary_store.database, notary_store.vault, signed.actor, number, [source],
                        Acquisition("upload"), seal_with=signed.key)
    out = packages / "明信公证处保全证据包.zip"
    export_package(notary_store.database.session_scope, notary_store.vault, signed.actor, number, out,
                   key=signed.key)
    notary_store.close()
    return out


def main(out: Path) -> None:
    app = application()
    install_translator(app, "zh_CN")
    camera = Camera(app, out, "zh_CN", every=True)
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
    camera.pump(1.0)
    workspace.tabs.setCurrentWidget(workspace.evidence)
    camera.pump(0.5)
    packages = work / "送交法院"
    packages.mkdir()
    dialog = ExportPackageDialog(store, signed, number, window)
    dialog.show()
    camera.wait(lambda: not dialog.loading)
    dialog.item_list.item(2).setCheckState(Qt.CheckState.Unchecked)
    dialog.path.setText(str(packages / f"{number}.zip"))
    dialog.export()
    camera.wait(lambda: dialog.op is None)
    dialog.password.setText(PASSWORD)
    dialog.export()
    camera.wait(lambda: dialog.exported is not None)
    camera.shoot("export-package")
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
    camera.wait(lambda: not verify.loading)
    camera.shoot("verify-package")
    verify.close()
    notarised = notary_package(work / "notary", packages)
    dialog_in = ImportDialog(store, signed.actor, [(number, number)], number, window, fixed=True)
    dialog_in.show()
    dialog_in.file_edit.setText(str(notarised))
    dialog_in.start_import()
    camera.wait(lambda: dialog_in.report is not None)
    camera.shoot("import-package")
    dialog_in.close()
    camera.pump(1.0)
    camera.shoot("imported-evidence")
    window.ready_to_close = True
    window.close()
    store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
