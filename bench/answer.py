"""질문 end to end on KorQuAD 1.0 dev with the default model: correct sources, answers, and follow-up speed.

The 964 paragraphs are indexed as documents (one file per article, one block per paragraph, as in
bench/retrieval.py). For each of ``--n`` questions (seeded sample, default 200) a fresh conversation asks
it, then asks a second question about the same paragraph as a follow-up in the same conversation.

Counted per first question: the answer's linked sources (cited by the model or attached by the sentence
check) contain the gold answer; the answer text contains it (and, in the same run, the model's own text: the
pane shows the best-matching source sentence instead when the model's answer shares nothing with the
question and that sentence); the gold answer was in the prompt at all
(the retrieval ceiling). Time to first token is measured in this process from the question to the first
streamed token (retrieval included), for the first question and for the follow-up, over the pairs where
the model answered both (after "nothing relevant" there is no prefix to reuse); the ratio is the
follow-up's mean over the first's (goal ≤ 0.2), over all those pairs and over the follow-ups answered from
the same passages (a follow-up whose answer lies in another part of the article adds that passage and
reads it). Also: how often "nothing relevant" is said for answerable
questions and for unrelated ones (questions about articles left out of a second, half-size index).

    .venv/bin/python bench/answer.py [--n 200] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from _common import ROOT, corpus_dir, default_model, report

sys.path.insert(0, str(ROOT / "bench"))

from retrieval import build_index, load_korquad

from app.core.events import Done, Token
from app.index.library import LibraryIndex
from app.tasks.ask import AskSession, answer_plan, plan_question
from app.tasks.assistant import Assistant, describe_model
from app.tasks.results import AnswerResult

KORQUAD = "korquad/KorQuAD_v1.0_dev.json"


@dataclass(frozen=True)
class Item:
    question: str
    gold: str
    follow_up: str
    follow_gold: str


@dataclass
class Outcome:
    relevant: bool = False
    cited_has_gold: bool = False
    model_cited_has_gold: bool = False
    answer_has_gold: bool = False
    model_answer_has_gold: bool = False
    replaced: bool = False
    gold_in_prompt: bool = False
    ttft_ms: float = 0.0
    cached_tokens: int = 0
    prompt_tokens: int = 0
    reused: int = 0
    sources: int = 0
    unsupported: int = 0
    sentences: int = 0


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def load_items(path: Path, n: int, seed: int) -> list[Item]:
    data = json.loads(path.read_text(encoding="utf-8"))["data"]
    pool: list[Item] = []
    for article in data:
        for paragraph in article["paragraphs"]:
            qas = paragraph["qas"]
            for i, qa in enumerate(qas):
                if len(qas) < 2:
                    continue
                other = qas[(i + 1) % len(qas)]
                pool.append(
                    Item(qa["question"], qa["answers"][0]["text"], other["question"], other["answers"][0]["text"])
                )
    return random.Random(seed).sample(pool, n)


def ask(assistant: Assistant, session: AskSession, question: str, gold: str, db: Path) -> Outcome:
    started = time.perf_counter()
    plan = plan_question(session, question, db_path=db)
    outcome = Outcome(relevant=plan.relevant, reused=plan.reused, sources=len(plan.sources))
    outcome.gold_in_prompt = plan.relevant and any(squeeze(gold) in squeeze(s.passage.text) for s in plan.sources)
    done: Done | None = None
    for event in answer_plan(assistant, plan):
        if isinstance(event, Token) and not outcome.ttft_ms:
            outcome.ttft_ms = (time.perf_counter() - started) * 1000
        elif isinstance(event, Done):
            done = event
    assert done is not None and isinstance(done.result, AnswerResult)
    result = done.result
    if not plan.relevant:
        return outcome
    by_number = {s.number: s for s in result.sources}
    linked = {s.source for s in result.sentences if s.source is not None and s.label != "unsupported"}
    model_cited = {n for s in result.sentences for n in s.cited}
    outcome.cited_has_gold = any(squeeze(gold) in squeeze(by_number[n].text) for n in linked)
    outcome.model_cited_has_gold = any(squeeze(gold) in squeeze(by_number[n].text) for n in model_cited)
    outcome.answer_has_gold = squeeze(gold) in squeeze(result.answer)
    outcome.model_answer_has_gold = squeeze(gold) in squeeze(result.model_answer)
    outcome.replaced = bool(result.model_answer) and result.answer != result.model_answer
    outcome.sentences = len(result.sentences)
    outcome.unsupported = sum(s.label == "unsupported" for s in result.sentences)
    if result.timing is not None:
        outcome.cached_tokens = result.timing.cached_tokens
        outcome.prompt_tokens = result.timing.prompt_tokens
    return outcome


def relevance_rates(source: Path, tmp: Path, seed: int) -> tuple[float, float]:
    """(answerable questions told "nothing relevant", unrelated questions answered anyway), half/half split."""
    docs, questions = load_korquad(source, tmp / "half", None)
    kept = {d.path for d in docs[: len(docs) // 2]}
    rng = random.Random(seed)
    inside = rng.sample([q for q in questions if q.path in kept], 300)
    outside = rng.sample([q for q in questions if q.path not in kept], 300)
    db = tmp / "half.sqlite3"
    with LibraryIndex.open(db) as index:
        build_index(index, [d for d in docs if d.path in kept])
    missed = sum(not plan_question(AskSession(), q.text, db_path=db).relevant for q in inside)
    answered = sum(plan_question(AskSession(), q.text, db_path=db).relevant for q in outside)
    return missed / len(inside), answered / len(outside)


def _answered_pairs(firsts: list[Outcome], follows: list[Outcome]) -> list[tuple[Outcome, Outcome]]:
    """Pairs where the model answered both: a follow-up after "nothing relevant" has no prefix to reuse."""
    return [(o, f) for o, f in zip(firsts, follows, strict=True) if o.ttft_ms and f.ttft_ms]


def _running(firsts: list[Outcome], follows: list[Outcome]) -> str:
    pairs = _answered_pairs(firsts, follows)
    first = statistics.mean(o.ttft_ms for o, _ in pairs) if pairs else float("nan")
    ratio = statistics.mean(f.ttft_ms for _, f in pairs) / first if pairs else float("nan")
    return (
        f"cited_passages_contain_gold {share([o.cited_has_gold for o in firsts]):.3f}, "
        f"answer_contains_gold {share([o.answer_has_gold for o in firsts]):.3f}, "
        f"first_ttft_ms {first:.0f}, followup_ttft_ratio {ratio:.3f}"
    )


def share(flags: list[bool]) -> float:
    return sum(flags) / max(1, len(flags))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=200, help="questions to ask (default 200)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--ctx", type=int, default=4096)
    parser.add_argument("--threads", type=int, default=None)
    args = parser.parse_args()
    source = corpus_dir() / KORQUAD
    items = load_items(source, args.n, args.seed)

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        missed, answered_unrelated = relevance_rates(source, tmp, args.seed)
        db = tmp / "library.sqlite3"
        docs, _ = load_korquad(source, tmp / "korquad", None)
        with LibraryIndex.open(db) as index:
            build_index(index, docs)
        assistant = Assistant.open(describe_model(default_model(), args.ctx), threads=args.threads)
        firsts: list[Outcome] = []
        follows: list[Outcome] = []
        try:
            for number, item in enumerate(items, start=1):
                session = AskSession()
                firsts.append(ask(assistant, session, item.question, item.gold, db))
                follows.append(ask(assistant, session, item.follow_up, item.follow_gold, db))
                first, follow = firsts[-1], follows[-1]
                print(
                    f"#{number} first {first.ttft_ms:.0f} ms ({first.cached_tokens}/{first.prompt_tokens} cached), "
                    f"follow-up {follow.ttft_ms:.0f} ms ({follow.cached_tokens}/{follow.prompt_tokens} cached, "
                    f"{follow.sources - follow.reused} passages added), gold in answer {first.answer_has_gold}",
                    file=sys.stderr,
                    flush=True,
                )
                if number % 10 == 0:
                    print(f"after {number}: {_running(firsts, follows)}", file=sys.stderr, flush=True)
        finally:
            assistant.close()

    pairs = _answered_pairs(firsts, follows)
    answered_follow = [f for _, f in pairs]
    same = [(o, f) for o, f in pairs if f.reused == f.sources]
    first_ttft = statistics.mean(o.ttft_ms for o, _ in pairs)
    follow_ttft = statistics.mean(f.ttft_ms for _, f in pairs)
    sentences = sum(o.sentences for o in firsts)
    print(f"{len(items)} questions, each with a follow-up on the same paragraph; model: default (Gemma 3 270M)")
    report(
        {
            "questions": len(items),
            "gold_in_prompt": share([o.gold_in_prompt for o in firsts]),
            "cited_passages_contain_gold": share([o.cited_has_gold for o in firsts]),
            "model_cited_passages_contain_gold": share([o.model_cited_has_gold for o in firsts]),
            "model_answer_contains_gold": share([o.model_answer_has_gold for o in firsts]),
            "off_question_replaced": share([o.replaced for o in firsts]),
            "replaced_model_answer_had_gold": share([o.model_answer_has_gold for o in firsts if o.replaced]),
            "answer_contains_gold": share([o.answer_has_gold for o in firsts]),
            "followup_answer_contains_gold": share([o.answer_has_gold for o in follows]),
            "unsupported_sentence_share": sum(o.unsupported for o in firsts) / max(1, sentences),
            "nothing_relevant_on_answerable": missed,
            "answered_unrelated": answered_unrelated,
            "answered_pairs": len(pairs),
            "followup_added_no_passage": share([o.reused == o.sources for o in answered_follow]),
            "followup_cached_token_share": statistics.mean(
                o.cached_tokens / max(1, o.prompt_tokens) for o in answered_follow
            ),
            "first_ttft_ms": first_ttft,
            "followup_ttft_ms": follow_ttft,
            "followup_ttft_ratio_median": statistics.median(f.ttft_ms / o.ttft_ms for o, f in pairs),
            "same_passages_followups": len(same),
            "same_passages_followup_ttft_ratio": statistics.mean(f.ttft_ms for _, f in same) / first_ttft,
            "followup_ttft_ratio": follow_ttft / first_ttft,
        }
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
