"""No unbacked model sentence in a draft: each is checked before it is shown, and one the user's input does
not back gives way to the user's own 요점.

The support checker judges every sentence the model wrote for a point against the user's fields and the
reference documents. A sentence it finds unsupported, or one with a noun nobody gave (a new subject,
object or detail is a new fact, however well the rest matches), never reaches the draft: when backed sentences of the same
point remain (and keep the point's figures and names) they stand alone; otherwise the point itself, in
the template's register, takes the place of the model's text, so the draft stays correct, only plainer.
Every such change is returned as a ``Replacement`` for the result to list.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.store.templates import Template
from app.tasks.drafting.writer import Piece, fallback, keeps_facts
from app.text.support import SupportChecker

_SHOWN_CHARS = 80
FRAME_NOUNS = frozenset(
    {
        *("필요", "추진", "실시", "시행", "마련", "강화", "계획", "진행", "검토", "예정", "관련", "위해", "대상"),
        *("내용", "사항", "방안", "방침", "조치", "협조", "참고", "안내", "요청", "협의", "확인", "결과", "목적"),
    }
)
"""Nouns that frame a business sentence ("…을 추진할 계획임") without adding a fact of their own; any
other noun the user's input and references never use is a new fact (an invented 임원, 본사, 월요일)."""


@dataclass(frozen=True)
class Replacement:
    point: str
    """The user's 요점 the model was expanding."""
    sentence: str
    """The model's sentence that nothing backs (it is not in the draft)."""
    replaced_by: str
    """What stands in the draft instead: the point in the template's register, or '' when the point's
    other (backed) sentences stand alone."""
    reasons: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        """One Korean line for the CLI and the 초안 pane."""
        sentence = _shorten(self.sentence)
        if self.replaced_by:
            return f"근거 없는 문장 '{sentence}'을(를) 입력한 요점 '{_shorten(self.replaced_by)}'(으)로 바꿨습니다."
        return f"근거 없는 문장 '{sentence}'을(를) 뺐습니다 (요점: {_shorten(self.point)})."

    def to_json(self) -> dict[str, object]:
        return {
            "point": self.point,
            "sentence": self.sentence,
            "replaced_by": self.replaced_by,
            "reasons": list(self.reasons),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Replacement:
        def text(key: str) -> str:
            value = data.get(key)
            return value if isinstance(value, str) else ""

        reasons = data.get("reasons")
        listed = tuple(r for r in reasons if isinstance(r, str)) if isinstance(reasons, list) else ()
        return cls(text("point"), text("sentence"), text("replaced_by"), listed)


def keep_backed(
    piece: Piece, point: str, template: Template, checker: SupportChecker
) -> tuple[Piece, list[Replacement]]:
    """``piece`` without the sentences ``checker`` finds unsupported, and what was replaced."""
    if not piece.from_model or not piece.sentences:
        return piece, []
    backed: list[str] = []
    dropped: list[tuple[str, tuple[str, ...]]] = []
    for sentence in piece.sentences:
        verdict = checker.check(sentence)
        invented = [noun for noun in verdict.novel if noun not in FRAME_NOUNS]
        if verdict.label == "unsupported" or invented:
            reasons = verdict.reasons if verdict.label == "unsupported" else [_invented(invented)]
            dropped.append((sentence, tuple(reasons[:2])))
        else:
            backed.append(sentence)
    if not dropped:
        return piece, []
    if backed and keeps_facts(" ".join(backed), point):
        kept = Piece(" ".join(backed), True, piece.raw, tuple(backed))
        return kept, [Replacement(point, sentence, "", reasons) for sentence, reasons in dropped]
    # Backed sentences that would lose the point's figures or names alone give way to the point as well.
    plain = fallback(point, template)
    return Piece(plain, False, piece.raw), [
        Replacement(point, sentence, plain, reasons) for sentence, reasons in dropped
    ]


def _invented(nouns: list[str]) -> str:
    shown = ", ".join(f"'{n}'" for n in nouns[:4])
    return f"입력한 내용·참고 문서에 없는 말이 있습니다: {shown}."


def _shorten(text: str) -> str:
    return text if len(text) <= _SHOWN_CHARS else f"{text[: _SHOWN_CHARS - 1]}…"
