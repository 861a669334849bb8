"""Real argon2id and scrypt at their lowest costs, for tests about something other than passwords (the
parameters travel in each hash and key file, so everything stays consistent)."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher

from desktop.core.trust import passwords
from desktop.core.trust.pki import key_files


@pytest.fixture
def cheap_key_derivation(monkeypatch: pytest.MonkeyPatch) -> None:
    cheap = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1)
    monkeypatch.setattr(passwords, "_HASHER", cheap)
    monkeypatch.setattr(key_files, "SCRYPT_N", 2**10)
