"""What changed on disk since the last index: new, changed, renamed, touched and deleted files.

A file whose size and mtime match the index is unchanged without being opened. Otherwise its content
hash decides: the same hash means it was only touched (or, under a new path, renamed). A folder watcher
can call ``compute_changes`` on the folder it saw move and hand the result to the library task.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.core.cancel import CancelToken
from app.core.errors import NotRegularFile
from app.core.files import open_regular_file
from app.index.library import LibraryIndex, path_key

HASH_CHUNK_BYTES = 1 << 20


@dataclass(frozen=True)
class DiskFile:
    path: Path
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class Rename:
    old: Path
    new: DiskFile


@dataclass
class ChangeSet:
    to_index: list[DiskFile] = field(default_factory=list)
    """New files and files whose content changed (or that failed before and changed since)."""
    renamed: list[Rename] = field(default_factory=list)
    touched: list[DiskFile] = field(default_factory=list)
    """Same content under the same path, new size/mtime stamp only."""
    deleted: list[Path] = field(default_factory=list)
    unchanged: int = 0
    still_failing: int = 0
    """Files that failed to read before and have not changed since (not retried)."""
    hashes: dict[str, str] = field(default_factory=dict)
    """Content hashes already computed for files in ``to_index``, by path key."""

    @property
    def is_empty(self) -> bool:
        return not (self.to_index or self.renamed or self.touched or self.deleted)


def file_hash(path: Path) -> str:
    """Hash of a regular file's bytes, up to the size it had when opened (so a growing file still ends).

    Raises ``NotRegularFile`` for a FIFO or device instead of blocking or reading forever.
    """
    digest = hashlib.blake2b(digest_size=20)
    with open_regular_file(path) as f:
        remaining = os.fstat(f.fileno()).st_size
        while remaining > 0 and (block := f.read(min(HASH_CHUNK_BYTES, remaining))):
            digest.update(block)
            remaining -= len(block)
    return digest.hexdigest()


def scan(roots: Sequence[Path], suffixes: Collection[str], cancel: CancelToken | None = None) -> list[DiskFile]:
    """Supported files at or under ``roots``, skipping hidden entries and Office lock files (~$)."""
    found: dict[str, DiskFile] = {}
    for root in roots:
        for path in _walk(root, suffixes, cancel):
            try:
                st = path.stat()
            except OSError:
                continue
            found.setdefault(path_key(path), DiskFile(Path(path_key(path)), st.st_size, st.st_mtime_ns))
    return sorted(found.values(), key=lambda f: str(f.path))


def _walk(root: Path, suffixes: Collection[str], cancel: CancelToken | None) -> Iterator[Path]:
    if not root.is_dir():  # a file, or a FIFO or device named directly: the reader refuses those with a note
        if _wanted(root, suffixes):
            yield root
        return
    for dirpath, dirnames, filenames in os.walk(root):
        if cancel is not None:
            cancel.raise_if_cancelled()
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if _wanted(path, suffixes):
                yield path


def _wanted(path: Path, suffixes: Collection[str]) -> bool:
    name = path.name
    return not name.startswith((".", "~$")) and path.suffix.lower() in suffixes


def compute_changes(
    index: LibraryIndex,
    roots: Sequence[Path],
    suffixes: Collection[str],
    cancel: CancelToken | None = None,
) -> ChangeSet:
    """Compare the files under ``roots`` with what the index holds for those roots."""
    on_disk = {path_key(f.path): f for f in scan(roots, suffixes, cancel)}
    indexed = {}
    failed = {}
    for root in roots:
        indexed.update(index.entries_under(root))
        failed.update(index.failures_under(root))

    changes = ChangeSet()
    fresh: list[DiskFile] = []
    for key, disk in on_disk.items():
        if cancel is not None:
            cancel.raise_if_cancelled()
        entry = indexed.get(key)
        failure = failed.get(key)
        if entry is not None and (entry.size, entry.mtime_ns) == (disk.size, disk.mtime_ns):
            changes.unchanged += 1
        elif failure is not None and (failure.size, failure.mtime_ns) == (disk.size, disk.mtime_ns):
            changes.still_failing += 1
        elif entry is not None:
            digest = _hash_or_none(disk.path)
            if digest == entry.content_hash:
                changes.touched.append(disk)
            else:
                changes.to_index.append(disk)
                if digest is not None:
                    changes.hashes[key] = digest
        else:
            fresh.append(disk)

    gone = {key: entry for key, entry in indexed.items() if key not in on_disk}
    gone_by_hash = {(e.size, e.content_hash): key for key, e in gone.items()}
    gone_sizes = {e.size for e in gone.values()}
    for disk in fresh:
        digest = _hash_or_none(disk.path) if disk.size in gone_sizes else None
        old_key = gone_by_hash.pop((disk.size, digest), None) if digest is not None else None
        if old_key is not None:
            changes.renamed.append(Rename(Path(old_key), disk))
            del gone[old_key]
        else:
            changes.to_index.append(disk)
            if digest is not None:
                changes.hashes[path_key(disk.path)] = digest
    changes.deleted = [Path(key) for key in sorted(gone)]
    changes.deleted += [Path(key) for key in sorted(failed) if key not in on_disk and key not in gone]
    return changes


def _hash_or_none(path: Path) -> str | None:
    """None when the file cannot be read now; the reader will then record the real reason."""
    try:
        return file_hash(path)
    except (OSError, NotRegularFile):
        return None
