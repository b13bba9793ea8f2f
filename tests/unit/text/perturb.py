"""Deterministic rewrites of real sentences: meaning-keeping paraphrases and single-fact corruptions."""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Callable, Sequence
from typing import Any

from app.text.kiwi import kiwi
from app.text.numbers import find_identifiers, find_quantities

Tokens = list[Any]
_KEEP_ADVERBS = frozenset({"안", "못", "잘못", "아니", "더", "덜", "가장", "최초", "처음", "다시", "모두", "함께"})
_PHRASE_END_TAGS = frozenset({"JKS", "JKO", "JKB", "JX"})
_PHRASE_BODY_TAGS = frozenset({"NNG", "NNP", "NNB", "NR", "SN", "SL", "SH", "XR", "XSN", "XPN", "SW", "JKG"})


def _join(tokens: Sequence[Any]) -> str:
    return str(kiwi().join(list(tokens)))


def swap_particles(sentence: str, tokens: Tokens, rng: random.Random) -> str | None:
    """Topic ↔ subject marker (은/는 ↔ 이/가) and dropping an object marker, as a writer might."""
    changed = False
    out: list[Any] = []
    for index, token in enumerate(tokens):
        after_ending = index > 0 and tokens[index - 1].tag.startswith("E")
        after_particle = index > 0 and tokens[index - 1].tag.startswith("J")  # 에는 → 에가 is not Korean
        if after_ending or after_particle:
            out.append(token)
        elif token.tag == "JX" and token.form in ("은", "는"):
            out.append(("이", "JKS"))
            changed = True
        elif token.tag == "JKS" and token.form in ("이", "가"):
            out.append(("은", "JX"))
            changed = True
        else:
            out.append(token)
    return _join(out) if changed else None


def change_ending(sentence: str, tokens: Tokens, rng: random.Random) -> str | None:
    """했다 → 합니다 / 했습니다: the formal ending, with or without the tense marker."""
    ends = [i for i, t in enumerate(tokens) if t.tag == "EF"]
    if not ends or tokens[ends[-1]].form not in ("다", "ᆫ다", "는다"):
        return None
    last = ends[-1]
    head = list(tokens[:last])
    if rng.random() < 0.5:
        while head and head[-1].tag == "EP":
            head.pop()
    return _join([*head, ("ᆸ니다", "EF"), *tokens[last + 1 :]])


def drop_modifiers(sentence: str, tokens: Tokens, rng: random.Random) -> str | None:
    """Drop adverbs and parenthesised glosses (dropping modifiers keeps what the sentence claims)."""
    without_parens = re.sub(r"\s*\([^()]*\)", "", sentence)
    if without_parens != sentence:
        return without_parens
    kept = [t for t in tokens if not (t.tag == "MAG" and t.form not in _KEEP_ADVERBS)]
    return _join(kept) if len(kept) < len(tokens) else None


def reorder_phrases(sentence: str, tokens: Tokens, rng: random.Random) -> str | None:
    """Swap two neighbouring noun phrases that end in a case marker (Korean word order is free)."""
    words = list(re.finditer(r"\S+", sentence))
    word_tags: list[list[str]] = [[] for _ in words]
    for token in tokens:
        for index, word in enumerate(words):
            if word.start() <= token.start < word.end():
                word_tags[index].append(token.tag)
                break
    phrases: list[tuple[int, int]] = []
    begin = 0
    for index, tags in enumerate(word_tags):
        if not tags:
            begin = index + 1
            continue
        if not all(tag in _PHRASE_BODY_TAGS or tag in _PHRASE_END_TAGS for tag in tags):
            begin = index + 1
            continue
        if tags[-1] in _PHRASE_END_TAGS:
            phrases.append((begin, index))
            begin = index + 1
    pairs = [(a, b) for a, b in itertools.pairwise(phrases) if a[1] + 1 == b[0]]
    if not pairs:
        return None
    first, second = rng.choice(pairs)
    texts = [w.group(0) for w in words]
    reordered = (
        texts[: first[0]] + texts[second[0] : second[1] + 1] + texts[first[0] : first[1] + 1] + texts[second[1] + 1 :]
    )
    return " ".join(reordered)


