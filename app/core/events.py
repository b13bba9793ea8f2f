"""Events that tasks yield; the CLI prints them and the GUI turns them into signals."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Progress:
    stage: str
    """A short Korean label of what is happening now (e.g. "문서 읽는 중")."""
    fraction: float | None = None
    """0.0-1.0 when known."""


@dataclass(frozen=True)
class Token:
    text: str


@dataclass(frozen=True)
class Notice:
    """Something the user should see beside the result (e.g. the document was shortened)."""

    text: str


@dataclass(frozen=True)
class Done:
    text: str
    data: dict[str, Any] = field(default_factory=dict)


Event = Progress | Token | Notice | Done
