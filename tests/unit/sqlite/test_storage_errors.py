"""Full and read-only disks under a real SQLite database: a small tmpfs, then the same tmpfs remounted read-only."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from app.sqlite.connection import can_write, connect, transaction
from app.sqlite.errors import DatabaseFull, DatabaseReadOnly
from tests.mounts import remount_read_only, tmpfs

pytestmark = pytest.mark.timeout(120)


def _rows(db: sqlite3.Connection) -> list[tuple[int, int]]:
    return db.execute("SELECT id, length(body) FROM notes ORDER BY id").fetchall()


def _make(path: Path) -> sqlite3.Connection:
    db = connect(path)
    with transaction(db):
        db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body BLOB NOT NULL)")
        db.execute("INSERT INTO notes(body) VALUES (?)", (b"first" * 10,))
    return db


def test_a_full_disk_is_one_clear_error_and_what_was_committed_stays(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", size="512k") as disk:
        db = _make(disk / "small.sqlite3")
        with pytest.raises(DatabaseFull) as info:
            for _ in range(200):
                with transaction(db):
                    db.execute("INSERT INTO notes(body) VALUES (?)", (os.urandom(64 * 1024),))
        message = info.value.user_message
        assert message.startswith("small.sqlite3: ") and "디스크 공간이 부족" in message and "지우" not in message
        assert isinstance(info.value.__cause__, sqlite3.OperationalError)
        rows = _rows(db)
        assert rows[0] == (1, 50) and all(length == 64 * 1024 for _, length in rows[1:])
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        db.close()


def test_a_read_only_disk_still_reads_and_refuses_writes_clearly(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk") as disk:
        path = disk / "kept.sqlite3"
        _make(path).close()
        assert sorted(p.name for p in disk.iterdir()) == ["kept.sqlite3"]  # a clean close leaves no -wal/-shm
        remount_read_only(disk)

        assert not can_write(path)
        with pytest.raises(DatabaseReadOnly) as info:
            connect(path)
        assert str(disk) in info.value.user_message and "지우" not in info.value.user_message
        with pytest.raises(DatabaseReadOnly):
            connect(disk / "new.sqlite3")

        db = connect(path, read_only=True)
        assert _rows(db) == [(1, 50)]
        with pytest.raises(DatabaseReadOnly), transaction(db):
            db.execute("INSERT INTO notes(body) VALUES (x'00')")
        assert _rows(db) == [(1, 50)]
        db.close()


def test_a_read_only_database_with_its_wal_still_shows_every_commit(tmp_path: Path) -> None:
    """Copied while Baro was running (or killed before its last checkpoint): the -wal holds the last commit."""
    source = tmp_path / "live.sqlite3"
    writer = _make(source)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    with transaction(writer):
        writer.execute("INSERT INTO notes(body) VALUES (?)", (b"second",))
    with tmpfs(tmp_path / "disk") as disk:
        for suffix in ("", "-wal", "-shm"):
            shutil.copyfile(f"{source}{suffix}", disk / f"copy.sqlite3{suffix}")
        writer.close()
        remount_read_only(disk)
        db = connect(disk / "copy.sqlite3", read_only=True)
        assert _rows(db) == [(1, 50), (2, 6)]
        db.close()
