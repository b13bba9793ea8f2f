"""How to start the engine worker child (see ``app.core.child_process``)."""

from __future__ import annotations

from app.core.child_process import child_command

WORKER_FLAG = "--engine-worker"


def worker_command() -> list[str]:
    return child_command("app.llm.worker", WORKER_FLAG)
