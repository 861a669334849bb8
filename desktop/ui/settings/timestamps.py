"""The trusted-timestamp dialog of Settings (可信时间戳, RFC 3161), opened by **Timestamps…** beside the
office's name: the office's authority, how many checkpoints have a token and which wait (with the last
error), **Send Now**, and for an administrator the authority's URL, optional user and password and CA file
(OK records them, logged). Core verifies and decides."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import MedisealError, NotAllowed
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.store import OpenStore
from desktop.core.trust import timestamps
from desktop.core.trust.permissions import Action
from desktop.core.trust.sign_in import SignedInUser
from desktop.ui.framework.changes import Changes
from desktop.ui.framework.errors import error_label, show_error
from desktop.ui.framework.i18n import translate_error
from desktop.ui.framework.ops import Op, run_op
from desktop.ui.framework.reads import LatestRead

TIMESTAMP_CHANGES = Changes(settings=True, ledger=True)
SEND_EVERY_MS = 120_000  # the background sender looks at the queue this often (each request has its backoff)

log = logging.getLogger(__name__)


class TimestampSender(QObject):
    """Sends the due requests in the background while a user is signed in (every ``SEND_EVERY_MS``; a
    request that failed waits out its backoff in the queue): offline, checkpoints wait and go later."""

    def __init__(self, owner: QWidget, store: OpenStore, signed_in: Callable[[], SignedInUser | None],
                 interval_ms: int = SEND_EVERY_MS) -> None:
        super().__init__(owner)
        self.owner = owner
        self.store = store
        self.signed_in = signed_in
        self.op: Op[list[timestamps.SendResult]] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> Op[list[timestamps.SendResult]] | None:
        """Send what is due now, on a worker thread (nothing while one send runs or nobody is signed in)."""
        signed_in = self.signed_in()
        if self.op is not None or signed_in is None or signed_in.actor.sign_in.ended:
            return None
        store, actor = self.store, signed_in.actor

        def send(progress: ProgressFn, cancelled: CancelledFn) -> list[timestamps.SendResult]:
            try:
                return timestamps.send_pending(store.database.session_scope, actor)
            except NotAllowed:  # signed out meanwhile: the requests wait for the next sign-in
                return []

        op = run_op(self.owner, send).changing(lambda results: TIMESTAMP_CHANGES if results else Changes())
        op.on_failure(lambda error: log.warning("sending timestamp requests failed: %s", error))
        op.finished.connect(self._finished)
        self.op = op
        return op.start()

    def _finished(self) -> None:
        self.op = None


@dataclass(frozen=True, slots=True)
class _Loaded:
    authority: timestamps.Authority | None
    stored: int
    pending: list[timestamps.Pending]


class TimestampDialog(QDialog):
    """What is timestamped and what waits, Send Now, and the authority (an administrator edits it)."""

    def __init__(self, store: OpenStore, signed_in: SignedInUser, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timestampDialog")
        self.setWindowTitle(self.tr("Trusted timestamps (RFC 3161)"))
        self.store = store
        self.signed_in = signed_in
        self.may_change = signed_in.actor.may(Action.CHANGE_OFFICE_SETTINGS)
        self.loaded: _Loaded | None = None
        self.reads = LatestRead(self, self._load, self._loaded)
        self.status = QLabel()
        self.status.setObjectName("timestampStatus")
        self.status.setWordWrap(True)
        self.send_button = QPushButton(self.tr("Send &Now"))
        self.send_button.setObjectName("sendTimestamps")
        self.send_button.setEnabled(False)
        self.send_button.clicked.connect(self.send_now)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.send_button)
        self.url_edit = QLineEdit()
        self.url_edit.setObjectName("tsaUrl")
        self.url_edit.setPlaceholderText("https://")
        self.user_edit = QLineEdit()
        self.user_edit.setObjectName("tsaUser")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("tsaPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.ca_edit = QLineEdit()
        self.ca_edit.setObjectName("tsaCaFile")
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.clicked.connect(self._browse)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(self.browse_button)
        self.error = error_label("tsaError")
        form = QFormLayout()
        form.addRow(self.tr("Address (URL):"), self.url_edit)
        form.addRow(self.tr("User (optional):"), self.user_edit)
        form.addRow(self.tr("Password (optional):"), self.password_edit)
        form.addRow(self.tr("CA certificate file (PEM):"), ca_row)
        for edit in (self.url_edit, self.user_edit, self.password_edit, self.ca_edit):
            edit.setReadOnly(not self.may_change)
        self.browse_button.setEnabled(self.may_change)
        if self.may_change:
            self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                            | QDialogButtonBox.StandardButton.Close)
            self.buttons.accepted.connect(self.record)
        else:
            self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(status_row)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())
        self.refresh()

    @property
    def loading(self) -> bool:
        return self.reads.loading

    def refresh(self) -> Op[_Loaded] | None:
        return self.reads.start()

    def _load(self) -> Callable[[ProgressFn, CancelledFn], _Loaded]:
        store = self.store

        def load(progress: ProgressFn, cancelled: CancelledFn) -> _Loaded:
            with store.database.session_scope() as session:
                return _Loaded(timestamps.authority(session), len(timestamps.stored(session)),
                               timestamps.pending(session))

        return load

    def _loaded(self, loaded: _Loaded) -> None:
        first = self.loaded is None
        self.loaded = loaded
        if loaded.authority is None:
            self.status.setText(self.tr("No timestamp authority is set: checkpoints get no trusted "
                                        "timestamp."))
        else:
            text = self.tr("{stored} checkpoints timestamped, {pending} waiting.").format(
                stored=loaded.stored, pending=len(loaded.pending))
            failed = [waiting for waiting in loaded.pending if waiting.last_error]
            if failed:
                text += " " + self.tr("Last error: {error}").format(error=failed[-1].last_error)
            self.status.setText(text)
            if first:
                self.url_edit.setText(loaded.authority.url)
                self.user_edit.setText(loaded.authority.username or "")
                self.password_edit.setText(loaded.authority.password or "")
        self.send_button.setEnabled(loaded.authority is not None and bool(loaded.pending))

    def send_now(self) -> Op[list[timestamps.SendResult]] | None:
        """Send every waiting request now, on a worker thread; then read again."""
        if not self.send_button.isEnabled():
            return None
        store, actor = self.store, self.signed_in.actor

        def send(progress: ProgressFn, cancelled: CancelledFn) -> list[timestamps.SendResult]:
            return timestamps.send_pending(store.database.session_scope, actor, due_only=False)

        self.send_button.setEnabled(False)
        op = run_op(self, send).changing(TIMESTAMP_CHANGES)
        op.on_success(lambda _results: self.refresh())
        op.on_failure(self._failed)
        return op.start()

    def _browse(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the CA certificate file"), "",
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"))
        if name:
            self.ca_edit.setText(name)

    def record(self) -> Op[timestamps.Authority]:
        """Record the authority for the whole office (an administrator's change, logged)."""
        store, actor = self.store, self.signed_in.actor
        url, user = self.url_edit.text().strip(), self.user_edit.text().strip()
        password = self.password_edit.text()
        ca_file = Path(self.ca_edit.text().strip())
        kept = self.loaded.authority.ca_pem if self.loaded and self.loaded.authority else ""

        def change(progress: ProgressFn, cancelled: CancelledFn) -> timestamps.Authority:
            ca_pem = kept  # no file chosen: the CA already set stays
            if ca_file.name:
                try:
                    ca_pem = ca_file.read_text(encoding="ascii", errors="replace")
                except OSError:
                    ca_pem = ""
            with store.database.session_scope() as session:
                return timestamps.set_authority(session, actor, url, ca_pem, user or None, password or None)

        self.buttons.setEnabled(False)
        op = run_op(self, change).changing(TIMESTAMP_CHANGES)
        op.on_success(lambda _found: self.accept())
        op.on_failure(self._failed)
        return op.start()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if self.loaded is not None:
            self.send_button.setEnabled(self.loaded.authority is not None and bool(self.loaded.pending))
        if isinstance(error, MedisealError):
            self.error.setText(translate_error(error))
        else:
            show_error(self, error)
