"""What each task hands back: one frozen dataclass per task, carried by its final ``Done``.

``to_json()`` and ``from_json()`` beside each type are the only place its dict form exists: the work
history, every ``--json`` output and the exporters go through them, so a field is named once. The JSON
keeps plain values only (no live objects); ``from_json`` accepts what an older Baro wrote (missing keys
take their defaults), because the work history outlives versions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast

from app.core.events import CitationKind, FixedAnswer, Quote, SentenceVerdict
from app.core.locations import Location

__all__ = [
    "AnswerResult",
    "AnswerSource",
    "FailedFile",
    "IndexResult",
    "JsonObject",
    "QuickAnswerResult",
    "RewriteResult",
    "SummaryResult",
    "Timing",
    "Withdrawn",
    "sentence_from_json",
    "sentence_json",
]

JsonObject = dict[str, object]
SUMMARY_SCHEMA = 2
"""2: a sentence's ``source`` is the quote's number as shown ([1] = 1); 1 (no ``schema`` key) counted from 0."""


# --- reading JSON back: a missing or mistyped value is its default, never an exception ---------------------


def _str(data: Mapping[str, object], key: str, default: str = "") -> str:
    value = data.get(key)
    return value if isinstance(value, str) else default


def _int(data: Mapping[str, object], key: str, default: int = 0) -> int:
    value = data.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _optional_int(data: Mapping[str, object], key: str) -> int | None:
    value = data.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _float(data: Mapping[str, object], key: str, default: float = 0.0) -> float:
    value = data.get(key)
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else default


def _bool(data: Mapping[str, object], key: str, default: bool = False) -> bool:
    value = data.get(key)
    return value if isinstance(value, bool) else default


def _objects(data: Mapping[str, object], key: str) -> list[Mapping[str, object]]:
    value = data.get(key)
    if not isinstance(value, list):
        return []
    return [cast(Mapping[str, object], item) for item in value if isinstance(item, Mapping)]


def _strings(data: Mapping[str, object], key: str) -> tuple[str, ...]:
    value = data.get(key)
    return tuple(item for item in value if isinstance(item, str)) if isinstance(value, list) else ()


def _span(data: Mapping[str, object], key: str) -> tuple[int, int] | None:
    value = data.get(key)
    if isinstance(value, list | tuple) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return (int(value[0]), int(value[1]))
    return None


def _location(value: object) -> Location:
    if not isinstance(value, Mapping):
        return Location()
    fields = cast(Mapping[str, object], value)
    return Location(
        page=_optional_int(fields, "page"),
        section=_optional_int(fields, "section"),
        paragraph=_optional_int(fields, "paragraph"),
        slide=_optional_int(fields, "slide"),
        sheet=_str(fields, "sheet") or None,
        cell_range=_str(fields, "cell_range") or None,
        line=_optional_int(fields, "line"),
        ocr=True if fields.get("ocr") is True else None,
    )


def _fixed_answer(value: object) -> FixedAnswer | None:
    if not isinstance(value, Mapping):
        return None
    fields = cast(Mapping[str, object], value)
    return FixedAnswer(_str(fields, "rule"), _str(fields, "topic"), _str(fields, "statement"), _str(fields, "source"))


# --- pieces shared by several results ----------------------------------------------------------------------


@dataclass(frozen=True)
class Withdrawn:
    """Model text taken back while it streamed (a loop, an unsupported sentence), and why."""

    text: str
    reason: str

    def to_json(self) -> JsonObject:
        return {"text": self.text, "reason": self.reason}

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Withdrawn:
        return cls(_str(data, "text"), _str(data, "reason"))


def sentence_json(sentence: SentenceVerdict) -> JsonObject:
    """The one JSON form of a checked sentence (요약's, 질문's)."""
    return {
        "text": sentence.text,
        "start": sentence.start,
        "end": sentence.end,
        "verdict": sentence.label,
        "score": sentence.score,
        "cited_by_model": list(sentence.cited),
        "source": sentence.source,
        "citation": sentence.citation,
        "span": list(sentence.span) if sentence.span else None,
        "evidence": sentence.evidence,
        "reasons": list(sentence.reasons),
    }


def sentence_from_json(index: int, data: Mapping[str, object], *, source_offset: int = 0) -> SentenceVerdict:
    """``source_offset`` 1 reads a summary an older Baro wrote, whose sources were counted from 0."""
    citation = _str(data, "citation", "none")
    cited = data.get("cited_by_model")
    source = _optional_int(data, "source")
    return SentenceVerdict(
        index=index,
        text=_str(data, "text"),
        label=_str(data, "verdict", "unsupported"),
        reasons=_strings(data, "reasons"),
        source=source + source_offset if source is not None else None,
        span=_span(data, "span"),
        start=_int(data, "start"),
        end=_int(data, "end"),
        score=_float(data, "score"),
        cited=tuple(n for n in cited if isinstance(n, int)) if isinstance(cited, list) else (),
        citation=cast(CitationKind, citation if citation in ("model", "checked") else "none"),
        evidence=_str(data, "evidence"),
    )


# --- 요약 --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SummaryResult:
    """A finished summary: the text shown, each sentence's verdict, and the quotes it was written from."""

    file: str
    title: str
    format: str
    style: str
    length: str
    model: str
    model_is_small: bool
    summary: str
    sentences: tuple[SentenceVerdict, ...]
    quotes: tuple[Quote, ...]
    """Every key sentence the model was given, in document order (verdicts point into them)."""
    key_points: tuple[int, ...]
    """Indices of the quotes shown first."""
    withdrawn: tuple[Withdrawn, ...] = ()
    fallback: bool = False
    """The model gave up and the key sentences stand instead."""

    @classmethod
    def of_text(cls, text: str) -> SummaryResult:
        """A summary known only by its text (e.g. one the quick-ask popup shows without its result)."""
        return cls("", "", "", "", "", "", True, text, (), (), ())

    def to_json(self) -> JsonObject:
        return {
            "file": self.file,
            "title": self.title,
            "format": self.format,
            "style": self.style,
            "length": self.length,
            "model": self.model,
            "model_is_small": self.model_is_small,
            "summary": self.summary,
            "sentences": [sentence_json(v) for v in self.sentences],
            "sources": [
                {
                    "index": q.index,
                    "text": q.text,
                    "location": q.location.to_dict(),
                    "label": q.location.label(),
                    "context": q.context,
                }
                for q in self.quotes
            ],
            "key_points": list(self.key_points),
            "schema": SUMMARY_SCHEMA,
            "withdrawn": [w.to_json() for w in self.withdrawn],
            "fallback": self.fallback,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> SummaryResult:
        file = _str(data, "file")
        quotes = tuple(
            Quote(
                _int(s, "index", i),
                _str(s, "text"),
                _location(s.get("location")),
                Path(file).name if file else "",
                _str(s, "context") or _str(s, "text"),
            )
            for i, s in enumerate(_objects(data, "sources"))
        )
        points = data.get("key_points")
        key_points = (
            tuple(p for p in points if isinstance(p, int))
            if isinstance(points, list)
            else tuple(range(min(5, len(quotes))))
        )
        return cls(
            file=file,
            title=_str(data, "title"),
            format=_str(data, "format"),
            style=_str(data, "style"),
            length=_str(data, "length"),
            model=_str(data, "model"),
            model_is_small=_bool(data, "model_is_small", True),
            summary=_str(data, "summary"),
            sentences=tuple(
                sentence_from_json(i, s, source_offset=0 if _int(data, "schema", 1) >= 2 else 1)
                for i, s in enumerate(_objects(data, "sentences"))
            ),
            quotes=quotes,
            key_points=key_points,
            withdrawn=tuple(Withdrawn.from_json(w) for w in _objects(data, "withdrawn")),
            fallback=_bool(data, "fallback"),
        )


# --- 질문 --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AnswerSource:
    """One numbered passage an answer was written from, with where it stands."""

    number: int
    file: str
    title: str
    location: Location
    locations: tuple[Location, ...]
    text: str
    score: float
    cited: bool
    """An answer sentence that the check supports links to it."""
    retrieved_for_this_question: bool
    """False for a source an earlier question of the same session brought."""
    highlight: tuple[int, int] | None
    """The span of the passage that best matches the question."""

    def to_json(self) -> JsonObject:
        return {
            "number": self.number,
            "file": self.file,
            "title": self.title,
            "location": self.location.to_dict(),
            "location_label": self.location.label(),
            "locations": [loc.to_dict() for loc in self.locations],
            "text": self.text,
            "score": self.score,
            "cited": self.cited,
            "retrieved_for_this_question": self.retrieved_for_this_question,
            "highlight": list(self.highlight) if self.highlight else None,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> AnswerSource:
        locations = data.get("locations")
        return cls(
            number=_int(data, "number"),
            file=_str(data, "file"),
            title=_str(data, "title"),
            location=_location(data.get("location")),
            locations=tuple(_location(x) for x in locations) if isinstance(locations, list) else (),
            text=_str(data, "text"),
            score=_float(data, "score"),
            cited=_bool(data, "cited"),
            retrieved_for_this_question=_bool(data, "retrieved_for_this_question", True),
            highlight=_span(data, "highlight"),
        )


@dataclass(frozen=True)
class Timing:
    prompt_tokens: int
    cached_tokens: int
    """Prompt tokens the engine reused from the previous question (the follow-up's saving)."""
    first_token_ms: float
    total_ms: float

    def to_json(self) -> JsonObject:
        return {
            "prompt_tokens": self.prompt_tokens,
            "cached_tokens": self.cached_tokens,
            "first_token_ms": self.first_token_ms,
            "total_ms": self.total_ms,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Timing:
        return cls(
            _int(data, "prompt_tokens"),
            _int(data, "cached_tokens"),
            _float(data, "first_token_ms"),
            _float(data, "total_ms"),
        )


@dataclass(frozen=True)
class AnswerResult:
    """A finished 질문 answer from the library: the answer, each sentence's verdict and the numbered sources."""

    question: str
    answer: str
    model_answer: str
    """What the model wrote; ``answer`` is the best-matching source sentence instead when it was empty, was not
    backed by the sources or had nothing to do with the question (``answer_from`` says which)."""
    relevant: bool
    """False when the library holds nothing about the question: ``answer`` says so and nothing was generated."""
    coverage: float
    model: str | None
    sentences: tuple[SentenceVerdict, ...]
    sources: tuple[AnswerSource, ...]
    reused_sources: int
    """How many sources (from the start) an earlier question of the session already put in the prompt."""
    timing: Timing | None = None
    fixed_answer: FixedAnswer | None = None
    """Shown before ``answer`` when the question asks a guarded topic: the rule's statement, Baro's not the model's."""
    withdrawn: tuple[Withdrawn, ...] = ()
    fallback: bool = False
    answer_from: Literal["model", "source"] = "source"

    def to_json(self) -> JsonObject:
        return {
            "question": self.question,
            "answer": self.answer,
            "model_answer": self.model_answer,
            "relevant": self.relevant,
            "coverage": self.coverage,
            "model": self.model,
            "sentences": [sentence_json(s) for s in self.sentences],
            "sources": [s.to_json() for s in self.sources],
            "reused_sources": self.reused_sources,
            "timing": self.timing.to_json() if self.timing is not None else None,
            "fixed_answer": self.fixed_answer.to_dict() if self.fixed_answer is not None else None,
            "withdrawn": [w.to_json() for w in self.withdrawn],
            "fallback": self.fallback,
            "answer_from": self.answer_from,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> AnswerResult:
        timing = data.get("timing")
        model = data.get("model")
        return cls(
            question=_str(data, "question"),
            answer=_str(data, "answer"),
            model_answer=_str(data, "model_answer"),
            relevant=_bool(data, "relevant"),
            coverage=_float(data, "coverage"),
            model=model if isinstance(model, str) else None,
            sentences=tuple(sentence_from_json(i, s) for i, s in enumerate(_objects(data, "sentences"))),
            sources=tuple(AnswerSource.from_json(s) for s in _objects(data, "sources")),
            reused_sources=_int(data, "reused_sources"),
            timing=Timing.from_json(cast(Mapping[str, object], timing)) if isinstance(timing, Mapping) else None,
            fixed_answer=_fixed_answer(data.get("fixed_answer")),
            withdrawn=tuple(Withdrawn.from_json(w) for w in _objects(data, "withdrawn")),
            fallback=_bool(data, "fallback"),
            answer_from="model" if _str(data, "answer_from") == "model" else "source",
        )


@dataclass(frozen=True)
class QuickAnswerResult:
    """빠른 질문 without the library: the model's own answer (and Baro's fixed answer on a guarded topic)."""

    question: str
    answer: str
    model: str
    fixed_answer: FixedAnswer | None = None

    def to_json(self) -> JsonObject:
        return {
            "kind": "quick",
            "question": self.question,
            "answer": self.answer,
            "model": self.model,
            "fixed_answer": self.fixed_answer.to_dict() if self.fixed_answer is not None else None,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> QuickAnswerResult:
        return cls(
            _str(data, "question"), _str(data, "answer"), _str(data, "model"), _fixed_answer(data.get("fixed_answer"))
        )


# --- 라이브러리 색인, 다듬기 ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FailedFile:
    file: str
    reason: str
    """The Korean reason the file could not be read."""

    def to_json(self) -> JsonObject:
        return {"file": self.file, "reason": self.reason}

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> FailedFile:
        return cls(_str(data, "file"), _str(data, "reason"))


@dataclass(frozen=True)
class IndexResult:
    """What one pass over the library's folders changed."""

    indexed: int
    renamed: int
    removed: int
    unchanged: int
    still_failing: int
    """Files that failed before and have not changed since (not read again)."""
    failed: tuple[FailedFile, ...]
    files: int
    chunks: int
    """The library's size afterwards."""

    def to_json(self) -> JsonObject:
        return {
            "indexed": self.indexed,
            "renamed": self.renamed,
            "removed": self.removed,
            "unchanged": self.unchanged,
            "still_failing": self.still_failing,
            "failed": [f.to_json() for f in self.failed],
            "files": self.files,
            "chunks": self.chunks,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> IndexResult:
        return cls(
            indexed=_int(data, "indexed"),
            renamed=_int(data, "renamed"),
            removed=_int(data, "removed"),
            unchanged=_int(data, "unchanged"),
            still_failing=_int(data, "still_failing"),
            failed=tuple(FailedFile.from_json(f) for f in _objects(data, "failed")),
            files=_int(data, "files"),
            chunks=_int(data, "chunks"),
        )


@dataclass(frozen=True)
class RewriteResult:
    """A passage of a draft rewritten in one style, by the rules or (for 짧게) the model."""

    text: str
    style: str
    source: Literal["rules", "model"]
    original: str

    def to_json(self) -> JsonObject:
        return {
            "kind": "rewrite",
            "text": self.text,
            "style": self.style,
            "source": self.source,
            "original": self.original,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> RewriteResult:
        source: Literal["rules", "model"] = "model" if _str(data, "source") == "model" else "rules"
        return cls(_str(data, "text"), _str(data, "style"), source, _str(data, "original"))
