"""How often the support checker is right, what it costs per generated sentence, and its share of a summary.

    .venv/bin/python bench/faithfulness.py [--no-engine] [--max-tokens 160] [--no-korquad]

0. Rates on the perturbation sets (tests/unit/text/faithfulness_set.py): per kind, the share judged right
   (faithful kept "supported", corrupted not), on the Korean office documents the team wrote (identifiers,
   figures in their roles, auxiliary polarity, 있다/없다) and on KorQuAD + the Byline article.
1. Checker cost on summary-like sentences of the Byline article: its key sentences, their
   paraphrases and their single-fact corruptions (the kinds a small model writes).
2. With the engine (app.llm) and the embedded default model: generate a real summary of the same
   article, check each of its sentences, and print the checker's share of the total time.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.document import Block, Document  # noqa: E402
from app.core.locations import Location  # noqa: E402
from app.text.keysentences import select_key_sentences  # noqa: E402
from app.text.kiwi import kiwi  # noqa: E402
from app.text.sentences import split_sentences  # noqa: E402
from app.text.support import SupportChecker  # noqa: E402
from tests.unit.text.faithfulness_set import (  # noqa: E402
    FAITHFUL_KINDS,
    OFFICE_KINDS,
    Rates,
    build_cases,
    build_office_cases,
    judge,
    korquad_articles,
    news_article,
)
from tests.unit.text.perturb import change_number, flip_polarity, paraphrase  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
ARTICLE = CORPUS / "articles" / "byline-hyperclova-2023.txt"
_CORRUPTIONS = ("number", "name", "polarity", *OFFICE_KINDS)


def print_rates(name: str, rates: Rates) -> None:
    for kind in (*FAITHFUL_KINDS, *_CORRUPTIONS):
        share, n = rates.rate((kind,))
        if n:
            what = "kept" if kind in FAITHFUL_KINDS else "caught"
            print(f"{name} {kind}: {what} {share:.3f} of {n}")
    kept, kept_n = rates.rate(FAITHFUL_KINDS)
    caught, caught_n = rates.rate(_CORRUPTIONS)
    print(f"{name} faithful_kept: {kept:.3f} of {kept_n}")
    print(f"{name} corrupted_caught: {caught:.3f} of {caught_n}")


def report_rates(*, korquad: bool) -> None:
    print_rates("office", judge(build_office_cases(seed=20250301)))
    if korquad and (CORPUS / "korquad").is_dir():
        documents = [news_article(CORPUS), *korquad_articles(CORPUS)[::2]]
        print_rates("korquad", judge(build_cases(documents, per_document=4, seed=20240601)))
    elif korquad:
        print(f"korquad: n/a (no corpus at {CORPUS})")


def summary_like_sentences(text: str) -> list[str]:
    lines = text.split("\n")
    doc = Document(ARTICLE, "byline", "txt", [Block(t, Location(line=i + 1)) for i, t in enumerate(lines) if t])
    rng = random.Random(5)
    out: list[str] = []
    for key in select_key_sentences(doc, n=12):
        out.append(paraphrase(key.text, rng))
        for corrupt in (change_number(key.text, rng), flip_polarity(key.text, rng)):
            if corrupt:
                out.append(corrupt)
    return out


def time_checks(checker: SupportChecker, sentences: list[str], rounds: int = 5) -> list[float]:
    per_sentence: list[float] = []
    for _ in range(rounds):
        for sentence in sentences:
            start = time.perf_counter()
            checker.check(sentence)
            per_sentence.append((time.perf_counter() - start) * 1000)
    return per_sentence


def generate_summary(text: str, max_tokens: int) -> tuple[str, float] | None:
    try:
        from app.llm.client import Engine
        from app.llm.default_model import ensure_default_model
        from app.llm.engine_api import GenerationParams
        from app.llm.prompts import PromptFormat, TaskPrompt, render
    except ImportError as err:
        print(f"engine unavailable ({err}); generation time not measured")
        return None
    with tempfile.TemporaryDirectory() as models:
        model = ensure_default_model(Path(models))
        with Engine(threads=2).start() as engine:
            engine.load(model, n_ctx=2048)
            prompt = render(PromptFormat.COMPLETION, TaskPrompt(system="", content=text, cue="[요약]"))
            params = GenerationParams(max_tokens=max_tokens, temperature=0.2, stop=prompt.stop)
            start = time.perf_counter()
            generation = engine.generate(prompt.text, params)
            summary = generation.result()
            return summary, (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-engine", action="store_true")
    parser.add_argument("--max-tokens", type=int, default=160)
    parser.add_argument("--no-korquad", action="store_true", help="rates on the office documents only")
    args = parser.parse_args()
    report_rates(korquad=not args.no_korquad)

    text = ARTICLE.read_text(encoding="utf-8")
    passages = [p for p in text.split("\n\n") if p.strip()]
    kiwi().tokenize("준비")  # load the analyser outside the timings
    start = time.perf_counter()
    checker = SupportChecker(passages)
    build_ms = (time.perf_counter() - start) * 1000
    sentences = summary_like_sentences(text)
    timings = time_checks(checker, sentences)
    per_sentence_ms = statistics.mean(timings)
    print(f"sentences timed: {len(sentences)} x 5 rounds; p95 {sorted(timings)[int(len(timings) * 0.95)]:.2f} ms")

    share_line = "checker_share_of_summary: n/a (engine not measured)"
    generated_line = "summary_generation_ms: n/a"
    if not args.no_engine:
        result = generate_summary(text, args.max_tokens)
        if result is not None:
            summary, generation_ms = result
            summary_sentences = [s.text for s in split_sentences(summary)] or [summary]
            start = time.perf_counter()
            verdicts = [checker.check(s) for s in summary_sentences]
            check_ms = (time.perf_counter() - start) * 1000
            print("generated summary, sentence by sentence:")
            for sentence, verdict in zip(summary_sentences, verdicts, strict=True):
                print(f"  [{verdict.label}] {sentence[:90]}")
            total_ms = generation_ms + build_ms + check_ms
            generated_line = f"summary_generation_ms: {generation_ms:.0f}"
            share_line = f"checker_share_of_summary: {(build_ms + check_ms) / total_ms:.4f}"

    print(f"checker_build_ms: {build_ms:.1f}")
    print(generated_line)
    print(f"checker_ms_per_sentence: {per_sentence_ms:.2f}")
    print(share_line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
