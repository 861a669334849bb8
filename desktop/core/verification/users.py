"""Verification of users and their roles: each user's record (name, real name, roles, disabled, when the
password last changed; never the hash) against the latest ``user.*`` entry that logged a digest of it,
and each user the ledger logged as created against a row. A role granted or a real name changed behind
the app's back shows here. A user from before real names keeps the record form the ledger covered
(``users.user_record``)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from db.models import User
from desktop.core.errors import QT_TRANSLATE_NOOP
from desktop.core.integrity.canonical import record_digest
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Role
from desktop.core.trust.users import user_record
from desktop.core.verification.anchors import USER_KINDS_PREFIX, Anchors, Logged
from desktop.core.verification.codes import FindingCode
from desktop.core.verification.findings import Finding, Value, Where, term, words

USER_SUBJECT_PREFIX = "user:"


def _listed(codes: list[str]) -> Value:
    """Roles as words, joined as the language joins a list (``admin, notary`` in English, the roles'
    labels with 、 in Chinese); ``none`` when there are none."""
    if not codes:
        return words(QT_TRANSLATE_NOOP("findings", "none"))
    listed: Value = term(Role, codes[-1])
    for code in reversed(codes[:-1]):
        listed = words(QT_TRANSLATE_NOOP("findings", "{first}, {rest}"), first=term(Role, code), rest=listed)
    return listed


def _about(name: str) -> Where:
    return Where(words(QT_TRANSLATE_NOOP("findings", "user {user}"), user=name), user=name)


def check_users(session: Session, anchors: Anchors) -> tuple[int, list[Finding]]:
    """Every user against the ledger, both ways."""
    created: dict[str, Logged] = {}
    latest: dict[str, Logged] = {}
    for subject, entries in anchors.by_subject.items():
        if not subject.startswith(USER_SUBJECT_PREFIX):
            continue
        name = subject.removeprefix(USER_SUBJECT_PREFIX)
        for logged in entries:
            if not logged.kind.startswith(USER_KINDS_PREFIX) or logged.digest is None:
                continue  # sign-ins and locks log no state
            if logged.kind == EventKind.USER_CREATED:
                created.setdefault(name, logged)
            latest[name] = logged
    findings: list[Finding] = []
    present: set[str] = set()
    rows = list(session.scalars(select(User).options(selectinload(User.roles)).order_by(User.id)))
    for user in rows:
        present.add(user.name)
        where = _about(user.name)
        digest = record_digest(user_record(user))
        if user.name not in created:
            findings.append(where.finding(FindingCode.USER_NOT_IN_LEDGER, words(QT_TRANSLATE_NOOP(
                "findings", "no ledger entry records its creation")), found=digest))
            continue
        logged = latest[user.name]
        if logged.digest != digest:
            roles = _listed(sorted(role.role for role in user.roles))
            real_name: Value = user.real_name or words(QT_TRANSLATE_NOOP("findings", "none"))
            findings.append(where.finding(FindingCode.USER_RECORD_CHANGED, words(QT_TRANSLATE_NOOP(
                "findings", "its roles ({roles}), real name ({real_name}) or state differ from what the "
                "ledger last recorded (entry {entry}, {kind})"), roles=roles, real_name=real_name,
                entry=logged.seq, kind=term(EventKind, logged.kind)),
                expected=logged.digest, found=digest, seq=logged.seq))
    for name, logged in created.items():
        if name not in present:
            findings.append(_about(name).finding(FindingCode.USER_MISSING, words(QT_TRANSLATE_NOOP(
                "findings", "the ledger records its creation (entry {entry}) but the store no longer holds "
                "it"), entry=logged.seq), expected=logged.digest, seq=logged.seq))
    return len(rows), findings
