"""The one place where SQLite's "disk is full" and "read-only" failures become errors a user can act on.

Both are about the disk, not the database: whatever was committed before is intact (every write is one
transaction), so the messages never suggest deleting anything.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.core.errors import BaroError

# Primary result codes (the low byte of an extended code); see https://sqlite.org/rescode.html
SQLITE_READONLY = 8
SQLITE_FULL = 13


class StorageError(BaroError):
    """A Baro database could not be written because of the disk it lives on."""


class DatabaseFull(StorageError):
    def __init__(self, path: Path | str) -> None:
        path = Path(path)
        super().__init__(
            f"{path.name}: 디스크 공간이 부족해 저장하지 못했습니다 ({path.parent}). 이미 저장된 내용은 그대로 "
            "있습니다. 공간을 비운 뒤 다시 실행해 주세요.",
            path=path,
        )


class DatabaseReadOnly(StorageError):
    def __init__(self, path: Path | str) -> None:
        path = Path(path)
        kept = " 이미 있는 내용은 그대로 읽을 수 있습니다." if path.exists() else ""
        super().__init__(
            f"{path.name}: 폴더가 읽기 전용이라 쓸 수 없습니다 ({path.parent}).{kept} 쓸 수 있는 폴더를 "
            "BARO_HOME으로 지정하거나 저장 장치의 쓰기 잠금을 풀어 주세요.",
            path=path,
        )


def storage_error(err: sqlite3.Error, path: Path | str) -> StorageError | None:
    """The user-facing error for a full or read-only disk, or ``None`` when ``err`` is something else."""
    code = getattr(err, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(err).lower()
    if primary == SQLITE_FULL or "database or disk is full" in text:
        return DatabaseFull(path)
    if primary == SQLITE_READONLY or "readonly database" in text:
        return DatabaseReadOnly(path)
    return None


def database_file(db: sqlite3.Connection) -> Path:
    """Where ``db`` lives on disk (``:memory:`` for an in-memory database)."""
    try:
        row = db.execute("PRAGMA database_list").fetchone()
    except sqlite3.Error:
        row = None
    return Path(row[2]) if row and row[2] else Path(":memory:")
