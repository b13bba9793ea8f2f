"""Tokenize the instruction set for tune/train.py: the app's own prompts, in the tuned model's format.

Each record becomes the ``TaskPrompt`` the app builds for that task (요약: ``summary_prompt`` over the key
sentences; 질문: ``build_prompt`` over the numbered passages, with the evidence sentence the app adds; 초안:
one prompt per point, as the drafting writer asks; 주권: the quick-answer prompt), the claims guard's facts
are added as ``Assistant.start`` adds them, and ``app.llm.prompts.training_example`` renders it in
``PromptFormat.BARO_TUNED``: so training sees exactly what the app sends the tuned model. llama.cpp's own
tokenizer (the default GGUF, vocabulary only) turns prompt and answer into ids, the prompt as the engine
tokenizes it (BOS, special tokens parsed).

    .venv/bin/python tune/tokenize_data.py            # writes tune/build/tokens/{train,heldout}.jsonl

Output, one JSON object a line: {"id": ..., "task": ..., "tokens": [...], "loss_from": k} (the loss covers
tokens[k:], the answer and its end-of-turn). Examples longer than --max-len are dropped and listed; the
number over 512 tokens is reported.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.core.locations import Location
from app.index.search import Passage
from app.llm.prompts import TaskPrompt, training_example
from app.store.guard_rules import builtin_dir as guard_dir
from app.store.templates import Template, load_template
from app.store.templates import builtin_dir as template_dir
from app.tasks.ask import (
    PassageWords,
    Source,
    analyse_passages,
    best_sentences,
    build_prompt,
    evidence_sentence,
    question_terms,
)
from app.tasks.drafting.writer import point_prompt
from app.tasks.guarding import current_guard, with_guard_facts
from app.tasks.quick_answer import quick_prompt
from app.tasks.summary_prompts import SummaryLength, SummaryRequest, SummaryStyle, summary_prompt
from app.text.korean_format import Register
from tune.base_model import base_gguf

DATA = Path(__file__).resolve().parent / "data"
OUT = Path(__file__).resolve().parent / "build" / "tokens"
SPLITS = ("train", "heldout")
MAX_LEN = 1024
"""An app 질문 prompt (three passages of up to 480 characters, the evidence, the question) is ~530 tokens on
average: at 512, two thirds of the 질문 examples would be dropped. A news article's 요약 prompt (15 key
sentences) runs to ~1,000 tokens with its answer: the longest example is 997. The cost per step grows with
the length."""
FLAG_LEN = 512
"""Examples longer than this are counted (the measured step time, tune/FEASIBILITY.md, is at 512)."""

Pair = tuple[str, TaskPrompt, str]
"""(example id, the app's prompt, the answer to learn)."""


class Library:
    """The split's distinct passages as the app's index would weigh them (IDF over passages, as ``term_idf``)."""

    def __init__(self, records: list[dict[str, Any]]) -> None:
        distinct = {(p["title"], p["text"]) for r in records if r["task"] == "ask" for p in r["passages"]}
        self.passages = {key: _passage(n, *key) for n, key in enumerate(sorted(distinct))}
        self.words: dict[tuple[str, str], PassageWords] = dict(
            zip(self.passages, analyse_passages(list(self.passages.values())), strict=True)
        )
        self.df = Counter(m for w in self.words.values() for m in w.whole.morphemes)

    def idf(self, terms: list[str]) -> dict[str, float]:
        chunks = max(1, len(self.passages))
        return {t: math.log((chunks + 1) / (self.df[t] + 0.5)) for t in terms}

    def evidence(self, question: str, keys: list[tuple[str, str]]) -> str:
        """The sentence of the passages that best matches the question, chosen as ``plan_question`` does."""
        terms = question_terms(question)
        matches = best_sentences([self.words[key] for key in keys], terms, self.idf(terms))
        return evidence_sentence(matches, [text for _, text in keys])


def _passage(chunk_id: int, title: str, text: str) -> Passage:
    return Passage(Path(f"{title}.txt"), title, Location(), (), text, 0.0, chunk_id)


def templates() -> dict[str, Template]:
    """The built-in templates (not the user's copies: training must not depend on this machine's config)."""
    loaded = (load_template(path) for path in sorted(template_dir().glob("*.toml")))
    return {t.name: t for t in loaded}


def ask_pair(record: dict[str, Any], library: Library) -> Pair:
    keys = [(p["title"], p["text"]) for p in sorted(record["passages"], key=lambda p: p["number"])]
    sources = [Source(n, library.passages[key]) for n, key in enumerate(keys, 1)]
    evidence = library.evidence(record["question"], keys)
    return record["id"], build_prompt(sources, record["question"], evidence), record["target"]


def draft_pairs(record: dict[str, Any], known: dict[str, Template]) -> Iterator[Pair]:
    """One example per point: the app writes a draft a point at a time (``drafting.task._expand``)."""
    template = replace(known[record["template"]], register=Register(record["register"]))
    for number, piece in enumerate(record["pieces"], 1):
        prompt = point_prompt(template, record["title"], piece["point"], [])
        yield f"{record['id']}-p{number}", prompt, piece["text"]


def task_pairs(record: dict[str, Any], library: Library, known: dict[str, Template]) -> Iterator[Pair]:
    task = record["task"]
    if task == "summarize":
        request = SummaryRequest(SummaryStyle(record["style"]), SummaryLength(record["length"]))
        yield record["id"], summary_prompt(record["title"], record["key_sentences"], request), record["target"]
    elif task == "ask":
        yield ask_pair(record, library)
    elif task == "draft":
        yield from draft_pairs(record, known)
    elif task == "guard":
        yield record["id"], quick_prompt(record["question"]), record["target"]
    else:
        raise SystemExit(f"{record['id']}: unknown task '{task}'")


def rendered(records: list[dict[str, Any]]) -> Iterator[tuple[str, str, str, str]]:
    """(id, task, prompt text, answer text) of every example, the prompt as ``Assistant.start`` sends it."""
    library, known = Library(records), templates()
    guard = current_guard((guard_dir(),))
    for record in records:
        for example_id, prompt, answer in task_pairs(record, library, known):
            yield (example_id, record["task"], *training_example(with_guard_facts(prompt, guard), answer))


def read_records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def percentile(values: list[int], share: float) -> int:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument(
        "--model", type=Path, default=None, help="GGUF whose tokenizer to use (default: the base model)"
    )
    parser.add_argument("--max-len", type=int, default=MAX_LEN)
    args = parser.parse_args()

    import llama_cpp

    vocab = llama_cpp.Llama(str(base_gguf(args.model)), vocab_only=True, verbose=False)
    args.out.mkdir(parents=True, exist_ok=True)
    for split in SPLITS:
        lengths: list[int] = []
        dropped: list[tuple[str, int]] = []
        lines: list[str] = []
        per_task: Counter[str] = Counter()
        for example_id, task, prompt, answer in rendered(read_records(args.data / f"{split}.jsonl")):
            prompt_ids = vocab.tokenize(prompt.encode("utf-8"), add_bos=True, special=True)
            answer_ids = vocab.tokenize(answer.encode("utf-8"), add_bos=False, special=True)
            tokens = prompt_ids + answer_ids
            if len(tokens) > args.max_len:
                dropped.append((example_id, len(tokens)))
                continue
            lengths.append(len(tokens))
            per_task[task] += 1
            row = {"id": example_id, "task": task, "tokens": tokens, "loss_from": len(prompt_ids)}
            lines.append(json.dumps(row, separators=(",", ":")))
        target = args.out / f"{split}.jsonl"
        target.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{split}: {len(lengths)} examples -> {target} ({dict(sorted(per_task.items()))})")
        print(
            f"{split}_tokens_mean: {statistics.mean(lengths):.1f}\n{split}_tokens_p95: {percentile(lengths, 0.95)}\n"
            f"{split}_tokens_max: {max(lengths)}\n{split}_over_{FLAG_LEN}: {sum(n > FLAG_LEN for n in lengths)}\n"
            f"{split}_dropped_over_{args.max_len}: {len(dropped)}"
        )
        for example_id, length in dropped:
            print(f"  dropped {example_id}: {length} tokens")


if __name__ == "__main__":
    main()
