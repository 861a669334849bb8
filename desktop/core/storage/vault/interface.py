"""The interface a vault backend provides: store a stream under its digest, open, exists, list."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO, Protocol

from desktop.core.integrity.digests import ByteProgressFn, Digests
from desktop.core.progress import CancelledFn


@dataclass(frozen=True, slots=True)
class StoredBlob:
    """A blob now durable in the vault; ``new`` is False when the same bytes were already there."""

    digests: Digests
    new: bool


class Vault(Protocol):
    """What the evidence services need of a blob store."""

    def store(self, source: BinaryIO, progress: ByteProgressFn, cancelled: CancelledFn) -> StoredBlob: ...

    def open(self, sha256: str) -> BinaryIO: ...

    def exists(self, sha256: str) -> bool: ...

    def digests(self) -> Iterator[str]: ...
