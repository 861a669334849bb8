"""The live minutes editor (调解记录 / 调查记录): built for a mediator typing while people talk.

Keyboard alone: Ctrl+1…Ctrl+9 choose the speaker (or a prefix ``2：`` / ``申请人：`` typed first), Alt+S/Q/A/N
the kind of entry, Enter confirms, Shift+Enter breaks the line. Each confirmed entry is appended at once
(a greyed row) and saved in its own transaction on a worker thread, one after another in the order typed;
the marker says saved / saving… / not saved (why), and an entry that could not be saved goes back into
the box with the reason: nothing typed is lost. What is being typed is kept as a draft every few seconds,
and at once when the editor is hidden or the window signs out, locks or closes (``keep_draft``); opening
the sitting again offers it back. The notes beside the entries (rights explained, risk warning, findings,
result) save with an optimistic revision. Closing seals the minutes; sealed minutes are read-only here and
show their seal, the signings and the addenda."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.core.cases import minutes, sittings
from desktop.core.cases.minutes import Draft, EntryInfo, EntryKind, Hit, SealedMinutes
from desktop.core.cases.sittings import Attendee, AttendeeRole, SittingInfo, SittingKind
from desktop.core.cases.versions import StaleEdit
from desktop.core.errors import MedisealError
from desktop.core.progress import CancelledFn, ProgressFn
from desktop.core.storage.store import OpenStore
from desktop.core.trust.sign_in import SignedInUser
from desktop.core.trust.users import real_names
from desktop.ui.cases.entry_box import EntryBox, SpeakerChoice, speaker_prefix
from desktop.ui.cases.minutes_dialogs import AddendumDialog, SealDialog, SigningDialog
from desktop.ui.cases.minutes_model import KIND, SEQ, SPEAKER, TEXT, TIME, EntriesModel, Pending
from desktop.ui.framework.errors import ERROR_COLOUR, show_error
from desktop.ui.framework.formatting import person
from desktop.ui.framework.i18n import label, translate_error
from desktop.ui.framework.ops import Op, run_op

PAGE = 500  # entries read per op when a sitting opens
DRAFT_INTERVAL_MS = 3000  # the text being typed is kept this often when it changed
KINDS = (EntryKind.STATEMENT, EntryKind.QUESTION, EntryKind.ANSWER, EntryKind.NOTE)  # Alt+S/Q/A/N
SAVED_COLOUR = "#2e7d32"
DraftKey = tuple[str, str, str]  # speaker role, speaker, text


@dataclass(frozen=True, slots=True)
class SittingRead:
    """A sitting as the editor opens it: its facts, the first page of entries, the user's draft, the
    sealed records and the real names of who sealed and recorded."""

    info: SittingInfo
    page: list[EntryInfo]
    draft: Draft | None
    sealed: list[SealedMinutes]
    people: dict[str, str] = field(default_factory=dict)


def read_sitting(store: OpenStore, signed_in: SignedInUser, sitting_id: int) -> SittingRead:
    with store.database.session_scope() as session:
        info = sittings.sitting_info(session, sitting_id)
        page = minutes.entries(session, sitting_id, limit=PAGE)
        draft = minutes.draft_of(session, signed_in.actor, sitting_id)
        sealed = minutes.sealed_records(session, sitting_id)
        names = {record.signer for record in sealed} | {info.created_by}
        return SittingRead(info, page, draft, sealed, real_names(session, names))


def utc_now() -> datetime:
    return datetime.now(UTC)


def _key(role: AttendeeRole | str, speaker: str, text: str) -> DraftKey:
    return (str(role), speaker, text)


class MinutesEditor(QWidget):
    """One sitting's minutes. ``back`` asks to return to the list; ``changed`` after a seal, a note or
    an addendum (the list and the case read again); ``open_other(sitting_id, seq)`` for a search hit
    in another sitting of the case."""

    back = Signal()
    changed = Signal()
    open_other = Signal(int, int)

    def __init__(self, store: OpenStore, signed_in: SignedInUser, number: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("minutesEditor")
        self.store, self.signed_in, self.number = store, signed_in, number
        self.sitting: SittingInfo | None = None
        self.sealed: list[SealedMinutes] = []
        self.people: dict[str, str] = {}
        self.refusal: MedisealError | None = None  # why the user may not write here (the case's reason)
        self.read_op: Op[Any] | None = None
        self.write_op: Op[Any] | None = None  # one write at a time: entries in order, then the draft
        self.notes_op: Op[Any] | None = None
        self.search_op: Op[Any] | None = None
        self.queue: list[Pending] = []  # confirmed, waiting for the write under way
        self.in_flight: Pending | None = None  # the entry being written now
        self.failure: str | None = None
        self.draft_saved: DraftKey | None = None  # what the store holds as this user's draft
        self.draft_due = False
        self.draft_saved_at: datetime | None = None
        self.offered: Draft | None = None  # a draft found on opening, not yet restored or set aside
        self.started_at: datetime | None = None  # when the entry in the box was begun
        self.last_by_kind: dict[EntryKind, int] = {}  # speaker index last used per kind (Q/A alternate)
        self.jump_to: int | None = None
        self.notes_base: tuple[bool, str, str, str] | None = None
        self.dialog: QWidget | None = None

        self.model = EntriesModel(self)
        self._build()
        self.draft_timer = QTimer(self)
        self.draft_timer.setInterval(DRAFT_INTERVAL_MS)
        self.draft_timer.timeout.connect(self._draft_tick)

    # --- building ---------------------------------------------------------------------------------
    def _build(self) -> None:
        self.back_button = QPushButton(self.tr("← Back to the &List"))
        self.back_button.setObjectName("backToSittings")
        self.back_button.clicked.connect(self.leave)
        self.title = QLabel()
        self.title.setObjectName("sittingTitle")
        self.title.setWordWrap(True)
        self.marker = QLabel()
        self.marker.setObjectName("saveMarker")
        self.marker.setWordWrap(True)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("minutesSearch")
        self.search_edit.setPlaceholderText(self.tr("Search the case's minutes"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.returnPressed.connect(self.search)
        self.search_edit.setMaximumWidth(220)
        self.seal_button = QPushButton(self.tr("Close and Seal…"))
        self.seal_button.setObjectName("sealMinutesButton")
        self.seal_button.clicked.connect(self.close_and_seal)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.title, 1)
        top.addWidget(self.search_edit)
        top.addWidget(self.seal_button)

        # The draft found on opening: offered back, not forced on the box.
        self.offer_bar = QWidget()
        self.offer_bar.setObjectName("draftOffer")
        self.offer_bar.setStyleSheet("QWidget#draftOffer { background: #fff4ce; }")
        self.offer_label = QLabel()
        self.offer_label.setObjectName("draftOfferText")
        self.offer_label.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("&Restore the Unconfirmed Text"))
        self.restore_button.setObjectName("restoreDraft")
        self.restore_button.clicked.connect(self.restore_draft)
        self.set_aside_button = QPushButton(self.tr("Discard It"))
        self.set_aside_button.setObjectName("discardDraft")
        self.set_aside_button.clicked.connect(self.discard_offer)
        offer = QHBoxLayout(self.offer_bar)
        offer.setContentsMargins(6, 2, 6, 2)
        offer.addWidget(self.offer_label, 1)
        offer.addWidget(self.restore_button)
        offer.addWidget(self.set_aside_button)
        self.offer_bar.setVisible(False)

        self.table = QTableView()
        self.table.setObjectName("minutesEntries")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        # One line per row: the view lays out 2 000 rows without measuring any.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        metrics = self.fontMetrics()
        widths = {SEQ: metrics.horizontalAdvance("0000") + 12,
                  TIME: metrics.horizontalAdvance("00:00:00") + 14,
                  KIND: metrics.horizontalAdvance("记录人注") + 14,
                  SPEAKER: metrics.horizontalAdvance("被申请人 某某某") + 14}
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)

        self.speaker_combo = QComboBox()
        self.speaker_combo.setObjectName("speakerChoice")
        self.speaker_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.speaker_combo.setMinimumContentsLength(10)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("kindChoice")
        for kind, key in zip(KINDS, "SQAN", strict=True):
            self.kind_combo.addItem(f"{label(kind)}  Alt+{key}", kind.value)
        speaker_label = QLabel(self.tr("Spea&ker:"))
        speaker_label.setBuddy(self.speaker_combo)
        choices = QHBoxLayout()
        choices.addWidget(speaker_label)
        choices.addWidget(self.speaker_combo, 1)
        choices.addWidget(self.kind_combo)
        self.box = EntryBox()
        self.box.setPlaceholderText(self.tr("Type what is said. Enter confirms, Shift+Enter breaks the line, "
                                            "Ctrl+1…9 choose the speaker."))
        self.box.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.box.confirmed.connect(self.confirm)
        self.box.speaker_key.connect(self.choose_speaker)
        self.box.kind_key.connect(lambda index: self.kind_combo.setCurrentIndex(index))
        self.box.textChanged.connect(self._typed)
        self.entry_panel = QWidget()
        self.entry_panel.setObjectName("entryPanel")
        entry_layout = QVBoxLayout(self.entry_panel)
        entry_layout.setContentsMargins(0, 0, 0, 0)
        entry_layout.addLayout(choices)
        entry_layout.addWidget(self.box)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.entry_panel)

        self.side = QTabWidget()
        self.side.setObjectName("minutesSide")
        self.side.setUsesScrollButtons(False)
        self.side.addTab(self._build_notes(), self.tr("Notes"))
        self.side.addTab(self._build_seal(), self.tr("Seal"))
        self.side.addTab(self._build_search(), self.tr("Search"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("minutesSplitter")
        splitter.addWidget(left)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([520, 260])
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.marker)
        layout.addWidget(self.offer_bar)
        layout.addWidget(splitter, 1)

    def _build_notes(self) -> QWidget:
        notes = QWidget()
        notes.setObjectName("minutesNotes")
        self.rights_check = QCheckBox(self.tr("Rights and obligations explained"))
        self.rights_check.setObjectName("rightsExplained")
        self.risk_edit = self._note_edit("riskWarning")
        self.findings_edit = self._note_edit("findings")
        self.result_edit = self._note_edit("result")
        self.notes_button = QPushButton(self.tr("Save &Notes"))
        self.notes_button.setObjectName("saveNotes")
        self.notes_button.clicked.connect(self.save_notes)
        self.notes_message = QLabel()
        self.notes_message.setObjectName("notesMessage")
        self.notes_message.setWordWrap(True)
        self.rights_check.toggled.connect(self._notes_edited)
        form = QFormLayout(notes)
        form.setContentsMargins(4, 4, 4, 4)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow(self.rights_check)
        form.addRow(self.tr("Risk warning given:"), self.risk_edit)
        form.addRow(self.tr("Findings:"), self.findings_edit)
        form.addRow(self.tr("Result (or why it failed):"), self.result_edit)
        form.addRow(self.notes_button)
        form.addRow(self.notes_message)
        return notes

    def _note_edit(self, name: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 2 + 12)
        edit.textChanged.connect(self._notes_edited)
        return edit

    def _build_seal(self) -> QWidget:
        seal = QWidget()
        seal.setObjectName("minutesSeal")
        self.seal_view = QTextBrowser()
        self.seal_view.setObjectName("sealView")
        self.seal_view.setOpenLinks(False)
        self.addendum_button = QPushButton(self.tr("Add a &Correction (Addendum)…"))
        self.addendum_button.setObjectName("addendumButton")
        self.addendum_button.clicked.connect(self.add_addendum)
        self.signing_button = QPushButton(self.tr("Record a Si&gning…"))
        self.signing_button.setObjectName("signingButton")
        self.signing_button.setToolTip(self.tr("Record that a person signed the printed minutes"))
        self.signing_button.clicked.connect(self.record_signing)
        layout = QVBoxLayout(seal)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.seal_view, 1)
        layout.addWidget(self.addendum_button)
        layout.addWidget(self.signing_button)
        return seal

    def _build_search(self) -> QWidget:
        found = QWidget()
        self.hits = QListWidget()
        self.hits.setObjectName("searchHits")
        self.hits.setWordWrap(True)
        self.hits.itemActivated.connect(self._hit_chosen)
        self.hits_label = QLabel(self.tr("Type in the search box above and press Enter."))
        self.hits_label.setWordWrap(True)
        layout = QVBoxLayout(found)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.hits_label)
        layout.addWidget(self.hits, 1)
        return found

    # --- state ------------------------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        return self.read_op is not None or self.notes_op is not None or self.search_op is not None

    @property
    def saving(self) -> bool:
        return self.write_op is not None or self.in_flight is not None or bool(self.queue)

    @property
    def sealed_now(self) -> bool:
        return self.sitting is not None and self.sitting.sealed

    def writable(self) -> bool:
        return self.sitting is not None and not self.sitting.sealed and self.refusal is None \
            and str(self.sitting.state) != "cancelled"

    def set_user(self, signed_in: SignedInUser) -> None:
        self.signed_in = signed_in

    def set_refusal(self, refusal: MedisealError | None) -> None:
        """The case's reason the user may not write (None: they may)."""
        self.refusal = refusal
        self._show_state()

    def has_unsaved_edits(self) -> bool:
        """The notes changed and not saved (the entry box needs no asking: it is kept as a draft)."""
        return self.sitting is not None and self.notes_base is not None and self._notes() != self.notes_base

    # --- opening ----------------------------------------------------------------------------------
    def open_sitting(self, sitting_id: int, jump_to: int | None = None) -> Op[Any] | None:
        """Show sitting ``sitting_id`` (read on a worker thread); ``jump_to``: an entry to select."""
        if self.sitting is not None and self.sitting.id != sitting_id:
            self.keep_draft()
        if self.sitting is None or self.sitting.id != sitting_id:
            if self.saving:
                return None  # entries of this sitting are still being saved: it stays open until then
            self.model.clear()
            self.sitting = None
            self.offered = None
            self.draft_saved = None
            self.failure = None
            self.box.clear()
        self.jump_to = jump_to
        store, signed_in = self.store, self.signed_in
        op = run_op(self, lambda _progress, _cancelled: read_sitting(store, signed_in, sitting_id))
        op.on_success(self._read)
        op.finished.connect(self._read_finished)
        self.read_op = op
        return op.start()

    def reload(self) -> Op[Any] | None:
        if self.sitting is None or self.read_op is not None:
            return None
        return self.open_sitting(self.sitting.id)

    def _read_finished(self) -> None:
        self.read_op = None

    def _read(self, read: SittingRead) -> None:
        first = self.sitting is None
        # Sealed since last read: the seal and its buttons are shown (a refresh that showed the sitting as
        # read before sealing turned the side panel away from the seal tab, then disabled).
        became_sealed = self.sitting is not None and not self.sitting.sealed and read.info.sealed
        self.sitting, self.sealed = read.info, read.sealed
        self.people.update(read.people)
        self._show_speakers(read.info.attendees)
        self.model.add_page(read.page)
        if len(read.page) == PAGE:
            self._read_more()
        if first:
            self._show_notes(read.info)
            if read.draft is not None and read.draft.text.strip():
                self._offer(read.draft)
            self.draft_timer.start()
            self.table.scrollToBottom()
        self._show_state()
        if became_sealed:
            self.side.setCurrentIndex(1)
        if self.jump_to is not None and self.select_seq(self.jump_to):
            self.jump_to = None
        if first and self.writable():
            self.box.setFocus(Qt.FocusReason.OtherFocusReason)

    def _read_more(self) -> None:
        """The next page of entries after those shown (a long sitting opens a page at a time)."""
        if self.sitting is None:
            return
        store, sitting_id, after = self.store, self.sitting.id, self.model.last_seq

        def task(_progress: ProgressFn, _cancelled: CancelledFn) -> list[EntryInfo]:
            with store.database.session_scope() as session:
                return minutes.entries(session, sitting_id, after_seq=after, limit=PAGE)

        def shown(page: list[EntryInfo]) -> None:
            if self.sitting is None or self.sitting.id != sitting_id:
                return
            self.model.add_page(page)
            if len(page) == PAGE:
                self._read_more()
            elif self.jump_to is not None:
                self.select_seq(self.jump_to)
                self.jump_to = None
            else:
                self.table.scrollToBottom()

        op = run_op(self, task).on_success(shown)
        op.finished.connect(self._read_finished)
        self.read_op = op.start()

    def _show_speakers(self, attendees: tuple[Attendee, ...]) -> None:
        current = self.speaker_combo.currentIndex()
        self.speaker_combo.blockSignals(True)
        self.speaker_combo.clear()
        for number, attendee in enumerate(attendees, start=1):
            shortcut = f"  Ctrl+{number}" if number <= 9 else ""
            self.speaker_combo.addItem(f"{number} {label(attendee.role)} {attendee.name}{shortcut}",
                                       (attendee.role.value, attendee.name))
        self.speaker_combo.setCurrentIndex(current if 0 <= current < len(attendees) else 0)
        self.speaker_combo.blockSignals(False)
        kind = self.sitting.kind if self.sitting is not None else SittingKind.MEDIATION
        if kind is SittingKind.INVESTIGATION and self.kind_combo.currentIndex() == 0 \
                and self.model.rowCount() == 0:
            self.kind_combo.setCurrentIndex(KINDS.index(EntryKind.QUESTION))

    def _speakers(self) -> list[SpeakerChoice]:
        return [SpeakerChoice(label(attendee.role), attendee.name)
                for attendee in (self.sitting.attendees if self.sitting is not None else ())]

    def _show_state(self) -> None:
        info = self.sitting
        if info is None:
            self.title.setText(self.tr("Reading the sitting…"))
            return
        where = self.tr("online") if info.online else info.place
        self.title.setText(self.tr("{kind} {time}, {place}: {matter} ({state})").format(
            kind=label(info.kind), time=info.starts_at.astimezone().strftime("%Y-%m-%d %H:%M"), place=where,
            matter=info.matter or "—", state=label(info.state)))
        writable = self.writable()
        self.entry_panel.setVisible(writable)
        self.seal_button.setVisible(not info.sealed)
        self.seal_button.setEnabled(writable)
        for widget in (self.rights_check, self.risk_edit, self.findings_edit, self.result_edit):
            widget.setEnabled(writable)
        self.notes_button.setVisible(writable)
        self.addendum_button.setEnabled(info.sealed and self.refusal is None)
        self.signing_button.setEnabled(info.sealed and self.refusal is None)
        self.side.setTabEnabled(1, info.sealed)
        if info.sealed:
            self._show_seal()
        self._show_marker()

    def _show_marker(self) -> None:
        if self.sitting is None:
            self.marker.clear()
            return
        if self.sitting.sealed and self.refusal is not None:  # an archived case: no addendum either
            text, colour = self.tr("Sealed: read only."), SAVED_COLOUR
        elif self.sitting.sealed:
            text, colour = self.tr("Sealed: read only. A correction is an addendum."), SAVED_COLOUR
        elif self.refusal is not None:
            text = self.tr("Read only: {reason}").format(reason=translate_error(self.refusal))
            colour = ERROR_COLOUR
        elif self.failure is not None:
            text, colour = self.tr("Not saved: {reason}").format(reason=self.failure), ERROR_COLOUR
        elif self.saving:
            text, colour = self.tr("Saving…"), "#8a4b00"
        else:
            text, colour = self.tr("Saved"), SAVED_COLOUR
        if self.draft_saved_at is not None and not self.sitting.sealed and self.failure is None:
            text += "  " + self.tr("(unconfirmed text kept at {time})").format(
                time=self.draft_saved_at.astimezone().strftime("%H:%M:%S"))
        self.marker.setText(text)
        self.marker.setStyleSheet(f"color: {colour}")

    # --- typing -----------------------------------------------------------------------------------
    def _typed(self) -> None:
        text = self.box.toPlainText()
        if not text:
            self.started_at = None
            return
        if self.started_at is None:
            self.started_at = utc_now()
        found = speaker_prefix(text, self._speakers()) if self.sitting is not None else None
        if found is not None:
            index, rest = found
            self.choose_speaker(index)
            self.box.blockSignals(True)
            self.box.setPlainText(rest)
            self.box.blockSignals(False)
            cursor = self.box.textCursor()
            cursor.movePosition(cursor.MoveOperation.End)
            self.box.setTextCursor(cursor)

    def choose_speaker(self, index: int) -> None:
        if 0 <= index < self.speaker_combo.count():
            self.speaker_combo.setCurrentIndex(index)

    def kind(self) -> EntryKind:
        return EntryKind(self.kind_combo.currentData())

    def speaker(self) -> tuple[AttendeeRole, str] | None:
        data = self.speaker_combo.currentData()
        return (AttendeeRole(data[0]), str(data[1])) if data else None

    def confirm(self) -> Pending | None:
        """Enter: the text in the box becomes an entry, appended now and saved in order."""
        text = self.box.toPlainText()
        speaker = self.speaker()
        if not self.writable() or not text.strip() or speaker is None:
            return None
        role, name = speaker
        kind = self.kind()
        pending = Pending(role, name, text.strip("\n"), kind, self.started_at or utc_now())
        self.model.add_pending(pending)
        self.queue.append(pending)
        self.failure = None
        self.box.clear()
        self.started_at = None
        self.last_by_kind[kind] = self.speaker_combo.currentIndex()
        self._alternate(kind)
        self.table.scrollToBottom()
        self._pump()
        return pending

    def _alternate(self, kind: EntryKind) -> None:
        """Investigation records alternate question and answer: after one, the other, by its last speaker."""
        if kind not in (EntryKind.QUESTION, EntryKind.ANSWER):
            return
        other = EntryKind.ANSWER if kind is EntryKind.QUESTION else EntryKind.QUESTION
        self.kind_combo.setCurrentIndex(KINDS.index(other))
        index = self.last_by_kind.get(other)
        if index is None and other is EntryKind.ANSWER and self.sitting is not None:
            index = next((number for number, attendee in enumerate(self.sitting.attendees)
                          if attendee.role is AttendeeRole.INTERVIEWEE), None)
        if index is not None:
            self.choose_speaker(index)

    # --- saving, in order -------------------------------------------------------------------------
    def _pump(self) -> None:
        """Start the next write: the oldest entry confirmed, else the draft when it is due."""
        self._show_marker()
        if self.write_op is not None or self.sitting is None:
            return
        store, actor, sitting_id = self.store, self.signed_in.actor, self.sitting.id
        if self.queue:
            pending = self.queue.pop(0)
            self.in_flight = pending

            def add(_progress: ProgressFn, _cancelled: CancelledFn) -> EntryInfo:
                # Not cancellable: a confirmed entry is saved even while the window signs out.
                with store.database.session_scope() as session:
                    return minutes.add_entry(session, actor, sitting_id, pending.speaker_role,
                                             pending.speaker, pending.text, kind=pending.kind,
                                             spoken_at=pending.spoken_at)

            op: Op[Any] = run_op(self, add)
            op.on_success(self._written(lambda info: self._entry_saved(pending, info)))
            op.on_failure(self._written(lambda error: self._entry_failed(pending, error)))
        elif self.draft_due:
            self.draft_due = False
            speaker = self.speaker()
            role, name = speaker if speaker is not None else (AttendeeRole.OTHER, "")
            text = self.box.toPlainText()
            key = _key(role, name, text)

            def save(_progress: ProgressFn, _cancelled: CancelledFn) -> Draft | None:
                with store.database.session_scope() as session:
                    return minutes.save_draft(session, actor, sitting_id, role, name, text)

            kept = bool(text.strip())
            op = run_op(self, save).on_success(self._written(lambda _draft: self._draft_saved(key, kept)))
            op.on_failure(self._written(self._draft_failed))
        else:
            return
        self.write_op = op.start()

    def _written(self, callback: Callable[[Any], object]) -> Callable[[Any], None]:
        """``callback`` for a write's result, then the next write at once (not after a turn of the event
        loop: a sign-out awaiting the window's ops sees no gap between them)."""
        def run(value: Any) -> None:
            self.write_op = None
            callback(value)
            if self.failure is None:
                self._pump()
            else:
                self._show_marker()

        return run

    def _entry_saved(self, pending: Pending, info: EntryInfo) -> None:
        self.in_flight = None
        if self.sitting is not None:
            self.sitting = _with_count(self.sitting, info.seq)
        if not self.model.mark_saved(pending, info):
            self._read_more()  # another seat added entries meanwhile: read them in order
        # Saving an entry discards the user's draft of the sitting: keep what is typed now again.
        self.draft_saved = None
        self.draft_saved_at = None
        if self.box.toPlainText():
            self.draft_due = True

    def _entry_failed(self, pending: Pending, error: BaseException) -> None:
        """Nothing typed is lost: this entry and those behind it go back into the box, in order, before
        what is being typed now; the reason stays in view."""
        if not isinstance(error, MedisealError):
            show_error(self, error)
        self.failure = translate_error(error) if isinstance(error, MedisealError) else str(error)
        unsent = [pending, *self.queue]
        self.in_flight = None
        self.queue.clear()
        self.model.withdraw(unsent)
        speakers = self._attendee_keys()
        parts: list[str] = []
        for number, item in enumerate(unsent):
            prefix = ""
            if number > 0 and (item.speaker_role.value, item.speaker) in speakers:
                prefix = f"{speakers.index((item.speaker_role.value, item.speaker)) + 1}："
            parts.append(prefix + item.text)
        typed = self.box.toPlainText()
        if typed:
            parts.append(typed)
        self.box.blockSignals(True)
        self.box.setPlainText("\n".join(parts))
        self.box.blockSignals(False)
        self.started_at = pending.spoken_at
        if (pending.speaker_role.value, pending.speaker) in speakers:
            self.choose_speaker(speakers.index((pending.speaker_role.value, pending.speaker)))
        self.kind_combo.setCurrentIndex(KINDS.index(pending.kind))
        self.draft_due = True
        self._show_marker()

    def _attendee_keys(self) -> list[tuple[str, str]]:
        return [(attendee.role.value, attendee.name)
                for attendee in (self.sitting.attendees if self.sitting is not None else ())]

    def _draft_tick(self) -> None:
        if not self.writable():
            return
        speaker = self.speaker()
        role, name = speaker if speaker is not None else (AttendeeRole.OTHER, "")
        text = self.box.toPlainText()
        if self.offered is not None and not text.strip():
            return  # the draft offered back stays in the store until the user decides
        current = _key(role, name, text) if text.strip() else None
        if current != self.draft_saved:
            self.draft_due = True
            self._pump()

    def _draft_saved(self, key: DraftKey, kept: bool) -> None:
        self.draft_saved = key if kept else None
        self.draft_saved_at = utc_now() if kept else None
        if self.failure is not None and not self.queue and self.in_flight is None:
            self.failure = None  # the store answers again; the text in the box is kept
        self._show_marker()

    def _draft_failed(self, error: BaseException) -> None:
        self.draft_due = False
        self.failure = self.tr("the unconfirmed text could not be kept: {reason}").format(
            reason=translate_error(error) if isinstance(error, MedisealError) else str(error))

    def keep_draft(self) -> None:
        """Keep what is typed now (closing, signing out, locking, hiding): the write starts at once and
        is awaited with the window's other ops."""
        if self.sitting is None or not self.writable():
            return
        self._draft_tick()

    def hideEvent(self, event: QHideEvent) -> None:
        self.keep_draft()
        super().hideEvent(event)

    # --- the draft offered back -------------------------------------------------------------------
    def _offer(self, draft: Draft) -> None:
        self.offered = draft
        self.draft_saved = _key(draft.speaker_role, draft.speaker, draft.text)
        self.offer_label.setText(self.tr(
            "Unconfirmed text from {time} was kept ({speaker}): “{text}”").format(
            time=draft.saved_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
            speaker=f"{label(draft.speaker_role)} {draft.speaker}".strip(), text=_snip(draft.text)))
        self.offer_label.setToolTip(draft.text)  # the whole text, to copy where it is still wanted
        self.restore_button.setVisible(self.writable())  # a sitting that takes no entry: set aside only
        self.offer_bar.setVisible(True)

    def restore_draft(self) -> None:
        """恢复未确认的内容: the draft goes back into the box (before anything typed since)."""
        draft, self.offered = self.offered, None
        self.offer_bar.setVisible(False)
        if draft is None:
            return
        typed = self.box.toPlainText()
        keys = self._attendee_keys()
        if (draft.speaker_role.value, draft.speaker) in keys:
            self.choose_speaker(keys.index((draft.speaker_role.value, draft.speaker)))
        self.box.blockSignals(True)
        self.box.setPlainText(draft.text + ("\n" + typed if typed else ""))
        self.box.blockSignals(False)
        self.started_at = self.started_at or draft.saved_at
        cursor = self.box.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.box.setTextCursor(cursor)
        self.box.setFocus(Qt.FocusReason.OtherFocusReason)

    def discard_offer(self) -> None:
        """Set the draft aside: removed from the store once the box is kept again, or at once in a sitting
        that takes no entry any more (sealed, cancelled, or a case archived since the draft was kept)."""
        draft, self.offered = self.offered, None
        self.offer_bar.setVisible(False)
        if self.writable() or draft is None or self.write_op is not None:
            self._draft_tick()  # the box is not the draft kept: keeping it removes (or replaces) the draft
            return
        store, actor, sitting_id = self.store, self.signed_in.actor, draft.sitting_id

        def discard(_progress: ProgressFn, _cancelled: CancelledFn) -> None:
            with store.database.session_scope() as session:
                minutes.discard_draft(session, actor, sitting_id)

        op: Op[Any] = run_op(self, discard)
        op.on_success(self._written(lambda _none: None)).on_failure(self._written(self._draft_failed))
        self.write_op = op.start()

    # --- notes ------------------------------------------------------------------------------------
    def _notes(self) -> tuple[bool, str, str, str]:
        return (self.rights_check.isChecked(), self.risk_edit.toPlainText(), self.findings_edit.toPlainText(),
                self.result_edit.toPlainText())

    def _show_notes(self, info: SittingInfo) -> None:
        values = (info.rights_explained, info.risk_warning, info.findings, info.result)
        for widget in (self.rights_check, self.risk_edit, self.findings_edit, self.result_edit):
            widget.blockSignals(True)
        self.rights_check.setChecked(info.rights_explained)
        self.risk_edit.setPlainText(info.risk_warning)
        self.findings_edit.setPlainText(info.findings)
        self.result_edit.setPlainText(info.result)
        for widget in (self.rights_check, self.risk_edit, self.findings_edit, self.result_edit):
            widget.blockSignals(False)
        self.notes_base = values
        self._notes_edited()

    def _notes_edited(self) -> None:
        unsaved = self.has_unsaved_edits()
        self.notes_button.setEnabled(unsaved and self.notes_op is None)
        if unsaved:
            self.notes_message.setStyleSheet("")
            self.notes_message.setText(self.tr("Changed, not saved yet."))
        elif self.notes_op is None and self.notes_message.text() == self.tr("Changed, not saved yet."):
            self.notes_message.clear()

    def save_notes(self) -> Op[Any] | None:
        if self.sitting is None or self.notes_op is not None or not self.writable():
            return None
        store, actor, sitting = self.store, self.signed_in.actor, self.sitting
        rights, risk, findings, result = self._notes()

        def task(_progress: ProgressFn, _cancelled: CancelledFn) -> SittingInfo:
            with store.database.session_scope() as session:
                return sittings.set_notes(session, actor, sitting.id, sitting.revision,
                                          rights_explained=rights, risk_warning=risk, findings=findings,
                                          result=result)

        def saved(info: SittingInfo) -> None:
            self.sitting = info
            self.notes_base = (info.rights_explained, info.risk_warning, info.findings, info.result)
            self.notes_message.setStyleSheet(f"color: {SAVED_COLOUR}")
            self.notes_message.setText(self.tr("Notes saved."))
            self.changed.emit()

        def refused(error: BaseException) -> None:
            if not isinstance(error, MedisealError):
                show_error(self, error)
                return
            self.notes_message.setStyleSheet(f"color: {ERROR_COLOUR}")
            text = translate_error(error)
            if isinstance(error, StaleEdit):
                text += " " + self.tr("Your text is kept here: copy what you need, then reopen the sitting.")
            self.notes_message.setText(text)

        op = run_op(self, task).on_success(saved).on_failure(refused)
        op.finished.connect(self._notes_finished)
        self.notes_op = op.start()
        self.notes_button.setEnabled(False)
        return self.notes_op

    def _notes_finished(self) -> None:
        self.notes_op = None
        self.notes_button.setEnabled(self.has_unsaved_edits())

    # --- closing and sealing ----------------------------------------------------------------------
    def close_and_seal(self) -> SealDialog | None:
        if self.sitting is None or not self.writable():
            return None
        if self.saving or self.has_unsaved_edits():
            self.marker.setText(self.tr(
                "Wait until every entry is saved, and save the notes, before sealing."))
            self.marker.setStyleSheet(f"color: {ERROR_COLOUR}")
            return None
        unconfirmed = bool(self.box.toPlainText().strip())
        dialog = SealDialog(self.store, self.signed_in.actor, self.sitting, unconfirmed, self)
        return self._open(dialog, self._sealed)

    def _sealed(self, dialog: Any) -> None:
        self.box.clear()
        self.offered = None
        self.offer_bar.setVisible(False)
        self.changed.emit()
        self.reload()
        self.side.setCurrentIndex(1)

    def add_addendum(self) -> AddendumDialog | None:
        if self.sitting is None or not self.sitting.sealed:
            return None
        index = self.table.currentIndex()
        chosen = self.model.entry(index.row()) if index.isValid() else None
        dialog = AddendumDialog(self.store, self.signed_in.actor, self.sitting, self.model.saved,
                                chosen.seq if chosen is not None else None, self)
        return self._open(dialog, self._record_added)

    def record_signing(self) -> SigningDialog | None:
        if self.sitting is None or not self.sealed:
            return None
        dialog = SigningDialog(self.store, self.signed_in.actor, self.sealed, self.sitting.attendees, self)
        return self._open(dialog, self._record_added)

    def _record_added(self, _dialog: Any) -> None:
        self.changed.emit()
        self.reload()

    def _open(self, dialog: Any, saved: Callable[[Any], object]) -> Any:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: saved(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _show_seal(self) -> None:
        parts: list[str] = []
        for record in self.sealed:
            signer = person(record.signer, self.people.get(record.signer))
            when = record.sealed_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            if record.corrects_seq is None:
                heading = self.tr("Minutes sealed by {signer} at {time}").format(signer=signer, time=when)
            else:
                heading = self.tr("Addendum to entry {seq}, sealed by {signer} at {time}").format(
                    seq=record.corrects_seq, signer=signer, time=when)
            lines = [f"<b>{html.escape(heading)}</b>",
                     html.escape(self.tr("SHA-256: {digest}").format(digest=record.record_sha256)),
                     html.escape(self.tr("Key: {fingerprint}").format(fingerprint=record.fingerprint))]
            if record.corrects_seq is not None:
                lines.append(html.escape(self.tr("Reason: {reason}").format(reason=record.reason)))
                lines.append(html.escape(self.tr("Corrected text: {text}").format(text=record.text)))
            for signing in record.signings:
                lines.append(html.escape(self.tr("Signed by {name} ({role}) at {time}").format(
                    name=signing.name, role=label(signing.role),
                    time=signing.signed_at.astimezone().strftime("%Y-%m-%d %H:%M"))))
            if not record.signings:
                lines.append(html.escape(self.tr("No signing of the printed copy recorded yet.")))
            parts.append("<p>" + "<br>".join(lines) + "</p>")
        self.seal_view.setHtml("".join(parts))

    # --- search -----------------------------------------------------------------------------------
    def search(self) -> Op[Any] | None:
        text = self.search_edit.text().strip()
        if not text or self.search_op is not None:
            return None
        store, number = self.store, self.number

        def task(_progress: ProgressFn, _cancelled: CancelledFn) -> list[Hit]:
            with store.database.session_scope() as session:
                return minutes.search(session, number, text)

        op = run_op(self, task).on_success(self._show_hits)
        op.finished.connect(lambda: setattr(self, "search_op", None))
        self.search_op = op.start()
        return self.search_op

    def _show_hits(self, hits: list[Hit]) -> None:
        self.hits.clear()
        self.hits_label.setText(self.tr("{count} found").format(count=len(hits)))
        for hit in hits:
            item = QListWidgetItem(f"{hit.seq}  {hit.speaker}：{hit.snippet}")
            item.setData(Qt.ItemDataRole.UserRole, (hit.sitting_id, hit.seq))
            item.setToolTip(hit.snippet)
            self.hits.addItem(item)
        self.side.setCurrentIndex(2)
        if hits:
            self.hits.setCurrentRow(0)
            self.hits.setFocus(Qt.FocusReason.OtherFocusReason)

    def _hit_chosen(self, item: QListWidgetItem) -> None:
        sitting_id, seq = item.data(Qt.ItemDataRole.UserRole)
        if self.sitting is not None and sitting_id == self.sitting.id:
            self.select_seq(seq)
        else:
            self.open_other.emit(sitting_id, seq)

    def select_seq(self, seq: int) -> bool:
        row = self.model.row_of_seq(seq)
        if row < 0:
            return False
        index = self.model.index(row, TEXT)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    # --- leaving ----------------------------------------------------------------------------------
    def leave(self) -> None:
        self.keep_draft()
        self.back.emit()

    def entry_at(self, index: QModelIndex) -> EntryInfo | None:
        return self.model.entry(index.row())


def _with_count(info: SittingInfo, count: int) -> SittingInfo:
    from dataclasses import replace

    return replace(info, entry_count=max(info.entry_count, count))


def _snip(text: str, limit: int = 40) -> str:
    flat = text.replace("\n", " ")
    return flat if len(flat) <= limit else flat[:limit] + "…"
