from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.index.errors import IndexTooNew
from app.index.library import LibraryIndex
from app.index.schema import MIGRATIONS, migrate, schema_version
from app.sqlite.connection import connect, transaction


def _tables(db: sqlite3.Connection) -> set[str]:
    return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table')")}


def test_blank_database_migrates_to_the_latest_version(tmp_path: Path) -> None:
    db = connect(tmp_path / "library.sqlite3")
    assert schema_version(db) == 0
    assert migrate(db) == len(MIGRATIONS)
    assert {"files", "chunks", "morpheme_terms", "bigram_terms", "failures", "roots"} <= _tables(db)
    recorded = [r[0] for r in db.execute("SELECT version FROM schema_migrations ORDER BY version")]
    assert recorded == list(range(1, len(MIGRATIONS) + 1))
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_migrating_twice_changes_nothing(tmp_path: Path) -> None:
    db = connect(tmp_path / "library.sqlite3")
    migrate(db)
    before = db.execute("SELECT version, applied_at FROM schema_migrations").fetchall()
    migrate(db)
    assert db.execute("SELECT version, applied_at FROM schema_migrations").fetchall() == before


def test_an_older_database_gets_only_the_missing_migrations(tmp_path: Path) -> None:
    db = connect(tmp_path / "library.sqlite3")
    with transaction(db):
        db.execute(
            "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at REAL NOT NULL)"
        )
        MIGRATIONS[0](db)
        db.execute("INSERT INTO schema_migrations VALUES (1, 'm001', 0)")
        db.execute(
            "INSERT INTO files(path, title, format, size, mtime_ns, content_hash, indexed_at) "
            "VALUES ('/old.txt', 'old', 'txt', 1, 1, 'h', 0)"
        )
    migrate(db)
    assert schema_version(db) == len(MIGRATIONS)
    assert db.execute("SELECT path FROM files").fetchall() == [("/old.txt",)]
    assert "failures" in _tables(db)


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    db = connect(tmp_path / "library.sqlite3")
    migrate(db)
    with transaction(db):
        db.execute("INSERT INTO schema_migrations VALUES (?, 'future', 0)", (len(MIGRATIONS) + 1,))
    with pytest.raises(IndexTooNew) as info:
        LibraryIndex.open(tmp_path / "library.sqlite3")
    assert "업데이트" in info.value.user_message


def test_a_failed_migration_leaves_no_trace(tmp_path: Path) -> None:
    db = connect(tmp_path / "library.sqlite3")
    db.execute("CREATE TABLE files (x)")  # a clash makes migration 1 fail half way
    with pytest.raises(sqlite3.OperationalError):
        migrate(db)
    assert schema_version(db) == 0
    assert "chunks" not in _tables(db)


def test_an_index_from_before_identifier_terms_reads_every_file_again(tmp_path: Path) -> None:
    """Migration 4: terms gained whole codes (DH-220), so an unchanged file on disk is re-indexed once."""
    from app.index.changes import compute_changes, file_hash

    note = tmp_path / "docs" / "사양.txt"
    note.parent.mkdir()
    note.write_text("DH-220 정격 소비전력 380 W", encoding="utf-8")
    st = note.stat()
    db = connect(tmp_path / "library.sqlite3")
    with transaction(db):
        db.execute(
            "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at REAL NOT NULL)"
        )
        for number in range(3):
            MIGRATIONS[number](db)
            db.execute("INSERT INTO schema_migrations VALUES (?, 'old', 0)", (number + 1,))
        db.execute(
            "INSERT INTO files(path, title, format, size, mtime_ns, content_hash, indexed_at) VALUES (?, ?, ?, ?, ?, ?, 0)",
            (str(note), "사양", "txt", st.st_size, st.st_mtime_ns, file_hash(note)),
        )
    db.close()
    with LibraryIndex.open(tmp_path / "library.sqlite3") as index:
        changes = compute_changes(index, [note.parent], frozenset({".txt"}))
    assert [f.path for f in changes.to_index] == [note]
    assert changes.unchanged == 0 and not changes.touched
