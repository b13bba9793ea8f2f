"""Append-only numbered migrations, recorded in ``schema_migrations``.

Never edit a migration that has shipped; add the next number instead. Opening an old database brings
it up to date; opening a blank one builds it from scratch.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Sequence

from app.sqlite.connection import transaction

Migration = Callable[[sqlite3.Connection], None]
TooNew = Callable[[int, int], Exception]


def schema_version(db: sqlite3.Connection) -> int:
    exists = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").fetchone()
    if not exists:
        return 0
    row = db.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
    return int(row[0] or 0)


def migrate(db: sqlite3.Connection, migrations: Sequence[Migration], too_new: TooNew) -> int:
    """Apply every migration not yet recorded, each in its own transaction; returns the new version.

    ``db`` must be in autocommit mode (see ``connection.connect``) so the migration's DDL is inside it.
    The version is re-read inside each transaction, so two processes opening one database agree.
    ``too_new(found, known)`` builds the error raised for a database from a newer Baro.
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
            if current > len(migrations):
                raise too_new(current, len(migrations))
            if current == len(migrations):
                return current
            migration = migrations[current]
            migration(db)
            db.execute(
                "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)",
                (current + 1, migration.__name__.lstrip("_"), time.time()),
            )
