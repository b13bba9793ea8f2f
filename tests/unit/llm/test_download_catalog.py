"""The catalog of recommended models is consistent enough to download from and to plan memory with."""

from __future__ import annotations

import re

from app.llm.catalog import load_catalog

REPO = re.compile(r"[A-Za-z0-9][\w.-]*/[\w.-]+")


def test_catalog_entries_are_complete_and_never_guess() -> None:
    catalog = load_catalog()
    # An adapter entry (Baro's tuned model) shares its base's file; anything else is one entry per file.
    files = [(m.file, m.adapter) for m in catalog.models]
    assert len(files) == len(set(files)), "two entries for one file"
    bases = {m.file for m in catalog.models if not m.adapter}
    assert all(m.file in bases for m in catalog.models if m.adapter), "an adapter without its base entry"
    for model in catalog.models:
        assert model.name and model.license, model.id
        assert model.repo == "" or REPO.fullmatch(model.repo), model.id
        assert model.sha256 == "" or re.fullmatch(r"[0-9a-f]{64}", model.sha256), model.id
        # A verified checksum always comes with its verified size, and the reverse.
        assert bool(model.sha256) == bool(model.size_bytes), model.id
        assert model.ram_gb > 0, model.id
        if model.size_bytes:
            assert model.ram_gb * 1024**3 > model.size_bytes, f"{model.id}: RAM must exceed the file size"
        assert model.context_length >= model.default_context >= 512, model.id


def test_the_recommended_korean_models_are_listed() -> None:
    ids = {m.id for m in load_catalog().models if m.tier == "instruct"}
    for wanted in (
        "exaone-3.5-2.4b",
        "hyperclovax-seed-1.5b",
        "hyperclovax-seed-0.5b",
        "kanana-1.5-2.1b",
        "qwen2.5-3b",
    ):
        assert any(i.startswith(wanted) for i in ids), wanted
