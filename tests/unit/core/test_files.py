"""Only regular files are opened: FIFOs, devices and sockets made here for real are refused without blocking."""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.errors import NotRegularFile
from app.core.files import open_regular_file, require_regular_file

pytestmark = [
    pytest.mark.timeout(60),  # a regression blocks in open() or reads forever: fail, never hang the run
    pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX"),
]


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


@pytest.fixture
def zero_link(tmp_path: Path) -> Path:
    path = tmp_path / "zero.txt"
    path.symlink_to("/dev/zero")
    return path


@pytest.fixture
def unix_socket(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "sock.txt"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    yield path
    server.close()


def test_a_regular_file_opens_and_reads_in_full(tmp_path: Path) -> None:
    path = tmp_path / "보고서.txt"
    path.write_bytes(b"abc" * 1000)
    assert require_regular_file(path).st_size == 3000
    with open_regular_file(path) as handle:
        assert handle.read() == b"abc" * 1000


def test_a_link_to_a_regular_file_is_fine(tmp_path: Path) -> None:
    target = tmp_path / "원본.txt"
    target.write_text("내용", encoding="utf-8")
    link = tmp_path / "링크.txt"
    link.symlink_to(target)
    with open_regular_file(link) as handle:
        assert handle.read().decode("utf-8") == "내용"


def test_a_fifo_is_refused_without_waiting_for_a_writer(fifo: Path) -> None:
    with pytest.raises(NotRegularFile, match="파이프") as info:
        open_regular_file(fifo)
    assert info.value.user_message.startswith("pipe.txt: ")
    with pytest.raises(NotRegularFile):
        require_regular_file(fifo)


def test_a_link_to_dev_zero_is_judged_by_what_it_points_at(zero_link: Path) -> None:
    with pytest.raises(NotRegularFile, match="장치 파일") as info:
        open_regular_file(zero_link)
    assert "/dev/zero" in str(info.value) and "zero.txt" in info.value.user_message


def test_a_socket_is_refused(unix_socket: Path) -> None:
    with pytest.raises(NotRegularFile, match="소켓"):
        open_regular_file(unix_socket)


def test_a_folder_is_an_is_a_directory_error(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        open_regular_file(tmp_path)


def test_a_missing_file_is_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        open_regular_file(tmp_path / "없음.txt")
