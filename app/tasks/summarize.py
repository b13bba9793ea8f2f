"""요약: read a document, pick what fits the model, and stream a Korean summary.

The same generator serves `baro summarize` and the 요약 pane.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from app.core.cancel import CancelToken
from app.core.document import Document
from app.core.errors import EmptyDocument
from app.core.events import Done, Event, Notice, Progress, Token
from app.core.locations import Location
from app.docs import read_document
from app.llm.client import GenerationParams
from app.llm.prompts import TaskPrompt
from app.tasks.assistant import Assistant


class SummaryStyle(StrEnum):
    GIST = "gist"
    BULLETS = "bullets"
    SECTIONS = "sections"


STYLE_INSTRUCTIONS = {
    SummaryStyle.GIST: "위 내용을 세 문장으로 요약하세요.",
    SummaryStyle.BULLETS: "위 내용의 요점을 글머리표(-)로 3~5개 정리하세요.",
    SummaryStyle.SECTIONS: "위 내용을 부분별로 나누어 각 부분을 한두 문장으로 요약하세요.",
}
STYLE_CUES = {
    SummaryStyle.GIST: "[세 줄 요약]",
    SummaryStyle.BULLETS: "[요약]",
    SummaryStyle.SECTIONS: "[부분별 요약]",
}
MAX_NEW_TOKENS = 320


@dataclass(frozen=True)
class SourceSentence:
    text: str
    location: Location


def pick_sources(doc: Document, budget_tokens: int, count_tokens: Callable[[str], int]) -> list[SourceSentence]:
    """The document's blocks, in order, as many as fit ``budget_tokens``."""
    picked: list[SourceSentence] = []
    used = 0
    for block in doc.blocks:
        text = block.text.strip()
        if not text:
            continue
        cost = count_tokens(text) + 2
        if used + cost > budget_tokens:
            break
        picked.append(SourceSentence(text, block.location))
        used += cost
    return picked


def build_prompt(doc: Document, sources: list[SourceSentence], style: SummaryStyle) -> TaskPrompt:
    body = "\n".join(s.text for s in sources)
    return TaskPrompt(
        system="당신은 한국어 문서를 요약하는 도우미입니다. 문서에 있는 사실만 쓰고, 문서에 없는 내용은 쓰지 않습니다.",
        content=f"[원문: {doc.title}]\n{body}",
        instruction=STYLE_INSTRUCTIONS[style],
        cue=STYLE_CUES[style],
        stop=("\n[",),
    )


def summarize(
    assistant: Assistant,
    path: Path,
    style: SummaryStyle = SummaryStyle.BULLETS,
    *,
    cancel: CancelToken | None = None,
) -> Iterator[Event]:
    cancel = cancel or CancelToken()
    yield Progress("문서 읽는 중", 0.0)
    doc = read_document(path, cancel=cancel)
    yield from summarize_document(assistant, doc, style, cancel=cancel)


def summarize_document(
    assistant: Assistant,
    doc: Document,
    style: SummaryStyle = SummaryStyle.BULLETS,
    *,
    cancel: CancelToken | None = None,
) -> Iterator[Event]:
    cancel = cancel or CancelToken()
    if not doc.text.strip():
        raise EmptyDocument(doc.path)
    budget = assistant.content_budget(MAX_NEW_TOKENS)
    sources = pick_sources(doc, budget, assistant.count_tokens)
    if len(sources) < sum(1 for b in doc.blocks if b.text.strip()):
        yield Notice(f"문서가 길어 앞부분 {len(sources)}개 문단만 요약에 사용했습니다.")
    prompt = build_prompt(doc, sources, style)
    params = GenerationParams(max_tokens=MAX_NEW_TOKENS, temperature=0.2, repeat_penalty=1.15)
    parts: list[str] = []
    for event in assistant.stream(prompt, params, cancel, "문서 내용을 모델에 넣는 중"):
        if isinstance(event, Token):
            parts.append(event.text)
        yield event
    text = "".join(parts).strip()
    yield Done(
        text,
        {
            "file": str(doc.path),
            "title": doc.title,
            "format": doc.format,
            "style": style.value,
            "model": assistant.model.name,
            "summary": text,
            "sources": [{"text": s.text, "location": s.location.to_dict()} for s in sources],
        },
    )
