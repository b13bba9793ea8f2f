"""Phrase evidence: among the best candidates, prefer the passage holding the question's rare terms together.

Neighbouring pages of one document share a topic and its vocabulary, so BM25 scores them close; the asked
figures and names sit on one page. BM25 weighs each term on its own and saturates repeats, so it cannot
tell "부산 … (two sentences later) 영업이익" from "부산지역본부의 영업이익". The evidence score is half
the share of the question's IDF mass a passage holds at all, half the share one window of about a sentence
holds; it is added to the fused score of the top few. It works on character bigrams, not morphemes, because
Kiwi splits a name differently in a question and in a page (호남본부가 / 호남 본부) and bigrams do not care.

Measured (bench/pages.py, 6 documents, 61 pages, 120 questions; KorQuAD 1.0 dev, 5,774 questions), weight
0.2: pages Recall@1/@3 unchanged at 0.975/0.992, KorQuAD Recall@1 0.9245 → 0.9273. Weight 0.4 gains a page
at rank 1 and loses one at rank 3; a morpheme-based score gained nothing on either.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from app.index.library import LibraryIndex
from app.index.terms import Terms

WINDOW = 24
"""Bigrams in one window: about a clause or a short sentence."""


def with_evidence(
    index: LibraryIndex, terms: Terms, ranked: Sequence[tuple[int, float]], *, weight: float, depth: int
) -> list[tuple[int, float]]:
    """``ranked`` (chunk id, fused score, best first) with the top ``depth`` re-scored: + weight × evidence."""
    head, tail = list(ranked[:depth]), list(ranked[depth:])
    if len(head) < 2:
        return list(ranked)
    weights = _idf(index, dict.fromkeys(terms.bigrams))
    total = sum(weights.values())
    if total <= 0:
        return list(ranked)
    bodies = _bigram_bodies(index, [chunk_id for chunk_id, _ in head])
    scored = [
        (chunk_id, score + weight * evidence(bodies.get(chunk_id, []), weights, total)) for chunk_id, score in head
    ]
    scored.sort(key=lambda item: (-item[1], item[0]))
    return scored + tail


def evidence(terms: Sequence[str], weights: dict[str, float], total: float) -> float:
    """Half the share of the question's weight present anywhere, half the best share inside one window."""
    anywhere = sum(weights[t] for t in set(terms) if t in weights) / total
    best = 0.0
    for start, term in enumerate(terms):
        if term in weights:
            inside = {t for t in terms[start : start + WINDOW] if t in weights}
            best = max(best, sum(weights[t] for t in inside))
    return (anywhere + best / total) / 2


def _idf(index: LibraryIndex, bigrams: dict[str, None]) -> dict[str, float]:
    """BM25's IDF over the library's chunks for each question bigram (absent ones weigh nothing)."""
    chunks = index.db.execute("SELECT count(*) FROM chunks").fetchone()[0]
    weights: dict[str, float] = {}
    for bigram in bigrams:
        match = '"' + bigram.replace('"', '""') + '"'
        df = index.db.execute("SELECT count(*) FROM bigram_terms WHERE body MATCH ?", (match,)).fetchone()[0]
        if df:
            weights[bigram] = math.log(1 + (chunks - df + 0.5) / (df + 0.5))
    return weights


def _bigram_bodies(index: LibraryIndex, chunk_ids: list[int]) -> dict[int, list[str]]:
    marks = ",".join("?" * len(chunk_ids))
    rows = index.db.execute(f"SELECT rowid, body FROM bigram_terms WHERE rowid IN ({marks})", chunk_ids)
    return {int(rowid): str(body).split() for rowid, body in rows}
