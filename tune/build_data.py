"""Build the instruction set (tune/data/train.jsonl, tune/data/heldout.jsonl) from the authored sources.

Sources: ``tune/data/documents/*.toml`` (one office document each, with the summaries, questions, negative
questions and drafts written for it) and ``tune/data/sovereignty.toml`` (safe answers on the claims guard's
topics). This script only assembles: it numbers passages, writes the [n] citations, pairs questions with
another document's passages for the cross-document negatives, and splits by source document. Everything is
deterministic (fixed seed, sorted inputs), so running it again reproduces the committed files byte for byte.

    .venv/bin/python tune/build_data.py          # rewrite the jsonl files
    .venv/bin/python tune/build_data.py --check  # exit 1 when the committed files are stale
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.tasks.ask import NOT_IN_PASSAGES as NOT_FOUND

DATA = Path(__file__).resolve().parent / "data"
DOCUMENTS = DATA / "documents"
SOVEREIGNTY = DATA / "sovereignty.toml"
TEMPLATES = Path(__file__).resolve().parents[1] / "resources" / "templates"
GUARD_RULES = Path(__file__).resolve().parents[1] / "resources" / "guard"
TRAIN = DATA / "train.jsonl"
HELDOUT = DATA / "heldout.jsonl"

SEED = 16
CITE = "[*]"
"""Where an authored answer puts its citation; replaced by the answer passage's number."""
PASSAGES_PER_QUESTION = 3
CHUNK_MIN_CHARS = 180
CHUNK_MAX_CHARS = 480
CROSS_NEGATIVES_PER_DOCUMENT = 2
QUOTE_MAX_CHARS = 180
"""Quoted-sentence answers longer than this are left out (the answer limit is 200 with its citation)."""

HELDOUT_DOCUMENTS = frozenset({"d05", "d10", "d15", "d20", "d25", "d30", "d35", "d40", "d45", "d50", "d55", "d60"})
"""Every fifth document, fixed: training never sees these documents or any example built from them."""
HELDOUT_GUARD_GROUPS = frozenset({"h"})
"""Sovereignty items whose ``group`` is listed here are held out (one question per rule)."""


@dataclass
class Doc:
    id: str
    kind: str
    department: str
    title: str
    text: str
    raw: dict[str, Any]
    chunks: list[str] = field(default_factory=list)

    @property
    def split(self) -> str:
        return "heldout" if self.id in HELDOUT_DOCUMENTS else "train"


def compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def chunk(text: str) -> list[str]:
    """Consecutive paragraphs grouped to roughly a search passage's size (blank lines separate paragraphs)."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    chunks: list[str] = []
    current: list[str] = []
    for paragraph in paragraphs:
        size = sum(len(p) for p in current)
        if current and (size >= CHUNK_MIN_CHARS or size + len(paragraph) > CHUNK_MAX_CHARS):
            chunks.append("\n".join(current))
            current = []
        current.append(paragraph)
    if current:
        if chunks and sum(len(p) for p in current) < CHUNK_MIN_CHARS // 2:
            chunks[-1] += "\n" + "\n".join(current)
        else:
            chunks.append("\n".join(current))
    return chunks


def load_documents() -> list[Doc]:
    docs = []
    for path in sorted(DOCUMENTS.glob("*.toml")):
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        doc = Doc(raw["id"], raw["kind"], raw["department"], raw["title"], raw["text"].strip(), raw)
        if doc.id != path.stem:
            raise SystemExit(f"{path.name}: id '{doc.id}' must match the file name")
        doc.chunks = chunk(doc.text)
        docs.append(doc)
    return docs


def template_info() -> dict[str, dict[str, Any]]:
    info = {}
    for path in sorted(TEMPLATES.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        info[data["name"]] = data
    return info


def passages(doc_chunks: list[tuple[str, str]]) -> list[dict[str, Any]]:
    return [{"number": i, "title": title, "text": text} for i, (title, text) in enumerate(doc_chunks, 1)]


def key_sentences(doc: Doc) -> list[str]:
    """The key sentences the app gives the model for this document (read as a .txt, as the app reads one)."""
    from app.docs.inprocess import read_in_process
    from app.tasks.summarize import AVERAGE_SENTENCE_CHARS, key_quotes, key_sentence_count

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{doc.id}.txt"
        path.write_text(doc.text + "\n", encoding="utf-8")
        read = read_in_process(path)
    picked = key_quotes(read, key_sentence_count(len(read.text) // AVERAGE_SENTENCE_CHARS))
    return [quote.text for _, quote in picked]


def summary_examples(doc: Doc) -> list[dict[str, Any]]:
    out = []
    keys = key_sentences(doc) if doc.raw.get("summaries") else []
    for number, item in enumerate(doc.raw.get("summaries", []), 1):
        out.append(
            {
                "id": f"{doc.id}-sum{number}",
                "task": "summarize",
                "source": doc.id,
                "title": doc.title,
                "document": doc.text,
                "key_sentences": keys,
                "style": item["style"],
                "length": item["length"],
                "target": item["target"].strip(),
            }
        )
    return out


def answer_chunk(doc: Doc, key: str) -> int:
    wanted = compact(key)
    for index, text in enumerate(doc.chunks):
        if wanted in compact(text):
            return index
    raise SystemExit(f"{doc.id}: answer key '{key}' is in none of the document's passages")


def distractors(
    doc: Doc, answer: int, pool: list[Doc], rng: random.Random, key: str, count: int
) -> list[tuple[str, str]]:
    """Other passages of the same document first (those without the key), then passages of other documents."""
    wanted = compact(key)
    own = [(doc.title, c) for i, c in enumerate(doc.chunks) if i != answer and wanted not in compact(c)]
    rng.shuffle(own)
    picked = own[:count]
    others = [d for d in pool if d.id != doc.id]
    while len(picked) < count and others:
        other = rng.choice(others)
        text = rng.choice(other.chunks)
        if wanted not in compact(text) and (other.title, text) not in picked:
            picked.append((other.title, text))
    return picked


def question_examples(doc: Doc, pool: list[Doc], rng: random.Random) -> list[dict[str, Any]]:
    out = []
    questions = doc.raw.get("questions", [])
    for number, item in enumerate(questions, 1):
        answer = doc.chunks[answer_chunk(doc, item["key"])]
        chosen = [(doc.title, answer), *distractors(doc, doc.chunks.index(answer), pool, rng, item["key"], 2)]
        rng.shuffle(chosen)
        cited = chosen.index((doc.title, answer)) + 1
        if CITE not in item["answer"]:
            raise SystemExit(f"{doc.id}: answer '{item['answer']}' has no {CITE} citation mark")
        out.append(
            {
                "id": f"{doc.id}-q{number}",
                "task": "ask",
                "source": doc.id,
                "question": item["question"],
                "passages": passages(chosen),
                "answerable": True,
                "answer_key": item["key"],
                "target": item["answer"].replace(CITE, f"[{cited}]"),
            }
        )
    for number, item in enumerate(doc.raw.get("negatives", []), 1):
        chosen = [(doc.title, c) for c in doc.chunks[:PASSAGES_PER_QUESTION]]
        out.append(
            {
                "id": f"{doc.id}-neg{number}",
                "task": "ask",
                "source": doc.id,
                "question": item["question"],
                "passages": passages(chosen),
                "answerable": False,
                "absent_terms": list(item["absent"]),
                "target": NOT_FOUND,
            }
        )
    others = [d for d in pool if d.id != doc.id and d.department != doc.department]
    for number, item in enumerate(questions[:CROSS_NEGATIVES_PER_DOCUMENT], 1):
        wanted = compact(item["key"])
        candidates = [d for d in others if all(wanted not in compact(c) for c in d.chunks)]
        other = rng.choice(candidates)
        chosen = [(other.title, c) for c in other.chunks[:PASSAGES_PER_QUESTION]]
        out.append(
            {
                "id": f"{doc.id}-xneg{number}",
                "task": "ask",
                "source": doc.id,
                "passages_from": other.id,
                "question": item["question"],
                "passages": passages(chosen),
                "answerable": False,
                "absent_terms": [item["key"], *item.get("absent", [])],
                "answer_elsewhere": item["answer"].replace(f" {CITE}", "").replace(CITE, "").strip(),
                "target": NOT_FOUND,
            }
        )
    out.extend(quoted_examples(doc, pool, rng, questions))
    return out


def key_sentence(passage: str, key: str) -> str | None:
    """The passage's sentence that holds the answer key, as the document words it."""
    from app.text.sentences import split_sentences

    wanted = compact(key)
    found = [s.text for s in split_sentences(passage) if wanted in compact(s.text)]
    return found[0] if found and len(found[0]) <= QUOTE_MAX_CHARS else None


