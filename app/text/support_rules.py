"""The specific checks behind a support verdict: quantities (in their roles), identifiers, names and negation."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.text.claims import ClaimFacts, Predicate, compact
from app.text.numbers import Identifier, Quantity
from app.text.support_context import SentenceFacts, roles_compatible


@dataclass(frozen=True)
class Finding:
    message: str
    """Korean, shown to the user next to the sentence."""
    contradicts: bool
    """True when the span says something else (or the fact is nowhere in the sources)."""


def compare_facts(claim: SentenceFacts, span: SentenceFacts, everything: SentenceFacts) -> list[Finding]:
    return [
        *_compare_quantities(claim, span, everything.facts.quantities),
        *_compare_identifiers(claim.identifiers, span, everything),
        *_compare_entities(claim.facts.entities, span.facts, everything.facts),
        *_novel_nouns(claim.facts, everything.facts),
        *_compare_polarity(claim.facts.predicates, span.facts.predicates),
        *_compare_polarity(claim.chains, span.chains),
    ]


def _compare_quantities(
    claim_facts: SentenceFacts, span_facts: SentenceFacts, everything: list[Quantity]
) -> list[Finding]:
    """Each source quantity backs one mention, so "2003년 … 2003년" is not backed by one 2003년.

    A figure is backed in its role: "신청 기간은 14일, 심사 기간은 30일" does not back the two swapped.
    """
    claim = claim_facts.facts.quantities
    span = span_facts.facts.quantities
    span_roles = dict(zip(map(id, span), span_facts.roles, strict=True))
    findings: list[Finding] = []
    unused = list(span)
    unmatched: list[Quantity] = []
    for quantity, role in zip(claim, claim_facts.roles, strict=True):
        same = [o for o in unused if backs_quantity(o, quantity)]
        match = next((o for o in same if roles_compatible(role, span_roles[id(o)])), None)
        if match is None and same:
            # The figure is there but with other nouns; wrong only when the source gives this role another figure.
            rival = next(
                (
                    o
                    for o in span
                    if o.unit == quantity.unit and not o.same_as(quantity) and role and role <= span_roles[id(o)]
                ),
                None,
            )
            if rival is not None:
                message = f"수치가 원문과 다릅니다: 원문은 '{rival.text}', 문장은 '{quantity.text}'."
                findings.append(Finding(message, True))
                continue
            match = same[0]
        if match is None:
            unmatched.append(quantity)
        else:
            unused.remove(match)
    for quantity in unmatched:
        rival = next((o for o in unused if o.unit == quantity.unit), None)
        rival = rival or next((o for o in span if o.unit == quantity.unit and not o.same_as(quantity)), None)
        if rival is not None:
            findings.append(Finding(f"수치가 원문과 다릅니다: 원문은 '{rival.text}', 문장은 '{quantity.text}'.", True))
        elif any(backs_quantity(other, quantity) for other in everything):
            findings.append(Finding(f"'{quantity.text}'은(는) 원문의 다른 부분에 나오는 수치입니다.", False))
        else:
            findings.append(Finding(f"'{quantity.text}'은(는) 원문에 없는 수치입니다.", True))
    return findings


def backs_quantity(source: Quantity, claim: Quantity) -> bool:
    """Same value and unit; a source that omits the unit still backs the value, not the reverse."""
    return source.same_as(claim) and (bool(claim.unit) or not source.unit)


def _compare_identifiers(
    claim: list[Identifier], span_facts: SentenceFacts, everything: SentenceFacts
) -> list[Finding]:
    """Whole-token matches, each source identifier backing one mention (K70 … K70 is not backed by one K70).

    A source that spaces the name ("코로나 19") still backs "코로나19", but "K7" is never found in "K70".
    """
    findings: list[Finding] = []
    span = span_facts.identifiers
    unused = [i.key for i in span]
    span_keys = set(unused)
    anywhere = {i.key for i in everything.identifiers}
    for ident in claim:
        if ident.key in unused:
            unused.remove(ident.key)
            continue
        spaced = ident.key not in span_keys and _written_in(ident.key, span_facts.facts.compact)
        if spaced and not ident.outline:
            continue
        if ident.outline:
            # "1." or "가)" before a generated line is list formatting; "(82-4-4)" names one item of the source.
            multi_level = "-" in ident.key or "." in ident.key
            if multi_level and ident.key not in anywhere:
                findings.append(Finding(f"'{ident.text}'은(는) 원문에 없는 항목 번호입니다.", False))
            continue
        rival = next((o for o in span if o.shape == ident.shape and o.key != ident.key), None)
        if rival is not None:
            findings.append(Finding(f"번호가 원문과 다릅니다: 원문은 '{rival.text}', 문장은 '{ident.text}'.", True))
        elif ident.key in anywhere or _written_in(ident.key, everything.facts.compact):
            findings.append(Finding(f"'{ident.text}'은(는) 원문의 다른 부분에 나오는 번호입니다.", False))
        else:
            findings.append(Finding(f"'{ident.text}'은(는) 원문에 없는 번호입니다.", True))
    return findings


def _written_in(key: str, compact_text: str) -> bool:
    """``key`` occurs in the spaceless text as a whole: not inside a longer number or code."""
    return re.search(rf"(?<![0-9a-z]){re.escape(key)}(?![0-9])", compact_text) is not None


def _compare_entities(entities: list[str], span: ClaimFacts, everything: ClaimFacts) -> list[Finding]:
    findings: list[Finding] = []
    for name in dict.fromkeys(entities):
        if text_has(span.compact, name):
            continue
        if text_has(everything.compact, name):
            findings.append(Finding(f"'{name}'은(는) 원문의 다른 부분에만 나옵니다.", False))
        else:
            findings.append(Finding(f"'{name}'은(는) 원문에 없는 이름입니다.", True))
    return findings


def novel_nouns(claim: ClaimFacts, everything: ClaimFacts) -> list[str]:
    """Nouns of the claim the sources never use (names aside): a new subject or object is a new fact."""
    named = {compact(e) for e in claim.entities}
    return [
        noun
        for noun in sorted(claim.free_nouns)
        if len(noun) >= 2 and compact(noun) not in named and not noun_in(noun, everything)
    ]


def _novel_nouns(claim: ClaimFacts, everything: ClaimFacts) -> list[Finding]:
    """Nouns the sources never use: a new subject or object is a new fact, not a paraphrase."""
    novel = novel_nouns(claim, everything)
    if not novel:
        return []
    shown = ", ".join(f"'{n}'" for n in novel[:4])
    return [Finding(f"원문에 나오지 않는 말이 있습니다: {shown}.", False)]


def noun_in(noun: str, facts: ClaimFacts) -> bool:
    if noun in facts.nouns:
        return True
    # Different word splits of the same compound (하이퍼클로바X / 하이퍼 클로바 X) still match as text;
    # Kiwi sometimes keeps a particle on an unknown name (김현웅이), so try without it.
    return text_has(facts.compact, noun)


def text_has(compact_text: str, word: str) -> bool:
    key = compact(word)
    if key in compact_text:
        return True
    return len(key) >= 3 and key[-1] in _PARTICLE_ENDINGS and key[:-1] in compact_text


_PARTICLE_ENDINGS = frozenset("이가은는을를의도에와과")


def _compare_polarity(claim: list[Predicate], span: list[Predicate]) -> list[Finding]:
    """Flag a predicate whose polarity the span never gives the same word or the same object.

    For the same word the order counts too, so "볼 수 없는 반면 … 볼 수 있으며" with the first
    polarity changed is still caught.
    """
    findings: list[Finding] = []
    for predicate in claim:
        same_word = [p for p in span if p.key == predicate.key]
        same_object = [p for p in span if predicate.argument and p.argument == predicate.argument]
        claim_same_word = [p.negated for p in claim if p.key == predicate.key]
        span_same_word = [p.negated for p in same_word]
        word_flipped = bool(same_word) and (
            predicate.negated not in span_same_word
            or (len(claim_same_word) <= len(span_same_word) and not _is_subsequence(claim_same_word, span_same_word))
        )
        # "논문을 내지 않고" vs "논문을 내놓고/공개했다": a different verb, but the same object negated.
        object_flipped = bool(same_object) and predicate.negated not in [p.negated for p in same_object]
        if not (word_flipped or object_flipped):
            continue
        group = same_object if object_flipped else same_word
        source = next((p for p in group if p.negated != predicate.negated), group[0])
        what = "부정하지만" if source.negated else "긍정하지만"
        message = f"원문은 '{source.text}'라고 {what} 문장은 '{predicate.text}'라고 합니다."
        if message not in (f.message for f in findings):
            findings.append(Finding(message, True))
    return findings


def _is_subsequence(needle: list[bool], haystack: list[bool]) -> bool:
    it = iter(haystack)
    return all(any(x == y for y in it) for x in needle)
