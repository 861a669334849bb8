"""The interface a vault backend provides: store (or stage, then commit) a stream under its digest, open,
exists, list."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO, Protocol

from desktop.core.integrity.digests import ByteProgressFn, Digests
from desktop.core.progress import CancelledFn


@dataclass(frozen=True, slots=True)
class StoredBlob:
    """A blob now durable in the vault; ``new`` is False when the same bytes were already there."""

    digests: Digests
    new: bool


class StagedBlob(Protocol):
    """Bytes read and hashed but not yet durable or visible in the vault."""

    digests: Digests

    def commit(self, *, name_sync: bool = True) -> StoredBlob:
        """Make the blob durable under its SHA-256 (its name at ``sync_names`` if ``name_sync`` is False)."""
        ...

    def discard(self) -> None:
        """Drop the staged bytes: nothing was stored."""
        ...


class Vault(Protocol):
    """What the evidence services need of a blob store."""

    def store(self, source: BinaryIO, progress: ByteProgressFn, cancelled: CancelledFn,
              accept: Callable[[Digests], None] | None = None, *, name_sync: bool = True) -> StoredBlob:
        """Store the stream under its SHA-256, durable on return (its name only after ``sync_names``
        when ``name_sync`` is False); ``accept`` may refuse the bytes before they become visible."""
        ...

    def stage(self, source: BinaryIO, progress: ByteProgressFn, cancelled: CancelledFn,
              accept: Callable[[Digests], None] | None = None) -> StagedBlob:
        """Read and hash the stream, nothing durable yet: ``store`` is ``stage`` then ``commit``, split so
        a batch can read files in order and make them durable side by side."""
        ...

    def sync_names(self) -> None:
        """Make durable every blob stored with ``name_sync=False``: call before any row names one."""
        ...

    def open(self, sha256: str) -> BinaryIO: ...

    def exists(self, sha256: str) -> bool: ...

    def digests(self) -> Iterator[str]: ...
