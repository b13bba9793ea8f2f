"""Which prompt shape gives the embedded base model (Gemma 3 270M) its best Korean summaries?

Each variant is run on the key sentences of several real documents (the news article and KorQuAD
articles) with two seeds. A summary scores hangul_share × support × variety × length_ok, where support
is the share of its character 4-grams found in the source (faithful wording), variety the share of
distinct 4-grams (no loops), and length_ok whether it is 30-800 characters. The variant Baro uses is
``numbered+heading`` (app/tasks/summary_prompts.py); the baseline is the Gemma chat-turn instruction.

    python bench/prompt_choice.py [--docs 4]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable

from _common import corpus_dir, default_model, report

from app.core.document import Block, Document
from app.core.locations import Location
from app.llm.client import Engine
from app.llm.engine_api import GenerationParams
from app.llm.prompts import PromptFormat, render
from app.tasks.summarize import key_quotes
from app.tasks.summary_prompts import SummaryRequest, SummaryStyle, summary_prompt

Variant = Callable[[str, list[str]], tuple[str, tuple[str, ...]]]


def _baro(title: str, sentences: list[str]) -> tuple[str, tuple[str, ...]]:
    rendered = render(PromptFormat.COMPLETION, summary_prompt(title, sentences, SummaryRequest(SummaryStyle.BULLETS)))
    return rendered.text, rendered.stop


def _gemma_turn(title: str, sentences: list[str]) -> tuple[str, tuple[str, ...]]:
    rendered = render(PromptFormat.GEMMA, summary_prompt(title, sentences, SummaryRequest(SummaryStyle.BULLETS)))
    return rendered.text, rendered.stop


VARIANTS: dict[str, Variant] = {
    "numbered+heading": _baro,
    "gemma_turn_instruction": _gemma_turn,
    "source+summary_tags": lambda t, s: ("[원문]\n" + "\n".join(s) + "\n\n[요약]\n", ("\n\n", "\n[")),
    "title+three_lines": lambda t, s: (f"제목: {t}\n본문:\n" + " ".join(s) + "\n\n세 줄 요약:\n1.", ("\n\n", "4.")),
    "prose+in_short": lambda t, s: (f"{t}\n\n" + " ".join(s) + "\n\n요약하면, ", ("\n\n",)),
}


def score(summary: str, source: str) -> float:
    text = summary.strip()
    letters = [c for c in text if c.isalpha()]
    hangul = sum("가" <= c <= "힣" for c in letters) / max(1, len(letters))
    grams = [text[i : i + 4] for i in range(len(text) - 3)]
    support = sum(g in source for g in grams) / max(1, len(grams))
    variety = len(set(grams)) / max(1, len(grams))
    length_ok = 1.0 if 30 <= len(text) <= 800 else 0.0
    return hangul * support * variety * length_ok


def documents(count: int) -> list[Document]:
    corpus = corpus_dir()
    article = (corpus / "articles" / "byline-hyperclova-2023.txt").read_text(encoding="utf-8")
    docs = [_doc("기사", article.split("\n"))]
    data = json.loads((corpus / "korquad" / "KorQuAD_v1.0_dev.json").read_text(encoding="utf-8"))
    for entry in data["data"][: count - 1]:
        docs.append(_doc(entry["title"], [p["context"] for p in entry["paragraphs"]]))
    return docs


def _doc(title: str, paragraphs: list[str]) -> Document:
    from pathlib import Path

    blocks = [Block(p, Location(paragraph=i + 1)) for i, p in enumerate(paragraphs) if p.strip()]
    return Document(Path(f"{title}.txt"), title, "txt", blocks)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=4)
    args = parser.parse_args()
    docs = documents(args.docs)
    scores: dict[str, list[float]] = {name: [] for name in VARIANTS}
    with Engine(threads=2) as engine:
        engine.load(default_model(), n_ctx=4096)
        for doc in docs:
            sentences = [q.text for _, q in key_quotes(doc, 12)]
            source = " ".join(sentences)
            for name, variant in VARIANTS.items():
                prompt, stop = variant(doc.title, sentences)
                for seed in (1, 2):
                    params = GenerationParams(
                        max_tokens=160, temperature=0.3, repeat_penalty=1.15, stop=stop, seed=seed
                    )
                    scores[name].append(score(engine.generate(prompt, params).result(), source))
    means = {name: sum(v) / len(v) for name, v in scores.items()}
    for name, value in sorted(means.items(), key=lambda kv: -kv[1]):
        print(f"{name:28s} {value:.3f}")
    best = max(means, key=lambda n: means[n])
    report(
        {
            "best_variant": best,
            "baro_variant_score": means["numbered+heading"],
            "baseline_turn_score": means["gemma_turn_instruction"],
            "baro_vs_turn_ratio": means["numbered+heading"] / max(1e-9, means["gemma_turn_instruction"]),
        }
    )


if __name__ == "__main__":
    main()
