"""What the support checker reads around numbers and predicates, beyond ``ClaimFacts``.

- Identifiers (제3조, K64, 코로나19, "(82-4-4)") compared as whole tokens.
- The role of each quantity: the nouns before it in its clause, the particle after it ("심사 기간은 30일까지"
  → {심사, 기간, @까지}), so that two figures swapped between their nouns are caught even though both
  figures occur in the source.
- Auxiliary chains with their polarity: "추진하고 있다" / "추진하고 없다", "지원하기도 한다" /
  "지원하기도 하지 않는다", "볼 수 있다" / "볼 수 없다". Plain predicates are ``claims.find_predicates``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from app.text.claims import NOUN_TAGS, ClaimFacts, Predicate, Tok, facts_from_tokens, merge_facts, to_toks, verb_key
from app.text.numbers import Identifier, Quantity, find_identifiers

_CHAIN_ENDINGS = frozenset({"고", "어", "아", "게", "어야", "아야", "어도", "아도"})
_NEGATORS = frozenset({"않", "못하", "말"})
_CLAUSE_BREAK_TAGS = frozenset({"SP", "SF", "EC", "EF", "SS", "SSO", "SSC"})
_HEAD_TAGS = frozenset({"VV", "VA", "XSV", "XSA"})


@dataclass
class SentenceFacts:
    facts: ClaimFacts
    identifiers: list[Identifier] = field(default_factory=list)
    roles: list[frozenset[str]] = field(default_factory=list)
    """One entry per ``facts.quantities``: what the figure is of (``quantity_roles``)."""
    chains: list[Predicate] = field(default_factory=list)
    """Predicates followed by an auxiliary, with the polarity of the whole chain."""


def analyse_sentence(text: str, tokens: Sequence[Any], offset: int = 0) -> SentenceFacts:
    facts = facts_from_tokens(text, tokens, offset)
    toks = to_toks(tokens, offset)
    identifiers = find_identifiers(text)
    return SentenceFacts(facts, identifiers, quantity_roles(text, toks, facts.quantities), auxiliary_chains(text, toks))


def merge_sentence_facts(parts: Sequence[SentenceFacts]) -> SentenceFacts:
    return SentenceFacts(
        merge_facts([p.facts for p in parts]),
        [i for p in parts for i in p.identifiers],
        [r for p in parts for r in p.roles],
        [c for p in parts for c in p.chains],
    )


def quantity_roles(text: str, toks: Sequence[Tok], quantities: Sequence[Quantity]) -> list[frozenset[str]]:
    """The nouns since the clause start or the previous figure of that unit, and the case particle after it.

    "오전 9시부터 오후 6시까지" gives 9시 {오전, @부터} and 6시 {오후, @까지}. The figure of another unit
    right after it counts too: in "1층에 312면, 2층에 288면" 1층 goes with #312. (Not the one before: a
    reordered phrase can land right after a date.)
    """
    roles: list[frozenset[str]] = []
    for number, quantity in enumerate(quantities):
        previous_end = max((q.end for q in quantities[:number] if q.unit == quantity.unit), default=-1)
        nouns: set[str] = set()
        for tok in toks:
            if tok.end > quantity.start:
                break
            if tok.tag in _CLAUSE_BREAK_TAGS or tok.start < previous_end:
                nouns.clear()
            elif tok.tag in NOUN_TAGS and not _inside(tok, quantities):
                nouns.add(tok.form)
        particle = _particle_after(toks, quantity, quantities)
        if particle:
            nouns.add("@" + particle)
        following = quantities[number + 1] if number + 1 < len(quantities) else None
        if (
            following
            and following.unit != quantity.unit
            and _NEIGHBOUR_GAP.fullmatch(text[quantity.end : following.start])
        ):
            nouns.add(f"#{following.value:g}{following.unit}")
        roles.append(frozenset(nouns))
    return roles


def _inside(tok: Tok, quantities: Sequence[Quantity]) -> bool:
    return any(q.start < tok.end and tok.start < q.end for q in quantities)


def _particle_after(toks: Sequence[Tok], quantity: Quantity, quantities: Sequence[Quantity]) -> str | None:
    """부터, 까지, 에서, (으)로 …: what a figure is the start, end or goal of; 은/는/이/가 say nothing of it."""
    for tok in toks:
        if tok.start < quantity.end:
            continue
        if _inside(tok, quantities) or tok.tag in ("SN", "NNB", "NR", "XSN") or tok.form in _APPROX_WORDS:
            continue
        if tok.tag in ("JKB", "JX") and tok.form in _ROLE_PARTICLES:
            return tok.form.removeprefix("으")
        return None
    return None


_NEIGHBOUR_GAP = re.compile(r"[\s가-힣]{0,3}")
_ROLE_PARTICLES = frozenset({"부터", "까지", "에서", "으로", "로", "에게", "에", "보다", "만큼", "당"})
_APPROX_WORDS = frozenset({"약", "여", "가량", "남짓", "정도", "쯤", "이상", "이하", "미만", "초과", "안팎", "내외"})


def roles_compatible(claim: frozenset[str], source: frozenset[str]) -> bool:
    """A role left out or narrowed ("기간은 30일" for "심사 기간은 30일") still matches; a different one does not."""
    return not claim or not source or claim <= source or source <= claim


def auxiliary_chains(text: str, toks: Sequence[Tok]) -> list[Predicate]:
    found: list[Predicate] = []
    for i, tok in enumerate(toks):
        if tok.tag not in _HEAD_TAGS:
            continue
        if tok.tag in ("XSV", "XSA"):
            if i == 0 or toks[i - 1].tag not in NOUN_TAGS:
                continue
            key = toks[i - 1].form
        elif tok.form in ("있", "없", "않", "하", "되", "이", "아니"):
            continue
        else:
            key = verb_key(tok.form)
        chain = _follow_chain(toks, i)
        if chain is None:
            continue
        negated, last = chain
        end = toks[last].end
        while end < len(text) and not text[end].isspace() and text[end] not in ",.?!\"'”’)":
            end += 1
        start = toks[i - 1].start if tok.tag in ("XSV", "XSA") else tok.start
        found.append(Predicate(key, negated, None, text[start:end]))
    return found


def _follow_chain(toks: Sequence[Tok], i: int) -> tuple[bool, int] | None:
    """Polarity and last token of the auxiliaries after head ``i``; ``None`` when none follows."""
    negated = i > 0 and toks[i - 1].tag == "MAG" and toks[i - 1].form in ("안", "못")
    j = i + 1
    last: int | None = None
    while j < len(toks):
        while j < len(toks) and toks[j].tag == "EP":
            j += 1
        k = _after_linker(toks, j)
        if k is None or k >= len(toks):
            break
        linker = toks[j]
        aux = toks[k]
        if aux.tag == "MAG" and aux.form in ("안", "못") and k + 1 < len(toks) and toks[k + 1].form == "하":
            negated, last, j = not negated, k + 1, k + 2  # "하지 못하다" split as 못 + 하
            continue
        if aux.tag not in ("VX", "VA", "VV") or aux.form in ("이", "아니"):
            break
        if aux.form == "없" or (aux.form in _NEGATORS and linker.form == "지"):
            negated = not negated
        elif aux.tag != "VX" and aux.form not in ("있", "하", "되"):
            break  # a new main verb, not an auxiliary
        last, j = k, k + 1
    return None if last is None else (negated, last)


def _after_linker(toks: Sequence[Tok], j: int) -> int | None:
    """Index of the auxiliary after a linking ending at ``j`` (-고, -어, -지, -기도, -ㄹ 수 있다)."""
    if j >= len(toks):
        return None
    tok = toks[j]
    if tok.tag == "EC" and (tok.form in _CHAIN_ENDINGS or tok.form == "지"):
        k = j + 1
        while k < len(toks) and toks[k].tag in ("JX", "JKS", "JKO"):
            k += 1
        return k
    if tok.tag == "ETN" and tok.form == "기":
        k = j + 1
        while k < len(toks) and toks[k].tag in ("JX", "JKS", "JKO"):
            k += 1
        return k if k > j + 1 else None  # "지원하기가 쉽다" has a particle too; 기도/기는/기를 + 하다 only
    if tok.tag == "ETM" and j + 1 < len(toks) and toks[j + 1].tag == "NNB" and toks[j + 1].form == "수":
        k = j + 2
        while k < len(toks) and toks[k].tag in ("JX", "JKS"):
            k += 1
        if k < len(toks) and toks[k].form in ("있", "없"):
            return k
    return None
