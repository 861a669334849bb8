"""The content-addressed vault (DESIGN.md, Integrity 1): blobs stored under their SHA-256.

A file is read once, in large chunks. SHA-256 and the copy run on the reading thread and SM3 on a
helper thread (hashlib releases the GIL), so ingest costs about as much as the slower digest alone; a
stream of one chunk is hashed inline, as starting a thread would cost more than it saves. The copy goes
to a temp file inside the vault, written with ``O_DIRECT`` where the system allows (no page-cache copy
and next to no CPU, which SM3 needs), with holes where a whole chunk is zeros; it is fsynced, renamed to
``sha256/ab/cd/<hex>``, the folder is fsynced and the blob made read-only; only then may the caller write
its database row. A batch may put off the folder fsyncs (``name_sync=False``) and make every new name
durable at once with ``sync_names`` before it records the batch: the folders are then fsynced side by
side, which the file system commits together. A crash leaves at most a temp file, which
``remove_stale_temp_files`` deletes at the next start, or a blob no row names yet.

``Vault`` is the small interface a backend provides (store a stream, open, exists, list digests);
``LocalVault`` is the folder backend. An object-store backend comes with the centre issue."""

from __future__ import annotations

import contextlib
import errno
import io
import logging
import mmap
import os
import re
import stat
import threading
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import BinaryIO

from desktop.core.errors import QT_TRANSLATE_NOOP, InvalidInput, NotFound
from desktop.core.integrity.digests import CHUNK_BYTES, ByteProgressFn, Digests, digest_stream
from desktop.core.integrity.durable import fsync_folder, sync_data
from desktop.core.progress import CancelledFn, never_cancelled
from desktop.core.storage.vault.interface import StoredBlob

try:
    import fcntl
except ImportError:  # Windows: an open file cannot be deleted there, which protects temp files as well
    fcntl = None  # type: ignore[assignment]


log = logging.getLogger(__name__)
SYNC_EVERY_BYTES = 64 * 1024 * 1024  # buffered writes: flush as we go, so the final fsync has little left
DIRECT_ALIGNMENT = 4096  # O_DIRECT wants offsets, lengths and memory aligned to the device's block size
_ZEROS = bytes(CHUNK_BYTES)  # calloc'd: the zero page, costs no memory until read
SHA256_HEX = re.compile(r"[0-9a-f]{64}")
TEMP_PREFIX = "ingest-"
# Folders fsynced side by side by ``sync_names``: concurrent fsyncs share the file system's journal
# commits and the device's cache flushes (about 70 µs a folder here, against 2 ms one after the other).
FOLDER_SYNC_THREADS = 8


def _advise_sequential(source: BinaryIO) -> None:
    """Ask for deep read-ahead on a file read front to back (a no-op for other streams)."""
    if not hasattr(os, "posix_fadvise"):
        return
    with contextlib.suppress(AttributeError, OSError, io.UnsupportedOperation):
        os.posix_fadvise(source.fileno(), 0, 0, os.POSIX_FADV_SEQUENTIAL)


def _size_of(source: BinaryIO) -> int:
    """The size of a source that is a regular file; 0 when it cannot tell (a pipe, a wrapper)."""
    try:
        info = os.fstat(source.fileno())
    except (AttributeError, OSError, io.UnsupportedOperation):
        return 0
    return info.st_size if stat.S_ISREG(info.st_mode) else 0


