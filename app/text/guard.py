"""The claims guard: does a sentence assert what a rule says must never be asserted?

A rule names a subject (독도/다케시마/竹島 …), false claims ("일본 땅") and true statements ("한국 땅").
A sentence violates it when it asserts a claim, or denies a true statement, about the subject. Matching
works on Kiwi morphemes, so particles, spacing and inflection do not matter; the words that follow the
phrase decide the stance:

- negation flips it ("일본 땅이 아니다", "일본 땅일 리 없다", "일본 땅이라고 볼 수 없다"),
- a judgement flips it ("일본 땅이라는 주장은 억지다", "…라는 것은 거짓이다"),
- a report of someone else's words is only a mention ("일본은 … 일본 땅이라고 주장한다"), as are
  quotations, questions and conditions, unless the sentence endorses them ("…라는 주장은 옳다");
- so is a report of preventing or denying that someone says it ("…라고 답하는 일이 없도록 주의한다",
  "…라고 답했다는 보도는 사실이 아니다"),
- a belief is a mention when someone other than the writer holds it ("일본은 …라고 생각한다"), an
  assertion when the writer does ("저는 …라고 생각합니다").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from itertools import pairwise

from app.text.claims import Tok, to_toks
from app.text.guard_rules import GuardRule, Phrase, is_meaningful
from app.text.guard_stance import CLAUSE_ENDINGS, JOINING_PARTICLES, Stance, read_stance
from app.text.kiwi import kiwi

_TOPIC_PARTICLES = frozenset({"은", "는", "이", "가"})
_NOUNISH = frozenset({"NNG", "NNP", "NP", "SL", "SH"})
_GAP_TAGS = frozenset({"NNG", "XR", "XSA", "XSN", "XSV", "MAG", "VA", "MM", "NNB", "ETM"})
"""Modifiers that may sit inside a phrase ("일본의 고유한 영토"); a name (한국) never may."""
_MAX_GAP = 2
_WORD_CONTINUING = frozenset({"NNG", "NNP", "XSN", "SL", "SH"})
_QUOTES = re.compile(r"'[^']*'|\"[^\"]*\"|‘[^’]*’|“[^”]*”|「[^」]*」|『[^』]*』|《[^》]*》|<[^>]*>")
_PLACEHOLDER_TOPICS = frozenset({"이", "그", "이것", "그것", "이곳", "그곳", "섬", "곳", "것"})
_HOLDER_PARTICLES = frozenset({"은", "는", "이", "가", "도"})
_FIRST_PERSON = frozenset({"저", "나", "우리", "저희", "제", "내", "필자", "본인", "글쓴이"})


class Kind(Enum):
    CLAIM = "claim"
    """A false statement, flagged when asserted."""
    DENIAL = "denial"
    """A true statement, flagged when denied."""


@dataclass(frozen=True)
class GuardFinding:
    rule: GuardRule
    sentence: str
    phrase: str
    kind: Kind
    span: tuple[int, int]
    """Where the phrase stands in the sentence."""


@dataclass(frozen=True)
class _Analysed:
    text: str
    toks: list[Tok]
    meaningful: list[int]
    """Indices into ``toks`` of the tokens that carry meaning."""
    clause_starts: list[int]
    """Character offsets where a clause begins (the first is 0)."""
    quoted: list[tuple[int, int]]


class ClaimGuard:
    """Checks sentences against a fixed set of rules (build one per rule set; it is immutable)."""

    def __init__(self, rules: Sequence[GuardRule]) -> None:
        self.rules = tuple(rules)

    def check(self, sentence: str) -> list[GuardFinding]:
        """Every rule the sentence violates (at most one finding per rule)."""
        candidates = self.rules_about(sentence)
        if not candidates:
            return []
        analysed = _analyse(sentence)
        findings: list[GuardFinding] = []
        for rule in candidates:
            finding = self._check_rule(rule, analysed)
            if finding is not None:
                findings.append(finding)
        return findings

    def rules_about(self, text: str) -> list[GuardRule]:
        """The rules whose subjects or keywords ``text`` mentions: a cheap test before any analysis."""
        lowered = text.lower()
        return [r for r in self.rules if any(p.surface.search(lowered) for p in r.triggers)]

    def rule_asked(self, question: str) -> GuardRule | None:
        """The rule whose topic ``question`` asks about: it names a subject and asks one of the rule's questions.

        "독도는 어느 나라 땅인가요?" asks kr.dokdo.sovereignty; "독도 가는 배편 알려 줘" names 독도 and asks nothing
        of it. The first such rule in file order wins (a question rarely asks two).
        """
        candidates = [r for r in self.rules_about(question) if r.questions]
        if not candidates:
            return None
        analysed = _analyse(question)
        for rule in candidates:
            named = any(_find(p, analysed, [], whole_word=False) for p in rule.subjects)
            if named and any(_find(p, analysed, []) for p in rule.questions):
                return rule
        return None

    def facts_for(self, text: str) -> str:
        """The steering facts of the rules whose topic ``text`` touches, one per line ("" when none)."""
        return "\n".join(f"- {r.fact or r.correction}" for r in self.rules_about(text))

    def _check_rule(self, rule: GuardRule, analysed: _Analysed) -> GuardFinding | None:
        subjects = [span for p in rule.subjects for span in _find(p, analysed, [], whole_word=False)]
        if rule.bind_subject and not subjects:
            return None
        for kind, phrases in ((Kind.CLAIM, rule.claims), (Kind.DENIAL, rule.denials)):
            for phrase in phrases:
                for span in _find(phrase, analysed, subjects if rule.bind_subject else []):
                    if rule.bind_subject and not _bound(span, subjects, analysed):
                        continue
                    stance = read_stance(analysed.text, analysed.toks, span, _clause_start(span, analysed))
                    quoted = any(a <= span[0] and span[1] <= b for a, b in analysed.quoted)
                    if stance.belief or stance.said:
                        _attribute(stance, _holder(span, analysed, subjects))
                    if _violates(kind, stance, quoted):
                        return GuardFinding(rule, analysed.text, phrase.text, kind, span)
        return None


def _attribute(stance: Stance, holder: str | None) -> None:
    """A belief is the writer's unless someone else holds it; words said are the writer's only when "I" say them."""
    if holder in _FIRST_PERSON or (holder is None and (stance.possible or stance.agreed)):
        stance.mention = False
        stance.endorsed = stance.endorsed or stance.agreed
    elif stance.belief and holder is not None:
        stance.mention = True
        if stance.judged_within:
            stance.endorsed = stance.refuted = False


def _violates(kind: Kind, stance: Stance, quoted: bool) -> bool:
    if stance.hard_mention or stance.prevented or stance.hypothetical or stance.question:
        return False
    negated = stance.negations % 2 == 1
    if stance.refuted:
        negated = not negated
    elif (stance.mention or quoted) and not stance.endorsed:
        return False
    return negated if kind is Kind.DENIAL else not negated


def _holder(span: tuple[int, int], analysed: _Analysed, subjects: Sequence[tuple[int, int]]) -> str | None:
    """Who says or holds the words? The nearest topic or subject before the phrase that is not what they are about."""
    toks = analysed.toks
    holder = None
    for i, (tok, nxt) in enumerate(pairwise(toks)):
        if tok.start >= span[0]:
            break
        is_topic = tok.tag in _NOUNISH and nxt.tag in ("JX", "JKS") and nxt.form in _HOLDER_PARTICLES
        if is_topic and not any(a <= tok.start < b for a, b in subjects):
            holder = tok.form
            if i > 0 and toks[i - 1].form in _FIRST_PERSON:
                holder = toks[i - 1].form  # "우리 회사는 …라고 봅니다": the writer's side speaking
    return holder


def _analyse(sentence: str) -> _Analysed:
    toks = to_toks(kiwi().tokenize(sentence))
    meaningful = [i for i, t in enumerate(toks) if is_meaningful(t.tag)]
    starts = [0]
    for i, tok in enumerate(toks):
        is_boundary = (
            tok.tag == "SP"
            or (tok.tag == "EC" and tok.form in CLAUSE_ENDINGS)
            or (tok.tag == "JC" and tok.form in JOINING_PARTICLES)
        )
        # "점거하고 있다" is one predicate, not two clauses.
        if is_boundary and not (tok.form == "고" and i + 1 < len(toks) and toks[i + 1].tag == "VX"):
            starts.append(tok.end)
    quoted = [(m.start(), m.end()) for m in _QUOTES.finditer(sentence)]
    return _Analysed(sentence, toks, meaningful, starts, quoted)


def _find(
    phrase: Phrase, analysed: _Analysed, subjects: Sequence[tuple[int, int]], *, whole_word: bool = True
) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in phrase.surface.finditer(analysed.text) if m.end() > m.start()]
    for span in _find_morphemes(phrase.morphemes, analysed, subjects):
        if not any(_overlaps(span, s) for s in spans):
            spans.append(span)
    return sorted(s for s in spans if not whole_word or _ends_word(analysed.text, s[1], analysed.toks))


def _ends_word(text: str, end: int, toks: Sequence[Tok]) -> bool:
    """The phrase must not be the start of a longer word: "중국 음식" is not said by "중국 음식점"."""
    if text[end - 1].isascii():
        return end == len(text) or not text[end].isascii() or not text[end].isalnum()
    if not any(t.end == end for t in toks):
        return not _is_hangul(text[end - 1])  # only Hangul is checked against Kiwi's word boundaries
    attached = next((t for t in toks if t.start == end), None)
    return attached is None or attached.tag not in _WORD_CONTINUING


def _find_morphemes(
    wanted: Sequence[str], analysed: _Analysed, subjects: Sequence[tuple[int, int]]
) -> Iterable[tuple[int, int]]:
    """Spans where ``wanted`` occurs in order, across particles and a few modifiers (or the subject).

    Word splits may differ (시마네현 vs 시마네 + 현), so one side may join several morphemes.
    """
    if not wanted:
        return
    toks, order = analysed.toks, analysed.meaningful
    forms = [toks[i].form for i in order]
    for first in range(len(order)):
        end = _match_from(wanted, forms, first, order, toks, subjects)
        if end is not None:
            yield toks[order[first]].start, toks[order[end]].end


def _match_from(
    wanted: Sequence[str],
    forms: Sequence[str],
    first: int,
    order: Sequence[int],
    toks: Sequence[Tok],
    subjects: Sequence[tuple[int, int]],
) -> int | None:
    j, position, gap = 0, first, 0
    while j < len(wanted):
        if position >= len(forms):
            return None
        consumed = _consume(wanted, j, forms, position)
        if consumed is not None:
            j, position, gap = consumed[0], consumed[1], 0
            continue
        if j == 0:
            return None
        tok = toks[order[position]]
        in_subject = any(a <= tok.start and tok.end <= b for a, b in subjects)
        if tok.tag not in _GAP_TAGS and not in_subject:
            return None
        gap += 0 if in_subject else 1
        if gap > _MAX_GAP:
            return None
        position += 1
    return position - 1


def _consume(wanted: Sequence[str], j: int, forms: Sequence[str], position: int) -> tuple[int, int] | None:
    """Match ``wanted[j:]`` against ``forms[position:]`` where one side may join several pieces."""
    word, target = forms[position], wanted[j]
    if word == target:
        return j + 1, position + 1
    if word.startswith(target):
        joined, k = _join_up_to(wanted, j, len(word))
        if joined == word:
            return k, position + 1
    if target.startswith(word):
        joined, p = _join_up_to(forms, position, len(target))
        if joined == target:
            return j + 1, p
    return None


def _join_up_to(pieces: Sequence[str], start: int, length: int) -> tuple[str, int]:
    """``pieces[start]`` joined with the pieces after it until ``length`` characters; and the index after."""
    joined, end = pieces[start], start + 1
    while end < len(pieces) and len(joined) < length:
        joined += pieces[end]
        end += 1
    return joined, end


def _is_hangul(char: str) -> bool:
    return "가" <= char <= "힣"


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _clause_start(span: tuple[int, int], analysed: _Analysed) -> int:
    return max(s for s in analysed.clause_starts if s <= span[0])


def _bound(span: tuple[int, int], subjects: Sequence[tuple[int, int]], analysed: _Analysed) -> bool:
    """Is the phrase said of the subject? In its own clause, or inherited when the clause has no topic."""
    start = _clause_start(span, analysed)
    later = [s for s in analysed.clause_starts if s > span[0]]
    end = min(later) if later else len(analysed.text)
    if any(start <= s[0] < end for s in subjects):
        return True
    if not any(s[0] < start for s in subjects):
        return False
    toks = analysed.toks
    for i in range(len(toks) - 1):
        tok, nxt = toks[i], toks[i + 1]
        if not (start <= tok.start < span[0]):
            continue
        is_topic = tok.tag in _NOUNISH and nxt.tag in ("JX", "JKS") and nxt.form in _TOPIC_PARTICLES
        if is_topic and tok.form not in _PLACEHOLDER_TOPICS:
            return False  # "독도는 한국 땅이고 쓰시마는 일본 땅이다": 쓰시마 is what the clause is about
    return True
