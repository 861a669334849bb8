"""Verification results as data: each finding with a stable code and its facts, the per-item, per-record
and per-checkpoint statuses, and a bottom line.

A finding is an ``error`` (something does not match what was recorded; the store is not clean) or a
``notice`` (a fact worth knowing that breaks nothing, such as a key revoked after it sealed an item).
``Report.to_dict`` is a contract (``mediseal verify --json``, saved reports): it only gains keys.

A finding's words are data too: an English template marked ``QT_TRANSLATE_NOOP("findings", ...)`` and
the values it names (``Words``), for what it is about and for what is wrong. ``message`` is their English
rendering (the command line and saved reports); ``Finding.in_words(translate)`` renders them in the
window's language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypedDict, Unpack

from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.core.integrity.canonical import format_time
from desktop.core.verification.codes import FindingCode, ItemVerdict, Severity
from desktop.core.verification.statuses import CheckpointStatus, ItemStatus, RecordStatus
from desktop.core.vocabulary import VOCABULARY_CONTEXT, Vocabulary

ERROR = Severity.ERROR
NOTICE = Severity.NOTICE

# What a ``blob-changed`` finding says differs (its ``differs`` fact): a digest, or the size.
DIFFERS_SHA256 = "sha256"
DIFFERS_SM3 = "sm3"
DIFFERS_SIZE = "size"
# A report's scope: the whole store, or one case's records and the ledger entries they rest on.
SCOPE_STORE = "store"
SCOPE_CASE = "case"

# The translation context of every finding template (Qt's ``QCoreApplication.translate(context, text)``).
FINDINGS_CONTEXT = "findings"
# How what a finding is about and what is wrong are joined into one message.
JOINED = QT_TRANSLATE_NOOP("findings", "{about}: {said}")

Translate = Callable[[str, str], str]
"""``translate(context, source)``: the window passes ``QCoreApplication.translate``; core never imports Qt."""


@dataclass(frozen=True, slots=True)
class Term:
    """A word of a closed vocabulary inside a message (an event kind): its code in English messages, as
    they have always said it, and its translated label in the window."""

    code: str
    label: str
    context: str = VOCABULARY_CONTEXT

    def render(self, translate: Translate | None = None) -> str:
        return self.code if translate is None or not self.label else translate(self.context, self.label)


def term(vocabulary: type[Vocabulary], code: str) -> Term:
    """``code`` as a ``Term`` of ``vocabulary`` (a code it does not know, a tampered entry's, stays as is)."""
    try:
        return Term(code, vocabulary(code).label)
    except ValueError:
        return Term(code, "")


@dataclass(frozen=True, slots=True)
class Words:
    """An English template with ``{name}`` placeholders and the values that fill them. ``literal`` words
    are finished English text (from a checker that does not give a template yet): never translated."""

    template: str
    values: tuple[tuple[str, Value], ...] = ()
    literal: bool = False

    def render(self, translate: Translate | None = None) -> str:
        """In English (no ``translate``), or through ``translate`` in the ``findings`` context."""
        if self.literal:
            return self.template
        template = self.template if translate is None else translate(FINDINGS_CONTEXT, self.template)
        return template.format_map({name: _rendered(value, translate) for name, value in self.values})


Value = str | int | None | Words | Term


def _rendered(value: Value, translate: Translate | None) -> str:
    if isinstance(value, Words | Term):
        return value.render(translate)
    return "None" if value is None else str(value)


def words(template: str, **values: Value) -> Words:
    """``Words`` of a template (mark it ``QT_TRANSLATE_NOOP("findings", ...)`` where it is written)."""
    return Words(template, tuple(values.items()))


def as_words(text: str | Words) -> Words:
    """Words as given, or finished English text as literal words."""
    return text if isinstance(text, Words) else Words(text, literal=True)


def joined(about: Words | None, said: Words, translate: Translate | None = None) -> str:
    """What a finding is about and what is wrong, in one message."""
    if about is None:
        return said.render(translate)
    template = JOINED if translate is None else translate(FINDINGS_CONTEXT, JOINED)
    return template.format(about=about.render(translate), said=said.render(translate))


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing that does not match: what (a stable code), where (the ids that apply), and in words."""

    code: FindingCode
    message: str
    seq: int | None = None  # a ledger entry
    checkpoint: int | None = None
    expected: str | None = None
    found: str | None = None
    item: int | None = None  # an evidence item (``name`` is its file name)
    name: str | None = None
    record: int | None = None  # a preservation record
    severity: Severity = ERROR
    seal: int | None = None  # a seal on ``item``
    case: str | None = None  # a case number
    key: str | None = None  # a signing key's certificate fingerprint (as the ledger or the row gives it)
    user: str | None = None
    node: str | None = None  # a Merkle node, "level/index"
    blob: str | None = None  # a file in the vault, by SHA-256
    differs: str | None = None  # which recorded value differs (``DIFFERS_SHA256``, ``_SM3``, ``_SIZE``)
    # The words of ``message``, for other languages: what is wrong, and what it is about (None: the
    # message says it all; ``said`` None: a finding made before findings had words, only ``message``).
    said: Words | None = field(default=None, compare=False)
    about: Words | None = field(default=None, compare=False)

    def in_words(self, translate: Translate | None = None) -> str:
        """The message in English, or through ``translate`` (the window's language)."""
        return self.message if self.said is None else joined(self.about, self.said, translate)

    def to_dict(self) -> dict[str, object]:
        return {"code": str(self.code), "severity": str(self.severity), "message": self.message,
                "seq": self.seq, "checkpoint": self.checkpoint, "item": self.item, "name": self.name,
                "record": self.record, "expected": self.expected, "found": self.found,
                "label": self.code.label, "seal": self.seal, "case": self.case, "key": self.key,
                "user": self.user, "node": self.node, "blob": self.blob, "differs": self.differs}


class Facts(TypedDict, total=False):
    """The facts a finding may name besides its code and words (the fields of ``Finding``)."""

    seq: int | None
    checkpoint: int | None
    expected: str | None
    found: str | None
    item: int | None
    name: str | None
    record: int | None
    severity: Severity
    seal: int | None
    case: str | None
    key: str | None
    user: str | None
    node: str | None
    blob: str | None
    differs: str | None


def finding(code: FindingCode, said: Words, about: Words | None = None, **facts: Unpack[Facts]) -> Finding:
    """A finding whose message is ``about: said`` in English, with its words kept for the window."""
    return Finding(code, joined(about, said), said=said, about=about, **facts)


@dataclass(frozen=True, slots=True)
class Where:
    """What findings are about: their words (``item 3 (a.txt)``) and the ids a program reads."""

    text: str | Words  # ``Words``; finished English text is taken as it is
    item: int | None = None
    name: str | None = None
    record: int | None = None
    seal: int | None = None
    checkpoint: int | None = None
    case: str | None = None
    key: str | None = None
    user: str | None = None

    def finding(self, code: FindingCode, message: str | Words, *, expected: str | None = None,
                found: str | None = None, seq: int | None = None, severity: Severity = ERROR,
                differs: str | None = None, item: int | None = None) -> Finding:
        """A finding about this; ``message`` is ``Words`` (finished English text is taken as it is)."""
        about, what = as_words(self.text), as_words(message)
        return Finding(code, joined(about, what), seq=seq, checkpoint=self.checkpoint, expected=expected,
                       found=found, item=self.item if item is None else item, name=self.name,
                       record=self.record, severity=severity, seal=self.seal, case=self.case, key=self.key,
                       user=self.user, differs=differs, said=what, about=about)


@dataclass(frozen=True, slots=True)
class Report:
    """The facts checked and the findings; ``clean`` is the bottom line (no error findings). Who ran the
    check and when it started travel with it, so a saved report says so."""

    entries: int
    nodes: int
    checkpoints: int
    findings: tuple[Finding, ...] = field(default=())
    items: int = 0
    blobs: int = 0
    bytes: int = 0
    seals: int = 0
    records: int = 0
    case: str | None = None
    cases: int = 0
    keys: int = 0
    users: int = 0
    item_statuses: tuple[ItemStatus, ...] = ()
    record_statuses: tuple[RecordStatus, ...] = ()
    checkpoint_statuses: tuple[CheckpointStatus, ...] = ()
    checked_at: datetime | None = None  # when the check started (aware)
    checked_by: str | None = None  # the signed-in user (the window) or the system account (the CLI)

    @property
    def scope(self) -> str:
        """``store`` or ``case`` (the case is ``case``)."""
        return SCOPE_STORE if self.case is None else SCOPE_CASE

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(finding for finding in self.findings if finding.severity == ERROR)

    @property
    def clean(self) -> bool:
        return not self.errors

    def verdicts(self) -> dict[int, ItemVerdict]:
        """Each checked item's bottom line, by item id (for evidence lists and court packages)."""
        return {status.item: status.verdict for status in self.item_statuses}

    def to_dict(self) -> dict[str, object]:
        """The report as plain data (the ``--json`` output and the GUI's saved report)."""
        return {"clean": self.clean, "case": self.case, "entries": self.entries, "nodes": self.nodes,
                "checkpoints": self.checkpoints, "items": self.items, "blobs": self.blobs,
                "bytes": self.bytes, "seals": self.seals, "preservation_records": self.records,
                "findings": [finding.to_dict() for finding in self.findings],
                "cases": self.cases, "keys": self.keys, "users": self.users,
                "statuses": {"items": [status.to_dict() for status in self.item_statuses],
                             "preservation_records": [status.to_dict() for status in self.record_statuses],
                             "checkpoints": [status.to_dict() for status in self.checkpoint_statuses]},
                "scope": self.scope, "checked_by": self.checked_by,
                "checked_at": format_time(self.checked_at) if self.checked_at is not None else None}