class _TempFile:
    """Writes a temp blob at explicit offsets: ``O_DIRECT`` when the system takes it, buffered otherwise.

    ``O_DIRECT`` hands the bytes to the device without a page-cache copy or later writeback work, which
    leaves the CPU to the hashes (SM3 needs a whole core); it is dropped for the rest of the file at the
    first unaligned piece, or when the file system refuses it. A chunk of zeros is left as a hole (the
    blob is never written again, and reading a hole gives the same zeros), so sparse or zero-filled
    evidence costs no disk space or write time; ``finish`` sets the length and fsyncs.
    """

    def __init__(self, path: Path, direct: bool = True) -> None:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
        flags |= getattr(os, "O_BINARY", 0)  # Windows: no newline translation
        self.descriptor = os.open(path, flags, 0o644)
        self.offset = 0
        self.unsynced = 0
        self.direct = False
        self._aligned: mmap.mmap | None = None
        direct_flag = getattr(os, "O_DIRECT", 0)
        if direct and fcntl is not None and direct_flag:
            try:
                status = fcntl.fcntl(self.descriptor, fcntl.F_GETFL)
                fcntl.fcntl(self.descriptor, fcntl.F_SETFL, status | direct_flag)
                self.direct = True
            except OSError:
                pass  # tmpfs and some network file systems: buffered writes

    def _stop_direct(self) -> None:
        assert fcntl is not None
        status = fcntl.fcntl(self.descriptor, fcntl.F_GETFL)
        fcntl.fcntl(self.descriptor, fcntl.F_SETFL, status & ~getattr(os, "O_DIRECT", 0))
        self.direct = False
        self._aligned = None

    def _write_at(self, data: bytes | memoryview, offset: int) -> None:
        view = memoryview(data)
        while view:
            if hasattr(os, "pwrite"):
                written = os.pwrite(self.descriptor, view, offset)
            else:  # Windows
                os.lseek(self.descriptor, offset, os.SEEK_SET)
                written = os.write(self.descriptor, view)
            view, offset = view[written:], offset + written

    def write(self, chunk: bytes) -> None:
        length = len(chunk)
        if length <= len(_ZEROS) and _ZEROS.startswith(chunk):
            self.offset += length  # a hole; the length is set by finish()
            return
        if self.direct and self.offset % DIRECT_ALIGNMENT == 0 and length % DIRECT_ALIGNMENT == 0 \
                and length <= CHUNK_BYTES:
            if self._aligned is None:
                self._aligned = mmap.mmap(-1, CHUNK_BYTES)  # page-aligned, as O_DIRECT needs
            self._aligned[:length] = chunk
            try:
                with memoryview(self._aligned) as whole, whole[:length] as view:
                    self._write_at(view, self.offset)
            except OSError as error:
                if error.errno != errno.EINVAL:
                    raise
                self._stop_direct()  # refused after all (an odd device, a short write): go on buffered
                self._write_at(chunk, self.offset)
        else:
            if self.direct:
                self._stop_direct()
            self._write_at(chunk, self.offset)
            self.unsynced += length
            if self.unsynced >= SYNC_EVERY_BYTES:
                sync_data(self.descriptor)
                self.unsynced = 0
        self.offset += length

    def finish(self) -> None:
        """Give the file its full length (a trailing hole has none yet) and make it durable."""
        if os.fstat(self.descriptor).st_size != self.offset:
            os.ftruncate(self.descriptor, self.offset)
        os.fsync(self.descriptor)

    def close(self) -> None:
        self._aligned = None
        os.close(self.descriptor)


