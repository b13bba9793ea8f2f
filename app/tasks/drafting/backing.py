"""No unbacked model sentence in a draft: each is checked before it is shown, and one the user's input does
not back gives way to the user's own 요점.

The support checker judges every sentence the model wrote for a point against the user's fields and the
reference documents. An "unsupported" sentence never reaches the draft: when backed sentences of the same
point remain (and keep the point's figures and names) they stand alone; otherwise the point itself, in
the template's register, takes the place of the model's text, so the draft stays correct, only plainer.
Every such change is returned as a ``Replacement`` for the result to list.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.store.templates import Template
from app.tasks.drafting.writer import Piece, fallback, keeps_facts
from app.text.support import SupportChecker

_SHOWN_CHARS = 80


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
        if verdict.label == "unsupported":
            dropped.append((sentence, tuple(verdict.reasons[:2])))
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


def _shorten(text: str) -> str:
    return text if len(text) <= _SHOWN_CHARS else f"{text[: _SHOWN_CHARS - 1]}…"
