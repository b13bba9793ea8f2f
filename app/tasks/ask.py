"""질문: answer a Korean question from the user's library, with numbered sources and checked sentences.

The steps: find passages (``app.index.search``), decide whether they are relevant at all (term coverage,
see ``MIN_COVERAGE``), give the model the passages numbered ``[1] …`` and the question last, stream its
answer, then check every answer sentence against the passages (``SupportChecker``). A sentence without a
``[n]`` of its own is linked to the passage the checker found, and that link is labelled as such.

An ``AskSession`` keeps the passages of earlier questions in the same order, so a follow-up question only
appends to the prompt and the engine's KV cache reuses everything before it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from app.core.cancel import CancelToken
from app.core.errors import BaroError
from app.core.events import Done, Event, Notice, Progress, Token
from app.index.errors import LibraryEmpty, NotInLibrary
from app.index.library import LibraryIndex
from app.index.search import Passage, search
from app.index.terms import analyse_text, analyse_texts
from app.llm.client import GenerationParams
from app.llm.prompts import PromptFormat, TaskPrompt
from app.tasks.assistant import Assistant
from app.tasks.library import default_db_path
from app.text.sentences import split_sentences
from app.text.support import SupportChecker

MAX_QUESTION_CHARS = 1000
SEARCH_K = 3
MAX_NEW_TOKENS = 160
MIN_COVERAGE = 0.5
"""Below this IDF-weighted share of the question's content words in the best passage, nothing is relevant."""
QUESTION_WORDS = frozenset(
    {"무엇", "무슨", "누구", "언제", "어디", "어느", "몇", "어떤", "어떠", "어떻", "왜", "얼마", "뭐", "무엇인가"}
)
NOTHING_FOUND = (
    "라이브러리에서 이 질문과 관련된 내용을 찾지 못했습니다. 추측해서 답하지 않겠습니다. "
    "문서가 들어 있는 폴더를 라이브러리에 추가했는지, 질문의 낱말이 문서와 같은지 확인해 주세요."
)
_CITATION = re.compile(r"\[(\d{1,2})\]")

CitationKind = Literal["model", "checked", "none"]


class QuestionEmpty(BaroError):
    def __init__(self) -> None:
        super().__init__("질문을 입력해 주세요.")


class QuestionTooLong(BaroError):
    def __init__(self, length: int) -> None:
        super().__init__(f"질문이 너무 깁니다 ({length:,}자). {MAX_QUESTION_CHARS:,}자 이내로 줄여 주세요.")


# --- retrieval and relevance -----------------------------------------------------------------------


@dataclass(frozen=True)
class Retrieval:
    passages: list[Passage]
    coverage: list[float]
    """Per passage, the IDF-weighted share of the question's content words it contains."""

    @property
    def best_coverage(self) -> float:
        return max(self.coverage, default=0.0)

    @property
    def relevant(self) -> bool:
        return bool(self.passages) and self.best_coverage >= MIN_COVERAGE


def question_terms(question: str) -> list[str]:
    """The question's content morphemes, without interrogatives (무엇, 언제 …) that answers never contain."""
    return [m for m in dict.fromkeys(analyse_text(question).morphemes) if m not in QUESTION_WORDS]


def term_idf(index: LibraryIndex, terms: Sequence[str]) -> dict[str, float]:
    chunks = max(1, index.stats().chunks)
    idf: dict[str, float] = {}
    for term in terms:
        quoted = '"' + term.replace('"', '""') + '"'
        row = index.db.execute("SELECT count(*) FROM morpheme_terms WHERE morpheme_terms MATCH ?", (quoted,))
        df = int(row.fetchone()[0])
        idf[term] = math.log((chunks + 1) / (df + 0.5))
    return idf


def coverage_of(terms: Sequence[str], idf: dict[str, float], passages: Sequence[Passage]) -> list[float]:
    total = sum(idf[t] for t in terms)
    if not terms or total <= 0:
        return [0.0 for _ in passages]
    analysed = analyse_texts([f"{p.title}\n{p.text}" for p in passages])
    out: list[float] = []
    for passage, terms_of_passage in zip(passages, analysed, strict=True):
        present = set(terms_of_passage.morphemes)
        lowered = f"{passage.title}\n{passage.text}".lower()
        found = sum(idf[t] for t in terms if t in present or (len(t) > 1 and t in lowered))
        out.append(found / total)
    return out


def retrieve(index: LibraryIndex, question: str, *, k: int = SEARCH_K, scope: Path | None = None) -> Retrieval:
    passages = search(index, question, k=k, scope=scope)
    terms = question_terms(question)
    return Retrieval(passages, coverage_of(terms, term_idf(index, terms), passages))


def check_scope(index: LibraryIndex, scope: Path | None) -> None:
    if index.stats().files == 0:
        raise LibraryEmpty()
    if scope is not None and not index.has_any_under(scope):
        raise NotInLibrary(scope)


def best_sentences(text: str, terms: Sequence[str], idf: dict[str, float], keep: int) -> list[tuple[int, int]]:
    """Character spans of the ``keep`` sentences of ``text`` sharing the most question words, in text order."""
    sentences = split_sentences(text)
    if len(sentences) <= keep:
        return [(s.start, s.end) for s in sentences]
    analysed = analyse_texts([s.text for s in sentences])
    scored: list[tuple[float, int]] = []
    for number, (sentence, found) in enumerate(zip(sentences, analysed, strict=True)):
        present = set(found.morphemes)
        lowered = sentence.text.lower()
        score = sum(idf.get(t, 0.0) for t in terms if t in present or (len(t) > 1 and t in lowered))
        scored.append((score, number))
    chosen = sorted(number for _, number in sorted(scored, key=lambda s: (-s[0], s[1]))[:keep])
    return [(sentences[n].start, sentences[n].end) for n in chosen]


# --- the prompt and the session --------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    number: int
    passage: Passage

    def to_dict(self) -> dict[str, Any]:
        return {"number": self.number, **self.passage.to_dict()}


@dataclass
class AskSession:
    """One conversation: its scope and the numbered sources every question so far was answered from.

    A follow-up keeps the sources in place when they already cover it, or appends new ones after them,
    so the prompt's beginning stays byte-identical and the engine evaluates only what is new.
    """

    scope: Path | None = None
    sources: list[Source] = field(default_factory=list)

    def reset(self, scope: Path | None = None) -> None:
        self.scope = scope
        self.sources = []
