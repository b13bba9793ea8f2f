"""Retrieval quality on a slice of the real KorQuAD dev set (the full figures come from bench/retrieval.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.core.document import Block, Document
from app.core.locations import Location
from app.index.library import LibraryIndex
from app.index.prepare import FileEntry, prepare_documents
from app.index.search import Passage, search_many

ARTICLES = 12


@pytest.mark.corpus
def test_questions_find_their_paragraph(corpus: Path, index: LibraryIndex, tmp_path: Path) -> None:
    data = json.loads((corpus / "korquad" / "KorQuAD_v1.0_dev.json").read_text(encoding="utf-8"))
    items = []
    questions: list[tuple[str, Path, int]] = []
    for number, article in enumerate(data["data"][:ARTICLES]):
        path = tmp_path / f"{number}.txt"
        blocks = [Block(p["context"], Location(paragraph=i + 1)) for i, p in enumerate(article["paragraphs"])]
        items.append((FileEntry(path, article["title"], "txt", 1, 1, str(number)), Document(path, "", "txt", blocks)))
        for i, paragraph in enumerate(article["paragraphs"]):
            questions += [(qa["question"], path, i + 1) for qa in paragraph["qas"]]
    for prepared in prepare_documents(items):
        index.replace_file(prepared)

    results = search_many(index, [q for q, _, _ in questions], k=5)

    def hit(passages: list[Passage], path: Path, paragraph: int) -> bool:
        return any(p.path == path and Location(paragraph=paragraph) in p.locations for p in passages)

    at_1 = sum(hit(r[:1], path, par) for r, (_, path, par) in zip(results, questions, strict=True))
    at_5 = sum(hit(r, path, par) for r, (_, path, par) in zip(results, questions, strict=True))
    assert at_1 / len(questions) >= 0.9
    assert at_5 / len(questions) >= 0.97
