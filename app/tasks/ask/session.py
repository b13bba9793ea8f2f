"""One conversation's sources, and the plan for one question: what it will be answered from, decided before
the model is needed (nothing relevant: no model at all)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.core.events import FixedAnswer
from app.index.errors import LibraryEmpty
from app.index.library import LibraryIndex
from app.index.search import Passage, search
from app.index.terms import analyse_text
from app.tasks.ask.question import checked_question, question_terms
from app.tasks.ask.relevance import (
    HIGHLIGHT_SHARE,
    MIN_COVERAGE,
    PassageWords,
    Words,
    analyse_passages,
    best_sentences,
    coverage_of,
    evidence_sentence,
    term_idf,
)
from app.tasks.guarding import fixed_answer
from app.tasks.library import check_scope, default_db_path

SEARCH_K = 3
MAX_SOURCES = 8
MAX_ANALYSED = 200


@dataclass(frozen=True)
class Source:
    number: int
    passage: Passage

    @property
    def key(self) -> int:
        return self.passage.chunk_id


@dataclass
class AskSession:
    """One conversation: its scope and the numbered sources every question so far was answered from.

    A follow-up keeps the sources in place when they already cover it, or appends new ones after them,
    so the prompt's beginning stays byte-identical and the engine evaluates only what is new.
    """

    scope: Path | None = None
    sources: list[Source] = field(default_factory=list)
    analysed: dict[int, PassageWords] = field(default_factory=dict)
    """Passages analysed so far, by chunk id: a follow-up does not analyse them again."""

    def reset(self, scope: Path | None = None) -> None:
        self.scope = scope
        self.sources = []
        self.analysed = {}

    def words(self, passages: Sequence[Passage]) -> list[PassageWords]:
        new = list({p.chunk_id: p for p in passages if p.chunk_id not in self.analysed}.values())
        if len(self.analysed) + len(new) > MAX_ANALYSED:
            self.analysed = {s.key: self.analysed[s.key] for s in self.sources if s.key in self.analysed}
        self.analysed.update(zip((p.chunk_id for p in new), analyse_passages(new), strict=True))
        return [self.analysed[p.chunk_id] for p in passages]


@dataclass(frozen=True)
class AskPlan:
    """What a question will be answered from, decided before the model is needed."""

    question: str
    sources: list[Source]
    relevant: bool
    reused: int
    """How many sources (from the start of the list) an earlier question already put in the prompt."""
    retrieved: set[int]
    """Chunk ids retrieved for this question."""
    coverage: float
    highlights: dict[int, tuple[int, int]]
    """Per source number, the span of its passage that best matches this question."""
    evidence: str = ""
    """The sentence of all sources that best matches the question."""
    fixed: FixedAnswer | None = None
    """Baro's fixed answer when the question asks a guarded topic itself: shown before anything else."""
    term_weights: dict[str, float] = field(default_factory=dict)
    """The question's content terms with their IDF in the library."""
    evidence_share: float = 0.0
    """The IDF-weighted share of the question's terms that ``evidence`` holds."""

    def share_of_question(self, text: str) -> float:
        """The IDF-weighted share of the question's terms that ``text`` holds."""
        total = sum(self.term_weights.values())
        if total <= 0:
            return 0.0
        words = Words(frozenset(analyse_text(text).morphemes), text.lower())
        return words.weight(list(self.term_weights), self.term_weights) / total


def plan_question(session: AskSession, question: str, *, db_path: Path | None = None, k: int = SEARCH_K) -> AskPlan:
    """Retrieve for ``question`` and decide the prompt's sources (reusing the session's when they fit)."""
    question = checked_question(question)
    fixed = fixed_answer(question)
    try:
        with LibraryIndex.open(db_path or default_db_path()) as index:
            check_scope(index, session.scope)
            passages = search(index, question, k=k, scope=session.scope)
            terms = question_terms(question)
            idf = term_idf(index, terms)
    except LibraryEmpty:
        if fixed is None:
            raise
        return AskPlan(question, [], False, 0, set(), 0.0, {}, fixed=fixed)  # the rule answers without a library
    kept = session.sources
    words = session.words([*passages, *(s.passage for s in kept)])
    coverage = coverage_of(terms, idf, words[: len(passages)])
    kept_coverage = coverage_of(terms, idf, words[len(passages) :])
    best_new = max(coverage, default=0.0)
    best_kept = max(kept_coverage, default=0.0)
    known = {s.key for s in kept}
    # The retriever's best passage already in the prompt settles it, whatever the word coverage says.
    top_is_known = bool(passages) and passages[0].chunk_id in known
    if kept and best_kept >= MIN_COVERAGE and (top_is_known or best_kept >= best_new - 1e-9):
        sources = list(kept)
    else:
        # A follow-up adds only the passages that cover it better than what the prompt already holds,
        # so the prompt grows by little and the cached prefix stays most of it.
        same_document = bool(passages) and passages[0].path in {s.passage.path for s in kept}
        on_topic = bool(kept) and (best_kept >= MIN_COVERAGE or same_document)
        floor = best_kept if best_kept >= MIN_COVERAGE else -1.0
        fresh = [p for p, c in zip(passages, coverage, strict=True) if p.chunk_id not in known and c > floor]
        if on_topic:
            # Still on the prompt's subject (its passages cover the question, or the best hit shares a document
            # with them): the best new passage is enough. On 200 KorQuAD follow-ups, adding every new passage
            # put no more answers in the prompt but gave the engine 2.1x the new text to read.
            fresh = fresh[:1]
        sources = [*kept, *(Source(len(kept) + n, p) for n, p in enumerate(fresh, start=1))]
        if len(sources) > MAX_SOURCES:
            kept = []
            sources = [Source(n, p) for n, p in enumerate(passages, start=1)]
    best = max(best_new, best_kept)
    relevant = bool(sources) and best >= MIN_COVERAGE
    matches = best_sentences(session.words([s.passage for s in sources]), terms, idf)
    top = max((score for score, _, _ in matches.values()), default=0.0)
    # Only sentences that match about as well as the best one are marked: a shared "1" is not a match.
    highlights = {
        number: (start, end)
        for number, (score, start, end) in matches.items()
        if score > 0 and score >= HIGHLIGHT_SHARE * top
    }
    evidence = evidence_sentence(matches, [s.passage.text for s in sources])
    session.sources = sources if relevant else session.sources
    retrieved = {p.chunk_id for p in passages}
    weights = {t: idf.get(t, 0.0) for t in terms}
    total = sum(weights.values())
    return AskPlan(
        question,
        sources,
        relevant,
        len(kept),
        retrieved,
        round(best, 3),
        highlights,
        evidence,
        fixed,
        weights,
        top / total if evidence and total > 0 else 0.0,
    )
