"""Korean-aware sentence splitting."""

from __future__ import annotations

from dataclasses import dataclass

from app.text.kiwi import kiwi


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with character offsets into ``text``.

    A line break always ends a sentence (titles, list items and table rows carry no final punctuation).
    """
    if not text.strip():
        return []
    lines: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((offset, line))
        offset += len(line) + 1
    out: list[Sentence] = []
    for (line_offset, line), found in zip(lines, kiwi().split_into_sents([line for _, line in lines]), strict=True):
        for s in found:
            start, end = int(s.start), int(s.end)
            while start < end and line[start].isspace():
                start += 1
            while end > start and line[end - 1].isspace():
                end -= 1
            if end > start:
                out.append(Sentence(line[start:end], line_offset + start, line_offset + end))
    return out
