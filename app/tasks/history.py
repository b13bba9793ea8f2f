"""작업 기록: finished results kept on this PC when the user allows it (설정 → 기록), newest first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.store.history import History, HistoryEntry
from app.store.paths import app_paths
from app.store.settings import load_settings

__all__ = ["HistoryEntry", "recent_results", "remember_result"]


def _history_db() -> Path:
    return app_paths().ensure().history_db


def remember_result(kind: str, title: str, text: str, data: dict[str, Any], *, db: Path | None = None) -> bool:
    """Keep one finished result unless the settings turned history off; False when it was not kept.

    Raises ``BaroError`` (in Korean, naming the file) when the history cannot be written."""
    if not load_settings().settings.history_enabled:
        return False
    history = History.open(db or _history_db())
    try:
        history.add(kind, title, text, data)
    finally:
        history.close()
    return True


def recent_results(kind: str, *, db: Path | None = None) -> list[HistoryEntry]:
    """The newest results of ``kind``; raises ``BaroError`` when the history cannot be read."""
    history = History.open(db or _history_db())
    try:
        return history.recent(kind)
    finally:
        history.close()
