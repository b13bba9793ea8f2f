"""The library index on disk: files, their chunks and Korean terms, failures, and the user's folders.

Every write is one transaction, and a file's chunks are replaced in the same transaction that records
its size, mtime and hash. So a process killed at any moment leaves each file either fully indexed under
its old stamp or fully under its new one, and the next scan simply carries on.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from app.core.locations import Location
from app.index.errors import IndexTooNew, IndexUnusable
from app.index.prepare import FileEntry, PreparedDocument
from app.index.schema import MIGRATIONS, migrate, schema_version
from app.sqlite.connection import MEMORY, can_write, connect, transaction
from app.sqlite.errors import DatabaseReadOnly, storage_error


def path_key(path: Path | str) -> str:
    """How a path is stored: absolute, symlinks not resolved (a link is indexed where the user put it)."""
    return str(Path(path).absolute())


def location_to_json(location: Location) -> str:
    return json.dumps(location.to_dict(), ensure_ascii=False, sort_keys=True)


def location_from_json(text: str) -> Location:
    return Location(**json.loads(text))


@dataclass(frozen=True)
class Failure:
    path: Path
    reason: str
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class LibraryStats:
    files: int
    chunks: int
    failures: int
    roots: int


class LibraryIndex:
    """One open library database. Not shared between threads: open one per thread (WAL lets them coexist)."""

    def __init__(self, db: sqlite3.Connection, path: Path | None = None, *, read_only: bool = False) -> None:
        self.db = db
        self.path = path
        self.read_only = read_only  # its disk or folder cannot be written: searchable, not indexable

    @classmethod
    def open(cls, path: Path | str) -> LibraryIndex:
        """Open (or create) the index; an existing one on a read-only disk or folder opens read-only."""
        read_only = str(path) != MEMORY and Path(path).exists() and not can_write(path)
        try:
            db = connect(path, read_only=read_only)
            try:
                if read_only:
                    _check_schema_read_only(db, path)
                else:
                    migrate(db)
            except BaseException:
                db.close()
                raise
        except sqlite3.DatabaseError as err:
            mapped = storage_error(err, path)
            if mapped is not None:
                raise mapped from err
            # OperationalError is the situation (locked, cannot open, I/O); only the rest means a damaged file.
            raise IndexUnusable(path, str(err), damaged=not isinstance(err, sqlite3.OperationalError)) from err
        return cls(db, Path(path) if str(path) != MEMORY else None, read_only=read_only)

    def require_writable(self) -> None:
        """Raise ``DatabaseReadOnly`` before any work when this index cannot be changed."""
        if self.read_only:
            raise DatabaseReadOnly(self.path or MEMORY)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> LibraryIndex:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # --- the user's folders ------------------------------------------------------------------------

    def add_roots(self, paths: Iterable[Path | str]) -> None:
        with transaction(self.db):
            self.db.executemany(
                "INSERT OR IGNORE INTO roots(path, added_at) VALUES (?, ?)",
                [(path_key(p), time.time()) for p in paths],
            )

    def remove_root(self, path: Path | str) -> None:
        """Forget a folder and everything indexed under it."""
        key = path_key(path)
        with transaction(self.db):
            self.db.execute("DELETE FROM roots WHERE path = ?", (key,))
            for file_key in self.keys_under(key):
                self._delete_file(file_key)
            self.db.execute("DELETE FROM failures WHERE path = ? OR substr(path, 1, ?) = ?", under_params(key))

    def roots(self) -> list[Path]:
        return [Path(r[0]) for r in self.db.execute("SELECT path FROM roots ORDER BY path")]

    # --- files -------------------------------------------------------------------------------------

    def entries_under(self, path: Path | str) -> dict[str, FileEntry]:
        """Indexed files at ``path`` or below it, by path key."""
        rows = self.db.execute(
            "SELECT path, title, format, size, mtime_ns, content_hash FROM files "
            "WHERE path = ? OR substr(path, 1, ?) = ?",
            under_params(path_key(path)),
        )
        return {r[0]: FileEntry(Path(r[0]), r[1], r[2], r[3], r[4], r[5]) for r in rows}

    def keys_under(self, key: str) -> list[str]:
        rows = self.db.execute("SELECT path FROM files WHERE path = ? OR substr(path, 1, ?) = ?", under_params(key))
        return [r[0] for r in rows]

    def entry(self, path: Path | str) -> FileEntry | None:
        return self.entries_under(path).get(path_key(path))

    def is_file(self, path: Path | str) -> bool:
        row = self.db.execute("SELECT 1 FROM files WHERE path = ?", (path_key(path),)).fetchone()
        return row is not None

    def has_any_under(self, path: Path | str) -> bool:
        row = self.db.execute(
            "SELECT 1 FROM files WHERE path = ? OR substr(path, 1, ?) = ? LIMIT 1",
            under_params(path_key(path)),
        ).fetchone()
        return row is not None

    def replace_file(self, doc: PreparedDocument) -> None:
        """Store a file's chunks and terms in place of whatever was indexed for that path."""
        entry = doc.entry
        key = path_key(entry.path)
        title_morphemes, title_bigrams = doc.title_terms.morpheme_text, doc.title_terms.bigram_text
        with transaction(self.db):
            self._delete_file(key)
            self.db.execute("DELETE FROM failures WHERE path = ?", (key,))
            cursor = self.db.execute(
                "INSERT INTO files(path, title, format, size, mtime_ns, content_hash, indexed_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (key, entry.title, entry.format, entry.size, entry.mtime_ns, entry.content_hash, time.time()),
            )
            file_id = cursor.lastrowid
            for ordinal, (chunk, terms) in enumerate(zip(doc.chunks, doc.terms, strict=True)):
                chunk_id = self.db.execute(
                    "INSERT INTO chunks(file_id, ordinal, text, location, locations) VALUES (?, ?, ?, ?, ?)",
                    (
                        file_id,
                        ordinal,
                        chunk.text,
                        location_to_json(chunk.location),
                        json.dumps([loc.to_dict() for loc in chunk.locations], ensure_ascii=False),
                    ),
                ).lastrowid
                self.db.execute(
                    "INSERT INTO morpheme_terms(rowid, body, title) VALUES (?, ?, ?)",
                    (chunk_id, terms.morpheme_text, title_morphemes),
                )
                self.db.execute(
                    "INSERT INTO bigram_terms(rowid, body, title) VALUES (?, ?, ?)",
                    (chunk_id, terms.bigram_text, title_bigrams),
                )

    def remove_files(self, paths: Iterable[Path | str]) -> None:
        with transaction(self.db):
            for path in paths:
                key = path_key(path)
                self._delete_file(key)
                self.db.execute("DELETE FROM failures WHERE path = ?", (key,))

    def rename_file(self, old: Path | str, new: Path | str, *, size: int, mtime_ns: int) -> None:
        """A file moved without changing: keep its chunks, change only where it lives."""
        with transaction(self.db):
            self._delete_file(path_key(new))
            self.db.execute(
                "UPDATE files SET path = ?, size = ?, mtime_ns = ? WHERE path = ?",
                (path_key(new), size, mtime_ns, path_key(old)),
            )

    def update_stamp(self, path: Path | str, *, size: int, mtime_ns: int) -> None:
        """The file was touched but its bytes are the same: remember the new stamp, skip re-reading."""
        with transaction(self.db):
            self.db.execute("UPDATE files SET size = ?, mtime_ns = ? WHERE path = ?", (size, mtime_ns, path_key(path)))

    def _delete_file(self, key: str) -> None:
        row = self.db.execute("SELECT id FROM files WHERE path = ?", (key,)).fetchone()
        if row is None:
            return
        chunk_ids = [(r[0],) for r in self.db.execute("SELECT id FROM chunks WHERE file_id = ?", (row[0],))]
        self.db.executemany("DELETE FROM morpheme_terms WHERE rowid = ?", chunk_ids)
        self.db.executemany("DELETE FROM bigram_terms WHERE rowid = ?", chunk_ids)
        self.db.execute("DELETE FROM chunks WHERE file_id = ?", (row[0],))
        self.db.execute("DELETE FROM files WHERE id = ?", (row[0],))

    # --- failures ----------------------------------------------------------------------------------

    def record_failure(self, path: Path | str, reason: str, *, size: int, mtime_ns: int) -> None:
        """Remember why a file could not be read; a file indexed earlier under this path is dropped."""
        key = path_key(path)
        with transaction(self.db):
            self._delete_file(key)
            self.db.execute(
                "INSERT OR REPLACE INTO failures(path, reason, size, mtime_ns, failed_at) VALUES (?, ?, ?, ?, ?)",
                (key, reason, size, mtime_ns, time.time()),
            )

    def failures_under(self, path: Path | str | None = None) -> dict[str, Failure]:
        if path is None:
            rows = self.db.execute("SELECT path, reason, size, mtime_ns FROM failures ORDER BY path")
        else:
            rows = self.db.execute(
                "SELECT path, reason, size, mtime_ns FROM failures "
                "WHERE path = ? OR substr(path, 1, ?) = ? ORDER BY path",
                under_params(path_key(path)),
            )
        return {r[0]: Failure(Path(r[0]), r[1], r[2], r[3]) for r in rows}

    def forget_failures(self, paths: Iterable[Path | str]) -> None:
        with transaction(self.db):
            self.db.executemany("DELETE FROM failures WHERE path = ?", [(path_key(p),) for p in paths])

    # --- overview ----------------------------------------------------------------------------------

    def chunks_with_term(self, term: str) -> int:
        """How many passages hold the morpheme ``term`` (its document frequency, for IDF weights)."""
        quoted = '"' + term.replace('"', '""') + '"'
        row = self.db.execute("SELECT count(*) FROM morpheme_terms WHERE morpheme_terms MATCH ?", (quoted,))
        return int(row.fetchone()[0])

    def stats(self) -> LibraryStats:
        def count(table: str) -> int:
            return int(self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

        return LibraryStats(count("files"), count("chunks"), count("failures"), count("roots"))

    def integrity_ok(self) -> bool:
        rows = self.db.execute("PRAGMA integrity_check").fetchall()
        return rows == [("ok",)]


def _check_schema_read_only(db: sqlite3.Connection, path: Path | str) -> None:
    """A read-only index is used as it is: it cannot be migrated, so it must already be current."""
    found = schema_version(db)
    if found > len(MIGRATIONS):
        raise IndexTooNew(found, len(MIGRATIONS))
    if found < len(MIGRATIONS):
        raise DatabaseReadOnly(path)


def under_params(key: str) -> tuple[str, int, str]:
    """Parameters for ``path = ? OR substr(path, 1, ?) = ?``: the path itself or anything inside it."""
    prefix = key.rstrip(os.sep) + os.sep
    return key, len(prefix), prefix
