"""Build the faithfulness test set from real text: KorQuAD paragraphs and the Byline news article."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

from app.text.kiwi import kiwi
from app.text.sentences import split_sentences
from tests.unit.text.perturb import change_number, flip_polarity, paraphrase, swap_name


@dataclass(frozen=True)
class Case:
    passages: tuple[str, ...]
    original: str
    claim: str
    kind: str
    """copy | paraphrase | number | name | polarity"""

    @property
    def faithful(self) -> bool:
        return self.kind in ("copy", "paraphrase")


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
    rng = random.Random(seed)
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
        for sentence in rng.sample(sentences, k=min(per_document, len(sentences))):
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
