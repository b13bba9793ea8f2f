"""Check generated text sentence by sentence while it streams in."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from app.core.events import SentenceVerdict
from app.text.sentences import split_sentences
from app.text.support import SupportChecker, Verdict

_BOUNDARY_CHARS = frozenset(".!?。\n")
# List markers a model writes before a point ("1.", "-", "가.", "(1)") are layout, not claims.
_LIST_MARKER = re.compile(r"^\s*(?:[-*•·▪◦]|\(?\d{1,2}[.)]|\(?[가-하][.)]|\(\d{1,2}\)|\([가-하]\))\s+")


def sentence_verdict(index: int, text: str, result: Verdict) -> SentenceVerdict:
    """The event for one generated sentence the support checker judged."""
    return SentenceVerdict(
        index=index,
        text=text,
        label=result.label,
        reasons=tuple(result.reasons),
        quote=result.source_index,
        span=result.span,
    )


class StreamingVerdicts:
    """Feed tokens; get a verdict for each sentence as soon as the next one has begun."""

    def __init__(self, passages: Sequence[str]) -> None:
        self._checker = SupportChecker(passages)
        self._text = ""
        self._done = 0
        self.verdicts: list[SentenceVerdict] = []

    def feed(self, token: str) -> list[SentenceVerdict]:
        self._text += token
        if not any(c in _BOUNDARY_CHARS for c in token):
            return []
        sentences = split_sentences(self._text)
        return self._check([s.text for s in sentences[:-1]])

    def finish(self) -> list[SentenceVerdict]:
        return self._check([s.text for s in split_sentences(self._text)])

    def _check(self, sentences: list[str]) -> list[SentenceVerdict]:
        fresh: list[SentenceVerdict] = []
        for text in sentences[self._done :]:
            claim = _LIST_MARKER.sub("", text)
            item = sentence_verdict(len(self.verdicts), text, self._checker.check(claim))
            self.verdicts.append(item)
            fresh.append(item)
        self._done = max(self._done, len(sentences))
        return fresh


def claim_judge(passages: Sequence[str]) -> Callable[[str], Verdict]:
    """Judge a generated sentence against ``passages``, its list marker left out (see ``AnswerWatch``)."""
    checker = SupportChecker(passages)

    def judge(sentence: str) -> Verdict:
        return checker.check(_LIST_MARKER.sub("", sentence))

    return judge
