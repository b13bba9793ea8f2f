"""The model's one job in a draft: turn a 요점 into one or two sentences, which code then cleans and checks.

Prompts are few-shot completions ("요점: … / 문장: …") because the default model is a base model that
continues text rather than following instructions; chat models get the same lines plus an instruction.
Whatever comes back is cut to whole Korean sentences in the template's register; when nothing usable
remains (echoes, another language, text unrelated to the point) the point itself stands in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.llm.prompts import TaskPrompt
from app.store.templates import Template
from app.text.kiwi import kiwi
from app.text.korean_format import Register, clean_inline, normalize_dates, normalize_times, to_register
from app.text.morphemes import content_forms
from app.text.sentences import split_sentences

MAX_SENTENCE_CHARS = 220
_LABEL = re.compile(r"^\s*(?:문장|요점|참고|답변|초안)\s*[:：]\s*")
_CUT = re.compile(r"(?:요점|참고|제목)\s*[:：]|\[|<|\n\s*\n")
_HANGUL = re.compile(r"[가-힣]")
_LETTER = re.compile(r"[^\W\d_]")
_FINAL = re.compile(r"(?:[다요음함임됨람까][.!?]?|[.!?])$")


@dataclass(frozen=True)
class Piece:
    text: str
    from_model: bool
    raw: str
    sentences: tuple[str, ...] = ()
    """The model's sentences in the template's register (``text`` joins them); empty for the point itself."""


def point_prompt_lines(template: Template, title: str, point: str, references: list[str]) -> str:
    """The few-shot text: the template's examples, then the user's point, ending where the answer starts."""
    blocks = [f"[{template.title}] 제목: {title}"]
    for example in template.examples:
        lines = [f"참고: {example.reference}"] if references and example.reference else []
        lines += [f"요점: {example.point}", "", f"문장:\n{example.sentence}"]
        blocks.append("\n".join(lines))
    own = [f"참고: {' '.join(references)}"] if references else []
    blocks.append("\n".join([*own, f"요점: {point}"]))
    return "\n\n".join(blocks)


def point_prompt(template: Template, title: str, point: str, references: list[str]) -> TaskPrompt:
    """The prompt that asks for one point's sentences (the draft is written a point at a time)."""
    return TaskPrompt(
        system=f"당신은 한국 회사원의 {template.title} 작성을 돕는 비서입니다.",
        content=point_prompt_lines(template, title, point, references),
        instruction=instruction(template, template.sentences_per_point),
        cue="문장:",
        stop=("요점:", "참고:", "\n\n"),
    )


def instruction(template: Template, sentences: int) -> str:
    register = {
        Register.HAPSYO: "격식 있는 합쇼체(…합니다)",
        Register.HAEYO: "부드러운 해요체(…해요)",
        Register.HANDA: "기사체(…했다)",
        Register.GAEJO: "개조식(…함, …임)",
    }[template.register]
    return f"마지막 요점을 {register} 문장 {sentences}개 이내로 쓰세요. 참고가 있으면 그 사실만 쓰고, 문장만 쓰세요."


def clean_piece(raw: str, point: str, template: Template, references: list[str]) -> Piece:
    """Whole, relevant Korean sentences from ``raw`` in the template's register, or the point itself."""
    text = _LABEL.sub("", raw.strip())
    cut = _CUT.search(text)
    if cut:
        text = text[: cut.start()]
    text = clean_inline(" ".join(text.split()))
    kept: list[str] = []
    examples = {_key(e.sentence) for e in template.examples}
    sentences = [s.text for s in split_sentences(text)]
    for number, sentence in enumerate(sentences):
        last = number == len(sentences) - 1
        if not _usable(sentence) or _key(sentence) in examples or _key(sentence) in map(_key, kept):
            continue
        if last and not _FINAL.search(sentence) and kept:
            continue  # cut off by the token limit
        kept.append(sentence)
        if len(kept) >= template.sentences_per_point:
            break
    if kept and _relevant(" ".join(kept), point, references) and keeps_facts(" ".join(kept), point):
        written = tuple(to_register(s, template.register) for s in kept)
        return Piece(" ".join(written), True, raw, written)
    return Piece(fallback(point, template), False, raw)


def fallback(point: str, template: Template) -> str:
    return " ".join(to_register(s.text, template.register) for s in split_sentences(clean_inline(point))) or point


def _key(sentence: str) -> str:
    return re.sub(r"\W", "", sentence)


def _usable(sentence: str) -> bool:
    letters = _LETTER.findall(sentence)
    hangul = _HANGUL.findall(sentence)
    if len(hangul) < 4 or len(sentence) > MAX_SENTENCE_CHARS or len(hangul) < 0.6 * len(letters):
        return False
    words = sentence.split()
    return len(words) < 4 or len(set(words)) >= 0.6 * len(words)  # degenerate repetition


def _relevant(text: str, point: str, references: list[str]) -> bool:
    """The sentences talk about the point (or its references): they share a content word."""
    wanted = set(content_forms(point)) | {w for r in references for w in content_forms(r)}
    return not wanted or bool(wanted & set(content_forms(text)))


_NUMBER = re.compile(r"\d+")


def keeps_facts(text: str, point: str) -> bool:
    """Every number (dates, times, amounts) and proper name of the user's point survives in ``text``."""
    point_norm, text_norm = normalize_times(normalize_dates(point)), normalize_times(normalize_dates(text))
    numbers = set(_NUMBER.findall(point_norm))
    if not numbers <= set(_NUMBER.findall(text_norm)):
        return False
    names = {t.form for t in kiwi().tokenize(point) if t.tag == "NNP"}
    return all(name in text for name in names)
