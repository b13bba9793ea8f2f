"""Korean-aware sentence splitting."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.text.kiwi import kiwi

_ENDS_SENTENCE = re.compile(r"[.!?。…\"”’』」)\]:]\s*$")
_STARTS_ITEM = re.compile(r"^\s*(?:[-*•·○●□■◦▪※]|\(?\d{1,3}[.)]|\(?[가-하][.)]|[IVX]+\.)\s*")
_SHORT_LINE = 0.7
"""A line shorter than this share of the block's longest line ends its paragraph (a title, a last line)."""


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


def line_segments(text: str, *, soft_wrapped: bool = False) -> list[tuple[int, int]]:
    """``[start, end)`` ranges of ``text`` that sentences may not cross, blank lines left out.

    In authored text (TXT, DOCX, HWP …) every line break ends a sentence: titles, list items and table rows
    carry no final punctuation. In ``soft_wrapped`` text (PDF) lines were broken to fit the page, so a line
    continues into the next unless it ends a sentence, is short, or the next line starts a list item.
    """
    lines: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((offset, offset + len(line)))
        offset += len(line) + 1
    if not soft_wrapped or len(lines) < 2:
        return lines
    longest = max(end - start for start, end in lines)
    segments: list[tuple[int, int]] = []
    for start, end in lines:
        joined = bool(segments) and text[segments[-1][1] : start].count("\n") == 1  # no blank line between
        if joined and _continues(text[segments[-1][0] : segments[-1][1]], text[start:end], longest):
            segments[-1] = (segments[-1][0], end)
            continue
        segments.append((start, end))
    return segments


def _continues(previous: str, line: str, longest: int) -> bool:
    last_line = previous.rsplit("\n", 1)[-1]
    if _ENDS_SENTENCE.search(last_line) or _STARTS_ITEM.match(line):
        return False
    return len(last_line.strip()) >= _SHORT_LINE * longest


def split_sentences(text: str, *, soft_wrapped: bool = False) -> list[Sentence]:
    """Split ``text`` into sentences with character offsets into ``text`` (see ``line_segments``)."""
    segments = line_segments(text, soft_wrapped=soft_wrapped)
    if not segments:
        return []
    # Line breaks inside a segment become spaces for the analyser; offsets stay the same.
    pieces = [text[a:b].replace("\n", " ") for a, b in segments]
    out: list[Sentence] = []
    for (offset, _), piece, found in zip(segments, pieces, kiwi().split_into_sents(pieces), strict=True):
        for s in found:
            start, end = int(s.start), int(s.end)
            while start < end and piece[start].isspace():
                start += 1
            while end > start and piece[end - 1].isspace():
                end -= 1
            if end > start:
                out.append(Sentence(text[offset + start : offset + end], offset + start, offset + end))
    return out
