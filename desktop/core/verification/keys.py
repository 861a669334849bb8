"""Signing keys against the ledger: a key's creation (``key.created`` / ``key.imported``, its certificate's
fingerprint in subject and digest) and its revocation (``key.revoked``, whose digest covers the revocation
record: fingerprint, reason, time and who) are ledger events, and the ``signing_key`` rows must agree with
them. Who may have signed what, and when, is judged by the ledger.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NamedTuple

from cryptography import x509
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import SigningKey, User
from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput
from desktop.core.integrity.canonical import format_time
from desktop.core.trust.events import EventKind
from desktop.core.trust.pki import certificates
from desktop.core.trust.signing_keys import revocation_digest
from desktop.core.verification.anchors import Anchors, Logged
from desktop.core.verification.codes import FindingCode
from desktop.core.verification.findings import NOTICE, Finding, Where, Words, term, words
from desktop.core.verification.statuses import SignerFacts

KEY_SUBJECT_PREFIX = "key:"
# Before revocations carried a reason, a key's row was marked revoked next to the entry (which may wait
# for the ledger's lock): a mark further than this from the entry's time is not the logged one. Newer
# revocations give the row the entry's own time, and their record is recomputed exactly.
REVOCATION_SLACK = timedelta(minutes=10)


@dataclass(frozen=True, slots=True)
class Signer:
    """A signing key as verification knows it: its certificate and its state by the ledger."""

    key_id: int
    fingerprint: str  # SHA-256 of the certificate's DER when it can be read, else the stored one
    certificate: x509.Certificate | None
    owner: str | None  # by the ledger (who logged its creation); the row's user when not logged
    known: bool  # readable certificate, its stored fingerprint, and logged when made or imported
    revoked_at: datetime | None  # by the ledger
    why_unknown: Words | None = None  # why it is not known, in words
    logged_seq: int | None = None  # the ledger entry that logged its creation or import


class SignerCodes(NamedTuple):
    """The finding codes for one kind of signed thing (checkpoints keep their own older codes)."""

    unknown: FindingCode
    mismatch: FindingCode
    after_revocation: FindingCode
    revoked_later: FindingCode | None  # a notice; None: not reported


SEAL_CODES = SignerCodes(FindingCode.SEAL_KEY_UNKNOWN, FindingCode.SIGNER_MISMATCH,
                         FindingCode.SIGNED_AFTER_REVOCATION, FindingCode.REVOKED_AFTER_SEAL)
RECORD_CODES = SignerCodes(FindingCode.RECORD_KEY_UNKNOWN, FindingCode.SIGNER_MISMATCH,
                           FindingCode.SIGNED_AFTER_REVOCATION, FindingCode.REVOKED_AFTER_SEAL)
CHECKPOINT_CODES = SignerCodes(FindingCode.CHECKPOINT_KEY_UNKNOWN, FindingCode.CHECKPOINT_SIGNER,
                               FindingCode.CHECKPOINT_KEY_REVOKED, None)


@dataclass(frozen=True, slots=True)
class KeyCheck:
    """Every key by id, and the findings about the keys themselves (with the key's id; None for a key
    the store no longer holds)."""

    signers: dict[int, Signer]
    keyed: tuple[tuple[int | None, Finding], ...]

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(finding for _key, finding in self.keyed)

    def findings_for(self, key_ids: set[int]) -> tuple[Finding, ...]:
        """The findings about the keys ``key_ids`` only (what one case's seals and records rest on)."""
        return tuple(finding for key, finding in self.keyed if key in key_ids)


def _fingerprint_of(logged: Logged) -> str:
    return logged.subject.removeprefix(KEY_SUBJECT_PREFIX)


def check_keys(session: Session, anchors: Anchors) -> KeyCheck:
    """Each ``signing_key`` row against the entries that logged its creation and revocation, both ways."""
    created: dict[str, Logged] = {}
    for logged in anchors.kind(EventKind.KEY_CREATED, EventKind.KEY_IMPORTED):
        fingerprint = _fingerprint_of(logged)
        if logged.subject.startswith(KEY_SUBJECT_PREFIX) and logged.digest == fingerprint:
            created.setdefault(fingerprint, logged)
    revoked: dict[str, Logged] = {}
    for logged in anchors.kind(EventKind.KEY_REVOKED):
        revoked.setdefault(_fingerprint_of(logged), logged)
    keyed: list[tuple[int | None, Finding]] = []
    signers: dict[int, Signer] = {}
    held: set[str] = set()
    rows = session.execute(select(SigningKey, User.name).outerjoin(User, User.id == SigningKey.user_id)
                           .order_by(SigningKey.id))
    for row, owner_name in rows:
        held.add(row.fingerprint)
        found: list[Finding] = []
        where = Where(words(QT_TRANSLATE_NOOP("findings", "signing key {key} ({owner}, {fingerprint})"),
                            key=row.id, owner=owner_name or "", fingerprint=row.fingerprint[:16]),
                      key=row.fingerprint, user=owner_name)
        why: Words | None = None
        try:
            certificate: x509.Certificate | None = certificates.load_certificate_pem(
                row.certificate_pem.encode())
        except InvalidInput:
            certificate = None
            why = words(QT_TRANSLATE_NOOP("findings", "its certificate cannot be read"))
            found.append(where.finding(FindingCode.KEY_CERTIFICATE_UNREADABLE, words(QT_TRANSLATE_NOOP(
                "findings", "its stored certificate is not a readable PEM certificate"))))
        fingerprint = row.fingerprint
        if certificate is not None:
            fingerprint = certificates.certificate_fingerprint(certificate)
            if fingerprint != row.fingerprint:
                why = words(QT_TRANSLATE_NOOP("findings",
                                              "its certificate is not the one its fingerprint names"))
                found.append(where.finding(FindingCode.KEY_FINGERPRINT_MISMATCH, words(QT_TRANSLATE_NOOP(
                    "findings", "its stored fingerprint is not the SHA-256 of its certificate")),
                    expected=fingerprint, found=row.fingerprint))
        creation = created.get(row.fingerprint)
        if creation is None:
            why = why or words(QT_TRANSLATE_NOOP("findings", "no ledger entry records it"))
            found.append(where.finding(FindingCode.KEY_NOT_IN_LEDGER, words(QT_TRANSLATE_NOOP(
                "findings", "no ledger entry records its creation or import")), found=row.fingerprint))
        elif owner_name != creation.actor:
            found.append(where.finding(FindingCode.KEY_OWNER_CHANGED, words(QT_TRANSLATE_NOOP(
                "findings", "the ledger records it as {owner}'s key"), owner=creation.actor),
                expected=creation.actor, found=owner_name, seq=creation.seq))
        revocation = revoked.get(row.fingerprint)
        found.extend(_revocation_findings(where, row, revocation))
        signers[row.id] = Signer(row.id, fingerprint, certificate, creation.actor if creation else owner_name,
                                 why is None, revocation.recorded_at if revocation else None, why,
                                 creation.seq if creation else None)
        keyed.extend((row.id, finding) for finding in found)
    for fingerprint, logged in created.items():
        if fingerprint not in held:
            where = Where(words(QT_TRANSLATE_NOOP("findings", "signing key {fingerprint} ({owner})"),
                                fingerprint=fingerprint[:16], owner=logged.actor), key=fingerprint,
                          user=logged.actor)
            missing = where.finding(FindingCode.KEY_MISSING, words(QT_TRANSLATE_NOOP(
                "findings", "the ledger records it (entry {entry}, {kind}) but the store no longer holds it"),
                entry=logged.seq, kind=term(EventKind, logged.kind)), expected=fingerprint, seq=logged.seq)
            keyed.append((None, missing))
    return KeyCheck(signers, tuple(keyed))


def _revocation_findings(where: Where, row: SigningKey, revocation: Logged | None) -> list[Finding]:
    """The row's revocation against the ledger's: undone, never logged, moved, or another reason."""
    row_revoked_at = row.revoked_at
    if revocation is not None and row_revoked_at is None:
        return [where.finding(FindingCode.KEY_REVOCATION_UNDONE, words(QT_TRANSLATE_NOOP(
                              "findings", "the ledger records its revocation (entry {entry}) but its row "
                              "lets it sign again"), entry=revocation.seq),
                              expected=format_time(revocation.recorded_at), found=None, seq=revocation.seq)]
    if revocation is None and row_revoked_at is not None:
        return [where.finding(FindingCode.KEY_REVOKED_NOT_IN_LEDGER, words(QT_TRANSLATE_NOOP(
            "findings", "its row marks it revoked but no ledger entry records a revocation")), expected=None,
            found=format_time(row_revoked_at))]
    if revocation is None or row_revoked_at is None:
        return []
    if revocation.digest in (None, row.fingerprint):
        return _older_revocation_findings(where, row, revocation)
    # The entry's digest is the SHA-256 of the revocation record: recompute it from the row, first as the
    # row stands, then with the entry's own time, to say whether the time or the reason was changed.
    reason = row.revocation_reason or ""

    def recorded(moment: datetime) -> bool:
        return revocation_digest(row.fingerprint, reason, moment, revocation.actor) == revocation.digest

    if recorded(row_revoked_at):
        return []
    if recorded(revocation.recorded_at):
        return [_time_changed(where, row_revoked_at, revocation)]
    return [where.finding(FindingCode.KEY_REVOCATION_REASON_CHANGED, words(QT_TRANSLATE_NOOP(
                          "findings", "its stored revocation reason is not the one the ledger recorded "
                          "(entry {entry})"), entry=revocation.seq),
                          expected=revocation.digest, found=row.revocation_reason, seq=revocation.seq)]


def _older_revocation_findings(where: Where, row: SigningKey, revocation: Logged) -> list[Finding]:
    """A revocation logged before reasons were recorded: its time within the slack, and no reason."""
    found: list[Finding] = []
    assert row.revoked_at is not None
    if abs(row.revoked_at - revocation.recorded_at) > REVOCATION_SLACK:
        found.append(_time_changed(where, row.revoked_at, revocation))
    if row.revocation_reason is not None:
        found.append(where.finding(FindingCode.KEY_REVOCATION_REASON_CHANGED, words(QT_TRANSLATE_NOOP(
                                   "findings", "its row gives a revocation reason, but the ledger recorded "
                                   "none (entry {entry})"), entry=revocation.seq),
                                   expected=None, found=row.revocation_reason, seq=revocation.seq))
    return found


def _time_changed(where: Where, row_revoked_at: datetime, revocation: Logged) -> Finding:
    return where.finding(FindingCode.KEY_REVOCATION_CHANGED, words(QT_TRANSLATE_NOOP(
        "findings", "its row gives another revocation time than the ledger")),
        expected=format_time(revocation.recorded_at), found=format_time(row_revoked_at), seq=revocation.seq)


def judge_signer(signer: Signer | None, name: str, signed_at: datetime, where: Where, codes: SignerCodes,
                 after_entry: int | None = None) -> tuple[SignerFacts, list[Finding]]:
    """Who signed and when, against the key's certificate and its state by the ledger. ``after_entry``:
    a ledger entry the signature came after (the entry that logged a seal; a checkpoint's last entry),
    so the key's own creation entry must come before it: the ledger's order, not a seat's clock."""
    if signer is None:
        return SignerFacts(False, False, False), [where.finding(codes.unknown, words(QT_TRANSLATE_NOOP(
            "findings", "its certificate is not known here (no such key)")))]
    found: list[Finding] = []
    if not signer.known:
        found.append(where.finding(codes.unknown, words(QT_TRANSLATE_NOOP(
            "findings", "its certificate is not known here ({why})"), why=signer.why_unknown or ""),
            found=signer.fingerprint))
    matches = signer.owner == name
    if not matches:
        found.append(where.finding(codes.mismatch, words(QT_TRANSLATE_NOOP(
            "findings", "signed with {owner}'s key but names {name}"), owner=signer.owner or "", name=name),
            expected=signer.owner, found=name))
    valid = True
    if signer.revoked_at is not None:
        if signer.revoked_at <= signed_at:
            valid = False
            found.append(where.finding(codes.after_revocation, words(QT_TRANSLATE_NOOP(
                                       "findings", "signed after its key was revoked")),
                                       expected=f"before {format_time(signer.revoked_at)}",
                                       found=format_time(signed_at)))
        elif codes.revoked_later is not None:
            found.append(where.finding(codes.revoked_later, words(QT_TRANSLATE_NOOP(
                "findings", "its key was revoked later ({time}); the seal predates that and stays valid"),
                time=format_time(signer.revoked_at)), severity=NOTICE))
    if after_entry is not None and signer.logged_seq is not None and signer.logged_seq > after_entry:
        valid = False
        found.append(where.finding(FindingCode.SIGNED_BEFORE_KEY, words(QT_TRANSLATE_NOOP(
                                   "findings", "its key was logged at entry {key_entry}, after entry {entry} "
                                   "that it follows"), key_entry=signer.logged_seq, entry=after_entry),
                                   expected=f"<= {after_entry}", found=str(signer.logged_seq)))
    if signer.certificate is not None:
        not_before = signer.certificate.not_valid_before_utc
        not_after = signer.certificate.not_valid_after_utc
        if not not_before <= signed_at <= not_after:
            valid = False
            found.append(where.finding(FindingCode.OUTSIDE_CERTIFICATE_VALIDITY, words(QT_TRANSLATE_NOOP(
                                       "findings", "signed outside its certificate's validity")),
                                       expected=f"{format_time(not_before)} – {format_time(not_after)}",
                                       found=format_time(signed_at)))
    return SignerFacts(signer.known, matches, valid and signer.certificate is not None), found
