"""A 100-page Korean PDF built from real text (KorQuAD contexts), for summary tests and benchmarks."""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass
from pathlib import Path

from tests.unit.docs.pdfgen import write_pdf

LINE_WIDTH = 42
LINES_PER_PAGE = 34


@dataclass(frozen=True)
class LongDocument:
    path: Path
    pages: list[str]
    """The text of each page (1-based page N is ``pages[N - 1]``), lines joined without breaks."""


def korquad_paragraphs(corpus: Path) -> list[tuple[str, str]]:
    data = json.loads((corpus / "korquad" / "KorQuAD_v1.0_dev.json").read_text(encoding="utf-8"))
    return [(article["title"], p["context"]) for article in data["data"] for p in article["paragraphs"]]


def build_long_pdf(corpus: Path, target: Path, pages: int = 100) -> LongDocument:
    """Wrap KorQuAD paragraphs (article by article) into ``pages`` pages of hard-wrapped lines."""
    page_lines: list[list[str]] = [[]]
    last_title = ""
    for title, context in korquad_paragraphs(corpus):
        lines = []
        if title != last_title:
            lines.append(f"{title}")
            last_title = title
        lines += [*textwrap.wrap(context, LINE_WIDTH, break_long_words=True), ""]
        for line in lines:
            if len(page_lines[-1]) >= LINES_PER_PAGE:
                if len(page_lines) == pages:
                    return _finish(target, page_lines)
                page_lines.append([])
            page_lines[-1].append(line)
    return _finish(target, page_lines)


def _finish(target: Path, page_lines: list[list[str]]) -> LongDocument:
    write_pdf(target, [lines or [" "] for lines in page_lines], title="한국어 위키백과 발췌 모음")
    return LongDocument(target, [" ".join(line for line in lines if line) for lines in page_lines])
