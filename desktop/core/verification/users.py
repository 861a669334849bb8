"""Verification of users and their roles: each user's record (name, real name, roles, disabled, when the
password last changed; never the hash) against the latest ``user.*`` entry that logged a digest of it,
and each user the ledger logged as created against a row. A role granted or a real name changed behind
the app's back shows here. A user from before real names keeps the record form the ledger covered
(``users.user_record``)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from db.models import User
from desktop.core.integrity.canonical import record_digest
from desktop.core.trust.events import EventKind
from desktop.core.trust.users import user_record
from desktop.core.verification.anchors import USER_KINDS_PREFIX, Anchors, Logged
from desktop.core.verification.codes import FindingCode
from desktop.core.verification.findings import Finding, Where

USER_SUBJECT_PREFIX = "user:"


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
        where = Where(f"user {user.name}", user=user.name)
        digest = record_digest(user_record(user))
        if user.name not in created:
            findings.append(where.finding(FindingCode.USER_NOT_IN_LEDGER,
                                          "no ledger entry records its creation", found=digest))
            continue
        logged = latest[user.name]
        if logged.digest != digest:
            roles = ", ".join(sorted(role.role for role in user.roles))
            findings.append(where.finding(FindingCode.USER_RECORD_CHANGED, f"its roles ({roles}), real name "
                                          f"({user.real_name or 'none'}) or state differ from what the "
                                          f"ledger last recorded (entry {logged.seq}, {logged.kind})",
                                          expected=logged.digest, found=digest, seq=logged.seq))
    for name, logged in created.items():
        if name not in present:
            findings.append(Where(f"user {name}", user=name).finding(
                FindingCode.USER_MISSING, f"the ledger records its creation (entry {logged.seq}) but the "
                "store no longer holds it", expected=logged.digest, seq=logged.seq))
    return len(rows), findings
