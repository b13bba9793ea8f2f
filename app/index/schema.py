"""The library database schema as an append-only list of numbered migrations.

Never edit a migration that has shipped; add the next number instead. ``schema_migrations`` records what
ran, so opening an old database brings it up to date and opening a blank one builds it from scratch.
"""

from __future__ import annotations

import sqlite3

from app.index.errors import IndexTooNew
from app.sqlite import migrations
from app.sqlite.migrations import Migration, schema_version

__all__ = ["MIGRATIONS", "migrate", "schema_version"]

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


def _m004_identifier_terms(db: sqlite3.Connection) -> None:
    """Index terms gained whole codes and article numbers (``terms.identifiers``): read every file again.

    Terms come from Kiwi, so no SQL can add them; forgetting each file's stamp and hash makes the next scan
    re-index it, exactly as if it had changed on disk."""
    db.execute("UPDATE files SET mtime_ns = -1, content_hash = ''")


MIGRATIONS: tuple[Migration, ...] = (
    _m001_files_chunks_terms,
    _m002_failures,
    _m003_roots,
    _m004_identifier_terms,
)
"""Append only. Migration number N is ``MIGRATIONS[N - 1]``."""


def migrate(db: sqlite3.Connection) -> int:
    """Bring the library database up to the newest schema; returns the version."""
    return migrations.migrate(db, MIGRATIONS, IndexTooNew)