PARAPHRASES: tuple[Callable[[str, Tokens, random.Random], str | None], ...] = (
    swap_particles,
    change_ending,
    drop_modifiers,
    reorder_phrases,
)


def paraphrase(sentence: str, rng: random.Random) -> str:
    """One or two meaning-keeping rewrites; the sentence itself when none applies."""
    text = sentence
    for rewrite in rng.sample(PARAPHRASES, k=len(PARAPHRASES))[:2]:
        result = rewrite(text, list(kiwi().tokenize(text)), rng)
        if result:
            text = result
    return text


def change_number(sentence: str, rng: random.Random) -> str | None:
    quantities = [q for q in find_quantities(sentence) if re.search(r"\d", q.text)]
    if not quantities:
        return None
    quantity = rng.choice(quantities)
    digits = re.search(r"\d+(?:,\d{3})*(?:\.\d+)?", quantity.text)
    assert digits is not None
    old = float(digits.group(0).replace(",", ""))
    if quantity.unit == "년" and 1000 <= old <= 2100:
        new = old + rng.choice([-3, -2, -1, 1, 2, 3])
    elif quantity.unit in ("월",):
        new = (old % 12) + 1
    else:
        new = old + rng.choice([1, 2, 3, 5, 10]) if old < 20 else old * rng.choice([2, 3, 10])
    new_text = f"{new:g}" if new != int(new) else str(int(new))
    start = quantity.start + digits.start()
    return sentence[:start] + new_text + sentence[start + len(digits.group(0)) :]


def swap_name(sentence: str, names_elsewhere: Sequence[str], rng: random.Random) -> str | None:
    """Replace a proper noun with one taken from an unrelated text."""
    tokens = [t for t in kiwi().tokenize(sentence) if t.tag == "NNP" and len(t.form) >= 2]
    tokens = [t for t in tokens if sentence[t.start : t.start + t.len] == t.form]
    if not tokens or not names_elsewhere:
        return None
    token = rng.choice(tokens)
    replacement = rng.choice([n for n in names_elsewhere if n != token.form])
    return sentence[: token.start] + replacement + sentence[token.start + token.len :]


def flip_polarity(sentence: str, rng: random.Random) -> str | None:
    """Negate a predicate (공개했다 → 공개하지 않았다) or remove its negation (않았다 → 했다)."""
    tokens = list(kiwi().tokenize(sentence))
    heads = [
        i
        for i, t in enumerate(tokens)
        if t.tag.split("-")[0] in ("VV", "VA", "XSV", "XSA")
        and t.form not in ("않", "못하")
        and not _starts_auxiliary_chain(tokens, i)
    ]
    if not heads:
        return None
    i = rng.choice(heads)
    j = i + 2
    while j < len(tokens) and tokens[j].tag == "JX":
        j += 1
    if j < len(tokens) and tokens[i + 1].form == "지" and tokens[j].form in ("않", "못하"):
        return _join(tokens[: i + 1] + tokens[j + 1 :])
    negator = tokens[i - 1] if i > 0 else None
    # "안 했다", not the 안 Kiwi finds inside 안내: removing that one only breaks the word.
    if (
        negator
        and negator.tag == "MAG"
        and negator.form in ("안", "못")
        and negator.start + negator.len < tokens[i].start
    ):
        return _join(tokens[: i - 1] + tokens[i:])
    if j + 1 < len(tokens) and tokens[i + 1].form == "지" and tokens[j].form == "못" and tokens[j + 1].form == "하":
        return _join(tokens[: i + 1] + tokens[j + 2 :])
    if tokens[i].form == "없":
        return _join([*tokens[:i], ("있", "VA"), *tokens[i + 1 :]])
    if tokens[i].form == "있" and tokens[i].tag == "VA":
        return _join([*tokens[:i], ("없", "VA"), *tokens[i + 1 :]])
    return _join([*tokens[: i + 1], ("지", "EC"), ("않", "VX"), *tokens[i + 1 :]])


def _starts_auxiliary_chain(tokens: Tokens, i: int) -> bool:
    """알려져 있다, 머물러 주다: negating the first verb of such a chain makes broken Korean."""
    j = i + 1
    while j < len(tokens) and tokens[j].tag == "EP":
        j += 1
    return j + 1 < len(tokens) and tokens[j].tag == "EC" and tokens[j + 1].tag == "VX"


