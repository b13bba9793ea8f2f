"""How to start the document-reader child, in a source checkout, an installed package, or a frozen bundle."""

from __future__ import annotations

import sys

DOCS_WORKER_FLAG = "--docs-worker"


def reader_command() -> list[str]:
    if getattr(sys, "frozen", False):
        # A PyInstaller bundle has no `python -m`; the bundle's entry point dispatches on this flag.
        return [sys.executable, DOCS_WORKER_FLAG]
    return [sys.executable, "-m", "app.docs.worker"]
