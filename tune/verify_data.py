"""Run every target of the instruction set through Baro's own checks; exit 1 listing each failure.

- 요약: 3–5 sentences, every one judged "supported" by ``SupportChecker`` against the document.
- 질문: answers cite passages ``[n]`` that exist; every sentence is supported, and supported by a passage it
  cites; the answer's key phrase is in a cited passage. Negatives are exactly the not-found sentence, their
  passages contain none of the absent key terms, and the real answer (cross-document negatives) is not
  supported by them.
- 초안: every sentence supported by the title and points (no new facts), in the template's register; the
  body passes the template's structure checks (numbering, ``끝.`` for 공문, official date form).
- 주권: the claims guard finds nothing and the rule's own fact/correction supports every sentence.
- Every target of every task passes the claims guard. Splits share no source document; counts meet the
  issue's minimums (400 examples, 60 held out, 20% of 질문 negatives).

Uses only ``app.text`` (no model): ``.venv/bin/python tune/verify_data.py``.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from app.tasks.ask import NOT_IN_PASSAGES as NOT_FOUND
from app.text.guard import ClaimGuard
from app.text.guard_rules import GuardRule, parse_rules
from app.text.korean_format import Register, Scheme, date_problems, end_mark_problems, numbering_problems
from app.text.korean_format.registers import is_in_register
from app.text.sentences import split_sentences
from app.text.support import SupportChecker

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tune" / "data"
FILES = (DATA / "train.jsonl", DATA / "heldout.jsonl")
GUARD_DIR = ROOT / "resources" / "guard"
TEMPLATES = ROOT / "resources" / "templates"

MIN_EXAMPLES = 400
MIN_HELDOUT = 60
MIN_NEGATIVE_SHARE = 0.2
SUMMARY_SENTENCES = (3, 5)
SHAPES = {("gist", "short"): 3, ("bullets", "short"): 3, ("bullets", "medium"): 5}
"""Lines the app's summary instruction asks for (summary_prompts: gist "세 문장", bullets POINTS 3개/5개)."""
MAX_ANSWER_CHARS = 200
TASKS = ("summarize", "ask", "draft", "guard")

_CITATION = re.compile(r"\[(\d{1,2})\]")
_LIST_MARKER = re.compile(r"^\s*(?:[-*•·▪◦□○]|\(?\d{1,2}[.)]|\(?[가-하][.)]|\(\d{1,2}\)|\([가-하]\))\s+")
_END = "  끝."


def compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def load(paths: Iterable[Path] = FILES) -> dict[str, list[dict[str, Any]]]:
    return {
        p.stem: [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line.strip()] for p in paths
    }


def guard_rules() -> list[GuardRule]:
    rules: list[GuardRule] = []
    for path in sorted(GUARD_DIR.glob("*.toml")):
        rules.extend(parse_rules(path.read_text(encoding="utf-8"), path.name))
    return rules


