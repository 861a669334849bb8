"""Settings ▸ Signing keys (签名密钥): the signed-in user's keys (an administrator's: everyone's) with their
status; create one, import one from a CA (PKCS#12), export a certificate, revoke one with its reason.

A key made or imported here is unlocked with the password just typed and becomes the window's key at
once (``signed_in_changed``); revoking the window's own key takes it away at once. Every call is an op.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput
from desktop.core.integrity import durable
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.store import OpenStore
from desktop.core.trust import signing_keys
from desktop.core.trust.permissions import Action
from desktop.core.trust.sign_in import SignedInUser
from desktop.core.trust.signing_keys import KeyInfo, KeyStatus, UnlockedKey
from desktop.ui.framework.changes import Changes, Refresher
from desktop.ui.framework.errors import error_label, show_error
from desktop.ui.framework.i18n import label
from desktop.ui.framework.ops import Op, run_op, submit
from desktop.ui.framework.reads import LatestRead

OWNER, FINGERPRINT, STATUS, VALID_FROM, VALID_UNTIL, REVOCATION = range(6)
SHORT_FINGERPRINT = 16  # hex digits shown in the table; the tooltip and Copy give all 64
PKCS12_MAX_BYTES = 1 << 20  # a key, its certificate and a chain fit in a few KiB; refuse anything huge
CHANGED = Changes(keys=True, ledger=True)


def grouped(fingerprint: str) -> str:
    """Hex digits in groups of four, easier to read aloud and compare: ``3f2a 9c41 0b7e d512``."""
    return " ".join(fingerprint[start:start + 4] for start in range(0, len(fingerprint), 4))


def short_fingerprint(fingerprint: str) -> str:
    return grouped(fingerprint[:SHORT_FINGERPRINT]) + "…"


def local_time(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else ""


def grow_to_fit(dialog: QDialog) -> None:
    """Let a dialog grow for a long (wrapped) error line instead of squashing its fields."""
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    width = dialog.width()
    needed = (layout.totalHeightForWidth(width) if layout.hasHeightForWidth()
              else layout.totalSizeHint().height())
    if needed > dialog.height():
        dialog.resize(width, needed)


@dataclass(frozen=True, slots=True)
class KeyMade:
    """A key made or imported, and the window's key after it (None: it cannot sign yet)."""

    info: KeyInfo
    key: UnlockedKey | None


