"""Who may do what: one table, checked by every service, so the CLI and the GUI cannot differ."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from enum import StrEnum

from desktop.core.errors import QT_TRANSLATE_NOOP, NotAllowed
from desktop.core.vocabulary import Vocabulary


class Role(Vocabulary):
    """Roles a user can hold (one or more)."""

    ADMIN = "admin", QT_TRANSLATE_NOOP("vocabulary", "Administrator")  # 管理员
    MEDIATOR = "mediator", QT_TRANSLATE_NOOP("vocabulary", "Mediator")  # 调解员
    NOTARY = "notary", QT_TRANSLATE_NOOP("vocabulary", "Notary")  # 公证员
    CLERK = "clerk", QT_TRANSLATE_NOOP("vocabulary", "Clerk")  # 书记员 / 内勤


class Action(StrEnum):
    """Things a service may be asked to do on someone's behalf."""

    # The values are shown in refusals; the GUI translates them (the "action" field of NotAllowed).
    MANAGE_USERS = QT_TRANSLATE_NOOP("errors", "manage users")
    CHANGE_OFFICE_SETTINGS = QT_TRANSLATE_NOOP("errors", "change the office's settings")
    HOLD_SIGNING_KEY = QT_TRANSLATE_NOOP("errors", "hold a signing key")
    SIGN_CHECKPOINT = QT_TRANSLATE_NOOP("errors", "sign a checkpoint")
    OPEN_CASE = QT_TRANSLATE_NOOP("errors", "open a case")
    WORK_ON_CASE = QT_TRANSLATE_NOOP("errors", "work on a case")
    ASSIGN_MEDIATOR = QT_TRANSLATE_NOOP("errors", "assign a mediator")
    INGEST_EVIDENCE = QT_TRANSLATE_NOOP("errors", "take in evidence")
    VIEW_EVIDENCE = QT_TRANSLATE_NOOP("errors", "view or copy evidence")
    SEAL_EVIDENCE = QT_TRANSLATE_NOOP("errors", "seal evidence")


ALL_ROLES = frozenset(Role)
# The people who work on cases; an administrator manages accounts and keys, not case files.
CASE_WORKERS = frozenset({Role.MEDIATOR, Role.NOTARY, Role.CLERK})

PERMISSIONS: dict[Action, frozenset[Role]] = {
    Action.MANAGE_USERS: frozenset({Role.ADMIN}),
    Action.CHANGE_OFFICE_SETTINGS: frozenset({Role.ADMIN}),
    # Every role signs something: notaries seal evidence, mediators close minutes, clerks sign
    # documents for the court, administrators sign checkpoints.
    Action.HOLD_SIGNING_KEY: ALL_ROLES,
    Action.SIGN_CHECKPOINT: ALL_ROLES,
    Action.OPEN_CASE: CASE_WORKERS,
    # Who works on one case is narrowed further by the case itself (cases.access): once mediators are
    # assigned, only they and the committee's administrator act on it.
    Action.WORK_ON_CASE: CASE_WORKERS | {Role.ADMIN},
    # The committee's administrator assigns; a mediator may take on a case that has none yet.
    Action.ASSIGN_MEDIATOR: frozenset({Role.ADMIN, Role.MEDIATOR}),
    # Mediators take files from the parties, clerks scan papers, notaries acquire evidence themselves.
    Action.INGEST_EVIDENCE: CASE_WORKERS,
    Action.VIEW_EVIDENCE: CASE_WORKERS,
    # Only a notary seals evidence and preservation records (保全证据公证).
    Action.SEAL_EVIDENCE: frozenset({Role.NOTARY}),
}


class SignInState:
    """Whether one sign-in is still open. Sign-out ends it first; every service checks it before it
    records anything, so work that outlives a sign-out (a worker thread, a late callback) records nothing."""

    __slots__ = ("_ended",)

    def __init__(self) -> None:
        self._ended = threading.Event()

    def end(self) -> None:
        self._ended.set()

    @property
    def ended(self) -> bool:
        return self._ended.is_set()


@dataclass(frozen=True, slots=True)
class Actor:
    """A signed-in user, as services see them."""

    user_id: int
    name: str
    roles: frozenset[Role]
    sign_in: SignInState = field(default_factory=SignInState, compare=False, repr=False)

    def may(self, action: Action) -> bool:
        return bool(self.roles & PERMISSIONS[action])


def require_active(actor: Actor) -> None:
    """Raise ``NotAllowed`` when ``actor`` has signed out: call it inside the transaction that records."""
    if actor.sign_in.ended:
        raise NotAllowed(QT_TRANSLATE_NOOP(
            "errors", "{user} has signed out: nothing more is recorded for that sign-in. Sign in again."),
            user=actor.name)


def require(actor: Actor, action: Action) -> None:
    """Raise ``NotAllowed`` unless ``actor`` is still signed in and holds a role that may do ``action``."""
    require_active(actor)
    if not actor.may(action):
        allowed = ", ".join(sorted(PERMISSIONS[action]))
        raise NotAllowed(QT_TRANSLATE_NOOP("errors", "{user} may not {action}: that needs the role {roles}."),
                         user=actor.name, action=str(action), roles=allowed)
