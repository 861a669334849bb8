"""The minutes of a sitting (人民调解记录 / 调查记录), typed live: each confirmed entry is its own committed
record (a version with a ledger entry), the entry being typed is kept as a draft, and closing the sitting
seals the minutes (canonical record, RFC 8785; the mediator's ECDSA signature; a ledger entry). Sealed
minutes are read-only here and in the database; a correction is an addendum naming the entry it corrects
and why, sealed in turn. That people signed the printed minutes is recorded as a fact on the record."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from db.models import MediationCase, SigningKey, utc_now
from db.sittings import MinutesDraft, MinutesEntry, MinutesSigning, Sitting
from db.sittings import SealedMinutes as SealedRow
from desktop.core.cases import versions
from desktop.core.cases.deadlines import office_today
from desktop.core.cases.file_parts import FileDocument, FilePart
from desktop.core.cases.matters import find_case, mediators_of
from desktop.core.cases.minutes_records import (
    TITLES,
    addendum_record,
    entry_record,
    entry_subject,
    minutes_record,
    minutes_subject,
    signing_record,
    signing_subject,
)
from desktop.core.cases.sittings import (
    NAME_MAX,
    REASON_MAX,
    AttendeeRole,
    SittingKind,
    SittingState,
    attendees_of,
    aware,
    find_sitting,
    is_recorder,
    require_open,
    require_sitting_access,
    save_version,
    vocabulary_value,
)
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput, NotAllowed, NotFound
from desktop.core.integrity.canonical import canonical_bytes, format_time
from desktop.core.office.office import get_office
from desktop.core.text import clean_text
from desktop.core.trust import ledger
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Actor, Role, require_active
from desktop.core.trust.signing_keys import UnlockedKey, require_usable_key
from desktop.core.vocabulary import Vocabulary

ENTRY_MAX = 20_000  # characters of one entry: a long statement, never cut
SEARCH_MAX = 200
SNIPPET_CONTEXT = 30  # characters either side of a search hit
MINUTES_KIND = "minutes"
ADDENDUM_KIND = "addendum"


class EntryKind(Vocabulary):
    """What an entry is. Stored: never rename one."""

    STATEMENT = "statement", QT_TRANSLATE_NOOP("vocabulary", "Statement")  # 陈述
    QUESTION = "question", QT_TRANSLATE_NOOP("vocabulary", "Question")  # 问
    ANSWER = "answer", QT_TRANSLATE_NOOP("vocabulary", "Answer")  # 答
    NOTE = "note", QT_TRANSLATE_NOOP("vocabulary", "Recorder's note")  # 记录人注, e.g. （双方签字）


@dataclass(frozen=True, slots=True)
class EntryInfo:
    """One confirmed entry of the minutes."""

    id: int
    sitting_id: int
    seq: int
    kind: EntryKind
    speaker_role: AttendeeRole
    speaker: str
    text: str
    spoken_at: datetime
    recorded_by: str
    recorded_at: datetime
    revision: int


@dataclass(frozen=True, slots=True)
class Draft:
    """The entry a user is typing in a sitting, as last saved."""

    sitting_id: int
    author: str
    speaker_role: AttendeeRole
    speaker: str
    text: str
    saved_at: datetime


@dataclass(frozen=True, slots=True)
class Signing:
    """That a person signed the printed record, as recorded."""

    name: str
    role: AttendeeRole
    signed_at: datetime
    recorded_by: str
    recorded_at: datetime
    id: int = 0


@dataclass(frozen=True, slots=True)
class SealedMinutes:
    """Sealed minutes (``kind`` "minutes") or an addendum (``kind`` "addendum", with the entry it corrects,
    why and the corrected text), with its record, digest, signer and the recorded signings."""

    id: int
    sitting_id: int
    case_number: str
    kind: str
    corrects_seq: int | None
    reason: str
    text: str
    record: dict[str, Any]
    record_sha256: str
    signer: str
    fingerprint: str
    sealed_at: datetime
    signings: tuple[Signing, ...]
    signature: bytes = b""


@dataclass(frozen=True, slots=True)
class Hit:
    """An entry found by a search, with a short snippet around the words found."""

    sitting_id: int
    seq: int
    speaker: str
    snippet: str
    entry_id: int = 0


def _entry_info(row: MinutesEntry) -> EntryInfo:
    return EntryInfo(row.id, row.sitting_id, row.seq, EntryKind(row.kind), AttendeeRole(row.speaker_role),
                     row.speaker, row.text, row.spoken_at, row.recorded_by, row.recorded_at, row.revision)


def _clean_speaker(speaker: str, kind: EntryKind) -> str:
    # A recorder's note (（双方签字）) may stand without a speaker; anything said names who said it.
    return clean_text(speaker, "speaker", NAME_MAX, required=kind is not EntryKind.NOTE)


def _clean_entry_text(text: str) -> str:
    return clean_text(text, "text", ENTRY_MAX, multiline=True, required=True)


def add_entry(session: Session, actor: Actor, sitting_id: int, speaker_role: AttendeeRole | str, speaker: str,
              text: str, *, kind: EntryKind | str = EntryKind.STATEMENT, spoken_at: datetime | None = None,
              now: datetime | None = None) -> EntryInfo:
    """Record one confirmed entry as the sitting's next, in the caller's transaction (the caller commits:
    one transaction per entry, so each is durable at once), with its ledger entry; discards the actor's
    draft of the sitting. Constant work per entry: the next seq is the sitting's count, nothing else is
    read."""
    role = vocabulary_value(AttendeeRole, speaker_role, field="speaker_role")
    chosen = vocabulary_value(EntryKind, kind, field="kind")
    name = _clean_speaker(speaker, chosen)
    body = _clean_entry_text(text)
    moment = now or utc_now()
    spoken = aware(spoken_at, field="spoken_at") if spoken_at is not None else moment
    ledger.lock(session)
    row, case = find_sitting(session, sitting_id)
    require_sitting_access(session, actor, case, row)
    require_open(row)
    row.entry_count += 1
    entry = MinutesEntry(sitting_id=row.id, seq=row.entry_count, kind=chosen.value, speaker_role=role.value,
                         speaker=name, text=body, spoken_at=spoken, recorded_by=actor.name,
                         recorded_at=moment, revision=1)
    session.add(entry)
    session.flush()
    versions.save(session, actor.name, EventKind.MINUTES_ENTRY_ADDED, entry_subject(entry.id), 1,
                  entry_record(case.number, entry), moment)
    session.execute(delete(MinutesDraft).where(MinutesDraft.sitting_id == row.id,
                                               MinutesDraft.author == actor.name))
    return _entry_info(entry)


def edit_entry(session: Session, actor: Actor, entry_id: int, expected_revision: int, text: str,
               now: datetime | None = None) -> EntryInfo:
    """Change an entry's text before the minutes are sealed: a new version with its ledger entry; refused
    when someone else changed it since ``expected_revision``. Nothing is logged when nothing changed."""
    body = _clean_entry_text(text)
    ledger.lock(session)
    entry = session.get(MinutesEntry, entry_id)
    if entry is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no minutes entry {entry}."), entry=entry_id)
    row, case = find_sitting(session, entry.sitting_id)
    require_sitting_access(session, actor, case, row)
    require_open(row)
    versions.check_base(entry.revision, expected_revision, entry_subject(entry.id))
    if entry.text == body:
        return _entry_info(entry)
    entry.text = body
    entry.revision += 1
    session.flush()
    versions.save(session, actor.name, EventKind.MINUTES_ENTRY_EDITED, entry_subject(entry.id),
                  entry.revision, entry_record(case.number, entry), now or utc_now())
    return _entry_info(entry)


def entries(session: Session, sitting_id: int, *, after_seq: int = 0,
            limit: int | None = None) -> list[EntryInfo]:
    """The sitting's entries after ``after_seq``, in order (``limit`` at most): the editor loads a long
    sitting page by page and then only what is new."""
    if session.get(Sitting, sitting_id) is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There is no sitting {sitting}."), sitting=sitting_id)
    query = (select(MinutesEntry).where(MinutesEntry.sitting_id == sitting_id, MinutesEntry.seq > after_seq)
             .order_by(MinutesEntry.seq))
    if limit is not None:
        query = query.limit(limit)
    return [_entry_info(row) for row in session.scalars(query)]


# Drafts: not records (no ledger entry), only what keeps typed text through a crash.

def _draft(row: MinutesDraft) -> Draft:
    return Draft(row.sitting_id, row.author, AttendeeRole(row.speaker_role), row.speaker, row.text,
                 row.saved_at)


def save_draft(session: Session, actor: Actor, sitting_id: int, speaker_role: AttendeeRole | str,
               speaker: str, text: str, now: datetime | None = None) -> Draft:
    """Keep what ``actor`` is typing in the sitting (one draft per user and sitting, replaced each time);
    an empty text removes the draft. The text is kept as typed (it is checked when confirmed), except
    NUL, which no database stores."""
    role = vocabulary_value(AttendeeRole, speaker_role, field="speaker_role")
    kept = text.replace("\x00", "")
    if len(kept) > ENTRY_MAX or len(speaker) > NAME_MAX:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "The field {field} must be at most {limit} characters (it has {length})."),
            field="text", limit=ENTRY_MAX, length=len(kept))
    moment = now or utc_now()
    require_active(actor)
    row, case = find_sitting(session, sitting_id)
    require_sitting_access(session, actor, case, row)
    require_open(row)
    stored = session.get(MinutesDraft, (sitting_id, actor.name))
    if not kept.strip():
        if stored is not None:
            session.delete(stored)
        return Draft(sitting_id, actor.name, role, speaker.replace("\x00", ""), "", moment)
    if stored is None:
        stored = MinutesDraft(sitting_id=sitting_id, author=actor.name)
        session.add(stored)
    stored.speaker_role, stored.speaker = role.value, speaker.replace("\x00", "")
    stored.text, stored.saved_at = kept, moment
    session.flush()
    return _draft(stored)


def draft_of(session: Session, actor: Actor, sitting_id: int) -> Draft | None:
    """``actor``'s draft in the sitting, if any."""
    stored = session.get(MinutesDraft, (sitting_id, actor.name))
    return _draft(stored) if stored is not None else None