def _password_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class _OpDialog(QDialog):
    """A dialog whose OK runs one core call as an op; a refusal stays in view in its red line."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.op: Op[object] | None = None
        self.result_value: object = None
        self.setMinimumWidth(460)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.message = error_label("keyDialogMessage")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.attempt)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def set_texts(self, title: str, intro: str, ok_text: str) -> None:
        self.setWindowTitle(title)
        self.intro.setText(intro)
        self.ok_button.setText(ok_text)

    def task(self) -> Callable[[], object] | None:
        """The core call for what was typed, or None (with the reason in the red line)."""
        raise NotImplementedError

    def busy_widgets(self) -> list[QWidget]:
        return [self.ok_button]

    def attempt(self) -> None:
        if self.op is not None:
            return
        work = self.task()
        if work is None:
            grow_to_fit(self)
            return
        self.op = submit(self, work, self.message, self.busy_widgets(), self._done, CHANGED)
        self.op.finished.connect(self._finished)

    def _finished(self) -> None:
        self.op = None
        QTimer.singleShot(0, lambda: grow_to_fit(self))  # after the refusal's text is in place

    def _done(self, result: object) -> None:
        self.result_value = result
        self.accept()


class CreateKeyDialog(_OpDialog):
    """Create key: a new ECDSA P-256 key and self-signed certificate, after the account password."""

    def __init__(self, make: Callable[[str], Callable[[], KeyMade]], user: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_texts(self.tr("Create Signing Key"), self.tr(
            "A new signing key for {user}: ECDSA P-256 with a self-signed certificate, valid for five years. "
            "Its private key is kept encrypted under your account password; it signs from now on, "
            "without signing in again.").format(user=user), self.tr("Create Key"))
        self.setObjectName("createKeyDialog")
        self.make = make
        self.password_edit = _password_edit("accountPassword")
        self.form.addRow(self.tr("Your account password:"), self.password_edit)

    def busy_widgets(self) -> list[QWidget]:
        return [self.ok_button, self.password_edit]

    def task(self) -> Callable[[], object] | None:
        return self.make(self.password_edit.text())


class ImportKeyDialog(_OpDialog):
    """Import PKCS#12: a key and certificate chain a CA issued, with the file's and the account's password."""

    def __init__(self, take: Callable[[Path, str, str], Callable[[], KeyMade]], path: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_texts(self.tr("Import Signing Key"), self.tr(
            "Take in a signing key and its certificate issued by a certification authority (a PKCS#12 "
            ".p12 or .pfx file with an ECDSA P-256 key). The private key is then kept encrypted under your "
            "account password; it signs from now on, without signing in again."), self.tr("Import"))
        self.setObjectName("importKeyDialog")
        self.take = take
        self.file_edit = QLineEdit(str(path) if path else "")
        self.file_edit.setObjectName("pkcs12File")
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.setObjectName("choosePkcs12")
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)
        self.file_password_edit = _password_edit("pkcs12Password")
        self.password_edit = _password_edit("accountPassword")
        self.form.addRow(self.tr("PKCS#12 file:"), file_row)
        self.form.addRow(self.tr("Password of the file:"), self.file_password_edit)
        self.form.addRow(self.tr("Your account password:"), self.password_edit)

    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a PKCS#12 file"), self.file_edit.text(),
            self.tr("PKCS#12 files (*.p12 *.pfx);;All files (*)"))
        if name:
            self.file_edit.setText(name)

    def busy_widgets(self) -> list[QWidget]:
        return [self.ok_button, self.choose_button, self.file_edit, self.file_password_edit,
                self.password_edit]

    def task(self) -> Callable[[], object] | None:
        path = self.file_edit.text().strip()
        if not path:
            self.message.setText(self.tr("Choose the PKCS#12 file to import."))
            return None
        return self.take(Path(path), self.file_password_edit.text(), self.password_edit.text())


