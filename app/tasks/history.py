"""작업 기록: finished summaries kept on this PC when the user allows it (설정 → 기록), newest first.

The history file holds each result's JSON form (``SummaryResult.to_json``); what comes back out is the
typed result again, so a summary opened from the history shows exactly as it did when it was made.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.store.history import History
from app.store.paths import app_paths
from app.store.settings import load_settings
from app.tasks.results import SummaryResult

__all__ = ["KeptSummary", "recent_summaries", "remember_summary"]

SUMMARY_KIND = "summary"


@dataclass(frozen=True)
class KeptSummary:
    title: str
    created_at: float
    result: SummaryResult


def _history_db() -> Path:
    return app_paths().ensure().history_db


def remember_summary(result: SummaryResult, *, db: Path | None = None) -> bool:
    """Keep one finished summary unless the settings turned history off; False when it was not kept.

    Raises ``BaroError`` (in Korean, naming the file) when the history cannot be written."""
    if not load_settings().settings.history_enabled:
        return False
    history = History.open(db or _history_db())
    try:
        history.add(SUMMARY_KIND, result.title, result.summary, result.to_json())
    finally:
        history.close()
    return True


def recent_summaries(*, db: Path | None = None) -> list[KeptSummary]:
    """The newest summaries; raises ``BaroError`` when the history cannot be read."""
    history = History.open(db or _history_db())
    try:
        entries = history.recent(SUMMARY_KIND)
    finally:
        history.close()
    return [
        KeptSummary(e.title, e.created_at, SummaryResult.from_json(e.data)) for e in entries if isinstance(e.data, dict)
    ]
