"""The detail pane of an evidence item: its facts (digests with Copy, acquisition, seals), its custody
trail (the ledger entries about it) and the preservation records of its case."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.core.evidence.items import ItemInfo
from desktop.core.evidence.preservation import PreservationInfo
from desktop.core.exchange.importing import Origin
from desktop.core.trust.ledger import Entry
from desktop.core.trust.subjects import SubjectInfo
from desktop.ui.evidence.acquisition_dialog import source_kind_titles
from desktop.ui.framework.formatting import human_size, local_time, person, record_time
from desktop.ui.framework.i18n import event_label, listed
from desktop.ui.ledger.words import subject_words

translate = QCoreApplication.translate


def _configure(table: QTableWidget, name: str, headers: list[str]) -> None:
    """A read-only table of one-line rows: columns as wide as their contents, the last takes the rest."""
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    for column in range(len(headers) - 1):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    _configure(table, name, headers)
    return table


class DigestField(QWidget):
    """A digest in full (two lines of 32 hex digits, so it fits beside the preview), selectable, with a
    Copy button that copies it exactly."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value = ""
        self.label = QLabel()
        self.label.setObjectName(f"{name}Digest")
        self.label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setObjectName(f"copy{name.capitalize()}Button")
        self.copy_button.clicked.connect(self.copy)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addStretch(1)  # the button beside its digest, however wide the pane

    def set_value(self, value: str) -> None:
        self.value = value
        half = len(value) // 2
        self.label.setText(f"{value[:half]}\n{value[half:]}" if value else "")
        self.label.setToolTip(value)
        self.copy_button.setEnabled(bool(value))

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.value)


def _value_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def origin_text(origin: Origin) -> str:
    """An imported item's origin in words: from 某公证处, sealed by 周婷 (certificate …), origin verdict."""
    sealed = listed(QCoreApplication.translate(
        "ItemFacts", "{signer} (certificate {fingerprint}…)").format(
        signer=seal.signer, fingerprint=seal.fingerprint[:16]) for seal in origin.seals)
    verdict = (QCoreApplication.translate("ItemFacts", "verified") if origin.verified
               else QCoreApplication.translate("ItemFacts", "not verified"))
    if sealed:
        text = QCoreApplication.translate(
            "ItemFacts", "from {office}, sealed by {signers}, origin verdict: {verdict}").format(
            office=origin.source_office, signers=sealed, verdict=verdict)
    else:
        text = QCoreApplication.translate(
            "ItemFacts", "from {office}, not sealed, origin verdict: {verdict}").format(
            office=origin.source_office, verdict=verdict)
    details = QCoreApplication.translate(
        "ItemFacts", "its item {item} there; package {package}, imported by {user} at {time}").format(
        item=origin.origin_item_id, package=origin.package_name, user=origin.imported_by,
        time=local_time(origin.imported_at))
    if origin.timestamped:
        details += "; " + QCoreApplication.translate("ItemFacts", "with a trusted timestamp")
    return f"{text}\n{details}"


