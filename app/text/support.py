"""Is a generated sentence backed by its source passages? Supported, partly supported, or unsupported.

Build one ``SupportChecker`` per set of passages (the analysis happens once), then call ``check`` on
every generated sentence while it streams. The comparison is lexical and Korean-aware: content
morphemes, names, normalised quantities and the polarity of each predicate, so a small model that
turns "논문을 내지 않고" into "논문을 내놓고" is caught, but a free paraphrase with new words is only
"partial" — never shown as a confirmed fact.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from app.text.claims import ClaimFacts
from app.text.kiwi import kiwi
from app.text.sentences import Sentence, split_sentences
from app.text.support_context import SentenceFacts, analyse_sentence, merge_sentence_facts
from app.text.support_rules import Finding, backs_quantity, compare_facts, noun_in, novel_nouns

Label = Literal["supported", "partial", "unsupported"]

SUPPORTED_COVERAGE = 0.8
"""Share of the sentence's (IDF-weighted) content words that must appear in one span."""
PARTIAL_COVERAGE = 0.4
_CANDIDATE_SENTENCES = 6


@dataclass(frozen=True)
class Verdict:
    label: Label
    score: float
    """IDF-weighted share of the sentence's content words found in the span (0–1)."""
    source_index: int | None
    """Index into the passages of the best supporting span, ``None`` when nothing matched."""
    span: tuple[int, int] | None
    """Character offsets ``[start, end)`` of that span inside ``passages[source_index]``."""
    reasons: list[str]
    """Korean explanations, empty when fully supported."""
    evidence: str = ""
    novel: tuple[str, ...] = ()
    """Nouns of the sentence that no passage uses at all (a new fact rather than a paraphrase)."""

    @property
    def is_supported(self) -> bool:
        return self.label == "supported"


@dataclass(frozen=True)
class _SourceSentence:
    passage: int
    start: int
    end: int
    analysis: SentenceFacts

    @property
    def facts(self) -> ClaimFacts:
        return self.analysis.facts


