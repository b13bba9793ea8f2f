"""What every reader gets besides the path: limits, a cancel token and a progress callback."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.core.cancel import CancelToken
from app.core.errors import DocumentTooLarge
from app.docs.limits import DEFAULT_LIMITS, Limits

ProgressCallback = Callable[[float], None]


def _no_progress(_fraction: float) -> None:
    return None


@dataclass
class ReadContext:
    path: Path
    limits: Limits = DEFAULT_LIMITS
    cancel: CancelToken | None = None
    progress: ProgressCallback = field(default=_no_progress)
    chars: int = 0

    def check(self) -> None:
        """Raise ``Cancelled`` if the user stopped the work."""
        if self.cancel is not None:
            self.cancel.raise_if_cancelled()

    def report(self, fraction: float) -> None:
        self.check()
        self.progress(min(1.0, max(0.0, fraction)))

    def count_chars(self, text: str) -> None:
        self.chars += len(text)
        if self.chars > self.limits.max_chars:
            raise DocumentTooLarge(self.path, f"글자 수가 {self.limits.max_chars:,}자를 넘습니다")
