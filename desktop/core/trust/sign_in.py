"""Sign-in and sign-out of a person at the desk: who they are, and their signing key unlocked in memory.

Signing out (and closing the app) appends a ``sign_out`` entry and, when the user holds a usable key,
signs a checkpoint, so every session ends with the ledger's head signed. Without a usable key (none, or
one revoked or expired since sign-in) the sign-out still happens, with no checkpoint and a line in the
log saying why.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from db.engine import Database
from desktop.core.errors import NotAllowed
from desktop.core.trust import checkpoints, ledger, signing_keys, users
from desktop.core.trust.events import EventKind
from desktop.core.trust.permissions import Actor

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SignedInUser:
    """Who is signed in, and their active key if they have one (unlocked with their password)."""

    actor: Actor
    key: signing_keys.UnlockedKey | None = field(default=None, repr=False)


def sign_in_user(database: Database, name: str, password: str) -> SignedInUser:
    """Sign in (recorded in the ledger) and unlock the user's active key, if any."""
    actor = users.sign_in(database, name, password)
    with database.session_scope() as session:
        try:
            key = signing_keys.unlock(session, actor, password)
        except NotAllowed:
            key = None  # no usable key yet: the user can still work, but signs nothing
    return SignedInUser(actor, key)


def confirm_password(database: Database, signed_in: SignedInUser, password: str) -> None:
    """Unlock an idle-locked window: the same user's password, checked and recorded like a sign-in."""
    users.sign_in(database, signed_in.actor.name, password)


def sign_out_user(database: Database, signed_in: SignedInUser) -> checkpoints.CheckpointInfo | None:
    """Record the sign-out and sign a checkpoint with the user's key (None without a usable key), then end
    the sign-in: under the ledger's lock, so a recording already under way commits before the sign-out
    entry and any later one is refused (``permissions.require_active``)."""
    name = signed_in.actor.name
    with database.session_scope() as session:
        ledger.lock(session)
        ledger.append(session, name, EventKind.SIGN_OUT, f"user:{name}")
        checkpoint = None
        if signed_in.key is None:
            log.info("%s signed out without a signing key: no checkpoint", name)
        else:
            try:
                checkpoint = checkpoints.sign_checkpoint(session, signed_in.actor, signed_in.key)
            except NotAllowed as refusal:  # the key is no longer usable: sign out all the same
                log.warning("%s signed out with no usable signing key, so no checkpoint: %s", name,
                            refusal.message)
        signed_in.actor.sign_in.end()
    return checkpoint
