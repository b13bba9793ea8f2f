"""Special files given to `baro` as a user would: a FIFO named like a document and a link to /dev/zero.

Before the fix each of these blocked forever in ``open()`` or read /dev/zero at 100% CPU; now each is one
clear Korean line. The generous timeout turns a regression into a failure instead of a hung run.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.integration.cli import baro

pytestmark = [
    pytest.mark.timeout(300),
    pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX"),
]
CLI_SECONDS = 120


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "문서"
    root.mkdir()
    (root / "출장규정.txt").write_text("해외 출장 숙박비는 1박에 20만 원까지 지원한다.\n", encoding="utf-8")
    os.mkfifo(root / "pipe.txt")
    (root / "zero.txt").symlink_to("/dev/zero")
    return root


def _one_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_index_skips_a_fifo_and_a_link_to_dev_zero_with_a_note(folder: Path) -> None:
    result = baro("index", str(folder), timeout=CLI_SECONDS)
    assert result.returncode == 0, result.stderr
    notes = sorted(line for line in result.stderr.splitlines() if line.strip())
    assert len(notes) == 2, result.stderr
    assert notes[0].startswith("baro: pipe.txt: 일반 파일이 아니어서 읽지 않았습니다 (이름 있는 파이프(FIFO))")
    assert notes[1].startswith("baro: zero.txt: 일반 파일이 아니어서 읽지 않았습니다 (장치 파일인 /dev/zero")
    assert "새로 읽음 1" in result.stdout and "실패 2" in result.stdout

    found = baro("search", "출장 숙박비", "--json", timeout=CLI_SECONDS)
    assert found.returncode == 0 and "출장규정.txt" in found.stdout


@pytest.mark.parametrize("command", ["extract", "summarize"])
@pytest.mark.parametrize("name", ["pipe.txt", "zero.txt"])
def test_single_documents_refuse_special_files(folder: Path, command: str, name: str) -> None:
    result = baro(command, str(folder / name), timeout=CLI_SECONDS)
    assert result.returncode == 1
    line = _one_line(result.stderr)
    assert line.startswith(f"baro: {name}: 일반 파일이 아니어서 읽지 않았습니다")


def test_models_import_refuses_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "model.gguf"
    os.mkfifo(fifo)
    result = baro("models", "import", str(fifo), timeout=CLI_SECONDS)
    assert result.returncode == 1
    line = _one_line(result.stderr)
    assert "model.gguf" in line and "일반 파일이 아닙니다" in line and "파이프" in line


def test_search_batch_refuses_a_fifo(folder: Path, tmp_path: Path) -> None:
    assert baro("index", str(folder), timeout=CLI_SECONDS).returncode == 0
    questions = tmp_path / "questions.txt"
    os.mkfifo(questions)
    result = baro("search", "--batch", str(questions), timeout=CLI_SECONDS)
    assert result.returncode == 1
    line = _one_line(result.stderr)
    assert "questions.txt" in line and "일반 파일이 아니어서" in line


def test_guard_batch_refuses_a_fifo(tmp_path: Path) -> None:
    sentences = tmp_path / "sentences.txt"
    os.mkfifo(sentences)
    result = baro("guard", "--batch", str(sentences), timeout=CLI_SECONDS)
    assert result.returncode == 1
    line = _one_line(result.stderr)
    assert "sentences.txt" in line and "일반 파일이 아니어서" in line
