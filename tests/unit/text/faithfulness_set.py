"""Build the faithfulness test set from real text: KorQuAD paragraphs, the Byline news article, and the
Korean office documents the team wrote (``office_documents``) for identifiers, roles and auxiliaries."""

from __future__ import annotations

import itertools
import json
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app.text.kiwi import kiwi
from app.text.numbers import find_identifiers
from app.text.sentences import split_sentences
from app.text.support import SupportChecker
from tests.unit.text.office_documents import OFFICE_DOCUMENTS
from tests.unit.text.perturb import (
    change_identifier,
    change_number,
    flip_auxiliary,
    flip_polarity,
    paraphrase,
    swap_existence,
    swap_name,
    swap_roles,
)

FAITHFUL_KINDS = ("copy", "paraphrase", "outline")
OFFICE_KINDS = ("identifier", "role", "auxiliary", "existence")
"""The kinds the office documents add: a number changed inside an identifier, two figures swapped
between their nouns, an auxiliary or progressive predicate negated, 있다 ↔ 없다."""


@dataclass(frozen=True)
class Case:
    passages: tuple[str, ...]
    original: str
    claim: str
    kind: str
    """copy | paraphrase | outline (a copied line starting with an outline number) | number | name | polarity
    | identifier | role | auxiliary | existence"""

    @property
    def faithful(self) -> bool:
        return self.kind in FAITHFUL_KINDS


def korquad_articles(corpus: Path) -> list[list[str]]:
    data = json.loads((corpus / "korquad" / "KorQuAD_v1.0_dev.json").read_text(encoding="utf-8"))
    return [[p["context"] for p in article["paragraphs"]] for article in data["data"]]


def news_article(corpus: Path) -> list[str]:
    text = (corpus / "articles" / "byline-hyperclova-2023.txt").read_text(encoding="utf-8")
    return [p for p in text.split("\n\n") if p.strip()]


def proper_nouns(passages: list[str]) -> set[str]:
    return {
        str(t.form)
        for text in passages
        for t in kiwi().tokenize(text)
        if t.tag == "NNP" and len(t.form) >= 2 and t.form.isalpha()
    }


def build_cases(documents: list[list[str]], *, per_document: int, seed: int) -> list[Case]:
    """``per_document`` sampled sentences of each document, each kept, paraphrased and corrupted.

    The sample draws from its own generator and every sentence's rewrites from one seeded by the sentence,
    so that a change to one perturbation does not move the sample of every document after it.
    """
    pick = random.Random(seed)
    names = [proper_nouns(doc) for doc in documents]
    cases: list[Case] = []
    for index, passages in enumerate(documents):
        here = "\n".join(passages)
        foreign = sorted(n for j, other in enumerate(names) if j != index for n in other if n not in here)
        sentences = [
            s.text
            for p in passages
            for s in split_sentences(p)
            if 25 <= len(s.text) <= 200 and len(s.text.split()) >= 5
        ]
        for sentence in pick.sample(sentences, k=min(per_document, len(sentences))):
            rng = random.Random(f"{seed}:{sentence}")
            doc = tuple(passages)
            cases.append(Case(doc, sentence, sentence, "copy"))
            cases.append(Case(doc, sentence, paraphrase(sentence, rng), "paraphrase"))
            for kind, claim in (
                ("number", change_number(sentence, rng)),
                ("name", swap_name(sentence, rng.sample(foreign, k=min(20, len(foreign))), rng)),
                ("polarity", flip_polarity(sentence, rng)),
            ):
                if claim and claim != sentence:
                    cases.append(Case(doc, sentence, claim, kind))
    return cases


def build_office_cases(*, seed: int, documents: list[list[str]] | None = None) -> list[Case]:
    """Every sentence of every office document: kept, paraphrased, and each applicable corruption.

    Unlike ``build_cases`` no sentence is sampled and every identifier or auxiliary of a sentence gives
    its own case, so that each new kind has enough cases to be measured.
    """
    rng = random.Random(seed)
    cases: list[Case] = []
    for passages in documents or OFFICE_DOCUMENTS:
        doc = tuple(passages)
        for marker, following in itertools.pairwise(passages):
            if _only_outline_number(marker):  # "(82-4-4)" alone on a line: copied as the start of the next
                first = split_sentences(following)[0].text
                cases.append(Case(doc, first, f"{marker.strip()} {first}", "outline"))
        for passage in passages:
            for index, sentence in enumerate(split_sentences(passage)):
                text = sentence.text
                if len(text) < 15:
                    continue
                outlined = index == 0 and any(i.outline for i in find_identifiers(text))
                cases.append(Case(doc, text, text, "outline" if outlined else "copy"))
                rewritten = paraphrase(text, rng)
                if rewritten != text:
                    cases.append(Case(doc, text, rewritten, "outline" if outlined else "paraphrase"))
                corruptions: list[tuple[str, str | None]] = [
                    ("number", change_number(text, rng)),
                    ("polarity", flip_polarity(text, rng)),
                    ("role", swap_roles(text, rng)),
                    *(("identifier", c) for c in change_identifier(text, rng, passages)),
                    *(("auxiliary", c) for c in flip_auxiliary(text)),
                    *(("existence", c) for c in swap_existence(text)),
                ]
                for kind, claim in corruptions:
                    if claim and claim != text:
                        cases.append(Case(doc, text, claim, kind))
    return cases


@dataclass(frozen=True)
class Rates:
    """Per kind, how many cases the checker judged right: faithful kept supported, corrupted not."""

    right: dict[str, int]
    total: dict[str, int]
    failures: list[tuple[Case, str]]

    def rate(self, kinds: Sequence[str]) -> tuple[float, int]:
        total = sum(self.total.get(k, 0) for k in kinds)
        return (sum(self.right.get(k, 0) for k in kinds) / total if total else 0.0), total


def judge(cases: Sequence[Case]) -> Rates:
    """Run one ``SupportChecker`` per document over ``cases``."""
    checkers: dict[tuple[str, ...], SupportChecker] = {}
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    failures: list[tuple[Case, str]] = []
    for case in cases:
        checker = checkers.get(case.passages) or checkers.setdefault(case.passages, SupportChecker(case.passages))
        label = checker.check(case.claim).label
        total[case.kind] += 1
        if (label == "supported") == case.faithful:
            right[case.kind] += 1
        else:
            failures.append((case, label))
    return Rates(dict(right), dict(total), failures)


def _only_outline_number(line: str) -> bool:
    found = find_identifiers(line.strip())
    return len(found) == 1 and found[0].outline and found[0].text == line.strip()