class ItemFacts(QScrollArea):
    """What is recorded about one item."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("itemFacts")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.name = _value_label("itemName")
        self.type = _value_label("itemType")
        self.sha256 = DigestField("sha256")
        self.sm3 = DigestField("sm3")
        self.source = _value_label("itemSource")
        self.url = _value_label("itemUrl")
        self.url.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.url.setOpenExternalLinks(False)
        self.acquired_at = _value_label("itemAcquiredAt")
        self.acquired_by = _value_label("itemAcquiredBy")
        self.device = _value_label("itemDevice")
        self.note = _value_label("itemNote")
        self.taken_in = _value_label("itemTakenIn")
        self.seals = _value_label("itemSeals")
        self.seals.setTextFormat(Qt.TextFormat.PlainText)
        self.origin = _value_label("itemOrigin")
        self.origin.setTextFormat(Qt.TextFormat.PlainText)
        self.people: Mapping[str, str] = {}  # login name → real name, read with the items
        self.origins: Mapping[int, Origin] = {}  # imported items' origins, read with the items
        content = QWidget()
        form = QFormLayout(content)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("File name:"), self.name)
        form.addRow(self.tr("Type and size:"), self.type)
        form.addRow("SHA-256:", self.sha256)
        form.addRow("SM3:", self.sm3)
        form.addRow(self.tr("Source:"), self.source)
        form.addRow(self.tr("Address (URL):"), self.url)
        form.addRow(self.tr("Acquired at:"), self.acquired_at)
        form.addRow(self.tr("Acquired by:"), self.acquired_by)
        form.addRow(self.tr("Device or software:"), self.device)
        form.addRow(self.tr("Note:"), self.note)
        form.addRow(self.tr("Taken in:"), self.taken_in)
        form.addRow(self.tr("Seals:"), self.seals)
        form.addRow(self.tr("Origin:"), self.origin)
        self.setWidget(content)
        self.show_item(None)

    def show_item(self, info: ItemInfo | None) -> None:
        if info is None:
            for label in (self.name, self.type, self.source, self.url, self.acquired_at, self.acquired_by,
                          self.device, self.note, self.taken_in, self.seals, self.origin):
                label.clear()
            self.name.setText(self.tr("Select an item to see what is recorded about it."))
            self.sha256.set_value("")
            self.sm3.set_value("")
            return
        acquisition = info.acquisition
        self.name.setText(info.name)
        self.type.setText(self.tr("{type}, {size} ({bytes} bytes)").format(
            type=info.mime_type, size=human_size(info.size), bytes=f"{info.size:,}"))
        self.sha256.set_value(info.sha256)
        self.sm3.set_value(info.sm3)
        self.source.setText(source_kind_titles().get(acquisition.source_kind, acquisition.source_kind))
        self.url.setText(acquisition.url or "—")
        self.acquired_at.setText(local_time(acquisition.acquired_at) or self.tr("not recorded"))
        self.acquired_by.setText(acquisition.acquired_by or "—")
        self.device.setText(acquisition.device or "—")
        self.note.setText(acquisition.note or "—")
        self.taken_in.setText(self.tr("by {user} at {time}").format(user=self._person(info.ingested_by),
                                                                    time=local_time(info.ingested_at)))
        lines = []
        for seal in info.seals:
            line = self.tr("{signer}, {time}, certificate {fingerprint}…").format(
                signer=self._person(seal.signer), time=local_time(seal.sealed_at),
                fingerprint=seal.fingerprint[:16])
            if seal.key_revoked_at is not None:
                line += " " + self.tr("(key revoked {time})").format(time=local_time(seal.key_revoked_at))
            lines.append(line)
        self.seals.setText("\n".join(lines) if lines else self.tr("Not sealed"))
        origin = self.origins.get(info.id)
        self.origin.setText(origin_text(origin) if origin is not None else self.tr("Taken in here"))

    def _person(self, name: str) -> str:
        return person(name, self.people.get(name))


class CustodyTrail(QTableWidget):
    """Every ledger entry about the item: taken in, viewed, copied, sealed, exported; the subject in words
    (证据 5 截图.png), as recorded in its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        _configure(self, "custodyTrail", [self.tr("No."), self.tr("Time"), self.tr("User"), self.tr("Event"),
                                          self.tr("Subject")])
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a narrow pane keeps the file name's end

    def show_entries(self, entries: list[Entry], subjects: Mapping[str, SubjectInfo] | None = None,
                     people: Mapping[str, str] | None = None) -> None:
        """Show ``entries``; ``subjects`` (``describe_subjects``, read on the worker thread) gives their
        subjects in words, else they show as recorded; ``people`` the users' real names."""
        self.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            info = (subjects or {}).get(entry.subject)
            values = (str(entry.seq), local_time(entry.recorded_at),
                      person(entry.actor, (people or {}).get(entry.actor)),
                      event_label(entry.kind), subject_words(info, entry.subject))
            raw = f"{entry.kind} {entry.subject} {entry.subject_sha256 or ''}".strip()
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, entry.kind)
                cell.setToolTip(f"{value}\n{raw}" if column == 4 else raw)  # words in full, then raw
                self.setItem(row, column, cell)


RECORD_ITEMS, RECORD_CORRECTED_BY = 3, 5  # columns of the records' list


