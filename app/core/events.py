"""Events that tasks yield; the CLI prints them and the GUI turns them into signals."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from app.core.locations import Location


@dataclass(frozen=True)
class Progress:
    stage: str
    """A short Korean label of what is happening now (e.g. "문서 읽는 중")."""
    fraction: float | None = None
    """0.0-1.0 when known."""


@dataclass(frozen=True)
class Token:
    text: str


@dataclass(frozen=True)
class Notice:
    """Something the user should see beside the result (e.g. the document was shortened)."""

    text: str
    link: str = ""
    """A phrase of ``text`` the GUI turns into a link to ``action`` (e.g. "더 좋은 모델 받기")."""
    action: str = ""
    """What the link opens: "models" = 모델 관리."""


@dataclass(frozen=True)
class Withdraw:
    """Streamed text that is not part of the answer after all (a loop, an unsupported sentence).

    ``text`` began ``back`` characters before the end of the text streamed so far (every ``Token`` of the
    answer, withdrawn ones included). A view removes it only where it finds exactly that text, so a view that
    never showed it (one that shows finished text only) is left as it is. See ``app.core.streamed``.
    """

    text: str
    back: int
    reason: str
    """"loop" | "unsupported" | "given_up" | "complete" (the requested points were done)."""


@dataclass(frozen=True)
class Quote:
    """A sentence copied exactly from a source, with where it stands."""

    index: int
    text: str
    location: Location
    source: str = ""
    """The file (or passage title) it comes from."""
    context: str = ""
    """The whole block around it, so a click can show the sentence in place."""


@dataclass(frozen=True)
class KeyPoints:
    """The extractive key sentences, shown before any model output.

    ``quotes`` are every sentence the model is given (in document order; verdicts point into them);
    ``shown`` are the indices of the few best ones to show the user first.
    """

    quotes: tuple[Quote, ...]
    shown: tuple[int, ...]

    @property
    def highlights(self) -> tuple[Quote, ...]:
        return tuple(self.quotes[i] for i in self.shown)


CitationKind = Literal["model", "checked", "none"]


@dataclass(frozen=True)
class SentenceVerdict:
    """One sentence Baro checked against its sources: the one type behind every verdict mark in 요약 (streamed
    as an event), 질문 (an answer's sentences) and 초안 (a draft paragraph's sentences)."""

    index: int
    text: str
    label: str
    """"supported" | "partial" | "unsupported"."""
    reasons: tuple[str, ...] = ()
    source: int | None = None
    """The number of the source that backs it, as the user sees it ("[1]" = 1)."""
    span: tuple[int, int] | None = None
    """Character offsets of the supporting span inside that source's text."""
    start: int = 0
    end: int = 0
    """Where the sentence stands in the text it was checked in (an answer, a draft paragraph)."""
    score: float = 0.0
    cited: tuple[int, ...] = ()
    """Source numbers the model itself wrote after the sentence (질문)."""
    citation: CitationKind = "none"
    """"model": the model cited it and the check agrees or found nothing better; "checked": attached by the check."""
    evidence: str = ""


@dataclass(frozen=True)
class GuardHit:
    """A generated sentence states what a guard rule forbids (e.g. "독도는 일본 땅"): mark it, show the correction."""

    sentence: str
    rule_id: str
    topic: str
    correction: str

    def to_dict(self) -> dict[str, str]:
        return {"sentence": self.sentence, "rule": self.rule_id, "topic": self.topic, "correction": self.correction}


@dataclass(frozen=True)
class FixedAnswer:
    """The question asks a guarded topic itself ("독도는 어느 나라 땅인가요?"): Baro's fixed answer, the rule's
    statement, comes before anything the model writes, and is shown as Baro's, not the model's."""

    rule_id: str
    topic: str
    statement: str
    source: str

    def to_dict(self) -> dict[str, str]:
        return {"rule": self.rule_id, "topic": self.topic, "statement": self.statement, "source": self.source}


@dataclass(frozen=True)
class AnsweredBy:
    """Which model, on which engine, writes the answer that follows (e.g. "Baro 기본 … · 내 PC",
    "qwen2.5-7b (조직 서버 llm.example.co.kr)")."""

    who: str


class TaskResult(Protocol):
    """A task's typed result (``app.tasks.results``): its fields, and one JSON form for history and ``--json``."""

    def to_json(self) -> dict[str, object]: ...


@dataclass(frozen=True)
class Done:
    """The task finished: the text as shown, and the task's typed result (None for a task with nothing more)."""

    text: str
    result: TaskResult | None = None


Event = Progress | Token | Notice | Withdraw | KeyPoints | SentenceVerdict | GuardHit | FixedAnswer | AnsweredBy | Done
