"""Check one authored document before it joins the set: its key sentences, its examples, what fails.

Builds the examples of the named documents exactly as build_data.py does (nothing is written) and runs every
target through verify_data.py's checks, so an author can iterate on one file at a time.

    .venv/bin/python tune/check_document.py d49 [d50 ...]   # exit 1 when any target fails
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tune.build_data import document_examples, key_sentences, load_documents, template_info
from tune.verify_data import Verifier


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ids", nargs="+", help="document ids (file names without .toml)")
    args = parser.parse_args()
    docs = load_documents()
    by_id = {d.id: d for d in docs}
    verifier, templates, failed = Verifier(), template_info(), 0
    for doc_id in args.ids:
        doc = by_id.get(doc_id)
        if doc is None:
            print(f"{doc_id}: no such document")
            failed += 1
            continue
        print(f"== {doc.id} ({doc.split}, {len(doc.text)} characters, {len(doc.chunks)} passages)")
        for number, sentence in enumerate(key_sentences(doc), 1):
            print(f"  key {number}. {sentence}")
        for example in document_examples(doc, docs, templates):
            problems = verifier.check(example)
            failed += bool(problems)
            print(f"  {'FAIL' if problems else 'ok  '} {example['id']} [{example['task']}]")
            for problem in problems:
                print(f"       {problem}")
    print(f"failing examples: {failed}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