def change_identifier(sentence: str, rng: random.Random, elsewhere: Sequence[str] = ()) -> list[str]:
    """Every identifier of the sentence (제3항, K64, 코로나19) with its number changed, outline numbers aside.

    Where the document holds another identifier of the same shape ("제1항" elsewhere), that one is used:
    the hard case, since the new number then occurs in the source.
    """
    out: list[str] = []
    for ident in find_identifiers(sentence):
        if ident.outline:
            continue
        runs = list(re.finditer(r"\d+", ident.text))
        run = runs[0] if ident.text.startswith("제") else runs[-1]  # 제79조의3: the article, not the branch
        rivals = [o.text for o in (i for text in elsewhere for i in find_identifiers(text)) if o.shape == ident.shape]
        rivals = [r for r in rivals if "".join(r.lower().split()) != ident.key]
        if rivals:
            new_text = rng.choice(sorted(set(rivals)))
        else:
            old = int(run.group(0))
            new = old + rng.choice([1, 2, 3]) if old < 100 else old + rng.choice([1, 10])
            new_text = ident.text[: run.start()] + str(new) + ident.text[run.end() :]
        out.append(sentence[: ident.start] + new_text + sentence[ident.end :])
    return out


def swap_roles(sentence: str, rng: random.Random) -> str | None:
    """Two figures of one unit trade places (신청 기간 14일, 심사 기간 30일 → 30일, 14일): each still in the source."""
    quantities = [q for q in find_quantities(sentence) if re.search(r"\d", q.text)]
    pairs = [
        (a, b) for a, b in itertools.combinations(quantities, 2) if a.unit and a.unit == b.unit and not a.same_as(b)
    ]
    if not pairs:
        return None
    first, second = rng.choice(pairs)
    return (
        sentence[: first.start] + second.text + sentence[first.end : second.start] + first.text + sentence[second.end :]
    )


def flip_auxiliary(sentence: str) -> list[str]:
    """Every progressive or auxiliary construction with its polarity flipped, as a small model writes it.

    하고 있다 → 하고 없다, 되어 있다 → 되어 있지 않다, 하기도 한다 → 하기도 하지 않는다, 할 수 있다 → 할 수 없다.
    """
    tokens = list(kiwi().tokenize(sentence))
    out: list[str] = []
    for i, tok in enumerate(tokens):
        before = tokens[i - 1] if i > 0 else None
        if before is None:
            continue
        if tok.tag == "VX" and tok.form == "있" and before.tag == "EC" and before.form in ("고", "어", "아"):
            if before.form == "고":
                out.append(_join([*tokens[:i], ("없", "VA"), *tokens[i + 1 :]]))
            else:
                out.append(_join([*tokens[: i + 1], ("지", "EC"), ("않", "VX"), *tokens[i + 1 :]]))
        elif tok.tag == "VX" and tok.form == "하" and before.tag == "JX" and i > 1 and tokens[i - 2].form == "기":
            out.append(_join([*tokens[: i + 1], ("지", "EC"), ("않", "VX"), *tokens[i + 1 :]]))
        elif tok.form in ("있", "없") and before.tag == "NNB" and before.form == "수":
            out.append(_join([*tokens[:i], ("없" if tok.form == "있" else "있", "VA"), *tokens[i + 1 :]]))
    return [text for text in out if text != sentence]


def swap_existence(sentence: str) -> list[str]:
    """있다 ↔ 없다 where it states existence ("격리 의무가 없으며" → "있으며"), not as an auxiliary."""
    tokens = list(kiwi().tokenize(sentence))
    out: list[str] = []
    for i, tok in enumerate(tokens):
        before = tokens[i - 1] if i > 0 else None
        if tok.tag.split("-")[0] not in ("VA", "VV") or tok.form not in ("있", "없"):
            continue
        if before is not None and (before.tag.startswith("E") or before.form == "수"):
            continue  # auxiliary uses are flip_auxiliary's
        out.append(_join([*tokens[:i], ("없" if tok.form == "있" else "있", "VA"), *tokens[i + 1 :]]))
    return [text for text in out if text != sentence]