def drafts_of(session: Session, actor: Actor) -> list[Draft]:
    """Every draft of ``actor``, newest first: what to offer back after a crash."""
    query = select(MinutesDraft).where(MinutesDraft.author == actor.name).order_by(
        MinutesDraft.saved_at.desc(), MinutesDraft.sitting_id)
    return [_draft(row) for row in session.scalars(query)]


def discard_draft(session: Session, actor: Actor, sitting_id: int) -> None:
    """Remove ``actor``'s draft in the sitting (nothing happens when there is none)."""
    session.execute(delete(MinutesDraft).where(MinutesDraft.sitting_id == sitting_id,
                                               MinutesDraft.author == actor.name))


# Sealing.

def require_signer(session: Session, actor: Actor, case: MediationCase, row: Sitting) -> None:
    """Only a mediator of the case seals its minutes (any assigned one; any mediator while none is
    assigned), or the case worker listed as the sitting's recorder (记录人), who signs what they typed."""
    assigned = mediators_of(session, case.id)
    if actor.name in assigned or (not assigned and Role.MEDIATOR in actor.roles) \
            or is_recorder(session, actor.name, row.id):
        return
    raise NotAllowed(QT_TRANSLATE_NOOP(
        "errors", "{user} may not seal the minutes of sitting {sitting}: that is for a mediator of case "
        "{number} or the sitting's recorder."), user=actor.name, sitting=row.id, number=case.number)


