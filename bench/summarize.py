"""요약 of a 100-page Korean PDF: Baro's pipeline vs a plain map-reduce over every chunk, same model,
same run. Prints total time, model tokens processed, both ratios, and the time to first visible output.

    python bench/summarize.py [--pages 100] [--ctx 4096]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from _common import ROOT, corpus_dir, default_model, report

from app.core.document import Document
from app.core.events import KeyPoints, Token
from app.docs import read_document
from app.llm.client import Generation
from app.llm.engine_api import GenerationParams
from app.llm.prompts import TaskPrompt
from app.tasks.assistant import Assistant, describe_model
from app.tasks.summarize import SummaryRequest, summarize_document
from tests.long_document import build_long_pdf

CHUNK_OUTPUT = 120


def processed_tokens(generations: list[Generation]) -> int:
    return sum(g.stats.prompt_tokens - g.stats.cached_tokens + g.stats.completion_tokens for g in generations)


def baro_pipeline(assistant: Assistant, doc: Document) -> tuple[float, float, int, str]:
    assistant.recent.clear()
    started = time.perf_counter()
    first_visible = 0.0
    summary = ""
    for event in summarize_document(assistant, doc, SummaryRequest()):
        if isinstance(event, KeyPoints) and not first_visible:
            first_visible = time.perf_counter() - started
        if isinstance(event, Token):
            summary += event.text
    return time.perf_counter() - started, first_visible, processed_tokens(list(assistant.recent)), summary


def _summarize_text(assistant: Assistant, text: str) -> str:
    prompt = TaskPrompt(system="다음 글을 요약하세요.", content=text, instruction="위 글을 요약하세요.", cue="[요약]")
    params = GenerationParams(max_tokens=CHUNK_OUTPUT, temperature=0.2, repeat_penalty=1.15)
    return assistant.start(prompt, params).result().strip()


def _chunks(pieces: list[str], budget: int, count: float) -> list[str]:
    chunks: list[str] = [""]
    for piece in pieces:
        if chunks[-1] and (len(chunks[-1]) + len(piece)) * count > budget:
            chunks.append("")
        chunks[-1] += piece + "\n"
    return chunks


def map_reduce(assistant: Assistant, doc: Document) -> tuple[float, int, int]:
    """Every chunk of the document through the model, then the chunk summaries merged until one is left."""
    assistant.recent.clear()
    started = time.perf_counter()
    per_char = assistant.count_tokens(doc.text[:4000]) / len(doc.text[:4000])
    budget = assistant.content_budget(CHUNK_OUTPUT)
    chunks = _chunks([b.text for b in doc.blocks], budget, per_char)
    first_level = len(chunks)
    summaries = [_summarize_text(assistant, chunk) for chunk in chunks]
    while len(summaries) > 1:
        summaries = [_summarize_text(assistant, group) for group in _chunks(summaries, budget, per_char)]
    return time.perf_counter() - started, processed_tokens(list(assistant.recent)), first_level


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--ctx", type=int, default=4096)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        built = build_long_pdf(corpus_dir(), Path(tmp) / "long.pdf", pages=args.pages)
        started = time.perf_counter()
        doc = read_document(built.path)
        read_seconds = time.perf_counter() - started
    assistant = Assistant.open(describe_model(default_model(), args.ctx), threads=2)
    try:
        ours_s, first_s, ours_tokens, summary = baro_pipeline(assistant, doc)
        base_s, base_tokens, chunks = map_reduce(assistant, doc)
    finally:
        assistant.close()
    print(f"document: {args.pages} pages, {len(doc.text):,} characters, read in {read_seconds:.2f} s")
    print(f"map-reduce baseline: {chunks} first-level chunks")
    print("summary:", summary[:300].replace("\n", " / "))
    report(
        {
            "baro_total_s": ours_s + read_seconds,
            "baro_model_tokens": ours_tokens,
            "baseline_total_s": base_s + read_seconds,
            "baseline_model_tokens": base_tokens,
            "time_ratio": (ours_s + read_seconds) / (base_s + read_seconds),
            "token_ratio": ours_tokens / max(1, base_tokens),
            "first_visible_s": first_s + read_seconds,
        }
    )


if __name__ == "__main__":
    assert ROOT
    main()
