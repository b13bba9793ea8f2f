"""Check generated text sentence by sentence while it streams in."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from app.core.events import SentenceVerdict
from app.text.support import SupportChecker, Verdict

# List markers a model writes before a point ("1.", "-", "가.", "(1)") are layout, not claims.
_LIST_MARKER = re.compile(r"^\s*(?:[-*•·▪◦]|\(?\d{1,2}[.)]|\(?[가-하][.)]|\(\d{1,2}\)|\([가-하]\))\s+")


def sentence_verdict(index: int, text: str, result: Verdict) -> SentenceVerdict:
    """The event for one generated sentence the support checker judged."""
    return SentenceVerdict(
        index=index,
        text=text,
        label=result.label,
        reasons=tuple(result.reasons),
        source=result.source_index + 1 if result.source_index is not None else None,
        span=result.span,
    )


def claim_judge(passages: Sequence[str]) -> Callable[[str], Verdict]:
    """Judge a generated sentence against ``passages``, its list marker left out (see ``AnswerWatch``)."""
    checker = SupportChecker(passages)

    def judge(sentence: str) -> Verdict:
        return checker.check(_LIST_MARKER.sub("", sentence))

    return judge