def _sealable(session: Session, actor: Actor, key: UnlockedKey, sitting_id: int,
              moment: datetime) -> tuple[Sitting, MediationCase]:
    ledger.lock(session)
    row, case = find_sitting(session, sitting_id)
    require_sitting_access(session, actor, case, row)
    require_signer(session, actor, case, row)
    require_usable_key(session, actor, key, moment)
    return row, case


def _next_record_id(session: Session) -> int:
    # Taken under the ledger's lock, as preservation records do, so the id can be in the signed record.
    return int(session.scalar(select(func.max(SealedRow.id))) or 0) + 1


def _seal(session: Session, actor: Actor, key: UnlockedKey, row: Sitting, kind: str, corrects_seq: int | None,
          record: dict[str, Any], event: EventKind, moment: datetime) -> SealedRow:
    canonical = canonical_bytes(record)
    digest = hashlib.sha256(canonical).hexdigest()
    sealed = SealedRow(id=record["id"], sitting_id=row.id, kind=kind, corrects_seq=corrects_seq,
                       canonical=canonical.decode("utf-8"), record_sha256=digest, key_id=key.key_id,
                       signer=actor.name, sealed_at=moment, signature=key.sign(canonical))
    session.add(sealed)
    session.flush()
    ledger.append(session, actor.name, event, minutes_subject(sealed.id), digest, now=moment)
    return sealed


