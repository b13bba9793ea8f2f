"""Opening a Baro database: WAL, foreign keys, and explicit transactions.

The connection runs in autocommit mode (``isolation_level=None``) so that every write happens inside a
``transaction()`` we open ourselves; Python's implicit transactions would leave DDL outside of them.
A database on a read-only disk or folder is opened read-only instead (``connect(..., read_only=True)``),
and a full or read-only disk during a write is raised as ``DatabaseFull`` / ``DatabaseReadOnly``.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from app.sqlite.errors import DatabaseReadOnly, database_file, storage_error

BUSY_TIMEOUT_MS = 10_000
MEMORY = ":memory:"


def can_write(path: Path | str) -> bool:
    """Whether the database at ``path`` and its folder (where WAL keeps its -wal and -shm files) are writable.

    ``os.access`` reports a read-only file system even to root, for whom permission bits do not count.
    """
    if str(path) == MEMORY:
        return True
    path = Path(path).absolute()
    if path.exists() and not os.access(path, os.W_OK):
        return False
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return os.access(folder, os.W_OK)


def connect(path: Path | str, *, read_only: bool = False) -> sqlite3.Connection:
    """Open (creating if needed) the database at ``path``, or with ``read_only`` open it without writing.

    Raises ``DatabaseReadOnly`` when a writable database is asked for where nothing can be written, and
    ``DatabaseFull`` when the disk has no room even to set it up.
    """
    if read_only:
        return _connect_read_only(Path(path))
    if str(path) != MEMORY:
        if not can_write(path):
            raise DatabaseReadOnly(path)
        try:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise DatabaseReadOnly(path) from err
    db = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as err:
        db.close()
        mapped = storage_error(err, path)
        if mapped is not None:
            raise mapped from err
        raise
    return db


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """``mode=ro`` reads a WAL database, committed -wal content included, when its -shm exists or can be made.

    On a read-only disk without a -shm (Baro removes it on a clean close) only ``immutable=1`` opens it;
    that mode skips the -wal file, which is then empty anyway.
    """
    uri = "file:" + quote(str(path.absolute()))
    attempts = [f"{uri}?mode=ro", f"{uri}?immutable=1"]
    for attempt, target in enumerate(attempts):
        db = sqlite3.connect(target, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            db.close()
            if attempt == len(attempts) - 1:
                raise
            continue
        db.execute("PRAGMA foreign_keys = ON")
        return db
    raise AssertionError("unreachable")


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, or ``ROLLBACK`` when the body raises.

    A full or read-only disk becomes ``DatabaseFull`` / ``DatabaseReadOnly``; the rollback leaves the
    database as the last commit left it.
    """
    try:
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            if db.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
    except sqlite3.Error as err:
        if db.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
        mapped = storage_error(err, database_file(db))
        if mapped is not None:
            raise mapped from err
        raise
