"""What a sentence asserts, in the terms the support checker compares: content words, names, numbers, polarity."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from app.text.numbers import Quantity, find_quantities

NOUN_TAGS = frozenset({"NNG", "NNP", "XR", "SL", "SH"})
VERB_TAGS = frozenset({"VV", "VA"})
ENTITY_TAGS = frozenset({"NNP", "SL", "SH"})
# Words that carry grammar rather than content; polarity of 있/없 is tracked separately.
LIGHT_STEMS = frozenset({"하", "되", "있", "없", "않", "이", "아니", "같", "말"})
LIGHT_NOUNS = frozenset({"것", "수", "등", "때", "중", "바", "점", "경우", "이후", "이전", "당시", "관련"})
NEGATING_ADVERBS = frozenset({"안", "못"})
NEGATING_AUXILIARIES = frozenset({"않", "못하", "말"})
_PARTICLE_TAGS = frozenset({"JKS", "JKO", "JKB", "JKC", "JKG", "JX", "JC", "XSN"})
_VERB_SUFFIX_TAGS = frozenset({"XSV", "XSA"})
_LIGHT_VERBS = frozenset({"하", "되", "당하", "받", "시키", "드리"})
_CHAIN_ENDINGS = frozenset({"어", "아", "게", "고", "어야", "아야"})


@dataclass(frozen=True)
class Tok:
    form: str
    tag: str
    """Kiwi's tag without the irregular-conjugation mark (``VA-I`` → ``VA``)."""
    start: int
    end: int


@dataclass(frozen=True)
class Predicate:
    """A verb, adjective or ``noun + 하다/이다`` with its polarity and the noun right before it."""

    key: str
    negated: bool
    argument: str | None
    text: str


@dataclass
class ClaimFacts:
    nouns: set[str] = field(default_factory=set)
    verbs: set[str] = field(default_factory=set)
    free_nouns: set[str] = field(default_factory=set)
    """Nouns not used as a predicate (공개 in 공개했다 is a predicate): what the sentence talks about."""
    entities: list[str] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    predicates: list[Predicate] = field(default_factory=list)
    compact: str = ""
    """Lower-cased text without spaces, for substring matches that survive different word splits."""

    @property
    def content_words(self) -> set[str]:
        return self.nouns | self.verbs


def merge_facts(parts: Sequence[ClaimFacts]) -> ClaimFacts:
    merged = ClaimFacts(compact="\n".join(p.compact for p in parts))
    for part in parts:
        merged.nouns |= part.nouns
        merged.verbs |= part.verbs
        merged.free_nouns |= part.free_nouns
        merged.entities += part.entities
        merged.quantities += part.quantities
        merged.predicates += part.predicates
    return merged


def compact(text: str) -> str:
    return "".join(text.lower().split())


def to_toks(tokens: Sequence[Any], offset: int = 0) -> list[Tok]:
    """Kiwi tokens as ``Tok`` with offsets shifted by ``-offset``."""
    out: list[Tok] = []
    for t in tokens:
        start = int(t.start) - offset
        out.append(Tok(str(t.form).lower(), str(t.tag).split("-")[0], start, start + int(t.len)))
    return out


def facts_from_tokens(text: str, tokens: Sequence[Any], offset: int = 0) -> ClaimFacts:
    """Facts of ``text``; ``tokens`` are Kiwi tokens whose ``start`` is ``offset`` + index into ``text``."""
    toks = to_toks(tokens, offset)
    facts = ClaimFacts(compact=compact(text), quantities=find_quantities(text))
    for i, tok in enumerate(toks):
        if tok.tag in NOUN_TAGS and tok.form not in LIGHT_NOUNS:
            facts.nouns.add(tok.form)
            if i + 1 >= len(toks) or toks[i + 1].tag not in _VERB_SUFFIX_TAGS:
                facts.free_nouns.add(tok.form)
            if tok.tag in ENTITY_TAGS and (len(tok.form) >= 2 or tok.tag == "SH"):
                # The surface, not the lemma: Kiwi reads 네만 강 as 네마 + ㄴ, but 네마 is not in the text.
                surface = text[tok.start : tok.end].lower()
                facts.entities.append(surface if len(surface) >= len(tok.form) else tok.form)
        elif tok.tag in VERB_TAGS and tok.form not in LIGHT_STEMS:
            facts.verbs.add(verb_key(tok.form))
    facts.predicates = find_predicates(text, toks)
    return facts


def verb_key(stem: str) -> str:
    """그럴듯하 → 그럴듯, 포함되 → 포함: Kiwi splits such words either way, so compare the root."""
    if len(stem) > 1 and stem[-1] in ("하", "되"):
        return stem[:-1]
    return stem


