"""What the model is given for a question (numbered passages, then the question), how long it may answer,
and the labels it sometimes echoes ("정답:") taken off its answer."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.llm.engine_api import GenerationParams
from app.llm.prompts import PromptFormat, TaskPrompt
from app.tasks.ask.session import Source

MAX_NEW_TOKENS = 160
BASE_MAX_NEW_TOKENS = 80
ANSWER_STOPS = ("\n\n", "\n질문", "\n근거", "\n정답", "\n답변", "\n답:", "\n[")
ANSWER_EXAMPLE = "질문: 다음 회의는 어디에서 열리나요?\n근거: 다음 회의는 4월 12일 본사 대회의실에서 열린다.\n\n정답:\n본사 대회의실\n\n"
"""One worked question ahead of the passages, for base models: a pattern to continue, the same for every
question so it is part of the cached prefix. bench/answer.py with Gemma 3 270M: the model's answers containing
the gold answer went from 0.385 to 0.520 (200 KorQuAD questions); two examples did worse than one (0.45 vs
0.48 on 100)."""


def build_prompt(sources: Sequence[Source], question: str, evidence: str = "", *, example: bool = False) -> TaskPrompt:
    """Numbered passages first, the question last: a follow-up shares everything up to its question.

    ``evidence`` (the sentence that best matches the question) follows the question: measured on 30 KorQuAD
    questions with Gemma 3 270M, answers containing the gold answer rose from 0.20 to 0.47 with it.
    ``example`` puts one worked question in front (for base models, which follow a pattern, not an instruction).
    """
    passages = "\n\n".join(f"[{s.number}] {s.passage.title}\n{s.passage.text}" for s in sources)
    hint = f"\n근거: {evidence}" if evidence else ""
    return TaskPrompt(
        system="당신은 주어진 자료만 근거로 한국어로 답하는 도우미입니다. 자료에 없는 내용은 지어내지 않습니다.",
        content=f"{ANSWER_EXAMPLE if example else ''}{passages}\n\n질문: {question}{hint}",
        instruction="위 자료만 근거로 간결하게 답하고, 문장마다 근거 자료 번호를 [1]처럼 붙이세요.",
        cue="정답:",
        stop=ANSWER_STOPS,
    )


def answer_params(prompt_format: PromptFormat, temperature: float) -> GenerationParams:
    # A base model answers on one line and then wanders into new "questions": stop it at the line's end.
    base = prompt_format is PromptFormat.COMPLETION
    return GenerationParams(
        max_tokens=BASE_MAX_NEW_TOKENS if base else MAX_NEW_TOKENS,
        temperature=temperature,
        repeat_penalty=1.1,
        stop=("\n",) if base else (),
    )


_ECHOED_LABELS = ("정답", "답변", "답", "근거")
_ECHOED_LABEL = re.compile(rf"^\s*({'|'.join(_ECHOED_LABELS)})\s*[:：]\s*")


def clean_answer(raw: str) -> str:
    """The answer without an echoed label ("정답:", "근거:")."""
    return _ECHOED_LABEL.sub("", raw.strip()).strip()


class LabelTrim:
    """Streams an answer without an echoed leading label: its first characters wait until they cannot be one."""

    def __init__(self) -> None:
        self._held = ""
        self._open = False

    def feed(self, text: str) -> str:
        if self._open:
            return text
        self._held += text
        head = self._held.lstrip()
        if len(head) < 5 and any(head.startswith(label) or label.startswith(head) for label in _ECHOED_LABELS):
            return ""
        return self.flush()

    def flush(self) -> str:
        """What is still held back (at the end of the answer, or once it is clearly not a label)."""
        if self._open:
            return ""
        self._open = True
        return _ECHOED_LABEL.sub("", self._held, count=1)
