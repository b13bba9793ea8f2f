"""빠른 질문 without the library: the model answers a short question in its own words.

The popup uses ``app.tasks.ask`` when the library toggle is on; this is the other half, for a question
about nothing in particular ("이 문장 맞춤법 맞아?"). The answer is the model's alone, so the popup says so.
"""

from __future__ import annotations

from collections.abc import Iterator

from app.core.cancel import CancelToken
from app.core.events import Done, Event, Notice
from app.llm.engine_api import GenerationParams
from app.llm.prompts import TaskPrompt
from app.tasks.answer_watch import BETTER_MODEL, AnswerWatch
from app.tasks.ask import checked_question, clean_answer
from app.tasks.assistant import Assistant
from app.tasks.guarding import fixed_answer
from app.tasks.results import QuickAnswerResult

MAX_NEW_TOKENS = 240
STOPS = ("\n\n\n", "\n질문:", "\n질문 :")


def quick_prompt(question: str) -> TaskPrompt:
    return TaskPrompt(
        system="당신은 정확하고 간결하게 답하는 한국어 업무 도우미입니다. 모르면 모른다고 말합니다.",
        content=f"질문: {question}",
        instruction="한국어로 짧고 정확하게 답하세요.",
        cue="정답:",
        stop=STOPS,
    )


def answer_question(assistant: Assistant, question: str, *, cancel: CancelToken | None = None) -> Iterator[Event]:
    """Stream the model's answer to ``question``; ``Done.result`` is a ``QuickAnswerResult``."""
    question = checked_question(question)
    fixed = fixed_answer(question)
    if fixed is not None:
        yield fixed  # Baro's answer to a guarded topic comes first; the model's words follow, checked as usual
    cancel = cancel or CancelToken()
    params = GenerationParams(max_tokens=MAX_NEW_TOKENS, temperature=assistant.temperature, repeat_penalty=1.15)
    watch = AnswerWatch(source=question)
    yield from assistant.stream(quick_prompt(question), params, cancel, "질문을 읽는 중", watch=watch)
    text = clean_answer(watch.kept_text if watch.acting else watch.raw)
    if watch.withdrawn and not text:
        yield Notice(
            f"모델이 같은 말을 되풀이해 답을 멈췄습니다. 질문을 바꾸어 보세요 — {BETTER_MODEL}", BETTER_MODEL, "models"
        )
    yield Done(text, QuickAnswerResult(question, text, assistant.model.name, fixed))
