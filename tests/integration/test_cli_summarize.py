"""`baro summarize` end to end, in a real subprocess, with the real default model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.integration.cli import baro

ARTICLE = "articles/byline-hyperclova-2023.txt"


def hangul_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum("가" <= c <= "힣" for c in letters) / max(1, len(letters))


@pytest.mark.slow
@pytest.mark.corpus
def test_summarizes_the_article_in_korean(corpus: Path) -> None:
    result = baro("summarize", str(corpus / ARTICLE))
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.strip()) >= 20
    assert hangul_share(result.stdout) > 0.5
    assert "Traceback" not in result.stderr


@pytest.mark.slow
@pytest.mark.corpus
def test_cp949_copy_gives_the_model_the_same_text(corpus: Path, tmp_path: Path) -> None:
    text = (corpus / ARTICLE).read_text(encoding="utf-8")
    # Same file name in two folders: the title (from the name) is part of what the model reads.
    (tmp_path / "utf8").mkdir()
    (tmp_path / "cp949").mkdir()
    utf8 = tmp_path / "utf8" / "기사.txt"
    cp949 = tmp_path / "cp949" / "기사.txt"
    utf8.write_text(text, encoding="utf-8")
    cp949.write_bytes(text.encode("cp949", errors="strict"))
    first = baro("summarize", str(utf8), "--json")
    second = baro("summarize", str(cp949), "--json")
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    a, b = json.loads(first.stdout), json.loads(second.stdout)
    assert a["sources"] == b["sources"]
    assert a["sources"], "the model must have been given the document"
    assert a["summary"] == b["summary"]


@pytest.mark.parametrize(
    ("make", "phrase"),
    [
        (lambda d: d / "nope.txt", "찾을 수 없습니다"),
        (lambda d: _write(d / "empty.txt", b""), "비어"),
        (lambda d: _write(d / "clip.gif", b"GIF89a" + b"\0" * 64), "지원하지 않는"),
        (lambda d: _write(d / "pic.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64), "손상"),
        (lambda d: d, "폴더"),
    ],
)
def test_bad_inputs_give_one_clear_line(tmp_path: Path, make: object, phrase: str) -> None:
    target = make(tmp_path)  # type: ignore[operator]
    result = baro("summarize", str(target))
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert phrase in lines[0]
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_usage_error_exits_2() -> None:
    result = baro("summarize")
    assert result.returncode == 2


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
