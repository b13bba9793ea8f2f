from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.core.document import Block, BlockKind, Document
from app.core.locations import Location
from app.text.keysentences import KeySentence, rank_key_sentences, select_key_sentences, select_within_budget


def _article(corpus: Path) -> Document:
    lines = (corpus / "articles" / "byline-hyperclova-2023.txt").read_text(encoding="utf-8").split("\n")
    blocks = [Block(line, Location(line=i + 1)) for i, line in enumerate(lines) if line.strip()]
    return Document(Path("byline.txt"), "byline", "txt", blocks)


def _korquad_pages(corpus: Path, pages: int = 100, per_page: int = 3) -> Document:
    data = json.loads((corpus / "korquad" / "KorQuAD_v1.0_dev.json").read_text(encoding="utf-8"))
    contexts = [p["context"] for article in data["data"] for p in article["paragraphs"]][: pages * per_page]
    blocks: list[Block] = []
    for i, context in enumerate(contexts):
        page, paragraph = divmod(i, per_page)
        if paragraph == 0:
            blocks.append(Block(f"{page + 1}", Location(page=page + 1), BlockKind.HEADER))
        blocks.append(Block(context, Location(page=page + 1, paragraph=paragraph + 1)))
    return Document(Path("big.pdf"), "big", "pdf", blocks)


def _assert_exact(doc: Document, chosen: list[KeySentence]) -> None:
    for sentence in chosen:
        block = doc.blocks[sentence.block_index]
        assert block.text[sentence.start : sentence.end] == sentence.text
        assert sentence.location == block.location
        assert block.kind is not BlockKind.HEADER


@pytest.mark.corpus
def test_news_article_key_sentences_are_exact_and_in_order(corpus: Path) -> None:
    doc = _article(corpus)
    chosen = select_key_sentences(doc, n=5)
    assert len(chosen) == 5
    _assert_exact(doc, chosen)
    assert chosen == sorted(chosen, key=lambda s: (s.block_index, s.start))
    assert len({s.text for s in chosen}) == 5
    lines = {s.location.line for s in chosen}
    assert all(line is not None and line > 1 for line in lines)


@pytest.mark.corpus
def test_news_article_summary_covers_the_main_story(corpus: Path) -> None:
    chosen = select_key_sentences(_article(corpus), n=6)
    text = " ".join(s.text for s in chosen)
    assert "오픈AI" in text
    assert "리더" in text or "네이버" in text


@pytest.mark.corpus
def test_hundred_page_document(corpus: Path) -> None:
    doc = _korquad_pages(corpus)
    chosen = select_key_sentences(doc, n=12)
    assert len(chosen) == 12
    _assert_exact(doc, chosen)
    assert len({s.location.page for s in chosen}) >= 6, "picks should spread over the document"
    ranked = [s.score for s in rank_key_sentences(doc)]
    assert len(ranked) > 1000


@pytest.mark.corpus
def test_budget_fills_but_never_exceeds(corpus: Path) -> None:
    doc = _korquad_pages(corpus, pages=20)
    calls: list[str] = []

    def count_tokens(text: str) -> int:
        calls.append(text)
        return len(text) // 2

    chosen = select_within_budget(doc, 600, count_tokens, separator_tokens=1)
    used = sum(len(s.text) // 2 + 1 for s in chosen)
    assert 0 < used <= 600
    assert used > 600 - 150, "stops only when little room is left"
    _assert_exact(doc, chosen)
    assert len(calls) < 200
    assert select_within_budget(doc, 0, count_tokens) == []


def test_tiny_document_and_headings() -> None:
    doc = Document(
        Path("t.md"),
        "t",
        "md",
        [
            Block("회의 결과", Location(paragraph=1), BlockKind.HEADING),
            Block("예산은 3억 원으로 확정되었다. 다음 회의는 금요일에 열린다.", Location(paragraph=2)),
        ],
    )
    chosen = select_key_sentences(doc, n=5)
    assert [s.text for s in chosen] == ["예산은 3억 원으로 확정되었다.", "다음 회의는 금요일에 열린다."]
    assert all(s.block_index == 1 for s in chosen)
    assert select_key_sentences(Document(Path("e.txt"), "e", "txt", []), n=3) == []