class RevokeKeyDialog(_OpDialog):
    """Revoke…: asks the reason (required, kept in the ledger's record) and says what revoking does."""

    def __init__(self, revoke: Callable[[str], Callable[[], KeyInfo]], info: KeyInfo, own_key_in_use: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        intro = self.tr(
            "Revoke the signing key {fingerprint} of {owner}? It will sign nothing new; what it sealed "
            "before stays valid and verifiable. A revocation cannot be undone.").format(
            fingerprint=short_fingerprint(info.fingerprint), owner=info.owner)
        if own_key_in_use:
            intro += "\n\n" + self.tr("This is the key this window signs with: sealing stops at once, until "
                                      "you create or import another key.")
        self.set_texts(self.tr("Revoke Signing Key"), intro, self.tr("Revoke Key"))
        self.setObjectName("revokeKeyDialog")
        self.revoke = revoke
        self.reason_edit = QLineEdit()
        self.reason_edit.setObjectName("revocationReason")
        self.reason_edit.setPlaceholderText(self.tr("e.g. the key file was lost; the notary left the office"))
        self.form.addRow(self.tr("Reason (required):"), self.reason_edit)
        self.ok_button.setDefault(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)

    def busy_widgets(self) -> list[QWidget]:
        return [self.ok_button, self.reason_edit]

    def task(self) -> Callable[[], object] | None:
        if not self.reason_edit.text().strip():
            self.message.setText(self.tr("Give the reason for the revocation: it is kept in the ledger."))
            return None
        return self.revoke(self.reason_edit.text())


class KeysSection(QGroupBox):
    """The Signing keys section of Settings."""

    # The window's sign-in with its new key (or None after revoking it): the main window passes it on.
    signed_in_changed = Signal(object)

    def __init__(self, store: OpenStore, signed_in: SignedInUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keysSection")
        self.setTitle(self.tr("Signing keys"))
        self.store = store
        self.signed_in = signed_in
        self.keys: list[KeyInfo] = []
        self.reads = LatestRead(self, self._load, self._show_keys)
        self.dialog: QWidget | None = None
        self.export_op: Op[Path] | None = None

        self.note = QLabel()
        self.note.setObjectName("keysNote")
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("keysTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Owner"), self.tr("Fingerprint (SHA-256)"), self.tr("Status"), self.tr("Valid from"),
            self.tr("Valid until"), self.tr("Revoked (when, by whom, why)")])
        header = self.table.horizontalHeader()
        for column in range(REVOCATION):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(REVOCATION, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.create_button = self._button(self.tr("&Create Key…"), "createKeyButton", self.create_key)
        self.import_button = self._button(self.tr("&Import PKCS#12…"), "importKeyButton", self.import_key)
        self.export_button = self._button(self.tr("E&xport Certificate…"), "exportCertificateButton",
                                          self.export_certificate)
        # Copy: the table's context menu and the standard shortcut (Ctrl+C) while the table has the focus.
        self.copy_action = QAction(self.tr("Copy &Fingerprint"), self.table)
        self.copy_action.setObjectName("copyFingerprint")
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_action.triggered.connect(lambda _checked=False: self.copy_fingerprint())
        self.table.addAction(self.copy_action)
        self.revoke_button = self._button(self.tr("Re&voke…"), "revokeKeyButton", self.revoke_key)
        self.done_label = QLabel()
        self.done_label.setObjectName("keysDone")
        self.done_label.setWordWrap(True)
        self.done_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        for button in (self.create_button, self.import_button, self.export_button, self.revoke_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.done_label)
        Refresher(self, lambda changes: changes.keys or changes.users, self.refresh)
        self.set_user(signed_in)

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # --- who is signed in -------------------------------------------------------------------------
    def is_admin(self) -> bool:
        return self.signed_in.actor.may(Action.MANAGE_USERS)

    def may_hold_key(self) -> bool:
        return self.signed_in.actor.may(Action.HOLD_SIGNING_KEY)

    def set_user(self, signed_in: SignedInUser) -> None:
        if signed_in is self.signed_in and self.reads.loading:
            return  # the same sign-in, already being read
        if signed_in.actor is not self.signed_in.actor:
            self.done_label.clear()
        self.signed_in = signed_in
        self.table.setColumnHidden(OWNER, not self.is_admin())
        self.create_button.setVisible(self.may_hold_key())
        self.import_button.setVisible(self.may_hold_key())
        self._show_note()
        self.refresh()

    def _show_note(self) -> None:
        key = self.signed_in.key
        if key is not None:
            text = self.tr("This window signs with your key {fingerprint}.").format(
                fingerprint=short_fingerprint(key.fingerprint))
        else:
            text = self.tr("This window has no signing key: sealing evidence needs one. Create a key, or "
                           "import one a certification authority issued you (PKCS#12).")
        if self.is_admin():
            text += " " + self.tr("As an administrator you see every user's keys and may revoke any of them.")
        self.note.setText(text)

    # --- listing ----------------------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        return self.reads.loading

    def refresh(self) -> Op[list[KeyInfo]] | None:
        """Read the keys (an administrator's: everyone's) on a worker thread."""
        return self.reads.start()

    def _load(self) -> Callable[[ProgressFn, CancelledFn], list[KeyInfo]]:
        store = self.store
        owner = None if self.is_admin() else self.signed_in.actor.name

        def load(progress: ProgressFn, cancelled: CancelledFn) -> list[KeyInfo]:
            with store.database.session_scope() as session:
                return signing_keys.list_keys(session, owner)

        return load

    def _show_keys(self, listed: list[KeyInfo]) -> None:
        selected = self.selected()
        self.keys = listed
        copy_hint = self.tr("{shortcut} or the context menu copies the whole fingerprint.").format(
            shortcut=self.copy_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
        self.table.setRowCount(len(listed))
        for row, info in enumerate(listed):
            revocation = ""
            if info.revoked_at is not None:
                revocation = self.tr("{time} by {user}: {reason}").format(
                    time=local_time(info.revoked_at), user=info.revoked_by or "?",
                    reason=info.revocation_reason or self.tr("(no reason recorded)"))
            certificate = self.tr("Certificate for {subject}, issued by {issuer}").format(
                subject=info.subject, issuer=info.issuer)
            cells = [(info.owner, ""),
                     (short_fingerprint(info.fingerprint),
                      f"{grouped(info.fingerprint)}\n{certificate}\n{copy_hint}"),
                     (label(info.status), revocation),
                     (local_time(info.not_before), ""), (local_time(info.not_after), ""),
                     (revocation, revocation)]
            for column, (text, tip) in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, info.fingerprint)
                if tip:
                    item.setToolTip(tip)
                if column == STATUS and info.status is not KeyStatus.IN_USE:
                    item.setForeground(self.palette().placeholderText())
                self.table.setItem(row, column, item)
            if selected is not None and info.fingerprint == selected.fingerprint:
                self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> KeyInfo | None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.keys) or not self.table.selectionModel().isRowSelected(row):
            return None
        item = self.table.item(row, FINGERPRINT)
        fingerprint = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return next((info for info in self.keys if info.fingerprint == fingerprint), None)

    def select_key(self, fingerprint: str) -> None:
        for row, info in enumerate(self.keys):
            if info.fingerprint == fingerprint:
                self.table.selectRow(row)

    def may_revoke(self, info: KeyInfo) -> bool:
        # The rule itself is core's (signing_keys.revoke_key): the owner or an administrator.
        return info.revoked_at is None and (info.owner == self.signed_in.actor.name or self.is_admin())

    def _update_buttons(self) -> None:
        info = self.selected()
        self.export_button.setEnabled(info is not None and self.export_op is None)
        self.copy_action.setEnabled(info is not None)
        self.revoke_button.setEnabled(info is not None and self.may_revoke(info))

    def _context_menu(self, position: QPoint) -> None:
        if self.selected() is None:
            return
        menu = QMenu(self)
        menu.addAction(self.copy_action)
        for button in (self.export_button, self.revoke_button):
            action = menu.addAction(button.text(), button.click)
            action.setEnabled(button.isEnabled())
        self.dialog = menu
        menu.popup(self.table.viewport().mapToGlobal(position))

    # --- create and import ------------------------------------------------------------------------
    def _made(self, work: Callable[[], KeyInfo], password: str) -> Callable[[], KeyMade]:
        """``work`` (a creation or an import, in its own transaction), then the window's key as a sign-in
        would unlock it now, with the password just typed."""
        store, actor = self.store, self.signed_in.actor

        def run() -> KeyMade:
            info = work()
            with store.database.session_scope() as session:
                return KeyMade(info, signing_keys.usable_key(session, actor, password))

        return run

    def create_key(self) -> CreateKeyDialog | None:
        if not self.may_hold_key():
            return None
        store, actor = self.store, self.signed_in.actor

        def make(password: str) -> Callable[[], KeyMade]:
            def work() -> KeyInfo:
                with store.database.session_scope() as session:
                    return signing_keys.new_key(session, actor, password)

            return self._made(work, password)

        dialog = CreateKeyDialog(make, actor.name, self)
        self._open(dialog)
        return dialog

    def import_key(self, path: Path | None = None) -> ImportKeyDialog | None:
        """Import PKCS#12…: the file chooser first (unless ``path`` is given), then the passwords."""
        if not self.may_hold_key():
            return None
        if path is None:
            name, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose a PKCS#12 file"), "",
                                                        self.tr("PKCS#12 files (*.p12 *.pfx);;All files (*)"))
            if not name:
                return None
            path = Path(name)
        store, actor = self.store, self.signed_in.actor

        def take(chosen: Path, file_password: str, password: str) -> Callable[[], KeyMade]:
            def work() -> KeyInfo:
                data = _read_pkcs12(chosen)
                with store.database.session_scope() as session:
                    return signing_keys.import_key(session, actor, password, data, file_password)

            return self._made(work, password)

        dialog = ImportKeyDialog(take, path, self)
        self._open(dialog)
        return dialog

    def _open(self, dialog: CreateKeyDialog | ImportKeyDialog) -> None:
        dialog.accepted.connect(lambda: self._key_made(dialog.result_value))
        self.dialog = dialog
        dialog.open()

    def _key_made(self, made: object) -> None:
        assert isinstance(made, KeyMade)
        fingerprint = short_fingerprint(made.info.fingerprint)
        if made.key is not None:
            self.done_label.setText(self.tr("Signing key {fingerprint} is ready: this window signs with it "
                                            "from now on.").format(fingerprint=fingerprint))
        else:
            self.done_label.setText(self.tr("Signing key {fingerprint} was stored, but it cannot sign yet.")
                                    .format(fingerprint=fingerprint))
        self._change_key(made.key)
        self.refresh()
        self.select_after_load(made.info.fingerprint)

    def select_after_load(self, fingerprint: str) -> None:
        self.reads.after(lambda: self.select_key(fingerprint))

    def _change_key(self, key: UnlockedKey | None) -> None:
        self.signed_in = dataclasses.replace(self.signed_in, key=key)
        self._show_note()
        self.signed_in_changed.emit(self.signed_in)

    # --- export, copy -----------------------------------------------------------------------------
    def copy_fingerprint(self) -> str | None:
        info = self.selected()
        if info is None:
            return None
        QGuiApplication.clipboard().setText(info.fingerprint)
        self.done_label.setText(self.tr("Copied the fingerprint {fingerprint}.").format(
            fingerprint=grouped(info.fingerprint)))
        return info.fingerprint

    def export_certificate(self, path: str | None = None) -> Op[Path] | None:
        """Write the selected key's certificate (and chain) as PEM; never over an existing file."""
        info = self.selected()
        if info is None or self.export_op is not None:
            return None
        if path is None:
            suggested = self.store.folder.exports / f"{info.owner}-{info.fingerprint[:SHORT_FINGERPRINT]}.pem"
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Export the certificate of {owner}'s key").format(owner=info.owner),
                str(suggested), self.tr("PEM certificates (*.pem *.crt);;All files (*)"),
                options=QFileDialog.Option.DontConfirmOverwrite)  # the durable writer refuses instead
            if not path:
                return None
        store, target = self.store, Path(path)

        def write(progress: ProgressFn, cancelled: CancelledFn) -> Path:
            with store.database.session_scope() as session:
                pem = signing_keys.export_certificate(session, info.owner, info.fingerprint)
            try:
                return durable.write_new_file(target, pem)
            except OSError as error:
                raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Cannot write {path}: {reason}"),
                                   path=str(target), reason=error.strerror or str(error)) from error

        op = run_op(self, write).on_success(self._exported).on_failure(self._failed)
        op.finished.connect(self._export_finished)
        self.export_op = op
        self._update_buttons()
        return op.start()

    def _export_finished(self) -> None:
        self.export_op = None
        self._update_buttons()

    def _exported(self, path: Path) -> None:
        self.done_label.setText(self.tr("Wrote the certificate to {path}").format(path=str(path)))

    def _failed(self, error: BaseException) -> None:
        self.done_label.clear()
        self.dialog = show_error(self, error)

    # --- revoke -----------------------------------------------------------------------------------
    def revoke_key(self) -> RevokeKeyDialog | None:
        info = self.selected()
        if info is None or not self.may_revoke(info):
            return None
        store, actor = self.store, self.signed_in.actor
        window_key = self.signed_in.key
        in_use = window_key is not None and window_key.fingerprint == info.fingerprint

        def revoke(reason: str) -> Callable[[], KeyInfo]:
            def run() -> KeyInfo:
                with store.database.session_scope() as session:
                    return signing_keys.revoke_key(session, actor, info.owner, info.fingerprint,
                                                   reason=reason)

            return run

        dialog = RevokeKeyDialog(revoke, info, in_use, self)
        dialog.accepted.connect(lambda: self._revoked(dialog.result_value))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _revoked(self, revoked: object) -> None:
        assert isinstance(revoked, KeyInfo)
        self.done_label.setText(self.tr("Revoked the signing key {fingerprint} of {owner}.").format(
            fingerprint=short_fingerprint(revoked.fingerprint), owner=revoked.owner))
        key = self.signed_in.key
        if key is not None and key.fingerprint == revoked.fingerprint:
            self._change_key(None)  # the window's own key: it signs nothing from now on
        self.refresh()


def _read_pkcs12(path: Path) -> bytes:
    """The bytes of a PKCS#12 file the user chose (on the worker thread); a huge or unreadable file is
    refused with its reason."""
    try:
        with path.open("rb") as handle:
            data = handle.read(PKCS12_MAX_BYTES + 1)
    except OSError as error:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "Cannot read {path}: {reason}"), path=str(path),
                           reason=error.strerror or str(error)) from error
    if len(data) > PKCS12_MAX_BYTES:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The file is not a PKCS#12 (.p12 or .pfx) file."),
                           path=str(path))
    return data
