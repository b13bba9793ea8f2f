"""Helpers the bench scripts share: finding the project, the corpus and the default model."""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def corpus_dir() -> Path:
    env = os.environ.get("BARO_CORPUS")
    path = Path(env) if env else ROOT.parent / "shared" / "corpus"
    if not path.is_dir():
        sys.exit(f"corpus not found at {path}; set BARO_CORPUS")
    return path


def default_model() -> Path:
    from app.llm.default_model import ensure_default_model
    from app.store.paths import app_paths

    return ensure_default_model(app_paths().ensure().models)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def report(figures: dict[str, float | int | str]) -> None:
    """Each key figure on its own last line as `name: value`."""
    for name, value in figures.items():
        text = f"{value:.3f}" if isinstance(value, float) else str(value)
        print(f"{name}: {text}")
