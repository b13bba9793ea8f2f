"""Whether the library holds anything about a question: IDF-weighted coverage of its content words, per
passage and per sentence (the sentence that best matches is the evidence shown with the answer)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from app.index.library import LibraryIndex
from app.index.search import Passage
from app.index.terms import analyse_texts
from app.text.sentences import split_sentences

MIN_COVERAGE = 0.5
"""Below this IDF-weighted share of the question's content words in the best passage, nothing is relevant.

Measured on KorQuAD 1.0 dev with half the articles indexed (400 questions each way): answerable questions
kept / unrelated ones wrongly kept were 0.995 / 0.21 at 0.4, 0.985 / 0.15 at 0.45, 0.968 / 0.10 at 0.5,
0.940 / 0.035 at 0.6. bench/answer.py reports both rates for the value in use.
"""
HIGHLIGHT_SHARE = 0.5
"""A passage's best sentence is highlighted when it scores at least this share of the best of all."""


def term_idf(index: LibraryIndex, terms: Sequence[str]) -> dict[str, float]:
    chunks = max(1, index.stats().chunks)
    idf: dict[str, float] = {}
    for term in terms:
        idf[term] = math.log((chunks + 1) / (index.chunks_with_term(term) + 0.5))
    return idf


@dataclass(frozen=True)
class Words:
    """A text's content morphemes and its lower-cased form (for words Kiwi splits differently)."""

    morphemes: frozenset[str]
    lowered: str

    def weight(self, terms: Sequence[str], idf: dict[str, float]) -> float:
        return sum(idf.get(t, 0.0) for t in terms if t in self.morphemes or (len(t) > 1 and t in self.lowered))


@dataclass(frozen=True)
class PassageWords:
    whole: Words
    """Title and text together."""
    sentences: tuple[tuple[int, int, Words], ...]
    """(start, end, words) of each sentence of the text."""


def analyse_passages(passages: Sequence[Passage]) -> list[PassageWords]:
    """Words of each passage and of each of its sentences, in one Kiwi batch."""
    splits = [split_sentences(p.text) for p in passages]
    texts = [f"{p.title}\n{p.text}" for p in passages] + [x.text for sentences in splits for x in sentences]
    analysed = iter(analyse_texts(texts))
    wholes = [Words(frozenset(next(analysed).morphemes), t.lower()) for t in texts[: len(passages)]]
    out: list[PassageWords] = []
    for whole, sentences in zip(wholes, splits, strict=True):
        parts = tuple((x.start, x.end, Words(frozenset(next(analysed).morphemes), x.text.lower())) for x in sentences)
        out.append(PassageWords(whole, parts))
    return out


def coverage_of(terms: Sequence[str], idf: dict[str, float], words: Sequence[PassageWords]) -> list[float]:
    """Per passage, the IDF-weighted share of ``terms`` it contains."""
    total = sum(idf.get(t, 0.0) for t in terms)
    if total <= 0:
        return [0.0 for _ in words]
    return [w.whole.weight(terms, idf) / total for w in words]


SentenceMatch = tuple[float, int, int]
"""A passage's best sentence for the question: (weight, start, end) in the passage's text."""


def best_sentences(
    analysed: Sequence[PassageWords], terms: Sequence[str], idf: dict[str, float]
) -> dict[int, SentenceMatch]:
    """Each passage's best-matching sentence, by the passage's number (1-based); the earliest wins a tie."""
    best: dict[int, SentenceMatch] = {}
    for number, words in enumerate(analysed, 1):
        scored = [(w.weight(terms, idf), start, end) for start, end, w in words.sentences]
        if scored:
            best[number] = max(scored, key=lambda s: (s[0], -s[1]))
    return best


def evidence_sentence(matches: dict[int, SentenceMatch], texts: Sequence[str]) -> str:
    """The best sentence of all passages (the lowest number wins a tie), or "" when none shares a term."""
    if max((score for score, _, _ in matches.values()), default=0.0) <= 0:
        return ""
    number, (_, start, end) = max(matches.items(), key=lambda item: (item[1][0], -item[0]))
    return texts[number - 1][start:end]
