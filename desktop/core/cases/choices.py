"""Who may be chosen as a case's mediator: the enabled users holding the mediator role, by login and real
name (the assignment dialog's list; ``progress.assign_mediator`` checks the choice again)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import User, UserRole
from desktop.core.trust.permissions import Role


@dataclass(frozen=True, slots=True)
class MediatorChoice:
    """A user who can be assigned to mediate."""

    name: str
    real_name: str


def mediator_choices(session: Session) -> list[MediatorChoice]:
    """Enabled users with the mediator role, by login name."""
    query = (select(User.name, User.real_name).join(UserRole, UserRole.user_id == User.id)
             .where(UserRole.role == Role.MEDIATOR.value, User.disabled.is_(False)).order_by(User.name))
    return [MediatorChoice(name, real_name or "") for name, real_name in session.execute(query)]
