from __future__ import annotations

from pathlib import Path

from app.core.locations import Location
from app.index.library import LibraryIndex
from app.index.search import Fusion, Ranking, search, search_many
from tests.unit.index.conftest import make_doc


def _library(index: LibraryIndex, root: Path) -> None:
    index.replace_file(
        make_doc(
            root / "hr" / "출장규정.txt",
            "출장 규정",
            "해외 출장 시 숙박비는 1박에 20만 원까지 지원한다.",
            "국내 출장의 교통비는 실비로 정산한다.",
        )
    )
    index.replace_file(make_doc(root / "news" / "서울.txt", "서울 소식", "서울시청에서 시민 공청회가 열렸다."))
    index.replace_file(make_doc(root / "news" / "부산.txt", "부산 소식", "부산에서 국제 영화제가 개막했다."))


def test_a_question_with_particles_finds_the_passage(index: LibraryIndex, tmp_path: Path) -> None:
    _library(index, tmp_path)
    top = search(index, "해외 출장에서 숙박비를 얼마까지 받을 수 있나요?", k=3)[0]
    assert top.path == tmp_path / "hr" / "출장규정.txt"
    assert top.location == Location(paragraph=1)
    assert "숙박비" in top.text and top.score > 0
    assert search(index, "영화제는 어디에서 개막했나?")[0].title == "부산 소식"


def test_scope_limits_results_to_a_folder_or_a_file(index: LibraryIndex, tmp_path: Path) -> None:
    _library(index, tmp_path)
    everywhere = search(index, "소식 출장 영화제 공청회", k=10)
    assert {p.path.parent.name for p in everywhere} == {"hr", "news"}
    in_news = search(index, "소식 출장 영화제 공청회", k=10, scope=tmp_path / "news")
    assert {p.path.parent.name for p in in_news} == {"news"}
    one = search(index, "소식 출장 영화제 공청회", k=10, scope=tmp_path / "news" / "서울.txt")
    assert [p.path.name for p in one] == ["서울.txt"]
    assert search(index, "영화제", scope=tmp_path / "new") == []  # a prefix of a name is not a folder


def test_nothing_to_match_returns_nothing(index: LibraryIndex, tmp_path: Path) -> None:
    _library(index, tmp_path)
    assert search(index, "?!") == []
    assert search(index, "") == []
    assert search(index, "양자역학") == []


def test_every_ranking_variant_finds_the_obvious_passage(index: LibraryIndex, tmp_path: Path) -> None:
    _library(index, tmp_path)
    for ranking in (
        Ranking(),
        Ranking(fusion=Fusion.RRF),
        Ranking(bigram_weight=0.0),
        Ranking(morpheme_weight=0.0),
        Ranking(title_weight=0.0),
    ):
        top = search(index, "국제 영화제 개막", ranking=ranking)
        assert top[0].path.name == "부산.txt", ranking
    many = search_many(index, ["국제 영화제 개막", "교통비 정산"], k=1)
    assert [r[0].path.name for r in many] == ["부산.txt", "출장규정.txt"]
    assert Location(paragraph=2) in many[1][0].locations  # short paragraphs share a chunk
