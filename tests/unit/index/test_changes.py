from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from app.core.document import Block, Document
from app.core.errors import NotRegularFile
from app.core.locations import Location
from app.index.changes import compute_changes, file_hash
from app.index.library import LibraryIndex
from app.index.prepare import FileEntry, prepare_document

SUFFIXES = frozenset({".txt", ".md"})


def _index_as_is(index: LibraryIndex, path: Path) -> None:
    st = path.stat()
    doc = Document(path, path.stem, "txt", [Block(path.read_text(encoding="utf-8"), Location(line=1))])
    entry = FileEntry(path, path.stem, "txt", st.st_size, st.st_mtime_ns, file_hash(path))
    index.replace_file(prepare_document(entry, doc))


def test_changes_follow_the_folder(index: LibraryIndex, tmp_path: Path) -> None:
    root = tmp_path / "docs"
    (root / "sub").mkdir(parents=True)
    (root / ".hidden").mkdir()
    for name, text in {"a.txt": "가", "b.txt": "나나", "sub/c.md": "다다다", "d.txt": "라라라라"}.items():
        (root / name).write_text(text, encoding="utf-8")
    (root / ".hidden" / "x.txt").write_text("숨김", encoding="utf-8")
    (root / "~$lock.txt").write_text("잠금", encoding="utf-8")
    (root / "image.png").write_bytes(b"\x89PNG")

    first = compute_changes(index, [root], SUFFIXES)
    assert sorted(f.path.name for f in first.to_index) == ["a.txt", "b.txt", "c.md", "d.txt"]
    for disk in first.to_index:
        _index_as_is(index, disk.path)
    index.record_failure(root / "gone.txt", "읽기 실패", size=1, mtime_ns=1)

    assert compute_changes(index, [root], SUFFIXES).unchanged == 4

    os.utime(root / "a.txt", ns=(1, 10**18))  # touched: same bytes, new mtime
    (root / "b.txt").write_text("바뀐 내용", encoding="utf-8")  # edited
    (root / "sub" / "c.md").rename(root / "moved.md")  # renamed
    (root / "d.txt").unlink()  # deleted
    (root / "e.txt").write_text("새 파일", encoding="utf-8")  # new

    changes = compute_changes(index, [root], SUFFIXES)
    assert [f.path.name for f in changes.touched] == ["a.txt"]
    assert sorted(f.path.name for f in changes.to_index) == ["b.txt", "e.txt"]
    assert [(r.old.name, r.new.path.name) for r in changes.renamed] == [("c.md", "moved.md")]
    assert sorted(p.name for p in changes.deleted) == ["d.txt", "gone.txt"]
    assert changes.unchanged == 0 and not changes.is_empty


def test_an_unchanged_failure_is_not_retried_but_a_changed_one_is(index: LibraryIndex, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("깨진 파일", encoding="utf-8")
    st = bad.stat()
    index.record_failure(bad, "손상", size=st.st_size, mtime_ns=st.st_mtime_ns)
    assert compute_changes(index, [tmp_path], SUFFIXES).still_failing == 1
    bad.write_text("고친 파일입니다", encoding="utf-8")
    assert [f.path for f in compute_changes(index, [tmp_path], SUFFIXES).to_index] == [bad]


def test_a_single_file_can_be_a_root(index: LibraryIndex, tmp_path: Path) -> None:
    one = tmp_path / "one.txt"
    one.write_text("하나", encoding="utf-8")
    (tmp_path / "other.txt").write_text("다른 것", encoding="utf-8")
    assert [f.path for f in compute_changes(index, [one], SUFFIXES).to_index] == [one]


@pytest.mark.timeout(60)  # a regression blocks in open() on the FIFO or hashes /dev/zero forever
@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX")
def test_special_files_are_never_opened_by_the_scan_or_the_hash(index: LibraryIndex, tmp_path: Path) -> None:
    root = tmp_path / "docs"
    root.mkdir()
    (root / "보고서.txt").write_text("본문", encoding="utf-8")
    os.mkfifo(root / "pipe.txt")
    (root / "zero.txt").symlink_to("/dev/zero")

    with pytest.raises(NotRegularFile):
        file_hash(root / "pipe.txt")
    with pytest.raises(NotRegularFile):
        file_hash(root / "zero.txt")
    changes = compute_changes(index, [root], SUFFIXES)
    # Listed for the reader, which refuses them with a reason the library records as a failure.
    assert sorted(f.path.name for f in changes.to_index) == ["pipe.txt", "zero.txt", "보고서.txt"]
    assert list(changes.hashes) == []

    named_directly = compute_changes(index, [root / "pipe.txt"], SUFFIXES)  # `baro index pipe.txt`
    assert [f.path.name for f in named_directly.to_index] == ["pipe.txt"]


def test_the_hash_covers_the_bytes_present_when_it_was_opened(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 3_000_000)
    other = tmp_path / "b.txt"
    other.write_bytes(b"x" * 3_000_000)
    assert file_hash(path) == file_hash(other)
    other.write_bytes(b"x" * 2_999_999 + b"y")
    assert file_hash(path) != file_hash(other)