def close_sitting(session: Session, actor: Actor, key: UnlockedKey, sitting_id: int, *,
                  state: SittingState | str = SittingState.HELD,
                  now: datetime | None = None) -> SealedMinutes:
    """Close the sitting as held or adjourned and seal its minutes: the canonical record (RFC 8785,
    ``mediseal.minutes`` version 1) signed with ``key`` (ECDSA P-256), a ledger entry. Refused when the
    minutes are already sealed, the sitting was cancelled, or it has no entries."""
    target = vocabulary_value(SittingState, state, field="state")
    if target not in (SittingState.HELD, SittingState.ADJOURNED):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "A sitting closes as held or adjourned, not “{state}”."), field="state",
            state=target.value)
    moment = now or utc_now()
    row, case = _sealable(session, actor, key, sitting_id, moment)
    if row.sealed_at is not None:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "Sitting {sitting} was already closed and its minutes sealed on {time}; correct an "
            "entry with an addendum."), sitting=row.id, time=format_time(row.sealed_at))
    require_open(row)
    if row.entry_count == 0:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "Sitting {sitting} has no minutes entries yet: record what was said before closing it, "
            "or cancel the sitting."), sitting=row.id)
    listed = attendees_of(session, [row.id])[row.id]
    rows = list(session.scalars(select(MinutesEntry).where(MinutesEntry.sitting_id == row.id)
                                .order_by(MinutesEntry.seq)))
    office = get_office(session)
    record_id = _next_record_id(session)
    row.state, row.sealed_at = target.value, moment
    row.revision += 1
    record = minutes_record(record_id, office.name if office else "", case.number, row, listed, rows,
                            actor.name, key.fingerprint, moment)
    # The sitting's last version first (it states sealed_at), then the sealed record: after this flush
    # the database refuses any change to the sitting, its attendees and its entries.
    save_version(session, actor, EventKind.SITTING_CLOSED, case.number, row, listed, moment)
    sealed = _seal(session, actor, key, row, MINUTES_KIND, None, record, EventKind.MINUTES_SEALED, moment)
    return _sealed_info(sealed, case.number, key.fingerprint, ())


def add_addendum(session: Session, actor: Actor, key: UnlockedKey, sitting_id: int, corrects_seq: int,
                 reason: str, text: str, now: datetime | None = None) -> SealedMinutes:
    """Seal a correction of one entry of sealed minutes: it names the minutes (their digest), the entry it
    corrects, why, and the corrected text; the sealed minutes themselves never change."""
    why = clean_text(reason, "reason", REASON_MAX, multiline=True, required=True)
    body = _clean_entry_text(text)
    moment = now or utc_now()
    row, case = _sealable(session, actor, key, sitting_id, moment)
    minutes = session.scalar(select(SealedRow).where(SealedRow.sitting_id == row.id,
                                                     SealedRow.kind == MINUTES_KIND))
    if row.sealed_at is None or minutes is None:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "The minutes of sitting {sitting} are not sealed yet: change the entry itself."),
            sitting=row.id)
    if not 1 <= corrects_seq <= row.entry_count:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "The minutes of sitting {sitting} have entries 1 to {count}; there is no entry {seq}."),
            field="corrects_seq", sitting=row.id, count=row.entry_count, seq=corrects_seq)
    record_id = _next_record_id(session)
    record = addendum_record(record_id, case.number, row.id, minutes.record_sha256, corrects_seq, why, body,
                             actor.name, key.fingerprint, moment)
    sealed = _seal(session, actor, key, row, ADDENDUM_KIND, corrects_seq, record,
                   EventKind.MINUTES_ADDENDUM_SEALED, moment)
    return _sealed_info(sealed, case.number, key.fingerprint, ())


def record_signing(session: Session, actor: Actor, record_id: int, name: str, role: AttendeeRole | str,
                   signed_at: datetime, now: datetime | None = None) -> Signing:
    """Record that ``name`` signed the printed sealed record (minutes or addendum) at ``signed_at``: a fact
    on the record, never changed, with its ledger entry."""
    clean_name = clean_text(name, "name", NAME_MAX, required=True)
    chosen = vocabulary_value(AttendeeRole, role, field="role")
    signed = aware(signed_at, field="signed_at")
    moment = now or utc_now()
    ledger.lock(session)
    sealed = session.get(SealedRow, record_id)
    if sealed is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "There are no sealed minutes {record}."), record=record_id)
    row, case = find_sitting(session, sealed.sitting_id)
    require_sitting_access(session, actor, case, row)
    if signed < sealed.sealed_at:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "The minutes were sealed on {time}: they cannot have been signed before."),
            field="signed_at", time=format_time(sealed.sealed_at))
    # The id goes into the record; taken under the ledger's lock, as sealed records' ids are.
    signing_id = int(session.scalar(select(func.max(MinutesSigning.id))) or 0) + 1
    signing = MinutesSigning(id=signing_id, record_id=sealed.id, name=clean_name, role=chosen.value,
                             signed_at=signed, recorded_by=actor.name, recorded_at=moment, record_sha256="")
    signing.record_sha256 = hashlib.sha256(canonical_bytes(signing_record(signing, sealed.record_sha256))
                                           ).hexdigest()
    session.add(signing)
    session.flush()
    ledger.append(session, actor.name, EventKind.MINUTES_SIGNED, signing_subject(signing.id),
                  signing.record_sha256, now=moment)
    return _signing(signing)


