"""What a streamed answer shows: its tokens, minus what was withdrawn (the same for the GUI and the CLI)."""

from __future__ import annotations

import re

from app.core.events import Token, Withdraw

_SPACES = re.compile(r"[ \t]{2,}")


class StreamedText:
    """Apply ``Token`` and ``Withdraw`` events in order; ``shown`` is the answer as the user sees it."""

    def __init__(self) -> None:
        self.raw = ""
        self.withdrawn: list[tuple[int, int]] = []
        """``[start, end)`` ranges of ``raw`` that are no longer part of the answer."""

    def add(self, event: Token | Withdraw) -> bool:
        """Take one event; whether what is shown changed."""
        if isinstance(event, Token):
            self.raw += event.text
            return bool(event.text)
        start = len(self.raw) - event.back
        end = start + len(event.text)
        if start < 0 or not event.text or self.raw[start:end] != event.text:
            return False  # not text this view showed
        self.withdrawn.append((start, end))
        return True

    def kept_ranges(self) -> list[tuple[int, int]]:
        kept: list[tuple[int, int]] = []
        cursor = 0
        for start, end in sorted(self.withdrawn):
            if start > cursor:
                kept.append((cursor, start))
            cursor = max(cursor, end)
        if cursor < len(self.raw):
            kept.append((cursor, len(self.raw)))
        return kept

    @property
    def shown(self) -> str:
        return tidy("".join(self.raw[a:b] for a, b in self.kept_ranges()))


def tidy(text: str) -> str:
    """Text with withdrawn parts taken out: no lines left empty or holding only a list marker, single spaces."""
    if not text:
        return text
    lines = [_SPACES.sub(" ", line).rstrip() for line in text.split("\n")]
    kept = [line for line in lines if line.strip() and not _bare_marker(line)]
    out = "\n".join(kept)
    return out + ("\n" if text.endswith("\n") and kept else "")


_MARKER_ONLY = re.compile(r"^\s*(?:[-*•·▪◦]|\(?\d{1,3}[.)]|\(?[가-하][.)])\s*$")


def _bare_marker(line: str) -> bool:
    return bool(_MARKER_ONLY.match(line))