def find_predicates(text: str, toks: Sequence[Tok]) -> list[Predicate]:
    found: list[Predicate] = []
    for i in range(len(toks)):
        head = _predicate_head(toks, i)
        if head is None:
            continue
        key, negated, head_index = head
        if head_index > 0 and _is_negating_adverb(toks[head_index - 1]):
            negated = True
        last = _negation_after(toks, i)
        if last is not None:
            negated = not negated
        end = toks[last if last is not None else i].end
        while end < len(text) and not text[end].isspace() and text[end] not in ",.?!\"'”’)":
            end += 1
        text_start = toks[head_index].start
        found.append(Predicate(key, negated, _argument_before(toks, head_index), text[text_start:end]))
    return found


def _predicate_head(toks: Sequence[Tok], i: int) -> tuple[str, bool, int] | None:
    tok = toks[i]
    previous = toks[i - 1] if i > 0 else None
    if tok.tag in VERB_TAGS:
        if tok.form == "없":
            return "있", True, i
        before = toks[i - 2] if i > 1 else None
        negated_by_adverb = previous is not None and _is_negating_adverb(previous)
        if tok.form == "하" and negated_by_adverb and before is not None and (before.tag, before.form) == ("EC", "지"):
            return None  # "가지 못했다": 못하 negates the verb before 지, it is not a predicate of its own.
        if tok.form in ("하", "되") and negated_by_adverb and before is not None and before.tag in NOUN_TAGS:
            return before.form, True, i - 2  # "공개 안 했다", "공개 못 했다"
        if tok.form in _LIGHT_VERBS and previous is not None and previous.tag == "NNG" and previous.end == tok.start:
            return previous.form, False, i - 1  # 퇴출당하다 is split either as NNG+VV or NNG+XSV
        particle_before = previous is not None and previous.tag in ("JX", "JKO")
        if tok.form == "하" and particle_before and before is not None and before.tag == "NNG":
            return before.form, False, i - 2  # "충원은 하지 않다" says the same as "충원하지 않다"
        return verb_key(tok.form), False, i
    if tok.tag == "VX" and tok.form not in NEGATING_AUXILIARIES and _negation_after(toks, i) is not None:
        chained = previous is not None and previous.tag == "EC" and previous.form in _CHAIN_ENDINGS
        if not chained:  # "소리라 보지 않다": Kiwi tags a main verb VX after some endings
            return tok.form, False, i
    if tok.tag in _VERB_SUFFIX_TAGS and previous is not None:
        if previous.tag in NOUN_TAGS:
            return previous.form, False, i - 1
        if previous.tag == "XSN" and i > 1 and toks[i - 2].tag in NOUN_TAGS:  # 암호화되다
            return toks[i - 2].form + previous.form, False, i - 2
    if tok.tag in ("VCP", "VCN"):
        j = i - 1
        while j >= 0 and toks[j].tag in ("JKC", "JKS", "JX"):
            j -= 1
        if j >= 0 and toks[j].tag in NOUN_TAGS:
            return "이다:" + toks[j].form, tok.tag == "VCN", j
    return None


def _is_negating_adverb(tok: Tok) -> bool:
    return tok.tag == "MAG" and tok.form in NEGATING_ADVERBS


def _negation_after(toks: Sequence[Tok], i: int) -> int | None:
    """Index of the token that negates predicate ``i`` (``-지 않다``, ``-지 못하다``, ``-지는 않다`` …).

    Auxiliary chains in between are skipped (이루어지지 않다, 알려지지 못했다).
    """
    j = i + 1
    while True:
        while j < len(toks) and toks[j].tag == "EP":
            j += 1
        if (
            j + 1 < len(toks)
            and toks[j].tag == "EC"
            and toks[j].form in _CHAIN_ENDINGS
            and toks[j + 1].tag == "VX"
            and toks[j + 1].form not in NEGATING_AUXILIARIES
        ):
            j += 2
            continue
        break
    if j >= len(toks) or toks[j].tag != "EC" or toks[j].form != "지":
        return None
    j += 1
    while j < len(toks) and toks[j].tag in ("JX", "JKS", "JKO"):
        j += 1
    if j >= len(toks):
        return None
    nxt = toks[j]
    if nxt.tag in ("VX", "VV", "VA") and nxt.form in NEGATING_AUXILIARIES:
        return j
    if nxt.tag == "MAG" and nxt.form == "못" and j + 1 < len(toks) and toks[j + 1].form == "하":
        return j + 1
    return None


def _argument_before(toks: Sequence[Tok], head_index: int) -> str | None:
    """The noun the predicate most directly governs: the last noun of the word group before it."""
    j = head_index - 1
    while j >= 0 and (toks[j].tag in _PARTICLE_TAGS or _is_negating_adverb(toks[j])):
        j -= 1
    if j < 0:
        return None
    if toks[j].tag in NOUN_TAGS:
        return toks[j].form
    if toks[j].tag == "NNB" and j > 0:  # "볼 수 없다": the bound noun with the word it completes
        before = toks[j - 2] if j > 1 and toks[j - 1].tag == "ETM" else toks[j - 1]
        return f"{before.form} {toks[j].form}"
    return None