class SupportChecker:
    """Analyse ``passages`` once; ``check(sentence)`` then costs one morpheme analysis of the sentence."""

    def __init__(self, passages: Sequence[str]) -> None:
        self._passages = list(passages)
        self._sentences = _analyse_passages(self._passages)
        self._all = merge_sentence_facts([s.analysis for s in self._sentences])
        self._postings: dict[str, list[int]] = defaultdict(list)
        for index, sentence in enumerate(self._sentences):
            for word in sentence.facts.content_words:
                self._postings[word].append(index)
        total = len(self._sentences)
        self._idf = {w: math.log((total + 1) / (len(ids) + 0.5)) for w, ids in self._postings.items()}
        self._unseen_idf = math.log((total + 1) / 0.5)
        self._by_value: dict[float, list[int]] = defaultdict(list)
        for index, sentence in enumerate(self._sentences):
            for quantity in sentence.facts.quantities:
                self._by_value[quantity.value].append(index)

    @property
    def passages(self) -> list[str]:
        return self._passages

    def check(self, sentence: str) -> Verdict:
        analysis = analyse_sentence(sentence, kiwi().tokenize(sentence))
        facts = analysis.facts
        weights = {w: self._idf.get(w, self._unseen_idf) for w in facts.content_words}
        if not weights and not facts.quantities and not facts.entities and not analysis.identifiers:
            return Verdict("supported", 1.0, None, None, ["확인할 내용어가 없는 문장입니다."])
        claim = _Claim(analysis, weights, {})
        best: tuple[float, int, int, Verdict] | None = None
        for first, last in self._candidate_windows(claim):
            verdict = self._judge(claim, first, last)
            # The closest span decides; a contradiction there is not excused by a weaker match elsewhere.
            key = (round(verdict.score, 2), 1 if verdict.label == "supported" else 0, first - last)
            if best is None or key > best[:3]:
                best = (*key, verdict)
        if best is None:
            return Verdict("unsupported", 0.0, None, None, ["원문에서 이 문장과 겹치는 내용을 찾지 못했습니다."])
        return best[3]

    def check_text(self, text: str) -> list[tuple[Sentence, Verdict]]:
        """Every sentence of a finished answer with its verdict."""
        return [(s, self.check(s.text)) for s in split_sentences(text)]

    def _candidate_windows(self, claim: _Claim) -> list[tuple[int, int]]:
        """The best-matching sentences, each with a neighbour when the pair covers more than either alone."""
        scores: dict[int, float] = defaultdict(float)
        for word, weight in claim.weights.items():
            for index in self._postings.get(word, ()):
                scores[index] += weight
        # A sentence of figures alone ("1박 20만 원") has no content words to look up: its figures find it.
        for quantity in claim.facts.quantities:
            for index in dict.fromkeys(self._by_value.get(quantity.value, ())):
                if any(backs_quantity(q, quantity) for q in self._sentences[index].facts.quantities):
                    scores[index] += self._unseen_idf
        windows: set[tuple[int, int]] = set()
        for index in sorted(scores, key=lambda i: -scores[i])[:_CANDIDATE_SENTENCES]:
            windows.add((index, index))
            for first, last in ((index - 1, index), (index, index + 1)):
                if not self._same_passage(first, last):
                    continue
                pair = self._coverage(claim, first, last)
                if pair > max(self._coverage(claim, first, first), self._coverage(claim, last, last)) + 1e-9:
                    windows.add((first, last))
        return sorted(windows)

    def _matched(self, claim: _Claim, index: int) -> set[str]:
        if index not in claim.matched:
            facts = self._sentences[index].facts
            claim.matched[index] = {w for w in claim.weights if _word_in(w, facts, is_noun=w in claim.facts.nouns)}
        return claim.matched[index]

    def _coverage(self, claim: _Claim, first: int, last: int) -> float:
        total = sum(claim.weights.values())
        if not total:
            return 1.0
        found = set().union(*(self._matched(claim, i) for i in range(first, last + 1)))
        return sum(claim.weights[w] for w in found) / total

    def _same_passage(self, first: int, last: int) -> bool:
        if first < 0 or last >= len(self._sentences):
            return False
        return self._sentences[first].passage == self._sentences[last].passage

    def _judge(self, claim: _Claim, first: int, last: int) -> Verdict:
        span = merge_sentence_facts([s.analysis for s in self._sentences[first : last + 1]])
        coverage = self._coverage(claim, first, last)
        found = set().union(*(self._matched(claim, i) for i in range(first, last + 1)))
        missing = sorted(set(claim.weights) - found, key=lambda w: -claim.weights[w])
        findings = compare_facts(claim.analysis, span, self._all)
        label = _label(coverage, findings)
        reasons = [f.message for f in findings]
        if coverage < PARTIAL_COVERAGE:
            reasons.append("원문에서 이 문장과 겹치는 내용을 거의 찾지 못했습니다.")
        elif missing and label != "supported":
            shown = ", ".join(f"'{w}'" for w in missing[:4])
            reasons.append(f"원문의 해당 부분에 없는 말이 있습니다: {shown}.")
        passage = self._sentences[first].passage
        start, end = self._sentences[first].start, self._sentences[last].end
        novel = tuple(novel_nouns(claim.facts, self._all.facts))
        evidence = self._passages[passage][start:end]
        return Verdict(label, round(coverage, 3), passage, (start, end), reasons, evidence, novel)


@dataclass
class _Claim:
    analysis: SentenceFacts
    weights: dict[str, float]
    matched: dict[int, set[str]]
    """Per source sentence, the claim's content words found there (filled lazily)."""

    @property
    def facts(self) -> ClaimFacts:
        return self.analysis.facts


def _label(coverage: float, findings: list[Finding]) -> Label:
    if any(f.contradicts for f in findings) or coverage < PARTIAL_COVERAGE:
        return "unsupported"
    if findings or coverage < SUPPORTED_COVERAGE:
        return "partial"
    return "supported"


def _word_in(word: str, facts: ClaimFacts, *, is_noun: bool) -> bool:
    if word in facts.nouns or word in facts.verbs:
        return True
    return is_noun and noun_in(word, facts)


def _analyse_passages(passages: Sequence[str]) -> list[_SourceSentence]:
    """Sentences of every passage, split line by line first so headlines do not run together."""
    lines: list[tuple[int, int, str]] = []
    for index, passage in enumerate(passages):
        offset = 0
        for line in passage.split("\n"):
            if line.strip():
                lines.append((index, offset, line))
            offset += len(line) + 1
    out: list[_SourceSentence] = []
    analysed = kiwi().split_into_sents([line for _, _, line in lines], return_tokens=True)
    for (index, offset, line), sentences in zip(lines, analysed, strict=True):
        for sentence in sentences:
            start, end = int(sentence.start), int(sentence.end)
            while start < end and line[start].isspace():
                start += 1
            while end > start and line[end - 1].isspace():
                end -= 1
            if start == end:
                continue
            analysis = analyse_sentence(line[start:end], sentence.tokens, offset=start)
            out.append(_SourceSentence(index, offset + start, offset + end, analysis))
    return out
