"""Korean retrieval on KorQuAD 1.0 dev: the library index vs plain whitespace BM25, in one run.

Indexes the 964 paragraphs (one document per article, one block per paragraph) through the real
index code, asks the 5,774 questions one at a time, and counts a hit when a returned passage covers the
question's paragraph. Prints Recall@1, Recall@5, MRR@10 for both, indexing time and query latency.

    .venv/bin/python bench/retrieval.py [--corpus DIR] [--articles N] [--variants]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.core.document import Block, Document  # noqa: E402
from app.core.locations import Location  # noqa: E402
from app.index.library import LibraryIndex  # noqa: E402
from app.index.prepare import FileEntry, prepare_documents  # noqa: E402
from app.index.search import DEFAULT_RANKING, Fusion, Passage, Ranking, load_passages, search  # noqa: E402
from app.sqlite.connection import transaction  # noqa: E402
from app.text.kiwi import kiwi  # noqa: E402

KORQUAD = "korquad/KorQuAD_v1.0_dev.json"


@dataclass(frozen=True)
class Question:
    text: str
    path: Path
    paragraph: int


@dataclass(frozen=True)
class Scores:
    recall_at_1: float
    recall_at_5: float
    mrr_at_10: float
    latencies_ms: list[float]


def load_korquad(path: Path, folder: Path, articles: int | None) -> tuple[list[Document], list[Question]]:
    data = json.loads(path.read_text(encoding="utf-8"))["data"][:articles]
    docs: list[Document] = []
    questions: list[Question] = []
    for number, article in enumerate(data):
        doc_path = folder / f"{number:03d}.txt"
        blocks = [Block(p["context"], Location(paragraph=i + 1)) for i, p in enumerate(article["paragraphs"])]
        docs.append(Document(doc_path, article["title"], "txt", blocks))
        for i, paragraph in enumerate(article["paragraphs"]):
            questions.extend(Question(qa["question"], doc_path, i + 1) for qa in paragraph["qas"])
    return docs, questions


def build_index(index: LibraryIndex, docs: Sequence[Document]) -> float:
    """Seconds from a cold Kiwi to a committed index (Kiwi's model load included)."""
    start = time.perf_counter()
    kiwi().tokenize("준비")
    entries = [FileEntry(d.path, d.title, d.format, d.char_count, 0, f"bench-{i}") for i, d in enumerate(docs)]
    for prepared in prepare_documents(list(zip(entries, docs, strict=True))):
        index.replace_file(prepared)
    return time.perf_counter() - start


def build_baseline(index: LibraryIndex) -> float:
    """Plain BM25 over whitespace words (FTS5 unicode61 on the raw chunk text) for the same chunks."""
    start = time.perf_counter()
    with transaction(index.db):
        index.db.execute("CREATE VIRTUAL TABLE baseline_terms USING fts5(body)")
        index.db.execute("INSERT INTO baseline_terms(rowid, body) SELECT id, text FROM chunks")
    return time.perf_counter() - start


def baseline_search(index: LibraryIndex, query: str, k: int) -> list[Passage]:
    words = ['"' + w.replace('"', '""') + '"' for w in dict.fromkeys(query.split())]
    rows = index.db.execute(
        "SELECT rowid, -bm25(baseline_terms) AS s FROM baseline_terms WHERE baseline_terms MATCH ? "
        "ORDER BY s DESC LIMIT ?",
        (" OR ".join(words), k),
    ).fetchall()
    return load_passages(index, [(int(r[0]), float(r[1])) for r in rows])


def evaluate(questions: Sequence[Question], ask: Callable[[str], list[Passage]]) -> Scores:
    hits_1 = hits_5 = 0
    reciprocal = 0.0
    latencies: list[float] = []
    for question in questions:
        start = time.perf_counter()
        passages = ask(question.text)
        latencies.append((time.perf_counter() - start) * 1000)
        ranks = [
            rank
            for rank, p in enumerate(passages[:10], start=1)
            if p.path == question.path and any(loc.paragraph == question.paragraph for loc in p.locations)
        ]
        first = ranks[0] if ranks else None
        hits_1 += first == 1
        hits_5 += first is not None and first <= 5
        reciprocal += 1 / first if first else 0.0
    n = len(questions)
    return Scores(hits_1 / n, hits_5 / n, reciprocal / n, latencies)


def percentile(values: Sequence[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--articles", type=int, default=None, help="only the first N articles (quick runs)")
    parser.add_argument("--variants", action="store_true", help="also rank with each list alone and with RRF")
    args = parser.parse_args()
    source = args.corpus / KORQUAD
    if not source.exists():
        print(f"KorQuAD not found at {source}", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory() as tmp, LibraryIndex.open(Path(tmp) / "library.sqlite3") as index:
        docs, questions = load_korquad(source, Path(tmp) / "korquad", args.articles)
        paragraphs = sum(len(d.blocks) for d in docs)
        index_seconds = build_index(index, docs)
        baseline_seconds = build_baseline(index)
        chunks = index.stats().chunks
        print(f"{len(docs)} articles, {paragraphs} paragraphs, {chunks} chunks, {len(questions)} questions")

        ours = evaluate(questions, lambda q: search(index, q, k=10))
        base = evaluate(questions, lambda q: baseline_search(index, q, 10))
        if args.variants:
            variants = {
                "morphemes only": Ranking(bigram_weight=0.0),
                "bigrams only": Ranking(morpheme_weight=0.0),
                "fused, no title column": Ranking(title_weight=0.0),
                "fused by RRF": Ranking(fusion=Fusion.RRF),
                "fused, no phrase evidence": Ranking(evidence_weight=0.0),
                "fused, weighted (default)": DEFAULT_RANKING,
            }
            for name, ranking in variants.items():
                s = evaluate(questions, lambda q, r=ranking: search(index, q, k=10, ranking=r))
                print(f"  {name:27} R@1 {s.recall_at_1:.4f}  R@5 {s.recall_at_5:.4f}  MRR@10 {s.mrr_at_10:.4f}")

    print(
        f"baseline (whitespace BM25): R@1 {base.recall_at_1:.4f}  R@5 {base.recall_at_5:.4f}  "
        f"MRR@10 {base.mrr_at_10:.4f}  index {baseline_seconds:.2f} s  "
        f"p50 {percentile(base.latencies_ms, 50):.2f} ms  p95 {percentile(base.latencies_ms, 95):.2f} ms"
    )
    p50, p95 = percentile(ours.latencies_ms, 50), percentile(ours.latencies_ms, 95)
    print(f"recall_at_1: {ours.recall_at_1:.4f}")
    print(f"recall_at_5: {ours.recall_at_5:.4f}")
    print(f"mrr_at_10: {ours.mrr_at_10:.4f}")
    print(f"baseline_recall_at_1: {base.recall_at_1:.4f}")
    print(f"baseline_recall_at_5: {base.recall_at_5:.4f}")
    print(f"baseline_mrr_at_10: {base.mrr_at_10:.4f}")
    print(f"recall_at_1_vs_baseline: {ours.recall_at_1 / base.recall_at_1:.3f}")
    print(f"recall_at_5_vs_baseline: {ours.recall_at_5 / base.recall_at_5:.3f}")
    print(f"mrr_at_10_vs_baseline: {ours.mrr_at_10 / base.mrr_at_10:.3f}")
    print(f"index_seconds: {index_seconds:.2f}")
    print(f"index_seconds_vs_baseline: {index_seconds / max(baseline_seconds, 1e-9):.1f}")
    print(f"query_p50_ms: {p50:.2f}")
    print(f"query_p95_ms: {p95:.2f}")
    print(f"query_p95_vs_baseline: {p95 / percentile(base.latencies_ms, 95):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
