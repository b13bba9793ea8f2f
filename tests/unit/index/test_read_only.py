"""A library index on a read-only disk is searched as it is and refuses changes with a clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.index.errors import IndexUnusable
from app.index.library import LibraryIndex
from app.index.search import search
from app.sqlite.errors import DatabaseReadOnly
from tests.mounts import remount_read_only, tmpfs
from tests.unit.index.conftest import make_doc

pytestmark = pytest.mark.timeout(120)


def test_an_index_on_a_read_only_disk_is_searchable_not_writable(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk") as disk:
        path = disk / "library.sqlite3"
        with LibraryIndex.open(path) as index:
            index.add_roots([tmp_path / "문서"])
            index.replace_file(
                make_doc(tmp_path / "문서" / "규정.txt", "출장 규정", "해외 출장 숙박비는 20만 원까지다.")
            )
            assert not index.read_only
        remount_read_only(disk)

        with LibraryIndex.open(path) as index:
            assert index.read_only
            assert [p.path.name for p in search(index, "출장 숙박비")] == ["규정.txt"]
            assert index.stats().files == 1
            with pytest.raises(DatabaseReadOnly) as info:
                index.require_writable()
            with pytest.raises(DatabaseReadOnly):
                index.add_roots([tmp_path / "다른"])
        message = info.value.user_message
        assert str(disk) in message and "읽기 전용" in message and "지우" not in message


def test_a_fresh_index_on_a_read_only_disk_says_so(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "disk") as disk:
        remount_read_only(disk)
        with pytest.raises(DatabaseReadOnly):
            LibraryIndex.open(disk / "data" / "library.sqlite3")


def test_only_a_damaged_index_is_advised_to_be_deleted(tmp_path: Path) -> None:
    damaged = tmp_path / "library.sqlite3"
    damaged.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(IndexUnusable) as info:
        LibraryIndex.open(damaged)
    assert "지운" in info.value.user_message

    folder_in_the_way = tmp_path / "folder.sqlite3"
    folder_in_the_way.mkdir()
    with pytest.raises(IndexUnusable) as info:
        LibraryIndex.open(folder_in_the_way)
    assert "지운" not in info.value.user_message
