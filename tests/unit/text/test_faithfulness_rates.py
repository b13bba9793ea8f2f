"""Acceptance: on real sentences, faithful rewrites pass and single-fact corruptions do not."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.text.faithfulness_set import (
    OFFICE_KINDS,
    build_cases,
    build_office_cases,
    judge,
    korquad_articles,
    news_article,
)


@pytest.mark.corpus
def test_support_rates_on_korquad_and_news(corpus: Path) -> None:
    documents = [news_article(corpus), *korquad_articles(corpus)[::2]]
    rates = judge(build_cases(documents, per_document=4, seed=20240601))
    faithful_rate, faithful_n = rates.rate(("copy", "paraphrase"))
    corrupted_rate, corrupted_n = rates.rate(("number", "name", "polarity"))
    for kind in ("copy", "paraphrase", "number", "name", "polarity"):
        share, n = rates.rate((kind,))
        print(f"{kind}: {share:.3f} of {n}")
    print(f"faithful judged supported: {faithful_rate:.3f} of {faithful_n}")
    print(f"corrupted judged not supported: {corrupted_rate:.3f} of {corrupted_n}")
    assert faithful_n >= 300 and corrupted_n >= 300
    assert faithful_rate >= 0.9, rates.failures[:5]
    assert corrupted_rate >= 0.9, rates.failures[:5]
    for kind in ("number", "name", "polarity"):
        assert rates.rate((kind,))[0] >= 0.85, kind


def test_support_rates_on_office_documents() -> None:
    """Identifiers, figures in their roles, auxiliary polarity, 있다/없다: each kind caught ≥ 95%."""
    rates = judge(build_office_cases(seed=20250301))
    for kind in ("copy", "paraphrase", "outline", "number", "polarity", *OFFICE_KINDS):
        share, n = rates.rate((kind,))
        print(f"office {kind}: {share:.3f} of {n}")
    faithful_rate, faithful_n = rates.rate(("copy", "paraphrase", "outline"))
    assert faithful_n >= 150
    assert faithful_rate >= 0.97, rates.failures[:5]
    assert rates.rate(("outline",))[0] == 1.0, [f for f in rates.failures if f[0].kind == "outline"]
    for kind in OFFICE_KINDS:
        share, n = rates.rate((kind,))
        assert n >= 15, kind
        assert share >= 0.95, (kind, [f for f in rates.failures if f[0].kind == kind][:5])