def storage_error(error: OSError) -> InvalidInput:
    """A clear message for a failed write into the vault (disk full, file too large, no access)."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return InvalidInput(QT_TRANSLATE_NOOP(
            "errors", "The vault has no room for this file ({reason}). Nothing was stored; free some "
            "space and try again."), reason=error.strerror or str(error))
    return InvalidInput(QT_TRANSLATE_NOOP("errors", "The vault could not store the file: {reason}."),
                        reason=error.strerror or str(error))


def _source_error(error: OSError) -> bool:
    """Whether a failure is the source's own (shown as it is), not the vault's (``storage_error``)."""
    return isinstance(error, FileNotFoundError | PermissionError | IsADirectoryError)


class LocalStagedBlob:
    """A blob read into a temp file, not yet durable or visible: ``commit`` or ``discard`` it."""

    def __init__(self, vault: LocalVault, temp_path: Path, out: _TempFile, digests: Digests) -> None:
        self.vault = vault
        self.digests = digests
        self._temp_path = temp_path
        self._out: _TempFile | None = out

    def commit(self, *, name_sync: bool = True) -> StoredBlob:
        """Make the bytes durable and put them under their name (durable too, unless ``name_sync`` is
        False: then at the vault's next ``sync_names``)."""
        digests, temp_path = self.digests, self._temp_path
        try:
            out, self._out = self._out, None
            if out is None:
                raise ValueError("a staged blob is committed or discarded once")
            try:
                out.finish()
            finally:
                out.close()
            target = self.vault.path(digests.sha256)
            if target.exists() and target.stat().st_size == digests.size:
                temp_path.unlink()
                # Its name may not be durable yet (stored earlier in this batch, or by another seat).
                self.vault._name_written([target.parent], name_sync)
                return StoredBlob(digests, new=False)
            # A file of the wrong length under this name was damaged (verification names it): the
            # fresh copy, whose digest was just computed, takes its place.
            made = self.vault._make_folders(target.parent)
            os.chmod(temp_path, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
            os.replace(temp_path, target)
            # The new name lives in its folder; each folder made lives in its parent (POSIX: fsync of
            # the file does not make its directory entry durable).
            self.vault._name_written([target.parent, *(folder.parent for folder in made)], name_sync)
            return StoredBlob(digests, new=True)
        except OSError as error:
            temp_path.unlink(missing_ok=True)
            if _source_error(error):
                raise
            raise storage_error(error) from error
        except BaseException:
            temp_path.unlink(missing_ok=True)
            raise

    def discard(self) -> None:
        """Drop the temp file; nothing was stored."""
        out, self._out = self._out, None
        if out is not None:
            out.close()
            self._temp_path.unlink(missing_ok=True)


class LocalVault:
    """Blobs in a folder: ``sha256/ab/cd/<hex>``, read-only once stored; temp files under ``tmp/``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.temp = root / "tmp"
        self._unsynced_folders: set[Path] = set()  # new names not yet durable (``name_sync=False``)
        self._unsynced_lock = threading.Lock()

    def path(self, sha256: str) -> Path:
        if not SHA256_HEX.fullmatch(sha256):
            raise InvalidInput(QT_TRANSLATE_NOOP("errors", "“{digest}” is not a SHA-256 digest."),
                               digest=sha256)
        return self.root / "sha256" / sha256[:2] / sha256[2:4] / sha256

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def open(self, sha256: str) -> BinaryIO:
        """The blob for reading (never writable)."""
        try:
            handle = self.path(sha256).open("rb")
        except FileNotFoundError:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "The vault has no blob {digest}."),
                           digest=sha256) from None
        _advise_sequential(handle)  # blobs are read front to back (verify, copy-out, export)
        return handle

    def digests(self) -> Iterator[str]:
        """The SHA-256 of every blob in the vault (by file name)."""
        base = self.root / "sha256"
        if not base.is_dir():
            return
        for path in sorted(base.glob("??/??/*")):
            if SHA256_HEX.fullmatch(path.name):
                yield path.name

    def store(self, source: BinaryIO, progress: ByteProgressFn,
              cancelled: CancelledFn = never_cancelled,
              accept: Callable[[Digests], None] | None = None, *, name_sync: bool = True) -> StoredBlob:
        """Copy ``source`` into the vault under its SHA-256; durable before this returns.

        ``accept`` may refuse the bytes read (by raising) before anything becomes visible. With
        ``name_sync=False`` the bytes are durable but the blob's name becomes durable only at the next
        ``sync_names()``, which the caller must call before any row names the blob. Safe to call from
        several threads at once.
        """
        return self.stage(source, progress, cancelled, accept).commit(name_sync=name_sync)

    def stage(self, source: BinaryIO, progress: ByteProgressFn, cancelled: CancelledFn = never_cancelled,
              accept: Callable[[Digests], None] | None = None) -> LocalStagedBlob:
        """Read ``source`` once into a temp file, hashing it; nothing is durable or visible until the
        result's ``commit`` (which may run on another thread: a batch reads in order and fsyncs side by
        side). ``accept`` may refuse the bytes read (by raising); then nothing is left."""
        self.temp.mkdir(parents=True, exist_ok=True)
        temp_path = self.temp / f"{TEMP_PREFIX}{uuid.uuid4().hex}"
        # Read-ahead advice and O_DIRECT pay off on large files (no page-cache copy competing with the
        # hashes); a file of one chunk or less is read in one call and written faster through the cache.
        large = _size_of(source) > CHUNK_BYTES
        if large:
            _advise_sequential(source)
        out: _TempFile | None = None
        try:
            out = _TempFile(temp_path, direct=large)
            if fcntl is not None:
                fcntl.flock(out.descriptor, fcntl.LOCK_EX)  # tells start-up cleaners it is in use
            digests = digest_stream(source, progress, cancelled, out.write)
            if accept is not None:
                accept(digests)
            return LocalStagedBlob(self, temp_path, out, digests)
        except BaseException as error:
            if out is not None:
                out.close()
            temp_path.unlink(missing_ok=True)
            if isinstance(error, OSError) and not _source_error(error):
                raise storage_error(error) from error
            raise

    def _make_folders(self, folder: Path) -> list[Path]:
        """Create ``folder`` and missing parents below the vault root; return those that were missing."""
        missing: list[Path] = []
        while not folder.is_dir() and folder != self.root:
            missing.append(folder)
            folder = folder.parent
        for path in reversed(missing):
            # Made by another thread at the same moment: its entry is synced here as well, so this
            # blob's name never rests on another caller's fsync.
            path.mkdir(exist_ok=True)
        return missing

    def _name_written(self, folders: list[Path], sync_now: bool) -> None:
        if sync_now:
            for folder in dict.fromkeys(folders):
                fsync_folder(folder)
        else:
            with self._unsynced_lock:
                self._unsynced_folders.update(folders)

    def sync_names(self) -> None:
        """Make every name stored with ``name_sync=False`` durable: fsync their folders, side by side."""
        with self._unsynced_lock:
            folders, self._unsynced_folders = self._unsynced_folders, set()
        if not folders:
            return
        try:
            if len(folders) == 1:
                fsync_folder(next(iter(folders)))
            else:
                with ThreadPoolExecutor(min(FOLDER_SYNC_THREADS, len(folders)),
                                        thread_name_prefix="vault-sync") as pool:
                    list(pool.map(fsync_folder, folders))
        except OSError as error:
            with self._unsynced_lock:
                self._unsynced_folders |= folders  # still owed: the next call tries them again
            raise storage_error(error) from error

    def remove_stale_temp_files(self) -> int:
        """Delete temp files left by a crash (skipping any another process is still writing)."""
        removed = 0
        if not self.temp.is_dir():
            return 0
        for path in self.temp.glob(f"{TEMP_PREFIX}*"):
            try:
                if fcntl is None:
                    path.unlink()  # refused by Windows while another process has it open
                else:
                    with path.open("rb") as handle:
                        try:
                            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                        except BlockingIOError:
                            continue  # being written right now
                        path.unlink()
                removed += 1
            except OSError as error:
                log.warning("could not remove stale temp file %s: %s", path, error)
        if removed:
            log.info("removed %d temp file(s) left in the vault by an interrupted ingest", removed)
        return removed
