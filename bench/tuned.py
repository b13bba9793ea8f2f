"""Baro's tuned default vs the untuned base, in one run: the held-out split and KorQuAD questions.

Both models are the same Q4_K_M file; the tuned one adds Baro's LoRA adapter and its own prompt format. One
engine at a time (never two llama.cpp processes on two cores). Every generation is the model's own text: the
answer watch only records (nothing withdrawn), as the bench "before" of generation_health.

Held-out split (tune/data/heldout.jsonl, never trained on), per example as the app prompts it:
- 요약: each generated sentence checked against the key sentences the model was given (``claim_judge``'s
  checker, as the answer watch does): ``summary_support``; ``summary_loops``: outputs the degeneration
  detector stops; ``summary_pass``: the whole output passes the checks every training target passes
  (3–5 sentences, the style's shape, not a copy, supported).
- 질문: ``heldout_ask_contains_key`` (answerable: the answer contains its key), ``not_found_precision`` /
  ``not_found_recall`` ("문서에서 찾지 못했습니다" said where the passages lack the answer).
- 초안: ``draft_pass``: per point, 1..n sentences, all in the register, all backed by the points.
- 주권: ``guard_pass``: supported by the rule's fact and correction, no guard finding.
KorQuAD 1.0 dev (``--korquad`` questions, default 200, seeded; evaluation only, never training): 질문 end to
end as bench/answer.py asks it (retrieval over the 964 paragraphs): ``model_answer_contains_gold``.
``tokens_per_second``: generated tokens over generation time, all generations of that model.

    .venv/bin/python bench/tuned.py [--korquad 200] [--limit N]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from _common import ROOT, corpus_dir, default_model, report

sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tune"))

from answer import KORQUAD, ask, load_items
from retrieval import build_index, load_korquad
from tokenize_data import Library, read_records, task_pairs, templates
from verify_data import NOT_FOUND, Verifier, claims, compact

from app.core.cancel import CancelToken
from app.core.events import Token
from app.index.library import LibraryIndex
from app.llm.catalog import load_catalog
from app.llm.engine_api import GenerationParams
from app.llm.prompts import TaskPrompt
from app.tasks.ask import AskSession
from app.tasks.assistant import ActiveModel, Assistant, catalog_model, describe_model
from app.text.degeneration import DegenerationDetector
from app.text.korean_format import Register
from app.text.korean_format.registers import is_in_register
from app.text.sentences import split_sentences
from app.text.support import SupportChecker

HELDOUT = ROOT / "tune" / "data" / "heldout.jsonl"
MAX_TOKENS = {"summarize": 200, "ask": 96, "draft": 96, "guard": 128}


@dataclass
class Scores:
    flags: dict[str, list[bool]] = field(default_factory=lambda: defaultdict(list))
    supported: int = 0
    summary_sentences: int = 0
    said_not_found: int = 0
    said_not_found_rightly: int = 0
    negatives: int = 0
    tokens: int = 0
    gen_ms: float = 0.0

    def share(self, name: str) -> float:
        values = self.flags[name]
        return sum(values) / max(1, len(values))


def generate(assistant: Assistant, prompt: TaskPrompt, max_tokens: int, scores: Scores) -> str:
    params = GenerationParams(max_tokens=max_tokens, temperature=assistant.temperature)
    text = "".join(e.text for e in assistant.stream(prompt, params, CancelToken(), "bench") if isinstance(e, Token))
    generation = assistant.last_generation
    if generation is not None:
        scores.tokens += generation.stats.completion_tokens
        scores.gen_ms += generation.stats.gen_ms
    return text.strip()


def examples(records: list[dict[str, Any]]) -> Iterator[tuple[dict[str, Any], str, TaskPrompt, str]]:
    library, known = Library(records), templates()
    for record in records:
        for example_id, prompt, answer in task_pairs(record, library, known):
            yield record, example_id, prompt, answer


def loops(text: str, source: str) -> bool:
    detector = DegenerationDetector(source)
    return any(detector.feed(text[i : i + 8]) is not None for i in range(0, len(text), 8))


def score_heldout(assistant: Assistant, records: list[dict[str, Any]], scores: Scores) -> None:
    verifier = Verifier()
    for record, example_id, prompt, _ in examples(records):
        task = record["task"]
        text = generate(assistant, prompt, MAX_TOKENS[task], scores)
        if task == "summarize":
            sentences = claims(text)
            checker = SupportChecker(record["key_sentences"])
            supported = sum(checker.check(s).is_supported for s in sentences)
            scores.supported += supported
            scores.summary_sentences += len(sentences)
            scores.flags["summary_loops"].append(loops(text, prompt.content))
            scores.flags["summary_pass"].append(bool(sentences) and not verifier.check({**record, "target": text}))
        elif task == "ask":
            said = NOT_FOUND in text
            if record["answerable"]:
                scores.flags["heldout_ask_contains_key"].append(compact(record["answer_key"]) in compact(text))
            else:
                scores.negatives += 1
            scores.said_not_found += said
            scores.said_not_found_rightly += said and not record["answerable"]
        elif task == "draft":
            scores.flags["draft_pass"].append(_draft_ok(record, text))
        elif task == "guard":
            scores.flags["guard_pass"].append(bool(text) and not verifier.check({**record, "target": text}))
        print(f"  {example_id} [{task}] {text[:90]!r}", file=sys.stderr, flush=True)


def _draft_ok(record: dict[str, Any], text: str) -> bool:
    sentences = [s.text for s in split_sentences(text)]
    template = templates()[record["template"]]
    register = Register(record["register"])
    checker = SupportChecker([record["title"], *record["points"]])
    return (
        1 <= len(sentences) <= template.sentences_per_point
        and all(is_in_register(s, register) for s in sentences)
        and all(checker.check(s).is_supported for s in sentences)
    )


def score_korquad(assistant: Assistant, items: list[Any], db: Path, scores: Scores) -> None:
    for item in items:
        outcome = ask(assistant, AskSession(), item.question, item.gold, db)
        scores.flags["model_answer_contains_gold"].append(outcome.model_answer_has_gold)
        scores.flags["answer_contains_gold"].append(outcome.answer_has_gold)


def run(model: ActiveModel, records: list[dict[str, Any]], items: list[Any], db: Path, threads: int | None) -> Scores:
    scores = Scores()
    assistant = Assistant.open(model, threads=threads)
    assistant.watch_enabled = False  # the model's own text: the watch records, withdraws nothing
    started = time.perf_counter()
    try:
        score_heldout(assistant, records, scores)
        score_korquad(assistant, items, db, scores)
    finally:
        assistant.close()
    print(f"{model.name}: {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    return scores


def figures(scores: Scores) -> dict[str, float]:
    return {
        "summary_support": scores.supported / max(1, scores.summary_sentences),
        "summary_loops": float(sum(scores.flags["summary_loops"])),
        "summary_pass": scores.share("summary_pass"),
        "heldout_ask_contains_key": scores.share("heldout_ask_contains_key"),
        "not_found_precision": scores.said_not_found_rightly / max(1, scores.said_not_found),
        "not_found_recall": scores.said_not_found_rightly / max(1, scores.negatives),
        "draft_pass": scores.share("draft_pass"),
        "guard_pass": scores.share("guard_pass"),
        "model_answer_contains_gold": scores.share("model_answer_contains_gold"),
        "answer_contains_gold": scores.share("answer_contains_gold"),
        "tokens_per_second": scores.tokens / max(1e-9, scores.gen_ms / 1000),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--korquad", type=int, default=200, help="KorQuAD questions (default 200)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N held-out records (smoke runs)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--threads", type=int, default=None)
    args = parser.parse_args()
    records = read_records(HELDOUT)
    if args.limit:
        records = random.Random(args.seed).sample(records, min(args.limit, len(records)))
    source = corpus_dir() / KORQUAD
    items = load_items(source, args.korquad, args.seed) if args.korquad else []
    base_file = default_model()
    if not load_catalog().tuned:
        sys.exit("no tuned model in models/catalog.toml (train one with make tune)")
    tuned = catalog_model(base_file.parent, load_catalog().tuned[0])
    base = describe_model(base_file, tuned.n_ctx)
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        db = tmp / "library.sqlite3"
        docs, _ = load_korquad(source, tmp / "korquad", None)
        with LibraryIndex.open(db) as index:
            build_index(index, docs)
        results = {label: figures(run(model, records, items, db, args.threads)) for label, model in (
            ("base", replace(base, integrity=None)), ("tuned", tuned))}  # fmt: skip
    print(f"{len(records)} held-out records, {len(items)} KorQuAD questions; base = {base.name}, tuned = {tuned.name}")
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    merged: dict[str, float | int | str] = {}
    for name in results["base"]:
        merged[f"base_{name}"] = results["base"][name]
        merged[f"tuned_{name}"] = results["tuned"][name]
    merged["tokens_per_second_ratio"] = results["tuned"]["tokens_per_second"] / max(
        1e-9, results["base"]["tokens_per_second"]
    )
    report(merged)
    return 0


if __name__ == "__main__":
    sys.exit(main())