def templates() -> dict[str, dict[str, Any]]:
    out = {}
    for path in sorted(TEMPLATES.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        out[data["name"]] = data
    return out


def unsupported(checker: SupportChecker, sentences: Iterable[str]) -> list[str]:
    problems = []
    for sentence in sentences:
        verdict = checker.check(sentence)
        if not verdict.is_supported:
            problems.append(f"'{sentence}' → {verdict.label} ({' '.join(verdict.reasons[:2])})")
    return problems


def claims(text: str) -> list[str]:
    """Sentences of ``text`` without list markers, citations or the closing mark."""
    out = []
    for sentence in split_sentences(text.removesuffix(_END)):
        plain = _CITATION.sub("", _LIST_MARKER.sub("", sentence.text)).strip()
        if plain:
            out.append(plain)
    return out


class Verifier:
    def __init__(self) -> None:
        self.guard = ClaimGuard(guard_rules())
        self.rules = {r.id: r for r in self.guard.rules}
        self.templates = templates()
        self._checkers: dict[tuple[str, ...], SupportChecker] = {}

    def checker(self, passages: list[str]) -> SupportChecker:
        """One checker per set of passages: both summaries of a document share their analysis."""
        key = tuple(passages)
        if key not in self._checkers:
            self._checkers[key] = SupportChecker(passages)
        return self._checkers[key]

    def check(self, example: dict[str, Any]) -> list[str]:
        task = example.get("task")
        if task not in TASKS:
            return [f"unknown task {task!r}"]
        problems = getattr(self, f"_{task}")(example)
        for finding in (f for s in claims(example["target"]) for f in self.guard.check(s)):
            problems.append(f"claims guard ({finding.rule.id}): '{finding.sentence}' says '{finding.phrase}'")
        return list(problems)

    def _summarize(self, example: dict[str, Any]) -> list[str]:
        target = example["target"]
        lines = [line for line in target.splitlines() if line.strip()]
        sentences = claims(target)
        problems = []
        low, high = SUMMARY_SENTENCES
        if not low <= len(sentences) <= high:
            problems.append(f"{len(sentences)} sentences, expected {low}–{high}")
        wanted = SHAPES.get((example["style"], example["length"]))
        if wanted is None:
            problems.append(f"no summary shape for {example['style']}/{example['length']}")
        elif len(lines) != wanted:
            problems.append(f"{len(lines)} lines, the app asks {example['style']}/{example['length']} for {wanted}")
        if example["style"] == "bullets" and not all(line.startswith("- ") for line in lines):
            problems.append("a bullets summary has a line without '- '")
        if example["style"] == "gist" and any(_LIST_MARKER.match(line) for line in lines):
            problems.append("a gist summary has a list marker")
        if compact(target) in compact(example["document"]):
            problems.append("the summary is a copy of the document")
        problems += unsupported(self.checker([example["document"]]), sentences)
        # The app checks a summary against the key sentences it gave the model (claim_judge over the key quotes, in the answer watch).
        problems += [f"key sentences: {p}" for p in unsupported(self.checker(example["key_sentences"]), sentences)]
        return problems

    def _ask(self, example: dict[str, Any]) -> list[str]:
        passages = [p["text"] for p in example["passages"]]
        numbers = [p["number"] for p in example["passages"]]
        if numbers != list(range(1, len(passages) + 1)):
            return [f"passages are numbered {numbers}"]
        if example["answerable"]:
            return self._answer(example, passages)
        problems = [] if example["target"] == NOT_FOUND else [f"a negative's target must be exactly '{NOT_FOUND}'"]
        if not example.get("absent_terms"):
            problems.append("a negative lists no absent_terms")
        shown = compact(" ".join(f"{p['title']} {p['text']}" for p in example["passages"]))
        problems += [
            f"absent term '{t}' is in the passages" for t in example.get("absent_terms", []) if compact(t) in shown
        ]
        elsewhere = example.get("answer_elsewhere")
        if elsewhere:
            checker = SupportChecker(passages)
            for sentence in claims(elsewhere):
                verdict = checker.check(sentence)
                if verdict.is_supported:
                    problems.append(f"the passages back the real answer: '{sentence}' → {verdict.label}")
        return problems

    def _answer(self, example: dict[str, Any], passages: list[str]) -> list[str]:
        target = example["target"]
        problems = []
        if target == NOT_FOUND or NOT_FOUND in target:
            problems.append("an answerable question is answered as not found")
        if len(target) > MAX_ANSWER_CHARS:
            problems.append(f"the answer is {len(target)} characters (short answers only, ≤ {MAX_ANSWER_CHARS})")
        checker = SupportChecker(passages)
        cited_all: set[int] = set()
        for sentence in split_sentences(target):
            cited = {int(n) for n in _CITATION.findall(sentence.text)}
            plain = _CITATION.sub("", sentence.text).strip()
            if not plain:
                continue
            if not cited:
                problems.append(f"'{sentence.text}' cites no passage")
                continue
            if not cited <= set(range(1, len(passages) + 1)):
                problems.append(f"'{sentence.text}' cites a passage that does not exist")
                continue
            cited_all |= cited
            if any(compact(plain.rstrip(".")) in compact(passages[n - 1]) for n in cited):
                continue  # verbatim, as the app accepts it
            verdict = checker.check(plain)
            if not verdict.is_supported:
                problems.append(f"'{plain}' → {verdict.label} ({' '.join(verdict.reasons[:2])})")
            elif verdict.source_index is None or verdict.source_index + 1 not in cited:
                found = None if verdict.source_index is None else verdict.source_index + 1
                problems.append(f"'{plain}' cites {sorted(cited)} but is supported by [{found}]")
        key = compact(example["answer_key"])
        if key not in compact(target):
            problems.append(f"the answer does not contain its key '{example['answer_key']}'")
        if not any(key in compact(passages[n - 1]) for n in cited_all if 1 <= n <= len(passages)):
            problems.append(f"no cited passage contains the key '{example['answer_key']}'")
        return problems

    def _draft(self, example: dict[str, Any]) -> list[str]:
        template = self.templates.get(example["template"])
        if template is None:
            return [f"unknown template {example['template']!r}"]
        register = Register(example["register"])
        checker = SupportChecker([example["title"], *example["points"]])
        problems = []
        for piece in example["pieces"]:
            sentences = [s.text for s in split_sentences(piece["text"])]
            if not 1 <= len(sentences) <= template["sentences_per_point"]:
                problems.append(f"'{piece['text']}' has {len(sentences)} sentences for one point")
            problems += [f"'{s}' is not in {register}" for s in sentences if not is_in_register(s, register)]
            problems += unsupported(checker, sentences)
        target = example["target"]
        lines = target.splitlines()
        scheme = template.get("numbering")
        if scheme in (Scheme.GONGMUN, Scheme.REPORT) and len(lines) > 1:
            problems += numbering_problems([line.removesuffix(_END) for line in lines], Scheme(scheme))
        if template.get("closing"):
            problems += end_mark_problems(target)
        elif "끝." in target.split():
            problems.append("this template takes no '끝.'")
        problems += date_problems(target)
        return problems

    def _guard(self, example: dict[str, Any]) -> list[str]:
        rule = self.rules.get(example["rule"])
        if rule is None:
            return [f"unknown guard rule {example['rule']!r}"]
        problems = []
        if rule not in self.guard.rules_about(example["question"]):
            problems.append("the question does not touch its rule's topic")
        problems += unsupported(self.checker([rule.fact, rule.correction]), claims(example["target"]))
        return problems


def split_problems(splits: dict[str, list[dict[str, Any]]]) -> list[str]:
    problems = []
    train, heldout = splits.get("train", []), splits.get("heldout", [])
    every = train + heldout
    repeated = [i for i, n in Counter(e["id"] for e in every).items() if n > 1]
    problems += [f"id '{i}' is used more than once" for i in repeated]
    seen = {e["source"] for e in train} | {e.get("passages_from") for e in train}
    held = {e["source"] for e in heldout} | {e.get("passages_from") for e in heldout}
    shared = sorted((seen & held) - {None})
    if shared:
        problems.append(f"train and heldout share source documents: {', '.join(map(str, shared))}")
    if len(every) < MIN_EXAMPLES:
        problems.append(f"{len(every)} examples, at least {MIN_EXAMPLES} needed")
    if len(heldout) < MIN_HELDOUT:
        problems.append(f"{len(heldout)} held-out examples, at least {MIN_HELDOUT} needed")
    asks = [e for e in every if e["task"] == "ask"]
    negatives = sum(1 for e in asks if not e["answerable"])
    if asks and negatives / len(asks) < MIN_NEGATIVE_SHARE:
        problems.append(f"negatives are {negatives / len(asks):.0%} of 질문, at least {MIN_NEGATIVE_SHARE:.0%} needed")
    return problems


def report(splits: dict[str, list[dict[str, Any]]]) -> list[str]:
    lines = []
    for name, examples in splits.items():
        counts = Counter(e["task"] for e in examples)
        lines.append(f"{name}: {len(examples)} ({', '.join(f'{t} {counts[t]}' for t in TASKS)})")
    asks = [e for s in splits.values() for e in s if e["task"] == "ask"]
    negatives = sum(1 for e in asks if not e["answerable"])
    lines.append(f"ask negatives: {negatives}/{len(asks)} = {negatives / max(len(asks), 1):.2f}")
    lines.append(f"documents: {len({e['source'] for s in splits.values() for e in s if e['task'] != 'guard'})}")
    return lines


def failures(splits: dict[str, list[dict[str, Any]]]) -> list[str]:
    verifier = Verifier()
    out = split_problems(splits)
    for examples in splits.values():
        for example in examples:
            out += [f"{example['id']}: {p}" for p in verifier.check(example)]
    return out


def main() -> int:
    splits = load()
    for line in report(splits):
        print(line)
    found = failures(splits)
    for line in found:
        print(f"FAIL {line}")
    print(f"failures: {len(found)}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
