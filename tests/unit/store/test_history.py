import sqlite3
from pathlib import Path

import pytest

from app.store import history as history_module
from app.store.history import History, HistoryTooNew


def test_blank_database_migrates_and_keeps_entries(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    store = History.open(path)
    first = store.add("summary", "보고서.pdf", "요약 본문", {"sources": [{"text": "원문", "location": {"page": 3}}]})
    store.add("summary", "기사.txt", "두 번째", {})
    store.add("answer", "질문", "답", {})
    store.close()

    reopened = History.open(path)
    summaries = reopened.recent("summary")
    assert [e.title for e in summaries] == ["기사.txt", "보고서.pdf"]
    assert summaries[1].id == first
    assert summaries[1].data["sources"][0]["location"] == {"page": 3}
    reopened.clear("summary")
    assert reopened.recent("summary") == []
    assert len(reopened.recent("answer")) == 1
    reopened.close()


def test_old_entries_are_trimmed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(history_module, "MAX_ENTRIES_PER_KIND", 3)
    store = History.open(tmp_path / "h.sqlite3")
    for n in range(6):
        store.add("summary", f"{n}", "", {})
    assert [e.title for e in store.recent("summary")] == ["5", "4", "3"]


def test_a_database_from_a_newer_baro_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    History.open(path).close()
    db = sqlite3.connect(path)
    db.execute("INSERT INTO schema_migrations VALUES (99, 'future', 0)")
    db.commit()
    db.close()
    with pytest.raises(HistoryTooNew, match="업데이트"):
        History.open(path)
