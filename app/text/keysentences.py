"""Extractive key sentences for the 요약 pane: central, early, and not repeating each other.

Sentences are scored by TextRank over TF-IDF vectors of content morphemes (computed without building
the n×n similarity matrix, so a 100-page document stays fast), nudged by a position prior, and picked
with maximal marginal relevance so the chosen ones do not say the same thing twice. The work is linear in
the text and capped: see ``ANALYSIS_BUDGET_CHARS``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from app.core.document import BlockKind, Document
from app.core.locations import Location
from app.text.kiwi import kiwi
from app.text.sentences import analysis_pieces, line_segments

_SENTENCE_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.TABLE_CELL, BlockKind.TABLE_ROW})
_TERM_TAGS = frozenset({"NNG", "NNP", "SL", "SH", "XR", "VV", "VA"})
_LIGHT_TERMS = frozenset({"하", "되", "있", "없", "않", "같", "것", "수", "등", "때", "중", "말"})
ANALYSIS_BUDGET_CHARS = 200_000
"""Characters of a document Kiwi reads to find its key sentences (about 130 pages; ~6 s of one core): Kiwi
reads about 30,000 characters a second, so a longer document is read in an even sample, not in full."""
_MIN_CHARS = 12
_MAX_CHARS = 400
_MIN_TERMS = 2
_DAMPING = 0.85
_ITERATIONS = 30
_POSITION_WEIGHT = 0.25
_RELEVANCE = 0.7
"""MMR trade-off: 1.0 ranks by centrality alone, lower values push harder for variety."""

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class KeySentence:
    text: str
    location: Location
    block_index: int
    start: int
    """Offset of ``text`` inside ``doc.blocks[block_index].text``."""
    end: int
    score: float


@dataclass
class _Candidates:
    sentences: list[KeySentence]
    rows: IntArray
    cols: IntArray
    vals: FloatArray
    """Sparse L2-normalised TF-IDF matrix (sentence × term) as coordinate arrays."""


def select_key_sentences(doc: Document, n: int = 5) -> list[KeySentence]:
    """The ``n`` most representative sentences of ``doc``, in document order."""
    if n <= 0:
        return []
    chosen = []
    for sentence in rank_key_sentences(doc):
        chosen.append(sentence)
        if len(chosen) == n:
            break
    return _in_document_order(chosen)


def select_within_budget(
    doc: Document,
    max_tokens: int,
    count_tokens: Callable[[str], int],
    *,
    separator_tokens: int = 1,
    max_misses: int = 20,
    limit: int | None = None,
) -> list[KeySentence]:
    """As many key sentences as fit in ``max_tokens`` (each costing its tokens plus a separator), at most ``limit``.

    Sentences are tried best first; one that does not fit is skipped, and the search stops after
    ``max_misses`` misses in a row so a tokenizer call is not spent on every sentence of a long document.
    """
    chosen: list[KeySentence] = []
    used = 0
    misses = 0
    for sentence in rank_key_sentences(doc):
        cost = count_tokens(sentence.text) + separator_tokens
        if used + cost <= max_tokens:
            chosen.append(sentence)
            used += cost
            misses = 0
            if len(chosen) == limit:
                break
        else:
            misses += 1
            if misses >= max_misses or max_tokens - used <= separator_tokens:
                break
    return _in_document_order(chosen)


def rank_key_sentences(doc: Document) -> Iterator[KeySentence]:
    """Every candidate sentence, best first (MMR order); lazily, so taking a few is cheap."""
    candidates = _candidates(doc)
    count = len(candidates.sentences)
    if count == 0:
        return
    scores = _textrank(candidates) * _position_prior(count)
    scores = scores / scores.max()
    by_term = np.argsort(candidates.cols, kind="stable")
    term_rows, term_cols, term_vals = candidates.rows[by_term], candidates.cols[by_term], candidates.vals[by_term]
    term_starts = np.searchsorted(term_cols, np.arange(int(candidates.cols.max()) + 2))
    max_similarity = np.zeros(count)
    available = np.ones(count, dtype=bool)
    sentence_starts = np.searchsorted(candidates.rows, np.arange(count + 1))
    for _ in range(count):
        mmr = np.where(available, _RELEVANCE * scores - (1 - _RELEVANCE) * max_similarity, -np.inf)
        best = int(np.argmax(mmr))
        available[best] = False
        sentence = candidates.sentences[best]
        yield KeySentence(
            sentence.text,
            sentence.location,
            sentence.block_index,
            sentence.start,
            sentence.end,
            round(float(scores[best]), 4),
        )
        similarity = np.zeros(count)
        for k in range(int(sentence_starts[best]), int(sentence_starts[best + 1])):
            term, weight = int(candidates.cols[k]), float(candidates.vals[k])
            lo, hi = int(term_starts[term]), int(term_starts[term + 1])
            np.add.at(similarity, term_rows[lo:hi], weight * term_vals[lo:hi])
        np.maximum(max_similarity, similarity, out=max_similarity)


def _segments(doc: Document) -> list[tuple[int, int, int, str]]:
    """The pieces key sentences are found in: all of them, or an even sample of a very long document's."""
    share = analysed_share(doc)
    pieces = _all_pieces(doc)
    return pieces if share >= 1 else _even_sample(pieces, share)


