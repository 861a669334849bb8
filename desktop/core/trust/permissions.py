"""Who may do what: one table, checked by every service, so the CLI and the GUI cannot differ."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop.core.errors import QT_TRANSLATE_NOOP, NotAllowed


class Role(StrEnum):
    """Roles a user can hold (one or more)."""

    ADMIN = "admin"  # 管理员
    MEDIATOR = "mediator"  # 调解员
    NOTARY = "notary"  # 公证员
    CLERK = "clerk"  # 书记员 / 内勤


class Action(StrEnum):
    """Things a service may be asked to do on someone's behalf."""

    # The values are shown in refusals; the GUI translates them (the "action" field of NotAllowed).
    MANAGE_USERS = QT_TRANSLATE_NOOP("errors", "manage users")
    HOLD_SIGNING_KEY = QT_TRANSLATE_NOOP("errors", "hold a signing key")
    SIGN_CHECKPOINT = QT_TRANSLATE_NOOP("errors", "sign a checkpoint")
    OPEN_CASE = QT_TRANSLATE_NOOP("errors", "open a case")
    INGEST_EVIDENCE = QT_TRANSLATE_NOOP("errors", "take in evidence")
    VIEW_EVIDENCE = QT_TRANSLATE_NOOP("errors", "view or copy evidence")
    SEAL_EVIDENCE = QT_TRANSLATE_NOOP("errors", "seal evidence")


ALL_ROLES = frozenset(Role)
# The people who work on cases; an administrator manages accounts and keys, not case files.
CASE_WORKERS = frozenset({Role.MEDIATOR, Role.NOTARY, Role.CLERK})

PERMISSIONS: dict[Action, frozenset[Role]] = {
    Action.MANAGE_USERS: frozenset({Role.ADMIN}),
    # Every role signs something: notaries seal evidence, mediators close minutes, clerks sign
    # documents for the court, administrators sign checkpoints.
    Action.HOLD_SIGNING_KEY: ALL_ROLES,
    Action.SIGN_CHECKPOINT: ALL_ROLES,
    Action.OPEN_CASE: CASE_WORKERS,
    # Mediators take files from the parties, clerks scan papers, notaries acquire evidence themselves.
    Action.INGEST_EVIDENCE: CASE_WORKERS,
    Action.VIEW_EVIDENCE: CASE_WORKERS,
    # Only a notary seals evidence and preservation records (保全证据公证).
    Action.SEAL_EVIDENCE: frozenset({Role.NOTARY}),
}


@dataclass(frozen=True, slots=True)
class Actor:
    """A signed-in user, as services see them."""

    user_id: int
    name: str
    roles: frozenset[Role]

    def may(self, action: Action) -> bool:
        return bool(self.roles & PERMISSIONS[action])


def require(actor: Actor, action: Action) -> None:
    """Raise ``NotAllowed`` unless ``actor`` holds a role that may do ``action``."""
    if not actor.may(action):
        allowed = ", ".join(sorted(PERMISSIONS[action]))
        raise NotAllowed(QT_TRANSLATE_NOOP("errors", "{user} may not {action}: that needs the role {roles}."),
                         user=actor.name, action=str(action), roles=allowed)
