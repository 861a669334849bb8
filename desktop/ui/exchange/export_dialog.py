"""Export a case's court package (证据包, ``mediseal export``): the case's evidence items with checkboxes,
all checked (unchecking one leaves it out: selective disclosure), the new zip chosen with a file dialog,
the export on a worker with progress and Cancel (a cancel leaves no file). The user's password is asked
only when no signed checkpoint covers the items and the export must sign one with their key; at the end
the dialog shows the package's path, size, item count and the checkpoint its proofs reach."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import MedisealError
from desktop.core.evidence import items as evidence_items
from desktop.core.evidence.items import ItemInfo
from desktop.core.exchange.package import ExportedPackage, export_package
from desktop.core.exchange.proofs import CheckpointNeeded
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.store import OpenStore
from desktop.core.trust import signing_keys
from desktop.core.trust.sign_in import SignedInUser
from desktop.ui.exchange.working import (
    ACCEPT,
    ACTION,
    ProgressRow,
    ask_new_zip,
    default_folder,
    open_folder,
    path_row,
    result_label,
    safe_file_name,
)
from desktop.ui.framework.changes import Changes
from desktop.ui.framework.errors import error_label, show_error
from desktop.ui.framework.formatting import human_size, local_time
from desktop.ui.framework.i18n import translate_error
from desktop.ui.framework.ops import Op, run_op

ITEM_ID = Qt.ItemDataRole.UserRole


class ExportPackageDialog(QDialog):
    """Export case ``number``'s court package for ``signed_in``."""

    def __init__(self, store: OpenStore, signed_in: SignedInUser, number: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportPackageDialog")
        self.setWindowTitle(self.tr("Export a Court Package"))
        self.store = store
        self.signed_in = signed_in
        self.number = number
        self.items_op: Op[list[ItemInfo]] | None = None
        self.op: Op[ExportedPackage] | None = None
        self.exported: ExportedPackage | None = None

        intro = QLabel(self.tr(
            "The court package of case {number}: the evidence files with their records, seals and ledger "
            "proofs, and steps to check them without Mediseal. Uncheck an item to leave it out of the "
            "package.").format(number=number))
        intro.setWordWrap(True)
        self.item_list = QListWidget()
        self.item_list.setObjectName("exportItems")
        self.item_list.itemChanged.connect(self._update)
        self.all_button = QPushButton(self.tr("Check &All"))
        self.all_button.setObjectName("exportCheckAll")
        self.all_button.clicked.connect(lambda: self.check_all(True))
        self.none_button = QPushButton(self.tr("Check &None"))
        self.none_button.setObjectName("exportCheckNone")
        self.none_button.clicked.connect(lambda: self.check_all(False))
        self.count_label = QLabel()
        self.count_label.setObjectName("exportCount")
        check_row = QHBoxLayout()
        check_row.addWidget(self.count_label, 1)
        check_row.addWidget(self.all_button)
        check_row.addWidget(self.none_button)

        self.path = QLineEdit(str(default_folder() / f"{safe_file_name(number)}.zip"))
        self.path.setObjectName("exportPath")
        self.path.textChanged.connect(self._update)
        self.choose_button = QPushButton(self.tr("C&hoose…"))
        self.choose_button.setObjectName("exportChoose")
        self.choose_button.clicked.connect(self.choose)
        self.password = QLineEdit()
        self.password.setObjectName("exportPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_note = QLabel(self.tr(
            "No signed checkpoint covers these items yet. Type your password: the export signs a checkpoint "
            "with your signing key."))
        self.password_note.setObjectName("exportPasswordNote")
        self.password_note.setWordWrap(True)
        self.password_label = QLabel(self.tr("Your &password:"))
        self.password_label.setBuddy(self.password)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Save &as:"), path_row(self.path, self.choose_button))
        form.addRow(self.password_note)
        form.addRow(self.password_label, self.password)
        self._show_password(False)

        self.progress = ProgressRow("exportProgress")
        self.summary = result_label("exportResult")
        self.message = error_label("exportMessage")

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(self.tr("&Export"), ACCEPT)
        self.export_button.setObjectName("exportButton")
        self.open_button = self.buttons.addButton(self.tr("&Open Folder"), ACTION)
        self.open_button.setObjectName("exportOpenFolder")
        self.open_button.setVisible(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.export)
        self.open_button.clicked.connect(lambda: open_folder(self.exported.path) if self.exported else None)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.item_list, 1)
        layout.addLayout(check_row)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(640, 520)
        self._update()
        self.load_items()

    # --- the items ------------------------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        return self.items_op is not None

    def load_items(self) -> Op[list[ItemInfo]]:
        store, number = self.store, self.number

        def task(_progress: ProgressFn, _cancelled: CancelledFn) -> list[ItemInfo]:
            with store.database.session_scope() as session:
                return evidence_items.list_items(session, number)

        op = run_op(self, task).on_success(self._show_items).on_failure(
            lambda error: self.message.setText(translate_error(error)))
        op.finished.connect(self._items_finished)
        self.items_op = op
        return op.start()

    def _items_finished(self) -> None:
        self.items_op = None
        self._update()

    def _show_items(self, listed: Sequence[ItemInfo]) -> None:
        self.item_list.blockSignals(True)
        self.item_list.clear()
        for info in listed:
            entry = QListWidgetItem(self.tr("{id}. {name} ({size})").format(
                id=info.id, name=info.name, size=human_size(info.size)))
            entry.setData(ITEM_ID, info.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Checked)
            self.item_list.addItem(entry)
        self.item_list.blockSignals(False)
        self._update()

    def check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(self.item_list.count()):
            self.item_list.item(row).setCheckState(state)

    def chosen(self) -> list[int]:
        """The checked items' ids."""
        return [int(self.item_list.item(row).data(ITEM_ID)) for row in range(self.item_list.count())
                if self.item_list.item(row).checkState() == Qt.CheckState.Checked]

    def _update(self) -> None:
        chosen, total = len(self.chosen()), self.item_list.count()
        self.count_label.setText(self.tr("{chosen} of {total} item(s) in the package").format(
            chosen=chosen, total=total))
        idle = self.op is None and self.items_op is None and self.exported is None
        for widget in (self.item_list, self.all_button, self.none_button, self.path, self.choose_button,
                       self.password):
            widget.setEnabled(idle)
        self.export_button.setEnabled(idle and chosen > 0 and bool(self.path.text().strip()))

    # --- the export -----------------------------------------------------------------------------------
    def choose(self) -> None:
        ask_new_zip(self, self.tr("Save the Court Package As"), self.path)

    def _show_password(self, shown: bool) -> None:
        for widget in (self.password_note, self.password_label, self.password):
            widget.setVisible(shown)

    def export(self) -> Op[ExportedPackage] | None:
        """Write the package on a worker: every item when all are checked (with the case's other sealed
        records), else only the checked ones."""
        if self.op is not None or not self.export_button.isEnabled():
            return None
        store, actor, number = self.store, self.signed_in.actor, self.number
        out = Path(self.path.text().strip()).expanduser()
        chosen = self.chosen()
        items = None if len(chosen) == self.item_list.count() else chosen
        password = None if self.password.isHidden() else self.password.text()

        def task(progress: ProgressFn, cancelled: CancelledFn) -> ExportedPackage:
            with store.database.session_scope() as session:
                key = signing_keys.unlock(session, actor, password) if password is not None else None
            return export_package(store.database.session_scope, store.vault, actor, number, out, items, key,
                                  progress, cancelled)

        op = run_op(self, task).as_work(self.tr("Exporting the court package of {number}").format(
            number=number))
        op.changing(Changes(evidence=True, ledger=True)).on_success(self._exported).on_failure(self._refused)
        op.finished.connect(self._finished)
        self.progress.track(op)
        self.op = op
        self.message.clear()
        self.summary.setVisible(False)
        self._update()
        return op.start()

    def _finished(self) -> None:
        self.op = None
        self._update()

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, CheckpointNeeded) and self.signed_in.key is not None \
                and self.password.isHidden():
            self._show_password(True)
            self.password.setFocus()
            return
        if isinstance(error, OSError):
            self.message.setText(self.tr("The package could not be written: {reason}").format(
                reason=error.strerror or str(error)))
        elif isinstance(error, MedisealError):
            self.message.setText(translate_error(error))
        else:
            show_error(self, error)

    def _exported(self, made: ExportedPackage) -> None:
        self.exported = made
        self.password.clear()
        self._show_password(False)
        checkpoint = made.checkpoint
        signed = self.tr(", signed by this export with your key") if made.signed_checkpoint else ""
        self.summary.setText(self.tr(
            "Exported {path}\n{size}, {items} item(s), {documents} document(s).\nThe proofs reach checkpoint "
            "{checkpoint} (ledger size {tree_size}, signed {time} by {signer}{signed}).").format(
            path=str(made.path), size=human_size(made.size), items=len(made.items),
            documents=len(made.documents), checkpoint=checkpoint.id, tree_size=checkpoint.tree_size,
            time=local_time(checkpoint.signed_at), signer=checkpoint.signer, signed=signed))
        self.summary.setVisible(True)
        self.open_button.setVisible(True)
        self.export_button.setVisible(False)
        self._update()

    def reject(self) -> None:
        """Close; an export under way is cancelled (it leaves no file)."""
        if self.op is not None:
            self.op.cancel()
        super().reject()
