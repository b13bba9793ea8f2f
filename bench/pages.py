"""Page ranking on multi-page Korean documents: is the page that holds the answer ranked first?

The documents (bench/pages_data/*.toml, written for this project) have 8-12 pages each, neighbouring pages
on the same topic with different figures and names, and questions whose answer sits on exactly one page.
Each page becomes one block located at its page, as the PDF reader yields it, and goes through the real
chunker and index. A hit at rank r: one of the first r passages covers the gold page. Ranked with and
without phrase evidence (``app.index.evidence``) in one run; with ``--korquad``, KorQuAD 1.0 dev's
Recall@1 both ways too (the shared corpus).

    .venv/bin/python bench/pages.py [--korquad]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from retrieval import KORQUAD, build_index, evaluate, load_korquad  # noqa: E402

from app.core.document import Block, Document  # noqa: E402
from app.core.locations import Location  # noqa: E402
from app.index.library import LibraryIndex  # noqa: E402
from app.index.search import DEFAULT_RANKING, Passage, Ranking, search  # noqa: E402

DATA = ROOT / "bench" / "pages_data"
WITHOUT_EVIDENCE = Ranking(evidence_weight=0.0)


@dataclass(frozen=True)
class PageQuestion:
    text: str
    path: Path
    page: int
    answer: str


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def load_pages(folder: Path) -> tuple[list[Document], list[PageQuestion]]:
    docs: list[Document] = []
    questions: list[PageQuestion] = []
    for source in sorted(DATA.glob("*.toml")):
        data = tomllib.loads(source.read_text(encoding="utf-8"))
        path = folder / f"{data['id']}.pdf"
        pages = [page["text"].strip() for page in data["page"]]
        docs.append(Document(path, data["title"], "pdf", [Block(t, Location(page=n)) for n, t in enumerate(pages, 1)]))
        for item in data["question"]:
            questions.append(PageQuestion(item["question"], path, int(item["page"]), item["answer"]))
    return docs, questions


def check_data(docs: list[Document], questions: list[PageQuestion]) -> None:
    """Each answer on its gold page and on no other page of its document."""
    pages = {(d.path, b.location.page): squeeze(b.text) for d in docs for b in d.blocks}
    for q in questions:
        holders = [page for (path, page), text in pages.items() if path == q.path and squeeze(q.answer) in text]
        if holders != [q.page]:
            sys.exit(f"{q.path.stem}: '{q.answer}' ({q.text}) is on pages {holders}, not only page {q.page}")


def rank_of_gold(passages: list[Passage], question: PageQuestion) -> int | None:
    for rank, passage in enumerate(passages, 1):
        if passage.path == question.path and any(loc.page == question.page for loc in passage.locations):
            return rank
    return None


def recall(index: LibraryIndex, questions: list[PageQuestion], ranking: Ranking) -> tuple[float, float]:
    ranks = [rank_of_gold(search(index, q.text, k=10, ranking=ranking), q) for q in questions]
    return (
        sum(r == 1 for r in ranks) / len(ranks),
        sum(r is not None and r <= 3 for r in ranks) / len(ranks),
    )


def korquad_recall(corpus: Path, tmp: Path) -> tuple[float, float]:
    with LibraryIndex.open(tmp / "korquad.sqlite3") as index:
        docs, questions = load_korquad(corpus / KORQUAD, tmp / "korquad", None)
        build_index(index, docs)
        with_evidence = evaluate(questions, lambda q: search(index, q, k=10))
        without = evaluate(questions, lambda q: search(index, q, k=10, ranking=WITHOUT_EVIDENCE))
    return with_evidence.recall_at_1, without.recall_at_1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--korquad", action="store_true", help="also KorQuAD 1.0 dev Recall@1, both ways")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        docs, questions = load_pages(tmp / "pages")
        check_data(docs, questions)
        with LibraryIndex.open(tmp / "pages.sqlite3") as index:
            build_index(index, docs)
            chunks = index.stats().chunks
            figures["recall_at_1"], figures["recall_at_3"] = recall(index, questions, DEFAULT_RANKING)
            base_1, base_3 = recall(index, questions, WITHOUT_EVIDENCE)
        figures["without_evidence_recall_at_1"], figures["without_evidence_recall_at_3"] = base_1, base_3
        figures["recall_at_1_vs_without_evidence"] = figures["recall_at_1"] / max(base_1, 1e-9)
        if args.korquad:
            figures["korquad_recall_at_1"], figures["korquad_without_evidence_recall_at_1"] = korquad_recall(
                args.corpus, tmp
            )
    pages = sum(len(d.blocks) for d in docs)
    print(f"{len(docs)} documents, {pages} pages, {chunks} chunks, {len(questions)} questions")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for name, value in figures.items():
        print(f"{name}: {value:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
