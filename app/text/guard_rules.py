"""Guard rules as data: parse and validate a TOML rule file into matchable phrases.

Reading files is the caller's job (``app.store.guard_rules``); this module only turns text into rules.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from typing import Any

from app.core.errors import BaroError
from app.text.kiwi import kiwi

# Morphemes that carry grammar, not meaning: a phrase matches whatever particles and endings surround it.
_GRAMMAR_TAG_PREFIXES = ("J", "E", "SF", "SP", "SS", "SE", "SO", "SW", "VCP")


class GuardRuleError(BaroError):
    """A guard rule file that cannot be used."""

    def __init__(self, origin: str, detail: str) -> None:
        super().__init__(f"사실 지킴이 규칙 파일을 쓸 수 없습니다: {detail}. 파일을 고치거나 지워 주세요.", path=origin)


@dataclass(frozen=True)
class Phrase:
    text: str
    surface: re.Pattern[str]
    """The words with any spacing (and 의/에 between words), case-insensitive."""
    morphemes: tuple[str, ...]
    """Meaning-bearing morphemes in order (lemmas), for matches across particles and inflection."""


@dataclass(frozen=True)
class GuardRule:
    id: str
    topic: str
    correction: str
    fact: str
    source: str
    subjects: tuple[Phrase, ...]
    claims: tuple[Phrase, ...]
    denials: tuple[Phrase, ...]
    keywords: tuple[Phrase, ...]
    bind_subject: bool
    origin: str
    questions: tuple[Phrase, ...] = ()
    """What a question asks when it asks about the topic itself ("어느 나라 땅"): with a subject, the question
    gets ``correction`` as Baro's fixed answer. "독도 가는 배편" names the subject but asks none of these."""

    @property
    def triggers(self) -> tuple[Phrase, ...]:
        return (*self.subjects, *self.keywords)


def is_meaningful(tag: str) -> bool:
    return not tag.startswith(_GRAMMAR_TAG_PREFIXES)


def make_phrase(text: str) -> Phrase:
    words = text.lower().split()
    if not words:
        raise ValueError("empty phrase")
    parts = [r"\s*".join(re.escape(c) for c in word) for word in words]
    surface = re.compile(r"[\s의에]*".join(parts), re.IGNORECASE)
    morphemes = tuple(str(t.form).lower() for t in kiwi().tokenize(text) if is_meaningful(str(t.tag)))
    return Phrase(text, surface, morphemes)


def parse_rules(text: str, origin: str) -> list[GuardRule]:
    """Rules from one TOML file's text; ``origin`` names the file in error messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise GuardRuleError(origin, f"TOML 문법 오류({exc})") from exc
    items = data.get("rule", [])
    if not isinstance(items, list):
        raise GuardRuleError(origin, "[[rule]] 표가 필요합니다")
    return [_rule(item, origin, number) for number, item in enumerate(items, 1)]


def _rule(item: Any, origin: str, number: int) -> GuardRule:
    where = f"{number}번째 규칙"
    if not isinstance(item, dict):
        raise GuardRuleError(origin, f"{where}이 표가 아닙니다")
    for key in ("id", "topic", "correction"):
        if not isinstance(item.get(key), str) or not item[key].strip():
            raise GuardRuleError(origin, f"{where}에 '{key}'(글자)가 없습니다")
    rule_id = item["id"].strip()
    claims = _phrases(item, "claims", origin, rule_id)
    denials = _phrases(item, "denials", origin, rule_id)
    subjects = _phrases(item, "subjects", origin, rule_id)
    if not claims and not denials:
        raise GuardRuleError(origin, f"규칙 '{rule_id}'에 claims나 denials가 하나도 없습니다")
    bind = item.get("bind_subject", True)
    if not isinstance(bind, bool):
        raise GuardRuleError(origin, f"규칙 '{rule_id}'의 bind_subject는 true나 false여야 합니다")
    if bind and not subjects:
        raise GuardRuleError(origin, f"규칙 '{rule_id}'에 subjects가 없습니다(또는 bind_subject = false)")
    for key in ("fact", "source"):
        if not isinstance(item.get(key, ""), str):
            raise GuardRuleError(origin, f"규칙 '{rule_id}'의 '{key}'는 글자여야 합니다")
    return GuardRule(
        id=rule_id,
        topic=item["topic"].strip(),
        correction=item["correction"].strip(),
        fact=str(item.get("fact", "")).strip(),
        source=str(item.get("source", "")).strip(),
        subjects=subjects,
        claims=claims,
        denials=denials,
        keywords=_phrases(item, "keywords", origin, rule_id),
        bind_subject=bind,
        origin=origin,
        questions=_phrases(item, "questions", origin, rule_id),
    )


def _phrases(item: dict[str, Any], key: str, origin: str, rule_id: str) -> tuple[Phrase, ...]:
    values = item.get(key, [])
    if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
        raise GuardRuleError(origin, f"규칙 '{rule_id}'의 '{key}'는 비어 있지 않은 글자 목록이어야 합니다")
    return tuple(make_phrase(v) for v in values)
