"""The model catalog (`models/catalog.toml`): what each known model is and how to prompt it."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from app.core.errors import BaroError
from app.llm.prompts import PromptFormat
from app.llm.resources import catalog_file


@dataclass(frozen=True)
class CatalogModel:
    id: str
    name: str
    file: str
    repo: str
    size_bytes: int
    sha256: str
    license: str
    prompt_format: PromptFormat
    context_length: int
    default_context: int
    ram_gb: float
    tier: str
    adapter: str = ""
    """A LoRA adapter shipped in models/ that llama.cpp applies on top of ``file`` (Baro's own tuning)."""
    adapter_sha256: str = ""

    @property
    def is_small_or_base(self) -> bool:
        return self.tier == "base-small"


@dataclass(frozen=True)
class Catalog:
    default_id: str
    models: tuple[CatalogModel, ...]

    def get(self, model_id: str) -> CatalogModel:
        for model in self.models:
            if model.id == model_id:
                return model
        raise BaroError(f"모델 목록에 '{model_id}'이(가) 없습니다.")

    @property
    def default(self) -> CatalogModel:
        return self.get(self.default_id)

    def by_file(self, file_name: str) -> CatalogModel | None:
        """The plain model stored in ``file_name``: a GGUF on its own is never the adapter-carrying entry."""
        return next((m for m in self.models if m.file == file_name and not m.adapter), None)

    @property
    def tuned(self) -> tuple[CatalogModel, ...]:
        """Entries that are a base file plus one of Baro's adapters."""
        return tuple(m for m in self.models if m.adapter)


def parse_catalog(path: Path) -> Catalog:
    with path.open("rb") as f:
        raw = tomllib.load(f)
    models = tuple(
        CatalogModel(
            id=str(m["id"]),
            name=str(m["name"]),
            file=str(m["file"]),
            repo=str(m.get("repo", "")),
            size_bytes=int(m.get("size_bytes", 0)),
            sha256=str(m.get("sha256", "")),
            license=str(m.get("license", "")),
            prompt_format=PromptFormat(m["prompt_format"]),
            context_length=int(m["context_length"]),
            default_context=int(m.get("default_context", 4096)),
            ram_gb=float(m.get("ram_gb", 0)),
            tier=str(m.get("tier", "instruct")),
            adapter=str(m.get("adapter", "")),
            adapter_sha256=str(m.get("adapter_sha256", "")),
        )
        for m in raw.get("model", [])
    )
    return Catalog(default_id=str(raw["default"]), models=models)


@cache
def load_catalog() -> Catalog:
    return parse_catalog(catalog_file())
