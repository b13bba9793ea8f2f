from __future__ import annotations

from pathlib import Path

import pytest

from app.core.locations import Location
from app.index.library import LibraryIndex, location_from_json, location_to_json
from app.index.search import search
from tests.unit.index.conftest import make_doc


def test_locations_round_trip_through_json() -> None:
    for loc in (Location(page=3), Location(sheet="예산", cell_range="A1:B2"), Location()):
        assert location_from_json(location_to_json(loc)) == loc


def test_replacing_a_file_swaps_its_chunks_and_terms(index: LibraryIndex, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    index.replace_file(make_doc(path, "a", "서울에서 회의가 열렸다."))
    assert [p.text for p in search(index, "서울 회의")] == ["서울에서 회의가 열렸다."]
    index.replace_file(make_doc(path, "a", "부산에서 체육대회가 열렸다."))
    assert search(index, "서울 회의") == []
    assert search(index, "부산 체육대회")[0].path == path
    stats = index.stats()
    assert (stats.files, stats.chunks) == (1, 1)
    for table in ("morpheme_terms", "bigram_terms"):
        assert index.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 1


def test_a_write_that_fails_half_way_keeps_the_old_content(index: LibraryIndex, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    index.replace_file(make_doc(path, "a", "서울에서 회의가 열렸다."))
    broken = make_doc(path, "a", "부산 소식", "대구 소식")
    broken = type(broken)(broken.entry, broken.chunks, broken.terms[:0], broken.title_terms)  # mismatched
    with pytest.raises(ValueError):
        index.replace_file(broken)
    assert [p.text for p in search(index, "서울 회의")] == ["서울에서 회의가 열렸다."]
    assert index.integrity_ok()


def test_rename_keeps_chunks_and_failures_are_listed(index: LibraryIndex, tmp_path: Path) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "sub" / "new.txt"
    index.replace_file(make_doc(old, "old", "예산안이 통과되었다."))
    index.rename_file(old, new, size=5, mtime_ns=7)
    assert search(index, "예산안")[0].path == new
    assert index.entry(new) is not None and index.entry(old) is None

    index.record_failure(tmp_path / "bad.hwp", "배포용 문서", size=1, mtime_ns=2)
    failures = index.failures_under(tmp_path)
    assert [f.reason for f in failures.values()] == ["배포용 문서"]
    index.replace_file(make_doc(tmp_path / "bad.hwp", "bad", "이제는 읽힌다."))
    assert index.failures_under(tmp_path) == {}


def test_removing_a_root_forgets_everything_under_it(index: LibraryIndex, tmp_path: Path) -> None:
    keep, drop = tmp_path / "keep", tmp_path / "drop"
    index.add_roots([keep, drop])
    index.replace_file(make_doc(keep / "a.txt", "a", "남는 문서"))
    index.replace_file(make_doc(drop / "b.txt", "b", "지워질 문서"))
    index.replace_file(make_doc(tmp_path / "drop2" / "c.txt", "c", "이름이 비슷한 폴더의 문서"))
    index.remove_root(drop)
    assert index.roots() == [keep]
    assert set(index.entries_under(tmp_path)) == {str(keep / "a.txt"), str(tmp_path / "drop2" / "c.txt")}
