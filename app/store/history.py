"""Results the user has seen (summaries, answers, drafts), kept in ``history.sqlite3``."""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.errors import BaroError
from app.sqlite.connection import connect, transaction
from app.sqlite.migrations import Migration, migrate

MAX_ENTRIES_PER_KIND = 500


class HistoryTooNew(BaroError):
    def __init__(self, found: int, known: int) -> None:
        super().__init__(
            f"기록 파일이 더 새 버전의 바로로 만들어졌습니다 (스키마 {found}, 이 버전은 {known}까지). 바로를 업데이트해 주세요."
        )


def _m001_entries(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE entries (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            created_at REAL NOT NULL,
            text TEXT NOT NULL,
            data TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX entries_by_kind ON entries(kind, created_at DESC)")


MIGRATIONS: tuple[Migration, ...] = (_m001_entries,)


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    kind: str
    title: str
    created_at: float
    text: str
    data: dict[str, Any]


class History:
    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    @classmethod
    def open(cls, path: Path) -> History:
        db = connect(path)
        migrate(db, MIGRATIONS, HistoryTooNew)
        return cls(db)

    def close(self) -> None:
        self._db.close()

    def add(self, kind: str, title: str, text: str, data: dict[str, Any]) -> int:
        with transaction(self._db):
            cursor = self._db.execute(
                "INSERT INTO entries(kind, title, created_at, text, data) VALUES (?, ?, ?, ?, ?)",
                (kind, title, time.time(), text, json.dumps(data, ensure_ascii=False)),
            )
            self._db.execute(
                """DELETE FROM entries WHERE kind = ? AND id NOT IN (
                       SELECT id FROM entries WHERE kind = ? ORDER BY created_at DESC, id DESC LIMIT ?)""",
                (kind, kind, MAX_ENTRIES_PER_KIND),
            )
        return int(cursor.lastrowid or 0)

    def recent(self, kind: str, limit: int = 20) -> list[HistoryEntry]:
        rows = self._db.execute(
            "SELECT id, kind, title, created_at, text, data FROM entries WHERE kind = ? "
            "ORDER BY created_at DESC, id DESC LIMIT ?",
            (kind, limit),
        ).fetchall()
        return [HistoryEntry(r[0], r[1], r[2], r[3], r[4], json.loads(r[5])) for r in rows]

    def clear(self, kind: str | None = None) -> None:
        with transaction(self._db):
            if kind is None:
                self._db.execute("DELETE FROM entries")
            else:
                self._db.execute("DELETE FROM entries WHERE kind = ?", (kind,))