def list_text(values: list[str]) -> str:
    """Names or numbers one after the other, as the user's language lists them (王芳、张强; Wang, Zhang)."""
    separator = translate("PreservationList", ", ", "between the names of a list")
    return separator.join(str(value) for value in values)


class PreservationList(QSplitter):
    """The case's preservation records, and the one selected in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setObjectName("preservationList")
        self.table = _table([self.tr("No."), self.tr("Sealed by"), self.tr("Time"), self.tr("Items"),
                             self.tr("Corrects"), self.tr("Corrected by")], "preservationTable")
        # The items' numbers take what the other columns leave (a record of many items is shortened, in
        # full in the tooltip): the list never needs sideways scrolling beside the record's text.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(RECORD_ITEMS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RECORD_CORRECTED_BY, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.text = QPlainTextEdit()
        self.text.setObjectName("preservationText")
        self.text.setReadOnly(True)
        self.addWidget(self.table)
        self.addWidget(self.text)
        self.records: list[PreservationInfo] = []
        self.people: Mapping[str, str] = {}  # login name → real name, read with the records
        self.table.currentCellChanged.connect(lambda row, *_rest: self._show(row))

    def show_records(self, records: list[PreservationInfo]) -> None:
        self.records = records
        self.table.setRowCount(len(records))
        for row, record in enumerate(records):
            items = record.record.get("items")
            ids = [str(item.get("id")) for item in items if isinstance(item, dict)] \
                if isinstance(items, list) else []
            supersedes = record.record.get("supersedes")
            corrects = str(supersedes.get("id")) if isinstance(supersedes, dict) else ""
            signer = person(record.signer, self.people.get(record.signer))
            values = (str(record.id), signer, local_time(record.sealed_at), list_text(ids), corrects,
                      str(record.superseded_by) if record.superseded_by is not None else "")
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                self.table.setItem(row, column, cell)
        if records:
            self.table.setCurrentCell(len(records) - 1, 0)
        self._show(self.table.currentRow() if records else -1)

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.records):
            self.text.setPlainText(self.tr("No preservation record for this case yet.")
                                   if not self.records else "")
            return
        record = self.records[row]
        acquisition = record.record.get("acquisition")
        facts = acquisition if isinstance(acquisition, dict) else {}
        witnesses = facts.get("witnesses")
        lines = [
            self.tr("Preservation record {id} of case {case}").format(id=record.id, case=record.case_number),
            self.tr("Sealed by {signer} at {time}; record SHA-256 {digest}").format(
                signer=person(record.signer, self.people.get(record.signer)),
                time=local_time(record.sealed_at), digest=record.record_sha256),
            self.tr("Place: {value}").format(value=facts.get("place", "")),
            self.tr("Applicant: {value}").format(value=facts.get("applicant", "")),
            self.tr("Operator: {value}").format(value=facts.get("operator", "")),
            self.tr("Witnesses: {value}").format(
                value=list_text(witnesses) if isinstance(witnesses, list) and witnesses else "—"),
            self.tr("From {start} to {end}").format(start=record_time(facts.get("started_at")),
                                                   end=record_time(facts.get("ended_at"))),
            self.tr("Devices and software: {value}").format(value=facts.get("devices") or "—"),
            self.tr("Steps:"), str(facts.get("steps", "")),
            self.tr("Evidence items:"), *_item_lines(record.record.get("items")),
        ]
        if record.supersedes is not None:
            corrects = [self.tr("Corrects record {id}.").format(id=record.supersedes)]
            if record.reason:
                corrects.append(self.tr("Reason for the correction: {reason}").format(reason=record.reason))
            lines[2:2] = corrects
        if record.superseded_by is not None:
            lines.insert(1, self.tr("Corrected by record {id}.").format(id=record.superseded_by))
        self.text.setPlainText("\n".join(lines))


RECORD_SHA256_SHOWN = 16  # hex digits of each item's SHA-256 in the record view


def _item_lines(items: object) -> list[str]:
    """The items a record covers, as it lists them: number, file name, the start of the SHA-256."""
    listed = [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []
    return [f"  {item.get('id')}  {item.get('name', '')}  "
            f"SHA-256 {str(item.get('sha256', ''))[:RECORD_SHA256_SHOWN]}…" for item in listed]
