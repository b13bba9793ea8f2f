"""The two kinds of index terms Korean needs, and the FTS5 queries built from them.

Korean glues particles and endings to words (서울 / 서울에서), so whitespace tokens miss. The index keeps
two views of every chunk: content morphemes from Kiwi (서울, 만나) and character bigrams of each Hangul
run (서울, 울에, 에서), which also catch words Kiwi splits differently or does not know. Both are stored
space-joined, so FTS5's ``unicode61`` tokenizer only has to split on spaces.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.text.kiwi import kiwi

CONTENT_TAGS = frozenset({"NNG", "NNP", "NNB", "NR", "NP", "SL", "SN", "SH", "VV", "VA", "XR", "MAG", "MM"})
"""Nouns, numerals, pronouns, foreign words, numbers, hanja, verb and adjective stems, roots, adverbs."""

# Hangul syllables and jamo, CJK ideographs: scripts without spaces inside words, indexed as bigrams.
_BIGRAM_SCRIPT = r"\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUN = re.compile(rf"[{_BIGRAM_SCRIPT}]+|[^\W{_BIGRAM_SCRIPT}_]+")
_BIGRAM_RUN = re.compile(rf"[{_BIGRAM_SCRIPT}]+")
_IDENTIFIER = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]{1,6})[-‐]?(\d{1,6})(?![0-9])|제\s?(\d{1,4})\s?([조항호장절])")
"""Codes and article numbers (DH-220, E32, K64, 제12조): Kiwi splits them into a common letter and a common
number (DH + 220, 제 + 12 + 조), so each is also indexed whole, as one term (dh220, 제12조)."""


@dataclass(frozen=True)
class Terms:
    """One text's index terms: content morphemes in order, and character bigrams."""

    morphemes: tuple[str, ...]
    adjacent_pairs: tuple[tuple[str, str], ...]
    """Content morphemes that touch in the text (지명+수배 in 지명수배), used as phrase queries."""
    bigrams: tuple[str, ...]

    @property
    def morpheme_text(self) -> str:
        return " ".join(self.morphemes)

    @property
    def bigram_text(self) -> str:
        return " ".join(self.bigrams)


def char_bigrams(text: str) -> list[str]:
    """Bigrams of each Hangul/CJK run; other letters and digits stay whole lower-cased words."""
    out: list[str] = []
    for match in _RUN.finditer(text.lower()):
        run = match.group()
        if len(run) > 1 and _BIGRAM_RUN.fullmatch(run):
            out.extend(run[i : i + 2] for i in range(len(run) - 1))
        else:
            out.append(run)
    return out


def _terms_from_tokens(text: str, tokens: Sequence[Any]) -> Terms:
    morphemes: list[str] = []
    pairs: list[tuple[str, str]] = []
    previous: Any = None
    for token in tokens:
        if token.tag not in CONTENT_TAGS:
            previous = None
            continue
        form = str(token.form).lower()
        if not _has_word_character(form):
            previous = None
            continue
        morphemes.append(form)
        if previous is not None and int(previous.start) + int(previous.len) == int(token.start):
            pairs.append((str(previous.form).lower(), form))
        previous = token
    morphemes.extend(identifiers(text))
    return Terms(tuple(morphemes), tuple(pairs), tuple(char_bigrams(text)))


def identifiers(text: str) -> list[str]:
    """The codes and article numbers in ``text``, each as one lower-case term without its hyphen."""
    return [(f"{m[1]}{m[2]}" if m[1] else f"제{m[3]}{m[4]}").lower() for m in _IDENTIFIER.finditer(text)]


def _has_word_character(form: str) -> bool:
    return any(ch.isalnum() for ch in form)


def analyse_texts(texts: Sequence[str]) -> list[Terms]:
    """Terms for many texts at once; Kiwi spreads a batch over its worker threads."""
    if not texts:
        return []
    token_lists = kiwi().tokenize(list(texts))
    return [_terms_from_tokens(text, tokens) for text, tokens in zip(texts, token_lists, strict=True)]


def analyse_text(text: str) -> Terms:
    return _terms_from_tokens(text, kiwi().tokenize(text))


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def morpheme_query(terms: Terms) -> str:
    """An FTS5 OR-query of the content morphemes plus their adjacent pairs as phrases ("" when empty)."""
    parts = [_quote(m) for m in dict.fromkeys(terms.morphemes)]
    parts += [_quote(f"{a} {b}") for a, b in dict.fromkeys(terms.adjacent_pairs)]
    return " OR ".join(parts)


def bigram_query(terms: Terms) -> str:
    """An FTS5 OR-query of the distinct character bigrams ("" when empty)."""
    return " OR ".join(_quote(g) for g in dict.fromkeys(terms.bigrams))
