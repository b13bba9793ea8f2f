"""A 100-page Korean PDF summarized with the default model; every citation points at a real page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.events import Done, KeyPoints, Notice, Progress, SentenceVerdict, Token
from app.docs import read_document
from app.tasks.assistant import Assistant, default_model
from app.tasks.summarize import SummaryRequest, summarize_document
from tests.long_document import build_long_pdf

pytestmark = [pytest.mark.slow, pytest.mark.corpus]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def assistant(default_model_path: Path) -> Iterator[Assistant]:
    opened = Assistant.open(default_model(default_model_path.parent, 4096), threads=2)
    yield opened
    opened.close()


def test_hundred_pages_summarized_with_real_page_citations(corpus: Path, tmp_path: Path, assistant: Assistant) -> None:
    built = build_long_pdf(corpus, tmp_path / "long.pdf", pages=100)
    doc = read_document(built.path)
    assert len(doc.blocks) == 100
    events = list(summarize_document(assistant, doc, SummaryRequest()))

    kinds = [type(e) for e in events]
    assert kinds.index(KeyPoints) < kinds.index(Token), "quotes are shown before the model writes"
    assert any(isinstance(e, Progress) for e in events)
    done = events[-1]
    assert isinstance(done, Done)
    sources = done.result.to_json()["sources"]
    assert len(sources) >= 20, "a long document gets many key sentences"
    pages = {s["location"]["page"] for s in sources}
    assert len(pages) >= 20, "key sentences come from across the document"
    for source in sources:
        page = source["location"]["page"]
        assert 1 <= page <= 100
        assert squash(source["text"]) in squash(built.pages[page - 1]), (page, source["text"])
        assert source["label"] == f"{page}쪽"
    assert done.text.strip()
    verdicts = [e for e in events if isinstance(e, SentenceVerdict)]
    assert verdicts and len(verdicts) == len(done.result.sentences)
    for verdict in verdicts:
        if verdict.label == "supported" and verdict.source is not None:
            assert 1 <= verdict.source <= len(sources)
    notices = [e.text for e in events if isinstance(e, Notice)]
    assert all("부분" in n for n in notices)
