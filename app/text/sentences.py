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
    """Split ``text`` into sentences with character offsets into ``text``."""
    if not text.strip():
        return []
    out: list[Sentence] = []
    for s in kiwi().split_into_sents(text):
        chunk = s.text.strip()
        if chunk:
            out.append(Sentence(chunk, int(s.start), int(s.end)))
    return out