def _all_pieces(doc: Document) -> list[tuple[int, int, int, str]]:
    """(block index, line number, offset, text for the analyser) of each piece of each run of lines.

    Runs are cut into pieces Kiwi handles in linear time (``analysis_pieces``).
    """
    soft_wrapped = doc.format in ("pdf", "image")  # a page: its lines were broken to fit, not by the writer
    found: list[tuple[int, int, int, str]] = []
    for block_index, block in enumerate(doc.blocks):
        if block.kind not in _SENTENCE_KINDS or not block.text.strip():
            continue
        line_number, counted_to = 0, 0
        for start, end in line_segments(block.text, soft_wrapped=soft_wrapped):
            for a, b in analysis_pieces(block.text, start, end):
                line_number += block.text.count("\n", counted_to, a)
                counted_to = a
                found.append((block_index, line_number, a, block.text[a:b].replace("\n", " ")))
    return found


def _even_sample(pieces: list[tuple[int, int, int, str]], share: float) -> list[tuple[int, int, int, str]]:
    """About ``share`` of the pieces' text, spread evenly from the first piece to the last."""
    kept: list[tuple[int, int, int, str]] = []
    kept_chars = seen_chars = 0
    for piece in pieces:
        seen_chars += len(piece[3])
        if kept_chars < share * seen_chars:  # keep up with an even share of the text read so far
            kept.append(piece)
            kept_chars += len(piece[3])
    return kept


def analysed_share(doc: Document) -> float:
    """The share of ``doc``'s sentence text that key-sentence selection reads (1.0 unless it is very long)."""
    total = sum(len(block.text) for block in doc.blocks if block.kind in _SENTENCE_KINDS)
    return 1.0 if total <= ANALYSIS_BUDGET_CHARS else ANALYSIS_BUDGET_CHARS / total


def _candidates(doc: Document) -> _Candidates:
    segments = _segments(doc)
    analysed = kiwi().split_into_sents([text for *_, text in segments], return_tokens=True)
    sentences: list[KeySentence] = []
    term_counts: list[Counter[str]] = []
    for (block_index, line_number, offset, piece), piece_sentences in zip(segments, analysed, strict=True):
        block = doc.blocks[block_index]
        location = block.location
        if location.line is not None and line_number:
            location = replace(location, line=location.line + line_number)
        for s in piece_sentences:
            start, end = _stripped(piece, int(s.start), int(s.end))
            if not _MIN_CHARS <= end - start <= _MAX_CHARS:
                continue
            terms = Counter(
                str(t.form).lower()
                for t in s.tokens
                if str(t.tag).split("-")[0] in _TERM_TAGS and str(t.form) not in _LIGHT_TERMS
            )
            if len(terms) < _MIN_TERMS:
                continue
            text = block.text[offset + start : offset + end]
            sentences.append(KeySentence(text, location, block_index, offset + start, offset + end, 0.0))
            term_counts.append(terms)
    return _tfidf(sentences, term_counts)


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _tfidf(sentences: list[KeySentence], term_counts: list[Counter[str]]) -> _Candidates:
    document_frequency: Counter[str] = Counter()
    for terms in term_counts:
        document_frequency.update(terms.keys())
    total = len(sentences)
    term_ids = {term: i for i, term in enumerate(sorted(document_frequency))}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for row, terms in enumerate(term_counts):
        weights = {
            term_ids[t]: (1 + math.log(c)) * math.log((total + 1) / document_frequency[t]) for t, c in terms.items()
        }
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        for col, weight in sorted(weights.items()):
            rows.append(row)
            cols.append(col)
            vals.append(weight / norm)
    return _Candidates(
        sentences, np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64), np.array(vals, dtype=np.float64)
    )


def _textrank(c: _Candidates) -> FloatArray:
    """PageRank on the cosine-similarity graph, using W·x = S(Sᵀx) so the n×n matrix never exists."""
    count = len(c.sentences)
    terms = int(c.cols.max()) + 1 if len(c.cols) else 0
    self_similarity = np.bincount(c.rows, weights=c.vals * c.vals, minlength=count)

    def similarity_times(x: FloatArray) -> FloatArray:
        per_term = np.bincount(c.cols, weights=c.vals * x[c.rows], minlength=terms)
        return np.bincount(c.rows, weights=c.vals * per_term[c.cols], minlength=count) - self_similarity * x

    degree = similarity_times(np.ones(count))
    isolated = degree <= 1e-12
    degree[isolated] = 1.0
    rank = np.full(count, 1.0 / count)
    for _ in range(_ITERATIONS):
        spread = np.where(isolated, 0.0, rank / degree)
        dangling = float(rank[isolated].sum()) / count
        rank = (1 - _DAMPING) / count + _DAMPING * (similarity_times(spread) + dangling)
    return np.asarray(rank, dtype=np.float64)


def _position_prior(count: int) -> FloatArray:
    """Openings matter in reports and news; a gentle boost that fades over the first fifth."""
    position = np.arange(count) / max(count - 1, 1)
    return np.asarray(1.0 + _POSITION_WEIGHT * np.exp(-position * 5.0), dtype=np.float64)


def _in_document_order(sentences: list[KeySentence]) -> list[KeySentence]:
    return sorted(sentences, key=lambda s: (s.block_index, s.start))
