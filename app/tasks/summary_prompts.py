"""What the model is asked for each summary style and length."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.llm.prompts import TaskPrompt


class SummaryStyle(StrEnum):
    GIST = "gist"
    BULLETS = "bullets"
    SECTIONS = "sections"


class SummaryLength(StrEnum):
    SHORT = "short"
    MEDIUM = "medium"
    LONG = "long"


MAX_NEW_TOKENS = {SummaryLength.SHORT: 140, SummaryLength.MEDIUM: 260, SummaryLength.LONG: 420}
POINTS = {SummaryLength.SHORT: "3개", SummaryLength.MEDIUM: "5개", SummaryLength.LONG: "7~8개"}
POINT_COUNT = {SummaryLength.SHORT: 3, SummaryLength.MEDIUM: 5, SummaryLength.LONG: 8}
GIST_SENTENCES = 3

SYSTEM = (
    "당신은 한국어 문서를 요약하는 도우미입니다. 주어진 문장에 있는 사실만 쓰고, "
    "없는 내용이나 숫자는 지어내지 않습니다. 부정문(않았다, 없다)의 뜻을 바꾸지 않습니다."
)


@dataclass(frozen=True)
class SummaryRequest:
    style: SummaryStyle = SummaryStyle.BULLETS
    length: SummaryLength = SummaryLength.MEDIUM

    @property
    def max_new_tokens(self) -> int:
        return MAX_NEW_TOKENS[self.length]

    @property
    def target_sentences(self) -> int | None:
        """The sentences asked for: generation stops once they are written (sections ask for no number)."""
        if self.style == SummaryStyle.GIST:
            return GIST_SENTENCES
        if self.style == SummaryStyle.BULLETS:
            return POINT_COUNT[self.length]
        return None


def instruction(request: SummaryRequest) -> str:
    if request.style == SummaryStyle.GIST:
        return "위 문장들을 바탕으로 문서 전체를 세 문장으로 요약하세요. 한 줄에 한 문장씩 씁니다."
    if request.style == SummaryStyle.SECTIONS:
        return "위 문장들을 부분별로 묶어, 부분마다 짧은 제목과 한두 문장 요약을 쓰세요."
    return f"위 문장들을 바탕으로 문서의 요점을 글머리표(-) {POINTS[request.length]}로 정리하세요."


# For base models (completion format) the heading under the numbered sentences is the only steer.
# bench/prompt_choice.py scores the shapes on Gemma 3 270M (Hangul share × support × variety). On 12
# documents × 2 seeds this one scored 0.700, a bare "[원문] … [요약]" 0.546, the chat-turn instruction 0.502
# (on 3 documents "[원문] … [요약]" had led, 0.69 vs 0.61: too few to choose by).
CUES = {
    SummaryStyle.GIST: "세 줄 요약:",
    SummaryStyle.BULLETS: "한 문단 요약:",
    SummaryStyle.SECTIONS: "부분별 요약:",
}


def numbered(sentences: list[str]) -> str:
    return "\n".join(f"{i}. {s}" for i, s in enumerate(sentences, 1))


def summary_prompt(title: str, sentences: list[str], request: SummaryRequest) -> TaskPrompt:
    return TaskPrompt(
        system=SYSTEM,
        content=f"다음은 「{title}」의 핵심 문장이다.\n{numbered(sentences)}",
        instruction=instruction(request),
        cue=CUES[request.style],
    )


def merge_prompt(title: str, partials: list[str], request: SummaryRequest) -> TaskPrompt:
    """The reduce step: partial summaries of consecutive parts become one summary."""
    return TaskPrompt(
        system=SYSTEM,
        content=f"다음은 「{title}」의 각 부분을 요약한 글이다.\n{numbered(partials)}",
        instruction=instruction(request),
        cue=CUES[request.style],
    )
