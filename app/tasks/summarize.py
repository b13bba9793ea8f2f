"""요약: any length, grounded, fast.

1. Read the document (in the sandboxed reader).
2. Pick key sentences extractively (model-independent, exact quotes with locations) and show them.
3. The model writes the summary from those sentences; when they exceed the context, consecutive groups
   are summarized first and the partial summaries merged (hierarchically). A document too long to analyse
   whole (an even sample is ranked) gets only the best sentences that fit one prompt: no partial summaries.
4. Every generated sentence is checked against the quotes while it streams.

The same generator serves `baro summarize` and the 요약 pane.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from pathlib import Path

from app.core.cancel import CancelToken
from app.core.document import Document
from app.core.errors import EmptyDocument
from app.core.events import Done, Event, KeyPoints, Notice, Progress, Quote
from app.docs import read_document
from app.llm.engine_api import GenerationParams
from app.tasks.answer_watch import BETTER_MODEL, AnswerWatch
from app.tasks.assistant import Assistant
from app.tasks.results import SummaryResult, Withdrawn
from app.tasks.summary_prompts import (
    SummaryLength,
    SummaryRequest,
    SummaryStyle,
    merge_prompt,
    summary_prompt,
)
from app.tasks.verdicts import claim_judge
from app.text.keysentences import KeySentence, analysed_share, select_key_sentences, select_within_budget

__all__ = [
    "SummaryLength",
    "SummaryRequest",
    "SummaryResult",
    "SummaryStyle",
    "key_quotes",
    "summarize",
    "summarize_document",
]

SHOWN_QUOTES = 5
MIN_KEY_SENTENCES = 8
MAX_KEY_SENTENCES = 160
PARTIAL_TOKENS = 120
AVERAGE_SENTENCE_CHARS = 60
"""Korean prose runs at roughly 50-70 characters a sentence; only the order of magnitude matters here."""


def key_sentence_count(sentences: int) -> int:
    """More key sentences for longer documents, growing with the square root of their length."""
    return max(MIN_KEY_SENTENCES, min(MAX_KEY_SENTENCES, round(2.5 * math.sqrt(max(sentences, 1)))))


def key_quotes(
    doc: Document, n: int, *, budget: int | None = None, cost: Callable[[str], int] = len
) -> list[tuple[KeySentence, Quote]]:
    """The ``n`` best key sentences in document order, as quotes (index = order in the list).

    With ``budget``, only the best ones whose ``cost`` adds up to at most ``budget`` (at least one)."""
    if budget is None:
        chosen = select_key_sentences(doc, n)
    else:  # best first, stopping at the first that would overflow; a lone oversized best one still counts
        fitting = select_within_budget(doc, budget, cost, separator_tokens=0, max_misses=1, limit=n)
        chosen = fitting or select_key_sentences(doc, 1)
    return [
        (s, Quote(i, s.text, s.location, doc.path.name, doc.blocks[s.block_index].text)) for i, s in enumerate(chosen)
    ]


class _TokenEstimate:
    """Tokens per character of this document for this model, measured once on a sample."""

    def __init__(self, assistant: Assistant, sample: str) -> None:
        sample = sample[:4000] or "가"
        self.per_char = max(0.2, assistant.count_tokens(sample) / len(sample))

    def __call__(self, text: str) -> int:
        return math.ceil(len(text) * self.per_char) + 3  # + numbering and the line break


def _groups(sentences: list[str], budget: int, estimate: _TokenEstimate) -> list[list[str]]:
    groups: list[list[str]] = [[]]
    used = 0
    for sentence in sentences:
        cost = estimate(sentence)
        if groups[-1] and used + cost > budget:
            groups.append([])
            used = 0
        groups[-1].append(sentence)
        used += cost
    return groups


def summarize(
    assistant: Assistant, path: Path, request: SummaryRequest | None = None, *, cancel: CancelToken | None = None
) -> Iterator[Event]:
    cancel = cancel or CancelToken()
    yield Progress("문서 읽는 중", 0.0)
    doc = read_document(path, cancel=cancel)
    yield from summarize_document(assistant, doc, request, cancel=cancel)


def summarize_document(
    assistant: Assistant, doc: Document, request: SummaryRequest | None = None, *, cancel: CancelToken | None = None
) -> Iterator[Event]:
    request = request or SummaryRequest()
    cancel = cancel or CancelToken()
    if not doc.text.strip():
        raise EmptyDocument(doc.path)
    for notice in doc.notices:  # how the file was read, e.g. unreadable characters replaced
        yield Notice(notice)

    yield Progress("핵심 문장 고르는 중", 0.05)
    share = analysed_share(doc)
    estimate = _TokenEstimate(assistant, doc.text)
    budget = assistant.content_budget(request.max_new_tokens)
    count = key_sentence_count(len(doc.text) // AVERAGE_SENTENCE_CHARS)
    if share < 1:
        yield Notice(
            f"문서가 매우 길어({len(doc.text):,}자) 처음부터 끝까지 고르게 뽑은 약 {share:.0%}에서 핵심 문장을 골랐습니다."
        )
        # A sample is a sketch of the document: partial summaries of it would cost minutes and add nothing
        # the best-ranked sentences that fit one prompt do not already say.
        picked = key_quotes(doc, count, budget=budget, cost=estimate)
    else:
        picked = key_quotes(doc, count)
    if not picked:
        raise EmptyDocument(doc.path)
    quotes = [q for _, q in picked]
    top = sorted(picked, key=lambda pair: -pair[0].score)[:SHOWN_QUOTES]
    yield KeyPoints(tuple(quotes), tuple(sorted(q.index for _, q in top)))
    cancel.raise_if_cancelled()

    texts = [q.text for q in quotes]
    groups = _groups(texts, budget, estimate)
    if len(groups) == 1:
        final_prompt = summary_prompt(doc.title, texts, request)
    else:
        yield Notice(f"문서가 길어 {len(groups)}부분으로 나누어 요약한 뒤 합칩니다.")
        partials: list[str] = []
        for number, group in enumerate(groups, 1):
            stage = f"부분 요약 {number}/{len(groups)}"
            yield Progress(stage, 0.1 + 0.6 * (number - 1) / len(groups))
            part_request = SummaryRequest(SummaryStyle.GIST, SummaryLength.SHORT)
            params = GenerationParams(max_tokens=PARTIAL_TOKENS, temperature=assistant.temperature, repeat_penalty=1.15)
            watch = summary_watch(group, part_request)
            part_prompt = summary_prompt(doc.title, group, part_request)
            for event in assistant.stream(part_prompt, params, cancel, stage, watch=watch):
                if isinstance(event, Progress | Notice):  # a notice (e.g. a refused template) reaches the user
                    yield event
            partials.append(watch_text(watch) or " ".join(group[:2]))
        final_prompt = merge_prompt(doc.title, partials, request)

    watch = summary_watch(texts, request)
    params = GenerationParams(max_tokens=request.max_new_tokens, temperature=assistant.temperature, repeat_penalty=1.15)
    yield from assistant.stream(final_prompt, params, cancel, "핵심 문장을 모델에 넣는 중", watch=watch)
    summary = watch_text(watch)
    if watch.gave_up:
        yield gave_up_notice(assistant)
    shown = [q.index for _, q in top]
    result = SummaryResult(
        file=str(doc.path),
        title=doc.title,
        format=doc.format,
        style=request.style.value,
        length=request.length.value,
        model=assistant.model.name,
        model_is_small=assistant.model.is_small_or_base,
        summary=summary,
        sentences=tuple(watch.kept_verdicts),
        quotes=tuple(quotes),
        key_points=tuple(sorted(shown)),
        withdrawn=tuple(Withdrawn(text, reason) for text, reason in withdrawn_texts(watch)),
        fallback=watch.gave_up,
    )
    yield Done(summary, result)


def summary_watch(sentences: list[str], request: SummaryRequest) -> AnswerWatch:
    return AnswerWatch(
        source="\n".join(sentences), judge=claim_judge(sentences), target_sentences=request.target_sentences
    )


def watch_text(watch: AnswerWatch) -> str:
    """The answer as shown: what the watch kept (all of it when the watch only observed)."""
    return watch.kept_text if watch.acting else watch.raw.strip()


def withdrawn_texts(watch: AnswerWatch) -> list[tuple[str, str]]:
    return [(watch.raw[a:b].strip(), reason) for a, b, reason in sorted(watch.withdrawn)]


def gave_up_notice(assistant: Assistant) -> Notice:
    who = "내장 모델이" if assistant.model.is_small_or_base else "모델이"
    return Notice(
        f"{who} 이 문서를 제대로 요약하지 못해 핵심 문장만 보여 드립니다 — {BETTER_MODEL}", BETTER_MODEL, "models"
    )
