"""The model files shipped with Baro (the catalog, Baro's LoRA adapters), found through ``app.core.resources``."""

from __future__ import annotations

from pathlib import Path

from app.core.resources import shipped


def catalog_file() -> Path:
    return shipped("models", "catalog.toml")


def shipped_model_file(name: str) -> Path:
    """A file shipped beside the catalog (Baro's LoRA adapters)."""
    return shipped("models", name)
