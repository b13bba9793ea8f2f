"""The library task over real files read by the real document readers."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.cancel import CancelToken
from app.core.document import Document
from app.core.errors import Cancelled
from app.core.events import Done, Event, Notice
from app.docs import read_document
from app.index.library import LibraryIndex
from app.index.search import search
from app.tasks.library import index_library, search_library


def _run(events: Iterator[Event]) -> tuple[Done, list[str]]:
    done: Done | None = None
    notices: list[str] = []
    for event in events:
        if isinstance(event, Notice):
            notices.append(event.text)
        elif isinstance(event, Done):
            done = event
    assert done is not None
    return done, notices


def _found(db: Path, query: str) -> list[str]:
    return [p.path.name for p in search_library(query, k=10, db_path=db)]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "문서"
    (root / "인사").mkdir(parents=True)
    (root / "회의록.txt").write_text("3월 회의에서 신규 채용 계획이 승인되었다.\n", encoding="utf-8")
    (root / "인사" / "출장규정.md").write_text(
        "# 출장 규정\n\n해외 출장 숙박비는 1박에 20만 원까지 지원한다.\n", encoding="utf-8"
    )
    (root / "메모.txt").write_text("점심 메뉴는 김치찌개로 정했다.\n", encoding="utf-8")
    return root


def test_add_edit_delete_rename_and_the_index_follows(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite3"
    done, notices = _run(index_library([folder], db_path=db))
    assert (done.result.indexed, done.result.files, notices) == (3, 3, [])
    assert _found(db, "출장 숙박비는 얼마까지?")[0] == "출장규정.md"

    done, _ = _run(index_library(db_path=db))  # a refresh with nothing changed reads nothing
    assert (done.result.indexed, done.result.unchanged) == (0, 3)

    (folder / "회의록.txt").write_text("4월 회의에서 예산 삭감이 결정되었다.\n", encoding="utf-8")
    (folder / "메모.txt").unlink()
    (folder / "인사" / "출장규정.md").rename(folder / "출장_규정_2024.md")
    done, _ = _run(index_library(db_path=db))
    assert (done.result.indexed, done.result.removed, done.result.renamed) == (1, 1, 1)

    assert _found(db, "예산 삭감") == ["회의록.txt"]
    assert _found(db, "신규 채용 계획") == []
    assert _found(db, "김치찌개") == []
    assert _found(db, "출장 숙박비") == ["출장_규정_2024.md"]
    with LibraryIndex.open(db) as index:
        assert index.integrity_ok()
        assert index.stats().files == 2
        in_hr = search(index, "출장 숙박비", scope=folder / "인사")
        assert in_hr == []


def test_unreadable_files_are_listed_with_their_reason(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite3"
    (folder / "사진.txt").write_bytes(b"GIF89a" + bytes(range(256)) * 4)  # a picture Baro cannot read, misnamed
    (folder / "빈파일.txt").write_bytes(b"")
    done, notices = _run(index_library([folder], db_path=db))
    failed = {Path(f.file).name: f.reason for f in done.result.failed}
    assert set(failed) == {"사진.txt", "빈파일.txt"}
    assert "지원하지 않는 형식" in failed["사진.txt"] and "비어" in failed["빈파일.txt"]
    assert len(notices) == 2
    with LibraryIndex.open(db) as index:
        assert set(index.failures_under(folder)) == {str(folder / "사진.txt"), str(folder / "빈파일.txt")}

    done, _ = _run(index_library(db_path=db))  # not retried while unchanged
    assert (done.result.failed, done.result.still_failing) == ((), 2)

    (folder / "빈파일.txt").write_text("이제 내용이 생긴 파일", encoding="utf-8")
    done, _ = _run(index_library(db_path=db))
    assert done.result.indexed == 1
    assert _found(db, "내용이 생긴 파일") == ["빈파일.txt"]


@pytest.mark.timeout(120)  # before the fix the FIFO blocked open() forever and /dev/zero spun at 100% CPU
@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX")
def test_fifos_and_devices_are_skipped_with_a_note(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite3"
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    done, notices = _run(index_library([folder], db_path=db))
    failed = {Path(f.file).name: f.reason for f in done.result.failed}
    assert set(failed) == {"pipe.txt", "zero.txt"}
    assert "일반 파일이 아니어서" in failed["pipe.txt"] and "파이프" in failed["pipe.txt"]
    assert "장치 파일" in failed["zero.txt"] and "/dev/zero" in failed["zero.txt"]
    assert (done.result.indexed, len(notices)) == (3, 2)
    with LibraryIndex.open(db) as index:  # what the library panel lists under 읽지 못한 파일
        assert set(index.failures_under(folder)) == {str(folder / "pipe.txt"), str(folder / "zero.txt")}

    done, _ = _run(index_library(db_path=db))
    assert (done.result.failed, done.result.still_failing, done.result.unchanged) == ((), 2, 3)


def test_cancel_stops_between_files_and_the_next_run_resumes(folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite3"
    for i in range(6):
        (folder / f"추가{i}.txt").write_text(f"{i}번 문서의 본문입니다.", encoding="utf-8")
    cancel = CancelToken()
    read: list[Path] = []

    def reader(path: Path, token: CancelToken) -> Document:
        read.append(path)
        if len(read) == 3:
            cancel.cancel()
        return read_document(path, cancel=token)

    with pytest.raises(Cancelled):
        _run(index_library([folder], db_path=db, cancel=cancel, reader=reader))
    with LibraryIndex.open(db) as index:
        assert index.integrity_ok()
        assert index.stats().files == 2  # the read in hand when cancelled is dropped
    done, _ = _run(index_library(db_path=db))
    assert (done.result.indexed, done.result.unchanged, done.result.files) == (7, 2, 9)


def test_a_missing_path_is_a_korean_error(tmp_path: Path) -> None:
    from app.core.errors import FileMissing

    with pytest.raises(FileMissing) as info:
        _run(index_library([tmp_path / "없는폴더"], db_path=tmp_path / "db.sqlite3"))
    assert "없는폴더" in info.value.user_message
    assert not os.path.exists(tmp_path / "db.sqlite3")
