"""The question itself: what Baro accepts, and the content words it asks about."""

from __future__ import annotations

from app.core.errors import BaroError
from app.index.terms import analyse_text

MAX_QUESTION_CHARS = 1000
QUESTION_WORDS = frozenset(
    {"무엇", "무슨", "누구", "언제", "어디", "어느", "몇", "어떤", "어떠", "어떻", "왜", "얼마", "뭐", "무엇인가"}
)


class QuestionEmpty(BaroError):
    def __init__(self) -> None:
        super().__init__("질문을 입력해 주세요.")


class QuestionTooLong(BaroError):
    def __init__(self, length: int) -> None:
        super().__init__(f"질문이 너무 깁니다 ({length:,}자). {MAX_QUESTION_CHARS:,}자 이내로 줄여 주세요.")


def checked_question(question: str) -> str:
    question = " ".join(question.split())
    if not question:
        raise QuestionEmpty()
    if len(question) > MAX_QUESTION_CHARS:
        raise QuestionTooLong(len(question))
    return question


def question_terms(question: str) -> list[str]:
    """The question's content morphemes, without interrogatives (무엇, 언제 …) that answers never contain."""
    return [m for m in dict.fromkeys(analyse_text(question).morphemes) if m not in QUESTION_WORDS]