def _signing(row: MinutesSigning) -> Signing:
    return Signing(row.name, AttendeeRole(row.role), row.signed_at, row.recorded_by, row.recorded_at, row.id)


def _sealed_info(row: SealedRow, case_number: str, fingerprint: str,
                 signings: tuple[Signing, ...]) -> SealedMinutes:
    record = json.loads(row.canonical)
    reason = record.get("reason", "") if row.kind == ADDENDUM_KIND else ""
    text = record.get("text", "") if row.kind == ADDENDUM_KIND else ""
    return SealedMinutes(row.id, row.sitting_id, case_number, row.kind, row.corrects_seq, reason, text,
                         record, row.record_sha256, row.signer, fingerprint, row.sealed_at, signings,
                         row.signature)


def sealed_records(session: Session, sitting_id: int) -> list[SealedMinutes]:
    """The sitting's sealed minutes first, then its addenda in order, each with its recorded signings."""
    row, case = find_sitting(session, sitting_id)
    found = list(session.execute(select(SealedRow, SigningKey.fingerprint)
                                 .join(SigningKey, SigningKey.id == SealedRow.key_id)
                                 .where(SealedRow.sitting_id == row.id)
                                 .order_by(SealedRow.kind != MINUTES_KIND, SealedRow.id)))
    signings: dict[int, list[Signing]] = defaultdict(list)
    if found:
        query = select(MinutesSigning).where(MinutesSigning.record_id.in_([sealed.id for sealed, _ in found]))
        for signing in session.scalars(query.order_by(MinutesSigning.id)):
            signings[signing.record_id].append(_signing(signing))
    return [_sealed_info(sealed, case.number, fingerprint, tuple(signings.get(sealed.id, ())))
            for sealed, fingerprint in found]


# Search.

def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _snippet(text: str, needle: str) -> str:
    flat = " ".join(text.split())
    at = flat.lower().find(needle.lower())
    if at < 0:
        at = 0
    start, end = max(0, at - SNIPPET_CONTEXT), min(len(flat), at + len(needle) + SNIPPET_CONTEXT)
    return ("…" if start else "") + flat[start:end] + ("…" if end < len(flat) else "")


def search(session: Session, number: str, text: str, *, limit: int = SEARCH_MAX) -> list[Hit]:
    """The case's entries whose text holds ``text`` (case-insensitive for Latin letters), by sitting time
    and seq, each with a short snippet. Plain SQL LIKE with escaping against lower() on both sides, so
    SQLite and PostgreSQL find the same."""
    needle = " ".join(text.split())
    if not needle:
        return []
    case = find_case(session, number)
    # SQLite's lower() folds ASCII letters only, PostgreSQL's every letter: both forms of the needle are
    # tried, so a letter folded by one backend and not the other is found on both.
    forms = {needle.lower(), needle.translate({code: code + 32 for code in range(65, 91)})}
    matches = [func.lower(MinutesEntry.text).like(_like(form), escape="\\") for form in sorted(forms)]
    query = (select(MinutesEntry).join(Sitting, Sitting.id == MinutesEntry.sitting_id)
             .where(Sitting.case_id == case.id, or_(*matches))
             .order_by(Sitting.starts_at, Sitting.id, MinutesEntry.seq).limit(max(1, min(limit, SEARCH_MAX))))
    return [Hit(row.sitting_id, row.seq, row.speaker, _snippet(row.text, needle), row.id)
            for row in session.scalars(query)]


def file_documents(session: Session, case_row: MediationCase) -> list[FileDocument]:
    """Every sealed minutes record and addendum of the case for its file (卷宗): mediation minutes under
    FilePart.MINUTES (调解记录), investigation records under FilePart.INVESTIGATION (调查记录)."""
    found = session.execute(select(SealedRow, Sitting.kind, Sitting.starts_at)
                            .join(Sitting, Sitting.id == SealedRow.sitting_id)
                            .where(Sitting.case_id == case_row.id).order_by(Sitting.starts_at, SealedRow.id))
    documents: list[FileDocument] = []
    for sealed, kind, starts_at in found:
        part = FilePart.INVESTIGATION if kind == SittingKind.INVESTIGATION else FilePart.MINUTES
        title = f"{TITLES[kind]}（{office_today(starts_at).isoformat()}）"
        if sealed.kind == ADDENDUM_KIND:
            title = f"{TITLES[kind]}补正（第{sealed.corrects_seq}条）"
        documents.append(FileDocument(part, title, minutes_subject(sealed.id), sealed.record_sha256,
                                      sealed.sealed_at))
    return documents
