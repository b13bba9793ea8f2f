"""초안 and 질문 without documents: the model answers the user's own words.

The library-grounded 질문 and the template-driven 초안 build on this; both keep the same event shape.
"""

from __future__ import annotations

from collections.abc import Iterator

from app.core.cancel import CancelToken
from app.core.errors import BaroError
from app.core.events import Done, Event, Token
from app.llm.client import GenerationParams
from app.llm.prompts import TaskPrompt
from app.tasks.assistant import Assistant

MAX_INPUT_CHARS = 4000


def _run(assistant: Assistant, prompt: TaskPrompt, cancel: CancelToken, kind: str) -> Iterator[Event]:
    parts: list[str] = []
    params = GenerationParams(max_tokens=400, temperature=0.4, repeat_penalty=1.15)
    for event in assistant.stream(prompt, params, cancel, "요청을 읽는 중"):
        if isinstance(event, Token):
            parts.append(event.text)
        yield event
    text = "".join(parts).strip()
    yield Done(text, {"kind": kind, "model": assistant.model.name, "text": text})


def _checked(text: str) -> str:
    text = text.strip()
    if not text:
        raise BaroError("내용을 입력해 주세요.")
    if len(text) > MAX_INPUT_CHARS:
        raise BaroError(f"입력이 너무 깁니다 ({len(text):,}자). {MAX_INPUT_CHARS:,}자 이내로 줄여 주세요.")
    return text


def ask(assistant: Assistant, question: str, *, cancel: CancelToken | None = None) -> Iterator[Event]:
    question = _checked(question)
    prompt = TaskPrompt(
        system="당신은 정확하고 간결하게 답하는 한국어 도우미입니다. 모르면 모른다고 말합니다.",
        content=f"질문: {question}",
        instruction="한국어로 간결하게 답하세요.",
        cue="답변:",
    )
    return _run(assistant, prompt, cancel or CancelToken(), "ask")
