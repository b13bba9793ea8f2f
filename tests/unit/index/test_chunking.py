from __future__ import annotations

import itertools
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.document import Block, BlockKind, Document
from app.core.locations import Location
from app.index.chunking import MAX_CHARS, OVERLAP_MAX_CHARS, chunk_document, split_long_text


def _doc(*blocks: Block) -> Document:
    return Document(Path("/tmp/x.txt"), "x", "txt", list(blocks))


def test_short_blocks_join_until_the_chunk_is_long_enough() -> None:
    blocks = [Block("가" * 120, Location(paragraph=i)) for i in range(1, 6)]
    chunks = chunk_document(_doc(*blocks))
    assert [len(c.locations) for c in chunks] == [3, 2]
    assert chunks[0].location == Location(paragraph=1)
    assert chunks[1].location == Location(paragraph=4)
    assert chunks[1].locations == (Location(paragraph=4), Location(paragraph=5))


def test_a_long_block_is_split_at_sentence_ends_with_a_short_overlap() -> None:
    sentences = [f"{i}번째 문장은 여기에서 끝난다." for i in range(60)]
    text = " ".join(sentences)
    parts = split_long_text(text)
    assert len(parts) >= 2
    assert all(len(p) <= MAX_CHARS + OVERLAP_MAX_CHARS for p in parts)
    for before, after in itertools.pairwise(parts):
        assert after.split(". ")[0] + "." == before.split(". ")[-1]  # one sentence repeated
    chunks = chunk_document(_doc(Block(text, Location(page=3))))
    assert all(c.location == Location(page=3) and c.locations == (Location(page=3),) for c in chunks)


def test_a_heading_starts_a_new_chunk_and_empty_blocks_vanish() -> None:
    doc = _doc(
        Block("첫 문단입니다.", Location(paragraph=1)),
        Block("   ", Location(paragraph=2)),
        Block("둘째 장", Location(paragraph=3), BlockKind.HEADING),
        Block("둘째 장의 본문입니다.", Location(paragraph=4)),
    )
    chunks = chunk_document(doc)
    assert [c.text for c in chunks] == ["첫 문단입니다.", "둘째 장\n둘째 장의 본문입니다."]


def test_a_sentence_with_no_ends_is_still_cut_to_size() -> None:
    parts = split_long_text("가나다라 " * 400)
    assert len(parts) >= 3 and all(len(p) <= MAX_CHARS for p in parts)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="가나다라마 .\n", min_size=0, max_size=1500), max_size=8))
def test_every_word_of_every_block_lands_in_some_chunk(texts: list[str]) -> None:
    doc = _doc(*[Block(t, Location(paragraph=i)) for i, t in enumerate(texts)])
    chunks = chunk_document(doc)
    joined = " ".join(" ".join(c.text.split()) for c in chunks)
    for text in texts:
        for word in text.split():
            assert word in joined
    assert all(c.text.strip() for c in chunks)
    assert all(len(c.text) <= MAX_CHARS + OVERLAP_MAX_CHARS + 1 for c in chunks)
