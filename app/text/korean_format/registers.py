"""Sentence endings for the four registers of Korean business writing, rewritten by morphemes.

합쇼체 ("…합니다."), 해요체 ("…해요."), 한다체 ("…한다.") and 개조식 ("…함", "…임", no final period).
Only the final predicate of a sentence is rebuilt (Kiwi analyses it, Kiwi joins the new ending), so
"확인했습니다" becomes "확인했음" or "확인했어요" and everything before the last word stays as written.
Questions are left alone: a question has no 개조식 form and changing its mood changes its meaning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from app.text.kiwi import kiwi


class Register(StrEnum):
    HAPSYO = "합쇼체"
    HAEYO = "해요체"
    HANDA = "한다체"
    GAEJO = "개조식"


_TRAILING = re.compile(r"[\s.!。…~]+$")
_HANGUL_PERIOD = re.compile(r"[가-힣)]\.$")
_QUESTION_ENDINGS = ("까", "까요", "나요", "가요", "니", "냐", "ᆫ가", "는가", "ᆫ지요", "는지요", "죠?")
_NOMINAL_ENDINGS = frozenset({"ᆷ", "음"})
_REQUEST_ENDINGS = frozenset({"세요", "으세요", "ᆸ시오", "읍시오", "십시오", "어라", "아라", "여라", "라", "거라"})
_PREDICATE_TAGS = frozenset({"VV", "VA", "VX", "VCP", "VCN", "XSV", "XSA"})
_VERB_TAGS = frozenset({"VV", "XSV"})


@dataclass(frozen=True)
class _Morph:
    form: str
    tag: str
    start: int
    end: int


def _morphs(text: str) -> list[_Morph]:
    return [_Morph(t.form, t.tag, int(t.start), int(t.start) + int(t.len)) for t in kiwi().tokenize(text)]


def _has_final_consonant(syllable: str) -> bool:
    code = ord(syllable) - 0xAC00
    return 0 <= code < 11172 and code % 28 != 0


def _join(morphs: list[tuple[str, str]]) -> str:
    result: Any = kiwi().join(morphs)
    return str(result)


def to_register(sentence: str, register: Register) -> str:
    """``sentence`` with its final ending in ``register``; unchanged when it has no ending to change."""
    stripped = sentence.strip()
    core = _TRAILING.sub("", stripped)
    if not core or core.endswith("?"):
        return stripped
    morphs = _morphs(core)
    if not morphs:
        return stripped
    last = morphs[-1]
    if last.end < len(core.rstrip()) or not _ends_predicate(morphs):
        # A noun phrase ("교육 일정 변경") or a quotation: no ending to rewrite. 개조식 drops a period
        # after a word, never the one that ends a date ("2026. 11. 29.").
        if register is Register.GAEJO and _HANGUL_PERIOD.search(stripped):
            return stripped[:-1]
        return stripped
    if last.tag == "EF" and last.form.endswith(_QUESTION_ENDINGS):
        return stripped
    if register is Register.GAEJO and last.form in _NOMINAL_ENDINGS:
        return core
    word_start = core.rfind(" ", 0, last.start) + 1
    word = [m for m in morphs if m.start >= word_start]
    # Rejoin from the last predicate stem only, so the words before it keep their exact spelling.
    first = max((i for i, m in enumerate(word) if m.tag in _PREDICATE_TAGS), default=0)
    head = core[: word[first].start] if word else core[:word_start]
    stem = word[first:-1]
    rebuilt = _rebuild(stem, last, register, head)
    if rebuilt is None:
        return stripped
    return head + rebuilt + ("" if register is Register.GAEJO else ".")


def _ends_predicate(morphs: list[_Morph]) -> bool:
    last = morphs[-1]
    if last.tag == "EF":
        return True
    if last.tag == "ETN" and last.form in _NOMINAL_ENDINGS:
        return len(morphs) > 1 and morphs[-2].tag in (_PREDICATE_TAGS | {"EP"})
    return False


def _rebuild(stem: list[_Morph], ending: _Morph, register: Register, head: str) -> str | None:
    if not stem:
        return None
    is_request = ending.form in _REQUEST_ENDINGS or (ending.form in ("어요", "아요") and stem[-1].form == "시")
    parts = [(m.form, m.tag) for m in stem if not (is_request and m.tag == "EP" and m.form == "시")]
    if not parts:
        return None
    if is_request:
        return _request(parts, register)
    if parts[-1][1] == "VCP" and len(parts) == 1 and register is Register.HAEYO:
        if not head.strip():
            return None
        return "이에요" if _has_final_consonant(head.rstrip()[-1]) else "예요"
    last_tag = parts[-1][1]
    if register is Register.GAEJO:
        return _join([*parts, ("ᆷ", "ETN")])
    if register is Register.HAPSYO:
        return _join([*parts, ("ᆸ니다", "EF")])
    if register is Register.HAEYO:
        return _join([*parts, ("어요", "EF")])
    if last_tag in _VERB_TAGS or (last_tag == "VX" and parts[-1][0] not in ("있", "없")):
        return _join([*parts, ("ᆫ다", "EF")])
    return _join([*parts, ("다", "EF")])


def _request(parts: list[tuple[str, str]], register: Register) -> str:
    if register is Register.HAEYO:
        base = _join(parts)
        return base + ("으세요" if _has_final_consonant(base[-1]) else "세요")
    if register is Register.GAEJO:
        return _join([*parts, ("시", "EP"), ("기", "ETN")]) + " 바람"
    if register is Register.HANDA:
        return _join([*parts, ("시", "EP"), ("기", "ETN")]) + " 바란다"
    return _join([*parts, ("시", "EP"), ("ᆸ시오", "EF")])


_SENTENCE_BREAK = re.compile(r"(?<=[가-힣][.!?])\s+")


def split_plain_sentences(text: str) -> list[str]:
    """Sentences of one line, split only after a Hangul word and its final mark (dates stay whole)."""
    return [part for part in _SENTENCE_BREAK.split(text.strip()) if part]


def apply_register(text: str, register: Register) -> str:
    """Every sentence of a one-line ``text`` in ``register``."""
    return " ".join(to_register(sentence, register) for sentence in split_plain_sentences(text))


def is_in_register(sentence: str, register: Register) -> bool:
    """Whether the sentence already ends as ``register`` asks (noun phrases always pass)."""
    return to_register(sentence, register) == sentence.strip()


def polite_request(sentence: str) -> str | None:
    """A request or command as "…해 주시기 바랍니다." (the courteous form of business letters), else ``None``."""
    core = _TRAILING.sub("", sentence.strip())
    morphs = _morphs(core) if core else []
    if not morphs or morphs[-1].tag != "EF":
        return None
    last = morphs[-1]
    is_request = last.form in _REQUEST_ENDINGS or (last.form in ("어요", "아요") and morphs[-2].form == "시")
    if not is_request:
        return None
    word_start = core.rfind(" ", 0, last.start) + 1
    word = [m for m in morphs if m.start >= word_start]
    first = max((i for i, m in enumerate(word) if m.tag in _PREDICATE_TAGS), default=0)
    head = core[: word[first].start]
    parts = [(m.form, m.tag) for m in word[first:-1] if not (m.tag == "EP" and m.form == "시")]
    if not parts:
        return None
    if parts[-1] == ("주", "VX") or parts[-1] == ("드리", "VX"):
        return f"{head}{_join([*parts[:-1], ('주', 'VX'), ('시', 'EP'), ('기', 'ETN')])} 바랍니다."
    return f"{head}{_join([*parts, ('어', 'EC')])} 주시기 바랍니다."
