"""Acceptance: on real sentences, faithful rewrites pass and single-fact corruptions do not."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from app.text.support import SupportChecker
from tests.unit.text.faithfulness_set import Case, build_cases, korquad_articles, news_article


@pytest.mark.corpus
def test_support_rates_on_korquad_and_news(corpus: Path) -> None:
    documents = [news_article(corpus), *korquad_articles(corpus)[::2]]
    cases = build_cases(documents, per_document=4, seed=20240601)
    checkers: dict[tuple[str, ...], SupportChecker] = {}
    judged: Counter[tuple[str, bool]] = Counter()
    failures: list[tuple[Case, str]] = []
    for case in cases:
        checker = checkers.get(case.passages) or checkers.setdefault(case.passages, SupportChecker(case.passages))
        label = checker.check(case.claim).label
        correct = (label == "supported") == case.faithful
        judged[(case.kind, correct)] += 1
        if not correct:
            failures.append((case, label))

    def rate(kinds: tuple[str, ...]) -> tuple[float, int]:
        right = sum(judged[(k, True)] for k in kinds)
        total = right + sum(judged[(k, False)] for k in kinds)
        return right / total, total

    faithful_rate, faithful_n = rate(("copy", "paraphrase"))
    corrupted_rate, corrupted_n = rate(("number", "name", "polarity"))
    for kind in ("copy", "paraphrase", "number", "name", "polarity"):
        share, n = rate((kind,))
        print(f"{kind}: {share:.3f} of {n}")
    print(f"faithful judged supported: {faithful_rate:.3f} of {faithful_n}")
    print(f"corrupted judged not supported: {corrupted_rate:.3f} of {corrupted_n}")
    assert faithful_n >= 300 and corrupted_n >= 300
    assert faithful_rate >= 0.9, failures[:5]
    assert corrupted_rate >= 0.9, failures[:5]
    for kind in ("number", "name", "polarity"):
        assert rate((kind,))[0] >= 0.85, kind
