"""How to start the document-reader child (see ``app.core.child_process``)."""

from __future__ import annotations

from app.core.child_process import child_command

DOCS_WORKER_FLAG = "--docs-worker"


def reader_command() -> list[str]:
    return child_command("app.docs.worker", DOCS_WORKER_FLAG)
