"""The workspace's timeline: the case's history from the ledger (``core.cases.timeline``), newest first,
in words: when, who, what happened, and to what (the case, a party, an agent, an evidence item)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from desktop.core.trust.events import EventKind
from desktop.core.trust.ledger import Entry
from desktop.core.trust.subjects import SubjectKind
from desktop.ui.cases.snapshot import CaseSnapshot
from desktop.ui.framework.formatting import person
from desktop.ui.framework.i18n import event_label, label
from desktop.ui.ledger.words import SITTING_KINDS, subject_words

TIME, WHO, EVENT, ABOUT = range(4)


class TimelineView(QTableWidget):
    """One row per ledger entry, newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("caseTimeline")
        self.setHorizontalHeaderLabels([self.tr("Time"), self.tr("User"), self.tr("Event"), self.tr("About")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        for column in (TIME, WHO, EVENT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ABOUT, QHeaderView.ResizeMode.Stretch)

    def about(self, snapshot: CaseSnapshot, entry: Entry) -> str:
        """The entry's subject in words."""
        prefix, _colon, key = entry.subject.partition(":")
        if prefix == "party" and key.isdigit():
            party = snapshot.party(int(key))
            return self.tr("Party {name}").format(name=party.identity.name if party else key)
        if prefix == "agent" and key.isdigit():
            agent = snapshot.agent(int(key))
            return self.tr("Agent {name}").format(name=agent.agent.name if agent else key)
        found = snapshot.subjects.get(entry.subject)
        if found is not None and (found.kind in SITTING_KINDS or found.kind is SubjectKind.FILE):
            return subject_words(found, entry.subject, with_case=False)  # 笔录第12条（调解会 2026-11-27）
        if found is not None and found.kind is SubjectKind.EVIDENCE:
            return self.tr("Evidence item {id}: {name}").format(id=found.key, name=found.name)
        if found is not None and found.kind is SubjectKind.PRESERVATION:
            return self.tr("Preservation record {id}").format(id=found.key)
        if entry.kind == EventKind.CASE_MOVED:  # which move: the one whose record the entry digests
            for move in snapshot.moves:
                if move.record_sha256 == entry.subject_sha256:
                    return self.tr("The case: {source} → {target}").format(source=label(move.from_status),
                                                                          target=label(move.to_status))
        return self.tr("The case")

    def show_snapshot(self, snapshot: CaseSnapshot) -> None:
        self.setRowCount(len(snapshot.timeline))
        for row, entry in enumerate(snapshot.timeline):
            cells = (entry.recorded_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
                     person(entry.actor, snapshot.people.get(entry.actor)), event_label(entry.kind),
                     self.about(snapshot, entry))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.setItem(row, column, item)
