"""Morpheme analysis: content words for matching, with the tags that matter for meaning."""

from __future__ import annotations

from dataclasses import dataclass

from app.text.kiwi import kiwi
from app.text.sentences import analysis_pieces

CONTENT_TAGS = frozenset({"NNG", "NNP", "NNB", "NR", "SL", "SN", "SH", "VV", "VA", "XR", "MAG", "NP"})


@dataclass(frozen=True)
class Morpheme:
    form: str
    tag: str
    start: int
    length: int


def analyse(text: str) -> list[Morpheme]:
    """Kiwi's morphemes of ``text``, offsets into ``text``; read in pieces so a long text costs linear time."""
    pieces = analysis_pieces(text)
    if len(pieces) == 1:
        return [Morpheme(t.form, t.tag, int(t.start), int(t.len)) for t in kiwi().tokenize(text)]
    tokenized = kiwi().tokenize([text[a:b] for a, b in pieces])
    return [
        Morpheme(t.form, t.tag, offset + int(t.start), int(t.len))
        for (offset, _), tokens in zip(pieces, tokenized, strict=True)
        for t in tokens
    ]


def content_forms(text: str) -> list[str]:
    """Lower-cased content morphemes (nouns, verb/adjective stems, numbers, foreign words)."""
    return [m.form.lower() for m in analyse(text) if m.tag in CONTENT_TAGS]
