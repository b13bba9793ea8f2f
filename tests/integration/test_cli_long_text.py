"""A 9 MB text on one line, with no sentence break: `baro extract` and `baro summarize` finish with a result."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.integration.cli import baro

WORDS = ["회의에서", "예산을", "검토하고", "다음", "분기", "계획을", "세웠다", "시민", "안전", "대책", "마련", "위해"]


def one_line_text(path: Path, size_bytes: int = 9_000_000) -> Path:
    rng = random.Random(20)
    words: list[str] = []
    size = 0
    while size < size_bytes:
        words.append(rng.choice(WORDS))
        size += len(words[-1].encode("utf-8")) + 1
    path.write_text(" ".join(words), encoding="utf-8")
    return path


@pytest.mark.timeout(600)
def test_extract_prints_the_whole_line(tmp_path: Path) -> None:
    source = one_line_text(tmp_path / "한줄.txt")
    result = baro("extract", str(source), timeout=600)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stdout.encode("utf-8")) >= source.stat().st_size


@pytest.mark.slow
@pytest.mark.timeout(1800)  # minutes of prompt reading on a loaded 2-core machine
def test_summarize_reads_an_even_sample_and_says_so(tmp_path: Path) -> None:
    source = one_line_text(tmp_path / "한줄.txt")
    result = baro("summarize", str(source), timeout=1800)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "■ 핵심 문장" in result.stdout
    notices = [line for line in result.stderr.splitlines() if "문서가 매우 길어" in line]
    assert len(notices) == 1, result.stderr
    assert "고르게 뽑은" in notices[0]
