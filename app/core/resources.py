"""Where Baro's shipped files are (models/, resources/): a checkout or a frozen bundle. The one lookup."""

from __future__ import annotations

import sys
from pathlib import Path


def project_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parents[2]


def shipped(*parts: str) -> Path:
    """A shipped file or folder, e.g. ``shipped("resources", "guard")``."""
    return project_root().joinpath(*parts)
