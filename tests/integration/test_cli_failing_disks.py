"""`baro` on a read-only and on a full data disk: a real tmpfs as BARO_HOME, real CLI processes.

Each case is one clear Korean line and exit 1, never a traceback and never advice to delete the index;
what was indexed before stays searchable.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.index.library import LibraryIndex
from tests.integration.cli import baro
from tests.mounts import remount_read_only, tmpfs

pytestmark = pytest.mark.timeout(600)
CLI_SECONDS = 300


def _one_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr and "지우" not in stderr
    return lines[0]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "문서"
    root.mkdir()
    (root / "출장규정.txt").write_text("해외 출장 숙박비는 1박에 20만 원까지 지원한다.\n", encoding="utf-8")
    return root


@pytest.fixture
def data_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """BARO_HOME on its own small tmpfs."""
    with tmpfs(tmp_path / "home", size="1m") as home:
        monkeypatch.setenv("BARO_HOME", str(home))
        yield home


def test_a_fresh_read_only_home_is_one_line_naming_the_folder(data_disk: Path, folder: Path) -> None:
    remount_read_only(data_disk)
    for command in (["index", str(folder)], ["search", "출장"], ["models", "list"]):
        result = baro(*command, timeout=CLI_SECONDS)
        assert result.returncode == 1, (command, result.stdout, result.stderr)
        line = _one_line(result.stderr)
        assert str(data_disk) in line and ("읽기 전용" in line or "쓸 수 없" in line), (command, line)


def test_reading_commands_still_work_on_a_fresh_read_only_home(data_disk: Path, folder: Path) -> None:
    remount_read_only(data_disk)
    result = baro("extract", str(folder / "출장규정.txt"), timeout=CLI_SECONDS)
    assert result.returncode == 0, result.stderr
    assert "20만 원" in result.stdout


@pytest.mark.slow
def test_summarize_runs_on_a_fresh_read_only_home(data_disk: Path, folder: Path, default_model_path: Path) -> None:
    """The models live elsewhere (BARO_MODELS_DIR), so nothing needs writing under the read-only home."""
    remount_read_only(data_disk)
    result = baro("summarize", str(folder / "출장규정.txt"), "--json", timeout=CLI_SECONDS)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert json.loads(result.stdout)["sources"], "the document reached the model"


def test_an_existing_index_on_a_read_only_disk_is_searched_not_changed(data_disk: Path, folder: Path) -> None:
    assert baro("index", str(folder), timeout=CLI_SECONDS).returncode == 0
    remount_read_only(data_disk)

    found = baro("search", "출장 숙박비", timeout=CLI_SECONDS)
    assert found.returncode == 0, found.stderr
    assert "출장규정.txt" in found.stdout and found.stderr == ""

    result = baro("index", timeout=CLI_SECONDS)
    assert result.returncode == 1
    line = _one_line(result.stderr)
    assert "읽기 전용" in line and str(data_disk / "data") in line


def test_a_full_disk_during_index_is_one_line_and_the_index_stays_whole(
    data_disk: Path, folder: Path, tmp_path: Path
) -> None:
    assert baro("index", str(folder), timeout=CLI_SECONDS).returncode == 0
    big = tmp_path / "큰 문서들"
    big.mkdir()
    for number in range(12):
        sentences = [f"{number}번 보고서 {line}번째 문장: 지역별 매출과 물류 비용을 비교했다." for line in range(400)]
        (big / f"보고서{number:02}.txt").write_text("\n".join(sentences), encoding="utf-8")

    result = baro("index", str(big), timeout=CLI_SECONDS)
    assert result.returncode == 1, result.stdout
    line = _one_line(result.stderr)
    assert "디스크 공간이 부족" in line and "library.sqlite3" in line

    found = baro("search", "출장 숙박비", timeout=CLI_SECONDS)
    assert found.returncode == 0 and "출장규정.txt" in found.stdout, found.stderr
    with LibraryIndex.open(data_disk / "data" / "library.sqlite3") as index:
        assert index.integrity_ok()
        assert index.stats().files < 13  # it really ran out of room before the end
