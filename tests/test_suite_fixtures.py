"""The suite's own fixtures: cheap key derivation by default, production costs where a test asks."""

from __future__ import annotations

import pytest

from desktop.core.trust import passwords
from desktop.core.trust.pki import key_files

PASSWORD = "fixture-password-1"


def test_key_derivation_is_cheap_by_default() -> None:
    assert "$m=8192,t=1,p=1$" in passwords.hash_password(PASSWORD)
    assert "$m=8192,t=1,p=1$" in passwords.dummy_hash()
    assert key_files.SCRYPT_N == 2**10


@pytest.mark.real_kdf
def test_real_kdf_keeps_the_production_costs() -> None:
    # RFC 9106 §4 second option (64 MiB, 3 passes) and RFC 7914 scrypt N=2**15, as shipped.
    encoded = passwords.hash_password(PASSWORD)
    assert "$m=65536,t=3,p=4$" in encoded and passwords.password_matches(encoded, PASSWORD)
    assert "$m=65536,t=3,p=4$" in passwords.dummy_hash()
    assert key_files.SCRYPT_N == 2**15
