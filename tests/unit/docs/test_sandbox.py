"""The reader child process: reused across files, killed and restarted on timeout, cancel or crash."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.cancel import CancelToken
from app.core.errors import Cancelled, CorruptDocument, FileMissing, ParseTimeout, UnsupportedFormat
from app.docs import ReaderProcess, read_document, supported_suffixes
from tests.unit.docs.pdfgen import korean_pages, write_pdf


@pytest.fixture(scope="module")
def reader() -> Iterator[ReaderProcess]:
    process = ReaderProcess()
    process.start()
    yield process
    process.stop()


def test_one_child_serves_many_files(reader: ReaderProcess, tmp_path: Path) -> None:
    pid = reader.pid
    for index in range(5):
        path = tmp_path / f"memo{index}.txt"
        path.write_text(f"{index}번째 메모입니다.", encoding="utf-8")
        assert reader.read(path).text == f"{index}번째 메모입니다."
    assert reader.pid == pid and pid != os.getpid()


def test_errors_cross_the_process_boundary_with_their_type_and_message(reader: ReaderProcess, tmp_path: Path) -> None:
    path = tmp_path / "animation.gif"
    path.write_bytes(b"GIF89a" + bytes(100))
    with pytest.raises(UnsupportedFormat, match=r"animation\.gif") as caught:
        reader.read(path)
    assert caught.value.path == path


def test_timeout_kills_the_child_and_the_next_file_gets_a_new_one(reader: ReaderProcess, tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "long.pdf", korean_pages(200))
    old_pid = reader.pid
    with pytest.raises(ParseTimeout, match=r"long\.pdf"):
        reader.read(pdf, timeout=0.0)
    assert reader.pid is None
    memo = tmp_path / "memo.txt"
    memo.write_text("다시 읽습니다.", encoding="utf-8")
    assert reader.read(memo).text == "다시 읽습니다."
    assert reader.pid not in (None, old_pid)


def test_cancel_stops_a_long_read(reader: ReaderProcess, tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "long.pdf", korean_pages(1000, lines_per_page=5))
    token = CancelToken()
    with pytest.raises(Cancelled):
        reader.read(pdf, cancel=token, progress=lambda _fraction: token.cancel())


def test_a_crashing_child_becomes_an_error_not_a_crash(reader: ReaderProcess, tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "long.pdf", korean_pages(1000, lines_per_page=5))
    reader.start()
    pid = reader.pid
    assert pid is not None

    def kill_child(_fraction: float) -> None:
        os.kill(pid, signal.SIGKILL)

    with pytest.raises(CorruptDocument, match=r"long\.pdf"):
        reader.read(pdf, progress=kill_child)
    memo = tmp_path / "memo.txt"
    memo.write_text("살아 있습니다.", encoding="utf-8")
    assert reader.read(memo).text == "살아 있습니다."


def test_public_read_document(tmp_path: Path) -> None:
    path = tmp_path / "memo.md"
    path.write_text("# 제목\n\n본문", encoding="utf-8")
    document = read_document(str(path))
    assert (document.title, document.format, document.text) == ("제목", "md", "제목\n본문")
    with pytest.raises(FileMissing):
        read_document(tmp_path / "nothing.hwp")


def test_supported_suffixes() -> None:
    assert {
        ".hwp",
        ".hwpx",
        ".pdf",
        ".docx",
        ".pptx",
        ".xlsx",
        ".txt",
        ".md",
        ".html",
    } <= supported_suffixes()
