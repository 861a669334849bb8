"""Preservation records (保全证据记录): how a notary acquired and preserved evidence, sealed together with
the list of the items' digests. A sealed record is never changed; a correction is a new record that
names the one it supersedes and says why."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import PreservationRecord, SigningKey, utc_now
from desktop.core.cases.matters import find_case, require_open
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput, NotAllowed, NotFound
from desktop.core.evidence.acquisition import NOTE_MAX, TEXT_FIELD_MAX
from desktop.core.evidence.items import find_item
from desktop.core.integrity.canonical import canonical_bytes, format_time
from desktop.core.office.office import get_office
from desktop.core.text import clean_text
from desktop.core.trust import ledger
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Action, Actor, require
from desktop.core.trust.signing_keys import UnlockedKey, require_usable_key

RECORD_TYPE = "preservation-record"
# Version 2: a correction states its reason (``supersedes.reason``). Version 1 records, sealed before,
# carry none and stay valid as they were sealed.
RECORD_VERSION = 2
WITNESSES_MAX = 20
REASON_MAX = 1000


@dataclass(frozen=True, slots=True)
class PreservationInput:
    """What the notary writes down: when and where, for whom, by whom, before whom, how, with what."""

    item_ids: tuple[int, ...]
    place: str
    applicant: str
    operator: str
    steps: str
    devices: str = ""
    witnesses: tuple[str, ...] = ()
    started_at: datetime | None = None
    ended_at: datetime | None = None
    supersedes: int | None = None
    reason: str = ""  # why the record it supersedes is corrected; required with ``supersedes``


@dataclass(frozen=True, slots=True)
class PreservationInfo:
    """A sealed preservation record: its canonical record, digest and seal."""

    id: int
    case_number: str
    record: dict[str, object]
    record_sha256: str
    signer: str
    fingerprint: str
    sealed_at: datetime
    signature: bytes
    superseded_by: int | None

    @property
    def item_ids(self) -> tuple[int, ...]:
        items = self.record.get("items")
        if not isinstance(items, list):
            return ()
        return tuple(item["id"] for item in items if isinstance(item, dict))

    @property
    def supersedes(self) -> int | None:
        old = self.record.get("supersedes")
        return old.get("id") if isinstance(old, dict) else None

    @property
    def reason(self) -> str:
        """Why this record corrects the one it supersedes ("" for a new record, or a version-1 record)."""
        old = self.record.get("supersedes")
        reason = old.get("reason") if isinstance(old, dict) else None
        return reason if isinstance(reason, str) else ""


def subject(record_id: int) -> str:
    return f"preservation:{record_id}"


def _validate(given: PreservationInput) -> PreservationInput:
    """The record's text through the one validator (``text.clean_text``): one line for names and the
    place, lines allowed in the steps and devices; nothing cut, nothing invisible sealed."""
    witnesses = tuple(clean_text(name, "witnesses", TEXT_FIELD_MAX) for name in given.witnesses)
    if len(witnesses) > WITNESSES_MAX or any(not name for name in witnesses):
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "List at most {limit} witnesses, each with a name."), field="witnesses",
            limit=WITNESSES_MAX)
    if given.started_at and given.ended_at and given.ended_at < given.started_at:
        raise InvalidInput(QT_TRANSLATE_NOOP("errors", "The acquisition ends before it starts."),
                           field="ended_at")
    if not given.item_ids:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "A preservation record covers at least one evidence item."), field="items")
    # A correction says why the sealed record is put right, so whoever reads both sees on what grounds
    # (公证法 第三十九条 provides for correcting an erroneous notarial record); a new record corrects
    # nothing, so a reason there is refused rather than sealed without meaning.
    reason = clean_text(given.reason, "reason", REASON_MAX, multiline=True,
                        required=given.supersedes is not None)
    if reason and given.supersedes is None:
        raise InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "A reason is given only when a record corrects another."), field="reason")
    return PreservationInput(
        tuple(sorted(set(given.item_ids))), clean_text(given.place, "place", TEXT_FIELD_MAX, required=True),
        clean_text(given.applicant, "applicant", TEXT_FIELD_MAX, required=True),
        clean_text(given.operator, "operator", TEXT_FIELD_MAX, required=True),
        clean_text(given.steps, "steps", NOTE_MAX, required=True, multiline=True),
        clean_text(given.devices, "devices", NOTE_MAX, multiline=True), witnesses, given.started_at,
        given.ended_at, given.supersedes, reason)


def _time(moment: datetime | None) -> str | None:
    return format_time(moment) if moment else None


def create_record(session: Session, actor: Actor, key: UnlockedKey, case_number: str,
                  given: PreservationInput, now: datetime | None = None) -> PreservationInfo:
    """Write and seal a preservation record for items of one case (notary only)."""
    require(actor, Action.SEAL_EVIDENCE)
    clean = _validate(given)
    sealed_at = now or utc_now()
    ledger.lock(session)
    require_usable_key(session, actor, key, sealed_at)
    case = find_case(session, case_number)
    require_open(case)
    items = []
    for item_id in clean.item_ids:
        row, number = find_item(session, item_id)
        if number != case.number:
            raise InvalidInput(QT_TRANSLATE_NOOP(
                "errors", "Evidence item {item} belongs to case {other}, not {case}."), item=item_id,
                other=number, case=case.number)
        items.append({"id": row.id, "name": row.original_name, "size": row.size, "sha256": row.blob_sha256,
                      "sm3": row.sm3, "record_sha256": row.record_sha256})
    supersedes = None
    if clean.supersedes is not None:
        old = session.get(PreservationRecord, clean.supersedes)
        if old is None or old.case_id != case.id:
            raise NotFound(QT_TRANSLATE_NOOP(
                "errors", "Case {case} has no preservation record {record}."), case=case.number,
                record=clean.supersedes)
        newer = session.scalar(select(PreservationRecord.id).where(
            PreservationRecord.supersedes_id == old.id))
        if newer is not None:
            raise NotAllowed(QT_TRANSLATE_NOOP(
                "errors", "Preservation record {record} was already corrected by record {newer}; "
                "correct that one instead."), record=old.id, newer=newer)
        supersedes = {"id": old.id, "record_sha256": old.record_sha256, "reason": clean.reason}
    office = get_office(session)
    record_id = int(session.scalar(select(func.max(PreservationRecord.id))) or 0) + 1
    record: dict[str, object] = {
        "type": RECORD_TYPE, "version": RECORD_VERSION, "id": record_id,
        "office": office.name if office else "", "case": case.number,
        "acquisition": {"started_at": _time(clean.started_at), "ended_at": _time(clean.ended_at),
                        "place": clean.place, "applicant": clean.applicant, "operator": clean.operator,
                        "witnesses": list(clean.witnesses), "steps": clean.steps, "devices": clean.devices},
        "items": items, "supersedes": supersedes, "notary": actor.name,
        "certificate_sha256": key.fingerprint, "time": format_time(sealed_at)}
    canonical = canonical_bytes(record)
    digest = hashlib.sha256(canonical).hexdigest()
    sealed = PreservationRecord(id=record_id, case_id=case.id, supersedes_id=clean.supersedes,
                                canonical=canonical.decode("utf-8"), record_sha256=digest, key_id=key.key_id,
                                signer=actor.name, sealed_at=sealed_at, signature=key.sign(canonical))
    session.add(sealed)
    session.flush()
    ledger.append(session, actor.name, EventKind.PRESERVATION_SEALED, subject(sealed.id), digest)
    return PreservationInfo(sealed.id, case.number, record, digest, actor.name, key.fingerprint, sealed_at,
                            sealed.signature, None)


def list_records(session: Session, case_number: str) -> list[PreservationInfo]:
    """A case's preservation records, oldest first, each with the record that corrects it (if any)."""
    case = find_case(session, case_number)
    rows = list(session.execute(select(PreservationRecord, SigningKey.fingerprint).join(SigningKey)
                                .where(PreservationRecord.case_id == case.id)
                                .order_by(PreservationRecord.id)))
    corrected = {row.supersedes_id: row.id for row, _fingerprint in rows if row.supersedes_id is not None}
    return [PreservationInfo(row.id, case.number, json.loads(row.canonical), row.record_sha256, row.signer,
                             fingerprint, row.sealed_at, row.signature, corrected.get(row.id))
            for row, fingerprint in rows]


def records_of_items(session: Session, item_ids: Iterable[int]) -> dict[int, list[int]]:
    """For each item, the preservation records that list it."""
    wanted = set(item_ids)
    found: dict[int, list[int]] = {item_id: [] for item_id in wanted}
    for row in session.scalars(select(PreservationRecord).order_by(PreservationRecord.id)):
        for item in json.loads(row.canonical).get("items", []):
            if item.get("id") in wanted:
                found[item["id"]].append(row.id)
    return found
