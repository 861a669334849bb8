"""Streaming digests: SHA-256 and SM3 (GB/T 32905-2016) of a byte stream in one pass, SM3 on a helper
thread from the second chunk on (hashlib releases the GIL)."""

from __future__ import annotations

import hashlib
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO, Protocol

from desktop.core.progress import CancelledFn, never_cancelled, raise_if_cancelled

CHUNK_BYTES = 4 * 1024 * 1024  # STYLE.md: hash in chunks of 1 MiB or more
CHUNKS_IN_FLIGHT = 8  # chunks queued for the SM3 thread: bounds memory at about 32 MiB per ingest
ByteProgressFn = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class Digests:
    """The two digests of one byte stream, lowercase hex, and its length."""

    sha256: str
    sm3: str
    size: int


class _Hash(Protocol):
    def update(self, data: bytes, /) -> None: ...

    def hexdigest(self) -> str: ...


def _new_sm3() -> _Hash:
    try:
        return hashlib.new("sm3")  # GB/T 32905-2016, through the system OpenSSL
    except ValueError:
        return _CryptographySm3()


class _CryptographySm3:
    """SM3 through ``cryptography`` where hashlib's OpenSSL lacks it; the hashlib calls we use."""

    def __init__(self) -> None:
        from cryptography.hazmat.primitives import hashes

        self._hash = hashes.Hash(hashes.SM3())

    def update(self, data: bytes) -> None:
        self._hash.update(data)

    def hexdigest(self) -> str:
        return self._hash.finalize().hex()


class _Sm3Thread:
    """SM3 of a chunk sequence on a helper thread, fed through a bounded queue."""

    def __init__(self) -> None:
        self._hash = _new_sm3()
        self._queue: queue.Queue[bytes | None] = queue.Queue(CHUNKS_IN_FLIGHT)
        self._error: BaseException | None = None
        self._abandoned = False
        self._thread = threading.Thread(target=self._run, name="sm3", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        # Keeps draining the queue after a failure or abandon, so the reading thread never blocks on it.
        while (chunk := self._queue.get()) is not None:
            if self._error is None and not self._abandoned:
                try:
                    self._hash.update(chunk)
                except BaseException as error:  # handed to the reading thread by finish()
                    self._error = error

    def update(self, chunk: bytes) -> None:
        self._queue.put(chunk)

    def finish(self) -> str:
        self._queue.put(None)
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._hash.hexdigest()

    def abandon(self) -> None:
        self._abandoned = True
        self._queue.put(None)
        self._thread.join()


def digest_stream(source: BinaryIO, progress: ByteProgressFn | None = None,
                  cancelled: CancelledFn = never_cancelled,
                  sink: Callable[[bytes], None] | None = None) -> Digests:
    """Read ``source`` to its end once, computing SHA-256 and SM3 (and handing each chunk to ``sink``).

    SM3, the slower digest, runs on a helper thread from the second chunk on; a stream of one chunk
    (most evidence files) is hashed inline, which is faster than starting a thread for it.
    """
    sha256 = hashlib.sha256()
    sm3: _Sm3Thread | None = None
    first: bytes | None = None  # hashed by SM3 inline if no second chunk follows
    size = 0
    try:
        while chunk := source.read(CHUNK_BYTES):
            raise_if_cancelled(cancelled)
            if sm3 is not None:
                sm3.update(chunk)
            elif first is None:
                first = chunk
            else:
                sm3 = _Sm3Thread()
                sm3.update(first)
                sm3.update(chunk)
                first = None
            sha256.update(chunk)
            if sink is not None:
                sink(chunk)
            size += len(chunk)
            if progress is not None:
                progress(size)
    except BaseException:
        if sm3 is not None:
            sm3.abandon()
        raise
    if sm3 is not None:
        sm3_hex = sm3.finish()
    else:
        inline = _new_sm3()
        if first is not None:
            inline.update(first)
        sm3_hex = inline.hexdigest()
    return Digests(sha256.hexdigest(), sm3_hex, size)
