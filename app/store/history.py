"""Results the user has seen (summaries, answers, drafts), kept in ``history.sqlite3``."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import BaroError, os_error_reason
from app.sqlite.connection import connect, transaction
from app.sqlite.migrations import Migration, migrate

MAX_ENTRIES_PER_KIND = 500


class HistoryTooNew(BaroError):
    def __init__(self, found: int, known: int) -> None:
        super().__init__(
            f"기록 파일이 더 새 버전의 바로로 만들어졌습니다 (스키마 {found}, 이 버전은 {known}까지). 바로를 업데이트해 주세요."
        )


class HistoryUnavailable(BaroError):
    """The history database could not be opened or written; the result the user is looking at is unaffected."""


# A full or read-only disk is already reported by app.sqlite (DatabaseFull, DatabaseReadOnly); these are the rest.
_SQLITE_REASONS = {
    "SQLITE_CANTOPEN": "기록 파일을 열 수 없습니다",
    "SQLITE_CORRUPT": "기록 파일이 손상되었습니다",
    "SQLITE_NOTADB": "기록 파일이 손상되었습니다",
    "SQLITE_IOERR": "디스크 읽기/쓰기 오류입니다",
}


@contextmanager
def _reported(path: Path, what: str) -> Iterator[None]:
    """Turn a SQLite or file-system failure into one Korean line (what failed, why, what still holds)."""
    try:
        yield
    except sqlite3.Error as err:
        name = str(getattr(err, "sqlite_errorname", ""))
        reason = next((text for code, text in _SQLITE_REASONS.items() if name.startswith(code)), str(err))
        raise HistoryUnavailable(
            f"작업 기록을 {what} 못했습니다 ({reason}). 이미 있던 기록은 그대로입니다.", path=path
        ) from None
    except OSError as err:
        raise HistoryUnavailable(
            f"작업 기록을 {what} 못했습니다 ({os_error_reason(err)}). 이미 있던 기록은 그대로입니다.", path=path
        ) from None


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
    data: dict[str, object]


class History:
    def __init__(self, db: sqlite3.Connection, path: Path = Path("history.sqlite3")) -> None:
        self._db = db
        self._path = path

    @classmethod
    def open(cls, path: Path) -> History:
        with _reported(path, "열지"):
            db = connect(path)
            try:
                migrate(db, MIGRATIONS, HistoryTooNew)
            except BaseException:
                db.close()
                raise
        return cls(db, path)

    def close(self) -> None:
        self._db.close()

    def add(self, kind: str, title: str, text: str, data: Mapping[str, object]) -> int:
        with _reported(self._path, "저장하지"), transaction(self._db):
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
        with _reported(self._path, "읽지"):
            rows = self._db.execute(
                "SELECT id, kind, title, created_at, text, data FROM entries WHERE kind = ? "
                "ORDER BY created_at DESC, id DESC LIMIT ?",
                (kind, limit),
            ).fetchall()
        return [HistoryEntry(r[0], r[1], r[2], r[3], r[4], json.loads(r[5])) for r in rows]

    def clear(self, kind: str | None = None) -> None:
        with _reported(self._path, "지우지"), transaction(self._db):
            if kind is None:
                self._db.execute("DELETE FROM entries")
            else:
                self._db.execute("DELETE FROM entries WHERE kind = ?", (kind,))
