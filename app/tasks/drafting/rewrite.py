"""Rewrite a selected passage: 더 짧게 / 더 공손하게 / 개조식으로.

개조식 and politeness are rules (sentence endings and request forms, done by morphemes); shortening asks
the model first and keeps its answer only when it is shorter and keeps the passage's content words,
otherwise each line keeps its first sentence. The line structure (markers, indentation) survives.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from enum import StrEnum
from typing import Literal

from app.core.cancel import CancelToken
from app.core.errors import BaroError
from app.core.events import Done, Event, Progress, Token, Withdraw
from app.core.streamed import StreamedText
from app.llm.engine_api import GenerationParams
from app.llm.prompts import TaskPrompt
from app.tasks.assistant import Assistant
from app.tasks.results import RewriteResult
from app.text.korean_format import Register, clean_inline, parse_marker, to_register
from app.text.korean_format.registers import polite_request, split_plain_sentences
from app.text.morphemes import content_forms

MAX_REWRITE_CHARS = 2000
_FILLER = re.compile(r"\s*(?:매우|정말|아주|굉장히|대단히|상당히|다소|약간|특히|한편|또한|그리고|아울러)(?=\s)")


class RewriteStyle(StrEnum):
    SHORTER = "더 짧게"
    POLITER = "더 공손하게"
    GAEJO = "개조식으로"


def rewrite_text(text: str, style: RewriteStyle) -> str:
    """The rule-based rewrite (no model): used directly for 개조식·공손, and as the fallback for 짧게."""
    return "\n".join(_rewrite_line(line, style) for line in text.split("\n"))


def _rewrite_line(line: str, style: RewriteStyle) -> str:
    if not line.strip():
        return line
    lead = line[: len(line) - len(line.lstrip())]
    body = line.strip()
    parsed = parse_marker(body)
    prefix = body[: len(body) - len(parsed.rest)] if parsed else ""
    rest = parsed.rest if parsed else body
    if style is RewriteStyle.GAEJO:
        rest = " ".join(to_register(s, Register.GAEJO) for s in split_plain_sentences(rest))
    elif style is RewriteStyle.POLITER:
        rest = " ".join(polite_request(s) or to_register(s, Register.HAPSYO) for s in split_plain_sentences(rest))
    else:
        sentences = split_plain_sentences(rest)
        rest = _FILLER.sub("", sentences[0] if sentences else rest).strip()
    return f"{lead}{prefix}{rest}"


def rewrite_passage(
    assistant: Assistant | None, text: str, style: RewriteStyle, *, cancel: CancelToken | None = None
) -> Iterator[Event]:
    cancel = cancel or CancelToken()
    if not text.strip():
        raise BaroError("바꿀 부분을 먼저 선택해 주세요.")
    if len(text) > MAX_REWRITE_CHARS:
        raise BaroError(f"선택한 부분이 너무 깁니다 ({len(text):,}자). {MAX_REWRITE_CHARS:,}자 이내로 선택해 주세요.")
    result = rewrite_text(text, style)
    source: Literal["rules", "model"] = "rules"
    if style is RewriteStyle.SHORTER and assistant is not None and "\n" not in text.strip():
        yield Progress("짧게 고치는 중", None)
        streamed = StreamedText()
        params = GenerationParams(max_tokens=80, temperature=assistant.temperature, repeat_penalty=1.15)
        for event in assistant.stream(_shorter_prompt(text), params, cancel, "문장을 모델에 넣는 중"):
            if isinstance(event, Token | Withdraw):
                streamed.add(event)
        candidate = clean_inline(" ".join(streamed.shown.split()))
        if _acceptable_shortening(text, candidate):
            result, source = candidate, "model"
    yield Token(result)
    yield Done(result, RewriteResult(result, style.value, source, text))


def _shorter_prompt(text: str) -> TaskPrompt:
    example = (
        "원문: 이번 회의는 여러 가지 사정으로 인해 부득이하게 다음 주 월요일 오전 10시로 변경되었음을 알려 드립니다.\n\n"
        "짧게:\n회의가 다음 주 월요일 10:00로 변경되었습니다."
    )
    return TaskPrompt(
        system="당신은 한국어 문장을 짧고 정확하게 다듬는 편집자입니다.",
        content=f"{example}\n\n원문: {text.strip()}",
        instruction="마지막 원문을 뜻은 그대로 두고 더 짧게 고쳐 쓰세요.",
        cue="짧게:",
        stop=("원문:", "\n\n"),
    )


def _acceptable_shortening(original: str, candidate: str) -> bool:
    if not candidate or len(candidate) >= 0.9 * len(original.strip()) or len(candidate) < 0.3 * len(original):
        return False
    before, after = set(content_forms(original)), set(content_forms(candidate))
    invented = after - before
    return bool(before & after) and len(before & after) >= 0.5 * len(after) and len(invented) <= 0.3 * len(after)
