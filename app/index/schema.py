"""The library database schema as an append-only list of numbered migrations.

Never edit a migration that has shipped; add the next number instead. ``schema_migrations`` records what
ran, so opening an old database brings it up to date and opening a blank one builds it from scratch.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable

from app.index.connection import transaction
from app.index.errors import IndexTooNew

Migration = Callable[[sqlite3.Connection], None]

_FTS_OPTIONS = "tokenize = 'unicode61 remove_diacritics 0'"


def _m001_files_chunks_terms(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE files (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            format TEXT NOT NULL,
            size INTEGER NOT NULL,
            mtime_ns INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            indexed_at REAL NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE chunks (
            id INTEGER PRIMARY KEY,
            file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            text TEXT NOT NULL,
            location TEXT NOT NULL,
            locations TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX chunks_by_file ON chunks(file_id, ordinal)")
    # rowid = chunks.id; "title" repeats the document title so a question naming it finds every chunk.
    db.execute(f"CREATE VIRTUAL TABLE morpheme_terms USING fts5(body, title, {_FTS_OPTIONS})")
    db.execute(f"CREATE VIRTUAL TABLE bigram_terms USING fts5(body, title, {_FTS_OPTIONS})")


def _m002_failures(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE failures (
            path TEXT PRIMARY KEY,
            reason TEXT NOT NULL,
            size INTEGER NOT NULL,
            mtime_ns INTEGER NOT NULL,
            failed_at REAL NOT NULL
        )"""
    )


def _m003_roots(db: sqlite3.Connection) -> None:
    db.execute("CREATE TABLE roots (path TEXT PRIMARY KEY, added_at REAL NOT NULL)")


MIGRATIONS: tuple[Migration, ...] = (
    _m001_files_chunks_terms,
    _m002_failures,
    _m003_roots,
)
"""Append only. Migration number N is ``MIGRATIONS[N - 1]``."""


def schema_version(db: sqlite3.Connection) -> int:
    exists = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").fetchone()
    if not exists:
        return 0
    row = db.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
    return int(row[0] or 0)


def migrate(db: sqlite3.Connection) -> int:
    """Apply every migration not yet recorded, each in its own transaction; returns the new version.

    ``db`` must be in autocommit mode (see ``connection.connect``) so the migration's DDL is inside it.
    The version is re-read inside each transaction, so two processes opening one database agree.
    """
    with transaction(db):
        db.execute(
            """CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at REAL NOT NULL
            )"""
        )
    while True:
        with transaction(db):
            current = schema_version(db)
            if current > len(MIGRATIONS):
                raise IndexTooNew(current, len(MIGRATIONS))
            if current == len(MIGRATIONS):
                return current
            migration = MIGRATIONS[current]
            migration(db)
            db.execute(
                "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)",
                (current + 1, migration.__name__.lstrip("_"), time.time()),
            )
