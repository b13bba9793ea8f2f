"""How to start the worker process, in a source checkout, an installed package, or a frozen bundle."""

from __future__ import annotations

import sys

WORKER_FLAG = "--engine-worker"


def worker_command() -> list[str]:
    if getattr(sys, "frozen", False):
        # A PyInstaller bundle has no `python -m`; the bundle's entry point dispatches on this flag.
        return [sys.executable, WORKER_FLAG]
    return [sys.executable, "-m", "app.llm.worker"]
