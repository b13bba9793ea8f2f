"""Is what the user sees worth reading? Loops, unsupported sentences and wasted generation, before and after
the answer watch (loop stop, withdrawal of unsupported sentences, early give-up, stop at the requested points).

Every supported corpus document with at least 300 Korean characters (hwp, hwpx, pdf, articles) and 30 KorQuAD
paragraphs, each summarized in the three styles; 30 KorQuAD questions through 질문; the six draft templates
with three points each. One engine, the built-in model, a fixed seed; every item runs twice in the same run:
BEFORE (``Assistant.watch_enabled = False``: the watches only record what they would have done) and AFTER.

    python bench/generation_health.py [--quick] [--limit N] [--seed 7]

Figures (each mode):
- displayed_unsupported_share: generated sentences shown to the user (summaries and 질문 answers) that the
  support checker judges unsupported, over all generated sentences shown.
- loops_displayed: shown answers (summaries, answers, drafts) in which the degeneration detector finds a loop.
- tokens_after_detection_p95: per generation the watch decided to stop, tokens the engine sampled after the
  token that gave the watch enough evidence (its decision point) — for AFTER the cancel latency plus what was in
  flight; for BEFORE what the model went on to write.
- degenerate_span_tokens_p95: per loop, tokens sampled from the first token of the degenerate span to the end.
- wasted_generation_seconds: generation time spent on text that was then withdrawn, or sampled after the stop.
- junk_generation_seconds: generation time spent on text the user got nothing from (withdrawn, or shown though
  unsupported or looped): the figure to compare BEFORE with AFTER.
- fallback_rate: answers that ended with only reliable text (key quotes / the best source sentence).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from _common import corpus_dir, default_model, report

from app.core.errors import BaroError
from app.core.events import Done
from app.docs import read_document, supported_suffixes
from app.llm.client import Generation
from app.store.templates import Template, TemplateField, load_templates
from app.tasks.answer_watch import AnswerWatch, GiveUpLimits, Judge
from app.tasks.ask import AskSession, answer_judge, ask
from app.tasks.assistant import Assistant, describe_model
from app.tasks.drafting.task import DraftRequest, write_draft
from app.tasks.library import index_library
from app.tasks.results import AnswerResult, SummaryResult
from app.tasks.summarize import SummaryLength, SummaryRequest, SummaryStyle, summarize_document
from app.tasks.verdicts import claim_judge
from app.text.degeneration import DegenerationDetector
from app.text.sentences import split_sentences

MIN_HANGUL = 300
KORQUAD_ITEMS = 30
POINTS = ("개선 방안: 물류 협력사 추가", "일정: 12월 15일까지 1차 완료", "예산: 3천만 원 이내에서 집행")


@dataclass
class Figures:
    shown_sentences: int = 0
    shown_unsupported: int = 0
    answers: int = 0
    loops: int = 0
    fallbacks: int = 0
    after_detection: list[int] = field(default_factory=list)
    span_tokens: list[int] = field(default_factory=list)
    wasted_s: float = 0.0
    junk_s: float = 0.0
    tokens: int = 0
    examples: list[str] = field(default_factory=list)
    label_runs: list[list[str]] = field(default_factory=list)
    """Verdict labels of each judged generation, in order (BEFORE: the whole answer, for choosing GIVE_UP)."""

    def summary(self, prefix: str) -> dict[str, float | int | str]:
        return {
            f"{prefix}answers": self.answers,
            f"{prefix}generated_tokens": self.tokens,
            f"{prefix}displayed_unsupported_share": self.shown_unsupported / max(self.shown_sentences, 1),
            f"{prefix}loops_displayed": self.loops,
            f"{prefix}tokens_after_detection_p95": p95(self.after_detection),
            f"{prefix}degenerate_span_tokens_p95": p95(self.span_tokens),
            f"{prefix}wasted_generation_seconds": self.wasted_s,
            f"{prefix}junk_generation_seconds": self.junk_s,
            f"{prefix}fallback_rate": self.fallbacks / max(self.answers, 1),
        }


def p95(values: list[int]) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return float(ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))])


def hangul_count(text: str) -> int:
    return sum(1 for ch in text if "\uac00" <= ch <= "\ud7a3")


def has_loop(text: str, source: str) -> bool:
    detector = DegenerationDetector(source)
    return any(detector.feed(text[i : i + 3]) is not None for i in range(0, len(text), 3))


# --- the items -----------------------------------------------------------------------------------


def corpus_documents(corpus: Path, work: Path, rng: random.Random) -> list[Path]:
    paths: list[Path] = []
    suffixes = supported_suffixes()
    for kind in ("hwp", "hwpx", "pdf", "articles"):
        for path in sorted((corpus / kind).glob("*")):
            if path.suffix.lower() in suffixes and not path.name.startswith("LICENSE"):
                paths.append(path)
    for number, (_, context, _) in enumerate(korquad_items(corpus, rng)):
        target = work / f"korquad-{number:02d}.txt"
        target.write_text(context, encoding="utf-8")
        paths.append(target)
    return paths


def korquad_items(corpus: Path, rng: random.Random) -> list[tuple[str, str, str]]:
    """(title, paragraph, one question) of 30 paragraphs with at least MIN_HANGUL Korean characters."""
    data = json.loads((corpus / "korquad" / "KorQuAD_v1.0_dev.json").read_text(encoding="utf-8"))
    items = [
        (article["title"], p["context"], p["qas"][0]["question"])
        for article in data["data"]
        for p in article["paragraphs"]
        if p["qas"] and hangul_count(p["context"]) >= MIN_HANGUL
    ]
    return rng.sample(items, KORQUAD_ITEMS)


def draft_fields(template_fields: tuple[TemplateField, ...]) -> dict[str, str]:
    """Three points in 요점 (every template has it); the other required fields from their hints ("예: …")."""
    values: dict[str, str] = {}
    for item in template_fields:
        if item.key == "요점":
            values[item.key] = "\n".join(POINTS)
        elif item.required:
            values[item.key] = item.hint.split("예:", 1)[1].strip() if "예:" in item.hint else item.key
    return values


# --- measuring -----------------------------------------------------------------------------------


def account(figures: Figures, assistant: Assistant, since: int) -> None:
    """Token figures of the generations streamed since ``since`` (an index into ``assistant.watched``)."""
    for generation, watch in list(assistant.watched)[since:]:
        _account_one(figures, generation, watch)


def _account_one(figures: Figures, generation: Generation, watch: AnswerWatch) -> None:
    stats = generation.stats
    sampled = stats.completion_tokens
    figures.tokens += sampled
    record = watch.record
    if watch.judge is not None:
        figures.label_runs.append([s.verdict.label for s in watch.sentences])
    # Streamed pieces the watch saw, plus those in flight when the cancel was sent and those the worker sampled
    # after it arrived (the units are the worker's streamed pieces, one per token but for split characters).
    seen = record.tokens + stats.tokens_after_cancel + (stats.sampled_after_cancel or 0)
    if watch.would_stop and record.stop_token is not None:
        figures.after_detection.append(seen - record.stop_token)
    if record.degeneration_token is not None:
        figures.span_tokens.append(seen - record.degeneration_token)
    seconds = stats.gen_ms / 1000
    raw = len(watch.raw) or 1
    per_token = seconds / max(sampled, 1)
    withdrawn = sum(b - a for a, b, _ in watch.withdrawn)
    after_stop = seen - record.tokens if watch.stop else 0
    figures.wasted_s += seconds * withdrawn / raw + per_token * after_stop
    junk = withdrawn
    if not watch.acting:
        junk += sum(s.end - s.start for s in watch.sentences if s.verdict.label == "unsupported")
        if record.degeneration is not None:
            junk += len(watch.raw) - record.degeneration.start
    figures.junk_s += seconds * min(raw, junk) / raw + per_token * after_stop


def shown_sentences(figures: Figures, text: str, judge: Judge) -> None:
    for sentence in split_sentences(text):
        figures.shown_sentences += 1
        if judge(sentence.text).label == "unsupported":
            figures.shown_unsupported += 1


def run_summary(assistant: Assistant, path: Path, style: SummaryStyle, figures: Figures) -> None:
    doc = read_document(path)
    since = len(assistant.watched)
    done: Done | None = None
    for event in summarize_document(assistant, doc, SummaryRequest(style, SummaryLength.MEDIUM)):
        if isinstance(event, Done):
            done = event
    assert done is not None and isinstance(done.result, SummaryResult)
    account(figures, assistant, since)
    figures.answers += 1
    sources = [q.text for q in done.result.quotes]
    shown_sentences(figures, done.text, claim_judge(sources))
    if has_loop(done.text, "\n".join(sources)):
        figures.loops += 1
        figures.examples.append(f"{path.name}/{style.value}: {done.text[:160]!r}")
    figures.fallbacks += done.result.fallback or not done.text.strip()


def run_question(assistant: Assistant, question: str, db: Path, figures: Figures) -> None:
    since = len(assistant.watched)
    done: Done | None = None
    for event in ask(AskSession(), question, assistant, db_path=db):
        if isinstance(event, Done):
            done = event
    assert done is not None and isinstance(done.result, AnswerResult)
    account(figures, assistant, since)
    figures.answers += 1
    result = done.result
    if not result.relevant:
        return
    passages = [s.text for s in result.sources]
    if result.answer_from == "model":
        shown_sentences(figures, result.answer, answer_judge(passages))
        if has_loop(result.answer, "\n".join(passages)):
            figures.loops += 1
    else:
        figures.fallbacks += 1


def run_draft(assistant: Assistant, template: Template, figures: Figures) -> None:
    since = len(assistant.watched)
    request = DraftRequest(template, draft_fields(template.fields))
    done: Done | None = None
    for event in write_draft(assistant, request):
        if isinstance(event, Done):
            done = event
    assert done is not None
    account(figures, assistant, since)
    figures.answers += 1
    if has_loop(done.text, "\n".join(POINTS)):
        figures.loops += 1
        figures.examples.append(f"draft {template.name}: {done.text[-160:]!r}")


def give_up_table(runs: list[list[str]]) -> None:
    """For candidate limits, on the BEFORE answers: how often each gives up, how many answers with a supported
    majority it would lose, how many mostly unsupported ones it would still show."""
    judged = [r for r in runs if r]
    if not judged:
        return
    print(f"give-up candidates over {len(judged)} judged answers (first N, share → gives up / good lost / junk kept)")
    for first in (2, 3, 4):
        for share in (0.5, 0.6, 0.75, 1.0):
            limits = GiveUpLimits(first_sentences=first, unsupported_share=share)
            gives = lost = kept = 0
            for labels in judged:
                mostly_bad = labels.count("unsupported") > len(labels) / 2
                gave = labels[:first].count("unsupported") >= limits.unsupported_needed
                gives += gave
                lost += gave and not mostly_bad
                kept += not gave and mostly_bad
            print(f"  first={first} share={share:.2f}: {gives / len(judged):.2f} / {lost} / {kept}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="the paper and one KorQuAD paragraph (one style each), 3 questions, 1 template",
    )
    parser.add_argument(
        "--limit", type=int, default=0, help="at most this many documents, spread evenly over the list (0: all)"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--ctx", type=int, default=4096)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    corpus = corpus_dir()
    work = Path(tempfile.mkdtemp(prefix="baro-health-"))
    os.environ.setdefault("BARO_HOME", str(work / "home"))
    paragraphs = work / "paragraphs"
    paragraphs.mkdir()
    candidates = corpus_documents(corpus, paragraphs, rng)
    questions = [q for _, _, q in korquad_items(corpus, random.Random(args.seed))]
    templates = sorted(load_templates()[0], key=lambda t: t.name)
    styles = list(SummaryStyle)
    if args.quick:
        # One corpus document (the KorQuAD 2.0 paper) and one KorQuAD paragraph, 3 questions, 1 template.
        candidates = [
            *[d for d in candidates if d.suffix == ".pdf"][:1],
            *[d for d in candidates if "korquad-" in d.name][:1],
        ]
        questions, templates = questions[:3], templates[:1]
    documents = [p for p in candidates if _long_enough(p)]
    if args.limit and len(documents) > args.limit:
        step = len(documents) / args.limit  # an even spread, so every format stays in the run
        documents = [documents[int(i * step)] for i in range(args.limit)]
    db = work / "library.sqlite3"
    for _ in index_library([paragraphs], db_path=db):
        pass

    assistant = Assistant.open(describe_model(default_model(), args.ctx))
    assistant.guard_enabled = False
    modes = {"before_": Figures(), "after_": Figures()}
    started = time.perf_counter()
    try:
        for number, document in enumerate(documents):
            chosen = [styles[number % 3]] if args.quick else styles
            for style in chosen:
                for prefix, figures in modes.items():
                    assistant.watch_enabled = prefix == "after_"
                    run_summary(assistant, document, style, figures)
        for question in questions:
            for prefix, figures in modes.items():
                assistant.watch_enabled = prefix == "after_"
                run_question(assistant, question, db, figures)
        for template in templates:
            for prefix, figures in modes.items():
                assistant.watch_enabled = prefix == "after_"
                run_draft(assistant, template, figures)
    finally:
        assistant.close()
    give_up_table(modes["before_"].label_runs)
    for prefix, figures in modes.items():
        for example in figures.examples[:5]:
            print(f"{prefix}loop: {example}")
    figures_out: dict[str, float | int | str] = {
        "documents": len(documents),
        "questions": len(questions),
        "templates": len(templates),
        "seconds": time.perf_counter() - started,
        "load_average": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }
    for prefix, figures in modes.items():
        figures_out.update(figures.summary(prefix))
    report(figures_out)


def _long_enough(path: Path) -> bool:
    try:
        return hangul_count(read_document(path).text) >= MIN_HANGUL
    except BaroError:
        return False


if __name__ == "__main__":
    main()
