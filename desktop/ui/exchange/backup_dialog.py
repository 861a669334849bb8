"""Back up the data folder (备份, ``mediseal backup``) and restore a backup into a new folder (恢复,
``mediseal restore``), for administrators. A backup runs while the window works (SQLite's online backup),
on a worker with progress and Cancel (a cancel leaves no file), and shows what it holds; for PostgreSQL,
whether ``pg_dump`` was there. A restore never goes into the folder in use: it writes a new or empty folder
the user chooses, after checking the whole archive (a damaged one is refused with its reason and nothing
written), and then says how to open that folder (``mediseal --data-dir DIR``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import MedisealError
from desktop.core.exchange.backup import BackupReport, RestoreReport, backup, restore
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.store import OpenStore
from desktop.ui.exchange.working import (
    ACCEPT,
    ACTION,
    ProgressRow,
    ask_new_zip,
    default_folder,
    open_folder,
    path_row,
    result_label,
)
from desktop.ui.framework.errors import error_label, show_error
from desktop.ui.framework.formatting import human_size
from desktop.ui.framework.i18n import translate_error
from desktop.ui.framework.ops import Op, run_op

translate = QCoreApplication.translate


class _WorkDialog(QDialog):
    """A dialog that runs one op with its progress row, its refusal in the red line, and a result; its
    buttons end with Close."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.op: Op[object] | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.progress = ProgressRow("workProgress")
        self.message = error_label("workMessage")
        self.summary = result_label("workResult")
        self.buttons = QDialogButtonBox()

    def _arrange(self, form: QFormLayout, height: int) -> None:
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(640, height)
        self._update()

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, MedisealError):
            self.message.setText(translate_error(error))
        elif isinstance(error, OSError):
            self.message.setText(translate("BackupDialog", "The file could not be read or written: {reason}")
                                 .format(reason=error.strerror or str(error)))
        else:
            show_error(self, error)

    def _run(self, op: Op[object]) -> Op[object]:
        op.on_failure(self._refused)
        op.finished.connect(self._finished)
        self.progress.track(op)
        self.op = op
        self.message.clear()
        self._update()
        return op.start()

    def _finished(self) -> None:
        self.op = None
        self._update()

    def _update(self) -> None:
        raise NotImplementedError

    def reject(self) -> None:
        """Close; the work under way is cancelled (it leaves nothing behind)."""
        if self.op is not None:
            self.op.cancel()
        super().reject()


