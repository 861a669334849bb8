"""Export Proof… on the Evidence page: the proofs of the selected items, the very files ``mediseal evidence
proof`` writes (``desktop/core/exchange/proofs.py``), each in a new folder inside the one chosen, on a
worker thread with progress and Cancel. The window confirms with the folder and the number of files (in
the status bar and a message that opens the folder); a proof with no checkpoint to rest on is refused by
core, and the window says why and offers to sign one at once when the user holds a signing key."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from desktop.core.exchange import proofs
from desktop.core.exchange.proofs import CheckpointNeeded, WrittenProof
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.store import OpenStore
from desktop.core.trust import checkpoints
from desktop.core.trust.checkpoints import CheckpointInfo
from desktop.core.trust.sign_in import SignedInUser
from desktop.ui.framework.changes import Changes
from desktop.ui.framework.errors import show_error
from desktop.ui.framework.i18n import translate_error
from desktop.ui.framework.ops import Op, run_op

translate = QCoreApplication.translate
STATUS_MILLISECONDS = 15_000


def ask_folder(parent: QWidget, start: Path, count: int) -> Path | None:
    """The folder to put the proofs in (each item's in a new folder of its own inside it), or None."""
    title = translate("ProofExport", "Export the proofs of {count} item(s) into a folder").format(count=count)
    chosen = QFileDialog.getExistingDirectory(parent, title, str(start))
    return Path(chosen) if chosen else None


def confirmation(folder: Path, written: Sequence[WrittenProof]) -> str:
    """What was written, in one sentence: how many items and files, and where."""
    files = sum(len(proof.files) for proof in written)
    text = translate("ProofExport", "Exported the proofs of {items} item(s): {files} files in {folder}")
    return text.format(items=len(written), files=files, folder=str(folder))


class ProofExport:
    """One export (and, when asked, the checkpoint it waits for): the ops it runs and the boxes it shows."""

    def __init__(self, parent: QWidget, store: OpenStore, signed_in: SignedInUser, item_ids: Sequence[int],
                 folder: Path, changed: Callable[[], None]) -> None:
        self.parent = parent
        self.store = store
        self.signed_in = signed_in
        self.item_ids = list(item_ids)
        self.folder = folder
        self.changed = changed  # told when an op of this export starts or ends
        self.op: Op[list[WrittenProof]] | None = None
        self.checkpoint_op: Op[CheckpointInfo] | None = None
        self.box: QMessageBox | None = None
        self.written: list[WrittenProof] = []

    def start(self) -> Op[list[WrittenProof]]:
        store, actor, ids, folder = self.store, self.signed_in.actor, self.item_ids, self.folder

        def task(progress: ProgressFn, cancelled: CancelledFn) -> list[WrittenProof]:
            return proofs.export_proofs(store.database, ids, folder, actor, progress, cancelled)

        op = run_op(self.parent, task).with_progress(
            translate("ProofExport", "Exporting the proofs of {count} item(s)…").format(count=len(ids)))
        op.on_success(self._exported).on_failure(self._refused)
        op.finished.connect(self._op_finished)
        self.op = op
        op.start()
        self.changed()
        return op

    @property
    def running(self) -> bool:
        """Whether the export, or the checkpoint it waits for, is under way."""
        return self.op is not None or self.checkpoint_op is not None

    def _op_finished(self) -> None:
        self.op = None
        self.changed()

    def _exported(self, written: list[WrittenProof]) -> None:
        self.written = written
        text = confirmation(self.folder, written)
        window = self.parent.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, STATUS_MILLISECONDS)
        box = QMessageBox(QMessageBox.Icon.Information, translate("ProofExport", "Proofs exported"), text,
                          QMessageBox.StandardButton.NoButton, self.parent)
        box.setObjectName("proofsExported")
        box.setInformativeText(translate(
            "ProofExport", "Each item's proof is in a folder of its own; its README.txt tells how to check "
            "it with OpenSSL, without Mediseal."))
        open_button = box.addButton(translate("ProofExport", "Open Folder"),
                                    QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(QMessageBox.StandardButton.Close)
        folder = self.folder
        box.finished.connect(lambda _result: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
                             if box.clickedButton() is open_button else None)
        self.box = box
        box.open()

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, CheckpointNeeded) or self.signed_in.key is None:
            show_error(self.parent, error)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, translate("ProofExport", "A checkpoint is needed"),
                          translate_error(error), QMessageBox.StandardButton.NoButton, self.parent)
        box.setObjectName("checkpointNeeded")
        box.setInformativeText(translate(
            "ProofExport", "A proof shows that the ledger holds the item's entries under a checkpoint signed "
            "by a signing key. You can sign a checkpoint now with yours, then the proofs are exported."))
        sign_button = box.addButton(translate("ProofExport", "Sign a Checkpoint and Export"),
                                    QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(sign_button)
        box.finished.connect(lambda _result: self.sign_checkpoint() if box.clickedButton() is sign_button
                             else None)
        self.box = box
        box.open()

    def sign_checkpoint(self) -> Op[CheckpointInfo] | None:
        """Sign a checkpoint with the user's key (as the Ledger page does), then export again."""
        store, actor, key = self.store, self.signed_in.actor, self.signed_in.key
        if key is None:
            return None

        def sign(progress: ProgressFn, cancelled: CancelledFn) -> CheckpointInfo:
            with store.database.session_scope() as session:
                return checkpoints.sign_checkpoint(session, actor, key)

        op = run_op(self.parent, sign).as_work(translate("ProofExport", "Signing a checkpoint"))
        op.changing(Changes(ledger=True))
        op.on_success(lambda _checkpoint: self.start())
        op.finished.connect(self._checkpoint_finished)
        self.checkpoint_op = op
        op.start()
        self.changed()
        return op

    def _checkpoint_finished(self) -> None:
        self.checkpoint_op = None
        self.changed()
