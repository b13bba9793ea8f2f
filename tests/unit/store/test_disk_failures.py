"""Settings and history on a full or read-only disk: one clear Korean error, and what was saved before stays."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from app.core.errors import BaroError
from app.store.guard_log import GuardRecord, append_records, read_records
from app.store.history import History, HistoryUnavailable
from app.store.settings import Settings, SettingsError, load_settings, save_settings
from tests.fulldisk import fill
from tests.mounts import remount_read_only, tmpfs


def test_settings_on_a_full_disk_keep_the_previous_file(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", "256k") as disk:
        path = save_settings(Settings(threads=4), disk / "settings.toml")
        before = path.read_bytes()
        fill(disk)
        with pytest.raises(SettingsError) as failed:
            save_settings(Settings(threads=4, hotkey="x" * 60, model="m" * 4000), path)
        assert path.read_bytes() == before
        assert sorted(os.listdir(disk)) == ["filler.bin", "settings.toml"]
        assert load_settings(path).settings.threads == 4
    message = failed.value.user_message
    assert "설정을 저장하지 못했습니다 (디스크 공간이 부족합니다)" in message and "이전 설정은 그대로" in message


def test_an_old_settings_file_on_a_read_only_disk_still_loads(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", "256k") as disk:
        path = disk / "settings.toml"
        path.write_text("version = 2\n[model]\nthreads = 3\n", encoding="utf-8")
        remount_read_only(disk)
        loaded = load_settings(path)  # migrating would rewrite it: that fails, the values still apply
        assert loaded.settings.threads == 3
        assert any("읽기 전용" in notice for notice in loaded.notices)
        assert path.read_text(encoding="utf-8").startswith("version = 2")
        with pytest.raises(SettingsError, match="읽기 전용"):
            save_settings(replace(loaded.settings, threads=5), path)


def test_history_on_a_full_disk_is_one_clear_error_and_keeps_its_entries(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", "1m") as disk:
        path = disk / "history.sqlite3"
        history = History.open(path)
        history.add("summary", "보고서.pdf", "요약", {"n": 1})
        fill(disk)
        with pytest.raises(BaroError) as failed:
            history.add("summary", "큰 문서.pdf", "가" * 400_000, {"n": 2})
        assert [e.title for e in history.recent("summary")] == ["보고서.pdf"]
        (disk / "filler.bin").unlink()
        history.add("summary", "다음.pdf", "요약", {})  # the same connection works again once there is room
        history.close()
        reopened = History.open(path)
        assert [e.title for e in reopened.recent("summary")] == ["다음.pdf", "보고서.pdf"]
        reopened.close()
    message = failed.value.user_message
    assert message.startswith("history.sqlite3: ") and "디스크 공간이 부족" in message and "그대로" in message
    assert "\n" not in message


def test_history_in_a_read_only_folder_says_so(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", "256k") as disk:
        remount_read_only(disk)
        with pytest.raises(BaroError, match=r"history\.sqlite3: .*읽기 전용"):
            History.open(disk / "history.sqlite3")


def test_a_damaged_history_file_is_one_clear_error_and_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"this is not a database, it was overwritten by something else" * 100)
    before = path.read_bytes()
    with pytest.raises(HistoryUnavailable) as failed:
        History.open(path)
    assert failed.value.user_message == (
        "history.sqlite3: 작업 기록을 열지 못했습니다 (기록 파일이 손상되었습니다). 이미 있던 기록은 그대로입니다."
    )
    assert path.read_bytes() == before


def test_the_guard_log_on_a_full_disk_never_stops_the_work_and_loses_only_what_did_not_fit(tmp_path: Path) -> None:
    record = GuardRecord(
        "독도는 일본 땅이다.", "kr.dokdo.sovereignty", "독도", "summarize", "2026-12-01T10:00:00+09:00"
    )
    with tmpfs(tmp_path / "disk", "256k") as disk:
        log = disk / "logs" / "guard.jsonl"
        assert append_records([record], log)
        filler = fill(disk)
        assert not append_records([record] * 200, log)  # refused, or cut short: no exception either way
        filler.unlink()
        assert append_records([replace(record, task="ask")], log)
        records = read_records(log)
    assert records[0] == record and records[-1].task == "ask"
    assert all(r.sentence == record.sentence for r in records)


def test_the_guard_log_in_a_read_only_folder_is_skipped(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk", "256k") as disk:
        remount_read_only(disk)
        assert not append_records(
            [GuardRecord("다케시마", "kr.dokdo.sovereignty", "독도", "ask")], disk / "guard.jsonl"
        )