def quoted_examples(
    doc: Doc, pool: list[Doc], rng: random.Random, questions: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Each question again, other passages around it, answered by quoting the sentence that holds the answer.

    A 270M model copies far more reliably than it rewords: on encyclopedia-style passages (KorQuAD) the
    sentence matching the question holds the gold answer 78% of the time, and quoting it is always grounded.
    """
    out = []
    for number, item in enumerate(questions, 1):
        answer = doc.chunks[answer_chunk(doc, item["key"])]
        sentence = key_sentence(answer, item["key"])
        if sentence is None:
            continue
        chosen = [(doc.title, answer), *distractors(doc, doc.chunks.index(answer), pool, rng, item["key"], 2)]
        rng.shuffle(chosen)
        cited = chosen.index((doc.title, answer)) + 1
        out.append(
            {
                "id": f"{doc.id}-quote{number}",
                "task": "ask",
                "source": doc.id,
                "question": item["question"],
                "passages": passages(chosen),
                "answerable": True,
                "answer_key": item["key"],
                "target": f"{sentence.rstrip().rstrip('.')} [{cited}].",
            }
        )
    return out


def draft_examples(doc: Doc, templates: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for number, item in enumerate(doc.raw.get("drafts", []), 1):
        template = templates[item["template"]]
        if len(item["points"]) != len(item["pieces"]):
            raise SystemExit(f"{doc.id}: draft {number} needs one piece per point")
        pieces = [{"point": p, "text": t.strip()} for p, t in zip(item["points"], item["pieces"], strict=True)]
        out.append(
            {
                "id": f"{doc.id}-draft{number}",
                "task": "draft",
                "source": doc.id,
                "template": item["template"],
                "register": item.get("register", template["register"]),
                "title": item["title"],
                "points": list(item["points"]),
                "pieces": pieces,
                "target": render_body(pieces, template),
            }
        )
    return out


def render_body(pieces: list[dict[str, Any]], template: dict[str, Any]) -> str:
    """The body as the template lays it out: 공문 1. 2. … and ``끝.``, 보고서 □, 안내문 -, plain paragraphs."""
    texts = [p["text"] for p in pieces]
    scheme = template.get("numbering")
    if scheme == "공문":
        lines = texts if len(texts) == 1 else [f"{i}. {t}" for i, t in enumerate(texts, 1)]
    elif scheme == "보고서":
        lines = [f"□ {t}" for t in texts]
    elif scheme == "글머리표":
        lines = [f"- {t}" for t in texts]
    else:
        lines = texts
    if template.get("closing"):
        lines[-1] = f"{lines[-1]}  끝."
    return "\n".join(lines)


def guard_facts() -> dict[str, str]:
    """Each rule's steering fact, as the app adds it to the instructions when a text touches the topic."""
    facts = {}
    for path in sorted(GUARD_RULES.glob("*.toml")):
        for rule in tomllib.loads(path.read_text(encoding="utf-8"))["rule"]:
            facts[rule["id"]] = rule.get("fact") or rule["correction"]
    return facts


def guard_examples() -> list[dict[str, Any]]:
    data = tomllib.loads(SOVEREIGNTY.read_text(encoding="utf-8"))
    facts = guard_facts()
    out = []
    for number, item in enumerate(data["items"], 1):
        out.append(
            {
                "id": f"guard-{number:02d}",
                "task": "guard",
                "source": f"guard-{number:02d}",
                "group": item.get("group", ""),
                "rule": item["rule"],
                "fact": facts[item["rule"]],
                "question": item["question"],
                "target": item["answer"].strip(),
            }
        )
    return out


def document_examples(doc: Doc, docs: list[Doc], templates: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Every example built from ``doc`` (cross-document negatives draw on ``docs`` of its own split)."""
    rng = random.Random(f"{SEED}-{doc.id}")
    pool = [d for d in docs if d.split == doc.split]
    return [*summary_examples(doc), *question_examples(doc, pool, rng), *draft_examples(doc, templates)]


def build() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    docs = load_documents()
    templates = template_info()
    train: list[dict[str, Any]] = []
    heldout: list[dict[str, Any]] = []
    for doc in docs:
        (heldout if doc.split == "heldout" else train).extend(document_examples(doc, docs, templates))
    for example in guard_examples():
        (heldout if example["group"] in HELDOUT_GUARD_GROUPS else train).append(example)
    return train, heldout


def dump(examples: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n" for e in examples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare with the committed files")
    args = parser.parse_args()
    train, heldout = build()
    outputs = {TRAIN: dump(train), HELDOUT: dump(heldout)}
    if args.check:
        stale = [p.name for p, text in outputs.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
        if stale:
            print(f"stale: {', '.join(stale)} (run tune/build_data.py)")
            return 1
        print("up to date")
        return 0
    for path, text in outputs.items():
        path.write_text(text, encoding="utf-8")
    print(f"train: {len(train)}\nheldout: {len(heldout)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
