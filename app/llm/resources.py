"""Find the project's data folders (models/, resources/) in a checkout or in a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def project_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parents[2]


def catalog_file() -> Path:
    return project_root() / "models" / "catalog.toml"


def shipped_model_file(name: str) -> Path:
    """A file shipped beside the catalog (Baro's LoRA adapters)."""
    return project_root() / "models" / name