class BackupDialog(_WorkDialog):
    """Back up ``store`` into a new zip archive."""

    def __init__(self, store: OpenStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro.setText(self.tr(
            "One archive with the database, every evidence file in the vault, the encrypted signing keys and "
            "the window's settings, with a manifest of every file's SHA-256. Work can go on meanwhile. Keep "
            "the archive somewhere else than this computer."))
        self.setObjectName("backupDialog")
        self.setWindowTitle(self.tr("Back Up the Data Folder"))
        self.store = store
        self.report: BackupReport | None = None
        self.path = QLineEdit(str(default_folder() / f"mediseal-backup-{date.today().isoformat()}.zip"))
        self.path.setObjectName("backupPath")
        self.path.textChanged.connect(self._update)
        self.choose_button = QPushButton(self.tr("C&hoose…"))
        self.choose_button.setObjectName("backupChoose")
        self.choose_button.clicked.connect(self.choose)
        form = QFormLayout()
        form.addRow(self.tr("Save &as:"), path_row(self.path, self.choose_button))
        self.backup_button = self.buttons.addButton(self.tr("&Back Up"), ACCEPT)
        self.backup_button.setObjectName("backupButton")
        self.open_button = self.buttons.addButton(self.tr("&Open Folder"), ACTION)
        self.open_button.setVisible(False)
        self.backup_button.clicked.connect(self.start_backup)
        self.open_button.clicked.connect(lambda: open_folder(Path(self.report.path)) if self.report else None)
        self._arrange(form, 300)

    def choose(self) -> None:
        ask_new_zip(self, self.tr("Save the Backup As"), self.path)

    def _update(self) -> None:
        idle = self.op is None and self.report is None
        self.path.setEnabled(idle)
        self.choose_button.setEnabled(idle)
        self.backup_button.setEnabled(idle and bool(self.path.text().strip()))

    def start_backup(self) -> Op[object] | None:
        if self.op is not None or not self.backup_button.isEnabled():
            return None
        store, out = self.store, Path(self.path.text().strip()).expanduser()

        def task(progress: ProgressFn, cancelled: CancelledFn) -> object:
            return backup(store, out, progress=progress, cancelled=cancelled)

        op: Op[object] = run_op(self, task).as_work(self.tr("Backing up the data folder"))
        op.on_success(self._done)
        return self._run(op)

    def _done(self, report: object) -> None:
        assert isinstance(report, BackupReport)
        self.report = report
        text = self.tr(
            "Backed up into {path}\n{files} files ({size}), {blobs} of them evidence files in the vault; "
            "ledger of {ledger_size} entries, root {root}.").format(
            path=report.path, files=report.files, size=human_size(report.bytes), blobs=report.blobs,
            ledger_size=report.ledger_size, root=report.ledger_root)
        if report.database_kind != "sqlite":
            dumped = self.tr("The PostgreSQL database is in the archive (pg_dump).")
            missing = self.tr("pg_dump was not found: the PostgreSQL database is NOT in the archive. Dump it "
                              "by hand as the archive's database/README.txt says.")
            text += "\n" + (dumped if report.database_dump else missing)
        self.summary.setText(text)
        self.summary.setVisible(True)
        self.open_button.setVisible(True)
        self.backup_button.setVisible(False)
        self._update()


class RestoreDialog(_WorkDialog):
    """Restore a backup archive into a new or empty folder (never the one in use)."""

    def __init__(self, current: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from a Backup"))
        self.current = current
        self.report: RestoreReport | None = None
        self.intro.setText(self.tr(
            "The backup is checked in full first (every file against its manifest); a damaged one is refused "
            "and nothing is written. It is restored into a new or empty folder, never into the data folder "
            "in use; you then open that folder with Mediseal."))
        self.archive = QLineEdit()
        self.archive.setObjectName("restoreArchive")
        self.archive.setPlaceholderText(self.tr("The backup archive (a zip)"))
        self.archive.textChanged.connect(self._update)
        self.archive_button = QPushButton(self.tr("C&hoose…"))
        self.archive_button.setObjectName("restoreChooseArchive")
        self.archive_button.clicked.connect(self.choose_archive)
        self.folder = QLineEdit()
        self.folder.setObjectName("restoreFolder")
        self.folder.setPlaceholderText(self.tr("A new or empty folder"))
        self.folder.textChanged.connect(self._update)
        self.folder_button = QPushButton(self.tr("Ch&oose…"))
        self.folder_button.setObjectName("restoreChooseFolder")
        self.folder_button.clicked.connect(self.choose_folder)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("&Backup:"), path_row(self.archive, self.archive_button))
        form.addRow(self.tr("&Into the folder:"), path_row(self.folder, self.folder_button))
        self.restore_button = self.buttons.addButton(self.tr("&Restore"), ACCEPT)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.clicked.connect(self.start_restore)
        self._arrange(form, 320)

    def choose_archive(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose the Backup to Restore"),
                                                    str(default_folder()),
                                                    self.tr("Zip archives (*.zip);;All files (*)"))
        if name:
            self.archive.setText(name)

    def choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Choose a New or Empty Folder"),
                                                str(default_folder()))
        if name:
            self.folder.setText(name)

    def _target(self) -> Path:
        return Path(self.folder.text().strip()).expanduser().absolute()

    def _update(self) -> None:
        idle = self.op is None and self.report is None
        for widget in (self.archive, self.archive_button, self.folder, self.folder_button):
            widget.setEnabled(idle)
        self.restore_button.setEnabled(idle and bool(self.archive.text().strip())
                                       and bool(self.folder.text().strip()))

    def start_restore(self) -> Op[object] | None:
        if self.op is not None or not self.restore_button.isEnabled():
            return None
        archive, target = Path(self.archive.text().strip()).expanduser(), self._target()
        if self.current is not None and target.resolve() == self.current.resolve():
            self.message.setText(self.tr("That is the data folder in use: choose a new or empty folder."))
            return None

        def task(progress: ProgressFn, cancelled: CancelledFn) -> object:
            return restore(archive, target, progress=progress, cancelled=cancelled)

        op: Op[object] = run_op(self, task).as_work(self.tr("Restoring a backup"))
        op.on_success(self._done)
        return self._run(op)

    def _done(self, report: object) -> None:
        assert isinstance(report, RestoreReport)
        self.report = report
        self.summary.setText(self.tr(
            "Restored into {folder}: {files} files ({size}), {blobs} evidence files; the ledger has "
            "{ledger_size} entries and the root the backup recorded (made with Mediseal {version}).\nTo work "
            "in it, start Mediseal with:\n    mediseal --data-dir \"{folder}\"\nand run a verification "
            "(mediseal verify --data-dir \"{folder}\").").format(
            folder=report.data_dir, files=report.files, size=human_size(report.bytes), blobs=report.blobs,
            ledger_size=report.ledger_size, version=report.made_with))
        self.summary.setVisible(True)
        self.restore_button.setVisible(False)
        self._update()
