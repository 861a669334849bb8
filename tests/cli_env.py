"""Pointing the command line (run in-process) at a test's store, as a user's shell would."""

from __future__ import annotations

import pytest

from desktop.core.storage.store import OpenStore


def point_cli_at(monkeypatch: pytest.MonkeyPatch, store: OpenStore, user: str | None = None,
                 password: str | None = None) -> None:
    """``MEDISEAL_DATA_DIR`` (and the database URL on PostgreSQL), and the acting user when given."""
    monkeypatch.setenv("MEDISEAL_DATA_DIR", str(store.folder.root))
    if store.database.kind == "postgresql":
        monkeypatch.setenv("MEDISEAL_DATABASE_URL", store.database_url)
    if user is not None:
        monkeypatch.setenv("MEDISEAL_USER", user)
    if password is not None:
        monkeypatch.setenv("MEDISEAL_PASSWORD", password)
